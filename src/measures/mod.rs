//! The report's measures, computed from counts: CH01, CH02, TP09 (the Regulator of Social Housing's Tenant
//! Satisfaction Measures), escalation, outcomes, timeliness, the Ombudsman's maladministration rate, complaints per
//! transaction, and where a figure stands against its target and the sector's quartiles.
//!
//! Each function cites its definition. Every figure is a [`Ratio`], so it travels with its numerator and
//! denominator (the data downloads publish both) and is rounded by the one rule in [`ratio`].

pub(crate) mod ratio;

pub(crate) use ratio::Ratio;

use crate::model::ombudsman::{Findings, Outcome};
use crate::model::performance::{Group, Measure, StageCounts, Tp09, Year};

/// CH01, complaints relative to size: complaints received at a stage ÷ homes owned × 1,000, for each tenure
/// (TSM Technical Requirements, CH01 (1) stage one and (2) stage two, "as the Code defines a complaint": the
/// 15 March 2024 update made CH01 and CH02 follow the 2024 Code).
pub(crate) fn ch01(received: u64, homes: u64) -> Ratio {
    Ratio::per_thousand(received, homes)
}

/// CH02, complaints responded to within Code timescales: responses within timescale ÷ responses × 100 (TSM
/// Technical Requirements, CH02 (1) and (2); the timescales are the Code's: 10 working days from acknowledgement
/// at stage 1 (6.3) and 20 at stage 2 (6.14), or the end of an extension agreed under 6.4 and 6.15).
pub(crate) fn ch02(stage: &StageCounts) -> Ratio {
    Ratio::percent(stage.within_timescale, stage.responded)
}

/// TP09 as a figure: the published (weighted) result when there is one, else satisfied ÷ surveyed. The counts
/// are kept either way, so the downloads carry them beside the published figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Tp09Figure {
    /// Satisfied ÷ surveyed × 100.
    pub(crate) counts: Ratio,
    /// The survey's published result, in tenths, when weighted.
    pub(crate) published: Option<i64>,
}

impl Tp09Figure {
    /// The figure in tenths: the published one when weighted (a weighted result "need not equal satisfied ÷
    /// surveyed"), else the counts' own.
    pub(crate) fn tenths(&self) -> Option<i128> {
        self.published
            .map(i128::from)
            .or_else(|| self.counts.tenths())
    }
}

/// TP09, satisfaction with the landlord's approach to complaints handling, among tenants who complained in the
/// last 12 months (a tenant perception measure from the TSM survey).
pub(crate) fn tp09(t: &Tp09) -> Tp09Figure {
    Tp09Figure {
        counts: Ratio::percent(t.satisfied, t.surveyed),
        published: t.published,
    }
}

/// Escalation rate: stage 2 complaints received ÷ stage 1 responses × 100, all complaints. Stage 1 *responses*
/// rather than complaints received, because only a complaint that has had its stage 1 answer can be escalated.
pub(crate) fn escalation(year: &Year) -> Ratio {
    use crate::model::performance::Stage;
    Ratio::percent(
        year.all(Stage::Two).received,
        year.all(Stage::One).responded,
    )
}

/// Average working days to respond at a stage: total working days ÷ responses.
pub(crate) fn average_days(stage: &StageCounts) -> Ratio {
    Ratio::average(stage.working_days, stage.responded)
}

/// Share of responses whose timescale was extended, where recorded.
pub(crate) fn extended(stage: &StageCounts) -> Option<Ratio> {
    stage.extended.map(|e| Ratio::percent(e, stage.responded))
}

/// Share of complaints received that were acknowledged within 5 working days (Code 6.2 at stage 1, 6.11 at
/// stage 2).
pub(crate) fn acknowledged(stage: &StageCounts) -> Option<Ratio> {
    stage
        .acknowledged_on_time
        .map(|a| Ratio::percent(a, stage.received))
}

/// Share of responses with an outcome: `count ÷ responses × 100`.
pub(crate) fn outcome_share(count: u64, stage: &StageCounts) -> Ratio {
    Ratio::percent(count, stage.responded)
}

