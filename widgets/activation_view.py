"""Activation functions and their derivatives, and what two ReLUs can build.

Pure numpy: nothing is trained here, so the curves follow the sliders at once.
"""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, Qt, Signal, Slot
from PySide6.QtWidgets import (QCheckBox, QComboBox, QGridLayout, QGroupBox, QHBoxLayout,
                               QLabel, QSlider, QVBoxLayout, QWidget)

from . import frame_clock, numbers, style
from .axes import ValueAxis
from .plot_export import plot_menu
from .plots import legend_row

X = np.linspace(-5, 5, 801)


def sigmoid(x):
    return 1 / (1 + np.exp(-x))


def relu(x):
    return np.maximum(x, 0)


# Each derivative written with the function's own value, as the lecture does.
FUNCTIONS = {
    "sigmoid": (sigmoid, lambda x: sigmoid(x) * (1 - sigmoid(x)), style.TAB10[0]),
    "tanh": (np.tanh, lambda x: (1 + np.tanh(x)) * (1 - np.tanh(x)), style.TAB10[2]),
    "relu": (relu, lambda x: np.heaviside(x, 0.0), style.TAB10[3]),
}


def parallel(x, w1, b1, v1, w2, b2, v2):
    """Side by side ("Nebeneinanderausführung"): v1 relu(w1 x + b1) + v2 relu(w2 x + b2)."""
    return v1 * relu(w1 * x + b1) + v2 * relu(w2 * x + b2)


def series(x, w1, b1, w2, b2):
    """One after the other ("Hintereinanderausführung"): relu(w2 relu(w1 x + b1) + b2)."""
    return relu(w2 * relu(w1 * x + b1) + b2)


# Slider name -> (label, start value); the start is the lecture's relu(x) - relu(x - 1).
PARAMETERS = {
    "w1": ("w₁", 1.0), "b1": ("b₁", 0.0), "v1": ("v₁", 1.0),
    "w2": ("w₂", 1.0), "b2": ("b₂", -1.0), "v2": ("v₂", -1.0),
}
SLIDER_SCALE = 10  # slider steps of 0.1 between -3 and 3


def _plus(value: float) -> str:
    """A term added to a formula: '+ 1.0' or '− 1.0'."""
    return f"{'−' if value < 0 else '+'} {numbers.fixed(abs(value), 1)}"


def _one(value: float) -> str:
    return numbers.fixed(value, 1)


def _plot_with_legend(name: str, columns: int, y_range=None):
    view = pg.GraphicsLayoutWidget()
    legend = legend_row(view, columns)
    plot = view.addPlot(row=1, col=0, axisItems={"bottom": ValueAxis("bottom"),
                                                  "left": ValueAxis("left")})
    style.style_plot(plot, cached_axes=False)

    def reset():
        plot.enableAutoRange(x=True, y=y_range is None)
        if y_range is not None:
            plot.setYRange(*y_range)
    reset()
    plot_menu(view, name, reset)
    return view, plot, legend


