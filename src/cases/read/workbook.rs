//! A workbook (.xlsx, .xlsm, .xls, .ods) as a [`Table`]: the first sheet whose header row names the columns.
//!
//! A workbook has no text for diagnostics to point into, so one is made: each spreadsheet row becomes the line of
//! the same number, its cells separated by ` | `, and each cell keeps its span in that text. Date cells keep their
//! date and number cells their number ([`Typed`]), so nothing is lost going through text.

use std::path::Path;

use super::{known_headers, split_header, Row, Table, Typed};
use crate::cases::columns::Renames;
use crate::diagnostics::{Diagnostic, Diagnostics, SourceFile};

pub(super) fn read(
    path: &Path,
    name: &str,
    bytes: &[u8],
    renames: &Renames,
    diags: &mut Diagnostics,
) -> Option<Table> {
    use calamine::{open_workbook_auto_from_rs, Data, Reader};
    let placeholder = SourceFile::new(name, path, String::new());
    let mut book = match open_workbook_auto_from_rs(std::io::Cursor::new(bytes)) {
        Ok(b) => b,
        Err(e) => {
            diags.push(
                Diagnostic::error(format!("`{name}` cannot be opened as a workbook: {e}"))
                    .in_file(&placeholder)
                    .help("open it in Excel and save it again as .xlsx, or save the sheet as CSV UTF-8"),
            );
            return None;
        }
    };
    let mut first: Option<Table> = None;
    for sheet in book.sheet_names() {
        let Ok(range) = book.worksheet_range(&sheet) else {
            continue;
        };
        let (top, left) = range
            .start()
            .map_or((0, 0), |(r, c)| (r as usize, c as usize));
        let mut text = "\n".repeat(top);
        let mut rows = Vec::new();
        for (i, cells) in range.rows().enumerate() {
            let start = text.len();
            let mut record = csv::StringRecord::new();
            let mut typed_cells = Vec::new();
            let mut spans = Vec::new();
            for (j, cell) in std::iter::repeat_n(&Data::Empty, left)
                .chain(cells.iter())
                .enumerate()
            {
                if j > 0 {
                    text.push_str(" | ");
                }
                let (value, typed) = cell_value(cell);
                let at = text.len();
                text.push_str(&value.replace(['\n', '\r'], " "));
                spans.push(at..text.len());
                record.push_field(&value);
                typed_cells.push(typed);
            }
            rows.push(Row {
                line: top + i + 1,
                start,
                cells: record,
                typed: typed_cells,
                spans,
            });
            text.push('\n');
        }
        let source = SourceFile::new(name, path, text);
        let table = split_header(source, Some(sheet.clone()), rows, renames, b',');
        if known_headers(&table.header, renames) >= 2 {
            return Some(table);
        }
        first.get_or_insert(table);
    }
    first
}

/// A workbook cell's text, and its typed value when it is a date or a number.
fn cell_value(cell: &calamine::Data) -> (String, Option<Typed>) {
    use calamine::Data;
    match cell {
        Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => (s.clone(), None),
        Data::Int(i) => (i.to_string(), Some(Typed::Number(*i as f64))),
        Data::Float(f) => (f.to_string(), Some(Typed::Number(*f))),
        Data::Bool(b) => ((if *b { "TRUE" } else { "FALSE" }).to_string(), None),
        Data::DateTime(d) if d.is_datetime() => {
            let (y, m, day, ..) = d.to_ymd_hms_milli();
            let date = crate::data::date::Date {
                year: y,
                month: m,
                day,
            };
            (date.to_string(), Some(Typed::Date(date)))
        }
        Data::DateTime(d) => (d.as_f64().to_string(), Some(Typed::Number(d.as_f64()))),
        Data::Error(e) => (format!("#{e:?}"), None),
        Data::Empty => (String::new(), None),
    }
}
