//! The structure tree (tagged PDF), built from the layout's tags rather than
//! guessed from the drawing.
//!
//! Every drawn item is marked in the content stream (see [`marking`]): text
//! and figures as content with an id (MCID), rules, bullets, tick-box
//! frames and cut lines as artifacts, footers as pagination artifacts. The
//! tree then follows the layout's parts in print order:
//!
//! ```text
//! Document
//! ├── H1 (the title, one per language)
//! ├── P  (audience, introduction, dates; one per message and language)
//! ├── H2 (a section heading, a Span per language)
//! ├── L › LI › Lbl › Form (the checkbox, phone)
//! │          └ LBody › P (/Lang zh-CN) › Link, P (/Lang en), Figure (QR code)
//! └── Div (the wallet card)
//! ```
//!
//! Reading order is the layout's messages in order, each in every language
//! before the next message: an item in the first language, then its
//! translation, whether the languages stand side by side or one after the
//! other.

use std::collections::BTreeMap;

use lopdf::{dictionary, Object, ObjectId};

use super::page::Marks;
use super::write::{self, Raw};
use super::{catalog, text_string, Language};
use crate::layout::{Item, Layout, Line, Part};

/// How an item is marked in the content stream.
pub(super) enum Marking {
    /// Content of the structure tree, in marked content with this tag and an id.
    Content(&'static str),
    /// Drawn for its looks only.
    Artifact,
    /// A page footer.
    Pagination,
    /// Not in the content stream (annotations, checkboxes drawn by their widgets).
    Unmarked,
}

/// How `item` is marked; `forms`: whether named tick boxes are checkboxes.
pub(super) fn marking(item: &Item, forms: bool) -> Marking {
    match item {
        Item::Line(l) if l.tag.part == Part::Footer => Marking::Pagination,
        Item::Line(_) => Marking::Content("Span"),
        Item::Qr { .. } | Item::Image { .. } => Marking::Content("Figure"),
        Item::TickBox { field: Some(_), .. } if forms => Marking::Unmarked,
        Item::Link { .. } | Item::TextField { .. } => Marking::Unmarked,
        Item::TickBox { .. } | Item::Bullet { .. } | Item::Rule { .. } | Item::CutLine { .. } => {
            Marking::Artifact
        }
    }
}

/// An element of the tree, before it is written.
#[derive(Debug)]
struct Elem {
    role: &'static str,
    lang: Option<usize>,
    alt: Option<String>,
    kids: Vec<Kid>,
}

impl Elem {
    fn new(role: &'static str, kids: Vec<Kid>) -> Elem {
        Elem {
            role,
            lang: None,
            alt: None,
            kids,
        }
    }
}

/// What an element holds.
#[derive(Debug)]
enum Kid {
    /// Marked content on a page (index from 0).
    Content { page: usize, mcid: i64 },
    /// An annotation on a page.
    Annot { page: usize, id: ObjectId },
    /// An element.
    Elem(Elem),
}

/// A drawn item of the tree, where it is.
struct Piece<'a> {
    page: usize,
    item: &'a Item,
    mcid: Option<i64>,
    /// Its marked content (the first is `mcid`; more for a line with links).
    marks: &'a [(i64, Option<usize>)],
    annot: Option<ObjectId>,
}

/// What the tree needs besides the layout.
pub(super) struct Input<'a> {
    /// The pages' ids.
    pub pages: &'a [ObjectId],
    /// Per page and item, the marked-content ids that hold it, each with
    /// the link it is the text of (see `page::Drawn::marks`).
    pub marks: &'a [Vec<Marks>],
    /// Per page and item, the annotation made for the item.
    pub annots: &'a [Vec<Option<ObjectId>>],
    /// The document's languages.
    pub langs: &'a [Language],
}

