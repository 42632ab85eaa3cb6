"""Headless mode: the same engine without a window, for scripts and benchmarks."""
import json

import pytest

from app.cli import main


def test_headless_report_has_the_fields(tmp_path, capsys):
    report, model = tmp_path / "r.json", tmp_path / "m.h5"
    rc = main(["--headless", "--preset", "boston-early-stopping", "--epochs", "3", "--seed", "2",
               "--report", str(report), "--save", str(model)])
    assert rc == 0, capsys.readouterr().err
    r = json.loads(report.read_text())
    assert r["preset"] == "boston-early-stopping" and r["epochs_run"] == 3
    assert r["stopped_early"] is False and r["train_seconds"] > 0
    assert len(r["history"]["loss"]) == 3 and len(r["history"]["val_loss"]) == 3
    assert set(r["test_errors"]) == {"mean_abs", "max_abs", "min_abs"}
    assert "predictions" not in r  # 102 test rows: too many for per-epoch tables
    # Training a loaded model further carries on its history.
    rc = main(["--headless", "--preset", "boston-early-stopping", "--epochs", "2",
               "--load", str(model), "--report", str(report)])
    assert rc == 0
    assert len(json.loads(report.read_text())["history"]["loss"]) == 5


@pytest.mark.parametrize("args, says", [
    (["--headless", "--preset", "nope"], "Unknown preset"),
    (["--headless", "--load", "/nonexistent/m.h5"], "no such file"),
    (["--headless", "--epochs", "0"], "must be 1 or more"),
    (["--headless", "--report", "/nonexistent/dir/r.json"], "does not exist"),
])
def test_bad_arguments_give_one_line_and_non_zero_exit(args, says, capsys):
    try:
        rc = main(args)
    except SystemExit as exit_:  # argparse's own errors
        rc = exit_.code
    err = capsys.readouterr().err
    assert rc != 0 and says in err
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err


def test_not_an_h5_file_is_refused(tmp_path, capsys):
    bad = tmp_path / "notes.h5"
    bad.write_text("not a model")
    assert main(["--headless", "--load", str(bad)]) == 1
    assert "not an HDF5" in capsys.readouterr().err


def test_a_bad_file_in_a_fresh_process_gives_exactly_one_line(tmp_path):
    # A fresh process also loads TensorFlow, whose C++ start-up logging must not
    # bury the message.
    import subprocess
    import sys
    from pathlib import Path
    bad = tmp_path / "notes.h5"
    bad.write_text("not a model")
    out = subprocess.run([sys.executable, "main.py", "--headless", "--load", str(bad)],
                         cwd=Path(__file__).resolve().parent.parent, capture_output=True,
                         text=True, timeout=300)
    assert out.returncode == 1
    assert out.stderr.strip().splitlines() == ["error: notes.h5 is not an HDF5 (.h5) file."]
