#!/usr/bin/env python3
"""Make tests/fixtures/fonts/NotoSansCJKMini-Regular.ttc: a small font
collection for the `--font-dir` tests (tests/names.rs), cut from Debian's
fonts-noto-cjk (OFL, /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc).

It keeps the collection's Japanese face first, then the Korean, Simplified
and Traditional Chinese faces, as upstream orders them, each cut to a few
characters: 骨 and 直 (drawn differently in each region), 𠀋 (U+2000B,
which no bundled face has) and ASCII. Usage:

    apt-get install fonts-noto-cjk && pip install 'fonttools>=4.68'
    python3 scripts/make-test-collection.py [NotoSansCJK-Regular.ttc]
"""
import os
import sys

from fontTools import subset
from fontTools.ttLib import TTCollection

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SRC = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"
FACES = (0, 1, 2, 3)  # JP, KR, SC, TC
TEXT = "骨直\U0002000B" + "".join(chr(c) for c in range(0x20, 0x7F))


def main():
    src = sys.argv[1] if len(sys.argv) > 1 else SRC
    opts = subset.Options()
    opts.layout_features = []
    opts.hinting = False
    opts.name_IDs = ["*"]
    opts.name_languages = ["*"]
    opts.notdef_outline = True
    opts.drop_tables += ["GSUB", "GPOS", "GDEF", "BASE", "DSIG", "VORG", "vhea", "vmtx"]
    out = TTCollection()
    for number in FACES:
        opts.font_number = number
        font = subset.load_font(src, opts)
        sub = subset.Subsetter(opts)
        sub.populate(text=TEXT)
        sub.subset(font)
        out.fonts.append(font)
    dst = os.path.join(ROOT, "tests", "fixtures", "fonts", "NotoSansCJKMini-Regular.ttc")
    out.save(dst)
    print(f"{os.path.relpath(dst, ROOT)}: {os.path.getsize(dst):,} bytes")


if __name__ == "__main__":
    main()
