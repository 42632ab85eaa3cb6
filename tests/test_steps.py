"""One update at a time: the AND neuron's one-sample step and the gradient
paths' one-update step, with real Keras, as the slides go through them."""
import numpy as np
import pytest

from training.engine import Session
from training.experiment import preset
from training.runstate import RunState
from windows import SLOW_WORKER_MS

SLIDES_EPOCH_1 = [0, 0.632, 1.005, 1.785]


def test_four_sample_steps_are_the_slides_first_epoch():
    s = Session(preset("and-relu")).build()
    epochs = []
    state = RunState(on_epoch=lambda e, logs, p: epochs.append((e, logs, p)))
    assert [s.step(state) for _ in range(3)] == [1, 2, 3]
    assert s.epochs_done == 0 and s.batches_into_epoch == 3 and epochs == []
    assert s.step(state) == 4 and s.batches_into_epoch == 0
    (epoch, logs, predictions), = epochs
    assert epoch == 1 == s.epochs_done and len(s.history["loss"]) == 1
    np.testing.assert_allclose(predictions, SLIDES_EPOCH_1, atol=2e-3)
    # Against fit: the same epoch's loss and weights.
    fitted = Session(preset("and-relu")).build()
    fitted.train(1)
    for a, b in zip(s.model.get_weights(), fitted.model.get_weights()):
        np.testing.assert_allclose(a, b, atol=1e-6)
    assert logs["loss"] == pytest.approx(fitted.history["loss"][0], rel=1e-5)


@pytest.fixture
def window(make_window):
    return make_window()


def test_the_and_tab_steps_one_sample_at_a_time(window, qtbot):
    tab = window.and_tab
    window.tabs.setCurrentWidget(tab.view)
    for n in range(1, 5):
        with qtbot.waitSignal(tab.runner.trainingChanged, timeout=SLOW_WORKER_MS,
                              check_params_cb=lambda on: not on):
            tab.view.step_button.click()
        assert window.statusBar().currentMessage().startswith(f"Update {n} of 4 in epoch 1")
    qtbot.waitUntil(lambda: len(tab.view.predictions) == 2, timeout=5000)
    np.testing.assert_allclose(tab.view.predictions[1], SLIDES_EPOCH_1, atol=2e-3)
    # Changed settings: a new neuron, from the table's epoch 0 again.
    tab.view.learning_rate.setValue(0.1)
    with qtbot.waitSignal(tab.runner.trainingChanged, timeout=SLOW_WORKER_MS,
                          check_params_cb=lambda on: not on):
        tab.view.step_button.click()
    qtbot.waitUntil(lambda: len(tab.view.predictions) == 1, timeout=5000)


def test_the_paths_tab_steps_one_update_of_each_path(window, qtbot):
    tab = window.paths_tab
    window.tabs.setCurrentWidget(tab.view)
    for _ in range(2):
        with qtbot.waitSignal(tab.runner.trainingChanged, timeout=SLOW_WORKER_MS,
                              check_params_cb=lambda on: not on):
            tab.view.step_button.click()
    qtbot.waitUntil(lambda: all(c.xData is not None and len(c.xData) == 3
                                for c in tab.view.curves.values()), timeout=5000)
    for curve in tab.view.curves.values():
        x, y = curve.getData()
        np.testing.assert_allclose([x[0], y[0]], [-2.0, 3.0])
        assert len(set(zip(x, y))) == 3  # two updates moved each path
    assert "batch size 1: 2 updates" in window.statusBar().currentMessage()
