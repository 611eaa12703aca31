//! Reusing the last build's `report.pdf` and `report.txt` when nothing they are made from has changed.
//!
//! The PDF is a pure function of `report.html`, the few settings it takes from site.toml (title, landlord,
//! language, address) and the code that lays it out, and making it is most of a build's time (BENCHMARKS.md).
//! So `build` records a key beside the list of files in the output folder's marker: a SHA-256 of all of those
//! inputs, and the SHA-256 of the PDF and of the text it wrote. The next build into the same folder reuses
//! `report.pdf` (and `report.txt`, so it need not read the page back either) when its key is the same and the
//! file is still the one it wrote, byte for byte; anything else (another
//! `report.html`, a new redress, a PDF changed by hand, no marker) makes the PDF afresh. A reused PDF is the
//! same bytes a fresh one would be, since the PDF is reproducible: the cache changes how long a build takes,
//! never what it writes.

use std::path::Path;

use sha2::{Digest, Sha256};

use super::{REPORT_PDF, REPORT_TEXT};

/// The code that lays out the PDF, as a fingerprint of its source and the lock file (see `build.rs`), so a
/// changed redress never reuses a PDF an older one made, even at the same version number.
const CODE: &str = env!("REDRESS_PDF_CODE");

/// The start of the marker's line that records the key.
const NOTE: &str = "# report.pdf made from ";

/// The key of the PDF made from `page` with `settings` (each a setting the PDF takes beyond the page).
pub(crate) fn key(page: &[u8], settings: &[&str]) -> String {
    let mut h = Sha256::new();
    for part in [env!("CARGO_PKG_VERSION"), CODE].iter().chain(settings) {
        h.update((part.len() as u64).to_le_bytes());
        h.update(part.as_bytes());
    }
    h.update(page);
    hex(&h.finalize())
}

/// The line the marker records for a PDF with `key` and content `pdf`, and the text version `text` made with it.
pub(crate) fn note(key: &str, pdf: &[u8], text: &[u8]) -> String {
    format!(
        "{NOTE}{key}, sha256 {}, {REPORT_TEXT} sha256 {}",
        hex(&Sha256::digest(pdf)),
        hex(&Sha256::digest(text))
    )
}

/// What the last build left in the output folder: the folder, and its marker's text (read by the caller, since
/// the marker belongs to the output stage, which runs after this one).
#[derive(Debug)]
pub(crate) struct LastBuild<'a> {
    pub(crate) folder: &'a Path,
    pub(crate) marker: String,
}

/// The files of the last build that can be reused.
#[derive(Debug, PartialEq)]
pub(crate) struct Reused {
    /// `report.pdf`.
    pub(crate) pdf: Vec<u8>,
    /// `report.txt`, when it too is as that build wrote it. It is also a pure function of `report.html` and the
    /// settings in the key, and reading the page back to write it is most of what is left of a build's time once
    /// the PDF is reused.
    pub(crate) text: Option<Vec<u8>>,
}

/// The PDF (and the text) in the last build's folder, when that build recorded `key` for them and they are
/// unchanged.
pub(crate) fn reuse(last: &LastBuild, key: &str) -> Option<Reused> {
    let LastBuild {
        folder: out,
        marker,
    } = last;
    let listed = |name: &str| marker.lines().any(|l| l == name);
    if !listed(REPORT_PDF) {
        return None;
    }
    let recorded = marker.lines().find_map(|l| l.strip_prefix(NOTE))?;
    let (recorded_key, rest) = recorded.split_once(", sha256 ")?;
    if recorded_key != key {
        return None;
    }
    let text_note = format!(", {REPORT_TEXT} sha256 ");
    let (pdf_sha, text_sha) = match rest.split_once(text_note.as_str()) {
        Some((pdf, text)) => (pdf, Some(text)),
        None => (rest, None),
    };
    let unchanged = |name: &str, sha: &str| {
        let path = out.join(name);
        if crate::fs::is_symlink(&path) {
            return None;
        }
        let bytes = std::fs::read(path).ok()?;
        (hex(&Sha256::digest(&bytes)) == sha).then_some(bytes)
    };
    let pdf = unchanged(REPORT_PDF, pdf_sha)?;
    let text = text_sha
        .filter(|_| listed(REPORT_TEXT))
        .and_then(|sha| unchanged(REPORT_TEXT, sha));
    Some(Reused { pdf, text })
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folder_with(pdf: &[u8]) -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(REPORT_PDF), pdf).unwrap();
        dir
    }

    fn last<'a>(dir: &'a tempfile::TempDir, marker: &str) -> LastBuild<'a> {
        LastBuild {
            folder: dir.path(),
            marker: marker.to_string(),
        }
    }

    #[test]
    fn the_key_changes_with_the_page_and_each_setting() {
        let k = key(b"<main>a</main>", &["title", "en-GB"]);
        assert_eq!(k.len(), 64);
        assert_eq!(k, key(b"<main>a</main>", &["title", "en-GB"]));
        assert_ne!(k, key(b"<main>b</main>", &["title", "en-GB"]));
        assert_ne!(k, key(b"<main>a</main>", &["title", "cy"]));
        // Settings are kept apart: moving text from one to the next is another key.
        assert_ne!(key(b"", &["ab", "c"]), key(b"", &["a", "bc"]));
    }

    #[test]
    fn a_pdf_is_reused_only_with_its_key_and_its_own_bytes() {
        let pdf = b"%PDF-1.7 made earlier";
        let text = b"The report, as text";
        let k = key(b"page", &[]);
        let marker = format!(
            "# header\n{}\nreport.pdf\nreport.txt\n",
            note(&k, pdf, text)
        );
        let dir = folder_with(pdf);
        std::fs::write(dir.path().join(REPORT_TEXT), text).unwrap();
        let both = Reused {
            pdf: pdf.to_vec(),
            text: Some(text.to_vec()),
        };
        assert_eq!(reuse(&last(&dir, &marker), &k), Some(both));
        assert_eq!(reuse(&last(&dir, &marker), &key(b"other page", &[])), None);
        // A marker that does not list the PDF, or records no key.
        assert_eq!(
            reuse(&last(&dir, &format!("{}\n", note(&k, pdf, text))), &k),
            None
        );
        assert_eq!(reuse(&last(&dir, "report.pdf\n"), &k), None);
        // The text changed by hand: the PDF alone is reused, and the text made afresh.
        std::fs::write(dir.path().join(REPORT_TEXT), b"edited").unwrap();
        assert_eq!(reuse(&last(&dir, &marker), &k).map(|r| r.text), Some(None));
        // The PDF changed by hand after the build: both made afresh.
        std::fs::write(dir.path().join(REPORT_PDF), b"%PDF-1.7 edited").unwrap();
        assert_eq!(reuse(&last(&dir, &marker), &k), None);
    }
}
