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
}

/// Renders every page, download and asset. Returns `None` (with diagnostics) if a template failed.
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
    let mut files = Vec::new();
    let mut ok = true;
    let mut reported = Vec::new();
    for page in &pages {
        view::set_page(&mut ctx, report, page);
        match tera.render(&page.template, &ctx) {
            Ok(html) => files.push(OutputFile {
                path: page.path.clone(),
                bytes: html.into_bytes(),
            }),
            Err(e) => {
                ok = false;
                let d = render_error(&e, &page.template, &sources);
                // One broken partial breaks every page that includes it: report it once.
                if !reported
                    .iter()
                    .any(|r: &Diagnostic| r.message == d.message && r.location == d.location)
                {
                    reported.push(d.clone());
                    diags.push(d);
                }
            }
        }
    }
    if !ok {
        return None;
    }
    for (message, help) in palette.warnings() {
        diags.push(Diagnostic::warning(message).help(help));
    }
    files.push(OutputFile {
        path: "assets/settings.css".into(),
        bytes: colour::settings_css(&palette).into_bytes(),
    });
    for table in tables.values() {
        files.push(OutputFile {
            path: urls::download(&table.id, "csv"),
            bytes: table.to_csv().into_bytes(),
        });
        files.push(OutputFile {
            path: urls::download(&table.id, "json"),
            bytes: table.to_json().into_bytes(),
        });
    }
    for (path, file) in theme.statics() {
        files.push(OutputFile {
            path: path.to_string(),
            bytes: file.bytes.clone(),
        });
    }
    Some(files)
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

/// The pages of the site, in navigation order.
pub(crate) fn page_list(report: &Report) -> Vec<PageSpec> {
    let body = &report.site.landlord.governing_body;
    let spec = |path: &str,
                template: &str,
                title: String,
                nav: &str,
                in_nav: bool,
                description: String| PageSpec {
        path: path.into(),
        template: template.into(),
        title,
        nav_label: nav.into(),
        in_nav,
        slug: None,
        description,
    };
    let label = &report.current().label;
    let mut pages = vec![
        spec(
            "index.html",
            "pages/home.html",
            report.site.title(),
            "Home",
            true,
            format!(
                "{}'s complaints performance and service improvement report for {label}.",
                report.site.landlord.name
            ),
        ),
        spec(
            "performance.html",
            "pages/performance.html",
            "How we handled complaints".into(),
            "Performance",
            true,
            format!("Complaint numbers, response times, outcomes and satisfaction for {label}."),
        ),
        spec(
            "self-assessment.html",
            "pages/self-assessment.html",
            "Self-assessment against the Complaint Handling Code".into(),
            "Self-assessment",
            true,
            "How we meet each provision of the Housing Ombudsman's Complaint Handling Code.".into(),
        ),
        spec(
            "learning.html",
            "pages/learning.html",
            "What we learned and changed".into(),
            "Learning",
            true,
            "Service improvements we made because of complaints.".into(),
        ),
        spec(
            "ombudsman.html",
            "pages/ombudsman.html",
            "The Housing Ombudsman's findings".into(),
            "Ombudsman",
            true,
            "Housing Ombudsman determinations, orders and reports about us.".into(),
        ),
        spec(
            "governing-body-response.html",
            "pages/response.html",
            report.response.title.clone(),
            &format!("{body}'s response"),
            true,
            format!("The {body}'s response to this report."),
        ),
    ];
    for p in &report.pages {
        pages.push(PageSpec {
            path: format!("{}.html", p.slug),
            template: "pages/content.html".into(),
            title: p.title.clone(),
            nav_label: p.title.clone(),
            in_nav: true,
            slug: Some(p.slug.clone()),
            description: p.description.clone().unwrap_or_default(),
        });
    }
    pages.extend([
        spec(
            "report.html",
            "pages/report.html",
            format!("{} (full report)", report.site.title()),
            "Full report",
            true,
            "The whole report on one page, to read straight through or print.".into(),
        ),
        spec(
            "data.html",
            "pages/data.html",
            "Download the data".into(),
            "Data",
            true,
            "Every table in this report as CSV and JSON.".into(),
        ),
        spec(
            "complaints.html",
            "pages/complaints.html",
            "How to make a complaint".into(),
            "How to complain",
            false,
            format!(
                "How to complain to {} and what happens next.",
                report.site.landlord.name
            ),
        ),
        spec(
            "accessibility.html",
            "pages/accessibility.html",
            "Accessibility statement".into(),
            "Accessibility",
            false,
            "How accessible this website is and how to tell us about problems.".into(),
        ),
    ]);
    pages
}

/// All tables, for templates: keyed by id.
pub(crate) type TableMap = BTreeMap<String, Table>;
