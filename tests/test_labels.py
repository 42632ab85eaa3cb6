"""Plots that label themselves: the data set's target on the axes, whole epochs,
real values on a log axis, the latest figures as numbers, and the run's story
(time left, run time, divergence) told plainly."""
import numpy as np
import pytest

from app import presenter
from app.main_window import MainWindow
from training.experiment import preset
from widgets.axes import EpochAxis, ValueAxis
from widgets.plots import LossPlot
from windows import SLOW_WORKER_MS


def tick_strings(axis, lo, hi):
    """The tick values of every level and their labels, as the axis draws them."""
    values, strings = [], []
    for spacing, level in axis.tickValues(lo, hi, 400):
        values += level
        strings += axis.tickStrings(level, 1.0, spacing if spacing else 1.0)
    return values, strings


def test_a_log_axis_shows_the_losses_themselves(qtbot):
    plot = LossPlot()
    qtbot.addWidget(plot)
    loss = np.linspace(0.46, 0.13, 50)
    plot.set_history({"loss": loss}, mark_best=False)
    plot.log_scale.setChecked(True)
    axis = plot.plot.getAxis("left")
    lo, hi = axis.range
    values, strings = tick_strings(axis, lo, hi)
    assert strings and all("·" not in s and "e" not in s for s in strings), strings
    shown = [float(s) for s in strings]
    assert shown == pytest.approx([10 ** v for v in values], rel=1e-6)
    assert all(0.1 <= x <= 0.5 for x in shown)
    assert "x0.001" not in axis.labelString() and "(" not in axis.labelText


def test_epoch_axes_count_in_whole_epochs():
    axis = EpochAxis("bottom")
    values, strings = tick_strings(axis, 0, 6)
    assert values and all(float(v).is_integer() for v in values)
    assert strings == [str(int(v)) for v in values]
    values, _ = tick_strings(axis, 2.2, 2.8)  # zoomed in between two epochs: none
    assert values == []


def test_value_axes_write_the_locales_decimal_mark(language):
    axis = ValueAxis("left")
    language("de")
    _, strings = tick_strings(axis, 0, 1)
    assert "0,5" in strings or "0,4" in strings, strings


@pytest.fixture
def window(make_window):
    return make_window()


def test_and_runs_get_and_labels(window, qtbot, monkeypatch):
    t, d = window.training, window.document
    monkeypatch.setattr(window.dialogs, "unsaved", lambda q: "discard")
    with qtbot.waitSignal(d.sessionChanged, timeout=SLOW_WORKER_MS):
        t.panel.preset.setCurrentIndex(t.panel.preset.findData("and-relu"))
    qtbot.waitUntil(lambda: not d.busy)
    plot = t.prediction_plot.plot
    assert plot.getAxis("bottom").labelText == "y" and plot.getAxis("left").labelText == "ŷ"
    with qtbot.waitSignal(d.runFinished, timeout=SLOW_WORKER_MS):
        t.start_button.click()
    qtbot.waitUntil(lambda: not d.busy)
    assert t.errors.text() == ""  # four rows of a truth table: no test error line
    assert "k$" not in plot.getAxis("left").labelText
    with qtbot.waitSignal(d.sessionChanged, timeout=SLOW_WORKER_MS):
        t.panel.preset.setCurrentIndex(t.panel.preset.findData("boston"))
    assert plot.getAxis("bottom").labelText == "true price (k$)"


def test_the_latest_loss_is_shown_as_numbers(window, qtbot):
    t, d = window.training, window.document
    t.panel.epochs.setValue(3)
    with qtbot.waitSignal(d.runFinished, timeout=SLOW_WORKER_MS) as done:
        t.start_button.click()
    loss = done.args[1][1].history["loss"][-1]
    assert t.loss_plot.latest.text().startswith("epoch 3: loss ")
    assert float(t.loss_plot.latest.text().split("loss ")[1]) == pytest.approx(loss, rel=1e-3)


def test_time_left_counts_from_the_epochs_after_the_first_two(qtbot):
    w = MainWindow(preset("boston"))
    qtbot.addWidget(w)
    t = w.training
    t._on_run_started(7, 1, 1000)
    formats = []
    for epoch in (1, 2, 3):
        t._on_epoch(7, epoch, {"loss": 1.0}, np.zeros(102))
        t._draw_latest()
        formats.append(t.progress.format())
    assert "left" not in formats[0] and "left" not in formats[1] and "left" in formats[2]


def test_run_time_is_one_figure_per_run_with_its_segments():
    assert presenter.run_time([2.04]) == "2.0 s"
    assert presenter.run_time([2.04, 1.06]) == "3.1 s in 2 segments (2.0 + 1.1 s)"


def test_a_diverged_run_is_explained_beside_the_plot(make_window, qtbot):
    w = make_window(preset("boston").replace(optimizer="sgd", learning_rate=50.0, epochs=50))
    t = w.training
    with qtbot.waitSignal(w.document.runFinished, timeout=SLOW_WORKER_MS):
        t.start_button.click()
    qtbot.waitUntil(lambda: not w.document.busy)
    assert t.note.isVisible() and "learning rate" in t.note.text() and "5" in t.note.text()
    with qtbot.waitSignal(w.document.runStarted, timeout=SLOW_WORKER_MS):
        t.panel.learning_rate.setValue(0.001)
        w.dialogs.unsaved = lambda q: "discard"
        t.start_button.click()
    assert not t.note.isVisible()
    with qtbot.waitSignal(w.document.runFinished, timeout=SLOW_WORKER_MS):
        t.stop_button.click()


def test_the_description_follows_the_panel(qtbot):
    w = MainWindow(preset("boston"))
    qtbot.addWidget(w)
    panel = w.training.panel
    assert "Changed" not in panel.description.text()
    panel.learning_rate.setValue(0.01)
    panel.standardize.setChecked(True)
    text = panel.description.text()
    assert "Changed from the preset" in text and "learning rate 0.01" in text
    assert "standardised features" in text


def test_a_figures_line_too_wide_for_its_box_wraps_and_keeps_its_height(qtbot):
    from widgets.readout import Readout
    box = Readout(most=2)
    qtbot.addWidget(box)
    box.resize(900, 30)
    box.show()
    qtbot.waitExposed(box)
    one_line = box.height()
    box.setText(presenter.errors_line({"mean_abs": 22.893, "max_abs": 49.844, "min_abs": 5.812,
                                       "r2": -6.2775, "rmse": 24.613}, "k$"))
    assert box.height() == one_line  # it fits in 900 px
    box.resize(300, box.height())
    qtbot.waitUntil(lambda: box.height() > one_line)
    assert box.label.heightForWidth(300) <= box.height() - 6  # no line cut off
    box.setText("short")  # the next frame's figures: the box stays as it is
    assert box.height() > one_line
    box.resize(900, box.height())
    qtbot.waitUntil(lambda: box.height() == one_line)
