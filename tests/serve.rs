//! `predeparture serve`: the HTTP API against the command line (same bytes,
//! same one-line errors), problem details, limits, headers, and the page in
//! a real browser (headless Chromium through chromedriver).
//!
//! The browser test needs Debian's `chromium` and `chromium-driver`; it is
//! skipped with a message when they are missing, except under `CI=true`,
//! where it fails.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::io::{BufRead as _, BufReader, Read as _, Write as _};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use common::{root, tool};
use serde_json::{json, Value};

/// The same fixed date the command-line tests use.
const EPOCH: &str = "1700000000";

/// A running `predeparture serve`, stopped when dropped.
struct Server {
    child: Child,
    url: String,
    log: std::sync::Arc<std::sync::Mutex<String>>,
}

impl Server {
    fn start(args: &[&str]) -> Server {
        let mut child = Command::new(env!("CARGO_BIN_EXE_predeparture"))
            .arg("serve")
            .args(["--addr", "127.0.0.1:0"])
            .args(args)
            .current_dir(root())
            .env("SOURCE_DATE_EPOCH", EPOCH)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start predeparture serve");
        let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
        let first = lines.next().expect("a first line").unwrap();
        let url = first
            .split_whitespace()
            .find(|w| w.starts_with("http://"))
            .unwrap_or_else(|| panic!("no address in {first:?}"))
            .trim_end_matches('/')
            .to_string();
        // Keep everything the server prints, to check it logs nothing sent.
        let log = std::sync::Arc::new(std::sync::Mutex::new(first));
        let mut stderr = child.stderr.take().unwrap();
        let (l1, l2) = (log.clone(), log.clone());
        std::thread::spawn(move || {
            for line in lines.map_while(Result::ok) {
                l1.lock().unwrap().push_str(&line);
            }
        });
        std::thread::spawn(move || {
            let mut s = String::new();
            let _ = stderr.read_to_string(&mut s);
            l2.lock().unwrap().push_str(&s);
        });
        Server { child, url, log }
    }

    fn at(&self, path: &str) -> String {
        format!("{}{path}", self.url)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A server with the example organisation configured, stopped when the
/// test ends (one each: a shared one in a static would outlive the tests).
fn shared() -> Server {
    Server::start(&["--org", "examples/org/org.toml"])
}

fn agent() -> ureq::Agent {
    ureq::Agent::config_builder()
        .http_status_as_error(false)
        .timeout_global(Some(Duration::from_secs(120)))
        .build()
        .into()
}

/// An answer: status, headers and body.
struct Answer {
    status: u16,
    headers: ureq::http::HeaderMap,
    body: Vec<u8>,
}

impl Answer {
    fn header(&self, name: &str) -> &str {
        self.headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
    }

    fn json(&self) -> Value {
        serde_json::from_slice(&self.body)
            .unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(&self.body)))
    }

    fn text(&self) -> String {
        String::from_utf8(self.body.clone()).unwrap()
    }
}

fn answer(mut r: ureq::http::Response<ureq::Body>) -> Answer {
    let body = r
        .body_mut()
        .with_config()
        .limit(200 << 20)
        .read_to_vec()
        .unwrap();
    Answer {
        status: r.status().as_u16(),
        headers: r.headers().clone(),
        body,
    }
}

fn get(url: &str) -> Answer {
    answer(agent().get(url).call().unwrap())
}

fn post_json(url: &str, accept: &str, body: &Value) -> Answer {
    answer(
        agent()
            .post(url)
            .header("Content-Type", "application/json")
            .header("Accept", accept)
            .send(body.to_string())
            .unwrap(),
    )
}

/// A multipart body: text fields, then files as (field, file name, bytes).
fn multipart(fields: &[(&str, &str)], files: &[(&str, &str, &[u8])]) -> (String, Vec<u8>) {
    let boundary = "----predeparture-test-boundary";
    let mut body = Vec::new();
    for (name, value) in fields {
        write!(
            body,
            "--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n"
        )
        .unwrap();
    }
    for (name, file, bytes) in files {
        write!(body, "--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"; filename=\"{file}\"\r\nContent-Type: application/octet-stream\r\n\r\n").unwrap();
        body.extend_from_slice(bytes);
        body.extend_from_slice(b"\r\n");
    }
    write!(body, "--{boundary}--\r\n").unwrap();
    (format!("multipart/form-data; boundary={boundary}"), body)
}

fn post_form(url: &str, fields: &[(&str, &str)], files: &[(&str, &str, &[u8])]) -> Answer {
    let (content_type, body) = multipart(fields, files);
    answer(
        agent()
            .post(url)
            .header("Content-Type", &content_type)
            .send(&body[..])
            .unwrap(),
    )
}

/// What `predeparture render ARGS -o FILE` writes (with the same date).
fn cli_bytes(args: &[&str]) -> Vec<u8> {
    let dir = common::tempdir();
    let out = dir.path().join("out");
    let mut all = vec!["render"];
    all.extend_from_slice(args);
    all.extend_from_slice(&["-o", out.to_str().unwrap()]);
    let o = common::run_in(&root(), &all);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    std::fs::read(out).unwrap()
}

