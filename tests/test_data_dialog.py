"""File → Open data… (issue 14): a CSV file read off the GUI thread, its
dialog, and the net trained on it; bad files cost nothing."""
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QDialogButtonBox

from training import tabular
from training.experiment import preset
from widgets.data_dialog import DataDialog
from windows import SLOW_WORKER_MS

ROOT = Path(__file__).resolve().parent.parent
IRIS = ROOT / "resources" / "iris.csv"


def german_csv(path: Path, n=120) -> Path:
    rng = np.random.default_rng(1)
    a, b = rng.uniform(-2, 2, n), rng.uniform(-1, 1, n)
    y = 3 * a - 2 * b + 1
    lines = ["Fläche;Lage;Preis"] + [f"{x:.4f};{z:.4f};{t:.4f}".replace(".", ",")
                                     for x, z, t in zip(a, b, y)]
    path.write_bytes(("\n".join(lines) + "\n").encode("cp1252"))
    return path


def test_the_dialog_shows_rows_columns_and_the_standardised_figures(qtbot):
    table = tabular.read_table(str(IRIS))
    d = DataDialog(table, str(IRIS), preset("boston"), str)
    qtbot.addWidget(d)
    assert d.target.currentText() == "species" and d.task.currentData() == "classification"
    assert d.preview.rowCount() == 20 and d.preview.columnCount() == 5
    assert d.chosen_features() == ("sepal_length", "sepal_width", "petal_length", "petal_width")
    assert d.stats.rowCount() == 4 and d.stats.item(0, 1).text().startswith("5.8")
    assert abs(float(d.stats.item(0, 3).text())) < 0.01 and d.stats.item(0, 4).text() == "1.00"
    e = d.experiment()
    assert (e.dataset, e.target, e.task, e.loss) == ("csv", "species", "classification",
                                                     "sparse_categorical_crossentropy")
    assert e.layers[-1].units == 3 and e.layers[-1].activation == "softmax"
    assert e.layers[:-1] == preset("boston").layers[:-1]  # the panel's hidden layers stay
    e.validate()
    # A target with 150 different numbers as classes: refused, OK stays off.
    d.target.setCurrentText("sepal_length")
    d.task.setCurrentIndex(1)
    assert d.prepared is None and "sepal_length" in d.message.text()
    assert not d.buttons.button(d.buttons.StandardButton.Ok).isEnabled()


def test_open_data_trains_the_net_on_a_german_csv_file(make_window, qtbot, tmp_path, monkeypatch,
                                                         messages):
    path = german_csv(tmp_path / "häuser.csv")
    w = make_window(preset("boston").replace(epochs=3))
    monkeypatch.setattr(w.dialogs, "open_path", lambda *a: str(path))
    asked = []
    shown = w.dialogs.run_dialog

    def answer(dialog):  # the real modal dialog, its OK clicked once it shows
        asked.append(dialog)
        assert dialog.target.currentText() == "Preis" and dialog.task.currentData() == "regression"
        QTimer.singleShot(0, dialog.buttons.button(QDialogButtonBox.Ok).click)
        return shown(dialog)
    monkeypatch.setattr(w.dialogs, "run_dialog", answer)
    with qtbot.waitSignal(w.document.sessionChanged, timeout=SLOW_WORKER_MS):
        w.actions.open_data.trigger()
    qtbot.waitUntil(lambda: not w.document.busy)
    s = w.document.session
    assert asked and s.data.feature_names == ("Fläche", "Lage") and s.data.target_name == "Preis"
    assert len(s.data.x_test) == 24 and w.training.panel.experiment().dataset == "csv"
    with qtbot.waitSignal(w.document.runFinished, timeout=SLOW_WORKER_MS):
        w.training.start_button.click()
    qtbot.waitUntil(lambda: not w.document.busy)
    assert w.document.session.epochs_done == 3
    assert "R² " in w.training.errors.text() and not messages
    axis = w.training.prediction_plot.plot.getAxis("bottom").labelText
    assert axis == "true Preis"  # the file's target column names the axes


@pytest.mark.parametrize("content, expected", [
    (b"", "is empty"),
    (bytes(range(256)) * 40, "is not a text (CSV) file"),
    (b"a,b,y\n", "holds a header only"),
])
def test_a_bad_file_is_one_message_and_changes_nothing(make_window, qtbot, tmp_path, monkeypatch,
                                                       messages, content, expected):
    path = tmp_path / "schlecht.csv"
    path.write_bytes(content)
    w = make_window(preset("boston").replace(epochs=3))
    before = w.document.session
    monkeypatch.setattr(w.dialogs, "open_path", lambda *a: str(path))
    monkeypatch.setattr(w.dialogs, "run_dialog", lambda dialog: pytest.fail("no dialog for a bad file"))
    w.actions.open_data.trigger()
    qtbot.waitUntil(lambda: len(messages) == 1)
    assert "schlecht.csv" in messages[0] and expected in messages[0] and "Traceback" not in messages[0]
    assert w.document.session is before and w.training.panel.experiment().dataset == "boston"


def test_closing_while_a_file_is_read_waits_for_the_reader(make_window, qtbot, tmp_path,
                                                           monkeypatch):
    import threading
    from training import tabular as tabular_module
    path = german_csv(tmp_path / "lang.csv")
    w = make_window(preset("boston").replace(epochs=3))
    reading, release = threading.Event(), threading.Event()
    real = tabular_module.read_table

    def slow(p):
        reading.set()
        release.wait(3)  # the window closes meanwhile
        return real(p)
    monkeypatch.setattr(tabular_module, "read_table", slow)
    monkeypatch.setattr(w.dialogs, "open_path", lambda *a: str(path))
    monkeypatch.setattr(w.dialogs, "run_dialog", lambda dialog: pytest.fail("no dialog after close"))
    w.actions.open_data.trigger()
    qtbot.waitUntil(reading.is_set)
    w.close()
    assert not w.training.data_runner.busy and not w.isVisible()


def test_the_data_dialogs_cancel_leaves_the_model_as_it_was(make_window, qtbot, tmp_path,
                                                              monkeypatch, messages):
    path = german_csv(tmp_path / "häuser.csv")
    w = make_window(preset("boston").replace(epochs=3))
    before = w.document.session
    monkeypatch.setattr(w.dialogs, "open_path", lambda *a: str(path))
    shown = w.dialogs.run_dialog
    answers = []

    def cancel(dialog):
        QTimer.singleShot(0, dialog.buttons.button(QDialogButtonBox.Cancel).click)
        answers.append(shown(dialog))
        return answers[-1]
    monkeypatch.setattr(w.dialogs, "run_dialog", cancel)
    w.actions.open_data.trigger()
    qtbot.waitUntil(lambda: bool(answers) and not w.document.busy)
    assert answers == [False] and w.document.session is before
    assert w.training.panel.experiment().dataset == "boston" and not messages
