//! Fonts: the bundled faces, faces from a user's font folder, and their
//! metrics for layout.
//!
//! Families are named by their file names: `<Family>-Regular.ttf` and
//! `<Family>-Bold.ttf` (`.otf` too, and collections `.ttc`/`.otc`). The
//! bundled families are every such file in `fonts/` (compiled in):
//! `NotoSans` (Latin, Greek, Cyrillic), `NotoSansSC` (Simplified Chinese)
//! and `NotoSansTC` (Traditional Chinese, Taiwan forms); see
//! `fonts/README.md`. Beside them are *fallback* families, compiled in
//! brotli-compressed (`fonts/<Family>-<Weight>.ttf.br`): `NotoSansSCExt`
//! (the rest of 通用规范汉字表, and kana), `NotoSansSCRare` (the rest of CJK
//! Unified Ideographs and Extension A), `NotoSansTCExt` (the rest of Big 5)
//! and `NotoSansKR` (Hangul).
//! Their characters are known without decompressing them
//! (`fonts/<Family>.coverage`), so a face is decompressed, once per process,
//! only when a document draws a character that needs it.
//!
//! Layout reads metrics with ttf-parser, which costs microseconds, for the
//! faces it uses. Embedding faces in a PDF is the PDF stage's business
//! (`pdf::fonts`); it reads a face's bytes through [`Face::data`] and
//! [`Face::index`].

mod region;

use std::cell::{OnceCell, RefCell};
use std::collections::BTreeMap;
use std::io::Read as _;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, OnceLock};

pub use region::Region;

/// An error with fonts.
#[derive(Debug, thiserror::Error)]
pub enum FontError {
    /// A font file could not be read.
    #[error("{}: {source}", path.display())]
    Io {
        /// The file or folder.
        path: PathBuf,
        /// What the system said.
        source: std::io::Error,
    },
    /// A font file is not a usable font.
    #[error("{file}: {reason}")]
    Invalid {
        /// The file.
        file: String,
        /// Why it cannot be used.
        reason: String,
    },
    /// A language names a font family that is not available.
    #[error("unknown font family `{family}` (named in {locale}); available: {available}")]
    UnknownFamily {
        /// The family.
        family: String,
        /// The locale that names it.
        locale: String,
        /// The families there are.
        available: String,
    },
    /// No font of the language has a glyph for a character.
    #[error(
        "no font has {ch:?} (U+{:04X}), in {text:?} (message `{id}`); fonts tried: {fonts}; \
         add a font that has it with --font-dir DIR",
        *ch as u32
    )]
    MissingGlyph {
        /// The message whose text has the character.
        id: String,
        /// The text around the character (the span it is in, shortened).
        text: String,
        /// The character.
        ch: char,
        /// The families tried.
        fonts: String,
    },
}

/// Index of a face in a [`FontSet`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
pub struct FaceId(pub usize);

/// Regular or bold.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub enum Weight {
    /// Body text.
    Regular,
    /// Titles and headings.
    Bold,
}

/// Where a face's bytes are.
enum Source {
    /// Compiled in.
    Static(&'static [u8]),
    /// Read from a file; shared by the faces of a collection.
    Shared(Arc<[u8]>),
    /// A bundled fallback: index into `bundled::PACKED`, decompressed at
    /// first use.
    Packed(usize),
}

/// One font face: a font file, or one face of a collection.
pub struct Face {
    /// The family, e.g. `NotoSansSC`.
    pub family: String,
    /// The weight the file was registered as.
    pub weight: Weight,
    /// The file name, for messages and PDF metadata.
    pub file: String,
    source: Source,
    /// The face's index in its file (0 unless a collection).
    index: u32,
    /// The characters the face has, when known without reading it (the
    /// bundled fallbacks): sorted, inclusive ranges of code points.
    coverage: Option<&'static [(u32, u32)]>,
    key: u64,
}

/// The next [`Face::key`].
static NEXT_KEY: AtomicU64 = AtomicU64::new(0);

impl Face {
    /// The font file's bytes (for a fallback face, decompressed now if this
    /// is its first use in the process; empty if that fails, which a test
    /// of every bundled face rules out).
    pub fn data(&self) -> &[u8] {
        match &self.source {
            Source::Static(data) => data,
            Source::Shared(data) => data,
            Source::Packed(i) => unpacked(*i).unwrap_or_default(),
        }
    }

    /// The face's index in its file: 0, or its place in a collection.
    pub fn index(&self) -> u32 {
        self.index
    }

