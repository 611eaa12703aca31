//! Turns the rows every reader produces into records: one record per provision row of the form, however many
//! physical rows it was broken into.
//!
//! A row of the form can reach redress as several rows: split across a page break, wrapped by a PDF, continued
//! on a line that starts with a tab. Header rows repeat on every page, section headings and the form's
//! instructions sit between the tables, and a copy can lose a row's leading cell (its number) so that its cells
//! shift left. This module sorts that out with rules that hold for every form, not for one file:
//!
//! - a header row sets the meaning of the columns until the next one; a repeat of it is dropped;
//! - a row with a provision number starts a record; so does a row that gives an answer when the record being
//!   built already has one (the number was lost, as in a page re-extracted without its first column);
//! - any other row continues the record being built, column by column.
//!
//! Which provision a record is, and where exactly the boundary between two records falls, is decided later by
//! [`super::matching`], which reads the requirement text.

use super::chrome::chrome_like;
use super::clean::is_noise;
use super::form_text::{heading_like, instructions_like};
use super::header::{extend_header, read_header, Header, Role};
pub(crate) use super::ledger::FormTextKind;
pub(crate) use super::number::{parse_number, parse_sub_only, NumberToken};
use super::values::{is_mark, read_answer, AnswerRead, FormAnswer};
use super::{Loc, Row};

/// The kind of text carried by a column other than the number, requirement and answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Field {
    /// Evidence.
    Evidence,
    /// Commentary ("Commentary / explanation").
    Commentary,
    /// Explanation.
    Explanation,
    /// Action required.
    Action,
    /// Action owner.
    Owner,
    /// Completion date.
    Due,
    /// Action status.
    Status,
    /// A column with a heading redress does not know: the heading.
    Other(String),
    /// A cell under no heading at all.
    Unlabelled,
}

/// What one physical row contributes to a record.
#[derive(Debug, Clone)]
pub(crate) struct Part {
    /// Where the row is.
    pub(crate) loc: Loc,
    /// The provision number in the row, if any.
    pub(crate) number: Option<NumberToken>,
    /// A lettered part alone, "(b)", continuing the previous number.
    pub(crate) sub_only: Option<char>,
    /// The requirement text in the row.
    pub(crate) requirement: String,
    /// The answer the row gives.
    pub(crate) answer: AnswerRead,
    /// The text of the answer cells, as written.
    pub(crate) answer_text: String,
    /// Every other cell, by what it holds.
    pub(crate) fields: Vec<(Field, String)>,
    /// Cells holding only marks or punctuation.
    pub(crate) noise: Vec<String>,
    /// The header in force: an index into [`Structure::headers`].
    pub(crate) header: usize,
}

impl Part {
    pub(crate) fn has_answer(&self) -> bool {
        !matches!(self.answer, AnswerRead::Empty)
    }
}

/// The rows of one provision.
#[derive(Debug, Clone, Default)]
pub(crate) struct Record {
    /// Its rows, in order.
    pub(crate) parts: Vec<Part>,
    /// The part whose number or position identifies the record; rows before it may belong to the previous one.
    pub(crate) anchor: usize,
    /// Read whole out of labelled blocks (see `labelled`): never a wrapped piece of the record before it.
    pub(crate) whole: bool,
}

impl Record {
    /// The number written on the record's anchor row.
    pub(crate) fn number(&self) -> Option<&NumberToken> {
        self.parts.get(self.anchor).and_then(|p| p.number.as_ref())
    }

    /// All the requirement text, in order.
    pub(crate) fn requirement(&self) -> String {
        self.parts
            .iter()
            .map(|p| p.requirement.as_str())
            .filter(|t| !t.is_empty())
            .collect::<Vec<_>>()
            .join(" ")
    }

    pub(crate) fn has_answer(&self) -> bool {
        self.parts.iter().any(Part::has_answer)
    }

    /// Where the record starts.
    pub(crate) fn loc(&self) -> &Loc {
        &self.parts[self.anchor.min(self.parts.len() - 1)].loc
    }
}

/// The form, sorted into headers, records and everything else.
#[derive(Debug, Default)]
pub(crate) struct Structure {
    /// Every distinct header row found.
    pub(crate) headers: Vec<Header>,
    /// The records, in the order of the form.
    pub(crate) records: Vec<Record>,
    /// Rows recognised as the form's own text.
    pub(crate) form_text: Vec<(Loc, FormTextKind)>,
    /// Rows outside any table of provisions, and not recognised as the form's own text.
    pub(crate) loose: Vec<(Loc, String)>,
}

