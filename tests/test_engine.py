"""The training engine on its own, without Qt or threads: real Keras, few epochs."""
import numpy as np
import pytest

from training import tasks
from training.engine import Session
from training.errors import ExperimentError
from training.experiment import preset
from training.persistence import load_session, save
from training.runstate import RunState

SMALL = preset("boston-early-stopping").replace(epochs=6, patience=2)


def test_epochs_report_logs_and_test_predictions():
    seen = []
    s = Session(SMALL).build()
    before = s.current_predictions()
    s.train(state=RunState(on_epoch=lambda e, logs, p: seen.append((e, logs, p))))
    assert [e for e, _, _ in seen] == list(range(1, len(seen) + 1)) and len(seen) == s.epochs_done
    epoch, logs, p = seen[-1]
    assert set(logs) == {"loss", "val_loss"} and p.shape == (102,)
    assert not np.allclose(p, before)
    assert s.history["loss"] == [l["loss"] for _, l, _ in seen]


def test_val_loss_is_the_mse_on_the_held_out_rows():
    s = Session(SMALL.replace(early_stopping=False)).build()
    got = []
    s.train(2, RunState(on_epoch=lambda e, logs, p: got.append(logs["val_loss"])))
    pred = s.model(s.data.x_val).numpy()[:, 0]
    assert got[-1] == pytest.approx(np.mean((pred - s.data.y_val) ** 2), rel=1e-5)


def test_stop_takes_effect_within_one_batch_execution():
    # Batch 4 gives 81 optimizer steps an epoch, run 16 to a graph call.
    e = SMALL.replace(batch_size=4, early_stopping=False, epochs=50)
    s = Session(e).build()
    steps_at_stop = []

    def on_epoch(epoch, logs, p):
        if epoch == 2:
            steps_at_stop.append(int(s.model.optimizer.iterations.numpy()))
            s.request_stop()
    result = s.train(state=RunState(on_epoch=on_epoch))
    assert result.stopped_by_user
    extra = int(s.model.optimizer.iterations.numpy()) - steps_at_stop[0]
    assert s.model.steps_per_execution == 16
    assert 1 <= extra <= 16  # one graph call's worth of steps, not the rest of the epoch
    assert s.epochs_done == 3  # Keras closes the interrupted epoch


def test_resume_continues_epochs_history_and_optimizer():
    s = Session(SMALL.replace(early_stopping=False)).build()
    s.train(3)
    steps = int(s.model.optimizer.iterations.numpy())
    seen = []
    s.train(5, RunState(on_epoch=lambda e, logs, p: seen.append(e)))
    assert seen == [4, 5] and s.epochs_done == 5 and len(s.history["loss"]) == 5
    assert int(s.model.optimizer.iterations.numpy()) == steps * 5 // 3
    with pytest.raises(ExperimentError):
        s.train(5)


def test_early_stopping_restores_the_best_weights():
    e = SMALL.replace(epochs=400, patience=3, learning_rate=0.05)
    s = Session(e).build()
    result = s.train()
    assert result.stopped_early and result.epochs_run < 400
    best = int(np.argmin(s.history["val_loss"]))
    assert result.restored_best_epoch == best + 1
    val_now = float(np.mean((s.model(s.data.x_val).numpy()[:, 0] - s.data.y_val) ** 2))
    assert val_now == pytest.approx(s.history["val_loss"][best], rel=1e-4)


def test_save_and_load_gives_identical_predictions_and_trains_on(tmp_path):
    s = Session(SMALL.replace(early_stopping=False)).build()
    s.train(3)
    path = save(s, str(tmp_path / "net.h5"))
    loaded, notes = load_session(path, SMALL)
    np.testing.assert_array_equal(loaded.current_predictions(), s.current_predictions())
    assert loaded.epochs_done == 3 and loaded.history == s.history and notes == []
    # The optimizer state came along: Adam's step count carries on.
    assert int(loaded.model.optimizer.iterations.numpy()) == int(s.model.optimizer.iterations.numpy())
    loaded.train(5)
    assert loaded.epochs_done == 5 and len(loaded.history["loss"]) == 5


def test_save_requested_during_training_happens_at_an_epoch_end(tmp_path):
    s = Session(SMALL.replace(early_stopping=False, epochs=4)).build()
    saved = []

    def on_epoch(epoch, logs, p):
        if epoch == 2:
            state.request_save(str(tmp_path / "mid.h5"))
    state = RunState(on_epoch=on_epoch, on_saved=lambda path, kind: saved.append(path))
    tasks.train(s, state)
    assert saved == [str(tmp_path / "mid.h5")]
    mid, _ = load_session(saved[0], SMALL)
    assert mid.epochs_done == 2


def test_a_save_asked_for_while_a_start_builds_saves_the_new_model(tmp_path):
    # The request is in the run's state before its model exists: the new
    # model is saved at its first epoch end, not the old one.
    saved, failed = [], []
    state = RunState(on_saved=lambda path, kind: saved.append(path),
                     on_save_failed=lambda path, why: failed.append(why))
    state.request_save(str(tmp_path / "new.h5"))
    result, snap = tasks.start(SMALL.replace(early_stopping=False, epochs=3, seed=5), state)
    assert saved == [str(tmp_path / "new.h5")] and failed == []
    first, _ = load_session(saved[0], SMALL)
    assert first.epochs_done == 1 and first.experiment.layers == SMALL.layers


def test_a_save_asked_for_when_the_build_fails_is_reported_failed(tmp_path):
    failed = []
    state = RunState(on_save_failed=lambda path, why: failed.append((path, why)))
    state.request_save(str(tmp_path / "never.h5"))
    broken = SMALL.replace(initial_weights=((((1.0,),),),))  # no such start weights for 13 inputs
    with pytest.raises(Exception):
        tasks.start(broken, state)
    assert failed and failed[0][0] == str(tmp_path / "never.h5") and "building it failed" in str(failed[0][1])
    assert not (tmp_path / "never.h5").exists()


def test_the_import_time_heap_is_frozen_out_of_garbage_collection():
    # TensorFlow's ~270k import-time objects: a full collection (holding the
    # GIL the window needs) walked them every time.
    import gc
    assert gc.get_freeze_count() > 100_000
