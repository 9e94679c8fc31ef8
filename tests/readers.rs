//! The PDFs read the same in more than poppler: for a bilingual handout, an
//! English one, a phone PDF, a packet and a handout with two-em dashes,
//! `qpdf --check` finds nothing, poppler (`pdftotext`), MuPDF (`mutool`)
//! and pdf.js (`tests/readers/extract.mjs`) copy out the same text page by
//! page and complain about nothing, and poppler and MuPDF draw the first and
//! last pages alike.
//!
//! Needs qpdf, poppler-utils, mupdf-tools, Node.js and
//! `npm ci --prefix tests/readers`; without them the tests are skipped with
//! a note, except under CI, where they fail.

#![allow(clippy::unwrap_used, clippy::expect_used, unreachable_pub)]

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use common::*;

/// A string that every reader must copy out of the document (compared with
/// whitespace removed, as the texts are).
enum Key {
    /// Somewhere in the document.
    Anywhere(&'static str),
    /// Exactly `count` times on page `page` (1-based).
    OnPage(usize, &'static str, usize),
}

// ---------------------------------------------------------------------------
// The documents

#[test]
fn bilingual_student_handout_reads_the_same_everywhere() {
    check(
        "student-zh-CN-en",
        &["--bundled", "-c", "student", "--lang", "zh-CN,en"],
        &[
            Key::OnPage(1, "出国留学安全提示清单", 1),
            Key::OnPage(1, "Studying abroad", 1),
            Key::Anywhere("12308"),
            Key::Anywhere("cs.mfa.gov.cn"),
        ],
    );
}

#[test]
fn english_handout_reads_the_same_everywhere() {
    check(
        "student-en",
        &["--bundled", "-c", "student", "--lang", "en"],
        &[
            Key::OnPage(1, "Studying abroad", 1),
            Key::OnPage(1, "Before you leave", 1),
            Key::Anywhere("12308"),
        ],
    );
}

#[test]
fn phone_pdf_reads_the_same_everywhere() {
    check(
        "student-phone",
        &[
            "--bundled",
            "-c",
            "student",
            "--lang",
            "zh-CN,en",
            "--profile",
            "phone",
        ],
        &[
            Key::OnPage(1, "出国留学安全提示清单", 1),
            Key::OnPage(1, "Studying abroad", 1),
            Key::Anywhere("12308"),
        ],
    );
}

#[test]
fn packet_reads_the_same_everywhere() {
    let org = root().join("examples/org/org.toml");
    check(
        "student-packet",
        &[
            "--bundled",
            "-c",
            "student",
            "--lang",
            "zh-CN,en",
            "--profile",
            "packet",
            "--org",
            org.to_str().unwrap(),
            "--name",
            "王芳",
            "--date",
            "2026-12-01",
        ],
        &[
            // The cover: the organisation, the name in both languages.
            Key::OnPage(1, "示例工程有限公司", 1),
            Key::OnPage(1, "王芳", 2),
            Key::Anywhere("出国留学安全提示清单"),
            Key::Anywhere("Studying abroad"),
            Key::Anywhere("12308"),
        ],
    );
}

/// Two-em dashes are drawn as one rule but copied out as `——`
/// (`tests/render.rs`); every reader must copy out all four on page 1.
#[test]
fn two_em_dashes_copy_out_the_same_everywhere() {
    let catalog = dash_catalog();
    check(
        "student-dashes",
        &[
            "--catalog",
            catalog.path().to_str().unwrap(),
            "-c",
            "student",
            "--lang",
            "zh-CN,en",
        ],
        &[
            Key::OnPage(1, "——", 4),
            Key::OnPage(1, "出发之前——准备", 1),
            Key::Anywhere("12308"),
        ],
    );
}

/// Renders the document and runs every check on it.
fn check(name: &str, args: &[&str], keys: &[Key]) {
    let started = std::time::Instant::now();
    if !tools_available() {
        return;
    }
    let dir = tempdir();
    let pdf = render(dir.path(), &format!("{name}.pdf"), args);
    qpdf_finds_nothing(&pdf);
    let count = pages(&pdf);
    text_reads_the_same(name, &pdf, dir.path(), count, keys);
    for page in [1, count] {
        pixels_agree(name, &pdf, dir.path(), page);
    }
    eprintln!(
        "{name}: {count} pages, checked in {:.1?}",
        started.elapsed()
    );
}

// ---------------------------------------------------------------------------
// Tools

/// Whether CI runs the tests: `CI` set and not `false` or `0` (CI sets
/// `CI=true`, which the other tests look for).
fn under_ci() -> bool {
    std::env::var("CI").is_ok_and(|v| !v.is_empty() && v != "false" && v != "0")
}

fn on_path(name: &str) -> bool {
    std::env::var_os("PATH")
        .is_some_and(|path| std::env::split_paths(&path).any(|dir| dir.join(name).is_file()))
}

fn pdfjs_dir() -> PathBuf {
    root().join("tests/readers")
}

/// Whether every reader is installed; if one is missing, a note (and the
/// test is skipped), or under CI a failure.
fn tools_available() -> bool {
    let mut missing = Vec::new();
    for (tool, package) in [
        ("qpdf", "apt-get install qpdf"),
        ("pdfinfo", "apt-get install poppler-utils"),
        ("pdftotext", "apt-get install poppler-utils"),
        ("pdftoppm", "apt-get install poppler-utils"),
        ("mutool", "apt-get install mupdf-tools"),
        ("node", "apt-get install nodejs npm"),
    ] {
        if !on_path(tool) {
            missing.push(format!("{tool} ({package})"));
        }
    }
    if !pdfjs_dir()
        .join("node_modules/pdfjs-dist/package.json")
        .is_file()
    {
        missing.push("pdf.js (npm ci --prefix tests/readers)".to_string());
    }
    if missing.is_empty() {
        return true;
    }
    let message = format!("the readers test needs {}", missing.join(", "));
    assert!(!under_ci(), "{message}");
    eprintln!("skipped: {message}");
    false
}

/// Runs `program` and returns its stdout and stderr; panics if it fails.
fn run_tool(program: &str, args: &[&str]) -> (Vec<u8>, String) {
    let o = Command::new(program)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{program}: {e}"));
    let stderr = String::from_utf8_lossy(&o.stderr).into_owned();
    assert!(
        o.status.success(),
        "{program} {args:?}: {}\n{stderr}",
        o.status
    );
    (o.stdout, stderr)
}

// ---------------------------------------------------------------------------
// 1. qpdf

/// `qpdf --check` exits 0 (3 would mean warnings) and says nothing on stderr.
fn qpdf_finds_nothing(pdf: &Path) {
    let o = Command::new("qpdf")
        .arg("--check")
        .arg(pdf)
        .output()
        .unwrap();
    let out = String::from_utf8_lossy(&o.stdout);
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        o.status.code() == Some(0)
            && err.trim().is_empty()
            && out.contains("No syntax or stream encoding errors found"),
        "qpdf --check {}: {}\n{out}{err}",
        pdf.display(),
        o.status
    );
}

// ---------------------------------------------------------------------------
// 2. Text

/// What a reader copies out, one string per page.
struct Reading {
    reader: &'static str,
    pages: Vec<String>,
}

/// Splits at the form feed each reader writes after every page.
fn split_pages(reader: &'static str, text: &str) -> Reading {
    let mut pages: Vec<String> = text.split('\u{c}').map(str::to_string).collect();
    if pages.last().is_some_and(|p| p.trim().is_empty()) {
        pages.pop();
    }
    Reading { reader, pages }
}

fn poppler_text(pdf: &Path) -> Reading {
    // -raw: in content-stream order, as the other two read; without it
    // pdftotext rebuilds the reading order from positions.
    let (out, err) = run_tool(
        "pdftotext",
        &["-raw", "-enc", "UTF-8", pdf.to_str().unwrap(), "-"],
    );
    assert!(err.trim().is_empty(), "pdftotext complains:\n{err}");
    split_pages("poppler", &String::from_utf8(out).unwrap())
}

/// What MuPDF prints on stderr that is about its build, not the file:
/// Debian's mutool is built without LittleCMS and says so for every file.
const MUTOOL_NOTES: &[&str] = &["warning: ICC support is not available"];

fn mutool_complaints(stderr: &str) -> Vec<&str> {
    stderr
        .lines()
        .filter(|l| !l.trim().is_empty() && !MUTOOL_NOTES.contains(&l.trim()))
        .collect()
}

fn mupdf_text(pdf: &Path, dir: &Path) -> Reading {
    let out = dir.join("mupdf.txt");
    let (_, err) = run_tool(
        "mutool",
        &[
            "draw",
            "-q",
            "-F",
            "txt",
            "-o",
            out.to_str().unwrap(),
            pdf.to_str().unwrap(),
        ],
    );
    let complaints = mutool_complaints(&err);
    assert!(complaints.is_empty(), "mutool complains:\n{err}");
    split_pages("MuPDF", &std::fs::read_to_string(out).unwrap())
}

fn pdfjs_text(pdf: &Path) -> Reading {
    let script = pdfjs_dir().join("extract.mjs");
    let (out, err) = run_tool("node", &[script.to_str().unwrap(), pdf.to_str().unwrap()]);
    // extract.mjs sends pdf.js's warnings to stderr.
    assert!(err.trim().is_empty(), "pdf.js complains:\n{err}");
    split_pages("pdf.js", &String::from_utf8(out).unwrap())
}

/// The characters of `s` around byte `at`, for a message.
fn around(s: &str, at: usize) -> String {
    let start = s[..at].char_indices().rev().nth(19).map_or(0, |(i, _)| i);
    let rest: String = s[at..].chars().take(20).collect();
    format!("…{}⟨{}", &s[start..at], rest)
}

/// All three readers copy out the same characters in the same order on
/// every page.
///
/// What is compared: each page's text with all whitespace removed, as one
/// sequence of characters. Whitespace is left out because the readers break
/// lines and space words differently (pdftotext ends a line at each line of
/// the page; MuPDF puts blank lines between the blocks it finds; pdf.js
/// ends a line where an item says so), and none of that changes what is
/// copied. The order is compared as it is, not sorted: all three read in
/// content-stream order (pdftotext with `-raw`), and our pages draw the two
/// columns of a bilingual row one after the other, so they agree on it
/// (measured: every page of the five documents identical). If they do not,
/// the message says whether the page holds the same characters in another
/// order, or different ones (a ToUnicode map, a font, a reader's bug).
fn text_reads_the_same(name: &str, pdf: &Path, dir: &Path, pages: usize, keys: &[Key]) {
    let readings = [poppler_text(pdf), mupdf_text(pdf, dir), pdfjs_text(pdf)];
    let mut problems = Vec::new();
    for r in &readings {
        if r.pages.len() != pages {
            problems.push(format!(
                "{}: {} pages of text, the PDF has {pages}",
                r.reader,
                r.pages.len()
            ));
        }
    }
    let squashed: Vec<Vec<String>> = readings
        .iter()
        .map(|r| r.pages.iter().map(|p| squash(p)).collect())
        .collect();
    for page in 0..pages {
        let base = squashed[0].get(page).map_or("", String::as_str);
        for (r, other) in readings.iter().zip(&squashed).skip(1) {
            let other = other.get(page).map_or("", String::as_str);
            if other == base {
                continue;
            }
            let at = base
                .char_indices()
                .zip(other.chars())
                .find(|((_, a), b)| a != b)
                .map_or(base.len().min(other.len()), |((i, _), _)| i);
            let at_other = other
                .char_indices()
                .nth(base[..at].chars().count())
                .map_or(other.len(), |(i, _)| i);
            let mut a: Vec<char> = base.chars().collect();
            let mut b: Vec<char> = other.chars().collect();
            a.sort_unstable();
            b.sort_unstable();
            let kind = if a == b {
                "the same characters in another order"
            } else {
                "different characters"
            };
            problems.push(format!(
                "page {}: poppler and {} copy out {kind}; first difference at character {}:\n  poppler: {}\n  {}: {}",
                page + 1,
                r.reader,
                base[..at].chars().count(),
                around(base, at),
                r.reader,
                around(other, at_other),
            ));
        }
    }
    for key in keys {
        for (r, pages) in readings.iter().zip(&squashed) {
            match *key {
                Key::Anywhere(s) => {
                    let s = squash(s);
                    if !pages.iter().any(|p| p.contains(&s)) {
                        problems.push(format!("{}: no {s:?} in the document", r.reader));
                    }
                }
                Key::OnPage(page, s, count) => {
                    let s = squash(s);
                    let found = pages.get(page - 1).map_or(0, |p| p.matches(&s).count());
                    if found != count {
                        problems.push(format!(
                            "{}: {found} × {s:?} on page {page}, expected {count}",
                            r.reader
                        ));
                    }
                }
            }
        }
    }
    assert!(
        problems.is_empty(),
        "{name}: the readers disagree:\n{}",
        problems.join("\n")
    );
}

// ---------------------------------------------------------------------------
// 3. Pixels

/// A grey page image, one byte a pixel, 0 black.
struct Gray {
    width: usize,
    height: usize,
    pixels: Vec<u8>,
}

impl Gray {
    fn read(path: &Path) -> Gray {
        let mut decoder = png::Decoder::new(std::fs::File::open(path).unwrap());
        decoder.set_transformations(png::Transformations::EXPAND | png::Transformations::STRIP_16);
        let mut reader = decoder.read_info().unwrap();
        let mut buf = vec![0; reader.output_buffer_size()];
        let info = reader.next_frame(&mut buf).unwrap();
        let channels = info.color_type.samples();
        // pdftoppm -gray -png writes RGB with equal channels; MuPDF grey.
        let pixels = buf[..info.buffer_size()]
            .chunks(channels)
            .map(|px| match channels {
                1 | 2 => px[0],
                _ => ((u32::from(px[0]) + u32::from(px[1]) + u32::from(px[2])) / 3) as u8,
            })
            .collect();
        Gray {
            width: info.width as usize,
            height: info.height as usize,
            pixels,
        }
    }