/// Writes the structure tree of `layout` and marks the document as tagged.
/// The elements come back already written, for [`write::write`]; their ids
/// are taken from `doc`.
pub(super) fn tag(doc: &mut lopdf::Document, layout: &Layout, input: &Input) -> Raw {
    let mut blocks: BTreeMap<usize, (Part, Vec<Piece>)> = BTreeMap::new();
    for (page, laid) in layout.pages.iter().enumerate() {
        for (i, item) in laid.items.iter().enumerate() {
            let marks = input
                .marks
                .get(page)
                .and_then(|m| m.get(i))
                .map_or(&[][..], Vec::as_slice);
            let mcid = marks.first().map(|m| m.0);
            let annot = input
                .annots
                .get(page)
                .and_then(|m| m.get(i))
                .copied()
                .flatten();
            let Some(tag) = tag_of(item).filter(|_| mcid.is_some() || annot.is_some()) else {
                continue;
            };
            let piece = Piece {
                page,
                item,
                mcid,
                marks,
                annot,
            };
            blocks
                .entry(tag.block)
                .or_insert((tag.part, Vec::new()))
                .1
                .push(piece);
        }
    }
    let mut builder = Builder {
        doc,
        langs: input.langs,
        kids: Vec::new(),
        list: None,
    };
    for (part, pieces) in blocks.into_values() {
        builder.block(part, &pieces);
    }
    builder.close_list();
    let root = Elem::new("Document", builder.kids);
    let mut writer = Writer {
        doc,
        pages: input.pages,
        langs: input.langs,
        parents: vec![Vec::new(); input.pages.len()],
        annots: Vec::new(),
        raw: Raw::new(),
    };
    writer.finish(root);
    writer.raw
}

/// The part an item belongs to, if it carries one.
fn tag_of(item: &Item) -> Option<crate::layout::Tag> {
    match item {
        Item::Line(Line { tag, .. })
        | Item::TickBox { tag, .. }
        | Item::TextField { tag, .. }
        | Item::Qr { tag, .. }
        | Item::Link { tag, .. }
        | Item::Image { tag, .. } => Some(*tag).filter(|t| t.part != Part::Footer),
        _ => None,
    }
}

/// Turns blocks into elements, in order.
struct Builder<'a, 'd> {
    doc: &'d mut lopdf::Document,
    langs: &'a [Language],
    /// The document's elements so far.
    kids: Vec<Kid>,
    /// The list being filled, and the kind of part it lists.
    list: Option<(Part, Vec<Kid>)>,
}

/// The text of one message in one language, in a block.
struct Group {
    id: String,
    lang: usize,
    kids: Vec<Kid>,
    text: Vec<String>,
}

impl Builder<'_, '_> {
    fn block(&mut self, part: Part, pieces: &[Piece]) {
        let mut groups = self.groups(pieces);
        if part == Part::Card {
            // The card has a panel per language: each is read whole.
            groups.sort_by_key(|g| g.lang);
        }
        let mut figures = Vec::new();
        let mut form = None;
        for p in pieces {
            match (p.item, p.mcid, p.annot) {
                (Item::Qr { text: alt, .. } | Item::Image { alt, .. }, Some(mcid), _) => {
                    let mut figure = Elem::new("Figure", vec![Kid::Content { page: p.page, mcid }]);
                    figure.alt = Some(alt.clone());
                    figures.push(Kid::Elem(figure));
                }
                (Item::TickBox { .. } | Item::TextField { .. }, _, Some(id)) => {
                    if let (Some(g), Ok(Object::Dictionary(widget))) =
                        (groups.first(), self.doc.get_object_mut(id))
                    {
                        widget.set("TU", text_string(&joined(&g.text)));
                    }
                    form = Some(Kid::Annot { page: p.page, id });
                }
                _ => {}
            }
        }
        if !matches!(part, Part::Item | Part::Entry) {
            self.close_list();
        }
        match part {
            Part::Title => self
                .kids
                .extend(groups.into_iter().map(|g| paragraph("H1", g))),
            Part::Heading => self.kids.push(Kid::Elem(heading(groups))),
            Part::Item | Part::Entry => return self.list_item(part, groups, figures, form),
            Part::Card => {
                let mut kids: Vec<Kid> = groups.into_iter().map(|g| paragraph("P", g)).collect();
                kids.append(&mut figures);
                self.kids.push(Kid::Elem(Elem::new("Div", kids)));
            }
            Part::Paragraph | Part::Footer => {
                // The cover's logo stands above its text.
                self.kids.append(&mut figures);
                self.kids
                    .extend(groups.into_iter().map(|g| paragraph("P", g)));
                // A text field after its label (the acknowledgement page).
                if let Some(form) = form {
                    self.kids.push(Kid::Elem(Elem::new("Form", vec![form])));
                }
            }
        }
        self.kids.append(&mut figures);
    }

