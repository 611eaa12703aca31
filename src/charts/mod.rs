//! Charts drawn at build time with plotters as SVG: no JavaScript, no fonts needed on the build machine.
//!
//! The interface is small: describe a chart as a [`Chart`] (a title that states the finding, a subtitle, a one-sentence
//! description of the data, and either [`ChartKind::Lines`] over years or [`ChartKind::Bars`]) and [`render`] it. Each
//! chart is drawn twice, at the two sizes it is read at, so its text is never smaller than the page's body text:
//! 290 units wide with 16px text for phones (a 320px screen less its margins, shown at 1:1 or larger) and 580 units
//! wide with 19px text for wider screens (never scaled up or down past 1:1). The stylesheet shows one or the other.
//!
//! Every SVG is an image with an accessible name and description ([`accessible`]); the page puts the same figures
//! in a table beside it, from the same [`crate::tables::Table`]. Meaning never rests on colour alone: lines carry
//! distinct markers and direct labels, bars carry their values and series names ([`palette`]). Standards followed:
//! the Government Analysis Function's guidance on charts and its colour palette, WCAG 2.2 1.1.1, 1.4.1 and 1.4.11.

pub(crate) mod accessible;
mod bars;
mod drawing;
mod lines;
pub(crate) mod palette;
pub(crate) mod report;

use serde::Serialize;

/// A chart to draw.
#[derive(Debug, Clone)]
pub(crate) struct Chart {
    /// Same as its table's id; the SVGs' element ids derive from it.
    pub(crate) id: String,
    /// The finding, in plain words ("Stage 1 complaints per 1,000 homes rose from 92.3 to 97.8").
    pub(crate) title: String,
    /// Measure, landlord and period.
    pub(crate) subtitle: String,
    /// The data in a sentence, for the SVG's `<desc>`.
    pub(crate) desc: String,
    /// What to draw.
    pub(crate) kind: ChartKind,
}

/// The two shapes of chart the report needs.
#[derive(Debug, Clone)]
pub(crate) enum ChartKind {
    /// Values over years: one line per series, each point labelled on the axis and the last one directly.
    Lines {
        /// Year labels along the bottom.
        x: Vec<String>,
        /// The lines.
        series: Vec<Series>,
        /// What the numbers are, shown above the plot ("Complaints per 1,000 homes").
        unit: String,
        /// Suffix for axis ticks ("%" or "").
        suffix: String,
        /// A reference line, such as the Code's 100% expectation.
        target: Option<Target>,
    },
    /// Horizontal bars starting at zero, grouped by label, each with its value written at its end.
    Bars {
        /// One group per label; long labels are wrapped above their bars.
        labels: Vec<String>,
        /// One bar per series in each group.
        series: Vec<Series>,
        /// What the numbers are, shown above the bars.
        unit: String,
    },
}

/// One series of values with the text to show for each (formatted as everywhere else on the site).
#[derive(Debug, Clone)]
pub(crate) struct Series {
    /// "Stage 1".
    pub(crate) name: String,
    /// Values; `None` where there is nothing to show.
    pub(crate) values: Vec<Option<f64>>,
    /// The value as the site writes it ("97.8", "92.0%", "1,187").
    pub(crate) labels: Vec<String>,
}

/// A horizontal reference line.
#[derive(Debug, Clone)]
pub(crate) struct Target {
    /// Where.
    pub(crate) value: f64,
    /// What it means ("The Code expects 100%").
    pub(crate) label: String,
}

/// A drawn chart, ready for a template.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct Rendered {
    /// The chart's id.
    pub(crate) id: String,
    /// The finding.
    pub(crate) title: String,
    /// Measure, landlord and period.
    pub(crate) subtitle: String,
    /// The SVG for narrow screens; empty when there is no data.
    pub(crate) narrow: String,
    /// The SVG for wider screens and print; empty when there is no data.
    pub(crate) wide: String,
    /// Said in words instead of drawing an empty frame.
    pub(crate) empty: Option<String>,
}

/// A drawing size: width in SVG units and the text size that must come out as CSS pixels.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Size {
    pub(crate) width: u32,
    pub(crate) font: f64,
    pub(crate) name: &'static str,
}

/// Phones: 290 units (320px less 15px margins) and 16px text, the body text size below 641px.
pub(crate) const NARROW: Size = Size {
    width: 290,
    font: 16.0,
    name: "narrow",
};
/// Wider screens: 580 units (the column at 641px, less 30px gutters) and 19px text, the body text size from 641px;
/// shown no wider than 580px.
pub(crate) const WIDE: Size = Size {
    width: 580,
    font: 19.0,
    name: "wide",
};

