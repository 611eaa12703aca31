//! Colours as the model holds them: an sRGB triple parsed from site.toml's `#rrggbb`, with the arithmetic WCAG
//! contrast checks need (relative luminance and contrast ratio, WCAG 2.2 "relative luminance" and "contrast ratio"
//! definitions).
//!
//! The brand colour is parsed here, at the edge of the model, so nothing above it handles colour as text; the
//! choices made from it (the palette, the warnings when it is darkened) are the theme's, in `render::colour`.

/// An sRGB colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Rgb(pub(crate) u8, pub(crate) u8, pub(crate) u8);

/// Parses `#rrggbb` (or `#rgb`).
pub(crate) fn parse_hex(s: &str) -> Option<Rgb> {
    let h = s.trim().strip_prefix('#')?;
    let h: String = match h.len() {
        3 => h.chars().flat_map(|c| [c, c]).collect(),
        6 => h.to_string(),
        _ => return None,
    };
    let v = u32::from_str_radix(&h, 16).ok()?;
    Some(Rgb((v >> 16) as u8, (v >> 8) as u8, v as u8))
}

impl Rgb {
    /// White, the page background.
    pub(crate) const WHITE: Rgb = Rgb(255, 255, 255);

    /// `#rrggbb`.
    pub(crate) fn hex(self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.0, self.1, self.2)
    }

    /// Relative luminance as WCAG defines it.
    pub(crate) fn luminance(self) -> f64 {
        let ch = |c: u8| {
            let c = f64::from(c) / 255.0;
            if c <= 0.04045 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * ch(self.0) + 0.7152 * ch(self.1) + 0.0722 * ch(self.2)
    }

    /// Contrast ratio with another colour, 1 to 21.
    pub(crate) fn contrast(self, other: Rgb) -> f64 {
        let (a, b) = (self.luminance(), other.luminance());
        let (hi, lo) = if a > b { (a, b) } else { (b, a) };
        (hi + 0.05) / (lo + 0.05)
    }

    pub(crate) fn darken(self, factor: f64) -> Rgb {
        let d = |c: u8| (f64::from(c) * factor).round() as u8;
        Rgb(d(self.0), d(self.1), d(self.2))
    }
}
