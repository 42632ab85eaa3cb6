"""The one frame clock every live view draws on.

Data arrive much faster than anyone can watch (hundreds of epochs a second):
views buffer them, ask the clock for a frame, and draw when it ticks. Each
tick draws one view that has something new and is visible, in turn, so no
single paint holds the event loop for several views. Painting holds the GIL
the training threads need, so faster frames slow the training measurably.
The clock sleeps when no view has anything to draw.
"""
from __future__ import annotations

import atexit
import weakref

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Slot

# Each of the Training tab's two live views updates 10 times a second.
FRAME_MS = 50


class FrameClock(QObject):
    def __init__(self, interval_ms: int = FRAME_MS, parent=None):
        super().__init__(parent)
        self._timer = QTimer(self, interval=interval_ms)
        self._timer.timeout.connect(self._tick)
        self._clients: list[tuple[weakref.ref, weakref.WeakMethod]] = []
        self._next = 0

    def add(self, widget, redraw) -> None:
        """`redraw()` draws what `widget` has buffered and says whether it
        drew anything. A view that shows again gets its frame."""
        self._clients.append((weakref.ref(widget), weakref.WeakMethod(redraw)))
        widget.installEventFilter(self)

    def request(self) -> None:
        """A view has something new to draw."""
        if not self._timer.isActive():
            self._timer.start()

    def eventFilter(self, obj, event) -> bool:
        if event.type() == QEvent.Show:
            self.request()
        return False

    @Slot()
    def _tick(self) -> None:
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

