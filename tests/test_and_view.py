"""The AND view: a browsable table of the four predictions per epoch, fed like the controller feeds it."""
import numpy as np
import pytest
from PySide6.QtCore import Qt

from training.experiment import preset
from widgets import style
from widgets.and_view import AndView

SLIDES = np.array([[0.281, 1.111, 1.087, 1.917], [0, 0.632, 1.005, 1.785],
                   [0, 0.453, 0.846, 1.729], [0, 0.238, 0.565, 1.518],
                   [0, 0.072, 0.287, 1.29], [0, 0, 0.075, 1.102], [0, 0, 0, 0.994]])


@pytest.fixture
def view(qtbot):
    v = AndView()
    qtbot.addWidget(v)
    v.resize(1000, 600)
    v.show()  # the frame clock draws visible views only
    qtbot.waitExposed(v)
    return v


def feed(view, qtbot, rows=SLIDES):
    with qtbot.waitSignal(view.redrawn, timeout=1000):
        view.reset(rows[0], [0.806, 0.830, 0.281])
        for epoch, row in enumerate(rows[1:], 1):
            view.set_weights([0.8 - 0.1 * epoch, 0.8, 0.2])
            view.add_epoch(epoch, row)


def test_defaults_are_the_relu_slides(view):
    e = view.experiment()
    assert e == preset("and-relu")


def test_edited_settings_reach_the_experiment(view, qtbot):
    view.activation.setCurrentIndex(view.activation.findData("sigmoid"))
    assert view.learning_rate.value() == 20 and view.epochs.value() == 10
    view.w1.setValue(-0.5)
    view.shuffle.setChecked(True)
    with qtbot.waitSignal(view.startRequested, timeout=1000) as blocker:
        qtbot.mouseClick(view.start_button, Qt.LeftButton)
    e = blocker.args[0]
    assert e.layers[0].activation == "sigmoid" and e.learning_rate == 20 and e.shuffle
    assert e.initial_weights == ((((-0.5,), (0.83,)), (0.281,)),)
    view.from_seed.setChecked(True)
    assert not view.w1.isEnabled() and view.experiment().initial_weights is None


def test_live_table_follows_the_last_epoch_and_the_slider_browses(view, qtbot):
    feed(view, qtbot)
    assert view.epoch_slider.maximum() == 6 and view.epoch_slider.value() == 6
    assert view.shown_predictions() == ["0.000", "0.000", "0.000", "0.994"]
    assert "after epoch 6" in view.weights_label.text() and "w₁ = 0.200" in view.weights_label.text()
    x, y = view.curves[3].getData()
    np.testing.assert_allclose(y, SLIDES[:, 3])
    with qtbot.waitSignal(view.redrawn, timeout=1000):
        view.epoch_slider.setValue(0)
    assert view.shown_predictions() == ["0.281", "1.111", "1.087", "1.917"]
    assert "before training" in view.weights_label.text() and "b = 0.281" in view.weights_label.text()
    view.grab().save("/tmp/shots/and_view.png")
    # Browsing an old epoch is not disturbed by new ones.
    with qtbot.waitSignal(view.redrawn, timeout=1000):
        view.add_epoch(7, [0, 0, 0, 1.0])
    assert view.epoch_slider.value() == 0 and view.epoch_slider.maximum() == 7


def test_bursts_are_drawn_once_and_stale_epochs_ignored(view, qtbot):
    count = []
    view.redrawn.connect(lambda: count.append(1))
    rows = np.random.default_rng(0).random((300, 4))
    feed(view, qtbot, rows)
    assert len(count) == 1 and len(view.predictions) == 300
    with qtbot.waitSignal(view.redrawn, timeout=1000):
        view.add_epoch(5, [9, 9, 9, 9])   # not the next epoch: dropped
        view.add_epoch(300, rows[0])
    assert len(view.predictions) == 301


def test_running_locks_the_settings(view):
    view.set_running(True)
    assert not view.w1.isEnabled() and not view.start_button.isEnabled()
    assert view.stop_button.isEnabled()
    view.set_running(False)
    assert view.w1.isEnabled() and not view.seed.isEnabled()


def test_the_legend_wraps_rather_than_run_past_a_narrow_plot(view, qtbot):
    from PySide6.QtWidgets import QApplication
    legend, plot = view.legend, view.plot_widget

    def right_edge():
        QApplication.processEvents()  # the legend's layout is activated later
        return max(plot.mapFromScene(label.mapRectToScene(label.boundingRect()).topRight()).x()
                   for _, label in legend.items)
    assert (legend.columnCount, legend.rowCount) == (4, 1)
    assert right_edge() <= plot.width()
    wide = plot.width()
    view.resize(700, 600)
    qtbot.waitUntil(lambda: plot.width() < wide - 250)
    assert right_edge() <= plot.width(), plot.width()
    assert (legend.columnCount, legend.rowCount) == (2, 2)  # 2 + 2, not 3 + 1
    view.resize(1000, 600)
    qtbot.waitUntil(lambda: legend.columnCount == 4)
    assert legend.rowCount == 1
    style.set_text_scale(QApplication.instance(), 2.0)  # View → Larger text
    try:
        qtbot.waitUntil(lambda: legend.columnCount != 4)
        assert right_edge() <= plot.width(), plot.width()
    finally:
        style.set_text_scale(QApplication.instance(), 1.0)
