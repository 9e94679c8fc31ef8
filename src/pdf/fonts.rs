//! Font embedding: the one place that turns faces into PDF fonts.
//!
//! Each face a document draws with becomes a Type0 font with Identity-H
//! encoding over a CIDFontType2 (TrueType outlines, `/FontFile2`) or
//! CIDFontType0 (CFF outlines, `/FontFile3 /OpenType`) descendant, holding a
//! subset of the face made by the `subsetter` crate. Text is written as
//! 2-byte codes that are the glyph ids of the subset (`/CIDToGIDMap
//! /Identity`); `/W` gives every glyph's advance and `/ToUnicode` maps every
//! code back to the character that was typeset with it.
//!
//! A subset is a pure function of the face and the glyphs used (and the
//! characters they stand for), so it is kept in a bounded cache: documents
//! that use the same glyphs share the work, and output is the same with or
//! without the cache.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::ops::Range;
use std::sync::{Arc, Mutex, OnceLock};

use lopdf::{dictionary, Object, ObjectId, Stream};
use sha2::{Digest, Sha256};

use super::finish::{deflate, Level};
use super::PdfError;
use crate::fonts::{Face, FaceId, FontError, FontSet};
use crate::layout::{Item, Layout};

/// The glyphs a document draws with one face, each with a character it
/// stands for, ordered by glyph id.
type Glyphs = BTreeSet<(u16, char)>;

/// How the codes of a subset are numbered.
struct Numbering {
    /// The glyph ids (in the face) of the subset's glyphs, by their id in
    /// the subset: `.notdef`, then ascending.
    order: Vec<u16>,
    /// For each code (CID): its glyph's id in the subset and the character
    /// it stands for. Code and subset id are the same except where two
    /// characters share a glyph: the second gets a code after all the
    /// glyphs, so that each code copies out as the character typeset.
    cids: Vec<(u16, Option<char>)>,
}

impl Numbering {
    /// `share`: whether characters that share a glyph get codes of their
    /// own (needs a CIDToGIDMap, which CFF fonts cannot have).
    fn new(glyphs: &Glyphs, share: bool) -> Self {
        let mut order = vec![0];
        order.extend(glyphs.iter().map(|g| g.0).filter(|&g| g != 0));
        order.dedup();
        let mut cids: Vec<(u16, Option<char>)> =
            (0..order.len()).map(|i| (i as u16, None)).collect();
        let mut extra = Vec::new();
        for &(gid, ch) in glyphs {
            let Ok(new) = order.binary_search(&gid) else {
                continue;
            };
            let room = cids.len() + extra.len() < usize::from(u16::MAX);
            match &mut cids[new].1 {
                slot @ None => *slot = Some(ch),
                Some(_) if share && room => extra.push((new as u16, Some(ch))),
                Some(_) => {}
            }
        }
        cids.extend(extra);
        Numbering { order, cids }
    }

    /// Whether some code is not its glyph's id.
    fn shares(&self) -> bool {
        self.cids.len() > self.order.len()
    }
}

/// A map from characters to 16-bit numbers (glyph ids or codes), direct for
/// ASCII and by binary search otherwise: the lookups of every character of a
/// document are most of the PDF stage's text work.
struct CharMap {
    ascii: [u16; 128],
    other: Vec<(char, u16)>,
}

impl CharMap {
    const NONE: u16 = u16::MAX;

    fn new() -> Self {
        CharMap {
            ascii: [Self::NONE; 128],
            other: Vec::new(),
        }
    }

    fn get(&self, ch: char) -> Option<u16> {
        let value = match self.ascii.get(ch as usize) {
            Some(&v) => v,
            None => {
                let i = self.other.binary_search_by_key(&ch, |e| e.0).ok()?;
                self.other[i].1
            }
        };
        (value != Self::NONE).then_some(value)
    }

