"""Reading the weights out of any Keras .h5 file, by its content. Keras-free.

Keras's own load_weights picks its reader from the name's ending, so a Keras 2
file named .weights.h5 (or a Keras 3 one named .h5) would fail there.
"""
from __future__ import annotations

import re
from functools import reduce

import h5py
import numpy as np

from .errors import LoadError, Message
from .sandbox import check_file, inspect, text
from .texts import QT_TRANSLATE_NOOP


def read_weights(path: str, name: str) -> list[list[np.ndarray]]:
    """Per layer with weights, in the network's order, the arrays in `path`:
    Keras 2 and Keras 3 model files, Keras 2 weight files and Keras 3
    .weights.h5 files and .keras models alike."""
    from . import keras_zip
    if keras_zip.is_keras_zip(path):
        with keras_zip.open_weights(path, name) as f:
            return weights_in(f, name)
    check_file(path)
    inspect(path)
    with h5py.File(path, "r") as f:
        return weights_in(f, name)


def weights_in(f: h5py.File, name: str) -> list[list[np.ndarray]]:
    """read_weights for a file already checked and open."""
    group = f["model_weights"] if "layer_names" not in f.attrs and "model_weights" in f else f
    if "layer_names" in group.attrs:
        per_layer = []
        for layer in group.attrs["layer_names"]:
            g = group[text(layer)]
            values = [np.asarray(g[text(w)]) for w in g.attrs.get("weight_names", [])]
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
    raise LoadError(QT_TRANSLATE_NOOP("Messages", "{name} holds no weights of a Keras network."),
                    name=name)


def check_fit(name: str, per_layer: list[list[np.ndarray]], layers) -> None:
    """Refuse weights whose shapes are not those of `layers` (the model's layers
    with weights), or that are not finite, before any weight is set."""
    for i, layer in enumerate(layers):
        here = [tuple(w.shape) for w in layer.weights]
        if i >= len(per_layer):
            raise LoadError(QT_TRANSLATE_NOOP(
                "Messages", "The weights in {name} do not fit this network: layer {number} "
                            "({layer}) has none in the file, which holds {layers} layers."),
                name=name, number=i + 1, layer=layer.name, layers=len(per_layer))
        there = [tuple(v.shape) for v in per_layer[i]]
        if here != there:
            raise LoadError(QT_TRANSLATE_NOOP(
                "Messages", "The weights in {name} do not fit this network: layer {number} "
                            "({layer}) needs {needed}, the file has {found}."),
                name=name, number=i + 1, layer=layer.name, needed=_shapes(here),
                found=_shapes(there))
    if len(per_layer) > len(layers):
        raise LoadError(QT_TRANSLATE_NOOP(
            "Messages", "The weights in {name} do not fit this network: the file holds "
                        "{layers} layers, this network {own}."),
            name=name, layers=len(per_layer), own=len(layers))
    if not all(np.all(np.isfinite(v)) for values in per_layer for v in values):
        raise LoadError(QT_TRANSLATE_NOOP(
            "Messages", "{name} has weights that are not finite numbers (NaN or infinite)."),
            name=name)


def _shapes(shapes: list[tuple]) -> str | Message:
    """ "3×1 and 1", "a scalar", "no weights" """
    parts = ["×".join(map(str, s)) or Message(QT_TRANSLATE_NOOP("Messages", "a scalar"))
             for s in shapes]
    if not parts:
        return Message(QT_TRANSLATE_NOOP("Messages", "no weights"))
    return reduce(lambda first, second: Message(
        QT_TRANSLATE_NOOP("Messages", "{first} and {second}"), first=first, second=second), parts)


def _natural(key: str) -> tuple[str, int]:
    m = re.fullmatch(r"(.*?)(?:_(\d+))?", key)
    return m.group(1), int(m.group(2) or 0)
