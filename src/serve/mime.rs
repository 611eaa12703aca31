//! Content types for the files a site can hold, chosen by extension.
//!
//! A browser must be told what a file is: a CSS file served as `text/plain` is ignored, and the preview answers with
//! `X-Content-Type-Options: nosniff`, so there is no guessing either. Text types carry `charset=utf-8` because
//! redress writes UTF-8. Anything unknown (a file someone dropped into `static/`) is `application/octet-stream`, which
//! a browser downloads rather than runs.

/// The `Content-Type` for a site path.
pub(crate) fn content_type(path: &str) -> &'static str {
    let name = path.rsplit('/').next().unwrap_or(path);
    let ext = match name.rsplit_once('.') {
        Some((_, ext)) => ext.to_ascii_lowercase(),
        None => String::new(),
    };
    match ext.as_str() {
        "html" | "htm" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "json" => "application/json",
        "csv" => "text/csv; charset=utf-8",
        "txt" | "md" => "text/plain; charset=utf-8",
        "xml" => "application/xml",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "avif" => "image/avif",
        "ico" => "image/x-icon",
        "pdf" => "application/pdf",
        "woff" => "font/woff",
        "woff2" => "font/woff2",
        "ttf" => "font/ttf",
        "otf" => "font/otf",
        "webmanifest" => "application/manifest+json",
        "map" => "application/json",
        "docx" => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "odt" => "application/vnd.oasis.opendocument.text",
        "ods" => "application/vnd.oasis.opendocument.spreadsheet",
        _ => "application/octet-stream",
    }
}

/// True for HTML, the only type the live-reload script is put into.
pub(crate) fn is_html(path: &str) -> bool {
    content_type(path).starts_with("text/html")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn types_of_the_files_redress_writes() {
        assert_eq!(content_type("index.html"), "text/html; charset=utf-8");
        assert_eq!(content_type("assets/style.css"), "text/css; charset=utf-8");
        assert_eq!(content_type("data/ch01.csv"), "text/csv; charset=utf-8");
        assert_eq!(content_type("data/ch01.json"), "application/json");
        assert_eq!(content_type("charts/volumes.svg"), "image/svg+xml");
        assert_eq!(content_type("x/LOGO.PNG"), "image/png");
        assert_eq!(content_type("CNAME"), "application/octet-stream");
        assert_eq!(content_type(".hidden"), "application/octet-stream");
        assert!(is_html("report.html") && !is_html("report.html.bak"));
    }
}
