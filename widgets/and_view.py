"""AND with one neuron: the four predictions after every epoch, browsable, with
the weights beside them, and the settings the lecture varies.

Fed from outside (add_epoch, set_weights); it never trains anything itself.
"""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, Qt, Signal, Slot
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDoubleSpinBox, QFormLayout, QGroupBox,
                               QHBoxLayout, QHeaderView, QLabel, QPushButton, QSlider,
                               QSpinBox, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from training import exports
from training.experiment import LIMITS, Experiment, preset

from . import frame_clock, numbers, style
from .axes import EpochAxis, ValueAxis
from .plot_export import plot_menu
from .plots import legend_row
from .readout import SteadyLabel

INPUTS = ((0, 0), (0, 1), (1, 0), (1, 1))
TARGETS = (0, 0, 0, 1)
COLOURS = style.TAB10[:4]


def _spin(minimum, maximum, decimals, step) -> QDoubleSpinBox:
    box = QDoubleSpinBox(minimum=minimum, maximum=maximum, decimals=decimals, singleStep=step)
    box.setKeyboardTracking(False)
    return box


class AndView(QWidget):
    startRequested = Signal(object)  # the Experiment to build and train
    stopRequested = Signal()
    stepRequested = Signal()   # one update: the next sample
    settingsChanged = Signal()  # any setting edited: experiment() differs
    tableExportRequested = Signal()  # Save table as CSV…: the window asks where
    redrawn = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        # --- settings
        self.activation = QComboBox()
        for act in ("relu", "sigmoid"):
            self.activation.addItem(act, act)
        self.activation.currentIndexChanged.connect(self._activation_chosen)
        self.w1 = _spin(-100, 100, 3, 0.01)
        self.w2 = _spin(-100, 100, 3, 0.01)
        self.b = _spin(-100, 100, 3, 0.01)
        self.from_seed = QCheckBox()
        self.from_seed.toggled.connect(self._seed_toggled)
        self.seed = QSpinBox(minimum=LIMITS["seed"].low, maximum=LIMITS["seed"].high)
        self.learning_rate = _spin(0.0001, LIMITS["learning_rate"].high, 4, 0.01)
        self.epochs = QSpinBox(minimum=1, maximum=LIMITS["epochs"].high)
        self.shuffle = QCheckBox()
        for box in (self.w1, self.w2, self.b, self.seed, self.learning_rate, self.epochs):
            box.valueChanged.connect(self.settingsChanged)
        for w in (self.activation.currentIndexChanged, self.from_seed.toggled, self.shuffle.toggled):
            w.connect(self.settingsChanged)
        self.slide_values = QPushButton()
        self.slide_values.clicked.connect(self.load_preset)
        self.start_button = QPushButton()
        self.start_button.clicked.connect(self._request_start)
        self.stop_button = QPushButton(enabled=False)
        self.stop_button.clicked.connect(self.stopRequested)
        self.step_button = QPushButton()
        self.step_button.clicked.connect(self.stepRequested)
        # The form's translated labels, by the field they name.
        self.labels = {w: QLabel() for w in (self.activation, self.seed, self.learning_rate,
                                             self.epochs)}
        form = QFormLayout()
        form.addRow(self.labels[self.activation], self.activation)
        form.addRow("w₁", self.w1)
        form.addRow("w₂", self.w2)
        form.addRow("b", self.b)
        form.addRow(self.from_seed)
        form.addRow(self.labels[self.seed], self.seed)
        form.addRow(self.labels[self.learning_rate], self.learning_rate)
        form.addRow(self.labels[self.epochs], self.epochs)
        form.addRow(self.shuffle)
        buttons = QHBoxLayout()
        for button in (self.slide_values, self.start_button, self.step_button, self.stop_button):
            buttons.addWidget(button)
        self.settings = QGroupBox()
        settings_box = QVBoxLayout(self.settings)
        settings_box.addLayout(form)
        settings_box.addLayout(buttons)
        settings_box.addStretch(1)

        # --- the table of one epoch, and the epoch slider
        self.table = QTableWidget(4, 4)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.Stretch)
        self.table.setEditTriggers(QTableWidget.NoEditTriggers)
        for row, ((x1, x2), y) in enumerate(zip(INPUTS, TARGETS)):
            for col, value in enumerate((x1, x2, y)):
                self.table.setItem(row, col, self._cell(str(value)))
            self.table.setItem(row, 3, self._cell("—"))
        # Rows as high as the style's, or as their text at a larger size (View → Larger text).
        rows = self.table.verticalHeader()
        rows.setMinimumSectionSize(rows.defaultSectionSize())
        rows.setSectionResizeMode(QHeaderView.ResizeToContents)
        self._fit_table()
        # Right click (or Ctrl+C): the table for a spreadsheet, or every epoch's as CSV.
        self.copy_table_action = QAction(self.table, objectName="copy_and_table",
                                         shortcut=QKeySequence.Copy,
                                         shortcutContext=Qt.WidgetShortcut)
        self.copy_table_action.triggered.connect(self.copy_table)
        self.save_table_action = QAction(self.table, objectName="save_and_table")
        self.save_table_action.triggered.connect(self.tableExportRequested)
        self.table.addActions([self.copy_table_action, self.save_table_action])
        self.table.setContextMenuPolicy(Qt.ActionsContextMenu)
        self.weights_label = SteadyLabel()  # both labels change every frame of a run
        self.weights_label.setTextFormat(Qt.RichText)
        self.epoch_slider = QSlider(Qt.Horizontal, minimum=0, maximum=0)
        self.epoch_slider.valueChanged.connect(self._schedule)
        self.epoch_label = SteadyLabel()
        self.epoch_label.setAlignment(Qt.AlignRight | Qt.AlignVCenter)
        table_row = QHBoxLayout()
        table_row.addWidget(self.table, 3)
        table_row.addWidget(self.weights_label, 1, Qt.AlignTop)
        slider_row = QHBoxLayout()
        self.slider_label = QLabel()
        slider_row.addWidget(self.slider_label)
        slider_row.addWidget(self.epoch_slider, 1)
        slider_row.addWidget(self.epoch_label)

        # --- the predictions over the epochs
        self.plot_widget = pg.GraphicsLayoutWidget()
        self.legend = legend = legend_row(self.plot_widget, 4)
        self.plot = plot = self.plot_widget.addPlot(
            row=1, col=0, axisItems={"bottom": EpochAxis("bottom"), "left": ValueAxis("left")})
        style.style_plot(plot, cached_axes=False)
        self.curves = [plot.plot(pen=pg.mkPen(c, width=2), symbol="o", symbolSize=5,
                                 symbolBrush=c, symbolPen=None)
                       for c in COLOURS]
        for curve, (x1, x2), y in zip(self.curves, INPUTS, TARGETS):
            legend.addItem(curve, f"({x1}, {x2}) → {y}")
        plot_menu(self.plot_widget, "and_predictions", lambda: plot.enableAutoRange(x=True, y=True))
        self.epoch_line = pg.InfiniteLine(angle=90, movable=False,
                                          pen=style.pen("#aaaaaa", dashed=True))
        plot.addItem(self.epoch_line, ignoreBounds=True)

        right = QVBoxLayout()
        right.addLayout(table_row)
        right.addLayout(slider_row)
        right.addWidget(self.plot_widget, 1)
        layout = QHBoxLayout(self)
        layout.addWidget(self.settings)
        layout.addLayout(right, 1)

        # History: row k holds epoch k (0 = before training).
        self.predictions = np.zeros((0, 4))
        self.weights: list[np.ndarray | None] = []
        self._pending_predictions: list[np.ndarray] = []
        self._pending_weights: list[np.ndarray | None] = []
        self._latest_weights: np.ndarray | None = None
        self._dirty = False
        self._clock = frame_clock.shared()
        self._clock.add(self, self.redraw)
        self.load_preset()
        self.retranslate()

    def retranslate(self) -> None:
        self.settings.setTitle(self.tr("One neuron, MSE, SGD with batch size 1"))
        for field, text in ((self.activation, self.tr("Activation")),
                            (self.seed, self.tr("Seed")),
                            (self.learning_rate, self.tr("Learning rate")),
                            (self.epochs, self.tr("Epochs"))):
            self.labels[field].setText(text)
        self.activation.setToolTip(self.tr(
            "The neuron's activation function: relu(z) = max(0, z) or sigmoid(z) = 1/(1+e⁻ᶻ), "
            "with z = w₁x₁ + w₂x₂ + b."))
        self.w1.setToolTip(self.tr("Start weight of x₁, set with model.set_weights before training."))
        self.w2.setToolTip(self.tr("Start weight of x₂, set with model.set_weights before training."))
        self.b.setToolTip(self.tr("Start bias b, set with model.set_weights before training."))
        self.from_seed.setText(self.tr("Draw start weights from the seed"))
        self.from_seed.setToolTip(self.tr(
            "Let Keras's initializers draw the start weights, from the seed below "
            "(keras.utils.set_random_seed)."))
        self.seed.setToolTip(self.tr("The seed for the drawn start weights and the shuffling."))
        self.learning_rate.setToolTip(self.tr(
            "SGD's step size: after every sample each weight moves by the learning rate "
            "times its gradient."))
        self.epochs.setToolTip(self.tr(
            "Passes over the four samples; each epoch makes four updates (batch size 1)."))
        self.shuffle.setText(self.tr("Shuffle the four samples every epoch"))
        self.shuffle.setToolTip(self.tr(
            "fit(..., shuffle=True): the samples come in a new order each epoch. "
            "The slides keep the truth table's order."))
        self.slide_values.setText(self.tr("Slide values"))
        self.slide_values.setToolTip(self.tr("The lecture's start weights, learning rate and epochs"))
        self.start_button.setText(self.tr("Train"))
        self.stop_button.setText(self.tr("Stop"))
        self.step_button.setText(self.tr("One sample"))
        self.step_button.setToolTip(self.tr(
            "One SGD update on the next sample of the truth table, as on the slides; after the "
            "fourth, the epoch's row joins the table. Changed settings start a new neuron."))
        self.table.setHorizontalHeaderLabels(["x₁", "x₂", "y", self.tr("prediction ŷ")])
        self.copy_table_action.setText(self.tr("Copy table"))
        self.save_table_action.setText(self.tr("Save every epoch's table as CSV…"))
        self.slider_label.setText(self.tr("Epoch"))
        self.plot.setLabel("bottom", self.tr("epoch"))
        self.plot.setLabel("left", self.tr("prediction ŷ"))
        self._show_epoch(self.epoch_slider.value())

    def _fit_table(self) -> None:
        """The whole table, no scroll bar."""
        t, rows = self.table, self.table.verticalHeader()
        t.setFixedHeight(t.horizontalHeader().sizeHint().height()
                         + sum(max(rows.minimumSectionSize(), rows.sectionSizeHint(r))
                               for r in range(4))
                         + 2 * t.frameWidth())

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.LanguageChange:
            self.retranslate()
        elif event.type() == QEvent.FontChange:
            self._fit_table()
        super().changeEvent(event)

    @staticmethod
    def _cell(text: str) -> QTableWidgetItem:
        item = QTableWidgetItem(text)
        item.setTextAlignment(Qt.AlignCenter)
        return item

    # ------------------------------------------------------------ settings
    def base(self) -> Experiment:
        return preset(f"and-{self.activation.currentData()}")

    @Slot()
    def load_preset(self) -> None:
        """Show the lecture's values for the chosen activation."""
        e = self.base()
        (kernel, bias), = e.initial_weights
        self.w1.setValue(kernel[0][0])
        self.w2.setValue(kernel[1][0])
        self.b.setValue(bias[0])
        self.from_seed.setChecked(False)
        self.seed.setValue(e.seed)
        self.learning_rate.setValue(e.learning_rate)
        self.epochs.setValue(e.epochs)
        self.shuffle.setChecked(e.shuffle)
        self._seed_toggled(False)

    @Slot()
    def _activation_chosen(self) -> None:
        # Each activation has its own learning rate and epochs on the slides.
        e = self.base()
        self.learning_rate.setValue(e.learning_rate)
        self.epochs.setValue(e.epochs)

    @Slot(bool)
    def _seed_toggled(self, on: bool) -> None:
        for box in (self.w1, self.w2, self.b):
            box.setEnabled(not on)
        self.seed.setEnabled(on)

    def experiment(self) -> Experiment:
        start = None if self.from_seed.isChecked() else (
            (((self.w1.value(),), (self.w2.value(),)), (self.b.value(),)),)
        return self.base().replace(
            initial_weights=start, seed=self.seed.value(),
            learning_rate=self.learning_rate.value(), epochs=self.epochs.value(),
            shuffle=self.shuffle.isChecked())

    @Slot()
    def _request_start(self) -> None:
        self.startRequested.emit(self.experiment())

    @Slot(bool)
    def set_running(self, running: bool) -> None:
        """Lock the settings while a run goes on."""
        for w in (self.activation, self.w1, self.w2, self.b, self.from_seed, self.seed,
                  self.learning_rate, self.epochs, self.shuffle, self.slide_values,
                  self.start_button, self.step_button):
            w.setEnabled(not running)
        if not running:
            self._seed_toggled(self.from_seed.isChecked())
        self.stop_button.setEnabled(running)

    # ------------------------------------------------------------ data in
    @Slot(object, object)
    def reset(self, predictions, weights) -> None:
        """A new model: its predictions and flat weights [w1, w2, b] before training."""
        self.predictions = np.zeros((0, 4))
        self.weights = []
        self._pending_predictions = [np.asarray(predictions, dtype=float).ravel()]
        self._pending_weights = [None if weights is None else np.ravel(weights).astype(float)]
        self._latest_weights = self._pending_weights[0]
        self.epoch_slider.setValue(0)
        self.plot.enableAutoRange(x=True, y=True)  # a new run's axes fit its data
        self._schedule()

    @Slot(object)
    def set_weights(self, weights) -> None:
        """The weights after the latest update; the next add_epoch without weights uses them."""
        self._latest_weights = np.ravel(weights).astype(float)

    @Slot(int, object, object)
    def add_epoch(self, epoch: int, predictions, weights=None) -> None:
        expected = len(self.predictions) + len(self._pending_predictions)
        if epoch != expected:  # a stale signal from an earlier run
            return
        w = self._latest_weights if weights is None else np.ravel(weights).astype(float)
        self._pending_predictions.append(np.asarray(predictions, dtype=float).ravel())
        self._pending_weights.append(w)
        self._schedule()

    @Slot()
    def _schedule(self) -> None:
        self._dirty = True
        self._clock.request()

    # ------------------------------------------------------------ drawing
    @Slot()
    def redraw(self) -> bool:
        """Draw what has come since the last frame; False when nothing had."""
        if not self._dirty:
            return False
        self._dirty = False
        slider = self.epoch_slider
        following = slider.value() == slider.maximum()
        if self._pending_predictions:
            self.predictions = np.vstack([self.predictions, *self._pending_predictions])
            self.weights.extend(self._pending_weights)
            self._pending_predictions, self._pending_weights = [], []
            epochs = np.arange(len(self.predictions))
            for i, curve in enumerate(self.curves):
                curve.setData(epochs, self.predictions[:, i])
            slider.blockSignals(True)
            slider.setMaximum(max(0, len(self.predictions) - 1))
            if following:
                slider.setValue(slider.maximum())
            slider.blockSignals(False)
        self._show_epoch(slider.value())
        self.redrawn.emit()
        return True

    def _show_epoch(self, epoch: int) -> None:
        last = len(self.predictions) - 1
        self.epoch_label.setText(self.tr("{epoch} of {last}").format(
            epoch=numbers.whole(epoch), last=numbers.whole(max(last, 0))))
        self.epoch_line.setValue(epoch)
        if last < 0:
            return
        for row, p in enumerate(self.predictions[epoch]):
            self.table.item(row, 3).setText(numbers.fixed(p, 3))
        w = self.weights[epoch]
        heading = (self.tr("Weights before training") if epoch == 0 else
                   self.tr("Weights after epoch {epoch}").format(epoch=numbers.whole(epoch)))
        self.weights_label.setText(
            f"<b>{heading}</b><br>w₁ = {numbers.fixed(w[0])}<br>w₂ = {numbers.fixed(w[1])}"
            f"<br>b = {numbers.fixed(w[2])}"
            if w is not None and len(w) == 3 else f"<b>{heading}</b><br>—")

    @Slot()
    def copy_table(self) -> None:
        """The table of the epoch shown, tab-separated, as it reads here."""
        header = [self.table.horizontalHeaderItem(c).text() for c in range(4)]
        rows = [[self.table.item(r, c).text() for c in range(4)] for r in range(4)]
        QGuiApplication.clipboard().setText(exports.tsv([header] + rows))

    def table_csv(self) -> bytes | None:
        """Every epoch's predictions and weights as CSV; None before the first."""
        if not len(self.predictions):
            return None
        return exports.and_table_csv(self.predictions, self.weights)

    def shown_predictions(self) -> list[str]:
        return [self.table.item(row, 3).text() for row in range(4)]
