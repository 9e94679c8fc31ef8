//! Tagged PDF (PDF/UA-1) and PDF/A, read back from the bytes.
//!
//! Checkers pass wrong trees too (a title merged across languages, a
//! heading with one language for two), so the tree itself is checked:
//! - `structure_trees_match_their_snapshots`: each profile's tree, one line
//!   per element (role, language, alternative text) and per piece of
//!   content (its text, decoded through the fonts' ToUnicode maps), kept in
//!   `tests/snapshots/tags/<case>.txt`. Rewrite after a deliberate change
//!   with `UPDATE_SNAPSHOTS=1 cargo test --test accessibility` and review
//!   the diff.
//! - `every_text_is_tagged_in_its_language`: every text-showing operator
//!   sits in marked content that the parent tree maps to an element whose
//!   `/Lang` is the language the layout set the text in (footers excepted:
//!   they are pagination artifacts).
//! - `checkers_report_no_errors`: `outloud` and `pdfua` (PyPI), when
//!   installed; required when `CI=true`.

#![allow(clippy::unwrap_used, clippy::expect_used, unreachable_pub)]

use std::collections::HashMap;
use std::fmt::Write as _;
use std::path::PathBuf;
use std::sync::OnceLock;

use lopdf::content::Content;
use lopdf::{Dictionary, Document, Object, ObjectId};
use predeparture::layout::{Item, Part, Profile};
use predeparture::model::{Date, Org};
use predeparture::{PacketRequest, Renderer, Request};

fn renderer() -> &'static Renderer {
    static R: OnceLock<Renderer> = OnceLock::new();
    R.get_or_init(|| Renderer::bundled().expect("renderer"))
}

fn org() -> Org {
    Org::load(&PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("examples/org/org.toml"))
        .expect("example organisation")
}

fn request(checklist: &str, langs: &[&str], profile: Profile) -> Request {
    let mut r = Request::handout(checklist, langs);
    r.timestamp = Some(0);
    r.profile = profile;
    if profile == Profile::Packet {
        r.org = Some(org());
        r.packet = Some(PacketRequest {
            name: Some("张三".into()),
            departure: None,
            date: Date {
                year: 2026,
                month: 11,
                day: 22,
            },
        });
    }
    r
}

/// The snapshot cases: every profile, side-by-side and stacked languages.
fn cases() -> Vec<(String, Request)> {
    let mut out = Vec::new();
    for (checklist, profile, langs) in [
        ("student", Profile::Handout, &["zh-CN", "en"][..]),
        ("short-trip", Profile::Handout, &["en", "zh-TW"]),
        ("student", Profile::Phone, &["zh-CN", "en"]),
        ("overseas-staff", Profile::Packet, &["zh-CN", "en"]),
    ] {
        let name = format!("{checklist}-{}-{}", profile_name(profile), langs.join("-"));
        out.push((name, request(checklist, langs, profile)));
    }
    out
}

fn profile_name(p: Profile) -> &'static str {
    match p {
        Profile::Handout => "handout",
        Profile::Phone => "phone",
        Profile::Packet => "packet",
    }
}

/// A PDF read back: per page, the text of each marked-content id, and the
/// text shown outside any (which must be artifacts).
struct Read {
    doc: Document,
    pages: Vec<ObjectId>,
    /// Per page: marked-content id → text, in stream order.
    marked: Vec<Vec<(i64, String)>>,
    /// Per page: the texts shown inside artifacts.
    artifacts: Vec<Vec<String>>,
}

fn read(bytes: &[u8]) -> Read {
    let doc = Document::load_mem(bytes).expect("parse");
    let pages: Vec<ObjectId> = doc.get_pages().into_values().collect();
    let mut marked = Vec::new();
    let mut artifacts = Vec::new();
    for &page in &pages {
        let (m, a) = page_texts(&doc, page);
        marked.push(m);
        artifacts.push(a);
    }
    Read {
        doc,
        pages,
        marked,
        artifacts,
    }
}

