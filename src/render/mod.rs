//! Pages: the page list, the data each template is given, and rendering them all into files.
//!
//! Every page is rendered from the same [`Report`]; the whole-report page reuses the section templates of the
//! individual pages, so the printable report and the site cannot drift apart. All links are relative (see
//! [`urls`]), so the output works from any folder of any host and from `file://`.

pub(crate) mod colour;
pub(crate) mod markdown;
pub(crate) mod templates;
pub(crate) mod urls;
mod view;

use std::collections::BTreeMap;

use serde::Serialize;

use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::model::pages::PageId;
use crate::model::Report;
use crate::tables::{self, Table};
use crate::theme::Theme;

/// A file of the built site.
#[derive(Debug, Clone)]
pub(crate) struct OutputFile {
    /// Path relative to the output folder, `/`-separated.
    pub(crate) path: String,
    /// Contents.
    pub(crate) bytes: Vec<u8>,
}

/// A page to render.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct PageSpec {
    /// Output path, e.g. `performance.html`.
    pub(crate) path: String,
    /// Template under templates/.
    pub(crate) template: String,
    /// The page's title (its h1).
    pub(crate) title: String,
    /// Short label in the navigation.
    pub(crate) nav_label: String,
    /// Shown in the main navigation.
    pub(crate) in_nav: bool,
    /// For content pages, the slug of the content file.
    pub(crate) slug: Option<String>,
    /// One-sentence description.
    pub(crate) description: String,
    /// The page between the home page and this one in the breadcrumbs: the index of other pages, for an extra page.
    pub(crate) parent: Option<Crumb>,
    /// For content pages, where the page is in [`Report::pages`].
    #[serde(skip)]
    pub(crate) content: Option<usize>,
}

/// A link in the breadcrumbs.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct Crumb {
    /// The page's path, e.g. `pages.html`.
    pub(crate) href: String,
    /// Its label.
    pub(crate) label: String,
}

/// Renders every page, download and asset. Returns `None` (with diagnostics) if a template failed.
///
/// Pages, charts and downloads are each made in parallel (rayon), and every list keeps the order it would have had
/// one after another, so the output and the diagnostics are the same on one core or many.
pub(crate) fn render_site(
    report: &Report,
    theme: &Theme,
    diags: &mut Diagnostics,
) -> Option<Vec<OutputFile>> {
    let unsafe_html = report.site.unsafe_html;
    let tera = templates::load(theme, unsafe_html, diags)?;
    let sources = templates::sources(theme);
    let tables = tables::all(report);
    let pages = page_list(report);
    let palette = colour::palette(report.site.brand.unwrap_or(colour::DEFAULT_BRAND));
    let charts = crate::charts::report::all(report, &tables);
    let mut ctx = view::to_context(view::shared(report, &tables, &pages));
    ctx.insert("charts", &charts);
    let (rendered, downloads) = rayon::join(
        || render_pages(&tera, &ctx, report, &pages),
        || downloads(&tables),
    );
    let mut files = Vec::with_capacity(rendered.len() + downloads.len() + 1);
    let mut reported: Vec<Diagnostic> = Vec::new();
    for (page, result) in pages.iter().zip(rendered) {
        match result {
            Ok(html) => files.push(OutputFile {
                path: page.path.clone(),
                bytes: html.into_bytes(),
            }),
            Err(e) => {
                let d = render_error(&e, &page.template, &sources);
                // One broken partial breaks every page that includes it: report it once.
                if !reported
                    .iter()
                    .any(|r| r.message == d.message && r.location == d.location)
                {
                    reported.push(d);
                }
            }
        }
    }
    if !reported.is_empty() {
        for d in reported {
            diags.push(d);
        }
        return None;
    }
    for (message, help) in palette.warnings() {
        diags.push(Diagnostic::warning(message).help(help));
    }
    files.push(OutputFile {
        path: "assets/settings.css".into(),
        bytes: colour::settings_css(&palette).into_bytes(),
    });
    files.extend(downloads);
    for (path, file) in theme.statics() {
        files.push(OutputFile {
            path: path.to_string(),
            bytes: file.bytes.clone(),
        });
    }
    Some(files)
}

