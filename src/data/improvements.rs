//! `data/improvements.toml`: learning from complaints (Code 8.1(d)), in "you said, we did" form.

use serde::Deserialize;
use toml::Spanned;

use super::date::Date;

/// The whole file.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct ImprovementsFile {
    /// Set by `redress new-year` on a file carried over from an earlier year (`carried_over = "2025-26"`): a
    /// warning until it is reviewed for the report year and the key removed.
    pub(crate) carried_over: Option<Spanned<String>>,
    /// `None` when the key is absent, which is an error; an empty list says "none this year".
    pub(crate) improvements: Option<Vec<Improvement>>,
}

/// One service improvement.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Improvement {
    /// What it is about ("Damp and mould").
    pub(crate) theme: Spanned<String>,
    /// Markdown: what residents told us.
    pub(crate) you_said: String,
    /// Markdown: what we changed.
    pub(crate) we_did: String,
    /// When the change was made or is due.
    pub(crate) date: Option<Spanned<Date>>,
    /// done, in progress or planned.
    pub(crate) status: Spanned<String>,
}
