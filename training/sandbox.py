"""Every file to load is hostile until checked: the checks before Keras sees it.

A child process reads the whole file first (damaged files can hang or crash
the HDF5 library); then h5py checks that it holds only arrays of sane size;
then the model description is checked to be a plain stack of Dense layers
within the panel's limits, so a file can neither run code nor claim gigabytes.
Keras-free. Each refusal is one LoadError line.
"""
from __future__ import annotations

import json
import math
import os
import subprocess
import sys
from pathlib import Path

import h5py

from .atomic import first_line
from .errors import LoadError, Message
from .experiment import LIMITS
from .texts import QT_TRANSLATE_NOOP

# Our own record in a saved model, so a loaded model resumes its epoch count and curves.
HISTORY_ATTR = "lecture_app_history"
_MODEL_CLASSES = {"Sequential", "Functional", "Model"}
_LAYER_CLASSES = {"InputLayer", "Dense"}
_MAX_UNITS = LIMITS["units"].high
_MAX_LAYERS = LIMITS["layers"].high
_MAX_DATASET_ELEMENTS = _MAX_UNITS * _MAX_UNITS
_MAX_FILE_ELEMENTS = 4 * _MAX_DATASET_ELEMENTS


def check_file(path: str) -> None:
    p = Path(path)
    if not p.is_file():
        raise LoadError(QT_TRANSLATE_NOOP("Messages", "{name}: no such file."), name=p.name)
    if p.stat().st_size == 0:
        raise LoadError(QT_TRANSLATE_NOOP("Messages", "{name} is empty."), name=p.name)
    if not h5py.is_hdf5(path):
        raise LoadError(QT_TRANSLATE_NOOP("Messages", "{name} is not an HDF5 (.h5) file."),
                        name=p.name)
    probe(path)


# Reads every attribute and dataset of a file, as loading will. Some damaged
# files make the HDF5 library loop forever (or crash), so a child process
# reads them first: only a file it read completely is opened here. The alarm
# ends the child even when the app that waits for it has gone.
TOO_LARGE = 3  # the child's exit status: a dataset claims more data than the file holds
PROBE = """
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
            sys.exit(%d)
        obj[()]
with h5py.File(sys.argv[1], "r") as f:
    read("/", f)
    f.visititems(read)
""" % TOO_LARGE
PROBE_SECONDS = 20.0


def probe(path: str, script: str = PROBE, *extra: str) -> None:
    """Run `script` (PROBE, or a script that hands it the file to read) on
    `path` in a child process with a time limit; `extra` follows the seconds."""
    name = Path(path).name
    try:
        done = subprocess.run([sys.executable, "-c", script, path, str(os.path.getsize(path)),
                               str(math.ceil(PROBE_SECONDS) + 1), *extra],
                              capture_output=True, text=True, timeout=PROBE_SECONDS)
    except subprocess.TimeoutExpired:
        raise LoadError(QT_TRANSLATE_NOOP(
            "Messages", "{name} is damaged: reading it does not finish."), name=name) from None
    if done.returncode != 0:
        lines = done.stderr.strip().splitlines()
        if done.returncode == TOO_LARGE:
            why = Message(QT_TRANSLATE_NOOP(
                "Messages", "a dataset claims more data than the file holds"))
        elif lines:
            why = lines[-1].split(": ", 1)[-1][:150]
        else:
            why = Message(QT_TRANSLATE_NOOP("Messages", "the reader crashed ({status})"),
                          status=done.returncode)
        raise damaged(name, why)


