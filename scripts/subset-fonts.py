#!/usr/bin/env python3
"""Regenerate the bundled fonts in fonts/ from the upstream OFL releases.

Usage: see fonts/README.md ("Regenerating"):
    python3 scripts/subset-fonts.py SC/ LATIN/ TC/ KR/ Unihan_OtherMappings.txt.bz2

SC, LATIN, TC and KR are the unpacked npm packages @expo-google-fonts/noto-sans-sc,
noto-sans, noto-sans-tc and noto-sans-kr; the last argument is Unihan's
Unihan_OtherMappings.txt (plain or .bz2, e.g. from Debian's unicode-data),
whose kTGH field lists the 8,105 characters of 通用规范汉字表 (2013).

Primary faces (uncompressed, always loaded):
  * NotoSansSC: every character of GB 2312 (6,763 Hanzi plus its punctuation,
    full-width forms, kana, Greek and Cyrillic), CJK Symbols and Punctuation,
    Halfwidth/Fullwidth Forms, General Punctuation, ASCII, and every character
    used in locales/*/*.ftl and checklists/*.toml.
  * NotoSansTC (Taiwan glyph forms): the Big 5 symbols and its 5,401
    frequently used Hanzi (level 1), CJK punctuation, full-width forms, ASCII,
    and every character the catalog uses.
  * NotoSans: Latin (Basic, Latin-1, Extended-A/B/C/D, IPA, spacing modifiers,
    combining diacritics, Latin Extended Additional with Vietnamese), Greek and
    Greek Extended, Cyrillic and Cyrillic Supplement, General Punctuation,
    currency symbols, arrows, and every non-CJK character used in the locales.

Fallback faces (brotli-compressed, decompressed at first use), each holding
only what the primary faces lack:
  * NotoSansSCExt: 通用规范汉字表 (its 196 characters beyond Extension A
    too), Hiragana, Katakana and Katakana Phonetic Extensions, minus
    NotoSansSC: the characters of names, in a small face.
  * NotoSansSCRare: the rest of CJK Unified Ideographs, Extension A and CJK
    Compatibility Ideographs.
  * NotoSansTCExt: the Hanzi of Big 5 (both levels, 13,060) minus NotoSansTC.
  * NotoSansKR: Hangul Syllables, Hangul Jamo (and Extended-A/B),
    Hangul Compatibility Jamo, halfwidth Hangul.
Each fallback's characters are written to fonts/<Family>.coverage (hex code
point ranges), which predeparture reads to decide whether a face is needed
without decompressing it. fonts/charsets/ gets the 通用规范汉字表 list.

Hinting and OpenType layout tables are dropped: predeparture does its own
measuring and line breaking, and draws glyphs by their cmap entry.
"""
import bz2
import glob
import os
import sys

import brotli
from fontTools import subset
from fontTools.ttLib import TTFont

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FONTS = os.path.join(ROOT, "fonts")
WEIGHTS = (("400Regular", "Regular"), ("700Bold", "Bold"))


def gb2312_chars():
    chars = set()
    for hi in range(0xA1, 0xF8):
        for lo in range(0xA1, 0xFF):
            try:
                chars.add(bytes([hi, lo]).decode("gb2312"))
            except UnicodeDecodeError:
                pass
    return chars


def big5_chars(level1_only):
    """Big 5 as Python's codec maps it. Level 1: the symbols (0xA140-0xA3BF)
    and the 5,401 frequently used Hanzi (0xA440-0xC67E); else every code."""
    chars = set()
    for hi in range(0xA1, 0xFA):
        for lo in list(range(0x40, 0x7F)) + list(range(0xA1, 0xFF)):
            code = (hi << 8) | lo
            if level1_only and (0xA3BF < code < 0xA440 or code > 0xC67E):
                continue
            try:
                chars.add(bytes([hi, lo]).decode("big5"))
            except UnicodeDecodeError:
                pass
    return chars


def tongyong_guifan(path):
    """The 8,105 characters of 通用规范汉字表, by their number in the table (Unihan kTGH)."""
    opener = bz2.open if path.endswith(".bz2") else open
    entries = []
    with opener(path, "rt", encoding="utf-8") as f:
        for line in f:
            fields = line.rstrip("\n").split("\t")
            if len(fields) == 3 and fields[1] == "kTGH":
                number = int(fields[2].split(":")[1].split()[0])
                entries.append((number, chr(int(fields[0][2:], 16))))
    entries.sort()
    if len(entries) != 8105:
        sys.exit(f"{path}: {len(entries)} kTGH entries, expected 8,105")
    return [c for _, c in entries]


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


def cmap(path):
    return {chr(c) for c in TTFont(path).getBestCmap()}


def run(src, dst, chars, psname=None):
    """Subsets `src` to `chars` (and names it `psname`, when given, so that
    a PDF tells the face apart); returns the characters the result maps."""
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
    if psname:
        for record in font["name"].names:
            if record.nameID == 6:
                record.string = psname
    subset.save_font(font, dst, opts)
    mapped = {chr(c) for c in font.getBestCmap()}
    print(f"{os.path.relpath(dst, ROOT)}: {len(mapped)} characters, {os.path.getsize(dst):,} bytes")
    return mapped


