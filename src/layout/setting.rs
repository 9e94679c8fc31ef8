//! Setting paragraphs: the page design of each profile, text roles and their
//! styles, and one paragraph measured, broken and positioned in a column,
//! with link areas over its phone numbers and web addresses.

use super::linebreak::{fill, opportunities, LineSpan};
use super::measure::{measure, Glyph, LangFonts, Span, Style};
use super::{Item, Line, Profile, Run, Tag};
use crate::compose::Text;
use crate::fonts::{FontError, Metrics, Weight};
use crate::model::Script;
use crate::profile::Design;
use crate::text::{is_closing_punct, is_han, links};

/// The one grey of secondary text (subtitles, references, sources, footers).
pub(crate) const GRAY: f32 = 0.3;

/// Text roles.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Role {
    Title,
    Subtitle,
    Body,
    Heading,
    Small,
    Reference,
    Url,
    /// The big organisation name on a packet cover.
    Display,
    /// The wallet card's heading.
    CardTitle,
    /// The wallet card's rows.
    Card,
}

impl Role {
    /// Style and line pitch (in ems) of the role in `script` for `profile`.
    pub(crate) fn style(self, script: Script, profile: Profile) -> (Style, f32) {
        let cjk = script.is_cjk();
        let phone = profile.spec().large_type;
        // (CJK size, Latin size): Latin letters look larger at the same size.
        let ((zh, en), weight, gray) = match self {
            Role::Display => ((24.0, 22.0), Weight::Bold, 0.0),
            Role::Title if phone => ((17.0, 15.0), Weight::Bold, 0.0),
            Role::Title => ((18.0, 15.5), Weight::Bold, 0.0),
            Role::Subtitle if phone => ((10.0, 10.0), Weight::Regular, GRAY),
            Role::Subtitle => ((9.5, 9.5), Weight::Regular, GRAY),
            Role::Body if phone => ((11.5, 11.0), Weight::Regular, 0.0),
            Role::Body => ((10.0, 9.2), Weight::Regular, 0.0),
            Role::Heading if phone => ((13.5, 12.5), Weight::Bold, 0.0),
            Role::Heading => ((12.5, 11.5), Weight::Bold, 0.0),
            Role::Small if phone => ((9.0, 8.6), Weight::Regular, GRAY),
            Role::Small => ((8.0, 7.8), Weight::Regular, GRAY),
            Role::Url if phone => ((8.6, 8.6), Weight::Regular, GRAY),
            Role::Url => ((7.8, 7.8), Weight::Regular, GRAY),
            Role::Reference if phone => ((8.0, 8.0), Weight::Regular, GRAY),
            Role::Reference => ((7.0, 7.0), Weight::Regular, GRAY),
            Role::CardTitle => ((8.5, 8.2), Weight::Bold, 0.0),
            Role::Card => ((7.5, 7.2), Weight::Regular, 0.0),
        };
        let pitch = match (self, cjk) {
            (Role::Title | Role::Display, true) => 1.4,
            (Role::Title | Role::Display, false) => 1.2,
            (_, true) => 1.6,
            (_, false) => 1.36,
        };
        (
            Style {
                size: if cjk { zh } else { en },
                weight,
                gray,
            },
            pitch,
        )
    }
}

/// Where a paragraph goes: its left edge, top and width.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Frame {
    pub x: f32,
    pub y: f32,
    pub width: f32,
}

/// Sets text for one document.
pub(crate) struct Setter<'a> {
    pub metrics: Vec<Metrics<'a>>,
    pub langs: &'a [LangFonts],
    pub profile: Profile,
    pub design: Design,
}

