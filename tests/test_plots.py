"""The live plots: throttled redraws, val_loss on its own epochs, the best epoch marked."""
import numpy as np
import pyqtgraph as pg
import pytest
from PySide6.QtGui import QImage

from widgets.plots import LossPlot, PredictionPlot, stable_range


def test_loss_plot_buffers_epochs_and_marks_the_best_val_loss(qtbot):
    plot = LossPlot()
    qtbot.addWidget(plot)
    plot.set_history({}, mark_best=True)
    for epoch, (loss, val) in enumerate([(5, 6), (4, 3), (3, 4)], 1):
        plot.add_epoch(epoch, {"loss": loss, "val_loss": val})
    assert plot.loss_curve.xData is None or len(plot.loss_curve.xData) == 0  # not yet drawn
    plot.redraw()
    np.testing.assert_array_equal(plot.loss_curve.yData, [5, 4, 3])
    assert plot.best == (2, 3) and plot.best_line.isVisible() and plot.best_line.value() == 2
    assert plot.legend.getLabel(plot.val_curve) is not None


def test_val_loss_that_starts_later_is_drawn_at_its_own_epochs(qtbot):
    plot = LossPlot()
    qtbot.addWidget(plot)
    plot.set_history({"loss": [9, 8, 7, 6], "val_loss": [7.5, 6.5]}, mark_best=False)
    np.testing.assert_array_equal(plot.val_curve.xData, [3, 4])
    assert not plot.best_line.isVisible()


def test_without_validation_the_legend_has_no_val_loss(qtbot):
    plot = LossPlot()
    qtbot.addWidget(plot)
    plot.set_history({"loss": [3, 2, 1]}, mark_best=False)
    assert plot.legend.getLabel(plot.val_curve) is None
    assert plot.legend.getLabel(plot.loss_curve) is not None


def test_log_scale_keeps_the_data(qtbot):
    plot = LossPlot()
    qtbot.addWidget(plot)
    plot.set_history({"loss": list(np.geomspace(100, 1, 50))}, mark_best=False)
    plot.log_scale.setChecked(True)
    assert plot.plot.ctrl.logYCheck.isChecked()
    np.testing.assert_allclose(plot.loss_curve.yData, np.geomspace(100, 1, 50))


def test_prediction_plot_shows_the_latest_predictions_only_on_redraw(qtbot):
    plot = PredictionPlot()
    qtbot.addWidget(plot)
    plot.set_truth(np.array([1.0, 2.0, 3.0]))
    plot.set_predictions(np.array([1.5, 2.5, 2.0]))
    plot.set_predictions(np.array([1.1, 2.1, 2.9]))
    plot.redraw()
    x, y = plot.points.getData()
    np.testing.assert_array_equal(x, [1, 2, 3])
    np.testing.assert_allclose(y, [1.1, 2.1, 2.9])


def test_stable_range_covers_the_data_in_coarse_steps():
    assert stable_range(0.5, 612, log=False) == (0, 650)
    assert stable_range(0.5, 640, log=False) == (0, 650)
    assert stable_range(-3, 7, log=False) == (-3, 7)
    assert stable_range(-0.31, 0.0, log=False) == (pytest.approx(-0.35), 0)
    assert stable_range(0, 0, log=False) == (0, 1)
    assert stable_range(np.log10(0.9), np.log10(612), log=True) == (-1, 3)
    assert stable_range(1.0, 1.0, log=True) == (1, 2)