/// The command line's one-line error for `args`, without `error: `.
fn cli_error(args: &[&str]) -> String {
    let mut all = vec!["render"];
    all.extend_from_slice(args);
    all.extend_from_slice(&["-o", "/nonexistent-dir/out.pdf"]);
    let o = common::run_in(&root(), &all);
    assert_eq!(o.status.code(), Some(2), "{args:?} should fail");
    let stderr = String::from_utf8(o.stderr).unwrap();
    stderr
        .trim_end()
        .strip_prefix("error: ")
        .unwrap_or(&stderr)
        .to_string()
}

fn pdf_text(bytes: &[u8]) -> String {
    let dir = common::tempdir();
    let path = dir.path().join("doc.pdf");
    std::fs::write(&path, bytes).unwrap();
    tool("pdftotext", &[path.to_str().unwrap(), "-"])
}

#[test]
fn lists_checklists_languages_and_destinations() {
    let s = shared();
    let a = get(&s.at("/api/checklists"));
    assert_eq!(a.status, 200);
    assert_eq!(a.header("content-type"), "application/json");
    let v = a.json();
    let ids: Vec<&str> = v["checklists"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["overseas-staff", "short-trip", "student"]);
    assert_eq!(v["checklists"][0]["roles"][0]["id"], "sensitive");
    assert!(v["checklists"][2]["audience"]["zh-CN"]
        .as_str()
        .unwrap()
        .contains("学"));
    assert_eq!(v["languages"].as_array().unwrap().len(), 3);
    assert_eq!(
        v["organisation"]["en"], "Example Engineering Co., Ltd.",
        "{v}"
    );
    let d = get(&s.at("/api/destinations")).json();
    let gb = d["destinations"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["code"] == "GB")
        .unwrap()
        .clone();
    assert_eq!(gb["name"]["zh-CN"], "英国");
    assert!(gb["missions"].as_u64().unwrap() >= 1);
}

/// Requests as JSON and as command-line flags: the same document.
fn cases() -> Vec<(Value, Vec<&'static str>)> {
    vec![
        (
            json!({"checklist": "student", "lang": ["zh-CN", "en"], "destination": "英国"}),
            vec![
                "--checklist",
                "student",
                "--lang",
                "zh-CN,en",
                "--destination",
                "英国",
            ],
        ),
        (
            json!({"checklist": "short-trip", "lang": "en", "profile": "phone", "destination": "JP"}),
            vec![
                "--checklist",
                "short-trip",
                "--lang",
                "en",
                "--profile",
                "phone",
                "--destination",
                "JP",
            ],
        ),
        (
            json!({"checklist": "overseas-staff", "lang": ["zh-TW", "en"], "role": ["sensitive"], "page": "letter"}),
            vec![
                "--checklist",
                "overseas-staff",
                "--lang",
                "zh-TW,en",
                "--role",
                "sensitive",
                "--page",
                "letter",
            ],
        ),
        (
            json!({"checklist": "overseas-staff", "lang": ["zh-CN", "en"], "profile": "packet", "name": "王芳",
                   "destination": "KE", "departure": "2026-12-01", "date": "2026-11-20"}),
            vec![
                "--checklist",
                "overseas-staff",
                "--lang",
                "zh-CN,en",
                "--profile",
                "packet",
                "--org",
                "examples/org/org.toml",
                "--name",
                "王芳",
                "--destination",
                "KE",
                "--departure",
                "2026-12-01",
                "--date",
                "2026-11-20",
            ],
        ),
    ]
}

#[test]
fn pdfs_are_the_command_lines_bytes() {
    let s = shared();
    for (body, args) in cases() {
        let a = post_json(&s.at("/api/render"), "application/pdf", &body);
        assert_eq!(
            a.status,
            200,
            "{body}: {}",
            String::from_utf8_lossy(&a.body)
        );
        assert_eq!(a.header("content-type"), "application/pdf");
        let cli = cli_bytes(&args);
        assert!(
            a.body == cli,
            "{body}: the API's PDF differs from the command line's"
        );
    }
    // The page's form (multipart, repeated `lang`) gives the same bytes.
    let a = post_form(
        &s.at("/api/render"),
        &[
            ("checklist", "student"),
            ("lang", "zh-CN"),
            ("lang", "en"),
            ("lang", ""),
            ("profile", "handout"),
            ("page", "a4"),
            ("destination", "英国"),
            ("ui", "en"),
        ],
        &[],
    );
    assert_eq!(a.status, 200, "{}", a.text());
    assert!(a.body == cli_bytes(&cases()[0].1));
    assert_eq!(
        a.header("content-disposition"),
        "attachment; filename=\"student-handout-zh-CN-en.pdf\""
    );
    let text = pdf_text(&a.body);
    assert!(text.contains("伦敦") && text.contains("London"), "{text}");
}

#[test]
fn accept_chooses_text_markdown_or_json() {
    let s = shared();
    let body = json!({"checklist": "student", "lang": ["en"], "destination": "DE"});
    let args = [
        "--checklist",
        "student",
        "--lang",
        "en",
        "--destination",
        "DE",
    ];
    for (accept, format, media) in [
        ("text/plain", "text", "text/plain"),
        ("text/markdown", "md", "text/markdown"),
        ("application/json", "json", "application/json"),
        (
            "text/html;q=0.9, text/markdown;q=0.5, application/json;q=0.7",
            "json",
            "application/json",
        ),
    ] {
        let a = post_json(&s.at("/api/render"), accept, &body);
        assert_eq!(a.status, 200, "{accept}");
        assert_eq!(a.header("content-type"), media);
        let mut all = args.to_vec();
        all.extend_from_slice(&["--format", format]);
        assert!(a.body == cli_bytes(&all), "{accept}");
    }
    let a = post_json(&s.at("/api/render"), "image/png", &body);
    assert_eq!(a.status, 406);
    assert_eq!(a.header("content-type"), "application/problem+json");
}

