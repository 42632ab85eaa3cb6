"""The lecture's tabs, each with its own runs, in the real window with real Keras.

A run on a lecture tab never touches the Training tab's model, panel, plots,
progress bar or status; runs on two tabs go on side by side.
"""
import numpy as np
import pytest

from windows import SLOW_WORKER_MS

RELU_END = [0, 0, 0, 0.994]


def finished(runner):
    """waitSignal arguments for the end of `runner`'s training run."""
    return dict(signal=runner.trainingChanged, timeout=SLOW_WORKER_MS,
                check_params_cb=lambda training: not training)


@pytest.fixture
def window(make_window, qtbot):
    return make_window()


def running_icon(window, index) -> bool:
    return window.tabs.tabIcon(index).cacheKey() == window._running_icon.cacheKey()


def show(window, tab):
    window.tabs.setCurrentWidget(tab.view)


def test_tab_titles(window):
    titles = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    assert titles == ["Training", "AND neuron", "Gradient paths", "Activation functions"]


def test_and_trains_in_its_own_worker_and_fills_the_table(window, qtbot):
    tab = window.and_tab
    view = tab.view
    show(window, tab)
    with qtbot.waitSignal(**finished(tab.runner)):
        view.start_button.click()
        assert view.stop_button.isEnabled() and not view.start_button.isEnabled()
    qtbot.waitUntil(lambda: len(view.predictions) == 7, timeout=5000)
    np.testing.assert_allclose(view.predictions[0], [0.281, 1.111, 1.087, 1.917], atol=1e-3)
    np.testing.assert_allclose(view.predictions[-1], RELU_END, atol=2e-3)
    np.testing.assert_allclose(view.weights[0], [0.806, 0.830, 0.281], atol=1e-6)
    assert view.weights[-1] is not None and len(view.weights[-1]) == 3
    assert view.start_button.isEnabled() and not view.stop_button.isEnabled()
    assert "AND: 6 epochs" in window.statusBar().currentMessage()


def test_paths_train_three_runs_and_draw_them(window, qtbot):
    tab = window.paths_tab
    view = tab.view
    show(window, tab)
    view.epochs.setValue(3)
    with qtbot.waitSignal(tab.pathsFinished, timeout=SLOW_WORKER_MS) as blocker:
        view.start_button.click()
    runs = blocker.args[0]
    assert sorted(runs) == [1, 3, 9]
    qtbot.waitUntil(lambda: view.curves[1].xData is not None and len(view.curves[1].xData) == 28,
                    timeout=5000)
    for bs, updates in ((9, 1), (3, 3), (1, 9)):
        x, y = view.curves[bs].getData()
        assert len(x) == 1 + 3 * updates
        np.testing.assert_allclose(np.c_[x, y], runs[bs].points, rtol=1e-6)
    qtbot.waitUntil(lambda: not tab.runner.busy, timeout=10_000)


def test_stop_ends_the_paths_within_a_batch(window, qtbot):
    tab = window.paths_tab
    view = tab.view
    show(window, tab)
    view.epochs.setValue(5000)
    with qtbot.waitSignal(tab.runner.batchEnded, timeout=SLOW_WORKER_MS):
        view.start_button.click()
    assert view.stop_button.isEnabled()
    with qtbot.waitSignal(tab.pathsFinished, timeout=30_000) as blocker:
        view.stop_button.click()
    runs = blocker.args[0]
    assert list(runs) == [9] and runs[9].stopped_by_user and runs[9].epochs_run < 5000
    qtbot.waitUntil(lambda: not tab.runner.busy, timeout=10_000)
    assert view.start_button.isEnabled()


def training_tab_state(window):
    t = window.training
    return {
        "session": window.document.session,
        "unsaved": window.document.unsaved,
        "experiment": t.panel.experiment(),
        "loss": t.loss_plot.loss.view.copy(),
        "truth": t.prediction_plot.truth.copy(),
        "points": t.prediction_plot.points.getData()[1].copy(),
        "progress": (t.progress.value(), t.progress.maximum(), t.progress.format()),
        "errors": t.errors.text(),
        "status": t.last_status,
        "predictions": window.document.session.current_predictions(),
    }


def assert_same(a, b):
    assert a.keys() == b.keys()
    for key in a:
        if isinstance(a[key], np.ndarray):
            np.testing.assert_array_equal(a[key], b[key], err_msg=key)
        else:
            assert a[key] == b[key], key


