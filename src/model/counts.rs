//! The rules a year's counts must keep: figures that cannot be (more responses on time than responses, more
//! stage 2 complaints than stage 1 could escalate, categories that do not add up to the total), the same row given
//! twice, and years that are missing, repeated or out of order.
//!
//! Printed reports get their own sums wrong (a headline total that disagrees with its table, more responses on time
//! than responses). Each rule below is one such mistake caught at build time, pointing at the number to fix. Counts
//! that are negative or not whole numbers never get this far: the data files read them as whole numbers, so serde
//! refuses them with "expected a count".

use crate::data::performance::{Count, PerformanceFile, StageCounts, YearData};
use crate::diagnostics::{Diagnostic, Diagnostics, SourceFile};

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
pub fn parse_year_label(label: &str) -> Option<u16> {
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

pub(super) fn check_year(
    y: &YearData,
    src: &SourceFile,
    is_report_year: bool,
    diags: &mut Diagnostics,
) {
    let label = y.label.get_ref();
    if *y.homes.get_ref() == 0 {
        diags.push(
            Diagnostic::error(format!("{label}: homes is 0"))
                .at(src, y.homes.span())
                .help("homes owned is the CH01 denominator and must be more than 0"),
        );
    }
    for (name, s) in [("stage1", &y.stage1), ("stage2", &y.stage2)] {
        check_stage(label, name, s, src, diags);
    }
    if y.stage2.received.get_ref() > y.stage1.responded.get_ref() {
        diags.push(
            Diagnostic::error(format!(
                "{label}: {} stage 2 complaints received, but only {} stage 1 responses could have been escalated",
                y.stage2.received.get_ref(),
                y.stage1.responded.get_ref()
            ))
            .at(src, y.stage2.received.span())
            .label("more than stage 1 could escalate")
            .help("check stage2.received and stage1.responded; a stage 2 complaint is an escalated stage 1 complaint"),
        );
    }
    if let Some(t) = &y.tp09 {
        if t.satisfied.get_ref() > t.surveyed.get_ref() {
            diags.push(
                Diagnostic::error(format!(
                    "{label}: {} satisfied out of {} surveyed",
                    t.satisfied.get_ref(),
                    t.surveyed.get_ref()
                ))
                .at(src, t.satisfied.span())
                .label("more than were surveyed")
                .help("tp09.satisfied counts the surveyed tenants who were satisfied, so it cannot exceed tp09.surveyed"),
            );
        }
    }
    if let Some(cats) = &y.categories {
        for (stage_name, pick, total) in [
            ("stage1", 0, &y.stage1.received),
            ("stage2", 1, &y.stage2.received),
        ] {
            let sum: u64 = cats
                .iter()
                .map(|c| {
                    if pick == 0 {
                        *c.stage1.get_ref()
                    } else {
                        *c.stage2.get_ref()
                    }
                })
                .sum();
            if sum != *total.get_ref() {
                diags.push(
                    Diagnostic::error(format!(
                        "{label}: the categories' {stage_name} counts add up to {sum}, but {stage_name}.received is {}",
                        total.get_ref()
                    ))
                    .at(src, total.span())
                    .label("the categories should add up to this")
                    .help("a headline total that disagrees with its table is the commonest error in printed reports; correct one or the other"),
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
    if let Some(refusals) = &y.refusals {
        super::repeats::report(
            refusals
                .iter()
                .map(|r| (r.reason.get_ref().as_str(), r.reason.span())),
            src,
            |v| format!("{label}: the refusal reason `{v}` is listed twice"),
            "give each reason once; add the counts together",
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
        for amount in remedies.iter().filter_map(|r| r.amount.as_ref()) {
            if !(amount.get_ref().is_finite() && *amount.get_ref() >= 0.0) {
                diags.push(
                    Diagnostic::error(format!(
                        "{label}: `{}` is not an amount of money paid",
                        amount.get_ref()
                    ))
                    .at(src, amount.span())
                    .label("expected 0 or more")
                    .help("amount is the total paid in pounds, such as 41380.00; leave it out where the remedy was not money"),
                );
            }
        }
    }
    if is_report_year {
        let missing = [
            (
                "categories",
                y.categories.is_none(),
                "[[years.categories]] tables saying what complaints were about",
                "8.1(b)",
            ),
            (
                "refusals",
                y.refusals.is_none(),
                "[[years.refusals]] tables, or `refusals = []` if none were refused",
                "8.1(b)",
            ),
            (
                "remedies",
                y.remedies.is_none(),
                "[[years.remedies]] tables, or `remedies = []` if none were given",
                "8.1(b)",
            ),
        ];
        for (key, absent, how, provision) in missing {
            if absent {
                diags.push(
                    Diagnostic::error(format!(
                        "{label} has no `{key}`: Code {provision} requires them in the report"
                    ))
                    .at(src, y.label.span())
                    .label("in this year")
                    .help(format!("add {how}")),
                );
            }
        }
    }
}

fn check_stage(
    label: &str,
    name: &str,
    s: &StageCounts,
    src: &SourceFile,
    diags: &mut Diagnostics,
) {
    let v = |c: &Count| *c.get_ref();
    if v(&s.within_timescale) > v(&s.responded) {
        diags.push(
            Diagnostic::error(format!(
                "{label} {name}: {} responses within timescale, but only {} responses",
                v(&s.within_timescale),
                v(&s.responded)
            ))
            .at(src, s.within_timescale.span())
            .label("more than responded")
            .help(
                "within_timescale counts the responses sent on time, so it cannot exceed responded",
            ),
        );
    }
    if let Some(ext) = &s.extended {
        if v(ext) > v(&s.responded) {
            diags.push(
                Diagnostic::error(format!("{label} {name}: {} extensions, but only {} responses", v(ext), v(&s.responded)))
                    .at(src, ext.span())
                    .label("more than responded")
                    .help("extended counts responses that used an extension, so it cannot exceed responded"),
            );
        }
    }
    let outcomes = v(&s.upheld) + v(&s.partly_upheld) + v(&s.not_upheld);
    if outcomes != v(&s.responded) {
        diags.push(
            Diagnostic::error(format!(
                "{label} {name}: upheld + partly_upheld + not_upheld = {outcomes}, but responded = {}",
                v(&s.responded)
            ))
            .at(src, s.upheld.span())
            .label("these three should add up to responded")
            .help("every response has one outcome; check the outcome counts against the number of responses"),
        );
    }
    if v(&s.responded) > 0 && v(&s.working_days) == 0 {
        diags.push(
            Diagnostic::warning(format!("{label} {name}: working_days is 0 although {} responses were sent", v(&s.responded)))
                .at(src, s.working_days.span())
                .help("working_days is the total working days taken across all responses; the average is computed from it"),
        );
    }
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
}
