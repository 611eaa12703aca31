//! `assets/style.css`, joined from the theme's files in one fixed order.
//!
//! The stylesheet is layered as govuk-frontend's is (ITCSS): settings, base, layout, components, utilities, print.
//! Each layer that is not a component is a file of its own under `styles/`; each component's CSS sits in its
//! folder. Joining them when the site is built, after the site's overrides are laid, lets a site change one
//! component's CSS without copying the rest, while every page still loads one stylesheet.
//!
//! The order is: `styles/settings.css`, `styles/base.css`, `styles/layout.css`, then every
//! `components/<name>/<name>.css` in alphabetical order of `<name>`, then `styles/utilities.css` and
//! `styles/print.css`. The joined file opens with the `@layer` statement that fixes the layers' precedence, so a
//! rule's layer, not the file it sits in, decides what wins: a component may put its forced-colours rules in
//! `utilities` and its paper rules in `print`. Within the components layer no component may depend on coming after
//! another (alphabetical order says nothing about the page), which keeps each component's file self-contained.
//!
//! A part with an unclosed `{`, comment or string would swallow every rule after it, from every file joined later,
//! and fail silently in the browser; so each part is checked first, and a broken one is an error that names its
//! file, line and column.

use std::ops::Range;

use super::{Theme, OVERLAY};
use crate::diagnostics::{Diagnostic, Diagnostics, SourceFile};

/// The cascade layers, in order of precedence, lowest first: the first statement of the joined stylesheet.
pub(crate) const LAYERS: &str = "@layer settings, base, layout, components, utilities, print;";

/// The layer files joined before the components' CSS.
const BEFORE: [&str; 3] = [
    "styles/settings.css",
    "styles/base.css",
    "styles/layout.css",
];

/// The layer files joined after the components' CSS.
const AFTER: [&str; 2] = ["styles/utilities.css", "styles/print.css"];

/// The theme files `assets/style.css` is joined from, in order: the layers before the components, each
/// component's CSS (those that have one, the overlay's aside), the layers after.
pub(crate) fn parts(theme: &Theme) -> Vec<String> {
    let components = theme
        .components()
        .into_iter()
        .filter(|c| *c != OVERLAY)
        .map(|c| format!("components/{c}/{c}.css"))
        .filter(|p| theme.files.contains_key(p));
    BEFORE
        .iter()
        .map(|p| p.to_string())
        .chain(components)
        .chain(AFTER.iter().map(|p| p.to_string()))
        .collect()
}

/// Joins the stylesheet, each part under a comment naming it. A part that is not UTF-8 or leaves a block, comment
/// or string open is an error, and is left out: the build fails on the error, and nothing else is reported about a
/// stylesheet that is missing.
pub(crate) fn join(theme: &Theme, diags: &mut Diagnostics) -> Vec<u8> {
    let mut out = String::from(
        "/* assets/style.css: joined by redress from the theme's files below, in this order. */\n",
    );
    out.push_str(LAYERS);
    out.push('\n');
    for part in parts(theme) {
        let Some(file) = theme.files.get(&part) else {
            continue;
        };
        let name = file.display_name(&part);
        let Ok(text) = std::str::from_utf8(&file.bytes) else {
            diags.push(
                Diagnostic::error(format!("`{name}` is not UTF-8 text"))
                    .help("save the stylesheet as UTF-8"),
            );
            continue;
        };
        if let Err(fault) = check(text) {
            let source = SourceFile::new(name, &part, text);
            diags.push(
                Diagnostic::error(format!("this stylesheet {}", fault.message))
                    .at(&source, fault.at)
                    .label(fault.label)
                    .help(format!("{}; redress joins every part of the theme's CSS into assets/style.css, where this would spoil every rule after it, so it stops here instead", fault.help)),
            );
            continue;
        }
        out.push_str("\n/* ---- ");
        out.push_str(&part);
        out.push_str(" ---- */\n\n");
        out.push_str(text.trim_end());
        out.push('\n');
    }
    out.into_bytes()
}

/// What is wrong with a stylesheet, and where.
#[derive(Debug, PartialEq, Eq)]
struct Fault {
    at: Range<usize>,
    message: &'static str,
    label: &'static str,
    help: &'static str,
}

