"""A line of figures that changes several times a second, under the plots."""
from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget


class Readout(QWidget):
    """A rich-text QLabel in a box of fixed height with no layout.

    QLabel.setText calls updateGeometry(), which invalidates the parent's
    layout: placed in the Training tab's layout, every new text re-laid out the
    tab and repainted both plots, 1-3 ms a frame with the GIL held. Here the
    label's geometry requests end at the box."""

    def __init__(self, parent=None, lines: int = 1):
        super().__init__(parent)
        self.label = QLabel(self)
        self.label.setTextFormat(Qt.RichText)
        self.label.setAlignment(Qt.AlignLeft | Qt.AlignTop)
        self.label.setWordWrap(lines > 1)
        self.lines = lines
        self._fit()
        self.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Fixed)

    def _fit(self) -> None:
        self.setFixedHeight(self.lines * self.label.fontMetrics().lineSpacing() + 6)

    def changeEvent(self, event) -> None:
        # Larger text (View menu): a box of the old height would clip it.
        if event.type() == QEvent.FontChange:
            self._fit()
        super().changeEvent(event)

    def resizeEvent(self, event) -> None:
        self.label.resize(event.size())

    def setText(self, text: str) -> None:
        self.label.setText(text)

    def text(self) -> str:
        return self.label.text()
