"""Every action of the window, made once, with a stable objectName (for tests
and accessibility tools) and the platform's standard key where there is one.
Menus and the Training tab's toolbar show the same QAction objects."""
from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QActionGroup, QKeySequence

from .i18n import LANGUAGES

# name -> (shortcut or None, checkable)
_SPECS = {
    "start": ("Ctrl+Return", False),
    # Esc is the window's own shortcut (MainWindow.on_escape): in an editor
    # it ends the editing first. The menu still shows it.
    "stop": (None, False),
    "resume": ("Ctrl+R", False),
    "step": ("Ctrl+T", False),
    "save_model": (QKeySequence.Save, False),
    "save_weights": ("Ctrl+Shift+S", False),
    "load_model": (QKeySequence.Open, False),
    "load_weights": ("Ctrl+Shift+O", False),
    "open_data": ("Ctrl+D", False),
    "runs_folder": (None, False),
    "export_script": (None, False),
    "export_plots": (None, False),
    "export_history": (None, False),
    "export_predictions": (None, False),
    "quit": (QKeySequence.Quit, False),
    "log_scale": ("Ctrl+L", True),
    "show_panel": ("Ctrl+E", True),
    "show_code": ("Ctrl+K", True),
    "show_inside": ("Ctrl+I", True),
    "larger_text": (QKeySequence.ZoomIn, False),
    "smaller_text": (QKeySequence.ZoomOut, False),
    "normal_text": ("Ctrl+0", False),
    "about": (QKeySequence.HelpContents, False),
}


class Actions(QObject):
    def __init__(self, parent):
        super().__init__(parent)
        self.by_name: dict[str, QAction] = {}
        for name, (keys, checkable) in _SPECS.items():
            action = QAction(parent)
            action.setObjectName(f"action_{name}")
            action.setCheckable(checkable)
            if keys is not None:
                action.setShortcut(QKeySequence(keys))
            self.by_name[name] = action
            setattr(self, name, action)
        self.languages = QActionGroup(parent)
        self.language: dict[str, QAction] = {}
        for code, name in LANGUAGES.items():
            action = QAction(name, parent, checkable=True)  # each in its own language
            action.setObjectName(f"action_language_{code}")
            action.setData(code)
            self.languages.addAction(action)
            self.language[code] = action
            self.by_name[f"language_{code}"] = action
        self.show_panel.setChecked(True)

    def retranslate(self) -> None:
        texts = {
            "start": (self.tr("&Start"), self.tr("Build a new model from the panel and train it")),
            "stop": (self.tr("S&top") + "\tEsc", self.tr("Stop after the current batch; the model keeps what it learned (Esc)")),
            "resume": (self.tr("&Resume"), self.tr("Train the current model further, from the next epoch")),
            "step": (self.tr("One e&poch"), self.tr("Train exactly one epoch more")),
            "runs_folder": (self.tr("&Runs folder…"), self.tr("Where runs are kept, each in a folder of its own")),
            "save_model": (self.tr("&Save model…"), self.tr("The whole model as .h5 or .keras: architecture, weights, optimizer state")),
            "save_weights": (self.tr("Save &weights…"), self.tr("The weights only, as .weights.h5")),
            "load_model": (self.tr("&Load model…"), self.tr("A whole .h5 or .keras model; it becomes the Training tab's model")),
            "load_weights": (self.tr("Load w&eights…"), self.tr("Weights into the current net; its history starts anew")),
            "open_data": (self.tr("&Open data…"), self.tr("A CSV file of your own: choose its target and features, then train on it")),
            "export_script": (self.tr("E&xport script…"), self.tr("The tab's experiment as a Python script that trains it with Keras")),
            "export_history": (self.tr("Export &history (CSV)…"), self.tr("epoch, loss, val_loss, run: the open run, or the runs ticked on the Runs page")),
            "export_predictions": (self.tr("Export pre&dictions (CSV)…"), self.tr("The test predictions against the truth at the epoch shown")),
            "export_plots": (self.tr("Export &plots…"), self.tr("Every plot of the tab in view as PNG (at twice its size) and SVG, into a folder")),
            "quit": (self.tr("&Quit"), ""),
            "log_scale": (self.tr("&Log scale for the loss"), ""),
            "show_panel": (self.tr("Experiment &panel"), self.tr("Show or hide the experiment panel")),
            "show_code": (self.tr("Keras &code"), self.tr("Show the tab's experiment as Keras code")),
            "show_inside": (self.tr("&Inside the net"), self.tr("The Training tab's net from inside: its weights, one neuron's numbers, the gradients per layer")),
            "larger_text": (self.tr("&Larger text"), self.tr("Larger text and thicker lines, for the back row")),
            "smaller_text": (self.tr("S&maller text"), ""),
            "normal_text": (self.tr("&Normal text size"), ""),
            "about": (self.tr("&About this lecture lab"), ""),
        }
        for name, (text, tip) in texts.items():
            action = self.by_name[name]
            action.setText(text)
            # On a toolbar button: no mnemonic, no "…", no shortcut column.
            action.setIconText(text.split("\t")[0].replace("&", "").rstrip("…"))
            action.setToolTip(tip or text.replace("&", "").split("\t")[0].rstrip("…"))
            action.setStatusTip(tip)