    /// Whether the face is a bundled fallback, compressed until first use.
    pub fn is_fallback(&self) -> bool {
        matches!(self.source, Source::Packed(_))
    }

    /// A number that no other face loaded by this process has, for caches
    /// of work derived from the face.
    pub fn key(&self) -> u64 {
        self.key
    }

    /// Whether `ch` is in the face's known coverage (`None`: not known).
    fn known_to_cover(&self, ch: char) -> Option<bool> {
        let ranges = self.coverage?;
        let cp = ch as u32;
        let i = ranges.partition_point(|&(_, hi)| hi < cp);
        Some(ranges.get(i).is_some_and(|&(lo, _)| lo <= cp))
    }
}

/// The decompressed bytes of each bundled fallback face, filled at first use.
static UNPACKED: [OnceLock<Option<Box<[u8]>>>; bundled::PACKED_COUNT] =
    [const { OnceLock::new() }; bundled::PACKED_COUNT];

/// The bytes of bundled fallback face `i`, decompressed on first call.
fn unpacked(i: usize) -> Option<&'static [u8]> {
    let cell = UNPACKED.get(i)?;
    let data = cell.get_or_init(|| {
        let packed = bundled::PACKED.get(i)?.3;
        let mut out = Vec::with_capacity(packed.len() * 5 / 2);
        brotli_decompressor::Decompressor::new(packed, 1 << 16)
            .read_to_end(&mut out)
            .ok()?;
        Some(out.into_boxed_slice())
    });
    data.as_deref()
}

/// A parsed face and its units per em.
type Parsed<'a> = (ttf_parser::Face<'a>, f32);

fn parse_face(data: &[u8], index: u32) -> Option<Parsed<'_>> {
    let face = ttf_parser::Face::parse(data, index).ok()?;
    let upem = f32::from(face.units_per_em().max(1));
    Some((face, upem))
}

/// Metrics of one face, borrowed from its [`FontSet`]. A fallback face is
/// decompressed and parsed when first asked about a character it has.
pub struct Metrics<'a> {
    face: &'a Face,
    /// The parsed face, for all but fallback faces.
    eager: Option<Parsed<'a>>,
    /// The parsed fallback face, once needed.
    lazy: OnceCell<Option<Parsed<'static>>>,
    /// Advances looked up so far: a document sets each character many
    /// times, and the cmap lookup is the most of measuring one.
    advances: RefCell<rustc_hash::FxHashMap<char, Option<f32>>>,
}

impl<'a> Metrics<'a> {
    fn parsed(&self) -> Option<&Parsed<'a>> {
        match self.face.source {
            Source::Packed(i) => self
                .lazy
                .get_or_init(|| parse_face(unpacked(i)?, self.face.index))
                .as_ref(),
            _ => self.eager.as_ref(),
        }
    }

    /// The advance of `ch` in ems, or `None` when the face has no glyph for it.
    pub fn advance(&self, ch: char) -> Option<f32> {
        if let Some(&known) = self.advances.borrow().get(&ch) {
            return known;
        }
        let advance = self.look_up(ch);
        self.advances.borrow_mut().insert(ch, advance);
        advance
    }

    fn look_up(&self, ch: char) -> Option<f32> {
        if self.face.known_to_cover(ch) == Some(false) {
            return None;
        }
        let (face, upem) = self.parsed()?;
        let gid = face.glyph_index(ch)?;
        Some(f32::from(face.glyph_hor_advance(gid).unwrap_or(0)) / upem)
    }

    /// Whether the face has a glyph for `ch`; a fallback face answers
    /// without being decompressed.
    pub fn covers(&self, ch: char) -> bool {
        match self.face.known_to_cover(ch) {
            Some(known) => known,
            None => self.parsed().and_then(|(f, _)| f.glyph_index(ch)).is_some(),
        }
    }

    /// The horizontal extent of the ink of `ch`'s glyph, `(left, right)` in
    /// ems from the glyph's origin (its bounding box; multiply by the font
    /// size for points), or `None` when the face has no glyph for it or the
    /// glyph draws nothing.
    pub fn ink(&self, ch: char) -> Option<(f32, f32)> {
        if self.face.known_to_cover(ch) == Some(false) {
            return None;
        }
        let (face, upem) = self.parsed()?;
        let rect = face.glyph_bounding_box(face.glyph_index(ch)?)?;
        Some((f32::from(rect.x_min) / upem, f32::from(rect.x_max) / upem))
    }
}

