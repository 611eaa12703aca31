//! data/performance.toml moves on a year: a `[[years]]` entry for the new year, the same shape as the last (split by
//! tenure or combined, the same categories, refusal reasons, remedies, quarters and breakdowns) with every count 0,
//! and the earlier years kept for comparison, at most five in all.
//!
//! Counts that are denominators (homes of each tenure, each transaction's count) keep last year's value instead of
//! 0: a 0 there is an error (nothing to divide by), and last year's number is the best draft. Things measured afresh
//! each year whose old values would be wrong rather than merely out of date are left out: the survey summary and a
//! weighted TP09 (`published`). A year whose counts come from its complaints log (`cases`) gives way to a year that
//! names the next log: the same path with the year in it moved on ("private/complaints-2026-27.csv"), or the same
//! path when it names no year (an export that grows, counted by each complaint's dates). The new entry's comment says
//! all this.

use toml_edit::{ArrayOfTables, DocumentMut, Formatted, Item, Table, TableLike, Value};

/// The report compares at most five years (the report year and four before it, see the performance page's year on
/// year tables), so an older year is dropped from the file; it is kept in the archived inputs.
pub(super) const MAX_YEARS: usize = 5;

/// What the roll did.
#[derive(Debug)]
pub(super) struct Years {
    /// The years kept, oldest first, the new one last.
    pub(super) kept: Vec<String>,
    /// The years dropped because more than [`MAX_YEARS`] would have remained.
    pub(super) dropped: Vec<String>,
    /// The complaints log the new year names, when the year before named one.
    pub(super) log: Option<String>,
}

/// Adds `to` after `from` (which must be the last year) and drops the oldest years beyond [`MAX_YEARS`]; a
/// sentence saying why when the file is not laid out in a way this can do.
pub(super) fn roll(doc: &mut DocumentMut, from: &str, to: &str) -> Result<Years, String> {
    let years = doc
        .get_mut("years")
        .and_then(Item::as_array_of_tables_mut)
        .ok_or("its years are not written as [[years]] tables")?;
    let last = years.iter().last().ok_or("it has no [[years]]")?.clone();
    let last_label = label(&last);
    if last_label.as_deref() != Some(from) {
        return Err(format!(
            "its last year is `{}`, not the report year {from}",
            last_label.unwrap_or_default()
        ));
    }
    let mut new = last;
    forget_positions(&mut new);
    blank(&mut new, &["homes", "quarter", "stage"]);
    let log = next_log(&mut new, from, to);
    if let Some(Item::Value(v)) = new.get_mut("label") {
        let decor = v.decor().clone();
        *v = Value::from(to);
        *v.decor_mut() = decor;
    }
    let survey = new.contains_key("survey") || has_tp09(&new);
    new.remove("survey");
    new.decor_mut()
        .set_prefix(header(from, to, survey, log.is_some()));
    new.decor_mut().set_suffix("");
    years.push(new);

    let mut dropped = Vec::new();
    while years.len() > MAX_YEARS {
        dropped.push(drop_first(years));
    }
    let kept = years.iter().filter_map(label).collect();
    Ok(Years { kept, dropped, log })
}

/// Points the new year's `cases` at the next year's log, with a comment saying so; the new path, if there is one.
fn next_log(t: &mut Table, from: &str, to: &str) -> Option<String> {
    let Some(Item::Value(Value::String(path))) = t.get_mut("cases") else {
        return None;
    };
    let old = path.value().clone();
    let new = old.replace(from, to);
    let note = if new == old {
        format!("  # the same log as {from}'s: the build counts the complaints of {to} in it")
    } else {
        format!("  # {to}'s complaints log: export it here from your case system")
    };
    let mut decor = path.decor().clone();
    decor.set_suffix(note);
    let mut value = Formatted::new(new.clone());
    *value.decor_mut() = decor;
    *path = value;
    Some(new)
}

