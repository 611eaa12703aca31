//! content/*.md carried over: the words stay as the draft, and the front matter gets the `carried_over` mark. Only
//! the front matter is parsed and rewritten; the markdown after it is kept byte for byte.

use toml_edit::DocumentMut;

use super::mark;

/// Where the front matter is: the byte range between the opening `+++` line and the closing one.
fn front_matter(text: &str) -> Option<std::ops::Range<usize>> {
    let bom = text.len() - text.trim_start_matches('\u{feff}').len();
    let after = text[bom..].strip_prefix("+++")?;
    let open_end = bom + 3 + after.find('\n').map_or(after.len(), |i| i + 1);
    let rest = &text[open_end..];
    let close = rest
        .match_indices("+++")
        .find(|(i, _)| *i == 0 || rest.as_bytes()[i - 1] == b'\n')
        .map(|(i, _)| i)?;
    Some(open_end..open_end + close)
}

fn parse(text: &str) -> Result<(std::ops::Range<usize>, DocumentMut), String> {
    let range = front_matter(text).ok_or("its front matter is not between two +++ lines")?;
    let doc = text[range.clone()]
        .parse::<DocumentMut>()
        .map_err(|e| format!("its front matter is not valid TOML: {}", e.message()))?;
    Ok((range, doc))
}

/// The year the file is already marked as carried over from, if it is.
pub(super) fn existing(text: &str) -> Option<String> {
    parse(text).ok().and_then(|(_, doc)| mark::existing(&doc))
}

/// The file with the mark added to its front matter.
pub(super) fn mark(text: &str, from: &str, to: &str) -> Result<String, String> {
    let (range, mut doc) = parse(text)?;
    mark::mark(&mut doc, from, to);
    let mut front = doc.to_string();
    if !front.ends_with('\n') {
        front.push('\n');
    }
    Ok(format!(
        "{}{front}{}",
        &text[..range.start],
        &text[range.end..]
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_the_front_matter_and_keeps_the_body() {
        let text = "+++\ntitle = \"Our Board's response\"\ndate = 2025-07-10\n+++\nThe Board +++ considered.\n";
        let out = mark(text, "2024-25", "2025-26").unwrap();
        assert_eq!(
            out,
            "+++\ncarried_over = \"2024-25\"  # kept from 2024-25 by `redress new-year`: review this file for 2025-26, then delete this line\n\ntitle = \"Our Board's response\"\ndate = 2025-07-10\n+++\nThe Board +++ considered.\n"
        );
        assert_eq!(existing(&out).as_deref(), Some("2024-25"));
        assert_eq!(existing(text), None);
    }

    #[test]
    fn a_file_without_front_matter_is_refused() {
        assert!(mark("# Title\n", "2024-25", "2025-26").is_err());
    }
}
