"""The Training tab's document: the one model that Start replaces, that Save
and Load act on and that closing asks about.

Every Start makes a run, kept on disk in the runs folder (training.run_store)
with its model; Resume extends it by a segment. A model whose run folder is
up to date counts as saved: replacing it needs no question. Without a
writable runs folder the app trains anyway and asks as before.

The GUI thread never calls Keras: every operation is a task of
training.tasks, run by this document's own TaskRunner in a worker thread.
While a training run goes on, only its RunState's thread-safe requests (stop,
save at the next epoch end) reach it.
"""
from __future__ import annotations

import os
from collections import deque

from PySide6.QtCore import QCoreApplication, QObject, Signal, Slot

from training.errors import SaveError
from training.experiment import Experiment
from training.run_store import Replay, RunRecord, RunStore
from widgets import numbers

from . import presenter
from .runner import TaskRunner

translate = QCoreApplication.translate


class Document(QObject):
    engineReady = Signal()
    sessionChanged = Signal(object)              # Snapshot: a new, loaded or re-weighted model
    modelChanged = Signal()                      # the document's model is another one now
    runStarted = Signal(int, int, int)           # run id, first epoch, last epoch
    epochEnded = Signal(int, int, dict, object)  # run id, epoch, logs, predictions
    runFinished = Signal(int, object)            # run id, (TrainResult, Snapshot)
    busyChanged = Signal(bool)
    trainingChanged = Signal(bool)
    status = Signal(str)                         # for the status bar
    error = Signal(str)                          # for a message box
    saved = Signal(str, str)                     # path, kind
    runsChanged = Signal()                       # the runs folder's list changed
    replayChanged = Signal()                     # the open run's replay is another one
    inspected = Signal(int, object)              # epoch, training.inspection's statistics
    mapped = Signal(int, object)                 # epoch, decision map (2-D classes)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.runner = r = TaskRunner("Training", self)
        self.session = None          # touched by tasks only; the GUI thread passes it on
        self.engine_ready = False
        # Trained since the last save or load.
        self.unsaved = False
        # Outstanding saves in the order they were asked for, each with the
        # note for its status line and what to do once it succeeded.
        self._saves: deque[tuple[str, object]] = deque()
        self.store: RunStore | None = None
        self.store_problem = ""      # why the runs folder is not used, if it is not
        self.run: RunRecord | None = None   # the open run, kept on disk
        self._recorder = None        # its RunRecorder (used in the worker thread only)
        # The open run's test predictions per epoch, for the replay slider;
        # the GUI thread's own copy, fed by the epoch signals.
        self.replay = Replay()
        r.started.connect(self._on_started)
        r.epochEnded.connect(self._on_epoch)
        r.inspected.connect(self._on_inspected)
        r.mapped.connect(lambda _run, epoch, m: self.mapped.emit(epoch, m))
        self.sessionChanged.connect(self._look_now)
        r.saved.connect(self._on_saved)
        r.saveFailed.connect(self._on_save_failed)
        r.failed.connect(self._on_failed)
        r.busyChanged.connect(self.busyChanged)
        r.trainingChanged.connect(self.trainingChanged)

    @property
    def busy(self) -> bool:
        return self.runner.busy

    @property
    def training(self) -> bool:
        return self.runner.training

    # ------------------------------------------------------------ reports in
    @Slot(int, str)
    def _on_failed(self, run_id: int, message: str) -> None:
        self.status.emit(message)
        self.error.emit(message)

    @Slot(int, object)
    def _on_started(self, run_id: int, payload) -> None:
        # A Start's new model exists: from now on it is the document.
        self.session, snap = payload
        if snap.predictions is not None:
            self.replay.add(0, snap.predictions, None)
        self.unsaved = False
        self._ready()
        self.modelChanged.emit()

    @Slot(int, int, dict, object)
    def _on_epoch(self, run_id: int, epoch: int, logs: dict, predictions) -> None:
        self.unsaved = True
        self.replay.add(epoch, predictions, None)
        self.epochEnded.emit(run_id, epoch, logs, predictions)

    @Slot(int, int, object)
    def _on_inspected(self, run_id: int, epoch: int, stats) -> None:
        self.inspected.emit(epoch, stats)

    # ------------------------------------------------------------ inside the net
    @property
    def inspecting(self) -> bool:
        return self.runner.inspecting

    def set_inspecting(self, on: bool) -> None:
        """Whether someone looks inside the net: training then reports its
        statistics (paced, see worker.INSPECT_SECONDS; a running one from its
        next epoch on), and an idle model is looked at once now."""
        if on == self.runner.inspecting:
            return
        self.runner.inspecting = on
        if on and not self.training:
            self.look_now(maps=False)

    @Slot()
    def _look_now(self, *_args) -> None:
        self.look_now()

    def look_now(self, maps: bool = True) -> None:
        """The current model's statistics (if someone looks inside) and its
        decision map (2-D classes), once, as `inspected` and `mapped` (in the
        worker thread: the model is Keras's)."""
        def begin():
            session = self.session
            inspect = self.runner.inspecting
            if session is None or not (inspect or (maps and session.can_map)):
                return

            def task(state):
                return (session.epochs_done, session.inspect() if inspect else None,
                        session.decision_map() if maps and session.can_map else None)
            self.runner.run(self.tr("Looking inside the net"), task, self._looked)
        self.runner.when_idle(begin)

    def _looked(self, result) -> None:
        epoch, stats, decision = result
        if stats is not None:
            self.inspected.emit(epoch, stats)
        if decision is not None:
            self.mapped.emit(epoch, decision)

    @Slot(int, str, str)
    def _on_saved(self, run_id: int, path: str, kind: str) -> None:
        self.unsaved = False
        note, then = self._saves.popleft() if self._saves else ("", None)
        text = (self.tr("Saved the weights to {path}.") if kind == "weights"
                else self.tr("Saved the model to {path}.")).format(path=path)
        self.status.emit(text + (f" {note}" if note else ""))
        self.saved.emit(path, kind)
        if then is not None:
            then()

    @Slot(int, str, str)
    def _on_save_failed(self, run_id: int, path: str, reason: str) -> None:
        if self._saves:
            self._saves.popleft()  # what was to follow the save does not happen
        self._on_failed(run_id, self.tr("Not saved: {reason}").format(reason=reason))

    def _ready(self) -> None:
        if not self.engine_ready:
            self.engine_ready = True
            self.engineReady.emit()

    # ------------------------------------------------------------ runs
    def set_store(self, store: RunStore | None) -> None:
        """Keep runs in `store` from now on (None: keep none)."""
        self.store, self.store_problem = store, ""
        if store is not None and not store.writable():
            self.store = None
            self.store_problem = self.tr(
                "The runs folder {folder} cannot be written: runs are not kept, and unsaved "
                "models are asked about. File → Runs folder… chooses another.").format(
                folder=store.root)
        self.runsChanged.emit()

    @property
    def needs_saving(self) -> bool:
        """Replacing or closing would lose training: it is neither saved nor
        being kept in a run folder."""
        r = self._recorder
        recorded = self.store is not None and r is not None and not r.failed
        return self.unsaved and self.session is not None and not recorded

    @property
    def kept(self) -> bool:
        """The model is saved in its run folder as it is now."""
        r = self._recorder
        return (self.store is not None and self.run is not None and r is not None
                and not r.failed and self.run.model is not None and not self.unsaved)

    def _new_run(self, experiment: Experiment):
        """A new run's record and recorder, or None when runs are not kept."""
        self.run, self._recorder, self.replay = None, None, Replay()
        if self.store is None:
            return None
        from training.run_recorder import RunRecorder  # imports Keras: only once it runs
        try:
            self.run = self.store.create(experiment)
        except (SaveError, OSError) as err:
            self.store_problem = presenter.user_message(err)
            self.error.emit(self.store_problem)
            self.store = None
            return None
        self._recorder = RunRecorder(self.store, self.run)
        self.runsChanged.emit()
        return self._recorder

    def open_run(self, record: RunRecord) -> None:
        """Make a kept run the document: its model, history and replay."""
        store = self.store

        def task(state):
            from training import tasks
            return (*tasks.open_run(record), record)
        self.runner.when_idle(lambda: self.runner.run(self.tr("Opening the run"), task,
                                                      self._on_run_opened))

    @Slot(object)
    def _on_run_opened(self, result) -> None:
        from training.run_recorder import RunRecorder
        session, snap, replay, record = result
        self._adopt(session, snap)
        if self.store is not None:
            self.run, self._recorder = record, RunRecorder(self.store, record, replay)
        self.replay = replay.copy()
        self.replayChanged.emit()
        self.status.emit(self.tr("Opened the run {name}: {n} epochs.").format(
            name=translate("Presets", record.name), n=numbers.whole(session.epochs_done)))

    # ------------------------------------------------------------ operations
    def warm_up(self, experiment: Experiment) -> None:
        """Load TensorFlow in the background and build the default experiment's model."""
        self.status.emit(self.tr("Loading TensorFlow…"))
        self.new_session(experiment)

    def new_session(self, experiment: Experiment) -> None:
        def task(state):
            from training import tasks
            return tasks.build(experiment)
        self.runner.when_idle(lambda: self.runner.run(self.tr("Building the model"), task, self._on_built))

    @Slot(object)
    def _on_built(self, result) -> None:
        session, snap = result
        self._adopt(session, snap)
        self.status.emit(self.tr("Ready: {title}, {n} weights").format(
            title=translate("Presets", snap.experiment.title) or snap.experiment.name,
            n=numbers.whole(sum(w.size for w in snap.weights))))

    def _adopt(self, session, snap) -> None:
        """A built, loaded or opened model: no run of its own until it trains."""
        self.session = session
        self.unsaved = False
        self.run, self._recorder, self.replay = None, None, Replay()
        if snap.predictions is not None:
            self.replay.add(snap.epochs_done, snap.predictions, None)
        self.replayChanged.emit()
        self._ready()
        self.modelChanged.emit()
        self.sessionChanged.emit(snap)

    def start(self, experiment: Experiment) -> None:
        """Build a fresh model from `experiment` and train it."""
        def begin():
            recorder = self._new_run(experiment)
            self.replayChanged.emit()

            def task(state):
                from training import tasks
                return tasks.start(experiment, state, recorder)
            self._begin(self.tr("Training"), task, 1, experiment.epochs)
        self.runner.when_idle(begin)

    def resume(self, until_epoch: int) -> None:
        """Train the current model further, up to epoch `until_epoch`."""
        def begin():
            session = self.session
            if session is None:
                return
            first = session.epochs_done + 1
            if until_epoch < first:
                self.error.emit(self.tr("The model has already trained {n} epochs; ask for "
                                        "more than that.").format(n=numbers.whole(session.epochs_done)))
                return

            # A model not yet in a run (built, loaded, re-weighted) starts one.
            recorder = self._recorder if self.run is not None else self._new_run_for(session)

            def task(state):
                from training import tasks
                return tasks.train(session, state, until_epoch, recorder)
            self._begin(self.tr("Training"), task, first, until_epoch)
        self.runner.when_idle(begin)

    def _begin(self, name: str, task, first: int, last: int) -> None:
        run_id = self.runner.run(name, task, self._on_kept, training=True,
                                 on_trained=self._on_trained)
        self.runStarted.emit(run_id, first, last)
        self.status.emit(self.tr("Training epochs {first}–{last}…").format(
            first=numbers.whole(first), last=numbers.whole(last)))

    def _new_run_for(self, session):
        replay = self.replay
        recorder = self._new_run(session.experiment)
        if recorder is not None:
            recorder.replay = replay.copy()  # the predictions before this segment
            self.replay = replay
        return recorder

    @Slot(object)
    def _on_trained(self, payload) -> None:
        self.look_now()  # the last epoch, which the pace may have skipped
        # The Training tab says how the run ended: it knows the run's segments.
        self.runFinished.emit(self.runner.run_id, payload)

    @Slot(object)
    def _on_kept(self, _payload) -> None:
        """The task's end: the run's folder is up to date (or could not be written)."""
        r = self._recorder
        if r is None:
            return
        if r.failed:
            self.error.emit(self.tr("The run could not be kept in its folder: {why}").format(
                why=presenter.user_message(r.failed)))
        else:
            self.unsaved = False  # its model is in the run folder
        self.runsChanged.emit()

    def stop(self) -> None:
        if self.runner.stop():
            self.status.emit(self.tr("Stopping…"))

    def save(self, path: str, kind: str = "model", note: str = "", then=None) -> None:
        """Save the document's model: now, after the task that runs, or at the
        next epoch end of a training run (which waits for a model still being
        built). `note` is added to the status line once saved; `then` is
        called once the save succeeded."""
        if self.runner.training:
            self._saves.append((note, then))
            self.runner.state.request_save(path, kind)
            self.status.emit(self.tr("Saving at the end of this epoch to {path}…").format(path=path))
            return

        def begin():
            session = self.session
            if session is None:
                self._on_failed(0, self.tr("Not saved: there is no model yet."))
                return
            self._saves.append((note, then))

            def task(state):
                from training import tasks
                try:
                    state.saved(*tasks.save(session, path, kind))
                except Exception as err:  # reported as this save's failure, in order
                    state.save_failed(path, presenter.user_message(err))
            self.runner.run(self.tr("Saving"), task, None)
        self.runner.when_idle(begin)

    def load(self, path: str, experiment: Experiment) -> None:
        """Load a whole model; on any failure the current one stays. A file
        whose inputs do not fit `experiment`'s data trains on data that fit."""
        def task(state):
            from training import tasks
            return (*tasks.load_model(path, experiment), os.path.basename(path))
        self.runner.when_idle(lambda: self.runner.run(self.tr("Loading"), task, self._on_loaded))

    @Slot(object)
    def _on_loaded(self, result) -> None:
        session, snap, notes, name = result
        self._adopt(session, snap)
        self.status.emit(" ".join(
            [self.tr("Loaded {name}: {n} epochs trained.").format(
                name=name, n=numbers.whole(session.epochs_done))]
            + [presenter.user_message(note) for note in notes]))

    def load_weights(self, path: str) -> None:
        """Load weights into the current net; its history starts anew."""
        def begin():
            session = self.session
            if session is None:
                return

            def task(state):
                from training import tasks
                return tasks.load_weights(session, path)
            self.runner.run(self.tr("Loading weights"), task, self._on_weights_loaded)
        self.runner.when_idle(begin)

    @Slot(object)
    def _on_weights_loaded(self, snap) -> None:
        # New weights, a new history: the next training makes a new run.
        self.unsaved = False
        self.run, self._recorder, self.replay = None, None, Replay()
        if snap.predictions is not None:
            self.replay.add(0, snap.predictions, None)
        self.replayChanged.emit()
        self.sessionChanged.emit(snap)
        self.status.emit(self.tr("Weights loaded; the history starts anew at epoch 0."))

    def shutdown(self, timeout_ms: int | None = 1800) -> bool:
        return self.runner.shutdown(timeout_ms)
