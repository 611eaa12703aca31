//! Tests of reading a page back into a document.

use super::*;
use crate::formats::document::{plain, Target};
use crate::formats::inline::target;

fn main_of(body: &str) -> Vec<Block> {
    parse_main(&format!(
        "<!DOCTYPE html><html lang=\"en\"><body><nav><a href=\"x.html\">Skip me</a></nav><main>{body}</main></body></html>"
    ))
    .blocks
}

fn para(text: &str) -> Block {
    Block::Paragraph(vec![Inline::Text(text.into())])
}

#[test]
fn only_main_is_read_and_white_space_collapses_as_in_a_browser() {
    let blocks = main_of(
        "<h1 id=\"top\">  The\n  report </h1>\n<p>  One   <strong>two</strong>\n three </p>",
    );
    assert_eq!(
        blocks,
        vec![
            Block::Heading(Heading {
                level: 1,
                id: Some("top".into()),
                content: vec![Inline::Text("The report".into())],
            }),
            Block::Paragraph(vec![
                Inline::Text("One ".into()),
                Inline::Strong(vec![Inline::Text("two".into())]),
                Inline::Text(" three".into()),
            ]),
        ]
    );
}

#[test]
fn loose_text_beside_blocks_becomes_paragraphs() {
    let blocks = main_of("<div>Before<p>Inside</p>after <em>this</em></div>");
    assert_eq!(blocks[0], para("Before"));
    assert_eq!(blocks[1], para("Inside"));
    assert_eq!(
        plain(match &blocks[2] {
            Block::Paragraph(c) => c,
            other => panic!("{other:?}"),
        }),
        "after this"
    );
}

#[test]
fn links_are_classified_by_where_they_go() {
    assert_eq!(target("#ch01"), Some(Target::Anchor("ch01".into())));
    assert_eq!(
        target("../performance.html#ch02"),
        Some(Target::Site {
            path: "performance.html".into(),
            fragment: Some("ch02".into())
        })
    );
    assert_eq!(
        target("data/ch01.csv"),
        Some(Target::Site {
            path: "data/ch01.csv".into(),
            fragment: None
        })
    );
    assert_eq!(
        target("mailto:complaints@example.org"),
        Some(Target::External("mailto:complaints@example.org".into()))
    );
    assert_eq!(
        target("https://example.org/a"),
        Some(Target::External("https://example.org/a".into()))
    );
    assert_eq!(target(""), None);
    assert_eq!(target("#"), None);
}

#[test]
fn tables_keep_caption_header_cells_and_their_scope() {
    let blocks = main_of(
        "<table><caption>Complaints <span class=\"rd-visually-hidden\">by year</span></caption>\
         <thead><tr><th scope=\"col\">Year</th><th>Stage 1</th></tr></thead>\
         <tbody><tr id=\"y1\"><th scope=\"row\">2024-25</th><td>1,110</td></tr>\
         <tr><th>2025-26</th><td>n/a</td></tr></tbody></table>",
    );
    let Block::Table(t) = &blocks[0] else {
        panic!("{blocks:?}")
    };
    // A caption hidden from sight is still the table's caption; only words hidden inside it are dropped.
    assert_eq!(plain(&t.caption), "Complaints");
    assert_eq!(t.columns(), 2);
    assert_eq!(t.head[0].cells[0].header, Some(Scope::Column));
    assert_eq!(t.head[0].cells[1].header, Some(Scope::Column));
    assert_eq!(t.body[0].id.as_deref(), Some("y1"));
    assert_eq!(t.body[0].cells[0].header, Some(Scope::Row));
    assert_eq!(
        t.body[1].cells[0].header,
        Some(Scope::Row),
        "a first header cell in the body heads its row"
    );
    assert!(t.body[0].cells[1].numeric);
    assert!(t.body[1].cells[1].numeric, "n/a is a figure's place");
    assert!(
        !t.body[0].cells[0].numeric,
        "2024-25 is a year, not a figure"
    );
}