#[test]
fn errors_are_problem_details_with_the_command_lines_messages() {
    let s = shared();
    let cases: Vec<(Value, Vec<&str>)> = vec![
        (
            json!({"checklist": "studnt"}),
            vec!["--checklist", "studnt"],
        ),
        (
            json!({"checklist": "student", "lang": ["fr"]}),
            vec!["--checklist", "student", "--lang", "fr"],
        ),
        (
            json!({"checklist": "student", "destination": "Atlantis"}),
            vec!["--checklist", "student", "--destination", "Atlantis"],
        ),
        (
            json!({"checklist": "student", "role": "pilot"}),
            vec!["--checklist", "student", "--role", "pilot"],
        ),
        (
            json!({"checklist": "student", "name": "Li Lei"}),
            vec!["--checklist", "student", "--name", "Li Lei"],
        ),
        (
            json!({"checklist": "student", "profile": "packet", "departure": "next week"}),
            vec![
                "--checklist",
                "student",
                "--profile",
                "packet",
                "--org",
                "examples/org/org.toml",
                "--departure",
                "next week",
            ],
        ),
    ];
    for (body, args) in cases {
        let a = post_json(&s.at("/api/render"), "application/pdf", &body);
        assert_eq!(a.status, 422, "{body}");
        assert_eq!(a.header("content-type"), "application/problem+json");
        let p = a.json();
        assert_eq!(p["status"], 422);
        assert_eq!(p["title"], "Unprocessable Entity");
        assert_eq!(p["detail"].as_str().unwrap(), cli_error(&args), "{body}");
        assert!(!p["detail"].as_str().unwrap().contains('\n'));
    }
    for bad in ["{", r#"{"checklist": 3}"#, r#"{"checklst": "student"}"#] {
        let a = answer(
            agent()
                .post(&s.at("/api/render"))
                .header("Content-Type", "application/json")
                .send(bad)
                .unwrap(),
        );
        assert_eq!(a.status, 400, "{bad}");
        assert!(a.json()["detail"]
            .as_str()
            .unwrap()
            .starts_with("the request is not valid JSON"));
    }
    let a = answer(
        agent()
            .post(&s.at("/api/render"))
            .header("Content-Type", "text/csv")
            .send("x")
            .unwrap(),
    );
    assert_eq!(a.status, 415);
}

/// An uploaded organisation file is used instead of the configured one and
/// never names a file on the server.
#[test]
fn an_uploaded_organisation_is_read_from_memory_only() {
    let s = shared();
    let org = std::fs::read_to_string(root().join("examples/org/org.toml")).unwrap();
    let renamed = org
        .replace("logo = \"logo.png\"\n", "")
        .replace("Example Engineering Co., Ltd.", "Uploaded Testing Ltd.");
    let fields = [
        ("checklist", "short-trip"),
        ("lang", "en"),
        ("profile", "packet"),
        ("name", "Li Lei"),
        ("date", "2026-11-20"),
    ];
    let a = post_form(
        &s.at("/api/render"),
        &fields,
        &[("org", "org.toml", renamed.as_bytes())],
    );
    assert_eq!(a.status, 200, "{}", a.text());
    let text = pdf_text(&a.body);
    assert!(
        text.contains("Uploaded Testing Ltd.") && text.contains("Li Lei"),
        "{text}"
    );
    // With its logo uploaded beside it: the command line's packet, byte for byte.
    let logo = std::fs::read(root().join("examples/org/logo.png")).unwrap();
    let without_line = org.replace("logo = \"logo.png\"\n", "");
    let a = post_form(
        &s.at("/api/render"),
        &fields,
        &[
            ("org", "org.toml", without_line.as_bytes()),
            ("logo", "logo.png", &logo),
        ],
    );
    assert_eq!(a.status, 200, "{}", a.text());
    let cli = cli_bytes(&[
        "-c",
        "short-trip",
        "-l",
        "en",
        "--profile",
        "packet",
        "--name",
        "Li Lei",
        "--date",
        "2026-11-20",
        "--org",
        "examples/org/org.toml",
    ]);
    assert!(
        a.body == cli,
        "the uploaded organisation's packet differs from the command line's"
    );
    let a = post_form(
        &s.at("/api/render"),
        &fields,
        &[
            ("org", "org.toml", without_line.as_bytes()),
            ("logo", "logo.png", b"GIF89a"),
        ],
    );
    assert_eq!(a.status, 422);
    assert!(
        a.json()["detail"].as_str().unwrap().starts_with("logo: "),
        "{}",
        a.text()
    );
    // A `logo` line would make the server read a file of its own: refused.
    let with_logo = org.replace("logo.png", "../../../etc/passwd");
    let a = post_form(
        &s.at("/api/render"),
        &fields,
        &[("org", "org.toml", with_logo.as_bytes())],
    );
    assert_eq!(a.status, 422);
    assert!(a.json()["detail"]
        .as_str()
        .unwrap()
        .contains("cannot name a logo file"));
    // A broken file is reported with its line, as the command line does.
    let broken = "name = { en = \"A\" }\n[[item]]\nid = 3\n";
    let a = post_form(
        &s.at("/api/render"),
        &fields,
        &[("org", "org.toml", broken.as_bytes())],
    );
    assert_eq!(a.status, 422);
    assert!(
        a.json()["detail"]
            .as_str()
            .unwrap()
            .starts_with("org.toml:3:"),
        "{}",
        a.text()
    );
}

