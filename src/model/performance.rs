//! Years of complaint counts, checked, as typed values: per tenure and stage, with the survey behind TP09 and the
//! year's breakdowns, targets and quarters.
//!
//! [`build`] applies the rules in [`super::counts`] (arithmetic that cannot be) and [`super::figures`] (the
//! optional parts real reports add), and turns the file into [`Year`]s only when none of them found an error.

use super::counts::{check_shape, check_year, check_year_order};
use super::figures;
use super::site::TenureReporting;
use crate::data::date::Date;
use crate::data::money::Money;
use crate::data::performance::{self as file, PerformanceFile, YearData};
use crate::diagnostics::{Diagnostic, Diagnostics, SourceFile};

/// The two tenures the Regulator's measures are reported for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Group {
    /// Low-cost rental accommodation.
    Lcra,
    /// Low-cost home ownership.
    Lcho,
    /// Both together: a site that reports combined figures, or the combined figure shown beside the split.
    Combined,
}

/// A stage of the complaints procedure (Code section 6).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Stage {
    /// Stage 1 (Code 6.1-6.9).
    One,
    /// Stage 2, the landlord's final response (Code 6.10-6.20).
    Two,
}

impl Stage {
    /// Both stages, in order.
    pub(crate) const BOTH: [Stage; 2] = [Stage::One, Stage::Two];
}

/// One year's checked figures.
#[derive(Debug, Clone)]
pub(crate) struct Year {
    /// "2025-26".
    pub(crate) label: String,
    /// Counts by tenure.
    pub(crate) tenures: Tenures,
    /// Complaints from people who hold neither tenure: in the totals, in no TSM.
    pub(crate) other: Option<StagePair>,
    /// How the TP09 survey was carried out.
    pub(crate) survey: Option<Survey>,
    /// What complaints were about.
    pub(crate) categories: Option<Breakdown>,
    /// Refusals by reason and stage; `Some(vec![])` means "none".
    pub(crate) refusals: Option<Vec<Refusal>>,
    /// Remedies given.
    pub(crate) remedies: Option<Vec<Remedy>>,
    /// The year's counts by quarter, in order.
    pub(crate) quarters: Option<Vec<Quarter>>,
    /// Further breakdowns, each with the landlord's title.
    pub(crate) breakdowns: Vec<(String, Breakdown)>,
    /// Complaints relative to transactions.
    pub(crate) transactions: Vec<Transactions>,
    /// The landlord's targets.
    pub(crate) targets: Vec<Target>,
    /// The complaints log the counts were made from, when the year names one.
    pub(crate) counted_from: Option<super::case_log::CountedFrom>,
}

/// The counts of a year, by tenure or combined (site.toml's `[figures] tenure`).
// A report holds at most five years, so the split variant's extra size costs nothing worth a box.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone)]
pub(crate) enum Tenures {
    /// Low-cost rental and low-cost home ownership separately.
    Split {
        /// Low-cost rental accommodation.
        lcra: TenureCounts,
        /// Low-cost home ownership.
        lcho: TenureCounts,
    },
    /// All social homes together.
    Combined(TenureCounts),
}

/// One tenure's (or all social homes') counts in a year.
#[derive(Debug, Clone, Default)]
pub(crate) struct TenureCounts {
    /// Homes owned at the end of the year.
    pub(crate) homes: u64,
    /// Stage 1.
    pub(crate) stage1: StageCounts,
    /// Stage 2.
    pub(crate) stage2: StageCounts,
    /// TP09, when surveyed.
    pub(crate) tp09: Option<Tp09>,
}

/// A pair of stages' counts, for complaints outside the two tenures.
#[derive(Debug, Clone, Default)]
pub(crate) struct StagePair {
    /// Stage 1.
    pub(crate) stage1: StageCounts,
    /// Stage 2.
    pub(crate) stage2: StageCounts,
}

/// Counts for one stage.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct StageCounts {
    /// Received in the year.
    pub(crate) received: u64,
    /// Responded to in the year.
    pub(crate) responded: u64,
    /// Of those, within the Code's timescale (including within an agreed extension).
    pub(crate) within_timescale: u64,
    /// Of those, within an extension agreed under the Code; `None` where not recorded.
    pub(crate) within_extension: Option<u64>,
    /// Complaints acknowledged within 5 working days; `None` where not recorded.
    pub(crate) acknowledged_on_time: Option<u64>,
    /// Total working days across responses.
    pub(crate) working_days: u64,
    /// Responses whose timescale was extended; `None` where not recorded.
    pub(crate) extended: Option<u64>,
    /// Upheld.
    pub(crate) upheld: u64,
    /// Partly upheld.
    pub(crate) partly_upheld: u64,
    /// Not upheld.
    pub(crate) not_upheld: u64,
}

