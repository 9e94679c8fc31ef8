//! Document metadata: the information dictionary and an XMP stream that
//! agree with each other (title in every language, languages, dates, PDF/UA
//! and PDF/A identification), the version, and for PDF/A an output intent
//! with an embedded sRGB profile.
//!
//! Nothing here is random: the XMP carries no instance id, so the same
//! input gives the same bytes.

use lopdf::{dictionary, Object, Stream, StringFormat};
use printpdf::OffsetDateTime;
use xmp_writer::{DateTime, LangId, Timezone, XmpWriter};

use super::{catalog, text_string, PdfError, PdfOptions};

/// The sRGB profile of the output intent (Debian's `icc-profiles-free`,
/// zlib licence: see `sRGB.icc.LICENSE` beside it), 6,922 bytes.
const SRGB: &[u8] = include_bytes!("sRGB.icc");

/// Writes the version, the information dictionary, the XMP stream, the
/// viewer preferences and, for PDF/A, the output intent.
pub(super) fn metadata(doc: &mut lopdf::Document, options: &PdfOptions) -> Result<(), PdfError> {
    doc.version = "1.7".into();
    let date = OffsetDateTime::from_unix_timestamp(options.timestamp)
        .map_err(|e| PdfError::Writer(format!("timestamp {}: {e}", options.timestamp)))?;
    // printpdf's dictionary, which claims PDF/X with an empty version, goes.
    if let Ok(old) = doc.trailer.get(b"Info").and_then(Object::as_reference) {
        doc.objects.remove(&old);
    }
    let info_id = doc.add_object(info(options, date));
    doc.trailer.set("Info", info_id);
    let xmp = xmp(options, date);
    let mut stream = Stream::new(
        dictionary! { "Type" => "Metadata", "Subtype" => "XML" },
        xmp.into_bytes(),
    );
    // Left uncompressed, so that tools that do not parse PDF find it.
    stream.allows_compression = false;
    let xmp_id = doc.add_object(stream);
    let intent = options.archival.then(|| {
        let mut icc = Stream::new(dictionary! { "N" => 3 }, SRGB.to_vec());
        icc.allows_compression = true;
        let icc = doc.add_object(icc);
        dictionary! {
            "Type" => "OutputIntent",
            "S" => "GTS_PDFA1",
            "OutputConditionIdentifier" => Object::string_literal("sRGB IEC61966-2.1"),
            "RegistryName" => Object::string_literal("http://www.color.org"),
            "Info" => Object::string_literal("sRGB IEC61966-2.1"),
            "DestOutputProfile" => icc,
        }
    });
    if let Some(catalog) = catalog(doc) {
        catalog.set("Metadata", xmp_id);
        catalog.set(
            "ViewerPreferences",
            dictionary! { "DisplayDocTitle" => true },
        );
        if let Some(intent) = intent {
            catalog.set("OutputIntents", vec![Object::Dictionary(intent)]);
        }
    }
    Ok(())
}

/// The information dictionary: what the XMP says, and nothing else (no
/// empty PDF/X version, which would claim PDF/X).
fn info(options: &PdfOptions, date: OffsetDateTime) -> lopdf::Dictionary {
    let creator = creator();
    let mut info = dictionary! {
        "Title" => text_string(&options.title),
        "Creator" => text_string(&creator),
        "Producer" => text_string(&creator),
        "CreationDate" => pdf_date(date),
        "ModDate" => pdf_date(date),
    };
    for (key, value) in [
        ("Author", options.author.clone()),
        ("Subject", options.subject.clone()),
        ("Keywords", options.keywords.join(", ")),
    ] {
        if !value.is_empty() {
            info.set(key, text_string(&value));
        }
    }
    info
}

fn creator() -> String {
    concat!("predeparture ", env!("CARGO_PKG_VERSION")).into()
}

/// A date as the information dictionary writes it, in UTC.
fn pdf_date(d: OffsetDateTime) -> Object {
    let s = format!(
        "D:{:04}{:02}{:02}{:02}{:02}{:02}Z",
        d.year(),
        u8::from(d.month()),
        d.day(),
        d.hour(),
        d.minute(),
        d.second()
    );
    Object::String(s.into_bytes(), StringFormat::Literal)
}

/// The XMP packet.
fn xmp(options: &PdfOptions, date: OffsetDateTime) -> String {
    let mut x = XmpWriter::new();
    let mut titles: Vec<(Option<LangId>, &str)> = vec![(None, options.title.as_str())];
    for lang in &options.languages {
        if !lang.title.is_empty() {
            titles.push((Some(LangId(&lang.tag)), &lang.title));
        }
    }
    x.title(titles);
    x.language(options.languages.iter().map(|l| LangId(&l.tag)));
    if !options.author.is_empty() {
        x.creator([options.author.as_str()]);
    }
    if !options.subject.is_empty() {
        x.description([(None, options.subject.as_str())]);
    }
    let keywords = options.keywords.join(", ");
    if !keywords.is_empty() {
        x.pdf_keywords(&keywords);
    }
    let creator = creator();
    x.creator_tool(&creator);
    x.producer(&creator);
    x.format("application/pdf");
    let when = DateTime {
        year: date.year().clamp(0, 9999) as u16,
        month: Some(u8::from(date.month())),
        day: Some(date.day()),
        hour: Some(date.hour()),
        minute: Some(date.minute()),
        second: Some(date.second()),
        timezone: Some(Timezone::Utc),
    };
    x.create_date(when);
    x.modify_date(when);
    x.metadata_date(when);
    x.pdfua_part(1);
    if options.archival {
        x.pdfa_part(2);
        x.pdfa_conformance("B");
        // PDF/A-2 knows the pdfuaid properties only when they are declared.
        x.extension_schemas()
            .pdfua_id()
            .properties()
            .describe_part();
    }
    x.finish(None)
}
