//! Reads the two kinds of value a form holds that are not free text: the answer ("Y", "Yes", "Partially met", a
//! tick, an "x" in a Yes column, "Yes ☒ No ☐") and an action's completion date ("31/03/2025", "March 2025").
//!
//! The form's answer is kept as the form gave it ([`FormAnswer`]), including "Partial": the 2024 form and the
//! Ombudsman's annual submission ask "Comply: Yes / No" only, so [`super::assemble`] writes a partial answer as
//! `no` and keeps the form's word in the commentary.
//!
//! Both are read cautiously. An answer that could be read two ways ("x" alone in a single Comply column: a cross
//! for No, or a mark for Yes?) is reported, never guessed, because a wrong guess would misstate compliance. A date
//! that cannot be pinned to a day ("Q1 2025-26") is kept as text for the landlord to settle.

use crate::data::date::Date;

/// An answer as a form gives it. The 2024 form's column is "Comply: Yes / No", but landlords also write
/// "Partial" (or "Partially met", "Part"), which is read here so that it can be written as `no` with the form's
/// word kept, never silently turned into either answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) enum FormAnswer {
    /// Complies.
    Yes,
    /// "Partial", "Partially met", "Part": written as `no`.
    Partial,
    /// Does not comply.
    No,
}

impl FormAnswer {
    /// Reads the spellings found on real forms: "Y", "Yes.", "Complies", "Partially", "Part met", "N", "Not met".
    /// Yes and No are read as the data file's answers are (one home for their spellings, in the model); a
    /// Partial, which the data file refuses, is read here, with the spellings only forms use ("Part").
    /// Anything else is refused rather than guessed, since a wrong guess would misstate compliance.
    pub(crate) fn parse(raw: &str) -> Option<FormAnswer> {
        use crate::model::self_assessment::{Answer, AnswerError};
        let spaced = raw.split_whitespace().collect::<Vec<_>>().join(" ");
        let bare = spaced.trim_matches(|c: char| c == '*' || c == '_');
        match Answer::parse(bare) {
            Ok(Answer::Yes) => Some(FormAnswer::Yes),
            Ok(Answer::No) => Some(FormAnswer::No),
            Err(AnswerError::Partial) => Some(FormAnswer::Partial),
            Err(AnswerError::Unknown) => {
                let s = bare
                    .trim_end_matches(['.', '!'])
                    .to_lowercase()
                    .replace(['-', '_'], " ");
                matches!(
                    s.as_str(),
                    "part"
                        | "part met"
                        | "partly compliant"
                        | "partially complies"
                        | "partly complies"
                )
                .then_some(FormAnswer::Partial)
            }
        }
    }

    /// The word for the answer, as the summary shows it.
    pub(crate) fn label(self) -> &'static str {
        match self {
            FormAnswer::Yes => "Yes",
            FormAnswer::Partial => "Partial",
            FormAnswer::No => "No",
        }
    }
}

/// What the Comply cell of a row says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum AnswerRead {
    /// An answer, the words that gave it ("Partially met"), and any words that followed them in the cell ("Yes -
    /// see note" leaves "see note").
    Answer(FormAnswer, String, String),
    /// "N/A": the 2024 form has no such answer.
    NotApplicable(String),
    /// Something that is not an answer, or could be read more than one way.
    Unclear(String),
    /// Nothing there.
    Empty,
}

/// Glyphs that mark a box as ticked.
const CHECKED: [char; 7] = ['☒', '☑', '✓', '✔', '■', '⊠', '√'];
/// Glyphs of an empty box.
const UNCHECKED: [char; 3] = ['☐', '□', '◻'];

/// Reads a Comply cell.
pub(crate) fn read_answer(cell: &str) -> AnswerRead {
    let text = cell.trim();
    if text.is_empty()
        || !text
            .chars()
            .any(|c| c.is_alphanumeric() || CHECKED.contains(&c))
    {
        return AnswerRead::Empty;
    }
    // "Fully met", "Fully compliant": the adverb adds nothing redress needs.
    let bare = text
        .strip_prefix("Fully ")
        .or_else(|| text.strip_prefix("fully "))
        .unwrap_or(text);
    if let Some(a) = FormAnswer::parse(bare) {
        return AnswerRead::Answer(a, said(text), String::new());
    }
    let lower = text.to_lowercase();
    let words = words_of(&lower);
    if words.first().is_some_and(|w| is_not_applicable(w)) || lower.starts_with("not applicable") {
        return AnswerRead::NotApplicable(text.to_string());
    }
    if text
        .chars()
        .any(|c| CHECKED.contains(&c) || UNCHECKED.contains(&c))
    {
        return read_checkboxes(text);
    }
    if matches!(text, "x" | "X" | "✗" | "✘") {
        return AnswerRead::Unclear(text.to_string());
    }
    // "Yes / No" left as the template had it is no answer at all.
    let says = |w: &str| words.iter().any(|x| x == w);
    if (says("yes") || says("y")) && (says("no") || says("n")) && words.len() <= 4 {
        return AnswerRead::Unclear(text.to_string());
    }
    // The answer followed by words: "Yes - see note", "Partially met, policy under review".
    for take in [3, 2, 1] {
        if words.len() < take {
            continue;
        }
        let head = words[..take].join(" ");
        if let Some(a) = FormAnswer::parse(&head) {
            let (head, rest) = split_words(text, take);
            return AnswerRead::Answer(a, said(head), rest);
        }
    }
    AnswerRead::Unclear(text.to_string())
}

