//! PDF output: draws a [`Layout`] (printpdf lays out the page tree and
//! resources, this module writes the content), finishes the document with
//! lopdf (structure tree for PDF/UA-1, metadata, outline, form fields, a
//! content-derived file id, compression; PDF/A-2b on request) and writes
//! the file.
//!
//! Nothing here decides where anything goes. Fonts are embedded as subsets
//! under fixed resource names (see `fonts`), and the file id is a hash of
//! the content, so the same input and date give the same bytes, also within
//! one process and whatever the caches hold.
//!
//! - `page`: the drawing of each kind of layout item;
//! - `fonts`: font embedding, the only place that turns faces into PDF fonts;
//! - `tags`, `annots`: marked content and the structure tree, from the
//!   layout's tags;
//! - `meta`: information dictionary, XMP, PDF/A output intent;
//! - `outline`, `forms`, `finish`: what else is added to printpdf's output;
//! - `write`: the file itself, in object streams with a cross-reference
//!   stream.

use lopdf::{Dictionary, Object, ObjectId, StringFormat};
use printpdf::{
    PdfDocument, PdfPage, PdfParseErrorSeverity, PdfSaveOptions, Pt, RawImage, RawImageData,
    RawImageFormat, XObject, XObjectId,
};

use crate::fonts::{FontError, FontSet};
use crate::layout::{Item, Layout};
use crate::model::image::{Image, PixelFormat};

mod annots;
pub(crate) mod fields;
mod finish;
mod fonts;
mod forms;
mod meta;
mod outline;
mod page;
mod tags;
mod write;

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
    /// Facts recorded in the document information and covered by the
    /// content hash (see `fields`), as key and value.
    pub record: Vec<(String, String)>,
    /// The document's languages, in the layout's order (a line's `lang`
    /// indexes this list).
    pub languages: Vec<Language>,
    /// Write PDF/A-2b (archival): an sRGB output intent and PDF/A
    /// identification in the XMP.
    pub archival: bool,
    /// Message ids of the lines that print per-person text (an employee's
    /// name): characters only they use are embedded in a small subset of
    /// their own, so the subset of everything else is the same for every
    /// person and is made once.
    pub personal: Vec<String>,
}

/// One language of a document, as the PDF names and describes things in it.
#[derive(Debug, Clone, Default)]
pub struct Language {
    /// BCP 47 tag, written as `/Lang` of every element in this language.
    pub tag: String,
    /// The document's title in this language (XMP `dc:title`).
    pub title: String,
    /// How a telephone link is described to a screen reader, `{number}`
    /// standing for the number: "Call {number}".
    pub call: String,
    /// How a web link is described, `{address}` standing for the address:
    /// "Open {address}".
    pub open: String,
}

impl Language {
    /// The description of a link to `uri`, e.g. "Call +861012308".
    pub fn describe(&self, uri: &str) -> String {
        match uri.strip_prefix("tel:") {
            Some(number) if self.call.contains("{number}") => self.call.replace("{number}", number),
            None if self.open.contains("{address}") => self.open.replace("{address}", uri),
            Some(number) => number.to_string(),
            None => uri.to_string(),
        }
    }
}

/// Empties the PDF stage's process-wide caches (font subsets, deflated
/// page content), e.g. to measure a document made from scratch. Output does
/// not depend on them.
pub fn clear_caches() {
    fonts::clear_cache();
    finish::clear_cache();
}

