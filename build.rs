//! Compiles the bundled catalog (checklists/ and locales/) and the bundled
//! fonts (fonts/<Family>-Regular.ttf, fonts/<Family>-Bold.ttf, and the
//! compressed fallbacks fonts/<Family>-<Weight>.ttf.br with
//! fonts/<Family>.coverage) into the library.

// A build script reports failure by panicking.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::fmt::Write as _;
use std::path::Path;

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    for dir in ["checklists", "locales"] {
        println!("cargo:rerun-if-changed={dir}");
        walk(&root.join(dir), root, &mut files);
    }
    files.sort();
    let mut out = String::from("/// The bundled catalog: (path relative to the repository, contents).\npub(super) static FILES: &[(&str, &str)] = &[\n");
    for rel in &files {
        println!("cargo:rerun-if-changed={rel}");
        writeln!(
            out,
            "    ({rel:?}, include_str!(concat!(env!(\"CARGO_MANIFEST_DIR\"), \"/{rel}\"))),"
        )
        .unwrap();
    }
    out.push_str("];\n");
    let out_dir = std::env::var("OUT_DIR").unwrap();
    std::fs::write(Path::new(&out_dir).join("bundled_catalog.rs"), out).unwrap();

    println!("cargo:rerun-if-changed=fonts");
    let out = bundled_fonts(&root.join("fonts"));
    std::fs::write(Path::new(&out_dir).join("bundled_fonts.rs"), out).unwrap();
}

/// The generated `FONTS` (primary faces, `fonts/<Family>-<Weight>.ttf`) and
/// `PACKED` (fallback faces, `fonts/<Family>-<Weight>.ttf.br`, brotli, with
/// the characters of `fonts/<Family>.coverage`).
fn bundled_fonts(dir: &Path) -> String {
    let mut fonts: Vec<(String, &str, String, bool)> = std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            let (stem, packed) = match name.strip_suffix(".ttf.br") {
                Some(stem) => (stem, true),
                None => (name.strip_suffix(".ttf")?, false),
            };
            let (family, weight) = stem
                .strip_suffix("-Regular")
                .map(|f| (f, "Regular"))
                .or_else(|| stem.strip_suffix("-Bold").map(|f| (f, "Bold")))?;
            Some((family.to_string(), weight, name.clone(), packed))
        })
        .collect();
    fonts.sort();
    let mut out = String::from("/// The bundled primary fonts: (family, weight, file name, contents).\npub(super) static FONTS: &[(&str, Weight, &str, &[u8])] = &[\n");
    for (family, weight, file, _) in fonts.iter().filter(|f| !f.3) {
        println!("cargo:rerun-if-changed=fonts/{file}");
        writeln!(out, "    ({family:?}, Weight::{weight}, {file:?}, include_bytes!(concat!(env!(\"CARGO_MANIFEST_DIR\"), \"/fonts/{file}\"))),").unwrap();
    }
    out.push_str("];\n");
    let packed: Vec<_> = fonts.iter().filter(|f| f.3).collect();
    let mut families: Vec<&str> = packed.iter().map(|f| f.0.as_str()).collect();
    families.dedup();
    for family in &families {
        let file = format!("fonts/{family}.coverage");
        println!("cargo:rerun-if-changed={file}");
        let text = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(&file))
            .unwrap_or_else(|e| panic!("{file}: {e}"));
        writeln!(
            out,
            "static COVERAGE_{}: &[(u32, u32)] = &[",
            family.to_uppercase()
        )
        .unwrap();
        for line in text
            .lines()
            .filter(|l| !l.starts_with('#') && !l.is_empty())
        {
            let (lo, hi) = line.split_once('-').unwrap_or((line, line));
            let hex =
                |s: &str| u32::from_str_radix(s, 16).unwrap_or_else(|e| panic!("{file}: {s}: {e}"));
            writeln!(out, "    (0x{:X}, 0x{:X}),", hex(lo), hex(hi)).unwrap();
        }
        out.push_str("];\n");
    }
    out.push_str("/// The bundled fallback fonts, brotli-compressed: (family, weight, file\n/// name, compressed contents, characters as sorted ranges).\npub(super) static PACKED: &[PackedFont] = &[\n");
    for (family, weight, file, _) in &packed {
        println!("cargo:rerun-if-changed=fonts/{file}");
        writeln!(out, "    ({family:?}, Weight::{weight}, {:?}, include_bytes!(concat!(env!(\"CARGO_MANIFEST_DIR\"), \"/fonts/{file}\")), COVERAGE_{}),", file.trim_end_matches(".br"), family.to_uppercase()).unwrap();
    }
    out.push_str("];\n");
    writeln!(
        out,
        "/// How many fallback fonts there are.\npub(super) const PACKED_COUNT: usize = {};",
        packed.len()
    )
    .unwrap();
    out
}

fn walk(dir: &Path, root: &Path, out: &mut Vec<String>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            println!("cargo:rerun-if-changed={}", path.display());
            walk(&path, root, out);
        } else if path.extension().is_some_and(|e| e == "toml" || e == "ftl") {
            out.push(
                path.strip_prefix(root)
                    .unwrap()
                    .to_string_lossy()
                    .replace('\\', "/"),
            );
        }
    }
}
