//! Tools for translators and maintainers: `validate` on the shipped catalog
//! and on planted mistakes, the text/Markdown/JSON exports against the PDF,
//! and Traditional Chinese.

#![allow(clippy::unwrap_used, clippy::expect_used, unreachable_pub)]

mod common;

use common::*;
use predeparture::fonts::FontSet;
use predeparture::model::Catalog;
use predeparture::{Renderer, Request};

fn validate_json(catalog: &std::path::Path) -> (i32, serde_json::Value) {
    let o = run(&[
        "validate",
        "--format",
        "json",
        "--catalog",
        catalog.to_str().unwrap(),
    ]);
    (
        o.status.code().unwrap(),
        serde_json::from_slice(&o.stdout).unwrap(),
    )
}

/// The folder of catalog fixtures: `base/` and one folder per case.
fn fixtures() -> std::path::PathBuf {
    root().join("tests/fixtures/catalogs")
}

/// Copies every file under `from` into `to`, keeping relative paths.
fn overlay(from: &std::path::Path, to: &std::path::Path) {
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
            overlay(&entry.path(), &target);
        } else if entry.file_name() != "expected.txt" {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// The catalog of fixture `case`: `base/` with the case's files laid over it.
fn fixture(case: &str) -> tempfile::TempDir {
    let dir = tempdir();
    overlay(&fixtures().join("base"), dir.path());
    overlay(&fixtures().join(case), dir.path());
    dir
}

/// What `validate` says of a catalog folder, one line per finding (or
/// `error: …` when the folder cannot be read), paths relative to it.
fn validate_text(dir: &std::path::Path) -> String {
    let out = match Catalog::files_in(dir) {
        Ok(files) => predeparture::validate::validate(&files)
            .iter()
            .map(|f| format!("{f}\n"))
            .collect(),
        Err(e) => format!("error: {e}\n"),
    };
    out.replace(&format!("{}/", dir.display()), "")
}

/// Every case of `tests/fixtures/catalogs/` gives exactly the findings of its
/// `expected.txt`. `PREDEPARTURE_BLESS=1` rewrites them (review the diff).
#[test]
fn catalog_fixtures_give_their_expected_findings() {
    let bless = std::env::var_os("PREDEPARTURE_BLESS").is_some();
    let mut cases: Vec<String> = std::fs::read_dir(fixtures())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n != "base")
        .collect();
    cases.sort();
    assert!(cases.len() >= 10, "{cases:?}");
    let mut failed = Vec::new();
    for case in &cases {
        let dir = fixture(case);
        let got = validate_text(dir.path());
        let path = fixtures().join(case).join("expected.txt");
        if bless {
            std::fs::write(&path, &got).unwrap();
        }
        let want = std::fs::read_to_string(&path).unwrap_or_default();
        if got != want {
            failed.push(format!("--- {case}: expected\n{want}--- got\n{got}"));
        }
    }
    assert!(failed.is_empty(), "{}", failed.join("\n"));
}

