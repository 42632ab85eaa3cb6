"""Without a runs folder (keep_runs=False), nothing replaces a trained, unsaved model
without asking; with one, the run folder keeps it (tests/test_runs.py). Save, Load and
Load weights do what they say even while something else is going on.
The real window, real Keras, few epochs."""
import numpy as np
import pytest

from training import persistence
from training.engine import Session
from training.experiment import preset
from windows import SLOW_WORKER_MS


@pytest.fixture
def trained(make_window, qtbot):
    """A window whose Boston model has trained 3 epochs and is not saved."""
    w = make_window(keep_runs=False)
    t, d = w.training, w.document
    t.panel.epochs.setValue(3)
    with qtbot.waitSignal(d.runFinished, timeout=SLOW_WORKER_MS):
        t.start_button.click()
    qtbot.waitUntil(lambda: not d.busy)
    assert d.unsaved and d.session.epochs_done == 3
    return w


def answer(monkeypatch, w, reply, path=None):
    asked = []
    monkeypatch.setattr(w.dialogs, "unsaved", lambda question: asked.append(question) or reply)
    if path is not None:
        monkeypatch.setattr(w.dialogs, "save_path", lambda *a: path)
    return asked


def replace_by(w, how, tmp_path, monkeypatch):
    """Press what `how` names; returns what to wait for when it goes ahead."""
    t, d = w.training, w.document
    if how == "start":
        t.start_button.click()
        return d.runFinished
    if how == "preset":
        t.panel.preset.setCurrentIndex(t.panel.preset.findData("boston-early-stopping"))
        return d.sessionChanged
    other = Session(preset("boston").replace(seed=77)).build()
    if how == "load":
        path = persistence.save(other, str(tmp_path / "other.h5"))
        monkeypatch.setattr(w.dialogs, "open_path", lambda *a: path)
        t.load_button.click()
    else:
        path = persistence.save(other, str(tmp_path / "other"), "weights")
        monkeypatch.setattr(w.dialogs, "open_path", lambda *a: path)
        t.load_weights_button.click()
    return d.sessionChanged


HOW = ["start", "preset", "load", "load weights"]


@pytest.mark.parametrize("how", HOW)
def test_cancel_keeps_the_unsaved_model(trained, how, tmp_path, monkeypatch, qtbot):
    w, d = trained, trained.document
    session, before = d.session, d.session.current_predictions()
    asked = answer(monkeypatch, w, "cancel")
    replace_by(w, how, tmp_path, monkeypatch)
    assert len(asked) == 1 and "Save it before it is replaced?" in asked[0]
    qtbot.waitUntil(lambda: not d.busy)
    assert d.session is session and d.unsaved
    np.testing.assert_array_equal(d.session.current_predictions(), before)
    assert w.training.panel.preset.currentData() == "boston"
    assert len(w.training.loss_plot.loss.view) == 3


@pytest.mark.parametrize("how", HOW)
def test_discard_replaces_it(trained, how, tmp_path, monkeypatch, qtbot):
    w, d = trained, trained.document
    session = d.session
    asked = answer(monkeypatch, w, "discard")
    with qtbot.waitSignal(replace_by(w, how, tmp_path, monkeypatch), timeout=SLOW_WORKER_MS):
        pass
    qtbot.waitUntil(lambda: not d.busy)
    assert len(asked) == 1
    if how == "load weights":  # the same net, new weights and a new history
        assert d.session is session and d.session.epochs_done == 0
    else:
        assert d.session is not session


@pytest.mark.parametrize("how", HOW)
def test_save_saves_it_first(trained, how, tmp_path, monkeypatch, qtbot):
    w, d = trained, trained.document
    old = d.session.current_predictions()
    target = str(tmp_path / "kept.h5")
    asked = answer(monkeypatch, w, "save", target)
    with qtbot.waitSignal(d.saved, timeout=SLOW_WORKER_MS):
        wait_for = replace_by(w, how, tmp_path, monkeypatch)
    with qtbot.waitSignal(wait_for, timeout=SLOW_WORKER_MS):
        pass
    qtbot.waitUntil(lambda: not d.busy)
    assert len(asked) == 1
    kept, _ = persistence.load_session(target, preset("boston"))
    assert kept.epochs_done == 3
    np.testing.assert_array_equal(kept.current_predictions(), old)


def test_a_model_that_is_saved_or_untrained_is_replaced_without_a_question(
        make_window, qtbot, monkeypatch, tmp_path):
    w = make_window(keep_runs=False)
    d = w.document
    monkeypatch.setattr(w.dialogs, "unsaved", lambda q: pytest.fail("asked about an untrained model"))
    w.training.panel.epochs.setValue(2)
    with qtbot.waitSignal(d.runFinished, timeout=SLOW_WORKER_MS):
        w.training.start_button.click()
    qtbot.waitUntil(lambda: not d.busy)
    monkeypatch.setattr(w.dialogs, "save_path", lambda *a: str(tmp_path / "saved.h5"))
    with qtbot.waitSignal(d.saved, timeout=SLOW_WORKER_MS):
        w.training.save_button.click()
    qtbot.waitUntil(lambda: not d.busy)
    with qtbot.waitSignal(d.runFinished, timeout=SLOW_WORKER_MS):
        w.training.start_button.click()


