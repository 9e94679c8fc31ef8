//! Errors as RFC 9457 problem details: a JSON object with the status, a
//! short title and, as `detail`, the one-line message the command line
//! would print for the same mistake.

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};

/// A request the server will not or cannot answer with a document.
#[derive(Debug)]
pub(crate) struct Problem {
    /// HTTP status.
    pub(crate) status: StatusCode,
    /// The one-line message, as the command line prints it after `error: `.
    pub(crate) detail: String,
    /// Seconds after which trying again may succeed (for 503).
    pub(crate) retry_after: Option<u32>,
    /// Every bad row of a roster: (line, message), sent as `errors`.
    pub(crate) errors: Vec<(usize, String)>,
}

impl Problem {
    /// A problem with `status` and `detail`.
    pub(crate) fn new(status: StatusCode, detail: impl Into<String>) -> Problem {
        Problem {
            status,
            detail: detail.into(),
            retry_after: None,
            errors: Vec::new(),
        }
    }

    /// 400: the request cannot be read (not JSON, wrong types, bad multipart).
    pub(crate) fn bad_request(detail: impl Into<String>) -> Problem {
        Problem::new(StatusCode::BAD_REQUEST, detail)
    }

    /// 422: the request is well formed but asks for something that does not
    /// exist or contradicts itself.
    pub(crate) fn unprocessable(detail: impl Into<String>) -> Problem {
        Problem::new(StatusCode::UNPROCESSABLE_ENTITY, detail)
    }

    /// 404: nothing is known under the name asked for.
    pub(crate) fn not_found(detail: impl Into<String>) -> Problem {
        Problem::new(StatusCode::NOT_FOUND, detail)
    }

    /// 413: the request is larger than the server's limits.
    pub(crate) fn too_large(detail: impl Into<String>) -> Problem {
        Problem::new(StatusCode::PAYLOAD_TOO_LARGE, detail)
    }

    /// 503: every renderer is busy or the request took too long.
    pub(crate) fn unavailable(detail: impl Into<String>) -> Problem {
        Problem {
            retry_after: Some(5),
            ..Problem::new(StatusCode::SERVICE_UNAVAILABLE, detail)
        }
    }

    /// The problem for a library error: the message the command line
    /// prints (with its "did you mean"), status 422, or 500 for a failure
    /// to write the PDF.
    pub(crate) fn from_library(
        e: &predeparture::Error,
        renderer: &predeparture::Renderer,
    ) -> Problem {
        let status = match e {
            predeparture::Error::Pdf(_) => StatusCode::INTERNAL_SERVER_ERROR,
            _ => StatusCode::UNPROCESSABLE_ENTITY,
        };
        let detail = match crate::cli::suggest::hint(e, renderer) {
            Some(hint) => format!("{e}{hint}"),
            None => one_line(e),
        };
        Problem::new(status, detail)
    }
}

/// An error and its sources joined by `: `, each once, as the command line
/// prints them.
pub(crate) fn one_line(e: &dyn std::error::Error) -> String {
    let mut out = e.to_string();
    let mut source = e.source();
    while let Some(s) = source {
        let text = s.to_string();
        if !out.contains(&text) {
            out.push_str(": ");
            out.push_str(&text);
        }
        source = s.source();
    }
    out
}

impl IntoResponse for Problem {
    fn into_response(self) -> Response {
        let title = self
            .status
            .canonical_reason()
            .unwrap_or("Error")
            .to_string();
        let mut body = serde_json::json!({
            "type": "about:blank",
            "title": title,
            "status": self.status.as_u16(),
            "detail": self.detail,
        });
        if !self.errors.is_empty() {
            body["errors"] = self
                .errors
                .iter()
                .map(|(line, message)| serde_json::json!({ "line": line, "message": message }))
                .collect();
        }
        let mut response = (self.status, body.to_string()).into_response();
        let headers = response.headers_mut();
        headers.insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/problem+json"),
        );
        if let Some(seconds) = self.retry_after {
            headers.insert(header::RETRY_AFTER, HeaderValue::from(seconds));
        }
        response
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn joins_sources_like_the_command_line() {
        let e = std::io::Error::other("inner");
        assert_eq!(one_line(&e), "inner");
        let p = Problem::unavailable("busy");
        assert_eq!(p.status, StatusCode::SERVICE_UNAVAILABLE);
        assert_eq!(p.retry_after, Some(5));
    }
}
