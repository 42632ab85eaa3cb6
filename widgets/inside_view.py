"""Inside the net (issue 15): the network diagram, the neuron inspector and
the per-layer gradients and weights, fed by training.inspection's statistics.

Every view buffers the latest statistics and draws on the frame clock. The
graphics items are made once per architecture and then only updated (as in
pyqtgraph's PlotSpeedTest): a new epoch sets data, it creates no item.
"""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QHBoxLayout, QLabel, QSpinBox, QSplitter, QTabWidget, QVBoxLayout, QWidget)

from training import activation_math

from . import frame_clock, numbers, style
from .axes import ValueAxis
from .epochs import ByEpoch
from .plots import _layout_plot, _Series, legend_row
from .readout import Readout

translate = QCoreApplication.translate

POSITIVE, NEGATIVE = style.TAB10[0], style.TAB10[3]
# Edges drawn per pair of layers: the strongest; the rest are counted.
MAX_EDGES = 150
# Three widths (and strengths of colour) by |w| relative to the pair's largest.
WIDTHS = (0.7, 1.6, 3.0)
ALPHAS = (70, 150, 230)


# New statistics are drawn at most 4 times a second: weights change slowly to
# the eye, and every paint holds the GIL the training thread needs (at the
# clock's 20 frames a second, the dock doubled the time per epoch).
DRAW_MS = 250
# Looks kept for the replay slider: the lecture net's weights are ~20 kB a look.
MAX_LOOKS = 1000


class _Paced(QObject):
    """Asks the frame clock for a frame at most every DRAW_MS."""

    def __init__(self, parent):
        super().__init__(parent)
        self._timer = QTimer(self, singleShot=True, interval=DRAW_MS)
        self._timer.timeout.connect(frame_clock.shared().request)

    def request(self) -> None:
        if not self._timer.isActive():
            self._timer.start()


def _set_text(item: pg.TextItem, text: str) -> None:
    """A new text lays the item out anew: only when it changed (not every frame)."""
    if item.textItem.toPlainText() != text:
        item.setText(text)


def _column(n: int) -> np.ndarray:
    """The y of a column's n nodes: the largest spans [-1, 1], small ones spread out."""
    half = min(1.0, 0.15 * (n - 1))
    return np.linspace(-half, half, n) if n > 1 else np.zeros(1)


def _layer_name(index: int, units: int, activation: str) -> str:
    # Short: the legend has three columns in a dock a third of the window wide.
    return f"{index}: {units} {activation}"


