"""One look for every plot: the palette, the pens, the axes, the text size.
Nothing happens at import; the window calls apply() once at start-up.

Plots follow the system's light or dark palette and View → Larger text: every
plot styled here is restyled when either changes.
"""
from __future__ import annotations

import weakref

import pyqtgraph as pg
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QPalette
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


_plots: "weakref.WeakSet[pg.PlotItem]" = weakref.WeakSet()
_legends: "weakref.WeakSet[pg.LegendItem]" = weakref.WeakSet()
_state = {"scale": 1.0, "base_font": None, "followed": False}


def colours() -> tuple[str, str]:
    """(background, foreground) of the plots: white and dark grey like the
    slides, or the dark palette's own when the system is dark."""
    palette = QGuiApplication.palette()
    if palette.color(QPalette.Window).lightness() < 128:
        return palette.color(QPalette.Base).name(), palette.color(QPalette.Text).name()
    return "#ffffff", "#333333"


def apply() -> None:
    """Plot defaults from the palette, and from now on follow its changes. No
    antialiasing but on the loss curves (LossPlot): a frame then paints in a
    few ms instead of tens, which the training thread would otherwise wait
    for (they share the GIL and two cores)."""
    background, foreground = colours()
    pg.setConfigOptions(background=background, foreground=foreground, antialias=False)
    app = QGuiApplication.instance()
    if app is not None and not _state["followed"]:
        _state["followed"] = True
        app.styleHints().colorSchemeChanged.connect(lambda _scheme: restyle_all())


def text_scale() -> float:
    return _state["scale"]


def set_text_scale(app, scale: float) -> None:
    """View → Larger text: the application's font and every plot's text and
    lines, `scale` times their normal size."""
    if _state["base_font"] is None:
        _state["base_font"] = QFont(app.font())
    font = QFont(_state["base_font"])
    font.setPointSizeF(_state["base_font"].pointSizeF() * scale)
    _state["scale"] = scale
    app.setFont(font)
    restyle_all()


def restyle_all() -> None:
    background, foreground = colours()
    pg.setConfigOptions(background=background, foreground=foreground)
    # A plot's C++ side may be gone while Python still holds its wrapper.
    for plot in [p for p in _plots if shiboken6.isValid(p)]:
        restyle(plot)
    for legend in [g for g in _legends if shiboken6.isValid(g)]:
        _restyle_legend(legend)


def _point_size() -> float:
    base = _state["base_font"] or QGuiApplication.font()
    return base.pointSizeF() * _state["scale"]


def restyle(plot: pg.PlotItem) -> None:
    background, foreground = colours()
    scale, size = _state["scale"], _point_size()
    for view in plot.scene().views() if plot.scene() is not None else ():
        view.setBackground(background)
    font = QFont()
    font.setPointSizeF(size)
    for name in ("left", "bottom"):
        axis = plot.getAxis(name)
        axis.setPen(foreground)
        axis.setTextPen(foreground)
        axis.setStyle(tickFont=font)
        axis.setLabel(axis.labelText, axis.labelUnits,
                      **{"font-size": f"{size:.1f}pt", "color": foreground})
    for item in plot.listDataItems():
        base = getattr(item, "_base_width", None)
        pen = item.opts.get("pen")
        if pen is None or not hasattr(item, "setPen"):  # a BarGraphItem keeps its pen
            continue
        blend = getattr(item, "_blend", None)
        pen = pg.mkPen(over_background(*blend)) if blend else pg.mkPen(pen)
        if base is None:
            base = item._base_width = pen.widthF() or 1.0
        pen.setWidthF(base * scale)
        item.setPen(pen)


def _restyle_legend(legend: pg.LegendItem) -> None:
    _, foreground = colours()
    legend.setLabelTextColor(foreground)
    legend.setLabelTextSize(f"{_point_size():.1f}pt")
    # pyqtgraph sets these for labels made later only: the legend's own
    # labels kept their old size and colour, dark on a dark palette.
    for _, label in legend.items:
        label.setText(label.text)
    legend.updateSize()


def over_background(colour, alpha: int) -> QColor:
    """`colour` at `alpha` (0-255) over the plots' background, as one opaque
    colour: Qt's raster engine draws a translucent line 15 to 30 times slower
    than an opaque one (150 lines: 8-12 ms against 0.3-1.3 ms here)."""
    c, back, a = pg.mkColor(colour), pg.mkColor(colours()[0]), alpha / 255
    return QColor(*(round(a * x + (1 - a) * y) for x, y in
                    zip(c.getRgb()[:3], back.getRgb()[:3])))


def set_blended_pen(item, colour, alpha: int, width: float) -> None:
    """Give a plot item the pen `colour` at `alpha` over the background, kept
    so by restyle() when the palette or the text size changes."""
    item._blend, item._base_width = (colour, alpha), width
    item.setPen(pg.mkPen(over_background(colour, alpha), width=width * _state["scale"]))


def pen(colour: str, width: float = 1, dashed: bool = False, dotted: bool = False):
    style = Qt.DashLine if dashed else Qt.DotLine if dotted else Qt.SolidLine
    return pg.mkPen(colour, width=width, style=style)


def style_legend(legend: pg.LegendItem) -> pg.LegendItem:
    _legends.add(legend)
    if _state["scale"] != 1.0 or colours()[0] != "#ffffff":
        _restyle_legend(legend)
    return legend


def style_plot(plot: pg.PlotItem, cached_axes: bool = True) -> None:
    """Grid, no context menu, and (for live plots) axes cached as pixmaps."""
    plot.showGrid(x=True, y=True, alpha=GRID_ALPHA)
    plot.setMenuEnabled(False)
    _plots.add(plot)
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
