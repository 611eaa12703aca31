//! The link check: every internal link and anchor on every rendered page leads somewhere, and every external link
//! is listed.
//!
//! It runs on the rendered site in memory (after [`crate::render`], before [`crate::output`]), so `build`, `check`
//! and `serve` report the same broken links and nothing has to be written first. A broken link is an error against
//! the place it was written: the markdown in `content/*.md` or a data file when the link text can be found there,
//! else the template that made the page. External links (`http:`, `https:`) are only collected here; whether they
//! answer is [`super::external`]'s job, and only on request, since a build must not depend on the network.
//!
//! Links are resolved as a browser resolves them against the page (`../`, `./`, `?query`, `%20`, a folder's
//! `index.html`), because the site is published as plain files: a link that works on one host and not another is
//! not a working link.

mod locate;
mod resolve;

use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap, HashSet};

use rayon::prelude::*;
use serde::Serialize;

use super::html;
use crate::diagnostics::{did_you_mean, Diagnostic, Diagnostics, Location, Severity, SourceFile};
use crate::render::{OutputFile, PageSpec};
use locate::locate;
use resolve::{percent_decode, resolve, Target};

/// A link to another site, and where it is.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct ExternalLink {
    /// The address, as written.
    pub(crate) url: String,
    /// The file it was written in (relative to the site root, or a built-in template), when found.
    pub(crate) file: Option<String>,
    /// 1-based line in that file, when found.
    pub(crate) line: Option<usize>,
    /// 1-based column in that file, when found.
    pub(crate) column: Option<usize>,
    /// The pages it appears on, in page order.
    pub(crate) pages: Vec<String>,
    /// The position with the line's text, for a diagnostic about the link.
    #[serde(skip)]
    pub(crate) location: Option<Location>,
}

impl ExternalLink {
    /// `file:line:column`, or as much of it as is known.
    pub(crate) fn position(&self) -> Option<String> {
        match (&self.file, self.line, self.column) {
            (Some(f), Some(l), Some(c)) => Some(format!("{f}:{l}:{c}")),
            (Some(f), _, _) => Some(f.clone()),
            _ => None,
        }
    }
}

/// What the link check saw.
#[derive(Debug, Clone, Default)]
pub(crate) struct LinkReport {
    /// Links to other sites, sorted by address.
    pub(crate) external: Vec<ExternalLink>,
    /// How many internal links were followed (each link on each page counts).
    pub(crate) internal: usize,
    /// How many pages were read.
    pub(crate) pages: usize,
}

/// Where link text can have been written, searched in this order to place a broken link.
pub(crate) struct LinkSources<'a> {
    /// The site's input files: `site.toml`, `data/*`, `content/*.md`.
    pub(crate) inputs: &'a [SourceFile],
    /// The theme's templates by name (`pages/home.html`).
    pub(crate) templates: &'a HashMap<String, SourceFile>,
}

