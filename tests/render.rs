//! End-to-end: run the binary on the bundled catalog and read the PDFs back
//! the way a reader or a print shop would check them.

#![allow(clippy::unwrap_used, clippy::expect_used, unreachable_pub)]

mod common;

use common::*;
use predeparture::{Renderer, Request};

fn renderer() -> Renderer {
    Renderer::bundled().unwrap()
}

fn request(checklist: &str, langs: &[&str]) -> Request {
    Request {
        timestamp: Some(1_700_000_000),
        ..Request::handout(checklist, langs)
    }
}

#[test]
fn every_heading_and_item_is_in_the_pdf_in_order() {
    let dir = tempdir();
    let r = renderer();
    for checklist in ["student", "overseas-staff", "short-trip"] {
        for langs in [
            &["zh-CN", "en"][..],
            &["en", "zh-CN"],
            &["zh-CN"],
            &["en"],
            &["zh-TW", "en"],
            &["zh-TW"],
        ] {
            let pdf = render(
                dir.path(),
                "x.pdf",
                &["--checklist", checklist, "--lang", &langs.join(",")],
            );
            let text = squash(&text(&pdf, None));
            let doc = r.document(&request(checklist, langs)).unwrap();
            let mut at = 0;
            let mut expected = vec![&doc.title, &doc.intro];
            for s in &doc.sections {
                expected.push(&s.heading);
                expected.extend(s.items.iter().map(|i| &i.text));
            }
            expected.extend(doc.sources.iter().map(|s| &s.entry));
            for t in expected {
                for (lang, s) in t.text.iter().enumerate() {
                    let want = squash(s);
                    let found = text[at..].find(&want);
                    assert!(
                        found.is_some(),
                        "{checklist} {langs:?}: `{}` ({}) missing or out of order",
                        t.id,
                        langs[lang]
                    );
                    at += found.unwrap() + want.len();
                }
            }
            assert!(
                !text.contains('\u{FFFD}')
                    && !text.contains('\u{2068}')
                    && !text.contains('\u{2069}')
            );
        }
    }
}

#[test]
fn one_language_prints_only_that_language() {
    let dir = tempdir();
    let en = text(
        &render(
            dir.path(),
            "en.pdf",
            &["--checklist", "student", "--lang", "en"],
        ),
        None,
    );
    assert!(en.contains("Studying abroad"));
    assert!(!squash(&en).contains("出国留学安全提示清单"));
    let zh = text(
        &render(
            dir.path(),
            "zh.pdf",
            &["--checklist", "student", "--lang", "zh-CN"],
        ),
        None,
    );
    assert!(squash(&zh).contains("出国留学安全提示清单"));
    assert!(!zh.contains("Studying abroad"));
}

#[test]
fn fonts_are_embedded_as_subsets_with_unicode_maps() {
    let dir = tempdir();
    let pdf = render(dir.path(), "s.pdf", &["--checklist", "student"]);
    let out = tool("pdffonts", &[pdf.to_str().unwrap()]);
    let rows: Vec<&str> = out.lines().skip(2).collect();
    assert!(rows.len() >= 3, "{out}");
    for row in &rows {
        let cols: Vec<&str> = row.split_whitespace().collect();
        let name = cols[0];
        assert!(
            name.len() > 7
                && name[..6].chars().all(|c| c.is_ascii_uppercase())
                && &name[6..7] == "+",
            "no subset tag: {row}"
        );
        assert_eq!(
            &cols[cols.len() - 5..cols.len() - 2],
            &["yes", "yes", "yes"],
            "emb/sub/uni: {row}"
        );
    }
    assert!(
        rows.iter().any(|r| r.contains("NotoSansSC-Regular"))
            && rows.iter().any(|r| r.contains("NotoSans-Regular")),
        "{out}"
    );
}

#[test]
fn bilingual_handouts_stay_small() {
    let dir = tempdir();
    for checklist in ["student", "overseas-staff", "short-trip"] {
        let pdf = render(
            dir.path(),
            "b.pdf",
            &["--checklist", checklist, "--lang", "zh-CN,en"],
        );
        let size = std::fs::metadata(&pdf).unwrap().len();
        assert!(size < 200_000, "{checklist}: {size} bytes");
        // The wallet card has a sheet of its own (at most a blank page and its own).
        assert!(
            (2..=8).contains(&pages(&pdf)),
            "{checklist}: {} pages",
            pages(&pdf)
        );
    }
}

