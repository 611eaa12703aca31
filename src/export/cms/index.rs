//! The export's own pages: `index.html`, which a comms officer works from, and `preview/<page>.html`, each
//! fragment alone on a bare page with no stylesheet, as the browser audit checks it.
//!
//! The index shows, for each page, its title (for the CMS page's title field), where it goes in the CMS, the
//! fragment as it reads, and its HTML in a labelled, read-only `<textarea>` to select and copy. A "Copy" button is
//! an enhancement: it is hidden until its script runs, and the text area works without it (WCAG 2.2 2.1.1,
//! 4.1.2). Each chart is listed with its files and its text alternative, to paste into the CMS's alt text field.

use std::fmt::Write as _;

use crate::render::OutputFile;

use super::charts::Chart;
use super::html::{breakable, escape, escape_attr};
use super::{Options, Site};

/// A page as the export wrote it.
pub(super) struct Written {
    /// The page's name.
    pub(super) name: String,
    /// Its title.
    pub(super) title: String,
    /// The fragment.
    pub(super) html: String,
    /// Its address in the CMS, when site.toml gives one.
    pub(super) cms_url: Option<String>,
    /// Its charts.
    pub(super) charts: Vec<Chart>,
}

/// The index's own look: small, and only for the index (the fragments carry none of it).
const STYLE: &str = "body{font-family:sans-serif;line-height:1.5;margin:0 auto;max-width:60rem;padding:0 1rem;color:#0b0c0c}\
textarea{box-sizing:border-box;width:100%;font-family:monospace;font-size:0.875rem}\
.rendered{border:2px solid #505a5f;padding:0 1rem;margin:1rem 0;overflow-x:auto}\
table{border-collapse:collapse}th,td{border:1px solid #b1b4b6;padding:0.25rem 0.5rem;text-align:left}\
a{color:#1d70b8}a:focus,button:focus,textarea:focus{outline:3px solid #fd0;outline-offset:0}\
button{font:inherit;padding:0.25rem 1rem;margin:0.5rem 0}";

/// Reveals each copy button, and copies its text area's HTML when pressed, saying so in a live region.
const SCRIPT: &str =
    "for(const b of document.querySelectorAll('button[data-copy]')){b.hidden=false;\
b.addEventListener('click',async()=>{const t=document.getElementById(b.dataset.copy);\
const s=document.getElementById(b.dataset.copy+'-status');\
try{await navigator.clipboard.writeText(t.value);s.textContent='Copied.';}\
catch(e){t.select();s.textContent='Selected: press Ctrl+C (or Cmd+C) to copy.';}});}";

/// The index page and one preview page per fragment.
pub(super) fn write(site: &Site, options: &Options, pages: &[Written]) -> Vec<OutputFile> {
    let mut out = vec![OutputFile {
        path: "index.html".into(),
        bytes: index(site, options, pages).into_bytes(),
    }];
    for p in pages {
        out.push(OutputFile {
            path: format!("preview/{}.html", p.name),
            bytes: preview(site, options, p).into_bytes(),
        });
    }
    out
}

fn head(site: &Site, title: &str, style: bool) -> String {
    let mut s = format!(
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{}</title>\n",
        escape_attr(&site.language),
        escape(title)
    );
    if style {
        let _ = writeln!(s, "<style>{STYLE}</style>");
    }
    s.push_str("</head>\n");
    s
}

/// A fragment alone on a page with no stylesheet, under the `<h1>` the CMS page gives it (when the fragment
/// leaves its title out).
fn preview(site: &Site, options: &Options, p: &Written) -> String {
    let mut s = head(site, &format!("{}: preview", p.title), false);
    s.push_str("<body>\n<main>\n");
    if options.heading_level > 1 {
        let _ = writeln!(s, "<h1>{}</h1>", breakable(&p.title));
    }
    s.push_str(&p.html);
    s.push_str("</main>\n</body>\n</html>\n");
    s
}

fn index(site: &Site, options: &Options, pages: &[Written]) -> String {
    let title = format!("{}: HTML for your content management system", site.title);
    let mut s = head(site, &title, true);
    s.push_str("<body>\n<main>\n");
    let _ = writeln!(s, "<h1>{}</h1>", breakable(&title));
    s.push_str("<p>Each part below is one page of the report. Make a page in your content management system (CMS) for each, give it the title shown, and paste the HTML into the editor's source view (often a button labelled “Source” or “HTML”). Paste into the source view, not the visual editor, or the tables and charts will be lost.</p>\n");
    if options.heading_level > 1 {
        let _ = writeln!(s, "<p>Each page's own title is left out of its HTML: use it as the title of the CMS page, which shows it as the main heading. The first headings in the HTML are level {} headings.</p>", options.heading_level);
    }
    s.push_str("<p>If your CMS removes charts drawn in SVG, upload the chart images from the <code>charts</code> folder to your media library instead, with the alternative text listed under each page.</p>\n");
    s.push_str("<h2>Pages</h2>\n<ul>\n");
    for p in pages {
        let _ = writeln!(
            s,
            "<li><a href=\"#page-{}\">{}</a></li>",
            escape_attr(&p.name),
            breakable(&p.title)
        );
    }
    s.push_str("</ul>\n");
    for p in pages {
        page(&mut s, p);
    }
    let _ = write!(s, "</main>\n<script>{SCRIPT}</script>\n</body>\n</html>\n");
    s
}

fn page(s: &mut String, p: &Written) {
    let n = escape_attr(&p.name);
    let t = breakable(&p.title);
    let _ = writeln!(s, "<section id=\"part-{n}\">\n<h2 id=\"page-{n}\">{t}</h2>");
    let _ = write!(s, "<p>Page title: <strong>{t}</strong>. ");
    match &p.cms_url {
        Some(u) => {
            let _ = write!(
                s,
                "Its address in the CMS: <a href=\"{}\">{}</a>. ",
                escape_attr(u),
                breakable(u)
            );
        }
        None => {
            s.push_str("It has no CMS address in site.toml, so links to it go to the built site. ")
        }
    }
    let _ = writeln!(
        s,
        "Files: <a href=\"fragments/{n}.html\">the HTML</a>, <a href=\"preview/{n}.html\">a preview with no styles</a>.</p>"
    );
    let _ = writeln!(
        s,
        "<label for=\"source-{n}\">The HTML of “{t}”, to copy</label>\n<textarea id=\"source-{n}\" rows=\"8\" readonly spellcheck=\"false\">{}</textarea>",
        escape(&p.html)
    );
    let _ = writeln!(
        s,
        "<button type=\"button\" data-copy=\"source-{n}\" hidden>Copy the HTML of “{t}”</button>\n<p id=\"source-{n}-status\" role=\"status\"></p>"
    );
    if !p.charts.is_empty() {
        let _ = writeln!(s, "<h3>Charts on this page</h3>\n<ul>");
        for c in &p.charts {
            let name = escape_attr(&c.name);
            let _ = writeln!(
                s,
                "<li><strong>{}</strong>: <a href=\"charts/{name}.svg\">SVG</a>, <a href=\"charts/{name}.png\">PNG</a>. Alternative text: {}</li>",
                breakable(&c.title),
                breakable(&c.alt)
            );
        }
        s.push_str("</ul>\n");
    }
    let _ = writeln!(
        s,
        "<h3 id=\"read-{n}\">How the {n} page reads</h3>\n<div class=\"rendered\" role=\"region\" aria-labelledby=\"read-{n}\" tabindex=\"0\">\n{}</div>\n</section>",
        p.html
    );
}
