//! Reads text copied out of a document: one row per line, cells separated by tabs (as Word, Excel and most PDF
//! readers put them on the clipboard), or a `|` table as written in markdown or an email.
//!
//! A line with no separator at all is text outside the table (a heading, a paragraph of instructions), and is
//! marked as such so the table logic does not mistake it for a row; a markdown heading (`# ...`) is marked as a
//! heading. Such lines may still be a form laid out one label or value per line, which `labelled` reads.

use super::{Loc, Row};

/// Splits text into rows.
pub(crate) fn read(text: &str) -> Vec<Row> {
    text.split('\n')
        .enumerate()
        .map(|(i, line)| {
            let line = line.strip_suffix('\r').unwrap_or(line);
            let loc = Loc::Line(i + 1);
            if line.contains('\t') {
                Row {
                    loc,
                    cells: line.split('\t').map(str::to_string).collect(),
                    table: Some(0),
                    heading: false,
                    given: None,
                }
            } else if let Some(cells) = pipe_cells(line) {
                Row {
                    loc,
                    cells,
                    table: Some(0),
                    heading: false,
                    given: None,
                }
            } else {
                // A markdown heading ("# Self-assessment") is a heading of the document.
                let hashes = line.chars().take_while(|c| *c == '#').count();
                let heading = (1..=6).contains(&hashes) && line[hashes..].starts_with(' ');
                Row {
                    loc,
                    cells: vec![line.to_string()],
                    table: None,
                    heading,
                    given: None,
                }
            }
        })
        .collect()
}

/// The cells of a `| a | b |` line, or `None` if the line is not one.
fn pipe_cells(line: &str) -> Option<Vec<String>> {
    let t = line.trim();
    let inner = t.strip_prefix('|')?.strip_suffix('|')?;
    if !inner.contains('|') {
        return None;
    }
    Some(inner.split('|').map(|c| c.trim().to_string()).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_tabs_and_pipe_tables_and_keeps_line_numbers() {
        let rows = read("Title\r\n1.2\tText\tY\n| 1.3 | Text | Yes |\n");
        assert_eq!(rows[0].table, None);
        assert_eq!(rows[1].cells, ["1.2", "Text", "Y"]);
        assert_eq!(rows[2].cells, ["1.3", "Text", "Yes"]);
        assert_eq!(rows[2].loc, Loc::Line(3));
    }
}
