"""Inside the net (issue 15): the diagram, the neuron inspector, the layer
statistics and their dock, fed by real Keras training."""
import keras
import numpy as np
import pytest
from PySide6.QtCore import QPointF, Qt

from app import i18n
from training import activation_math
from training.engine import Session
from training.experiment import ACTIVATIONS, preset
from training.runstate import RunState
from widgets import numbers
from widgets.inside_view import MAX_EDGES, InsideView
from windows import SLOW_WORKER_MS


def trained_stats(name="boston", epochs=3, **kw):
    s = Session(preset(name).replace(epochs=epochs, **kw)).build()
    seen = []
    s.train(state=RunState(on_inspect=lambda epoch, stats: seen.append((epoch, stats))))
    return s, seen


@pytest.fixture(scope="module")
def lecture():
    return trained_stats("boston", epochs=4)


def test_numpy_activations_are_keras_own():
    z = np.linspace(-8, 8, 1601).astype(np.float32)
    for name, f in activation_math.FUNCTIONS.items():
        want = np.asarray(keras.activations.get(name)(z), dtype=np.float64)
        np.testing.assert_allclose(f(z.astype(np.float64)), want, rtol=2e-6, atol=2e-6, err_msg=name)
    assert set(activation_math.FUNCTIONS) <= set(ACTIVATIONS)
    assert activation_math.derivative("tanh", 0.3) == pytest.approx(1 - np.tanh(0.3) ** 2, rel=1e-6)
    assert activation_math.function("softmax") is None


def test_the_lecture_nets_diagram_builds_once_and_then_only_updates(qtbot, lecture):
    s, seen = lecture
    view = InsideView()
    qtbot.addWidget(view)
    view.resize(600, 700)
    view.show()
    counts = []
    for epoch, stats in seen:
        view.set_stats(epoch, stats)
        view.diagram.redraw()
        view.layer_stats.redraw()
        counts.append((len(view.diagram.plot.scene().items()), len(view.layer_stats.grad_plot.items)))
    assert view.diagram.builds == 1 and view.layer_stats.builds == 1
    assert len(set(counts)) == 1, counts  # no item made per epoch
    d = view.diagram
    assert d.shape == (13, 80, 50, 1)
    # An edge's start is its pair's left column.
    drawn = [sum(int((c.getData()[0][0::2] == i).sum()) for c in d.edges) for i in range(3)]
    assert drawn == [MAX_EDGES, MAX_EDGES, 50] and len(d.edges) == 6
    assert d.hidden_edges == [13 * 80 - MAX_EDGES, 80 * 50 - MAX_EDGES, 0]
    assert [m.textItem.toPlainText() for m in d.more] == [
        "+ 890 more", f"+ {numbers.whole(3850)} more", ""]
    # The strongest edges are the ones drawn: the widest class holds the largest |w|.
    kernel = seen[-1][1]["kernels"][0]
    widest = d.edges[2], d.edges[5]
    assert sum(int((c.getData()[0][0::2] == 0).sum()) for c in widest) > 0
    assert view.layer_stats.epochs.view.tolist() == [1, 2, 3, 4]
    grads = view.layer_stats.series[0][0].view
    np.testing.assert_allclose(grads, [st["grad_norms"][0] for _, st in seen])
    assert np.abs(kernel).max() > 0


def test_the_edges_are_opaque_and_follow_a_dark_palette(qtbot, lecture, dark_palette):
    """Translucent lines paint many times slower: each edge class has one
    opaque colour, its colour at its strength over the background."""
    from widgets import style
    from widgets.inside_view import ALPHAS, NEGATIVE, POSITIVE
    _, seen = lecture
    view = InsideView()
    qtbot.addWidget(view)
    view.set_stats(*seen[-1])
    view.diagram.redraw()
    d = view.diagram

    def colours():
        return [c.opts["pen"].color() for c in d.edges]

    assert all(c.alpha() == 255 for c in colours())
    assert colours()[0] == style.over_background(POSITIVE, ALPHAS[0])
    assert colours()[0].name() != colours()[2].name()
    # The strongest above the weaker, whatever their sign.
    assert [c.zValue() for c in d.edges] == [0, 1, 2, 0, 1, 2]
    dark_palette()
    weakest = colours()[3]
    assert weakest.alpha() == 255 and weakest.lightness() < 80  # faint on black is dark
    assert weakest == style.over_background(NEGATIVE, ALPHAS[0])
    assert d.labels[0].color.name() == "#e0e0e0"


