//! Blocks: the document's parts in print order. Title, sections of items
//! and the sources list for every profile; the cut-out wallet card on a
//! handout; the cover, the organisation's contacts and the acknowledgement
//! page in a packet.

use super::links;
use super::paginate::Block;
use super::qr;
use super::setting::{Design, Frame, Role, Setter};
use super::{Item, Profile};
use crate::document::{Document, Item as DocItem, Text};
use crate::fonts::FontError;

/// Wallet card, ISO/IEC 7810 ID-1: 85.6 × 54 mm.
pub const CARD: (f32, f32) = (242.65, 153.07);

/// Where the text goes across the page.
pub struct Geometry {
    /// Left edge of the text area.
    pub margin_x: f32,
    /// Width of the text area.
    pub content: f32,
    /// Columns for text spanning the page: one, or one per language.
    pub full: Vec<(f32, f32)>,
    /// Columns for items: the first one leaves room for the tick box.
    pub items: Vec<(f32, f32)>,
}

impl Geometry {
    /// The columns of a page `page_width` wide for `langs` languages.
    pub fn new(design: &Design, page_width: f32, langs: usize) -> Geometry {
        let content = page_width - 2.0 * design.margin_x;
        // Side by side only where each column still holds a comfortable line.
        let two_columns = langs > 1 && content >= 400.0;
        // One column of text is kept to a readable measure.
        let (margin_x, content) = if two_columns || content <= design.single_measure {
            (design.margin_x, content)
        } else {
            (
                (page_width - design.single_measure) / 2.0,
                design.single_measure,
            )
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
        }
    }
}

/// The blocks of `doc`.
pub fn build(doc: &Document, set: &Setter, geo: &Geometry) -> Result<Vec<Block>, FontError> {
    let mut blocks = Vec::new();
    let simple =
        |text: &Text, role: Role, space_before: f32, keep: bool| -> Result<Block, FontError> {
            let (items, height) = set.multilingual(text, role, None, &geo.full)?;
            Ok(Block {
                height,
                space_before,
                keep_with_next: keep,
                items,
                ..Block::default()
            })
        };
    let heading = |text: &Text, space_before: f32| -> Result<Block, FontError> {
        let mut block = simple(text, Role::Heading, space_before, true)?;
        block.items.push(Item::Rule {
            x: geo.margin_x,
            y: block.height + 1.0,
            width: geo.content,
            thickness: 0.4,
        });
        block.height += 4.0;
        block.bookmark = Some(text.text.join(" / "));
        Ok(block)
    };

    if doc.packet.is_some() {
        cover(doc, set, geo, &mut blocks)?;
        // The checklist starts on a page of its own.
        let mut first = simple(&doc.title, Role::Title, 0.0, true)?;
        first.break_before = true;
        blocks.push(first);
    } else {
        blocks.push(simple(&doc.title, Role::Title, 0.0, true)?);
    }
    blocks.push(simple(&doc.audience, Role::Subtitle, 4.0, true)?);
    if let Some(edition) = &doc.edition {
        blocks.push(simple(edition, Role::Subtitle, 1.0, true)?);
    }
    let mut intro = simple(&doc.intro, Role::Body, 8.0, false)?;
    intro.items.push(Item::Rule {
        x: geo.margin_x,
        y: intro.height + 6.0,
        width: geo.content,
        thickness: 0.8,
    });
    intro.height += 6.0;
    intro.splittable = true;
    blocks.push(intro);

    for section in &doc.sections {
        blocks.push(heading(&section.heading, 10.0)?);
        for item in &section.items {
            blocks.push(item_row(item, set, geo)?);
        }
    }

    if let Some(channels) = &doc.channels {
        blocks.push(heading(&channels.heading, 10.0)?);
        for row in &channels.items {
            let (mut items, height) =
                set.multilingual(&row.text, Role::Body, row.reference.as_ref(), &geo.items)?;
            // A bullet on the first line marks where each row begins.
            let (style, pitch) = set.style(Role::Body, 0);
            let size = 0.32 * style.size;
            let middle = (pitch * style.size - style.size) / 2.0 + 0.55 * style.size;
            let x = geo.margin_x + (geo.items[0].0 - geo.margin_x - size) / 2.0;
            items.push(Item::Bullet {
                x,
                y: middle - size / 2.0,
                size,
            });
            blocks.push(Block {
                height,
                space_before: 3.0,
                items,
                ..Block::default()
            });
        }
    }

    if let Some(packet) = &doc.packet {
        if !packet.contacts.is_empty() {
            blocks.push(heading(&packet.contacts_heading, 10.0)?);
            for contact in &packet.contacts {
                let (items, height) = set.multilingual(contact, Role::Body, None, &geo.items)?;
                blocks.push(Block {
                    height,
                    space_before: 2.0,
                    items,
                    ..Block::default()
                });
            }
        }
    }

    let mut sources = heading(&doc.sources_heading, 14.0)?;
    sources.bookmark = None;
    blocks.push(sources);
    // The date the content was checked introduces the list it was checked against.
    blocks.push(simple(&doc.as_of, Role::Small, 1.0, true)?);
    sources_list(doc, set, geo, &mut blocks)?;

    // The card is printed where a bank-card-sized panel fits across the page.
    if let Some(card) = doc.card.as_ref().filter(|_| geo.content >= CARD.0) {
        blocks.push(wallet_card(card, set, geo)?);
    }
    if let Some(packet) = &doc.packet {
        acknowledgement(packet, set, geo, &mut blocks)?;
    }
    Ok(blocks)
}

