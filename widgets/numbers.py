"""Numbers as the chosen language writes them (German: decimal comma)."""
from __future__ import annotations

import math

from PySide6.QtCore import QLocale


def fixed(value: float, decimals: int = 3) -> str:
    if not math.isfinite(value):
        return str(value)
    return QLocale().toString(float(value), "f", decimals)


def short(value: float, digits: int = 4) -> str:
    """Up to `digits` significant digits, like Python's :g."""
    if not math.isfinite(value):
        return str(value)
    return QLocale().toString(float(value), "g", digits)


def whole(value: int) -> str:
    return QLocale().toString(int(value))
