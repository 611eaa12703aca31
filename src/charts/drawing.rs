//! A chart's SVG drawn in runs of elements, each run optionally grouped under a class.
//!
//! plotters writes bare shapes with colours as attributes. Grouping each part of the chart under a class of its own
//! (`rd-chart__grid`, `rd-chart__series--2`; see [`super::palette`]) lets the stylesheet restyle a part by what it is,
//! not by the colour it happens to be drawn in: Windows high contrast (forced colours) keeps SVG colours as they
//! are, so the chart component maps each class to a system colour (WCAG 2.2, 1.4.11 in forced colours too).
//!
//! Each run is drawn by plotters on an area the size of the whole chart, so coordinates are the same in every run;
//! the runs are joined in the order they were drawn, which is the order they are painted in.

use std::fmt::Write as _;

use plotters::coord::Shift;
use plotters::prelude::*;

/// A drawing area of one run.
pub(crate) type Area<'a> = DrawingArea<SVGBackend<'a>, Shift>;

/// An SVG being drawn, run by run.
pub(crate) struct Drawing {
    size: (u32, u32),
    body: String,
}

impl Drawing {
    /// An empty drawing `width` by `height` units.
    pub(crate) fn new(width: u32, height: u32) -> Drawing {
        Drawing {
            size: (width, height),
            body: String::new(),
        }
    }

    /// Draws a run with `draw`; its elements go under `<g class="…">` when a class is given. A run that draws
    /// nothing leaves nothing, not an empty group.
    pub(crate) fn run(&mut self, class: Option<&str>, draw: impl FnOnce(&Area<'_>)) {
        let mut svg = String::new();
        {
            let area = SVGBackend::with_string(&mut svg, self.size).into_drawing_area();
            draw(&area);
            let _ = area.present();
        }
        // plotters writes `<svg …>\n`, the elements one a line, then `</svg>\n`.
        let elements = svg.split_once(">\n").map_or("", |(_, rest)| rest);
        let elements = elements.strip_suffix("</svg>\n").unwrap_or(elements);
        if elements.is_empty() {
            return;
        }
        match class {
            Some(class) => {
                let _ = write!(self.body, "<g class=\"{class}\">\n{elements}</g>\n");
            }
            None => self.body.push_str(elements),
        }
    }

    /// The whole SVG, for [`super::accessible::wrap`] to give its accessible name and size.
    pub(crate) fn finish(self) -> String {
        format!("<svg>\n{}</svg>\n", self.body)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_keep_their_order_and_classes() {
        let mut d = Drawing::new(100, 50);
        d.run(Some("rd-chart__grid"), |a| {
            let _ = a.draw(&PathElement::new(vec![(0, 0), (10, 0)], BLACK));
        });
        d.run(None, |_| {});
        d.run(None, |a| {
            let _ = a.draw(&Circle::new((5, 5), 2, BLACK.filled()));
        });
        let svg = d.finish();
        assert!(
            svg.starts_with("<svg>\n<g class=\"rd-chart__grid\">\n<polyline "),
            "{svg}"
        );
        assert!(svg.contains("</g>\n<circle "), "{svg}");
        assert!(svg.ends_with("/>\n</svg>\n"), "{svg}");
        assert_eq!(svg.matches("<g ").count(), 1, "no group for an empty run");
    }
}
