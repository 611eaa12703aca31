//! A provision's record as `labelled` builds it from blocks ([`Draft`]), and the cells it becomes: the Code's
//! wording, the answer and the evidence told apart among the values that came without a label (by the catalogue,
//! and by what an answer looks like), labelled values under their columns, and a row of its own for each action
//! after the first.

use super::super::anchor::{begins_with_requirement, leading_answer, requirement_prefix};
use super::super::header::{Header, Role};
use super::super::values::{read_answer, AnswerRead};
use super::super::Loc;

/// A provision's record being built.
#[derive(Debug)]
pub(super) struct Draft {
    pub(super) loc: Loc,
    /// The number as written.
    pub(super) number: Option<String>,
    /// The provision, when the number or the text has said which.
    pub(super) index: Option<usize>,
    /// Values before any label.
    pub(super) implicit: Vec<String>,
    /// Labelled values: the label's role, its words, the values under it.
    pub(super) fields: Vec<(Role, String, Vec<String>)>,
    /// The last value's text, to tell a page cut off mid-sentence.
    pub(super) last: String,
}

impl Draft {
    pub(super) fn new(loc: Loc) -> Draft {
        Draft {
            loc,
            number: None,
            index: None,
            implicit: Vec::new(),
            fields: Vec::new(),
            last: String::new(),
        }
    }

    pub(super) fn has(&self, role: &Role) -> bool {
        self.fields
            .iter()
            .any(|(r, _, v)| r == role && !v.is_empty())
    }

    pub(super) fn labelled(&self, role: &Role) -> bool {
        self.fields.iter().any(|(r, _, _)| r == role)
    }

    /// A value has been given: the record is more than a label.
    pub(super) fn has_content(&self) -> bool {
        self.number.is_some()
            || !self.implicit.is_empty()
            || self.fields.iter().any(|(_, _, v)| !v.is_empty())
    }

    /// Waiting for the number after a number label.
    pub(super) fn wants_number(&self) -> bool {
        self.number.is_none()
            && matches!(self.fields.last(), Some((Role::Number, _, v)) if v.is_empty())
    }

    /// Waiting for the first value after a label, or for the wording after a number: the next block belongs here
    /// whatever it looks like.
    pub(super) fn wants_value(&self) -> bool {
        match self.fields.last() {
            Some((_, _, v)) => v.is_empty(),
            None => self.number.is_some() && self.implicit.is_empty(),
        }
    }

    /// Adds a value under the last label; before any label, or after the number, to the values that say
    /// themselves what they are.
    pub(super) fn push(&mut self, text: String) {
        // Only prose can be cut off mid-sentence; a name or a date has no full stop to lose.
        let prose = match self.fields.last() {
            Some((role, _, _)) => matches!(
                role,
                Role::Evidence | Role::Commentary | Role::Explanation | Role::Number
            ),
            None => true,
        };
        if prose {
            self.last.clone_from(&text);
        } else {
            self.last.clear();
        }
        match self.fields.last_mut() {
            Some((Role::Number, _, values)) if !values.is_empty() => self.implicit.push(text),
            Some((_, _, values)) => values.push(text),
            None => self.implicit.push(text),
        }
    }

    /// Sets the number the record's number label was waiting for.
    pub(super) fn give_number(&mut self, raw: &str) {
        if let Some((Role::Number, _, values)) = self.fields.last_mut() {
            values.push(raw.to_string());
        }
    }
}

/// The header the segment's records are read by: the columns they use, under the page's own words.
pub(super) fn make_header(drafts: &[Draft], words: &[(Role, String)], columns: &[Role]) -> Header {
    let mut roles = vec![
        Role::Number,
        Role::Requirement,
        Role::Comply,
        Role::Evidence,
    ];
    for role in drafts
        .iter()
        .flat_map(|d| d.fields.iter().map(|(r, _, _)| r.clone()))
        .chain(columns.iter().cloned())
    {
        if !roles.contains(&role) {
            roles.push(role);
        }
    }
    let labels = roles
        .iter()
        .map(|r| {
            words
                .iter()
                .find(|(w, _)| w == r)
                .map(|(_, l)| l.clone())
                .filter(|l| !l.is_empty())
                .unwrap_or_else(|| default_label(r).to_string())
        })
        .collect();
    Header { roles, labels }
}

fn default_label(role: &Role) -> &'static str {
    match role {
        Role::Number => "Code provision",
        Role::Requirement => "Code requirement",
        Role::Comply => "Comply",
        Role::Evidence => "Evidence",
        Role::Commentary => "Commentary",
        Role::Explanation => "Explanation",
        Role::Action => "Action required",
        Role::Owner => "Action owner",
        Role::Due => "Completion date",
        Role::Status => "Status",
        _ => "",
    }
}

/// Lines joined as the page showed them: list items one to a line, other blocks as paragraphs.
fn paragraphs(lines: &[String]) -> String {
    let item = |s: &str| {
        s.starts_with("- ")
            || s.split_once(". ")
                .is_some_and(|(n, _)| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()))
    };
    let mut out = String::new();
    let mut last_item = false;
    for line in lines.iter().map(|l| l.trim()).filter(|l| !l.is_empty()) {
        let is_item = item(line);
        if !out.is_empty() {
            out.push_str(if is_item && last_item { "\n" } else { "\n\n" });
        }
        out.push_str(line);
        last_item = is_item;
    }
    out
}

