"""The real window, driven as a user drives it: start, stop, resume, save, load."""
import h5py
import numpy as np
import pytest
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QWidget

from app import presenter
from app.gui import _AfterFirstPaint
from app.main_window import MainWindow
from app.runner import TaskRunner
from training.experiment import preset
from windows import QUICK, SLOW_WORKER_MS

def test_full_cycle(make_window, qtbot, tmp_path, monkeypatch):
    w = make_window()
    c = w.document
    epochs = []
    c.epochEnded.connect(lambda r, e, logs, p: epochs.append(e))

    # 1. Start: per-epoch signals arrive, the panel is locked while training.
    with qtbot.waitSignal(c.epochEnded, timeout=SLOW_WORKER_MS, check_params_cb=lambda r, e, l, p: e == 3):
        w.training.start_button.click()
    assert c.training and not w.training.panel.isEnabled() and w.training.stop_button.isEnabled()

    # 2. Stop: the run ends long before its 2000 epochs; the model keeps its state.
    with qtbot.waitSignal(c.runFinished, timeout=SLOW_WORKER_MS):
        w.training.stop_button.click()
    qtbot.waitUntil(lambda: not c.busy)
    stopped_at = c.session.epochs_done
    assert 3 <= stopped_at < 2000 and epochs == list(range(1, stopped_at + 1))
    assert w.training.panel.isEnabled() and w.training.resume_button.isEnabled()
    assert len(w.training.loss_plot.loss.view) == stopped_at
    assert "mean" in w.training.errors.text()

    # 3. Resume for 5 more epochs: numbering and history carry on.
    w.training.resume_mode.setCurrentIndex(1)
    w.training.more_epochs.setValue(5)
    with qtbot.waitSignal(c.runFinished, timeout=SLOW_WORKER_MS):
        w.training.resume_button.click()
    qtbot.waitUntil(lambda: not c.busy)
    assert c.session.epochs_done == stopped_at + 5
    assert epochs == list(range(1, stopped_at + 6))
    assert len(c.session.history["loss"]) == stopped_at + 5 == len(w.training.loss_plot.loss.view)

    # 4. Save through the dialog.
    path = str(tmp_path / "boston")
    monkeypatch.setattr(w.dialogs, "save_path", lambda *a: path)
    with qtbot.waitSignal(c.saved, timeout=SLOW_WORKER_MS):
        w.training.save_button.click()
    qtbot.waitUntil(lambda: not c.busy)
    assert h5py.is_hdf5(path + ".h5") and not c.unsaved

    # 5. Load into a new window: identical test predictions, layers in the panel.
    w2 = make_window(preset("boston-early-stopping"))
    monkeypatch.setattr(w2.dialogs, "open_path", lambda *a: path + ".h5")
    with qtbot.waitSignal(w2.document.sessionChanged, timeout=SLOW_WORKER_MS):
        w2.training.load_button.click()
    qtbot.waitUntil(lambda: not w2.document.busy)
    np.testing.assert_array_equal(w2.document.session.current_predictions(), c.session.current_predictions())
    assert [l.units for l in w2.training.panel.layer_specs()] == [80, 50, 1]
    assert w2.document.session.epochs_done == stopped_at + 5
    assert w2.training.errors.text() == w.training.errors.text()

    # 6. Resume trains the loaded model further.
    w2.training.resume_mode.setCurrentIndex(1)
    w2.training.more_epochs.setValue(3)
    with qtbot.waitSignal(w2.document.runFinished, timeout=SLOW_WORKER_MS):
        w2.training.resume_button.click()
    qtbot.waitUntil(lambda: not w2.document.busy)
    assert w2.document.session.epochs_done == stopped_at + 8
    w.grab().save(str(tmp_path / "window.png"))


