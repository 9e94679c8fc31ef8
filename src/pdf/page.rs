//! The drawing of one page: one function per kind of layout item, as
//! typst-pdf's `handle_*`. Layout measures from the top, PDF from the bottom.
//!
//! The content stream is written here directly, in the operators and number
//! forms printpdf would write for the same drawing, but without building an
//! operation list that printpdf and lopdf then format operand by operand
//! (profiled: about 1,500 instructions per operand, most of a document's PDF
//! time). printpdf still writes the pages, their resources, the link
//! annotations (from the [`Op`]s returned here), images and metadata.

use std::io::Write as _;
use std::ops::Range;

use printpdf::{
    Actions, BorderArray, ColorArray, HighlightingMode, LinkAnnotation, Op, Pt, Rect, XObjectId,
};

use super::fonts::{DocumentFonts, Subset};
use super::tags::{self, Marking};
use crate::fonts::FaceId;
use crate::layout::{Item, Line, Page, Run};
use crate::model::image::Image;

/// What every page shares: resource names and features.
pub(super) struct Resources<'a> {
    /// The faces drawn, with their resource names and encodings.
    pub fonts: &'a DocumentFonts<'a>,
    /// The images drawn, with their resource names.
    pub images: &'a [(&'a Image, XObjectId)],
    /// Tick boxes with a field name are form checkboxes, drawn by their widgets.
    pub forms: bool,
}

/// A page drawn: its content stream, and the operations printpdf turns into
/// the page's annotations.
pub(super) struct Drawn {
    /// The content stream, uncompressed.
    pub content: Vec<u8>,
    /// Link annotations.
    pub annotations: Vec<Op>,
    /// For each item of the page, the ids of the marked content that holds
    /// it: none for artifacts and annotations, one for most content, one
    /// per part for a line with links (marked in parts, so that each link's
    /// text can be in its link element), each with the index of the link
    /// (in [`Line::links`]) the part is the text of.
    pub marks: Vec<Marks>,
}

/// Marked-content ids of an item's parts, each with the link it is the text of.
pub(super) type Marks = Vec<(i64, Option<usize>)>;

/// A content stream being written.
#[derive(Default)]
struct Stream(Vec<u8>);

impl Stream {
    /// Starts an operation: a line break unless it is the first.
    fn start(&mut self) {
        if !self.0.is_empty() {
            self.0.push(b'\n');
        }
    }

    /// Writes the operator `op` after `numbers`, each followed by a space.
    fn op(&mut self, numbers: &[f32], op: &str) {
        self.start();
        for n in numbers {
            self.num(*n);
            self.0.push(b' ');
        }
        self.0.extend_from_slice(op.as_bytes());
    }

    /// A number in the shortest form that reads back as the same `f32`,
    /// without exponent, as Rust's `Display` (and so lopdf) writes it.
    fn num(&mut self, n: f32) {
        // Whole numbers (and -0, written 0) as integers.
        if n == n.trunc() && n.abs() < 1e9 {
            let mut buf = itoa::Buffer::new();
            self.0.extend_from_slice(buf.format(n as i64).as_bytes());
            return;
        }
        let mut buf = ryu::Buffer::new();
        let s = buf.format(n);
        if s.contains(['e', 'N', 'i']) {
            // Not reached for page coordinates; `Display` is exact, only slower.
            // Writing into a Vec cannot fail.
            let _ = write!(self.0, "{n}");
        } else {
            let s = s.strip_suffix(".0").unwrap_or(s);
            self.0.extend_from_slice(s.as_bytes());
        }
    }

    /// A string of 2-byte codes in hexadecimal.
    fn hex(&mut self, codes: impl Iterator<Item = u16>) {
        const DIGITS: &[u8; 16] = b"0123456789ABCDEF";
        self.0.push(b'<');
        for c in codes {
            let c = usize::from(c);
            self.0.extend_from_slice(&[
                DIGITS[c >> 12],
                DIGITS[(c >> 8) & 15],
                DIGITS[(c >> 4) & 15],
                DIGITS[c & 15],
            ]);
        }
        self.0.push(b'>');
    }
}

/// The page being drawn: graphics first, then one text section.
struct Canvas<'a> {
    height: f32,
    res: &'a Resources<'a>,
    graphics: Stream,
    text: Stream,
    annotations: Vec<Op>,
    font: Option<(FaceId, Subset, f32)>,
    fill: Option<f32>,
    /// The next marked-content id.
    mcid: i64,
}

