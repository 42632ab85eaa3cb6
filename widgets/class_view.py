"""Classes (issue 14): the decision map behind the points of a 2-D problem,
the accuracy curves and the test set's confusion matrix, drawn on the frame clock."""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QEvent, QRectF, Qt, Slot
from PySide6.QtWidgets import (
    QAbstractItemView, QHeaderView, QLabel, QSplitter, QTableWidget, QTableWidgetItem,
    QVBoxLayout, QWidget)

from training.metrics import confusion, predicted_classes

from . import frame_clock, style
from .axes import EpochAxis, ValueAxis
from .epochs import ByEpoch
from .plots import _layout_plot, _Series

translate = QCoreApplication.translate

CLASS_COLOURS = style.TAB10
# Maps kept for the replay slider: 40 kB each at 100x100 (at most 10 a second).
MAX_MAPS = 250


def _probability_lut() -> np.ndarray:
    """Class 0's colour through white (p = 0.5) to class 1's, lighter than the points."""
    a, b = (np.array(pg.mkColor(c).getRgb()[:3], dtype=float) for c in CLASS_COLOURS[:2])
    white = np.full(3, 255.0)
    t = np.linspace(0, 1, 256)[:, None]
    lower = a + (white - a) * np.clip(2 * t, 0, 1)
    upper = white + (b - white) * np.clip(2 * t - 1, 0, 1)
    rgb = np.where(t < 0.5, lower, upper)
    rgb = 255 - (255 - rgb) * 0.55  # behind the points: paler
    return np.clip(rgb, 0, 255).astype(np.ubyte)


def _classes_lut(k: int) -> np.ndarray:
    rgb = np.array([pg.mkColor(CLASS_COLOURS[i % 10]).getRgb()[:3] for i in range(k)], dtype=float)
    return np.clip(255 - (255 - rgb) * 0.45, 0, 255).astype(np.ubyte)


