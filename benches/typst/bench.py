#!/usr/bin/env python3
"""Side-by-side benchmark: predeparture against Typst on the same handout.

    python3 benches/typst/bench.py [--cold-n 25] [--inproc-n 30] [--pd-inproc-n 200]

See README.md beside this file for what is compared and the caveats. In short:

1. Our bilingual student handout (`render -c student --lang zh-CN,en --date
   2026-12-01`) is exported as JSON and turned into a Typst source by
   make_typ.py: the same text, the same page, fonts and sizes.
2. A content check: both PDFs through pdftotext (same characters?),
   pdfinfo (pages, tagged), PDF/UA claim.
3. Cold runs, interleaved (predeparture, Typst, Typst, predeparture, ...):
   our release binary from process start to exit; a `python3 -c` process
   that imports typst and compiles once, from process start to the PDF
   written, and its compile call alone. Peak RSS and CPU time of each
   process from wait4().
4. In-process runs, interleaved in rounds: examples/bench_inprocess (one
   Renderer, `same`, `varied` and, if it has it, `uncached` documents) against typst_inprocess.py (one
   typst.Compiler, modes `same`, `varied`, `varied` as PDF/UA-1, `nocache`
   and `edit`), each in a fresh process.
5. A Markdown table: metric | predeparture | Typst | ratio (Typst ÷ ours).

It builds nothing: it needs `target/release/predeparture` and
`target/release/examples/bench_inprocess` (cargo build --release --bin
predeparture --example bench_inprocess) and `pip install typst==0.15.2`.
If a binary is missing or rebuilt during a phase, it waits a minute and runs
the phase again. Before each phase it waits (up to --max-wait seconds) for
the 1-minute load average to fall below --max-load, and reports the load.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)
import make_typ  # noqa: E402

BINARY = os.path.join(REPO, "target", "release", "predeparture")
INPROC = os.path.join(REPO, "target", "release", "examples", "bench_inprocess")
FONTS = os.path.join(REPO, "fonts")
TYPST_INPROC = os.path.join(HERE, "typst_inprocess.py")
RENDER = ["render", "-c", "student", "--lang", "zh-CN,en", "--date", "2026-12-01"]

# The Typst cold run: a fresh interpreter imports typst and compiles once.
# It prints when the file was written (wall clock, to compare with the
# parent's clock at spawn) and the import and compile times.
TYPST_COLD = r"""
import time, json, sys
t0 = time.perf_counter()
import typst
t1 = time.perf_counter()
typst.compile(sys.argv[1], output=sys.argv[2], font_paths=[sys.argv[3]],
              ignore_system_fonts=True, timestamp=1764547200)
t2 = time.perf_counter()
print(json.dumps({"written": time.time(), "import_ms": (t1 - t0) * 1e3,
                  "compile_ms": (t2 - t1) * 1e3}))
"""


def log(*a) -> None:
    print(*a, file=sys.stderr, flush=True)


def at(xs: list[float], q: float) -> float:
    """Nearest-rank quantile, as examples/bench_inprocess.rs computes it."""
    s = sorted(xs)
    return s[round((len(s) - 1) * q)]


def spread(xs: list[float], unit: str = "ms", digits: int = 1) -> str:
    if not xs:
        return "—"
    f = f"{{:.{digits}f}}"
    return f"{f.format(at(xs, 0.5))} {unit} ({f.format(at(xs, 0))}–{f.format(at(xs, 0.9))})"


def load() -> float:
    return os.getloadavg()[0]


def uptime() -> str:
    try:
        return subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip()
    except OSError:
        return "load average: %.2f, %.2f, %.2f" % os.getloadavg()


def wait_for_load(max_load: float, max_wait: float) -> None:
    start = time.time()
    while load() >= max_load and time.time() - start < max_wait:
        log(f"  load {load():.2f} ≥ {max_load}: waiting ({int(time.time() - start)} s so far)")
        time.sleep(15)
    if load() >= max_load:
        log(f"  load still {load():.2f} after {int(max_wait)} s: going on anyway")


def stamp(path: str):
    try:
        st = os.stat(path)
        return (st.st_mtime_ns, st.st_size)
    except FileNotFoundError:
        return None


def wait_for_binaries() -> None:
    for tries in range(30):
        missing = [p for p in (BINARY, INPROC) if not os.access(p, os.X_OK)]
        if not missing:
            return
        log(f"  missing {', '.join(missing)}: waiting a minute (a build may be under way)")
        time.sleep(60)
    sys.exit("the release binaries never appeared: cargo build --release --bin predeparture --example bench_inprocess")


def run_measured(cmd: list[str], cwd: str | None = None, env: dict | None = None):
    """Runs `cmd`; returns (wall_ms, maxrss_kib, cpu_ms, returncode, stdout, stderr, t_spawn)."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        t_spawn = time.time()
        t0 = time.perf_counter()
        p = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=out, stderr=err, stdin=subprocess.DEVNULL)
        _, status, ru = os.wait4(p.pid, 0)
        wall = (time.perf_counter() - t0) * 1e3
        p.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        return (
            wall,
            ru.ru_maxrss,
            (ru.ru_utime + ru.ru_stime) * 1e3,
            p.returncode,
            out.read().decode("utf-8", "replace"),
            err.read().decode("utf-8", "replace"),
            t_spawn,
        )


