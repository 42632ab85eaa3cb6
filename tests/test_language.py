"""German and English: complete, switchable while the window runs, remembered,
with numbers in the language's own notation, and translation files kept current."""
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtGui import QImage
from PySide6.QtWidgets import (
    QAbstractButton, QApplication, QComboBox, QGroupBox, QLabel, QTableWidget, QWidget)

from app import i18n, translations
from app.main_window import MainWindow
from training.experiment import preset

ROOT = Path(__file__).resolve().parent.parent
# Words that are the same in both languages, and Keras's own names.
SAME = {"Training", "Start", "Stop", "Epoch", "Batch", "loss", "val_loss", "adam", "sgd",
        "rmsprop", "relu", "sigmoid", "tanh", "linear", "Deutsch", "English", "Boston"}


def translated_sources() -> dict[str, str]:
    """English source -> German, for every message whose German differs."""
    root = ET.parse(translations.TS).getroot()
    pairs = {}
    for message in root.iter("message"):
        source, target = message.findtext("source"), message.findtext("translation")
        if target and target != source:
            pairs[source] = target
    return pairs


def visible_texts(window) -> list[str]:
    texts = [window.windowTitle()]
    for menu in (window.file_menu, window.training_menu, window.view_menu, window.help_menu):
        texts.append(menu.title())
        texts += [a.text() for a in menu.actions()]
    texts += [window.tabs.tabText(i) for i in range(window.tabs.count())]
    for w in window.findChildren(QWidget):
        if not w.isVisible():
            continue
        if isinstance(w, (QLabel, QAbstractButton)):
            texts.append(w.text())
        elif isinstance(w, QGroupBox):
            texts.append(w.title())
        elif isinstance(w, QComboBox):
            texts += [w.itemText(i) for i in range(w.count())]
        elif isinstance(w, QTableWidget):
            texts += [w.horizontalHeaderItem(i).text() for i in range(w.columnCount())
                      if w.horizontalHeaderItem(i)]
        texts.append(w.toolTip())
    return [t for t in texts if t]


@pytest.fixture
def window(qtbot):
    w = MainWindow(preset("boston"))
    qtbot.addWidget(w)
    w.resize(1280, 800)
    w.show()
    qtbot.waitExposed(w)
    return w


def test_german_leaves_no_english_on_any_tab(window, language):
    english = {s.replace("&", "") for s in translated_sources()} - SAME
    language("de")
    for i in range(window.tabs.count()):
        window.tabs.setCurrentIndex(i)
        QApplication.processEvents()
        shown = {t.replace("&", "").split("\t")[0] for t in visible_texts(window)}
        left = sorted(shown & english)
        assert not left, f"tab {i}: still English: {left}"
    assert window.tabs.tabText(3) == "Aktivierungsfunktionen"


def test_the_language_switches_live_and_is_remembered(window, language):
    language("en")
    assert window.actions.start.text() == "&Start"
    window.set_language("de")
    assert window.tabs.tabText(2) != "Gradient paths"
    assert window.training.panel.labels[window.training.panel.learning_rate].text() == "Lernrate"
    assert i18n.chosen_language() == "de"
    window.set_language("en")
    assert window.tabs.tabText(2) == "Gradient paths" and i18n.chosen_language() == "en"


def test_german_numbers_have_a_decimal_comma(window, language):
    language("de")
    window.set_language("de")
    box = window.training.panel.learning_rate
    assert box.text() == "0,00100"
    box.lineEdit().setText("0,05")
    box.interpretText()
    assert box.value() == pytest.approx(0.05)
    window.set_language("en")
    assert box.text() == "0.05000"


def test_the_lectures_terms(language):
    de = translated_sources()
    assert de["Epochs"] == "Epochen" and de["Learning rate"] == "Lernrate"
    assert de["Loss"] == "Verlustfunktion" and de["Validation share"] == "Anteil der Validierungsmenge"
    assert de["S&top"].replace("&", "") == "Training abbrechen"
    assert de["&Resume"].replace("&", "") == "Weiter trainieren"


def test_the_translation_files_are_complete_and_current(tmp_path):
    # lupdate over today's code adds nothing to the committed .ts and drops
    # nothing from it; every message is translated; the .qm is compiled from it.
    copy = tmp_path / "lab_de.ts"
    copy.write_bytes(translations.TS.read_bytes())
    translations.update(copy)
    assert copy.read_text(encoding="utf-8") == translations.TS.read_text(encoding="utf-8"), \
        "run: python -m app.translations"
    text = copy.read_text(encoding="utf-8")
    assert 'type="unfinished"' not in text and 'type="obsolete"' not in text
    assert 'type="vanished"' not in text
    qm = translations.release(copy, tmp_path / "lab_de.qm")
    assert qm.read_bytes() == translations.TS.with_suffix(".qm").read_bytes(), \
        "run: python -m app.translations"


def test_screenshot_in_german_at_1024(tmp_path):
    shot = tmp_path / "de.png"
    out = subprocess.run([sys.executable, "main.py", "--screenshot", str(shot), "--size",
                          "1024x768", "--lang", "de", "--epochs", "3"],
                         cwd=ROOT, capture_output=True, text=True, timeout=300,
                         env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"})
    assert out.returncode == 0, out.stderr[-2000:]
    image = QImage(str(shot))
    assert (image.width(), image.height()) == (1024, 768)
    # A quiet start: none of TensorFlow's C++ start-up lines reach the terminal.
    for marker in ("oneDNN", "cuInit", "cudart", "absl::InitializeLog"):
        assert marker not in out.stderr, out.stderr[-2000:]


def test_a_language_switch_rewrites_the_figures_and_the_progress_bar(window, language, qtbot):
    # They kept the old language's words and decimal points until the next run.
    from windows import SLOW_WORKER_MS
    language("en")
    window.set_language("en")
    tab, c = window.training, window.document
    panel = tab.panel
    panel.epochs.setValue(2)
    window.warm_up()
    qtbot.waitUntil(lambda: c.engine_ready and not c.busy, timeout=SLOW_WORKER_MS)
    with qtbot.waitSignal(c.runFinished, timeout=SLOW_WORKER_MS):
        tab.start_button.click()
    qtbot.waitUntil(lambda: not c.busy)
    assert "mean" in tab.errors.text() and tab.progress.format().startswith("epoch 2 · ")
    window.set_language("de")
    assert "Mittelwert" in tab.errors.text() and "mean" not in tab.errors.text()
    assert "," in tab.errors.text().split("Mittelwert")[1].split("<")[0]  # 22,893
    assert tab.progress.format().startswith("Epoche 2 · ")
    window.set_language("en")
    assert "mean" in tab.errors.text() and tab.progress.format().startswith("epoch 2 · ")