/// Checks the links of every page in `files` (the pages are those in `pages`; other files, such as downloads and a
/// site's own `static/` files, are only link targets). Broken internal links are errors, a link from the host's root
/// (`/page.html`) is a warning, and external links are returned, not fetched. A broken link that only redress's
/// built-in theme can have made is a warning that says it is a bug in redress: the user can neither fix it nor
/// publish without it.
pub(crate) fn check(
    files: &[OutputFile],
    pages: &[PageSpec],
    sources: &LinkSources<'_>,
    diags: &mut Diagnostics,
) -> LinkReport {
    let paths: HashSet<&str> = files.iter().map(|f| f.path.as_str()).collect();
    // Page order, so that "on a.html and b.html" lists pages as the navigation does.
    let order: HashMap<&str, usize> = pages
        .iter()
        .enumerate()
        .map(|(i, p)| (p.path.as_str(), i))
        .collect();
    let mut ids: HashMap<&str, HashSet<Cow<'_, str>>> = HashMap::new();
    let mut scanned: Vec<(&PageSpec, html::Scan<'_>)> = Vec::new();
    // Every page is read in parallel (rayon); the results are gathered in file order.
    let scans: Vec<(&str, HashSet<Cow<'_, str>>, html::Scan<'_>)> = files
        .par_iter()
        .filter(|f| f.path.ends_with(".html"))
        // Rendered pages are always UTF-8; a site's own static page that is not is only skipped as a link target.
        .filter_map(|f| Some((f.path.as_str(), std::str::from_utf8(&f.bytes).ok()?)))
        .map(|(path, text)| {
            let mut scan = html::scan(text);
            let page_ids = std::mem::take(&mut scan.ids).into_iter().collect();
            (path, page_ids, scan)
        })
        .collect();
    for (path, page_ids, scan) in scans {
        ids.insert(path, page_ids);
        if let Some(&i) = order.get(path) {
            scanned.push((&pages[i], scan));
        }
    }
    scanned.sort_by_key(|(spec, _)| order.get(spec.path.as_str()).copied());

    let mut report = LinkReport {
        pages: scanned.len(),
        ..LinkReport::default()
    };
    // Problems keyed by (link as written, problem), each with the pages it is on: one diagnostic per broken link,
    // however many pages repeat it (a contents list shared by a page and the full report is one mistake).
    let mut problems: BTreeMap<(String, Problem), Seen> = BTreeMap::new();
    let mut external: BTreeMap<String, (Vec<String>, String)> = BTreeMap::new();
    // A link's verdict depends only on where it is written from (the page's folder, or the page itself for `#x`), so
    // the navigation repeated on a thousand pages is judged once.
    let mut verdicts: HashMap<(&str, &str), Verdict> = HashMap::new();
    for (spec, scan) in &scanned {
        let dir = spec.path.rfind('/').map_or("", |i| &spec.path[..=i]);
        for link in &scan.links {
            let value = link.value.as_ref();
            let base = if value.trim().is_empty() || value.trim_start().starts_with(['#', '?']) {
                spec.path.as_str()
            } else {
                dir
            };
            let verdict = verdicts
                .entry((base, value))
                .or_insert_with(|| judge(&spec.path, value, &paths, &ids));
            match verdict {
                Verdict::Skip => {}
                Verdict::Fine => report.internal += 1,
                Verdict::External(url) => {
                    if link.rel.as_deref() == Some("canonical") {
                        // The page's own address on the live site, which may not exist yet: not a link a reader
                        // follows.
                        continue;
                    }
                    let entry = external
                        .entry(url.clone())
                        .or_insert_with(|| (Vec::new(), spec.template.clone()));
                    if entry.0.last() != Some(&spec.path) {
                        entry.0.push(spec.path.clone());
                    }
                }
                Verdict::Broken(problem, resolved) => {
                    if *problem != Problem::Outside {
                        report.internal += 1;
                    }
                    problems
                        .entry((value.to_string(), problem.clone()))
                        .or_insert_with(|| Seen::new(&spec.template))
                        .add(&spec.path, resolved);
                }
            }
        }
    }

    let total = scanned.len();
    for ((value, problem), seen) in problems {
        diags.push(diagnostic(
            &value, &problem, &seen, total, &paths, &ids, sources,
        ));
    }
    // Finding where each address was written searches the inputs and templates: one address per task.
    report.external = external
        .into_par_iter()
        .map(|(url, (pages, template))| {
            let place = locate(&url, &template, sources);
            let (file, location) = match &place {
                Some((src, span)) => (Some(src.name.clone()), Some(src.locate(span.clone()))),
                None => (
                    sources.templates.get(&template).map(|s| s.name.clone()),
                    None,
                ),
            };
            ExternalLink {
                url,
                file,
                line: location.as_ref().map(|l| l.line),
                column: location.as_ref().map(|l| l.column),
                pages,
                location,
            }
        })
        .collect();
    report
}

/// What is wrong with one internal link.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum Problem {
    /// No file of the site is at the path it resolves to.
    NoTarget,
    /// The page exists but has no element with this id.
    NoAnchor(String),
    /// `../` climbs out of the site.
    Outside,
    /// `/page.html`: it resolves, but only at the top of a host.
    RootRelative,
}

