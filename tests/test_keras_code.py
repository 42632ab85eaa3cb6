"""The Keras code view and Export script: the code is the app's training, as a student writes it."""
import ast
import os
import re
import subprocess
import sys

import pytest
from PySide6.QtCore import Qt

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


# ------------------------------------------------------------------ plots
# A menu's popup on the offscreen platform: it says it cannot raise or grab.
MENU_WARNINGS = "This plugin does not support (raise|grabbing)"


@pytest.mark.qt_log_ignore(MENU_WARNINGS)
def test_a_plots_right_click_menu_resets_and_saves_png_at_twice_its_size_and_svg(
        make_window, qtbot, monkeypatch, tmp_path, messages):
    from PySide6.QtCore import QPoint
    from PySide6.QtGui import QImage
    from PySide6.QtWidgets import QMenu
    from widgets import plot_export
    w = make_window()
    view = w.training.loss_plot.view
    qtbot.mouseClick(view.viewport(), Qt.RightButton, pos=QPoint(view.width() // 2, view.height() // 2))
    menu = view.findChild(QMenu, "plot_menu")
    assert menu is not None and menu.isVisible()
    assert [a.objectName() for a in menu.actions() if a.objectName()] == [
        "plot_reset", "plot_png", "plot_svg"]
    monkeypatch.setattr(w.dialogs, "save_path", lambda *a: str(tmp_path / "Verlust"))
    menu.findChild(type(menu.actions()[0]), "plot_png").trigger()
    image = QImage(str(tmp_path / "Verlust.png"))
    assert abs(image.width() - 2 * view.viewport().width()) <= 2
    monkeypatch.setattr(w.dialogs, "save_path", lambda *a: str(tmp_path / "Verlust.svg"))
    plot_export.requests.save.emit(view, "svg")
    svg = (tmp_path / "Verlust.svg").read_text(encoding="utf-8")
    assert svg.startswith("<?xml") and "<svg" in svg and "loss" in svg
    from PySide6.QtSvg import QSvgRenderer
    assert QSvgRenderer(str(tmp_path / "Verlust.svg")).isValid()
    assert messages == []


def test_export_plots_writes_every_plot_of_the_tab_in_view(make_window, monkeypatch, tmp_path,
                                                         messages):
    w = make_window()
    w.tabs.setCurrentWidget(w.activation_tab.view)
    monkeypatch.setattr(w.dialogs, "folder_path", lambda *a: str(tmp_path))
    w.actions.export_plots.trigger()
    assert sorted(os.listdir(tmp_path)) == [
        "activations.png", "activations.svg", "relu_combination.png", "relu_combination.svg"]
    asked = []
    monkeypatch.setattr(w.dialogs, "confirm", lambda q: asked.append(q) or False)
    before = (tmp_path / "activations.png").stat().st_mtime_ns
    w.actions.export_plots.trigger()  # the same names again: asked, and kept when refused
    assert len(asked) == 1 and "activations.png" in asked[0]
    assert (tmp_path / "activations.png").stat().st_mtime_ns == before
    assert messages == []


# ------------------------------------------------------------------ data
def test_history_csv_keeps_late_val_loss_on_the_last_epochs():
    from training import exports
    text = exports.history_csv([("a", {"loss": [3.0, 2.0, 1.0], "val_loss": [2.5]}),
                                ("b", {"loss": [0.5]})]).decode()
    assert text.splitlines() == ["epoch,loss,val_loss,run", "1,3,,a", "2,2,,a", "3,1,2.5,a",
                                 "1,0.5,,b"]


def test_the_training_tab_exports_history_and_predictions_and_copies_the_error_line(
        make_window, qtbot, monkeypatch, tmp_path, messages, language):
    import csv

    from PySide6.QtGui import QGuiApplication
    w = make_window()
    t = w.training
    monkeypatch.setattr(w.dialogs, "save_path", lambda *a: str(tmp_path / "leer.csv"))
    w.actions.export_history.trigger()  # nothing trained yet: said, no file
    assert len(messages) == 1 and not (tmp_path / "leer.csv").exists()

    t.panel.epochs.setValue(3)
    with qtbot.waitSignal(w.document.runFinished, timeout=240_000):
        w.actions.start.trigger()
    qtbot.waitUntil(lambda: not w.document.busy)
    monkeypatch.setattr(w.dialogs, "save_path", lambda *a: str(tmp_path / "verlauf"))
    w.actions.export_history.trigger()
    rows = list(csv.DictReader(open(tmp_path / "verlauf.csv", encoding="utf-8")))
    assert [int(r["epoch"]) for r in rows] == [1, 2, 3]
    assert [float(r["loss"]) for r in rows] == pytest.approx(w.document.session.history["loss"])
    assert {r["run"] for r in rows} == {w.document.run.name}

    monkeypatch.setattr(w.dialogs, "save_path", lambda *a: str(tmp_path / "vorhersagen.csv"))
    w.actions.export_predictions.trigger()
    rows = list(csv.DictReader(open(tmp_path / "vorhersagen.csv", encoding="utf-8")))
    assert len(rows) == 102
    mae = sum(float(r["abs_error"]) for r in rows) / len(rows)
    assert mae == pytest.approx(w.document.session.test_errors()["mean_abs"], rel=1e-4)

    language("de")
    t.copy_errors_action.trigger()
    head, values = QGuiApplication.clipboard().text().splitlines()
    assert head.count("\t") == 2 and values.count("\t") == 2
    assert "," in values and "." not in values  # German decimal commas, for a German spreadsheet
    t._show_experiment(t._experiment)  # a new experiment: its line is empty, nothing to copy
    QGuiApplication.clipboard().setText("")
    t.copy_errors_action.trigger()
    assert QGuiApplication.clipboard().text() == ""
    assert len(messages) == 1


def test_the_and_table_copies_as_shown_and_saves_every_epoch(make_window, qtbot, monkeypatch,
                                                             tmp_path, messages):
    import csv

    from PySide6.QtGui import QGuiApplication
    w = make_window()
    tab, view = w.and_tab, w.and_tab.view
    w.tabs.setCurrentWidget(view)
    with qtbot.waitSignal(tab.runner.trainingChanged, timeout=240_000,
                          check_params_cb=lambda running: not running):
        view.start_button.click()
    qtbot.waitUntil(lambda: len(view.predictions) == 7)
    view.copy_table_action.trigger()
    lines = QGuiApplication.clipboard().text().splitlines()
    assert lines[0].split("\t")[:3] == ["x₁", "x₂", "y"]
    assert [line.split("\t")[3] for line in lines[1:]] == view.shown_predictions()
    monkeypatch.setattr(w.dialogs, "save_path", lambda *a: str(tmp_path / "and"))
    view.save_table_action.trigger()
    rows = list(csv.reader(open(tmp_path / "and.csv", encoding="utf-8")))
    assert rows[0][:2] == ["epoch", "prediction (0,0)"] and len(rows) == 8
    assert [float(v) for v in rows[-1][1:5]] == pytest.approx([0, 0, 0, 0.994], abs=1e-3)
    assert messages == []


def test_headless_export_csv_writes_the_history_after_training(tmp_path):
    target = tmp_path / "verlauf.csv"
    out = subprocess.run([sys.executable, "main.py", "--headless", "--preset",
                          "boston-early-stopping", "--epochs", "2", "--no-runs",
                          "--export-csv", str(target)],
                         capture_output=True, text=True, timeout=CHILD_TIMEOUT)
    assert out.returncode == 0, out.stderr
    lines = target.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "epoch,loss,val_loss,run" and len(lines) == 3
    assert all(line.endswith(",boston-early-stopping") and ",," not in line for line in lines[1:])


@pytest.mark.skipif(os.name == "nt", reason="Windows keeps no POSIX modes")
def test_written_files_get_the_mode_of_any_new_file_and_keep_an_existing_one(tmp_path):
    from training import atomic
    new = atomic.write_atomic(str(tmp_path / "neu.py"), b"x")
    assert os.stat(new).st_mode & 0o777 == 0o666 & ~atomic._UMASK  # not mkstemp's 0600
    os.chmod(new, 0o640)
    atomic.write_atomic(new, b"y")
    assert os.stat(new).st_mode & 0o777 == 0o640
