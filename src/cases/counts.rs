//! The counts of one stage, tenure and year ([`StageCounts`]), grouped by stage and tenure. Only counts: the
//! measures made from them (CH01, CH02, shares, averages) are [`crate::measures::Ratio`]s made where they are shown,
//! as every measure of the site is, so this stage of the pipeline never divides.

use serde::Serialize;

use super::rules::{Ack, Response, Stage};
use super::values::{Outcome, Tenure};

/// The counts of one stage, for one tenure, in one year.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub(crate) struct StageCounts {
    /// Complaints received at this stage in the year (refusals not included): CH01's numerator.
    pub(crate) received: u64,
    /// Of those, acknowledged within 5 working days of receipt (Code 6.2, 6.11).
    pub(crate) acknowledged_within_5_days: u64,
    /// Of those, acknowledged later.
    pub(crate) acknowledged_late: u64,
    /// Of those, with no acknowledgement date.
    pub(crate) acknowledgement_missing: u64,
    /// Of those, with no response date in the log yet (still open when the log was exported).
    pub(crate) not_yet_responded: u64,
    /// Responses sent at this stage in the year: CH02's denominator.
    pub(crate) responded: u64,
    /// Of those, within the Code's timescale, extensions included: CH02's numerator.
    pub(crate) within_timescale: u64,
    /// Of those within timescale, the ones sent after the Code's deadline but within an agreed extension.
    pub(crate) within_extension: u64,
    /// Responses to complaints that had an agreed extension at this stage.
    pub(crate) extended: u64,
    /// Of those, extensions longer than 10 (stage 1) or 20 (stage 2) working days (Code 6.4, 6.15: only with good
    /// reason).
    pub(crate) extended_beyond_limit: u64,
    /// Responses upheld.
    pub(crate) upheld: u64,
    /// Responses partly upheld.
    pub(crate) partly_upheld: u64,
    /// Responses not upheld.
    pub(crate) not_upheld: u64,
    /// Working days from receipt to response, added up over the responses.
    pub(crate) working_days: u64,
}

impl StageCounts {
    pub(super) fn add(&mut self, other: &StageCounts) {
        self.received += other.received;
        self.acknowledged_within_5_days += other.acknowledged_within_5_days;
        self.acknowledged_late += other.acknowledged_late;
        self.acknowledgement_missing += other.acknowledgement_missing;
        self.not_yet_responded += other.not_yet_responded;
        self.responded += other.responded;
        self.within_timescale += other.within_timescale;
        self.within_extension += other.within_extension;
        self.extended += other.extended;
        self.extended_beyond_limit += other.extended_beyond_limit;
        self.upheld += other.upheld;
        self.partly_upheld += other.partly_upheld;
        self.not_upheld += other.not_upheld;
        self.working_days += other.working_days;
    }

    pub(super) fn count_received(&mut self, ack: Ack, answered: bool) {
        self.received += 1;
        match ack {
            Ack::Within => self.acknowledged_within_5_days += 1,
            Ack::Late => self.acknowledged_late += 1,
            Ack::Missing => self.acknowledgement_missing += 1,
        }
        if !answered {
            self.not_yet_responded += 1;
        }
    }

    pub(super) fn count_response(&mut self, r: &Response) {
        self.responded += 1;
        self.within_timescale += u64::from(r.within_timescale);
        self.within_extension += u64::from(r.within_extension);
        self.extended += u64::from(r.extended);
        self.extended_beyond_limit += u64::from(r.extended_beyond_limit);
        match r.outcome {
            Outcome::Upheld => self.upheld += 1,
            Outcome::PartlyUpheld => self.partly_upheld += 1,
            Outcome::NotUpheld => self.not_upheld += 1,
        }
        self.working_days += u64::from(r.working_days);
    }
}

/// A pair of values, one per stage.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub(crate) struct ByStage<T> {
    /// Stage 1.
    pub(crate) stage1: T,
    /// Stage 2.
    pub(crate) stage2: T,
}

impl<T> ByStage<T> {
    /// The value of `stage`.
    pub(crate) fn get(&self, stage: Stage) -> &T {
        match stage {
            Stage::One => &self.stage1,
            Stage::Two => &self.stage2,
        }
    }

    pub(super) fn get_mut(&mut self, stage: Stage) -> &mut T {
        match stage {
            Stage::One => &mut self.stage1,
            Stage::Two => &mut self.stage2,
        }
    }
}

/// The counts of one year, for each tenure.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub(crate) struct ByTenure {
    /// Low-cost rental accommodation.
    pub(crate) lcra: ByStage<StageCounts>,
    /// Low-cost home ownership.
    pub(crate) lcho: ByStage<StageCounts>,
    /// Any other tenure, or none recorded: in the totals only.
    pub(crate) other: ByStage<StageCounts>,
}

impl ByTenure {
    /// The counts of one tenure.
    pub(crate) fn get(&self, tenure: Tenure) -> &ByStage<StageCounts> {
        match tenure {
            Tenure::Lcra => &self.lcra,
            Tenure::Lcho => &self.lcho,
            Tenure::Other => &self.other,
        }
    }

    pub(super) fn get_mut(&mut self, tenure: Tenure) -> &mut ByStage<StageCounts> {
        match tenure {
            Tenure::Lcra => &mut self.lcra,
            Tenure::Lcho => &mut self.lcho,
            Tenure::Other => &mut self.other,
        }
    }

    /// Every tenure together.
    pub(crate) fn all(&self) -> ByStage<StageCounts> {
        let mut all = ByStage::<StageCounts>::default();
        for t in [&self.lcra, &self.lcho, &self.other] {
            all.stage1.add(&t.stage1);
            all.stage2.add(&t.stage2);
        }
        all
    }
}
