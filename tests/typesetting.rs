//! Typesetting rules checked on the layout of every shipped checklist, in
//! every language combination, swept over page widths from phone to wide:
//! prohibited line starts and ends, unsplit words and numbers, text inside
//! the margins, CJK line pitch, items kept whole, headings kept with their
//! first item; Chinese justified and English never ending on one word,
//! readable measures, no overprinting for one to three languages, a
//! readable wallet card on a sheet of its own, addresses linked and
//! QR-coded with their quiet zones clear, a phone PDF made for fingers;
//! two-em dashes drawn as one rule two ems long, rows side by side evenly
//! spaced.

#![allow(clippy::unwrap_used, clippy::expect_used, unreachable_pub)]

mod common;

use std::collections::{BTreeMap, BTreeSet};

use predeparture::compose::Document;
use predeparture::fonts::{FontSet, Metrics, Weight};
use predeparture::layout::{
    forbidden_at_end, forbidden_at_start, Item, Layout, Line, PageSize, Part, Profile, Run,
};
use predeparture::model::{Catalog, Date, Org};
use predeparture::text::links;
use predeparture::{PacketRequest, Renderer, Request};

const DESTINATIONS: [&str; 18] = [
    "US", "GB", "SG", "AU", "CA", "JP", "DE", "FR", "KR", "NZ", "MY", "SA", "AE", "ID", "PK", "NG",
    "KE", "none",
];

/// From a phone's width through A5 (419.5) and A4 to wide.
const WIDTHS: [f32; 9] = [
    260.0, 300.0, 340.0, 400.0, 419.5, 480.0, 595.3, 612.0, 720.0,
];

/// Every case, laid out once for all the tests of this file.
fn cases() -> &'static [(Request, Layout, Document)] {
    static CASES: std::sync::OnceLock<Vec<(Request, Layout, Document)>> =
        std::sync::OnceLock::new();
    CASES.get_or_init(make_cases)
}

fn make_cases() -> Vec<(Request, Layout, Document)> {
    let r = Renderer::bundled().unwrap();
    let mut out = Vec::new();
    for checklist in ["student", "overseas-staff", "short-trip"] {
        for langs in [
            vec!["zh-CN", "en"],
            vec!["en", "zh-CN"],
            vec!["zh-CN"],
            vec!["en"],
            vec!["zh-TW", "en"],
            vec!["zh-TW"],
        ] {
            for (n, width) in WIDTHS.into_iter().enumerate() {
                let req = Request {
                    checklist: checklist.into(),
                    langs: langs.iter().map(|s| s.to_string()).collect(),
                    roles: if checklist == "overseas-staff" {
                        vec!["sensitive".into()]
                    } else {
                        vec![]
                    },
                    // Tall enough that no item is longer than a page.
                    page: PageSize::Custom {
                        width,
                        height: (width * 1.414).max(480.0),
                    },
                    profile: Profile::Handout,
                    org: None,
                    org_items: false,
                    acknowledgement: false,
                    packet: None,
                    // Every destination's missions, in turn.
                    destination: DESTINATIONS
                        .get((n + langs.len() * 3) % DESTINATIONS.len())
                        .map(|d| d.to_string()),
                    today: None,
                    timestamp: Some(0),
                    pdf_a: false,
                };
                let layout = r.layout(&req).unwrap();
                let doc = r.document(&req).unwrap();
                out.push((req, layout, doc));
            }
            // The phone and packet profiles, on their own pages.
            for profile in [Profile::Phone, Profile::Packet] {
                let mut req = Request::handout(checklist, &langs);
                req.profile = profile;
                req.destination = Some("JP".into());
                if profile == Profile::Packet {
                    req.org = Some(
                        Org::load(
                            &std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                                .join("examples/org/org.toml"),
                        )
                        .unwrap(),
                    );
                    req.packet = Some(PacketRequest {
                        name: Some("Wang Fang".into()),
                        departure: None,
                        date: Date {
                            year: 2026,
                            month: 11,
                            day: 22,
                        },
                    });
                }
                let layout = r.layout(&req).unwrap();
                let doc = r.document(&req).unwrap();
                out.push((req, layout, doc));
            }
        }
    }
    out
}

