//! What each template is given. The shared part is built once per build; each page adds its own few keys.
//!
//! Templates see: `site` (site.toml), `report_title`, `period`, `years`, `current` (the report year), `headlines`,
//! `tables` (by id), `self_assessment`, `ombudsman`, `improvements`, `introduction`, `response`, `content_pages`,
//! `nav`, `downloads`, `totals`; and per page `page`, `root` (relative prefix to the site root) and `hl` (the heading
//! level a section's subheadings start at: 2 on its own page, 3 inside the full report).

use serde::Serialize;
use serde_json::{json, Value};

use super::{urls, PageSpec, TableMap};
use crate::measures::{self, ratio::format_tenths, Ratio};
use crate::model::Report;

/// A headline figure for the home page.
#[derive(Debug, Clone, Serialize)]
struct Headline {
    label: String,
    value: String,
    change: Option<String>,
    href: String,
}

/// "up 4.0 points from 88.0% in 2024-25".
fn change_text(
    now: Ratio,
    before: Option<(&str, Ratio)>,
    unit: &str,
    suffix: &str,
) -> Option<String> {
    let (label, before) = before?;
    let change = now.change_since(&before)?;
    let was = before.display()?;
    Some(match change {
        0 => format!("no change from {was}{suffix} in {label}"),
        c if c > 0 => format!(
            "up {}{unit} from {was}{suffix} in {label}",
            format_tenths(c)
        ),
        c => format!(
            "down {}{unit} from {was}{suffix} in {label}",
            format_tenths(-c)
        ),
    })
}

fn headlines(r: &Report) -> Vec<Headline> {
    let y = r.current();
    let prev = r.previous();
    let mut out = Vec::new();
    let mut add = |label: String,
                   now: Ratio,
                   before: Option<(&str, Ratio)>,
                   unit: &str,
                   suffix: &str,
                   href: &str| {
        out.push(Headline {
            label,
            value: now
                .display()
                .map_or_else(|| "n/a".to_string(), |v| format!("{v}{suffix}")),
            change: change_text(now, before, unit, suffix),
            href: href.to_string(),
        });
    };
    add(
        "Stage 1 complaints per 1,000 homes (CH01)".into(),
        measures::ch01(y.stage1.received, y.homes),
        prev.map(|p| (p.label.as_str(), measures::ch01(p.stage1.received, p.homes))),
        "",
        "",
        "performance.html#ch01",
    );
    add(
        "Stage 1 responses within Code timescales (CH02)".into(),
        measures::ch02(&y.stage1),
        prev.map(|p| (p.label.as_str(), measures::ch02(&p.stage1))),
        " points",
        "%",
        "performance.html#ch02",
    );
    add(
        "Stage 2 responses within Code timescales (CH02)".into(),
        measures::ch02(&y.stage2),
        prev.map(|p| (p.label.as_str(), measures::ch02(&p.stage2))),
        " points",
        "%",
        "performance.html#ch02",
    );
    if let Some(t) = measures::tp09(y) {
        add(
            "Tenants satisfied with our complaints handling (TP09)".into(),
            t,
            prev.and_then(|p| measures::tp09(p).map(|q| (p.label.as_str(), q))),
            " points",
            "%",
            "performance.html#tp09",
        );
    }
    let c = r.self_assessment.counts;
    out.push(Headline {
        label: "Provisions of the Complaint Handling Code we fully meet".into(),
        value: format!("{} of {}", c.yes, c.yes + c.partial + c.no),
        change: None,
        href: "self-assessment.html".into(),
    });
    out
}

/// The context every page shares.
pub(super) fn shared(r: &Report, tables: &TableMap, pages: &[PageSpec]) -> Value {
    let y = r.current();
    let refused: u64 = y.refusals.iter().flatten().map(|x| x.count).sum();
    let accessibility_reviewed = r
        .site
        .accessibility
        .reviewed
        .unwrap_or(*r.site.period.end.get_ref());
    let compensation: f64 = y.remedies.iter().flatten().filter_map(|x| x.amount).sum();
    let ombudsman_rate = r
        .determinations(&y.label)
        .map(|d| measures::maladministration_rate(d).display());
    let content_pages: Vec<Value> = r
        .pages
        .iter()
        .map(|p| json!({"slug": p.slug, "title": p.front.title, "description": p.front.description, "body": p.body, "href": format!("{}.html", p.slug)}))
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
        "site": r.site,
        "report_title": r.site.title(),
        "landlord": r.site.landlord,
        "contact": r.site.contact,
        "period": {
            "label": y.label,
            "start": r.site.period.start.get_ref().long(),
            "end": r.site.period.end.get_ref().long(),
        },
        "years": r.years,
        "current": y,
        "previous": r.previous(),
        "headlines": headlines(r),
        "tables": tables,
        "self_assessment": r.self_assessment,
        "ombudsman": r.ombudsman,
        "improvements": r.improvements,
        "introduction": {"title": r.introduction.front.title, "body": r.introduction.body},
        "response": {
            "title": r.response.front.title,
            "body": r.response.body,
            "date": r.response.front.date.as_ref().map(|d| d.get_ref().to_string()),
            "date_long": r.response.front.date.as_ref().map(|d| d.get_ref().long()),
            "signed": r.response.front.signed,
        },
        "content_pages": content_pages,
        "nav": nav,
        "downloads": downloads,
        "totals": {
            "refused": refused,
            "refused_display": crate::measures::ratio::group_thousands(&refused.to_string()),
            "compensation": crate::tables::format_money(compensation),
            "maladministration_rate": ombudsman_rate.flatten(),
            "accessibility_contact": r.site.accessibility.contact.clone().or_else(|| r.site.contact.email.clone()),
            "accessibility_reviewed": accessibility_reviewed.long(),
            "accessibility_prepared": r.site.accessibility.prepared.unwrap_or(accessibility_reviewed).long(),
            "accessibility_tested": r.site.accessibility.tested.unwrap_or(accessibility_reviewed).long(),
        },
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
        .map(
            |p| json!({"title": p.front.title, "body": p.body, "description": p.front.description}),
        );
    ctx.insert("content", &content);
}

/// The shared context as Tera's own type. A JSON object always converts; the fallback only keeps this panic-free.
pub(super) fn to_context(shared: Value) -> tera::Context {
    tera::Context::from_value(shared).unwrap_or_default()
}
