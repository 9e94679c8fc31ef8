//! A bounded load test of `predeparture serve` on loopback: starts the
//! server, measures one request of each kind alone, then runs N clients
//! for S seconds posting varied `/api/render` requests, and reports
//! throughput, p50/p99 latency, errors and the server's memory (resident
//! size each second, and its peak).
//!
//! ```sh
//! cargo build --release && cargo run --release --example load -- [CLIENTS] [SECONDS]
//! ```
//!
//! It talks only to 127.0.0.1, stops by itself, and exits non-zero on any
//! error or when memory grows by more than a fifth after the first
//! quarter of the run.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::io::BufRead as _;
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use serde_json::{json, Value};

/// The requests the clients cycle through: every profile, languages,
/// destinations, roles and both papers.
fn requests() -> Vec<(&'static str, Value)> {
    let mut out = Vec::new();
    for (i, dest) in ["GB", "US", "DE", "JP", "KE", "AU", "FR", "TH"]
        .iter()
        .enumerate()
    {
        let langs = [
            json!(["zh-CN", "en"]),
            json!(["en"]),
            json!(["zh-TW", "en"]),
        ][i % 3]
            .clone();
        out.push((
            "handout",
            json!({"checklist": "student", "lang": langs, "destination": dest}),
        ));
        out.push(("phone", json!({"checklist": "short-trip", "lang": langs, "profile": "phone", "destination": dest})));
        out.push(("packet", json!({"checklist": "overseas-staff", "lang": ["zh-CN", "en"], "profile": "packet",
            "role": "sensitive", "name": format!("员工 {i}"), "destination": dest, "departure": "2026-12-01",
            "date": "2026-11-20", "page": if i % 2 == 0 { "a4" } else { "letter" }})));
    }
    out
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

/// The server's resident and peak memory in KiB, from /proc.
fn memory(pid: u32) -> (u64, u64) {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    let field = |name: &str| {
        status
            .lines()
            .find_map(|l| l.strip_prefix(name))
            .and_then(|v| v.split_whitespace().next()?.parse().ok())
            .unwrap_or(0)
    };
    (field("VmRSS:"), field("VmHWM:"))
}

fn post(agent: &ureq::Agent, url: &str, body: &Value) -> Result<usize, String> {
    let mut r = agent
        .post(url)
        .header("Content-Type", "application/json")
        .send(body.to_string())
        .map_err(|e| e.to_string())?;
    let status = r.status().as_u16();
    let bytes = r
        .body_mut()
        .with_config()
        .limit(64 << 20)
        .read_to_vec()
        .map_err(|e| e.to_string())?;
    if status == 200 && bytes.starts_with(b"%PDF-") {
        Ok(bytes.len())
    } else {
        Err(format!("{status}: {}", String::from_utf8_lossy(&bytes)))
    }
}

/// Starts the release server on a free loopback port: the child and its URL.
fn start() -> (std::process::Child, String) {
    let exe = std::env::current_exe().unwrap();
    let binary = exe.parent().unwrap().parent().unwrap().join("predeparture");
    assert!(
        binary.is_file(),
        "build the binary first: cargo build --release"
    );
    let mut server = Command::new(&binary)
        .args(["serve", "--addr", "127.0.0.1:0"])
        .args(["--org", "examples/org/org.toml"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdout(Stdio::piped())
        .spawn()
        .expect("start the server");
    let first = std::io::BufReader::new(server.stdout.take().unwrap())
        .lines()
        .next()
        .unwrap()
        .unwrap();
    let base = first
        .split_whitespace()
        .find(|w| w.starts_with("http://"))
        .unwrap()
        .trim_end_matches('/')
        .to_string();
    (server, base)
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

/// One request of each kind alone, after a first that parses the fonts.
fn alone(agent: &ureq::Agent, url: &str, list: &[(&str, Value)]) {
    let started = Instant::now();
    post(agent, url, &list[0].1).unwrap();
    println!(
        "first request (fonts parsed): {:.0} ms",
        ms(started.elapsed())
    );
    for kind in ["handout", "phone", "packet"] {
        let mut times: Vec<Duration> = list
            .iter()
            .filter(|(k, _)| *k == kind)
            .map(|(_, body)| {
                let t = Instant::now();
                post(agent, url, body).unwrap();
                t.elapsed()
            })
            .collect();
        times.sort();
        let median = ms(percentile(&times, 0.5));
        println!("alone, {kind}: median {median:.0} ms over {}", times.len());
    }
}

/// What the clients measured: latencies of answered requests, and errors.
#[derive(Default)]
struct Tally {
    latencies: Vec<Duration>,
    errors: Vec<String>,
}

/// `clients` threads posting until `deadline`; samples the server's
/// resident memory each second meanwhile.
fn load(
    agent: &ureq::Agent,
    url: &str,
    list: &[(&'static str, Value)],
    clients: usize,
    pid: u32,
    deadline: Instant,
) -> (Tally, Vec<u64>) {
    let tally = Arc::new(Mutex::new(Tally::default()));
    let stop = Arc::new(AtomicBool::new(false));
    let workers: Vec<_> = (0..clients)
        .map(|c| {
            let (agent, url, list) = (agent.clone(), url.to_string(), list.to_vec());
            let (tally, stop) = (tally.clone(), stop.clone());
            std::thread::spawn(move || {
                let mut i = c;
                while Instant::now() < deadline && !stop.load(Ordering::Relaxed) {
                    let t = Instant::now();
                    let result = post(&agent, &url, &list[i % list.len()].1);
                    let mut tally = tally.lock().unwrap();
                    match result {
                        Ok(_) => tally.latencies.push(t.elapsed()),
                        Err(e) => tally.errors.push(e),
                    }
                    i += clients;
                }
            })
        })
        .collect();
    let mut samples = Vec::new();
    while Instant::now() < deadline {
        std::thread::sleep(Duration::from_secs(1));
        samples.push(memory(pid).0);
    }
    stop.store(true, Ordering::Relaxed);
    for w in workers {
        w.join().unwrap();
    }
    let tally = std::mem::take(&mut *tally.lock().unwrap());
    (tally, samples)
}

fn main() {
    let mut args = std::env::args().skip(1);
    let clients: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(8);
    let seconds: u64 = args.next().and_then(|a| a.parse().ok()).unwrap_or(30);
    let (mut server, base) = start();
    let pid = server.id();
    let url = format!("{base}/api/render");
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .timeout_global(Some(Duration::from_secs(120)))
        .build()
        .into();
    let (rss0, _) = memory(pid);
    println!("server {base} (pid {pid}), {rss0} KiB resident at start");
    let list = requests();
    alone(&agent, &url, &list);

    let run_start = Instant::now();
    let deadline = run_start + Duration::from_secs(seconds);
    let (mut tally, samples) = load(&agent, &url, &list, clients, pid, deadline);
    let elapsed = run_start.elapsed().as_secs_f64();
    let (rss_end, peak) = memory(pid);
    let _ = server.kill();
    let _ = server.wait();

    let lat = &mut tally.latencies;
    lat.sort();
    println!(
        "{clients} clients, {elapsed:.0} s: {} documents, {:.1} per second, p50 {:.0} ms, p99 {:.0} ms, max {:.0} ms, {} errors",
        lat.len(),
        lat.len() as f64 / elapsed,
        ms(percentile(lat, 0.5)),
        ms(percentile(lat, 0.99)),
        ms(*lat.last().unwrap()),
        tally.errors.len()
    );
    let quarter = samples.get(samples.len() / 4).copied().unwrap_or(rss0);
    let most = samples.iter().copied().max().unwrap_or(0);
    println!(
        "memory: resident {} MiB at a quarter, {} MiB at most during the run, {} MiB at the end; peak {} MiB",
        quarter / 1024,
        most / 1024,
        rss_end / 1024,
        peak / 1024
    );
    let each: Vec<u64> = samples.iter().map(|k| k / 1024).collect();
    println!("resident MiB each second: {each:?}");
    for e in tally.errors.iter().take(5) {
        eprintln!("error: {e}");
    }
    let flat = rss_end <= quarter + quarter / 5;
    if !tally.errors.is_empty() || !flat {
        let memory = if flat { "flat" } else { "grew" };
        eprintln!("FAILED: {} errors, memory {memory}", tally.errors.len());
        std::process::exit(1);
    }
}
