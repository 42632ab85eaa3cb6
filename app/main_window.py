"""The main window: one tab per experiment, each with its own state, and the menus.

The Training tab owns the document model (what Save, Load and closing act
on); the lecture tabs run their own sessions beside it. The status bar shows
what the current tab last said; a tab with a run going on shows a play icon.
Start and Stop act on the tab in view; the File menu on the document.
"""
from __future__ import annotations

import os

from PySide6.QtCore import QEvent, Qt, Slot
from PySide6.QtGui import QIcon, QKeySequence, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QAbstractSpinBox, QApplication, QDockWidget, QLineEdit, QMainWindow, QMessageBox,
    QPlainTextEdit, QStyle, QTabWidget, QTextEdit)

from training import keras_code
from training.errors import ExperimentError, SaveError
from training.experiment import Experiment
from widgets import plot_export, style
from widgets.code_view import CodeView
from widgets.inside_view import InsideView

from . import i18n, presenter, runs
from .actions import Actions
from .dialogs import Dialogs
from .lecture_tabs import ActivationTab, AndTab, PathsTab
from .training_tab import TrainingTab

# Widgets in which Esc belongs to the editing, not to the run.
_EDITORS = (QAbstractSpinBox, QLineEdit, QTextEdit, QPlainTextEdit)
TEXT_SCALES = (0.85, 1.0, 1.25, 1.5, 1.75, 2.0)


# The window's size unless told: larger than a 1024x768 projector, which gets
# the whole screen instead (app.gui).
DEFAULT_SIZE = (1280, 800)


