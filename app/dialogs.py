"""Every question the window asks the user, in one place (tests answer them here)."""
from __future__ import annotations

import os

from PySide6.QtCore import QCoreApplication, QStandardPaths
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QWidget

from training.atomic import write_atomic
from training.errors import SaveError

from .presenter import user_message


translate = QCoreApplication.translate


# The patterns in both cases: Linux's file dialogs match them case-sensitively,
# and a file from Windows may be named NETZ.H5 (it loads and saves as it is).
def h5_filter() -> str:
    return translate("Dialogs", "Keras HDF5 model") + " (*.h5 *.H5)"


def keras_filter() -> str:
    return translate("Dialogs", "Keras model, Keras 3 format") + " (*.keras *.KERAS)"


def model_filters() -> tuple[str, dict[str, str]]:
    """The save dialog's filters, one per format, and the suffix each stands for."""
    return h5_filter() + ";;" + keras_filter(), {h5_filter(): ".h5", keras_filter(): ".keras"}


def any_model_filter() -> str:
    """Opening: either format, then each alone."""
    return (translate("Dialogs", "Keras models") + " (*.h5 *.H5 *.keras *.KERAS);;"
            + h5_filter() + ";;" + keras_filter())


def weights_filter() -> str:
    return translate("Dialogs", "Keras weights only") + " (*.weights.h5 *.h5 *.H5)"


def any_weights_filter() -> str:
    """Weights load from weights files and from whole models of either format."""
    return (weights_filter() + ";;" + translate("Dialogs", "Weights of a Keras model")
            + " (*.h5 *.H5 *.keras *.KERAS)")


def csv_filter() -> str:
    return translate("Dialogs", "CSV table") + " (*.csv *.CSV *.tsv *.txt)"


def title() -> str:
    return translate("Dialogs", "Keras Lecture Lab")


class Dialogs:
    def __init__(self, parent: QWidget):
        self.parent = parent
        # Where files are looked for first: the user's documents, not
        # wherever the app happened to be started from.
        self.folder = QStandardPaths.writableLocation(
            QStandardPaths.DocumentsLocation) or os.getcwd()
        self.filter: dict[str, str] = {}  # the filter last chosen, per list of filters
        self.closing = False  # no more message boxes once the window closes

    def save_path(self, title: str, filters: str, suffixes: dict[str, str] | None = None) -> str:
        """A file name to write. With `suffixes` (filter: suffix), a name that
        ends in none of them gets the chosen filter's: the name chooses the
        format, and where it does not, the filter does. The filter chosen is
        offered first next time."""
        path, chosen = QFileDialog.getSaveFileName(self.parent, title, self.folder, filters,
                                                   self.filter.get(filters, ""))
        if path:
            self.folder = os.path.dirname(path)
            self.filter[filters] = chosen
            if suffixes and not path.lower().endswith(tuple(suffixes.values())):
                path += suffixes.get(chosen, next(iter(suffixes.values())))
        return path

    def save_file(self, title: str, filters: str, suffix: str, write) -> str | None:
        """Ask where, complete the name with `suffix`, and `write(path)` (which
        returns the path written); a failure is shown, not raised. The path
        written, or None."""
        path = self.save_path(title, filters)
        if not path:
            return None
        if not path.lower().endswith(suffix):
            path += suffix
        try:
            return write(path)
        except SaveError as err:
            self.error(user_message(err))
            return None

    def save_csv(self, title: str, data: bytes) -> str | None:
        """save_file for a CSV table already made."""
        return self.save_file(title, translate("Dialogs", "CSV table (*.csv)"), ".csv",
                              lambda path: write_atomic(path, data))

    def open_path(self, title: str, filters: str) -> str:
        path, _ = QFileDialog.getOpenFileName(self.parent, title, self.folder,
                                              filters + ";;" + translate("Dialogs", "All files (*)"))
        if path:
            self.folder = os.path.dirname(path)
        return path

    def unsaved(self, question: str) -> str:
        """'save', 'discard' or 'cancel' for a model with unsaved training."""
        box = QMessageBox(QMessageBox.Question, translate("Dialogs", "Unsaved training"), question,
                          QMessageBox.Save | QMessageBox.Discard | QMessageBox.Cancel,
                          self.parent)
        box.setDefaultButton(QMessageBox.Save)
        answer = box.exec()
        return {QMessageBox.Save: "save", QMessageBox.Discard: "discard"}.get(answer, "cancel")

    def run_dialog(self, dialog) -> bool:
        """Show a dialog of the window's and wait for its answer (tests answer here)."""
        # The class's enum: PySide6 6.11 has no DialogCode on an instance.
        return dialog.exec() == QDialog.Accepted

    def confirm(self, question: str) -> bool:
        box = QMessageBox(QMessageBox.Warning, title(), question,
                          QMessageBox.Yes | QMessageBox.Cancel, self.parent)
        box.setDefaultButton(QMessageBox.Cancel)
        return box.exec() == QMessageBox.Yes

    def folder_path(self, title: str, start: str) -> str:
        return QFileDialog.getExistingDirectory(self.parent, title, start)

    def error(self, message: str) -> None:
        if not self.closing:
            QMessageBox.warning(self.parent, title(), message)
