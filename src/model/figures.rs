//! The optional parts real reports add to a year, judged and made typed: the survey summary behind TP09, quarters,
//! further breakdowns, complaints per transaction, targets and sector comparisons.
//!
//! Each is optional, and each is checked like the counts: quarters must add up to the year, a breakdown to the
//! complaints it claims to cover, a target must be a possible figure, sector quartiles must be in order.

use std::collections::BTreeSet;

use super::performance::{
    Breakdown, BreakdownRow, Covers, Group, Measure, Quarter, Sector, StageCounts, Survey, Target,
    Transactions, Weighting, Year,
};
use super::repeats;
use super::site::TenureReporting;
use crate::data::performance::{
    BreakdownData, QuarterStage, SectorData, StageCounts as StageData, SurveyData, Targets,
    TransactionData, YearData,
};
use crate::diagnostics::{did_you_mean, Diagnostic, Diagnostics, SourceFile};

/// Rules for the optional parts of one year.
pub(super) fn check_year(
    y: &YearData,
    src: &SourceFile,
    is_report_year: bool,
    categories_overlap: bool,
    diags: &mut Diagnostics,
) {
    check_survey(y, src, is_report_year, diags);
    if let Some(quarters) = &y.quarters {
        check_quarters(y, quarters, src, diags);
    }
    check_breakdowns(y, src, diags);
    check_transactions(y, src, categories_overlap, diags);
    if let Some(t) = &y.targets {
        check_targets(y, t, src, diags);
    }
}

/// The summary of approach the Regulator requires "alongside each set of tenant perception measures" (Tenant
/// Survey Requirements, paragraphs 35-38, items a to k: achieved sample size, timing, collection method, sample
/// method, representativeness, weighting, contractors, and where they apply, the reasons for a shortfall or for
/// exclusions and any incentives; letter to registered providers on data requirements for 2025-26, Annex B). A
/// TP09 figure without it is a warning naming the requirement; a weighted figure with "no weighting" is an error.
fn check_survey(y: &YearData, src: &SourceFile, is_report_year: bool, diags: &mut Diagnostics) {
    let label = y.label.get_ref();
    let tp09s: Vec<&crate::data::performance::Tp09> = [
        y.tp09.as_ref(),
        y.lcra.as_ref().and_then(|t| t.tp09.as_ref()),
        y.lcho.as_ref().and_then(|t| t.tp09.as_ref()),
    ]
    .into_iter()
    .flatten()
    .collect();
    let Some(s) = &y.survey else {
        if is_report_year && !tp09s.is_empty() {
            diags.push(
                Diagnostic::warning(format!(
                    "{label} publishes TP09 without a summary of how the survey was carried out"
                ))
                .at(src, y.label.span())
                .label("in this year")
                .help("the Regulator requires a summary of the survey approach alongside perception measures (Tenant Survey Requirements, paragraph 35): add [years.survey] with carried_out_by, from, to, method, sample, representativeness and weighting, and sample_size in each tp09"),
            );
        }
        return;
    };
    if let (Some(from), Some(to)) = (&s.from, &s.to) {
        if to.get_ref() < from.get_ref() {
            diags.push(
                Diagnostic::error(format!("{label}: the survey ends before it starts"))
                    .at(src, to.span())
                    .help("from is the first day of fieldwork and to the last"),
            );
        }
    }
    let weighted = s.weighting.as_ref().map(|w| !is_unweighted(w.get_ref()));
    for t in &tp09s {
        if let (Some(p), Some(false)) = (&t.published, weighted) {
            diags.push(
                Diagnostic::error(format!(
                    "{label}: a published TP09 figure is given, but the survey's weighting is \"{}\"",
                    s.weighting.as_ref().map_or("", |w| w.get_ref().as_str())
                ))
                .at(src, p.span())
                .label("a weighted figure")
                .help("an unweighted TP09 is satisfied ÷ surveyed, which redress computes: remove published, or describe the weighting in [years.survey] weighting"),
            );
        }
        if t.published.is_none() && weighted == Some(true) {
            diags.push(
                Diagnostic::warning(format!(
                    "{label}: the survey was weighted, but a tp09 has no published figure"
                ))
                .at(src, t.surveyed.span())
                .help("give the weighted TP09 result as published = 36.8, so the page shows the figure the survey reported beside the counts"),
            );
        }
    }
    if !is_report_year || tp09s.is_empty() {
        return;
    }
    let mut missing: Vec<&str> = [
        ("carried_out_by", s.carried_out_by.is_none()),
        ("from", s.from.is_none()),
        ("to", s.to.is_none()),
        ("method", s.method.is_none()),
        ("sample", s.sample.is_none()),
        ("representativeness", s.representativeness.is_none()),
        ("weighting", s.weighting.is_none()),
    ]
    .into_iter()
    .filter(|(_, m)| *m)
    .map(|(k, _)| k)
    .collect();
    if tp09s.iter().any(|t| t.sample_size.is_none()) {
        missing.push("sample_size (in each tp09)");
    }
    if !missing.is_empty() {
        diags.push(
            Diagnostic::warning(format!(
                "{label}: the survey summary does not give {}",
                missing.join(", ")
            ))
            .at(src, y.label.span())
            .label("in this year")
            .help("the Regulator's Tenant Survey Requirements (paragraph 35) list what the summary of approach must include; add what is missing to [years.survey]"),
        );
    }
}