#[test]
fn output_is_deterministic_across_runs_and_within_a_process() {
    let dir = tempdir();
    let a = std::fs::read(render(dir.path(), "a.pdf", &["--checklist", "short-trip"])).unwrap();
    let b = std::fs::read(render(dir.path(), "b.pdf", &["--checklist", "short-trip"])).unwrap();
    assert!(a == b, "two runs differ");
    let r = renderer();
    let req = request("short-trip", &["zh-CN", "en"]);
    let first = r.render(&req).unwrap();
    r.render(&request("student", &["en"])).unwrap();
    assert!(
        first == r.render(&req).unwrap(),
        "two renders in one process differ"
    );
    assert!(
        first == a,
        "library and binary differ for the same input and date"
    );
}

#[test]
fn language_variants_negotiate_to_the_same_document() {
    let variants: Vec<Vec<&str>> = ["zh,en-GB", "zh-Hans,en-US", "zh-Hans-CN,en", "zh-SG,en"]
        .iter()
        .map(|v| vec!["--checklist", "student", "--lang", v])
        .collect();
    assert_renders_alike(&["--checklist", "student", "--lang", "zh-CN,en"], &variants);
}

#[test]
fn metadata_language_and_structure() {
    let dir = tempdir();
    let pdf = render(
        dir.path(),
        "m.pdf",
        &["--checklist", "student", "--lang", "zh-CN,en"],
    );
    let info = tool("pdfinfo", &[pdf.to_str().unwrap()]);
    assert!(
        info.contains("Title:           出国留学安全提示清单 / Studying abroad"),
        "{info}"
    );
    assert!(
        info.contains("CreationDate:    Tue Nov 14 22:13:20 2023 UTC"),
        "{info}"
    );
    assert!(
        info.contains("Page size:       595.276 x 841.89 pts (A4)"),
        "{info}"
    );
    let doc = lopdf::Document::load(&pdf).unwrap();
    let lang = doc
        .catalog()
        .unwrap()
        .get(b"Lang")
        .unwrap()
        .as_str()
        .unwrap()
        .to_vec();
    assert_eq!(lang, b"zh-CN");
    let check = tool("qpdf", &["--check", pdf.to_str().unwrap()]);
    assert!(
        check.contains("No syntax or stream encoding errors"),
        "{check}"
    );

    let en = render(
        dir.path(),
        "e.pdf",
        &[
            "--checklist",
            "student",
            "--lang",
            "en,zh-CN",
            "--page",
            "letter",
        ],
    );
    let doc = lopdf::Document::load(&en).unwrap();
    assert_eq!(
        doc.catalog()
            .unwrap()
            .get(b"Lang")
            .unwrap()
            .as_str()
            .unwrap(),
        b"en"
    );
    assert!(tool("pdfinfo", &[en.to_str().unwrap()]).contains("Page size:       612 x 792"));
}

#[test]
fn every_page_has_its_footer() {
    let dir = tempdir();
    let pdf = render(
        dir.path(),
        "f.pdf",
        &["--checklist", "student", "--lang", "zh-CN,en"],
    );
    let total = pages(&pdf);
    assert!(total >= 2);
    for n in 1..=total {
        let t = squash(&text(&pdf, Some(n)));
        assert!(
            t.contains(&format!("第{n}页，共{total}页")),
            "page {n}: {t}"
        );
        assert!(t.contains(&format!("Page{n}of{total}")), "page {n}");
    }
}

