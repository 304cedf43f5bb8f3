#!/usr/bin/env python3
"""A/B of two builds' contents against PolNeAR gold (how session 14 on judged a rule on train).

    according-A analyze ../shared/data/polnear/train/text > a.jsonl
    according-B analyze ../shared/data/polnear/train/text > b.jsonl
    crates/according-attrib/scripts/content_ab.py a.jsonl b.jsonl ../shared/data/polnear/train [N]

For every attribution (matched by cue span) whose content differs between A and B, prints
whether each content equals a gold content exactly (whitespace and quote marks trimmed, as
`according eval attribution` trims; pieces joined by a space), the counts of
(A exact, B exact), and the first N changes.
"""
import collections
import json
import os
import sys

QUOTES = "\"“”'‘’"


def norm(t):
    return t.strip().strip(QUOTES).strip()


def gold_contents(split):
    """Gold content texts per article; the first .ann in sorted order, as the eval does."""
    gold = collections.defaultdict(set)
    seen = set()
    for f in sorted(os.listdir(os.path.join(split, "attributions"))):
        stem = f.rsplit("_", 1)[0]
        if stem in seen:
            continue
        seen.add(stem)
        for line in open(os.path.join(split, "attributions", f), encoding="utf-8"):
            p = line.rstrip("\n").split("\t")
            if p[0].startswith("T") and len(p) > 2 and p[1].split(" ")[0] == "Content":
                gold[stem].add(norm(p[2]))
    return gold


def load(fn):
    out = {}
    for line in open(fn, encoding="utf-8"):
        d = json.loads(line)
        out[d["id"]] = (d["text"], {(a["cue"]["start"], a["cue"]["end"]): a for a in d["attributions"]})
    return out


def main():
    a, b = load(sys.argv[1]), load(sys.argv[2])
    gold = gold_contents(sys.argv[3])
    show = int(sys.argv[4]) if len(sys.argv) > 4 else 30
    counts, changes = collections.Counter(), []
    for doc, (text, atts) in a.items():
        other = b.get(doc, (text, {}))[1]
        for cue, x in atts.items():
            y = other.get(cue)
            if y is None or x["content"]["spans"] == y["content"]["spans"]:
                continue
            # (Spans are code points; Python strings index code points too.)
            tx = norm(" ".join(text[s:e] for s, e in x["content"]["spans"]))
            ty = norm(" ".join(text[s:e] for s, e in y["content"]["spans"]))
            ex = (tx in gold[doc], ty in gold[doc])
            counts[ex] += 1
            changes.append((doc[:40], ex, x["cue"]["text"], tx[:120], ty[:120]))
    print("(A exact, B exact):", dict(counts))
    for c in changes[:show]:
        print(c)


if __name__ == "__main__":
    main()
