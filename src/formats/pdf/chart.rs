//! Charts: a chart's SVG, read by usvg, drawn as vectors with krilla.
//!
//! redress's charts are plain drawings (rectangles, lines, circles, polygons and text in solid colours, with
//! opacity), so this draws what usvg has resolved them to: groups with their transform and opacity, paths with
//! their fill and stroke, and text as glyphs of the embedded Open Sans placed where usvg laid them out (so it is
//! text in the PDF, not outlines). The chart is one `Figure` in the tag tree with its text alternative, so a
//! screen reader reads that, and the figures from the table that follows it. Gradients, patterns, images, clip paths, masks and filters, which a
//! chart of redress's never has, are left out rather than approximated. `krilla-svg` draws all of SVG, but
//! brings a raster renderer and four image decoders with it (about 1.5 MB of the binary, see BENCHMARKS.md).

use std::sync::{Arc, LazyLock};

use krilla::color::rgb;
use krilla::geom::{Path, PathBuilder, Point, Size, Transform};
use krilla::num::NormalizedF32;
use krilla::paint::{Fill, FillRule, LineCap, LineJoin, Stroke, StrokeDash};
use krilla::surface::Surface;
use krilla::text::{GlyphId, KrillaGlyph};
use usvg::fontdb::{Database, Source, ID};

use super::fonts::{Shaper, Style};

/// The fonts charts' text is laid out in, and which style each is.
type ChartFonts = (Arc<Database>, Vec<(ID, Style)>);

/// The embedded regular and bold, with `sans-serif` resolving to them.
static FONTS: LazyLock<ChartFonts> = LazyLock::new(|| {
    let mut db = Database::new();
    let mut styles = Vec::new();
    for style in [Style::default(), Style::default().bold()] {
        let data: &'static [u8] = super::fonts::data(style);
        for id in db.load_font_source(Source::Binary(Arc::new(data))) {
            styles.push((id, style));
        }
    }
    db.set_sans_serif_family(super::fonts::FAMILY);
    (Arc::new(db), styles)
});

/// How a chart's SVG is read: with the embedded fonts and nothing from the system.
pub(super) fn options() -> usvg::Options<'static> {
    usvg::Options {
        font_family: super::fonts::FAMILY.to_string(),
        fontdb: Arc::clone(&FONTS.0),
        ..usvg::Options::default()
    }
}

/// Draws `tree` into the rectangle at `x`, `y`, `size.width()` wide and `size.height()` high.
pub(super) fn draw(surface: &mut Surface<'_>, tree: &usvg::Tree, x: f32, y: f32, size: Size) {
    let scale = Transform::from_row(
        size.width() / tree.size().width(),
        0.0,
        0.0,
        size.height() / tree.size().height(),
        x,
        y,
    );
    surface.push_transform(&scale);
    group(surface, tree.root());
    surface.pop();
}

fn group(surface: &mut Surface<'_>, g: &usvg::Group) {
    let t = g.transform();
    surface.push_transform(&Transform::from_row(t.sx, t.ky, t.kx, t.sy, t.tx, t.ty));
    let translucent = g.opacity().get() < 1.0;
    if translucent {
        surface.push_opacity(NormalizedF32::new(g.opacity().get()).unwrap_or(NormalizedF32::ONE));
    }
    for node in g.children() {
        match node {
            usvg::Node::Group(g) => group(surface, g),
            usvg::Node::Path(p) => path(surface, p),
            usvg::Node::Text(t) => text(surface, t),
            usvg::Node::Image(_) => {}
        }
    }
    if translucent {
        surface.pop();
    }
    surface.pop();
}

