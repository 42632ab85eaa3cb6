"""The data sets the lecture trains on, all shipped with the app or made here
(never downloaded), and the user's own CSV files (training.tabular)."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np

from .resources import resource_path
from .texts import QT_TRANSLATE_NOOP

BOSTON_CSV = resource_path("boston_housing.csv")
BOSTON_COLUMNS = ("CRIM", "ZN", "INDUS", "CHAS", "NOX", "RM", "AGE", "DIS", "RAD",
                  "TAX", "PTRATIO", "B", "LSTAT")
BOSTON_DESCRIPTION = (
    "Boston Housing (Harrison & Rubinfeld, 1978): 506 districts, 13 features, target MEDV, "
    "the median home value in $1000s. The feature B encodes the proportion of Black "
    "residents; it stays because the lecture uses it. Split as Keras splits it: 404 train, "
    "102 test. The lecture trains on the raw features; standardised, each has mean 0 and "
    "deviation 1 on the training rows.")


@dataclass(frozen=True)
class Dataset:
    name: str
    x_train: np.ndarray
    y_train: np.ndarray
    x_val: np.ndarray | None
    y_val: np.ndarray | None
    x_test: np.ndarray | None
    y_test: np.ndarray | None
    # "regression", or "classification" with y the class codes 0..k-1 (float32).
    task: str = "regression"
    class_names: tuple[str, ...] | None = None
    feature_names: tuple[str, ...] = ()
    target_name: str = ""

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


def boston(validation_split: float = 0.0, seed: int = 1, standardize: bool = True) -> Dataset:
    """Keras's split; with `standardize`, every feature scaled to mean 0 and
    deviation 1 on the training rows (the lecture itself trains on the raw ones)."""
    (x_train, y_train), (x_test, y_test) = boston_raw()
    if standardize:
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


# 9 samples of y ~ 1.5 x1 - x2 + noise, with x1 and x2 correlated: the
# gradient-path view's data. Their Hessian's eigenvalues differ by a factor of
# 2: elongated contours, so the full-batch path curves, while the SGD path
# still converges at lr 0.1.
PATH_X = np.array([
    [-0.7, -0.1], [-0.2, 0.1], [1.7, 2.2],
    [0.7, 0.6], [-1.6, -0.4], [0.0, -1.3],
    [-0.6, 1.7], [0.1, -1.6], [-1.6, 0.2],
], dtype=np.float32)
PATH_Y = np.array([-1.0, -0.7, 0.2, 0.2, -1.9, 1.3, -2.2, 1.2, -2.6], dtype=np.float32)


def path_data() -> Dataset:
    return Dataset("paths", PATH_X, PATH_Y, None, None, None, None)


TOY = ("xor", "circles", "moons", "spirals", "blobs")
TOY_ROWS = 400  # 320 to train on, 80 to test: enough for a boundary, quick per epoch
IRIS_CSV = resource_path("iris.csv")


def _f32(a):
    return None if a is None else np.ascontiguousarray(a, dtype=np.float32)


def toy(name: str, validation_split: float = 0.0, seed: int = 1, noise: float = 0.1,
        data_seed: int = 0, test_share: float = 0.2) -> Dataset:
    """A 2-D problem of training.toy_data, split (stratified) into training and
    test rows; its points come from `data_seed`, the split from `seed`. Not
    standardised: the points lie within about [-1.5, 1.5]² already."""
    from . import tabular, toy_data
    x, y = toy_data.make(name, TOY_ROWS, noise, data_seed)
    train, test = tabular.stratified_split(y, 2, test_share, np.random.default_rng(seed))
    train, test = np.sort(train), np.sort(test)
    (x_tr, y_tr), (x_val, y_val) = split_validation(x[train], y[train], validation_split, seed)
    return Dataset(name, _f32(x_tr), _f32(y_tr), _f32(x_val), _f32(y_val), _f32(x[test]),
                   _f32(y[test]), "classification", ("0", "1"), ("x1", "x2"), "class")


def table(path: str, target: str, features: tuple[str, ...] = (), task: str = "regression",
          validation_split: float = 0.0, seed: int = 1, test_share: float = 0.2,
          name: str = "csv") -> Dataset:
    """A CSV file's rows, checked, split and standardised by training.tabular
    (every refusal a DataError naming the line or column)."""
    from . import tabular
    p = tabular.load(tabular.DataSpec(str(path), target, tuple(features), task, test_share, seed))
    (x_tr, y_tr), (x_val, y_val) = split_validation(p.x_train, p.y_train, validation_split, seed)
    return Dataset(name, _f32(x_tr), _f32(y_tr), _f32(x_val), _f32(y_val), _f32(p.x_test),
                   _f32(p.y_test), p.task,
                   tuple(p.class_names) if p.class_names is not None else None,
                   tuple(p.feature_names), p.target_name)


def iris(validation_split: float = 0.0, seed: int = 1, test_share: float = 0.2) -> Dataset:
    """Fisher's Iris (resources/iris.csv): 4 measurements, 3 species."""
    return table(str(IRIS_CSV), "species", (), "classification", validation_split, seed,
                 test_share, name="iris")