/// Renders every page with the shared context `shared`, in parallel, each result at its page's position.
///
/// Each page changes a few keys of the context ([`view::set_page`]), so a thread needs a context of its own; a copy
/// of the shared context holds the whole report, so there is one copy per thread, not per page. The threads take
/// the next page from one counter, so a large page (the full report) does not hold up a fixed share of the others.
fn render_pages(
    tera: &tera::Tera,
    shared: &tera::Context,
    report: &Report,
    pages: &[PageSpec],
) -> Vec<tera::Result<String>> {
    use rayon::prelude::*;
    use std::sync::atomic::{AtomicUsize, Ordering};
    let next = AtomicUsize::new(0);
    let threads = rayon::current_num_threads().min(pages.len()).max(1);
    let mut done: Vec<(usize, tera::Result<String>)> = (0..threads)
        .into_par_iter()
        .flat_map_iter(|_| {
            let mut ctx: Option<tera::Context> = None;
            let mut mine = Vec::new();
            loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some(page) = pages.get(i) else { break };
                let ctx = ctx.get_or_insert_with(|| shared.clone());
                view::set_page(ctx, report, page);
                mine.push((i, tera.render(&page.template, ctx)));
            }
            mine
        })
        .collect();
    done.sort_unstable_by_key(|(i, _)| *i);
    done.into_iter().map(|(_, r)| r).collect()
}

/// Every table as a CSV and a JSON download, in the order of the tables.
fn downloads(tables: &TableMap) -> Vec<OutputFile> {
    use rayon::prelude::*;
    tables
        .par_iter()
        .flat_map_iter(|(_, table)| {
            [
                OutputFile {
                    path: urls::download(&table.id, "csv"),
                    bytes: table.to_csv().into_bytes(),
                },
                OutputFile {
                    path: urls::download(&table.id, "json"),
                    bytes: table.to_json().into_bytes(),
                },
            ]
        })
        .collect()
}

/// A render error, placed in the template that holds the name it quotes: the failing page's own template, the
/// template Tera names, or else whichever template mentions it (site overrides first, as they are the likelier
/// culprits).
fn render_error(
    e: &tera::Error,
    page_template: &str,
    sources: &std::collections::HashMap<String, crate::diagnostics::SourceFile>,
) -> Diagnostic {
    let named = failing_template(e).unwrap_or_else(|| page_template.to_string());
    let mut candidates: Vec<&crate::diagnostics::SourceFile> = Vec::new();
    candidates.extend(sources.get(&named));
    let mut others: Vec<_> = sources
        .values()
        .filter(|s| s.path.to_string_lossy() != named)
        .collect();
    others.sort_by_key(|s| (s.name.starts_with("built-in"), s.name.clone()));
    candidates.extend(others);
    let source = candidates
        .iter()
        .find(|s| templates::mentions(s, e))
        .or(candidates.first());
    match source {
        Some(src) => templates::template_error(src, e, "a template cannot be rendered"),
        None => Diagnostic::error(format!(
            "a template cannot be rendered: {}",
            templates::chain(e)
        )),
    }
}

/// Tera names the template that failed in its messages ("while rendering 'partials/x.html'").
fn failing_template(e: &tera::Error) -> Option<String> {
    let text = templates::chain(e);
    let start = text.rfind("rendering '")? + "rendering '".len();
    let end = text[start..].find('\'')? + start;
    Some(text[start..end].to_string())
}

/// How one of the report's own pages is made: its template, whether the navigation lists it, and the functions that
/// word its title, navigation label and description.
struct PageEntry {
    id: PageId,
    template: &'static str,
    in_nav: bool,
    title: fn(&Report) -> String,
    nav: fn(&Report) -> String,
    description: fn(&Report) -> String,
}

