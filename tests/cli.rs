//! The command line as people use it, through the binary: rosters as offices
//! keep them, output paths, messages, completions and the man page.

#![allow(clippy::unwrap_used, clippy::expect_used, unreachable_pub)]

mod common;

use std::collections::BTreeSet;
use std::os::unix::fs::PermissionsExt as _;
use std::os::unix::process::CommandExt as _;
use std::path::Path;
use std::process::{Command, Output, Stdio};

use common::{catalog_copy, pages, root, run, run_in, squash, tempdir, text};
use predeparture::roster::sha256_hex;

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// `render` of packets for the roster at `roster` into `out`.
fn roster(roster: &Path, out: &Path, extra: &[&str]) -> Output {
    let org = root().join("examples/org/org.toml");
    let mut args = vec![
        "render",
        "--checklist",
        "overseas-staff",
        "--profile",
        "packet",
        "--org",
        org.to_str().unwrap(),
        "--date",
        "2026-11-22",
        "--roster",
        roster.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ];
    args.extend_from_slice(extra);
    run(&args)
}

/// Everything in `dir`, by name.
fn names(dir: &Path) -> BTreeSet<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect()
}

#[test]
fn a_large_gbk_roster_reports_every_bad_row_and_writes_nothing() {
    let dir = tempdir();
    let mut csv = String::from("工号,姓名,目的地,出发日期,邮箱\n");
    let mut bad = Vec::new();
    for i in 1..=300 {
        let line = i + 1;
        let (name, dest, date) = match i % 50 {
            7 => ("", "KE", "2026-12-01"),
            19 => ("李雷", "GB", "31/02/2026"),
            23 => ("王芳", "Atlantis", "2026/12/1"),
            31 => ("王芳ⅱ", "英国", "2026年12月1日"),
            _ => ("王芳", "肯尼亚", "2026年12月1日"),
        };
        match i % 50 {
            7 => bad.push(format!("{line}: the name is empty")),
            19 => bad.push(format!("{line}: departure \"31/02/2026\" is not a date")),
            23 => bad.push(format!("{line}: unknown destination `Atlantis`")),
            31 => bad.push(format!("{line}: name \"王芳ⅱ\": no font has 'ⅱ' (U+2171)")),
            _ => {}
        }
        csv.push_str(&format!("E{i:04},{name},{dest},{date},e{i}@example.com\n"));
    }
    let (gbk, _, unmappable) = encoding_rs::GBK.encode(&csv);
    assert!(!unmappable);
    let file = dir.path().join("roster.csv");
    std::fs::write(&file, &gbk).unwrap();
    let out = dir.path().join("packets");
    let o = roster(&file, &out, &[]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    let err = stderr(&o);
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), bad.len() + 1, "{err}");
    for (line, want) in lines.iter().zip(&bad) {
        let want = format!("error: {}:{want}", file.display());
        assert!(line.starts_with(&want), "{line}\nwanted {want}");
    }
    assert!(lines.last().unwrap().contains("24 bad rows"), "{err}");
    assert_eq!(
        names(dir.path()),
        BTreeSet::from(["roster.csv".to_string()])
    );
}

/// Checks manifest.csv and manifest.json against the files in `out`.
fn check_manifest(out: &Path, people: &[&str], extra: &[&str]) {
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("manifest.json")).unwrap()).unwrap();
    let packets = json["packets"].as_array().unwrap();
    assert_eq!(packets.len(), people.len());
    let csv = std::fs::read_to_string(out.join("manifest.csv")).unwrap();
    let header = csv.lines().next().unwrap();
    let mut want = "row,name,destination,departure,file,pages,bytes,sha256".to_string();
    for column in extra {
        want.push_str(&format!(",{column}"));
    }
    assert_eq!(header, want);
    assert_eq!(csv.lines().count(), people.len() + 1);
    let mut files = BTreeSet::from(["manifest.csv".to_string(), "manifest.json".to_string()]);
    for (p, person) in packets.iter().zip(people) {
        let file = p["file"].as_str().unwrap();
        let bytes = std::fs::read(out.join(file)).unwrap();
        assert_eq!(p["bytes"].as_u64().unwrap(), bytes.len() as u64);
        assert_eq!(p["sha256"].as_str().unwrap(), sha256_hex(&bytes));
        assert_eq!(p["name"].as_str().unwrap(), *person);
        let count = pages(&out.join(file)) as u64;
        assert_eq!(p["pages"].as_u64().unwrap(), count, "{file}");
        for column in extra {
            assert!(p["extra"][column].is_string(), "{p}");
        }
        assert!(csv.contains(&sha256_hex(&bytes)));
        files.insert(file.to_string());
    }
    assert_eq!(names(out), files);
}