/// The record's rows of cells under `header` (a row of its own for each action after the first), and whether its
/// evidence had to take text that may be commentary.
pub(super) fn cells(d: &Draft, header: &Header, columns: &[Role]) -> (Vec<Vec<String>>, bool) {
    let mut by_role: Vec<(Role, Vec<String>)> = Vec::new();
    let mut put = |role: Role, text: String| {
        if text.trim().is_empty() {
            return;
        }
        match by_role.iter_mut().find(|(r, _)| *r == role) {
            Some((_, v)) => v.push(text),
            None => by_role.push((role, vec![text])),
        }
    };
    if let Some(n) = &d.number {
        put(Role::Number, n.clone());
    }
    let mut merged = false;
    let implicit = paragraphs(&d.implicit);
    if !implicit.is_empty() {
        let labelled_requirement = d.has(&Role::Requirement);
        let index = d
            .index
            .or_else(|| begins_with_requirement(&implicit, None).map(|(i, _)| i));
        let (requirement, rest) = match (
            labelled_requirement,
            index.and_then(|i| requirement_prefix(&implicit, i)),
        ) {
            (false, Some(p)) => (implicit[..p.end].to_string(), implicit[p.end..].to_string()),
            (false, None) if d.index.is_none() && d.number.is_none() => {
                // Nothing says which provision this is: its first block is the best guess at the wording, to be
                // matched against the Code later and reported if it matches nothing.
                let first = d.implicit.first().cloned().unwrap_or_default();
                (first, paragraphs(&d.implicit[1.min(d.implicit.len())..]))
            }
            _ => (String::new(), implicit.clone()),
        };
        put(Role::Requirement, requirement.trim().to_string());
        let rest = rest
            .trim_start_matches(|c: char| c.is_whitespace() || matches!(c, '.' | ',' | ';' | ':'))
            .to_string();
        let mut rest_lines: Vec<String> = rest.split("\n\n").map(str::to_string).collect();
        if !d.has(&Role::Comply) {
            if let Some((_, said, at)) = leading_answer(&rest) {
                put(Role::Comply, said);
                rest_lines = rest[at..].split("\n\n").map(str::to_string).collect();
            } else if let Some(first) = rest_lines.first().filter(|f| short_answer(f)) {
                put(Role::Comply, first.clone());
                rest_lines.remove(0);
            }
        }
        rest_lines.retain(|l| !l.trim().is_empty());
        // The header's columns after the answer say what the remaining blocks are, when there is one for each.
        let after: Vec<Role> = columns
            .iter()
            .skip_while(|r| **r != Role::Comply)
            .skip(1)
            .cloned()
            .collect();
        if !after.is_empty() && after.len() == rest_lines.len() {
            for (role, line) in after.into_iter().zip(rest_lines) {
                put(role, line);
            }
        } else {
            // One line that held the wording, the answer and more: a table row whose cells ran together, where
            // nothing marks the end of the evidence and the start of the commentary.
            let first = d.implicit.first().map_or("", String::as_str);
            let ran_together = index
                .and_then(|i| requirement_prefix(first, i))
                .is_some_and(|p| !first[p.end..].trim().is_empty());
            merged = ran_together && d.fields.is_empty() && !rest_lines.is_empty();
            put(Role::Evidence, paragraphs(&rest_lines));
        }
    }
    // Actions: a new one starts at an action label when the one before already has its own.
    let mut actions: Vec<Vec<(Role, String)>> = Vec::new();
    for (role, _, values) in &d.fields {
        if *role == Role::Number {
            continue;
        }
        if matches!(role, Role::Action | Role::Owner | Role::Due | Role::Status) {
            let starts = actions
                .last()
                .is_none_or(|a| *role == Role::Action && a.iter().any(|(r, _)| *r == Role::Action));
            if starts {
                actions.push(Vec::new());
            }
            if let Some(a) = actions.last_mut() {
                a.push((role.clone(), paragraphs(values)));
            }
            continue;
        }
        let joined = if *role == Role::Comply {
            values.join(" ")
        } else {
            paragraphs(values)
        };
        put(role.clone(), joined);
    }
    let mut actions = actions.into_iter();
    for (role, text) in actions.next().unwrap_or_default() {
        put(role, text);
    }
    let row = |by_role: &[(Role, Vec<String>)]| -> Vec<String> {
        header
            .roles
            .iter()
            .map(|r| {
                by_role
                    .iter()
                    .find(|(x, _)| x == r)
                    .map(|(_, v)| paragraphs(v))
                    .unwrap_or_default()
            })
            .collect()
    };
    let mut rows = vec![row(&by_role)];
    for action in actions {
        let by_role: Vec<(Role, Vec<String>)> =
            action.into_iter().map(|(r, t)| (r, vec![t])).collect();
        rows.push(row(&by_role));
    }
    (rows, merged)
}

/// A block that is only an answer, or an answer redress cannot read: "Yes.", "N/A", "Partially met".
fn short_answer(text: &str) -> bool {
    let words = text.split_whitespace().count();
    match read_answer(text) {
        AnswerRead::Answer(_, _, rest) => rest.is_empty() && words <= 3,
        AnswerRead::NotApplicable(_) => words <= 3,
        _ => false,
    }
}

/// A note for the last record of a page whose text stops mid-sentence, as where a page was cut off.
pub(super) fn cut_off(last: &str) -> Option<String> {
    let t = last.trim();
    let words: Vec<&str> = t.split_whitespace().collect();
    let ends = t.ends_with(['.', '!', '?', ':', ';', ')', '"', '\'', '’', '”', ']'])
        || t.starts_with("- ");
    if ends || words.len() < 4 {
        return None;
    }
    let tail: Vec<&str> = words.iter().rev().take(6).rev().copied().collect();
    Some(format!(
        "its text ends mid-sentence (\"...{}\"), where the page ends: check the original for the rest",
        tail.join(" ")
    ))
}