class MainWindow(QMainWindow):
    def __init__(self, experiment: Experiment, parent=None, runs_dir: str | None = None,
                 keep_runs: bool = True):
        """`runs_dir`: where runs are kept (default: the folder chosen last,
        else the user's data folder); `keep_runs=False` keeps none."""
        style.apply()
        super().__init__(parent)
        self.resize(*DEFAULT_SIZE)
        self.dialogs = Dialogs(self)
        self.actions = a = Actions(self)
        self.training = TrainingTab(experiment, self.dialogs, a)
        self.document = self.training.document
        self.and_tab = AndTab(self.dialogs, self)
        self.paths_tab = PathsTab(self.dialogs, self)
        self.activation_tab = ActivationTab(self)
        if keep_runs:
            self.training.set_runs_folder(runs_dir or i18n.settings().value(
                "runs_folder", "") or runs.default_root())
        self.tabs = QTabWidget()
        self.tabs.setObjectName("tabs")
        # Each tab: its widget (view), its own TaskRunner or None, its status.
        self._presenters = (self.training, self.and_tab, self.paths_tab, self.activation_tab)
        for tab in self._presenters:
            self.tabs.addTab(tab.view, "")
        self.setCentralWidget(self.tabs)
        self.code_view = CodeView()
        self.code_dock = QDockWidget(objectName="code_dock")
        self.code_dock.setWidget(self.code_view)
        self.addDockWidget(Qt.RightDockWidgetArea, self.code_dock)
        self.code_dock.hide()
        # The Training tab's net from inside; it costs training time only while shown.
        self.inside_view = InsideView()
        self.inside_dock = QDockWidget(objectName="inside_dock")
        self.inside_dock.setWidget(self.inside_view)
        self.addDockWidget(Qt.RightDockWidgetArea, self.inside_dock)
        self.inside_dock.hide()
        self._inside_sized = False
        self.document.inspected.connect(self.inside_view.set_stats)
        self.training.replayEpoch.connect(self.inside_view.show_epoch)
        self._running_icon = self.style().standardIcon(QStyle.SP_MediaPlay)
        # Every tab holds an icon of the same size, blank while idle: a tab
        # that gains one would grow, and re-lay out the whole window with its
        # plots (14 ms at a Start click, the longest stall of a run).
        size = self.tabs.iconSize()
        blank = QPixmap(size)
        blank.fill(Qt.transparent)
        self._idle_icon = QIcon(blank)
        for i in range(self.tabs.count()):
            self.tabs.setTabIcon(i, self._idle_icon)

        for tab in self._presenters:
            tab.status.connect(self._on_tab_status)
            # Only the tab in view has its code shown.
            tab.settingsChanged.connect(
                lambda tab=tab: tab is self.current_tab() and self._refresh_code())
            if tab.runner is not None:
                tab.runner.trainingChanged.connect(self._on_training_changed)
                tab.runner.busyChanged.connect(self._update_actions)
        self.tabs.currentChanged.connect(self._on_tab)

        self._build_menus()
        a.start.triggered.connect(self.on_start)
        a.stop.triggered.connect(self.on_stop)
        self.escape = QShortcut(QKeySequence(Qt.Key_Escape), self, self.on_escape)
        a.quit.triggered.connect(self.close)
        a.runs_folder.triggered.connect(self.choose_runs_folder)
        a.export_script.triggered.connect(self.export_script)
        a.export_plots.triggered.connect(self.export_plots)
        plot_export.requests.save.connect(self.save_plot)
        self.code_view.exportRequested.connect(self.export_script)
        self.code_view.copied.connect(
            lambda: self.statusBar().showMessage(self.tr("Code copied."), 5000))
        a.show_code.toggled.connect(self.code_dock.setVisible)
        a.show_code.toggled.connect(lambda shown: i18n.settings().setValue("show_code", shown))
        # isHidden, not the visibility: a minimised window hides the dock too.
        self.code_dock.visibilityChanged.connect(self._code_visibility)
        a.show_inside.toggled.connect(self.inside_dock.setVisible)
        a.show_inside.toggled.connect(lambda shown: i18n.settings().setValue("show_inside", shown))
        self.inside_dock.visibilityChanged.connect(self._inside_visibility)
        a.larger_text.triggered.connect(lambda: self._step_text(+1))
        a.smaller_text.triggered.connect(lambda: self._step_text(-1))
        a.normal_text.triggered.connect(lambda: self.set_text_scale(1.0))
        a.about.triggered.connect(self.show_about)
        a.languages.triggered.connect(self._on_language)
        a.language[i18n.current()].setChecked(True)
        a.show_code.setChecked(i18n.settings().value("show_code", False, type=bool))
        a.show_inside.setChecked(i18n.settings().value("show_inside", False, type=bool))
        self.retranslate()
        self._update_actions()

    def _build_menus(self) -> None:
        a, bar = self.actions, self.menuBar()
        self.file_menu = bar.addMenu("")
        for action in (a.open_data, None, a.load_model, a.load_weights, None, a.save_model,
                       a.save_weights, None,
                       a.export_script, a.export_plots, a.export_history, a.export_predictions,
                       None, a.runs_folder, None, a.quit):
            self.file_menu.addSeparator() if action is None else self.file_menu.addAction(action)
        self.training_menu = bar.addMenu("")
        for action in (a.start, a.stop, a.resume, a.step):
            self.training_menu.addAction(action)
        self.view_menu = bar.addMenu("")
        for action in (a.log_scale, a.show_panel, a.show_code, a.show_inside, None, a.larger_text, a.smaller_text,
                       a.normal_text, None):
            self.view_menu.addSeparator() if action is None else self.view_menu.addAction(action)
        self.language_menu = self.view_menu.addMenu("")
        for action in a.language.values():
            self.language_menu.addAction(action)
        self.help_menu = bar.addMenu("")
        self.help_menu.addAction(a.about)
        # Without the menu bar (some desktops hide it), the keys still work.
        for action in a.by_name.values():
            self.addAction(action)

    # ------------------------------------------------------------ texts
    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Keras Lecture Lab — dense networks, live"))
        self.actions.retranslate()
        for i, title in enumerate((self.tr("Training"), self.tr("AND neuron"),
                                   self.tr("Gradient paths"), self.tr("Activation functions"))):
            self.tabs.setTabText(i, title)
        self.file_menu.setTitle(self.tr("&File"))
        self.training_menu.setTitle(self.tr("&Training"))
        self.view_menu.setTitle(self.tr("&View"))
        self.language_menu.setTitle(self.tr("&Language"))
        self.help_menu.setTitle(self.tr("&Help"))
        self.code_dock.setWindowTitle(self.tr("Keras code"))
        self.inside_dock.setWindowTitle(self.tr("Inside the net (Training tab)"))
        self._refresh_code()
        for i, tab in enumerate(self._presenters):
            running = tab.runner is not None and tab.runner.training
            self.tabs.setTabToolTip(i, self.tr("Training…") if running else "")

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    @Slot(object)
    def _on_language(self, action) -> None:
        self.set_language(action.data())

    def set_language(self, language: str) -> None:
        """Switch every text and number to `language` now, and at the next start."""
        i18n.install(language)
        i18n.remember(language)
        self.actions.language[language].setChecked(True)
        # Spin boxes show numbers in their own locale: set it anew.
        self.setLocale(i18n.locale_for(language))

    @Slot()
    def choose_runs_folder(self) -> None:
        store = self.document.store
        start = store.root if store is not None else runs.default_root()
        folder = self.dialogs.folder_path(self.tr("Runs folder"), start)
        if folder:
            self.training.set_runs_folder(folder)
            if self.document.store is not None:
                i18n.settings().setValue("runs_folder", folder)

    # ------------------------------------------------------------ text size
    def set_text_scale(self, scale: float) -> None:
        style.set_text_scale(QApplication.instance(), scale)

    def _step_text(self, step: int) -> None:
        now = style.text_scale()
        i = min(range(len(TEXT_SCALES)), key=lambda k: abs(TEXT_SCALES[k] - now))
        self.set_text_scale(TEXT_SCALES[max(0, min(len(TEXT_SCALES) - 1, i + step))])

    # ------------------------------------------------------------ start-up
    def warm_up(self) -> None:
        """Load TensorFlow and the default model in the background, after the window shows."""
        self.document.warm_up(self.training.panel.experiment())

    # ------------------------------------------------------------ tabs
    def current_tab(self):
        return self._presenters[self.tabs.currentIndex()]

    @Slot(str)
    def _on_tab_status(self, text: str) -> None:
        if self.sender() is self.current_tab():
            self.statusBar().showMessage(text)

    @Slot(int)
    def _on_tab(self, index: int) -> None:
        self.statusBar().showMessage(self._presenters[index].last_status)
        self._update_actions()
        self._refresh_code()

    # ------------------------------------------------------------ Keras code
    @Slot(bool)
    def _code_visibility(self, _visible: bool) -> None:
        shown = not self.code_dock.isHidden()
        self.actions.show_code.setChecked(shown)
        if shown:
            self._refresh_code()

    @Slot(bool)
    def _inside_visibility(self, _visible: bool) -> None:
        shown = not self.inside_dock.isHidden()
        if shown and not self._inside_sized:
            # Beside the tabs, not half the window (its size hint would take that).
            self._inside_sized = True
            self.resizeDocks([self.inside_dock], [max(340, self.width() * 2 // 5)], Qt.Horizontal)
        self.actions.show_inside.setChecked(shown)
        self.document.set_inspecting(shown)

    @Slot()
    def _refresh_code(self) -> None:
        """The code view follows the tab in view and its settings (while shown)."""
        experiment = self.current_tab().code_experiment()
        self.actions.export_script.setEnabled(experiment is not None)
        if self.code_dock.isHidden():
            return
        if experiment is None:
            self.code_view.set_code("# " + self.tr(
                "Nothing trains on this tab: the curves are keras.activations "
                "functions and their derivatives."), runnable=False)
        else:
            self.code_view.set_code(keras_code.script(experiment))

    # ------------------------------------------------------------ plots
    @Slot(object, str)
    def save_plot(self, view, fmt: str) -> None:
        """A plot's right-click Save as PNG / SVG."""
        if not self.isAncestorOf(view):  # another window's plot
            return
        filters = {"png": self.tr("PNG image (*.png)"), "svg": self.tr("SVG drawing (*.svg)")}
        written = self.dialogs.save_file(self.tr("Save plot"), filters[fmt], "." + fmt,
                                         lambda path: plot_export.save(view, path, fmt))
        if written:
            self.statusBar().showMessage(self.tr("Plot saved to {path}.").format(path=written))

    @Slot()
    def export_plots(self) -> None:
        """Every plot shown on the tab in view, as PNG and SVG, into one folder."""
        views = [v for v in plot_export.plots_in(self.current_tab().view) if v.isVisible()]
        if not views:
            self.dialogs.error(self.tr("This tab shows no plot."))
            return
        folder = self.dialogs.folder_path(self.tr("Export plots into"), self.dialogs.folder)
        if not folder:
            return
        targets = [(v, os.path.join(folder, f"{v.objectName()}.{fmt}"), fmt)
                   for v in views for fmt in plot_export.FORMATS]
        there = [os.path.basename(p) for _, p, _ in targets if os.path.exists(p)]
        if there and not self.dialogs.confirm(self.tr("Replace {names}?").format(
                names=", ".join(there))):
            return
        try:
            for view, path, fmt in targets:
                plot_export.save(view, path, fmt)
        except SaveError as err:
            self.dialogs.error(presenter.user_message(err))
            return
        self.dialogs.folder = folder
        self.statusBar().showMessage(self.tr("{n} files written to {folder}: {names}.").format(
            n=len(targets), folder=folder, names=", ".join(os.path.basename(p) for _, p, _ in targets)))

    @Slot()
    def export_script(self) -> None:
        """Write the tab's experiment as a runnable script (and the data it reads)."""
        experiment = self.current_tab().code_experiment()
        if experiment is None:
            return
        try:
            experiment.validate()
        except ExperimentError as err:
            self.dialogs.error(presenter.user_message(err))
            return
        written = self.dialogs.save_file(self.tr("Export script"), self.tr("Python script (*.py)"),
                                         ".py", lambda path: keras_code.export(experiment, path))
        if not written:
            return
        text = self.tr("Script written to {path}.").format(path=written[0])
        if len(written) > 1:
            text += " " + self.tr("The data it reads lie beside it: {name}.").format(
                name=keras_code.BOSTON_FILE)
        self.statusBar().showMessage(text)

    @Slot(bool)
    def _on_training_changed(self, running: bool) -> None:
        index = next(i for i, tab in enumerate(self._presenters) if tab.runner is self.sender())
        self.tabs.setTabIcon(index, self._running_icon if running else self._idle_icon)
        self.tabs.setTabToolTip(index, self.tr("Training…") if running else "")
        self._update_actions()

    @Slot()
    def _update_actions(self, *_) -> None:
        """Start and Stop follow the tab in view."""
        runner = self.current_tab().runner
        self.actions.start.setEnabled(runner is not None and not runner.training)
        self.actions.stop.setEnabled(runner is not None and runner.training)

    @Slot()
    def on_start(self) -> None:
        tab = self.current_tab()
        if tab.runner is not None and not tab.runner.training:
            tab.request_start()

    @Slot()
    def on_stop(self) -> None:
        """Stop: the current tab's run ends after its current batch."""
        tab = self.current_tab()
        if tab.runner is not None:
            tab.stop()

    @Slot()
    def on_escape(self) -> None:
        """Esc stops the current tab's run, but in an editor it ends the
        editing first (a second Esc stops); popups and dialogs keep their own
        Esc (Qt gives it to them before the window sees it)."""
        focus = QApplication.instance().focusWidget()
        if isinstance(focus, _EDITORS):
            focus.clearFocus()
            self.tabs.setFocus()
            return
        self.on_stop()

    # ------------------------------------------------------------ help
    def about_text(self) -> str:
        return self.tr(
            "<h3>Keras Lecture Lab</h3>"
            "<p>The lecture on dense networks in Keras, in one window. Everything trains for "
            "real with Keras 3 in the background while the plots follow every epoch.</p>"
            "<ul>"
            "<li><b>Activation functions</b> tab: sigmoid, tanh and ReLU with their derivatives, "
            "and two ReLUs side by side (Nebeneinanderausführung) or in series "
            "(Hintereinanderausführung).</li>"
            "<li><b>AND neuron</b> tab: one neuron learns AND, sigmoid against ReLU, updated "
            "after every sample, with its four predictions after each epoch.</li>"
            "<li><b>Gradient paths</b> tab: full-batch, mini-batch and per-sample gradient "
            "descent, 1, 3 and 9 updates per epoch, as paths on the loss surface.</li>"
            "<li><b>Training</b> tab: a Sequential net of Dense layers on the Boston Housing "
            "data, judged by the mean, max and min absolute test error; Stop (Training "
            "abbrechen) and Resume (weiter trainieren) in the Training menu; Save and Load, as "
            ".h5 models or weights, in the File menu; a validation share with early stopping "
            "on val_loss.</li>"
            "</ul>"
            "<p>Keys: Ctrl+Return starts, Esc stops, Ctrl+R resumes, Ctrl+S saves, Ctrl+O "
            "loads, Ctrl++ and Ctrl+- change the text size.</p>")

    @Slot()
    def show_about(self) -> None:
        QMessageBox.about(self, self.tr("About this lecture lab"), self.about_text())

    # ------------------------------------------------------------ closing
    def closeEvent(self, event) -> None:
        d = self.document
        if d.needs_saving:
            answer = self.dialogs.unsaved(self.tr(
                "The model has trained since it was last saved. Save it before quitting?"))
            if answer == "cancel":
                event.ignore()
                return
            if answer == "save":
                path = self.training.ask_model_path()
                if path:
                    # Closes once saved; a failed save leaves the window open.
                    d.save(path, "model", then=self.close)
                event.ignore()
                return
            d.unsaved = False  # discarded: a second close does not ask again
        self.dialogs.closing = True
        runners = [t.runner for t in self._presenters if t.runner is not None]
        runners.append(self.training.data_runner)  # a CSV file being read
        for runner in runners:
            if runner.state is not None:
                runner.state.request_stop()
        for runner in runners:
            if not runner.shutdown(1800):
                # Only TensorFlow's first import cannot be interrupted: let it
                # end rather than destroy a running thread.
                self.hide()
                runner.shutdown(None)
        event.accept()