#[test]
fn each_item_has_one_vector_tick_box() {
    let dir = tempdir();
    let r = renderer();
    for (checklist, roles) in [("student", ""), ("overseas-staff", "sensitive")] {
        let mut args = vec!["--checklist", checklist];
        let mut req = request(checklist, &["zh-CN", "en"]);
        if !roles.is_empty() {
            args.extend(["--role", roles]);
            req.roles = vec![roles.to_string()];
        }
        let pdf = render(dir.path(), "t.pdf", &args);
        let items: usize = r
            .document(&req)
            .unwrap()
            .sections
            .iter()
            .map(|s| s.items.len())
            .sum();
        let doc = lopdf::Document::load(&pdf).unwrap();
        let mut boxes = 0;
        for (_, page) in doc.get_pages() {
            let content = lopdf::content::Content::decode(&doc.get_page_content(page)).unwrap();
            // Stroked squares: QR modules are filled, the card's cut line is not square.
            let ops = &content.operations;
            boxes += ops
                .windows(2)
                .filter(|w| {
                    let side = |i: usize| w[0].operands[i].as_float().unwrap();
                    w[0].operator == "re"
                        && w[1].operator == "S"
                        && (side(2) - side(3)).abs() < 0.01
                })
                .count();
        }
        assert_eq!(boxes, items, "{checklist}");
        assert!(!text(&pdf, None).contains('☐'));
    }
}

#[test]
fn roles_select_extra_items() {
    let r = renderer();
    let mut req = request("overseas-staff", &["en"]);
    let plain: usize = r
        .document(&req)
        .unwrap()
        .sections
        .iter()
        .map(|s| s.items.len())
        .sum();
    req.roles = vec!["sensitive".into()];
    let doc = r.document(&req).unwrap();
    let with_role: usize = doc.sections.iter().map(|s| s.items.len()).sum();
    assert!(with_role > plain);
    let edition = doc.edition.expect("an edition line");
    let dir = tempdir();
    let pdf = render(
        dir.path(),
        "r.pdf",
        &[
            "--checklist",
            "overseas-staff",
            "--lang",
            "en",
            "--role",
            "sensitive",
        ],
    );
    assert!(squash(&text(&pdf, None)).contains(&squash(&edition.text[0])));
}

#[test]
fn text_stays_inside_the_margins() {
    let dir = tempdir();
    for (page, width, height) in [("a4", 595.276, 841.89), ("letter", 612.0, 792.0)] {
        let pdf = render(
            dir.path(),
            "g.pdf",
            &[
                "--checklist",
                "overseas-staff",
                "--role",
                "sensitive",
                "--page",
                page,
            ],
        );
        let html = tool("pdftotext", &["-bbox", pdf.to_str().unwrap(), "-"]);
        let mut words = 0;
        for line in html.lines().filter(|l| l.trim_start().starts_with("<word")) {
            let attr = |name: &str| -> f64 {
                let start = line.find(&format!("{name}=\"")).unwrap() + name.len() + 2;
                line[start..].split('"').next().unwrap().parse().unwrap()
            };
            let (x0, x1, y1) = (attr("xMin"), attr("xMax"), attr("yMax"));
            assert!(
                x0 >= 46.0 - 5.0 && x1 <= width - 46.0 + 0.5,
                "{page}: outside the side margins: {line}"
            );
            assert!(y1 <= height - 20.0, "{page}: below the footer: {line}");
            words += 1;
        }
        assert!(words > 300);
    }
}

#[test]
fn default_output_name_and_list() {
    let dir = tempdir();
    let o = run_in(
        dir.path(),
        &["render", "--checklist", "short-trip", "--lang", "en,zh"],
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(dir.path().join("short-trip-handout-en-zh-CN.pdf").is_file());
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names.len(), 1, "stray files: {names:?}");

    let o = run(&["list"]);
    assert!(o.status.success());
    let out = String::from_utf8(o.stdout).unwrap();
    for want in [
        "student",
        "overseas-staff  (roles: sensitive)",
        "short-trip",
        "出国留学安全提示清单",
        "Studying abroad",
        "zh-CN  简体中文",
        "en     English",
    ] {
        assert!(out.contains(want), "list lacks {want:?}:\n{out}");
    }
}

