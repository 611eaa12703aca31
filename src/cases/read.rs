//! Reads a complaints log, CSV or workbook, into rows of cells that each know where they are in the file.
//!
//! Every cell keeps its byte span in a [`SourceFile`], so that a problem in it is reported at its line and column
//! with the row shown, as every other diagnostic of redress is. A CSV file is its own source text. A workbook has
//! no text, so one is made for it: each spreadsheet row becomes the line of the same number, its cells separated
//! by ` | `, and the diagnostics name the cell (`D7`) as well.
//!
//! The header row is the first row (of the first 20) that names at least two of the columns redress reads, so a
//! title or a note above the table in an export does not get in the way; rows above it are not read.

use std::ops::Range;
use std::path::Path;

use anyhow::{Context as _, Result};

use super::columns::{normalise, Column, Renames};
use crate::diagnostics::{Diagnostic, Diagnostics, SourceFile};

/// A typed value a workbook cell held, besides its text.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Typed {
    /// A cell formatted as a date (the time of day dropped).
    Date(crate::data::date::Date),
    /// A number (a date column holding a date number, or an amount of money).
    Number(f64),
}

/// One row of the log: its cells' text in one record (quotes removed), and where it starts in the source.
///
/// A row keeps as little as it can, because a log can have 100,000 of them: the cells' spans are worked out only
/// when a diagnostic needs one ([`Table::cell_span`]).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Row {
    /// The line (CSV) or spreadsheet row number, 1-based.
    pub(crate) line: usize,
    /// The byte offset of the row's first cell in the source.
    start: usize,
    /// The cells' text.
    cells: csv::StringRecord,
    /// What each workbook cell held when it was not text (empty for CSV).
    typed: Vec<Option<Typed>>,
    /// Each workbook cell's span in the made-up source (empty for CSV, whose spans are found from `start`).
    spans: Vec<Range<usize>>,
}

impl Row {
    /// How many cells the row has.
    pub(crate) fn len(&self) -> usize {
        self.cells.len()
    }

    /// The text of cell `i`, if the row has it.
    pub(crate) fn text(&self, i: usize) -> Option<&str> {
        self.cells.get(i)
    }

    /// Every cell's text.
    pub(crate) fn texts(&self) -> impl Iterator<Item = &str> {
        self.cells.iter()
    }

    /// What workbook cell `i` held, when it was a date or a number.
    pub(crate) fn typed(&self, i: usize) -> Option<Typed> {
        self.typed.get(i).copied().flatten()
    }

    /// True when every cell is empty or spaces.
    pub(crate) fn is_blank(&self) -> bool {
        self.cells.iter().all(|c| c.trim().is_empty())
    }
}

/// A log as read: its source (for diagnostics), its header row and its data rows.
#[derive(Debug, Clone)]
pub(crate) struct Table {
    /// The text diagnostics point into.
    pub(crate) source: SourceFile,
    /// The sheet read, for a workbook.
    pub(crate) sheet: Option<String>,
    /// The header row.
    pub(crate) header: Row,
    /// The rows below the header, blank ones included (the caller counts them).
    pub(crate) rows: Vec<Row>,
    /// The CSV delimiter, to find cells in the source.
    delimiter: u8,
}

impl Table {
    /// Where cell `i` of `row` is in the source: its text without the quotes and spaces around it. A cell the row
    /// does not have is placed at the end of the row.
    pub(crate) fn cell_span(&self, row: &Row, i: usize) -> Range<usize> {
        if self.sheet.is_some() {
            return row.spans.get(i).cloned().unwrap_or(row.start..row.start);
        }
        let spans = field_spans(&self.source.text, row.start, self.delimiter);
        match spans.get(i) {
            Some(s) => trimmed(&self.source.text, s.clone()),
            None => {
                let end = spans.last().map_or(row.start, |s| s.end);
                end..end
            }
        }
    }

    /// Where the whole row is in the source.
    pub(crate) fn row_span(&self, row: &Row) -> Range<usize> {
        let end = if self.sheet.is_some() {
            row.spans.last().map_or(row.start, |s| s.end)
        } else {
            field_spans(&self.source.text, row.start, self.delimiter)
                .last()
                .map_or(row.start, |s| s.end)
        };
        row.start..end.max(row.start)
    }
}

/// Reads the log at `path`, shown in messages as `name`. A file that cannot be read at all is an `Err` (the
/// world failed); a file that is read but is not a table is `Ok(None)` with a diagnostic.
pub(crate) fn read(
    path: &Path,
    name: &str,
    renames: &Renames,
    diags: &mut Diagnostics,
) -> Result<Option<Table>> {
    let bytes = std::fs::read(path).with_context(|| format!("failed to read `{name}`"))?;
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    let workbook = match ext.as_deref() {
        Some("xlsx" | "xlsm" | "xls" | "xlsb" | "ods") => true,
        Some("csv" | "txt" | "tsv") => false,
        // A workbook is a zip file (or an old OLE file); anything else is taken for text.
        _ => bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]),
    };
    let table = if workbook {
        workbook::read(path, name, &bytes, renames, diags)
    } else {
        Some(read_csv(path, name, &bytes, renames, diags))
    };
    Ok(table.and_then(|t| {
        if t.header.len() == 0 {
            diags.push(
                Diagnostic::error(format!(
                    "`{name}` is empty: it has no header row and no complaints"
                ))
                .in_file(&t.source)
                .help("export the log again with its header row, one row per complaint"),
            );
            None
        } else {
            Some(t)
        }
    }))
}

