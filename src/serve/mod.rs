//! `predeparture serve`: one web page and an HTTP API over the library, in
//! the same process.
//!
//! Safe by default: it listens on loopback unless `--addr` says otherwise
//! and then answers only to the names of that address; nothing a user sends
//! is written to disk or logged; the page loads nothing from elsewhere; every
//! request is bounded in size, rows, time and concurrency; no request path
//! reaches the file system (the page's assets are compiled in).

mod api;
mod input;
mod page;
mod preview;
mod problem;
mod roster;
mod zip;

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use anyhow::{Context as _, Result};
use axum::extract::{DefaultBodyLimit, Request as HttpRequest};
use axum::http::{header, HeaderValue, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::Router;
use predeparture::fonts::FontSet;
use predeparture::model::{Catalog, Org};
use predeparture::Renderer;
use tokio::sync::Semaphore;

use problem::Problem;

/// `predeparture serve`: the web page and the HTTP API.
#[derive(clap::Args)]
pub(crate) struct ServeArgs {
    /// Address and port to listen on. The default answers this computer
    /// only; `0.0.0.0:8080` opens it to the network.
    #[arg(long, default_value = "127.0.0.1:8080")]
    addr: SocketAddr,
    /// Read checklists and translations from this folder (with checklists/
    /// and locales/) instead of the bundled ones.
    #[arg(long, value_name = "DIR")]
    catalog: Option<PathBuf>,
    /// The organisation file that packets use unless the page uploads one.
    #[arg(long, value_name = "FILE")]
    org: Option<PathBuf>,
    /// Documents rendered at once (default: the number of cores).
    #[arg(long, value_name = "N")]
    jobs: Option<usize>,
    /// Largest request body, in KiB (a roster with its organisation file).
    #[arg(long, value_name = "KIB", default_value_t = 4096)]
    max_body: usize,
    /// Most rows of one roster.
    #[arg(long, value_name = "N", default_value_t = 500)]
    max_rows: usize,
    /// Longest time one request may render, in seconds.
    #[arg(long, value_name = "SECONDS", default_value_t = 120)]
    timeout: u64,
}

/// The bounds on each request.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Limits {
    /// Largest body in bytes.
    pub(crate) body: usize,
    /// Most roster rows.
    pub(crate) rows: usize,
    /// Longest render.
    pub(crate) time: Duration,
    /// Longest wait for a free renderer.
    pub(crate) queue: Duration,
}

/// What every request shares.
pub(crate) struct State {
    /// The catalog, translations and fonts.
    pub(crate) renderer: Renderer,
    /// The renderer's fonts, to check a roster's characters before rendering.
    pub(crate) fonts: FontSet,
    /// The configured organisation, for packets.
    pub(crate) org: Option<Org>,
    /// `SOURCE_DATE_EPOCH`, read once at start, as the command line reads it.
    pub(crate) timestamp: Option<i64>,
    /// Request bounds.
    pub(crate) limits: Limits,
    /// One permit per document rendered at once.
    pub(crate) permits: Arc<Semaphore>,
    /// The page in each language that has the page's messages: (tag, HTML).
    pub(crate) pages: Vec<(String, String)>,
    /// The `Host` values answered; any when listening beyond loopback.
    pub(crate) hosts: Option<Vec<String>>,
    /// Where the rosters being made stand.
    pub(crate) progress: roster::Progress,
}

