"""What the lecture judges a net by, in numpy alone (the window computes it too)."""
from __future__ import annotations

import numpy as np


def absolute_errors(predictions, truth) -> dict:
    """Mean, max and min absolute error: the lecture's line under the plots."""
    err = np.abs(np.asarray(predictions, dtype=np.float64) - np.asarray(truth, dtype=np.float64))
    return {"mean_abs": float(err.mean()), "max_abs": float(err.max()),
            "min_abs": float(err.min())}


def regression_metrics(predictions, truth) -> dict:
    """R², RMSE and MAE on the test rows (issue 14's regression report)."""
    p, t = np.asarray(predictions, dtype=np.float64), np.asarray(truth, dtype=np.float64)
    residual = t - p
    total = float(((t - t.mean()) ** 2).sum())
    return {"r2": 1.0 - float((residual ** 2).sum()) / total if total > 0 else None,
            "rmse": float(np.sqrt((residual ** 2).mean())), "mae": float(np.abs(residual).mean())}


def predicted_classes(predictions, n_classes: int) -> np.ndarray:
    """The class of each prediction the views get: two classes come as the
    probability of class 1, more as the class itself."""
    p = np.asarray(predictions)
    return (p >= 0.5).astype(np.int64) if n_classes == 2 else p.astype(np.int64)


def confusion(predicted, truth, n_classes: int) -> np.ndarray:
    """counts[true class, predicted class]."""
    counts = np.zeros((n_classes, n_classes), dtype=np.int64)
    np.add.at(counts, (np.asarray(truth, dtype=np.int64), np.asarray(predicted, dtype=np.int64)), 1)
    return counts


def classification_metrics(predicted, truth, n_classes: int) -> dict:
    """Accuracy and the confusion matrix (rows: true class) of class predictions."""
    matrix = confusion(predicted, truth, n_classes)
    return {"accuracy": float(np.trace(matrix) / max(1, matrix.sum())),
            "confusion_matrix": matrix.tolist()}