/// A family's faces: one pair, or (from a collection) a pair per region.
#[derive(Debug, Clone)]
enum Family {
    /// `[regular, bold]`.
    Plain([FaceId; 2]),
    /// `[regular, bold]` per region of a collection's faces.
    Regional(BTreeMap<Region, [FaceId; 2]>),
}

/// What a family is for, which decides where languages try it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    /// Bundled, or a user's family replacing a bundled one: used where a
    /// language names it.
    Named,
    /// A user's family with a name no bundled family has: tried after each
    /// language's own families.
    Extra,
    /// A bundled fallback: tried last where a language does not name it.
    Fallback,
}

/// A face to add to a [`FontSet`].
struct NewFace {
    family: String,
    weight: Weight,
    file: String,
    source: Source,
    index: u32,
    coverage: Option<&'static [(u32, u32)]>,
}

/// The fonts available to a render.
pub struct FontSet {
    faces: Vec<Face>,
    families: BTreeMap<String, (Family, Role)>,
    /// Family names in the order they were first added.
    order: Vec<String>,
}

/// A bundled fallback face: family, weight, file name, brotli-compressed
/// contents, and its characters as sorted inclusive ranges of code points.
type PackedFont = (
    &'static str,
    Weight,
    &'static str,
    &'static [u8],
    &'static [(u32, u32)],
);

mod bundled {
    use super::{PackedFont, Weight};
    include!(concat!(env!("OUT_DIR"), "/bundled_fonts.rs"));
}

impl FontSet {
    /// The fonts shipped with predeparture.
    pub fn bundled() -> FontSet {
        let mut set = FontSet {
            faces: Vec::new(),
            families: BTreeMap::new(),
            order: Vec::new(),
        };
        for &(family, weight, file, data) in bundled::FONTS {
            let source = Source::Static(data);
            set.push(new_face(family, weight, file, source, 0), None, Role::Named);
        }
        for (i, &(family, weight, file, _, coverage)) in bundled::PACKED.iter().enumerate() {
            let mut face = new_face(family, weight, file, Source::Packed(i), 0);
            face.coverage = Some(coverage);
            set.push(face, None, Role::Fallback);
        }
        set
    }