fn label(t: &Table) -> Option<String> {
    t.get("label").and_then(Item::as_str).map(str::to_string)
}

fn has_tp09(t: &Table) -> bool {
    t.contains_key("tp09")
        || ["lcra", "lcho"].iter().any(|k| {
            t.get(k)
                .and_then(Item::as_table_like)
                .is_some_and(|x| x.contains_key("tp09"))
        })
}

/// The comment above the new year's entry.
fn header(from: &str, to: &str, survey: bool, log: bool) -> String {
    let counts = if log {
        "Its counts come from its complaints log (cases); any other count is 0 until you fill it in."
    } else {
        "Every count is 0 until you fill it in."
    };
    let mut text = format!(
        "\n# ---------------------------------------------------------------- {to}, added by `redress new-year`\n\
         # {counts}\n\
         # homes (and each transaction's count) and the targets are {from}'s: check them at the end of {to}.\n"
    );
    if survey {
        text.push_str("# Add [years.survey] and the TP09 counts when this year's tenant survey results are in.\n");
    }
    text
}

/// Removes the first year, keeping the file's own opening comment (the part of the comment above the first year
/// that a blank line separates from that year's own).
fn drop_first(years: &mut ArrayOfTables) -> String {
    let opening = super::opening_comment(super::prefix(years.get(0).map(|t| t.decor())));
    let removed = years.remove(0);
    if let Some(next) = years.get_mut(0) {
        let own = super::prefix(Some(next.decor()))
            .trim_start_matches('\n')
            .to_string();
        if !opening.is_empty() {
            next.decor_mut().set_prefix(format!("{opening}{own}"));
        }
    }
    label(&removed).unwrap_or_default()
}

/// A copied table keeps the places its tables had in the file; without them it is written after the last year, as
/// a new entry should be.
fn forget_positions(t: &mut Table) {
    t.set_position(None);
    for (_, item) in t.iter_mut() {
        match item {
            Item::Table(sub) => forget_positions(sub),
            Item::ArrayOfTables(a) => a.iter_mut().for_each(forget_positions),
            _ => {}
        }
    }
}

/// Sets every count in `t` to 0, but for the keys in `keep` (denominators and identifiers), and removes what is
/// measured afresh each year.
fn blank(t: &mut dyn TableLike, keep: &[&str]) {
    t.remove("published");
    for (key, item) in t.iter_mut() {
        let inner: &[&str] = if key.get() == "transactions" {
            &["count", "homes", "quarter", "stage"]
        } else {
            keep
        };
        match item {
            Item::Value(v) => blank_value(v, keep.contains(&key.get()), inner),
            Item::Table(sub) => blank(sub, inner),
            Item::ArrayOfTables(a) => a.iter_mut().for_each(|sub| blank(sub, inner)),
            Item::None => {}
        }
    }
}

