"""The Training tab: the experiment panel, the document's run controls and its live views.

Everything here acts on the tab's Document; nothing another tab does reaches it.
"""
from __future__ import annotations

import os
import time

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal, Slot
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import (
    QComboBox, QHBoxLayout, QLabel, QProgressBar, QSizePolicy, QSlider, QSpinBox, QSplitter,
    QStackedWidget, QTabWidget, QToolBar, QVBoxLayout, QWidget)

from training import exports
from training.data import TARGETS
from training.errors import ExperimentError
from training.experiment import LIMITS, Experiment
from training.filenames import model_path, weights_path
from training.metrics import absolute_errors, regression_metrics
from training.run_store import RunStore
from widgets import frame_clock, numbers
from widgets.class_view import ClassView
from widgets.experiment_panel import ExperimentPanel, PanelArea
from widgets.plots import LossPlot, PredictionPlot
from widgets.readout import Readout, SteadyLabel
from widgets.run_list import RunList

from . import presenter, runs
from .actions import Actions
from .dialogs import (
    Dialogs, any_model_filter, any_weights_filter, csv_filter, model_filters, weights_filter)
from .runner import TaskRunner
from .document import Document

UP_TO_SET, MORE = 0, 1
# Data sets up to this size are tables (AND), not test sets: no error line.
SMALL_EVAL = 16
# The first epochs of a run include building and tracing: the time left is
# estimated from the epochs after them.
WARM_EPOCHS = 2


