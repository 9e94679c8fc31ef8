//! Blocks: the document's parts in print order. Title, sections of items
//! and the sources list for every profile; the cut-out wallet card on a
//! handout; the organisation's name, logo and contacts when the document is
//! made for one; the cover in a packet; the acknowledgement page in a
//! packet and where asked for.

use super::paginate::Block;
use super::qr;
use super::setting::{Frame, Role, Setter, BASELINE_IN_EM};
use super::{Item, Part, Tag};
use crate::compose::{Acknowledgement, Document, Item as DocItem, OrgPart, Text};
use crate::fonts::FontError;
use crate::profile::Design;
use crate::text::links;

/// Wallet card, ISO/IEC 7810 ID-1: 85.6 × 54 mm.
pub(crate) const CARD: (f32, f32) = (242.65, 153.07);

/// Where the text goes across the page.
pub(crate) struct Geometry {
    /// Left edge of the text area.
    pub margin_x: f32,
    /// Width of the text area.
    pub content: f32,
    /// Columns for text spanning the page: one, or one per language.
    pub full: Vec<(f32, f32)>,
    /// Columns for items: the first one leaves room for the tick box.
    pub items: Vec<(f32, f32)>,
    /// Whether QR codes stand in the right margin, beside a single column
    /// kept to a readable measure, rather than inside the column.
    pub qr_outside: bool,
    /// Left edge and width of the paper inside the page margins (for the
    /// wallet card, which has its own sheet).
    pub paper: (f32, f32),
}

impl Geometry {
    /// The columns of a page `page_width` wide for `langs` languages, a
    /// single column of text being at most `measure` wide (besides the
    /// tick box's indent).
    pub(crate) fn new(design: &Design, page_width: f32, langs: usize, measure: f32) -> Geometry {
        let paper = page_width - 2.0 * design.margin_x;
        // Two languages side by side where each column still holds a
        // comfortable line; more languages follow each other.
        let two_columns = langs == 2 && paper >= 400.0;
        let column = design.indent + measure;
        let (margin_x, content) = if two_columns || paper <= column {
            (design.margin_x, paper)
        } else {
            ((page_width - column) / 2.0, column)
        };
        let full = if two_columns {
            let col = (content - design.gutter) / 2.0;
            vec![(margin_x, col), (margin_x + col + design.gutter, col)]
        } else {
            vec![(margin_x, content)]
        };
        let mut items = full.clone();
        items[0] = (margin_x + design.indent, full[0].1 - design.indent);
        Geometry {
            margin_x,
            content,
            full,
            items,
            qr_outside: design.qr > 0.0 && margin_x - design.margin_x >= design.qr + 10.0,
            paper: (design.margin_x, paper),
        }
    }

    /// Left edge of a QR code beside the text.
    pub(crate) fn qr_x(&self, qr: f32) -> f32 {
        if self.qr_outside {
            self.margin_x + self.content + 10.0
        } else {
            self.margin_x + self.content - qr
        }
    }
}

