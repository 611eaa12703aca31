//! The performance page's tables (Code 8.1(b)): volumes, CH01 and CH02 by tenure and stage, how the Code's
//! timescales were met, TP09, outcomes, categories, refusals, remedies, and the optional quarters, breakdowns,
//! transactions, targets and sector comparisons.

use super::{span, Cell, Table, ROUNDING_NOTE};
use crate::format;
use crate::measures::{self, Ratio};
use crate::model::performance::{Breakdown, Covers, Group, Measure, Stage, StageCounts};
use crate::model::site::TenureReporting;
use crate::model::Report;

/// The groups a site's TSM tables show: each tenure and then the combined figure (a labelled extra), or the one
/// combined group.
fn groups(r: &Report) -> Vec<Group> {
    match r.site.tenure {
        TenureReporting::Split => vec![Group::Lcra, Group::Lcho, Group::Combined],
        TenureReporting::Combined => vec![Group::Combined],
    }
}

/// The row header of a group in the report year's TSM tables; the combined row says it is an extra.
fn group_row(r: &Report, g: Group) -> String {
    match (r.site.tenure, g) {
        (TenureReporting::Split, Group::Combined) => {
            "All low-cost homes (combined, for comparison)".into()
        }
        (TenureReporting::Combined, Group::Combined) => "All homes".into(),
        _ => format::group(g).into(),
    }
}

/// The note the split tables carry, saying what the combined row is.
const COMBINED_NOTE: &str = "The Regulator's measures are reported for low-cost rental (LCRA) and low-cost home ownership (LCHO) separately; the combined row adds the two together for comparison only.";

/// The series of a trend table: (column key, column label, group, stage), stage 1 first.
fn trend_series(r: &Report) -> Vec<(String, String, Group, Stage)> {
    let groups: Vec<Group> = match r.site.tenure {
        TenureReporting::Split => vec![Group::Lcra, Group::Lcho],
        TenureReporting::Combined => vec![Group::Combined],
    };
    let mut out = Vec::new();
    for stage in Stage::BOTH {
        for g in &groups {
            let (key, label) = match r.site.tenure {
                TenureReporting::Split => (
                    format!("{}_{}", format::group_key(*g), format::stage_key(stage)),
                    format!(
                        "{} {}",
                        format::group_short(*g),
                        format::stage(stage).to_lowercase()
                    ),
                ),
                TenureReporting::Combined => (
                    format::stage_key(stage).to_string(),
                    format::stage(stage).to_string(),
                ),
            };
            out.push((key, label, *g, stage));
        }
    }
    out
}

pub(super) fn volumes(r: &Report) -> Table {
    let mut t = Table::new(
        "volumes",
        format!("Complaints received by {}, {}", r.site.landlord.name, span(r)),
        ("year", "Year"),
    )
    .number_column("stage1_received", "Stage 1 received")
    .number_column("stage2_received", "Stage 2 received")
    .number_column("escalation_rate", "Escalated to stage 2")
    .number_column("homes", "Homes owned")
    .note("All complaints, whoever made them. Escalated to stage 2: stage 2 complaints received as a percentage of stage 1 responses.")
    .note(ROUNDING_NOTE);
    for y in &r.years {
        t.row(
            &y.label,
            vec![
                Cell::count(y.all(Stage::One).received),
                Cell::count(y.all(Stage::Two).received),
                Cell::ratio(measures::escalation(y), "%"),
                Cell::count(y.homes()),
            ],
        );
    }
    t
}

/// A report-year table with a row per tenure (and the combined row, when split): `columns` as (key, label), and
/// each row's cells from that group's counts. The notes say what the figure is, what the combined row is, and how
/// it is rounded.
fn by_tenure(
    r: &Report,
    id: &str,
    caption: String,
    columns: &[(&str, &str)],
    definition: &str,
    cells: impl Fn(&crate::model::performance::TenureCounts) -> Vec<Cell>,
) -> Table {
    let mut t = Table::new(id, caption, ("tenure", "Tenure"));
    for (key, label) in columns {
        t = t.number_column(key, label);
    }
    t = t.note(definition);
    if r.site.tenure == TenureReporting::Split {
        t = t.note(COMBINED_NOTE);
    }
    t = t.note(ROUNDING_NOTE);
    let y = r.current();
    for g in groups(r) {
        if let Some(c) = y.group(g) {
            t.row(group_row(r, g), cells(&c));
        }
    }
    t
}

