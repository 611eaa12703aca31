//! Turns each placed record into what the data file holds for a provision: its answer, evidence, commentary,
//! explanation and actions, joined from however many rows the record had.
//!
//! Text from wrapped rows is joined the way the reader saw it: with a space inside a sentence, with a paragraph
//! break after a full stop. The 2024 form asks "Comply: Yes / No", and so does the Ombudsman's annual submission,
//! so a form's "Partial" is written as `no`, with the form's own word kept at the head of the commentary ("The
//! form answered "Partial"."): a provision met only in part is not met, and still needs its explanation and
//! actions. The form's "Commentary / explanation" column becomes the `explanation` when the answer is no (the
//! build asks for one then) and `commentary` otherwise. Columns redress has no field
//! for keep their heading and go into the commentary. An action goes into `[[provisions.actions]]` only when its
//! completion date is a date; otherwise it is kept in the commentary, word for word, and reported, because the
//! data file requires a due date and redress will not invent one.

use super::actions::{read_actions, ActionOut};
use super::header::Header;
use super::ledger::Unplaced;
use super::matching::{matcher, How};
use super::rows::{Field, Part};
use super::sequence::{Placed, Placement};
use super::values::{AnswerRead, FormAnswer};
use super::{Loc, ProvisionNote, Recovered, Summary};

/// One provision, ready to write.
#[derive(Debug, Clone)]
pub(crate) struct Imported {
    pub(crate) number: String,
    pub(crate) loc: Loc,
    pub(crate) how: How,
    pub(crate) written: Option<String>,
    /// The answer as the form gave it; [`FormAnswer::Partial`] is written as `no`.
    pub(crate) answer: Option<FormAnswer>,
    /// Why there is no answer, when there is none.
    pub(crate) no_answer: Option<String>,
    /// What the form said, when it is not plainly yes or no ("The form answered "Partial"."): the head of the
    /// commentary.
    pub(crate) said: Option<String>,
    pub(crate) evidence: String,
    pub(crate) commentary: String,
    pub(crate) explanation: String,
    pub(crate) actions: Vec<ActionOut>,
    pub(crate) undated: usize,
    /// Things to check, as sentences.
    pub(crate) checks: Vec<String>,
    /// Notes for the file only: the summary gathers these into one line.
    pub(crate) file_notes: Vec<String>,
    /// What the build will ask for.
    pub(crate) needs: Vec<String>,
}

/// Everything [`assemble`] produced.
#[derive(Debug, Default)]
pub(crate) struct Assembled {
    /// Provisions found, in the Code's order.
    pub(crate) provisions: Vec<Imported>,
    /// Text from placed records that had nowhere to go.
    pub(crate) unplaced: Vec<Unplaced>,
    /// Cells holding only marks.
    pub(crate) marks: Vec<(Loc, String)>,
}

impl Assembled {
    /// The counts and notes for the summary.
    pub(crate) fn summary(&self) -> Summary {
        let mut s = Summary {
            found: self.provisions.len(),
            ..Summary::default()
        };
        let note = |p: &Imported, n: &str| ProvisionNote {
            number: p.number.clone(),
            note: n.to_string(),
        };
        for p in &self.provisions {
            match p.how {
                How::Number | How::NumberDoubted => s.by_number += 1,
                How::Text | How::NumberOverruled => s.recovered.push(Recovered {
                    number: p.number.clone(),
                    written: p.written.clone(),
                    loc: p.loc.clone(),
                }),
            }
            match p.answer {
                Some(FormAnswer::Yes) => s.yes += 1,
                Some(FormAnswer::Partial) => {
                    s.no += 1;
                    s.partial.push(p.number.clone());
                }
                Some(FormAnswer::No) => s.no += 1,
                None => s
                    .unanswered
                    .push(note(p, p.no_answer.as_deref().unwrap_or("no answer"))),
            }
            s.checks.extend(p.checks.iter().map(|c| note(p, c)));
            s.build_needs.extend(p.needs.iter().map(|c| note(p, c)));
            s.actions += p.actions.len();
            s.undated_actions += p.undated;
            if p.undated > 0 {
                s.undated_in.push(p.number.clone());
            }
        }
        let found: Vec<&str> = self.provisions.iter().map(|p| p.number.as_str()).collect();
        s.missing = crate::catalogue::catalogue()
            .provisions
            .iter()
            .filter(|p| !found.contains(&p.number.as_str()))
            .map(|p| p.number.clone())
            .collect();
        s
    }
}