/// The ToUnicode map of each font of a page, by resource name.
fn to_unicode(doc: &Document, page: ObjectId) -> HashMap<Vec<u8>, HashMap<u16, String>> {
    let mut out = HashMap::new();
    let (res, ids) = doc.get_page_resources(page).unwrap();
    let res = res.unwrap_or_else(|| doc.get_dictionary(ids[0]).unwrap());
    let fonts = match res.get(b"Font").unwrap() {
        Object::Reference(r) => doc.get_dictionary(*r).unwrap(),
        Object::Dictionary(d) => d,
        _ => panic!("fonts"),
    };
    for (name, font) in fonts.iter() {
        let font = doc.get_dictionary(font.as_reference().unwrap()).unwrap();
        let cmap = doc
            .get_object(font.get(b"ToUnicode").unwrap().as_reference().unwrap())
            .unwrap()
            .as_stream()
            .unwrap()
            .decompressed_content()
            .unwrap();
        let cmap = String::from_utf8(cmap).unwrap();
        let mut map = HashMap::new();
        for line in cmap.lines().filter(|l| l.starts_with('<')) {
            let parts: Vec<&str> = line
                .split(['<', '>', ' '])
                .filter(|s| !s.is_empty())
                .collect();
            if parts.len() != 2 {
                continue;
            }
            let code = u16::from_str_radix(parts[0], 16).unwrap();
            let units: Vec<u16> = (0..parts[1].len() / 4)
                .map(|i| u16::from_str_radix(&parts[1][4 * i..4 * i + 4], 16).unwrap())
                .collect();
            map.insert(code, String::from_utf16(&units).unwrap());
        }
        out.insert(name.clone(), map);
    }
    out
}

/// What marked content is open.
#[derive(Clone, Copy, PartialEq)]
enum Mark {
    Mcid(i64),
    Artifact,
    Other,
}

fn page_texts(doc: &Document, page: ObjectId) -> (Vec<(i64, String)>, Vec<String>) {
    let maps = to_unicode(doc, page);
    let content = Content::decode(&doc.get_page_content(page)).unwrap();
    let mut stack: Vec<Mark> = Vec::new();
    let mut font: Vec<u8> = Vec::new();
    let mut marked: Vec<(i64, String)> = Vec::new();
    let mut artifacts: Vec<String> = Vec::new();
    for op in &content.operations {
        match op.operator.as_str() {
            "BDC" | "BMC" => {
                let tag = op.operands[0].as_name().unwrap();
                let mcid = op
                    .operands
                    .get(1)
                    .and_then(|o| o.as_dict().ok())
                    .and_then(|d| d.get(b"MCID").ok())
                    .and_then(|m| m.as_i64().ok());
                if tag == b"Artifact" {
                    artifacts.push(String::new());
                }
                stack.push(match (tag, mcid) {
                    (b"Artifact", _) => Mark::Artifact,
                    (_, Some(m)) => Mark::Mcid(m),
                    _ => Mark::Other,
                });
            }
            "EMC" => {
                stack.pop().expect("EMC without BDC");
            }
            "Tf" => font = op.operands[0].as_name().unwrap().to_vec(),
            "Tj" | "TJ" => {
                let map = &maps[&font];
                let text = shown(&op.operands, map);
                match stack.iter().rev().find(|m| **m != Mark::Other) {
                    Some(Mark::Mcid(m)) => match marked.last_mut() {
                        Some((last, t)) if last == m => t.push_str(&text),
                        _ => marked.push((*m, text)),
                    },
                    Some(Mark::Artifact) => artifacts.last_mut().unwrap().push_str(&text),
                    _ => panic!("text outside marked content: {text:?}"),
                }
            }
            _ => {}
        }
    }
    assert!(stack.is_empty(), "unbalanced marked content");
    artifacts.retain(|t: &String| !t.is_empty());
    (marked, artifacts)
}

