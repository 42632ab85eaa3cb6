"""An experiment as the Keras code the lecture writes: the code view and Export script.

The code is what a student would write, with no import of this app: the same
data, split, standardisation, network, compile and fit settings as the app's
run. Only the shuffling order differs (the app shuffles in a tf.data pipeline),
so the numbers agree in distribution, not digit for digit.
No Keras import here: the window shows the code while TensorFlow still loads.
"""
from __future__ import annotations

import os

from .atomic import write_atomic
from .data import BOSTON_CSV, PATH_X, PATH_Y
from .experiment import Experiment

OPTIMIZER_CLASSES = {"adam": "Adam", "sgd": "SGD", "rmsprop": "RMSprop"}
BOSTON_FILE = BOSTON_CSV.name  # written beside an exported Boston script


def script(e: Experiment) -> str:
    """The whole runnable script for `e`."""
    data = {"boston": _boston_data, "and": _and_data, "paths": _paths_data}[e.dataset](e)
    train = {"boston": _boston_fit, "and": _and_fit, "paths": _paths_fit}[e.dataset](e)
    title = e.title or e.name
    head = [f'"""{title}', "", f'The Keras Lecture Lab\'s experiment "{e.name}" as plain Keras.']
    head.append("It needs Python with keras (TensorFlow 2.16 or later) and numpy.")
    if e.dataset == "boston":
        head.append(f"It reads {BOSTON_FILE}, which must lie beside it.")
    head += ['"""']
    if e.dataset == "boston":
        head.append("from pathlib import Path\n")
    head += ["import keras", "import numpy as np", ""]
    return "\n".join(head + data + [""] + train) + "\n"


# ------------------------------------------------------------------ the data
def _boston_data(e: Experiment) -> list[str]:
    lines = [
        "# Boston Housing, split as keras.datasets.boston_housing.load_data() splits it:",
        "# shuffled with seed 113, 404 rows to train, 102 to test.",
        f'rows = np.loadtxt(Path(__file__).with_name("{BOSTON_FILE}"), delimiter=",", skiprows=1)',
        "x, y = rows[:, :13], rows[:, 13]",
        "order = np.arange(len(x))",
        "np.random.RandomState(113).shuffle(order)",
        "x, y = x[order], y[order]",
        "x_train, y_train = x[:404], y[:404]",
        "x_test, y_test = x[404:], y[404:]",
    ]
    if e.standardize:
        lines += [
            "",
            "# Every feature to mean 0 and deviation 1, measured on the training rows.",
            "mean, std = x_train.mean(axis=0), x_train.std(axis=0)",
            "x_train = (x_train - mean) / std",
            "x_test = (x_test - mean) / std",
        ]
    n_val = int(round(404 * e.validation_split))
    if n_val:
        lines += [
            "",
            f"# {_percent(e.validation_split)} of the training rows for validation, drawn with seed {e.seed}.",
            f"order = np.random.default_rng({e.seed}).permutation(len(x_train))",
            f"val, train = np.sort(order[:{n_val}]), np.sort(order[{n_val}:])",
            "x_val, y_val = x_train[val], y_train[val]",
            "x_train, y_train = x_train[train], y_train[train]",
        ]
    return lines


def _and_data(e: Experiment) -> list[str]:
    return ["# The truth table of AND.",
            "x = np.array([[0, 0], [0, 1], [1, 0], [1, 1]])",
            "y = np.array([0, 0, 0, 1])"]


def _paths_data(e: Experiment) -> list[str]:
    rows = [f"[{a:g}, {b:g}]" for a, b in PATH_X.tolist()]
    return ["# 9 samples of y ~ 1.5 x1 - x2 + noise.",
            "x = np.array([" + ", ".join(rows[:3]) + ",",
            "              " + ", ".join(rows[3:6]) + ",",
            "              " + ", ".join(rows[6:]) + "])",
            "y = np.array([" + ", ".join(f"{v:g}" for v in PATH_Y.tolist()) + "])"]


# ------------------------------------------------------------------ the net
def _model(e: Experiment, indent: str = "") -> list[str]:
    lines = ["model = keras.Sequential()",
             f"model.add(keras.Input(shape=({e.n_features},)))"]
    for spec in e.layers:
        bias = "" if spec.use_bias else ", use_bias=False"
        lines.append(f'model.add(keras.layers.Dense({spec.units}, activation="{spec.activation}"{bias}))')
    if e.initial_weights is not None:
        arrays = ", ".join(f"np.array({_nested(w)})" for layer in e.initial_weights for w in layer)
        lines += ["# The lecture's start weights.", f"model.set_weights([{arrays}])"]
    optimizer = f"keras.optimizers.{OPTIMIZER_CLASSES[e.optimizer]}(learning_rate={e.learning_rate!r})"
    lines.append(f'model.compile(loss="{e.loss}", optimizer={optimizer})')
    return [indent + line for line in lines]


