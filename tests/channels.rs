//! Reporting channels: every destination renders, every number in the data
//! is printed exactly and with a source, `data check` catches bad rows, and
//! destinations are found by code or name.

#![allow(clippy::unwrap_used, clippy::expect_used, unreachable_pub)]

mod common;

use common::*;
use predeparture::model::Channels;
use predeparture::text::links;
use predeparture::{Renderer, Request};

fn renderer() -> Renderer {
    Renderer::bundled().unwrap()
}

fn channels(r: &Renderer) -> &Channels {
    r.catalog().channels.as_ref().unwrap()
}

fn request(destination: &str, langs: &[&str]) -> Request {
    let mut req = Request::handout("student", langs);
    req.destination = Some(destination.into());
    req.timestamp = Some(1_700_000_000);
    req
}

#[test]
fn every_destination_prints_its_numbers_exactly_in_every_language() {
    let r = renderer();
    let dir = tempdir();
    let data = channels(&r);
    let national: Vec<&str> = data
        .national
        .iter()
        .flat_map(|c| c.phones.iter().map(String::as_str))
        .collect();
    for d in &data.destinations {
        for langs in [&["zh-CN", "en"][..], &["zh-CN"], &["en"]] {
            let pdf = dir.path().join("d.pdf");
            std::fs::write(&pdf, r.render(&request(&d.code, langs)).unwrap()).unwrap();
            let text = squash(&text(&pdf, None));
            for phone in d
                .missions
                .iter()
                .filter_map(|m| m.phone.as_deref())
                .chain(national.iter().copied())
            {
                assert!(
                    text.contains(phone),
                    "{} {langs:?}: {phone} not printed",
                    d.code
                );
            }
            for m in &d.missions {
                for tag in langs {
                    let name = squash(m.name.get(tag).unwrap());
                    assert!(text.contains(&name), "{} {tag}: {name} not printed", d.code);
                }
            }
        }
    }
}

#[test]
fn no_number_is_printed_without_a_source() {
    let r = renderer();
    for d in &channels(&r).destinations {
        let doc = r.document(&request(&d.code, &["zh-CN", "en"])).unwrap();
        let channels = doc.channels.as_ref().unwrap();
        let card = doc.card.as_ref().unwrap();
        let rows = doc
            .sections
            .iter()
            .flat_map(|s| &s.items)
            .chain(&channels.items)
            .chain(&card.rows);
        for row in rows {
            for text in &row.text.text {
                if links::find(text).iter().any(|f| !f.is_web()) {
                    // The card prints no source numbers, but cites its sources.
                    let on_card = card.rows.contains(row);
                    assert!(
                        (on_card || row.reference.is_some()) && !row.sources.is_empty(),
                        "{}: `{text}` has no source",
                        row.text.id
                    );
                }
            }
        }
        // Every cited number resolves to an entry of the sources list with a date or a note.
        for n in channels.items.iter().flat_map(|i| &i.sources) {
            assert!(doc.sources.iter().any(|s| s.number == *n));
        }
    }
}

#[test]
fn old_or_uncertain_missions_say_so_and_show_their_date() {
    let r = renderer();
    let dir = tempdir();
    // The UK row is from September 2020 and of low confidence.
    let pdf = dir.path().join("gb.pdf");
    std::fs::write(&pdf, r.render(&request("GB", &["zh-CN", "en"])).unwrap()).unwrap();
    let text = squash(&text(&pdf, None));
    for want in [
        "出行前请核实",
        "verifybeforetravel",
        "信息日期：2020年9月25日",
        "asof25September2020",
        "+44-20-74368294",
    ] {
        assert!(text.contains(want), "{want}");
    }
    // A recent, high-confidence row does not.
    let doc = r.document(&request("JP", &["en"])).unwrap();
    let embassy = &doc.channels.as_ref().unwrap().items[0].text.text[0];
    assert!(!embassy.contains("verify before travel"), "{embassy}");
    assert!(embassy.contains("as of"), "{embassy}");
}

