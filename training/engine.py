"""The training engine: one Session owns one Keras model, its data and its history.

It knows nothing of Qt. A listener of plain callables hears about every epoch;
the Qt worker passes its signals' emit methods, the headless runner prints.
"""
from __future__ import annotations

import gc
import math
import os
import threading
import time
from dataclasses import dataclass
from typing import Callable

os.environ.setdefault("KERAS_BACKEND", "tensorflow")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")

import logging  # noqa: E402

import numpy as np  # noqa: E402

from . import tf_preload  # noqa: E402

tf_preload.preload()
import tensorflow as tf  # noqa: E402
import keras  # noqa: E402

from . import data as datasets  # noqa: E402
from .errors import ExperimentError
from .experiment import Experiment, LayerSpec  # noqa: E402

# .h5 is the lecture's format; Keras's advice to use .keras on every save is noise here.
logging.getLogger("absl").setLevel(logging.ERROR)
# Every new model gets its own compiled evaluation function; TensorFlow's
# "retracing" warning about that is meant for functions called in a loop.
logging.getLogger("tensorflow").setLevel(logging.ERROR)

# TensorFlow's and Keras's import leaves ~270k objects that live as long as
# the process. Frozen, no full garbage collection walks them again: with five
# models trained, one took 0.15 s before and 0.01-0.04 s after, holding the
# GIL (the window waits) in whichever thread it ran.
gc.freeze()

# Cap on optimizer steps run in one graph call: large enough that the lecture's
# Boston run (11 batches an epoch) makes one call per epoch, small enough that
# Stop still lands within a few milliseconds at batch size 1.
MAX_STEPS_PER_EXECUTION = 16


@dataclass
class Listener:
    """What a run reports, as plain callables; any of them may be None."""
    # (epoch, logs, predictions on Dataset.x_eval), epoch counted from 1
    on_epoch: Callable[[int, dict, np.ndarray], None] | None = None
    # (flat trainable weights) after every optimizer step, when the experiment records batches
    on_batch: Callable[[np.ndarray], None] | None = None
    # (path, kind) after a save requested during training succeeded, or (path, error)
    on_saved: Callable[[str, str], None] | None = None
    on_save_failed: Callable[[str, str], None] | None = None


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
    """Stop flag, validation loss, predictions and saves, once per epoch.

    Comes first in the callback list: the val_loss it writes into the logs is
    what EarlyStopping reads after it.
    """

    def __init__(self, session: "Session", listener: Listener):
        super().__init__()
        self.session = session
        self.listener = listener
        self.stopped_by_user = False
        self.not_finite = False
        self.epochs_run = 0
        self.record = session.experiment.record_batches

    def on_train_batch_end(self, batch, logs=None):
        s = self.session
        if self.record and self.listener.on_batch is not None:
            self.listener.on_batch(s.flat_weights())
        if s._stop.is_set():
            self.stopped_by_user = True
            self.model.stop_training = True

    def on_epoch_end(self, epoch, logs=None):
        s = self.session
        logs = logs if logs is not None else {}
        val_loss, predictions, weights = s._evaluate()
        if val_loss is not None:
            logs["val_loss"] = val_loss
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
        if self.listener.on_epoch is not None:
            self.listener.on_epoch(epoch + 1, entry, predictions)
        s._serve_save_requests(self.listener)


