//! The rules a year's counts must keep: the shape the tenure setting asks for, figures that cannot be (more
//! responses on time than responses, outcomes that do not add up to the responses), categories that do not add up
//! to the total, the same row given twice, and years that are missing, repeated or out of order.
//!
//! Printed reports get their own sums wrong (a headline total that disagrees with its table, more responses on time
//! than responses). Each rule below is one such mistake caught at build time, pointing at the number to fix. Counts
//! that are negative or not whole numbers never get this far: the data files read them as whole numbers, so serde
//! refuses them with "expected a count".

use std::ops::Range;

use super::site::TenureReporting;
use crate::data::performance::{Count, PerformanceFile, StageCounts, TenureData, YearData};
use crate::diagnostics::{Diagnostic, Diagnostics, SourceFile};

/// The Regulator's line between large and small providers: those that "own 1,000 or more social housing units"
/// report TSM information to the Regulator (letter to registered providers on data requirements for 2025-26,
/// 11 March 2025, Annex B). Issue 11 asks for CH01 and CH02 by tenure from this size; the Technical Requirements'
/// paragraphs on levels of reporting could not be read to confirm it, so the rule cites the issue and the letter.
/// (The Ombudsman's submission deadline uses "over 1,000 homes", a different line kept elsewhere.)
pub(crate) const LARGE_PROVIDER_HOMES: u64 = 1_000;

/// Year labels are "YYYY-YY", unique, consecutive and oldest first, so "year on year" always compares neighbours.
/// A repeat and a year out of order are errors; a missing year (a gap) is a warning, since the data may not exist.
pub(super) fn check_year_order(file: &PerformanceFile, src: &SourceFile, diags: &mut Diagnostics) {
    // The latest year so far: its start and its entry's label.
    let mut latest: Option<(u16, &toml::Spanned<String>)> = None;
    let mut seen: Vec<(u16, &toml::Spanned<String>)> = Vec::new();
    for y in &file.years {
        let label = y.label.get_ref();
        let Some(start) = parse_year_label(label) else {
            diags.push(
                Diagnostic::error(format!("`{label}` is not a year label"))
                    .at(src, y.label.span())
                    .label("expected a label such as \"2025-26\"")
                    .help("write the financial year as \"YYYY-YY\", e.g. label = \"2025-26\""),
            );
            continue;
        };
        if let Some((_, first)) = seen.iter().find(|(s, _)| *s == start) {
            let line = src.locate(first.span()).line;
            diags.push(
                Diagnostic::error(format!("`{label}` is given twice"))
                    .at(src, y.label.span())
                    .label(format!("also given on line {line}"))
                    .help("give each year one [[years]] table"),
            );
        } else if let Some((_, later)) = latest.filter(|(p, _)| start < *p) {
            diags.push(
                Diagnostic::error(format!(
                    "`{label}` comes after `{}`: years are listed oldest first",
                    later.get_ref()
                ))
                .at(src, y.label.span())
                .label("out of order")
                .help(format!(
                    "move this [[years]] table above the one for {}, so that each year is compared with the one before it",
                    later.get_ref()
                )),
            );
        } else if latest.is_some_and(|(p, _)| start > p + 1) {
            diags.push(
                Diagnostic::warning(format!("there is a gap before `{label}`"))
                    .at(src, y.label.span())
                    .help("year-on-year changes compare neighbouring entries; add the missing year if you have it"),
            );
        }
        seen.push((start, &y.label));
        // A year out of order is reported once; the next is compared with the latest year so far, so that one
        // misplaced year does not also read as a gap.
        if latest.is_none_or(|(p, _)| start > p) {
            latest = Some((start, &y.label));
        }
    }
}

/// "2025-26" → 2025; `None` unless the second part is the following year.
pub(crate) fn parse_year_label(label: &str) -> Option<u16> {
    let (a, b) = label.split_once(['-', '/', '–'])?;
    let start: u16 = a.trim().parse().ok()?;
    let end: u16 = b.trim().parse().ok()?;
    let follows = if b.trim().len() == 2 {
        end == (start + 1) % 100
    } else {
        end == start + 1
    };
    (a.trim().len() == 4 && follows).then_some(start)
}

