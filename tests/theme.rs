//! The theme as a site sees it: one file overridden at a time (a page template, a component's macro, a component's
//! CSS, the whole stylesheet), the stylesheet joined from the theme's files, and a broken override reported with
//! its file, line and column rather than published.

mod common;

use common::{repo, sel, text, tree, SiteTest};

const ROUTE: &str = "themes/default/components/complaint-route/complaint-route.html";
const TAG_CSS: &str = "themes/default/components/tag/tag.css";

#[test]
fn a_site_overrides_one_component_template_and_the_others_stay_built_in() {
    let t = SiteTest::example();
    t.write(
        ROUTE,
        "{% macro complaint_route(landlord, contact, root) %}<aside class=\"rd-complaint-route\" aria-label=\"Complain\"><h2>Tell us</h2><p>Call {{ contact.phone }}</p></aside>{% endmacro complaint_route %}\n",
    );
    t.build().expect_success();
    let html = t.page("index.html");
    assert_eq!(
        text(html.select(&sel(".rd-complaint-route h2")).next().unwrap()),
        "Tell us"
    );
    // Every page has the site's version, and the other components are still the built-in ones.
    let perf = t.page("performance.html");
    assert_eq!(
        perf.select(&sel(".rd-complaint-route h2"))
            .map(text)
            .collect::<Vec<_>>(),
        ["Tell us"]
    );
    assert!(perf
        .select(&sel("section.rd-figure .rd-downloads"))
        .next()
        .is_some());
}

#[test]
fn a_broken_component_template_is_an_error_naming_its_line() {
    let t = SiteTest::example();
    t.write(
        ROUTE,
        "{% macro complaint_route(landlord, contact, root) %}\n<aside>\n<p>{% if %}</p>\n</aside>\n{% endmacro complaint_route %}\n",
    );
    t.build()
        .expect_code(1)
        .expect_stderr_contains(&format!("--> {ROUTE}:3:"));
    assert!(!t.path("public").exists(), "nothing is published");
    t.write(
        ROUTE,
        "{% macro complaint_route(landlord, contact, root) %}\n<aside>\n{{ contact.phone | nosuchfilter }}\n</aside>\n{% endmacro complaint_route %}\n",
    );
    t.build()
        .expect_code(1)
        .expect_stderr_contains(&format!("{ROUTE}:3:"));
}

#[test]
fn a_site_overrides_one_components_css_and_the_stylesheet_is_joined_around_it() {
    let t = SiteTest::example();
    let built_in = std::fs::read_to_string(repo().join(TAG_CSS)).unwrap();
    t.write(
        TAG_CSS,
        "@layer components {\n  .rd-tag {\n    border-radius: 1em;\n  }\n}\n",
    );
    t.build().expect_success();
    let css = t.read("public/assets/style.css");
    assert!(
        css.contains("border-radius: 1em;"),
        "the site's tag CSS is in"
    );
    assert!(
        !css.contains(built_in.trim()),
        "the built-in tag CSS is out"
    );
    // The other parts are there, in order, with the site's part in the tag's place.
    let at = |part: &str| {
        css.find(&format!("/* ---- {part} ---- */"))
            .unwrap_or_else(|| panic!("no {part} in the stylesheet"))
    };
    assert!(at("styles/settings.css") < at("components/table/table.css"));
    assert!(at("components/table/table.css") < at("components/tag/tag.css"));
    assert!(at("components/tag/tag.css") < at("styles/print.css"));
    assert!(css.contains(".rd-summary-list__row"));
}

