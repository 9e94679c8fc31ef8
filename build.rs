//! Compiles the bundled catalog (checklists/ and locales/) and the bundled
//! fonts (fonts/<Family>-Regular.ttf, fonts/<Family>-Bold.ttf) into the library.

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
    let mut fonts: Vec<(String, &str, String)> = std::fs::read_dir(root.join("fonts"))
        .unwrap()
        .flatten()
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            let stem = name.strip_suffix(".ttf")?;
            let (family, weight) = stem
                .strip_suffix("-Regular")
                .map(|f| (f, "Regular"))
                .or_else(|| stem.strip_suffix("-Bold").map(|f| (f, "Bold")))?;
            Some((family.to_string(), weight, name.clone()))
        })
        .collect();
    fonts.sort();
    let mut out = String::from("/// The bundled fonts: (family, weight, file name, contents).\npub(super) static FONTS: &[(&str, Weight, &str, &[u8])] = &[\n");
    for (family, weight, file) in &fonts {
        println!("cargo:rerun-if-changed=fonts/{file}");
        writeln!(out, "    ({family:?}, Weight::{weight}, {file:?}, include_bytes!(concat!(env!(\"CARGO_MANIFEST_DIR\"), \"/fonts/{file}\"))),").unwrap();
    }
    out.push_str("];\n");
    std::fs::write(Path::new(&out_dir).join("bundled_fonts.rs"), out).unwrap();
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
