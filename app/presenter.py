"""What the window says about runs and models, as plain text from plain data."""
from __future__ import annotations


def duration(seconds: float) -> str:
    seconds = int(round(seconds))
    if seconds < 60:
        return f"{seconds} s"
    return f"{seconds // 60} min {seconds % 60:02d} s"


def time_left(elapsed: float, epochs_done: int, epochs_left: int) -> float:
    """Seconds left at the pace so far."""
    return elapsed / max(1, epochs_done) * epochs_left


def errors_line(errors: dict | None) -> str:
    if not errors:
        return ""
    return ("Absolute test error (k$): "
            f"<b>mean {errors['mean_abs']:.3f}</b> · max {errors['max_abs']:.3f} · "
            f"min {errors['min_abs']:.3f}")


def run_outcome(result, epochs_done: int) -> str:
    """How a training run ended, for the status bar."""
    if result.not_finite:
        why = (f"Stopped at epoch {epochs_done + 1}: the loss is no longer a finite number. "
               f"The last finite weights are kept.")
    elif result.stopped_by_user:
        why = f"Stopped after epoch {epochs_done}. Resume trains the same model further."
    elif result.stopped_early:
        why = f"Early stopping after epoch {epochs_done}: val_loss did not improve."
    else:
        why = f"Trained to epoch {epochs_done} in {result.seconds:.1f} s."
    if result.restored_best_epoch is not None:
        why += f" Best weights (epoch {result.restored_best_epoch}) restored."
    return why