class NetworkDiagram(QWidget):
    """Neurons as nodes and weights as edges: colour the sign, width the size.
    A node's fill is its bias. Click a neuron to inspect it."""

    neuronClicked = Signal(int, int)  # Dense layer (from 0), unit

    def __init__(self, parent=None):
        super().__init__(parent)
        self.view, self.plot, _ = _layout_plot({})
        self.plot.hideAxis("left")
        self.plot.hideAxis("bottom")
        self.plot.showGrid(x=False, y=False)
        self.plot.setMouseEnabled(x=False, y=False)
        self.plot.hideButtons()
        self.nodes = pg.ScatterPlotItem(pen=pg.mkPen("#555555"), hoverable=True)
        self.nodes.setZValue(10)
        self.nodes.sigClicked.connect(self._clicked)
        self.selected = pg.ScatterPlotItem(size=18, pen=pg.mkPen(style.TAB10[2], width=2.5),
                                           brush=None)
        self.selected.setZValue(11)
        self.plot.addItem(self.nodes)
        self.plot.addItem(self.selected)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.view)
        self.shape: tuple[int, ...] | None = None
        # 2 signs × 3 widths, each one item for every pair of layers: few items
        # to update, since each Qt call may hand the GIL to the training thread.
        self.edges: list[pg.PlotCurveItem] = []
        self.more: list[pg.TextItem] = []
        self.labels: list[pg.TextItem] = []
        self.ys: list[np.ndarray] = []
        self.hidden_edges: list[int] = []
        self.builds = 0  # how often items were made: once per architecture
        self._activations: list[str] = []
        self._selection: tuple[int, int] | None = None
        self._pending = None
        self._brushes = {s: [pg.mkBrush(*pg.mkColor(c).getRgb()[:3], a) for a in (40, 110, 180, 255)]
                         for s, c in ((1, POSITIVE), (0, NEGATIVE))}
        self._clock = frame_clock.shared()
        self._clock.add(self, self.redraw)
        self._paced = _Paced(self)

    def set_stats(self, stats: dict) -> None:
        self._pending = stats
        kernels = stats["kernels"]
        if self.shape != (kernels[0].shape[0], *(k.shape[1] for k in kernels)):
            self._clock.request()  # another net: built at once (before a run, as a rule)
        else:
            self._paced.request()

    def clear(self) -> None:
        self._pending = None
        self._build(None, [])

    @Slot()
    def redraw(self) -> bool:
        if self._pending is None:
            return False
        stats, self._pending = self._pending, None
        self.draw(stats)
        return True

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.LanguageChange:
            self._label_columns()
        elif event.type() == QEvent.PaletteChange:
            for label in self.labels:  # dark on a dark palette otherwise
                label.setColor(style.colours()[1])
        super().changeEvent(event)

    # ------------------------------------------------------------ items, once
    def _build(self, shape, activations) -> None:
        for item in self.edges + self.more + self.labels:
            self.plot.removeItem(item)
        self.edges, self.more, self.labels, self.ys = [], [], [], []
        self.shape, self._activations = shape, list(activations)
        if shape is None:
            self.nodes.clear()
            self.selected.clear()
            return
        self.builds += 1
        self.ys = [_column(n) for n in shape]
        for sign in (1, 0):
            for level, (width, alpha) in enumerate(zip(WIDTHS, ALPHAS)):
                # Opaque (translucent lines paint many times slower), one line
                # at a time, the stronger above the weaker.
                curve = pg.PlotCurveItem(connect="pairs", skipFiniteCheck=True)
                style.set_blended_pen(curve, POSITIVE if sign else NEGATIVE, alpha, width)
                curve.setSegmentedLineMode("on")
                curve.setZValue(level)
                self.plot.addItem(curve)
                self.edges.append(curve)
        for i in range(len(shape) - 1):
            more = pg.TextItem(anchor=(0.5, 1.0), color="#777777")
            more.setPos(i + 0.5, 1.08)
            self.plot.addItem(more)
            self.more.append(more)
        for i in range(len(shape)):
            label = pg.TextItem(anchor=(0.5, 0.0), color=style.colours()[1])
            label.setPos(i, -1.08)
            self.plot.addItem(label)
            self.labels.append(label)
        self._label_columns()
        size = float(np.clip(260 / max(shape), 4, 14))
        xs = np.concatenate([np.full(n, i, dtype=float) for i, n in enumerate(shape)])
        data = [None] * shape[0] + [(i, u) for i, n in enumerate(shape[1:]) for u in range(n)]
        self.nodes.setData(xs, np.concatenate(self.ys), size=size, data=data,
                           brush=pg.mkBrush("#dddddd"))
        self.plot.setXRange(-0.55, len(shape) - 0.45, padding=0)
        self.plot.setYRange(-1.4, 1.2, padding=0)

    def _label_columns(self) -> None:
        if self.shape is None:
            return
        # Two short lines: a column is narrow when the net is deep.
        _set_text(self.labels[0], f"{self.shape[0]}\n" + translate("Inside", "inputs"))
        for i, (label, n) in enumerate(zip(self.labels[1:], self.shape[1:])):
            act = self._activations[i] if i < len(self._activations) else ""
            _set_text(label, f"{n}\n{act}")
        for more, hidden in zip(self.more, self.hidden_edges):
            _set_text(more, translate("Inside", "+ {n} more").format(n=numbers.whole(hidden))
                      if hidden else "")

    # ------------------------------------------------------------ data, each frame
    def draw(self, stats: dict) -> None:
        kernels, biases = stats["kernels"], stats["biases"]
        shape = (kernels[0].shape[0], *(k.shape[1] for k in kernels))
        if shape != self.shape or stats["activations"] != self._activations:
            self._build(shape, stats["activations"])
        self.hidden_edges = []
        xs, ys = [[] for _ in self.edges], [[] for _ in self.edges]
        for i, kernel in enumerate(kernels):
            flat = np.abs(kernel).ravel()
            k = min(MAX_EDGES, flat.size)
            idx = np.argpartition(flat, -k)[-k:] if k < flat.size else np.arange(flat.size)
            src, dst = np.unravel_index(idx, kernel.shape)
            w = kernel.ravel()[idx]
            top = float(flat.max()) or 1.0
            level = np.minimum((np.abs(w) / top * 3).astype(int), 2)
            y0, y1 = self.ys[i][src], self.ys[i + 1][dst]
            for j in range(len(self.edges)):
                sign, width = j < 3, j % 3
                m = ((w >= 0) == sign) & (level == width)
                n = int(m.sum())
                x = np.empty(2 * n)
                x[0::2], x[1::2] = i, i + 1
                y = np.empty(2 * n)
                y[0::2], y[1::2] = y0[m], y1[m]
                xs[j].append(x)
                ys[j].append(y)
            self.hidden_edges.append(flat.size - k)
        for curve, x, y in zip(self.edges, xs, ys):
            curve.setData(np.concatenate(x), np.concatenate(y))
        self._label_columns()
        # Node fill: the bias, its sign and size (relative to the layer's largest).
        brushes = [pg.mkBrush("#dddddd")] * shape[0]
        for b, n in zip(biases, shape[1:]):
            if b is None:
                brushes += [pg.mkBrush("#ffffff")] * n
                continue
            top = float(np.abs(b).max()) or 1.0
            levels = np.minimum((np.abs(b) / top * 4).astype(int), 3)
            brushes += [self._brushes[int(v >= 0)][lv] for v, lv in zip(b, levels)]
        self.nodes.setBrush(brushes)
        self._show_selection()

    def select(self, layer: int | None, unit: int | None) -> None:
        """Ring the neuron the inspector shows (kept across frames and nets)."""
        self._selection = None if layer is None else (layer, unit)
        self._show_selection()

    def _show_selection(self) -> None:
        sel, shape = self._selection, self.shape
        if sel is None or shape is None or sel[0] + 1 >= len(shape) or sel[1] >= shape[sel[0] + 1]:
            self.selected.clear()
        else:
            self.selected.setData([sel[0] + 1], [self.ys[sel[0] + 1][sel[1]]])

    def _clicked(self, _item, points, _event=None) -> None:
        for point in points:
            if point.data() is not None:
                self.neuronClicked.emit(*point.data())
                return


