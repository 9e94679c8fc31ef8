//! Measuring: chooses a face for every character and sets its advance,
//! with the punctuation compression and Han–Latin spacing of Chinese text.
//!
//! Font choice follows the "Latin in CJK" rule: in Chinese text, Han,
//! CJK punctuation and the marks Chinese and Western text share (quotes,
//! dashes, ellipsis, middle dot) take the Chinese face, everything else the
//! Latin face; in Latin text the Latin face comes first. The language's
//! families are followed by the fallback families (Hanzi beyond GB 2312, the
//! rest of Big 5, Hangul, kana, a user's `--font-dir` fonts), which are read only
//! when a character needs them. A character no face has is an error naming
//! the message, the text and the character, never a box in the output.

use crate::fonts::{FaceId, FontError, FontSet, Metrics, Weight};
use crate::model::Script;
use crate::text::{is_closing_punct, is_han, is_opening_punct, needs_gap};

/// The faces of one language: its families in order of preference.
#[derive(Debug, Clone)]
pub struct LangFonts {
    /// How the language is set.
    pub script: Script,
    /// `[regular, bold]` per family: the Latin family first, then the
    /// families for the script in order of preference (later ones fill in
    /// characters the earlier lack).
    pub families: Vec<[FaceId; 2]>,
    /// Family names, for messages.
    pub names: Vec<String>,
}

impl LangFonts {
    /// Resolves `families` in `fonts` for the language `tag`, then adds the
    /// families `fonts` offers as fallbacks that `families` does not name
    /// (see [`FontSet::fallbacks`]): a user's extra fonts, then the bundled
    /// fallback faces, which stay compressed until a character needs them.
    pub fn new(
        fonts: &FontSet,
        script: Script,
        families: &[String],
        tag: &str,
    ) -> Result<LangFonts, FontError> {
        let mut resolved = families
            .iter()
            .map(|f| {
                Ok([
                    fonts.family(f, Weight::Regular, tag)?,
                    fonts.family(f, Weight::Bold, tag)?,
                ])
            })
            .collect::<Result<Vec<_>, FontError>>()?;
        let mut names = families.to_vec();
        for (name, pair) in fonts.fallbacks(tag) {
            if !names.iter().any(|n| n == name) {
                names.push(name.to_string());
                resolved.push(pair);
            }
        }
        Ok(LangFonts {
            script,
            families: resolved,
            names,
        })
    }
}

/// How a span of text is set.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Style {
    /// Font size in points.
    pub size: f32,
    /// Weight.
    pub weight: Weight,
    /// Gray level of the ink, 0 = black.
    pub gray: f32,
}

/// A piece of a paragraph in one style.
#[derive(Debug, Clone)]
pub(crate) struct Span<'a> {
    /// The text.
    pub text: &'a str,
    /// How it is set.
    pub style: Style,
    /// Attached to the text before it: no line break before or inside it.
    pub glue: bool,
    /// A web address: lines may also break after `/`, `-` and `_` in it.
    pub url: bool,
}

/// One measured character.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Glyph {
    /// The character.
    pub ch: char,
    /// The face that draws it.
    pub face: FaceId,
    /// Its style.
    pub style: Style,
    /// Advance in points, after punctuation compression.
    pub advance: f32,
    /// Space before it in points (the Han–Latin gap), dropped at a line start.
    pub gap_before: f32,
    /// The face's own advance in points (before compression).
    pub natural: f32,
    /// Where the glyph is drawn, from the left edge of its cell, in points
    /// (the halves of a two-em dash are drawn towards each other).
    pub offset: f32,
    /// Horizontal scale of the drawn glyph, 1 as designed (the halves of a
    /// two-em dash are drawn wider, to fill their two ems).
    pub scale: f32,
    /// Points added to the drawn glyph's advance before it is scaled (PDF
    /// character spacing), so that a half of a two-em dash drawn wider
    /// still moves the pen by one em and a reader of the PDF finds each
    /// half in its own em.
    pub spacing: f32,
    /// Index of the span it belongs to.
    pub span: usize,
}

/// Characters set in the Chinese face within Chinese text.
fn prefers_cjk(c: char) -> bool {
    is_han(c)
        || matches!(c,
            '\u{2E80}'..='\u{2FFF}' | '\u{3000}'..='\u{33FF}' | '\u{FE30}'..='\u{FE4F}' | '\u{FF00}'..='\u{FFEF}'
            // Shared by Chinese and Western text: full width in Chinese.
            | '\u{B7}' | '\u{2013}' | '\u{2014}' | '\u{2018}' | '\u{2019}' | '\u{201C}' | '\u{201D}'
            | '\u{2025}'..='\u{2027}' | '\u{2E3A}')
}

