//! Reading a site's input files into serde structs that mirror them, reporting problems as diagnostics.
//!
//! This is the first step of the pipeline (data → model → measures → tables → pages → output). Nothing here
//! judges whether the numbers make sense; that is [`crate::model`]'s job. Every file is read even when an earlier one
//! failed, so one build reports the problems of all of them.

pub(crate) mod content;
pub(crate) mod date;
pub(crate) mod figure;
pub(crate) mod frozen;
pub(crate) mod improvements;
pub(crate) mod money;
pub(crate) mod ombudsman;
pub(crate) mod past_reports;
pub(crate) mod performance;
pub(crate) mod self_assessment;
pub(crate) mod site;
pub(crate) mod toml_doc;
pub(crate) mod year_label;

use std::path::{Path, PathBuf};

use anyhow::Result;

use crate::diagnostics::{Diagnostic, Diagnostics, SourceFile};
use site::SiteConfig;

/// Everything a build reads, as written. Each part is `None` when its file was missing or had errors.
#[derive(Debug, Default)]
pub(crate) struct SiteInput {
    /// `site.toml`.
    pub(crate) config: Option<SiteConfig>,
    /// `data/performance.toml`.
    pub(crate) performance: Option<(performance::PerformanceFile, SourceFile)>,
    /// `data/self-assessment.toml` or `.csv`.
    pub(crate) self_assessment: Option<(self_assessment::SelfAssessmentFile, SourceFile)>,
    /// `data/approval.toml`: the governing body's approval, beside the CSV form of the self-assessment.
    pub(crate) approval: Option<(self_assessment::Approval, SourceFile)>,
    /// `data/approval.toml`'s `carried_over` mark.
    pub(crate) approval_carried_over: Option<toml::Spanned<String>>,
    /// `data/ombudsman.toml`.
    pub(crate) ombudsman: Option<(ombudsman::OmbudsmanFile, SourceFile)>,
    /// `data/improvements.toml`.
    pub(crate) improvements: Option<(improvements::ImprovementsFile, SourceFile)>,
    /// The complaints logs that years of performance.toml name, counted.
    pub(crate) case_logs: Vec<CaseLog>,
    /// `content/*.md`, sorted by file name.
    pub(crate) content: Vec<content::ContentPage>,
    /// `data/past-reports.toml`, when the site has one.
    pub(crate) past_reports: Option<(past_reports::PastReportsFile, SourceFile)>,
    /// The files under `static/`, listed only when `data/past-reports.toml` names one, to check that it exists.
    pub(crate) static_files: Vec<past_reports::StaticFile>,
    /// The years frozen under `archive/`, oldest first, with their files.
    pub(crate) frozen: Vec<frozen::FrozenYear>,
    /// `site.toml`'s text, for diagnostics about it.
    pub(crate) config_source: Option<SourceFile>,
    /// Every file read, relative to the root: what `serve` watches and what a build depends on.
    pub(crate) files_read: Vec<PathBuf>,
}

impl SiteInput {
    /// Takes the frozen years' files out, for the build to publish as they are, leaving the years themselves (all
    /// that the model needs, to list them) with no files: the bytes are read once and never copied.
    pub(crate) fn take_frozen_files(&mut self) -> Vec<frozen::FrozenYear> {
        self.frozen
            .iter_mut()
            .map(|y| frozen::FrozenYear {
                label: y.label,
                files: std::mem::take(&mut y.files),
            })
            .collect()
    }
}

/// A complaints log a year of performance.toml names, as read and counted. Only the counts are kept: nothing of
/// the log's rows (references, dates, free text) goes further than this.
#[derive(Debug)]
pub(crate) struct CaseLog {
    /// The year that names it ("2025-26").
    pub(crate) year: String,
    /// What it gives; `None` when it could not be counted (every problem is a diagnostic).
    pub(crate) summary: Option<crate::cases::summary::Summary>,
}

/// Reads every input file under `root`. I/O failures other than "not found" stop the build; problems in the files'
/// content become diagnostics.
/// What a missing site.toml's error says.
const SITE_TOML_HELP: &str = "site.toml holds the landlord's name, the report period and how to complain; run `redress init` to see one";

/// Reads site.toml alone, with its source for diagnostics: for a command that needs the settings after the site
/// was checked, without reading every input again (the complaints log among them).
pub(crate) fn load_config(
    root: &Path,
    diags: &mut Diagnostics,
) -> Result<Option<(SiteConfig, SourceFile)>> {
    let mut files = Vec::new();
    let mut reader = Reader {
        root,
        diags,
        files: &mut files,
    };
    let Some(src) = reader.read("site.toml", SITE_TOML_HELP)? else {
        return Ok(None);
    };
    Ok(toml_doc::load(&src, reader.diags).map(|config| (config, src)))
}

