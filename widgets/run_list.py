"""The run list: one row a kept run, ticked rows overlaid in one plot.

Fed with plain rows (RunRow) by the app; it never reads the disk itself. A run
keeps one colour (Okabe-Ito) while it is ticked: solid for loss, dashed for
val_loss, named in the legend by what differs between the ticked runs.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import (QAbstractTableModel, QCoreApplication, QEvent, QModelIndex, Qt,
                            Signal, Slot)
from PySide6.QtWidgets import (QAbstractItemView, QHBoxLayout, QHeaderView, QLabel,
                               QPushButton, QSplitter, QTableView, QVBoxLayout, QWidget)

from . import frame_clock, numbers, style
from .axes import EpochAxis, ValueAxis
from .plot_export import plot_menu
from .plots import legend_row

translate = QCoreApplication.translate
# Okabe & Ito's colour-blind-safe palette, black (the text's colour) left out.
OKABE_ITO = ("#E69F00", "#56B4E9", "#009E73", "#0072B2", "#D55E00", "#CC79A7", "#999999",
             "#F0E442")  # the yellow, hardest to see on white, last


@dataclass
class RunRow:
    """What the list shows of a run; `history` only for overlays."""
    id: str
    name: str
    date: str
    differs: str
    epochs: int
    loss: float | None
    val_loss: float | None
    test_mae: float | None
    status: str
    problem: str = ""
    history: dict = field(default_factory=dict)
    # The run's settings as text, by setting name, for naming overlays.
    settings: dict = field(default_factory=dict)


def status_text(status: str) -> str:
    texts = {
        "running": translate("RunList", "running"),
        "finished": translate("RunList", "finished"),
        "stopped": translate("RunList", "stopped"),
        "early-stopped": translate("RunList", "early-stopped"),
        "diverged": translate("RunList", "diverged"),
        "interrupted": translate("RunList", "interrupted"),
    }
    return texts.get(status, status)


def overlay_names(rows: list[RunRow]) -> list[str]:
    """Each run named by the settings in which the ticked runs differ:
    "relu, learning rate 0.01" against "sigmoid, learning rate 0.01"."""
    if len(rows) < 2:
        return [r.name for r in rows]
    keys = [k for k in rows[0].settings
            if len({r.settings.get(k) for r in rows}) > 1]
    names = []
    for r in rows:
        parts = [r.settings[k] for k in keys if k in r.settings]
        names.append(", ".join(parts) if parts else r.name)
    if len(set(names)) < len(names):  # the same settings: the names tell them apart
        names = [f"{n} ({r.name})" for n, r in zip(names, rows)]
    return names


class RunTableModel(QAbstractTableModel):
    ticksChanged = Signal()
    renamed = Signal(str, str)  # run id, new name
    COLUMNS = ("name", "date", "differs", "epochs", "loss", "val_loss", "test_mae", "status")

    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list[RunRow] = []
        self.ticked: set[str] = set()

    def set_rows(self, rows: list[RunRow]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.ticked &= {r.id for r in rows}
        self.endResetModel()
        self.ticksChanged.emit()

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section, orientation, role=Qt.DisplayRole):
        if orientation != Qt.Horizontal or role != Qt.DisplayRole:
            return None
        return (self.tr("Name"), self.tr("Date"), self.tr("What differs"), self.tr("Epochs"),
                "loss", "val_loss", self.tr("Test MAE"), self.tr("Status"))[section]

    def flags(self, index):
        f = Qt.ItemIsEnabled | Qt.ItemIsSelectable
        if index.column() == 0:
            f |= Qt.ItemIsUserCheckable | Qt.ItemIsEditable
        return f

    def data(self, index, role=Qt.DisplayRole):
        row = self.rows[index.row()]
        column = self.COLUMNS[index.column()]
        if role == Qt.CheckStateRole and column == "name":
            return Qt.Checked if row.id in self.ticked else Qt.Unchecked
        if role == Qt.ToolTipRole:
            if row.problem:
                return translate("Runs", row.problem)
            return row.differs or None
        if role == Qt.ForegroundRole and row.problem:
            return pg.mkColor("#b02a37")
        if role not in (Qt.DisplayRole, Qt.EditRole):
            return None
        if column == "name":
            return row.name
        if column == "date":
            return row.date.replace("T", " ")[:16]
        if column == "differs":
            return translate("Runs", row.problem) if row.problem else row.differs
        if column == "epochs":
            return numbers.whole(row.epochs)
        if column in ("loss", "val_loss", "test_mae"):
            value = getattr(row, column)
            return "" if value is None else numbers.short(value)
        return status_text(row.status)

    def setData(self, index, value, role=Qt.EditRole):
        row = self.rows[index.row()]
        if index.column() == 0 and role == Qt.CheckStateRole:
            checked = Qt.CheckState(value) == Qt.Checked if not isinstance(value, bool) else value
            (self.ticked.add if checked else self.ticked.discard)(row.id)
            self.dataChanged.emit(index, index, [role])
            self.ticksChanged.emit()
            return True
        if index.column() == 0 and role == Qt.EditRole and str(value).strip():
            row.name = str(value).strip()
            self.dataChanged.emit(index, index, [role])
            self.renamed.emit(row.id, row.name)
            self.ticksChanged.emit()
            return True
        return False

    def tick(self, run_id: str, on: bool = True) -> None:
        for i, row in enumerate(self.rows):
            if row.id == run_id:
                self.setData(self.index(i, 0), Qt.Checked if on else Qt.Unchecked,
                             Qt.CheckStateRole)

    def ticked_rows(self) -> list[RunRow]:
        return [r for r in self.rows if r.id in self.ticked]


class RunList(QWidget):
    openRequested = Signal(str)     # run id
    deleteRequested = Signal(list)  # run ids
    renamed = Signal(str, str)      # run id, new name

    def __init__(self, parent=None):
        super().__init__(parent)
        self.model = RunTableModel(self)
        self.table = QTableView()
        self.table.setObjectName("runTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.DoubleClicked | QAbstractItemView.EditKeyPressed)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.Stretch)
        self.table.doubleClicked.connect(self._double_clicked)
        self.open_button = QPushButton()
        self.open_button.clicked.connect(self._open_selected)
        self.delete_button = QPushButton()
        self.delete_button.clicked.connect(self._delete_selected)
        self.folder_label = QLabel()
        self.folder_label.setTextInteractionFlags(Qt.TextSelectableByMouse)
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.delete_button)
        buttons.addWidget(self.folder_label, 1)

        self.plot_widget = pg.GraphicsLayoutWidget()
        self.legend = legend_row(self.plot_widget, 2)
        self.plot = self.plot_widget.addPlot(row=1, col=0, axisItems={
            "bottom": EpochAxis("bottom"), "left": ValueAxis("left")})
        style.style_plot(self.plot)
        self.plot.setClipToView(True)
        self.plot.setDownsampling(auto=True, mode="peak")
        plot_menu(self.plot_widget, "runs", self.reset_view)
        self.log_scale = False
        # Curves made once per colour slot and reused: ticking draws, it does not build.
        self._curves = [(self.plot.plot(skipFiniteCheck=True, antialias=True),
                         self.plot.plot(skipFiniteCheck=True, antialias=True))
                        for _ in OKABE_ITO]
        for pair in self._curves:
            for curve in pair:
                # About one min/max pair per pixel, as the loss plot draws:
                # ten runs of 10,000 epochs are then a few thousand points.
                curve.opts["autoDownsampleFactor"] = 1.0
        self._colour_of: dict[str, int] = {}
        self._dirty = False
        self._clock = frame_clock.shared()
        self._clock.add(self, self.redraw)
        self.model.ticksChanged.connect(self._ticks_changed)
        self.model.renamed.connect(self.renamed)

        splitter = QSplitter(Qt.Vertical)
        top = QWidget()
        top_box = QVBoxLayout(top)
        top_box.setContentsMargins(0, 0, 0, 0)
        top_box.addWidget(self.table, 1)
        top_box.addLayout(buttons)
        splitter.addWidget(top)
        splitter.addWidget(self.plot_widget)
        splitter.setSizes([250, 350])
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(splitter)
        self.retranslate()

    def retranslate(self) -> None:
        self.open_button.setText(self.tr("Open"))
        self.open_button.setToolTip(self.tr("Make the chosen run the Training tab's model, to "
                                            "look at it or train it further"))
        self.delete_button.setText(self.tr("Delete…"))
        self.delete_button.setToolTip(self.tr("Delete the chosen runs' folders, after asking"))
        self.table.setToolTip(self.tr("Tick runs to overlay their loss (solid) and val_loss "
                                      "(dashed); double-click a name to rename it"))
        self.plot.setLabel("bottom", self.tr("epoch"))
        self.plot.setLabel("left", self.tr("loss"))
        self.model.headerDataChanged.emit(Qt.Horizontal, 0, len(RunTableModel.COLUMNS) - 1)
        self._dirty = True
        self._clock.request()

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def set_folder(self, text: str) -> None:
        self.folder_label.setText(text)

    def set_rows(self, rows: list[RunRow]) -> None:
        self.model.set_rows(rows)

    def selected_ids(self) -> list[str]:
        return [self.model.rows[i.row()].id for i in self.table.selectionModel().selectedRows()]

    @Slot()
    def _open_selected(self) -> None:
        ids = self.selected_ids()
        if ids:
            self.openRequested.emit(ids[0])

    @Slot()
    def _delete_selected(self) -> None:
        ids = self.selected_ids()
        if ids:
            self.deleteRequested.emit(ids)

    @Slot(QModelIndex)
    def _double_clicked(self, index) -> None:
        if index.column() != 0:
            self.openRequested.emit(self.model.rows[index.row()].id)

    # ------------------------------------------------------------ overlays
    @Slot()
    def _ticks_changed(self) -> None:
        ticked = {r.id for r in self.model.ticked_rows()}
        # A run keeps its colour while ticked; new ones take the first free slot.
        self._colour_of = {k: v for k, v in self._colour_of.items() if k in ticked}
        for run_id in (r.id for r in self.model.ticked_rows()):
            if run_id not in self._colour_of:
                free = [i for i in range(len(OKABE_ITO)) if i not in self._colour_of.values()]
                if free:
                    self._colour_of[run_id] = free[0]
        self._dirty = True
        self._clock.request()

    def set_log_scale(self, on: bool) -> None:
        self.log_scale = on
        self.plot.setLogMode(y=on)
        self._dirty = True
        self._clock.request()

    def reset_view(self) -> None:
        self.plot.enableAutoRange(x=True, y=True)

    @Slot()
    def redraw(self) -> bool:
        if not self._dirty:
            return False
        self._dirty = False
        rows = [r for r in self.model.ticked_rows() if r.id in self._colour_of]
        names = overlay_names(rows)
        self.legend.clear()
        used = set()
        for row, name in zip(rows, names):
            slot = self._colour_of[row.id]
            used.add(slot)
            colour = OKABE_ITO[slot]
            loss_curve, val_curve = self._curves[slot]
            loss = np.asarray(row.history.get("loss", []), dtype=float)
            val = np.asarray(row.history.get("val_loss", []), dtype=float)
            # 1-px lines: a wider antialiased stroke costs many times as much.
            loss_curve.setPen(style.pen(colour, width=style.text_scale()))
            val_curve.setPen(style.pen(colour, width=style.text_scale(), dashed=True))
            loss_curve.setData(np.arange(1, len(loss) + 1), loss)
            val_curve.setData(np.arange(len(loss) - len(val) + 1, len(loss) + 1), val)
            loss_curve.show()
            val_curve.setVisible(len(val) > 0)
            self.legend.addItem(loss_curve, name)
        for slot, (loss_curve, val_curve) in enumerate(self._curves):
            if slot not in used:
                loss_curve.hide()
                val_curve.hide()
                loss_curve.clear()
                val_curve.clear()
        return True
