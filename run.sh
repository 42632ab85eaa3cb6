#!/usr/bin/env bash
# Set up (once, and again when pyproject.toml changes) and run the app, the tests or the benchmark.
#   ./run.sh app [ARGS]    open the window (default experiment: the lecture's Boston net)
#   ./run.sh test [ARGS]   run the test suite (pytest ARGS)
#   ./run.sh bench [ARGS]  run bench/bench.py
set -euo pipefail
cd "$(dirname "$0")"
mode=${1:-app}
[ $# -gt 0 ] && shift
venv=${VENV:-.venv}
python=${PYTHON:-python3}

case "$mode" in
  app) extras="" ;;
  test|bench) extras="[test]" ;;
  *) echo "usage: ./run.sh app|test|bench [ARGS]" >&2; exit 2 ;;
esac

if [ ! -x "$venv/bin/python" ]; then
  "$python" -c 'import sys; sys.exit(sys.version_info < (3, 11))' \
    || { echo "Python 3.11 or newer is needed (set PYTHON=...)" >&2; exit 1; }
  "$python" -m venv "$venv"
fi
stamp="$venv/.installed$extras"
want=$(sha256sum pyproject.toml | cut -c1-16)
if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
  "$venv/bin/python" -m pip install --quiet --upgrade pip
  "$venv/bin/python" -m pip install --quiet -e ".$extras"
  echo "$want" > "$stamp"
fi

case "$mode" in
  app) exec "$venv/bin/python" main.py "$@" ;;
  test) QT_QPA_PLATFORM=${QT_QPA_PLATFORM:-offscreen} exec "$venv/bin/python" -m pytest "$@" ;;
  bench) QT_QPA_PLATFORM=${QT_QPA_PLATFORM:-offscreen} exec "$venv/bin/python" bench/bench.py "$@" ;;
esac
