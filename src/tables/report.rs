//! Every table of the report, defined once. Pages, downloads and charts all take their figures from here.

use std::collections::BTreeMap;

use super::{Cell, Table};
use crate::measures::{self, Ratio};
use crate::model::performance::Stage;
use crate::model::Report;

/// The note every table of computed figures carries.
pub const ROUNDING_NOTE: &str =
    "Figures are computed from the counts and rounded to one decimal place, halves away from zero. n/a: nothing to divide by.";

/// All tables, keyed by id (sorted, so output order is stable).
pub fn all(report: &Report) -> BTreeMap<String, Table> {
    let tables = [
        volumes(report),
        ch01(report),
        ch02(report),
        tp09(report),
        timeliness(report),
        outcomes(report),
        categories(report),
        refusals(report),
        remedies(report),
        determinations(report),
        maladministration(report),
        orders(report),
        self_assessment_summary(report),
        self_assessment(report),
        actions(report),
        improvements(report),
    ];
    tables.into_iter().map(|t| (t.id.clone(), t)).collect()
}

fn landlord(r: &Report) -> &str {
    &r.site.landlord.name
}

fn span(r: &Report) -> String {
    match (r.years.first(), r.years.last()) {
        (Some(a), Some(b)) if r.years.len() > 1 => format!("{} to {}", a.label, b.label),
        (_, Some(b)) => b.label.clone(),
        _ => String::new(),
    }
}

fn volumes(r: &Report) -> Table {
    let mut t = Table::new(
        "volumes",
        format!("Complaints received by {}, {}", landlord(r), span(r)),
        ("year", "Year"),
    )
    .number_column("stage1_received", "Stage 1 received")
    .number_column("stage2_received", "Stage 2 received")
    .number_column("escalation_rate", "Escalated to stage 2")
    .number_column("homes", "Homes owned")
    .note("Escalated to stage 2: stage 2 complaints received as a percentage of stage 1 responses.")
    .note(ROUNDING_NOTE);
    for y in &r.years {
        t.row(
            &y.label,
            vec![
                Cell::count(y.stage1.received),
                Cell::count(y.stage2.received),
                Cell::ratio(measures::escalation(y), "%"),
                Cell::count(y.homes),
            ],
        );
    }
    t
}

fn ch01(r: &Report) -> Table {
    let mut t = Table::new(
        "ch01",
        format!("Complaints per 1,000 homes (CH01), {}", span(r)),
        ("year", "Year"),
    )
    .number_column("stage1", "Stage 1")
    .number_column("stage2", "Stage 2")
    .note("CH01: complaints received at each stage divided by homes owned, times 1,000.")
    .note(ROUNDING_NOTE);
    for y in &r.years {
        t.row(
            &y.label,
            vec![
                Cell::ratio(measures::ch01(y.stage1.received, y.homes), ""),
                Cell::ratio(measures::ch01(y.stage2.received, y.homes), ""),
            ],
        );
    }
    t
}

fn ch02(r: &Report) -> Table {
    let mut t = Table::new(
        "ch02",
        format!("Complaints responded to within Code timescales (CH02), {}", span(r)),
        ("year", "Year"),
    )
    .number_column("stage1", "Stage 1")
    .number_column("stage2", "Stage 2")
    .note("CH02: responses sent within the Complaint Handling Code's timescales as a percentage of all responses at that stage. The Code expects 100%.")
    .note(ROUNDING_NOTE);
    for y in &r.years {
        t.row(
            &y.label,
            vec![
                Cell::ratio(measures::ch02(&y.stage1), "%"),
                Cell::ratio(measures::ch02(&y.stage2), "%"),
            ],
        );
    }
    t
}

fn tp09(r: &Report) -> Table {
    let mut t = Table::new(
        "tp09",
        format!("Satisfaction with our approach to complaints handling (TP09), {}", span(r)),
        ("year", "Year"),
    )
    .number_column("satisfied", "Satisfied")
    .number_column("surveyed", "Tenants asked")
    .note("TP09: tenants who had complained in the last 12 months and said they were very or fairly satisfied, as a percentage of those who answered.")
    .note(ROUNDING_NOTE);
    for y in &r.years {
        match measures::tp09(y) {
            Some(q) => t.row(
                &y.label,
                vec![Cell::ratio(q, "%"), Cell::count(q.denominator)],
            ),
            None => t.row(
                &y.label,
                vec![Cell::text("not surveyed"), Cell::text("not surveyed")],
            ),
        }
    }
    t
}

