//! predeparture turns pre-departure security advice into typeset checklists
//! in Chinese and English.
//!
//! # Pipeline
//!
//! The stages flow one way; each imports only those above it:
//!
//! 1. [`diag`] and [`text`]: leaves. Source positions for error messages;
//!    character rules (Han, punctuation classes, the Han–Latin gap, links).
//! 2. [`model`]: every definition file, read from TOML ([`model::Catalog`]).
//! 3. [`l10n`]: languages and their Fluent messages ([`l10n::Localizer`]).
//! 4. [`mod@compose`]: the checklist localised into the chosen languages
//!    ([`compose::compose`]).
//! 5. [`layout`]: measured, line-broken and paginated items
//!    ([`layout::layout`]), using [`fonts`] and the [`profile`] table.
//! 6. [`pdf`]: the items drawn as a PDF ([`pdf::export`]); [`export`]: the
//!    same document as text, Markdown or JSON.
//! 7. This facade: [`Renderer`] runs the whole pipeline and keeps what is
//!    costly to build (parsed translations and fonts) for the documents that
//!    follow. [`validate`] checks a catalog; [`ack`] reads returned,
//!    filled-in PDFs back.
//!
//! ```
//! use predeparture::{fonts::FontSet, model::Catalog, Renderer, Request};
//!
//! let renderer = Renderer::new(Catalog::bundled()?, FontSet::bundled())?;
//! let pdf = renderer.render(&Request::handout("student", &["zh-CN", "en"]))?;
//! assert!(pdf.starts_with(b"%PDF-"));
//! # Ok::<(), predeparture::Error>(())
//! ```

pub mod ack;
pub mod compose;
pub mod diag;
pub mod export;
pub mod fonts;
pub mod l10n;
pub mod layout;
pub mod memo;
pub mod model;
pub mod pdf;
pub mod profile;
pub mod roster;
pub mod text;
pub mod validate;

pub use diag::Location;

use compose::{compose, page_label, Document, Extras, OrgInput};
use fonts::FontSet;
use l10n::{Locale, Localizer};
use layout::{LangFonts, Layout, LayoutOptions};
use model::{Catalog, Date, Destination, Org};
use profile::{PageSize, Profile};
use std::sync::Arc;

