//! Layout: measures the localised document with the real font metrics,
//! breaks its paragraphs into lines and paginates them into positioned
//! boxes.
//!
//! The result, [`Layout`], is plain data in points with the origin at the
//! top left of each page: lines of text runs, tick boxes and rules. The PDF
//! stage only draws it; tests read it directly.
//!
//! With two languages on a wide page the languages stand side by side, the
//! first in the left column; on a narrow page, or with one language, each
//! text is followed by its translation.

mod linebreak;
mod measure;
mod paginate;

pub use linebreak::{forbidden_at_end, forbidden_at_start};
pub use measure::{LangFonts, Style};

use crate::document::{Document, Text};
use crate::fonts::{FaceId, FontError, FontSet, Metrics, Weight};
use crate::l10n::Script;
use linebreak::{fill, opportunities};
use measure::is_closing_punct;
use measure::{measure, Span};
use paginate::{paginate, Area, Block};

/// Paper sizes.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum PageSize {
    /// ISO A4, 210 × 297 mm.
    A4,
    /// US Letter, 8.5 × 11 in.
    Letter,
    /// Any size, in points.
    Custom {
        /// Width in points.
        width: f32,
        /// Height in points.
        height: f32,
    },
}

impl PageSize {
    /// Width and height in points.
    pub fn points(self) -> (f32, f32) {
        match self {
            PageSize::A4 => (595.2756, 841.8898),
            PageSize::Letter => (612.0, 792.0),
            PageSize::Custom { width, height } => (width, height),
        }
    }
}

/// What the layout needs besides the document.
#[derive(Debug, Clone)]
pub struct LayoutOptions {
    /// The paper.
    pub page: PageSize,
    /// Fonts and script of each language of the document, in its order.
    pub langs: Vec<LangFonts>,
}

/// A laid-out document.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Layout {
    /// The pages, in order.
    pub pages: Vec<Page>,
}

/// One page.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Page {
    /// Width in points.
    pub width: f32,
    /// Height in points.
    pub height: f32,
    /// What is drawn on it.
    pub items: Vec<Item>,
}

/// Something drawn on a page. Coordinates are points from the top left.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub enum Item {
    /// A line of text.
    Line(Line),
    /// An empty square to tick, `size` wide, top left at (`x`, `y`).
    TickBox {
        /// Left edge.
        x: f32,
        /// Top edge.
        y: f32,
        /// Side length.
        size: f32,
    },
    /// A horizontal rule.
    Rule {
        /// Left end.
        x: f32,
        /// Vertical position.
        y: f32,
        /// Length.
        width: f32,
        /// Stroke thickness.
        thickness: f32,
    },
}

impl Item {
    /// Top and bottom of the item relative to its `y` origin.
    fn vertical_extent(&self) -> (f32, f32) {
        match self {
            Item::Line(l) => (l.baseline - l.size, l.baseline + 0.3 * l.size),
            Item::TickBox { y, size, .. } => (*y, y + size),
            Item::Rule { y, .. } => (*y, *y),
        }
    }

    fn shift(&mut self, dx: f32, dy: f32) {
        match self {
            Item::Line(l) => {
                l.x += dx;
                l.baseline += dy;
                for r in &mut l.runs {
                    r.x += dx;
                }
            }
            Item::TickBox { x, y, .. } | Item::Rule { x, y, .. } => {
                *x += dx;
                *y += dy;
            }
        }
    }
}

/// A line of text.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Line {
    /// Left edge of the line box.
    pub x: f32,
    /// Baseline.
    pub baseline: f32,
    /// Set width of the text.
    pub width: f32,
    /// Largest font size on the line.
    pub size: f32,
    /// Index of the document language it is in.
    pub lang: usize,
    /// The message the text comes from.
    pub id: String,
    /// Runs of one face and style.
    pub runs: Vec<Run>,
}

impl Line {
    /// The line's text, as a reader would copy it.
    pub fn text(&self) -> String {
        self.runs.iter().map(|r| r.text.as_str()).collect()
    }
}

/// Text in one face and style, drawn from `x` on the line's baseline.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Run {
    /// Left edge of the first glyph.
    pub x: f32,
    /// The face.
    pub face: FaceId,
    /// Font size.
    pub size: f32,
    /// Gray level, 0 = black.
    pub gray: f32,
    /// The characters.
    pub text: String,
}

