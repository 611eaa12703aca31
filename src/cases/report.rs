//! A [`Summary`] for people (a plain-text report, per year, stage and tenure) and for programs (one JSON object).
//!
//! Both show the same counts, every measure with its numerator and denominator, and the rules each was made by
//! ([`super::rules::STATEMENTS`]), so a complaints officer can show the Ombudsman how any figure was reached. Neither
//! shows anything of a single complaint.
//!
//! The JSON shape is stable (`"format": 1`); fields may be added, never renamed or removed without a new format
//! number:
//!
//! ```json
//! { "format": 1, "file": "complaints.csv",
//!   "rows": { "read": 812, "used": 805, "set_aside": 7, "blank": 0 },
//!   "set_aside_without_year": 1,
//!   "years": [ {
//!     "year": "2025-26", "rows": { "used": 790, "set_aside": 3 }, "homes": 12140,
//!     "tenures": { "lcra": { "stage1": STAGE, "stage2": STAGE }, "lcho": {…}, "other": {…}, "all": {…} },
//!     "categories": [ { "name": "Repairs", "stage1": 298, "stage2": 30 } ],
//!     "uncategorised": { "stage1": 0, "stage2": 0 },
//!     "refusals": [ { "name": "More than 12 months since the issue", "stage1": 9, "stage2": 0 } ],
//!     "compensation": { "pence": 4138000, "complaints": 268 } } ],
//!   "rules": [ { "id": "timescale", "text": "…" } ],
//!   "diagnostics": [ … ], "errors": 7, "warnings": 1 }
//! ```
//!
//! where `STAGE` is every count of [`super::summary::StageCounts`] by its field name, plus `"measures"`: `ch01`
//! (`all` only, and only when `homes` is known; otherwise null), `ch02`, `acknowledged_within_5_days`,
//! `within_extension`, `extended`, `extended_beyond_limit` (of the extended), `average_working_days`, `upheld`,
//! `partly_upheld`, `not_upheld`. Each measure is `{ "value": 91.2, "numerator": 560, "denominator": 614, "scale":
//! 100 }`, `value` rounded to one decimal place (null when the denominator is 0). `homes` is null outside a site or
//! when data/performance.toml gives no homes for the year. `diagnostics` is the list `redress check --format json`
//! prints.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use serde_json::{json, Value};

use super::rules::STATEMENTS;
use super::summary::{ByStage, StageCounts, Summary, Tally, YearSummary};
use super::values::{format_pence, Outcome, Tenure};
use crate::diagnostics::Diagnostics;
use crate::measures::ratio::{format_tenths, group_thousands};
use crate::measures::Ratio;

/// Homes per year label ("2025-26"), from the site, for CH01.
pub(crate) type Homes = BTreeMap<String, u64>;

/// A ratio as JSON.
fn ratio_json(r: Ratio) -> Value {
    let value = r
        .tenths()
        .and_then(|t| serde_json::from_str::<Value>(&format_tenths(t).replace(',', "")).ok())
        .unwrap_or(Value::Null);
    json!({
        "value": value,
        "numerator": r.numerator,
        "denominator": r.denominator,
        "scale": r.scale,
    })
}

fn stage_json(c: &StageCounts, homes: Option<u64>) -> Value {
    let mut v = serde_json::to_value(c).unwrap_or(Value::Null);
    v["measures"] = json!({
        "ch01": homes.map_or(Value::Null, |h| ratio_json(c.ch01(h))),
        "ch02": ratio_json(c.ch02()),
        "acknowledged_within_5_days": ratio_json(c.acknowledged_on_time()),
        "within_extension": ratio_json(c.within_extension_share()),
        "extended": ratio_json(c.extended_share()),
        "extended_beyond_limit": ratio_json(c.beyond_limit_share()),
        "average_working_days": ratio_json(c.average_working_days()),
        "upheld": ratio_json(c.outcome_share(Outcome::Upheld)),
        "partly_upheld": ratio_json(c.outcome_share(Outcome::PartlyUpheld)),
        "not_upheld": ratio_json(c.outcome_share(Outcome::NotUpheld)),
    });
    v
}

fn pair_json(p: &ByStage<StageCounts>, homes: Option<u64>) -> Value {
    json!({ "stage1": stage_json(&p.stage1, homes), "stage2": stage_json(&p.stage2, homes) })
}

fn tallies_json(t: &[Tally]) -> Value {
    Value::Array(
        t.iter()
            .map(|t| json!({ "name": t.name, "stage1": t.stage1, "stage2": t.stage2 }))
            .collect(),
    )
}

fn year_json(y: &YearSummary, homes: Option<u64>) -> Value {
    json!({
        "year": y.year.label(),
        "rows": { "used": y.rows_used, "set_aside": y.rows_set_aside },
        "homes": homes,
        "tenures": {
            "lcra": pair_json(&y.tenures.lcra, None),
            "lcho": pair_json(&y.tenures.lcho, None),
            "other": pair_json(&y.tenures.other, None),
            "all": pair_json(&y.tenures.all(), homes),
        },
        "categories": tallies_json(&y.categories),
        "uncategorised": { "stage1": y.uncategorised.stage1, "stage2": y.uncategorised.stage2 },
        "refusals": tallies_json(&y.refusals),
        "compensation": { "pence": y.compensation.pence, "complaints": y.compensation.complaints },
    })
}

