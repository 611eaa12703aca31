//! `redress export cms`: what a comms officer pastes into a CMS, and what a reader of the CMS page then gets.
//!
//! Each test runs the real binary over a copy of the example site and reads the export with an HTML parser, asking
//! what a reader would: does each table keep its caption and scoped header cells, does each chart keep its text
//! alternative, is there anything that needs redress's CSS or script, could any id clash with the host page, does
//! any link depend on where the fragment sits. The browser audit of the previews (axe-core and the Nu checker at
//! 320 and 1280 px) runs in `.ci/run`.

mod common;

use std::collections::HashSet;

use common::{sel, text, tree, SiteTest};
use scraper::Html;

/// The example site exported into `cms/` (and built into `public/`, to compare with).
fn exported(extra: &[&str]) -> SiteTest {
    let t = SiteTest::example();
    let mut args = vec!["export", "cms", "--output", "cms"];
    args.extend_from_slice(extra);
    t.run(&args).expect_success();
    t
}

fn fragment(t: &SiteTest, page: &str) -> Html {
    Html::parse_fragment(&t.read(&format!("cms/fragments/{page}.html")))
}

/// The names of the exported pages.
fn pages(t: &SiteTest) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(t.path("cms/fragments"))
        .unwrap()
        .map(|e| {
            e.unwrap()
                .file_name()
                .to_string_lossy()
                .trim_end_matches(".html")
                .to_string()
        })
        .collect();
    names.sort();
    names
}