#[test]
fn utf16_rosters_give_packets_a_true_manifest_and_a_clean_rerun() {
    let dir = tempdir();
    let csv = "name,destination,departure,employee no\nWang Fang,KE,2026-12-01,7\nNguyen Van A,GB,2026/12/8,8\n王芳,英国,2027年1月5日,9\n";
    let mut bytes = vec![0xFF, 0xFE];
    bytes.extend(csv.encode_utf16().flat_map(u16::to_le_bytes));
    let file = dir.path().join("roster.csv");
    std::fs::write(&file, &bytes).unwrap();
    let out = dir.path().join("packets");
    let o = roster(&file, &out, &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    let total: usize = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "pdf"))
        .map(|p| pages(&p))
        .sum();
    assert!(
        stderr(&o).starts_with(&format!("wrote 3 packets ({total} pages, ")),
        "{}",
        stderr(&o)
    );
    let people = ["Wang Fang", "Nguyen Van A", "王芳"];
    check_manifest(&out, &people, &["employee no"]);
    assert!(out.join("001-overseas-staff-Wang-Fang.pdf").is_file());
    assert!(out.join("003-overseas-staff-王芳.pdf").is_file());
    let first = text(&out.join("003-overseas-staff-王芳.pdf"), Some(1));
    assert!(squash(&first).contains("王芳"), "{first}");

    // A rerun replaces the earlier run's folder whole and says so.
    let o = roster(&file, &out, &["-q"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(stderr(&o), "");
    check_manifest(&out, &people, &["employee no"]);
    assert_eq!(names(dir.path()).len(), 2, "{:?}", names(dir.path()));

    // A folder with files of its own is refused and left alone.
    std::fs::write(out.join("notes.txt"), "mine").unwrap();
    let o = roster(&file, &out, &[]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("holds files an earlier run did not write (notes.txt)"),
        "{}",
        stderr(&o)
    );
    assert!(out.join("notes.txt").is_file());
}

#[test]
fn xlsx_rosters_with_chinese_headers_and_date_cells() {
    use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
    let dir = tempdir();
    let file = dir.path().join("名单.xlsx");
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    let date = Format::new().set_num_format("yyyy-mm-dd");
    for (col, h) in ["姓名", "目的地", "出发日期", "部门"].iter().enumerate() {
        sheet.write_string(0, col as u16, *h).unwrap();
    }
    let rows = [("李雷", "KE", 1), ("Zhang Wei", "沙特阿拉伯", 8)];
    for (i, (name, dest, day)) in rows.iter().enumerate() {
        let r = i as u32 + 1;
        sheet.write_string(r, 0, *name).unwrap();
        sheet.write_string(r, 1, *dest).unwrap();
        let d = ExcelDateTime::from_ymd(2026, 12, *day).unwrap();
        sheet.write_datetime_with_format(r, 2, &d, &date).unwrap();
        sheet.write_number(r, 3, 42.0).unwrap();
    }
    book.save(&file).unwrap();
    let out = dir.path().join("packets");
    let o = roster(&file, &out, &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    check_manifest(&out, &["李雷", "Zhang Wei"], &["部门"]);
    let csv = std::fs::read_to_string(out.join("manifest.csv")).unwrap();
    assert!(
        csv.contains(",KE,2026-12-01,001-overseas-staff-李雷.pdf,"),
        "{csv}"
    );
    assert!(csv.contains(",2026-12-08,002-"), "{csv}");
    assert!(csv.lines().nth(1).unwrap().ends_with(",42"), "{csv}");
}

#[test]
fn flags_a_roster_cannot_use_are_refused() {
    let dir = tempdir();
    let file = root().join("examples/org/roster.csv");
    let out = dir.path().join("p");
    for (extra, want) in [
        (&["--name", "X"][..], "--name cannot be used with --roster"),
        (
            &["--format", "json"],
            "--format json cannot be used with --roster",
        ),
    ] {
        let o = roster(&file, &out, extra);
        assert_eq!(o.status.code(), Some(2));
        assert!(
            stderr(&o).starts_with(&format!("error: {want}")),
            "{}",
            stderr(&o)
        );
    }
    let o = roster(&file, Path::new("-"), &[]);
    assert!(stderr(&o).starts_with("error: -o - cannot be used with --roster"));
    assert_eq!(names(dir.path()).len(), 0);
}

#[test]
fn only_regular_files_are_replaced() {
    let dir = tempdir();
    let fifo = dir.path().join("fifo");
    let c = std::ffi::CString::new(fifo.to_str().unwrap()).unwrap();
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o644) }, 0);
    let link = dir.path().join("null.pdf");
    std::os::unix::fs::symlink("/dev/null", &link).unwrap();
    for (target, what) in [
        (Path::new("/dev/null"), "a device"),
        (&link, "a device"),
        (&fifo, "a named pipe"),
        (dir.path(), "a folder"),
    ] {
        let o = run(&["render", "-c", "student", "-o", target.to_str().unwrap()]);
        assert_eq!(o.status.code(), Some(2));
        let want = format!(
            "error: cannot write {}: it is {what}, not a regular file\n",
            target.display()
        );
        assert_eq!(stderr(&o), want);
    }
    let meta = std::fs::metadata("/dev/null").unwrap();
    assert!(!meta.is_file());
    assert!(std::fs::symlink_metadata(&link)
        .unwrap()
        .file_type()
        .is_symlink());
}

