//! Rolling a site's inputs forward to the next year: each file edited in place, its comments and layout kept.
//!
//! The edits go through `toml_edit`, which keeps a TOML file as it was written (comments, blank lines, key order,
//! `1_204`-style numbers, inline or `[[table]]` lists) and changes only the values it is asked to. A comms officer's
//! files are full of notes to themselves; rewriting them through serde would lose every one. What changes:
//! site.toml's period ([`site`]), a new year in performance.toml ([`performance`]), the Ombudsman's yearly lists
//! emptied ([`ombudsman`]), the improvements done dropped ([`improvements`]), and the `carried_over` mark on every
//! file kept as a draft ([`mark`], [`content`]). Nothing is written here: the new texts go back to
//! [`mod@super::new_year`], which stages them with the frozen report.

mod content;
mod improvements;
mod mark;
mod ombudsman;
mod performance;
mod site;

use std::path::Path;

use anyhow::Result;
use toml_edit::{Decor, DocumentMut};

/// One input file's new text, and what changed in it, in a few words for the summary.
pub(crate) struct Rolled {
    /// Path relative to the site root, `/`-separated.
    pub(crate) path: String,
    /// The new text.
    pub(crate) text: String,
    /// What changed.
    pub(crate) what: String,
}

/// Everything the roll will write.
pub(crate) struct Plan {
    /// The files, in the order they are listed.
    pub(crate) files: Vec<Rolled>,
    /// Things a person should look at that redress cannot decide (a `base_url` naming the old year, an order not
    /// yet complied with).
    pub(crate) notes: Vec<String>,
}

/// Why the inputs cannot be rolled.
pub(crate) enum Stop {
    /// Files still marked as carried over from an earlier year: the year being frozen still has a draft in it.
    CarriedOver(Vec<(String, String)>),
    /// A file is not laid out in a way the roll can edit: its path and why.
    Cannot(String, String),
}

/// The data files that carry a mark at their top.
const MARKED: [&str; 5] = [
    "data/performance.toml",
    "data/self-assessment.toml",
    "data/approval.toml",
    "data/ombudsman.toml",
    "data/improvements.toml",
];

