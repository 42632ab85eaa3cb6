"""Runs kept on disk, as the window shows them: where the folder is, and a
record as a row of the run list."""
from __future__ import annotations

import os

from PySide6.QtCore import QCoreApplication, QStandardPaths

from training.experiment import SETTINGS, differences
from training.run_store import RunRecord, experiment_from_dict
from widgets.experiment_panel import setting_text
from widgets.run_list import RunRow

translate = QCoreApplication.translate


def default_root() -> str:
    """The user's data folder for this app (QStandardPaths.AppDataLocation),
    on every system where it keeps such data."""
    QCoreApplication.setOrganizationName("Keras Lecture Lab")
    QCoreApplication.setApplicationName("Keras Lecture Lab")
    base = QStandardPaths.writableLocation(QStandardPaths.AppDataLocation)
    return os.path.join(base or os.path.expanduser("~"), "runs")


def rows(records: list[RunRecord]) -> list[RunRow]:
    """Newest first, each row saying what differs from the run before it."""
    experiments = []
    for r in records:
        try:
            experiments.append(experiment_from_dict(r.experiment) if not r.problem else None)
        except Exception:  # noqa: BLE001 - a record the store could read but not rebuild
            experiments.append(None)
    out = []
    for i, (r, e) in enumerate(zip(records, experiments)):
        previous = next((p for p in experiments[i + 1:] if p is not None), None)
        if e is None:
            differs, settings = "", {}
        else:
            changed = differences(previous, e) if previous is not None else []
            differs = ", ".join(setting_text(name, e) for name in changed)
            if previous is None:
                differs = translate("Runs", "first run")
            elif not changed:
                differs = translate("Runs", "the same settings")
            settings = {"dataset": e.dataset, **{name: setting_text(name, e) for name in SETTINGS}}
        out.append(RunRow(id=r.id, name=translate("Presets", r.name), date=r.created,
                          differs=differs, epochs=r.epochs, loss=r.last("loss"),
                          val_loss=r.last("val_loss"), test_mae=r.test_mae, status=r.status,
                          problem=r.problem, history=r.history, settings=settings))
    return out
