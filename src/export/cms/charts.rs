//! Each chart of the export: its SVG made plain for a fragment, and written as an `.svg` file, a `.png` file and
//! its text alternative (`.txt`), for CMS editors that strip inline SVG.
//!
//! A fragment has no stylesheet to choose between the theme's narrow and wide drawings of a chart, so it shows
//! the narrow one: it fits a 320 px screen at the page's text size (WCAG 2.2 1.4.10 Reflow) and reads the same on a
//! wide one. The SVG keeps its drawing, which carries its colours in presentation attributes, and its `<title>`
//! and `<desc>` (1.1.1 Non-text Content); classes, ids and styles are dropped.
//!
//! The PNG is drawn by resvg from usvg's tree (usvg already reads the charts for the PDF, with the same embedded
//! fonts, so the image's text is set in the PDF's face and no system font is needed), at twice the SVG's size for
//! sharp text on high-density screens, on white. resvg draws with tiny-skia in software, with no randomness or
//! threads, so the same chart gives the same bytes every run.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use scraper::{ElementRef, Html, Node};

use crate::formats::document::Figure;
use crate::render::OutputFile;

use super::html::{escape, escape_attr};

/// A chart as the export writes it.
#[derive(Debug, Clone)]
pub(super) struct Chart {
    /// Its file name without an extension (the chart's id, e.g. `ch01_trend`).
    pub(super) name: String,
    /// The plain SVG, for a fragment and for the `.svg` file.
    pub(super) svg: String,
    /// The PNG's file name.
    pub(super) png: String,
    /// The SVG's width in CSS pixels.
    pub(super) width: u32,
    /// The SVG's height in CSS pixels.
    pub(super) height: u32,
    /// Its text alternative.
    pub(super) alt: String,
    /// Its title.
    pub(super) title: String,
}

/// The charts of the whole export, each written once however many pages show it.
#[derive(Debug, Default)]
pub(super) struct Registry {
    charts: BTreeMap<String, Chart>,
}

impl Registry {
    /// The chart `f`, the `n`th on page `page`, under a name of its own: the chart's id, or the page's name and
    /// its place, made unique when another page has a different chart of the same id.
    pub(super) fn add(&mut self, page: &str, n: usize, f: &Figure) -> Chart {
        let svg = plain_svg(f.narrow_svg.as_deref().unwrap_or(&f.svg));
        let base =
            f.id.clone()
                .unwrap_or_else(|| format!("{page}-chart-{}", n + 1));
        let mut name = base.clone();
        if self.charts.get(&name).is_some_and(|c| c.svg != svg) {
            name = format!("{page}-{base}");
        }
        let (width, height) = size(&svg);
        let chart = Chart {
            png: format!("{name}.png"),
            name: name.clone(),
            svg,
            width,
            height,
            alt: f.alt.clone(),
            title: f.title.clone(),
        };
        self.charts.entry(name).or_insert(chart).clone()
    }

    /// Every chart's files: `charts/<name>.svg`, `.png` and `.txt`.
    pub(super) fn files(&self) -> Vec<OutputFile> {
        let mut out = Vec::new();
        for c in self.charts.values() {
            out.push(OutputFile {
                path: format!("charts/{}.svg", c.name),
                bytes: c.svg.clone().into_bytes(),
            });
            if let Some(png) = png(&c.svg) {
                out.push(OutputFile {
                    path: format!("charts/{}", c.png),
                    bytes: png,
                });
            }
            out.push(OutputFile {
                path: format!("charts/{}.txt", c.name),
                bytes: format!("{}\n", c.alt).into_bytes(),
            });
        }
        out
    }
}

/// Attributes a fragment's SVG leaves out: they need redress's CSS, could clash with the host page, or name ids
/// that are gone (the `<title>` and `<desc>` children name the image without them).
const DROPPED: &[&str] = &[
    "class",
    "style",
    "id",
    "aria-labelledby",
    "aria-describedby",
    "focusable",
    "tabindex",
    "xmlns",
    "xmlns:xlink",
];

