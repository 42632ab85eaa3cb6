"""Shared test set-up: offscreen Qt, no modal dialogs, no thread left running, and real windows."""
import faulthandler
import gc
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("KERAS_BACKEND", "tensorflow")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
# Child processes (the app's own windows and headless runs) keep their runs
# and settings in the test session's folders, never the user's.
import tempfile  # noqa: E402
_HOME = tempfile.mkdtemp(prefix="kll-test-home-")
os.environ["XDG_DATA_HOME"] = os.path.join(_HOME, "data")
os.environ["XDG_CONFIG_HOME"] = os.path.join(_HOME, "config")

import pytest  # noqa: E402
import shiboken6  # noqa: E402
from PySide6.QtCore import QThread  # noqa: E402

import app.worker  # noqa: E402
from windows import QUICK, SLOW_WORKER_MS  # noqa: E402
from training import runtime  # noqa: E402

# The test modules import the engine, and with it Keras, as they are collected.
runtime.start()

_threads: list[QThread] = []


class _TrackedQThread(QThread):
    """Every worker thread the app starts, so a test that leaves one running fails."""

    def __init__(self, *args, **kw):
        super().__init__(*args, **kw)
        _threads.append(self)


app.worker.QThread = _TrackedQThread


@pytest.fixture(autouse=True)
def no_dangling_qthreads():
    _threads.clear()
    yield
    running = [t.objectName() for t in _threads if shiboken6.isValid(t) and t.isRunning()]
    _threads.clear()
    assert not running, f"test left QThreads running: {running}"


def _modal(*args, **kw):
    raise AssertionError("a modal dialog opened in a test: it would hang the run")


@pytest.fixture(autouse=True)
def no_modal_dialogs(monkeypatch):
    from PySide6.QtWidgets import QFileDialog, QMessageBox
    for name in ("getSaveFileName", "getOpenFileName"):
        monkeypatch.setattr(QFileDialog, name, staticmethod(_modal))
    monkeypatch.setattr(QMessageBox, "exec", _modal)


@pytest.fixture
def messages(monkeypatch):
    """Message boxes the window would show, recorded instead of blocking the test."""
    from PySide6.QtWidgets import QMessageBox
    shown = []
    monkeypatch.setattr(QMessageBox, "warning",
                        staticmethod(lambda parent, title, text, *a, **k: shown.append(text)))
    return shown


@pytest.fixture
def make_window(qtbot, messages):
    """make(experiment=QUICK, size=None): a shown MainWindow whose default model is built."""
    from PySide6.QtCore import QEvent
    from PySide6.QtWidgets import QApplication

    from app.main_window import MainWindow
    # Should a first epoch be that slow again: every thread's stack at 55 s,
    # and the messages the window showed.
    faulthandler.dump_traceback_later(55)
    windows = []

    def make(experiment=None, size=None, **kw):
        w = MainWindow(experiment or QUICK, **kw)  # closed below, not by qtbot: it would ask about unsaved work
        if size:
            w.resize(*size)  # before it is shown, as main.py does
        w.show()
        with qtbot.waitSignal(w.document.engineReady, timeout=SLOW_WORKER_MS):
            w.warm_up()
        qtbot.waitUntil(lambda: not w.document.busy)
        windows.append(w)
        return w
    yield make
    faulthandler.cancel_dump_traceback_later()
    print("messages shown:", messages)  # in the report of a failing test only
    for w in windows:
        w.document.unsaved = False
        w.close()
        assert not w.document.busy
        w.deleteLater()
    # Gone now, not at some later event loop: a closed window's timers, plots
    # and Keras session do not live on into the next test, and the collection
    # (seconds, see SLOW_WORKER_MS) runs here rather than in a timed wait.
    QApplication.sendPostedEvents(None, QEvent.DeferredDelete)
    gc.collect()


@pytest.fixture(autouse=True)
def private_settings(tmp_path_factory, monkeypatch):
    """QSettings (the chosen language, the runs folder) in an INI file of the
    test run's own, never the user's: the registry or a plist cannot be moved."""
    from PySide6.QtCore import QSettings
    folder = tmp_path_factory.mktemp("settings")
    monkeypatch.setattr("app.i18n.FORMAT", QSettings.IniFormat)
    QSettings.setPath(QSettings.IniFormat, QSettings.UserScope, str(folder))
    yield folder


@pytest.fixture
def language():
    """set(lang): the app in that language for this test, English again after it."""
    from app import i18n
    yield i18n.install
    i18n.install("en")


@pytest.fixture
def dark_palette():
    """go(): a dark system palette (Base #121212, Text #e0e0e0) and the plots
    restyled for it; go(False) and the test's end: the light one again."""
    from PySide6.QtGui import QColor, QPalette
    from PySide6.QtWidgets import QApplication

    from widgets import style
    app = QApplication.instance()
    light = app.palette()

    def go(dark: bool = True):
        palette = QPalette(light)
        for role, colour in ((QPalette.Window, "#202020"), (QPalette.Base, "#121212"),
                             (QPalette.Text, "#e0e0e0"), (QPalette.WindowText, "#e0e0e0")):
            if dark:
                palette.setColor(role, QColor(colour))
        app.setPalette(palette)
        style.restyle_all()
        QApplication.processEvents()

    yield go
    go(False)


@pytest.fixture(autouse=True)
def private_runs_folder(tmp_path_factory, monkeypatch):
    """Runs kept by windows and headless runs of a test go to a folder of the
    test's own, never the user's data folder."""
    folder = tmp_path_factory.mktemp("runs")
    monkeypatch.setattr("app.runs.default_root", lambda: str(folder))
    yield folder
