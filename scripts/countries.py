#!/usr/bin/env python3
"""Writes checklists/countries.toml: every ISO 3166-1 country with its name
in each shipped language, from the Unicode CLDR (through the `babel`
package) and the ISO list (through `pycountry`).

    pip install babel pycountry
    python3 scripts/countries.py > checklists/countries.toml

China and its special administrative regions, and Taiwan, are left out:
the consular channels these checklists print are for travel abroad.
"""

import babel
from babel import Locale
import pycountry

LANGS = {"en": "en", "zh-CN": "zh_Hans_CN", "zh-TW": "zh_Hant_TW"}
LEFT_OUT = {"CN", "HK", "MO", "TW"}

def main() -> None:
    cldr = {tag: Locale.parse(name) for tag, name in LANGS.items()}
    print("# Countries a destination may name: ISO 3166-1 alpha-2 code and the")
    print("# name in each language, from the Unicode CLDR (babel " + babel.__version__ + ")")
    print("# and ISO 3166-1 (pycountry " + pycountry.__version__ + "). Regenerate with")
    print("# scripts/countries.py. China's SARs and Taiwan are left out (see there).")
    print("# Missions and numbers are in channels.toml; a country listed here but not")
    print("# there gets the write-in lines and where to look the numbers up.")
    for c in sorted(pycountry.countries, key=lambda c: c.alpha_2):
        code = c.alpha_2
        if code in LEFT_OUT:
            continue
        names = {tag: loc.territories.get(code) for tag, loc in cldr.items()}
        if not all(names.values()):
            continue
        print()
        print("[[country]]")
        print(f'code = "{code}"')
        inner = ", ".join(f'{tag} = "{n}"' for tag, n in names.items())
        print(f"name = {{ {inner} }}")
        official = getattr(c, "official_name", None)
        aliases = sorted({a for a in [c.name, getattr(c, "common_name", None), official, c.alpha_3] if a and a != names["en"]})
        if aliases:
            print("aliases = [" + ", ".join(f'"{a}"' for a in aliases) + "]")

if __name__ == "__main__":
    main()