/// The year has the shape site.toml's `[figures] tenure` asks for: `[years.lcra]` and `[years.lcho]` when split,
/// `homes` with `[years.stage1]` and `[years.stage2]` when combined, never both. A combined report year is refused
/// from 1,000 homes: the Regulator's large providers report CH01 and CH02 for each tenure (see
/// [`LARGE_PROVIDER_HOMES`]).
pub(super) fn check_shape(
    y: &YearData,
    tenure: TenureReporting,
    is_report_year: bool,
    src: &SourceFile,
    diags: &mut Diagnostics,
) {
    let label = y.label.get_ref();
    let at = y.label.span();
    let split_parts = [("lcra", y.lcra.is_some()), ("lcho", y.lcho.is_some())];
    let combined_parts = [
        ("homes", y.homes.is_some()),
        ("stage1", y.stage1.is_some()),
        ("stage2", y.stage2.is_some()),
        ("tp09", y.tp09.is_some()),
    ];
    let list = |parts: &[(&str, bool)], present: bool| -> Vec<String> {
        parts
            .iter()
            .filter(|(_, p)| *p == present)
            .map(|(k, _)| format!("`{k}`"))
            .collect()
    };
    match tenure {
        TenureReporting::Split => {
            let stray = list(&combined_parts, true);
            if !stray.is_empty() {
                diags.push(
                    Diagnostic::error(format!(
                        "{label} gives {} for all homes, but site.toml reports figures by tenure",
                        stray.join(", ")
                    ))
                    .at(src, at.clone())
                    .label("in this year")
                    .help("put homes, stage1, stage2 and tp09 under [years.lcra] and [years.lcho] (and complaints from anyone else under [years.other]), or set [figures] tenure = \"combined\" in site.toml if you own fewer than 1,000 homes"),
                );
            }
            for (name, t) in [("lcra", &y.lcra), ("lcho", &y.lcho)] {
                let Some(t) = t else { continue };
                for (stage, absent) in [
                    ("stage1", t.stage1.is_none()),
                    ("stage2", t.stage2.is_none()),
                ] {
                    if absent && y.cases.is_none() {
                        diags.push(
                            Diagnostic::error(format!("{label} {name} has no [years.{name}.{stage}] counts"))
                                .at(src, t.homes.span())
                                .label("in this tenure")
                                .help(format!("add [years.{name}.{stage}] with the year's counts, or name the year's complaints log with cases = \"private/complaints-{label}.csv\" to count them from it")),
                        );
                    }
                }
            }
            let missing = list(&split_parts, false);
            if !missing.is_empty() && stray.is_empty() {
                diags.push(
                    Diagnostic::error(format!(
                        "{label} has no {}: figures are reported for low-cost rental (LCRA) and low-cost home ownership (LCHO) separately",
                        missing.join(" or ")
                    ))
                    .at(src, at)
                    .label("in this year")
                    .help("add [years.lcra] and [years.lcho] tables, each with homes, [stage1] and [stage2] counts; a tenure with no homes has homes = 0 and zero counts"),
                );
            }
        }
        TenureReporting::Combined => {
            let stray = list(&split_parts, true);
            if !stray.is_empty() {
                diags.push(
                    Diagnostic::error(format!(
                        "{label} gives {}, but site.toml reports combined figures",
                        stray.join(" and ")
                    ))
                    .at(src, at.clone())
                    .label("in this year")
                    .help("set [figures] tenure = \"split\" in site.toml to report by tenure, or give homes, [years.stage1] and [years.stage2] for all homes"),
                );
            }
            let missing = list(&combined_parts[..3], false);
            if !missing.is_empty() && stray.is_empty() {
                diags.push(
                    Diagnostic::error(format!("{label} has no {}", missing.join(", ")))
                        .at(src, at.clone())
                        .label("in this year")
                        .help("give homes (owned at the end of the year) and [years.stage1] and [years.stage2] counts"),
                );
            }
            if let Some(homes) = &y.homes {
                if is_report_year && *homes.get_ref() >= LARGE_PROVIDER_HOMES {
                    diags.push(
                        Diagnostic::error(format!(
                            "{label}: {} homes, but site.toml reports combined figures",
                            homes.get_ref()
                        ))
                        .at(src, homes.span())
                        .label("1,000 or more homes")
                        .help("landlords with 1,000 or more homes report CH01 and CH02 for low-cost rental (LCRA) and low-cost home ownership (LCHO) separately: set [figures] tenure = \"split\" and give [years.lcra] and [years.lcho]"),
                    );
                }
            }
        }
    }
}