def phase(name: str, fn, args, max_load: float, max_wait: float):
    """Runs one phase, again after a minute if a binary changed during it."""
    for attempt in range(3):
        wait_for_binaries()
        wait_for_load(max_load, max_wait)
        before = (stamp(BINARY), stamp(INPROC))
        l0, u0 = load(), uptime()
        log(f"{name}: {u0}")
        try:
            result = fn(*args)
        except RuntimeError as e:
            log(f"  {name} failed ({e}); waiting a minute and starting the phase again")
            time.sleep(60)
            continue
        after = (stamp(BINARY), stamp(INPROC))
        if before != after:
            log(f"  a binary was rebuilt during {name}; waiting a minute and starting the phase again")
            time.sleep(60)
            continue
        return result, {"phase": name, "load_start": l0, "load_end": load(), "uptime_start": u0, "uptime_end": uptime()}
    sys.exit(f"{name}: gave up after 3 attempts")


# --- preparation and content check -------------------------------------------------


def prepare(work: str) -> dict:
    res = subprocess.run(
        [BINARY, *RENDER, "--format", "json", "-q", "-o", "-"], cwd=REPO, capture_output=True, check=True
    )
    doc = json.loads(res.stdout)
    typ = os.path.join(work, "handout.typ")
    with open(typ, "w", encoding="utf-8") as f:
        f.write(make_typ.build(doc))
    return {"typ": typ}


def pdf_facts(path: str) -> dict:
    facts = {"bytes": os.path.getsize(path)}
    with open(path, "rb") as f:
        data = f.read()
    facts["pdfua_claim"] = b"pdfuaid" in data
    if shutil.which("pdfinfo"):
        info = subprocess.run(["pdfinfo", path], capture_output=True, text=True).stdout
        for key in ("Pages", "Tagged", "Producer", "Creator"):
            m = re.search(rf"^{key}:\s*(.*)$", info, re.M)
            if m:
                facts[key.lower()] = m.group(1).strip()
    return facts


def content_check(pd_pdf: str, ty_pdf: str) -> dict:
    facts = {"predeparture": pdf_facts(pd_pdf), "typst": pdf_facts(ty_pdf)}
    if shutil.which("pdftotext"):
        texts = []
        for p in (pd_pdf, ty_pdf):
            t = subprocess.run(["pdftotext", "-layout", p, "-"], capture_output=True, text=True).stdout
            texts.append(Counter(re.sub(r"\s", "", t)))
        a, b = texts
        facts["chars"] = (sum(a.values()), sum(b.values()))
        facts["only_ours"] = dict(a - b)
        facts["only_typst"] = dict(b - a)
    return facts


# --- phases --------------------------------------------------------------------------


def cold_phase(typ: str, work: str, n: int) -> dict:
    pd_out = os.path.join(work, "pd.pdf")
    ty_out = os.path.join(work, "t.pdf")
    pd_cmd = [BINARY, *RENDER, "-q", "-o", pd_out]
    ty_cmd = [sys.executable, "-c", TYPST_COLD, typ, ty_out, FONTS]
    r = {k: [] for k in ("pd_wall", "pd_rss", "pd_cpu", "ty_wall", "ty_written", "ty_import", "ty_compile", "ty_rss", "ty_cpu")}

    def one_pd():
        wall, rss, cpu, rc, _, err, _ = run_measured(pd_cmd, cwd=REPO)
        if rc != 0:
            raise RuntimeError(f"predeparture exited {rc}: {err.strip()[:300]}")
        r["pd_wall"].append(wall)
        r["pd_rss"].append(rss / 1024)
        r["pd_cpu"].append(cpu)

    def one_ty():
        wall, rss, cpu, rc, out, err, t_spawn = run_measured(ty_cmd, cwd=HERE)
        if rc != 0:
            raise RuntimeError(f"typst exited {rc}: {err.strip()[:300]}")
        child = json.loads(out.strip().splitlines()[-1])
        r["ty_wall"].append(wall)
        r["ty_written"].append((child["written"] - t_spawn) * 1e3)
        r["ty_import"].append(child["import_ms"])
        r["ty_compile"].append(child["compile_ms"])
        r["ty_rss"].append(rss / 1024)
        r["ty_cpu"].append(cpu)

    # One untimed run of each first (page cache, CPU frequency), then strict
    # alternation with the order swapped every round.
    one_pd(), one_ty()
    for k in r:
        r[k].clear()
    for i in range(n):
        for f in (one_pd, one_ty) if i % 2 == 0 else (one_ty, one_pd):
            f()
    r["pd_pdf"], r["ty_pdf"] = pd_out, ty_out
    return r


