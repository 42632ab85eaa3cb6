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
# The app needs Python 3.11; TensorFlow 2.21 (constraints.txt) has wheels up to 3.13.
version_code='import sys; sys.exit(not (3, 11) <= sys.version_info[:2] <= (3, 13))'

case "$mode" in
  app) extras="" ;;
  test) extras="[test]" ;;
  bench) extras="[test]" ;;
  *) echo "usage: ./run.sh app|test|bench [ARGS]" >&2; exit 2 ;;
esac

# Before a window opens on Linux: is there a display, and can a Qt platform plugin for it load?
# One clear message instead of Qt's abort, and the first before any set-up. Both are skipped for
# --headless and --help, and together take about 30 ms (one ldd per plugin).
needs_window() {
  local arg
  [ "$mode" = app ] && [ "$(uname -s)" = Linux ] || return 1
  for arg in "$@"; do
    case "$arg" in --hea*|-h|--help) return 1 ;; esac
  done
}

# The platform plugins Qt will try, in its order.
qt_platforms() {
  if [ -n "${QT_QPA_PLATFORM:-}" ]; then
    echo "$QT_QPA_PLATFORM" | tr ';' '\n'
  else
    [ -z "${WAYLAND_DISPLAY:-}" ] || echo wayland
    [ -z "${DISPLAY:-}" ] || echo xcb
  fi
}

check_display() {
  if [ -z "$(qt_platforms)" ]; then
    echo "No display (DISPLAY and WAYLAND_DISPLAY are unset): train without a window with" >&2
    echo "./run.sh app --headless [--preset NAME ...], or draw offscreen with QT_QPA_PLATFORM=offscreen." >&2
    exit 1
  fi
}

# The Debian/Ubuntu packages Qt's xcb platform plugin needs (README, "System libraries").
apt_line="sudo apt-get install libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 \\
  libxcb-render-util0 libxcb-shape0 libxcb-xkb1 libxkbcommon-x11-0 libegl1 libgl1 libfontconfig1 \\
  libdbus-1-3 libglib2.0-0"

check_qt_libraries() {
  local name plugin found missing="" wayland=""
  command -v ldd >/dev/null || return 0
  # Qt takes the first plugin that loads: all is well as soon as one has all its libraries.
  for name in $(qt_platforms); do
    case "${name%%:*}" in
      xcb) plugin=libqxcb.so ;;
      wayland*) plugin=libqwayland.so; wayland=1 ;;
      *) return 0 ;;  # offscreen, vnc, eglfs...: not checked here
    esac
    plugin=$(echo "$venv"/lib/python3*/site-packages/PySide6/Qt/plugins/platforms/"$plugin")
    [ -f "$plugin" ] || return 0  # another layout: leave it to Qt
    found=$(ldd "$plugin" 2>/dev/null | awk '/not found/ {print $1}' | sort -u | tr '\n' ' ')
    [ -z "$found" ] && return 0
    missing+="$found"
  done
  echo "The window needs system libraries that are missing: ${missing% }" >&2
  echo "On Debian or Ubuntu, install them with" >&2
  echo "  $apt_line" >&2
  [ -z "$wayland" ] || echo "  (and for Wayland, libwayland-cursor0)" >&2
  echo "or train without a window: ./run.sh app --headless [--preset NAME ...]" >&2
  exit 1
}

window=""
if needs_window "$@"; then window=1; check_display; fi

if [ ! -x "$venv/bin/python" ]; then
  command -v "$python" >/dev/null || { echo "no $python found: install Python 3.11 to 3.13 (or set PYTHON=...)" >&2; exit 1; }
  "$python" -c "$version_code" \
    || { echo "Python 3.11 to 3.13 is needed, $python is $("$python" -V 2>&1): set PYTHON=python3.13 or the like" >&2; exit 1; }
  "$python" -m venv "$venv"
fi
py="$venv/bin/python"
stamp="$venv/.installed$extras"
# The stamp holds a hash of both files: a change to either reinstalls. (The same code as in
# run.ps1, with no quotes inside so that PowerShell 5 passes it unchanged.)
hash_code='import hashlib, pathlib, sys; h = hashlib.sha256(); [h.update(pathlib.Path(n).read_bytes()) for n in sys.argv[1:]]; print(h.hexdigest()[:16])'
want=$("$py" -c "$hash_code" pyproject.toml "$constraints")
if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
  "$py" -m pip install --quiet --upgrade pip
  "$py" -m pip install --quiet -c "$constraints" -e ".$extras"
  echo "$want" > "$stamp"
fi

case "$mode" in
  app)
    [ -z "$window" ] || check_qt_libraries
    exec "$py" main.py "$@" ;;
  test) QT_QPA_PLATFORM=${QT_QPA_PLATFORM:-offscreen} exec "$py" -m pytest "$@" ;;
  bench) QT_QPA_PLATFORM=${QT_QPA_PLATFORM:-offscreen} exec "$py" bench/bench.py "$@" ;;
esac
