"""Build the QApplication and the window; TensorFlow loads after the window shows."""
from __future__ import annotations

import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from training.experiment import Experiment

from .main_window import MainWindow


def run_gui(experiment: Experiment) -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("Keras Lecture Lab")
    window = MainWindow(experiment)
    window.show()
    # After the first paint: the panel is usable while TensorFlow loads.
    QTimer.singleShot(0, window.warm_up)
    return app.exec()
