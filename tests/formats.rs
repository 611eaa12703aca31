//! The report in other formats: `report.pdf` and `report.txt`, made by `redress build` from the full-report page.
//!
//! Each test runs the real binary over a copy of the example site and reads the results the way a reader's tools
//! do: the page with an HTML parser, the text as text, the PDF with a PDF reader (lopdf) for its text and its
//! catalogue. The PDF's structure tree is checked in depth by `audit/pdf_check.py` in CI.

mod common;

use common::{sel, text, SiteTest};

/// White space collapsed, so a wrapped line compares with the page's text.
fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The text of every page of a PDF, in page order.
fn pdf_text(bytes: &[u8]) -> String {
    let doc = lopdf::Document::load_mem(bytes).expect("a PDF lopdf can read");
    let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
    doc.extract_text(&pages).expect("the PDF's text")
}

fn built() -> SiteTest {
    let t = SiteTest::example();
    t.build().expect_success();
    t
}

fn bytes(t: &SiteTest, rel: &str) -> Vec<u8> {
    std::fs::read(t.path(rel)).unwrap_or_else(|e| panic!("cannot read {rel}: {e}"))
}

#[test]
fn build_writes_both_formats_lists_them_as_its_own_and_links_to_them() {
    let t = built();
    let pdf = bytes(&t, "public/report.pdf");
    assert!(pdf.starts_with(b"%PDF-"), "report.pdf is not a PDF");
    let marker = t.read("public/.redress-output");
    assert!(marker.lines().any(|l| l == "report.pdf"), "{marker}");
    assert!(marker.lines().any(|l| l == "report.txt"), "{marker}");
    for page in ["index.html", "report.html"] {
        let html = t.page(page);
        let hrefs: Vec<&str> = html
            .select(&sel("main a"))
            .filter_map(|a| a.value().attr("href"))
            .collect();
        assert!(
            hrefs.contains(&"report.pdf"),
            "{page} does not link to report.pdf"
        );
        assert!(
            hrefs.contains(&"report.txt"),
            "{page} does not link to report.txt"
        );
    }
}

#[test]
fn the_text_holds_every_heading_and_every_tables_figures() {
    let t = built();
    let txt = t.read("public/report.txt");
    assert!(
        txt.lines()
            .all(|l| l.chars().count() <= 78 || !l.contains(' ')),
        "a line is longer than 78 characters"
    );
    let flat = collapse(&txt);
    let page = t.page("report.html");
    let headings: Vec<String> = page
        .select(&sel("main h1, main h2, main h3, main h4, main h5, main h6"))
        .map(text)
        .collect();
    assert!(headings.len() > 40, "only {} headings", headings.len());
    for h in &headings {
        assert!(
            flat.contains(h.as_str()),
            "report.txt lacks the heading {h:?}"
        );
    }
    let tables: Vec<_> = page.select(&sel("main table")).collect();
    assert!(tables.len() > 20, "only {} tables", tables.len());
    for table in tables {
        let caption = table
            .select(&sel("caption"))
            .next()
            .map(text)
            .expect("every table has a caption");
        let start = flat
            .find(&format!("Table: {caption}"))
            .unwrap_or_else(|| panic!("report.txt lacks the table {caption:?}"));
        // The table runs to the next table (or the end); every word of every cell is in it.
        let rest = &flat[start + caption.len()..];
        let end = rest.find("Table: ").unwrap_or(rest.len());
        // Words are compared without the punctuation after them: a record labels each value "Heading: value".
        let words: std::collections::HashSet<&str> = rest[..end]
            .split(' ')
            .map(|w| w.trim_end_matches([':', '.', ',', ';']))
            .collect();
        for cell in table.select(&sel("th, td")) {
            let cell_text = text(cell);
            let cell_words = cell_text
                .split(' ')
                .map(|w| w.trim_end_matches([':', '.', ',', ';']));
            // (`text` joins an element's text nodes with spaces, so punctuation can stand alone: skip it.)
            for word in cell_words.filter(|w| w.chars().any(char::is_alphanumeric)) {
                assert!(
                    words.contains(word),
                    "the table {caption:?} in report.txt lacks {word:?} (from the cell {:?})",
                    text(cell)
                );
            }
        }
    }
}

