//! What a complaints log gives: the counts per financial year, tenure and stage, and the measures made from them.
//!
//! This is the output type of [`super`]: [`Summary`] holds only counts (and category and refusal names, which are
//! the landlord's own labels), never a reference, a date or a row, so nothing personal in the log can reach what
//! is built from it. Every rate is a [`Ratio`], so it travels with its numerator and denominator and is rounded by
//! the site's one rule. Totals are sums of counts, so they are the same whatever order the rows come in.

use std::collections::{BTreeMap, HashMap};

use serde::Serialize;

use super::rules::{Ack, CaseFacts, FinancialYear, Response, Stage, StageFacts};
use super::values::{Outcome, Tenure};
use crate::measures::Ratio;

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
    fn add(&mut self, other: &StageCounts) {
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

    fn count_received(&mut self, ack: Ack, answered: bool) {
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

    fn count_response(&mut self, r: &Response) {
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

    /// CH01: complaints received per 1,000 homes (TSM CH01 (1) and (2)).
    pub(crate) fn ch01(&self, homes: u64) -> Ratio {
        crate::measures::ch01(self.received, homes)
    }

    /// CH02: responses within the Code's timescale, as a percentage of responses (TSM CH02 (1) and (2)).
    pub(crate) fn ch02(&self) -> Ratio {
        Ratio::percent(self.within_timescale, self.responded)
    }

    /// Acknowledged within 5 working days, as a percentage of complaints received.
    pub(crate) fn acknowledged_on_time(&self) -> Ratio {
        Ratio::percent(self.acknowledged_within_5_days, self.received)
    }

    /// Responses on time only because of an agreed extension, as a percentage of responses.
    pub(crate) fn within_extension_share(&self) -> Ratio {
        Ratio::percent(self.within_extension, self.responded)
    }

    /// Responses with an agreed extension, as a percentage of responses.
    pub(crate) fn extended_share(&self) -> Ratio {
        Ratio::percent(self.extended, self.responded)
    }

    /// Extensions beyond the Code's limit, as a percentage of the responses that had an extension.
    pub(crate) fn beyond_limit_share(&self) -> Ratio {
        Ratio::percent(self.extended_beyond_limit, self.extended)
    }

    /// Average working days from receipt to response.
    pub(crate) fn average_working_days(&self) -> Ratio {
        Ratio::average(self.working_days, self.responded)
    }

    /// An outcome's share of the responses.
    pub(crate) fn outcome_share(&self, outcome: Outcome) -> Ratio {
        let n = match outcome {
            Outcome::Upheld => self.upheld,
            Outcome::PartlyUpheld => self.partly_upheld,
            Outcome::NotUpheld => self.not_upheld,
        };
        Ratio::percent(n, self.responded)
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

    fn get_mut(&mut self, stage: Stage) -> &mut T {
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

    fn get_mut(&mut self, tenure: Tenure) -> &mut ByStage<StageCounts> {
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

/// A label (a category, a refusal reason) and how many complaints carry it at each stage.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub(crate) struct Tally {
    /// The label, in the spelling most rows use.
    pub(crate) name: String,
    /// At stage 1.
    pub(crate) stage1: u64,
    /// At stage 2.
    pub(crate) stage2: u64,
}

/// Compensation offered in a year.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub(crate) struct Compensation {
    /// The total, in pence.
    pub(crate) pence: u64,
    /// How many complaints had any.
    pub(crate) complaints: u64,
}

/// Everything counted for one financial year.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct YearSummary {
    /// The year.
    pub(crate) year: FinancialYear,
    /// Rows that count in this year for anything (a row received in one year and answered in the next counts in
    /// both).
    pub(crate) rows_used: u64,
    /// Rows set aside because of an error, whose stage 1 received date falls in this year.
    pub(crate) rows_set_aside: u64,
    /// The counts per tenure and stage.
    pub(crate) tenures: ByTenure,
    /// Complaints received, by category and stage (largest first).
    pub(crate) categories: Vec<Tally>,
    /// Complaints received with no category, per stage.
    pub(crate) uncategorised: ByStage<u64>,
    /// Refusals by reason and stage (largest first): not accepted (stage 1), escalation refused (stage 2).
    pub(crate) refusals: Vec<Tally>,
    /// Compensation.
    pub(crate) compensation: Compensation,
}

/// How many rows the log had and what became of them. `read == used + set_aside`: no row drops out unseen.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub(crate) struct RowCounts {
    /// Rows below the header that were not blank.
    pub(crate) read: u64,
    /// Rows counted.
    pub(crate) used: u64,
    /// Rows with an error, reported and not counted.
    pub(crate) set_aside: u64,
    /// Blank rows, skipped.
    pub(crate) blank: u64,
}

/// What a complaints log gives.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Summary {
    /// The rows.
    pub(crate) rows: RowCounts,
    /// Each financial year with anything in it, oldest first.
    pub(crate) years: Vec<YearSummary>,
    /// Set-aside rows whose stage 1 received date could not be read, so they belong to no year.
    pub(crate) set_aside_without_year: u64,
}

#[derive(Debug, Default)]
struct YearAcc {
    rows_used: u64,
    rows_set_aside: u64,
    tenures: ByTenure,
    /// Counts per spelling, as the rows have it; spellings of one label are put together at the end.
    categories: HashMap<String, ByStage<u64>>,
    uncategorised: ByStage<u64>,
    refusals: HashMap<String, ByStage<u64>>,
    compensation: Compensation,
}

/// Labels that differ only in case and spacing are one label.
fn label_key(label: &str) -> String {
    label
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// The labels, their spellings put together, largest first. The name shown is the spelling most rows use (among
/// equals, the first in sort order), so it does not depend on the order of the rows.
fn tally(spellings: HashMap<String, ByStage<u64>>) -> Vec<Tally> {
    let mut labels: BTreeMap<String, Vec<(String, ByStage<u64>)>> = BTreeMap::new();
    for (spelling, counts) in spellings {
        labels
            .entry(label_key(&spelling))
            .or_default()
            .push((spelling, counts));
    }
    let mut v: Vec<Tally> = labels
        .into_values()
        .map(|mut spellings| {
            spellings.sort_by(|a, b| {
                let total = |c: &ByStage<u64>| c.stage1 + c.stage2;
                total(&b.1).cmp(&total(&a.1)).then_with(|| a.0.cmp(&b.0))
            });
            Tally {
                name: spellings[0].0.clone(),
                stage1: spellings.iter().map(|s| s.1.stage1).sum(),
                stage2: spellings.iter().map(|s| s.1.stage2).sum(),
            }
        })
        .collect();
    v.sort_by(|a, b| {
        (b.stage1 + b.stage2)
            .cmp(&(a.stage1 + a.stage2))
            .then_with(|| a.name.cmp(&b.name))
    });
    v
}

fn count_label(map: &mut HashMap<String, ByStage<u64>>, label: &str, stage: Stage) {
    match map.get_mut(label) {
        Some(counts) => *counts.get_mut(stage) += 1,
        None => {
            let mut counts = ByStage::default();
            *counts.get_mut(stage) += 1;
            map.insert(label.to_string(), counts);
        }
    }
}

impl Summary {
    /// Adds up the facts of the rows used, with the years of the rows set aside (`None` when a row's stage 1
    /// received date could not be read).
    pub(crate) fn build(
        used: &[CaseFacts],
        set_aside: &[Option<FinancialYear>],
        blank: u64,
    ) -> Summary {
        let mut years: BTreeMap<FinancialYear, YearAcc> = BTreeMap::new();
        for facts in used {
            let mut touched: Vec<FinancialYear> = Vec::new();
            let stages = [
                Some((Stage::One, &facts.stage1)),
                facts.stage2.as_ref().map(|s| (Stage::Two, s)),
            ];
            for (stage, stage_facts) in stages.into_iter().flatten() {
                match stage_facts {
                    StageFacts::Handled {
                        received,
                        ack,
                        response,
                    } => {
                        let acc = years.entry(*received).or_default();
                        acc.tenures
                            .get_mut(facts.tenure)
                            .get_mut(stage)
                            .count_received(*ack, response.is_some());
                        match &facts.category {
                            Some(c) => count_label(&mut acc.categories, c, stage),
                            None => *acc.uncategorised.get_mut(stage) += 1,
                        }
                        touched.push(*received);
                        if let Some(r) = response {
                            years
                                .entry(r.year)
                                .or_default()
                                .tenures
                                .get_mut(facts.tenure)
                                .get_mut(stage)
                                .count_response(r);
                            touched.push(r.year);
                        }
                    }
                    StageFacts::Refused { received, reason } => {
                        count_label(
                            &mut years.entry(*received).or_default().refusals,
                            reason,
                            stage,
                        );
                        touched.push(*received);
                    }
                }
            }
            if let Some((year, pence)) = facts.compensation {
                let c = &mut years.entry(year).or_default().compensation;
                c.pence += pence;
                c.complaints += 1;
                touched.push(year);
            }
            touched.sort();
            touched.dedup();
            for y in touched {
                years.entry(y).or_default().rows_used += 1;
            }
        }
        let mut without_year = 0;
        for year in set_aside {
            match year {
                Some(y) => years.entry(*y).or_default().rows_set_aside += 1,
                None => without_year += 1,
            }
        }
        let years = years
            .into_iter()
            .map(|(year, acc)| YearSummary {
                year,
                rows_used: acc.rows_used,
                rows_set_aside: acc.rows_set_aside,
                tenures: acc.tenures,
                categories: tally(acc.categories),
                uncategorised: acc.uncategorised,
                refusals: tally(acc.refusals),
                compensation: acc.compensation,
            })
            .collect();
        Summary {
            rows: RowCounts {
                read: (used.len() + set_aside.len()) as u64,
                used: used.len() as u64,
                set_aside: set_aside.len() as u64,
                blank,
            },
            years,
            set_aside_without_year: without_year,
        }
    }
}
