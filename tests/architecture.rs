//! The module graph reads top to bottom: each stage of the library imports
//! only the stages before it (the order below), so the crate can be read,
//! and later split, along its pipeline.

#![allow(clippy::unwrap_used, clippy::expect_used, unreachable_pub)]

use std::collections::BTreeSet;
use std::path::Path;

/// The stages in pipeline order; a module may import only those before it.
/// The facade (`lib.rs`) sits above them all, and modules built on the
/// facade's `Request` and `Renderer` (the roster) above that.
const ORDER: &[&str] = &[
    "memo", "diag", "text", "profile", "model", "l10n", "compose", "fonts", "layout", "pdf", "ack",
    "export", "validate", "<facade>", "roster",
];

/// The top-level modules that `text` refers to with `crate::…`.
fn imports(text: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    // Unit tests may drive the whole pipeline through the facade.
    let text = text.split("#[cfg(test)]").next().unwrap_or(text);
    let code: String = text
        .lines()
        .filter(|l| !l.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n");
    for (i, _) in code.match_indices("crate::") {
        let rest = &code[i + 7..];
        if let Some(group) = rest.strip_prefix('{') {
            let end = group.find('}').unwrap_or(group.len());
            for part in group[..end].split(',') {
                let name: String = part
                    .trim()
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect();
                if !name.is_empty() {
                    out.insert(name);
                }
            }
        } else {
            let name: String = rest
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            out.insert(name);
        }
    }
    out
}

/// The stage a source file belongs to: its top-level module.
fn stage(src: &Path, file: &Path) -> Option<String> {
    let rel = file.strip_prefix(src).ok()?;
    let first = rel
        .components()
        .next()?
        .as_os_str()
        .to_string_lossy()
        .into_owned();
    Some(first.trim_end_matches(".rs").to_string())
}

fn rank(module: &str) -> Option<usize> {
    ORDER.iter().position(|m| *m == module)
}

fn files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn stages_import_only_earlier_stages() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut all = Vec::new();
    files(&src, &mut all);
    let mut backward = Vec::new();
    let mut checked = 0;
    for file in &all {
        let Some(module) = stage(&src, file) else {
            continue;
        };
        // The binary's own modules and the facade may use everything.
        let Some(own) = rank(&module) else { continue };
        checked += 1;
        let text = std::fs::read_to_string(file).unwrap();
        for used in imports(&text) {
            let used_rank = match rank(&used) {
                Some(r) => r,
                // `crate::Request`, `crate::Error`…: the facade's own items.
                None if used.starts_with(char::is_uppercase) => rank("<facade>").unwrap(),
                None => continue,
            };
            if used_rank > own {
                backward.push(format!("{} imports {used}", file.display()));
            }
        }
    }
    assert!(checked > 20, "only {checked} files checked");
    assert!(
        backward.is_empty(),
        "backward edges:\n{}",
        backward.join("\n")
    );
}

#[test]
fn every_library_module_has_a_place_in_the_order() {
    let lib =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("src/lib.rs")).unwrap();
    for line in lib.lines() {
        if let Some(name) = line
            .strip_prefix("pub mod ")
            .or_else(|| line.strip_prefix("mod "))
        {
            let name = name.trim_end_matches(';');
            assert!(
                rank(name).is_some(),
                "module `{name}` is missing from ORDER"
            );
        }
    }
}