/// Measures `spans` for one language. `id` names the message in errors.
pub(crate) fn measure(
    spans: &[Span],
    lang: &LangFonts,
    metrics: &[Metrics],
    id: &str,
) -> Result<Vec<Glyph>, FontError> {
    let mut glyphs: Vec<Glyph> = Vec::new();
    for (span_index, span) in spans.iter().enumerate() {
        let w = usize::from(span.style.weight == Weight::Bold);
        for ch in span.text.chars() {
            let order: Box<dyn Iterator<Item = &[FaceId; 2]>> =
                if lang.script.is_cjk() && prefers_cjk(ch) {
                    Box::new(lang.families.iter().skip(1).chain(lang.families.first()))
                } else {
                    Box::new(lang.families.iter())
                };
            let mut found = None;
            for faces in order {
                if let Some(adv) = metrics[faces[w].0].advance(ch) {
                    found = Some((faces[w], adv * span.style.size));
                    break;
                }
            }
            let (face, advance) = found.ok_or_else(|| FontError::MissingGlyph {
                id: id.to_string(),
                text: excerpt(span.text, ch),
                ch,
                fonts: lang.names.join(", "),
            })?;
            let gap_before = match glyphs.last() {
                Some(prev) if lang.script.is_cjk() && needs_gap(prev.ch, ch) => {
                    0.25 * span.style.size.max(prev.style.size)
                }
                _ => 0.0,
            };
            glyphs.push(Glyph {
                ch,
                face,
                style: span.style,
                advance,
                gap_before,
                natural: advance,
                offset: 0.0,
                scale: 1.0,
                spacing: 0.0,
                span: span_index,
            });
        }
    }
    if lang.script == Script::Hans {
        compress_punctuation(&mut glyphs, lang);
    }
    if lang.script.is_cjk() {
        two_em_dashes(&mut glyphs, metrics);
    }
    Ok(glyphs)
}

/// The text around the first `ch` in `text`, at most 20 characters either
/// side, for messages.
fn excerpt(text: &str, ch: char) -> String {
    let chars: Vec<char> = text.chars().collect();
    let at = chars.iter().position(|&c| c == ch).unwrap_or(0);
    let from = at.saturating_sub(20);
    let to = (at + 21).min(chars.len());
    let mut out: String = chars[from..to].iter().collect();
    if from > 0 {
        out.insert(0, '…');
    }
    if to < chars.len() {
        out.push('…');
    }
    out.trim().to_string()
}

/// How far the inks of the halves of a two-em dash overlap, in ems, so
/// that the two glyphs draw one unbroken rule, without a seam where they
/// meet.
pub(crate) const DASH_OVERLAP: f32 = 0.05;

/// `——` (GB/T 15834 §4.9) is one mark two ems wide, drawn as one rule
/// across the two ems. The fonts have no two-em dash glyph a copy would
/// turn back into `——`, and their dash's ink is narrower than its advance
/// (Noto Sans SC: 0.80 of 0.89 em), so each dash keeps its character and
/// gets a cell of one em, and its glyph is drawn scaled horizontally so
/// that its ink (the glyph's bounding box) is `1 + DASH_OVERLAP / 2` ems
/// wide: the first from the left edge of the two ems, the second up to
/// their right edge, overlapping by [`DASH_OVERLAP`] in the middle. Each
/// still advances one em when drawn, so that text extraction (which takes
/// a glyph's box from its origin and advance) sees the two halves side by
/// side, not one on top of the other.
fn two_em_dashes(glyphs: &mut [Glyph], metrics: &[Metrics]) {
    let mut i = 1;
    while i < glyphs.len() {
        let (a, b) = (glyphs[i - 1], glyphs[i]);
        let full = |g: &Glyph| g.natural >= 0.8 * g.style.size;
        if a.ch == '—' && b.ch == '—' && a.face == b.face && full(&a) && full(&b) {
            let em = a.style.size;
            // The ink in ems; a glyph without a bounding box fills its advance.
            let (left, right) = metrics
                .get(a.face.0)
                .and_then(|m| m.ink(a.ch))
                .filter(|(l, r)| r > l)
                .unwrap_or((0.0, a.natural / em));
            let half = 1.0 + DASH_OVERLAP / 2.0;
            let scale = half / (right - left);
            for (g, ink_start) in [(i - 1, 0.0), (i, -DASH_OVERLAP / 2.0)] {
                glyphs[g].advance = em;
                glyphs[g].scale = scale;
                glyphs[g].spacing = em / scale - glyphs[g].natural;
                glyphs[g].offset = (ink_start - left * scale) * em;
            }
            i += 2;
        } else {
            i += 1;
        }
    }
}

