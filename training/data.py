"""The data sets the lecture trains on, all shipped with the app (never downloaded)."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np

from .resources import resource_path

BOSTON_CSV = resource_path("boston_housing.csv")
BOSTON_COLUMNS = ("CRIM", "ZN", "INDUS", "CHAS", "NOX", "RM", "AGE", "DIS", "RAD",
                  "TAX", "PTRATIO", "B", "LSTAT")
BOSTON_DESCRIPTION = (
    "Boston Housing (Harrison & Rubinfeld, 1978): 506 districts, 13 features, target MEDV, "
    "the median home value in $1000s. The feature B encodes the proportion of Black "
    "residents; it stays because the lecture uses it. Split as Keras splits it: 404 train, "
    "102 test. Features are standardised with the training rows' mean and deviation.")


@dataclass(frozen=True)
class Dataset:
    name: str
    x_train: np.ndarray
    y_train: np.ndarray
    x_val: np.ndarray | None
    y_val: np.ndarray | None
    x_test: np.ndarray | None
    y_test: np.ndarray | None

    @property
    def n_features(self) -> int:
        return self.x_train.shape[1]

    @property
    def x_eval(self) -> np.ndarray:
        """The rows whose predictions the views show: the test set, or for data
        sets without one (AND, the path data) the training rows themselves."""
        return self.x_test if self.x_test is not None else self.x_train

    @property
    def y_eval(self) -> np.ndarray:
        return self.y_test if self.y_test is not None else self.y_train


def boston_raw(path: Path = BOSTON_CSV, test_split: float = 0.2, seed: int = 113):
    """Rows split exactly as keras.datasets.boston_housing.load_data() splits them."""
    rows = np.loadtxt(path, delimiter=",", skiprows=1, dtype=np.float64)
    x, y = rows[:, :13], rows[:, 13]
    indices = np.arange(len(x))
    np.random.RandomState(seed).shuffle(indices)
    x, y = x[indices], y[indices]
    cut = int(len(x) * (1 - test_split))
    return (x[:cut], y[:cut]), (x[cut:], y[cut:])


def split_validation(x, y, share: float, seed: int):
    """Hold out a random `share` of the rows, drawn from `seed`."""
    n_val = int(round(len(x) * share))
    if n_val == 0:
        return (x, y), (None, None)
    order = np.random.default_rng(seed).permutation(len(x))
    val, train = np.sort(order[:n_val]), np.sort(order[n_val:])
    return (x[train], y[train]), (x[val], y[val])


def boston(validation_split: float = 0.0, seed: int = 1) -> Dataset:
    (x_train, y_train), (x_test, y_test) = boston_raw()
    mean, std = x_train.mean(axis=0), x_train.std(axis=0)
    x_train, x_test = (x_train - mean) / std, (x_test - mean) / std
    (x_tr, y_tr), (x_val, y_val) = split_validation(x_train, y_train, validation_split, seed)
    f32 = lambda a: None if a is None else np.ascontiguousarray(a, dtype=np.float32)
    return Dataset("boston", f32(x_tr), f32(y_tr), f32(x_val), f32(y_val),
                   f32(x_test), f32(y_test))


AND_X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=np.float32)
AND_Y = np.array([0, 0, 0, 1], dtype=np.float32)


def and_table() -> Dataset:
    return Dataset("and", AND_X, AND_Y, None, None, None, None)


def load(name: str, validation_split: float = 0.0, seed: int = 1) -> Dataset:
    if name == "boston":
        return boston(validation_split, seed)
    if name == "and":
        return and_table()
    from .paths import path_data  # the gradient-path view's 9 samples
    return path_data()
