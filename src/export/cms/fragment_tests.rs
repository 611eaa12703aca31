//! Tests of [`super`]: pages written as fragments, read back as a CMS reader meets them.

use super::*;
use crate::formats::parse::parse_main;

/// `main` (the inside of a page's `<main>`) written as the fragment of page `name`, with `site` and the pages'
/// ids found as the export finds them (two passes).
fn written(main: &str, name: &str, site: &Site, options: &Options) -> Written {
    let doc = parse_main(&format!("<main>{main}</main>"));
    let pages: BTreeSet<String> = ["index", "performance"].map(String::from).into();
    let path = format!("{name}.html");
    let mut ids = HashMap::new();
    for _pass in 0..2 {
        let addresses = Addresses {
            site,
            pages: &pages,
            ids: &ids,
        };
        let w = write(
            &doc,
            name,
            &path,
            &addresses,
            options,
            &mut Registry::default(),
        );
        if ids.contains_key(name) {
            return w;
        }
        ids.insert(name.to_string(), w.ids);
    }
    unreachable!("the second pass returns")
}

fn site() -> Site {
    Site {
        title: "Report".into(),
        language: "en-GB".into(),
        base_url: Some("https://example.org/report".into()),
        pages: [(
            "performance".to_string(),
            "https://council.example/perf".to_string(),
        )]
        .into(),
        media: None,
    }
}

#[test]
fn a_sections_id_lands_on_its_first_block_and_links_follow_it() {
    let main = r##"<p><a href="#ch01">CH01</a></p><h2>CH01</h2><section id="ch01"><p>Figures</p></section>"##;
    let w = written(main, "index", &site(), &Options::default());
    assert!(
        w.html
            .contains(r##"<a href="#redress-index-ch01">CH01</a>"##),
        "{}",
        w.html
    );
    assert!(
        w.html.contains(r#"<p id="redress-index-ch01">Figures</p>"#),
        "{}",
        w.html
    );
}

#[test]
fn links_to_pages_use_their_cms_address_or_the_sites() {
    let main = r#"<p><a href="performance.html">Performance</a> <a href="learning.html#x">Learning</a> <a href="data/ch01.csv">CSV</a></p>"#;
    let w = written(main, "index", &site(), &Options::default());
    assert!(
        w.html
            .contains(r#"<a href="https://council.example/perf">Performance</a>"#),
        "{}",
        w.html
    );
    assert!(w
        .html
        .contains(r#"<a href="https://example.org/report/learning.html#x">Learning</a>"#));
    assert!(w
        .html
        .contains(r#"<a href="https://example.org/report/data/ch01.csv">CSV</a>"#));
    let offline = Site {
        base_url: None,
        ..site()
    };
    let w = written(main, "index", &offline, &Options::default());
    assert!(w.html.contains("Learning CSV</p>"), "{}", w.html);
    assert_eq!(
        w.unresolved.into_iter().collect::<Vec<_>>(),
        ["data/ch01.csv", "learning.html"]
    );
}

#[test]
fn headings_move_to_the_level_asked_for() {
    let main = "<h1 id=\"top\">Title</h1><h2>Part</h2><h3>Detail</h3>";
    let level = |n| {
        let options = Options {
            heading_level: n,
            ..Options::default()
        };
        written(main, "index", &site(), &options).html
    };
    assert_eq!(
        level(1),
        "<h1 id=\"redress-index-top\">Title</h1>\n<h2>Part</h2>\n<h3>Detail</h3>\n"
    );
    assert_eq!(
        level(2),
        "<h2 id=\"redress-index-top\">Part</h2>\n<h3>Detail</h3>\n"
    );
    assert_eq!(
        level(3),
        "<h3 id=\"redress-index-top\">Part</h3>\n<h4>Detail</h4>\n"
    );
    assert_eq!(
        level(6),
        "<h6 id=\"redress-index-top\">Part</h6>\n<h6>Detail</h6>\n"
    );
}
