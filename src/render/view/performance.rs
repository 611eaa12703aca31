//! The performance page's words (Code 8.1(b)): the year in a sentence, the Code's timescales and how extensions
//! were counted, stated from the data, the survey behind TP09, refusals and compensation.

use serde_json::{json, Value};

use crate::format;
use crate::measures::{self, Ratio};
use crate::model::performance::{Stage, Survey, Tenures, Weighting, Year};
use crate::model::Report;
use crate::tables::performance::breakdown_id;

pub(super) fn performance(r: &Report) -> Value {
    let y = r.current();
    let (s1, s2) = (y.all(Stage::One), y.all(Stage::Two));
    let other = y
        .other
        .as_ref()
        .map_or(0, |o| o.stage1.received + o.stage2.received);
    let compensation = y
        .remedies
        .iter()
        .flatten()
        .filter_map(|x| x.amount)
        .try_fold(crate::data::money::Money::default(), |a, b| {
            a.checked_add(b)
        });
    json!({
        "received": {"stage1": format::count(s1.received), "stage2": format::count(s2.received)},
        "homes": format::count(y.homes()),
        "other_complaints": (other > 0).then(|| format::count(other)),
        "tenure": tenure(y),
        "timescales": timescales(y),
        "counted": y.counted_from.as_ref().map(|c| json!({
            "rows": format::count(c.rows_used),
            "rules": crate::cases::rules::STATEMENTS.iter().map(|(_, text)| *text).collect::<Vec<_>>(),
        })),
        "survey": y.survey.as_ref().map(|s| survey(y, s)),
        "tp09_without_survey": y.survey.is_none() && y.groups().iter().any(|(_, c)| c.tp09.is_some()),
        "refused": {
            "stage1": format::count(y.refused(Stage::One)),
            "stage2": format::count(y.refused(Stage::Two)),
            "any": y.refusals.iter().flatten().any(|x| x.count > 0),
            "listed": y.refusals.as_ref().is_some_and(|v| !v.is_empty()),
        },
        "remedies_listed": y.remedies.as_ref().is_some_and(|v| !v.is_empty()),
        "compensation": compensation.filter(|m| m.pence > 0).map(format::money),
        "has": {
            "quarters": y.quarters.as_ref().is_some_and(|q| !q.is_empty()),
            "transactions": !y.transactions.is_empty(),
            "targets": !y.targets.is_empty(),
            "sector": !r.sector.is_empty(),
        },
        "breakdowns": y.breakdowns.iter().map(|(title, _)| json!({"id": breakdown_id(title), "title": title})).collect::<Vec<_>>(),
    })
}

/// Which tenures the figures are for, and the share of homes in the largest (whose figures the home page leads with).
fn tenure(y: &Year) -> Value {
    let main = y.main_group();
    let total = y.homes();
    let main_homes = y.group(main).map_or(0, |c| c.homes);
    json!({
        "split": matches!(y.tenures, Tenures::Split { .. }),
        "groups": y.groups().iter().map(|(g, c)| json!({"name": format::group(*g), "phrase": format::group_phrase(*g), "homes": format::count(c.homes)})).collect::<Vec<_>>(),
        "main": format::group_phrase(main),
        "main_share": Ratio::percent(main_homes, total).tenths().map(|t| format!("{}%", format::tenths(t))),
    })
}

