//! Layout: measures the localised document with the real font metrics,
//! breaks its paragraphs into lines and paginates them into positioned
//! boxes.
//!
//! The result, [`Layout`], is plain data in points with the origin at the
//! top left of each page: lines of text runs, tick boxes, rules, QR codes,
//! link areas and an outline. The PDF stage only draws it; tests read it
//! directly.
//!
//! With two languages on a wide page the languages stand side by side, the
//! first in the left column; on a narrow page, or with one language, each
//! text is followed by its translation. Each [`Profile`] has its own page
//! design: print-friendly handouts with QR codes and a wallet card, phone
//! pages with large type and form checkboxes, packets with a cover and an
//! acknowledgement page.

mod blocks;
mod linebreak;
pub mod links;
mod measure;
mod paginate;
pub mod qr;
mod setting;

pub use linebreak::{forbidden_at_end, forbidden_at_start};
pub use measure::{LangFonts, Style};

use crate::document::{Document, Text};
use crate::fonts::{FaceId, FontError, FontSet};
use paginate::{paginate, Area};
use setting::{Design, Frame, Role, Setter};

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

/// The three uses of a checklist, each with its own page design.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub enum Profile {
    /// Printed handout: A4 or Letter, print-friendly, QR codes, wallet card.
    Handout,
    /// Phone PDF: narrow pages, large type, tap-to-dial links, form checkboxes.
    Phone,
    /// Employer onboarding packet: cover, organisation items and contacts,
    /// acknowledgement page.
    Packet,
}

/// The phone page: 90 × 160 mm.
pub const PHONE_PAGE: PageSize = PageSize::Custom {
    width: 255.118,
    height: 453.543,
};

/// What the layout needs besides the document.
#[derive(Debug, Clone)]
pub struct LayoutOptions {
    /// The paper.
    pub page: PageSize,
    /// Which design.
    pub profile: Profile,
    /// Fonts and script of each language of the document, in its order.
    pub langs: Vec<LangFonts>,
}

/// A laid-out document.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Layout {
    /// The pages, in order.
    pub pages: Vec<Page>,
    /// Outline entries (bookmarks), in order.
    pub outline: Vec<Bookmark>,
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
            Item::TickBox { y, size, .. }
            | Item::Qr { y, size, .. }
            | Item::Bullet { y, size, .. } => (*y, y + size),
            Item::Rule { y, .. } => (*y, *y),
            Item::CutLine { y, height, .. }
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
    /// Pull-backs inside the run: before the character at index `.0`
    /// (counted in characters), the pen moves left by `.1` points (the blank
    /// half of a compressed punctuation mark).
    pub kerns: Vec<(usize, f32)>,
}

/// Lays out `doc` on pages. `footer(page, total)` gives each page's label.
pub fn layout(
    doc: &Document,
    fonts: &FontSet,
    options: &LayoutOptions,
    footer: &dyn Fn(usize, usize) -> Text,
) -> Result<Layout, FontError> {
    let design = Design::of(options.profile);
    let set = Setter {
        metrics: fonts.metrics(),
        langs: &options.langs,
        design,
    };
    let (page_width, page_height) = options.page.points();
    let geo = blocks::Geometry::new(&design, page_width, options.langs.len());
    let blocks = blocks::build(doc, &set, &geo)?;
    let area = Area {
        page_width,
        page_height,
        top: design.margin_top,
        bottom: page_height - design.margin_bottom,
    };
    let (mut pages, starts) = paginate(&blocks, area);
    let outline = blocks
        .iter()
        .zip(&starts)
        .filter_map(|(b, &(page, y))| b.bookmark.clone().map(|title| Bookmark { title, page, y }))
        .collect();
    let total = pages.len();
    for (n, page) in pages.iter_mut().enumerate() {
        let label = footer(n + 1, total);
        page.items.push(Item::Rule {
            x: geo.margin_x,
            y: page_height - design.footer_baseline - 12.0,
            width: geo.content,
            thickness: 0.4,
        });
        let mut x = geo.margin_x;
        for lang in 0..options.langs.len() {
            let (mut items, _) = set.paragraph(
                &label,
                lang,
                Role::Small,
                None,
                Frame {
                    x,
                    y: 0.0,
                    width: geo.content,
                },
            )?;
            for item in &mut items {
                let dy = match item {
                    Item::Line(line) => page_height - design.footer_baseline - line.baseline,
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
    Ok(Layout { pages, outline })
}
