//! Reads CSV: comma-separated, or semicolon-separated as Excel writes it where the comma is the decimal point.
//! Quoted cells may run over several lines; a row's location is the line it starts on.

use super::{Loc, Row};

/// Splits CSV text into rows.
pub(crate) fn read(text: &str) -> Vec<Row> {
    let delimiter = sniff(text);
    let mut reader = ::csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    let mut record = ::csv::StringRecord::new();
    let mut line = 1;
    loop {
        match reader.read_record(&mut record) {
            Ok(true) => {
                if let Some(p) = record.position() {
                    line = usize::try_from(p.line()).unwrap_or(line);
                }
                rows.push(Row {
                    loc: Loc::Line(line),
                    cells: record.iter().map(str::to_string).collect(),
                    table: Some(0),
                    heading: false,
                    given: None,
                });
            }
            Ok(false) => break,
            // A malformed record (an unclosed quote) ends the readable part; keep its text as one cell so the
            // ledger reports it rather than losing it.
            Err(e) => {
                let line = e
                    .position()
                    .map_or(line + 1, |p| usize::try_from(p.line()).unwrap_or(line));
                let rest: String = text
                    .lines()
                    .skip(line.saturating_sub(1))
                    .collect::<Vec<_>>()
                    .join("\n");
                rows.push(Row {
                    loc: Loc::Line(line),
                    cells: vec![rest],
                    table: None,
                    heading: false,
                    given: None,
                });
                break;
            }
        }
    }
    rows
}

/// Semicolons when they outnumber commas on the first line, else commas.
fn sniff(text: &str) -> u8 {
    let first = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    if first.matches(';').count() > first.matches(',').count() {
        b';'
    } else {
        b','
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_quoted_multiline_cells_and_semicolons() {
        let rows = read("number,comply,evidence\n1.2,yes,\"Policy\nsection 2\"\n1.3,no,x\n");
        assert_eq!(rows[1].cells[2], "Policy\nsection 2");
        assert_eq!(rows[1].loc, Loc::Line(2));
        assert_eq!(rows[2].loc, Loc::Line(4));
        let rows = read("a;b;c\n1,5;2;3\n");
        assert_eq!(rows[1].cells, ["1,5", "2", "3"]);
    }
}
