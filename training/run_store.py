"""Runs on disk: one folder a run, readable without Keras.

    RUNS/
      2026-12-02_16-20-05_boston/
        run.json          the record (below), written atomically
        model.h5          the latest model (training.persistence), atomically
        predictions.npz   test predictions per epoch, for replay (at most 2,000 epochs)
        events.out.tfevents.*   TensorBoard scalars: `tensorboard --logdir RUNS`

run.json: {"format": 1, "name", "created", "updated" (ISO times), "experiment"
(every setting, the seed and the data set), "segments" (one per Start or
Resume: first and last epoch, seconds, status), "history" (every epoch of every
key), "test_errors" (mean, max, min absolute error after each segment), "best"
({"epoch", "val_loss"} or null), "wall_seconds", "status" (one of STATUSES),
"model" (the model's file name, or null)}.

A run that is "running" but has not been brought up to date for STALE_SECONDS
was interrupted (its process was killed): the store says so and it loads and
trains on from its last model. This module only reads and writes records; the
recorder (training.run_recorder) writes models and events while a run trains.
"""
from __future__ import annotations

import dataclasses
import io
import json
import math
import os
import re
import shutil
import time
from dataclasses import dataclass, field

import numpy as np

from .atomic import write_atomic
from .errors import LoadError, SaveError
from .experiment import Experiment, LayerSpec
from .texts import QT_TRANSLATE_NOOP

FORMAT = 1
STATUSES = ("running", "finished", "stopped", "early-stopped", "diverged", "interrupted")
# A running run's folder is brought up to date at least this often.
CHECKPOINT_SECONDS = 5.0
# A "running" record older than this belongs to a process that is gone.
STALE_SECONDS = 30.0
RECORD = "run.json"
MODEL = "model.h5"
PREDICTIONS = "predictions.npz"


def now_iso() -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%S", time.localtime())


def experiment_to_dict(e: Experiment) -> dict:
    d = dataclasses.asdict(e)
    d["layers"] = [dataclasses.asdict(s) for s in e.layers]
    return d


def experiment_from_dict(d: dict) -> Experiment:
    """The experiment a record describes; unknown keys are ignored, missing
    ones take their defaults. Raises ValueError/TypeError on nonsense."""
    known = {f.name for f in dataclasses.fields(Experiment)}
    values = {k: v for k, v in d.items() if k in known}
    values["layers"] = tuple(LayerSpec(int(s["units"]), str(s.get("activation", "linear")),
                                       bool(s.get("use_bias", True))) for s in d["layers"])
    if values.get("initial_weights") is not None:
        values["initial_weights"] = _tuples(values["initial_weights"])
    if "features" in values:
        values["features"] = tuple(str(f) for f in values["features"])
    return Experiment(**values).validate()


def _tuples(value):
    return tuple(_tuples(v) for v in value) if isinstance(value, list) else value


@dataclass
class RunRecord:
    folder: str
    name: str = ""
    created: str = ""
    updated: float = 0.0            # time.time() of the last write
    experiment: dict = field(default_factory=dict)
    segments: list = field(default_factory=list)
    history: dict = field(default_factory=dict)
    test_errors: list = field(default_factory=list)
    best: dict | None = None
    wall_seconds: float = 0.0
    status: str = "running"
    model: str | None = None
    # Not stored: why the record could not be read as it is, if it could not.
    problem: str = ""

    @property
    def id(self) -> str:
        return os.path.basename(self.folder)

    @property
    def epochs(self) -> int:
        return len(self.history.get("loss", []))

    def last(self, key: str) -> float | None:
        values = self.history.get(key) or []
        return values[-1] if values else None

    @property
    def test_mae(self) -> float | None:
        return self.test_errors[-1]["mean_abs"] if self.test_errors else None

    def as_json(self) -> dict:
        d = dataclasses.asdict(self)
        del d["folder"], d["problem"]
        d["format"] = FORMAT
        return d

    def model_path(self) -> str | None:
        return os.path.join(self.folder, self.model) if self.model else None


def _slug(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9_-]+", "-", text).strip("-")[:40] or "run"