/// The Ombudsman's maladministration rate: "the number of findings of severe maladministration,
/// maladministration and service failure, expressed as a percentage of the total number of considered findings"
/// (the Ombudsman's landlord performance data, as quoted by Campbell Tickell, February 2024). Findings, not
/// determinations: one case can hold several findings. A complaint outside jurisdiction is not considered, so it
/// is in neither count.
pub(crate) fn maladministration_rate(f: &Findings) -> Ratio {
    let adverse: u64 = Outcome::ALL
        .iter()
        .filter(|o| o.is_adverse())
        .map(|o| f.of(*o))
        .sum();
    let considered = f.total() - f.of(Outcome::OutsideJurisdiction);
    Ratio::percent(adverse, considered)
}

/// Complaints per 1,000 transactions of a kind the landlord names (repairs completed, say).
pub(crate) fn per_thousand_transactions(complaints: u64, transactions: u64) -> Ratio {
    Ratio::per_thousand(complaints, transactions)
}

/// A measure's figure for a group in a year: its counts, and for a weighted TP09 the published figure in tenths,
/// which is the figure shown. `None` when there is no such group or no survey.
pub(crate) fn figure(year: &Year, group: Group, measure: Measure) -> Option<(Ratio, Option<i64>)> {
    let counts = year.group(group)?;
    Some(match measure {
        Measure::Ch01(stage) => (ch01(counts.stage(stage).received, counts.homes), None),
        Measure::Ch02(stage) => (ch02(counts.stage(stage)), None),
        Measure::Tp09 => {
            let f = tp09(&counts.tp09?);
            (f.counts, f.published)
        }
    })
}

/// A measure's figure for a group in a year, in tenths; `None` when it cannot be computed (nothing to divide by,
/// no survey, no such group).
pub(crate) fn value(year: &Year, group: Group, measure: Measure) -> Option<i128> {
    let (ratio, published) = figure(year, group, measure)?;
    published.map(i128::from).or_else(|| ratio.tenths())
}

/// Whether a figure meets its target: at most the target for CH01 (fewer complaints per 1,000 homes), at least
/// the target for the percentages. Compared in tenths, as both are shown.
pub(crate) fn meets_target(measure: Measure, value: i128, target: i64) -> bool {
    if measure.lower_is_better() {
        value <= i128::from(target)
    } else {
        value >= i128::from(target)
    }
}

/// Which quarter of landlords a figure falls in, counting from the lowest figures: 1 at or below the lower
/// quartile, 2 at or below the median, 3 at or below the upper quartile, 4 above it. Neutral on purpose: whether
/// low is good depends on the measure, and the page says which.
pub(crate) fn quarter(value: i128, quartiles: [i64; 3]) -> u8 {
    match quartiles.iter().position(|q| value <= i128::from(*q)) {
        Some(i) => i as u8 + 1,
        None => 4,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maladministration_rate_counts_findings_and_leaves_out_jurisdiction() {
        // 21 cases, 45 findings: the rate is over the 43 considered findings.
        let f = Findings {
            counts: [1, 14, 12, 6, 10, 2],
        };
        let r = maladministration_rate(&f);
        assert_eq!((r.numerator, r.denominator), (27, 43));
        assert_eq!(r.display().as_deref(), Some("62.8"));
    }

    #[test]
    fn quarters_count_from_the_lowest() {
        let q = [271, 380, 552];
        assert_eq!(quarter(200, q), 1);
        assert_eq!(quarter(271, q), 1);
        assert_eq!(quarter(272, q), 2);
        assert_eq!(quarter(552, q), 3);
        assert_eq!(quarter(553, q), 4);
    }

    #[test]
    fn targets_read_by_direction() {
        assert!(meets_target(
            Measure::Ch01(crate::model::performance::Stage::One),
            577,
            600
        ));
        assert!(!meets_target(
            Measure::Ch01(crate::model::performance::Stage::One),
            601,
            600
        ));
        assert!(meets_target(Measure::Tp09, 400, 400));
        assert!(!meets_target(Measure::Tp09, 399, 400));
    }

    #[test]
    fn weighted_tp09_is_the_published_figure() {
        let t = Tp09 {
            surveyed: 402,
            satisfied: 151,
            published: Some(368),
            sample_size: None,
        };
        assert_eq!(tp09(&t).tenths(), Some(368));
        assert_eq!(tp09(&t).counts.tenths(), Some(376));
        let unweighted = Tp09 {
            published: None,
            ..t
        };
        assert_eq!(tp09(&unweighted).tenths(), Some(376));
    }
}