/// Sorts rows into a [`Structure`]. `preset` is a header to start with, for a table that has none of its own.
pub(crate) fn structure(rows: &[Row], preset: Option<Header>) -> Structure {
    let mut s = Structure::default();
    let mut header: Option<usize> = None;
    if let Some(h) = preset {
        s.headers.push(h);
        header = Some(0);
    }
    let mut table: Option<usize> = None;
    let mut after_header = false;
    let mut current: Option<Record> = None;
    for row in rows {
        let filled: Vec<&String> = row.cells.iter().filter(|c| !c.is_empty()).collect();
        if let Some(given) = &row.given {
            // A record read whole from labelled blocks, with its columns given; or a further action of one.
            let h = match s.headers.iter().position(|x| x == given.header.as_ref()) {
                Some(i) => i,
                None => {
                    s.headers.push(given.header.as_ref().clone());
                    s.headers.len() - 1
                }
            };
            if let Some(r) = current.take() {
                s.records.push(r);
            }
            let part = make_part(row.loc.clone(), &row.cells, &s.headers[h], h);
            match s.records.last_mut().filter(|r| given.continues && r.whole) {
                Some(r) => r.parts.push(part),
                None => s.records.push(Record {
                    parts: vec![part],
                    anchor: 0,
                    whole: true,
                }),
            }
            continue;
        }
        if filled.is_empty() {
            continue;
        }
        if filled.iter().all(|c| is_separator(c)) {
            s.form_text.push((row.loc.clone(), FormTextKind::Separator));
            continue;
        }
        // "Skip to main content", "Share this page", "Last modified on ...": the page's, not the form's.
        if filled.iter().all(|c| chrome_like(c)) {
            s.form_text
                .push((row.loc.clone(), FormTextKind::PageChrome));
            continue;
        }
        // A new table of another width has columns of its own: the header above it no longer applies.
        if row.table.is_some() && row.table != table {
            let another_table = table.is_some();
            table = row.table;
            if another_table
                && header.is_some_and(|h| s.headers[h].roles.len() != row.cells.len())
                && read_header(&row.cells, false).is_none()
            {
                header = None;
            }
        }
        // In the middle of a table, a new header needs three known headings, but a repeat of one already seen
        // (on a new page) is always one.
        let strict = current.is_some() && header.is_some();
        let found = read_header(&row.cells, strict).or_else(|| {
            read_header(&row.cells, false).filter(|h| s.headers.iter().any(|x| x.roles == h.roles))
        });
        if let Some(h) = found {
            let kind = match s.headers.iter().position(|x| x.roles == h.roles) {
                Some(i) => {
                    header = Some(i);
                    FormTextKind::RepeatedHeader
                }
                None => {
                    s.headers.push(h);
                    header = Some(s.headers.len() - 1);
                    FormTextKind::Header
                }
            };
            s.form_text.push((row.loc.clone(), kind));
            after_header = true;
            continue;
        }
        if let (true, Some(h)) = (after_header, header) {
            if let Some(ext) = extend_header(&s.headers[h], &row.cells) {
                s.headers.push(ext);
                header = Some(s.headers.len() - 1);
                s.form_text.push((row.loc.clone(), FormTextKind::Header));
                continue;
            }
        }
        after_header = false;
        // A heading stands alone: on a line of its own, or in a table row across the first column (a merged
        // cell). Text alone in a later column is a wrapped piece of the row above ("Stage 2 is the landlord's
        // final response." under the requirement), never a heading.
        let alone = row.cells.len() == 1 || row.cells.first().is_some_and(|c| !c.is_empty());
        // A page's own heading (an HTML <h1>-<h6>) outside any table is about the form, not in it.
        if row.heading && row.table.is_none() {
            s.form_text.push((row.loc.clone(), FormTextKind::Heading));
            continue;
        }
        if filled.len() == 1 && alone {
            let text = filled[0].as_str();
            if heading_like(text) && (row.cells.len() == 1 || !text.ends_with('.')) {
                s.form_text.push((row.loc.clone(), FormTextKind::Heading));
                continue;
            }
            if instructions_like(text) {
                s.form_text
                    .push((row.loc.clone(), FormTextKind::Instructions));
                continue;
            }
        }
        // A section heading split over the first two columns: "1 | Definition of a complaint".
        if filled.len() == 2 && row.cells.first().is_some_and(|c| !c.is_empty()) {
            let joined = format!("{} {}", filled[0], filled[1]);
            let no_answer = filled
                .iter()
                .all(|c| matches!(read_answer(c), AnswerRead::Empty | AnswerRead::Unclear(_)));
            if no_answer && heading_like(&joined) {
                s.form_text.push((row.loc.clone(), FormTextKind::Heading));
                continue;
            }
        }
        let Some(h) = header.filter(|_| row.table.is_some()) else {
            s.loose
                .push((row.loc.clone(), row.cells.join(" ").trim().to_string()));
            continue;
        };
        let cells = align(&row.cells, &s.headers[h]);
        let part = make_part(row.loc.clone(), &cells, &s.headers[h], h);
        let starts = match &current {
            None => true,
            Some(r) => {
                part.number.is_some()
                    || part.sub_only.is_some()
                    || (part.has_answer() && r.has_answer() && !part.requirement.is_empty())
            }
        };
        if starts {
            let mut part = part;
            if let (Some(sub), Some(prev)) =
                (part.sub_only, current.as_ref().and_then(Record::number))
            {
                part.number = Some(NumberToken {
                    sub: Some(sub),
                    raw: format!("{}({sub})", prev.key()),
                    ..prev.clone()
                });
            }
            if let Some(r) = current.take() {
                s.records.push(r);
            }
            current = Some(Record {
                parts: vec![part],
                anchor: 0,
                whole: false,
            });
        } else if let Some(r) = current.as_mut() {
            r.parts.push(part);
        }
    }
    if let Some(r) = current {
        s.records.push(r);
    }
    s
}