def test_a_lecture_run_leaves_the_training_tab_and_its_unsaved_model_alone(
        make_window, qtbot, monkeypatch):
    # A trained, unsaved Boston model (no runs folder keeps it): nothing on
    # another tab replaces it, so nothing asks about it either.
    window = make_window(keep_runs=False)
    t, d = window.training, window.document
    t.panel.epochs.setValue(3)
    with qtbot.waitSignal(d.runFinished, timeout=SLOW_WORKER_MS):
        t.start_button.click()
    qtbot.waitUntil(lambda: not d.busy)
    assert len(t.prediction_plot.points.getData()[1]) == 102 and d.unsaved
    monkeypatch.setattr(window.dialogs, "unsaved", lambda q: pytest.fail("asked: " + q))
    before = training_tab_state(window)
    for tab in (window.and_tab, window.paths_tab):
        show(window, tab)
        tab.view.epochs.setValue(2)
        with qtbot.waitSignal(**finished(tab.runner)):
            tab.view.start_button.click()
        assert window.statusBar().currentMessage() == tab.last_status
    show(window, window.training)
    assert_same(training_tab_state(window), before)
    assert window.statusBar().currentMessage() == before["status"]


def test_runs_on_two_tabs_go_on_side_by_side_and_stop_separately(window, qtbot):
    t, d, and_tab = window.training, window.document, window.and_tab
    with qtbot.waitSignal(d.epochEnded, timeout=SLOW_WORKER_MS):
        t.start_button.click()
    # The Training run's controls are the Training tab's: AND's Stop is not one of them.
    assert t.stop_button.isEnabled() and not and_tab.view.stop_button.isEnabled()
    assert running_icon(window, 0) and not running_icon(window, 1)
    show(window, and_tab)
    and_tab.view.epochs.setValue(500)
    with qtbot.waitSignal(and_tab.runner.epochEnded, timeout=SLOW_WORKER_MS):
        and_tab.view.start_button.click()
    assert d.training and and_tab.runner.training
    assert running_icon(window, 1)
    # Esc stops the run of the tab in view, and only that one.
    with qtbot.waitSignal(**finished(and_tab.runner)):
        window.on_stop()
    assert d.training
    epochs = []
    d.epochEnded.connect(lambda run, epoch, logs, p: epochs.append(epoch))
    qtbot.waitUntil(lambda: len(epochs) >= 2, timeout=SLOW_WORKER_MS)  # Boston trains on
    assert not running_icon(window, 1)
    show(window, window.training)
    with qtbot.waitSignal(d.runFinished, timeout=SLOW_WORKER_MS):
        window.on_stop()
    qtbot.waitUntil(lambda: not d.busy)
    assert not running_icon(window, 0)


def test_each_tab_has_its_own_status(window, qtbot):
    t = window.training
    assert window.statusBar().currentMessage().startswith("Ready: Boston")
    show(window, window.paths_tab)
    assert window.statusBar().currentMessage() == ""
    show(window, window.training)
    assert window.statusBar().currentMessage() == t.last_status


def surface_in_view(view):
    """The image's grid, and whether it covers the visible range."""
    (x0, x1), (y0, y1) = view.view_box.viewRange()
    r = view.image.mapRectToParent(view.image.boundingRect())
    n1, n2 = view.image.image.shape
    step1, step2 = r.width() / n1, r.height() / n2
    w1 = r.left() + step1 * (np.arange(n1) + 0.5)
    w2 = r.top() + step2 * (np.arange(n2) + 0.5)
    covers = r.left() <= x0 and x1 <= r.right() and r.top() <= y0 and y1 <= r.bottom()
    return w1, w2, covers


def test_the_paths_tab_computes_the_surface_the_view_shows(window, qtbot):
    from training.gradient_paths import GRID_W1, loss_surface
    tab = window.paths_tab
    view = tab.view
    show(window, tab)
    qtbot.waitExposed(view)
    for size in ((1900, 650), (1300, 1300)):
        window.resize(*size)
        qtbot.waitUntil(lambda: surface_in_view(view)[2], timeout=5000)
    (x0, x1), (y0, y1) = view.view_box.viewRange()
    assert y1 - y0 > 1.2 * (GRID_W1[-1] - GRID_W1[0])  # tall: more than the default grid
    view.view_box.scaleBy((0.1, 0.1))
    qtbot.waitUntil(view.covers_view, timeout=5000)  # a finer surface for the zoom
    w1, w2, covers = surface_in_view(view)
    assert covers and w1[1] - w1[0] < 0.1 * (GRID_W1[1] - GRID_W1[0]) * 2
    # What the view shows is the real loss, on the default extent's colour scale.
    np.testing.assert_allclose(view.image.image,
                               view._shade(loss_surface(view.experiment(), w1, w2)), atol=1e-6)