#[test]
fn the_page_comes_in_three_languages_with_security_headers() {
    let s = shared();
    for (query, lang, title) in [
        ("/?ui=en", "en", "Pre-departure security checklists"),
        ("/?ui=zh-CN", "zh-CN", "出国（境）前安全提醒清单"),
        ("/?ui=zh-TW", "zh-TW", "出國（境）前安全提醒清單"),
    ] {
        let a = get(&s.at(query));
        assert_eq!(a.status, 200);
        let html = a.text();
        assert!(html.contains(&format!("<html lang=\"{lang}\">")), "{query}");
        assert!(html.contains(title), "{query}");
        assert!(
            !html.contains("http://") && !html.contains("https://"),
            "no outside resources"
        );
        assert!(
            html.contains("<option value=\"GB\">"),
            "destinations for type-ahead"
        );
    }
    let zh = answer(
        agent()
            .get(&s.at("/"))
            .header("Accept-Language", "zh-Hant-TW, en;q=0.5")
            .call()
            .unwrap(),
    );
    assert!(zh.text().contains("<html lang=\"zh-TW\">"));
    for path in [
        "/",
        "/assets/app.js",
        "/assets/app.css",
        "/api/checklists",
        "/nowhere",
    ] {
        let a = get(&s.at(path));
        let csp = a.header("content-security-policy");
        assert!(
            csp.contains("default-src 'none'") && csp.contains("frame-ancestors 'none'"),
            "{path}: {csp}"
        );
        assert_eq!(a.header("x-content-type-options"), "nosniff", "{path}");
        assert_eq!(a.header("referrer-policy"), "no-referrer", "{path}");
    }
    let css = get(&s.at("/assets/app.css"));
    assert_eq!(css.header("content-type"), "text/css; charset=utf-8");
    assert!(css.text().contains(":focus-visible"));
}

/// Only fixed routes answer: no request path reaches the file system.
#[test]
fn no_path_reaches_the_file_system() {
    let s = shared();
    for path in [
        "/assets/../Cargo.toml",
        "/assets/%2e%2e/Cargo.toml",
        "/Cargo.toml",
        "/examples/org/org.toml",
        "/assets/",
    ] {
        let a = get(&s.at(path));
        assert_eq!(a.status, 404, "{path}");
        assert_eq!(a.header("content-type"), "application/problem+json");
    }
}

/// A page from another site that rebinds its name to 127.0.0.1 is refused.
#[test]
fn foreign_host_names_are_refused() {
    let s = shared();
    let addr = s.url.trim_start_matches("http://");
    let mut stream = std::net::TcpStream::connect(addr).unwrap();
    write!(
        stream,
        "GET /api/checklists HTTP/1.1\r\nHost: attacker.example\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut reply = String::new();
    stream.read_to_string(&mut reply).unwrap();
    assert!(reply.starts_with("HTTP/1.1 421"), "{reply}");
    assert!(reply.contains("content-security-policy"));
}

#[test]
fn limits_give_clear_errors() {
    let s = Server::start(&["--max-body", "1", "--timeout", "0"]);
    let big = json!({"checklist": "student", "name": "x".repeat(2000)});
    let a = post_json(&s.at("/api/render"), "application/pdf", &big);
    assert_eq!(a.status, 413);
    assert_eq!(
        a.json()["detail"],
        "the request is larger than 1 KiB, this server's limit"
    );
    let a = post_form(
        &s.at("/api/render"),
        &[("checklist", "student")],
        &[("org", "org.toml", &[b'#'; 4096])],
    );
    assert_eq!(a.status, 413, "{}", a.text());
    // No time at all to render: 503 with Retry-After.
    let a = post_json(
        &s.at("/api/render"),
        "application/pdf",
        &json!({"checklist": "student"}),
    );
    assert_eq!(a.status, 503);
    assert_eq!(a.header("retry-after"), "5");
    assert!(a.json()["detail"]
        .as_str()
        .unwrap()
        .contains("longer than 0 s"));
}

/// Names are personal data: the server prints its address and nothing else.
#[test]
fn nothing_sent_is_logged() {
    let s = Server::start(&["--org", "examples/org/org.toml"]);
    let body = json!({"checklist": "student", "profile": "packet", "name": "Zhang Secret-Name", "lang": "en"});
    assert_eq!(
        post_json(&s.at("/api/render"), "application/pdf", &body).status,
        200
    );
    let bad = json!({"checklist": "student", "profile": "packet", "name": "Zhang Secret-Name", "departure": "soon"});
    assert_eq!(
        post_json(&s.at("/api/render"), "application/pdf", &bad).status,
        422
    );
    std::thread::sleep(Duration::from_millis(200));
    let log = s.log.lock().unwrap().clone();
    assert!(!log.contains("Secret"), "{log}");
    assert!(
        log.starts_with("predeparture serve: http://127.0.0.1:"),
        "{log}"
    );
}

#[test]
fn the_preview_is_the_same_document_as_html() {
    let s = shared();
    let a = post_form(
        &s.at("/api/preview"),
        &[
            ("checklist", "student"),
            ("lang", "zh-CN"),
            ("lang", "en"),
            ("destination", "GB"),
            ("ui", "en"),
        ],
        &[],
    );
    assert_eq!(a.status, 200, "{}", a.text());
    assert_eq!(a.header("content-type"), "text/html; charset=utf-8");
    let html = a.text();
    assert!(html.starts_with("<article class=\"doc\" lang=\"zh-CN\""));
    assert!(html
        .contains("<span class=\"line\" lang=\"en\">Studying abroad: security checklist</span>"));
    assert!(
        html.contains("lang=\"zh-CN\">伦敦") || html.contains("伦敦"),
        "{html}"
    );
    let pages = pdf_pages(
        &post_json(
            &s.at("/api/render"),
            "application/pdf",
            &json!({"checklist": "student", "destination": "GB"}),
        )
        .body,
    );
    assert!(
        html.contains(&format!("data-pages=\"{pages}\"")),
        "{pages} pages"
    );
    assert!(html.contains(&format!("The PDF has {pages} pages.")));
}

fn pdf_pages(bytes: &[u8]) -> usize {
    let dir = common::tempdir();
    let path = dir.path().join("doc.pdf");
    std::fs::write(&path, bytes).unwrap();
    tool("pdfinfo", &[path.to_str().unwrap()])
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .unwrap()
        .trim()
        .parse()
        .unwrap()
}

// ---------------------------------------------------------------------------
// The page in headless Chromium, through chromedriver's WebDriver protocol.

/// A chromedriver with one browser session, both ended when dropped.
struct Browser {
    driver: Child,
    base: String,
    session: String,
    _profile: tempfile::TempDir,
}

fn find_program(names: &[&str]) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    names.iter().find_map(|name| {
        std::env::split_paths(&path)
            .map(|dir| dir.join(name))
            .find(|p| p.is_file())
    })
}

