//! Brand colours, checked for contrast (WCAG 2.2 success criteria 1.4.3 and 1.4.11).
//!
//! The brand colour is the header's background and, where it is dark enough, the colour of links. Text on it is
//! white or near-black, whichever contrasts more. When the brand colour is too light for links on white (below
//! 4.5:1), links use a darkened shade of it and the build says so. Links also sit on the light grey of the navigation and footer, so
//! that is the background they are checked against.
//!
//! A mid-tone brand colour (relative luminance between about 0.18 and 0.19) reaches 4.5:1 with neither white nor
//! near-black text. Then the header's background is darkened too, until white text on it reaches 4.5:1, and the
//! build says so.

/// An sRGB colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rgb(pub u8, pub u8, pub u8);

/// Parses `#rrggbb` (or `#rgb`).
pub fn parse_hex(s: &str) -> Option<Rgb> {
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
    /// `#rrggbb`.
    pub fn hex(self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.0, self.1, self.2)
    }

    /// Relative luminance as WCAG defines it.
    pub fn luminance(self) -> f64 {
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
    pub fn contrast(self, other: Rgb) -> f64 {
        let (a, b) = (self.luminance(), other.luminance());
        let (hi, lo) = if a > b { (a, b) } else { (b, a) };
        (hi + 0.05) / (lo + 0.05)
    }

    fn darken(self, factor: f64) -> Rgb {
        let d = |c: u8| (f64::from(c) * factor).round() as u8;
        Rgb(d(self.0), d(self.1), d(self.2))
    }
}

/// White.
pub const WHITE: Rgb = Rgb(255, 255, 255);
/// The light grey behind the navigation, footer and complaint route, where links also appear.
pub const GREY: Rgb = Rgb(0xf3, 0xf2, 0xf1);
/// The body text colour.
pub const TEXT: Rgb = Rgb(0x0b, 0x0c, 0x0c);

/// The contrast WCAG 2.2 AA asks of body-size text (success criterion 1.4.3).
pub const TEXT_CONTRAST: f64 = 4.5;

/// The colours the theme derives from the brand colour.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Palette {
    /// Header background: the brand colour, or a darker shade of it when no text colour reaches 4.5:1 on it.
    pub brand: Rgb,
    /// Text on the header.
    pub brand_contrast: Rgb,
    /// Links on white.
    pub link: Rgb,
    /// True when `link` had to be darkened from the brand colour.
    pub adjusted: bool,
    /// The brand colour as given, when the header background had to be darkened from it.
    pub header_adjusted_from: Option<Rgb>,
}

/// `colour` darkened in steps of 5% until `ok` holds (black, at worst, passes any contrast test against white or
/// the light grey).
fn darken_until(colour: Rgb, ok: impl Fn(Rgb) -> bool) -> Rgb {
    let mut out = colour;
    let mut factor: f64 = 1.0;
    while !ok(out) && factor > 0.0 {
        factor -= 0.05;
        out = colour.darken(factor.max(0.0));
    }
    out
}

/// Derives the palette. The header keeps the brand colour with white or near-black text, whichever contrasts more,
/// when that reaches 4.5:1; otherwise its background is darkened until white text does. Links are the brand colour
/// darkened in small steps until they reach 4.5:1 on the light grey (and so also on white, which is lighter).
pub fn palette(brand: Rgb) -> Palette {
    let best = |bg: Rgb| {
        if bg.contrast(WHITE) >= bg.contrast(TEXT) {
            WHITE
        } else {
            TEXT
        }
    };
    let (header, brand_contrast) = if brand.contrast(best(brand)) >= TEXT_CONTRAST {
        (brand, best(brand))
    } else {
        (
            darken_until(brand, |c| c.contrast(WHITE) >= TEXT_CONTRAST),
            WHITE,
        )
    };
    let link = darken_until(brand, |c| c.contrast(GREY) >= TEXT_CONTRAST);
    Palette {
        brand: header,
        brand_contrast,
        link,
        adjusted: link != brand,
        header_adjusted_from: (header != brand).then_some(brand),
    }
}

