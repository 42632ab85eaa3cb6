"""The lecture's small experiments as tabs of their own: AND with one neuron,
the gradient paths, the activation functions.

Each trainable tab owns a TaskRunner, so its runs have their own worker
thread, go on beside a Training run, and never touch the Training tab's
model, panel, plots or status.
"""
from __future__ import annotations

import numpy as np
from PySide6.QtCore import QCoreApplication, QObject, Signal, Slot

from training.experiment import Experiment
from training.gradient_paths import GRID_W1, GRID_W2, loss_surface
from widgets.activation_view import ActivationView
from widgets.and_view import AndView
from widgets import numbers
from widgets.path_view import PathView, covering_grid

from .dialogs import Dialogs
from .runner import TaskRunner

translate = QCoreApplication.translate


class LectureTab(QObject):
    """A lecture view and its own runs."""
    status = Signal(str)  # for the window's status bar while this tab shows
    settingsChanged = Signal()

    def __init__(self, name: str, view, dialogs: Dialogs, parent=None):
        super().__init__(parent)
        self.view = view
        self.dialogs = dialogs
        self.runner = TaskRunner(name, self)
        self.run_id = 0  # the run this tab's view follows
        self.last_status = ""
        self.runner.failed.connect(self._on_failed)
        self.runner.trainingChanged.connect(view.set_running)
        view.stopRequested.connect(self.stop)
        view.startRequested.connect(self.start)
        view.stepRequested.connect(self.step)
        view.settingsChanged.connect(self.settingsChanged)

    def say(self, text: str) -> None:
        self.last_status = text
        self.status.emit(text)

    def code_experiment(self) -> Experiment:
        """What the Keras code view shows for this tab."""
        return self.view.experiment()

    def request_start(self) -> None:
        """Start the run the view's settings describe (the Train button)."""
        self.view.startRequested.emit(self.view.experiment())

    @Slot(int, str)
    def _on_failed(self, run_id: int, message: str) -> None:
        self.say(message)
        self.dialogs.error(message)

    @Slot()
    def stop(self) -> None:
        if self.runner.stop():
            self.say(self.tr("Stopping…"))

    def _run(self, name: str, task, on_done) -> bool:
        run_id = self.runner.run(name, task, on_done, training=True, wants_batches=True)
        if run_id is None:
            self.say(self.tr("Wait for this tab's run to end."))
            return False
        self.run_id = run_id
        return True

    @Slot(object)
    def start(self, experiment: Experiment) -> None:
        raise NotImplementedError

    @Slot()
    def step(self) -> None:
        raise NotImplementedError


class AndTab(LectureTab):
    """One neuron learns AND: the table of its four predictions after every epoch."""

    def __init__(self, dialogs: Dialogs, parent=None):
        super().__init__(translate("AndTab", "AND neuron"), AndView(), dialogs, parent)
        # The neuron of the last run or step, and the settings it was made
        # with: One sample goes on with it while they stay as they are.
        self._session = None
        self._session_of = None
        r = self.runner
        r.started.connect(self._on_started)
        r.epochEnded.connect(self._on_epoch)
        r.batchEnded.connect(self._on_batch)
        self.view.tableExportRequested.connect(self.export_table)

    @Slot()
    def export_table(self) -> None:
        data = self.view.table_csv()
        if data is None:
            self.dialogs.error(self.tr("There is no table to save yet: train first."))
            return
        written = self.dialogs.save_csv(self.tr("Save the AND table"), data)
        if written:
            self.say(self.tr("Table written to {path}.").format(path=written))

    @Slot(object)
    def start(self, experiment: Experiment) -> None:
        def task(state):
            from training import tasks
            return tasks.start(experiment, state)
        if self._run(self.tr("AND neuron"), task, self._on_done):
            self.say(self.tr("Training {title}…").format(
                title=translate("Presets", experiment.title)))

    @Slot(int, object)
    def _on_started(self, run_id: int, payload) -> None:
        # The model is built: the table's epoch 0 shows its real predictions.
        if run_id == self.run_id:
            self._session, snap = payload
            self._session_of = snap.experiment
            self.view.reset(snap.predictions, np.concatenate([np.ravel(w) for w in snap.weights]))

    @Slot()
    def step(self) -> None:
        """One update on the next sample, on the neuron trained so far, or on a
        new one when the settings changed."""
        e = self.view.experiment()
        # The epochs set do not matter to one more update.
        same = (self._session_of is not None
                and self._session_of.replace(epochs=1) == e.replace(epochs=1))
        session = self._session if same else None

        def task(state):
            from training import tasks
            return tasks.step(session, e, state)
        self._run(self.tr("AND neuron"), task, self._on_stepped)

    @Slot(object)
    def _on_stepped(self, result) -> None:
        self._session, update = result
        epoch = self._session.epochs_done + (0 if self._session.batches_into_epoch == 0 else 1)
        self.say(self.tr("Update {n} of 4 in epoch {epoch}").format(
            n=update, epoch=numbers.whole(epoch)))

    @Slot(int, int, dict, object)
    def _on_epoch(self, run_id: int, epoch: int, logs: dict, predictions) -> None:
        if run_id == self.run_id:
            self.view.add_epoch(epoch, predictions)

    @Slot(int, object)
    def _on_batch(self, run_id: int, weights) -> None:
        if run_id == self.run_id:
            self.view.set_weights(weights)

    @Slot(object)
    def _on_done(self, payload) -> None:
        result, snap = payload
        loss = snap.history.get("loss", [float("nan")])[-1]
        self.say(self.tr("AND: {epochs} epochs, loss {loss}; predictions {predictions}").format(
            epochs=numbers.whole(snap.epochs_done), loss=numbers.short(loss),
            predictions="; ".join(numbers.fixed(p) for p in snap.predictions)))