def test_save_during_training_does_not_stop_it(make_window, qtbot, tmp_path, monkeypatch):
    w = make_window()
    c = w.document
    path = str(tmp_path / "during.h5")
    monkeypatch.setattr(w.dialogs, "save_path", lambda *a: path)
    with qtbot.waitSignal(c.epochEnded, timeout=SLOW_WORKER_MS):
        w.training.start_button.click()
    with qtbot.waitSignal(c.saved, timeout=SLOW_WORKER_MS) as saved:
        w.training.save_button.click()
    assert saved.args == [path, "model"] and c.training
    with qtbot.waitSignal(c.runFinished, timeout=SLOW_WORKER_MS):
        w.training.stop_button.click()
    qtbot.waitUntil(lambda: not c.busy)
    assert h5py.is_hdf5(path)


@pytest.fixture
def wrong_input_model(tmp_path):
    import keras
    m = keras.Sequential([keras.Input((5,)), keras.layers.Dense(3), keras.layers.Dense(1)])
    m.compile(optimizer="adam", loss=keras.losses.MeanSquaredError())
    path = tmp_path / "five_inputs.h5"
    m.save(path)
    return str(path)


@pytest.fixture
def weights_file(tmp_path):
    import keras
    m = keras.Sequential([keras.Input((13,)), keras.layers.Dense(1)])
    path = tmp_path / "only.weights.h5"
    m.save_weights(path)
    return str(path)


@pytest.mark.parametrize("kind, says", [
    ("text", "not an HDF5"), ("weights", "weights only"), ("inputs", "expects 5 inputs"),
])
def test_bad_files_give_a_message_and_change_nothing(kind, says, make_window, qtbot, tmp_path,
                                                     monkeypatch, messages, request):
    if kind == "text":
        path = tmp_path / "notes.h5"
        path.write_text("hello")
        path = str(path)
    else:
        path = request.getfixturevalue({"weights": "weights_file", "inputs": "wrong_input_model"}[kind])
    w = make_window()
    c = w.document
    session, before = c.session, c.session.current_predictions()
    monkeypatch.setattr(w.dialogs, "open_path", lambda *a: path)
    with qtbot.waitSignal(c.error, timeout=SLOW_WORKER_MS):
        w.training.load_button.click()
    qtbot.waitUntil(lambda: not c.busy)
    assert len(messages) == 1 and says in messages[0] and "Traceback" not in messages[0]
    assert c.session is session
    np.testing.assert_array_equal(c.session.current_predictions(), before)


def test_invalid_experiment_is_refused_before_training(make_window, messages):
    w = make_window()
    w.training.panel.early.setChecked(True)
    w.training.panel.validation.setValue(0)
    w.training.start_button.click()
    assert not w.document.busy and "validation share" in messages[0]


def test_closing_during_training_stops_and_asks_about_unsaved_work(make_window, qtbot, monkeypatch):
    w = make_window(keep_runs=False)
    c = w.document
    asked = []
    monkeypatch.setattr(w.dialogs, "unsaved", lambda question: asked.append(1) or "discard")
    with qtbot.waitSignal(c.epochEnded, timeout=SLOW_WORKER_MS):
        w.training.start_button.click()
    assert w.close()
    assert asked == [1] and not c.busy and not w.isVisible()


def test_cancelling_the_unsaved_question_keeps_the_window(make_window, qtbot, monkeypatch):
    w = make_window(keep_runs=False)
    c = w.document
    monkeypatch.setattr(w.dialogs, "unsaved", lambda question: "cancel")
    with qtbot.waitSignal(c.epochEnded, timeout=SLOW_WORKER_MS):
        w.training.start_button.click()
    assert not w.close() and w.isVisible() and c.training
    with qtbot.waitSignal(c.runFinished, timeout=SLOW_WORKER_MS):
        w.training.stop_button.click()
    qtbot.waitUntil(lambda: not c.busy)


def test_an_exception_in_training_becomes_a_message_and_the_window_goes_on(
        make_window, qtbot, monkeypatch, messages):
    from training.engine import Session
    w = make_window()
    c = w.document
    original = Session.train

    def broken(self, *a, **k):
        raise RuntimeError("simulated fault in fit")
    monkeypatch.setattr(Session, "train", broken)
    with qtbot.waitSignal(c.error, timeout=SLOW_WORKER_MS):
        w.training.start_button.click()
    qtbot.waitUntil(lambda: not c.busy)
    assert messages == ["Training failed: RuntimeError: simulated fault in fit"]
    monkeypatch.setattr(Session, "train", original)
    with qtbot.waitSignal(c.runFinished, timeout=SLOW_WORKER_MS):
        w.training.start_button.click()
        w.training.stop_button.click()
    qtbot.waitUntil(lambda: not c.busy)
    assert c.session.epochs_done >= 1


