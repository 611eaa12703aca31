//! Tidies the text of one cell, the same way whichever reader produced it.
//!
//! Real forms are copied out of Word, web CMSs and PDFs, and carry the marks of that journey: non-breaking and
//! zero-width spaces, Word's private-use bullet glyphs, HTML fragments (`<p>`, `<ul><li>`) pasted from a CMS,
//! bullets typed inline ("These can include: • Apologising; • ..."), and look-alike letters from OCR or a foreign
//! keyboard ("Υ", Greek capital upsilon, for "Y"; Cyrillic "х" for "x"). This module turns all of that into plain
//! markdown that the site renders as the landlord meant it.
//!
//! It only rewrites the form of the text, never its words: nothing is dropped here except invisible characters and
//! the tags of HTML fragments. A cell holding only a stray mark ("•") stays as it is, so the ledger can report it.

/// Tidies one cell: characters, HTML, look-alike letters, bullets, then whitespace.
pub(crate) fn clean_cell(raw: &str) -> String {
    let text = normalise_chars(raw);
    let text = if super::html::looks_like_html(&text) {
        super::html::html_to_markdown(&text)
    } else {
        text
    };
    let text = map_lookalikes(&text);
    let text = bullets_to_markdown(&text);
    tidy_whitespace(&text)
}

/// Unifies line endings and spaces, drops invisible characters, and maps the private-use glyphs Word uses for
/// bullets and ticks (Symbol and Wingdings fonts) to the characters they show.
fn normalise_chars(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut chars = raw.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                if chars.peek() != Some(&'\n') {
                    out.push('\n');
                }
            }
            '\u{2028}' | '\u{2029}' | '\u{0b}' | '\u{0c}' => out.push('\n'),
            '\u{a0}' | '\u{2000}'..='\u{200a}' | '\u{202f}' | '\u{205f}' | '\u{3000}' => {
                out.push(' ')
            }
            '\u{200b}'..='\u{200d}' | '\u{2060}' | '\u{feff}' | '\u{ad}' => {}
            '\u{f0b7}' | '\u{f0a7}' | '\u{f076}' | '\u{f0d8}' | '\u{f0a0}' => out.push('•'),
            '\u{f0fc}' => out.push('✓'),
            '\u{f0fb}' => out.push('✗'),
            '\u{f0fe}' | '\u{f078}' => out.push('☒'),
            '\u{f0a8}' | '\u{f06f}' => out.push('☐'),
            // Full-width forms (from East Asian input methods) are the ASCII letters and digits they look like.
            '\u{ff01}'..='\u{ff5e}' => {
                out.push(char::from_u32(u32::from(c) - 0xfee0).unwrap_or(c));
            }
            '\n' | '\t' => out.push(c),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// The Latin letter a Greek or Cyrillic letter is indistinguishable from, for the letters where that is so.
fn lookalike(c: char) -> Option<char> {
    Some(match c {
        // Greek
        'Α' => 'A',
        'Β' => 'B',
        'Ε' => 'E',
        'Ζ' => 'Z',
        'Η' => 'H',
        'Ι' => 'I',
        'Κ' => 'K',
        'Μ' => 'M',
        'Ν' => 'N',
        'Ο' => 'O',
        'Ρ' => 'P',
        'Τ' => 'T',
        'Υ' => 'Y',
        'Χ' => 'X',
        'ο' => 'o',
        'ν' => 'v',
        // Cyrillic
        'А' => 'A',
        'В' => 'B',
        'Е' => 'E',
        'К' => 'K',
        'М' => 'M',
        'Н' => 'H',
        'О' => 'O',
        'Р' => 'P',
        'С' => 'C',
        'Т' => 'T',
        'Х' => 'X',
        'Ѕ' => 'S',
        'І' => 'I',
        'Ј' => 'J',
        'а' => 'a',
        'е' => 'e',
        'о' => 'o',
        'р' => 'p',
        'с' => 'c',
        'у' => 'y',
        'х' => 'x',
        'ѕ' => 's',
        'і' => 'i',
        'ј' => 'j',
        'ԁ' => 'd',
        'ԛ' => 'q',
        'ԝ' => 'w',
        'ӏ' => 'l',
        _ => return None,
    })
}

