//! `redress export cms`: every page of the report as a fragment of HTML to paste into a content management system.
//!
//! Councils publish inside LocalGov Drupal, Jadu, GOSS or WordPress, where a comms officer pastes HTML into an
//! editor and cannot upload a site. Each fragment holds only what the page's `<main>` says, read into the same
//! [`crate::formats::document`] tree that `report.pdf` and `report.txt` are written from (so the pages, the PDF,
//! the text and the fragments say the same thing), and written back out by [`fragment`] as plain semantic HTML
//! that needs no stylesheet and survives an editor's filters:
//!
//! - kept: headings, paragraphs, lists, `<dl>`, `<blockquote>`, tables with `<caption>`, `<thead>` and `<th
//!   scope>` (WCAG 2.2 1.3.1), `<figure>` and `<figcaption>`, links, `<strong>`, `<em>`, `<code>`, `<br>`, and
//!   charts as inline `<svg role="img">` with a `<title>` and `<desc>` (1.1.1), drawn with presentation attributes
//!   only;
//! - dropped: every `class` and `style` attribute (they would need redress's CSS, and editors strip them), every
//!   script, and the page's own navigation (skip link, header, footer, "back to contents");
//! - ids are prefixed `redress-<page>-` so none can clash with the host page's, and every in-page link follows its
//!   target's new id;
//! - links between pages become full addresses: the page's CMS address from `[cms] pages` in site.toml, else the
//!   built site's address from `base_url`; downloads (CSV, JSON, report.pdf) use `base_url`. A link that cannot be
//!   made a full address is written as its text only, with a warning that says how to fix it.
//!
//! Each chart is also written as an `.svg` and a `.png` file ([`charts`]), with its text alternative beside it,
//! for editors that strip inline SVG; `--charts image` writes the fragments with those images (from `[cms]
//! media`, where they are uploaded) instead. [`index`] writes the page a comms officer works from and a bare
//! preview of each fragment. The folder is written with [`crate::output::write_site`], so the export never
//! replaces a folder it did not write.

mod charts;
mod fragment;
mod html;
mod index;

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::Path;

use crate::data::site::SiteConfig;
use crate::diagnostics::{Diagnostic, Diagnostics, SourceFile};
use crate::formats::{document::Document, parse};
use crate::render::OutputFile;

/// The line in the output folder's marker that says the folder is a CMS export, not a built site.
pub(crate) const MARKER_NOTE: &str = "# redress export cms";

/// The prefix of every id in a fragment: unlikely in any host page's own markup.
const ID_PREFIX: &str = "redress-";

/// How charts appear in the fragments.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) enum Charts {
    /// Inline `<svg>`, with its title and description.
    #[default]
    Svg,
    /// `<img>` of the chart's PNG file where it is uploaded (`[cms] media`), with its text alternative.
    Image,
}

/// The choices a user makes for an export.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Options {
    /// The level of the fragment's first heading: 1 keeps each page's own title as its `<h1>`; 2 (the default)
    /// leaves the title out, for the CMS page's own title to stand as the `<h1>`, and keeps `<h2>` as `<h2>`; 3
    /// or more moves every heading down to match.
    pub(crate) heading_level: u8,
    /// How charts appear.
    pub(crate) charts: Charts,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            heading_level: 2,
            charts: Charts::Svg,
        }
    }
}

/// What the export needs from site.toml, checked.
#[derive(Debug, Clone, Default)]
pub(crate) struct Site {
    /// The report's name, for the index page's title.
    pub(crate) title: String,
    /// The pages' language.
    pub(crate) language: String,
    /// Where the built site is published, without a trailing `/`.
    base_url: Option<String>,
    /// Each page's address in the CMS, by page name.
    pages: BTreeMap<String, String>,
    /// Where the chart images are uploaded, without a trailing `/`.
    media: Option<String>,
}

