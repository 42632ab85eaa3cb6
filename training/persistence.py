"""Saving and loading .h5 models and weights, atomically and in Keras's safe mode.

Saving never harms an existing file: the new one is complete before it replaces
the old. Loading treats every file as hostile: a child process reads it first
(damaged files can hang or crash the HDF5 library), then h5py checks what it
holds before Keras sees it, and anything that is not a network this app can
train is refused with one LoadError line. A refused file changes nothing.
"""
from __future__ import annotations

import errno
import io
import json
import math
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import h5py
import keras
import numpy as np

from .engine import Session, layer_specs
from .errors import ExperimentError, LoadError, SaveError
from .filenames import weights_path

# Our own record in a saved model, so a loaded model resumes its epoch count and curves.
HISTORY_ATTR = "lecture_app_history"
_OPTIMIZERS = {"adam": keras.optimizers.Adam, "sgd": keras.optimizers.SGD,
               "rmsprop": keras.optimizers.RMSprop}
_OPTIMIZER_KEYS = ("learning_rate", "beta_1", "beta_2", "epsilon", "amsgrad",
                   "momentum", "nesterov", "rho", "centered")
_LOSS_NAMES = {"mse": "mse", "mean_squared_error": "mse", "meansquarederror": "mse",
               "mae": "mae", "mean_absolute_error": "mae", "meanabsoluteerror": "mae"}
# What a loadable file may hold. The limits are the experiment panel's; checking
# them before Keras builds anything keeps a hostile file from claiming gigabytes.
_MODEL_CLASSES = {"Sequential", "Functional", "Model"}
_LAYER_CLASSES = {"InputLayer", "Dense"}
_MAX_UNITS = 10_000
_MAX_LAYERS = 100
_MAX_DATASET_ELEMENTS = _MAX_UNITS * _MAX_UNITS
_MAX_FILE_ELEMENTS = 4 * _MAX_DATASET_ELEMENTS
# Keras 2 optimizer slot names -> Keras 3 slot names, per optimizer.
_SLOTS = {"adam": {"m": "momentum", "v": "velocity", "vhat": "velocity_hat"},
          "sgd": {"m": "momentum", "momentum": "momentum"},
          "rmsprop": {"velocity": "velocity", "rms": "velocity", "momentum": "momentum",
                      "average_gradient": "average_gradient", "mg": "average_gradient"}}
# Temporary files older than this are stale whoever wrote them.
_STALE_SECONDS = 24 * 3600
_CHUNK = 1 << 20  # bytes per write of a saved file


# ------------------------------------------------------------------ saving
def save(session: Session, path: str, kind: str = "model") -> str:
    """Write the model ("model") or its weights ("weights") to `path`, through a
    temporary file in the same folder renamed over the target when complete.
    Returns the path written."""
    path = os.path.abspath(weights_path(path) if kind == "weights" else path)
    if kind == "model" and not path.endswith(".h5"):
        path += ".h5"
    folder, base = os.path.split(path)
    try:
        data = _weights_image(session) if kind == "weights" else _model_image(session)
    except Exception as err:
        raise SaveError(f"Could not save {base}: {_first_line(err)}") from None
    # The leading dot hides the temporary file; the pid lets a later save tell a
    # crashed writer's leftovers.
    prefix, suffix = f".{base}.{os.getpid()}.", ".tmp"
    _remove_stale_temps(folder, base, suffix)
    try:
        fd, tmp = tempfile.mkstemp(prefix=prefix, suffix=suffix, dir=folder)
    except OSError as err:
        raise SaveError(_why(err, path)) from None
    try:
        try:
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view[:_CHUNK]):]
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp, path)
    except Exception as err:  # anything at all: the old file must survive
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise SaveError(_why(err, path)) from None
    _fsync_folder(folder)
    return path


# Keras writes the HDF5 image into memory, and Python writes that to disk: after
# a failed write (a full disk) the HDF5 library is left broken and the next save
# crashes the process, so HDF5 must never see a failing disk. Keras's public
# save functions take only file names, hence its two internal ones.
def _model_image(session: Session) -> bytes:
    from keras.src.legacy.saving import legacy_h5_format
    buffer = io.BytesIO()
    with h5py.File(buffer, "w") as f:
        legacy_h5_format.save_model_to_hdf5(session.model, f)
        f.attrs[HISTORY_ATTR] = json.dumps(
            {"epochs_done": session.epochs_done, "history": session.history})
    return buffer.getvalue()


