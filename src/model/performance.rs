//! Years of complaint counts, checked for arithmetic that cannot be.
//!
//! Printed reports get their own sums wrong (a headline total that disagrees with its table, more responses on time
//! than responses). Each rule below is one such mistake caught at build time, pointing at the number to fix.

use serde::Serialize;

use crate::data::performance::{Count, PerformanceFile, StageCounts, YearData};
use crate::diagnostics::{Diagnostic, Diagnostics, SourceFile};

/// One year's checked counts.
#[derive(Debug, Clone, Serialize)]
pub struct Year {
    /// "2025-26".
    pub label: String,
    /// Homes owned at the end of the year.
    pub homes: u64,
    /// Stage 1.
    pub stage1: Stage,
    /// Stage 2.
    pub stage2: Stage,
    /// TP09 survey counts, when surveyed.
    pub tp09: Option<Survey>,
    /// Complaints by subject (name, stage 1, stage 2), in the file's order.
    pub categories: Option<Vec<CategoryCount>>,
    /// Refusals by reason; `Some(vec![])` means "none".
    pub refusals: Option<Vec<ReasonCount>>,
    /// Remedies given.
    pub remedies: Option<Vec<RemedyCount>>,
}

/// Counts for one stage.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct Stage {
    /// Received.
    pub received: u64,
    /// Responded to.
    pub responded: u64,
    /// Responded to within the Code's timescale.
    pub within_timescale: u64,
    /// Total working days across responses.
    pub working_days: u64,
    /// Responses that used an extension.
    pub extended: Option<u64>,
    /// Upheld.
    pub upheld: u64,
    /// Partly upheld.
    pub partly_upheld: u64,
    /// Not upheld.
    pub not_upheld: u64,
}

/// TP09 counts.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct Survey {
    /// Who answered.
    pub surveyed: u64,
    /// Who were satisfied.
    pub satisfied: u64,
}

/// Complaints about one subject.
#[derive(Debug, Clone, Serialize)]
pub struct CategoryCount {
    /// Subject.
    pub name: String,
    /// Stage 1.
    pub stage1: u64,
    /// Stage 2.
    pub stage2: u64,
}

/// Refusals for one reason.
#[derive(Debug, Clone, Serialize)]
pub struct ReasonCount {
    /// Reason.
    pub reason: String,
    /// How many.
    pub count: u64,
}

/// One kind of remedy.
#[derive(Debug, Clone, Serialize)]
pub struct RemedyCount {
    /// Kind.
    pub kind: String,
    /// Cases.
    pub cases: u64,
    /// Pounds, where money.
    pub amount: Option<f64>,
}

/// Checks the file and turns it into years, oldest first. `report_label` is the period from site.toml.
pub fn build(
    file: &PerformanceFile,
    src: &SourceFile,
    report_label: Option<&str>,
    diags: &mut Diagnostics,
) -> Vec<Year> {
    let before = diags.error_count();
    if file.years.is_empty() {
        diags.push(
            Diagnostic::error("no years in data/performance.toml")
                .in_file(src)
                .help("add a [[years]] table for the report year (and up to four earlier years to compare)"),
        );
        return Vec::new();
    }
    check_year_order(file, src, diags);
    let last = file.years.len() - 1;
    for (i, y) in file.years.iter().enumerate() {
        check_year(y, src, i == last, diags);
    }
    if let (Some(want), Some(last)) = (report_label, file.years.last()) {
        if last.label.get_ref() != want {
            diags.push(
                Diagnostic::error(format!(
                    "the last year here is `{}`, but site.toml's period is `{want}`",
                    last.label.get_ref()
                ))
                .at(src, last.label.span())
                .label("should be the report year")
                .help("list years oldest first, ending with the report year named in site.toml [period] label"),
            );
        }
    }
    if diags.error_count() > before {
        return Vec::new();
    }
    file.years.iter().map(year).collect()
}

fn year(y: &YearData) -> Year {
    Year {
        label: y.label.get_ref().clone(),
        homes: *y.homes.get_ref(),
        stage1: stage(&y.stage1),
        stage2: stage(&y.stage2),
        tp09: y.tp09.as_ref().map(|t| Survey {
            surveyed: *t.surveyed.get_ref(),
            satisfied: *t.satisfied.get_ref(),
        }),
        categories: y.categories.as_ref().map(|cs| {
            cs.iter()
                .map(|c| CategoryCount {
                    name: c.name.get_ref().clone(),
                    stage1: *c.stage1.get_ref(),
                    stage2: *c.stage2.get_ref(),
                })
                .collect()
        }),
        refusals: y.refusals.as_ref().map(|rs| {
            rs.iter()
                .map(|r| ReasonCount {
                    reason: r.reason.get_ref().clone(),
                    count: *r.count.get_ref(),
                })
                .collect()
        }),
        remedies: y.remedies.as_ref().map(|rs| {
            rs.iter()
                .map(|r| RemedyCount {
                    kind: r.kind.get_ref().clone(),
                    cases: *r.cases.get_ref(),
                    amount: r.amount.as_ref().map(|a| *a.get_ref()),
                })
                .collect()
        }),
    }
}

fn stage(s: &StageCounts) -> Stage {
    Stage {
        received: *s.received.get_ref(),
        responded: *s.responded.get_ref(),
        within_timescale: *s.within_timescale.get_ref(),
        working_days: *s.working_days.get_ref(),
        extended: s.extended.as_ref().map(|e| *e.get_ref()),
        upheld: *s.upheld.get_ref(),
        partly_upheld: *s.partly_upheld.get_ref(),
        not_upheld: *s.not_upheld.get_ref(),
    }
}

/// Year labels are "YYYY-YY", unique, consecutive and oldest first, so "year on year" always compares neighbours.
fn check_year_order(file: &PerformanceFile, src: &SourceFile, diags: &mut Diagnostics) {
    let mut previous: Option<u16> = None;
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
        if let Some(p) = previous {
            if start <= p {
                diags.push(
                    Diagnostic::error(format!("`{label}` is out of order or repeated"))
                        .at(src, y.label.span())
                        .help("list the [[years]] oldest first, each year once"),
                );
            } else if start != p + 1 {
                diags.push(
                    Diagnostic::warning(format!("there is a gap before `{label}`"))
                        .at(src, y.label.span())
                        .help("year-on-year changes compare neighbouring entries; add the missing year if you have it"),
                );
            }
        }
        previous = Some(start);
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

fn check_year(y: &YearData, src: &SourceFile, is_report_year: bool, diags: &mut Diagnostics) {
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
        let mut seen = std::collections::BTreeSet::new();
        for c in cats {
            if !seen.insert(c.name.get_ref().to_lowercase()) {
                diags.push(
                    Diagnostic::error(format!(
                        "{label}: the category `{}` is listed twice",
                        c.name.get_ref()
                    ))
                    .at(src, c.name.span())
                    .help("give each category once; add the counts together"),
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
    use super::parse_year_label;

    #[test]
    fn year_labels() {
        assert_eq!(parse_year_label("2025-26"), Some(2025));
        assert_eq!(parse_year_label("2099-00"), Some(2099));
        assert_eq!(parse_year_label("2025/2026"), Some(2025));
        assert_eq!(parse_year_label("2025-27"), None);
        assert_eq!(parse_year_label("25-26"), None);
    }
}