/// CH01 in the report year, with its counts visible: each tenure's homes and complaints beside its figure.
pub(super) fn ch01(r: &Report) -> Table {
    by_tenure(
        r,
        "ch01",
        format!("Complaints per 1,000 homes (CH01) by tenure, {}", r.current().label),
        &[
            ("homes", "Homes owned"),
            ("stage1_received", "Stage 1 complaints"),
            ("stage1_ch01", "Stage 1 per 1,000 homes"),
            ("stage2_received", "Stage 2 complaints"),
            ("stage2_ch01", "Stage 2 per 1,000 homes"),
        ],
        "CH01: complaints received at each stage from tenants of that tenure, divided by the homes of that tenure owned at the end of the year, times 1,000.",
        |c| {
            vec![
                Cell::count(c.homes),
                Cell::count(c.stage1.received),
                Cell::ratio(measures::ch01(c.stage1.received, c.homes), ""),
                Cell::count(c.stage2.received),
                Cell::ratio(measures::ch01(c.stage2.received, c.homes), ""),
            ]
        },
    )
}

/// CH02 in the report year, with its counts visible.
pub(super) fn ch02(r: &Report) -> Table {
    by_tenure(
        r,
        "ch02",
        format!("Complaints responded to within Code timescales (CH02) by tenure, {}", r.current().label),
        &[
            ("stage1_responded", "Stage 1 responses"),
            ("stage1_within", "Stage 1 on time"),
            ("stage1_ch02", "Stage 1 within timescale"),
            ("stage2_responded", "Stage 2 responses"),
            ("stage2_within", "Stage 2 on time"),
            ("stage2_ch02", "Stage 2 within timescale"),
        ],
        "CH02: responses sent within the Complaint Handling Code's timescales, including those within an extension agreed under the Code, as a percentage of all responses sent at that stage in the year. The Code expects 100%.",
        |c| {
            vec![
                Cell::count(c.stage1.responded),
                Cell::count(c.stage1.within_timescale),
                Cell::ratio(measures::ch02(&c.stage1), "%"),
                Cell::count(c.stage2.responded),
                Cell::count(c.stage2.within_timescale),
                Cell::ratio(measures::ch02(&c.stage2), "%"),
            ]
        },
    )
}

/// A measure over the years, one column per tenure and stage: the table the trend chart is drawn from.
fn trend(
    r: &Report,
    id: &str,
    caption: String,
    note: &str,
    suffix: &str,
    figure: impl Fn(&StageCounts, u64) -> Ratio,
) -> Table {
    let series = trend_series(r);
    let mut t = Table::new(id, caption, ("year", "Year"));
    for (key, label, _, _) in &series {
        t = t.number_column(key, label);
    }
    t = t.note(note).note(ROUNDING_NOTE);
    for y in &r.years {
        let cells = series
            .iter()
            .map(|(_, _, g, stage)| match y.group(*g) {
                Some(c) => Cell::ratio(figure(c.stage(*stage), c.homes), suffix),
                None => Cell::text(super::NOT_APPLICABLE),
            })
            .collect();
        t.row(&y.label, cells);
    }
    t
}

pub(super) fn ch01_trend(r: &Report) -> Table {
    trend(
        r,
        "ch01_trend",
        format!(
            "Complaints per 1,000 homes (CH01) by tenure and stage, {}",
            span(r)
        ),
        "CH01: complaints received at each stage divided by homes owned, times 1,000.",
        "",
        |s, homes| measures::ch01(s.received, homes),
    )
}

