//! Serialises the finished document: every object that may go into an
//! object stream does (the structure tree is hundreds of small
//! dictionaries), streams are written as they are (already compressed by
//! `finish` or the font embedding), and a compressed cross-reference stream
//! ends the file.
//!
//! lopdf's own writer serialises each packed object three times and
//! deflates with zlib at level 6; this one writes each object once and
//! deflates with libdeflate at a level chosen by measurement
//! ([`Level::Objects`]). Objects are written in id order, so the same
//! document gives the same bytes.

use std::collections::BTreeMap;
use std::io::Write;

use lopdf::{Dictionary, Object, StringFormat};

use super::finish::{deflate, Level};
use super::PdfError;

/// Objects per object stream. Fewer, larger streams deflate better (their
/// dictionaries share keys). Measured on the bilingual student handout and
/// a packet: 100 per stream as lopdf does, 189,509 and 211,336 bytes; 500,
/// 188,365 and 210,136 bytes.
const PER_STREAM: usize = 500;

/// Objects already in PDF syntax, by object number (generation 0), kept
/// out of the lopdf document: the structure tree's elements.
pub(super) type Raw = BTreeMap<u32, Vec<u8>>;

/// An object to put in an object stream.
enum Packed<'a> {
    Object(&'a Object),
    Raw(&'a [u8]),
}

/// `doc` and the objects `raw` as PDF bytes, with object streams and a
/// cross-reference stream.
pub(super) fn write(doc: &lopdf::Document, raw: &Raw) -> Result<Vec<u8>, PdfError> {
    let mut out = Vec::with_capacity(64 << 10);
    out.extend_from_slice(b"%PDF-");
    out.extend_from_slice(doc.version.as_bytes());
    out.extend_from_slice(b"\n%");
    out.extend_from_slice(&doc.binary_mark);
    out.push(b'\n');

    let size = doc.max_id as usize + 1;
    let mut xref = vec![Entry::Free; size];
    let mut packed = Vec::new();
    for (&(id, generation), object) in &doc.objects {
        if generation == 0 && packable(object) {
            packed.push((id, Packed::Object(object)));
        } else if let Some(entry) = xref.get_mut(id as usize) {
            *entry = Entry::At(out.len(), generation);
            indirect(&mut out, id, generation, object);
        }
    }
    packed.extend(raw.iter().map(|(&id, bytes)| (id, Packed::Raw(bytes))));
    packed.sort_by_key(|p| p.0);
    let mut next_id = doc.max_id + 1;
    for chunk in packed.chunks(PER_STREAM) {
        let stream_id = next_id;
        next_id += 1;
        for (index, (id, _)) in chunk.iter().enumerate() {
            if let Some(entry) = xref.get_mut(*id as usize) {
                *entry = Entry::In(stream_id, index as u32);
            }
        }
        let stream = object_stream(chunk)?;
        xref.push(Entry::At(out.len(), 0));
        indirect(&mut out, stream_id, 0, &Object::Stream(stream));
    }
    let xref_id = next_id;
    let start = out.len();
    xref.push(Entry::At(start, 0));
    let stream = xref_stream(&doc.trailer, &xref)?;
    indirect(&mut out, xref_id, 0, &Object::Stream(stream));
    out.extend_from_slice(b"startxref\n");
    out.extend_from_slice(itoa::Buffer::new().format(start).as_bytes());
    out.extend_from_slice(b"\n%%EOF\n");
    Ok(out)
}

/// Where an object is: nowhere (a free entry), at a byte offset with its
/// generation, or at an index in an object stream.
#[derive(Debug, Clone, Copy)]
enum Entry {
    Free,
    At(usize, u16),
    In(u32, u32),
}

/// Whether an object may be stored in an object stream (ISO 32000-1
/// §7.5.7): not a stream, not a cross-reference or object stream.
fn packable(object: &Object) -> bool {
    match object {
        Object::Stream(_) => false,
        Object::Dictionary(dict) => !matches!(
            dict.get(b"Type").and_then(Object::as_name),
            Ok(b"XRef" | b"ObjStm")
        ),
        _ => true,
    }
}

/// `id generation obj … endobj`.
fn indirect(out: &mut Vec<u8>, id: u32, generation: u16, object: &Object) {
    let mut buf = itoa::Buffer::new();
    out.extend_from_slice(buf.format(id).as_bytes());
    out.push(b' ');
    out.extend_from_slice(buf.format(generation).as_bytes());
    out.extend_from_slice(b" obj\n");
    write_object(out, object);
    out.extend_from_slice(b"\nendobj\n");
}

/// An object stream holding `objects`, deflated.
fn object_stream(objects: &[(u32, Packed<'_>)]) -> Result<lopdf::Stream, PdfError> {
    let mut body = Vec::new();
    let mut header = Vec::new();
    let mut buf = itoa::Buffer::new();
    for (id, object) in objects {
        if !header.is_empty() {
            header.push(b' ');
        }
        header.extend_from_slice(buf.format(*id).as_bytes());
        header.push(b' ');
        header.extend_from_slice(buf.format(body.len()).as_bytes());
        match object {
            Packed::Object(object) => write_object(&mut body, object),
            Packed::Raw(bytes) => body.extend_from_slice(bytes),
        }
        body.push(b'\n');
    }
    header.push(b'\n');
    let first = header.len();
    header.extend_from_slice(&body);
    let mut dict = Dictionary::new();
    dict.set("Type", Object::Name(b"ObjStm".to_vec()));
    dict.set("N", objects.len() as i64);
    dict.set("First", first as i64);
    dict.set("Filter", Object::Name(b"FlateDecode".to_vec()));
    Ok(lopdf::Stream::new(dict, deflate(&header, Level::Objects)?))
}

/// The cross-reference stream: the trailer's entries (root, information,
/// id) and one row per object, deflated.
fn xref_stream(trailer: &Dictionary, xref: &[Entry]) -> Result<lopdf::Stream, PdfError> {
    // Field widths: type, offset or stream id, generation or index.
    const W: [usize; 3] = [1, 4, 2];
    let mut rows = Vec::with_capacity(xref.len() * 7);
    for (id, entry) in xref.iter().enumerate() {
        let (kind, a, b) = match *entry {
            Entry::Free if id == 0 => (0u8, 0u32, 0xFFFFu32),
            Entry::Free => (0, 0, 0),
            Entry::At(offset, generation) => (1, offset as u32, u32::from(generation)),
            Entry::In(stream, index) => (2, stream, index),
        };
        rows.push(kind);
        rows.extend_from_slice(&a.to_be_bytes());
        rows.extend_from_slice(&(b as u16).to_be_bytes());
    }
    let mut dict = Dictionary::new();
    for (key, value) in trailer {
        if !matches!(
            key.as_slice(),
            b"Size" | b"W" | b"Index" | b"Filter" | b"Length" | b"Type" | b"Prev" | b"XRefStm"
        ) {
            dict.set(key.clone(), value.clone());
        }
    }
    dict.set("Type", Object::Name(b"XRef".to_vec()));
    dict.set("Size", xref.len() as i64);
    dict.set("W", W.map(|w| Object::Integer(w as i64)).to_vec());
    dict.set("Filter", Object::Name(b"FlateDecode".to_vec()));
    Ok(lopdf::Stream::new(dict, deflate(&rows, Level::Objects)?))
}

/// Writes `object` in PDF syntax.
pub(super) fn write_object(out: &mut Vec<u8>, object: &Object) {
    match object {
        Object::Null => out.extend_from_slice(b"null"),
        Object::Boolean(true) => out.extend_from_slice(b"true"),
        Object::Boolean(false) => out.extend_from_slice(b"false"),
        Object::Integer(n) => out.extend_from_slice(itoa::Buffer::new().format(*n).as_bytes()),
        Object::Real(n) => real(out, *n),
        Object::Name(name) => write_name(out, name),
        Object::String(text, StringFormat::Literal) => literal(out, text),
        Object::String(text, StringFormat::Hexadecimal) => hex(out, text),
        Object::Array(items) => {
            out.push(b'[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 && needs_space(item) {
                    out.push(b' ');
                }
                write_object(out, item);
            }
            out.push(b']');
        }
        Object::Dictionary(dict) => write_dict(out, dict, None),
        Object::Stream(stream) => {
            write_dict(out, &stream.dict, Some(stream.content.len()));
            out.extend_from_slice(b"stream\n");
            out.extend_from_slice(&stream.content);
            out.extend_from_slice(b"\nendstream");
        }
        Object::Reference((id, generation)) => {
            let mut buf = itoa::Buffer::new();
            out.extend_from_slice(buf.format(*id).as_bytes());
            out.push(b' ');
            out.extend_from_slice(buf.format(*generation).as_bytes());
            out.extend_from_slice(b" R");
        }
    }
}

/// A dictionary; for a stream's, with `/Length` set to the content's.
fn write_dict(out: &mut Vec<u8>, dict: &Dictionary, length: Option<usize>) {
    out.extend_from_slice(b"<<");
    for (key, value) in dict {
        if length.is_some() && key.as_slice() == b"Length" {
            continue;
        }
        write_name(out, key);
        if needs_space(value) {
            out.push(b' ');
        }
        write_object(out, value);
    }
    if let Some(length) = length {
        out.extend_from_slice(b"/Length ");
        out.extend_from_slice(itoa::Buffer::new().format(length).as_bytes());
    }
    out.extend_from_slice(b">>");
}

/// Whether `object` needs a space after what precedes it (a name or
/// another object): everything that does not start with a delimiter.
fn needs_space(object: &Object) -> bool {
    matches!(
        object,
        Object::Null
            | Object::Boolean(_)
            | Object::Integer(_)
            | Object::Real(_)
            | Object::Reference(_)
    )
}

/// A number as PDF writes it: whole numbers as integers, others in the
/// shortest decimal form that reads back exactly, never with an exponent.
pub(super) fn real(out: &mut Vec<u8>, n: f32) {
    if !n.is_finite() {
        out.push(b'0');
    } else if n == n.trunc() && n.abs() < 1e9 {
        out.extend_from_slice(itoa::Buffer::new().format(n as i64).as_bytes());
    } else {
        let mut buf = ryu::Buffer::new();
        let s = buf.format_finite(n);
        if s.contains('e') {
            // Very small or large: `Display` never uses an exponent.
            // Writing into a Vec cannot fail.
            let _ = write!(out, "{n}");
        } else {
            out.extend_from_slice(s.strip_suffix(".0").unwrap_or(s).as_bytes());
        }
    }
}

/// `/Name`, with `#xx` for delimiters, white space and bytes outside `!`–`~`.
pub(super) fn write_name(out: &mut Vec<u8>, name: &[u8]) {
    out.push(b'/');
    if name.iter().all(u8::is_ascii_alphanumeric) {
        out.extend_from_slice(name);
        return;
    }
    for &byte in name {
        if b" \t\n\r\x0C()<>[]{}/%#".contains(&byte) || !(33..=126).contains(&byte) {
            out.push(b'#');
            push_hex(out, byte);
        } else {
            out.push(byte);
        }
    }
}

/// `(text)`, with backslashes, parentheses and carriage returns escaped.
fn literal(out: &mut Vec<u8>, text: &[u8]) {
    out.push(b'(');
    for &byte in text {
        match byte {
            b'(' | b')' | b'\\' => out.extend_from_slice(&[b'\\', byte]),
            b'\r' => out.extend_from_slice(b"\\r"),
            _ => out.push(byte),
        }
    }
    out.push(b')');
}

/// `<hex>`.
fn hex(out: &mut Vec<u8>, text: &[u8]) {
    out.push(b'<');
    for &byte in text {
        push_hex(out, byte);
    }
    out.push(b'>');
}

fn push_hex(out: &mut Vec<u8>, byte: u8) {
    const DIGITS: &[u8; 16] = b"0123456789ABCDEF";
    out.push(DIGITS[usize::from(byte >> 4)]);
    out.push(DIGITS[usize::from(byte & 15)]);
}

#[cfg(test)]
mod tests {
    use super::*;
    use lopdf::dictionary;

    fn text(object: &Object) -> String {
        let mut out = Vec::new();
        write_object(&mut out, object);
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn objects_in_pdf_syntax() {
        let dict = dictionary! {
            "Type" => "StructElem",
            "K" => vec![Object::Integer(3), Object::Reference((7, 0)), Object::Real(0.5)],
            "Alt" => Object::String(vec![0xFE, 0xFF, 0, b'A'], StringFormat::Hexadecimal),
            "T" => Object::string_literal("a(b)\\c\r"),
            "N" => Object::Name(b"a b#".to_vec()),
            "B" => true,
        };
        assert_eq!(
            text(&Object::Dictionary(dict)),
            "<</Type/StructElem/K[3 7 0 R 0.5]/Alt<FEFF0041>/T(a\\(b\\)\\\\c\\r)/N/a#20b#23/B true>>"
        );
    }

    #[test]
    fn numbers_never_use_exponents() {
        for (n, s) in [(1e-7f32, "0.0000001"), (3.0e9, "3000000000"), (-2.0, "-2")] {
            let mut out = Vec::new();
            real(&mut out, n);
            assert_eq!(String::from_utf8(out).unwrap(), s);
        }
    }

    #[test]
    fn lopdf_reads_the_file_back() {
        let mut doc = lopdf::Document::with_version("1.7");
        let page = doc.add_object(dictionary! { "Type" => "Page" });
        let content = doc.add_object(lopdf::Stream::new(dictionary! {}, b"BT ET".to_vec()));
        let catalog = doc.add_object(dictionary! {
            "Type" => "Catalog",
            "K" => vec![Object::Reference(page), Object::Reference(content)],
        });
        doc.trailer.set("Root", catalog);
        let bytes = write(&doc, &Raw::new()).unwrap();
        let back = lopdf::Document::load_mem(&bytes).unwrap();
        let page = back.get_dictionary(page).unwrap();
        assert_eq!(page.get(b"Type").unwrap().as_name().unwrap(), b"Page");
        let content = back.get_object(content).unwrap().as_stream().unwrap();
        assert_eq!(content.content, b"BT ET");
        assert!(back.trailer.get(b"Root").is_ok());
    }
}
