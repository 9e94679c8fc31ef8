//! The HTTP API: the checklists and destinations, a document rendered as
//! PDF, text, Markdown or JSON, the page's HTML preview, and rosters.

use std::collections::BTreeMap;
use std::sync::Arc;

use axum::extract::{FromRequest, Multipart, Request as HttpRequest, State as Shared};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use predeparture::export::{export, Format};
use serde_json::{json, Value};

use super::input::{self, Fields, Uploads};
use super::problem::Problem;
use super::State;

/// `GET /api/checklists`: every checklist with its roles, titles and
/// audiences in every language; the languages, profiles and paper sizes.
pub(crate) async fn checklists(Shared(state): Shared<Arc<State>>) -> Result<Json<Value>, Problem> {
    let renderer = &state.renderer;
    let locales = renderer.localizer().locales();
    let text = |id: &str| -> Result<BTreeMap<&str, String>, Problem> {
        locales
            .iter()
            .map(|l| {
                Ok((
                    l.tag.as_str(),
                    l.format(id, None).map_err(|e| internal(&e))?,
                ))
            })
            .collect()
    };
    let mut lists = Vec::new();
    for (id, checklist) in &renderer.catalog().checklists {
        let roles = checklist
            .roles
            .iter()
            .map(|role| Ok(json!({ "id": role, "name": text(&format!("{id}-role-{role}"))? })))
            .collect::<Result<Vec<_>, Problem>>()?;
        lists.push(json!({
            "id": id,
            "title": text(&format!("{id}-title"))?,
            "audience": text(&format!("{id}-audience"))?,
            "roles": roles,
            "as_of": checklist.as_of.to_string(),
        }));
    }
    let languages = locales
        .iter()
        .map(|l| Ok(json!({ "tag": l.tag, "name": l.format("language-name", None).map_err(|e| internal(&e))? })))
        .collect::<Result<Vec<_>, Problem>>()?;
    Ok(Json(json!({
        "checklists": lists,
        "languages": languages,
        "profiles": ["handout", "phone", "packet"],
        "pages": ["a4", "letter"],
        "organisation": state.org.as_ref().map(|o| &o.name.text),
    })))
}

/// `GET /api/destinations`: code, names in every language, other accepted
/// names, and the number of missions of each destination: those with
/// mission data first, then every other country (no missions: the document
/// prints lines to fill in).
pub(crate) async fn destinations(Shared(state): Shared<Arc<State>>) -> Json<Value> {
    let list: Vec<Value> = state
        .renderer
        .catalog()
        .channels
        .iter()
        .flat_map(|c| c.destinations.iter().chain(&c.countries))
        .map(|d| {
            json!({
                "code": d.code,
                "name": d.name.0,
                "aliases": d.aliases,
                "missions": d.missions.len(),
            })
        })
        .collect();
    Json(json!({ "destinations": list }))
}

/// A 500 for a failure that is the server's, not the request's.
fn internal(e: &dyn std::error::Error) -> Problem {
    Problem::new(
        StatusCode::INTERNAL_SERVER_ERROR,
        super::problem::one_line(e),
    )
}

/// What `POST /api/render` answers with, chosen by `Accept`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Output {
    Pdf,
    Text,
    Markdown,
    Json,
}

impl Output {
    const ALL: [(Output, &'static str, &'static str); 4] = [
        (Output::Pdf, "application/pdf", "pdf"),
        (Output::Text, "text/plain", "txt"),
        (Output::Markdown, "text/markdown", "md"),
        (Output::Json, "application/json", "json"),
    ];

    fn media_type(self) -> &'static str {
        Output::ALL
            .iter()
            .find(|(o, ..)| *o == self)
            .map_or("application/pdf", |(_, m, _)| m)
    }

    fn extension(self) -> &'static str {
        Output::ALL
            .iter()
            .find(|(o, ..)| *o == self)
            .map_or("pdf", |(.., e)| e)
    }

    /// The output `Accept` prefers (highest quality, then first named); PDF
    /// for no header or `*/*`.
    pub(crate) fn negotiate(headers: &HeaderMap) -> Result<Output, Problem> {
        let Some(accept) = headers.get(header::ACCEPT).and_then(|v| v.to_str().ok()) else {
            return Ok(Output::Pdf);
        };
        let mut best: Option<(f32, Output)> = None;
        for range in accept.split(',') {
            let mut parts = range.split(';').map(str::trim);
            let media = parts.next().unwrap_or_default().to_ascii_lowercase();
            let q = parts
                .find_map(|p| p.strip_prefix("q="))
                .and_then(|q| q.parse::<f32>().ok())
                .unwrap_or(1.0);
            let output = match media.as_str() {
                "*/*" | "application/*" => Some(Output::Pdf),
                "text/*" => Some(Output::Text),
                other => Output::ALL
                    .iter()
                    .find(|(_, m, _)| *m == other)
                    .map(|(o, ..)| *o),
            };
            if let Some(output) = output.filter(|_| q > 0.0) {
                if best.is_none_or(|(b, _)| q > b) {
                    best = Some((q, output));
                }
            }
        }
        best.map(|(_, o)| o).ok_or_else(|| {
            Problem::new(
                StatusCode::NOT_ACCEPTABLE,
                "Accept: this API answers with application/pdf, text/plain, text/markdown or application/json",
            )
        })
    }
}