class RunStore:
    """The runs folder: list, create, rename, delete."""

    def __init__(self, root: str):
        self.root = os.path.abspath(root)
        # folder -> (run.json's mtime and size, the record read then): a list
        # of 200 runs re-reads only what changed.
        self._cache: dict[str, tuple[tuple, RunRecord]] = {}

    def writable(self) -> bool:
        """Makes the folder if need be; False when it cannot be written."""
        try:
            os.makedirs(self.root, exist_ok=True)
            probe = os.path.join(self.root, f".write-test-{os.getpid()}")
            with open(probe, "w", encoding="utf-8") as f:
                f.write("")
            os.unlink(probe)
            return True
        except OSError:
            return False

    # ------------------------------------------------------------ reading
    def list(self) -> list[RunRecord]:
        """Every run, newest first. A folder whose record cannot be read is a
        row with its problem; nothing is deleted or rewritten."""
        try:
            names = sorted(os.listdir(self.root), reverse=True)
        except OSError:
            return []
        records = []
        for name in names:
            folder = os.path.join(self.root, name)
            if name.startswith(".") or not os.path.isdir(folder):
                continue
            records.append(self._cached(folder))
        return records

    def _cached(self, folder: str) -> RunRecord:
        try:
            st = os.stat(os.path.join(folder, RECORD))
            key = (st.st_mtime_ns, st.st_size)
        except OSError:
            key = None
        hit = self._cache.get(folder)
        if key is not None and hit is not None and hit[0] == key:
            record = hit[1]
            if record.status == "running" and time.time() - record.updated > STALE_SECONDS:
                return self.read(folder)
            return record
        record = self.read(folder)
        if key is not None:
            self._cache[folder] = (key, record)
        return record

    def read(self, folder: str) -> RunRecord:
        path = os.path.join(folder, RECORD)
        try:
            with open(path, "rb") as f:
                raw = f.read(50_000_000)
            data = json.loads(raw.decode("utf-8"))
        except FileNotFoundError:
            return RunRecord(folder, name=os.path.basename(folder), status="interrupted",
                             problem=QT_TRANSLATE_NOOP("Runs", "no run.json in this folder"))
        except (OSError, ValueError, UnicodeDecodeError):
            return RunRecord(folder, name=os.path.basename(folder), status="interrupted",
                             problem=QT_TRANSLATE_NOOP("Runs", "run.json is not readable"))
        if not isinstance(data, dict):
            return RunRecord(folder, name=os.path.basename(folder), status="interrupted",
                             problem=QT_TRANSLATE_NOOP("Runs", "run.json is not readable"))
        if isinstance(data.get("format"), int) and data["format"] > FORMAT:
            return RunRecord(folder, name=str(data.get("name", os.path.basename(folder))),
                             status=str(data.get("status", "")),
                             problem=QT_TRANSLATE_NOOP("Runs", "written by a newer version of the app"))
        record = RunRecord(folder)
        try:
            record.name = str(data.get("name") or os.path.basename(folder))
            record.created = str(data.get("created", ""))
            record.updated = float(data.get("updated", 0.0))
            record.experiment = dict(data["experiment"])
            record.segments = [dict(s) for s in data.get("segments", [])]
            record.history = {str(k): [float(x) for x in v]
                              for k, v in dict(data.get("history", {})).items()}
            record.test_errors = [dict(t) for t in data.get("test_errors", [])]
            record.best = dict(data["best"]) if data.get("best") else None
            record.wall_seconds = float(data.get("wall_seconds", 0.0))
            record.status = str(data.get("status", "interrupted"))
            record.model = data.get("model") if isinstance(data.get("model"), str) else None
            experiment_from_dict(record.experiment)
        except (KeyError, TypeError, ValueError, AttributeError, LoadError):
            return RunRecord(folder, name=record.name or os.path.basename(folder),
                             status="interrupted",
                             problem=QT_TRANSLATE_NOOP("Runs", "run.json was edited or damaged"))
        except Exception:  # noqa: BLE001 - an ExperimentError from validate(), or worse
            return RunRecord(folder, name=record.name, status="interrupted",
                             problem=QT_TRANSLATE_NOOP("Runs", "run.json was edited or damaged"))
        if record.status not in STATUSES:
            record.status = "interrupted"
        if record.status == "running" and time.time() - record.updated > STALE_SECONDS:
            record.status = "interrupted"
            for segment in record.segments:
                if segment.get("status") == "running":
                    segment["status"] = "interrupted"
        if record.model and not os.path.isfile(record.model_path()):
            record.problem = QT_TRANSLATE_NOOP("Runs", "the model file is missing")
            record.model = None
        elif record.model is None and not record.problem:
            record.problem = QT_TRANSLATE_NOOP("Runs", "no model was saved")
        return record

    # ------------------------------------------------------------ writing
    def create(self, experiment: Experiment, name: str = "") -> RunRecord:
        """A new run's folder and record, status "running" (no epoch yet)."""
        os.makedirs(self.root, exist_ok=True)
        stamp = time.strftime("%Y-%m-%d_%H-%M-%S", time.localtime())
        base = f"{stamp}_{_slug(experiment.name)}"
        for n in range(1000):
            folder = os.path.join(self.root, base if n == 0 else f"{base}_{n + 1}")
            try:
                os.mkdir(folder)
                break
            except FileExistsError:
                continue
        else:
            raise SaveError(QT_TRANSLATE_NOOP("Messages", "No new run folder could be made in {root}."),
                            root=self.root)
        record = RunRecord(folder, name=name or experiment.title or experiment.name,
                           created=now_iso(), experiment=experiment_to_dict(experiment))
        self.write(record)
        return record

    def write(self, record: RunRecord) -> None:
        record.updated = time.time()
        data = json.dumps(record.as_json(), allow_nan=False, separators=(",", ":"),
                          default=_json_default)
        write_atomic(os.path.join(record.folder, RECORD), data.encode("utf-8"))

    def rename(self, record: RunRecord, name: str) -> None:
        record.name = name.strip() or record.name
        if not record.problem:
            self.write(record)

    def delete(self, record: RunRecord) -> None:
        """Remove the run's folder (the caller has asked the user)."""
        if os.path.dirname(os.path.abspath(record.folder)) != self.root:
            raise SaveError(QT_TRANSLATE_NOOP("Messages", "{folder} is not a run of this folder."),
                            folder=record.folder)
        shutil.rmtree(record.folder)


