//! "Did you mean": suggestions for unknown checklist ids and destinations.

use predeparture::model::ModelError;
use predeparture::{Error, Renderer};

/// `error` with a suggestion appended where one is close enough.
pub(crate) fn explain(error: Error, renderer: &Renderer) -> anyhow::Error {
    match hint(&error, renderer) {
        Some(hint) => anyhow::anyhow!("{error}{hint}"),
        None => error.into(),
    }
}

/// `; did you mean `…`?` for an unknown checklist or destination.
pub(crate) fn hint(error: &Error, renderer: &Renderer) -> Option<String> {
    match error {
        Error::Model(ModelError::UnknownChecklist { id, .. }) => {
            let ids = renderer.catalog().checklists.keys().cloned();
            closest(id, ids).map(|best| format!("; did you mean `{best}`?"))
        }
        Error::Model(ModelError::UnknownDestination { query, .. }) => {
            let channels = renderer.catalog().channels.as_ref()?;
            let names = channels.destinations.iter().flat_map(|d| {
                let code = d.code.clone();
                d.name
                    .0
                    .values()
                    .chain(&d.aliases)
                    .map(move |n| (n.clone(), code.clone()))
                    .chain([(d.code.clone(), d.code.clone())])
            });
            let (best, code) = closest_by(query, names)?;
            Some(if best == code {
                format!("; did you mean `{best}`?")
            } else {
                format!("; did you mean `{best}` ({code})?")
            })
        }
        _ => None,
    }
}

fn closest(query: &str, candidates: impl Iterator<Item = String>) -> Option<String> {
    closest_by(query, candidates.map(|c| (c, ()))).map(|(c, ())| c)
}

/// The candidate most like `query`, if it is alike enough.
fn closest_by<T>(
    query: &str,
    candidates: impl Iterator<Item = (String, T)>,
) -> Option<(String, T)> {
    let q = query.trim().to_lowercase();
    candidates
        .map(|(c, t)| (strsim::jaro_winkler(&q, &c.to_lowercase()), c, t))
        .filter(|(score, ..)| *score >= 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c, t)| (c, t))
}
