//! The report's charts, each built from the table that sits beside it, with a title that states the finding.
//!
//! A site can replace any title with its own words in site.toml (`[charts] ch01 = "..."`): the computed title is a
//! default, not a verdict.

use std::collections::BTreeMap;

use super::{render, Chart, ChartKind, Rendered, Series, Target};
use crate::measures::{self, Ratio};
use crate::model::Report;
use crate::tables::{Cell, Table};

/// The ids of the charts, which site.toml's `[charts]` may give titles for.
pub const CHART_IDS: [&str; 7] = [
    "ch01",
    "ch02",
    "tp09",
    "categories",
    "outcomes",
    "refusals",
    "determinations",
];

/// Every chart, keyed by id.
pub fn all(r: &Report, tables: &BTreeMap<String, Table>) -> BTreeMap<String, Rendered> {
    let mut out = BTreeMap::new();
    let label = r.current().label.clone();
    let landlord = r.site.landlord.name.clone();
    let span = match (r.years.first(), r.years.last()) {
        (Some(a), Some(b)) if r.years.len() > 1 => format!("{} to {}", a.label, b.label),
        _ => label.clone(),
    };
    let mut add = |mut chart: Chart, empty: String| {
        if let Some(title) = r.site.charts.get(&chart.id) {
            chart.title = title.get_ref().clone();
        }
        out.insert(chart.id.clone(), render(&chart, &empty));
    };
    let t = |id: &str| &tables[id];
    let years: Vec<String> = r.years.iter().map(|y| y.label.clone()).collect();

    let ch01 = t("ch01");
    add(
        Chart {
            id: "ch01".into(),
            title: trend_title(
                r,
                "Stage 1 complaints per 1,000 homes",
                |y| measures::ch01(y.stage1.received, y.homes),
                "",
            ),
            subtitle: format!("Complaints per 1,000 homes (CH01), by stage, {landlord}, {span}"),
            desc: lines_desc(
                &years,
                &[column(ch01, 0, "Stage 1"), column(ch01, 1, "Stage 2")],
            ),
            kind: ChartKind::Lines {
                x: years.clone(),
                series: vec![column(ch01, 0, "Stage 1"), column(ch01, 1, "Stage 2")],
                unit: "Complaints per 1,000 homes".into(),
                suffix: String::new(),
                target: None,
            },
        },
        format!("We received no complaints in {span}, so there is nothing to chart."),
    );

    let ch02 = t("ch02");
    add(
        Chart {
            id: "ch02".into(),
            title: trend_title(r, "Stage 1 responses on time", |y| measures::ch02(&y.stage1), "%"),
            subtitle: format!("Complaints responded to within Code timescales (CH02), by stage, {landlord}, {span}"),
            desc: lines_desc(&years, &[column(ch02, 0, "Stage 1"), column(ch02, 1, "Stage 2")]) + " The Code expects 100%.",
            kind: ChartKind::Lines {
                x: years.clone(),
                series: vec![column(ch02, 0, "Stage 1"), column(ch02, 1, "Stage 2")],
                unit: "Responses within Code timescales (%)".into(),
                suffix: "%".into(),
                target: Some(Target { value: 100.0, label: "The Code expects 100%".into() }),
            },
        },
        format!("We sent no responses in {span}, so there is nothing to chart."),
    );

    let tp09 = t("tp09");
    add(
        Chart {
            id: "tp09".into(),
            title: tp09_title(r),
            subtitle: format!(
                "Satisfaction with our approach to complaints handling (TP09), {landlord}, {span}"
            ),
            desc: lines_desc(&years, &[column(tp09, 0, "Satisfied")]),
            kind: ChartKind::Lines {
                x: years.clone(),
                series: vec![column(tp09, 0, "Satisfied")],
                unit: "Tenants satisfied (%)".into(),
                suffix: "%".into(),
                target: None,
            },
        },
        format!("No tenants were surveyed about complaint handling in {span}."),
    );

    let mut cats = t("categories").clone();
    cats.rows
        .sort_by(|a, b| number(&b.cells[0]).total_cmp(&number(&a.cells[0])));
    let total = r.current().stage1.received;
    let cat_title = cats
        .rows
        .first()
        .filter(|_| total > 0)
        .map_or_else(String::new, |top| {
            format!(
                "{} was the subject of the most stage 1 complaints: {} of {} ({})",
                top.header,
                top.cells[0].display,
                crate::measures::ratio::group_thousands(&total.to_string()),
                Cell::ratio(Ratio::percent(number(&top.cells[0]) as u64, total), "%").display
            )
        });
    add(
        bars_chart(
            &cats,
            "categories",
            cat_title,
            &[(0, "Stage 1")],
            format!("Stage 1 complaints by category, {landlord}, {label}"),
            "Stage 1 complaints",
        ),
        format!("We received no complaints in {label}, so there is nothing to chart."),
    );

    let s1 = &r.current().stage1;
    let outcome_title = if s1.responded > 0 {
        format!(
            "We upheld or partly upheld {} of the stage 1 complaints we answered",
            Cell::ratio(
                Ratio::percent(s1.upheld + s1.partly_upheld, s1.responded),
                "%"
            )
            .display
        )
    } else {
        String::new()
    };
    add(
        bars_chart(
            t("outcomes"),
            "outcomes",
            outcome_title,
            &[(1, "Stage 1"), (3, "Stage 2")],
            format!("Outcomes as a share of responses, by stage, {landlord}, {label}"),
            "Share of responses (%)",
        ),
        format!("We sent no responses in {label}, so there is nothing to chart."),
    );

    let mut refusals = t("refusals").clone();
    refusals
        .rows
        .sort_by(|a, b| number(&b.cells[0]).total_cmp(&number(&a.cells[0])));
    let refused: u64 = r.current().refusals.iter().flatten().map(|x| x.count).sum();
    let refusal_title = refusals.rows.first().map_or_else(String::new, |top| {
        format!(
            "The most common reason we did not accept a complaint: {} ({} of {})",
            top.header.to_lowercase(),
            top.cells[0].display,
            refused
        )
    });
    add(
        bars_chart(
            &refusals,
            "refusals",
            refusal_title,
            &[(0, "Refused")],
            format!("Complaints not accepted, by reason, {landlord}, {label}"),
            "Complaints not accepted",
        ),
        format!("We accepted every complaint made to us in {label}, so there is nothing to chart."),
    );

    let det = t("determinations");
    let last_col = det.columns.len().checked_sub(1);
    let det_title = r.determinations(&label).map_or_else(String::new, |d| {
        let rate = measures::maladministration_rate(d);
        format!(
            "The Ombudsman found maladministration or service failure in {} of its {} findings about us",
            rate.numerator, rate.denominator
        )
    });
    let det_chart = match last_col {
        Some(c) => bars_chart(
            det,
            "determinations",
            det_title,
            &[(c, &label)],
            format!("Housing Ombudsman determinations by outcome, {landlord}, {label}"),
            "Determinations",
        ),
        None => bars_chart(
            det,
            "determinations",
            det_title,
            &[],
            format!("Housing Ombudsman determinations by outcome, {landlord}, {label}"),
            "Determinations",
        ),
    };
    add(
        det_chart,
        format!("The Ombudsman made no determinations about us in {label}."),
    );
    out
}