#[test]
fn a_chart_and_its_table_become_one_figure_with_its_text_alternative() {
    let blocks = main_of(
        "<section class=\"rd-figure\" id=\"ch01\"><div class=\"rd-chart\">\
         <p class=\"rd-chart__title\">Complaints rose</p><p class=\"rd-chart__subtitle\">Per 1,000 homes</p>\
         <svg class=\"rd-chart__svg--narrow\" role=\"img\" viewBox=\"0 0 10 10\"><title>Complaints rose</title><desc>Narrow.</desc></svg>\
         <svg class=\"rd-chart__svg--wide\" role=\"img\" viewBox=\"0 0 20 10\"><title>Complaints rose</title><desc>Stage 1: 97.8 in 2025-26.</desc><text>x</text></svg>\
         </div><div class=\"rd-table-wrap\"><table><caption>CH01</caption><tr><th>Year</th><td>97.8</td></tr></table></div></section>",
    );
    let figure = blocks
        .iter()
        .find_map(|b| match b {
            Block::Figure(f) => Some(f),
            _ => None,
        })
        .expect("a figure");
    assert_eq!(figure.id.as_deref(), Some("ch01"));
    assert_eq!(figure.title, "Complaints rose");
    assert_eq!(figure.subtitle.as_deref(), Some("Per 1,000 homes"));
    assert_eq!(figure.alt, "Complaints rose. Stage 1: 97.8 in 2025-26.");
    assert!(
        figure.svg.contains("viewBox=\"0 0 20 10\""),
        "the wide drawing: {}",
        figure.svg
    );
    assert!(figure.svg.contains("xmlns=\"http://www.w3.org/2000/svg\""));
    assert_eq!(
        figure.table.as_ref().map(|t| plain(&t.caption)),
        Some("CH01".into())
    );
    assert!(
        !blocks.iter().any(|b| matches!(b, Block::Table(_))),
        "the table belongs to the figure: {blocks:?}"
    );
}

#[test]
fn what_is_hidden_or_only_navigates_the_page_is_left_out() {
    let blocks = main_of(
        "<p hidden>Hidden</p><p aria-hidden=\"true\">Decoration</p>\
         <p class=\"rd-back-link\"><a href=\"#top\">Back to contents</a></p>\
         <ul class=\"rd-formats\"><li><a href=\"report.pdf\">PDF</a></li></ul>\
         <svg><path d=\"M0 0\"/></svg><p>Kept</p>",
    );
    assert_eq!(blocks, vec![para("Kept")]);
}

#[test]
fn cards_downloads_and_sections_keep_their_meaning() {
    let blocks = main_of(
        "<section id=\"part-learning\"><h2 id=\"part-learning-title\">Learning</h2>\
         <ul class=\"rd-cards\"><li><h3>Repairs</h3><p>We did.</p></li></ul>\
         <ul class=\"rd-downloads\" aria-label=\"Download this table\"><li><a href=\"data/x.csv\" download>CSV<span class=\"rd-visually-hidden\">: X</span></a></li></ul></section>",
    );
    assert_eq!(blocks[0], Block::Anchor("part-learning".into()));
    assert!(
        matches!(&blocks[1], Block::Heading(h) if h.id.as_deref() == Some("part-learning-title"))
    );
    assert!(matches!(&blocks[2], Block::List(l) if l.cards && l.items.len() == 1));
    let Block::Downloads(d) = &blocks[3] else {
        panic!("{blocks:?}")
    };
    assert_eq!(d.label, "Download this table");
    assert_eq!(plain(&d.links[0].content), "CSV");
}

#[test]
fn figures_are_told_from_words() {
    for yes in ["1,187", "92.0%", "-3.1", "£48,250.00", "n/a", "0"] {
        assert!(looks_numeric(yes), "{yes}");
    }
    for no in ["2024-25", "Yes", "", "3.5 and 3.6", "Stage 1"] {
        assert!(!looks_numeric(no), "{no}");
    }
}