impl Browser {
    /// Starts chromedriver and Chromium, or says why the test is skipped
    /// (and fails under CI, which installs them).
    fn start(downloads: &Path) -> Option<Browser> {
        let driver = find_program(&["chromedriver"]);
        let chromium = find_program(&["chromium", "chromium-browser"]);
        let (Some(driver), Some(chromium)) = (driver, chromium) else {
            let message = "the browser test needs Chromium and chromedriver: apt-get install chromium chromium-driver";
            assert!(std::env::var("CI").as_deref() != Ok("true"), "{message}");
            eprintln!("skipped: {message}");
            return None;
        };
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let child = Command::new(driver)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start chromedriver");
        let base = format!("http://127.0.0.1:{port}");
        let deadline = Instant::now() + Duration::from_secs(20);
        while agent().get(&format!("{base}/status")).call().is_err() {
            assert!(Instant::now() < deadline, "chromedriver did not start");
            std::thread::sleep(Duration::from_millis(100));
        }
        let profile = common::tempdir();
        let caps = json!({"capabilities": {"alwaysMatch": {
            "browserName": "chrome",
            "goog:chromeOptions": {
                "binary": chromium,
                "args": ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                         "--disable-background-networking", "--disable-component-update",
                         "--disable-sync", "--no-first-run",
                         format!("--user-data-dir={}", profile.path().display())],
                "prefs": {"download.default_directory": downloads, "download.prompt_for_download": false}
            }
        }}});
        let mut browser = Browser {
            driver: child,
            base,
            session: String::new(),
            _profile: profile,
        };
        let v = browser.call("POST", "/session", &caps);
        browser.session = v["sessionId"].as_str().expect("a session").to_string();
        Some(browser)
    }

    fn call(&self, method: &str, path: &str, body: &Value) -> Value {
        let url = if path == "/session" {
            format!("{}{path}", self.base)
        } else {
            format!("{}/session/{}{path}", self.base, self.session)
        };
        let a = agent();
        let r = match method {
            "GET" => a.get(&url).call(),
            "DELETE" => a.delete(&url).call(),
            _ => a
                .post(&url)
                .header("Content-Type", "application/json")
                .send(body.to_string()),
        };
        let v = answer(r.unwrap()).json();
        assert!(v["value"]["error"].is_null(), "{method} {path}: {v}");
        v["value"].clone()
    }

    fn script(&self, script: &str, args: &[Value]) -> Value {
        self.call(
            "POST",
            "/execute/sync",
            &json!({"script": script, "args": args}),
        )
    }

    fn element(&self, css: &str) -> String {
        let v = self.call(
            "POST",
            "/element",
            &json!({"using": "css selector", "value": css}),
        );
        v["element-6066-11e4-a52e-4f735466cecf"]
            .as_str()
            .unwrap_or_else(|| panic!("{css}: {v}"))
            .to_string()
    }

    fn click(&self, css: &str) {
        let e = self.element(css);
        self.call("POST", &format!("/element/{e}/click"), &json!({}));
    }

    fn type_into(&self, css: &str, text: &str) {
        let e = self.element(css);
        self.call("POST", &format!("/element/{e}/clear"), &json!({}));
        self.call(
            "POST",
            &format!("/element/{e}/value"),
            &json!({"text": text}),
        );
    }

    /// Waits until `script` returns true.
    fn wait_for(&self, what: &str, script: &str) {
        let deadline = Instant::now() + Duration::from_secs(60);
        while self.script(script, &[]) != json!(true) {
            assert!(Instant::now() < deadline, "timed out waiting for {what}");
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    fn screenshot(&self) -> Vec<u8> {
        let v = self.call("GET", "/screenshot", &Value::Null);
        base64_decode(v.as_str().unwrap())
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        if !self.session.is_empty() {
            let _ = agent()
                .delete(&format!("{}/session/{}", self.base, self.session))
                .call();
        }
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }
}

fn base64_decode(s: &str) -> Vec<u8> {
    let value = |c: u8| match c {
        b'A'..=b'Z' => c - b'A',
        b'a'..=b'z' => c - b'a' + 26,
        b'0'..=b'9' => c - b'0' + 52,
        b'+' => 62,
        _ => 63,
    };
    let clean: Vec<u8> = s
        .bytes()
        .filter(|c| !c.is_ascii_whitespace() && *c != b'=')
        .collect();
    let mut out = Vec::with_capacity(clean.len() * 3 / 4);
    for chunk in clean.chunks(4) {
        let mut n = 0u32;
        for (i, &c) in chunk.iter().enumerate() {
            n |= u32::from(value(c)) << (18 - 6 * i);
        }
        out.extend_from_slice(&n.to_be_bytes()[1..chunk.len()]);
    }
    out
}

/// Waits for one finished download in `dir` and returns its path.
fn downloaded(dir: &Path, extension: &str) -> PathBuf {
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        let found = std::fs::read_dir(dir)
            .unwrap()
            .flatten()
            .map(|e| e.path())
            .find(|p| p.extension().is_some_and(|e| e == extension));
        if let Some(path) = found {
            return path;
        }
        assert!(Instant::now() < deadline, "no .{extension} downloaded");
        std::thread::sleep(Duration::from_millis(100));
    }
}