fn number(c: &Cell) -> f64 {
    c.value.as_f64().unwrap_or(0.0)
}

/// A table column as a chart series: the value and the text the table shows for it.
fn column(t: &Table, col: usize, name: &str) -> Series {
    Series {
        name: name.to_string(),
        values: t
            .rows
            .iter()
            .map(|r| r.cells.get(col).and_then(|c| c.value.as_f64()))
            .collect(),
        labels: t
            .rows
            .iter()
            .map(|r| {
                r.cells
                    .get(col)
                    .map(|c| c.display.clone())
                    .unwrap_or_default()
            })
            .collect(),
    }
}

fn bars_chart(
    t: &Table,
    id: &str,
    title: String,
    cols: &[(usize, &str)],
    subtitle: String,
    unit: &str,
) -> Chart {
    let labels: Vec<String> = t.rows.iter().map(|r| r.header.clone()).collect();
    let series: Vec<Series> = cols.iter().map(|(c, name)| column(t, *c, name)).collect();
    let desc = labels
        .iter()
        .enumerate()
        .map(|(i, l)| {
            let values: Vec<String> = series
                .iter()
                .map(|s| {
                    if series.len() > 1 {
                        format!("{} {}", s.name.to_lowercase(), s.labels[i])
                    } else {
                        s.labels[i].clone()
                    }
                })
                .collect();
            format!("{l}: {}", values.join(", "))
        })
        .collect::<Vec<_>>()
        .join("; ");
    Chart {
        id: id.to_string(),
        title,
        subtitle,
        desc: format!("Bar chart. {desc}."),
        kind: ChartKind::Bars {
            labels,
            series,
            unit: unit.to_string(),
        },
    }
}

fn lines_desc(years: &[String], series: &[Series]) -> String {
    let parts: Vec<String> = series
        .iter()
        .map(|s| {
            let points: Vec<String> = s
                .labels
                .iter()
                .zip(years)
                .zip(&s.values)
                .filter(|(_, v)| v.is_some())
                .map(|((l, y), _)| format!("{l} in {y}"))
                .collect();
            format!("{}: {}.", s.name, points.join(", "))
        })
        .collect();
    format!("Line chart. {}", parts.join(" "))
}

/// "Stage 1 complaints per 1,000 homes rose from 92.3 to 97.8 in 2025-26", from the last two years' counts.
fn trend_title(
    r: &Report,
    what: &str,
    figure: impl Fn(&crate::model::Year) -> Ratio,
    suffix: &str,
) -> String {
    let now = figure(r.current());
    let Some(value) = now.display() else {
        return String::new();
    };
    let label = &r.current().label;
    match r.previous().map(&figure) {
        Some(before) => match (before.display(), now.change_since(&before)) {
            (Some(_), Some(0)) => format!("{what} stayed at {value}{suffix} in {label}"),
            (Some(was), Some(c)) if c > 0 => {
                format!("{what} rose from {was}{suffix} to {value}{suffix} in {label}")
            }
            (Some(was), Some(_)) => {
                format!("{what} fell from {was}{suffix} to {value}{suffix} in {label}")
            }
            _ => format!("{what}: {value}{suffix} in {label}"),
        },
        None => format!("{what}: {value}{suffix} in {label}"),
    }
}

fn tp09_title(r: &Report) -> String {
    let Some(now) = measures::tp09(r.current()) else {
        return String::new();
    };
    let Some(value) = now.display() else {
        return String::new();
    };
    let before = r.previous().and_then(measures::tp09);
    match before.and_then(|b| Some((b.display()?, now.change_since(&b)?))) {
        Some((was, c)) if c > 0 => {
            format!("Satisfaction with our complaint handling rose to {value}%, from {was}%")
        }
        Some((was, c)) if c < 0 => {
            format!("Satisfaction with our complaint handling fell to {value}%, from {was}%")
        }
        _ => format!("{value}% of tenants who complained were satisfied with how we handled it"),
    }
}
