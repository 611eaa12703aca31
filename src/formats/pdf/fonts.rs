//! The PDF's fonts, and text shaped in them: Open Sans in four styles, compiled into redress (see
//! `fonts/README.md` for why and its licence), shaped with rustybuzz (the shaper krilla itself uses), so the
//! widths the lines are broken by are the widths krilla draws.
//!
//! Nothing here reads system fonts: the PDF is the same bytes on every machine.

use std::collections::HashMap;
use std::io::Read as _;
use std::sync::{Arc, OnceLock};

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

/// Open Sans: regular, bold, italic, bold italic (the order of [`Style::index`]), deflated by `build.rs`.
const FONT_FILES: [&[u8]; 4] = [
    include_bytes!(concat!(
        env!("OUT_DIR"),
        "/fonts/OpenSans-Regular.ttf.deflate"
    )),
    include_bytes!(concat!(env!("OUT_DIR"), "/fonts/OpenSans-Bold.ttf.deflate")),
    include_bytes!(concat!(
        env!("OUT_DIR"),
        "/fonts/OpenSans-Italic.ttf.deflate"
    )),
    include_bytes!(concat!(
        env!("OUT_DIR"),
        "/fonts/OpenSans-BoldItalic.ttf.deflate"
    )),
];

/// The family name charts' text is set in (an SVG's `sans-serif` resolves to it).
pub(super) const FAMILY: &str = "Open Sans";

struct Face {
    data: &'static [u8],
    pdf: Font,
    shaper: rustybuzz::Face<'static>,
    /// Units per em, for scaling rustybuzz's integer advances to fractions of an em.
    upem: f32,
}

/// Each style's font data, inflated the first time the style is used (a report in regular and bold never
/// inflates the italics), and its face.
static DATA: [OnceLock<Vec<u8>>; 4] = [const { OnceLock::new() }; 4];
static FACES: [OnceLock<Option<Face>>; 4] = [const { OnceLock::new() }; 4];

fn load(index: usize) -> Option<Face> {
    let data: &'static [u8] = DATA[index].get_or_init(|| {
        let mut out = Vec::with_capacity(256 * 1024);
        let read = flate2::read::DeflateDecoder::new(FONT_FILES[index]).read_to_end(&mut out);
        if read.is_err() {
            out.clear();
        }
        out
    });
    let pdf = Font::new(data.into(), 0)?;
    let shaper = rustybuzz::Face::from_slice(data, 0)?;
    let upem = f32::from(shaper.units_per_em() as u16);
    Some(Face {
        data,
        pdf,
        shaper,
        upem,
    })
}

/// The face of `style`; the regular one stands in should another not load (they are part of the binary, so
/// only a fault in redress could stop one).
fn face(style: Style) -> &'static Face {
    let wanted = FACES[style.index()]
        .get_or_init(|| load(style.index()))
        .as_ref();
    match wanted {
        Some(f) => f,
        None => regular().expect("`available` is checked before any layout starts"),
    }
}

fn regular() -> Option<&'static Face> {
    FACES[0].get_or_init(|| load(0)).as_ref()
}

/// Whether the regular face loads: checked before a PDF is laid out, so [`face`] always has one.
pub(super) fn available() -> bool {
    regular().is_some()
}

/// The data of `style`'s face, for the charts' SVG text.
pub(super) fn data(style: Style) -> &'static [u8] {
    face(style).data
}

/// Units per em of `style`'s face.
pub(super) fn units_per_em(style: Style) -> f32 {
    face(style).upem
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
        face(style).pdf.clone()
    }

    /// `text` shaped in `style`. A character the font lacks is drawn as `?` (PDF/UA-1 forbids the empty glyph),
    /// which [`Shaper::printable`] has already put in the text.
    pub(super) fn shape(&mut self, style: Style, text: &str) -> Arc<Shaped> {
        if let Some(s) = self.cache.get(&(style, text.to_string())) {
            return Arc::clone(s);
        }
        let face = face(style);
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
        let face = &face(Style::default()).shaper;
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_fonts_load() {
        assert!(available());
        for index in 0..4 {
            let face = load(index).expect("every style loads");
            assert_eq!(face.data.len(), [217_360, 224_592, 212_896, 213_292][index]);
        }
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