/// The words that gave an answer, without a closing full stop: "Partially met." is said as "Partially met".
fn said(text: &str) -> String {
    text.trim()
        .trim_end_matches(['.', '!'])
        .trim_end()
        .to_string()
}

fn is_not_applicable(word: &str) -> bool {
    matches!(word, "n/a" | "na" | "n.a" | "n.a.")
}

/// Lower-case words, split at spaces and the punctuation that separates an answer from what follows it.
fn words_of(text: &str) -> Vec<String> {
    text.split(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | ':' | '(' | ')' | '-' | '–'))
        .map(|w| w.trim_end_matches('.').to_string())
        .filter(|w| !w.is_empty())
        .collect()
}

/// Splits `text` after its first `n` words: the words, without the separator after them, and the text after
/// them.
fn split_words(text: &str, n: usize) -> (&str, String) {
    let sep = |c: char| c.is_whitespace() || matches!(c, ',' | ';' | ':' | '(' | ')' | '-' | '–');
    let mut seen = 0;
    let mut in_word = false;
    for (i, c) in text.char_indices() {
        if !sep(c) && !in_word {
            if seen == n {
                let rest = text[i..].trim();
                // "Yes (see 6.4)": the opening bracket went with the separator, so the closing one goes too.
                let rest = match rest.strip_suffix(')') {
                    Some(r) if !r.contains('(') => r.trim_end(),
                    _ => rest,
                };
                return (text[..i].trim_end_matches(sep), rest.to_string());
            }
            seen += 1;
        }
        in_word = !sep(c);
    }
    (text, String::new())
}

/// "Yes ☒ No ☐" or "☒ Yes ☐ No": the answer word beside the ticked box.
fn read_checkboxes(text: &str) -> AnswerRead {
    let spaced: String = text
        .chars()
        .flat_map(|c| {
            if CHECKED.contains(&c) || UNCHECKED.contains(&c) {
                vec![' ', c, ' ']
            } else {
                vec![c]
            }
        })
        .collect();
    let tokens: Vec<&str> = spaced
        .split(|c: char| c.is_whitespace() || c == '/' || c == '|')
        .filter(|t| !t.is_empty())
        .collect();
    let is_box = |t: &str| {
        t.chars().count() == 1
            && t.chars()
                .all(|c| CHECKED.contains(&c) || UNCHECKED.contains(&c))
    };
    let word_answer = |t: &str| FormAnswer::parse(t.trim_matches(|c: char| !c.is_alphanumeric()));
    let mut found: Vec<(FormAnswer, String)> = Vec::new();
    for (i, t) in tokens.iter().enumerate() {
        if !(is_box(t) && t.chars().all(|c| CHECKED.contains(&c))) {
            continue;
        }
        // The label is normally just before the box ("Yes ☒"); when boxes come first, just after it.
        let boxes_first = tokens.first().is_some_and(|f| is_box(f));
        let label = if boxes_first {
            tokens.get(i + 1).and_then(|t| word_answer(t))
        } else {
            i.checked_sub(1).and_then(|j| word_answer(tokens[j]))
        };
        let word = if boxes_first {
            tokens.get(i + 1)
        } else {
            i.checked_sub(1).and_then(|j| tokens.get(j))
        };
        match label {
            Some(a) => found.push((a, word.map_or(String::new(), |w| said(w)))),
            None if tokens.len() == 1 => found.push((FormAnswer::Yes, text.to_string())),
            None => return AnswerRead::Unclear(text.to_string()),
        }
    }
    found.dedup_by_key(|(a, _)| *a);
    match found.as_slice() {
        [(a, w)] => AnswerRead::Answer(*a, w.clone(), String::new()),
        _ => AnswerRead::Unclear(text.to_string()),
    }
}

