"""File → Open data…: a CSV file's first rows, and the choice of target,
features, task, test share and seed, checked as it is made (issue 14)."""
from __future__ import annotations

import os

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QAbstractItemView, QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout,
    QHeaderView,
    QLabel, QListWidget, QListWidgetItem, QSpinBox, QTableWidget, QTableWidgetItem, QVBoxLayout,
    QWidget)

from training import tabular
from training.errors import DataError
from training.experiment import REGRESSION_LOSSES, Experiment, output_for

from . import numbers

PREVIEW_ROWS = 20


class DataDialog(QDialog):
    def __init__(self, table: tabular.Table, path: str, base: Experiment, message_of,
                 parent: QWidget | None = None):
        """`message_of(error)`: the error as the window shows it (translated)."""
        super().__init__(parent)
        self.table, self.path, self.base, self._message_of = table, path, base, message_of
        self.setObjectName("dataDialog")
        self.setWindowTitle(self.tr("Open data: {name}").format(name=table.name))
        self.info = QLabel(self.tr("{rows} rows, {columns} columns").format(
            rows=numbers.whole(table.n_rows), columns=numbers.whole(len(table.columns))))
        self.preview = QTableWidget()
        self.preview.setObjectName("dataPreview")
        self.preview.setEditTriggers(QAbstractItemView.NoEditTriggers)
        rows = table.preview(PREVIEW_ROWS)
        self.preview.setColumnCount(len(table.columns))
        self.preview.setRowCount(len(rows))
        self.preview.setHorizontalHeaderLabels(table.columns)
        self.preview.setVerticalHeaderLabels([str(table.line(i)) for i in range(len(rows))])
        for i, row in enumerate(rows):
            for j, value in enumerate(row):
                self.preview.setItem(i, j, QTableWidgetItem(value))
        self.target = QComboBox(objectName="dataTarget")
        self.target.addItems(table.columns)
        self.target.setCurrentIndex(len(table.columns) - 1)  # the last column, as files often have it
        self.task = QComboBox(objectName="dataTask")
        self.task.addItem(self.tr("Regression (numbers)"), "regression")
        self.task.addItem(self.tr("Classification (classes)"), "classification")
        self.features = QListWidget(objectName="dataFeatures")
        self.test_share = QSpinBox(objectName="dataTestShare", minimum=5, maximum=50, value=20,
                                   suffix=" %")
        self.seed = QSpinBox(objectName="dataSeed", minimum=0, maximum=2**31 - 1, value=base.seed)
        self.fit_output = QCheckBox(self.tr("Make the output layer and loss fit the task"),
                                    objectName="dataFitOutput", checked=True)
        self.stats = QTableWidget(objectName="dataStats")
        self.stats.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.stats.setColumnCount(5)
        self.stats.horizontalHeader().setSectionResizeMode(QHeaderView.Stretch)
        self.stats.setWordWrap(True)
        self.stats.setHorizontalHeaderLabels([
            self.tr("feature"), self.tr("mean"), self.tr("deviation"),
            self.tr("mean after"), self.tr("deviation after")])
        self.message = QLabel(objectName="dataMessage", wordWrap=True)
        self.message.setStyleSheet("QLabel { color: #a00000; }")
        self.buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("Target column"), self.target)
        form.addRow(self.tr("Task"), self.task)
        form.addRow(self.tr("Test share"), self.test_share)
        form.addRow(self.tr("Seed of the split"), self.seed)
        form.addRow(self.fit_output)
        choose = QHBoxLayout()
        choose.addLayout(form, 1)
        features = QVBoxLayout()
        features.addWidget(QLabel(self.tr("Feature columns")))
        features.addWidget(self.features)
        choose.addLayout(features, 1)
        box = QVBoxLayout(self)
        box.addWidget(self.info)
        box.addWidget(self.preview, 2)
        box.addLayout(choose)
        box.addWidget(QLabel(self.tr("Each feature before and after standardisation "
                                     "(on the training rows)")))
        box.addWidget(self.stats, 1)
        box.addWidget(self.message)
        box.addWidget(self.buttons)
        self.prepared: tabular.Prepared | None = None
        self.target.currentIndexChanged.connect(self._target_changed)
        for w in (self.task,):
            w.currentIndexChanged.connect(self._check)
        for w in (self.test_share, self.seed):
            w.valueChanged.connect(self._check)
        self.features.itemChanged.connect(self._check)
        self.resize(760, 640)
        self._target_changed()

    # ------------------------------------------------------------ choices
    @Slot()
    def _target_changed(self, *_args) -> None:
        target = self.target.currentText()
        self.features.blockSignals(True)
        self.features.clear()
        for name in self.table.columns:
            if name == target:
                continue
            item = QListWidgetItem(name)
            numeric = self.table.is_numeric(name)
            item.setFlags((item.flags() | Qt.ItemIsUserCheckable) if numeric
                          else item.flags() & ~Qt.ItemIsEnabled)
            item.setCheckState(Qt.Checked if numeric else Qt.Unchecked)
            if not numeric:
                item.setToolTip(self.tr("Not a number in every row: it cannot be an input."))
            self.features.addItem(item)
        self.features.blockSignals(False)
        # A target of words names classes; numbers are a regression at first.
        self.task.blockSignals(True)
        self.task.setCurrentIndex(0 if self.table.is_numeric(target) else 1)
        self.task.blockSignals(False)
        self._check()

    def chosen_features(self) -> tuple[str, ...]:
        return tuple(self.features.item(i).text() for i in range(self.features.count())
                     if self.features.item(i).checkState() == Qt.Checked)

    def spec(self) -> tabular.DataSpec:
        return tabular.DataSpec(self.path, self.target.currentText(), self.chosen_features(),
                                self.task.currentData(), self.test_share.value() / 100,
                                self.seed.value())

    @Slot()
    def _check(self, *_args) -> None:
        """Prepare the rows as chosen: the figures, or why they cannot be used."""
        try:
            self.prepared = tabular.prepare(self.table, self.spec())
        except DataError as err:
            self.prepared = None
            self.message.setText(self._message_of(err))
            self.stats.setRowCount(0)
        else:
            self.message.setText("")
            self._show_stats(self.prepared)
        self.buttons.button(QDialogButtonBox.Ok).setEnabled(self.prepared is not None)

    def _show_stats(self, p: tabular.Prepared) -> None:
        after_mean, after_std = p.x_train.mean(axis=0), p.x_train.std(axis=0)
        self.stats.setRowCount(len(p.feature_names))
        for i, name in enumerate(p.feature_names):
            values = [name, numbers.short(float(p.mean[i])), numbers.short(float(p.std[i])),
                      numbers.fixed(float(after_mean[i]) + 0.0, 2),
                      numbers.fixed(float(after_std[i]), 2)]
            for j, v in enumerate(values):
                self.stats.setItem(i, j, QTableWidgetItem(v))

    # ------------------------------------------------------------ the result
    def experiment(self) -> Experiment:
        """The panel's experiment on this data: its hidden layers, and (when
        asked) the output layer and loss the task needs."""
        p, spec, e = self.prepared, self.spec(), self.base
        layers, loss = e.layers, e.loss
        if self.fit_output.isChecked():
            classes = None if p.task == "regression" else len(p.class_names)
            out, fitting = output_for(classes)
            # A regression keeps the panel's mae; anything else takes the task's loss.
            loss = loss if classes is None and loss in REGRESSION_LOSSES else fitting
            layers = e.layers[:-1] + (out,)
        name = os.path.splitext(self.table.name)[0]
        return e.replace(
            name=name, title=self.table.name, dataset="csv", data_path=str(spec.path),
            target=spec.target, features=p.feature_names, task=p.task,
            test_share=spec.test_share, seed=spec.seed, layers=layers, loss=loss,
            initial_weights=None, record_batches=False, standardize=True,
            early_stopping=e.early_stopping and e.validation_split > 0,
            description=self.tr("{rows} rows of {file}: {features} → {target}").format(
                rows=numbers.whole(self.table.n_rows), file=self.table.name,
                features=", ".join(p.feature_names), target=spec.target))