/// "none", "unweighted", "no weighting" and the like.
fn is_unweighted(text: &str) -> bool {
    let t = text.trim().trim_end_matches('.').to_lowercase();
    matches!(
        t.as_str(),
        "none" | "unweighted" | "no weighting" | "not weighted" | "no" | "n/a"
    ) || t.starts_with("none")
        || t.starts_with("unweighted")
        || t.starts_with("not weighted")
        || t.starts_with("no weighting")
}

/// The survey summary as typed values.
pub(super) fn survey(s: &SurveyData) -> Survey {
    let text =
        |v: &Option<toml::Spanned<String>>| v.as_ref().map(|v| v.get_ref().trim().to_string());
    Survey {
        carried_out_by: text(&s.carried_out_by),
        from: s.from.as_ref().map(|d| *d.get_ref()),
        to: s.to.as_ref().map(|d| *d.get_ref()),
        method: text(&s.method),
        sample: text(&s.sample),
        representativeness: s.representativeness.clone(),
        weighting: s.weighting.as_ref().map(|w| {
            if is_unweighted(w.get_ref()) {
                Weighting::None
            } else {
                Weighting::Weighted(w.get_ref().trim().to_string())
            }
        }),
        incentives: s.incentives.clone(),
        exclusions: s.exclusions.clone(),
    }
}

/// Quarters 1 to 4, each once, adding up to the year's totals at each stage.
fn check_quarters(
    y: &YearData,
    quarters: &[crate::data::performance::Quarter],
    src: &SourceFile,
    diags: &mut Diagnostics,
) {
    let label = y.label.get_ref();
    let mut seen = BTreeSet::new();
    for q in quarters {
        let n = *q.quarter.get_ref();
        if !(1..=4).contains(&n) {
            diags.push(
                Diagnostic::error(format!("{label}: quarter {n} is not a quarter of the year"))
                    .at(src, q.quarter.span())
                    .label("expected 1 to 4")
                    .help("quarter 1 is April to June, 2 July to September, 3 October to December, 4 January to March"),
            );
        } else if !seen.insert(n) {
            diags.push(
                Diagnostic::error(format!("{label}: quarter {n} is given twice"))
                    .at(src, q.quarter.span())
                    .help("give each quarter once"),
            );
        }
        for (name, s) in [("stage1", &q.stage1), ("stage2", &q.stage2)] {
            if s.within_timescale.get_ref() > s.responded.get_ref() {
                diags.push(
                    Diagnostic::error(format!(
                        "{label} quarter {n} {name}: {} within timescale, but only {} responses",
                        s.within_timescale.get_ref(),
                        s.responded.get_ref()
                    ))
                    .at(src, s.within_timescale.span())
                    .label("more than responded")
                    .help("within_timescale counts the quarter's responses sent on time"),
                );
            }
        }
    }
    let first = quarters
        .first()
        .map_or(y.label.span(), |q| q.quarter.span());
    let missing: Vec<String> = (1..=4u8)
        .filter(|n| !seen.contains(n))
        .map(|n| n.to_string())
        .collect();
    if !missing.is_empty()
        && quarters
            .iter()
            .all(|q| (1..=4).contains(q.quarter.get_ref()))
    {
        diags.push(
            Diagnostic::error(format!(
                "{label}: quarter {} is missing",
                missing.join(" and ")
            ))
            .at(src, first)
            .help("give all four quarters, so that they add up to the year"),
        );
        return;
    }
    type Pick = fn(&QuarterStage) -> u64;
    type PickYear = fn(&StageData) -> u64;
    let keys: [(&str, Pick, PickYear); 3] = [
        (
            "received",
            |s| *s.received.get_ref(),
            |s| *s.received.get_ref(),
        ),
        (
            "responded",
            |s| *s.responded.get_ref(),
            |s| *s.responded.get_ref(),
        ),
        (
            "within_timescale",
            |s| *s.within_timescale.get_ref(),
            |s| *s.within_timescale.get_ref(),
        ),
    ];
    for stage in [1usize, 2] {
        for (key, pick, pick_year) in keys {
            let sum: u64 = quarters
                .iter()
                .map(|q| pick(if stage == 1 { &q.stage1 } else { &q.stage2 }))
                .sum();
            let year = year_total(y, stage, pick_year);
            if sum != year {
                diags.push(
                    Diagnostic::error(format!(
                        "{label}: the quarters' stage{stage} {key} add up to {sum}, but the year's is {year}"
                    ))
                    .at(src, first.clone())
                    .label("the quarters should add up to the year")
                    .help("each quarter counts the complaints of its three months; check the quarter that is out"),
                );
            }
        }
    }
}

