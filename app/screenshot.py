"""`main.py --screenshot F.png`: the window as a user sees it, after a run if asked, saved as PNG."""
from __future__ import annotations

import sys

from PySide6.QtCore import QObject, QTimer, Slot
from PySide6.QtWidgets import QApplication

from widgets import frame_clock


class Screenshot(QObject):
    """Waits for the default model, trains `epochs` on the tab in view if
    given, lets the views draw, saves the window and quits."""

    def __init__(self, window, path: str, tab: str, epochs: int | None):
        super().__init__(window)
        self.window, self.path, self.tab, self.epochs = window, path, tab, epochs
        window.document.engineReady.connect(self._ready)
        self._runner = None

    @Slot()
    def _ready(self) -> None:
        # The default model's build is done once the runner is idle.
        QTimer.singleShot(0, self, self._begin)

    @Slot()
    def _begin(self) -> None:
        w = self.window
        if w.document.busy:
            QTimer.singleShot(50, self, self._begin)
            return
        tab = w.current_tab()
        if not self.epochs or tab.runner is None:
            self._settle()
            return
        if tab is w.training:
            w.training.panel.epochs.setValue(self.epochs)
        else:
            tab.view.epochs.setValue(self.epochs)
        self._runner = tab.runner
        self._runner.trainingChanged.connect(self._trained)
        tab.request_start()

    @Slot(bool)
    def _trained(self, training: bool) -> None:
        if not training:
            self._settle()

    def _settle(self) -> None:
        # Two frames of the clock: the last epochs drawn.
        QTimer.singleShot(3 * frame_clock.FRAME_MS, self, self._save)

    @Slot()
    def _save(self) -> None:
        ok = self.window.grab().save(self.path)
        print(("saved " if ok else "could not save ") + self.path,
              file=sys.stdout if ok else sys.stderr, flush=True)
        self.window.document.unsaved = False  # nothing to ask: a picture was wanted
        self.window.close()
        QApplication.instance().exit(0 if ok else 1)