/// The characters a Tj/TJ shows.
fn shown(operands: &[Object], map: &HashMap<u16, String>) -> String {
    let mut out = String::new();
    let mut string = |bytes: &[u8]| {
        for pair in bytes.chunks(2) {
            let code = u16::from_be_bytes([pair[0], pair[1]]);
            out.push_str(map.get(&code).map_or("\u{FFFD}", String::as_str));
        }
    };
    for o in operands {
        match o {
            Object::String(s, _) => string(s),
            Object::Array(a) => {
                for x in a {
                    if let Object::String(s, _) = x {
                        string(s);
                    }
                }
            }
            _ => {}
        }
    }
    out
}

fn dict<'a>(doc: &'a Document, o: &'a Object) -> &'a Dictionary {
    match o {
        Object::Reference(r) => doc.get_dictionary(*r).unwrap(),
        Object::Dictionary(d) => d,
        other => panic!("not a dictionary: {other:?}"),
    }
}

fn text_of(o: &Object) -> String {
    match o {
        Object::String(s, _) if s.starts_with(&[0xFE, 0xFF]) => {
            let units: Vec<u16> = s[2..]
                .chunks(2)
                .map(|c| u16::from_be_bytes([c[0], c[1]]))
                .collect();
            String::from_utf16(&units).unwrap()
        }
        Object::String(s, _) => String::from_utf8_lossy(s).into_owned(),
        other => format!("{other:?}"),
    }
}

impl Read {
    fn catalog(&self) -> &Dictionary {
        self.doc.catalog().unwrap()
    }

    fn page_index(&self, page: &Object) -> usize {
        let id = page.as_reference().unwrap();
        self.pages.iter().position(|p| *p == id).unwrap()
    }

    fn mcid_text(&self, page: usize, mcid: i64) -> &str {
        self.marked[page]
            .iter()
            .find(|(m, _)| *m == mcid)
            .map_or("(drawing)", |(_, t)| t.as_str())
    }

    /// The tree as text: an element per line, its content indented below it.
    fn tree(&self) -> String {
        let root = dict(&self.doc, self.catalog().get(b"StructTreeRoot").unwrap());
        let mut out = String::new();
        self.element(root.get(b"K").unwrap(), 0, &mut out);
        out
    }

    fn element(&self, o: &Object, depth: usize, out: &mut String) {
        let e = dict(&self.doc, o);
        let pad = "  ".repeat(depth);
        let role = String::from_utf8_lossy(e.get(b"S").unwrap().as_name().unwrap()).into_owned();
        let _ = write!(out, "{pad}{role}");
        if let Ok(lang) = e.get(b"Lang") {
            let _ = write!(out, " lang={}", text_of(lang));
        }
        if let Ok(alt) = e.get(b"Alt") {
            let _ = write!(out, " alt={:?}", text_of(alt));
        }
        out.push('\n');
        let page = e.get(b"Pg").ok().map(|p| self.page_index(p));
        let kids = match e.get(b"K").unwrap() {
            Object::Array(a) => a.clone(),
            other => vec![other.clone()],
        };
        for kid in &kids {
            match kid {
                Object::Integer(m) => {
                    let _ = writeln!(out, "{pad}  {:?}", self.mcid_text(page.unwrap(), *m));
                }
                Object::Dictionary(d) if d.get(b"Type").unwrap().as_name().unwrap() == b"MCR" => {
                    let p = self.page_index(d.get(b"Pg").unwrap());
                    let m = d.get(b"MCID").unwrap().as_i64().unwrap();
                    let _ = writeln!(out, "{pad}  {:?} (page {})", self.mcid_text(p, m), p + 1);
                }
                Object::Dictionary(d) => {
                    let annot = dict(&self.doc, d.get(b"Obj").unwrap());
                    let what = annot
                        .get(b"Contents")
                        .or_else(|_| annot.get(b"TU"))
                        .map(text_of)
                        .unwrap_or_default();
                    let _ = writeln!(out, "{pad}  annotation {what:?}");
                }
                _ => self.element(kid, depth + 1, out),
            }
        }
    }