def test_save_pressed_while_start_builds_saves_the_new_model(make_window, qtbot, monkeypatch,
                                                             tmp_path):
    w = make_window()
    t, d = w.training, w.document
    old = d.session
    # A net unlike the one built at start-up: the file tells which was saved.
    t.panel.set_layers(preset("boston-early-stopping").layers)
    path = str(tmp_path / "during_build.h5")
    monkeypatch.setattr(w.dialogs, "save_path", lambda *a: path)
    statuses = []
    d.status.connect(statuses.append)
    with qtbot.waitSignal(d.saved, timeout=SLOW_WORKER_MS):
        t.start_button.click()      # the new model is being built now
        t.save_button.click()
    assert d.session is not old
    saved, _ = persistence.load_session(path, preset("boston"))
    assert [s.units for s in saved.experiment.layers] == [10, 10, 1] and saved.epochs_done >= 1
    with qtbot.waitSignal(d.runFinished, timeout=SLOW_WORKER_MS):
        t.stop_button.click()
    qtbot.waitUntil(lambda: not d.busy)
    # The request's message was followed by its outcome, and the run's by its end.
    saving = next(i for i, s in enumerate(statuses) if s.startswith("Saving at the end"))
    assert any(s.startswith("Saved the model") for s in statuses[saving:])
    assert not w.statusBar().currentMessage().startswith("Saving")


def test_save_pressed_while_a_preset_builds_waits_for_the_new_model(make_window, qtbot,
                                                                    monkeypatch, tmp_path):
    w = make_window()
    t, d = w.training, w.document
    path = str(tmp_path / "after_build.h5")
    monkeypatch.setattr(w.dialogs, "save_path", lambda *a: path)
    with qtbot.waitSignal(d.saved, timeout=SLOW_WORKER_MS):
        t.panel.preset.setCurrentIndex(t.panel.preset.findData("boston-early-stopping"))
        assert d.busy  # building
        t.save_button.click()
    qtbot.waitUntil(lambda: not d.busy)
    saved, _ = persistence.load_session(path, preset("boston"))
    assert [s.units for s in saved.experiment.layers] == [10, 10, 1]
    assert w.statusBar().currentMessage().startswith("Saved the model")


def test_load_weights_starts_a_new_history(trained, qtbot, monkeypatch, tmp_path):
    w, d, t = trained, trained.document, trained.training
    answer(monkeypatch, w, "discard")
    other = Session(preset("boston").replace(seed=77)).build()
    path = persistence.save(other, str(tmp_path / "w"), "weights")
    monkeypatch.setattr(w.dialogs, "open_path", lambda *a: path)
    with qtbot.waitSignal(d.sessionChanged, timeout=SLOW_WORKER_MS):
        t.load_weights_button.click()
    qtbot.waitUntil(lambda: not d.busy)
    shown, _ = t.loss_plot.loss_curve.getData()  # no curve left: None or empty
    assert len(t.loss_plot.loss.view) == 0 and (shown is None or len(shown) == 0)
    assert t.progress.format() == "untrained" and not d.unsaved
    np.testing.assert_array_equal(d.session.current_predictions(), other.current_predictions())
    # Resume trains the loaded weights from epoch 1.
    t.resume_mode.setCurrentIndex(1)
    t.more_epochs.setValue(2)
    with qtbot.waitSignal(d.runFinished, timeout=SLOW_WORKER_MS):
        t.resume_button.click()
    qtbot.waitUntil(lambda: not d.busy)
    assert d.session.epochs_done == 2 and len(t.loss_plot.loss.view) == 2


def test_load_model_of_another_experiment_switches_the_panel(make_window, qtbot, monkeypatch,
                                                            tmp_path):
    w = make_window()
    t, d = w.training, w.document
    neuron = Session(preset("and-relu")).build()
    neuron.train(2)
    path = persistence.save(neuron, str(tmp_path / "and_neuron.h5"))
    monkeypatch.setattr(w.dialogs, "open_path", lambda *a: path)
    with qtbot.waitSignal(d.sessionChanged, timeout=SLOW_WORKER_MS):
        t.load_button.click()
    qtbot.waitUntil(lambda: not d.busy)
    e = t.panel.experiment()
    assert e.dataset == "and" and t.panel.preset.currentData() == "and-relu"
    assert [(s.units, s.activation) for s in t.panel.layer_specs()] == [(1, "relu")]
    assert d.session.epochs_done == 2
    np.testing.assert_array_equal(t.prediction_plot.truth, [0, 0, 0, 1])
    assert "Loaded and_neuron.h5" in w.statusBar().currentMessage()
