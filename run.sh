#!/usr/bin/env bash
# Set up (once, and again when pyproject.toml or constraints.txt changes) and run the app, the
# tests or the benchmark. run.ps1 does the same on Windows; tests/test_run_scripts.py keeps the two
# in step.
#   ./run.sh app [ARGS]    open the window (default experiment: the lecture's Boston net)
#   ./run.sh test [ARGS]   run the test suite (pytest ARGS)
#   ./run.sh bench [ARGS]  run bench/bench.py
set -euo pipefail
cd "$(dirname "$0")"
mode=${1:-app}
[ $# -gt 0 ] && shift
venv=${VENV:-.venv}
python=${PYTHON:-python3}
constraints=constraints.txt  # the exact versions tested (README, "Tested versions")

case "$mode" in
  app) extras="" ;;
  test) extras="[test]" ;;
  bench) extras="[test]" ;;
  *) echo "usage: ./run.sh app|test|bench [ARGS]" >&2; exit 2 ;;
esac

if [ ! -x "$venv/bin/python" ]; then
  # The app needs 3.11; TensorFlow 2.21 (constraints.txt) has wheels up to 3.13.
  command -v "$python" >/dev/null || { echo "no $python found: install Python 3.11 to 3.13 (or set PYTHON=...)" >&2; exit 1; }
  "$python" -c 'import sys; sys.exit(not (3, 11) <= sys.version_info[:2] <= (3, 13))' \
    || { echo "Python 3.11 to 3.13 is needed, $python is $("$python" -V 2>&1): set PYTHON=python3.13 or the like" >&2; exit 1; }
  "$python" -m venv "$venv"
fi
py="$venv/bin/python"
stamp="$venv/.installed$extras"
# The stamp holds a hash of both files: a change to either reinstalls.
want=$("$py" -c 'import hashlib, sys
h = hashlib.sha256()
for name in sys.argv[1:]:
    with open(name, "rb") as f:
        h.update(f.read())
print(h.hexdigest()[:16])' pyproject.toml "$constraints")
if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
  "$py" -m pip install --quiet --upgrade pip
  "$py" -m pip install --quiet -c "$constraints" -e ".$extras"
  echo "$want" > "$stamp"
fi

case "$mode" in
  app) exec "$py" main.py "$@" ;;
  test) QT_QPA_PLATFORM=${QT_QPA_PLATFORM:-offscreen} exec "$py" -m pytest "$@" ;;
  bench) QT_QPA_PLATFORM=${QT_QPA_PLATFORM:-offscreen} exec "$py" bench/bench.py "$@" ;;
esac
