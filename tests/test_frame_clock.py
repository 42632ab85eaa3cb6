"""The frame clock keeps the GUI thread's CPU within its budget while a run trains."""
import time

import pytest
from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from widgets.frame_clock import CPU_BUDGET, FRAME_MS, FrameClock


class View(QWidget):
    """Always has something new; each frame costs `cost_s` of this thread's CPU."""

    def __init__(self, cost_s: float):
        super().__init__()
        self.cost_s, self.frames = cost_s, 0

    def redraw(self) -> bool:
        start = time.thread_time()
        while time.thread_time() - start < self.cost_s:
            pass
        self.frames += 1
        return True


@pytest.fixture
def clock(qtbot):
    c = FrameClock()
    yield c
    c.close()


def _shown(qtbot, view):
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    return view


def test_dear_frames_come_less_often_while_training_and_at_full_speed_after(qtbot, clock):
    # 15 ms a frame at 20 frames a second is 30 % of a core: over the budget.
    assert 0.015 / (FRAME_MS / 1000) > 2 * CPU_BUDGET
    view = _shown(qtbot, View(0.015))
    runner = QObject()
    clock.add(view, view.redraw)
    clock.set_training(runner, True)
    clock.request()
    qtbot.waitUntil(lambda: clock.interval() > 2 * FRAME_MS, timeout=10_000)
    clock.set_training(runner, False)
    assert clock.interval() == FRAME_MS
    # Nothing trains: the same frames keep the full rate (a dragged slider stays smooth).
    drawn = view.frames
    qtbot.waitUntil(lambda: view.frames >= drawn + 30, timeout=10_000)
    assert clock.interval() == FRAME_MS


def test_cheap_frames_while_training_speed_up_again(qtbot, clock):
    view = _shown(qtbot, View(0.0))
    runner = QObject()
    clock.add(view, view.redraw)
    clock.set_training(runner, True)
    clock.request()
    clock._timer.setInterval(clock._slowest)  # as after dear frames
    qtbot.waitUntil(lambda: clock.interval() == FRAME_MS, timeout=10_000)
    clock.set_training(runner, False)