    /// Adds a list item to the open list of `part`s (opening one if needed).
    fn list_item(
        &mut self,
        part: Part,
        groups: Vec<Group>,
        mut figures: Vec<Kid>,
        form: Option<Kid>,
    ) {
        if self.list.as_ref().is_some_and(|(p, _)| *p != part) {
            self.close_list();
        }
        let mut body: Vec<Kid> = groups.into_iter().map(|g| paragraph("P", g)).collect();
        body.append(&mut figures);
        let mut li = Vec::new();
        if let Some(form) = form {
            let form = Elem::new("Form", vec![form]);
            li.push(Kid::Elem(Elem::new("Lbl", vec![Kid::Elem(form)])));
        }
        li.push(Kid::Elem(Elem::new("LBody", body)));
        let list = self.list.get_or_insert_with(|| (part, Vec::new()));
        list.1.push(Kid::Elem(Elem::new("LI", li)));
    }

    fn close_list(&mut self) {
        if let Some((_, items)) = self.list.take() {
            self.kids.push(Kid::Elem(Elem::new("L", items)));
        }
    }

    /// The block's lines grouped by message and language, in reading order,
    /// with each link after the line it lies on.
    fn groups(&mut self, pieces: &[Piece]) -> Vec<Group> {
        let mut groups: Vec<Group> = Vec::new();
        let mut order: Vec<&str> = Vec::new();
        let mut placed = Vec::new();
        for p in pieces {
            let (Item::Line(line), Some(_)) = (p.item, p.mcid) else {
                continue;
            };
            if !order.contains(&line.id.as_str()) {
                order.push(&line.id);
            }
            let kids: Vec<Kid> = p
                .marks
                .iter()
                .map(|&(mcid, link)| match link {
                    Some(k) => self.link_with_text(p, line, k, mcid, pieces, &mut placed),
                    None => Kid::Content { page: p.page, mcid },
                })
                .collect();
            match groups
                .iter_mut()
                .find(|g| g.id == line.id && g.lang == line.lang)
            {
                Some(g) => {
                    g.kids.extend(kids);
                    g.text.push(line.text());
                }
                None => groups.push(Group {
                    id: line.id.clone(),
                    lang: line.lang,
                    kids,
                    text: vec![line.text()],
                }),
            }
        }
        for p in pieces {
            if let (Item::Link { uri, .. }, Some(id)) = (p.item, p.annot) {
                if !placed.contains(&id) {
                    self.place_link(p, pieces, &mut groups, uri, id);
                }
            }
        }
        groups.sort_by_key(|g| (order.iter().position(|&o| o == g.id), g.lang));
        groups
    }

    /// The link element of link `k` of `line` (a piece of the block): its
    /// text, marked as `mcid`, and its annotation (noted in `placed`),
    /// described in the line's language. Just the text when no annotation
    /// lies over it.
    fn link_with_text(
        &mut self,
        p: &Piece,
        line: &Line,
        k: usize,
        mcid: i64,
        pieces: &[Piece],
        placed: &mut Vec<ObjectId>,
    ) -> Kid {
        let text = Kid::Content { page: p.page, mcid };
        let Some(uri) = line.links.get(k).map(|l| l.uri.as_str()) else {
            return text;
        };
        let annot = pieces.iter().find_map(|a| match (a.item, a.annot) {
            (Item::Link { uri: u, .. }, Some(id))
                if u == uri
                    && !placed.contains(&id)
                    && line_under(a, pieces).is_some_and(|(_, _, m)| Some(m) == p.mcid) =>
            {
                Some((a.page, id))
            }
            _ => None,
        });
        let Some((page, id)) = annot else {
            return text;
        };
        placed.push(id);
        let label = self.describe(line.lang, uri, id);
        let mut elem = Elem::new("Link", vec![text, Kid::Annot { page, id }]);
        elem.alt = Some(label);
        elem.lang = Some(line.lang);
        Kid::Elem(elem)
    }

