//! The Ombudsman page's tables: determinations and their findings, the maladministration rate beside similar
//! landlords', orders, and Complaint Handling Failure Orders (Code 8.1(c)).

use super::{Cell, Table, ROUNDING_NOTE};
use crate::format;
use crate::measures;
use crate::model::ombudsman::Outcome;
use crate::model::Report;

/// Determinations (cases) and findings per year, with the maladministration rate computed from the findings.
pub(super) fn determinations(r: &Report) -> Table {
    let mut t = Table::new(
        "determinations",
        format!("Housing Ombudsman decisions about {}: cases and findings", r.site.landlord.name),
        ("year", "Year"),
    )
    .number_column("cases", "Cases decided")
    .number_column("findings", "Findings")
    .number_column("rate", "Maladministration rate")
    .number_column("similar_landlords", "Similar landlords")
    .note("A case the Ombudsman decides is a determination; it makes a finding on each complaint in the case, so one case can hold several findings.")
    .note("Maladministration rate: findings of severe maladministration, maladministration or service failure as a percentage of the findings the Ombudsman considered (a complaint outside its jurisdiction is not a considered finding). Similar landlords: the rate the Ombudsman published for landlords of our type and size.")
    .note(ROUNDING_NOTE);
    for y in &r.years {
        if let Some(d) = r.ombudsman.determinations(&y.label) {
            t.row(
                &y.label,
                vec![
                    Cell::count(d.cases),
                    Cell::count(d.findings.total()),
                    Cell::ratio(measures::maladministration_rate(&d.findings), "%"),
                    d.similar_landlords_rate
                        .map_or(Cell::text("not published"), |v| Cell::figure(v, "%")),
                ],
            );
        }
    }
    t
}

/// Findings by outcome, one column per year the Ombudsman decided cases in.
pub(super) fn findings(r: &Report) -> Table {
    let years: Vec<_> = r
        .years
        .iter()
        .filter_map(|y| r.ombudsman.determinations(&y.label))
        .collect();
    let mut t = Table::new(
        "findings",
        format!(
            "Housing Ombudsman findings about {}, by outcome",
            r.site.landlord.name
        ),
        ("outcome", "Outcome"),
    );
    for d in &years {
        t = t.number_column(&format!("y{}", d.year.replace('-', "_")), &d.year);
    }
    for outcome in Outcome::ALL {
        let cells = years
            .iter()
            .map(|d| Cell::count(d.findings.of(outcome)))
            .collect();
        t.row(format::outcome(outcome), cells);
    }
    t
}

pub(super) fn orders(r: &Report) -> Table {
    let mut t = Table::new(
        "orders",
        format!("Orders made by the Ombudsman, {}", r.current().label),
        ("reference", "Case"),
    )
    .text_column("finding", "Finding")
    .text_column("category", "About")
    .text_column("order", "What we were ordered to do")
    .number_column("compensation", "Compensation")
    .text_column("complied", "Done");
    for o in &r.ombudsman.orders {
        t.row(
            &o.reference,
            vec![
                Cell::text(format::outcome(o.finding)),
                Cell::text(&o.category),
                Cell::text(&o.order),
                o.compensation.map_or(Cell::text(""), Cell::money),
                Cell::text(if o.complied { "Yes" } else { "Not yet" }),
            ],
        );
    }
    t
}

pub(super) fn failure_orders(r: &Report) -> Table {
    let mut t = Table::new(
        "failure_orders",
        format!("Complaint Handling Failure Orders, {}", r.current().label),
        ("reference", "Case"),
    )
    .text_column("date", "Issued")
    .text_column("type", "Type")
    .text_column("ordered", "What it ordered")
    .text_column("complied", "Done")
    .note("A type 3 order is made when a landlord has not followed the Complaint Handling Code, so it is a finding of non-compliance with the Code.");
    for f in &r.ombudsman.failure_orders {
        let mut date = Cell::text(format::date(f.date));
        date.value = serde_json::Value::String(f.date.to_string());
        t.row(
            &f.reference,
            vec![
                date,
                Cell::text(format::failure_order_type(f.kind)),
                Cell::text(format::failure_order_purpose(f.kind)),
                Cell::text(if f.complied { "Yes" } else { "Not yet" }),
            ],
        );
    }
    t
}
