"""The Keras code view and Export script: the code is the app's training, as a student writes it."""
import ast
import os
import re
import subprocess
import sys

import pytest

from training import keras_code
from training.engine import Session
from training.experiment import PRESETS, preset

CHILD_TIMEOUT = 300  # a child's TensorFlow import and a few epochs; generous for a loaded CI
NUMBER = r"([0-9.e+-]+)"


def run_script(path, cwd):
    """Run an exported script as a student would: plain Python, another folder."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    env["TF_CPP_MIN_LOG_LEVEL"] = "3"
    out = subprocess.run([sys.executable, str(path)], cwd=cwd, env=env, capture_output=True,
                         text=True, timeout=CHILD_TIMEOUT)
    assert out.returncode == 0, out.stderr[-3000:]
    return out.stdout


@pytest.mark.parametrize("name", list(PRESETS))
def test_every_presets_code_is_python_that_imports_only_keras_numpy_and_pathlib(name):
    code = keras_code.script(PRESETS[name])
    tree = ast.parse(code)  # a SyntaxError fails the test
    compile(code, f"{name}.py", "exec")
    imported = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            imported |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            imported.add(node.module.split(".")[0])
    assert imported <= {"keras", "numpy", "pathlib"}, imported
    assert max(len(line) for line in code.splitlines()) <= 100


def test_the_boston_code_says_what_the_lecture_says():
    code = keras_code.script(preset("boston"))
    for part in ('keras.layers.Dense(80, activation="tanh")', 'keras.layers.Dense(50, activation="tanh")',
                 'keras.layers.Dense(1, activation="linear")', 'loss="mse"',
                 "keras.optimizers.Adam(learning_rate=0.001)", "epochs=1000", "batch_size=32",
                 'print(f"Mean abs error:', 'model.save("boston.h5")'):
        assert part in code
    assert "std" not in code  # the slides train on the raw features
    assert "EarlyStopping" not in code and "validation_data" not in code
    early = keras_code.script(preset("boston-early-stopping").replace(standardize=True))
    assert ('EarlyStopping(\n    monitor="val_loss", patience=150, restore_best_weights=True)'
            in early)
    assert "validation_data=(x_val, y_val)" in early and "(x_train - mean) / std" in early


def test_the_exported_boston_script_trains_as_the_app_trains(tmp_path):
    # Without shuffling both feed the same batches in the same order to the
    # same start weights (one seed), so the numbers agree to what the script
    # prints (4 significant digits). Shuffled, only the order differs: the
    # app shuffles in tf.data, fit in its own way; the MAE then varies with
    # the order as it varies with the seed (3.9-4.6 after 100 epochs).
    e = preset("boston-early-stopping").replace(epochs=15, shuffle=False, standardize=True,
                                                patience=5)
    folder = tmp_path / "Jörg Müller" / "Übung 1"
    folder.mkdir(parents=True)
    written = keras_code.export(e, str(folder / "boston netz.py"))
    assert [os.path.basename(p) for p in written] == ["boston netz.py", "boston_housing.csv"]
    elsewhere = tmp_path / "anderswo"
    elsewhere.mkdir()
    out = run_script(folder / "boston netz.py", cwd=elsewhere)
    m = re.search(f"Mean abs error: {NUMBER}, Max abs error: {NUMBER}, Min abs error: {NUMBER}",
                  out)
    assert m, out
    script_errors = [float(v) for v in m.groups()]
    assert (elsewhere / "boston-early-stopping.h5").exists()

    session = Session(e).build()
    session.train()
    app = session.test_errors()
    for got, want in zip(script_errors, (app["mean_abs"], app["max_abs"], app["min_abs"])):
        assert got == pytest.approx(want, rel=2e-3, abs=1e-4)


def test_the_exported_and_relu_script_prints_the_slides_table(tmp_path):
    path = tmp_path / "and.py"
    keras_code.export(preset("and-relu"), str(path))
    out = run_script(path, cwd=tmp_path)
    rows = re.findall(r"epoch (\d+): \[([^\]]*)\]", out)
    assert [int(n) for n, _ in rows] == [1, 2, 3, 4, 5, 6]
    last = [float(v) for v in rows[-1][1].split()]
    assert last == pytest.approx([0, 0, 0, 0.994], abs=1e-3)


def test_the_exported_paths_script_makes_1_3_and_9_updates_per_epoch(tmp_path):
    path = tmp_path / "paths.py"
    keras_code.export(preset("paths").replace(epochs=2), str(path))
    out = run_script(path, cwd=tmp_path)
    counts = {int(b): int(n) for b, n in re.findall(r"batch size (\d+): (\d+) updates", out)}
    assert counts == {9: 2, 3: 6, 1: 18}


def test_a_full_disk_gets_a_message_and_leaves_no_file(tmp_path, monkeypatch):
    import errno

    from training import atomic
    from training.errors import SaveError

    def full(fd, data):
        raise OSError(errno.ENOSPC, "No space left on device")
    monkeypatch.setattr(atomic.os, "write", full)
    with pytest.raises(SaveError) as err:
        keras_code.export(preset("boston"), str(tmp_path / "netz.py"))
    assert str(err.value) == "The disk is full; boston_housing.csv was not changed."
    assert os.listdir(tmp_path) == []


def test_headless_export_writes_the_script_without_training(tmp_path):
    target = tmp_path / "mein netz.py"
    out = subprocess.run([sys.executable, "main.py", "--headless", "--preset", "boston",
                          "--epochs", "7", "--seed", "3", "--export-script", str(target)],
                         capture_output=True, text=True, timeout=CHILD_TIMEOUT)
    assert out.returncode == 0, out.stderr
    code = target.read_text(encoding="utf-8")
    assert "epochs=7" in code and "keras.utils.set_random_seed(3)" in code
    assert (tmp_path / "boston_housing.csv").exists()
    assert "training epochs" not in out.stdout


# ------------------------------------------------------------------ the window
def test_the_code_view_follows_the_tab_and_its_settings(make_window, qtbot):
    w = make_window()
    assert w.code_dock.isHidden()
    w.findChild(type(w.actions.show_code), "action_show_code").trigger()
    assert not w.code_dock.isHidden()
    assert "keras.layers.Dense(80" in w.code_view.code()
    w.training.panel.epochs.setValue(123)
    assert "epochs=123" in w.code_view.code()

    w.tabs.setCurrentWidget(w.and_tab.view)
    assert "model.set_weights([np.array([[0.806], [0.83]]), np.array([0.281])])" in w.code_view.code()
    w.and_tab.view.learning_rate.setValue(0.5)
    assert "SGD(learning_rate=0.5)" in w.code_view.code()
    w.tabs.setCurrentWidget(w.paths_tab.view)
    assert "for batch_size in (9, 3, 1):" in w.code_view.code()
    w.tabs.setCurrentWidget(w.activation_tab.view)
    assert not w.actions.export_script.isEnabled()
    assert not w.code_view.export_button.isEnabled()

    w.tabs.setCurrentWidget(w.training.view)
    with qtbot.waitSignal(w.code_view.copied):
        w.code_view.copy_button.click()
    from PySide6.QtGui import QGuiApplication
    assert QGuiApplication.clipboard().text() == w.code_view.code()
    assert not make_window().code_dock.isHidden()  # the next start remembers it
    w.code_dock.close()  # its own close button
    assert not w.actions.show_code.isChecked()
    assert make_window().code_dock.isHidden()


def test_export_script_from_the_menu_writes_the_panels_experiment(make_window, monkeypatch,
                                                                  tmp_path, messages):
    w = make_window()
    w.training.panel.epochs.setValue(42)
    monkeypatch.setattr(w.dialogs, "save_path", lambda *a: str(tmp_path / "übung"))
    w.actions.export_script.trigger()
    code = (tmp_path / "übung.py").read_text(encoding="utf-8")
    assert code == keras_code.script(w.training.panel.experiment()) and "epochs=42" in code
    assert (tmp_path / "boston_housing.csv").exists()
    assert "übung.py" in w.statusBar().currentMessage()
    assert messages == []

    monkeypatch.setattr(w.dialogs, "save_path", lambda *a: str(tmp_path / "fehlt" / "x.py"))
    w.actions.export_script.trigger()
    assert len(messages) == 1 and "fehlt" in messages[0] and "Traceback" not in messages[0]
    assert not (tmp_path / "fehlt").exists()
