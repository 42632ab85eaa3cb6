"""Two-dimensional toy problems of two classes, for watching a network draw
its decision boundary. numpy only (no scikit-learn, no Keras, no Qt).

make(name, n, noise, seed) -> (x, y): x float32 of shape (n, 2), roughly
within [-1.5, 1.5]², y int64 0/1, n // 2 rows of class 0 and the rest of
class 1, in a shuffled order. The same seed gives the same points; `noise`
(0 to 1) adds Gaussian jitter whose scale suits the problem (1 blurs the
classes into each other), drawn on the same points, so that one seed with
more noise shows the same data set blurred.
"""
from __future__ import annotations

import numpy as np

__all__ = ["NAMES", "make"]

NAMES = ("xor", "circles", "moons", "spirals", "blobs")

# The jitter's standard deviation at noise 1, per problem.
_JITTER = {"xor": 0.5, "circles": 0.3, "moons": 0.5, "spirals": 0.25, "blobs": 0.5}
XOR_MARGIN = 0.1     # at noise 0 no point is nearer an axis than this
CIRCLE_INNER = 0.5   # the inner disc's radius
CIRCLE_RING = (0.8, 1.2)
SPIRAL_TURNS = 1.5
BLOB_CENTRE = 0.6    # the clusters sit at (-c, -c) and (c, c)
BLOB_SPREAD = 0.25


def _xor(rng, y):
    n = len(y)
    magnitude = rng.uniform(XOR_MARGIN, 1.0, size=(n, 2))
    first = rng.choice((-1.0, 1.0), size=n)
    # Class 1: the signs differ; class 0: they agree.
    second = np.where(y == 1, -first, first)
    return magnitude * np.column_stack([first, second])


def _circles(rng, y):
    n = len(y)
    angle = rng.uniform(0.0, 2 * np.pi, size=n)
    u = rng.uniform(0.0, 1.0, size=n)
    inner = CIRCLE_INNER * np.sqrt(u)  # evenly over the disc
    low, high = CIRCLE_RING
    outer = np.sqrt(low**2 + u * (high**2 - low**2))  # evenly over the ring
    radius = np.where(y == 0, inner, outer)
    return radius[:, None] * np.column_stack([np.cos(angle), np.sin(angle)])


def _moons(rng, y):
    t = rng.uniform(0.0, np.pi, size=len(y))
    upper = np.column_stack([np.cos(t), np.sin(t)])
    lower = np.column_stack([1.0 - np.cos(t), 0.5 - np.sin(t)])
    points = np.where((y == 0)[:, None], upper, lower)
    return points - (0.5, 0.25)  # centred: x in [-1, 2] -> [-1.5, 1.5]


def _spirals(rng, y):
    # sqrt: as many points per length of arm near the centre as further out.
    turn = np.sqrt(rng.uniform(0.0, 1.0, size=len(y)))
    start = 0.15
    angle = 2 * np.pi * SPIRAL_TURNS * (start + (1 - start) * turn)
    radius = 1.3 * angle / (2 * np.pi * SPIRAL_TURNS)
    angle = angle + np.pi * y  # the second arm: the first turned half way round
    return radius[:, None] * np.column_stack([np.cos(angle), np.sin(angle)])


def _blobs(rng, y):
    centre = np.where((y == 0)[:, None], -BLOB_CENTRE, BLOB_CENTRE)
    # Cut at 3.5 deviations: within [-1.5, 1.5]² at noise 0, whatever the seed.
    spread = np.clip(rng.normal(0.0, BLOB_SPREAD, size=(len(y), 2)), -3.5 * BLOB_SPREAD,
                     3.5 * BLOB_SPREAD)
    return centre + spread


_MAKERS = {"xor": _xor, "circles": _circles, "moons": _moons, "spirals": _spirals,
           "blobs": _blobs}


def make(name: str, n: int = 200, noise: float = 0.1, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """The toy problem `name` (one of NAMES) with `n` points (at least 4)."""
    if name not in _MAKERS:
        raise ValueError(f"unknown toy data set {name!r}; one of {', '.join(NAMES)}")
    if isinstance(n, bool) or not isinstance(n, (int, np.integer)) or n < 4:
        raise ValueError(f"n must be a whole number of at least 4, not {n!r}")
    noise = float(noise)
    if not 0.0 <= noise <= 1.0:
        raise ValueError(f"noise must be between 0 and 1, not {noise!r}")
    n = int(n)
    rng = np.random.default_rng(seed)
    y = np.zeros(n, dtype=np.int64)
    y[n // 2:] = 1
    x = _MAKERS[name](rng, y)
    x = x + rng.normal(0.0, 1.0, size=(n, 2)) * (_JITTER[name] * noise)
    order = rng.permutation(n)
    return np.ascontiguousarray(x[order], dtype=np.float32), y[order]
