//! The prose of the report, judged: the introduction, the landlord's own analysis (Code 8.1(b)), the governing
//! body's response (Code 8.2), the statement of the Member Responsible for Complaints, and any extra pages.

use super::pages;
use super::site::Site;
use super::Period;
use crate::data::content::ContentPage;
use crate::data::date::Date;
use crate::diagnostics::{Diagnostic, Diagnostics};

/// A page of prose.
#[derive(Debug, Clone)]
pub(crate) struct Page {
    /// File stem: `about-this-report`.
    pub(crate) slug: String,
    /// Title (the page's h1).
    pub(crate) title: String,
    /// One sentence, for navigation and the meta description.
    pub(crate) description: Option<String>,
    /// Markdown.
    pub(crate) body: String,
    /// For an extra page, the heading it is listed under on the index of other pages; `None` for a page that is part
    /// of the report (in the full report and the home page's list of parts, as well as on the index).
    pub(crate) group: Option<String>,
}

/// A dated, signed statement: the governing body's response, or the Member Responsible for Complaints'.
#[derive(Debug, Clone)]
pub(crate) struct Statement {
    /// Title.
    pub(crate) title: String,
    /// Markdown.
    pub(crate) body: String,
    /// When it was agreed or written.
    pub(crate) date: Date,
    /// Who signed it.
    pub(crate) signed: Option<String>,
}

/// The content files sorted into their roles.
pub(super) struct Content {
    pub(super) introduction: Page,
    pub(super) analysis: Page,
    pub(super) response: Statement,
    pub(super) member_statement: Option<Statement>,
    pub(super) pages: Vec<Page>,
}

/// The content files with a role of their own in the report, each matched by name below.
const ROLES: [&str; 4] = [
    "introduction",
    "analysis",
    "governing-body-response",
    "member-responsible-for-complaints",
];

fn page(p: &ContentPage) -> Page {
    Page {
        slug: p.slug.clone(),
        title: p.front.title.clone(),
        description: p.front.description.clone(),
        body: p.body.clone(),
        group: p
            .front
            .group
            .as_ref()
            .map(|g| g.get_ref().trim().to_string()),
    }
}

/// Sorts and checks the content pages.
pub(super) fn build(
    content: Vec<ContentPage>,
    period: Option<Period>,
    site: Option<&Site>,
    diags: &mut Diagnostics,
) -> Option<Content> {
    let mut introduction = None;
    let mut analysis = None;
    let mut response = None;
    let mut member = None;
    let mut pages = Vec::new();
    for p in content {
        if let (Some(group), true) = (&p.front.group, ROLES.contains(&p.slug.as_str())) {
            diags.push(
                Diagnostic::warning(format!(
                    "`group` has no effect on `{}`: it is always part of the report",
                    p.source.name
                ))
                .at(&p.source, group.span())
                .help("remove the `group` key; only extra pages are listed under a group on the index of other pages"),
            );
        }
        match p.slug.as_str() {
            "introduction" => introduction = Some(page(&p)),
            "analysis" => {
                if p.body.trim().is_empty() {
                    diags.push(
                        Diagnostic::error("the analysis of complaint handling is empty (Code 8.1(b))")
                            .in_file(&p.source)
                            .help("write the analysis below the front matter: the themes behind the year's complaints, their root causes and what the figures show"),
                    );
                }
                analysis = Some(page(&p));
            }
            "governing-body-response" => {
                response = Some(statement(
                    &p,
                    period,
                    "the governing body's response",
                    "8.2",
                    diags,
                ));
            }
            "member-responsible-for-complaints" => {
                member = Some(statement(
                    &p,
                    period,
                    "the Member Responsible for Complaints' statement",
                    "9.5",
                    diags,
                ));
            }
            _ => pages.push(p),
        }
    }
    pages.sort_by(|a, b| {
        (a.front.order.unwrap_or(i64::MAX), &a.slug)
            .cmp(&(b.front.order.unwrap_or(i64::MAX), &b.slug))
    });
    for p in &pages {
        if let Some(group) = p
            .front
            .group
            .as_ref()
            .filter(|g| g.get_ref().trim().is_empty())
        {
            diags.push(
                Diagnostic::error("this page's group has no name")
                    .at(&p.source, group.span())
                    .label("empty")
                    .help("give the heading the page is listed under on the index of other pages (`group = \"Case studies\"`), or remove the key to make the page part of the report"),
            );
        }
        if pages::is_reserved(&p.slug) {
            diags.push(
                Diagnostic::error(format!(
                    "`{}` would replace one of the report's own pages",
                    p.source.name
                ))
                .in_file(&p.source)
                .help(format!(
                    "rename the file; these names are taken: {}",
                    pages::reserved().join(", ")
                )),
            );
        }
    }
    if introduction.is_none() {
        diags.push(Diagnostic::error("`content/introduction.md` is missing").help(
            "add it with front matter `title = \"Introduction\"`: it opens the home page and the full report",
        ));
    }
    if analysis.is_none() {
        diags.push(
            Diagnostic::error("`content/analysis.md` is missing: Code 8.1(b) requires a qualitative and quantitative analysis of complaint handling performance")
                .help("add it with front matter `title = \"What complaints told us\"` and your own analysis: the themes behind the year's complaints, their root causes, and what changed; the figures are the quantitative part"),
        );
    }
    if response.is_none() {
        diags.push(Diagnostic::error(
            "`content/governing-body-response.md` is missing: Code 8.2 requires the governing body's response to be published alongside the report",
        ).help("add it with front matter `title`, `date` (when it was agreed) and optionally `signed`"));
    }
    let member = match member {
        Some(Some(mut m)) => {
            if m.signed.is_none() {
                m.signed = site.map(|s| s.landlord.member_responsible.clone());
            }
            Some(m)
        }
        Some(None) => return None,
        None => None,
    };
    Some(Content {
        introduction: introduction?,
        analysis: analysis?,
        response: response??,
        member_statement: member,
        pages: pages.iter().map(page).collect(),
    })
}

/// A statement published alongside the report must say something and say when; since it responds to the whole
/// year, it cannot be dated before the year ended (Code 8.2: the governing body's response to the report).
fn statement(
    page: &ContentPage,
    period: Option<Period>,
    what: &str,
    provision: &str,
    diags: &mut Diagnostics,
) -> Option<Statement> {
    let mut ok = true;
    if page.body.trim().is_empty() {
        ok = false;
        diags.push(
            Diagnostic::error(format!("{what} is empty (Code {provision})"))
                .in_file(&page.source)
                .help("write the statement below the front matter"),
        );
    }
    match (&page.front.date, period) {
        (None, _) => {
            ok = false;
            diags.push(
                Diagnostic::error(format!("{what} has no date (Code {provision})"))
                    .at(&page.source, 0..3)
                    .help("add `date = 2026-07-10` (the day it was agreed) to the front matter"),
            );
        }
        (Some(date), Some(period)) if *date.get_ref() <= period.end => {
            ok = false;
            diags.push(
                Diagnostic::error(format!(
                    "{what} is dated {}, but the report period only ends on {} (Code {provision})",
                    date.get_ref().long(),
                    period.end.long()
                ))
                .at(&page.source, date.span())
                .label("before the year it responds to had ended")
                .help("give the date it was agreed, after the period ended"),
            );
        }
        _ => {}
    }
    let date = *page.front.date.as_ref()?.get_ref();
    ok.then(|| Statement {
        title: page.front.title.clone(),
        body: page.body.clone(),
        date,
        signed: page.front.signed.clone(),
    })
}