/// True when a cell in a Yes, No or Partial column holds a mark: "x", a tick, "Yes", "*".
pub(crate) fn is_mark(cell: &str) -> bool {
    let t = cell.trim();
    matches!(
        t.to_lowercase().as_str(),
        "x" | "✗" | "✘" | "*" | "yes" | "y" | "tick" | "ticked" | "true" | "1"
    ) || (t.chars().count() == 1 && t.chars().all(|c| CHECKED.contains(&c)))
}

/// What a completion-date cell says.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(crate) struct DueRead {
    /// The date, when the cell names a day or a month.
    pub(crate) date: Option<Date>,
    /// The action's status, when the cell says ("Complete", "Ongoing").
    pub(crate) status: Option<&'static str>,
}

const MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

/// Reads a completion date: `31/03/2025`, `31.3.25`, `2025-03-31`, `31 March 2025`, `31st Mar 2025`,
/// `March 31, 2025`, or a month alone (`March 2025`, `Mar-25`), which means the last day of that month. Dates are
/// read day first, as written in the UK. Status words ("Complete", "In progress") are read alongside.
pub(crate) fn read_due(cell: &str) -> DueRead {
    let lower = cell.to_lowercase();
    let status = if ["not started", "not yet started"]
        .iter()
        .any(|w| lower.contains(w))
    {
        Some("not started")
    } else if [
        "complete",
        "done",
        "achieved",
        "closed",
        "implemented",
        "in place",
    ]
    .iter()
    .any(|w| lower.contains(w))
        && !lower.contains("to be complete")
    {
        Some("done")
    } else if [
        "progress",
        "ongoing",
        "underway",
        "under way",
        "on track",
        "started",
    ]
    .iter()
    .any(|w| lower.contains(w))
    {
        Some("in progress")
    } else {
        None
    };
    DueRead {
        date: find_date(&lower),
        status,
    }
}

fn find_date(lower: &str) -> Option<Date> {
    let tokens: Vec<&str> = lower
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|t| !t.is_empty())
        .collect();
    for (i, t) in tokens.iter().enumerate() {
        let t = t.trim_matches(|c: char| c == '(' || c == ')' || c == '.');
        if let Some(d) = numeric_date(t) {
            return Some(d);
        }
        let next = |k: usize| {
            tokens
                .get(i + k)
                .map(|s| s.trim_matches(|c: char| c == '.' || c == ')'))
        };
        // 31 March 2025, 31st Mar 2025
        if let (Some(day), Some(m), Some(y)) = (
            day_of(t),
            next(1).and_then(month_of),
            next(2).and_then(year_of),
        ) {
            if let Some(d) = date(y, m, day) {
                return Some(d);
            }
        }
        if let Some(m) = month_of(t) {
            // March 31 2025
            if let (Some(day), Some(y)) = (next(1).and_then(day_of), next(2).and_then(year_of)) {
                if let Some(d) = date(y, m, day) {
                    return Some(d);
                }
            }
            // March 2025
            if let Some(y) = next(1).and_then(year_of) {
                return month_end(y, m);
            }
        }
        // Mar-25, March-2025
        if let Some((m, y)) = t.split_once(['-', '/', '\'']) {
            if let (Some(m), Some(y)) = (month_of(m), year_of(y)) {
                return month_end(y, m);
            }
        }
    }
    None
}

/// `2025-03-31`, `31/03/2025`, `31.3.25`, `31-03-2025`.
fn numeric_date(t: &str) -> Option<Date> {
    let parts: Vec<&str> = t.split(['/', '.', '-']).collect();
    if parts.len() != 3
        || !parts
            .iter()
            .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit()))
    {
        return None;
    }
    let n: Vec<u32> = parts.iter().filter_map(|p| p.parse().ok()).collect();
    if n.len() != 3 {
        return None;
    }
    if parts[0].len() == 4 {
        return date(n[0], n[1], n[2]);
    }
    let year = match parts[2].len() {
        2 => 2000 + n[2],
        4 => n[2],
        _ => return None,
    };
    date(year, n[1], n[0])
}

fn day_of(t: &str) -> Option<u32> {
    let digits: String = t.chars().take_while(char::is_ascii_digit).collect();
    let suffix = &t[digits.len()..];
    if digits.is_empty() || digits.len() > 2 || !matches!(suffix, "" | "st" | "nd" | "rd" | "th") {
        return None;
    }
    digits.parse().ok().filter(|d| (1..=31).contains(d))
}

fn month_of(t: &str) -> Option<u32> {
    let t = t.trim_matches(|c: char| !c.is_alphabetic());
    if t.len() < 3 {
        return None;
    }
    let pos = MONTHS.iter().position(|m| t.starts_with(m))?;
    let full = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ][pos];
    let ok = full.starts_with(t) || (pos == 8 && t == "sept");
    ok.then_some(pos as u32 + 1)
}