fn timeliness(r: &Report) -> Table {
    let mut t = Table::new("timeliness", format!("How quickly we responded, {}", span(r)), ("year", "Year"))
        .number_column("stage1_average_days", "Stage 1 average working days")
        .number_column("stage2_average_days", "Stage 2 average working days")
        .number_column("stage1_extended", "Stage 1 extended")
        .number_column("stage2_extended", "Stage 2 extended")
        .note("The Code asks for a stage 1 response within 10 working days of acknowledgement and a stage 2 response within 20; an extension may add up to 10 and 20 more.")
        .note(ROUNDING_NOTE);
    let ext = |s: &Stage| {
        measures::extended(s).map_or(Cell::text("not recorded"), |q| Cell::ratio(q, "%"))
    };
    for y in &r.years {
        t.row(
            &y.label,
            vec![
                Cell::ratio(measures::average_days(&y.stage1), ""),
                Cell::ratio(measures::average_days(&y.stage2), ""),
                ext(&y.stage1),
                ext(&y.stage2),
            ],
        );
    }
    t
}

fn outcomes(r: &Report) -> Table {
    let y = r.current();
    let mut t = Table::new(
        "outcomes",
        format!("Outcomes of complaints we responded to, {}", y.label),
        ("outcome", "Outcome"),
    )
    .number_column("stage1", "Stage 1")
    .number_column("stage1_share", "Stage 1 share")
    .number_column("stage2", "Stage 2")
    .number_column("stage2_share", "Stage 2 share")
    .note(ROUNDING_NOTE);
    type PickStage = fn(&Stage) -> u64;
    let rows: [(&str, PickStage); 3] = [
        ("Upheld", |s| s.upheld),
        ("Partly upheld", |s| s.partly_upheld),
        ("Not upheld", |s| s.not_upheld),
    ];
    for (name, pick) in rows {
        t.row(
            name,
            vec![
                Cell::count(pick(&y.stage1)),
                Cell::ratio(measures::outcome_share(pick(&y.stage1), &y.stage1), "%"),
                Cell::count(pick(&y.stage2)),
                Cell::ratio(measures::outcome_share(pick(&y.stage2), &y.stage2), "%"),
            ],
        );
    }
    t
}

fn categories(r: &Report) -> Table {
    let y = r.current();
    let mut t = Table::new(
        "categories",
        format!("What complaints were about, {}", y.label),
        ("category", "Category"),
    )
    .number_column("stage1", "Stage 1")
    .number_column("stage1_share", "Share of stage 1")
    .number_column("stage2", "Stage 2")
    .note(ROUNDING_NOTE);
    for c in y.categories.iter().flatten() {
        t.row(
            &c.name,
            vec![
                Cell::count(c.stage1),
                Cell::ratio(Ratio::percent(c.stage1, y.stage1.received), "%"),
                Cell::count(c.stage2),
            ],
        );
    }
    t
}

fn refusals(r: &Report) -> Table {
    let y = r.current();
    let total: u64 = y.refusals.iter().flatten().map(|x| x.count).sum();
    let mut t = Table::new(
        "refusals",
        format!("Complaints we did not accept, by reason, {}", y.label),
        ("reason", "Reason"),
    )
    .number_column("count", "Complaints")
    .number_column("share", "Share")
    .note(ROUNDING_NOTE);
    for x in y.refusals.iter().flatten() {
        t.row(
            &x.reason,
            vec![
                Cell::count(x.count),
                Cell::ratio(Ratio::percent(x.count, total), "%"),
            ],
        );
    }
    t
}

fn remedies(r: &Report) -> Table {
    let y = r.current();
    let mut t = Table::new(
        "remedies",
        format!("How we put things right, {}", y.label),
        ("remedy", "Remedy"),
    )
    .number_column("cases", "Complaints")
    .number_column("amount", "Amount paid");
    for x in y.remedies.iter().flatten() {
        t.row(
            &x.kind,
            vec![
                Cell::count(x.cases),
                x.amount.map_or(Cell::text(""), Cell::money),
            ],
        );
    }
    t
}

fn determinations(r: &Report) -> Table {
    let years: Vec<_> = r
        .years
        .iter()
        .filter(|y| r.determinations(&y.label).is_some())
        .collect();
    let mut t = Table::new(
        "determinations",
        format!(
            "Housing Ombudsman determinations about {}, by outcome",
            landlord(r)
        ),
        ("outcome", "Outcome"),
    );
    for y in &years {
        t = t.number_column(&format!("y{}", y.label.replace('-', "_")), &y.label);
    }
    type Pick = fn(&crate::data::ombudsman::Determinations) -> u64;
    let rows: [(&str, Pick); 6] = [
        ("Severe maladministration", |d| {
            *d.severe_maladministration.get_ref()
        }),
        ("Maladministration", |d| *d.maladministration.get_ref()),
        ("Service failure", |d| *d.service_failure.get_ref()),
        ("Reasonable redress", |d| *d.reasonable_redress.get_ref()),
        ("No maladministration", |d| {
            *d.no_maladministration.get_ref()
        }),
        ("Outside jurisdiction", |d| {
            *d.outside_jurisdiction.get_ref()
        }),
    ];
    for (name, pick) in rows {
        let cells = years
            .iter()
            .filter_map(|y| r.determinations(&y.label))
            .map(|d| Cell::count(pick(d)))
            .collect();
        t.row(name, cells);
    }
    t
}

