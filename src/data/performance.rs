//! `data/performance.toml`: complaint counts for each year, per tenure and stage, as the landlord's case system
//! reports them, and what the landlord compares them with.
//!
//! Only raw counts (and figures published by others, such as sector quartiles) live here. CH01, CH02, TP09 and every
//! percentage are computed in [`crate::measures`]; a typed-in percentage would be one more number to get wrong.
//!
//! A year comes in one of two shapes, chosen by site.toml's `[figures] tenure`: split by tenure (`[years.lcra]`,
//! `[years.lcho]`, optionally `[years.other]`), as landlords with 1,000 or more homes must report, or combined
//! (`homes`, `[years.stage1]`, `[years.stage2]` directly in the year). Which shape is allowed is judged in
//! [`crate::model`]; these structs accept both so that the error can say which setting asks for which.

use serde::Deserialize;
use toml::Spanned;

use super::figure::Figure;
use super::money::Money;

/// A count with its place in the file, so a check can point at the very number that is wrong.
pub(crate) type Count = Spanned<u64>;

/// The whole file.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct PerformanceFile {
    /// Set by `redress new-year` on a file carried over from an earlier year (`carried_over = "2025-26"`): a
    /// warning until it is reviewed for the report year and the key removed.
    pub(crate) carried_over: Option<Spanned<String>>,
    /// One entry per year, oldest first.
    pub(crate) years: Vec<YearData>,
    /// Sector comparison figures for the report year's measures.
    #[serde(default)]
    pub(crate) sector: Vec<SectorData>,
}

/// One reporting year.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct YearData {
    /// "2025-26".
    pub(crate) label: Spanned<String>,
    /// The complaints log (one row per complaint, exported from the case management system) the year's counts are
    /// made from, as a path from the site folder; the year then gives no count the log gives.
    pub(crate) cases: Option<Spanned<String>>,
    /// Combined shape: homes owned at the end of the year (the CH01 denominator).
    pub(crate) homes: Option<Count>,
    /// Combined shape: stage 1 counts.
    pub(crate) stage1: Option<StageCounts>,
    /// Combined shape: stage 2 counts.
    pub(crate) stage2: Option<StageCounts>,
    /// Combined shape: TP09 survey counts.
    pub(crate) tp09: Option<Tp09>,
    /// Split shape: low-cost rental accommodation.
    pub(crate) lcra: Option<TenureData>,
    /// Split shape: low-cost home ownership.
    pub(crate) lcho: Option<TenureData>,
    /// Complaints from people who hold neither tenure (leaseholders of market homes, say): in the totals, in no TSM.
    pub(crate) other: Option<OtherData>,
    /// How the tenant perception survey behind TP09 was carried out.
    pub(crate) survey: Option<SurveyData>,
    /// What complaints were about.
    pub(crate) categories: Option<Vec<Category>>,
    /// Complaints not accepted (stage 1) and escalations refused (stage 2), by reason (Code 8.1(b)).
    pub(crate) refusals: Option<Vec<Refusal>>,
    /// How complaints were put right.
    pub(crate) remedies: Option<Vec<Remedy>>,
    /// Counts for each quarter of the year.
    pub(crate) quarters: Option<Vec<Quarter>>,
    /// Further breakdowns of the year's complaints, such as by service area or contractor.
    #[serde(default)]
    pub(crate) breakdowns: Vec<BreakdownData>,
    /// Complaints relative to the landlord's transactions of a kind (repairs completed, say).
    #[serde(default)]
    pub(crate) transactions: Vec<TransactionData>,
    /// The landlord's targets for the year's measures.
    pub(crate) targets: Option<Targets>,
}

/// One tenure's counts in a year.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct TenureData {
    /// Homes of this tenure owned at the end of the year: this tenure's CH01 denominator.
    pub(crate) homes: Count,
    /// Stage 1 (from the complaints log when the year names one).
    pub(crate) stage1: Option<StageCounts>,
    /// Stage 2.
    pub(crate) stage2: Option<StageCounts>,
    /// TP09 among this tenure's tenants.
    pub(crate) tp09: Option<Tp09>,
}

/// Counts of complaints from outside the two tenures.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct OtherData {
    /// Stage 1.
    pub(crate) stage1: StageCounts,
    /// Stage 2.
    pub(crate) stage2: StageCounts,
}

/// Counts for one stage in one year.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct StageCounts {
    /// Complaints received at this stage in the year (CH01's numerator).
    pub(crate) received: Count,
    /// Responses sent in the year (CH02's denominator).
    pub(crate) responded: Count,
    /// Of those, responses within the Code's timescale, counting those within an extension agreed under the Code
    /// (CH02's numerator).
    pub(crate) within_timescale: Count,
    /// Of `within_timescale`, responses that needed the agreed extension to be on time.
    pub(crate) within_extension: Option<Count>,
    /// Complaints acknowledged within 5 working days of being received.
    pub(crate) acknowledged_on_time: Option<Count>,
    /// Total working days taken across all responses (for the average).
    pub(crate) working_days: Count,
    /// Responses whose timescale was extended, on time or not.
    pub(crate) extended: Option<Count>,
    /// Responses upholding the complaint.
    pub(crate) upheld: Count,
    /// Responses partly upholding it.
    pub(crate) partly_upheld: Count,
    /// Responses not upholding it.
    pub(crate) not_upheld: Count,
}