def _nested(value) -> str:
    if isinstance(value, (tuple, list)):
        return "[" + ", ".join(_nested(v) for v in value) + "]"
    return repr(float(value))


# ------------------------------------------------------------------ training
def _boston_fit(e: Experiment) -> list[str]:
    lines = [f"keras.utils.set_random_seed({e.seed})  # start weights and shuffling"]
    lines += _model(e) + [""]
    args = [f"epochs={e.epochs}", f"batch_size={e.batch_size}"]
    if int(round(404 * e.validation_split)):
        args.append("validation_data=(x_val, y_val)")
    if not e.shuffle:
        args.append("shuffle=False")
    if e.early_stopping:
        lines += ["early_stopping = keras.callbacks.EarlyStopping(",
                  f'    monitor="val_loss", patience={e.patience}, '
                  f"restore_best_weights={e.restore_best_weights})"]
        args.append("callbacks=[early_stopping]")
    lines += _call("history = model.fit(x_train, y_train, ", args + ["verbose=0"])
    lines += [
        "",
        "err = np.abs(model.predict(x_test, verbose=0)[:, 0] - y_test)",
        'print(f"Mean abs error: {err.mean():.4g}, Max abs error: {err.max():.4g}, "',
        '      f"Min abs error: {err.min():.4g}")',
        f'model.save("{e.name}.h5")',
    ]
    return lines


def _and_fit(e: Experiment) -> list[str]:
    return [f"keras.utils.set_random_seed({e.seed})"] + _model(e) + [
        "",
        "# The four predictions after every epoch (the model called directly:",
        "# predict() costs far more for four rows).",
        "table = keras.callbacks.LambdaCallback(on_epoch_end=lambda epoch, logs: print(",
        '    f"epoch {epoch + 1}:", np.round(model(x).numpy()[:, 0], 3)))',
        *_call("model.fit(x, y, ", [f"epochs={e.epochs}", f"batch_size={e.batch_size}",
                                    f"shuffle={e.shuffle}", "callbacks=[table]", "verbose=0"]),
        f'model.save("{e.name}.h5")',
    ]


def _paths_fit(e: Experiment) -> list[str]:
    body = _model(e, "    ")
    return [
        "# One start point, three batch sizes: 1, 3 and 9 updates per epoch.",
        "for batch_size in (9, 3, 1):",
        f"    keras.utils.set_random_seed({e.seed})",
        *body,
        "    path = [model.get_weights()[0][:, 0]]  # (w1, w2) after every update",
        "    record = keras.callbacks.LambdaCallback(",
        "        on_train_batch_end=lambda batch, logs: path.append(model.get_weights()[0][:, 0]))",
        *_call("    model.fit(x, y, ", [f"epochs={e.epochs}", "batch_size=batch_size",
                                        f"shuffle={e.shuffle}", "callbacks=[record]", "verbose=0"]),
        '    print(f"batch size {batch_size}: {len(path) - 1} updates, "',
        '          f"w1 = {path[-1][0]:.3f}, w2 = {path[-1][1]:.3f}")',
    ]


def _call(start: str, args: list[str], width: int = 88) -> list[str]:
    """`start` + args + ")", wrapped under the opening parenthesis when long."""
    one = start + ", ".join(args) + ")"
    if len(one) <= width:
        return [one]
    pad = " " * (start.index("(") + 1)
    lines, line = [], start
    for i, arg in enumerate(args):
        piece = arg + (")" if i == len(args) - 1 else ",")
        if line.strip() and len(line) + len(piece) + 1 > width and line != start:
            lines.append(line.rstrip())
            line = pad
        line += piece + " "
    return lines + [line.rstrip()]


def _percent(share: float) -> str:
    return f"{share * 100:g} %"


# ------------------------------------------------------------------ export
def export(e: Experiment, path: str) -> list[str]:
    """Write the script to `path` (and, for Boston, the data beside it), each
    file complete or not at all; the paths written. A SaveError says why not."""
    code = script(e).encode("utf-8")
    data = None
    if e.dataset == "boston":  # the data first: no script is left without it
        with open(BOSTON_CSV, "rb") as f:
            target = os.path.join(os.path.dirname(os.path.abspath(path)), BOSTON_FILE)
            data = write_atomic(target, f.read())
    return [write_atomic(path, code)] + ([data] if data else [])
