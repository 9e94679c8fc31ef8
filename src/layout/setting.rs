//! Setting paragraphs: the page design of each profile, text roles and their
//! styles, and one paragraph measured, broken and positioned in a column,
//! with link areas over its phone numbers and web addresses.

use super::cache::{Cache, Key};
use super::justify::{looseness, spacing, MAX_STRETCH_EM};
use super::linebreak::{fill, measure_line, opportunities, Break, LineSpan};
use super::measure::{measure, Glyph, LangFonts, Span, Style};
use super::{Item, Line, LinkText, Profile, Run, Tag};
use crate::compose::Text;
use crate::fonts::{FontError, Metrics, Weight};
use crate::model::Script;
use crate::profile::Design;
use crate::text::{is_closing_punct, is_han, links};

use std::ops::Range;
use std::sync::Arc;

/// The one grey of secondary text (subtitles, references, sources, footers).
pub(crate) const GRAY: f32 = 0.3;

/// Where the baseline lies in the em box, from its top, in ems (the box
/// goes 0.12 em below the baseline), in every language.
pub(crate) const BASELINE_IN_EM: f32 = 0.88;

/// Text roles.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
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
    /// The wallet card's rows (on a phone, the emergency contacts that
    /// open the document): numbers in bold.
    Card,
}

impl Role {
    /// Whether Chinese text in this role is justified to the measure
    /// (running text; titles, headings and addresses stay ragged).
    pub(crate) fn justified(self, script: Script) -> bool {
        script.is_cjk() && matches!(self, Role::Body | Role::Subtitle | Role::Small | Role::Card)
    }

    /// Whether lines of this role are balanced (titles and headings).
    pub(crate) fn balanced(self) -> bool {
        matches!(
            self,
            Role::Title | Role::Display | Role::Heading | Role::CardTitle
        )
    }