fn maladministration(r: &Report) -> Table {
    let mut t = Table::new(
        "maladministration",
        format!("Maladministration rate: {} and similar landlords", landlord(r)),
        ("year", "Year"),
    )
    .number_column("rate", landlord(r))
    .number_column("similar_landlords", "Similar landlords")
    .note("Findings of severe maladministration, maladministration or service failure as a percentage of all the Ombudsman's findings about us. Cases outside its jurisdiction are not findings.")
    .note("Similar landlords: the rate the Ombudsman published for landlords of our type and size.")
    .note(ROUNDING_NOTE);
    for y in &r.years {
        if let Some(d) = r.determinations(&y.label) {
            let similar =
                d.similar_landlords_rate
                    .as_ref()
                    .map_or(Cell::text("not published"), |v| {
                        let tenths = (v.get_ref() * 10.0).round() as i128;
                        let mut c = Cell::change(Some(tenths), "%");
                        c.display = c.display.trim_start_matches('+').to_string();
                        c
                    });
            t.row(
                &y.label,
                vec![
                    Cell::ratio(measures::maladministration_rate(d), "%"),
                    similar,
                ],
            );
        }
    }
    t
}

fn orders(r: &Report) -> Table {
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
                Cell::text(&o.finding),
                Cell::text(&o.category),
                Cell::text(&o.order),
                o.compensation
                    .as_ref()
                    .map_or(Cell::text(""), |c| Cell::money(*c.get_ref())),
                Cell::text(if o.complied { "Yes" } else { "Not yet" }),
            ],
        );
    }
    t
}

fn self_assessment_summary(r: &Report) -> Table {
    let mut t = Table::new(
        "self_assessment_summary",
        format!(
            "Self-assessment against the Complaint Handling Code, {}: answers by section",
            r.current().label
        ),
        ("section", "Section"),
    )
    .number_column("yes", "Yes")
    .number_column("partly", "Partly")
    .number_column("no", "No");
    for s in &r.self_assessment.sections {
        t.row(
            format!("{}. {}", s.number, s.title),
            vec![
                Cell::count(s.counts.yes as u64),
                Cell::count(s.counts.partial as u64),
                Cell::count(s.counts.no as u64),
            ],
        );
    }
    let c = r.self_assessment.counts;
    t.row(
        "All sections",
        vec![
            Cell::count(c.yes as u64),
            Cell::count(c.partial as u64),
            Cell::count(c.no as u64),
        ],
    );
    t
}

fn self_assessment(r: &Report) -> Table {
    let mut t = Table::new(
        "self_assessment",
        format!(
            "Self-assessment against the Complaint Handling Code, {}",
            r.current().label
        ),
        ("provision", "Provision"),
    )
    .text_column("section", "Section")
    .text_column("requirement", "Code requirement")
    .text_column("comply", "Comply")
    .text_column("evidence", "Evidence")
    .text_column("commentary", "Commentary")
    .text_column("explanation", "Explanation");
    for s in &r.self_assessment.sections {
        for p in &s.provisions {
            t.row(
                &p.number,
                vec![
                    Cell::text(&s.title),
                    Cell::text(&p.requirement),
                    Cell::text(p.answer_label),
                    Cell::text(&p.evidence),
                    Cell::text(p.commentary.clone().unwrap_or_default()),
                    Cell::text(p.explanation.clone().unwrap_or_default()),
                ],
            );
        }
    }
    t
}

fn actions(r: &Report) -> Table {
    let mut t = Table::new(
        "actions",
        "Actions for the provisions we do not yet fully meet",
        ("provision", "Provision"),
    )
    .text_column("action", "Action")
    .text_column("owner", "Owner")
    .text_column("due", "Due")
    .text_column("status", "Status");
    for p in r
        .self_assessment
        .sections
        .iter()
        .flat_map(|s| &s.provisions)
    {
        for a in &p.actions {
            let mut due = Cell::text(&a.due_long);
            due.value = serde_json::Value::String(a.due.clone());
            t.row(
                &p.number,
                vec![
                    Cell::text(&a.action),
                    Cell::text(&a.owner),
                    due,
                    Cell::text(&a.status),
                ],
            );
        }
    }
    t
}

fn improvements(r: &Report) -> Table {
    let mut t = Table::new(
        "improvements",
        format!(
            "What we changed because of complaints, {}",
            r.current().label
        ),
        ("theme", "Theme"),
    )
    .text_column("you_said", "You said")
    .text_column("we_did", "We did")
    .text_column("date", "When")
    .text_column("status", "Status");
    for i in &r.improvements {
        let mut date = Cell::text(i.date_long.clone().unwrap_or_default());
        date.value = i
            .date
            .clone()
            .map_or(serde_json::Value::Null, serde_json::Value::String);
        t.row(
            &i.theme,
            vec![
                Cell::text(&i.you_said),
                Cell::text(&i.we_did),
                date,
                Cell::text(&i.status),
            ],
        );
    }
    t
}