/// What the check makes of one link.
#[derive(Debug)]
enum Verdict {
    /// Not checked (`mailto:`, `tel:`, a bare `#`).
    Skip,
    /// An internal link that leads somewhere.
    Fine,
    /// Another site's address.
    External(String),
    /// An internal link with a problem, and the path it resolved to.
    Broken(Problem, String),
}

/// Resolves `value`, written on `page`, and checks where it leads.
fn judge(page: &str, value: &str, paths: &HashSet<&str>, ids: &Ids<'_>) -> Verdict {
    match resolve(page, value) {
        Target::Skip => Verdict::Skip,
        Target::External(url) => Verdict::External(url),
        Target::Outside => Verdict::Broken(Problem::Outside, String::new()),
        Target::Internal {
            path,
            anchor,
            root_relative,
        } => {
            let target = if paths.contains(path.as_str()) {
                Some(path.clone())
            } else {
                let index = format!("{}/index.html", path.trim_end_matches('/'));
                paths.contains(index.as_str()).then_some(index)
            };
            match (target, anchor) {
                (None, _) => Verdict::Broken(Problem::NoTarget, path),
                (Some(t), Some(a)) if !anchor_exists(ids, &t, &a) => {
                    Verdict::Broken(Problem::NoAnchor(a), t)
                }
                _ if root_relative => Verdict::Broken(Problem::RootRelative, path),
                _ => Verdict::Fine,
            }
        }
    }
}

/// Where one broken link was seen.
#[derive(Debug)]
struct Seen {
    /// The pages it is on, in page order.
    pages: Vec<String>,
    /// What it resolved to from those pages (one path unless pages in different folders share it).
    targets: Vec<String>,
    /// The template of the first page it was seen on.
    template: String,
}

impl Seen {
    fn new(template: &str) -> Seen {
        Seen {
            pages: Vec::new(),
            targets: Vec::new(),
            template: template.to_string(),
        }
    }

    fn add(&mut self, page: &str, target: &str) {
        // Pages are visited in order, so a page already seen is the last one.
        if self.pages.last().is_none_or(|p| p != page) {
            self.pages.push(page.to_string());
        }
        if !self.targets.iter().any(|t| t == target) {
            self.targets.push(target.to_string());
        }
    }
}

/// The ids of each HTML file, by path.
type Ids<'a> = HashMap<&'a str, HashSet<Cow<'a, str>>>;

fn anchor_exists(ids: &Ids<'_>, target: &str, anchor: &str) -> bool {
    // `#top` scrolls to the top of any HTML page (HTML's "indicated part of the document"); anchors into files that
    // are not HTML (a CSV, a PDF) are up to whatever opens them.
    match ids.get(target) {
        Some(set) => set.contains(anchor) || anchor.eq_ignore_ascii_case("top"),
        None => true,
    }
}

