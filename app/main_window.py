"""The main window: one tab per experiment, each with its own state.

The Training tab owns the document model (what Save, Load and closing act
on); the lecture tabs run their own sessions beside it. The status bar shows
what the current tab last said; a tab with a run going on shows a play icon.
"""
from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtGui import QAction, QIcon, QKeySequence
from PySide6.QtWidgets import QMainWindow, QStyle, QTabWidget

from training.experiment import Experiment
from widgets import style

from .dialogs import Dialogs
from .lecture_tabs import ActivationTab, AndTab, PathsTab
from .training_tab import TrainingTab


class MainWindow(QMainWindow):
    def __init__(self, experiment: Experiment, parent=None):
        style.apply()
        super().__init__(parent)
        self.setWindowTitle("Keras Lecture Lab — dense networks, live")
        self.resize(1280, 800)
        self.dialogs = Dialogs(self)
        self.training = TrainingTab(experiment, self.dialogs)
        self.document = self.training.document
        self.and_tab = AndTab(self.dialogs, self)
        self.paths_tab = PathsTab(self.dialogs, self)
        self.activation_tab = ActivationTab(self)
        self.tabs = QTabWidget()
        # Each tab: its widget (view), its own TaskRunner or None, its status.
        self._presenters = (self.training, self.and_tab, self.paths_tab, self.activation_tab)
        for tab, title in zip(self._presenters, ("Training", "AND neuron", "Gradient paths",
                                                 "Activation functions")):
            self.tabs.addTab(tab.view, title)
        self.setCentralWidget(self.tabs)
        self._running_icon = self.style().standardIcon(QStyle.SP_MediaPlay)

        for tab in self._presenters:
            tab.status.connect(self._on_tab_status)
            if tab.runner is not None:
                tab.runner.trainingChanged.connect(self._on_training_changed)
        self.tabs.currentChanged.connect(self._on_tab)

        for text, keys, slot in (("Start", "Ctrl+Return", self.training.on_start),
                                 ("Stop", "Esc", self.on_stop),
                                 ("Save model", QKeySequence.Save, self.training.on_save),
                                 ("Load model", QKeySequence.Open, self.training.on_load)):
            action = QAction(text, self, shortcut=QKeySequence(keys))
            action.triggered.connect(slot)
            self.addAction(action)

    # ------------------------------------------------------------ start-up
    def warm_up(self) -> None:
        """Load TensorFlow and the default model in the background, after the window shows."""
        self.document.warm_up(self.training.panel.experiment())

    # ------------------------------------------------------------ tabs
    def current_tab(self):
        return self._presenters[self.tabs.currentIndex()]

    @Slot(str)
    def _on_tab_status(self, text: str) -> None:
        if self.sender() is self.current_tab():
            self.statusBar().showMessage(text)

    @Slot(int)
    def _on_tab(self, index: int) -> None:
        self.statusBar().showMessage(self._presenters[index].last_status)

    @Slot(bool)
    def _on_training_changed(self, running: bool) -> None:
        index = next(i for i, tab in enumerate(self._presenters) if tab.runner is self.sender())
        self.tabs.setTabIcon(index, self._running_icon if running else QIcon())
        self.tabs.setTabToolTip(index, "Training…" if running else "")

    @Slot()
    def on_stop(self) -> None:
        """Esc: stop the current tab's run."""
        tab = self.current_tab()
        if tab.runner is not None:
            tab.stop()

    # ------------------------------------------------------------ closing
    def closeEvent(self, event) -> None:
        d = self.document
        if d.unsaved and d.session is not None:
            answer = self.dialogs.unsaved(
                "The model has trained since it was last saved. Save it before quitting?")
            if answer == "cancel":
                event.ignore()
                return
            if answer == "save":
                path = self.training.ask_model_path()
                if path:
                    # Closes once saved; a failed save leaves the window open.
                    d.save(path, "model", then=self.close)
                event.ignore()
                return
            d.unsaved = False  # discarded: a second close does not ask again
        self.dialogs.closing = True
        runners = [t.runner for t in self._presenters if t.runner is not None]
        for runner in runners:
            if runner.state is not None:
                runner.state.request_stop()
        for runner in runners:
            if not runner.shutdown(1800):
                # Only TensorFlow's first import cannot be interrupted: let it
                # end rather than destroy a running thread.
                self.hide()
                runner.shutdown(None)
        event.accept()
