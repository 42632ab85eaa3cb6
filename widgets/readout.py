"""Labels whose text changes several times a second, that re-lay out nothing when it does."""
from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget


class Readout(QWidget):
    """A rich-text QLabel in a box of fixed height with no layout.

    QLabel.setText calls updateGeometry(), which invalidates the parent's
    layout: placed in the Training tab's layout, every new text re-laid out the
    tab and repainted both plots, 1-3 ms a frame with the GIL held. Here the
    label's geometry requests end at the box.

    `most` lines (more than `lines`): a text too wide for the box wraps and the
    box grows, up to `most`; it shrinks again only when it is resized, so a
    figure that changes width every frame does not re-lay out the tab every
    frame (the test-error line at 1024x768 with the code dock open)."""

    def __init__(self, parent=None, lines: int = 1, most: int | None = None):
        super().__init__(parent)
        self.label = QLabel(self)
        self.label.setTextFormat(Qt.RichText)
        self.label.setAlignment(Qt.AlignLeft | Qt.AlignTop)
        self.lines, self.most = lines, max(lines, most or lines)
        self.label.setWordWrap(self.most > 1)
        self._shown = lines
        self._fit()
        self.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Fixed)

    def _fit(self, grow_only: bool = False) -> None:
        spacing = self.label.fontMetrics().lineSpacing()
        shown = self.lines
        if self.most > self.lines and self.label.text():
            needed = -(-self.label.heightForWidth(max(1, self.width())) // spacing)
            shown = min(self.most, max(self.lines, needed))
        if grow_only:
            shown = max(shown, self._shown)
        self._shown = shown
        height = shown * spacing + 6
        if height != self.height() or height != self.minimumHeight():
            self.setFixedHeight(height)

    def changeEvent(self, event) -> None:
        # Larger text (View menu): a box of the old height would clip it.
        if event.type() == QEvent.FontChange:
            self._fit()
        super().changeEvent(event)

    def resizeEvent(self, event) -> None:
        self.label.resize(event.size())
        if event.size().width() != event.oldSize().width():
            self._fit()

    def setText(self, text: str) -> None:
        self.label.setText(text)
        if self.most > self.lines:
            self._fit(grow_only=True)

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
