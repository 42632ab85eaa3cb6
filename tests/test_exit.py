"""Closing the window while it trains or saves: the process exits cleanly, promptly, with status 0."""
import subprocess
import sys
import time
from pathlib import Path

import h5py
import pytest

from training.run_store import RunStore

ROOT = Path(__file__).resolve().parent.parent
CHILD = r'''
import sys, time
from app.gui import run_gui
from training.experiment import preset

mode, path = sys.argv[1], sys.argv[2]

def setup(w):
    def on_epoch(run_id, epoch, logs, predictions):
        if epoch == 3:
            if mode == "save":
                w.document.save(path)
            print(f"closing {time.time()}", flush=True)
            w.close()
    w.dialogs.unsaved = lambda question: "discard"
    print(f"runs {w.document.store.root}", flush=True)
    w.document.epochEnded.connect(on_epoch)
    w.document.engineReady.connect(w.training.on_start)

run_gui(preset("boston").replace(epochs=100_000), setup)
'''


@pytest.mark.parametrize("mode", ["train", "save"])
def test_closing_exits_with_status_0_within_two_seconds(mode, tmp_path):
    path = tmp_path / "closing.h5"
    data = tmp_path / "data"  # the runs folder goes here (QStandardPaths, on Linux)
    child = subprocess.Popen([sys.executable, "-c", CHILD, mode, str(path)], cwd=ROOT,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                             env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen",
                                  "XDG_DATA_HOME": str(data)})
    out, err = child.communicate(timeout=240)
    exited = time.time()
    assert child.returncode == 0, err[-3000:]
    closing = [float(line.split()[1]) for line in out.splitlines() if line.startswith("closing ")]
    assert len(closing) == 1, out + err[-2000:]
    assert exited - closing[0] < 2.0, f"exit took {exited - closing[0]:.2f} s after close"
    assert "Destroyed while thread" not in err
    if mode == "save":
        assert h5py.is_hdf5(path)  # the save asked for before closing was completed
    # os._exit skips Python's teardown, not the run folder: the run, stopped, is on disk.
    root = next(line[5:] for line in out.splitlines() if line.startswith("runs "))
    runs = RunStore(root).list()
    assert [r.status for r in runs] == ["stopped"] and runs[0].epochs >= 3
    assert h5py.is_hdf5(runs[0].model_path())


def test_the_window_keeps_its_runs_where_the_command_line_says(tmp_path):
    # --runs-dir and --no-runs were read headless only; the window kept its
    # runs in the user's data folder whatever they said.
    data, runs, shot = tmp_path / "data", tmp_path / "runs", tmp_path / "w.png"
    env = {**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen",
           "XDG_DATA_HOME": str(data), "XDG_CONFIG_HOME": str(tmp_path / "config")}
    for flags in (["--runs-dir", str(runs)], ["--no-runs"]):
        done = subprocess.run([sys.executable, "main.py", "--screenshot", str(shot),
                               "--epochs", "2", *flags], cwd=ROOT, env=env, timeout=240,
                              capture_output=True, text=True)
        assert done.returncode == 0 and shot.exists(), done.stderr[-3000:]
    assert [r.epochs for r in RunStore(str(runs)).list()] == [2]
    assert not data.exists() or not any(data.rglob("run.json"))