impl Site {
    /// Reads the export's settings from `config`, reporting a `[cms]` entry for a page the site does not have, or
    /// an address that is not a full `http(s)` address, at its place in `source`. `pages` are the site's page
    /// names.
    pub(crate) fn from_config(
        config: &SiteConfig,
        source: Option<&SourceFile>,
        pages: &[String],
        options: &Options,
        diags: &mut Diagnostics,
    ) -> Site {
        let at = |d: Diagnostic, span: std::ops::Range<usize>| match source {
            Some(s) => d.at(s, span),
            None => d,
        };
        let mut site = Site {
            title: config.title.clone().unwrap_or_else(|| {
                format!(
                    "{}: complaints report {}",
                    config.landlord.name,
                    config.period.label.get_ref()
                )
            }),
            language: config.language.clone(),
            base_url: config.base_url.as_deref().and_then(full_address),
            ..Site::default()
        };
        for (name, url) in &config.cms.pages {
            if !pages.contains(name) {
                let mut d = Diagnostic::error(format!(
                    "[cms] pages names `{name}`, which is not a page of this site"
                ))
                .label("no page of this name");
                let hint = match crate::diagnostics::did_you_mean(
                    name,
                    pages.iter().map(String::as_str),
                ) {
                    Some(s) => format!("did you mean `{s}`? "),
                    None => String::new(),
                };
                d = d.help(format!(
                    "{hint}the pages are named after their files: {}",
                    pages.join(", ")
                ));
                diags.push(at(d, url.span()));
                continue;
            }
            match full_address(url.get_ref()) {
                Some(u) => {
                    site.pages.insert(name.clone(), u);
                }
                None => diags.push(at(
                    Diagnostic::error(format!(
                        "the CMS address of `{name}` is not a full address: `{}`",
                        url.get_ref()
                    ))
                    .label("expected an address starting https://")
                    .help("give the page's whole address as a reader's browser shows it, e.g. \"https://www.council.gov.uk/housing/complaints-performance\""),
                    url.span(),
                )),
            }
        }
        if let Some(media) = &config.cms.media {
            match full_address(media.get_ref()) {
                Some(u) => site.media = Some(u),
                None => diags.push(at(
                    Diagnostic::error(format!(
                        "[cms] media is not a full address: `{}`",
                        media.get_ref()
                    ))
                    .label("expected an address starting https://")
                    .help("give the address of the folder in the CMS's media library where the files of charts/ are uploaded"),
                    media.span(),
                )),
            }
        }
        if options.charts == Charts::Image && site.media.is_none() && config.cms.media.is_none() {
            diags.push(
                Diagnostic::error("`--charts image` needs to know where the chart images will be uploaded")
                    .help("upload the files of the export's charts/ folder to your CMS's media library, and set that folder's address in site.toml: [cms] media = \"https://www.council.gov.uk/sites/default/files/complaints\""),
            );
        }
        site
    }
}

/// `url` without a trailing `/`, when it is a full `http(s)` address.
fn full_address(url: &str) -> Option<String> {
    let url = url.trim();
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))?;
    (!rest.is_empty() && !rest.starts_with('/')).then(|| url.trim_end_matches('/').to_string())
}

/// The site's pages among its files: the top-level `.html` files, in the order they were rendered. The frozen
/// reports of earlier years (`archive/`) are kept as they were published, so they are not exported.
pub(crate) fn page_names(files: &[OutputFile]) -> Vec<String> {
    files
        .iter()
        .filter(|f| !f.path.contains('/'))
        .filter_map(|f| f.path.strip_suffix(".html"))
        .map(str::to_string)
        .collect()
}

/// One page of the site, read.
struct Page {
    /// Its name: the file's name without `.html`.
    name: String,
    /// Its path in the site.
    path: String,
    /// What its `<main>` says.
    doc: Document,
}

/// Writes the export of the site whose rendered `files` are given: the fragments, the chart files, the index and
/// the previews. Links that cannot be made full addresses are warnings in `diags`.
pub(crate) fn export(
    files: &[OutputFile],
    site: &Site,
    options: &Options,
    diags: &mut Diagnostics,
) -> Vec<OutputFile> {
    let pages: Vec<Page> = page_names(files)
        .into_iter()
        .filter_map(|name| {
            let path = format!("{name}.html");
            let file = files.iter().find(|f| f.path == path)?;
            let doc = parse::parse_main_with(&String::from_utf8_lossy(&file.bytes), true);
            Some(Page { name, path, doc })
        })
        .collect();
    let names: BTreeSet<String> = pages.iter().map(|p| p.name.clone()).collect();
    let write = |page: &Page,
                 ids: &HashMap<String, HashMap<String, String>>,
                 registry: &mut charts::Registry| {
        let addresses = fragment::Addresses {
            site,
            pages: &names,
            ids,
        };
        fragment::write(
            &page.doc, &page.name, &page.path, &addresses, options, registry,
        )
    };
    // Pass one finds where each page's ids land (an anchor lands on the block after it), so that links, within a
    // page and between pages, can be written in pass two.
    let mut ids: HashMap<String, HashMap<String, String>> = HashMap::new();
    let mut first_pass = charts::Registry::default();
    for page in &pages {
        let written = write(page, &ids, &mut first_pass);
        ids.insert(page.name.clone(), written.ids);
    }
    let mut registry = charts::Registry::default();
    let mut out = Vec::new();
    let mut unresolved: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut written_pages = Vec::new();
    for page in &pages {
        let written = write(page, &ids, &mut registry);
        for target in &written.unresolved {
            unresolved
                .entry(target.clone())
                .or_default()
                .insert(page.name.clone());
        }
        out.push(OutputFile {
            path: format!("fragments/{}.html", page.name),
            bytes: written.html.clone().into_bytes(),
        });
        written_pages.push(index::Written {
            name: page.name.clone(),
            title: written.title.clone(),
            html: written.html,
            cms_url: site.pages.get(&page.name).cloned(),
            charts: written.charts,
        });
    }
    for (target, on) in unresolved {
        let on: Vec<&str> = on.iter().map(String::as_str).collect();
        let is_page = target
            .strip_suffix(".html")
            .is_some_and(|n| names.contains(n));
        let help = if is_page {
            let name = target.trim_end_matches(".html");
            format!("give the page its address in your CMS in site.toml, `[cms] pages = {{ {name} = \"https://…\" }}`, or set base_url to where the built site is published")
        } else {
            "set base_url in site.toml to the address where the built site, with its downloads, is published".to_string()
        };
        diags.push(
            Diagnostic::warning(format!(
                "a link to `{target}` cannot be made a full address, so it is written as its text only (on {})",
                on.join(", ")
            ))
            .help(help),
        );
    }
    out.extend(registry.files());
    out.extend(index::write(site, options, &written_pages));
    out
}

