"""The .keras zip format beside .h5 (issue 18): round trips, a notebook's own
file, and every hostile zip, each built here at test time."""
from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import keras
import numpy as np
import pytest

from app import cli
from training import keras_zip
from training.engine import Session
from training.errors import LoadError
from training.experiment import LayerSpec, preset
from training.persistence import load_session, load_weights, save

BOSTON = preset("boston")

# Written in a child so that the Lambda's code exists nowhere in this process.
_HOSTILE = r'''
import os
import keras
out, marker = {out!r}, {marker!r}
run = eval(f"lambda x: (open({{marker!r}}, 'w').write('ran'), x)[1]")
keras.Sequential([keras.Input((13,)), keras.layers.Lambda(run), keras.layers.Dense(1)]).save(
    os.path.join(out, "lambda.keras"))

@keras.saving.register_keras_serializable(package="elsewhere")
class Unknown(keras.layers.Layer):
    def call(self, x):
        return x
keras.Sequential([keras.Input((13,)), Unknown(), keras.layers.Dense(1)]).save(
    os.path.join(out, "custom.keras"))
# Proof that the file is armed: with safe mode off (here only) loading runs the code.
keras.models.load_model(os.path.join(out, "lambda.keras"), safe_mode=False)
assert os.path.exists(marker)
os.remove(marker)
'''


