"""Every plot's right-click menu (Reset view, Save as PNG, Save as SVG) and
the export itself, through pyqtgraph's own exporters.

A plot is a GraphicsLayoutWidget named with setObjectName: the name is the
file name a folder export gives it. The window asks where to save (it owns
the dialogs): the menu's save entries reach it through `requests`.
"""
from __future__ import annotations

import sys

import pyqtgraph as pg
import pyqtgraph.exporters  # noqa: F401 - pg.exporters is not imported by pyqtgraph itself
from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, QObject, Qt, Signal
from PySide6.QtWidgets import QMenu

from training.atomic import write_atomic

translate = QCoreApplication.translate
PNG_SCALE = 2  # for slides: twice the plot's size on screen
FORMATS = ("png", "svg")


class _Requests(QObject):
    save = Signal(object, str)  # (the plot's GraphicsLayoutWidget, "png" or "svg")


requests = _Requests()


def plot_menu(view: pg.GraphicsLayoutWidget, name: str, reset) -> None:
    """`view` is a plot called `name`: a double click calls `reset` (the way
    back after zooming), a right click opens its menu."""
    view.setObjectName(name)

    def clicked(event):
        if event.double():
            event.accept()
            reset()
        elif event.button() == Qt.RightButton:
            event.accept()
            open_menu(view, reset, event.screenPos().toPoint())
    view.scene().sigMouseClicked.connect(clicked)


def open_menu(view, reset, at) -> QMenu:
    """The plot's menu, opened at `at` (screen coordinates) without blocking."""
    menu = QMenu(view)
    menu.setObjectName("plot_menu")
    menu.setAttribute(Qt.WA_DeleteOnClose)
    menu.addAction(translate("Plots", "Reset view"), reset).setObjectName("plot_reset")
    menu.addSeparator()
    menu.addAction(translate("Plots", "Save as PNG (2×)…"),
                   lambda: requests.save.emit(view, "png")).setObjectName("plot_png")
    menu.addAction(translate("Plots", "Save as SVG…"),
                   lambda: requests.save.emit(view, "svg")).setObjectName("plot_svg")
    menu.popup(at)
    return menu


def image_bytes(view: pg.GraphicsLayoutWidget, fmt: str) -> bytes:
    """The whole plot (legend and axes too) as PNG at PNG_SCALE, or as SVG."""
    scene = view.scene()
    if fmt == "svg":
        return _svg(scene)
    exporter = pg.exporters.ImageExporter(scene)
    # Its width starts as the plot's on screen (the scene itself may reach beyond).
    exporter.parameters()["width"] = int(exporter.parameters()["width"] * PNG_SCALE)
    exporter.parameters()["antialias"] = True
    image = exporter.export(toBytes=True)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data)


def _svg(scene) -> bytes:
    """pyqtgraph's SVG export, with the paths Qt 6.11 writes tidied first:
    pyqtgraph 0.14 reads every space-separated token as a point, and fails on
    the "Z" (close path) and on empty tokens (pyqtgraph issue #3485)."""
    module = sys.modules[pg.exporters.SVGExporter.__module__]
    correct = module.correctCoordinates

    def tolerant(group, defs, item, options):
        closed = []
        for node in group.getElementsByTagName("path"):
            tokens = node.getAttribute("d").split()
            if "Z" in tokens:
                closed.append(node)
            # One space between points, as pyqtgraph splits them.
            node.setAttribute("d", " ".join(t for t in tokens if t != "Z"))
        correct(group, defs, item, options)
        for node in closed:
            node.setAttribute("d", node.getAttribute("d").rstrip() + " Z")
    module.correctCoordinates = tolerant
    try:
        return pg.exporters.SVGExporter(scene).export(toBytes=True)
    finally:
        module.correctCoordinates = correct


def save(view: pg.GraphicsLayoutWidget, path: str, fmt: str) -> str:
    """Write the plot to `path`, complete or not at all (SaveError says why)."""
    return write_atomic(path, image_bytes(view, fmt))


def plots_in(widget) -> list[pg.GraphicsLayoutWidget]:
    """The named plots inside `widget`, in layout order."""
    return [v for v in widget.findChildren(pg.GraphicsLayoutWidget) if v.objectName()]
