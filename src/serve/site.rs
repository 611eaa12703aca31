//! The site being served: the files of the last good build, held in memory, and what changed between two builds.
//!
//! `serve` never writes the site to disk. Each successful build replaces the whole [`Snapshot`] at once (readers hold
//! an `Arc` to the one they started with, so a page and the assets it links to come from one build, and nothing is
//! ever half-replaced), and a failed build replaces nothing. Because nothing is written, the output folder and
//! `redress build`'s output are never touched and no link on disk can be followed.
//!
//! The live-reload script is added to HTML as it is sent ([`inject`]), not stored, so the snapshot holds exactly
//! the bytes `redress build` would write and two builds compare byte for byte.

use std::collections::HashMap;
use std::sync::{Arc, OnceLock, RwLock};
use std::time::Instant;

use crate::render::OutputFile;

/// Where the live-reload script is served from.
pub(crate) const SCRIPT_PATH: &str = "/__redress/live.js";

/// One build of the site, as served.
#[derive(Debug)]
pub(crate) struct Snapshot {
    /// Identifies this build to browsers: `<server instance>-<build number>`, so that a page can tell whether it
    /// is out of date after missing an event or after the server restarted.
    pub(crate) build: String,
    /// The files by site path (`performance.html`, `assets/style.css`). Empty until the first good build.
    pub(crate) files: HashMap<String, Vec<u8>>,
    /// What makes `report.txt` and `report.pdf` from this build's `report.html`, when first asked for: the PDF
    /// takes longer to make than the rest of the site, so a save never waits for either.
    later: Option<Later>,
}

/// The formats of the full-report page, made on their first request, once per build (see
/// [`crate::formats::When::Later`]).
#[derive(Debug)]
struct Later {
    formats: crate::formats::Formats,
    /// The text and the PDF's job: reading the page is shared by both.
    made: OnceLock<(Vec<u8>, crate::formats::pdf::Job)>,
    pdf: OnceLock<Result<Vec<u8>, String>>,
}

impl Later {
    fn read(&self, page: &[u8]) -> &(Vec<u8>, crate::formats::pdf::Job) {
        self.made.get_or_init(|| self.formats.make(page))
    }

    /// The PDF, made now if this is its first request (a second request meanwhile waits for the first).
    fn pdf(&self, page: &[u8]) -> &Result<Vec<u8>, String> {
        self.pdf.get_or_init(|| {
            let start = Instant::now();
            let made = self.read(page).1.compile();
            match &made {
                Ok(pdf) => eprintln!(
                    "made {} ({} pages) in {} ms",
                    crate::formats::REPORT_PDF,
                    pdf.pages,
                    start.elapsed().as_millis()
                ),
                Err(d) => eprintln!("error: {}", d.message),
            }
            made.map(|pdf| pdf.bytes).map_err(|d| match &d.help {
                Some(help) => format!("{}\n\n{help}", d.message),
                None => d.message.clone(),
            })
        })
    }
}

impl Snapshot {
    /// A snapshot from a build's output.
    pub(crate) fn new(build: String, files: Vec<OutputFile>) -> Snapshot {
        Snapshot {
            build,
            files: files.into_iter().map(|f| (f.path, f.bytes)).collect(),
            later: None,
        }
    }

    /// This snapshot with `report.txt` and `report.pdf` made by `formats` from its `report.html` when they are
    /// first asked for.
    pub(crate) fn with_formats(mut self, formats: Option<crate::formats::Formats>) -> Snapshot {
        self.later = formats.map(|formats| Later {
            formats,
            made: OnceLock::new(),
            pdf: OnceLock::new(),
        });
        self
    }

    /// True before any build has succeeded.
    pub(crate) fn is_empty(&self) -> bool {
        self.files.is_empty()
    }

    /// The file a site path names: the file itself, or `index.html` inside a folder.
    pub(crate) fn lookup(&self, path: &str) -> Lookup<'_> {
        if path.is_empty() || path.ends_with('/') {
            let index = format!("{path}index.html");
            return match self.files.get_key_value(&index) {
                Some((p, bytes)) => Lookup::File(p, bytes),
                None => Lookup::Missing,
            };
        }
        if let Some((p, bytes)) = self.files.get_key_value(path) {
            return Lookup::File(p, bytes);
        }
        if let (Some(later), Some(page)) =
            (&self.later, self.files.get(crate::formats::REPORT_PAGE))
        {
            if path == crate::formats::REPORT_TEXT {
                return Lookup::File(crate::formats::REPORT_TEXT, &later.read(page).0);
            }
            if path == crate::formats::REPORT_PDF {
                return match later.pdf(page) {
                    Ok(bytes) => Lookup::File(crate::formats::REPORT_PDF, bytes),
                    Err(why) => Lookup::Failed(crate::formats::REPORT_PDF, why),
                };
            }
        }
        if self.files.contains_key(&format!("{path}/index.html")) {
            return Lookup::Folder;
        }
        Lookup::Missing
    }
}

