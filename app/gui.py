"""Build the QApplication and the window; TensorFlow loads after the window shows."""
from __future__ import annotations

import logging
import os
import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from training.experiment import Experiment

from .main_window import MainWindow


def run_gui(experiment: Experiment, setup=None) -> int:
    """Show the window and run until it closes. `setup(window)`, if given, runs
    once the window shows (scripts and tests drive the app through it)."""
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("Keras Lecture Lab")
    window = MainWindow(experiment)
    window.show()
    if setup is not None:
        setup(window)
    # After the first paint: the panel is usable while TensorFlow loads.
    QTimer.singleShot(0, window.warm_up)
    code = app.exec()
    # Every worker thread has ended and every save is complete (closeEvent
    # waited for them). Python's own teardown of TensorFlow takes seconds, so
    # skip it: a closed window should mean a finished process.
    logging.shutdown()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)
