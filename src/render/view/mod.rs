//! What each template is given: the report turned into plain values for Tera, every figure and date already
//! written out by [`crate::format`].
//!
//! The model holds typed values and no display strings; this is where they become what a page shows. The shared
//! part is built once per build ([`shared`]); each page adds its own few keys ([`set_page`]). One file per part
//! of the report: [`performance`], [`self_assessment`], [`ombudsman`], [`site`] (the landlord, the complaint
//! route, the accessibility statement, the statements published alongside the report), [`past_reports`].
//!
//! Templates see: `site`, `landlord`, `contact`, `accessibility`, `report_title`, `period`, `headlines`,
//! `performance`, `tables` (by id), `charts` (by id), `self_assessment`, `ombudsman`, `improvements`,
//! `introduction`, `analysis`, `response`, `member`, `content_pages`, `nav`, `downloads`, `past_reports`; and per
//! page `page`, `root` (relative prefix to the site root), `hl` (the heading level a section's subheadings start
//! at: 2 on its own page, 3 inside the full report) and `content` (on extra content pages).

mod headlines;
mod ombudsman;
mod past_reports;
mod performance;
mod self_assessment;
mod site;

use serde_json::{json, Value};

use super::{urls, PageSpec, TableMap};
use crate::format;
use crate::model::Report;

/// The context every page shares.
pub(super) fn shared(r: &Report, tables: &TableMap, pages: &[PageSpec]) -> Value {
    let y = r.current();
    let content_pages: Vec<Value> = r
        .pages
        .iter()
        .map(|p| json!({"slug": p.slug, "title": p.title, "description": p.description, "body": p.body, "href": format!("{}.html", p.slug)}))
        .collect();
    let nav: Vec<Value> = pages
        .iter()
        .filter(|p| p.in_nav)
        .map(|p| json!({"href": p.path, "label": p.nav_label, "path": p.path}))
        .collect();
    let downloads: Vec<Value> = tables
        .values()
        .map(|t| json!({"id": t.id, "caption": t.caption, "csv": urls::download(&t.id, "csv"), "json": urls::download(&t.id, "json")}))
        .collect();
    json!({
        "site": site::site(r),
        "landlord": site::landlord(r),
        "contact": site::contact(r),
        "accessibility": site::accessibility(r),
        "report_title": r.site.title(),
        "period": {
            "label": y.label,
            "start": format::date(r.site.period.start),
            "end": format::date(r.site.period.end),
        },
        "headlines": headlines::headlines(r),
        "performance": performance::performance(r),
        "tables": tables,
        "self_assessment": self_assessment::self_assessment(r),
        "ombudsman": ombudsman::ombudsman(r),
        "improvements": self_assessment::improvements(r),
        "introduction": {"title": r.introduction.title, "body": r.introduction.body},
        "analysis": {"title": r.analysis.title, "body": r.analysis.body},
        "response": site::statement(&r.response),
        "member": site::member(r),
        "submission": submission(r),
        "past_reports": past_reports::past_reports(r),
        "content_pages": content_pages,
        "nav": nav,
        "downloads": downloads,
    })
}

/// Sets the per-page keys of `ctx` for `spec`: `page`, `root`, `hl` and, for content pages, `content`. The shared
/// part of the context is built once and only these keys change between pages, because cloning the whole report
/// (every table, every provision) for each page made builds quadratic in the number of pages.
pub(super) fn set_page(ctx: &mut tera::Context, r: &Report, spec: &PageSpec) {
    ctx.insert("page", spec);
    ctx.insert("root", &urls::root_prefix(&spec.path));
    ctx.insert("hl", &(if spec.path == "report.html" { 3 } else { 2 }));
    let content = spec
        .slug
        .as_ref()
        .and_then(|slug| r.pages.iter().find(|p| &p.slug == slug))
        .map(|p| json!({"title": p.title, "body": p.body, "description": p.description}));
    ctx.insert("content", &content);
}

/// The shared context as Tera's own type. A JSON object always converts; the fallback only keeps this panic-free.
pub(super) fn to_context(shared: Value) -> tera::Context {
    tera::Context::from_value(shared).unwrap_or_default()
}

/// A date for templates: ISO for `datetime` attributes, and as people read it.
fn date(d: crate::data::date::Date) -> Value {
    json!({"iso": d.to_string(), "long": format::date(d)})
}

/// The submission sheet's own words: when it is due and the full address of each document, when known.
fn submission(r: &Report) -> Value {
    use crate::tables::submission::{deadline, page_url, DOCUMENTS};
    json!({
        "deadline": date(deadline(r)),
        "documents": DOCUMENTS.iter().map(|(what, page)| json!({
            "what": what,
            "url": page_url(r, *page),
            "href": page.path(),
        })).collect::<Vec<_>>(),
        "base_url_set": r.site.base_url.is_some(),
    })
}