    /// Style and line pitch (in ems) of the role in `script` for `profile`,
    /// in a document of `langs` languages: one language on paper has the
    /// whole page to itself and is set larger, at a readable measure.
    pub(crate) fn style(self, script: Script, profile: Profile, langs: usize) -> (Style, f32) {
        let cjk = script.is_cjk();
        let phone = profile.spec().large_type;
        let alone = langs == 1 && !phone;
        // (CJK size, Latin size): Latin letters look larger at the same size.
        let ((zh, en), weight, gray) = match self {
            Role::Display => ((24.0, 22.0), Weight::Bold, 0.0),
            Role::Title if phone => ((17.0, 15.0), Weight::Bold, 0.0),
            Role::Title => ((18.0, 15.5), Weight::Bold, 0.0),
            Role::Subtitle if phone => ((10.0, 10.0), Weight::Regular, GRAY),
            Role::Subtitle => ((9.5, 9.5), Weight::Regular, GRAY),
            Role::Body if phone => ((11.5, 11.0), Weight::Regular, 0.0),
            Role::Body if alone => ((10.5, 10.5), Weight::Regular, 0.0),
            Role::Body => ((10.0, 9.2), Weight::Regular, 0.0),
            Role::Heading if phone => ((13.5, 12.5), Weight::Bold, 0.0),
            Role::Heading => ((12.5, 11.5), Weight::Bold, 0.0),
            Role::Small if phone => ((9.0, 8.6), Weight::Regular, GRAY),
            Role::Small => ((8.0, 7.8), Weight::Regular, GRAY),
            Role::Url if phone => ((8.6, 8.6), Weight::Regular, GRAY),
            Role::Url => ((7.8, 7.8), Weight::Regular, GRAY),
            Role::Reference if phone => ((8.0, 8.0), Weight::Regular, GRAY),
            Role::Reference => ((7.0, 7.0), Weight::Regular, GRAY),
            Role::Card if phone => ((11.5, 11.0), Weight::Regular, 0.0),
            Role::CardTitle => ((9.5, 9.0), Weight::Bold, 0.0),
            Role::Card => ((8.5, 8.0), Weight::Regular, 0.0),
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
    /// Paragraphs set for earlier documents.
    pub cache: &'a Cache,
}

impl Setter<'_> {
    /// Style and pitch of `role` in language `lang`.
    pub(crate) fn style(&self, role: Role, lang: usize) -> (Style, f32) {
        role.style(self.langs[lang].script, self.profile, self.langs.len())
    }

    /// The widest single column of running text: the profile's measure in
    /// ems of each language's body text, the widest of the languages.
    pub(crate) fn measure(&self) -> f32 {
        (0..self.langs.len())
            .map(|lang| {
                let em = self.style(Role::Body, lang).0.size;
                let factor = if self.langs[lang].script.is_cjk() {
                    1.0
                } else {
                    0.9
                };
                self.design.measure_em * factor * em
            })
            .fold(0.0, f32::max)
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
        let key = Key {
            lang,
            script: self.langs[lang].script,
            families: self.langs[lang].families.clone(),
            profile: self.profile,
            langs: self.langs.len(),
            role,
            width: at.width.to_bits(),
            id: text.id.clone(),
            body: text.text[lang].clone(),
            reference: reference.map(|r| r.text[lang].clone()),
        };
        let set = match self.cache.get(&key) {
            Some(set) => set,
            None => {
                let set = Arc::new(self.set_paragraph(text, lang, role, reference, at.width)?);
                // A line with a person's name will not come again.
                if !crate::compose::PERSONAL.contains(&text.id.as_str()) {
                    self.cache.put(key, Arc::clone(&set));
                }
                set
            }
        };
        let mut items = set.0.clone();
        for item in &mut items {
            item.shift(at.x, at.y);
        }
        Ok((items, set.1))
    }

    /// Sets a paragraph in a column of `width` at the origin.
    fn set_paragraph(
        &self,
        text: &Text,
        lang: usize,
        role: Role,
        reference: Option<&Text>,
        width: f32,
    ) -> Result<(Vec<Item>, f32), FontError> {
        let at = Frame {
            x: 0.0,
            y: 0.0,
            width,
        };
        let script = self.langs[lang].script;
        let (style, pitch) = self.style(role, lang);
        let body = &text.text[lang];
        let ref_text = reference.map(|r| reference_text(body, &r.text[lang], script));
        let mut spans = body_spans(body, style, role);
        let own = spans.len();
        if let Some(r) = &ref_text {
            spans.push(Span {
                text: r,
                style: self.style(Role::Reference, lang).0,
                glue: true,
                url: false,
            });
        }
        let glyphs = measure(&spans, &self.langs[lang], &self.metrics, &text.id)?;
        let justified = role.justified(script);
        let lines = break_lines(&glyphs, &spans, own, role, at.width, script);
        let line_height = pitch * style.size;
        let tap = self.design.tap.max(1.25 * style.size);
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
                + BASELINE_IN_EM * style.size;
            // Chinese lines fill the measure; the last line of a paragraph is
            // ragged unless it had to be set tight, and so is a line cut
            // short by an address or number that cannot break, which
            // justified would show gaps.
            let loose = looseness(&glyphs, span.range.clone(), span.width, at.width);
            let justify =
                justified && (span.width > at.width || !span.last && loose <= MAX_STRETCH_EM);
            let (extra, width) = if justify {
                let extra = spacing(&glyphs, span.range.clone(), span.width, at.width, script);
                (extra, at.width)
            } else {
                (vec![0.0; span.range.len()], span.width)
            };
            let (runs, lefts) = runs(&glyphs, span, at.x, &extra);
            link_items.extend(link_areas(&found, &lefts, baseline, style.size, tap));
            items.push(Item::Line(Line {
                tag: Tag::default(),
                x: at.x,
                baseline,
                width,
                size: style.size,
                lang,
                id: text.id.clone(),
                runs,
                links: link_texts(&found, span.range.clone()),
            }));
        }
        items.append(&mut link_items);
        Ok((items, lines.len() as f32 * line_height))
    }

