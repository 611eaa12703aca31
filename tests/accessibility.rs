//! What the accessibility work of issue 5 promises, checked in the built HTML: the stress fixture builds, the
//! self-assessment page is easy to use without a script, the accessibility statement follows the model statement,
//! and a brand colour that fails contrast is adjusted with a warning. The browser audit (`audit/run.mjs`, run by
//! `.ci/run`) checks the same pages in Chromium.

mod common;

use common::{sel, text, SiteTest};

#[test]
fn the_stress_fixture_builds_with_every_provision_answered_no() {
    let t = SiteTest::fixture("sites/stress");
    t.build().expect_success();
    let sa = t.page("self-assessment.html");
    let rows: Vec<_> = sa.select(&sel("tr.rd-provision")).collect();
    assert_eq!(rows.len(), 72);
    assert!(rows
        .iter()
        .all(|r| r.value().attr("data-answer") == Some("no")));
    // Every provision is listed as not met, each linking to its own row.
    let links: Vec<String> = sa
        .select(&sel(".rd-not-met a"))
        .filter_map(|a| a.value().attr("href").map(str::to_string))
        .collect();
    assert_eq!(links.len(), 72);
    for href in &links {
        let id = href.trim_start_matches('#');
        assert_eq!(
            sa.select(&sel(&format!("tr[id=\"{id}\"]"))).count(),
            1,
            "{href} has no provision row"
        );
    }
    // 25 categories, and the year with no complaints divides by nothing.
    let perf = t.page("performance.html");
    assert_eq!(perf.select(&sel("#categories tbody tr")).count(), 25);
    let ch02 = perf
        .select(&sel("#ch02_trend tbody tr"))
        .map(text)
        .find(|r| r.starts_with("2023-24"))
        .expect("a 2023-24 row in CH02");
    assert!(ch02.contains("n/a"), "{ch02}");
}

#[test]
fn the_self_assessment_has_contents_a_filter_script_and_an_address_for_every_provision() {
    let t = SiteTest::example();
    t.build().expect_success();
    let html = t.page("self-assessment.html");
    // The filter is an enhancement: loaded with defer, and the page lists every provision without it.
    let script = html
        .select(&sel("head script[src]"))
        .next()
        .expect("the filter script");
    assert_eq!(script.value().attr("src"), Some("assets/filter.js"));
    assert!(script.value().attr("defer").is_some());
    assert!(t.path("public/assets/filter.js").is_file());
    assert_eq!(
        html.select(&sel("fieldset")).count(),
        0,
        "no filter without the script"
    );
    // The contents come before the first table and reach every section of the Code.
    let contents = html
        .select(&sel("nav.rd-contents#sa-contents"))
        .next()
        .expect("contents of the self-assessment");
    let targets: Vec<String> = contents
        .select(&sel("a"))
        .filter_map(|a| a.value().attr("href").map(str::to_string))
        .collect();
    for n in 1..=9 {
        assert!(targets.contains(&format!("#section-{n}")), "{targets:?}");
    }
    assert!(targets.contains(&"#not-met".to_string()));
    for href in &targets {
        let id = href.trim_start_matches('#');
        assert_eq!(
            html.select(&sel(&format!("[id=\"{id}\"]"))).count(),
            1,
            "{href}"
        );
    }
    // Each provision number links to the provision itself.
    for row in html.select(&sel("tr.rd-provision")) {
        let id = row.value().attr("id").unwrap();
        let link = row.select(&sel("th a")).next().unwrap();
        assert_eq!(link.value().attr("href"), Some(format!("#{id}").as_str()));
    }
    // Not met first: the list of provisions not fully met comes before the first section.
    let body = t.read("public/self-assessment.html");
    assert!(body.find("id=\"not-met\"").unwrap() < body.find("id=\"section-1\"").unwrap());
}

#[test]
fn the_accessibility_statement_follows_the_model_statement() {
    let t = SiteTest::example();
    t.build().expect_success();
    let html = t.page("accessibility.html");
    let headings: Vec<String> = html.select(&sel("main h2, main h3")).map(text).collect();
    for h in [
        "How accessible this website is",
        "Feedback and contact information",
        "Reporting accessibility problems with this website",
        "Enforcement procedure",
        "Technical information about this website's accessibility",
        "Compliance status",
        "Non-accessible content",
        "Non-compliance with the accessibility regulations",
        "Preparation of this accessibility statement",
    ] {
        assert!(headings.iter().any(|x| x == h), "no {h:?} in {headings:?}");
    }
    let main = text(html.select(&sel("main")).next().unwrap());
    // The example lists known issues, so it is partially compliant.
    assert!(main.contains("partially compliant"), "{main}");
    assert!(main.contains("prepared on 1 July 2026"), "{main}");

    // With no known issues it is fully compliant, and the optional fields appear.
    let t = SiteTest::fixture("sites/stress");
    t.build().expect_success();
    let html = t.page("accessibility.html");
    let main = text(html.select(&sel("main")).next().unwrap());
    assert!(main.contains("fully compliant"), "{main}");
    assert!(!main.contains("partially compliant"), "{main}");
    assert!(main.contains("prepared on 23 September 2024"), "{main}");
    assert!(main.contains("last tested on 15 June 2026"), "{main}");
    assert!(main.contains("Disproportionate burden"), "{main}");
    assert!(main.contains("not within the scope"), "{main}");
    assert!(main.contains("Digital Inclusion Team"), "{main}");
}

#[test]
fn a_mid_tone_brand_colour_darkens_the_header_and_says_so() {
    let t = SiteTest::example();
    let site = t.read("site.toml");
    let line = site
        .lines()
        .find(|l| l.starts_with("brand_colour"))
        .unwrap()
        .to_string();
    // Neither white (4.42:1) nor near-black (4.43:1) text reaches 4.5:1 on #787878.
    t.replace("site.toml", &line, "brand_colour = \"#787878\"");
    t.build()
        .expect_success()
        .expect_stderr_contains("brand_colour #787878 gives text on the header less than 4.5:1")
        .expect_stderr_contains("too light for links");
    let css = t.read("public/assets/settings.css");
    assert!(!css.contains("--rd-brand: #787878;"), "{css}");
    assert!(css.contains("--rd-brand-contrast: #ffffff;"), "{css}");
}
