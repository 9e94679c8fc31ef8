//! PDF output: draws a [`Layout`] with printpdf and finishes the file with
//! lopdf (document language, a content-derived file id).
//!
//! Nothing here decides where anything goes. Fonts are embedded as subsets
//! under fixed resource names, and the file id is a hash of the content, so
//! the same input and date give the same bytes, also within one process.

use std::collections::BTreeMap;

use lopdf::{Object, StringFormat};
use printpdf::{
    Color, FontId, Greyscale, Line as PdfLine, LinePoint, Op, PaintMode, PdfDocument,
    PdfFontHandle, PdfPage, PdfParseErrorSeverity, PdfSaveOptions, Point, Pt, Rect, TextItem,
    TextMatrix,
};
use sha2::{Digest, Sha256};

use crate::fonts::{FaceId, FontError, FontSet};
use crate::layout::{Item, Layout};

/// An error while writing the PDF.
#[derive(Debug, thiserror::Error)]
pub enum PdfError {
    /// A font could not be embedded.
    #[error(transparent)]
    Font(#[from] FontError),
    /// printpdf reported an error.
    #[error("PDF writer: {0}")]
    Writer(String),
}

/// Document metadata, all given by the caller (the library reads no clock).
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
}

/// Writes `layout` as PDF bytes.
pub fn export(layout: &Layout, fonts: &FontSet, options: &PdfOptions) -> Result<Vec<u8>, PdfError> {
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
    for page in &layout.pages {
        for item in &page.items {
            if let Item::Line(line) = item {
                for run in &line.runs {
                    if !font_ids.contains_key(&run.face) {
                        let n = font_ids.len();
                        let id = FontId(format!("PDFNT{}", (b'A' + n as u8) as char));
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
    }

    let pages = layout
        .pages
        .iter()
        .map(|page| {
            PdfPage::new(
                Pt(page.width).into(),
                Pt(page.height).into(),
                ops(page, &font_ids),
            )
        })
        .collect();
    doc.with_pages(pages);

    let mut warnings = Vec::new();
    let save = PdfSaveOptions {
        subset_fonts: true,
        // Streams are compressed once, in `finish`.
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

/// The drawing operations of one page. Layout measures from the top, PDF from the bottom.
fn ops(page: &crate::layout::Page, font_ids: &BTreeMap<FaceId, FontId>) -> Vec<Op> {
    let h = page.height;
    let mut ops = vec![Op::SetOutlineColor { col: gray(0.0) }];
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
                    text.push(Op::ShowText {
                        items: vec![TextItem::Text(run.text.clone())],
                    });
                }
            }
            Item::TickBox { x, y, size } => {
                ops.push(Op::SetOutlineThickness { pt: Pt(0.7) });
                ops.push(Op::DrawRectangle {
                    rectangle: Rect {
                        x: Pt(*x),
                        y: Pt(h - y - size),
                        width: Pt(*size),
                        height: Pt(*size),
                        mode: Some(PaintMode::Stroke),
                        winding_order: None,
                    },
                });
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
        }
    }
    text.push(Op::EndTextSection);
    ops.extend(text);
    ops
}

/// Adds what printpdf does not write: /Lang, and a file id derived from the
/// content; then compresses.
fn finish(doc: &mut lopdf::Document, options: &PdfOptions) {
    if let Ok(root) = doc.trailer.get(b"Root").and_then(Object::as_reference) {
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
