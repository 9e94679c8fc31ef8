//! Bad input: every case gives one clear line on stderr (with file:line:col
//! where there is a file), exit status 2, and no output file.

#![allow(clippy::unwrap_used, clippy::expect_used, unreachable_pub)]

mod common;

use std::path::Path;

use common::*;

/// Renders from `catalog` into a fresh folder; asserts failure and returns the error line.
fn fails(catalog: Option<&Path>, args: &[&str]) -> String {
    let dir = tempdir();
    let out = dir.path().join("out.pdf");
    let mut all = vec!["render"];
    all.extend_from_slice(args);
    if let Some(c) = catalog {
        all.extend(["--catalog", c.to_str().unwrap()]);
    }
    all.extend(["-o", out.to_str().unwrap()]);
    let o = run(&all);
    let stderr = String::from_utf8(o.stderr).unwrap();
    assert_eq!(
        o.status.code(),
        Some(2),
        "{args:?} should fail with 2: {stderr}"
    );
    assert_eq!(stderr.lines().count(), 1, "one line expected: {stderr}");
    assert!(stderr.starts_with("error: "), "{stderr}");
    let left: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
    assert!(left.is_empty(), "{args:?} left files behind: {left:?}");
    stderr.trim_end().trim_start_matches("error: ").to_string()
}

fn student_fails_with(edit_file: &str, from: &str, to: &str) -> String {
    let cat = catalog_copy();
    edit(&cat.path().join(edit_file), from, to);
    let e = fails(
        Some(cat.path()),
        &["--checklist", "student", "--lang", "zh-CN,en"],
    );
    e.replace(&format!("{}/", cat.path().display()), "")
}

#[test]
fn malformed_toml_names_file_line_and_column() {
    let e = student_fails_with(
        "checklists/student.toml",
        "[[section]]",
        "[[section]]\nid = ",
    );
    assert!(e.starts_with("checklists/student.toml:"), "{e}");
    let pos: Vec<usize> = e
        .split(':')
        .skip(1)
        .take(2)
        .map(|n| n.parse().unwrap())
        .collect();
    assert!(pos[0] > 1 && pos[1] >= 1, "{e}");
}

#[test]
fn unknown_keys_are_rejected() {
    let e = student_fails_with(
        "checklists/student.toml",
        "as-of =",
        "colour = \"red\"\nas-of =",
    );
    assert!(e.contains("unknown field `colour`"), "{e}");
    assert!(e.starts_with("checklists/student.toml:"), "{e}");
}

#[test]
fn unknown_source_id_is_located() {
    let toml = std::fs::read_to_string(root().join("checklists/student.toml")).unwrap();
    let first = toml
        .split("sources = [\"")
        .nth(1)
        .unwrap()
        .split('"')
        .next()
        .unwrap()
        .to_string();
    let e = student_fails_with(
        "checklists/student.toml",
        &format!("\"{first}\""),
        "\"no-such-source\"",
    );
    assert!(
        e.starts_with("checklists/student.toml:") && e.ends_with("unknown source `no-such-source`"),
        "{e}"
    );
}

#[test]
fn malformed_fluent_names_file_line_and_column() {
    let e = student_fails_with(
        "locales/en/checklists.ftl",
        "student-title =",
        "broken = { $oops\nstudent-title =",
    );
    assert!(e.starts_with("locales/en/checklists.ftl:"), "{e}");
}

#[test]
fn a_message_missing_in_one_language_is_named() {
    let e = student_fails_with(
        "locales/zh-CN/checklists.ftl",
        "student-title =",
        "student-retitled =",
    );
    assert_eq!(e, "locales/zh-CN: message `student-title` is missing");
}

#[test]
fn a_character_no_font_has_is_named_with_its_message() {
    let e = student_fails_with(
        "locales/en/checklists.ftl",
        "student-title = ",
        "student-title = \u{2610} ",
    );
    assert!(
        e.starts_with("no font has '☐' (U+2610), in \"☐ Studying abroad")
            && e.contains("(message `student-title`)")
            && e.ends_with("add a font that has it with --font-dir DIR"),
        "{e}"
    );
}

#[test]
fn unknown_checklist_language_and_role_list_the_choices() {
    assert_eq!(
        fails(None, &["--checklist", "nope"]),
        "unknown checklist `nope`; available: overseas-staff, short-trip, student"
    );
    assert_eq!(
        fails(None, &["--checklist", "student", "--lang", "fr"]),
        "unsupported language `fr`; available: en, zh-CN, zh-TW"
    );
    assert_eq!(
        fails(None, &["--checklist", "student", "--lang", "ja"]),
        "unsupported language `ja`; available: en, zh-CN, zh-TW"
    );
    assert_eq!(
        fails(None, &["--checklist", "overseas-staff", "--role", "boss"]),
        "checklist `overseas-staff` has no role `boss`; its roles: sensitive"
    );
}

#[test]
fn unwritable_output_is_an_error_and_writes_nothing() {
    let dir = tempdir();
    let target = dir.path().join("missing-folder/out.pdf");
    let o = run(&[
        "render",
        "--checklist",
        "student",
        "-o",
        target.to_str().unwrap(),
    ]);
    let stderr = String::from_utf8(o.stderr).unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr.starts_with(&format!("error: cannot write {}", target.display())),
        "{stderr}"
    );
    assert_eq!(stderr.lines().count(), 1);
    assert!(!target.exists());
    // A directory as target.
    let o = run(&[
        "render",
        "--checklist",
        "student",
        "-o",
        dir.path().to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
}

#[test]
fn a_catalog_folder_must_be_a_catalog() {
    let dir = tempdir();
    let e = fails(Some(dir.path()), &["--checklist", "student"]);
    assert!(
        e.ends_with("not a catalog (expected checklists/ and locales/ folders)"),
        "{e}"
    );
}

#[test]
fn an_existing_file_is_left_intact_when_rendering_fails() {
    let dir = tempdir();
    let out = dir.path().join("keep.pdf");
    std::fs::write(&out, b"previous").unwrap();
    let o = run(&[
        "render",
        "--checklist",
        "student",
        "--lang",
        "fr",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(std::fs::read(&out).unwrap(), b"previous");
}

#[test]
fn a_footer_that_fails_on_later_pages_is_an_error_not_a_crash() {
    // Page 1 formats; pages after it use a variable the program never gives.
    let e = student_fails_with(
        "locales/en/ui.ftl",
        "ui-page = Page { $page } of { $total }",
        "ui-page = { $page ->\n    [1] Page 1 of { $total }\n   *[other] Page { $page } of { $total } { $section }\n}",
    );
    assert!(e.starts_with("locales/en/ui.ftl:"), "{e}");
    assert!(e.contains("ui-page") && e.contains("$section"), "{e}");
}

#[test]
fn an_address_too_long_for_a_qr_code_prints_without_one() {
    let cat = catalog_copy();
    let long = format!("www.example.com/{}", "a".repeat(3000));
    edit(
        &cat.path().join("locales/en/checklists.ftl"),
        "student-before-procedures = ",
        &format!("student-before-procedures = See {long} first. "),
    );
    let dir = tempdir();
    let pdf = dir.path().join("long.pdf");
    let o = run(&[
        "render",
        "--checklist",
        "student",
        "--lang",
        "en",
        "--catalog",
        cat.path().to_str().unwrap(),
        "-o",
        pdf.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(squash(&text(&pdf, None)).contains(&"a".repeat(200)));
}