/// What a path found.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Lookup<'a> {
    /// A file: its path (for the content type) and bytes.
    File(&'a str, &'a [u8]),
    /// A folder named without its trailing `/`: redirect, so relative links in its index page resolve.
    Folder,
    /// Nothing there.
    Missing,
    /// A file made on request that could not be made: its path and why.
    Failed(&'a str, &'a str),
}

/// The snapshot every request reads and the rebuild swaps.
#[derive(Debug, Clone)]
pub(crate) struct Current(Arc<RwLock<Arc<Snapshot>>>);

impl Current {
    /// Starts with `snapshot`.
    pub(crate) fn new(snapshot: Snapshot) -> Current {
        Current(Arc::new(RwLock::new(Arc::new(snapshot))))
    }

    /// The snapshot now being served. A poisoned lock still holds a whole snapshot (the writer only swaps an
    /// `Arc`), so it is read through rather than turned into a panic.
    pub(crate) fn get(&self) -> Arc<Snapshot> {
        match self.0.read() {
            Ok(s) => Arc::clone(&s),
            Err(poisoned) => Arc::clone(&poisoned.into_inner()),
        }
    }

    /// Replaces the snapshot.
    pub(crate) fn set(&self, snapshot: Snapshot) {
        let new = Arc::new(snapshot);
        match self.0.write() {
            Ok(mut s) => *s = new,
            Err(poisoned) => *poisoned.into_inner() = new,
        }
    }
}

/// How browsers should follow a new build.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Change {
    /// Nothing a reader could see changed (a file was saved unchanged, or a change cancelled itself out).
    None,
    /// Only these existing stylesheets changed: swap them without reloading the page.
    Css(Vec<String>),
    /// Anything else: reload.
    Reload(Vec<String>),
}

/// Compares two builds' files.
pub(crate) fn diff(old: &HashMap<String, Vec<u8>>, new: &HashMap<String, Vec<u8>>) -> Change {
    let mut changed: Vec<String> = new
        .iter()
        .filter(|(path, bytes)| old.get(*path) != Some(*bytes))
        .map(|(path, _)| path.clone())
        .collect();
    let removed: Vec<String> = old
        .keys()
        .filter(|path| !new.contains_key(*path))
        .cloned()
        .collect();
    changed.sort();
    if changed.is_empty() && removed.is_empty() {
        return Change::None;
    }
    let css_only = removed.is_empty()
        && changed
            .iter()
            .all(|p| p.ends_with(".css") && old.contains_key(p));
    if css_only {
        Change::Css(changed)
    } else {
        changed.extend(removed);
        changed.sort();
        Change::Reload(changed)
    }
}

/// Adds the live-reload script to an HTML page, just before its last `</body>` (or at the end when it has none),
/// tagged with the build the page came from.
pub(crate) fn inject(html: &[u8], build: &str) -> Vec<u8> {
    let tag = format!("<script src=\"{SCRIPT_PATH}\" data-build=\"{build}\" defer></script>\n");
    let at = rfind_ascii_ci(html, b"</body>").unwrap_or(html.len());
    let mut out = Vec::with_capacity(html.len() + tag.len());
    out.extend_from_slice(&html[..at]);
    out.extend_from_slice(tag.as_bytes());
    out.extend_from_slice(&html[at..]);
    out
}

fn rfind_ascii_ci(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.len() > haystack.len() {
        return None;
    }
    (0..=haystack.len() - needle.len())
        .rev()
        .find(|&i| haystack[i..i + needle.len()].eq_ignore_ascii_case(needle))
}

