//! `redress import`: turns the self-assessment a landlord already has (the Ombudsman's Word template, their own
//! table in Word or Excel, a CSV, the form published as web pages, or text copied out of a document, a PDF or a
//! browser) into `data/self-assessment.toml`.
//!
//! The pipeline runs one way, and every reader feeds the same middle:
//!
//! 1. `files` works out which files make the form (several saved pages, or a folder of them, read in order as
//!    one form), and `detect` what each file is from its bytes, not only its name, handing it to a reader:
//!    `text` (tab-separated or `|` tables, or lines copied from a browser), `csv`, `docx`, `xlsx` (which also
//!    reads .xls and .ods), or `page` for saved web pages (parsed by `dom` with html5ever; `mhtml` unwraps a
//!    web archive). Each produces rows of cells, with where each row came from; `page` also reports the page
//!    chrome it left out.
//! 2. `clean` tidies every cell: look-alike letters, HTML fragments, bullets, invisible characters.
//! 3. `labelled` reads what is not a table: labelled blocks (`labels`), one label or value per line, rows whose
//!    cells ran together (split by `anchor` at the end of the Code's wording), and page chrome in copied text
//!    (`chrome`). Each provision it finds becomes one row with its columns given.
//! 4. `rows` finds the header rows (by their words: see `header`) and groups the rows into records, one per
//!    provision row of the form, joining rows split across pages and dropping repeated headers.
//! 5. `sequence` places each record in the Code with `matching`, which compares the quoted requirement text
//!    with the built-in catalogue: that is how lost and mangled numbers are recovered, and how a second copy
//!    of a provision is known for a repeat.
//! 6. `edition` refuses forms written against the 2022 or 2020 Code, whose provisions do not map onto 2024's.
//! 7. `assemble` turns each record into an answer (yes or no: a "Partial" is written as no, its word kept),
//!    evidence, commentary and actions, and `write` writes the data file in the Code's order, with the problems
//!    it could not settle as comments.
//!
//! Nothing is dropped silently: `ledger` accounts for every cell, as written to the file, recognised as the
//! form's own text (headings, labels, instructions, page chrome, the Code's wording), or listed as not placed,
//! with its location. The importer never invents an answer, an explanation or a date.

mod actions;
mod anchor;
mod assemble;
mod chrome;
mod clean;
mod csv;
mod detect;
mod docx;
mod dom;
mod edition;
mod files;
mod form_text;
mod header;
mod html;
mod labelled;
mod labels;
mod ledger;
mod matching;
mod mhtml;
mod number;
mod page;
#[cfg(test)]
mod properties;
mod rows;
mod sequence;
mod text;
mod values;
mod write;
mod xlsx;

use std::fmt;
use std::path::PathBuf;

pub(crate) use edition::Edition;
pub(crate) use ledger::{FormTextKind, Unplaced};

/// Where a piece of the input came from, in the terms of the file it came from.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) enum Loc {
    /// A line of a text or CSV file (1-based).
    Line(usize),
    /// A paragraph of a Word document outside any table (1-based, counting paragraphs in the body).
    Paragraph(usize),
    /// A row of a table in a Word document (both 1-based).
    TableRow {
        /// Which table, counting from the start of the document.
        table: usize,
        /// Which row of it.
        row: usize,
    },
    /// A row of a spreadsheet (1-based, as the spreadsheet numbers it).
    SheetRow {
        /// The sheet's name.
        sheet: String,
        /// The row number.
        row: usize,
    },
    /// A place in one of several files read as one form (a folder of saved web pages, one per section).
    InFile {
        /// Which file, counting from 1 in the order they were read: places sort in the form's order.
        file: usize,
        /// The file's name.
        name: String,
        /// Where in the file.
        at: Box<Loc>,
    },
}

impl Loc {
    /// The same place, in the file numbered `file` of several.
    pub(crate) fn in_file(self, file: usize, name: &str) -> Loc {
        Loc::InFile {
            file,
            name: name.to_string(),
            at: Box::new(self),
        }
    }

    /// The file this place is in, when several were read, and the place within it.
    pub(crate) fn split_file(&self) -> (Option<&str>, &Loc) {
        match self {
            Loc::InFile { name, at, .. } => (Some(name), at),
            other => (None, other),
        }
    }
}

impl fmt::Display for Loc {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Loc::Line(n) => write!(f, "line {n}"),
            Loc::Paragraph(n) => write!(f, "paragraph {n}"),
            Loc::TableRow { table, row } => write!(f, "table {table}, row {row}"),
            Loc::SheetRow { sheet, row } => write!(f, "sheet `{sheet}`, row {row}"),
            Loc::InFile { name, at, .. } => write!(f, "{name}, {at}"),
        }
    }
}

