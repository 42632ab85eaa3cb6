"""The lecture's tabs train through the one controller and worker thread, with real Keras."""
import numpy as np
import pytest
from PySide6.QtWidgets import QTabWidget

from app.controller import Controller
from app.lecture_tabs import LectureTabs

RELU_END = [0, 0, 0, 0.994]


@pytest.fixture
def lecture(qtbot):
    tabs = QTabWidget()
    qtbot.addWidget(tabs)
    controller = Controller()
    lecture = LectureTabs(controller, tabs)
    yield lecture
    assert controller.shutdown(None)


def idle(controller):
    return lambda: not controller.busy


def test_and_trains_in_the_worker_and_fills_the_table(lecture, qtbot):
    view, c = lecture.and_view, lecture.controller
    with qtbot.waitSignal(c.runFinished, timeout=120_000):
        view.start_button.click()
    qtbot.waitUntil(idle(c), timeout=10_000)
    qtbot.waitUntil(lambda: len(view.predictions) == 7, timeout=2000)
    np.testing.assert_allclose(view.predictions[0], [0.281, 1.111, 1.087, 1.917], atol=1e-3)
    np.testing.assert_allclose(view.predictions[-1], RELU_END, atol=2e-3)
    np.testing.assert_allclose(view.weights[0], [0.806, 0.830, 0.281], atol=1e-6)
    assert view.weights[-1] is not None and len(view.weights[-1]) == 3
    assert view.start_button.isEnabled() and not view.stop_button.isEnabled()


def test_paths_train_three_runs_and_draw_them(lecture, qtbot):
    view = lecture.path_view
    view.epochs.setValue(3)
    with qtbot.waitSignal(lecture.pathsFinished, timeout=120_000) as blocker:
        view.start_button.click()
    runs = blocker.args[0]
    assert sorted(runs) == [1, 3, 9]
    qtbot.waitUntil(idle(lecture.controller), timeout=10_000)
    qtbot.waitUntil(lambda: view.curves[1].xData is not None and len(view.curves[1].xData) == 28,
                    timeout=2000)
    for bs, updates in ((9, 1), (3, 3), (1, 9)):
        x, y = view.curves[bs].getData()
        assert len(x) == 1 + 3 * updates
        np.testing.assert_allclose(np.c_[x, y], runs[bs].points, rtol=1e-6)
    assert lecture.route is None


def test_stop_ends_the_paths_within_a_batch(lecture, qtbot):
    view, c = lecture.path_view, lecture.controller
    view.epochs.setValue(5000)
    with qtbot.waitSignal(c.batchEnded, timeout=120_000):
        view.start_button.click()
    assert view.stop_button.isEnabled()
    with qtbot.waitSignal(lecture.pathsFinished, timeout=10_000) as blocker:
        view.stop_button.click()
    runs = blocker.args[0]
    assert list(runs) == [9] and runs[9].stopped_by_user and runs[9].epochs_run < 5000
    qtbot.waitUntil(lambda: not c.busy, timeout=10_000)
    assert view.start_button.isEnabled()


def test_main_window_trains_and_in_its_tab(qtbot):
    from app.main_window import MainWindow
    from training.experiment import preset

    window = MainWindow(preset("boston"))
    qtbot.addWidget(window)
    titles = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    assert titles == ["Training", "AND neuron", "Gradient paths", "Activation functions"]
    view, c = window.lecture.and_view, window.controller
    view.activation.setCurrentIndex(view.activation.findData("sigmoid"))
    view.epochs.setValue(3)
    with qtbot.waitSignal(c.runFinished, timeout=120_000):
        view.start_button.click()
    qtbot.waitUntil(lambda: not c.busy, timeout=10_000)
    assert window.progress.value() == 3
    assert c.session.experiment.layers[0].activation == "sigmoid"
    qtbot.waitUntil(lambda: len(view.predictions) == 4, timeout=2000)
    window.ask_unsaved = lambda: "discard"
    window.close()
    assert c.shutdown(None)
