"""Weights files, Keras 2 files and atomic saves (issue 5, parts 1-3)."""
from __future__ import annotations

import errno
import os
import select
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import h5py
import keras
import numpy as np
import pytest

import keras2_files
from training.engine import Session
from training.errors import LoadError, SaveError
from training.experiment import LayerSpec, preset
from training.persistence import HISTORY_ATTR, load_session, load_weights, save

ROOT = Path(__file__).resolve().parent.parent
BOSTON = preset("boston")


@pytest.fixture(scope="session")
def k2(tmp_path_factory) -> Path:
    return keras2_files.build(tmp_path_factory.getbasetemp() / "keras2")


def session(layers=None, seed=1, **kw) -> Session:
    e = BOSTON.replace(seed=seed, **kw)
    if layers is not None:
        e = e.replace(layers=tuple(LayerSpec(*spec) for spec in layers))
    return Session(e).build()


def snapshot(s: Session):
    return ([w.copy() for w in s.model.get_weights()], {k: list(v) for k, v in s.history.items()},
            s.epochs_done, s.last_predictions.copy())


def assert_unchanged(s: Session, before) -> None:
    weights, history, epochs, predictions = before
    after = s.model.get_weights()
    assert len(after) == len(weights)
    for a, b in zip(after, weights):
        np.testing.assert_array_equal(a, b)
    assert (s.history, s.epochs_done) == (history, epochs)
    np.testing.assert_array_equal(s.last_predictions, predictions)


def temp_files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


# ------------------------------------------------------------------ weights only
def test_save_weights_appends_the_keras3_ending_and_round_trips(tmp_path):
    source, target = session(seed=1), session(seed=2)
    written = save(source, str(tmp_path / "w.h5"), "weights")
    assert written == str(tmp_path / "w.weights.h5")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["w.weights.h5"]
    target.train(2)
    load_weights(target, written)
    for a, b in zip(target.model.get_weights(), source.model.get_weights()):
        np.testing.assert_array_equal(a, b)
    np.testing.assert_array_equal(target.last_predictions, source.current_predictions())
    # The old curves described other weights: the history starts anew, and
    # the loaded weights train on from epoch 1 with a fresh optimizer.
    assert target.history == {} and target.epochs_done == 0
    assert int(target.model.optimizer.iterations.numpy()) == 0
    target.train(1)
    assert target.epochs_done == 1 and len(target.history["loss"]) == 1
    # Keras itself reads the file too.
    other = session(seed=3).model
    other.load_weights(written)
    for a, b in zip(other.get_weights(), source.model.get_weights()):
        np.testing.assert_array_equal(a, b)


def test_keras2_weights_predict_as_tf_keras_did(k2):
    s = session()
    load_weights(s, str(k2 / "weights.h5"))
    np.testing.assert_array_equal(s.last_predictions, np.load(k2 / "adam.predictions.npy"))


def test_weights_are_read_by_content_whatever_the_name(tmp_path, k2):
    # Keras itself picks its reader from the name's ending and fails on both of these.
    keras3 = save(session(seed=3), str(tmp_path / "k3"), "weights")
    renamed3 = shutil.copy(keras3, tmp_path / "keras3_named.h5")
    renamed2 = shutil.copy(k2 / "weights.h5", tmp_path / "keras2_named.weights.h5")
    s = session()
    load_weights(s, str(renamed2))
    np.testing.assert_array_equal(s.last_predictions, np.load(k2 / "adam.predictions.npy"))
    load_weights(s, str(renamed3))
    np.testing.assert_array_equal(s.last_predictions, session(seed=3).current_predictions())


def test_many_layers_load_in_the_network_order(tmp_path):
    # Keras 3 keys layers "dense", "dense_1", ..., "dense_10": sorted as text,
    # dense_10 would come before dense_2.
    layers = [(3, "tanh")] * 11 + [(1, "linear")]
    source, target = session(layers, seed=4), session(layers, seed=5)
    path = save(source, str(tmp_path / "deep"), "weights")
    load_weights(target, path)
    for a, b in zip(target.model.get_weights(), source.model.get_weights()):
        np.testing.assert_array_equal(a, b)


