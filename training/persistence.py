"""Saving and loading .h5 and .keras models and weights, atomically and in Keras's safe mode.

Saving never harms an existing file (training.atomic). Loading treats every
file as hostile (training.sandbox) and refuses anything that is not a network
this app can train with one LoadError line; a refused file changes nothing.
"""
from __future__ import annotations

import io
import json
import math
import os
import zipfile
from pathlib import Path

import h5py
import keras
import numpy as np

from . import keras2, keras_zip
from .atomic import could_not_save, first_line, write_atomic
from .engine import OPTIMIZER_CLASSES, Session, layer_specs
from .errors import ExperimentError, LoadError, Message, SaveError
from .experiment import LIMITS, Experiment, experiment_for_inputs
from .filenames import model_format, model_path, weights_path
from .sandbox import HISTORY_ATTR, check_config, check_file, inspect, label, parse_json, text
from .texts import QT_TRANSLATE_NOOP
from .weights_file import check_fit, read_weights, weights_in

__all__ = ["HISTORY_ATTR", "save", "load_session", "load_weights"]

_OPTIMIZER_KEYS = ("learning_rate", "beta_1", "beta_2", "epsilon", "amsgrad",
                   "momentum", "nesterov", "rho", "centered")


# ------------------------------------------------------------------ saving
def save(session: Session, path: str, kind: str = "model") -> str:
    """Write the model ("model") or its weights ("weights") to `path`
    atomically. Returns the path written."""
    path = os.path.abspath(weights_path(path) if kind == "weights" else model_path(path))
    try:
        if kind == "weights":
            data = _weights_image(session)
        elif model_format(path) == "keras":
            data = _keras_image(session)
        else:
            data = _model_image(session)
    except Exception as err:
        raise SaveError(could_not_save(os.path.basename(path), err)) from None
    return write_atomic(path, data)


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


def _keras_image(session: Session) -> bytes:
    """Keras's own .keras zip, with our history record as one more member."""
    from keras.src.saving import saving_lib
    buffer = io.BytesIO()
    saving_lib.save_model(session.model, buffer)
    with zipfile.ZipFile(buffer, "a") as archive:
        archive.writestr(keras_zip.HISTORY, json.dumps(
            {"epochs_done": session.epochs_done, "history": session.history}))
    return buffer.getvalue()


def _weights_image(session: Session) -> bytes:
    from keras.src.saving import saving_lib
    buffer = io.BytesIO()
    store = saving_lib.H5IOStore(buffer, mode="w")
    saving_lib._save_state(session.model, weights_store=store, assets_store=None,
                           inner_path="", visited_saveables=set())
    store.close()
    return buffer.getvalue()


# ------------------------------------------------------------------ loading models
def load_session(path: str, experiment: Experiment) -> tuple[Session, list[Message]]:
    """A new session holding the model in `path`, trained with the settings of
    `experiment`, on its data set or, when the file's inputs do not fit it, on
    the data set that does. Returns it with notes for the user (e.g. an
    optimizer that was rebuilt). Anything wrong with the file is a LoadError."""
    name = Path(path).name
    try:
        return _load_session(path, name, experiment)
    except LoadError:
        raise
    except Exception as err:  # a hostile file may break Keras in ways nobody listed
        raise LoadError(QT_TRANSLATE_NOOP("Messages", "{name} could not be loaded: {reason}"),
                        name=name, reason=first_line(err)) from None


def _no_data_for(name: str, n_inputs) -> LoadError:
    return LoadError(QT_TRANSLATE_NOOP(
        "Messages", "{name} expects {inputs} inputs per sample, but none of this app's "
                    "data sets has that many (Boston has 13, AND and the gradient paths 2)."),
        name=name, inputs=n_inputs)


def _load_session(path: str, name: str, current: Experiment) -> tuple[Session, list[Message]]:
    if keras_zip.is_keras_zip(path):
        model, training, record, restore = _read_keras(path, name, current)
    else:
        model, training, record, restore = _read_h5(path, name, current)
    return _session_for(name, model, training, record, restore, current)