LINE = re.compile(r"mode=(\S+) n=(\d+) first_ms=([\d.]+) median_ms=([\d.]+) min_ms=([\d.]+) p90_ms=([\d.]+) bytes=(\d+)(?: maxrss_kib=(\d+))?")


def parse_lines(text: str) -> dict:
    out = {}
    for m in LINE.finditer(text):
        out[m.group(1)] = {
            "n": int(m.group(2)),
            "first": float(m.group(3)),
            "median": float(m.group(4)),
            "min": float(m.group(5)),
            "p90": float(m.group(6)),
            "bytes": int(m.group(7)),
            "rss": int(m.group(8)) / 1024 if m.group(8) else None,
        }
    return out


def inproc_phase(typ: str, rounds: int, n_ty: int, n_pd: int) -> dict:
    env = dict(os.environ, PD_CHECKLIST="student", PD_LANGS="zh-CN,en")
    env.pop("PD_ORG", None)
    runs = {"pd": [], "same": [], "varied": [], "varied-ua": [], "nocache": [], "edit": []}

    def one_pd():
        wall, rss, _, rc, out, err, _ = run_measured([INPROC, REPO, str(n_pd)], cwd=REPO, env=env)
        if rc != 0:
            raise RuntimeError(f"bench_inprocess exited {rc}: {err.strip()[:300]}")
        res = parse_lines(out)
        if "same" not in res or "varied" not in res:
            raise RuntimeError(f"bench_inprocess printed no mode lines: {out[:300]}")
        res["rss"] = rss / 1024
        runs["pd"].append(res)

    def one_ty(mode: str):
        cmd = [sys.executable, TYPST_INPROC, typ, FONTS, mode.replace("-ua", ""), str(n_ty)]
        if mode.endswith("-ua"):
            cmd.append("--ua")
        wall, rss, _, rc, out, err, _ = run_measured(cmd, cwd=HERE)
        if rc != 0:
            raise RuntimeError(f"typst_inprocess {mode} exited {rc}: {err.strip()[:300]}")
        res = parse_lines(out)
        runs[mode].append(list(res.values())[0])

    ty_modes = ["same", "varied", "varied-ua", "nocache", "edit"]
    for i in range(rounds):
        steps = [one_pd] + [lambda m=m: one_ty(m) for m in ty_modes]
        if i % 2 == 1:
            steps = steps[1:] + steps[:1]  # ours last in odd rounds
        for s in steps:
            s()
    return runs


# --- report --------------------------------------------------------------------------


def mid(values: list[float]) -> float:
    return at(values, 0.5)


def ratio(ty: float | None, pd: float | None) -> str:
    if not ty or not pd:
        return "—"
    return f"{ty / pd:.2f}×"


