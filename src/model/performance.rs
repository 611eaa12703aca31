//! Years of complaint counts, checked for arithmetic that cannot be, as the pages read them.
//!
//! [`build`] applies the rules in `model/counts.rs` (one per mistake printed reports make) and the report-year
//! rules below, and turns the file into [`Year`]s only when none of them found an error.

use serde::Serialize;

use super::counts::{check_year, check_year_order};
use crate::data::performance::{PerformanceFile, StageCounts, YearData};
use crate::diagnostics::{Diagnostic, Diagnostics, SourceFile};

pub use super::counts::parse_year_label;

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