def _weights_image(session: Session) -> bytes:
    from keras.src.saving import saving_lib
    buffer = io.BytesIO()
    store = saving_lib.H5IOStore(buffer, mode="w")
    saving_lib._save_state(session.model, weights_store=store, assets_store=None,
                           inner_path="", visited_saveables=set())
    store.close()
    return buffer.getvalue()


def _remove_stale_temps(folder: str, base: str, suffix: str) -> None:
    """Delete temporary files left for this target by a save that crashed."""
    head = f".{base}."
    try:
        names = os.listdir(folder)
    except OSError:
        return  # mkstemp will say why
    for entry in names:
        if not (entry.startswith(head) and entry.endswith(suffix)):
            continue
        full = os.path.join(folder, entry)
        pid = entry[len(head):].split(".", 1)[0]
        try:
            stale = ((pid.isdigit() and int(pid) != os.getpid() and not _running(int(pid)))
                     or time.time() - os.path.getmtime(full) > _STALE_SECONDS)
            if stale:
                os.unlink(full)
        except OSError:
            pass


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # someone else's process
    return True


def _fsync_folder(folder: str) -> None:
    # The rename itself reaches the disk only with its folder.
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _why(err: BaseException, path: str) -> str:
    name, folder = os.path.basename(path), os.path.dirname(path)
    code = getattr(err, "errno", None)
    if code in (errno.EACCES, errno.EPERM, errno.EROFS):
        return f"No permission to write in {folder}; {name} was not changed."
    if code in (errno.ENOSPC, errno.EDQUOT):
        return f"The disk is full; {name} was not changed."
    if code == errno.ENOENT:
        return f"The folder {folder} does not exist."
    return f"Could not save {name}: {_first_line(err)}"


def _first_line(err: BaseException) -> str:
    text = str(err).strip().splitlines()
    return text[0] if text else type(err).__name__


# ------------------------------------------------------------------ inspecting
def _check_file(path: str) -> None:
    p = Path(path)
    if not p.is_file():
        raise LoadError(f"{p.name}: no such file.")
    if p.stat().st_size == 0:
        raise LoadError(f"{p.name} is empty.")
    if not h5py.is_hdf5(path):
        raise LoadError(f"{p.name} is not an HDF5 (.h5) file.")
    _probe(path)


# Reads every attribute and dataset of a file, as loading will. Some damaged
# files make the HDF5 library loop forever (or crash), so a child process
# reads them first: only a file it read completely is opened here. The alarm
# ends the child even when the app that waits for it has gone.
_PROBE = """
import signal, sys
if hasattr(signal, "alarm"):
    signal.alarm(int(sys.argv[3]))
import h5py
size = int(sys.argv[2])
def read(name, obj):
    for key in obj.attrs:
        obj.attrs[key]
    if isinstance(obj, h5py.Dataset):
        if obj.size * obj.dtype.itemsize > size:  # Keras never compresses
            sys.exit("a dataset claims more data than the file holds")
        obj[()]
with h5py.File(sys.argv[1], "r") as f:
    read("/", f)
    f.visititems(read)
"""
_PROBE_SECONDS = 20.0


def _probe(path: str) -> None:
    name = Path(path).name
    try:
        done = subprocess.run([sys.executable, "-c", _PROBE, path, str(os.path.getsize(path)),
                               str(math.ceil(_PROBE_SECONDS) + 1)],
                              capture_output=True, text=True, timeout=_PROBE_SECONDS)
    except subprocess.TimeoutExpired:
        raise LoadError(f"{name} is damaged: reading it does not finish.") from None
    if done.returncode != 0:
        lines = done.stderr.strip().splitlines()
        why = lines[-1].split(": ", 1)[-1][:150] if lines else f"the reader crashed ({done.returncode})"
        raise LoadError(f"{name} is damaged and cannot be read ({why}).")


def _inspect(path: str) -> tuple[str, dict]:
    """("model" | "weights" | "none", the root attributes), after checking that
    every dataset in the file is a readable array of sane size."""
    name = Path(path).name
    try:
        with h5py.File(path, "r") as f:
            total = 0
            objects = []
            f.visititems(lambda _, obj: objects.append(obj) if isinstance(obj, h5py.Dataset) else None)
            for ds in objects:
                if ds.dtype.kind not in "fiub" or ds.size > _MAX_DATASET_ELEMENTS:
                    raise LoadError(f"{name} holds data that is not a network's weights ({ds.name}).")
                total += ds.size
            if total > _MAX_FILE_ELEMENTS:
                raise LoadError(f"{name} is larger than any network this app trains.")
            attrs = {k: _text(f.attrs[k]) for k in ("model_config", "training_config", HISTORY_ATTR)
                     if k in f.attrs}
            if "model_config" in attrs:
                kind = "model"
            elif "layer_names" in f.attrs or "model_weights" in f or "layers" in f or "vars" in f:
                kind = "weights"
            else:
                kind = "none"
    except LoadError:
        raise
    except Exception as err:
        raise LoadError(f"{name} is damaged and cannot be read ({_first_line(err)}).") from None
    return kind, attrs