/// The summary as one JSON object (see the module docs for its shape).
pub(crate) fn to_json(file: &str, summary: &Summary, homes: &Homes, diags: &Diagnostics) -> Value {
    let d = crate::diagnostics::to_json(diags);
    json!({
        "format": 1,
        "file": file,
        "rows": summary.rows,
        "set_aside_without_year": summary.set_aside_without_year,
        "years": summary
            .years
            .iter()
            .map(|y| year_json(y, homes.get(&y.year.label()).copied()))
            .collect::<Vec<_>>(),
        "rules": STATEMENTS
            .iter()
            .map(|(id, text)| json!({ "id": id, "text": text }))
            .collect::<Vec<_>>(),
        "diagnostics": d["diagnostics"],
        "errors": d["errors"],
        "warnings": d["warnings"],
    })
}

/// A count of a stage, for a row of the table.
type Count = fn(&StageCounts) -> u64;
/// A measure of a stage.
type Measure = fn(&StageCounts) -> Ratio;

/// Width of the label column, and of each figure column.
const LABEL: usize = 52;
const FIGURE: usize = 11;

fn count(n: u64) -> String {
    group_thousands(&n.to_string())
}

/// "1 row", "2 rows".
fn plural(n: u64, word: &str) -> String {
    format!("{} {word}{}", count(n), if n == 1 { "" } else { "s" })
}

/// A ratio's figure ("91.2", or "n/a") and its working ("560/614").
fn figure(r: Ratio, unit: &str) -> (String, String) {
    let shown = r
        .display()
        .map_or_else(|| "n/a".to_string(), |f| format!("{f}{unit}"));
    (
        shown,
        format!("{}/{}", count(r.numerator), count(r.denominator)),
    )
}

fn line(out: &mut String, label: &str, cells: &[String]) {
    let _ = write!(out, "  {label:<LABEL$}");
    for c in cells {
        let _ = write!(out, "{c:>FIGURE$}");
    }
    out.push('\n');
}

/// The summary for people.
pub(crate) fn to_text(
    file: &str,
    summary: &Summary,
    homes: &Homes,
    homes_source: Option<&str>,
) -> String {
    let mut out = String::new();
    let r = &summary.rows;
    let _ = writeln!(out, "Complaints log: {file}");
    let _ = write!(
        out,
        "{} read: {} counted, {} set aside",
        plural(r.read, "row"),
        count(r.used),
        count(r.set_aside)
    );
    if r.set_aside > 0 {
        out.push_str(" (each is listed above, with its line and what to fix)");
    }
    out.push('.');
    if r.blank > 0 {
        let _ = write!(out, " {} skipped.", plural(r.blank, "blank row"));
    }
    out.push('\n');
    if summary.set_aside_without_year > 0 {
        let _ = writeln!(
            out,
            "{} set aside {} no date received that can be read, so {} to no year.",
            plural(summary.set_aside_without_year, "row"),
            if summary.set_aside_without_year == 1 {
                "has"
            } else {
                "have"
            },
            if summary.set_aside_without_year == 1 {
                "it belongs"
            } else {
                "they belong"
            }
        );
    }
    for y in &summary.years {
        out.push('\n');
        year_text(
            &mut out,
            y,
            homes.get(&y.year.label()).copied(),
            homes_source,
        );
    }
    out.push_str("\nHow these figures were made\n");
    for (_, text) in STATEMENTS {
        for (i, l) in wrap(text, 96).iter().enumerate() {
            let _ = writeln!(out, "{}{l}", if i == 0 { "- " } else { "  " });
        }
    }
    out
}

