//! What a reader of the second edition would check, through the binary:
//! local-police and fake-official advice in every checklist and language,
//! phone numbers only from sourced rows, Article 55 with "may", every source
//! listed once, no source on a bare IP address.

#![allow(clippy::unwrap_used, clippy::expect_used, unreachable_pub)]

use std::collections::BTreeSet;
use std::process::Command;

const CHECKLISTS: [&str; 3] = ["student", "overseas-staff", "short-trip"];

fn root() -> std::path::PathBuf {
    std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn render(checklist: &str, lang: &str, destination: Option<&str>) -> String {
    let mut args = vec![
        "render",
        "--checklist",
        checklist,
        "--lang",
        lang,
        "--format",
        "text",
        "-o",
        "-",
    ];
    if let Some(d) = destination {
        args.extend(["--destination", d]);
    }
    let o = Command::new(env!("CARGO_BIN_EXE_predeparture"))
        .args(&args)
        .output()
        .unwrap();
    assert!(
        o.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8(o.stdout).unwrap()
}

fn channels() -> toml::Value {
    let text = std::fs::read_to_string(root().join("checklists/channels.toml")).unwrap();
    text.parse().unwrap()
}

fn sourced(row: &toml::Value) -> bool {
    ["source", "source-date", "confidence"].iter().all(|k| {
        row.get(k)
            .and_then(|v| v.as_str())
            .is_some_and(|s| !s.trim().is_empty())
    })
}

/// Digits of every phone number in a sourced row, national or mission.
fn sourced_numbers() -> (BTreeSet<String>, Vec<String>) {
    let data = channels();
    let digits = |s: &str| s.chars().filter(char::is_ascii_digit).collect::<String>();
    let mut all = BTreeSet::new();
    let mut national = Vec::new();
    for c in data["national"].as_array().unwrap() {
        if !sourced(c) {
            continue;
        }
        for p in c
            .get("phones")
            .and_then(|p| p.as_array())
            .into_iter()
            .flatten()
        {
            let p = p.as_str().unwrap();
            all.insert(digits(p));
            national.push(p.to_string());
        }
    }
    for d in data["destination"].as_array().unwrap() {
        for m in d
            .get("mission")
            .and_then(|m| m.as_array())
            .into_iter()
            .flatten()
        {
            if let (true, Some(p)) = (sourced(m), m.get("phone").and_then(|p| p.as_str())) {
                all.insert(digits(p));
            }
        }
    }
    (all, national)
}

/// Runs of digits, `+` and `-` that stand alone (not inside a word, an
/// address or an id) and have at least five digits.
fn numbers_in(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let glued = |c: char| c.is_ascii_alphanumeric() || "/._=%&?#:".contains(c);
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if (c.is_ascii_digit() || c == '+') && (i == 0 || !glued(chars[i - 1])) {
            let start = i;
            while i < chars.len()
                && (chars[i].is_ascii_digit() || chars[i] == '-' || chars[i] == '+')
            {
                i += 1;
            }
            let token: String = chars[start..i].iter().collect();
            let token = token.trim_end_matches('-').to_string();
            let after_glued =
                i < chars.len() && glued(chars[i]) && chars[i] != ':' && chars[i] != '.';
            let n = token.chars().filter(char::is_ascii_digit).count();
            if n >= 5 && !after_glued {
                out.push(token);
            }
        } else {
            i += 1;
        }
    }
    out
}

fn allowed(
    number: &str,
    all: &BTreeSet<String>,
    national: &[String],
    postcodes: &BTreeSet<String>,
) -> bool {
    let d: String = number.chars().filter(char::is_ascii_digit).collect();
    // As the link finder reads a number: with a country code, with a trunk
    // prefix, or a plain five-digit service number. Anything else (a postcode
    // such as 106-0046) is not dialled.
    let dialled =
        number.starts_with('+') || d.starts_with('0') || (d.len() == 5 && !number.contains('-'));
    if !dialled {
        return true;
    }
    if number.starts_with('+') {
        return all.contains(&d);
    }
    // Inside China: 010-12308 is +86-10-12308 without the country code.
    if let Some(rest) = d.strip_prefix('0') {
        return all.contains(&format!("86{rest}"));
    }
    // A service number printed alone (12308, 12339) must be a sourced national number.
    postcodes.contains(&d)
        || national
            .iter()
            .any(|p| p == &d || p.rsplit('-').next() == Some(d.as_str()))
}

#[test]
fn every_checklist_has_local_police_and_fake_official_advice_in_every_language() {
    let want = [
        ("en", ["call the local police first", "“safe account”"]),
        ("zh-CN", ["先向当地警方报警", "“安全账户”"]),
        ("zh-TW", ["先向當地警方報案", "「安全帳戶」"]),
    ];
    for c in CHECKLISTS {
        for (lang, phrases) in want {
            let text = render(c, lang, None);
            for p in phrases {
                assert!(text.contains(p), "{c} {lang}: no “{p}”");
            }
        }
    }
}

#[test]
fn reporting_abroad_sends_people_to_the_mission_and_reporting_to_after_return() {
    for c in CHECKLISTS {
        let en = render(c, "en", None);
        assert!(
            !en.contains("report a suspicious approach to the Chinese embassy"),
            "{c}"
        );
        assert!(
            en.contains("contact the Chinese embassy or consulate for consular protection"),
            "{c}"
        );
        assert!(en.contains("after you return to China"), "{c}");
    }
}

#[test]
fn no_phone_number_that_is_not_in_a_sourced_row() {
    let (all, national) = sourced_numbers();
    let data = channels();
    let codes: Vec<String> = data["destination"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["code"].as_str().unwrap().to_string())
        .collect();
    let mut runs: Vec<(String, String, Option<String>)> = Vec::new();
    for c in CHECKLISTS {
        for lang in ["zh-CN,en", "zh-TW"] {
            runs.push((c.into(), lang.into(), None));
        }
    }
    for code in &codes {
        for lang in ["zh-CN,en", "zh-TW"] {
            runs.push(("student".into(), lang.into(), Some(code.clone())));
        }
    }
    // Street addresses of sourced rows hold postcodes, not phone numbers.
    let addresses: Vec<String> = data["destination"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|d| {
            d.get("mission")
                .and_then(|m| m.as_array())
                .into_iter()
                .flatten()
        })
        .filter_map(|m| m.get("address").and_then(|a| a.as_str()).map(String::from))
        .collect();
    // Five-digit groups of those addresses (20008 in Washington, D.C. 20008).
    let postcodes: BTreeSet<String> = addresses
        .iter()
        .flat_map(|a| {
            a.split(|c: char| !c.is_ascii_digit())
                .map(String::from)
                .collect::<Vec<_>>()
        })
        .filter(|g| g.len() == 5)
        .collect();
    for (c, lang, dest) in runs {
        let text = render(&c, &lang, dest.as_deref());
        for n in numbers_in(&text) {
            assert!(
                allowed(&n, &all, &national, &postcodes),
                "{c} {lang} {dest:?}: number {n} is not in a sourced row of channels.toml"
            );
        }
    }
}

#[test]
fn article_55_says_may_never_will() {
    for c in CHECKLISTS {
        let en = render(c, "en", None);
        let law = en
            .lines()
            .find(|l| l.contains("Article 55"))
            .unwrap_or_else(|| panic!("{c}: no Article 55"));
        assert!(law.contains("may be exempted from liability"), "{law}");
        assert!(
            law.contains("engaging in activities that endanger"),
            "{law}"
        );
        assert!(!law.contains(" will "), "{law}");
        for lang in ["zh-CN", "zh-TW"] {
            let text = render(c, lang, None);
            let law = text
                .lines()
                .find(|l| l.contains("第五十五条") || l.contains("第五十五條"))
                .unwrap_or_else(|| panic!("{c} {lang}: no Article 55"));
            assert!(law.contains("可以不予追究"), "{law}");
            assert!(
                law.contains("从事危害") || law.contains("從事危害"),
                "{law}"
            );
            assert!(
                !law.contains("将不予追究") && !law.contains("將不予追究"),
                "{law}"
            );
        }
    }
}

/// The entries of the sources list: numbered lines after the heading.
fn source_entries(text: &str, heading: &str) -> Vec<String> {
    let mut lines = text.lines().skip_while(|l| l.trim() != heading).skip(1);
    let mut out = Vec::new();
    for line in lines.by_ref() {
        let t = line.trim_start();
        match t.split_once(". ") {
            Some((n, rest)) if !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()) => {
                out.push(rest.to_string())
            }
            _ if t.is_empty() || line.starts_with(' ') || t.starts_with("-") => continue,
            _ => {}
        }
    }
    out
}

