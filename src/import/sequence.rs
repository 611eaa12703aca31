//! Puts the form's records in their places in the Code: identifies each one, joins the pieces of one provision,
//! and moves wrapped lines to the record they belong to.
//!
//! Forms run in the Code's order, and this module leans on that. Records are identified one after another (see
//! [`Matcher::identify`]), each with the one before it as context. Two records found to be the same provision
//! side by side are one row broken in two, or a provision the form split into lettered parts; they are joined.
//! A record whose number is garbled and whose text matches nothing, with no answer of its own, is a fragment of
//! the row before it.
//!
//! A page copied twice, or shown twice (a table and the same rows as cards for phones), gives a provision twice
//! over. A second copy that says nothing the first did not is set aside as a repeat, and reported as one; if it
//! says more (the first was cut off), it takes the first's place. Copies that differ are joined, as before.
//!
//! PDF extraction and OCR write a row's number beside the middle of its text, not its first line, so a record
//! can start with the last lines of the provision before it. Between every two neighbours the boundary is moved
//! to where the requirement text says it is: each wrapped line goes to the provision whose wording it fits.

use super::matching::{matcher, How, Matcher};
use super::rows::Record;
use super::Loc;

/// A record placed in the Code.
#[derive(Debug, Clone)]
pub(crate) struct Placed {
    /// Its rows.
    pub(crate) record: Record,
    /// The catalogue index of its provision.
    pub(crate) index: usize,
    /// How that was decided.
    pub(crate) how: How,
    /// Where other records joined onto this one started, when they gave answers of their own (lettered parts, or
    /// the same provision answered twice).
    pub(crate) joined: Vec<Loc>,
}

/// What [`place`] made of the records.
#[derive(Debug, Default)]
pub(crate) struct Placement {
    /// Records placed, in the form's order.
    pub(crate) placed: Vec<Placed>,
    /// Records that could not be placed, with the reason.
    pub(crate) unplaced: Vec<(Record, String)>,
    /// Numbers written on the form that are not provisions of the 2024 form's (and were not OCR slips).
    pub(crate) foreign: Vec<(Loc, String)>,
    /// Rows of records set aside as repeats of a provision already read.
    pub(crate) repeats: Vec<Loc>,
}

/// Identifies, joins and re-cuts the records.
pub(crate) fn place(records: Vec<Record>) -> Placement {
    let m = matcher();
    let mut out = Placement::default();
    for record in records {
        let number = record.number().map(|n| n.key());
        let raw = record.number().map(|n| n.raw.clone());
        let text = record.requirement();
        let prev = out.placed.last().map(|p| p.index);
        // Provision 1.1 is in the Code but not on the form; some landlords answer it anyway. It is not 1.2.
        if number.as_deref() == Some("1.1") {
            let reason =
                "provision 1.1 is part of the Code but not of the self-assessment form".to_string();
            out.unplaced.push((record, reason));
            continue;
        }
        let found = m.identify(number.as_deref(), raw.as_deref(), &text, prev);
        if let (Some(k), None | Some(How::Text)) = (&number, found.map(|f| f.how)) {
            if m.index_of(k).is_none() && !raw.as_deref().is_some_and(looks_garbled) {
                out.foreign.push((record.loc().clone(), k.clone()));
            }
        }
        let Some(found) = found else {
            match out.placed.last_mut() {
                Some(last) if !record.has_answer() && !record.whole => {
                    last.record.parts.extend(record.parts)
                }
                _ => {
                    let reason = match &number {
                        Some(k) => format!("`{k}` is not a provision of the 2024 Code's form and the text beside it matches none"),
                        None => "it has no provision number and its text matches no provision of the 2024 Code".to_string(),
                    };
                    out.unplaced.push((record, reason));
                }
            }
            continue;
        };
        if let Some(earlier) = out.placed.iter_mut().find(|p| p.index == found.index) {
            match repeat(&record, &earlier.record) {
                Some(Repeat::Same) => {
                    out.repeats
                        .extend(record.parts.iter().map(|p| p.loc.clone()));
                    continue;
                }
                Some(Repeat::Fuller) => {
                    out.repeats
                        .extend(earlier.record.parts.iter().map(|p| p.loc.clone()));
                    earlier.record = record;
                    if found.how == How::Number || earlier.how != How::Number {
                        earlier.how = found.how;
                    }
                    continue;
                }
                None => {}
            }
        }
        if prev == Some(found.index) {
            if let Some(last) = out.placed.last_mut() {
                if record.has_answer() && last.record.has_answer() {
                    last.joined.push(record.loc().clone());
                }
                // A garbled fragment placed by its text, then the row with the real number: the number anchors.
                if found.how == How::Number && last.how != How::Number {
                    last.record.anchor = last.record.parts.len() + record.anchor;
                    last.how = How::Number;
                }
                last.record.parts.extend(record.parts);
                continue;
            }
        }
        if let Some(earlier) = out.placed.iter_mut().find(|p| p.index == found.index) {
            let both_numbered = found.how == How::Number && earlier.how == How::Number;
            if both_numbered {
                earlier.joined.push(record.loc().clone());
                earlier.record.parts.extend(record.parts);
            } else {
                let reason = format!(
                    "its text matches provision {}, which is already answered at {}",
                    m.number(found.index),
                    earlier.record.loc()
                );
                out.unplaced.push((record, reason));
            }
            continue;
        }
        out.placed.push(Placed {
            record,
            index: found.index,
            how: found.how,
            joined: Vec::new(),
        });
    }
    for i in 1..out.placed.len() {
        let (a, b) = out.placed.split_at_mut(i);
        recut(m, &mut a[i - 1], &mut b[0]);
    }
    out
}

