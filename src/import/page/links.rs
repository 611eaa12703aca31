//! Links on a saved page: an address that leads off the page is kept as a markdown link, made absolute against
//! the address the page was saved from when the page says it (`<base>`, the canonical link, `og:url`).

use ego_tree::NodeRef;
use scraper::Node;

/// The address the page was saved from, to resolve relative links: `<base href>`, the canonical link, or
/// `og:url`.
pub(super) fn base_url(root: NodeRef<'_, Node>) -> Option<String> {
    root.descendants().find_map(|n| {
        let e = n.value().as_element()?;
        let url = match e.name() {
            "base" => e.attr("href"),
            "link"
                if e.attr("rel")
                    .is_some_and(|r| r.eq_ignore_ascii_case("canonical")) =>
            {
                e.attr("href")
            }
            "meta" if e.attr("property") == Some("og:url") => e.attr("content"),
            _ => None,
        }?;
        let url = url.trim();
        (url.starts_with("https://") || url.starts_with("http://")).then(|| url.to_string())
    })
}

/// A link's address made absolute, or `None` for an in-page link, a script, or a relative address with no base
/// to resolve it against (its text is kept; the address would be broken on another site).
pub(super) fn absolute(href: &str, base: Option<&str>) -> Option<String> {
    let lower = href.to_lowercase();
    if lower.starts_with("https://")
        || lower.starts_with("http://")
        || lower.starts_with("mailto:")
        || lower.starts_with("tel:")
    {
        return Some(href.to_string());
    }
    if href.is_empty()
        || href.starts_with('#')
        || lower.starts_with("javascript:")
        || lower.starts_with("data:")
    {
        return None;
    }
    let base = base?;
    let (scheme, rest) = base.split_once("://")?;
    let host = rest.split('/').next()?;
    if let Some(path) = href.strip_prefix("//") {
        return Some(format!("{scheme}://{path}"));
    }
    if href.starts_with('/') {
        return Some(format!("{scheme}://{host}{href}"));
    }
    let dir = match rest.rfind('/') {
        Some(i) if i > host.len() => &rest[..=i],
        _ => &rest[..host.len()],
    };
    let sep = if dir.ends_with('/') { "" } else { "/" };
    Some(format!("{scheme}://{dir}{sep}{href}"))
}
