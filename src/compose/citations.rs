//! Citations: sources numbered in order of first citation, the reference
//! printed after each item, and the sources list.

use std::collections::BTreeMap;

use fluent_bundle::FluentArgs;

use super::{text, Source, Text};
use crate::l10n::{L10nError, Locale};
use crate::model::{message_id, Catalog, PartialDate, Provenance};

/// A source cited in the document: from the catalog's sources, or given
/// with a row of the channel data.
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum Cited {
    Catalog(String),
    Data {
        source: String,
        url: Option<String>,
        date: Option<PartialDate>,
    },
}

/// Numbers sources in order of first citation.
#[derive(Default)]
pub(super) struct Citations {
    numbers: BTreeMap<Cited, usize>,
    order: Vec<Cited>,
    /// Catalog sources by address, so a data row citing the same page is
    /// numbered as that source.
    by_url: BTreeMap<String, String>,
}

impl Citations {
    /// No citation yet; data rows citing a catalog source's address are
    /// numbered as that source.
    pub(super) fn new(catalog: &Catalog) -> Citations {
        Citations {
            by_url: catalog
                .sources
                .values()
                .filter_map(|s| Some((s.url.clone()?, s.id.clone())))
                .collect(),
            ..Citations::default()
        }
    }

    /// The reference text (`[1, 3]`) for catalog source `ids`, numbering new ones.
    pub(super) fn cite(
        &mut self,
        ids: &[String],
        locales: &[&Locale],
    ) -> Result<(Text, Vec<usize>), L10nError> {
        self.cite_all(
            ids.iter().map(|id| Cited::Catalog(id.clone())).collect(),
            locales,
        )
    }

    /// The reference text for a row of the channel data.
    pub(super) fn cite_data(
        &mut self,
        p: &Provenance,
        locales: &[&Locale],
    ) -> Result<(Text, Vec<usize>), L10nError> {
        let catalog_id = p
            .source_id
            .as_ref()
            .or_else(|| p.url.as_ref().and_then(|u| self.by_url.get(u)));
        let cited = match catalog_id {
            Some(id) => Cited::Catalog(id.clone()),
            None => Cited::Data {
                source: p.source.clone().unwrap_or_default(),
                url: p.url.clone(),
                date: p.date,
            },
        };
        self.cite_all(vec![cited], locales)
    }

    fn cite_all(
        &mut self,
        cited: Vec<Cited>,
        locales: &[&Locale],
    ) -> Result<(Text, Vec<usize>), L10nError> {
        let mut refs: Vec<usize> = cited
            .into_iter()
            .map(|c| {
                let next = self.order.len() + 1;
                *self.numbers.entry(c.clone()).or_insert_with(|| {
                    self.order.push(c);
                    next
                })
            })
            .collect();
        refs.sort_unstable();
        refs.dedup();
        let mut args = FluentArgs::new();
        args.set(
            "refs",
            refs.iter()
                .map(usize::to_string)
                .collect::<Vec<_>>()
                .join(", "),
        );
        Ok((text(locales, "ui-source-ref".into(), Some(&args))?, refs))
    }
}

impl Citations {
    /// The numbered sources list: every source cited, in order of first
    /// citation, with its title and date in every language.
    pub(super) fn sources(
        &self,
        catalog: &Catalog,
        locales: &[&Locale],
    ) -> Result<Vec<Source>, L10nError> {
        let mut sources = Vec::new();
        for (i, cited) in self.order.iter().enumerate() {
            let (id, title_id, published, url) = match cited {
                Cited::Catalog(id) => {
                    let source = &catalog.sources[id];
                    (
                        id.clone(),
                        message_id(&["source", id]),
                        source.published,
                        source.url.clone(),
                    )
                }
                Cited::Data { source, url, date } => {
                    (source.clone(), "channels".to_string(), *date, url.clone())
                }
            };
            let mut entries = Vec::new();
            for locale in locales {
                let mut args = FluentArgs::new();
                // Sources of the channel data are cited as the data names them.
                let title = match cited {
                    Cited::Catalog(_) => locale.format(&title_id, None)?,
                    Cited::Data { source, .. } => source.clone(),
                };
                args.set("title", title);
                let entry_id = match published {
                    Some(date) => {
                        args.set("date", locale.format_date(date)?);
                        "ui-source-entry"
                    }
                    None => "ui-source-entry-undated",
                };
                entries.push(locale.format(entry_id, Some(&args))?);
            }
            sources.push(Source {
                number: i + 1,
                id,
                entry: Text {
                    id: title_id.to_string(),
                    text: entries,
                },
                url,
            });
        }
        Ok(sources)
    }
}