@pytest.mark.parametrize("file_layers, net_layers, expected", [
    ("keras2 small", None, "layer 1 (dense_1) needs 13×80 and 80, the file has 13×10 and 10"),
    ([(80, "tanh"), (1, "linear")], None, "layer 2 (dense_2) needs 80×50 and 50, the file has 80×1 and 1"),
    ([(1, "linear"), (1, "linear")], [(1, "linear")] * 3, "layer 3 (dense_3) has none in the file"),
    ([(1, "linear")] * 3, [(1, "linear")] * 2, "the file holds 3 layers, this network 2"),
    ([(80, "tanh", False), (50, "tanh"), (1, "linear")], None, "layer 1 (dense_1) needs 13×80 and 80, "
                                                               "the file has 13×80."),
])
def test_weights_that_do_not_fit_name_the_layer_and_change_nothing(tmp_path, k2, file_layers,
                                                                  net_layers, expected):
    if file_layers == "keras2 small":
        path = str(k2 / "small_weights.h5")
    else:
        path = save(session(file_layers, seed=6), str(tmp_path / "other"), "weights")
    s = session(net_layers)
    before = snapshot(s)
    with pytest.raises(LoadError) as info:
        load_weights(s, path)
    assert expected in str(info.value)
    assert "\n" not in str(info.value)
    assert_unchanged(s, before)


def test_weights_that_are_not_finite_change_nothing(tmp_path):
    path = save(session(seed=7), str(tmp_path / "nan"), "weights")
    with h5py.File(path, "a") as f:
        f["layers/dense_1/vars/0"][0, 0] = np.nan
    s = session()
    before = snapshot(s)
    with pytest.raises(LoadError, match="not finite"):
        load_weights(s, path)
    assert_unchanged(s, before)


# ------------------------------------------------------------------ Keras 2 models
@pytest.mark.parametrize("name", ["adam", "legacy_adam", "sgd", "legacy_rmsprop"])
def test_keras2_models_predict_as_tf_keras_and_keep_their_optimizer_state(k2, name):
    like = Session(BOSTON)
    s, notes = load_session(str(k2 / f"{name}.h5"), like.experiment)
    assert notes == []
    assert s.experiment.optimizer == name.split("_")[-1]
    assert s.experiment.learning_rate == pytest.approx(0.002 if "rmsprop" in name else 0.01)
    np.testing.assert_array_equal(s.last_predictions, np.load(k2 / f"{name}.predictions.npy"))

    # The next step with the restored state is the step tf-keras took; a fresh
    # optimizer would step elsewhere.
    x, y = like.data.x_train[:32], like.data.y_train[:32].reshape(-1, 1)
    fresh, _ = load_session(str(k2 / f"{name}.h5"), like.experiment)
    for v in fresh.model.optimizer.variables:
        if v.name != "learning_rate":
            v.assign(np.zeros_like(v.numpy()))
    s.model.train_on_batch(x, y)
    fresh.model.train_on_batch(x, y)
    step = np.load(k2 / f"{name}.step.npz")
    expected = [step[f"arr_{i}"] for i in range(len(step.files))]
    for got, want in zip(s.model.get_weights(), expected):
        np.testing.assert_allclose(got, want, rtol=1e-5, atol=1e-7)
    assert not all(np.allclose(a, b, rtol=1e-5, atol=1e-7)
                   for a, b in zip(fresh.model.get_weights(), expected))


def test_keras2_model_trains_further(k2):
    s, _ = load_session(str(k2 / "adam.h5"), BOSTON)
    before = s.model.get_weights()
    result = s.train(s.epochs_done + 2)
    assert result.epochs_run == 2 and s.epochs_done == 2
    assert all(np.isfinite(s.history["loss"]))
    assert not np.array_equal(before[0], s.model.get_weights()[0])