/// The blocks of `doc`.
pub(crate) fn build(doc: &Document, set: &Setter, geo: &Geometry) -> Result<Vec<Block>, FontError> {
    let parts = Parts { set, geo };
    let mut blocks = Vec::new();
    if doc.packet.is_some() {
        cover(doc, set, geo, &mut blocks)?;
    }
    let spec = set.profile.spec();
    parts.front_matter(doc, &mut blocks)?;
    // On a screen each section starts a page of its own height.
    let page_per_section = spec.fitted_pages;
    for section in &doc.sections {
        let mut heading = parts.heading(&section.heading, 10.0)?;
        heading.break_before = page_per_section;
        blocks.push(heading);
        for item in &section.items {
            blocks.push(item_row(item, set, geo)?);
        }
    }
    if let Some(channels) = &doc.channels {
        let mut heading = parts.heading(&channels.heading, 10.0)?;
        heading.break_before = page_per_section;
        blocks.push(heading);
        for row in &channels.items {
            blocks.push(parts.channel_row(row)?);
        }
    }
    if let Some(org) = doc.org.as_ref().filter(|o| !o.contacts.is_empty()) {
        blocks.push(parts.heading(&org.contacts_heading, 10.0)?);
        for contact in &org.contacts {
            let (items, height) = with_qr_codes(contact, None, set, geo, 2.0)?;
            blocks.push(Block {
                height,
                space_before: 2.0,
                items,
                part: Part::Entry,
                ..Block::default()
            });
        }
    }
    let mut sources = parts.heading(&doc.sources_heading, 14.0)?;
    sources.bookmark = None;
    sources.break_before = page_per_section;
    blocks.push(sources);
    // The date the content was checked introduces the list it was checked against.
    blocks.push(parts.simple(&doc.as_of, Role::Small, 1.0, true)?);
    sources_list(doc, set, geo, &mut blocks)?;
    if let Some(ack) = &doc.acknowledgement {
        acknowledgement(ack, set, geo, &mut blocks)?;
    }
    // The card comes last, on a sheet of its own, where a bank-card-sized
    // panel fits across the paper.
    if let Some(card) = doc
        .card
        .as_ref()
        .filter(|_| !spec.contacts_first && geo.paper.1 >= CARD.0)
    {
        blocks.push(wallet_card(card, set, geo)?);
    }
    Ok(blocks)
}

/// Builds the blocks that span the page.
struct Parts<'a> {
    set: &'a Setter<'a>,
    geo: &'a Geometry,
}