/// Starts the server and serves until interrupted.
pub(crate) fn run(args: ServeArgs) -> Result<()> {
    let catalog = match &args.catalog {
        Some(dir) => Catalog::from_dir(dir)?,
        None => Catalog::bundled()?,
    };
    let renderer = Renderer::new(catalog, FontSet::bundled())?;
    let org = args.org.as_deref().map(Org::load).transpose()?;
    let timestamp = crate::cli::source_date_epoch()?;
    let jobs = args.jobs.unwrap_or_else(|| {
        std::thread::available_parallelism().map_or(2, std::num::NonZeroUsize::get)
    });
    let pages = page::build_all(&renderer, org.as_ref())?;
    let limits = Limits {
        body: args.max_body.saturating_mul(1024),
        rows: args.max_rows,
        time: Duration::from_secs(args.timeout),
        queue: Duration::from_secs(10),
    };
    // Renders run on blocking threads, `jobs` at a time (the semaphore):
    // as many threads, kept alive, keep the allocator's arenas few.
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .max_blocking_threads(jobs.max(1))
        .thread_keep_alive(Duration::from_secs(600))
        .enable_all()
        .build()?;
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind(args.addr)
            .await
            .with_context(|| format!("cannot listen on {}", args.addr))?;
        let addr = listener.local_addr()?;
        let state = Arc::new(State {
            renderer,
            fonts: FontSet::bundled(),
            org,
            timestamp,
            limits,
            permits: Arc::new(Semaphore::new(jobs.max(1))),
            pages,
            hosts: addr.ip().is_loopback().then(|| loopback_hosts(addr.port())),
            progress: roster::Progress::default(),
        });
        println!("predeparture serve: http://{addr}/ (Ctrl-C stops it)");
        axum::serve(listener, router(state))
            .with_graceful_shutdown(async {
                // Without a signal handler the server stops when killed.
                let _ = tokio::signal::ctrl_c().await;
            })
            .await
            .context("the server stopped")
    })
}

/// The names a loopback server answers to: not a rebound DNS name.
fn loopback_hosts(port: u16) -> Vec<String> {
    ["127.0.0.1", "localhost", "[::1]"]
        .iter()
        .flat_map(|h| [format!("{h}:{port}"), (*h).to_string()])
        .collect()
}

/// Every route; nothing else answers.
fn router(state: Arc<State>) -> Router {
    let limit = state.limits.body;
    Router::new()
        .route("/", get(page::index))
        .route("/assets/app.css", get(page::css))
        .route("/assets/app.js", get(page::js))
        .route("/api/checklists", get(api::checklists))
        .route("/api/destinations", get(api::destinations))
        .route("/api/render", post(api::render))
        .route("/api/preview", post(api::preview))
        .route("/api/roster", post(roster::handler))
        .route("/api/progress/{token}", get(roster::progress))
        .fallback(not_found)
        .layer(DefaultBodyLimit::max(limit))
        .layer(middleware::from_fn_with_state(state.clone(), guard))
        .with_state(state)
}

async fn not_found() -> Problem {
    Problem::new(
        StatusCode::NOT_FOUND,
        "no such page: see GET /api/checklists",
    )
}

/// Refuses foreign `Host` names (DNS rebinding) and adds the security
/// headers to every answer.
async fn guard(
    axum::extract::State(state): axum::extract::State<Arc<State>>,
    request: HttpRequest,
    next: Next,
) -> Response {
    if let Some(hosts) = &state.hosts {
        let host = request
            .headers()
            .get(header::HOST)
            .and_then(|h| h.to_str().ok())
            .unwrap_or_default();
        if !hosts.iter().any(|h| h.eq_ignore_ascii_case(host)) {
            let problem = Problem::new(
                StatusCode::MISDIRECTED_REQUEST,
                "this server answers to 127.0.0.1 and localhost only",
            );
            return secure(problem.into_response());
        }
    }
    secure(next.run(request).await)
}

/// The headers every answer carries: a strict content security policy (our
/// own scripts and styles only, no framing), no sniffing, no referrer, no
/// caching of what may hold personal data.
fn secure(mut response: Response) -> Response {
    let headers = response.headers_mut();
    let fixed = [
        (
            header::CONTENT_SECURITY_POLICY,
            "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; \
             connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
        ),
        (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        (header::X_FRAME_OPTIONS, "DENY"),
        (header::REFERRER_POLICY, "no-referrer"),
        (
            header::HeaderName::from_static("cross-origin-opener-policy"),
            "same-origin",
        ),
        (
            header::HeaderName::from_static("cross-origin-resource-policy"),
            "same-origin",
        ),
    ];
    for (name, value) in fixed {
        headers.insert(name, HeaderValue::from_static(value));
    }
    headers
        .entry(header::CACHE_CONTROL)
        .or_insert(HeaderValue::from_static("no-store"));
    response
}
