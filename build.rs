//! Embeds every file of `themes/default/` in the binary, so a site needs no theme files of its own.
//!
//! Generates `$OUT_DIR/theme_files.rs`: one sorted table of `(relative path, bytes)`, the single list of theme
//! files that [`redress::theme`] looks up (so no file name is repeated by hand in the code).
//!
//! Compresses the PDF's fonts (src/formats/pdf/fonts/*.ttf) into `$OUT_DIR/fonts/`, inflated again when a PDF is
//! made: the binary carries 465 KB of font rather than 870 KB.
//!
//! Sets `REDRESS_PDF_CODE`: a fingerprint of the code that lays out `report.pdf` (src/formats/, the fonts,
//! Cargo.lock), so a build never reuses a PDF that different code made (src/formats/cache.rs).
//!
//! A component's `README.md` and `examples.toml` are left out: they document the component and feed the tests'
//! component gallery, which read them from the repository; a built site never needs them.

use std::fmt::Write as _;
use std::path::Path;

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default");
    println!("cargo:rerun-if-changed=themes/default");
    let mut files = Vec::new();
    collect(&root, &root, &mut files);
    files.sort();
    let mut out = String::from("/// Files of the built-in theme, sorted by path.\npub(crate) static FILES: &[(&str, &[u8])] = &[\n");
    for rel in &files {
        let abs = root.join(rel);
        println!("cargo:rerun-if-changed={}", abs.display());
        let _ = writeln!(
            out,
            "    ({rel:?}, include_bytes!({:?})),",
            abs.display().to_string()
        );
    }
    out.push_str("];\n");
    let dest =
        Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("theme_files.rs");
    std::fs::write(dest, out).expect("OUT_DIR is writable");
    pdf_code_fingerprint();
    compress_fonts();
}

/// Each `.ttf` of the PDF's fonts, deflated, as `$OUT_DIR/fonts/<name>.ttf.deflate`.
fn compress_fonts() {
    use std::io::Write as _;
    let fonts = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/formats/pdf/fonts");
    let out = Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("fonts");
    std::fs::create_dir_all(&out).expect("OUT_DIR is writable");
    let mut names: Vec<String> = std::fs::read_dir(&fonts)
        .expect("src/formats/pdf/fonts exists")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".ttf"))
        .collect();
    names.sort();
    for name in names {
        let path = fonts.join(&name);
        println!("cargo:rerun-if-changed={}", path.display());
        let data = std::fs::read(&path).expect("a font file is readable");
        let mut encoder =
            flate2::write::DeflateEncoder::new(Vec::new(), flate2::Compression::best());
        encoder.write_all(&data).expect("deflate into memory");
        let packed = encoder.finish().expect("deflate into memory");
        std::fs::write(out.join(format!("{name}.deflate")), packed).expect("OUT_DIR is writable");
    }
}

/// FNV-1a over the paths and bytes of src/formats/ and Cargo.lock, in a fixed order.
fn pdf_code_fingerprint() {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    println!("cargo:rerun-if-changed=src/formats");
    println!("cargo:rerun-if-changed=Cargo.lock");
    let formats = manifest.join("src/formats");
    let mut files = Vec::new();
    collect(&formats, &formats, &mut files);
    files.sort();
    let mut paths: Vec<std::path::PathBuf> = files.iter().map(|f| formats.join(f)).collect();
    paths.push(manifest.join("Cargo.lock"));
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for path in &paths {
        let name = path
            .strip_prefix(manifest)
            .unwrap_or(path)
            .to_string_lossy()
            .into_owned();
        let bytes = std::fs::read(path).unwrap_or_default();
        for b in name.bytes().chain([0]).chain(bytes) {
            hash ^= u64::from(b);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    }
    println!("cargo:rustc-env=REDRESS_PDF_CODE={hash:016x}");
}

fn collect(root: &Path, dir: &Path, files: &mut Vec<String>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with('.') || name.ends_with('~') || is_documentation(&name) {
            continue;
        }
        if path.is_dir() {
            collect(root, &path, files);
        } else if let Ok(rel) = path.strip_prefix(root) {
            let rel: Vec<String> = rel
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect();
            files.push(rel.join("/"));
        }
    }
}

/// Files that document the theme rather than make up a site.
fn is_documentation(name: &str) -> bool {
    name == "README.md" || name == "examples.toml"
}