impl Parts<'_> {
    /// `text` in every language across the page, in `role`.
    fn simple(
        &self,
        text: &Text,
        role: Role,
        space_before: f32,
        keep: bool,
    ) -> Result<Block, FontError> {
        let (items, height) = self.set.multilingual(text, role, None, &self.geo.full)?;
        Ok(Block {
            height,
            space_before,
            keep_with_next: keep,
            items,
            ..Block::default()
        })
    }

    /// A section heading over a rule, with its outline entry.
    fn heading(&self, text: &Text, space_before: f32) -> Result<Block, FontError> {
        let mut block = self.simple(text, Role::Heading, space_before, true)?;
        block.items.push(Item::Rule {
            x: self.geo.margin_x,
            y: block.height + 1.0,
            width: self.geo.content,
            thickness: 0.4,
        });
        block.height += 4.0;
        block.bookmark = Some(text.text.join(" / "));
        block.part = Part::Heading;
        Ok(block)
    }

    /// Title, audience, edition line and introduction; in a packet the
    /// checklist starts on a page of its own.
    fn front_matter(&self, doc: &Document, blocks: &mut Vec<Block>) -> Result<(), FontError> {
        // Without a cover, the organisation heads the first page.
        if let Some(org) = doc.org.as_ref().filter(|_| doc.packet.is_none()) {
            blocks.push(self.org_header(org)?);
        }
        let mut title = self.simple(&doc.title, Role::Title, 0.0, true)?;
        title.break_before = doc.packet.is_some();
        title.part = Part::Title;
        blocks.push(title);
        if let Some(card) = doc.card.as_ref() {
            if self.set.profile.spec().contacts_first {
                self.contacts(card, blocks)?;
            }
        }
        blocks.push(self.simple(&doc.audience, Role::Subtitle, 4.0, true)?);
        if let Some(edition) = &doc.edition {
            blocks.push(self.simple(edition, Role::Subtitle, 1.0, true)?);
        }
        let mut intro = self.simple(&doc.intro, Role::Body, 8.0, false)?;
        intro.items.push(Item::Rule {
            x: self.geo.margin_x,
            y: intro.height + 6.0,
            width: self.geo.content,
            thickness: 0.8,
        });
        intro.height += 6.0;
        intro.splittable = true;
        blocks.push(intro);
        Ok(())
    }

    /// The organisation's logo, with its name beside it, above the title.
    fn org_header(&self, org: &OrgPart) -> Result<Block, FontError> {
        let geo = self.geo;
        let mut items = Vec::new();
        let mut logo = (0.0, 0.0);
        if let Some(image) = &org.logo {
            // At most 120 pt wide and 36 pt tall (28 on a phone).
            let tall = if self.set.profile.spec().large_type {
                28.0
            } else {
                36.0
            };
            let scale = (120.0 / image.width as f32).min(tall / image.height as f32);
            logo = (image.width as f32 * scale, image.height as f32 * scale);
            items.push(Item::Image {
                x: geo.margin_x,
                y: 0.0,
                width: logo.0,
                height: logo.1,
                image: image.clone(),
                alt: org.name.text[0].clone(),
                tag: Tag::default(),
            });
        }
        let gap = if logo.0 > 0.0 { 10.0 } else { 0.0 };
        let column = (geo.margin_x + logo.0 + gap, geo.content - logo.0 - gap);
        let (mut lines, height) =
            self.set
                .multilingual(&org.name, Role::Heading, None, &[column])?;
        // The name stands level with the middle of the logo.
        let dy = ((logo.1 - height) / 2.0).max(0.0);
        lines.iter_mut().for_each(|l| l.shift(0.0, dy));
        items.append(&mut lines);
        Ok(Block {
            height: height.max(logo.1) + 10.0,
            keep_with_next: true,
            items,
            part: Part::Title,
            ..Block::default()
        })
    }

    /// The emergency contacts opening a phone document: the card's heading
    /// and rows, numbers in bold and tappable.
    fn contacts(
        &self,
        card: &crate::compose::Card,
        blocks: &mut Vec<Block>,
    ) -> Result<(), FontError> {
        let mut heading = self.heading(&card.title, 12.0)?;
        heading.part = Part::Heading;
        blocks.push(heading);
        for row in &card.rows {
            let (mut items, height) =
                self.set
                    .multilingual(&row.text, Role::Card, None, &self.geo.items)?;
            items.push(self.bullet());
            blocks.push(Block {
                height,
                space_before: 3.0,
                items,
                part: Part::Entry,
                keep_with_next: false,
                ..Block::default()
            });
        }
        Ok(())
    }

    /// The bullet marking the first line of an entry.
    fn bullet(&self) -> Item {
        let (style, pitch) = self.set.style(Role::Body, 0);
        let size = 0.32 * style.size;
        let middle = (pitch * style.size - style.size) / 2.0 + 0.55 * style.size;
        let geo = self.geo;
        Item::Bullet {
            x: geo.margin_x + (geo.items[0].0 - geo.margin_x - size) / 2.0,
            y: middle - size / 2.0,
            size,
        }
    }

    /// A row of the channels section, a bullet on its first line marking
    /// where it begins.
    fn channel_row(&self, row: &DocItem) -> Result<Block, FontError> {
        let (set, geo) = (self.set, self.geo);
        let (mut items, height) = with_qr_codes(&row.text, row.reference.as_ref(), set, geo, 3.0)?;
        items.push(self.bullet());
        Ok(Block {
            height,
            space_before: 3.0,
            items,
            part: Part::Entry,
            ..Block::default()
        })
    }
}

/// The QR codes of the web addresses `text` mentions in any language, each
/// address once; none where the profile prints none.
fn qr_codes(text: &Text, set: &Setter) -> Vec<(String, qr::Matrix)> {
    let mut codes: Vec<(String, qr::Matrix)> = Vec::new();
    if !set.profile.spec().qr {
        return codes;
    }
    for t in &text.text {
        for f in links::find(t).into_iter().filter(|f| f.is_web()) {
            if !codes.iter().any(|(a, _)| *a == f.text) {
                codes.extend(qr::encode(&f.text).map(|m| (f.text, m)));
            }
        }
    }
    codes
}

