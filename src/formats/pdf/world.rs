//! What Typst may read while it lays out the report: one source file, the charts, and the embedded fonts. Nothing
//! else: no file system, no system fonts, no network, no clock. That is what makes `report.pdf` the same bytes on
//! every machine for the same inputs.

use std::collections::HashMap;
use std::sync::LazyLock;

use typst::diag::{FileError, FileResult};
use typst::foundations::{Bytes, Datetime, Duration};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Feature, Library, LibraryExt, World};

/// The family name the markup sets text in.
pub(super) const FONT_FAMILY: &str = "Open Sans";

/// Open Sans, four styles (see `fonts/README.md` for why and its licence).
const FONT_FILES: [&[u8]; 4] = [
    include_bytes!("fonts/OpenSans-Regular.ttf"),
    include_bytes!("fonts/OpenSans-Bold.ttf"),
    include_bytes!("fonts/OpenSans-Italic.ttf"),
    include_bytes!("fonts/OpenSans-BoldItalic.ttf"),
];

/// Fonts and the standard library, made once per process: both are the same for every report.
struct Shared {
    library: LazyHash<Library>,
    book: LazyHash<FontBook>,
    fonts: Vec<Font>,
}

static SHARED: LazyLock<Shared> = LazyLock::new(|| {
    let fonts: Vec<Font> = FONT_FILES
        .iter()
        .flat_map(|data| Font::iter(Bytes::new(*data)))
        .collect();
    // `pdf.header-cell(scope: "row")` (a row's header cell) is behind this flag in Typst 0.15.
    let library = Library::builder()
        .with_features([Feature::A11yExtras].into_iter().collect())
        .build();
    Shared {
        library: LazyHash::new(library),
        book: LazyHash::new(FontBook::from_fonts(&fonts)),
        fonts,
    }
});

/// The fonts embedded in redress, for the test that every one of them loads.
#[cfg(test)]
pub(super) fn font_count() -> usize {
    SHARED.fonts.len()
}

/// One compilation's world.
pub(super) struct ReportWorld {
    main: Source,
    files: HashMap<FileId, Bytes>,
}

impl ReportWorld {
    /// A world with `source` as its main file and `files` (path → bytes, e.g. `charts/ch01.svg`) beside it.
    pub(super) fn new(source: &str, files: &[(String, Vec<u8>)]) -> ReportWorld {
        let main = Source::new(file_id("report.typ"), source.to_string());
        let files = files
            .iter()
            .map(|(path, bytes)| (file_id(path), Bytes::new(bytes.clone())))
            .collect();
        ReportWorld { main, files }
    }
}

fn file_id(path: &str) -> FileId {
    // The paths are made by redress (`report.typ`, `charts/<n>.svg`), always valid virtual paths; a failure here
    // would fall back to the root, and Typst would report the file as not found rather than panic.
    let vpath = VirtualPath::new(path).unwrap_or_else(|_| VirtualPath::new("/").expect("root"));
    RootedPath::new(VirtualRoot::Project, vpath).intern()
}

impl World for ReportWorld {
    fn library(&self) -> &LazyHash<Library> {
        &SHARED.library
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &SHARED.book
    }

    fn main(&self) -> FileId {
        self.main.id()
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.main.id() {
            Ok(self.main.clone())
        } else {
            Err(FileError::AccessDenied)
        }
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        self.files.get(&id).cloned().ok_or(FileError::AccessDenied)
    }

    fn font(&self, index: usize) -> Option<Font> {
        SHARED.fonts.get(index).cloned()
    }

    /// No clock: the report is dated by its data, not by when it was built.
    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        None
    }
}
