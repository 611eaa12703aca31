//! The complaints log (a case management system's export, one row per complaint) turned into every count and
//! measure of the report, with the Code's timescales counted in working days.
//!
//! Counting a log by hand, in a spreadsheet, is where published reports go wrong: an average divided by the wrong
//! count, working days counted by a rule of the landlord's own, bank holidays forgotten. This module does the
//! counting once, by the rules in [`rules`], so the figures can be made again from the log by anyone.
//!
//! It sits at the data end of the pipeline, beside [`crate::data`]: it reads a file and produces a
//! [`summary::Summary`] of counts, from which the measures are made as every other measure is. What it must not do: let
//! anything from a row other than counts and the landlord's own labels (categories, refusal reasons) into its output.
//! References, dates and amounts of single complaints go no further than diagnostics, which are for the person who
//! runs redress and point at the row to fix.
//!
//! The steps, one module each:
//! - [`read`]: the CSV or workbook, into rows of cells that know their line and column;
//! - [`columns`]: which cell is which column, by the header row and site.toml's `[cases.columns]`;
//! - [`values`]: dates, outcomes, tenures, money;
//! - [`rows`]: one row into a [`rows::Case`], with a [`Fault`] for each problem, which [`faults`] turns into
//!   diagnostics;
//! - [`calendar`] and [`bank_holidays`]: working days in England and Wales;
//! - [`rules`]: the Code's and the Regulator's rules, one complaint at a time;
//! - [`counts`] and [`summary`]: the counts per year, tenure and stage.
//!
//! The summary is shown, with the measures made from its counts, by `redress cases` ([`crate::cli::cases`]).
//!
//! A row with an error is set aside: reported with its file, line and column, left out of every count, and counted
//! among the rows set aside, so `read == used + set aside` always holds and nothing drops out unseen.

pub(crate) mod bank_holidays;
pub(crate) mod calendar;
pub(crate) mod columns;
pub(crate) mod counts;
pub(crate) mod faults;
pub(crate) mod read;
pub(crate) mod rows;
pub(crate) mod rules;
pub(crate) mod summary;
pub(crate) mod values;

#[cfg(test)]
mod tests;

use std::borrow::Cow;
use std::path::Path;

use anyhow::Result;

use crate::data::date::Date;
use crate::data::site::{CaseColumns, CasesConfig, DateOrder};
use crate::diagnostics::{Diagnostic, Diagnostics};
use calendar::Calendar;
use columns::{match_header, Column, Renames};
use read::{Row, Table, Typed};
use rules::{CaseFacts, FinancialYear};
use summary::Summary;

/// How to read a log: the site's `[cases]` settings, or the defaults outside a site.
#[derive(Debug, Clone, Default)]
pub(crate) struct Options {
    /// Day or month first in dates such as 01/04/2025.
    pub(crate) date_order: DateOrder,
    /// The landlord's own closure days.
    pub(crate) closure_days: Vec<Date>,
    /// Column headings that differ from the default names.
    pub(crate) renames: Renames,
}

impl Options {
    /// The options site.toml's `[cases]` gives.
    pub(crate) fn from_config(config: &CasesConfig) -> Options {
        Options {
            date_order: config.date_order,
            closure_days: config.closure_days.clone(),
            renames: renames(&config.columns),
        }
    }
}

/// `[cases.columns]` as a map from column to heading.
fn renames(c: &CaseColumns) -> Renames {
    let fields = [
        (Column::Reference, &c.reference),
        (Column::Tenure, &c.tenure),
        (Column::Category, &c.category),
        (Column::Stage1Received, &c.stage1_received),
        (Column::Stage1Acknowledged, &c.stage1_acknowledged),
        (Column::Stage1ExtendedTo, &c.stage1_extended_to),
        (Column::Stage1Responded, &c.stage1_responded),
        (Column::Stage1Outcome, &c.stage1_outcome),
        (Column::Stage2Received, &c.stage2_received),
        (Column::Stage2Acknowledged, &c.stage2_acknowledged),
        (Column::Stage2ExtendedTo, &c.stage2_extended_to),
        (Column::Stage2Responded, &c.stage2_responded),
        (Column::Stage2Outcome, &c.stage2_outcome),
        (Column::Refused, &c.refused),
        (Column::Compensation, &c.compensation),
    ];
    fields
        .into_iter()
        .filter_map(|(col, name)| name.clone().map(|n| (col, n)))
        .collect()
}