/// Sizes and spacing of a page design.
struct Design {
    margin_x: f32,
    margin_top: f32,
    margin_bottom: f32,
    /// Distance from the page bottom to the footer baseline.
    footer_baseline: f32,
    gutter: f32,
    indent: f32,
    /// Widest measure of a single column of text.
    single_measure: f32,
}

const DESIGN: Design = Design {
    margin_x: 46.0,
    margin_top: 44.0,
    margin_bottom: 54.0,
    footer_baseline: 30.0,
    gutter: 16.0,
    indent: 16.0,
    single_measure: 440.0,
};

/// The one grey of secondary text (subtitles, references, sources, footers).
const GRAY: f32 = 0.3;

/// Text roles and their styles per script.
#[derive(Clone, Copy)]
enum Role {
    Title,
    Subtitle,
    Body,
    Heading,
    Small,
    Reference,
    Url,
}

impl Role {
    fn style(self, script: Script) -> (Style, f32) {
        let cjk = script.is_cjk();
        let (size, weight, gray) = match (self, cjk) {
            (Role::Title, true) => (18.0, Weight::Bold, 0.0),
            (Role::Title, false) => (15.5, Weight::Bold, 0.0),
            (Role::Subtitle, _) => (9.5, Weight::Regular, GRAY),
            (Role::Body, true) => (10.0, Weight::Regular, 0.0),
            (Role::Body, false) => (9.2, Weight::Regular, 0.0),
            (Role::Heading, true) => (12.5, Weight::Bold, 0.0),
            (Role::Heading, false) => (11.5, Weight::Bold, 0.0),
            (Role::Small, true) => (8.0, Weight::Regular, GRAY),
            (Role::Small | Role::Url, _) => (7.8, Weight::Regular, GRAY),
            (Role::Reference, _) => (7.0, Weight::Regular, GRAY),
        };
        // Line pitch in ems: CJK text needs more room than Latin.
        let pitch = match (self, cjk) {
            (Role::Title, true) => 1.4,
            (Role::Title, false) => 1.2,
            (_, true) => 1.6,
            (_, false) => 1.36,
        };
        (Style { size, weight, gray }, pitch)
    }
}

/// Where a paragraph goes: its left edge, top and width.
#[derive(Clone, Copy)]
struct Frame {
    x: f32,
    y: f32,
    width: f32,
}

struct Ctx<'a> {
    metrics: Vec<Metrics<'a>>,
    langs: &'a [LangFonts],
}

