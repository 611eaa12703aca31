//! `data/ombudsman.toml`: what the Housing Ombudsman decided and published about the landlord.
//!
//! Code 8.1(c), (e) and (f) each need an explicit answer, even when it is "none this year", so those lists are
//! `Option`s: absent is an error naming the provision, an empty list is a statement the page turns into words.
//!
//! The Ombudsman's own vocabulary is kept: a *determination* is a case it decided; within a case it makes a
//! *finding* on each complaint it investigated, so one determination can hold several findings ("each defined
//! complaint must have its own determination … there will be 2 (or more) different findings", the Ombudsman's
//! guidance on outcomes).

use serde::Deserialize;
use toml::Spanned;

use super::date::Date;
use super::figure::Figure;
use super::money::Money;
use super::performance::Count;

/// The whole file.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct OmbudsmanFile {
    /// Set by `redress new-year` on a file carried over from an earlier year (`carried_over = "2025-26"`): a
    /// warning until it is reviewed for the report year and the key removed.
    pub(crate) carried_over: Option<Spanned<String>>,
    /// Code 8.1(c): findings of non-compliance with the Code, other than those made by a type 3 failure order.
    pub(crate) non_compliance: Option<Vec<NonCompliance>>,
    /// Code 8.1(e): the Ombudsman's annual reports about this landlord.
    pub(crate) annual_reports: Option<Vec<OmbudsmanReport>>,
    /// Code 8.1(f): other reports or publications about this landlord.
    pub(crate) other_reports: Option<Vec<OmbudsmanReport>>,
    /// Complaint Handling Failure Orders.
    #[serde(default)]
    pub(crate) failure_orders: Vec<FailureOrder>,
    /// Complaint Handling Failure Notices.
    #[serde(default)]
    pub(crate) failure_notices: Vec<FailureNotice>,
    /// Orders made in determinations in the report year.
    #[serde(default)]
    pub(crate) orders: Vec<Order>,
    /// Determinations and their findings, per year.
    #[serde(default)]
    pub(crate) determinations: Vec<Determinations>,
}

/// A finding that the landlord did not comply with the Code.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct NonCompliance {
    /// When the finding was made.
    pub(crate) date: Spanned<Date>,
    /// The Ombudsman's case reference.
    pub(crate) reference: Spanned<String>,
    /// Markdown: what was found.
    pub(crate) finding: String,
    /// Markdown: what the landlord did about it.
    pub(crate) response: String,
}

/// A report or publication by the Ombudsman.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct OmbudsmanReport {
    /// Its title.
    pub(crate) title: String,
    /// Where it is published.
    pub(crate) url: Option<String>,
    /// When.
    pub(crate) published: Option<Date>,
    /// Markdown summary.
    pub(crate) summary: Option<String>,
}

/// An order made in a determination.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Order {
    /// Case reference.
    pub(crate) reference: Spanned<String>,
    /// The finding the order follows: "severe maladministration", "maladministration" or "service failure".
    pub(crate) finding: Spanned<String>,
    /// What the complaint was about.
    pub(crate) category: String,
    /// What was ordered.
    pub(crate) order: String,
    /// Compensation ordered, if any.
    pub(crate) compensation: Option<Spanned<Money>>,
    /// Whether the order has been complied with.
    pub(crate) complied: bool,
    /// Markdown: anything a reader should know, such as why an order is not yet complied with.
    pub(crate) note: Option<String>,
}

/// A Complaint Handling Failure Order.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct FailureOrder {
    /// When it was issued.
    pub(crate) date: Spanned<Date>,
    /// Case reference.
    pub(crate) reference: Spanned<String>,
    /// 1, 2 or 3.
    #[serde(rename = "type")]
    pub(crate) kind: Spanned<u8>,
    /// Markdown: why it was issued.
    pub(crate) reason: String,
    /// Whether the landlord did what it ordered.
    pub(crate) complied: Spanned<bool>,
    /// Markdown: what the landlord did about it.
    pub(crate) response: Option<String>,
}

/// A Complaint Handling Failure Notice.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct FailureNotice {
    /// When it was issued.
    pub(crate) date: Spanned<Date>,
    /// Case reference.
    pub(crate) reference: Spanned<String>,
    /// Markdown: why it was issued.
    pub(crate) reason: String,
    /// Markdown: what the landlord did about it.
    pub(crate) response: Option<String>,
}

/// The Ombudsman's determinations about the landlord in one year, as its landlord performance data reports them.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Determinations {
    /// Year label, matching performance.toml.
    pub(crate) year: Spanned<String>,
    /// Cases the Ombudsman decided.
    pub(crate) cases: Count,
    /// The findings made in those cases, by outcome.
    pub(crate) findings: Findings,
    /// The Ombudsman's published maladministration rate for similar landlords, in percent: a published comparison,
    /// not something redress can compute.
    pub(crate) similar_landlords_rate: Option<Spanned<Figure>>,
}

/// Findings by outcome.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Findings {
    /// Severe maladministration.
    pub(crate) severe_maladministration: Count,
    /// Maladministration.
    pub(crate) maladministration: Count,
    /// Service failure.
    pub(crate) service_failure: Count,
    /// Reasonable redress.
    pub(crate) reasonable_redress: Count,
    /// No maladministration.
    pub(crate) no_maladministration: Count,
    /// Outside jurisdiction.
    pub(crate) outside_jurisdiction: Count,
}