def test_a_diverging_loss_stops_the_run_and_keeps_finite_weights(make_window, qtbot):
    w = make_window(preset("boston").replace(optimizer="sgd", learning_rate=50.0, epochs=50))
    c = w.document
    with qtbot.waitSignal(c.runFinished, timeout=SLOW_WORKER_MS) as finished:
        w.training.start_button.click()
    qtbot.waitUntil(lambda: not c.busy)
    result, snap = finished.args[1]
    assert result.not_finite and snap.epochs_done < 50
    assert "no longer a finite number" in w.statusBar().currentMessage()
    assert np.isfinite(c.session.current_predictions()).all()


def test_save_weights_completes_the_name_and_says_so(make_window, qtbot, tmp_path, monkeypatch):
    w = make_window()
    c = w.document
    monkeypatch.setattr(w.dialogs, "save_path", lambda *a: str(tmp_path / "mine.h5"))
    with qtbot.waitSignal(c.saved, timeout=SLOW_WORKER_MS) as saved:
        w.training.save_weights_button.click()
    qtbot.waitUntil(lambda: not c.busy)
    assert saved.args == [str(tmp_path / "mine.weights.h5"), "weights"]
    assert "mine.weights.h5" in w.statusBar().currentMessage()
    assert "names ending in .weights.h5" in w.statusBar().currentMessage()
    # And it loads back into the same network.
    before = c.session.current_predictions()
    monkeypatch.setattr(w.dialogs, "open_path", lambda *a: saved.args[0])
    with qtbot.waitSignal(c.sessionChanged, timeout=SLOW_WORKER_MS):
        w.training.load_weights_button.click()
    qtbot.waitUntil(lambda: not c.busy)
    np.testing.assert_array_equal(c.session.current_predictions(), before)


def test_new_error_figures_repaint_their_line_only(qtbot):
    # A QLabel in the tab's layout re-laid out the tab and repainted both
    # plots on every new text, ten times a second during a run.
    w = MainWindow(QUICK)  # no model: nothing to ask about on closing
    qtbot.addWidget(w)
    painted = []

    class PaintSpy(QObject):
        def eventFilter(self, obj, event):
            if event.type() == QEvent.Paint:
                painted.append(obj)
            return False
    spy = PaintSpy()
    w.training.loss_plot.installEventFilter(spy)
    w.training.errors.label.installEventFilter(spy)
    w.show()
    qtbot.waitExposed(w)
    # The window's first paints, the plot's among them, then quiet.
    qtbot.waitUntil(lambda: w.training.loss_plot in painted)

    def quiet():
        painted.clear()
        for _ in range(3):
            QApplication.processEvents()
        return not painted
    qtbot.waitUntil(quiet)
    for i in range(3):
        w.training.errors.setText(presenter.errors_line(
            {"mean_abs": 2 + i / 7, "max_abs": 10 + 10 ** i, "min_abs": 0.1}))
        for _ in range(3):
            QApplication.processEvents()
    assert "mean 2.286" in w.training.errors.text()
    assert painted and all(obj is w.training.errors.label for obj in painted)


def test_a_run_re_lays_out_nothing_frame_by_frame(make_window, qtbot):
    # A QLabel's setText asks every layout up to the window for a new
    # geometry, and each QTabWidget on the way repainted all of itself: the
    # replay slider's "12 of 40" did that on every frame of a run.
    w = make_window()
    frames, requests, replay_texts = [], [], set()

    class LayoutSpy(QObject):
        def eventFilter(self, obj, event):
            if event.type() == QEvent.LayoutRequest:
                requests.append(len(frames))
            return False
    spy = LayoutSpy()
    w.installEventFilter(spy)

    def frame(value):
        frames.append(value)
        replay_texts.add(w.training.replay_label.text())
    w.training.progress.valueChanged.connect(frame)
    with qtbot.waitSignal(w.document.epochEnded, timeout=SLOW_WORKER_MS):
        w.training.start_button.click()
    qtbot.waitUntil(lambda: len(frames) >= 14, timeout=SLOW_WORKER_MS)
    with qtbot.waitSignal(w.document.runFinished, timeout=SLOW_WORKER_MS):
        w.training.stop_button.click()
    qtbot.waitUntil(lambda: not w.document.busy)
    assert len(replay_texts) >= 10  # the label did change frame by frame
    # The first frames may grow the label ("9 of 9" to "10 of 10"); then none.
    assert len([f for f in requests if 4 <= f < 14]) <= 2, requests