/// Builds the provisions from the placed records. `notes` are things to check found while reading the input,
/// by the place of the row they concern.
pub(crate) fn assemble(
    placement: &Placement,
    headers: &[Header],
    notes: &[(Loc, String)],
) -> Assembled {
    let mut out = Assembled::default();
    let mut placed: Vec<&Placed> = placement.placed.iter().collect();
    placed.sort_by_key(|p| p.index);
    for p in placed {
        let mut imported = provision(p, headers, &mut out);
        for (loc, note) in notes {
            if p.record.parts.iter().any(|part| part.loc == *loc) {
                imported.checks.push(note.clone());
            }
        }
        out.provisions.push(imported);
    }
    out
}

/// A share of a provision's wording below which a row is said to quote only part of it.
const PART_QUOTE: f32 = 0.35;
/// A line of requirement text is the Code's wording when at least this share of it is found in the provision.
const CODE_WORDING: f32 = 0.5;

fn provision(p: &Placed, headers: &[Header], out: &mut Assembled) -> Imported {
    let m = matcher();
    let number = m.number(p.index).to_string();
    let parts = &p.record.parts;
    let written = p.record.number().map(|n| n.raw.clone());
    let mut imp = Imported {
        number: number.clone(),
        loc: p.record.loc().clone(),
        how: p.how,
        written: written.clone(),
        answer: None,
        no_answer: None,
        said: None,
        evidence: String::new(),
        commentary: String::new(),
        explanation: String::new(),
        actions: Vec::new(),
        undated: 0,
        checks: Vec::new(),
        file_notes: Vec::new(),
        needs: Vec::new(),
    };
    match p.how {
        How::Text => imp.checks.push(match &written {
            Some(w) => format!("the form numbers this row `{w}` ({}); it was placed by its requirement text", imp.loc),
            None => format!("the row has no provision number ({}); it was placed by its requirement text", imp.loc),
        }),
        How::NumberOverruled => imp.checks.push(format!(
            "the form numbers this row `{}` ({}), but its requirement text is {number}'s",
            written.as_deref().unwrap_or("?"),
            imp.loc
        )),
        How::NumberDoubted => imp.checks.push(format!(
            "the requirement text beside it ({}) does not read like {number}'s: check the row is about this provision",
            imp.loc
        )),
        How::Number => {}
    }
    let requirement = p.record.requirement();
    if crate::import::matching::words(&requirement).len() >= 4
        && m.coverage(&requirement, p.index) < PART_QUOTE
    {
        imp.checks.push(format!(
            "the row ({}) quotes only part of {number} (\"{}\"); its answer was taken as the answer to the whole provision",
            imp.loc,
            short(&requirement)
        ));
    }
    if !p.joined.is_empty() {
        let at: Vec<String> = p.joined.iter().map(ToString::to_string).collect();
        imp.checks.push(format!(
            "more rows answer {number} ({} and {}); their answers and evidence were combined",
            imp.loc,
            at.join(", ")
        ));
    }
    // The Code's own words are not copied (the catalogue holds them), but a line that is not the Code's wording
    // is the landlord's, and is reported.
    for part in parts {
        if !part.requirement.is_empty() && m.fit(&part.requirement, p.index) < CODE_WORDING {
            out.unplaced.push(Unplaced {
                loc: part.loc.clone(),
                text: part.requirement.clone(),
                reason: format!(
                    "in the requirement column, but not the Code's wording of {number}"
                ),
            });
        } else if let Some(extra) = after_wording(&part.requirement, p.index) {
            // The Code's wording, then words of the landlord's own in the same cell.
            out.unplaced.push(Unplaced {
                loc: part.loc.clone(),
                text: extra,
                reason: format!("in the requirement column, after the Code's wording of {number}"),
            });
        }
        out.marks
            .extend(part.noise.iter().map(|n| (part.loc.clone(), n.clone())));
    }
    read_answers(parts, &mut imp);
    let mut commentary_col: Vec<&str> = Vec::new();
    let mut explanation_col: Vec<&str> = Vec::new();
    let mut evidence: Vec<&str> = Vec::new();
    let mut extra: Vec<String> = Vec::new();
    for part in parts {
        for (field, text) in &part.fields {
            match field {
                Field::Evidence => evidence.push(text),
                Field::Commentary => commentary_col.push(text),
                Field::Explanation => explanation_col.push(text),
                Field::Other(label) if label.is_empty() => extra.push(text.clone()),
                Field::Other(label) => extra.push(format!("{label}: {text}")),
                Field::Unlabelled => out.unplaced.push(Unplaced {
                    loc: part.loc.clone(),
                    text: text.clone(),
                    reason: "in a column with no heading".to_string(),
                }),
                Field::Action | Field::Owner | Field::Due | Field::Status => {}
            }
        }
        if let AnswerRead::Answer(_, _, rest) = &part.answer {
            if !rest.is_empty() {
                extra.insert(0, rest.clone());
            }
        }
    }
    imp.evidence = join(&evidence);
    let shortfall = matches!(imp.answer, Some(FormAnswer::No | FormAnswer::Partial));
    if shortfall
        && commentary_col.is_empty()
        && explanation_col.is_empty()
        && !imp.evidence.is_empty()
    {
        if let Some(label) = combined_column(parts, headers) {
            imp.checks.push(format!(
                "the form has one column, \"{label}\", for evidence, commentary and explanations, so all of it \
                 is in evidence: move the part that says why this is not met into explanation"
            ));
        }
    }
    let mut commentary: Vec<String> = imp.said.iter().cloned().collect();
    if shortfall && explanation_col.is_empty() {
        imp.explanation = join(&commentary_col);
    } else {
        imp.explanation = join(&explanation_col);
        commentary.push(join(&commentary_col));
    }
    commentary.extend(extra);
    let (actions, undated, statuses) = read_actions(parts, headers);
    imp.actions = actions;
    imp.undated = undated.len();
    commentary.extend(undated);
    commentary.extend(statuses);
    imp.commentary = commentary
        .into_iter()
        .filter(|c| !c.is_empty())
        .collect::<Vec<_>>()
        .join("\n\n");
    if imp.undated > 0 {
        imp.file_notes.push(format!(
            "{} action{} on the form {} no completion date redress can read, so {} kept in the commentary; give {} a due date to show {} as actions",
            imp.undated,
            if imp.undated == 1 { "" } else { "s" },
            if imp.undated == 1 { "has" } else { "have" },
            if imp.undated == 1 { "it is" } else { "they are" },
            if imp.undated == 1 { "it" } else { "each" },
            if imp.undated == 1 { "it" } else { "them" },
        ));
    }
    needs(&mut imp);
    imp
}

