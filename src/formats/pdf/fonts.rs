//! The PDF's fonts, and text shaped in them: Open Sans in four styles, compiled into redress (see
//! `fonts/README.md` for why and its licence), shaped with rustybuzz (the shaper krilla itself uses), so the
//! widths the lines are broken by are the widths krilla draws.
//!
//! Nothing here reads system fonts: the PDF is the same bytes on every machine.

use std::collections::HashMap;
use std::sync::{Arc, LazyLock};

use krilla::text::{Font, GlyphId, KrillaGlyph};

/// Regular, bold, italic or both.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub(super) struct Style {
    /// Bold (headings, header cells, `<strong>`).
    pub(super) bold: bool,
    /// Italic (`<em>`).
    pub(super) italic: bool,
}

impl Style {
    /// Bold, as it is or not.
    pub(super) fn bold(self) -> Style {
        Style { bold: true, ..self }
    }

    fn index(self) -> usize {
        usize::from(self.bold) + 2 * usize::from(self.italic)
    }
}

/// Open Sans: regular, bold, italic, bold italic (the order of [`Style::index`]).
const FONT_FILES: [&[u8]; 4] = [
    include_bytes!("fonts/OpenSans-Regular.ttf"),
    include_bytes!("fonts/OpenSans-Bold.ttf"),
    include_bytes!("fonts/OpenSans-Italic.ttf"),
    include_bytes!("fonts/OpenSans-BoldItalic.ttf"),
];

/// The family name charts' text is set in (an SVG's `sans-serif` resolves to it).
pub(super) const FAMILY: &str = "Open Sans";

struct Face {
    pdf: Font,
    shaper: rustybuzz::Face<'static>,
    /// Units per em, for scaling rustybuzz's integer advances to fractions of an em.
    upem: f32,
}

/// The four faces, parsed once per process.
static FACES: LazyLock<Option<Vec<Face>>> = LazyLock::new(|| {
    FONT_FILES
        .iter()
        .map(|data| {
            let pdf = Font::new((*data).into(), 0)?;
            let shaper = rustybuzz::Face::from_slice(data, 0)?;
            let upem = f32::from(shaper.units_per_em() as u16);
            Some(Face { pdf, shaper, upem })
        })
        .collect()
});

/// The embedded fonts' data, for the charts' SVG text.
pub(super) fn font_data() -> impl Iterator<Item = &'static [u8]> {
    FONT_FILES.iter().copied()
}

/// Whether the embedded fonts load (they are part of the binary, so only a fault in redress stops them).
pub(super) fn available() -> bool {
    FACES.is_some()
}

/// A run of text shaped in one style: its glyphs, with advances in ems, and its width in ems.
#[derive(Debug, Clone)]
pub(super) struct Shaped {
    /// The glyphs, each with the range of the text it draws.
    pub(super) glyphs: Vec<KrillaGlyph>,
    /// The sum of the advances, in ems.
    pub(super) width: f32,
}

/// Shapes text, remembering each word it has shaped: a report repeats its words.
pub(super) struct Shaper {
    cache: HashMap<(Style, String), Arc<Shaped>>,
}

impl Shaper {
    pub(super) fn new() -> Shaper {
        Shaper {
            cache: HashMap::new(),
        }
    }

    /// The font drawn for `style`.
    pub(super) fn font(style: Style) -> Font {
        faces()[style.index()].pdf.clone()
    }

    /// `text` shaped in `style`. A character the font lacks is drawn as `?` (PDF/UA-1 forbids the empty glyph),
    /// which [`Shaper::printable`] has already put in the text.
    pub(super) fn shape(&mut self, style: Style, text: &str) -> Arc<Shaped> {
        if let Some(s) = self.cache.get(&(style, text.to_string())) {
            return Arc::clone(s);
        }
        let face = &faces()[style.index()];
        let mut buffer = rustybuzz::UnicodeBuffer::new();
        buffer.push_str(text);
        buffer.guess_segment_properties();
        let output = rustybuzz::shape(&face.shaper, &[], buffer);
        let infos = output.glyph_infos();
        let positions = output.glyph_positions();
        let mut glyphs = Vec::with_capacity(infos.len());
        let mut width = 0.0;
        for (i, (info, pos)) in infos.iter().zip(positions).enumerate() {
            let start = info.cluster as usize;
            let end = infos[i + 1..]
                .iter()
                .find(|next| next.cluster != info.cluster)
                .map_or(text.len(), |next| next.cluster as usize);
            let advance = pos.x_advance as f32 / face.upem;
            width += advance;
            glyphs.push(KrillaGlyph::new(
                GlyphId::new(info.glyph_id),
                advance,
                pos.x_offset as f32 / face.upem,
                pos.y_offset as f32 / face.upem,
                pos.y_advance as f32 / face.upem,
                start..end.max(start),
                None,
            ));
        }
        let shaped = Arc::new(Shaped { glyphs, width });
        self.cache
            .insert((style, text.to_string()), Arc::clone(&shaped));
        shaped
    }

    /// `text` with every character the fonts cannot draw replaced by `?`, and control characters by spaces.
    pub(super) fn printable(text: &str) -> std::borrow::Cow<'_, str> {
        let face = &faces()[0].shaper;
        let drawable = |c: char| c == ' ' || c == '\u{ad}' || face.glyph_index(c).is_some();
        if text.chars().all(drawable) {
            return std::borrow::Cow::Borrowed(text);
        }
        std::borrow::Cow::Owned(
            text.chars()
                .map(|c| match c {
                    c if c.is_control() => ' ',
                    c if drawable(c) => c,
                    _ => '?',
                })
                .collect(),
        )
    }
}

fn faces() -> &'static [Face] {
    // `available` is checked before any layout starts (see `Job::compile`), so this never fails there.
    FACES.as_deref().unwrap_or(&[])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_fonts_load() {
        assert!(available());
        assert_eq!(faces().len(), 4);
    }

    #[test]
    fn bold_is_wider_than_regular_and_words_are_remembered() {
        let mut s = Shaper::new();
        let regular = s.shape(Style::default(), "Complaints");
        let bold = s.shape(Style::default().bold(), "Complaints");
        assert!(
            bold.width > regular.width,
            "{} {}",
            bold.width,
            regular.width
        );
        assert!(
            regular.width > 4.0 && regular.width < 7.0,
            "{}",
            regular.width
        );
        assert_eq!(regular.glyphs.len(), 10);
        assert!(Arc::ptr_eq(
            &regular,
            &s.shape(Style::default(), "Complaints")
        ));
    }

    #[test]
    fn characters_the_font_lacks_become_question_marks() {
        assert_eq!(Shaper::printable("£5 – “ok” ŵ"), "£5 – “ok” ŵ");
        assert_eq!(Shaper::printable("a\u{1F600}b\u{7}c"), "a?b c");
    }
}