#[test]
fn permissions_follow_the_umask_and_are_kept() {
    let dir = tempdir();
    let render = |file: &str| {
        Command::new(env!("CARGO_BIN_EXE_predeparture"))
            .args(["render", "-c", "student", "--format", "text", "-o", file])
            .current_dir(dir.path())
            .env("SOURCE_DATE_EPOCH", "1700000000")
            .output_with_umask(0o077)
    };
    assert!(render("new.txt").status.success());
    let mode = |f: &str| {
        std::fs::metadata(dir.path().join(f))
            .unwrap()
            .permissions()
            .mode()
            & 0o777
    };
    assert_eq!(mode("new.txt"), 0o600);
    std::fs::write(dir.path().join("old.txt"), "x").unwrap();
    std::fs::set_permissions(
        dir.path().join("old.txt"),
        std::fs::Permissions::from_mode(0o640),
    )
    .unwrap();
    assert!(render("old.txt").status.success());
    assert_eq!(mode("old.txt"), 0o640);
    assert_eq!(names(dir.path()).len(), 2, "temporary files left");
}

trait WithUmask {
    fn output_with_umask(&mut self, mask: u32) -> Output;
}

impl WithUmask for Command {
    fn output_with_umask(&mut self, mask: u32) -> Output {
        unsafe {
            self.pre_exec(move || {
                libc::umask(mask as libc::mode_t);
                Ok(())
            });
        }
        self.output().unwrap()
    }
}