pub(super) fn ch02_trend(r: &Report) -> Table {
    trend(
        r,
        "ch02_trend",
        format!("Complaints responded to within Code timescales (CH02) by tenure and stage, {}", span(r)),
        "CH02: responses within the Code's timescales (including agreed extensions) as a percentage of responses. The Code expects 100%.",
        "%",
        |s, _| measures::ch02(s),
    )
}

/// How the Code's timescales were met in the report year, all complaints: acknowledged on time, answered on time
/// without an extension, within an agreed extension, or late.
pub(super) fn timescales(r: &Report) -> Table {
    let y = r.current();
    let mut t = Table::new(
        "timescales",
        format!("How we met the Complaint Handling Code's timescales, {}", y.label),
        ("stage", "Stage"),
    )
    .number_column("received", "Complaints received")
    .number_column("acknowledged", "Acknowledged within 5 working days")
    .number_column("responded", "Responses")
    .number_column("on_time", "On time, no extension")
    .number_column("within_extension", "On time within an agreed extension")
    .number_column("late", "Late")
    .number_column("average_days", "Average working days")
    .note("All complaints. On time: answered within 10 working days of acknowledgement at stage 1, 20 at stage 2, or by the end of an extension agreed under the Code. Average working days: from the day the complaint was received to the response.")
    .note(ROUNDING_NOTE);
    for stage in Stage::BOTH {
        let s = y.all(stage);
        let with_ext = s.within_extension;
        t.row(
            format::stage(stage),
            vec![
                Cell::count(s.received),
                measures::acknowledged(&s)
                    .map_or(Cell::text("not recorded"), |q| Cell::ratio(q, "%")),
                Cell::count(s.responded),
                with_ext.map_or(Cell::count(s.within_timescale), |e| {
                    Cell::count(s.within_timescale - e)
                }),
                with_ext.map_or(Cell::text("not recorded"), Cell::count),
                Cell::count(s.responded - s.within_timescale),
                Cell::ratio(measures::average_days(&s), ""),
            ],
        );
    }
    t
}

/// Response times over the years, all complaints.
pub(super) fn response_times(r: &Report) -> Table {
    let mut t = Table::new(
        "response_times",
        format!("How quickly we responded, {}", span(r)),
        ("year", "Year"),
    )
    .number_column("stage1_average_days", "Stage 1 average working days")
    .number_column("stage2_average_days", "Stage 2 average working days")
    .number_column("stage1_extended", "Stage 1 extended")
    .number_column("stage2_extended", "Stage 2 extended")
    .note("All complaints. Extended: responses whose timescale was extended, as a percentage of responses.")
    .note(ROUNDING_NOTE);
    let ext = |s: &StageCounts| {
        measures::extended(s).map_or(Cell::text("not recorded"), |q| Cell::ratio(q, "%"))
    };
    for y in &r.years {
        let (s1, s2) = (y.all(Stage::One), y.all(Stage::Two));
        t.row(
            &y.label,
            vec![
                Cell::ratio(measures::average_days(&s1), ""),
                Cell::ratio(measures::average_days(&s2), ""),
                ext(&s1),
                ext(&s2),
            ],
        );
    }
    t
}

/// TP09 over the years, one column per tenure (or one combined).
pub(super) fn tp09(r: &Report) -> Table {
    let groups: Vec<Group> = match r.site.tenure {
        TenureReporting::Split => vec![Group::Lcra, Group::Lcho],
        TenureReporting::Combined => vec![Group::Combined],
    };
    let mut t = Table::new(
        "tp09",
        format!(
            "Satisfaction with our approach to complaints handling (TP09), {}",
            span(r)
        ),
        ("year", "Year"),
    );
    for g in &groups {
        t = match r.site.tenure {
            TenureReporting::Split => {
                t.number_column(format::group_key(*g), format::group_short(*g))
            }
            TenureReporting::Combined => t.number_column("satisfied", "Satisfied"),
        };
    }
    t = t.note("TP09: tenants who had complained in the last 12 months and said they were very or fairly satisfied with our approach to complaints handling, as a percentage of those who answered.");
    let weighted = r.years.iter().any(|y| {
        y.groups()
            .iter()
            .any(|(_, c)| c.tp09.is_some_and(|t| t.published.is_some()))
    });
    if weighted {
        t = t.note("Where the survey was weighted, the figure is the weighted result the survey published, so it can differ from satisfied ÷ surveyed; the downloads give both.");
    }
    t = t.note(ROUNDING_NOTE);
    for y in &r.years {
        let cells = groups
            .iter()
            .map(|g| match y.group(*g).and_then(|c| c.tp09) {
                Some(_) => measure_cell(y, *g, Measure::Tp09),
                None => Cell::text("not surveyed"),
            })
            .collect();
        t.row(&y.label, cells);
    }
    t
}

