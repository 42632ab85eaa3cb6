"""Gradient paths on the loss surface: the same start trained with 1, 3 and 9
updates per epoch, drawn live in three colours over the contours.

Fed from outside (set_surface, add_point); a click on the surface picks the start.
"""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF, Qt, Signal, Slot
from PySide6.QtWidgets import (QDoubleSpinBox, QFormLayout, QGroupBox, QHBoxLayout, QLabel,
                               QPushButton, QSpinBox, QVBoxLayout, QWidget)

from training.experiment import Experiment, preset

from . import frame_clock, style

BATCH_SIZES = (9, 3, 1)
COLOURS = style.PATH_COLOURS
N_CONTOURS = 12


def contour_levels(z: np.ndarray, n: int = N_CONTOURS) -> np.ndarray:
    """Levels spaced by the square root of the height: on a quadratic bowl the
    contour ellipses then lie evenly apart."""
    lo, hi = float(np.nanmin(z)), float(np.nanmax(z))
    return lo + (hi - lo) * 0.8 * np.linspace(0.05, 1, n) ** 2


def contour_segments(z: np.ndarray, levels) -> np.ndarray:
    """Marching squares over the whole grid and every level at once: the line
    segments where z crosses each level, as rows [x0, y0, x1, y1] in sample
    coordinates (sample z[i, j] at (i, j)). pyqtgraph's isocurve walks the
    cells in Python and took 0.35 s for the 12 contours of the 201 x 201
    surface; interpolating every edge of every cell for every level took
    24 ms. Here each cell finds the levels between its lowest and highest
    corner by bisection, and only those (cell, level) pairs are interpolated:
    about 1 ms, however many levels."""
    z = np.asarray(z, dtype=float)
    levels = np.sort(np.asarray(levels, dtype=float).ravel())
    if z.ndim != 2 or min(z.shape) < 2 or not len(levels):
        return np.zeros((0, 4))
    corners = np.stack([z[:-1, :-1], z[1:, :-1], z[1:, 1:], z[:-1, 1:]]).reshape(4, -1)
    # A level crosses a cell when some corner is above it and some is not:
    # lowest <= level < highest. (A cell with a NaN corner has none.)
    first = np.searchsorted(levels, corners.min(axis=0), side="left")
    count = np.searchsorted(levels, corners.max(axis=0), side="left") - first
    count[np.isnan(corners).any(axis=0)] = 0
    cell = np.repeat(np.arange(count.size), count)
    k = first[cell] + np.arange(cell.size) - np.repeat(np.cumsum(count) - count, count)
    i, j = np.divmod(cell, z.shape[1] - 1)
    level = levels[k]
    z00, z10, z11, z01 = corners[:, cell]
    a00, a10, a11, a01 = z00 > level, z10 > level, z11 > level, z01 > level
    # A cell's four edges, in the order bottom (i, j)-(i+1, j), right
    # (i+1, j)-(i+1, j+1), top (i, j+1)-(i+1, j+1), left (i, j)-(i, j+1).
    crossed = np.stack([a00 != a10, a10 != a11, a01 != a11, a00 != a01], axis=-1)
    fi, fj = i.astype(float), j.astype(float)
    with np.errstate(divide="ignore", invalid="ignore"):  # edges not crossed are dropped below
        points = np.stack([
            np.stack([fi + (level - z00) / (z10 - z00), fj], axis=-1),
            np.stack([fi + 1.0, fj + (level - z10) / (z11 - z10)], axis=-1),
            np.stack([fi + (level - z01) / (z11 - z01), fj + 1.0], axis=-1),
            np.stack([fi, fj + (level - z00) / (z01 - z00)], axis=-1)], axis=-2)
    n = crossed.sum(axis=-1)
    # Two crossed edges: one segment between them.
    two = n == 2
    first_edge = np.argmax(crossed[two], axis=-1)
    second_edge = 3 - np.argmax(crossed[two][:, ::-1], axis=-1)
    p = points[two]
    rows = np.arange(len(p))
    segments = [np.concatenate([p[rows, first_edge], p[rows, second_edge]], axis=-1)]
    # Four (a saddle): cut off the two corners on the side the centre is not on.
    four = n == 4
    if four.any():
        p = points[four]
        centre_above = (z00 + z10 + z11 + z01)[four] > 4 * level[four]
        # Around corner (i, j): bottom+left; around (i+1, j+1): right+top.
        around_00 = centre_above != a00[four]
        a = np.where(around_00[:, None], np.concatenate([p[:, 0], p[:, 3]], -1),
                     np.concatenate([p[:, 0], p[:, 1]], -1))
        b = np.where(around_00[:, None], np.concatenate([p[:, 1], p[:, 2]], -1),
                     np.concatenate([p[:, 2], p[:, 3]], -1))
        segments += [a, b]
    return np.concatenate(segments)


