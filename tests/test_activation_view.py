"""The activation view: the lecture's formulas, and curves that follow the sliders."""
import numpy as np
import pytest

from widgets.activation_view import FUNCTIONS, X, ActivationView, parallel, relu, series


def test_derivatives_match_finite_differences():
    x = np.linspace(-4, 4, 81) + 0.013  # off the ReLU's kink
    h = 1e-5
    for name, (f, df, _) in FUNCTIONS.items():
        numeric = (f(x + h) - f(x - h)) / (2 * h)
        np.testing.assert_allclose(df(x), numeric, atol=1e-6, err_msg=name)


def test_two_relus_side_by_side_make_a_step():
    x = np.array([-2, 0, 0.25, 0.5, 1, 3])
    np.testing.assert_allclose(parallel(x, 1, 0, 1, 1, -1, -1), [0, 0, 0.25, 0.5, 1, 1])
    # One after the other, ReLU stays a ramp: relu(2 relu(x) - 1).
    np.testing.assert_allclose(series(x, 1, 0, 2, -1), [0, 0, 0, 0, 1, 5])


@pytest.fixture
def view(qtbot):
    v = ActivationView()
    qtbot.addWidget(v)
    v.resize(800, 800)
    v.show()  # the frame clock draws visible views only
    qtbot.waitExposed(v)
    return v


def test_starts_with_the_lectures_step_and_follows_the_sliders(view, qtbot):
    _, y = view.combined.getData()
    np.testing.assert_allclose(y, relu(X) - relu(X - 1))
    with qtbot.waitSignal(view.redrawn, timeout=1000):
        view.set_parameter("v2", 0.0)
    _, y = view.combined.getData()
    np.testing.assert_allclose(y, relu(X))
    assert view.values["v2"].text() == "+0.0"


def test_series_mode_disables_the_output_weights(view, qtbot):
    with qtbot.waitSignal(view.redrawn, timeout=1000):
        view.mode.setCurrentIndex(view.mode.findData("series"))
    assert not view.sliders["v1"].isEnabled()
    _, y = view.combined.getData()
    np.testing.assert_allclose(y, relu(relu(X) - 1))
    assert "relu(" in view.formula.text() and view.formula.text().count("relu") == 2


def test_many_slider_moves_redraw_once_a_frame(view, qtbot):
    count = []
    view.redrawn.connect(lambda: count.append(1))
    with qtbot.waitSignal(view.redrawn, timeout=1000):
        for v in range(-30, 31):
            view.sliders["w1"].setValue(v)
    assert len(count) == 1


def test_hiding_a_function_hides_its_derivative(view):
    view.shown["tanh"].setChecked(False)
    assert not any(c.isVisible() for c in view.curves["tanh"])
    assert all(c.isVisible() for c in view.curves["relu"])
    view.grab().save("/tmp/shots/activation.png")


def test_a_hidden_view_draws_what_it_missed_once_it_shows(view, qtbot):
    from widgets import frame_clock
    clock = frame_clock.shared()
    view.hide()
    view.set_parameter("v2", 0.0)
    assert clock._timer.isActive()
    # The clock ticks, finds nothing visible to draw and goes to sleep.
    qtbot.waitUntil(lambda: not clock._timer.isActive(), timeout=2000)
    _, y = view.combined.getData()
    np.testing.assert_allclose(y, relu(X) - relu(X - 1))
    with qtbot.waitSignal(view.redrawn, timeout=1000):
        view.show()
    _, y = view.combined.getData()
    np.testing.assert_allclose(y, relu(X))
