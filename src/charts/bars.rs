//! Horizontal bar charts: bars start at zero, each group's label is written (wrapped) above its bars, and every bar
//! carries its value (and, with more than one series, the series name) at its end, so no legend or colour is needed
//! to read it.

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::drawing::Drawing;
use super::palette;
use super::{text_style, text_width, wrap_text, Series, Size};

/// Draws the chart; returns the SVG and its height.
pub(super) fn draw(labels: &[String], series: &[Series], unit: &str, size: Size) -> (String, u32) {
    let f = size.font;
    let w = f64::from(size.width);
    let multi = series.len() > 1;
    let value_text = |s: &Series, i: usize| {
        let v = s.labels.get(i).cloned().unwrap_or_default();
        if multi {
            format!("{}: {v}", s.name)
        } else {
            v
        }
    };
    let widest_value = series
        .iter()
        .flat_map(|s| (0..labels.len()).map(move |i| (s, i)))
        .map(|(s, i)| text_width(&value_text(s, i), f))
        .fold(0.0, f64::max);
    let left = 2.0;
    let bar_max = (w - left - widest_value - 10.0).max(w * 0.3);
    let max = series
        .iter()
        .flat_map(|s| s.values.iter().flatten())
        .copied()
        .fold(0.0_f64, f64::max);
    let bar_h = (f * 1.1).round();
    let line_h = f * 1.25;

    // Lay out first, then draw, so the height is known.
    let mut y = 4.0 + f * 1.6 + f * 0.4;
    let mut items = Vec::new();
    for (i, label) in labels.iter().enumerate() {
        let lines = wrap_text(label, w - left, f);
        let label_y = y;
        y += lines.len() as f64 * line_h + 2.0;
        let mut bars = Vec::new();
        for (si, s) in series.iter().enumerate() {
            bars.push((si, y, s.values.get(i).copied().flatten()));
            y += bar_h + 4.0;
        }
        items.push((lines, label_y, bars, i));
        y += f * 0.6;
    }
    let height = y.ceil() as u32;

    let font = |anchor: Pos| text_style(f, anchor);
    let p = |x: f64, y: f64| (x.round() as i32, y.round() as i32);
    let mut d = Drawing::new(size.width, height);
    d.run(None, |root| {
        let _ = root.draw(&Text::new(
            unit.to_string(),
            p(0.0, 4.0),
            font(Pos::new(HPos::Left, VPos::Top)),
        ));
    });
    for (lines, label_y, bars, i) in items {
        d.run(None, |root| {
            for (li, line) in lines.iter().enumerate() {
                let _ = root.draw(&Text::new(
                    line.clone(),
                    p(left, label_y + li as f64 * line_h),
                    font(Pos::new(HPos::Left, VPos::Top)),
                ));
            }
        });
        // The zero line this group's bars grow from.
        if let (Some(first), Some(last)) = (bars.first(), bars.last()) {
            d.run(Some(palette::AXIS_CLASS), |root| {
                let _ = root.draw(&PathElement::new(
                    vec![p(left, first.1 - 2.0), p(left, last.1 + bar_h + 2.0)],
                    palette::INK.stroke_width(2),
                ));
            });
        }
        for (si, top, value) in bars {
            let (colour, _) = palette::series(si);
            let len = match value {
                Some(v) if max > 0.0 => (v / max * bar_max).max(if v > 0.0 { 2.0 } else { 0.0 }),
                _ => 0.0,
            };
            if len > 0.0 {
                d.run(Some(&palette::series_class(si)), |root| {
                    let _ = root.draw(&Rectangle::new(
                        [p(left, top), p(left + len, top + bar_h)],
                        colour.filled(),
                    ));
                });
            }
            d.run(None, |root| {
                let _ = root.draw(&Text::new(
                    value_text(&series[si], i),
                    p(left + len + 6.0, top + bar_h / 2.0),
                    font(Pos::new(HPos::Left, VPos::Center)),
                ));
            });
        }
    }
    (d.finish(), height)
}