#[test]
fn without_a_destination_there_are_lines_to_write_in() {
    let r = renderer();
    let doc = r
        .document(&Request::handout("student", &["zh-CN", "en"]))
        .unwrap();
    let channels = doc.channels.unwrap();
    assert_eq!(
        channels.heading.text,
        ["求助与报告渠道", "Help and reporting channels"]
    );
    assert!(channels.items[0].text.text[1]
        .contains("Chinese embassy or consulate for where you will live: ____"));
    assert!(channels.items[1].text.text[0].contains("领事保护与协助电话：____"));
    // A destination with no verified mission says where to look.
    let nl = r.document(&request("NL", &["en"])).unwrap();
    assert!(nl.channels.unwrap().items[0].text.text[0]
        .contains("look them up on cs.mfa.gov.cn or in the “China Consular” app (中国领事)"));
}

#[test]
fn destinations_are_found_by_code_or_name_in_either_language() {
    let variants: Vec<Vec<&str>> = ["gb", "United Kingdom", "英国", "UK"]
        .iter()
        .map(|q| vec!["--checklist", "short-trip", "--destination", q])
        .collect();
    assert_renders_alike(
        &["--checklist", "short-trip", "--destination", "GB"],
        &variants,
    );
    let dir = tempdir();
    let out = dir.path().join("x.pdf");
    let o = run(&[
        "render",
        "--checklist",
        "student",
        "--destination",
        "Atlantis",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        String::from_utf8(o.stderr).unwrap().trim(),
        "error: unknown destination `Atlantis`: no country has that ISO 3166 code or name"
    );
    assert!(!out.exists());
}

#[test]
fn the_wallet_card_names_the_embassy_when_the_destination_is_known() {
    let r = renderer();
    let doc = r.document(&request("SG", &["zh-CN", "en"])).unwrap();
    // The embassy comes first on the card.
    let row = &doc.card.unwrap().rows[0];
    assert!(
        row.text.text[0].contains("中华人民共和国驻新加坡大使馆")
            && row.text.text[0].contains("+65-64750165"),
        "{:?}",
        row.text.text
    );
    assert!(row.text.text[1].contains("+65-64750165"));
}

#[test]
fn list_destinations_prints_one_line_each() {
    let o = run(&["list", "destinations"]);
    assert!(o.status.success());
    let out = String::from_utf8(o.stdout).unwrap();
    let r = renderer();
    let data = channels(&r);
    assert_eq!(out.lines().count(), data.destinations.len());
    let gb = out.lines().find(|l| l.starts_with("GB")).unwrap();
    for want in ["United Kingdom", "英国", "1 mission ", "oldest 2020-09"] {
        assert!(gb.contains(want), "{gb}");
    }
}

#[test]
fn data_check_is_clean_on_the_shipped_data_and_catches_planted_rows() {
    let o = run(&["data", "check", "--date", "2026-11-22"]);
    let out = String::from_utf8(o.stdout).unwrap();
    assert_eq!(o.status.code(), Some(0), "{out}");
    assert!(out.contains(": verify: GB Embassy of the People’s Republic of China in the United Kingdom: low confidence: verify before travel"), "{out}");
    assert!(
        out.trim_end()
            .ends_with("0 problems, 64 to verify before travel (as of 2026-11-22)"),
        "{out}"
    );

    let cat = catalog_copy();
    let file = cat.path().join("checklists/channels.toml");
    let planted = "\n[[destination]]\ncode = \"XX\"\nname = { en = \"Testland\", zh-CN = \"测试国\" }\n\n[[destination.mission]]\nkind = \"embassy\"\nname = { en = \"Embassy in Testland\", zh-CN = \"驻测试国大使馆\", zh-TW = \"駐測試國大使館\" }\ncity = { en = \"Test City\", zh-CN = \"测试市\" }\nphone = \"+86-10-59913991\"\nsource-date = \"2025-01\"\nconfidence = \"high\"\n\n[[destination.mission]]\nkind = \"consulate-general\"\nname = { en = \"Consulate in Testland\", zh-CN = \"驻测试市总领事馆\", zh-TW = \"駐測試市總領事館\" }\ncity = { en = \"Second City\", zh-CN = \"第二市\", zh-TW = \"第二市\" }\nphone = \"00 1 555 0100\"\nsource = \"a notice\"\nconfidence = \"medium\"\n";
    let text = std::fs::read_to_string(&file).unwrap();
    let line = text.lines().count() + 6;
    std::fs::write(&file, format!("{text}{planted}")).unwrap();
    let o = run(&[
        "data",
        "check",
        "--date",
        "2026-11-22",
        "--catalog",
        cat.path().to_str().unwrap(),
    ]);
    let out = String::from_utf8(o.stdout).unwrap();
    assert_eq!(o.status.code(), Some(1), "{out}");
    let at = format!(
        "{}:{line}:1: problem: XX Embassy in Testland",
        file.display()
    );
    for want in [
        format!("{at}: no source"),
        format!("{at}: phone `+86-10-59913991` is superseded (+86-10-59913991)"),
    ] {
        assert!(out.contains(&want), "missing `{want}` in:\n{out}");
    }
    assert!(
        out.contains("XX Consulate in Testland: no source date"),
        "{out}"
    );
    assert!(out.contains("XX Consulate in Testland: phone `00 1 555 0100` is not `+<country code>` then digits with single hyphens"), "{out}");
    assert!(out.contains(&format!("{at}: no city in zh-TW")), "{out}");
    assert!(out.trim_end().contains("5 problems"), "{out}");
}

#[test]
fn every_country_is_a_destination_whose_name_prints_in_every_language() {
    use predeparture::fonts::{FontSet, Weight};
    let r = renderer();
    let data = channels(&r);
    assert!(
        data.countries.len() > 200,
        "{} countries",
        data.countries.len()
    );
    let fonts = FontSet::bundled();
    let metrics = fonts.metrics();
    for (tag, settings) in &r.catalog().settings {
        let faces: Vec<_> = settings
            .fonts
            .iter()
            .map(|f| fonts.family(f, Weight::Regular, tag).unwrap())
            .collect();
        for country in data.destinations.iter().chain(&data.countries) {
            let name = country
                .name
                .get(tag)
                .unwrap_or_else(|| panic!("{} has no name in {tag}", country.code));
            for ch in name.chars() {
                assert!(
                    faces.iter().any(|f| metrics[f.0].covers(ch)),
                    "{tag}: {} `{name}`: no font has {ch}",
                    country.code
                );
            }
        }
    }
    // A country without mission data is found by code or name, in any language.
    for query in ["PT", "Portugal", "葡萄牙", "prt"] {
        let d = data.find(query).unwrap();
        assert_eq!((d.code.as_str(), d.missions.len()), ("PT", 0), "{query}");
    }
    let mut req = Request::handout("student", &["zh-CN", "en"]);
    req.destination = Some("Portugal".into());
    let doc = r.document(&req).unwrap();
    let channels = doc.channels.unwrap();
    assert!(
        channels.items[0].text.id == "ui-mission-none",
        "{:?}",
        channels.items[0]
    );
}

#[test]
fn every_source_of_the_channel_data_is_titled_in_the_documents_languages() {
    let r = renderer();
    let data = channels(&r);
    let mut untitled = std::collections::BTreeSet::new();
    for d in &data.destinations {
        let mut req = Request::handout("short-trip", &["zh-CN", "zh-TW", "en"]);
        req.destination = Some(d.code.clone());
        let doc = r.document(&req).unwrap();
        // A source the catalog does not list is printed as the data names it.
        for s in doc
            .sources
            .iter()
            .filter(|s| !s.entry.id.starts_with("source-"))
        {
            untitled.insert(format!("{}: {}", d.code, s.entry.text[0]));
        }
    }
    assert!(untitled.is_empty(), "{untitled:#?}");
}
