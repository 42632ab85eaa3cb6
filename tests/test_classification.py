"""Own data and classes (issue 14): the 2-D problems, Iris, CSV files, the
output layer and loss a task needs, and the headless --data path. Real Keras."""
import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from app import cli
from training.engine import Session
from training.errors import DataError, ExperimentError
from training.experiment import LayerSpec, preset
from training.metrics import classification_metrics, regression_metrics

ROOT = Path(__file__).resolve().parent.parent
IRIS = ROOT / "resources" / "iris.csv"


def trained(name, **kw):
    s = Session(preset(name).replace(**kw)).build()
    s.train()
    return s


def test_xor_needs_a_hidden_layer():
    hidden = trained("xor-hidden")
    assert hidden.history["accuracy"][-1] == 1.0 and hidden.test_metrics()["accuracy"] == 1.0
    neuron = trained("xor-neuron")
    assert neuron.history["accuracy"][-1] < 0.75 and neuron.test_metrics()["accuracy"] < 0.75


def test_iris_reaches_90_percent_with_three_softmax_units():
    s = trained("iris")
    m = s.test_metrics()
    assert m["accuracy"] >= 0.9
    matrix = np.array(m["confusion_matrix"])
    assert matrix.shape == (3, 3) and matrix.sum() == 30 and (matrix.sum(axis=1) == 10).all()
    assert s.data.class_names == ("setosa", "versicolor", "virginica")
    assert s.test_errors() is None  # absolute errors of classes would mean nothing
    # The predictions the views get: one class per test row.
    assert set(np.unique(s.last_predictions)) <= {0.0, 1.0, 2.0}
    assert classification_metrics(s.last_predictions, s.data.y_test, 3) == m


def test_val_accuracy_is_what_keras_counts(tmp_path):
    s = trained("circles", epochs=5, validation_split=0.2)
    assert len(s.history["val_accuracy"]) == 5
    p = s.model(s.data.x_val).numpy()[:, 0]
    assert s.history["val_accuracy"][-1] == pytest.approx(np.mean((p > 0.5) == s.data.y_val))


