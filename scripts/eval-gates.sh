#!/usr/bin/env bash
# Evaluation gates: load the committed models, score them on held-out data, and fail if a
# score falls below its floor. Floors are in eval/floors.tsv (component, metric, floor).
set -euo pipefail
cd "$(dirname "$0")/.."
bin=target/release/according
[ -x "$bin" ] || cargo build --release --locked
echo "(no gates registered yet)"