    fn at(&self, x: usize, y: usize) -> u8 {
        self.pixels[y * self.width + x]
    }

    /// The smallest and largest value in the 3 × 3 pixels around (x, y).
    fn range_around(&self, x: usize, y: usize) -> (u8, u8) {
        let (mut lo, mut hi) = (u8::MAX, u8::MIN);
        for yy in y.saturating_sub(1)..=(y + 1).min(self.height - 1) {
            for xx in x.saturating_sub(1)..=(x + 1).min(self.width - 1) {
                let v = self.at(xx, yy);
                lo = lo.min(v);
                hi = hi.max(v);
            }
        }
        (lo, hi)
    }

    /// Left, top, right, bottom of the pixels darker than `ink`.
    fn ink_box(&self, ink: u8) -> Option<[usize; 4]> {
        let mut b: Option<[usize; 4]> = None;
        for y in 0..self.height {
            for x in 0..self.width {
                if self.at(x, y) < ink {
                    let r = b.get_or_insert([x, y, x, y]);
                    r[0] = r[0].min(x);
                    r[1] = r[1].min(y);
                    r[2] = r[2].max(x);
                    r[3] = r[3].max(y);
                }
            }
        }
        b
    }
}

/// Resolution of the comparison, in dots per inch.
const DPI: &str = "50";

/// A pixel of one rendering differs from the other when it is more than
/// this much lighter or darker than every pixel in the 3 × 3 pixels around
/// the same place in the other rendering.
const TOLERANCE: u8 = 96;

/// At most this share of the page's pixels may differ (either way).
///
/// Measured at 50 dpi (poppler 22.12, MuPDF 1.21): 0.000–0.074 % on the
/// first pages of the five documents; 0.130–0.253 % on the last pages,
/// which hold the wallet card: its dashed cut line poppler draws one pixel
/// wide and black (stroke adjustment, which `-thinlinemode shape` does not
/// change for dashed lines) where MuPDF draws it grey by coverage (about
/// 140), and the fold line between its halves lands a pixel apart. Without
/// `-thinlinemode shape`, every hairline rule differs that way, up to
/// 0.45 %. For scale: one renderer leaving out the Chinese column of page 1
/// gives 3.3 %, a whole page drawn 2 pixels lower 4.8 %, another page's
/// content 9 %.
const MAX_DIFFERING: f64 = 0.01;

/// Ink for the bounding box: anything visibly darker than the paper. Not
/// 128: MuPDF draws a 0.5 pt rule at 50 dpi lighter than that (about 170),
/// so the footer rule would leave its box while poppler's stays.
const INK: u8 = 224;

/// The ink boxes' edges may be this many pixels apart (measured: at most 1).
const BOX_SLACK: usize = 2;

/// Page `page` drawn by poppler and by MuPDF: the share of pixels that
/// differ beyond anti-aliasing and placement by a pixel is small, and the
/// ink ends at the same place on every side.
fn pixels_agree(name: &str, pdf: &Path, dir: &Path, page: usize) {
    let n = page.to_string();
    let prefix = dir.join(format!("poppler-{page}"));
    // -thinlinemode shape: hairlines by coverage, as MuPDF draws them
    // (poppler's default widens them to a full black pixel).
    run_tool(
        "pdftoppm",
        &[
            "-r",
            DPI,
            "-gray",
            "-thinlinemode",
            "shape",
            "-png",
            "-f",
            &n,
            "-l",
            &n,
            "-singlefile",
            pdf.to_str().unwrap(),
            prefix.to_str().unwrap(),
        ],
    );
    let mupdf = dir.join(format!("mupdf-{page}.png"));
    let (_, err) = run_tool(
        "mutool",
        &[
            "draw",
            "-q",
            "-r",
            DPI,
            "-c",
            "gray",
            "-o",
            mupdf.to_str().unwrap(),
            pdf.to_str().unwrap(),
            &n,
        ],
    );
    assert!(
        mutool_complaints(&err).is_empty(),
        "mutool complains:\n{err}"
    );
    let a = Gray::read(&prefix.with_extension("png"));
    let b = Gray::read(&mupdf);
    // Both round the page size to whole pixels; allow them to round apart.
    assert!(
        a.width.abs_diff(b.width) <= 1 && a.height.abs_diff(b.height) <= 1,
        "{name} page {page}: poppler {}×{}, MuPDF {}×{}",
        a.width,
        a.height,
        b.width,
        b.height
    );
    let (w, h) = (a.width.min(b.width), a.height.min(b.height));
    let outside = |v: u8, (lo, hi): (u8, u8)| {
        i32::from(v) < i32::from(lo) - i32::from(TOLERANCE)
            || i32::from(v) > i32::from(hi) + i32::from(TOLERANCE)
    };
    let mut differing = 0usize;
    for y in 0..h {
        for x in 0..w {
            if outside(a.at(x, y), b.range_around(x, y))
                || outside(b.at(x, y), a.range_around(x, y))
            {
                differing += 1;
            }
        }
    }
    let share = differing as f64 / (w * h) as f64;
    let (box_a, box_b) = (a.ink_box(INK), b.ink_box(INK));
    eprintln!(
        "{name} page {page}: {:.3} % of pixels differ; ink poppler {box_a:?}, MuPDF {box_b:?}",
        share * 100.0
    );
    assert!(
        share <= MAX_DIFFERING,
        "{name} page {page}: {differing} pixels ({:.3} %) differ between poppler and MuPDF",
        share * 100.0
    );
    let (Some(box_a), Some(box_b)) = (box_a, box_b) else {
        panic!("{name} page {page}: no ink (poppler {box_a:?}, MuPDF {box_b:?})");
    };
    assert!(
        box_a
            .iter()
            .zip(&box_b)
            .all(|(p, q)| p.abs_diff(*q) <= BOX_SLACK),
        "{name} page {page}: ink from {box_a:?} in poppler, {box_b:?} in MuPDF"
    );
}