/// How a second record of a provision compares with the first.
enum Repeat {
    /// It says nothing the first does not.
    Same,
    /// It says all the first does, and more.
    Fuller,
}

/// Compares two records of the same provision by what the landlord wrote in them (the answer and every other
/// cell, with white space evened out; the Code's wording is not theirs): a repeat when one holds all of the
/// other's. Records with different answers are never repeats.
fn repeat(new: &Record, earlier: &Record) -> Option<Repeat> {
    use super::values::AnswerRead;
    let answer = |r: &Record| {
        r.parts.iter().find_map(|p| match &p.answer {
            AnswerRead::Answer(a, _, _) => Some(*a),
            _ => None,
        })
    };
    let texts = |r: &Record| -> Vec<String> {
        r.parts
            .iter()
            .flat_map(|p| p.fields.iter().map(|(_, t)| t.as_str()))
            .map(|t| t.split_whitespace().collect::<Vec<_>>().join(" "))
            .filter(|t| !t.is_empty())
            .collect()
    };
    let (a, b) = (answer(new), answer(earlier));
    let (new_texts, earlier_texts) = (texts(new), texts(earlier));
    let within = |x: &[String], y: &[String], x_answer: Option<_>, y_answer: Option<_>| {
        let all = y.join(" ");
        (x_answer.is_none() || x_answer == y_answer) && x.iter().all(|t| all.contains(t.as_str()))
    };
    if new_texts.is_empty() && a.is_none() {
        return None;
    }
    let same = within(&new_texts, &earlier_texts, a, b);
    let fuller = within(&earlier_texts, &new_texts, b, a);
    // Two copies of the same words: keep the one that tells its cells apart (a table's row, rather than the same
    // row with its evidence and commentary run together).
    match (same, fuller) {
        (true, true) if new_texts.len() > earlier_texts.len() => Some(Repeat::Fuller),
        (true, _) => Some(Repeat::Same),
        (false, true) => Some(Repeat::Fuller),
        (false, false) => None,
    }
}

/// A number so mangled it is no evidence of an older edition: no section of the Code is numbered 0.
fn looks_garbled(raw: &str) -> bool {
    raw.trim_start().starts_with(['0', 'O', 'o'])
}

