//! site.toml moves on a year: the period's label, first day and last day. Nothing else in it belongs to one year, but
//! a value that names the old year (a `base_url` ending in it, say) is pointed out for a person to decide.

use toml_edit::{DocumentMut, Item, Value};

use crate::data::date::Date;

/// The new period.
pub(super) struct NewPeriod {
    /// First day: the day after the old period ended.
    pub(super) start: Date,
    /// Last day: a year after the old period's last day.
    pub(super) end: Date,
}

/// Moves the period on: the label to `to`, the start to the day after the old end, the end a year on. Returns the
/// new period and the other values that name the old year (`key = value`), or a sentence saying why it could not.
pub(super) fn roll(
    doc: &mut DocumentMut,
    from: &str,
    to: &str,
) -> Result<(NewPeriod, Vec<String>), String> {
    let period = doc
        .get_mut("period")
        .and_then(Item::as_table_like_mut)
        .ok_or("site.toml has no [period] table")?;
    let end = period
        .get("end")
        .and_then(Item::as_datetime)
        .and_then(|d| d.date)
        .ok_or("site.toml's [period] has no `end` date")?;
    let end = Date {
        year: end.year,
        month: end.month,
        day: end.day,
    };
    let new = NewPeriod {
        start: end.next_day(),
        end: end.years_later(1),
    };
    set(period.get_mut("label"), Value::from(to));
    set(period.get_mut("start"), date(new.start));
    set(period.get_mut("end"), date(new.end));
    let mut mentions = Vec::new();
    find_mentions(doc.as_table(), "", from, &mut mentions);
    Ok((new, mentions))
}

/// Replaces a value, keeping the comments and spacing around it.
fn set(item: Option<&mut Item>, new: Value) {
    if let Some(Item::Value(old)) = item {
        let decor = old.decor().clone();
        *old = new;
        *old.decor_mut() = decor;
    }
}

fn date(d: Date) -> Value {
    Value::from(toml_edit::Datetime {
        date: Some(toml_edit::Date {
            year: d.year,
            month: d.month,
            day: d.day,
        }),
        time: None,
        offset: None,
    })
}

/// Every text value (outside `[period]`) that contains `label`, as `key = "value"`.
fn find_mentions(table: &dyn toml_edit::TableLike, path: &str, label: &str, out: &mut Vec<String>) {
    for (key, item) in table.iter() {
        let here = if path.is_empty() {
            key.to_string()
        } else {
            format!("{path}.{key}")
        };
        if here == "period" {
            continue;
        }
        match item {
            Item::Value(Value::String(s)) if s.value().contains(label) => {
                out.push(format!("{here} = {:?}", s.value()));
            }
            Item::Value(Value::Array(a))
                if a.iter()
                    .any(|v| v.as_str().is_some_and(|s| s.contains(label))) =>
            {
                out.push(format!("{here} (a line of it)"));
            }
            Item::Table(t) => find_mentions(t, &here, label, out),
            Item::Value(Value::InlineTable(t)) => find_mentions(t, &here, label, out),
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn moves_the_period_on_keeping_comments() {
        let mut doc: DocumentMut = "title = \"Our report 2024-25\"\n\n[period]\nlabel = \"2024-25\"   # the year\nstart = 2024-04-01\nend = 2025-03-31 # last day\n".parse().unwrap();
        let (p, mentions) = roll(&mut doc, "2024-25", "2025-26").unwrap();
        assert_eq!(
            doc.to_string(),
            "title = \"Our report 2024-25\"\n\n[period]\nlabel = \"2025-26\"   # the year\nstart = 2025-04-01\nend = 2026-03-31 # last day\n"
        );
        assert_eq!(
            (p.start.to_string(), p.end.to_string()),
            ("2025-04-01".into(), "2026-03-31".into())
        );
        assert_eq!(mentions, ["title = \"Our report 2024-25\""]);
    }

    #[test]
    fn a_year_ending_on_a_leap_day_moves_to_the_last_day_of_february() {
        let mut doc: DocumentMut =
            "[period]\nlabel = \"2023-24\"\nstart = 2023-03-01\nend = 2024-02-29\n"
                .parse()
                .unwrap();
        let (p, _) = roll(&mut doc, "2023-24", "2024-25").unwrap();
        assert_eq!(
            (p.start.to_string(), p.end.to_string()),
            ("2024-03-01".into(), "2025-02-28".into())
        );
    }
}