def packed(src, family, weight, chars):
    """A fallback face: subset, then brotli-compressed as fonts/<family>-<weight>.ttf.br."""
    tmp = os.path.join(FONTS, f"{family}-{weight}.tmp.ttf")
    mapped = run(src, tmp, chars, f"{family}-{weight}")
    with open(tmp, "rb") as f:
        data = f.read()
    os.remove(tmp)
    dst = os.path.join(FONTS, f"{family}-{weight}.ttf.br")
    with open(dst, "wb") as f:
        f.write(brotli.compress(data, quality=11, lgwin=24))
    print(f"  -> {os.path.relpath(dst, ROOT)}: {os.path.getsize(dst):,} bytes")
    return mapped


def write_coverage(family, mapped):
    cps = sorted(ord(c) for c in mapped)
    spans = []
    for cp in cps:
        if spans and spans[-1][1] == cp - 1:
            spans[-1][1] = cp
        else:
            spans.append([cp, cp])
    with open(os.path.join(FONTS, f"{family}.coverage"), "w", encoding="ascii") as f:
        f.write(f"# {family}: {len(cps)} characters, as hex code point ranges (scripts/subset-fonts.py)\n")
        for lo, hi in spans:
            f.write(f"{lo:X}\n" if lo == hi else f"{lo:X}-{hi:X}\n")


def write_charset(name, chars, note):
    os.makedirs(os.path.join(FONTS, "charsets"), exist_ok=True)
    with open(os.path.join(FONTS, "charsets", name), "w", encoding="utf-8") as f:
        f.write(f"# {note}\n")
        for i in range(0, len(chars), 50):
            f.write("".join(chars[i:i + 50]) + "\n")


def fallback(src_dir, font, family, chars, minus):
    """Both weights of a fallback family; returns its characters."""
    seen = None
    for up, weight in WEIGHTS:
        src = os.path.join(src_dir, up, f"{font}_{up}.ttf")
        mapped = packed(src, family, weight, (chars & cmap(src)) - minus[weight])
        if seen is not None and mapped != seen:
            sys.exit(f"{family}: the weights map different characters")
        seen = mapped
    write_coverage(family, seen)
    return seen


def main():
    if len(sys.argv) != 6:
        sys.exit(__doc__)
    sc_dir, latin_dir, tc_dir, kr_dir, unihan = sys.argv[1:]
    common = ranges((0x20, 0x7E), (0xA0, 0xFF), (0x2000, 0x206F))
    text = locale_chars()
    cjk_common = common | ranges((0x3000, 0x303F), (0xFF00, 0xFFEF)) | text
    latin = common | ranges(
        (0x100, 0x24F), (0x250, 0x2FF), (0x300, 0x36F), (0x370, 0x3FF), (0x400, 0x52F),
        (0x1E00, 0x1EFF), (0x1F00, 0x1FFF), (0x2C60, 0x2C7F), (0xA720, 0xA7FF),
        (0x20A0, 0x20BF), (0x2190, 0x21FF)) | {c for c in text if not is_cjk(c)}
    primary = {}
    for up, name in WEIGHTS:
        primary[("SC", name)] = run(os.path.join(sc_dir, up, f"NotoSansSC_{up}.ttf"),
                                    os.path.join(FONTS, f"NotoSansSC-{name}.ttf"), gb2312_chars() | cjk_common)
        run(os.path.join(latin_dir, up, f"NotoSans_{up}.ttf"), os.path.join(FONTS, f"NotoSans-{name}.ttf"), latin)
        primary[("TC", name)] = run(os.path.join(tc_dir, up, f"NotoSansTC_{up}.ttf"),
                                    os.path.join(FONTS, f"NotoSansTC-{name}.ttf"), big5_chars(True) | cjk_common)

    tgh = tongyong_guifan(unihan)
    write_charset("tongyong-guifan-8105.txt", tgh,
                  "通用规范汉字表 (2013), 8,105 characters in table order, from Unihan kTGH (Unicode 15.0)")
    han = ranges((0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF))
    kana = ranges((0x3040, 0x30FF), (0x31F0, 0x31FF))
    # Names mostly use 通用规范汉字表: its characters beyond GB 2312 get a
    # small face of their own, quick to decompress; the rarer rest another.
    common = fallback(sc_dir, "NotoSansSC", "NotoSansSCExt", set(tgh) | kana,
                      {w: primary[("SC", w)] for _, w in WEIGHTS})
    fallback(sc_dir, "NotoSansSC", "NotoSansSCRare", han, {w: primary[("SC", w)] | common for _, w in WEIGHTS})
    big5_han = big5_chars(False) & han
    fallback(tc_dir, "NotoSansTC", "NotoSansTCExt", big5_han, {w: primary[("TC", w)] for _, w in WEIGHTS})
    hangul = ranges((0xAC00, 0xD7A3), (0x1100, 0x11FF), (0x3130, 0x318F), (0xA960, 0xA97F),
                    (0xD7B0, 0xD7FF), (0xFFA0, 0xFFDC))
    fallback(kr_dir, "NotoSansKR", "NotoSansKR", hangul, {w: set() for _, w in WEIGHTS})


if __name__ == "__main__":
    main()