/// The top of the highest em box and the bottom of the lowest among the
/// lines of `items` (0, 0 without lines).
fn em_extent(items: &[Item]) -> (f32, f32) {
    let mut extent: Option<(f32, f32)> = None;
    for item in items {
        if let Item::Line(l) = item {
            let top = l.baseline - BASELINE_IN_EM * l.size;
            let bottom = l.baseline + (1.0 - BASELINE_IN_EM) * l.size;
            extent = Some(extent.map_or((top, bottom), |(t, b)| (t.min(top), b.max(bottom))));
        }
    }
    extent.unwrap_or_default()
}

/// Text in every language in `cols`, with its QR codes beside it (in the
/// margin, or at the right of the last column, which then narrows), each
/// code with its full quiet zone of four modules clear of the text, of the
/// other codes and of the block above. Returns the items and the height.
///
/// A code that reaches lower than the text ends the row as the text would:
/// the row keeps as much space below the code as below its text, or more
/// where the code's quiet zone needs it to stay clear of the next row's
/// text, so the space between rows stays the same after a code.
fn with_qr_codes(
    text: &Text,
    reference: Option<&Text>,
    set: &Setter,
    geo: &Geometry,
    gap_above: f32,
) -> Result<(Vec<Item>, f32), FontError> {
    let side = set.design.qr;
    let codes = qr_codes(text, set);
    let quiet = |m: &qr::Matrix| 4.0 * side / m.width as f32;
    let widest = codes.iter().map(|(_, m)| quiet(m)).fold(0.0, f32::max);
    let mut cols = geo.items.clone();
    let last = cols.len() - 1;
    // Beside the text where that leaves a column of 16 ems, else below it.
    let beside =
        geo.qr_outside || cols[last].1 - side - widest >= 16.0 * set.style(Role::Body, last).0.size;
    if !codes.is_empty() && !geo.qr_outside && beside {
        cols[last].1 -= side + widest;
    }
    let (mut items, mut height) = set.multilingual(text, Role::Body, reference, &cols)?;
    // The space above the text's first em box, and below its last one;
    // the next row's text starts `gap_above` and `above` below this row.
    let (above, text_bottom) = em_extent(&items);
    let below = height - text_bottom;
    let mut y = if beside {
        (widest - gap_above).max(2.0)
    } else {
        height + widest
    };
    for (address, matrix) in codes {
        let q = quiet(&matrix);
        items.push(qr_item(address, matrix, geo.qr_x(side), y, side));
        y += side;
        height = height.max(y + below.max(q - gap_above - above));
        y += q;
    }
    Ok((items, height))
}

/// An item: tick box, text in every language, and on printed profiles a QR
/// code beside each web address it mentions.
fn item_row(item: &DocItem, set: &Setter, geo: &Geometry) -> Result<Block, FontError> {
    let design = set.design;
    let (mut items, mut height) = with_qr_codes(
        &item.text,
        item.reference.as_ref(),
        set,
        geo,
        design.item_gap,
    )?;
    // The box stands on the first line's baseline, about as tall as a capital,
    // its stroke flush with the margin.
    // A box big enough for a finger (phone) is centred on the first line.
    let (style, pitch) = set.style(Role::Body, 0);
    let size = (design.tick_em * style.size).max(design.tap);
    let baseline = (pitch * style.size - style.size) / 2.0 + 0.88 * style.size;
    let y = if size > style.size {
        (baseline - 0.38 * style.size - size / 2.0).max(0.0)
    } else {
        baseline - size + 0.5
    };
    height = height.max(y + size);
    let field = set.profile.spec().forms.then(|| item.text.id.clone());
    items.push(Item::TickBox {
        x: geo.margin_x + 0.35,
        y,
        size,
        field,
        tag: Tag::default(),
    });
    Ok(Block {
        height,
        space_before: design.item_gap,
        items,
        part: Part::Item,
        ..Block::default()
    })
}

