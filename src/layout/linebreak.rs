//! Line breaking: UAX #14 break opportunities (unicode-linebreak), narrowed
//! by the Chinese prohibition rules, then filled greedily (first fit).
//!
//! Prohibitions (clreq §3.1.7 basic level plus the GB/T 15834 additions):
//! no line starts with a pause or stop mark, a closing bracket or quote, a
//! connector or a solidus; none ends with an opening bracket or quote; `——`,
//! `……`, Latin words, numbers and short hyphenated words (`Wi-Fi`) are never
//! split, and a number stays with what follows it (`7月`, `24小时`, `24 h`,
//! `1 December`). Phone numbers and web addresses (with or without a scheme)
//! never break inside their scheme or host; a long address breaks only after
//! `/`, `-`, `_` or `?` in its path. In
//! Chinese text a break is also allowed after every full-width pause, stop or
//! closing mark (`、+86-10-12308`) and before an opening curly quote, where
//! UAX #14 forbids one. When a break would be forbidden, the preceding
//! character moves to the next line (push-out).
//!
//! In Simplified Chinese a full-width mark at the end of a line counts half
//! its width (its ink sits in the left half) and an opening bracket at the
//! start of a line loses its blank left half.

use std::ops::Range;

use unicode_linebreak::{linebreaks, BreakOpportunity};

use super::justify;
use super::measure::{Glyph, Span};
use crate::model::Script;
use crate::text::{is_closing_punct, is_han, is_opening_punct, links};

/// Must not start a line: pause and stop marks, closing brackets and quotes
/// (see [`is_closing_punct`]), interpuncts, connectors, ellipsis, solidus,
/// and Western closing punctuation.
pub fn forbidden_at_start(c: char) -> bool {
    is_closing_punct(c)
        || matches!(
            c,
            '‼' | '⁇' | '⁈' | '⁉' | '·' | '・' | '‧' | '～' | '–' | '—' | '…' | '／' | '/'
        )
        || matches!(
            c,
            ',' | '.' | ';' | ':' | '?' | '!' | ')' | ']' | '}' | '%' | '‰' | '℃'
        )
}

/// Must not end a line: opening brackets and quotes (see
/// [`is_opening_punct`]), the solidus, and Western opening brackets and
/// currency signs.
pub fn forbidden_at_end(c: char) -> bool {
    is_opening_punct(c) || matches!(c, '(' | '[' | '{' | '$' | '￥' | '£' | '€' | '#' | '／')
}

/// A place where a line may end: before glyph `at`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Break {
    /// Index of the first glyph of the next line.
    pub at: usize,
    /// A forced break (end of paragraph or a newline).
    pub mandatory: bool,
}

fn is_cjkish(c: char) -> bool {
    is_han(c) || matches!(c, '\u{3000}'..='\u{303F}' | '\u{FF00}'..='\u{FFEF}')
}

/// Where lines may break in a measured paragraph.
pub(crate) fn opportunities(glyphs: &[Glyph], spans: &[Span], script: Script) -> Vec<Break> {
    let text: String = glyphs.iter().map(|g| g.ch).collect();
    let mut char_at = vec![0; text.len() + 1];
    for (ci, (bi, _)) in text.char_indices().enumerate() {
        char_at[bi] = ci;
    }
    char_at[text.len()] = glyphs.len();
    let mut allowed = vec![None; glyphs.len() + 1];
    for (byte, op) in linebreaks(&text) {
        allowed[char_at[byte]] = Some(op == BreakOpportunity::Mandatory);
    }
    // Inside a phone number or web address a line breaks only where the
    // address allows it (in its path); a source's address printed on its
    // own may also break after `/`, `-`, `_` and `?` when it is not found.
    let mut in_link = vec![false; glyphs.len() + 1];
    for found in links::find(&text) {
        for i in found.range.start + 1..found.range.end {
            in_link[i] = true;
            allowed[i] = None;
        }
        for i in found.breaks() {
            allowed[i] = Some(false);
        }
    }
    for i in 1..glyphs.len() {
        if spans[glyphs[i].span].url
            && !in_link[i]
            && glyphs[i].span == glyphs[i - 1].span
            && matches!(glyphs[i - 1].ch, '/' | '-' | '_' | '?')
        {
            allowed[i].get_or_insert(false);
        }
    }
    if script.is_cjk() {
        for i in 1..glyphs.len() {
            let (prev, next) = (glyphs[i - 1].ch, glyphs[i].ch);
            // A Chinese line may end after any full-width pause, stop or closing
            // mark (UAX #14 keeps `、+86…` together), and before an opening quote.
            let after_mark = is_closing_punct(prev) && (is_cjkish(prev) || is_cjkish(next));
            if after_mark || (matches!(next, '“' | '‘') && is_cjkish(prev)) {
                allowed[i].get_or_insert(false);
            }
        }
    }
    let mut breaks = Vec::new();
    for (i, op) in allowed.iter().enumerate().skip(1) {
        let Some(mandatory) = *op else { continue };
        if i == glyphs.len() || mandatory {
            breaks.push(Break {
                at: i,
                mandatory: true,
            });
            continue;
        }
        let (prev, next) = (glyphs[i - 1].ch, glyphs[i].ch);
        let glued = spans[glyphs[i].span].glue;
        // In Latin text a Chinese name stays whole, like a word.
        let cjk_word = script == Script::Latin && is_cjkish(prev) && is_cjkish(next);
        let split_pair = prev == next && matches!(prev, '—' | '…');
        // A number stays with its unit: 7月, 24小时, 24 h, 1 December.
        let number_unit = prev.is_ascii_digit() && is_han(next) || short_number_before(glyphs, i);
        let url_break =
            in_link[i] || spans[glyphs[i].span].url && matches!(prev, '/' | '-' | '_' | '?');
        let prohibited = !url_break && (forbidden_at_start(next) || forbidden_at_end(prev));
        if glued
            || cjk_word
            || split_pair
            || number_unit
            || prohibited
            || short_hyphenated(glyphs, i)
        {
            continue;
        }
        breaks.push(Break {
            at: i,
            mandatory: false,
        });
    }
    breaks
}