class Session:
    """One model and everything learned about it so far."""

    def __init__(self, experiment: Experiment, data: datasets.Dataset | None = None):
        self.experiment = experiment.validate()
        self.data = data if data is not None else datasets.load(
            experiment.dataset, experiment.validation_split, experiment.seed)
        self.model: keras.Model | None = None
        self.history: dict[str, list[float]] = {}
        self.epochs_done = 0
        self.last_predictions: np.ndarray | None = None
        self._stop = threading.Event()
        self._save_lock = threading.Lock()
        self._save_requests: list[tuple[str, str]] = []
        self._last_good_weights = None
        self._early_stopping: _SessionEarlyStopping | None = None
        self._train_ds = None
        self._eval_fn = None

    # ---------------------------------------------------------------- building
    def build(self) -> "Session":
        e = self.experiment
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
        return self

    def _attach(self, model: keras.Model, optimizer) -> None:
        """Compile `model` for this session's data and reset the cached functions."""
        e = self.experiment
        model.compile(optimizer=optimizer, loss=make_loss(e.loss),
                      steps_per_execution=self._steps_per_execution())
        self.model = model
        self._eval_fn = None
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
            self._train_ds = ds.prefetch(2)
        return self._train_ds

    def _evaluate(self):
        """(val_loss or None, predictions on x_eval, the model's weights as
        tensors in get_weights() order) in one compiled call."""
        if self._eval_fn is None:
            model, loss = self.model, make_loss(self.experiment.loss)
            x_eval = tf.constant(self.data.x_eval)
            if self.data.x_val is not None and len(self.data.x_val):
                x_val = tf.constant(self.data.x_val)
                y_val = tf.constant(self.data.y_val.reshape(-1, 1))

                @tf.function
                def fn():
                    weights = tuple(tf.identity(v) for v in model.weights)
                    return (loss(y_val, model(x_val, training=False)),
                            model(x_eval, training=False), weights)
            else:
                @tf.function
                def fn():
                    weights = tuple(tf.identity(v) for v in model.weights)
                    return None, model(x_eval, training=False), weights
            self._eval_fn = fn
        val, pred, weights = self._eval_fn()
        return (None if val is None else float(val)), pred.numpy()[:, 0], weights

    # ---------------------------------------------------------------- training
    def train(self, until_epoch: int | None = None, listener: Listener | None = None,
              stop: threading.Event | None = None) -> TrainResult:
        """Train up to epoch `until_epoch` (default: the experiment's epochs),
        continuing from where the last call stopped. Setting `stop` (or calling
        request_stop) ends the run after the current batch."""
        if self.model is None:
            self.build()
        e = self.experiment
        target = e.epochs if until_epoch is None else until_epoch
        if target <= self.epochs_done:
            raise ExperimentError(
                f"The model has already trained {self.epochs_done} epochs; "
                f"ask for more than that.")
        self._stop = stop if stop is not None else threading.Event()
        listener = listener or Listener()
        live = _LiveCallback(self, listener)
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
        # A save asked for in the last moments still happens.
        self._serve_save_requests(listener)
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

    def request_stop(self) -> None:
        """Thread-safe: the run ends after the current batch."""
        self._stop.set()

    def request_save(self, path: str, kind: str = "model") -> None:
        """Thread-safe: save at the next epoch end of the running fit."""
        with self._save_lock:
            self._save_requests.append((path, kind))

    def _serve_save_requests(self, listener: Listener) -> None:
        from .errors import SaveError
        from .persistence import save
        with self._save_lock:
            requests, self._save_requests = self._save_requests, []
        for path, kind in requests:
            try:
                written = save(self, path, kind)
            except SaveError as err:
                if listener.on_save_failed:
                    listener.on_save_failed(path, str(err))
            else:
                if listener.on_saved:
                    listener.on_saved(written, kind)

    # ---------------------------------------------------------------- results
    def current_predictions(self) -> np.ndarray:
        """Predictions on Dataset.x_eval by calling the model (model.predict costs ~40 ms)."""
        return self.model(self.data.x_eval, training=False).numpy()[:, 0]

    def flat_weights(self) -> np.ndarray:
        return np.concatenate([np.ravel(v.numpy()) for v in self.model.trainable_variables])

    def test_errors(self, predictions: np.ndarray | None = None) -> dict | None:
        if self.data.y_test is None:
            return None
        p = self.last_predictions if predictions is None else predictions
        return absolute_errors(p, self.data.y_test)

    def layer_specs(self) -> tuple[LayerSpec, ...]:
        return layer_specs(self.model)


def absolute_errors(predictions: np.ndarray, truth: np.ndarray) -> dict:
    err = np.abs(np.asarray(predictions, dtype=np.float64) - truth)
    return {"mean_abs": float(err.mean()), "max_abs": float(err.max()),
            "min_abs": float(err.min())}


def layer_specs(model: keras.Model) -> tuple[LayerSpec, ...]:
    specs = []
    for layer in model.layers:
        if not isinstance(layer, keras.layers.Dense):
            raise ExperimentError(
                f"Layer {layer.name!r} is a {type(layer).__name__}; "
                f"this app trains networks of Dense layers only.")
        act = keras.activations.serialize(layer.activation)
        act = act if isinstance(act, str) else getattr(layer.activation, "__name__", "linear")
        specs.append(LayerSpec(layer.units, act, layer.use_bias))
    return tuple(specs)


def make_optimizer(name: str, learning_rate: float):
    cls = {"adam": keras.optimizers.Adam, "sgd": keras.optimizers.SGD,
           "rmsprop": keras.optimizers.RMSprop}[name]
    return cls(learning_rate=learning_rate)


def make_loss(name: str):
    # Loss objects, not strings: Keras 3 writes "mse" into an .h5 file in a
    # form it cannot read back.
    return {"mse": keras.losses.MeanSquaredError, "mae": keras.losses.MeanAbsoluteError}[name]()