/// Writes `layout` as PDF bytes, embedding the faces of `fonts` it uses.
pub fn export(layout: &Layout, fonts: &FontSet, options: &PdfOptions) -> Result<Vec<u8>, PdfError> {
    let mut doc = PdfDocument::new(&options.title);
    let doc_fonts = fonts::DocumentFonts::collect(layout, fonts, &options.personal)?;
    let images = add_images(&mut doc, layout);
    let res = page::Resources {
        fonts: &doc_fonts,
        images: &images,
        forms: options.forms,
    };
    let mut drawn: Vec<page::Drawn> = layout.pages.iter().map(|p| page::draw(p, &res)).collect();
    let pages = layout
        .pages
        .iter()
        .zip(&mut drawn)
        .map(|(p, d)| {
            PdfPage::new(
                Pt(p.width).into(),
                Pt(p.height).into(),
                std::mem::take(&mut d.annotations),
            )
        })
        .collect();
    doc.with_pages(pages);

    let mut warnings = Vec::new();
    // Streams are compressed once, in `finish`; page content is set below.
    let save = PdfSaveOptions {
        subset_fonts: false,
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
    let marks: Vec<Vec<page::Marks>> = drawn
        .iter_mut()
        .map(|d| std::mem::take(&mut d.marks))
        .collect();
    set_contents(&mut lo, &page_ids, drawn)?;
    let embedded = doc_fonts.embed(&mut lo)?;
    fonts::register(&mut lo, &embedded)?;
    outline::outline(&mut lo, layout, &page_ids, options.open_outline);
    if options.forms {
        forms::checkboxes(&mut lo, layout, &page_ids);
        fields::text_fields(&mut lo, layout, &page_ids);
    }
    let annots = annots::hoist(&mut lo, layout, &page_ids);
    let input = tags::Input {
        pages: &page_ids,
        marks: &marks,
        annots: &annots,
        langs: &options.languages,
    };
    let elements = tags::tag(&mut lo, layout, &input);
    meta::metadata(&mut lo, options)?;
    // Last before finishing: the hash covers the pages' final content.
    fields::stamp(&mut lo, &options.record);
    finish::finish(&mut lo, options, &embedded);
    // With object streams: the structure tree is hundreds of small
    // objects, which they compress (see `write`).
    write::write(&lo, &elements)
}

/// Puts each page's content stream in place of the empty one printpdf wrote.
fn set_contents(
    doc: &mut lopdf::Document,
    pages: &[ObjectId],
    drawn: Vec<page::Drawn>,
) -> Result<(), PdfError> {
    for (&page, d) in pages.iter().zip(drawn) {
        let contents = doc
            .get_object(page)
            .and_then(Object::as_dict)
            .and_then(|p| p.get(b"Contents"))
            .and_then(Object::as_reference)
            .map_err(|e| PdfError::Writer(format!("page contents: {e}")))?;
        match doc.get_object_mut(contents) {
            Ok(Object::Stream(stream)) => stream.set_content(d.content),
            _ => return Err(PdfError::Writer("page contents: not a stream".into())),
        }
    }
    Ok(())
}

/// Registers every distinct image the layout draws, in order of first use.
fn add_images<'a>(doc: &mut PdfDocument, layout: &'a Layout) -> Vec<(&'a Image, XObjectId)> {
    let mut images: Vec<(&Image, XObjectId)> = Vec::new();
    for item in layout.pages.iter().flat_map(|p| &p.items) {
        let Item::Image { image, .. } = item else {
            continue;
        };
        if images.iter().any(|(i, _)| *i == &**image) {
            continue;
        }
        let id = match images.len() {
            0 => XObjectId("PDLogo".into()),
            n => XObjectId(format!("PDImage{n}")),
        };
        let raw = RawImage {
            pixels: RawImageData::U8(image.pixels.to_vec()),
            width: image.width as usize,
            height: image.height as usize,
            data_format: match image.format {
                PixelFormat::Rgb8 => RawImageFormat::RGB8,
                PixelFormat::Rgba8 => RawImageFormat::RGBA8,
            },
            tag: Vec::new(),
        };
        doc.resources
            .xobjects
            .map
            .insert(id.clone(), XObject::Image(raw));
        images.push((image, id));
    }
    images
}

/// UTF-16BE with a byte-order mark, as PDF text strings want.
fn text_string(s: &str) -> Object {
    let mut bytes = vec![0xFE, 0xFF];
    bytes.extend(s.encode_utf16().flat_map(|u| u.to_be_bytes()));
    Object::String(bytes, StringFormat::Hexadecimal)
}

