"""The training engine: one Session owns one Keras model, its data and its history.

It knows nothing of Qt. A run reports through a RunState's plain callables;
the Qt worker passes its signals' emitters, the headless runner prints.
Importing it imports Keras: call training.runtime.start() first.
"""
from __future__ import annotations

import math
import threading
import time
from dataclasses import dataclass
from typing import Callable

import keras
import numpy as np
import tensorflow as tf

from . import data as datasets
from .errors import ExperimentError
from .experiment import Experiment, LayerSpec, check_output
from .metrics import (
    absolute_errors, classification_metrics, predicted_classes, regression_metrics)
from .runstate import RunState
from .texts import QT_TRANSLATE_NOOP

# Cap on optimizer steps run in one graph call: large enough that the lecture's
# Boston run (11 batches an epoch) makes one call per epoch, small enough that
# Stop still lands within a few milliseconds at batch size 1.
MAX_STEPS_PER_EXECUTION = 16
# The decision map's grid: MAP_GRID × MAP_GRID points, one model call.
MAP_GRID = 100


# Keras's global seed is process-wide: two tabs building models at once must
# not draw from each other's seeds. Held while a model and its pipeline are made.
_BUILD_LOCK = threading.Lock()


@dataclass
class TrainResult:
    epochs_run: int
    stopped_by_user: bool = False
    stopped_early: bool = False
    not_finite: bool = False
    seconds: float = 0.0
    restored_best_epoch: int | None = None


class _SessionEarlyStopping(keras.callbacks.EarlyStopping):
    """EarlyStopping whose patience and best score carry across Resume: Keras's
    own resets them at the start of every fit call."""

    def __init__(self, **kw):
        super().__init__(**kw)
        self._started = False

    def on_train_begin(self, logs=None):
        if not self._started:
            super().on_train_begin(logs)
            self._started = True
        self.stopped_epoch = 0


class _LiveCallback(keras.callbacks.Callback):
    """Stop flag per batch; validation loss, predictions and the epoch-end hook per epoch.

    Comes first in the callback list: the val_loss it writes into the logs is
    what EarlyStopping reads after it.
    """

    def __init__(self, session: "Session", state: RunState, at_epoch_end: Callable | None):
        super().__init__()
        self.session = session
        self.state = state
        self.at_epoch_end = at_epoch_end
        self.stopped_by_user = False
        self.not_finite = False
        self.epochs_run = 0
        self.record = session.experiment.record_batches and state.wants_batches

    def on_train_batch_end(self, batch, logs=None):
        if self.record:
            self.state.batch(self.session.flat_weights())
        if self.state.stop_requested:
            self.stopped_by_user = True
            self.model.stop_training = True

    def on_epoch_end(self, epoch, logs=None):
        s = self.session
        logs = logs if logs is not None else {}
        val, predictions, weights = s._evaluate()
        logs.update(val)
        entry = {k: float(v) for k, v in logs.items()}
        if not all(math.isfinite(v) for v in entry.values()):
            # Keep the last finite weights: the run ends at this epoch.
            self.not_finite = True
            self.model.stop_training = True
            if s._last_good_weights is not None:
                self.model.set_weights(s._last_good_weights)
            return
        # The weights came out of _evaluate's graph call: six eager reads
        # (get_weights) would cost more than the rest of this method.
        s._last_good_weights = [w.numpy() for w in weights]
        for k, v in entry.items():
            s.history.setdefault(k, []).append(v)
        s.epochs_done = epoch + 1
        s.last_predictions = predictions
        self.epochs_run += 1
        self.state.epoch(epoch + 1, entry, predictions)
        if self.state.inspection_due():
            self.state.inspect(epoch + 1, s.inspect())
        if s.can_map and self.state.map_due():
            self.state.map(epoch + 1, s.decision_map())
        if self.at_epoch_end is not None:
            self.at_epoch_end()


