"""The controller owns one training session and runs everything Keras does in a worker thread.

The GUI thread never calls Keras: it asks the controller, which runs a task in
a QThread (app/worker.py) and re-emits what the task reports. While a task
runs, only the thread-safe requests (stop, save at the next epoch end) touch
the session.
"""
from __future__ import annotations

import os
import threading
from dataclasses import dataclass, field

import numpy as np
from PySide6.QtCore import QObject, QThread, Signal, Slot

from training.experiment import Experiment

from .worker import TaskWorker, start_worker


@dataclass
class Snapshot:
    """What the views need to show a session, as plain data."""
    experiment: Experiment
    history: dict
    epochs_done: int
    predictions: np.ndarray | None
    y_eval: np.ndarray
    test_errors: dict | None
    weights: list = field(default_factory=list)


def snapshot(session) -> Snapshot:
    """Taken in the worker thread, at the end of a task: it reads the model's
    weights, and turns a history of up to 100,000s of epochs into arrays there
    rather than in the GUI thread."""
    return Snapshot(
        experiment=session.experiment,
        history={k: np.asarray(v, dtype=float) for k, v in session.history.items()},
        epochs_done=session.epochs_done,
        predictions=None if session.last_predictions is None else session.last_predictions.copy(),
        y_eval=session.data.y_eval,
        test_errors=session.test_errors(),
        weights=[w.copy() for w in session.model.get_weights()] if session.model else [])


