//! Writes `data/self-assessment.toml` in the schema the README documents: a header saying where it came from
//! and what to check, then one `[[provisions]]` table per provision in the Code's order, grouped under section
//! rules as `redress init` writes them, so that a diff against a hand-kept file is small.
//!
//! The file is written so that it either builds or says exactly why not. A provision the form answered is a
//! real entry. One it gave no readable answer for, and one it did not have at all, are written as commented-out
//! entries with a `TODO` saying what is missing: the build then reports them as unanswered by number, and filling
//! one in is a matter of writing the answer and removing the `#`s. Notes to check sit as comments above the entry.
//!
//! Strings are written by hand rather than through a serializer so that long text reads as text (a `"""` block)
//! and the layout is stable; a property test proves that every string reads back exactly as it was.

use std::fmt::Write as _;

use super::actions::ActionOut;
use super::assemble::Imported;
use super::values::FormAnswer;
use crate::catalogue::catalogue;

/// The whole file.
pub(crate) fn write(source: &str, provisions: &[Imported]) -> String {
    let cat = catalogue();
    let mut out = String::new();
    let found = provisions.len();
    let unanswered: Vec<&str> = provisions
        .iter()
        .filter(|p| p.answer.is_none())
        .map(|p| p.number.as_str())
        .collect();
    let missing: Vec<&str> = cat
        .provisions
        .iter()
        .filter(|c| !provisions.iter().any(|p| p.number == c.number))
        .map(|c| c.number.as_str())
        .collect();
    let source = source.replace(['\n', '\r'], " ");
    out.push_str(
        "# Self-assessment against the Housing Ombudsman's Complaint Handling Code (2024).\n",
    );
    out.push_str(&comment_lines(&format!(
        "Imported by `redress import` from `{source}`: {found} of the form's 72 provisions were found in it."
    )));
    let _ = writeln!(
        out,
        "# Check it against the original before you publish, above all the notes marked \"check:\" and \"TODO:\".\n\
         # comply is \"yes\" or \"no\" (a \"Partial\" on the form is written as \"no\", with the form's word kept in the\n\
         # commentary). Every \"no\" needs an explanation and at least one action with an owner, a due date and a\n\
         # status. Evidence, commentary and explanation are markdown."
    );
    if !missing.is_empty() {
        out.push_str("#\n");
        out.push_str(&comment_lines(&format!(
            "TODO: {} not found in the form: {}. Each has a commented-out entry in its place below: answer it there.",
            if missing.len() == 1 { "1 provision was" } else { "these provisions were" },
            missing.join(", ")
        )));
    }
    if !unanswered.is_empty() {
        out.push_str("#\n");
        out.push_str(&comment_lines(&format!(
            "TODO: the form gives no answer redress could read for {}. {} commented out below, with everything else the form said about {}.",
            unanswered.join(", "),
            if unanswered.len() == 1 { "Its entry is" } else { "Their entries are" },
            if unanswered.len() == 1 { "it" } else { "them" },
        )));
    }
    out.push_str(
        "\n# The governing body's approval (required): who approved this self-assessment, when, and why.\n# [approval]\n# body = \"Board\"\n# date = 2026-06-18\n# reason = \"annual\"   # or \"restructure\" (Code 8.3) or \"ombudsman request\" (Code 8.4)\n",
    );
    for section in &cat.sections {
        let _ = write!(
            out,
            "\n# ---------------------------------------------------------------- Section {}: {}\n",
            section.number, section.title
        );
        for c in cat
            .provisions
            .iter()
            .filter(|c| c.section == section.number)
        {
            out.push('\n');
            match provisions.iter().find(|p| p.number == c.number) {
                Some(p) => provision(&mut out, p),
                None => {
                    let _ = writeln!(
                        out,
                        "# TODO: {} was not found in the form. Answer it here, then remove the \"# \" from these lines.",
                        c.number
                    );
                    let stub = format!(
                        "[[provisions]]\nnumber = {}\ncomply = \"\"\nevidence = \"\"\n",
                        string(&c.number)
                    );
                    out.push_str(&commented(&stub));
                }
            }
        }
    }
    out
}

