//! What a complaints log gives: the counts per financial year, tenure and stage, and the measures made from them.
//!
//! This is the output type of [`super`]: [`Summary`] holds only counts (and category and refusal names, which are
//! the landlord's own labels), never a reference, a date or a row, so nothing personal in the log can reach what
//! is built from it. It holds counts, not rates: the rates are [`crate::measures::Ratio`]s made from these counts
//! where they are shown, so each travels with its numerator and denominator and is rounded by the site's one rule.
//! Totals are sums of counts, so they are the same whatever order the rows come in.

use std::collections::{BTreeMap, HashMap};

use serde::Serialize;

pub(crate) use super::counts::{ByStage, ByTenure, StageCounts};
use super::rules::{CaseFacts, FinancialYear, Stage, StageFacts};
use super::values::Tenure;

/// The homes a year's CH01 is worked out with, from the site's data/performance.toml: per tenure when the site
/// reports by tenure, or one figure for all social homes when it reports them combined.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub(crate) struct YearHomes {
    /// Low-cost rental homes (`[years.lcra] homes`).
    pub(crate) lcra: Option<u64>,
    /// Low-cost home ownership homes (`[years.lcho] homes`).
    pub(crate) lcho: Option<u64>,
    /// All social homes, for a site that reports them combined (`homes` in the year).
    pub(crate) combined: Option<u64>,
}

impl YearHomes {
    /// The CH01 denominator of a column of the summary: a tenure's homes for LCRA and LCHO; for all tenures
    /// together, the combined figure only (a site reporting by tenure has CH01 per tenure, and other tenures, in the
    /// totals, have none).
    pub(crate) fn for_column(&self, tenure: Option<Tenure>) -> Option<u64> {
        match tenure {
            Some(Tenure::Lcra) => self.lcra,
            Some(Tenure::Lcho) => self.lcho,
            Some(Tenure::Other) => None,
            None => self.combined,
        }
    }

    /// True when nothing is known.
    pub(crate) fn is_empty(&self) -> bool {
        *self == YearHomes::default()
    }
}

/// Homes per year label ("2025-26").
pub(crate) type Homes = BTreeMap<String, YearHomes>;

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

/// One quarter's counts, all tenures together: what a report's quarterly table shows.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub(crate) struct QuarterCounts {
    /// Received in the quarter.
    pub(crate) received: u64,
    /// Responded to in the quarter.
    pub(crate) responded: u64,
    /// Of those, within the Code's timescale.
    pub(crate) within_timescale: u64,
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
    /// The year by quarter (April to June first), all tenures, per stage.
    pub(crate) quarters: [ByStage<QuarterCounts>; 4],
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
    quarters: [ByStage<QuarterCounts>; 4],
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

/// A quarter (1 to 4) as an index into the year's quarters.
fn quarter_index(quarter: u8) -> usize {
    usize::from(quarter.clamp(1, 4)) - 1
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
                        received_quarter,
                        ack,
                        response,
                    } => {
                        let acc = years.entry(*received).or_default();
                        acc.quarters[quarter_index(*received_quarter)]
                            .get_mut(stage)
                            .received += 1;
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
                            let acc = years.entry(r.year).or_default();
                            acc.tenures
                                .get_mut(facts.tenure)
                                .get_mut(stage)
                                .count_response(r);
                            let q = acc.quarters[quarter_index(r.quarter)].get_mut(stage);
                            q.responded += 1;
                            q.within_timescale += u64::from(r.within_timescale);
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
                quarters: acc.quarters,
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
