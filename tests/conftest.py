"""Shared test set-up: offscreen Qt, no modal dialogs, and no thread left running."""
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("KERAS_BACKEND", "tensorflow")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")

import pytest  # noqa: E402
import shiboken6  # noqa: E402
from PySide6.QtCore import QThread  # noqa: E402

import app.worker  # noqa: E402

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