impl Setter<'_> {
    /// Style and pitch of `role` in language `lang`.
    pub(crate) fn style(&self, role: Role, lang: usize) -> (Style, f32) {
        role.style(self.langs[lang].script, self.profile)
    }

    /// Sets one language's text (plus an optional glued reference) in the
    /// column `at`; returns the lines (and link areas) and the height.
    pub(crate) fn paragraph(
        &self,
        text: &Text,
        lang: usize,
        role: Role,
        reference: Option<&Text>,
        at: Frame,
    ) -> Result<(Vec<Item>, f32), FontError> {
        let script = self.langs[lang].script;
        let (style, pitch) = self.style(role, lang);
        let body = &text.text[lang];
        let ref_text = reference.map(|r| reference_text(body, &r.text[lang], script));
        let mut spans = vec![Span {
            text: body,
            style,
            glue: false,
            url: role == Role::Url,
        }];
        if let Some(r) = &ref_text {
            spans.push(Span {
                text: r,
                style: self.style(Role::Reference, lang).0,
                glue: true,
                url: false,
            });
        }
        let glyphs = measure(&spans, &self.langs[lang], &self.metrics, &text.id)?;
        let lines = break_lines(&glyphs, &spans, script, role, at.width, style.size);
        let line_height = pitch * style.size;
        // Small print (source titles, dates, footers) links nothing: a
        // source's address is linked on its own line, as cited.
        let found = if role == Role::Small {
            Vec::new()
        } else {
            links::find(body)
        };
        let mut items = Vec::new();
        let mut link_items = Vec::new();
        for (n, span) in lines.iter().enumerate() {
            // The em box sits centred in the line's height.
            let baseline = at.y
                + n as f32 * line_height
                + (line_height - style.size) / 2.0
                + 0.88 * style.size;
            let (runs, lefts) = runs(&glyphs, span, at.x);
            link_items.extend(link_areas(&found, &lefts, baseline, style.size));
            items.push(Item::Line(Line {
                tag: Tag::default(),
                x: at.x,
                baseline,
                width: span.width,
                size: style.size,
                lang,
                id: text.id.clone(),
                runs,
            }));
        }
        items.append(&mut link_items);
        Ok((items, lines.len() as f32 * line_height))
    }

    /// Sets `text` in every language: side by side in `columns`, or one after another.
    pub(crate) fn multilingual(
        &self,
        text: &Text,
        role: Role,
        reference: Option<&Text>,
        columns: &[(f32, f32)],
    ) -> Result<(Vec<Item>, f32), FontError> {
        let mut items = Vec::new();
        let mut height: f32 = 0.0;
        let mut y = 0.0;
        let side_by_side = columns.len() > 1;
        let mut paragraphs = Vec::new();
        for lang in 0..self.langs.len() {
            let (x, width) = columns[lang.min(columns.len() - 1)];
            let top = if side_by_side { 0.0 } else { y };
            let (lines, h) =
                self.paragraph(text, lang, role, reference, Frame { x, y: top, width })?;
            // Stacked translations get a little air between them.
            y += h + if side_by_side {
                0.0
            } else {
                0.2 * self.style(role, lang).0.size
            };
            paragraphs.push((lines, top, h));
        }
        // Side by side, the first lines of all columns share one baseline.
        let first_baseline = |lines: &[Item]| match lines.first() {
            Some(Item::Line(l)) => l.baseline,
            _ => 0.0,
        };
        let common = paragraphs
            .iter()
            .map(|(l, _, _)| first_baseline(l))
            .fold(0.0, f32::max);
        for (mut lines, top, h) in paragraphs {
            let dy = if side_by_side {
                common - first_baseline(&lines)
            } else {
                0.0
            };
            lines.iter_mut().for_each(|l| l.shift(0.0, dy));
            items.append(&mut lines);
            height = height.max(top + h + dy);
        }
        Ok((items, height))
    }
}

/// The source reference glued to a text: after a no-break space, or
/// straight after a full-width stop, which already leaves room.
fn reference_text(body: &str, reference: &str, script: Script) -> String {
    let ends_with_mark = body
        .chars()
        .last()
        .is_some_and(|c| script.is_cjk() && is_closing_punct(c));
    let space = if ends_with_mark { "" } else { "\u{A0}" };
    format!("{space}{reference}")
}

