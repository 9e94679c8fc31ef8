//! Which faces of a font collection (`.ttc`, `.otc`) suit which language.
//!
//! A Pan-CJK collection such as Noto Sans CJK holds one face per region
//! (Japanese, Korean, Simplified and Traditional Chinese, Hong Kong), with
//! the same characters and different glyph forms. The region of a face is
//! read from its name table: a region token in its English family name
//! (`Noto Sans CJK SC`, `Source Han Sans TC`, `PingFang HK`), else the
//! language of a localised name (`微软雅黑` in Chinese (PRC)). A Chinese
//! language never takes a Japanese or Korean face.

/// The region a face's glyph forms are for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
pub enum Region {
    /// Simplified Chinese (mainland China, Singapore).
    Hans,
    /// Traditional Chinese (Taiwan).
    Hant,
    /// Traditional Chinese (Hong Kong, Macao).
    HongKong,
    /// Japanese.
    Japan,
    /// Korean.
    Korea,
    /// Not known: a face for no region in particular.
    Other,
}

/// The region of `face` and whether it is a monospaced (`Mono`) variant.
pub(super) fn classify(face: &ttf_parser::Face) -> (Region, bool) {
    let mut from_token = None;
    let mut from_language = None;
    let mut mono = false;
    for name in face.names() {
        // Family, full name, PostScript name, typographic family.
        if !matches!(name.name_id, 1 | 4 | 6 | 16) {
            continue;
        }
        if let Some(region) = language_region(name.language_id) {
            if name.platform_id == ttf_parser::PlatformId::Windows {
                from_language.get_or_insert(region);
            }
        }
        let Some(text) = name.to_string() else {
            continue;
        };
        for token in text.split(|c: char| !c.is_ascii_alphanumeric()) {
            mono |= token.eq_ignore_ascii_case("mono");
            if from_token.is_none() {
                from_token = token_region(token);
            }
        }
    }
    (from_token.or(from_language).unwrap_or(Region::Other), mono)
}

/// A region named by a word of a family name.
fn token_region(token: &str) -> Option<Region> {
    Some(match token.to_ascii_lowercase().as_str() {
        "sc" | "cn" | "gb" | "hans" | "prc" => Region::Hans,
        "tc" | "tw" | "hant" => Region::Hant,
        "hk" | "mo" | "hc" => Region::HongKong,
        "jp" | "ja" | "jpn" => Region::Japan,
        "kr" | "ko" | "kor" => Region::Korea,
        _ => return None,
    })
}

/// The region of a Windows language id of the name table.
fn language_region(id: u16) -> Option<Region> {
    Some(match id {
        0x0804 | 0x1004 => Region::Hans,
        0x0404 => Region::Hant,
        0x0C04 | 0x1404 => Region::HongKong,
        0x0411 => Region::Japan,
        0x0412 => Region::Korea,
        _ => return None,
    })
}

/// The regions whose faces suit the language `tag` (a BCP 47 tag such as
/// `zh-CN`, `zh-TW`, `en`), best first. Japanese and Korean faces only
/// suit Japanese and Korean.
pub(super) fn preference(tag: &str) -> &'static [Region] {
    let lower = tag.to_ascii_lowercase();
    let subtags: Vec<&str> = lower.split(['-', '_']).collect();
    let has = |s: &str| subtags.iter().skip(1).any(|t| *t == s);
    match subtags.first().copied() {
        Some("ja") => &[Region::Japan, Region::Other],
        Some("ko") => &[Region::Korea, Region::Other],
        Some("zh") if has("hk") || has("mo") => {
            &[Region::HongKong, Region::Hant, Region::Other, Region::Hans]
        }
        Some("zh") if has("tw") || has("hant") => {
            &[Region::Hant, Region::HongKong, Region::Other, Region::Hans]
        }
        _ => &[Region::Hans, Region::Other, Region::Hant, Region::HongKong],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_never_takes_japanese_or_korean() {
        for tag in ["zh-CN", "zh-TW", "zh-Hant-HK", "en", "de"] {
            let p = preference(tag);
            assert!(!p.contains(&Region::Japan) && !p.contains(&Region::Korea));
        }
        assert_eq!(preference("zh-CN")[0], Region::Hans);
        assert_eq!(preference("zh-TW")[0], Region::Hant);
        assert_eq!(preference("zh-Hant")[0], Region::Hant);
        assert_eq!(preference("zh-HK")[0], Region::HongKong);
        assert_eq!(preference("en")[0], Region::Hans);
        assert_eq!(preference("ja")[0], Region::Japan);
    }

    #[test]
    fn family_words_name_regions() {
        assert_eq!(token_region("SC"), Some(Region::Hans));
        assert_eq!(token_region("tc"), Some(Region::Hant));
        assert_eq!(token_region("JP"), Some(Region::Japan));
        assert_eq!(token_region("Sans"), None);
        assert_eq!(language_region(0x0404), Some(Region::Hant));
    }
}
