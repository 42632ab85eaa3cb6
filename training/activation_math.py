"""Keras's element-wise activations in numpy, for the neuron inspector.

The inspector recomputes one neuron's z = w·x + b and a(z) from the weights
the engine hands out, in the GUI thread, without Keras. Each function here is
Keras 3's own definition (tests compare them with keras.activations). The
derivative is taken numerically: the inspector needs its value at one point.
Activations that are not element-wise (softmax, log_softmax, glu, sparsemax)
or need arguments (threshold) have none here: the inspector says so.
"""
from __future__ import annotations

import math

import numpy as np

_erf = np.vectorize(math.erf, otypes=[float])


def _sigmoid(z):
    return 0.5 * (1.0 + np.tanh(0.5 * z))  # no overflow warning for large |z|


def _softplus(z):
    return np.logaddexp(0.0, z)


_SELU_ALPHA, _SELU_SCALE = 1.6732632423543772, 1.0507009873554805

FUNCTIONS = {
    "linear": lambda z: z,
    "sigmoid": _sigmoid,
    "tanh": np.tanh,
    "relu": lambda z: np.maximum(z, 0.0),
    "elu": lambda z: np.where(z > 0, z, np.expm1(np.minimum(z, 0.0))),
    "selu": lambda z: _SELU_SCALE * np.where(z > 0, z, _SELU_ALPHA * np.expm1(np.minimum(z, 0.0))),
    "gelu": lambda z: 0.5 * z * (1.0 + _erf(z / math.sqrt(2.0))),
    "silu": lambda z: z * _sigmoid(z),
    "softplus": _softplus,
    "softsign": lambda z: z / (1.0 + np.abs(z)),
    "exponential": lambda z: np.exp(np.minimum(z, 80.0)),
    "hard_sigmoid": lambda z: np.clip(z / 6.0 + 0.5, 0.0, 1.0),
    "hard_silu": lambda z: z * np.clip(z / 6.0 + 0.5, 0.0, 1.0),
    "leaky_relu": lambda z: np.where(z > 0, z, 0.2 * z),
    "relu6": lambda z: np.clip(z, 0.0, 6.0),
    "mish": lambda z: z * np.tanh(_softplus(z)),
    "celu": lambda z: np.where(z > 0, z, np.expm1(np.minimum(z, 0.0))),
    "hard_tanh": lambda z: np.clip(z, -1.0, 1.0),
    "log_sigmoid": lambda z: -_softplus(-z),
    "squareplus": lambda z: 0.5 * (z + np.sqrt(z * z + 4.0)),
    "tanh_shrink": lambda z: z - np.tanh(z),
    "sparse_plus": lambda z: np.where(z <= -1, 0.0, np.where(z >= 1, z, 0.25 * (z + 1.0) ** 2)),
    "soft_shrink": lambda z: np.where(z > 0.5, z - 0.5, np.where(z < -0.5, z + 0.5, 0.0)),
    "hard_shrink": lambda z: np.where(np.abs(z) > 0.5, z, 0.0),
    "sparse_sigmoid": lambda z: np.clip(0.5 * (z + 1.0), 0.0, 1.0),
}


def function(name: str):
    """The numpy function of activation `name`, or None when it has none here."""
    return FUNCTIONS.get(name)


def derivative(name: str, z: float, h: float = 1e-4) -> float | None:
    """a'(z), by a central difference (at a kink, the mean of both slopes)."""
    f = FUNCTIONS.get(name)
    if f is None:
        return None
    return float((f(np.float64(z + h)) - f(np.float64(z - h))) / (2 * h))


def forward(kernels: list, biases: list, activations: list[str], x: np.ndarray):
    """(z, a) per layer for the rows `x`, in float64, or None from the first
    layer whose activation is not element-wise (its units depend on each other)."""
    out, h = [], np.asarray(x, dtype=np.float64)
    for kernel, bias, name in zip(kernels, biases, activations):
        f = FUNCTIONS.get(name)
        if f is None:
            break
        z = h @ np.asarray(kernel, dtype=np.float64)
        if bias is not None:
            z = z + np.asarray(bias, dtype=np.float64)
        h = f(z)
        out.append((z, h))
    return out