#[test]
fn a_closed_pipe_ends_quietly() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_predeparture"))
        .args(["render", "-c", "student", "-o", "-"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let o = child.wait_with_output().unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(stderr(&o), "");
}

#[test]
fn names_formats_and_what_was_written() {
    let dir = tempdir();
    let o = run_in(
        dir.path(),
        &["render", "-c", "student", "--profile", "phone"],
    );
    assert!(o.status.success());
    let err = stderr(&o);
    let count = pages(&dir.path().join("student-phone-zh-CN-en.pdf"));
    assert!(
        err.starts_with(&format!(
            "wrote student-phone-zh-CN-en.pdf ({count} pages, "
        )),
        "{err}"
    );
    let o = run_in(dir.path(), &["render", "-c", "student", "-o", "s.md", "-q"]);
    assert!(o.status.success());
    assert_eq!(stderr(&o), "");
    assert!(std::fs::read_to_string(dir.path().join("s.md"))
        .unwrap()
        .starts_with('#'));
    for (args, want) in [
        (
            &["-o", "s.txt", "--format", "md"][..],
            "error: --format md does not match the extension of -o (.txt)",
        ),
        (
            &["-o", "s.doc"],
            "error: cannot tell the format from the extension .doc",
        ),
        (&["--destination", "Kenia"], "did you mean `Kenya` (KE)?"),
    ] {
        let mut all = vec!["render", "-c", "student"];
        all.extend_from_slice(args);
        let o = run_in(dir.path(), &all);
        assert_eq!(o.status.code(), Some(2));
        assert!(stderr(&o).contains(want), "{}", stderr(&o));
    }
    let o = run_in(dir.path(), &["render", "-c", "studnet"]);
    assert!(
        stderr(&o).ends_with("did you mean `student`?\n"),
        "{}",
        stderr(&o)
    );
    let o = run_in(
        dir.path(),
        &[
            "render",
            "-c",
            "student",
            "--profile",
            "PHONE",
            "--page",
            "A4",
            "-o",
            "p.pdf",
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stderr(&o).starts_with("warning: --page is ignored by the phone profile"));
    assert_eq!(names(dir.path()).len(), 3);
}

#[test]
fn validate_and_render_use_the_catalog_they_are_run_in() {
    let cat = catalog_copy();
    let o = run_in(cat.path(), &["validate"]);
    let out = String::from_utf8(o.stdout).unwrap();
    assert!(out.contains("the catalog in this folder"), "{out}");
    let o = run_in(cat.path(), &["validate", "--bundled"]);
    let out = String::from_utf8(o.stdout).unwrap();
    assert!(out.contains("the built-in catalog"), "{out}");
    let o = run_in(cat.path(), &["render", "-c", "student", "-o", "x.pdf"]);
    assert!(
        stderr(&o).contains("from the catalog in this folder"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn destinations_line_up_and_count_right() {
    let o = run(&["list", "destinations"]);
    let out = String::from_utf8(o.stdout).unwrap();
    use unicode_width::UnicodeWidthStr as _;
    let columns: BTreeSet<usize> = out
        .lines()
        .map(|l| l[..l.find("oldest").unwrap()].width())
        .collect();
    assert_eq!(columns.len(), 1, "{out}");
    assert!(out.contains(" 1 mission "), "{out}");
    assert!(!out.contains(" 1 missions"), "{out}");
}

#[test]
fn completions_and_man_page() {
    for shell in ["bash", "zsh", "fish"] {
        let o = run(&["completions", shell]);
        assert!(o.status.success());
        let script = String::from_utf8(o.stdout).unwrap();
        assert!(script.contains("--roster"), "{shell}");
    }
    let o = run(&["man"]);
    let page = String::from_utf8(o.stdout).unwrap();
    assert!(
        page.starts_with(".ie") || page.contains(".TH predeparture"),
        "{page}"
    );
}

#[test]
fn init_writes_a_catalog_that_validates_and_renders() {
    let dir = tempdir();
    let o = run_in(dir.path(), &["init", "acme"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let cat = dir.path().join("acme");
    let o = run_in(&cat, &["validate"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stdout));
    let o = run_in(
        &cat,
        &[
            "render",
            "-c",
            "overseas-staff",
            "--profile",
            "packet",
            "--org",
            "org.toml",
            "--roster",
            "roster.csv",
            "-o",
            "packets",
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stderr(&o).starts_with("wrote 2 packets"), "{}", stderr(&o));
    let o = run_in(dir.path(), &["init", "acme"]);
    assert_eq!(o.status.code(), Some(2));
}
