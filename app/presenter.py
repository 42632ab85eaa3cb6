"""What the window says about runs and models: translated text from plain data."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from widgets import numbers


translate = QCoreApplication.translate


def user_message(err) -> str:
    """An error, a training.errors.Message or plain text, as the user is shown
    it: our messages translated, the ones nested in them too, floats in the
    user's locale; any other text as it is."""
    template = getattr(err, "template", None)
    if template is None:
        return str(err)
    text = QCoreApplication.translate("Messages", template)
    if not err.values:
        return text
    try:
        return text.format(**{k: _shown(v) for k, v in err.values.items()})
    except (KeyError, IndexError, ValueError):  # a translation that lost a field
        return str(err)


def _shown(value) -> str:
    """A value in a message: a float in the user's locale, a Message translated."""
    return numbers.short(value, 6) if isinstance(value, float) else user_message(value)


def duration(seconds: float) -> str:
    seconds = int(round(seconds))
    if seconds < 60:
        return translate("Presenter", "{s} s").format(s=seconds)
    return translate("Presenter", "{m} min {s:02d} s").format(m=seconds // 60, s=seconds % 60)


def seconds(value: float) -> str:
    return translate("Presenter", "{s} s").format(s=numbers.fixed(value, 1))


def time_left(elapsed: float, epochs_done: int, epochs_left: int) -> float:
    """Seconds left at the pace of `epochs_done` epochs in `elapsed` seconds."""
    return elapsed / max(1, epochs_done) * epochs_left


def epoch_of(epoch: int, last: int | None = None, left: float | None = None) -> str:
    """The progress bar's text: "epoch 12 of 1000 · 9 s left"."""
    if last is None:
        return translate("Presenter", "epoch {epoch}").format(epoch=numbers.whole(epoch))
    text = translate("Presenter", "epoch {epoch} of {last}").format(epoch=numbers.whole(epoch),
                                                last=numbers.whole(last))
    if left is not None:
        text += " · " + translate("Presenter", "{time} left").format(time=duration(left))
    return text


def run_time(segments: list[float]) -> str:
    """A run's training time, one way everywhere: its total, and the parts
    when Resume added segments: "3.1 s in 2 segments (2.0 + 1.1 s)"."""
    total = seconds(sum(segments))
    if len(segments) <= 1:
        return total
    parts = " + ".join(numbers.fixed(s, 1) for s in segments)
    return translate("Presenter", "{total} in {n} segments ({parts} s)").format(total=total, n=len(segments),
                                                             parts=parts)


def errors_line(errors: dict | None, unit: str = "") -> str:
    if not errors:
        return ""
    head = translate("Presenter", "Absolute test error ({unit})").format(unit=unit) if unit else translate("Presenter", 
        "Absolute test error")
    return (f"{head}: <b>" + translate("Presenter", "mean {value}").format(value=numbers.fixed(errors["mean_abs"]))
            + "</b> · " + translate("Presenter", "max {value}").format(value=numbers.fixed(errors["max_abs"]))
            + " · " + translate("Presenter", "min {value}").format(value=numbers.fixed(errors["min_abs"]))
            + ("" if errors.get("r2") is None else " · R² " + numbers.fixed(errors["r2"], 4)
               + " · RMSE " + numbers.fixed(errors["rmse"])))


def accuracy_line(accuracy: float | None, rows: int) -> str:
    if accuracy is None:
        return ""
    return (translate("Presenter", "Test accuracy") + f": <b>{numbers.fixed(100 * accuracy, 1)} %</b> · "
            + translate("Presenter", "{n} test rows").format(n=numbers.whole(rows)))


def run_outcome(result, epochs_done: int, segments: list[float]) -> str:
    """How a training run ended, for the status bar."""
    if result.not_finite:
        why = translate("Presenter", "Stopped at epoch {epoch}: the loss is no longer a finite number. The last "
                 "finite weights are kept.").format(epoch=numbers.whole(epochs_done + 1))
    elif result.stopped_by_user:
        why = translate("Presenter", "Stopped after epoch {epoch}. Resume trains the same model further.").format(
            epoch=numbers.whole(epochs_done))
    elif result.stopped_early:
        why = translate("Presenter", "Early stopping after epoch {epoch}: val_loss did not improve.").format(
            epoch=numbers.whole(epochs_done))
    else:
        why = translate("Presenter", "Trained to epoch {epoch}.").format(epoch=numbers.whole(epochs_done))
    why += " " + translate("Presenter", "Run time {time}.").format(time=run_time(segments))
    if result.restored_best_epoch is not None:
        why += " " + translate("Presenter", "Best weights (epoch {epoch}) restored.").format(
            epoch=numbers.whole(result.restored_best_epoch))
    return why


def diverged_note(epoch: int, experiment) -> str:
    """Next to the loss curve: what happened and what to try."""
    lower = numbers.short(experiment.learning_rate / 10)
    return translate("Presenter", "<b>The loss became NaN or infinite at epoch {epoch}.</b> The steps were too "
              "large: the learning rate {rate} makes the weights overshoot and grow without "
              "bound. Lower the learning rate (try {lower}) and press Start. The model keeps "
              "the last finite weights.").format(
        epoch=numbers.whole(epoch), rate=numbers.short(experiment.learning_rate), lower=lower)
