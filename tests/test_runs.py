"""Every run kept: folders on disk that survive a kill, a run list that
overlays and reopens runs, replay of any epoch, and a one-epoch step.
Real Keras, few epochs, the real window offscreen."""
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest

from training import persistence
from training.experiment import preset
from training.run_store import MODEL, PREDICTIONS, RECORD, RunStore, experiment_from_dict
from windows import SLOW_WORKER_MS

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def window(make_window, tmp_path):
    return make_window(runs_dir=str(tmp_path / "runs"))


def train(w, qtbot, epochs=3, **settings):
    t, d = w.training, w.document
    for name, value in settings.items():
        getattr(t.panel, name).setValue(value)
    t.panel.epochs.setValue(epochs)
    with qtbot.waitSignal(d.runFinished, timeout=SLOW_WORKER_MS) as done:
        t.start_button.click()
    qtbot.waitUntil(lambda: not d.busy)
    return done.args[1]


def test_a_run_is_a_folder_with_record_model_replay_and_events(window, qtbot, tmp_path):
    result, snap = train(window, qtbot, epochs=4)
    runs = RunStore(str(tmp_path / "runs")).list()
    assert len(runs) == 1
    run = runs[0]
    assert run.status == "finished" and run.epochs == 4 and not run.problem
    assert run.history["loss"] == pytest.approx(list(snap.history["loss"]))
    assert run.test_errors[-1]["mean_abs"] == pytest.approx(snap.test_errors["mean_abs"])
    assert experiment_from_dict(run.experiment) == window.training.panel.experiment()
    assert run.segments[0]["first_epoch"] == 1 and run.segments[0]["last_epoch"] == 4
    files = set(os.listdir(run.folder))
    assert {RECORD, MODEL, PREDICTIONS} <= files
    assert any(f.startswith("events.out.tfevents") for f in files)
    # The model in the folder is the model as it is.
    model, _ = persistence.load_session(run.model_path(), preset("boston"))
    for a, b in zip(model.model.get_weights(), snap.weights):
        np.testing.assert_array_equal(a, b)
    # A model in its run folder counts as saved.
    assert not window.document.needs_saving


def test_a_save_asked_as_the_run_ends_waits_for_the_folder_and_happens(window, qtbot, tmp_path):
    # runFinished comes before the run's last checkpoint (a stop answers at
    # once); a save asked right then has no epoch end left to wait for.
    d, path = window.document, str(tmp_path / "netz.h5")
    asked = []

    def save_now(_run, _payload):
        asked.append(d.runner.training)
        d.save(path)
    d.runFinished.connect(save_now)
    with qtbot.waitSignal(d.saved, timeout=SLOW_WORKER_MS) as saved:
        train(window, qtbot, epochs=2)
    assert asked == [False] and saved.args == [path, "model"]
    model, _ = persistence.load_session(path, preset("boston"))
    assert model.epochs_done == 2
    assert RunStore(str(tmp_path / "runs")).list()[0].status == "finished"


def test_tensorboards_own_reader_sees_the_scalars(window, qtbot, tmp_path):
    # The accumulator `tensorboard --logdir` itself reads with: it shows
    # scalars as tensor events, whichever form the file holds them in.
    from tensorboard.backend.event_processing.plugin_event_accumulator import EventAccumulator
    train(window, qtbot, epochs=3, validation=20)
    run = RunStore(str(tmp_path / "runs")).list()[0]
    events = EventAccumulator(run.folder)
    events.Reload()
    assert {"loss", "val_loss"} <= set(events.Tags()["tensors"])
    import tensorflow as tf
    read = events.Tensors("loss")
    values = [float(tf.make_ndarray(e.tensor_proto)) for e in read]
    assert [e.step for e in read] == [1, 2, 3]
    assert values == pytest.approx(run.history["loss"], rel=1e-6)


def test_start_replaces_a_kept_model_without_a_question(window, qtbot, monkeypatch):
    train(window, qtbot)
    monkeypatch.setattr(window.dialogs, "unsaved", lambda q: pytest.fail("asked: " + q))
    train(window, qtbot, learning_rate=0.01)
    assert len(window.document.store.list()) == 2


