//! PDF output: draws a [`Layout`] with printpdf and finishes the file with
//! lopdf: document language, outline, form checkboxes, a content-derived
//! file id, compression.
//!
//! Nothing here decides where anything goes. Fonts are embedded as subsets
//! under fixed resource names, and the file id is a hash of the content, so
//! the same input and date give the same bytes, also within one process.

use std::collections::BTreeMap;
use std::path::Path;

use lopdf::{dictionary, Dictionary, Object, ObjectId, Stream, StringFormat};
use printpdf::{
    Actions, BorderArray, Color, ColorArray, FontId, Greyscale, HighlightingMode, Line as PdfLine,
    LineDashPattern, LinePoint, LinkAnnotation, Op, PaintMode, PdfDocument, PdfFontHandle, PdfPage,
    PdfParseErrorSeverity, PdfSaveOptions, Point, Pt, RawImage, RawImageData, RawImageFormat, Rect,
    TextItem, TextMatrix, XObject, XObjectId, XObjectTransform,
};
use sha2::{Digest, Sha256};

use crate::fonts::{FaceId, FontError, FontSet};
use crate::layout::{Item, Layout, Page};

/// An error while writing the PDF.
#[derive(Debug, thiserror::Error)]
pub enum PdfError {
    /// A font could not be embedded.
    #[error(transparent)]
    Font(#[from] FontError),
    /// printpdf reported an error.
    #[error("PDF writer: {0}")]
    Writer(String),
    /// The logo could not be read.
    #[error("{}: {message}", path.display())]
    Logo {
        /// The file.
        path: std::path::PathBuf,
        /// What is wrong.
        message: String,
    },
}

/// Document metadata and features, all given by the caller (the library reads no clock).
#[derive(Debug, Clone, Default)]
pub struct PdfOptions {
    /// Title shown by viewers.
    pub title: String,
    /// Author.
    pub author: String,
    /// Subject.
    pub subject: String,
    /// Keywords.
    pub keywords: Vec<String>,
    /// The document's main language (BCP 47), written as the catalog's /Lang.
    pub lang: String,
    /// Creation and modification time, seconds since 1970.
    pub timestamp: i64,
    /// Make tick boxes with a field name real form checkboxes.
    pub forms: bool,
    /// Open with the outline shown.
    pub open_outline: bool,
}

/// A decoded logo, 8-bit RGBA.
#[derive(Debug, Clone)]
pub struct Logo {
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
    /// Pixels, row by row, 4 bytes each.
    pub rgba: Vec<u8>,
}

impl Logo {
    /// Reads a PNG file.
    pub fn load(path: &Path) -> Result<Logo, PdfError> {
        let err = |message: String| PdfError::Logo {
            path: path.to_path_buf(),
            message,
        };
        let file = std::fs::File::open(path).map_err(|e| err(e.to_string()))?;
        let mut decoder = png::Decoder::new(std::io::BufReader::new(file));
        decoder.set_transformations(png::Transformations::normalize_to_color8());
        let mut reader = decoder
            .read_info()
            .map_err(|e| err(format!("not a PNG image: {e}")))?;
        let mut buf = vec![0; reader.output_buffer_size()];
        let info = reader
            .next_frame(&mut buf)
            .map_err(|e| err(format!("not a PNG image: {e}")))?;
        buf.truncate(info.buffer_size());
        let rgba = match info.color_type {
            png::ColorType::Rgba => buf,
            png::ColorType::Rgb => buf
                .chunks(3)
                .flat_map(|p| [p[0], p[1], p[2], 255])
                .collect(),
            png::ColorType::GrayscaleAlpha => buf
                .chunks(2)
                .flat_map(|p| [p[0], p[0], p[0], p[1]])
                .collect(),
            png::ColorType::Grayscale => buf.iter().flat_map(|&g| [g, g, g, 255]).collect(),
            png::ColorType::Indexed => return Err(err("unsupported palette image".into())),
        };
        if info.width == 0 || info.height == 0 || info.width > 4096 || info.height > 4096 {
            return Err(err(format!(
                "{}×{} pixels: use an image up to 4096 pixels on each side",
                info.width, info.height
            )));
        }
        Ok(Logo {
            width: info.width,
            height: info.height,
            rgba,
        })
    }
}

/// Writes `layout` as PDF bytes.
pub fn export(
    layout: &Layout,
    fonts: &FontSet,
    options: &PdfOptions,
    logo: Option<&Logo>,
) -> Result<Vec<u8>, PdfError> {
    let mut doc = PdfDocument::new(&options.title);
    let info = &mut doc.metadata.info;
    info.author = options.author.clone();
    info.subject = options.subject.clone();
    info.keywords = options.keywords.clone();
    info.creator = concat!("predeparture ", env!("CARGO_PKG_VERSION")).into();
    info.producer = info.creator.clone();
    let date = printpdf::OffsetDateTime::from_unix_timestamp(options.timestamp)
        .map_err(|e| PdfError::Writer(format!("timestamp {}: {e}", options.timestamp)))?;
    info.creation_date = date;
    info.modification_date = date;
    info.metadata_date = date;

    // Fixed resource names; the first six letters become the subset tag.
    let mut font_ids: BTreeMap<FaceId, FontId> = BTreeMap::new();
    for item in layout.pages.iter().flat_map(|p| &p.items) {
        if let Item::Line(line) = item {
            for run in &line.runs {
                if !font_ids.contains_key(&run.face) {
                    let id = FontId(format!("PDFNT{}", (b'A' + font_ids.len() as u8) as char));
                    let parsed = fonts.face(run.face).parsed()?;
                    doc.resources
                        .fonts
                        .map
                        .insert(id.clone(), printpdf::PdfFont::new(parsed.clone()));
                    font_ids.insert(run.face, id);
                }
            }
        }
    }
    let logo_id = XObjectId("PDLogo".into());
    if let Some(logo) = logo {
        let image = RawImage {
            pixels: RawImageData::U8(logo.rgba.clone()),
            width: logo.width as usize,
            height: logo.height as usize,
            data_format: RawImageFormat::RGBA8,
            tag: Vec::new(),
        };
        doc.resources
            .xobjects
            .map
            .insert(logo_id.clone(), XObject::Image(image));
    }

    let pages = layout
        .pages
        .iter()
        .map(|page| {
            PdfPage::new(
                Pt(page.width).into(),
                Pt(page.height).into(),
                ops(
                    page,
                    &font_ids,
                    logo.map(|l| (&logo_id, l.width)),
                    options.forms,
                ),
            )
        })
        .collect();
    doc.with_pages(pages);

    let mut warnings = Vec::new();
    // Streams are compressed once, in `finish`.
    let save = PdfSaveOptions {
        subset_fonts: true,
        optimize: false,
        ..Default::default()
    };
    let mut lo = doc.to_lopdf_document(&save, &mut warnings);
    if let Some(w) = warnings
        .iter()
        .find(|w| w.severity == PdfParseErrorSeverity::Error)
    {
        return Err(PdfError::Writer(w.msg.clone()));
    }
    let page_ids: Vec<ObjectId> = lo.get_pages().into_values().collect();
    outline(&mut lo, layout, &page_ids, options.open_outline);
    if options.forms {
        checkboxes(&mut lo, layout, &page_ids);
    }
    finish(&mut lo, options);
    let mut bytes = Vec::new();
    lo.save_to(&mut bytes)
        .map_err(|e| PdfError::Writer(e.to_string()))?;
    Ok(bytes)
}

fn gray(level: f32) -> Color {
    Color::Greyscale(Greyscale::new(level, None))
}

fn point(x: f32, y: f32) -> LinePoint {
    LinePoint {
        p: Point { x: Pt(x), y: Pt(y) },
        bezier: false,
    }
}

fn rect(x: f32, y: f32, width: f32, height: f32, mode: PaintMode) -> Op {
    Op::DrawRectangle {
        rectangle: Rect {
            x: Pt(x),
            y: Pt(y),
            width: Pt(width),
            height: Pt(height),
            mode: Some(mode),
            winding_order: None,
        },
    }
}

/// The drawing operations of one page. Layout measures from the top, PDF from the bottom.
fn ops(
    page: &Page,
    font_ids: &BTreeMap<FaceId, FontId>,
    logo: Option<(&XObjectId, u32)>,
    forms: bool,
) -> Vec<Op> {
    let h = page.height;
    let mut ops = vec![
        Op::SetOutlineColor { col: gray(0.0) },
        Op::SetFillColor { col: gray(0.0) },
    ];
    let mut text = vec![Op::StartTextSection];
    let mut font: Option<(FaceId, f32)> = None;
    let mut fill: Option<f32> = None;
    for item in &page.items {
        match item {
            Item::Line(line) => {
                for run in &line.runs {
                    if font != Some((run.face, run.size)) {
                        text.push(Op::SetFont {
                            font: PdfFontHandle::External(font_ids[&run.face].clone()),
                            size: Pt(run.size),
                        });
                        font = Some((run.face, run.size));
                    }
                    if fill != Some(run.gray) {
                        text.push(Op::SetFillColor {
                            col: gray(run.gray),
                        });
                        fill = Some(run.gray);
                    }
                    text.push(Op::SetTextMatrix {
                        matrix: TextMatrix::Translate(Pt(run.x), Pt(h - line.baseline)),
                    });
                    text.push(Op::ShowText { items: show(run) });
                }
            }
            Item::TickBox {
                x, y, size, field, ..
            } => {
                // A form checkbox draws itself (its appearance streams).
                if !(forms && field.is_some()) {
                    ops.push(Op::SetOutlineThickness { pt: Pt(0.7) });
                    ops.push(rect(*x, h - y - size, *size, *size, PaintMode::Stroke));
                }
            }
            Item::Rule {
                x,
                y,
                width,
                thickness,
            } => {
                ops.push(Op::SetOutlineThickness { pt: Pt(*thickness) });
                ops.push(Op::DrawLine {
                    line: PdfLine {
                        points: vec![point(*x, h - y), point(x + width, h - y)],
                        is_closed: false,
                    },
                });
            }
            Item::Bullet { x, y, size } => {
                ops.push(rect(*x, h - y - size, *size, *size, PaintMode::Fill));
            }
            Item::CutLine {
                x,
                y,
                width,
                height,
            } => {
                ops.push(Op::SetOutlineThickness { pt: Pt(0.6) });
                ops.push(Op::SetLineDashPattern {
                    dash: LineDashPattern::new(0.0, &[4.0, 3.0]),
                });
                ops.push(rect(*x, h - y - height, *width, *height, PaintMode::Stroke));
                ops.push(Op::SetLineDashPattern {
                    dash: LineDashPattern::solid(),
                });
            }
            Item::Qr {
                x,
                y,
                size,
                modules,
                dark,
                ..
            } => {
                let m = size / *modules as f32;
                // One rectangle per horizontal run of dark modules.
                for row in 0..*modules {
                    let mut col = 0;
                    while col < *modules {
                        if dark[row * modules + col] {
                            let start = col;
                            while col < *modules && dark[row * modules + col] {
                                col += 1;
                            }
                            let top = y + row as f32 * m;
                            ops.push(rect(
                                x + start as f32 * m,
                                h - top - m,
                                (col - start) as f32 * m,
                                m,
                                PaintMode::Fill,
                            ));
                        } else {
                            col += 1;
                        }
                    }
                }
            }
            Item::Link {
                x,
                y,
                width,
                height,
                uri,
                ..
            } => {
                ops.push(Op::LinkAnnotation {
                    link: LinkAnnotation::new(
                        Rect::from_xywh(Pt(*x), Pt(h - y - height), Pt(*width), Pt(*height)),
                        Actions::Uri(uri.clone()),
                        Some(BorderArray::Solid([0.0, 0.0, 0.0])),
                        Some(ColorArray::Transparent),
                        Some(HighlightingMode::Invert),
                    ),
                });
            }
            Item::Image {
                x,
                y,
                width,
                height,
            } => {
                if let Some((id, px)) = logo {
                    ops.push(Op::UseXobject {
                        id: id.clone(),
                        transform: XObjectTransform {
                            translate_x: Some(Pt(*x)),
                            translate_y: Some(Pt(h - y - height)),
                            dpi: Some(px as f32 * 72.0 / width),
                            ..Default::default()
                        },
                    });
                }
            }
        }
    }
    text.push(Op::EndTextSection);
    ops.extend(text);
    ops
}

/// A run's text with its pull-backs as TJ adjustments (thousandths of an em; positive moves left).
fn show(run: &crate::layout::Run) -> Vec<TextItem> {
    let mut items = Vec::new();
    let mut start = 0;
    let chars: Vec<char> = run.text.chars().collect();
    for &(at, pull) in &run.kerns {
        items.push(TextItem::Text(chars[start..at].iter().collect()));
        items.push(TextItem::Offset(pull / run.size * 1000.0));
        start = at;
    }
    items.push(TextItem::Text(chars[start..].iter().collect()));
    items
}

/// UTF-16BE with a byte-order mark, as PDF text strings want.
fn text_string(s: &str) -> Object {
    let mut bytes = vec![0xFE, 0xFF];
    bytes.extend(s.encode_utf16().flat_map(|u| u.to_be_bytes()));
    Object::String(bytes, StringFormat::Hexadecimal)
}

fn catalog_id(doc: &lopdf::Document) -> Option<ObjectId> {
    doc.trailer.get(b"Root").and_then(Object::as_reference).ok()
}

/// The outline, in layout order (printpdf sorts its bookmarks by name).
fn outline(doc: &mut lopdf::Document, layout: &Layout, pages: &[ObjectId], open: bool) {
    let Some(root) = catalog_id(doc) else { return };
    if !layout.outline.is_empty() {
        let outlines_id = doc.new_object_id();
        let ids: Vec<ObjectId> = layout.outline.iter().map(|_| doc.new_object_id()).collect();
        for (i, bookmark) in layout.outline.iter().enumerate() {
            let page = pages[bookmark.page];
            let height = layout.pages[bookmark.page].height;
            let mut entry = dictionary! {
                "Title" => text_string(&bookmark.title),
                "Parent" => outlines_id,
                "Dest" => vec![page.into(), "XYZ".into(), Object::Null, Object::Real(height - bookmark.y + 4.0), Object::Null],
            };
            if i > 0 {
                entry.set("Prev", ids[i - 1]);
            }
            if i + 1 < ids.len() {
                entry.set("Next", ids[i + 1]);
            }
            doc.objects.insert(ids[i], Object::Dictionary(entry));
        }
        let outlines = dictionary! {
            "Type" => "Outlines",
            "First" => ids[0],
            "Last" => *ids.last().expect("not empty"),
            "Count" => ids.len() as i64,
        };
        doc.objects
            .insert(outlines_id, Object::Dictionary(outlines));
        if let Ok(catalog) = doc.get_object_mut(root).and_then(Object::as_dict_mut) {
            catalog.set("Outlines", outlines_id);
            catalog.set(
                "PageMode",
                Object::Name(if open {
                    b"UseOutlines".to_vec()
                } else {
                    b"UseNone".to_vec()
                }),
            );
        }
    }
    if let (Some(&first), Ok(catalog)) = (
        pages.first(),
        doc.get_object_mut(root).and_then(Object::as_dict_mut),
    ) {
        // Open at the top of page 1.
        catalog.set("OpenAction", vec![first.into(), "Fit".into()]);
    }
}

/// Form checkboxes over the tick boxes that have a field name.
fn checkboxes(doc: &mut lopdf::Document, layout: &Layout, pages: &[ObjectId]) {
    let Some(root) = catalog_id(doc) else { return };
    let mut appearances: BTreeMap<u32, (ObjectId, ObjectId)> = BTreeMap::new();
    let mut fields = Vec::new();
    for (n, page) in layout.pages.iter().enumerate() {
        let mut widgets = Vec::new();
        for item in &page.items {
            let Item::TickBox {
                x,
                y,
                size,
                field: Some(name),
                ..
            } = item
            else {
                continue;
            };
            let key = (size * 100.0).round() as u32;
            let (off, on) = *appearances.entry(key).or_insert_with(|| {
                let s = *size;
                let frame = format!("0 G 0.7 w 0.35 0.35 {0:.2} {0:.2} re S", s - 0.7);
                let tick = format!("{frame} 1.1 w 1 J 1 j {:.2} {:.2} m {:.2} {:.2} l {:.2} {:.2} l S", 0.2 * s, 0.52 * s, 0.42 * s, 0.26 * s, 0.8 * s, 0.8 * s);
                let form = |content: String| {
                    Stream::new(dictionary! { "Type" => "XObject", "Subtype" => "Form", "BBox" => vec![0.into(), 0.into(), Object::Real(s), Object::Real(s)] }, content.into_bytes())
                };
                (doc.add_object(form(frame)), doc.add_object(form(tick)))
            });
            let bottom = page.height - y - size;
            let widget = dictionary! {
                "Type" => "Annot",
                "Subtype" => "Widget",
                "FT" => "Btn",
                "T" => text_string(name),
                "V" => "Off",
                "AS" => "Off",
                "F" => 4,
                "Rect" => vec![Object::Real(*x), Object::Real(bottom), Object::Real(x + size), Object::Real(bottom + size)],
                "P" => pages[n],
                "MK" => dictionary! { "CA" => Object::string_literal("4") },
                "AP" => dictionary! { "N" => dictionary! { "Yes" => on, "Off" => off }, "D" => dictionary! { "Yes" => on, "Off" => off } },
            };
            let id = doc.add_object(widget);
            widgets.push(Object::Reference(id));
            fields.push(Object::Reference(id));
        }
        if widgets.is_empty() {
            continue;
        }
        if let Ok(page_dict) = doc.get_object_mut(pages[n]).and_then(Object::as_dict_mut) {
            let mut annots = match page_dict.get(b"Annots") {
                Ok(Object::Array(a)) => a.clone(),
                _ => Vec::new(),
            };
            annots.extend(widgets);
            page_dict.set("Annots", annots);
        }
    }
    if let Ok(catalog) = doc.get_object_mut(root).and_then(Object::as_dict_mut) {
        let form: Dictionary = dictionary! { "Fields" => fields, "NeedAppearances" => false };
        catalog.set("AcroForm", form);
    }
}

/// Adds what printpdf does not write: /Lang, and a file id derived from the
/// content; then compresses.
fn finish(doc: &mut lopdf::Document, options: &PdfOptions) {
    if let Some(root) = catalog_id(doc) {
        if let Ok(catalog) = doc.get_object_mut(root).and_then(Object::as_dict_mut) {
            catalog.set(
                "Lang",
                Object::String(options.lang.clone().into_bytes(), StringFormat::Literal),
            );
        }
    }
    // The file id is a hash of everything drawn (streams and fonts) and the metadata.
    let mut hash = Sha256::new();
    hash.update(format!("{options:?}").as_bytes());
    for object in doc.objects.values() {
        if let Object::Stream(stream) = object {
            hash.update(&stream.content);
        }
    }
    let id: Vec<u8> = hash.finalize()[..16].to_vec();
    doc.trailer.set(
        "ID",
        Object::Array(vec![
            Object::String(id.clone(), StringFormat::Hexadecimal),
            Object::String(id, StringFormat::Hexadecimal),
        ]),
    );
    compress(doc);
}

/// Deflates every stream once. lopdf's own pass uses the slowest level;
/// the default level gives nearly the same size in a fraction of the time.
fn compress(doc: &mut lopdf::Document) {
    use std::io::Write as _;
    for object in doc.objects.values_mut() {
        if let Object::Stream(stream) = object {
            if stream.dict.get(b"Filter").is_ok() {
                continue;
            }
            let mut enc =
                flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
            if enc.write_all(&stream.content).is_ok() {
                if let Ok(packed) = enc.finish() {
                    if packed.len() < stream.content.len() {
                        stream
                            .dict
                            .set("Filter", Object::Name(b"FlateDecode".to_vec()));
                        stream.set_content(packed);
                    }
                }
            }
        }
    }
}
