//! A year that names its complaints log takes its counts from it.
//!
//! The log's counts (from [`crate::cases`]) are laid into the year as if the landlord had typed them, each pointing
//! at the year's `cases` key, so every rule that judges typed counts judges these too, and the rest of the model
//! does not need to know where a count came from. The year itself gives what a log cannot (homes, TP09 and its
//! survey, remedies, breakdowns, targets); a count given both ways is an error naming each, since two sources for
//! one figure is how printed reports come to disagree with themselves.

use std::borrow::Cow;
use std::ops::Range;

use toml::Spanned;

use crate::cases::counts::{ByStage, StageCounts as LogStage};
use crate::cases::summary::{Tally, YearSummary};
use crate::data::performance::{
    Category, OtherData, Quarter, QuarterStage, Refusal, StageCounts, YearData,
};
use crate::data::CaseLog;
use crate::diagnostics::{Diagnostic, Diagnostics, SourceFile};

/// Where a year's counts came from, when from a log: what the page says beside the figures.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct CountedFrom {
    /// The log's path, as performance.toml gives it.
    pub(crate) path: String,
    /// Rows of the log that count in the year.
    pub(crate) rows_used: u64,
}

/// The name of the category row for complaints the log gives no category.
pub(crate) const UNCATEGORISED: &str = "No category recorded";

/// The year with its log's counts laid in (or the year as it is, when it names no log), and where they came from.
/// `None` when the log could not be counted or gives nothing for the year, or the year also gives a count the log
/// gives (all reported).
pub(super) fn apply<'a>(
    y: &'a YearData,
    logs: &[CaseLog],
    split: bool,
    src: &SourceFile,
    diags: &mut Diagnostics,
) -> Option<(Cow<'a, YearData>, Option<CountedFrom>)> {
    let Some(path) = &y.cases else {
        return Some((Cow::Borrowed(y), None));
    };
    let label = y.label.get_ref();
    let log = logs.iter().find(|l| &l.year == label)?;
    let summary = log.summary.as_ref()?;
    let Some(year) = summary.years.iter().find(|s| &s.year.label() == label) else {
        diags.push(
            Diagnostic::error(format!(
                "the complaints log `{}` has no complaint received or answered in {label}",
                path.get_ref()
            ))
            .at(src, path.span())
            .help("check that this is the log for the year, and that its dates are read the right way round ([cases] date_order in site.toml)"),
        );
        return None;
    };
    if !no_counts_given_twice(y, path, src, diags) {
        return None;
    }
    let at = path.span();
    let mut merged = y.clone();
    let stage = |s: &LogStage| log_stage(s, &at);
    if split {
        if let Some(t) = merged.lcra.as_mut() {
            t.stage1 = Some(stage(&year.tenures.lcra.stage1));
            t.stage2 = Some(stage(&year.tenures.lcra.stage2));
        }
        if let Some(t) = merged.lcho.as_mut() {
            t.stage1 = Some(stage(&year.tenures.lcho.stage1));
            t.stage2 = Some(stage(&year.tenures.lcho.stage2));
        }
        let other = &year.tenures.other;
        if other.stage1.received
            + other.stage1.responded
            + other.stage2.received
            + other.stage2.responded
            > 0
        {
            merged.other = Some(OtherData {
                stage1: stage(&other.stage1),
                stage2: stage(&other.stage2),
            });
        }
    } else {
        // A site that reports combined figures counts every complaint of its log in them: small landlords' logs
        // rarely say which tenure a complaint came from.
        let all: ByStage<LogStage> = year.tenures.all();
        merged.stage1 = Some(stage(&all.stage1));
        merged.stage2 = Some(stage(&all.stage2));
    }
    merged.categories = Some(categories(year, &at));
    merged.refusals = Some(refusals(&year.refusals, &at));
    merged.quarters = Some(quarters(year, &at));
    Some((
        Cow::Owned(merged),
        Some(CountedFrom {
            path: path.get_ref().clone(),
            rows_used: year.rows_used,
        }),
    ))
}

