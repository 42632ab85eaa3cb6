"""The path view: contours of the real loss surface, three live paths, a click picks the start."""
import numpy as np
import pyqtgraph as pg
import pytest
from PySide6.QtCore import QPointF, Qt

from training.experiment import preset
from training.gradient_paths import GRID_W1, GRID_W2, loss_surface
from widgets.path_view import BATCH_SIZES, PathView, contour_levels, contour_segments


@pytest.fixture
def view(qtbot):
    v = PathView()
    qtbot.addWidget(v)
    v.resize(1000, 600)
    v.show()  # the frame clock draws visible views only
    qtbot.waitExposed(v)
    v.set_surface(GRID_W1, GRID_W2, loss_surface(preset("paths"), GRID_W1, GRID_W2))
    return v


def fake_paths(view, qtbot, epochs=4):
    """Points as run_paths reports them: the start, then 1, 3 or 9 per epoch."""
    with qtbot.waitSignal(view.redrawn, timeout=1000):
        view.reset((-2.0, 3.0))
        for bs in BATCH_SIZES:
            for k in range(1 + epochs * 9 // bs):
                view.add_point(bs, np.array([-2.0 + 0.05 * k, 3.0 - 0.04 * k * bs]))


def test_surface_and_contours(view):
    z = view.image.image
    assert z.shape == (len(GRID_W1), len(GRID_W2))
    x, _ = view.contours.getData()
    assert len(x) > 1000 and view.contours.parentItem() is view.image
    # The image covers the grid in weight coordinates.
    rect = view.image.mapRectToParent(view.image.boundingRect())
    assert rect.left() == pytest.approx(GRID_W1[0], abs=0.05)
    assert rect.bottom() == pytest.approx(GRID_W2[-1], abs=0.05)
    levels = contour_levels(np.array([[0.0, 100.0]]))
    assert np.all(np.diff(levels) > 0) and levels[0] > 0 and levels[-1] < 100


def test_paths_are_drawn_with_a_legend(view, qtbot):
    fake_paths(view, qtbot)
    for bs, updates in ((9, 1), (3, 3), (1, 9)):
        x, y = view.curves[bs].getData()
        assert len(x) == 1 + 4 * updates and (x[0], y[0]) == (-2.0, 3.0)
    names = [label.text for _, label in view.legend.items]
    assert names == ["batch size 9: 1 update per epoch", "batch size 3: 3 updates per epoch",
                     "batch size 1: 9 updates per epoch"]
    assert "batch size 1: 36 updates" in view.progress.text()
    view.grab().save("/tmp/shots/path_view_test.png")
    with qtbot.waitSignal(view.redrawn, timeout=1000):
        view.reset()
    assert view.curves[1].getData()[0] is None or len(view.curves[1].getData()[0]) == 0


def test_a_burst_of_points_is_drawn_once(view, qtbot):
    count = []
    view.redrawn.connect(lambda: count.append(1))
    fake_paths(view, qtbot, epochs=50)
    assert len(count) == 1


def click_at(view, qtbot, w1, w2):
    view.grab()  # lays the plot out
    vb = view.plot.getViewBox()
    scene_pos = vb.mapViewToScene(QPointF(w1, w2))
    pos = view.plot_widget.mapFromScene(scene_pos)
    qtbot.mouseClick(view.plot_widget.viewport(), Qt.LeftButton, pos=pos)


def test_click_picks_the_start(view, qtbot):
    with qtbot.waitSignal(view.startPicked, timeout=1000) as blocker:
        click_at(view, qtbot, 3.0, -2.0)
    w1, w2 = blocker.args
    assert w1 == pytest.approx(3.0, abs=0.1) and w2 == pytest.approx(-2.0, abs=0.1)
    assert view.start() == (w1, w2)
    e = view.experiment()
    assert e.initial_weights == ((((w1,), (w2,)),),) and e.name == "paths"
    x, y = view.start_marker.getData()
    assert (x[0], y[0]) == (w1, w2)


def test_running_locks_the_start(view, qtbot):
    view.set_running(True)
    assert not view.start_button.isEnabled() and view.stop_button.isEnabled()
    with qtbot.assertNotEmitted(view.startPicked):
        click_at(view, qtbot, 3.0, -2.0)
    assert view.start() == (-2.0, 3.0)


def test_start_requested_carries_the_settings(view, qtbot):
    view.learning_rate.setValue(0.05)
    view.epochs.setValue(7)
    with qtbot.waitSignal(view.startRequested, timeout=1000) as blocker:
        qtbot.mouseClick(view.start_button, Qt.LeftButton)
    e = blocker.args[0]
    assert (e.learning_rate, e.epochs, e.record_batches) == (0.05, 7, True)


def _segment_set(rows):
    """Segments as a set, each with its ends in a fixed order, rounded."""
    return {tuple(sorted([(round(a, 6), round(b, 6)), (round(c, 6), round(d, 6))])) for a, b, c, d in rows}


@pytest.mark.parametrize("surface", ["bowl", "lecture", "saddles"])
def test_contour_segments_are_pyqtgraphs_isocurves(surface):
    x, y = np.meshgrid(np.linspace(-2, 2, 41), np.linspace(-1.5, 2.5, 37), indexing="ij")
    z = {"bowl": x ** 2 + 3 * y ** 2,
         "lecture": loss_surface(preset("paths"), GRID_W1[::4], GRID_W2[::4]),
         "saddles": np.sin(3 * x) * np.cos(4 * y)}[surface]
    levels = contour_levels(z)
    ours = contour_segments(z, levels) + 0.5  # pyqtgraph puts sample (i, j) at (i + 0.5, j + 0.5)
    theirs = [[*a, *b] for level in levels for a, b in pg.functions.isocurve(z, level)]
    if surface == "saddles":  # saddle cells may pair their four crossings either way
        assert len(ours) == len(theirs)
        assert _segment_set(ours) & _segment_set(theirs)
    else:
        assert _segment_set(ours) == _segment_set(theirs)
