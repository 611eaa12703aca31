//! Line charts of values over years: gridlines from zero, the unit above the plot, years below, a marker at every
//! point, and each line named with its last value: at its end on wide drawings, or in a key of markers below the
//! plot on narrow ones, where labels at the ends would leave too little room for the plot.

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::drawing::{Area, Drawing};
use super::palette::{self, Marker};
use super::{nice_axis, text_style, text_width, Series, Size, Target};

/// Draws the chart; returns the SVG and its height.
pub(super) fn draw(
    x: &[String],
    series: &[Series],
    unit: &str,
    suffix: &str,
    target: Option<&Target>,
    size: Size,
) -> (String, u32) {
    let f = size.font;
    let w = f64::from(size.width);
    let max = series
        .iter()
        .flat_map(|s| s.values.iter().flatten())
        .copied()
        .chain(target.map(|t| t.value))
        .fold(0.0_f64, f64::max);
    let (top, step) = nice_axis(max);
    let tick_text = |v: f64| format!("{}{suffix}", trim_number(v));
    let ticks: Vec<f64> = (0..=((top / step).round() as usize))
        .map(|i| i as f64 * step)
        .collect();
    let left = ticks
        .iter()
        .map(|t| text_width(&tick_text(*t), f) * 1.1)
        .fold(0.0, f64::max)
        + 10.0;
    let direct = size.width >= 500;
    let end_labels: Vec<String> = series
        .iter()
        .map(|s| {
            format!(
                "{} {}",
                s.name,
                s.labels
                    .iter()
                    .zip(&s.values)
                    .rev()
                    .find(|(_, v)| v.is_some())
                    .map_or("", |(l, _)| l.as_str())
            )
        })
        .collect();
    let right = if direct {
        end_labels
            .iter()
            .map(|l| text_width(l, f))
            .fold(0.0, f64::max)
            + 14.0
    } else {
        12.0
    };
    let unit_top = 4.0;
    // Room above the plot for the unit, and for a reference line's label when there is one.
    let plot_top = unit_top + f * 1.6 + if target.is_some() { f * 1.3 } else { 0.0 } + f * 0.5;
    let plot_h = (w * 0.45).max(f * 11.0);
    let plot_bottom = plot_top + plot_h;
    let key_top = plot_bottom + f * 2.6;
    let key_h = if direct {
        0.0
    } else {
        series.len() as f64 * f * 1.5 + f * 0.4
    };
    let height = (plot_bottom + f * 1.8 + key_h).ceil() as u32;
    let plot_left = left;
    let plot_right = (w - right).max(plot_left + 40.0);
    let y_of = |v: f64| plot_bottom - v / top * plot_h;
    // Inset the first and last points by half a year label, so those labels stay inside the drawing.
    let inset = (x.iter().map(|l| text_width(l, f)).fold(0.0, f64::max) / 2.0).max(10.0);
    let x_of = |i: usize| {
        if x.len() <= 1 {
            (plot_left + plot_right) / 2.0
        } else {
            plot_left
                + inset
                + i as f64 * (plot_right - plot_left - 2.0 * inset) / (x.len() - 1) as f64
        }
    };
    let p = |x: f64, y: f64| (x.round() as i32, y.round() as i32);

    let font = |anchor: Pos| text_style(f, anchor);
    let mut d = Drawing::new(size.width, height);
    // Unit above the plot, as the Analysis Function recommends instead of a rotated axis title.
    d.run(None, |root| {
        let _ = root.draw(&Text::new(
            unit.to_string(),
            p(0.0, unit_top),
            font(Pos::new(HPos::Left, VPos::Top)),
        ));
    });
    // Gridlines, then the zero line (ink), then the values beside them.
    d.run(Some(palette::GRID_CLASS), |root| {
        for t in ticks.iter().filter(|t| **t != 0.0) {
            let _ = root.draw(&PathElement::new(
                vec![p(plot_left, y_of(*t)), p(plot_right, y_of(*t))],
                palette::GRID.stroke_width(1),
            ));
        }
    });
    d.run(Some(palette::AXIS_CLASS), |root| {
        let _ = root.draw(&PathElement::new(
            vec![p(plot_left, y_of(0.0)), p(plot_right, y_of(0.0))],
            palette::INK.stroke_width(1),
        ));
    });
    d.run(None, |root| {
        for t in &ticks {
            let _ = root.draw(&Text::new(
                tick_text(*t),
                p(plot_left - 6.0, y_of(*t)),
                font(Pos::new(HPos::Right, VPos::Center)),
            ));
        }
        // Year labels, thinned out when they would touch: counting back from the report year, which always shows.
        let spacing = if x.len() > 1 { x_of(1) - x_of(0) } else { w };
        let widest = x.iter().map(|l| text_width(l, f)).fold(0.0, f64::max) * 1.1;
        let every = ((widest / spacing).ceil() as usize).max(1);
        for (i, label) in x.iter().enumerate().rev().step_by(every) {
            let _ = root.draw(&Text::new(
                label.clone(),
                p(x_of(i), plot_bottom + 6.0),
                font(Pos::new(HPos::Center, VPos::Top)),
            ));
        }
    });
    if let Some(t) = target {
        let y = y_of(t.value);
        d.run(Some(palette::REFERENCE_CLASS), |root| {
            let mut x0 = plot_left;
            while x0 < plot_right {
                let x1 = (x0 + 8.0).min(plot_right);
                let _ = root.draw(&PathElement::new(
                    vec![p(x0, y), p(x1, y)],
                    palette::REFERENCE.stroke_width(2),
                ));
                x0 += 14.0;
            }
        });
        d.run(None, |root| {
            let _ = root.draw(&Text::new(
                t.label.clone(),
                p(plot_left + 4.0, y - 4.0),
                font(Pos::new(HPos::Left, VPos::Bottom)),
            ));
        });
    }
    for (si, s) in series.iter().enumerate() {
        let (colour, marker) = palette::series(si);
        let points: Vec<(i32, i32)> = s
            .values
            .iter()
            .enumerate()
            .filter_map(|(i, v)| v.map(|v| p(x_of(i), y_of(v))))
            .collect();
        d.run(Some(&palette::series_class(si)), |root| {
            let _ = root.draw(&PathElement::new(points.clone(), colour.stroke_width(3)));
            for &pt in &points {
                draw_marker(root, pt, marker, colour, f);
            }
        });
    }
    if !direct {
        // A key below the plot: each series' marker, name and last value.
        for (si, s) in series.iter().enumerate() {
            let (colour, marker) = palette::series(si);
            let y = key_top + si as f64 * f * 1.5;
            d.run(Some(&palette::series_class(si)), |root| {
                draw_marker(root, p(f * 0.5, y), marker, colour, f);
            });
            d.run(None, |root| {
                let _ = root.draw(&Text::new(
                    key_text(s, x),
                    p(f * 1.3, y),
                    font(Pos::new(HPos::Left, VPos::Center)),
                ));
            });
        }
    }
    // Direct labels at the ends of the lines, nudged apart so they never overlap.
    let mut ends: Vec<(f64, usize)> = series
        .iter()
        .enumerate()
        .filter(|_| direct)
        .filter_map(|(si, s)| {
            s.values
                .iter()
                .rev()
                .flatten()
                .next()
                .map(|v| (y_of(*v), si))
        })
        .collect();
    ends.sort_by(|a, b| a.0.total_cmp(&b.0));
    let gap = f * 1.25;
    for i in 1..ends.len() {
        if ends[i].0 - ends[i - 1].0 < gap {
            ends[i].0 = ends[i - 1].0 + gap;
        }
    }
    let overflow = ends
        .last()
        .map_or(0.0, |e| (e.0 + f * 0.6 - (plot_bottom + f * 0.3)).max(0.0));
    // In the gutter right of the plot, clear of the last markers, the gridlines and a reference line, which all
    // end at the plot's edge (a label over a line is hard to read, WCAG 1.4.11).
    d.run(None, |root| {
        for (y, si) in ends {
            let last_x = x_of(series[si].values.len().saturating_sub(1));
            let _ = root.draw(&Text::new(
                end_labels[si].clone(),
                p((last_x + 12.0).max(plot_right + 6.0), y - overflow),
                font(Pos::new(HPos::Left, VPos::Center)),
            ));
        }
    });
    (d.finish(), height)
}

