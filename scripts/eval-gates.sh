#!/usr/bin/env bash
# Evaluation gates: load the committed (embedded) models and score them on held-out data.
# The floors themselves are asserted by the crates' gate tests (run by `cargo test`):
#   according-tagger/tests/accuracy.rs, according-parser/tests/floors.rs,
#   according-attrib/tests/eval_floors.rs, according-html/tests/zyte_gate.rs,
#   according-text/tests/seed.rs, according-ner/tests/seed_article.rs.
# This script prints the scoreboard with the same commands README quotes, and fails when a
# command fails or the HTML F1 falls below its floor.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${ACCORDING_BIN:-target/release/according}
[ -x "$bin" ] || cargo build --release --locked
D=../shared/data
run() { echo "\$ according $*"; "$bin" "$@"; echo; }
run eval tagger "$D/ud/en_ewt-ud-test.conllu" "$D/ud/en_pud-ud-test.conllu"
run eval parser "$D/ud/en_ewt-ud-test.conllu" "$D/ud/en_pud-ud-test.conllu"
run eval ner "$D/ner/uner-en_pud-ud-test.iob2"
run eval attribution --gold "$D/polnear/dev"
run eval sbd "$D/ud/en_pud-ud-test.conllu" "$D/ud/en_gum-test.conllu"
run eval html "$D/html/zyte" --min-f1 0.95