fn year_text(out: &mut String, y: &YearSummary, homes: Option<u64>, homes_source: Option<&str>) {
    let _ = writeln!(
        out,
        "{}  ({} to {})",
        y.year.label(),
        y.year.first_day().long(),
        y.year.last_day().long()
    );
    let _ = write!(
        out,
        "  Rows: {} counted in this year, {} set aside.",
        count(y.rows_used),
        count(y.rows_set_aside)
    );
    match (homes, homes_source) {
        (Some(h), Some(src)) => {
            let _ = write!(out, " Homes: {} ({src}).", count(h));
        }
        (Some(h), None) => {
            let _ = write!(out, " Homes: {}.", count(h));
        }
        _ => {}
    }
    out.push('\n');
    let all = y.tenures.all();
    for stage in [super::rules::Stage::One, super::rules::Stage::Two] {
        let cols: Vec<&StageCounts> = [Tenure::Lcra, Tenure::Lcho, Tenure::Other]
            .iter()
            .map(|t| y.tenures.get(*t).get(stage))
            .chain(std::iter::once(all.get(stage)))
            .collect();
        out.push('\n');
        let title = match stage {
            super::rules::Stage::One => "Stage 1",
            super::rules::Stage::Two => "Stage 2",
        };
        if **cols.last().unwrap_or(&&StageCounts::default()) == StageCounts::default() {
            let _ = writeln!(
                out,
                "  {title}: nothing received or responded to in {}.",
                y.year.label()
            );
            continue;
        }
        line(
            out,
            title,
            &["LCRA", "LCHO", "other", "all"].map(String::from),
        );
        let limit = stage.extension_limit();
        let beyond = format!("    longer than {limit} working days (needs good reason)");
        let rows: [(&str, Count); 14] = [
            ("Received", |c| c.received),
            ("  acknowledged within 5 working days", |c| {
                c.acknowledged_within_5_days
            }),
            ("  acknowledged later", |c| c.acknowledged_late),
            ("  no acknowledgement date", |c| c.acknowledgement_missing),
            ("  no response yet", |c| c.not_yet_responded),
            ("Responded", |c| c.responded),
            ("  within the Code's timescale", |c| c.within_timescale),
            ("    of which only by an agreed extension", |c| {
                c.within_extension
            }),
            ("  with an agreed extension", |c| c.extended),
            (&beyond, |c| c.extended_beyond_limit),
            ("  upheld", |c| c.upheld),
            ("  partly upheld", |c| c.partly_upheld),
            ("  not upheld", |c| c.not_upheld),
            ("Working days to respond, added up", |c| c.working_days),
        ];
        for (label, get) in rows {
            line(
                out,
                label,
                &cols.iter().map(|c| count(get(c))).collect::<Vec<_>>(),
            );
        }
        out.push('\n');
        let measures: [(&str, &str, Measure); 4] = [
            (
                "CH02, % responded within the Code's timescale",
                "%",
                StageCounts::ch02,
            ),
            (
                "% acknowledged within 5 working days",
                "%",
                StageCounts::acknowledged_on_time,
            ),
            (
                "% responded only by an agreed extension",
                "%",
                StageCounts::within_extension_share,
            ),
            (
                "Average working days to respond",
                "",
                StageCounts::average_working_days,
            ),
        ];
        for (label, unit, get) in measures {
            let figures: Vec<(String, String)> =
                cols.iter().map(|c| figure(get(c), unit)).collect();
            line(
                out,
                label,
                &figures.iter().map(|f| f.0.clone()).collect::<Vec<_>>(),
            );
            line(
                out,
                "",
                &figures.iter().map(|f| f.1.clone()).collect::<Vec<_>>(),
            );
        }
        match homes {
            Some(h) => {
                let (f, working) = figure(all.get(stage).ch01(h), "");
                let blank = String::new();
                line(
                    out,
                    "CH01, complaints received per 1,000 homes",
                    &[blank.clone(), blank.clone(), blank.clone(), f],
                );
                line(
                    out,
                    "",
                    &[
                        blank.clone(),
                        blank.clone(),
                        blank,
                        format!("{working}×1,000"),
                    ],
                );
            }
            None => {
                let _ = writeln!(
                    out,
                    "  CH01 needs the homes of {}: run this inside the site (--root), with homes in its data.",
                    y.year.label()
                );
            }
        }
    }
    out.push('\n');
    tallies_text(
        out,
        "Complaints received by category",
        &y.categories,
        Some(&y.uncategorised),
    );
    if !y.refusals.is_empty() {
        out.push('\n');
        tallies_text(
            out,
            "Refused, by reason (stage 1: not accepted; stage 2: not escalated)",
            &y.refusals,
            None,
        );
    }
    out.push('\n');
    match y.compensation.complaints {
        0 => out.push_str("  Compensation: none recorded.\n"),
        n => {
            let _ = writeln!(
                out,
                "  Compensation: {} offered on {}.",
                format_pence(y.compensation.pence),
                plural(n, "complaint")
            );
        }
    }
}

fn tallies_text(out: &mut String, title: &str, tallies: &[Tally], none: Option<&ByStage<u64>>) {
    let _ = writeln!(out, "  {title}");
    line(out, "", &["stage 1", "stage 2"].map(String::from));
    for t in tallies {
        line(
            out,
            &format!("  {}", t.name),
            &[count(t.stage1), count(t.stage2)],
        );
    }
    if let Some(n) = none.filter(|n| n.stage1 + n.stage2 > 0) {
        line(out, "  (no category)", &[count(n.stage1), count(n.stage2)]);
    }
}

/// Splits text into lines of at most `width` characters, at spaces.
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut current = String::new();
    for word in text.split_whitespace() {
        if !current.is_empty() && current.chars().count() + 1 + word.chars().count() > width {
            lines.push(std::mem::take(&mut current));
        }
        if !current.is_empty() {
            current.push(' ');
        }
        current.push_str(word);
    }
    if !current.is_empty() {
        lines.push(current);
    }
    lines
}