/// The side margin of a request's profile.
fn margin(req: &Request) -> f32 {
    req.profile.spec().design.margin_x
}

fn lines(layout: &Layout) -> impl Iterator<Item = (usize, &Line)> {
    layout.pages.iter().enumerate().flat_map(|(n, p)| {
        p.items.iter().filter_map(move |i| match i {
            Item::Line(l) => Some((n, l)),
            _ => None,
        })
    })
}

/// The source text of every message, per language.
fn sources(doc: &Document) -> BTreeMap<(String, usize), String> {
    let mut texts = vec![&doc.title, &doc.audience, &doc.intro];
    for s in doc.sections.iter().chain(&doc.channels) {
        texts.push(&s.heading);
        texts.extend(s.items.iter().map(|i| &i.text));
    }
    if let Some(card) = &doc.card {
        texts.extend(card.rows.iter().map(|i| &i.text));
    }
    let mut map = BTreeMap::new();
    for t in texts {
        for (lang, s) in t.text.iter().enumerate() {
            map.insert((t.id.clone(), lang), s.clone());
        }
    }
    map
}

#[test]
fn no_line_starts_or_ends_with_a_prohibited_mark() {
    for (req, layout, _) in cases() {
        for (_, line) in lines(layout) {
            let text = line.text();
            let first = text.chars().next().unwrap();
            let last = text.chars().last().unwrap();
            assert!(
                !forbidden_at_start(first),
                "{} {:?} {:?}: line starts with {first}: {text}",
                req.checklist,
                req.langs,
                req.page
            );
            assert!(
                !forbidden_at_end(last),
                "{} {:?} {:?}: line ends with {last}: {text}",
                req.checklist,
                req.langs,
                req.page
            );
        }
    }
}

/// Latin words, numbers, phone numbers and web addresses of a text, as
/// ranges of its non-space characters.
fn tokens(text: &str) -> Vec<(usize, usize, String)> {
    let mut out = Vec::new();
    let mut index = 0;
    let mut current: Option<(usize, String)> = None;
    let is_token_char = |c: char| c.is_ascii_alphanumeric() || "+-./:%@_'’".contains(c);
    for c in text.chars().chain(std::iter::once(' ')) {
        if is_token_char(c) {
            current.get_or_insert((index, String::new())).1.push(c);
        } else if let Some((start, tok)) = current.take() {
            let tok = tok.trim_end_matches(['.', ':', '’', '\'']).to_string();
            if tok.chars().any(|c| c.is_ascii_alphanumeric()) {
                out.push((start, start + tok.chars().count(), tok));
            }
        }
        if !c.is_whitespace() && c != '\u{A0}' {
            index += 1;
        }
    }
    out
}

#[test]
fn words_numbers_and_addresses_are_never_split() {
    for (req, layout, doc) in cases() {
        let texts = sources(doc);
        // Group consecutive lines of one message and language into paragraphs.
        let mut paragraphs: Vec<((String, usize), Vec<String>)> = Vec::new();
        for (_, line) in lines(layout).filter(|(_, l)| l.id != "ui-page") {
            let key = (line.id.clone(), line.lang);
            match paragraphs.last_mut() {
                Some((k, ls)) if *k == key => ls.push(line.text()),
                _ => paragraphs.push((key, vec![line.text()])),
            }
        }
        let mut checked = BTreeSet::new();
        for (key, ls) in paragraphs {
            let Some(source) = texts.get(&key) else {
                continue;
            };
            let squash = |s: &str| {
                s.chars()
                    .filter(|c| !c.is_whitespace() && *c != '\u{A0}')
                    .collect::<String>()
            };
            let joined: String = ls.iter().map(|l| squash(l)).collect();
            assert!(
                joined.starts_with(&squash(source)),
                "{key:?}: text lost or reordered:\n{joined}\n{source}"
            );
            let mut cuts = Vec::new();
            let mut at = 0;
            for l in &ls[..ls.len() - 1] {
                at += squash(l).chars().count();
                cuts.push(at);
            }
            let chars: Vec<char> = squash(source).chars().collect();
            for (start, end, tok) in tokens(source) {
                for &cut in &cuts {
                    if cut > start && cut < end {
                        // A long hyphenated word (law-enforcement) may break after its hyphen.
                        let after_hyphen = chars[cut - 1] == '-'
                            && tok.len() > 8
                            && !tok.chars().any(|c| c.is_ascii_digit());
                        // A host longer than a narrow column breaks after a dot or hyphen.
                        let long_host =
                            tok.len() >= 24 && matches!(chars[cut - 1], '.' | '-' | '/');
                        assert!(
                            after_hyphen || long_host,
                            "{} {:?} {:?}: `{tok}` split in {key:?}: {ls:?}",
                            req.checklist,
                            req.langs,
                            req.page
                        );
                    }
                }
            }
            checked.insert(key);
        }
        assert!(checked.len() > 20);
    }
}

