"""The experiment panel: the network's layers and every training setting, with the lecture's presets.

Every field is a spin box or a list, so no invalid value can be typed in; what
only the combination can get wrong (early stopping without a validation share)
is reported by Experiment.validate() when Start is pressed.
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QSize, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView, QCheckBox, QComboBox, QDoubleSpinBox, QFormLayout, QGroupBox,
    QHBoxLayout, QHeaderView, QLabel, QPushButton, QScrollArea, QSpinBox, QTableWidget, QVBoxLayout,
    QWidget)

from training.experiment import (
    ACTIVATIONS, LIMITS, LOSSES, OPTIMIZERS, PRESETS, Experiment, LayerSpec, differences)
from training.data import TOY

from . import numbers

translate = QCoreApplication.translate


def _int_box(limit: str, **kw) -> QSpinBox:
    return QSpinBox(minimum=int(LIMITS[limit].low), maximum=int(LIMITS[limit].high), **kw)


def layers_text(layers) -> str:
    return ", ".join(f"{s.units} {s.activation}" + ("" if s.use_bias else " " + translate(
        "Settings", "without bias")) for s in layers)


def setting_text(name: str, e: Experiment) -> str:
    """One setting of `e` as a reader names it: "learning rate 0.01"."""
    if name == "layers":
        return translate("Settings", "layers {layers}").format(layers=layers_text(e.layers))
    if name == "learning_rate":
        return translate("Settings", "learning rate {value}").format(value=numbers.short(e.learning_rate))
    if name == "epochs":
        return translate("Settings", "{value} epochs").format(value=numbers.whole(e.epochs))
    if name == "batch_size":
        return translate("Settings", "batch size {value}").format(value=numbers.whole(e.batch_size))
    if name == "validation_split":
        return translate("Settings", "validation share {value} %").format(value=numbers.whole(round(e.validation_split * 100)))
    if name == "seed":
        return translate("Settings", "seed {value}").format(value=numbers.whole(e.seed))
    if name == "standardize":
        return translate("Settings", "standardised features") if e.standardize else translate("Settings", "raw features")
    if name == "shuffle":
        return translate("Settings", "shuffled") if e.shuffle else translate("Settings", "not shuffled")
    if name == "early_stopping":
        return translate("Settings", "early stopping") if e.early_stopping else translate("Settings", "no early stopping")
    if name == "patience":
        return translate("Settings", "patience {value}").format(value=numbers.whole(e.patience))
    if name == "restore_best_weights":
        return translate("Settings", "best weights restored") if e.restore_best_weights else translate("Settings", "last weights kept")
    if name == "initial_weights":
        return translate("Settings", "start weights drawn from the seed") if e.initial_weights is None else translate(
            "Settings", "start weights set")
    return str(getattr(e, name))  # loss, optimizer: Keras's own names


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
            self.preset.addItem("", name)
        self.description = QLabel(wordWrap=True)
        self.description.setObjectName("description")
        self.description.setTextFormat(Qt.RichText)

        self.layers = QTableWidget(0, 3)
        self.layers.horizontalHeader().setSectionResizeMode(QHeaderView.Stretch)
        self._fit_rows()
        self.layers.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.layers.setSelectionMode(QAbstractItemView.SingleSelection)
        self.layers.setMinimumHeight(130)
        # Tab moves on through the rows' editors and out of the table, not
        # from cell to cell for ever.
        self.layers.setTabKeyNavigation(False)
        self.add_layer = QPushButton()
        self.remove_layer = QPushButton()
        self.add_layer.clicked.connect(self._add_layer_clicked)
        self.remove_layer.clicked.connect(self._remove_layer_clicked)

        self.loss = QComboBox()
        for key in LOSSES:
            self.loss.addItem("", key)
        self.optimizer = QComboBox()
        for key in OPTIMIZERS:
            self.optimizer.addItem(key, key)
        lr = LIMITS["learning_rate"]
        self.learning_rate = QDoubleSpinBox(decimals=5, minimum=lr.low, maximum=lr.high,
                                            singleStep=0.0005)
        self.epochs = _int_box("epochs", singleStep=100)
        self.batch_size = _int_box("batch_size")
        self.validation = _int_box("validation_percent", suffix=" %")
        self.seed = _int_box("seed")
        # The 2-D problems' points: their jitter and the seed they are drawn from.
        self.noise = QDoubleSpinBox(decimals=2, minimum=0.0, maximum=1.0, singleStep=0.05)
        self.data_seed = _int_box("seed")
        self.standardize = QCheckBox()
        self.early = QGroupBox(checkable=True)
        self.patience = _int_box("patience")
        self.restore_best = QCheckBox()
        self.labels = {w: QLabel() for w in (self.loss, self.optimizer, self.learning_rate,
                                             self.epochs, self.batch_size, self.validation,
                                             self.seed, self.patience, self.noise,
                                             self.data_seed)}
        for field, label in self.labels.items():
            label.setBuddy(field)
        early_form = QFormLayout(self.early)
        early_form.addRow(self.labels[self.patience], self.patience)
        early_form.addRow(self.restore_best)

        layer_buttons = QHBoxLayout()
        layer_buttons.addWidget(self.add_layer)
        layer_buttons.addWidget(self.remove_layer)
        form = QFormLayout()
        for field in (self.loss, self.optimizer, self.learning_rate, self.epochs,
                      self.batch_size, self.validation, self.seed, self.noise, self.data_seed):
            form.addRow(self.labels[field], field)
        form.addRow(self.standardize)
        self.form = form

        self.experiment_label = QLabel()
        self.layers_label = QLabel()
        box = QVBoxLayout(self)
        box.addWidget(self.experiment_label)
        box.addWidget(self.preset)
        box.addWidget(self.description)
        box.addWidget(self.layers_label)
        box.addWidget(self.layers)
        box.addLayout(layer_buttons)
        box.addLayout(form)
        box.addWidget(self.early)
        box.addStretch(1)

        for w in (self.loss, self.optimizer):
            w.currentIndexChanged.connect(self._emit_changed)
        for w in (self.learning_rate, self.epochs, self.batch_size, self.validation,
                  self.seed, self.patience, self.noise, self.data_seed):
            w.valueChanged.connect(self._emit_changed)
        for w in (self.early, self.restore_best, self.standardize):
            w.toggled.connect(self._emit_changed)
        self.changed.connect(self._show_description)
        self.preset.currentIndexChanged.connect(self._preset_changed)
        self.set_experiment(experiment)
        self.retranslate()

    # ------------------------------------------------------------ texts
    def retranslate(self) -> None:
        for i, name in enumerate(PRESETS):
            self.preset.setItemText(i, translate("Presets", PRESETS[name].title) or name)
        self.preset.setToolTip(self.tr("The lecture's experiments; choosing one replaces the model."))
        self.experiment_label.setText(self.tr("Experiment"))
        self.layers_label.setText(self.tr("Dense layers (input → output)"))
        self.layers.setHorizontalHeaderLabels([self.tr("Units"), self.tr("Activation"), self.tr("Bias")])
        self.layers.setToolTip(self.tr(
            "keras.Sequential of Dense layers: units, activation and use_bias per layer. "
            "The last layer predicts the target: 1 unit, usually linear."))
        self.add_layer.setText(self.tr("Add layer"))
        self.add_layer.setToolTip(self.tr("A hidden Dense(10, activation=\"relu\") before the output layer."))
        self.remove_layer.setText(self.tr("Remove layer"))
        self.remove_layer.setToolTip(self.tr("Removes the chosen layer, or else the last hidden one."))
        labels = {self.loss: self.tr("Loss"), self.optimizer: self.tr("Optimizer"),
                  self.learning_rate: self.tr("Learning rate"), self.epochs: self.tr("Epochs"),
                  self.batch_size: self.tr("Batch size"), self.validation: self.tr("Validation share"),
                  self.seed: self.tr("Seed"), self.patience: self.tr("Patience (epochs)"),
                  self.noise: self.tr("Noise"), self.data_seed: self.tr("Seed of the points")}
        for field, text in labels.items():
            self.labels[field].setText(text)
        self.loss.setItemText(self.loss.findData("mse"), self.tr("MSE (mean squared error)"))
        self.loss.setItemText(self.loss.findData("mae"), self.tr("MAE (mean absolute error)"))
        self.loss.setItemText(self.loss.findData("binary_crossentropy"),
                              self.tr("Binary cross-entropy"))
        self.loss.setItemText(self.loss.findData("sparse_categorical_crossentropy"),
                              self.tr("Categorical cross-entropy"))
        self.noise.setToolTip(self.tr("How far the 2-D problem's points scatter from their "
                                      "clean shape (0: none)."))
        self.data_seed.setToolTip(self.tr("The seed the 2-D problem's points are drawn from; "
                                          "Seed above draws the weights and the split."))
        tips = {
            self.loss: self.tr("The loss function compile(loss=...) minimises: MSE squares every "
                          "error, so large errors weigh most; MAE takes them as they are. For "
                          "classes: binary cross-entropy (2 classes, 1 sigmoid unit) or sparse "
                          "categorical cross-entropy (a softmax unit per class)."),
            self.optimizer: self.tr("How compile(optimizer=...) turns gradients into steps: sgd "
                               "steps by learning rate × gradient; adam and rmsprop adapt the "
                               "step per weight."),
            self.learning_rate: self.tr("The optimizer's step size. Too large and the loss jumps "
                                   "or becomes NaN; too small and training crawls."),
            self.epochs: self.tr("fit(epochs=...): how often the whole training set is passed "
                            "through the net."),
            self.batch_size: self.tr("fit(batch_size=...): samples per gradient step. An epoch makes "
                                "training rows ÷ batch size updates; 1 is per-sample SGD."),
            self.validation: self.tr("The share of the training rows held out as the validation set "
                                "for val_loss; drawn at random from the seed."),
            self.seed: self.tr("keras.utils.set_random_seed: the same seed gives the same start "
                          "weights, validation rows and shuffling."),
            self.patience: self.tr("EarlyStopping(patience=...): epochs without a better val_loss "
                              "before training stops."),
            self.standardize: self.tr("Scale every feature to mean 0 and deviation 1 on the training "
                                 "rows. The lecture's slides train on the raw features."),
            self.restore_best: self.tr("EarlyStopping(restore_best_weights=True): at the end, the "
                                  "weights of the epoch with the best val_loss come back."),
        }
        for field, tip in tips.items():
            field.setToolTip(tip)
            if field in self.labels:
                self.labels[field].setToolTip(tip)
        self.standardize.setText(self.tr("Standardise features"))
        self.early.setTitle(self.tr("Early stopping (monitor val_loss)"))
        self.early.setToolTip(self.tr("keras.callbacks.EarlyStopping(monitor=\"val_loss\"): stops "
                                 "when the validation loss no longer improves. Needs a "
                                 "validation share."))
        self.restore_best.setText(self.tr("Restore best weights"))
        self._show_description()

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.LanguageChange:
            self.retranslate()
        elif event.type() == QEvent.FontChange:
            self._fit_rows()
        super().changeEvent(event)

    def _fit_rows(self) -> None:
        # Each row holds a spin box and a list: as tall as they are at this
        # font, or Larger text cuts them (28 px fits only the normal size).
        combo, spin = QComboBox(), QSpinBox()
        combo.setFont(self.font())
        spin.setFont(self.font())
        need = max(combo.sizeHint().height(), spin.sizeHint().height())
        self.layers.verticalHeader().setDefaultSectionSize(max(28, need + 2))

    @Slot()
    def _show_description(self) -> None:
        """The preset's description; once edited, what differs from it."""
        base = PRESETS.get(self._base.name, self._base)
        text = translate("Presets", base.description)
        changed = differences(base, self.experiment())
        if changed:
            text += "<br><i>" + self.tr("Changed from the preset: {changes}.").format(
                changes=", ".join(setting_text(name, self.experiment()) for name in changed)) + "</i>"
        self.description.setText(text)

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
        holder.setFocusProxy(bias)
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
        self._chain_tab_order()

    def _chain_tab_order(self) -> None:
        """Tab: preset, the table, each row's units, activation and bias,
        then out of the table to the layer buttons (Shift+Tab the way back)."""
        chain = [self.preset, self.layers]
        for row in range(self.layers.rowCount()):
            chain += [self.layers.cellWidget(row, 0), self.layers.cellWidget(row, 1),
                      self.layers.cellWidget(row, 2).findChild(QCheckBox)]
        chain += [self.add_layer, self.remove_layer, self.loss]
        for a, b in zip(chain, chain[1:]):
            QWidget.setTabOrder(a, b)

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
            self._chain_tab_order()
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
        self.set_layers(e.layers)
        self._loading = True
        self.loss.setCurrentIndex(self.loss.findData(e.loss))
        self.optimizer.setCurrentIndex(self.optimizer.findData(e.optimizer))
        self.learning_rate.setValue(e.learning_rate)
        self.epochs.setValue(e.epochs)
        self.batch_size.setValue(e.batch_size)
        self.validation.setValue(round(e.validation_split * 100))
        self.seed.setValue(e.seed)
        self.standardize.setChecked(e.standardize)
        self.early.setChecked(e.early_stopping)
        self.patience.setValue(e.patience)
        self.restore_best.setChecked(e.restore_best_weights)
        self.noise.setValue(e.noise)
        self.data_seed.setValue(e.data_seed)
        toy = e.dataset in TOY
        for w in (self.noise, self.data_seed):
            self.form.setRowVisible(w, toy)
        # Data sets without features to scale (AND, the paths) have no use for it.
        self.standardize.setEnabled(e.dataset == "boston")
        self._loading = False
        self._show_description()

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
            standardize=self.standardize.isChecked(),
            early_stopping=self.early.isChecked(),
            patience=self.patience.value(),
            restore_best_weights=self.restore_best.isChecked(),
            noise=self.noise.value(),
            data_seed=self.data_seed.value(),
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


class PanelArea(QScrollArea):
    """The panel in a scroll area that scrolls only up and down and is never
    narrower than the panel needs: at 1024x768 a fixed minimum let the panel's
    spin boxes and lists run past its right edge, behind a horizontal scroll bar."""

    def __init__(self, panel: QWidget, parent=None):
        super().__init__(parent, widgetResizable=True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.setWidget(panel)
        panel.installEventFilter(self)

    def _width(self, panel_width: int) -> int:
        return panel_width + self.verticalScrollBar().sizeHint().width() + 2 * self.frameWidth()

    def minimumSizeHint(self) -> QSize:
        return QSize(self._width(self.widget().minimumSizeHint().width()),
                     super().minimumSizeHint().height())

    def sizeHint(self) -> QSize:
        return QSize(self._width(self.widget().sizeHint().width()), super().sizeHint().height())

    def eventFilter(self, watched, event) -> bool:
        # Larger text, another language or a new layer row: the panel's needs change.
        if watched is self.widget() and event.type() == QEvent.LayoutRequest:
            self.updateGeometry()
        return super().eventFilter(watched, event)