pub(super) fn outcomes(r: &Report) -> Table {
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
    .note("All complaints responded to in the year.")
    .note(ROUNDING_NOTE);
    type Pick = fn(&StageCounts) -> u64;
    let rows: [(&str, Pick); 3] = [
        ("Upheld", |s| s.upheld),
        ("Partly upheld", |s| s.partly_upheld),
        ("Not upheld", |s| s.not_upheld),
    ];
    let (s1, s2) = (y.all(Stage::One), y.all(Stage::Two));
    for (name, pick) in rows {
        t.row(
            name,
            vec![
                Cell::count(pick(&s1)),
                Cell::ratio(measures::outcome_share(pick(&s1), &s1), "%"),
                Cell::count(pick(&s2)),
                Cell::ratio(measures::outcome_share(pick(&s2), &s2), "%"),
            ],
        );
    }
    t
}

/// A breakdown of the year's complaints: categories, or one the landlord adds.
fn breakdown_table(r: &Report, id: &str, caption: String, b: &Breakdown) -> Table {
    let y = r.current();
    let received = y.all(Stage::One).received;
    let mut t = Table::new(id, caption, ("name", "Name"))
        .number_column("stage1", "Stage 1")
        .number_column("stage1_share", "Share of stage 1")
        .number_column("stage2", "Stage 2");
    t = match b.covers {
        Covers::All => t,
        Covers::Some => t.note("These rows cover some of the year's complaints, not all of them."),
        Covers::Overlapping => t.note("One complaint can be counted in more than one row, so the rows add up to more than the complaints received."),
    };
    t = t.note(ROUNDING_NOTE);
    for row in &b.rows {
        t.row(
            &row.name,
            vec![
                Cell::count(row.stage1),
                Cell::ratio(Ratio::percent(row.stage1, received), "%"),
                Cell::count(row.stage2),
            ],
        );
    }
    t
}

pub(super) fn categories(r: &Report) -> Table {
    let y = r.current();
    let empty = Breakdown {
        covers: Covers::All,
        rows: Vec::new(),
    };
    let mut t = breakdown_table(
        r,
        "categories",
        format!("What complaints were about, {}", y.label),
        y.categories.as_ref().unwrap_or(&empty),
    );
    t.header.label = "Category".into();
    t.header.key = "category".into();
    t
}

/// The landlord's own breakdowns, each a table with an id made from its title.
pub(super) fn breakdowns(r: &Report) -> Vec<Table> {
    let y = r.current();
    y.breakdowns
        .iter()
        .map(|(title, b)| {
            let mut t =
                breakdown_table(r, &breakdown_id(title), format!("{title}, {}", y.label), b);
            t.optional = true;
            t
        })
        .collect()
}

/// "Complaints by service area" → `breakdown_complaints_by_service_area`: unique among tables, since the prefix is
/// used by nothing else and titles are checked unique.
pub(crate) fn breakdown_id(title: &str) -> String {
    let slug: String = title
        .to_lowercase()
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
        .collect::<String>()
        .split('_')
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join("_");
    format!("breakdown_{slug}")
}