fn qr_item(text: String, matrix: qr::Matrix, x: f32, y: f32, size: f32) -> Item {
    Item::Qr {
        x,
        y,
        size,
        text,
        modules: matrix.width,
        dark: matrix.dark,
        tag: Tag::default(),
    }
}

/// Numbered sources, in each language's column, with their web addresses.
fn sources_list(
    doc: &Document,
    set: &Setter,
    geo: &Geometry,
    blocks: &mut Vec<Block>,
) -> Result<(), FontError> {
    // Room for "99." in the small size.
    let number_width = 2.0 * set.style(Role::Small, 0).0.size;
    let langs = doc.langs.len();
    for (n, source) in doc.sources.iter().enumerate() {
        let mut items = Vec::new();
        let mut height: f32 = 0.0;
        let stacked = geo.full.len() == 1;
        let mut y = 0.0;
        for lang in 0..langs {
            let (x, width) = geo.full[lang.min(geo.full.len() - 1)];
            let top = if stacked { y } else { 0.0 };
            let number = Text {
                id: source.entry.id.clone(),
                text: vec![format!("{}.", source.number); langs],
            };
            let frame = |y: f32| Frame {
                x: x + number_width,
                y,
                width: width - number_width,
            };
            let (mut lines, mut h) =
                set.paragraph(&source.entry, lang, Role::Small, None, frame(top))?;
            if !stacked || lang == 0 {
                items.extend(
                    set.paragraph(
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
            // Stacked languages print the address once, after the last one.
            if let Some(url) = source
                .url
                .as_ref()
                .filter(|_| !stacked || lang + 1 == langs)
            {
                let url_text = Text {
                    id: source.entry.id.clone(),
                    text: vec![url.clone(); langs],
                };
                let (mut more, extra) =
                    set.paragraph(&url_text, lang, Role::Url, None, frame(top + h))?;
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
            part: Part::Entry,
            ..Block::default()
        });
    }
    Ok(())
}

/// The cut-out card on a sheet of its own (so printing on both sides cuts
/// through nothing): one bank-card-sized panel per language, two languages
/// making one card folded between them, the panels' rows led by the
/// embassy, numbers in bold, a QR code with its full quiet zone beside each
/// web address.
fn wallet_card(
    card: &crate::compose::Card,
    set: &Setter,
    geo: &Geometry,
) -> Result<Block, FontError> {
    let (w, h) = CARD;
    let langs = set.langs.len();
    let (paper_x, paper_w) = geo.paper;
    let (mut items, cut_height) =
        set.multilingual(&card.cut, Role::Small, None, &[(paper_x, paper_w)])?;
    let top = cut_height + 8.0;
    // Two panels fold into one card where two fit across the paper.
    let per_card = if 2.0 * w <= paper_w { 2 } else { 1 };
    let pairs = langs.div_ceil(per_card);
    for pair in 0..pairs {
        let panels = (langs - per_card * pair).min(per_card);
        let x = paper_x + (paper_w - panels as f32 * w) / 2.0;
        let y = top + pair as f32 * (h + 16.0);
        items.push(Item::CutLine {
            x,
            y,
            width: panels as f32 * w,
            height: h,
        });
        if panels == 2 {
            // The fold: a solid hairline down the middle, unlike the dashed cut.
            items.push(Item::Rule {
                x: x + w - 0.2,
                y: y + h / 2.0,
                width: 0.4,
                thickness: h,
            });
        }
        for panel in 0..panels {
            let lang = per_card * pair + panel;
            card_panel(card, set, lang, (x + panel as f32 * w, y), &mut items)?;
        }
    }
    let height = top + pairs as f32 * h + (pairs - 1) as f32 * 16.0;
    Ok(Block {
        height,
        break_before: true,
        own_sheet: true,
        items,
        part: Part::Card,
        ..Block::default()
    })
}

/// One language's panel of the card, its top left corner at `at`.
fn card_panel(
    card: &crate::compose::Card,
    set: &Setter,
    lang: usize,
    (x0, y0): (f32, f32),
    items: &mut Vec<Item>,
) -> Result<(), FontError> {
    let (w, _) = CARD;
    let pad = 10.0;
    let side = 36.0;
    let addresses: Vec<(String, qr::Matrix)> = card
        .rows
        .iter()
        .flat_map(|r| links::find(&r.text.text[lang]))
        .filter(|f| f.is_web())
        .filter_map(|f| qr::encode(&f.text).map(|m| (f.text, m)))
        .fold(Vec::new(), |mut acc, (t, m)| {
            if !acc.iter().any(|(a, _)| *a == t) {
                acc.push((t, m));
            }
            acc
        });
    let quiet = addresses
        .iter()
        .map(|(_, m)| 4.0 * side / m.width as f32)
        .fold(0.0, f32::max);
    let text_width = w
        - 2.0 * pad
        - if addresses.is_empty() {
            0.0
        } else {
            side + quiet
        };
    let frame = |y| Frame {
        x: x0 + pad,
        y,
        width: text_width,
    };
    let (mut lines, title_h) = set.paragraph(
        &card.title,
        lang,
        Role::CardTitle,
        None,
        frame(y0 + pad - 2.0),
    )?;
    items.append(&mut lines);
    let mut y = y0 + pad - 2.0 + title_h + 2.0;
    for row in &card.rows {
        let (mut lines, rh) = set.paragraph(&row.text, lang, Role::Card, None, frame(y))?;
        items.append(&mut lines);
        y += rh + 2.0;
    }
    // The codes stand at the right, top to bottom, a quiet zone apart.
    let mut qr_y = y0 + pad;
    for (address, matrix) in addresses {
        let q = 4.0 * side / matrix.width as f32;
        items.push(qr_item(address, matrix, x0 + w - pad - side, qr_y, side));
        qr_y += side + q;
    }
    // The organisation's logo, small, in the bottom right corner.
    if let Some((image, name)) = &card.logo {
        let scale = (56.0 / image.width as f32).min(16.0 / image.height as f32);
        let (width, height) = (image.width as f32 * scale, image.height as f32 * scale);
        items.push(Item::Image {
            x: x0 + w - pad - width,
            y: y0 + CARD.1 - pad - height,
            width,
            height,
            image: image.clone(),
            alt: name.text[lang].clone(),
            tag: Tag::default(),
        });
    }
    Ok(())
}

/// The packet's cover page.
fn cover(
    doc: &Document,
    set: &Setter,
    geo: &Geometry,
    blocks: &mut Vec<Block>,
) -> Result<(), FontError> {
    let (Some(packet), Some(org)) = (doc.packet.as_ref(), doc.org.as_ref()) else {
        return Ok(());
    };
    let mut items = Vec::new();
    let mut y = 60.0;
    if let Some(image) = &org.logo {
        let (pw, ph) = (image.width, image.height);
        // At most 160 × 64 pt, keeping its proportions.
        let scale = (160.0 / pw as f32).min(64.0 / ph as f32);
        let (width, height) = (pw as f32 * scale, ph as f32 * scale);
        items.push(Item::Image {
            x: geo.margin_x,
            y: 0.0,
            width,
            height,
            image: image.clone(),
            alt: org.name.text[0].clone(),
            tag: Tag::default(),
        });
        y = height + 28.0;
    }
    let full = &geo.full;
    for (text, role, gap) in [
        (&org.name, Role::Display, 18.0),
        (&packet.kind, Role::Heading, 6.0),
        (&doc.title, Role::Title, 30.0),
    ] {
        let (mut lines, h) = set.multilingual(text, role, None, full)?;
        lines.iter_mut().for_each(|l| l.shift(0.0, y));
        items.append(&mut lines);
        y += h + gap;
    }
    items.push(Item::Rule {
        x: geo.margin_x,
        y,
        width: geo.content,
        thickness: 0.8,
    });
    y += 14.0;
    for line in &packet.cover {
        let (mut lines, h) = set.multilingual(line, Role::Body, None, full)?;
        lines.iter_mut().for_each(|l| l.shift(0.0, y));
        items.append(&mut lines);
        y += h + 8.0;
    }
    blocks.push(Block {
        height: y,
        items,
        ..Block::default()
    });
    Ok(())
}

/// The acknowledgement page: what was received (checklist and edition,
/// destination, departure), the statement, the box to tick, then the lines
/// to write the name and date and to sign and countersign. Where the
/// profile has forms, the box is a checkbox and the name (unless printed)
/// and date lines are text fields.
fn acknowledgement(
    ack: &Acknowledgement,
    set: &Setter,
    geo: &Geometry,
    blocks: &mut Vec<Block>,
) -> Result<(), FontError> {
    let mut title = set.multilingual(&ack.heading, Role::Title, None, &geo.full)?;
    let mut block = Block {
        height: title.1,
        break_before: true,
        keep_with_next: true,
        bookmark: Some(ack.heading.text.join(" / ")),
        part: Part::Heading,
        ..Block::default()
    };
    block.items.append(&mut title.0);
    blocks.push(block);
    let parts = Parts { set, geo };
    for (n, fact) in ack.facts.iter().enumerate() {
        let gap = if n == 0 { 12.0 } else { 3.0 };
        blocks.push(parts.simple(fact, Role::Body, gap, true)?);
    }
    blocks.push(parts.simple(&ack.statement, Role::Body, 14.0, true)?);
    let read = DocItem {
        text: ack.read.clone(),
        reference: None,
        sources: Vec::new(),
    };
    let mut row = item_row(&read, set, geo)?;
    for item in &mut row.items {
        if let Item::TickBox { field: Some(f), .. } = item {
            *f = ack.read_field.clone();
        }
    }
    row.space_before = 12.0;
    row.keep_with_next = true;
    blocks.push(row);
    for (i, line) in ack.lines.iter().enumerate() {
        let mut block = ack_line(line, set, geo)?;
        block.keep_with_next = i + 1 < ack.lines.len();
        blocks.push(block);
    }
    Ok(())
}

/// A line to write on: its label beside it (below it on a narrow page),
/// the value printed on it when known, a text field over it where the
/// profile has forms.
fn ack_line(
    line: &crate::compose::AckLine,
    set: &Setter,
    geo: &Geometry,
) -> Result<Block, FontError> {
    let label_width = 150.0;
    // A line shorter than the label leaves too little to write on.
    let stacked = geo.content - label_width < label_width;
    let label_col = if stacked { geo.content } else { label_width };
    let (mut items, label_h) =
        set.multilingual(&line.label, Role::Small, None, &[(geo.margin_x, label_col)])?;
    let (x, line_y) = if stacked {
        (geo.margin_x, label_h + 26.0)
    } else {
        (geo.margin_x + label_width, label_h.max(22.0))
    };
    let width = geo.margin_x + geo.content - x;
    items.push(Item::Rule {
        x,
        y: line_y,
        width,
        thickness: 0.6,
    });
    if let Some(value) = &line.value {
        // The printed value (the employee's name) is a text of its own.
        let text = Text {
            id: crate::compose::ACK_VALUE.to_string(),
            text: vec![value.clone(); set.langs.len()],
        };
        let frame = Frame {
            x: x + 6.0,
            y: line_y - 18.0,
            width: width - 6.0,
        };
        items.extend(set.paragraph(&text, 0, Role::Body, None, frame)?.0);
    }
    if let Some(name) = line.field.as_ref().filter(|_| set.profile.spec().forms) {
        let height = set.design.tap.max(18.0);
        items.push(Item::TextField {
            x,
            y: line_y - height,
            width,
            height,
            name: name.clone(),
            tag: Tag::default(),
        });
    }
    Ok(Block {
        height: line_y + 4.0,
        space_before: 24.0,
        items,
        ..Block::default()
    })
}
