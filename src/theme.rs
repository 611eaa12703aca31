//! The theme: Tera templates under `templates/` and static files under `static/`, built in and overridable one file
//! at a time.
//!
//! The built-in files (`themes/default/` in this repository) are embedded by `build.rs`. A site that places a file
//! at the same path under its own `themes/<theme>/` replaces that one file; everything else keeps coming from the
//! binary, so a site never has to copy a whole theme to change its footer.

use std::collections::BTreeMap;
use std::path::Path;

use anyhow::Result;

use crate::diagnostics::{Diagnostic, Diagnostics};

include!(concat!(env!("OUT_DIR"), "/theme_files.rs"));

/// Where a theme file came from, for messages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Origin {
    /// Embedded in redress.
    BuiltIn,
    /// The site's override, with its path relative to the site root.
    Site(String),
}

/// One theme file.
#[derive(Debug, Clone)]
pub(crate) struct ThemeFile {
    /// Contents.
    pub(crate) bytes: Vec<u8>,
    /// Where it came from.
    pub(crate) origin: Origin,
}

impl ThemeFile {
    /// The name shown in messages: the site path, or `built-in theme: templates/base.html`.
    pub(crate) fn display_name(&self, rel: &str) -> String {
        match &self.origin {
            Origin::BuiltIn => format!("built-in theme: {rel}"),
            Origin::Site(p) => p.clone(),
        }
    }
}

/// The merged theme: built-in files with the site's overrides laid over them, keyed by relative path.
#[derive(Debug, Clone)]
pub(crate) struct Theme {
    /// Every file, sorted by path.
    pub(crate) files: BTreeMap<String, ThemeFile>,
}

impl Theme {
    /// The built-in theme alone.
    pub(crate) fn built_in() -> Theme {
        let files = FILES
            .iter()
            .map(|(path, bytes)| {
                (
                    path.to_string(),
                    ThemeFile {
                        bytes: bytes.to_vec(),
                        origin: Origin::BuiltIn,
                    },
                )
            })
            .collect();
        Theme { files }
    }

    /// The built-in theme with the files of `root/themes/<name>/` laid over it. Symlinks are not followed, and files
    /// that are not under `templates/` or `static/` are reported, since they would otherwise be silently ignored.
    pub(crate) fn load(root: &Path, name: &str, diags: &mut Diagnostics) -> Result<Theme> {
        let mut theme = Theme::built_in();
        let dir = root.join("themes").join(name);
        if !dir.is_dir() {
            if name != "default" {
                diags.push(
                    Diagnostic::error(format!("the theme folder `themes/{name}` does not exist"))
                        .help("create it with the files you want to change, or remove `theme` from site.toml to use the built-in theme"),
                );
            }
            return Ok(theme);
        }
        for entry in walkdir::WalkDir::new(&dir).sort_by_file_name() {
            let entry =
                entry.map_err(|e| anyhow::anyhow!("failed to list `{}`: {e}", dir.display()))?;
            if !entry.file_type().is_file() {
                continue;
            }
            let fname = entry.file_name().to_string_lossy();
            if fname.starts_with('.') || fname.ends_with('~') || fname.ends_with(".swp") {
                continue;
            }
            let rel = crate::fs::display_relative(&dir, entry.path());
            let site_path = format!("themes/{name}/{rel}");
            if !(rel.starts_with("templates/") || rel.starts_with("static/")) {
                diags.push(
                    Diagnostic::warning(format!("`{site_path}` is not used"))
                        .help("theme files go under templates/ (Tera templates) or static/ (copied into the site as they are)"),
                );
                continue;
            }
            let bytes = std::fs::read(entry.path())
                .map_err(|e| anyhow::anyhow!("failed to read `{}`: {e}", entry.path().display()))?;
            theme.files.insert(
                rel,
                ThemeFile {
                    bytes,
                    origin: Origin::Site(site_path),
                },
            );
        }
        Ok(theme)
    }

    /// Templates: `(name without the templates/ prefix, file)`.
    pub(crate) fn templates(&self) -> impl Iterator<Item = (&str, &ThemeFile)> {
        self.files
            .iter()
            .filter_map(|(k, v)| k.strip_prefix("templates/").map(|n| (n, v)))
    }

    /// Static files: `(output path, file)`.
    pub(crate) fn statics(&self) -> impl Iterator<Item = (&str, &ThemeFile)> {
        self.files
            .iter()
            .filter_map(|(k, v)| k.strip_prefix("static/").map(|n| (n, v)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn built_in_theme_has_a_base_template_and_stylesheet() {
        let t = Theme::built_in();
        assert!(t.files.contains_key("templates/base.html"));
        assert!(t.files.contains_key("static/assets/style.css"));
    }
}
