"""The lecture's small experiments with real Keras training: AND with one neuron
and the gradient paths on the loss surface."""
import numpy as np
import pytest

from training.engine import Session
from training.runstate import RunState
from training.experiment import LayerSpec, preset
from training.data import PATH_X, PATH_Y, path_data
from training.gradient_paths import loss_surface, run_paths

# The lecture's slides: predictions for (0,0), (0,1), (1,0), (1,1) per epoch.
RELU_SLIDES = [
    [0.281, 1.111, 1.087, 1.917],
    [0, 0.632, 1.005, 1.785],
    [0, 0.453, 0.846, 1.729],
    [0, 0.238, 0.565, 1.518],
    [0, 0.072, 0.287, 1.29],
    [0, 0, 0.075, 1.102],
    [0, 0, 0, 0.994],
]


def train_and(name):
    session = Session(preset(name)).build()
    table = [session.last_predictions]
    session.train(state=RunState(on_epoch=lambda epoch, logs, p: table.append(p)))
    return np.array(table)


def test_and_relu_reproduces_the_slides():
    table = train_and("and-relu")
    assert table.shape == (7, 4)
    np.testing.assert_allclose(table, RELU_SLIDES, atol=0.002)


def textbook_sgd(activation, derivative, lr, epochs):
    """Per-sample SGD on (p - y)^2 in the truth table's order, written out by hand."""
    x = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=np.float64)
    y = np.array([0, 0, 0, 1], dtype=np.float64)
    w, b = np.array([0.806, 0.830]), 0.281
    table = [activation(x @ w + b)]
    for _ in range(epochs):
        for xi, yi in zip(x, y):
            z = xi @ w + b
            grad = 2 * (activation(z) - yi) * derivative(z)
            w, b = w - lr * grad * xi, b - lr * grad
        table.append(activation(x @ w + b))
    return np.array(table)


def test_and_sigmoid_is_plain_per_sample_sgd():
    sig = lambda z: 1 / (1 + np.exp(-z))
    table = train_and("and-sigmoid")
    assert table.shape == (11, 4)
    # At learning rate 20 the run swings hard and float32 rounding grows
    # visibly after epoch 4, so the hand-written reference is compared up to there.
    reference = textbook_sgd(sig, lambda z: sig(z) * (1 - sig(z)), 20.0, 4)
    np.testing.assert_allclose(table[:5], reference, atol=1e-3)
    assert table[-1, 3] > 0.9 and table[-1, :3].max() < 0.1  # AND is learned


def test_path_data_is_nine_well_conditioned_samples():
    data = path_data()
    assert data.x_train.shape == (9, 2) and data.y_train.shape == (9,)
    eig = np.linalg.eigvalsh(PATH_X.T.astype(float) @ PATH_X / 9)
    assert 1.5 < eig[1] / eig[0] < 4  # elongated contours, yet no ravine


@pytest.mark.parametrize("activation", ["linear", "sigmoid"])
def test_loss_surface_equals_the_models_loss(activation):
    e = preset("paths")
    e = e.replace(layers=(LayerSpec(1, activation, use_bias=False),))
    w1, w2 = np.linspace(-3, 3, 7), np.linspace(-2, 4, 5)
    z = loss_surface(e, w1, w2)
    assert z.shape == (7, 5)
    session = Session(e).build()
    for i, j in [(0, 0), (3, 2), (6, 4), (2, 3)]:
        session.model.set_weights([np.array([[w1[i]], [w2[j]]], dtype=np.float32)])
        p = session.current_predictions()
        assert z[i, j] == pytest.approx(np.mean((p - PATH_Y) ** 2), rel=1e-5)


def test_paths_have_one_three_and_nine_updates_per_epoch():
    heard = {}
    state = RunState(on_batch=lambda p: heard.setdefault(p[0], []).append(p[1].copy()))
    runs = run_paths(preset("paths"), start=(-2.0, 3.0), epochs=3, learning_rate=0.05,
                     state=state)
    assert sorted(runs) == [1, 3, 9]
    for bs, updates in ((9, 1), (3, 3), (1, 9)):
        run = runs[bs]
        assert run.points.shape == (1 + 3 * updates, 2)
        np.testing.assert_allclose(run.points[0], [-2.0, 3.0])
        np.testing.assert_allclose(np.array(heard[bs]), run.points)
    # The same start, different paths.
    assert np.abs(runs[9].points[-1] - runs[1].points[-1]).max() > 0.1


def test_full_batch_loss_never_rises_at_a_small_learning_rate():
    e = preset("paths")
    runs = run_paths(e, start=(3.0, 3.0), batch_sizes=(9,), epochs=30, learning_rate=0.05)
    points = runs[9].points
    losses = np.array([loss_surface(e, [w[0]], [w[1]])[0, 0] for w in points])
    assert len(losses) == 31
    assert np.all(np.diff(losses) <= 1e-6)
    assert losses[-1] < 0.2 * losses[0]


def test_stop_ends_the_current_run_and_skips_the_rest():
    count = {"n": 0}

    def on_batch(payload):
        if payload[0] == 3:
            count["n"] += 1
            if count["n"] == 4:  # the start and three updates
                state.request_stop()

    state = RunState(on_batch=on_batch)
    runs = run_paths(preset("paths"), epochs=5, state=state)
    assert sorted(runs) == [3, 9]
    assert len(runs[9].points) == 6
    assert runs[3].stopped_by_user and len(runs[3].points) == 4
