#!/usr/bin/env python3
"""Regenerate the bundled fonts in fonts/ from the upstream OFL releases.

Usage: see fonts/README.md ("Regenerating"):
    python3 scripts/subset-fonts.py SC/ LATIN/ TC/

Coverage (documented in fonts/README.md):
  * Noto Sans SC: every Hanzi and symbol of GB 2312 (6,763 Hanzi plus its
    punctuation, full-width forms, kana, Greek and Cyrillic), CJK Symbols and
    Punctuation, Halfwidth/Fullwidth Forms, General Punctuation, ASCII, and
    every character used in locales/*/*.ftl and checklists/*.toml.
  * Noto Sans TC (Traditional Chinese, Taiwan glyph forms): the Big 5
    symbols and its 5,401 frequently used Hanzi (level 1), CJK punctuation,
    full-width forms, ASCII, and every character the catalog uses.
  * Noto Sans: Basic Latin, Latin-1, Latin Extended-A, General Punctuation,
    currency symbols, arrows, and every non-CJK character used in the locales.
Hinting and OpenType layout tables are dropped: predeparture does its own
measuring and line breaking, and draws glyphs by their cmap entry.
"""
import glob
import os
import sys

from fontTools import subset

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def gb2312_chars():
    chars = set()
    for hi in range(0xA1, 0xF8):
        for lo in range(0xA1, 0xFF):
            try:
                chars.add(bytes([hi, lo]).decode("gb2312"))
            except UnicodeDecodeError:
                pass
    return chars


def big5_level1_chars():
    """Big 5 symbols (0xA140-0xA3BF) and its 5,401 frequently used Hanzi (0xA440-0xC67E)."""
    chars = set()
    for hi in range(0xA1, 0xC7):
        for lo in list(range(0x40, 0x7F)) + list(range(0xA1, 0xFF)):
            code = (hi << 8) | lo
            if 0xA3BF < code < 0xA440 or code > 0xC67E:
                continue
            try:
                chars.add(bytes([hi, lo]).decode("big5"))
            except UnicodeDecodeError:
                pass
    return chars


def locale_chars():
    chars = set()
    paths = glob.glob(os.path.join(ROOT, "locales", "*", "*.ftl")) + glob.glob(os.path.join(ROOT, "checklists", "*.toml"))
    for path in paths:
        with open(path, encoding="utf-8") as f:
            chars.update(f.read())
    return {c for c in chars if ord(c) >= 0x20}


def ranges(*spans):
    return {chr(cp) for lo, hi in spans for cp in range(lo, hi + 1)}


def is_cjk(c):
    cp = ord(c)
    return 0x2E80 <= cp <= 0x9FFF or 0xF900 <= cp <= 0xFAFF or 0xFF00 <= cp <= 0xFFEF


def run(src, dst, chars):
    opts = subset.Options()
    opts.layout_features = []
    opts.hinting = False
    opts.name_IDs = ["*"]
    opts.name_languages = ["*"]
    opts.notdef_outline = True
    opts.drop_tables += ["GSUB", "GPOS", "GDEF", "BASE", "DSIG"]
    font = subset.load_font(src, opts)
    sub = subset.Subsetter(opts)
    sub.populate(unicodes=[ord(c) for c in sorted(chars)])
    sub.subset(font)
    subset.save_font(font, dst, opts)
    cmap = font.getBestCmap()
    print(f"{os.path.relpath(dst, ROOT)}: {len(cmap)} characters, {os.path.getsize(dst):,} bytes")


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    sc_dir, latin_dir, tc_dir = sys.argv[1], sys.argv[2], sys.argv[3]
    common = ranges((0x20, 0x7E), (0xA0, 0xFF), (0x2000, 0x206F))
    text = locale_chars()
    cjk_common = common | ranges((0x3000, 0x303F), (0xFF00, 0xFFEF)) | text
    cjk = gb2312_chars() | cjk_common
    tc = big5_level1_chars() | cjk_common
    latin = common | ranges((0x100, 0x17F), (0x20A0, 0x20BF), (0x2190, 0x21FF)) | {
        c for c in text if not is_cjk(c)
    }
    out = os.path.join(ROOT, "fonts")
    for weight, name in (("400Regular", "Regular"), ("700Bold", "Bold")):
        run(os.path.join(sc_dir, weight, f"NotoSansSC_{weight}.ttf"),
            os.path.join(out, f"NotoSansSC-{name}.ttf"), cjk)
        run(os.path.join(latin_dir, weight, f"NotoSans_{weight}.ttf"),
            os.path.join(out, f"NotoSans-{name}.ttf"), latin)
        run(os.path.join(tc_dir, weight, f"NotoSansTC_{weight}.ttf"),
            os.path.join(out, f"NotoSansTC-{name}.ttf"), tc)


if __name__ == "__main__":
    main()
