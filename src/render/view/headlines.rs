//! The home page's headline figures: the year's CH01, CH02 and TP09 for the tenure holding most homes (labelled,
//! since the Regulator's measures are per tenure), each with its change from the year before and its target, and
//! the self-assessment in one number.

use serde::Serialize;

use crate::format;
use crate::measures::{self, Ratio};
use crate::model::performance::{Group, Measure, Stage, Tenures, Year};
use crate::model::Report;

/// A headline figure.
#[derive(Debug, Clone, Serialize)]
pub(super) struct Headline {
    label: String,
    value: String,
    change: Option<String>,
    target: Option<String>,
    href: String,
}

/// "up 4.0 points from 88.0% in 2024-25", from both years' counts.
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
            format::tenths(c)
        ),
        c => format!(
            "down {}{unit} from {was}{suffix} in {label}",
            format::tenths(-c)
        ),
    })
}

/// "Target 95.0%: met", when the year sets one.
fn target_text(y: &Year, group: Group, measure: Measure) -> Option<String> {
    let target = y.target(measure)?;
    let value = measures::value(y, group, measure)?;
    let word = if measures::meets_target(measure, value, target) {
        "met"
    } else {
        "not met"
    };
    let kind = if measure.lower_is_better() {
        "at most "
    } else {
        ""
    };
    Some(format!(
        "Target {kind}{}: {word}",
        format::measure_value(measure, i128::from(target))
    ))
}

pub(super) fn headlines(r: &Report) -> Vec<Headline> {
    let y = r.current();
    let g = y.main_group();
    let whose = match y.tenures {
        Tenures::Split { .. } => format!(", {}", format::group_phrase(g)),
        Tenures::Combined(_) => String::new(),
    };
    let prev = r.previous();
    let mut out = Vec::new();
    let mut add = |measure: Measure,
                   label: String,
                   f: &dyn Fn(&Year) -> Option<Ratio>,
                   unit: &str,
                   href: &str| {
        let Some(now) = f(y) else { return };
        let suffix = format::measure_suffix(measure);
        out.push(Headline {
            label,
            value: now
                .display()
                .map_or_else(|| "n/a".to_string(), |v| format!("{v}{suffix}")),
            change: change_text(
                now,
                prev.and_then(|p| f(p).map(|q| (p.label.as_str(), q))),
                unit,
                suffix,
            ),
            target: target_text(y, g, measure),
            href: href.to_string(),
        });
    };
    add(
        Measure::Ch01(Stage::One),
        format!("Stage 1 complaints per 1,000 homes (CH01){whose}"),
        &|year| {
            year.group(g)
                .map(|c| measures::ch01(c.stage1.received, c.homes))
        },
        "",
        "performance.html#ch01",
    );
    add(
        Measure::Ch02(Stage::One),
        format!("Stage 1 responses within Code timescales (CH02){whose}"),
        &|year| year.group(g).map(|c| measures::ch02(&c.stage1)),
        " points",
        "performance.html#ch02",
    );
    add(
        Measure::Ch02(Stage::Two),
        format!("Stage 2 responses within Code timescales (CH02){whose}"),
        &|year| year.group(g).map(|c| measures::ch02(&c.stage2)),
        " points",
        "performance.html#ch02",
    );
    // TP09 may be a weighted figure, which has no counts to compute a change from; its change is the published
    // figures' difference, and its value is the published figure.
    if let Some(t) = y.group(g).and_then(|c| c.tp09) {
        let now = measures::tp09(&t);
        if let Some(value) = now.tenths() {
            let before = prev.and_then(|p| {
                p.group(g)?
                    .tp09
                    .map(|t| (p.label.clone(), measures::tp09(&t)))
            });
            let change = before.and_then(|(label, b)| {
                let was = b.tenths()?;
                Some(match value - was {
                    0 => format!("no change from {}% in {label}", format::tenths(was)),
                    c if c > 0 => format!(
                        "up {} points from {}% in {label}",
                        format::tenths(c),
                        format::tenths(was)
                    ),
                    c => format!(
                        "down {} points from {}% in {label}",
                        format::tenths(-c),
                        format::tenths(was)
                    ),
                })
            });
            out.push(Headline {
                label: format!("Tenants satisfied with our complaints handling (TP09){whose}"),
                value: format!("{}%", format::tenths(value)),
                change,
                target: target_text(y, g, Measure::Tp09),
                href: "performance.html#tp09".into(),
            });
        }
    }
    let c = r.self_assessment.counts;
    out.push(Headline {
        label: "Provisions of the Complaint Handling Code we meet".into(),
        value: format!("{} of {}", c.yes, c.yes + c.no),
        change: None,
        target: None,
        href: "self-assessment.html".into(),
    });
    out
}