/// Every complaint of the year at a stage (both tenures, or the combined counts, and any others).
fn year_total(y: &YearData, stage: usize, pick: impl Fn(&StageData) -> u64) -> u64 {
    let pick_stage = |a: &StageData, b: &StageData| pick(if stage == 1 { a } else { b });
    let mut sum = 0;
    if let (Some(a), Some(b)) = (&y.stage1, &y.stage2) {
        sum += pick_stage(a, b);
    }
    for t in [&y.lcra, &y.lcho].into_iter().flatten() {
        if let (Some(a), Some(b)) = (&t.stage1, &t.stage2) {
            sum += pick_stage(a, b);
        }
    }
    if let Some(o) = &y.other {
        sum += pick_stage(&o.stage1, &o.stage2);
    }
    sum
}

/// The quarters as typed values, in order.
pub(super) fn quarters(qs: &[crate::data::performance::Quarter]) -> Vec<Quarter> {
    let stage = |s: &QuarterStage| StageCounts {
        received: *s.received.get_ref(),
        responded: *s.responded.get_ref(),
        within_timescale: *s.within_timescale.get_ref(),
        ..StageCounts::default()
    };
    let mut out: Vec<Quarter> = qs
        .iter()
        .map(|q| Quarter {
            number: *q.quarter.get_ref(),
            stage1: stage(&q.stage1),
            stage2: stage(&q.stage2),
        })
        .collect();
    out.sort_by_key(|q| q.number);
    out
}

fn covers(b: &BreakdownData) -> Option<Covers> {
    match b.covers.as_ref().map(|c| c.get_ref().trim().to_lowercase()) {
        None => Some(Covers::All),
        Some(c) if c == "all" => Some(Covers::All),
        Some(c) if c == "some" => Some(Covers::Some),
        Some(c) if c == "overlapping" => Some(Covers::Overlapping),
        Some(_) => None,
    }
}

