//! Reads a Word document's body (`word/document.xml`): each table row becomes a row of cells, each paragraph
//! outside a table a row of its own.
//!
//! Inside a cell, paragraphs are kept apart (a blank line between them, which markdown shows as separate
//! paragraphs) and list paragraphs (`w:numPr`, Word's bullets and numbering) become `- ` items. A cell merged
//! across columns (`w:gridSpan`) is followed by empty cells so later columns stay under their headings; tables
//! nested in a cell are read as more paragraphs of that cell. Deleted text (tracked changes) is not read; symbols
//! inserted from Wingdings (ticks, boxes) are read as the characters they show; a hyperlink to a web page
//! becomes a markdown link, so the address typed behind "Complaints Policy" is not lost.

use std::collections::HashMap;

use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;

use super::{Loc, Row};

#[derive(Default)]
struct Cell {
    paragraphs: Vec<(bool, String)>,
    span: usize,
}

#[derive(Default)]
struct State {
    rows: Vec<Row>,
    /// Depth of table nesting: 1 inside a top-level table.
    depth: usize,
    tables: usize,
    table_rows: usize,
    body_paragraphs: usize,
    row: Vec<Cell>,
    cell: Option<Cell>,
    paragraph: String,
    list_item: bool,
    in_text: bool,
    /// Hyperlink targets by relationship id, from `word/_rels/document.xml.rels`.
    links: HashMap<String, String>,
    /// A legacy form checkbox being read: whether `w:checked` says it is ticked, and its default.
    checkbox: Option<(Option<bool>, bool)>,
    /// Open hyperlinks: where their text starts in the paragraph, and their address.
    open_links: Vec<(usize, Option<String>)>,
}