def test_two_runs_are_overlaid_and_named_by_what_differs(window, qtbot):
    train(window, qtbot, learning_rate=0.001)
    train(window, qtbot, learning_rate=0.01)
    runs = window.training.run_list
    window.training.pages.setCurrentIndex(1)
    assert runs.model.rowCount() == 2
    for row in runs.model.rows:
        runs.model.tick(row.id)
    qtbot.waitUntil(lambda: sum(c[0].isVisible() for c in runs._curves) == 2, timeout=5000)
    shown = [c for c in runs._curves if c[0].isVisible()]
    colours = {c[0].opts["pen"].color().name() for c in shown}
    assert len(colours) == 2
    assert all(len(c[0].getData()[0]) == 3 for c in shown)
    names = sorted(label.text for _, label in runs.legend.items)
    assert names == ["learning rate 0.001", "learning rate 0.01"]
    newest = runs.model.rows[0]
    assert "learning rate 0.01" in newest.differs


def test_reopening_a_run_restores_model_history_and_replay(window, qtbot, monkeypatch):
    _, first = train(window, qtbot, epochs=4, seed=3)
    first_run = window.document.run
    train(window, qtbot, epochs=2, seed=4)
    d, t = window.document, window.training
    with qtbot.waitSignal(d.sessionChanged, timeout=SLOW_WORKER_MS):
        t._open_run(first_run.id)
    qtbot.waitUntil(lambda: not d.busy)
    for a, b in zip(d.session.model.get_weights(), first.weights):
        np.testing.assert_array_equal(a, b)  # the very weights the run ended with
    assert d.session.history["loss"] == pytest.approx(list(first.history["loss"]))
    assert d.run.id == first_run.id and d.replay.epochs() == [0, 1, 2, 3, 4]
    # Resume extends that run by a segment.
    t.resume_mode.setCurrentIndex(1)
    t.more_epochs.setValue(2)
    with qtbot.waitSignal(d.runFinished, timeout=SLOW_WORKER_MS):
        t.resume_button.click()
    qtbot.waitUntil(lambda: not d.busy)
    again = next(r for r in d.store.list() if r.id == first_run.id)
    assert again.epochs == 6 and len(again.segments) == 2 and again.segments[1]["first_epoch"] == 5


def test_the_epoch_slider_shows_the_stored_predictions(window, qtbot):
    train(window, qtbot, epochs=5)
    t, d = window.training, window.document
    assert t.replay_slider.maximum() == 5  # epochs 0 to 5
    t.replay_slider.setValue(2)
    shown = t.prediction_plot.points.getData()[1]
    np.testing.assert_allclose(shown, d.replay.by_epoch[2], rtol=1e-6)
    assert t.loss_plot.replay_line.isVisible() and t.loss_plot.replay_line.value() == 2
    assert t.replay_label.text() == "2 of 5"
    t.replay_slider.setValue(5)
    assert not t.loss_plot.replay_line.isVisible()
    np.testing.assert_allclose(t.prediction_plot.points.getData()[1], d.session.last_predictions,
                               rtol=1e-6)


def test_step_trains_exactly_one_epoch(window, qtbot):
    train(window, qtbot, epochs=2)
    d, t = window.document, window.training
    with qtbot.waitSignal(d.runFinished, timeout=SLOW_WORKER_MS):
        window.actions.step.trigger()
    qtbot.waitUntil(lambda: not d.busy)
    assert d.session.epochs_done == 3 and len(t.loss_plot.loss.view) == 3
    assert d.store.list()[0].epochs == 3


def test_damaged_and_foreign_records_are_rows_with_a_note(tmp_path, qtbot, make_window):
    root = tmp_path / "runs"
    store = RunStore(str(root))
    good = store.create(preset("boston"))
    bad = [root / "broken", root / "edited", root / "newer", root / "empty"]
    for folder in bad:
        folder.mkdir()
    (root / "broken" / RECORD).write_text("{not json")
    edited = json.loads((Path(good.folder) / RECORD).read_text())
    edited["experiment"]["layers"] = "many"
    (root / "edited" / RECORD).write_text(json.dumps(edited))
    (root / "newer" / RECORD).write_text(json.dumps({"format": 99, "name": "future"}))
    listed = {r.id: r for r in store.list()}
    assert set(listed) == {good.id, "broken", "edited", "newer", "empty"}
    for name in ("broken", "edited", "newer", "empty"):
        assert listed[name].problem, name
    w = make_window(runs_dir=str(root))
    assert w.training.run_list.model.rowCount() == 5
    assert all(folder.exists() for folder in bad)  # nothing deleted