# Replay keeps the test predictions of at most this many epochs of a run:
# always the first, the best and the last, the others evenly spread.
MAX_REPLAY = 2000


def thin(epochs: list[int], keep: set[int], limit: int = MAX_REPLAY) -> list[int]:
    """At most `limit` of `epochs` (sorted), evenly spread, with `keep`."""
    if len(epochs) <= limit:
        return list(epochs)
    picks = set(np.linspace(0, len(epochs) - 1, limit - len(keep)).round().astype(int))
    chosen = {epochs[i] for i in picks} | (keep & set(epochs))
    return sorted(chosen)


class Replay:
    """The test predictions after each epoch (epoch 0: before training)."""

    def __init__(self, epochs=None, predictions=None):
        self.by_epoch: dict[int, np.ndarray] = {}
        if epochs is not None:
            for e, p in zip(epochs, predictions):
                self.by_epoch[int(e)] = np.asarray(p, dtype=np.float32)

    def add(self, epoch: int, predictions, best: int | None) -> None:
        self.by_epoch[epoch] = np.asarray(predictions, dtype=np.float32)
        if len(self.by_epoch) > 2 * MAX_REPLAY:  # thinned as it grows, not only at writes
            self._thin(best)

    def _thin(self, best: int | None) -> None:
        epochs = sorted(self.by_epoch)
        keep = {epochs[0], epochs[-1]} | ({best} if best is not None else set())
        kept = thin(epochs, keep)
        self.by_epoch = {e: self.by_epoch[e] for e in kept}

    def image(self, best: int | None) -> bytes:
        self._thin(best)
        epochs = sorted(self.by_epoch)
        buffer = io.BytesIO()
        np.savez(buffer, epochs=np.array(epochs, dtype=np.int64),
                 predictions=np.stack([self.by_epoch[e] for e in epochs]) if epochs
                 else np.zeros((0, 0), np.float32))
        return buffer.getvalue()

    def copy(self) -> "Replay":
        other = Replay()
        other.by_epoch = dict(self.by_epoch)
        return other

    def epochs(self) -> list[int]:
        return sorted(self.by_epoch)

    def at(self, epoch: int) -> tuple[int, np.ndarray] | None:
        """The stored epoch nearest to `epoch` (thinned runs skip some) and its predictions."""
        if not self.by_epoch:
            return None
        nearest = min(self.by_epoch, key=lambda e: (abs(e - epoch), e))
        return nearest, self.by_epoch[nearest]

    @classmethod
    def read(cls, path: str) -> "Replay":
        try:
            with np.load(path, allow_pickle=False) as f:
                return cls(f["epochs"], f["predictions"])
        except Exception:  # noqa: BLE001 - a damaged replay is no replay, not an error
            return cls()


def _json_default(value):
    if hasattr(value, "item"):  # numpy scalars
        value = value.item()
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, (int, float, str)):
        return value
    raise TypeError(f"not JSON: {type(value).__name__}")
