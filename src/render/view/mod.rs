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
//! `introduction`, `analysis`, `response`, `member`, `content_pages` (the extra pages that are part of the report),
//! `nav`, `downloads`, `past_reports`; and per page `page`, `root` (relative prefix to the site root), `hl` (the
//! heading level a section's subheadings start at: 2 on its own page, 3 inside the full report), `content` (on extra
//! content pages) and `page_groups` (on the index of other pages).

mod headlines;
mod ombudsman;
mod past_reports;
mod performance;
mod self_assessment;
mod site;

use serde_json::{json, Value};

use super::{urls, PageSpec, TableMap};
use crate::format;
use crate::model::pages::PageId;
use crate::model::Report;

/// The context every page shares.
pub(super) fn shared(r: &Report, tables: &TableMap, pages: &[PageSpec]) -> Value {
    let y = r.current();
    // Only the extra pages that are part of the report (no `group`): the home page lists them among the report's
    // parts and the full report holds them. Pages with a group are on the index of other pages alone.
    let content_pages: Vec<Value> = r
        .pages
        .iter()
        .filter(|p| p.group.is_none())
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

/// Sets the per-page keys of `ctx` for `spec`: `page`, `root`, `hl`, `content` (on extra content pages) and
/// `page_groups` (on the index of other pages); each is set on every page, `null` where it does not apply, so a
/// page never sees a key left over from the page rendered before it. The shared part of the context is built once
/// and only these keys change between pages, because cloning the whole report (every table, every provision) for
/// each page made builds quadratic in the number of pages; the index's list of every page is given to the index
/// alone for the same reason.
pub(super) fn set_page(ctx: &mut tera::Context, r: &Report, spec: &PageSpec) {
    ctx.insert("page", spec);
    ctx.insert("root", &urls::root_prefix(&spec.path));
    ctx.insert("hl", &(if spec.path == "report.html" { 3 } else { 2 }));
    let content = spec
        .content
        .and_then(|i| r.pages.get(i))
        .map(|p| json!({"title": p.title, "body": p.body, "description": p.description}));
    ctx.insert("content", &content);
    let groups = (spec.path == PageId::Pages.path()).then(|| page_groups(r));
    ctx.insert("page_groups", &groups);
}

/// The extra pages for the index of other pages: first those that are part of the report, then each group under
/// its own heading, groups in the order of their first page (so a site orders them with `order`), pages in the
/// order of [`Report::pages`]. Each group has an id for its heading, unique on the page.
fn page_groups(r: &Report) -> Value {
    use std::collections::{HashMap, HashSet};
    let mut groups: Vec<(Option<&str>, Vec<Value>)> = vec![(None, Vec::new())];
    let mut by_name: HashMap<&str, usize> = HashMap::new();
    for p in &r.pages {
        let entry = json!({"title": p.title, "description": p.description, "href": format!("{}.html", p.slug)});
        let i = match p.group.as_deref() {
            None => 0,
            Some(g) => *by_name.entry(g).or_insert_with(|| {
                groups.push((Some(g), Vec::new()));
                groups.len() - 1
            }),
        };
        groups[i].1.push(entry);
    }
    let mut ids: HashSet<String> = HashSet::new();
    let out: Vec<Value> = groups
        .into_iter()
        .filter(|(_, pages)| !pages.is_empty())
        .map(|(name, pages)| {
            let base = format!("group-{}", super::templates::slug(name.unwrap_or("report")));
            let mut id = base.clone();
            let mut n = 1;
            while !ids.insert(id.clone()) {
                n += 1;
                id = format!("{base}-{n}");
            }
            json!({"title": name, "part_of_report": name.is_none(), "id": id, "pages": pages})
        })
        .collect();
    Value::Array(out)
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
