"""Keeping a training run's folder up to date while it trains (in the worker thread).

Every epoch goes into memory; at least every CHECKPOINT_SECONDS, and when a
segment ends, the record, the model, the replay predictions and the
TensorBoard scalars reach the disk, each written whole (training.atomic). A
process killed in between loses only the epochs since the last checkpoint.
"""
from __future__ import annotations

import os
import socket
import time

from . import persistence
from .atomic import write_atomic
from .errors import Message, SaveError
from .texts import QT_TRANSLATE_NOOP
from .run_store import (CHECKPOINT_SECONDS, MODEL, PREDICTIONS, Replay, RunRecord, RunStore,
                        experiment_to_dict)

class RunRecorder:
    """One run's bookkeeping while it trains; all calls from the training thread."""

    def __init__(self, store: RunStore, record: RunRecord, replay: Replay | None = None,
                 events: bool = True):
        self.store = store
        self.record = record
        self.replay = replay or Replay()
        self._events = events
        self._writer = None
        self._pending_scalars: list[tuple[int, float, dict]] = []
        self._last_write = 0.0
        self._segment_started = 0.0
        self.failed: Message | str = ""  # why the folder could not be written, once

    # ------------------------------------------------------------ segments
    def begin(self, session, first_epoch: int, last_epoch: int) -> None:
        r = self.record
        r.experiment = experiment_to_dict(session.experiment)
        # The session's own history, which the engine extends epoch by epoch.
        r.history = session.history
        if session.last_predictions is not None and session.epochs_done not in self.replay.by_epoch:
            self.replay.add(session.epochs_done, session.last_predictions, None)
        r.segments.append({"first_epoch": first_epoch, "last_epoch": last_epoch,
                           "started": time.strftime("%Y-%m-%dT%H:%M:%S"), "seconds": 0.0,
                           "status": "running"})
        r.status = "running"
        self._segment_started = time.monotonic()
        self._checkpoint(session, model=False)

    def epoch(self, session, epoch: int, logs: dict, predictions) -> None:
        r = self.record
        val = logs.get("val_loss")
        if val is not None and (r.best is None or val < r.best["val_loss"]):
            r.best = {"epoch": epoch, "val_loss": float(val)}
        self.replay.add(epoch, predictions, r.best["epoch"] if r.best else None)
        self._pending_scalars.append((epoch, time.time(), dict(logs)))
        if time.monotonic() - self._last_write >= CHECKPOINT_SECONDS:
            self._checkpoint(session)

    def end(self, session, result) -> None:
        """The segment is over: its status, time and test errors, and everything on disk."""
        r = self.record
        status = ("diverged" if result.not_finite else "stopped" if result.stopped_by_user
                  else "early-stopped" if result.stopped_early else "finished")
        seconds = time.monotonic() - self._segment_started
        if r.segments:
            r.segments[-1].update(seconds=result.seconds, status=status,
                                  last_epoch=session.epochs_done)
        r.wall_seconds += seconds
        errors = session.test_errors()
        if errors:
            r.test_errors.append({"after_epoch": session.epochs_done, **errors})
        # Early stopping may have restored older weights: the replay's last
        # entry is the model as it is.
        if session.last_predictions is not None:
            self.replay.add(session.epochs_done, session.last_predictions,
                            r.best["epoch"] if r.best else None)
        r.status = status
        self._checkpoint(session)
        self._close_events()

    def fail(self, session) -> None:
        """The task broke off (an error, not a stop): what there is, kept."""
        r = self.record
        if r.segments:
            r.segments[-1]["status"] = "interrupted"
        r.status = "interrupted"
        self._checkpoint(session, model=session is not None and session.model is not None)
        self._close_events()

    # ------------------------------------------------------------ writing
    def _checkpoint(self, session, model: bool = True) -> None:
        r = self.record
        self._last_write = time.monotonic()
        try:
            if model and session is not None and session.model is not None:
                persistence.save(session, os.path.join(r.folder, MODEL))
                r.model = MODEL
            write_atomic(os.path.join(r.folder, PREDICTIONS),
                         self.replay.image(r.best["epoch"] if r.best else None))
            self.store.write(r)
        except SaveError as err:
            self.failed = self.failed or err.message
        self._write_events()

    def _write_events(self) -> None:
        """TensorBoard scalars for the epochs since the last checkpoint, in one go.

        Event records through TFRecordWriter, one Summary each, as
        tf.summary.scalar's v1 form (simple_value), which TensorBoard reads as
        scalars: 14 ms for a 1000-epoch run, where eager tf.summary.scalar took
        340 ms and a tf.function writer is bound to one file writer."""
        pending, self._pending_scalars = self._pending_scalars, []
        if not self._events or not pending:
            return
        try:
            import tensorflow as tf
            from tensorflow.core.framework.summary_pb2 import Summary
            from tensorflow.core.util.event_pb2 import Event
            if self._writer is None:
                name = f"events.out.tfevents.{int(time.time())}.{socket.gethostname()}"
                self._writer = tf.io.TFRecordWriter(os.path.join(self.record.folder, name))
                self._writer.write(Event(wall_time=time.time(),
                                         file_version="brain.Event:2").SerializeToString())
            for epoch, wall, logs in pending:
                values = [Summary.Value(tag=key, simple_value=value) for key, value in logs.items()]
                self._writer.write(Event(wall_time=wall, step=epoch,
                                         summary=Summary(value=values)).SerializeToString())
            self._writer.flush()
        except Exception as err:  # noqa: BLE001 - the run matters more than its events
            self._events = False
            self.failed = self.failed or Message(
                QT_TRANSLATE_NOOP("Messages", "TensorBoard events not written: {error}"),
                error=str(err))

    def _close_events(self) -> None:
        if self._writer is not None:
            self._writer.close()
            self._writer = None