pub(super) fn draw_marker(
    root: &Area<'_>,
    (x, y): (i32, i32),
    marker: Marker,
    colour: RGBColor,
    font: f64,
) {
    let r = (font * 0.36).round() as i32;
    let _ = match marker {
        Marker::Circle => root.draw(&Circle::new((x, y), r, colour.filled())),
        Marker::Square => root.draw(&Rectangle::new(
            [(x - r, y - r), (x + r, y + r)],
            colour.filled(),
        )),
        Marker::Triangle => root.draw(&Polygon::new(
            vec![(x, y - r - 1), (x + r + 1, y + r), (x - r - 1, y + r)],
            colour.filled(),
        )),
        Marker::Diamond => root.draw(&Polygon::new(
            vec![
                (x, y - r - 1),
                (x + r + 1, y),
                (x, y + r + 1),
                (x - r - 1, y),
            ],
            colour.filled(),
        )),
    };
}

/// "Stage 1: 97.8 in 2025-26", for the key of a narrow chart.
fn key_text(s: &Series, x: &[String]) -> String {
    let last = s
        .values
        .iter()
        .zip(&s.labels)
        .zip(x)
        .rev()
        .find(|((v, _), _)| v.is_some());
    match last {
        Some(((_, label), year)) => format!("{}: {label} in {year}", s.name),
        None => s.name.clone(),
    }
}

