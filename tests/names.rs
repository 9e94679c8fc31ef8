//! Any name prints: rare Hanzi, Taiwan names, Vietnamese, Greek, Cyrillic,
//! Hangul and kana, set in the bundled fallback faces, which a document
//! that needs none of them does not embed; a `--font-dir` collection gives
//! each Chinese language its own face; a character no face has is an error
//! that says what to do.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::path::{Path, PathBuf};

use common::{root, run, squash, tempdir, text, tool};
use predeparture::fonts::{FontSet, Weight};

/// Renders one packet per name with `langs` (a roster run) into `out` and
/// returns every packet with its text, in roster order.
fn packets(out: &Path, langs: &str, names: &[&str], extra: &[&str]) -> Vec<(PathBuf, String)> {
    let csv = out.with_extension("csv");
    let mut rows = String::from("name,destination\n");
    for name in names {
        rows.push_str(&format!("{name},KR\n"));
    }
    std::fs::write(&csv, rows).unwrap();
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
        "--lang",
        langs,
        "--roster",
        csv.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ];
    args.extend_from_slice(extra);
    let o = run(&args);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let mut files: Vec<_> = std::fs::read_dir(out)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "pdf"))
        .collect();
    files.sort();
    assert_eq!(files.len(), names.len());
    files
        .into_iter()
        .map(|pdf| {
            let text = text(&pdf, None);
            (pdf, text)
        })
        .collect()
}

/// The embedded fonts' names (without subset tags).
fn font_names(pdf: &Path) -> Vec<String> {
    tool("pdffonts", &[pdf.to_str().unwrap()])
        .lines()
        .skip(2)
        .filter_map(|l| l.split_whitespace().next())
        .map(|n| n.split_once('+').map_or(n, |p| p.1).to_string())
        .collect()
}

#[test]
fn names_in_any_script_print_and_read_back() {
    let dir = tempdir();
    let simplified = [
        "张喆",
        "王堃",
        "陈玥",
        "刘珺",
        "朱祎",
        "陈昇",
        "Nguyễn Văn A",
        "Trần Thị Hương",
        "Αλέξανδρος Παπαδόπουλος",
        "Иван Петров",
        "Ольга Щербакова",
        "김민준",
        "さくら",
        "サクラ・ミュージック",
    ];
    let taiwan = [
        "林淑芬",
        "陳怡君",
        "黃詩涵",
        "張家瑋",
        "蔡佩蓉",
        "許雅婷",
        "鄭宇翔",
        "謝佳穎",
        "洪志豪",
        "曾郁雯",
        "吳冠霖",
        "王堃",
        "김민준",
    ];
    for (langs, names, out) in [
        ("zh-CN,en", &simplified[..], "cn"),
        ("zh-TW,en", &taiwan[..], "tw"),
        ("en", &simplified[..], "en"),
    ] {
        let texts = packets(&dir.path().join(out), langs, names, &[]);
        for (name, (_, text)) in names.iter().zip(&texts) {
            assert!(
                squash(text).contains(&squash(name)),
                "{langs}: {name} not read back"
            );
        }
        if langs == "zh-CN,en" {
            // 喆 is in 通用规范汉字表: the small fallback face has it, and the
            // rare one is not needed.
            let fonts = font_names(&texts[0].0);
            assert!(
                fonts.iter().any(|f| f.starts_with("NotoSansSCExt")),
                "{fonts:?}"
            );
            assert!(!fonts.iter().any(|f| f.contains("Rare")), "{fonts:?}");
        }
    }
}

#[test]
fn fallback_faces_are_embedded_only_when_needed() {
    let dir = tempdir();
    let handout = common::render(dir.path(), "h.pdf", &["--checklist", "student"]);
    let fonts = font_names(&handout);
    assert_eq!(
        fonts,
        [
            "NotoSans-Bold",
            "NotoSans-Regular",
            "NotoSansSC-Bold",
            "NotoSansSC-Regular"
        ],
        "the bilingual handout embeds only the primary faces"
    );
    // The Seoul embassy's address is printed in Hangul, in both languages.
    let korea = common::render(
        dir.path(),
        "kr.pdf",
        &["--checklist", "student", "--destination", "KR"],
    );
    assert!(
        squash(&text(&korea, None))
            .matches("서울특별시중구명동2길27")
            .count()
            >= 2
    );
    let fonts = font_names(&korea);
    assert!(
        fonts.contains(&"NotoSansKR-Regular".to_string()),
        "{fonts:?}"
    );
    assert!(
        !fonts
            .iter()
            .any(|f| f.contains("Ext") || f.contains("Rare")),
        "{fonts:?}"
    );
    let tw = common::render(
        dir.path(),
        "tw.pdf",
        &[
            "--checklist",
            "student",
            "--destination",
            "KR",
            "--lang",
            "zh-TW,en",
        ],
    );
    assert!(squash(&text(&tw, None)).contains("首爾"));
    assert!(squash(&text(&tw, None)).contains("서울특별시중구명동2길27"));
}

