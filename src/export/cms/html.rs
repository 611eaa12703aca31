//! Text and attribute values made safe for HTML, and long words given places to break.

/// `text` with `&`, `<` and `>` escaped, for element content.
pub(super) fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// `text` escaped for a double-quoted attribute value.
pub(super) fn escape_attr(text: &str) -> String {
    escape(text).replace('"', "&quot;")
}

/// Text escaped, with a line-break opportunity (`<wbr>`) after each `/`, `.`, `@`, `_` and `-` of a word too long
/// to fit a phone's screen (an address, a Welsh place name), and after every 20 letters with none: with no
/// stylesheet to wrap it (the theme's `overflow-wrap`), it would push the page sideways (WCAG 2.2 1.4.10 Reflow).
/// `<wbr>` adds nothing to the text a screen reader reads or a reader copies.
pub(super) fn breakable(text: &str) -> String {
    const LONG: usize = 24;
    const RUN: usize = 20;
    let mut out = String::with_capacity(text.len());
    for (i, word) in text.split(' ').enumerate() {
        if i > 0 {
            out.push(' ');
        }
        if word.chars().count() <= LONG {
            out.push_str(&escape(word));
            continue;
        }
        let mut run = 0;
        for c in word.chars() {
            out.push_str(&escape(c.encode_utf8(&mut [0; 4])));
            run += 1;
            if matches!(c, '/' | '.' | '@' | '_' | '-') || run == RUN {
                out.push_str("<wbr>");
                run = 0;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_words_may_break_after_punctuation_and_short_ones_are_left_alone() {
        assert_eq!(breakable("a <b> & c"), "a &lt;b&gt; &amp; c");
        assert_eq!(
            breakable("see https://www.example.org/complaints"),
            "see https:/<wbr>/<wbr>www.<wbr>example.<wbr>org/<wbr>complaints"
        );
        assert_eq!(
            breakable("Llanfairpwllgwyngyllgogerychwyrndrobwll"),
            "Llanfairpwllgwyngyll<wbr>gogerychwyrndrobwll"
        );
    }
}
