//! The acknowledgement loop: the page names what was received and is a form
//! in phone and packet PDFs; filled in a viewer (here: with lopdf, setting
//! values and appearance states as a viewer does, saved whole or
//! incrementally) and read back by `ack collect`, which reports files that
//! are not ours or were altered.

#![allow(clippy::unwrap_used, clippy::expect_used, unreachable_pub)]

mod common;

use std::path::Path;

use common::*;
use lopdf::{Dictionary, Document, IncrementalDocument, Object, ObjectId, StringFormat};
use predeparture::ack::{self, Status};
use predeparture::layout::Profile;
use predeparture::model::{Date, Org};
use predeparture::{PacketRequest, Renderer, Request};

fn org() -> Org {
    Org::load(&root().join("examples/org/org.toml")).unwrap()
}

fn date(day: u8) -> Date {
    Date {
        year: 2026,
        month: 11,
        day,
    }
}

/// A phone PDF with the acknowledgement page, for nobody in particular.
fn phone() -> Vec<u8> {
    let mut request = Request::handout("student", &["zh-CN", "en"]);
    request.profile = Profile::Phone;
    request.org = Some(org());
    request.acknowledgement = true;
    request.today = Some(date(22));
    Renderer::bundled().unwrap().render(&request).unwrap()
}

/// A packet made for Wang Fang.
fn packet() -> Vec<u8> {
    let mut request = Request::handout("overseas-staff", &["zh-CN", "en"]);
    request.profile = Profile::Packet;
    request.org = Some(org());
    request.destination = Some("KE".into());
    request.packet = Some(PacketRequest {
        name: Some("Wang Fang".into()),
        departure: Some(Date {
            year: 2026,
            month: 12,
            day: 1,
        }),
        date: date(22),
    });
    Renderer::bundled().unwrap().render(&request).unwrap()
}

fn utf16(s: &str) -> Object {
    let mut bytes = vec![0xFE, 0xFF];
    bytes.extend(s.encode_utf16().flat_map(|u| u.to_be_bytes()));
    Object::String(bytes, StringFormat::Hexadecimal)
}

/// The form's fields: id and dictionary, in order.
fn fields(doc: &Document) -> Vec<(ObjectId, Dictionary)> {
    let form = doc.catalog().unwrap().get(b"AcroForm").unwrap();
    let form = match form {
        Object::Reference(id) => doc.get_dictionary(*id).unwrap(),
        Object::Dictionary(d) => d,
        _ => panic!("form"),
    };
    form.get(b"Fields")
        .unwrap()
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            let id = f.as_reference().unwrap();
            (id, doc.get_dictionary(id).unwrap().clone())
        })
        .collect()
}

fn field_name(d: &Dictionary) -> String {
    lopdf::decode_text_string(d.get(b"T").unwrap()).unwrap()
}

/// What a viewer does when the form is filled: text values, ticked boxes
/// (`/V` and `/AS` set to the on state), `ticks` item boxes ticked.
fn fill(doc: &mut Document, name: Option<&str>, day: &str, read: bool, ticks: usize) {
    let mut ticked = 0;
    for (id, mut dict) in fields(doc) {
        let field = field_name(&dict);
        match field.as_str() {
            "ack-name" => {
                if let Some(name) = name {
                    dict.set("V", utf16(name));
                }
            }
            "ack-date" => dict.set("V", utf16(day)),
            "ack-read" if read => {
                dict.set("V", Object::Name(b"Yes".to_vec()));
                dict.set("AS", Object::Name(b"Yes".to_vec()));
            }
            _ if dict.get(b"FT").unwrap().as_name().unwrap() == b"Btn" && ticked < ticks => {
                dict.set("V", Object::Name(b"Yes".to_vec()));
                dict.set("AS", Object::Name(b"Yes".to_vec()));
                ticked += 1;
            }
            _ => continue,
        }
        doc.objects.insert(id, Object::Dictionary(dict));
    }
}

fn save(doc: &mut Document, path: &Path) {
    let mut bytes = Vec::new();
    doc.save_to(&mut bytes).unwrap();
    std::fs::write(path, bytes).unwrap();
}

#[test]
fn the_acknowledgement_page_names_what_was_received_and_is_a_form() {
    let dir = tempdir();
    let path = dir.path().join("packet.pdf");
    std::fs::write(&path, packet()).unwrap();
    let last = (1..=pages(&path))
        .rev()
        .find(|&p| text(&path, Some(p)).contains("Acknowledgement"))
        .unwrap();
    let page = squash(&text(&path, Some(last)));
    for want in [
        "Checklist:“Workingabroad",
        "editionof22November2026",
        "《驻外人员安全提示清单》（2026年11月22日版）",
        "Destination:Kenya",
        "Departure:1December2026",
        "本人已阅读并理解本清单",
        "Ihavereadandunderstoodthischecklist",
        "WangFang",
        "Signature",
        "Securityofficer’scountersignature",
        "保密安全负责人签字",
    ] {
        assert!(page.contains(want), "the page lacks {want}: {page}");
    }
    assert!(tool("qpdf", &["--check", path.to_str().unwrap()])
        .contains("No syntax or stream encoding errors"));
    let doc = Document::load_mem(&std::fs::read(&path).unwrap()).unwrap();
    let names: Vec<String> = fields(&doc).iter().map(|(_, d)| field_name(d)).collect();
    // The name is printed, so only the date is a text field.
    assert!(names.contains(&"ack-read".to_string()));
    assert!(names.contains(&"ack-date".to_string()));
    assert!(!names.contains(&"ack-name".to_string()));
    for (_, d) in fields(&doc) {
        if d.get(b"FT").unwrap().as_name().unwrap() == b"Tx" {
            assert!(d.get(b"DA").is_ok());
            let ap = d.get(b"AP").unwrap().as_dict().unwrap();
            assert!(ap.get(b"N").unwrap().as_reference().is_ok());
        }
    }
}