    /// Sets `text` in every language: side by side in `columns`, or one after another.
    ///
    /// Side by side, the columns make one row: their first lines share one
    /// baseline, and the row ends as far below the em box of its lowest
    /// last line as it starts above the em box of its tallest first line.
    /// A row is so measured the same way whichever language runs longer
    /// (by each language's own line height, a row ending in English would
    /// end higher than one ending in Chinese, which has more leading), and
    /// the space between the type of two rows is the same everywhere.
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
        if side_by_side {
            return Ok(row(paragraphs));
        }
        for (mut lines, top, h) in paragraphs {
            items.append(&mut lines);
            height = height.max(top + h);
        }
        Ok((items, height))
    }
}

/// The paragraphs of one text, one per column, set as one row (see
/// [`Setter::multilingual`]): the items and the row's height.
fn row(paragraphs: Vec<(Vec<Item>, f32, f32)>) -> (Vec<Item>, f32) {
    let line_of = |item: &Item| match item {
        Item::Line(l) => Some((l.baseline, l.size)),
        _ => None,
    };
    let first = |lines: &[Item]| lines.iter().find_map(line_of);
    let common = paragraphs
        .iter()
        .filter_map(|(l, _, _)| first(l))
        .map(|(baseline, _)| baseline)
        .fold(0.0, f32::max);
    // The space above the em box of the tallest first line.
    let above = paragraphs
        .iter()
        .filter_map(|(l, _, _)| first(l))
        .map(|(_, size)| common - BASELINE_IN_EM * size)
        .fold(f32::MAX, f32::min);
    let mut items = Vec::new();
    let mut bottom: Option<f32> = None;
    for (mut lines, _, _) in paragraphs {
        let dy = first(&lines).map_or(0.0, |(baseline, _)| common - baseline);
        lines.iter_mut().for_each(|l| l.shift(0.0, dy));
        for (baseline, size) in lines.iter().filter_map(line_of) {
            let em_bottom = baseline + (1.0 - BASELINE_IN_EM) * size;
            bottom = Some(bottom.map_or(em_bottom, |b| b.max(em_bottom)));
        }
        items.append(&mut lines);
    }
    let height = bottom.map_or(0.0, |b| b + above);
    (items, height)
}

/// The spans of a text in `role`: on the wallet card, telephone numbers
/// are set in bold.
fn body_spans(body: &str, style: Style, role: Role) -> Vec<Span<'_>> {
    let plain = |text| Span {
        text,
        style,
        glue: false,
        url: role == Role::Url,
    };
    if role != Role::Card {
        return vec![plain(body)];
    }
    let byte = |c: usize| body.char_indices().nth(c).map_or(body.len(), |(b, _)| b);
    let bold = Style {
        weight: Weight::Bold,
        ..style
    };
    let mut spans = Vec::new();
    let mut at = 0;
    for r in links::numbers(body) {
        let (start, end) = (byte(r.start), byte(r.end));
        if start > at {
            spans.push(plain(&body[at..start]));
        }
        spans.push(Span {
            style: bold,
            ..plain(&body[start..end])
        });
        at = end;
    }
    if at < body.len() || spans.is_empty() {
        spans.push(plain(&body[at..]));
    }
    spans
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

/// Breaks measured text into lines `width` wide: titles and headings
/// balanced and never inside a name, other paragraphs kept from ending on
/// a lone character or word.
fn break_lines(
    glyphs: &[Glyph],
    spans: &[Span],
    own: usize,
    role: Role,
    width: f32,
    script: Script,
) -> Vec<LineSpan> {
    let breaks = opportunities(glyphs, spans, script);
    if role.balanced() {
        return balanced(glyphs, &breaks, script, width);
    }
    let justified = role.justified(script);
    let lines = fill(glyphs, &breaks, width, script, justified);
    if lines.len() < 2
        || role == Role::Url
        || ends_well(glyphs, &lines[lines.len() - 1], own, script)
    {
        return lines;
    }
    no_orphan(glyphs, &breaks, lines, width, (own, script), justified)
}

