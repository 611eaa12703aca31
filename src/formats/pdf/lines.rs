//! Inline content (text with emphasis and links) broken into lines of a given width.
//!
//! The text is cut into pieces at spaces, soft hyphens and changes of style, each piece shaped in its font
//! ([`super::fonts`]), and the pieces filled into lines greedily: a line takes words while their measured widths
//! fit, and breaks at a space or at a soft hyphen (drawn as a hyphen there). A word too wide for a line of its
//! own (a long place name in a narrow table column) is broken between characters. The spaces stay in the text as
//! glyphs, and so does the space at the end of a line, so text copied from the PDF has its words apart and
//! reflows.

use std::ops::Range;

use krilla::text::KrillaGlyph;

use super::fonts::{Shaper, Style};

/// Where a link goes, in the PDF.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Goes {
    /// A place in the document, by its id.
    Anchor(String),
    /// An address.
    Url(String),
}

/// A piece of inline content in one style: what the layout of a paragraph starts from.
#[derive(Debug, Clone)]
pub(super) struct Span {
    /// Its text (spaces as they are, already collapsed).
    pub(super) text: String,
    /// Its style.
    pub(super) style: Style,
    /// The link it belongs to (an index into the paragraph's links).
    pub(super) link: Option<usize>,
    /// A forced line break after it.
    pub(super) line_break: bool,
}

/// A run of glyphs in one style and link, drawn together.
#[derive(Debug, Clone)]
pub(super) struct Run {
    /// Its start from the line's start, in points.
    pub(super) x: f32,
    /// Its visible width in points (without a space at the end of the line).
    pub(super) width: f32,
    /// Its style.
    pub(super) style: Style,
    /// The link it belongs to.
    pub(super) link: Option<usize>,
    /// The text it draws.
    pub(super) text: String,
    /// Its glyphs, ranges into `text`, advances in ems.
    pub(super) glyphs: Vec<KrillaGlyph>,
}