    fn insert(&mut self, ch: char, value: u16) {
        match self.ascii.get_mut(ch as usize) {
            Some(slot) => *slot = value,
            None => match self.other.binary_search_by_key(&ch, |e| e.0) {
                Ok(i) => self.other[i].1 = value,
                Err(i) => self.other.insert(i, (ch, value)),
            },
        }
    }
}

/// One face as used by one document.
struct Used<'a> {
    face: &'a Face,
    /// The resource name, e.g. `F1`.
    resource: String,
    /// Glyph ids and the character each one was typeset for.
    glyphs: Glyphs,
    /// The glyph id of each character drawn, then (after
    /// [`DocumentFonts::prepare`]) its code in the subset.
    codes: CharMap,
    /// Whether the face has CFF outlines.
    cff: bool,
}

/// Which subset of a face a character is drawn from: the one of
/// everything the document prints, or a small one of the characters only
/// per-person text (an employee's name) needs. Every packet of a roster
/// then shares the first, which stays cached; only the second is made anew.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum Subset {
    /// Characters of the shared text.
    Shared,
    /// Characters only per-person lines use.
    Personal,
}

impl<'a> Used<'a> {
    /// A face about to be used, the `n`th (from 0) in the document, with its
    /// parsed tables.
    fn new(face: &'a Face, n: usize) -> Result<(Self, ttf_parser::Face<'a>), PdfError> {
        let ttf = parse(face)?;
        let used = Used {
            face,
            resource: format!("F{}", n + 1),
            glyphs: Glyphs::new(),
            codes: CharMap::new(),
            cff: ttf.tables().cff.is_some(),
        };
        Ok((used, ttf))
    }

    /// Adds the glyphs of `chars`.
    fn add(&mut self, ttf: &ttf_parser::Face<'_>, chars: Vec<char>) {
        for ch in chars {
            if self.codes.get(ch).is_none() {
                let gid = ttf.glyph_index(ch).map_or(0, |g| g.0);
                self.codes.insert(ch, gid);
                self.glyphs.insert((gid, ch));
            }
        }
    }
}

/// The fonts of one document: collected from the layout, then embedded.
pub(super) struct DocumentFonts<'a> {
    used: BTreeMap<(FaceId, Subset), Used<'a>>,
}

impl<'a> DocumentFonts<'a> {
    /// Collects every glyph the layout draws, face by face, in order of
    /// first use: the shared text first, then the lines of the message ids
    /// in `personal`, whose characters missing from the shared subset go
    /// into a personal one.
    pub(super) fn collect(
        layout: &Layout,
        fonts: &'a FontSet,
        personal: &[String],
    ) -> Result<Self, PdfError> {
        let mut used: BTreeMap<(FaceId, Subset), (Used<'a>, ttf_parser::Face<'a>)> =
            BTreeMap::new();
        let lines = layout
            .pages
            .iter()
            .flat_map(|p| &p.items)
            .filter_map(|item| match item {
                Item::Line(line) => Some(line),
                _ => None,
            });
        for subset in [Subset::Shared, Subset::Personal] {
            let runs = lines
                .clone()
                .filter(|l| personal.contains(&l.id) == (subset == Subset::Personal))
                .flat_map(|l| &l.runs);
            for run in runs {
                let shared = used.get(&(run.face, Subset::Shared)).map(|u| &u.0.codes);
                let chars: Vec<char> = match (subset, shared) {
                    (Subset::Personal, Some(shared)) => run
                        .text
                        .chars()
                        .filter(|&c| shared.get(c).is_none())
                        .collect(),
                    _ => run.text.chars().collect(),
                };
                if chars.is_empty() {
                    continue;
                }
                let key = (run.face, subset);
                if !used.contains_key(&key) {
                    let entry = Used::new(fonts.face(run.face), used.len())?;
                    used.insert(key, entry);
                }
                if let Some((entry, ttf)) = used.get_mut(&key) {
                    entry.add(ttf, chars);
                }
            }
        }
        let mut fonts = DocumentFonts {
            used: used.into_iter().map(|(id, (u, _))| (id, u)).collect(),
        };
        fonts.prepare();
        Ok(fonts)
    }