def report(args, facts, cold, cold_load, inproc, inproc_load, started: str, ended: str) -> str:
    L = []
    w = L.append
    pd_f, ty_f = facts["predeparture"], facts["typst"]
    w(f"### predeparture vs Typst ({ty_version()}) — bilingual student handout, {os.cpu_count()} cores\n")
    w(f"- started: `{started}`")
    w(f"- {build_info()}")
    w(f"- cold phase: load {cold_load['load_start']:.2f} → {cold_load['load_end']:.2f}; "
      f"in-process phase: load {inproc_load['load_start']:.2f} → {inproc_load['load_end']:.2f}")
    w(f"- ended: `{ended}`")
    w(f"- cold: n = {args.cold_n} runs of each, interleaved; in-process: {args.rounds} round(s), "
      f"predeparture {args.pd_inproc_n} documents per mode, Typst {args.inproc_n} compilations per mode "
      f"(each mode a fresh process); figures are median (min–p90); ratio = Typst ÷ predeparture\n")

    w("| metric | predeparture | Typst | ratio |")
    w("| --- | --- | --- | --- |")
    w(f"| cold: process start → exit | {spread(cold['pd_wall'])} | {spread(cold['ty_wall'])} | "
      f"{ratio(mid(cold['ty_wall']), mid(cold['pd_wall']))} |")
    w(f"| cold: process start → PDF written | ≈ exit (above) | {spread(cold['ty_written'])} | "
      f"{ratio(mid(cold['ty_written']), mid(cold['pd_wall']))} |")
    w(f"| cold: `import typst` alone | — | {spread(cold['ty_import'])} | |")
    w(f"| cold: `typst.compile()` call alone | — | {spread(cold['ty_compile'])} | "
      f"{ratio(mid(cold['ty_compile']), mid(cold['pd_wall']))} (vs our whole process) |")
    w(f"| cold: CPU time (user+sys) | {spread(cold['pd_cpu'])} | {spread(cold['ty_cpu'])} | "
      f"{ratio(mid(cold['ty_cpu']), mid(cold['pd_cpu']))} |")
    w(f"| cold: peak RSS | {spread(cold['pd_rss'], 'MiB')} | {spread(cold['ty_rss'], 'MiB')} | "
      f"{ratio(mid(cold['ty_rss']), mid(cold['pd_rss']))} |")

    def pd_mode(mode, key):
        return mid([r[mode][key] for r in inproc["pd"]])

    def ty_mode(mode, key):
        return mid([r[key] for r in inproc[mode]])

    def cell_pd(mode):
        rs = [r[mode] for r in inproc["pd"]]
        return f"{mid([r['median'] for r in rs]):.2f} ms ({min(r['min'] for r in rs):.2f}–{max(r['p90'] for r in rs):.2f})"

    def cell_ty(mode):
        rs = inproc[mode]
        return f"{mid([r['median'] for r in rs]):.2f} ms ({min(r['min'] for r in rs):.2f}–{max(r['p90'] for r in rs):.2f})"

    pd_first = [r["same"]["first"] for r in inproc["pd"]]
    ty_first = [r["first"] for m in ("same", "varied", "nocache", "edit") for r in inproc[m]]
    w(f"| in-process: first document of a fresh renderer / Compiler (nothing reused) | {spread(pd_first, digits=2)} | "
      f"{spread(ty_first, digits=2)} | {ratio(mid(ty_first), mid(pd_first))} |")
    w(f"| in-process: same document again | {cell_pd('same')} | {cell_ty('same')} | "
      f"{ratio(ty_mode('same', 'median'), pd_mode('same', 'median'))} |")
    w(f"| in-process: varied, another date each time (both reuse their caches) | {cell_pd('varied')} | "
      f"{cell_ty('varied')} | {ratio(ty_mode('varied', 'median'), pd_mode('varied', 'median'))} |")
    w(f"| in-process: varied, Typst exporting PDF/UA-1 (as ours) | {cell_pd('varied')} | {cell_ty('varied-ua')} | "
      f"{ratio(ty_mode('varied-ua', 'median'), pd_mode('varied', 'median'))} |")
    if all("uncached" in r for r in inproc["pd"]):
        w(f"| in-process: no reuse, fonts loaded (ours `uncached`: caches emptied before each document; "
          f"Typst `nocache`: date via `sys.inputs`) | {cell_pd('uncached')} | {cell_ty('nocache')} | "
          f"{ratio(ty_mode('nocache', 'median'), pd_mode('uncached', 'median'))} |")
    else:  # an older bench_inprocess, without the uncached mode
        w(f"| in-process: Typst, date via `sys.inputs` (its caches invalidated, fonts loaded) | — (nearest: first document) | "
          f"{cell_ty('nocache')} | {ratio(ty_mode('nocache', 'median'), mid(pd_first))} (vs our first document) |")
    w(f"| in-process: Typst, one item's text edited each time (incremental) | — | {cell_ty('edit')} | |")
    pd_rss = mid([r["rss"] for r in inproc["pd"]])
    ty_rss = mid([r["rss"] for r in inproc["varied"]])
    ty_rss_nc = mid([r["rss"] for r in inproc["nocache"]])
    pd_docs = len([k for k in inproc["pd"][0] if k != "rss"]) * (args.pd_inproc_n + 1)
    w(f"| in-process: peak RSS of the process | {pd_rss:.1f} MiB ({pd_docs} documents) | "
      f"{ty_rss:.1f} MiB (`varied`), {ty_rss_nc:.1f} MiB (`nocache`), {args.inproc_n + 1} documents | {ratio(ty_rss, pd_rss)} |")
    w(f"| PDF bytes (cold output) | {pd_f['bytes']:,} | {ty_f['bytes']:,} | {ratio(ty_f['bytes'], pd_f['bytes'])} |")
    w(f"| PDF bytes (in-process, `same`) | {inproc['pd'][0]['same']['bytes']:,} | {inproc['same'][0]['bytes']:,} | "
      f"{ratio(inproc['same'][0]['bytes'], inproc['pd'][0]['same']['bytes'])} |")
    w(f"| pages | {pd_f.get('pages', '?')} | {ty_f.get('pages', '?')} | |")
    w(f"| tagged (pdfinfo) / PDF/UA claim | {pd_f.get('tagged', '?')} / {'yes' if pd_f['pdfua_claim'] else 'no'} | "
      f"{ty_f.get('tagged', '?')} / {'yes' if ty_f['pdfua_claim'] else 'no'} (default export) | |")
    w("")
    if "chars" in facts:
        w(f"Content check (pdftotext, whitespace removed): {facts['chars'][0]:,} characters in ours, "
          f"{facts['chars'][1]:,} in Typst's; only in ours: {facts['only_ours'] or 'nothing'}; "
          f"only in Typst's: {facts['only_typst'] or 'nothing'}.")
    w("")
    w("Per-round in-process medians (ms): " + "; ".join(
        [f"ours {m} {[r[m]['median'] for r in inproc['pd']]}" for m in ("same", "varied", "uncached") if m in inproc["pd"][0]]
        + [f"Typst {m} {[r['median'] for r in inproc[m]]}" for m in ("same", "varied", "varied-ua", "nocache", "edit")]))
    return "\n".join(L) + "\n"