impl StageCounts {
    /// The counts of two groups together. A count one of them did not record is unrecorded in the sum too.
    pub(crate) fn plus(&self, o: &StageCounts) -> StageCounts {
        let both = |a: Option<u64>, b: Option<u64>| Some(a? + b?);
        StageCounts {
            received: self.received + o.received,
            responded: self.responded + o.responded,
            within_timescale: self.within_timescale + o.within_timescale,
            within_extension: both(self.within_extension, o.within_extension),
            acknowledged_on_time: both(self.acknowledged_on_time, o.acknowledged_on_time),
            working_days: self.working_days + o.working_days,
            extended: both(self.extended, o.extended),
            upheld: self.upheld + o.upheld,
            partly_upheld: self.partly_upheld + o.partly_upheld,
            not_upheld: self.not_upheld + o.not_upheld,
        }
    }
}

/// TP09 survey results for one tenure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Tp09 {
    /// Tenants who complained in the last 12 months and answered.
    pub(crate) surveyed: u64,
    /// Of those, very or fairly satisfied.
    pub(crate) satisfied: u64,
    /// The published (weighted) figure in tenths of a percent, when the survey was weighted.
    pub(crate) published: Option<i64>,
    /// Responses to the whole survey from this tenure.
    pub(crate) sample_size: Option<u64>,
}

/// The survey's approach, as far as the landlord gave it.
#[derive(Debug, Clone, Default)]
pub(crate) struct Survey {
    /// Who carried it out.
    pub(crate) carried_out_by: Option<String>,
    /// First day of fieldwork.
    pub(crate) from: Option<Date>,
    /// Last day of fieldwork.
    pub(crate) to: Option<Date>,
    /// How responses were collected.
    pub(crate) method: Option<String>,
    /// How tenants were chosen.
    pub(crate) sample: Option<String>,
    /// How representative the responses were.
    pub(crate) representativeness: Option<String>,
    /// The weighting applied.
    pub(crate) weighting: Option<Weighting>,
    /// Incentives offered.
    pub(crate) incentives: Option<String>,
    /// Tenants left out, and why.
    pub(crate) exclusions: Option<String>,
}

/// Whether the published perception figures were weighted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Weighting {
    /// Unweighted: each figure is satisfied ÷ surveyed.
    None,
    /// Weighted, by the method described.
    Weighted(String),
}

/// A breakdown of the year's complaints: by category, by service area, by contractor.
#[derive(Debug, Clone)]
pub(crate) struct Breakdown {
    /// How the rows relate to the year's totals.
    pub(crate) covers: Covers,
    /// The rows, in the file's order.
    pub(crate) rows: Vec<BreakdownRow>,
}

/// How a breakdown's rows relate to the year's totals.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Covers {
    /// Every complaint is in exactly one row.
    All,
    /// Some complaints are in no row (a list of contractors covers only their work).
    Some,
    /// A complaint can be in several rows.
    Overlapping,
}

/// One row of a breakdown.
#[derive(Debug, Clone)]
pub(crate) struct BreakdownRow {
    /// "Repairs and maintenance".
    pub(crate) name: String,
    /// Stage 1 complaints.
    pub(crate) stage1: u64,
    /// Stage 2 complaints.
    pub(crate) stage2: u64,
}

/// Refusals for one reason at one stage.
#[derive(Debug, Clone)]
pub(crate) struct Refusal {
    /// Why.
    pub(crate) reason: String,
    /// Stage 1: not accepted as a complaint (Code 2.1-2.5); stage 2: escalation refused (Code 5.11).
    pub(crate) stage: Stage,
    /// How many.
    pub(crate) count: u64,
}

/// One kind of remedy.
#[derive(Debug, Clone)]
pub(crate) struct Remedy {
    /// Kind.
    pub(crate) kind: String,
    /// Complaints where it was given.
    pub(crate) cases: u64,
    /// Money paid, where it is money.
    pub(crate) amount: Option<Money>,
}

