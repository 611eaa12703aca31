//! Accounts for every piece of text in the input, so nothing is lost without a word.
//!
//! Each non-empty cell ends in one of four places: written to the data file (an answer, evidence, commentary,
//! an action); recognised as the form's own text and not carried over (header rows, section headings, the
//! Ombudsman's instructions, the Code's requirement wording, which the built-in catalogue holds); ignored as a
//! stray mark ("•", "--"); or listed as not placed, with its location and the reason. The last three are what the
//! command prints after the summary.

use super::assemble::Assembled;
use super::clean::is_noise;
use super::rows::{Part, Structure};
use super::sequence::Placement;
use super::Loc;

/// Text that could not be placed in the data file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Unplaced {
    /// Where it is in the input.
    pub(crate) loc: Loc,
    /// The text (a row's cells are joined with ` | `).
    pub(crate) text: String,
    /// Why it was not placed.
    pub(crate) reason: String,
}

/// Kinds of the form's own text, recognised and not carried over.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum FormTextKind {
    /// A header row naming the columns.
    Header,
    /// A header row repeated on a new page or above a new section.
    RepeatedHeader,
    /// A section or stage heading, or the form's title.
    Heading,
    /// The Ombudsman's instructions for completing the form.
    Instructions,
    /// A rule of dashes left by a table layout.
    Separator,
    /// A label of a form laid out as blocks ("Code provision", "Comply", "Evidence").
    Label,
    /// The web page's own furniture: menus, skip links, banners, footers, "Share this page", "Last modified on".
    PageChrome,
    /// A second copy of a provision already read, the same or less (the page copied twice, or shown twice).
    RepeatedCopy,
}

/// The account.
#[derive(Debug, Default)]
pub(crate) struct Ledger {
    unplaced: Vec<Unplaced>,
    form_text: Vec<(Loc, FormTextKind)>,
    marks: Vec<(Loc, String)>,
}

impl Ledger {
    /// Headings, header rows and instructions; rows outside any table of provisions.
    pub(crate) fn add_structure(&mut self, s: &Structure) {
        self.form_text.extend(s.form_text.iter().cloned());
        for (loc, text) in &s.loose {
            if is_noise(text) {
                self.marks.push((loc.clone(), text.clone()));
            } else {
                self.unplaced.push(Unplaced {
                    loc: loc.clone(),
                    text: text.clone(),
                    reason: "not in a row of the table of provisions".to_string(),
                });
            }
        }
    }

    /// Records that could not be placed: all their text. Repeats of provisions already read: where they were.
    pub(crate) fn add_placement(&mut self, p: &Placement) {
        self.form_text.extend(
            p.repeats
                .iter()
                .map(|l| (l.clone(), FormTextKind::RepeatedCopy)),
        );
        for (record, reason) in &p.unplaced {
            for part in &record.parts {
                let text = part_text(part);
                if !text.is_empty() {
                    self.unplaced.push(Unplaced {
                        loc: part.loc.clone(),
                        text,
                        reason: reason.clone(),
                    });
                }
                self.marks
                    .extend(part.noise.iter().map(|n| (part.loc.clone(), n.clone())));
            }
        }
    }

    /// What assembling the provisions left over.
    pub(crate) fn add_assembled(&mut self, a: &Assembled) {
        self.unplaced.extend(a.unplaced.iter().cloned());
        self.marks.extend(a.marks.iter().cloned());
    }

    /// Unplaced text, in input order.
    pub(crate) fn unplaced(&self) -> Vec<Unplaced> {
        let mut v = self.unplaced.clone();
        v.sort_by(|a, b| a.loc.cmp(&b.loc));
        v
    }

    /// The form's own text, in input order.
    pub(crate) fn form_text(&self) -> Vec<(Loc, FormTextKind)> {
        let mut v = self.form_text.clone();
        v.sort_by(|a, b| a.0.cmp(&b.0));
        v
    }

    /// Stray marks, in input order.
    pub(crate) fn marks(&self) -> Vec<(Loc, String)> {
        let mut v = self.marks.clone();
        v.sort();
        v
    }
}

/// All the text of a row, its cells joined with ` | `.
fn part_text(part: &Part) -> String {
    let mut cells: Vec<&str> = Vec::new();
    if let Some(n) = &part.number {
        cells.push(&n.raw);
    }
    cells.push(&part.requirement);
    cells.push(&part.answer_text);
    cells.extend(part.fields.iter().map(|(_, t)| t.as_str()));
    cells
        .into_iter()
        .filter(|c| !c.trim().is_empty())
        .collect::<Vec<_>>()
        .join(" | ")
}