class Session:
    """One model and everything learned about it so far."""

    def __init__(self, experiment: Experiment, data: datasets.Dataset | None = None):
        self.experiment = experiment.validate()
        self.data = data if data is not None else datasets.load_for(experiment)
        # A CSV file's classes are known only now.
        check_output(experiment, self.n_classes)
        self.model: keras.Model | None = None
        self.history: dict[str, list[float]] = {}
        self.epochs_done = 0
        self.last_predictions: np.ndarray | None = None
        self._state = RunState()
        self._last_good_weights = None
        self._early_stopping: _SessionEarlyStopping | None = None
        self._train_ds = None
        self._eval_fn = None
        self._inspection = None  # training.inspection.Inspection, made when asked for
        self._map_fn = None      # the decision map's graph call and its grid
        # One update at a time (step): the batches done of the current epoch
        # and their losses.
        self._step_batch = 0
        self._step_losses: list[float] = []

    @property
    def n_classes(self) -> int | None:
        names = self.data.class_names
        return None if names is None or self.data.task != "classification" else len(names)

    def _predicted(self, out: np.ndarray) -> np.ndarray:
        """The views' one number per row: the value, the probability of class
        1 (two classes), or the class (more)."""
        return out[:, 0] if out.shape[1] == 1 else np.argmax(out, axis=1).astype(np.float32)

    # ---------------------------------------------------------------- building
    def build(self) -> "Session":
        e = self.experiment
        with _BUILD_LOCK:
            keras.utils.set_random_seed(e.seed)
            model = keras.Sequential(name="net")
            model.add(keras.Input((self.data.n_features,)))
            for i, spec in enumerate(e.layers, 1):
                model.add(keras.layers.Dense(spec.units, activation=spec.activation,
                                             use_bias=spec.use_bias, name=f"dense_{i}"))
            if e.initial_weights is not None:
                model.set_weights([np.asarray(w, dtype=np.float32)
                                   for layer in e.initial_weights for w in layer])
            self._attach(model, make_optimizer(e.optimizer, e.learning_rate))
            # The pipeline's shuffle seeds come from the global seed as well.
            self._training_dataset()
        return self

    def forget_training(self) -> None:
        """Start a new history on the model's current weights (Load weights):
        epoch 0, no curves, no early-stopping record, a fresh optimizer."""
        e = self.experiment
        self.history, self.epochs_done = {}, 0
        self._early_stopping = None
        self._attach(self.model, make_optimizer(e.optimizer, e.learning_rate))

    def _attach(self, model: keras.Model, optimizer) -> None:
        """Compile `model` for this session's data and reset the cached functions."""
        e = self.experiment
        metrics = {"binary_crossentropy": [keras.metrics.BinaryAccuracy(name="accuracy")],
                   "sparse_categorical_crossentropy": [
                       keras.metrics.SparseCategoricalAccuracy(name="accuracy")]}.get(e.loss)
        model.compile(optimizer=optimizer, loss=make_loss(e.loss), metrics=metrics,
                      steps_per_execution=self._steps_per_execution())
        self.model = model
        self._eval_fn = self._inspection = self._map_fn = None
        self._last_good_weights = model.get_weights()
        self.last_predictions = self.current_predictions()

    def _steps_per_epoch(self) -> int:
        return max(1, math.ceil(len(self.data.x_train) / self.experiment.batch_size))

    def _steps_per_execution(self) -> int:
        if self.experiment.record_batches:
            return 1
        return min(self._steps_per_epoch(), MAX_STEPS_PER_EXECUTION)

    def _repeats(self) -> bool:
        """Whether one repeating iterator can serve every epoch of a fit call.

        Keras's multi-step graph call runs steps_per_execution steps unless the
        data ends; on a repeating dataset it never ends, so a call would run on
        into the next epoch's batches unless every call ends on an epoch
        boundary. That holds when the epoch fits one call (the lecture's
        Boston run: 11 batches) or with one step a call."""
        return self._steps_per_epoch() % self._steps_per_execution() == 0

    def _training_dataset(self):
        # Built once per session and reused by every fit call (Resume), so
        # neither the pipeline nor Keras's train function is rebuilt.
        # Where it may (_repeats), it is batched and then repeated: every epoch
        # is still one whole pass over the rows, reshuffled, in the same
        # batches, and fit gets steps_per_epoch. One iterator (and its
        # prefetch) then runs across the epochs of a fit call: restarting the
        # pipeline at every epoch boundary cost about as much as the training
        # steps themselves.
        if self._train_ds is None:
            e = self.experiment
            x, y = self.data.x_train, self.data.y_train.reshape(-1, 1)
            ds = tf.data.Dataset.from_tensor_slices((x, y)).cache()
            if e.shuffle:
                ds = ds.shuffle(len(x), seed=e.seed, reshuffle_each_iteration=True)
            ds = ds.batch(e.batch_size)
            if self._repeats():
                ds = ds.repeat()
            # No autotuning: the buffers are fixed anyway, and with it on, about
            # one fit in four ended only 2-5 s after its last epoch, Keras's
            # iterator waiting in its destructor for tf.data's threads (issue 16).
            options = tf.data.Options()
            options.autotune.enabled = False
            self._train_ds = ds.prefetch(2).with_options(options)
        return self._train_ds

    def _evaluate(self):
        """({"val_loss": …, "val_accuracy": …} or {}, predictions on x_eval,
        the model's weights as tensors in get_weights() order) in one compiled call."""
        if self._eval_fn is None:
            model, loss = self.model, make_loss(self.experiment.loss)
            x_eval = tf.constant(self.data.x_eval)
            accuracy = _accuracy_fn(self.experiment.loss)
            if self.data.x_val is not None and len(self.data.x_val):
                x_val = tf.constant(self.data.x_val)
                y_val = tf.constant(self.data.y_val.reshape(-1, 1))

                @tf.function
                def fn():
                    weights = tuple(tf.identity(v) for v in model.weights)
                    out = model(x_val, training=False)
                    val = {"val_loss": loss(y_val, out)}
                    if accuracy is not None:
                        val["val_accuracy"] = accuracy(y_val, out)
                    return val, model(x_eval, training=False), weights
            else:
                @tf.function
                def fn():
                    weights = tuple(tf.identity(v) for v in model.weights)
                    return {}, model(x_eval, training=False), weights
            self._eval_fn = fn
        val, pred, weights = self._eval_fn()
        return {k: float(v) for k, v in val.items()}, self._predicted(pred.numpy()), weights

    # ---------------------------------------------------------------- training
    def train(self, until_epoch: int | None = None, state: RunState | None = None,
              at_epoch_end: Callable[[], None] | None = None) -> TrainResult:
        """Train up to epoch `until_epoch` (default: the experiment's epochs),
        continuing from where the last call stopped. The run reports through
        `state`; its stop request (or request_stop) ends the run after the
        current batch. `at_epoch_end` runs after each epoch is reported."""
        if self.model is None:
            self.build()
        e = self.experiment
        target = e.epochs if until_epoch is None else until_epoch
        if target <= self.epochs_done:
            raise ExperimentError(QT_TRANSLATE_NOOP(
                "Messages", "The model has already trained {epochs} epochs; "
                            "ask for more than that."), epochs=self.epochs_done)
        self._state = state = state if state is not None else RunState()
        # fit starts every epoch at its first batch: updates step() made in an
        # epoch it did not close stay in the weights, not in the history.
        self._step_batch, self._step_losses = 0, []
        live = _LiveCallback(self, state, at_epoch_end)
        callbacks = [live]
        if e.early_stopping:
            if self._early_stopping is None:
                self._early_stopping = _SessionEarlyStopping(
                    monitor="val_loss", patience=e.patience,
                    restore_best_weights=e.restore_best_weights)
            callbacks.append(self._early_stopping)
        start = time.perf_counter()
        self.model.fit(self._training_dataset(), epochs=target, initial_epoch=self.epochs_done,
                       steps_per_epoch=self._steps_per_epoch() if self._repeats() else None,
                       callbacks=callbacks, verbose=0, shuffle=False)  # the pipeline shuffles
        seconds = time.perf_counter() - start
        es = self._early_stopping
        stopped_early = bool(es is not None and es.stopped_epoch > 0)
        restored = None
        if es is not None and e.restore_best_weights and es.best_weights is not None:
            restored = es.best_epoch + 1
        if restored is not None or live.not_finite:
            self.last_predictions = self.current_predictions()
        return TrainResult(live.epochs_run, stopped_by_user=live.stopped_by_user,
                           stopped_early=stopped_early, not_finite=live.not_finite,
                           seconds=seconds, restored_best_epoch=restored)

    def step(self, state: RunState | None = None) -> int:
        """One optimizer update on the next batch, the rows taken in their
        order: the lecture's update after one sample, one at a time. After an
        epoch's last batch the epoch is closed as fit closes it (its mean batch
        loss, val_loss and predictions into the history, state.epoch). Returns
        the batch's number within its epoch, from 1."""
        if self.model is None:
            self.build()
        state = state if state is not None else RunState()
        x, y = self.data.x_train, self.data.y_train
        size = self.experiment.batch_size
        lo = self._step_batch * size
        hi = min(lo + size, len(x))
        self.model.reset_metrics()  # the loss of this batch, not a running mean
        logs = self.model.train_on_batch(x[lo:hi], y[lo:hi].reshape(-1, 1), return_dict=True)
        self._step_losses.append(float(logs["loss"]))
        if self.experiment.record_batches:
            state.batch(self.flat_weights())
        self._step_batch += 1
        done = self._step_batch
        if hi >= len(x):
            val, predictions, weights = self._evaluate()
            entry = {"loss": float(np.mean(self._step_losses)), **val}
            self._step_batch, self._step_losses = 0, []
            if all(math.isfinite(v) for v in entry.values()):
                self._last_good_weights = [w.numpy() for w in weights]
                for k, v in entry.items():
                    self.history.setdefault(k, []).append(v)
                self.epochs_done += 1
                self.last_predictions = predictions
                state.epoch(self.epochs_done, entry, predictions)
                if state.inspection_due():
                    state.inspect(self.epochs_done, self.inspect())
                if self.can_map and state.map_due():
                    state.map(self.epochs_done, self.decision_map())
        return done

    @property
    def batches_into_epoch(self) -> int:
        """Updates made by step() in the epoch not yet closed."""
        return self._step_batch

    def request_stop(self) -> None:
        """Thread-safe: the running fit ends after the current batch."""
        self._state.request_stop()

    # ---------------------------------------------------------------- results
    def current_predictions(self) -> np.ndarray:
        """Predictions on Dataset.x_eval by calling the model (model.predict costs ~40 ms)."""
        return self._predicted(self.model(self.data.x_eval, training=False).numpy())

    def inspect(self) -> dict:
        """Per-layer gradient norms, weight statistics and dead units on a fixed
        batch of training rows (training.inspection), with the weights."""
        from .inspection import Inspection
        if self._inspection is None or self._inspection.model is not self.model:
            self._inspection = Inspection(self, make_loss(self.experiment.loss),
                                          [spec.activation for spec in self.layer_specs()])
        return self._inspection(self._last_good_weights)

    @property
    def can_map(self) -> bool:
        """A decision map exists for classes on exactly two features."""
        return self.data.task == "classification" and self.data.n_features == 2

    def decision_map(self, n: int = MAP_GRID) -> dict:
        """The net's answer on an n×n grid over the data's extent: the
        probability of class 1 (two classes) or the class (more), in one
        vectorised model call. values[i, j] is at (xs[j], ys[i])."""
        if self._map_fn is None or self._map_fn[1] != n:
            x = np.concatenate([a for a in (self.data.x_train, self.data.x_val, self.data.x_test)
                                if a is not None and len(a)])
            lo, hi = x.min(axis=0), x.max(axis=0)
            pad = 0.1 * np.maximum(hi - lo, 1e-6)
            xs = np.linspace(lo[0] - pad[0], hi[0] + pad[0], n, dtype=np.float32)
            ys = np.linspace(lo[1] - pad[1], hi[1] + pad[1], n, dtype=np.float32)
            gx, gy = np.meshgrid(xs, ys)
            grid = tf.constant(np.column_stack([gx.ravel(), gy.ravel()]))
            model = self.model

            @tf.function
            def fn():
                return model(grid, training=False)
            self._map_fn = (fn, n, xs, ys)
        fn, n, xs, ys = self._map_fn
        out = fn().numpy()
        values = out[:, 0] if out.shape[1] == 1 else np.argmax(out, axis=1).astype(np.float32)
        return {"xs": xs, "ys": ys, "values": values.reshape(n, n), "classes": max(2, out.shape[1])}

    def flat_weights(self) -> np.ndarray:
        return np.concatenate([np.ravel(v.numpy()) for v in self.model.trainable_variables])

    def test_errors(self, predictions: np.ndarray | None = None) -> dict | None:
        """The lecture's mean / max / min absolute test error (regression only)."""
        if self.data.y_test is None or self.data.task == "classification":
            return None
        p = self.last_predictions if predictions is None else predictions
        return absolute_errors(p, self.data.y_test)

    def test_metrics(self) -> dict | None:
        """On the test rows: accuracy and the confusion matrix (classes), or
        R², RMSE and MAE (numbers)."""
        if self.data.y_test is None:
            return None
        p, truth = self.last_predictions, self.data.y_test
        if self.data.task == "classification":
            return classification_metrics(predicted_classes(p, self.n_classes), truth,
                                          self.n_classes)
        return regression_metrics(p, truth)

    def layer_specs(self) -> tuple[LayerSpec, ...]:
        return layer_specs(self.model)


