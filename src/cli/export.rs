//! `redress export` and its one kind so far, `redress export cms`.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{bail, Result};
use clap::{Args, Subcommand, ValueEnum};

use super::args::RootArgs;
use crate::cli::{EXIT_FAILURE, EXIT_SITE_ERRORS};
use crate::diagnostics::{render_all, Diagnostics};
use crate::export::cms;

/// Write the report in a form to publish somewhere other than a static host.
///
/// `redress build` makes a website to upload as it is. `redress export` makes the same report ready for a place
/// that takes content another way: `redress export cms` writes every page as HTML to paste into a content
/// management system (LocalGov Drupal, Jadu, GOSS, WordPress and others).
#[derive(Debug, Args)]
#[command(
    after_long_help = "Examples:\n  redress export cms --output cms-export\n                      Write every page as HTML to paste into a CMS, in ./cms-export\n  redress export cms --help\n                      What the export holds, and its options"
)]
pub struct ExportArgs {
    /// What to export.
    #[command(subcommand)]
    pub kind: ExportKind,
}

/// The kinds of export.
#[derive(Debug, Subcommand)]
#[allow(missing_docs)]
pub enum ExportKind {
    Cms(CmsArgs),
}

/// Write every page as a fragment of HTML to paste into a content management system.
///
/// For each page of the report, a fragment of plain HTML holding only the page's content: headings, paragraphs,
/// lists, tables with captions and header cells, and charts drawn in SVG with their text alternative. It needs no
/// stylesheet and no script, so the CMS's own look applies. Every link is a full address: links between pages go
/// to each page's CMS address from `[cms] pages` in site.toml, or else to the built site at `base_url`;
/// downloads (CSV, JSON, report.pdf) go to the built site at `base_url`. A link that cannot be made a full address
/// is written as its text, with a warning saying how to fix it.
///
/// The output folder's files are listed below. Open its index.html in a browser to start.
///
/// The site is checked exactly as `redress build` checks it; if it has errors, they are listed and nothing is
/// written. Like a build, the export only replaces a folder it wrote itself.
#[derive(Debug, Args)]
#[command(
    after_long_help = concat!(
        "The output folder:\n",
        "  index.html              open this: each page's title, its HTML to copy, how it reads, its charts\n",
        "  fragments/PAGE.html     each page's HTML, to paste into the CMS editor's source view\n",
        "  preview/PAGE.html       each page's HTML alone on a page with no styles\n",
        "  charts/CHART.svg .png .txt\n",
        "                          each chart as an image, and its alternative text\n",
        "\n",
        "In site.toml:\n",
        "  base_url = \"https://www.council.gov.uk/complaints-report\"    the built site, with its downloads\n",
        "  [cms]\n",
        "  pages = { performance = \"https://www.council.gov.uk/housing/complaints-performance\" }\n",
        "  media = \"https://www.council.gov.uk/files/complaints\"   where --charts image finds charts/\n",
        "\n",
        "Examples:\n",
        "  redress export cms --output cms-export\n",
        "                      Write the export of the site in this folder into ./cms-export\n",
        "  redress export cms --root my-report --output cms-export --heading-level 3\n",
        "                      For CMS pages whose content starts under a level 2 heading\n",
        "  redress export cms --output cms-export --charts image\n",
        "                      Charts as images from [cms] media, for editors that remove SVG\n",
        "\n",
        "Exit status: 0 written (warnings, if any, are listed); 1 the site has errors (all are listed) and nothing was written; 2 the export could not be written (the folder is not redress's, say)."
    )
)]
pub struct CmsArgs {
    /// Where the site is.
    #[command(flatten)]
    pub root: RootArgs,
    /// The folder to write the export into.
    ///
    /// A relative path is taken from the current folder. It must be empty, absent, or an earlier export: redress
    /// never replaces a folder holding files it did not write, or a built site.
    #[arg(long, short = 'o', value_name = "DIR")]
    pub output: PathBuf,
    /// The level of the first headings in each fragment, 1 to 6.
    ///
    /// 2 (the default) suits a CMS that shows the page's title as its main (level 1) heading: each page's own title
    /// is left out, to be typed as the CMS page's title, and the page's sections are level 2 headings. 1 keeps each
    /// page's title as a level 1 heading. 3 or more moves every heading down, for content placed under a heading
    /// of the CMS page.
    #[arg(long, value_name = "N", default_value_t = 2, value_parser = clap::value_parser!(u8).range(1..=6))]
    pub heading_level: u8,
    /// How charts appear in the fragments.
    #[arg(long, value_enum, default_value_t = ChartsArg::Svg)]
    pub charts: ChartsArg,
}

/// How charts appear in the fragments.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum ChartsArg {
    /// Drawn in SVG inside the HTML, with a title and description a screen reader reads.
    Svg,
    /// As the PNG images from charts/, uploaded to the address in `[cms] media`, with alternative text and a link to
    /// the table of figures: for editors that remove SVG.
    Image,
}

/// Runs `redress export`.
pub fn run(args: ExportArgs) -> Result<ExitCode> {
    match args.kind {
        ExportKind::Cms(a) => run_cms(a),
    }
}

fn run_cms(args: CmsArgs) -> Result<ExitCode> {
    let root = &args.root.root;
    let options = cms::Options {
        heading_level: args.heading_level,
        charts: match args.charts {
            ChartsArg::Svg => cms::Charts::Svg,
            ChartsArg::Image => cms::Charts::Image,
        },
    };
    let output = if args.output.is_absolute() {
        args.output.clone()
    } else {
        std::env::current_dir()?.join(&args.output)
    };
    // The site is checked as `build` checks it: the same diagnostics, and nothing written when there are errors.
    let checked = crate::check_site(root)?;
    let mut diags = checked.diagnostics;
    if diags.has_errors() {
        eprint!("{}", render_all(&diags));
        eprintln!("nothing was exported; fix the errors above and run `redress export cms` again");
        return Ok(ExitCode::from(EXIT_SITE_ERRORS));
    }
    let Some((config, config_source)) = crate::data::load_config(root, &mut Diagnostics::new())?
    else {
        bail!("`{}` holds no site.toml", root.display());
    };
    let pages = cms::page_names(&checked.files);
    let site = cms::Site::from_config(&config, Some(&config_source), &pages, &options, &mut diags);
    if diags.has_errors() {
        eprint!("{}", render_all(&diags));
        eprintln!("nothing was exported; fix the errors above and run `redress export cms` again");
        return Ok(ExitCode::from(EXIT_SITE_ERRORS));
    }
    let files = cms::export(&checked.files, &site, &options, &mut diags);
    eprint!("{}", render_all(&diags));
    if let Err(message) = cms::check_not_a_build(&output) {
        eprintln!("error: {message}");
        return Ok(ExitCode::from(EXIT_FAILURE));
    }
    crate::output::write_site(&output, &files, &[cms::MARKER_NOTE.to_string()])?;
    let charts = files
        .iter()
        .filter(|f| f.path.starts_with("charts/") && f.path.ends_with(".svg"))
        .count();
    eprintln!(
        "exported {} pages and {charts} charts into {}\nopen {} in a browser: it shows each page's HTML to copy into your CMS",
        pages.len(),
        output.display(),
        output.join("index.html").display()
    );
    Ok(ExitCode::SUCCESS)
}