/// Each breakdown's rows add up as its `covers` says: exactly to the year's complaints received, to at most them
/// ("some"), or to at least them ("overlapping").
fn check_breakdowns(y: &YearData, src: &SourceFile, diags: &mut Diagnostics) {
    let label = y.label.get_ref();
    repeats::report(
        y.breakdowns
            .iter()
            .map(|b| (b.title.get_ref().as_str(), b.title.span())),
        src,
        |v| format!("{label}: the breakdown `{v}` is given twice"),
        "give each breakdown once",
        diags,
    );
    for b in &y.breakdowns {
        let Some(covers) = covers(b) else {
            let value = b
                .covers
                .as_ref()
                .map_or(String::new(), |c| c.get_ref().clone());
            diags.push(
                Diagnostic::error(format!("`{value}` is not a way a breakdown can cover the year's complaints"))
                    .at(src, b.covers.as_ref().map_or(b.title.span(), |c| c.span()))
                    .label("expected \"all\", \"some\" or \"overlapping\"")
                    .help("covers = \"all\" when every complaint is in one row, \"some\" when some are in none (a list of contractors), \"overlapping\" when one complaint can be in several rows"),
            );
            continue;
        };
        if b.rows.is_empty() {
            diags.push(
                Diagnostic::error(format!("{label}: the breakdown `{}` has no rows", b.title.get_ref()))
                    .at(src, b.title.span())
                    .help("add [[years.breakdowns.rows]] tables with name, stage1 and stage2, or remove the breakdown"),
            );
            continue;
        }
        for stage in [1usize, 2] {
            let sum: u64 = b
                .rows
                .iter()
                .map(|r| *if stage == 1 { &r.stage1 } else { &r.stage2 }.get_ref())
                .sum();
            let received = year_total(y, stage, |s| *s.received.get_ref());
            let wrong = match covers {
                Covers::All => sum != received,
                Covers::Some => sum > received,
                Covers::Overlapping => sum < received,
            };
            if wrong {
                let expected = match covers {
                    Covers::All => "exactly",
                    Covers::Some => "at most",
                    Covers::Overlapping => "at least",
                };
                diags.push(
                    Diagnostic::error(format!(
                        "{label}: the rows of `{}` add up to {sum} stage {stage} complaints, but should add up to {expected} the {received} received",
                        b.title.get_ref()
                    ))
                    .at(src, b.title.span())
                    .label("in this breakdown")
                    .help("check the rows against the year's totals; set covers = \"some\" if the rows cover only part of the complaints, or \"overlapping\" if a complaint can be in several rows"),
                );
            }
        }
        repeats::report(
            b.rows
                .iter()
                .map(|r| (r.name.get_ref().as_str(), r.name.span())),
            src,
            |v| format!("{label}: `{v}` is listed twice in `{}`", b.title.get_ref()),
            "give each row once; add the counts together",
            diags,
        );
    }
}

/// A breakdown as typed values; its `covers` was checked by [`check_breakdowns`].
pub(super) fn breakdown(b: &BreakdownData) -> (String, Breakdown) {
    let breakdown = Breakdown {
        covers: covers(b).unwrap_or(Covers::All),
        rows: b
            .rows
            .iter()
            .map(|r| BreakdownRow {
                name: r.name.get_ref().clone(),
                stage1: *r.stage1.get_ref(),
                stage2: *r.stage2.get_ref(),
            })
            .collect(),
    };
    (b.title.get_ref().clone(), breakdown)
}

/// Complaints per 1,000 transactions need the transactions and the complaints: a named category's stage 1
/// complaints, or a count given directly, never both.
fn check_transactions(y: &YearData, src: &SourceFile, _overlap: bool, diags: &mut Diagnostics) {
    let label = y.label.get_ref();
    let categories: Vec<&str> = y
        .categories
        .iter()
        .flatten()
        .map(|c| c.name.get_ref().as_str())
        .collect();
    for t in &y.transactions {
        if *t.count.get_ref() == 0 {
            diags.push(
                Diagnostic::error(format!("{label}: `{}` has a count of 0", t.name.get_ref()))
                    .at(src, t.count.span())
                    .help("count is how many of these transactions there were in the year, the figure complaints are measured against"),
            );
        }
        match (&t.category, &t.complaints) {
            (Some(c), Some(n)) => diags.push(
                Diagnostic::error(format!(
                    "{label}: `{}` gives both a category and a number of complaints",
                    t.name.get_ref()
                ))
                .at(src, n.span())
                .help(format!("give category = \"{}\" to count that category's stage 1 complaints, or complaints = N, not both", c.get_ref())),
            ),
            (None, None) => diags.push(
                Diagnostic::error(format!(
                    "{label}: `{}` does not say which complaints to count",
                    t.name.get_ref()
                ))
                .at(src, t.name.span())
                .help("add category = \"Repairs and maintenance\" (a category of this year), or complaints = N"),
            ),
            (Some(c), None) => {
                let found = categories
                    .iter()
                    .any(|n| repeats::normalise(n) == repeats::normalise(c.get_ref()));
                if !found {
                    let hint = did_you_mean(c.get_ref(), categories.iter().copied())
                        .map_or(String::new(), |s| format!("did you mean \"{s}\"? "));
                    diags.push(
                        Diagnostic::error(format!("`{}` is not a category of {label}", c.get_ref()))
                            .at(src, c.span())
                            .label("unknown category")
                            .help(format!("{hint}name one of the year's [[years.categories]], or give complaints = N instead")),
                    );
                }
            }
            (None, Some(_)) => {}
        }
    }
    repeats::report(
        y.transactions
            .iter()
            .map(|t| (t.name.get_ref().as_str(), t.name.span())),
        src,
        |v| format!("{label}: the transactions `{v}` are given twice"),
        "give each kind of transaction once",
        diags,
    );
}