def test_a_thread_end_queued_after_shutdown_is_ignored(qtbot):
    # Closing waits for the worker thread and forgets it; the thread's
    # `finished`, queued before that, arrives afterwards from a deleted sender.
    r = TaskRunner("test")
    r._on_finished()  # not called through a signal: sender() is None, as for a deleted thread
    assert not r.busy


def test_warm_up_starts_after_the_first_paint_or_at_the_latest_after_a_while(qtbot):
    app = QApplication.instance()
    shown, hidden = QWidget(), QWidget()
    qtbot.addWidget(shown)
    qtbot.addWidget(hidden)
    calls = []
    painted = _AfterFirstPaint(app, shown, lambda: calls.append("shown"), latest_ms=60_000)
    shown.show()
    qtbot.waitUntil(lambda: calls == ["shown"])
    painted._fire()  # the fallback timer, later: nothing more
    # A window that never paints (started minimised) gets its warm-up anyway.
    _AfterFirstPaint(app, hidden, lambda: calls.append("hidden"), latest_ms=50)
    qtbot.waitUntil(lambda: calls == ["shown", "hidden"])


def test_model_dialogs_list_model_files_in_any_case(qapp, tmp_path):
    """Linux's file dialogs match a filter's patterns case-sensitively."""
    import re
    from PySide6.QtCore import QDir
    from app.dialogs import any_model_filter, any_weights_filter, model_filters
    for name in ("NETZ.H5", "netz.h5", "w.weights.h5", "Netz.KERAS", "netz.keras", "notes.txt"):
        (tmp_path / name).write_bytes(b"")
    h5 = ["NETZ.H5", "netz.h5", "w.weights.h5"]
    both = h5 + ["Netz.KERAS", "netz.keras"]
    save_h5, save_keras = model_filters()[0].split(";;")
    load_any, load_h5, load_keras = any_model_filter().split(";;")
    weights, weights_of_model = any_weights_filter().split(";;")
    for filt, expected in ((save_h5, h5), (save_keras, both[3:]), (load_any, both), (load_h5, h5),
                           (load_keras, both[3:]), (weights, h5), (weights_of_model, both)):
        patterns = re.search(r"\(([^)]*)\)$", filt).group(1).split()
        found = QDir(str(tmp_path), "", QDir.Name, QDir.Files).entryList(
            patterns, QDir.Files | QDir.CaseSensitive)
        assert sorted(found) == sorted(expected), filt


@pytest.mark.parametrize("typed, chosen, written", [
    ("netz", 1, "netz.keras"),          # no suffix: the chosen filter's
    ("netz", 0, "netz.h5"),
    ("netz.h5", 1, "netz.h5"),          # a suffix typed wins over the filter
    ("Netz.KERAS", 0, "Netz.KERAS"),
])
def test_the_save_dialog_takes_the_format_from_the_name_or_the_filter(
        make_window, monkeypatch, tmp_path, typed, chosen, written):
    from app import dialogs
    w = make_window()
    asked = []

    def dialog(parent, title, folder, filters, selected=""):
        asked.append(selected)
        return str(tmp_path / typed), filters.split(";;")[chosen]
    monkeypatch.setattr(dialogs.QFileDialog, "getSaveFileName", dialog)
    assert w.training.ask_model_path() == str(tmp_path / written)
    w.training.ask_model_path()
    assert asked == ["", dialogs.model_filters()[0].split(";;")[chosen]]  # offered first again