/// The chart's SVG with only what a bare page needs: the drawing, `role="img"`, its `<title>` and `<desc>`.
pub(super) fn plain_svg(svg: &str) -> String {
    let html = Html::parse_fragment(svg);
    let Some(root) = html
        .root_element()
        .descendants()
        .filter_map(ElementRef::wrap)
        .find(|e| e.value().name() == "svg")
    else {
        return String::new();
    };
    let mut out = String::new();
    element(root, true, &mut out);
    out
}

fn element(el: ElementRef<'_>, root: bool, out: &mut String) {
    let name = el.value().name();
    let _ = write!(out, "<{name}");
    if root {
        out.push_str(" xmlns=\"http://www.w3.org/2000/svg\"");
    }
    for (attr, value) in el.value().attrs() {
        if DROPPED.contains(&attr) || (root && attr == "role") {
            continue;
        }
        let _ = write!(out, " {attr}=\"{}\"", escape_attr(value));
    }
    if root {
        out.push_str(" role=\"img\"");
    }
    if el.children().next().is_none() {
        out.push_str("/>");
        return;
    }
    out.push('>');
    for child in el.children() {
        match child.value() {
            Node::Text(t) => out.push_str(&escape(t)),
            Node::Element(_) => {
                if let Some(c) = ElementRef::wrap(child) {
                    element(c, false, out);
                }
            }
            _ => {}
        }
    }
    let _ = write!(out, "</{name}>");
}

/// The `width` and `height` of a plain SVG, in whole CSS pixels (0 when absent).
fn size(svg: &str) -> (u32, u32) {
    let attr = |name: &str| -> u32 {
        let key = format!(" {name}=\"");
        let head = &svg[..svg.find('>').unwrap_or(0)];
        head.find(&key)
            .map(|i| &head[i + key.len()..])
            .and_then(|v| v.split('"').next())
            .and_then(|v| v.trim_end_matches("px").parse::<f32>().ok())
            .map_or(0, |v| v.round() as u32)
    };
    (attr("width"), attr("height"))
}

/// The chart drawn as a PNG at twice its size, on white; `None` if usvg cannot read it (a theme's own drawing
/// that is not SVG a file can hold).
fn png(svg: &str) -> Option<Vec<u8>> {
    let tree = usvg::Tree::from_str(svg, &crate::formats::pdf::chart_svg_options()).ok()?;
    let scale = 2.0;
    let size = tree.size();
    let width = (size.width() * scale).ceil() as u32;
    let height = (size.height() * scale).ceil() as u32;
    let mut pixmap = resvg::tiny_skia::Pixmap::new(width, height)?;
    pixmap.fill(resvg::tiny_skia::Color::WHITE);
    resvg::render(
        &tree,
        resvg::tiny_skia::Transform::from_scale(scale, scale),
        &mut pixmap.as_mut(),
    );
    pixmap.encode_png().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    const SVG: &str = r##"<svg xmlns="http://www.w3.org/2000/svg" class="rd-chart__svg" viewBox="0 0 20 10" width="20" height="10" role="img" aria-labelledby="t" focusable="false"><title id="t">Fewer complaints</title><desc id="d">Bar chart. 2 in 2025-26.</desc><g class="rd-chart__series"><rect x="0" y="0" width="5" height="5" fill="#12436D"/></g></svg>"##;

    #[test]
    fn the_svg_keeps_its_drawing_and_text_alternative_only() {
        let svg = plain_svg(SVG);
        assert_eq!(
            svg,
            r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 20 10" width="20" height="10" role="img"><title>Fewer complaints</title><desc>Bar chart. 2 in 2025-26.</desc><g><rect x="0" y="0" width="5" height="5" fill="#12436D"/></g></svg>"##
        );
        assert_eq!(size(&svg), (20, 10));
    }

    #[test]
    fn the_png_is_drawn_at_twice_the_size_the_same_every_time() {
        let svg = plain_svg(SVG);
        let a = png(&svg).expect("a plain SVG draws");
        assert_eq!(a, png(&svg).unwrap());
        assert!(a.starts_with(b"\x89PNG"));
        let w = u32::from_be_bytes([a[16], a[17], a[18], a[19]]);
        assert_eq!(w, 40);
    }
}