#[test]
fn the_texts_tables_line_up_and_right_align_figures() {
    let t = built();
    let txt = t.read("public/report.txt");
    let lines: Vec<&str> = txt.lines().collect();
    let mut tables = 0;
    let mut figures = 0;
    for (i, rule) in lines.iter().enumerate() {
        // A table laid out in columns has a rule of dashes under its headings, one run per column.
        if rule.is_empty() || !rule.chars().all(|c| c == '-' || c == ' ') || !rule.contains("  ") {
            continue;
        }
        tables += 1;
        let ends: Vec<usize> = rule
            .char_indices()
            .filter(|(at, c)| *c == '-' && !rule[at + 1..].starts_with('-'))
            .map(|(at, _)| at + 1)
            .collect();
        let starts: Vec<usize> = std::iter::once(0)
            .chain(ends.iter().map(|e| e + 2))
            .collect();
        let rows: Vec<Vec<char>> = lines[i + 1..]
            .iter()
            .take_while(|l| !l.is_empty())
            .map(|l| l.chars().collect())
            .collect();
        for row in &rows {
            assert!(
                row.len() <= rule.len(),
                "{:?} runs past its table's rule",
                row.iter().collect::<String>()
            );
        }
        // A column whose cells are all figures has each one ending at the column's edge: right-aligned.
        for (start, end) in starts.iter().zip(&ends) {
            let cells: Vec<String> = rows
                .iter()
                .map(|r| {
                    r[(*start).min(r.len())..(*end).min(r.len())]
                        .iter()
                        .collect()
                })
                .collect();
            let is_figure = |c: &str| {
                let c = c.trim();
                let c = c.trim_start_matches('£');
                c.chars().next().is_some_and(|d| d.is_ascii_digit())
                    && c.chars().all(|d| d.is_ascii_digit() || ",.%".contains(d))
            };
            if cells.iter().all(|c| is_figure(c)) {
                for c in &cells {
                    figures += 1;
                    assert!(
                        c.chars().count() == end - start && !c.ends_with(' '),
                        "the figure {c:?} is not right-aligned in its column"
                    );
                }
            }
        }
    }
    assert!(tables >= 10, "only {tables} tables in columns");
    assert!(figures >= 100, "only {figures} figures checked");
    // Too wide for columns: the self-assessment reads as one record per provision.
    assert!(
        txt.contains("Provision 5.10\n  What the Code requires:\n    "),
        "no record for 5.10"
    );
}

#[test]
fn the_pdf_holds_the_headline_figures_and_says_what_it_is() {
    let t = built();
    let pdf = bytes(&t, "public/report.pdf");
    let words = collapse(&pdf_text(&pdf));
    let home = t.page("index.html");
    let headlines: Vec<String> = home.select(&sel(".rd-headline__value")).map(text).collect();
    assert!(headlines.len() >= 4, "{headlines:?}");
    let tokens: std::collections::HashSet<&str> = words
        .split(' ')
        .map(|w| {
            w.trim_end_matches([',', ';', ':', ')'])
                .trim_end_matches('.')
        })
        .collect();
    for figure in &headlines {
        // "66 of 72" (provisions met) reads "66 of the 72" in the report's prose: each figure is there.
        for part in figure.split(" of ") {
            assert!(
                tokens.contains(part),
                "report.pdf lacks the headline figure {part:?} (of {figure:?})"
            );
        }
    }
    // Every part and section heading of the page is in the PDF's text.
    let page = t.page("report.html");
    for heading in page.select(&sel("main h2, main h3")).map(text) {
        assert!(
            words.contains(heading.as_str()),
            "report.pdf lacks the heading {heading:?}"
        );
    }
    let doc = lopdf::Document::load_mem(&pdf).unwrap();
    let catalog = doc.catalog().unwrap();
    assert_eq!(catalog.get(b"Lang").unwrap().as_str().unwrap(), b"en-GB");
    assert!(catalog.get(b"StructTreeRoot").is_ok(), "not tagged");
    assert!(catalog.get(b"Outlines").is_ok(), "no bookmarks");
    let info = doc
        .trailer
        .get(b"Info")
        .and_then(|o| o.as_reference())
        .unwrap();
    let title = doc.get_dictionary(info).unwrap().get(b"Title").unwrap();
    let title = lopdf::decode_text_string(title).unwrap();
    assert!(
        title.starts_with("Complaints performance and service improvement report 2025-26"),
        "{title}"
    );
}

#[test]
fn two_builds_make_the_same_bytes() {
    let t = SiteTest::example();
    t.run(&["build", "--output", "one"]).expect_success();
    t.run(&["build", "--output", "two"]).expect_success();
    for f in ["report.pdf", "report.txt"] {
        assert!(
            bytes(&t, &format!("one/{f}")) == bytes(&t, &format!("two/{f}")),
            "{f} differs between two builds of the same inputs"
        );
    }
}

