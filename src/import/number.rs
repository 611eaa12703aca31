//! Reads provision numbers as forms write them.
//!
//! Text copied from a browser can lose the boundary between a number's cell and the next: "1.3A resident ...",
//! "6.10If all or part ...". [`readings`] offers the ways such a start can be read, for the caller to check each
//! against the Code's wording.
//!
//! "6.10" reaches redress as "6.1O" (a letter O), "6,10" (a comma), "Provision 6.10:", "8.1(f)" for a lettered part
//! of a provision, "0.10" from OCR, or "6.1" from Excel, which stores it as a number. This module reads the shape
//! and forgives the typing slips; whether the number is a provision of the Code, and the right one for its row, is
//! for [`super::matching`] to judge against the requirement text.

/// A provision number as a form writes it: "6.10", "6.1O" (letter O), "8.1(f)", "Provision 3.7:".
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct NumberToken {
    /// The section: 6 in "6.10".
    pub(crate) major: u32,
    /// The provision within it: 10 in "6.10".
    pub(crate) minor: u32,
    /// The lettered part, for forms that split a provision into a-f rows: `f` in "8.1(f)".
    pub(crate) sub: Option<char>,
    /// The number as written.
    pub(crate) raw: String,
}

impl NumberToken {
    /// "6.10".
    pub(crate) fn key(&self) -> String {
        format!("{}.{}", self.major, self.minor)
    }
}

/// Reads a provision number at the start of a cell, returning it and the text after it. Typing and OCR slips are
/// forgiven in the number itself (a letter O for a zero, a comma for the point), but a policy reference such as
/// "6.6.1" or a year is not a provision number.
pub(crate) fn parse_number(cell: &str) -> Option<(NumberToken, String)> {
    let mut t = cell.trim_start();
    for prefix in ["provision", "paragraph", "para", "clause", "code"] {
        if t.len() > prefix.len()
            && t.is_char_boundary(prefix.len())
            && t[..prefix.len()].eq_ignore_ascii_case(prefix)
        {
            let rest = t[prefix.len()..].trim_start_matches(['.', ' ', ':']);
            if rest.starts_with(|c: char| c.is_ascii_digit()) {
                t = rest;
            }
        }
    }
    let token: String = t
        .chars()
        .take_while(|c| {
            c.is_ascii_digit() || matches!(c, 'O' | 'o' | 'l' | 'I' | '|' | '.' | ',' | '·')
        })
        .collect();
    let after = &t[token.len()..];
    let digits = token.chars().filter(char::is_ascii_digit).count();
    let mapped: String = token
        .chars()
        .map(|c| match c {
            'O' | 'o' => '0',
            'l' | 'I' | '|' => '1',
            ',' | '·' => '.',
            c => c,
        })
        .collect();
    let mapped = mapped.trim_end_matches('.');
    let (a, b) = mapped.split_once('.')?;
    let plain = |s: &str| !s.is_empty() && s.len() <= 2 && s.chars().all(|c| c.is_ascii_digit());
    if digits < 2 || !plain(a) || !plain(b) || !starts_with_digit(token.as_str()) {
        return None;
    }
    let (sub, rest) = sub_part(after);
    if rest.starts_with(|c: char| c.is_alphanumeric()) && sub.is_none() {
        return None;
    }
    let number = NumberToken {
        major: a.parse().ok()?,
        minor: b.parse().ok()?,
        sub,
        raw: t[..t.len() - rest.len()].trim().to_string(),
    };
    let rest = rest.trim_start_matches(|c: char| {
        c.is_whitespace() || matches!(c, ':' | '-' | '–' | ')' | '.')
    });
    Some((number, rest.to_string()))
}

fn starts_with_digit(token: &str) -> bool {
    token.starts_with(|c: char| c.is_ascii_digit() || c == 'O')
}

/// A lettered part right after a number: "(f)", " (f)", "f)", or a letter standing alone ("8.1f", "8.1 f").
fn sub_part(after: &str) -> (Option<char>, &str) {
    let t = after.trim_start();
    let b = t.as_bytes();
    let letter = |i: usize| b.get(i).is_some_and(|c| (b'a'..=b'h').contains(c));
    if b.first() == Some(&b'(') && letter(1) && b.get(2) == Some(&b')') {
        return (Some(char::from(b[1])), &t[3..]);
    }
    if letter(0) && b.get(1) == Some(&b')') {
        return (Some(char::from(b[0])), &t[2..]);
    }
    let attached = after.len() == t.len();
    if letter(0) && (b.len() == 1 || (attached && b.get(1) == Some(&b' '))) {
        return (Some(char::from(b[0])), &t[1..]);
    }
    (None, after)
}