/// Draws `page`.
pub(super) fn draw(page: &Page, res: &Resources) -> Drawn {
    let mut canvas = Canvas {
        height: page.height,
        res,
        graphics: Stream::default(),
        text: Stream::default(),
        annotations: Vec::new(),
        font: None,
        fill: None,
        mcid: 0,
    };
    canvas.graphics.op(&[0.0], "G");
    canvas.graphics.op(&[0.0], "g");
    canvas.text.op(&[], "BT");
    let marks: Vec<Marks> = page.items.iter().map(|item| canvas.marked(item)).collect();
    canvas.text.op(&[], "ET");
    let mut content = canvas.graphics.0;
    content.push(b'\n');
    content.extend_from_slice(&canvas.text.0);
    Drawn {
        content,
        annotations: canvas.annotations,
        marks,
    }
}

impl Canvas<'_> {
    /// Draws `item` inside marked content that says what it is: content
    /// with an id for the structure tree, or an artifact. Returns the id.
    fn marked(&mut self, item: &Item) -> Marks {
        let (open, mcid) = match tags::marking(item, self.res.forms) {
            Marking::Unmarked => (None, None),
            Marking::Content(tag) => {
                if let Item::Line(line) = item {
                    if !line.links.is_empty() {
                        return self.marked_line(line, tag);
                    }
                }
                let mcid = self.next_mcid();
                (Some(format!("/{tag} <</MCID {mcid}>> BDC")), Some(mcid))
            }
            Marking::Artifact => (Some("/Artifact BMC".to_string()), None),
            Marking::Pagination => (
                Some("/Artifact <</Type /Pagination /Subtype /Footer>> BDC".to_string()),
                None,
            ),
        };
        let Some(open) = open else {
            self.item(item);
            return Vec::new();
        };
        self.stream_for(item).op(&[], &open);
        self.item(item);
        self.stream_for(item).op(&[], "EMC");
        mcid.map(|m| vec![(m, None)]).unwrap_or_default()
    }

    fn next_mcid(&mut self) -> i64 {
        self.mcid += 1;
        self.mcid - 1
    }

    /// A line with links, marked in parts one after another: its text as
    /// `tag`, each link's text as `Link`.
    fn marked_line(&mut self, line: &Line, tag: &str) -> Marks {
        let len = line.runs.iter().map(|r| r.text.chars().count()).sum();
        let mut parts: Vec<(Range<usize>, Option<usize>)> = Vec::new();
        let mut at = 0;
        for (k, link) in line.links.iter().enumerate() {
            let start = link.chars.start.clamp(at, len);
            let end = link.chars.end.clamp(start, len);
            if start > at {
                parts.push((at..start, None));
            }
            if end > start {
                parts.push((start..end, Some(k)));
            }
            at = end;
        }
        if at < len {
            parts.push((at..len, None));
        }
        let mut marks = Vec::new();
        for (range, link) in parts {
            let mcid = self.next_mcid();
            let role = if link.is_some() { "Link" } else { tag };
            self.text.op(&[], &format!("/{role} <</MCID {mcid}>> BDC"));
            self.line_part(line, range);
            self.text.op(&[], "EMC");
            marks.push((mcid, link));
        }
        marks
    }

    /// Text goes in the text section, everything else before it.
    fn stream_for(&mut self, item: &Item) -> &mut Stream {
        match item {
            Item::Line(_) => &mut self.text,
            _ => &mut self.graphics,
        }
    }

    fn item(&mut self, item: &Item) {
        match item {
            Item::Line(line) => self.line(line),
            Item::TickBox {
                x, y, size, field, ..
            } => {
                // A form checkbox draws itself (its appearance streams).
                if !(self.res.forms && field.is_some()) {
                    self.tick_box(*x, *y, *size);
                }
            }
            // A text field draws itself (its appearance streams).
            Item::TextField { .. } => {}
            Item::Rule {
                x,
                y,
                width,
                thickness,
            } => self.rule(*x, *y, *width, *thickness),
            Item::Bullet { x, y, size } => self.bullet(*x, *y, *size),
            Item::CutLine {
                x,
                y,
                width,
                height,
            } => self.cut_line(*x, *y, *width, *height),
            Item::Qr {
                x,
                y,
                size,
                modules,
                dark,
                ..
            } => self.qr(*x, *y, *size, *modules, dark),
            Item::Link {
                x,
                y,
                width,
                height,
                uri,
                ..
            } => self.link(*x, *y, *width, *height, uri),
            Item::Image {
                x,
                y,
                width,
                height,
                image,
                ..
            } => self.image(*x, *y, *width, *height, image),
        }
    }

    fn line(&mut self, line: &Line) {
        self.line_part(line, 0..usize::MAX);
    }

    /// Draws the characters `part` (indexes into the line's text) of
    /// `line`. A part that starts inside a run continues where the pen
    /// stands, after the part before it.
    fn line_part(&mut self, line: &Line, part: Range<usize>) {
        let mut offset = 0;
        for run in &line.runs {
            let len = run.text.chars().count();
            let from = part.start.max(offset) - offset;
            let to = part.end.min(offset + len).saturating_sub(offset);
            offset += len;
            if from >= to {
                continue;
            }
            let pieces: Vec<(Subset, Range<usize>)> = self
                .res
                .fonts
                .pieces(run.face, &run.text)
                .into_iter()
                .filter_map(|(subset, r)| {
                    let r = r.start.max(from)..r.end.min(to);
                    (r.start < r.end).then_some((subset, r))
                })
                .collect();
            let Some(&(first, _)) = pieces.first() else {
                continue;
            };
            self.set_font(run.face, first, run.size);
            if self.fill != Some(run.gray) {
                self.text.op(&[run.gray], "g");
                self.fill = Some(run.gray);
            }
            if from == 0 {
                let y = self.height - line.baseline;
                self.text.op(&[1.0, 0.0, 0.0, 1.0, run.x, y], "Tm");
            }
            // A run drawn wider (a two-em dash) is scaled by Tz, its
            // advances set by Tc, around it.
            let scaled = run.scale != 1.0 || run.spacing != 0.0;
            if scaled {
                self.text.op(&[run.scale * 100.0], "Tz");
                self.text.op(&[run.spacing], "Tc");
            }
            self.pieces(run, &pieces, len);
            if scaled {
                self.text.op(&[100.0], "Tz");
                self.text.op(&[0.0], "Tc");
            }
        }
    }

    /// Shows the `pieces` of `run` (of `len` characters), each in its
    /// subset's font (one piece but for a personal line's characters the
    /// shared subset lacks, or a link's part of a line); the text continues
    /// where the previous piece ended.
    fn pieces(&mut self, run: &Run, pieces: &[(Subset, Range<usize>)], len: usize) {
        if let [(subset, range)] = pieces {
            if *range == (0..len) {
                self.show(run, *subset, &run.text, &run.kerns);
                return;
            }
        }
        let chars: Vec<(usize, char)> = run.text.char_indices().collect();
        let byte = |i: usize| chars.get(i).map_or(run.text.len(), |c| c.0);
        for (subset, range) in pieces {
            self.set_font(run.face, *subset, run.size);
            let kerns: Vec<(usize, f32)> = run
                .kerns
                .iter()
                .filter(|k| range.contains(&k.0))
                .map(|&(i, pull)| (i - range.start, pull))
                .collect();
            let text = &run.text[byte(range.start)..byte(range.end)];
            self.show(run, *subset, text, &kerns);
        }
    }

    /// Selects `face`'s subset `subset` at `size`, unless it is selected.
    fn set_font(&mut self, face: FaceId, subset: Subset, size: f32) {
        if self.font == Some((face, subset, size)) {
            return;
        }
        if let Some(name) = self.res.fonts.resource(face, subset) {
            self.text.start();
            self.text.0.push(b'/');
            self.text.0.extend_from_slice(name.as_bytes());
            self.text.0.push(b' ');
            self.text.num(size);
            self.text.0.extend_from_slice(b" Tf");
        }
        self.font = Some((face, subset, size));
    }

    /// `text` (all or part of `run`) in its font's codes, with the pull-backs
    /// `kerns` as TJ adjustments (thousandths of an em, which the horizontal
    /// scale scales too; positive moves left).
    fn show(&mut self, run: &Run, subset: Subset, text: &str, kerns: &[(usize, f32)]) {
        let fonts = self.res.fonts;
        let out = &mut self.text;
        out.start();
        if kerns.is_empty() {
            out.hex(fonts.encode(run.face, subset, text));
            out.0.extend_from_slice(b" Tj");
            return;
        }
        out.0.push(b'[');
        let mut rest = text;
        let mut at = 0;
        for &(index, pull) in kerns {
            let split = rest
                .char_indices()
                .nth(index.saturating_sub(at))
                .map_or(rest.len(), |(i, _)| i);
            out.hex(fonts.encode(run.face, subset, &rest[..split]));
            out.0.push(b' ');
            out.num(pull / (run.size * run.scale) * 1000.0);
            rest = &rest[split..];
            at = index;
        }
        out.hex(fonts.encode(run.face, subset, rest));
        out.0.extend_from_slice(b"] TJ");
    }

    fn tick_box(&mut self, x: f32, y: f32, size: f32) {
        self.graphics.op(&[0.7], "w");
        let bottom = self.height - y - size;
        self.graphics.op(&[x, bottom, size, size], "re");
        self.graphics.op(&[], "S");
    }

    fn rule(&mut self, x: f32, y: f32, width: f32, thickness: f32) {
        let y = self.height - y;
        self.graphics.op(&[thickness], "w");
        self.graphics.op(&[x, y], "m");
        self.graphics.op(&[x + width, y], "l");
        self.graphics.op(&[], "S");
    }

    fn bullet(&mut self, x: f32, y: f32, size: f32) {
        let bottom = self.height - y - size;
        self.graphics.op(&[x, bottom, size, size], "re");
        self.graphics.op(&[], "f");
    }

    fn cut_line(&mut self, x: f32, y: f32, width: f32, height: f32) {
        let bottom = self.height - y - height;
        let g = &mut self.graphics;
        g.op(&[0.6], "w");
        g.start();
        g.0.extend_from_slice(b"[4 3] 0 d");
        g.op(&[x, bottom, width, height], "re");
        g.op(&[], "S");
        g.start();
        g.0.extend_from_slice(b"[] 0 d");
    }

    /// One filled rectangle per horizontal run of dark modules.
    /// A QR code as one path of module-sized rectangles, in module units
    /// (a `cm` scales them): short numbers, one fill.
    fn qr(&mut self, x: f32, y: f32, size: f32, modules: usize, dark: &[bool]) {
        let m = size / modules.max(1) as f32;
        self.graphics.op(&[], "q");
        self.graphics
            .op(&[m, 0.0, 0.0, m, x, self.height - y - size], "cm");
        for (row, cells) in dark.chunks(modules.max(1)).enumerate() {
            let from_bottom = modules.saturating_sub(row + 1) as f32;
            let mut col = 0;
            while col < cells.len() {
                let run = cells[col..].iter().take_while(|&&d| d).count();
                if run > 0 {
                    self.graphics
                        .op(&[col as f32, from_bottom, run as f32, 1.0], "re");
                    col += run;
                } else {
                    col += 1;
                }
            }
        }
        self.graphics.op(&[], "f");
        self.graphics.op(&[], "Q");
    }

    fn link(&mut self, x: f32, y: f32, width: f32, height: f32, uri: &str) {
        let area = Rect::from_xywh(Pt(x), Pt(self.height - y - height), Pt(width), Pt(height));
        self.annotations.push(Op::LinkAnnotation {
            link: LinkAnnotation::new(
                area,
                Actions::Uri(uri.to_string()),
                Some(BorderArray::Solid([0.0, 0.0, 0.0])),
                Some(ColorArray::Transparent),
                Some(HighlightingMode::Invert),
            ),
        });
    }

    /// The image scaled to `width` × `height` points.
    fn image(&mut self, x: f32, y: f32, width: f32, height: f32, image: &Image) {
        let Some((_, id)) = self.res.images.iter().find(|(i, _)| *i == image) else {
            return;
        };
        // As printpdf places an image: its pixels at a resolution that gives `width`.
        let dpi = image.width as f32 * 72.0 / width;
        let scale_x = image.width as f32 * (72.0 / dpi);
        let scale_y = image.height as f32 * (72.0 / dpi);
        let g = &mut self.graphics;
        g.op(&[], "q");
        g.op(
            &[scale_x, 0.0, 0.0, scale_y, x, self.height - y - height],
            "cm",
        );
        g.start();
        g.0.push(b'/');
        g.0.extend_from_slice(id.0.as_bytes());
        g.0.extend_from_slice(b" Do");
        g.op(&[], "Q");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn num(n: f32) -> String {
        let mut s = Stream::default();
        s.num(n);
        String::from_utf8(s.0).unwrap()
    }

    #[test]
    fn numbers_read_back_exactly_and_look_like_display() {
        assert_eq!(num(-0.0), "0");
        for n in [
            0.0, 1.0, 46.0, -250.0, 0.35, 7.7999997, 778.44977, 1e-7, 3.0e9,
        ] {
            assert_eq!(num(n), format!("{n}"));
        }
        let mut x = 0.001f32;
        while x < 2000.0 {
            let s = num(x);
            assert_eq!(s.parse::<f32>().unwrap(), x, "{s}");
            assert!(!s.contains('e'));
            x = x * 1.37 + 0.011;
        }
    }

    use crate::layout::Tag;

    /// Draws `items` on a 100 × 200 pt page without text.
    fn drawn(items: Vec<Item>, forms: bool) -> (String, usize) {
        let fonts = crate::fonts::FontSet::bundled();
        let layout = crate::layout::Layout {
            pages: Vec::new(),
            outline: Vec::new(),
            cover: false,
        };
        let doc_fonts = DocumentFonts::collect(&layout, &fonts, &[]).unwrap();
        let image = items.iter().find_map(|i| match i {
            Item::Image { image, .. } => Some(image.clone()),
            _ => None,
        });
        let images: Vec<(&Image, XObjectId)> = image
            .iter()
            .map(|i| (&**i, XObjectId("PDLogo".into())))
            .collect();
        let res = Resources {
            fonts: &doc_fonts,
            images: &images,
            forms,
        };
        let page = Page {
            width: 100.0,
            height: 200.0,
            items,
        };
        let d = draw(&page, &res);
        (String::from_utf8(d.content).unwrap(), d.annotations.len())
    }

    #[test]
    fn each_item_kind_draws_in_pdf_coordinates() {
        let image = std::sync::Arc::new(Image {
            width: 20,
            height: 10,
            format: crate::model::image::PixelFormat::Rgb8,
            pixels: vec![0; 600].into(),
        });
        let items = vec![
            Item::TickBox {
                x: 10.0,
                y: 20.0,
                size: 8.0,
                field: None,
                tag: Tag::default(),
            },
            Item::Rule {
                x: 10.0,
                y: 30.0,
                width: 50.0,
                thickness: 0.4,
            },
            Item::Bullet {
                x: 10.0,
                y: 40.0,
                size: 2.0,
            },
            Item::CutLine {
                x: 5.0,
                y: 50.0,
                width: 60.0,
                height: 40.0,
            },
            Item::Qr {
                x: 0.0,
                y: 100.0,
                size: 4.0,
                text: "https://example.com".into(),
                modules: 2,
                dark: vec![true, true, false, true],
                tag: Tag::default(),
            },
            Item::Link {
                x: 1.0,
                y: 2.0,
                width: 3.0,
                height: 4.0,
                uri: "tel:12308".into(),
                tag: Tag::default(),
            },
            Item::Image {
                x: 10.0,
                y: 150.0,
                width: 40.0,
                height: 20.0,
                image,
                alt: "logo".into(),
                tag: Tag::default(),
            },
        ];
        let (content, links) = drawn(items, false);
        assert_eq!(
            content,
            "0 G\n0 g\n/Artifact BMC\n0.7 w\n10 172 8 8 re\nS\nEMC\n\
             /Artifact BMC\n0.4 w\n10 170 m\n60 170 l\nS\nEMC\n\
             /Artifact BMC\n10 158 2 2 re\nf\nEMC\n\
             /Artifact BMC\n0.6 w\n[4 3] 0 d\n5 110 60 40 re\nS\n[] 0 d\nEMC\n\
             /Figure <</MCID 0>> BDC\nq\n2 0 0 2 0 96 cm\n0 1 2 1 re\n1 0 1 1 re\nf\nQ\nEMC\n\
             /Figure <</MCID 1>> BDC\nq\n40 0 0 20 10 30 cm\n/PDLogo Do\nQ\nEMC\nBT\nET"
        );
        assert_eq!(links, 1);
    }

    #[test]
    fn form_checkboxes_are_drawn_by_their_widgets() {
        let tick = |field: Option<&str>| Item::TickBox {
            x: 0.0,
            y: 0.0,
            size: 8.0,
            field: field.map(String::from),
            tag: Tag::default(),
        };
        let (content, _) = drawn(vec![tick(Some("a")), tick(None)], true);
        assert_eq!(
            content,
            "0 G\n0 g\n/Artifact BMC\n0.7 w\n0 192 8 8 re\nS\nEMC\nBT\nET"
        );
    }

    #[test]
    fn codes_are_four_hex_digits() {
        let mut s = Stream::default();
        s.hex([0x0001, 0xABCD, 0].into_iter());
        assert_eq!(s.0, b"<0001ABCD0000>");
    }
}
