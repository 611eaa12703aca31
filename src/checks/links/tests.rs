use std::collections::HashMap;

use proptest::prelude::*;

use super::locate::{attribute_value, markdown_link};
use super::*;
use crate::diagnostics::Severity;

fn internal(path: &str, anchor: Option<&str>) -> Target {
    Target::Internal {
        path: path.into(),
        anchor: anchor.map(String::from),
        root_relative: false,
    }
}

#[test]
fn resolves_links_as_a_browser_does() {
    assert_eq!(
        resolve("index.html", "performance.html"),
        internal("performance.html", None)
    );
    assert_eq!(
        resolve("index.html", "./data/ch01.csv"),
        internal("data/ch01.csv", None)
    );
    assert_eq!(
        resolve("a/b.html", "../c.html#x"),
        internal("c.html", Some("x"))
    );
    assert_eq!(resolve("a/b.html", "#x"), internal("a/b.html", Some("x")));
    assert_eq!(
        resolve("index.html", "data/"),
        internal("data/index.html", None)
    );
    assert_eq!(
        resolve("index.html", "my%20file.pdf?v=2"),
        internal("my file.pdf", None)
    );
    assert_eq!(resolve("index.html", "../x.html"), Target::Outside);
    assert_eq!(
        resolve("index.html", "/performance.html"),
        Target::Internal {
            path: "performance.html".into(),
            anchor: None,
            root_relative: true
        }
    );
}

#[test]
fn sorts_out_what_is_not_checked() {
    for skipped in [
        "",
        "#",
        "mailto:a@b.example",
        "tel:0300",
        "data:image/png;base64,xx",
        "javascript:void(0)",
    ] {
        assert_eq!(resolve("index.html", skipped), Target::Skip, "{skipped}");
    }
    assert_eq!(
        resolve("index.html", "HTTPS://example.org/a"),
        Target::External("HTTPS://example.org/a".into())
    );
    assert_eq!(
        resolve("index.html", "//example.org/a"),
        Target::External("https://example.org/a".into())
    );
    // A colon after a slash is part of a path, not a scheme.
    assert_eq!(
        resolve("index.html", "a/b:c.html"),
        internal("a/b:c.html", None)
    );
}

#[test]
fn decodes_percent_escapes_leniently() {
    assert_eq!(percent_decode("a%20b%2"), "a b%2");
    assert_eq!(percent_decode("%zz%C3%A9"), "%zzé");
}

#[test]
fn finds_markdown_link_destinations() {
    let md = "See [x](a.html) and [y](b.html \"t\") and [z](<c d.html>).\n\n[r]: e.html\n";
    assert_eq!(markdown_link(md, "a.html"), md.find("a.html"));
    assert_eq!(markdown_link(md, "b.html"), md.find("b.html"));
    assert_eq!(markdown_link(md, "c d.html"), md.find("c d.html"));
    assert_eq!(markdown_link(md, "e.html"), md.find("e.html"));
    assert_eq!(markdown_link("[x](a.html#y)", "a.html"), None);
}

#[test]
fn finds_template_attributes_only() {
    let t = "<p>privacy.html</p>\n<a href=\"{{ root }}privacy.html\">Privacy</a>\n";
    assert_eq!(attribute_value(t, "privacy.html"), t.rfind("privacy.html"));
    assert_eq!(attribute_value("<p>x.html\"</p>", "x.html"), None);
}

fn page(path: &str, template: &str) -> PageSpec {
    PageSpec {
        path: path.into(),
        template: template.into(),
        title: String::new(),
        nav_label: String::new(),
        in_nav: true,
        slug: None,
        description: String::new(),
        parent: None,
        content: None,
    }
}

fn file(path: &str, html: &str) -> OutputFile {
    OutputFile {
        path: path.into(),
        bytes: html.as_bytes().to_vec(),
    }
}

#[test]
fn reports_each_broken_link_once_at_its_markdown() {
    let files = [
        file("index.html", "<a href=\"news.html\">n</a><a href=\"nope.html\">x</a><a href=\"https://a.example/\">a</a>"),
        file("news.html", "<h2 id=\"top-story\">t</h2><a href=\"nope.html\">x</a><a href=\"index.html#missing\">m</a><a href=\"news.html#top-story\">ok</a>"),
        file("data/t.csv", "a,b"),
    ];
    let pages = [
        page("index.html", "pages/home.html"),
        page("news.html", "pages/content.html"),
    ];
    let inputs = [SourceFile::new(
        "content/news.md",
        "news.md",
        "+++\ntitle = \"News\"\n+++\nGo [here](nope.html).\n",
    )];
    let templates = HashMap::from([(
        "pages/content.html".to_string(),
        SourceFile::new(
            "built-in theme: templates/pages/content.html",
            "x",
            "<a href=\"{{ root }}index.html#missing\">",
        ),
    )]);
    let mut diags = Diagnostics::new();
    let report = check(
        &files,
        &pages,
        &LinkSources {
            inputs: &inputs,
            templates: &templates,
        },
        &mut diags,
    );
    let sorted = diags.sorted();
    assert_eq!(sorted.len(), 2, "{sorted:#?}");
    let missing = sorted
        .iter()
        .find(|d| d.message.contains("nope.html"))
        .unwrap();
    assert_eq!(
        missing.message,
        "a link on index.html and news.html leads to `nope.html`, which is not part of the site"
    );
    assert_eq!(missing.position().as_deref(), Some("content/news.md:4:11"));
    let anchor = sorted
        .iter()
        .find(|d| d.message.contains("#missing"))
        .unwrap();
    // Made by the built-in theme, so redress's bug, not the user's: it must not stop the build.
    assert_eq!(anchor.severity, Severity::Warning);
    assert!(anchor.help.as_deref().unwrap().contains("bug in redress"));
    assert!(
        anchor
            .message
            .ends_with("index.html has no anchor `#missing`"),
        "{}",
        anchor.message
    );
    assert_eq!(
        anchor.position().as_deref(),
        Some("built-in theme: templates/pages/content.html:1:20")
    );
    assert_eq!(report.external.len(), 1);
    assert_eq!(report.external[0].pages, ["index.html"]);
    assert_eq!(report.internal, 5);
}

#[test]
fn a_link_from_the_hosts_root_is_a_warning_when_it_resolves() {
    let files = [file("index.html", "<a href=\"/index.html\">home</a>")];
    let pages = [page("index.html", "pages/home.html")];
    let templates = HashMap::new();
    let mut diags = Diagnostics::new();
    check(
        &files,
        &pages,
        &LinkSources {
            inputs: &[],
            templates: &templates,
        },
        &mut diags,
    );
    let d = &diags.sorted()[0];
    assert_eq!(d.severity, Severity::Warning);
    assert!(d.help.as_deref().unwrap().starts_with("write `index.html`"));
}

#[test]
fn names_pages_briefly() {
    let p = |n: &[&str]| n.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    assert_eq!(on_pages(&p(&["a.html"]), 5), "on a.html");
    assert_eq!(
        on_pages(&p(&["a.html", "b.html", "c.html"]), 3),
        "on every page"
    );
    assert_eq!(
        on_pages(&p(&["a", "b", "c", "d"]), 9),
        "on a, b and 2 other pages"
    );
}

proptest! {
    #[test]
    fn resolving_never_panics(page in "[a-z/]{1,12}\\.html", link in "\\PC{0,40}") {
        let _ = resolve(&page, &link);
        let _ = percent_decode(&link);
        let _ = markdown_link(&link, "a");
        let _ = attribute_value(&link, "é");
    }
}
