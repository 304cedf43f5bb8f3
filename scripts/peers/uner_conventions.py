"""How UniversalNER's English files type the names of countries, their capitals and other
geopolitical places (states, provinces, cities): LOC, or ORG where the place acts as a
government (`Russia announced`, `Beijing believes`).

    python3 scripts/peers/uner_conventions.py [DATA]

The names are the recogniser's own gazetteers (`crates/according-ner/data/countries.tsv`:
names, aliases, capitals; `places.tsv`: the GPE rows). A leading `the` is dropped, as the
scorer drops it. The EWT files are what the recogniser learns UniversalNER's conventions from;
PUD is what issue 3 scores it on.
"""

import collections
import sys
from pathlib import Path

from iob2 import read_iob2

HERE = Path(__file__).resolve().parents[2] / "crates" / "according-ner" / "data"


def geopolitical_names():
    names = set()
    for line in (HERE / "countries.tsv").read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        cols = line.split("\t") + ["", "", "", ""]
        names.add(cols[0])
        names.update(a for a in cols[1].split("|") if a)
        names.update(c for c in cols[3].split("|") if c)
    for line in (HERE / "places.tsv").read_text(encoding="utf-8").splitlines():
        cols = line.split("\t")
        if len(cols) >= 2 and cols[1] == "GPE":
            names.add(cols[0])
    return names


def main():
    data = Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/data")
    names = geopolitical_names()
    for f in sorted((data / "ner").glob("uner-en_*.iob2")):
        by_type = collections.Counter()
        as_org = collections.Counter()
        spans = (
            (" ".join(words[a:b]), kind)
            for words, found in read_iob2(f)
            for a, b, kind in found
        )
        for text, kind in spans:
            text = text[4:] if text.lower().startswith("the ") else text
            if text in names:
                by_type[kind] += 1
                if kind == "ORG":
                    as_org[text] += 1
        total = sum(by_type.values())
        org = by_type["ORG"]
        share = 100 * org / total if total else 0.0
        print(f"{f.name}: {total} geopolitical names, LOC {by_type['LOC']}, ORG {org} ({share:.1f}%)")
        if as_org:
            print("  as ORG: " + ", ".join(f"{n} {c}" for n, c in as_org.most_common()))


if __name__ == "__main__":
    main()