def test_an_unwritable_runs_folder_is_said_once_and_training_goes_on(make_window, qtbot, messages,
                                                                     tmp_path):
    blocked = tmp_path / "file-not-folder"
    blocked.write_text("x")
    w = make_window(runs_dir=str(blocked / "runs"))
    assert w.document.store is None
    assert len([m for m in messages if "cannot be written" in m]) == 1
    train(w, qtbot, epochs=2)
    assert w.document.session.epochs_done == 2 and w.document.needs_saving


KILLED = r'''
import sys
from training import runtime
runtime.start()
from training import tasks
from training.experiment import preset
from training.run_recorder import RunRecorder
from training.run_store import RunStore, Replay
from training.runstate import RunState
import training.run_store as rs
rs.CHECKPOINT_SECONDS = 0.2
import training.run_recorder as rr
rr.CHECKPOINT_SECONDS = 0.2
store = RunStore(sys.argv[1])
record = store.create(preset("boston").replace(epochs=100000))

def on_epoch(epoch, logs, p):
    if epoch == 40:
        print("epoch 40", flush=True)
state = RunState(on_epoch=on_epoch)
tasks.start(preset("boston").replace(epochs=100000), state, RunRecorder(store, record))
'''


def test_a_killed_run_is_interrupted_and_loads_and_trains_on(tmp_path, monkeypatch):
    root = tmp_path / "runs"
    child = subprocess.Popen([sys.executable, "-c", KILLED, str(root)], cwd=ROOT,
                             stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        assert child.stdout.readline().startswith("epoch 40")
        # Killed once a checkpoint holds epoch 40 or later, as a power cut would.
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            listed = RunStore(str(root)).list()
            if listed and listed[0].epochs >= 40 and listed[0].model:
                break
        child.send_signal(signal.SIGKILL)
        child.wait(30)
    finally:
        if child.poll() is None:
            child.kill()
    import training.run_store as rs
    monkeypatch.setattr(rs, "STALE_SECONDS", 0.0)  # no need to wait 30 s for the verdict
    (run,) = RunStore(str(root)).list()
    assert run.status == "interrupted" and run.epochs >= 40 and run.model == MODEL
    from training import tasks
    session, snap, replay = tasks.open_run(run)
    assert session.epochs_done >= 40 and len(session.history["loss"]) == session.epochs_done
    session.train(session.epochs_done + 2)
    assert np.isfinite(session.current_predictions()).all()


def test_runs_are_renamed_and_deleted_after_asking(window, qtbot, monkeypatch):
    train(window, qtbot)
    train(window, qtbot, learning_rate=0.01)
    t, store = window.training, window.document.store
    old, new = store.list()[1], store.list()[0]
    model = t.run_list.model
    model.setData(model.index(1, 0), "my first run")
    assert next(r for r in store.list() if r.id == old.id).name == "my first run"
    asked = []
    monkeypatch.setattr(window.dialogs, "confirm", lambda q: asked.append(q) or False)
    t._delete_runs([old.id])
    assert asked and "my first run" in asked[0] and os.path.isdir(old.folder)
    monkeypatch.setattr(window.dialogs, "confirm", lambda q: True)
    t._delete_runs([old.id])
    assert not os.path.exists(old.folder)
    assert [r.id for r in store.list()] == [new.id] and model.rowCount() == 1


def test_headless_runs_keep_their_folder_and_report_the_experiment(tmp_path):
    from app.cli import main
    report = tmp_path / "r.json"
    assert main(["--headless", "--preset", "boston", "--epochs", "3", "--runs-dir",
                 str(tmp_path / "runs"), "--report", str(report)]) == 0
    r = json.loads(report.read_text())
    assert r["experiment"]["layers"][0] == {"units": 80, "activation": "tanh", "use_bias": True}
    (run,) = RunStore(str(tmp_path / "runs")).list()
    assert r["run"] == run.folder and run.status == "finished" and run.epochs == 3
    assert run.experiment == r["experiment"]
    assert main(["--headless", "--preset", "boston", "--epochs", "2", "--no-runs",
                 "--runs-dir", str(tmp_path / "runs")]) == 0
    assert len(RunStore(str(tmp_path / "runs")).list()) == 1
