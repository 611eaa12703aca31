//! Problems with rows: the [`Fault`] type the readers and rules raise, and how faults become diagnostics on the
//! right cell (with the sheet and column for a workbook). Also the two checks that need every row at once: duplicate
//! references, and dates past the built-in bank holidays.

use std::collections::{BTreeMap, HashMap};

use super::columns::{Column, HeaderMatch};
use super::read::{Row, Table};
use super::{stage1_year, RowResult};
use crate::data::date::Date;
use crate::data::site::DateOrder;
use crate::diagnostics::{Diagnostic, Diagnostics, Severity};

/// A problem with one row, on the cell it is about (or the whole row when `column` is `None`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Fault {
    /// An error sets the row aside; a warning does not.
    pub(crate) severity: Severity,
    /// The cell.
    pub(crate) column: Option<Column>,
    /// What is wrong.
    pub(crate) message: String,
    /// The label beside the caret.
    pub(crate) label: String,
    /// What to do.
    pub(crate) help: String,
}

impl Fault {
    /// An error: the row is set aside.
    pub(crate) fn error(
        column: Option<Column>,
        message: String,
        label: &str,
        help: impl Into<String>,
    ) -> Fault {
        Fault {
            severity: Severity::Error,
            column,
            message,
            label: label.to_string(),
            help: help.into(),
        }
    }

    /// A warning: the row is counted.
    pub(crate) fn warning(
        column: Option<Column>,
        message: String,
        label: &str,
        help: impl Into<String>,
    ) -> Fault {
        Fault {
            severity: Severity::Warning,
            ..Fault::error(column, message, label, help)
        }
    }

    /// True for an error.
    pub(crate) fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// Every row whose reference another row also has is set aside: with two rows for one complaint, neither can be
/// trusted, and keeping the first would make the counts depend on the order of the rows.
pub(super) fn set_aside_duplicates(
    table: &Table,
    header: &HeaderMatch,
    results: &mut [RowResult<'_>],
    order: DateOrder,
    diags: &mut Diagnostics,
) {
    // Count each reference first, and keep the lines only of those used more than once.
    let mut seen: HashMap<&str, u32> = HashMap::with_capacity(results.len());
    for r in results.iter() {
        if let Some(reference) = &r.reference {
            *seen.entry(reference.as_ref()).or_default() += 1;
        }
    }
    let mut duplicated: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for r in results.iter() {
        if let Some(reference) = r.reference.as_deref().filter(|x| seen.get(x) > Some(&1)) {
            duplicated
                .entry(reference.to_string())
                .or_default()
                .push(r.row.line);
        }
    }
    if duplicated.is_empty() {
        return;
    }
    for r in results.iter_mut() {
        let row = r.row;
        let Some(others) = r.reference.as_deref().and_then(|x| duplicated.get(x)) else {
            continue;
        };
        let index = header.get(Column::Reference);
        let span = index.map_or_else(|| table.row_span(row), |i| table.cell_span(row, i));
        let shown = index.and_then(|i| row.text(i)).map_or("", str::trim);
        let elsewhere: Vec<String> = others
            .iter()
            .filter(|l| **l != row.line)
            .map(ToString::to_string)
            .collect();
        diags.push(
            Diagnostic::error(format!(
                "the reference `{shown}` is also on line {}",
                elsewhere.join(" and line ")
            ))
            .at(&table.source, span)
            .label(label_for(table, index, "duplicate reference"))
            .help("each complaint is one row, with its own reference; every row with this reference is set aside until it appears once"),
        );
        if r.facts.is_ok() {
            r.facts = Err(stage1_year(row, header, order));
        }
    }
}

/// A caret label, with the cell's name (`D7`) in a workbook, where columns are letters.
fn label_for(table: &Table, cell: Option<usize>, label: &str) -> String {
    match (&table.sheet, cell) {
        (Some(sheet), Some(i)) => format!(
            "{label} (sheet {sheet}, column {})",
            super::read::column_letters(i)
        ),
        _ => label.to_string(),
    }
}

/// One warning for all the rows that use dates outside the built-in bank holidays, naming the first.
pub(super) fn report_outside_calendar(
    table: &Table,
    results: &[RowResult<'_>],
    diags: &mut Diagnostics,
) {
    let outside: Vec<(&Row, Date)> = results
        .iter()
        .filter_map(|r| Some((r.row, r.facts.as_ref().ok()?.outside_calendar?)))
        .collect();
    let Some((first, date)) = outside.first() else {
        return;
    };
    let others = match outside.len() {
        1 => String::new(),
        n => format!(" (and {} more rows)", n - 1),
    };
    diags.push(
        Diagnostic::warning(format!(
            "{} falls outside the years whose bank holidays redress knows (2019 to 2030){others}",
            date.long()
        ))
        .at(&table.source, table.row_span(first))
        .label("working days counted without bank holidays")
        .help("working days on such dates skip weekends and site.toml's [cases] closure_days only; add that year's bank holidays as closure_days, or update redress"),
    );
}

/// Warnings that repeat (an unknown tenure on 300 rows) are reported once, at their first row, with a count and the
/// lines of the next few; errors are always reported on every row, since each row needs fixing.
#[derive(Default)]
pub(super) struct Warnings {
    seen: BTreeMap<String, (Diagnostic, Vec<usize>)>,
}

impl Warnings {
    pub(super) fn push(
        &mut self,
        table: &Table,
        row: &Row,
        header: &HeaderMatch,
        f: Fault,
        diags: &mut Diagnostics,
    ) {
        let index = f.column.and_then(|c| header.get(c));
        let span = index.map_or_else(|| table.row_span(row), |i| table.cell_span(row, i));
        let error = f.is_error();
        let d = if error {
            Diagnostic::error(f.message.clone())
        } else {
            Diagnostic::warning(f.message.clone())
        }
        .at(&table.source, span)
        .label(label_for(table, index, &f.label))
        .help(f.help);
        if error {
            diags.push(d);
            return;
        }
        self.seen
            .entry(f.message)
            .and_modify(|(_, lines)| lines.push(row.line))
            .or_insert((d, Vec::new()));
    }

    pub(super) fn finish(self, diags: &mut Diagnostics) {
        for (_, (mut d, lines)) in self.seen {
            if !lines.is_empty() {
                let shown: Vec<String> = lines.iter().take(10).map(ToString::to_string).collect();
                let more = if lines.len() > 10 { ", …" } else { "" };
                let note = format!(
                    "the same on {} more row{} (line{} {}{more})",
                    lines.len(),
                    if lines.len() == 1 { "" } else { "s" },
                    if lines.len() == 1 { "" } else { "s" },
                    shown.join(", ")
                );
                d.help = Some(match d.help {
                    Some(h) => format!("{h}\n{note}"),
                    None => note,
                });
            }
            diags.push(d);
        }
    }
}
