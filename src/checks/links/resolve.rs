//! Resolving a link the way a browser does: against the page it is on, with `../`, `./`, `?query`, `%20` and a
//! folder's `index.html`.

/// Where a link leads.
#[derive(Debug, PartialEq, Eq)]
pub(super) enum Target {
    /// Not checked: `mailto:`, `tel:`, `data:`, a bare `#`, an empty link.
    Skip,
    /// Another site.
    External(String),
    /// A file of the site, as a path from the top of the output folder.
    Internal {
        /// `performance.html`, `data/ch01.csv`.
        path: String,
        /// The part after `#`, decoded.
        anchor: Option<String>,
        /// Written from the host's root: `/performance.html`.
        root_relative: bool,
    },
    /// `../` above the top of the site.
    Outside,
}

/// Resolves a link written on the page at `page` (a path from the top of the site) the way a browser does.
pub(super) fn resolve(page: &str, raw: &str) -> Target {
    let link = raw.trim();
    if link.is_empty() || link == "#" {
        return Target::Skip;
    }
    if let Some(rest) = link.strip_prefix("//") {
        return Target::External(format!("https://{rest}"));
    }
    if let Some(colon) = link.find(':') {
        let scheme = &link[..colon];
        let is_scheme = scheme
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_alphabetic())
            && scheme
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
        if is_scheme {
            return if scheme.eq_ignore_ascii_case("http") || scheme.eq_ignore_ascii_case("https") {
                Target::External(link.to_string())
            } else {
                Target::Skip
            };
        }
    }
    let (before_fragment, fragment) = match link.split_once('#') {
        Some((b, f)) => (b, Some(f)),
        None => (link, None),
    };
    let path_part = before_fragment
        .split_once('?')
        .map_or(before_fragment, |(p, _)| p);
    let root_relative = path_part.starts_with('/');
    let mut segments: Vec<String> = if root_relative || path_part.is_empty() {
        Vec::new()
    } else {
        page.split('/')
            .map(str::to_string)
            .collect::<Vec<_>>()
            .split_last()
            .map(|(_, dir)| dir.to_vec())
            .unwrap_or_default()
    };
    if path_part.is_empty() {
        segments = page.split('/').map(str::to_string).collect();
    } else {
        let parts: Vec<&str> = path_part.split('/').collect();
        let last = parts.len() - 1;
        for (i, part) in parts.into_iter().enumerate() {
            match part {
                "" | "." => {
                    if i == last {
                        segments.push("index.html".to_string());
                    }
                }
                ".." => {
                    if segments.pop().is_none() {
                        return Target::Outside;
                    }
                    if i == last {
                        segments.push("index.html".to_string());
                    }
                }
                _ => segments.push(percent_decode(part)),
            }
        }
    }
    Target::Internal {
        path: segments.join("/"),
        anchor: fragment.filter(|f| !f.is_empty()).map(percent_decode),
        root_relative,
    }
}

/// Decodes `%XX` escapes (as UTF-8, lossily); a `%` not followed by two hex digits stays as it is.
pub(super) fn percent_decode(s: &str) -> String {
    if !s.contains('%') {
        return s.to_string();
    }
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            let hex = std::str::from_utf8(&bytes[i + 1..i + 3])
                .ok()
                .and_then(|h| u8::from_str_radix(h, 16).ok());
            if let Some(b) = hex {
                out.push(b);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}