impl Ctx<'_> {
    /// Sets one language's text (plus an optional glued reference) in the
    /// column `at`; returns the lines and the height.
    fn paragraph(
        &self,
        text: &Text,
        lang: usize,
        role: Role,
        reference: Option<&Text>,
        at: Frame,
    ) -> Result<(Vec<Item>, f32), FontError> {
        let Frame { x, y, width } = at;
        let script = self.langs[lang].script;
        let (style, pitch) = role.style(script);
        let body = &text.text[lang];
        let mut spans = vec![Span {
            text: body,
            style,
            glue: false,
            url: matches!(role, Role::Url),
        }];
        let ref_text;
        if let Some(r) = reference {
            // A full-width stop already leaves room before the reference.
            let ends_with_mark = body
                .chars()
                .last()
                .is_some_and(|c| script.is_cjk() && is_closing_punct(c));
            ref_text = format!(
                "{}{}",
                if ends_with_mark { "" } else { "\u{A0}" },
                r.text[lang]
            );
            spans.push(Span {
                text: &ref_text,
                style: Role::Reference.style(script).0,
                glue: true,
                url: false,
            });
        }
        let glyphs = measure(&spans, &self.langs[lang], &self.metrics, &text.id)?;
        let breaks = opportunities(&glyphs, &spans, script);
        let mut lines = fill(&glyphs, &breaks, width, script);
        if matches!(role, Role::Title) && lines.len() > 1 {
            // Balance a title's lines: the narrowest measure that needs no more lines.
            let (mut lo, mut hi) = (width / 2.0, width);
            for _ in 0..12 {
                let mid = (lo + hi) / 2.0;
                if fill(&glyphs, &breaks, mid, script).len() <= lines.len() {
                    hi = mid;
                } else {
                    lo = mid;
                }
            }
            lines = fill(&glyphs, &breaks, hi, script);
        } else if lines.len() > 1 {
            // Avoid an orphan: a last line with a single Han character, or a single word.
            let enough = |ls: &[linebreak::LineSpan]| {
                let last = ls.last().expect("not empty");
                let own = glyphs[last.range.clone()].iter().filter(|g| g.span == 0);
                if script.is_cjk() {
                    own.filter(|g| measure::is_han(g.ch)).count() >= 2
                } else {
                    own.filter(|g| g.ch == ' ').count() >= 1
                }
            };
            if !enough(&lines) {
                for k in 1..=6 {
                    let narrower = fill(&glyphs, &breaks, width - k as f32 * style.size, script);
                    if narrower.len() > lines.len() {
                        break;
                    }
                    if enough(&narrower) {
                        lines = narrower;
                        break;
                    }
                }
            }
        }
        let line_height = pitch * style.size;
        let mut items = Vec::new();
        for (n, span) in lines.iter().enumerate() {
            // The em box sits centred in the line's height.
            let baseline =
                y + n as f32 * line_height + (line_height - style.size) / 2.0 + 0.88 * style.size;
            let mut runs: Vec<Run> = Vec::new();
            let mut pen = x + span.shift;
            let mut prev_adjusted = true;
            for i in span.range.clone() {
                let g = &glyphs[i];
                if i > span.range.start {
                    pen += g.gap_before;
                }
                let same = runs.last().is_some_and(|r| {
                    r.face == g.face && r.size == g.style.size && r.gray == g.style.gray
                });
                if same && !prev_adjusted && g.gap_before == 0.0 {
                    runs.last_mut().expect("checked").text.push(g.ch);
                } else {
                    runs.push(Run {
                        x: pen,
                        face: g.face,
                        size: g.style.size,
                        gray: g.style.gray,
                        text: g.ch.to_string(),
                    });
                }
                prev_adjusted = g.advance != g.natural;
                pen += g.advance;
            }
            items.push(Item::Line(Line {
                x,
                baseline,
                width: span.width,
                size: style.size,
                lang,
                id: text.id.clone(),
                runs,
            }));
        }
        Ok((items, lines.len() as f32 * line_height))
    }

    /// Sets `text` in every language: side by side in `columns`, or one after another.
    fn multilingual(
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
            y += h;
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

/// Lays out `doc` on pages. `footer(page, total)` gives each page's label.
pub fn layout(
    doc: &Document,
    fonts: &FontSet,
    options: &LayoutOptions,
    footer: &dyn Fn(usize, usize) -> Text,
) -> Result<Layout, FontError> {
    let ctx = Ctx {
        metrics: fonts.metrics(),
        langs: &options.langs,
    };
    let d = DESIGN;
    let (page_width, page_height) = options.page.points();
    let content = page_width - 2.0 * d.margin_x;
    // Side by side only where each column still holds a comfortable line.
    let two_columns = options.langs.len() > 1 && content >= 400.0;
    // One column of text is kept to a readable measure.
    let (margin_x, content) = if two_columns || content <= d.single_measure {
        (d.margin_x, content)
    } else {
        ((page_width - d.single_measure) / 2.0, d.single_measure)
    };
    let full: Vec<(f32, f32)> = if two_columns {
        let col = (content - d.gutter) / 2.0;
        vec![(margin_x, col), (margin_x + col + d.gutter, col)]
    } else {
        vec![(margin_x, content)]
    };
    // Items: the tick box takes the indent of the first column only.
    let mut item_cols = full.clone();
    item_cols[0] = (margin_x + d.indent, full[0].1 - d.indent);
    let mut blocks = Vec::new();
    let simple =
        |text: &Text, role: Role, space_before: f32, keep: bool| -> Result<Block, FontError> {
            let (items, height) = ctx.multilingual(text, role, None, &full)?;
            Ok(Block {
                height,
                space_before,
                keep_with_next: keep,
                items,
            })
        };

    blocks.push(simple(&doc.title, Role::Title, 0.0, true)?);
    blocks.push(simple(&doc.audience, Role::Subtitle, 4.0, true)?);
    if let Some(edition) = &doc.edition {
        blocks.push(simple(edition, Role::Subtitle, 1.0, true)?);
    }
    let mut intro = simple(&doc.intro, Role::Body, 8.0, false)?;
    intro.items.push(Item::Rule {
        x: margin_x,
        y: intro.height + 6.0,
        width: content,
        thickness: 0.8,
    });
    intro.height += 6.0;
    blocks.push(intro);

    for section in &doc.sections {
        let mut heading = simple(&section.heading, Role::Heading, 10.0, true)?;
        heading.items.push(Item::Rule {
            x: margin_x,
            y: heading.height + 1.0,
            width: content,
            thickness: 0.4,
        });
        heading.height += 4.0;
        blocks.push(heading);
        for item in &section.items {
            let (mut items, height) =
                ctx.multilingual(&item.text, Role::Body, Some(&item.reference), &item_cols)?;
            // The box stands on the first line's baseline, about as tall as a capital,
            // its stroke flush with the margin.
            let (style, pitch) = Role::Body.style(options.langs[0].script);
            let size = 0.78 * style.size;
            let baseline = (pitch * style.size - style.size) / 2.0 + 0.88 * style.size;
            items.push(Item::TickBox {
                x: margin_x + 0.35,
                y: baseline - size + 0.5,
                size,
            });
            blocks.push(Block {
                height,
                space_before: 2.0,
                keep_with_next: false,
                items,
            });
        }
    }

    blocks.push(simple(&doc.sources_heading, Role::Heading, 14.0, true)?);
    // The date the content was checked introduces the list it was checked against.
    blocks.push(simple(&doc.as_of, Role::Small, 1.0, true)?);
    let number_width = 14.0;
    for (n, source) in doc.sources.iter().enumerate() {
        // Each column: the number, then the entry and its address beside it.
        let mut items = Vec::new();
        let mut height: f32 = 0.0;
        let stacked = full.len() == 1;
        let mut y = 0.0;
        for lang in 0..options.langs.len() {
            let (x, width) = full[lang.min(full.len() - 1)];
            let top = if stacked { y } else { 0.0 };
            let number = Text {
                id: source.entry.id.clone(),
                text: vec![format!("{}.", source.number); doc.langs.len()],
            };
            let frame = |y: f32, w: f32| Frame {
                x: x + number_width,
                y,
                width: w,
            };
            let (mut lines, mut h) = ctx.paragraph(
                &source.entry,
                lang,
                Role::Small,
                None,
                frame(top, width - number_width),
            )?;
            if !stacked || lang == 0 {
                items.extend(
                    ctx.paragraph(
                        &number,
                        lang,
                        Role::Small,
                        None,
                        Frame {
                            x,
                            y: top,
                            width: number_width,
                        },
                    )?
                    .0,
                );
            }
            if let Some(url) = &source.url {
                let url_text = Text {
                    id: source.entry.id.clone(),
                    text: vec![url.clone(); doc.langs.len()],
                };
                let (mut more, extra) = ctx.paragraph(
                    &url_text,
                    lang,
                    Role::Url,
                    None,
                    frame(top + h, width - number_width),
                )?;
                lines.append(&mut more);
                h += extra;
            }
            items.append(&mut lines);
            y += h;
            height = height.max(top + h);
        }
        // The last two entries share a page, so none stands alone.
        let keep = n + 2 == doc.sources.len();
        blocks.push(Block {
            height,
            space_before: 1.5,
            keep_with_next: keep,
            items,
        });
    }

    let area = Area {
        page_width,
        page_height,
        top: d.margin_top,
        bottom: page_height - d.margin_bottom,
    };
    let mut pages = paginate(blocks, area);
    let total = pages.len();
    for (n, page) in pages.iter_mut().enumerate() {
        let label = footer(n + 1, total);
        page.items.push(Item::Rule {
            x: margin_x,
            y: page_height - d.footer_baseline - 12.0,
            width: content,
            thickness: 0.4,
        });
        let mut x = margin_x;
        for lang in 0..options.langs.len() {
            let (mut items, _) = ctx.paragraph(
                &label,
                lang,
                Role::Small,
                None,
                Frame {
                    x,
                    y: 0.0,
                    width: content,
                },
            )?;
            for item in &mut items {
                let dy = match item {
                    Item::Line(line) => page_height - d.footer_baseline - line.baseline,
                    _ => 0.0,
                };
                item.shift(0.0, dy);
            }
            let width: f32 = items
                .iter()
                .map(|i| if let Item::Line(l) = i { l.width } else { 0.0 })
                .fold(0.0, f32::max);
            x += width + 12.0;
            page.items.append(&mut items);
        }
    }
    Ok(Layout { pages })
}