def test_unknown_optimizer_continues_with_a_note(k2):
    s, notes = load_session(str(k2 / "nadam.h5"), BOSTON)
    assert notes == ["The file's optimizer Nadam is not one this app trains with; "
                     "training continues with adam."]
    assert s.experiment.learning_rate == pytest.approx(0.01)
    assert int(s.model.optimizer.iterations.numpy()) == 0  # Nadam's state is not Adam's
    assert s.train(1).epochs_run == 1


def test_unusable_optimizer_settings_fall_back_to_its_defaults_with_a_note(tmp_path, k2):
    path = shutil.copy(k2 / "sgd.h5", tmp_path / "odd_settings.h5")
    with h5py.File(path, "a") as f:
        f.attrs["training_config"] = f.attrs["training_config"].replace('"momentum": 0.9', '"momentum": -1')
    s, notes = load_session(str(path), BOSTON)
    assert notes == ["The file's sgd settings were not usable; its defaults are used."]
    assert s.model.optimizer.momentum == 0 and s.experiment.learning_rate == pytest.approx(0.01)
    assert s.train(1).epochs_run == 1


def test_an_unreadable_history_starts_the_count_afresh_with_a_note(tmp_path):
    s = session(epochs=1)
    s.train()
    path = save(s, str(tmp_path / "m.h5"))
    with h5py.File(path, "a") as f:
        f.attrs[HISTORY_ATTR] = '{"epochs_done": "many", "history": {"loss": [1, 2]}}'
    loaded, notes = load_session(path, BOSTON)
    assert notes == ["The file's training history was not readable; the epoch count starts at 0."]
    assert loaded.epochs_done == 0 and loaded.history == {}
    np.testing.assert_array_equal(loaded.last_predictions, s.current_predictions())


def test_state_that_does_not_fit_rebuilds_the_optimizer_with_a_note(tmp_path, k2):
    path = shutil.copy(k2 / "adam.h5", tmp_path / "odd_state.h5")
    with h5py.File(path, "a") as f:
        slot = "optimizer_weights/Adam/m/dense/kernel:0"
        del f[slot]
        f[slot] = np.zeros(3, np.float32)
    s, notes = load_session(str(path), BOSTON)
    assert notes == ["The optimizer's saved state did not fit this model; "
                     "the optimizer was rebuilt from its saved settings."]
    assert s.experiment.learning_rate == pytest.approx(0.01)
    assert int(s.model.optimizer.iterations.numpy()) == 0
    assert s.train(1).epochs_run == 1


def test_keras3_round_trip_keeps_the_optimizer_state(tmp_path):
    s = session(epochs=2)
    s.train()
    path = save(s, str(tmp_path / "m.h5"))
    s2, notes = load_session(path, BOSTON)
    assert notes == [] and s2.epochs_done == 2 and s2.history == s.history
    np.testing.assert_array_equal(s2.last_predictions, s.current_predictions())
    np.testing.assert_array_equal(  # Keras itself reads the file too
        keras.models.load_model(path, compile=False)(s.data.x_eval).numpy()[:, 0], s.current_predictions())
    assert int(s2.model.optimizer.iterations.numpy()) == int(s.model.optimizer.iterations.numpy()) > 0
    for a, b in zip(s2.model.optimizer.variables, s.model.optimizer.variables):
        np.testing.assert_array_equal(a.numpy(), b.numpy())


# ------------------------------------------------------------------ atomic saves
@pytest.fixture
def saved(tmp_path):
    """A session and a good file of it, for saves that must not harm that file."""
    s = session(epochs=1)
    path = save(s, str(tmp_path / "good.h5"))
    s.train()  # the session now differs from the file
    return s, Path(path), Path(path).read_bytes()


def test_no_permission_leaves_the_old_file(saved, monkeypatch):
    s, path, good = saved

    def refuse(*args, **kw):
        raise PermissionError(errno.EACCES, "Permission denied")
    monkeypatch.setattr("tempfile.mkstemp", refuse)
    with pytest.raises(SaveError, match=f"No permission to write in {path.parent}"):
        save(s, str(path))
    assert path.read_bytes() == good