fn diagnostic(
    value: &str,
    problem: &Problem,
    seen: &Seen,
    total: usize,
    paths: &HashSet<&str>,
    ids: &Ids<'_>,
    sources: &LinkSources<'_>,
) -> Diagnostic {
    let pages = on_pages(&seen.pages, total);
    let path = seen.targets.first().map_or("", String::as_str);
    let template = seen.template.as_str();
    let (d, label) = match problem {
        Problem::NoTarget => {
            let mut candidates: Vec<&str> = paths.iter().copied().collect();
            candidates.sort_unstable();
            let help = match did_you_mean(path, candidates.iter().copied()) {
                Some(s) => format!("did you mean `{s}`? Correct the link, or remove it"),
                None => {
                    let mut pages: Vec<&str> = candidates
                        .iter()
                        .copied()
                        .filter(|p| p.ends_with(".html") && !p.contains('/'))
                        .collect();
                    pages.sort_unstable();
                    format!(
                        "correct the link, or remove it; the site's pages are: {}",
                        pages.join(", ")
                    )
                }
            };
            (
                Diagnostic::error(format!(
                    "a link {pages} leads to `{value}`, which is not part of the site"
                ))
                .help(help),
                "no such page or file",
            )
        }
        Problem::NoAnchor(anchor) => {
            let mut known: Vec<&str> = ids
                .get(path)
                .map(|s| s.iter().map(|id| id.as_ref()).collect())
                .unwrap_or_default();
            known.sort_unstable();
            let same_page = seen.targets == seen.pages;
            let help = match did_you_mean(anchor, known.iter().copied()) {
                Some(s) => format!("did you mean `#{s}`? Correct the part after `#`, or link to the page alone"),
                None if same_page => "correct the part after `#` to the id of a heading or table on the page, or remove the link".to_string(),
                None => format!(
                    "correct the part after `#` to the id of a heading or table on {path}, or link to the page alone"
                ),
            };
            let message = if same_page {
                format!("a link {pages} leads to `{value}`, but no element on the page has that id")
            } else {
                format!(
                    "a link {pages} leads to `{value}`, but {} has no anchor `#{anchor}`",
                    seen.targets.join(" and ")
                )
            };
            (Diagnostic::error(message).help(help), "no such anchor")
        }
        Problem::Outside => (
            Diagnostic::error(format!(
                "a link {pages} leads to `{value}`, outside the site"
            ))
            .help("`../` climbs above the site's top folder; link to a file in the site, or give the full address (https://...)"),
            "outside the site",
        ),
        Problem::RootRelative => (
            Diagnostic::warning(format!(
                "a link {pages} starts with `/`, so it only works when the site is at the top of its web address"
            ))
            .help(format!(
                "write `{}` (without the leading `/`): relative links work in any folder and when the site is opened from disk",
                relative_form(value, path)
            )),
            "starts at the host's root",
        ),
    };
    let mut d = match locate(value, template, sources) {
        Some((src, span)) => d.at(src, span).label(label),
        None => match sources.templates.get(template) {
            Some(src) => {
                let mut d = d.in_file(src);
                d.message = format!("{} (made by the template `{template}`)", d.message);
                d
            }
            None => d,
        },
    };
    if d.file.as_deref().is_some_and(|f| f.starts_with(BUILT_IN)) {
        // Nothing in the site's own files made this link, so the user cannot fix it and must not be stopped by it.
        d.severity = Severity::Warning;
        d.help = Some(
            "this link comes from redress's built-in theme, not from your files, so it is a bug in redress: please report it\nit does not stop the site being built".into(),
        );
    }
    d
}

/// How [`crate::theme::ThemeFile::display_name`] names a template that is not the site's own.
const BUILT_IN: &str = "built-in theme:";

/// `/performance.html#ch01` → `performance.html#ch01`.
fn relative_form(value: &str, path: &str) -> String {
    let rest = value.trim().trim_start_matches('/');
    if rest.is_empty() {
        path.to_string()
    } else {
        rest.to_string()
    }
}

/// "on index.html", "on index.html and report.html", "on every page", "on a.html, b.html and 3 other pages".
fn on_pages(on: &[String], total: usize) -> String {
    match on {
        [] => String::new(),
        _ if on.len() == total && total > 2 => "on every page".to_string(),
        [one] => format!("on {one}"),
        [a, b] => format!("on {a} and {b}"),
        [a, b, rest @ ..] if rest.len() == 1 => format!("on {a}, {b} and {}", rest[0]),
        [a, b, rest @ ..] => format!("on {a}, {b} and {} other pages", rest.len()),
    }
}

#[cfg(test)]
mod tests;
