//! The report's charts, each drawn from the table that sits beside it, with a title that states the finding.
//!
//! The charts are a list ([`CHARTS`]): which table each is drawn from, its shape, and the functions that word its
//! title, subtitle and the sentence shown when there is nothing to draw. [`all`] draws every entry the same way. A
//! site can replace any title with its own words in site.toml (`[charts] ch01 = "..."`): the computed title is a
//! default, not a verdict.

use std::collections::BTreeMap;

use super::{render, Chart, ChartKind, Rendered, Series, Target};
use crate::format;
use crate::measures::{self, Ratio};
use crate::model::performance::{Group, Stage, Year};
use crate::model::site::ChartId;
use crate::model::Report;
use crate::tables::{span, Cell, Table};

/// How a chart is drawn from its table.
enum Shape {
    /// Every column as a line over the years, with the unit, tick suffix and an optional reference line.
    Lines {
        unit: &'static str,
        suffix: &'static str,
        target: Option<(f64, &'static str)>,
    },
    /// Horizontal bars of the given columns (index, series name), rows sorted by the first column, largest first.
    Bars {
        columns: fn(&Report, &Table) -> Vec<(usize, String)>,
        sorted: bool,
        unit: &'static str,
    },
}

/// One chart of the report.
struct Entry {
    id: ChartId,
    /// The table it is drawn from, and shown beside.
    table: &'static str,
    shape: Shape,
    /// The finding, in plain words; empty when there is none to state.
    title: fn(&Report, &Table) -> String,
    /// Measure, landlord and period.
    subtitle: fn(&Report) -> String,
    /// Said in words instead of an empty chart.
    empty: fn(&Report) -> String,
}

/// Every chart, in the order the pages show them.
const CHARTS: [Entry; 7] = [
    Entry {
        id: ChartId::Ch01,
        table: "ch01_trend",
        shape: Shape::Lines {
            unit: "Complaints per 1,000 homes",
            suffix: "",
            target: None,
        },
        title: |r, _| {
            let g = r.current().main_group();
            trend_title(
                r,
                &format!("Stage 1 complaints per 1,000 homes{}", group_words(r, g)),
                "",
                |y| {
                    y.group(g)
                        .map(|c| measures::ch01(c.stage1.received, c.homes))
                },
            )
        },
        subtitle: |r| {
            format!(
                "Complaints per 1,000 homes (CH01), by tenure and stage, {}, {}",
                r.site.landlord.name,
                span(r)
            )
        },
        empty: |r| {
            format!(
                "We received no complaints in {}, so there is nothing to chart.",
                span(r)
            )
        },
    },
    Entry {
        id: ChartId::Ch02,
        table: "ch02_trend",
        shape: Shape::Lines {
            unit: "Responses within Code timescales (%)",
            suffix: "%",
            target: Some((100.0, "The Code expects 100%")),
        },
        title: |r, _| {
            let g = r.current().main_group();
            trend_title(
                r,
                &format!("Stage 1 responses on time{}", group_words(r, g)),
                "%",
                |y| y.group(g).map(|c| measures::ch02(&c.stage1)),
            )
        },
        subtitle: |r| {
            format!("Complaints responded to within Code timescales (CH02), by tenure and stage, {}, {}", r.site.landlord.name, span(r))
        },
        empty: |r| {
            format!(
                "We sent no responses in {}, so there is nothing to chart.",
                span(r)
            )
        },
    },
    Entry {
        id: ChartId::Tp09,
        table: "tp09",
        shape: Shape::Lines {
            unit: "Tenants satisfied (%)",
            suffix: "%",
            target: None,
        },
        title: |r, _| tp09_title(r),
        subtitle: |r| {
            format!(
                "Satisfaction with our approach to complaints handling (TP09), {}, {}",
                r.site.landlord.name,
                span(r)
            )
        },
        empty: |r| {
            format!(
                "No tenants were surveyed about complaint handling in {}.",
                span(r)
            )
        },
    },
    Entry {
        id: ChartId::Categories,
        table: "categories",
        shape: Shape::Bars {
            columns: |_, _| vec![(0, "Stage 1".into())],
            sorted: true,
            unit: "Stage 1 complaints",
        },
        title: |r, t| {
            let total = r.current().all(Stage::One).received;
            top(t)
                .filter(|_| total > 0)
                .map_or_else(String::new, |(name, shown, n)| {
                    format!(
                        "{name} was the subject of the most stage 1 complaints: {shown} of {} ({})",
                        format::count(total),
                        Cell::ratio(Ratio::percent(n, total), "%").display
                    )
                })
        },
        subtitle: |r| {
            format!(
                "Stage 1 complaints by category, {}, {}",
                r.site.landlord.name,
                r.current().label
            )
        },
        empty: |r| {
            format!(
                "We received no complaints in {}, so there is nothing to chart.",
                r.current().label
            )
        },
    },
    Entry {
        id: ChartId::Outcomes,
        table: "outcomes",
        shape: Shape::Bars {
            columns: |_, _| vec![(1, "Stage 1".into()), (3, "Stage 2".into())],
            sorted: false,
            unit: "Share of responses (%)",
        },
        title: |r, _| {
            let s1 = r.current().all(Stage::One);
            if s1.responded == 0 {
                return String::new();
            }
            format!(
                "We upheld or partly upheld {} of the stage 1 complaints we answered",
                Cell::ratio(
                    Ratio::percent(s1.upheld + s1.partly_upheld, s1.responded),
                    "%"
                )
                .display
            )
        },
        subtitle: |r| {
            format!(
                "Outcomes as a share of responses, by stage, {}, {}",
                r.site.landlord.name,
                r.current().label
            )
        },
        empty: |r| {
            format!(
                "We sent no responses in {}, so there is nothing to chart.",
                r.current().label
            )
        },
    },
    Entry {
        id: ChartId::Refusals,
        table: "refusals",
        shape: Shape::Bars {
            columns: |_, _| vec![(0, "Stage 1".into()), (1, "Stage 2".into())],
            sorted: true,
            unit: "Complaints not accepted or escalations refused",
        },
        title: |r, t| {
            let refused = r.current().refused(Stage::One);
            top(t)
                .filter(|_| refused > 0)
                .map_or_else(String::new, |(name, shown, _)| {
                    format!(
                        "The most common reason we did not accept a complaint: {} ({shown} of {})",
                        name.to_lowercase(),
                        format::count(refused)
                    )
                })
        },
        subtitle: |r| {
            format!(
                "Complaints not accepted and escalations refused, by reason, {}, {}",
                r.site.landlord.name,
                r.current().label
            )
        },
        empty: |r| {
            format!(
                "We accepted every complaint made to us in {}, so there is nothing to chart.",
                r.current().label
            )
        },
    },
    Entry {
        id: ChartId::Findings,
        table: "findings",
        shape: Shape::Bars {
            columns: |r, t| {
                t.columns
                    .len()
                    .checked_sub(1)
                    .map(|c| vec![(c, r.current().label.clone())])
                    .unwrap_or_default()
            },
            sorted: false,
            unit: "Findings",
        },
        title: |r, _| {
            r.ombudsman
                .determinations(&r.current().label)
                .map_or_else(String::new, |d| {
                    let rate = measures::maladministration_rate(&d.findings);
                    format!(
                        "In {} cases about us, the Ombudsman found maladministration or service failure in {} of the {} findings it considered",
                        d.cases, rate.numerator, rate.denominator
                    )
                })
        },
        subtitle: |r| {
            format!(
                "Housing Ombudsman findings by outcome, {}, {}",
                r.site.landlord.name,
                r.current().label
            )
        },
        empty: |r| {
            format!(
                "The Ombudsman made no findings about us in {}.",
                r.current().label
            )
        },
    },
];

/// Every chart whose table exists, keyed by id, drawn in parallel (rayon).
pub(crate) fn all(r: &Report, tables: &BTreeMap<String, Table>) -> BTreeMap<String, Rendered> {
    use rayon::prelude::*;
    let years: Vec<String> = r.years.iter().map(|y| y.label.clone()).collect();
    CHARTS
        .par_iter()
        .filter_map(|entry| {
            Some((
                entry.id.key().to_string(),
                one(r, tables.get(entry.table)?, &years, entry),
            ))
        })
        .collect::<Vec<_>>()
        .into_iter()
        .collect()
}

/// One chart of [`CHARTS`], drawn from its table.
fn one(r: &Report, table: &Table, years: &[String], entry: &Entry) -> Rendered {
    let mut chart = match &entry.shape {
        Shape::Lines {
            unit,
            suffix,
            target,
        } => {
            let series: Vec<Series> = table
                .columns
                .iter()
                .enumerate()
                .map(|(i, c)| column(table, i, &c.label))
                .collect();
            let mut desc = lines_desc(years, &series);
            if let Some((_, label)) = target {
                desc.push_str(&format!(" {label}."));
            }
            Chart {
                id: entry.id.key().into(),
                title: (entry.title)(r, table),
                subtitle: (entry.subtitle)(r),
                desc,
                kind: ChartKind::Lines {
                    x: years.to_vec(),
                    series,
                    unit: (*unit).into(),
                    suffix: (*suffix).into(),
                    target: target.map(|(value, label)| Target {
                        value,
                        label: label.into(),
                    }),
                },
            }
        }
        Shape::Bars {
            columns,
            sorted,
            unit,
        } => {
            let mut t = table.clone();
            if *sorted {
                let total = |row: &crate::tables::Row| -> f64 {
                    row.cells.iter().take(2).map(number).sum()
                };
                t.rows.sort_by(|a, b| total(b).total_cmp(&total(a)));
            }
            let cols = columns(r, &t);
            bars_chart(
                &t,
                entry.id.key(),
                (entry.title)(r, &t),
                &cols,
                (entry.subtitle)(r),
                unit,
            )
        }
    };
    if let Some(title) = r.site.chart_titles.get(&entry.id) {
        chart.title = title.clone();
    }
    render(&chart, &(entry.empty)(r))
}

/// ", low-cost rental (LCRA)" when the site reports by tenure, so a title says whose figure it states.
fn group_words(r: &Report, g: Group) -> String {
    match r.current().tenures {
        crate::model::performance::Tenures::Split { .. } => {
            format!(", {}", format::group_phrase(g))
        }
        crate::model::performance::Tenures::Combined(_) => String::new(),
    }
}

/// The first row of a table sorted largest first: its name, its first cell as shown, and its value.
fn top(t: &Table) -> Option<(String, String, u64)> {
    t.rows.first().map(|row| {
        (
            row.header.clone(),
            row.cells[0].display.clone(),
            number(&row.cells[0]) as u64,
        )
    })
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
    cols: &[(usize, String)],
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
    suffix: &str,
    figure: impl Fn(&Year) -> Option<Ratio>,
) -> String {
    let Some(now) = figure(r.current()) else {
        return String::new();
    };
    let Some(value) = now.display() else {
        return String::new();
    };
    let label = &r.current().label;
    match r.previous().and_then(&figure) {
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

/// TP09's title, for the tenure holding most homes; a weighted figure is compared as published.
fn tp09_title(r: &Report) -> String {
    let g = r.current().main_group();
    let figure = |y: &Year| {
        y.group(g)
            .and_then(|c| c.tp09)
            .map(|t| measures::tp09(&t).tenths())
    };
    let Some(Some(now)) = figure(r.current()) else {
        return String::new();
    };
    let value = format::tenths(now);
    let whose = group_words(r, g);
    match r.previous().and_then(figure).flatten() {
        Some(was) if now > was => format!(
            "Satisfaction with our complaint handling{whose} rose to {value}%, from {}%",
            format::tenths(was)
        ),
        Some(was) if now < was => format!(
            "Satisfaction with our complaint handling{whose} fell to {value}%, from {}%",
            format::tenths(was)
        ),
        _ => format!(
            "{value}% of tenants who complained{whose} were satisfied with how we handled it"
        ),
    }
}
