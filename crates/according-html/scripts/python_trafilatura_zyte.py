#!/usr/bin/env python3
"""Score Python trafilatura on the Zyte benchmark with the benchmark's own metric.

Usage: /work/venv-html/bin/python scripts/python_trafilatura_zyte.py ../shared/data/html/zyte
Prints precision, recall, F1 and pages/s (extraction time only), sequential, one core.
"""
import gzip
import json
import re
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

import trafilatura

TOKEN_RE = re.compile(r"\w+", re.UNICODE | re.MULTILINE | re.IGNORECASE | re.DOTALL)


def shingles(text, n=4):
    tokens = TOKEN_RE.findall(text or "")
    out = [tuple(tokens[i:i + n]) for i in range(0, max(1, len(tokens) - n + 1))]
    return Counter(s for s in out if s)


def match(true, pred):
    t, p = shingles(true), shingles(pred)
    tp = fp = fn = 0.0
    for k in set(t) | set(p):
        tc, pc = t.get(k, 0), p.get(k, 0)
        tp += min(tc, pc)
        fp += max(0, pc - tc)
        fn += max(0, tc - pc)
    s = tp + fp + fn
    return (tp / s, fp / s, fn / s) if s > 0 else (tp, fp, fn)


def prec(tp, fp, fn):
    if fp == fn == 0:
        return 1.0
    if tp == fp == 0:
        return 0.0
    return tp / (tp + fp)


def rec(tp, fp, fn):
    if fp == fn == 0:
        return 1.0
    if tp == fn == 0:
        return 0.0
    return tp / (tp + fn)


def main():
    root = Path(sys.argv[1])
    gt = json.loads((root / "ground-truth.json").read_text(encoding="utf8"))
    pages = []
    for key in sorted(gt):
        html = gzip.decompress((root / "html" / f"{key}.html.gz").read_bytes()).decode("utf8", "replace")
        pages.append((key, html, gt[key]))
    counts = []
    elapsed = 0.0
    for key, html, entry in pages:
        t0 = time.perf_counter()
        text = trafilatura.extract(html, url=entry.get("url")) or ""
        elapsed += time.perf_counter() - t0
        counts.append(match(entry.get("articleBody", ""), text))
    p = statistics.mean(prec(*c) for c in counts if c[0] + c[1] > 0)
    r = statistics.mean(rec(*c) for c in counts if c[0] + c[2] > 0)
    f1 = 2 * p * r / (p + r)
    print(f"python-trafilatura {trafilatura.__version__}: P={p:.4f} R={r:.4f} F1={f1:.4f} "
          f"pages={len(pages)} pages/s={len(pages) / elapsed:.1f}")


if __name__ == "__main__":
    main()