    /// Gives every character its code (see [`Numbering`]).
    fn prepare(&mut self) {
        for used in self.used.values_mut() {
            let numbering = Numbering::new(&used.glyphs, !used.cff);
            let mut codes = CharMap::new();
            for (cid, &(_, ch)) in numbering.cids.iter().enumerate() {
                if let Some(ch) = ch {
                    codes.insert(ch, cid as u16);
                }
            }
            // A character sharing a glyph without a code of its own (CFF).
            for &(gid, ch) in &used.glyphs {
                if codes.get(ch).is_none() {
                    let new = numbering.order.binary_search(&gid).map_or(0, |i| i as u16);
                    codes.insert(ch, new);
                }
            }
            used.codes = codes;
        }
    }

    /// The resource name of `face`'s subset `subset`.
    pub(super) fn resource(&self, face: FaceId, subset: Subset) -> Option<&str> {
        self.used.get(&(face, subset)).map(|u| u.resource.as_str())
    }

    /// The subset `ch` of `face` is drawn from.
    fn subset_of(&self, face: FaceId, ch: char) -> Subset {
        let shared = self.used.get(&(face, Subset::Shared));
        if shared.is_some_and(|u| u.codes.get(ch).is_some())
            || !self.used.contains_key(&(face, Subset::Personal))
        {
            Subset::Shared
        } else {
            Subset::Personal
        }
    }

    /// `text` of `face` cut where the subset changes, as character ranges;
    /// one piece unless the text has characters of a personal subset.
    pub(super) fn pieces(&self, face: FaceId, text: &str) -> Vec<(Subset, Range<usize>)> {
        let mut pieces: Vec<(Subset, Range<usize>)> = Vec::with_capacity(1);
        for (i, ch) in text.chars().enumerate() {
            let subset = self.subset_of(face, ch);
            match pieces.last_mut() {
                Some((s, range)) if *s == subset => range.end = i + 1,
                _ => pieces.push((subset, i..i + 1)),
            }
        }
        if pieces.is_empty() {
            pieces.push((Subset::Shared, 0..0));
        }
        pieces
    }

    /// The codes of `text` in the encoding of `face`'s subset `subset`.
    pub(super) fn encode<'t>(
        &'t self,
        face: FaceId,
        subset: Subset,
        text: &'t str,
    ) -> impl Iterator<Item = u16> + 't {
        let codes = self.used.get(&(face, subset)).map(|u| &u.codes);
        text.chars()
            .map(move |ch| codes.and_then(|c| c.get(ch)).unwrap_or(0))
    }

    /// Adds the font objects to `doc`.
    pub(super) fn embed(&self, doc: &mut lopdf::Document) -> Result<Embedding, PdfError> {
        let mut out = Embedding::default();
        for used in self.used.values() {
            let embedded = embedded(used.face, &used.glyphs, used.cff)?;
            let (font, streams) = embedded.add_to(doc);
            out.fonts.push((used.resource.clone(), font));
            out.streams.extend(streams);
            out.digests.push(embedded.digest);
        }
        Ok(out)
    }
}

/// The fonts added to a document.
#[derive(Default)]
pub(super) struct Embedding {
    /// Each resource name with its Type0 font.
    pub fonts: Vec<(String, ObjectId)>,
    /// The streams added (font programs, ToUnicode maps), compressed already.
    pub streams: BTreeSet<ObjectId>,
    /// A hash of each font's streams, standing for them in the file id.
    pub digests: Vec<[u8; 32]>,
}

fn parse(face: &Face) -> Result<ttf_parser::Face<'_>, FontError> {
    ttf_parser::Face::parse(face.data(), face.index()).map_err(|e| FontError::Invalid {
        file: face.file.clone(),
        reason: format!("not a font: {e}"),
    })
}