fn provision(out: &mut String, p: &Imported) {
    for check in p.checks.iter().chain(&p.file_notes) {
        out.push_str(&comment_lines(&format!("check: {check}")));
    }
    let mut entry = String::new();
    let _ = writeln!(entry, "[[provisions]]\nnumber = {}", string(&p.number));
    // The 2024 form's answer is yes or no: a partial answer is not met, and is written as no (its word is kept
    // at the head of the commentary by `assemble`).
    let comply = p.answer.map_or("", |a| match a {
        FormAnswer::Yes => "yes",
        FormAnswer::Partial | FormAnswer::No => "no",
    });
    let _ = writeln!(entry, "comply = {}", string(comply));
    let _ = writeln!(entry, "evidence = {}", string(&p.evidence));
    if !p.commentary.is_empty() {
        let _ = writeln!(entry, "commentary = {}", string(&p.commentary));
    }
    if !p.explanation.is_empty() {
        let _ = writeln!(entry, "explanation = {}", string(&p.explanation));
    }
    for a in &p.actions {
        action(&mut entry, a);
    }
    match (&p.answer, &p.no_answer) {
        (None, why) => {
            let why = why.as_deref().unwrap_or("the form gives no answer");
            out.push_str(&comment_lines(&format!(
                "TODO: {} has no answer: {why}. Write comply = \"yes\" or \"no\", then remove the \"# \" from these lines.",
                p.number
            )));
            out.push_str(&commented(&entry));
        }
        _ => {
            for need in &p.needs {
                out.push_str(&comment_lines(&format!(
                    "TODO: the build will ask for {need}."
                )));
            }
            out.push_str(&entry);
        }
    }
}

fn action(out: &mut String, a: &ActionOut) {
    let _ = writeln!(
        out,
        "\n[[provisions.actions]]\naction = {}\nowner = {}\ndue = {}\nstatus = {}",
        string(&a.action),
        string(&a.owner),
        a.due,
        string(a.status)
    );
}

/// Wraps a note at about 110 characters into `# ` lines.
fn comment_lines(text: &str) -> String {
    let mut out = String::new();
    let mut line = String::from("#");
    for word in text.split_whitespace() {
        if line.len() + word.len() + 1 > 112 && line.len() > 1 {
            out.push_str(&line);
            out.push('\n');
            line = String::from("#  ");
        }
        line.push(' ');
        line.push_str(word);
    }
    out.push_str(&line);
    out.push('\n');
    out
}

/// Comments out every line of an entry (an empty line becomes `#`).
fn commented(entry: &str) -> String {
    entry
        .lines()
        .map(|l| {
            if l.is_empty() {
                "#\n".to_string()
            } else {
                format!("# {l}\n")
            }
        })
        .collect()
}

/// A TOML string: a basic string for a short line, a multi-line basic string (`"""`) for anything longer or with
/// line breaks. Backslashes and control characters are escaped; a quotation mark is escaped only where it could
/// end the string (next to another quotation mark, or last).
pub(crate) fn string(s: &str) -> String {
    if !s.contains('\n') && s.chars().count() <= 80 {
        let mut out = String::from("\"");
        for c in s.chars() {
            match c {
                '"' => out.push_str("\\\""),
                '\\' => out.push_str("\\\\"),
                '\t' => out.push_str("\\t"),
                c if c.is_control() => {
                    let _ = write!(out, "\\u{:04X}", u32::from(c));
                }
                c => out.push(c),
            }
        }
        out.push('"');
        return out;
    }
    let mut out = String::from("\"\"\"\n");
    let chars: Vec<char> = s.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        match c {
            '"' if chars.get(i + 1).is_none_or(|n| *n == '"') => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' | '\t' => out.push(c),
            '\r' => out.push_str("\\r"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04X}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push_str("\"\"\"");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn round_trip(s: &str) -> String {
        let doc = format!("v = {}\n", string(s));
        let table: toml::Table = toml::from_str(&doc).unwrap_or_else(|e| panic!("{doc}\n{e}"));
        table["v"].as_str().unwrap().to_string()
    }

    #[test]
    fn strings_read_back_as_written() {
        for s in [
            "",
            "plain",
            "a \"quoted\" word",
            "ends with a quote\"",
            "three \"\"\" quotes",
            "back\\slash \\",
            "line one\nline two\n",
            "\nstarts with a newline",
            "tab\tand \u{7} bell and \r return",
            "\"\"\"",
        ] {
            assert_eq!(round_trip(s), s);
        }
        assert_eq!(string("short"), "\"short\"");
        assert!(string("a\nb").starts_with("\"\"\"\n"));
    }

    proptest! {
        #[test]
        fn any_string_round_trips(s in any::<String>()) {
            prop_assert_eq!(round_trip(&s), s);
        }

        #[test]
        fn quote_heavy_strings_round_trip(s in "[\"\\\\\n a\r\t]{0,40}") {
            prop_assert_eq!(round_trip(&s), s);
        }
    }

    #[test]
    fn comments_wrap_and_stubs_comment_out() {
        let c = comment_lines(&"word ".repeat(40));
        assert!(c.lines().all(|l| l.starts_with('#') && l.len() <= 118));
        assert_eq!(commented("a = 1\n\nb = 2\n"), "# a = 1\n#\n# b = 2\n");
    }
}
