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
            let all = channels.destinations.iter().chain(&channels.countries);
            let names = all.flat_map(|d| {
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

/// A warning for a destination that is a country without mission data:
/// its documents print lines to write the numbers in.
pub(crate) fn without_missions(renderer: &Renderer, query: &str) -> Option<String> {
    let destinations = renderer.destinations(Some(query)).ok()?;
    let names: Vec<String> = destinations
        .iter()
        .filter(|d| d.missions.is_empty())
        .map(|d| format!("{} ({})", d.name.get("en").unwrap_or(&d.code), d.code))
        .collect();
    if names.is_empty() {
        return None;
    }
    Some(format!(
        "no mission data for {}: the document has lines to write the numbers in and says where to look them up",
        names.join(", ")
    ))
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
    // A code suggests itself only for a query about as short.
    let comparable = |c: &str| c.chars().count() > 3 || q.chars().count() <= 4;
    candidates
        .filter(|(c, _)| comparable(c))
        .map(|(c, t)| {
            let score = strsim::normalized_damerau_levenshtein(&q, &c.to_lowercase());
            (score, c, t)
        })
        // About one edit in four characters or fewer: a typo, not a guess.
        .filter(|(score, ..)| *score >= 0.74)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c, t)| (c, t))
}