/// Transactions as typed values, their complaints taken from the named category.
pub(super) fn transactions(t: &TransactionData, y: &YearData) -> Transactions {
    let category = t.category.as_ref().map(|c| c.get_ref().clone());
    let complaints = match (&t.complaints, &category) {
        (Some(n), _) => *n.get_ref(),
        (None, Some(name)) => y
            .categories
            .iter()
            .flatten()
            .find(|c| repeats::normalise(c.name.get_ref()) == repeats::normalise(name))
            .map_or(0, |c| *c.stage1.get_ref()),
        (None, None) => 0,
    };
    Transactions {
        name: t.name.get_ref().clone(),
        count: *t.count.get_ref(),
        complaints,
        category,
    }
}

/// The targets of the year, each a possible figure for its measure.
fn check_targets(y: &YearData, t: &Targets, src: &SourceFile, diags: &mut Diagnostics) {
    let label = y.label.get_ref();
    for (measure, value) in target_list(t) {
        let tenths = value.get_ref().tenths;
        let bad = tenths < 0 || (measure.is_percentage() && tenths > 1000);
        if bad {
            diags.push(
                Diagnostic::error(format!(
                    "{label}: a {} target of {} is not a possible figure",
                    measure.key(),
                    crate::data::figure::Figure { tenths }
                ))
                .at(src, value.span())
                .label(if measure.is_percentage() { "expected 0 to 100" } else { "expected 0 or more" })
                .help("a target is the figure the landlord aims for, as published: a percentage for CH02 and TP09, complaints per 1,000 homes for CH01"),
            );
        }
    }
}

fn target_list(t: &Targets) -> Vec<(Measure, &toml::Spanned<crate::data::figure::Figure>)> {
    use super::performance::Stage;
    [
        (Measure::Ch01(Stage::One), &t.ch01_stage1),
        (Measure::Ch01(Stage::Two), &t.ch01_stage2),
        (Measure::Ch02(Stage::One), &t.ch02_stage1),
        (Measure::Ch02(Stage::Two), &t.ch02_stage2),
        (Measure::Tp09, &t.tp09),
    ]
    .into_iter()
    .filter_map(|(m, v)| v.as_ref().map(|v| (m, v)))
    .collect()
}

/// The targets as typed values.
pub(super) fn targets(t: &Targets) -> Vec<Target> {
    target_list(t)
        .into_iter()
        .map(|(measure, v)| Target {
            measure,
            tenths: v.get_ref().tenths,
        })
        .collect()
}

