//! Layout: measures the localised document with the real font metrics,
//! breaks its paragraphs into lines and paginates them into positioned
//! boxes.
//!
//! The result, [`Layout`], is plain data in points with the origin at the
//! top left of each page: lines of text runs, tick boxes, rules, QR codes,
//! link areas and an outline. The PDF stage only draws it; tests read it
//! directly. Paragraphs set for one document are kept for the next (see
//! [`Cache`]), which changes nothing but the time.
//!
//! With two languages on a wide page the languages stand side by side, the
//! first in the left column; on a narrow page, or with one language, each
//! text is followed by its translation. Each [`Profile`] has its own page
//! design: print-friendly handouts with QR codes and a wallet card, phone
//! pages with large type and form checkboxes, packets with a cover and an
//! acknowledgement page.

mod blocks;
mod cache;
mod justify;
mod linebreak;
mod measure;
mod paginate;
pub mod qr;
mod setting;

pub use cache::Cache;
pub use linebreak::{forbidden_at_end, forbidden_at_start};
pub use measure::{LangFonts, Style};

pub use crate::profile::{PageSize, Profile, PHONE_PAGE};

use crate::compose::{Document, Text};
use crate::fonts::{FaceId, FontError, FontSet};
use paginate::{paginate, Area};
use setting::{Frame, Role, Setter};

/// What the layout needs besides the document.
#[derive(Debug, Clone)]
pub struct LayoutOptions {
    /// The paper.
    pub page: PageSize,
    /// Which design.
    pub profile: Profile,
    /// Fonts and script of each language of the document, in its order.
    pub langs: Vec<LangFonts>,
    /// Paragraphs set before with the same fonts, reused (see [`Cache`]).
    pub cache: std::sync::Arc<Cache>,
}

/// A laid-out document.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Layout {
    /// The pages, in order.
    pub pages: Vec<Page>,
    /// Outline entries (bookmarks), in order.
    pub outline: Vec<Bookmark>,
    /// Whether the first page is a cover, which gets no page number.
    pub cover: bool,
}

