"""A window for the lecture hall: it fits 1024x768 without clipped text, works
from the keyboard, has named actions with the standard keys, and its text can
grow for the back row."""
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton, QAbstractSpinBox, QApplication, QCheckBox, QComboBox, QGroupBox, QLabel,
    QScrollArea, QTabBar, QWidget)

from app.main_window import MainWindow
from training.experiment import preset
from windows import SLOW_WORKER_MS


@pytest.fixture
def window(qtbot):
    w = MainWindow(preset("boston"))  # no model built: nothing to ask on closing
    qtbot.addWidget(w)
    return w


def _clipped(w: QWidget) -> str | None:
    """Why `w`'s text does not fit its geometry, or None."""
    fm = w.fontMetrics()
    if isinstance(w, QLabel):
        if not w.text() or w.textFormat() == Qt.RichText and w.wordWrap():
            return None if w.height() >= w.heightForWidth(w.width()) - 1 else "wrapped text cut"
        if w.wordWrap():
            return None if w.height() >= w.heightForWidth(w.width()) - 1 else "wrapped text cut"
        need = w.sizeHint()
    elif isinstance(w, QCheckBox):
        need = w.sizeHint()
    elif isinstance(w, QAbstractButton):
        if not w.text():
            return None
        need = w.sizeHint()
    elif isinstance(w, QComboBox):
        # The current text and the arrow: a list's longest entry may be wider.
        need = w.sizeHint()
        need.setWidth(fm.horizontalAdvance(w.currentText()) + 24)
    elif isinstance(w, QAbstractSpinBox):
        edit = w.lineEdit()
        return None if fm.horizontalAdvance(edit.text()) <= edit.width() else "number cut"
    elif isinstance(w, QGroupBox):
        return None if fm.horizontalAdvance(w.title()) + 24 <= w.width() else "title cut"
    else:
        return None
    if w.width() + 1 < need.width() or w.height() + 1 < need.height():
        return f"{w.width()}x{w.height()} < {need.width()}x{need.height()}"
    return None


def clipped_texts(window) -> list[str]:
    found = []
    for w in window.findChildren(QWidget):
        if not w.isVisible() or w.window() is not window:
            continue
        why = _clipped(w)
        if why:
            text = getattr(w, "text", lambda: "")() if hasattr(w, "text") else ""
            found.append(f"{type(w).__name__} {w.objectName()!r} {text!r}: {why}")
    for bar in window.findChildren(QTabBar):
        if bar.isVisible():
            need = sum(bar.tabSizeHint(i).width() for i in range(bar.count()))
            if need > bar.width():
                found.append(f"tab bar {need} > {bar.width()}")
    # A scroll area's content wider than its view is cut at the right edge.
    for area in window.findChildren(QScrollArea):
        inner = area.widget()
        if area.isVisible() and inner is not None and inner.width() > area.viewport().width():
            found.append(f"{inner.objectName() or type(inner).__name__} {inner.width()} px "
                         f"in a view of {area.viewport().width()}")
    return found


@pytest.mark.parametrize("size", [(1024, 768), (1280, 800)])
@pytest.mark.parametrize("lang", ["en", "de"])
def test_every_tab_fits_without_clipped_text(window, qtbot, size, lang, language):
    language(lang)
    window.resize(*size)
    window.show()
    qtbot.waitExposed(window)
    assert window.minimumSizeHint().width() <= 1000
    for i in range(window.tabs.count()):
        window.tabs.setCurrentIndex(i)
        QApplication.processEvents()
        assert window.width() == size[0]
        assert clipped_texts(window) == [], window.tabs.tabText(i)


def test_the_experiment_panel_can_be_hidden_and_shown(window, qtbot):
    window.show()
    panel = window.training.panel_area
    assert panel.isVisible()
    window.actions.show_panel.trigger()
    assert not panel.isVisible() and not window.actions.show_panel.isChecked()
    window.actions.show_panel.trigger()
    assert panel.isVisible()


def test_tab_and_shift_tab_leave_the_layers_table(window, qtbot):
    window.show()
    qtbot.waitExposed(window)
    panel = window.training.panel
    rows = panel.layers.rowCount()
    first = panel.layers.cellWidget(0, 0)
    first.setFocus()
    qtbot.waitUntil(first.hasFocus)
    seen = []
    for _ in range(3 * rows + 2):
        QTest.keyClick(QApplication.focusWidget(), Qt.Key_Tab)
        seen.append(QApplication.focusWidget())
        if seen[-1] is panel.add_layer:
            break
    assert seen[-1] is panel.add_layer, [type(w).__name__ for w in seen]
    QTest.keyClick(panel.add_layer, Qt.Key_Tab, Qt.ShiftModifier)
    last_bias = panel.layers.cellWidget(rows - 1, 2).findChild(QCheckBox)
    assert QApplication.focusWidget() is last_bias


EXPECTED_KEYS = {
    "save_model": QKeySequence.Save, "load_model": QKeySequence.Open, "quit": QKeySequence.Quit,
    "larger_text": QKeySequence.ZoomIn, "smaller_text": QKeySequence.ZoomOut,
    "about": QKeySequence.HelpContents,
}


