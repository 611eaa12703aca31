//! `data/ombudsman.toml`: what the Housing Ombudsman found and published about the landlord.
//!
//! Code 8.1(c), (e) and (f) each need an explicit answer, even when it is "none this year", so those lists are
//! `Option`s: absent is an error naming the provision, an empty list is a statement the page turns into words.

use serde::{Deserialize, Serialize};
use toml::Spanned;

use super::date::Date;
use super::performance::Count;

/// The whole file.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct OmbudsmanFile {
    /// Code 8.1(c): findings of non-compliance with the Code.
    pub non_compliance: Option<Vec<NonCompliance>>,
    /// Code 8.1(e): the Ombudsman's annual reports about this landlord.
    pub annual_reports: Option<Vec<OmbudsmanReport>>,
    /// Code 8.1(f): other reports or publications about this landlord.
    pub other_reports: Option<Vec<OmbudsmanReport>>,
    /// Complaint Handling Failure Orders.
    #[serde(default)]
    pub failure_orders: Vec<FailureOrder>,
    /// Orders made in determinations in the report year.
    #[serde(default)]
    pub orders: Vec<Order>,
    /// Determinations by outcome, per year.
    #[serde(default)]
    pub determinations: Vec<Determinations>,
}

/// A finding that the landlord did not comply with the Code.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct NonCompliance {
    /// When the finding was made.
    pub date: Spanned<Date>,
    /// The Ombudsman's case reference.
    pub reference: String,
    /// Markdown: what was found.
    pub finding: String,
    /// Markdown: what the landlord did about it.
    pub response: String,
}

/// A report or publication by the Ombudsman.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct OmbudsmanReport {
    /// Its title.
    pub title: String,
    /// Where it is published.
    pub url: Option<String>,
    /// When.
    pub published: Option<Date>,
    /// Markdown summary.
    pub summary: Option<String>,
}

/// An order made in a determination.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Order {
    /// Case reference.
    pub reference: String,
    /// The finding ("Maladministration").
    pub finding: String,
    /// What the complaint was about.
    pub category: String,
    /// What was ordered.
    pub order: String,
    /// Pounds ordered, if any.
    pub compensation: Option<Spanned<f64>>,
    /// Whether the order has been complied with.
    pub complied: bool,
    /// Markdown: anything a reader should know, such as why an order is not yet complied with.
    pub note: Option<String>,
}

/// A Complaint Handling Failure Order.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct FailureOrder {
    /// When it was issued.
    pub date: Spanned<Date>,
    /// Case reference.
    pub reference: String,
    /// Markdown: why.
    pub reason: String,
}

/// Determinations in one year, by outcome, as the Ombudsman's landlord performance data reports them.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Determinations {
    /// Year label, matching performance.toml.
    pub year: Spanned<String>,
    /// Severe maladministration findings.
    pub severe_maladministration: Count,
    /// Maladministration findings.
    pub maladministration: Count,
    /// Service failure findings.
    pub service_failure: Count,
    /// Reasonable redress findings.
    pub reasonable_redress: Count,
    /// No maladministration findings.
    pub no_maladministration: Count,
    /// Outside jurisdiction.
    pub outside_jurisdiction: Count,
    /// The Ombudsman's published maladministration rate for similar landlords, in percent: a published comparison,
    /// not something redress can compute.
    pub similar_landlords_rate: Option<Spanned<f64>>,
}