class NeuronInspector(QWidget):
    """One neuron: its incoming weights and bias, and for one training row
    z = w·x + b, a(z), and where z lies on a's curve with the slope a'(z)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.title = QLabel()
        self.title.setObjectName("neuronTitle")
        self.sample = QSpinBox()
        self.sample.setObjectName("neuronSample")
        self.sample.setRange(1, 1)
        self.sample.valueChanged.connect(lambda _v: self._request())
        self.sample_label = QLabel()
        self.sample_label.setBuddy(self.sample)
        # A Readout: its new text, 4 times a second, re-lays out nothing.
        self.numbers = Readout(lines=4)
        self.numbers.setObjectName("neuronNumbers")
        self.numbers.label.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.weights_view, self.weights_plot, _ = _layout_plot(
            {"bottom": ValueAxis("bottom"), "left": ValueAxis("left")})
        self.bars = pg.BarGraphItem(x=[], height=[], width=0.8, brushes=[])
        self.weights_plot.addItem(self.bars)
        self.curve_view, self.curve_plot, self.curve_legend = _layout_plot(
            {"bottom": ValueAxis("bottom"), "left": ValueAxis("left")}, legend_columns=3)
        self.curve = self.curve_plot.plot(pen=style.pen(style.TAB10[0], 2))
        self.tangent = self.curve_plot.plot(pen=style.pen(style.TAB10[1], 1.5, dashed=True))
        self.point = pg.ScatterPlotItem(size=11, brush=pg.mkBrush(style.TAB10[1]), pen=None)
        self.curve_plot.addItem(self.point)
        self.curve_legend.addItem(self.curve, "a(z)")
        self.curve_legend.addItem(self.tangent, "a'(z)")
        for view in (self.weights_view, self.curve_view):
            view.setMinimumHeight(120)
        row = QHBoxLayout()
        row.addWidget(self.title, 1)
        row.addWidget(self.sample_label)
        row.addWidget(self.sample)
        plots = QHBoxLayout()
        plots.addWidget(self.weights_view, 1)
        plots.addWidget(self.curve_view, 1)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addLayout(row)
        box.addWidget(self.numbers)
        box.addLayout(plots, 1)
        self.stats: dict | None = None
        self.layer: int | None = None
        self.unit: int | None = None
        self._dirty = False
        self._clock = frame_clock.shared()
        self._clock.add(self, self.redraw)
        self._paced = _Paced(self)
        self.retranslate()

    def retranslate(self) -> None:
        self.sample_label.setText(translate("Inside", "Training row"))
        self.weights_plot.setLabel("bottom", translate("Inside", "input"))
        self.weights_plot.setLabel("left", translate("Inside", "weight"))
        self.curve_plot.setLabel("bottom", "z")
        self.curve_plot.setLabel("left", "a(z)")
        self._dirty = True
        self.redraw()

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def set_stats(self, stats: dict) -> None:
        self.stats = stats
        rows = max(1, len(stats["x"]))
        if self.sample.maximum() != rows:
            self.sample.setRange(1, rows)
        kernels = stats["kernels"]
        if (self.layer is None or self.layer >= len(kernels)
                or self.unit >= kernels[self.layer].shape[1]):
            self.layer, self.unit = len(kernels) - 1, 0  # the output neuron, to begin with
        self._dirty = True
        self._paced.request()

    def clear(self) -> None:
        self.stats = self.layer = self.unit = None
        self._request()

    def select(self, layer: int, unit: int) -> None:
        self.layer, self.unit = layer, unit
        self._request()

    def _request(self) -> None:
        self._dirty = True
        self._clock.request()

    def values(self) -> dict | None:
        """The selected neuron for the chosen row: weights, bias, the inputs
        it gets, z, a(z) and a'(z) (None where the activation has none here)."""
        s = self.stats
        if s is None or self.layer is None:
            return None
        row = self.sample.value() - 1
        act = s["activations"][self.layer]
        kernel, bias = s["kernels"][self.layer], s["biases"][self.layer]
        out = activation_math.forward(s["kernels"][:self.layer], s["biases"][:self.layer],
                                      s["activations"][:self.layer], s["x"][row:row + 1])
        inputs = (np.asarray(s["x"][row], dtype=np.float64) if self.layer == 0
                  else out[-1][1][0] if len(out) == self.layer else None)
        w = np.asarray(kernel[:, self.unit], dtype=np.float64)
        b = 0.0 if bias is None else float(bias[self.unit])
        result = {"layer": self.layer, "unit": self.unit, "row": row, "activation": act,
                  "weights": w, "bias": b, "inputs": inputs, "z": None, "a": None, "slope": None}
        f = activation_math.function(act)
        if inputs is not None:
            result["z"] = z = float(inputs @ w + b)
            if f is not None:
                result["a"] = float(f(np.float64(z)))
                result["slope"] = activation_math.derivative(act, z)
        return result

    @Slot()
    def redraw(self) -> bool:
        if not self._dirty:
            return False
        self._dirty = False
        v = self.values()
        if v is None:
            self.title.setText(translate("Inside", "Click a neuron in the diagram."))
            self.numbers.setText("")
            self.bars.setOpts(x=[], height=[], brushes=[])
            for item in (self.curve, self.tangent):
                item.setData([], [])
            self.point.clear()
            return True
        n_layers = len(self.stats["kernels"])
        self.title.setText(translate("Inside", "Layer {layer} of {layers}, neuron {unit} ({activation})")
                           .format(layer=v["layer"] + 1, layers=n_layers, unit=v["unit"] + 1,
                                   activation=v["activation"]))
        w = v["weights"]
        self.bars.setOpts(x=np.arange(1, len(w) + 1), height=w, width=0.8,
                          brushes=[pg.mkBrush(POSITIVE if x >= 0 else NEGATIVE) for x in w])
        self.numbers.setText(self._text(v))
        if v["a"] is None:
            for item in (self.curve, self.tangent):
                item.setData([], [])
            self.point.clear()
            return True
        z, a, slope = v["z"], v["a"], v["slope"]
        lo, hi = min(-5.0, z - 1.0), max(5.0, z + 1.0)
        zs = np.linspace(lo, hi, 401)
        self.curve.setData(zs, activation_math.function(v["activation"])(zs))
        half = (hi - lo) / 8
        self.tangent.setData([z - half, z + half], [a - slope * half, a + slope * half])
        self.point.setData([z], [a])
        return True

    def _text(self, v: dict) -> str:
        short = numbers.short
        w, x, b = v["weights"], v["inputs"], v["bias"]
        if x is None or v["z"] is None:
            return translate("Inside", "The layers before this one are not element-wise ({activation}): "
                                       "z is not shown.").format(activation=v["activation"])
        if len(w) <= 4:  # the lecture's neuron: every term
            terms = " + ".join(f"{short(wi)}·{short(xi)}" for wi, xi in zip(w, x))
        else:
            terms = translate("Inside", "Σ of {n} terms").format(n=len(w)) + f" ({short(float(x @ w))})"
        bias = f"+ {short(b)}" if b >= 0 else f"− {short(-b)}"
        lines = [f"z = w·x + b = {terms} {bias} = <b>{short(v['z'])}</b>"]
        if v["a"] is None:
            lines.append(translate("Inside", "{activation} depends on the whole layer: a(z) is not shown "
                                             "for one neuron.").format(activation=v["activation"]))
        else:
            lines.append(f"a(z) = {v['activation']}({short(v['z'])}) = <b>{short(v['a'])}</b>")
            lines.append(translate("Inside", "slope a'(z) = {slope}: the share of the gradient that "
                                             "passes this neuron").format(slope=f"<b>{short(v['slope'])}</b>"))
        return "<br>".join(lines)