impl Palette {
    /// What the build should tell the user about colours it changed: `(message, help)` pairs.
    pub fn warnings(&self) -> Vec<(String, String)> {
        let mut out = Vec::new();
        if let Some(given) = self.header_adjusted_from {
            out.push((
                format!(
                    "brand_colour {} gives text on the header less than 4.5:1 contrast, whether white or black; the header uses the darker {} instead",
                    given.hex(),
                    self.brand.hex()
                ),
                "choose a darker or a lighter brand colour to use it for the header as it is (WCAG 2.2, 1.4.3)"
                    .to_string(),
            ));
        }
        if self.adjusted {
            out.push((
                format!(
                    "brand_colour is too light for links (below 4.5:1 on the light grey behind the navigation); links use the darker {} instead",
                    self.link.hex()
                ),
                "choose a darker brand colour to use it for links too (WCAG 2.2, 1.4.3)".to_string(),
            ));
        }
        out
    }
}

/// The generated `assets/settings.css`: the theme's custom properties, from site.toml.
pub fn settings_css(p: &Palette) -> String {
    format!(
        "/* Generated by redress from site.toml's brand_colour. */\n:root {{\n  --rd-brand: {};\n  --rd-brand-contrast: {};\n  --rd-link: {};\n}}\n",
        p.brand.hex(),
        p.brand_contrast.hex(),
        p.link.hex()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contrast_matches_wcag_examples() {
        assert!((WHITE.contrast(Rgb(0, 0, 0)) - 21.0).abs() < 0.01);
        assert!((WHITE.contrast(parse_hex("#767676").unwrap()) - 4.54).abs() < 0.01);
    }

    #[test]
    fn light_brand_colours_get_darker_links() {
        let p = palette(parse_hex("#f4a261").unwrap());
        assert!(p.adjusted);
        assert!(p.link.contrast(GREY) >= 4.5);
        assert_eq!(p.brand_contrast, TEXT);
        let p = palette(parse_hex("#1d4f91").unwrap());
        assert!(!p.adjusted);
        assert_eq!(p.brand_contrast, WHITE);
        assert_eq!(p.header_adjusted_from, None);
        assert!(p.warnings().is_empty());
    }

    #[test]
    fn text_on_the_header_always_reaches_4_5_to_1() {
        // Every grey, and a spread of colours, including the mid-tones where neither white nor black reaches 4.5:1.
        let mut colours: Vec<Rgb> = (0..=255u8).map(|v| Rgb(v, v, v)).collect();
        for r in (0..=255u8).step_by(17) {
            for g in (0..=255u8).step_by(17) {
                for b in (0..=255u8).step_by(17) {
                    colours.push(Rgb(r, g, b));
                }
            }
        }
        for c in colours {
            let p = palette(c);
            assert!(
                p.brand.contrast(p.brand_contrast) >= TEXT_CONTRAST,
                "{}: header text {} on {} is {:.2}:1",
                c.hex(),
                p.brand_contrast.hex(),
                p.brand.hex(),
                p.brand.contrast(p.brand_contrast)
            );
            assert!(p.link.contrast(GREY) >= TEXT_CONTRAST, "{}: link", c.hex());
            assert!(
                p.link.contrast(WHITE) >= TEXT_CONTRAST,
                "{}: link on white",
                c.hex()
            );
            // The header is only changed when it has to be, and then the build says so.
            assert_eq!(p.header_adjusted_from.is_some(), p.brand != c);
            assert_eq!(
                p.warnings().len(),
                usize::from(p.adjusted) + usize::from(p.header_adjusted_from.is_some())
            );
        }
    }

    #[test]
    fn a_mid_tone_brand_gets_a_darker_header_and_a_warning() {
        // #787878 is 4.42:1 with white and 4.43:1 with the near-black text: neither is enough.
        let grey = parse_hex("#787878").unwrap();
        assert!(grey.contrast(WHITE) < TEXT_CONTRAST && grey.contrast(TEXT) < TEXT_CONTRAST);
        let p = palette(grey);
        assert_eq!(p.header_adjusted_from, Some(grey));
        assert_eq!(p.brand_contrast, WHITE);
        assert!(p.brand.contrast(WHITE) >= TEXT_CONTRAST);
        assert!(p.brand.luminance() < grey.luminance());
        let warnings = p.warnings();
        assert!(warnings[0].0.contains("#787878"), "{warnings:?}");
        assert!(warnings[0].0.contains(&p.brand.hex()), "{warnings:?}");
        assert!(settings_css(&p).contains(&format!("--rd-brand: {};", p.brand.hex())));
    }

    #[test]
    fn a_light_brand_keeps_its_header_with_dark_text() {
        let p = palette(parse_hex("#ffdd00").unwrap());
        assert_eq!(p.header_adjusted_from, None);
        assert_eq!(p.brand_contrast, TEXT);
        assert!(p.adjusted);
    }
}
