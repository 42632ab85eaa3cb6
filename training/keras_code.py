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

# The 2-D problems, Iris and CSV files: the exported script reads the rows the
# app trains on (split, and standardised where the app standardises) from a
# file written beside it, one row a line with its part: train, val or test.
TABLE_DATASETS = ("xor", "circles", "moons", "spirals", "blobs", "iris", "csv")


def table_file(e: Experiment) -> str:
    return f"{e.name}_rows.csv"

OPTIMIZER_CLASSES = {"adam": "Adam", "sgd": "SGD", "rmsprop": "RMSprop"}
BOSTON_FILE = BOSTON_CSV.name  # written beside an exported Boston script


def script(e: Experiment) -> str:
    """The whole runnable script for `e`."""
    table = e.dataset in TABLE_DATASETS
    data = _table_data(e) if table else {
        "boston": _boston_data, "and": _and_data, "paths": _paths_data}[e.dataset](e)
    train = _table_fit(e) if table else {
        "boston": _boston_fit, "and": _and_fit, "paths": _paths_fit}[e.dataset](e)
    title = e.title or e.name
    head = [f'"""{title}', "", f'The Keras Lecture Lab\'s experiment "{e.name}" as plain Keras.']
    head.append("It needs Python with keras (TensorFlow 2.16 or later) and numpy.")
    if e.dataset == "boston":
        head.append(f"It reads {BOSTON_FILE}, which must lie beside it.")
    if table:
        head.append(f"It reads {table_file(e)} (written beside it by Export script).")
    head += ['"""']
    if e.dataset == "boston" or table:
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
             f"model.add(keras.Input(shape=({e.n_features or 'x_train.shape[1]'},)))"]
    for spec in e.layers:
        bias = "" if spec.use_bias else ", use_bias=False"
        lines.append(f'model.add(keras.layers.Dense({spec.units}, activation="{spec.activation}"{bias}))')
    if e.initial_weights is not None:
        arrays = ", ".join(f"np.array({_nested(w)})" for layer in e.initial_weights for w in layer)
        lines += ["# The lecture's start weights.", f"model.set_weights([{arrays}])"]
    optimizer = f"keras.optimizers.{OPTIMIZER_CLASSES[e.optimizer]}(learning_rate={e.learning_rate!r})"
    args = [f'loss="{e.loss}"', f"optimizer={optimizer}"] + (['metrics=["accuracy"]'] if e.classifies else [])
    lines += _call("model.compile(", args)
    return [indent + line for line in lines]


def _nested(value) -> str:
    if isinstance(value, (tuple, list)):
        return "[" + ", ".join(_nested(v) for v in value) + "]"
    return repr(float(value))


def _table_data(e: Experiment) -> list[str]:
    where = {"csv": f"the file {os.path.basename(e.data_path)}, column {e.target!r} predicted",
             "iris": "Fisher's Iris data, the species predicted"}.get(
        e.dataset, f"the 2-D problem {e.dataset!r}, noise {e.noise:g}, points from seed {e.data_seed}")
    lines = [
        f"# {where}:",
        "# the rows as the app trains on them, each with its part (train, val, test).",
        f'with open(Path(__file__).with_name("{table_file(e)}"), encoding="utf-8") as f:',
        '    header = f.readline().strip().split(",")',
        '    rows = [line.strip().split(",") for line in f if line.strip()]',
        "part = np.array([r[-1] for r in rows])",
        "values = np.array([[float(v) for v in r[:-1]] for r in rows], dtype=np.float32)",
        "x, y = values[:, :-1], values[:, -1]",
        'print("features:", ", ".join(header[:-2]), "->", header[-2])',
        'x_train, y_train = x[part == "train"], y[part == "train"]',
        'x_test, y_test = x[part == "test"], y[part == "test"]',
    ]
    if e.validation_split:
        lines.append('x_val, y_val = x[part == "val"], y[part == "val"]')
    return lines


def _table_fit(e: Experiment) -> list[str]:
    lines = _seeded_fit(e, validation=bool(e.validation_split)) + [""]
    if e.classifies:
        lines += [
            "out = model(x_test).numpy()",
            "predicted = out.argmax(axis=1) if out.shape[1] > 1 else (out[:, 0] > 0.5).astype(int)",
            'print(f"Test accuracy: {np.mean(predicted == y_test):.4f}")',
            "classes = int(max(y.max(), predicted.max())) + 1",
            "confusion = np.zeros((classes, classes), dtype=int)",
            "np.add.at(confusion, (y_test.astype(int), predicted), 1)",
            'print("Confusion matrix (rows: true class):")',
            "print(confusion)",
        ]
    else:
        lines += [
            "p = model(x_test).numpy()[:, 0]",
            "err = np.abs(p - y_test)",
            "r2 = 1 - np.sum((y_test - p) ** 2) / np.sum((y_test - y_test.mean()) ** 2)",
            'print(f"Mean abs error: {err.mean():.4g}, Max abs error: {err.max():.4g}, "',
            '      f"Min abs error: {err.min():.4g}, R2: {r2:.4f}, "',
            '      f"RMSE: {np.sqrt(np.mean((p - y_test) ** 2)):.4g}")',
        ]
    return lines + [f'model.save("{e.name}.h5")']


def table_rows(e: Experiment) -> bytes:
    """The rows the app trains `e` on, as the exported script reads them."""
    from . import data as datasets
    d = datasets.load_for(e)
    names = list(d.feature_names) or [f"x{i + 1}" for i in range(d.n_features)]
    lines = [",".join([*(n.replace(",", " ") for n in names), (d.target_name or "y").replace(",", " "),
                       "part"])]
    for part, x, y in (("train", d.x_train, d.y_train), ("val", d.x_val, d.y_val),
                       ("test", d.x_test, d.y_test)):
        if x is None:
            continue
        for row, target in zip(x.tolist(), y.tolist()):
            lines.append(",".join([*(repr(float(v)) for v in row), repr(float(target)), part]))
    return ("\n".join(lines) + "\n").encode("utf-8")


# ------------------------------------------------------------------ training
def _seeded_fit(e: Experiment, validation: bool) -> list[str]:
    """The seed, the model and fit on x_train (with x_val when `validation`)."""
    lines = [f"keras.utils.set_random_seed({e.seed})  # start weights and shuffling"]
    lines += _model(e) + [""]
    args = [f"epochs={e.epochs}", f"batch_size={e.batch_size}"]
    if validation:
        args.append("validation_data=(x_val, y_val)")
    if not e.shuffle:
        args.append("shuffle=False")
    if e.early_stopping:
        lines += ["early_stopping = keras.callbacks.EarlyStopping(",
                  f'    monitor="val_loss", patience={e.patience}, '
                  f"restore_best_weights={e.restore_best_weights})"]
        args.append("callbacks=[early_stopping]")
    return lines + _call("history = model.fit(x_train, y_train, ", args + ["verbose=0"])


def _boston_fit(e: Experiment) -> list[str]:
    lines = _seeded_fit(e, validation=bool(int(round(404 * e.validation_split))))
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
    folder = os.path.dirname(os.path.abspath(path))
    if e.dataset == "boston":  # the data first: no script is left without it
        with open(BOSTON_CSV, "rb") as f:
            data = write_atomic(os.path.join(folder, BOSTON_FILE), f.read())
    elif e.dataset in TABLE_DATASETS:
        data = write_atomic(os.path.join(folder, table_file(e)), table_rows(e))
    return [write_atomic(path, code)] + ([data] if data else [])
