"""Live training plots: loss curves and predicted against true values.

Built once and fed with setData (pyqtgraph's PlotSpeedTest recipe): epochs are
buffered as they arrive, hundreds a second, and drawn when the frame clock
(widgets.frame_clock) calls redraw().
"""
from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Slot
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QVBoxLayout, QWidget

from . import frame_clock, numbers, style
from .axes import EpochAxis, ValueAxis
from .plot_export import plot_menu
from .readout import Readout

translate = QCoreApplication.translate


def legend_row(view: pg.GraphicsLayoutWidget, columns: int, styled: bool = True,
               **kw) -> pg.LegendItem:
    """A legend in row 0 of `view`'s layout, above the plot, where it never
    covers data. Parented to the layout's item, Qt owns it as it owns the
    plot: owned by its Python wrapper, it was deleted under the layout when
    the wrapper went (at a script's exit: a crash in a label's sizeHint)."""
    legend = pg.LegendItem(colCount=columns, **kw)
    legend.setParentItem(view.ci)
    view.ci.addItem(legend, row=0, col=0)
    _LegendFit(view, legend, columns)
    return style.style_legend(legend) if styled else legend


class _LegendFit(QObject):
    """Fewer columns when the view is too narrow for `columns` of its legend's
    entries side by side: past the view's edge, the last entries were cut
    off (the AND tab's legend at 1024x768 with the code dock open)."""

    MARGIN = 24  # the layout's margins and the legend's own spacing, px

    def __init__(self, view: pg.GraphicsLayoutWidget, legend: pg.LegendItem, columns: int):
        super().__init__(view)
        self.legend, self.columns = legend, columns
        view.installEventFilter(self)

    def eventFilter(self, obj, event) -> bool:
        if event.type() in (QEvent.Resize, QEvent.Show):
            self.fit(obj.width())
        elif event.type() == QEvent.FontChange:
            # Larger text (View menu): the legend's labels are restyled after
            # the widgets get the new font.
            QTimer.singleShot(0, self, lambda: self.fit(obj.width()))
        return False

    def fit(self, width: int) -> None:
        legend = self.legend
        if not legend.items:
            return
        widest = max(sample.boundingRect().width() + label.minimumWidth() + 6
                     for sample, label in legend.items)
        n = max(1, min(self.columns, int((width - self.MARGIN) // widest)))
        if n < len(legend.items):  # rows as even as they go: 2+2, not 3+1
            n = -(-len(legend.items) // -(-len(legend.items) // n))
        else:
            n = self.columns  # all in one row, and room for entries added later
        if n == legend.columnCount:
            return
        # pyqtgraph's setColumnCount re-adds the entries where the emptied
        # grid says, which can leave gaps: placed here row by row instead.
        layout = legend.layout
        for i in range(layout.count() - 1, -1, -1):
            layout.removeAt(i)
        legend.columnCount = n
        for i, (sample, label) in enumerate(legend.items):
            row, col = divmod(i, n)
            layout.addItem(sample, row, 2 * col, alignment=Qt.AlignVCenter)
            layout.addItem(label, row, 2 * col + 1)
        legend.rowCount = -(-len(legend.items) // n)
        legend.updateSize()


def _layout_plot(axes: dict, legend_columns: int = 0):
    """A plot in a GraphicsLayoutWidget with, when asked for, its legend in a
    row of its own above it."""
    view = pg.GraphicsLayoutWidget()
    legend = legend_row(view, legend_columns) if legend_columns else None
    plot = view.addPlot(row=1, col=0, axisItems=axes)
    view.ci.layout.setRowStretchFactor(1, 1)
    style.style_plot(plot)
    return view, plot, legend


class _Series:
    """A growing float array with amortised O(1) appends."""

    def __init__(self):
        self.data = np.empty(1024)
        self.n = 0

    def extend(self, values) -> None:
        values = np.asarray(values, dtype=float)
        need = self.n + len(values)
        if need > len(self.data):
            grown = np.empty(max(need, 2 * len(self.data)))
            grown[:self.n] = self.data[:self.n]
            self.data = grown
        self.data[self.n:need] = values
        self.n = need

    def clear(self) -> None:
        self.n = 0

    @property
    def view(self) -> np.ndarray:
        return self.data[:self.n]


def stable_range(lo: float, hi: float, log: bool) -> tuple[float, float]:
    """A range that covers [lo, hi] and moves only in coarse steps: whole
    decades on a log scale, half a power of ten on a linear one, from 0 when
    nothing is negative. A loss curve that falls or grows a little then leaves
    the axes as they are, and their cached pictures stay valid."""
    if log:  # lo, hi are log10 values
        lo, hi = math.floor(lo), math.ceil(hi)
        return lo, max(hi, lo + 1)

    def up(v: float) -> float:
        if v <= 0:
            return 0.0
        step = 10.0 ** math.floor(math.log10(v)) / 2
        return math.ceil(v / step) * step
    lo = -up(-lo) if lo < 0 else 0.0
    hi = up(hi)
    return lo, hi if hi > lo else lo + 1


class LossPlot(QWidget):
    """Loss and val_loss over the epochs, log scale on demand, best val_loss marked."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.view, self.plot, self.legend = _layout_plot(
            {"bottom": EpochAxis("bottom"), "left": ValueAxis("left")}, legend_columns=3)
        self.plot.setClipToView(True)
        self.plot.setDownsampling(auto=True, mode="peak")
        # Only finite values reach the history, so pyqtgraph need not check.
        self.loss_curve = self.plot.plot(pen=style.pen(style.LOSS),
                                         skipFiniteCheck=True, antialias=True)
        self.val_curve = self.plot.plot(pen=style.pen(style.VAL_LOSS),
                                        skipFiniteCheck=True, antialias=True)
        self.legend.addItem(self.loss_curve, "loss")
        for curve in (self.loss_curve, self.val_curve):
            # Qt's aliased 1-px stroke drops whole pixel columns of a curve with
            # many points per pixel (a 100,000-epoch history lost a fifth of
            # them). Antialiased, and at about one min/max pair per pixel, none
            # is lost and the stroke is cheaper than at pyqtgraph's default 5.
            curve.opts["autoDownsampleFactor"] = 1.0
        self.best_line = pg.InfiniteLine(angle=90, movable=False,
                                         pen=style.pen(style.BEST, dashed=True),
                                         label="", labelOpts={"position": 0.55, "color": style.BEST,
                                                              "fill": (255, 255, 255, 200)})
        self.best_point = pg.ScatterPlotItem(size=10, brush=pg.mkBrush(style.BEST), pen=None)
        self.plot.addItem(self.best_line, ignoreBounds=True)
        self.plot.addItem(self.best_point)
        # The epoch the replay shows, when it is not the latest.
        self.replay_line = pg.InfiniteLine(angle=90, movable=False,
                                           pen=style.pen(style.DIAGONAL, dashed=True))
        self.replay_line.hide()
        self.plot.addItem(self.replay_line, ignoreBounds=True)
        self.log_scale = QCheckBox()
        self.log_scale.setObjectName("logScale")
        self.log_scale.toggled.connect(self._set_log)
        # The latest epoch's figures, as numbers (a Readout: its new text
        # does not re-lay out the plot).
        self.latest = Readout()
        self.latest.setObjectName("latestLoss")
        controls = QHBoxLayout()
        controls.addWidget(self.log_scale)
        controls.addWidget(self.latest, 1)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addLayout(controls)
        box.addWidget(self.view)
        # val_loss has its own epochs: a model trained without a validation
        # share may be trained further with one.
        self.epochs, self.loss = _Series(), _Series()
        self.val_epochs, self.val = _Series(), _Series()
        self.mark_best = False
        self.best: tuple[int, float] | None = None  # (epoch, val_loss)
        self._dirty = False
        self._in_run = False
        self._run_last = 0
        self._y_range = None  # the last range set during a run
        self._show_best()
        self._clock = frame_clock.shared()
        self._clock.add(self, self.redraw)
        plot_menu(self.view, "loss", self.reset_view)
        self.retranslate()

    def retranslate(self) -> None:
        self.log_scale.setText(self.tr("Log scale"))
        self.plot.setLabel("bottom", self.tr("epoch"))
        self.plot.setLabel("left", self.tr("loss"))
        self._show_latest()
        self._show_best()

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def mark_epoch(self, epoch: int | None) -> None:
        """A line at the epoch the replay shows; None: none."""
        self.replay_line.setVisible(epoch is not None)
        if epoch is not None:
            self.replay_line.setValue(epoch)

    def reset_view(self) -> None:
        """Every epoch and loss in view again, after zooming."""
        self._dirty = True
        if self._in_run:
            self.plot.setXRange(0, self._run_last, padding=0.02)
            self._y_range = None
        self.redraw()

    def _show_latest(self) -> None:
        if not self.loss.n:
            self.latest.setText("")
            return
        text = self.tr("epoch {epoch}: loss {loss}").format(
            epoch=numbers.whole(self.epochs.view[-1]), loss=numbers.short(self.loss.view[-1]))
        if self.val.n and self.val_epochs.view[-1] == self.epochs.view[-1]:
            text += " · " + self.tr("val_loss {val_loss}").format(
                val_loss=numbers.short(self.val.view[-1]))
        self.latest.setText(text)

    def set_history(self, history: dict, mark_best: bool) -> None:
        """Replace everything shown (a new or loaded model)."""
        self.mark_best = mark_best
        for s in (self.epochs, self.loss, self.val_epochs, self.val):
            s.clear()
        loss, val = history.get("loss", []), history.get("val_loss", [])
        self.epochs.extend(np.arange(1, len(loss) + 1, dtype=float))
        self.loss.extend(loss)
        # The val_loss record is always the most recent epochs.
        self.val_epochs.extend(np.arange(len(loss) - len(val) + 1, len(loss) + 1, dtype=float))
        self.val.extend(val)
        self.best = None
        v = self.val.view
        if len(v) and np.isfinite(v).any():
            i = int(np.nanargmin(v))
            self.best = (int(self.val_epochs.view[i]), float(v[i]))
        self._dirty = True
        self.redraw()

    def history(self) -> dict:
        """What the plot shows, as a Keras history (val_loss: the last epochs)."""
        return {"loss": self.loss.view.tolist(), "val_loss": self.val.view.tolist()}

    @Slot(int, dict)
    def add_epoch(self, epoch: int, logs: dict) -> None:
        self.epochs.extend([epoch])
        self.loss.extend([logs.get("loss", np.nan)])
        if "val_loss" in logs:
            self.val_epochs.extend([epoch])
            self.val.extend([logs["val_loss"]])
            if self.best is None or logs["val_loss"] < self.best[1]:
                self.best = (epoch, logs["val_loss"])
        self._dirty = True
        self._clock.request()

    def _show_best(self) -> None:
        show = self.mark_best and self.best is not None
        self.best_line.setVisible(show)
        self.best_point.setVisible(show)
        if show:
            epoch, y = self.best
            self.best_line.setValue(epoch)
            self.best_line.label.setFormat(self.tr("best val_loss {value} at epoch {epoch}").format(
                value=numbers.short(y), epoch=numbers.whole(epoch)))
            self.best_point.setData([epoch], [np.log10(y) if self.log_scale.isChecked() and y > 0 else y])

    @Slot()
    def redraw(self) -> bool:
        """Draw what has come since the last frame; False when nothing had."""
        if not self._dirty:
            return False
        self._dirty = False
        # Range first, then data (see _fit_view).
        if self._in_run:
            self._fit_y()
        else:
            self._fit_view()
        self.loss_curve.setData(self.epochs.view, self.loss.view)
        self.val_curve.setData(self.val_epochs.view, self.val.view)
        # No validation share, no val_loss entry in the legend.
        listed = self.legend.getLabel(self.val_curve) is not None
        if listed and not self.val.n:
            self.legend.removeItem(self.val_curve)
        elif self.val.n and not listed:
            self.legend.addItem(self.val_curve, "val_loss")
        self._show_best()
        self._show_latest()
        return True

    def _y_bounds(self) -> tuple[float, float] | None:
        """The loss values' bounds, log10 of them on a log scale; from each
        series' min and max, not from a joined copy of the whole history."""
        series = [s.view for s in (self.loss, self.val) if s.n]
        if not series:
            return None
        if self.log_scale.isChecked():
            lo = min(float(np.min(v, where=v > 0, initial=np.inf)) for v in series)
            hi = max(float(np.max(v, where=v > 0, initial=-np.inf)) for v in series)
            return (math.log10(lo), math.log10(hi)) if np.isfinite(lo) else None
        lo, hi = min(float(v.min()) for v in series), max(float(v.max()) for v in series)
        return (lo, hi) if np.isfinite(lo) and np.isfinite(hi) else None

    def _fit_y(self) -> None:
        # Every loss frame of a run: the range moves in coarse steps only.
        bounds = self._y_bounds()
        if bounds is None:
            return
        y = stable_range(*bounds, self.log_scale.isChecked())
        if y != self._y_range:
            self._y_range = y
            self.plot.setYRange(*y, padding=0.02)

    def _fit_view(self) -> None:
        """Every epoch and loss in view, padded as autorange pads. Set before the
        curves get their data: with autorange the curves would be clipped and
        downsampled for the old range first and again for the new one."""
        x = [s.view for s in (self.epochs, self.val_epochs) if s.n]
        y = self._y_bounds()
        if not x or y is None:
            self.plot.enableAutoRange(x=True, y=True)
            return
        lo, hi = min(v[0] for v in x), max(v[-1] for v in x)
        # Emptied first: a range change re-clips and re-downsamples the old data.
        self.loss_curve.clear()
        self.val_curve.clear()
        self.plot.setRange(xRange=(lo, hi), yRange=y, padding=None)

    def set_run_span(self, last: int) -> None:
        """Fix the axes for a run: epochs 0..last, and a loss range that moves
        only in coarse steps (stable_range). Autorange would re-lay the ticks
        and repaint both axes on every frame."""
        self._in_run = True
        self._run_last = last
        self._y_range = None
        self.plot.enableAutoRange(x=False, y=False)
        self.plot.setXRange(0, last, padding=0.02)

    def end_run(self) -> None:
        """The next redraw fits the view to the whole history again."""
        self._in_run = False
        self._dirty = True
        self._clock.request()

    @Slot(bool)
    def _set_log(self, on: bool) -> None:
        self.plot.setLogMode(y=on)
        self._dirty = True
        self.redraw()


class PredictionPlot(QWidget):
    """Predicted against true value for the evaluation rows, with the ideal
    diagonal; the axes name the data set's target (set_target). Residuals:
    true − predicted against predicted instead, around the zero line."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.view, self.plot, _ = _layout_plot({"bottom": ValueAxis("bottom"),
                                                "left": ValueAxis("left")})
        self.diagonal = self.plot.plot(pen=style.pen(style.DIAGONAL, dashed=True))
        colour = pg.mkColor(style.TAB10[0])
        self.points = pg.ScatterPlotItem(size=7, pen=pg.mkPen(colour),
                                         brush=pg.mkBrush(colour.red(), colour.green(), colour.blue(), 110))
        self.plot.addItem(self.points)
        self.residuals = QCheckBox(objectName="residuals")
        self.residuals.toggled.connect(self._set_residuals)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.residuals)
        box.addWidget(self.view)
        self.truth = np.zeros(0)
        self._pending = None
        self._drawn = None  # the predictions drawn last
        # (true label, predicted label, unit), labels in the "Data" context
        self._target = ("true price", "predicted price", "k$")
        plot_menu(self.view, "predictions", self.reset_view)
        self.retranslate()

    def set_target(self, true_label: str, predicted_label: str, unit: str) -> None:
        if (true_label, predicted_label, unit) != self._target:  # a new label re-lays out the plot
            self._target = (true_label, predicted_label, unit)
            self.retranslate()

    def retranslate(self) -> None:
        true_label, predicted_label, unit = self._target
        self.residuals.setText(translate("Plots", "Residuals"))
        self.residuals.setToolTip(translate("Plots", "true − predicted against predicted: a good "
                                                     "fit scatters evenly around 0"))
        labels = (("bottom", translate("Data", predicted_label)),
                  ("left", translate("Plots", "residual (true − predicted)"))) \
            if self.residuals.isChecked() else \
            (("bottom", translate("Data", true_label)), ("left", translate("Data", predicted_label)))
        for side, text in labels:
            self.plot.setLabel(side, f"{text} ({unit})" if unit else text)

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def set_truth(self, truth: np.ndarray) -> None:
        self.truth = np.asarray(truth, dtype=float)
        self._drawn = None
        self.reset_view()
        self._draw_reference()

    def _draw_reference(self) -> None:
        lo, hi = self._extent()
        self.diagonal.setData([lo, hi], [0, 0] if self.residuals.isChecked() else [lo, hi])

    @Slot(bool)
    def _set_residuals(self, _on: bool) -> None:
        self.retranslate()
        self._draw_reference()
        self.reset_view()
        if self._drawn is not None and self._pending is None:
            self._pending = self._drawn
        self.redraw()

    def _extent(self) -> tuple[float, float]:
        if not len(self.truth):
            return 0.0, 1.0
        lo, hi = float(self.truth.min()), float(self.truth.max())
        return (lo, hi) if hi > lo else (lo - 0.5, hi + 0.5)

    def reset_view(self) -> None:
        lo, hi = self._extent()
        self.plot.setXRange(lo, hi, padding=0.05)
        if self.residuals.isChecked():
            half = (hi - lo) / 2
            self.plot.setYRange(-half, half, padding=0.05)
        else:
            self.plot.setYRange(lo, hi, padding=0.15)

    @Slot(object)
    def set_predictions(self, predictions) -> None:
        self._pending = predictions

    def shown(self):
        """(truth, predictions) as drawn, or None before the first predictions."""
        self.redraw()  # what is pending is what the user is about to see
        return None if self._drawn is None else (self.truth, self._drawn)

    @Slot()
    def redraw(self) -> bool:
        if self._pending is None:
            return False
        p, self._pending = self._pending, None
        if p is not None and len(p) == len(self.truth):
            p = np.asarray(p, dtype=float)
            self._drawn = p
            if self.residuals.isChecked():
                self.points.setData(p, self.truth - p)
            else:
                self.points.setData(self.truth, p)
        return True