/// A face's subset with everything the PDF says about it, ready to be added
/// to any document.
struct Embedded {
    /// `TAGXYZ+PostScriptName`.
    base_font: String,
    /// Whether the outlines are CFF (else TrueType).
    cff: bool,
    /// The subset font program, deflated.
    program: Vec<u8>,
    /// The ToUnicode CMap, deflated.
    to_unicode: Vec<u8>,
    /// Advance of each code, in thousandths of an em.
    widths: Vec<Object>,
    /// The CIDToGIDMap, deflated, when some code is not its glyph's id.
    cid_to_gid: Option<Vec<u8>>,
    /// The font descriptor's metrics.
    descriptor: lopdf::Dictionary,
    /// SHA-256 of the program and the ToUnicode map.
    digest: [u8; 32],
}

impl Embedded {
    /// Bytes held, for the cache's budget.
    fn weight(&self) -> usize {
        self.program.len() + self.to_unicode.len() + self.widths.len() * 16 + 512
    }

    /// Adds the Type0 font and its parts to `doc`; returns the font and its streams.
    fn add_to(&self, doc: &mut lopdf::Document) -> (ObjectId, Vec<ObjectId>) {
        let deflated = |dict: lopdf::Dictionary, content: &[u8]| {
            let mut stream = Stream::new(dict, content.to_vec());
            stream.dict.set("Filter", "FlateDecode");
            stream.allows_compression = false;
            stream
        };
        let (program_key, program_dict, subtype) = if self.cff {
            (
                "FontFile3",
                dictionary! { "Subtype" => "OpenType" },
                "CIDFontType0",
            )
        } else {
            ("FontFile2", dictionary! {}, "CIDFontType2")
        };
        let program = doc.add_object(deflated(program_dict, &self.program));
        let mut descriptor = self.descriptor.clone();
        descriptor.set(
            "FontName",
            Object::Name(self.base_font.clone().into_bytes()),
        );
        descriptor.set(program_key, program);
        let descriptor = doc.add_object(descriptor);
        let mut cid_font = dictionary! {
            "Type" => "Font",
            "Subtype" => subtype,
            "BaseFont" => Object::Name(self.base_font.clone().into_bytes()),
            "CIDSystemInfo" => dictionary! {
                "Registry" => Object::string_literal("Adobe"),
                "Ordering" => Object::string_literal("Identity"),
                "Supplement" => 0,
            },
            "FontDescriptor" => descriptor,
            "W" => vec![Object::Integer(0), Object::Array(self.widths.clone())],
        };
        let mut streams = vec![program];
        match &self.cid_to_gid {
            Some(map) => {
                let map = doc.add_object(deflated(dictionary! {}, map));
                cid_font.set("CIDToGIDMap", map);
                streams.push(map);
            }
            None if !self.cff => cid_font.set("CIDToGIDMap", "Identity"),
            None => {}
        }
        let cid_font = doc.add_object(cid_font);
        let to_unicode = doc.add_object(deflated(dictionary! {}, &self.to_unicode));
        let font = doc.add_object(dictionary! {
            "Type" => "Font",
            "Subtype" => "Type0",
            "BaseFont" => Object::Name(self.base_font.clone().into_bytes()),
            "Encoding" => "Identity-H",
            "DescendantFonts" => vec![cid_font.into()],
            "ToUnicode" => to_unicode,
        });
        streams.push(to_unicode);
        (font, streams)
    }
}

/// The cache key: the face and exactly the glyphs and characters used.
type Key = (u64, Vec<(u16, char)>);

/// At most this many bytes of embedded subsets are kept.
const CACHE_BYTES: usize = 32 << 20;

struct Cache {
    entries: lru::LruCache<Key, Arc<Embedded>>,
    bytes: usize,
}

static CACHE: OnceLock<Mutex<Cache>> = OnceLock::new();

