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

use super::anchor::{begins_with_requirement, leading_answer, requirement_prefix};
use super::chrome::{chrome_like, feedback_question, menu_run};
use super::header::{Header, Role};
use super::labels::{bare_number, label_of, run_together_header, section_heading, Label};
use super::ledger::FormTextKind;
use super::matching::{matcher, ocr_slip};
use super::number::parse_number;
use super::values::{read_answer, AnswerRead};
use super::{Given, Loc, Row};

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

/// A provision's record being built.
#[derive(Debug)]
struct Draft {
    loc: Loc,
    /// The number as written.
    number: Option<String>,
    /// The provision, when the number or the text has said which.
    index: Option<usize>,
    /// Values before any label.
    implicit: Vec<String>,
    /// Labelled values: the label's role, its words, the values under it.
    fields: Vec<(Role, String, Vec<String>)>,
    /// The last value's text, to tell a page cut off mid-sentence.
    last: String,
}

impl Draft {
    fn new(loc: Loc) -> Draft {
        Draft {
            loc,
            number: None,
            index: None,
            implicit: Vec::new(),
            fields: Vec::new(),
            last: String::new(),
        }
    }

    fn has(&self, role: &Role) -> bool {
        self.fields
            .iter()
            .any(|(r, _, v)| r == role && !v.is_empty())
    }

    fn labelled(&self, role: &Role) -> bool {
        self.fields.iter().any(|(r, _, _)| r == role)
    }

    /// A value has been given: the record is more than a label.
    fn has_content(&self) -> bool {
        self.number.is_some()
            || !self.implicit.is_empty()
            || self.fields.iter().any(|(_, _, v)| !v.is_empty())
    }

    /// Waiting for the number after a number label.
    fn wants_number(&self) -> bool {
        self.number.is_none()
            && matches!(self.fields.last(), Some((Role::Number, _, v)) if v.is_empty())
    }

    /// Waiting for the first value after a label, or for the wording after a number: the next block belongs here
    /// whatever it looks like.
    fn wants_value(&self) -> bool {
        match self.fields.last() {
            Some((_, _, v)) => v.is_empty(),
            None => self.number.is_some() && self.implicit.is_empty(),
        }
    }

    /// Adds a value under the last label; before any label, or after the number, to the values that say
    /// themselves what they are.
    fn push(&mut self, text: String) {
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
    fn give_number(&mut self, raw: &str) {
        if let Some((Role::Number, _, values)) = self.fields.last_mut() {
            values.push(raw.to_string());
        }
    }
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

/// A provision number at the start of text, also when the text runs straight on ("1.3A resident ...",
/// "6.10If all or part ..."): the number as written, its key ("6.10"), and the text after it.
fn leading_number(text: &str) -> Option<(String, String, String)> {
    readings(text).into_iter().next()
}

/// The ways to read a number at the start of text, likeliest first: where a capital follows the digits straight
/// on, the cells ran together ("2.4If a landlord" is 2.4 and "If a landlord", not 2.41 read with a letter I).
fn readings(text: &str) -> Vec<(String, String, String)> {
    let mut out: Vec<(String, String, String)> = run_on_number(text).into_iter().collect();
    if let Some((n, rest)) = parse_number(text) {
        out.push((n.raw.clone(), n.key(), rest));
    }
    out
}

fn run_on_number(text: &str) -> Option<(String, String, String)> {
    let t = text.trim_start();
    let major: String = t.chars().take_while(char::is_ascii_digit).collect();
    let after_major = t[major.len()..].strip_prefix('.')?;
    let digits: String = after_major
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    if major.is_empty() || major.len() > 1 || digits.is_empty() {
        return None;
    }
    // The longest reading whose next character is a capital or a quotation mark: "6.10If" is 6.10, not 6.1.
    (1..=digits.len().min(2)).rev().find_map(|len| {
        let rest = &after_major[len..];
        let starts_text = rest
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || matches!(c, '\'' | '‘' | '"' | '“'));
        starts_text.then(|| {
            let minor = digits[..len].trim_start_matches('0');
            let key = format!("{major}.{}", if minor.is_empty() { "0" } else { minor });
            (format!("{major}.{}", &digits[..len]), key, rest.to_string())
        })
    })
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

/// The header the segment's records are read by: the columns they use, under the page's own words.
fn make_header(drafts: &[Draft], words: &[(Role, String)], columns: &[Role]) -> Header {
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
fn cells(d: &Draft, header: &Header, columns: &[Role]) -> (Vec<Vec<String>>, bool) {
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
fn cut_off(last: &str) -> Option<String> {
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

#[cfg(test)]
mod tests;