class ClassView(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.map_view, self.map_plot, self.map_legend = _layout_plot(
            {"bottom": ValueAxis("bottom"), "left": ValueAxis("left")}, legend_columns=4)
        self.image = pg.ImageItem(axisOrder="row-major")
        self.image.setZValue(-10)
        self.map_plot.addItem(self.image)
        self.map_plot.setAspectLocked(False)
        self.train_points = pg.ScatterPlotItem(size=6, pen=pg.mkPen("#ffffff", width=0.6))
        self.test_points = pg.ScatterPlotItem(size=8, pen=pg.mkPen("#000000", width=1.2),
                                              symbol="s")
        self.map_plot.addItem(self.train_points)
        self.map_plot.addItem(self.test_points)
        self.acc_view, self.acc_plot, self.acc_legend = _layout_plot(
            {"bottom": EpochAxis("bottom"), "left": ValueAxis("left")}, legend_columns=2)
        self.acc_plot.setYRange(0, 1.02, padding=0)
        self.acc_curve = self.acc_plot.plot(pen=style.pen(style.LOSS, 2), skipFiniteCheck=True)
        self.val_curve = self.acc_plot.plot(pen=style.pen(style.VAL_LOSS, 2), skipFiniteCheck=True)
        self.acc_legend.addItem(self.acc_curve, "accuracy")
        self.acc_legend.addItem(self.val_curve, "val_accuracy")
        self.matrix_label = QLabel(wordWrap=True)
        self.matrix = QTableWidget()
        self.matrix.setObjectName("confusionMatrix")
        self.matrix.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.matrix.horizontalHeader().setSectionResizeMode(QHeaderView.Stretch)
        self.matrix.verticalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
        lower = QWidget()
        lower_box = QVBoxLayout(lower)
        lower_box.setContentsMargins(0, 0, 0, 0)
        lower_box.addWidget(self.matrix_label)
        lower_box.addWidget(self.matrix, 1)
        self.split = QSplitter(Qt.Vertical)
        self.split.addWidget(self.map_view)
        self.split.addWidget(self.acc_view)
        self.split.addWidget(lower)
        self.split.setSizes([340, 230, 110])
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.split)
        self.class_names: tuple[str, ...] = ()
        self.truth = np.zeros(0)
        self.epochs, self.acc = _Series(), _Series()
        self.val_epochs, self.val = _Series(), _Series()
        self._map = None          # the decision map to draw next
        # The run's maps by epoch; the replay slider's epoch (None: the latest).
        self.maps = ByEpoch(MAX_MAPS)
        self.replay_epoch: int | None = None
        self._predictions = None  # the latest test predictions, to count
        self._curves_dirty = False
        self.counts: np.ndarray | None = None  # the confusion matrix shown
        self._clock = frame_clock.shared()
        self._clock.add(self, self.redraw)
        self.retranslate()

    def retranslate(self) -> None:
        self.acc_plot.setLabel("bottom", translate("Classes", "epoch"))
        self.acc_plot.setLabel("left", translate("Classes", "accuracy"))
        self.matrix_label.setText(translate(
            "Classes", "Confusion matrix of the test rows (rows: true class, columns: predicted)"))
        self._label_matrix()

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # ------------------------------------------------------------ data in
    def set_data(self, class_names, truth, points=None) -> None:
        """A new model's classes and test truth; `points` (x_train, y_train,
        x_test, y_test) for a 2-D problem, whose map is then shown."""
        self.class_names = tuple(class_names)
        self.truth = np.asarray(truth, dtype=np.int64)
        k = len(self.class_names)
        self.matrix.setRowCount(k)
        self.matrix.setColumnCount(k)
        self._label_matrix()
        self.map_view.setVisible(points is not None)
        self.map_legend.clear()
        if points is not None:
            x_train, y_train, x_test, y_test = points
            brushes = [pg.mkBrush(CLASS_COLOURS[i % 10]) for i in range(k)]
            self.train_points.setData(x_train[:, 0], x_train[:, 1],
                                      brush=[brushes[int(c)] for c in y_train])
            self.test_points.setData(x_test[:, 0], x_test[:, 1],
                                     brush=[brushes[int(c)] for c in y_test])
            for i, name in enumerate(self.class_names):
                sample = pg.ScatterPlotItem(size=8, brush=brushes[i], pen=None)
                self.map_legend.addItem(sample, translate("Classes", "class {name}").format(name=name))
            self.map_legend.addItem(pg.ScatterPlotItem(size=8, symbol="s", brush=None,
                                                       pen=pg.mkPen("#000000")),
                                    translate("Classes", "test rows"))
        self.image.clear()
        self.counts = None
        self.start_over()

    def start_over(self) -> None:
        """A new model or a fresh run: the maps kept are not its."""
        self.maps.clear()
        self.replay_epoch = None

    def set_history(self, history: dict) -> None:
        for series in (self.epochs, self.acc, self.val_epochs, self.val):
            series.clear()
        acc = history.get("accuracy", [])
        self.epochs.extend(np.arange(1, len(acc) + 1))
        self.acc.extend(acc)
        val = history.get("val_accuracy", [])
        self.val_epochs.extend(np.arange(len(acc) - len(val) + 1, len(acc) + 1))
        self.val.extend(val)
        self._curves_dirty = True
        self._clock.request()

    def add_epoch(self, epoch: int, logs: dict) -> None:
        if "accuracy" in logs:
            self.epochs.extend([epoch])
            self.acc.extend([logs["accuracy"]])
        if "val_accuracy" in logs:
            self.val_epochs.extend([epoch])
            self.val.extend([logs["val_accuracy"]])
        self._curves_dirty = True
        self._clock.request()

    @Slot(int, object)
    def set_map(self, epoch: int, decision: dict) -> None:
        self.maps.keep(epoch, decision)
        if self.replay_epoch is None:
            self._map = decision
            self._clock.request()

    @Slot(object)
    def show_epoch(self, epoch: int | None) -> None:
        """Follow the replay slider: the map at or before `epoch` (None: the latest)."""
        if epoch == self.replay_epoch:
            return  # the Training tab says "latest" with every frame of a run
        self.replay_epoch = epoch
        shown = self.maps.shown(epoch)
        if shown is not None:
            self._map = self.maps[shown]
            self._clock.request()

    def shown_map_epoch(self) -> int | None:
        return self.maps.shown(self.replay_epoch)

    def set_predictions(self, predictions) -> None:
        self._predictions = predictions
        self._clock.request()

    # ------------------------------------------------------------ drawing
    def predicted_classes(self, predictions) -> np.ndarray:
        return predicted_classes(predictions, len(self.class_names))

    @Slot()
    def redraw(self) -> bool:
        drew = False
        if self._map is not None:
            m, self._map = self._map, None
            xs, ys = m["xs"], m["ys"]
            if m["classes"] == 2:
                self.image.setLookupTable(_probability_lut())
                self.image.setImage(m["values"], levels=(0.0, 1.0), autoLevels=False)
            else:
                self.image.setLookupTable(_classes_lut(m["classes"]))
                self.image.setImage(m["values"], levels=(0, m["classes"] - 1), autoLevels=False)
            self.image.setRect(QRectF(float(xs[0]), float(ys[0]), float(xs[-1] - xs[0]),
                                      float(ys[-1] - ys[0])))
            drew = True
        if self._predictions is not None and len(self._predictions) == len(self.truth):
            p, self._predictions = self._predictions, None
            self.counts = confusion(self.predicted_classes(p), self.truth, len(self.class_names))
            for i in range(len(self.class_names)):
                for j in range(len(self.class_names)):
                    item = self.matrix.item(i, j)
                    if item is None:
                        item = QTableWidgetItem()
                        item.setTextAlignment(Qt.AlignCenter)
                        self.matrix.setItem(i, j, item)
                    item.setText(str(int(self.counts[i, j])))
                    if i == j:  # the hits, pale: the numbers must stay readable
                        item.setBackground(pg.mkColor("#dff0d8"))
            drew = True
        if self._curves_dirty:
            self._curves_dirty = False
            self.acc_curve.setData(self.epochs.view, self.acc.view)
            self.val_curve.setData(self.val_epochs.view, self.val.view)
            drew = True
        return drew

    def shown_map(self) -> np.ndarray | None:
        return self.image.image

    def _label_matrix(self) -> None:
        names = list(self.class_names)
        self.matrix.setHorizontalHeaderLabels(names)
        self.matrix.setVerticalHeaderLabels(names)
