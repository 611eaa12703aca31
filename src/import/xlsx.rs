//! Reads spreadsheets (.xlsx, .xlsm, .xls, .ods) with calamine: every sheet, every row, in order.
//!
//! Spreadsheets store values, not text, and two of the conversions back matter here. Dates are numbers with a
//! date format; they come back as `2025-03-31`. A provision number typed into a cell Excel treats as a number
//! loses its trailing zero ("6.10" becomes 6.1); it comes back as "6.1" and the matcher recovers 6.10 from the
//! requirement text beside it.

use std::io::Cursor;

use calamine::{open_workbook_auto_from_rs, Data, Reader};

use super::{ImportError, Loc, Row};

/// Reads every sheet of a workbook.
pub(crate) fn read(name: &str, bytes: &[u8]) -> Result<Vec<Row>, ImportError> {
    let mut book =
        open_workbook_auto_from_rs(Cursor::new(bytes)).map_err(|e| ImportError::Unsupported {
            what: format!("`{name}` looks like a spreadsheet but cannot be opened: {e}"),
            hint: "open it in Excel and save it again as .xlsx, then import the new copy"
                .to_string(),
        })?;
    let mut rows = Vec::new();
    for (index, sheet) in book.sheet_names().into_iter().enumerate() {
        let Ok(range) = book.worksheet_range(&sheet) else {
            continue;
        };
        let first = range.start().map_or(0, |(r, _)| r as usize);
        let left = range.start().map_or(0, |(_, c)| c as usize);
        for (i, row) in range.rows().enumerate() {
            let mut cells: Vec<String> = vec![String::new(); left];
            cells.extend(row.iter().map(cell_text));
            rows.push(Row {
                loc: Loc::SheetRow {
                    sheet: sheet.clone(),
                    row: first + i + 1,
                },
                cells,
                table: Some(index),
                heading: false,
                given: None,
            });
        }
    }
    Ok(rows)
}

/// A cell's value as text.
fn cell_text(cell: &Data) -> String {
    match cell {
        Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Int(i) => i.to_string(),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
        Data::Float(f) => f.to_string(),
        Data::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_string(),
        Data::DateTime(d) if d.is_datetime() => {
            let (y, m, day, ..) = d.to_ymd_hms_milli();
            format!("{y:04}-{m:02}-{day:02}")
        }
        Data::DateTime(d) => d.as_f64().to_string(),
        Data::Error(_) | Data::Empty => String::new(),
    }
}