/// A rule left by a text table: `---`, `===`, `|---|:--|`.
fn is_separator(cell: &str) -> bool {
    cell.chars()
        .all(|c| matches!(c, '-' | '=' | '_' | '|' | ':' | '+' | ' ' | '—' | '–'))
}

/// Puts a short row's cells under the right headings. A copy that lost a row's first cell (its number) shifts the
/// rest left; the answer, if there is one, shows by how much.
fn align(cells: &[String], header: &Header) -> Vec<String> {
    let width = header.roles.len();
    if cells.len() >= width || cells.is_empty() {
        return cells.to_vec();
    }
    let first = cells[0].trim();
    if first.is_empty() || parse_number(first).is_some() || parse_sub_only(first).is_some() {
        return cells.to_vec();
    }
    let missing = width - cells.len();
    let shift = match (
        header.column(&Role::Comply),
        cells
            .iter()
            .position(|c| matches!(read_answer(c), AnswerRead::Answer(..))),
    ) {
        (Some(c), Some(i)) if c > i && c - i <= missing => c - i,
        _ if header.roles.first() == Some(&Role::Number) => 1,
        _ => 0,
    };
    let mut out = vec![String::new(); shift];
    out.extend(cells.iter().cloned());
    out
}

fn make_part(loc: Loc, cells: &[String], header: &Header, index: usize) -> Part {
    let mut part = Part {
        loc,
        number: None,
        sub_only: None,
        requirement: String::new(),
        answer: AnswerRead::Empty,
        answer_text: String::new(),
        fields: Vec::new(),
        noise: Vec::new(),
        header: index,
    };
    let mut comply: Vec<&str> = Vec::new();
    let mut marks: Vec<(FormAnswer, String)> = Vec::new();
    let mut not_applicable = false;
    let mut requirement: Vec<String> = Vec::new();
    for (i, cell) in cells.iter().enumerate() {
        let cell = cell.trim();
        if cell.is_empty() {
            continue;
        }
        let role = header.roles.get(i).cloned().unwrap_or(Role::Blank);
        if is_noise(cell) && !matches!(role, Role::Comply) {
            part.noise.push(cell.to_string());
            continue;
        }
        match role {
            Role::Number => {
                if let Some((n, rest)) = parse_number(cell) {
                    part.number = Some(n);
                    if !rest.is_empty() {
                        requirement.insert(0, rest);
                    }
                } else if let Some(sub) = parse_sub_only(cell) {
                    part.sub_only = Some(sub);
                } else {
                    requirement.insert(0, cell.to_string());
                }
            }
            Role::Requirement => match parse_number(cell) {
                Some((n, rest)) if part.number.is_none() && !rest.is_empty() => {
                    part.number = Some(n);
                    requirement.push(rest);
                }
                _ => requirement.push(cell.to_string()),
            },
            Role::Comply => {
                // A tick is an answer, though it has no letters; a lone bullet is not.
                if matches!(read_answer(cell), AnswerRead::Empty) {
                    part.noise.push(cell.to_string());
                } else {
                    comply.push(cell);
                }
            }
            Role::Mark(a) if is_mark(cell) => {
                marks.push((a, header.labels.get(i).cloned().unwrap_or_default()));
                comply.push(cell);
            }
            Role::NotApplicable if is_mark(cell) => {
                not_applicable = true;
                comply.push(cell);
            }
            Role::Mark(_) | Role::NotApplicable => {
                let label = header.labels.get(i).cloned().unwrap_or_default();
                part.fields.push((Field::Other(label), cell.to_string()));
            }
            Role::Evidence => part.fields.push((Field::Evidence, cell.to_string())),
            Role::Commentary => part.fields.push((Field::Commentary, cell.to_string())),
            Role::Explanation => part.fields.push((Field::Explanation, cell.to_string())),
            Role::Action => part.fields.push((Field::Action, cell.to_string())),
            Role::Owner => part.fields.push((Field::Owner, cell.to_string())),
            Role::Due => part.fields.push((Field::Due, cell.to_string())),
            Role::Status => part.fields.push((Field::Status, cell.to_string())),
            Role::Other(label) => part.fields.push((Field::Other(label), cell.to_string())),
            Role::Blank => part.fields.push((Field::Unlabelled, cell.to_string())),
        }
    }
    part.requirement = requirement.join(" ");
    part.answer_text = comply.join(" ");
    part.answer = match (marks.as_slice(), not_applicable) {
        ([(a, label)], false) => AnswerRead::Answer(*a, label.clone(), String::new()),
        ([], true) => AnswerRead::NotApplicable(part.answer_text.clone()),
        ([], false) => read_answer(&part.answer_text),
        _ => AnswerRead::Unclear(part.answer_text.clone()),
    };
    part
}
