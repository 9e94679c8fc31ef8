//! Layout snapshots: for representative documents, every drawn item as one
//! line of text (page, kind, position, size, part and language, text), kept
//! in `tests/snapshots/<case>.txt` and compared byte for byte.
//!
//! A change to layout, content or fonts shows as a readable diff of these
//! files. After a deliberate change, rewrite them with
//! `UPDATE_SNAPSHOTS=1 cargo test --test snapshots` and review the diff.

#![allow(clippy::unwrap_used, clippy::expect_used, unreachable_pub)]

use std::fmt::Write as _;
use std::path::PathBuf;

use predeparture::layout::{Item, Layout, PageSize, Profile};
use predeparture::model::{Date, Org};
use predeparture::{PacketRequest, Renderer, Request};

/// One snapshot case: a name and the request it lays out.
struct Case {
    name: String,
    request: Request,
}

fn case(name: &str, checklist: &str, langs: &[&str], edit: impl FnOnce(&mut Request)) -> Case {
    let mut request = Request::handout(checklist, langs);
    request.timestamp = Some(0);
    edit(&mut request);
    Case {
        name: name.to_string(),
        request,
    }
}

fn packet(name: Option<&str>, departure: Option<Date>) -> PacketRequest {
    PacketRequest {
        name: name.map(str::to_string),
        departure,
        date: Date {
            year: 2026,
            month: 11,
            day: 22,
        },
    }
}

/// The cases: every checklist and profile, one, two and Traditional
/// languages, both papers and a custom one, destinations with many missions,
/// none, and one without mission data, roles, packets with and without
/// facts, a handout and a phone PDF made for an organisation.
#[allow(clippy::too_many_lines)] // a list of cases, read one by one
fn cases() -> Vec<Case> {
    let org = Org::load(&PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("examples/org/org.toml"))
        .expect("example organisation");
    let mut out = Vec::new();
    for checklist in ["student", "overseas-staff", "short-trip"] {
        for (tag, langs) in [
            ("zh-CN-en", &["zh-CN", "en"][..]),
            ("en-zh-CN", &["en", "zh-CN"]),
            ("zh-CN", &["zh-CN"]),
            ("en", &["en"]),
            ("zh-TW-en", &["zh-TW", "en"]),
        ] {
            out.push(case(
                &format!("{checklist}-handout-{tag}"),
                checklist,
                langs,
                |_| {},
            ));
        }
        out.push(case(
            &format!("{checklist}-handout-zh-TW"),
            checklist,
            &["zh-TW"],
            |r| {
                r.page = PageSize::Letter;
            },
        ));
        for (tag, langs) in [("zh-CN-en", &["zh-CN", "en"][..]), ("en", &["en"])] {
            out.push(case(
                &format!("{checklist}-phone-{tag}"),
                checklist,
                langs,
                |r| {
                    r.profile = Profile::Phone;
                    r.destination = Some("JP".into());
                },
            ));
        }
        out.push(case(
            &format!("{checklist}-packet-zh-CN-en"),
            checklist,
            &["zh-CN", "en"],
            |r| {
                r.profile = Profile::Packet;
                r.destination = Some("KE".into());
                r.org = Some(org.clone());
                r.packet = Some(packet(
                    Some("Wang Fang"),
                    Some(Date {
                        year: 2026,
                        month: 12,
                        day: 1,
                    }),
                ));
            },
        ));
    }
    out.push(case(
        "student-handout-US",
        "student",
        &["zh-CN", "en"],
        |r| {
            r.destination = Some("US".into());
        },
    ));
    out.push(case(
        "student-handout-DE",
        "student",
        &["zh-CN", "en"],
        |r| {
            r.destination = Some("DE".into());
        },
    ));
    out.push(case("student-handout-A5", "student", &["zh-CN"], |r| {
        r.page = PageSize::Custom {
            width: 419.53,
            height: 595.28,
        };
    }));
    out.push(case(
        "overseas-staff-handout-sensitive",
        "overseas-staff",
        &["zh-CN", "en"],
        |r| {
            r.roles = vec!["sensitive".into()];
            r.destination = Some("GB".into());
        },
    ));
    out.push(case(
        "overseas-staff-packet-blank",
        "overseas-staff",
        &["en"],
        |r| {
            r.profile = Profile::Packet;
            r.org = Some(org.clone());
            r.packet = Some(packet(None, None));
        },
    ));
    // --org on a handout (with its items and the acknowledgement page) and
    // on a phone PDF (with the fillable acknowledgement page).
    out.push(case(
        "student-handout-org",
        "student",
        &["zh-CN", "en"],
        |r| {
            r.org = Some(org.clone());
            r.org_items = true;
            r.acknowledgement = true;
            r.destination = Some("GB".into());
        },
    ));
    out.push(case(
        "student-phone-org",
        "student",
        &["zh-CN", "en"],
        |r| {
            r.profile = Profile::Phone;
            r.org = Some(org.clone());
            r.acknowledgement = true;
            r.packet = Some(packet(Some("Wang Fang"), None));
        },
    ));
    out.push(case(
        "short-trip-phone-zh-TW",
        "short-trip",
        &["zh-TW"],
        |r| {
            r.profile = Profile::Phone;
        },
    ));
    out
}

