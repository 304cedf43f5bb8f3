"""UniversalNER IOB2 files, read as the peers scripts need them."""

from pathlib import Path


def read_iob2(path):
    """Sentences as (words, [(start, end, type)]): spans in token indices, end-exclusive; an
    `I-` tag without a `B-` before it opens a span, as `according eval ner` reads it."""
    sents, words, tags = [], [], []

    def flush():
        if words:
            spans, start, kind = [], None, None
            for i, t in enumerate(tags + ["O"]):
                if start is not None and not t.startswith("I-"):
                    spans.append((start, i, kind))
                    start = None
                if t.startswith("B-") or (t.startswith("I-") and start is None):
                    start, kind = i, t[2:]
            sents.append((list(words), spans))
        words.clear()
        tags.clear()

    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if not line.strip():
            flush()
        elif not line.startswith("#"):
            cols = line.split("\t")
            words.append(cols[1])
            tags.append(cols[2])
    flush()
    return sents