/// Text, glyph by glyph where usvg placed it, filled in its colour.
fn text(surface: &mut Surface<'_>, t: &usvg::Text) {
    for span in t.layouted() {
        let Some(paint) = span.fill.as_ref().and_then(fill) else {
            continue;
        };
        if !span.visible {
            continue;
        }
        let size = span.font_size.get();
        for glyph in &span.positioned_glyphs {
            let Some((_, style)) = FONTS.1.iter().find(|(id, _)| *id == glyph.font) else {
                continue;
            };
            // usvg's transform scales font units to the size; krilla scales by the size itself.
            let upem = super::fonts::units_per_em(*style);
            let t = glyph
                .transform()
                .pre_concat(usvg::Transform::from_scale(upem / size, upem / size));
            surface.push_transform(&Transform::from_row(t.sx, t.ky, t.kx, t.sy, t.tx, t.ty));
            surface.set_fill(Some(paint.clone()));
            let one = KrillaGlyph::new(
                GlyphId::new(u32::from(glyph.id.0)),
                0.0,
                0.0,
                0.0,
                0.0,
                0..glyph.text.len(),
                None,
            );
            surface.draw_glyphs(
                Point::from_xy(0.0, 0.0),
                &[one],
                Shaper::font(*style),
                &glyph.text,
                size,
                false,
            );
            surface.pop();
        }
    }
}

fn path(surface: &mut Surface<'_>, p: &usvg::Path) {
    if !p.is_visible() {
        return;
    }
    let Some(data) = outline(p.data()) else {
        return;
    };
    let fill = p.fill().and_then(fill);
    let stroke = p.stroke().and_then(stroke);
    let (first, second) = match p.paint_order() {
        usvg::PaintOrder::FillAndStroke => ((fill, stroke), None),
        usvg::PaintOrder::StrokeAndFill => ((None, stroke), Some(fill)),
    };
    for (fill, stroke) in std::iter::once(first).chain(second.map(|f| (f, None))) {
        if fill.is_none() && stroke.is_none() {
            continue;
        }
        surface.set_fill(fill);
        surface.set_stroke(stroke);
        surface.draw_path(&data);
    }
    surface.set_stroke(None);
}

fn outline(data: &usvg::tiny_skia_path::Path) -> Option<Path> {
    use usvg::tiny_skia_path::PathSegment;
    let mut pb = PathBuilder::new();
    for seg in data.segments() {
        match seg {
            PathSegment::MoveTo(p) => pb.move_to(p.x, p.y),
            PathSegment::LineTo(p) => pb.line_to(p.x, p.y),
            PathSegment::QuadTo(a, p) => pb.quad_to(a.x, a.y, p.x, p.y),
            PathSegment::CubicTo(a, b, p) => pb.cubic_to(a.x, a.y, b.x, b.y, p.x, p.y),
            PathSegment::Close => pb.close(),
        }
    }
    pb.finish()
}

fn color(paint: &usvg::Paint) -> Option<rgb::Color> {
    match paint {
        usvg::Paint::Color(c) => Some(rgb::Color::new(c.red, c.green, c.blue)),
        _ => None,
    }
}

fn opacity(o: usvg::Opacity) -> NormalizedF32 {
    NormalizedF32::new(o.get()).unwrap_or(NormalizedF32::ONE)
}

fn fill(f: &usvg::Fill) -> Option<Fill> {
    Some(Fill {
        paint: color(f.paint())?.into(),
        opacity: opacity(f.opacity()),
        rule: match f.rule() {
            usvg::FillRule::NonZero => FillRule::NonZero,
            usvg::FillRule::EvenOdd => FillRule::EvenOdd,
        },
    })
}

fn stroke(s: &usvg::Stroke) -> Option<Stroke> {
    Some(Stroke {
        paint: color(s.paint())?.into(),
        width: s.width().get(),
        miter_limit: s.miterlimit().get(),
        line_cap: match s.linecap() {
            usvg::LineCap::Butt => LineCap::Butt,
            usvg::LineCap::Round => LineCap::Round,
            usvg::LineCap::Square => LineCap::Square,
        },
        line_join: match s.linejoin() {
            usvg::LineJoin::Miter | usvg::LineJoin::MiterClip => LineJoin::Miter,
            usvg::LineJoin::Round => LineJoin::Round,
            usvg::LineJoin::Bevel => LineJoin::Bevel,
        },
        opacity: opacity(s.opacity()),
        dash: s.dasharray().map(|array| StrokeDash {
            array: array.to_vec(),
            offset: s.dashoffset(),
        }),
    })
}