const PREVIEW_READY: &str = "const p = document.getElementById('preview'); \
    return p.getAttribute('aria-busy') === 'false' && !!p.querySelector('article');";

#[test]
fn the_page_works_in_a_real_browser() {
    let downloads = common::tempdir();
    let Some(browser) = Browser::start(downloads.path()) else {
        return;
    };
    let s = shared();
    browser.call(
        "POST",
        "/window/rect",
        &json!({"width": 1280, "height": 1000}),
    );
    browser.call("POST", "/url", &json!({"url": s.at("/?ui=en")}));
    browser.wait_for("the first preview", PREVIEW_READY);

    // Choose: the student checklist, Chinese then English, the UK typed in Chinese.
    browser.click("#cl-student");
    browser.type_into("#destination", "英国");
    browser.wait_for(
        "the preview of the UK",
        "const a = document.querySelector('#preview article'); \
         return document.getElementById('preview').getAttribute('aria-busy') === 'false' \
           && !!a && a.textContent.includes('London') && a.textContent.includes('Studying abroad');",
    );
    let status = browser.script(
        "return document.getElementById('preview-status').textContent;",
        &[],
    );
    assert!(
        status.as_str().unwrap().starts_with("The PDF has "),
        "{status}"
    );
    browser.script("document.activeElement.blur(); window.scrollTo(0, 0);", &[]);
    let shot = browser.screenshot();
    assert!(shot.starts_with(b"\x89PNG"));
    let target = Path::new(env!("CARGO_TARGET_TMPDIR")).join("serve.png");
    std::fs::write(&target, &shot).unwrap();
    if std::env::var_os("UPDATE_SCREENSHOTS").is_some() {
        std::fs::write(root().join("examples/serve.png"), &shot).unwrap();
    }

    // Download: the command line's bytes.
    browser.click("#download");
    let pdf = std::fs::read(downloaded(downloads.path(), "pdf")).unwrap();
    assert!(
        pdf == cli_bytes(&cases()[0].1),
        "the downloaded PDF differs from the command line's"
    );
    let text = pdf_text(&pdf);
    assert!(text.contains("伦敦") && text.contains("London"));
    let status = browser.script("return document.getElementById('status').textContent;", &[]);
    assert_eq!(status, "Downloaded student-handout-zh-CN-en.pdf.");

    // An error is shown in the page, with the command line's message.
    browser.click("#profile-packet");
    browser.type_into("#departure", "");
    browser.script(
        "const d = document.getElementById('destination'); d.value = 'Atlantis'; \
                    d.dispatchEvent(new Event('input', {bubbles: true}));",
        &[],
    );
    browser.click("#download");
    browser.wait_for("the error", "return document.getElementById('error').textContent.includes('unknown destination `Atlantis`');");

    // Keyboard: the first Tab reaches the skip link, which shows itself.
    browser.call("POST", "/url", &json!({"url": s.at("/?ui=zh-CN")}));
    browser.call(
        "POST",
        "/actions",
        &json!({"actions": [{"type": "key", "id": "k", "actions": [
        {"type": "keyDown", "value": "\u{E004}"}, {"type": "keyUp", "value": "\u{E004}"}]}]}),
    );
    let focused = browser.script("const e = document.activeElement; \
        return [e.className, getComputedStyle(e).outlineStyle, e.getBoundingClientRect().left > 0];", &[]);
    assert_eq!(focused, json!(["skip", "solid", true]));

    // A roster: the zip of packets, with the progress shown meanwhile.
    browser.call("POST", "/url", &json!({"url": s.at("/?ui=en")}));
    browser.wait_for("the first preview", PREVIEW_READY);
    browser.click("#profile-packet");
    let roster = root().join("examples/org/roster.csv");
    let input = browser.element("#roster");
    browser.call(
        "POST",
        &format!("/element/{input}/value"),
        &json!({"text": roster.to_str().unwrap()}),
    );
    browser.click("#roster-button");
    let zip = std::fs::read(downloaded(downloads.path(), "zip")).unwrap();
    let names: Vec<String> = unzip(&zip).into_iter().map(|(n, _)| n).collect();
    assert_eq!(names.len(), 5, "{names:?}");
    assert!(names.contains(&"manifest.json".to_string()));
    browser.wait_for("the note", "return document.getElementById('status').textContent === 'Downloaded overseas-staff-packets.zip.';");
    // The page asked for the packets under a token of its own, whose
    // progress counts every packet.
    let token = browser.script(
        "return document.getElementById('roster-progress').dataset.token;",
        &[],
    );
    let counted = get(&s.at(&format!("/api/progress/{}", token.as_str().unwrap())));
    assert_eq!(counted.json(), json!({"done": 3, "total": 3}));

    // A phone-sized screen: one column, nothing wider than the screen.
    browser.call(
        "POST",
        "/window/rect",
        &json!({"width": 390, "height": 844}),
    );
    browser.wait_for("the preview", PREVIEW_READY);
    let fits = browser.script(
        "return document.documentElement.scrollWidth <= window.innerWidth;",
        &[],
    );
    assert_eq!(fits, json!(true), "the page scrolls sideways on a phone");
}

