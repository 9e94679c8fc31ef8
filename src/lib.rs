//! predeparture turns pre-departure security advice into typeset checklists
//! in Chinese and English.
//!
//! # Pipeline
//!
//! 1. [`model`]: checklist definitions and sources, read from TOML
//!    ([`model::Catalog`]).
//! 2. [`l10n`]: languages and their Fluent messages ([`l10n::Localizer`]).
//! 3. [`document`]: the checklist localised into the chosen languages
//!    ([`document::compose`]).
//! 4. [`layout`]: measured, line-broken and paginated boxes
//!    ([`layout::layout`]), using [`fonts`].
//! 5. [`pdf`]: the boxes drawn as a PDF ([`pdf::export`]).
//!
//! [`Renderer`] runs the whole pipeline and keeps what is costly to build
//! (parsed translations and fonts) for the documents that follow.

pub mod document;
pub mod error;
pub mod fonts;
pub mod l10n;
pub mod layout;
pub mod model;
pub mod pdf;

pub use error::{Error, Location};

use document::{compose, page_label, Document};
use fonts::FontSet;
use l10n::{Locale, Localizer};
use layout::{LangFonts, Layout, LayoutOptions, PageSize};
use model::Catalog;

/// What to render.
#[derive(Debug, Clone)]
pub struct Request {
    /// Checklist id, e.g. `student`.
    pub checklist: String,
    /// Requested languages (BCP 47), in print order.
    pub langs: Vec<String>,
    /// Roles that select extra items, e.g. `sensitive`.
    pub roles: Vec<String>,
    /// Paper size.
    pub page: PageSize,
    /// Creation time written into the PDF (seconds since 1970). When absent,
    /// the checklist's "as of" date is used, so output never depends on a clock.
    pub timestamp: Option<i64>,
}

/// Renders checklists from one catalog with one set of fonts.
pub struct Renderer {
    catalog: Catalog,
    localizer: Localizer,
    fonts: FontSet,
}

impl Renderer {
    /// Prepares a renderer; parses every translation file once.
    pub fn new(catalog: Catalog, fonts: FontSet) -> Result<Renderer, Error> {
        let localizer = Localizer::new(&catalog)?;
        Ok(Renderer {
            catalog,
            localizer,
            fonts,
        })
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
        let checklist = self.catalog.checklist(&request.checklist)?;
        checklist.check_roles(&request.roles)?;
        let locales = self.locales(request)?;
        Ok(compose(&self.catalog, checklist, &locales, &request.roles)?)
    }

    /// The laid-out pages of `request`.
    pub fn layout(&self, request: &Request) -> Result<Layout, Error> {
        let doc = self.document(request)?;
        let locales = self.locales(request)?;
        self.layout_document(&doc, &locales, request.page)
    }

    fn layout_document(
        &self,
        doc: &Document,
        locales: &[&Locale],
        page: PageSize,
    ) -> Result<Layout, Error> {
        let langs = locales
            .iter()
            .map(|l| LangFonts::new(&self.fonts, l.settings.script, &l.settings.fonts, &l.tag))
            .collect::<Result<Vec<_>, _>>()?;
        // Check the footer once, so the layout's callback cannot fail.
        page_label(locales, 1, 1)?;
        let footer = |page, total| page_label(locales, page, total).expect("checked above");
        Ok(layout::layout(
            doc,
            &self.fonts,
            &LayoutOptions { page, langs },
            &footer,
        )?)
    }

    /// Renders `request` as PDF bytes.
    pub fn render(&self, request: &Request) -> Result<Vec<u8>, Error> {
        let checklist = self.catalog.checklist(&request.checklist)?;
        let doc = self.document(request)?;
        let locales = self.locales(request)?;
        // The PDF stage needs printpdf's parse of every face, which is the slow
        // part of a first render: run it on other threads while layout works.
        let mut faces = std::collections::BTreeSet::new();
        for locale in &locales {
            for family in &locale.settings.fonts {
                for weight in [fonts::Weight::Regular, fonts::Weight::Bold] {
                    faces.extend(self.fonts.family(family, weight, &locale.tag).ok());
                }
            }
        }
        let layout = std::thread::scope(|scope| {
            for &id in &faces {
                let face = self.fonts.face(id);
                if !face.is_parsed() {
                    scope.spawn(move || face.parsed().map(|_| ()));
                }
            }
            self.layout_document(&doc, &locales, request.page)
        })?;
        let timestamp = request
            .timestamp
            .unwrap_or(checklist.as_of.days_since_epoch() * 86_400);
        let options = pdf::PdfOptions {
            title: doc.title.text.join(" / "),
            author: "predeparture".into(),
            subject: doc.audience.text.join(" / "),
            keywords: doc.langs.clone(),
            lang: doc.langs[0].clone(),
            timestamp,
        };
        Ok(pdf::export(&layout, &self.fonts, &options)?)
    }
}