/// Two adjacent full-width marks take 1.5 em instead of 2 (GB style): the
/// first gives up its blank half.
fn compress_punctuation(glyphs: &mut [Glyph], lang: &LangFonts) {
    let cjk_faces: Vec<FaceId> = lang.families.iter().skip(1).flatten().copied().collect();
    let adjustable = |g: &Glyph| {
        (is_closing_punct(g.ch) || is_opening_punct(g.ch)) && cjk_faces.contains(&g.face)
    };
    for i in 1..glyphs.len() {
        if adjustable(&glyphs[i - 1]) && adjustable(&glyphs[i]) {
            let first = glyphs[i - 1];
            // Closing + anything: drop the closing mark's right half.
            // Opening + opening: drop the second's left half by pulling it back.
            if is_closing_punct(first.ch) || is_opening_punct(glyphs[i].ch) {
                glyphs[i - 1].advance = first.natural - 0.5 * first.style.size;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fonts::FontSet;

    fn zh(fonts: &FontSet) -> LangFonts {
        LangFonts::new(
            fonts,
            Script::Hans,
            &["NotoSans".into(), "NotoSansSC".into()],
            "zh-CN",
        )
        .unwrap()
    }

    const BODY: Style = Style {
        size: 10.0,
        weight: Weight::Regular,
        gray: 0.0,
    };

    #[test]
    fn picks_faces_by_script_and_adds_han_latin_gaps() {
        let fonts = FontSet::bundled();
        let metrics = fonts.metrics();
        let lang = zh(&fonts);
        let g = measure(
            &[Span {
                text: "拨打12308，“Wi-Fi”",
                style: BODY,
                glue: false,
                url: false,
            }],
            &lang,
            &metrics,
            "t",
        )
        .unwrap();
        let sc = lang.families[1][0];
        let latin = lang.families[0][0];
        assert_eq!(g[1].face, sc);
        assert_eq!(g[2].face, latin);
        assert_eq!(g[2].gap_before, 2.5);
        assert_eq!(g[3].gap_before, 0.0);
        // The comma and opening quote are Chinese marks and compress to 1.5 em together.
        assert_eq!((g[7].ch, g[7].face, g[7].advance), ('，', sc, 5.0));
        assert_eq!((g[8].ch, g[8].face, g[8].advance), ('“', sc, 10.0));
    }

    #[test]
    fn a_two_em_dash_is_two_ems_and_drawn_unbroken() {
        let fonts = FontSet::bundled();
        let metrics = fonts.metrics();
        for (lang, weight) in [
            (zh(&fonts), Weight::Regular),
            (zh(&fonts), Weight::Bold),
            (
                LangFonts::new(
                    &fonts,
                    Script::Hant,
                    &["NotoSans".into(), "NotoSansTC".into()],
                    "zh-TW",
                )
                .unwrap(),
                Weight::Regular,
            ),
        ] {
            let g = measure(
                &[Span {
                    text: "好——走",
                    style: Style { weight, ..BODY },
                    glue: false,
                    url: false,
                }],
                &lang,
                &metrics,
                "t",
            )
            .unwrap();
            assert_eq!(g[1].advance + g[2].advance, 20.0);
            // Each dash's ink, in points from the left edge of the two ems.
            let ink = |g: &Glyph, cell: f32| {
                let (l, r) = metrics[g.face.0].ink('—').unwrap();
                let at = cell + g.offset;
                (at + l * g.scale * 10.0, at + r * g.scale * 10.0)
            };
            let (first, second) = (ink(&g[1], 0.0), ink(&g[2], g[1].advance));
            // The rule covers the two ems exactly, from edge to edge.
            assert!(first.0.abs() < 1e-3, "{first:?}");
            assert!((second.1 - 20.0).abs() < 1e-3, "{second:?}");
            // The halves overlap by DASH_OVERLAP: no gap in the middle.
            let overlap = first.1 - second.0;
            assert!((overlap - DASH_OVERLAP * 10.0).abs() < 1e-3, "{overlap}");
            assert!(g[1].scale > 1.0 && g[1].scale == g[2].scale);
            // Drawn wider, each half still advances one em.
            for d in &g[1..3] {
                assert!(((d.natural + d.spacing) * d.scale - 10.0).abs() < 1e-4);
            }
            // Other glyphs are drawn as designed.
            assert_eq!((g[0].scale, g[3].scale), (1.0, 1.0));
        }
    }

    #[test]
    fn english_quotes_stay_latin() {
        let fonts = FontSet::bundled();
        let metrics = fonts.metrics();
        let en = LangFonts::new(
            &fonts,
            Script::Latin,
            &["NotoSans".into(), "NotoSansSC".into()],
            "en",
        )
        .unwrap();
        let g = measure(
            &[Span {
                text: "“friendly” 中国领事",
                style: BODY,
                glue: false,
                url: false,
            }],
            &en,
            &metrics,
            "t",
        )
        .unwrap();
        assert_eq!(g[0].face, en.families[0][0]);
        assert!(g[0].advance < 6.0);
        assert_eq!(g[11].face, en.families[1][0]);
    }

    #[test]
    fn missing_glyph_names_the_message() {
        let fonts = FontSet::bundled();
        let metrics = fonts.metrics();
        let e = measure(
            &[Span {
                text: "a\u{2610}",
                style: BODY,
                glue: false,
                url: false,
            }],
            &zh(&fonts),
            &metrics,
            "student-x-y",
        )
        .unwrap_err()
        .to_string();
        assert_eq!(
            e,
            "no font has '☐' (U+2610), in \"a☐\" (message `student-x-y`); fonts tried: \
             NotoSans, NotoSansSC, NotoSansKR, NotoSansSCExt, NotoSansSCRare, NotoSansTCExt; \
             add a font that has it with --font-dir DIR"
        );
    }
}