class TrainingTab(QWidget):
    status = Signal(str)  # for the window's status bar while this tab shows
    settingsChanged = Signal()  # the panel's experiment changed (the code view follows)
    replayEpoch = Signal(object)  # the epoch the replay slider shows; None: the latest

    def __init__(self, experiment: Experiment, dialogs: Dialogs, actions: Actions, parent=None):
        super().__init__(parent)
        self.dialogs = dialogs
        self.actions = actions
        self.document = d = Document(self)
        self.last_status = ""
        self._run_id = 0                 # the training run the views follow
        self._run_first = self._run_last = 0
        self._warm: tuple[int, float] | None = None  # (epoch, time) the estimate counts from
        self._segments: list[float] = []  # seconds of each training call of this model
        self._latest = None              # (epoch, predictions) not yet shown

        self.panel = ExperimentPanel(experiment)
        self.panel_area = scroll = PanelArea(self.panel)

        self.resume_mode = QComboBox()
        self.resume_mode.setSizeAdjustPolicy(QComboBox.AdjustToContents)
        self.resume_mode.addItem("", UP_TO_SET)
        self.resume_mode.addItem("", MORE)
        self.more_epochs = QSpinBox(minimum=1, maximum=int(LIMITS["epochs"].high), value=100,
                                    singleStep=100)
        self.toolbar = bar = QToolBar()
        bar.setObjectName("trainingToolbar")
        bar.setToolButtonStyle(Qt.ToolButtonTextOnly)
        bar.addAction(actions.start)
        bar.addAction(actions.stop)
        bar.addAction(actions.resume)
        bar.addAction(actions.step)
        bar.addWidget(self.resume_mode)
        bar.addWidget(self.more_epochs)
        bar.addSeparator()
        for action in (actions.save_model, actions.save_weights, actions.load_model,
                       actions.load_weights):
            bar.addAction(action)
        # The toolbar's buttons, for the keyboard's and the tests' sake.
        self.start_button = bar.widgetForAction(actions.start)
        self.stop_button = bar.widgetForAction(actions.stop)
        self.resume_button = bar.widgetForAction(actions.resume)
        self.step_button = bar.widgetForAction(actions.step)
        self.save_button = bar.widgetForAction(actions.save_model)
        self.save_weights_button = bar.widgetForAction(actions.save_weights)
        self.load_button = bar.widgetForAction(actions.load_model)
        self.load_weights_button = bar.widgetForAction(actions.load_weights)
        for action, slot in ((actions.resume, self.on_resume), (actions.step, self.on_step),
                             (actions.save_model, self.on_save),
                             (actions.save_weights, self.on_save_weights),
                             (actions.load_model, self.on_load),
                             (actions.load_weights, self.on_load_weights),
                             (actions.open_data, self.on_open_data),
                             (actions.export_history, self.export_history),
                             (actions.export_predictions, self.export_predictions)):
            action.triggered.connect(slot)
        self.resume_mode.currentIndexChanged.connect(self._update_buttons)

        self.loss_plot = LossPlot()
        self.prediction_plot = PredictionPlot()
        # Classes instead of numbers: the decision map, accuracy, confusion matrix.
        self.class_view = ClassView()
        self.outputs = QStackedWidget()
        self.outputs.addWidget(self.prediction_plot)
        self.outputs.addWidget(self.class_view)
        # A stack asks for its widest page; the class view's three plots would then
        # squeeze the loss curve at 1024x768. The splitter's sizes decide instead.
        self.outputs.setSizePolicy(QSizePolicy.Ignored, QSizePolicy.Preferred)
        self.plots = plots = QSplitter(Qt.Horizontal)
        plots.addWidget(self.loss_plot)
        plots.addWidget(self.outputs)
        plots.setSizes([600, 400])
        # Why a run ended badly, beside the curves it concerns.
        self.note = QLabel(wordWrap=True)
        self.note.setObjectName("runNote")
        self.note.setStyleSheet("QLabel { background: #fff3cd; color: #664d03; "
                                "border: 1px solid #ffe69c; padding: 4px; }")
        self.note.hide()
        self.errors = Readout(most=2)
        self.errors.setObjectName("testErrors")
        self._errors: dict | None = None  # the figures the line shows
        # Right click: the line as two tab-separated rows, for a spreadsheet.
        self.copy_errors_action = QAction(self.errors, objectName="copy_errors")
        self.copy_errors_action.triggered.connect(self.copy_errors)
        self.errors.addAction(self.copy_errors_action)
        self.errors.setContextMenuPolicy(Qt.ActionsContextMenu)
        self.progress = QProgressBar()
        self.progress.setTextVisible(True)
        self.progress.setValue(0)
        # Replay: the predictions and the error line at any kept epoch of the run.
        self.replay_slider = QSlider(Qt.Horizontal, minimum=0, maximum=0)
        self.replay_slider.setObjectName("replaySlider")
        self.replay_slider.valueChanged.connect(self._on_replay_slider)
        self.replay_label = SteadyLabel()  # new text every frame: it re-lays out nothing
        self.replay_label.setAlignment(Qt.AlignRight | Qt.AlignVCenter)
        self.replay_caption = QLabel()
        replay_row = QHBoxLayout()
        replay_row.addWidget(self.replay_caption)
        replay_row.addWidget(self.replay_slider, 1)
        replay_row.addWidget(self.replay_label)
        live = QWidget()
        live_box = QVBoxLayout(live)
        live_box.setContentsMargins(0, 0, 0, 0)
        live_box.addWidget(self.note)
        live_box.addWidget(plots, 1)
        live_box.addLayout(replay_row)
        live_box.addWidget(self.errors)
        self.run_list = RunList()
        self.run_list.openRequested.connect(self._open_run)
        self.run_list.deleteRequested.connect(self._delete_runs)
        self.run_list.renamed.connect(self._rename_run)
        self.pages = QTabWidget()
        self.pages.setObjectName("trainingPages")
        self.pages.addTab(live, "")
        self.pages.addTab(self.run_list, "")
        right = QWidget()
        right_box = QVBoxLayout(right)
        right_box.setContentsMargins(0, 0, 0, 0)
        right_box.addWidget(self.pages, 1)
        right_box.addWidget(self.progress)
        self.splitter = QSplitter(Qt.Horizontal)
        self.splitter.addWidget(scroll)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([360, 900])
        self.splitter.splitterMoved.connect(self._on_splitter_moved)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(4, 4, 4, 4)
        # Across the whole tab: at 1024 px every action fits in one row.
        outer.addWidget(bar)
        outer.addWidget(self.splitter, 1)
        actions.show_panel.toggled.connect(self._show_panel)
        actions.log_scale.toggled.connect(self.loss_plot.log_scale.setChecked)
        actions.log_scale.toggled.connect(self.run_list.set_log_scale)
        self.loss_plot.log_scale.toggled.connect(actions.log_scale.setChecked)
        # The loss plot draws itself on the clock; the predictions, the error
        # line and the progress bar are drawn together, on their own frames.
        self._clock = frame_clock.shared()
        # On the stack of both output views: one of them is always in view.
        self._clock.add(self.outputs, self._draw_latest)

        d.sessionChanged.connect(self.show_session)
        d.runStarted.connect(self._on_run_started)
        d.epochEnded.connect(self._on_epoch)
        d.runFinished.connect(self._on_run_finished)
        d.busyChanged.connect(self._update_buttons)
        d.trainingChanged.connect(self._update_buttons)
        d.modelChanged.connect(self._update_buttons)
        d.status.connect(self._say)
        d.error.connect(self.dialogs.error)
        d.runsChanged.connect(self.refresh_runs)
        d.replayChanged.connect(self._replay_changed)
        d.mapped.connect(self.class_view.set_map)
        self.replayEpoch.connect(self.class_view.show_epoch)
        # Reading a CSV file is not the model's work: it has a runner of its own.
        self.data_runner = TaskRunner("data", self)
        self.data_runner.failed.connect(lambda _run, message: self.dialogs.error(message))
        self.data_dialog = None
        self.panel.presetRequested.connect(self._on_preset)
        self.panel.changed.connect(self.settingsChanged)
        self._experiment = experiment
        self._show_experiment(experiment)
        self._update_buttons()
        self.retranslate()

    # What the window asks of every tab: its widget, its runner, start, stop.
    @property
    def view(self) -> QWidget:
        return self

    @property
    def runner(self):
        return self.document.runner

    def code_experiment(self) -> Experiment:
        """What the Keras code view shows for this tab: the panel's settings."""
        return self.panel.experiment()

    def request_start(self) -> None:
        self.on_start()

    def stop(self) -> None:
        self.on_stop()

    def retranslate(self) -> None:
        self.pages.setTabText(0, self.tr("Live"))
        self.pages.setTabText(1, self.tr("Runs"))
        self.replay_caption.setText(self.tr("Epoch"))
        self.copy_errors_action.setText(self.tr("Copy for a spreadsheet"))
        self.replay_slider.setToolTip(self.tr(
            "Replay: the predictions and the test error as they were after any epoch of the run"))
        self._show_replay_label()
        self.resume_mode.setItemText(0, self.tr("up to the epochs set"))
        self.resume_mode.setItemText(1, self.tr("for more epochs:"))
        self.resume_mode.updateGeometry()  # the toolbar sizes it for the new texts
        self.resume_mode.setToolTip(self.tr("How far Resume trains"))
        self.more_epochs.setToolTip(self.tr("Epochs Resume trains on top of those done"))
        if self.document.busy:
            return  # the next epoch's texts come in the new language
        if self.document.session is None:
            self.progress.setFormat(self.tr("no run yet"))
            return
        # What the last run or the replay left: its figures and epoch, anew.
        epoch = self.shown_epoch()
        if epoch is not None:
            self._show_figures(self.document.replay.by_epoch[epoch], self._experiment)
        self._show_done(self.progress.value())

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    @Slot(str)
    def _say(self, text: str) -> None:
        self.last_status = text
        self.status.emit(text)

    @Slot(bool)
    def _show_panel(self, shown: bool) -> None:
        self.panel_area.setVisible(shown)

    @Slot(int, int)
    def _on_splitter_moved(self, pos: int, index: int) -> None:
        # Dragged shut, the panel is hidden as the menu entry hides it.
        self.actions.show_panel.setChecked(self.splitter.sizes()[0] > 0)

    # ------------------------------------------------------------ replacing the model
    def _replace(self, action) -> bool:
        """Do `action`, which replaces the document's model, once its unsaved
        training is saved or given up; False when the user cancels."""
        if not self.document.needs_saving:
            action()
            return True
        answer = self.dialogs.unsaved(self.tr(
            "The model has trained since it was last saved. Save it before it is replaced?"))
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
        path = self.dialogs.save_path(self.tr("Save model"), *model_filters())
        return model_path(path) if path else path

    # ------------------------------------------------------------ actions
    def _valid_experiment(self) -> Experiment | None:
        try:
            return self.panel.experiment().validate()
        except ExperimentError as err:
            message = presenter.user_message(err)
            self._say(message)
            self.dialogs.error(message)
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
        self._segments = []
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
    def on_step(self) -> None:
        """Train exactly one epoch more."""
        s = self.document.session
        if s is not None and not self.document.busy:
            self.document.resume(s.epochs_done + 1)

    @Slot()
    def on_save(self) -> None:
        path = self.ask_model_path()
        if path:
            self.document.save(path, "model")

    @Slot()
    def on_save_weights(self) -> None:
        path = self.dialogs.save_path(self.tr("Save weights"), weights_filter())
        if path:
            fixed = weights_path(path)
            note = (self.tr("Keras saves weights only under names ending in .weights.h5, so the "
                            "name became {name}.").format(name=os.path.basename(fixed))
                    if fixed != path else "")
            self.document.save(fixed, "weights", note)

    @Slot()
    def on_load(self) -> None:
        path = self.dialogs.open_path(self.tr("Load model"), any_model_filter())
        if path:
            experiment = self.panel.experiment()
            self._replace(lambda: self.document.load(path, experiment))

    @Slot()
    def on_load_weights(self) -> None:
        path = self.dialogs.open_path(self.tr("Load weights"), any_weights_filter())
        if path:
            self._replace(lambda: self.document.load_weights(path))

    @Slot()
    def on_open_data(self) -> None:
        """File → Open data…: a CSV file, read off the GUI thread, then its dialog."""
        path = self.dialogs.open_path(self.tr("Open data"), csv_filter())
        if not path:
            return

        def task(state):
            from training import tabular
            return tabular.read_table(path)
        self.data_runner.run(self.tr("Reading {name}").format(name=os.path.basename(path)), task,
                              lambda table: self._choose_data(table, path))

    def _choose_data(self, table, path: str) -> None:
        from widgets.data_dialog import DataDialog
        self.data_dialog = dialog = DataDialog(table, path, self.panel.experiment(),
                                               presenter.user_message, self)
        accepted = self.dialogs.run_dialog(dialog)
        self.data_dialog = None
        if accepted and dialog.prepared is not None:
            self._on_preset(dialog.experiment())

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
    def _show_target(self, e: Experiment) -> None:
        if e.dataset == "csv":  # a file of the user's: its target column names the axes
            self.prediction_plot.set_target(
                self.tr("true {column}").format(column=e.target),
                self.tr("predicted {column}").format(column=e.target), "")
            return
        target = TARGETS[e.dataset]
        self.prediction_plot.set_target(target.true_label, target.predicted_label, target.unit)

    def _show_errors(self, errors: dict | None, e: Experiment) -> None:
        self._errors = errors
        self.errors.setText(presenter.errors_line(errors, TARGETS[e.dataset].unit))

    def _show_output(self, page: QWidget) -> None:
        """Show the predictions or the class view. On a change of page the split
        moves: the class view's map needs more width than the loss curve."""
        if page is self.outputs.currentWidget():
            return
        self.outputs.setCurrentWidget(page)
        total = sum(self.plots.sizes()) or 1000
        share = 0.55 if page is self.class_view else 0.4
        self.plots.setSizes([round(total * (1 - share)), round(total * share)])

    def _show_figures(self, predictions, e: Experiment) -> None:
        """The line under the plots for these test predictions: accuracy for
        classes, the absolute errors with R² and RMSE for numbers."""
        if e.classifies:
            truth = self.class_view.truth
            if predictions is not None and len(predictions) == len(truth) and len(truth):
                hits = self.class_view.predicted_classes(predictions) == truth
                self._errors = None
                self.errors.setText(presenter.accuracy_line(float(hits.mean()), len(truth)))
            return
        truth = self.prediction_plot.truth
        if predictions is not None and len(truth) == len(predictions) and len(truth) > SMALL_EVAL:
            self._show_errors({**absolute_errors(predictions, truth),
                               **regression_metrics(predictions, truth)}, e)

    # ------------------------------------------------------------ exports
    @Slot()
    def copy_errors(self) -> None:
        """The test-error line as a header row and a row of figures, tab-separated."""
        e = self._errors
        if not e:
            self._say(self.tr("There is no test error to copy yet."))
            return
        unit = TARGETS[self._experiment.dataset].unit
        head = [self.tr("mean abs error"), self.tr("max abs error"), self.tr("min abs error")]
        if unit:
            head = [f"{h} ({unit})" for h in head]
        QGuiApplication.clipboard().setText(exports.tsv(
            [head, [numbers.fixed(e[k]) for k in ("mean_abs", "max_abs", "min_abs")]]))
        self._say(self.tr("Test error copied."))

    def export_runs(self) -> list[tuple[str, dict]]:
        """The histories Export history writes: the ticked runs while the Runs
        page shows, else the open run as its plot shows it."""
        if self.pages.currentWidget() is self.run_list:
            ticked = self.run_list.model.ticked_rows()
            if ticked:
                return [(row.name, row.history) for row in ticked]
        history = self.loss_plot.history()
        if not history["loss"]:
            return []
        run = self.document.run
        return [(run.name if run is not None else self._experiment.name, history)]

    @Slot()
    def export_history(self) -> None:
        histories = self.export_runs()
        if not histories:
            self.dialogs.error(self.tr("There is no history to export yet: train first, "
                                       "or tick runs on the Runs page."))
            return
        written = self.dialogs.save_csv(self.tr("Export history"),
                                        exports.history_csv(histories))
        if written:
            self._say(self.tr("History of {n} run(s) written to {path}.").format(
                n=numbers.whole(len(histories)), path=written))

    @Slot()
    def export_predictions(self) -> None:
        shown = self.prediction_plot.shown()
        if shown is None:
            self.dialogs.error(self.tr("There are no predictions to export yet."))
            return
        written = self.dialogs.save_csv(self.tr("Export predictions"),
                                        exports.predictions_csv(*shown))
        if written:
            self._say(self.tr("Predictions written to {path}.").format(path=written))

    def _show_experiment(self, e: Experiment) -> None:
        self._experiment = e
        self._show_target(e)
        self.note.hide()
        self.loss_plot.set_history({}, mark_best=e.early_stopping)
        self._show_errors(None, e)
        self.progress.setRange(0, e.epochs)
        self.progress.setValue(0)
        self.progress.setFormat(self.tr("no run yet"))

    @Slot(object)
    def show_session(self, snap) -> None:
        """Show a new, loaded or re-weighted model as it is now."""
        e = snap.experiment
        shown = self.panel.experiment()
        if (e.name, e.layers, e.dataset) != (shown.name, shown.layers, shown.dataset):
            # Another experiment (a loaded model): show all of it. The same one
            # keeps the user's edits, e.g. those made while TensorFlow loaded.
            self.panel.set_experiment(e)
        self._experiment = e
        self._segments = []
        self._show_target(e)
        self.note.hide()
        self.loss_plot.set_history(snap.history, mark_best=e.early_stopping)
        self.prediction_plot.set_truth(snap.y_eval)
        self.prediction_plot.set_predictions(snap.predictions)
        self._show_errors(snap.test_errors, e)
        self._show_output(self.class_view if snap.class_names else self.prediction_plot)
        if snap.class_names:
            self.class_view.set_data(snap.class_names, snap.y_eval, snap.points)
            self.class_view.set_history(snap.history)
            self.class_view.set_predictions(snap.predictions)
        self._show_figures(snap.predictions, e)
        self.progress.setRange(0, max(snap.epochs_done, self.panel.epochs.value()))
        self._show_done(snap.epochs_done)
        self._clock.request()

    def _show_done(self, epochs_done: int) -> None:
        """The progress bar between runs: the epochs done, and the time of the
        run's segments since the model was shown."""
        if not epochs_done and not self._segments:
            text = self.tr("untrained")
        else:
            text = presenter.epoch_of(epochs_done) + (
                " · " + presenter.run_time(self._segments) if self._segments else "")
        self.progress.setFormat(text)  # first: setValue repaints the bar at once
        self.progress.setValue(epochs_done)

    @Slot(int, int, int)
    def _on_run_started(self, run_id: int, first: int, last: int) -> None:
        self._run_id = run_id
        self._warm = None
        self._run_first, self._run_last = first, last
        self._latest = None
        self.note.hide()
        if first == 1:  # a fresh model: its curves start anew
            self.loss_plot.set_history({}, mark_best=self.panel.early.isChecked())
            self.class_view.set_history({})
            self.class_view.start_over()
        self.loss_plot.set_run_span(last)
        self.progress.setRange(0, last)
        self.progress.setValue(first - 1)
        self.progress.setFormat(presenter.epoch_of(first - 1, last))

    @Slot(int, int, dict, object)
    def _on_epoch(self, run_id: int, epoch: int, logs: dict, predictions) -> None:
        if run_id != self._run_id:
            return
        if epoch == self._run_first + WARM_EPOCHS - 1:
            self._warm = (epoch, time.monotonic())
        # Only buffer here: epochs may come hundreds a second; the clock draws.
        self.loss_plot.add_epoch(epoch, logs)
        if self._experiment.classifies:
            self.class_view.add_epoch(epoch, logs)
        self._latest = (epoch, predictions)
        self._clock.request()

    def _draw_latest(self) -> bool:
        """One frame of the predictions, the error line and the progress bar."""
        drew = self._latest is not None
        if self._latest is not None:
            (epoch, predictions), self._latest = self._latest, None
            self.prediction_plot.set_predictions(predictions)
            left = None
            if self._warm is not None and epoch > self._warm[0]:
                warm_epoch, since = self._warm
                left = presenter.time_left(time.monotonic() - since, epoch - warm_epoch,
                                           self._run_last - epoch)
            # Format first: setValue repaints the bar at once, with the new text;
            # the other order paints it twice.
            self.progress.setFormat(presenter.epoch_of(epoch, self._run_last, left))
            self.progress.setValue(epoch)
            if self._follow_replay():
                self._show_figures(predictions, self._experiment)
                if self._experiment.classifies:
                    self.class_view.set_predictions(predictions)
            else:  # the user looks at an earlier epoch: the plot stays there
                self.prediction_plot.set_predictions(None)
        return self.prediction_plot.redraw() or drew

    @Slot(int, object)
    def _on_run_finished(self, run_id: int, payload) -> None:
        if run_id != self._run_id:
            return
        result, snap = payload
        self._latest = None
        self._segments.append(result.seconds)
        if snap.predictions is not None:  # early stopping may have restored older weights
            self.document.replay.add(snap.epochs_done, snap.predictions, None)
        self._follow_replay()
        # Early stopping may have restored older weights: show the model as it is.
        self.loss_plot.end_run()
        self.loss_plot.set_history(snap.history, mark_best=snap.experiment.early_stopping)
        self.prediction_plot.set_predictions(snap.predictions)
        self.prediction_plot.redraw()
        self._show_errors(snap.test_errors, snap.experiment)
        if snap.class_names:
            self.class_view.set_history(snap.history)
            self.class_view.set_predictions(snap.predictions)
        self._show_figures(snap.predictions, snap.experiment)
        self._show_done(snap.epochs_done)
        if result.not_finite:
            self.note.setText(presenter.diverged_note(snap.epochs_done + 1, snap.experiment))
            self.note.show()
        self._say(presenter.run_outcome(result, snap.epochs_done, self._segments))

    @Slot()
    def _update_buttons(self, *_) -> None:
        d, a = self.document, self.actions
        ready, busy, training = d.engine_ready, d.busy, d.training
        has_model = d.session is not None
        self.panel.setLocked(training)
        a.resume.setEnabled(ready and has_model and not busy)
        a.step.setEnabled(ready and has_model and not busy)
        self.run_list.open_button.setEnabled(not busy)
        self.resume_mode.setEnabled(not training)
        self.more_epochs.setEnabled(self.resume_mode.currentData() == MORE and not training)
        # A save asked for while a task runs waits for it (Document.save).
        a.save_model.setEnabled(has_model)
        a.save_weights.setEnabled(has_model)
        a.load_model.setEnabled(not busy)
        a.open_data.setEnabled(not training)
        a.load_weights.setEnabled(has_model and not busy)

    # ------------------------------------------------------------ replay
    def _follow_replay(self) -> bool:
        """Whether the slider sits at the latest epoch (and keeps up with new
        ones), setting its range to the epochs kept."""
        slider = self.replay_slider
        following = slider.value() >= slider.maximum()
        n = len(self.document.replay.by_epoch)
        slider.blockSignals(True)
        slider.setMaximum(max(0, n - 1))
        if following:
            slider.setValue(slider.maximum())
        slider.blockSignals(False)
        self._show_replay_label()
        if following:
            self.loss_plot.mark_epoch(None)
            self.replayEpoch.emit(None)
        return following

    @Slot()
    def _replay_changed(self) -> None:
        self.replay_slider.blockSignals(True)
        self.replay_slider.setMaximum(max(0, len(self.document.replay.by_epoch) - 1))
        self.replay_slider.setValue(self.replay_slider.maximum())
        self.replay_slider.blockSignals(False)
        self.loss_plot.mark_epoch(None)
        self.replayEpoch.emit(None)
        self._show_replay_label()

    @Slot(int)
    def _on_replay_slider(self, index: int) -> None:
        epochs = self.document.replay.epochs()
        if not epochs:
            return
        epoch = epochs[min(index, len(epochs) - 1)]
        predictions = self.document.replay.by_epoch[epoch]
        self.prediction_plot.set_predictions(predictions)
        self.prediction_plot.redraw()
        if self._experiment.classifies:
            self.class_view.set_predictions(predictions)
        self._show_figures(predictions, self._experiment)
        latest = index >= len(epochs) - 1
        self.loss_plot.mark_epoch(None if latest else epoch)
        self.replayEpoch.emit(None if latest else epoch)
        self._show_replay_label()

    def shown_epoch(self) -> int | None:
        """The epoch whose predictions the plot shows (the replay slider's)."""
        epochs = self.document.replay.epochs()
        return epochs[min(self.replay_slider.value(), len(epochs) - 1)] if epochs else None

    def _show_replay_label(self) -> None:
        epochs = self.document.replay.epochs()
        if not epochs:
            self.replay_label.setText("")
            return
        self.replay_label.setText(self.tr("{epoch} of {last}").format(
            epoch=numbers.whole(self.shown_epoch()), last=numbers.whole(epochs[-1])))

    # ------------------------------------------------------------ runs
    def set_runs_folder(self, folder: str | None) -> None:
        """Keep runs in `folder` (None: keep none)."""
        self.document.set_store(RunStore(folder) if folder else None)
        if self.document.store_problem:
            self.dialogs.error(self.document.store_problem)
        self.run_list.set_folder(folder or "")

    @Slot()
    def refresh_runs(self) -> None:
        store = self.document.store
        self.run_list.set_rows(runs.rows(store.list()) if store is not None else [])

    def _record(self, run_id: str):
        store = self.document.store
        if store is None:
            return None
        return next((r for r in store.list() if r.id == run_id), None)

    @Slot(str)
    def _open_run(self, run_id: str) -> None:
        record = self._record(run_id)
        if record is None or self.document.busy:
            return
        if record.model is None:
            self.dialogs.error(self.tr("The run {name} cannot be opened: {why}.").format(
                name=record.name, why=QCoreApplication.translate("Runs", record.problem)))
            return
        if self._replace(lambda: self.document.open_run(record)):
            self.pages.setCurrentIndex(0)

    @Slot(list)
    def _delete_runs(self, run_ids: list) -> None:
        d = self.document
        records = [r for r in (self._record(i) for i in run_ids) if r is not None]
        if d.training and d.run is not None:
            records = [r for r in records if r.id != d.run.id]  # not the one training now
        if not records or not self.dialogs.confirm(self.tr(
                "Delete {n} run(s) and their folders? This cannot be undone.\n{names}").format(
                n=len(records), names="\n".join(r.name for r in records))):
            return
        for record in records:
            try:
                d.store.delete(record)
            except OSError as err:
                self.dialogs.error(presenter.user_message(err))
            if d.run is not None and d.run.id == record.id:
                d.run = None
        self.refresh_runs()

    @Slot(str, str)
    def _rename_run(self, run_id: str, name: str) -> None:
        d = self.document
        if d.run is not None and d.run.id == run_id:
            # The open run's record is the one its recorder writes.
            d.run.name = name.strip() or d.run.name
            if not d.training:
                d.store.write(d.run)
            return
        record = self._record(run_id)
        if record is not None:
            d.store.rename(record, name)
