//! Finds where the Code's wording of a provision ends in text that has lost its cell boundaries.
//!
//! Copied from a browser, a table can lose the separators between its cells, so a row reads
//! `1.3A resident does not have to use the word 'complaint' ... policy.YesThe policy includes ...`. The Code's
//! own requirement text (the built-in catalogue) is the anchor: the row is aligned with the provision's words,
//! word by word and forgiving a few that differ, and where the alignment ends the answer and the evidence begin.
//! The same test decides whether a number in the text starts a provision at all: "2.1 A complaint is defined ..."
//! in a landlord's evidence is their own policy's clause 2.1, because what follows it is not the wording of the
//! Code's 2.1. A start is taken only when the text begins with the provision's wording, or a clear part of it;
//! anything less is left where it is, and reported downstream if it cannot be placed.

use super::matching::matcher;
use super::values::FormAnswer;
use crate::catalogue::catalogue;

/// A word of the text, normalised as [`super::matching::words`] does, with where it ends.
#[derive(Debug)]
struct Word {
    norm: String,
    end: usize,
}

/// Splits text into words with their byte spans. Words run together by a lost cell boundary ("policy.YesThe",
/// "complaintYes") are split where a lower-case letter or digit meets a capital.
fn words(text: &str) -> Vec<Word> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut prev: Option<char> = None;
    let push = |out: &mut Vec<Word>, s: usize, e: usize| {
        let norm: Vec<String> = super::matching::words(&text[s..e]);
        if let Some(n) = norm.into_iter().next() {
            out.push(Word { norm: n, end: e });
        }
    };
    for (i, c) in text.char_indices() {
        let inner_apostrophe = matches!(c, '\'' | '’') && start.is_some();
        if c.is_alphanumeric() || inner_apostrophe {
            let boundary =
                c.is_uppercase() && prev.is_some_and(|p| p.is_lowercase() || p.is_ascii_digit());
            if let (Some(s), true) = (start, boundary) {
                push(&mut out, s, i);
                start = Some(i);
            } else if start.is_none() {
                start = Some(i);
            }
        } else if let Some(s) = start.take() {
            push(&mut out, s, i);
        }
        prev = Some(c);
    }
    if let Some(s) = start {
        push(&mut out, s, text.len());
    }
    out
}

/// Where a provision's wording ends at the start of some text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Prefix {
    /// Byte offset just after the wording (and any punctuation closing it).
    pub(crate) end: usize,
    /// Words of the text that matched the Code's.
    pub(crate) matched: usize,
    /// Words of the Code's wording left over after the end: more than a few means the text quotes only part of
    /// the provision, or the rest of its wording is on the next line.
    pub(crate) left: usize,
}

/// The longest the wording of a provision can be stretched in the text by words that differ.
const SLACK: usize = 12;

/// Aligns the start of `text` with the wording of the provision at catalogue `index`, if the text begins with
/// it or with a clear part of it: at least six of its words (or all, for a shorter provision) in order, most of
/// the aligned text being the Code's words, and the very start of the text among them.
pub(crate) fn requirement_prefix(text: &str, index: usize) -> Option<Prefix> {
    let provision = catalogue().provisions.get(index)?;
    let code: Vec<String> = super::matching::words(&provision.text);
    let text_words = words(text);
    align(&code, &text_words).map(|(j, matched, left)| Prefix {
        end: close_punctuation(text, text_words[j - 1].end),
        matched,
        left,
    })
}

/// The provision whose wording `text` begins with, among those after catalogue index `after` (all, if `None`):
/// for a row whose number was lost. Only a clear start counts: ten words of the Code's in order, or the whole
/// of a shorter provision.
pub(crate) fn begins_with_requirement(text: &str, after: Option<usize>) -> Option<(usize, Prefix)> {
    let head: String = text.chars().take(400).collect();
    if super::matching::words(&head).len() < 6 {
        return None;
    }
    let scores = matcher().scores(&head);
    let mut best: Option<(usize, Prefix)> = None;
    for (i, score) in scores.iter().enumerate() {
        if after.is_some_and(|a| i <= a) || *score < 0.35 {
            continue;
        }
        let Some(p) = requirement_prefix(text, i) else {
            continue;
        };
        let total = p.matched + p.left;
        let clear = p.matched >= 10 || (p.left == 0 && p.matched * 10 >= total * 9);
        if clear && best.is_none_or(|(_, b)| p.matched > b.matched) {
            best = Some((i, p));
        }
    }
    best
}