impl Chart {
    fn has_data(&self) -> bool {
        let series = match &self.kind {
            ChartKind::Lines { series, .. } | ChartKind::Bars { series, .. } => series,
        };
        series
            .iter()
            .flat_map(|s| &s.values)
            .any(|v| v.is_some_and(|v| v > 0.0))
    }
}

/// Draws a chart at both sizes, or says in `empty_message` words why there is none.
pub(crate) fn render(chart: &Chart, empty_message: &str) -> Rendered {
    let mut out = Rendered {
        id: chart.id.clone(),
        title: chart.title.clone(),
        subtitle: chart.subtitle.clone(),
        narrow: String::new(),
        wide: String::new(),
        empty: None,
    };
    if !chart.has_data() {
        out.empty = Some(empty_message.to_string());
        return out;
    }
    out.narrow = draw(chart, NARROW);
    out.wide = draw(chart, WIDE);
    out
}

fn draw(chart: &Chart, size: Size) -> String {
    let (body, height) = match &chart.kind {
        ChartKind::Lines {
            x,
            series,
            unit,
            suffix,
            target,
        } => lines::draw(x, series, unit, suffix, target.as_ref(), size),
        ChartKind::Bars {
            labels,
            series,
            unit,
        } => bars::draw(labels, series, unit, size),
    };
    accessible::wrap(&body, chart, size, height)
}

/// plotters shrinks the requested font size by 1.24 (its "pt to px" factor); asking for `px × 1.24` gives `px`.
pub(crate) fn font_request(px: f64) -> f64 {
    px * 1.24
}

/// The style of all chart text: sans-serif at `px` CSS pixels in the ink colour, anchored at `anchor`.
pub(crate) fn text_style(
    px: f64,
    anchor: plotters::style::text_anchor::Pos,
) -> plotters::style::TextStyle<'static> {
    use plotters::style::{Color as _, IntoFont as _};
    ("sans-serif", font_request(px))
        .into_font()
        .color(&palette::INK.to_rgba())
        .pos(anchor)
}

/// A rough width of `text` at `font` px in a sans-serif face: 0.56 em a character, generous enough that labels laid
/// out with it do not collide (no fonts are available at build time to measure with).
pub(crate) fn text_width(text: &str, font: f64) -> f64 {
    text.chars().count() as f64 * font * 0.56
}

/// Splits `text` into lines no wider than `width` at `font` px, breaking between words (and inside a word only when
/// one word alone is too long).
pub(crate) fn wrap_text(text: &str, width: f64, font: f64) -> Vec<String> {
    let max_chars = ((width / (font * 0.56)).floor() as usize).max(4);
    let mut lines: Vec<String> = Vec::new();
    let mut current = String::new();
    for word in text.split_whitespace() {
        let mut word = word.to_string();
        while word.chars().count() > max_chars {
            if !current.is_empty() {
                lines.push(std::mem::take(&mut current));
            }
            let head: String = word.chars().take(max_chars - 1).collect();
            lines.push(format!("{head}-"));
            word = word.chars().skip(max_chars - 1).collect();
        }
        let candidate = if current.is_empty() {
            word.clone()
        } else {
            format!("{current} {word}")
        };
        if candidate.chars().count() > max_chars {
            lines.push(std::mem::replace(&mut current, word));
        } else {
            current = candidate;
        }
    }
    if !current.is_empty() {
        lines.push(current);
    }
    lines
}

/// A "nice" axis maximum and step: the smallest of 1, 2, 2.5 or 5 × 10ⁿ steps, four or five of them, covering `max`.
pub(crate) fn nice_axis(max: f64) -> (f64, f64) {
    if max <= 0.0 {
        return (1.0, 0.25);
    }
    let raw = max / 4.0;
    let mag = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 2.5, 5.0, 10.0]
        .iter()
        .map(|m| m * mag)
        .find(|s| s * 4.0 >= max || s * 5.0 >= max)
        .unwrap_or(10.0 * mag);
    let top = (max / step).ceil() * step;
    (top.max(step), step)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_between_words() {
        assert_eq!(
            wrap_text("Rent, service charges and other payments", 150.0, 16.0),
            ["Rent, service", "charges and", "other payments"]
        );
        assert_eq!(
            wrap_text("Supercalifragilistic", 90.0, 16.0),
            ["Supercali-", "fragilist-", "ic"]
        );
    }

    #[test]
    fn nice_axes() {
        assert_eq!(nice_axis(97.8), (100.0, 20.0));
        assert_eq!(nice_axis(10.8), (12.5, 2.5));
        assert_eq!(nice_axis(512.0), (600.0, 200.0));
        assert_eq!(nice_axis(0.0), (1.0, 0.25));
        let (top, step) = nice_axis(36.9);
        assert!(top >= 36.9 && step > 0.0 && (top / step) <= 5.0);
    }
}