def members(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as z:
        return {name: z.read(name) for name in z.namelist()}


def write_zip(path: Path, content: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w") as z:
        for name, data in content.items():
            z.writestr(name, data)
    return path


@pytest.fixture(scope="module")
def trained() -> Session:
    s = Session(BOSTON.replace(epochs=2)).build()
    s.train()
    return s


@pytest.fixture(scope="module")
def files(tmp_path_factory, trained) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("keras_zip")
    marker = folder / "marker"
    result = subprocess.run(
        [sys.executable, "-c", _HOSTILE.format(out=str(folder), marker=str(marker))],
        capture_output=True, text=True, timeout=300, env={**os.environ, "TF_CPP_MIN_LOG_LEVEL": "3"})
    assert result.returncode == 0, result.stderr[-3000:]
    good = Path(save(trained, str(folder / "good.keras")))
    parts = members(good)
    paths = {"good": good, "marker": marker, "lambda": folder / "lambda.keras",
             "custom": folder / "custom.keras"}

    def put(name: str, data: bytes) -> None:
        paths[name] = folder / f"{name.replace(' ', '_')}.keras"
        paths[name].write_bytes(data)
    put("not a zip", b"Hausaufgabe: ein Netz trainieren\n" * 50)
    put("empty", b"")
    put("truncated", good.read_bytes()[: good.stat().st_size // 2])
    paths["no config"] = write_zip(folder / "no_config.keras",
                                   {k: v for k, v in parts.items() if k != "config.json"})
    paths["bad json"] = write_zip(folder / "bad_json.keras",
                                  {**parts, "config.json": b'{"class_name": "Sequential", '})
    paths["climbs out"] = write_zip(folder / "climbs_out.keras", {**parts, "../evil.txt": b"x"})
    paths["absolute"] = write_zip(folder / "absolute.keras", {**parts, "/tmp/evil.txt": b"x"})
    paths["drive"] = write_zip(folder / "drive.keras", {**parts, "C:/evil.txt": b"x"})
    # A real bomb: about 5 MB that would unpack to 1.1 GB of zeros.
    paths["bomb"] = folder / "bomb.keras"
    with zipfile.ZipFile(paths["bomb"], "w", zipfile.ZIP_DEFLATED, compresslevel=1) as z:
        z.writestr("config.json", parts["config.json"])
        with z.open("model.weights.h5", "w", force_zip64=True) as f:
            zeros = bytes(1 << 24)
            for _ in range(70):
                f.write(zeros)
    # The lecture net's description with a 40/50/1 net's weights.
    other = Session(BOSTON.replace(layers=(LayerSpec(40, "tanh"), LayerSpec(50, "tanh"),
                                           LayerSpec(1, "linear")))).build()
    smaller = members(Path(save(other, str(folder / "smaller.keras"))))
    paths["misfit"] = write_zip(folder / "misfit.keras",
                                {**parts, "model.weights.h5": smaller["model.weights.h5"]})
    paths["no weights"] = write_zip(folder / "no_weights.keras",
                                    {k: v for k, v in parts.items() if k != "model.weights.h5"})
    paths["weights not hdf5"] = write_zip(folder / "weights_not_hdf5.keras",
                                          {**parts, "model.weights.h5": b"not hdf5" * 100})
    return paths


def snapshot(s: Session):
    return ([w.copy() for w in s.model.get_weights()], json.dumps(s.history), s.epochs_done,
            s.last_predictions.copy())


# ------------------------------------------------------------------ round trips
def test_round_trip_load_train_on_save_load_is_bit_identical(trained, tmp_path):
    first = save(trained, str(tmp_path / "netz.keras"))
    assert first.endswith("netz.keras") and zipfile.is_zipfile(first)
    loaded, notes = load_session(first, BOSTON)
    assert notes == [] and loaded.epochs_done == 2 and loaded.history == trained.history
    np.testing.assert_array_equal(loaded.last_predictions, trained.current_predictions())
    assert int(loaded.model.optimizer.iterations.numpy()) == int(trained.model.optimizer.iterations.numpy()) > 0
    for a, b in zip(loaded.model.optimizer.variables, trained.model.optimizer.variables):
        np.testing.assert_array_equal(a.numpy(), b.numpy())

    assert loaded.train(4).epochs_run == 2  # trains on from the saved epoch count
    second = save(loaded, str(tmp_path / "weiter.keras"))
    again, notes = load_session(second, BOSTON)
    assert notes == [] and again.epochs_done == 4 and len(again.history["loss"]) == 4
    np.testing.assert_array_equal(again.last_predictions, loaded.current_predictions())
    for a, b in zip(again.model.optimizer.variables, loaded.model.optimizer.variables):
        np.testing.assert_array_equal(a.numpy(), b.numpy())
    # Keras itself reads what the app wrote.
    np.testing.assert_array_equal(
        keras.models.load_model(second, compile=False)(loaded.data.x_eval).numpy()[:, 0],
        loaded.current_predictions())


def test_a_notebooks_own_keras_file_loads_and_trains_on(tmp_path):
    """model.save("netz.keras") as today's Keras documentation does it."""
    e = BOSTON.replace(epochs=1)
    data = Session(e).build().data
    model = keras.Sequential([keras.Input((13,)), keras.layers.Dense(8, activation="tanh"),
                              keras.layers.Dense(1)])
    model.compile(optimizer=keras.optimizers.Adam(0.01), loss="mse")
    model.fit(data.x_train, data.y_train, epochs=2, batch_size=32, verbose=0)
    path = tmp_path / "netz.keras"
    model.save(path)
    s, notes = load_session(str(path), e)
    assert notes == [] and s.experiment.optimizer == "adam"
    assert s.experiment.learning_rate == pytest.approx(0.01)
    assert [(l.units, l.activation) for l in s.experiment.layers] == [(8, "tanh"), (1, "linear")]
    np.testing.assert_allclose(s.last_predictions, model(data.x_eval).numpy()[:, 0], rtol=1e-6)
    assert int(s.model.optimizer.iterations.numpy()) == int(model.optimizer.iterations.numpy())
    assert s.train(2).epochs_run == 2


@pytest.mark.parametrize("typed, written", [("netz.keras", "netz.keras"),
                                            ("Netz.KERAS", "Netz.KERAS"), ("netz", "netz.h5")])
def test_the_name_chooses_the_format(trained, tmp_path, typed, written):
    path = save(trained, str(tmp_path / typed))
    assert Path(path).name == written
    assert zipfile.is_zipfile(path) == written.lower().endswith(".keras")
    loaded, _ = load_session(path, BOSTON)
    np.testing.assert_array_equal(loaded.last_predictions, trained.current_predictions())


def test_a_keras_file_is_read_by_content_whatever_its_name(trained, tmp_path):
    path = Path(save(trained, str(tmp_path / "netz.keras"))).rename(tmp_path / "netz.h5")
    loaded, _ = load_session(str(path), BOSTON)
    np.testing.assert_array_equal(loaded.last_predictions, trained.current_predictions())


def test_weights_load_from_a_keras_model(trained, tmp_path):
    path = save(trained, str(tmp_path / "netz.keras"))
    other = Session(BOSTON.replace(seed=7)).build()
    load_weights(other, path)
    np.testing.assert_array_equal(other.last_predictions, trained.current_predictions())
    assert other.epochs_done == 0


# ------------------------------------------------------------------ hostile files
@pytest.mark.parametrize("name, message", [
    ("lambda", "lambda.keras: layer 1 (lambda) is a 'Lambda' layer, which runs code stored in the file"),
    ("custom", "custom.keras: layer 1 (unknown) is a 'elsewhere>Unknown' layer"),
    ("not a zip", "not_a_zip.keras is not a Keras zip (.keras) file."),
    ("empty", "empty.keras is empty."),
    ("truncated", "truncated.keras is damaged and cannot be read (the zip archive is cut short"),
    ("no config", "no_config.keras has no config.json: it is no Keras model file."),
    ("bad json", "bad_json.keras: its config.json is not readable JSON ("),
    ("climbs out", "climbs_out.keras holds a file named '../evil.txt', which points outside the archive"),
    ("absolute", "absolute.keras holds a file named '/tmp/evil.txt', which points outside"),
    ("drive", "drive.keras holds a file named 'C:/evil.txt', which points outside"),
    ("bomb", "bomb.keras would unpack to 1120 MB, more than the 1024 MB"),
    ("misfit", "The weights in misfit.keras do not fit this network: layer 1 (dense_1) needs "
               "13×80 and 80, the file has 13×40 and 40."),
    ("no weights", "no_weights.keras holds no weights of a Keras network."),
    ("weights not hdf5", "weights_not_hdf5.keras is damaged and cannot be read (its model.weights.h5 "
                         "is not an HDF5 file"),
])
def test_hostile_keras_files_are_refused_and_change_nothing(files, trained, name, message):
    before = snapshot(trained)
    with pytest.raises(LoadError) as info:
        load_session(str(files[name]), trained.experiment)
    text = str(info.value)
    assert text.startswith(message), text
    assert "\n" not in text and len(text) < 300 and "Traceback" not in text
    after = snapshot(trained)
    assert all(np.array_equal(a, b) for a, b in zip(before[0], after[0]))
    assert before[1:3] == after[1:3] and np.array_equal(before[3], after[3])
    assert not files["marker"].exists()
    assert sorted(p.name for p in files["good"].parent.iterdir() if not p.suffix == ".keras") == []


def test_the_zip_bomb_is_refused_before_anything_is_unpacked(files, monkeypatch):
    def unpacking(*args, **kw):
        raise AssertionError("a member was read")
    monkeypatch.setattr(zipfile.ZipFile, "read", unpacking)
    monkeypatch.setattr(zipfile.ZipFile, "open", unpacking)
    with pytest.raises(LoadError, match="zip bomb"):
        keras_zip.check_archive(str(files["bomb"]))


def test_keras_safe_mode_refuses_the_lambda_too(files):
    """The second line of defence: Keras itself, in the safe mode the app never leaves."""
    with pytest.raises(ValueError, match="Lambda|unsafe"):
        keras.models.load_model(files["lambda"], safe_mode=True)
    assert not files["marker"].exists()


def test_the_files_to_refuse_come_from_a_loadable_one(files, trained):
    loaded, _ = load_session(str(files["good"]), trained.experiment)
    np.testing.assert_array_equal(loaded.last_predictions, trained.current_predictions())


@pytest.mark.parametrize("name", ["bomb", "lambda", "climbs out"])
def test_headless_refuses_bad_keras_files_in_one_line(files, name, capsys):
    code = cli.main(["--headless", "--preset", "boston", "--epochs", "1", "--load", str(files[name])])
    out, err = capsys.readouterr()
    assert code == 1
    assert err.count("\n") == 1 and err.startswith("error: ") and files[name].name in err
    assert "Traceback" not in out + err
    assert not files["marker"].exists()


def test_headless_saves_and_loads_keras(tmp_path, capsys):
    path = tmp_path / "kopf.keras"
    assert cli.main(["--headless", "--preset", "boston", "--epochs", "2", "--save", str(path)]) == 0
    assert zipfile.is_zipfile(path)
    assert cli.main(["--headless", "--preset", "boston", "--epochs", "3", "--load", str(path)]) == 0
    out = capsys.readouterr().out
    assert "kopf.keras" in out


# ------------------------------------------------------------------ the window
def test_the_window_saves_keras_and_loads_it_into_another_window(make_window, qtbot, tmp_path,
                                                                  monkeypatch, messages):
    from windows import SLOW_WORKER_MS
    w = make_window()
    c = w.document
    w.training.panel.epochs.setValue(3)
    with qtbot.waitSignal(c.runFinished, timeout=SLOW_WORKER_MS):
        w.training.start_button.click()
    qtbot.waitUntil(lambda: not c.busy)
    path = tmp_path / "übung.keras"
    monkeypatch.setattr(w.dialogs, "save_path", lambda *a: str(path))
    with qtbot.waitSignal(c.saved, timeout=SLOW_WORKER_MS):
        w.training.save_button.click()
    qtbot.waitUntil(lambda: not c.busy)
    assert zipfile.is_zipfile(path) and not c.unsaved

    w2 = make_window()
    monkeypatch.setattr(w2.dialogs, "open_path", lambda *a: str(path))
    with qtbot.waitSignal(w2.document.sessionChanged, timeout=SLOW_WORKER_MS):
        w2.training.load_button.click()
    qtbot.waitUntil(lambda: not w2.document.busy)
    np.testing.assert_array_equal(w2.document.session.current_predictions(),
                                  c.session.current_predictions())
    assert w2.document.session.epochs_done == 3
    w2.training.resume_mode.setCurrentIndex(1)
    w2.training.more_epochs.setValue(2)
    with qtbot.waitSignal(w2.document.runFinished, timeout=SLOW_WORKER_MS):
        w2.training.resume_button.click()
    qtbot.waitUntil(lambda: not w2.document.busy)
    assert w2.document.session.epochs_done == 5
    assert not messages


def test_the_window_shows_a_refused_keras_file_and_keeps_its_model(make_window, qtbot, files,
                                                                    monkeypatch, messages):
    from windows import SLOW_WORKER_MS
    w = make_window()
    before = [x.copy() for x in w.document.session.model.get_weights()]
    monkeypatch.setattr(w.dialogs, "open_path", lambda *a: str(files["bomb"]))
    with qtbot.waitSignal(w.document.error, timeout=SLOW_WORKER_MS):
        w.training.load_button.click()
    qtbot.waitUntil(lambda: not w.document.busy)
    assert len(messages) == 1 and "bomb.keras would unpack to 1120 MB" in messages[0]
    assert "Traceback" not in messages[0]
    assert all(np.array_equal(a, b) for a, b in zip(before, w.document.session.model.get_weights()))


def test_an_h5_file_named_keras_loads_as_h5(trained, tmp_path):
    path = Path(save(trained, str(tmp_path / "netz.h5"))).rename(tmp_path / "netz.keras")
    loaded, _ = load_session(str(path), BOSTON)
    np.testing.assert_array_equal(loaded.last_predictions, trained.current_predictions())
