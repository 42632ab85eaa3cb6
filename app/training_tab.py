"""The Training tab: the experiment panel, the document's run controls and its live views.

Everything here acts on the tab's Document; nothing another tab does reaches it.
"""
from __future__ import annotations

import os
import time

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QComboBox, QHBoxLayout, QProgressBar, QPushButton, QScrollArea, QSpinBox, QSplitter,
    QVBoxLayout, QWidget)

from training.errors import ExperimentError
from training.experiment import LIMITS, Experiment
from training.filenames import weights_path
from training.metrics import absolute_errors
from widgets import frame_clock
from widgets.experiment_panel import ExperimentPanel
from widgets.plots import LossPlot, PredictionPlot
from widgets.readout import Readout

from . import presenter
from .dialogs import H5_FILTER, WEIGHTS_FILTER, Dialogs
from .document import Document

UP_TO_SET, MORE = 0, 1
# Data sets up to this size are tables (AND), not test sets: no error line.
SMALL_EVAL = 16


class TrainingTab(QWidget):
    status = Signal(str)  # for the window's status bar while this tab shows

    def __init__(self, experiment: Experiment, dialogs: Dialogs, parent=None):
        super().__init__(parent)
        self.dialogs = dialogs
        self.document = d = Document(self)
        self.last_status = ""
        self._run_id = 0                 # the training run the views follow
        self._run_started = 0.0
        self._run_first = self._run_last = 0
        self._latest = None              # (epoch, predictions) not yet shown

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
        self.more_epochs = QSpinBox(minimum=1, maximum=int(LIMITS["epochs"].high), value=100,
                                    singleStep=100)
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
        plots = QSplitter(Qt.Horizontal)
        plots.addWidget(self.loss_plot)
        plots.addWidget(self.prediction_plot)
        plots.setSizes([600, 400])
        self.errors = Readout()
        self.errors.setObjectName("testErrors")
        self.progress = QProgressBar()
        self.progress.setTextVisible(True)
        self.progress.setFormat("no run yet")
        self.progress.setValue(0)
        right = QVBoxLayout()
        right.addLayout(controls)
        right.addWidget(plots, 1)
        right.addWidget(self.errors)
        right.addWidget(self.progress)
        outer = QHBoxLayout(self)
        outer.addWidget(scroll)
        outer.addLayout(right, 1)
        # The loss plot draws itself on the clock; the predictions, the error
        # line and the progress bar are drawn together, on their own frames.
        self._clock = frame_clock.shared()
        self._clock.add(self.prediction_plot, self._draw_latest)

        d.sessionChanged.connect(self.show_session)
        d.runStarted.connect(self._on_run_started)
        d.epochEnded.connect(self._on_epoch)
        d.runFinished.connect(self._on_run_finished)
        d.busyChanged.connect(self._update_buttons)
        d.trainingChanged.connect(self._update_buttons)
        d.modelChanged.connect(self._update_buttons)
        d.status.connect(self._say)
        d.error.connect(self.dialogs.error)
        self.panel.presetRequested.connect(self._on_preset)
        self._show_experiment(experiment)
        self._update_buttons()

    # What the window asks of every tab: its widget, its runner, stop.
    @property
    def view(self) -> QWidget:
        return self

    @property
    def runner(self):
        return self.document.runner

    def stop(self) -> None:
        self.on_stop()

    @Slot(str)
    def _say(self, text: str) -> None:
        self.last_status = text
        self.status.emit(text)

    # ------------------------------------------------------------ replacing the model
    def _replace(self, action) -> bool:
        """Do `action`, which replaces the document's model, once its unsaved
        training is saved or given up; False when the user cancels."""
        if not self.document.unsaved:
            action()
            return True
        answer = self.dialogs.unsaved(
            "The model has trained since it was last saved. Save it before it is replaced?")
        if answer == "discard":
            action()
            return True
        if answer == "save":
            path = self.ask_model_path()
            if path:
                self.document.save(path, "model", then=action)
                return True
        return False

    def ask_model_path(self) -> str:
        path = self.dialogs.save_path("Save model", H5_FILTER)
        return path if not path or path.endswith(".h5") else path + ".h5"

    # ------------------------------------------------------------ actions
    def _valid_experiment(self) -> Experiment | None:
        try:
            return self.panel.experiment().validate()
        except ExperimentError as err:
            self._say(str(err))
            self.dialogs.error(str(err))
            return None

    @Slot()
    def on_start(self) -> None:
        if self.document.training:
            return
        e = self._valid_experiment()
        if e is not None:
            self._replace(lambda: self._start(e))

    def _start(self, e: Experiment) -> None:
        self._show_experiment(e)
        self.document.start(e)

    @Slot()
    def on_stop(self) -> None:
        self.document.stop()

    @Slot()
    def on_resume(self) -> None:
        s = self.document.session
        if s is None or self.document.busy:
            return
        if self.resume_mode.currentData() == MORE:
            until = s.epochs_done + self.more_epochs.value()
        else:
            until = self.panel.epochs.value()
        self.document.resume(until)

    @Slot()
    def on_save(self) -> None:
        path = self.ask_model_path()
        if path:
            self.document.save(path, "model")

    @Slot()
    def on_save_weights(self) -> None:
        path = self.dialogs.save_path("Save weights", WEIGHTS_FILTER)
        if path:
            fixed = weights_path(path)
            note = ("Keras saves weights only under names ending in .weights.h5, so the "
                    f"name became {os.path.basename(fixed)}." if fixed != path else "")
            self.document.save(fixed, "weights", note)

    @Slot()
    def on_load(self) -> None:
        path = self.dialogs.open_path("Load model", H5_FILTER)
        if path:
            experiment = self.panel.experiment()
            self._replace(lambda: self.document.load(path, experiment))

    @Slot()
    def on_load_weights(self) -> None:
        path = self.dialogs.open_path("Load weights", WEIGHTS_FILTER)
        if path:
            self._replace(lambda: self.document.load_weights(path))

    @Slot(object)
    def _on_preset(self, e: Experiment) -> None:
        if self.document.training:
            self.panel.revert_preset()
            return

        def rebuild():
            self.document.new_session(e)
        if self._replace(rebuild):
            self.panel.set_experiment(e)
            self._show_experiment(e)
        else:
            self.panel.revert_preset()

    # ------------------------------------------------------------ views
    def _show_experiment(self, e: Experiment) -> None:
        self.loss_plot.set_history({}, mark_best=e.early_stopping)
        self.errors.setText("")
        self.progress.setRange(0, e.epochs)
        self.progress.setValue(0)
        self.progress.setFormat("no run yet")

    @Slot(object)
    def show_session(self, snap) -> None:
        """Show a new, loaded or re-weighted model as it is now."""
        e = snap.experiment
        shown = self.panel.experiment()
        if (e.name, e.layers, e.dataset) != (shown.name, shown.layers, shown.dataset):
            # Another experiment (a loaded model): show all of it. The same one
            # keeps the user's edits, e.g. those made while TensorFlow loaded.
            self.panel.set_experiment(e)
        self.loss_plot.set_history(snap.history, mark_best=e.early_stopping)
        self.prediction_plot.set_truth(snap.y_eval)
        self.prediction_plot.set_predictions(snap.predictions)
        self.errors.setText(presenter.errors_line(snap.test_errors))
        self.progress.setRange(0, max(snap.epochs_done, self.panel.epochs.value()))
        self.progress.setValue(snap.epochs_done)
        self.progress.setFormat(f"epoch {snap.epochs_done}" if snap.epochs_done else "untrained")
        self._clock.request()

    @Slot(int, int, int)
    def _on_run_started(self, run_id: int, first: int, last: int) -> None:
        self._run_id = run_id
        self._run_started = time.monotonic()
        self._run_first, self._run_last = first, last
        self._latest = None
        if first == 1:  # a fresh model: its curves start anew
            self.loss_plot.set_history({}, mark_best=self.panel.early.isChecked())
        self.loss_plot.set_run_span(last)
        self.progress.setRange(0, last)
        self.progress.setValue(first - 1)
        self.progress.setFormat(f"epoch {first - 1} of {last}")

    @Slot(int, int, dict, object)
    def _on_epoch(self, run_id: int, epoch: int, logs: dict, predictions) -> None:
        if run_id != self._run_id:
            return
        # Only buffer here: epochs may come hundreds a second; the clock draws.
        self.loss_plot.add_epoch(epoch, logs)
        self._latest = (epoch, predictions)
        self._clock.request()

    def _draw_latest(self) -> bool:
        """One frame of the predictions, the error line and the progress bar."""
        if self._latest is not None:
            (epoch, predictions), self._latest = self._latest, None
            self.prediction_plot.set_predictions(predictions)
            left = presenter.time_left(time.monotonic() - self._run_started,
                                       epoch - self._run_first + 1, self._run_last - epoch)
            # Format first: setValue repaints the bar at once, with the new text;
            # the other order paints it twice.
            self.progress.setFormat(f"epoch {epoch} of {self._run_last} · "
                                    f"{presenter.duration(left)} left")
            self.progress.setValue(epoch)
            truth = self.prediction_plot.truth
            if len(truth) == len(predictions) and len(truth) > SMALL_EVAL:
                self.errors.setText(presenter.errors_line(absolute_errors(predictions, truth)))
        return self.prediction_plot.redraw()

    @Slot(int, object)
    def _on_run_finished(self, run_id: int, payload) -> None:
        if run_id != self._run_id:
            return
        result, snap = payload
        self._latest = None
        # Early stopping may have restored older weights: show the model as it is.
        self.loss_plot.end_run()
        self.loss_plot.set_history(snap.history, mark_best=snap.experiment.early_stopping)
        self.prediction_plot.set_predictions(snap.predictions)
        self.prediction_plot.redraw()
        self.errors.setText(presenter.errors_line(snap.test_errors))
        self.progress.setValue(snap.epochs_done)
        self.progress.setFormat(f"epoch {snap.epochs_done} of {self._run_last} · "
                                f"{result.seconds:.1f} s")

    @Slot()
    def _update_buttons(self, *_) -> None:
        d = self.document
        ready, busy, training = d.engine_ready, d.busy, d.training
        has_model = d.session is not None
        self.panel.setLocked(training)
        self.start_button.setEnabled(not training)
        self.stop_button.setEnabled(training)
        self.resume_button.setEnabled(ready and has_model and not busy)
        self.more_epochs.setEnabled(self.resume_mode.currentData() == MORE)
        # A save asked for while a task runs waits for it (Document.save).
        self.save_button.setEnabled(has_model)
        self.save_weights_button.setEnabled(has_model)
        self.load_button.setEnabled(not busy)
        self.load_weights_button.setEnabled(has_model and not busy)
