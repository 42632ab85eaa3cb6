"""The app runs on Windows and macOS too (issue 17), though CI runs on Linux only: its code
holds no POSIX-only call, and paths with spaces and umlauts save, load, export and keep runs."""
import ast
import json
import os
import subprocess
import sys
from pathlib import Path

import h5py
import numpy as np
import pytest

from app.cli import main
from training import persistence
from training.experiment import preset
from training.run_store import RunStore
from windows import SLOW_WORKER_MS

ROOT = Path(__file__).resolve().parent.parent
SOURCES = sorted([*ROOT.glob("app/*.py"), *ROOT.glob("training/*.py"), *ROOT.glob("widgets/*.py"),
                  ROOT / "main.py"])
POSIX_MODULES = {"fcntl", "termios", "pwd", "grp"}
POSIX_PATHS = ("/tmp", "/proc")


# ------------------------------------------------------------------ the scanner
class _Scanner(ast.NodeVisitor):
    """The syntax tree, not the text: a comment or a string that mentions os.kill is no call."""

    def __init__(self):
        self.found: list[tuple[int, str]] = []
        self._os = {"os"}           # names the os module goes by here
        self._kill: set[str] = set()  # names os.kill goes by (from os import kill)
        self._signal = {"signal"}
        self._guarded = 0           # inside `if hasattr(signal, "alarm"):`

    def _say(self, node, what):
        self.found.append((node.lineno, what))

    def visit_Import(self, node):
        for alias in node.names:
            top = alias.name.split(".")[0]
            if top in POSIX_MODULES:
                self._say(node, f"import {alias.name}")
            for module, names in (("os", self._os), ("signal", self._signal)):
                if alias.name == module:
                    names.add(alias.asname or module)

    def visit_ImportFrom(self, node):
        if (node.module or "").split(".")[0] in POSIX_MODULES and node.level == 0:
            self._say(node, f"from {node.module} import")
        if node.module == "os":
            for alias in node.names:
                if alias.name in ("kill", "killpg"):
                    self._say(node, f"from os import {alias.name}")
                    self._kill.add(alias.asname or alias.name)
        if node.module == "signal" and any(a.name == "alarm" for a in node.names):
            self._say(node, "from signal import alarm")

    def visit_Call(self, node):
        f = node.func
        if isinstance(f, ast.Attribute) and isinstance(f.value, ast.Name):
            if f.value.id in self._os and f.attr in ("kill", "killpg"):
                self._say(node, f"os.{f.attr}()")
            if f.value.id in self._signal and f.attr == "alarm" and not self._guarded:
                self._say(node, "signal.alarm() outside `if hasattr(signal, \"alarm\")`")
        elif isinstance(f, ast.Name) and f.id in self._kill:
            self._say(node, f"{f.id}() (os.kill)")
        self.generic_visit(node)

    def visit_If(self, node):
        self.visit(node.test)
        guard = self._guards_alarm(node.test)
        self._guarded += guard
        for child in node.body:
            self.visit(child)
        self._guarded -= guard
        for child in node.orelse:
            self.visit(child)

    def _guards_alarm(self, test) -> bool:
        return (isinstance(test, ast.Call) and isinstance(test.func, ast.Name)
                and test.func.id == "hasattr" and len(test.args) == 2
                and isinstance(test.args[0], ast.Name) and test.args[0].id in self._signal
                and isinstance(test.args[1], ast.Constant) and test.args[1].value == "alarm")

    def visit_Expr(self, node):
        if isinstance(node.value, ast.Constant) and isinstance(node.value.value, str):
            return  # a docstring or a bare string: it says, it does not do
        self.generic_visit(node)

    def visit_Constant(self, node):
        if isinstance(node.value, str) and node.value.startswith(POSIX_PATHS):
            self._say(node, f"the path {node.value[:30]!r}")


def posix_only(source: str) -> list[tuple[int, str]]:
    """(line, what) for each POSIX-only step in `source`."""
    scanner = _Scanner()
    scanner.visit(ast.parse(source))
    return scanner.found


def test_the_scanner_flags_what_it_should_and_nothing_else():
    flagged = posix_only(
        "import os, fcntl\n"
        "from os import kill as end\n"
        "import signal as sig\n"
        "os.kill(pid, 0)\n"
        "end(pid, 9)\n"
        "sig.alarm(5)\n"
        "if hasattr(sig, 'alarm'):\n"
        "    pass\n"
        "else:\n"
        "    sig.alarm(5)\n"
        "folder = '/tmp/runs'\n"
        "status = f'/proc/{pid}/status'\n")
    assert [line for line, _ in flagged] == [1, 2, 4, 5, 6, 10, 11, 12], flagged
    assert posix_only(
        '"""Never os.kill(pid, 0): see /tmp."""\n'
        "import os, signal\n"
        "# os.kill(pid, 0) and import fcntl, in a comment\n"
        "text = 'os.kill(pid, 0) in a string'\n"
        "if hasattr(signal, 'alarm'):\n"
        "    signal.alarm(5)\n"
        "path = os.path.join(base, 'tmp')\n") == []


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: str(p.relative_to(ROOT)))
def test_the_apps_code_has_no_posix_only_step(path):
    found = posix_only(path.read_text(encoding="utf-8"))
    assert not found, "\n".join(f"{path.relative_to(ROOT)}:{line}: {what}" for line, what in found)


def test_every_source_folder_is_scanned():
    assert {p.parent.name for p in SOURCES} == {"app", "training", "widgets", ROOT.name}
    assert len(SOURCES) > 40


