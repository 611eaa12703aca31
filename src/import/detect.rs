//! Works out what kind of file was given and hands it to the right reader.
//!
//! The bytes decide, not the name: a .docx renamed .doc, a CSV saved as .txt, or a spreadsheet without an
//! extension are all read for what they are. Text may arrive as UTF-8 (with or without a byte-order mark), as the
//! UTF-16 that Excel's "Unicode text" export writes, or as Windows-1252 from an older Windows program; all three
//! are decoded. Files redress cannot read (PDF, the old binary .doc, RTF) are refused with a way forward. A saved
//! web page is known by its extension or by starting as one does (`<!DOCTYPE html>`, `<html>`), and a web
//! archive (.mhtml) by its MIME headers, whatever either is called.

use std::io::{Cursor, Read};

use super::{Format, ImportError, Loc, Row};

/// What a reader made of a file.
#[derive(Debug)]
pub(crate) struct Reading {
    pub(crate) format: Format,
    pub(crate) rows: Vec<Row>,
    /// Page chrome left out by its structure (menus, banners, footers), by where it was.
    pub(crate) chrome: Vec<Loc>,
}

/// Reads any supported file into rows.
pub(crate) fn read(name: &str, bytes: &[u8]) -> Result<Reading, ImportError> {
    let plain = |format: Format, rows: Vec<Row>| Reading {
        format,
        rows,
        chrome: Vec::new(),
    };
    let ext = name
        .rsplit_once('.')
        .map(|(_, e)| e.to_lowercase())
        .unwrap_or_default();
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(unsupported(
            format!("`{name}` is empty"),
            "give the file that holds the self-assessment table",
        ));
    }
    if bytes.starts_with(b"PK\x03\x04") {
        let (format, rows) = read_zip(name, bytes)?;
        return Ok(plain(format, rows));
    }
    if bytes.starts_with(b"%PDF") {
        return Err(unsupported(
            format!("`{name}` is a PDF, which redress cannot read reliably"),
            "open the PDF, select the self-assessment table and copy it into a .txt file (tabs between the \
             columns are kept), or open it in Word and save it as .docx; then import that",
        ));
    }
    if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        if ext == "doc" {
            return Err(unsupported(
                format!("`{name}` is an old-style Word document (.doc)"),
                "open it in Word and save it as a Word Document (.docx), then import that",
            ));
        }
        return Ok(plain(Format::Spreadsheet, super::xlsx::read(name, bytes)?));
    }
    if bytes.starts_with(b"{\\rtf") {
        return Err(unsupported(
            format!("`{name}` is a Rich Text (.rtf) document"),
            "open it in Word and save it as a Word Document (.docx), then import that",
        ));
    }
    let text = decode_text(bytes);
    if let Some(html) = super::mhtml::page(&text) {
        let page = super::page::read(&html);
        return Ok(Reading {
            format: Format::Html,
            rows: page.rows,
            chrome: page.chrome,
        });
    }
    if text.contains('\u{0}') {
        return Err(unsupported(
            format!("`{name}` is not a document redress can read"),
            "give a .docx, .xlsx, .csv, a saved web page (.html), or a .txt file holding the table copied out \
             of the document or the browser",
        ));
    }
    if looks_like_html(&ext, &text) {
        let page = super::page::read(&text);
        return Ok(Reading {
            format: Format::Html,
            rows: page.rows,
            chrome: page.chrome,
        });
    }
    if looks_like_csv(&ext, &text) {
        return Ok(plain(Format::Csv, super::csv::read(&text)));
    }
    Ok(plain(Format::Text, super::text::read(&text)))
}

/// A saved web page: named .html or .htm, or starting as one does, whatever its name.
fn looks_like_html(ext: &str, text: &str) -> bool {
    if matches!(ext, "html" | "htm" | "xhtml" | "shtml") {
        return true;
    }
    let head: String = text
        .trim_start()
        .chars()
        .take(300)
        .collect::<String>()
        .to_lowercase();
    head.starts_with("<!doctype html")
        || head.starts_with("<html")
        || (head.starts_with("<?xml") && head.contains("<html"))
        || (head.starts_with("<!--") && head.contains("<html"))
}

fn unsupported(what: String, hint: &str) -> ImportError {
    ImportError::Unsupported {
        what,
        hint: hint.to_string(),
    }
}