#[test]
fn a_collection_gives_each_chinese_language_its_face_never_japanese() {
    let dir = tempdir();
    let fixtures = root().join("tests/fixtures/fonts");
    // 𠀋 (U+2000B) is in no bundled face, only in the collection, whose
    // first face is Japanese.
    for (langs, face) in [
        ("zh-CN", "NotoSansCJKsc-Regular"),
        ("zh-TW", "NotoSansCJKtc-Regular"),
        ("en", "NotoSansCJKsc-Regular"),
    ] {
        let out = dir.path().join(langs);
        let texts = packets(
            &out,
            langs,
            &["骨𠀋"],
            &["--font-dir", fixtures.to_str().unwrap()],
        );
        assert!(squash(&texts[0].1).contains("骨𠀋"), "{langs}");
        let pdf = std::fs::read_dir(&out)
            .unwrap()
            .map(|e| e.unwrap().path())
            .find(|p| p.extension().is_some_and(|e| e == "pdf"))
            .unwrap();
        let fonts = font_names(&pdf);
        assert!(fonts.contains(&face.to_string()), "{langs}: {fonts:?}");
        assert!(
            !fonts.iter().any(|f| f.contains("jp")),
            "{langs}: {fonts:?}"
        );
    }
    let mut set = FontSet::bundled();
    set.add_dir(&fixtures).unwrap();
    let face = |tag: &str| {
        let id = set.family("NotoSansCJKMini", Weight::Regular, tag).unwrap();
        set.face(id).index()
    };
    // The fixture's faces: JP, KR, SC, TC.
    assert_eq!((face("zh-CN"), face("zh-TW"), face("en")), (2, 3, 2));
    assert_eq!((face("ja"), face("ko")), (0, 1));
}

#[test]
fn a_character_no_face_has_names_the_text_and_says_font_dir() {
    let dir = tempdir();
    let org = root().join("examples/org/org.toml");
    let out = dir.path().join("x.pdf");
    let o = run(&[
        "render",
        "--checklist",
        "student",
        "--profile",
        "packet",
        "--org",
        org.to_str().unwrap(),
        "--name",
        "王ⅱ",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    for want in ["'ⅱ'", "U+2171", "王ⅱ", "--font-dir"] {
        assert!(err.contains(want), "{want} missing: {err}");
    }
    assert!(!out.exists());
}

/// Every character the issue lists has a face, found without decompressing
/// any fallback.
#[test]
fn the_promised_character_sets_are_covered() {
    let set = FontSet::bundled();
    let metrics = set.metrics();
    let has = |families: &[&str], c: char| {
        families.iter().any(|f| {
            let id = set.family(f, Weight::Regular, "zh-CN").unwrap();
            metrics[id.0].covers(c)
        })
    };
    let all = [
        "NotoSans",
        "NotoSansSC",
        "NotoSansSCExt",
        "NotoSansSCRare",
        "NotoSansTC",
        "NotoSansTCExt",
        "NotoSansKR",
    ];
    let tgh =
        std::fs::read_to_string(root().join("fonts/charsets/tongyong-guifan-8105.txt")).unwrap();
    let tgh: Vec<char> = tgh
        .lines()
        .filter(|l| !l.starts_with('#'))
        .flat_map(str::chars)
        .collect();
    assert_eq!(tgh.len(), 8105);
    for &c in &tgh {
        assert!(
            has(&["NotoSansSC", "NotoSansSCExt"], c),
            "通用规范汉字表 {c}"
        );
    }
    // Big 5, every double-byte code, in Taiwan forms.
    let mut big5 = 0;
    for hi in 0xA1..=0xF9u8 {
        for lo in (0x40..=0x7Eu8).chain(0xA1..=0xFE) {
            let bytes = [hi, lo];
            let (s, bad) = encoding_rs::BIG5.decode_without_bom_handling(&bytes);
            let c = s.chars().next().unwrap();
            let han = matches!(c, '\u{3400}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}');
            // Big 5 proper: not the extensions (ETEN, HKSCS) that the
            // WHATWG decoder also maps.
            let code = u16::from(hi) << 8 | u16::from(lo);
            if bad || !han || (0xC6A1..=0xC8FE).contains(&code) || code >= 0xF9D6 {
                continue;
            }
            big5 += 1;
            assert!(has(&["NotoSansTC", "NotoSansTCExt"], c), "Big 5 {c}");
        }
    }
    assert!(big5 >= 13_053, "{big5}");
    // CJK Unified Ideographs and Extension A, but for the 26 characters
    // Unicode 13 and 14 added, which no Noto font has yet.
    let han = ('\u{3400}'..='\u{4DB5}').chain('\u{4E00}'..='\u{9FEF}');
    let missing: Vec<char> = han.filter(|&c| !has(&all, c)).collect();
    assert!(missing.is_empty(), "{missing:?}");
    for c in ('\u{AC00}'..='\u{D7A3}')
        .chain('\u{3041}'..='\u{3096}')
        .chain('\u{30A1}'..='\u{30FF}')
    {
        assert!(has(&all, c), "Hangul or kana {c}");
    }
    for c in "ẠạẢảẤấẦầẨẩẪẫẬậẮắẰằẲẳẴẵẶặẸẹẺẻẼẽẾếỀềỂểỄễỆệỈỉỊịỌọỎỏỐốỒồỔổỖỗỘộỚớỜờỞởỠỡỢợỤụỦủỨứỪừỬửỮữỰựỲỳỴỵỶỷỸỹĐđƠơƯư\
              ĄąĆćĘęŁłŃńŚśŹźŻżŐőŰűŠšŽžČčŘřĞğİıŞşȘșȚțÆæØøÅåÐðÞþß\
              ΑΒΓΔΕΖΗΘΙΚΛΜΝΞΟΠΡΣΤΥΦΧΨΩαβγδεζηθικλμνξοπρστυφχψωάέήίόύώϊϋΐΰς\
              АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯабвгдеёжзийклмнопрстуфхцчшщъыьэюяЄєІіЇїЎўҐґЂђЉљЊњЋћЏџ"
        .chars()
    {
        assert!(has(&["NotoSans"], c), "Latin, Greek or Cyrillic {c}");
    }
}