fn blank_value(v: &mut Value, kept: bool, inner: &[&str]) {
    match v {
        Value::Integer(n) if !kept => {
            let old = n.display_repr().len();
            let mut decor = n.decor().clone();
            // Keep a trailing comment where it was: pad for the digits that went.
            if let Some(suffix) = decor.suffix().and_then(|s| s.as_str()) {
                if suffix.starts_with(' ') && suffix.contains('#') {
                    let padded = format!("{}{suffix}", " ".repeat(old.saturating_sub(1)));
                    decor.set_suffix(padded);
                }
            }
            let mut zero = Formatted::new(0);
            *zero.decor_mut() = decor;
            *n = zero;
        }
        Value::InlineTable(t) => blank(t, inner),
        Value::Array(a) => {
            for item in a.iter_mut() {
                if let Value::InlineTable(t) = item {
                    blank(t, inner);
                }
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const FILE: &str = "# Our complaints.\n\n# ---- 2023-24\n[[years]]\nlabel = \"2023-24\"\nhomes = 900\n\n[years.stage1]\nreceived = 50\nresponded = 48   # sent\n\n# ---- 2024-25\n[[years]]\nlabel = \"2024-25\"   # the report year\nhomes = 910\nrefusals = [{ reason = \"Too late\", count = 3 }]\ncases = \"private/cases-2024-25.csv\"\n\n[[years.remedies]]\nkind = \"Apology\"\ncases = 40\n\n[years.stage1]\nreceived = 648             # received\nresponded = 60\n\n[years.tp09]\nsurveyed = 40\nsatisfied = 20\npublished = 49.5\n\n[years.survey]\nmethod = \"Phone\"\n\n[[years.transactions]]\nname = \"Repairs\"\ncount = 4_000\ncomplaints = 12\n\n[years.targets]\nch02_stage1 = 95.0\n\n[[sector]]\nmeasure = \"tp09\"\n";

    #[test]
    fn adds_the_year_after_the_last_with_its_counts_at_zero() {
        let mut doc: DocumentMut = FILE.parse().unwrap();
        let years = roll(&mut doc, "2024-25", "2025-26").unwrap();
        assert_eq!(years.kept, ["2023-24", "2024-25", "2025-26"]);
        let out = doc.to_string();
        assert!(
            out.starts_with(FILE.split("[[sector]]").next().unwrap()),
            "{out}"
        );
        let added = &out[out.find("added by").unwrap()..out.find("[[sector]]").unwrap()];
        assert!(added.contains("label = \"2025-26\"   # the report year\nhomes = 910\nrefusals = [{ reason = \"Too late\", count = 0 }]"), "{added}");
        assert!(
            added.contains("received = 0               # received\nresponded = 0\n"),
            "{added}"
        );
        assert!(
            added.contains(
                "cases = \"private/cases-2025-26.csv\"  # 2025-26's complaints log: export it here"
            ) && added.contains("kind = \"Apology\"\ncases = 0\n"),
            "{added}"
        );
        assert!(
            added.contains("Its counts come from its complaints log (cases)"),
            "{added}"
        );
        assert_eq!(years.log.as_deref(), Some("private/cases-2025-26.csv"));
        assert!(
            added.contains("[years.tp09]\nsurveyed = 0\nsatisfied = 0\n\n"),
            "{added}"
        );
        assert!(
            !added.contains("published") && !added.contains("method = "),
            "{added}"
        );
        assert!(added.contains("count = 4_000\ncomplaints = 0\n"), "{added}");
        assert!(added.contains("ch02_stage1 = 95.0"), "{added}");
        assert!(added.contains("Add [years.survey]"), "{added}");
        // It parses back to the same shape.
        let back: toml::Table = toml::from_str(&out).unwrap();
        assert_eq!(back["years"].as_array().unwrap().len(), 3);
    }

    #[test]
    fn keeps_at_most_five_years_and_the_files_opening_comment() {
        let mut text = String::from("# Our complaints.\n# Counts by year.\n");
        for y in 2019..2025 {
            text.push_str(&format!(
                "\n# ---- {y}\n[[years]]\nlabel = \"{y}\"\nhomes = 1\n"
            ));
        }
        let mut doc: DocumentMut = text.parse().unwrap();
        let years = roll(&mut doc, "2024", "2025").unwrap();
        assert_eq!(years.dropped, ["2019", "2020"]);
        assert_eq!(years.kept, ["2021", "2022", "2023", "2024", "2025"]);
        let out = doc.to_string();
        assert!(
            out.starts_with(
                "# Our complaints.\n# Counts by year.\n\n# ---- 2021\n[[years]]\nlabel = \"2021\""
            ),
            "{out}"
        );
    }

    #[test]
    fn refuses_when_the_last_year_is_not_the_report_year() {
        let mut doc: DocumentMut = FILE.parse().unwrap();
        assert!(roll(&mut doc, "2023-24", "2024-25")
            .unwrap_err()
            .contains("last year is `2024-25`"));
    }
}