def _text(raw) -> str | None:
    if isinstance(raw, bytes):
        return raw.decode("utf-8", "replace")
    return raw if isinstance(raw, str) else None


def _json(raw: str | None):
    if raw is None:
        return None
    try:
        return json.loads(raw)
    except (ValueError, RecursionError):
        return None


def _check_config(name: str, raw: str | None, n_features: int) -> None:
    """Refuse, before Keras builds anything, a model that is not a plain stack
    of Dense layers of the panel's sizes on this data set's inputs."""
    config = _json(raw)
    if not isinstance(config, dict) or not isinstance(config.get("config"), dict):
        raise LoadError(f"{name} holds no readable model description.")
    if config.get("class_name") not in _MODEL_CLASSES:
        raise LoadError(f"{name} holds a {_label(config.get('class_name'))}, not a network of layers.")
    layers = config["config"].get("layers")
    if not isinstance(layers, list) or not 0 < len(layers) <= _MAX_LAYERS:
        raise LoadError(f"{name} holds no readable list of layers.")
    i = 0  # counted as the panel counts them: without the input
    for layer in layers:
        if not isinstance(layer, dict) or not isinstance(layer.get("config"), dict):
            raise LoadError(f"{name}: layer {i + 1} is not readable.")
        kind, cfg = layer.get("class_name"), layer["config"]
        i += kind != "InputLayer"
        label = f"layer {i} ({_label(cfg.get('name'))})"
        if kind not in _LAYER_CLASSES:
            why = ", which runs code stored in the file" if kind == "Lambda" else ""
            raise LoadError(f"{name}: {label} is a {_label(kind)!r} layer{why}; this app loads "
                            f"networks of Dense layers only.")
        if kind == "Dense":
            units = cfg.get("units")
            if type(units) is not int or not 1 <= units <= _MAX_UNITS:
                raise LoadError(f"{name}: {label} has {_label(units)} units; "
                                f"this app allows 1 to {_MAX_UNITS}.")
            if not isinstance(cfg.get("activation", "linear"), str):
                raise LoadError(f"{name}: {label} has a custom activation; "
                                f"this app knows Keras's own only.")
        for key in ("batch_shape", "batch_input_shape"):
            shape = cfg.get(key)
            if shape is None:
                continue
            if (not isinstance(shape, list) or len(shape) != 2
                    or not (shape[0] is None or type(shape[0]) is int) or type(shape[1]) is not int):
                raise LoadError(f"{name}: {label} takes inputs of shape {_label(shape)}, "
                                f"not rows of numbers.")
            if shape[1] != n_features:
                raise LoadError(f"{name} expects {shape[1]} inputs per sample, but the data "
                                f"have {n_features}.")


def _label(value) -> str:
    text = str(value)
    return text if len(text) <= 40 else text[:37] + "..."


# ------------------------------------------------------------------ loading models
def load_session(path: str, like: Session) -> tuple[Session, list[str]]:
    """A new session holding the model in `path`, on the data of `like`.
    Returns it with notes for the user (e.g. an optimizer that was rebuilt).
    Anything wrong with the file is a LoadError; `like` is never touched."""
    name = Path(path).name
    try:
        return _load_session(path, name, like)
    except LoadError:
        raise
    except Exception as err:  # a hostile file may break Keras in ways nobody listed
        raise LoadError(f"{name} could not be loaded: {_first_line(err)}") from None


