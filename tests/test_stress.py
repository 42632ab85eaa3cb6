"""Start, stop, resume, save and load in random order with random timing, on the real window.

STRESS_CYCLES sets the count (200 for a full run; CI runs 20).
"""
import os
import random

import numpy as np
import pytest
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication

from app.main_window import MainWindow
from training.experiment import preset

CYCLES = int(os.environ.get("STRESS_CYCLES", "20" if os.environ.get("CI") else "200"))


def rss_mb() -> float:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


@pytest.fixture
def window():
    w = MainWindow(preset("boston-early-stopping").replace(epochs=40, patience=5))
    w.show()
    yield w
    w.document.unsaved = False
    w.close()  # also after a failure: stops the run and waits for its thread
    assert not w.document.busy
    w.deleteLater()  # gone before the next test, as make_window's windows are
    QApplication.sendPostedEvents(None, QEvent.DeferredDelete)


@pytest.mark.timeout(60 + 15 * CYCLES)
def test_random_cycles_leave_no_crash_hang_or_thread(window, qtbot, tmp_path, monkeypatch, messages):
    rng = random.Random(7)
    w = window
    c, t = w.document, w.training
    with qtbot.waitSignal(c.engineReady, timeout=120_000):
        w.warm_up()
    qtbot.waitUntil(lambda: not c.busy, timeout=120_000)
    model, weights = str(tmp_path / "m.h5"), str(tmp_path / "m.weights.h5")
    monkeypatch.setattr(w.dialogs, "save_path", lambda title, *_: weights if "weights" in title else model)
    monkeypatch.setattr(w.dialogs, "open_path", lambda title, *_: weights if "weights" in title else model)
    # Replacing an unsaved model: every answer, at random (a generator of its
    # own, so the buttons' sequence does not depend on how often it is asked).
    answers = random.Random(11)
    monkeypatch.setattr(w.dialogs, "unsaved",
                        lambda question: answers.choice(["save", "discard", "cancel"]))
    buttons = {"start": t.start_button, "stop": t.stop_button, "resume": t.resume_button,
               "save": t.save_button, "save weights": t.save_weights_button,
               "load": t.load_button, "load weights": t.load_weights_button}
    t.resume_mode.setCurrentIndex(1)
    t.more_epochs.setValue(10)
    baseline = None
    done = []
    epochs_seen = []
    c.epochEnded.connect(lambda *_: epochs_seen.append(1))
    for cycle in range(CYCLES):
        name = rng.choice(list(buttons))
        button = buttons[name]
        if button.isEnabled():
            button.click()
            done.append(name)
        # Random timing: act again after 0-2 epochs, or once the window is idle.
        for _ in range(rng.randint(0, 2)):
            if not c.training:
                break
            # The next epoch, or the run's end: a run that ends first does not
            # leave the test idle until a timeout.
            seen = len(epochs_seen)
            qtbot.waitUntil(lambda: len(epochs_seen) > seen or not c.training, timeout=30_000)
        if rng.random() < 0.3 or not c.training:
            t.stop_button.click()
            qtbot.waitUntil(lambda: not c.busy, timeout=300_000)
        if cycle == CYCLES // 4:
            baseline = rss_mb()
    t.stop_button.click()
    qtbot.waitUntil(lambda: not c.busy, timeout=300_000)
    # Whatever happened, the window still trains and shows a finite model.
    monkeypatch.setattr(w.dialogs, "unsaved", lambda question: "discard")
    with qtbot.waitSignal(c.runFinished, timeout=300_000):
        t.start_button.click()
    qtbot.waitUntil(lambda: not c.busy, timeout=120_000)
    assert np.isfinite(c.session.current_predictions()).all()
    assert {"start", "stop"} <= set(done), done
    assert all("failed" not in m for m in messages), messages
    growth = rss_mb() - baseline
    print(f"{CYCLES} cycles, actions {len(done)}, memory growth after warm-up {growth:.0f} MB")
    assert growth < 40 + 2 * CYCLES, f"memory grew {growth:.0f} MB in {CYCLES} cycles"