/// Checks site.toml's `[cms]` settings as `redress export cms` would (each page name one of the site's pages, each
/// address a full web address), for `redress check`, so a typo is found before the export is run. `files` are the
/// checked site's files; nothing is checked when the site has errors (its pages are then unknown) or no `[cms]`.
pub(crate) fn check_settings(
    root: &Path,
    files: &[OutputFile],
    diags: &mut Diagnostics,
) -> anyhow::Result<()> {
    if diags.has_errors() {
        return Ok(());
    }
    // site.toml was read and checked already; this reading's own diagnostics are those already reported.
    let Some((config, source)) = crate::data::load_config(root, &mut Diagnostics::new())? else {
        return Ok(());
    };
    if config.cms.pages.is_empty() && config.cms.media.is_none() {
        return Ok(());
    }
    Site::from_config(
        &config,
        Some(&source),
        &page_names(files),
        &Options::default(),
        diags,
    );
    Ok(())
}

/// What the ownership marker in `out` says the folder holds: `Some(true)` a CMS export, `Some(false)` a built site,
/// `None` no redress folder at all.
fn holds_export(out: &Path) -> Option<bool> {
    let text = std::fs::read_to_string(out.join(crate::output::MARKER)).ok()?;
    Some(text.lines().any(|l| l == MARKER_NOTE))
}

/// Checks that the folder `out` is not a built site: a build's folder carries the same ownership marker, and an
/// export written into it would replace the site.
pub(crate) fn check_not_a_build(out: &Path) -> Result<(), String> {
    match holds_export(out) {
        Some(false) => Err(format!(
            "refusing to write the CMS export into `{}`: it holds a site built by `redress build`, which the export would replace\n\nhelp: choose another folder with --output, e.g. cms-export",
            out.display()
        )),
        _ => Ok(()),
    }
}

/// Checks that the folder `out` is not a CMS export, for `redress build`: the mirror of [`check_not_a_build`], so
/// neither command replaces what the other wrote.
pub(crate) fn check_not_an_export(out: &Path) -> Result<(), String> {
    match holds_export(out) {
        Some(true) => Err(format!(
            "refusing to build the site into `{}`: it holds a CMS export written by `redress export cms`, which the build would replace\n\nhelp: choose another folder with --output, or set build.output in site.toml",
            out.display()
        )),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_full_addresses_are_accepted() {
        assert_eq!(
            full_address("https://www.council.gov.uk/housing/"),
            Some("https://www.council.gov.uk/housing".into())
        );
        assert_eq!(full_address("/housing/complaints"), None);
        assert_eq!(full_address("www.council.gov.uk"), None);
        assert_eq!(full_address("https:///x"), None);
    }

    #[test]
    fn pages_are_the_top_level_html_files() {
        let file = |p: &str| OutputFile {
            path: p.into(),
            bytes: vec![],
        };
        let files = [
            file("index.html"),
            file("data/ch01.csv"),
            file("archive/2024-25/index.html"),
            file("performance.html"),
        ];
        assert_eq!(page_names(&files), ["index", "performance"]);
    }
}
