"""A line of figures that changes several times a second, under the plots."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget


class Readout(QWidget):
    """A rich-text QLabel in a box of fixed height with no layout.

    QLabel.setText calls updateGeometry(), which invalidates the parent's
    layout: placed in the Training tab's layout, every new text re-laid out the
    tab and repainted both plots, 1-3 ms a frame with the GIL held. Here the
    label's geometry requests end at the box."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.label = QLabel(self)
        self.label.setTextFormat(Qt.RichText)
        self.setFixedHeight(self.label.fontMetrics().height() + 6)
        self.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Fixed)

    def resizeEvent(self, event) -> None:
        self.label.resize(event.size())

    def setText(self, text: str) -> None:
        self.label.setText(text)

    def text(self) -> str:
        return self.label.text()
