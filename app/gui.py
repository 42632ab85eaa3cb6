"""Build the QApplication and the window; TensorFlow loads after the window shows."""
from __future__ import annotations

import logging
import os
import sys

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from training.experiment import Experiment

from . import i18n
from .main_window import DEFAULT_SIZE, MainWindow


TAB_INDEX = {"training": 0, "and": 1, "paths": 2, "activations": 3}


def run_gui(experiment: Experiment, setup=None, language: str | None = None,
            size: tuple[int, int] | None = None, tab: str = "training",
            runs_dir: str | None = None, keep_runs: bool = True) -> int:
    """Show the window and run until it closes. `setup(window)`, if given, runs
    once the window shows (scripts and tests drive the app through it).
    `language` forces one (de, en); by default the last one chosen, else the
    system's. `runs_dir`, `keep_runs`: as MainWindow's."""
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("Keras Lecture Lab")
    app.setOrganizationName("Keras Lecture Lab")
    i18n.install(language or i18n.chosen_language())
    window = MainWindow(experiment, runs_dir=runs_dir, keep_runs=keep_runs)
    window.tabs.setCurrentIndex(TAB_INDEX[tab])
    if size is not None:
        window.resize(*size)
        window.show()
    else:
        _show_on_screen(window)
    if setup is not None:
        setup(window)
    # The panel is usable while TensorFlow loads. Loading starts only once the
    # window has painted: TensorFlow's import holds the GIL for most of its
    # seconds, and a first paint that has to share it took 0.5 s longer.
    _AfterFirstPaint(app, window, window.warm_up)
    code = app.exec()
    # Every worker thread has ended and every save is complete (closeEvent
    # waited for them). Python's own teardown of TensorFlow takes seconds, so
    # skip it: a closed window should mean a finished process.
    logging.shutdown()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


def _show_on_screen(window: QWidget) -> None:
    """At DEFAULT_SIZE (MainWindow's own) if it and a title bar fit the free
    part of the screen, else maximised, and sized to fit for a desktop
    without a window manager that maximises."""
    screen = window.screen() or QApplication.primaryScreen()
    free = screen.availableGeometry() if screen is not None else None
    if free is None or (DEFAULT_SIZE[0] <= free.width() and DEFAULT_SIZE[1] + 40 <= free.height()):
        window.show()
        return
    window.resize(min(DEFAULT_SIZE[0], free.width()), min(DEFAULT_SIZE[1], free.height()))
    window.showMaximized()


class _AfterFirstPaint(QObject):
    """Runs `callback` once, as soon as any part of `window` has painted, or
    after `latest_ms` if it never does (a window that starts minimised)."""

    def __init__(self, app, window, callback, latest_ms: int = 1500):
        super().__init__(window)
        self._app, self._window, self._callback = app, window, callback
        app.installEventFilter(self)
        QTimer.singleShot(latest_ms, self, self._fire)

    def eventFilter(self, obj, event) -> bool:
        if (event.type() == QEvent.Paint and isinstance(obj, QWidget)
                and obj.window() is self._window):
            # Queued: the rest of this frame paints first.
            QTimer.singleShot(0, self, self._fire)
            self._app.removeEventFilter(self)
        return False

    def _fire(self) -> None:
        if self._callback is not None:
            callback, self._callback = self._callback, None
            self._app.removeEventFilter(self)
            callback()
