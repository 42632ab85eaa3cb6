"""The one frame clock every live view draws on.

Data arrive much faster than anyone can watch (hundreds of epochs a second):
views buffer them, ask the clock for a frame, and draw when it ticks. Each
tick draws one view that has something new and is visible, in turn, so no
single paint holds the event loop for several views. Painting holds the GIL
the training threads need, so faster frames slow the training measurably:
while a run trains, the clock keeps the GUI thread's CPU within a budget by
ticking less often when frames are dear (a fast engine, many views), and at
FRAME_MS when they are cheap or nothing trains (a dragged slider stays
smooth). The clock sleeps when no view has anything to draw.
"""
from __future__ import annotations

import atexit
import time
import weakref

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Slot

# The fastest tick: each of the Training tab's two live views draws 10 times a second.
FRAME_MS = 50
# The slowest: still 5 frames a second to share between the views.
SLOWEST_MS = 200
# The share of one core the GUI thread may use while views draw. At 20 frames
# a second it used about 20 % with the lecture net, every view on, and the runs
# took 16-30 % longer than at 10 frames (bench/README.md, 2026-12-04).
CPU_BUDGET = 0.10
# How long the GUI thread's CPU is summed before the interval changes.
PACE_S = 0.5


class FrameClock(QObject):
    def __init__(self, interval_ms: int = FRAME_MS, parent=None):
        super().__init__(parent)
        self._timer = QTimer(self, interval=interval_ms)
        self._timer.timeout.connect(self._tick)
        self._clients: list[tuple[weakref.ref, weakref.WeakMethod]] = []
        self._next = 0
        self._shortest, self._slowest = interval_ms, max(interval_ms, SLOWEST_MS)
        self._since: tuple[float, float] | None = None  # (wall, this thread's CPU) s
        self._training: weakref.WeakSet = weakref.WeakSet()

    def set_training(self, source: QObject, on: bool) -> None:
        """`source` (a task runner) trains, or no longer: frames are paced
        while any source trains."""
        if on:
            self._training.add(source)
        else:
            self._training.discard(source)
            if not self._training:
                self._timer.setInterval(self._shortest)

    def interval(self) -> int:
        """The clock's interval now, in ms."""
        return self._timer.interval()

    def add(self, widget, redraw) -> None:
        """`redraw()` draws what `widget` has buffered and says whether it
        drew anything. A view that shows again gets its frame."""
        self._clients.append((weakref.ref(widget), weakref.WeakMethod(redraw)))
        widget.installEventFilter(self)

    def request(self) -> None:
        """A view has something new to draw."""
        if not self._timer.isActive():
            self._since = None  # a new burst: measured afresh, at full speed
            self._timer.start(self._shortest)

    def eventFilter(self, obj, event) -> bool:
        if event.type() == QEvent.Show:
            self.request()
        return False

    def _pace(self) -> None:
        """Lengthen the interval while the GUI thread uses more than its
        budget of CPU (drawing, painting and the per-epoch slots alike),
        shorten it again when it uses much less. thread_time() is portable;
        its resolution on Windows (~16 ms) is why it is summed over PACE_S."""
        if not self._training:
            return
        now, cpu = time.perf_counter(), time.thread_time()
        if self._since is None:
            self._since = (now, cpu)
            return
        wall = now - self._since[0]
        if wall < PACE_S:
            return
        share = (cpu - self._since[1]) / wall
        self._since = (now, cpu)
        interval = self._timer.interval()
        if share > CPU_BUDGET:
            interval = min(self._slowest, round(interval * 1.5))
        elif share < 0.6 * CPU_BUDGET:
            interval = max(self._shortest, round(interval / 1.5))
        self._timer.setInterval(interval)

    @Slot()
    def _tick(self) -> None:
        self._pace()
        # A view's C++ side may be gone while Python still holds its wrapper.
        self._clients = [(w, f) for w, f in self._clients
                         if w() is not None and f() is not None and shiboken6.isValid(w())]
        n = len(self._clients)
        for k in range(n):
            i = (self._next + k) % n
            widget, redraw = self._clients[i][0](), self._clients[i][1]()
            if widget.isVisible() and redraw():
                self._next = i + 1
                return
        self._timer.stop()  # nothing to draw: sleep until the next request

    def close(self) -> None:
        """No more frames and no more event filtering: at the interpreter's
        exit, Qt may still deliver events to widgets whose filter (this
        object's Python method) is already being torn down, which crashed."""
        if not shiboken6.isValid(self):
            return
        self._timer.stop()
        for ref, _ in self._clients:
            widget = ref()
            if widget is not None and shiboken6.isValid(widget):
                widget.removeEventFilter(self)
        self._clients = []


_shared: FrameClock | None = None


def shared() -> FrameClock:
    """The application's clock, made on first use."""
    global _shared
    if _shared is None:
        _shared = FrameClock(parent=QCoreApplication.instance())
        atexit.register(_shared.close)
    return _shared