/// Replaces look-alike Greek and Cyrillic letters with the Latin ones they pass for, word by word. A word is
/// changed only if every letter in it is Latin or a look-alike, so a real Greek or Russian word ("Нет") is kept.
pub(crate) fn map_lookalikes(text: &str) -> String {
    if text.is_ascii() {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut word = String::new();
    let flush = |word: &mut String, out: &mut String| {
        let convertible = word
            .chars()
            .all(|c| c.is_ascii_alphabetic() || lookalike(c).is_some());
        if convertible {
            out.extend(word.chars().map(|c| lookalike(c).unwrap_or(c)));
        } else {
            out.push_str(word);
        }
        word.clear();
    };
    for c in text.chars() {
        if c.is_alphabetic() {
            word.push(c);
        } else {
            flush(&mut word, &mut out);
            out.push(c);
        }
    }
    flush(&mut word, &mut out);
    out
}

/// Characters used as bullets in forms.
const BULLETS: [char; 6] = ['•', '▪', '◦', '‣', '●', '➢'];

/// Turns bullets into markdown list items: a line starting with a bullet (or `-`, `*`, `–`) becomes `- item`, and
/// bullets strung along one line ("include: • Apologising; • Acknowledging") are split onto lines of their own. A
/// bullet with no text after it is left alone.
pub(crate) fn bullets_to_markdown(text: &str) -> String {
    let mut lines: Vec<String> = Vec::new();
    for line in text.split('\n') {
        let parts: Vec<&str> = line.split(BULLETS).collect();
        let has_items = parts.len() > 1 && parts[1..].iter().any(|p| !p.trim().is_empty());
        if !has_items {
            lines.push(dash_item(line));
            continue;
        }
        let head = parts[0].trim();
        if !head.is_empty() {
            lines.push(head.to_string());
        }
        for item in &parts[1..] {
            let item = item.trim();
            if !item.is_empty() {
                lines.push(format!("- {item}"));
            }
        }
    }
    separate_lists(&lines)
}

/// `– item`, `* item` and `o Item` (Word's Courier bullet) become `- item`; anything else is unchanged.
fn dash_item(line: &str) -> String {
    let t = line.trim_start();
    for marker in ["- ", "* ", "– ", "— ", "· "] {
        if let Some(rest) = t.strip_prefix(marker) {
            if !rest.trim().is_empty() {
                return format!("- {}", rest.trim());
            }
        }
    }
    if let Some(rest) = t.strip_prefix("o ") {
        if rest.chars().next().is_some_and(char::is_uppercase) {
            return format!("- {}", rest.trim());
        }
    }
    line.to_string()
}

fn is_item(line: &str) -> bool {
    let t = line.trim_start();
    t.starts_with("- ") || {
        let digits = t.chars().take_while(char::is_ascii_digit).count();
        digits > 0 && t[digits..].starts_with(". ")
    }
}

/// Puts a blank line between a list and the paragraph before or after it, so markdown neither swallows the
/// paragraph into the last item nor the first item into the paragraph.
fn separate_lists(lines: &[String]) -> String {
    let mut out = String::new();
    let mut prev: Option<&str> = None;
    for line in lines {
        if let Some(p) = prev {
            let blank = p.trim().is_empty() || line.trim().is_empty();
            out.push('\n');
            if !blank && is_item(p) != is_item(line) {
                out.push('\n');
            }
        }
        out.push_str(line);
        prev = Some(line);
    }
    out
}

/// Collapses runs of spaces, trims every line, drops blank lines at either end and keeps at most one blank line
/// between paragraphs.
pub(crate) fn tidy_whitespace(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut blank_run = 0;
    for line in text.split('\n') {
        let line = line.split_whitespace().collect::<Vec<_>>().join(" ");
        if line.is_empty() {
            blank_run += 1;
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank_run > 0 { "\n\n" } else { "\n" });
        }
        blank_run = 0;
        out.push_str(&line);
    }
    out
}

/// True when the text has no letter or digit in it: a stray bullet, a dash, dots left by a page layout.
pub(crate) fn is_noise(text: &str) -> bool {
    !text.is_empty() && !text.chars().any(char::is_alphanumeric)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn greek_and_cyrillic_lookalikes_become_latin() {
        assert_eq!(clean_cell("Υ"), "Y");
        assert_eq!(clean_cell("х"), "x");
        assert_eq!(clean_cell("Сomplaints Рolicy"), "Complaints Policy");
        assert_eq!(clean_cell("Нет"), "Нет");
        assert_eq!(clean_cell("Ελλάδα"), "Ελλάδα");
    }

    #[test]
    fn html_fragments_become_markdown() {
        assert_eq!(
            clean_cell("<p>First.</p> <p>Second &amp; third.</p>"),
            "First.\n\nSecond & third."
        );
        assert_eq!(
            clean_cell("<p>Include:</p><ul><li>one</li> <li>two</li></ul><p>After</p>"),
            "Include:\n\n- one\n- two\n\nAfter"
        );
        assert_eq!(
            clean_cell("within <u>10 working days</u> of"),
            "within 10 working days of"
        );
        assert_eq!(clean_cell("fewer than <5 days"), "fewer than <5 days");
        assert_eq!(clean_cell("<ol><li>a</li><li>b</li></ol>"), "1. a\n2. b");
    }

    #[test]
    fn inline_bullets_become_list_items() {
        assert_eq!(
            clean_cell("These can include: • Apologising; • Acknowledging"),
            "These can include:\n\n- Apologising;\n- Acknowledging"
        );
        assert_eq!(
            clean_cell("\u{f0b7} Policy\n\u{f0b7} Leaflet\nReviewed yearly"),
            "- Policy\n- Leaflet\n\nReviewed yearly"
        );
        assert_eq!(clean_cell("•"), "•");
        assert!(is_noise("•"));
        assert!(!is_noise("x"));
    }

    #[test]
    fn spaces_and_invisible_characters_are_tidied() {
        assert_eq!(
            clean_cell("  a\u{a0}\u{a0}b\u{200b}c \r\n\r\n\r\n d  "),
            "a bc\n\nd"
        );
        assert_eq!(clean_cell("Ｙｅｓ"), "Yes");
    }
}