class ActivationView(QWidget):
    redrawn = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        # --- the functions and their derivatives
        self.functions_plot, fp, legend = _plot_with_legend("activations", 6, y_range=(-1.1, 2.1))
        self.functions_title = fp
        self.shown: dict[str, QCheckBox] = {}
        self.curves: dict[str, tuple[pg.PlotDataItem, pg.PlotDataItem]] = {}
        toggles = QHBoxLayout()
        for name, (f, df, colour) in FUNCTIONS.items():
            self.curves[name] = (
                fp.plot(X, f(X), pen=style.pen(colour, width=2)),
                fp.plot(X, df(X), pen=style.pen(colour, width=2, dashed=True)))
            legend.addItem(self.curves[name][0], name)
            legend.addItem(self.curves[name][1], f"{name}'")
            box = QCheckBox(name, checked=True)
            box.toggled.connect(self._toggle)
            self.shown[name] = box
            toggles.addWidget(box)
        toggles.addStretch(1)

        # --- two ReLUs combined
        self.combination_plot, cp, self.legend = _plot_with_legend("relu_combination", 3)
        self.part1 = cp.plot(pen=style.pen(style.TAB10[1], width=2, dotted=True))
        self.part2 = cp.plot(pen=style.pen(style.TAB10[4], width=2, dotted=True))
        self.combined = cp.plot(pen=style.pen(style.TAB10[3], width=3))
        for curve in (self.part1, self.part2, self.combined):
            self.legend.addItem(curve, "")
        self.mode = QComboBox()
        self.mode.addItem("", "parallel")
        self.mode.addItem("", "series")
        self.mode.currentIndexChanged.connect(self._changed)
        self.formula = QLabel()
        self.formula.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.sliders: dict[str, QSlider] = {}
        self.values: dict[str, QLabel] = {}
        grid = QGridLayout()
        for row, (key, (label, start)) in enumerate(PARAMETERS.items()):
            slider = QSlider(Qt.Horizontal, minimum=-3 * SLIDER_SCALE, maximum=3 * SLIDER_SCALE,
                             value=round(start * SLIDER_SCALE))
            slider.setAccessibleName(label)
            slider.valueChanged.connect(self._changed)
            value = QLabel()
            value.setMinimumWidth(40)
            self.sliders[key], self.values[key] = slider, value
            grid.addWidget(QLabel(label), row % 3, 3 * (row // 3))
            grid.addWidget(slider, row % 3, 3 * (row // 3) + 1)
            grid.addWidget(value, row % 3, 3 * (row // 3) + 2)
        self.combination_box = combination = QGroupBox()
        cbox = QVBoxLayout(combination)
        cbox.addWidget(self.mode)
        cbox.addWidget(self.formula)
        cbox.addLayout(grid)
        cbox.addWidget(self.combination_plot, 1)

        layout = QVBoxLayout(self)
        layout.addLayout(toggles)
        layout.addWidget(self.functions_plot, 1)
        layout.addWidget(combination, 1)

        self._dirty = True
        self._clock = frame_clock.shared()
        self._clock.add(self, self.redraw)
        self.retranslate()
        self.redraw()

    def retranslate(self) -> None:
        self.functions_title.setTitle(
            self.tr("Activation functions (solid) and their derivatives (dashed)"))
        self.combination_box.setTitle(self.tr("Two ReLUs combined"))
        self.mode.setItemText(0, self.tr("Side by side (Nebeneinanderausführung)"))
        self.mode.setItemText(1, self.tr("One after the other (Hintereinanderausführung)"))
        self.legend.getLabel(self.combined).setText(self.tr("combined"))
        self._dirty = True
        self._clock.request()

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def parameters(self) -> dict[str, float]:
        return {k: s.value() / SLIDER_SCALE for k, s in self.sliders.items()}

    @Slot(str, float)
    def set_parameter(self, key: str, value: float) -> None:
        self.sliders[key].setValue(round(value * SLIDER_SCALE))

    @Slot()
    def _changed(self) -> None:
        self._dirty = True
        self._clock.request()

    @Slot(bool)
    def _toggle(self, _on: bool) -> None:
        for name, box in self.shown.items():
            for curve in self.curves[name]:
                curve.setVisible(box.isChecked())

    def combination(self) -> np.ndarray:
        p = self.parameters()
        if self.mode.currentData() == "series":
            return series(X, p["w1"], p["b1"], p["w2"], p["b2"])
        return parallel(X, **p)

    def _name_parts(self, first: str, second: str) -> None:
        self.legend.getLabel(self.part1).setText(first)
        self.legend.getLabel(self.part2).setText(second)

    @Slot()
    def redraw(self) -> bool:
        """Draw the curves for the sliders as they are; False when nothing changed."""
        if not self._dirty:
            return False
        self._dirty = False
        p = self.parameters()
        is_parallel = self.mode.currentData() == "parallel"
        for key in ("v1", "v2"):
            self.sliders[key].setEnabled(is_parallel)
        for key, label in self.values.items():
            label.setText(("+" if p[key] >= 0 else "") + _one(p[key]))
        if is_parallel:
            self.formula.setText(
                f"y = {_one(p['v1'])}·relu({_one(p['w1'])}·x {_plus(p['b1'])}) "
                f"{_plus(p['v2'])}·relu({_one(p['w2'])}·x {_plus(p['b2'])})")
            self._name_parts("v₁·relu(w₁x+b₁)", "v₂·relu(w₂x+b₂)")
            self.part1.setData(X, p["v1"] * relu(p["w1"] * X + p["b1"]))
            self.part2.setData(X, p["v2"] * relu(p["w2"] * X + p["b2"]))
        else:
            self.formula.setText(
                f"y = relu({_one(p['w2'])}·relu({_one(p['w1'])}·x {_plus(p['b1'])}) {_plus(p['b2'])})")
            self._name_parts("h = relu(w₁x+b₁)", self.tr("w₂h+b₂, before the outer relu"))
            self.part1.setData(X, relu(p["w1"] * X + p["b1"]))
            self.part2.setData(X, p["w2"] * relu(p["w1"] * X + p["b1"]) + p["b2"])
        self.combined.setData(X, self.combination())
        self.redrawn.emit()
        return True
