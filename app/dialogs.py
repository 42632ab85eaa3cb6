"""Every question the window asks the user, in one place (tests answer them here)."""
from __future__ import annotations

import os

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

H5_FILTER = "Keras HDF5 model (*.h5)"
WEIGHTS_FILTER = "Keras weights (*.weights.h5 *.h5)"
TITLE = "Keras Lecture Lab"


class Dialogs:
    def __init__(self, parent: QWidget):
        self.parent = parent
        self.folder = os.getcwd()
        self.closing = False  # no more message boxes once the window closes

    def save_path(self, title: str, filters: str) -> str:
        path, _ = QFileDialog.getSaveFileName(self.parent, title, self.folder, filters)
        if path:
            self.folder = os.path.dirname(path)
        return path

    def open_path(self, title: str, filters: str) -> str:
        path, _ = QFileDialog.getOpenFileName(self.parent, title, self.folder,
                                              filters + ";;All files (*)")
        if path:
            self.folder = os.path.dirname(path)
        return path

    def unsaved(self, question: str) -> str:
        """'save', 'discard' or 'cancel' for a model with unsaved training."""
        box = QMessageBox(QMessageBox.Question, "Unsaved training", question,
                          QMessageBox.Save | QMessageBox.Discard | QMessageBox.Cancel,
                          self.parent)
        box.setDefaultButton(QMessageBox.Save)
        answer = box.exec()
        return {QMessageBox.Save: "save", QMessageBox.Discard: "discard"}.get(answer, "cancel")

    def error(self, message: str) -> None:
        if not self.closing:
            QMessageBox.warning(self.parent, TITLE, message)
