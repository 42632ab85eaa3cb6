"""Inside the net: per-layer gradient norms and weight statistics, real Keras."""
import json

import numpy as np
import pytest

from training.engine import Session, make_loss
from training.experiment import preset
from training.runstate import RunState


def _tape_norms(session, x, y):
    import keras
    import tensorflow as tf
    dense = [l for l in session.model.layers if isinstance(l, keras.layers.Dense)]
    with tf.GradientTape() as tape:
        loss = make_loss(session.experiment.loss)(y, session.model(x, training=False))
    grads = tape.gradient(loss, [l.kernel for l in dense])
    return [float(np.linalg.norm(g.numpy())) for g in grads]


def test_recorded_gradient_norms_match_a_gradient_tape_on_the_same_batch():
    s = Session(preset("boston").replace(epochs=3)).build()
    seen = []
    s.train(state=RunState(on_inspect=lambda epoch, stats: seen.append((epoch, stats))))
    assert [e for e, _ in seen] == [1, 2, 3]
    stats = seen[-1][1]
    x = s.data.x_train[:len(stats["x"])]
    assert np.array_equal(stats["x"], x.astype(np.float32))
    want = _tape_norms(s, x, s.data.y_train[:len(x)].reshape(-1, 1))
    assert len(stats["grad_norms"]) == 3
    assert stats["grad_norms"] == pytest.approx(want, rel=1e-4)
    assert stats["grad_norms"] != seen[0][1]["grad_norms"]  # it follows the training
    kernels = [w for w in s.model.get_weights() if w.ndim == 2]
    assert stats["weight_mean"] == pytest.approx([k.mean() for k in kernels], rel=1e-4, abs=1e-7)
    assert stats["weight_std"] == pytest.approx([k.std() for k in kernels], rel=1e-4)
    assert [k.shape for k in stats["kernels"]] == [(13, 80), (80, 50), (50, 1)]
    assert stats["dead"] == [None, None, None]  # tanh and linear units are never dead


def test_dead_relu_units_are_those_never_active_on_the_rows():
    s = Session(preset("vanishing-relu")).build()
    stats = s.inspect()
    h = stats["x"]
    for k, (kernel, bias) in enumerate(zip(stats["kernels"], stats["biases"])):
        h = h @ kernel + bias
        if k < 6:
            h = np.maximum(h, 0)
            assert stats["dead"][k] == pytest.approx(np.mean(~(h > 0).any(axis=0)))
    assert stats["dead"][6] is None


def test_without_asking_no_inspection_is_made():
    s = Session(preset("boston").replace(epochs=1)).build()
    s.train()
    assert s._inspection is None


@pytest.mark.parametrize("name, low, high", [("vanishing-sigmoid", 1e-4, 1e-3),
                                             ("vanishing-relu", 0.2, 0.8)])
def test_first_hidden_layers_gradient_against_the_last(name, low, high):
    # The lecture's claim, with real Keras, at the start and after a few epochs.
    s = Session(preset(name).replace(epochs=3)).build()
    g = s.inspect()["grad_norms"]
    assert len(g) == 7 and low <= g[0] / g[5] <= high
    ratios = []
    s.train(state=RunState(on_inspect=lambda e, st: ratios.append(st["grad_norms"][0]
                                                                   / st["grad_norms"][5])))
    assert all(low / 3 <= r <= high * 3 for r in ratios)


def test_headless_report_has_gradient_norms(tmp_path, capsys):
    from app.cli import main
    report = tmp_path / "r.json"
    assert main(["--headless", "--preset", "vanishing-sigmoid", "--epochs", "2", "--no-runs",
                 "--report", str(report)]) == 0, capsys.readouterr().err
    r = json.loads(report.read_text())
    g = r["gradient_norms"]
    assert len(g) == 2 and all(len(epoch) == 7 for epoch in g)
    assert g[0][0] < g[0][5] / 1000  # input side first: the first layer's is the smallest