/// Checks that every `{` is closed, no `}` closes nothing, and every comment and string ends. This is not a CSS
/// parser: a browser forgives most mistakes inside a rule, but not these, which carry on into the next file.
fn check(text: &str) -> Result<(), Fault> {
    let bytes = text.as_bytes();
    let mut open: Vec<usize> = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'/' if bytes.get(i + 1) == Some(&b'*') => match text[i + 2..].find("*/") {
                Some(end) => i += 2 + end + 2,
                None => {
                    return Err(Fault {
                        at: i..i + 2,
                        message: "has a comment that is never closed",
                        label: "this comment has no `*/`",
                        help: "end the comment with `*/`",
                    })
                }
            },
            quote @ (b'"' | b'\'') => {
                let start = i;
                i += 1;
                loop {
                    match bytes.get(i) {
                        Some(b'\\') => i += 2,
                        Some(&c) if c == quote => break,
                        Some(b'\n') | None => {
                            return Err(Fault {
                                at: start..start + 1,
                                message: "has a string that is never closed",
                                label: "this quote has no partner on its line",
                                help: "close the string with the same quote mark before the end of the line",
                            })
                        }
                        Some(_) => i += 1,
                    }
                }
                i += 1;
            }
            b'\\' => i += 2,
            b'{' => {
                open.push(i);
                i += 1;
            }
            b'}' => {
                if open.pop().is_none() {
                    return Err(Fault {
                        at: i..i + 1,
                        message: "has a `}` that closes nothing",
                        label: "no `{` is open here",
                        help: "remove this `}`, or add the `{` it was meant to close",
                    });
                }
                i += 1;
            }
            _ => i += 1,
        }
    }
    match open.pop() {
        Some(at) => Err(Fault {
            at: at..at + 1,
            message: "has a `{` that is never closed",
            label: "this `{` has no `}`",
            help: "add the missing `}` (it may belong to a rule inside this block)",
        }),
        None => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::theme::{Origin, ThemeFile};

    #[test]
    fn the_built_in_parts_are_well_formed_and_joined_in_order() {
        let theme = Theme::built_in();
        let parts = parts(&theme);
        assert_eq!(
            parts.first().map(String::as_str),
            Some("styles/settings.css")
        );
        assert_eq!(parts.last().map(String::as_str), Some("styles/print.css"));
        let components: Vec<&String> = parts
            .iter()
            .filter(|p| p.starts_with("components/"))
            .collect();
        let mut sorted = components.clone();
        sorted.sort();
        assert_eq!(components, sorted, "components in alphabetical order");
        assert!(components.len() >= 10, "{components:?}");
        for part in &parts {
            let text = std::str::from_utf8(&theme.files[part].bytes).unwrap();
            assert_eq!(check(text), Ok(()), "{part}");
        }
        let mut diags = Diagnostics::new();
        let css = String::from_utf8(join(&theme, &mut diags)).unwrap();
        assert!(diags.is_empty());
        assert!(css.starts_with("/* assets/style.css"), "{css}");
        assert_eq!(css.lines().nth(1), Some(LAYERS));
        // Each part under its own name, in the order of `parts`.
        let at: Vec<usize> = parts
            .iter()
            .map(|p| css.find(&format!("/* ---- {p} ---- */")).unwrap())
            .collect();
        assert!(at.windows(2).all(|w| w[0] < w[1]), "{at:?}");
    }

    #[test]
    fn unclosed_blocks_comments_and_strings_are_found() {
        let fault = |css: &str| check(css).map_err(|f| (f.at.start, f.message));
        assert_eq!(
            fault(".a { color: red; }\n@media print { .b { x: y; } }"),
            Ok(())
        );
        assert_eq!(
            fault(".a { content: \"}\"; } /* { */ .b { content: '\\'{'; }"),
            Ok(())
        );
        assert_eq!(
            fault(".a { color: red;\n.b { }"),
            Err((3, "has a `{` that is never closed"))
        );
        assert_eq!(
            fault(".a { }\n}"),
            Err((7, "has a `}` that closes nothing"))
        );
        assert_eq!(
            fault(".a { } /* no end"),
            Err((7, "has a comment that is never closed"))
        );
        assert_eq!(
            fault(".a { content: \"x; }\n"),
            Err((14, "has a string that is never closed"))
        );
    }

    #[test]
    fn a_broken_part_is_an_error_naming_its_file_and_line() {
        let mut theme = Theme::built_in();
        theme.files.insert(
            "components/tag/tag.css".into(),
            ThemeFile {
                bytes: b"@layer components {\n  .rd-tag {\n    color: red;\n}\n".to_vec(),
                origin: Origin::Site("themes/default/components/tag/tag.css".into()),
            },
        );
        let mut diags = Diagnostics::new();
        let css = String::from_utf8(join(&theme, &mut diags)).unwrap();
        assert!(!css.contains("color: red"), "the broken part is left out");
        assert!(css.contains("/* ---- components/table/table.css ---- */"));
        let d = diags.sorted()[0];
        assert_eq!(
            d.file.as_deref(),
            Some("themes/default/components/tag/tag.css")
        );
        assert_eq!(
            d.location.as_ref().map(|l| (l.line, l.column)),
            Some((1, 19))
        );
        assert!(d.message.contains("never closed"), "{}", d.message);
    }
}
