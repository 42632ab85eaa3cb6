"""What an experiment is: the network, the training settings and the data set.

Plain data, no Keras import, so the window can show and edit experiments while
TensorFlow is still loading.
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field

from .data import CLASSIFICATION, DATASETS, N_CLASSES, N_FEATURES, TOY
from .errors import ExperimentError
from .texts import QT_TRANSLATE_NOOP

# Keras 3's built-in activations (keras.activations.ALL_OBJECTS_DICT), in the
# order the panel offers them; tests check the list against Keras itself.
ACTIVATIONS = (
    "linear", "sigmoid", "tanh", "relu",
    "elu", "selu", "gelu", "silu", "softplus", "softsign", "softmax",
    "exponential", "hard_sigmoid", "hard_silu", "leaky_relu", "relu6",
    "mish", "log_softmax", "celu", "glu", "hard_shrink", "hard_tanh",
    "log_sigmoid", "soft_shrink", "squareplus", "tanh_shrink", "sparse_plus",
    "sparsemax", "sparse_sigmoid", "threshold",
)
LOSSES = ("mse", "mae", "binary_crossentropy", "sparse_categorical_crossentropy")
REGRESSION_LOSSES = ("mse", "mae")
TASKS = ("regression", "classification")
OPTIMIZERS = ("adam", "sgd", "rmsprop")


@dataclass(frozen=True)
class Limit:
    low: float
    high: float

    def __contains__(self, value) -> bool:
        return self.low <= value <= self.high


# What the panel offers, what validate() accepts and what a loaded file may
# claim: one table, so the three never disagree.
LIMITS = {
    "units": Limit(1, 10_000),
    "layers": Limit(1, 100),
    "epochs": Limit(1, 1_000_000),
    "batch_size": Limit(1, 100_000),
    "learning_rate": Limit(0.00001, 100.0),
    "patience": Limit(0, 1_000_000),
    "validation_percent": Limit(0, 90),
    "seed": Limit(0, 2**31 - 1),
}


@dataclass(frozen=True)
class LayerSpec:
    units: int
    activation: str = "linear"
    use_bias: bool = True


@dataclass(frozen=True)
class Experiment:
    name: str
    layers: tuple[LayerSpec, ...]
    dataset: str = "boston"
    loss: str = "mse"
    optimizer: str = "adam"
    learning_rate: float = 0.001
    epochs: int = 1000
    batch_size: int = 32
    validation_split: float = 0.0
    seed: int = 1
    # Scale every feature to mean 0, deviation 1 on the training rows. The
    # lecture's slides train on the raw features.
    standardize: bool = True
    shuffle: bool = True
    early_stopping: bool = False
    patience: int = 150
    restore_best_weights: bool = True
    # Start weights as nested lists per layer ([kernel, bias] or [kernel]);
    # None draws them from the seed.
    initial_weights: tuple | None = None
    # Record the weights after every batch (the gradient-path view).
    record_batches: bool = False
    # The 2-D problems (data.TOY): their jitter and the seed of their points.
    noise: float = 0.1
    data_seed: int = 0
    # The share of rows held out as the test set (2-D problems, Iris, CSV files).
    test_share: float = 0.2
    # dataset "csv": the file, its target column, the feature columns (empty:
    # every other numeric one) and the task.
    data_path: str = ""
    target: str = ""
    features: tuple[str, ...] = ()
    task: str = ""  # "" = the data set's own: classification for TOY and Iris
    title: str = ""
    description: str = field(default="", compare=False)

    def replace(self, **changes) -> "Experiment":
        return dataclasses.replace(self, **changes)

    def validate(self) -> "Experiment":
        units = LIMITS["units"]
        if not self.layers:
            raise ExperimentError(QT_TRANSLATE_NOOP("Messages", "The network needs at least one layer."))
        if len(self.layers) not in LIMITS["layers"]:
            raise ExperimentError(QT_TRANSLATE_NOOP(
                "Messages", "The network may have at most {high} layers."), high=LIMITS["layers"].high)
        for i, layer in enumerate(self.layers, 1):
            if layer.units not in units:
                raise ExperimentError(QT_TRANSLATE_NOOP(
                    "Messages", "Layer {number}: units must be between {low} and {high}."),
                    number=i, low=units.low, high=units.high)
            if layer.activation not in ACTIVATIONS:
                raise ExperimentError(QT_TRANSLATE_NOOP(
                    "Messages", "Layer {number}: unknown activation {activation}."),
                    number=i, activation=repr(layer.activation))
        if self.dataset not in DATASETS:
            raise ExperimentError(QT_TRANSLATE_NOOP("Messages", "Unknown data set {name}."),
                                  name=repr(self.dataset))
        if self.task not in ("", *TASKS):
            raise ExperimentError(QT_TRANSLATE_NOOP("Messages", "Unknown task {name}."),
                                  name=repr(self.task))
        if self.dataset == "csv" and not (self.data_path and self.target):
            raise ExperimentError(QT_TRANSLATE_NOOP(
                "Messages", "A CSV data set needs its file and its target column."))
        if self.loss not in LOSSES:
            raise ExperimentError(QT_TRANSLATE_NOOP("Messages", "Unknown loss {name}."),
                                  name=repr(self.loss))
        if not 0 <= self.noise <= 1:
            raise ExperimentError(QT_TRANSLATE_NOOP("Messages", "The noise must be between 0 and 1."))
        if not 0 < self.test_share < 1:
            raise ExperimentError(QT_TRANSLATE_NOOP(
                "Messages", "The test share must be between 0 % and 100 %."))
        check_output(self, N_CLASSES.get(self.dataset))
        if self.optimizer not in OPTIMIZERS:
            raise ExperimentError(QT_TRANSLATE_NOOP("Messages", "Unknown optimizer {name}."),
                                  name=repr(self.optimizer))
        lr = LIMITS["learning_rate"]
        if self.learning_rate not in lr:
            raise ExperimentError(QT_TRANSLATE_NOOP(
                "Messages", "The learning rate must be between {low} and {high}."),
                low=lr.low, high=lr.high)
        if self.epochs not in LIMITS["epochs"]:
            raise ExperimentError(QT_TRANSLATE_NOOP("Messages", "Epochs must be between 1 and {high}."),
                                  high=LIMITS["epochs"].high)
        if self.batch_size not in LIMITS["batch_size"]:
            raise ExperimentError(QT_TRANSLATE_NOOP(
                "Messages", "The batch size must be between 1 and {high}."),
                high=LIMITS["batch_size"].high)
        if self.validation_split * 100 not in LIMITS["validation_percent"]:
            raise ExperimentError(QT_TRANSLATE_NOOP(
                "Messages", "The validation share must be between 0 % and {high} %."),
                high=LIMITS["validation_percent"].high)
        if self.early_stopping and self.validation_split == 0:
            raise ExperimentError(QT_TRANSLATE_NOOP(
                "Messages", "Early stopping watches val_loss: set a validation share above 0 %."))
        if self.patience not in LIMITS["patience"]:
            raise ExperimentError(QT_TRANSLATE_NOOP("Messages", "Patience must be 0 or more."))
        return self

    @property
    def n_features(self) -> int | None:
        """Inputs per sample; None for a CSV file whose columns are not chosen."""
        if self.dataset == "csv":
            return len(self.features) or None
        return N_FEATURES[self.dataset]

    @property
    def classifies(self) -> bool:
        return (self.task or ("classification" if self.dataset in CLASSIFICATION
                              else "regression")) == "classification"


def output_for(n_classes: int | None) -> tuple[LayerSpec, str]:
    """The output layer and loss a task needs: numbers (None), 2 classes or more."""
    if n_classes is None:
        return LayerSpec(1, "linear"), "mse"
    if n_classes == 2:
        return LayerSpec(1, "sigmoid"), "binary_crossentropy"
    return LayerSpec(n_classes, "softmax"), "sparse_categorical_crossentropy"


def check_output(e: Experiment, n_classes: int | None) -> None:
    """The output layer and loss fit the task; a mismatch is explained, never
    fixed silently. `n_classes`: None where the data are not read yet."""
    last = e.layers[-1]
    if not e.classifies:
        if e.loss not in REGRESSION_LOSSES:
            raise ExperimentError(QT_TRANSLATE_NOOP(
                "Messages", "{loss} is a loss for classes, but this data set asks for numbers "
                            "(regression): use mse or mae."), loss=e.loss)
        if last.units != 1:
            raise ExperimentError(QT_TRANSLATE_NOOP(
                "Messages", "The last layer must have 1 unit: it predicts one number."))
        return
    if e.loss in REGRESSION_LOSSES:
        raise ExperimentError(QT_TRANSLATE_NOOP(
            "Messages", "This data set asks for classes: use binary_crossentropy (2 classes) or "
                        "sparse_categorical_crossentropy (more), not {loss}."), loss=e.loss)
    if n_classes is None:
        return
    if n_classes == 2 and e.loss == "binary_crossentropy":
        if last.units != 1 or last.activation != "sigmoid":
            raise ExperimentError(QT_TRANSLATE_NOOP(
                "Messages", "Two classes with binary cross-entropy: the last layer must be 1 "
                            "sigmoid unit, the probability of class 1 (it is {units} {activation})."),
                units=last.units, activation=last.activation)
        return
    if e.loss == "binary_crossentropy":
        raise ExperimentError(QT_TRANSLATE_NOOP(
            "Messages", "Binary cross-entropy is for 2 classes; this data set has {n}: use "
                        "sparse_categorical_crossentropy with {n} softmax units."), n=n_classes)
    if last.units != n_classes or last.activation != "softmax":
        raise ExperimentError(QT_TRANSLATE_NOOP(
            "Messages", "{n} classes with sparse categorical cross-entropy: the last layer must "
                        "be {n} softmax units, one probability per class (it is {units} "
                        "{activation})."), n=n_classes, units=last.units, activation=last.activation)


def _boston(name, title, units_acts, **kw) -> Experiment:
    return Experiment(
        name=name, title=title, standardize=False,  # as on the slides
        layers=tuple(LayerSpec(u, a) for u, a in units_acts), **kw)


PRESETS: dict[str, Experiment] = {
    e.name: e for e in (
        _boston(
            "boston", QT_TRANSLATE_NOOP("Presets", "Boston"),
            [(80, "tanh"), (50, "tanh"), (1, "linear")],
            epochs=1000, batch_size=32,
            description=QT_TRANSLATE_NOOP(
                "Presets", "The lecture's net on Boston Housing: 80 tanh, 50 tanh, 1 linear; "
                           "MSE; adam; 1000 epochs; the raw features, as on the slides.")),
        _boston(
            "boston-early-stopping", QT_TRANSLATE_NOOP("Presets", "Boston with early stopping"),
            [(10, "relu"), (10, "relu"), (1, "linear")],
            epochs=1000, batch_size=32, validation_split=0.2,
            early_stopping=True, patience=150, restore_best_weights=True,
            description=QT_TRANSLATE_NOOP(
                "Presets", "20 % of the training rows held out; training stops when val_loss "
                           "has not improved for 150 epochs, and the best weights come back.")),
    )
}

# The lecture's AND slides: one neuron, start weights w1 = 0.806, w2 = 0.830,
# b = 0.281, samples in the truth table's order, an update after every sample.
AND_START = ((((0.806,), (0.830,)), (0.281,)),)


def _and(activation: str, learning_rate: float, epochs: int, title: str,
         description: str) -> Experiment:
    return Experiment(
        name=f"and-{activation}", title=title,
        layers=(LayerSpec(1, activation),), dataset="and", loss="mse", optimizer="sgd",
        learning_rate=learning_rate, epochs=epochs, batch_size=1, shuffle=False,
        initial_weights=AND_START, record_batches=True,  # the AND view shows the weights
        description=description)


PRESETS.update({e.name: e for e in (
    _and("relu", 0.32, 6, QT_TRANSLATE_NOOP("Presets", "AND with one ReLU neuron"),
         QT_TRANSLATE_NOOP("Presets", "The truth table of AND learned by one ReLU neuron with "
                                      "SGD, one update per sample, as on the slides.")),
    _and("sigmoid", 20.0, 10, QT_TRANSLATE_NOOP("Presets", "AND with one sigmoid neuron"),
         QT_TRANSLATE_NOOP("Presets", "The truth table of AND learned by one sigmoid neuron "
                                      "with SGD, one update per sample, as on the slides.")),
    Experiment(
        name="paths", title=QT_TRANSLATE_NOOP("Presets", "Gradient paths: 1, 3 and 9 updates per epoch"),
        layers=(LayerSpec(1, "linear", use_bias=False),), dataset="paths", loss="mse",
        optimizer="sgd", learning_rate=0.1, epochs=10, batch_size=9,
        initial_weights=((((-2.0,), (3.0,)),),), record_batches=True,
        description=QT_TRANSLATE_NOOP(
            "Presets", "A neuron with two weights and no bias on 9 samples, trained from one "
                       "start point with batch sizes 9, 3 and 1; every update is drawn on the "
                       "loss surface.")),
)})


def _vanishing(activation: str, title: str, description: str) -> Experiment:
    return Experiment(
        name=f"vanishing-{activation}", title=title, standardize=True,
        layers=tuple([LayerSpec(10, activation)] * 6 + [LayerSpec(1, "linear")]),
        epochs=200, batch_size=32, seed=1, description=description)


# Vanishing gradients: the same deep, narrow net on Boston with sigmoid or ReLU.
PRESETS.update({e.name: e for e in (
    _vanishing("sigmoid", QT_TRANSLATE_NOOP("Presets", "Vanishing gradients: 6 sigmoid layers"),
               QT_TRANSLATE_NOOP("Presets", "Boston, standardised; 6 hidden layers of 10 sigmoid "
                                            "units, 1 linear. The gradient reaching the first "
                                            "layer is thousands of times smaller than at the "
                                            "last (the headless report's gradient_norms).")),
    _vanishing("relu", QT_TRANSLATE_NOOP("Presets", "Vanishing gradients: 6 ReLU layers"),
               QT_TRANSLATE_NOOP("Presets", "The same net and seed with ReLU: at the first "
                                            "layer the gradient is still about half as "
                                            "strong as at the last.")),
)})


def _classes(name: str, dataset: str, title: str, layers, description: str, **kw) -> Experiment:
    out, loss = output_for(N_CLASSES[dataset])
    return Experiment(
        name=name, title=title, dataset=dataset,
        layers=tuple(LayerSpec(u, a) for u, a in layers) + (out,), loss=loss,
        optimizer="adam", learning_rate=kw.pop("learning_rate", 0.03), epochs=kw.pop("epochs", 300),
        batch_size=32, seed=kw.pop("seed", 1), description=description, **kw)


# Classes: XOR (one neuron cannot, a hidden layer can), the 2-D problems, Iris.
PRESETS.update({e.name: e for e in (
    _classes("xor-neuron", "xor", QT_TRANSLATE_NOOP("Presets", "XOR with one neuron"), [],
             QT_TRANSLATE_NOOP("Presets", "One sigmoid neuron, as in the AND lecture, on XOR: "
                                          "a straight line cannot part the classes, and it "
                                          "stays near 50 % accuracy."), noise=0.0),
    _classes("xor-hidden", "xor", QT_TRANSLATE_NOOP("Presets", "XOR with a hidden layer"),
             [(4, "tanh")],
             QT_TRANSLATE_NOOP("Presets", "4 tanh hidden units and one sigmoid output: the "
                                          "hidden layer bends the boundary, and XOR is "
                                          "learned to 100 %."), noise=0.0, learning_rate=0.05,
             seed=2),
    *(_classes(name, name, title, [(8, "tanh"), (8, "tanh")], description)
      for name, title, description in (
          ("circles", QT_TRANSLATE_NOOP("Presets", "Circles"),
           QT_TRANSLATE_NOOP("Presets", "A disc inside a ring: two classes no straight line parts.")),
          ("moons", QT_TRANSLATE_NOOP("Presets", "Two moons"),
           QT_TRANSLATE_NOOP("Presets", "Two interleaving half circles.")),
          ("blobs", QT_TRANSLATE_NOOP("Presets", "Gaussian blobs"),
           QT_TRANSLATE_NOOP("Presets", "Two Gaussian clusters: a straight line would do.")))),
    _classes("spirals", "spirals", QT_TRANSLATE_NOOP("Presets", "Two spirals"),
             [(16, "tanh"), (16, "tanh"), (16, "tanh")],
             QT_TRANSLATE_NOOP("Presets", "Two interleaved spiral arms: the hardest of the 2-D "
                                          "problems; it needs depth and epochs."),
             epochs=1000, learning_rate=0.01),
    _classes("iris", "iris", QT_TRANSLATE_NOOP("Presets", "Iris: three species"), [(10, "relu")],
             QT_TRANSLATE_NOOP("Presets", "Fisher's Iris data (150 flowers, 4 measurements, "
                                          "standardised): 3 softmax units, sparse categorical "
                                          "cross-entropy."), learning_rate=0.01, epochs=200),
)})
DEFAULT_PRESET = "boston"


def preset(name: str) -> Experiment:
    try:
        return PRESETS[name]
    except KeyError:
        raise ExperimentError(QT_TRANSLATE_NOOP(
            "Messages", "Unknown preset {name}; choose one of: {names}."),
            name=repr(name), names=", ".join(PRESETS)) from None


# The settings a user edits, in the panel's order: what differences() compares.
SETTINGS = ("layers", "loss", "optimizer", "learning_rate", "epochs", "batch_size",
            "validation_split", "seed", "standardize", "shuffle", "early_stopping", "patience",
            "restore_best_weights", "initial_weights", "noise", "data_seed")


def differences(base: Experiment, other: Experiment) -> list[str]:
    """The settings (names from SETTINGS) in which `other` differs from `base`.
    Patience and best-weight restore count only where early stopping is on."""
    changed = []
    for name in SETTINGS:
        if name in ("patience", "restore_best_weights") and not other.early_stopping:
            continue
        if getattr(base, name) != getattr(other, name):
            changed.append(name)
    return changed


def experiment_for_inputs(n_inputs: int, layers: tuple[LayerSpec, ...],
                          current: Experiment, classes: bool | None = None) -> Experiment | None:
    """The experiment a loaded network of `layers` on `n_inputs` inputs trains
    in: the current one when its data set fits, else the preset whose data set
    and net it resembles most (same depth and biases first). `classes`: whether
    the net outputs classes (None: either). None when no data set fits."""
    def fits(e: Experiment) -> bool:
        return e.n_features == n_inputs and (classes is None or e.classifies == classes)
    if fits(current):
        return current
    fitting = [e for e in PRESETS.values() if fits(e)]
    if not fitting:
        return None

    def likeness(e: Experiment) -> int:
        return ((len(e.layers) == len(layers))
                + ([s.use_bias for s in e.layers] == [s.use_bias for s in layers]))
    return max(fitting, key=likeness)  # max keeps the first of equals: PRESETS order