/// A cell that is only a lettered part: "(b)", "b)", "b.".
pub(crate) fn parse_sub_only(cell: &str) -> Option<char> {
    let t = cell.trim();
    let inner = t
        .strip_prefix('(')
        .and_then(|s| s.strip_suffix(')'))
        .or_else(|| t.strip_suffix(')'))
        .or_else(|| t.strip_suffix('.'))?;
    let mut chars = inner.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) if ('a'..='h').contains(&c) => Some(c),
        _ => None,
    }
}

/// A provision number at the start of text, also when the text runs straight on ("1.3A resident ...",
/// "6.10If all or part ..."): the number as written, its key ("6.10"), and the text after it.
pub(crate) fn leading_number(text: &str) -> Option<(String, String, String)> {
    readings(text).into_iter().next()
}

/// The ways to read a number at the start of text, likeliest first: where a capital follows the digits straight
/// on, the cells ran together ("2.4If a landlord" is 2.4 and "If a landlord", not 2.41 read with a letter I).
pub(crate) fn readings(text: &str) -> Vec<(String, String, String)> {
    let mut out: Vec<(String, String, String)> = run_on_number(text).into_iter().collect();
    if let Some((n, rest)) = parse_number(text) {
        out.push((n.raw.clone(), n.key(), rest));
    }
    out
}

fn run_on_number(text: &str) -> Option<(String, String, String)> {
    let t = text.trim_start();
    let major: String = t.chars().take_while(char::is_ascii_digit).collect();
    let after_major = t[major.len()..].strip_prefix('.')?;
    let digits: String = after_major
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    if major.is_empty() || major.len() > 1 || digits.is_empty() {
        return None;
    }
    // The longest reading whose next character is a capital or a quotation mark: "6.10If" is 6.10, not 6.1.
    (1..=digits.len().min(2)).rev().find_map(|len| {
        let rest = &after_major[len..];
        let starts_text = rest
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || matches!(c, '\'' | '‘' | '"' | '“'));
        starts_text.then(|| {
            let minor = digits[..len].trim_start_matches('0');
            let key = format!("{major}.{}", if minor.is_empty() { "0" } else { minor });
            (format!("{major}.{}", &digits[..len]), key, rest.to_string())
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn num(s: &str) -> Option<String> {
        parse_number(s).map(|(n, _)| match n.sub {
            Some(c) => format!("{}({c})", n.key()),
            None => n.key(),
        })
    }

    #[test]
    fn reads_provision_numbers_with_slips() {
        assert_eq!(num("6.10").as_deref(), Some("6.10"));
        assert_eq!(num(" 6.1O. ").as_deref(), Some("6.10"));
        assert_eq!(num("6,10").as_deref(), Some("6.10"));
        assert_eq!(num("0.11").as_deref(), Some("0.11"));
        assert_eq!(num("Provision 3.7:").as_deref(), Some("3.7"));
        assert_eq!(num("8.1(f)").as_deref(), Some("8.1(f)"));
        assert_eq!(num("8.1 f").as_deref(), Some("8.1(f)"));
        assert_eq!(num("6.6.1"), None);
        assert_eq!(num("2020"), None);
        assert_eq!(num("1"), None);
        assert_eq!(num("Section 1"), None);
        assert_eq!(num("Over 5.5 days"), None);
        let (n, rest) = parse_number("6.10 If all or part").unwrap();
        assert_eq!(
            (n.key(), rest.as_str()),
            ("6.10".to_string(), "If all or part")
        );
        assert_eq!(parse_sub_only("(b)"), Some('b'));
        assert_eq!(parse_sub_only("c."), Some('c'));
        assert_eq!(parse_sub_only("Yes."), None);
        let first = leading_number;
        assert_eq!(
            first("6.10If all"),
            Some(("6.10".into(), "6.10".into(), "If all".into()))
        );
        assert_eq!(
            first("1.3A resident"),
            Some(("1.3".into(), "1.3".into(), "A resident".into()))
        );
        // Read with a letter I for a one, "2.4If" would be 2.41: the run-together reading comes first.
        assert_eq!(readings("2.4If a landlord")[0].1, "2.4");
    }
}
