//! data/improvements.toml moves on a year: improvements still under way or planned are kept (next year's report
//! says how they went), and those done are dropped, since they were that year's learning (Code 8.1(d)); they stay in
//! the archived inputs and in the frozen report.

use toml_edit::{Array, DocumentMut, Item, Value};

/// How many improvements were kept and dropped.
pub(super) struct Kept {
    /// Still under way or planned.
    pub(super) kept: usize,
    /// Done, so dropped.
    pub(super) dropped: usize,
}

/// Drops the improvements whose status is done. A list left empty becomes `improvements = []`, which the model
/// reads as "none this year" rather than a missing part.
pub(super) fn roll(doc: &mut DocumentMut) -> Kept {
    let done = |status: Option<&str>| status.is_some_and(|s| s.trim().eq_ignore_ascii_case("done"));
    let mut count = Kept {
        kept: 0,
        dropped: 0,
    };
    let mut opening = String::new();
    let emptied = match doc.get_mut("improvements") {
        Some(Item::ArrayOfTables(a)) => {
            let before = a.len();
            let first_goes = a
                .get(0)
                .is_some_and(|t| done(t.get("status").and_then(Item::as_str)));
            if first_goes {
                opening = super::opening_comment(super::prefix(a.get(0).map(|t| t.decor())));
            }
            a.retain(|t| !done(t.get("status").and_then(Item::as_str)));
            count.kept = a.len();
            count.dropped = before - a.len();
            if let (Some(first), false) = (a.get_mut(0), opening.is_empty()) {
                let own = super::prefix(Some(first.decor()))
                    .trim_start_matches('\n')
                    .to_string();
                first.decor_mut().set_prefix(format!("{opening}{own}"));
            }
            a.is_empty()
        }
        Some(Item::Value(Value::Array(a))) => {
            let before = a.len();
            a.retain(|v| {
                !done(
                    v.as_inline_table()
                        .and_then(|t| t.get("status"))
                        .and_then(Value::as_str),
                )
            });
            count.kept = a.len();
            count.dropped = before - a.len();
            false
        }
        _ => false,
    };
    if emptied {
        doc.remove("improvements");
        doc.insert("improvements", toml_edit::value(Array::new()));
        if let Some(mut key) = doc.key_mut("improvements") {
            key.leaf_decor_mut().set_prefix(opening);
        }
    }
    count
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_what_is_not_done() {
        let text = "# Learning.\n\n[[improvements]]\ntheme = \"A\"\nstatus = \"done\"\n\n[[improvements]]\ntheme = \"B\"   # still going\nstatus = \"in progress\"\n\n[[improvements]]\ntheme = \"C\"\nstatus = \"Done\"\n";
        let mut doc: DocumentMut = text.parse().unwrap();
        let kept = roll(&mut doc);
        assert_eq!((kept.kept, kept.dropped), (1, 2));
        assert_eq!(
            doc.to_string(),
            "# Learning.\n\n[[improvements]]\ntheme = \"B\"   # still going\nstatus = \"in progress\"\n"
        );
    }

    #[test]
    fn all_done_leaves_an_empty_list() {
        let mut doc: DocumentMut =
            "# Learning.\n\n[[improvements]]\ntheme = \"A\"\nstatus = \"done\"\n"
                .parse()
                .unwrap();
        roll(&mut doc);
        assert_eq!(doc.to_string(), "# Learning.\n\nimprovements = []\n");
    }
}
