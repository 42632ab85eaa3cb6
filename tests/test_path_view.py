"""The path view: contours of the real loss surface, three live paths, a click picks the start."""
import numpy as np
import pyqtgraph as pg
import pytest
from PySide6.QtCore import QLocale, QPointF, Qt
from PySide6.QtGui import QImage, QPainter

from training.experiment import preset
from training.gradient_paths import GRID_W1, GRID_W2, loss_surface
from widgets.path_view import (BATCH_SIZES, PathView, contour_levels, contour_segments,
                               covering_grid, loss_ticks)


def cover(v):
    """What PathsTab does when the view asks for the surface over its range."""
    def covered(w1_range, w2_range):
        w1, w2 = covering_grid(w1_range, w2_range)
        v.set_surface(w1, w2, loss_surface(preset("paths"), w1, w2), home=False)
    return covered


@pytest.fixture
def view(qtbot):
    v = PathView()
    qtbot.addWidget(v)
    v.resize(1000, 600)
    v.show()  # the frame clock draws visible views only
    qtbot.waitExposed(v)
    v.set_surface(GRID_W1, GRID_W2, loss_surface(preset("paths"), GRID_W1, GRID_W2))
    v.surfaceRequested.connect(cover(v))
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


# A click picks the start once the double-click interval has passed.
PICK_WAIT_MS = 1000


def widget_pos(view, w1, w2):
    view.grab()  # lays the plot out
    scene_pos = view.view_box.mapViewToScene(QPointF(w1, w2))
    return view.plot_widget.mapFromScene(scene_pos)


def click_at(view, qtbot, w1, w2, button=Qt.LeftButton):
    qtbot.mouseClick(view.plot_widget.viewport(), button, pos=widget_pos(view, w1, w2))


def double_click_at(view, qtbot, w1, w2):
    """As Qt delivers a double click: press, release, double click, release
    (qtbot.mouseDClick sends the third alone)."""
    pos, viewport = widget_pos(view, w1, w2), view.plot_widget.viewport()
    qtbot.mouseClick(viewport, Qt.LeftButton, pos=pos)
    qtbot.mouseDClick(viewport, Qt.LeftButton, pos=pos)
    qtbot.mouseRelease(viewport, Qt.LeftButton, pos=pos)


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
    with qtbot.assertNotEmitted(view.startPicked, wait=PICK_WAIT_MS):
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


def view_rect(view):
    (x0, x1), (y0, y1) = view.view_box.viewRange()
    return x0, x1, y0, y1


def image_rect(view):
    r = view.image.mapRectToParent(view.image.boundingRect())
    return r.left(), r.right(), r.top(), r.bottom()


def image_covers_view(view):
    x0, x1, y0, y1 = view_rect(view)
    left, right, bottom, top = image_rect(view)
    return left <= x0 and x1 <= right and bottom <= y0 and y1 <= top


@pytest.mark.parametrize("size", [(1800, 300), (420, 1100)], ids=["very wide", "very tall"])
def test_the_surface_covers_the_view_after_a_resize(view, qtbot, size):
    grid_w = GRID_W1[-1] - GRID_W1[0]
    view.resize(*size)
    # The aspect stays locked: the longer way shows more than the default grid.
    qtbot.waitUntil(lambda: max(view_rect(view)[1] - view_rect(view)[0],
                                view_rect(view)[3] - view_rect(view)[2]) > 1.5 * grid_w)
    qtbot.waitUntil(lambda: image_covers_view(view), timeout=2000)
    x0, x1, y0, y1 = view_rect(view)
    assert (x1 - x0) / (y1 - y0) == pytest.approx(
        view.view_box.width() / view.view_box.height(), rel=0.02)
    # About 201 samples across the longer visible side, square cells.
    left, right, bottom, top = image_rect(view)
    n1, n2 = view.image.image.shape
    step = (right - left) / n1
    assert (top - bottom) / n2 == pytest.approx(step)
    assert 190 <= max(x1 - x0, y1 - y0) / step <= 210
    # Same losses, same colours: the zoomed-out surface is on the default's scale.
    assert view.colour_bar.levels() == pytest.approx(
        tuple(view._shade(view._z_range)))


def test_zoom_and_pan_get_a_surface_covering_the_view(view, qtbot):
    qtbot.waitUntil(lambda: image_covers_view(view))
    with qtbot.waitSignal(view.surfaceRequested, timeout=2000):
        view.view_box.scaleBy((0.1, 0.1))      # zoomed in: the old surface is too coarse
    qtbot.waitUntil(lambda: view.covers_view())
    x0, x1, y0, y1 = view_rect(view)
    left, right, _, _ = image_rect(view)
    assert max(x1 - x0, y1 - y0) / ((right - left) / view.image.image.shape[0]) >= 190
    with qtbot.waitSignal(view.surfaceRequested, timeout=2000):
        view.view_box.translateBy(x=3 * (x1 - x0))  # panned off the surface
    qtbot.waitUntil(lambda: image_covers_view(view))


