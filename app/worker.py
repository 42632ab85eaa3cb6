"""One thread recipe for every task that touches Keras (superqt's new_worker_qthread).

A task is a plain function `task(state) -> result` of one RunState, run in a
fresh QThread. The state's output callables are this worker's signal
emitters, each carrying the run's id, so the Qt-free engine reports into Qt
without knowing it.
"""
from __future__ import annotations

import sys
import traceback

from PySide6.QtCore import QCoreApplication, QObject, Qt, QThread, Signal, Slot

from training.errors import DataError, ExperimentError, LoadError, SaveError
from training.runstate import RunState

from .presenter import user_message


# Inside the net: at most 25 looks a second (its views draw 4 times a second).
INSPECT_SECONDS = 0.04
# The decision map: one model call on its grid, at most 10 times a second.
MAP_SECONDS = 0.1


class TaskWorker(QObject):
    # Every signal carries the run id first.
    started = Signal(int, object)            # the run's model exists (payload)
    epochEnded = Signal(int, int, dict, object)   # epoch (from 1), logs, predictions
    batchEnded = Signal(int, object)         # whatever the task reports per batch
    inspected = Signal(int, int, object)     # epoch, training.inspection's statistics
    mapped = Signal(int, int, object)        # epoch, Session.decision_map()
    saved = Signal(int, str, str)            # path, kind
    saveFailed = Signal(int, str, str)       # path, reason
    trained = Signal(int, object)            # training ended: (result, snapshot)
    done = Signal(int, object)               # the task's result
    failed = Signal(int, str)                # a message for the user
    finished = Signal()

    def __init__(self, task, name: str, run_id: int, wants_batches: bool = False,
                 inspecting: bool = False, mapping: bool = True):
        super().__init__()
        self._task = task
        self.name = name
        run = run_id
        # Made here, in the GUI thread: a stop or save asked for before the
        # thread runs is already in the state.
        self.state = RunState(
            run,
            on_started=lambda payload: self.started.emit(run, payload),
            on_epoch=lambda epoch, logs, p: self.epochEnded.emit(run, epoch, logs, p),
            on_batch=(lambda payload: self.batchEnded.emit(run, payload)) if wants_batches else None,
            on_inspect=lambda epoch, stats: self.inspected.emit(run, epoch, stats),
            on_map=(lambda epoch, m: self.mapped.emit(run, epoch, m)) if mapping else None,
            on_trained=lambda payload: self.trained.emit(run, payload),
            on_saved=lambda path, kind: self.saved.emit(run, path, kind),
            on_save_failed=lambda path, why: self.saveFailed.emit(run, path, user_message(why)))
        # Switched on and off while the run goes on (the views shown or not).
        self.state.wants_inspection = inspecting
        self.state.inspect_interval = INSPECT_SECONDS
        self.state.map_interval = MAP_SECONDS

    @Slot()
    def run(self) -> None:
        run = self.state.run_id
        try:
            # Here, in the worker thread: the first task starts TensorFlow.
            from training import runtime
            runtime.start()
            result = self._task(self.state)
        except (ExperimentError, DataError, LoadError, SaveError) as err:
            self.failed.emit(run, user_message(err))
        except Exception as err:  # noqa: BLE001 - reaches the user as a message, not a crash
            traceback.print_exc(file=sys.stderr)
            lines = str(err).strip().splitlines()
            self.failed.emit(run, self.tr("{task} failed: {error}").format(
                task=self.name, error=type(err).__name__ + (f": {lines[0]}" if lines else "")))
        else:
            self.done.emit(run, result)
        finally:
            # Back to the GUI thread before the thread ends, or Qt destroys this
            # object there (see start_worker).
            self.moveToThread(QCoreApplication.instance().thread())
            self.finished.emit()


def start_worker(worker: TaskWorker, on_thread_finished) -> QThread:
    """Run `worker` in a new thread. The caller keeps references to both until
    `on_thread_finished` runs (in the caller's thread, once the thread has
    ended) and then drops them: Python deletes both, in the GUI thread.

    Neither is deleteLater'd. Destroying a QObject made in Python calls into
    Python (PySide looks for an override of the sender's disconnectNotify)
    while Qt holds one of its shared signal-slot mutexes; in a thread without
    the GIL that waits for the GIL, and the GUI thread, which holds the GIL
    through any Qt call, may be waiting for that mutex: a deadlock (a window
    test hung so, in the worker's ~QObject at the thread's end). Deleted from
    Python, the GIL is held already."""
    thread = QThread()
    thread.setObjectName(f"task: {worker.name}")
    worker.moveToThread(thread)
    thread.started.connect(worker.run)
    # Direct: quit() is thread-safe, and a queued call would wait for the GUI
    # thread, which may itself be waiting for this thread to end (closing).
    worker.finished.connect(thread.quit, Qt.DirectConnection)
    thread.finished.connect(on_thread_finished)
    thread.start()
    return thread
