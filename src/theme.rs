//! The theme: how a built site looks, built in and overridable one file at a time.
//!
//! A theme has four parts (`themes/default/` in this repository):
//!
//! - `templates/`: Tera templates for the page shell (`base.html`), each page (`pages/`) and the parts a page shares
//!   with the whole-report page (`sections/`);
//! - `components/<name>/`: one folder per component (the headline figure, the table of figures, the chart, the
//!   provision card...): `<name>.html` holds its Tera macro, `<name>.css` its styles, `<name>.js` its script if it has
//!   one, and a README and `examples.toml` document it (those two stay in the repository: they are not built in);
//! - `styles/`: the stylesheet's layers that are not components (settings, base, layout, utilities, print);
//! - `static/`: copied into the site as they are.
//!
//! The built-in files are embedded by `build.rs`. A site that places a file at the same path under its own
//! `themes/<theme>/` replaces that one file; everything else keeps coming from the binary, so a site never has to
//! copy a whole theme to change its footer or one component's colours. Once the overrides are laid, the site's
//! `assets/style.css` is joined from the layers and the components' CSS ([`stylesheet`]), and each component's script
//! becomes `assets/<name>.js`; a site's own `static/assets/style.css` replaces the joined stylesheet whole.
//!
//! The error overlay of `redress serve` is a component too (`components/error-overlay/`), but it is drawn by the
//! preview server into pages it serves, never into a built site: its files are not joined or copied, and a site
//! cannot override them, so a broken theme can never break the overlay that reports it ([`overlay_script`]).

pub(crate) mod stylesheet;

use std::collections::BTreeMap;
use std::path::Path;

use anyhow::Result;

use crate::diagnostics::{Diagnostic, Diagnostics};

include!(concat!(env!("OUT_DIR"), "/theme_files.rs"));

/// The folder, under `components/`, of `redress serve`'s error overlay, whose files stay out of the built site.
pub(crate) const OVERLAY: &str = "error-overlay";

/// The folders of a theme, each with a trailing `/`.
const PARTS: [&str; 4] = ["templates/", "components/", "styles/", "static/"];

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
    /// Every file, sorted by path, with the files made from them (`static/assets/style.css`, the components'
    /// scripts under `static/assets/`).
    pub(crate) files: BTreeMap<String, ThemeFile>,
}

impl Theme {
    /// The built-in theme alone, as a site without a theme folder gets it.
    #[cfg(test)]
    pub(crate) fn built_in() -> Theme {
        let mut theme = Theme::embedded();
        // The built-in stylesheet's parts are checked by this module's tests, so there is nothing to report here.
        theme.derive(&mut Diagnostics::new());
        theme
    }

