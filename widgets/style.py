"""One look for every plot: the palette, the pens, the axes. Nothing happens at
import; the window calls apply() once at start-up."""
from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGraphicsItem

# matplotlib's tab10: the lecture's slides use it, and its first colours stay
# apart for most colour-vision deficiencies.
TAB10 = ("#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd",
         "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf")
LOSS, VAL_LOSS, BEST = TAB10[0], TAB10[1], TAB10[2]
DIAGONAL = "#888888"
GRID_ALPHA = 0.25
# On the viridis loss surface: readable on its dark and its light end.
PATH_COLOURS = {9: "#ff3030", 3: "#ffa500", 1: "#ffffff"}
SURFACE_MAP = "viridis"


def apply() -> None:
    """Light plots, like the lecture's slides. No antialiasing but on the loss
    curves (LossPlot): a frame then paints in a few ms instead of tens, which
    the training thread would otherwise wait for (they share the GIL and two
    cores)."""
    pg.setConfigOptions(background="w", foreground="#333", antialias=False)


def pen(colour: str, width: float = 1, dashed: bool = False, dotted: bool = False):
    style = Qt.DashLine if dashed else Qt.DotLine if dotted else Qt.SolidLine
    return pg.mkPen(colour, width=width, style=style)


def style_plot(plot: pg.PlotItem, cached_axes: bool = True) -> None:
    """Grid, no context menu, and (for live plots) axes cached as pixmaps."""
    plot.showGrid(x=True, y=True, alpha=GRID_ALPHA)
    plot.setMenuEnabled(False)
    if not cached_axes:
        return
    # An axis with its grid replays a QPicture of every tick, label and grid
    # line on each repaint: ~3 ms, with the GIL held. Cached as a pixmap, it is
    # a blit until its range changes. Grid lines at major and minor ticks only:
    # the third level doubled the time to draw an axis.
    for name in ("left", "bottom"):
        axis = plot.getAxis(name)
        axis.setCacheMode(QGraphicsItem.DeviceCoordinateCache)
        axis.setStyle(maxTickLevel=1)


# The gradient-path view. Contours and the start marker on the surface; the
# legend's box is the colour map's dark end, so the paths' samples (the white
# one too) look as they do on the surface, whatever the plot's background.
CONTOUR = (255, 255, 255, 110)
START_MARKER = "#000000"
PATH_LEGEND_BRUSH = "#440154"   # viridis at 0
PATH_LEGEND_TEXT = "#ffffff"
PATH_WIDTH = 2
# Earlier runs' paths, behind the current ones: the last run, the one before.
FADED_ALPHA = (150, 80)
FADED_WIDTH = 1


def faded_pen(colour: str, age: int = 1):
    """The pen of a path `age` runs old (1: the last run), thinner and
    fainter the older it is."""
    c = pg.mkColor(colour)
    c.setAlpha(FADED_ALPHA[min(max(age, 1), len(FADED_ALPHA)) - 1])
    return pg.mkPen(c, width=FADED_WIDTH)