/// The present tenure blocks of a year, named: combined counts, or LCRA and LCHO, and the other complaints.
fn blocks(y: &YearData) -> Vec<(&'static str, &StageCounts, &StageCounts)> {
    let mut out = Vec::new();
    if let (Some(s1), Some(s2)) = (&y.stage1, &y.stage2) {
        out.push(("", s1, s2));
    }
    let tenures: [(&'static str, &Option<TenureData>); 2] = [("lcra", &y.lcra), ("lcho", &y.lcho)];
    for (name, t) in tenures {
        if let Some((Some(s1), Some(s2))) = t.as_ref().map(|t| (&t.stage1, &t.stage2)) {
            out.push((name, s1, s2));
        }
    }
    if let Some(o) = &y.other {
        out.push(("other", &o.stage1, &o.stage2));
    }
    out
}

/// The year's total at a stage, every tenure and other complaints together.
fn total(y: &YearData, stage: usize, pick: impl Fn(&StageCounts) -> u64) -> u64 {
    blocks(y)
        .iter()
        .map(|(_, s1, s2)| pick(if stage == 1 { s1 } else { s2 }))
        .sum()
}

/// The arithmetic rules of one year.
pub(super) fn check_year(
    y: &YearData,
    src: &SourceFile,
    is_report_year: bool,
    categories_overlap: bool,
    diags: &mut Diagnostics,
) {
    let label = y.label.get_ref();
    check_homes(y, src, diags);
    for (block, s1, s2) in blocks(y) {
        let place = if block.is_empty() {
            label.to_string()
        } else {
            format!("{label} {block}")
        };
        for (name, s) in [("stage1", s1), ("stage2", s2)] {
            check_stage(&place, name, s, src, is_report_year, diags);
        }
    }
    let received2 = total(y, 2, |s| *s.received.get_ref());
    let responded1 = total(y, 1, |s| *s.responded.get_ref());
    if received2 > responded1 {
        let at = y
            .stage2
            .as_ref()
            .or(y.lcra.as_ref().and_then(|t| t.stage2.as_ref()))
            .map_or(y.label.span(), |s| s.received.span());
        diags.push(
            Diagnostic::warning(format!(
                "{label}: {received2} stage 2 complaints received, more than the {responded1} stage 1 responses sent in the year"
            ))
            .at(src, at)
            .label("more than stage 1 answered this year")
            .help("this can happen when stage 1 answers from the year before were escalated this year; if not, check the stage 2 and stage 1 counts"),
        );
    }
    check_tp09(y, src, diags);
    if let Some(cats) = &y.categories {
        check_categories(y, cats, src, categories_overlap, diags);
    }
    if let Some(refusals) = &y.refusals {
        for r in refusals {
            if let Some(stage) = &r.stage {
                if !(1..=2).contains(stage.get_ref()) {
                    diags.push(
                        Diagnostic::error(format!("{label}: stage {} is not a stage of the complaints procedure", stage.get_ref()))
                            .at(src, stage.span())
                            .label("expected 1 or 2")
                            .help("stage = 1 for complaints not accepted (Code 2.1-2.5), stage = 2 for escalations refused (Code 5.11)"),
                    );
                }
            }
        }
        super::repeats::report(
            refusals
                .iter()
                .filter(|r| r.stage.as_ref().is_none_or(|s| *s.get_ref() == 1))
                .map(|r| (r.reason.get_ref().as_str(), r.reason.span())),
            src,
            |v| format!("{label}: the refusal reason `{v}` is listed twice"),
            "give each reason once for each stage; add the counts together",
            diags,
        );
        super::repeats::report(
            refusals
                .iter()
                .filter(|r| r.stage.as_ref().is_some_and(|s| *s.get_ref() == 2))
                .map(|r| (r.reason.get_ref().as_str(), r.reason.span())),
            src,
            |v| format!("{label}: the stage 2 refusal reason `{v}` is listed twice"),
            "give each reason once for each stage; add the counts together",
            diags,
        );
    }
    if let Some(remedies) = &y.remedies {
        super::repeats::report(
            remedies
                .iter()
                .map(|r| (r.kind.get_ref().as_str(), r.kind.span())),
            src,
            |v| format!("{label}: the remedy `{v}` is listed twice"),
            "give each kind of remedy once; add the cases (and amounts) together",
            diags,
        );
    }
    if is_report_year {
        let missing = [
            (
                "categories",
                y.categories.is_none(),
                "[[years.categories]] tables saying what complaints were about",
            ),
            (
                "refusals",
                y.refusals.is_none(),
                "[[years.refusals]] tables, or `refusals = []` if none were refused",
            ),
            (
                "remedies",
                y.remedies.is_none(),
                "[[years.remedies]] tables, or `remedies = []` if none were given",
            ),
        ];
        for (key, absent, how) in missing {
            if absent {
                diags.push(
                    Diagnostic::error(format!(
                        "{label} has no `{key}`: Code 8.1(b) requires them in the report"
                    ))
                    .at(src, y.label.span())
                    .label("in this year")
                    .help(format!("add {how}")),
                );
            }
        }
    }
}

/// A tenure with no homes cannot have complaints from its tenants, and a combined figure needs some homes.
fn check_homes(y: &YearData, src: &SourceFile, diags: &mut Diagnostics) {
    let label = y.label.get_ref();
    if let Some(homes) = &y.homes {
        if *homes.get_ref() == 0 {
            diags.push(
                Diagnostic::error(format!("{label}: homes is 0"))
                    .at(src, homes.span())
                    .help("homes owned is the CH01 denominator and must be more than 0"),
            );
        }
    }
    let tenures: [(&str, &Option<TenureData>); 2] = [("lcra", &y.lcra), ("lcho", &y.lcho)];
    for (name, t) in tenures {
        let Some(t) = t else { continue };
        let complaints: u64 = [&t.stage1, &t.stage2]
            .into_iter()
            .flatten()
            .map(|s| *s.received.get_ref())
            .sum();
        if *t.homes.get_ref() == 0 && complaints > 0 {
            diags.push(
                Diagnostic::error(format!(
                    "{label} {name}: {complaints} complaints received from tenants of no homes"
                ))
                .at(src, t.homes.span())
                .label("homes is 0")
                .help(format!("give the {name} homes owned at the end of the year, or count these complaints under the tenure they came from")),
            );
        }
    }
    if let (Some(a), Some(b)) = (&y.lcra, &y.lcho) {
        if *a.homes.get_ref() == 0 && *b.homes.get_ref() == 0 {
            diags.push(
                Diagnostic::error(format!("{label}: no homes of either tenure"))
                    .at(src, a.homes.span())
                    .help("homes owned are the CH01 denominators; give the homes of each tenure owned at the end of the year"),
            );
        }
    }
}

fn check_stage(
    place: &str,
    name: &str,
    s: &StageCounts,
    src: &SourceFile,
    is_report_year: bool,
    diags: &mut Diagnostics,
) {
    let v = |c: &Count| *c.get_ref();
    let mut at_most = |count: &Count, key: &str, limit: &Count, limit_key: &str, help: &str| {
        if v(count) > v(limit) {
            diags.push(
                Diagnostic::error(format!(
                    "{place} {name}: {key} is {}, more than {limit_key} ({})",
                    v(count),
                    v(limit)
                ))
                .at(src, count.span())
                .label(format!("more than {limit_key}"))
                .help(help.to_string()),
            );
        }
    };
    at_most(
        &s.within_timescale,
        "within_timescale",
        &s.responded,
        "responded",
        "within_timescale counts the responses sent on time, so it cannot exceed responded",
    );
    if let Some(ext) = &s.within_extension {
        at_most(
            ext,
            "within_extension",
            &s.within_timescale,
            "within_timescale",
            "within_extension counts the on-time responses that needed an agreed extension, so it is part of within_timescale",
        );
    }
    if let Some(ack) = &s.acknowledged_on_time {
        at_most(
            ack,
            "acknowledged_on_time",
            &s.received,
            "received",
            "acknowledged_on_time counts the complaints received in the year that were acknowledged within 5 working days",
        );
    }
    if let Some(ext) = &s.extended {
        at_most(
            ext,
            "extended",
            &s.responded,
            "responded",
            "extended counts responses that used an extension, so it cannot exceed responded",
        );
    }
    let outcomes = v(&s.upheld) + v(&s.partly_upheld) + v(&s.not_upheld);
    if outcomes != v(&s.responded) {
        diags.push(
            Diagnostic::error(format!(
                "{place} {name}: upheld + partly_upheld + not_upheld = {outcomes}, but responded = {}",
                v(&s.responded)
            ))
            .at(src, s.upheld.span())
            .label("these three should add up to responded")
            .help("every response has one outcome; check the outcome counts against the number of responses"),
        );
    }
    if v(&s.responded) > 0 && v(&s.working_days) == 0 {
        diags.push(
            Diagnostic::warning(format!("{place} {name}: working_days is 0 although {} responses were sent", v(&s.responded)))
                .at(src, s.working_days.span())
                .help("working_days is the total working days taken across all responses; the average is computed from it"),
        );
    }
    if is_report_year {
        // Issue 11 asks that the report year records both, per stage: the page states how extensions were
        // counted (Code 6.4, 6.15) and how many complaints were acknowledged on time (Code 6.2, 6.11).
        for (key, value, what) in [
            (
                "within_extension",
                s.within_extension.is_none(),
                "the on-time responses that needed an extension agreed under the Code (6.4, 6.15)",
            ),
            (
                "acknowledged_on_time",
                s.acknowledged_on_time.is_none(),
                "the complaints acknowledged within 5 working days (Code 6.2, 6.11)",
            ),
        ] {
            if value {
                diags.push(
                    Diagnostic::error(format!("{place} {name} has no `{key}`"))
                        .at(src, s.received.span())
                        .label("in this stage")
                        .help(format!("add {key} = ..., counting {what}; the performance page states how the Code's timescales were applied")),
                );
            }
        }
    }
}

/// Weighted TP09 figures need their counts to be possible; the survey summary is judged in `figures`.
fn check_tp09(y: &YearData, src: &SourceFile, diags: &mut Diagnostics) {
    let label = y.label.get_ref();
    let tenures = [
        ("", y.tp09.as_ref()),
        ("lcra ", y.lcra.as_ref().and_then(|t| t.tp09.as_ref())),
        ("lcho ", y.lcho.as_ref().and_then(|t| t.tp09.as_ref())),
    ];
    for (name, t) in tenures {
        let Some(t) = t else { continue };
        if t.satisfied.get_ref() > t.surveyed.get_ref() {
            diags.push(
                Diagnostic::error(format!(
                    "{label} {name}tp09: {} satisfied out of {} surveyed",
                    t.satisfied.get_ref(),
                    t.surveyed.get_ref()
                ))
                .at(src, t.satisfied.span())
                .label("more than were surveyed")
                .help("tp09.satisfied counts the surveyed tenants who were satisfied, so it cannot exceed tp09.surveyed"),
            );
        }
        if let Some(p) = &t.published {
            if !(0..=1000).contains(&p.get_ref().tenths) {
                diags.push(
                    Diagnostic::error(format!("{label} {name}tp09: a published figure of {} is not a percentage", p.get_ref().tenths as f64 / 10.0))
                        .at(src, p.span())
                        .label("expected 0 to 100")
                        .help("published is the TP09 percentage as the weighted survey reported it, such as 36.8"),
                );
            }
        }
        if let (Some(sample), true) = (&t.sample_size, t.surveyed.get_ref() > &0) {
            if t.surveyed.get_ref() > sample.get_ref() {
                diags.push(
                    Diagnostic::error(format!(
                        "{label} {name}tp09: {} answered TP09, but the survey had {} responses",
                        t.surveyed.get_ref(),
                        sample.get_ref()
                    ))
                    .at(src, t.surveyed.span())
                    .label("more than responded to the survey")
                    .help("sample_size is every response to the survey from this tenure; surveyed is those who had complained and answered TP09"),
                );
            }
        }
    }
}

fn check_categories(
    y: &YearData,
    cats: &[crate::data::performance::Category],
    src: &SourceFile,
    overlap: bool,
    diags: &mut Diagnostics,
) {
    let label = y.label.get_ref();
    let at: Range<usize> = cats.first().map_or(y.label.span(), |c| c.name.span());
    for stage in [1, 2] {
        let sum: u64 = cats
            .iter()
            .map(|c| *if stage == 1 { &c.stage1 } else { &c.stage2 }.get_ref())
            .sum();
        let received = total(y, stage, |s| *s.received.get_ref());
        let problem = if overlap {
            (sum < received).then(|| format!("{label}: the categories' stage{stage} counts add up to {sum}, fewer than the {received} stage {stage} complaints received"))
        } else {
            (sum != received).then(|| format!("{label}: the categories' stage{stage} counts add up to {sum}, but {received} stage {stage} complaints were received"))
        };
        if let Some(message) = problem {
            let help = if overlap {
                "with overlapping categories each complaint is in at least one category, so they add up to the total or more; give every complaint a category (\"Other\" if need be)"
            } else if sum > received {
                "a headline total that disagrees with its table is the commonest error in printed reports; correct one or the other, or set [figures] categories_overlap = true in site.toml if one complaint can be in several categories"
            } else {
                "a headline total that disagrees with its table is the commonest error in printed reports; correct one or the other (\"Other\" holds complaints in no category)"
            };
            diags.push(
                Diagnostic::error(message)
                    .at(src, at.clone())
                    .label("the categories should add up to the complaints received")
                    .help(help),
            );
        }
    }
    super::repeats::report(
        cats.iter()
            .map(|c| (c.name.get_ref().as_str(), c.name.span())),
        src,
        |v| format!("{label}: the category `{v}` is listed twice"),
        "give each category once; add the counts together",
        diags,
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::toml_doc;
    use crate::diagnostics::Severity;

    /// Years with these labels and no complaints, as performance.toml would hold them.
    fn years(labels: &[&str]) -> (PerformanceFile, SourceFile) {
        let stage = "received = 0\nresponded = 0\nwithin_timescale = 0\nworking_days = 0\nupheld = 0\npartly_upheld = 0\nnot_upheld = 0\n";
        let text: String = labels
            .iter()
            .map(|l| {
                format!("[[years]]\nlabel = \"{l}\"\nhomes = 1\n[years.stage1]\n{stage}[years.stage2]\n{stage}")
            })
            .collect();
        let src = SourceFile::new("data/performance.toml", "p", text);
        let file = toml_doc::load(&src, &mut Diagnostics::new()).expect("valid test data");
        (file, src)
    }

    fn order(labels: &[&str]) -> Vec<(Severity, String, Option<String>)> {
        let (file, src) = years(labels);
        let mut diags = Diagnostics::new();
        check_year_order(&file, &src, &mut diags);
        diags
            .sorted()
            .into_iter()
            .map(|d| (d.severity, d.message.clone(), d.label.clone()))
            .collect()
    }

    #[test]
    fn consecutive_years_oldest_first_are_fine() {
        assert!(order(&["2023-24", "2024-25", "2025-26"]).is_empty());
    }

    #[test]
    fn a_missing_year_is_a_warning() {
        let d = order(&["2023-24", "2025-26"]);
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].0, Severity::Warning);
        assert_eq!(d[0].1, "there is a gap before `2025-26`");
    }

    #[test]
    fn a_year_out_of_order_is_one_error_and_no_gap() {
        let d = order(&["2024-25", "2023-24", "2025-26"]);
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(d[0].0, Severity::Error);
        assert_eq!(
            d[0].1,
            "`2023-24` comes after `2024-25`: years are listed oldest first"
        );
    }

    #[test]
    fn a_year_given_twice_names_the_first() {
        let d = order(&["2024-25", "2024-25", "2025-26"]);
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(d[0].1, "`2024-25` is given twice");
        assert_eq!(d[0].2.as_deref(), Some("also given on line 2"));
    }

    #[test]
    fn the_combined_shape_is_refused_from_1000_homes() {
        let (file, src) = years(&["2025-26"]);
        let mut y = file.years[0].clone();
        y.homes = Some(toml::Spanned::new(0..0, 1_000));
        let mut diags = Diagnostics::new();
        check_shape(&y, TenureReporting::Combined, true, &src, &mut diags);
        assert!(diags.sorted()[0]
            .message
            .contains("1000 homes, but site.toml reports combined figures"));
        let mut diags = Diagnostics::new();
        y.homes = Some(toml::Spanned::new(0..0, 999));
        check_shape(&y, TenureReporting::Combined, true, &src, &mut diags);
        assert!(diags.is_empty());
    }
}
