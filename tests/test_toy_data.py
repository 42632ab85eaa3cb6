"""training.toy_data: the 2-D toy problems."""
from __future__ import annotations

import numpy as np
import pytest

from training.toy_data import NAMES, make


def _linear_accuracy(x, y) -> float:
    """A least-squares linear classifier's accuracy on its own training points."""
    design = np.column_stack([x, np.ones(len(x))]).astype(np.float64)
    w, *_ = np.linalg.lstsq(design, 2.0 * y - 1.0, rcond=None)
    return float(np.mean((design @ w > 0) == (y == 1)))


@pytest.mark.parametrize("name", NAMES)
def test_shapes_dtypes_balance_and_range(name):
    for n in (4, 5, 201):
        x, y = make(name, n=n)
        assert x.shape == (n, 2) and x.dtype == np.float32 and x.flags.c_contiguous
        assert y.shape == (n,) and y.dtype == np.int64
        assert np.bincount(y, minlength=2).tolist() == [n // 2, n - n // 2]
    x, _ = make(name, n=1000, noise=0.0)
    assert np.abs(x).max() <= 1.5
    x, _ = make(name, n=1000, noise=0.1)
    assert np.abs(x).max() <= 2.0
    assert x.std(axis=0).min() > 0.2  # spread over the plane, not a dot


@pytest.mark.parametrize("name", NAMES)
def test_a_seed_gives_the_same_points_another_seed_others(name):
    a, ya = make(name, n=100, noise=0.2, seed=7)
    b, yb = make(name, n=100, noise=0.2, seed=7)
    np.testing.assert_array_equal(a, b)
    np.testing.assert_array_equal(ya, yb)
    c, _ = make(name, n=100, noise=0.2, seed=8)
    assert not np.array_equal(a, c)


@pytest.mark.parametrize("name", NAMES)
def test_noise_moves_the_points(name):
    calm, y0 = make(name, n=300, noise=0.0)
    noisy, y1 = make(name, n=300, noise=0.5)
    np.testing.assert_array_equal(y0, y1)  # the same points, jittered
    shift = np.linalg.norm(noisy - calm, axis=1)
    assert shift.min() > 0
    more, _ = make(name, n=300, noise=1.0)
    assert np.linalg.norm(more - calm, axis=1).mean() > 1.5 * shift.mean()


def test_xor_needs_a_hidden_layer():
    x, y = make("xor", n=400, noise=0.0)
    # The rule itself: class 1 where the signs differ, with a margin round the axes.
    assert np.all((x[:, 0] * x[:, 1] < 0) == (y == 1))
    assert np.abs(x).min() >= 0.1 - 1e-6
    # No straight line separates it...
    assert _linear_accuracy(x, y) < 0.75
    # ...but one hidden layer of 4 ReLUs does: |x1 - x2| > |x1 + x2|.
    relu = lambda a: np.maximum(a, 0)
    hidden = relu(np.column_stack([x[:, 0] - x[:, 1], x[:, 1] - x[:, 0],
                                   x[:, 0] + x[:, 1], -x[:, 0] - x[:, 1]]))
    assert np.all((hidden @ np.array([1.0, 1.0, -1.0, -1.0]) > 0) == (y == 1))


def test_the_other_problems_have_their_shapes():
    x, y = make("circles", n=400, noise=0.0)
    r = np.linalg.norm(x, axis=1)
    assert r[y == 0].max() <= 0.5 + 1e-6 < 0.8 - 1e-6 <= r[y == 1].min()
    assert _linear_accuracy(x, y) < 0.75
    x, y = make("blobs", n=400, noise=0.0, seed=1)
    assert _linear_accuracy(x, y) > 0.95
    assert np.all(x[y == 0].mean(axis=0) < 0) and np.all(x[y == 1].mean(axis=0) > 0)
    x, y = make("moons", n=400, noise=0.0)
    assert 0.75 < _linear_accuracy(x, y) < 1.0  # nearly, never quite linear
    x, y = make("spirals", n=400, noise=0.0)
    assert _linear_accuracy(x, y) < 0.75
    # Each point's nearest neighbour is on its own arm.
    d = np.linalg.norm(x[:, None] - x[None], axis=2)
    np.fill_diagonal(d, np.inf)
    assert np.mean(y[d.argmin(axis=1)] == y) > 0.97


@pytest.mark.parametrize("args", [("nope",), ("xor", 3), ("xor", 2.5), ("xor", 100, -0.1),
                                  ("xor", 100, 1.1), ("xor", True)])
def test_refused_arguments(args):
    with pytest.raises(ValueError):
        make(*args)