class PathsTab(LectureTab):
    """Gradient paths: one start, trained with batch sizes 9, 3 and 1."""
    pathsFinished = Signal(object)  # {batch size: PathRun}

    def __init__(self, dialogs: Dialogs, parent=None):
        super().__init__(translate("PathsTab", "Gradient paths"), PathView(), dialogs, parent)
        view = self.view
        view.set_surface(GRID_W1, GRID_W2, loss_surface(view.experiment(), GRID_W1, GRID_W2))
        # The view asks for the surface over what it shows after a resize, zoom
        # or pan; the losses are computed here, not in the widgets' layer.
        view.surfaceRequested.connect(self._cover)
        self.runner.batchEnded.connect(self._on_batch)
        # The three paths' models of the steps so far, and what they started from.
        self._sessions = None
        self._sessions_of = None

    @Slot(object, object)
    def _cover(self, w1_range, w2_range) -> None:
        """The loss over the visible range and a margin (about 5 ms)."""
        w1, w2 = covering_grid(w1_range, w2_range)
        self.view.set_surface(w1, w2, loss_surface(self.view.experiment(), w1, w2), home=False)

    @Slot(object)
    def start(self, experiment: Experiment) -> None:
        def task(state):
            from training.gradient_paths import run_paths
            return run_paths(experiment, state=state)
        self.view.reset()
        if self._run(self.tr("Gradient paths"), task, self._on_done):
            self.say(self.tr("Training from one start with batch sizes 9, 3 and 1…"))

    @Slot()
    def step(self) -> None:
        """One update of each path, from where the steps so far left them, or
        from the start when the start or the learning rate changed."""
        e = self.view.experiment()
        key = (e.initial_weights, e.learning_rate)
        sessions = self._sessions if self._sessions_of == key else None
        if sessions is None:
            self.view.reset()

        def task(state):
            from training import tasks
            return tasks.path_steps(sessions, e, state)
        self._sessions_of = key
        self._run(self.tr("Gradient paths"), task, self._on_stepped)

    @Slot(object)
    def _on_stepped(self, result) -> None:
        self._sessions, updates = result
        self.say(" · ".join(self.tr("batch size {size}: {n} updates").format(
            size=size, n=numbers.whole(n)) for size, n in updates.items()))

    @Slot(int, object)
    def _on_batch(self, run_id: int, payload) -> None:
        if run_id == self.run_id:
            batch_size, w = payload
            self.view.add_point(batch_size, w)

    @Slot(object)
    def _on_done(self, runs) -> None:
        self.say(" · ".join(
            self.tr("batch size {size}: {n} updates, loss {loss}").format(
                size=bs, n=numbers.whole(len(r.points) - 1), loss=numbers.short(r.history["loss"][-1]))
            for bs, r in runs.items() if r.history.get("loss")))
        self.pathsFinished.emit(runs)


class ActivationTab(QObject):
    """Nothing trains here: the curves follow the sliders."""
    status = Signal(str)
    settingsChanged = Signal()  # never: there is no experiment

    def code_experiment(self) -> None:
        return None

    def __init__(self, parent=None):
        super().__init__(parent)
        self.view = ActivationView()
        self.runner = None
        self.last_status = ""
