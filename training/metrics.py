"""What the lecture judges a net by, in numpy alone (the window computes it too)."""
from __future__ import annotations

import numpy as np


def absolute_errors(predictions, truth) -> dict:
    """Mean, max and min absolute error: the lecture's line under the plots."""
    err = np.abs(np.asarray(predictions, dtype=np.float64) - np.asarray(truth, dtype=np.float64))
    return {"mean_abs": float(err.mean()), "max_abs": float(err.max()),
            "min_abs": float(err.min())}
