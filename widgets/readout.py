"""Labels whose text changes several times a second, that re-lay out nothing when it does."""
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


class SteadyLabel(QLabel):
    """A label of fixed size that grows to its widest text and never shrinks
    (until its font changes), for short texts that change every frame.

    Every QLabel.setText calls updateGeometry(), and every layout it reaches
    calls updateGeometry() on its own widget in turn, up to the window: each
    QTabWidget on the way lays itself out and repaints all of itself. The
    replay slider's "12 of 40" did that on every frame of a run (1.1 s of the
    GUI thread's paint time in a 1000-epoch run). A widget of fixed size ends
    the chain at itself."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._fit(shrink=True)

    def _fit(self, shrink: bool = False) -> None:
        hint = self.sizeHint()  # the text's size, whatever the fixed size
        if not shrink:
            hint = hint.expandedTo(self.minimumSize())
        if hint != self.minimumSize() or hint != self.maximumSize():
            self.setFixedSize(hint)

    def setText(self, text: str) -> None:
        if text != self.text():
            super().setText(text)
            self._fit()

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.FontChange:
            self._fit(shrink=True)
        super().changeEvent(event)