/// Words after the whole of a provision's wording in a requirement cell: three or more, or nothing.
fn after_wording(requirement: &str, index: usize) -> Option<String> {
    let p = super::anchor::requirement_prefix(requirement, index)?;
    let extra = requirement[p.end..].trim();
    (p.left == 0 && extra.split_whitespace().count() >= 3).then(|| extra.to_string())
}

/// The heading of an evidence column that also holds the commentary and explanation ("Evidence, commentary and
/// any explanations"), when the form has no other column for them.
fn combined_column(parts: &[Part], headers: &[Header]) -> Option<String> {
    use super::header::Role;
    let header = headers.get(parts.first()?.header)?;
    let separate = header
        .roles
        .iter()
        .any(|r| matches!(r, Role::Commentary | Role::Explanation));
    let label = header
        .column(&Role::Evidence)
        .and_then(|i| header.labels.get(i))?;
    let lower = label.to_lowercase();
    (!separate && (lower.contains("comment") || lower.contains("explan"))).then(|| label.clone())
}

/// Reads the answer from every row of the record: one answer, or the parts' answers combined. Whatever the form
/// said that is not plainly yes or no is kept, word for word, for the head of the commentary.
fn read_answers(parts: &[Part], imp: &mut Imported) {
    let mut answers: Vec<(FormAnswer, &str)> = Vec::new();
    let mut problems: Vec<String> = Vec::new();
    let mut unclear: Vec<&str> = Vec::new();
    for part in parts {
        match &part.answer {
            AnswerRead::Answer(a, said, _) => answers.push((*a, said)),
            AnswerRead::NotApplicable(t) => {
                unclear.push(t);
                problems.push(format!(
                    "the form says `{}` ({}), but the 2024 form has no N/A: answer yes (saying why it does not apply in the evidence) or no",
                    short(t),
                    part.loc
                ));
            }
            AnswerRead::Unclear(t) => {
                unclear.push(t);
                problems.push(format!(
                    "the answer `{}` ({}) is not yes or no, or could be read more than one way",
                    short(t),
                    part.loc
                ));
            }
            AnswerRead::Empty => {}
        }
    }
    let mut distinct: Vec<FormAnswer> = answers.iter().map(|(a, _)| *a).collect();
    distinct.sort();
    distinct.dedup();
    let quoted = |words: &[&str]| -> String {
        let mut q: Vec<String> = words.iter().map(|w| format!("\"{w}\"")).collect();
        q.dedup();
        match q.len() {
            0 | 1 => q.concat(),
            _ => {
                let last = q.pop().unwrap_or_default();
                format!("{} and {last}", q.join(", "))
            }
        }
    };
    imp.answer = match distinct.as_slice() {
        [] => None,
        [a] => Some(*a),
        _ => {
            let words: Vec<&str> = answers.iter().map(|(a, _)| a.label()).collect();
            imp.checks.push(format!(
                "its rows give different answers ({}); it was written as no, since not all of it is met",
                words.join(", ")
            ));
            Some(FormAnswer::Partial)
        }
    };
    let said: Vec<&str> = answers.iter().map(|(_, s)| *s).collect();
    let mut sentences: Vec<String> = Vec::new();
    if distinct.len() > 1 {
        sentences.push(format!("The form's rows answered {}.", quoted(&said)));
    } else if imp.answer == Some(FormAnswer::Partial) {
        sentences.push(format!("The form answered {}.", quoted(&said)));
    }
    if !unclear.is_empty() {
        let verb = if sentences.is_empty() && answers.is_empty() {
            "answered"
        } else {
            "also said"
        };
        sentences.push(format!("The form {verb} {}.", quoted(&unclear)));
    }
    if !sentences.is_empty() {
        imp.said = Some(sentences.join(" "));
    }
    if imp.answer.is_none() {
        imp.no_answer = Some(if problems.is_empty() {
            format!("the form gives no answer ({})", imp.loc)
        } else {
            problems.join("; ")
        });
    } else {
        imp.checks.extend(problems);
    }
}