    /// Adds the families found in `dir` (`<Family>-Regular.ttf` and
    /// `<Family>-Bold.ttf`, or `.otf`, or collections `.ttc`/`.otc`),
    /// replacing bundled ones of the same name; other families are tried
    /// after each language's own, before the bundled fallbacks.
    pub fn add_dir(&mut self, dir: &Path) -> Result<(), FontError> {
        fn io(path: &Path) -> impl FnOnce(std::io::Error) -> FontError + '_ {
            move |source| FontError::Io {
                path: path.to_path_buf(),
                source,
            }
        }
        let mut found = 0;
        for entry in crate::model::read_dir_sorted(dir).map_err(io(dir))? {
            let path = entry.path();
            let name = entry.file_name().to_string_lossy().into_owned();
            let Some((family, weight, collection)) = parse_file_name(&name) else {
                continue;
            };
            let data: Arc<[u8]> = std::fs::read(&path).map_err(io(&path))?.into();
            let file = path.display().to_string();
            let role = match self.families.get(family) {
                Some((_, role)) => *role,
                None => Role::Extra,
            };
            if collection {
                self.add_collection(
                    new_face(family, weight, &file, Source::Shared(data), 0),
                    role,
                )?;
            } else {
                let face = ttf_parser::Face::parse(&data, 0).map_err(|e| invalid(&file, e))?;
                check_static(&face, &file)?;
                let face = new_face(family, weight, &file, Source::Shared(data), 0);
                self.push(face, None, role);
            }
            found += 1;
        }
        if found == 0 {
            return Err(FontError::Invalid {
                file: dir.display().to_string(),
                reason: "no <Family>-Regular or <Family>-Bold font (.ttf, .otf, .ttc, .otc)".into(),
            });
        }
        Ok(())
    }

    /// Adds the faces of a collection (`new` with index 0): for each region
    /// (see [`Region`]) its first face, proportional ones before `Mono`.
    fn add_collection(&mut self, new: NewFace, role: Role) -> Result<(), FontError> {
        let Source::Shared(data) = &new.source else {
            return Ok(());
        };
        let data = Arc::clone(data);
        let count = ttf_parser::fonts_in_collection(&data).unwrap_or(1);
        let mut chosen: BTreeMap<Region, (bool, u32)> = BTreeMap::new();
        for index in 0..count {
            let face = ttf_parser::Face::parse(&data, index).map_err(|e| invalid(&new.file, e))?;
            check_static(&face, &new.file)?;
            let (region, mono) = region::classify(&face);
            let slot = chosen.entry(region).or_insert((mono, index));
            if slot.0 && !mono {
                *slot = (mono, index);
            }
        }
        for (region, (_, index)) in chosen {
            let source = Source::Shared(Arc::clone(&data));
            let face = new_face(&new.family, new.weight, &new.file, source, index);
            self.push(face, Some(region), role);
        }
        Ok(())
    }

    /// Adds a face that is known to parse, and registers it in its family:
    /// a plain face, or a collection's face for `region`. A plain face
    /// replaces a collection and the other way round; a regular face stands
    /// in for bold until a bold one is added (and the other way round).
    fn push(&mut self, new: NewFace, region: Option<Region>, role: Role) {
        let id = FaceId(self.faces.len());
        let (family, weight) = (new.family.clone(), new.weight);
        self.faces.push(Face {
            family: new.family,
            weight,
            file: new.file,
            source: new.source,
            index: new.index,
            coverage: new.coverage,
            key: NEXT_KEY.fetch_add(1, Ordering::Relaxed),
        });
        if !self.families.contains_key(&family) {
            self.order.push(family.clone());
        }
        let fresh = || match region {
            None => Family::Plain([id, id]),
            Some(region) => Family::Regional(BTreeMap::from([(region, [id, id])])),
        };
        let faces = &self.faces;
        let entry = self
            .families
            .entry(family)
            .or_insert_with(|| (fresh(), role));
        entry.1 = role;
        match (region, &mut entry.0) {
            (None, Family::Plain(pair)) => fill(pair, faces, weight, id),
            (Some(region), Family::Regional(map)) => {
                fill(map.entry(region).or_insert([id, id]), faces, weight, id);
            }
            (_, family) => *family = fresh(),
        }
    }

    /// The face of `family` in `weight` for the language `locale` (which
    /// chooses among a collection's faces).
    pub fn family(&self, family: &str, weight: Weight, locale: &str) -> Result<FaceId, FontError> {
        let (faces, _) = self
            .families
            .get(family)
            .ok_or_else(|| FontError::UnknownFamily {
                family: family.to_string(),
                locale: locale.to_string(),
                available: self.families.keys().cloned().collect::<Vec<_>>().join(", "),
            })?;
        let pair = pair_for(faces, locale).ok_or_else(|| FontError::Invalid {
            file: family.to_string(),
            reason: format!(
                "no face of this collection suits {locale} (Chinese is never set in a Japanese or Korean face)"
            ),
        })?;
        Ok(pair[usize::from(weight == Weight::Bold)])
    }

    /// The families tried after a language's own, in order, as `(name,
    /// [regular, bold])`: a user's extra families (from [`FontSet::add_dir`])
    /// first, then the bundled fallbacks; collections without a face that
    /// suits `locale` are left out.
    pub fn fallbacks(&self, locale: &str) -> Vec<(&str, [FaceId; 2])> {
        let of_role = |want: Role| {
            self.order.iter().filter_map(move |name| {
                let (faces, role) = self.families.get(name)?;
                (*role == want).then_some((name.as_str(), pair_for(faces, locale)?))
            })
        };
        of_role(Role::Extra)
            .chain(of_role(Role::Fallback))
            .collect()
    }

    /// The face `id`.
    pub fn face(&self, id: FaceId) -> &Face {
        &self.faces[id.0]
    }

    /// Metrics of every face, indexed by [`FaceId`]; fallback faces are
    /// parsed when first needed.
    pub fn metrics(&self) -> Vec<Metrics<'_>> {
        self.faces
            .iter()
            .map(|face| Metrics {
                face,
                eager: match face.source {
                    Source::Packed(_) => None,
                    _ => parse_face(face.data(), face.index),
                },
                lazy: OnceCell::new(),
                advances: RefCell::default(),
            })
            .collect()
    }
}

fn new_face(family: &str, weight: Weight, file: &str, source: Source, index: u32) -> NewFace {
    NewFace {
        family: family.to_string(),
        weight,
        file: file.to_string(),
        source,
        index,
        coverage: None,
    }
}

/// Puts face `id` of `weight` into a `[regular, bold]` pair.
fn fill(pair: &mut [FaceId; 2], faces: &[Face], weight: Weight, id: FaceId) {
    match weight {
        Weight::Regular => {
            if faces[pair[1].0].weight == Weight::Regular {
                pair[1] = id;
            }
            pair[0] = id;
        }
        Weight::Bold => {
            if faces[pair[0].0].weight == Weight::Bold {
                pair[0] = id;
            }
            pair[1] = id;
        }
    }
}