/// Breaks measured text into lines `width` wide: titles balanced, other
/// paragraphs kept from ending on an orphan.
fn break_lines(
    glyphs: &[Glyph],
    spans: &[Span],
    script: Script,
    role: Role,
    width: f32,
    size: f32,
) -> Vec<LineSpan> {
    let breaks = opportunities(glyphs, spans, script);
    let lines = fill(glyphs, &breaks, width, script);
    if lines.len() < 2 || role == Role::Url {
        return lines;
    }
    if matches!(role, Role::Title | Role::Display) {
        // The narrowest measure that needs no more lines.
        let (mut lo, mut hi) = (width / 2.0, width);
        for _ in 0..12 {
            let mid = (lo + hi) / 2.0;
            if fill(glyphs, &breaks, mid, script).len() <= lines.len() {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        return fill(glyphs, &breaks, hi, script);
    }
    if ends_well(glyphs, &lines, script) {
        return lines;
    }
    // Avoid an orphan: set up to 3 ems narrower, unless that adds a line
    // or a forced break.
    let forced = |ls: &[LineSpan]| ls.iter().filter(|l| l.forced).count();
    for k in 1..=3 {
        let narrower = fill(glyphs, &breaks, width - k as f32 * size, script);
        if narrower.len() > lines.len() || forced(&narrower) > forced(&lines) {
            break;
        }
        if ends_well(glyphs, &narrower, script) {
            return narrower;
        }
    }
    lines
}

/// Whether the last line holds at least two Han characters (Chinese) or
/// two words (Latin) of the text itself.
fn ends_well(glyphs: &[Glyph], lines: &[LineSpan], script: Script) -> bool {
    let Some(last) = lines.last() else {
        return true;
    };
    let own = glyphs[last.range.clone()].iter().filter(|g| g.span == 0);
    if script.is_cjk() {
        own.filter(|g| is_han(g.ch)).count() >= 2
    } else {
        own.filter(|g| g.ch == ' ').count() >= 1
    }
}

/// The runs of one line, starting at `x`, and each glyph's index, left
/// edge and advance (for link areas).
fn runs(glyphs: &[Glyph], span: &LineSpan, x: f32) -> (Vec<Run>, Vec<(usize, f32, f32)>) {
    let mut runs: Vec<Run> = Vec::new();
    let mut pen = x + span.shift;
    // How far the previous glyph's advance was shortened (compressed punctuation).
    let mut pull = 0.0;
    let mut lefts = Vec::with_capacity(span.range.len());
    for i in span.range.clone() {
        let g = &glyphs[i];
        if i > span.range.start {
            pen += g.gap_before;
        }
        lefts.push((i, pen, g.advance));
        match runs.last_mut() {
            // One run, so the text copies out whole; a compressed mark
            // pulls the next glyph back by a kerning adjustment.
            Some(run)
                if run.face == g.face
                    && run.size == g.style.size
                    && run.gray == g.style.gray
                    && g.gap_before == 0.0 =>
            {
                if pull != 0.0 {
                    run.kerns.push((run.text.chars().count(), pull));
                }
                run.text.push(g.ch);
            }
            _ => runs.push(Run {
                x: pen,
                face: g.face,
                size: g.style.size,
                gray: g.style.gray,
                text: g.ch.to_string(),
                kerns: Vec::new(),
            }),
        }
        pull = g.natural - g.advance;
        pen += g.advance;
    }
    (runs, lefts)
}

/// A link area over each part of a phone number or address on a line.
fn link_areas(
    found: &[links::Found],
    lefts: &[(usize, f32, f32)],
    baseline: f32,
    size: f32,
) -> Vec<Item> {
    let mut out = Vec::new();
    for f in found {
        let mut on_line = lefts.iter().filter(|(i, _, _)| f.range.contains(i));
        let Some(first) = on_line.next() else {
            continue;
        };
        let last = on_line.next_back().unwrap_or(first);
        out.push(Item::Link {
            tag: Tag::default(),
            x: first.1,
            y: baseline - 0.95 * size,
            width: last.1 + last.2 - first.1,
            height: 1.25 * size,
            uri: f.uri.clone(),
        });
    }
    out
}