class LayerStats(QWidget):
    """Per Dense layer over the epochs: the gradient norm (log scale), the
    weights' spread and the share of dead ReLU units."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.ratio_label = Readout()
        self.ratio_label.setObjectName("gradientRatio")
        self.grad_view, self.grad_plot, self.legend = _layout_plot(
            {"bottom": ValueAxis("bottom"), "left": ValueAxis("left")}, legend_columns=3)
        self.grad_plot.setLogMode(y=True)
        self.std_view, self.std_plot, _ = _layout_plot(
            {"bottom": ValueAxis("bottom"), "left": ValueAxis("left")})
        self.dead_view, self.dead_plot, _ = _layout_plot(
            {"bottom": ValueAxis("bottom"), "left": ValueAxis("left")})
        self.dead_plot.setYRange(0, 100, padding=0.02)
        # The epoch the replay slider shows, when it is not the latest.
        self.replay_lines = []
        for plot in (self.grad_plot, self.std_plot, self.dead_plot):
            line = pg.InfiniteLine(angle=90, movable=False, pen=style.pen(style.DIAGONAL, dashed=True))
            line.hide()
            plot.addItem(line, ignoreBounds=True)
            self.replay_lines.append(line)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.ratio_label)
        box.addWidget(self.grad_view, 2)
        lower = QHBoxLayout()
        lower.addWidget(self.std_view)
        lower.addWidget(self.dead_view)
        box.addLayout(lower, 1)
        # Per layer, made once: (grad, std, dead, mean) curves and their _Series.
        self.curves: list[tuple] = []
        self.series: list[tuple] = []
        self.epochs = _Series()
        self.names: list[str] = []
        self._shapes: list | None = None  # the net the names were made for
        self.builds = 0  # curves made: once per net
        self.runs = 0    # histories begun: per net and per new run
        self._last_epoch = 0
        self._dirty = False
        self._clock = frame_clock.shared()
        self._clock.add(self, self.redraw)
        self._paced = _Paced(self)
        self.retranslate()

    def retranslate(self) -> None:
        for plot, label in ((self.grad_plot, translate("Inside", "gradient norm ‖∂loss/∂W‖")),
                            (self.std_plot, translate("Inside", "weights: spread (std), mean (dashed)")),
                            (self.dead_plot, translate("Inside", "dead ReLU units (%)"))):
            plot.setLabel("left", label)
            plot.setLabel("bottom", translate("Inside", "epoch"))
        self._dirty = True
        self._clock.request()

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def mark_epoch(self, epoch: int | None) -> None:
        for line in self.replay_lines:
            line.setVisible(epoch is not None)
            if epoch is not None:
                line.setValue(epoch)

    def clear(self) -> None:
        for curves in self.curves:
            for plot, curve in zip((self.grad_plot, self.std_plot, self.dead_plot, self.std_plot),
                                   curves):
                plot.removeItem(curve)
        self.legend.clear()
        self.curves, self.series, self.names, self._shapes = [], [], [], None
        self.epochs.clear()
        self._last_epoch = 0
        self._dirty = True
        self._clock.request()

    def add(self, epoch: int, stats: dict) -> None:
        shapes = [(k.shape, a) for k, a in zip(stats["kernels"], stats["activations"])]
        if shapes == self._shapes and epoch == self._last_epoch > 1:
            return  # this epoch again (the look after a run's end)
        if shapes != self._shapes:  # another net: its curves
            self._build([_layer_name(i + 1, shape[1], a) for i, (shape, a) in enumerate(shapes)])
            self._shapes = shapes
        elif epoch <= self._last_epoch:  # a new run on the same net: the curves start anew
            self.runs += 1
            self.epochs.clear()
            for series in self.series:
                for s in series:
                    s.clear()
        self._last_epoch = epoch
        self.epochs.extend([epoch])
        for (grad, std, dead, mean), g, s, d, m in zip(
                self.series, stats["grad_norms"], stats["weight_std"], stats["dead"],
                stats["weight_mean"]):
            grad.extend([max(g, 1e-30)])  # a log axis has no 0
            std.extend([s])
            dead.extend([np.nan if d is None else 100 * d])
            mean.extend([m])
        self._dirty = True
        self._paced.request()

    def _build(self, names: list[str]) -> None:
        self.clear()
        self.builds += 1
        self.runs += 1
        self.names = names
        n = len(names)
        # Input side dark, output side light: the order reads off the colours.
        colours = [pg.intColor(i, hues=max(n, 2), maxHue=260, values=1, sat=200) for i in range(n)]
        for name, colour in zip(names, colours):
            curves = tuple(plot.plot(pen=pg.mkPen(colour, width=2), skipFiniteCheck=False)
                           for plot in (self.grad_plot, self.std_plot, self.dead_plot))
            curves += (self.std_plot.plot(pen=pg.mkPen(colour, width=1.5, style=Qt.DashLine)),)
            self.legend.addItem(curves[0], name)
            self.curves.append(curves)
            self.series.append((_Series(), _Series(), _Series(), _Series()))

    @Slot()
    def redraw(self) -> bool:
        if not self._dirty:
            return False
        self._dirty = False
        x = self.epochs.view
        for curves, series in zip(self.curves, self.series):
            for curve, s in zip(curves, series):
                curve.setData(x, s.view)
        self.ratio_label.setText(self._ratio_text())
        return True

    def ratio(self) -> float | None:
        """The first hidden layer's gradient norm over the last hidden layer's,
        at the latest epoch (first over last layer with fewer than 3)."""
        if not self.series or not len(self.epochs.view):
            return None
        last = -2 if len(self.series) >= 3 else -1
        first, other = self.series[0][0].view[-1], self.series[last][0].view[-1]
        return float(first / other) if other > 0 else None

    def _ratio_text(self) -> str:
        r = self.ratio()
        if r is None:
            return ""
        text = translate("Inside", "Gradient, first ÷ last hidden layer: <b>{ratio}</b> "
                                   "(epoch {epoch})").format(
            ratio=numbers.short(r, 2), epoch=numbers.whole(int(self.epochs.view[-1])))
        if len(self.epochs.view) < 2:  # opened after a run: one point, no curves
            text += " · " + translate("Inside", "the curves are recorded while this view is "
                                                "open during training")
        return text


class InsideView(QWidget):
    """The dock's content: the diagram with the inspector, and the layer statistics."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.diagram = NetworkDiagram()
        self.inspector = NeuronInspector()
        self.layer_stats = LayerStats()
        split = QSplitter(Qt.Vertical)
        split.addWidget(self.diagram)
        split.addWidget(self.inspector)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        self.pages = QTabWidget()
        self.pages.setObjectName("insidePages")
        self.pages.addTab(split, "")
        self.pages.addTab(self.layer_stats, "")
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.pages)
        self.diagram.neuronClicked.connect(self._select)
        # The looks of the current run by epoch, for the replay slider.
        self.looks = ByEpoch(MAX_LOOKS)
        self.replay_epoch: int | None = None
        self.retranslate()

    def retranslate(self) -> None:
        self.pages.setTabText(0, translate("Inside", "Network"))
        self.pages.setTabText(1, translate("Inside", "Gradients per layer"))

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    @Slot(int, object)
    def set_stats(self, epoch: int, stats: dict) -> None:
        runs = self.layer_stats.runs
        # Epoch 0 too (the net before training): its curves are made before a
        # run, not in its first frames.
        self.layer_stats.add(epoch, stats)
        if self.layer_stats.runs != runs:
            self.looks.clear()  # another net or a new run: the old looks are not its
        self.looks.keep(epoch, stats)
        if self.replay_epoch is None:
            self._show(stats)

    def _show(self, stats: dict) -> None:
        self.inspector.set_stats(stats)
        # Ringed at the diagram's next frame; nothing is drawn per epoch.
        self.diagram._selection = (self.inspector.layer, self.inspector.unit)
        self.diagram.set_stats(stats)

    @Slot(object)
    def show_epoch(self, epoch: int | None) -> None:
        """Follow the replay slider: the net as it was at `epoch` (the latest
        look at or before it), or the latest again for None."""
        if epoch == self.replay_epoch:
            return  # the Training tab says "latest" with every frame of a run
        self.replay_epoch = epoch
        self.layer_stats.mark_epoch(epoch)
        shown = self.shown_epoch()
        if shown is not None:
            self._show(self.looks[shown])

    def shown_epoch(self) -> int | None:
        """The epoch of the look the diagram shows (see ByEpoch.shown)."""
        return self.looks.shown(self.replay_epoch)

    def clear(self) -> None:
        self.looks.clear()
        self.replay_epoch = None
        self.diagram.clear()
        self.inspector.clear()
        self.layer_stats.clear()

    @Slot(int, int)
    def _select(self, layer: int, unit: int) -> None:
        self.inspector.select(layer, unit)
        self.diagram.select(layer, unit)
