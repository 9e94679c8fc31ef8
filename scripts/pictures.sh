#!/usr/bin/env bash
# Regenerates the README's pictures and sample PDF from the current code:
# examples/student-zh-CN-en.pdf and the PNG pages beside it. Needs
# poppler-utils (pdftoppm). The web page's screenshot, examples/serve.png,
# is taken by the browser test: UPDATE_SCREENSHOTS=1 cargo test --test serve.
# BIN=path/to/predeparture uses a binary already built.
set -euo pipefail
cd "$(dirname "$0")/.."
export SOURCE_DATE_EPOCH=1764547200   # 2025-12-01: pictures do not change with the day
if [ -z "${BIN:-}" ]; then
    cargo build --release --quiet
    BIN=target/release/predeparture
fi
bin=$BIN
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

"$bin" render --bundled -q --checklist student --lang zh-CN,en --destination US -o examples/student-zh-CN-en.pdf
pdftoppm -png -r 80 -f 1 -l 1 -singlefile examples/student-zh-CN-en.pdf examples/handout
last=$(pdfinfo examples/student-zh-CN-en.pdf | awk '/^Pages:/ {print $2}')
pdftoppm -png -r 80 -f "$last" -l "$last" -singlefile examples/student-zh-CN-en.pdf examples/handout-card

"$bin" render --bundled -q --checklist student --profile phone --lang zh-CN,en --destination GB -o "$tmp/phone.pdf"
pdftoppm -png -r 110 -f 1 -l 1 -singlefile "$tmp/phone.pdf" examples/phone

"$bin" render --bundled -q --checklist overseas-staff --profile packet --org examples/org/org.toml \
    --name "Wang Fang" --destination KE --departure 2026-12-01 --date 2026-11-22 -o "$tmp/packet.pdf"
pdftoppm -png -r 80 -f 1 -l 1 -singlefile "$tmp/packet.pdf" examples/packet
ls -l examples/*.png examples/*.pdf
