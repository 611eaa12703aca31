//! Colours and markers for chart series.
//!
//! The first colours of the Government Analysis Function's categorical palette, chosen for colour-blind readers;
//! each reaches at least 3:1 against white (WCAG 2.2, 1.4.11). Colour is never the only cue: each series also has
//! its own marker shape, and lines and bars are labelled directly.

use plotters::style::RGBColor;

/// Text and axes: near-black, 19:1 on white.
pub(crate) const INK: RGBColor = RGBColor(0x0b, 0x0c, 0x0c);
/// Gridlines: a light grey that carries no meaning of its own.
pub(crate) const GRID: RGBColor = RGBColor(0xd8, 0xd8, 0xd8);
/// Reference lines (the Code's 100% expectation): dark grey, 10:1 on white.
pub(crate) const REFERENCE: RGBColor = RGBColor(0x3d, 0x3d, 0x3d);

/// Series colours, in order: dark blue (10.3:1), orange (3.1:1), turquoise (3.1:1), dark pink (10.2:1).
pub(crate) const SERIES: [RGBColor; 4] = [
    RGBColor(0x12, 0x43, 0x6d),
    RGBColor(0xf4, 0x6a, 0x25),
    RGBColor(0x28, 0xa1, 0x97),
    RGBColor(0x80, 0x16, 0x50),
];

/// The marker a series' points are drawn with, so lines can be told apart in black and white.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Marker {
    /// A filled circle.
    Circle,
    /// A filled square.
    Square,
    /// A filled triangle.
    Triangle,
    /// A filled diamond.
    Diamond,
}

/// Colour and marker of series `i`.
pub(crate) fn series(i: usize) -> (RGBColor, Marker) {
    const MARKERS: [Marker; 4] = [
        Marker::Circle,
        Marker::Square,
        Marker::Triangle,
        Marker::Diamond,
    ];
    (SERIES[i % SERIES.len()], MARKERS[i % MARKERS.len()])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::colour::Rgb;

    #[test]
    fn every_series_colour_reaches_3_to_1_on_white() {
        for c in SERIES.iter().chain([&INK, &REFERENCE]) {
            let ratio = Rgb(c.0, c.1, c.2).contrast(Rgb::WHITE);
            assert!(ratio >= 3.0, "{c:?} is {ratio:.2}:1");
        }
    }
}