/// An outline entry.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Bookmark {
    /// Its title.
    pub title: String,
    /// The page it points to, from 0.
    pub page: usize,
    /// The top of what it points to, from the top of the page.
    pub y: f32,
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
        /// Name of the form checkbox drawn here, when it is one (phone).
        field: Option<String>,
        /// The item it ticks.
        tag: Tag,
    },
    /// A form text field over a write-in line (acknowledgement page,
    /// profiles with forms): drawn by the viewer, not in the page content.
    TextField {
        /// Left edge.
        x: f32,
        /// Top edge.
        y: f32,
        /// Width.
        width: f32,
        /// Height.
        height: f32,
        /// The field's name.
        name: String,
        /// The part it belongs to.
        tag: Tag,
    },
    /// A small filled square marking a list entry.
    Bullet {
        /// Left edge.
        x: f32,
        /// Top edge.
        y: f32,
        /// Side length.
        size: f32,
    },
    /// A dashed rectangle to cut along.
    CutLine {
        /// Left edge.
        x: f32,
        /// Top edge.
        y: f32,
        /// Width.
        width: f32,
        /// Height.
        height: f32,
    },
    /// A QR code, `size` wide without its quiet zone.
    Qr {
        /// Left edge.
        x: f32,
        /// Top edge.
        y: f32,
        /// Side length.
        size: f32,
        /// What it encodes: exactly the address printed beside it.
        text: String,
        /// Modules per side.
        modules: usize,
        /// Dark modules, row by row.
        dark: Vec<bool>,
        /// The text whose address it encodes.
        tag: Tag,
    },
    /// A tappable area opening `uri`.
    Link {
        /// Left edge.
        x: f32,
        /// Top edge.
        y: f32,
        /// Width.
        width: f32,
        /// Height.
        height: f32,
        /// `tel:` or `https:` target.
        uri: String,
        /// The text it lies over.
        tag: Tag,
    },
    /// The organisation's logo.
    Image {
        /// Left edge.
        x: f32,
        /// Top edge.
        y: f32,
        /// Width.
        width: f32,
        /// Height.
        height: f32,
        /// The pixels, shared with the document.
        image: std::sync::Arc<crate::model::image::Image>,
        /// What it shows, for readers who cannot see it (the PDF's
        /// alternative text).
        alt: String,
        /// The part it belongs to.
        tag: Tag,
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

/// What a drawn item belongs to, so a reader of the layout (the PDF's
/// structure tree, a test) can group lines into paragraphs and paragraphs
/// into headings, lists and list items.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize)]
pub struct Tag {
    /// The kind of part.
    pub part: Part,
    /// The index of the part in the document, counted in print order: every
    /// item of one part, in every language, has the same index.
    pub block: usize,
}

/// The kinds of part of a laid-out document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize)]
pub enum Part {
    /// The checklist's (or the cover's) title.
    Title,
    /// Running text: audience, introduction, dates, cover and
    /// acknowledgement fields.
    #[default]
    Paragraph,
    /// A section heading.
    Heading,
    /// A checklist item, with its tick box.
    Item,
    /// An entry of a list without tick boxes: a channel row, a contact, a
    /// source.
    Entry,
    /// The cut-out wallet card.
    Card,
    /// A page footer (page numbers): not part of the content.
    Footer,
}

impl Item {
    /// Sets the part that the item belongs to (items drawn for their looks
    /// only, such as rules, carry none).
    fn set_tag(&mut self, new: Tag) {
        match self {
            Item::Line(Line { tag, .. })
            | Item::TickBox { tag, .. }
            | Item::TextField { tag, .. }
            | Item::Qr { tag, .. }
            | Item::Link { tag, .. }
            | Item::Image { tag, .. } => *tag = new,
            _ => {}
        }
    }

    /// Top and bottom of the item relative to its `y` origin.
    fn vertical_extent(&self) -> (f32, f32) {
        match self {
            Item::Line(l) => (l.baseline - l.size, l.baseline + 0.3 * l.size),
            Item::TickBox { y, size, .. }
            | Item::Qr { y, size, .. }
            | Item::Bullet { y, size, .. } => (*y, y + size),
            Item::Rule { y, .. } => (*y, *y),
            Item::CutLine { y, height, .. }
            | Item::TextField { y, height, .. }
            | Item::Link { y, height, .. }
            | Item::Image { y, height, .. } => (*y, y + height),
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
            Item::TickBox { x, y, .. }
            | Item::TextField { x, y, .. }
            | Item::Bullet { x, y, .. }
            | Item::Rule { x, y, .. }
            | Item::CutLine { x, y, .. }
            | Item::Qr { x, y, .. }
            | Item::Link { x, y, .. }
            | Item::Image { x, y, .. } => {
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
    /// The part of the document it belongs to.
    pub tag: Tag,
    /// Runs of one face and style.
    pub runs: Vec<Run>,
    /// The phone numbers and web addresses on the line, in order; each has
    /// a link area (an [`Item::Link`] with the same URI) over it.
    pub links: Vec<LinkText>,
}

/// A linked phone number or web address on a line (or its part there).
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct LinkText {
    /// The characters it covers, as indexes into the line's text.
    pub chars: std::ops::Range<usize>,
    /// The link's target.
    pub uri: String,
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
    /// Pull-backs inside the run: before the character at index `.0`
    /// (counted in characters), the pen moves left by `.1` points (the blank
    /// half of a compressed punctuation mark).
    pub kerns: Vec<(usize, f32)>,
    /// Horizontal scale of the glyphs and their advances, 1 as designed
    /// (the two halves of a two-em dash are drawn wider, in a run of their
    /// own).
    pub scale: f32,
    /// Points added to each glyph's advance before it is scaled (PDF
    /// character spacing).
    pub spacing: f32,
}

/// Lays out `doc` on pages, without footers: the page count is known only
/// at the end, so the footers' text is made afterwards and added with
/// [`add_footers`].
pub fn layout(
    doc: &Document,
    fonts: &FontSet,
    options: &LayoutOptions,
) -> Result<Layout, FontError> {
    let set = setter(fonts, options);
    let (page_width, page_height) = options.page.points();
    let geo = blocks::Geometry::new(&set.design, page_width, options.langs.len(), set.measure());
    let mut blocks = blocks::build(doc, &set, &geo)?;
    for (block, b) in blocks.iter_mut().enumerate() {
        for item in &mut b.items {
            item.set_tag(Tag {
                part: b.part,
                block,
            });
        }
    }
    let fitted = options.profile.spec().fitted_pages;
    let area = Area {
        page_width,
        page_height,
        top: set.design.margin_top,
        bottom: if fitted {
            f32::MAX
        } else {
            page_height - set.design.margin_bottom
        },
    };
    let bookmarks: Vec<Option<String>> = blocks.iter().map(|b| b.bookmark.clone()).collect();
    let (mut pages, starts) = paginate(blocks, area);
    if fitted {
        // Each page as tall as what it holds (and no shorter than a screen's width).
        for page in &mut pages {
            let bottom = page
                .items
                .iter()
                .map(|i| i.vertical_extent().1)
                .fold(0.0, f32::max);
            page.height = (bottom + set.design.margin_bottom).max(page_width);
        }
    }
    let outline = bookmarks
        .into_iter()
        .zip(&starts)
        .filter_map(|(b, &(page, y))| b.map(|title| Bookmark { title, page, y }))
        .collect();
    Ok(Layout {
        pages,
        outline,
        cover: doc.packet.is_some(),
    })
}

fn setter<'a>(fonts: &'a FontSet, options: &'a LayoutOptions) -> Setter<'a> {
    Setter {
        metrics: fonts.metrics(),
        langs: &options.langs,
        profile: options.profile,
        design: options.profile.spec().design,
        cache: &options.cache,
    }
}

/// Adds a footer to every page but a cover: a rule and `footers[n]` (the
/// page's label in every language, side by side) on page `n`.
pub fn add_footers(
    layout: &mut Layout,
    footers: &[Text],
    fonts: &FontSet,
    options: &LayoutOptions,
) -> Result<(), FontError> {
    let set = setter(fonts, options);
    let (page_width, _) = options.page.points();
    let geo = blocks::Geometry::new(&set.design, page_width, options.langs.len(), set.measure());
    let skip = usize::from(layout.cover);
    for (page, label) in layout.pages.iter_mut().zip(footers).skip(skip) {
        let baseline = page.height - set.design.footer_baseline;
        page.items.push(Item::Rule {
            x: geo.margin_x,
            y: baseline - 12.0,
            width: geo.content,
            thickness: 0.4,
        });
        let mut x = geo.margin_x;
        for lang in 0..options.langs.len() {
            let frame = Frame {
                x,
                y: 0.0,
                width: geo.content,
            };
            let (mut items, _) = set.paragraph(label, lang, Role::Small, None, frame)?;
            let mut width: f32 = 0.0;
            for item in &mut items {
                item.set_tag(Tag {
                    part: Part::Footer,
                    block: 0,
                });
                if let Item::Line(line) = item {
                    width = width.max(line.width);
                    let dy = baseline - line.baseline;
                    item.shift(0.0, dy);
                }
            }
            x += width + 12.0;
            page.items.append(&mut items);
        }
    }
    Ok(())
}
