"""Gradient paths on the loss surface: the same start trained with 1, 3 and 9
updates per epoch, drawn live in three colours over the contours, with the
last two runs' paths faded behind them.

Fed from outside (set_surface, add_point). A click on the surface picks the
start; a double click (or Reset view in the right-click menu) brings the
default extent back. The view asks for the surface it shows (surfaceRequested)
when a resize, zoom or pan shows more than the surface it has, or too
coarsely: the losses are the app's to compute, since what computes them
reaches the engine, beyond this layer.
"""
from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, QRectF, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (QDoubleSpinBox, QFormLayout, QGroupBox, QHBoxLayout, QLabel,
                               QPushButton, QSizePolicy, QSpinBox, QVBoxLayout,
                               QWidget)

from training.experiment import Experiment, preset

from . import frame_clock, numbers, style
from .plot_export import open_menu
from .plots import legend_row
from .readout import SteadyLabel

BATCH_SIZES = (9, 3, 1)
N_SAMPLES = 9          # the paths' data set: an epoch is 9 // batch size updates
COLOURS = style.PATH_COLOURS
N_CONTOURS = 12
MAX_CONTOURS = 4 * N_CONTOURS
EARLIER_RUNS = 2       # runs whose paths stay, faded, behind the current ones
GRID_POINTS = 201      # samples across the longer side of the visible range
COVER_MARGIN = 0.1     # of the longer visible side, around it: a short pan needs no new surface
MIN_SAMPLES = 120      # fewer across the view (zoomed in): ask for a finer surface
COVER_MS = 80          # while a resize, zoom or pan goes on, one request at most this often


def contour_levels(z: np.ndarray, n: int = N_CONTOURS, upto: float | None = None) -> np.ndarray:
    """Levels spaced by the square root of the height: on a quadratic bowl the
    contour ellipses then lie evenly apart. With `upto`, the same sequence goes
    on past z's range up to that height (MAX_CONTOURS levels at most): zoomed
    out, the view shows the default extent's contours and more around them."""
    lo, hi = float(np.nanmin(z)), float(np.nanmax(z))
    t = np.linspace(0.05, 1, n)
    if upto is not None and n > 1:
        t = t[0] + (t[1] - t[0]) * np.arange(MAX_CONTOURS)
        levels = lo + (hi - lo) * 0.8 * t ** 2
        return levels[:max(n, int(np.searchsorted(levels, upto, side="right")))]
    return lo + (hi - lo) * 0.8 * t ** 2


def covering_grid(w1_range, w2_range, n: int = GRID_POINTS,
                  margin: float = COVER_MARGIN) -> tuple[np.ndarray, np.ndarray]:
    """Grids of w1 and w2 over the visible ranges and a margin around them,
    n points across the longer visible side and the same spacing on both (w1
    and w2 are in the same units). The points are multiples of the spacing,
    so a pan at one zoom samples the same points and the contours hold still."""
    (a0, a1), (b0, b1) = sorted(map(float, w1_range)), sorted(map(float, w2_range))
    span = max(a1 - a0, b1 - b0)
    step = span / (n - 1) if span > 0 else 1e-3
    pad = margin * span

    def axis(lo: float, hi: float) -> np.ndarray:
        first = math.floor((lo - pad) / step)
        return step * np.arange(first, max(math.ceil((hi + pad) / step), first + 1) + 1)
    return axis(a0, a1), axis(b0, b1)