/// Reads the XML of `word/document.xml`, with the document's relationships (`word/_rels/document.xml.rels`,
/// empty if there are none) to resolve hyperlinks.
pub(crate) fn read(xml: &str, rels: &str) -> Result<Vec<Row>, quick_xml::Error> {
    let mut reader = Reader::from_str(xml);
    let mut s = State {
        links: links(rels),
        ..State::default()
    };
    loop {
        match reader.read_event()? {
            Event::Start(e) => start(&mut s, &e, false),
            Event::Empty(e) => start(&mut s, &e, true),
            Event::End(e) => end(&mut s, e.local_name().as_ref()),
            Event::Text(t) if s.in_text => s.paragraph.push_str(&t.xml10_content()),
            Event::CData(t) if s.in_text => s.paragraph.push_str(&t),
            Event::GeneralRef(r) if s.in_text => {
                let c = match r.resolve_char_ref() {
                    Ok(Some(c)) => Some(c),
                    _ => match &*r {
                        "amp" => Some('&'),
                        "lt" => Some('<'),
                        "gt" => Some('>'),
                        "quot" => Some('"'),
                        "apos" => Some('\''),
                        _ => None,
                    },
                };
                if let Some(c) = c {
                    s.paragraph.push(c);
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(s.rows)
}

/// The external link targets in a relationships part, by id. A damaged part yields what was read before the damage.
fn links(rels: &str) -> HashMap<String, String> {
    let mut out = HashMap::new();
    let mut reader = Reader::from_str(rels);
    while let Ok(event) = reader.read_event() {
        match event {
            Event::Start(e) | Event::Empty(e) if e.local_name().as_ref() == "Relationship" => {
                let external = attr(&e, "TargetMode").is_some_and(|m| m == "External");
                if let (true, Some(id), Some(target)) =
                    (external, attr(&e, "Id"), attr(&e, "Target"))
                {
                    out.insert(id, target);
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    out
}

fn attr(e: &BytesStart<'_>, name: &str) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == name)
        .map(|a| a.value.into_owned())
}

fn start(s: &mut State, e: &BytesStart<'_>, empty: bool) {
    match e.local_name().as_ref() {
        "tbl" if !empty => {
            s.depth += 1;
            if s.depth == 1 {
                s.tables += 1;
                s.table_rows = 0;
            }
        }
        "tr" if s.depth == 1 && !empty => s.row.clear(),
        "tc" if s.depth == 1 && !empty => {
            s.cell = Some(Cell {
                span: 1,
                ..Cell::default()
            })
        }
        "gridSpan" if s.depth == 1 => {
            if let (Some(cell), Some(v)) = (s.cell.as_mut(), attr(e, "val")) {
                cell.span = v.parse().unwrap_or(1).clamp(1, 64);
            }
        }
        "p" => {
            s.paragraph.clear();
            s.list_item = false;
            if empty {
                end(s, "p");
            }
        }
        "numPr" => s.list_item = true,
        // A legacy form checkbox (FORMCHECKBOX) shows no text: its state is in `w:checked` or `w:default`.
        "checkBox" if !empty => s.checkbox = Some((None, false)),
        "checked" => {
            if let Some(b) = s.checkbox.as_mut() {
                b.0 = Some(attr(e, "val").is_none_or(|v| v != "0" && v != "false"));
            }
        }
        "default" => {
            if let Some(b) = s.checkbox.as_mut() {
                b.1 = attr(e, "val").is_some_and(|v| v == "1" || v == "true");
            }
        }
        "hyperlink" if !empty => {
            let target = attr(e, "id").and_then(|id| s.links.get(&id).cloned());
            s.open_links.push((s.paragraph.len(), target));
        }
        "t" if !empty => s.in_text = true,
        "tab" => s.paragraph.push(' '),
        "br" | "cr" => s.paragraph.push('\n'),
        "noBreakHyphen" => s.paragraph.push('-'),
        "sym" => {
            // Wingdings and Symbol characters are stored as codes in the private-use area, which the cleaner
            // maps to the ticks, boxes and bullets they show.
            if let Some(code) = attr(e, "char").and_then(|c| u32::from_str_radix(&c, 16).ok()) {
                let code = if code < 0x100 { code + 0xF000 } else { code };
                if let Some(c) = char::from_u32(code) {
                    s.paragraph.push(c);
                }
            }
        }
        _ => {}
    }
}

fn end(s: &mut State, name: &str) {
    match name {
        "t" => s.in_text = false,
        "checkBox" => {
            if let Some((checked, default)) = s.checkbox.take() {
                s.paragraph.push(if checked.unwrap_or(default) {
                    '☒'
                } else {
                    '☐'
                });
            }
        }
        "hyperlink" => {
            if let Some((start, Some(url))) = s.open_links.pop() {
                let text = s.paragraph.get(start..).unwrap_or("").trim().to_string();
                if text.is_empty() {
                    s.paragraph.push_str(&url);
                } else if text != url {
                    s.paragraph.insert(start, '[');
                    s.paragraph.push_str(&format!("]({url})"));
                }
            }
        }
        "p" => {
            let text = std::mem::take(&mut s.paragraph);
            if let Some(cell) = s.cell.as_mut() {
                cell.paragraphs.push((s.list_item, text));
            } else if s.depth == 0 {
                s.body_paragraphs += 1;
                if !text.trim().is_empty() {
                    s.rows.push(Row {
                        loc: Loc::Paragraph(s.body_paragraphs),
                        cells: vec![text],
                        table: None,
                        heading: false,
                        given: None,
                    });
                }
            }
        }
        "tc" if s.depth == 1 => {
            if let Some(cell) = s.cell.take() {
                s.row.push(cell);
            }
        }
        "tr" if s.depth == 1 => {
            s.table_rows += 1;
            let mut cells = Vec::new();
            for cell in s.row.drain(..) {
                cells.push(cell_text(&cell.paragraphs));
                cells.extend(std::iter::repeat_n(String::new(), cell.span - 1));
            }
            s.rows.push(Row {
                loc: Loc::TableRow {
                    table: s.tables,
                    row: s.table_rows,
                },
                cells,
                table: Some(s.tables),
                heading: false,
                given: None,
            });
        }
        "tbl" => s.depth = s.depth.saturating_sub(1),
        _ => {}
    }
}

/// A cell's paragraphs as markdown: list items one per line, other paragraphs apart.
fn cell_text(paragraphs: &[(bool, String)]) -> String {
    let mut out = String::new();
    let mut prev_item = false;
    for (item, text) in paragraphs {
        let text = text.trim();
        if text.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push_str(if *item && prev_item { "\n" } else { "\n\n" });
        }
        if *item {
            out.push_str("- ");
        }
        out.push_str(text);
        prev_item = *item;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const DOC: &str = r#"<?xml version="1.0"?><w:document xmlns:w="w"><w:body>
        <w:p><w:r><w:t>Section 1: Definition</w:t></w:r></w:p>
        <w:tbl>
          <w:tr><w:tc><w:p><w:r><w:t>Code provision</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Evidence</w:t></w:r></w:p></w:tc></w:tr>
          <w:tr><w:tc><w:p><w:r><w:t>1.2</w:t></w:r></w:p></w:tc><w:tc>
            <w:p><w:r><w:t xml:space="preserve">Policy &amp; </w:t></w:r><w:hyperlink r:id="rId9"><w:r><w:t>procedure</w:t></w:r></w:hyperlink></w:p>
            <w:p><w:pPr><w:numPr><w:ilvl w:val="0"/></w:numPr></w:pPr><w:r><w:t>Leaflet</w:t></w:r></w:p>
            <w:p><w:pPr><w:numPr/></w:pPr><w:r><w:t>Website</w:t></w:r><w:r><w:delText>old</w:delText></w:r></w:p>
          </w:tc></w:tr>
          <w:tr><w:tc><w:tcPr><w:gridSpan w:val="2"/></w:tcPr><w:p><w:r><w:t>Stage 2</w:t></w:r></w:p></w:tc></w:tr>
          <w:tr><w:tc><w:p><w:r><w:sym w:font="Wingdings" w:char="F0FC"/></w:r></w:p></w:tc><w:tc><w:p/></w:tc></w:tr>
          <w:tr><w:tc><w:p><w:r><w:t xml:space="preserve">Yes </w:t></w:r><w:r><w:fldChar w:fldCharType="begin"><w:ffData><w:checkBox><w:sizeAuto/><w:default w:val="0"/><w:checked/></w:checkBox></w:ffData></w:fldChar></w:r><w:r><w:t xml:space="preserve"> No </w:t></w:r><w:r><w:fldChar w:fldCharType="begin"><w:ffData><w:checkBox><w:default w:val="0"/></w:checkBox></w:ffData></w:fldChar></w:r></w:p></w:tc></w:tr>
        </w:tbl></w:body></w:document>"#;

    #[test]
    fn reads_tables_paragraphs_lists_and_spans() {
        let rels = r#"<Relationships><Relationship Id="rId9" Type="hyperlink" Target="https://example.org/policy" TargetMode="External"/></Relationships>"#;
        let rows = read(DOC, rels).unwrap();
        assert_eq!(rows[0].cells, ["Section 1: Definition"]);
        assert_eq!(rows[0].table, None);
        assert_eq!(rows[1].cells, ["Code provision", "Evidence"]);
        assert_eq!(
            rows[2].cells[1],
            "Policy & [procedure](https://example.org/policy)\n\n- Leaflet\n- Website"
        );
        assert_eq!(rows[2].loc, Loc::TableRow { table: 1, row: 2 });
        assert_eq!(rows[3].cells, ["Stage 2", ""]);
        assert_eq!(rows[4].cells[0], "\u{f0fc}");
        assert_eq!(rows[5].cells[0], "Yes ☒ No ☐");
    }
}