/// The page for a path that is not in the site: status 404, a link home, and the live-reload script so the page
/// still shows build errors and reloads when the page appears.
pub(crate) fn not_found_page(path: &str, build: &str) -> Vec<u8> {
    let shown = escape_html(path);
    let body = format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>Page not found</title>\n</head>\n<body>\n<main>\n<h1>Page not found</h1>\n\
         <p>There is no page at <code>/{shown}</code> in this preview.</p>\n\
         <p><a href=\"/\">Go to the home page</a></p>\n</main>\n</body>\n</html>\n"
    );
    inject(body.as_bytes(), build)
}

/// The page for a file of the site that could not be made (status 500): what went wrong, in words.
pub(crate) fn failed_page(path: &str, why: &str, build: &str) -> Vec<u8> {
    let body = format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{shown} could not be made</title>\n</head>\n<body>\n<main>\n<h1>{shown} could not be made</h1>\n\
         <pre>{why}</pre>\n<p><a href=\"/\">Go to the home page</a></p>\n</main>\n</body>\n</html>\n",
        shown = escape_html(path),
        why = escape_html(why),
    );
    inject(body.as_bytes(), build)
}

/// The page shown before the first build has succeeded: it says so, and the live-reload script shows the errors
/// and loads the site as soon as it builds.
pub(crate) fn not_built_page(build: &str) -> Vec<u8> {
    let body = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
                <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
                <title>The site has not been built yet</title>\n</head>\n<body>\n<main>\n\
                <h1>The site has not been built yet</h1>\n\
                <p>The site has errors, listed in the terminal running <code>redress serve</code> and over this \
                page. Fix them and save: this page will load the site by itself.</p>\n</main>\n</body>\n</html>\n";
    inject(body.as_bytes(), build)
}

/// Escapes text for HTML element content and attribute values.
pub(crate) fn escape_html(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn files(list: &[(&str, &str)]) -> HashMap<String, Vec<u8>> {
        list.iter()
            .map(|(p, b)| (p.to_string(), b.as_bytes().to_vec()))
            .collect()
    }

    #[test]
    fn diff_tells_css_from_pages() {
        let a = files(&[("index.html", "a"), ("assets/style.css", "x")]);
        assert_eq!(diff(&a, &a), Change::None);
        let css = files(&[("index.html", "a"), ("assets/style.css", "y")]);
        assert_eq!(diff(&a, &css), Change::Css(vec!["assets/style.css".into()]));
        let page = files(&[("index.html", "b"), ("assets/style.css", "y")]);
        assert_eq!(
            diff(&a, &page),
            Change::Reload(vec!["assets/style.css".into(), "index.html".into()])
        );
        let added_css = files(&[
            ("index.html", "a"),
            ("assets/style.css", "x"),
            ("b.css", ""),
        ]);
        assert!(matches!(diff(&a, &added_css), Change::Reload(_)));
        let removed = files(&[("index.html", "a")]);
        assert_eq!(
            diff(&a, &removed),
            Change::Reload(vec!["assets/style.css".into()])
        );
    }

    #[test]
    fn script_goes_before_the_last_body_end_tag() {
        let page = inject(b"<html><body><p>&lt;/body&gt;</p></BODY></html>", "b1-2");
        assert_eq!(
            String::from_utf8(page).unwrap(),
            "<html><body><p>&lt;/body&gt;</p><script src=\"/__redress/live.js\" data-build=\"b1-2\" defer></script>\n</BODY></html>"
        );
        let bare = inject(b"<p>x", "b");
        assert!(String::from_utf8(bare).unwrap().starts_with("<p>x<script"));
    }

    #[test]
    fn lookup_maps_folders_to_index() {
        let s = Snapshot::new(
            "b".into(),
            vec![
                OutputFile {
                    path: "index.html".into(),
                    bytes: b"home".to_vec(),
                },
                OutputFile {
                    path: "sub/index.html".into(),
                    bytes: b"sub".to_vec(),
                },
            ],
        );
        assert_eq!(s.lookup(""), Lookup::File("index.html", b"home"));
        assert_eq!(s.lookup("sub/"), Lookup::File("sub/index.html", b"sub"));
        assert_eq!(s.lookup("sub"), Lookup::Folder);
        assert_eq!(s.lookup("nope.html"), Lookup::Missing);
        assert_eq!(s.lookup("data/"), Lookup::Missing);
    }

    #[test]
    fn not_found_page_escapes_the_path() {
        let page = String::from_utf8(not_found_page("<script>.html", "b")).unwrap();
        assert!(page.contains("/&lt;script&gt;.html"));
        assert!(page.contains(SCRIPT_PATH));
    }
}