/// The text of a CSV file: UTF-8 (with or without Excel's byte order mark), or else Windows-1252, which is what
/// Excel's plain "CSV" format writes on a UK Windows machine (£ is byte A3 there).
fn decode(bytes: &[u8], name: &str, diags: &mut Diagnostics) -> String {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => text.to_string(),
        Err(_) => {
            diags.push(
                Diagnostic::warning(format!("`{name}` is not UTF-8 text; it was read as Windows-1252, as Excel saves a plain CSV"))
                    .help("if £ signs or accented letters look wrong in messages, save the log as \"CSV UTF-8\" instead"),
            );
            bytes.iter().map(|&b| windows_1252(b)).collect()
        }
    }
}

/// One byte of Windows-1252 as a character. It is Latin-1 except for 0x80-0x9F, where it puts punctuation such as
/// curly quotes and the euro sign.
fn windows_1252(b: u8) -> char {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8D}', 'Ž',
        '\u{8F}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9D}',
        'ž', 'Ÿ',
    ];
    match b {
        0x80..=0x9F => HIGH[usize::from(b - 0x80)],
        _ => char::from(b),
    }
}

/// Reads CSV bytes (see [`decode`] for the encodings accepted).
pub(crate) fn read_csv(
    path: &Path,
    name: &str,
    bytes: &[u8],
    renames: &Renames,
    diags: &mut Diagnostics,
) -> Table {
    let text = decode(bytes, name, diags);
    let delimiter = if path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("tsv"))
    {
        b'\t'
    } else {
        b','
    };
    let source = SourceFile::new(name, path, text);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(source.text.as_bytes());
    let mut rows = Vec::new();
    for record in reader.records() {
        match record {
            Ok(record) => {
                let (start, line) = record
                    .position()
                    .map_or((0, 1), |p| (p.byte() as usize, p.line() as usize));
                rows.push(Row {
                    line,
                    start,
                    cells: record,
                    typed: Vec::new(),
                    spans: Vec::new(),
                });
            }
            Err(e) => {
                let d = Diagnostic::error(format!("this row cannot be read as CSV: {e}"));
                let d = match e.position() {
                    Some(p) => d.at(&source, source.line_span(p.line() as usize)),
                    None => d.in_file(&source),
                };
                diags.push(d.help("check that every quoted cell has its closing quote"));
            }
        }
    }
    split_header(source, None, rows, renames, delimiter)
}

/// The spans of the fields of the CSV record starting at byte `start`: the text inside the quotes for a quoted
/// field. The csv crate reads the values; this only finds where they are, for diagnostics.
fn field_spans(text: &str, start: usize, delimiter: u8) -> Vec<Range<usize>> {
    let b = text.as_bytes();
    let mut spans = Vec::new();
    let mut i = start.min(b.len());
    loop {
        if i < b.len() && b[i] == b'"' {
            let content = i + 1;
            let mut j = content;
            while j < b.len() {
                if b[j] == b'"' {
                    if b.get(j + 1) == Some(&b'"') {
                        j += 2;
                        continue;
                    }
                    break;
                }
                j += 1;
            }
            spans.push(content..j.min(b.len()));
            i = j + 1;
            // Anything between the closing quote and the delimiter belongs to the field too.
            while i < b.len() && b[i] != delimiter && b[i] != b'\n' && b[i] != b'\r' {
                i += 1;
            }
        } else {
            let s = i;
            while i < b.len() && b[i] != delimiter && b[i] != b'\n' && b[i] != b'\r' {
                i += 1;
            }
            spans.push(s..i);
        }
        if i < b.len() && b[i] == delimiter {
            i += 1;
            continue;
        }
        return spans;
    }
}

/// The span without the spaces around the text, so a caret underlines the value.
fn trimmed(text: &str, span: Range<usize>) -> Range<usize> {
    let Some(slice) = text.get(span.clone()) else {
        return span;
    };
    let lead = slice.len() - slice.trim_start().len();
    let trail = slice.len() - slice.trim_end().len();
    if lead + trail >= slice.len() {
        return span.start..span.start;
    }
    span.start + lead..span.end - trail
}

/// How many of a row's cells name a column redress reads.
fn known_headers(row: &Row, renames: &Renames) -> usize {
    let names: Vec<String> = Column::ALL
        .iter()
        .map(|c| normalise(renames.get(c).map_or(c.name(), String::as_str)))
        .collect();
    row.texts()
        .filter(|c| names.contains(&normalise(c)))
        .count()
}

/// Splits the rows into the header row and the rows below it.
fn split_header(
    source: SourceFile,
    sheet: Option<String>,
    rows: Vec<Row>,
    renames: &Renames,
    delimiter: u8,
) -> Table {
    let at = rows
        .iter()
        .take(20)
        .position(|r| known_headers(r, renames) >= 2)
        .or_else(|| rows.iter().position(|r| !r.is_blank()));
    let mut rows = rows;
    let (header, rows) = match at {
        Some(at) => {
            let rest = rows.split_off(at + 1);
            let header = rows.pop().unwrap_or_else(|| empty_row(0));
            (header, rest)
        }
        None => (empty_row(0), Vec::new()),
    };
    Table {
        source,
        sheet,
        header,
        rows,
        delimiter,
    }
}

fn empty_row(at: usize) -> Row {
    Row {
        line: 1,
        start: at,
        cells: csv::StringRecord::new(),
        typed: Vec::new(),
        spans: Vec::new(),
    }
}

/// `A` for the first column, `AA` for the 27th.
pub(crate) fn column_letters(index: usize) -> String {
    let mut n = index + 1;
    let mut out = Vec::new();
    while n > 0 {
        let r = (n - 1) % 26;
        out.push(char::from(b'A' + r as u8));
        n = (n - 1) / 26;
    }
    out.iter().rev().collect()
}

mod workbook;

#[cfg(test)]
mod tests;
