"""Regenerate the country skeleton in countries.yaml from pycountry.

Run once when pycountry adds or renames a state:
    .venv/bin/python plugins/topics/data/build_countries.py
The YAML stays the source of truth: entries already there keep every hand-curated
field (short name, aliases, demonyms, capitals, leaders, ambiguity); only states
missing from it are added, with pycountry's names as a starting point.
"""
from pathlib import Path

import pycountry
import yaml

HERE = Path(__file__).parent
TARGET = HERE / "countries.yaml"

# pycountry lists territories too; these are not UN member states (Taiwan, Palestine
# and Kosovo are kept on purpose, the newsletter covers them as states).
NOT_STATES = set(
    "AW AI AX AS AQ TF BQ BL BM BV CC CK CW CX KY EH FK FO GG GI GP GL GF GU HK HM IM IO JE MQ "
    "MO MF MP MS YT NC NF NU PN PR PF RE GS SH SJ PM SX TC TK UM VA VG VI WF".split()
)
EXTRA = [{"iso": "XK", "name": "Kosovo", "aliases": ["Republic of Kosovo"]}]


def skeleton(country):
    """pycountry names as a first draft: common name first, the rest as aliases."""
    name = getattr(country, "common_name", None) or country.name
    aliases = {country.name, getattr(country, "official_name", None) or country.name} - {name}
    aliases = sorted(a for a in aliases if "," not in a)
    return {"iso": country.alpha_2, "name": name, "aliases": aliases}


def main():
    current = yaml.safe_load(TARGET.read_text(encoding="utf-8")) if TARGET.exists() else []
    known = {entry["iso"] for entry in current}
    fresh = [skeleton(c) for c in pycountry.countries if c.alpha_2 not in NOT_STATES]
    added = [e for e in fresh + EXTRA if e["iso"] not in known]
    entries = sorted(current + added, key=lambda e: e["name"])
    TARGET.write_text(
        "# Countries: one entry per state. `name` is the short topic name (DESIGN contract 6).\n"
        "# Regenerate missing states with build_countries.py; edit everything else by hand.\n"
        + yaml.safe_dump(entries, allow_unicode=True, sort_keys=False, width=110, default_flow_style=None),
        encoding="utf-8",
    )
    print(f"{len(entries)} countries ({len(added)} added)")


if __name__ == "__main__":
    main()