/// One quarter's counts, all complaints.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Quarter {
    /// 1 to 4.
    pub(crate) number: u8,
    /// Stage 1 (received, responded, within timescale; other counts are not kept by quarter).
    pub(crate) stage1: StageCounts,
    /// Stage 2.
    pub(crate) stage2: StageCounts,
}

/// Complaints relative to a count of transactions.
#[derive(Debug, Clone)]
pub(crate) struct Transactions {
    /// "Repairs completed".
    pub(crate) name: String,
    /// How many transactions.
    pub(crate) count: u64,
    /// The stage 1 complaints counted against them.
    pub(crate) complaints: u64,
    /// The category those complaints come from, when named.
    pub(crate) category: Option<String>,
}

/// A measure the landlord can set a target for or compare with the sector.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Measure {
    /// CH01 at a stage.
    Ch01(Stage),
    /// CH02 at a stage.
    Ch02(Stage),
    /// TP09.
    Tp09,
}

impl Measure {
    /// Every measure, in the order pages list them.
    pub(crate) const ALL: [Measure; 5] = [
        Measure::Ch01(Stage::One),
        Measure::Ch01(Stage::Two),
        Measure::Ch02(Stage::One),
        Measure::Ch02(Stage::Two),
        Measure::Tp09,
    ];

    /// The key the data files use.
    pub(crate) fn key(self) -> &'static str {
        match self {
            Measure::Ch01(Stage::One) => "ch01_stage1",
            Measure::Ch01(Stage::Two) => "ch01_stage2",
            Measure::Ch02(Stage::One) => "ch02_stage1",
            Measure::Ch02(Stage::Two) => "ch02_stage2",
            Measure::Tp09 => "tp09",
        }
    }

    /// Reads a key.
    pub(crate) fn parse(key: &str) -> Option<Measure> {
        Measure::ALL.into_iter().find(|m| m.key() == key.trim())
    }

    /// Whether a lower figure is the better one. Only for CH01, where a target is a ceiling: fewer complaints per
    /// 1,000 homes. (A landlord may argue that more complaints means an easier route to complain; the target is
    /// still read as "at most", and the page says so.)
    pub(crate) fn lower_is_better(self) -> bool {
        matches!(self, Measure::Ch01(_))
    }

    /// Whether the figure is a percentage (so at most 100).
    pub(crate) fn is_percentage(self) -> bool {
        !matches!(self, Measure::Ch01(_))
    }
}

/// A target for one measure, in tenths.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Target {
    /// The measure.
    pub(crate) measure: Measure,
    /// The target in tenths (95.0% is 950).
    pub(crate) tenths: i64,
}

/// Sector comparison figures for one measure and tenure.
#[derive(Debug, Clone)]
pub(crate) struct Sector {
    /// The measure.
    pub(crate) measure: Measure,
    /// Whose figure it compares with.
    pub(crate) group: Group,
    /// Lower quartile, median and upper quartile, in tenths.
    pub(crate) quartiles: [i64; 3],
    /// Where the figures come from.
    pub(crate) source: String,
    /// The year they are for.
    pub(crate) year: String,
    /// Made up for an example.
    pub(crate) illustrative: bool,
}

impl Year {
    /// The groups whose TSMs the pages show, in order: LCRA then LCHO, or the one combined group.
    pub(crate) fn groups(&self) -> Vec<(Group, &TenureCounts)> {
        match &self.tenures {
            Tenures::Split { lcra, lcho } => vec![(Group::Lcra, lcra), (Group::Lcho, lcho)],
            Tenures::Combined(all) => vec![(Group::Combined, all)],
        }
    }

    /// The counts of one group: a tenure's own, or both tenures added together. TP09 has no combined figure when
    /// split (a weighted survey's results cannot be added), so the combined group carries none.
    pub(crate) fn group(&self, group: Group) -> Option<TenureCounts> {
        match (&self.tenures, group) {
            (Tenures::Split { lcra, .. }, Group::Lcra) => Some(lcra.clone()),
            (Tenures::Split { lcho, .. }, Group::Lcho) => Some(lcho.clone()),
            (Tenures::Split { lcra, lcho }, Group::Combined) => Some(TenureCounts {
                homes: lcra.homes + lcho.homes,
                stage1: lcra.stage1.plus(&lcho.stage1),
                stage2: lcra.stage2.plus(&lcho.stage2),
                tp09: None,
            }),
            (Tenures::Combined(all), Group::Combined) => Some(all.clone()),
            (Tenures::Combined(_), _) => None,
        }
    }