class PathView(QWidget):
    startRequested = Signal(object)   # the paths Experiment, with start, learning rate, epochs
    stopRequested = Signal()
    startPicked = Signal(float, float)
    redrawn = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        # --- the surface and the paths
        self.plot_widget = pg.PlotWidget()
        self.plot = self.plot_widget.getPlotItem()
        self.plot.setMenuEnabled(False)
        self.plot.setLabel("bottom", "w₁")
        self.plot.setLabel("left", "w₂")
        self.plot.setAspectLocked(True)
        self.image = pg.ImageItem(axisOrder="col-major")
        self.image.setColorMap(pg.colormap.get(style.SURFACE_MAP))
        self.plot.addItem(self.image)
        self.contours = pg.PlotCurveItem(connect="pairs", pen=pg.mkPen(255, 255, 255, 110))
        self.contours.setParentItem(self.image)  # drawn in the image's pixel coordinates
        # Light text on a dark box: the legend sits on the colour map, whatever the theme.
        self.legend = self.plot.addLegend(offset=(-10, 10), labelTextColor="#ffffff")
        self.legend.setBrush(pg.mkBrush(0, 0, 0, 160))
        self.curves = {
            bs: self.plot.plot(pen=pg.mkPen(COLOURS[bs], width=2), symbol="o", symbolSize=4,
                               symbolBrush=COLOURS[bs], symbolPen=None,
                               name=f"batch size {bs}: {9 // bs} update{'s' * (bs != 9)} per epoch")
            for bs in BATCH_SIZES}
        self.start_marker = pg.ScatterPlotItem(size=16, symbol="o", brush=None,
                                               pen=pg.mkPen("#000000", width=3))
        self.plot.addItem(self.start_marker)
        self.plot_widget.scene().sigMouseClicked.connect(self._clicked)

        # --- settings
        e = preset("paths")
        (kernel,), = e.initial_weights
        self.w1 = QDoubleSpinBox(minimum=-100, maximum=100, decimals=2, singleStep=0.1,
                                 value=kernel[0][0])
        self.w2 = QDoubleSpinBox(minimum=-100, maximum=100, decimals=2, singleStep=0.1,
                                 value=kernel[1][0])
        for box in (self.w1, self.w2):
            box.setKeyboardTracking(False)
            box.valueChanged.connect(self._start_edited)
        self.learning_rate = QDoubleSpinBox(minimum=0.0001, maximum=10, decimals=4,
                                            singleStep=0.01, value=e.learning_rate)
        self.learning_rate.setKeyboardTracking(False)
        # Every update is a point of the path: more epochs than this do not draw.
        self.epochs = QSpinBox(minimum=1, maximum=10_000, value=e.epochs)
        self.start_button = QPushButton("Train all three")
        self.start_button.clicked.connect(self._request_start)
        self.stop_button = QPushButton("Stop", enabled=False)
        self.stop_button.clicked.connect(self.stopRequested)
        self.hint = QLabel("Click on the surface to pick the start point.")
        self.hint.setWordWrap(True)
        self.progress = QLabel()
        self.progress.setWordWrap(True)
        form = QFormLayout()
        form.addRow("start w₁", self.w1)
        form.addRow("start w₂", self.w2)
        form.addRow("learning rate", self.learning_rate)
        form.addRow("epochs", self.epochs)
        buttons = QHBoxLayout()
        buttons.addWidget(self.start_button)
        buttons.addWidget(self.stop_button)
        self.settings = QGroupBox("One neuron, two weights, no bias; MSE; SGD")
        box = QVBoxLayout(self.settings)
        box.addWidget(self.hint)
        box.addLayout(form)
        box.addLayout(buttons)
        box.addWidget(self.progress)
        box.addStretch(1)
        layout = QHBoxLayout(self)
        layout.addWidget(self.settings)
        layout.addWidget(self.plot_widget, 1)

        self.running = False
        self.points: dict[int, list[np.ndarray]] = {bs: [] for bs in BATCH_SIZES}
        self._dirty = False
        self._clock = frame_clock.shared()
        self._clock.add(self, self.redraw)
        self._start_edited()

    # ------------------------------------------------------------ settings
    def start(self) -> tuple[float, float]:
        return self.w1.value(), self.w2.value()

    def experiment(self) -> Experiment:
        w1, w2 = self.start()
        return preset("paths").replace(
            initial_weights=((((w1,), (w2,)),),), learning_rate=self.learning_rate.value(),
            epochs=self.epochs.value())

    @Slot()
    def _request_start(self) -> None:
        self.startRequested.emit(self.experiment())

    @Slot()
    def _start_edited(self) -> None:
        self.start_marker.setData([self.w1.value()], [self.w2.value()])

    @Slot(bool)
    def set_running(self, running: bool) -> None:
        self.running = running
        for w in (self.w1, self.w2, self.learning_rate, self.epochs, self.start_button):
            w.setEnabled(not running)
        self.stop_button.setEnabled(running)

    @Slot(object)
    def _clicked(self, event) -> None:
        if self.running or event.button() != Qt.LeftButton:
            return
        vb = self.plot.getViewBox()
        if not vb.sceneBoundingRect().contains(event.scenePos()):
            return
        p = vb.mapSceneToView(event.scenePos())
        self.pick_start(p.x(), p.y())

    @Slot(float, float)
    def pick_start(self, w1: float, w2: float) -> None:
        for box, value in ((self.w1, w1), (self.w2, w2)):
            box.blockSignals(True)
            box.setValue(value)
            box.blockSignals(False)
        self._start_edited()
        self.startPicked.emit(self.w1.value(), self.w2.value())

    # ------------------------------------------------------------ data in
    @Slot(object, object, object)
    def set_surface(self, w1, w2, z) -> None:
        """The loss at every grid point: z[i, j] at (w1[i], w2[j])."""
        w1, w2, z = np.asarray(w1, float), np.asarray(w2, float), np.asarray(z, float)
        # Colours on a log scale: the bowl's floor would be one flat colour otherwise.
        shade = np.log10(z - z.min() + 1e-3 * (np.ptp(z) or 1.0))
        self.image.setImage(shade, autoLevels=True)
        dx, dy = (w1[-1] - w1[0]) / (len(w1) - 1), (w2[-1] - w2[0]) / (len(w2) - 1)
        self.image.setRect(QRectF(w1[0] - dx / 2, w2[0] - dy / 2, dx * len(w1), dy * len(w2)))
        # In the image's pixel coordinates, where sample (i, j) is the centre of pixel (i, j).
        seg = contour_segments(z, contour_levels(z)) + 0.5
        self.contours.setData(seg[:, [0, 2]].ravel(), seg[:, [1, 3]].ravel())
        self.plot.setRange(xRange=(w1[0], w1[-1]), yRange=(w2[0], w2[-1]), padding=0)

    @Slot(object)
    def reset(self, start=None) -> None:
        """Clear the paths for a new run, optionally from a new start."""
        if start is not None:
            self.pick_start(float(start[0]), float(start[1]))
        self.points = {bs: [] for bs in BATCH_SIZES}
        self._dirty = True
        self._schedule()

    @Slot(int, object)
    def add_point(self, batch_size: int, w) -> None:
        self.points[batch_size].append(np.asarray(w, dtype=float).ravel()[:2])
        self._dirty = True
        self._schedule()

    def _schedule(self) -> None:
        self._clock.request()

    @Slot()
    def redraw(self) -> bool:
        """Draw what has come since the last frame; False when nothing had."""
        if not self._dirty:
            return False
        self._dirty = False
        counts = []
        for bs, curve in self.curves.items():
            pts = np.array(self.points[bs]).reshape(-1, 2)
            curve.setData(pts[:, 0], pts[:, 1])
            if len(pts):
                counts.append(f"batch size {bs}: {len(pts) - 1} updates")
        self.progress.setText("\n".join(counts))
        self.redrawn.emit()
        return True