    /// The element that the parent tree gives for `mcid` on `page`.
    fn parent_of(&self, page: usize, mcid: i64) -> &Dictionary {
        let root = dict(&self.doc, self.catalog().get(b"StructTreeRoot").unwrap());
        let tree = dict(&self.doc, root.get(b"ParentTree").unwrap());
        let nums = tree.get(b"Nums").unwrap().as_array().unwrap();
        let key = dict(&self.doc, &Object::Reference(self.pages[page]))
            .get(b"StructParents")
            .unwrap()
            .as_i64()
            .unwrap();
        let at = nums
            .iter()
            .position(|n| n.as_i64().ok() == Some(key))
            .unwrap();
        let parents = match &nums[at + 1] {
            Object::Reference(r) => self.doc.get_object(*r).unwrap().as_array().unwrap(),
            o => o.as_array().unwrap(),
        };
        dict(&self.doc, &parents[mcid as usize])
    }
}

#[test]
fn structure_trees_match_their_snapshots() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots/tags");
    let update = std::env::var_os("UPDATE_SNAPSHOTS").is_some();
    let mut failed = Vec::new();
    for (name, request) in cases() {
        let pdf = read(&renderer().render(&request).unwrap());
        let actual = pdf.tree();
        let path = dir.join(format!("{name}.txt"));
        let expected = std::fs::read_to_string(&path).unwrap_or_default();
        if actual != expected {
            if update {
                std::fs::create_dir_all(&dir).unwrap();
                std::fs::write(&path, &actual).unwrap();
            } else {
                failed.push(name);
            }
        }
    }
    assert!(
        failed.is_empty(),
        "structure trees differ from tests/snapshots/tags/ for: {}\nreview with UPDATE_SNAPSHOTS=1 cargo test --test accessibility and git diff",
        failed.join(", ")
    );
}

/// Every profile with every language set the checkers see.
fn all_requests() -> Vec<(String, Request)> {
    let mut out = Vec::new();
    for profile in [Profile::Handout, Profile::Phone, Profile::Packet] {
        for langs in [
            &["zh-CN", "en"][..],
            &["en", "zh-CN"],
            &["zh-CN"],
            &["en"],
            &["zh-TW", "en"],
            &["zh-TW"],
        ] {
            let checklist = match profile {
                Profile::Packet => "overseas-staff",
                _ => "student",
            };
            let name = format!("{}-{}", profile_name(profile), langs.join("-"));
            out.push((name, request(checklist, langs, profile)));
        }
    }
    out
}

#[test]
fn every_text_is_tagged_in_its_language() {
    for (name, request) in all_requests() {
        let langs: Vec<String> = renderer()
            .locales(&request)
            .unwrap()
            .iter()
            .map(|l| l.tag.clone())
            .collect();
        let layout = renderer().layout(&request).unwrap();
        let pdf = read(&renderer().render(&request).unwrap());
        for (n, page) in layout.pages.iter().enumerate() {
            let (footers, lines): (Vec<_>, Vec<_>) = page
                .items
                .iter()
                .filter_map(|i| match i {
                    Item::Line(l) => Some(l),
                    _ => None,
                })
                .partition(|l| l.tag.part == Part::Footer);
            let footers: Vec<String> = footers.iter().map(|l| l.text()).collect();
            assert_eq!(pdf.artifacts[n], footers, "{name} page {}", n + 1);
            // A line is one marked-content sequence, or, with links, a
            // sequence per part: its text and each link's (in the link's
            // element), one after another.
            let mut marked = pdf.marked[n].iter();
            for line in &lines {
                let (want, links) = (line.text(), line.links.len());
                let mut text = String::new();
                let mut parts = 0;
                while text.len() < want.len() {
                    let (mcid, part) = marked
                        .next()
                        .unwrap_or_else(|| panic!("{name} page {}: {want:?} unmarked", n + 1));
                    text.push_str(part);
                    parts += 1;
                    let element = pdf.parent_of(n, *mcid);
                    let lang = element.get(b"Lang").map(text_of);
                    assert_eq!(
                        lang.ok().as_deref(),
                        Some(langs[line.lang].as_str()),
                        "{name} page {}: {part:?}",
                        n + 1
                    );
                }
                assert_eq!(text, want, "{name} page {}", n + 1);
                assert!(parts <= 2 * links + 1, "{name} page {}: {want:?}", n + 1);
            }
            assert!(marked.next().is_none(), "{name} page {}", n + 1);
        }
    }
}