def test_a_drag_asks_for_a_surface_a_few_times_not_at_every_step(view, qtbot):
    qtbot.waitUntil(lambda: image_covers_view(view))
    requests = []
    view.surfaceRequested.connect(lambda *a: requests.append(a))
    x0, x1, _, _ = view_rect(view)
    for _ in range(30):  # 30 range changes in one go, as a fast drag brings them
        view.view_box.translateBy(x=0.2 * (x1 - x0))
    qtbot.waitUntil(lambda: image_covers_view(view))
    assert 1 <= len(requests) <= 3


def drawn_tick_labels(axis):
    image = QImage(200, 600, QImage.Format_ARGB32)
    painter = QPainter(image)
    try:
        _, _, texts = axis.generateDrawSpecs(painter)
    finally:
        painter.end()
    return [text for _, _, text in texts]


def test_the_colour_bar_is_labelled_with_losses(view):
    labels = drawn_tick_labels(view.colour_bar.axis)
    assert {"0.1", "1", "10"} <= set(labels)
    assert "0" not in labels and "-1" not in labels  # log10 values would read 0, -1, ...
    # Each tick sits where the image shows that loss: shade(loss) is monotone.
    z = loss_surface(preset("paths"), GRID_W1, GRID_W2).ravel()
    shade = view.image.image.ravel()
    order = np.argsort(z)
    ticks = dict((label, value) for level in view.colour_bar.axis._tickLevels
                 for value, label in level)
    for label in ("0.1", "1", "10"):
        assert ticks[label] == pytest.approx(np.interp(float(label), z[order], shade[order]),
                                             abs=1e-3)


def test_the_colour_bar_writes_losses_as_the_language_does(view, qtbot):
    QLocale.setDefault(QLocale(QLocale.German, QLocale.Germany))
    try:
        view.retranslate()
        assert {"0,1", "0,5", "1", "10"} <= set(drawn_tick_labels(view.colour_bar.axis))
    finally:
        QLocale.setDefault(QLocale(QLocale.English, QLocale.UnitedStates))
        view.retranslate()


def test_loss_ticks_are_round_losses():
    assert loss_ticks(0.049, 88.5) == ([0.1, 1.0, 10.0], [0.05, 0.2, 0.5, 2.0, 5.0, 20.0, 50.0])
    assert loss_ticks(3.0, 8.0) == ([5.0], [])
    assert loss_ticks(1.0, 1.0) == ([], [])


def alpha_and_width(curve):
    pen = curve.opts["pen"]
    return pen.color().alpha(), pen.widthF()


def test_a_new_start_fades_the_last_paths(view, qtbot):
    fake_paths(view, qtbot)
    old = {bs: np.c_[view.curves[bs].getData()] for bs in BATCH_SIZES}
    with qtbot.waitSignal(view.redrawn, timeout=1000):
        view.pick_start(4.0, 1.0)
    for bs in BATCH_SIZES:
        np.testing.assert_array_equal(np.c_[view.faded[0][bs].getData()], old[bs])
        assert alpha_and_width(view.faded[0][bs]) < alpha_and_width(view.curves[bs])
        assert alpha_and_width(view.faded[0][bs])[0] < 200
        assert alpha_and_width(view.faded[0][bs])[1] < alpha_and_width(view.curves[bs])[1]
        assert len(view.curves[bs].getData()[0] or []) == 0
        assert view.faded[0][bs].zValue() < view.curves[bs].zValue()
    # The new run draws normally, over the faded paths.
    with qtbot.waitSignal(view.redrawn, timeout=1000):
        view.reset()
        for bs in BATCH_SIZES:
            view.add_point(bs, [4.0, 1.0])
            view.add_point(bs, [3.0, 0.5])
    for bs in BATCH_SIZES:
        assert alpha_and_width(view.curves[bs]) == (255, 2)
        assert len(view.curves[bs].getData()[0]) == 2
        assert len(view.faded[0][bs].getData()[0]) == len(old[bs])
    names = [label.text for _, label in view.legend.items]
    assert len(names) == 3  # the faded paths are not in the legend


