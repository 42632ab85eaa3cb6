"""The installed Qt binding must not leak away references to None (PySide6 6.12.0
does, once per void call, and Python 3.11 aborts after a few thousand calls)."""
import sys

from PySide6.QtGui import QPen


def test_void_calls_keep_none_alive():
    pen = QPen()
    before = sys.getrefcount(None)
    for _ in range(2000):
        pen.setWidth(2)
    assert sys.getrefcount(None) > before - 100
