//! Compiles the bundled catalog (checklists/ and locales/) into the library.

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
    let mut out = String::from("/// The bundled catalog: (path relative to the repository, contents).\npub static FILES: &[(&str, &str)] = &[\n");
    for rel in &files {
        println!("cargo:rerun-if-changed={rel}");
        writeln!(
            out,
            "    ({rel:?}, include_str!(concat!(env!(\"CARGO_MANIFEST_DIR\"), \"/{rel}\"))),"
        )
        .unwrap();
    }
    out.push_str("];\n");
    let dest = Path::new(&std::env::var("OUT_DIR").unwrap()).join("bundled_catalog.rs");
    std::fs::write(dest, out).unwrap();
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