/// A zip file: a Word document, a spreadsheet, or neither.
fn read_zip(name: &str, bytes: &[u8]) -> Result<(Format, Vec<Row>), ImportError> {
    let damaged = |e: &dyn std::fmt::Display| {
        unsupported(
            format!("`{name}` looks like a Word or Excel file but cannot be opened: {e}"),
            "open it in Word or Excel and save it again, then import the new copy",
        )
    };
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| damaged(&e))?;
    let names: Vec<String> = zip
        .file_names()
        .filter_map(|n| n.ok().map(|n| n.into_owned()))
        .collect();
    if names.iter().any(|n| n == "word/document.xml") {
        let mut xml = String::new();
        zip.by_name("word/document.xml")
            .map_err(|e| damaged(&e))?
            .read_to_string(&mut xml)
            .map_err(|e| damaged(&e))?;
        let mut rels = String::new();
        if let Ok(mut f) = zip.by_name("word/_rels/document.xml.rels") {
            // Without its relationships a document still reads; only its links lose their addresses.
            let _ = f.read_to_string(&mut rels);
        }
        return Ok((
            Format::Docx,
            super::docx::read(&xml, &rels).map_err(|e| damaged(&e))?,
        ));
    }
    if names
        .iter()
        .any(|n| n == "xl/workbook.xml" || n == "content.xml")
    {
        return Ok((Format::Spreadsheet, super::xlsx::read(name, bytes)?));
    }
    Err(unsupported(
        format!("`{name}` is a zip archive, but not a Word document or a spreadsheet"),
        "give the .docx or .xlsx file itself",
    ))
}

/// Decodes text: UTF-8 (a byte-order mark is dropped), UTF-16 with a byte-order mark, else Windows-1252.
pub(crate) fn decode_text(bytes: &[u8]) -> String {
    if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        return String::from_utf8_lossy(rest).into_owned();
    }
    let utf16 = |rest: &[u8], le: bool| {
        let units = rest.chunks(2).map(|c| {
            let pair = [c[0], c.get(1).copied().unwrap_or(0)];
            if le {
                u16::from_le_bytes(pair)
            } else {
                u16::from_be_bytes(pair)
            }
        });
        char::decode_utf16(units)
            .map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER))
            .collect::<String>()
    };
    if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        return utf16(rest, true);
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        return utf16(rest, false);
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => s.to_string(),
        Err(_) => bytes.iter().map(|&b| windows_1252(b)).collect(),
    }
}

/// Windows-1252: Latin-1 with printable characters (curly quotes, dashes, the euro) in 0x80-0x9F.
fn windows_1252(b: u8) -> char {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž',
        '\u{8f}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}',
        'ž', 'Ÿ',
    ];
    match b {
        0x80..=0x9F => HIGH[usize::from(b - 0x80)],
        _ => char::from(b),
    }
}

/// A .csv file, or text with no tabs whose lines split evenly on commas or semicolons.
fn looks_like_csv(ext: &str, text: &str) -> bool {
    if ext == "csv" {
        return true;
    }
    if text.contains('\t') || ext == "tsv" {
        return false;
    }
    let lines: Vec<&str> = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .take(20)
        .collect();
    if lines.len() < 2 {
        return false;
    }
    [',', ';'].iter().any(|d| {
        let counts: Vec<usize> = lines.iter().map(|l| l.matches(*d).count()).collect();
        let first = counts[0];
        first >= 2 && counts.iter().filter(|c| **c == first).count() * 2 >= counts.len()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_the_encodings_office_writes() {
        assert_eq!(decode_text(b"\xEF\xBB\xBFYes"), "Yes");
        assert_eq!(decode_text(&[0xFF, 0xFE, b'Y', 0, b'e', 0, b's', 0]), "Yes");
        assert_eq!(
            decode_text(b"\x93quoted\x94 \x96 caf\xE9"),
            "“quoted” – café"
        );
    }

    #[test]
    fn refuses_what_it_cannot_read_with_a_way_forward() {
        let e = read("form.pdf", b"%PDF-1.7 ...").unwrap_err();
        assert!(e.to_string().contains("copy it into a .txt file"), "{e}");
        let e = read("form.doc", &[0xD0, 0xCF, 0x11, 0xE0, 0, 0]).unwrap_err();
        assert!(e.to_string().contains("save it as a Word Document (.docx)"));
        assert!(read("x.txt", b"  \n").is_err());
    }

    #[test]
    fn tells_csv_from_tab_separated_text() {
        assert!(looks_like_csv("txt", "a,b,c\n1,2,3\n4,5,6"));
        assert!(!looks_like_csv("txt", "a\tb,c\n1\t2"));
        assert!(looks_like_csv("csv", "anything"));
        assert!(!looks_like_csv(
            "txt",
            "One sentence, with a comma.\nAnother line."
        ));
    }
}
