//! The past reports page's data: each year with its links, and each file's format and size in words, as the link
//! text of a download should give them (GOV.UK's guidance on links to attachments: "PDF, 245 KB").

use serde_json::{json, Value};

use crate::data::frozen::ARCHIVE;
use crate::model::past_reports::{Link, PastYear};
use crate::model::Report;

/// `past_reports`: the years, newest first.
pub(super) fn past_reports(r: &Report) -> Value {
    Value::Array(r.past_reports.iter().map(year).collect())
}

fn year(y: &PastYear) -> Value {
    let published: Vec<Value> = y
        .published
        .iter()
        .map(|p| match &p.link {
            Link::File { path, bytes } => json!({
                "title": p.title,
                "href": encode_path(path),
                "external": false,
                "format": format_name(path),
                "size": size(*bytes),
            }),
            Link::Url(url) => json!({
                "title": p.title,
                "href": url,
                "external": true,
                "format": null,
                "size": null,
            }),
        })
        .collect();
    json!({
        "label": y.label,
        "live": y.live,
        "frozen": y.frozen,
        "href": if y.live {
            "index.html".to_string()
        } else {
            format!("{ARCHIVE}/{}/index.html", encode_path(&y.label))
        },
        "published": published,
    })
}

/// A file's format as readers know it, from its extension.
fn format_name(path: &str) -> String {
    let ext = path
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default();
    match ext.as_str() {
        "pdf" => "PDF".into(),
        "doc" | "docx" => "Word document".into(),
        "odt" => "OpenDocument text".into(),
        "xls" | "xlsx" => "Excel spreadsheet".into(),
        "ods" => "OpenDocument spreadsheet".into(),
        "htm" | "html" => "web page".into(),
        "txt" => "plain text".into(),
        "" => "file".into(),
        other => other.to_ascii_uppercase(),
    }
}

/// "850 bytes", "245 KB", "1.2 MB" (1 KB = 1,024 bytes; rounded to the nearest, never shown as 0 KB).
fn size(bytes: u64) -> String {
    const KB: u64 = 1024;
    const MB: u64 = 1024 * 1024;
    if bytes < KB {
        format!("{} bytes", crate::format::count(bytes))
    } else if bytes < MB {
        format!("{} KB", ((bytes + KB / 2) / KB).max(1))
    } else {
        let tenths = (bytes * 10 + MB / 2) / MB;
        format!("{}.{} MB", tenths / 10, tenths % 10)
    }
}

/// A `/`-separated path as a URL path: every byte but unreserved characters and `/` percent-encoded, so a file
/// named "Complaints report 2023.pdf" gives a valid link that still leads to it.
fn encode_path(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_read_as_people_write_them() {
        assert_eq!(size(850), "850 bytes");
        assert_eq!(size(1020), "1,020 bytes");
        assert_eq!(size(1024), "1 KB");
        assert_eq!(size(250_880), "245 KB");
        assert_eq!(size(1_258_291), "1.2 MB");
    }

    #[test]
    fn paths_are_encoded_for_links() {
        assert_eq!(
            encode_path("reports/Complaints report 2023 (final).pdf"),
            "reports/Complaints%20report%202023%20%28final%29.pdf"
        );
        assert_eq!(encode_path("2024-25"), "2024-25");
    }

    #[test]
    fn formats_are_named() {
        assert_eq!(format_name("reports/a.PDF"), "PDF");
        assert_eq!(format_name("a.docx"), "Word document");
        assert_eq!(format_name("a.rtf"), "RTF");
    }
}
