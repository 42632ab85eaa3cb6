"""The main window: the experiment panel, the run controls and the live views."""
from __future__ import annotations

import os
import time

from PySide6.QtCore import Qt, QTimer, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QComboBox, QFileDialog, QHBoxLayout, QMainWindow, QMessageBox, QProgressBar,
    QPushButton, QScrollArea, QSpinBox, QSplitter, QTabWidget, QVBoxLayout, QWidget)

from training.errors import ExperimentError
from training.experiment import Experiment
from training.filenames import weights_path
from widgets.experiment_panel import ExperimentPanel
from widgets.plots import LossPlot, PredictionPlot
from widgets.readout import Readout

from .controller import Controller, Snapshot
from .lecture_tabs import LectureTabs

H5_FILTER = "Keras HDF5 model (*.h5)"
WEIGHTS_FILTER = "Keras weights (*.weights.h5 *.h5)"
UP_TO_SET, MORE = 0, 1
# The window's frame clock. Each tick draws one of the two plots, so no single
# paint holds the event loop for both; each plot and the labels thus update
# 10 times a second, however fast the epochs come. Painting holds the GIL the
# training thread needs, so faster frames slow the training measurably.
FRAME_MS = 50


class MainWindow(QMainWindow):
    def __init__(self, experiment: Experiment, parent=None):
        super().__init__(parent)
        self.setWindowTitle("Keras Lecture Lab — dense networks, live")
        self.resize(1280, 800)
        self.controller = Controller(self)
        self._folder = os.getcwd()
        self._run_started = 0.0
        self._run_first = self._run_last = 0
        self._closing = False
        self._latest = None  # (epoch, predictions) not yet shown
        self._frame = 0
        self._clock = QTimer(self, interval=FRAME_MS)
        self._clock.timeout.connect(self._tick)
        self._clock.start()

        self.panel = ExperimentPanel(experiment)
        self.panel_area = scroll = QScrollArea(widgetResizable=True)
        scroll.setWidget(self.panel)
        scroll.setMinimumWidth(340)
        scroll.setMaximumWidth(420)

        self.start_button = QPushButton("Start")
        self.start_button.setToolTip("Build a new model from the panel and train it (Ctrl+Return)")
        self.stop_button = QPushButton("Stop")
        self.stop_button.setToolTip("Stop after the current batch; the model keeps what it learned (Esc)")
        self.resume_button = QPushButton("Resume")
        self.resume_button.setToolTip("Train the current model further, from the next epoch")
        self.resume_mode = QComboBox()
        self.resume_mode.addItem("up to the epochs set", UP_TO_SET)
        self.resume_mode.addItem("for more epochs:", MORE)
        self.more_epochs = QSpinBox(minimum=1, maximum=1_000_000, value=100, singleStep=100)
        self.save_button = QPushButton("Save model…")
        self.save_weights_button = QPushButton("Save weights…")
        self.load_button = QPushButton("Load model…")
        self.load_weights_button = QPushButton("Load weights…")
        for b, slot in ((self.start_button, self.on_start), (self.stop_button, self.on_stop),
                        (self.resume_button, self.on_resume), (self.save_button, self.on_save),
                        (self.save_weights_button, self.on_save_weights),
                        (self.load_button, self.on_load),
                        (self.load_weights_button, self.on_load_weights)):
            b.clicked.connect(slot)
        self.resume_mode.currentIndexChanged.connect(self._update_buttons)

        controls = QHBoxLayout()
        for w in (self.start_button, self.stop_button, self.resume_button, self.resume_mode,
                  self.more_epochs):
            controls.addWidget(w)
        controls.addStretch(1)
        for w in (self.save_button, self.save_weights_button, self.load_button,
                  self.load_weights_button):
            controls.addWidget(w)

        self.loss_plot = LossPlot()
        self.prediction_plot = PredictionPlot()
        splitter = QSplitter(Qt.Horizontal)
        splitter.addWidget(self.loss_plot)
        splitter.addWidget(self.prediction_plot)
        splitter.setSizes([600, 400])
        self.errors = Readout()
        self.errors.setObjectName("testErrors")
        training_tab = QWidget()
        tab_box = QVBoxLayout(training_tab)
        tab_box.addWidget(splitter, 1)
        tab_box.addWidget(self.errors)
        self.tabs = QTabWidget()
        self.tabs.addTab(training_tab, "Training")
        self.lecture = LectureTabs(self.controller, self.tabs, self)

        self.progress = QProgressBar()
        self.progress.setTextVisible(True)
        self.progress.setFormat("no run yet")
        self.progress.setValue(0)

        right = QVBoxLayout()
        right.addLayout(controls)
        right.addWidget(self.tabs, 1)
        right.addWidget(self.progress)
        central = QWidget()
        outer = QHBoxLayout(central)
        outer.addWidget(scroll)
        outer.addLayout(right, 1)
        self.setCentralWidget(central)

        for text, keys, slot in (("Start", "Ctrl+Return", self.on_start),
                                 ("Stop", "Esc", self.on_stop),
                                 ("Save model", QKeySequence.Save, self.on_save),
                                 ("Load model", QKeySequence.Open, self.on_load)):
            action = QAction(text, self, shortcut=QKeySequence(keys))
            action.triggered.connect(slot)
            self.addAction(action)

        c = self.controller
        c.sessionChanged.connect(self.show_session)
        c.runStarted.connect(self._on_run_started)
        c.epochEnded.connect(self._on_epoch)
        c.runFinished.connect(self._on_run_finished)
        c.busyChanged.connect(self._update_buttons)
        c.trainingChanged.connect(self._update_buttons)
        c.engineReady.connect(self._update_buttons)
        c.status.connect(self.statusBar().showMessage)
        c.error.connect(self.show_error)
        self.panel.presetChosen.connect(self._on_preset)
        # The lecture tabs have their own settings: the panel is the Training tab's.
        self.tabs.currentChanged.connect(self._on_tab)
        self._show_experiment(experiment)
        self._update_buttons()

    # ------------------------------------------------------------ start-up
    def warm_up(self) -> None:
        """Load TensorFlow and the default model in the background, after the window shows."""
        self.controller.warm_up(self.panel.experiment())

    # ------------------------------------------------------------ actions
    def _valid_experiment(self) -> Experiment | None:
        try:
            return self.panel.experiment().validate()
        except ExperimentError as err:
            self.show_error(str(err))
            return None

    @Slot()
    def on_start(self) -> None:
        if self.controller.training:
            return
        e = self._valid_experiment()
        if e is None:
            return
        self._show_experiment(e)
        self.controller.start(e)

    @Slot()
    def on_stop(self) -> None:
        self.controller.stop()

    @Slot()
    def on_resume(self) -> None:
        s = self.controller.session
        if s is None or self.controller.busy:
            return
        if self.resume_mode.currentData() == MORE:
            until = s.epochs_done + self.more_epochs.value()
        else:
            until = self.panel.epochs.value()
        self.controller.resume(until)

    @Slot()
    def on_save(self) -> None:
        path = self.ask_save_path("Save model", H5_FILTER)
        if path:
            if not path.endswith(".h5"):
                path += ".h5"
            self.controller.save(path, "model")

    @Slot()
    def on_save_weights(self) -> None:
        path = self.ask_save_path("Save weights", WEIGHTS_FILTER)
        if path:
            fixed = weights_path(path)
            note = ("Keras saves weights only under names ending in .weights.h5, so the "
                    f"name became {os.path.basename(fixed)}." if fixed != path else "")
            self.controller.save(fixed, "weights", note)

    @Slot()
    def on_load(self) -> None:
        path = self.ask_open_path("Load model", H5_FILTER)
        if path:
            self.controller.load(path, self.panel.experiment())

    @Slot()
    def on_load_weights(self) -> None:
        path = self.ask_open_path("Load weights", WEIGHTS_FILTER)
        if path:
            self.controller.load_weights(path)

    # Dialogs are methods so tests can answer them.
    def ask_save_path(self, title: str, filters: str) -> str:
        path, _ = QFileDialog.getSaveFileName(self, title, self._folder, filters)
        if path:
            self._folder = os.path.dirname(path)
        return path

    def ask_open_path(self, title: str, filters: str) -> str:
        path, _ = QFileDialog.getOpenFileName(self, title, self._folder, filters + ";;All files (*)")
        if path:
            self._folder = os.path.dirname(path)
        return path

    def ask_unsaved(self) -> str:
        """'save', 'discard' or 'cancel' for a model with unsaved training."""
        box = QMessageBox(QMessageBox.Question, "Unsaved training",
                          "The model has trained since it was last saved. Save it before quitting?",
                          QMessageBox.Save | QMessageBox.Discard | QMessageBox.Cancel, self)
        answer = box.exec()
        return {QMessageBox.Save: "save", QMessageBox.Discard: "discard"}.get(answer, "cancel")

    @Slot(str)
    def show_error(self, message: str) -> None:
        self.statusBar().showMessage(message)
        if not self._closing:
            QMessageBox.warning(self, "Keras Lecture Lab", message)

    # ------------------------------------------------------------ views
    def _show_experiment(self, e: Experiment) -> None:
        self.loss_plot.set_history({}, mark_best=e.early_stopping)
        self.errors.setText("")
        self.progress.setRange(0, e.epochs)
        self.progress.setValue(0)
        self.progress.setFormat("no run yet")

    @Slot(int)
    def _on_tab(self, index: int) -> None:
        self.panel_area.setVisible(index == 0)

    @Slot(object)
    def _on_preset(self, e: Experiment) -> None:
        if not self.controller.training:
            self._show_experiment(e)
            self.controller.new_session(e)

    @Slot(object)
    def show_session(self, snap: Snapshot) -> None:
        """Show a new, reloaded or re-weighted model as it is now."""
        e = snap.experiment
        shown = self.panel.experiment()
        if (e.name, e.layers) != (shown.name, shown.layers):
            # Another experiment (a tab's, a loaded model): show all of it. The
            # same one keeps the user's edits, e.g. those made while TF loaded.
            self.panel.set_experiment(e)
        self.loss_plot.set_history(snap.history, mark_best=e.early_stopping)
        self.prediction_plot.set_truth(snap.y_eval)
        self.prediction_plot.set_predictions(snap.predictions)
        self._show_errors(snap.test_errors)
        self.progress.setRange(0, max(snap.epochs_done, self.panel.epochs.value()))
        self.progress.setValue(snap.epochs_done)
        self.progress.setFormat(f"epoch {snap.epochs_done}" if snap.epochs_done else "untrained")

    def _show_errors(self, errors: dict | None) -> None:
        if not errors:
            self.errors.setText("")
            return
        self.errors.setText(
            "Absolute test error (k$): "
            f"<b>mean {errors['mean_abs']:.3f}</b> · max {errors['max_abs']:.3f} · "
            f"min {errors['min_abs']:.3f}")

    @Slot(int, int)
    def _on_run_started(self, first: int, last: int) -> None:
        self._run_started = time.monotonic()
        self._run_first, self._run_last = first, last
        if first == 1:  # a fresh model: its curves start anew
            self.loss_plot.set_history({}, mark_best=self.panel.early.isChecked())
        self.loss_plot.set_run_span(last)
        self.progress.setRange(0, last)
        self.progress.setValue(first - 1)
        self.progress.setFormat(f"epoch {first - 1} of {last}")

    @Slot(int, dict, object)
    def _on_epoch(self, epoch: int, logs: dict, predictions) -> None:
        # Only buffer here: epochs may come hundreds a second; _tick draws.
        self.loss_plot.add_epoch(epoch, logs)
        self._latest = (epoch, predictions)

    @Slot()
    def _tick(self) -> None:
        self._frame ^= 1
        if self._frame:
            self.loss_plot.redraw()
            return
        if self._latest is not None:
            (epoch, predictions), self._latest = self._latest, None
            self.prediction_plot.set_predictions(predictions)
            done = epoch - self._run_first + 1
            left = (time.monotonic() - self._run_started) / done * (self._run_last - epoch)
            # Format first: setValue repaints the bar at once, with the new text;
            # the other order paints it twice.
            self.progress.setFormat(f"epoch {epoch} of {self._run_last} · {_duration(left)} left")
            self.progress.setValue(epoch)
            truth = self.prediction_plot.truth
            if len(truth) == len(predictions) and len(truth) > 16:
                err = abs(predictions - truth)
                self._show_errors({"mean_abs": err.mean(), "max_abs": err.max(),
                                   "min_abs": err.min()})
        self.prediction_plot.redraw()

    @Slot(object)
    def _on_run_finished(self, payload) -> None:
        result, snap = payload
        self._latest = None
        # Early stopping may have restored older weights: show the model as it is.
        self.loss_plot.end_run()
        self.loss_plot.set_history(snap.history, mark_best=snap.experiment.early_stopping)
        self.prediction_plot.set_predictions(snap.predictions)
        self.prediction_plot.redraw()
        self._show_errors(snap.test_errors)
        self.progress.setValue(snap.epochs_done)
        self.progress.setFormat(f"epoch {snap.epochs_done} of {self._run_last} · "
                                f"{result.seconds:.1f} s")

    @Slot()
    def _update_buttons(self, *_) -> None:
        c = self.controller
        ready, busy, training = c.engine_ready, c.busy, c.training
        has_model = c.session is not None
        self.panel.setLocked(training)
        self.start_button.setEnabled(not training)
        self.stop_button.setEnabled(training)
        self.resume_button.setEnabled(ready and has_model and not busy)
        self.more_epochs.setEnabled(self.resume_mode.currentData() == MORE)
        self.save_button.setEnabled(has_model and (training or not busy))
        self.save_weights_button.setEnabled(has_model and (training or not busy))
        self.load_button.setEnabled(not busy)
        self.load_weights_button.setEnabled(has_model and not busy)

    # ------------------------------------------------------------ closing
    def closeEvent(self, event) -> None:
        c = self.controller
        if c.unsaved and c.session is not None:
            answer = self.ask_unsaved()
            if answer == "cancel":
                event.ignore()
                return
            if answer == "save":
                path = self.ask_save_path("Save model", H5_FILTER)
                if not path:
                    event.ignore()
                    return
                c.save(path if path.endswith(".h5") else path + ".h5", "model")
        self._closing = True
        if not c.shutdown(1800):
            # Only TensorFlow's first import cannot be interrupted: let it end
            # rather than destroy a running thread.
            self.hide()
            c.shutdown(None)
        event.accept()


def _duration(seconds: float) -> str:
    seconds = int(round(seconds))
    if seconds < 60:
        return f"{seconds} s"
    return f"{seconds // 60} min {seconds % 60:02d} s"
