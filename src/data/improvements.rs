//! `data/improvements.toml`: learning from complaints (Code 8.1(d)), in "you said, we did" form.

use serde::{Deserialize, Serialize};
use toml::Spanned;

use super::date::Date;

/// The whole file.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ImprovementsFile {
    /// `None` when the key is absent, which is an error; an empty list says "none this year".
    pub improvements: Option<Vec<Improvement>>,
}

/// One service improvement.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Improvement {
    /// What it is about ("Damp and mould").
    pub theme: Spanned<String>,
    /// Markdown: what residents told us.
    pub you_said: String,
    /// Markdown: what we changed.
    pub we_did: String,
    /// When the change was made or is due.
    pub date: Option<Spanned<Date>>,
    /// done, in progress or planned.
    pub status: Spanned<String>,
}