fn forced(lines: &[LineSpan]) -> usize {
    lines.iter().filter(|l| l.forced).count()
}

/// The narrowest setting that needs no more lines than the full measure,
/// breaking between the words of a name only when the name does not fit.
fn balanced(glyphs: &[Glyph], all: &[Break], script: Script, width: f32) -> Vec<LineSpan> {
    let kept = keep_names(glyphs, all, script);
    let loose = fill(glyphs, all, width, script, false);
    let named = fill(glyphs, &kept, width, script, false);
    let (breaks, lines) = if named.len() > loose.len() || forced(&named) > forced(&loose) {
        (all.to_vec(), loose)
    } else {
        (kept, named)
    };
    if lines.len() < 2 {
        return lines;
    }
    let (mut lo, mut hi) = (width / 2.0, width);
    for _ in 0..12 {
        let mid = (lo + hi) / 2.0;
        let trial = fill(glyphs, &breaks, mid, script, false);
        if trial.len() <= lines.len() && forced(&trial) <= forced(&lines) {
            hi = mid;
        } else {
            lo = mid;
        }
    }
    fill(glyphs, &breaks, hi, script, false)
}

/// The break opportunities of Latin text that are not inside a name: a
/// run of capitalised words (`United States`, `Example Engineering Co.,
/// Ltd.`), with `of`, `the`, `and` and `for` between capitalised words
/// (`People’s Republic of China`).
fn keep_names(glyphs: &[Glyph], breaks: &[Break], script: Script) -> Vec<Break> {
    if script.is_cjk() {
        return breaks.to_vec();
    }
    let text: Vec<char> = glyphs.iter().map(|g| g.ch).collect();
    let word_at = |i: usize| -> String {
        text[i..]
            .iter()
            .take_while(|c| !c.is_whitespace())
            .collect()
    };
    let word_before = |i: usize| -> Option<(String, usize)> {
        let end = text[..i].iter().rposition(|c| !c.is_whitespace())? + 1;
        let start = text[..end]
            .iter()
            .rposition(|c| c.is_whitespace())
            .map_or(0, |p| p + 1);
        Some((text[start..end].iter().collect(), start))
    };
    let capital = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    let joiner = |w: &str| matches!(w, "of" | "the" | "and" | "for" | "de");
    // Whether the name continues across the space before `i`.
    let inside = |i: usize| -> bool {
        let next = word_at(i);
        let Some((prev, prev_start)) = word_before(i) else {
            return false;
        };
        let starts_name = |w: &str, at: usize| {
            capital(w) || (joiner(w) && word_before(at).is_some_and(|(p, _)| capital(&p)))
        };
        (capital(&next) || joiner(&next)) && starts_name(&prev, prev_start) && {
            // A joiner must be followed by a capitalised word.
            !joiner(&next) || {
                let after = i + next.chars().count() + 1;
                after < text.len() && capital(&word_at(after))
            }
        }
    };
    breaks
        .iter()
        .copied()
        .filter(|b| b.mandatory || b.at == 0 || text[b.at - 1] != ' ' || !inside(b.at))
        .collect()
}

/// Moves the last break back, to the nearest place that leaves at least two
/// characters (Chinese) or two words (Latin) on the last line: the least
/// change to the paragraph. The line before becomes shorter; a justified
/// one is widened, so the move is only made when that stays under
/// [`MAX_STRETCH_EM`] between characters (Latin: when it keeps half the
/// measure).
fn no_orphan(
    glyphs: &[Glyph],
    breaks: &[Break],
    mut lines: Vec<LineSpan>,
    width: f32,
    (own, script): (usize, Script),
    justified: bool,
) -> Vec<LineSpan> {
    let n = lines.len();
    let (before, last) = (&lines[n - 2], &lines[n - 1]);
    if before.last || before.forced {
        return lines;
    }
    let (from, to) = (before.range.start, last.range.start);
    for b in breaks
        .iter()
        .rev()
        .filter(|b| b.at > from && b.at < to)
        .take(6)
    {
        let new_last = measure_line(glyphs, b.at, glyphs.len(), script);
        if new_last.width > width + 0.01 {
            break;
        }
        if !ends_well(glyphs, &new_last, own, script) {
            continue;
        }
        let new_before = measure_line(glyphs, from, b.at, script);
        let good = if justified {
            looseness(glyphs, new_before.range.clone(), new_before.width, width) <= MAX_STRETCH_EM
        } else {
            new_before.width >= 0.5 * width
        };
        if good {
            lines[n - 2] = new_before;
            lines[n - 1] = LineSpan {
                last: true,
                ..new_last
            };
            break;
        }
    }
    lines
}

