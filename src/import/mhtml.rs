//! Takes the page out of a web archive (.mhtml, .mht): what Chrome and Edge save as "Webpage, Single File".
//!
//! A web archive is a MIME message (RFC 2557): headers, then the page and each of its pictures and stylesheets as
//! parts between boundary lines, the page's HTML usually in quoted-printable encoding. Only the first `text/html`
//! part is the page; the address it was saved from (`Content-Location`) is put in front of it as a `<base>`, so
//! its relative links can still be made absolute. Line numbers reported for such a page are lines of the page
//! after decoding, as the browser's View Source shows it.

/// The HTML of the page a web archive holds, or `None` when the text is not a web archive.
pub(crate) fn page(text: &str) -> Option<String> {
    let (headers, body) = split_headers(text.trim_start())?;
    let content_type = header(&headers, "content-type")?;
    if !content_type.to_lowercase().starts_with("multipart/related") {
        return None;
    }
    let boundary = param(&content_type, "boundary")?;
    let base = header(&headers, "snapshot-content-location");
    let delimiter = format!("--{boundary}");
    for part in body.split(delimiter.as_str()).skip(1) {
        let part = part
            .strip_prefix("\r\n")
            .or_else(|| part.strip_prefix('\n'))
            .unwrap_or(part);
        let Some((headers, content)) = split_headers(part) else {
            continue;
        };
        let kind = header(&headers, "content-type")
            .unwrap_or_default()
            .to_lowercase();
        if !kind.starts_with("text/html") {
            continue;
        }
        let encoding = header(&headers, "content-transfer-encoding")
            .unwrap_or_default()
            .to_lowercase();
        let bytes = match encoding.trim() {
            "quoted-printable" => quoted_printable(content),
            "base64" => base64(content),
            _ => content.as_bytes().to_vec(),
        };
        let html = super::detect::decode_text(&bytes);
        let base = base.or_else(|| header(&headers, "content-location"));
        return Some(match base.filter(|b| b.starts_with("http")) {
            Some(b) => format!("<base href=\"{}\">{html}", b.replace('"', "%22")),
            None => html,
        });
    }
    None
}

/// The header lines (unfolded: a line starting with white space continues the one before) and the body after
/// the blank line that ends them.
fn split_headers(text: &str) -> Option<(Vec<(String, String)>, &str)> {
    let end = text
        .find("\r\n\r\n")
        .map(|i| (i, i + 4))
        .into_iter()
        .chain(text.find("\n\n").map(|i| (i, i + 2)))
        .min()?;
    let mut headers: Vec<(String, String)> = Vec::new();
    for line in text[..end.0].lines() {
        if line.starts_with([' ', '\t']) {
            if let Some(last) = headers.last_mut() {
                last.1.push(' ');
                last.1.push_str(line.trim());
            }
        } else if let Some((name, value)) = line.split_once(':') {
            headers.push((name.trim().to_lowercase(), value.trim().to_string()));
        } else {
            return None;
        }
    }
    Some((headers, &text[end.1..]))
}

fn header(headers: &[(String, String)], name: &str) -> Option<String> {
    headers
        .iter()
        .find(|(n, _)| n == name)
        .map(|(_, v)| v.clone())
}

/// A parameter of a header value: `boundary` in `multipart/related; boundary="----x"`.
fn param(value: &str, name: &str) -> Option<String> {
    value.split(';').skip(1).find_map(|p| {
        let (n, v) = p.split_once('=')?;
        (n.trim().eq_ignore_ascii_case(name)).then(|| v.trim().trim_matches('"').to_string())
    })
}

/// Decodes quoted-printable text: `=` at the end of a line joins it to the next, `=XX` is a byte.
fn quoted_printable(text: &str) -> Vec<u8> {
    let b = text.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'=' {
            if b.get(i + 1) == Some(&b'\r') && b.get(i + 2) == Some(&b'\n') {
                i += 3;
                continue;
            }
            if b.get(i + 1) == Some(&b'\n') {
                i += 2;
                continue;
            }
            let hex = b
                .get(i + 1..i + 3)
                .and_then(|h| std::str::from_utf8(h).ok());
            if let Some(byte) = hex.and_then(|h| u8::from_str_radix(h, 16).ok()) {
                out.push(byte);
                i += 3;
                continue;
            }
        }
        out.push(b[i]);
        i += 1;
    }
    out
}

/// Decodes base64, skipping line breaks and anything else outside its alphabet.
fn base64(text: &str) -> Vec<u8> {
    let value = |c: u8| match c {
        b'A'..=b'Z' => Some(c - b'A'),
        b'a'..=b'z' => Some(c - b'a' + 26),
        b'0'..=b'9' => Some(c - b'0' + 52),
        b'+' => Some(62),
        b'/' => Some(63),
        _ => None,
    };
    let mut out = Vec::with_capacity(text.len() * 3 / 4);
    let mut acc: u32 = 0;
    let mut bits = 0;
    for v in text.bytes().filter_map(value) {
        acc = (acc << 6) | u32::from(v);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push(u8::try_from((acc >> bits) & 0xFF).unwrap_or(0));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const ARCHIVE: &str = "From: <Saved by Blink>\r\nSnapshot-Content-Location: https://example.org/sa/section-1\r\n\
        MIME-Version: 1.0\r\nContent-Type: multipart/related;\r\n\ttype=\"text/html\";\r\n\tboundary=\"----B--\"\r\n\r\n\r\n\
        ------B--\r\nContent-Type: text/html\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n\
        <p class=3D\"x\">Comply: Yes. It=E2=80=99s a long=\r\n line</p>\r\n\
        ------B--\r\nContent-Type: image/png\r\nContent-Transfer-Encoding: base64\r\n\r\niVBORw0K\r\n------B----\r\n";

    #[test]
    fn takes_the_page_out_of_a_web_archive() {
        let html = page(ARCHIVE).unwrap();
        assert_eq!(
            html,
            "<base href=\"https://example.org/sa/section-1\"><p class=\"x\">Comply: Yes. It’s a long line</p>\r\n"
        );
        assert!(page("<html><body>not an archive</body></html>").is_none());
        assert!(page("Subject: hello\n\nplain message").is_none());
        assert_eq!(base64("SGVs\nbG8="), b"Hello");
    }
}