/// Every link's text is in its link element, with the link annotation.
#[test]
fn links_hold_their_text() {
    let request = all_requests()
        .into_iter()
        .find(|(name, _)| name == "handout-zh-CN-en")
        .unwrap()
        .1;
    let pdf = read(&renderer().render(&request).unwrap());
    let mut links = 0;
    for (n, page) in pdf.marked.iter().enumerate() {
        for (mcid, text) in page {
            let element = pdf.parent_of(n, *mcid);
            if element.get(b"S").and_then(|s| s.as_name()).ok() != Some(b"Link") {
                continue;
            }
            links += 1;
            let kids = element.get(b"K").unwrap().as_array().unwrap();
            let objr = kids
                .iter()
                .filter_map(|k| k.as_dict().ok())
                .any(|k| k.get(b"Type").and_then(|t| t.as_name()).ok() == Some(b"OBJR"));
            assert!(objr, "{text:?}: no annotation in its link element");
            assert!(
                text.contains("12308") || text.contains('.'),
                "{text:?} is not an address"
            );
        }
    }
    assert!(links >= 10, "{links} links with their text");
}

#[test]
fn documents_say_what_they_conform_to() {
    for (name, request) in all_requests() {
        let bytes = renderer().render(&request).unwrap();
        assert!(bytes.starts_with(b"%PDF-1.7"), "{name}");
        assert_eq!(
            bytes,
            renderer().render(&request).unwrap(),
            "{name}: same bytes"
        );
        let pdf = read(&bytes);
        let catalog = pdf.catalog();
        let marked = dict(&pdf.doc, catalog.get(b"MarkInfo").unwrap());
        assert!(marked.get(b"Marked").unwrap().as_bool().unwrap());
        let prefs = dict(&pdf.doc, catalog.get(b"ViewerPreferences").unwrap());
        assert!(prefs.get(b"DisplayDocTitle").unwrap().as_bool().unwrap());
        assert!(catalog.get(b"Lang").is_ok());
        let xmp = pdf
            .doc
            .get_object(catalog.get(b"Metadata").unwrap().as_reference().unwrap())
            .unwrap()
            .as_stream()
            .unwrap();
        assert!(xmp.dict.get(b"Filter").is_err(), "{name}: XMP readable");
        let xmp = String::from_utf8(xmp.content.clone()).unwrap();
        assert!(xmp.contains("<pdfuaid:part>1</pdfuaid:part>"), "{name}");
        assert!(xmp.contains("<dc:title>") && xmp.contains("<dc:language>"));
        assert!(!xmp.contains("InstanceID"), "{name}: no random ids");
        let info = dict(&pdf.doc, pdf.doc.trailer.get(b"Info").unwrap());
        assert!(info.get(b"GTS_PDFXVersion").is_err(), "{name}: not PDF/X");
        let archival = request.profile == Profile::Packet;
        assert_eq!(
            xmp.contains("<pdfaid:part>2</pdfaid:part>"),
            archival,
            "{name}"
        );
        assert_eq!(catalog.get(b"OutputIntents").is_ok(), archival, "{name}");
        for (n, &page) in pdf.pages.iter().enumerate() {
            let p = pdf.doc.get_dictionary(page).unwrap();
            assert_eq!(p.get(b"Tabs").unwrap().as_name().unwrap(), b"S");
            assert_eq!(p.get(b"StructParents").unwrap().as_i64().unwrap(), n as i64);
            let Ok(annots) = p.get(b"Annots") else {
                continue;
            };
            for a in annots.as_array().unwrap() {
                let id = a.as_reference().expect("annotations are indirect objects");
                let a = pdf.doc.get_dictionary(id).unwrap();
                assert_eq!(a.get(b"F").unwrap().as_i64().unwrap() & 4, 4, "printed");
                assert!(a.get(b"StructParent").is_ok());
                match a.get(b"Subtype").unwrap().as_name().unwrap() {
                    b"Link" => assert!(!text_of(a.get(b"Contents").unwrap()).is_empty()),
                    _ => assert!(!text_of(a.get(b"TU").unwrap()).is_empty()),
                }
            }
        }
    }
}