fn cache() -> std::sync::MutexGuard<'static, Cache> {
    CACHE
        .get_or_init(|| {
            Mutex::new(Cache {
                entries: lru::LruCache::unbounded(),
                bytes: 0,
            })
        })
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// The embedded subset of `face` for `glyphs`, from the cache or made now.
fn embedded(face: &Face, glyphs: &Glyphs, cff: bool) -> Result<Arc<Embedded>, PdfError> {
    let key: Key = (face.key(), glyphs.iter().copied().collect());
    if let Some(hit) = cache().entries.get(&key) {
        return Ok(hit.clone());
    }
    let made = Arc::new(make(face, &Numbering::new(glyphs, !cff))?);
    let mut cache = cache();
    cache.bytes += made.weight();
    if let Some(old) = cache.entries.put(key, made.clone()) {
        cache.bytes -= old.weight();
    }
    while cache.bytes > CACHE_BYTES && cache.entries.len() > 1 {
        match cache.entries.pop_lru() {
            Some((_, old)) => cache.bytes -= old.weight(),
            None => break,
        }
    }
    Ok(made)
}

/// The number of subsets in the cache, for tests.
#[cfg(test)]
pub(super) fn cached() -> usize {
    cache().entries.len()
}

/// [`to_unicode`], for tests.
#[cfg(test)]
pub(super) fn to_unicode_for_test(chars: &[char]) -> String {
    to_unicode(chars.iter().enumerate().map(|(i, &c)| (i + 1, c)))
}

/// Empties the cache.
pub(super) fn clear_cache() {
    let mut cache = cache();
    cache.entries.clear();
    cache.bytes = 0;
}

/// Subsets `face` to the glyphs of `numbering` and describes the result.
fn make(face: &Face, numbering: &Numbering) -> Result<Embedded, PdfError> {
    let ttf = parse(face)?;
    let order = &numbering.order;
    let remapper = subsetter::GlyphRemapper::new_from_glyphs(order);
    let program = subsetter::subset(face.data(), face.index(), &remapper).map_err(|e| {
        FontError::Invalid {
            file: face.file.clone(),
            reason: format!("cannot be subset: {e}"),
        }
    })?;
    let upem = f32::from(ttf.units_per_em().max(1));
    let widths = numbering
        .cids
        .iter()
        .map(|&(new, _)| {
            let gid = order.get(usize::from(new)).copied().unwrap_or(0);
            let advance = ttf.glyph_hor_advance(ttf_parser::GlyphId(gid)).unwrap_or(0);
            let scaled = f32::from(advance) * 1000.0 / upem;
            if scaled.fract() == 0.0 {
                Object::Integer(scaled as i64)
            } else {
                Object::Real(scaled)
            }
        })
        .collect();
    let chars = numbering.cids.iter().enumerate();
    let to_unicode = to_unicode(chars.filter_map(|(cid, &(_, ch))| Some((cid, ch?))));
    let program = deflate(&program, Level::Font)?;
    let to_unicode = deflate(to_unicode.as_bytes(), Level::Font)?;
    let cid_to_gid = match numbering.shares() {
        true => {
            let map: Vec<u8> = numbering
                .cids
                .iter()
                .flat_map(|c| c.0.to_be_bytes())
                .collect();
            Some(deflate(&map, Level::Font)?)
        }
        false => None,
    };
    let mut digest = Sha256::new();
    digest.update(&program);
    digest.update(&to_unicode);
    digest.update(cid_to_gid.as_deref().unwrap_or_default());
    Ok(Embedded {
        digest: digest.finalize().into(),
        base_font: format!("{}+{}", tag(face, order), postscript_name(face, &ttf)),
        cid_to_gid,
        cff: ttf.tables().cff.is_some(),
        program,
        to_unicode,
        widths,
        descriptor: descriptor(&ttf, upem),
    })
}