/// A year that names its log may not also give the counts the log gives: each is an error naming the key.
fn no_counts_given_twice(
    y: &YearData,
    path: &Spanned<String>,
    src: &SourceFile,
    diags: &mut Diagnostics,
) -> bool {
    let given = [
        ("stage1", y.stage1.is_some()),
        ("stage2", y.stage2.is_some()),
        (
            "lcra.stage1",
            y.lcra.as_ref().is_some_and(|t| t.stage1.is_some()),
        ),
        (
            "lcra.stage2",
            y.lcra.as_ref().is_some_and(|t| t.stage2.is_some()),
        ),
        (
            "lcho.stage1",
            y.lcho.as_ref().is_some_and(|t| t.stage1.is_some()),
        ),
        (
            "lcho.stage2",
            y.lcho.as_ref().is_some_and(|t| t.stage2.is_some()),
        ),
        ("other", y.other.is_some()),
        ("categories", y.categories.is_some()),
        ("refusals", y.refusals.is_some()),
        ("quarters", y.quarters.is_some()),
    ];
    let mut ok = true;
    for (key, present) in given {
        if present {
            ok = false;
            diags.push(
                Diagnostic::error(format!(
                    "{} gives `{key}`, but its counts come from the complaints log `{}`",
                    y.label.get_ref(),
                    path.get_ref()
                ))
                .at(src, y.label.span())
                .label("in this year")
                .help(format!("remove `{key}` from the year: the log gives it, and one figure must have one source (or remove `cases` to type every count in)")),
            );
        }
    }
    ok
}

/// The log's counts for one stage, as performance.toml would give them, each pointing at the `cases` key.
fn log_stage(s: &LogStage, at: &Range<usize>) -> StageCounts {
    let n = |v: u64| Spanned::new(at.clone(), v);
    StageCounts {
        received: n(s.received),
        responded: n(s.responded),
        within_timescale: n(s.within_timescale),
        within_extension: Some(n(s.within_extension)),
        acknowledged_on_time: Some(n(s.acknowledged_within_5_days)),
        working_days: n(s.working_days),
        extended: Some(n(s.extended)),
        upheld: n(s.upheld),
        partly_upheld: n(s.partly_upheld),
        not_upheld: n(s.not_upheld),
    }
}

/// The log's categories, and a row for complaints it gives none, so the categories add up to the total.
fn categories(year: &YearSummary, at: &Range<usize>) -> Vec<Category> {
    let mut out: Vec<Category> = year.categories.iter().map(|t| tally(t, at)).collect();
    let none = &year.uncategorised;
    if none.stage1 + none.stage2 > 0 {
        out.push(tally(
            &Tally {
                name: UNCATEGORISED.to_string(),
                stage1: none.stage1,
                stage2: none.stage2,
            },
            at,
        ));
    }
    out
}

fn tally(t: &Tally, at: &Range<usize>) -> Category {
    Category {
        name: Spanned::new(at.clone(), t.name.clone()),
        stage1: Spanned::new(at.clone(), t.stage1),
        stage2: Spanned::new(at.clone(), t.stage2),
    }
}

/// The log's refusals: a reason counted at both stages becomes one entry per stage.
fn refusals(list: &[Tally], at: &Range<usize>) -> Vec<Refusal> {
    let mut out = Vec::new();
    for (stage, pick) in [(1u8, 0usize), (2, 1)] {
        for t in list {
            let count = if pick == 0 { t.stage1 } else { t.stage2 };
            if count > 0 {
                out.push(Refusal {
                    reason: Spanned::new(at.clone(), t.name.clone()),
                    count: Spanned::new(at.clone(), count),
                    stage: Some(Spanned::new(at.clone(), stage)),
                });
            }
        }
    }
    out
}

fn quarters(year: &YearSummary, at: &Range<usize>) -> Vec<Quarter> {
    let n = |v: u64| Spanned::new(at.clone(), v);
    year.quarters
        .iter()
        .enumerate()
        .map(|(i, q)| Quarter {
            quarter: Spanned::new(at.clone(), i as u8 + 1),
            stage1: QuarterStage {
                received: n(q.stage1.received),
                responded: n(q.stage1.responded),
                within_timescale: n(q.stage1.within_timescale),
            },
            stage2: QuarterStage {
                received: n(q.stage2.received),
                responded: n(q.stage2.responded),
                within_timescale: n(q.stage2.within_timescale),
            },
        })
        .collect()
}