_LOADERS = {"boston": lambda kw: boston(kw["validation_split"], kw["seed"], kw["standardize"]),
            "and": lambda kw: and_table(),
            "paths": lambda kw: path_data(),
            **{name: (lambda kw, name=name: toy(name, kw["validation_split"], kw["seed"],
                                                  kw["noise"], kw["data_seed"], kw["test_share"]))
               for name in TOY},
            "iris": lambda kw: iris(kw["validation_split"], kw["seed"], kw["test_share"]),
            "csv": lambda kw: table(kw["path"], kw["target"], kw["features"], kw["task"] or "regression",
                                    kw["validation_split"], kw["seed"], kw["test_share"])}
@dataclass(frozen=True)
class Target:
    """What a data set predicts, for axis labels and the error line
    (labels marked for translation in the context "Data")."""
    true_label: str
    predicted_label: str
    unit: str = ""


TARGETS = {
    "boston": Target(QT_TRANSLATE_NOOP("Data", "true price"),
                     QT_TRANSLATE_NOOP("Data", "predicted price"), "k$"),
    "and": Target("y", "ŷ"),
    "paths": Target("y", "ŷ"),
    **{name: Target(QT_TRANSLATE_NOOP("Data", "class"), QT_TRANSLATE_NOOP("Data", "predicted class"))
       for name in (*TOY, "iris")},
    "csv": Target("y", "ŷ"),
}
# Inputs per sample of each data set, known without loading it (a CSV file's: not).
N_FEATURES = {"boston": len(BOSTON_COLUMNS), "and": AND_X.shape[1], "paths": PATH_X.shape[1],
              **{name: 2 for name in TOY}, "iris": 4}
# Classes of the classification data sets known without loading them.
N_CLASSES = {**{name: 2 for name in TOY}, "iris": 3}
CLASSIFICATION = (*TOY, "iris")
DATASETS = tuple(_LOADERS)


def load_for(e) -> Dataset:
    """The data set of experiment `e` (a training.experiment.Experiment)."""
    return load(e.dataset, e.validation_split, e.seed, e.standardize, noise=e.noise,
                data_seed=e.data_seed, test_share=e.test_share, path=e.data_path,
                target=e.target, features=e.features, task=e.task)


def load(name: str, validation_split: float = 0.0, seed: int = 1, standardize: bool = True,
         **kw) -> Dataset:
    """`kw`: noise, data_seed and test_share (the 2-D problems, Iris, CSV
    files), path, target, features and task (a CSV file)."""
    args = {"validation_split": validation_split, "seed": seed, "standardize": standardize,
            "noise": 0.1, "data_seed": 0, "test_share": 0.2, "path": "", "target": "",
            "features": (), "task": "", **kw}
    return _LOADERS[name](args)
