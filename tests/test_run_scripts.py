"""run.sh and run.ps1 stay in step; run.sh's set-up steps do what they say.

run.ps1 cannot run here (CI is Linux without PowerShell), so its steps are read from the file and
compared with run.sh's: verbs, extras, venv folder, constraints file, the pip install line, the
stamp's hash and the Python version check.
"""
import hashlib
import os
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SH = (ROOT / "run.sh").read_text()
PS1 = (ROOT / "run.ps1").read_text()


def _one(pattern: str, text: str, what: str) -> str:
    found = re.findall(pattern, text, re.MULTILINE)
    assert len(found) == 1, f"{what}: {len(found)} matches of {pattern!r}"
    return found[0]


def _words(command: str) -> list[str]:
    """A command line's words without quotes and variable sigils: `-c "$constraints"`, `-c
    $constraints` -> ['-c', 'constraints']."""
    return [w.strip("\"'").replace("$", "") for w in command.split()]


def _extras(script: str, pattern: str) -> dict[str, str]:
    return dict(re.findall(pattern, script, re.MULTILINE))


SH_EXTRAS = r'^\s*(\w+)\) extras="([^"]*)" ;;$'
PS1_EXTRAS = r"^\s*'(\w+)' \{ \$extras = '([^']*)' \}$"


def _runs(script: str, block: str, item: str, command: str) -> dict[str, tuple[str, bool]]:
    """Verb -> (what it runs, whether it sets QT_QPA_PLATFORM=offscreen), from the script's last
    dispatch on the verb."""
    body = script[script.rindex(block):]
    parts = re.split(item, body, flags=re.MULTILINE)
    runs = {}
    for verb, text in zip(parts[1::2], parts[2::2]):
        runs[verb] = (" ".join(_words(_one(command, text, verb))), "offscreen" in text)
    return runs


def test_both_scripts_have_the_same_verbs_and_extras():
    sh, ps1 = _extras(SH, SH_EXTRAS), _extras(PS1, PS1_EXTRAS)
    assert set(sh) == {"app", "test", "bench"}
    assert sh == ps1
    extras = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["optional-dependencies"]
    assert {e.strip("[]") for e in sh.values() if e} <= set(extras)
    # The usage lines name the same verbs.
    assert "app|test|bench" in _one(r"usage: \./run\.sh (\S+)", SH, "run.sh usage")
    assert "app|test|bench" in _one(r"usage: \.\\run\.ps1 (\S+)", PS1, "run.ps1 usage")


def test_both_scripts_run_the_same_things_per_verb():
    sh = _runs(SH, 'case "$mode" in', r"^  (app|test|bench)\)", r'exec "\$py" (.+?) "\$@"')
    ps1 = _runs(PS1, "switch ($mode) {", r"^\s*'(app|test|bench)' \{", r"& \$py (.+?) @rest")
    assert sh == ps1 == {"app": ("main.py", False), "test": ("-m pytest", True),
                         "bench": ("bench/bench.py", True)}


def test_both_scripts_use_the_same_venv_constraints_and_install_line():
    assert _one(r'^venv=\$\{VENV:-([^}]+)\}$', SH, "run.sh venv") == ".venv"
    assert _one(r"\$venv = if \(\$env:VENV\) \{ \$env:VENV \} else \{ '([^']+)' \}", PS1, "run.ps1 venv") == ".venv"
    assert '"$venv/bin/python"' in SH and "'Scripts\\python.exe'" in PS1
    sh_c = _one(r"^constraints=(\S+)", SH, "run.sh constraints")
    ps1_c = _one(r"^\s*\$constraints = '([^']+)'", PS1, "run.ps1 constraints")
    assert sh_c == ps1_c == "constraints.txt" and (ROOT / sh_c).is_file()
    ps1_pip = re.findall(r"^\s*& \$py -m pip install (.+)$", PS1, re.MULTILINE)
    sh_pip = re.findall(r'^\s*"\$py" -m pip install (.+)$', SH, re.MULTILINE)
    assert [_words(c) for c in sh_pip] == [_words(c) for c in ps1_pip] == [
        ["--quiet", "--upgrade", "pip"], ["--quiet", "-c", "constraints", "-e", ".extras"]]


def test_both_scripts_stamp_the_same_files_with_the_same_code():
    sh_code = _one(r"^hash_code='([^']+)'$", SH, "run.sh hash code")
    ps1_code = _one(r"^\s*\$hash_code = '([^']+)'$", PS1, "run.ps1 hash code")
    assert sh_code == ps1_code
    sh_files = _one(r'^want=\$\("\$py" -c "\$hash_code" (.+)\)$', SH, "run.sh stamp")
    ps1_files = _one(r"^\s*\$want = & \$py -c \$hash_code (.+)$", PS1, "run.ps1 stamp")
    assert _words(sh_files) == _words(ps1_files) == ["pyproject.toml", "constraints"]
    assert _one(r"^version_code='([^']+)'$", SH, "run.sh version check") == _one(
        r"^\s*\$version_code = '([^']+)'$", PS1, "run.ps1 version check")
    # Windows PowerShell 5.1 reads a BOM-less file in the ANSI code page.
    (ROOT / "run.ps1").read_bytes().decode("ascii")