#[test]
fn the_sites_address_and_language_reach_both_formats() {
    let t = SiteTest::example();
    let site = t.read("site.toml");
    let site: String = site
        .lines()
        .filter(|l| !l.starts_with("base_url") && !l.starts_with("language"))
        .map(|l| format!("{l}\n"))
        .collect();
    t.write(
        "site.toml",
        &format!(
            "base_url = \"https://www.ashmerehomes.example/complaints/\"\nlanguage = \"en-IE\"\n{site}"
        ),
    );
    t.build().expect_success();
    let txt = t.read("public/report.txt");
    assert!(
        txt.contains("https://www.ashmerehomes.example/complaints/data/ch01.csv"),
        "with base_url the text gives each download's address"
    );
    let pdf = bytes(&t, "public/report.pdf");
    let doc = lopdf::Document::load_mem(&pdf).unwrap();
    assert_eq!(
        doc.catalog()
            .unwrap()
            .get(b"Lang")
            .unwrap()
            .as_str()
            .unwrap(),
        b"en-IE"
    );
    let raw = String::from_utf8_lossy(&pdf);
    assert!(
        raw.contains("https://www.ashmerehomes.example/complaints/data/ch01.csv"),
        "with base_url the PDF links to each download"
    );

    // Without an address, a relative link would lead nowhere from a downloaded file: downloads are left out.
    let plain = SiteTest::example();
    let site = plain.read("site.toml");
    let site: String = site
        .lines()
        .filter(|l| !l.starts_with("base_url"))
        .map(|l| format!("{l}\n"))
        .collect();
    plain.write("site.toml", &site);
    plain.build().expect_success();
    let txt = plain.read("public/report.txt");
    assert!(
        !txt.contains("data/ch01.csv"),
        "a download without an address"
    );
    assert!(
        txt.contains("https://www.housing-ombudsman.org.uk/"),
        "links to other sites stay"
    );
}

#[test]
fn a_template_override_shows_in_the_page_the_pdf_and_the_text() {
    let t = SiteTest::example();
    t.write(
        "themes/default/templates/sections/response.html",
        "<p>Our Board met on 18 June 2026 and agreed every word: reference 4242-override.</p>\n",
    );
    t.build().expect_success();
    let needle = "reference 4242-override";
    assert!(t.read("public/report.html").contains(needle));
    assert!(collapse(&t.read("public/report.txt")).contains(needle));
    assert!(collapse(&pdf_text(&bytes(&t, "public/report.pdf"))).contains(needle));
}

#[test]
fn a_pdf_that_cannot_be_made_is_an_error_in_build_and_check_not_a_panic() {
    let t = SiteTest::example();
    // A chart whose SVG cannot be read (usvg): an attribute in a namespace nobody declares (`xlink:` is declared
    // for it, as HTML allows it undeclared).
    t.write(
        "themes/default/templates/sections/response.html",
        "<svg role=\"img\" viewBox=\"0 0 10 10\"><title>A broken chart</title><use xlink:href=\"#x\" foo:bar=\"1\"/></svg>\n",
    );
    for command in ["build", "check"] {
        let run = t.run(&[command]);
        run.expect_code(1)
            .expect_stderr_contains("error: report.pdf could not be made")
            .expect_stderr_contains("help: report.pdf is made from report.html");
        assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
    }
    assert!(!t.path("public").exists(), "a failed build wrote the site");
}

/// The marker's line recording the key `report.pdf` was made from.
fn pdf_note(t: &SiteTest) -> String {
    t.read("public/.redress-output")
        .lines()
        .find(|l| l.starts_with("# report.pdf made from "))
        .expect("the marker records the PDF's key")
        .to_string()
}

#[test]
fn a_rebuild_reuses_the_pdf_while_report_html_is_unchanged_and_makes_a_new_one_when_it_changes() {
    use sha2::{Digest, Sha256};
    let t = built();
    let first = bytes(&t, "public/report.pdf");
    let note = pdf_note(&t);
    t.build().expect_success();
    assert!(
        bytes(&t, "public/report.pdf") == first,
        "an unchanged report.html gave other bytes"
    );
    assert_eq!(pdf_note(&t), note);

    // The build really reuses the file it recorded: one swapped in with a matching record is kept as it is.
    let stand_in = b"%PDF-1.7 a stand-in, to show the cached file is the one written".to_vec();
    let hex: String = Sha256::digest(&stand_in)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    let (key, _) = note.split_once(", sha256 ").unwrap();
    let marker = t
        .read("public/.redress-output")
        .replace(&note, &format!("{key}, sha256 {hex}"));
    t.write("public/.redress-output", &marker);
    std::fs::write(t.path("public/report.pdf"), &stand_in).unwrap();
    t.build().expect_success();
    assert!(
        bytes(&t, "public/report.pdf") == stand_in,
        "the recorded PDF was not reused"
    );

    // A PDF changed by hand no longer matches its record: it is made again, the same bytes as the first build.
    std::fs::write(t.path("public/report.pdf"), b"%PDF-1.7 edited by hand").unwrap();
    t.build().expect_success();
    assert!(
        bytes(&t, "public/report.pdf") == first,
        "an edited PDF was kept"
    );

    // A changed report.html makes a new PDF, with a new key.
    t.write(
        "themes/default/templates/sections/response.html",
        "<p>Our Board met on 18 June 2026: reference 5151-cache.</p>\n",
    );
    t.build().expect_success();
    let changed = bytes(&t, "public/report.pdf");
    assert!(changed != first, "a changed report.html reused the old PDF");
    assert!(collapse(&pdf_text(&changed)).contains("reference 5151-cache"));
    assert_ne!(pdf_note(&t), note);
}
