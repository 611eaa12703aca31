//! Colours, markers and classes for the parts of a chart.
//!
//! The first colours of the Government Analysis Function's categorical palette, chosen for colour-blind readers;
//! each reaches at least 3:1 against white (WCAG 2.2, 1.4.11). Colour is never the only cue: each series also has
//! its own marker shape, and lines and bars are labelled directly.
//!
//! Each part is also grouped under a class ([`super::drawing`]), the name the chart component's stylesheet knows it
//! by (`themes/default/components/chart/chart.css`): where colours are forced (Windows high contrast) it maps each
//! class to a system colour. The stylesheet never names a colour of this file, so the palette can change alone.

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

/// The class of the zero line and the bars' base line, drawn in [`INK`].
pub(crate) const AXIS_CLASS: &str = "rd-chart__axis";
/// The class of the gridlines, drawn in [`GRID`].
pub(crate) const GRID_CLASS: &str = "rd-chart__grid";
/// The class of a reference line, drawn in [`REFERENCE`].
pub(crate) const REFERENCE_CLASS: &str = "rd-chart__reference";

/// The classes of series `i`'s line, markers and bars: `rd-chart__series`, and `rd-chart__series--N` where `N` (1
/// to 4) is its colour's place in [`SERIES`], so series 5 is drawn and styled as series 1.
pub(crate) fn series_class(i: usize) -> String {
    format!(
        "rd-chart__series rd-chart__series--{}",
        i % SERIES.len() + 1
    )
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
    fn series_classes_follow_the_colours() {
        assert_eq!(series_class(0), "rd-chart__series rd-chart__series--1");
        assert_eq!(series_class(3), "rd-chart__series rd-chart__series--4");
        assert_eq!(series_class(4), series_class(0));
    }

    #[test]
    fn every_series_colour_reaches_3_to_1_on_white() {
        for c in SERIES.iter().chain([&INK, &REFERENCE]) {
            let ratio = Rgb(c.0, c.1, c.2).contrast(Rgb::WHITE);
            assert!(ratio >= 3.0, "{c:?} is {ratio:.2}:1");
        }
    }
}
