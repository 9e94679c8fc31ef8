//! Helpers for the integration tests: run the binary, read PDFs back with
//! poppler, and copy the bundled catalog to change it.

#![allow(dead_code, unreachable_pub, clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The repository root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A fresh temporary directory.
pub fn tempdir() -> tempfile::TempDir {
    tempfile::tempdir().expect("temp dir")
}

/// Runs `predeparture` with `args` and a fixed SOURCE_DATE_EPOCH.
pub fn run(args: &[&str]) -> Output {
    run_in(&std::env::temp_dir(), args)
}

/// Runs `predeparture` in `dir`.
pub fn run_in(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_predeparture"))
        .args(args)
        .current_dir(dir)
        .env("SOURCE_DATE_EPOCH", "1700000000")
        .output()
        .expect("run predeparture")
}

/// Renders and returns the PDF path; panics with stderr on failure.
pub fn render(dir: &Path, name: &str, args: &[&str]) -> PathBuf {
    let out = dir.join(name);
    let mut all = vec!["render"];
    all.extend_from_slice(args);
    all.extend_from_slice(&["-o", out.to_str().unwrap()]);
    let o = run(&all);
    assert!(
        o.status.success(),
        "render {args:?} failed: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    out
}

/// Runs a poppler or qpdf tool and returns its stdout.
pub fn tool(name: &str, args: &[&str]) -> String {
    let o = Command::new(name).args(args).output().unwrap_or_else(|e| {
        panic!("{name} is needed for this test (apt-get install poppler-utils qpdf): {e}")
    });
    assert!(
        o.status.success(),
        "{name} {args:?}: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8(o.stdout).expect("utf-8")
}

/// Text of the PDF (or of `page`) in content-stream order.
pub fn text(pdf: &Path, page: Option<usize>) -> String {
    let p = pdf.to_str().unwrap();
    match page {
        Some(n) => tool(
            "pdftotext",
            &["-raw", "-f", &n.to_string(), "-l", &n.to_string(), p, "-"],
        ),
        None => tool("pdftotext", &["-raw", p, "-"]),
    }
}

/// `s` without any whitespace, for comparisons that ignore spacing.
pub fn squash(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{A0}')
        .collect()
}

/// Number of pages.
pub fn pages(pdf: &Path) -> usize {
    let info = tool("pdfinfo", &[pdf.to_str().unwrap()]);
    info.lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .unwrap()
        .trim()
        .parse()
        .unwrap()
}

/// A copy of the bundled catalog (checklists/ and locales/) in a temp dir.
pub fn catalog_copy() -> tempfile::TempDir {
    let dir = tempdir();
    for sub in ["checklists", "locales"] {
        copy_dir(&root().join(sub), &dir.path().join(sub));
    }
    dir
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// Replaces `from` by `to` in `file`, which must contain it.
pub fn edit(file: &Path, from: &str, to: &str) {
    let text = std::fs::read_to_string(file).unwrap();
    assert!(
        text.contains(from),
        "{} does not contain {from:?}",
        file.display()
    );
    std::fs::write(file, text.replacen(from, to, 1)).unwrap();
}

/// Renders `base` and each of `variants` (render arguments) and asserts that
/// every variant gives the same bytes as `base`.
pub fn assert_renders_alike(base: &[&str], variants: &[Vec<&str>]) {
    let dir = tempdir();
    let first = std::fs::read(render(dir.path(), "base.pdf", base)).unwrap();
    for args in variants {
        let other = std::fs::read(render(dir.path(), "variant.pdf", args)).unwrap();
        assert!(first == other, "{args:?} differs from {base:?}");
    }
}

/// A copy of the bundled catalog with two-em dashes in the student
/// checklist's Chinese texts: in a heading (bold), twice in an item, and
/// after a closing quote.
pub fn dash_catalog() -> tempfile::TempDir {
    let dir = catalog_copy();
    let locales = dir.path().join("locales");
    for (lang, edits) in [
        (
            "zh-CN",
            [
                (
                    "student-before = 出发之前",
                    "student-before = 出发之前——准备",
                ),
                ("在有效期内，", "在有效期内——这是第一步——"),
                ("完成“海外公民登记”，", "完成“海外公民登记”——"),
            ],
        ),
        (
            "zh-TW",
            [
                (
                    "student-before = 出發之前",
                    "student-before = 出發之前——準備",
                ),
                ("仍在有效期限內，", "仍在有效期限內——這是第一步——"),
                ("完成「海外公民登記」，", "完成「海外公民登記」——"),
            ],
        ),
    ] {
        for (from, to) in edits {
            edit(&locales.join(lang).join("checklists.ftl"), from, to);
        }
    }
    dir
}