    /// The embedded files, before anything is made from them.
    fn embedded() -> Theme {
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

    /// The built-in theme with the files of `root/themes/<name>/` laid over it. Symlinks are not followed; files
    /// outside the theme's four folders, and files redress would not read, are reported, since they would otherwise
    /// be silently ignored.
    pub(crate) fn load(root: &Path, name: &str, diags: &mut Diagnostics) -> Result<Theme> {
        let mut theme = Theme::embedded();
        let dir = root.join("themes").join(name);
        if !dir.is_dir() {
            if name != "default" {
                diags.push(
                    Diagnostic::error(format!("the theme folder `themes/{name}` does not exist"))
                        .help("create it with the files you want to change, or remove `theme` from site.toml to use the built-in theme"),
                );
            }
            theme.derive(diags);
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
            // A component's README and examples document it; a site that copies a whole component folder copies
            // them too, and redress reads neither.
            if rel.starts_with("components/") && (fname == "README.md" || fname == "examples.toml")
            {
                continue;
            }
            let site_path = format!("themes/{name}/{rel}");
            let bytes = std::fs::read(entry.path())
                .map_err(|e| anyhow::anyhow!("failed to read `{}`: {e}", entry.path().display()))?;
            if let Some(unused) = unused(&rel) {
                // A copy of the built-in file changes nothing, so it is not worth a warning (this repository's own
                // themes/default/ is such a copy).
                let copy = theme.files.get(&rel).is_some_and(|f| f.bytes == bytes);
                if !copy {
                    diags.push(
                        Diagnostic::warning(format!("`{site_path}` is not used")).help(unused),
                    );
                }
                continue;
            }
            theme.files.insert(
                rel,
                ThemeFile {
                    bytes,
                    origin: Origin::Site(site_path),
                },
            );
        }
        theme.derive(diags);
        Ok(theme)
    }

    /// Makes the files the site gets from other theme files: `static/assets/style.css`, joined from the layers and
    /// the components' CSS (unless the site gives its own), and `static/assets/<name>.js` from each component's
    /// script.
    fn derive(&mut self, diags: &mut Diagnostics) {
        let scripts: Vec<(String, ThemeFile)> = self
            .components()
            .into_iter()
            .filter(|c| *c != OVERLAY)
            .filter_map(|c| {
                let file = self.files.get(&format!("components/{c}/{c}.js"))?;
                Some((format!("static/assets/{c}.js"), file.clone()))
            })
            .collect();
        for (path, file) in scripts {
            self.files.entry(path).or_insert(file);
        }
        const STYLE: &str = "static/assets/style.css";
        if let Some(own) = self.files.get(STYLE) {
            let own = own.display_name(STYLE);
            for part in stylesheet::parts(self) {
                if let Some(file) = self.files.get(&part) {
                    if let Origin::Site(p) = &file.origin {
                        diags.push(
                            Diagnostic::warning(format!("`{p}` is not used"))
                                .help(format!("`{own}` replaces the whole stylesheet, so the files it is usually joined from are not read; change that file instead, or delete it to have redress join the stylesheet again")),
                        );
                    }
                }
            }
            return;
        }
        let bytes = stylesheet::join(self, diags);
        self.files.insert(
            STYLE.into(),
            ThemeFile {
                bytes,
                origin: Origin::BuiltIn,
            },
        );
    }

    /// The names of the components: each folder under `components/`, sorted.
    pub(crate) fn components(&self) -> Vec<&str> {
        let mut names: Vec<&str> = self
            .files
            .keys()
            .filter_map(|k| k.strip_prefix("components/")?.split_once('/'))
            .map(|(name, _)| name)
            .collect();
        names.dedup();
        names
    }

    /// Templates: `(Tera name, file)`. A page template's name is its path under `templates/` (`pages/home.html`);
    /// a component's is its path in the theme (`components/tag/tag.html`), which is what templates import.
    pub(crate) fn templates(&self) -> impl Iterator<Item = (&str, &ThemeFile)> {
        self.files.iter().filter_map(|(k, v)| {
            let name = k
                .strip_prefix("templates/")
                .or_else(|| (k.starts_with("components/") && k.ends_with(".html")).then_some(k))?;
            Some((name, v))
        })
    }

    /// Static files: `(output path, file)`.
    pub(crate) fn statics(&self) -> impl Iterator<Item = (&str, &ThemeFile)> {
        self.files
            .iter()
            .filter_map(|(k, v)| k.strip_prefix("static/").map(|n| (n, v)))
    }
}

/// The path in the theme of the template Tera knows as `name`, for messages.
pub(crate) fn template_path(name: &str) -> String {
    if name.starts_with("components/") {
        name.to_string()
    } else {
        format!("templates/{name}")
    }
}

/// Why a site's theme file at `rel` is not read, or `None` when it is.
fn unused(rel: &str) -> Option<String> {
    if !PARTS.iter().any(|p| rel.starts_with(p)) {
        return Some("theme files go under templates/ (Tera templates), components/ (one folder per component), styles/ (the stylesheet's layers) or static/ (copied into the site as they are)".into());
    }
    if rel.starts_with(&format!("components/{OVERLAY}/")) {
        return Some("the error overlay belongs to `redress serve`, not to your site: it always uses the built-in files, so that a broken theme cannot hide the errors".into());
    }
    if rel.starts_with("templates/components/") {
        return Some("templates/components/ would shadow the components' own templates; put a component's files under components/<name>/ instead".into());
    }
    None
}

/// The error overlay of `redress serve`, as one script: its markup (`error-overlay.html`, a Tera-free partial) and
/// its styles (`error-overlay.css`) as strings, then its behaviour (`error-overlay.js`, which defines
/// `createOverlay(markup, css)`). The built-in files only: the overlay reports a broken theme, so it must never
/// depend on one. The preview server and the component gallery both show the overlay through this.
pub(crate) fn overlay_script() -> String {
    let file = |ext: &str| {
        let path = format!("components/{OVERLAY}/{OVERLAY}.{ext}");
        FILES
            .iter()
            .find(|(p, _)| *p == path)
            .map_or(String::new(), |(_, b)| {
                String::from_utf8_lossy(b).into_owned()
            })
    };
    // As JSON strings, with `<` escaped so the script can sit inside an HTML <script> element.
    let string = |s: String| {
        serde_json::Value::String(s)
            .to_string()
            .replace('<', "\\u003c")
    };
    format!(
        "var OVERLAY_MARKUP = {};\nvar OVERLAY_CSS = {};\n{}",
        string(file("html")),
        string(file("css")),
        file("js")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn built_in_theme_has_a_base_template_and_a_joined_stylesheet() {
        let t = Theme::built_in();
        assert!(t.files.contains_key("templates/base.html"));
        let css = String::from_utf8(t.files["static/assets/style.css"].bytes.clone()).unwrap();
        assert!(
            css.contains(".rd-tag--no"),
            "the tag component's CSS is joined"
        );
        assert!(css.contains(".rd-width"), "the layout layer is joined");
        assert!(t.files.contains_key("static/assets/filter.js"));
    }

    #[test]
    fn the_overlay_stays_out_of_the_site() {
        let t = Theme::built_in();
        let css = String::from_utf8(t.files["static/assets/style.css"].bytes.clone()).unwrap();
        assert!(
            !css.contains("rd-overlay"),
            "the overlay's CSS is not joined"
        );
        assert!(!t.statics().any(|(p, _)| p.contains(OVERLAY)));
        let script = overlay_script();
        assert!(script.contains("function createOverlay"), "{script}");
        assert!(script.contains(".rd-overlay::backdrop"));
        assert!(
            !script.contains("</"),
            "the script can sit in an HTML <script> element"
        );
    }

    #[test]
    fn component_templates_are_named_by_their_path() {
        let t = Theme::built_in();
        let names: Vec<&str> = t.templates().map(|(n, _)| n).collect();
        assert!(names.contains(&"base.html"));
        assert!(names.contains(&"components/tag/tag.html"));
        assert_eq!(
            template_path("components/tag/tag.html"),
            "components/tag/tag.html"
        );
        assert_eq!(
            template_path("pages/home.html"),
            "templates/pages/home.html"
        );
    }
}