#[test]
fn no_source_is_listed_twice_and_titles_are_in_the_documents_language() {
    for c in CHECKLISTS {
        for (lang, heading) in [("en", "Sources"), ("zh-TW", "資料來源")] {
            for dest in [None, Some("US"), Some("GB"), Some("TH"), Some("AU")] {
                let text = render(c, lang, dest);
                let entries = source_entries(&text, heading);
                assert!(!entries.is_empty(), "{c} {lang}: no sources list");
                let mut seen = BTreeSet::new();
                for e in &entries {
                    let title = e.rsplit_once('，').map_or(e.as_str(), |(t, _)| t);
                    let title = title.rsplit_once(", ").map_or(title, |(t, _)| t);
                    assert!(
                        seen.insert(title.to_string()),
                        "{c} {lang} {dest:?}: listed twice: {e}"
                    );
                    if lang == "zh-TW" {
                        let latin = e.chars().filter(|c| c.is_ascii_alphabetic()).count();
                        let han = e
                            .chars()
                            .filter(|c| ('\u{4e00}'..='\u{9fff}').contains(c))
                            .count();
                        assert!(
                            han > latin,
                            "{c} {dest:?}: English title in a zh-TW document: {e}"
                        );
                    }
                }
            }
        }
    }
}

#[test]
fn no_source_address_is_a_bare_ip() {
    let bare_ip = |u: &str| {
        let host = u.split('/').next().unwrap_or("");
        let host = host.split(':').next().unwrap_or("");
        host.split('.').count() == 4
            && host
                .split('.')
                .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit()))
    };
    let sources: toml::Value = std::fs::read_to_string(root().join("checklists/sources.toml"))
        .unwrap()
        .parse()
        .unwrap();
    for s in sources["source"].as_array().unwrap() {
        if let Some(u) = s.get("url").and_then(|u| u.as_str()) {
            assert!(!bare_ip(u), "{u}");
        }
    }
    let data = channels();
    let rows = data["national"].as_array().unwrap().iter().chain(
        data["destination"]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|d| {
                d.get("mission")
                    .and_then(|m| m.as_array())
                    .into_iter()
                    .flatten()
            }),
    );
    for r in rows {
        if let Some(u) = r.get("source-url").and_then(|u| u.as_str()) {
            assert!(!bare_ip(u), "{u}");
        }
    }
    let text = render("student", "en", Some("GB"));
    assert!(
        !text.contains("120.92.118.94"),
        "the bare-IP blog is still cited"
    );
}

#[test]
fn zh_tw_uses_one_name_for_12339_and_taiwan_terms() {
    for c in CHECKLISTS {
        let text = render(c, "zh-TW", Some("US"));
        for bad in ["檢舉受理", "國家機密", "科研數據", "短碼", "核實", "APP"] {
            assert!(!text.contains(bad), "{c}: zh-TW has “{bad}”");
        }
        assert!(text.contains("舉報受理"), "{c}");
    }
}

#[test]
fn english_readers_can_read_the_app_name() {
    for c in CHECKLISTS {
        let en = render(c, "en", None);
        assert!(!en.contains("the 中国领事 app"), "{c}");
        assert!(en.contains("“China Consular” (中国领事)"), "{c}");
    }
}
