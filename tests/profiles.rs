//! The three profiles, read back from the PDFs: page sizes, tappable links,
//! outline, form checkboxes, QR codes that decode to the printed address,
//! the wallet card, the packet's cover and acknowledgement page, and the
//! organisation on handouts and phone PDFs (`--org`).

#![allow(clippy::unwrap_used, clippy::expect_used, unreachable_pub)]

mod common;

use std::collections::BTreeSet;
use std::path::Path;

use common::*;
use lopdf::{Document, Object};
use predeparture::layout::{Item, Profile};
use predeparture::model::{Date, Org};
use predeparture::text::links;
use predeparture::{PacketRequest, Renderer, Request};

fn renderer() -> Renderer {
    Renderer::bundled().unwrap()
}

fn org() -> Org {
    Org::load(&root().join("examples/org/org.toml")).unwrap()
}

fn packet_args() -> Vec<String> {
    let org = root().join("examples/org/org.toml");
    [
        "--profile",
        "packet",
        "--org",
        org.to_str().unwrap(),
        "--name",
        "Wang Fang",
        "--destination",
        "KE",
        "--departure",
        "2026-12-01",
        "--date",
        "2026-11-22",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect()
}

fn resolve<'a>(doc: &'a Document, o: &'a Object) -> &'a Object {
    match o {
        Object::Reference(id) => doc.get_object(*id).unwrap(),
        other => other,
    }
}

/// Every annotation dictionary of every page.
fn annotations(doc: &Document) -> Vec<lopdf::Dictionary> {
    let mut out = Vec::new();
    for (_, page) in doc.get_pages() {
        let page = doc.get_dictionary(page).unwrap();
        if let Ok(annots) = page.get(b"Annots") {
            for a in resolve(doc, annots).as_array().unwrap() {
                out.push(resolve(doc, a).as_dict().unwrap().clone());
            }
        }
    }
    out
}

fn uri_links(doc: &Document) -> Vec<(String, lopdf::Dictionary)> {
    annotations(doc)
        .into_iter()
        .filter(|a| a.get(b"Subtype").and_then(Object::as_name).ok() == Some(b"Link"))
        .map(|a| {
            let action = resolve(doc, a.get(b"A").unwrap())
                .as_dict()
                .unwrap()
                .clone();
            let uri =
                String::from_utf8(action.get(b"URI").unwrap().as_str().unwrap().to_vec()).unwrap();
            (uri, a)
        })
        .collect()
}

#[test]
fn page_sizes_per_profile() {
    let dir = tempdir();
    let mut packet = vec!["--checklist".to_string(), "student".into()];
    packet.extend(packet_args());
    let packet: Vec<&str> = packet.iter().map(String::as_str).collect();
    for (args, size) in [
        (&["--checklist", "student"][..], "595.276 x 841.89"),
        (&["--checklist", "student", "--page", "letter"], "612 x 792"),
        // Phone pages are as tall as their content.
        (
            &["--checklist", "student", "--profile", "phone"],
            "255.118 x ",
        ),
        (&packet[..], "595.276 x 841.89"),
    ] {
        let pdf = render(dir.path(), "p.pdf", args);
        let info = tool("pdfinfo", &[pdf.to_str().unwrap()]);
        assert!(
            info.contains(&format!("Page size:       {size}")),
            "{args:?}: {info}"
        );
        let bytes = std::fs::metadata(&pdf).unwrap().len();
        assert!(bytes < 300_000, "{args:?}: {bytes} bytes");
        assert!(tool("qpdf", &["--check", pdf.to_str().unwrap()])
            .contains("No syntax or stream encoding errors"));
    }
}

#[test]
fn phone_numbers_and_addresses_are_tappable_without_borders() {
    let dir = tempdir();
    for langs in ["zh-CN,en", "zh-CN", "en"] {
        let pdf = render(
            dir.path(),
            "phone.pdf",
            &[
                "--checklist",
                "student",
                "--profile",
                "phone",
                "--lang",
                langs,
            ],
        );
        let doc = Document::load(&pdf).unwrap();
        let found = uri_links(&doc);
        let uris: BTreeSet<&str> = found.iter().map(|(u, _)| u.as_str()).collect();
        for want in [
            "tel:+861012308",
            "tel:+861065612308",
            "https://www.12339.gov.cn",
            "https://cs.mfa.gov.cn",
        ] {
            assert!(uris.contains(want), "{langs}: no link to {want}: {uris:?}");
        }
        for (uri, annot) in &found {
            // Only numbers that dial from abroad: never a bare service
            // number (12308 abroad is not the hotline) or a postcode.
            assert!(
                !uri.starts_with("tel:") || uri.starts_with("tel:+") || uri.starts_with("tel:0"),
                "{langs}: {uri} is no number to dial from abroad"
            );
            assert!(
                uri.starts_with("https://")
                    || uri
                        .strip_prefix("tel:")
                        .unwrap()
                        .chars()
                        .all(|c| c.is_ascii_digit() || c == '+'),
                "{uri}"
            );
            let border: Vec<f32> = annot
                .get(b"Border")
                .unwrap()
                .as_array()
                .unwrap()
                .iter()
                .map(|o| o.as_float().unwrap())
                .collect();
            assert_eq!(border, [0.0, 0.0, 0.0], "{uri} has a visible border");
        }
        // Every number and address printed has its link (an address broken
        // across lines extracts as its first part).
        let text = text(&pdf, None);
        for f in links::find(&text) {
            assert!(
                uris.iter().any(|u| u.starts_with(&f.uri)),
                "{langs}: {} printed without a link",
                f.uri
            );
        }
    }
}

#[test]
fn phone_has_one_bookmark_per_section_and_opens_at_page_one() {
    let r = renderer();
    let dir = tempdir();
    for langs in [&["zh-CN", "en"][..], &["en"]] {
        let mut req = Request::handout("short-trip", langs);
        req.profile = Profile::Phone;
        let doc = r.document(&req).unwrap();
        let mut headings: Vec<String> = doc
            .sections
            .iter()
            .map(|s| s.heading.text.join(" / "))
            .collect();
        headings.push(doc.channels.as_ref().unwrap().heading.text.join(" / "));
        // The emergency contacts open the document.
        headings.insert(0, doc.card.as_ref().unwrap().title.text.join(" / "));
        let pdf = render(
            dir.path(),
            "o.pdf",
            &[
                "--checklist",
                "short-trip",
                "--profile",
                "phone",
                "--lang",
                &langs.join(","),
            ],
        );
        let doc = Document::load(&pdf).unwrap();
        let catalog = doc.catalog().unwrap();
        assert_eq!(
            catalog.get(b"PageMode").unwrap().as_name().unwrap(),
            b"UseOutlines"
        );
        let open = catalog.get(b"OpenAction").unwrap().as_array().unwrap();
        let first_page = *doc.get_pages().get(&1).unwrap();
        assert_eq!(open[0].as_reference().unwrap(), first_page);
        let outlines = resolve(&doc, catalog.get(b"Outlines").unwrap())
            .as_dict()
            .unwrap();
        let mut entry = outlines
            .get(b"First")
            .ok()
            .map(|o| resolve(&doc, o).as_dict().unwrap().clone());
        let mut titles = Vec::new();
        while let Some(e) = entry {
            let raw = e.get(b"Title").unwrap().as_str().unwrap();
            let units: Vec<u16> = raw[2..]
                .chunks(2)
                .map(|c| u16::from_be_bytes([c[0], c[1]]))
                .collect();
            titles.push(String::from_utf16(&units).unwrap());
            entry = e
                .get(b"Next")
                .ok()
                .map(|o| resolve(&doc, o).as_dict().unwrap().clone());
        }
        assert_eq!(titles, headings);
    }
}

#[test]
fn phone_tick_boxes_are_form_checkboxes() {
    let r = renderer();
    let dir = tempdir();
    let mut req = Request::handout("overseas-staff", &["zh-CN", "en"]);
    req.profile = Profile::Phone;
    req.roles = vec!["sensitive".into()];
    let items: usize = r
        .document(&req)
        .unwrap()
        .sections
        .iter()
        .map(|s| s.items.len())
        .sum();
    let pdf = render(
        dir.path(),
        "f.pdf",
        &[
            "--checklist",
            "overseas-staff",
            "--profile",
            "phone",
            "--role",
            "sensitive",
        ],
    );
    let doc = Document::load(&pdf).unwrap();
    let form = resolve(&doc, doc.catalog().unwrap().get(b"AcroForm").unwrap())
        .as_dict()
        .unwrap();
    let fields = form.get(b"Fields").unwrap().as_array().unwrap();
    assert_eq!(fields.len(), items);
    let mut names = BTreeSet::new();
    for f in fields {
        let f = resolve(&doc, f).as_dict().unwrap();
        assert_eq!(f.get(b"FT").unwrap().as_name().unwrap(), b"Btn");
        assert_eq!(f.get(b"V").unwrap().as_name().unwrap(), b"Off");
        let normal = resolve(
            &doc,
            resolve(&doc, f.get(b"AP").unwrap())
                .as_dict()
                .unwrap()
                .get(b"N")
                .unwrap(),
        )
        .as_dict()
        .unwrap();
        for state in [&b"Yes"[..], b"Off"] {
            let stream = resolve(&doc, normal.get(state).unwrap())
                .as_stream()
                .unwrap();
            let content =
                lopdf::content::Content::decode(&stream.decompressed_content().unwrap()).unwrap();
            let strokes = content
                .operations
                .iter()
                .filter(|o| o.operator == "S")
                .count();
            assert_eq!(
                strokes,
                if state == b"Yes" { 2 } else { 1 },
                "appearance {}",
                String::from_utf8_lossy(state)
            );
        }
        names.insert(f.get(b"T").unwrap().as_str().unwrap().to_vec());
    }
    assert_eq!(names.len(), items, "field names are unique");
    // qpdf sees them as checkboxes too.
    let json = tool(
        "qpdf",
        &["--json", "--json-key=acroform", pdf.to_str().unwrap()],
    );
    assert_eq!(json.matches("\"ischeckbox\": true").count(), items);
    // The handout keeps printed squares and no form.
    let handout = Document::load(render(
        dir.path(),
        "h.pdf",
        &["--checklist", "overseas-staff"],
    ))
    .unwrap();
    assert!(handout.catalog().unwrap().get(b"AcroForm").is_err());
}

/// Decodes every QR code on `page` of `pdf`, rasterised at 300 dpi.
fn decode_qr(pdf: &Path, page: usize) -> Vec<String> {
    let dir = tempdir();
    let prefix = dir.path().join("qr");
    let n = page.to_string();
    tool(
        "pdftoppm",
        &[
            "-gray",
            "-r",
            "300",
            "-f",
            &n,
            "-l",
            &n,
            pdf.to_str().unwrap(),
            prefix.to_str().unwrap(),
        ],
    );
    let file = std::fs::read_dir(dir.path())
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    let pgm = std::fs::read(file).unwrap();
    // Binary PGM: "P5\n<w> <h>\n255\n" then the pixels.
    let mut fields = Vec::new();
    let mut at = 0;
    while fields.len() < 4 {
        while pgm[at].is_ascii_whitespace() {
            at += 1;
        }
        let start = at;
        while !pgm[at].is_ascii_whitespace() {
            at += 1;
        }
        fields.push(String::from_utf8(pgm[start..at].to_vec()).unwrap());
    }
    let (w, h): (usize, usize) = (fields[1].parse().unwrap(), fields[2].parse().unwrap());
    let pixels = &pgm[at + 1..];
    let mut img = rqrr::PreparedImage::prepare_from_greyscale(w, h, |x, y| pixels[y * w + x]);
    // Squares on the page (tick boxes, bullets) can pass for finder
    // patterns: a "grid" they make spans much of the page, far wider than
    // any code printed (46 pt, 192 pixels), and is no code.
    let span = |g: &rqrr::Grid<_>| {
        let xs = g.bounds.iter().map(|p| p.x);
        xs.clone().max().unwrap_or(0) - xs.min().unwrap_or(0)
    };
    img.detect_grids()
        .iter()
        .filter(|g| span(g) < 600)
        .map(|g| g.decode().unwrap().1)
        .collect()
}

#[test]
fn qr_codes_decode_to_the_address_printed_beside_them() {
    let r = renderer();
    let req = Request::handout("student", &["zh-CN", "en"]);
    let layout = r.layout(&req).unwrap();
    let mut expected: Vec<(usize, String)> = Vec::new();
    for (n, page) in layout.pages.iter().enumerate() {
        for item in &page.items {
            if let Item::Qr { y, size, text, .. } = item {
                // The address stands on a line level with the code.
                let beside = page.items.iter().any(|i| match i {
                    Item::Line(l) => {
                        l.text().contains(text.as_str())
                            && l.baseline > y - 12.0
                            && l.baseline < y + size + 60.0
                    }
                    _ => false,
                });
                assert!(beside, "page {}: no `{text}` beside its QR code", n + 1);
                expected.push((n + 1, text.clone()));
            }
        }
    }
    let addresses: BTreeSet<&str> = expected.iter().map(|(_, t)| t.as_str()).collect();
    assert!(
        addresses.contains("www.12339.gov.cn") && addresses.contains("cs.mfa.gov.cn"),
        "{addresses:?}"
    );
    let dir = tempdir();
    let pdf = render(dir.path(), "q.pdf", &["--checklist", "student"]);
    let pages: BTreeSet<usize> = expected.iter().map(|(p, _)| *p).collect();
    for page in pages {
        let mut want: Vec<String> = expected
            .iter()
            .filter(|(p, _)| *p == page)
            .map(|(_, t)| t.clone())
            .collect();
        let mut got = decode_qr(&pdf, page);
        want.sort();
        got.sort();
        assert_eq!(got, want, "page {page}");
    }
}

#[test]
fn handouts_end_with_a_wallet_card() {
    let r = renderer();
    for langs in [&["zh-CN", "en"][..], &["en"]] {
        let layout = r.layout(&Request::handout("short-trip", langs)).unwrap();
        let last = layout.pages.last().unwrap();
        let cards: Vec<(f32, f32)> = last
            .items
            .iter()
            .filter_map(|i| match i {
                Item::CutLine { width, height, .. } => Some((*width, *height)),
                _ => None,
            })
            .collect();
        // One card, a panel per language (two languages fold into one card).
        assert_eq!(cards.len(), 1);
        for (w, h) in cards {
            // 85.6 × 54 mm a panel.
            let panels = langs.len() as f32;
            assert!((w - panels * 242.65).abs() < 0.1 && (h - 153.07).abs() < 0.1);
        }
        // On a sheet of its own: an odd page, nothing after it.
        assert_eq!(layout.pages.len() % 2, 1);
        let text: String = last
            .items
            .iter()
            .filter_map(|i| {
                if let Item::Line(l) = i {
                    Some(l.text())
                } else {
                    None
                }
            })
            .collect();
        assert!(
            text.contains("+86-10-12308") && text.contains("12339"),
            "{text}"
        );
    }
    let mut phone = Request::handout("short-trip", &["en"]);
    phone.profile = Profile::Phone;
    assert!(!r
        .layout(&phone)
        .unwrap()
        .pages
        .iter()
        .flat_map(|p| &p.items)
        .any(|i| matches!(i, Item::CutLine { .. })));
}

#[test]
fn packet_has_cover_organisation_items_and_acknowledgement() {
    let dir = tempdir();
    let mut args = vec!["--checklist".to_string(), "overseas-staff".into()];
    args.extend(packet_args());
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let pdf = render(dir.path(), "pk.pdf", &args);
    // The acknowledgement page comes before the card's sheet.
    let n = (1..=pages(&pdf))
        .rev()
        .find(|&p| squash(&text(&pdf, Some(p))).contains("确认书"))
        .unwrap();
    let cover = squash(&text(&pdf, Some(1)));
    for want in [
        "示例工程有限公司",
        "ExampleEngineeringCo.,Ltd.",
        "WangFang",
        "Kenya",
        "2026年12月1日",
        "1December2026",
        "Issued:22November2026",
        "驻外人员安全提示清单",
    ] {
        assert!(cover.contains(want), "cover lacks {want}: {cover}");
    }
    let all = squash(&text(&pdf, None));
    let o = org();
    for item in &o.items {
        for lang in ["en", "zh-CN"] {
            assert!(
                all.contains(&squash(item.text.get(lang).unwrap())),
                "org item {} missing",
                item.id
            );
        }
    }
    assert!(all.contains("+86-10-5555-0100") && all.contains("security@example.com"));
    let last = squash(&text(&pdf, Some(n)));
    for want in [
        "确认书",
        "Acknowledgement",
        "本人WangFang确认",
        "I,WangFang,confirm",
        "签名",
        "Signature",
        "日期",
        "Date",
    ] {
        assert!(last.contains(want), "acknowledgement lacks {want}: {last}");
    }
    // The logo is an image on the cover.
    let images = tool("pdfimages", &["-list", pdf.to_str().unwrap()]);
    assert!(
        images
            .lines()
            .nth(2)
            .is_some_and(|l| l.split_whitespace().next() == Some("1")),
        "{images}"
    );
}

#[test]
fn the_packet_cover_has_no_page_number() {
    let dir = tempdir();
    for langs in ["zh-CN,en", "en"] {
        let mut args = vec!["--checklist".to_string(), "student".into()];
        args.extend(packet_args());
        args.extend(["--lang".to_string(), langs.to_string()]);
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let pdf = render(dir.path(), "cover.pdf", &args);
        let total = pages(&pdf);
        let cover = squash(&text(&pdf, Some(1)));
        assert!(
            !cover.contains("页，共") && !cover.contains("Page1of"),
            "{langs}: {cover}"
        );
        // The pages after it are numbered counting the cover.
        let second = squash(&text(&pdf, Some(2)));
        assert!(
            second.contains(&format!("Page2of{total}")),
            "{langs}: {second}"
        );
        if langs.starts_with("zh") {
            assert!(second.contains(&format!("第2页，共{total}页")), "{second}");
        }
    }
    // Nor its rule: nothing of a footer is laid out on the cover.
    let mut req = Request::handout("student", &["zh-CN", "en"]);
    req.profile = Profile::Packet;
    req.org = Some(org());
    req.packet = Some(PacketRequest {
        name: Some("Wang Fang".into()),
        departure: None,
        date: Date {
            year: 2026,
            month: 11,
            day: 22,
        },
    });
    let layout = renderer().layout(&req).unwrap();
    assert!(layout.cover);
    let footer_rule = |p: &predeparture::layout::Page| {
        let y = p.height - req.profile.spec().design.footer_baseline - 12.0;
        p.items
            .iter()
            .any(|i| matches!(i, Item::Rule { y: r, .. } if (r - y).abs() < 0.01))
    };
    assert!(!footer_rule(&layout.pages[0]));
    assert!(layout.pages[1..].iter().all(footer_rule));
    assert!(!layout.pages[0].items.iter().any(|i| matches!(
        i,
        Item::Line(l) if l.tag.part == predeparture::layout::Part::Footer
    )));
}

#[test]
fn packet_text_from_users_is_cleaned_and_checked() {
    let r = renderer();
    let mut req = Request::handout("student", &["zh-CN", "en"]);
    req.profile = Profile::Packet;
    req.org = Some(org());
    req.packet = Some(PacketRequest {
        name: Some("Li\u{202E}Lei\u{7}".into()),
        departure: None,
        date: Date {
            year: 2026,
            month: 11,
            day: 22,
        },
    });
    let doc = r.document(&req).unwrap();
    assert!(doc.packet.as_ref().unwrap().cover[0].text[1].contains("LiLei"));
    req.packet.as_mut().unwrap().name = Some("Li 😀".into());
    let e = r.render(&req).unwrap_err().to_string();
    assert!(e.contains("no font has '😀'"), "{e}");
}

#[test]
fn packet_inputs_are_checked() {
    let dir = tempdir();
    let out = dir.path().join("x.pdf");
    let org_dir = tempdir();
    let org_file = org_dir.path().join("org.toml");
    std::fs::write(&org_file, "name = { en = \"Acme\", zh-CN = \"艾克米\" }\n[[item]]\nid = \"a\"\ntext = { en = \"Only English\" }\n").unwrap();
    let cases: Vec<(Vec<&str>, String)> = vec![
        (
            vec!["--profile", "packet"],
            "the packet profile needs an organisation file (--org)".into(),
        ),
        (
            vec!["--name", "X"],
            "--name is for packets and acknowledgement pages: add --profile packet, or --ack with --org".into(),
        ),
        (
            vec!["--profile", "phone", "--departure", "2026-12-01"],
            "--departure is for packets and acknowledgement pages: add --profile packet, or --ack with --org".into(),
        ),
        (
            vec!["--profile", "packet", "--org", org_file.to_str().unwrap()],
            format!("{}:4:8: item `a` has no text in zh-CN", org_file.display()),
        ),
        (
            vec![
                "--profile",
                "packet",
                "--org",
                org_file.to_str().unwrap(),
                "--departure",
                "1 Dec",
            ],
            "--departure `1 Dec` is not a date: use YYYY-MM-DD".into(),
        ),
    ];
    for (args, message) in cases {
        let mut all = vec![
            "render",
            "--checklist",
            "student",
            "-o",
            out.to_str().unwrap(),
        ];
        all.extend(args);
        let o = run(&all);
        assert_eq!(o.status.code(), Some(2), "{all:?}");
        assert_eq!(
            String::from_utf8(o.stderr).unwrap().trim(),
            format!("error: {message}")
        );
        assert!(!out.exists());
    }
}

#[test]
fn a_roster_gives_one_packet_per_row_or_none_at_all() {
    let dir = tempdir();
    let out = dir.path().join("packets");
    let org = root().join("examples/org/org.toml");
    let roster = root().join("examples/org/roster.csv");
    let base = [
        "render",
        "--checklist",
        "overseas-staff",
        "--profile",
        "packet",
        "--org",
        org.to_str().unwrap(),
        "--date",
        "2026-11-22",
        "-o",
        out.to_str().unwrap(),
    ];
    let mut args = base.to_vec();
    args.extend(["--roster", roster.to_str().unwrap()]);
    let o = run(&args);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let mut files: Vec<_> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "pdf"))
        .collect();
    files.sort();
    let rows = std::fs::read_to_string(&roster).unwrap();
    let people: Vec<&str> = rows
        .lines()
        .skip(1)
        .map(|l| l.split(',').next().unwrap())
        .collect();
    assert_eq!(files.len(), people.len());
    for (file, person) in files.iter().zip(&people) {
        assert!(
            squash(&text(file, Some(1))).contains(&squash(person)),
            "{} lacks {person}",
            file.display()
        );
    }

    let bad = dir.path().join("bad.csv");
    std::fs::write(&bad, "name,departure\nA,2026-12-01\nB,next week\n").unwrap();
    let out2 = dir.path().join("none");
    let mut args = base.to_vec();
    let last = args.len() - 1;
    args[last] = out2.to_str().unwrap();
    args.extend(["--roster", bad.to_str().unwrap()]);
    let o = run(&args);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8(o.stderr).unwrap();
    assert!(
        err.starts_with(&format!(
            "error: {}:3: departure \"next week\" is not a date",
            bad.display()
        )),
        "{err}"
    );
    assert!(!out2.exists(), "a failed roster wrote files");
}