/// Works out the new text of every input file that changes when the year moves from `from` to `to`. `inputs` are
/// the files the build read (relative, `/`-separated).
pub(crate) fn plan(
    root: &Path,
    inputs: &[String],
    from: &str,
    to: &str,
) -> Result<Result<Plan, Stop>> {
    let read = |rel: &str| crate::fs::read_to_string(&root.join(rel));
    let has = |rel: &str| inputs.iter().any(|i| i == rel);
    let content: Vec<&String> = inputs
        .iter()
        .filter(|i| i.starts_with("content/"))
        .collect();

    let mut marked = Vec::new();
    for rel in MARKED.iter().filter(|r| has(r)) {
        if let Ok(doc) = read(rel)?.parse::<DocumentMut>() {
            marked.extend(mark::existing(&doc).map(|m| (rel.to_string(), m)));
        }
    }
    for rel in &content {
        marked.extend(content::existing(&read(rel)?).map(|m| (rel.to_string(), m)));
    }
    if !marked.is_empty() {
        return Ok(Err(Stop::CarriedOver(marked)));
    }

    let cannot = |rel: &str, why: String| Ok(Err(Stop::Cannot(rel.to_string(), why)));
    let parse = |rel: &str| -> Result<Result<DocumentMut, String>> {
        Ok(read(rel)?
            .parse::<DocumentMut>()
            .map_err(|e| e.message().to_string()))
    };
    let mut files = Vec::new();
    let mut notes = Vec::new();

    let mut doc = match parse("site.toml")? {
        Ok(d) => d,
        Err(e) => return cannot("site.toml", e),
    };
    let (period, mentions) = match site::roll(&mut doc, from, to) {
        Ok(x) => x,
        Err(e) => return cannot("site.toml", e),
    };
    files.push(Rolled {
        path: "site.toml".into(),
        text: doc.to_string(),
        what: format!(
            "the period is now {to}: {} to {}",
            period.start.long(),
            period.end.long()
        ),
    });
    if !mentions.is_empty() {
        notes.push(format!(
            "site.toml still names {from} in {}: change it if it should name {to}",
            mentions.join(", ")
        ));
    }

    let rel = "data/performance.toml";
    let mut doc = match parse(rel)? {
        Ok(d) => d,
        Err(e) => return cannot(rel, e),
    };
    let years = match performance::roll(&mut doc, from, to) {
        Ok(y) => y,
        Err(e) => return cannot(rel, e),
    };
    mark::mark(&mut doc, from, to);
    let earlier: Vec<&str> = years
        .kept
        .iter()
        .map(String::as_str)
        .filter(|y| *y != to)
        .collect();
    let counts = match &years.log {
        Some(log) => format!("its counts to come from its complaints log, {log}"),
        None => "every count 0 until you fill it in".to_string(),
    };
    let mut what = format!("added {to}, {counts}; kept {} to compare", list(&earlier));
    if let Some(log) = &years.log {
        notes.push(format!(
            "{to}'s counts come from its complaints log: put the export at {log} (the build says it is missing until then); it is never copied into archive/"
        ));
    }
    if !years.dropped.is_empty() {
        what.push_str(&format!(
            "; dropped {} (the report compares at most {} years)",
            list(&years.dropped.iter().map(String::as_str).collect::<Vec<_>>()),
            performance::MAX_YEARS
        ));
    }
    files.push(Rolled {
        path: rel.into(),
        text: doc.to_string(),
        what,
    });

    for (rel, what) in [
        (
            "data/self-assessment.toml",
            format!("kept {from}'s answers as the draft for {to}'s review"),
        ),
        (
            "data/approval.toml",
            format!("kept {from}'s approval, to replace with {to}'s"),
        ),
    ] {
        if !has(rel) {
            continue;
        }
        let mut doc = match parse(rel)? {
            Ok(d) => d,
            Err(e) => return cannot(rel, e),
        };
        mark::mark(&mut doc, from, to);
        files.push(Rolled {
            path: rel.into(),
            text: doc.to_string(),
            what,
        });
    }

    let rel = "data/ombudsman.toml";
    if has(rel) {
        let mut doc = match parse(rel)? {
            Ok(d) => d,
            Err(e) => return cannot(rel, e),
        };
        let done = ombudsman::roll(&mut doc, from, to, &years.kept);
        mark::mark(&mut doc, from, to);
        let lists: Vec<&str> = done.lists.iter().map(|(k, _)| *k).collect();
        let mut what = format!(
            "emptied for {to}: {}; kept the determinations",
            lists.join(", ")
        );
        if !done.dropped.is_empty() {
            what.push_str(&format!(
                " (but {}'s, dropped with the year)",
                list(&done.dropped.iter().map(String::as_str).collect::<Vec<_>>())
            ));
        }
        files.push(Rolled {
            path: rel.into(),
            text: doc.to_string(),
            what,
        });
        for open in done.open {
            notes.push(format!(
                "{from} ended with {open} not complied with: if it still matters in {to}, say what happened to it"
            ));
        }
    }

    let rel = "data/improvements.toml";
    if has(rel) {
        let mut doc = match parse(rel)? {
            Ok(d) => d,
            Err(e) => return cannot(rel, e),
        };
        let kept = improvements::roll(&mut doc);
        mark::mark(&mut doc, from, to);
        files.push(Rolled {
            path: rel.into(),
            text: doc.to_string(),
            what: format!(
                "kept {} still under way or planned; dropped {} done in {from}",
                kept.kept, kept.dropped
            ),
        });
    }

    for rel in content {
        let text = match content::mark(&read(rel)?, from, to) {
            Ok(t) => t,
            Err(e) => return cannot(rel, e),
        };
        let what = match rel.as_str() {
            "content/introduction.md"
            | "content/analysis.md"
            | "content/governing-body-response.md"
            | "content/member-responsible-for-complaints.md" => {
                format!("kept as the draft, to rewrite for {to}")
            }
            _ => format!("kept, to check for {to}"),
        };
        files.push(Rolled {
            path: rel.clone(),
            text,
            what,
        });
    }
    Ok(Ok(Plan { files, notes }))
}

/// "2023-24 and 2024-25", "2022-23, 2023-24 and 2024-25", or "no earlier year".
fn list(items: &[&str]) -> String {
    match items {
        [] => "no earlier year".into(),
        [one] => (*one).to_string(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// The text before a table's header or a key (its comments), or "".
fn prefix(decor: Option<&Decor>) -> String {
    decor
        .and_then(Decor::prefix)
        .and_then(|p| p.as_str())
        .unwrap_or("")
        .to_string()
}

/// The part of the comment above the first entry of a list that belongs to the file rather than to the entry: what a
/// blank line separates from the entry's own comment. "" when there is none, so an entry's own comment is never
/// mistaken for the file's.
fn opening_comment(prefix: String) -> String {
    let Some(at) = prefix.rfind("\n\n") else {
        return String::new();
    };
    let opening = &prefix[..at + 2];
    if opening.trim().is_empty() {
        String::new()
    } else {
        opening.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_opening_comment_is_what_a_blank_line_separates() {
        assert_eq!(
            opening_comment("# File.\n# More.\n\n# ---- 2023-24\n".into()),
            "# File.\n# More.\n\n"
        );
        assert_eq!(opening_comment("\n# ---- 2023-24\n".into()), "");
        assert_eq!(opening_comment("\n\n# ---- 2023-24\n".into()), "");
        assert_eq!(opening_comment("".into()), "");
        assert_eq!(opening_comment("# File.\n\n".into()), "# File.\n\n");
    }

    #[test]
    fn lists_read_as_english() {
        assert_eq!(list(&["a", "b", "c"]), "a, b and c");
        assert_eq!(list(&["a"]), "a");
    }
}