/// Reads the fields and files of a JSON or multipart body.
pub(crate) async fn read(
    state: &State,
    request: HttpRequest,
) -> Result<(Fields, Uploads), Problem> {
    let limit = state.limits.body;
    let content_type = request
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_ascii_lowercase();
    if content_type.starts_with("multipart/form-data") {
        let form = Multipart::from_request(request, &()).await.map_err(|e| {
            Problem::bad_request(format!("the form cannot be read: {}", e.body_text()))
        })?;
        return Fields::from_multipart(form, limit).await;
    }
    if content_type.is_empty() || content_type.starts_with("application/json") {
        let body = axum::body::to_bytes(request.into_body(), limit)
            .await
            .map_err(|_| input::too_large(limit))?;
        return Ok((Fields::from_json(&body)?, Uploads::default()));
    }
    Err(Problem::new(
        StatusCode::UNSUPPORTED_MEDIA_TYPE,
        "send the request as application/json or multipart/form-data",
    ))
}

/// Runs `job` on a blocking thread once a renderer is free, within the
/// time limit.
pub(crate) async fn blocking<T: Send + 'static>(
    state: &Arc<State>,
    job: impl FnOnce(&State) -> Result<T, Problem> + Send + 'static,
) -> Result<T, Problem> {
    let busy = || Problem::unavailable("the server is busy: try again in a moment");
    let permit = tokio::time::timeout(state.limits.queue, state.permits.clone().acquire_owned())
        .await
        .map_err(|_| busy())?
        .map_err(|_| busy())?;
    let shared = state.clone();
    let task = tokio::task::spawn_blocking(move || {
        // The permit is held until the work ends, even after a timeout.
        let _permit = permit;
        job(&shared)
    });
    match tokio::time::timeout(state.limits.time, task).await {
        Ok(Ok(result)) => result,
        Ok(Err(_)) => Err(Problem::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            "rendering failed",
        )),
        Err(_) => Err(Problem::unavailable(format!(
            "the request took longer than {} s, this server's limit",
            state.limits.time.as_secs()
        ))),
    }
}

/// `POST /api/render`: the document, as the command line would write it.
pub(crate) async fn render(
    Shared(state): Shared<Arc<State>>,
    headers: HeaderMap,
    request: HttpRequest,
) -> Result<Response, Problem> {
    let output = Output::negotiate(&headers)?;
    let (fields, uploads) = read(&state, request).await?;
    if uploads.roster.is_some() {
        return Err(Problem::unprocessable("a roster goes to POST /api/roster"));
    }
    let (bytes, name) = blocking(&state, move |state| {
        document(state, &fields, &uploads, output)
    })
    .await?;
    let mut response = bytes.into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static(output.media_type()),
    );
    if let Ok(value) = HeaderValue::from_str(&format!("attachment; filename=\"{name}\"")) {
        headers.insert(header::CONTENT_DISPOSITION, value);
    }
    Ok(response)
}

/// Renders one document; returns its bytes and the command line's file name
/// (`<checklist>-<profile>-<langs>.<ext>`).
fn document(
    state: &State,
    fields: &Fields,
    uploads: &Uploads,
    output: Output,
) -> Result<(Vec<u8>, String), Problem> {
    let renderer = &state.renderer;
    let request = input::request(state, fields, uploads)?;
    let library = |e: predeparture::Error| Problem::from_library(&e, renderer);
    let bytes = match output {
        Output::Pdf => renderer.render(&request).map_err(library)?,
        other => {
            let format = match other {
                Output::Text => Format::Text,
                Output::Markdown => Format::Markdown,
                _ => Format::Json,
            };
            let doc = renderer.document(&request).map_err(library)?;
            export(&doc, format).map_err(|e| internal(&e))?.into_bytes()
        }
    };
    let name = renderer
        .file_name(&request, output.extension())
        .map_err(library)?;
    Ok((bytes, name))
}

/// `POST /api/preview`: the document as an HTML fragment for the page, with
/// its page count.
pub(crate) async fn preview(
    Shared(state): Shared<Arc<State>>,
    request: HttpRequest,
) -> Result<Response, Problem> {
    let (fields, uploads) = read(&state, request).await?;
    let html = blocking(&state, move |state| {
        let request = input::request(state, &fields, &uploads)?;
        let library = |e: predeparture::Error| Problem::from_library(&e, &state.renderer);
        let doc = state.renderer.document(&request).map_err(library)?;
        let pages = state
            .renderer
            .layout(&request)
            .map_err(library)?
            .pages
            .len();
        let line = super::page::pages_line(&state.renderer, fields.ui.as_deref(), pages);
        Ok(super::preview::html(&doc, pages, &line))
    })
    .await?;
    let mut response = html.into_response();
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/html; charset=utf-8"),
    );
    Ok(response)
}