/// A line of runs.
#[derive(Debug, Clone, Default)]
pub(super) struct Line {
    /// The runs, left to right.
    pub(super) runs: Vec<Run>,
    /// The visible width, in points.
    pub(super) width: f32,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum After {
    /// The next piece follows with nothing between (a change of style inside a word).
    Nothing,
    /// A space.
    Space,
    /// A soft hyphen: a line may break here, with a hyphen.
    SoftHyphen,
    /// A point inside a word too long for a line, where it may break without a hyphen.
    Split,
    /// A forced line break.
    LineBreak,
}

#[derive(Debug, Clone)]
struct Piece {
    text: String,
    style: Style,
    link: Option<usize>,
    glyphs: Vec<KrillaGlyph>,
    /// In points.
    width: f32,
    after: After,
}

/// Breaks `spans`, set at `size` points, into lines at most `width` points wide.
pub(super) fn break_lines(shaper: &mut Shaper, spans: &[Span], size: f32, width: f32) -> Vec<Line> {
    let pieces = pieces(shaper, spans, size);
    let pieces = split_long_words(pieces, width, size);
    let mut lines: Vec<Vec<Piece>> = Vec::new();
    let mut line: Vec<Piece> = Vec::new();
    let mut line_width = 0.0;
    let mut word: Vec<Piece> = Vec::new();
    let mut pieces = pieces.into_iter().peekable();
    while let Some(piece) = pieces.next() {
        let after = piece.after;
        word.push(piece);
        // A word ends where a space or a break may follow it, and at the end of the text.
        if after == After::Nothing && pieces.peek().is_some() {
            continue;
        }
        let word_width: f32 = word.iter().map(|p| p.width).sum();
        let lead = match line.last() {
            Some(p) if p.after == After::Space => space_width(shaper, p.style, size),
            _ => 0.0,
        };
        if !line.is_empty() && line_width + lead + word_width > width + 0.01 {
            lines.push(std::mem::take(&mut line));
            line_width = 0.0;
        } else {
            line_width += lead;
        }
        line_width += word_width;
        line.append(&mut word);
        if after == After::LineBreak {
            lines.push(std::mem::take(&mut line));
            line_width = 0.0;
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
        .into_iter()
        .map(|pieces| runs(shaper, pieces, size))
        .collect()
}

/// The width of the widest word of `spans` and of all of it on one line, in points: what a table column needs
/// at least, and what it would take at most.
pub(super) fn measure(shaper: &mut Shaper, spans: &[Span], size: f32) -> (f32, f32) {
    let pieces = pieces(shaper, spans, size);
    let (mut longest, mut total, mut word) = (0.0f32, 0.0f32, 0.0f32);
    for p in &pieces {
        word += p.width;
        total += p.width;
        if p.after != After::Nothing {
            longest = longest.max(word);
            word = 0.0;
            if p.after == After::Space {
                total += space_width(shaper, p.style, size);
            }
        }
    }
    (longest.max(word), total)
}

fn space_width(shaper: &mut Shaper, style: Style, size: f32) -> f32 {
    shaper.shape(style, " ").width * size
}

/// The spans cut into shaped pieces at spaces, soft hyphens and changes of style.
fn pieces(shaper: &mut Shaper, spans: &[Span], size: f32) -> Vec<Piece> {
    let mut out: Vec<Piece> = Vec::new();
    for span in spans {
        let text = Shaper::printable(&span.text);
        let mut start = 0;
        for (at, c) in text.char_indices() {
            let after = match c {
                ' ' => After::Space,
                '\u{ad}' => After::SoftHyphen,
                _ => continue,
            };
            if at > start {
                out.push(piece(shaper, span, &text[start..at], size, after));
            } else if let Some(last) = out.last_mut() {
                // A space after a space, or at the start of a span after a word: one break is enough.
                if last.after == After::Nothing || after == After::Space {
                    last.after = after;
                }
            }
            start = at + c.len_utf8();
        }
        if start < text.len() {
            out.push(piece(shaper, span, &text[start..], size, After::Nothing));
        }
        if span.line_break {
            match out.last_mut() {
                Some(last) => last.after = After::LineBreak,
                None => out.push(piece(shaper, span, "", size, After::LineBreak)),
            }
        }
    }
    if let Some(last) = out.last_mut() {
        if last.after == After::Nothing {
            last.after = After::Split;
        }
    }
    out
}

fn piece(shaper: &mut Shaper, span: &Span, text: &str, size: f32, after: After) -> Piece {
    let shaped = shaper.shape(span.style, text);
    Piece {
        text: text.to_string(),
        style: span.style,
        link: span.link,
        glyphs: shaped.glyphs.clone(),
        width: shaped.width * size,
        after,
    }
}

/// Pieces wider than a line cut between characters (at glyph clusters), so that each part fits.
fn split_long_words(pieces: Vec<Piece>, width: f32, size: f32) -> Vec<Piece> {
    let mut out = Vec::with_capacity(pieces.len());
    for p in pieces {
        if p.width <= width || p.glyphs.len() < 2 {
            out.push(p);
            continue;
        }
        let mut part: Vec<KrillaGlyph> = Vec::new();
        let mut part_width = 0.0;
        let mut parts: Vec<(Vec<KrillaGlyph>, f32)> = Vec::new();
        for g in &p.glyphs {
            let w = g.x_advance * size;
            let new_cluster = part.last().is_none_or(|l| l.text_range != g.text_range);
            if !part.is_empty() && new_cluster && part_width + w > width {
                parts.push((std::mem::take(&mut part), part_width));
                part_width = 0.0;
            }
            part.push(g.clone());
            part_width += w;
        }
        parts.push((part, part_width));
        let last = parts.len() - 1;
        for (i, (glyphs, w)) in parts.into_iter().enumerate() {
            let range = text_range(&glyphs);
            let glyphs = glyphs
                .into_iter()
                .map(|mut g| {
                    g.text_range = g.text_range.start - range.start..g.text_range.end - range.start;
                    g
                })
                .collect();
            out.push(Piece {
                text: p.text[range].to_string(),
                style: p.style,
                link: p.link,
                glyphs,
                width: w,
                after: if i == last { p.after } else { After::Split },
            });
        }
    }
    out
}

fn text_range(glyphs: &[KrillaGlyph]) -> Range<usize> {
    let start = glyphs.iter().map(|g| g.text_range.start).min().unwrap_or(0);
    let end = glyphs.iter().map(|g| g.text_range.end).max().unwrap_or(0);
    start..end
}

/// A line's pieces joined into runs of one style and link, with the spaces between them and a hyphen where the
/// line breaks at a soft hyphen.
fn runs(shaper: &mut Shaper, pieces: Vec<Piece>, size: f32) -> Line {
    let mut line = Line::default();
    let mut x = 0.0;
    let count = pieces.len();
    for (i, p) in pieces.into_iter().enumerate() {
        let last = i + 1 == count;
        let same = line
            .runs
            .last()
            .is_some_and(|r| r.style == p.style && r.link == p.link);
        if !same {
            line.runs.push(Run {
                x,
                width: 0.0,
                style: p.style,
                link: p.link,
                text: String::new(),
                glyphs: Vec::new(),
            });
        }
        let Some(run) = line.runs.last_mut() else {
            continue;
        };
        append(run, &p.text, &p.glyphs, p.width);
        x += p.width;
        match p.after {
            After::Space => {
                let space = shaper.shape(p.style, " ");
                let w = space.width * size;
                append(run, " ", &space.glyphs, 0.0);
                if !last {
                    run.width += w;
                    x += w;
                }
            }
            After::SoftHyphen if last => {
                let hyphen = shaper.shape(p.style, "-");
                let w = hyphen.width * size;
                let mut glyphs = hyphen.glyphs.clone();
                for g in &mut glyphs {
                    g.text_range = 0..'\u{ad}'.len_utf8();
                }
                append(run, "\u{ad}", &glyphs, w);
                x += w;
            }
            // A line that ends at a forced break still reads as words apart.
            After::LineBreak => {
                let space = shaper.shape(p.style, " ");
                append(run, " ", &space.glyphs, 0.0);
            }
            _ => {}
        }
    }
    line.width = x;
    line
}

fn append(run: &mut Run, text: &str, glyphs: &[KrillaGlyph], width: f32) {
    let offset = run.text.len();
    run.text.push_str(text);
    run.glyphs.extend(glyphs.iter().map(|g| {
        let mut g = g.clone();
        g.text_range = g.text_range.start + offset..g.text_range.end + offset;
        g
    }));
    run.width += width;
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span(text: &str) -> Span {
        Span {
            text: text.into(),
            style: Style::default(),
            link: None,
            line_break: false,
        }
    }

    fn texts(lines: &[Line]) -> Vec<String> {
        lines
            .iter()
            .map(|l| l.runs.iter().map(|r| r.text.as_str()).collect::<String>())
            .collect()
    }

    #[test]
    fn lines_break_at_spaces_and_fit_their_width() {
        let mut s = Shaper::new();
        let text = "We received 412 complaints this year and answered nearly all of them within the time the Code sets.";
        let lines = break_lines(&mut s, &[span(text)], 10.0, 150.0);
        assert!(lines.len() >= 3, "{:?}", texts(&lines));
        for l in &lines {
            assert!(
                l.width <= 150.0,
                "{} is {} wide",
                texts(std::slice::from_ref(l))[0],
                l.width
            );
        }
        // Every word is there once, each line ending in its space, so the copied text reads as it was written.
        assert_eq!(texts(&lines).concat().trim_end(), text);
    }

    #[test]
    fn a_soft_hyphen_breaks_with_a_hyphen_and_a_long_word_breaks_anywhere() {
        let mut s = Shaper::new();
        let lines = break_lines(&mut s, &[span("aaaaaaaaaa\u{ad}bbbbbbbbbb")], 10.0, 70.0);
        assert_eq!(texts(&lines), ["aaaaaaaaaa\u{ad}", "bbbbbbbbbb"]);
        assert_eq!(lines[0].runs[0].glyphs.len(), 11, "a hyphen is drawn");
        let word = "Llanfairpwllgwyngyllgogerychwyrndrobwll";
        let lines = break_lines(&mut s, &[span(word)], 10.0, 60.0);
        assert!(lines.len() > 2);
        assert_eq!(texts(&lines).concat(), word);
        assert!(lines.iter().all(|l| l.width <= 60.0));
    }

    #[test]
    fn styles_and_links_make_runs_and_measure_gives_the_longest_word() {
        let mut s = Shaper::new();
        let spans = [
            span("Read "),
            Span {
                text: "the Code".into(),
                style: Style::default().bold(),
                link: Some(0),
                line_break: false,
            },
            span(" now"),
        ];
        let lines = break_lines(&mut s, &spans, 10.0, 500.0);
        assert_eq!(lines.len(), 1);
        let runs: Vec<_> = lines[0]
            .runs
            .iter()
            .map(|r| (r.text.as_str(), r.link))
            .collect();
        assert_eq!(
            runs,
            [("Read ", None), ("the Code ", Some(0)), ("now", None)]
        );
        let (longest, total) = measure(&mut s, &spans, 10.0);
        assert!(longest > 0.0 && longest < total);
    }
}
