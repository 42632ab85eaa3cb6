"""Saving and loading .h5 models and weights, atomically and in Keras's safe mode."""
from __future__ import annotations

import errno
import json
import math
import os
import tempfile
from pathlib import Path

import h5py
import keras
import numpy as np

from .engine import Session, layer_specs, make_loss
from .errors import ExperimentError, LoadError, SaveError

# Our own record in a saved model, so a loaded model resumes its epoch count and curves.
HISTORY_ATTR = "lecture_app_history"
WEIGHTS_SUFFIX = ".weights.h5"
_OPTIMIZERS = {"adam": keras.optimizers.Adam, "sgd": keras.optimizers.SGD,
               "rmsprop": keras.optimizers.RMSprop}
_OPTIMIZER_KEYS = ("learning_rate", "beta_1", "beta_2", "epsilon", "amsgrad",
                   "momentum", "nesterov", "rho", "centered")
_LOSS_NAMES = {"mse": "mse", "mean_squared_error": "mse", "meansquarederror": "mse",
               "mae": "mae", "mean_absolute_error": "mae", "meanabsoluteerror": "mae"}


# ------------------------------------------------------------------ saving
def weights_path(path: str) -> str:
    """Keras 3 saves weights only under names ending in .weights.h5."""
    if path.endswith(WEIGHTS_SUFFIX):
        return path
    return (path[:-3] if path.endswith(".h5") else path) + WEIGHTS_SUFFIX


def save(session: Session, path: str, kind: str = "model") -> str:
    """Write the model ("model") or its weights ("weights") to `path`, through a
    temporary file in the same folder renamed over the target when complete.
    Returns the path written."""
    path = os.path.abspath(weights_path(path) if kind == "weights" else path)
    if kind == "model" and not path.endswith(".h5"):
        path += ".h5"
    folder = os.path.dirname(path)
    suffix = WEIGHTS_SUFFIX if kind == "weights" else ".h5"
    try:
        fd, tmp = tempfile.mkstemp(prefix="." + os.path.basename(path) + ".", suffix=".tmp" + suffix,
                                   dir=folder)
        os.close(fd)
    except OSError as err:
        raise SaveError(_why(err, folder)) from None
    try:
        if kind == "weights":
            session.model.save_weights(tmp)
        else:
            session.model.save(tmp)
            with h5py.File(tmp, "a") as f:
                f.attrs[HISTORY_ATTR] = json.dumps(
                    {"epochs_done": session.epochs_done, "history": session.history})
        with open(tmp, "rb+") as f:
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except Exception as err:  # anything at all: the old file must survive
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise SaveError(_why(err, path)) from None
    return path


def _why(err: BaseException, where: str) -> str:
    code = getattr(err, "errno", None)
    if code in (errno.EACCES, errno.EPERM, errno.EROFS):
        return f"No permission to write in {os.path.dirname(where) or where}."
    if code == errno.ENOSPC:
        return "The disk is full: nothing was written."
    if code == errno.ENOENT:
        return f"The folder {os.path.dirname(where)} does not exist."
    return f"Could not save: {_first_line(err)}"


def _first_line(err: BaseException) -> str:
    text = str(err).strip().splitlines()
    return text[0] if text else type(err).__name__


# ------------------------------------------------------------------ loading
def _check_file(path: str) -> None:
    p = Path(path)
    if not p.is_file():
        raise LoadError(f"{p.name}: no such file.")
    if p.stat().st_size == 0:
        raise LoadError(f"{p.name} is empty.")
    if not h5py.is_hdf5(path):
        raise LoadError(f"{p.name} is not an HDF5 (.h5) file.")


def _file_kind(path: str) -> str:
    try:
        with h5py.File(path, "r") as f:
            if "model_config" in f.attrs:
                return "model"
            if "layer_names" in f.attrs or "model_weights" in f or "layers" in f or "vars" in f:
                return "weights"
    except Exception as err:
        raise LoadError(f"{Path(path).name} cannot be read as HDF5: {_first_line(err)}") from None
    return "none"


