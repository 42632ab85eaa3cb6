"""Gradient paths: one neuron with two weights, its loss surface, and the same
start trained with 1, 3 and 9 updates per epoch.

The data and the surface need only numpy; Keras is imported when a run starts,
so the window can draw the surface while TensorFlow is still loading.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .data import Dataset, path_data
from .errors import ExperimentError
from .experiment import Experiment
from .runstate import RunState
from .texts import QT_TRANSLATE_NOOP

# The surface's extent: the minimum near (1.4, -0.9) with room around it to pick starts.
GRID_W1 = np.linspace(-3.5, 6.5, 201)
GRID_W2 = np.linspace(-5.5, 4.5, 201)


_ACTIVATIONS = {
    "linear": lambda z: z,
    "sigmoid": lambda z: 1 / (1 + np.exp(-z)),
    "tanh": np.tanh,
    "relu": lambda z: np.maximum(z, 0),
}


def _check(experiment: Experiment, data: Dataset) -> None:
    if (len(experiment.layers) != 1 or experiment.layers[0].units != 1
            or experiment.layers[0].use_bias or data.n_features != 2):
        raise ExperimentError(QT_TRANSLATE_NOOP(
            "Messages", "The loss surface needs one neuron with two weights and no bias."))
    if experiment.layers[0].activation not in _ACTIVATIONS:
        raise ExperimentError(QT_TRANSLATE_NOOP(
            "Messages", "The loss surface knows the activations {names}."),
            names=", ".join(_ACTIVATIONS))


def loss_surface(experiment: Experiment, w1: np.ndarray, w2: np.ndarray,
                 data: Dataset | None = None) -> np.ndarray:
    """The training loss at every grid point: z[i, j] = loss at (w1[i], w2[j]).

    One vectorised pass over the whole grid instead of a model call per point.
    """
    data = data if data is not None else path_data()
    _check(experiment, data)
    x = data.x_train.astype(np.float64)
    y = data.y_train.astype(np.float64)
    w1, w2 = np.asarray(w1, dtype=np.float64), np.asarray(w2, dtype=np.float64)
    act = experiment.layers[0].activation
    if act == "linear" and experiment.loss == "mse":
        # mean((Xw - y)^2) = w'Aw - 2b'w + c, a quadratic form in the weights.
        n = len(x)
        a, b, c = x.T @ x / n, x.T @ y / n, y @ y / n
        W1, W2 = np.meshgrid(w1, w2, indexing="ij")
        return (a[0, 0] * W1 ** 2 + 2 * a[0, 1] * W1 * W2 + a[1, 1] * W2 ** 2
                - 2 * (b[0] * W1 + b[1] * W2) + c)
    # (n1, n2, samples): every sample's prediction at every grid point.
    z = w1[:, None, None] * x[:, 0] + w2[None, :, None] * x[:, 1]
    err = _ACTIVATIONS[act](z) - y
    return (err ** 2 if experiment.loss == "mse" else np.abs(err)).mean(axis=-1)


@dataclass
class PathRun:
    batch_size: int
    points: np.ndarray          # (updates + 1, 2): the start, then one row per update
    predictions: np.ndarray     # (epochs + 1, samples): before training, then per epoch
    history: dict[str, list[float]]
    epochs_run: int
    seconds: float
    stopped_by_user: bool


def start_of(experiment: Experiment) -> tuple[float, float]:
    """The (w1, w2) an experiment starts from; the paths preset always sets them."""
    if experiment.initial_weights is None:
        raise ExperimentError(QT_TRANSLATE_NOOP(
            "Messages", "The gradient paths need a start point (w1, w2)."))
    kernel = np.asarray(experiment.initial_weights[0][0], dtype=np.float64).ravel()
    return float(kernel[0]), float(kernel[1])


def run_paths(experiment: Experiment, start: tuple[float, float] | None = None,
              batch_sizes=(9, 3, 1), epochs: int | None = None,
              learning_rate: float | None = None,
              state: RunState | None = None) -> dict[int, PathRun]:
    """Train one fresh Session per batch size from the same start, with the real engine.

    `state.batch((batch_size, w))` hears the start point and then the weights
    after every update. A stop request ends the current run within one batch
    and skips the runs not yet begun.
    """
    from .engine import Session  # Keras loads only when a run starts

    state = state if state is not None else RunState()
    start = start_of(experiment) if start is None else (float(start[0]), float(start[1]))
    base = experiment.replace(
        initial_weights=((((start[0],), (start[1],)),),), record_batches=True,
        epochs=experiment.epochs if epochs is None else epochs,
        learning_rate=experiment.learning_rate if learning_rate is None else learning_rate)
    runs: dict[int, PathRun] = {}
    for batch_size in batch_sizes:
        if state.stop_requested:
            break
        session = Session(base.replace(batch_size=batch_size)).build()
        points = [session.flat_weights()]
        predictions = [session.last_predictions]

        def on_batch(w, batch_size=batch_size, points=points):
            points.append(w)
            state.batch((batch_size, w))

        state.batch((batch_size, points[0]))
        # Each run reports into the outer state and shares its stop request.
        inner = RunState(state.run_id, on_batch=on_batch, stop=state.stop_event,
                         on_epoch=lambda epoch, logs, p, predictions=predictions:
                         predictions.append(p))
        result = session.train(state=inner)
        runs[batch_size] = PathRun(batch_size, np.array(points), np.array(predictions),
                                   session.history, result.epochs_run, result.seconds,
                                   result.stopped_by_user)
    return runs
