"""The app's Keras work as plain functions of one RunState (Orange's pattern).

Each runs in whatever thread calls it (the window's worker threads, the tests'
own thread) and knows nothing of Qt. They return plain data: a Snapshot of a
session is what the views need to show it.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from . import persistence
from .engine import Session, TrainResult
from .errors import LoadError, Message, SaveError
from .experiment import Experiment
from .runstate import RunState
from .texts import QT_TRANSLATE_NOOP


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
    # Classes: their names, and for a 2-D problem the points behind the map
    # (x_train, y_train, x_eval, y_eval).
    class_names: tuple | None = None
    points: tuple | None = None


def snapshot(session: Session) -> Snapshot:
    """Taken in the worker thread: it reads the model's weights, and turns a
    history of up to 100,000s of epochs into arrays there rather than in the
    GUI thread."""
    return Snapshot(
        experiment=session.experiment,
        history={k: np.asarray(v, dtype=float) for k, v in session.history.items()},
        epochs_done=session.epochs_done,
        predictions=None if session.last_predictions is None else session.last_predictions.copy(),
        y_eval=session.data.y_eval,
        test_errors=session.test_errors(),
        weights=[w.copy() for w in session.model.get_weights()] if session.model else [],
        class_names=session.data.class_names if session.data.task == "classification" else None,
        points=((session.data.x_train, session.data.y_train, session.data.x_eval,
                 session.data.y_eval) if session.can_map else None))


def serve_saves(session: Session | None, state: RunState) -> None:
    """Carry out the saves asked for so far; each one is reported saved, or
    failed with its reason (a Message: the window shows it translated)."""
    for path, kind in state.take_save_requests():
        if session is None or session.model is None:
            state.save_failed(path, Message(QT_TRANSLATE_NOOP(
                "Messages", "There is no model to save: building it failed.")))
            continue
        try:
            written = persistence.save(session, path, kind)
        except SaveError as err:
            state.save_failed(path, err.message)
        else:
            state.saved(written, kind)


def build(experiment: Experiment) -> tuple[Session, Snapshot]:
    session = Session(experiment).build()
    return session, snapshot(session)


def train(session: Session, state: RunState, until_epoch: int | None = None,
          recorder=None) -> tuple[TrainResult, Snapshot]:
    """Train `session` further; saves asked for during the run happen at the
    next epoch end, and any still waiting when it ends, right then. A
    RunRecorder, if given, keeps the run's folder up to date meanwhile."""
    last = session.experiment.epochs if until_epoch is None else until_epoch
    if recorder is not None:
        recorder.begin(session, session.epochs_done + 1, last)

    def at_epoch_end():
        if recorder is not None:
            recorder.epoch(session, session.epochs_done,
                           {k: v[-1] for k, v in session.history.items() if v},
                           session.last_predictions)
        serve_saves(session, state)
    try:
        result = session.train(until_epoch, state, at_epoch_end=at_epoch_end)
    except BaseException:
        if recorder is not None:
            recorder.fail(session)
        raise
    finally:
        serve_saves(session, state)
    out = result, snapshot(session)
    state.trained(out)
    if recorder is not None:
        recorder.end(session, result)
    return out


def start(experiment: Experiment, state: RunState, recorder=None) -> tuple[TrainResult, Snapshot]:
    """A new model from `experiment`, reported through state.started as
    (session, snapshot) before it trains its epochs."""
    session = None
    try:
        session = Session(experiment).build()
        state.started((session, snapshot(session)))
    except BaseException:
        serve_saves(session, state)  # the saves asked for fail, with a reason
        if recorder is not None:
            recorder.fail(session)
        raise
    return train(session, state, experiment.epochs, recorder)


def save(session: Session, path: str, kind: str) -> tuple[str, str]:
    return persistence.save(session, path, kind), kind


def load_model(path: str, experiment: Experiment) -> tuple[Session, Snapshot, list[Message]]:
    session, notes = persistence.load_session(path, experiment)
    return session, snapshot(session), notes


def load_weights(session: Session, path: str) -> Snapshot:
    persistence.load_weights(session, path)
    return snapshot(session)


def open_run(record) -> tuple[Session, Snapshot, "Replay"]:
    """A kept run's model with its history, and its replay predictions."""
    import os

    from .run_store import PREDICTIONS, Replay, experiment_from_dict
    path = record.model_path()
    if path is None:
        raise LoadError(QT_TRANSLATE_NOOP("Messages", "The run {name} has no model to open."),
                        name=record.name)
    session, _notes = persistence.load_session(path, experiment_from_dict(record.experiment))
    replay = Replay.read(os.path.join(record.folder, PREDICTIONS))
    if session.epochs_done not in replay.by_epoch and session.last_predictions is not None:
        replay.add(session.epochs_done, session.last_predictions, None)
    return session, snapshot(session), replay


def step(session: Session | None, experiment: Experiment, state: RunState) -> tuple[Session, int]:
    """One update of `session` (a new one from `experiment` if None, reported
    through state.started first); returns it with the update's number within
    its epoch."""
    if session is None:
        session = Session(experiment).build()
        state.started((session, snapshot(session)))
    return session, session.step(state)


def path_steps(sessions: dict | None, experiment: Experiment, state: RunState,
               batch_sizes=(9, 3, 1)) -> tuple[dict, dict]:
    """One update of each gradient path (batch sizes 9, 3 and 1) from where it
    stands; new sessions from the experiment's start when `sessions` is None.
    state.batch((batch_size, w)) hears each path's new point (and the start).
    Returns the sessions and the updates each has made."""
    if sessions is None:
        sessions = {}
        for size in batch_sizes:
            session = Session(experiment.replace(batch_size=size, record_batches=True)).build()
            sessions[size] = session
            state.batch((size, session.flat_weights()))
    for size, session in sessions.items():
        session.step(RunState(state.run_id, on_batch=lambda w, size=size: state.batch((size, w))))
    return sessions, {size: int(s.model.optimizer.iterations.numpy()) for size, s in sessions.items()}