/// One row as a reader found it: its cells in order, and the table it belongs to (`None` for text outside any
/// table, such as a heading paragraph or a line with no tabs).
#[derive(Debug, Clone)]
pub(crate) struct Row {
    pub(crate) loc: Loc,
    pub(crate) cells: Vec<String>,
    pub(crate) table: Option<usize>,
    /// A heading of the document (an HTML `<h1>`-`<h6>`): outside a provision's record, it is the page's own
    /// text, not the landlord's answer.
    pub(crate) heading: bool,
    /// A record already read out of labelled blocks or run-together text (see `labelled`): the columns its cells
    /// are under.
    pub(crate) given: Option<Given>,
}

/// The columns of a row `labelled` read, and whether it continues the record before it (a second action) or
/// starts one of its own.
#[derive(Debug, Clone)]
pub(crate) struct Given {
    pub(crate) header: std::rc::Rc<header::Header>,
    pub(crate) continues: bool,
}

/// The kind of file that was read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Format {
    /// Text copied out of a document or a browser: tab-separated cells, a `|` table, labels and values one to a
    /// line, or rows whose cells ran together.
    Text,
    /// Comma- or semicolon-separated values.
    Csv,
    /// A Word document (.docx).
    Docx,
    /// A spreadsheet (.xlsx, .xls, .ods).
    Spreadsheet,
    /// A saved web page (.html, .htm, or a web archive, .mhtml).
    Html,
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Format::Text => "text copied from a document or a browser",
            Format::Csv => "CSV",
            Format::Docx => "Word document",
            Format::Spreadsheet => "spreadsheet",
            Format::Html => "saved web page",
        })
    }
}

/// Choices the caller can make.
#[derive(Debug, Clone, Default)]
pub(crate) struct ImportOptions {
    /// Import the form as a 2024 Code form even if it looks like an older edition's.
    pub(crate) force_2024: bool,
}

/// A provision whose number was recovered from its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Recovered {
    /// The 2024 number.
    pub(crate) number: String,
    /// The number the form wrote, if it wrote one ("0.10", "6.1").
    pub(crate) written: Option<String>,
    /// Where the row is.
    pub(crate) loc: Loc,
}

/// A note about one provision: something to check, or something the build will ask for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ProvisionNote {
    /// The provision ("6.11").
    pub(crate) number: String,
    /// What to check or do, as a sentence.
    pub(crate) note: String,
}

/// What an import found.
#[derive(Debug, Clone, Default)]
pub(crate) struct Summary {
    /// Provisions found in the form.
    pub(crate) found: usize,
    /// Of those, found by their number.
    pub(crate) by_number: usize,
    /// Of those, placed by their text: the number was missing, mangled or contradicted by the text.
    pub(crate) recovered: Vec<Recovered>,
    /// Provisions of the 2024 form not found at all.
    pub(crate) missing: Vec<String>,
    /// Answered yes.
    pub(crate) yes: usize,
    /// Answered no (written as `no`), including those the form answered "Partial".
    pub(crate) no: usize,
    /// The provisions the form answered "Partial" (or gave different answers in different rows): written as `no`,
    /// with the form's word kept in the commentary.
    pub(crate) partial: Vec<String>,
    /// Found, but with no answer redress could read (written as commented-out entries).
    pub(crate) unanswered: Vec<ProvisionNote>,
    /// Things to check against the original form.
    pub(crate) checks: Vec<ProvisionNote>,
    /// What `redress build` will ask for before the site builds.
    pub(crate) build_needs: Vec<ProvisionNote>,
    /// Actions written as `[[provisions.actions]]`.
    pub(crate) actions: usize,
    /// Actions kept in the commentary because their completion date is not a date.
    pub(crate) undated_actions: usize,
    /// The provisions those actions belong to.
    pub(crate) undated_in: Vec<String>,
    /// When the table had no header row: the columns as redress worked them out from their content.
    pub(crate) inferred_columns: Option<String>,
    /// Rows whose cells ran together, so that their evidence and commentary could not be told apart: both were
    /// written as evidence.
    pub(crate) merged_cells: usize,
}

/// The result of a successful import.
#[derive(Debug, Clone)]
pub(crate) struct ImportResult {
    /// The data file, ready to write.
    pub(crate) toml: String,
    /// Every file read, in order, with its kind.
    pub(crate) files: Vec<(String, Format)>,
    /// What was in the folders given but not read: files of other kinds (pictures, stylesheets) and folders.
    pub(crate) skipped: Vec<PathBuf>,
    /// Counts and notes.
    pub(crate) summary: Summary,
    /// Text that could not be placed, in the order of the input.
    pub(crate) unplaced: Vec<Unplaced>,
    /// Text recognised as the form's own (headings, instructions, header rows), not carried over.
    pub(crate) form_text: Vec<(Loc, FormTextKind)>,
    /// Cells holding only marks or punctuation ("•", "--"), ignored.
    pub(crate) ignored_marks: Vec<(Loc, String)>,
}

