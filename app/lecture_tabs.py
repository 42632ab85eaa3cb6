"""The lecture's small experiments as tabs of the main window: AND with one
neuron, the gradient paths, the activation functions.

They train through the window's one controller and its worker thread, like
every other run; this object only routes the controller's signals to the view
whose run it is.
"""
from __future__ import annotations

import numpy as np
from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtWidgets import QTabWidget

from training.experiment import Experiment
from training.paths import GRID_W1, GRID_W2, loss_surface
from widgets.activation_view import ActivationView
from widgets.and_view import AndView
from widgets.path_view import PathView

from .controller import Controller, Snapshot

AND, PATHS = "and", "paths"


class LectureTabs(QObject):
    pathsFinished = Signal(object)  # {batch size: PathRun}

    def __init__(self, controller: Controller, tabs: QTabWidget, parent=None):
        super().__init__(parent)
        self.controller = controller
        self.and_view = AndView()
        self.path_view = PathView()
        self.activation_view = ActivationView()
        tabs.addTab(self.and_view, "AND neuron")
        tabs.addTab(self.path_view, "Gradient paths")
        tabs.addTab(self.activation_view, "Activation functions")
        self.path_view.set_surface(GRID_W1, GRID_W2,
                                   loss_surface(self.path_view.experiment(), GRID_W1, GRID_W2))
        # Which view the current session's epochs and batches go to.
        self.route: str | None = None
        self._and_waiting: Experiment | None = None  # built, then trained
        self._expect: str | None = None              # the route of the run asked for

        self.and_view.startRequested.connect(self.start_and)
        self.and_view.stopRequested.connect(controller.stop)
        self.path_view.startRequested.connect(self.start_paths)
        self.path_view.stopRequested.connect(controller.stop)
        controller.sessionChanged.connect(self._on_session)
        controller.runStarted.connect(self._on_run_started)
        controller.epochEnded.connect(self._on_epoch)
        controller.batchEnded.connect(self._on_batch)
        controller.trainingChanged.connect(self._on_training)

    # ------------------------------------------------------------ AND
    @Slot(object)
    def start_and(self, experiment: Experiment) -> None:
        """Build the model first, so the table's epoch 0 shows the real model's
        predictions, then train it."""
        if self.controller.busy:
            self.controller.status.emit("Wait for the running task to end.")
            return
        self._and_waiting = experiment
        self.controller.new_session(experiment)

    @Slot(object)
    def _on_session(self, snap: Snapshot) -> None:
        e, self._and_waiting = self._and_waiting, None
        if e is None or snap.experiment != e:
            self.route = None  # another model now: a preset, a load
            return
        self.and_view.reset(snap.predictions, np.concatenate([np.ravel(w) for w in snap.weights]))
        self._expect = AND
        self.controller.resume(e.epochs)

    # ------------------------------------------------------------ paths
    @Slot(object)
    def start_paths(self, experiment: Experiment) -> None:
        c = self.controller
        if c.busy:
            c.status.emit("Wait for the running task to end.")
            return

        def task(listener, stop):
            from training.paths import run_paths
            return run_paths(experiment, listener=lambda bs, w: listener.on_batch((bs, w)),
                             stop=stop)

        self.path_view.reset()
        self.route = PATHS
        if c.run_training("Gradient paths", task, self._on_paths_done):
            c.status.emit("Training from one start with batch sizes 9, 3 and 1…")

    @Slot(object)
    def _on_paths_done(self, runs) -> None:
        self.controller.status.emit(" · ".join(
            f"batch size {bs}: {len(r.points) - 1} updates, loss {r.history['loss'][-1]:.4g}"
            for bs, r in runs.items() if r.history.get("loss")))
        self.pathsFinished.emit(runs)

    # ------------------------------------------------------------ routing
    @Slot(int, int)
    def _on_run_started(self, first: int, last: int) -> None:
        # A Resume (first > 1) carries on where the model's epochs went before;
        # a fresh run that is not ours (the panel's Start) goes to the Training tab.
        if self._expect is not None:
            self.route, self._expect = self._expect, None
        elif first == 1:
            self.route = None

    @Slot(int, dict, object)
    def _on_epoch(self, epoch: int, logs: dict, predictions) -> None:
        if self.route == AND:
            self.and_view.add_epoch(epoch, predictions)

    @Slot(object)
    def _on_batch(self, payload) -> None:
        if self.route == AND:
            self.and_view.set_weights(payload)
        elif self.route == PATHS:
            batch_size, w = payload
            self.path_view.add_point(batch_size, w)

    @Slot(bool)
    def _on_training(self, training: bool) -> None:
        # One controller runs one task: every tab's Train waits for it.
        self.and_view.set_running(training)
        self.path_view.set_running(training)
        if not training and self.route == PATHS:
            self.route = None  # the paths' models are not the controller's session