    /// The group the home page and the charts' titles lead with: the tenure holding most homes (LCRA before LCHO on
    /// a tie), or the combined figures.
    pub(crate) fn main_group(&self) -> Group {
        self.groups()
            .into_iter()
            .max_by_key(|(g, c)| (c.homes, std::cmp::Reverse(*g)))
            .map_or(Group::Combined, |(g, _)| g)
    }

    /// Social homes owned: both tenures.
    pub(crate) fn homes(&self) -> u64 {
        self.groups().iter().map(|(_, t)| t.homes).sum()
    }

    /// Every complaint at a stage: both tenures and complaints from anyone else.
    pub(crate) fn all(&self, stage: Stage) -> StageCounts {
        let pick = |p: (&StageCounts, &StageCounts)| match stage {
            Stage::One => *p.0,
            Stage::Two => *p.1,
        };
        let mut total: Option<StageCounts> = None;
        for (_, t) in self.groups() {
            let s = pick((&t.stage1, &t.stage2));
            total = Some(total.map_or(s, |acc| acc.plus(&s)));
        }
        if let Some(o) = &self.other {
            let s = pick((&o.stage1, &o.stage2));
            total = Some(total.map_or(s, |acc| acc.plus(&s)));
        }
        total.unwrap_or_default()
    }

    /// Refusals at one stage.
    pub(crate) fn refused(&self, stage: Stage) -> u64 {
        self.refusals
            .iter()
            .flatten()
            .filter(|r| r.stage == stage)
            .map(|r| r.count)
            .sum()
    }

    /// The target for a measure, if set.
    pub(crate) fn target(&self, measure: Measure) -> Option<i64> {
        self.targets
            .iter()
            .find(|t| t.measure == measure)
            .map(|t| t.tenths)
    }
}

impl TenureCounts {
    /// One stage's counts.
    pub(crate) fn stage(&self, stage: Stage) -> &StageCounts {
        match stage {
            Stage::One => &self.stage1,
            Stage::Two => &self.stage2,
        }
    }
}