#[test]
fn org_puts_name_logo_and_contacts_on_handouts_and_phone_pdfs() {
    let dir = tempdir();
    let org = root().join("examples/org/org.toml");
    let o = org.to_str().unwrap();
    let item = squash(org_item_text());
    for profile in ["handout", "phone"] {
        let pdf = render(
            dir.path(),
            &format!("{profile}.pdf"),
            &["--checklist", "student", "--profile", profile, "--org", o],
        );
        let first = squash(&text(&pdf, Some(1)));
        assert!(
            first.contains("示例工程有限公司") && first.contains("ExampleEngineeringCo.,Ltd."),
            "{profile}: {first}"
        );
        // The logo heads page 1.
        let images = tool(
            "pdfimages",
            &["-list", "-f", "1", "-l", "1", pdf.to_str().unwrap()],
        );
        assert!(
            images
                .lines()
                .any(|l| l.split_whitespace().nth(2) == Some("image")),
            "{profile}: {images}"
        );
        let all = squash(&text(&pdf, None));
        assert!(all.contains("联系方式") && all.contains("security@example.com"));
        // The card (the phone's opening contacts) has the security officer's number.
        let card = if profile == "phone" {
            first.clone()
        } else {
            squash(&text(&pdf, Some(pages(&pdf))))
        };
        assert!(
            card.contains("示例工程有限公司：保密办公室+86-10-5555-0100"),
            "{profile}: {card}"
        );
        // Its own items and the acknowledgement page only when asked for.
        assert!(!all.contains(&item), "{profile}");
        assert!(!all.contains("Acknowledgement"), "{profile}");
        let pdf = render(
            dir.path(),
            &format!("{profile}-all.pdf"),
            &[
                "--checklist",
                "student",
                "--profile",
                profile,
                "--org",
                o,
                "--org-items",
                "--ack",
                "--name",
                "Li Lei",
            ],
        );
        let all = squash(&text(&pdf, None));
        assert!(all.contains(&item) && all.contains("Acknowledgement"));
        assert!(all.contains("I,LiLei,confirm"));
        // A phone's acknowledgement page is a form; a handout's is printed.
        let doc = Document::load(&pdf).unwrap();
        assert_eq!(
            doc.catalog().unwrap().get(b"AcroForm").is_ok(),
            profile == "phone"
        );
    }
    let o = run(&["render", "--checklist", "student", "--ack", "-o", "-"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("--org"));
}

fn org_item_text() -> &'static str {
    "Register your trip with the Security Office"
}
