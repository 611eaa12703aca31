//! Charts: each SVG is an accessible image whose text agrees with the data, beside a table of the same figures.

mod common;

use common::{one_decimal, sel, text, tree, SiteTest};

/// Each page's charts, by the id of the table each is drawn from and shown beside.
const CHART_PAGES: [(&str, &[&str]); 3] = [
    (
        "performance.html",
        &[
            "ch01_trend",
            "ch02_trend",
            "tp09",
            "categories",
            "outcomes",
            "refusals",
        ],
    ),
    ("ombudsman.html", &["findings"]),
    ("index.html", &["ch02_trend"]),
];

#[test]
fn every_chart_is_an_accessible_image_beside_its_table() {
    let t = SiteTest::example();
    t.build().expect_success();
    for (page, ids) in CHART_PAGES {
        let html = t.page(page);
        for id in ids {
            let fig = html
                .select(&sel(&format!("section.rd-figure#{id}")))
                .next()
                .unwrap_or_else(|| panic!("{page}: no figure {id}"));
            let svgs: Vec<_> = fig.select(&sel("svg")).collect();
            assert_eq!(svgs.len(), 2, "{page} {id}: a narrow and a wide drawing");
            for svg in svgs {
                let a = svg.value();
                assert_eq!(a.attr("role"), Some("img"), "{page} {id}");
                assert!(a.attr("viewBox").is_some(), "{page} {id}: no viewBox");
                let title_id = a.attr("aria-labelledby").unwrap();
                let desc_id = a.attr("aria-describedby").unwrap();
                let title = text(
                    svg.select(&sel(&format!("title#{title_id}")))
                        .next()
                        .expect("title"),
                );
                let desc = text(
                    svg.select(&sel(&format!("desc#{desc_id}")))
                        .next()
                        .expect("desc"),
                );
                assert!(
                    !title.is_empty() && desc.len() > 20,
                    "{page} {id}: {title:?} {desc:?}"
                );
            }
            // The same figures in a table right beside it, with its CSV.
            assert!(
                fig.select(&sel("table caption")).next().is_some(),
                "{page} {id}: no table"
            );
            assert!(
                fig.select(&sel(&format!("a[href=\"data/{id}.csv\"]")))
                    .next()
                    .is_some(),
                "{page} {id}: no CSV link"
            );
        }
    }
}

/// Every text of an SVG, in order.
fn svg_texts(svg: scraper::ElementRef<'_>) -> Vec<String> {
    svg.select(&sel("text")).map(text).collect()
}

#[test]
fn chart_labels_and_descriptions_match_the_counts() {
    let t = SiteTest::example();
    t.build().expect_success();
    let perf = t.performance();
    let years = perf["years"].as_array().unwrap();
    let html = t.page("performance.html");
    let wide = html
        .select(&sel("#ch02_trend svg.rd-chart__svg--wide"))
        .next()
        .unwrap();
    let texts = svg_texts(wide);
    let desc = text(wide.select(&sel("desc")).next().unwrap());
    let ch02 = |y: &toml::Value, tenure: &str| {
        let s1 = y[tenure]["stage1"].as_table().unwrap();
        one_decimal(
            s1["within_timescale"].as_integer().unwrap() as u64,
            s1["responded"].as_integer().unwrap() as u64,
            100,
        )
    };
    for y in years {
        let label = y["label"].as_str().unwrap();
        for tenure in ["lcra", "lcho"] {
            let figure = ch02(y, tenure);
            assert!(
                desc.contains(&format!("{figure}% in {label}")),
                "desc lacks {tenure} {figure}% in {label}: {desc}"
            );
        }
        assert!(texts.iter().any(|s| s == label), "no axis label {label}");
    }
    let last = years.last().unwrap();
    let last_figure = ch02(last, "lcra");
    assert!(
        texts
            .iter()
            .any(|s| s == &format!("LCRA stage 1 {last_figure}%")),
        "no direct label: {texts:?}"
    );
    assert!(texts.iter().any(|s| s == "The Code expects 100%"));
    // The title states the finding, from the data, for the tenure with most homes, and says which it is.
    let title = text(
        html.select(&sel("#ch02_trend .rd-chart__title"))
            .next()
            .unwrap(),
    );
    assert!(title.contains(&format!("to {last_figure}%")), "{title}");
    assert!(title.contains("low-cost rental (LCRA)"), "{title}");
}

#[test]
fn bar_charts_start_at_zero_and_carry_every_value() {
    let t = SiteTest::example();
    t.build().expect_success();
    let perf = t.performance();
    let last = perf["years"].as_array().unwrap().last().unwrap();
    let html = t.page("performance.html");
    for size in ["narrow", "wide"] {
        let svg = html
            .select(&sel(&format!("#categories svg.rd-chart__svg--{size}")))
            .next()
            .unwrap();
        let texts = svg_texts(svg);
        for c in last["categories"].as_array().unwrap() {
            let n = c["stage1"].as_integer().unwrap();
            assert!(
                texts.iter().any(|s| s == &n.to_string()),
                "{size}: no value {n} in {texts:?}"
            );
        }
        // Every bar starts at the same x: zero.
        let xs: std::collections::BTreeSet<&str> = svg
            .select(&sel("rect"))
            .filter(|r| r.value().attr("fill") != Some("#FFFFFF"))
            .filter_map(|r| r.value().attr("x"))
            .collect();
        assert_eq!(
            xs.len(),
            1,
            "{size}: bars start at different places: {xs:?}"
        );
    }
}

#[test]
fn a_chart_with_no_data_says_so_instead_of_drawing_an_empty_frame() {
    let t = SiteTest::fixture("sites/zero-complaints");
    t.build().expect_success();
    let html = t.page("performance.html");
    // (Refusals: the whole part is replaced by a sentence; see tests/build.rs.)
    for id in ["categories", "ch02_trend", "outcomes", "ch01_trend"] {
        let fig = html.select(&sel(&format!("#{id}"))).next().unwrap();
        assert_eq!(
            fig.select(&sel("svg")).count(),
            0,
            "{id}: drew an empty chart"
        );
        assert!(
            fig.select(&sel(".rd-chart .rd-inset")).next().is_some(),
            "{id}: no words instead"
        );
    }
}

#[test]
fn a_site_can_override_a_chart_title_and_unknown_ids_are_errors() {
    let t = SiteTest::example();
    let site = t.read("site.toml");
    t.write(
        "site.toml",
        &format!(
            "{site}\n[charts]\nch01 = \"More complaints, because we made it easier to complain\"\n"
        ),
    );
    t.build().expect_success();
    let html = t.page("performance.html");
    assert_eq!(
        text(
            html.select(&sel("#ch01_trend .rd-chart__title"))
                .next()
                .unwrap()
        ),
        "More complaints, because we made it easier to complain"
    );
    t.write("site.toml", &format!("{site}\n[charts]\nch1 = \"x\"\n"));
    t.build()
        .expect_code(1)
        .expect_stderr_contains("there is no chart called `ch1`")
        .expect_stderr_contains("did you mean `ch01`?");
}

#[test]
fn charts_are_byte_identical_across_builds() {
    let t = SiteTest::example();
    t.build().expect_success();
    t.run(&["build", "--output", "again"]).expect_success();
    assert_eq!(tree(&t.path("public")), tree(&t.path("again")));
}
