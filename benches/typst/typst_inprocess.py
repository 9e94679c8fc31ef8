#!/usr/bin/env python3
"""In-process Typst benchmark, the counterpart of examples/bench_inprocess.rs.

    python3 typst_inprocess.py HANDOUT.typ FONT_DIR MODE N [--ua]

One `typst.Compiler` (one Typst "world": fonts, files, sys.inputs) compiles
the handout to PDF bytes in memory N + 1 times; the first compilation
(fonts read and parsed, nothing memoized yet) is reported apart from the N
after it. Prints one line in bench_inprocess's format:

    mode=MODE n=N first_ms=… median_ms=… min_ms=… p90_ms=… bytes=… maxrss_kib=…

Typst memoizes evaluation and layout (the comemo crate) in a process-wide
cache that survives from one compilation to the next; our renderer likewise
keeps the paragraphs it has set (per Renderer) and its deflated page
streams and QR codes (per process). MODE says what changes between
compilations, and so how much Typst can reuse:

* `same`:    nothing; after the first compilation Typst mostly validates
             its cache and exports again.
* `varied`:  the compile call's `timestamp` (SOURCE_DATE_EPOCH), a day later
             each time, which handout.typ's `set document(date: auto)` makes
             the PDF's creation date; like our `varied` (another "today" and
             timestamp per document, same paragraphs). Layout is reused.
* `nocache`: the same date, passed as `sys.inputs.date` instead. sys.inputs
             are part of Typst's standard-library value, so a new value
             invalidates everything memoized under it: each compilation
             redoes evaluation, layout and export (checked: changing an
             *unused* sys.inputs key costs the same). Only the loaded fonts
             and process-level lazy data stay warm. Our bench_inprocess has
             no such mode; its nearest figure is a fresh renderer's first
             document.
* `edit`:    the source itself: one checklist item's English text gets a
             different number each time, everything else unchanged, Typst's
             incremental case (what `typst watch` sees after an edit). For
             information only.

`--ua` exports PDF/UA-1 (`pdf_standards=["ua-1"]`), as our handout claims;
by default Typst 0.15 writes a tagged PDF without a PDF/UA claim.

Run each mode in a fresh process (bench.py does) so no mode warms another.
"""

import datetime
import resource
import sys
import time

import typst

MODES = ("same", "varied", "nocache", "edit")
# The first document's timestamp and date, as in examples/bench_inprocess.rs.
TIMESTAMP = 1_764_547_200
DATE = datetime.date(2026, 12, 1)


def main() -> None:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    if len(args) != 4 or args[2] not in MODES:
        sys.exit("usage: typst_inprocess.py HANDOUT.typ FONT_DIR same|varied|nocache|edit N [--ua]")
    path, font_dir, mode, n = args[0], args[1], args[2], int(args[3])
    standards = ["ua-1"] if "--ua" in sys.argv else []
    with open(path, "rb") as f:
        source = f.read()
    # The first checklist item's English text: the second string literal of
    # the first `#item(` call.
    at_item = source.index(b"#item(")
    at_en = source.index(b'", "', at_item) + len(b'", "')

    def request(i: int) -> dict:
        """The arguments of compilation number i (0: the first document)."""
        r = {"input": source, "timestamp": TIMESTAMP}
        if i == 0 or mode == "same":
            return r
        if mode == "varied":
            r["timestamp"] = TIMESTAMP + i * 86_400
        elif mode == "nocache":
            r["sys_inputs"] = {"date": (DATE + datetime.timedelta(days=i)).isoformat()}
        elif mode == "edit":
            r["input"] = source[:at_en] + b"(edit %d) " % i + source[at_en:]
        return r

    compiler = typst.Compiler(font_paths=[font_dir], ignore_system_fonts=True)
    t = time.perf_counter()
    pdf = compiler.compile(format="pdf", pdf_standards=standards, **request(0))
    first = (time.perf_counter() - t) * 1e3
    size = len(pdf)
    times = []
    for i in range(1, n + 1):
        r = request(i)
        t = time.perf_counter()
        compiler.compile(format="pdf", pdf_standards=standards, **r)
        times.append((time.perf_counter() - t) * 1e3)
    times.sort()

    def at(q: float) -> float:
        return times[round((len(times) - 1) * q)]

    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(
        f"mode={mode} n={n} first_ms={first:.2f} median_ms={at(0.5):.2f} "
        f"min_ms={at(0.0):.2f} p90_ms={at(0.9):.2f} bytes={size} maxrss_kib={rss}"
    )


if __name__ == "__main__":
    main()