def test_spin_boxes_fade_too_and_two_earlier_runs_stay(view, qtbot):
    starts = [(-2.0, 3.0), (5.0, 2.0), (0.0, -4.0), (4.0, 4.0)]
    for k, (w1, w2) in enumerate(starts):
        with qtbot.waitSignal(view.redrawn, timeout=1000):
            view.w1.setValue(w1)  # a spin box edit is a new start too
            view.w2.setValue(w2)
            view.reset()
            for bs in BATCH_SIZES:
                view.add_point(bs, [w1, w2])
                view.add_point(bs, [w1 + 0.1 * k, w2])
    assert len(view.earlier) == 2
    # The last run first, then the one before; the first run is gone.
    assert view.faded[0][1].getData()[0][0] == 0.0 and view.faded[1][1].getData()[0][0] == 5.0
    assert alpha_and_width(view.faded[1][1]) < alpha_and_width(view.faded[0][1])


def test_a_new_run_from_the_same_start_replaces_the_paths(view, qtbot):
    fake_paths(view, qtbot)
    fake_paths(view, qtbot)
    assert view.earlier == []
    assert all(len(view.faded[0][bs].getData()[0] or []) == 0 for bs in BATCH_SIZES)
    # Another learning rate from the same start: the last paths stay to compare.
    view.learning_rate.setValue(0.05)
    fake_paths(view, qtbot)
    assert len(view.earlier) == 1


def shows_the_default_extent(view):
    """The grid's extent, the aspect kept: one way exactly, more the other way,
    centred (the axes' widths may still move the edges by a few pixels)."""
    x0, x1, y0, y1 = view_rect(view)
    home = (GRID_W1[0], GRID_W1[-1], GRID_W2[0], GRID_W2[-1])
    exact = [np.allclose((x0, x1), home[:2]), np.allclose((y0, y1), home[2:])]
    contains = (x0 <= home[0] + 1e-9 and x1 >= home[1] - 1e-9
                and y0 <= home[2] + 1e-9 and y1 >= home[3] - 1e-9)
    centred = np.isclose(x0 + x1, home[0] + home[1]) and np.isclose(y0 + y1, home[2] + home[3])
    return any(exact) and contains and centred


def zoom_in(view, qtbot, factor):
    qtbot.waitUntil(lambda: shows_the_default_extent(view))
    span = view_rect(view)[3] - view_rect(view)[2]
    view.view_box.scaleBy((factor, factor), center=(3.0, 2.0))
    qtbot.waitUntil(lambda: view_rect(view)[3] - view_rect(view)[2] < 1.1 * factor * span)
    assert not shows_the_default_extent(view)


def test_a_double_click_resets_the_view_after_zooming(view, qtbot):
    zoom_in(view, qtbot, 0.2)
    with qtbot.assertNotEmitted(view.startPicked, wait=PICK_WAIT_MS):
        double_click_at(view, qtbot, 3.0, 2.0)
    assert shows_the_default_extent(view)
    assert view.start() == (-2.0, 3.0)  # the double click picked nothing


@pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing)")  # the menu, offscreen
def test_the_right_click_menu_resets_the_view_and_a_click_does_not(view, qtbot):
    from PySide6.QtWidgets import QMenu
    zoom_in(view, qtbot, 0.5)
    with qtbot.waitSignal(view.startPicked, timeout=PICK_WAIT_MS):
        click_at(view, qtbot, 3.5, 2.0)
    assert view.start() == pytest.approx((3.5, 2.0), abs=0.05)
    assert not shows_the_default_extent(view)
    with qtbot.assertNotEmitted(view.startPicked, wait=PICK_WAIT_MS):
        click_at(view, qtbot, 3.5, 2.0, Qt.RightButton)
    assert not shows_the_default_extent(view)  # the menu opened, nothing else
    menu = view.plot_widget.findChild(QMenu, "plot_menu")
    next(a for a in menu.actions() if a.objectName() == "plot_reset").trigger()
    assert shows_the_default_extent(view)
    assert view.view_box.menuEnabled() is False  # pyqtgraph's own menu stays off


@pytest.mark.parametrize("width", [1000, 640])
def test_the_legend_is_outside_the_view_box(view, qtbot, width):
    view.resize(width, 600)
    qtbot.waitUntil(lambda: view.plot_widget.width() < width - 250)
    view.grab()  # lays the plot out
    legend = view.legend.sceneBoundingRect()
    box = view.view_box.sceneBoundingRect()
    assert legend.width() > 100 and box.width() > 100
    assert not legend.intersects(box)
    # All of it in sight, not wider than the plot.
    assert view.plot_widget.sceneRect().contains(legend)
    assert legend.right() <= view.plot_widget.width()