#[test]
fn text_stays_inside_the_margins() {
    for (req, layout, _) in cases() {
        for (_, line) in lines(layout) {
            let width = layout.pages[0].width;
            let left = line.runs[0].x;
            assert!(
                left >= margin(req) - 0.5 * line.size - 0.01,
                "{:?}: {} starts at {left}",
                req.page,
                line.text()
            );
            assert!(
                line.x + line.width <= width - margin(req) + 0.01,
                "{:?}: {} ends at {}",
                req.page,
                line.text(),
                line.x + line.width
            );
        }
    }
}

#[test]
fn line_pitch_suits_the_script() {
    for (req, layout, _) in cases() {
        let mut prev: Option<&Line> = None;
        for (_, line) in lines(layout) {
            if let Some(p) = prev {
                if p.id == line.id
                    && p.lang == line.lang
                    && line.baseline > p.baseline
                    && line.x == p.x
                {
                    let pitch = (line.baseline - p.baseline) / line.size;
                    let cjk = req.langs[line.lang].starts_with("zh");
                    let range = if cjk { 1.5..=1.8 } else { 1.2..=1.5 };
                    if !line.id.ends_with("-title") && line.id != "ui-org-name" {
                        assert!(
                            range.contains(&pitch),
                            "{:?} {}: pitch {pitch} em",
                            req.langs,
                            line.text()
                        );
                    }
                }
            }
            prev = Some(line);
        }
    }
}

#[test]
fn items_stay_whole_and_headings_keep_their_first_item() {
    for (req, layout, doc) in cases() {
        let mut pages_of: BTreeMap<&str, BTreeSet<usize>> = BTreeMap::new();
        for (page, line) in lines(layout) {
            pages_of.entry(line.id.as_str()).or_default().insert(page);
        }
        for section in &doc.sections {
            for item in &section.items {
                assert_eq!(
                    pages_of[item.text.id.as_str()].len(),
                    1,
                    "{:?}: {} split across pages",
                    req.page,
                    item.text.id
                );
            }
            let heading = pages_of[section.heading.id.as_str()].iter().next().unwrap();
            let first = pages_of[section.items[0].text.id.as_str()]
                .iter()
                .next()
                .unwrap();
            assert_eq!(
                heading, first,
                "{:?}: heading {} ends a page",
                req.page, section.heading.id
            );
        }
        // Tick boxes: one per item, and the acknowledgement page's box.
        let boxes = layout
            .pages
            .iter()
            .flat_map(|p| &p.items)
            .filter(|i| matches!(i, Item::TickBox { .. }))
            .count();
        assert_eq!(
            boxes,
            doc.sections.iter().map(|s| s.items.len()).sum::<usize>()
                + usize::from(doc.acknowledgement.is_some())
        );
    }
}

