"""Axes that label themselves as a reader expects: epochs in whole numbers,
values in the chosen language's notation, and a log scale that shows the
values themselves (0.2, 0.3, 0.4), never an SI factor or powers of ten for
numbers one can simply write."""
from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg

from . import numbers


def _places(spacing: float) -> int:
    return max(0, math.ceil(-math.log10(spacing))) if spacing > 0 else 0


class ValueAxis(pg.AxisItem):
    def __init__(self, orientation: str, **kw):
        super().__init__(orientation, **kw)
        self.enableAutoSIPrefix(False)

    def tickStrings(self, values, scale, spacing):
        if self.logMode:
            return self.logTickStrings(values, scale, spacing)
        places = _places(spacing * scale)
        return [numbers.fixed(v * scale, places) if 1e-3 <= abs(v * scale) < 1e5 or v == 0
                else numbers.short(v * scale, 3) for v in values]

    def logTickValues(self, minVal, maxVal, size, stdTicks):
        # Within about a decade, the linear ticks of the values themselves
        # (0.2, 0.3, 0.4) say more than the decade's 1-9 minor ticks.
        if maxVal - minVal < 1.5 and np.isfinite(minVal) and np.isfinite(maxVal):
            lo, hi = 10.0 ** minVal, 10.0 ** maxVal
            step = 10.0 ** math.floor(math.log10((hi - lo) / 3 or hi))
            for factor in (1, 2, 5, 10):
                if (hi - lo) / (step * factor) <= 6:
                    step *= factor
                    break
            first = math.ceil(lo / step) * step
            ticks = [math.log10(v) for v in np.arange(first, hi + step / 2, step) if v > 0]
            return [(None, ticks)]
        return super().logTickValues(minVal, maxVal, size, stdTicks)

    def logTickStrings(self, values, scale, spacing):
        shown = []
        for v in values:
            x = 10.0 ** v * scale
            shown.append(numbers.short(x, 3) if 1e-4 <= x < 1e6 else numbers.short(x, 2))
        return shown


class EpochAxis(ValueAxis):
    """Epochs are whole: no tick between 1 and 2."""

    def tickValues(self, minVal, maxVal, size):
        levels = []
        for spacing, values in super().tickValues(minVal, maxVal, size):
            if spacing is not None and spacing < 1:
                continue
            levels.append((spacing, [v for v in values if abs(v - round(v)) < 1e-9]))
        if not levels:  # zoomed in below one epoch: the epochs in view, if any
            levels = [(1, [float(v) for v in range(math.ceil(minVal), math.floor(maxVal) + 1)])]
        return levels

    def tickStrings(self, values, scale, spacing):
        return [numbers.whole(round(v * scale)) for v in values]