# ------------------------------------------------------------------ paths as students have them
@pytest.fixture
def home(tmp_path):
    """A Windows user's documents, as on a student's laptop."""
    folder = tmp_path / "Jörg Müller" / "Übung 1"
    folder.mkdir(parents=True)
    return folder


def test_the_window_saves_loads_and_keeps_runs_under_spaces_and_umlauts(make_window, qtbot, home,
                                                                        monkeypatch, messages):
    w = make_window()
    d, t, a = w.document, w.training, w.actions
    # File → Runs folder…: one beneath the student's folder.
    runs = home / "Läufe und Netze"
    monkeypatch.setattr(w.dialogs, "folder_path", lambda *args: str(runs))
    a.runs_folder.trigger()
    assert d.store is not None and d.store.root == str(runs)
    # A short run, kept in its folder.
    t.panel.epochs.setValue(3)
    with qtbot.waitSignal(d.runFinished, timeout=SLOW_WORKER_MS):
        t.start_button.click()
    qtbot.waitUntil(lambda: not d.busy)
    kept = RunStore(str(runs)).list()
    assert len(kept) == 1 and kept[0].status == "finished" and kept[0].epochs == 3
    assert Path(kept[0].folder).parent == runs and not kept[0].problem
    reopened, _ = persistence.load_session(kept[0].model_path(), preset("boston"))
    np.testing.assert_array_equal(reopened.current_predictions(), d.session.current_predictions())

    # File → Save model and Save weights.
    model, weights = str(home / "netz.h5"), str(home / "Gewichte ä.weights.h5")
    for action, path in ((a.save_model, model), (a.save_weights, weights)):
        monkeypatch.setattr(w.dialogs, "save_path", lambda *args, p=path: p)
        with qtbot.waitSignal(d.saved, timeout=SLOW_WORKER_MS) as saved:
            action.trigger()
        qtbot.waitUntil(lambda: not d.busy)
        assert saved.args[0] == path and h5py.is_hdf5(path)
    trained = d.session.current_predictions()

    # Load them back: a fresh model, then the saved model, then the saved weights.
    with qtbot.waitSignal(d.sessionChanged, timeout=SLOW_WORKER_MS):
        d.new_session(preset("boston").replace(seed=7))
    qtbot.waitUntil(lambda: not d.busy)
    assert not np.array_equal(d.session.current_predictions(), trained)
    for action, path in ((a.load_model, model), (a.load_weights, weights)):
        monkeypatch.setattr(w.dialogs, "open_path", lambda *args, p=path: p)
        with qtbot.waitSignal(d.sessionChanged, timeout=SLOW_WORKER_MS):
            action.trigger()
        qtbot.waitUntil(lambda: not d.busy)
        np.testing.assert_array_equal(d.session.current_predictions(), trained)
    assert messages == []


def test_headless_saves_exports_and_keeps_runs_under_spaces_and_umlauts(home, capsys):
    model, report, runs = home / "netz.h5", home / "Bericht ö.json", home / "Läufe"
    rc = main(["--headless", "--preset", "boston", "--epochs", "2", "--save", str(model),
               "--report", str(report), "--runs-dir", str(runs)])
    assert rc == 0, capsys.readouterr().err
    written = json.loads(report.read_text(encoding="utf-8"))
    assert written["epochs_run"] == 2 and h5py.is_hdf5(model)
    assert [r.epochs for r in RunStore(str(runs)).list()] == [2]
    assert Path(written["run"]).parent == runs
    # Load the saved model and train it further: its history carries on.
    rc = main(["--headless", "--preset", "boston", "--epochs", "1", "--load", str(model),
               "--report", str(report), "--runs-dir", str(runs)])
    assert rc == 0, capsys.readouterr().err
    assert len(json.loads(report.read_text(encoding="utf-8"))["history"]["loss"]) == 3
    assert sorted(r.epochs for r in RunStore(str(runs)).list()) == [2, 3]


# ------------------------------------------------------------------ high-DPI screens
SCALED = r'''
import sys
sys.path.insert(0, "tests")
from PySide6.QtWidgets import QApplication
app = QApplication(sys.argv)
from app import i18n
from app.main_window import MainWindow
from test_projector import clipped_texts
from training.experiment import preset
w = MainWindow(preset("boston"), keep_runs=False)
w.resize(1024, 768)
w.show()
for lang in ("en", "de"):
    i18n.install(lang)
    for i in range(w.tabs.count()):
        w.tabs.setCurrentIndex(i)
        app.processEvents()
        for text in clipped_texts(w):
            print("clipped", lang, i, text)
print("ratio", w.devicePixelRatioF())
'''


@pytest.mark.parametrize("factor", ["1.5", "2"])
def test_a_scaled_screen_clips_no_text(factor, tmp_path):
    """Windows at 150 %, a Retina Mac at 200 %: Qt 6 scales the whole window."""
    done = subprocess.run([sys.executable, "-c", SCALED], cwd=ROOT, capture_output=True,
                          text=True, timeout=120,
                          env={**os.environ, "QT_QPA_PLATFORM": "offscreen",
                               "QT_SCALE_FACTOR": factor, "XDG_CONFIG_HOME": str(tmp_path)})
    assert done.returncode == 0, done.stderr[-3000:]
    assert f"ratio {float(factor)}" in done.stdout, done.stdout + done.stderr[-2000:]
    assert "clipped" not in done.stdout, done.stdout
