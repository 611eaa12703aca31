//! data/ombudsman.toml moves on a year: the lists of things the Ombudsman found, ordered and published in the year
//! are emptied for the new one (an empty list is the file's way of saying "none this year", Code 8.1(c), (e), (f)),
//! and the determinations, which are counted per year, are kept for the years performance.toml still compares.

use toml_edit::{Array, DocumentMut, Item, Value};

/// The lists that belong to one report year.
pub(super) const YEARLY: [&str; 6] = [
    "non_compliance",
    "annual_reports",
    "other_reports",
    "failure_orders",
    "failure_notices",
    "orders",
];

/// What the roll did.
pub(super) struct Emptied {
    /// The lists emptied, with how many entries each had.
    pub(super) lists: Vec<(&'static str, usize)>,
    /// Years whose determinations were dropped with the year.
    pub(super) dropped: Vec<String>,
    /// Orders and failure orders not complied with when the year ended: a person should say what happened to them.
    pub(super) open: Vec<String>,
}

/// Empties the yearly lists for `to` and keeps the determinations of the `kept` years.
pub(super) fn roll(doc: &mut DocumentMut, from: &str, to: &str, kept: &[String]) -> Emptied {
    let mut done = Emptied {
        lists: Vec::new(),
        dropped: Vec::new(),
        open: open_orders(doc),
    };
    for key in YEARLY {
        let Some(item) = doc.get_mut(key) else {
            continue;
        };
        match item {
            Item::Value(Value::Array(a)) => {
                done.lists.push((key, a.len()));
                a.clear();
                a.set_trailing("");
                a.set_trailing_comma(false);
            }
            Item::ArrayOfTables(a) => {
                done.lists.push((key, a.len()));
                let comment = a
                    .get(0)
                    .and_then(|t| t.decor().prefix())
                    .and_then(|p| p.as_str())
                    .unwrap_or("")
                    .to_string();
                doc.remove(key);
                let mut empty = toml_edit::value(Array::new());
                if let Some(v) = empty.as_value_mut() {
                    v.decor_mut().set_suffix(format!(
                        "   # {from}'s were moved to archive/inputs/{from}/data/ombudsman.toml; add {to}'s here"
                    ));
                }
                doc.insert(key, empty);
                if let Some(mut k) = doc.key_mut(key) {
                    let comment = comment.trim_start_matches('\n');
                    k.leaf_decor_mut().set_prefix(comment);
                }
            }
            _ => {}
        }
    }
    if let Some(a) = doc
        .get_mut("determinations")
        .and_then(Item::as_array_of_tables_mut)
    {
        let mut dropped = Vec::new();
        a.retain(|t| {
            let year = t.get("year").and_then(Item::as_str).unwrap_or("");
            let keep = kept.iter().any(|k| k == year);
            if !keep {
                dropped.push(year.to_string());
            }
            keep
        });
        done.dropped = dropped;
    }
    done
}

/// "order 202507764" for each order or failure order with `complied = false`.
fn open_orders(doc: &DocumentMut) -> Vec<String> {
    let mut open = Vec::new();
    for (key, what) in [("orders", "order"), ("failure_orders", "failure order")] {
        let tables: Vec<&dyn toml_edit::TableLike> = match doc.get(key) {
            Some(Item::ArrayOfTables(a)) => {
                a.iter().map(|t| t as &dyn toml_edit::TableLike).collect()
            }
            Some(Item::Value(Value::Array(a))) => a
                .iter()
                .filter_map(Value::as_inline_table)
                .map(|t| t as &dyn toml_edit::TableLike)
                .collect(),
            _ => Vec::new(),
        };
        for t in tables {
            if t.get("complied").and_then(Item::as_bool) == Some(false) {
                let reference = t
                    .get("reference")
                    .and_then(Item::as_str)
                    .unwrap_or("with no reference");
                open.push(format!("{what} {reference}"));
            }
        }
    }
    open
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empties_the_years_lists_and_keeps_the_determinations() {
        let text = "# Ombudsman.\nnon_compliance = []      # none in 2024-25\nother_reports = [\n  { title = \"A\" },\n]\n\n[[determinations]]\nyear = \"2022-23\"\ncases = 1\n\n[[determinations]]\nyear = \"2024-25\"\ncases = 2\n\n# The year's annual report.\n[[annual_reports]]\ntitle = \"Report\"\n\n[[orders]]\nreference = \"1\"\ncomplied = true\n\n[[orders]]\nreference = \"2\"\ncomplied = false\n";
        let mut doc: DocumentMut = text.parse().unwrap();
        let done = roll(
            &mut doc,
            "2024-25",
            "2025-26",
            &["2023-24".into(), "2024-25".into(), "2025-26".into()],
        );
        let out = doc.to_string();
        assert_eq!(
            done.lists,
            [
                ("non_compliance", 0),
                ("annual_reports", 1),
                ("other_reports", 1),
                ("orders", 2)
            ]
        );
        assert_eq!(done.dropped, ["2022-23"]);
        assert_eq!(done.open, ["order 2"]);
        assert!(
            out.starts_with(
                "# Ombudsman.\nnon_compliance = []      # none in 2024-25\nother_reports = []\n"
            ),
            "{out}"
        );
        assert!(out.contains("# The year's annual report.\nannual_reports = []   # 2024-25's were moved to archive/inputs/2024-25/data/ombudsman.toml; add 2025-26's here\n"), "{out}");
        assert!(
            !out.contains("2022-23") && out.contains("year = \"2024-25\""),
            "{out}"
        );
        assert!(
            !out.contains("[[orders]]") && !out.contains("[[annual_reports]]"),
            "{out}"
        );
        let back: toml::Table = toml::from_str(&out).unwrap();
        assert!(back["orders"].as_array().unwrap().is_empty());
    }
}