def _load_session(path: str, name: str, like: Session) -> tuple[Session, list[str]]:
    _check_file(path)
    kind, attrs = _inspect(path)
    if kind == "weights":
        raise LoadError(f"{name} holds weights only, not a model: use Load weights.")
    if kind == "none":
        raise LoadError(f"{name} holds no Keras model.")
    _check_config(name, attrs.get("model_config"), like.data.n_features)
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

    training = _json(attrs.get("training_config"))
    training = training if isinstance(training, dict) else {}
    notes: list[str] = []
    loss = _LOSS_NAMES.get(_loss_name(training.get("loss")), like.experiment.loss)
    opt_cfg = training.get("optimizer_config")
    opt_cfg = opt_cfg if isinstance(opt_cfg, dict) else {}
    # Keras 2's optimizers call themselves "Custom>Adam" and the like.
    saved_name = str(opt_cfg.get("class_name", ""))
    opt_name = saved_name.split(">")[-1].lower()
    cfg = opt_cfg.get("config")
    cfg = cfg if isinstance(cfg, dict) else {}
    lr = _number(cfg.get("learning_rate"), like.experiment.learning_rate)
    own = opt_name in _OPTIMIZERS
    if not own:
        opt_name, cfg = like.experiment.optimizer, {}
        if training:
            notes.append(f"The file's optimizer {_label(saved_name.split('>')[-1])} is not one "
                         f"this app trains with; training continues with {opt_name}.")
    try:
        experiment = like.experiment.replace(
            layers=specs, loss=loss, optimizer=opt_name, learning_rate=lr,
            initial_weights=None, title=f"{like.experiment.title} · {name}").validate()
    except ExperimentError as err:
        raise LoadError(f"{name}: {err}") from None
    session = Session(experiment, like.data)
    kwargs = {k: cfg[k] for k in _OPTIMIZER_KEYS
              if k in cfg and isinstance(cfg[k], (int, float)) and math.isfinite(cfg[k])}
    kwargs["learning_rate"] = lr
    try:
        optimizer = _OPTIMIZERS[opt_name](**kwargs)
    except Exception:  # settings out of range: the optimizer's defaults will do
        optimizer = _OPTIMIZERS[opt_name](learning_rate=lr)
        notes.append(f"The file's {opt_name} settings were not usable; its defaults are used.")
    optimizer.build(model.trainable_variables)
    # Another optimizer's state means nothing to this one: that one starts fresh.
    if own and not _restore_optimizer(path, optimizer, model, opt_name):
        notes.append("The optimizer's saved state did not fit this model; the "
                     "optimizer was rebuilt from its saved settings.")
    session._attach(model, optimizer)
    record = _json(attrs.get(HISTORY_ATTR))
    if record is not None:
        history, epochs = _read_record(record)
        if history is None:
            notes.append("The file's training history was not readable; the epoch count starts at 0.")
        else:
            session.history, session.epochs_done = history, epochs
    return session, notes


def _read_record(record) -> tuple[dict | None, int]:
    try:
        epochs = record["epochs_done"]
        history = {str(k): [float(x) for x in v] for k, v in record["history"].items()}
    except (KeyError, TypeError, ValueError, AttributeError):
        return None, 0
    if type(epochs) is not int or not 0 <= epochs <= 1_000_000 or any(
            len(v) > epochs for v in history.values()):
        return None, 0
    return history, epochs


def _loss_name(loss) -> str:
    if isinstance(loss, dict):
        config = loss.get("config")
        loss = loss.get("class_name") or (config.get("name", "") if isinstance(config, dict) else "")
    return str(loss or "").lower()


def _number(value, default: float) -> float:
    if isinstance(value, dict):  # a serialized schedule or variable
        config = value.get("config")
        value = config.get("value") if isinstance(config, dict) else None
    try:
        value = float(value)
    except (TypeError, ValueError):
        return default
    return value if math.isfinite(value) and 0 < value <= 100 else default


def _restore_optimizer(path: str, optimizer, model, opt_name: str) -> bool:
    """Copy the file's optimizer state into `optimizer`, which is built for
    `model`. True when it was restored, or there was none to restore; False when
    the state does not fit, and then `optimizer` stays fresh."""
    try:
        with h5py.File(path, "r") as f:
            if "optimizer_weights" not in f:
                return True
            group = f["optimizer_weights"]
            names = [_text(n) or "" for n in group.attrs.get("weight_names", [])]
            saved = {n: np.asarray(group[n]) for n in names}
    except Exception:
        return False
    state = _keras2_state(saved, model, opt_name) if any(
        n.endswith(":0") for n in saved) else {n.split("/", 1)[-1]: v for n, v in saved.items()}
    if state is None:
        return False
    pairs = []
    for var in optimizer.variables:
        value = state.get(var.name)
        if value is None and var.name == "learning_rate":
            continue  # set from the saved settings
        if value is None or tuple(value.shape) != tuple(var.shape) or not np.all(np.isfinite(value)):
            return False
        pairs.append((var, value))
    for var, value in pairs:
        var.assign(value.astype(var.dtype))
    return True