def _read_h5(path: str, name: str, current: Experiment):
    """The model in an .h5 file, its training config, our record and how to
    restore its optimizer state."""
    check_file(path)
    kind, attrs = inspect(path)
    if kind == "weights":
        raise LoadError(QT_TRANSLATE_NOOP(
            "Messages", "{name} holds weights only, not a model: use Load weights."), name=name)
    if kind == "none":
        raise LoadError(QT_TRANSLATE_NOOP("Messages", "{name} holds no Keras model."), name=name)
    _check_description(name, attrs.get("model_config"), current)
    try:
        # safe_mode stays on: a file must never run code. Keras's HDF5 reader
        # itself: load_model picks its reader by the name's suffix, in lower
        # case only, and the file is HDF5 whatever its name (inspect said so).
        from keras.src.legacy.saving import legacy_h5_format
        with h5py.File(path, "r") as f:
            model = legacy_h5_format.load_model_from_hdf5(f, compile=False, safe_mode=True)
    except Exception as err:
        raise _not_a_model(name, err) from None
    training = parse_json(attrs.get("training_config"))

    def restore(optimizer, opt_name):
        return _restore_optimizer(path, optimizer, model, opt_name)
    return model, training, attrs.get(HISTORY_ATTR), restore


def _read_keras(path: str, name: str, current: Experiment):
    """_read_h5 for a .keras zip: checked as keras_zip says; Keras builds the
    model from config.json in safe mode, and its weights are set here once
    they are shown to fit (Keras never opens the zip)."""
    config, record = keras_zip.check_archive(path)
    _check_description(name, keras_zip.model_config(config), current)
    keras_zip.check_origins(name, config)
    with keras_zip.open_weights(path, name) as f:
        per_layer = weights_in(f, name)
        group = f.get("optimizer/vars")
        saved = ([np.asarray(group[str(i)]) for i in range(len(group))]
                 if isinstance(group, h5py.Group) and all(str(i) in group for i in range(len(group)))
                 else None)
    try:
        description = {k: v for k, v in config.items() if k != "compile_config"}
        # safe_mode stays on: a file must never run code.
        model = keras.saving.deserialize_keras_object(description, safe_mode=True)
        if not isinstance(model, keras.Model):
            raise TypeError(type(model).__name__)
    except Exception as err:
        raise _not_a_model(name, err) from None
    layers = [layer for layer in model.layers if layer.weights]
    check_fit(name, per_layer, layers)
    for layer, values in zip(layers, per_layer):
        layer.set_weights(values)
    compiled = config.get("compile_config")
    compiled = compiled if isinstance(compiled, dict) else {}
    training = {"loss": compiled.get("loss"), "optimizer_config": compiled.get("optimizer")
                } if compiled else None

    def restore(optimizer, _opt_name):
        if saved is None:
            return True
        if len(saved) != len(optimizer.variables) or any(
                tuple(v.shape) != tuple(var.shape) or not np.all(np.isfinite(v))
                for v, var in zip(saved, optimizer.variables)):
            return False
        for var, value in zip(optimizer.variables, saved):
            var.assign(value.astype(var.dtype))
        return True
    return model, training, record, restore


def _check_description(name: str, raw: str | None, current: Experiment) -> None:
    stated = check_config(name, raw)
    if stated is not None and experiment_for_inputs(stated, (), current) is None:
        raise _no_data_for(name, stated)


def _not_a_model(name: str, err: Exception) -> LoadError:
    return LoadError(QT_TRANSLATE_NOOP(
        "Messages", "{name} could not be loaded as a Keras model: {reason}"),
        name=name, reason=first_line(err))