// ---------------------------------------------------------------------------
// Rosters.

/// The files of a zip whose entries are stored (as the server writes them).
fn unzip(bytes: &[u8]) -> Vec<(String, Vec<u8>)> {
    let u16_at = |i: usize| usize::from(u16::from_le_bytes([bytes[i], bytes[i + 1]]));
    let u32_at = |i: usize| u32::from_le_bytes(bytes[i..i + 4].try_into().unwrap()) as usize;
    let mut out = Vec::new();
    let mut at = 0;
    while bytes[at..].starts_with(b"PK\x03\x04") {
        assert_eq!(u16_at(at + 8), 0, "stored");
        let size = u32_at(at + 22);
        let (name_len, extra) = (u16_at(at + 26), u16_at(at + 28));
        let name = String::from_utf8(bytes[at + 30..at + 30 + name_len].to_vec()).unwrap();
        let start = at + 30 + name_len + extra;
        out.push((name, bytes[start..start + size].to_vec()));
        at = start + size;
    }
    assert!(
        bytes[at..].starts_with(b"PK\x01\x02"),
        "a central directory follows"
    );
    out
}

/// The folder `render --roster` writes, as (name, bytes), sorted.
fn cli_roster(roster: &Path, args: &[&str]) -> Vec<(String, Vec<u8>)> {
    let dir = common::tempdir();
    let out = dir.path().join("packets");
    let mut all = vec![
        "render",
        "--roster",
        roster.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ];
    all.extend_from_slice(args);
    let o = common::run_in(&root(), &all);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let mut files: Vec<(String, Vec<u8>)> = std::fs::read_dir(&out)
        .unwrap()
        .flatten()
        .map(|e| {
            (
                e.file_name().to_string_lossy().into_owned(),
                std::fs::read(e.path()).unwrap(),
            )
        })
        .collect();
    files.sort();
    files
}

#[test]
fn a_roster_gives_the_command_lines_packets_in_a_zip() {
    let s = shared();
    let csv = std::fs::read(root().join("examples/org/roster.csv")).unwrap();
    let fields = [
        ("checklist", "overseas-staff"),
        ("lang", "zh-CN"),
        ("lang", "en"),
        ("date", "2026-11-20"),
    ];
    let a = post_form(
        &s.at("/api/roster"),
        &fields,
        &[("roster", "roster.csv", &csv)],
    );
    assert_eq!(a.status, 200, "{}", a.text());
    assert_eq!(a.header("content-type"), "application/zip");
    assert_eq!(
        a.header("content-disposition"),
        "attachment; filename=\"overseas-staff-packets.zip\""
    );
    let mut files = unzip(&a.body);
    files.sort();
    let cli = cli_roster(
        &root().join("examples/org/roster.csv"),
        &[
            "-c",
            "overseas-staff",
            "--profile",
            "packet",
            "--org",
            "examples/org/org.toml",
            "--date",
            "2026-11-20",
        ],
    );
    let names: Vec<&str> = files.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(
        names,
        [
            "001-overseas-staff-Wang-Fang.pdf",
            "002-overseas-staff-Li-Lei.pdf",
            "003-overseas-staff-Zhang-Wei.pdf",
            "manifest.csv",
            "manifest.json"
        ]
    );
    for ((name, bytes), (cli_name, cli_bytes)) in files.iter().zip(&cli) {
        assert_eq!(name, cli_name);
        assert!(bytes == cli_bytes, "{name} differs from the command line's");
    }
}