/// Global alignment of the Code's words with the start of the text's words: the number of text words taken, of
/// them matched, and of the Code's words left over; or `None` when the text does not begin with them. Both must
/// begin together: the first word matched is among the first two of the text and of the provision.
fn align(code: &[String], text: &[Word]) -> Option<(usize, usize, usize)> {
    let (j, matched, left, first, first_code) = best_alignment(code, text)?;
    let needed = code.len().min(6);
    let mostly = matched * 10 >= j * 7;
    (matched >= needed && mostly && first <= 1 && first_code <= 1).then_some((j, matched, left))
}

/// Scores every way of aligning all or a leading part of `code` with a leading part of `text` (a match scores 1,
/// a word differing, missing or extra -1, a word of the Code left unquoted at the end -0.2) and returns the best:
/// text words taken, words matched, Code words left, and the positions of the first matched word in the text
/// and in the Code's wording.
fn best_alignment(code: &[String], text: &[Word]) -> Option<(usize, usize, usize, usize, usize)> {
    let m = code.len();
    let n = text.len().min(m + SLACK + m / 4);
    if m == 0 || n == 0 {
        return None;
    }
    // score, matched, first matched text word and Code word
    #[derive(Clone, Copy)]
    struct Cell {
        score: f32,
        matched: usize,
        first: usize,
        first_code: usize,
    }
    let none = usize::MAX;
    let mut prev: Vec<Cell> = (0..=n)
        .map(|j| Cell {
            score: -(j as f32),
            matched: 0,
            first: none,
            first_code: none,
        })
        .collect();
    let mut best: Option<(f32, usize, usize, usize, usize, usize)> = None;
    let mut consider = |row: &[Cell], i: usize| {
        for (j, c) in row.iter().enumerate().skip(1) {
            let s = c.score - 0.2 * (m - i) as f32;
            if c.matched > 0 && best.is_none_or(|b| s > b.0) {
                best = Some((s, j, c.matched, m - i, c.first, c.first_code));
            }
        }
    };
    for i in 1..=m {
        let mut row = vec![
            Cell {
                score: -(i as f32),
                matched: 0,
                first: none,
                first_code: none,
            };
            n + 1
        ];
        for j in 1..=n {
            let same = code[i - 1] == text[j - 1].norm;
            let diag = prev[j - 1];
            let opens = same && diag.first == none;
            let mut cell = Cell {
                score: diag.score + if same { 1.0 } else { -1.0 },
                matched: diag.matched + usize::from(same),
                first: if opens { j - 1 } else { diag.first },
                first_code: if opens { i - 1 } else { diag.first_code },
            };
            for other in [
                Cell {
                    score: prev[j].score - 1.0,
                    ..prev[j]
                },
                Cell {
                    score: row[j - 1].score - 1.0,
                    ..row[j - 1]
                },
            ] {
                if other.score > cell.score
                    || (other.score == cell.score && other.matched > cell.matched)
                {
                    cell = other;
                }
            }
            row[j] = cell;
        }
        consider(&row, i);
        prev = row;
    }
    best.map(|(_, j, matched, left, first, first_code)| (j, matched, left, first, first_code))
}

/// Moves past punctuation that closes the wording: a full stop, a closing quotation mark or bracket.
fn close_punctuation(text: &str, end: usize) -> usize {
    let rest = &text[end..];
    let taken: usize = rest
        .chars()
        .take_while(|c| {
            matches!(
                c,
                '.' | ',' | ';' | ':' | '\'' | '’' | '"' | '”' | ')' | ']' | '!' | '?'
            )
        })
        .map(char::len_utf8)
        .sum();
    end + taken
}