/// Checks the file and turns it into years, oldest first, and the sector comparisons. `report_label` is the period
/// from site.toml; `tenure` its tenure setting; `logs` the complaints logs the years name, already counted.
pub(crate) fn build(
    file: &PerformanceFile,
    src: &SourceFile,
    logs: &[crate::data::CaseLog],
    report_label: Option<&str>,
    tenure: Option<TenureReporting>,
    categories_overlap: bool,
    diags: &mut Diagnostics,
) -> (Vec<Year>, Vec<Sector>) {
    let before = diags.error_count();
    if file.years.is_empty() {
        diags.push(
            Diagnostic::error("no years in data/performance.toml")
                .in_file(src)
                .help("add a [[years]] table for the report year (and up to four earlier years to compare)"),
        );
        return (Vec::new(), Vec::new());
    }
    check_year_order(file, src, diags);
    let split = tenure != Some(TenureReporting::Combined);
    // Each year with its log's counts laid in, so that the same rules judge counts typed in and counts counted.
    let merged: Vec<_> = file
        .years
        .iter()
        .filter_map(|y| super::case_log::apply(y, logs, split, src, diags))
        .collect();
    let last = file.years.len() - 1;
    for (i, (y, _)) in merged.iter().enumerate() {
        let is_report_year = i == last && merged.len() == file.years.len();
        if let Some(tenure) = tenure {
            check_shape(y, tenure, is_report_year, src, diags);
        }
        check_year(y, src, is_report_year, categories_overlap, diags);
        figures::check_year(y, src, is_report_year, categories_overlap, diags);
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
    // A year whose log could not be counted was left out above (its problems are reported): no report without it.
    if tenure.is_none() || diags.error_count() > before || merged.len() != file.years.len() {
        return (Vec::new(), Vec::new());
    }
    let years: Vec<Year> = merged
        .iter()
        .filter_map(|(y, from)| year(y, from.clone(), categories_overlap))
        .collect();
    let sector = match (tenure, years.last()) {
        (Some(tenure), Some(current)) => figures::sector(&file.sector, src, tenure, current, diags),
        _ => Vec::new(),
    };
    if diags.error_count() > before {
        return (Vec::new(), Vec::new());
    }
    (years, sector)
}

/// The year as typed values; only called once every rule has passed, so the shape is known to be whole.
fn year(
    y: &YearData,
    counted_from: Option<super::case_log::CountedFrom>,
    categories_overlap: bool,
) -> Option<Year> {
    let tenures = match (&y.lcra, &y.lcho, &y.homes, &y.stage1, &y.stage2) {
        (Some(lcra), Some(lcho), _, _, _) => Tenures::Split {
            lcra: tenure(lcra)?,
            lcho: tenure(lcho)?,
        },
        (_, _, Some(homes), Some(s1), Some(s2)) => Tenures::Combined(TenureCounts {
            homes: *homes.get_ref(),
            stage1: stage(s1),
            stage2: stage(s2),
            tp09: y.tp09.as_ref().map(tp09),
        }),
        _ => return None,
    };
    Some(Year {
        label: y.label.get_ref().clone(),
        tenures,
        other: y.other.as_ref().map(|o| StagePair {
            stage1: stage(&o.stage1),
            stage2: stage(&o.stage2),
        }),
        survey: y.survey.as_ref().map(figures::survey),
        categories: y.categories.as_ref().map(|cs| Breakdown {
            covers: if categories_overlap {
                Covers::Overlapping
            } else {
                Covers::All
            },
            rows: cs.iter().map(row).collect(),
        }),
        refusals: y.refusals.as_ref().map(|rs| {
            rs.iter()
                .map(|r| Refusal {
                    reason: r.reason.get_ref().clone(),
                    stage: if r.stage.as_ref().is_some_and(|s| *s.get_ref() == 2) {
                        Stage::Two
                    } else {
                        Stage::One
                    },
                    count: *r.count.get_ref(),
                })
                .collect()
        }),
        remedies: y.remedies.as_ref().map(|rs| {
            rs.iter()
                .map(|r| Remedy {
                    kind: r.kind.get_ref().clone(),
                    cases: *r.cases.get_ref(),
                    amount: r.amount.as_ref().map(|a| *a.get_ref()),
                })
                .collect()
        }),
        quarters: y.quarters.as_ref().map(|qs| figures::quarters(qs)),
        breakdowns: y.breakdowns.iter().map(figures::breakdown).collect(),
        transactions: y
            .transactions
            .iter()
            .map(|t| figures::transactions(t, y))
            .collect(),
        targets: y.targets.as_ref().map(figures::targets).unwrap_or_default(),
        counted_from,
    })
}

fn tenure(t: &file::TenureData) -> Option<TenureCounts> {
    Some(TenureCounts {
        homes: *t.homes.get_ref(),
        stage1: stage(t.stage1.as_ref()?),
        stage2: stage(t.stage2.as_ref()?),
        tp09: t.tp09.as_ref().map(tp09),
    })
}

fn row(c: &file::Category) -> BreakdownRow {
    BreakdownRow {
        name: c.name.get_ref().clone(),
        stage1: *c.stage1.get_ref(),
        stage2: *c.stage2.get_ref(),
    }
}

pub(super) fn stage(s: &file::StageCounts) -> StageCounts {
    let opt = |c: &Option<file::Count>| c.as_ref().map(|c| *c.get_ref());
    StageCounts {
        received: *s.received.get_ref(),
        responded: *s.responded.get_ref(),
        within_timescale: *s.within_timescale.get_ref(),
        within_extension: opt(&s.within_extension),
        acknowledged_on_time: opt(&s.acknowledged_on_time),
        working_days: *s.working_days.get_ref(),
        extended: opt(&s.extended),
        upheld: *s.upheld.get_ref(),
        partly_upheld: *s.partly_upheld.get_ref(),
        not_upheld: *s.not_upheld.get_ref(),
    }
}

fn tp09(t: &file::Tp09) -> Tp09 {
    Tp09 {
        surveyed: *t.surveyed.get_ref(),
        satisfied: *t.satisfied.get_ref(),
        published: t.published.as_ref().map(|p| p.get_ref().tenths),
        sample_size: t.sample_size.as_ref().map(|s| *s.get_ref()),
    }
}

#[cfg(test)]
mod tests {
    use super::super::counts::parse_year_label;

    #[test]
    fn year_labels() {
        assert_eq!(parse_year_label("2025-26"), Some(2025));
        assert_eq!(parse_year_label("2099-00"), Some(2099));
        assert_eq!(parse_year_label("2025/2026"), Some(2025));
        assert_eq!(parse_year_label("2025-27"), None);
        assert_eq!(parse_year_label("25-26"), None);
    }
}