def load_session(path: str, like: Session) -> tuple[Session, list[str]]:
    """A new session holding the model in `path`, on the data of `like`.
    Returns it with notes for the user (e.g. an optimizer that was rebuilt)."""
    _check_file(path)
    name = Path(path).name
    kind = _file_kind(path)
    if kind == "weights":
        raise LoadError(f"{name} holds weights only, not a model: use Load weights.")
    if kind == "none":
        raise LoadError(f"{name} holds no Keras model.")
    try:
        # safe_mode stays on: a file must never run code.
        model = keras.models.load_model(path, compile=False, safe_mode=True)
    except Exception as err:
        raise LoadError(f"{name} could not be loaded as a Keras model: {_first_line(err)}") from None
    try:
        specs = layer_specs(model)
    except ExperimentError as err:
        raise LoadError(f"{name}: {err}") from None
    n_in = model.inputs[0].shape[-1] if getattr(model, "inputs", None) else None
    if n_in != like.data.n_features:
        raise LoadError(f"{name} expects {n_in} inputs per sample, but the "
                        f"{like.data.name} data have {like.data.n_features}.")
    if specs[-1].units != 1:
        raise LoadError(f"{name} predicts {specs[-1].units} numbers per sample; "
                        f"this data set needs 1.")
    if not all(np.all(np.isfinite(w)) for w in model.get_weights()):
        raise LoadError(f"{name} has weights that are not finite numbers (NaN or infinite).")

    training, record = _read_attrs(path)
    notes: list[str] = []
    loss = _LOSS_NAMES.get(_loss_name(training.get("loss")), like.experiment.loss)
    opt_cfg = training.get("optimizer_config") or {}
    opt_name = str(opt_cfg.get("class_name", "")).lower()
    cfg = opt_cfg.get("config", {}) if opt_name in _OPTIMIZERS else {}
    if opt_name not in _OPTIMIZERS:
        opt_name = like.experiment.optimizer
        if training:
            notes.append("The file's optimizer is not one this app trains with; using "
                         f"{opt_name}.")
    lr = _number(cfg.get("learning_rate"), like.experiment.learning_rate)
    experiment = like.experiment.replace(
        layers=specs, loss=loss, optimizer=opt_name, learning_rate=lr,
        initial_weights=None, title=f"{like.experiment.title} · {name}")
    session = Session(experiment, like.data)
    optimizer = _OPTIMIZERS[opt_name](**{k: v for k, v in cfg.items()
                                         if k in _OPTIMIZER_KEYS and v is not None})
    optimizer.build(model.trainable_variables)
    if not _restore_optimizer(path, optimizer):
        if "optimizer_weights" in _keys(path):
            notes.append("The optimizer's saved state did not fit this model; the "
                         "optimizer was rebuilt from its saved settings.")
    session._attach(model, optimizer)
    if record:
        session.history = {k: list(map(float, v)) for k, v in record.get("history", {}).items()}
        session.epochs_done = int(record.get("epochs_done", 0))
    return session, notes


def _keys(path: str) -> list[str]:
    with h5py.File(path, "r") as f:
        return list(f.keys())


def _read_attrs(path: str) -> tuple[dict, dict]:
    def parse(raw):
        if raw is None:
            return {}
        try:
            value = json.loads(raw.decode() if isinstance(raw, bytes) else raw)
        except (ValueError, UnicodeDecodeError):
            return {}
        return value if isinstance(value, dict) else {}
    with h5py.File(path, "r") as f:
        return parse(f.attrs.get("training_config")), parse(f.attrs.get(HISTORY_ATTR))


def _loss_name(loss) -> str:
    if isinstance(loss, dict):
        loss = loss.get("class_name") or loss.get("config", {}).get("name", "")
    return str(loss or "").lower()


def _number(value, default: float) -> float:
    if isinstance(value, dict):  # a serialized schedule or variable
        value = value.get("config", {}).get("value")
    try:
        value = float(value)
    except (TypeError, ValueError):
        return default
    return value if math.isfinite(value) and value > 0 else default


def _restore_optimizer(path: str, optimizer) -> bool:
    """Copy the file's optimizer state into `optimizer`, where it fits exactly."""
    try:
        with h5py.File(path, "r") as f:
            if "optimizer_weights" not in f:
                return False
            group = f["optimizer_weights"]
            names = [n.decode() if isinstance(n, bytes) else n
                     for n in group.attrs.get("weight_names", [])]
            values = [np.asarray(group[n]) for n in names]
    except Exception:
        return False
    targets = optimizer.variables
    if len(values) != len(targets) or any(tuple(v.shape) != tuple(t.shape)
                                          for v, t in zip(values, targets)):
        return False
    for v, t in zip(values, targets):
        t.assign(v.astype(t.dtype))
    return True


def load_weights(session: Session, path: str) -> None:
    """Load weights into the session's model; on any failure the current weights stay."""
    _check_file(path)
    name = Path(path).name
    before = session.model.get_weights()
    try:
        session.model.load_weights(path)
    except Exception as err:
        session.model.set_weights(before)
        raise LoadError(f"The weights in {name} do not fit this network: {_first_line(err)}") from None
    if not all(np.all(np.isfinite(w)) for w in session.model.get_weights()):
        session.model.set_weights(before)
        raise LoadError(f"{name} has weights that are not finite numbers (NaN or infinite).")
    session._last_good_weights = session.model.get_weights()
    session.last_predictions = session.predict()