def _keras2_state(saved: dict, model, opt_name: str) -> dict | None:
    """Keras 2's optimizer state under the names Keras 3 gives the same variables.

    Keras 2 names a slot "Adam/m/dense/kernel:0" (tf.keras optimizers) or
    "Adam/dense/kernel/m:0" (legacy ones, stored as [iter, m..., v...]), where
    Keras 3 says "sequential_dense_kernel_momentum"; matching by name makes the
    order irrelevant.
    """
    slots = _SLOTS[opt_name]
    legacy = any(n.endswith("/iter:0") for n in saved)
    paths = {}
    for layer in model.layers:
        for var in layer.trainable_variables:
            paths[f"{layer.name}/{var.name}"] = var.path.replace("/", "_")
    state = {}
    for n, value in saved.items():
        parts = n[:-2].split("/")
        if parts[-1] in ("iter", "iteration"):
            state["iteration"] = value
            continue
        if legacy and len(parts) >= 3:
            slot, var = parts[-1], "/".join(parts[1:-1])
        elif not legacy and len(parts) >= 3:
            slot, var = parts[1], "/".join(parts[2:])
        else:
            return None
        if slot not in slots or var not in paths:
            return None
        state[f"{paths[var]}_{slots[slot]}"] = value
    return state


# ------------------------------------------------------------------ loading weights
def load_weights(session: Session, path: str) -> None:
    """Load weights into the session's model; on any failure nothing changes.

    The file is read by its content, not its name: Keras's own load_weights picks
    its reader from the name's ending, so a Keras 2 file named .weights.h5 (or a
    Keras 3 one named .h5) would fail there. Every shape is checked before any
    weight is set. Weights only: an optimizer state in the file is not used.
    """
    name = Path(path).name
    try:
        per_layer = _read_weights(path, name)
    except LoadError:
        raise
    except Exception as err:
        raise LoadError(f"{name} could not be read as weights: {_first_line(err)}") from None
    layers = [layer for layer in session.model.layers if layer.weights]
    for i, layer in enumerate(layers):
        here = [tuple(w.shape) for w in layer.weights]
        if i >= len(per_layer):
            raise LoadError(f"The weights in {name} do not fit this network: layer {i + 1} "
                            f"({layer.name}) has none in the file, which holds "
                            f"{len(per_layer)} layers.")
        there = [tuple(v.shape) for v in per_layer[i]]
        if here != there:
            raise LoadError(f"The weights in {name} do not fit this network: layer {i + 1} "
                            f"({layer.name}) needs {_shapes(here)}, the file has {_shapes(there)}.")
    if len(per_layer) > len(layers):
        raise LoadError(f"The weights in {name} do not fit this network: the file holds "
                        f"{len(per_layer)} layers, this network {len(layers)}.")
    if not all(np.all(np.isfinite(v)) for values in per_layer for v in values):
        raise LoadError(f"{name} has weights that are not finite numbers (NaN or infinite).")
    for layer, values in zip(layers, per_layer):
        layer.set_weights(values)
    session._last_good_weights = session.model.get_weights()
    session.last_predictions = session.current_predictions()


def _shapes(shapes: list[tuple]) -> str:
    return " and ".join("×".join(map(str, s)) or "a scalar" for s in shapes) or "no weights"


def _read_weights(path: str, name: str) -> list[list[np.ndarray]]:
    """Per layer with weights, in the network's order, the arrays in `path`:
    Keras 2 and Keras 3 model files, Keras 2 weight files and Keras 3
    .weights.h5 files alike."""
    _check_file(path)
    _inspect(path)
    with h5py.File(path, "r") as f:
        group = f["model_weights"] if "layer_names" not in f.attrs and "model_weights" in f else f
        if "layer_names" in group.attrs:
            per_layer = []
            for layer in group.attrs["layer_names"]:
                g = group[_text(layer)]
                values = [np.asarray(g[_text(w)]) for w in g.attrs.get("weight_names", [])]
                if values:
                    per_layer.append(values)
            return per_layer
        if isinstance(f.get("layers"), h5py.Group):
            # Keras 3 keys a model's layers "dense", "dense_1", ... in the model's order.
            found = []
            for key, g in f["layers"].items():
                values = g.get("vars")
                if isinstance(values, h5py.Group) and len(values):
                    found.append((_natural(key), [np.asarray(values[str(j)])
                                                  for j in range(len(values))]))
            return [values for _, values in sorted(found)]
    raise LoadError(f"{name} holds no weights of a Keras network.")


def _natural(key: str) -> tuple[str, int]:
    m = re.fullmatch(r"(.*?)(?:_(\d+))?", key)
    return m.group(1), int(m.group(2) or 0)