#[test]
fn returned_forms_are_read_back_and_altered_or_foreign_files_reported() {
    let dir = tempdir();
    let returned = dir.path().join("returned");
    std::fs::create_dir(&returned).unwrap();

    // A phone PDF filled and saved whole.
    let mut doc = Document::load_mem(&phone()).unwrap();
    fill(&mut doc, Some("李雷"), "2026-11-30", true, 3);
    save(&mut doc, &returned.join("a-phone.pdf"));

    // A packet filled and saved incrementally, as many viewers do.
    let original = packet();
    let prev = Document::load_mem(&original).unwrap();
    let mut inc = IncrementalDocument::create_from(original.clone(), prev.clone());
    let mut filled = prev.clone();
    fill(&mut filled, None, "2026-11-29", true, 1);
    for (id, dict) in fields(&filled) {
        if dict != *prev.get_dictionary(id).unwrap() {
            inc.new_document.set_object(id, Object::Dictionary(dict));
        }
    }
    let mut bytes = Vec::new();
    inc.save_to(&mut bytes).unwrap();
    assert!(bytes.starts_with(&original));
    std::fs::write(returned.join("b-packet.pdf"), &bytes).unwrap();

    // Unfilled: ours, not acknowledged.
    std::fs::write(returned.join("c-blank.pdf"), phone()).unwrap();

    // Altered: a page prints something else.
    let mut doc = Document::load_mem(&packet()).unwrap();
    let page = *doc.get_pages().values().next().unwrap();
    let content = doc.get_page_content(page);
    let mut changed = content.clone();
    changed.extend_from_slice(b"\n0 0 m 100 100 l S\n");
    let stream = doc.get_page_contents(page)[0];
    doc.get_object_mut(stream)
        .unwrap()
        .as_stream_mut()
        .unwrap()
        .set_plain_content(changed);
    save(&mut doc, &returned.join("d-altered.pdf"));

    // Foreign: a PDF predeparture did not make.
    let mut foreign = Document::load_mem(&phone()).unwrap();
    let info = foreign
        .trailer
        .get(b"Info")
        .unwrap()
        .as_reference()
        .unwrap();
    let info = foreign.get_dictionary_mut(info).unwrap();
    let keys: Vec<Vec<u8>> = info
        .iter()
        .map(|(k, _)| k.clone())
        .filter(|k| k.starts_with(b"Predeparture"))
        .collect();
    assert!(!keys.is_empty());
    for k in keys {
        info.remove(&k);
    }
    save(&mut foreign, &returned.join("e-foreign.pdf"));
    std::fs::write(returned.join("f-broken.pdf"), b"not a pdf").unwrap();
    std::fs::write(returned.join("notes.txt"), b"ignored").unwrap();

    let register = dir.path().join("register.csv");
    let o = run(&[
        "ack",
        "collect",
        returned.to_str().unwrap(),
        "-o",
        register.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8(o.stderr).unwrap();
    assert!(err.contains("d-altered.pdf: altered"), "{err}");
    assert!(
        err.contains("e-foreign.pdf: not made by predeparture"),
        "{err}"
    );
    assert!(err.contains("f-broken.pdf: not a readable PDF"), "{err}");
    assert!(
        !err.contains("a-phone.pdf") && !err.contains("b-packet.pdf"),
        "{err}"
    );
    let csv = std::fs::read_to_string(&register).unwrap();
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(
        lines[0],
        "file,name,acknowledged,date,items ticked,items,checklist,edition,status"
    );
    assert!(
        lines[1].starts_with("a-phone.pdf,李雷,yes,2026-11-30,3,"),
        "{}",
        lines[1]
    );
    assert!(lines[1].ends_with(",student,2026-11-22,ok"), "{}", lines[1]);
    assert!(
        lines[2].starts_with("b-packet.pdf,Wang Fang,yes,2026-11-29,1,"),
        "{}",
        lines[2]
    );
    assert!(lines[2].ends_with(",overseas-staff,2026-11-22,ok"));
    assert!(lines[3].starts_with("c-blank.pdf,,no,,0,"), "{}", lines[3]);
    assert!(lines[4].starts_with("d-altered.pdf,Wang Fang,no,"));
    assert!(lines[4].ends_with(",altered"));
    assert_eq!(lines[5], "e-foreign.pdf,,,,,,,,not ours");
    assert_eq!(lines[6], "f-broken.pdf,,,,,,,,unreadable");
    assert_eq!(lines.len(), 7);
}

#[test]
fn the_stamp_is_deterministic_and_covers_the_recorded_name() {
    let a = packet();
    assert_eq!(a, packet());
    assert_eq!(ack::read(&a).status, Status::Intact);
    // Changing the recorded name without the page is an alteration too.
    let mut doc = Document::load_mem(&a).unwrap();
    let info = doc.trailer.get(b"Info").unwrap().as_reference().unwrap();
    doc.get_dictionary_mut(info)
        .unwrap()
        .set("PredepartureName", utf16("Someone Else"));
    let mut bytes = Vec::new();
    doc.save_to(&mut bytes).unwrap();
    let read = ack::read(&bytes);
    assert_eq!(read.status, Status::Altered);
}