/// Moves the boundary between two neighbouring records to where their requirement text says it is. The rows
/// between the two anchors (the rows carrying each record's number) may go either way; the cut is put where the
/// rows before it fit the first provision's wording and the rows after it the second's, best. Lines without
/// requirement text stay where they are unless rows around them move.
fn recut(m: &Matcher, a: &mut Placed, b: &mut Placed) {
    let a_tail = a.record.anchor + 1;
    let b_head = b.record.anchor;
    let rows: Vec<&super::rows::Part> = a.record.parts[a_tail..]
        .iter()
        .chain(&b.record.parts[..b_head])
        .collect();
    if rows.is_empty() {
        return;
    }
    let lean: Vec<f32> = rows
        .iter()
        .map(|p| {
            if super::matching::words(&p.requirement).len() < 2 {
                0.0
            } else {
                m.fit(&p.requirement, a.index) - m.fit(&p.requirement, b.index)
            }
        })
        .collect();
    let current = a.record.parts.len() - a_tail;
    let score = |k: usize| lean[..k].iter().sum::<f32>();
    // Ties go to the latest cut: a line that fits neither provision stays with the text above it.
    let mut best = 0;
    for k in 0..=rows.len() {
        if score(k) >= score(best) - 1e-4 {
            best = k;
        }
    }
    // Move lines only for a clear gain: at least half a line's worth of fit.
    if best == current || score(best) - score(current) < 0.5 {
        return;
    }
    // Never move an answer onto a record that already has one.
    let moving: Vec<&super::rows::Part> = if best < current {
        rows[best..current].to_vec()
    } else {
        rows[current..best].to_vec()
    };
    let target_has_answer = if best < current {
        b.record.has_answer()
    } else {
        a.record.has_answer()
    };
    if target_has_answer && moving.iter().any(|p| p.has_answer()) {
        return;
    }
    if best < current {
        let moved: Vec<_> = a.record.parts.drain(a_tail + best..).collect();
        b.record.anchor += moved.len();
        b.record.parts.splice(0..0, moved);
    } else {
        let n = best - current;
        let moved: Vec<_> = b.record.parts.drain(..n).collect();
        b.record.anchor -= n;
        a.record.parts.extend(moved);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::rows::structure;
    use crate::import::Row;

    fn rows(text: &str) -> Vec<Row> {
        text.lines()
            .enumerate()
            .map(|(i, l)| Row {
                loc: Loc::Line(i + 1),
                cells: l
                    .split('\t')
                    .map(crate::import::clean::clean_cell)
                    .collect(),
                table: Some(0),
                heading: false,
                given: None,
            })
            .collect()
    }

    fn numbers(p: &Placement) -> Vec<&str> {
        p.placed.iter().map(|x| matcher().number(x.index)).collect()
    }

    #[test]
    fn a_number_written_beside_the_middle_of_its_text_gets_its_first_lines_back() {
        let text = "Code provision\tCode requirement\tComply\tEvidence\n\
            6.10\tIf all or part of the complaint is not resolved to the resident's satisfaction at stage 1, it must be\tY\tPolicy 6.6.1\n\
            \tprogressed to stage 2 of the landlord's procedure. Stage 2 is the landlord's final response.\t\t\n\
            \tRequests for stage 2 must be acknowledged,\t\tPolicy 6.6.3\n\
            6.11\tdefined and logged at stage 2 of the complaints procedure within five working days of the\tY\t\n\
            \tescalation request being received.\t\t";
        let p = place(structure(&rows(text), None).records);
        assert_eq!(numbers(&p), ["6.10", "6.11"]);
        let lines = |i: usize| -> Vec<String> {
            p.placed[i]
                .record
                .parts
                .iter()
                .map(|x| x.loc.to_string())
                .collect()
        };
        assert_eq!(lines(0), ["line 2", "line 3"]);
        assert_eq!(lines(1), ["line 4", "line 5", "line 6"]);
    }

    #[test]
    fn a_lost_number_is_recovered_and_a_garbled_one_joins_its_neighbour() {
        let text = "Code provision\tCode requirement\tComply\tEvidence\n\
            3.6\tLandlords must give residents the opportunity to have a representative deal with their complaint on their behalf, and to be represented or accompanied at any meeting with the landlord.\tY\tPolicy 4.5\n\
            Landlords must provide residents with information on their right to access the Ombudsman service and how the individual can engage with the Ombudsman about their complaint.\tY\tWebsite\n\
            0.7\tengage with the Ombudsman about their complaint.\t\tLetters";
        let p = place(structure(&rows(text), None).records);
        assert_eq!(numbers(&p), ["3.6", "3.7"]);
        assert_eq!(p.placed[1].how, How::Text);
        assert_eq!(p.placed[1].record.parts.len(), 2);
        assert!(p.foreign.is_empty());
    }

    #[test]
    fn a_whole_row_under_an_ocr_mangled_number_is_recovered() {
        let text = "Code provision\tCode requirement\tComply\tEvidence\n\
            6.9\tLandlords must confirm the following in writing to the resident at the completion of stage 1\tY\tLetters\n\
            0.10\tIf all or part of the complaint is not resolved to the resident's satisfaction at stage 1, it must be progressed to stage 2 of the landlord's procedure.\tY\tPolicy 6.6.1";
        let p = place(structure(&rows(text), None).records);
        assert_eq!(numbers(&p), ["6.9", "6.10"]);
        assert_eq!(p.placed[1].how, How::Text);
        assert!(p.foreign.is_empty());
    }

    #[test]
    fn provision_1_1_is_not_taken_for_1_2() {
        let text = "Code provision\tCode requirement\tComply\tEvidence\n\
            1 \tDefinition of a complaint\t\t\n\
            1.1\tLandlords must define a complaint in the same way as the Ombudsman.\tYes\tPolicy 2\n\
            1.2\tA complaint must be defined as: 'an expression of dissatisfaction, however made'\tYes\tPolicy 2.1";
        let s = structure(&rows(text), None);
        assert_eq!(
            s.form_text.len(),
            2,
            "the header and the heading split over two columns"
        );
        let p = place(s.records);
        assert_eq!(numbers(&p), ["1.2"]);
        assert!(p.placed[0].joined.is_empty());
        assert_eq!(p.unplaced.len(), 1);
    }

    #[test]
    fn older_numbers_are_reported_as_foreign() {
        let text = "Code section\tCode requirement\tComply\tEvidence\n\
            1.8\tA complaints policy must clearly set out the circumstances in which a matter will not be considered.\tYes\tPolicy";
        let p = place(structure(&rows(text), None).records);
        assert_eq!(p.foreign.len(), 1);
    }
}