/// An item: tick box, text in every language, and on printed profiles a QR
/// code beside each web address it mentions.
fn item_row(item: &DocItem, set: &Setter, geo: &Geometry) -> Result<Block, FontError> {
    let design = set.design;
    let mut addresses: Vec<String> = Vec::new();
    if design.qr > 0.0 {
        for text in &item.text.text {
            for f in links::find(text).into_iter().filter(|f| f.is_web()) {
                if !addresses.contains(&f.text) {
                    addresses.push(f.text);
                }
            }
        }
    }
    let mut cols = geo.items.clone();
    if !addresses.is_empty() {
        let last = cols.len() - 1;
        cols[last].1 -= design.qr + 8.0;
    }
    let (mut items, mut height) =
        set.multilingual(&item.text, Role::Body, item.reference.as_ref(), &cols)?;
    let mut qr_y = 2.0;
    for address in addresses {
        items.push(qr_item(
            &address,
            geo.margin_x + geo.content - design.qr,
            qr_y,
            design.qr,
        ));
        qr_y += design.qr + 4.0;
    }
    height = height.max(qr_y);
    // The box stands on the first line's baseline, about as tall as a capital,
    // its stroke flush with the margin.
    let (style, pitch) = set.style(Role::Body, 0);
    let size = if design.profile == Profile::Phone {
        0.9
    } else {
        0.78
    } * style.size;
    let baseline = (pitch * style.size - style.size) / 2.0 + 0.88 * style.size;
    let field = (design.profile == Profile::Phone).then(|| item.text.id.clone());
    items.push(Item::TickBox {
        x: geo.margin_x + 0.35,
        y: baseline - size + 0.5,
        size,
        field,
    });
    Ok(Block {
        height,
        space_before: if design.profile == Profile::Phone {
            4.0
        } else {
            2.0
        },
        items,
        ..Block::default()
    })
}

fn qr_item(text: &str, x: f32, y: f32, size: f32) -> Item {
    let matrix = qr::encode(text);
    Item::Qr {
        x,
        y,
        size,
        text: text.to_string(),
        modules: matrix.width,
        dark: matrix.dark,
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
            ..Block::default()
        });
    }
    Ok(())
}

