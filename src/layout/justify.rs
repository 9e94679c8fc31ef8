//! Justification of Chinese lines to the full measure (clreq §3.7).
//!
//! A line that is too long by a little first gives up space (push-in):
//! the blank half of full-width pause, stop and bracket marks (Simplified
//! Chinese only: Traditional marks sit centred and keep their width), then
//! the Han–Latin gaps down to ⅛ em. A line that is short is filled by
//! widening, in clreq's order, the spaces between Western words (up to ½ em)
//! and the Han–Latin gaps (up to ⅓ em), then every space between characters
//! equally. Nothing is ever added inside a Latin word or number, inside
//! `——` or `……`, or after the last character; the last line of a paragraph
//! stays ragged.

use std::ops::Range;

use super::measure::Glyph;
use crate::model::Script;
use crate::text::{is_closing_punct, is_han, is_opening_punct};

/// Inter-character spacing above this many ems looks gappy: a line that
/// needs more is only widened this much (clreq's threshold).
pub(crate) const MAX_STRETCH_EM: f32 = 0.25;

/// Whether the glyph is a Chinese character or a full-width mark.
fn is_cjk(g: &Glyph) -> bool {
    is_han(g.ch) || matches!(g.ch, '\u{3000}'..='\u{303F}' | '\u{FF00}'..='\u{FFEF}') || {
        // Quotes, dashes and ellipses set full width by the Chinese face.
        matches!(g.ch, '“' | '”' | '‘' | '’' | '—' | '…' | '·') && g.natural >= 0.85 * g.style.size
    }
}

/// The blank half a full-width mark may give up, in points (Simplified
/// Chinese, not already compressed).
fn punct_shrink(g: &Glyph, script: Script) -> f32 {
    let full = g.advance >= 0.99 * g.style.size && g.natural >= 0.99 * g.style.size;
    if script == Script::Hans && full && (is_closing_punct(g.ch) || is_opening_punct(g.ch)) {
        0.5 * g.style.size
    } else {
        0.0
    }
}

/// How much the glyphs `range` (a line without its last glyph's own
/// end-of-line trim) can give up when set tight.
pub(crate) fn shrinkable(glyphs: &[Glyph], range: Range<usize>, script: Script) -> f32 {
    if !script.is_cjk() || range.is_empty() {
        return 0.0;
    }
    let last = range.end - 1;
    let mut total = 0.0;
    for i in range.clone() {
        // The last mark already counts half, an opening bracket at the start
        // has lost its blank half.
        if i < last && !(i == range.start && is_opening_punct(glyphs[i].ch)) {
            total += punct_shrink(&glyphs[i], script);
        }
        if i > range.start && glyphs[i].gap_before > 0.0 {
            total += 0.5 * glyphs[i].gap_before;
        }
    }
    total
}

/// Whether space may be added between glyphs `i - 1` and `i`.
fn stretchable(glyphs: &[Glyph], i: usize) -> bool {
    let (a, b) = (&glyphs[i - 1], &glyphs[i]);
    if a.ch == b.ch && matches!(a.ch, '—' | '…') {
        return false;
    }
    is_cjk(a) || is_cjk(b) || a.ch.is_whitespace() || b.ch.is_whitespace() || b.gap_before > 0.0
}

/// Space to add before each glyph of `range` (index 0 = the line's first
/// glyph, which gets none) so that a line `natural` wide sets `target` wide.
pub(crate) fn spacing(
    glyphs: &[Glyph],
    range: Range<usize>,
    natural: f32,
    target: f32,
    script: Script,
) -> Vec<f32> {
    let mut extra = vec![0.0; range.len()];
    let slack = target - natural;
    if range.len() < 2 || slack.abs() < 0.01 {
        return extra;
    }
    let at = |i: usize| i - range.start;
    if slack < 0.0 {
        // Push-in: marks first, then Han–Latin gaps.
        let mut need = -slack;
        let marks = glyphs[..range.end - 1].iter().enumerate().skip(range.start);
        for (i, g) in marks {
            if i == range.start && is_opening_punct(g.ch) {
                continue;
            }
            let give = punct_shrink(g, script).min(need);
            if give > 0.0 {
                // A closing mark's right half goes after it, an opening mark's left half before it.
                let slot = if is_opening_punct(g.ch) && i > range.start {
                    at(i)
                } else {
                    at(i + 1)
                };
                extra[slot] -= give;
                need -= give;
            }
        }
        for i in range.start + 1..range.end {
            let give = (0.5 * glyphs[i].gap_before).min(need);
            extra[at(i)] -= give;
            need -= give;
        }
        return extra;
    }
    stretch(glyphs, range, slack, &mut extra);
    extra
}

/// Widens a line by `slack`: Western spaces and Han–Latin gaps first, then
/// every stretchable place equally, up to [`MAX_STRETCH_EM`].
fn stretch(glyphs: &[Glyph], range: Range<usize>, slack: f32, extra: &mut [f32]) {
    let at = |i: usize| i - range.start;
    // Room of each space and gap before the equal spacing starts.
    let room: Vec<(usize, f32)> = (range.start + 1..range.end)
        .filter_map(|i| {
            let g = &glyphs[i];
            if g.gap_before > 0.0 {
                Some((i, g.gap_before / 3.0))
            } else if g.ch == ' ' {
                Some((i, (0.5 * g.style.size - g.advance).max(0.0)))
            } else {
                None
            }
        })
        .collect();
    let total: f32 = room.iter().map(|r| r.1).sum();
    let first = slack.min(total);
    if total > 0.0 {
        for &(i, r) in &room {
            extra[at(i)] += first * r / total;
        }
    }
    let rest = slack - first;
    let slots: Vec<usize> = (range.start + 1..range.end)
        .filter(|&i| stretchable(glyphs, i))
        .collect();
    if rest <= 0.0 || slots.is_empty() {
        return;
    }
    let size = glyphs[range.start].style.size;
    let each = (rest / slots.len() as f32).min(MAX_STRETCH_EM * size);
    for i in slots {
        extra[at(i)] += each;
    }
}

/// The largest space added between two characters of a line, in ems of
/// the line's first glyph (for the widow and orphan rules).
pub(crate) fn looseness(glyphs: &[Glyph], range: Range<usize>, natural: f32, target: f32) -> f32 {
    let slots = (range.start + 1..range.end)
        .filter(|&i| stretchable(glyphs, i))
        .count();
    if range.is_empty() {
        return 0.0;
    }
    let size = glyphs[range.start].style.size;
    (target - natural).max(0.0) / slots.max(1) as f32 / size
}