/// The document catalog.
fn catalog(doc: &mut lopdf::Document) -> Option<&mut Dictionary> {
    let root = doc
        .trailer
        .get(b"Root")
        .and_then(Object::as_reference)
        .ok()?;
    doc.get_object_mut(root).and_then(Object::as_dict_mut).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Catalog;
    use crate::{Renderer, Request};

    fn renderer() -> Renderer {
        Renderer::new(Catalog::bundled().unwrap(), FontSet::bundled()).unwrap()
    }

    fn request(checklist: &str, langs: &[&str]) -> Request {
        Request {
            timestamp: Some(0),
            ..Request::handout(checklist, langs)
        }
    }

    /// A packet of overseas-staff for `name`, with the example organisation.
    fn packet(name: &str, langs: &[&str]) -> Request {
        let org = crate::model::Org::load("examples/org/org.toml".as_ref()).unwrap();
        Request {
            profile: crate::layout::Profile::Packet,
            org: Some(org),
            packet: Some(crate::PacketRequest {
                name: Some(name.into()),
                departure: None,
                date: crate::model::Date::parse("2026-12-01").unwrap(),
            }),
            ..request("overseas-staff", langs)
        }
    }

    #[test]
    fn same_bytes_with_or_without_the_caches() {
        let r = renderer();
        let a = request("short-trip", &["zh-CN", "en"]);
        let b = request("short-trip", &["en"]);
        let packet = |name: &str| packet(name, &["zh-CN", "en"]);
        r.clear_caches();
        let cold = r.render(&a).unwrap();
        let cold_packet = r.render(&packet("龑鱻")).unwrap();
        assert!(fonts::cached() > 0);
        r.render(&b).unwrap();
        r.render(&packet("王芳")).unwrap();
        let warm = r.render(&a).unwrap();
        let warm_packet = r.render(&packet("龑鱻")).unwrap();
        r.clear_caches();
        let again = r.render(&a).unwrap();
        assert!(cold == warm && warm == again);
        assert!(cold_packet == warm_packet);
    }

    /// The base names and font programs of `pdf`'s fonts.
    fn font_programs(pdf: &[u8]) -> Vec<(String, Vec<u8>)> {
        let doc = lopdf::Document::load_mem(pdf).unwrap();
        let mut out = Vec::new();
        for object in doc.objects.values() {
            let Ok(fd) = object.as_dict() else { continue };
            let Ok(file) = fd.get(b"FontFile2").and_then(Object::as_reference) else {
                continue;
            };
            let name = fd.get(b"FontName").unwrap().as_name().unwrap();
            let name = String::from_utf8_lossy(&name[7..]).into_owned();
            let program = doc.get_object(file).unwrap().as_stream().unwrap();
            out.push((name, program.content.clone()));
        }
        out.sort();
        out
    }

    #[test]
    fn a_name_the_packet_lacks_gets_a_subset_of_its_own() {
        let r = renderer();
        let packet =
            |name: &str| font_programs(&r.render(&packet(name, &["zh-CN", "en"])).unwrap());
        let sc = |fonts: Vec<(String, Vec<u8>)>| {
            let mut programs: Vec<Vec<u8>> = fonts
                .into_iter()
                .filter(|(n, _)| n == "NotoSansSC-Regular")
                .map(|(_, p)| p)
                .collect();
            programs.sort_by_key(Vec::len);
            // The shared subset, then the personal one (the name's rare
            // characters and what only the per-person lines print).
            let shared = programs.pop().unwrap();
            (shared, programs)
        };
        let (shared, common) = sc(packet("国安"));
        let (shared2, common2) = sc(packet("安国"));
        let (shared3, rare) = sc(packet("鑫淼"));
        let (shared4, other) = sc(packet("燚垚"));
        // Whatever the name, the shared subset is the same: made once.
        assert!(shared == shared2 && shared == shared3 && shared == shared4);
        // Names of characters printed elsewhere give the same personal
        // subset; rare ones a small subset of their own.
        assert_eq!(common, common2);
        assert_eq!((rare.len(), other.len()), (1, 1));
        assert_ne!(rare, other);
        assert_ne!(rare, common);
        assert!(rare[0].len() * 10 < shared.len());
    }

    #[test]
    fn fonts_are_complete_cid_fonts() {
        let pdf = renderer()
            .render(&request("short-trip", &["zh-CN", "en"]))
            .unwrap();
        let doc = lopdf::Document::load_mem(&pdf).unwrap();
        let mut type0 = 0;
        for object in doc.objects.values() {
            let Ok(dict) = object.as_dict() else { continue };
            if dict.get(b"Subtype").and_then(Object::as_name).ok() != Some(b"Type0") {
                continue;
            }
            type0 += 1;
            assert_eq!(
                dict.get(b"Encoding").unwrap().as_name().unwrap(),
                b"Identity-H"
            );
            assert!(dict.get(b"ToUnicode").unwrap().as_reference().is_ok());
            let cid = dict.get(b"DescendantFonts").unwrap().as_array().unwrap()[0]
                .as_reference()
                .unwrap();
            let cid = doc.get_dictionary(cid).unwrap();
            assert_eq!(
                cid.get(b"Subtype").unwrap().as_name().unwrap(),
                b"CIDFontType2"
            );
            assert!(!cid.get(b"W").unwrap().as_array().unwrap().is_empty());
            let fd = doc
                .get_dictionary(cid.get(b"FontDescriptor").unwrap().as_reference().unwrap())
                .unwrap();
            for key in [
                "Flags",
                "FontBBox",
                "ItalicAngle",
                "Ascent",
                "Descent",
                "CapHeight",
                "StemV",
                "FontFile2",
                "FontName",
            ] {
                assert!(fd.get(key.as_bytes()).is_ok(), "{key}");
            }
            let name = fd.get(b"FontName").unwrap().as_name().unwrap();
            assert_eq!(name[6], b'+', "{}", String::from_utf8_lossy(name));
            assert!(fd.get(b"Descent").unwrap().as_i64().unwrap() < 0);
        }
        assert_eq!(type0, 4);
    }

    #[test]
    fn characters_that_share_a_glyph_copy_out_as_typeset() {
        // Noto Sans SC draws the middle dot, the bullet and the hyphenation
        // point with one glyph.
        let fonts = FontSet::bundled();
        let sc = fonts
            .family("NotoSansSC", crate::fonts::Weight::Regular, "zh-CN")
            .unwrap();
        let face = ttf_parser::Face::parse(fonts.face(sc).data(), 0).unwrap();
        assert_eq!(face.glyph_index('·'), face.glyph_index('•'));
        assert_eq!(face.glyph_index('·'), face.glyph_index('‧'));
        let name = "买买提·艾力•李‧雷";
        let pdf = renderer().render(&packet(name, &["zh-CN"])).unwrap();
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.pdf");
        std::fs::write(&path, &pdf).unwrap();
        let out = std::process::Command::new("pdftotext")
            .arg(&path)
            .arg("-")
            .output()
            .unwrap();
        let text = String::from_utf8(out.stdout).unwrap();
        assert!(text.contains(name), "{text}");
        let doc = lopdf::Document::load_mem(&pdf).unwrap();
        let maps = doc
            .objects
            .values()
            .filter_map(|o| o.as_dict().ok()?.get(b"CIDToGIDMap").ok())
            .filter(|m| m.as_reference().is_ok())
            .count();
        assert_eq!(maps, 1);
    }

    #[test]
    fn to_unicode_gives_back_the_characters_typeset() {
        let cmap = fonts::to_unicode_for_test(&['A', '国', '😀']);
        assert!(cmap
            .contains("3 beginbfchar\n<0001> <0041>\n<0002> <56FD>\n<0003> <D83DDE00>\nendbfchar"));
    }
}
