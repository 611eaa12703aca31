//! The navigation and the index of other pages: every page lists the report's own pages and one link to the index,
//! however many extra pages (`content/NAME.md`) a site has, and the index lists them under the headings the site
//! chose with `group`. Checked the way a reader meets them: the parsed pages' links and headings.

mod common;

use common::{sel, text, SiteTest};

/// An extra page with the given front matter lines.
fn extra(t: &SiteTest, slug: &str, front: &str) {
    t.write(
        &format!("content/{slug}.md"),
        &format!("+++\n{front}\n+++\nThe text of {slug}.\n"),
    );
}

/// The navigation's links on a page: (label, href).
fn nav(t: &SiteTest, page: &str) -> Vec<(String, String)> {
    t.page(page)
        .select(&sel("nav.rd-nav a"))
        .map(|a| (text(a), a.value().attr("href").unwrap_or("").to_string()))
        .collect()
}

/// The example with `n` extra pages in the group "Case studies", besides its own "About this report".
fn with_case_studies(n: usize) -> SiteTest {
    let t = SiteTest::example();
    for i in 1..=n {
        extra(
            &t,
            &format!("case-{i:03}"),
            &format!("title = \"Case study {i}\"\ngroup = \"Case studies\""),
        );
    }
    t
}

#[test]
fn the_navigation_lists_the_reports_pages_and_one_link_to_the_index() {
    let t = with_case_studies(3);
    t.build().expect_success();
    let expected: Vec<(&str, &str)> = vec![
        ("Home", "index.html"),
        ("Performance", "performance.html"),
        ("Self-assessment", "self-assessment.html"),
        ("Learning", "learning.html"),
        ("Ombudsman", "ombudsman.html"),
        ("Board's response", "governing-body-response.html"),
        ("Full report", "report.html"),
        ("Data", "data.html"),
        ("Other pages", "pages.html"),
    ];
    for page in [
        "index.html",
        "about-this-report.html",
        "case-002.html",
        "pages.html",
    ] {
        let got = nav(&t, page);
        let got: Vec<(&str, &str)> = got.iter().map(|(l, h)| (l.as_str(), h.as_str())).collect();
        assert_eq!(got, expected, "the navigation of {page}");
    }
}

#[test]
fn a_page_is_the_same_bytes_however_many_other_pages_the_site_has() {
    let few = with_case_studies(2);
    let many = with_case_studies(40);
    few.build().expect_success();
    many.build().expect_success();
    for page in [
        "index.html",
        "performance.html",
        "self-assessment.html",
        "report.html",
        "case-001.html",
        "about-this-report.html",
    ] {
        assert!(
            few.read(&format!("public/{page}")) == many.read(&format!("public/{page}")),
            "{page} changed when 38 more pages were added to the site"
        );
    }
    assert_ne!(
        few.read("public/pages.html"),
        many.read("public/pages.html"),
        "the index lists every page"
    );
}

#[test]
fn the_index_lists_report_parts_first_then_each_group_in_the_order_of_its_first_page() {
    let t = SiteTest::example();
    extra(&t, "repairs", "title = \"Repairs\"\ngroup = \"Case studies\"\norder = 2\ndescription = \"A repair done twice.\"");
    extra(
        &t,
        "news-one",
        "title = \"New phone line\"\ngroup = \"News\"\norder = 1",
    );
    extra(
        &t,
        "damp",
        "title = \"Damp\"\ngroup = \"Case studies\"\norder = 3",
    );
    t.build().expect_success();
    let index = t.page("pages.html");
    let headings: Vec<String> = index.select(&sel("main h2")).map(text).collect();
    assert_eq!(headings, ["Also in this report", "News", "Case studies"]);
    let lists: Vec<Vec<(String, String)>> = index
        .select(&sel("main dl"))
        .map(|dl| {
            dl.select(&sel("dt a"))
                .map(|a| (text(a), a.value().attr("href").unwrap().to_string()))
                .collect()
        })
        .collect();
    let pair = |l: &str, h: &str| (l.to_string(), h.to_string());
    assert_eq!(
        lists,
        [
            vec![pair("About this report", "about-this-report.html")],
            vec![pair("New phone line", "news-one.html")],
            vec![pair("Repairs", "repairs.html"), pair("Damp", "damp.html")],
        ]
    );
    assert!(text(index.select(&sel("main")).next().unwrap()).contains("A repair done twice."));

    // A page with a group is a page of the website beside the report: not in the full report, nor among the
    // report's parts on the home page. A page without one is part of the report.
    let report = t.read("public/report.html");
    assert!(report.contains("id=\"part-about-this-report\""));
    assert!(!report.contains("part-repairs") && !report.contains("part-damp"));
    let home = t.page("index.html");
    let parts: Vec<String> = home
        .select(&sel("dl.rd-summary-list dt a"))
        .map(text)
        .collect();
    assert!(
        parts.contains(&"About this report".to_string()),
        "{parts:?}"
    );
    assert!(!parts.contains(&"Repairs".to_string()), "{parts:?}");
}

#[test]
fn an_extra_page_s_breadcrumbs_lead_through_the_index() {
    let t = with_case_studies(1);
    t.build().expect_success();
    let page = t.page("case-001.html");
    let crumbs: Vec<(String, Option<String>)> = page
        .select(&sel("nav.rd-breadcrumbs li"))
        .map(|li| {
            (
                text(li),
                li.select(&sel("a"))
                    .next()
                    .and_then(|a| a.value().attr("href"))
                    .map(str::to_string),
            )
        })
        .collect();
    assert_eq!(
        crumbs,
        [
            ("Home".to_string(), Some("index.html".to_string())),
            ("Other pages".to_string(), Some("pages.html".to_string())),
            ("Case study 1".to_string(), None),
        ]
    );
    // The skip link and the complaint route stay on every page.
    assert_eq!(page.select(&sel("a.rd-skip-link[href='#main']")).count(), 1);
    assert_eq!(page.select(&sel("aside.rd-complaint-route")).count(), 1);
}

#[test]
fn a_site_without_extra_pages_has_no_index_and_no_link_to_one() {
    let t = SiteTest::example();
    t.remove("content/about-this-report.md");
    t.build().expect_success();
    assert!(!t.path("public/pages.html").exists());
    assert!(nav(&t, "index.html").iter().all(|(_, h)| h != "pages.html"));
}

#[test]
fn an_empty_group_is_an_error_at_the_key_and_a_group_on_the_introduction_a_warning() {
    let t = SiteTest::example();
    extra(&t, "case", "title = \"Case\"\ngroup = \" \"");
    t.replace(
        "content/introduction.md",
        "title = \"Introduction\"",
        "title = \"Introduction\"\ngroup = \"News\"",
    );
    let run = t.build();
    run.expect_code(1)
        .expect_stderr_contains("error: this page's group has no name\n --> content/case.md:3:9")
        .expect_stderr_contains(
            "warning: `group` has no effect on `content/introduction.md`: it is always part of the report\n --> content/introduction.md:3:9",
        );
}

#[test]
fn a_content_file_cannot_take_the_index_s_name() {
    let t = SiteTest::example();
    extra(&t, "pages", "title = \"Pages\"");
    t.build()
        .expect_code(1)
        .expect_stderr_contains("`content/pages.md` would replace one of the report's own pages");
}
