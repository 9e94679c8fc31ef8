// Prints the text of each page of a PDF as pdf.js reads it, for
// tests/readers.rs: `node extract.mjs FILE.pdf`.
//
// Each page's text items are written in content order, a newline after an
// item that ends a line (`hasEOL`), and a form feed after each page, as
// pdftotext does. pdf.js's own warnings (a font it cannot parse, a broken
// cross-reference table it had to rebuild, ...) go to stderr, prefixed
// `pdf.js:`, so the test can fail on them.

import { readFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

// pdf.js reports through console.log; keep stdout for the text alone.
console.log = (...args) => process.stderr.write(`pdf.js: ${args.join(" ")}\n`);

const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");

const file = process.argv[2];
if (!file) {
    process.stderr.write("usage: node extract.mjs FILE.pdf\n");
    process.exit(2);
}

const dist = join(dirname(fileURLToPath(import.meta.url)), "node_modules", "pdfjs-dist");
const doc = await pdfjs.getDocument({
    data: new Uint8Array(await readFile(file)),
    cMapUrl: join(dist, "cmaps") + "/",
    cMapPacked: true,
    standardFontDataUrl: join(dist, "standard_fonts") + "/",
    useSystemFonts: false,
    disableFontFace: true,
    isEvalSupported: false,
    verbosity: pdfjs.VerbosityLevel.WARNINGS,
}).promise;

let out = "";
for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const content = await page.getTextContent();
    for (const item of content.items) {
        if ("str" in item) {
            out += item.str;
            if (item.hasEOL) out += "\n";
        }
    }
    out += "\f";
    page.cleanup();
}
process.stdout.write(out);
await doc.destroy();