#[test]
fn shipped_numbers_are_only_the_sourced_ones() {
    let allowed = [
        "12308",
        "+86-10-12308",
        "+86-10-65612308",
        "010-12308",
        "010-65612308",
        "12339",
        "LS12308",
    ];
    let locales = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("locales");
    for lang in std::fs::read_dir(&locales).unwrap() {
        for file in std::fs::read_dir(lang.unwrap().path()).unwrap() {
            let path = file.unwrap().path();
            let text = std::fs::read_to_string(&path).unwrap();
            assert!(
                !text.contains("59913991"),
                "{}: superseded 12308 backup number",
                path.display()
            );
            for line in text
                .lines()
                .filter(|l| !l.starts_with('#') && !l.starts_with("source-"))
            {
                let mut number = String::new();
                for c in line.chars().chain(std::iter::once(' ')) {
                    if c.is_ascii_digit()
                        || (!number.is_empty() && (c == '-' || c == '+'))
                        || (number.is_empty() && c == '+')
                    {
                        number.push(c);
                    } else {
                        let n = number.trim_end_matches('-');
                        if n.chars().filter(|c| c.is_ascii_digit()).count() >= 5 {
                            assert!(
                                allowed.contains(&n),
                                "{}: unsourced number {n} in: {line}",
                                path.display()
                            );
                        }
                        number.clear();
                    }
                }
                assert!(
                    !line.contains("+86-10-12339") && !line.contains("8610 12339"),
                    "12339 has no international form: {line}"
                );
            }
        }
    }
}

/// Lines of items, grouped into paragraphs (one message in one language).
fn item_paragraphs(layout: &Layout) -> Vec<Vec<&Line>> {
    let mut out: Vec<Vec<&Line>> = Vec::new();
    for (_, line) in lines(layout).filter(|(_, l)| l.tag.part == Part::Item) {
        match out.last_mut() {
            Some(p) if p[0].id == line.id && p[0].lang == line.lang && p[0].x == line.x => {
                p.push(line)
            }
            _ => out.push(vec![line]),
        }
    }
    out
}

fn is_cjk(req: &Request, line: &Line) -> bool {
    req.langs[line.lang].starts_with("zh")
}

#[test]
fn chinese_items_are_justified_and_english_ends_on_two_words() {
    let (mut justified, mut ragged, mut lone_words, mut paragraphs) = (0, 0, 0, 0);
    for (req, layout, _) in cases() {
        for p in item_paragraphs(layout) {
            let measure = p.iter().map(|l| l.width).fold(0.0, f32::max);
            if is_cjk(req, p[0]) {
                for l in &p[..p.len() - 1] {
                    if (l.width - measure).abs() <= 0.5 {
                        justified += 1;
                    } else {
                        ragged += 1;
                    }
                }
            } else if p.len() > 1 {
                paragraphs += 1;
                let last = p[p.len() - 1].text();
                if !last.trim().contains(' ') {
                    lone_words += 1;
                }
            }
        }
    }
    eprintln!("Chinese item lines: {justified} justified, {ragged} ragged; English paragraphs: {paragraphs}, {lone_words} ending on one word");
    assert!(ragged * 50 <= justified, "{ragged} ragged of {justified}");
    assert!(
        lone_words * 100 <= paragraphs,
        "{lone_words} of {paragraphs}"
    );
}

#[test]
fn single_language_measures_are_readable() {
    for (req, layout, _) in cases() {
        let (w, _) = req.page_size().points();
        if req.langs.len() != 1 || req.profile == Profile::Phone || w < 590.0 {
            continue;
        }
        // Characters a line: ems for Chinese (a Latin letter is half a character).
        let mut counts = Vec::new();
        for p in item_paragraphs(layout) {
            for l in &p[..p.len() - 1] {
                counts.push(if is_cjk(req, l) {
                    (l.width / l.size).round() as usize
                } else {
                    l.text().chars().count()
                });
            }
        }
        let most = counts.iter().copied().max().unwrap();
        let mean = counts.iter().sum::<usize>() / counts.len();
        let range = if req.langs[0].starts_with("zh") {
            25..=35
        } else {
            45..=75
        };
        assert!(
            range.contains(&most) && range.contains(&mean),
            "{:?} {w}: {mean} characters a line on average, {most} at most",
            req.langs
        );
    }
}

