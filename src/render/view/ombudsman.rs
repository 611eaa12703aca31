//! What the Ombudsman decided and published, as the Ombudsman page shows it: the year's cases and findings in a
//! sentence, every finding of non-compliance with the Code (Code 8.1(c)) whatever form it came in, orders, failure
//! orders and notices, and its reports (8.1(e), (f)).

use serde_json::{json, Value};

use super::date;
use crate::format;
use crate::measures;
use crate::model::ombudsman::{FailureOrderType, Publication};
use crate::model::Report;

pub(super) fn ombudsman(r: &Report) -> Value {
    let o = &r.ombudsman;
    let label = &r.current().label;
    let year = o.determinations(label).map(|d| {
        let rate = measures::maladministration_rate(&d.findings);
        json!({
            "cases": format::count(d.cases),
            "cases_n": d.cases,
            "findings": format::count(d.findings.total()),
            "findings_n": d.findings.total(),
            "adverse": format::count(rate.numerator),
            "considered": format::count(rate.denominator),
            "rate": rate.display().map(|v| format!("{v}%")),
            "similar": d.similar_landlords_rate.map(|t| format!("{}%", format::tenths(i128::from(t)))),
        })
    });
    // Code 8.1(c): findings of non-compliance, however the Ombudsman made them. A type 3 failure order is one,
    // and a failure notice follows one; the page lists them together and can only say "none" when all are empty.
    let mut non_compliance: Vec<Value> = o
        .non_compliance
        .iter()
        .map(|n| json!({"kind": "Finding of non-compliance", "reference": n.reference, "date": date(n.date), "finding": n.finding, "response": n.response}))
        .collect();
    non_compliance.extend(
        o.failure_orders
            .iter()
            .filter(|f| f.kind == FailureOrderType::Three)
            .map(|f| json!({"kind": "Complaint Handling Failure Order (type 3)", "reference": f.reference, "date": date(f.date), "finding": f.reason, "response": f.response, "complied": f.complied})),
    );
    non_compliance.extend(
        o.failure_notices
            .iter()
            .map(|f| json!({"kind": "Complaint Handling Failure Notice", "reference": f.reference, "date": date(f.date), "finding": f.reason, "response": f.response})),
    );
    json!({
        "year": year,
        "non_compliance": non_compliance,
        "orders": o.orders.iter().map(|x| json!({"reference": x.reference, "note": x.note})).collect::<Vec<_>>(),
        "failure_orders": o.failure_orders.iter().map(|f| json!({
            "reference": f.reference,
            "date": date(f.date),
            "type": format::failure_order_type(f.kind),
            "purpose": format::failure_order_purpose(f.kind),
            "reason": f.reason,
            "response": f.response,
            "complied": f.complied,
        })).collect::<Vec<_>>(),
        "non_compliance_count": o.non_compliance_count(),
        "annual_reports": publications(&o.annual_reports),
        "other_reports": publications(&o.other_reports),
    })
}

fn publications(list: &[Publication]) -> Vec<Value> {
    list.iter()
        .map(|p| json!({"title": p.title, "url": p.url, "published": p.published.map(date), "summary": p.summary}))
        .collect()
}