def inspect(path, name: str | None = None) -> tuple[str, dict]:
    """("model" | "weights" | "none", the root attributes), after checking that
    every dataset in the file is a readable array of sane size. `path` may be
    a file object (a member read out of a .keras zip), named `name`."""
    name = Path(path).name if name is None else name
    try:
        with h5py.File(path, "r") as f:
            total = 0
            objects = []
            f.visititems(lambda _, obj: objects.append(obj) if isinstance(obj, h5py.Dataset) else None)
            for ds in objects:
                if ds.dtype.kind not in "fiub" or ds.size > _MAX_DATASET_ELEMENTS:
                    raise LoadError(QT_TRANSLATE_NOOP(
                        "Messages", "{name} holds data that is not a network's weights ({dataset})."),
                        name=name, dataset=ds.name)
                total += ds.size
            if total > _MAX_FILE_ELEMENTS:
                raise LoadError(QT_TRANSLATE_NOOP(
                    "Messages", "{name} is larger than any network this app trains."), name=name)
            attrs = {k: text(f.attrs[k]) for k in ("model_config", "training_config", HISTORY_ATTR)
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
        raise damaged(name, first_line(err)) from None
    return kind, attrs


def damaged(name: str, why: str | Message) -> LoadError:
    return LoadError(QT_TRANSLATE_NOOP("Messages", "{name} is damaged and cannot be read ({reason})."),
                     name=name, reason=why)


def text(raw) -> str | None:
    if isinstance(raw, bytes):
        return raw.decode("utf-8", "replace")
    return raw if isinstance(raw, str) else None


def parse_json(raw: str | None):
    if raw is None:
        return None
    try:
        return json.loads(raw)
    except (ValueError, RecursionError):
        return None


def check_config(name: str, raw: str | None) -> int | None:
    """Refuse, before Keras builds anything, a model that is not a plain stack
    of Dense layers of the panel's sizes taking rows of numbers. Returns the
    inputs per sample the description states, if it states them."""
    config = parse_json(raw)
    if not isinstance(config, dict) or not isinstance(config.get("config"), dict):
        raise LoadError(QT_TRANSLATE_NOOP("Messages", "{name} holds no readable model description."),
                        name=name)
    if config.get("class_name") not in _MODEL_CLASSES:
        raise LoadError(QT_TRANSLATE_NOOP(
            "Messages", "{name} holds a {kind}, not a network of layers."),
            name=name, kind=label(config.get("class_name")))
    layers = config["config"].get("layers")
    if not isinstance(layers, list) or not 0 < len(layers) <= _MAX_LAYERS:
        raise LoadError(QT_TRANSLATE_NOOP("Messages", "{name} holds no readable list of layers."),
                        name=name)
    n_inputs = None
    i = 0  # counted as the panel counts them: without the input
    for layer in layers:
        if not isinstance(layer, dict) or not isinstance(layer.get("config"), dict):
            raise LoadError(QT_TRANSLATE_NOOP("Messages", "{name}: layer {number} is not readable."),
                            name=name, number=i + 1)
        kind, cfg = layer.get("class_name"), layer["config"]
        i += kind != "InputLayer"
        where = Message(QT_TRANSLATE_NOOP("Messages", "layer {number} ({name})"),
                        number=i, name=label(cfg.get("name")))
        if kind == "Lambda":
            raise LoadError(QT_TRANSLATE_NOOP(
                "Messages", "{name}: {layer} is a {kind} layer, which runs code stored in the "
                            "file; this app loads networks of Dense layers only."),
                name=name, layer=where, kind=repr(label(kind)))
        if kind not in _LAYER_CLASSES:
            raise LoadError(QT_TRANSLATE_NOOP(
                "Messages", "{name}: {layer} is a {kind} layer; this app loads networks of "
                            "Dense layers only."),
                name=name, layer=where, kind=repr(label(kind)))
        if kind == "Dense":
            units = cfg.get("units")
            if type(units) is not int or not 1 <= units <= _MAX_UNITS:
                raise LoadError(QT_TRANSLATE_NOOP(
                    "Messages", "{name}: {layer} has {units} units; this app allows 1 to {high}."),
                    name=name, layer=where, units=label(units), high=_MAX_UNITS)
            if not isinstance(cfg.get("activation", "linear"), str):
                raise LoadError(QT_TRANSLATE_NOOP(
                    "Messages", "{name}: {layer} has a custom activation; "
                                "this app knows Keras's own only."),
                    name=name, layer=where)
        for key in ("batch_shape", "batch_input_shape"):
            shape = cfg.get(key)
            if shape is None:
                continue
            if (not isinstance(shape, list) or len(shape) != 2
                    or not (shape[0] is None or type(shape[0]) is int) or type(shape[1]) is not int):
                raise LoadError(QT_TRANSLATE_NOOP(
                    "Messages", "{name}: {layer} takes inputs of shape {shape}, "
                                "not rows of numbers."),
                    name=name, layer=where, shape=label(shape))
            n_inputs = n_inputs if n_inputs is not None else shape[1]
    return n_inputs


def label(value) -> str:
    """A value from a file, cut short enough for a message."""
    shown = str(value)
    return shown if len(shown) <= 40 else shown[:37] + "..."
