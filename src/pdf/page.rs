//! The drawing operations of one page: one function per kind of layout item,
//! as typst-pdf's `handle_*`. Layout measures from the top, PDF from the bottom.

use printpdf::{
    Actions, BorderArray, Color, ColorArray, DictItem, FontId, Greyscale, HighlightingMode,
    Line as PdfLine, LineDashPattern, LinePoint, LinkAnnotation, Op, PaintMode, PdfFontHandle,
    Point, Pt, Rect, TextMatrix, XObjectId, XObjectTransform,
};

use super::fonts::DocumentFonts;
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

/// The operations of a page being drawn: graphics first, then one text section.
struct Canvas<'a> {
    height: f32,
    res: &'a Resources<'a>,
    graphics: Vec<Op>,
    text: Vec<Op>,
    font: Option<(FaceId, f32)>,
    fill: Option<f32>,
}

/// The drawing operations of `page`.
pub(super) fn ops(page: &Page, res: &Resources) -> Vec<Op> {
    let mut canvas = Canvas {
        height: page.height,
        res,
        graphics: vec![
            Op::SetOutlineColor { col: gray(0.0) },
            Op::SetFillColor { col: gray(0.0) },
        ],
        text: vec![Op::StartTextSection],
        font: None,
        fill: None,
    };
    for item in &page.items {
        canvas.item(item);
    }
    canvas.text.push(Op::EndTextSection);
    canvas.graphics.extend(canvas.text);
    canvas.graphics
}

impl Canvas<'_> {
    fn item(&mut self, item: &Item) {
        match item {
            Item::Line(line) => self.line(line),
            Item::TickBox { x, y, size, field } => {
                // A form checkbox draws itself (its appearance streams).
                if !(self.res.forms && field.is_some()) {
                    self.tick_box(*x, *y, *size);
                }
            }
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
            } => self.link(
                Rect::from_xywh(
                    Pt(*x),
                    Pt(self.height - y - height),
                    Pt(*width),
                    Pt(*height),
                ),
                uri,
            ),
            Item::Image {
                x,
                y,
                width,
                height,
                image,
            } => self.image(*x, *y, *width, *height, image),
        }
    }

    fn line(&mut self, line: &Line) {
        for run in &line.runs {
            if self.font != Some((run.face, run.size)) {
                if let Some(name) = self.res.fonts.resource(run.face) {
                    self.text.push(Op::SetFont {
                        font: PdfFontHandle::External(FontId(name.to_string())),
                        size: Pt(run.size),
                    });
                }
                self.font = Some((run.face, run.size));
            }
            if self.fill != Some(run.gray) {
                self.text.push(Op::SetFillColor {
                    col: gray(run.gray),
                });
                self.fill = Some(run.gray);
            }
            self.text.push(Op::SetTextMatrix {
                matrix: TextMatrix::Translate(Pt(run.x), Pt(self.height - line.baseline)),
            });
            self.text.push(show(run, self.res.fonts));
        }
    }

    fn tick_box(&mut self, x: f32, y: f32, size: f32) {
        self.graphics.push(Op::SetOutlineThickness { pt: Pt(0.7) });
        let bottom = self.height - y - size;
        self.graphics
            .push(rect(x, bottom, size, size, PaintMode::Stroke));
    }

    fn rule(&mut self, x: f32, y: f32, width: f32, thickness: f32) {
        let y = self.height - y;
        self.graphics
            .push(Op::SetOutlineThickness { pt: Pt(thickness) });
        self.graphics.push(Op::DrawLine {
            line: PdfLine {
                points: vec![point(x, y), point(x + width, y)],
                is_closed: false,
            },
        });
    }

    fn bullet(&mut self, x: f32, y: f32, size: f32) {
        let bottom = self.height - y - size;
        self.graphics
            .push(rect(x, bottom, size, size, PaintMode::Fill));
    }

    fn cut_line(&mut self, x: f32, y: f32, width: f32, height: f32) {
        let bottom = self.height - y - height;
        self.graphics.extend([
            Op::SetOutlineThickness { pt: Pt(0.6) },
            Op::SetLineDashPattern {
                dash: LineDashPattern::new(0.0, &[4.0, 3.0]),
            },
            rect(x, bottom, width, height, PaintMode::Stroke),
            Op::SetLineDashPattern {
                dash: LineDashPattern::solid(),
            },
        ]);
    }

    /// One rectangle per horizontal run of dark modules.
    fn qr(&mut self, x: f32, y: f32, size: f32, modules: usize, dark: &[bool]) {
        let m = size / modules as f32;
        for (row, cells) in dark.chunks(modules.max(1)).enumerate() {
            let top = y + row as f32 * m;
            let bottom = self.height - top - m;
            let mut col = 0;
            while col < cells.len() {
                let run = cells[col..].iter().take_while(|&&d| d).count();
                if run > 0 {
                    let left = x + col as f32 * m;
                    self.graphics
                        .push(rect(left, bottom, run as f32 * m, m, PaintMode::Fill));
                    col += run;
                } else {
                    col += 1;
                }
            }
        }
    }

    fn link(&mut self, area: Rect, uri: &str) {
        self.graphics.push(Op::LinkAnnotation {
            link: LinkAnnotation::new(
                area,
                Actions::Uri(uri.to_string()),
                Some(BorderArray::Solid([0.0, 0.0, 0.0])),
                Some(ColorArray::Transparent),
                Some(HighlightingMode::Invert),
            ),
        });
    }

    fn image(&mut self, x: f32, y: f32, width: f32, height: f32, image: &Image) {
        let Some((_, id)) = self.res.images.iter().find(|(i, _)| *i == image) else {
            return;
        };
        self.graphics.push(Op::UseXobject {
            id: id.clone(),
            transform: XObjectTransform {
                translate_x: Some(Pt(x)),
                translate_y: Some(Pt(self.height - y - height)),
                dpi: Some(image.width as f32 * 72.0 / width),
                ..Default::default()
            },
        });
    }
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

/// A run's text in its font's codes, with its pull-backs as TJ adjustments
/// (thousandths of an em; positive moves left): one `Tj` or `TJ` operator.
fn show(run: &Run, fonts: &DocumentFonts) -> Op {
    let string = |text: &str| DictItem::String {
        data: fonts.encode(run.face, text),
        literal: false,
    };
    if run.kerns.is_empty() {
        return Op::Unknown {
            key: "Tj".into(),
            value: vec![string(&run.text)],
        };
    }
    let mut items = Vec::with_capacity(run.kerns.len() * 2 + 1);
    let mut rest = run.text.as_str();
    let mut at = 0;
    for &(index, pull) in &run.kerns {
        let split = rest
            .char_indices()
            .nth(index.saturating_sub(at))
            .map_or(rest.len(), |(i, _)| i);
        items.push(string(&rest[..split]));
        items.push(DictItem::Real(pull / run.size * 1000.0));
        rest = &rest[split..];
        at = index;
    }
    items.push(string(rest));
    Op::Unknown {
        key: "TJ".into(),
        value: vec![DictItem::Array(items)],
    }
}