/// What `redress build` will refuse without: an answer; for no, an explanation and an action.
fn needs(imp: &mut Imported) {
    match imp.answer {
        None => imp.needs.push("an answer: yes or no".to_string()),
        Some(FormAnswer::Yes) => {
            if imp.evidence.is_empty() {
                imp.needs
                    .push("evidence (the build warns when a yes has none)".to_string());
            }
        }
        Some(FormAnswer::No | FormAnswer::Partial) => {
            if imp.explanation.is_empty() {
                imp.needs
                    .push("an explanation of why it is answered no".to_string());
            }
            if imp.actions.is_empty() {
                imp.needs.push(
                    "at least one action with an owner and a due date ([[provisions.actions]])"
                        .to_string(),
                );
            }
        }
    }
}

/// Joins the pieces of a cell split across rows: a space inside a sentence, a paragraph break after one, a line
/// break between list items.
pub(crate) fn join(pieces: &[&str]) -> String {
    let mut out = String::new();
    for piece in pieces.iter().map(|p| p.trim()).filter(|p| !p.is_empty()) {
        if out.is_empty() {
            out.push_str(piece);
            continue;
        }
        let last_line = out.rsplit('\n').next().unwrap_or("");
        let item = |s: &str| s.starts_with("- ");
        let sentence_ends = out.ends_with(['.', '!', '?']) && piece.starts_with(char::is_uppercase);
        let sep = if item(piece) && item(last_line) {
            "\n"
        } else if item(piece) || item(last_line) || sentence_ends {
            "\n\n"
        } else {
            " "
        };
        out.push_str(sep);
        out.push_str(piece);
    }
    out
}

fn short(text: &str) -> String {
    let one_line = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if one_line.chars().count() > 60 {
        format!("{}...", one_line.chars().take(57).collect::<String>())
    } else {
        one_line
    }
}

#[cfg(test)]
mod tests {
    use super::join;

    #[test]
    fn joins_wrapped_text_as_it_reads() {
        assert_eq!(
            join(&[
                "Responses are provided in",
                "accordance with the timescales."
            ]),
            "Responses are provided in accordance with the timescales."
        );
        assert_eq!(
            join(&["Policy section 3.", "Template letter."]),
            "Policy section 3.\n\nTemplate letter."
        );
        assert_eq!(join(&["- one", "- two"]), "- one\n- two");
        assert_eq!(join(&["Intro:", "- one"]), "Intro:\n\n- one");
        assert_eq!(join(&["", " a ", ""]), "a");
    }
}