/// Why an import could not be done.
#[derive(Debug)]
#[non_exhaustive]
pub(crate) enum ImportError {
    /// The file could not be read.
    Io {
        /// The file.
        path: PathBuf,
        /// What went wrong.
        source: std::io::Error,
    },
    /// The file is of a kind redress cannot read (a PDF, an old .doc), or is damaged.
    Unsupported {
        /// What the file is, or what is wrong with it.
        what: String,
        /// What to do instead.
        hint: String,
    },
    /// The form is for an older edition of the Code.
    OlderEdition {
        /// The edition detected.
        edition: Edition,
        /// What showed it: where, and what was seen there.
        signals: Vec<(Loc, String)>,
    },
    /// No table of provisions was found in the file.
    NothingFound {
        /// What was found instead.
        what: String,
    },
}

impl ImportError {
    /// True when the world failed (the file could not be read), rather than the file's content.
    pub(crate) fn is_io(&self) -> bool {
        matches!(self, ImportError::Io { .. })
    }
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ImportError::Io { path, source } => write!(f, "failed to read `{}`: {source}", path.display()),
            ImportError::Unsupported { what, hint } => write!(f, "{what}\n\nhelp: {hint}"),
            ImportError::OlderEdition { edition, signals } => {
                f.write_str(&edition::explain(*edition, signals))
            }
            ImportError::NothingFound { what } => write!(
                f,
                "no table of provisions was found: {what}\n\nhelp: redress looks for a header row naming the \
                 columns (such as \"Code provision\", \"Comply\", \"Evidence\") above rows that start with a \
                 provision number (\"1.2\"), or for labelled blocks (\"Code provision 1.2\", \"Comply\", \
                 \"Yes\", ...) or rows that begin with a provision's number and its wording; if the form is a web \
                 page, save the page itself (.html) and import that; if it was copied from a PDF and its columns \
                 ran together, open the original in Word and copy the table from there"
            ),
        }
    }
}

impl std::error::Error for ImportError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            ImportError::Io { source, .. } => Some(source),
            _ => None,
        }
    }
}

/// One file of a form, held in memory.
#[derive(Debug, Clone)]
pub(crate) struct Input {
    /// The file's name, which tells its kind and names it in what is reported.
    pub(crate) name: String,
    /// Its bytes.
    pub(crate) bytes: Vec<u8>,
}

/// Imports the form in `paths`: files, or folders of files (saved web pages, one per section), read in order as
/// one form.
pub(crate) fn import(
    paths: &[PathBuf],
    options: &ImportOptions,
) -> Result<ImportResult, ImportError> {
    let found = files::expand(paths)?;
    let names = display_names(&found.read);
    let mut inputs = Vec::with_capacity(found.read.len());
    for (path, name) in found.read.iter().zip(names) {
        let bytes = std::fs::read(path).map_err(|source| ImportError::Io {
            path: path.clone(),
            source,
        })?;
        inputs.push(Input { name, bytes });
    }
    let mut result = import_inputs(&inputs, options)?;
    result.skipped = found.skipped;
    Ok(result)
}

/// The names files are known by in what is reported: their file names, or their paths where two share a name.
fn display_names(paths: &[PathBuf]) -> Vec<String> {
    let name = |p: &PathBuf| {
        p.file_name().map_or_else(
            || p.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        )
    };
    paths
        .iter()
        .map(|p| {
            let shared = paths.iter().filter(|q| name(q) == name(p)).count() > 1;
            if shared {
                p.display().to_string()
            } else {
                name(p)
            }
        })
        .collect()
}

/// Imports a form held in memory; `name` is the file's name, used to tell its kind and in the file's header.
#[cfg(test)]
pub(crate) fn import_bytes(
    name: &str,
    bytes: &[u8],
    options: &ImportOptions,
) -> Result<ImportResult, ImportError> {
    import_inputs(
        &[Input {
            name: name.to_string(),
            bytes: bytes.to_vec(),
        }],
        options,
    )
}