/// The report's own pages, in navigation order; extra content pages go after [`PageId::Response`].
const PAGES: [PageEntry; 13] = [
    PageEntry {
        id: PageId::Home,
        template: "pages/home.html",
        in_nav: true,
        title: |r| r.site.title(),
        nav: |_| "Home".into(),
        description: |r| {
            format!(
                "{}'s complaints performance and service improvement report for {}.",
                r.site.landlord.name,
                r.current().label
            )
        },
    },
    PageEntry {
        id: PageId::Performance,
        template: "pages/performance.html",
        in_nav: true,
        title: |_| "How we handled complaints".into(),
        nav: |_| "Performance".into(),
        description: |r| {
            format!(
                "Complaint numbers, response times, outcomes and satisfaction for {}.",
                r.current().label
            )
        },
    },
    PageEntry {
        id: PageId::SelfAssessment,
        template: "pages/self-assessment.html",
        in_nav: true,
        title: |_| "Self-assessment against the Complaint Handling Code".into(),
        nav: |_| "Self-assessment".into(),
        description: |_| {
            "How we meet each provision of the Housing Ombudsman's Complaint Handling Code.".into()
        },
    },
    PageEntry {
        id: PageId::Learning,
        template: "pages/learning.html",
        in_nav: true,
        title: |_| "What we learned and changed".into(),
        nav: |_| "Learning".into(),
        description: |_| "Service improvements we made because of complaints.".into(),
    },
    PageEntry {
        id: PageId::Ombudsman,
        template: "pages/ombudsman.html",
        in_nav: true,
        title: |_| "The Housing Ombudsman's findings".into(),
        nav: |_| "Ombudsman".into(),
        description: |_| "Housing Ombudsman determinations, orders and reports about us.".into(),
    },
    PageEntry {
        id: PageId::Response,
        template: "pages/response.html",
        in_nav: true,
        title: |r| r.response.title.clone(),
        nav: |r| format!("{}'s response", r.site.landlord.governing_body),
        description: |r| {
            format!(
                "The {}'s response to this report.",
                r.site.landlord.governing_body
            )
        },
    },
    PageEntry {
        id: PageId::Report,
        template: "pages/report.html",
        in_nav: true,
        title: |r| format!("{} (full report)", r.site.title()),
        nav: |_| "Full report".into(),
        description: |_| "The whole report on one page, to read straight through or print.".into(),
    },
    PageEntry {
        id: PageId::Data,
        template: "pages/data.html",
        in_nav: true,
        title: |_| "Download the data".into(),
        nav: |_| "Data".into(),
        description: |_| "Every table in this report as CSV and JSON.".into(),
    },
    PageEntry {
        id: PageId::Pages,
        template: "pages/pages.html",
        in_nav: true,
        title: |_| "Other pages".into(),
        nav: |_| "Other pages".into(),
        description: |_| "The other pages of this website, by subject.".into(),
    },
    PageEntry {
        id: PageId::Complaints,
        template: "pages/complaints.html",
        in_nav: false,
        title: |_| "How to make a complaint".into(),
        nav: |_| "How to complain".into(),
        description: |r| {
            format!(
                "How to complain to {} and what happens next.",
                r.site.landlord.name
            )
        },
    },
    PageEntry {
        id: PageId::Accessibility,
        template: "pages/accessibility.html",
        in_nav: false,
        title: |_| "Accessibility statement".into(),
        nav: |_| "Accessibility".into(),
        description: |_| "How accessible this website is and how to tell us about problems.".into(),
    },
    PageEntry {
        id: PageId::Submission,
        template: "pages/submission.html",
        in_nav: false,
        title: |_| "Our annual submission to the Housing Ombudsman".into(),
        nav: |_| "Ombudsman submission".into(),
        description: |_| {
            "What we tell the Housing Ombudsman each year: our answer to each provision of the Code, when our governing body approved the self-assessment, and where this report is published.".into()
        },
    },
    PageEntry {
        id: PageId::PastReports,
        template: "pages/past-reports.html",
        in_nav: false,
        title: |_| "Past reports".into(),
        nav: |_| "Past reports".into(),
        description: |r| {
            format!(
                "{}'s complaints reports for every year, kept as they were published.",
                r.site.landlord.name
            )
        },
    },
];

/// The pages of the site: the report's own in navigation order, with the extra content pages (in the order of
/// [`Report::pages`]) after the governing body's response, where they are in the full report. The navigation lists
/// only the report's own pages and the index of the others ([`PageId::Pages`], made only when there are extra
/// pages), so every page's size stays the same however many pages a site has.
pub(crate) fn page_list(report: &Report) -> Vec<PageSpec> {
    let index = (!report.pages.is_empty()).then(|| Crumb {
        href: PageId::Pages.path(),
        label: PAGES
            .iter()
            .find(|e| e.id == PageId::Pages)
            .map_or_else(String::new, |e| (e.nav)(report)),
    });
    let mut pages = Vec::with_capacity(PAGES.len() + report.pages.len());
    for entry in &PAGES {
        if entry.id == PageId::Pages && index.is_none() {
            continue;
        }
        pages.push(PageSpec {
            path: entry.id.path(),
            template: entry.template.into(),
            title: (entry.title)(report),
            nav_label: (entry.nav)(report),
            in_nav: entry.in_nav,
            slug: None,
            description: (entry.description)(report),
            parent: None,
            content: None,
        });
        if entry.id == PageId::Response {
            pages.extend(report.pages.iter().enumerate().map(|(i, p)| PageSpec {
                path: format!("{}.html", p.slug),
                template: "pages/content.html".into(),
                title: p.title.clone(),
                nav_label: p.title.clone(),
                in_nav: false,
                slug: Some(p.slug.clone()),
                description: p.description.clone().unwrap_or_default(),
                parent: index.clone(),
                content: Some(i),
            }));
        }
    }
    pages
}

/// All tables, for templates: keyed by id.
pub(crate) type TableMap = BTreeMap<String, Table>;
