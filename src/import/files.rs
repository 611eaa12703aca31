//! Works out which files make the form: the files given, in the order given, and the readable files of a folder
//! given, in the order of their names as a person reads them ("section-2.html" before "section-10.html").
//!
//! A form published one page per section arrives as several saved pages, often in a folder a browser also
//! filled with the pages' pictures, stylesheets and scripts ("Webpage, Complete" saves them in
//! `page_files/`). Only files of the kinds redress reads are taken from a folder; the rest, and any folders
//! inside it, are listed as skipped rather than read, so nothing is taken silently and nothing is left out
//! silently.

use std::cmp::Ordering;
use std::path::{Path, PathBuf};

use super::ImportError;

/// The extensions of files read from a folder.
pub(crate) const READABLE: [&str; 17] = [
    "html", "htm", "xhtml", "shtml", "mhtml", "mht", "txt", "text", "md", "markdown", "csv", "tsv",
    "docx", "xlsx", "xlsm", "xls", "ods",
];

/// The files to read, and what was skipped in the folders given.
#[derive(Debug, Default)]
pub(crate) struct Files {
    pub(crate) read: Vec<PathBuf>,
    pub(crate) skipped: Vec<PathBuf>,
}

/// Expands folders into their readable files.
pub(crate) fn expand(paths: &[PathBuf]) -> Result<Files, ImportError> {
    let mut out = Files::default();
    for path in paths {
        if !path.is_dir() {
            if !out.read.contains(path) {
                out.read.push(path.clone());
            }
            continue;
        }
        let io = |source| ImportError::Io {
            path: path.clone(),
            source,
        };
        let mut entries: Vec<PathBuf> = std::fs::read_dir(path)
            .map_err(io)?
            .map(|e| e.map(|e| e.path()).map_err(io))
            .collect::<Result<_, _>>()?;
        // By name without its extension first, so "section-6.html" comes before "section-6-continued.html".
        let stem = |p: &PathBuf| {
            p.file_stem()
                .map_or_else(String::new, |s| s.to_string_lossy().into_owned())
        };
        entries.sort_by(|a, b| {
            natural(&stem(a), &stem(b)).then_with(|| natural(&file_name(a), &file_name(b)))
        });
        let before = out.read.len();
        for entry in entries {
            let name = file_name(&entry);
            if name.starts_with('.') || name.starts_with("~$") {
                continue;
            }
            let readable = entry.is_file()
                && entry
                    .extension()
                    .and_then(|e| e.to_str())
                    .is_some_and(|e| READABLE.contains(&e.to_lowercase().as_str()));
            if !readable {
                out.skipped.push(entry);
            } else if !out.read.contains(&entry) {
                out.read.push(entry);
            }
        }
        if out.read.len() == before {
            return Err(ImportError::Unsupported {
                what: format!(
                    "the folder `{}` holds no file redress can read",
                    path.display()
                ),
                hint: format!(
                    "put the saved pages (or the document) of the self-assessment in it: files ending .{}",
                    READABLE.join(", .")
                ),
            });
        }
    }
    Ok(out)
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned())
}

/// Compares names as a person orders them: runs of digits by their value, the rest without regard to case.
pub(crate) fn natural(a: &str, b: &str) -> Ordering {
    fn pieces(s: &str) -> Vec<(bool, String)> {
        let mut out: Vec<(bool, String)> = Vec::new();
        for c in s.chars() {
            let digit = c.is_ascii_digit();
            match out.last_mut() {
                Some((d, piece)) if *d == digit => piece.push(c),
                _ => out.push((digit, c.to_string())),
            }
        }
        out
    }
    let (pa, pb) = (pieces(a), pieces(b));
    for (x, y) in pa.iter().zip(&pb) {
        let order = match (x, y) {
            ((true, m), (true, n)) => {
                let (m, n) = (m.trim_start_matches('0'), n.trim_start_matches('0'));
                m.len().cmp(&n.len()).then_with(|| m.cmp(n))
            }
            ((_, m), (_, n)) => m.to_lowercase().cmp(&n.to_lowercase()),
        };
        if order != Ordering::Equal {
            return order;
        }
    }
    pa.len().cmp(&pb.len()).then_with(|| a.cmp(b))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_sort_as_people_read_them() {
        let mut names = vec![
            "section-10.html",
            "Section-2.html",
            "section-1.html",
            "index.html",
        ];
        names.sort_by(|a, b| natural(a, b));
        assert_eq!(
            names,
            [
                "index.html",
                "section-1.html",
                "Section-2.html",
                "section-10.html"
            ]
        );
    }

    #[test]
    fn a_folder_gives_its_readable_files_in_order() {
        let dir = tempfile::tempdir().unwrap();
        for name in [
            "section-10.html",
            "section-9.htm",
            "section-9-continued.htm",
            "style.css",
            ".DS_Store",
        ] {
            std::fs::write(dir.path().join(name), "x").unwrap();
        }
        std::fs::create_dir(dir.path().join("section-9_files")).unwrap();
        let files = expand(&[dir.path().to_path_buf()]).unwrap();
        let names = |v: &[PathBuf]| v.iter().map(|p| file_name(p)).collect::<Vec<_>>();
        assert_eq!(
            names(&files.read),
            [
                "section-9.htm",
                "section-9-continued.htm",
                "section-10.html"
            ]
        );
        assert_eq!(names(&files.skipped), ["section-9_files", "style.css"]);
        let empty = tempfile::tempdir().unwrap();
        assert!(expand(&[empty.path().to_path_buf()]).is_err());
    }
}
