//! Tables of figures, each defined once, feeding the HTML table, the chart drawn from it and the CSV and JSON
//! downloads alike, so the figure a reader sees and the figure they download cannot disagree.
//!
//! One file per page: [`performance`], [`ombudsman`], [`self_assessment`] (with learning). [`all`] is the list.

mod ombudsman;
pub(crate) mod performance;
mod self_assessment;
pub(crate) mod submission;

use std::collections::BTreeMap;

use crate::model::Report;

use serde::Serialize;
use serde_json::{json, Map, Value};

use crate::data::money::Money;
use crate::format;
use crate::measures::Ratio;

/// A table: a caption, a row-header column, data columns and rows.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct Table {
    /// Stable id: the anchor on the page and the download's file name (`data/<id>.csv`).
    pub(crate) id: String,
    /// The caption: what the table shows, for whom, when.
    pub(crate) caption: String,
    /// The first column, whose cells are row headers.
    pub(crate) header: Column,
    /// The data columns.
    pub(crate) columns: Vec<Column>,
    /// The rows.
    pub(crate) rows: Vec<Row>,
    /// Notes printed under the table (definitions, the rounding rule).
    pub(crate) notes: Vec<String>,
    /// Shown (and downloadable) only when it has rows: a part of the report a landlord may leave out.
    #[serde(skip)]
    pub(crate) optional: bool,
}

/// The note every table of computed figures carries.
pub(crate) const ROUNDING_NOTE: &str =
    "Figures are computed from the counts and rounded to one decimal place, halves away from zero. n/a: nothing to divide by.";

/// Every table of the report, keyed by id (sorted, so output order is stable). Optional tables without rows are
/// left out, so neither a page nor the downloads offer an empty table.
pub(crate) fn all(r: &Report) -> BTreeMap<String, Table> {
    let mut tables = vec![
        performance::volumes(r),
        performance::ch01(r),
        performance::ch01_trend(r),
        performance::ch02(r),
        performance::ch02_trend(r),
        performance::timescales(r),
        performance::response_times(r),
        performance::tp09(r),
        performance::outcomes(r),
        performance::categories(r),
        performance::refusals(r),
        performance::remedies(r),
        performance::quarters(r),
        performance::transactions(r),
        performance::targets(r),
        performance::sector(r),
        ombudsman::determinations(r),
        ombudsman::findings(r),
        ombudsman::orders(r),
        ombudsman::failure_orders(r),
        self_assessment::summary(r),
        self_assessment::provisions(r),
        self_assessment::actions(r),
        self_assessment::improvements(r),
        submission::facts(r),
        submission::answers(r),
    ];
    tables.extend(performance::breakdowns(r));
    tables
        .into_iter()
        .filter(|t| !(t.optional && t.rows.is_empty()))
        .map(|t| (t.id.clone(), t))
        .collect()
}

/// "2023-24 to 2025-26": the years a table covers.
pub(crate) fn span(r: &Report) -> String {
    match (r.years.first(), r.years.last()) {
        (Some(a), Some(b)) if r.years.len() > 1 => format!("{} to {}", a.label, b.label),
        (_, Some(b)) => b.label.clone(),
        _ => String::new(),
    }
}

/// A column.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct Column {
    /// Machine name, used in the downloads.
    pub(crate) key: String,
    /// Heading readers see.
    pub(crate) label: String,
    /// Right-aligned with tabular figures.
    pub(crate) numeric: bool,
}

/// A row.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct Row {
    /// The row header cell.
    pub(crate) header: String,
    /// One cell per data column.
    pub(crate) cells: Vec<Cell>,
}

/// One cell: what readers see, and what the downloads hold.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct Cell {
    /// Text shown in the HTML table.
    pub(crate) display: String,
    /// Value in the downloads.
    #[serde(skip)]
    pub(crate) value: Value,
    /// For computed figures, the counts they came from.
    #[serde(skip)]
    pub(crate) ratio: Option<Ratio>,
}

/// Shown where a figure cannot be computed (nothing to divide by).
pub(crate) const NOT_APPLICABLE: &str = "n/a";

impl Cell {
    /// A count: "1,187".
    pub(crate) fn count(n: u64) -> Cell {
        Cell {
            display: format::count(n),
            value: json!(n),
            ratio: None,
        }
    }

    /// A computed figure with its unit suffix ("%" or "").
    pub(crate) fn ratio(r: Ratio, suffix: &str) -> Cell {
        match r.tenths() {
            Some(t) => Cell {
                display: format!("{}{suffix}", format::tenths(t)),
                value: tenths_value(t),
                ratio: Some(r),
            },
            None => Cell {
                display: NOT_APPLICABLE.to_string(),
                value: Value::Null,
                ratio: Some(r),
            },
        }
    }

    /// Money: "£41,380" or "£36,745.50" on the page, pounds with two decimal places in the downloads (written
    /// from the exact pence, so the JSON number is the decimal the landlord gave).
    pub(crate) fn money(m: Money) -> Cell {
        Cell {
            display: format::money(m),
            value: serde_json::from_str(&format::money_plain(m)).unwrap_or(Value::Null),
            ratio: None,
        }
    }

    /// A figure someone else published, in tenths (a target, a quartile), with its unit suffix.
    pub(crate) fn figure(t: i64, suffix: &str) -> Cell {
        Cell {
            display: format!("{}{suffix}", format::tenths(i128::from(t))),
            value: tenths_value(i128::from(t)),
            ratio: None,
        }
    }

    /// Plain text.
    pub(crate) fn text(s: impl Into<String>) -> Cell {
        let s = s.into();
        Cell {
            display: s.clone(),
            value: Value::String(s),
            ratio: None,
        }
    }
}