#[test]
fn every_page_becomes_a_fragment() {
    let t = exported(&[]);
    t.build().expect_success();
    let mut built: Vec<String> = std::fs::read_dir(t.path("public"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter_map(|n| n.strip_suffix(".html").map(str::to_string))
        .collect();
    built.sort();
    assert_eq!(pages(&t), built);
    let marker = t.read("cms/.redress-output");
    assert!(
        marker.lines().any(|l| l == "# redress export cms"),
        "{marker}"
    );
    assert!(marker.lines().any(|l| l == "fragments/performance.html"));
}

#[test]
fn fragments_hold_no_script_style_class_or_page_furniture() {
    let t = exported(&[]);
    for page in pages(&t) {
        let f = fragment(&t, &page);
        for bad in [
            "script", "style", "link", "[style]", "[class]", "html", "head", "body", "main", "nav",
            "header", "footer",
        ] {
            // `html` is the parser's own wrapper for a fragment; anything else would be in the file.
            let n = f.select(&sel(bad)).count();
            let expected = usize::from(bad == "html");
            assert_eq!(n, expected, "{page}: {n} × {bad}");
        }
        if let Some(a) = f.select(&sel("[onclick], [onload], [tabindex]")).next() {
            panic!("{page}: {}", a.html());
        }
    }
}

#[test]
fn tables_keep_their_captions_and_scoped_header_cells() {
    let t = exported(&[]);
    t.build().expect_success();
    for page in pages(&t) {
        let f = fragment(&t, &page);
        let tables: Vec<_> = f.select(&sel("table")).collect();
        // As many tables as the page shows a reader.
        // As many tables as the page shows a reader, less any table of lone links (the data page's downloads),
        // which becomes a list.
        let built = t.page(&format!("{page}.html"));
        let is_links = |t: &scraper::ElementRef<'_>| {
            t.select(&sel("tbody td")).all(|td| {
                td.select(&sel("a")).count() == 1
                    && td.children().filter_map(scraper::ElementRef::wrap).count() == 1
            })
        };
        let on_page = built
            .select(&sel("main table"))
            .filter(|t| !is_links(t))
            .count();
        assert_eq!(tables.len(), on_page, "{page}");
        for table in tables {
            let caption = table.select(&sel("caption")).next();
            assert!(
                caption.is_some_and(|c| !text(c).is_empty()),
                "{page}: a table without a caption"
            );
            for th in table.select(&sel("th")) {
                let scope = th.value().attr("scope");
                assert!(
                    matches!(scope, Some("col" | "row")),
                    "{page}: {}",
                    th.html()
                );
            }
        }
    }
    // The CH01 table, as the performance page shows it.
    let f = fragment(&t, "performance");
    let ch01 = f
        .select(&sel("table#redress-performance-ch01"))
        .next()
        .unwrap();
    let caption = text(ch01.select(&sel("caption")).next().unwrap());
    let built = t.page("performance.html");
    let on_page = built.select(&sel("#ch01 caption")).next().unwrap();
    assert_eq!(caption, text(on_page));
}

#[test]
fn charts_are_inline_svg_with_their_text_alternative_and_files_beside() {
    let t = exported(&[]);
    let f = fragment(&t, "performance");
    let svgs: Vec<_> = f.select(&sel("div > svg")).collect();
    assert!(svgs.len() >= 4, "{} charts", svgs.len());
    for svg in &svgs {
        assert_eq!(svg.value().attr("role"), Some("img"));
        let title = svg
            .select(&sel("title"))
            .next()
            .map(text)
            .unwrap_or_default();
        let desc = svg
            .select(&sel("desc"))
            .next()
            .map(text)
            .unwrap_or_default();
        assert!(!title.is_empty() && !desc.is_empty(), "{}", svg.html());
        // The narrow drawing: it fits a 320 px screen without a stylesheet.
        let width: f32 = svg.value().attr("width").unwrap().parse().unwrap();
        assert!(width <= 300.0, "{width}");
        // Its table of figures follows the figure.
        let figure = scraper::ElementRef::wrap(svg.parent().unwrap()).unwrap();
        let next = figure
            .next_siblings()
            .find_map(scraper::ElementRef::wrap)
            .unwrap();
        assert_eq!(next.value().name(), "table");
    }
    // Each chart's files: the same SVG, a PNG, and its text alternative.
    let svg = &svgs[0];
    let figure = scraper::ElementRef::wrap(svg.parent().unwrap()).unwrap();
    let name = figure
        .value()
        .id()
        .unwrap()
        .trim_start_matches("redress-performance-");
    let file = t.read(&format!("cms/charts/{name}.svg"));
    assert!(file.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
    let png = std::fs::read(t.path(&format!("cms/charts/{name}.png"))).unwrap();
    assert!(png.starts_with(b"\x89PNG\r\n\x1a\n"));
    let alt = t.read(&format!("cms/charts/{name}.txt"));
    let title = text(svg.select(&sel("title")).next().unwrap());
    assert!(alt.starts_with(&title), "{alt}");
}

#[test]
fn a_table_of_download_links_becomes_a_list_of_sentences() {
    let t = exported(&[]);
    t.build().expect_success();
    let f = fragment(&t, "data");
    let items: Vec<String> = f.select(&sel("ul > li")).map(text).collect();
    assert!(
        items.contains(&"Complaints by quarter, 2025-26: CSV or JSON".to_string()),
        "{items:?}"
    );
    let built = t.page("data.html");
    let rows = built.select(&sel("main table tbody tr")).count();
    assert_eq!(f.select(&sel("ul > li a[href$='.csv']")).count(), rows);
}

#[test]
fn ids_are_prefixed_unique_and_every_in_page_link_lands() {
    let t = exported(&[]);
    for page in pages(&t) {
        let f = fragment(&t, &page);
        let mut ids = HashSet::new();
        for el in f.select(&sel("[id]")) {
            let id = el.value().id().unwrap();
            assert!(
                id.starts_with(&format!("redress-{page}-")),
                "{page}: id {id}"
            );
            assert!(ids.insert(id.to_string()), "{page}: id {id} twice");
        }
        for a in f.select(&sel("a[href^='#']")) {
            let id = &a.value().attr("href").unwrap()[1..];
            assert!(
                ids.contains(id),
                "{page}: link to #{id}, which is not there"
            );
        }
    }
}

#[test]
fn no_link_depends_on_where_the_fragment_sits() {
    let t = exported(&[]);
    let mut downloads = 0;
    for page in pages(&t) {
        let f = fragment(&t, &page);
        for a in f.select(&sel("a")) {
            let href = a.value().attr("href").expect("every link has a target");
            assert!(
                ["https://", "http://", "mailto:", "tel:", "#"]
                    .iter()
                    .any(|p| href.starts_with(p)),
                "{page}: relative link {href}"
            );
            if href.ends_with(".csv") {
                downloads += 1;
                assert!(
                    href.starts_with(
                        "https://www.ashmerehomes.example/complaints/report-2025-26/data/"
                    ),
                    "{href}"
                );
            }
        }
        if let Some(img) = f.select(&sel("img")).next() {
            panic!("{page}: an image in svg mode: {}", img.html());
        }
    }
    assert!(downloads > 10, "{downloads} CSV downloads");
    // The whole report's page links to the PDF of it, on the built site.
    let report = fragment(&t, "report");
    let pdf = "https://www.ashmerehomes.example/complaints/report-2025-26/report.pdf";
    assert!(
        report
            .select(&sel("a"))
            .any(|a| a.value().attr("href") == Some(pdf)),
        "no link to {pdf}"
    );
}

#[test]
fn links_between_pages_go_to_their_cms_addresses() {
    let t = SiteTest::example();
    let site = t.read("site.toml");
    t.write(
        "site.toml",
        &format!("{site}\n[cms]\npages = {{ performance = \"https://www.council.example/housing/complaints-performance/\" }}\n"),
    );
    t.run(&["export", "cms", "--output", "cms"])
        .expect_success();
    let home = fragment(&t, "index");
    let hrefs: Vec<&str> = home
        .select(&sel("a"))
        .filter_map(|a| a.value().attr("href"))
        .collect();
    // A link to a place on the performance page lands on that place's id in the performance fragment.
    let to_ch01 =
        "https://www.council.example/housing/complaints-performance#redress-performance-ch01";
    assert!(hrefs.contains(&to_ch01), "{hrefs:?}");
    assert!(fragment(&t, "performance")
        .select(&sel("#redress-performance-ch01"))
        .next()
        .is_some());
    // A page without a CMS address goes to the built site, with the built site's ids.
    assert!(
        hrefs.iter().any(|h| h.starts_with(
            "https://www.ashmerehomes.example/complaints/report-2025-26/self-assessment.html"
        )),
        "{hrefs:?}"
    );
    let index = Html::parse_document(&t.read("cms/index.html"));
    assert!(index
        .select(&sel(
            "a[href='https://www.council.example/housing/complaints-performance']"
        ))
        .next()
        .is_some());
}

#[test]
fn a_link_with_no_full_address_is_text_and_a_warning_with_a_hint() {
    let t = SiteTest::fixture("check/base-url-missing");
    let run = t.run(&["export", "cms", "--output", "cms"]);
    run.expect_success()
        .expect_stderr_contains(
            "warning: a link to `data/volumes.csv` cannot be made a full address",
        )
        .expect_stderr_contains("set base_url in site.toml");
    let f = fragment(&t, "performance");
    for a in f.select(&sel("a")) {
        let href = a.value().attr("href").unwrap();
        assert!(!href.contains(".csv") && !href.ends_with(".html"), "{href}");
    }
    // The link's text stays.
    assert!(t
        .read("cms/fragments/performance.html")
        .contains("<p>Download this table as CSV or JSON.</p>"));
}

#[test]
fn a_cms_address_for_a_page_the_site_lacks_is_an_error_and_nothing_is_written() {
    let t = SiteTest::example();
    let site = t.read("site.toml");
    t.write(
        "site.toml",
        &format!("{site}\n[cms]\npages = {{ perfomance = \"https://www.council.example/p\" }}\n"),
    );
    t.run(&["export", "cms", "--output", "cms"])
        .expect_code(1)
        .expect_stderr_contains(
            "error: [cms] pages names `perfomance`, which is not a page of this site",
        )
        .expect_stderr_contains("site.toml:")
        .expect_stderr_contains("did you mean `performance`?");
    assert!(!t.path("cms").exists());
    // `redress check` finds it too, before any export is run.
    t.run(&["check"])
        .expect_code(1)
        .expect_stderr_contains(
            "error: [cms] pages names `perfomance`, which is not a page of this site",
        )
        .expect_stderr_contains("did you mean `performance`?");
}

#[test]
fn headings_start_at_the_level_the_cms_page_needs() {
    let count = |f: &Html, h: &str| f.select(&sel(h)).count();
    let t = exported(&[]);
    let f = fragment(&t, "performance");
    assert_eq!(count(&f, "h1"), 0, "the CMS page's title is the h1");
    assert!(count(&f, "h2") > 5);
    // The title's caption ("2025-26") goes with it, rather than stand alone at the top.
    let first = |f: &Html| {
        f.root_element()
            .children()
            .filter_map(scraper::ElementRef::wrap)
            .find(|e| e.value().name() != "html")
            .or_else(|| {
                f.root_element()
                    .children()
                    .filter_map(scraper::ElementRef::wrap)
                    .flat_map(|e| e.children().filter_map(scraper::ElementRef::wrap))
                    .next()
            })
            .map(text)
            .unwrap_or_default()
    };
    assert_ne!(first(&f), "2025-26", "the caption stayed without its title");
    let t = exported(&["--heading-level", "1"]);
    let f = fragment(&t, "performance");
    assert_eq!(count(&f, "h1"), 1);
    assert_eq!(first(&f), "2025-26", "with its title, the caption stays");
    assert_eq!(
        text(f.select(&sel("h1")).next().unwrap()),
        "How we handled complaints"
    );
    let t = exported(&["--heading-level", "3"]);
    let f = fragment(&t, "performance");
    assert_eq!(count(&f, "h1") + count(&f, "h2"), 0);
    assert!(count(&f, "h3") > 5);
    SiteTest::example()
        .run(&["export", "cms", "--output", "cms", "--heading-level", "7"])
        .expect_code(2);
}

#[test]
fn charts_as_images_need_a_media_address_and_link_to_their_table() {
    let t = SiteTest::example();
    t.run(&["export", "cms", "--output", "cms", "--charts", "image"])
        .expect_code(1)
        .expect_stderr_contains("[cms] media = ");
    assert!(!t.path("cms").exists());
    let site = t.read("site.toml");
    t.write(
        "site.toml",
        &format!("{site}\n[cms]\nmedia = \"https://www.council.example/files/complaints/\"\n"),
    );
    t.run(&["export", "cms", "--output", "cms", "--charts", "image"])
        .expect_success();
    let f = fragment(&t, "performance");
    assert_eq!(f.select(&sel("svg")).count(), 0);
    let imgs: Vec<_> = f.select(&sel("div > img")).collect();
    assert!(imgs.len() >= 4);
    for img in imgs {
        let src = img.value().attr("src").unwrap();
        assert!(
            src.starts_with("https://www.council.example/files/complaints/")
                && src.ends_with(".png"),
            "{src}"
        );
        let name = src.rsplit('/').next().unwrap().trim_end_matches(".png");
        let alt = img.value().attr("alt").unwrap();
        assert_eq!(
            format!("{alt}\n"),
            t.read(&format!("cms/charts/{name}.txt"))
        );
        let figure = scraper::ElementRef::wrap(img.parent().unwrap()).unwrap();
        let link = figure.select(&sel("p a")).next().unwrap();
        let target = &link.value().attr("href").unwrap()[1..];
        let table = f.select(&sel(&format!("table#{target}"))).next();
        assert!(table.is_some(), "no table #{target}");
    }
}

#[test]
fn the_index_shows_each_fragment_and_its_source_to_copy() {
    let t = exported(&[]);
    let index = Html::parse_document(&t.read("cms/index.html"));
    assert_eq!(index.select(&sel("h1")).count(), 1);
    for page in pages(&t) {
        let area = index
            .select(&sel(&format!("textarea#source-{page}")))
            .next()
            .unwrap_or_else(|| panic!("no text area for {page}"));
        assert!(area.value().attr("readonly").is_some());
        // Labelled, so a screen reader says what it holds.
        let label = index
            .select(&sel(&format!("label[for='source-{page}']")))
            .next()
            .unwrap();
        assert!(text(label).starts_with("The HTML of"));
        // It holds exactly the fragment's file.
        let source: String = area.text().collect();
        assert_eq!(source, t.read(&format!("cms/fragments/{page}.html")));
        // The copy button is an enhancement: hidden until the script shows it.
        let button = index
            .select(&sel(&format!("button[data-copy='source-{page}']")))
            .next()
            .unwrap();
        assert!(button.value().attr("hidden").is_some());
        // And the fragment, as it reads.
        let section = index
            .select(&sel(&format!("#part-{page} .rendered")))
            .next()
            .unwrap();
        assert!(!text(section).is_empty());
    }
    // Each chart with its alternative text, to paste into the CMS's alt text field.
    let alt = t.read("cms/charts/ch01_trend.txt");
    let listed = index
        .select(&sel("#part-performance li"))
        .map(text)
        .any(|l| l.contains(alt.trim()));
    assert!(listed);
}

#[test]
fn the_export_is_the_same_every_time() {
    let t = exported(&[]);
    t.run(&["export", "cms", "--output", "again"])
        .expect_success();
    let a = tree(&t.path("cms"));
    let b = tree(&t.path("again"));
    assert_eq!(a.len(), b.len());
    for ((pa, ba), (pb, bb)) in a.iter().zip(&b) {
        assert_eq!(pa, pb);
        assert!(ba == bb, "{pa} differs between two runs");
    }
    // And a second export replaces the first: the folder is its own.
    t.run(&["export", "cms", "--output", "cms"])
        .expect_success();
    assert_eq!(tree(&t.path("cms")), a);
}

#[test]
fn the_export_refuses_a_folder_it_did_not_write() {
    let t = SiteTest::example();
    t.write("mine/notes.txt", "keep me");
    t.run(&["export", "cms", "--output", "mine"])
        .expect_code(2)
        .expect_stderr_contains("refusing to replace");
    assert_eq!(t.read("mine/notes.txt"), "keep me");
    assert!(!t.path("mine/index.html").exists());
    // Nor a built site, though redress wrote it: the export would replace the site.
    t.build().expect_success();
    let before = tree(&t.path("public"));
    t.run(&["export", "cms", "--output", "public"])
        .expect_code(2)
        .expect_stderr_contains("it holds a site built by `redress build`");
    assert_eq!(tree(&t.path("public")), before);
    // Nor a file someone added to an earlier export.
    t.run(&["export", "cms", "--output", "cms"])
        .expect_success();
    t.write("cms/fragments/edited-by-hand.html", "<p>mine</p>");
    t.run(&["export", "cms", "--output", "cms"])
        .expect_code(2)
        .expect_stderr_contains("edited-by-hand.html");
    assert_eq!(t.read("cms/fragments/edited-by-hand.html"), "<p>mine</p>");
    // And the other way: a build never replaces an export.
    std::fs::remove_file(t.path("cms/fragments/edited-by-hand.html")).unwrap();
    let before = tree(&t.path("cms"));
    t.run(&["build", "--output", "cms"])
        .expect_code(2)
        .expect_stderr_contains("it holds a CMS export written by `redress export cms`");
    assert_eq!(tree(&t.path("cms")), before);
}

#[test]
fn a_broken_site_gives_the_builds_diagnostics_and_writes_nothing() {
    let t = SiteTest::fixture("check/answer-maybe");
    let build = t.build();
    build.expect_code(1);
    let export = t.run(&["export", "cms", "--output", "cms"]);
    export.expect_code(1);
    let diagnostics = |s: &str| -> String {
        s.lines()
            .filter(|l| {
                !l.starts_with("the site was not built") && !l.starts_with("nothing was exported")
            })
            .collect::<Vec<_>>()
            .join("\n")
    };
    assert_eq!(diagnostics(&export.stderr), diagnostics(&build.stderr));
    assert!(export.stderr.contains("comply = \"maybe\""));
    assert!(!t.path("cms").exists());
}

#[test]
fn the_help_teaches_with_examples() {
    let t = SiteTest::example();
    let run = t.run(&["export", "--help"]);
    run.expect_success();
    assert!(
        run.stdout.contains("Examples:")
            && run
                .stdout
                .contains("redress export cms --output cms-export")
    );
    let run = t.run(&["export", "cms", "--help"]);
    run.expect_success();
    for needle in [
        "Examples:",
        "--heading-level",
        "--charts",
        "[cms]",
        "index.html",
        "Exit status:",
    ] {
        assert!(run.stdout.contains(needle), "{needle}:\n{}", run.stdout);
    }
}