def _linear_csv(path: Path, n=200, sep=",", decimal="."):
    rng = np.random.default_rng(0)
    a, b = rng.uniform(-2, 2, n), rng.uniform(-1, 1, n)
    y = 3 * a - 2 * b + 1
    rows = [sep.join(f"{v:.6f}".replace(".", decimal) for v in row) for row in zip(a, b, y)]
    path.write_text(f"a{sep}b{sep}y\n" + "\n".join(rows) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("sep, decimal", [(",", "."), (";", ",")])
def test_a_csv_regression_learns_a_known_function(tmp_path, sep, decimal):
    path = _linear_csv(tmp_path / "linear.csv", sep=sep, decimal=decimal)
    e = preset("boston").replace(dataset="csv", data_path=str(path), target="y",
                                 layers=(LayerSpec(1, "linear"),), learning_rate=0.05, epochs=300,
                                 standardize=True)
    s = Session(e).build()
    s.train()
    m = s.test_metrics()
    assert m["r2"] > 0.999 and m["rmse"] < 0.1
    assert s.data.feature_names == ("a", "b") and s.data.target_name == "y"
    assert m == regression_metrics(s.last_predictions, s.data.y_test)
    assert s.test_errors()["mean_abs"] == pytest.approx(m["mae"])


@pytest.mark.parametrize("changes, message", [
    ({"loss": "mse"}, "This data set asks for classes: use binary_crossentropy"),
    ({"layers": (LayerSpec(4, "tanh"), LayerSpec(1, "linear"))},
     "the last layer must be 1 sigmoid unit, the probability of class 1 (it is 1 linear)"),
    ({"loss": "sparse_categorical_crossentropy"},
     "2 classes with sparse categorical cross-entropy: the last layer must be 2 softmax units"),
])
def test_an_output_that_does_not_fit_the_classes_is_explained(changes, message):
    with pytest.raises(ExperimentError) as info:
        preset("xor-hidden").replace(**changes).validate()
    assert message in str(info.value)


def test_iris_with_one_output_and_a_regression_loss_on_classes_are_explained():
    with pytest.raises(ExperimentError, match="3 classes with sparse categorical cross-entropy: "
                                              "the last layer must be 3 softmax units"):
        preset("iris").replace(layers=(LayerSpec(1, "softmax"),)).validate()
    with pytest.raises(ExperimentError, match="binary_crossentropy is a loss for classes"):
        preset("boston").replace(loss="binary_crossentropy").validate()


def test_a_csv_files_classes_are_checked_once_it_is_read(tmp_path):
    e = preset("xor-hidden").replace(dataset="csv", data_path=str(IRIS), target="species",
                                     task="classification")
    e.validate()  # its classes are not known before the file is read
    with pytest.raises(ExperimentError, match="Binary cross-entropy is for 2 classes; this data set has 3"):
        Session(e)


# ------------------------------------------------------------------ headless
def test_headless_trains_a_csv_file_and_reports_metrics(tmp_path, capsys):
    path = _linear_csv(tmp_path / "linear.csv")
    report = tmp_path / "r.json"
    code = cli.main(["--headless", "--no-runs", "--data", str(path), "--target", "y",
                     "--layers", "1:linear", "--learning-rate", "0.05", "--epochs", "200",
                     "--report", str(report)])
    out = capsys.readouterr().out
    assert code == 0 and ("test R² 0.9" in out or "test R² 1.0" in out)
    r = json.loads(report.read_text())
    assert set(r["metrics"]) == {"r2", "rmse", "mae"} and r["metrics"]["r2"] > 0.99
    assert r["experiment"]["data_path"] == str(path) and r["experiment"]["target"] == "y"


def test_headless_classifies_iris_with_a_confusion_matrix(tmp_path, capsys):
    report = tmp_path / "r.json"
    code = cli.main(["--headless", "--no-runs", "--preset", "iris", "--data", str(IRIS),
                     "--target", "species", "--task", "classification",
                     "--features", "petal_length,petal_width", "--epochs", "100",
                     "--report", str(report)])
    assert code == 0 and "test accuracy: " in capsys.readouterr().out
    m = json.loads(report.read_text())["metrics"]
    assert m["accuracy"] >= 0.9 and np.array(m["confusion_matrix"]).shape == (3, 3)


@pytest.mark.parametrize("args, message", [
    (["--target", "price"], "error: linear.csv has no column 'price'; its columns are 'a', 'b', 'y'."),
    (["--target", "y", "--task", "classification"], "error: This data set asks for classes"),
    ([], "error: --data needs --target COLUMN."),
])
def test_headless_refuses_bad_data_in_one_line(tmp_path, capsys, args, message):
    path = _linear_csv(tmp_path / "linear.csv")
    code = cli.main(["--headless", "--no-runs", "--data", str(path), "--epochs", "1", *args])
    out, err = capsys.readouterr()
    assert code == 1 and err.startswith(message) and err.count("\n") == 1, err
    assert "Traceback" not in out + err


def test_headless_subprocess_refuses_a_binary_file_without_traceback(tmp_path):
    path = tmp_path / "bild.csv"
    path.write_bytes(bytes(range(256)) * 10)
    result = subprocess.run([sys.executable, str(ROOT / "main.py"), "--headless", "--no-runs",
                             "--data", str(path), "--target", "y", "--epochs", "1"],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr.strip().splitlines()[-1].startswith("error: bild.csv")


@pytest.mark.parametrize("suffix", [".h5", ".keras"])
def test_a_saved_classifier_loads_as_one_and_trains_on(tmp_path, suffix):
    from training.persistence import load_session, save
    s = trained("iris", epochs=5)
    path = save(s, str(tmp_path / ("iris" + suffix)))
    loaded, notes = load_session(path, preset("boston"))  # from the Boston panel
    assert notes == [] and loaded.experiment.dataset == "iris" and loaded.experiment.classifies
    assert loaded.experiment.loss == "sparse_categorical_crossentropy"
    np.testing.assert_array_equal(loaded.last_predictions, s.last_predictions)
    assert loaded.train(7).epochs_run == 2 and "accuracy" in loaded.history
