//! Relative links. Every page is written at the top of the output folder, so a link from any page is the target's
//! own path; keeping that rule here means a nested page later changes one function, not every template.

/// The path of a table's download: `data/<id>.<ext>`.
pub(crate) fn download(id: &str, ext: &str) -> String {
    format!("data/{id}.{ext}")
}

/// The relative prefix from a page at `path` back to the root of the site: `""` for `index.html`, `"../"` for
/// `a/b.html`.
pub(crate) fn root_prefix(path: &str) -> String {
    "../".repeat(path.matches('/').count())
}

#[cfg(test)]
mod tests {
    use super::root_prefix;

    #[test]
    fn root_prefix_climbs_one_level_per_folder() {
        assert_eq!(root_prefix("index.html"), "");
        assert_eq!(root_prefix("guides/a.html"), "../");
        assert_eq!(root_prefix("archive/2024-25/index.html"), "../../");
    }
}
