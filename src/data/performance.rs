//! `data/performance.toml`: complaint counts for each year and stage, as the landlord's case system reports them.
//!
//! Only raw counts live here. CH01, CH02, TP09 and every percentage are computed in [`crate::measures`]; a typed-in
//! percentage would be one more number to get wrong.

use serde::{Deserialize, Serialize};
use toml::Spanned;

/// A count with its place in the file, so a check can point at the very number that is wrong.
pub type Count = Spanned<u64>;

/// The whole file.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct PerformanceFile {
    /// One entry per year, oldest first.
    pub years: Vec<YearData>,
}

/// One reporting year.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct YearData {
    /// "2025-26".
    pub label: Spanned<String>,
    /// Homes owned at the end of the year: the CH01 denominator.
    pub homes: Count,
    /// Stage 1 counts.
    pub stage1: StageCounts,
    /// Stage 2 counts.
    pub stage2: StageCounts,
    /// TP09 survey counts.
    pub tp09: Option<Tp09>,
    /// What complaints were about.
    pub categories: Option<Vec<Category>>,
    /// Complaints not accepted, by reason (Code 8.1(b)).
    pub refusals: Option<Vec<Refusal>>,
    /// How complaints were put right.
    pub remedies: Option<Vec<Remedy>>,
}

/// Counts for one stage in one year.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct StageCounts {
    /// Complaints received at this stage.
    pub received: Count,
    /// Responses sent.
    pub responded: Count,
    /// Responses within the Code's timescale (CH02 numerator).
    pub within_timescale: Count,
    /// Total working days taken across all responses.
    pub working_days: Count,
    /// Responses that used an extension.
    pub extended: Option<Count>,
    /// Responses upholding the complaint.
    pub upheld: Count,
    /// Responses partly upholding it.
    pub partly_upheld: Count,
    /// Responses not upholding it.
    pub not_upheld: Count,
}

/// TP09 perception survey counts.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Tp09 {
    /// Tenants who complained in the last 12 months and answered.
    pub surveyed: Count,
    /// Of those, very or fairly satisfied.
    pub satisfied: Count,
}

/// Complaints about one subject.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Category {
    /// "Repairs and maintenance".
    pub name: Spanned<String>,
    /// Stage 1 complaints.
    pub stage1: Count,
    /// Stage 2 complaints.
    pub stage2: Count,
}

/// Complaints refused for one reason.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Refusal {
    /// Why they were not accepted.
    pub reason: Spanned<String>,
    /// How many.
    pub count: Count,
}

/// One kind of remedy.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Remedy {
    /// "Financial compensation".
    pub kind: Spanned<String>,
    /// Complaints where it was given.
    pub cases: Count,
    /// Pounds paid, where it is money.
    pub amount: Option<Spanned<f64>>,
}