    /// Describes the link annotation `id` to `uri` in language `lang`
    /// (its `/Contents`) and flags it for printing; returns the description.
    fn describe(&mut self, lang: usize, uri: &str, id: ObjectId) -> String {
        let label = self
            .langs
            .get(lang)
            .map_or_else(|| uri.to_string(), |l| l.describe(uri));
        if let Ok(Object::Dictionary(annot)) = self.doc.get_object_mut(id) {
            annot.set("Contents", text_string(&label));
            annot.set("F", 4);
        }
        label
    }

    /// Puts the link `id` after the line under it, and describes it in
    /// that line's language.
    fn place_link(
        &mut self,
        link: &Piece,
        pieces: &[Piece],
        groups: &mut [Group],
        uri: &str,
        id: ObjectId,
    ) {
        let under = line_under(link, pieces);
        let kid = Kid::Annot {
            page: link.page,
            id,
        };
        let (lang, at) = match under {
            Some((lang, line_id, mcid)) => {
                let g = groups
                    .iter()
                    .position(|g| g.id == line_id && g.lang == lang);
                (lang, g.map(|g| (g, mcid)))
            }
            None => (0, None),
        };
        let label = self.describe(lang, uri, id);
        let Some((g, mcid)) = at.or_else(|| (!groups.is_empty()).then_some((0, -1))) else {
            return;
        };
        let kids = &mut groups[g].kids;
        let mut pos = kids
            .iter()
            .position(
                |k| matches!(k, Kid::Content { page, mcid: m } if *page == link.page && *m == mcid),
            )
            .map_or(kids.len(), |p| p + 1);
        while matches!(kids.get(pos), Some(Kid::Elem(Elem { role: "Link", .. }))) {
            pos += 1;
        }
        // The link's text is in the line before it: the element names where it goes.
        let mut elem = Elem::new("Link", vec![kid]);
        elem.alt = Some(label);
        elem.lang = Some(lang);
        kids.insert(pos, Kid::Elem(elem));
    }
}

/// The line a link lies on: its language, message and marked-content id.
fn line_under<'a>(link: &Piece, pieces: &'a [Piece]) -> Option<(usize, &'a str, i64)> {
    let Item::Link {
        x,
        y,
        width,
        height,
        ..
    } = link.item
    else {
        return None;
    };
    pieces.iter().find_map(|p| match (p.item, p.mcid) {
        (Item::Line(l), Some(mcid))
            if p.page == link.page
                && l.baseline >= *y
                && l.baseline <= y + height
                && l.x < x + width
                && *x < l.x + l.width =>
        {
            Some((l.lang, l.id.as_str(), mcid))
        }
        _ => None,
    })
}

/// The lines of a paragraph as one text: Latin lines joined by a space.
fn joined(lines: &[String]) -> String {
    let mut out = String::new();
    for line in lines {
        let cjk = |c: Option<char>| c.is_some_and(|c| c > '\u{2E80}');
        if !out.is_empty() && !cjk(out.chars().last()) && !cjk(line.chars().next()) {
            out.push(' ');
        }
        out.push_str(line);
    }
    out
}

/// One message in one language as an element `role`.
fn paragraph(role: &'static str, g: Group) -> Kid {
    let mut e = Elem::new(role, g.kids);
    e.lang = Some(g.lang);
    Kid::Elem(e)
}

/// A section heading: one H2, its languages as spans.
fn heading(mut groups: Vec<Group>) -> Elem {
    let lang = groups.first().map(|g| g.lang);
    let mut h2 = if groups.len() == 1 {
        let g = groups.remove(0);
        Elem::new("H2", g.kids)
    } else {
        Elem::new(
            "H2",
            groups.into_iter().map(|g| paragraph("Span", g)).collect(),
        )
    };
    h2.lang = lang;
    h2
}

/// Writes the elements, the parent tree and the catalog entries.
struct Writer<'a> {
    doc: &'a mut lopdf::Document,
    pages: &'a [ObjectId],
    langs: &'a [Language],
    /// Per page, the element holding each marked-content id.
    parents: Vec<Vec<Object>>,
    /// Each annotation with its element.
    annots: Vec<(ObjectId, ObjectId)>,
    /// The elements, written.
    raw: Raw,
}

