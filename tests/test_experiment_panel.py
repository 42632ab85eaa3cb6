"""The experiment panel: layers added and removed, presets asked for, every edit in the experiment."""
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox

from training.experiment import LIMITS, LayerSpec, preset
from widgets.experiment_panel import ExperimentPanel


@pytest.fixture
def panel(qtbot):
    p = ExperimentPanel(preset("boston"))
    qtbot.addWidget(p)
    p.show()
    return p


def units(panel):
    return [s.units for s in panel.layer_specs()]


def test_shows_the_preset(panel):
    assert panel.experiment() == preset("boston")
    assert units(panel) == [80, 50, 1]
    assert panel.preset.currentData() == "boston"


def test_a_new_layer_goes_before_the_output_and_remove_takes_the_chosen_one(panel, qtbot):
    with qtbot.waitSignal(panel.changed):
        qtbot.mouseClick(panel.add_layer, Qt.LeftButton)
    assert units(panel) == [80, 50, 10, 1]
    assert panel.layer_specs()[2] == LayerSpec(10, "relu", True)
    panel.layers.selectRow(0)
    qtbot.mouseClick(panel.remove_layer, Qt.LeftButton)
    assert units(panel) == [50, 10, 1]
    panel.layers.clearSelection()
    panel.layers.setCurrentCell(-1, -1)
    qtbot.mouseClick(panel.remove_layer, Qt.LeftButton)  # none chosen: the last hidden one
    assert units(panel) == [50, 1]
    for _ in range(2):
        panel.layers.setCurrentCell(-1, -1)
        qtbot.mouseClick(panel.remove_layer, Qt.LeftButton)
    assert units(panel) == [1] and not panel.remove_layer.isEnabled()


def test_the_layer_count_stops_at_the_limit(panel, qtbot):
    panel.set_layers([LayerSpec(2, "relu")] * (LIMITS["layers"].high - 1) + [LayerSpec(1)])
    assert not panel.add_layer.isEnabled()
    panel.add_layer.setEnabled(True)
    qtbot.mouseClick(panel.add_layer, Qt.LeftButton)
    assert len(panel.layer_specs()) == LIMITS["layers"].high


def test_every_edit_reaches_the_experiment(panel):
    row = panel.layers
    row.cellWidget(0, 0).setValue(7)
    row.cellWidget(0, 1).setCurrentText("relu")
    row.cellWidget(1, 2).findChild(QCheckBox).setChecked(False)
    panel.loss.setCurrentIndex(panel.loss.findData("mae"))
    panel.optimizer.setCurrentIndex(panel.optimizer.findData("sgd"))
    panel.learning_rate.setValue(0.01)
    panel.epochs.setValue(250)
    panel.batch_size.setValue(8)
    panel.validation.setValue(25)
    panel.seed.setValue(42)
    panel.early.setChecked(True)
    panel.patience.setValue(12)
    panel.restore_best.setChecked(False)
    e = panel.experiment()
    assert e.layers == (LayerSpec(7, "relu"), LayerSpec(50, "tanh", False), LayerSpec(1, "linear"))
    assert (e.loss, e.optimizer, e.learning_rate, e.epochs, e.batch_size) == ("mae", "sgd", 0.01, 250, 8)
    assert (e.validation_split, e.seed, e.early_stopping, e.patience, e.restore_best_weights) == (
        0.25, 42, True, 12, False)
    e.validate()


def test_the_spin_boxes_hold_the_experiment_limits(panel):
    assert panel.layers.cellWidget(0, 0).maximum() == LIMITS["units"].high
    assert (panel.epochs.minimum(), panel.epochs.maximum()) == (1, LIMITS["epochs"].high)
    assert panel.batch_size.maximum() == LIMITS["batch_size"].high
    assert panel.validation.maximum() == LIMITS["validation_percent"].high
    assert panel.learning_rate.maximum() == LIMITS["learning_rate"].high


def test_choosing_a_preset_asks_the_owner_first(panel, qtbot):
    index = panel.preset.findData("boston-early-stopping")
    with qtbot.waitSignal(panel.presetRequested) as asked:
        panel.preset.setCurrentIndex(index)
    assert asked.args[0] == preset("boston-early-stopping")
    assert units(panel) == [80, 50, 1]  # not applied by the panel itself
    panel.revert_preset()
    assert panel.preset.currentData() == "boston"
    panel.set_experiment(asked.args[0])
    assert units(panel) == [10, 10, 1] and panel.experiment() == preset("boston-early-stopping")


def test_edited_layers_drop_the_presets_start_weights(qtbot):
    panel = ExperimentPanel(preset("and-relu"))
    qtbot.addWidget(panel)
    assert panel.experiment().initial_weights == preset("and-relu").initial_weights
    panel.layers.cellWidget(0, 0).setValue(2)
    assert panel.experiment().initial_weights is None


def test_locked_while_training(panel):
    panel.setLocked(True)
    assert not panel.isEnabled() and not panel.remove_layer.isEnabled()
    panel.setLocked(False)
    assert panel.isEnabled() and panel.remove_layer.isEnabled()