class Controller(QObject):
    engineReady = Signal()
    sessionChanged = Signal(object)          # Snapshot: a new or reloaded model
    runStarted = Signal(int, int)            # first epoch, last epoch of this run
    epochEnded = Signal(int, dict, object)   # epoch, logs, predictions
    batchEnded = Signal(object)
    runFinished = Signal(object)             # (TrainResult, Snapshot)
    busyChanged = Signal(bool)
    trainingChanged = Signal(bool)
    status = Signal(str)                     # for the status bar
    error = Signal(str)                      # for a message box
    saved = Signal(str, str)                 # path, kind

    def __init__(self, parent=None):
        super().__init__(parent)
        self.session = None
        self.engine_ready = False
        self.training = False
        self.unsaved = False
        self._thread: QThread | None = None
        self._worker: TaskWorker | None = None
        self._pending = None
        self._stop = threading.Event()
        self._save_note = ""

    # ------------------------------------------------------------ task plumbing
    @property
    def busy(self) -> bool:
        return self._thread is not None

    def _run(self, name: str, task, on_done, training: bool = False) -> bool:
        if self.busy:
            return False
        worker = TaskWorker(task, name)
        worker.epochEnded.connect(self._on_epoch)
        worker.batchEnded.connect(self.batchEnded)
        worker.saved.connect(self._on_saved)
        worker.saveFailed.connect(self._on_save_failed)
        worker.failed.connect(self._on_failed)
        worker.done.connect(on_done)
        self._worker = worker
        self.training = training
        self._thread = start_worker(worker, self._on_finished)
        self.busyChanged.emit(True)
        if training:
            self.trainingChanged.emit(True)
        return True

    @Slot()
    def _on_finished(self) -> None:
        # Queued from the ending thread; shutdown() may have cleaned up already,
        # and then dropped the last reference to that thread: sender() is None.
        if self._thread is not None and self.sender() is self._thread:
            self._forget_thread()

    def _forget_thread(self) -> None:
        self._thread.wait()  # finished is emitted just before the thread ends
        self._thread = self._worker = None
        was_training, self.training = self.training, False
        if was_training:
            self.trainingChanged.emit(False)
        self.busyChanged.emit(False)
        pending, self._pending = self._pending, None
        if pending is not None:
            pending()

    @Slot(str)
    def _on_failed(self, message: str) -> None:
        self.status.emit(message)
        self.error.emit(message)

    @Slot(int, dict, object)
    def _on_epoch(self, epoch: int, logs: dict, predictions) -> None:
        self.unsaved = True
        self.epochEnded.emit(epoch, logs, predictions)

    @Slot(str, str)
    def _on_saved(self, path: str, kind: str) -> None:
        self.unsaved = False
        note, self._save_note = self._save_note, ""
        self.status.emit(f"Saved the {'weights' if kind == 'weights' else 'model'} to {path}."
                         + (f" {note}" if note else ""))
        self.saved.emit(path, kind)

    @Slot(str, str)
    def _on_save_failed(self, path: str, reason: str) -> None:
        self._on_failed(f"Not saved: {reason}")

    def _when_idle(self, action) -> None:
        """Run `action` now, or as soon as the current (non-training) task ends."""
        if self.busy:
            self._pending = action
        else:
            action()

    # ------------------------------------------------------------ operations
    def warm_up(self, experiment: Experiment) -> None:
        """Load TensorFlow in the background and build the default experiment's model."""
        self.status.emit("Loading TensorFlow…")
        self.new_session(experiment)

    def new_session(self, experiment: Experiment) -> None:
        def task(listener):
            from training.engine import Session
            session = Session(experiment).build()
            return session, snapshot(session)
        self._when_idle(lambda: self._run("Building the model", task, self._on_built))

    @Slot(object)
    def _on_built(self, result) -> None:
        self._adopt_session(*result)

    def _adopt_session(self, session, snap: Snapshot) -> None:
        self.session = session
        self.unsaved = False
        if not self.engine_ready:
            self.engine_ready = True
            self.engineReady.emit()
        self.sessionChanged.emit(snap)
        self.status.emit(f"Ready: {session.experiment.title or session.experiment.name}, "
                         f"{session.model.count_params():,} weights")

    def start(self, experiment: Experiment) -> None:
        """Build a fresh model from `experiment` and train it."""
        def task(listener, stop):
            from training.engine import Session
            session = Session(experiment).build()
            # Swapped in from the worker thread; the GUI thread reads the
            # session only once the task is over.
            self.session = session
            return session.train(experiment.epochs, listener, stop), snapshot(session)
        self._when_idle(lambda: self._begin(task, 1, experiment.epochs))

    def resume(self, until_epoch: int) -> None:
        """Train the current model further, up to epoch `until_epoch`."""
        if self.session is None:
            return
        session = self.session
        first = session.epochs_done + 1
        if until_epoch < first:
            self.error.emit(f"The model has already trained {session.epochs_done} epochs; "
                            f"ask for more than that.")
            return
        self._when_idle(lambda: self._begin(
            lambda listener, stop: (session.train(until_epoch, listener, stop), snapshot(session)),
            first, until_epoch))

    def _begin(self, task, first: int, last: int) -> None:
        if self.run_training("Training", task, self._on_trained):
            self.runStarted.emit(first, last)
            self.status.emit(f"Training epochs {first}–{last}…")

    def run_training(self, name: str, task, on_done) -> bool:
        """Run `task(listener, stop)` as a training run: Stop, Esc and closing
        the window set `stop`. False when another task is running."""
        # One stop flag per run, made here in the GUI thread, so a Stop pressed
        # while the worker is still building the model is not lost.
        stop = self._stop = threading.Event()
        return self._run(name, lambda listener: task(listener, stop), on_done, training=True)

    @Slot(object)
    def _on_trained(self, payload) -> None:
        result, snap = payload
        self.runFinished.emit(payload)
        if result.not_finite:
            why = f"Stopped at epoch {self.session.epochs_done + 1}: the loss is no longer a finite number. The last finite weights are kept."
        elif result.stopped_by_user:
            why = f"Stopped after epoch {snap.epochs_done}. Resume trains the same model further."
        elif result.stopped_early:
            why = f"Early stopping after epoch {snap.epochs_done}: val_loss did not improve."
        else:
            why = f"Trained to epoch {snap.epochs_done} in {result.seconds:.1f} s."
        if result.restored_best_epoch is not None:
            why += f" Best weights (epoch {result.restored_best_epoch}) restored."
        self.status.emit(why)

    def stop(self) -> None:
        if self.training:
            self._stop.set()
            self.status.emit("Stopping…")

    def save(self, path: str, kind: str = "model", note: str = "") -> None:
        """Save now, or at the next epoch end while training; `note` is added
        to the status message once saved."""
        if self.session is None:
            return
        self._save_note = note
        if self.training:
            self.session.request_save(path, kind)
            self.status.emit(f"Saving at the end of this epoch to {path}…")
            return
        session = self.session

        def task(listener):
            from training.persistence import save
            return save(session, path, kind), kind
        self._when_idle(lambda: self._run("Saving", task, self._on_save_task))

    @Slot(object)
    def _on_save_task(self, result) -> None:
        self._on_saved(*result)

    def load(self, path: str, experiment: Experiment) -> None:
        """Load a whole model; on any failure the current session stays."""
        like = self.session

        def task(listener):
            from training.engine import Session
            from training.persistence import load_session
            session, notes = load_session(path, like if like is not None else Session(experiment))
            return session, snapshot(session), notes, os.path.basename(path)
        self._when_idle(lambda: self._run("Loading", task, self._on_loaded))

    @Slot(object)
    def _on_loaded(self, result) -> None:
        session, snap, notes, name = result
        self._adopt_session(session, snap)
        self.status.emit(" ".join([f"Loaded {name}: {session.epochs_done} epochs trained."]
                                  + notes))

    def load_weights(self, path: str) -> None:
        if self.session is None:
            return
        session = self.session

        def task(listener):
            from training.persistence import load_weights
            load_weights(session, path)
            return snapshot(session)
        self._when_idle(lambda: self._run("Loading weights", task, self._on_weights_loaded))

    @Slot(object)
    def _on_weights_loaded(self, snap: Snapshot) -> None:
        self.sessionChanged.emit(snap)
        self.status.emit("Weights loaded.")

    def shutdown(self, timeout_ms: int | None = 1800) -> bool:
        """Stop whatever runs and wait for its thread (without limit for None);
        True when none is left."""
        self._pending = None
        self._stop.set()
        if self._thread is None:
            return True
        if not (self._thread.wait() if timeout_ms is None else self._thread.wait(timeout_ms)):
            return False
        self._forget_thread()
        return True