def test_a_new_architecture_rebuilds_and_a_new_run_starts_the_curves_anew(qtbot, lecture):
    _, seen = lecture
    view = InsideView()
    qtbot.addWidget(view)
    for epoch, stats in seen:
        view.set_stats(epoch, stats)
    view.diagram.redraw()
    _, other = trained_stats("vanishing-relu", epochs=1)
    view.set_stats(1, other[0][1])
    view.diagram.redraw()
    assert view.diagram.builds == 2 and view.diagram.shape == (13,) + (10,) * 6 + (1,)
    assert view.layer_stats.epochs.view.tolist() == [1] and len(view.layer_stats.series) == 7
    view.set_stats(1, seen[0][1])  # the lecture net again, from epoch 1
    assert view.layer_stats.epochs.view.tolist() == [1] and len(view.layer_stats.series) == 3
    builds = view.layer_stats.builds
    view.set_stats(2, seen[1][1])
    view.set_stats(1, seen[0][1])  # a new run on the same net: no curve is made
    assert view.layer_stats.builds == builds and view.layer_stats.epochs.view.tolist() == [1]
    assert list(view.looks) == [1]


def _layer_outputs(model, x):
    """Each Dense layer's z and a(z), as the model itself computes them."""
    out, h = [], keras.ops.convert_to_tensor(x)
    for layer in model.layers:
        z = keras.ops.matmul(h, layer.kernel) + layer.bias
        h = layer(h)
        out.append((keras.ops.convert_to_numpy(z), keras.ops.convert_to_numpy(h)))
    return out


@pytest.mark.parametrize("layer, unit, row", [(0, 7, 5), (1, 49, 0), (2, 0, 403)])
def test_the_inspectors_z_and_a_match_the_models_own_layer_output(qtbot, lecture, layer, unit, row):
    s, seen = lecture
    view = InsideView()
    qtbot.addWidget(view)
    view.set_stats(*seen[-1])
    view.diagram.redraw()
    view.diagram.neuronClicked.emit(layer, unit)
    view.inspector.sample.setValue(row + 1)
    v = view.inspector.values()
    z, a = _layer_outputs(s.model, s.data.x_train[row:row + 1])[layer]
    assert (v["layer"], v["unit"], v["row"]) == (layer, unit, row)
    assert v["z"] == pytest.approx(float(z[0, unit]), rel=1e-5, abs=1e-5)
    assert v["a"] == pytest.approx(float(a[0, unit]), rel=1e-5, abs=1e-5)
    np.testing.assert_array_equal(v["weights"], s.model.layers[layer].kernel.numpy()[:, unit])
    f = activation_math.function(v["activation"])
    assert v["slope"] == pytest.approx((f(v["z"] + 1e-3) - f(v["z"] - 1e-3)) / 2e-3, rel=1e-3, abs=1e-6)
    view.inspector.redraw()
    x, y = view.inspector.point.getData()
    assert (x[0], y[0]) == pytest.approx((v["z"], v["a"]))
    assert len(view.inspector.bars.opts["height"]) == s.model.layers[layer].kernel.shape[0]
    assert view.diagram.selected.getData()[0].tolist() == [layer + 1]


def test_the_and_neuron_shows_every_term_of_its_sum(qtbot):
    s, seen = trained_stats("and-sigmoid", epochs=2)
    view = InsideView()
    qtbot.addWidget(view)
    view.set_stats(*seen[-1])
    view.inspector.sample.setValue(4)
    view.inspector.redraw()
    v = view.inspector.values()
    w, b, x = v["weights"], v["bias"], v["inputs"]
    assert v["z"] == pytest.approx(float(x @ w + b))
    assert v["a"] == pytest.approx(float(s.model(s.data.x_train[3:4]).numpy()[0, 0]), rel=1e-5)
    text = view.inspector.numbers.text()
    assert text.count("·") == 1 + 2 and "sigmoid(" in text and "a'(z)" in text


def test_the_gradient_ratio_makes_the_vanishing_gradient_plain(qtbot):
    ratios = {}
    for name in ("vanishing-sigmoid", "vanishing-relu"):
        s = Session(preset(name)).build()
        view = InsideView()
        qtbot.addWidget(view)
        view.set_stats(1, s.inspect())
        view.layer_stats.redraw()
        ratios[name] = view.layer_stats.ratio()
        assert "<b>" in view.layer_stats.ratio_label.text()
    assert ratios["vanishing-sigmoid"] < 0.003 < 0.1 < ratios["vanishing-relu"]


