//! Which input files a frozen year keeps in `archive/inputs/<year>/`: site.toml, the data files the build read and
//! the content pages, so the year can be checked or rebuilt later. Never a case export or anything under
//! `private/`: a file of personal data must exist in one place only, where the landlord's retention rules apply to
//! it, and the archive is kept for years.

use std::collections::BTreeSet;
use std::path::Path;

use anyhow::Result;
use toml_edit::{DocumentMut, Item, Value};

use crate::diagnostics::Diagnostics;

/// The input files of the site at `root` to keep, relative and `/`-separated, in the order the build read them.
pub(crate) fn kept(root: &Path) -> Result<Vec<String>> {
    let mut diags = Diagnostics::new();
    let input = crate::data::load(root, &mut diags)?;
    let exports = case_exports(root);
    Ok(input
        .files_read
        .iter()
        .map(|p| {
            p.components()
                .map(|c| c.as_os_str().to_string_lossy())
                .collect::<Vec<_>>()
                .join("/")
        })
        .filter(|p| is_kept(p, &exports))
        .collect())
}

/// Whether an input file read by the build is kept: site.toml, `data/*.toml`, `data/*.csv` and `content/*.md`
/// directly in their folders, and never a case export or a file under a `private` folder.
fn is_kept(rel: &str, exports: &BTreeSet<String>) -> bool {
    if exports.contains(rel)
        || rel
            .split('/')
            .any(|part| part.eq_ignore_ascii_case("private"))
    {
        return false;
    }
    let parts: Vec<&str> = rel.split('/').collect();
    match parts.as_slice() {
        ["site.toml"] => true,
        ["data", name] => name.ends_with(".toml") || name.ends_with(".csv"),
        ["content", name] => name.ends_with(".md"),
        _ => false,
    }
}

/// The files named by a `cases` key anywhere in data/performance.toml (a year's case export), normalised to
/// `/`-separated paths relative to the root.
fn case_exports(root: &Path) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let Ok(text) = std::fs::read_to_string(root.join("data/performance.toml")) else {
        return out;
    };
    let Ok(doc) = text.parse::<DocumentMut>() else {
        return out;
    };
    collect(doc.as_table(), &mut out);
    out
}

fn collect(t: &dyn toml_edit::TableLike, out: &mut BTreeSet<String>) {
    for (key, item) in t.iter() {
        match item {
            Item::Value(Value::String(s)) if key == "cases" => {
                out.insert(normalise(s.value()));
            }
            Item::Table(sub) => collect(sub, out),
            Item::ArrayOfTables(a) => a.iter().for_each(|sub| collect(sub, out)),
            Item::Value(Value::InlineTable(sub)) => collect(sub, out),
            _ => {}
        }
    }
}

fn normalise(path: &str) -> String {
    path.replace('\\', "/")
        .split('/')
        .filter(|p| !p.is_empty() && *p != ".")
        .collect::<Vec<_>>()
        .join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_the_inputs_and_never_a_case_export() {
        let exports: BTreeSet<String> = ["data/cases-2024-25.csv".to_string()].into();
        for kept in [
            "site.toml",
            "data/performance.toml",
            "data/self-assessment.csv",
            "data/past-reports.toml",
            "content/introduction.md",
        ] {
            assert!(is_kept(kept, &exports), "{kept}");
        }
        for not in [
            "data/cases-2024-25.csv",
            "private/cases.csv",
            "data/private/cases.csv",
            "data/Private/x.toml",
            "static/reports/a.pdf",
            "themes/default/templates/base.html",
            "content/drafts/x.md",
        ] {
            assert!(!is_kept(not, &exports), "{not}");
        }
    }

    #[test]
    fn finds_case_exports_wherever_they_are_named() {
        let t = tempfile::tempdir().unwrap();
        crate::fs::write(
            &t.path().join("data/performance.toml"),
            "[[years]]\nlabel = \"2024-25\"\ncases = \"./data\\\\cases.csv\"\n\n[[years]]\nlabel = \"2025-26\"\ncases = \"private/c.csv\"\n",
        )
        .unwrap();
        let found = case_exports(t.path());
        assert_eq!(
            found.into_iter().collect::<Vec<_>>(),
            ["data/cases.csv", "private/c.csv"]
        );
    }
}