impl Writer<'_> {
    fn finish(&mut self, root: Elem) {
        let root_id = self.doc.new_object_id();
        let document = self.elem(root, root_id);
        let mut nums = Vec::new();
        let pages = self.pages.len();
        for (n, (page, parents)) in self.pages.iter().zip(&self.parents).enumerate() {
            nums.push(Object::Integer(n as i64));
            nums.push(Object::Array(parents.clone()));
            if let Ok(Object::Dictionary(d)) = self.doc.get_object_mut(*page) {
                d.set("StructParents", n as i64);
                d.set("Tabs", Object::Name(b"S".to_vec()));
            }
        }
        for (n, &(annot, elem)) in self.annots.iter().enumerate() {
            let key = (pages + n) as i64;
            nums.push(Object::Integer(key));
            nums.push(Object::Reference(elem));
            if let Ok(Object::Dictionary(d)) = self.doc.get_object_mut(annot) {
                d.set("StructParent", key);
            }
        }
        let parent_tree = self.doc.add_object(dictionary! { "Nums" => nums });
        let root = dictionary! {
            "Type" => "StructTreeRoot",
            "K" => document,
            "ParentTree" => parent_tree,
            "ParentTreeNextKey" => (pages + self.annots.len()) as i64,
        };
        self.doc.objects.insert(root_id, Object::Dictionary(root));
        if let Some(catalog) = catalog(self.doc) {
            catalog.set("StructTreeRoot", root_id);
            catalog.set("MarkInfo", dictionary! { "Marked" => true });
        }
    }

    /// Writes `elem` under `parent`; returns its id.
    fn elem(&mut self, elem: Elem, parent: ObjectId) -> ObjectId {
        let id = self.doc.new_object_id();
        let page = elem.kids.iter().find_map(|k| match k {
            Kid::Content { page, .. } | Kid::Annot { page, .. } => Some(*page),
            Kid::Elem(_) => None,
        });
        let mut kids = Vec::new();
        for kid in elem.kids {
            kids.push(match kid {
                Kid::Content { page: p, mcid } => {
                    self.record(p, mcid, id);
                    if Some(p) == page {
                        Object::Integer(mcid)
                    } else {
                        let pg = self.page_ref(p);
                        Object::Dictionary(
                            dictionary! { "Type" => "MCR", "Pg" => pg, "MCID" => mcid },
                        )
                    }
                }
                Kid::Annot { page: p, id: annot } => {
                    self.annots.push((annot, id));
                    let pg = self.page_ref(p);
                    Object::Dictionary(dictionary! { "Type" => "OBJR", "Pg" => pg, "Obj" => annot })
                }
                Kid::Elem(e) => Object::Reference(self.elem(e, id)),
            });
        }
        // Written straight to PDF syntax: a tagged document has hundreds of
        // elements, and a lopdf dictionary for each costs more than the rest.
        let mut out = Vec::with_capacity(96);
        out.extend_from_slice(b"<</Type/StructElem/S");
        write::write_name(&mut out, elem.role.as_bytes());
        out.extend_from_slice(b"/P ");
        write::write_object(&mut out, &Object::Reference(parent));
        out.extend_from_slice(b"/K");
        write::write_object(&mut out, &Object::Array(kids));
        if let Some(p) = page {
            out.extend_from_slice(b"/Pg ");
            write::write_object(&mut out, &self.page_ref(p));
        }
        if let Some(tag) = elem.lang.and_then(|l| self.langs.get(l)) {
            out.extend_from_slice(b"/Lang");
            write::write_object(&mut out, &Object::string_literal(tag.tag.as_str()));
        }
        if let Some(alt) = &elem.alt {
            out.extend_from_slice(b"/Alt");
            write::write_object(&mut out, &text_string(alt));
        }
        out.extend_from_slice(b">>");
        self.raw.insert(id.0, out);
        id
    }

    fn page_ref(&self, page: usize) -> Object {
        self.pages
            .get(page)
            .map_or(Object::Null, |&p| Object::Reference(p))
    }

    /// Notes that marked content `mcid` on `page` belongs to `elem`.
    fn record(&mut self, page: usize, mcid: i64, elem: ObjectId) {
        let Some(slots) = self.parents.get_mut(page) else {
            return;
        };
        let at = mcid.max(0) as usize;
        if slots.len() <= at {
            slots.resize(at + 1, Object::Null);
        }
        slots[at] = Object::Reference(elem);
    }
}