def layer_specs(model: keras.Model) -> tuple[LayerSpec, ...]:
    specs = []
    for layer in model.layers:
        if not isinstance(layer, keras.layers.Dense):
            raise ExperimentError(QT_TRANSLATE_NOOP(
                "Messages", "Layer {name} is a {kind}; "
                            "this app trains networks of Dense layers only."),
                name=repr(layer.name), kind=type(layer).__name__)
        act = keras.activations.serialize(layer.activation)
        act = act if isinstance(act, str) else getattr(layer.activation, "__name__", "linear")
        specs.append(LayerSpec(layer.units, act, layer.use_bias))
    return tuple(specs)


# The Keras class of each of experiment.OPTIMIZERS.
OPTIMIZER_CLASSES = {"adam": keras.optimizers.Adam, "sgd": keras.optimizers.SGD,
                     "rmsprop": keras.optimizers.RMSprop}


def make_optimizer(name: str, learning_rate: float):
    return OPTIMIZER_CLASSES[name](learning_rate=learning_rate)


def make_loss(name: str):
    # Loss objects, not strings: Keras 3 writes "mse" into an .h5 file in a
    # form it cannot read back.
    return {"mse": keras.losses.MeanSquaredError, "mae": keras.losses.MeanAbsoluteError,
            "binary_crossentropy": keras.losses.BinaryCrossentropy,
            "sparse_categorical_crossentropy": keras.losses.SparseCategoricalCrossentropy}[name]()


def _accuracy_fn(loss: str):
    """val_accuracy as fit's accuracy metric counts it, as a graph function."""
    if loss == "binary_crossentropy":
        return lambda y, p: tf.reduce_mean(tf.cast(tf.equal(y, tf.cast(p > 0.5, y.dtype)), tf.float32))
    if loss == "sparse_categorical_crossentropy":
        return lambda y, p: tf.reduce_mean(tf.cast(tf.equal(
            tf.cast(y[:, 0], tf.int64), tf.argmax(p, axis=1)), tf.float32))
    return None
