#!/usr/bin/env bash
# Python with pyarrow for the Parquet read-back test (tests/exports.rs).
# Usage: crates/according-corpus/scripts/setup-python.sh [VENV_DIR]
# The test looks for $ACCORDING_PYTHON, then /work/venv-corpus/bin/python, then python3; it is
# skipped with a message when none can `import pyarrow`.
set -euo pipefail
venv="${1:-/work/venv-corpus}"
if "$venv/bin/python" -c "import pyarrow" 2>/dev/null; then
  echo "pyarrow already in $venv"
  exit 0
fi
python3 -m venv "$venv"
"$venv/bin/pip" install --quiet --disable-pip-version-check pyarrow
"$venv/bin/python" -c "import pyarrow; print('pyarrow', pyarrow.__version__, 'in $venv')"