/// The `[regular, bold]` pair of a family for the language `locale`.
fn pair_for(family: &Family, locale: &str) -> Option<[FaceId; 2]> {
    match family {
        Family::Plain(pair) => Some(*pair),
        Family::Regional(map) => region::preference(locale)
            .iter()
            .find_map(|r| map.get(r).copied()),
    }
}

/// `(family, weight, is a collection)` of a font file name such as
/// `NotoSansSC-Bold.otf` or `NotoSansCJK-Regular.ttc`.
fn parse_file_name(name: &str) -> Option<(&str, Weight, bool)> {
    let (stem, ext) = name.rsplit_once('.')?;
    let collection = match ext.to_ascii_lowercase().as_str() {
        "ttf" | "otf" => false,
        "ttc" | "otc" => true,
        _ => return None,
    };
    if let Some(family) = stem.strip_suffix("-Regular") {
        Some((family, Weight::Regular, collection))
    } else {
        stem.strip_suffix("-Bold")
            .map(|family| (family, Weight::Bold, collection))
    }
}

fn invalid(file: &str, e: ttf_parser::FaceParsingError) -> FontError {
    FontError::Invalid {
        file: file.to_string(),
        reason: format!("not a font: {e}"),
    }
}

/// Refuses variable fonts: they cannot be subset.
fn check_static(face: &ttf_parser::Face, file: &str) -> Result<(), FontError> {
    if face.is_variable() {
        return Err(FontError::Invalid {
            file: file.to_string(),
            reason: "variable fonts cannot be subset; use a static instance".into(),
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_families_cover_their_scripts() {
        let set = FontSet::bundled();
        assert_eq!(
            set.faces.len(),
            bundled::FONTS.len() + bundled::PACKED.len()
        );
        let metrics = set.metrics();
        let sc = set.family("NotoSansSC", Weight::Regular, "zh-CN").unwrap();
        let latin = set.family("NotoSans", Weight::Bold, "en").unwrap();
        assert_ne!(sc, latin);
        for ch in "国家安全机关举报受理电话，。“”（）——……".chars() {
            assert!(metrics[sc.0].covers(ch), "{ch}");
        }
        assert_eq!(metrics[sc.0].advance('国'), Some(1.0));
        assert!(metrics[latin.0].covers('“') && !metrics[latin.0].covers('国'));
        for ch in "ễăơưđΑλέξανδροςИванЁё".chars() {
            assert!(metrics[latin.0].covers(ch), "{ch}");
        }
        assert!(set
            .family("Nope", Weight::Regular, "xx")
            .unwrap_err()
            .to_string()
            .contains("available: NotoSans, NotoSansKR, NotoSansSC, NotoSansSCExt, NotoSansSCRare, NotoSansTC, NotoSansTCExt"));
    }

    #[test]
    fn fallbacks_are_known_without_decompressing_and_match_their_cmaps() {
        let set = FontSet::bundled();
        let names: Vec<&str> = set.fallbacks("zh-CN").iter().map(|f| f.0).collect();
        assert_eq!(
            names,
            [
                "NotoSansKR",
                "NotoSansSCExt",
                "NotoSansSCRare",
                "NotoSansTCExt"
            ]
        );
        for face in set.faces.iter().filter(|f| f.is_fallback()) {
            let ranges = face.coverage.unwrap();
            let parsed = ttf_parser::Face::parse(face.data(), 0).unwrap();
            let mut mapped = Vec::new();
            if let Some(cmap) = parsed.tables().cmap {
                for sub in cmap.subtables.into_iter().filter(|s| s.is_unicode()) {
                    sub.codepoints(|cp| mapped.push(cp));
                }
            }
            mapped.sort_unstable();
            mapped.dedup();
            let listed: Vec<u32> = ranges.iter().flat_map(|&(lo, hi)| lo..=hi).collect();
            assert_eq!(mapped, listed, "{}", face.file);
        }
    }

    #[test]
    fn file_names_give_family_weight_and_kind() {
        assert_eq!(
            parse_file_name("NotoSansCJK-Regular.ttc"),
            Some(("NotoSansCJK", Weight::Regular, true))
        );
        assert_eq!(
            parse_file_name("Foo-Bold.otf"),
            Some(("Foo", Weight::Bold, false))
        );
        assert_eq!(parse_file_name("Foo-Light.ttf"), None);
        assert_eq!(parse_file_name("README.md"), None);
    }
}
