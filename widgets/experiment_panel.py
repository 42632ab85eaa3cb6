"""The experiment panel: the network's layers and every training setting, with the lecture's presets.

Every field is a spin box or a list, so no invalid value can be typed in; what
only the combination can get wrong (early stopping without a validation share)
is reported by Experiment.validate() when Start is pressed.
"""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView, QCheckBox, QComboBox, QDoubleSpinBox, QFormLayout, QGroupBox,
    QHBoxLayout, QHeaderView, QLabel, QPushButton, QSpinBox, QTableWidget, QVBoxLayout, QWidget)

from training.experiment import (
    ACTIVATIONS, LIMITS, LOSSES, OPTIMIZERS, PRESETS, Experiment, LayerSpec)

LOSS_LABELS = {"mse": "MSE (mean squared error)", "mae": "MAE (mean absolute error)"}


def _int_box(limit: str, **kw) -> QSpinBox:
    return QSpinBox(minimum=int(LIMITS[limit].low), maximum=int(LIMITS[limit].high), **kw)


class ExperimentPanel(QWidget):
    # The user picked another preset: the owner applies it (set_experiment)
    # or, when the current model is not to be replaced, takes it back
    # (revert_preset).
    presetRequested = Signal(object)   # Experiment
    changed = Signal()

    def __init__(self, experiment: Experiment, parent=None):
        super().__init__(parent)
        self._base = experiment
        self._loading = False

        self.preset = QComboBox()
        for name, e in PRESETS.items():
            self.preset.addItem(e.title or name, name)
        self.preset.setToolTip("The lecture's experiments")
        self.description = QLabel(wordWrap=True)
        self.description.setObjectName("description")

        self.layers = QTableWidget(0, 3)
        self.layers.setHorizontalHeaderLabels(["Units", "Activation", "Bias"])
        self.layers.horizontalHeader().setSectionResizeMode(QHeaderView.Stretch)
        self.layers.verticalHeader().setDefaultSectionSize(28)
        self.layers.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.layers.setSelectionMode(QAbstractItemView.SingleSelection)
        self.layers.setMinimumHeight(130)
        self.add_layer = QPushButton("Add layer")
        self.remove_layer = QPushButton("Remove layer")
        self.add_layer.clicked.connect(self._add_layer_clicked)
        self.remove_layer.clicked.connect(self._remove_layer_clicked)

        self.loss = QComboBox()
        for key in LOSSES:
            self.loss.addItem(LOSS_LABELS[key], key)
        self.optimizer = QComboBox()
        for key in OPTIMIZERS:
            self.optimizer.addItem(key, key)
        lr = LIMITS["learning_rate"]
        self.learning_rate = QDoubleSpinBox(decimals=5, minimum=lr.low, maximum=lr.high,
                                            singleStep=0.0005)
        self.epochs = _int_box("epochs", singleStep=100)
        self.batch_size = _int_box("batch_size")
        self.validation = _int_box("validation_percent", suffix=" %")
        self.validation.setToolTip("Share of the training rows held out for val_loss, drawn at random from the seed")
        self.seed = _int_box("seed")
        self.early = QGroupBox("Early stopping (monitor val_loss)", checkable=True)
        self.patience = _int_box("patience")
        self.restore_best = QCheckBox("Restore best weights")
        early_form = QFormLayout(self.early)
        early_form.addRow("Patience (epochs)", self.patience)
        early_form.addRow(self.restore_best)

        layer_buttons = QHBoxLayout()
        layer_buttons.addWidget(self.add_layer)
        layer_buttons.addWidget(self.remove_layer)
        form = QFormLayout()
        form.addRow("Loss", self.loss)
        form.addRow("Optimizer", self.optimizer)
        form.addRow("Learning rate", self.learning_rate)
        form.addRow("Epochs", self.epochs)
        form.addRow("Batch size", self.batch_size)
        form.addRow("Validation share", self.validation)
        form.addRow("Seed", self.seed)

        box = QVBoxLayout(self)
        box.addWidget(QLabel("Experiment"))
        box.addWidget(self.preset)
        box.addWidget(self.description)
        box.addWidget(QLabel("Dense layers (input → output)"))
        box.addWidget(self.layers)
        box.addLayout(layer_buttons)
        box.addLayout(form)
        box.addWidget(self.early)
        box.addStretch(1)

        for w in (self.loss, self.optimizer):
            w.currentIndexChanged.connect(self._emit_changed)
        for w in (self.learning_rate, self.epochs, self.batch_size, self.validation,
                  self.seed, self.patience):
            w.valueChanged.connect(self._emit_changed)
        self.early.toggled.connect(self._emit_changed)
        self.restore_best.toggled.connect(self._emit_changed)
        self.preset.currentIndexChanged.connect(self._preset_changed)
        self.set_experiment(experiment)

    # ------------------------------------------------------------ layers
    def _add_row(self, spec: LayerSpec, row: int | None = None) -> None:
        row = self.layers.rowCount() if row is None else row
        self.layers.insertRow(row)
        units = _int_box("units", value=spec.units)
        act = QComboBox()
        act.addItems(ACTIVATIONS)
        act.setCurrentText(spec.activation)
        bias = QCheckBox()
        bias.setChecked(spec.use_bias)
        holder = QWidget()
        lay = QHBoxLayout(holder)
        lay.addWidget(bias)
        lay.setAlignment(Qt.AlignCenter)
        lay.setContentsMargins(0, 0, 0, 0)
        units.valueChanged.connect(self._emit_changed)
        act.currentIndexChanged.connect(self._emit_changed)
        bias.toggled.connect(self._emit_changed)
        self.layers.setCellWidget(row, 0, units)
        self.layers.setCellWidget(row, 1, act)
        self.layers.setCellWidget(row, 2, holder)

    def layer_specs(self) -> tuple[LayerSpec, ...]:
        specs = []
        for row in range(self.layers.rowCount()):
            units = self.layers.cellWidget(row, 0).value()
            act = self.layers.cellWidget(row, 1).currentText()
            bias = self.layers.cellWidget(row, 2).findChild(QCheckBox).isChecked()
            specs.append(LayerSpec(units, act, bias))
        return tuple(specs)

    def set_layers(self, specs) -> None:
        self._loading = True
        self.layers.setRowCount(0)
        for spec in specs:
            self._add_row(spec)
        self._loading = False
        self._update_layer_buttons()

    @Slot()
    def _add_layer_clicked(self) -> None:
        if self.layers.rowCount() >= LIMITS["layers"].high:
            return
        # A new hidden layer goes before the output layer.
        row = max(0, self.layers.rowCount() - 1)
        self._add_row(LayerSpec(10, "relu"), row)
        self._update_layer_buttons()
        self._emit_changed()

    @Slot()
    def _remove_layer_clicked(self) -> None:
        row = self.layers.currentRow()
        if row < 0:
            row = self.layers.rowCount() - 2  # the last hidden layer
        if self.layers.rowCount() > 1 and row >= 0:
            self.layers.removeRow(row)
        self._update_layer_buttons()
        self._emit_changed()

    def _update_layer_buttons(self) -> None:
        rows = self.layers.rowCount()
        self.remove_layer.setEnabled(self.isEnabled() and rows > 1)
        self.add_layer.setEnabled(self.isEnabled() and rows < LIMITS["layers"].high)

    # ------------------------------------------------------------ experiment
    def set_experiment(self, e: Experiment) -> None:
        self._loading = True
        self._base = e
        index = self.preset.findData(e.name)
        if index >= 0:
            self.preset.blockSignals(True)
            self.preset.setCurrentIndex(index)
            self.preset.blockSignals(False)
        self.description.setText(e.description)
        self.set_layers(e.layers)
        self.loss.setCurrentIndex(self.loss.findData(e.loss))
        self.optimizer.setCurrentIndex(self.optimizer.findData(e.optimizer))
        self.learning_rate.setValue(e.learning_rate)
        self.epochs.setValue(e.epochs)
        self.batch_size.setValue(e.batch_size)
        self.validation.setValue(round(e.validation_split * 100))
        self.seed.setValue(e.seed)
        self.early.setChecked(e.early_stopping)
        self.patience.setValue(e.patience)
        self.restore_best.setChecked(e.restore_best_weights)
        self._loading = False

    def experiment(self) -> Experiment:
        """The experiment as the panel shows it (not yet validated)."""
        return self._base.replace(
            layers=self.layer_specs(),
            loss=self.loss.currentData(),
            optimizer=self.optimizer.currentData(),
            learning_rate=self.learning_rate.value(),
            epochs=self.epochs.value(),
            batch_size=self.batch_size.value(),
            validation_split=self.validation.value() / 100,
            seed=self.seed.value(),
            early_stopping=self.early.isChecked(),
            patience=self.patience.value(),
            restore_best_weights=self.restore_best.isChecked(),
            # Edited layers no longer fit preset start weights.
            initial_weights=self._base.initial_weights
            if self.layer_specs() == self._base.layers else None)

    def setLocked(self, locked: bool) -> None:
        self.setEnabled(not locked)
        self._update_layer_buttons()

    @Slot(int)
    def _preset_changed(self, index: int) -> None:
        self.presetRequested.emit(PRESETS[self.preset.itemData(index)])

    def revert_preset(self) -> None:
        """Show the experiment's own preset again, after a refused change."""
        self.preset.blockSignals(True)
        self.preset.setCurrentIndex(max(0, self.preset.findData(self._base.name)))
        self.preset.blockSignals(False)

    @Slot()
    def _emit_changed(self, *_) -> None:
        if not self._loading:
            self.changed.emit()