def test_a_rename_that_fails_leaves_the_old_file_and_no_temp(saved, monkeypatch):
    s, path, good = saved

    def refuse(*args, **kw):
        raise PermissionError(errno.EACCES, "Permission denied")
    monkeypatch.setattr("os.replace", refuse)
    with pytest.raises(SaveError, match="No permission"):
        save(s, str(path))
    assert path.read_bytes() == good
    assert temp_files(path.parent) == []


def test_a_full_disk_leaves_the_old_file_and_no_temp(saved, monkeypatch):
    s, path, good = saved
    real = os.write
    calls = []

    def fill_up(fd, data):
        calls.append(len(data))
        if len(calls) > 2:  # part of the file is written already
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(fd, data)
    monkeypatch.setattr("training.atomic.CHUNK", 4096)
    monkeypatch.setattr(os, "write", fill_up)
    with pytest.raises(SaveError, match="The disk is full; good.h5 was not changed."):
        save(s, str(path))
    monkeypatch.undo()
    assert calls == [4096] * 3
    assert path.read_bytes() == good
    assert temp_files(path.parent) == []


@pytest.fixture
def small_disk(tmp_path):
    """A 96 kB file system: room for an untrained model, not for a trained one."""
    folder = tmp_path / "disk"
    folder.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=96k", "tmpfs", str(folder)],
                             capture_output=True)
    if mounted.returncode != 0:
        pytest.skip("cannot mount a small file system here (needs root)")
    try:
        yield folder
    finally:
        subprocess.run(["umount", str(folder)], check=True)


def test_a_really_full_disk_leaves_the_old_file(small_disk):
    s = session()
    path = Path(save(s, str(small_disk / "m.h5")))
    good = path.read_bytes()
    s.train(1)  # adds the optimizer's state: now about 100 kB
    for _ in range(2):  # and the process survives to try again
        with pytest.raises(SaveError, match="The disk is full; m.h5 was not changed."):
            save(s, str(path))
        assert path.read_bytes() == good
        assert temp_files(small_disk) == []
    loaded, _ = load_session(str(path), BOSTON)
    assert loaded.epochs_done == 0


_REAL_FAILURES = r"""
import os, resource, signal, sys
sys.path.insert(0, {root!r})
from training.engine import Session
from training.experiment import preset
from training.persistence import save
from training.errors import SaveError
s = Session(preset("boston").replace(epochs=1)).build()
save(s, {warm!r})  # everything saving needs is imported now
if os.getuid() == 0:  # root may write anywhere; nobody may not
    os.setgid(65534)
    os.setuid(65534)

def attempt(path):
    try:
        save(s, path)
        print("saved")
    except SaveError as err:
        print(err)
attempt({readonly!r})
attempt({writable!r})
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
resource.setrlimit(resource.RLIMIT_FSIZE, (20000, 20000))  # writes beyond 20 kB fail for real
attempt({limited!r})
attempt({limited!r})  # HDF5 once crashed the process on the second failing save
"""


@pytest.fixture
def shared_folder():
    """A folder another user can reach (pytest's own are private to root)."""
    folder = Path(tempfile.mkdtemp(prefix="persistence-"))
    folder.chmod(0o755)
    yield folder
    for sub in folder.iterdir():
        sub.chmod(0o755)
    shutil.rmtree(folder)


def test_real_write_failures_leave_the_old_files(shared_folder):
    """No permission, and a write that fails midway, for real, in a child process."""
    readonly, limited = shared_folder / "readonly", shared_folder / "limited"
    readonly.mkdir()
    limited.mkdir()
    s = session()
    for folder in (readonly, limited):
        save(s, str(folder / "m.h5"))
    good = {folder: (folder / "m.h5").read_bytes() for folder in (readonly, limited)}
    assert all(len(data) > 20000 for data in good.values())
    readonly.chmod(0o555)
    limited.chmod(0o777)
    code = _REAL_FAILURES.format(root=str(ROOT), warm=str(shared_folder / "warm.h5"),
                                 readonly=str(readonly / "m.h5"), writable=str(limited / "small.h5"),
                                 limited=str(limited / "m.h5"))
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.splitlines() == [
        f"No permission to write in {readonly}; m.h5 was not changed.",
        "saved",  # the same user may write next door: the folder's mode refused it
        "Could not save m.h5: [Errno 27] File too large",
        "Could not save m.h5: [Errno 27] File too large",
    ]
    for folder in (readonly, limited):
        assert (folder / "m.h5").read_bytes() == good[folder]
        assert temp_files(folder) == []