#[test]
fn a_broken_components_css_is_an_error_naming_its_file_line_and_column() {
    let t = SiteTest::example();
    t.write(
        TAG_CSS,
        "@layer components {\n  .rd-tag {\n    color: red;\n\n  .rd-tag--no {\n    color: blue;\n  }\n}\n",
    );
    let run = t.build();
    run.expect_code(1)
        .expect_stderr_contains("this stylesheet has a `{` that is never closed")
        .expect_stderr_contains(&format!("--> {TAG_CSS}:1:19"))
        .expect_stderr_contains("add the missing `}`");
    // The one error, not a knock-on complaint about a missing stylesheet.
    assert!(run.stderr.contains("1 error"), "{}", run.stderr);
    assert!(
        !run.stderr.contains("not part of the site"),
        "{}",
        run.stderr
    );
    assert!(!t.path("public").exists(), "nothing is published");
    t.write(
        TAG_CSS,
        "@layer components {\n  .rd-tag { color: red; }\n}\n}\n",
    );
    t.build()
        .expect_code(1)
        .expect_stderr_contains("has a `}` that closes nothing")
        .expect_stderr_contains(&format!("--> {TAG_CSS}:4:1"));
}

#[test]
fn a_sites_own_stylesheet_replaces_the_joined_one_and_its_parts_are_said_to_be_unused() {
    let t = SiteTest::example();
    t.write(
        "themes/default/static/assets/style.css",
        "body { color: black; }\n",
    );
    t.write(TAG_CSS, "@layer components { .rd-tag { color: red; } }\n");
    t.build()
        .expect_success()
        .expect_stderr_contains(&format!("`{TAG_CSS}` is not used"))
        .expect_stderr_contains("replaces the whole stylesheet");
    assert_eq!(
        t.read("public/assets/style.css"),
        "body { color: black; }\n"
    );
}

#[test]
fn the_error_overlay_cannot_be_overridden() {
    let t = SiteTest::example();
    let css = "themes/default/components/error-overlay/error-overlay.css";
    t.write(css, ".rd-overlay { display: none; }\n");
    t.build()
        .expect_success()
        .expect_stderr_contains(&format!("`{css}` is not used"))
        .expect_stderr_contains("belongs to `redress serve`");
    assert!(!t.read("public/assets/style.css").contains("rd-overlay"));
    // A whole component folder copied from the repository brings its README and examples: not worth a warning.
    t.remove(css);
    t.write("themes/default/components/tag/README.md", "# Tag\n");
    t.write("themes/default/components/tag/examples.toml", "");
    let run = t.build();
    run.expect_success();
    assert!(!run.stderr.contains("is not used"), "{}", run.stderr);
}

#[test]
fn the_joined_stylesheet_is_byte_identical_across_builds_and_holds_every_component() {
    let t = SiteTest::example();
    t.build().expect_success();
    t.run(&["build", "--output", "again"]).expect_success();
    assert_eq!(tree(&t.path("public")), tree(&t.path("again")));
    let css = t.read("public/assets/style.css");
    let lines: Vec<&str> = css.lines().collect();
    assert_eq!(
        lines[1], "@layer settings, base, layout, components, utilities, print;",
        "the layers' order comes first"
    );
    for entry in std::fs::read_dir(repo().join("themes/default/components")).unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().into_owned();
        let part = format!("components/{name}/{name}.css");
        if name == "error-overlay" || !repo().join("themes/default").join(&part).is_file() {
            continue;
        }
        assert!(
            css.contains(&format!("/* ---- {part} ---- */")),
            "{part} is not in assets/style.css"
        );
    }
    // A component's script is published beside the stylesheet.
    assert!(t.path("public/assets/filter.js").is_file());
}

#[test]
fn every_broken_template_is_reported_not_only_the_first() {
    let t = SiteTest::example();
    t.write(
        ROUTE,
        "{% macro complaint_route(landlord, contact, root) %}\n{% if %}\n{% endmacro complaint_route %}\n",
    );
    let tag = "themes/default/components/tag/tag.html";
    t.write(
        tag,
        "{% macro tag(text, modifier=\"\") %}\n\n{{ text }\n{% endmacro tag %}\n",
    );
    t.build()
        .expect_code(1)
        .expect_stderr_contains(&format!("--> {ROUTE}:2:"))
        .expect_stderr_contains(&format!("--> {tag}:3:"))
        .expect_stderr_contains("2 errors");
}