fn year_of(t: &str) -> Option<u32> {
    let t = t.trim_matches(|c: char| !c.is_ascii_digit());
    match t.len() {
        4 => t.parse().ok().filter(|y| (1990..=2100).contains(y)),
        2 => t.parse::<u32>().ok().map(|y| 2000 + y),
        _ => None,
    }
}

fn date(year: u32, month: u32, day: u32) -> Option<Date> {
    Date::parse(&format!("{year:04}-{month:02}-{day:02}"))
}

fn month_end(year: u32, month: u32) -> Option<Date> {
    (28..=31).rev().find_map(|d| date(year, month, d))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn answer(s: &str) -> Option<FormAnswer> {
        match read_answer(s) {
            AnswerRead::Answer(a, _, _) => Some(a),
            _ => None,
        }
    }

    #[test]
    fn reads_answers_as_forms_write_them() {
        assert_eq!(answer("Y"), Some(FormAnswer::Yes));
        assert_eq!(answer("Yes - see note"), Some(FormAnswer::Yes));
        assert_eq!(
            read_answer("Yes - see note"),
            AnswerRead::Answer(FormAnswer::Yes, "Yes".into(), "see note".into())
        );
        assert_eq!(
            answer("Partially met, policy under review"),
            Some(FormAnswer::Partial)
        );
        assert_eq!(
            read_answer("Yes (see 6.4)"),
            AnswerRead::Answer(FormAnswer::Yes, "Yes".into(), "see 6.4".into())
        );
        assert_eq!(answer("✓"), Some(FormAnswer::Yes));
        assert_eq!(answer("Fully compliant"), Some(FormAnswer::Yes));
        assert_eq!(answer("Non-compliant"), Some(FormAnswer::No));
        assert_eq!(answer("Partially Compliant"), Some(FormAnswer::Partial));
        assert!(matches!(
            read_answer("Largely compliant"),
            AnswerRead::Unclear(_)
        ));
        assert_eq!(answer("Yes ☒ No ☐"), Some(FormAnswer::Yes));
        assert_eq!(answer("Yes ☐ No ☒"), Some(FormAnswer::No));
        assert_eq!(answer("☐ Yes ☒ Partial ☐ No"), Some(FormAnswer::Partial));
        assert!(matches!(read_answer("N/A"), AnswerRead::NotApplicable(_)));
        assert!(matches!(read_answer("x"), AnswerRead::Unclear(_)));
        assert!(matches!(read_answer("Yes / No"), AnswerRead::Unclear(_)));
        assert!(matches!(read_answer("Ongoing"), AnswerRead::Unclear(_)));
        assert_eq!(read_answer(" • "), AnswerRead::Empty);
        // Answers with a full stop, and partial answers kept as the form wrote them.
        assert_eq!(answer("Yes."), Some(FormAnswer::Yes));
        assert_eq!(answer("No."), Some(FormAnswer::No));
        assert_eq!(answer("Part"), Some(FormAnswer::Partial));
        assert_eq!(
            read_answer("Partially met, policy under review"),
            AnswerRead::Answer(
                FormAnswer::Partial,
                "Partially met".into(),
                "policy under review".into()
            )
        );
        assert_eq!(
            read_answer("Partial."),
            AnswerRead::Answer(FormAnswer::Partial, "Partial".into(), String::new())
        );
        assert!(is_mark("X") && is_mark("✓") && !is_mark("") && !is_mark("no"));
    }

    fn due(s: &str) -> Option<String> {
        read_due(s).date.map(|d| d.to_string())
    }

    #[test]
    fn reads_completion_dates() {
        assert_eq!(due("31/03/2025").as_deref(), Some("2025-03-31"));
        assert_eq!(due("31.3.25").as_deref(), Some("2025-03-31"));
        assert_eq!(due("2025-09-30").as_deref(), Some("2025-09-30"));
        assert_eq!(due("By 31st March 2025").as_deref(), Some("2025-03-31"));
        assert_eq!(due("March 31, 2025").as_deref(), Some("2025-03-31"));
        assert_eq!(due("March 2025").as_deref(), Some("2025-03-31"));
        assert_eq!(due("Feb 2024").as_deref(), Some("2024-02-29"));
        assert_eq!(due("Sept-25").as_deref(), Some("2025-09-30"));
        assert_eq!(due("Q1 2025-26"), None);
        assert_eq!(due("Complete"), None);
        assert_eq!(due("31/02/2025"), None);
        assert_eq!(read_due("Complete").status, Some("done"));
        assert_eq!(read_due("Completed March 2024").status, Some("done"));
        assert_eq!(read_due("Ongoing").status, Some("in progress"));
        assert_eq!(read_due("30/06/2025").status, None);
    }
}
