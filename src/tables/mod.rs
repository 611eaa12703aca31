//! Tables of figures, each defined once, feeding the HTML table, the CSV and JSON downloads (and, later, the
//! chart) alike, so the figure a reader sees and the figure they download cannot disagree.

pub mod report;

use serde::Serialize;
use serde_json::{json, Map, Value};

use crate::measures::ratio::{format_tenths, group_thousands};
use crate::measures::Ratio;

/// A table: a caption, a row-header column, data columns and rows.
#[derive(Debug, Clone, Serialize)]
pub struct Table {
    /// Stable id: the anchor on the page and the download's file name (`data/<id>.csv`).
    pub id: String,
    /// The caption: what the table shows, for whom, when.
    pub caption: String,
    /// The first column, whose cells are row headers.
    pub header: Column,
    /// The data columns.
    pub columns: Vec<Column>,
    /// The rows.
    pub rows: Vec<Row>,
    /// Notes printed under the table (definitions, the rounding rule).
    pub notes: Vec<String>,
}

/// A column.
#[derive(Debug, Clone, Serialize)]
pub struct Column {
    /// Machine name, used in the downloads.
    pub key: String,
    /// Heading readers see.
    pub label: String,
    /// Right-aligned with tabular figures.
    pub numeric: bool,
}

/// A row.
#[derive(Debug, Clone, Serialize)]
pub struct Row {
    /// The row header cell.
    pub header: String,
    /// One cell per data column.
    pub cells: Vec<Cell>,
}

/// One cell: what readers see, and what the downloads hold.
#[derive(Debug, Clone, Serialize)]
pub struct Cell {
    /// Text shown in the HTML table.
    pub display: String,
    /// Value in the downloads.
    #[serde(skip)]
    pub value: Value,
    /// For computed figures, the counts they came from.
    #[serde(skip)]
    pub ratio: Option<Ratio>,
}

/// Shown where a figure cannot be computed (nothing to divide by).
pub const NOT_APPLICABLE: &str = "n/a";

impl Cell {
    /// A count: "1,187".
    pub fn count(n: u64) -> Cell {
        Cell {
            display: group_thousands(&n.to_string()),
            value: json!(n),
            ratio: None,
        }
    }

    /// A computed figure with its unit suffix ("%" or "").
    pub fn ratio(r: Ratio, suffix: &str) -> Cell {
        match r.tenths() {
            Some(t) => Cell {
                display: format!("{}{suffix}", format_tenths(t)),
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

    /// A change in tenths with its unit, signed ("+4.0", "−1.2"); `n/a` if either side could not be computed.
    pub fn change(t: Option<i128>, suffix: &str) -> Cell {
        match t {
            Some(t) => Cell {
                display: format!(
                    "{}{}{suffix}",
                    if t > 0 { "+" } else { "" },
                    format_tenths(t).replace('-', "\u{2212}")
                ),
                value: tenths_value(t),
                ratio: None,
            },
            None => Cell {
                display: NOT_APPLICABLE.to_string(),
                value: Value::Null,
                ratio: None,
            },
        }
    }

    /// Pounds: "£41,380" or "£36,745.50".
    pub fn money(pounds: f64) -> Cell {
        Cell {
            display: format_money(pounds),
            value: json!(pounds),
            ratio: None,
        }
    }

    /// Plain text.
    pub fn text(s: impl Into<String>) -> Cell {
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

/// "£41,380" for whole pounds, "£36,745.50" otherwise.
pub fn format_money(pounds: f64) -> String {
    let pence = (pounds * 100.0).round() as i128;
    let whole = group_thousands(&(pence.abs() / 100).to_string());
    let sign = if pence < 0 { "-" } else { "" };
    if pence % 100 == 0 {
        format!("{sign}£{whole}")
    } else {
        format!("{sign}£{whole}.{:02}", pence.abs() % 100)
    }
}

impl Table {
    /// A new table with no rows.
    pub fn new(id: &str, caption: impl Into<String>, header: (&str, &str)) -> Table {
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
        }
    }

    /// Adds a numeric column.
    pub fn number_column(mut self, key: &str, label: &str) -> Table {
        self.columns.push(Column {
            key: key.to_string(),
            label: label.to_string(),
            numeric: true,
        });
        self
    }

    /// Adds a text column.
    pub fn text_column(mut self, key: &str, label: &str) -> Table {
        self.columns.push(Column {
            key: key.to_string(),
            label: label.to_string(),
            numeric: false,
        });
        self
    }

    /// Adds a note.
    pub fn note(mut self, note: impl Into<String>) -> Table {
        self.notes.push(note.into());
        self
    }

    /// Adds a row.
    pub fn row(&mut self, header: impl Into<String>, cells: Vec<Cell>) {
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
    pub fn to_csv(&self) -> String {
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
    pub fn to_json(&self) -> String {
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
        assert_eq!(format_money(41380.0), "£41,380");
        assert_eq!(format_money(36745.5), "£36,745.50");
        assert_eq!(Cell::change(Some(40), " points").display, "+4.0 points");
        assert_eq!(Cell::change(Some(-12), "").display, "\u{2212}1.2");
        assert_eq!(Cell::change(Some(-5), "").value, json!(-0.5));
    }
}
