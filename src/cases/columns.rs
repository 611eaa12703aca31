//! The columns of a complaints log: their default names, how a header row is matched to them, and what a log must
//! have.
//!
//! A case management system names its columns its own way ("Case ID", "Date Received (Stage 1)"), so a header is
//! matched to a column ignoring case, spaces and punctuation (`Stage 1 received`, `STAGE1_RECEIVED` and
//! `stage-1 received` are all `stage1_received`), and a site renames any column in site.toml's `[cases.columns]`
//! (`reference = "Case ID"`). This module only works out which cell of a row holds which column; reading the cells'
//! values is [`super::values`]'s job.

use std::collections::BTreeMap;

use crate::diagnostics::did_you_mean;

/// A column redress reads. The order here is the order the README and the hints list them in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) enum Column {
    Reference,
    Tenure,
    Category,
    Stage1Received,
    Stage1Acknowledged,
    Stage1ExtendedTo,
    Stage1Responded,
    Stage1Outcome,
    Stage2Received,
    Stage2Acknowledged,
    Stage2ExtendedTo,
    Stage2Responded,
    Stage2Outcome,
    Refused,
    Compensation,
}

impl Column {
    /// Every column, in order.
    pub(crate) const ALL: [Column; 15] = [
        Column::Reference,
        Column::Tenure,
        Column::Category,
        Column::Stage1Received,
        Column::Stage1Acknowledged,
        Column::Stage1ExtendedTo,
        Column::Stage1Responded,
        Column::Stage1Outcome,
        Column::Stage2Received,
        Column::Stage2Acknowledged,
        Column::Stage2ExtendedTo,
        Column::Stage2Responded,
        Column::Stage2Outcome,
        Column::Refused,
        Column::Compensation,
    ];

    /// The default name: also the key that renames it in `[cases.columns]`.
    pub(crate) fn name(self) -> &'static str {
        match self {
            Column::Reference => "reference",
            Column::Tenure => "tenure",
            Column::Category => "category",
            Column::Stage1Received => "stage1_received",
            Column::Stage1Acknowledged => "stage1_acknowledged",
            Column::Stage1ExtendedTo => "stage1_extended_to",
            Column::Stage1Responded => "stage1_responded",
            Column::Stage1Outcome => "stage1_outcome",
            Column::Stage2Received => "stage2_received",
            Column::Stage2Acknowledged => "stage2_acknowledged",
            Column::Stage2ExtendedTo => "stage2_extended_to",
            Column::Stage2Responded => "stage2_responded",
            Column::Stage2Outcome => "stage2_outcome",
            Column::Refused => "refused",
            Column::Compensation => "compensation",
        }
    }

    /// The columns a log cannot be counted without: each complaint's reference (to find duplicates), and stage 1's
    /// receipt, acknowledgement, response and outcome (CH01, CH02 and the outcomes all need them).
    pub(crate) const REQUIRED: [Column; 5] = [
        Column::Reference,
        Column::Stage1Received,
        Column::Stage1Acknowledged,
        Column::Stage1Responded,
        Column::Stage1Outcome,
    ];

    /// Columns that only make sense together: a log with any stage 2 column needs these four.
    pub(crate) const STAGE2: [Column; 4] = [
        Column::Stage2Received,
        Column::Stage2Acknowledged,
        Column::Stage2Responded,
        Column::Stage2Outcome,
    ];
}

/// A header or a column name reduced to lower-case letters and digits, which is how headers are compared.
pub(crate) fn normalise(text: &str) -> String {
    text.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// What a header row turned out to hold.
#[derive(Debug, Clone, Default)]
pub(crate) struct HeaderMatch {
    /// Where each column is: its index among the row's cells.
    pub(crate) index: BTreeMap<Column, usize>,
    /// Problems with the header row, each pointing at a cell (or at the row when the cell index is `None`).
    pub(crate) problems: Vec<HeaderProblem>,
}

impl HeaderMatch {
    /// The cell index of `column`, if the log has it.
    pub(crate) fn get(&self, column: Column) -> Option<usize> {
        self.index.get(&column).copied()
    }
}

/// One problem with a header row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct HeaderProblem {
    /// An error stops the log from being counted; a warning does not.
    pub(crate) error: bool,
    /// The cell it is about, or `None` for the row as a whole.
    pub(crate) cell: Option<usize>,
    /// What is wrong.
    pub(crate) message: String,
    /// The label beside the caret.
    pub(crate) label: String,
    /// What to do.
    pub(crate) help: String,
}

/// The names a site gave its columns (`[cases.columns]`): column → the header its export uses.
pub(crate) type Renames = BTreeMap<Column, String>;

/// The header each column is looked for under: the site's name for it, or its default name.
fn expected_header(column: Column, renames: &Renames) -> String {
    renames
        .get(&column)
        .map_or_else(|| column.name().to_string(), Clone::clone)
}

