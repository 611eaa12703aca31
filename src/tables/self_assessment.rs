//! The self-assessment page's tables (Code 8.1(a)): answers by section, every provision, and the actions for
//! those not met.

use super::{Cell, Table};
use crate::format;
use crate::model::Report;

pub(super) fn summary(r: &Report) -> Table {
    let mut t = Table::new(
        "self_assessment_summary",
        format!(
            "Self-assessment against the Complaint Handling Code, {}: answers by section",
            r.current().label
        ),
        ("section", "Section"),
    )
    .number_column("yes", "Yes")
    .number_column("no", "No");
    for s in &r.self_assessment.sections {
        t.row(
            format!("{}. {}", s.number, s.title),
            vec![
                Cell::count(s.counts.yes as u64),
                Cell::count(s.counts.no as u64),
            ],
        );
    }
    let c = r.self_assessment.counts;
    t.row(
        "All sections",
        vec![Cell::count(c.yes as u64), Cell::count(c.no as u64)],
    );
    t
}

pub(super) fn provisions(r: &Report) -> Table {
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
                    Cell::text(format::answer(p.answer)),
                    Cell::text(&p.evidence),
                    Cell::text(p.commentary.clone().unwrap_or_default()),
                    Cell::text(p.explanation.clone().unwrap_or_default()),
                ],
            );
        }
    }
    t
}

pub(super) fn actions(r: &Report) -> Table {
    let mut t = Table::new(
        "actions",
        "Actions for the provisions we do not yet meet",
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
            let mut due = Cell::text(format::date(a.due));
            due.value = serde_json::Value::String(a.due.to_string());
            t.row(
                &p.number,
                vec![
                    Cell::text(&a.action),
                    Cell::text(&a.owner),
                    due,
                    Cell::text(format::action_status(a.status)),
                ],
            );
        }
    }
    t
}

pub(super) fn improvements(r: &Report) -> Table {
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
        let mut date = Cell::text(i.date.map(format::date).unwrap_or_default());
        date.value = i.date.map_or(serde_json::Value::Null, |d| {
            serde_json::Value::String(d.to_string())
        });
        t.row(
            &i.theme,
            vec![
                Cell::text(&i.you_said),
                Cell::text(&i.we_did),
                date,
                Cell::text(format::improvement_status(i.status)),
            ],
        );
    }
    t
}