/// Sector comparisons, checked: a known measure, a group the site reports, quartiles in order and possible, and
/// each measure and group once.
pub(super) fn sector(
    list: &[SectorData],
    src: &SourceFile,
    tenure: TenureReporting,
    current: &Year,
    diags: &mut Diagnostics,
) -> Vec<Sector> {
    let mut out: Vec<Sector> = Vec::new();
    for s in list {
        let Some(measure) = Measure::parse(s.measure.get_ref()) else {
            let keys = Measure::ALL.map(Measure::key);
            let hint = did_you_mean(s.measure.get_ref(), keys)
                .map_or(String::new(), |k| format!("did you mean `{k}`? "));
            diags.push(
                Diagnostic::error(format!(
                    "`{}` is not a measure redress compares",
                    s.measure.get_ref()
                ))
                .at(src, s.measure.span())
                .label("unknown measure")
                .help(format!("{hint}the measures are: {}", keys.join(", "))),
            );
            continue;
        };
        let group = match (
            s.tenure.as_ref().map(|t| t.get_ref().trim().to_lowercase()),
            tenure,
        ) {
            (None, TenureReporting::Split) => Some(Group::Lcra),
            (None, TenureReporting::Combined) => Some(Group::Combined),
            (Some(t), TenureReporting::Split) if t == "lcra" => Some(Group::Lcra),
            (Some(t), TenureReporting::Split) if t == "lcho" => Some(Group::Lcho),
            (Some(t), _) if t == "combined" => Some(Group::Combined),
            _ => None,
        };
        let Some(group) = group.filter(|g| {
            !(measure == Measure::Tp09 && *g == Group::Combined && tenure == TenureReporting::Split)
        }) else {
            let span = s.tenure.as_ref().map_or(s.measure.span(), |t| t.span());
            let allowed = match tenure {
                TenureReporting::Split if measure == Measure::Tp09 => {
                    "\"lcra\" or \"lcho\" (TP09 has no combined figure when reported by tenure)"
                }
                TenureReporting::Split => "\"lcra\", \"lcho\" or \"combined\"",
                TenureReporting::Combined => "\"combined\" (site.toml reports combined figures)",
            };
            diags.push(
                Diagnostic::error(format!(
                    "`{}` is not a tenure this comparison can be made with",
                    s.tenure.as_ref().map_or("", |t| t.get_ref().as_str())
                ))
                .at(src, span)
                .help(format!("use tenure = {allowed}")),
            );
            continue;
        };
        let q = [&s.lower_quartile, &s.median, &s.upper_quartile];
        let tenths = q.map(|v| v.get_ref().tenths);
        if !(tenths[0] <= tenths[1] && tenths[1] <= tenths[2]) {
            diags.push(
                Diagnostic::error(format!(
                    "the {} quartiles are not in order: lower quartile, median, upper quartile",
                    measure.key()
                ))
                .at(src, s.median.span())
                .label("out of order")
                .help("the lower quartile is at most the median, and the median at most the upper quartile; check they are copied into the right keys"),
            );
        }
        for v in q {
            let t = v.get_ref().tenths;
            if t < 0 || (measure.is_percentage() && t > 1000) {
                diags.push(
                    Diagnostic::error(format!(
                        "{} is not a possible {} figure",
                        crate::data::figure::Figure { tenths: t },
                        measure.key()
                    ))
                    .at(src, v.span())
                    .label(if measure.is_percentage() {
                        "expected 0 to 100"
                    } else {
                        "expected 0 or more"
                    })
                    .help("copy the figures as the Regulator or the Ombudsman published them"),
                );
            }
        }
        if super::counts::parse_year_label(s.year.get_ref()).is_none() {
            diags.push(
                Diagnostic::error(format!("`{}` is not a year label", s.year.get_ref()))
                    .at(src, s.year.span())
                    .help("the year the sector figures are for, as \"YYYY-YY\""),
            );
        }
        if s.source.get_ref().trim().is_empty() {
            diags.push(
                Diagnostic::error("a sector comparison does not say where its figures come from")
                    .at(src, s.source.span())
                    .help("name the publication: source = \"Regulator of Social Housing, Tenant Satisfaction Measures 2024-25, landlords with 1,000 or more homes\""),
            );
        }
        if let Some(first) = out
            .iter()
            .find(|o| o.measure == measure && o.group == group)
        {
            diags.push(
                Diagnostic::error(format!(
                    "the {} comparison for this tenure is given twice",
                    first.measure.key()
                ))
                .at(src, s.measure.span())
                .help("give one [[sector]] table for each measure and tenure"),
            );
            continue;
        }
        if measure == Measure::Tp09 && current.group(group).and_then(|g| g.tp09).is_none() {
            diags.push(
                Diagnostic::warning(format!(
                    "a TP09 comparison is given, but {} has no TP09 for this tenure",
                    current.label
                ))
                .at(src, s.measure.span())
                .help("add the year's TP09 survey results, or remove the comparison"),
            );
        }
        out.push(Sector {
            measure,
            group,
            quartiles: tenths,
            source: s.source.get_ref().trim().to_string(),
            year: s.year.get_ref().clone(),
            illustrative: s.illustrative,
        });
    }
    out
}