#[test]
fn the_base_fixture_validates_clean_and_renders() {
    let dir = fixture("base");
    assert_eq!(validate_text(dir.path()), "");
    let cat = dir.path().to_str().unwrap();
    let out = dir.path().join("demo.pdf");
    let o = run(&[
        "render",
        "--catalog",
        cat,
        "--checklist",
        "demo",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
}

#[test]
fn two_unknown_sources_give_two_findings_and_no_orphans() {
    let dir = fixture("two-typos");
    let findings = predeparture::validate::validate(&Catalog::files_in(dir.path()).unwrap());
    let kinds: Vec<&str> = findings.iter().map(|f| f.kind.name()).collect();
    assert_eq!(kinds, ["unknown-source", "unknown-source"]);
}

#[test]
fn validate_reports_on_the_command_line_with_positions() {
    let dir = fixture("two-typos");
    let (code, report) = validate_json(dir.path());
    assert_eq!((code, report["count"].as_u64()), (1, Some(2)), "{report:#}");
    let o = run(&["validate", "--catalog", dir.path().to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    let text = String::from_utf8(o.stdout).unwrap();
    let line = text.lines().find(|l| l.contains("unknown-source")).unwrap();
    assert!(
        line.ends_with("demo.toml:14:12: unknown-source: unknown source `nope-1`"),
        "{line}"
    );
    // What render would trip over, validate reports first; render fails in one line.
    let dir = fixture("page-variable");
    let o = run(&["validate", "--catalog", dir.path().to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    // Warnings alone (stray files) do not fail validate.
    let dir = fixture("bom-and-stray-files");
    let (code, _) = validate_json(dir.path());
    assert_eq!(code, 0);
}

#[test]
fn validate_cannot_run_without_a_catalog() {
    let dir = tempdir();
    let o = run(&[
        "validate",
        "--catalog",
        dir.path().join("nothing").to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8(o.stderr).unwrap().starts_with("error: "));
}

/// Every item text of `doc` found in `haystack` in order (ignoring spacing).
fn in_order(haystack: &str, texts: &[String], what: &str) {
    let hay = squash(haystack).replace('\\', "");
    let mut at = 0;
    for t in texts {
        let want = squash(t);
        let found = hay[at..]
            .find(&want)
            .unwrap_or_else(|| panic!("{what}: `{t}` missing or out of order"));
        at += found + want.len();
    }
}

#[test]
fn exports_hold_the_same_items_in_the_same_order_as_the_pdf() {
    let r = Renderer::new(Catalog::bundled().unwrap(), FontSet::bundled()).unwrap();
    let dir = tempdir();
    for (checklist, langs) in [
        ("student", "zh-CN,en"),
        ("short-trip", "zh-TW,en"),
        ("overseas-staff", "en"),
    ] {
        let tags: Vec<&str> = langs.split(',').collect();
        let mut req = Request::handout(checklist, &tags);
        req.destination = Some("GB".into());
        let doc = r.document(&req).unwrap();
        let mut texts = Vec::new();
        for item in doc
            .sections
            .iter()
            .flat_map(|s| &s.items)
            .chain(&doc.channels.as_ref().unwrap().items)
        {
            texts.extend(item.text.text.iter().cloned());
        }
        let args = [
            "render",
            "--checklist",
            checklist,
            "--lang",
            langs,
            "--destination",
            "GB",
        ];
        let pdf = render(dir.path(), "e.pdf", &args[1..]);
        in_order(&text(&pdf, None), &texts, "pdf");
        for format in ["text", "md", "json"] {
            let mut all = args.to_vec();
            all.extend(["--format", format, "-o", "-"]);
            let o = run(&all);
            assert!(
                o.status.success(),
                "{format}: {}",
                String::from_utf8_lossy(&o.stderr)
            );
            let out = String::from_utf8(o.stdout).unwrap();
            if format == "json" {
                let value: serde_json::Value = serde_json::from_str(&out).unwrap();
                let mut got = Vec::new();
                for section in value["sections"].as_array().unwrap() {
                    for item in section["items"].as_array().unwrap() {
                        got.extend(
                            item["text"]["text"]
                                .as_array()
                                .unwrap()
                                .iter()
                                .map(|t| t.as_str().unwrap().to_string()),
                        );
                    }
                }
                for item in value["channels"]["items"].as_array().unwrap() {
                    got.extend(
                        item["text"]["text"]
                            .as_array()
                            .unwrap()
                            .iter()
                            .map(|t| t.as_str().unwrap().to_string()),
                    );
                }
                assert_eq!(got, texts, "{checklist} json");
            } else {
                in_order(&out, &texts, format);
                assert!(out.contains("+44-20-74368294"));
            }
        }
        // A file named by default gets the format's extension.
        let o = run_in(
            dir.path(),
            &[
                "render",
                "--checklist",
                checklist,
                "--lang",
                langs,
                "--format",
                "md",
            ],
        );
        assert!(o.status.success());
        assert!(dir
            .path()
            .join(format!("{checklist}-handout-{}.md", tags.join("-")))
            .is_file());
    }
}

#[test]
fn traditional_chinese_is_set_with_taiwan_forms() {
    let variants: Vec<Vec<&str>> = ["zh-Hant,en", "zh-HK,en", "zh-MO,en", "zh-Hant-TW,en"]
        .iter()
        .map(|v| vec!["--checklist", "student", "--lang", v])
        .collect();
    assert_renders_alike(&["--checklist", "student", "--lang", "zh-TW,en"], &variants);
    let dir = tempdir();
    render(
        dir.path(),
        "tw.pdf",
        &["--checklist", "student", "--lang", "zh-TW,en"],
    );
    // Chinese is set in the Taiwan face; only English text, for the Chinese
    // app names it mentions, falls back to the Simplified one.
    let alone = render(
        dir.path(),
        "alone.pdf",
        &["--checklist", "student", "--lang", "zh-TW"],
    );
    let fonts = tool("pdffonts", &[alone.to_str().unwrap()]);
    assert!(
        fonts.contains("NotoSansTC-Regular") && !fonts.contains("NotoSansSC"),
        "{fonts}"
    );
    let pdf = dir.path().join("tw.pdf");
    let text = squash(&text(&pdf, None));
    assert!(
        text.contains("出國留學安全提示清單") && text.contains("「中國領事」App"),
        "{text}"
    );
    let info = tool("pdfinfo", &[pdf.to_str().unwrap()]);
    assert!(
        info.contains("Title:           出國留學安全提示清單"),
        "{info}"
    );
    let doc = lopdf::Document::load(&pdf).unwrap();
    assert_eq!(
        doc.catalog()
            .unwrap()
            .get(b"Lang")
            .unwrap()
            .as_str()
            .unwrap(),
        b"zh-TW"
    );
}