/// TP09 perception survey counts for one tenure.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Tp09 {
    /// Tenants who complained in the last 12 months and answered the question.
    pub(crate) surveyed: Count,
    /// Of those, very or fairly satisfied.
    pub(crate) satisfied: Count,
    /// The figure as published when the survey is weighted, in percent to one decimal place.
    pub(crate) published: Option<Spanned<Figure>>,
    /// Responses to the whole survey from this tenure (the achieved sample size).
    pub(crate) sample_size: Option<Count>,
}

/// The summary of the survey's approach that the Regulator requires alongside perception measures.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct SurveyData {
    /// Who carried it out, and their role (an independent research company, the landlord's own team).
    pub(crate) carried_out_by: Option<Spanned<String>>,
    /// First day of fieldwork.
    pub(crate) from: Option<Spanned<super::date::Date>>,
    /// Last day of fieldwork.
    pub(crate) to: Option<Spanned<super::date::Date>>,
    /// How responses were collected (telephone, online, post, in person).
    pub(crate) method: Option<Spanned<String>>,
    /// How tenants were chosen (a census, a random sample stratified by area).
    pub(crate) sample: Option<Spanned<String>>,
    /// How representative the responses were of the tenants, and against which characteristics.
    pub(crate) representativeness: Option<String>,
    /// The weighting applied to the published figures, or "none".
    pub(crate) weighting: Option<Spanned<String>>,
    /// Incentives offered to take part, if any.
    pub(crate) incentives: Option<String>,
    /// Tenants left out of the sample, and why.
    pub(crate) exclusions: Option<String>,
}

/// Complaints about one subject.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Category {
    /// "Repairs and maintenance".
    pub(crate) name: Spanned<String>,
    /// Stage 1 complaints.
    pub(crate) stage1: Count,
    /// Stage 2 complaints.
    pub(crate) stage2: Count,
}

/// Complaints refused for one reason, at one stage.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Refusal {
    /// Why they were not accepted.
    pub(crate) reason: Spanned<String>,
    /// How many.
    pub(crate) count: Count,
    /// 1: not accepted as a complaint; 2: escalation to stage 2 refused. Default 1.
    pub(crate) stage: Option<Spanned<u8>>,
}

/// One kind of remedy.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Remedy {
    /// "Financial compensation".
    pub(crate) kind: Spanned<String>,
    /// Complaints where it was given.
    pub(crate) cases: Count,
    /// Money paid, where it is money.
    pub(crate) amount: Option<Spanned<Money>>,
}

/// One quarter's counts.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Quarter {
    /// 1 to 4 (April to June is 1).
    pub(crate) quarter: Spanned<u8>,
    /// Stage 1.
    pub(crate) stage1: QuarterStage,
    /// Stage 2.
    pub(crate) stage2: QuarterStage,
}

/// One stage's counts in a quarter.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct QuarterStage {
    /// Received in the quarter.
    pub(crate) received: Count,
    /// Responded to in the quarter.
    pub(crate) responded: Count,
    /// Of those, within the Code's timescale.
    pub(crate) within_timescale: Count,
}

/// A breakdown of the year's complaints other than by category.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct BreakdownData {
    /// "Complaints by service area".
    pub(crate) title: Spanned<String>,
    /// "all" (the rows add up to the year's totals), "some" (they cover part of them, as a list of contractors
    /// might) or "overlapping" (one complaint can be in several rows). Default "all".
    pub(crate) covers: Option<Spanned<String>>,
    /// The rows.
    pub(crate) rows: Vec<Category>,
}

/// Complaints against a count of the landlord's transactions of one kind.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct TransactionData {
    /// "Repairs completed".
    pub(crate) name: Spanned<String>,
    /// How many there were in the year.
    pub(crate) count: Count,
    /// The category whose stage 1 complaints are counted against them.
    pub(crate) category: Option<Spanned<String>>,
    /// Or the number of complaints, where no category matches.
    pub(crate) complaints: Option<Count>,
}

/// The landlord's targets for the year.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Targets {
    /// Stage 1 complaints per 1,000 homes, at most.
    pub(crate) ch01_stage1: Option<Spanned<Figure>>,
    /// Stage 2 complaints per 1,000 homes, at most.
    pub(crate) ch01_stage2: Option<Spanned<Figure>>,
    /// Stage 1 responses within timescale, percent, at least.
    pub(crate) ch02_stage1: Option<Spanned<Figure>>,
    /// Stage 2 responses within timescale, percent, at least.
    pub(crate) ch02_stage2: Option<Spanned<Figure>>,
    /// Satisfaction with complaint handling, percent, at least.
    pub(crate) tp09: Option<Spanned<Figure>>,
}

/// Sector comparison figures for one measure, copied from the Regulator's or the Ombudsman's statistics.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct SectorData {
    /// `ch01_stage1`, `ch01_stage2`, `ch02_stage1`, `ch02_stage2` or `tp09`.
    pub(crate) measure: Spanned<String>,
    /// `lcra`, `lcho` or `combined`: whose figure it compares with. Default `lcra`, or `combined` on a site that
    /// reports combined figures.
    pub(crate) tenure: Option<Spanned<String>>,
    /// Lower quartile.
    pub(crate) lower_quartile: Spanned<Figure>,
    /// Median.
    pub(crate) median: Spanned<Figure>,
    /// Upper quartile.
    pub(crate) upper_quartile: Spanned<Figure>,
    /// Where the figures come from ("Regulator of Social Housing, TSM 2024-25, landlords with 1,000 or more homes").
    pub(crate) source: Spanned<String>,
    /// The year the figures are for.
    pub(crate) year: Spanned<String>,
    /// Marks figures made up for an example, so the page says so.
    #[serde(default)]
    pub(crate) illustrative: bool,
}