#[test]
fn no_text_overprints_in_any_language_count_or_profile() {
    let r = Renderer::bundled().unwrap();
    for langs in [&["en"][..], &["zh-CN", "en"], &["zh-CN", "en", "zh-TW"]] {
        for profile in [Profile::Handout, Profile::Phone] {
            for page in [PageSize::A4, "148x210mm".parse().unwrap()] {
                let mut req = Request::handout("student", langs);
                req.profile = profile;
                req.page = page;
                req.destination = Some("US".into());
                let layout = r.layout(&req).unwrap();
                for p in &layout.pages {
                    let ls: Vec<&Line> = p
                        .items
                        .iter()
                        .filter_map(|i| match i {
                            Item::Line(l) => Some(l),
                            _ => None,
                        })
                        .collect();
                    for (i, a) in ls.iter().enumerate() {
                        for b in &ls[i + 1..] {
                            let across = a.x < b.x + b.width && b.x < a.x + a.width;
                            let down = (a.baseline - b.baseline).abs() < 0.8 * a.size.min(b.size);
                            assert!(
                                !(across && down),
                                "{langs:?} {profile:?} {page:?}: `{}` over `{}`",
                                a.text(),
                                b.text()
                            );
                        }
                    }
                }
            }
        }
    }
}

#[test]
fn the_wallet_card_is_readable_and_on_a_sheet_of_its_own() {
    let fonts = predeparture::fonts::FontSet::bundled();
    for (req, layout, _) in cases() {
        let Some(n) = layout
            .pages
            .iter()
            .position(|p| p.items.iter().any(|i| matches!(i, Item::CutLine { .. })))
        else {
            continue;
        };
        assert_eq!(n % 2, 0, "{:?}: card on the back of a sheet", req.page);
        assert_eq!(n + 1, layout.pages.len(), "nothing after the card");
        let card: Vec<&Line> = layout.pages[n]
            .items
            .iter()
            .filter_map(|i| match i {
                Item::Line(l) if l.tag.part == Part::Card => Some(l),
                _ => None,
            })
            .collect();
        let mut bold_numbers = 0;
        for l in &card {
            let least = if is_cjk(req, l) { 8.0 } else { 7.5 };
            assert!(l.size >= least, "{} at {} pt", l.text(), l.size);
            assert!(
                !l.text().contains('['),
                "source number on the card: {}",
                l.text()
            );
            bold_numbers += l
                .runs
                .iter()
                .filter(|r| r.text.contains("12308") && fonts.face(r.face).weight == Weight::Bold)
                .count();
        }
        assert!(bold_numbers >= req.langs.len(), "{:?}", req.langs);
    }
}

#[test]
fn addresses_are_linked_and_coded_and_phones_are_made_for_fingers() {
    for (req, layout, doc) in cases() {
        let items: Vec<&Item> = layout.pages.iter().flat_map(|p| &p.items).collect();
        for text in doc
            .sections
            .iter()
            .flat_map(|s| &s.items)
            .flat_map(|i| &i.text.text)
        {
            for f in links::find(text).into_iter().filter(|f| f.is_web()) {
                assert!(items
                    .iter()
                    .any(|i| matches!(i, Item::Link { uri, .. } if *uri == f.uri)));
                if req.profile != Profile::Phone {
                    assert!(items
                        .iter()
                        .any(|i| matches!(i, Item::Qr { text, .. } if *text == f.text)));
                }
            }
        }
        if req.profile == Profile::Phone {
            let seven_mm = 7.0 * 72.0 / 25.4 - 0.01;
            for i in &items {
                match i {
                    Item::TickBox { size, .. } => assert!(*size >= seven_mm),
                    Item::Link { height, .. } => assert!(*height >= seven_mm),
                    _ => {}
                }
            }
            // The emergency contacts are on the first page.
            let first: String = layout.pages[0]
                .items
                .iter()
                .filter_map(|i| match i {
                    Item::Line(l) => Some(l.text()),
                    _ => None,
                })
                .collect();
            assert!(first.contains("+86-10-12308"), "{first}");
        }
    }
}

