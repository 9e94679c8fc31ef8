//! Benchmark: a cold run of the binary, and documents rendered in one process.
//!
//! Run with `cargo bench`. Prints the median wall time of a cold
//! `predeparture render` of the bilingual student handout, its peak memory,
//! and the time per document when one process renders many.

#![allow(clippy::unwrap_used, clippy::expect_used, unreachable_pub)]

use std::process::Command;
use std::time::{Duration, Instant};

use predeparture::fonts::FontSet;
use predeparture::model::Catalog;
use predeparture::{Renderer, Request};

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

/// Runs `cmd` and returns its wall time and peak resident memory in KiB.
fn run_measured(cmd: &mut Command) -> (Duration, i64) {
    let start = Instant::now();
    let child = cmd.spawn().expect("spawn predeparture");
    let pid = child.id() as libc::pid_t;
    let mut status = 0;
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: pid is our child; status and usage are valid out-pointers.
    let r = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    let elapsed = start.elapsed();
    assert!(
        r == pid && libc::WIFEXITED(status) && libc::WEXITSTATUS(status) == 0,
        "render failed"
    );
    std::mem::forget(child);
    (elapsed, usage.ru_maxrss)
}

fn main() {
    let out = std::env::temp_dir().join("predeparture-bench.pdf");
    let bin = env!("CARGO_BIN_EXE_predeparture");
    let runs = 30;
    let mut times = Vec::new();
    let mut peak = 0;
    for _ in 0..runs {
        let (t, rss) = run_measured(
            Command::new(bin)
                .args([
                    "render",
                    "--checklist",
                    "student",
                    "--lang",
                    "zh-CN,en",
                    "-o",
                ])
                .arg(&out),
        );
        times.push(t);
        peak = peak.max(rss);
    }
    let size = std::fs::metadata(&out).map(|m| m.len()).unwrap_or(0);
    println!("cold render, student zh-CN+en A4: median {:.1} ms over {runs} runs, peak RSS {:.1} MB, {} bytes",
        median(times).as_secs_f64() * 1e3, peak as f64 / 1024.0, size);

    let start = Instant::now();
    let renderer = Renderer::new(Catalog::bundled().unwrap(), FontSet::bundled()).unwrap();
    let setup = start.elapsed();
    let request = |checklist: &str| Request {
        timestamp: Some(0),
        ..Request::handout(checklist, &["zh-CN", "en"])
    };
    let first = Instant::now();
    renderer.render(&request("student")).unwrap();
    let first = first.elapsed();
    let n = 100;
    let checklists = ["student", "overseas-staff", "short-trip"];
    let start = Instant::now();
    let mut bytes = 0;
    for i in 0..n {
        bytes += renderer.render(&request(checklists[i % 3])).unwrap().len();
    }
    let per_doc = start.elapsed() / n as u32;
    println!("in process: setup {:.1} ms, first document {:.1} ms (parses fonts), then {:.2} ms per document over {n} ({} KB average)",
        setup.as_secs_f64() * 1e3, first.as_secs_f64() * 1e3, per_doc.as_secs_f64() * 1e3, bytes / n / 1024);

    let doc_req = request("student");
    let t = Instant::now();
    for _ in 0..n {
        std::hint::black_box(renderer.layout(&doc_req).unwrap());
    }
    println!(
        "  of which layout (localise, measure, break, paginate): {:.2} ms per document",
        (t.elapsed() / n as u32).as_secs_f64() * 1e3
    );
}