/// Reads and counts the log at `path` (shown as `name`). `Ok(None)` when the file is not a log that can be
/// counted (no header row, a required column missing), with the reasons in `diags`; `Err` when it cannot be read.
pub(crate) fn count_file(
    path: &Path,
    name: &str,
    options: &Options,
    diags: &mut Diagnostics,
) -> Result<Option<Summary>> {
    let Some(table) = read::read(path, name, &options.renames, diags)? else {
        return Ok(None);
    };
    Ok(count_table(&table, options, diags))
}

/// Counts a log already read. `None` when its header row has errors.
pub(crate) fn count_table(
    table: &Table,
    options: &Options,
    diags: &mut Diagnostics,
) -> Option<Summary> {
    let headers: Vec<String> = table.header.texts().map(String::from).collect();
    let header = match_header(&headers, &options.renames);
    let mut header_ok = true;
    for p in &header.problems {
        let span = match p.cell {
            Some(i) => table.cell_span(&table.header, i),
            None => table.row_span(&table.header),
        };
        let d = if p.error {
            header_ok = false;
            Diagnostic::error(p.message.clone())
        } else {
            Diagnostic::warning(p.message.clone())
        };
        diags.push(
            d.at(&table.source, span)
                .label(p.label.clone())
                .help(p.help.clone()),
        );
    }
    if !header_ok {
        return None;
    }
    let calendar = Calendar::new(&options.closure_days);
    let width = table.header.len();
    let mut blank = 0;
    let mut warnings = faults::Warnings::default();
    let mut results: Vec<RowResult<'_>> = Vec::new();
    for row in &table.rows {
        if row.is_blank() {
            blank += 1;
            continue;
        }
        let (case, faults) = rows::parse_row(row, &header, width, options.date_order);
        let mut errors = false;
        for f in faults {
            errors |= f.is_error();
            warnings.push(table, row, &header, f, diags);
        }
        let facts = match case {
            Some(case) if !errors => match rules::assess(case, &calendar) {
                Ok(facts) => Ok(facts),
                Err(f) => {
                    warnings.push(table, row, &header, f, diags);
                    Err(())
                }
            },
            _ => Err(()),
        };
        let reference = header
            .get(Column::Reference)
            .and_then(|i| row.text(i))
            .map(reference_key)
            .filter(|r| !r.is_empty());
        let facts = facts.map_err(|()| stage1_year(row, &header, options.date_order));
        results.push(RowResult {
            row,
            reference,
            facts,
        });
    }
    warnings.finish(diags);
    faults::set_aside_duplicates(table, &header, &mut results, options.date_order, diags);
    faults::report_outside_calendar(table, &results, diags);
    let mut used = Vec::new();
    let mut set_aside = Vec::new();
    for r in results {
        match r.facts {
            Ok(f) => used.push(f),
            Err(year) => set_aside.push(year),
        }
    }
    Some(Summary::build(&used, &set_aside, blank))
}

/// A reference as duplicates are found: without the spaces around it, and in capitals, so `ah-1` and `AH-1 `
/// are the same complaint. Most references are already so, and are borrowed rather than copied.
fn reference_key(text: &str) -> Cow<'_, str> {
    let t = text.trim();
    if t.bytes().any(|b| b.is_ascii_lowercase()) || !t.is_ascii() {
        Cow::Owned(t.to_uppercase())
    } else {
        Cow::Borrowed(t)
    }
}

/// One row read: its facts when it can be counted, or else the year it would have counted in.
pub(crate) struct RowResult<'a> {
    pub(crate) row: &'a Row,
    /// The reference, as [`reference_key`] gives it, to find duplicates.
    pub(crate) reference: Option<Cow<'a, str>>,
    /// Its facts, or the year it would have counted in when it is set aside.
    pub(crate) facts: Result<CaseFacts, Option<FinancialYear>>,
}

/// The year a set-aside row would have counted in, if its stage 1 received date can be read.
pub(crate) fn stage1_year(
    row: &Row,
    header: &columns::HeaderMatch,
    order: DateOrder,
) -> Option<FinancialYear> {
    let i = header.get(Column::Stage1Received)?;
    let date = match row.typed(i) {
        Some(Typed::Date(d)) => Some(d),
        Some(Typed::Number(n)) => values::date_from_serial(n),
        None => values::parse_date(row.text(i)?, order).ok(),
    }?;
    Some(FinancialYear::of(date))
}

pub(crate) use faults::Fault;