/// The ink of each glyph of `run`, left and right in points, from the
/// run's pen positions (kerns, character spacing, horizontal scale) and the
/// faces' glyph boxes.
fn inks(run: &Run, metrics: &[Metrics]) -> Vec<(char, f32, f32)> {
    let m = &metrics[run.face.0];
    let mut pen = run.x;
    let mut out = Vec::new();
    for (k, ch) in run.text.chars().enumerate() {
        for &(_, pull) in run.kerns.iter().filter(|(i, _)| *i == k) {
            pen -= pull;
        }
        let (l, r) = m.ink(ch).unwrap_or((0.0, 0.0));
        let wide = run.scale * run.size;
        out.push((ch, pen + l * wide, pen + r * wide));
        pen += (m.advance(ch).unwrap() * run.size + run.spacing) * run.scale;
    }
    out
}

#[test]
fn two_em_dashes_print_as_one_rule_two_ems_long() {
    let catalog = common::dash_catalog();
    let r = Renderer::new(
        Catalog::from_dir(catalog.path()).unwrap(),
        FontSet::bundled(),
    )
    .unwrap();
    let fonts = FontSet::bundled();
    let metrics = fonts.metrics();
    let mut dashes = 0;
    for langs in [
        &["zh-CN", "en"][..],
        &["zh-TW", "en"],
        &["zh-CN"],
        &["zh-TW"],
    ] {
        for (width, profile) in WIDTHS
            .iter()
            .map(|&w| (w, Profile::Handout))
            .chain([(0.0, Profile::Phone)])
        {
            let mut req = Request::handout("student", langs);
            req.profile = profile;
            if profile == Profile::Handout {
                req.page = PageSize::Custom {
                    width,
                    height: (width * 1.414).max(480.0),
                };
            }
            let layout = r.layout(&req).unwrap();
            for (_, line) in lines(&layout).filter(|(_, l)| l.text().contains("——")) {
                let glyphs: Vec<(char, f32, f32)> = line
                    .runs
                    .iter()
                    .flat_map(|run| inks(run, &metrics))
                    .collect();
                for (i, pair) in glyphs.windows(2).enumerate() {
                    if pair[0].0 != '—' || pair[1].0 != '—' {
                        continue;
                    }
                    dashes += 1;
                    let (a, b) = (pair[0], pair[1]);
                    let em = line.size;
                    let context = format!("{langs:?} {width} {}", line.text());
                    // One rule: the halves overlap, and together are two ems long.
                    assert!(a.2 > b.1, "gap in the middle: {context}");
                    let length = (b.2 - a.1) / em;
                    assert!((length - 2.0).abs() < 0.001, "{length} em: {context}");
                    // It touches neither neighbour.
                    if let Some(before) = i.checked_sub(1).map(|j| glyphs[j]) {
                        assert!(before.2 < a.1, "touches {}: {context}", before.0);
                    }
                    if let Some(after) = glyphs.get(i + 2) {
                        assert!(b.2 < after.1, "touches {}: {context}", after.0);
                    }
                }
            }
        }
    }
    // Each language's heading (bold) and three in the items, in every setting.
    assert_eq!(dashes, 4 * 10 * 4, "two-em dashes found");
}

/// The em box of a line, top and bottom: the baseline lies 0.88 em below
/// its top in every language.
fn em_box(line: &Line) -> (f32, f32) {
    (
        line.baseline - 0.88 * line.size,
        line.baseline + 0.12 * line.size,
    )
}

/// One checklist item on its page: what is drawn of it, top to bottom.
struct Row {
    page: usize,
    block: usize,
    /// The top of its highest em box.
    top: f32,
    /// The bottom of its lowest em box or QR code.
    bottom: f32,
    /// The quiet zone of the QR code that ends it, if one does.
    quiet: Option<f32>,
    /// Whether it has text in a second language beside the first.
    beside: bool,
}