/// Whether a last line holds at least two Han characters (Chinese) or
/// two words (Latin) of the text itself (its first `own` spans, not the
/// reference).
fn ends_well(glyphs: &[Glyph], last: &LineSpan, own: usize, script: Script) -> bool {
    let own = glyphs[last.range.clone()].iter().filter(|g| g.span < own);
    if script.is_cjk() {
        own.filter(|g| is_han(g.ch)).count() >= 2
    } else {
        own.filter(|g| g.ch == ' ').count() >= 1
    }
}

/// The runs of one line, starting at `x`, with `extra` space before each
/// glyph (justification), and each glyph's index, cell left edge and
/// advance (for link areas).
fn runs(
    glyphs: &[Glyph],
    span: &LineSpan,
    x: f32,
    extra: &[f32],
) -> (Vec<Run>, Vec<(usize, f32, f32)>) {
    let mut runs: Vec<Run> = Vec::new();
    let mut cell = x + span.shift;
    // Where the PDF's pen stands after the previous glyph.
    let mut pen = cell;
    let mut lefts = Vec::with_capacity(span.range.len());
    for (k, i) in span.range.clone().enumerate() {
        let g = &glyphs[i];
        if k > 0 {
            cell += g.gap_before + extra[k];
        }
        lefts.push((i, cell, g.advance));
        let draw = cell + g.offset;
        match runs.last_mut() {
            // One run, so the text copies out whole: compressed marks and
            // justification move the pen by kerning. The halves of a two-em
            // dash, drawn wider, make a run of their own.
            Some(run)
                if run.face == g.face
                    && run.size == g.style.size
                    && run.gray == g.style.gray
                    && run.scale == g.scale
                    && run.spacing == g.spacing
                    && g.gap_before == 0.0 =>
            {
                let pull = pen - draw;
                if pull.abs() > 0.001 {
                    run.kerns.push((run.text.chars().count(), pull));
                }
                run.text.push(g.ch);
            }
            _ => runs.push(Run {
                x: draw,
                face: g.face,
                size: g.style.size,
                gray: g.style.gray,
                text: g.ch.to_string(),
                kerns: Vec::new(),
                scale: g.scale,
                spacing: g.spacing,
            }),
        }
        pen = draw + (g.natural + g.spacing) * g.scale;
        cell += g.advance;
    }
    (runs, lefts)
}

/// A link area over each part of a phone number or address on a line.
/// The parts of `found` on the line of glyphs `line`, in the line's
/// character indexes (a glyph is one character).
fn link_texts(found: &[links::Found], line: Range<usize>) -> Vec<LinkText> {
    found
        .iter()
        .filter_map(|f| {
            let start = f.range.start.max(line.start);
            let end = f.range.end.min(line.end);
            (start < end).then(|| LinkText {
                chars: start - line.start..end - line.start,
                uri: f.uri.clone(),
            })
        })
        .collect()
}

fn link_areas(
    found: &[links::Found],
    lefts: &[(usize, f32, f32)],
    baseline: f32,
    size: f32,
    tap: f32,
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
            // At least `tap` high, centred on the em box.
            y: baseline - 0.325 * size - tap / 2.0,
            width: last.1 + last.2 - first.1,
            height: tap,
            uri: f.uri.clone(),
        });
    }
    out
}