def _session_for(name: str, model, training, record, restore,
                 current: Experiment) -> tuple[Session, list[Message]]:
    try:
        specs = layer_specs(model)
    except ExperimentError as err:
        raise _refused(name, err) from None
    n_in = model.inputs[0].shape[-1] if getattr(model, "inputs", None) else None
    training = training if isinstance(training, dict) else {}
    saved_loss = keras2.LOSS_NAMES.get(keras2.loss_name(training.get("loss")))
    # A net that outputs classes (its loss says so, or its softmax) trains on classes.
    classes = (saved_loss in ("binary_crossentropy", "sparse_categorical_crossentropy")
               or specs[-1].activation == "softmax")
    base = (experiment_for_inputs(n_in, specs, current, classes)
            if isinstance(n_in, int) else None)
    if base is None:
        raise _no_data_for(name, n_in)
    if not base.classifies and specs[-1].units != 1:
        raise LoadError(QT_TRANSLATE_NOOP(
            "Messages", "{name} predicts {units} numbers per sample; this data set needs 1."),
            name=name, units=specs[-1].units)
    if not all(np.all(np.isfinite(w)) for w in model.get_weights()):
        raise LoadError(QT_TRANSLATE_NOOP(
            "Messages", "{name} has weights that are not finite numbers (NaN or infinite)."),
            name=name)

    notes: list[Message] = []
    loss = saved_loss or base.loss
    opt_cfg = training.get("optimizer_config")
    opt_cfg = opt_cfg if isinstance(opt_cfg, dict) else {}
    saved_name = keras2.optimizer_name(opt_cfg.get("class_name", ""))
    opt_name = saved_name.lower()
    cfg = opt_cfg.get("config")
    cfg = cfg if isinstance(cfg, dict) else {}
    lr = _number(cfg.get("learning_rate"), base.learning_rate)
    own = opt_name in OPTIMIZER_CLASSES
    if not own:
        opt_name, cfg = base.optimizer, {}
        if training:
            notes.append(Message(QT_TRANSLATE_NOOP(
                "Messages", "The file's optimizer {saved} is not one this app trains with; "
                            "training continues with {used}."),
                saved=label(saved_name), used=opt_name))
    try:
        experiment = base.replace(
            layers=specs, loss=loss, optimizer=opt_name, learning_rate=lr,
            initial_weights=None).validate()
    except ExperimentError as err:
        raise _refused(name, err) from None
    session = Session(experiment)
    kwargs = {k: cfg[k] for k in _OPTIMIZER_KEYS
              if k in cfg and isinstance(cfg[k], (int, float)) and math.isfinite(cfg[k])}
    kwargs["learning_rate"] = lr
    try:
        optimizer = OPTIMIZER_CLASSES[opt_name](**kwargs)
    except Exception:  # settings out of range: the optimizer's defaults will do
        optimizer = OPTIMIZER_CLASSES[opt_name](learning_rate=lr)
        notes.append(Message(QT_TRANSLATE_NOOP(
            "Messages", "The file's {optimizer} settings were not usable; its defaults are used."),
            optimizer=opt_name))
    optimizer.build(model.trainable_variables)
    # Another optimizer's state means nothing to this one: that one starts fresh.
    if own and not restore(optimizer, opt_name):
        notes.append(Message(QT_TRANSLATE_NOOP(
            "Messages", "The optimizer's saved state did not fit this model; the "
                        "optimizer was rebuilt from its saved settings.")))
    session._attach(model, optimizer)
    record = parse_json(record)
    if record is not None:
        history, epochs = _read_record(record)
        if history is None:
            notes.append(Message(QT_TRANSLATE_NOOP(
                "Messages", "The file's training history was not readable; "
                            "the epoch count starts at 0.")))
        else:
            session.history, session.epochs_done = history, epochs
    return session, notes


def _refused(name: str, err: ExperimentError) -> LoadError:
    """A file whose network this app cannot train: the reason is the experiment's."""
    return LoadError(QT_TRANSLATE_NOOP("Messages", "{name}: {reason}"), name=name,
                     reason=err.message)


def _read_record(record) -> tuple[dict | None, int]:
    try:
        epochs = record["epochs_done"]
        history = {str(k): [float(x) for x in v] for k, v in record["history"].items()}
    except (KeyError, TypeError, ValueError, AttributeError):
        return None, 0
    if type(epochs) is not int or not 0 <= epochs <= LIMITS["epochs"].high or any(
            len(v) > epochs for v in history.values()):
        return None, 0
    return history, epochs


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
            names = [text(n) or "" for n in group.attrs.get("weight_names", [])]
            saved = {n: np.asarray(group[n]) for n in names}
    except Exception:
        return False
    state = keras2.optimizer_state(saved, model, opt_name) if any(
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


# ------------------------------------------------------------------ loading weights
def load_weights(session: Session, path: str) -> None:
    """Load weights into the session's model and start a new history on them
    (the old curves describe other weights); on any failure nothing changes.
    Every shape is checked before any weight is set. Weights only: an
    optimizer state in the file is not used."""
    name = Path(path).name
    try:
        per_layer = read_weights(path, name)
    except LoadError:
        raise
    except Exception as err:
        raise LoadError(QT_TRANSLATE_NOOP("Messages", "{name} could not be read as weights: {reason}"),
                        name=name, reason=first_line(err)) from None
    layers = [layer for layer in session.model.layers if layer.weights]
    check_fit(name, per_layer, layers)
    for layer, values in zip(layers, per_layer):
        layer.set_weights(values)
    session.forget_training()