/// The font descriptor's metrics, in thousandths of an em.
fn descriptor(ttf: &ttf_parser::Face, upem: f32) -> lopdf::Dictionary {
    let scale = |v: i16| Object::Integer((f32::from(v) * 1000.0 / upem).round() as i64);
    let bbox = ttf.global_bounding_box();
    let ascent = ttf.ascender();
    let italic = ttf.italic_angle();
    // PDF 32000-1, table 123: fixed pitch 1, symbolic 4 (CJK and anything
    // beyond the standard Latin set), italic 64.
    let mut flags = 4;
    if ttf.is_monospaced() {
        flags |= 1;
    }
    if ttf.is_italic() || italic != 0.0 {
        flags |= 64;
    }
    // No font table holds the stem width: estimate it from the weight class
    // as PDF producers do (10 + 0.244 × (weight − 50): 95 at 400, 169 at 700).
    let weight = f32::from(ttf.weight().to_number());
    let stem = (10.0 + 0.244 * (weight - 50.0)).round() as i64;
    dictionary! {
        "Type" => "FontDescriptor",
        "Flags" => flags,
        "FontBBox" => vec![scale(bbox.x_min), scale(bbox.y_min), scale(bbox.x_max), scale(bbox.y_max)],
        "ItalicAngle" => Object::Real(italic),
        "Ascent" => scale(ascent),
        "Descent" => scale(ttf.descender()),
        "CapHeight" => scale(ttf.capital_height().unwrap_or(ascent)),
        "StemV" => stem,
    }
}

/// The face's PostScript name, or one made from its file name.
fn postscript_name(face: &Face, ttf: &ttf_parser::Face) -> String {
    let from_table = ttf
        .names()
        .into_iter()
        .filter(|n| n.name_id == ttf_parser::name_id::POST_SCRIPT_NAME)
        .find_map(|n| n.to_string());
    let name = from_table.unwrap_or_else(|| format!("{}-{:?}", face.family, face.weight));
    // A PDF name: printable ASCII without delimiters.
    name.chars()
        .filter(|c| c.is_ascii_graphic() && !"()<>[]{}/%#".contains(*c))
        .collect()
}

/// Six capital letters derived from the face and the glyphs (PDF 32000-1, 9.6.4).
fn tag(face: &Face, order: &[u16]) -> String {
    let mut hash = Sha256::new();
    hash.update(face.file.as_bytes());
    for gid in order {
        hash.update(gid.to_be_bytes());
    }
    hash.finalize()[..6]
        .iter()
        .map(|b| char::from(b'A' + b % 26))
        .collect()
}

/// A ToUnicode CMap mapping each code to its character.
fn to_unicode(chars: impl Iterator<Item = (usize, char)>) -> String {
    let entries: Vec<(usize, char)> = chars.collect();
    let mut cmap = String::from(
        "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n\
         /CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n\
         /CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n\
         1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n",
    );
    for block in entries.chunks(100) {
        let _ = writeln!(cmap, "{} beginbfchar", block.len());
        for &(code, ch) in block {
            let _ = write!(cmap, "<{code:04X}> <");
            let mut units = [0u16; 2];
            for unit in ch.encode_utf16(&mut units) {
                let _ = write!(cmap, "{unit:04X}");
            }
            cmap.push_str(">\n");
        }
        cmap.push_str("endbfchar\n");
    }
    cmap.push_str("endcmap\nCMapName currentdict /defineresource pop\nend\nend\n");
    cmap
}

/// Puts the fonts into the font dictionary printpdf writes for every page.
pub(super) fn register(doc: &mut lopdf::Document, embedding: &Embedding) -> Result<(), PdfError> {
    let fonts = &embedding.fonts;
    let missing = || PdfError::Writer("no page font dictionary".into());
    let first_page = *doc.get_pages().values().next().ok_or_else(missing)?;
    let resources = doc
        .get_object(first_page)
        .and_then(Object::as_dict)
        .and_then(|p| p.get(b"Resources"))
        .and_then(Object::as_reference)
        .map_err(|_| missing())?;
    let font_dict = doc
        .get_object(resources)
        .and_then(Object::as_dict)
        .and_then(|r| r.get(b"Font"))
        .and_then(Object::as_reference)
        .map_err(|_| missing())?;
    let dict = doc
        .get_object_mut(font_dict)
        .and_then(Object::as_dict_mut)
        .map_err(|_| missing())?;
    for (name, id) in fonts {
        dict.set(name.as_bytes().to_vec(), Object::Reference(*id));
    }
    Ok(())
}
