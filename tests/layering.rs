//! The pipeline runs one way: data → model → measures → tables → charts → render → checks → output → serve/cli.
//!
//! In one crate nothing stops a lower stage from reaching up into a higher one (the model importing the renderer for
//! a colour, say), and each such import makes the stages harder to understand and to change alone. This test reads
//! every `crate::` path in the code (comments aside) and fails when a file names a module of a later stage than its
//! own. Modules of the same stage may use each other.

use std::path::Path;

/// Each top-level module's stage, earliest first. A module not listed here is a test failure, so a new module must
/// be placed in the pipeline when it is added.
const STAGES: &[(&str, &[&str])] = &[
    ("foundation", &["diagnostics", "fs", "catalogue"]),
    ("data", &["data", "cases"]),
    ("model", &["model"]),
    ("measures", &["measures", "format"]),
    ("tables", &["tables"]),
    ("charts", &["charts"]),
    ("render", &["render", "theme"]),
    ("checks", &["checks", "formats"]),
    ("output", &["output", "archive", "export"]),
    (
        "serve/cli",
        &["serve", "cli", "import", "init", "lib", "main"],
    ),
];

fn stage(module: &str) -> Option<usize> {
    STAGES.iter().position(|(_, ms)| ms.contains(&module))
}

/// The module a source file belongs to: `src/model/counts.rs` → `model`, `src/fs.rs` → `fs`.
fn module_of(rel: &Path) -> String {
    let first = rel
        .components()
        .next()
        .unwrap()
        .as_os_str()
        .to_string_lossy()
        .into_owned();
    first.trim_end_matches(".rs").to_string()
}

/// Every `crate::NAME` named in code (not in comments) in `text`, with its line number. A `use crate::{a, b::c}`
/// group, on one line or several, names each of its top-level members.
fn crate_paths(text: &str) -> Vec<(usize, String)> {
    // The code with comments blanked out, keeping every byte offset (and so every line number) where it was.
    let code: String = text
        .lines()
        .map(|line| {
            let cut = line.find("//").unwrap_or(line.len());
            format!("{}{}\n", &line[..cut], " ".repeat(line.len() - cut))
        })
        .collect();
    let line_of = |at: usize| code[..at].matches('\n').count() + 1;
    let ident = |s: &str| -> String {
        s.trim_start()
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect()
    };
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(found) = code[from..].find("crate::") {
        let at = from + found;
        from = at + "crate::".len();
        // `$crate::` in macros and names ending in "crate" are not paths to this crate.
        if code[..at]
            .chars()
            .last()
            .is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '$')
        {
            continue;
        }
        let rest = &code[from..];
        if let Some(group) = rest.strip_prefix('{') {
            // The group's top-level members, skipping nested groups.
            let mut depth = 0;
            let mut start = 0;
            for (i, c) in group.char_indices() {
                match c {
                    '{' => depth += 1,
                    '}' if depth == 0 => {
                        let name = ident(&group[start..i]);
                        if !name.is_empty() {
                            out.push((
                                line_of(
                                    from + 1 + start + group[start..i].len()
                                        - group[start..i].trim_start().len(),
                                ),
                                name,
                            ));
                        }
                        break;
                    }
                    '}' => depth -= 1,
                    ',' if depth == 0 => {
                        let part = &group[start..i];
                        let name = ident(part);
                        if !name.is_empty() {
                            out.push((
                                line_of(from + 1 + start + part.len() - part.trim_start().len()),
                                name,
                            ));
                        }
                        start = i + 1;
                    }
                    _ => {}
                }
            }
        } else {
            let name = ident(rest);
            if !name.is_empty() {
                out.push((line_of(at), name));
            }
        }
    }
    out
}

/// The imports of `text`, a file of `module`, that reach a later stage: (line, the module named).
fn backward(module: &str, text: &str) -> Vec<(usize, String)> {
    let own =
        stage(module).unwrap_or_else(|| panic!("the module `{module}` has no stage in STAGES"));
    crate_paths(text)
        .into_iter()
        .filter(|(_, name)| {
            // A name that is no module (a function of the crate root, such as `crate::build`) belongs to the root.
            let theirs = stage(name).unwrap_or(STAGES.len() - 1);
            theirs > own
        })
        .collect()
}

#[test]
fn no_stage_imports_a_later_one() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut faults = Vec::new();
    for entry in walkdir::WalkDir::new(&src).sort_by_file_name() {
        let entry = entry.unwrap();
        if entry.path().extension().is_none_or(|e| e != "rs") {
            continue;
        }
        let rel = entry.path().strip_prefix(&src).unwrap();
        let module = module_of(rel);
        let text = std::fs::read_to_string(entry.path()).unwrap();
        for (line, name) in backward(&module, &text) {
            faults.push(format!(
                "src/{}:{line}: {module} uses {name}",
                rel.display()
            ));
        }
    }
    assert!(
        faults.is_empty(),
        "imports against the pipeline (data → model → measures → tables → charts → render → checks → output → serve/cli):\n{}",
        faults.join("\n")
    );
}

/// The check bites: a model file that reaches into the renderer, the way `model` once did for a colour, is caught,
/// while downward and same-stage imports and comments are not.
#[test]
fn the_check_catches_a_planted_backward_import() {
    let planted = "use crate::data::date::Date;\nuse crate::render::colour::parse_hex;\n// see crate::charts for why\nlet x = crate::measures::ratio::Ratio::percent(1, 2);\n";
    let found = backward("model", planted);
    assert_eq!(
        found,
        [(2, "render".to_string()), (4, "measures".to_string())]
    );
    assert!(backward("render", planted).is_empty());
    assert_eq!(
        backward(
            "data",
            "use crate::{diagnostics::Diagnostic, model::Report};\n"
        ),
        [(1, "model".to_string())]
    );
    let group = "use crate::{\n    data::{date::Date, money::Money},\n    tables::Table,\n};\n";
    assert_eq!(backward("model", group), [(3, "tables".to_string())]);
}
