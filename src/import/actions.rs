//! Reads the action columns of the seven-column form ("Action required", "Action Owner", "Completion Date") into
//! actions.
//!
//! One provision can have several actions, the second often on a continuation row of its own, and one action's
//! text can run over several rows. A row that names its own owner or date, under an action that already has one,
//! starts another action; otherwise its text continues the action above. An action goes into
//! `[[provisions.actions]]` only when its completion date is a date: the data file requires one, and redress will
//! not invent it, so an action completed "Complete" or due "Q1 2025-26" is kept in the commentary, word for word,
//! under the form's own headings.

use super::assemble::join;
use super::header::{Header, Role};
use super::rows::{Field, Part};
use super::values::read_due;
use crate::data::date::Date;

/// An action with a date.
#[derive(Debug, Clone)]
pub(crate) struct ActionOut {
    pub(crate) action: String,
    pub(crate) owner: String,
    pub(crate) due: Date,
    pub(crate) status: &'static str,
}

/// Groups the action columns of the rows into actions: those with a date, those without (as commentary text),
/// and statuses redress could not read (as commentary text). A row that names its own owner or date, under an action
/// that already has one, starts another action; otherwise its text continues the action above.
pub(crate) fn read_actions(
    parts: &[Part],
    headers: &[Header],
) -> (Vec<ActionOut>, Vec<String>, Vec<String>) {
    #[derive(Default)]
    struct Draft {
        action: Vec<String>,
        owner: Vec<String>,
        due: Vec<String>,
        status: Vec<String>,
        labels: [String; 4],
    }
    let mut drafts: Vec<Draft> = Vec::new();
    for part in parts {
        let get = |f: Field| -> Vec<String> {
            part.fields
                .iter()
                .filter(|(x, _)| *x == f)
                .map(|(_, t)| t.clone())
                .collect()
        };
        let (action, owner, due, status) = (
            get(Field::Action),
            get(Field::Owner),
            get(Field::Due),
            get(Field::Status),
        );
        if action.is_empty() && owner.is_empty() && due.is_empty() && status.is_empty() {
            continue;
        }
        let labels = action_labels(headers.get(part.header));
        let starts = match drafts.last() {
            None => true,
            Some(d) => {
                !action.is_empty()
                    && (!owner.is_empty() || !due.is_empty())
                    && !d.action.is_empty()
                    && (!d.owner.is_empty() || !d.due.is_empty())
            }
        };
        if starts {
            drafts.push(Draft {
                labels,
                ..Draft::default()
            });
        }
        if let Some(d) = drafts.last_mut() {
            d.action.extend(action);
            d.owner.extend(owner);
            d.due.extend(due);
            d.status.extend(status);
        }
    }
    let mut dated = Vec::new();
    let mut undated = Vec::new();
    let mut statuses = Vec::new();
    for d in drafts {
        let action = join_refs(&d.action);
        let owner = join_refs(&d.owner);
        let due_text = join_refs(&d.due);
        let status_text = join_refs(&d.status);
        let due = read_due(&due_text);
        let status = read_due(&status_text).status.or(due.status);
        match due.date {
            Some(date) if !action.is_empty() => {
                dated.push(ActionOut {
                    action,
                    owner,
                    due: date,
                    status: status.unwrap_or("not started"),
                });
                if !status_text.is_empty() && read_due(&status_text).status.is_none() {
                    statuses.push(format!("{}: {status_text}", d.labels[3]));
                }
            }
            _ => {
                let lines: Vec<String> = [
                    (&d.labels[0], action),
                    (&d.labels[1], owner),
                    (&d.labels[2], due_text),
                    (&d.labels[3], status_text),
                ]
                .into_iter()
                .filter(|(_, v)| !v.is_empty())
                .map(|(l, v)| format!("{l}: {v}"))
                .collect();
                undated.push(lines.join("\n\n"));
            }
        }
    }
    (dated, undated, statuses)
}

/// The form's own headings for the action columns, or plain ones.
fn action_labels(header: Option<&Header>) -> [String; 4] {
    let label = |role: Role, default: &str| {
        header
            .and_then(|h| h.column(&role).and_then(|i| h.labels.get(i)))
            .filter(|l| !l.is_empty())
            .cloned()
            .unwrap_or_else(|| default.to_string())
    };
    [
        label(Role::Action, "Action"),
        label(Role::Owner, "Owner"),
        label(Role::Due, "Completion date"),
        label(Role::Status, "Status"),
    ]
}

fn join_refs(texts: &[String]) -> String {
    let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
    join(&refs)
}
