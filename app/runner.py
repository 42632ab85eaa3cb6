"""One tab's tasks: one at a time, each in its own worker thread; what is asked
for while one runs waits its turn, in order.

Each tab has its own runner, so runs on different tabs go on side by side.
Every signal carries the id of the run it belongs to; ids are unique across
tabs, so a view can ignore whatever is not its own run's.
"""
from __future__ import annotations

import itertools
from collections import deque

from PySide6.QtCore import QObject, QThread, Signal, Slot

from training.runstate import RunState
from widgets import frame_clock

from .worker import TaskWorker, start_worker

_run_ids = itertools.count(1)


class TaskRunner(QObject):
    busyChanged = Signal(bool)
    trainingChanged = Signal(bool)
    started = Signal(int, object)               # run id, payload (the run's model exists)
    epochEnded = Signal(int, int, dict, object)  # run id, epoch, logs, predictions
    batchEnded = Signal(int, object)            # run id, payload
    inspected = Signal(int, int, object)        # run id, epoch, statistics
    mapped = Signal(int, int, object)           # run id, epoch, decision map
    saved = Signal(int, str, str)               # run id, path, kind
    saveFailed = Signal(int, str, str)          # run id, path, reason
    failed = Signal(int, str)                   # run id, message for the user

    def __init__(self, name: str, parent=None):
        super().__init__(parent)
        self.name = name
        self.training = False
        self.run_id = 0  # the current (or last) task's
        self._thread: QThread | None = None
        self._worker: TaskWorker | None = None
        self._on_done = self._on_trained = None
        self._pending: deque = deque()
        self._inspecting = False
        # Decision maps of 2-D classifications while training (the bench
        # switches them off to measure their cost).
        self.mapping = True
        # The live views' frames share the CPU with training: paced meanwhile.
        self.trainingChanged.connect(self._pace_frames)

    @property
    def busy(self) -> bool:
        return self._thread is not None

    @property
    def inspecting(self) -> bool:
        return self._inspecting

    @inspecting.setter
    def inspecting(self, on: bool) -> None:
        """Whether training reports training.inspection's statistics each
        epoch; the running task follows at its next epoch."""
        self._inspecting = on
        if self.state is not None:
            self.state.wants_inspection = on

    @property
    def state(self) -> RunState | None:
        """The running task's state (stop and save requests go there)."""
        return self._worker.state if self._worker is not None else None

    def run(self, name: str, task, on_done, training: bool = False,
            wants_batches: bool = False, on_trained=None) -> int | None:
        """Run `task(state)` now; `on_done(result)` gets what it returns. The
        run's id, or None when a task is already running. A training task that
        reports state.trained ends its training there: `on_trained(payload)`
        runs, Stop has nothing left to stop, and later saves wait for the task's
        end (its last bookkeeping) instead of an epoch end that will not come."""
        if self.busy:
            return None
        self.run_id = run_id = next(_run_ids)
        worker = TaskWorker(task, name, run_id, wants_batches, self._inspecting, self.mapping)
        worker.started.connect(self.started)
        worker.epochEnded.connect(self.epochEnded)
        worker.batchEnded.connect(self.batchEnded)
        worker.inspected.connect(self.inspected)
        worker.mapped.connect(self.mapped)
        worker.saved.connect(self.saved)
        worker.saveFailed.connect(self.saveFailed)
        worker.failed.connect(self.failed)
        worker.done.connect(self._done)
        worker.trained.connect(self._trained)
        self._worker, self._on_done, self._on_trained = worker, on_done, on_trained
        self.training = training
        self._thread = start_worker(worker, self._on_finished)
        self.busyChanged.emit(True)
        if training:
            self.trainingChanged.emit(True)
        return run_id

    def when_idle(self, action) -> None:
        """Call `action` now, or once the tasks before it have ended."""
        if self.busy:
            self._pending.append(action)
        else:
            action()

    def stop(self) -> bool:
        """Ask the running training task to stop after its current batch."""
        if self.training and self.state is not None:
            self.state.request_stop()
            return True
        return False

    @Slot(bool)
    def _pace_frames(self, training: bool) -> None:
        frame_clock.shared().set_training(self, training)

    @Slot(int, object)
    def _done(self, run_id: int, result) -> None:
        if run_id == self.run_id and self._on_done is not None:
            self._on_done(result)

    @Slot(int, object)
    def _trained(self, run_id: int, payload) -> None:
        if run_id != self.run_id or not self.training:
            return
        self.training = False
        self.trainingChanged.emit(False)
        if self._on_trained is not None:
            self._on_trained(payload)

    @Slot()
    def _on_finished(self) -> None:
        # Queued from the ending thread; shutdown() may have cleaned up already,
        # and then dropped the last reference to that thread: sender() is None.
        if self._thread is not None and self.sender() is self._thread:
            self._forget_thread()

    def _forget_thread(self) -> None:
        self._thread.wait()  # finished is emitted just before the thread ends
        self._thread = self._worker = self._on_done = self._on_trained = None
        was_training, self.training = self.training, False
        if was_training:
            self.trainingChanged.emit(False)
        self.busyChanged.emit(False)
        while self._pending and not self.busy:
            self._pending.popleft()()

    def shutdown(self, timeout_ms: int | None = 1800) -> bool:
        """Drop what waits, stop what runs and wait for its thread (without
        limit for None); True when none is left."""
        self._pending.clear()
        if self.state is not None:
            self.state.request_stop()
        if self._thread is None:
            return True
        if not (self._thread.wait() if timeout_ms is None else self._thread.wait(timeout_ms)):
            return False
        self._forget_thread()
        return True