/// Imports the files of one form, in order.
pub(crate) fn import_inputs(
    inputs: &[Input],
    options: &ImportOptions,
) -> Result<ImportResult, ImportError> {
    let several = inputs.len() > 1;
    let mut rows: Vec<Row> = Vec::new();
    let mut chrome: Vec<Loc> = Vec::new();
    let mut formats: Vec<(String, Format)> = Vec::new();
    let mut tables = 0;
    for (i, input) in inputs.iter().enumerate() {
        let read = detect::read(&input.name, &input.bytes)?;
        let wrap = |loc: Loc| {
            if several {
                loc.in_file(i + 1, &input.name)
            } else {
                loc
            }
        };
        // Each file's tables are its own: a table never runs on into the next page.
        let mut last = 0;
        for mut row in read.rows {
            row.loc = wrap(row.loc);
            row.table = row.table.map(|t| {
                last = last.max(t + 1);
                t + tables
            });
            rows.push(row);
        }
        tables += last;
        chrome.extend(read.chrome.into_iter().map(wrap));
        formats.push((input.name.clone(), read.format));
    }
    for row in &mut rows {
        for cell in &mut row.cells {
            *cell = clean::clean_cell(cell);
        }
    }
    let recognised = labelled::recognise(rows);
    let rows = recognised.rows;
    let mut structure = rows::structure(&rows, None);
    let mut inferred = None;
    if structure.headers.is_empty() {
        if let Some(h) = header::infer_header(&rows) {
            inferred = Some(h.labels.join(", "));
            structure = rows::structure(&rows, Some(h));
        }
    }
    structure.form_text.extend(recognised.form_text);
    structure
        .form_text
        .extend(chrome.into_iter().map(|l| (l, FormTextKind::PageChrome)));
    let placement = sequence::place(structure.records.clone());
    let verdict = edition::detect(&rows, &structure, &placement);
    if verdict.edition != Edition::Code2024 && !options.force_2024 {
        return Err(ImportError::OlderEdition {
            edition: verdict.edition,
            signals: verdict.signals,
        });
    }
    if structure.records.is_empty() {
        let what = if structure.headers.is_empty() {
            format!(
                "{} rows were read, but none of them is a header row, a provision number or a label such as \"Code provision\"",
                rows.len()
            )
        } else {
            "there is a header row, but no rows of provisions under it".to_string()
        };
        return Err(ImportError::NothingFound { what });
    }
    if placement.placed.is_empty() {
        return Err(ImportError::NothingFound {
            what: format!(
                "{} rows were read as rows of provisions, but none of them is a provision of the 2024 Code's form",
                structure.records.len()
            ),
        });
    }
    let assembled = assemble::assemble(&placement, &structure.headers, &recognised.notes);
    let source = match formats.as_slice() {
        [(name, _)] => name.clone(),
        _ => formats
            .iter()
            .map(|(n, _)| format!("`{n}`"))
            .collect::<Vec<_>>()
            .join(", ")
            .trim_matches('`')
            .to_string(),
    };
    let toml = write::write(&source, &assembled.provisions);
    let mut ledger = ledger::Ledger::default();
    ledger.add_structure(&structure);
    ledger.add_placement(&placement);
    ledger.add_assembled(&assembled);
    let mut summary = assembled.summary();
    summary.inferred_columns = inferred;
    summary.merged_cells = recognised.merged;
    Ok(ImportResult {
        toml,
        files: formats,
        skipped: Vec::new(),
        summary,
        unplaced: ledger.unplaced(),
        form_text: ledger.form_text(),
        ignored_marks: ledger.marks(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Pieces real forms are made of, to be shuffled into forms no one has seen.
    fn cell() -> impl Strategy<Value = String> {
        prop_oneof![
            Just("Code provision".to_string()),
            Just("Comply: Yes / No".to_string()),
            Just("Evidence".to_string()),
            Just("Action owner".to_string()),
            Just("Completion date".to_string()),
            Just("Yes".to_string()),
            Just("No".to_string()),
            Just("6.10".to_string()),
            Just("0.11".to_string()),
            Just("8.1(f)".to_string()),
            Just("Υ".to_string()),
            Just("x".to_string()),
            Just("N/A".to_string()),
            Just("•".to_string()),
            Just("31/03/2025".to_string()),
            Just("<p>a</p><ul><li>b".to_string()),
            Just("Section 3: Accessibility".to_string()),
            Just(String::new()),
            (0..72usize).prop_map(|i| crate::catalogue::catalogue().provisions[i].text.clone()),
            "\\PC{0,30}",
        ]
    }

    fn form() -> impl Strategy<Value = String> {
        prop::collection::vec(prop::collection::vec(cell(), 1..8), 0..40).prop_map(|rows| {
            rows.iter()
                .map(|r| r.join("\t"))
                .collect::<Vec<_>>()
                .join("\n")
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]

        /// No input makes the importer panic, and whatever it writes is valid TOML.
        #[test]
        fn never_panics_and_writes_valid_toml(text in form(), csv in any::<bool>()) {
            let name = if csv { "form.csv" } else { "form.txt" };
            if let Ok(r) = import_bytes(name, text.as_bytes(), &ImportOptions { force_2024: true }) {
                prop_assert!(r.toml.parse::<toml::Table>().is_ok(), "{}", r.toml);
            }
        }

        #[test]
        fn never_panics_on_any_bytes(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
            let _ = import_bytes("form.docx", &bytes, &ImportOptions::default());
            let _ = docx::read(&String::from_utf8_lossy(&bytes), "");
        }
    }
}