/// A break at the space after a number of one or two digits (`24 h`, `1 December`).
fn short_number_before(glyphs: &[Glyph], i: usize) -> bool {
    if glyphs[i - 1].ch != ' ' {
        return false;
    }
    let word = glyphs[..i - 1]
        .iter()
        .rev()
        .take_while(|g| !g.ch.is_whitespace())
        .count();
    (1..=2).contains(&word)
        && glyphs[i - 1 - word..i - 1]
            .iter()
            .all(|g| g.ch.is_ascii_digit())
}

/// A break just after a hyphen inside a short word such as `Wi-Fi`.
fn short_hyphenated(glyphs: &[Glyph], i: usize) -> bool {
    if !matches!(glyphs[i - 1].ch, '-' | '\u{2010}') {
        return false;
    }
    let word = |c: char| !c.is_whitespace() && !is_cjkish(c);
    let start = glyphs[..i]
        .iter()
        .rposition(|g| !word(g.ch))
        .map_or(0, |p| p + 1);
    let end = glyphs[i..]
        .iter()
        .position(|g| !word(g.ch))
        .map_or(glyphs.len(), |p| i + p);
    end - start <= 8
}

/// A line: which glyphs it holds and how wide they set.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct LineSpan {
    /// Glyphs drawn on the line (trailing spaces left out).
    pub range: Range<usize>,
    /// Horizontal shift of the first glyph (negative for a trimmed opening bracket).
    pub shift: f32,
    /// Width from the line's left edge to the end of its last glyph's ink box.
    pub width: f32,
    /// Ends where no break was allowed, because nothing else fitted.
    pub forced: bool,
    /// Ends its paragraph (or a forced line break): set ragged.
    pub last: bool,
    /// How much narrower it can be set (justified Chinese only).
    pub shrink: f32,
}

/// Measures glyphs `start..end` as one line.
pub(crate) fn measure_line(glyphs: &[Glyph], start: usize, end: usize, script: Script) -> LineSpan {
    let mut end = end;
    while end > start && glyphs[end - 1].ch.is_whitespace() {
        end -= 1;
    }
    let mut width: f32 = glyphs[start..end].iter().map(|g| g.advance).sum::<f32>()
        + glyphs[(start + 1).min(end)..end]
            .iter()
            .map(|g| g.gap_before)
            .sum::<f32>();
    let mut shift = 0.0;
    if script == Script::Hans && end > start {
        let full = |g: &Glyph| g.natural >= 0.99 * g.style.size;
        let last = &glyphs[end - 1];
        if is_closing_punct(last.ch) && full(last) {
            width -= (last.advance - 0.5 * last.style.size).max(0.0);
        }
        let first = &glyphs[start];
        if is_opening_punct(first.ch) && full(first) {
            shift = -0.5 * first.style.size;
            width += shift;
        }
    }
    LineSpan {
        range: start..end,
        shift,
        width,
        forced: false,
        last: false,
        shrink: justify::shrinkable(glyphs, start..end, script),
    }
}

