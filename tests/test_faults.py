"""Training faults (issue 5, part 5): a loss that stops being finite, and errors inside a run."""
from __future__ import annotations

import math

import numpy as np
import pytest

from training import tasks
from training.engine import Session
from training.runstate import RunState
from training.experiment import preset

# Plain SGD at this rate on the lecture's net diverges after a few epochs.
DIVERGING = dict(optimizer="sgd", learning_rate=0.05, epochs=40)


class Recorder:
    """The weights and predictions after every finite epoch."""

    def __init__(self, session: Session):
        self.session = session
        self.weights, self.predictions, self.epochs = [], [], []

    def on_epoch(self, epoch, logs, predictions):
        self.epochs.append(epoch)
        self.weights.append(self.session.model.get_weights())
        self.predictions.append(predictions.copy())


@pytest.mark.parametrize("early_stopping", [False, True])
def test_a_loss_that_stops_being_finite_ends_the_run_with_the_last_finite_weights(early_stopping):
    e = preset("boston").replace(**DIVERGING)
    if early_stopping:
        e = e.replace(validation_split=0.2, early_stopping=True, patience=100)
    s = Session(e).build()
    seen = Recorder(s)
    result = s.train(state=RunState(on_epoch=seen.on_epoch))
    assert result.not_finite
    last = seen.epochs[-1]
    assert 1 <= last < DIVERGING["epochs"] and result.epochs_run == last == s.epochs_done
    assert all(len(v) == last and all(map(math.isfinite, v)) for v in s.history.values())
    # The last finite epoch's weights, or with early stopping the best epoch's.
    kept = result.restored_best_epoch if early_stopping else last
    for a, b in zip(s.model.get_weights(), seen.weights[kept - 1]):
        np.testing.assert_array_equal(a, b)
    # (computed eagerly here, in a graph during the run: equal up to rounding)
    np.testing.assert_allclose(s.last_predictions, seen.predictions[kept - 1], rtol=1e-5)


def test_resume_after_a_loss_that_was_not_finite_still_works():
    s = Session(preset("boston").replace(**DIVERGING)).build()
    first = s.train()
    assert first.not_finite
    again = s.train(DIVERGING["epochs"])  # diverges again, from the same finite weights
    assert again.not_finite and again.epochs_run == 0
    assert all(np.all(np.isfinite(w)) for w in s.model.get_weights())


def test_an_error_inside_training_reaches_the_caller_and_the_session_goes_on():
    s = Session(preset("boston").replace(epochs=2)).build()

    def fail(epoch, logs, predictions):
        if epoch == 2:
            raise RuntimeError("listener broke")
    with pytest.raises(RuntimeError, match="listener broke"):
        s.train(4, RunState(on_epoch=fail))
    assert s.epochs_done == 2 and len(s.history["loss"]) == 2
    result = s.train(4)
    assert result.epochs_run == 2 and s.epochs_done == 4
    assert all(math.isfinite(v) for v in s.history["loss"])


def test_a_save_that_fails_during_training_is_reported_and_the_run_goes_on(tmp_path):
    s = Session(preset("boston").replace(epochs=3)).build()
    failed = []
    state = RunState(on_save_failed=lambda path, why: failed.append(why))
    state.request_save(str(tmp_path / "missing" / "m.h5"))
    result, _ = tasks.train(s, state)
    assert result.epochs_run == 3
    assert failed == [f"The folder {tmp_path / 'missing'} does not exist."]