_CRASH = r'''
import os, sys
sys.path.insert(0, {root!r})
from training import atomic, persistence
from training.engine import Session
from training.experiment import preset
s = Session(preset("boston").replace(seed=9)).build()
atomic.CHUNK = 4096
real, writes = os.write, []

def write(fd, data):
    name = os.readlink(f"/proc/self/fd/{{fd}}")
    if ".tmp" in name:
        writes.append(name)
        if len(writes) == 3:  # two chunks are on disk: the parent kills us now
            print(name, flush=True)
            sys.stdin.read()
    return real(fd, data)
os.write = write
persistence.save(s, {target!r})
'''


def test_a_save_killed_mid_write_leaves_the_old_file(tmp_path):
    good = session(seed=1)
    target = Path(save(good, str(tmp_path / "model.h5")))
    old_bytes = target.read_bytes()
    child = subprocess.Popen(
        [sys.executable, "-c", _CRASH.format(root=str(ROOT), target=str(target))],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        ready, _, _ = select.select([child.stdout], [], [], 120)
        assert ready, "the child never started writing"
        temp = Path(child.stdout.readline().strip())
        assert temp.parent == tmp_path and temp.name.startswith(".model.h5.")
        assert temp.stat().st_size == 2 * 4096
        child.send_signal(signal.SIGKILL)
        assert child.wait(30) == -signal.SIGKILL
    finally:
        child.kill()
        child.wait()
    assert temp.exists()  # the crash left its half-written file behind ...
    assert target.read_bytes() == old_bytes  # ... and the target untouched
    loaded, _ = load_session(str(target), BOSTON)
    np.testing.assert_array_equal(loaded.last_predictions, good.current_predictions())
    # The next save of that file clears the leftover.
    save(good, str(target))
    assert temp_files(tmp_path) == []


def test_only_stale_temporary_files_are_removed(tmp_path):
    dead = subprocess.Popen(["true"])
    dead.wait()
    day = 24 * 3600
    files = {
        f".m.h5.{dead.pid}.abc.tmp": (0, False),   # its writer is gone
        ".m.h5.1.def.tmp": (0, True),              # its writer still runs
        ".m.h5.1.ghi.tmp": (2 * day, False),       # runs, but a day-old file is stale
        f".other.h5.{dead.pid}.jkl.tmp": (0, True),  # another target's
    }
    for name, (age, _) in files.items():
        (tmp_path / name).write_bytes(b"partial")
        os.utime(tmp_path / name, (time.time() - age, time.time() - age))
    save(session(), str(tmp_path / "m.h5"))
    assert temp_files(tmp_path) == sorted(n for n, (_, keep) in files.items() if keep)


@pytest.mark.parametrize("typed, kind, written", [
    ("netz.H5", "model", "netz.H5"),            # was netz.H5.h5
    ("netz", "model", "netz.h5"),
    ("Netz.Weights.H5", "weights", "Netz.weights.h5"),  # Keras insists on lower case
    ("netz.H5", "weights", "netz.weights.h5"),
])
def test_suffixes_are_recognised_in_any_case(tmp_path, typed, kind, written):
    s = session(seed=1)
    path = save(s, str(tmp_path / typed), kind)
    assert path == str(tmp_path / written)
    assert sorted(p.name for p in tmp_path.iterdir()) == [written]
    if kind == "weights":
        other = session(seed=2)
        load_weights(other, path)
        np.testing.assert_array_equal(other.last_predictions, s.current_predictions())
    else:
        loaded, _ = load_session(path, s.experiment)
        np.testing.assert_array_equal(loaded.last_predictions, s.current_predictions())