pub(crate) fn load(root: &Path, diags: &mut Diagnostics) -> Result<SiteInput> {
    let mut input = SiteInput::default();
    let mut reader = Reader {
        root,
        diags,
        files: &mut input.files_read,
    };

    if let Some(src) = reader.read("site.toml", SITE_TOML_HELP)? {
        input.config = toml_doc::load(&src, reader.diags);
        input.config_source = Some(src);
    }
    if let Some(src) = reader.read("data/performance.toml", "Code 8.1(b) requires an analysis of complaint handling performance; add data/performance.toml with a [[years]] table per year")? {
        input.performance = toml_doc::load(&src, reader.diags).map(|v| (v, src));
    }
    input.self_assessment = if reader.exists("data/self-assessment.csv")
        && !reader.exists("data/self-assessment.toml")
    {
        if let Some(src) = reader.read("data/approval.toml", "with the CSV form of the self-assessment, data/approval.toml records the governing body's approval: body = \"Board\", date = 2026-06-18, reason = \"annual\"")? {
            if let Some(file) = toml_doc::load::<self_assessment::ApprovalFile>(&src, reader.diags) {
                let (approval, mark) = file.split();
                input.approval = Some((approval, src));
                input.approval_carried_over = mark;
            }
        }
        match reader.read("data/self-assessment.csv", "")? {
            Some(src) => self_assessment::from_csv(&src, reader.diags).map(|v| (v, src)),
            None => None,
        }
    } else {
        match reader.read("data/self-assessment.toml", "Code 8.1(a) requires the annual self-assessment in the report; add data/self-assessment.toml (or .csv), or turn an existing form into one with `redress import`")? {
            Some(src) => toml_doc::load(&src, reader.diags).map(|v| (v, src)),
            None => None,
        }
    };
    if let Some(src) = reader.read("data/ombudsman.toml", "Code 8.1(c), (e) and (f) require the Ombudsman's findings and reports; add data/ombudsman.toml, with empty lists where there were none")? {
        input.ombudsman = toml_doc::load(&src, reader.diags).map(|v| (v, src));
    }
    if let Some(src) = reader.read("data/improvements.toml", "Code 8.1(d) requires the service improvements made from learning; add data/improvements.toml (`improvements = []` if there were none)")? {
        input.improvements = toml_doc::load(&src, reader.diags).map(|v| (v, src));
    }
    input.case_logs = read_case_logs(
        root,
        input.performance.as_ref(),
        input.config.as_ref(),
        &mut reader,
    )?;
    input.content = reader.read_content()?;
    if reader.exists(PAST_REPORTS) {
        if let Some(src) = reader.read(PAST_REPORTS, "")? {
            input.past_reports = toml_doc::load(&src, reader.diags).map(|v| (v, src));
        }
    }
    if input
        .past_reports
        .as_ref()
        .is_some_and(|(f, _)| f.reports.iter().any(|r| r.file.is_some()))
    {
        input.static_files = past_reports::static_files(root)?;
    }
    input.frozen = frozen::find(root, diags)?;
    Ok(input)
}

/// The optional list of reports published before redress.
pub(crate) const PAST_REPORTS: &str = "data/past-reports.toml";

/// Counts the complaints log each year names. A log may live outside the site folder (it holds personal data, so it
/// is often kept out of the site's repository): its path is taken as performance.toml gives it, relative to the
/// site folder. A log that cannot be found is an error at the year's `cases` key.
fn read_case_logs(
    root: &Path,
    performance: Option<&(performance::PerformanceFile, SourceFile)>,
    config: Option<&SiteConfig>,
    reader: &mut Reader<'_>,
) -> Result<Vec<CaseLog>> {
    let Some((file, src)) = performance else {
        return Ok(Vec::new());
    };
    let options = config
        .map(|c| crate::cases::Options::from_config(&c.cases))
        .unwrap_or_else(|| crate::cases::Options::from_config(&site::CasesConfig::default()));
    let mut logs = Vec::new();
    for y in &file.years {
        let Some(path) = &y.cases else { continue };
        let full = root.join(path.get_ref());
        if !full.is_file() {
            reader.diags.push(
                Diagnostic::error(format!("the complaints log `{}` cannot be found", path.get_ref()))
                    .at(src, path.span())
                    .label("no such file")
                    .help("give the path of the case export from the site folder, such as \"private/complaints-2025-26.csv\" (a .csv or .xlsx file)"),
            );
            continue;
        }
        if full.starts_with(root) {
            reader.files.push(PathBuf::from(path.get_ref()));
        }
        let summary = crate::cases::count_file(&full, path.get_ref(), &options, reader.diags)?;
        logs.push(CaseLog {
            year: y.label.get_ref().clone(),
            summary,
        });
    }
    Ok(logs)
}

struct Reader<'a> {
    root: &'a Path,
    diags: &'a mut Diagnostics,
    files: &'a mut Vec<PathBuf>,
}

