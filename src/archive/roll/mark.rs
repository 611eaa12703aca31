//! The `carried_over` mark: one line at the top of a data file, or of a content file's front matter, that the model
//! turns into a warning until a person has reviewed the file and deleted the line.

use toml_edit::{value, DocumentMut, Item};

/// The key.
pub(super) const KEY: &str = "carried_over";

/// The year a document is already marked as carried over from, if it is.
pub(super) fn existing(doc: &DocumentMut) -> Option<String> {
    doc.get(KEY)
        .map(|v| v.as_str().map_or_else(|| v.to_string(), str::to_string))
}

/// Puts `carried_over = "<from>"` first in the document, with a comment on the same line saying what to do, and a
/// blank line between it and what was at the top.
pub(super) fn mark(doc: &mut DocumentMut, from: &str, to: &str) {
    let first_before = first_prefix(doc);
    let mut v = value(from);
    if let Some(v) = v.as_value_mut() {
        v.decor_mut().set_prefix(" ");
        v.decor_mut().set_suffix(format!(
            "  # kept from {from} by `redress new-year`: review this file for {to}, then delete this line"
        ));
    }
    let root = doc.as_table_mut();
    root.insert(KEY, v);
    root.sort_values_by(|a, _, b, _| (a.get() != KEY).cmp(&(b.get() != KEY)));
    if let Some(mut key) = root.key_mut(KEY) {
        key.leaf_decor_mut().set_prefix("");
    }
    if let Some(prefix) = first_before {
        set_first_prefix(doc, &format!("\n{prefix}"));
    }
}

/// The text before whatever comes first in the document (a key's comments, or a table header's), before the mark.
fn first_prefix(doc: &DocumentMut) -> Option<String> {
    let root = doc.as_table();
    if let Some((key, item)) = root.iter().find(|(_, i)| i.is_value()) {
        let _ = item;
        let k = root.key(key)?;
        return Some(
            k.leaf_decor()
                .prefix()
                .and_then(|p| p.as_str())
                .unwrap_or("")
                .to_string(),
        );
    }
    first_table(root).map(|t| {
        t.decor()
            .prefix()
            .and_then(|p| p.as_str())
            .unwrap_or("")
            .to_string()
    })
}

fn set_first_prefix(doc: &mut DocumentMut, prefix: &str) {
    let root = doc.as_table_mut();
    let first_value = root
        .iter()
        .find(|(k, i)| *k != KEY && i.is_value())
        .map(|(k, _)| k.to_string());
    if let Some(name) = first_value {
        if let Some(mut key) = root.key_mut(&name) {
            key.leaf_decor_mut().set_prefix(prefix);
        }
        return;
    }
    if let Some(t) = first_table_mut(root) {
        t.decor_mut().set_prefix(prefix);
    }
}

/// The table that comes first in the file: the one with the lowest position among the top level's tables and
/// arrays of tables (a nested table never comes before its parent's first header).
fn first_table(root: &toml_edit::Table) -> Option<&toml_edit::Table> {
    root.iter()
        .filter_map(|(_, item)| match item {
            Item::Table(t) => Some(t),
            Item::ArrayOfTables(a) => a.get(0),
            _ => None,
        })
        .min_by_key(|t| t.position().unwrap_or(isize::MAX))
}

fn first_table_mut(root: &mut toml_edit::Table) -> Option<&mut toml_edit::Table> {
    root.iter_mut()
        .filter_map(|(_, item)| match item {
            Item::Table(t) => Some(t),
            Item::ArrayOfTables(a) => a.get_mut(0),
            _ => None,
        })
        .min_by_key(|t| t.position().unwrap_or(isize::MAX))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn marked(text: &str) -> String {
        let mut doc: DocumentMut = text.parse().unwrap();
        mark(&mut doc, "2024-25", "2025-26");
        doc.to_string()
    }

    #[test]
    fn goes_first_above_the_files_own_header() {
        assert_eq!(
            marked("# Our figures.\n\n[[years]]\nlabel = \"2024-25\"\n"),
            "carried_over = \"2024-25\"  # kept from 2024-25 by `redress new-year`: review this file for 2025-26, then delete this line\n\n# Our figures.\n\n[[years]]\nlabel = \"2024-25\"\n"
        );
    }

    #[test]
    fn goes_before_keys_at_the_top() {
        let out =
            marked("# Ombudsman.\nnon_compliance = []   # none\n\n[[orders]]\nreference = \"1\"\n");
        assert!(
            out.starts_with("carried_over = \"2024-25\"  # kept from 2024-25"),
            "{out}"
        );
        assert!(
            out.contains(
                "delete this line\n\n# Ombudsman.\nnon_compliance = []   # none\n\n[[orders]]"
            ),
            "{out}"
        );
        assert_eq!(existing(&out.parse().unwrap()).as_deref(), Some("2024-25"));
    }

    #[test]
    fn a_front_matter_gets_it_too() {
        assert_eq!(
            marked("title = \"Introduction\"\n"),
            "carried_over = \"2024-25\"  # kept from 2024-25 by `redress new-year`: review this file for 2025-26, then delete this line\n\ntitle = \"Introduction\"\n"
        );
    }
}