/// The timescales the figures were measured against, in sentences generated from the year's counts: the Regulator
/// asks landlords to publish the timescale used for CH02 (letter to registered providers on data requirements for
/// 2025-26, Annex B), and the Code's own wording on extensions is "no more than 10 \[20\] working days without good
/// reason" (6.4, 6.15), with the Ombudsman's contact details given to the resident (6.5, 6.16).
fn timescales(y: &Year) -> Vec<String> {
    let mut out = vec![
        "Stage 1: we acknowledge a complaint within 5 working days of receiving it, and send our response within 10 working days of acknowledging it (Complaint Handling Code 6.2 and 6.3).".to_string(),
        "Stage 2: we acknowledge a request to escalate a complaint within 5 working days of receiving it, and send our final response within 20 working days of acknowledging it (Code 6.11 and 6.14).".to_string(),
        "Working days are Monday to Friday, leaving out bank holidays in England and Wales.".to_string(),
    ];
    let (s1, s2) = (y.all(Stage::One), y.all(Stage::Two));
    if let (Some(e1), Some(e2)) = (s1.within_extension, s2.within_extension) {
        let without = |s: &crate::model::performance::StageCounts, e: u64| {
            Ratio::percent(s.within_timescale - e, s.responded)
                .display()
                .map_or_else(|| "n/a".to_string(), |v| format!("{v}%"))
        };
        let plural = |n: u64, one: &str, many: &str| {
            if n == 1 {
                format!("{} {one}", format::count(n))
            } else {
                format!("{} {many}", format::count(n))
            }
        };
        out.push(format!(
            "Where we agreed an extension with the resident under the Code (6.4 and 6.15) and responded by the new date, the response counts as within the Code's timescale. In {}, {} at stage 1 and {} at stage 2 were on time only because of an agreed extension; without them, {} of stage 1 responses and {} of stage 2 responses were on time.",
            y.label,
            plural(e1, "response", "responses"),
            plural(e2, "response", "responses"),
            without(&s1, e1),
            without(&s2, e2),
        ));
    } else {
        out.push("Where we agreed an extension with the resident under the Code (6.4 and 6.15) and responded by the new date, the response counts as within the Code's timescale.".to_string());
    }
    out.push("The Code allows an extension of no more than 10 working days at stage 1, and 20 at stage 2, without good reason, and the reasons must be explained to the resident. Whenever we extend, we give the resident the Housing Ombudsman's contact details (6.5 and 6.16).".to_string());
    if let (Some(a1), Some(a2)) = (measures::acknowledged(&s1), measures::acknowledged(&s2)) {
        if let (Some(a1), Some(a2)) = (a1.display(), a2.display()) {
            out.push(format!(
                "We acknowledged {a1}% of stage 1 complaints and {a2}% of stage 2 requests within 5 working days."
            ));
        }
    }
    out
}

/// The summary of the survey's approach, as label and value pairs for a summary list; values may be markdown.
fn survey(y: &Year, s: &Survey) -> Value {
    let mut rows: Vec<(String, String)> = Vec::new();
    let mut add = |label: &str, value: Option<String>| {
        if let Some(v) = value.filter(|v| !v.trim().is_empty()) {
            rows.push((label.to_string(), v));
        }
    };
    add("Who carried it out", s.carried_out_by.clone());
    add(
        "When",
        match (s.from, s.to) {
            (Some(a), Some(b)) => Some(format!("{} to {}", format::date(a), format::date(b))),
            (Some(a), None) => Some(format!("from {}", format::date(a))),
            (None, Some(b)) => Some(format!("until {}", format::date(b))),
            (None, None) => None,
        },
    );
    add("How responses were collected", s.method.clone());
    add("How tenants were chosen", s.sample.clone());
    let groups = y.groups();
    let by_group =
        |pick: &dyn Fn(&crate::model::performance::Tp09) -> Option<u64>| -> Option<String> {
            let parts: Vec<String> = groups
                .iter()
                .filter_map(|(g, c)| {
                    let n = pick(&c.tp09?)?;
                    Some(if groups.len() > 1 {
                        format!("{} ({})", format::count(n), format::group_short(*g))
                    } else {
                        format::count(n)
                    })
                })
                .collect();
            (!parts.is_empty()).then(|| parts.join(", "))
        };
    add("Responses to the survey", by_group(&|t| t.sample_size));
    add(
        "Tenants who had complained and answered the question on complaints (TP09)",
        by_group(&|t| Some(t.surveyed)),
    );
    add(
        "How representative the responses are",
        s.representativeness.clone(),
    );
    add(
        "Weighting",
        s.weighting.as_ref().map(|w| match w {
            Weighting::None => "None: the figures are the survey's unweighted results.".to_string(),
            Weighting::Weighted(how) => how.clone(),
        }),
    );
    add("Incentives to take part", s.incentives.clone());
    add("Tenants left out of the survey", s.exclusions.clone());
    Value::Array(
        rows.into_iter()
            .map(|(label, value)| json!({"label": label, "value": value}))
            .collect(),
    )
}
