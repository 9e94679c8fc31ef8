#!/usr/bin/env python3
"""In-process Typst benchmark, the counterpart of examples/bench_inprocess.rs.

    python3 typst_inprocess.py HANDOUT.typ FONT_DIR MODE N [--ua]

One `typst.Compiler` (one Typst "world": the source file, the fonts, the
sys.inputs) compiles the handout to PDF bytes in memory N + 1 times; the
first compilation (fonts loaded, nothing memoized yet) is reported apart
from the N after it. Prints one line in bench_inprocess's format:

    mode=MODE n=N first_ms=… median_ms=… min_ms=… p90_ms=… bytes=… maxrss_kib=…

MODE says what changes from one compilation to the next:

* `same`:   nothing. Typst memoizes (comemo) evaluation and layout across
            compilations, so after the first it mostly checks its caches.
* `date`:   `sys.inputs.date`, the PDF's creation date (like our renderer's
            per-document timestamp). Page content is unchanged, so Typst
            may reuse the memoized layout of every block.
* `varied`: `sys.inputs.date` and `sys.inputs.stamp`; handout.typ puts
            `metadata(stamp)` into every block, so every block's content
            differs from every earlier compilation and no block's layout can
            be reused. (Fonts stay loaded and text shaping caches stay warm,
            as our renderer keeps its fonts; comemo's cache is process-wide
            and is never evicted here.)

`--ua` exports PDF/UA-1 (`pdf_standards=["ua-1"]`), as our handout claims;
by default Typst writes a tagged PDF without a PDF/UA claim.

Run each mode in a fresh process (bench.py does) so no mode warms another.
"""

import datetime
import resource
import sys
import time

import typst


def main() -> None:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    if len(args) != 4 or args[2] not in ("same", "date", "varied"):
        sys.exit("usage: typst_inprocess.py HANDOUT.typ FONT_DIR same|date|varied N [--ua]")
    path, font_dir, mode, n = args[0], args[1], args[2], int(args[3])
    standards = ["ua-1"] if "--ua" in sys.argv else []
    base = datetime.date(2026, 12, 1)

    def inputs(i: int) -> dict:
        if mode == "same" or i == 0:
            return {"date": base.isoformat()}
        date = (base + datetime.timedelta(days=i)).isoformat()
        if mode == "date":
            return {"date": date}
        return {"date": date, "stamp": f"document {i}"}

    compiler = typst.Compiler(path, font_paths=[font_dir], ignore_system_fonts=True)
    t = time.perf_counter()
    pdf = compiler.compile(format="pdf", sys_inputs=inputs(0), pdf_standards=standards)
    first = (time.perf_counter() - t) * 1e3
    size = len(pdf)
    times = []
    for i in range(1, n + 1):
        request = inputs(i)
        t = time.perf_counter()
        compiler.compile(format="pdf", sys_inputs=request, pdf_standards=standards)
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