def test_clicking_a_neuron_selects_it(qtbot, lecture):
    _, seen = lecture
    view = InsideView()
    qtbot.addWidget(view)
    view.resize(600, 700)
    view.show()
    qtbot.waitExposed(view)
    view.set_stats(*seen[-1])
    view.diagram.redraw()
    d = view.diagram
    target = QPointF(2.0, float(d.ys[2][10]))  # layer 2 (50 tanh), neuron 11
    pos = d.view.mapFromScene(d.plot.vb.mapViewToScene(target))
    with qtbot.waitSignal(d.neuronClicked, check_params_cb=lambda layer, unit: (layer, unit) == (1, 10)):
        qtbot.mouseClick(d.view.viewport(), Qt.LeftButton, pos=pos)
    assert (view.inspector.layer, view.inspector.unit) == (1, 10)


# ------------------------------------------------------------------ the window
@pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing)")
def test_the_dock_looks_inside_only_while_shown(make_window, qtbot, tmp_path):
    w = make_window()
    c = w.document
    action = w.findChild(type(w.actions.show_inside), "action_show_inside")
    assert action is w.actions.show_inside and w.inside_dock.objectName() == "inside_dock"
    assert not c.inspecting
    seen = []
    c.inspected.connect(lambda epoch, stats: seen.append(epoch))
    with qtbot.waitSignal(c.inspected, timeout=SLOW_WORKER_MS):
        action.trigger()  # shown: the idle model is looked at once
    assert c.inspecting and not w.inside_dock.isHidden() and seen == [0]
    assert i18n.settings().value("show_inside", type=bool)
    qtbot.waitUntil(lambda: not c.busy)
    w.training.panel.epochs.setValue(3)
    with qtbot.waitSignal(c.runFinished, timeout=SLOW_WORKER_MS):
        w.training.start_button.click()
    qtbot.waitUntil(lambda: not c.busy)
    # Paced to 25 looks a second, and the last epoch looked at after the run.
    assert seen[:2] == [0, 1] and seen[-1] == 3 and seen == sorted(set(seen))
    qtbot.waitUntil(lambda: w.inside_view.layer_stats.epochs.view.tolist() == seen)  # from epoch 0
    qtbot.waitUntil(lambda: w.inside_view.diagram.shape is not None)
    w.grab().save(str(tmp_path / "window.png"))

    # The replay slider takes the diagram and the inspector back with it.
    inside, slider = w.inside_view, w.training.replay_slider
    slider.setValue(1)  # epoch 1 (0 is the model before training)
    assert inside.replay_epoch == 1 and inside.shown_epoch() == 1
    assert inside.inspector.stats is inside.looks[1]
    assert inside.layer_stats.replay_lines[0].isVisible() and inside.layer_stats.replay_lines[0].value() == 1
    slider.setValue(slider.maximum())
    assert inside.replay_epoch is None and inside.inspector.stats is inside.looks[3]
    assert not inside.layer_stats.replay_lines[0].isVisible()

    looked = list(seen)
    action.trigger()  # hidden: training reports nothing more
    assert not c.inspecting and w.inside_dock.isHidden()
    assert not i18n.settings().value("show_inside", type=bool)
    w.training.resume_mode.setCurrentIndex(1)
    w.training.more_epochs.setValue(2)
    with qtbot.waitSignal(c.runFinished, timeout=SLOW_WORKER_MS):
        w.training.resume_button.click()
    qtbot.waitUntil(lambda: not c.busy)
    assert seen == looked and c.session.epochs_done == 5



def test_looks_inside_are_paced_in_the_window_and_not_headless(monkeypatch):
    clock = [0.0]
    monkeypatch.setattr("training.runstate.time.perf_counter", lambda: clock[0])
    state = RunState(on_inspect=lambda *a: None)
    assert [state.inspection_due() for _ in range(3)] == [True] * 3  # every epoch by default
    state.inspect_interval = 0.04
    due = []
    for t in (1.0, 1.01, 1.039, 1.04, 1.2):
        clock[0] = t
        due.append(state.inspection_due())
    assert due == [True, False, False, True, True]
    assert not RunState().inspection_due()  # nobody asked


def test_the_gradient_plot_says_why_it_has_no_curves_yet(qtbot):
    # Opened after a run, the dock has one look: a point, no curves, and it said nothing.
    from widgets.inside_view import LayerStats
    s = Session(preset("boston").replace(epochs=1)).build()
    view = LayerStats()
    qtbot.addWidget(view)
    view.add(0, s.inspect())
    view.redraw()
    assert "recorded while this view is open" in view.ratio_label.text()
    s.train()
    view.add(1, s.inspect())
    view.redraw()
    assert "first ÷ last" in view.ratio_label.text() and "recorded" not in view.ratio_label.text()
