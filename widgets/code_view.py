"""The Keras code view: the current experiment as the lecture writes it, read-only,
highlighted, with Copy and Export script. The window hands it the code."""
from __future__ import annotations

import keyword

from PySide6.QtCore import QEvent, QRegularExpression, Signal, Slot
from PySide6.QtGui import (QColor, QFont, QFontDatabase, QGuiApplication, QPalette,
                           QSyntaxHighlighter, QTextCharFormat)
from PySide6.QtWidgets import QHBoxLayout, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget


def _format(colour: str, bold: bool = False, italic: bool = False) -> QTextCharFormat:
    f = QTextCharFormat()
    f.setForeground(QColor(colour))
    if bold:
        f.setFontWeight(QFont.Bold)
    f.setFontItalic(italic)
    return f


class PythonHighlighter(QSyntaxHighlighter):
    """Keywords, numbers, strings and comments: enough for the short scripts
    shown here (no triple-quoted strings across lines but the docstring)."""

    def __init__(self, document, dark: bool = False):
        super().__init__(document)
        # Colours readable on the light and on the dark palette.
        c = (dict(keyword="#c678dd", number="#d19a66", string="#98c379", comment="#7f848e")
             if dark else
             dict(keyword="#0033b3", number="#1750eb", string="#067d17", comment="#6a737d"))
        self._rules = [
            (QRegularExpression(r"\b(" + "|".join(keyword.kwlist) + r")\b"),
             _format(c["keyword"], bold=True)),
            (QRegularExpression(r"\b\d+(\.\d*)?([eE][-+]?\d+)?\b"), _format(c["number"])),
            (QRegularExpression(r"[rf]?\"[^\"\n]*\"|[rf]?'[^'\n]*'"), _format(c["string"])),
            (QRegularExpression(r"#[^\n]*"), _format(c["comment"], italic=True)),
        ]
        self._docstring = _format(c["string"])

    def highlightBlock(self, text: str) -> None:
        # The docstring: state 1 while inside it.
        inside = self.previousBlockState() == 1
        quotes = text.count('"""')
        if inside or quotes:
            self.setFormat(0, len(text), self._docstring)
            self.setCurrentBlockState(1 if inside != (quotes % 2 == 1) else 0)
            return
        self.setCurrentBlockState(0)
        for pattern, fmt in self._rules:
            it = pattern.globalMatch(text)
            while it.hasNext():
                m = it.next()
                self.setFormat(m.capturedStart(), m.capturedLength(), fmt)


class CodeView(QWidget):
    exportRequested = Signal()
    copied = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("code_view")
        self.text = QPlainTextEdit(readOnly=True)
        self.text.setObjectName("code_text")
        self.text.setLineWrapMode(QPlainTextEdit.NoWrap)
        self.text.setFont(QFontDatabase.systemFont(QFontDatabase.FixedFont))
        dark = QGuiApplication.palette().color(QPalette.Window).lightness() < 128
        self.highlighter = PythonHighlighter(self.text.document(), dark)
        self.copy_button = QPushButton(objectName="copy_code")
        self.copy_button.clicked.connect(self.copy)
        self.export_button = QPushButton(objectName="export_script")
        self.export_button.clicked.connect(self.exportRequested)
        buttons = QHBoxLayout()
        buttons.addWidget(self.copy_button)
        buttons.addWidget(self.export_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.text, 1)
        layout.addLayout(buttons)
        self.retranslate()

    def retranslate(self) -> None:
        self.copy_button.setText(self.tr("Copy"))
        self.copy_button.setToolTip(self.tr("Copy the code to the clipboard"))
        self.export_button.setText(self.tr("Export script…"))

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def set_code(self, code: str, runnable: bool = True) -> None:
        """Show `code`; where it is unchanged, the view keeps its scroll position."""
        if code != self.text.toPlainText():
            bar = self.text.verticalScrollBar()
            top = bar.value()
            self.text.setPlainText(code)
            bar.setValue(top)
        self.export_button.setEnabled(runnable)

    def code(self) -> str:
        return self.text.toPlainText()

    @Slot()
    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.code())
        self.copied.emit()

