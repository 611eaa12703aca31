//! Makes plotters' SVG an accessible image: `role="img"`, an accessible name from `<title>`, a `<desc>` that
//! summarises the data, and a `viewBox` so it scales with the page (WCAG 2.2, 1.1.1 and 1.4.10).

use super::{Chart, Size};

/// Replaces plotters' opening `<svg ...>` with one that carries the chart's name and description.
pub(crate) fn wrap(svg: &str, chart: &Chart, size: Size, height: u32) -> String {
    let body = match (svg.find('>'), svg.rfind("</svg>")) {
        (Some(open_end), Some(close)) if open_end < close => &svg[open_end + 1..close],
        _ => svg,
    };
    let id = format!("{}-{}", chart.id, size.name);
    format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"rd-chart__svg rd-chart__svg--{name}\" viewBox=\"0 0 {w} {h}\" width=\"{w}\" height=\"{h}\" role=\"img\" aria-labelledby=\"{id}-title\" aria-describedby=\"{id}-desc\" focusable=\"false\">\n<title id=\"{id}-title\">{title}</title>\n<desc id=\"{id}-desc\">{desc}</desc>{body}</svg>",
        name = size.name,
        w = size.width,
        h = height,
        title = escape(&chart.title),
        // The subtitle is a heading-like phrase without a full stop; read out before the description, it needs
        // one, or a screen reader runs "2025-26 Line chart" together as one sentence.
        desc = escape(&format!(
            "{}. {}",
            chart.subtitle.trim_end_matches('.'),
            chart.desc
        )),
    )
}

/// Escapes text for SVG content and attributes.
pub(crate) fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}
