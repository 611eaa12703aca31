//! A file's text and name, kept so that byte spans can become line and column.

use std::path::{Path, PathBuf};

use super::Location;

/// The text of one input file and the name it is shown by.
#[derive(Debug, Clone)]
pub(crate) struct SourceFile {
    /// Path relative to the site root, with `/` separators: what messages show.
    pub(crate) name: String,
    /// Where it was read from.
    pub(crate) path: PathBuf,
    /// The whole text.
    pub(crate) text: String,
}

impl SourceFile {
    /// Wraps text read from `path`, shown as `name`.
    pub(crate) fn new(
        name: impl Into<String>,
        path: impl AsRef<Path>,
        text: impl Into<String>,
    ) -> Self {
        SourceFile {
            name: name.into(),
            path: path.as_ref().to_path_buf(),
            text: text.into(),
        }
    }

    /// Turns a byte span into a [`Location`]. Out-of-range spans are clamped rather than trusted, because spans can
    /// come from other crates and a bad one must never panic a build.
    pub(crate) fn locate(&self, span: std::ops::Range<usize>) -> Location {
        let len = self.text.len();
        let mut start = span.start.min(len);
        while !self.text.is_char_boundary(start) {
            start -= 1;
        }
        let line_start = self.text[..start].rfind('\n').map_or(0, |i| i + 1);
        let line_end = self.text[start..].find('\n').map_or(len, |i| start + i);
        let line_text = self.text[line_start..line_end].trim_end_matches('\r');
        let line = self.text[..start].matches('\n').count() + 1;
        let column = self.text[line_start..start].chars().count() + 1;
        let end = span.end.clamp(start, line_end);
        let mut end = end;
        while !self.text.is_char_boundary(end) {
            end -= 1;
        }
        let width = self.text[start..end].chars().count().max(1);
        Location {
            line,
            column,
            line_text: line_text.to_string(),
            width,
        }
    }

    /// The byte span of line `line` (1-based), for diagnostics raised by code that only knows line numbers.
    pub(crate) fn line_span(&self, line: usize) -> std::ops::Range<usize> {
        let mut offset = 0;
        for (i, l) in self.text.split_inclusive('\n').enumerate() {
            if i + 1 == line {
                let trimmed = l.trim_end_matches(['\n', '\r']).len();
                return offset..offset + trimmed;
            }
            offset += l.len();
        }
        offset..offset
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locates_line_and_column_in_characters() {
        let f = SourceFile::new("a.toml", "a.toml", "x = 1\nnamé = \"£5\"\n");
        let at = f.text.find("\"£5\"").unwrap();
        let loc = f.locate(at..at + "\"£5\"".len());
        assert_eq!((loc.line, loc.column, loc.width), (2, 8, 4));
        assert_eq!(loc.line_text, "namé = \"£5\"");
    }

    #[test]
    fn clamps_spans_past_the_end() {
        let f = SourceFile::new("a", "a", "abc");
        let loc = f.locate(10..20);
        assert_eq!((loc.line, loc.column), (1, 4));
    }
}
