//! Reads forms that are not tables: labelled blocks on a web page ("Code provision 1.2", "Code requirement",
//! the text, "Comply", "Yes.", "Evidence", ...), text copied from a browser with one label or value per line,
//! tables whose cells ran together on one line (`1.3A resident does not have to ... policy.YesThe policy
//! includes ...`), and two-column tables of labels and values, one per provision. Each provision found becomes
//! one row under a header made for it, so the rest of the importer reads it as it reads a table row.
//!
//! The blocks outside tables are read in order. A record of a provision starts at a provision label or number,
//! at a provision number followed by that provision's own wording, at a label the record being built has
//! already had (a second "Code requirement" means the number of the next provision was lost), or at a block
//! that begins with the wording of a later provision of the Code ([`super::anchor`]). Values go under the last
//! label; before any label, the Code's wording, the answer and the evidence are told apart by the catalogue and
//! by what an answer looks like. Page chrome ([`super::chrome`]) between and inside records is set aside, and
//! section headings end a record.
//!
//! Blocks that start no record and are in none are passed on untouched, so a Word document's headings and a
//! text file's instructions reach [`super::rows`] as before; nothing here drops text.

use std::collections::HashSet;
use std::rc::Rc;

use super::anchor::{begins_with_requirement, requirement_prefix};
use super::chrome::{chrome_like, feedback_question, menu_run};
use super::header::Role;
use super::labels::{bare_number, label_of, run_together_header, section_heading, Label};
use super::ledger::FormTextKind;
use super::matching::{matcher, ocr_slip};
use super::number::{leading_number, readings};
use super::{Given, Loc, Row};
use record::{cells, cut_off, make_header, Draft};

/// What [`recognise`] made of the rows.
#[derive(Debug, Default)]
pub(crate) struct Recognised {
    /// The rows: tables untouched, records as rows with their header given, other blocks as they were.
    pub(crate) rows: Vec<Row>,
    /// Labels, page chrome and section headings set aside.
    pub(crate) form_text: Vec<(Loc, FormTextKind)>,
    /// Things to check about a record, by the record's place.
    pub(crate) notes: Vec<(Loc, String)>,
    /// Records whose evidence and commentary could not be told apart (the cells ran together).
    pub(crate) merged: usize,
}

/// A block of text outside any table.
#[derive(Debug, Clone)]
struct Block {
    loc: Loc,
    text: String,
    heading: bool,
}

enum Unit {
    Block(Block),
    Keep(Row),
}

/// Reads the labelled blocks and run-together rows among `rows`.
pub(crate) fn recognise(rows: Vec<Row>) -> Recognised {
    let mut out = Recognised::default();
    let mut segment: Vec<Block> = Vec::new();
    let mut file: Option<String> = None;
    for unit in units(rows) {
        match unit {
            Unit::Block(b) => {
                let f = b.loc.split_file().0.map(str::to_string);
                if f != file && !segment.is_empty() {
                    Segment::read(std::mem::take(&mut segment), &mut out);
                }
                file = f;
                segment.push(b);
            }
            Unit::Keep(row) => {
                if !segment.is_empty() {
                    Segment::read(std::mem::take(&mut segment), &mut out);
                }
                out.rows.push(row);
            }
        }
    }
    if !segment.is_empty() {
        Segment::read(segment, &mut out);
    }
    out
}