#[test]
fn another_catalog_and_font_folder_can_be_used() {
    let cat = catalog_copy();
    edit(
        &cat.path().join("locales/en/checklists.ftl"),
        "student-title = ",
        "student-title = Acme University: ",
    );
    let fonts = tempdir();
    for f in ["NotoSans-Regular.ttf", "NotoSans-Bold.ttf"] {
        std::fs::copy(root().join("fonts").join(f), fonts.path().join(f)).unwrap();
    }
    let dir = tempdir();
    let pdf = render(
        dir.path(),
        "c.pdf",
        &[
            "--checklist",
            "student",
            "--lang",
            "en",
            "--catalog",
            cat.path().to_str().unwrap(),
            "--font-dir",
            fonts.path().to_str().unwrap(),
        ],
    );
    assert!(squash(&text(&pdf, None)).contains("AcmeUniversity:Studyingabroad"));
}

/// The longest run of dark pixels in any row of a grayscale PGM (P5), as
/// `(start, length)` in pixels.
fn longest_dark_run(pgm: &[u8]) -> (usize, usize) {
    let header: Vec<&[u8]> = pgm.splitn(5, u8::is_ascii_whitespace).collect();
    let number = |i: usize| {
        std::str::from_utf8(header[i])
            .unwrap()
            .parse::<usize>()
            .unwrap()
    };
    let (width, height) = (number(1), number(2));
    let pixels = &pgm[pgm.len() - width * height..];
    let mut best = (0, 0);
    for row in pixels.chunks(width) {
        let mut start = 0;
        for (x, &p) in row.iter().enumerate() {
            if p >= 128 {
                start = x + 1;
            } else if x + 1 - start > best.1 {
                best = (start, x + 1 - start);
            }
        }
    }
    best
}

#[test]
fn a_two_em_dash_prints_as_one_rule_two_ems_long_and_copies_out() {
    let catalog = dash_catalog();
    let r = Renderer::new(
        predeparture::model::Catalog::from_dir(catalog.path()).unwrap(),
        predeparture::fonts::FontSet::bundled(),
    )
    .unwrap();
    let fonts = predeparture::fonts::FontSet::bundled();
    let metrics = fonts.metrics();
    let dir = tempdir();
    let dpi = 600.0;
    for langs in [&["zh-CN", "en"][..], &["zh-TW", "en"]] {
        let req = request("student", langs);
        let pdf = dir.path().join("dash.pdf");
        std::fs::write(&pdf, r.render(&req).unwrap()).unwrap();
        let layout = r.layout(&req).unwrap();
        // Page 1 has the heading's dash (bold) and the items' three.
        let page = &layout.pages[0];
        let mut measured = 0;
        for item in &page.items {
            let predeparture::layout::Item::Line(line) = item else {
                continue;
            };
            for run in line.runs.iter().filter(|r| r.text == "——") {
                // Where the rule should start: the first dash's ink, scaled.
                let m = &metrics[run.face.0];
                let (left, _) = m.ink('—').unwrap();
                let start = run.x + left * run.scale * run.size;
                let em = run.size;
                let k = dpi / 72.0;
                let (x0, y0) = (start - 0.5 * em, line.baseline - 0.5 * em);
                let crop = [x0 * k, y0 * k, 3.0 * em * k, 0.4 * em * k].map(|v| v.round());
                let out = dir.path().join("dash");
                let numbers = crop.map(|v| (v as i64).to_string());
                tool(
                    "pdftoppm",
                    &[
                        "-gray",
                        "-r",
                        "600",
                        "-f",
                        "1",
                        "-l",
                        "1",
                        "-x",
                        &numbers[0],
                        "-y",
                        &numbers[1],
                        "-W",
                        &numbers[2],
                        "-H",
                        &numbers[3],
                        "-singlefile",
                        pdf.to_str().unwrap(),
                        out.to_str().unwrap(),
                    ],
                );
                let (from, length) =
                    longest_dark_run(&std::fs::read(dir.path().join("dash.pgm")).unwrap());
                let (from, length) = ((crop[0] + from as f32) / k, length as f32 / k);
                assert!(
                    (length / em - 2.0).abs() <= 0.02,
                    "{langs:?} {}: the rule is {} em long",
                    line.text(),
                    length / em
                );
                assert!((from - start).abs() <= 0.02 * em, "{from} {start}");
                measured += 1;
            }
        }
        assert_eq!(measured, 4, "{langs:?}");
        // Copied out, each is still two dashes side by side.
        let copied = text(&pdf, Some(1));
        assert_eq!(copied.matches("——").count(), 4, "{copied}");
    }
}
