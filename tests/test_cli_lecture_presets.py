"""The headless mode runs the lecture's small presets and reports their tables and paths."""
import json

import numpy as np

from app.cli import main

# The lecture's ReLU slides, epoch 0 (before training) to 6.
RELU_SLIDES = [[0.281, 1.111, 1.087, 1.917], [0, 0.632, 1.005, 1.785],
               [0, 0.453, 0.846, 1.729], [0, 0.238, 0.565, 1.518], [0, 0.072, 0.287, 1.29],
               [0, 0, 0.075, 1.102], [0, 0, 0, 0.994]]


def run(tmp_path, *args):
    report = tmp_path / "report.json"
    assert main(["--headless", *args, "--report", str(report)]) == 0
    return json.loads(report.read_text())


def test_and_relu_report_holds_the_slides_table(tmp_path):
    report = run(tmp_path, "--preset", "and-relu")
    assert report["preset"] == "and-relu" and report["epochs_run"] == 6
    np.testing.assert_allclose(report["predictions"], RELU_SLIDES, atol=0.002)
    assert len(report["history"]["loss"]) == 6


def test_and_sigmoid_report_starts_before_training(tmp_path):
    report = run(tmp_path, "--preset", "and-sigmoid", "--epochs", "2")
    table = np.array(report["predictions"])
    assert table.shape == (3, 4)
    sig = lambda z: 1 / (1 + np.exp(-z))
    np.testing.assert_allclose(table[0], sig(np.array([0.281, 1.111, 1.087, 1.917])), atol=1e-5)


def test_paths_report_holds_three_paths_start_first(tmp_path):
    report = run(tmp_path, "--preset", "paths", "--epochs", "2")
    assert report["epochs_run"] == 2 and not report["stopped_early"]
    for bs, updates in (("9", 1), ("3", 3), ("1", 9)):
        path = np.array(report["paths"][bs])
        assert path.shape == (1 + 2 * updates, 2)
        np.testing.assert_allclose(path[0], [-2.0, 3.0])
        assert len(report["history"][bs]["loss"]) == 2
        assert np.array(report["predictions"][bs]).shape == (3, 9)


def test_paths_refuses_load_with_one_line(tmp_path, capsys):
    assert main(["--headless", "--preset", "paths", "--load", str(tmp_path / "x.h5")]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "--load" in err
