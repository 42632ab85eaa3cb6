"""The lecture's own script, as the reference that speed must not change.

The benchmark's run (a) and the equivalence test both train this net with
plain `fit` on numpy arrays and compare the engine against it.
"""
from __future__ import annotations


def lecture_net(n_features: int, seed: int):
    """The Boston net (80 tanh, 50 tanh, 1 linear), uncompiled, start weights from `seed`.

    The lecture's script sets no seed, so its `fit` reshuffles every epoch.
    With TensorFlow's global seed set, Keras 3 `fit` on numpy arrays would draw
    the same batch order in every epoch (its shuffle op restarts with each
    epoch's iterator): the seed is cleared once the weights are drawn.
    """
    import keras
    import tensorflow as tf
    keras.utils.set_random_seed(seed)  # the engine's start weights, drawn the same way
    model = keras.Sequential([
        keras.Input((n_features,)),
        keras.layers.Dense(80, activation="tanh"),
        keras.layers.Dense(50, activation="tanh"),
        keras.layers.Dense(1),
    ])
    tf.random.set_seed(None)
    return model
