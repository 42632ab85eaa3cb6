"""Inside the net: per-layer statistics of a session's model, one compiled call an epoch.

For every Dense layer, on a fixed batch of training rows (the first up to
MAX_ROWS, the same rows every epoch): the norm of the loss gradient with
respect to its kernel, the mean and spread of its weights, and the share of its
units that are never active on those rows (dead ReLU units; None for layers
with another activation). One tf.function, built once per model and traced
once: no model.predict, no Python loop over samples.

A run asks for it through its RunState (on_inspect); the engine then calls
Session.inspect() after each epoch and reports the result with state.inspect.
"""
from __future__ import annotations

import keras
import numpy as np
import tensorflow as tf

# Boston's 404 training rows fit whole; a larger data set is cut here.
MAX_ROWS = 512


class Inspection:
    """The compiled statistics of one model on one session's training rows."""

    def __init__(self, session, loss, activations: list[str], max_rows: int = MAX_ROWS):
        """`loss` and each Dense layer's `activations` come from the session's
        engine, which owns them (this module is below it: no import back)."""
        self.model = model = session.model
        data = session.data
        n = min(len(data.x_train), max_rows)
        # Read-only, the same object every epoch: the views may keep it.
        self.x = np.array(data.x_train[:n], dtype=np.float32)
        self.x.setflags(write=False)
        self.y = np.array(data.y_train[:n], dtype=np.float32).reshape(-1, 1)
        self.layers = [layer for layer in model.layers if isinstance(layer, keras.layers.Dense)]
        self.activations = list(activations)
        self.relu = [a in ("relu", "relu6") for a in self.activations]
        x, y, layers = tf.constant(self.x), tf.constant(self.y), self.layers

        @tf.function
        def fn():
            with tf.GradientTape() as tape:
                h, active = x, []
                for layer in layers:
                    h = layer(h, training=False)
                    active.append(tf.reduce_mean(tf.cast(tf.reduce_any(h > 0, axis=0),
                                                         tf.float32)))
                value = loss(y, h)
            kernels = [layer.kernel for layer in layers]
            grads = tape.gradient(value, kernels)
            return (tf.stack([tf.norm(g) for g in grads]),
                    tf.stack([tf.reduce_mean(k) for k in kernels]),
                    tf.stack([tf.math.reduce_std(k) for k in kernels]),
                    1.0 - tf.stack(active))
        self._fn = fn

    def __call__(self, weights: list | None = None) -> dict:
        """The statistics now, as plain data. `weights` (get_weights() order,
        numpy) travel along for the views, split into each layer's kernel and
        bias (None without one); read from the model when None."""
        norms, means, stds, dead = (t.numpy().astype(float) for t in self._fn())
        weights = list(weights if weights is not None else self.model.get_weights())
        kernels, biases = [], []
        for layer in self.layers:
            kernels.append(weights.pop(0))
            biases.append(weights.pop(0) if layer.use_bias else None)
        return {
            "grad_norms": norms.tolist(),
            "weight_mean": means.tolist(),
            "weight_std": stds.tolist(),
            "dead": [float(d) if r else None for d, r in zip(dead, self.relu)],
            "activations": list(self.activations),
            "kernels": kernels,
            "biases": biases,
            "x": self.x,
        }