/// Blocks outside tables, with two-column tables of labels and values opened out into blocks.
fn units(rows: Vec<Row>) -> Vec<Unit> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < rows.len() {
        let Some(table) = rows[i].table else {
            let r = &rows[i];
            let text = r.cells.join(" ").trim().to_string();
            // Blank lines mean nothing in text copied from a browser: some copy one between every line.
            if !text.is_empty() {
                out.push(Unit::Block(Block {
                    loc: r.loc.clone(),
                    text,
                    heading: r.heading,
                }));
            }
            i += 1;
            continue;
        };
        let end = i + rows[i..]
            .iter()
            .take_while(|r| r.table == Some(table))
            .count();
        let group = &rows[i..end];
        if label_table(group) {
            for r in group {
                let cells: Vec<&str> = r
                    .cells
                    .iter()
                    .map(|c| c.trim())
                    .filter(|c| !c.is_empty())
                    .collect();
                let Some((first, rest)) = cells.split_first() else {
                    continue;
                };
                let block = |text: String| {
                    Unit::Block(Block {
                        loc: r.loc.clone(),
                        text,
                        heading: false,
                    })
                };
                out.push(block(first.to_string()));
                if !rest.is_empty() {
                    out.push(block(rest.join("\n\n")));
                }
            }
        } else {
            out.extend(group.iter().cloned().map(Unit::Keep));
        }
        i = end;
    }
    out
}

/// A table of labels and values: two columns at most, and most rows a label followed by its value. (A table of
/// provisions has more columns, or, with two, a label only in its header row.)
fn label_table(rows: &[Row]) -> bool {
    let narrow = rows
        .iter()
        .all(|r| r.cells.iter().filter(|c| !c.trim().is_empty()).count() <= 2);
    if !narrow {
        return false;
    }
    let labelled = rows
        .iter()
        .filter(|r| {
            let filled: Vec<&String> = r.cells.iter().filter(|c| !c.trim().is_empty()).collect();
            filled.len() <= 2
                && filled
                    .first()
                    .and_then(|c| label_of(c))
                    .is_some_and(|l| l.value.is_none() || l.role == Role::Number)
        })
        .count();
    labelled >= 2 && labelled * 2 >= rows.len()
}

/// One file's run of blocks.
struct Segment<'o> {
    out: &'o mut Recognised,
    drafts: Vec<Draft>,
    draft: Option<Draft>,
    /// Labels seen one after another with no value between: a table's header row, flattened.
    header_run: Vec<(Loc, Role, String)>,
    /// The columns of that header, when there was one.
    columns: Vec<Role>,
    /// The labels as the page words them, by role.
    words: Vec<(Role, String)>,
    seen: HashSet<usize>,
    /// Blocks passed on, with where they go among the records.
    passed: Vec<(usize, Block)>,
}