/// 25.0 → "25", 2.5 → "2.5".
fn trim_number(v: f64) -> String {
    let s = format!("{v:.1}");
    s.strip_suffix(".0").map_or(s.clone(), str::to_string)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn series(name: &str, values: &[f64]) -> Series {
        Series {
            name: name.to_string(),
            values: values.iter().map(|v| Some(*v)).collect(),
            labels: values.iter().map(|v| format!("{v}%")).collect(),
        }
    }

    /// Every `x=` of the `<text>` elements whose content starts with `name`.
    fn text_x(svg: &str, name: &str) -> Vec<f64> {
        svg.split("<text")
            .skip(1)
            .filter(|t| {
                t.split_once('>')
                    .is_some_and(|(_, rest)| rest.trim_start().starts_with(name))
            })
            .filter_map(|t| t.split("x=\"").nth(1)?.split('"').next()?.parse().ok())
            .collect()
    }

    /// The right end of every line and point drawn in the plot (gridlines, a reference line, series, markers).
    fn rightmost_drawing(svg: &str) -> f64 {
        let mut right = 0.0_f64;
        for points in svg.split("points=\"").skip(1) {
            for pair in points.split('"').next().unwrap_or("").split_whitespace() {
                if let Some(x) = pair.split(',').next().and_then(|x| x.parse::<f64>().ok()) {
                    right = right.max(x);
                }
            }
        }
        for path in svg.split(" d=\"").skip(1) {
            for word in path.split('"').next().unwrap_or("").split([' ', 'M', 'L']) {
                if let Some(x) = word.split(',').next().and_then(|x| x.parse::<f64>().ok()) {
                    right = right.max(x);
                }
            }
        }
        right
    }

    #[test]
    fn end_labels_stand_clear_of_the_plot_and_its_reference_line() {
        let target = Target {
            value: 100.0,
            label: "The Code expects 100%".into(),
        };
        let (svg, _) = draw(
            &["2023-24".into(), "2024-25".into(), "2025-26".into()],
            &[
                series("LCHO stage 2", &[75.0, 80.0, 100.0]),
                series("LCRA stage 1", &[84.0, 88.0, 92.0]),
            ],
            "Responses within Code timescales (%)",
            "%",
            Some(&target),
            super::super::WIDE,
        );
        let right = rightmost_drawing(&svg);
        assert!(right > 0.0, "no lines found in {svg}");
        for name in ["LCHO stage 2", "LCRA stage 1"] {
            let xs = text_x(&svg, name);
            assert_eq!(xs.len(), 1, "{name} in {svg}");
            assert!(
                xs[0] > right,
                "{name} starts at {} inside the plot, which reaches {right}",
                xs[0]
            );
        }
    }
}
