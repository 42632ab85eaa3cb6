"""training/ stays free of Qt, and the window shows before TensorFlow loads."""
import pkgutil
import subprocess
import sys
from pathlib import Path

import training

ROOT = Path(__file__).resolve().parent.parent


def _modules_after(code: str) -> set[str]:
    out = subprocess.run([sys.executable, "-c", code + "\nimport sys\nprint(' '.join(sys.modules))"],
                         cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr[-2000:]
    return set(out.stdout.split())


def test_training_imports_no_qt():
    names = [m.name for m in pkgutil.iter_modules(training.__path__)]
    assert "engine" in names and "persistence" in names
    loaded = _modules_after("\n".join(f"import training.{n}" for n in names))
    qt = sorted(m for m in loaded if m.split(".")[0] in {"PySide6", "PyQt5", "PyQt6", "pyqtgraph", "shiboken6"})
    assert not qt, f"training/ imports Qt: {qt}"


def test_window_modules_do_not_load_tensorflow():
    # The window must appear without waiting for TensorFlow's import.
    loaded = _modules_after("import app.gui, app.main_window")
    assert "PySide6.QtWidgets" in loaded
    assert "tensorflow" not in loaded and "keras" not in loaded