impl Segment<'_> {
    fn read(blocks: Vec<Block>, out: &mut Recognised) {
        let mut s = Segment {
            out,
            drafts: Vec::new(),
            draft: None,
            header_run: Vec::new(),
            columns: Vec::new(),
            words: Vec::new(),
            seen: HashSet::new(),
            passed: Vec::new(),
        };
        let mut k = 0;
        while k < blocks.len() {
            // Chrome: whole lines a site adds, a feedback widget's question and its buttons, a menu.
            let rest: Vec<&str> = blocks[k..]
                .iter()
                .take(40)
                .map(|b| b.text.as_str())
                .collect();
            let menu = menu_run(&rest);
            if menu > 0 {
                for b in &blocks[k..k + menu] {
                    s.form(&b.loc, FormTextKind::PageChrome);
                }
                k += menu;
                continue;
            }
            let b = &blocks[k];
            if chrome_like(&b.text) {
                s.form(&b.loc, FormTextKind::PageChrome);
                if feedback_question(&b.text) {
                    while blocks.get(k + 1).is_some_and(|n| {
                        matches!(n.text.trim().to_lowercase().as_str(), "yes" | "no")
                    }) {
                        k += 1;
                        s.form(&blocks[k].loc, FormTextKind::PageChrome);
                    }
                }
                k += 1;
                continue;
            }
            s.block(b);
            k += 1;
        }
        s.close();
        s.finish();
    }

    fn form(&mut self, loc: &Loc, kind: FormTextKind) {
        self.out.form_text.push((loc.clone(), kind));
    }

    fn block(&mut self, b: &Block) {
        let text = b.text.trim();
        let wants_value = self.draft.as_ref().is_some_and(Draft::wants_value);
        if !wants_value && section_heading(text) {
            self.close();
            self.form(&b.loc, FormTextKind::Heading);
            return;
        }
        if run_together_header(text) {
            self.close();
            self.form(&b.loc, FormTextKind::Header);
            return;
        }
        if let Some(label) = label_of(text) {
            self.label(b, label);
            return;
        }
        self.end_header_run();
        let numbered = bare_number(text)
            .map(|n| (n.raw.clone(), n.key(), String::new()))
            .or_else(|| self.numbered_start(text, b.heading));
        if let Some((number, key, rest)) = numbered {
            match self.draft.as_mut().filter(|d| d.wants_number()) {
                Some(d) => d.give_number(&number),
                None => self.start(&b.loc),
            }
            self.set_number(&number, &key);
            if let Some(d) = self.draft.as_mut().filter(|_| !rest.is_empty()) {
                d.push(rest);
            }
            return;
        }
        if !wants_value && self.text_starts(text) {
            return self.start_by_text(b);
        }
        match self.draft.as_mut() {
            Some(d) => d.push(text.to_string()),
            None if b.heading => self.form(&b.loc, FormTextKind::Heading),
            None => self.passed.push((self.drafts.len(), b.clone())),
        }
    }

    /// A block that begins with a later provision's wording, when the number of its record was lost. Never
    /// inside a requirement being quoted, whose lines are its own.
    fn text_starts(&self, text: &str) -> bool {
        let quoting = self
            .draft
            .as_ref()
            .is_some_and(|d| matches!(d.fields.last(), Some((Role::Requirement, _, _))));
        if quoting {
            return false;
        }
        let after = self
            .draft
            .as_ref()
            .and_then(|d| d.index)
            .or_else(|| self.drafts.iter().filter_map(|d| d.index).max());
        match begins_with_requirement(text, after) {
            Some((i, _)) => !self.seen.contains(&i),
            None => false,
        }
    }

    fn start_by_text(&mut self, b: &Block) {
        let after = self
            .draft
            .as_ref()
            .and_then(|d| d.index)
            .or_else(|| self.drafts.iter().filter_map(|d| d.index).max());
        self.start(&b.loc);
        let found = begins_with_requirement(&b.text, after).map(|(i, _)| i);
        if let Some(d) = self.draft.as_mut() {
            d.index = found;
            d.push(b.text.trim().to_string());
        }
        if let Some(i) = found {
            self.seen.insert(i);
        }
    }

    /// A provision number followed by that provision's own wording (or, for a number OCR or typing mangled, by
    /// the wording of the provision it was meant to be): the number, its catalogue key, and the text after it.
    /// A number followed by anything else ("2.1 A complaint is defined in our policy as ...") is the landlord's
    /// own clause number, and starts nothing.
    fn numbered_start(&self, text: &str, heading: bool) -> Option<(String, String, String)> {
        let m = matcher();
        let all = readings(text);
        let verified = all.iter().find(|(raw, key, rest)| match m.index_of(key) {
            Some(i) => requirement_prefix(rest, i).is_some(),
            None => {
                begins_with_requirement(rest, None).is_some_and(|(i, _)| ocr_slip(raw, m.number(i)))
            }
        });
        if let Some(v) = verified {
            return Some(v.clone());
        }
        let first = all.into_iter().next()?;
        (heading && first.2.split_whitespace().count() <= 8).then_some(first)
    }

    fn set_number(&mut self, raw: &str, key: &str) {
        let index = matcher().index_of(key);
        if let Some(d) = self.draft.as_mut() {
            d.number = Some(raw.to_string());
            d.index = index;
        }
        if let Some(i) = index {
            self.seen.insert(i);
        }
    }

    fn label(&mut self, b: &Block, label: Label) {
        let Label {
            role,
            written,
            value,
        } = label;
        // Labels one after another with nothing between them are a header row laid out one cell per line.
        let bare = self.draft.as_ref().is_none_or(|d| !d.has_content());
        if value.is_some() || !bare {
            self.end_header_run();
        }
        if !self.words.iter().any(|(r, _)| *r == role) {
            self.words.push((role.clone(), written.clone()));
        }
        let fresh = match &self.draft {
            None => true,
            Some(d) => match role {
                Role::Number => d.has_content(),
                Role::Requirement => {
                    d.labelled(&Role::Requirement) && d.has_content() || d.has(&Role::Comply)
                }
                Role::Comply => d.has(&Role::Comply),
                // A record has as many actions as it needs, each with its owner and date.
                Role::Action | Role::Owner | Role::Due | Role::Status => false,
                _ => d.labelled(&role) && d.has(&role) && d.has(&Role::Comply),
            },
        };
        if value.is_none() && bare {
            self.header_run
                .push((b.loc.clone(), role.clone(), written.clone()));
        }
        if fresh {
            self.start(&b.loc);
        }
        self.form(&b.loc, FormTextKind::Label);
        let Some(d) = self.draft.as_mut() else {
            return;
        };
        d.fields.push((role.clone(), written, Vec::new()));
        let Some(value) = value else {
            return;
        };
        if role == Role::Number {
            if let Some((raw, key, rest)) = leading_number(&value) {
                d.give_number(&raw);
                self.set_number(&raw, &key);
                if let Some(d) = self.draft.as_mut().filter(|_| !rest.is_empty()) {
                    d.push(rest);
                }
                return;
            }
        }
        d.push(value);
    }

    /// A value after a run of labels: if three or more came together, they were a header row, and its columns
    /// say what the values that follow are.
    fn end_header_run(&mut self) {
        let bare = self.draft.as_ref().is_none_or(|d| !d.has_content());
        if self.header_run.len() >= 3 && bare {
            self.columns = self.header_run.iter().map(|(_, r, _)| r.clone()).collect();
            for (loc, _, _) in &self.header_run {
                if let Some(entry) = self.out.form_text.iter_mut().rev().find(|(l, _)| l == loc) {
                    entry.1 = FormTextKind::Header;
                }
            }
            // The header was not a record.
            self.draft = None;
        }
        self.header_run.clear();
    }

    fn start(&mut self, loc: &Loc) {
        self.close();
        self.draft = Some(Draft::new(loc.clone()));
    }

    fn close(&mut self) {
        if let Some(d) = self.draft.take().filter(Draft::has_content) {
            self.drafts.push(d);
        }
    }

    /// Turns the drafts into rows under one header for the segment, and passes the other blocks on in place.
    fn finish(self) {
        let Segment {
            out,
            drafts,
            columns,
            words,
            passed,
            ..
        } = self;
        let header = Rc::new(make_header(&drafts, &words, &columns));
        let mut passed = passed.into_iter().peekable();
        let last = drafts.len().saturating_sub(1);
        for (i, d) in drafts.into_iter().enumerate() {
            while let Some((_, b)) = passed.next_if(|(at, _)| *at <= i) {
                out.rows.push(plain(b));
            }
            if i == last {
                if let Some(note) = cut_off(&d.last) {
                    out.notes.push((d.loc.clone(), note));
                }
            }
            let (rows, merged) = cells(&d, &header, &columns);
            if merged {
                out.merged += 1;
            }
            for (k, cells) in rows.into_iter().enumerate() {
                out.rows.push(Row {
                    loc: d.loc.clone(),
                    cells,
                    table: None,
                    heading: false,
                    given: Some(Given {
                        header: Rc::clone(&header),
                        continues: k > 0,
                    }),
                });
            }
        }
        out.rows.extend(passed.map(|(_, b)| plain(b)));
    }
}

fn plain(b: Block) -> Row {
    Row {
        loc: b.loc,
        cells: vec![b.text],
        table: None,
        heading: b.heading,
        given: None,
    }
}

mod record;
#[cfg(test)]
mod tests;