pub(super) fn refusals(r: &Report) -> Table {
    let y = r.current();
    let mut t = Table::new(
        "refusals",
        format!("Complaints we did not accept, and escalations we refused, by reason, {}", y.label),
        ("reason", "Reason"),
    )
    .number_column("stage1", "Not accepted at stage 1")
    .number_column("stage2", "Escalation to stage 2 refused")
    .note("Stage 1: complaints we did not accept into the complaints procedure (Code section 2). Stage 2: requests to escalate a complaint to stage 2 that we refused (Code 5.11).");
    let mut reasons: Vec<&str> = Vec::new();
    for x in y.refusals.iter().flatten() {
        if !reasons.contains(&x.reason.as_str()) {
            reasons.push(&x.reason);
        }
    }
    for reason in reasons {
        let count = |stage: Stage| {
            y.refusals
                .iter()
                .flatten()
                .filter(|x| x.reason == reason && x.stage == stage)
                .map(|x| x.count)
                .sum::<u64>()
        };
        t.row(
            reason,
            vec![
                Cell::count(count(Stage::One)),
                Cell::count(count(Stage::Two)),
            ],
        );
    }
    t
}

pub(super) fn remedies(r: &Report) -> Table {
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

const QUARTERS: [&str; 4] = [
    "Quarter 1 (April to June)",
    "Quarter 2 (July to September)",
    "Quarter 3 (October to December)",
    "Quarter 4 (January to March)",
];

pub(super) fn quarters(r: &Report) -> Table {
    let y = r.current();
    let mut t = Table::new(
        "quarters",
        format!("Complaints by quarter, {}", y.label),
        ("quarter", "Quarter"),
    )
    .number_column("stage1_received", "Stage 1 received")
    .number_column("stage1_ch02", "Stage 1 on time")
    .number_column("stage2_received", "Stage 2 received")
    .number_column("stage2_ch02", "Stage 2 on time")
    .note("All complaints. On time: responses in the quarter within the Code's timescales, as a percentage of the quarter's responses.")
    .note(ROUNDING_NOTE);
    t.optional = true;
    for q in y.quarters.iter().flatten() {
        t.row(
            QUARTERS[usize::from(q.number.clamp(1, 4)) - 1],
            vec![
                Cell::count(q.stage1.received),
                Cell::ratio(measures::ch02(&q.stage1), "%"),
                Cell::count(q.stage2.received),
                Cell::ratio(measures::ch02(&q.stage2), "%"),
            ],
        );
    }
    t
}

pub(super) fn transactions(r: &Report) -> Table {
    let y = r.current();
    let mut t = Table::new(
        "transactions",
        format!(
            "Complaints compared with the work they are about, {}",
            y.label
        ),
        ("transactions", "What we did"),
    )
    .number_column("count", "How many")
    .number_column("complaints", "Stage 1 complaints")
    .number_column("per_thousand", "Complaints per 1,000")
    .text_column("category", "Complaints counted")
    .note(ROUNDING_NOTE);
    t.optional = true;
    for x in &y.transactions {
        t.row(
            &x.name,
            vec![
                Cell::count(x.count),
                Cell::count(x.complaints),
                Cell::ratio(
                    measures::per_thousand_transactions(x.complaints, x.count),
                    "",
                ),
                Cell::text(x.category.as_ref().map_or_else(
                    || "as we counted them".to_string(),
                    |c| format!("stage 1 complaints about {}", c.to_lowercase()),
                )),
            ],
        );
    }
    t
}

/// A measure's figure as a cell: computed from its counts, which the downloads carry, or a weighted TP09's published
/// figure shown with those counts beside it.
fn measure_cell(y: &crate::model::performance::Year, g: Group, m: Measure) -> Cell {
    match measures::figure(y, g, m) {
        Some((ratio, published)) => {
            let mut cell = Cell::ratio(ratio, format::measure_suffix(m));
            if let Some(p) = published {
                let shown = Cell::figure(p, format::measure_suffix(m));
                cell.display = shown.display;
                cell.value = shown.value;
            }
            cell
        }
        None => Cell::text(super::NOT_APPLICABLE),
    }
}

/// The groups a measure is compared for in the targets table: each tenure (TP09 has no combined figure when
/// split), or the combined group.
fn target_groups(r: &Report, measure: Measure) -> Vec<Group> {
    match (r.site.tenure, measure) {
        (TenureReporting::Split, Measure::Tp09) => vec![Group::Lcra, Group::Lcho],
        (TenureReporting::Split, _) => vec![Group::Lcra, Group::Lcho, Group::Combined],
        (TenureReporting::Combined, _) => vec![Group::Combined],
    }
}

pub(super) fn targets(r: &Report) -> Table {
    let y = r.current();
    let mut t = Table::new(
        "targets",
        format!("Our figures against our targets, {}", y.label),
        ("measure", "Measure"),
    )
    .text_column("tenure", "Tenure")
    .number_column("target", "Target")
    .number_column("figure", "Our figure")
    .text_column("met", "Met")
    .note("CH01 targets are a most (fewer complaints per 1,000 homes); the others are a least.");
    t.optional = true;
    for target in &y.targets {
        for g in target_groups(r, target.measure) {
            let value = measures::value(y, g, target.measure);
            let suffix = format::measure_suffix(target.measure);
            t.row(
                format::measure(target.measure),
                vec![
                    Cell::text(group_row(r, g)),
                    Cell::figure(target.tenths, suffix),
                    measure_cell(y, g, target.measure),
                    Cell::text(match value {
                        Some(v) if measures::meets_target(target.measure, v, target.tenths) => {
                            "Met"
                        }
                        Some(_) => "Not met",
                        None => super::NOT_APPLICABLE,
                    }),
                ],
            );
        }
    }
    t
}

/// Where a figure stands among landlords, in words: "in the lowest quarter of landlords".
pub(crate) fn quarter_words(q: u8) -> &'static str {
    match q {
        1 => "lowest quarter",
        2 => "second-lowest quarter",
        3 => "second-highest quarter",
        _ => "highest quarter",
    }
}

