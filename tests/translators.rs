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

fn has(report: &serde_json::Value, kind: &str, file: &str, message: &str) -> bool {
    report["findings"].as_array().unwrap().iter().any(|f| {
        f["kind"] == kind
            && f["file"].as_str().unwrap().ends_with(file)
            && f["message"].as_str().unwrap().contains(message)
            && f["line"].as_u64().unwrap() >= 1
    })
}

#[test]
fn the_shipped_catalog_validates_clean() {
    let o = run(&["validate"]);
    let out = String::from_utf8(o.stdout).unwrap();
    assert_eq!(o.status.code(), Some(0), "{out}");
    assert!(
        out.trim_end().ends_with("files checked: 0 findings"),
        "{out}"
    );
    let (code, report) = validate_json(&root());
    assert_eq!((code, report["count"].as_u64()), (0, Some(0)));
}

#[test]
fn validate_finds_each_kind_of_mistake() {
    let cat = catalog_copy();
    let p = |rel: &str| cat.path().join(rel);
    // Syntax error.
    edit(
        &p("locales/en/ui.ftl"),
        "ui-sources = Sources",
        "ui-sources = Sources\nbroken = { $oops",
    );
    // A message a checklist uses, missing in one language.
    edit(
        &p("locales/zh-TW/checklists.ftl"),
        "student-title =",
        "student-retitled =",
    );
    // Present in one language only, and used by nothing.
    edit(
        &p("locales/en/ui.ftl"),
        "ui-sources = Sources",
        "ui-sources = Sources\nui-extra = Extra",
    );
    // Variables that differ.
    edit(
        &p("locales/zh-CN/ui.ftl"),
        "ui-page = 第{ $page }页，共{ $total }页",
        "ui-page = 第{ $page }页，共{ $pages }页",
    );
    // Unknown source id.
    let toml = std::fs::read_to_string(p("checklists/short-trip.toml")).unwrap();
    let first = toml
        .split("sources = [\"")
        .nth(1)
        .unwrap()
        .split('"')
        .next()
        .unwrap()
        .to_string();
    edit(
        &p("checklists/short-trip.toml"),
        &format!("\"{first}\""),
        "\"no-such-source\"",
    );
    // Duplicate message in one language.
    edit(
        &p("locales/en/sources.ftl"),
        "\nsource-",
        "\nui-or = again\nsource-",
    );

    let (code, report) = validate_json(cat.path());
    assert_eq!(code, 1, "{report:#}");
    for (kind, file, message) in [
        ("syntax", "locales/en/ui.ftl", "Expected"),
        (
            "missing",
            "checklists/student.toml",
            "message `student-title` is missing in zh-TW",
        ),
        (
            "untranslated",
            "locales/en/ui.ftl",
            "message `ui-extra` is in en but not in zh-CN",
        ),
        (
            "orphan",
            "locales/zh-TW/checklists.ftl",
            "message `student-retitled` in zh-TW is not used",
        ),
        (
            "placeables",
            "locales/zh-CN/ui.ftl",
            "message `ui-page` uses {$page, $pages} in zh-CN but {$page, $total} in en",
        ),
        (
            "unknown-source",
            "checklists/short-trip.toml",
            "unknown source `no-such-source`",
        ),
        (
            "duplicate",
            "locales/en/ui.ftl",
            "message `ui-or` is defined twice in en (first at ",
        ),
    ] {
        assert!(
            has(&report, kind, file, message),
            "no {kind} finding `{message}` in {file}:\n{report:#}"
        );
    }
    // Text output: one line per finding, with file:line:col.
    let o = run(&["validate", "--catalog", cat.path().to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    let text = String::from_utf8(o.stdout).unwrap();
    let line = text.lines().find(|l| l.contains("unknown-source")).unwrap();
    let rest = line.split("short-trip.toml:").nth(1).unwrap();
    let pos: Vec<&str> = rest.split(':').take(2).collect();
    assert!(pos.iter().all(|n| n.parse::<usize>().is_ok()), "{line}");
    // A duplicate item id in a checklist.
    let cat2 = catalog_copy();
    let student = cat2.path().join("checklists/student.toml");
    let text = std::fs::read_to_string(&student).unwrap();
    let item_id = text
        .split("[[section.item]]\nid = \"")
        .nth(1)
        .unwrap()
        .split('"')
        .next()
        .unwrap()
        .to_string();
    edit(&student, &format!("[[section.item]]\nid = \"{item_id}\""), &format!("[[section.item]]\nid = \"{item_id}\"\nsources = [\"{first}\"]\n\n[[section.item]]\nid = \"{item_id}\""));
    let (code, report) = validate_json(cat2.path());
    assert_eq!(code, 1);
    assert!(
        has(
            &report,
            "duplicate",
            "checklists/student.toml",
            &format!("duplicate item id `{item_id}`")
        ),
        "{report:#}"
    );
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