fn tenths_value(t: i128) -> Value {
    // t/10 printed with one decimal is exact in the JSON text, e.g. 97.8.
    serde_json::from_str(&format!("{}.{}", t / 10, (t % 10).abs()).replacen(
        "0.",
        if t < 0 && t > -10 { "-0." } else { "0." },
        1,
    ))
    .unwrap_or(Value::Null)
}

impl Table {
    /// A new table with no rows.
    pub(crate) fn new(id: &str, caption: impl Into<String>, header: (&str, &str)) -> Table {
        Table {
            id: id.to_string(),
            caption: caption.into(),
            header: Column {
                key: header.0.to_string(),
                label: header.1.to_string(),
                numeric: false,
            },
            columns: Vec::new(),
            rows: Vec::new(),
            notes: Vec::new(),
            optional: false,
        }
    }

    /// Adds a numeric column.
    pub(crate) fn number_column(mut self, key: &str, label: &str) -> Table {
        self.columns.push(Column {
            key: key.to_string(),
            label: label.to_string(),
            numeric: true,
        });
        self
    }

    /// Adds a text column.
    pub(crate) fn text_column(mut self, key: &str, label: &str) -> Table {
        self.columns.push(Column {
            key: key.to_string(),
            label: label.to_string(),
            numeric: false,
        });
        self
    }

    /// Adds a note.
    pub(crate) fn note(mut self, note: impl Into<String>) -> Table {
        self.notes.push(note.into());
        self
    }

    /// Adds a row.
    pub(crate) fn row(&mut self, header: impl Into<String>, cells: Vec<Cell>) {
        debug_assert_eq!(
            cells.len(),
            self.columns.len(),
            "row width of table {}",
            self.id
        );
        self.rows.push(Row {
            header: header.into(),
            cells,
        });
    }

    /// Columns that carry computed figures, which get numerator and denominator columns in the downloads.
    fn ratio_columns(&self) -> Vec<bool> {
        (0..self.columns.len())
            .map(|i| {
                self.rows
                    .iter()
                    .any(|r| r.cells.get(i).is_some_and(|c| c.ratio.is_some()))
            })
            .collect()
    }

    /// The table as CSV: a header row of column keys; each computed figure followed by its numerator and
    /// denominator.
    pub(crate) fn to_csv(&self) -> String {
        let ratio = self.ratio_columns();
        let mut w = csv::WriterBuilder::new()
            .terminator(csv::Terminator::CRLF)
            .from_writer(Vec::new());
        let mut head = vec![self.header.key.clone()];
        for (c, r) in self.columns.iter().zip(&ratio) {
            head.push(c.key.clone());
            if *r {
                head.push(format!("{}_numerator", c.key));
                head.push(format!("{}_denominator", c.key));
            }
        }
        // Writing to a Vec cannot fail; errors would only come from the underlying writer.
        let _ = w.write_record(&head);
        for row in &self.rows {
            let mut rec = vec![row.header.clone()];
            for (cell, r) in row.cells.iter().zip(&ratio) {
                rec.push(match &cell.value {
                    Value::Null => String::new(),
                    Value::String(s) => s.clone(),
                    v => v.to_string(),
                });
                if *r {
                    let (n, d) = cell.ratio.map_or((String::new(), String::new()), |q| {
                        (q.numerator.to_string(), q.denominator.to_string())
                    });
                    rec.push(n);
                    rec.push(d);
                }
            }
            let _ = w.write_record(&rec);
        }
        String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default()
    }

    /// The table as JSON: its caption, notes, columns, and rows of objects keyed by column; computed figures are
    /// objects with `value`, `numerator`, `denominator` and `scale`.
    pub(crate) fn to_json(&self) -> String {
        let rows: Vec<Value> = self
            .rows
            .iter()
            .map(|row| {
                let mut obj = Map::new();
                obj.insert(self.header.key.clone(), Value::String(row.header.clone()));
                for (col, cell) in self.columns.iter().zip(&row.cells) {
                    let v = match cell.ratio {
                        Some(r) => json!({
                            "value": cell.value,
                            "numerator": r.numerator,
                            "denominator": r.denominator,
                            "scale": r.scale,
                        }),
                        None => cell.value.clone(),
                    };
                    obj.insert(col.key.clone(), v);
                }
                Value::Object(obj)
            })
            .collect();
        let doc = json!({
            "id": self.id,
            "caption": self.caption,
            "notes": self.notes,
            "columns": std::iter::once(&self.header).chain(&self.columns)
                .map(|c| json!({"key": c.key, "label": c.label}))
                .collect::<Vec<_>>(),
            "rows": rows,
        });
        let mut s = serde_json::to_string_pretty(&doc).unwrap_or_default();
        s.push('\n');
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_carries_numerator_and_denominator() {
        let mut t = Table::new("ch02", "CH02", ("year", "Year")).number_column("stage1", "Stage 1");
        t.row(
            "2025-26",
            vec![Cell::ratio(Ratio::percent(1077, 1171), "%")],
        );
        assert_eq!(
            t.to_csv(),
            "year,stage1,stage1_numerator,stage1_denominator\r\n2025-26,92.0,1077,1171\r\n"
        );
        let json: Value = serde_json::from_str(&t.to_json()).unwrap();
        assert_eq!(json["rows"][0]["stage1"]["numerator"], 1077);
        assert_eq!(json["rows"][0]["stage1"]["value"], 92.0);
    }

    #[test]
    fn money_and_change_formats() {
        assert_eq!(
            Cell::money(Money::from_pence(3_674_550)).value,
            json!(36745.5)
        );
        assert_eq!(Cell::figure(-5, "").value, json!(-0.5));
    }
}