pub(super) fn sector(r: &Report) -> Table {
    let y = r.current();
    let mut t = Table::new(
        "sector",
        format!("Our figures beside other landlords', {}", y.label),
        ("measure", "Measure"),
    )
    .text_column("tenure", "Tenure")
    .number_column("figure", "Our figure")
    .number_column("lower_quartile", "Lower quartile")
    .number_column("median", "Median")
    .number_column("upper_quartile", "Upper quartile")
    .text_column("quarter", "Where we stand")
    .text_column("source", "Source");
    t.optional = true;
    let mut illustrative = false;
    for s in &r.sector {
        let suffix = format::measure_suffix(s.measure);
        let value = measures::value(y, s.group, s.measure);
        illustrative |= s.illustrative;
        t.row(
            format::measure(s.measure),
            vec![
                Cell::text(group_row(r, s.group)),
                measure_cell(y, s.group, s.measure),
                Cell::figure(s.quartiles[0], suffix),
                Cell::figure(s.quartiles[1], suffix),
                Cell::figure(s.quartiles[2], suffix),
                Cell::text(value.map_or(super::NOT_APPLICABLE.to_string(), |v| {
                    format!(
                        "{} of landlords",
                        quarter_words(measures::quarter(v, s.quartiles))
                    )
                })),
                Cell::text(format!(
                    "{}, {}{}",
                    s.source,
                    s.year,
                    if s.illustrative {
                        " (illustrative figures)"
                    } else {
                        ""
                    }
                )),
            ],
        );
    }
    t = t.note("Quarters count from the landlords with the lowest figures. For CH01 a lower figure means fewer complaints per 1,000 homes; for CH02 and TP09 a higher figure is better.");
    if illustrative {
        t = t.note("Figures marked illustrative are made up for this example report; they are not the sector's published figures.");
    }
    t
}

#[cfg(test)]
mod tests {
    use super::breakdown_id;

    #[test]
    fn breakdown_ids_are_slugs() {
        assert_eq!(
            breakdown_id("Complaints by service area"),
            "breakdown_complaints_by_service_area"
        );
        assert_eq!(
            breakdown_id("Repairs: contractors (2025)"),
            "breakdown_repairs_contractors_2025"
        );
    }
}