/// An answer at the head of text whose cells ran together ("YesThe policy ...", "No. Acknowledgements ...",
/// "Partially met\nWe ..."): the answer, the words that gave it, and the byte offset where the rest begins. The
/// word must stand on its own: followed by a capital, a line break, punctuation or nothing, never by a space
/// and a lower-case word ("No complaints were refused" is evidence that lost its answer, not a No).
pub(crate) fn leading_answer(text: &str) -> Option<(FormAnswer, String, usize)> {
    const WORDS: [&str; 14] = [
        "partially compliant",
        "partially met",
        "partly met",
        "non-compliant",
        "not compliant",
        "not met",
        "partially",
        "compliant",
        "partial",
        "partly",
        "part",
        "yes",
        "no",
        "y",
    ];
    let t = text.trim_start();
    let offset = text.len() - t.len();
    for w in WORDS {
        let Some(head) = t.get(..w.len()) else {
            continue;
        };
        if !head.eq_ignore_ascii_case(w) {
            continue;
        }
        let after = &t[w.len()..];
        let next = after.chars().next();
        if next.is_some_and(|c| c.is_lowercase() || c.is_ascii_digit()) {
            continue;
        }
        let spaced = after.trim_start_matches([' ', '\t']);
        if after.starts_with([' ', '\t']) && spaced.chars().next().is_some_and(char::is_lowercase) {
            continue;
        }
        // "Y" alone stands for yes only before a break or punctuation, not before another capital ("YTHE").
        if w == "y" && next.is_some_and(char::is_alphabetic) {
            continue;
        }
        let answer = FormAnswer::parse(w)?;
        let rest = after.trim_start_matches(|c: char| {
            c.is_whitespace() || matches!(c, '.' | ',' | ';' | ':' | '-' | '–' | '!')
        });
        return Some((
            answer,
            head.to_string(),
            offset + w.len() + (after.len() - rest.len()),
        ));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn index(number: &str) -> usize {
        matcher().index_of(number).unwrap()
    }

    #[test]
    fn splits_a_row_whose_cells_ran_together() {
        let row = "A resident does not have to use the word 'complaint' for it to be treated as such. Whenever a resident expresses dissatisfaction landlords must give them the choice to make complaint. A complaint that is submitted via a third party or representative must be handled in line with the landlord's complaints policy.YesThe policy includes third parties.";
        let p = requirement_prefix(row, index("1.3")).unwrap();
        assert_eq!(&row[p.end..], "YesThe policy includes third parties.");
        assert_eq!(p.left, 0);
        let (a, said, at) = leading_answer(&row[p.end..]).unwrap();
        assert_eq!((a, said.as_str()), (FormAnswer::Yes, "Yes"));
        assert_eq!(&row[p.end + at..], "The policy includes third parties.");
    }

    #[test]
    fn a_clause_number_in_evidence_is_not_a_provision() {
        assert!(requirement_prefix(
            "A complaint is defined in our policy as any expression of dissatisfaction.",
            index("2.1")
        )
        .is_none());
        assert!(requirement_prefix(
            "Landlords must accept a complaint unless there is a valid reason",
            index("2.1")
        )
        .is_some());
        assert!(
            begins_with_requirement("Our policy says we accept every complaint.", None).is_none()
        );
        let (i, _) = begins_with_requirement(
            "Landlords must provide residents with information on their right to access the Ombudsman service and how the individual can engage with the Ombudsman about their complaint.Yes",
            Some(index("3.6")),
        )
        .unwrap();
        assert_eq!(i, index("3.7"));
    }

    #[test]
    fn answers_at_the_head_of_run_together_text() {
        let a = |t: &str| leading_answer(t).map(|(a, s, at)| (a, s, t[at..].to_string()));
        assert_eq!(
            a("No.Acknowledgements"),
            Some((FormAnswer::No, "No".into(), "Acknowledgements".into()))
        );
        assert_eq!(
            a("Partially met\nWe"),
            Some((FormAnswer::Partial, "Partially met".into(), "We".into()))
        );
        assert_eq!(a("No complaints were refused"), None);
        assert_eq!(a("Not everyone"), None);
        assert_eq!(a("Yesterday"), None);
        assert_eq!(a("Our policy"), None);
    }
}