/// Any error the library reports.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Loading or checking the checklist definitions failed.
    #[error(transparent)]
    Model(#[from] model::ModelError),
    /// Loading or using the translations failed.
    #[error(transparent)]
    L10n(#[from] l10n::L10nError),
    /// Fonts could not be loaded or lack a character.
    #[error(transparent)]
    Font(#[from] fonts::FontError),
    /// Writing the PDF failed.
    #[error(transparent)]
    Pdf(#[from] pdf::PdfError),
    /// The request is incomplete or contradicts itself.
    #[error("{0}")]
    Request(String),
}

impl From<compose::ComposeError> for Error {
    fn from(e: compose::ComposeError) -> Self {
        match e {
            compose::ComposeError::L10n(e) => Error::L10n(e),
            compose::ComposeError::Model(e) => Error::Model(e),
        }
    }
}

/// What to render.
#[derive(Debug, Clone)]
pub struct Request {
    /// Checklist id, e.g. `student`.
    pub checklist: String,
    /// Requested languages (BCP 47), in print order.
    pub langs: Vec<String>,
    /// Roles that select extra items, e.g. `sensitive`.
    pub roles: Vec<String>,
    /// Paper size (the phone profile has its own).
    pub page: PageSize,
    /// Handout, phone or packet.
    pub profile: Profile,
    /// The destination (ISO code or a name in any language), whose missions
    /// the channels section prints.
    pub destination: Option<String>,
    /// The date the document is made, to judge how old a fact is; the
    /// checklist's "as of" date when absent.
    pub today: Option<Date>,
    /// The organisation the document is made for, with any profile: its
    /// name and logo head the document (a packet's cover), its contacts
    /// follow the channels and go on the wallet card. Required by the
    /// packet profile.
    pub org: Option<Org>,
    /// Print the organisation's own items outside a packet too (a packet
    /// always does). Needs `org`.
    pub org_items: bool,
    /// End with the acknowledgement page outside a packet too (a packet
    /// always does); a fillable form where the profile has forms. Needs `org`.
    pub acknowledgement: bool,
    /// The person the document is made for: printed on a packet's cover and
    /// on the acknowledgement page.
    pub packet: Option<PacketRequest>,
    /// Creation time written into the PDF (seconds since 1970). When absent,
    /// the checklist's "as of" date is used, so output never depends on a clock.
    pub timestamp: Option<i64>,
    /// Write PDF/A-2b (archival); packets always are.
    pub pdf_a: bool,
}

/// The facts of the person a packet or acknowledgement is made for.
#[derive(Debug, Clone)]
pub struct PacketRequest {
    /// The employee's name.
    pub name: Option<String>,
    /// When they leave.
    pub departure: Option<Date>,
    /// The date of the document.
    pub date: Date,
}

impl Request {
    /// A bilingual A4 handout of `checklist`, dated by its "as of" date.
    pub fn handout(checklist: &str, langs: &[&str]) -> Request {
        Request {
            checklist: checklist.into(),
            langs: langs.iter().map(|l| l.to_string()).collect(),
            roles: Vec::new(),
            page: PageSize::A4,
            profile: Profile::Handout,
            org: None,
            org_items: false,
            acknowledgement: false,
            packet: None,
            destination: None,
            today: None,
            timestamp: None,
            pdf_a: false,
        }
    }

    /// The page size the request is laid out on.
    pub fn page_size(&self) -> PageSize {
        self.profile.page(self.page)
    }
}

/// The organisation's part of `request`, checked: the packet profile needs
/// an organisation, and so do its items and the acknowledgement page; the
/// person's facts are printed only on a cover or an acknowledgement page.
fn org_input(request: &Request, as_of: Date) -> Result<Option<OrgInput<'_>>, Error> {
    let spec = request.profile.spec();
    let Some(org) = &request.org else {
        let wanted = [
            (spec.needs_org, format!("the {} profile", spec.name)),
            (request.acknowledgement, "an acknowledgement page".into()),
            (request.org_items, "the organisation's items".into()),
        ];
        if let Some((_, what)) = wanted.iter().find(|(w, _)| *w) {
            return Err(Error::Request(format!(
                "{what} needs an organisation file (--org)"
            )));
        }
        if request.packet.is_some() {
            return Err(Error::Request(
                "a name or departure is printed on a packet or an acknowledgement page: it needs an organisation file (--org)".into(),
            ));
        }
        return Ok(None);
    };
    let acknowledgement = spec.needs_org || request.acknowledgement;
    if request.packet.is_some() && !acknowledgement {
        return Err(Error::Request(format!(
            "a name or departure is printed on a packet or an acknowledgement page: the {} profile needs --ack for one",
            spec.name
        )));
    }
    let packet = request.packet.as_ref();
    Ok(Some(OrgInput {
        org,
        items: spec.needs_org || request.org_items,
        cover: spec.needs_org,
        acknowledgement,
        name: packet
            .and_then(|p| p.name.as_deref())
            .map(|n| text::clean(n).map_err(|why| Error::Request(format!("the name {why}"))))
            .transpose()?,
        departure: packet.and_then(|p| p.departure),
        date: packet
            .map(|p| p.date)
            .unwrap_or(request.today.unwrap_or(as_of)),
    }))
}

/// What the PDF records about itself, covered by its content hash: the
/// checklist, its edition, the languages, the profile and the name printed.
fn record(
    doc: &Document,
    checklist: &model::Checklist,
    request: &Request,
) -> Vec<(String, String)> {
    let mut record = vec![
        ("Checklist".to_string(), checklist.id.clone()),
        ("Edition".into(), checklist.as_of.to_string()),
        ("Languages".into(), doc.langs.join(",")),
        ("Profile".into(), request.profile.spec().name.into()),
    ];
    if let Some(name) = doc.acknowledgement.as_ref().and_then(|a| a.name.clone()) {
        record.push(("Name".into(), name));
    }
    record
}

/// A rendered PDF.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pdf {
    /// The file.
    pub bytes: Vec<u8>,
    /// Its page count.
    pub pages: usize,
}

/// Renders checklists from one catalog with one set of fonts.
pub struct Renderer {
    catalog: Catalog,
    localizer: Localizer,
    fonts: FontSet,
    /// Paragraphs set for earlier documents (same fonts), reused.
    paragraphs: Arc<layout::Cache>,
}

impl Renderer {
    /// Prepares a renderer; parses every translation file once.
    pub fn new(catalog: Catalog, fonts: FontSet) -> Result<Renderer, Error> {
        let localizer = Localizer::new(&catalog)?;
        Ok(Renderer {
            catalog,
            localizer,
            fonts,
            paragraphs: Arc::default(),
        })
    }

    /// The file name a front end gives `request`'s output by default:
    /// `<checklist>-<profile>-<langs>.<extension>`, e.g.
    /// `student-handout-zh-CN-en.pdf`.
    pub fn file_name(&self, request: &Request, extension: &str) -> Result<String, Error> {
        let tags: Vec<&str> = self
            .locales(request)?
            .iter()
            .map(|l| l.tag.as_str())
            .collect();
        Ok(format!(
            "{}-{}-{}.{extension}",
            request.checklist,
            request.profile.spec().name,
            tags.join("-")
        ))
    }

    /// A renderer of the bundled catalog with the bundled fonts.
    pub fn bundled() -> Result<Renderer, Error> {
        Renderer::new(Catalog::bundled()?, FontSet::bundled())
    }

    /// The catalog.
    pub fn catalog(&self) -> &Catalog {
        &self.catalog
    }

    /// The languages.
    pub fn localizer(&self) -> &Localizer {
        &self.localizer
    }

    /// The negotiated languages of `request`, without repeats.
    pub fn locales(&self, request: &Request) -> Result<Vec<&Locale>, Error> {
        let mut out: Vec<&Locale> = Vec::new();
        for lang in &request.langs {
            let locale = self.localizer.negotiate(lang.trim())?;
            if !out.iter().any(|l| l.tag == locale.tag) {
                out.push(locale);
            }
        }
        if out.is_empty() {
            return Err(l10n::L10nError::UnknownLanguage {
                requested: String::new(),
                available: self.localizer.available(),
            }
            .into());
        }
        Ok(out)
    }

    /// The localised document of `request`.
    pub fn document(&self, request: &Request) -> Result<Document, Error> {
        Ok(self.prepare(request)?.0)
    }

    /// The document, its languages and its checklist: negotiated and composed once.
    /// The destinations `query` names: one country, or several separated by
    /// `;` for a trip through them (`FR;IT`), each by code or by name in any
    /// language; each country once, in the order given.
    pub fn destinations(&self, query: Option<&str>) -> Result<Vec<&Destination>, Error> {
        let Some(query) = query else {
            return Ok(Vec::new());
        };
        let channels = self
            .catalog
            .channels
            .as_ref()
            .ok_or(model::ModelError::NoChannels)?;
        let mut out: Vec<&Destination> = Vec::new();
        for part in query
            .split([';', '；'])
            .map(str::trim)
            .filter(|p| !p.is_empty())
        {
            let d = channels.find(part)?;
            if !out.iter().any(|o| o.code == d.code) {
                out.push(d);
            }
        }
        Ok(out)
    }

    fn prepare(
        &self,
        request: &Request,
    ) -> Result<(Document, Vec<&Locale>, &model::Checklist), Error> {
        let checklist = self.catalog.checklist(&request.checklist)?;
        checklist.check_roles(&request.roles)?;
        let locales = self.locales(request)?;
        let org = org_input(request, checklist.as_of)?;
        let destinations = self.destinations(request.destination.as_deref())?;
        let extras = Extras {
            // Printed profiles carry the cut-out card.
            card: request.profile.spec().card,
            org,
            destinations,
            today: request.today.unwrap_or(checklist.as_of),
        };
        let doc = compose(&self.catalog, checklist, &locales, &request.roles, &extras)?;
        Ok((doc, locales, checklist))
    }

    /// The laid-out pages of `request`.
    pub fn layout(&self, request: &Request) -> Result<Layout, Error> {
        let (doc, locales, _) = self.prepare(request)?;
        self.layout_document(&doc, &locales, request)
    }

    fn layout_document(
        &self,
        doc: &Document,
        locales: &[&Locale],
        request: &Request,
    ) -> Result<Layout, Error> {
        let langs = locales
            .iter()
            .map(|l| LangFonts::new(&self.fonts, l.settings.script, &l.settings.fonts, &l.tag))
            .collect::<Result<Vec<_>, _>>()?;
        let options = LayoutOptions {
            page: request.page_size(),
            profile: request.profile,
            langs,
            cache: Arc::clone(&self.paragraphs),
        };
        let mut layout = layout::layout(doc, &self.fonts, &options)?;
        let total = layout.pages.len();
        let footers = (1..=total)
            .map(|page| page_label(locales, page, total))
            .collect::<Result<Vec<_>, _>>()?;
        layout::add_footers(&mut layout, &footers, &self.fonts, &options)?;
        Ok(layout)
    }

    /// Forgets everything kept from earlier documents: this renderer's set
    /// paragraphs and the process-wide font subsets, deflated pages and QR
    /// codes. Output does not depend on them; this is for measuring a
    /// document made from scratch.
    pub fn clear_caches(&self) {
        self.paragraphs.clear();
        pdf::clear_caches();
        layout::qr::clear_cache();
    }

    /// Renders `request` as PDF bytes.
    pub fn render(&self, request: &Request) -> Result<Vec<u8>, Error> {
        Ok(self.render_pdf(request)?.bytes)
    }

    /// Renders `request` as a PDF, with its page count.
    pub fn render_pdf(&self, request: &Request) -> Result<Pdf, Error> {
        let (doc, locales, checklist) = self.prepare(request)?;
        let layout = self.layout_document(&doc, &locales, request)?;
        let timestamp = request
            .timestamp
            .unwrap_or(checklist.as_of.days_since_epoch() * 86_400);
        let mut title = doc.title.text.join(" / ");
        if let Some(org) = &doc.org {
            title = format!("{} / {}", org.name.text.join(" / "), title);
        }
        let options = pdf::PdfOptions {
            title,
            author: match &doc.org {
                Some(org) => org.name.text[0].clone(),
                None => "predeparture".into(),
            },
            subject: doc.audience.text.join(" / "),
            keywords: doc.langs.clone(),
            lang: doc.langs[0].clone(),
            timestamp,
            forms: request.profile.spec().forms,
            open_outline: request.profile.spec().open_outline,
            record: record(&doc, checklist, request),
            languages: locales
                .iter()
                .zip(&doc.title.text)
                .map(|(l, title)| {
                    let (call, open) = compose::link_words(l)?;
                    Ok(pdf::Language {
                        tag: l.tag.clone(),
                        title: title.clone(),
                        call,
                        open,
                    })
                })
                .collect::<Result<_, Error>>()?,
            archival: request.pdf_a || request.profile == Profile::Packet,
            personal: compose::PERSONAL.iter().map(|id| id.to_string()).collect(),
        };
        Ok(Pdf {
            bytes: pdf::export(&layout, &self.fonts, &options)?,
            pages: layout.pages.len(),
        })
    }
}
