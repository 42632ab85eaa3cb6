"""Classes in the window (issue 14): the decision map, accuracy, the confusion
matrix, and R² / RMSE for numbers. Real Keras, few epochs."""
import numpy as np
import pytest

from training.engine import MAP_GRID, Session
from training.experiment import preset
from training.runstate import RunState
from widgets import numbers
from windows import SLOW_WORKER_MS


def test_the_decision_map_is_the_models_answer_on_its_grid():
    s = Session(preset("xor-hidden").replace(epochs=3)).build()
    s.train()
    m = s.decision_map()
    assert m["values"].shape == (MAP_GRID, MAP_GRID) and MAP_GRID >= 100
    gx, gy = np.meshgrid(m["xs"], m["ys"])
    want = s.model(np.column_stack([gx.ravel(), gy.ravel()])).numpy()[:, 0].reshape(MAP_GRID, MAP_GRID)
    np.testing.assert_allclose(m["values"], want, rtol=1e-5, atol=1e-6)
    x = np.concatenate([s.data.x_train, s.data.x_test])
    assert m["xs"][0] < x[:, 0].min() and m["xs"][-1] > x[:, 0].max()  # the points lie inside
    assert not Session(preset("iris")).can_map and not Session(preset("boston")).can_map


def test_maps_come_paced_when_asked_for_and_never_headless():
    s = Session(preset("circles").replace(epochs=4)).build()
    maps = []
    s.train(state=RunState(on_map=lambda epoch, m: maps.append(epoch)))
    assert maps == [1, 2, 3, 4]  # interval 0: every epoch
    state = RunState(on_map=lambda epoch, m: maps.append(epoch))
    state.map_interval = 3600
    s.train(8, state=state)
    assert maps == [1, 2, 3, 4, 5]
    assert not RunState().map_due()


def test_the_window_shows_the_map_accuracy_and_confusion_matrix(make_window, qtbot, messages):
    w = make_window(preset("xor-hidden").replace(epochs=6))
    tab, c = w.training, w.document
    view = tab.class_view
    qtbot.waitUntil(lambda: view.shown_map() is not None)  # the untrained net's map, at once
    assert tab.outputs.currentWidget() is view and view.map_view.isVisibleTo(view)
    seen = []
    c.mapped.connect(lambda epoch, m: seen.append(epoch))
    with qtbot.waitSignal(c.runFinished, timeout=SLOW_WORKER_MS):
        tab.start_button.click()
    qtbot.waitUntil(lambda: not c.busy)
    assert seen and seen[-1] == 6  # during the run, and the last epoch's after it
    qtbot.waitUntil(lambda: view.redraw() is False)
    np.testing.assert_allclose(view.shown_map(), c.session.decision_map()["values"], atol=1e-6)
    assert view.counts.sum() == 80 and view.counts.shape == (2, 2)
    accuracy = np.trace(view.counts) / 80
    assert f"{numbers.fixed(100 * accuracy, 1)} %" in tab.errors.text()
    assert view.epochs.view.tolist() == [1, 2, 3, 4, 5, 6] and len(view.acc.view) == 6

    # The replay slider takes the map back with it, and forward again.
    latest = view.shown_map().copy()
    tab.replay_slider.setValue(1)  # epoch 1 (0 is the model before training)
    shown = view.shown_map_epoch()
    assert shown is not None and shown <= 1
    qtbot.waitUntil(lambda: view.redraw() is False)
    np.testing.assert_array_equal(view.shown_map(), view.maps[shown]["values"])
    assert not np.array_equal(view.shown_map(), latest)
    tab.replay_slider.setValue(tab.replay_slider.maximum())
    assert view.shown_map_epoch() == 6
    qtbot.waitUntil(lambda: view.redraw() is False)
    np.testing.assert_array_equal(view.shown_map(), latest)
    assert not messages


def test_iris_shows_no_map_but_its_three_classes(make_window, qtbot):
    w = make_window(preset("iris").replace(epochs=3))
    tab = w.training
    with qtbot.waitSignal(w.document.runFinished, timeout=SLOW_WORKER_MS):
        tab.start_button.click()
    qtbot.waitUntil(lambda: not w.document.busy)
    view = tab.class_view
    qtbot.waitUntil(lambda: view.counts is not None)
    assert not view.map_view.isVisibleTo(view) and view.counts.shape == (3, 3)
    assert view.counts.sum() == 30
    assert [view.matrix.horizontalHeaderItem(i).text() for i in range(3)] == [
        "setosa", "versicolor", "virginica"]


def test_numbers_get_r2_and_rmse_beside_the_absolute_errors(make_window, qtbot):
    w = make_window(preset("boston").replace(epochs=3))
    with qtbot.waitSignal(w.document.runFinished, timeout=SLOW_WORKER_MS):
        w.training.start_button.click()
    qtbot.waitUntil(lambda: not w.document.busy)
    text = w.training.errors.text()
    assert "R² " in text and "RMSE " in text and w.training.outputs.currentWidget() is w.training.prediction_plot
    # Residuals against predicted, around the zero line.
    plot = w.training.prediction_plot
    truth, p = plot.shown()
    plot.residuals.setChecked(True)
    x, y = plot.points.getData()
    np.testing.assert_allclose(x, p)
    np.testing.assert_allclose(y, truth - p)
    assert plot.diagonal.getData()[1].tolist() == [0, 0]
    assert "residual" in plot.plot.getAxis("left").labelText
    plot.residuals.setChecked(False)
    np.testing.assert_allclose(plot.points.getData()[0], truth)


@pytest.mark.parametrize("name", ["boston", "moons"])
def test_at_1024x768_the_loss_curve_and_the_outputs_share_the_width(make_window, qtbot, name):
    # The stack once took its widest page's width, the class view's, and squeezed
    # the loss curve of every experiment; the class view now gets the larger part.
    w = make_window(preset(name).replace(epochs=2), size=(1024, 768))
    tab = w.training
    loss, outputs = tab.loss_plot.width(), tab.outputs.width()
    assert min(loss, outputs) > 0.35 * (loss + outputs)
    assert (outputs > loss) == (name == "moons")