/// The columns, as the hints list them: `reference` (as "Case ID"), `tenure`, ...
fn expected_list(renames: &Renames) -> String {
    Column::ALL
        .iter()
        .map(|c| match renames.get(c) {
            Some(r) => format!("{} (as \"{r}\")", c.name()),
            None => c.name().to_string(),
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// Matches a header row to the columns. Every header is compared with each column's expected header (the site's
/// rename, or the default name) by [`normalise`]d text.
///
/// Problems found: a required column missing, a stage 2 column without the others stage 2 needs, two headers for one
/// column (errors); a header that is not a column (a warning: exports carry columns redress has no use for, such as
/// names and addresses, and those are simply not read; a header close to a column's name gets a did-you-mean).
pub(crate) fn match_header(headers: &[String], renames: &Renames) -> HeaderMatch {
    let wanted: Vec<(Column, String)> = Column::ALL
        .iter()
        .map(|&c| (c, normalise(&expected_header(c, renames))))
        .collect();
    let mut found = HeaderMatch::default();
    let mut unused: Vec<usize> = Vec::new();
    for (i, header) in headers.iter().enumerate() {
        let key = normalise(header);
        if key.is_empty() {
            continue;
        }
        match wanted.iter().find(|(_, w)| *w == key) {
            Some(&(column, _)) => {
                if let Some(&first) = found.index.get(&column) {
                    found.problems.push(HeaderProblem {
                        error: true,
                        cell: Some(i),
                        message: format!(
                            "two columns are `{}`: \"{}\" (column {}) and \"{header}\" (column {})",
                            column.name(),
                            headers[first],
                            first + 1,
                            i + 1
                        ),
                        label: "the same column again".to_string(),
                        help: "rename or remove one of them, so each column appears once"
                            .to_string(),
                    });
                } else {
                    found.index.insert(column, i);
                }
            }
            None => unused.push(i),
        }
    }
    let missing = |c: Column| !found.index.contains_key(&c);
    let mut not_read: Vec<usize> = Vec::new();
    for i in unused {
        let header = &headers[i];
        // A near miss of a column the log lacks is most likely that column misspelt.
        let candidates: Vec<(Column, String)> = wanted
            .iter()
            .filter(|(c, _)| missing(*c))
            .cloned()
            .collect();
        let suggestion = did_you_mean(
            &normalise(header),
            candidates.iter().map(|(_, w)| w.as_str()),
        )
        .and_then(|w| candidates.iter().find(|(_, c)| c == w))
        .map(|(c, _)| *c);
        if let Some(column) = suggestion {
            found.problems.push(HeaderProblem {
                error: false,
                cell: Some(i),
                message: format!("the column \"{header}\" is not one redress reads"),
                label: "not read".to_string(),
                help: format!(
                    "did you mean `{}`? Rename the header, or name it in site.toml:\n[cases.columns]\n{} = \"{header}\"",
                    expected_header(column, renames),
                    column.name()
                ),
            });
        } else {
            not_read.push(i);
        }
    }
    if let Some(&first) = not_read.first() {
        let names: Vec<String> = not_read
            .iter()
            .map(|&i| format!("\"{}\"", headers[i]))
            .collect();
        let (count, them) = match not_read.len() {
            1 => ("1 column is".to_string(), "it"),
            n => (format!("{n} columns are"), "them"),
        };
        found.problems.push(HeaderProblem {
            error: false,
            cell: Some(first),
            message: format!("{count} not read: {}", names.join(", ")),
            label: "not read".to_string(),
            help: format!(
                "redress reads only the columns it counts: {}. Nothing else in the log is read or shown; to use {them} for one of those, name {them} in site.toml's [cases.columns]",
                expected_list(renames)
            ),
        });
    }
    for column in Column::REQUIRED {
        if missing(column) {
            found
                .problems
                .push(missing_problem(column, renames, "every log needs it"));
        }
    }
    if Column::STAGE2.iter().any(|c| !missing(*c)) {
        for column in Column::STAGE2 {
            if missing(column) {
                found.problems.push(missing_problem(
                    column,
                    renames,
                    "a log with stage 2 columns needs all of stage2_received, stage2_acknowledged, stage2_responded and stage2_outcome",
                ));
            }
        }
    }
    if !missing(Column::Stage2ExtendedTo) && missing(Column::Stage2Received) {
        found.problems.push(missing_problem(
            Column::Stage2Received,
            renames,
            "a log with stage 2 columns needs all of stage2_received, stage2_acknowledged, stage2_responded and stage2_outcome",
        ));
    }
    found
}

fn missing_problem(column: Column, renames: &Renames, why: &str) -> HeaderProblem {
    let header = expected_header(column, renames);
    HeaderProblem {
        error: true,
        cell: None,
        message: format!("the header row has no `{header}` column"),
        label: format!("no `{header}` here"),
        help: format!(
            "{why}. The columns redress reads are: {}.\nIf your export calls it something else, name it in site.toml:\n[cases.columns]\n{} = \"Your heading\"",
            expected_list(renames),
            column.name()
        ),
    }
}

#[cfg(test)]
mod tests;