# run.sh itself, in a copy with a stand-in venv Python that logs its calls, answers pip and
# pytest without running them, and runs everything else (the stamp hash, main.py) for real.
FAKE_PYTHON = """#!/bin/sh
echo "QT_QPA_PLATFORM=${QT_QPA_PLATFORM:-} $*" >> "$CALLS"
case "$1 $2" in "-m pip"|"-m pytest") exit 0 ;; esac
exec "$REAL_PYTHON" "$@"
"""

needs_bash = pytest.mark.skipif(shutil.which("bash") is None or sys.platform == "win32",
                                reason="run.sh is for Linux and macOS")


@pytest.fixture
def copy(tmp_path):
    for name in ("run.sh", "pyproject.toml", "constraints.txt"):
        shutil.copy(ROOT / name, tmp_path / name)
    (tmp_path / "main.py").write_text("import sys\nprint('main', *sys.argv[1:])\n")
    python = tmp_path / ".venv" / "bin" / "python"
    python.parent.mkdir(parents=True)
    python.write_text(FAKE_PYTHON)
    python.chmod(0o755)
    return tmp_path


def _run(folder: Path, *args: str, **env: str) -> subprocess.CompletedProcess:
    base = {"PATH": os.environ["PATH"], "HOME": str(folder), "CALLS": str(folder / "calls"),
            "REAL_PYTHON": sys.executable}
    return subprocess.run(["bash", str(folder / "run.sh"), *args], env={**base, **env},
                          capture_output=True, text=True, timeout=60)


def _calls(folder: Path) -> list[str]:
    calls = folder / "calls"
    lines = calls.read_text().splitlines() if calls.exists() else []
    calls.unlink(missing_ok=True)
    return lines


def _pip(calls: list[str]) -> list[str]:
    return [c.split(" ", 1)[1] for c in calls if " -m pip " in c]


def _hash(folder: Path) -> str:
    h = hashlib.sha256()
    for name in ("pyproject.toml", "constraints.txt"):
        h.update((folder / name).read_bytes())
    return h.hexdigest()[:16]


@needs_bash
def test_run_sh_installs_with_the_constraints_and_again_only_when_either_file_changes(copy):
    out = _run(copy, "app", "--headless", "--epochs", "2")
    assert out.returncode == 0, out.stderr
    assert out.stdout.splitlines() == ["main --headless --epochs 2"]
    assert _pip(_calls(copy)) == ["-m pip install --quiet --upgrade pip",
                                  "-m pip install --quiet -c constraints.txt -e ."]
    assert (copy / ".venv" / ".installed").read_text().strip() == _hash(copy)

    assert _run(copy, "app", "--headless").returncode == 0
    assert _pip(_calls(copy)) == []  # nothing changed: no pip at all

    for name in ("constraints.txt", "pyproject.toml"):
        with open(copy / name, "a") as f:
            f.write("# changed\n")
        assert _run(copy, "app", "--headless").returncode == 0
        assert _pip(_calls(copy))[-1] == "-m pip install --quiet -c constraints.txt -e .", name
        assert (copy / ".venv" / ".installed").read_text().strip() == _hash(copy)

    # test has its own stamp and the test extras, and draws offscreen.
    assert _run(copy, "test", "-k", "x").returncode == 0
    calls = _calls(copy)
    assert _pip(calls)[-1] == "-m pip install --quiet -c constraints.txt -e .[test]"
    assert calls[-1] == "QT_QPA_PLATFORM=offscreen -m pytest -k x"
    assert (copy / ".venv" / ".installed[test]").read_text().strip() == _hash(copy)


@needs_bash
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the display check is Linux-only")
def test_run_sh_app_without_a_display_says_so_before_any_set_up(copy):
    out = _run(copy, "app")
    assert out.returncode != 0
    lines = out.stderr.strip().splitlines()
    assert 1 <= len(lines) <= 2 and "No display" in lines[0], out.stderr
    assert "--headless" in out.stderr and "QT_QPA_PLATFORM=offscreen" in out.stderr
    assert _calls(copy) == [] and out.stdout == ""  # not even the stamp hash ran
    # With --headless, or an offscreen platform, it goes on to the app.
    assert _run(copy, "app", "--headless").returncode == 0
    out = _run(copy, "app", QT_QPA_PLATFORM="offscreen")
    assert out.returncode == 0 and out.stdout.strip() == "main"


@needs_bash
def test_run_sh_refuses_an_unknown_verb(copy):
    out = _run(copy, "serve")
    assert out.returncode == 2 and "usage: ./run.sh app|test|bench" in out.stderr
    assert _calls(copy) == []