def loss_ticks(lo: float, hi: float) -> tuple[list[float], list[float]]:
    """Round losses from lo to hi for the colour bar: the powers of ten, and 2
    and 5 times them as minor ticks (all of them major if fewer than two
    powers of ten fall in the range)."""
    if not hi > max(lo, 0.0):
        return [], []
    major, minor = [], []
    for e in range(math.floor(math.log10(max(lo, hi * 1e-6))), math.floor(math.log10(hi)) + 1):
        for m in (1, 2, 5):
            v = float(f"{m}e{e}")
            if lo <= v <= hi:
                (major if m == 1 else minor).append(v)
    if len(major) < 2:
        major, minor = sorted(major + minor), []
    return major, minor


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
    stepRequested = Signal()          # one update of each path
    settingsChanged = Signal()        # any setting edited: experiment() differs
    startPicked = Signal(float, float)
    # The visible (w1 low, high) and (w2 low, high): please set_surface over them (covering_grid).
    surfaceRequested = Signal(object, object)
    redrawn = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        # --- the surface and the paths; the legend in a row of its own above
        # the plot and the colour bar beside it, where neither covers data
        self.plot_widget = pg.GraphicsLayoutWidget()
        self.plot_widget.setObjectName("paths")  # its file name in Export plots
        grid = self.plot_widget.ci
        # Light text on a dark box whatever the palette: not restyled.
        self.legend = legend_row(self.plot_widget, 3, styled=False,
                                 brush=pg.mkBrush(style.PATH_LEGEND_BRUSH),
                                 labelTextColor=style.PATH_LEGEND_TEXT)
        # As large as its entries, centred above the plot.
        self.legend.setSizePolicy(QSizePolicy.Fixed, QSizePolicy.Fixed)
        grid.layout.setAlignment(self.legend, Qt.AlignHCenter)
        self.plot = grid.addPlot(row=1, col=0)
        grid.layout.setRowStretchFactor(1, 1)
        self.plot.setMenuEnabled(False)
        self.plot.hideButtons()  # the way back is a double click or the right-click menu
        self.plot.setAspectLocked(True)  # w1 and w2 are in the same units
        self.view_box = self.plot.getViewBox()
        self.view_box.disableAutoRange()
        self.image = pg.ImageItem(axisOrder="col-major")
        self.plot.addItem(self.image)
        self.contours = pg.PlotCurveItem(connect="pairs", pen=pg.mkPen(style.CONTOUR))
        self.contours.setParentItem(self.image)  # drawn in the image's pixel coordinates
        self.colour_bar = pg.ColorBarItem(colorMap=style.SURFACE_MAP, interactive=False,
                                          colorMapMenu=False, width=16)
        # In the plot's own layout, beside the view box and as high as it is.
        self.colour_bar.setImageItem(self.image, insert_in=self.plot)
        # Earlier runs behind, thin and faint; the current paths over them.
        self.faded = [{bs: self.plot.plot(pen=style.faded_pen(COLOURS[bs], age))
                       for bs in BATCH_SIZES} for age in range(1, EARLIER_RUNS + 1)]
        self.curves = {
            bs: self.plot.plot(pen=style.pen(COLOURS[bs], width=style.PATH_WIDTH), symbol="o",
                               symbolSize=4, symbolBrush=COLOURS[bs], symbolPen=None)
            for bs in BATCH_SIZES}
        for bs, curve in self.curves.items():
            # The legend's sample draws the symbol as the scatter has it,
            # which is pyqtgraph's default until the first point.
            curve.scatter.setBrush(COLOURS[bs])
            curve.scatter.setPen(None)
            curve.scatter.setSize(4)
            self.legend.addItem(curve, "")
        self.plot_widget.installEventFilter(self)  # the legend's columns follow its width
        self.start_marker = pg.ScatterPlotItem(size=16, symbol="o", brush=None,
                                               pen=pg.mkPen(style.START_MARKER, width=3))
        self.plot.addItem(self.start_marker)
        for z, items in ((1, [c for age in self.faded for c in age.values()]),
                         (2, self.curves.values()), (3, [self.start_marker])):
            for item in items:
                item.setZValue(z)
        self.plot_widget.scene().sigMouseClicked.connect(self._clicked)
        # A click picks the start once it is clear that it is not half a double click.
        self._pick_timer = QTimer(self, singleShot=True)
        self._pick_timer.timeout.connect(self._pick_clicked)
        self._clicked_at: tuple[float, float] | None = None
        self._cover_timer = QTimer(self, singleShot=True, interval=COVER_MS)
        self._cover_timer.timeout.connect(self._check_cover)
        self.view_box.sigRangeChanged.connect(self._range_changed)

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
        for box in (self.w1, self.w2, self.learning_rate, self.epochs):
            box.valueChanged.connect(self.settingsChanged)
        self.start_button = QPushButton()
        self.start_button.clicked.connect(self._request_start)
        self.stop_button = QPushButton(enabled=False)
        self.stop_button.clicked.connect(self.stopRequested)
        self.step_button = QPushButton()
        self.step_button.clicked.connect(self.stepRequested)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.progress = SteadyLabel()  # changes every frame; one short line per batch size
        self.labels = {name: QLabel() for name in ("w1", "w2", "learning_rate", "epochs")}
        form = QFormLayout()
        for name in self.labels:
            form.addRow(self.labels[name], getattr(self, name))
        buttons = QHBoxLayout()
        buttons.addWidget(self.start_button)
        buttons.addWidget(self.step_button)
        buttons.addWidget(self.stop_button)
        self.settings = QGroupBox()
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
        # Earlier runs' paths, the last run first; and what the current paths ran from.
        self.earlier: list[dict[int, np.ndarray]] = []
        self._paths_from: tuple[float, float, float] | None = None  # w1, w2, learning rate
        # The colour scale and contour levels, fixed by the default extent's surface.
        self._floor, self._eps, self._z_range = 0.0, 1.0, (0.0, 1.0)
        self._home: tuple[tuple[float, float], tuple[float, float]] | None = None
        self._dirty = False
        self._clock = frame_clock.shared()
        self._clock.add(self, self.redraw)
        self._start_edited()
        self.retranslate()

    # ------------------------------------------------------------ texts
    def retranslate(self) -> None:
        self.plot.setLabel("bottom", "w₁")
        self.plot.setLabel("left", "w₂")
        self.colour_bar.getAxis("right").setLabel(self.tr("loss (MSE)"))
        for bs, curve in self.curves.items():
            updates = N_SAMPLES // bs
            name = (self.tr("batch size {size}: 1 update per epoch") if updates == 1
                    else self.tr("batch size {size}: {n} updates per epoch"))
            name = name.format(size=numbers.whole(bs), n=numbers.whole(updates))
            self.legend.getLabel(curve).setText(name)
        self.legend.updateSize()
        self._fit_legend()
        self.start_button.setText(self.tr("Train all three"))
        self.stop_button.setText(self.tr("Stop"))
        self.step_button.setText(self.tr("One update"))
        self.step_button.setToolTip(self.tr(
            "One update of each path from where it stands: batch size 9 a whole epoch, 3 a "
            "third of one, 1 a single sample. Another start or learning rate starts anew."))
        self.hint.setText(self.tr("Click on the surface to pick the start point. After zooming, "
                                  "a double click shows the whole surface again; a right click "
                                  "opens the plot's menu."))
        self.labels["w1"].setText(self.tr("start w₁"))
        self.labels["w2"].setText(self.tr("start w₂"))
        self.labels["learning_rate"].setText(self.tr("learning rate"))
        self.labels["epochs"].setText(self.tr("epochs"))
        self.settings.setTitle(self.tr("One neuron, two weights, no bias; MSE; SGD"))
        self._show_ticks()
        self._show_progress()

    def eventFilter(self, obj, event) -> bool:
        if obj is self.plot_widget and event.type() == QEvent.Resize:
            self._fit_legend()
        return False

    def _fit_legend(self) -> None:
        """The entries side by side where they fit, else one above the other."""
        one_row = sum(sample.width() + label.width() + 11 for sample, label in self.legend.items)
        self.legend.setColumnCount(3 if one_row + 30 <= self.plot_widget.width() else 1)

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _show_progress(self) -> None:
        lines = []
        for bs in BATCH_SIZES:
            if not self.points[bs]:
                continue
            n = len(self.points[bs]) - 1
            text = (self.tr("batch size {size}: 1 update") if n == 1
                    else self.tr("batch size {size}: {n} updates"))
            lines.append(text.format(size=numbers.whole(bs), n=numbers.whole(n)))
        self.progress.setText("\n".join(lines))

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
        # Paths from another start than the one now set are the last run's.
        if self._paths_from is not None and self._paths_from[:2] != self.start():
            self._fade_paths()

    @Slot(bool)
    def set_running(self, running: bool) -> None:
        self.running = running
        for w in (self.w1, self.w2, self.learning_rate, self.epochs, self.start_button,
                  self.step_button):
            w.setEnabled(not running)
        self.stop_button.setEnabled(running)

    @Slot(object)
    def _clicked(self, event) -> None:
        if event.double() or event.button() == Qt.RightButton:
            # The first click of a double click picks nothing.
            self._pick_timer.stop()
            self._clicked_at = None
            event.accept()
            if event.double():
                self.reset_view()
            else:
                open_menu(self.plot_widget, self.reset_view, event.screenPos().toPoint())
            return
        if self.running or event.button() != Qt.LeftButton:
            return
        vb = self.view_box
        if not vb.sceneBoundingRect().contains(event.scenePos()):
            return
        p = vb.mapSceneToView(event.scenePos())
        self._clicked_at = (p.x(), p.y())
        self._pick_timer.start(QGuiApplication.styleHints().mouseDoubleClickInterval())

    @Slot()
    def _pick_clicked(self) -> None:
        if self._clicked_at is not None and not self.running:
            self.pick_start(*self._clicked_at)
        self._clicked_at = None

    @Slot(float, float)
    def pick_start(self, w1: float, w2: float) -> None:
        for box, value in ((self.w1, w1), (self.w2, w2)):
            box.blockSignals(True)
            box.setValue(value)
            box.blockSignals(False)
        self._start_edited()
        self.startPicked.emit(self.w1.value(), self.w2.value())

    # ------------------------------------------------------------ the view's extent
    @Slot()
    def reset_view(self) -> None:
        """The default extent again (the aspect stays locked: the longer way
        shows more)."""
        if self._home is not None:
            (x0, x1), (y0, y1) = self._home
            self.view_box.setRange(xRange=(x0, x1), yRange=(y0, y1), padding=0)

    @Slot()
    def _range_changed(self, *args) -> None:
        # Not restarted by every change: a drag gets a new surface every
        # COVER_MS, the last change always one.
        if not self._cover_timer.isActive():
            self._cover_timer.start()

    def covers_view(self) -> bool:
        """Whether the surface covers everything in view, finely enough."""
        if self.image.image is None:
            return False
        (x0, x1), (y0, y1) = self.view_box.viewRange()
        rect = self.image.mapRectToParent(self.image.boundingRect())
        inside = (rect.left() <= x0 and x1 <= rect.right()
                  and rect.top() <= y0 and y1 <= rect.bottom())
        step = rect.width() / self.image.image.shape[0]
        return inside and max(x1 - x0, y1 - y0) / step >= MIN_SAMPLES

    @Slot()
    def _check_cover(self) -> None:
        if not self.covers_view():
            (x0, x1), (y0, y1) = self.view_box.viewRange()
            self.surfaceRequested.emit((x0, x1), (y0, y1))

    # ------------------------------------------------------------ data in
    def _shade(self, z):
        """The colour scale: log10 of the height above the floor, so that the
        bowl's floor is not one flat colour."""
        return np.log10(np.maximum(np.asarray(z, float) - self._floor, 0.0) + self._eps)

    @Slot(object, object, object)
    def set_surface(self, w1, w2, z, home: bool = True) -> None:
        """The loss at every grid point: z[i, j] at (w1[i], w2[j]), a regular grid.

        home: this is the default extent's surface. It sets the colour scale
        and the contour levels, and the view shows its extent (what a double
        click goes back to). Otherwise it is a surface covering the view
        (surfaceRequested), drawn on the same scale and levels; the view stays."""
        w1, w2, z = np.asarray(w1, float), np.asarray(w2, float), np.asarray(z, float)
        if home:
            lo, hi = float(np.nanmin(z)), float(np.nanmax(z))
            self._floor, self._eps, self._z_range = lo, 1e-3 * ((hi - lo) or 1.0), (lo, hi)
            self._home = ((w1[0], w1[-1]), (w2[0], w2[-1]))
        self.image.setImage(self._shade(z), autoLevels=False)
        if home:  # (a cover keeps the levels, and the bar's axis need not be redrawn)
            self.colour_bar.setLevels(tuple(float(s) for s in self._shade(self._z_range)))
        dx, dy = (w1[-1] - w1[0]) / (len(w1) - 1), (w2[-1] - w2[0]) / (len(w2) - 1)
        self.image.setRect(QRectF(w1[0] - dx / 2, w2[0] - dy / 2, dx * len(w1), dy * len(w2)))
        # The same losses wherever the view is: the default extent's levels,
        # continued upward; only those inside this surface's range are traced.
        levels = contour_levels(np.array(self._z_range), upto=float(np.nanmax(z)))
        levels = levels[(levels > np.nanmin(z)) & (levels < np.nanmax(z))]
        # In the image's pixel coordinates, where sample (i, j) is the centre of pixel (i, j).
        seg = contour_segments(z, levels) + 0.5
        self.contours.setData(seg[:, [0, 2]].ravel(), seg[:, [1, 3]].ravel())
        if home:
            self._show_ticks()
            self.reset_view()

    def _show_ticks(self) -> None:
        """The colour bar's ticks at round losses, labelled with the losses."""
        major, minor = loss_ticks(*self._z_range)
        self.colour_bar.axis.setTicks([
            [(float(self._shade(v)), numbers.short(v)) for v in values]
            for values in (major, minor)])

    @Slot(object)
    def reset(self, start=None) -> None:
        """Clear the paths for a new run, optionally from a new start. A run
        from the start and learning rate the current paths ran with replaces
        them; from another, they fade behind it."""
        if start is not None:
            self.pick_start(float(start[0]), float(start[1]))
        key = (*self.start(), self.learning_rate.value())
        if self._paths_from is not None and self._paths_from != key:
            self._fade_paths()
        self.points = {bs: [] for bs in BATCH_SIZES}
        self._paths_from = key
        self._dirty = True
        self._schedule()

    def _fade_paths(self) -> None:
        """The current paths become the last run's, drawn faded; the oldest go."""
        if any(len(p) for p in self.points.values()):
            self.earlier.insert(0, {bs: np.array(p).reshape(-1, 2)
                                    for bs, p in self.points.items()})
            del self.earlier[EARLIER_RUNS:]
        self.points = {bs: [] for bs in BATCH_SIZES}
        self._paths_from = None
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
        for bs, curve in self.curves.items():
            pts = np.array(self.points[bs]).reshape(-1, 2)
            curve.setData(pts[:, 0], pts[:, 1])
        for age, curves in enumerate(self.faded):
            for bs, curve in curves.items():
                pts = self.earlier[age][bs] if age < len(self.earlier) else np.zeros((0, 2))
                curve.setData(pts[:, 0], pts[:, 1])
        self._show_progress()
        self.redrawn.emit()
        return True