def test_during_a_run_the_loss_axis_holds_still_while_the_loss_falls(qtbot):
    plot = LossPlot()
    qtbot.addWidget(plot)
    plot.show()
    plot.set_history({}, mark_best=False)
    plot.set_run_span(400)
    ranges = []
    for epoch in range(1, 401):
        loss = 600 / epoch
        plot.add_epoch(epoch, {"loss": loss, "val_loss": 1.1 * loss})
        plot.redraw()
        ranges.append(tuple(round(v, 6) for v in plot.plot.viewRange()[1]))
    assert len(set(ranges)) <= 2  # the first epoch sets it; at most one step later
    lo, hi = ranges[-1]
    assert lo <= 0 and hi >= 660  # the whole curve shows
    assert plot.plot.viewRange()[0][1] >= 400  # the epochs still to come fit
    plot.end_run()
    plot.set_history({"loss": [3.0, 2.0, 1.0]}, mark_best=False)
    assert plot.plot.viewRange()[1][1] < 10  # after the run the view fits the data again


def test_a_new_history_is_in_view_at_once_on_either_scale(qtbot):
    plot = LossPlot()
    qtbot.addWidget(plot)
    plot.resize(760, 560)
    plot.show()
    loss = np.geomspace(500, 0.5, 300)
    plot.set_history({"loss": loss, "val_loss": 1.2 * loss}, mark_best=True)
    # Set with the data, not at some later paint; every epoch and loss, a margin around.
    (x0, x1), (y0, y1) = plot.plot.viewRange()
    assert x0 < 1 and 300 < x1 < 330 and y0 < 0.5 and 600 < y1 < 700
    plot.log_scale.setChecked(True)
    y0, y1 = plot.plot.viewRange()[1]
    assert y0 < np.log10(0.5) and np.log10(600) < y1 < 3.1


def _curve_columns(plot: LossPlot, n: int) -> tuple[int, int]:
    """(pixel columns between epoch 1 and epoch n with no curve colour, all columns)."""
    img = plot.view.grab().toImage().convertToFormat(QImage.Format_RGB32)
    h, w = img.height(), img.width()
    px = np.frombuffer(img.constBits(), np.uint8).reshape(h, img.bytesPerLine() // 4, 4)[:, :w, :3]
    # Outside the legend the curves are the only coloured pixels: grid, axes and text are grey.
    coloured = np.abs(px[:, :, 0].astype(int) - px[:, :, 2]) > 30
    legend = plot.view.mapFromScene(plot.legend.sceneBoundingRect()).boundingRect()
    coloured[legend.top():legend.bottom() + 1, legend.left():legend.right() + 1] = False
    coloured = coloured.any(axis=0)
    vb = plot.plot.vb
    x0, x1 = (int(plot.view.mapFromScene(vb.mapViewToScene(pg.Point(e, 0))).x()) for e in (1, n))
    columns = coloured[x0 + 1:x1 - 1]
    return int((~columns).sum()), len(columns)


@pytest.mark.parametrize("epochs", [1000, 100_000])
def test_a_long_noisy_history_is_drawn_without_gaps(qtbot, epochs):
    # Aliased 1-px strokes dropped a fifth of the pixel columns of this curve.
    plot = LossPlot()
    qtbot.addWidget(plot)
    plot.resize(760, 560)
    plot.show()
    qtbot.waitExposed(plot)
    e = np.arange(1, epochs + 1)
    loss = 600 / (1 + e / 30) + np.random.default_rng(0).random(epochs)
    plot.set_history({"loss": loss, "val_loss": 1.1 * loss}, mark_best=False)
    missing, columns = _curve_columns(plot, epochs)
    assert columns > 500 and missing == 0


def test_on_a_log_scale_the_run_range_is_whole_decades(qtbot):
    plot = LossPlot()
    qtbot.addWidget(plot)
    plot.log_scale.setChecked(True)
    plot.set_history({}, mark_best=False)
    plot.set_run_span(100)
    for epoch in range(1, 101):
        plot.add_epoch(epoch, {"loss": 600 / epoch ** 1.5, "val_loss": 0.0 if epoch == 1 else 700 / epoch})
        plot.redraw()
    # loss falls to 0.6, val_loss peaks at 350 (its 0 has no logarithm): 10^-1 to 10^3.
    assert plot._y_range == (-1, 3)
