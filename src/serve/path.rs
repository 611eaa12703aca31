//! Turns a request target (`/performance.html?x=1`) into the path of a file of the built site, or refuses it.
//!
//! The preview serves the site from memory, so no request can reach the disk whatever its path. This module is the
//! second wall: it still refuses anything that *looks* like an escape (`..`, an encoded `..`, a backslash, a NUL, a
//! drive or a `//host` prefix), so that a mistake elsewhere (or a later change that serves files from disk) cannot
//! turn into a leak, and so that such requests are answered with 400 rather than looked up. The path is
//! percent-decoded exactly once: `%252e%252e` becomes the harmless name `%2e%2e`, never `..`.

/// What a request target asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Target {
    /// A file of the site, `/`-separated, relative to the site root; `""` is the root folder.
    Path(String),
    /// The target cannot name a file of the site; answer 400.
    Refused(&'static str),
}

/// Decodes and checks the path part of a request target.
///
/// The query string is dropped. A trailing `/` is kept so the caller can map a folder to its `index.html`.
///
/// ```text
/// /performance.html?year=1   -> Path("performance.html")
/// /                          -> Path("")
/// /data/                     -> Path("data/")
/// /%2e%2e/Cargo.toml         -> Refused
/// ```
pub(crate) fn parse(target: &str) -> Target {
    let path = target.split(['?', '#']).next().unwrap_or("");
    let Some(rest) = path.strip_prefix('/') else {
        return Target::Refused("the request target must start with `/`");
    };
    let Some(bytes) = percent_decode(rest) else {
        return Target::Refused("the path has a malformed percent-escape");
    };
    let Ok(decoded) = String::from_utf8(bytes) else {
        return Target::Refused("the path is not UTF-8");
    };
    if decoded.starts_with('/') {
        return Target::Refused("the path starts with `//`");
    }
    if decoded.chars().any(|c| c == '\\' || c.is_control()) {
        return Target::Refused("the path holds a backslash or a control character");
    }
    let segments: Vec<&str> = decoded.split('/').collect();
    for (i, segment) in segments.iter().enumerate() {
        let last = i + 1 == segments.len();
        if *segment == ".." || *segment == "." {
            return Target::Refused("the path has a `.` or `..` segment");
        }
        if segment.is_empty() && !last {
            return Target::Refused("the path has an empty segment");
        }
        if i == 0 && segment.len() >= 2 && segment.as_bytes()[1] == b':' {
            return Target::Refused("the path starts with a drive letter");
        }
    }
    Target::Path(decoded)
}

/// Decodes `%XX` escapes once. `None` when a `%` is not followed by two hex digits. `+` is left alone: it means a
/// space only in query strings.
fn percent_decode(s: &str) -> Option<Vec<u8>> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hi = hex(*bytes.get(i + 1)?)?;
            let lo = hex(*bytes.get(i + 2)?)?;
            out.push(hi << 4 | lo);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    Some(out)
}

fn hex(b: u8) -> Option<u8> {
    match b {
        b'0'..=b'9' => Some(b - b'0'),
        b'a'..=b'f' => Some(b - b'a' + 10),
        b'A'..=b'F' => Some(b - b'A' + 10),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn path(s: &str) -> Target {
        Target::Path(s.to_string())
    }

    #[test]
    fn plain_paths_and_folders() {
        assert_eq!(parse("/"), path(""));
        assert_eq!(parse("/performance.html"), path("performance.html"));
        assert_eq!(
            parse("/performance.html?year=2025#top"),
            path("performance.html")
        );
        assert_eq!(parse("/data/"), path("data/"));
        assert_eq!(parse("/data/ch01.csv"), path("data/ch01.csv"));
        assert_eq!(parse("/a%20b.pdf"), path("a b.pdf"));
        assert_eq!(parse("/caf%C3%A9.html"), path("café.html"));
    }

    #[test]
    fn traversal_in_every_spelling_is_refused() {
        for t in [
            "/../Cargo.toml",
            "/%2e%2e/Cargo.toml",
            "/%2E%2E/Cargo.toml",
            "/..%2fCargo.toml",
            "/..%2FCargo.toml",
            "/assets/../../Cargo.toml",
            "/assets/%2e%2e%2f%2e%2e%2fCargo.toml",
            "/.%2e/Cargo.toml",
            "/./index.html",
            "/..\\Cargo.toml",
            "/..%5cCargo.toml",
            "//etc/passwd",
            "/%2fetc/passwd",
            "/C:/Windows/win.ini",
            "/c%3a/Windows/win.ini",
            "/index.html%00.css",
            "/a//b",
            "etc/passwd",
            "http://example.com/",
            "/%zz",
            "/%e9",
        ] {
            assert!(
                matches!(parse(t), Target::Refused(_)),
                "{t} was not refused"
            );
        }
    }

    #[test]
    fn decodes_exactly_once() {
        assert_eq!(parse("/%252e%252e/Cargo.toml"), path("%2e%2e/Cargo.toml"));
    }

    proptest! {
        /// Whatever the target, an accepted path never has a `..` segment, a backslash, a NUL or a leading `/`.
        #[test]
        fn accepted_paths_cannot_climb(target in "/[a-zA-Z0-9%./\\\\:?#-]{0,40}") {
            if let Target::Path(p) = parse(&target) {
                prop_assert!(!p.starts_with('/'));
                prop_assert!(!p.contains('\\') && !p.contains('\0'));
                prop_assert!(p.split('/').all(|s| s != ".." && s != "."));
            }
        }
    }
}