/// The cut-out card: one panel per language, side by side, each the size of
/// a bank card, with a QR code beside the web addresses it prints.
fn wallet_card(
    card: &crate::document::Card,
    set: &Setter,
    geo: &Geometry,
) -> Result<Block, FontError> {
    let (w, h) = CARD;
    let pad = 9.0;
    let qr = 36.0;
    let langs = set.langs.len();
    let (mut items, cut_height) =
        set.multilingual(&card.cut, Role::Small, None, &[(geo.margin_x, geo.content)])?;
    let top = cut_height + 4.0;
    let panels = if langs as f32 * w <= geo.content + 0.5 {
        langs
    } else {
        1
    };
    for lang in 0..langs {
        let panel = lang % panels;
        let x0 = geo.margin_x + panel as f32 * w;
        let y0 = top + (lang / panels) as f32 * (h + 8.0);
        if lang < panels || panels == 1 {
            items.push(Item::CutLine {
                x: x0,
                y: y0,
                width: w,
                height: h,
            });
        }
        let has_address = card
            .rows
            .iter()
            .any(|r| links::find(&r.text.text[lang]).iter().any(|f| f.is_web()));
        let text_width = w - 2.0 * pad - if has_address { qr + 6.0 } else { 0.0 };
        let (mut lines, title_h) = set.paragraph(
            &card.title,
            lang,
            Role::CardTitle,
            None,
            Frame {
                x: x0 + pad,
                y: y0 + pad - 2.0,
                width: text_width,
            },
        )?;
        items.append(&mut lines);
        let mut y = y0 + pad - 2.0 + title_h + 1.0;
        // Each QR code stands beside the row that prints its address.
        let mut qr_y = y0 + pad;
        let mut printed: Vec<String> = Vec::new();
        for row in &card.rows {
            let (mut lines, rh) = set.paragraph(
                &row.text,
                lang,
                Role::Card,
                row.reference.as_ref(),
                Frame {
                    x: x0 + pad,
                    y,
                    width: text_width,
                },
            )?;
            items.append(&mut lines);
            for f in links::find(&row.text.text[lang])
                .into_iter()
                .filter(|f| f.is_web())
            {
                if !printed.contains(&f.text) {
                    let top = qr_y.max(y).min(y0 + h - pad - qr);
                    items.push(qr_item(&f.text, x0 + w - pad - qr, top, qr));
                    qr_y = top + qr + 6.0;
                    printed.push(f.text);
                }
            }
            y += rh + 1.5;
        }
    }
    let rows_of_panels = langs.div_ceil(panels);
    let height = top + rows_of_panels as f32 * h + (rows_of_panels - 1) as f32 * 8.0;
    Ok(Block {
        height,
        space_before: 16.0,
        items,
        ..Block::default()
    })
}

/// The packet's cover page.
fn cover(
    doc: &Document,
    set: &Setter,
    geo: &Geometry,
    blocks: &mut Vec<Block>,
) -> Result<(), FontError> {
    let packet = doc.packet.as_ref().expect("a packet");
    let mut items = Vec::new();
    let mut y = 60.0;
    if let Some(image) = &packet.logo {
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
        });
        y = height + 28.0;
    }
    let full = &geo.full;
    for (text, role, gap) in [
        (&packet.org, Role::Display, 18.0),
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

/// The acknowledgement page: statement, then lines to write the name, sign and date.
fn acknowledgement(
    packet: &crate::document::Packet,
    set: &Setter,
    geo: &Geometry,
    blocks: &mut Vec<Block>,
) -> Result<(), FontError> {
    let mut title = set.multilingual(&packet.ack_heading, Role::Title, None, &geo.full)?;
    let mut block = Block {
        height: title.1,
        break_before: true,
        keep_with_next: true,
        bookmark: Some(packet.ack_heading.text.join(" / ")),
        ..Block::default()
    };
    block.items.append(&mut title.0);
    blocks.push(block);
    let (items, height) = set.multilingual(&packet.ack_statement, Role::Body, None, &geo.full)?;
    blocks.push(Block {
        height,
        space_before: 14.0,
        keep_with_next: true,
        items,
        ..Block::default()
    });
    let label_width = 150.0;
    for (i, field) in packet.ack_fields.iter().enumerate() {
        let (mut items, label_h) =
            set.multilingual(field, Role::Small, None, &[(geo.margin_x, label_width)])?;
        let line_y = label_h.max(22.0);
        items.push(Item::Rule {
            x: geo.margin_x + label_width,
            y: line_y,
            width: geo.content - label_width,
            thickness: 0.6,
        });
        if i == 0 {
            if let Some(name) = &packet.name {
                let text = Text {
                    id: "ui-ack-name".into(),
                    text: vec![name.clone(); set.langs.len()],
                };
                let (mut lines, _) = set.paragraph(
                    &text,
                    0,
                    Role::Body,
                    None,
                    Frame {
                        x: geo.margin_x + label_width + 6.0,
                        y: line_y - 18.0,
                        width: geo.content - label_width - 6.0,
                    },
                )?;
                items.append(&mut lines);
            }
        }
        let keep = i + 1 < packet.ack_fields.len();
        blocks.push(Block {
            height: line_y + 4.0,
            space_before: 28.0,
            keep_with_next: keep,
            items,
            ..Block::default()
        });
    }
    Ok(())
}