def test_every_action_has_a_name_a_text_and_the_standard_key(window):
    actions = {a.objectName(): a for a in window.findChildren(QAction) if a.objectName()}
    names = {"action_start", "action_stop", "action_resume", "action_save_model",
             "action_save_weights", "action_load_model", "action_load_weights", "action_quit",
             "action_log_scale", "action_larger_text", "action_smaller_text",
             "action_normal_text", "action_show_panel", "action_about",
             "action_language_de", "action_language_en"}
    assert names <= set(actions)
    for name, key in EXPECTED_KEYS.items():
        assert actions[f"action_{name}"].shortcut() == QKeySequence(key), name
    assert actions["action_start"].shortcut() == QKeySequence("Ctrl+Return")
    in_menus = {a.objectName() for menu in (window.file_menu, window.training_menu,
                                            window.view_menu, window.language_menu,
                                            window.help_menu) for a in menu.actions()}
    assert names <= in_menus
    assert all(actions[n].text() for n in names)


def test_esc_in_an_editor_ends_the_editing(window, qtbot):
    window.show()
    qtbot.waitExposed(window)
    box = window.training.panel.learning_rate
    box.setFocus()
    qtbot.waitUntil(box.hasFocus)
    QTest.keyClick(box, Qt.Key_Escape)
    assert not box.hasFocus()


def test_esc_stops_the_run_of_the_tab_in_view(make_window, qtbot):
    w = make_window()
    d = w.document
    with qtbot.waitSignal(d.epochEnded, timeout=SLOW_WORKER_MS):
        w.actions.start.trigger()  # Ctrl+Return's action
    w.tabs.setFocus()
    with qtbot.waitSignal(d.runFinished, timeout=SLOW_WORKER_MS) as finished:
        QTest.keyClick(w.tabs, Qt.Key_Escape)
    assert finished.args[1][0].stopped_by_user


def test_larger_text_scales_fonts_and_plot_lines(window, qtbot):
    app = QApplication.instance()
    size = app.font().pointSizeF()
    curve = window.training.loss_plot.loss_curve
    try:
        window.actions.larger_text.trigger()
        assert app.font().pointSizeF() == pytest.approx(size * 1.25)
        assert curve.opts["pen"].widthF() == pytest.approx(1.25)
        window.actions.larger_text.trigger()
        assert app.font().pointSizeF() == pytest.approx(size * 1.5)
    finally:
        window.actions.normal_text.trigger()
    assert app.font().pointSizeF() == pytest.approx(size)
    assert curve.opts["pen"].widthF() == pytest.approx(1.0)


def test_the_largest_text_fits_the_readouts_and_the_and_table(window, qtbot):
    from PySide6.QtWidgets import QTableWidget

    from widgets.readout import Readout
    window.show()
    qtbot.waitExposed(window)
    table = window.and_tab.view.findChild(QTableWidget)
    try:
        window.set_text_scale(2.0)
        window.tabs.setCurrentIndex(1)
        QApplication.processEvents()
        readouts = window.findChildren(Readout)
        assert len(readouts) >= 2
        for readout in readouts:
            assert readout.height() >= readout.label.fontMetrics().height() + 6
        assert table.rowHeight(0) >= table.fontMetrics().height()
        assert table.verticalScrollBar().maximum() == 0  # all four rows in view
    finally:
        window.actions.normal_text.trigger()


def test_the_experiment_panel_widens_with_larger_text(window, qtbot, language):
    language("de")
    window.resize(1024, 768)
    window.show()
    qtbot.waitExposed(window)
    area = window.training.panel_area
    qtbot.waitUntil(lambda: area.width() >= area.minimumSizeHint().width())
    narrow = area.width()
    try:
        window.set_text_scale(1.5)
        # The panel's new needs travel up as posted layout requests.
        qtbot.waitUntil(lambda: area.width() > narrow)
        qtbot.waitUntil(lambda: area.width() >= area.minimumSizeHint().width())
        assert clipped_texts(window) == []
    finally:
        window.actions.normal_text.trigger()


def test_the_plots_follow_a_dark_palette(window, dark_palette):
    dark_palette()
    view = window.training.loss_plot.view
    assert view.backgroundBrush().color().name() == "#121212"
    assert window.training.loss_plot.plot.getAxis("left").textPen().color().name() == "#e0e0e0"
    _, label = window.training.loss_plot.legend.items[0]  # made before the palette changed
    assert "color:#e0e0e0" in label.item.toHtml().lower()
    dark_palette(False)
    assert window.training.loss_plot.view.backgroundBrush().color().name() == "#ffffff"


def test_every_setting_explains_itself(window, language):
    panel = window.training.panel
    fields = (panel.loss, panel.optimizer, panel.learning_rate, panel.epochs, panel.batch_size,
              panel.validation, panel.seed, panel.patience, panel.standardize, panel.early,
              panel.restore_best, panel.layers)
    english = [f.toolTip() for f in fields]
    assert all(len(tip) > 30 for tip in english)
    language("de")
    german = [f.toolTip() for f in fields]
    assert all(len(tip) > 30 for tip in german)
    assert all(a != b for a, b in zip(english, german))


def test_about_names_the_lectures_topics(window, language):
    text = window.about_text()
    for topic in ("Activation functions", "AND neuron", "Gradient paths", "Training",
                  "early stopping"):
        assert topic in text
    language("de")
    assert "Hintereinanderausführung" in window.about_text() and window.about_text() != text


def test_the_legends_grow_with_the_text(window):
    from widgets import style
    _, label = window.and_tab.view.legend.items[0]
    normal = label.minimumWidth()
    try:
        window.set_text_scale(2.0)
        assert label.minimumWidth() > 1.6 * normal
    finally:
        window.actions.normal_text.trigger()
    assert label.minimumWidth() == pytest.approx(normal)
    assert style.text_scale() == 1.0