/// Fills lines of at most `max_width` points, first fit. A line that is
/// to be `justified` may be set tighter to take in what would not
/// otherwise fit (push-in).
pub(crate) fn fill(
    glyphs: &[Glyph],
    breaks: &[Break],
    max_width: f32,
    script: Script,
    justified: bool,
) -> Vec<LineSpan> {
    let fits = |l: &LineSpan| {
        let shrink = if justified { l.shrink } else { 0.0 };
        l.width - shrink <= max_width + 0.01
    };
    let mut lines = Vec::new();
    let mut start = 0;
    let mut last_fit: Option<usize> = None;
    let mut k = 0;
    while k < breaks.len() {
        let b = breaks[k];
        if b.at <= start {
            k += 1;
            continue;
        }
        let line = measure_line(glyphs, start, b.at, script);
        if fits(&line) {
            if b.mandatory {
                lines.push(LineSpan { last: true, ..line });
                start = b.at;
                last_fit = None;
            } else {
                last_fit = Some(b.at);
            }
            k += 1;
        } else if let Some(at) = last_fit.take() {
            lines.push(measure_line(glyphs, start, at, script));
            start = at;
        } else {
            // Nothing fits: split the over-long piece where it must.
            let at = emergency_break(glyphs, start, b.at, max_width, script);
            lines.push(LineSpan {
                forced: true,
                ..measure_line(glyphs, start, at, script)
            });
            start = at;
        }
    }
    lines
}

fn emergency_break(
    glyphs: &[Glyph],
    start: usize,
    end: usize,
    max_width: f32,
    script: Script,
) -> usize {
    let mut best = start + 1;
    // A host or word too long for the measure breaks after a dot or hyphen
    // if it has one that fits, else anywhere allowed.
    let mut seam = None;
    for at in start + 1..end {
        if measure_line(glyphs, start, at, script).width > max_width {
            break;
        }
        if !forbidden_at_start(glyphs[at].ch) && !forbidden_at_end(glyphs[at - 1].ch) {
            best = at;
        }
        if matches!(glyphs[at - 1].ch, '.' | '-' | '/') && at > start + 1 {
            seam = Some(at);
        }
    }
    seam.unwrap_or(best)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fonts::{FontSet, Weight};
    use crate::layout::measure::{measure, LangFonts, Style};

    fn lines(text: &str, script: Script, width_em: f32) -> Vec<String> {
        let fonts = FontSet::bundled();
        let metrics = fonts.metrics();
        let lang = LangFonts::new(
            &fonts,
            script,
            &["NotoSans".into(), "NotoSansSC".into()],
            "t",
        )
        .unwrap();
        let spans = [Span {
            text,
            style: Style {
                size: 10.0,
                weight: Weight::Regular,
                gray: 0.0,
            },
            glue: false,
            url: false,
        }];
        let glyphs = measure(&spans, &lang, &metrics, "t").unwrap();
        let breaks = opportunities(&glyphs, &spans, script);
        fill(&glyphs, &breaks, width_em * 10.0, script, false)
            .into_iter()
            .map(|l| glyphs[l.range].iter().map(|g| g.ch).collect())
            .collect()
    }

    #[test]
    fn no_line_starts_with_a_closing_mark() {
        // Five ideographs fit; the comma would start line two, so 事 moves down with it.
        assert_eq!(
            lines("一二三四五，六七八九十。", Script::Hans, 5.0),
            ["一二三四", "五，六七八", "九十。"]
        );
    }

    #[test]
    fn line_end_punctuation_counts_half() {
        assert_eq!(
            lines("一二三四，五六七八九。", Script::Hans, 4.5),
            ["一二三四，", "五六七八", "九。"]
        );
    }

    #[test]
    fn no_line_ends_with_an_opening_bracket() {
        assert_eq!(
            lines("一二三四《五六》七八", Script::Hans, 5.0),
            ["一二三四", "《五六》七", "八"]
        );
    }

    #[test]
    fn keeps_numbers_words_and_dashes_whole() {
        for (text, whole) in [
            ("请拨打+86-10-12308求助", "+86-10-12308"),
            ("连接公共Wi-Fi时注意", "Wi-Fi"),
            ("等一下——好吗", "——"),
            ("然后……就这样", "……"),
            ("访问www.12339.gov.cn举报", "www.12339.gov.cn"),
            (
                "热线：+86-10-12308、+86-10-65612308；并在",
                "+86-10-65612308",
            ),
        ] {
            // From the narrowest column the piece fits in.
            for width in 10..24 {
                let l = lines(text, Script::Hans, width as f32);
                assert!(
                    l.iter().any(|line| line.contains(whole)),
                    "{text} at {width} em: {l:?}"
                );
            }
        }
    }

    #[test]
    fn breaks_around_chinese_quotes() {
        let l = lines("他说：“先检查电源”然后走", Script::Hans, 4.0);
        assert!(
            l.iter().all(|s| !s.starts_with('”') && !s.ends_with('“')),
            "{l:?}"
        );
        assert_eq!(l.concat(), "他说：“先检查电源”然后走");
    }

    #[test]
    fn english_breaks_at_spaces() {
        let l = lines(
            "Keep your luggage in sight at checkpoints.",
            Script::Latin,
            12.0,
        );
        assert!(l.len() > 1);
        assert_eq!(l.join(" "), "Keep your luggage in sight at checkpoints.");
    }
}