def build_info() -> str:
    """When the two binaries were built, and the commit they sit on."""
    def when(path):
        st = stamp(path)
        return time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(st[0] / 1e9)) if st else "missing"

    head = subprocess.run(["git", "-C", REPO, "log", "-1", "--format=%h %cs"], capture_output=True, text=True).stdout.strip()
    dirty = subprocess.run(["git", "-C", REPO, "status", "--porcelain", "--untracked-files=no", "--",
                            ".", ":!benches/typst"],
                           capture_output=True, text=True).stdout.strip()
    return (f"predeparture built {when(BINARY)}, bench_inprocess built {when(INPROC)}; "
            f"work tree at {head or '?'}{' (with uncommitted changes)' if dirty else ''}")


def ty_version() -> str:
    try:
        import typst  # noqa: PLC0415

        return f"typst-py {typst.__version__}"
    except ImportError:
        return "typst-py not installed"


def main() -> None:
    ap = argparse.ArgumentParser(description="predeparture vs Typst on the same bilingual handout")
    ap.add_argument("--cold-n", type=int, default=25, help="cold runs of each tool (default 25)")
    ap.add_argument("--inproc-n", type=int, default=30, help="Typst compilations per in-process mode (default 30)")
    ap.add_argument("--pd-inproc-n", type=int, default=200, help="bench_inprocess documents per mode (default 200)")
    ap.add_argument("--rounds", type=int, default=3, help="interleaved in-process rounds (default 3)")
    ap.add_argument("--max-load", type=float, default=1.5, help="wait for the 1-min load average to fall below this")
    ap.add_argument("--max-wait", type=float, default=300, help="seconds to wait for it before going on anyway")
    ap.add_argument("--out", help="also write the Markdown report to this file")
    ap.add_argument("--json", help="also write the raw samples as JSON to this file")
    args = ap.parse_args()

    try:
        import typst  # noqa: F401, PLC0415
    except ImportError:
        sys.exit("pip install typst==0.15.2")
    wait_for_binaries()
    started = uptime()
    work = tempfile.mkdtemp(prefix="pd-typst-bench-")
    try:
        prep = prepare(work)
        log(f"wrote {prep['typ']}")
        cold, cold_load = phase("cold", cold_phase, (prep["typ"], work, args.cold_n), args.max_load, args.max_wait)
        facts = content_check(cold["pd_pdf"], cold["ty_pdf"])
        inproc, inproc_load = phase(
            "in-process", inproc_phase, (prep["typ"], args.rounds, args.inproc_n, args.pd_inproc_n),
            args.max_load, args.max_wait,
        )
        text = report(args, facts, cold, cold_load, inproc, inproc_load, started, uptime())
        print(text)
        if args.out:
            with open(args.out, "w", encoding="utf-8") as f:
                f.write(text)
        if args.json:
            with open(args.json, "w", encoding="utf-8") as f:
                json.dump({"facts": facts, "cold": cold, "cold_load": cold_load, "inproc": inproc,
                           "inproc_load": inproc_load}, f, indent=1, ensure_ascii=False)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
