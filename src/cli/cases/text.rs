//! A [`Summary`] for people: per year, a table for each stage with a column per tenure, every measure with its
//! numerator and denominator under it, categories, refusals, compensation, and the rules each figure was made by
//! ([`crate::cases::rules::STATEMENTS`]). It shows nothing of a single complaint.

use std::fmt::Write as _;

use super::measures::{ch01, MEASURES};
use crate::cases::rules::{Stage, STATEMENTS};
use crate::cases::summary::{ByStage, Homes, StageCounts, Summary, Tally, YearHomes, YearSummary};
use crate::cases::values::Tenure;
use crate::data::money::Money;
use crate::format::count;
use crate::measures::Ratio;

/// A count of a stage, for a row of the table.
type Count = fn(&StageCounts) -> u64;

/// Width of the label column, and of each figure column.
const LABEL: usize = 46;
const FIGURE: usize = 13;

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

/// One line of a table: the label, then each cell right-aligned in its column (a cell wider than the column pushes
/// the rest along rather than running into them), without trailing spaces.
fn line(out: &mut String, label: &str, cells: &[String]) {
    let mut l = format!("  {label:<LABEL$}");
    for c in cells {
        let _ = write!(l, " {c:>width$}", width = FIGURE - 1);
    }
    out.push_str(l.trim_end());
    out.push('\n');
}

/// The summary for people.
pub(super) fn summary(
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
            homes.get(&y.year.label()).copied().unwrap_or_default(),
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

fn year_text(out: &mut String, y: &YearSummary, homes: YearHomes, homes_source: Option<&str>) {
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
    let known: Vec<String> = [
        (homes.lcra, " LCRA"),
        (homes.lcho, " LCHO"),
        (homes.combined, ""),
    ]
    .iter()
    .filter_map(|(h, what)| h.map(|h| format!("{}{what}", count(h))))
    .collect();
    if !known.is_empty() {
        let from = homes_source.map_or(String::new(), |s| format!(" ({s})"));
        let _ = write!(out, "\n  Homes: {}{from}.", known.join(" and "));
    }
    out.push('\n');
    let all = y.tenures.all();
    for stage in [Stage::One, Stage::Two] {
        let cols: Vec<&StageCounts> = [Tenure::Lcra, Tenure::Lcho, Tenure::Other]
            .iter()
            .map(|t| y.tenures.get(*t).get(stage))
            .chain(std::iter::once(all.get(stage)))
            .collect();
        out.push('\n');
        let title = match stage {
            Stage::One => "Stage 1",
            Stage::Two => "Stage 2",
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
        let beyond = format!("    over {limit} working days (needs good reason)");
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
        for m in MEASURES.iter().filter(|m| m.shown) {
            let figures: Vec<(String, String)> =
                cols.iter().map(|c| figure((m.of)(c), m.unit)).collect();
            line(
                out,
                m.label,
                &figures.iter().map(|f| f.0.clone()).collect::<Vec<_>>(),
            );
            line(
                out,
                "",
                &figures.iter().map(|f| f.1.clone()).collect::<Vec<_>>(),
            );
        }
        let columns = [
            Some(Tenure::Lcra),
            Some(Tenure::Lcho),
            Some(Tenure::Other),
            None,
        ];
        if homes.is_empty() {
            let _ = writeln!(
                out,
                "  CH01 needs the homes of {}: run this inside the site (--root), with homes in its data.",
                y.year.label()
            );
        } else {
            let figures: Vec<(String, String)> = columns
                .iter()
                .zip(&cols)
                .map(|(t, c)| match homes.for_column(*t) {
                    Some(h) => {
                        let (f, working) = figure(ch01(c, h), "");
                        (f, working)
                    }
                    None => (String::new(), String::new()),
                })
                .collect();
            line(
                out,
                "CH01, complaints received per 1,000 homes",
                &figures.iter().map(|f| f.0.clone()).collect::<Vec<_>>(),
            );
            line(
                out,
                "",
                &figures.iter().map(|f| f.1.clone()).collect::<Vec<_>>(),
            );
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
                crate::format::money(Money::from_pence(y.compensation.pence)),
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