impl Reader<'_> {
    fn exists(&self, rel: &str) -> bool {
        self.root.join(rel).exists()
    }

    /// Reads `rel`, or records a "missing file" error with `hint` and returns `None`.
    fn read(&mut self, rel: &str, hint: &str) -> Result<Option<SourceFile>> {
        let path = self.root.join(rel);
        if !path.exists() {
            self.diags
                .push(Diagnostic::error(format!("`{rel}` is missing")).help(hint.to_string()));
            return Ok(None);
        }
        if let Some(d) = escapes_root(self.root, &path, rel) {
            self.diags.push(d);
            return Ok(None);
        }
        self.files.push(PathBuf::from(rel));
        let text = crate::fs::read_to_string(&path)?;
        Ok(Some(SourceFile::new(rel, path, text)))
    }

    /// Reads `content/*.md` in file-name order (so builds are reproducible), skipping editors' temporary files.
    fn read_content(&mut self) -> Result<Vec<content::ContentPage>> {
        let dir = self.root.join("content");
        let mut pages = Vec::new();
        if !dir.is_dir() {
            self.diags
                .push(Diagnostic::error("the `content` folder is missing").help(
                    "add content/introduction.md and content/governing-body-response.md (Code 8.2)",
                ));
            return Ok(pages);
        }
        let walk = walkdir::WalkDir::new(&dir)
            .min_depth(1)
            .max_depth(1)
            .sort_by_file_name();
        for entry in walk {
            let entry =
                entry.map_err(|e| anyhow::anyhow!("failed to list `{}`: {e}", dir.display()))?;
            let name = entry.file_name().to_string_lossy().into_owned();
            if !name.ends_with(".md") || name.starts_with('.') || name.starts_with('#') {
                continue;
            }
            let rel = format!("content/{name}");
            if let Some(d) = escapes_root(self.root, entry.path(), &rel) {
                self.diags.push(d);
                continue;
            }
            self.files.push(PathBuf::from(&rel));
            let text = crate::fs::read_to_string(entry.path())?;
            let source = SourceFile::new(rel, entry.path(), text);
            if let Some(page) = content::parse(source, self.diags) {
                pages.push(page);
            }
        }
        Ok(pages)
    }
}

/// A symlink whose target lies outside the site root is refused: a site folder must not be able to make redress
/// read (and publish) files from elsewhere on the machine.
fn escapes_root(root: &Path, path: &Path, rel: &str) -> Option<Diagnostic> {
    let (Ok(root), Ok(real)) = (root.canonicalize(), path.canonicalize()) else {
        return None;
    };
    (!real.starts_with(&root)).then(|| {
        Diagnostic::error(format!(
            "`{rel}` is a link to `{}`, outside the site folder",
            real.display()
        ))
        .help("copy the file into the site folder instead of linking to it")
    })
}

/// Property tests: no input makes a loader panic. Inputs are the example site's own files with random edits (a
/// character deleted, a TOML-significant one inserted), which reach far deeper into the loaders than random text.
#[cfg(test)]
mod no_panic {
    use proptest::prelude::*;

    use super::*;

    const FILES: [&str; 5] = [
        include_str!("../../data/performance.toml"),
        include_str!("../../data/self-assessment.toml"),
        include_str!("../../data/ombudsman.toml"),
        include_str!("../../data/improvements.toml"),
        include_str!("../../site.toml"),
    ];

    fn mutate(text: &str, edits: &[(usize, u8, bool)]) -> String {
        let mut bytes = text.as_bytes().to_vec();
        for &(at, byte, insert) in edits {
            if bytes.is_empty() {
                break;
            }
            let at = at % bytes.len();
            if insert {
                const SIGNIFICANT: &[u8] = b"=[]\"\n#-.1_:,{} ae\t";
                bytes.insert(at, SIGNIFICANT[usize::from(byte) % SIGNIFICANT.len()]);
            } else {
                bytes.remove(at);
            }
        }
        String::from_utf8_lossy(&bytes).into_owned()
    }

    fn load_all(text: &str) {
        let src = SourceFile::new("data/x.toml", "x", text);
        let mut diags = Diagnostics::new();
        let _ = toml_doc::load::<performance::PerformanceFile>(&src, &mut diags);
        let _ = toml_doc::load::<self_assessment::SelfAssessmentFile>(&src, &mut diags);
        let _ = toml_doc::load::<ombudsman::OmbudsmanFile>(&src, &mut diags);
        let _ = toml_doc::load::<improvements::ImprovementsFile>(&src, &mut diags);
        let _ = toml_doc::load::<crate::data::site::SiteConfig>(&src, &mut diags);
        let _ = self_assessment::from_csv(&src, &mut diags);
        let md = SourceFile::new("content/x.md", "x", format!("+++\n{text}\n+++\nbody"));
        let _ = content::parse(md, &mut diags);
        // Rendering every diagnostic exercises the span arithmetic too.
        let _ = crate::diagnostics::render_all(&diags);
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

        #[test]
        fn edited_example_files_never_panic(file in 0usize..5, edits in prop::collection::vec((any::<usize>(), any::<u8>(), any::<bool>()), 1..6)) {
            load_all(&mutate(FILES[file], &edits));
        }

        #[test]
        fn arbitrary_text_never_panics(text in "\\PC{0,200}") {
            load_all(&text);
        }
    }
}
