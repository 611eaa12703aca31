//! Which elements of a page are its content, and which are not: unseen (scripts, styles, form controls, hidden
//! elements) or the site's chrome around the form (navigation, banner, footer, breadcrumb, cookie notice, skip
//! link, share buttons), known by element, ARIA role, or id and class names.

use ego_tree::NodeRef;
use scraper::node::Element;
use scraper::Node;

/// Elements whose content is never text a reader of the page sees.
pub(super) const UNSEEN: [&str; 16] = [
    "head", "script", "style", "noscript", "template", "svg", "math", "iframe", "object", "canvas",
    "button", "select", "input", "textarea", "option", "dialog",
];

/// Not shown: the `hidden` attribute, `aria-hidden="true"`, or an inline style that hides it.
pub(super) fn hidden(e: &Element) -> bool {
    let style = e
        .attr("style")
        .unwrap_or("")
        .to_lowercase()
        .replace(' ', "");
    e.attr("hidden").is_some()
        || e.attr("aria-hidden")
            .is_some_and(|v| v.trim().eq_ignore_ascii_case("true"))
        || style.contains("display:none")
        || style.contains("visibility:hidden")
}

pub(super) fn is_main(e: &Element) -> bool {
    e.name() == "main"
        || e.attr("role")
            .is_some_and(|r| r.eq_ignore_ascii_case("main"))
}

/// The site's furniture around the content: navigation, the banner and footer of the page (a `<header>` or
/// `<footer>` not inside an article or section, which would be that part's own), asides, and elements whose role,
/// id or class names a breadcrumb trail, a cookie notice, a skip link or share buttons.
pub(super) fn is_chrome(node: NodeRef<'_, Node>, e: &Element) -> bool {
    const ROLES: [&str; 5] = [
        "navigation",
        "banner",
        "contentinfo",
        "search",
        "complementary",
    ];
    const NAMES: [&str; 12] = [
        "breadcrumb",
        "breadcrumbs",
        "cookie",
        "cookies",
        "skiplink",
        "share",
        "sharing",
        "social",
        "skip link",
        "skip to",
        "back to top",
        "sharethis",
    ];
    let name = e.name();
    if matches!(name, "nav" | "aside") {
        return true;
    }
    if matches!(name, "header" | "footer") {
        let sectioned = node.ancestors().any(|a| {
            a.value().as_element().is_some_and(|p| {
                matches!(p.name(), "article" | "section" | "aside" | "main" | "nav")
            })
        });
        return !sectioned;
    }
    if e.attr("role")
        .is_some_and(|r| ROLES.contains(&r.trim().to_lowercase().as_str()))
    {
        return true;
    }
    // Each id and class name, in words: "govuk-skip-link" is "govuk skip link"; "shared-layout" is not "share".
    let names = format!(
        "{} {}",
        e.attr("id").unwrap_or(""),
        e.attr("class").unwrap_or("")
    );
    let chrome_name = names.split_whitespace().any(|n| {
        let words = n
            .to_lowercase()
            .split(|c: char| !c.is_ascii_alphanumeric())
            .filter(|w| !w.is_empty())
            .collect::<Vec<_>>()
            .join(" ");
        NAMES.iter().any(|k| {
            words == *k
                || words.starts_with(&format!("{k} "))
                || words.ends_with(&format!(" {k}"))
                || words.contains(&format!(" {k} "))
        })
    });
    if chrome_name {
        return true;
    }
    // A skip link: an in-page link that says "Skip to...".
    name == "a"
        && e.attr("href").is_some_and(|h| h.starts_with('#'))
        && text_of(node).trim().to_lowercase().starts_with("skip")
}

pub(super) fn find<'a>(
    root: NodeRef<'a, Node>,
    test: &dyn Fn(&Element) -> bool,
) -> Option<NodeRef<'a, Node>> {
    root.descendants()
        .find(|n| n.value().as_element().is_some_and(test))
}

pub(super) fn text_of(node: NodeRef<'_, Node>) -> String {
    node.descendants()
        .filter_map(|n| n.value().as_text().map(|t| t.to_string()))
        .collect()
}

pub(super) fn has_text(node: NodeRef<'_, Node>) -> bool {
    node.descendants().any(|n| {
        n.value().as_text().is_some_and(|t| !t.trim().is_empty())
            && !n.ancestors().any(|a| {
                a.value()
                    .as_element()
                    .is_some_and(|e| UNSEEN.contains(&e.name()))
            })
    })
}