/// The layout as text, one line per item.
fn dump(layout: &Layout) -> String {
    let mut out = String::new();
    for (n, page) in layout.pages.iter().enumerate() {
        let _ = writeln!(out, "page {} {:.1}x{:.1}", n + 1, page.width, page.height);
        for item in &page.items {
            let _ = writeln!(out, "  {}", describe(item));
        }
    }
    for b in &layout.outline {
        let _ = writeln!(out, "outline p{} y{:.1} {}", b.page + 1, b.y, b.title);
    }
    out
}

fn describe(item: &Item) -> String {
    match item {
        Item::Line(l) => format!(
            "line {:.1},{:.1} w{:.1} {}pt lang{} {:?}#{} {} | {}",
            l.x,
            l.baseline,
            l.width,
            l.size,
            l.lang,
            l.tag.part,
            l.tag.block,
            l.id,
            l.text()
        ),
        Item::TickBox {
            x,
            y,
            size,
            field,
            tag,
        } => format!(
            "tick {x:.1},{y:.1} {size:.1} {:?}#{} {}",
            tag.part,
            tag.block,
            field.as_deref().unwrap_or("-")
        ),
        Item::Qr {
            x,
            y,
            size,
            text,
            modules,
            tag,
            ..
        } => format!(
            "qr {x:.1},{y:.1} {size:.1} {modules}m {:?}#{} {text}",
            tag.part, tag.block
        ),
        Item::Link {
            x,
            y,
            width,
            height,
            uri,
            tag,
        } => format!(
            "link {x:.1},{y:.1} {width:.1}x{height:.1} {:?}#{} {uri}",
            tag.part, tag.block
        ),
        Item::TextField {
            x,
            y,
            width,
            height,
            name,
            tag,
        } => format!(
            "textfield {x:.1},{y:.1} {width:.1}x{height:.1} {:?}#{} {name}",
            tag.part, tag.block
        ),
        Item::Image {
            x,
            y,
            width,
            height,
            image,
            ..
        } => format!(
            "image {x:.1},{y:.1} {width:.1}x{height:.1} {}x{}px",
            image.width, image.height
        ),
        other => {
            // Rules, bullets, cut lines: kind and box only.
            let s = format!("{other:?}");
            let kind = s.split([' ', '{']).next().unwrap_or("").to_string();
            let numbers: Vec<String> = s
                .split(|c: char| !(c.is_ascii_digit() || c == '.' || c == '-'))
                .filter(|t| t.parse::<f32>().is_ok())
                .map(|t| format!("{:.1}", t.parse::<f32>().unwrap_or(0.0)))
                .collect();
            format!("{} {}", kind.to_lowercase(), numbers.join(","))
        }
    }
}

#[test]
fn layouts_match_their_snapshots() {
    let renderer = Renderer::bundled().expect("renderer");
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots");
    let update = std::env::var_os("UPDATE_SNAPSHOTS").is_some();
    let mut failed = Vec::new();
    let cases = cases();
    assert!(cases.len() >= 30, "{} cases", cases.len());
    for case in &cases {
        let layout = renderer
            .layout(&case.request)
            .unwrap_or_else(|e| panic!("{}: {e}", case.name));
        let actual = dump(&layout);
        let path = dir.join(format!("{}.txt", case.name));
        let expected = std::fs::read_to_string(&path).unwrap_or_default();
        if actual != expected {
            if update {
                std::fs::write(&path, &actual).expect("write snapshot");
            } else {
                failed.push(case.name.clone());
            }
        }
    }
    // No snapshot without a case.
    for entry in std::fs::read_dir(&dir).expect("snapshots folder") {
        let entry = entry.expect("entry");
        // Folders hold other tests' snapshots (tags/: the PDF structure trees).
        if entry.file_type().expect("file type").is_dir() {
            continue;
        }
        let name = entry.file_name().to_string_lossy().into_owned();
        let stem = name.trim_end_matches(".txt");
        if !cases.iter().any(|c| c.name == stem) {
            if update {
                std::fs::remove_file(dir.join(&name)).expect("remove stale snapshot");
            } else {
                failed.push(format!("{stem} (no such case)"));
            }
        }
    }
    assert!(
        failed.is_empty(),
        "layouts differ from tests/snapshots/ for: {}\nreview with UPDATE_SNAPSHOTS=1 cargo test --test snapshots and git diff",
        failed.join(", ")
    );
}