/// The item rows of a layout, in order.
fn item_rows(layout: &Layout) -> Vec<Row> {
    let mut rows: Vec<Row> = Vec::new();
    for (page, p) in layout.pages.iter().enumerate() {
        for item in &p.items {
            let (block, top, bottom, quiet, lang) = match item {
                Item::Line(l) if l.tag.part == Part::Item => {
                    let (top, bottom) = em_box(l);
                    (l.tag.block, top, bottom, None, l.lang)
                }
                Item::Qr {
                    y,
                    size,
                    modules,
                    tag,
                    ..
                } if tag.part == Part::Item => (
                    tag.block,
                    f32::MAX,
                    y + size,
                    Some(4.0 * size / *modules as f32),
                    0,
                ),
                _ => continue,
            };
            let new = Row {
                page,
                block,
                top,
                bottom,
                quiet,
                beside: lang != 0,
            };
            match rows.last_mut() {
                Some(row) if row.page == page && row.block == block => {
                    row.top = row.top.min(top);
                    if bottom > row.bottom + 0.001 {
                        row.quiet = quiet;
                    }
                    row.bottom = row.bottom.max(bottom);
                    row.beside |= lang != 0;
                }
                _ => rows.push(new),
            }
        }
    }
    rows
}

#[test]
fn rows_side_by_side_are_evenly_spaced() {
    let mut documents = 0;
    let mut after_codes = 0;
    for (req, layout, _) in cases() {
        let rows = item_rows(layout);
        let side_by_side = rows.iter().all(|r| r.beside)
            && lines(layout).any(|(_, l)| l.lang == 1 && l.x > layout.pages[0].width / 2.0);
        if !side_by_side {
            continue;
        }
        documents += 1;
        // From the lowest em box (or QR code) of a row to the highest em box
        // of the next row on its page, in the same section.
        let gaps: Vec<(&Row, f32)> = rows
            .windows(2)
            .filter(|w| w[0].page == w[1].page && w[0].block + 1 == w[1].block)
            .map(|w| (&w[0], w[1].top - w[0].bottom))
            .collect();
        assert!(gaps.len() > 10, "{:?}: {} gaps", req.langs, gaps.len());
        let text_gap = gaps
            .iter()
            .find(|(r, _)| r.quiet.is_none())
            .map(|(_, g)| *g)
            .unwrap();
        for &(row, gap) in &gaps {
            // After a QR code, more only where its quiet zone needs it.
            let want = row.quiet.map_or(text_gap, |q| q.max(text_gap));
            after_codes += usize::from(row.quiet.is_some());
            assert!(
                (gap - want).abs() <= 0.01,
                "{} {:?} {:?} {:?}: {gap} pt after item #{}, {want} pt expected",
                req.checklist,
                req.langs,
                req.profile,
                req.page,
                row.block,
            );
        }
    }
    // Three checklists, three pairs of languages, three widths and the packet.
    assert_eq!(documents, 3 * 3 * 4);
    assert!(after_codes > 0);
}

#[test]
fn qr_codes_keep_their_quiet_zone_clear_of_text() {
    for (req, layout, _) in cases() {
        for page in &layout.pages {
            for item in &page.items {
                let Item::Qr {
                    x,
                    y,
                    size,
                    modules,
                    text,
                    ..
                } = item
                else {
                    continue;
                };
                let q = 4.0 * size / *modules as f32;
                let (left, right, top, bottom) = (x - q, x + size + q, y - q, y + size + q);
                for line in page.items.iter().filter_map(|i| match i {
                    Item::Line(l) => Some(l),
                    _ => None,
                }) {
                    let (t, b) = em_box(line);
                    let across = line.x < right - 0.01 && left + 0.01 < line.x + line.width;
                    let down = t < bottom - 0.01 && top + 0.01 < b;
                    assert!(
                        !(across && down),
                        "{} {:?} {:?}: the quiet zone of {text} reaches `{}`",
                        req.checklist,
                        req.langs,
                        req.page,
                        line.text()
                    );
                }
            }
        }
    }
}
