//! What the Housing Ombudsman's annual submission asks for, as two tables a complaints officer can copy from: the
//! facts and the addresses of the published documents, and the answer to each provision.
//!
//! The Ombudsman's guidance on annual submissions (2025-26 form): "Section 1 of the submissions form requires
//! landlords to provide key information about the organisation and approach to complaint handling. This includes
//! links to key publications … Section 2 … Landlords must confirm if they comply with each individual provision."
//! Landlords with over 1,000 homes submit by 30 September; those with fewer, within six months of their year end.

use super::{Cell, Table};
use crate::format;
use crate::model::pages::PageId;
use crate::model::Report;

/// The full address of one of the report's pages, or `None` when site.toml gives no `base_url`: the submission
/// needs full addresses, and a relative one would be wrong.
pub(crate) fn page_url(r: &Report, page: PageId) -> Option<String> {
    let base = r.site.base_url.as_deref()?;
    Some(match page {
        PageId::Home => format!("{base}/"),
        other => format!("{base}/{}", other.path()),
    })
}

/// When the submission is due: six months after the year ends (for a year ending on 31 March, 30 September, which
/// is also the date the Ombudsman gives landlords with over 1,000 homes).
pub(crate) fn deadline(r: &Report) -> crate::data::date::Date {
    r.site.period.end.end_of_month_after(6)
}

/// The addresses the submission asks for: (what, page).
pub(crate) const DOCUMENTS: [(&str, PageId); 3] = [
    ("The self-assessment", PageId::SelfAssessment),
    (
        "The annual complaints performance and service improvement report",
        PageId::Home,
    ),
    ("The governing body's response", PageId::Response),
];

pub(super) fn facts(r: &Report) -> Table {
    let a = &r.self_assessment.approval;
    let mut t = Table::new(
        "submission",
        format!(
            "Our annual submission to the Housing Ombudsman, {}",
            r.current().label
        ),
        ("item", "What the submission asks"),
    )
    .text_column("answer", "Our answer")
    .note("Copy these into the Ombudsman's electronic annual submission form.");
    let mut row = |item: &str, value: String| t.row(item, vec![Cell::text(value)]);
    row("Landlord", r.site.landlord.name.clone());
    if let Some(reg) = &r.site.landlord.registration {
        row("Registration", reg.clone());
    }
    row("Report year", r.current().label.clone());
    row("Self-assessment approved by", a.body.clone());
    row("Date approved", format::date(a.date));
    for (what, page) in DOCUMENTS {
        row(
            &format!("{what}: full address"),
            page_url(r, page).unwrap_or_else(|| "not known: site.toml has no base_url".to_string()),
        );
    }
    let c = r.self_assessment.counts;
    row(
        "Provisions we comply with",
        format!("{} of {}", c.yes, c.yes + c.no),
    );
    row("Submit by", format::date(deadline(r)));
    t
}

pub(super) fn answers(r: &Report) -> Table {
    let mut t = Table::new(
        "submission_answers",
        format!(
            "Our answer to each provision of the Complaint Handling Code, {}",
            r.current().label
        ),
        ("provision", "Provision"),
    )
    .text_column("section", "Section")
    .text_column("comply", "Do we comply?");
    for s in &r.self_assessment.sections {
        for p in &s.provisions {
            t.row(
                &p.number,
                vec![
                    Cell::text(format!("{}. {}", s.number, s.title)),
                    Cell::text(format::answer(p.answer)),
                ],
            );
        }
    }
    t
}