#[test]
fn pdf_a_on_request() {
    let mut request = request("student", &["zh-CN", "en"], Profile::Phone);
    request.pdf_a = true;
    let pdf = read(&renderer().render(&request).unwrap());
    let catalog = pdf.catalog();
    let intents = catalog.get(b"OutputIntents").unwrap().as_array().unwrap();
    let intent = dict(&pdf.doc, &intents[0]);
    assert_eq!(intent.get(b"S").unwrap().as_name().unwrap(), b"GTS_PDFA1");
    let icc = pdf
        .doc
        .get_object(
            intent
                .get(b"DestOutputProfile")
                .unwrap()
                .as_reference()
                .unwrap(),
        )
        .unwrap()
        .as_stream()
        .unwrap();
    assert_eq!(icc.dict.get(b"N").unwrap().as_i64().unwrap(), 3);
    let icc = icc.decompressed_content().unwrap();
    assert_eq!(&icc[36..40], b"acsp");
    assert_eq!(&icc[16..20], b"RGB ");
}

/// Runs `outloud` and `pdfua` on every profile × language set: 0 errors.
/// Skipped when they are not installed, unless `CI=true`.
#[test]
fn checkers_report_no_errors() {
    let have = |tool: &str| {
        std::process::Command::new(tool)
            .arg("--help")
            .output()
            .is_ok_and(|o| o.status.success())
    };
    if !(have("outloud") && have("pdfua")) {
        let ci = std::env::var("CI").is_ok_and(|v| v == "true");
        assert!(
            !ci,
            "CI=true but outloud or pdfua is missing: pip install outloud==0.2.1 pdfua==0.1.3"
        );
        eprintln!("skipped: outloud and pdfua not installed (pip install outloud pdfua)");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let mut files = Vec::new();
    for (name, request) in all_requests() {
        let path = dir.path().join(format!("{name}.pdf"));
        std::fs::write(&path, renderer().render(&request).unwrap()).unwrap();
        files.push(path);
    }
    let outloud = std::process::Command::new("outloud")
        .args(["--fail-on", "error", "--quiet"])
        .args(&files)
        .output()
        .unwrap();
    assert!(
        outloud.status.success(),
        "outloud:\n{}{}",
        String::from_utf8_lossy(&outloud.stdout),
        String::from_utf8_lossy(&outloud.stderr)
    );
    let pdfua = std::process::Command::new("pdfua")
        .args(["check", "--min-severity", "error"])
        .args(&files)
        .output()
        .unwrap();
    let report = String::from_utf8_lossy(&pdfua.stdout);
    assert!(
        pdfua.status.success() && !report.contains("FAIL"),
        "pdfua:\n{report}{}",
        String::from_utf8_lossy(&pdfua.stderr)
    );
}
