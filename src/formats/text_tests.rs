//! Tests of the plain-text writer.

use super::*;
use crate::formats::parse::parse_main;

fn txt(body: &str, base_url: Option<&str>) -> String {
    let doc = parse_main(&format!("<main>{body}</main>"));
    let links = Links::new(&doc, "report.html", base_url);
    write(&doc, &links)
}

#[test]
fn wrap_breaks_at_spaces_and_never_inside_a_word() {
    assert_eq!(wrap("one two three four", 9), ["one two", "three", "four"]);
    let long = "https://www.example.org/a/very/long/address";
    assert_eq!(wrap(&format!("see {long} now"), 10), ["see", long, "now"]);
    assert_eq!(wrap("a\nb", 10), ["a", "b"]);
}

#[test]
fn headings_are_underlined_by_level_and_set_apart() {
    assert_eq!(
        txt(
            "<h1>Report</h1><p>Text.</p><h2>Part</h2><h3>Sub</h3><p>More.</p>",
            None
        ),
        "Report\n======\n\nText.\n\nPart\n----\n\nSub\n\nMore.\n"
    );
}

#[test]
fn lists_keep_their_markers_and_hang_their_lines() {
    let out = txt(
        "<ol><li>First</li><li>A second item long enough to wrap onto another line at the width of seventy-eight</li></ol>",
        None,
    );
    assert_eq!(
        out,
        "1. First\n2. A second item long enough to wrap onto another line at the width of\n   seventy-eight\n"
    );
}

#[test]
fn links_write_out_where_they_go() {
    let body = "<p><a href=\"https://example.org/x\">the Ombudsman</a>, \
                <a href=\"mailto:c@example.org\">c@example.org</a>, \
                <a href=\"performance.html\">the performance page</a>, \
                <a href=\"#here\">below</a>.</p><h2 id=\"here\">Here</h2>";
    assert_eq!(
        txt(body, None).lines().next().unwrap(),
        "the Ombudsman (https://example.org/x), c@example.org, the performance page"
    );
    let flat = |s: String| s.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(flat(txt(body, None)).contains("page (performance.html), below."));
    assert!(flat(txt(body, Some("https://example.org/r")))
        .contains("page (https://example.org/r/performance.html), below."));
}

#[test]
fn a_table_that_fits_is_laid_out_in_columns_with_figures_right_aligned() {
    let out = txt(
        "<table><caption>Outcomes</caption><thead><tr><th>Outcome</th><th>Stage 1</th></tr></thead>\
         <tbody><tr><th>Upheld</th><td>498</td></tr><tr><th>Not upheld</th><td>1,434</td></tr></tbody></table>",
        None,
    );
    assert_eq!(
        out,
        "Table: Outcomes\n\nOutcome     Stage 1\n----------  -------\nUpheld          498\nNot upheld    1,434\n"
    );
}

#[test]
fn a_table_too_wide_for_columns_is_written_as_records() {
    let words = "word ".repeat(30);
    let out = txt(
        &format!(
            "<table><caption>Provisions</caption><thead><tr><th>Provision</th><th>What the Code requires</th>\
             <th>Do we comply?</th><th>Evidence</th></tr></thead><tbody><tr><th scope=\"row\">1.2</th>\
             <td><p>{words}</p></td><td>Yes</td><td><p>{words}</p><p>More.</p></td></tr></tbody></table>"
        ),
        None,
    );
    assert!(
        out.contains("\nProvision 1.2\n  What the Code requires:\n    word word"),
        "{out}"
    );
    assert!(out.contains("\n  Do we comply? Yes\n"), "{out}");
    assert!(out.contains("\n  Evidence:\n    word"), "{out}");
    assert!(out.contains("\n\n    More.\n"), "{out}");
}

#[test]
fn a_chart_is_its_finding_and_its_table() {
    let out = txt(
        "<div class=\"rd-chart\"><p class=\"rd-chart__title\">Complaints rose</p>\
         <svg role=\"img\"><title>Complaints rose</title><desc>Stage 1: 97.8.</desc></svg></div>\
         <table><caption>CH01</caption><tr><th>Year</th><td>97.8</td></tr></table>",
        None,
    );
    assert_eq!(out, "Chart: Complaints rose\n\nTable: CH01\n\nYear  97.8\n");
}

#[test]
fn downloads_appear_only_where_they_can_be_followed() {
    let body = "<table><caption>T</caption><tr><th>a</th><td>1</td></tr></table>\
                <ul class=\"rd-downloads\" aria-label=\"Download this table\"><li><a href=\"data/t.csv\">CSV</a></li></ul>";
    assert!(!txt(body, None).contains("Download"));
    assert!(txt(body, Some("https://example.org"))
        .contains("Download this table: CSV (https://example.org/data/t.csv)"));
}
