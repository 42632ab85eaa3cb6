"""The layers hold (import-linter's contracts in pyproject.toml), importing has
no side effects, and the window shows before TensorFlow loads."""
import json
import pkgutil
import subprocess
import sys
from pathlib import Path

import training

ROOT = Path(__file__).resolve().parent.parent


def _run(code: str) -> str:
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                         timeout=300, env={"PATH": "/usr/bin:/bin", "QT_QPA_PLATFORM": "offscreen"})
    assert out.returncode == 0, out.stderr[-2000:]
    return out.stdout


def _modules_after(code: str) -> set[str]:
    return set(_run(code + "\nimport sys\nprint(' '.join(sys.modules))").split())


def test_the_import_contracts_hold():
    lint = Path(sys.executable).with_name("lint-imports")
    out = subprocess.run([str(lint), "--no-cache", "--no-logo"], cwd=ROOT, capture_output=True,
                         text=True, timeout=300)
    assert out.returncode == 0, out.stdout[-3000:] + out.stderr[-2000:]
    assert "3 kept, 0 broken" in out.stdout


def test_training_imports_no_qt():
    names = [m.name for m in pkgutil.iter_modules(training.__path__)]
    assert {"engine", "persistence", "tasks", "gradient_paths"} <= set(names)
    loaded = _modules_after("\n".join(f"import training.{n}" for n in names))
    qt = sorted(m for m in loaded if m.split(".")[0] in {"PySide6", "PyQt5", "PyQt6", "pyqtgraph", "shiboken6"})
    assert not qt, f"training/ imports Qt: {qt}"


# The modules that are Keras code: importing them imports Keras (and
# TensorFlow sets a few variables of its own then); nothing else does.
KERAS_MODULES = {"training.engine", "training.persistence", "training.tasks",
                 "training.run_recorder", "training.inspection"}


def test_importing_changes_nothing_until_tensorflow_is_started():
    # Every module of ours imported: none of our settings made, nothing
    # frozen, pyqtgraph's options as they were, TensorFlow not loaded but by
    # the modules that are Keras code.
    packages = {p: [m.name for m in pkgutil.iter_modules([str(ROOT / p)])]
                for p in ("training", "widgets", "app")}
    imports = "\n".join(f"import {p}.{n}" for p, names in packages.items() for n in names)
    code = f"""
import gc, json, os, sys
import pyqtgraph as pg
options = dict(pg.CONFIG_OPTIONS)
env = dict(os.environ)
{imports}
before = {{"env": sorted({{"KERAS_BACKEND", "TF_CPP_MIN_LOG_LEVEL"}} & (set(os.environ) - set(env))),
          "frozen": gc.get_freeze_count(),
          "pg": sorted(k for k in options if pg.CONFIG_OPTIONS[k] != options[k])}}
from training import runtime
runtime.start()
after = {{"env": sorted(set(os.environ) - set(env)), "frozen": gc.get_freeze_count(),
         "tf": "tensorflow" in sys.modules}}
print(json.dumps([before, after]))
"""
    before, after = json.loads(_run(code).strip().splitlines()[-1])
    assert before == {"env": [], "frozen": 0, "pg": []}, before
    assert {"KERAS_BACKEND", "TF_CPP_MIN_LOG_LEVEL"} <= set(after["env"])
    assert after["frozen"] > 100_000 and after["tf"]


def test_window_modules_do_not_load_tensorflow():
    # The window must appear without waiting for TensorFlow's import.
    loaded = _modules_after("import app.gui, app.main_window")
    assert "PySide6.QtWidgets" in loaded
    assert "tensorflow" not in loaded and "keras" not in loaded


def test_only_the_keras_modules_load_tensorflow():
    names = [f"{p}.{m.name}" for p in ("training", "widgets", "app")
             for m in pkgutil.iter_modules([str(ROOT / p)])]
    plain = sorted(set(names) - KERAS_MODULES)
    loaded = _modules_after("\n".join(f"import {n}" for n in plain))
    assert "tensorflow" not in loaded and "keras" not in loaded