#[test]
fn a_roster_reports_one_count_per_packet() {
    let s = shared();
    let csv = std::fs::read(root().join("examples/org/roster.csv")).unwrap();
    let fields = [("checklist", "overseas-staff"), ("date", "2026-11-20")];
    let files = [("roster", "roster.csv", &csv[..])];
    // Nothing is known under a token before its roster is posted.
    let unknown = get(&s.at("/api/progress/a1b2c3d4e5f6"));
    assert_eq!(unknown.status, 404);
    assert_eq!(unknown.header("content-type"), "application/problem+json");
    let a = post_form(&s.at("/api/roster?progress=a1b2c3d4e5f6"), &fields, &files);
    assert_eq!(a.status, 200, "{}", a.text());
    let done = get(&s.at("/api/progress/a1b2c3d4e5f6"));
    assert_eq!(done.status, 200, "{}", done.text());
    assert_eq!(done.json(), json!({"done": 3, "total": 3}));
    // A token the page could not have made is refused before any work.
    let bad = post_form(&s.at("/api/roster?progress=../x"), &fields, &files);
    assert_eq!(bad.status, 422, "{}", bad.text());
    assert!(bad.json()["detail"].as_str().unwrap().contains("progress"));
}

#[test]
fn a_workbook_roster_is_read_from_memory() {
    use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    let date = Format::new().set_num_format("yyyy-mm-dd");
    for (col, h) in ["姓名", "目的地", "出发日期", "工号"].iter().enumerate() {
        sheet.write_string(0, col as u16, *h).unwrap();
    }
    for (r, (name, dest, day)) in [("王芳", "KE", 1u8), ("Li Lei", "日本", 8)]
        .iter()
        .enumerate()
    {
        let r = r as u32 + 1;
        sheet.write_string(r, 0, *name).unwrap();
        sheet.write_string(r, 1, *dest).unwrap();
        sheet
            .write_datetime_with_format(
                r,
                2,
                ExcelDateTime::from_ymd(2026, 12, *day).unwrap(),
                &date,
            )
            .unwrap();
        sheet.write_number(r, 3, 42.0).unwrap();
    }
    let xlsx = book.save_to_buffer().unwrap();
    let s = shared();
    let fields = [
        ("checklist", "short-trip"),
        ("lang", "en"),
        ("profile", "packet"),
    ];
    let a = post_form(
        &s.at("/api/roster"),
        &fields,
        &[("roster", "staff.xlsx", &xlsx)],
    );
    assert_eq!(a.status, 200, "{}", a.text());
    let files = unzip(&a.body);
    let manifest = &files.iter().find(|(n, _)| n == "manifest.csv").unwrap().1;
    let manifest = String::from_utf8(manifest.clone()).unwrap();
    assert!(
        manifest.starts_with("row,name,destination,departure,file,pages,bytes,sha256,工号\n"),
        "{manifest}"
    );
    assert!(
        manifest.contains("1,王芳,KE,2026-12-01,001-short-trip-王芳.pdf,"),
        "{manifest}"
    );
    assert!(manifest.contains(",42\n"), "{manifest}");
    let text = pdf_text(&files[1].1);
    assert!(text.contains("Li Lei") && text.contains("2026"), "{text}");
}

#[test]
fn every_bad_row_is_reported_and_nothing_is_made() {
    let s = shared();
    let csv = "name,destination,departure\nWang Fang,KE,2026-12-01\n,JP,\nLi Lei,Atlantis,2026-12-08\nZhang Wei,US,next week\n";
    let fields = [
        ("checklist", "student"),
        ("lang", "en"),
        ("profile", "packet"),
    ];
    let a = post_form(
        &s.at("/api/roster"),
        &fields,
        &[("roster", "../staff/bad.csv", csv.as_bytes())],
    );
    assert_eq!(a.status, 422, "{}", a.text());
    let p = a.json();
    // The same lines as the command line prints for the same file.
    let dir = common::tempdir();
    std::fs::write(dir.path().join("bad.csv"), csv).unwrap();
    let org = root().join("examples/org/org.toml");
    let o = common::run_in(
        dir.path(),
        &[
            "render",
            "-c",
            "student",
            "-l",
            "en",
            "--profile",
            "packet",
            "--org",
            org.to_str().unwrap(),
            "--roster",
            "bad.csv",
        ],
    );
    let stderr = String::from_utf8(o.stderr).unwrap();
    let cli: Vec<&str> = stderr
        .lines()
        .map(|l| l.strip_prefix("error: ").unwrap())
        .collect();
    let rows: Vec<String> = p["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| format!("bad.csv:{}: {}", e["line"], e["message"].as_str().unwrap()))
        .collect();
    assert_eq!(rows.len(), 3, "{p}");
    assert_eq!(rows, cli[..cli.len() - 1], "{p}");
    assert_eq!(p["detail"], cli[cli.len() - 1]);
    assert_eq!(p["detail"], "3 bad rows in bad.csv: no packets written");

    let a = post_form(&s.at("/api/roster"), &fields, &[]);
    assert_eq!(a.status, 422);
    let a = post_form(
        &s.at("/api/roster"),
        &[("checklist", "student"), ("name", "X")],
        &[("roster", "r.csv", b"name\nA\n")],
    );
    assert_eq!(a.status, 422);
    assert!(a.json()["detail"]
        .as_str()
        .unwrap()
        .starts_with("--name cannot be used with --roster"));
}

#[test]
fn rosters_are_limited_in_rows() {
    let s = Server::start(&["--org", "examples/org/org.toml", "--max-rows", "2"]);
    let csv = "name\nA\nB\nC\n";
    let a = post_form(
        &s.at("/api/roster"),
        &[("checklist", "student")],
        &[("roster", "r.csv", csv.as_bytes())],
    );
    assert_eq!(a.status, 413, "{}", a.text());
    assert_eq!(
        a.json()["detail"],
        "r.csv: 3 rows; this server makes at most 2 packets at once"
    );
}
