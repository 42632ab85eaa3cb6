"""Speed benchmark: the lecture's plain script against the app's engine and the app's window.

    .venv/bin/python bench/bench.py              # 1000 epochs, every run once
    .venv/bin/python bench/bench.py --quick      # 200 epochs, for a first look
    .venv/bin/python bench/bench.py --repeat 3   # medians of 3 runs each

Every run happens in its own subprocess (a fresh TensorFlow runtime), on the
same data (Boston Housing, Keras's split, 20 % of the training rows held out for
validation, seed 1) and the same net (80 tanh, 50 tanh, 1 linear; adam; MSE;
batch 32):

  (a) plain    the lecture's script: model.fit on numpy arrays with
               validation_data, no callbacks
  (b) engine   training.engine.Session, headless, as `main.py --headless` runs it
  (c) gui      the app's window (offscreen) with every plot live, driven as a
               user drives it: click Start, wait for the end
  resume       the engine, stopped half way by its stop flag and resumed: must
               not rebuild the pipeline or retrace any function

ms/epoch is the wall time of the whole training call (first-epoch tracing
included) divided by the epochs run. Prints one JSON document on stdout;
progress goes to stderr.

`--before DIR` also runs (b) and resume against another checkout, interleaved
with the others, for a before/after comparison in one run, e.g.

    git worktree add --detach /tmp/old 86ece74   # the engine before the speed work
    .venv/bin/python bench/bench.py --before /tmp/old --repeat 3
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

import gui_bench  # noqa: E402  (bench/ is this script's folder; no Qt at import)
from gui_bench import ROOT, SEED, VALIDATION  # noqa: E402

PYTHON = sys.executable


def _quiet_tf():
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
    os.environ.setdefault("KERAS_BACKEND", "tensorflow")


# ----------------------------------------------------------------- the runs
# Each `run_*` executes inside its own subprocess and returns a dict.

def run_plain(epochs: int) -> dict:
    """(a) The lecture's script, on the app's data split."""
    _quiet_tf()
    sys.path.insert(0, str(ROOT))
    from training import data as datasets
    from training.lecture_script import lecture_net
    from training.experiment import preset
    # The features the preset trains on (raw, as the lecture's slides), so
    # (a), (b) and (c) see the same data.
    d = datasets.boston(VALIDATION, SEED, standardize=preset("boston").standardize)
    model = lecture_net(d.n_features, SEED)
    model.compile(optimizer="adam", loss="mse")
    start = time.perf_counter()
    history = model.fit(d.x_train, d.y_train, batch_size=32, epochs=epochs,
                        validation_data=(d.x_val, d.y_val), verbose=0)
    seconds = time.perf_counter() - start
    pred = model(d.x_test, training=False).numpy()[:, 0]
    return {"seconds": seconds, "epochs": epochs, "ms_per_epoch": 1000 * seconds / epochs,
            "test_mae": _mae(pred, d.y_test),
            "final_loss": history.history["loss"][-1],
            "final_val_loss": history.history["val_loss"][-1]}


def _engine_session(root: Path, epochs: int, name: str = "boston"):
    _quiet_tf()
    sys.path.insert(0, str(root))
    try:  # this checkout: a run reports through a RunState
        from training import runtime
        from training.runstate import RunState as Listener
        runtime.start()
    except ImportError:  # a checkout from before it (--before)
        from training.engine import Listener
    from training.engine import Session
    from training.experiment import preset
    experiment = preset(name).replace(validation_split=VALIDATION, seed=SEED, epochs=epochs)
    return Session(experiment).build(), Listener


def run_engine(epochs: int, root: str, name: str = "boston") -> dict:
    """(b) The engine as headless mode drives it: a listener that keeps each epoch."""
    session, Listener = _engine_session(Path(root), epochs, name)
    seen = []
    start = time.perf_counter()
    result = session.train(epochs, Listener(
        on_epoch=lambda e, logs, p: seen.append(time.perf_counter())))
    end = time.perf_counter()
    assert len(seen) == result.epochs_run == epochs, (len(seen), result)
    errors = session.test_errors()
    return {"seconds": result.seconds, "epochs": result.epochs_run,
            "ms_per_epoch": 1000 * result.seconds / result.epochs_run,
            "first_epoch_s": seen[0] - start, "last_epoch_s": seen[-1] - start,
            "end_s": end - start,
            "test_mae": errors["mean_abs"] if errors else None,
            "final_loss": session.history["loss"][-1],
            "final_val_loss": session.history["val_loss"][-1]}


def run_engine_circles(epochs: int, root: str) -> dict:
    """(b) for the 2-D problem "circles", beside the window's run with every view."""
    return run_engine(epochs, root, "circles")


def _trace_counts(session) -> dict:
    """How often each compiled function has been traced so far."""
    import inspect
    counts = {}
    fn = session.model.train_function
    for name, value in inspect.getclosurevars(fn).nonlocals.items():
        if hasattr(value, "experimental_get_tracing_count"):
            counts["train:" + name] = value.experimental_get_tracing_count()
    eval_fn = getattr(session, "_eval_fn", None)
    if hasattr(eval_fn, "experimental_get_tracing_count"):
        counts["eval"] = eval_fn.experimental_get_tracing_count()
    return counts


def run_resume(epochs: int, root: str) -> dict:
    """Stop half way (the stop flag, as the Stop button sets it), then resume to the end."""
    session, Listener = _engine_session(Path(root), epochs)
    half = epochs // 2

    def on_epoch(epoch, logs, predictions):
        if epoch == half:
            session.request_stop()

    first = session.train(epochs, Listener(on_epoch=on_epoch))
    train_fn, dataset = session.model.train_function, session._training_dataset()
    traces = _trace_counts(session)
    second = session.train(epochs, Listener())
    same = (session.model.train_function is train_fn and session._training_dataset() is dataset)
    traces_after = _trace_counts(session)
    return {"epochs": first.epochs_run + second.epochs_run,
            "first_call": {"epochs": first.epochs_run, "stopped_by_user": first.stopped_by_user,
                           "ms_per_epoch": 1000 * first.seconds / max(1, first.epochs_run)},
            "resumed_call": {"epochs": second.epochs_run,
                             "ms_per_epoch": 1000 * second.seconds / max(1, second.epochs_run)},
            "ms_per_epoch": 1000 * (first.seconds + second.seconds)
            / (first.epochs_run + second.epochs_run),
            "same_train_function_and_pipeline": same,
            "traces_before_resume": traces, "traces_after_resume": traces_after,
            "retraced": traces != traces_after or not same,
            "test_mae": session.test_errors()["mean_abs"]}


def _mae(pred, truth) -> float:
    import numpy as np
    return float(np.mean(np.abs(np.asarray(pred, dtype=np.float64) - truth)))


def run_engine_kept(epochs: int, root: str) -> dict:
    """(b) with the run kept on disk as the app keeps it: its folder brought up
    to date every 5 s and at the end (record, model, replay, TensorBoard)."""
    import tempfile
    session, Listener = _engine_session(Path(root), epochs)
    from training import tasks
    from training.run_recorder import RunRecorder
    from training.run_store import RunStore
    store = RunStore(tempfile.mkdtemp(prefix="bench-kept-"))
    recorder = RunRecorder(store, store.create(session.experiment))
    seen = []
    start = time.perf_counter()
    result, _ = tasks.train(session, Listener(
        on_epoch=lambda e, logs, p: seen.append(time.perf_counter())), epochs, recorder)
    folder = recorder.record.folder
    size = sum(os.path.getsize(os.path.join(folder, f)) for f in os.listdir(folder))
    return {"seconds": result.seconds, "epochs": result.epochs_run,
            "ms_per_epoch": 1000 * result.seconds / result.epochs_run,
            "first_epoch_s": seen[0] - start, "last_epoch_s": seen[-1] - start,
            "folder_bytes": size, "folder_files": sorted(os.listdir(folder)),
            "not_kept": recorder.failed or None}


def run_engine_inspect(epochs: int, root: str) -> dict:
    """(b) with the per-layer statistics of training/inspection.py asked for every
    epoch, as the headless report asks for its gradient_norms."""
    session, Listener = _engine_session(Path(root), epochs)
    seen = []
    result = session.train(epochs, Listener(on_epoch=lambda e, logs, p: None,
                                            on_inspect=lambda e, stats: seen.append(e)))
    assert len(seen) == result.epochs_run == epochs, (len(seen), result)
    return {"seconds": result.seconds, "epochs": result.epochs_run,
            "ms_per_epoch": 1000 * result.seconds / result.epochs_run,
            "test_mae": session.test_errors()["mean_abs"]}


def run_load_formats(epochs: int, root: str, loads: int = 10) -> dict:
    """The lecture net saved after `epochs` epochs as .h5 and as .keras, each
    loaded `loads` times, alternately: milliseconds per load, all checks
    included (the time-limited child reader is most of it)."""
    import tempfile

    import numpy as np
    session, Listener = _engine_session(Path(root), epochs)
    session.train(epochs, Listener())
    from training.persistence import load_session, save
    folder = tempfile.mkdtemp(prefix="bench-formats-")
    paths = {fmt: save(session, os.path.join(folder, "net." + fmt)) for fmt in ("h5", "keras")}
    times = {fmt: [] for fmt in paths}
    for _ in range(loads):
        for fmt, path in paths.items():
            t = time.perf_counter()
            loaded, _ = load_session(path, session.experiment)
            times[fmt].append(1000 * (time.perf_counter() - t))
            assert np.array_equal(loaded.last_predictions, session.current_predictions())
    return {"loads": loads, "bytes": {f: os.path.getsize(p) for f, p in paths.items()},
            "load_ms": {f: round(statistics.median(v), 1) for f, v in times.items()},
            "load_ms_all": {f: [round(x, 1) for x in v] for f, v in times.items()}}


RUNS = {"plain": run_plain, "engine": run_engine, "engine-circles": run_engine_circles,
        "resume": run_resume,
        "engine-kept": run_engine_kept, "engine-inspect": run_engine_inspect,
        "load-formats": run_load_formats}


# ----------------------------------------------------------------- the driver

def subprocess_run(kind: str, epochs: int, extra: list[str] | None = None,
                   timeout: float = 3600) -> dict:
    cmd = [PYTHON, str(Path(__file__).resolve()), "--child", kind, "--epochs", str(epochs)]
    cmd += extra or []
    env = dict(os.environ, TF_CPP_MIN_LOG_LEVEL="3", PYTHONUNBUFFERED="1")
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, env=env,
                          cwd=str(ROOT))
    lines = [line for line in proc.stdout.splitlines() if line.startswith("{")]
    if proc.returncode != 0 or not lines:
        tail = "\n".join(proc.stderr.strip().splitlines()[-15:])
        raise RuntimeError(f"{kind} run failed (exit {proc.returncode}):\n{tail}")
    return json.loads(lines[-1])


def _median(runs: list[dict], key: str):
    values = [r[key] for r in runs if r.get(key) is not None]
    return statistics.median(values) if values else None


def _ratio(x, y):
    return None if x is None or y is None else round(x / y, 4)


def _each_run(runs: dict, repeat: int) -> dict:
    """Issue 16's targets hold in every run, not only in the medians: the
    ratios of each repetition's runs (interleaved, so neighbours in time), the
    slowest run against the fastest, and each run's time from its last epoch
    to its end."""
    def ms(kind, i):
        r = runs.get(kind) or []
        return r[i]["ms_per_epoch"] if i < len(r) else None
    window = [k for k in ("gui-live", "gui-all", "gui-all-circles") if runs.get(k)]
    if not window:
        return {}
    pairs = {"gui-live": ("c/a", "plain", "c/b", "engine"),
             "gui-all": ("all/a", "plain", "all/b", "engine"),
             "gui-all-circles": (None, None, "all/b", "engine-circles")}
    per_run = []
    for i in range(repeat):
        row = {}
        for kind in window:
            name_a, a, name_b, b = pairs[kind]
            if name_a and ms(a, i):
                row[f"{kind} {name_a}"] = _ratio(ms(kind, i), ms(a, i))
            if ms(b, i):
                row[f"{kind} {name_b}"] = _ratio(ms(kind, i), ms(b, i))
        per_run.append(row)
    out = {"each_run": per_run, "slowest_over_fastest": {}, "after_last_epoch_s": {}}
    for kind in window + [k for k in ("engine", "engine-circles") if runs.get(k)]:
        times = [r["ms_per_epoch"] for r in runs[kind]]
        out["slowest_over_fastest"][kind] = round(max(times) / min(times), 3)
        out["after_last_epoch_s"][kind] = [
            round(r.get("click_to_end_seconds", r.get("end_s", 0)) - r["last_epoch_s"], 3)
            for r in runs[kind] if r.get("last_epoch_s") is not None]
    if runs.get("gui-all"):
        out["view_share"] = {k: [r.get("view_share") for r in runs[k]]
                             for k in ("gui-all", "gui-all-circles") if runs.get(k)}
    out["targets"] = {"c/a": 0.12, "c/b": 1.05, "all/b": 1.10, "slowest_over_fastest": 1.3}
    return out


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--epochs", type=int, default=None, help="epochs per run (default 1000)")
    p.add_argument("--quick", action="store_true", help="200 epochs; skip the slow extras")
    p.add_argument("--repeat", type=int, default=1, help="runs of each kind; medians reported")
    p.add_argument("--only", default="plain,engine,engine-kept,resume,gui",
                   help="comma-separated subset of plain,engine,engine-kept,engine-inspect,"
                        "resume,gui,load-formats,gui-inside-off,gui-inside,inside-redraw,"
                        "gui-map-off,gui-map,gui-live,gui-all,engine-circles,gui-all-circles; "
                        "gui-live is (c) alone, gui-all (c) with every live view on")
    p.add_argument("--engine-root", default=str(ROOT),
                   help="checkout whose training/ runs (b) and resume (default: this one)")
    p.add_argument("--before", metavar="DIR",
                   help="also run (b) and resume with the training/ of checkout DIR")
    p.add_argument("--child", help=argparse.SUPPRESS)
    args = p.parse_args(argv)
    epochs = args.epochs or (200 if args.quick else 1000)

    if args.child:
        if args.child in ("engine", "engine-circles", "resume", "engine-kept", "engine-inspect",
                          "load-formats"):
            out = RUNS[args.child](epochs, args.engine_root)
        elif args.child in RUNS:
            out = RUNS[args.child](epochs)
        else:  # Qt only in the GUI children
            out = gui_bench.run_child(args.child, epochs)
        print(json.dumps(out), flush=True)
        # Out as the app goes out: PySide's teardown of live plot items can
        # crash a finished child on its way out, after its figures are in.
        sys.stderr.flush()
        os._exit(0)

    kinds = [k.strip() for k in args.only.split(",") if k.strip()]
    if args.before:
        kinds += [k + "_before" for k in ("engine", "resume") if k in kinds]
    runs: dict[str, list[dict]] = {k: [] for k in kinds}
    for rep in range(args.repeat):
        # Interleaved, so a busy spell on a shared machine hits every kind alike.
        for kind in kinds:
            print(f"[{rep + 1}/{args.repeat}] {kind}: {epochs} epochs ...", file=sys.stderr,
                  flush=True)
            t = time.perf_counter()
            if kind == "gui":
                out = gui_bench.run_all(epochs, quick=args.quick, runner=subprocess_run)
            elif kind.endswith("_before"):
                out = subprocess_run(kind[:-len("_before")], epochs,
                                     ["--engine-root", args.before])
            else:
                out = subprocess_run(kind, epochs, ["--engine-root", args.engine_root])
            runs[kind].append(out)
            print(f"    {out.get('ms_per_epoch', 0):.2f} ms/epoch "
                  f"({time.perf_counter() - t:.0f} s with start-up)", file=sys.stderr, flush=True)

    ms = {k: _median(v, "ms_per_epoch") for k, v in runs.items()}
    a, b, c = ms.get("plain"), ms.get("engine"), ms.get("gui")
    report = {
        "epochs": epochs, "repeat": args.repeat, "validation_split": VALIDATION,
        "batch_size": 32, "seed": SEED, "cpus": os.cpu_count(),
        "engine_root": args.engine_root,
        "ms_per_epoch": {"a_plain": a, "b_engine": b, "c_gui": c,
                         "resume": ms.get("resume")},
        "ratios": {"b/a": _ratio(b, a), "c/a": _ratio(c, a), "c/b": _ratio(c, b)},
        "test_mae": {"a_plain": _median(runs.get("plain", []), "test_mae"),
                     "b_engine": _median(runs.get("engine", []), "test_mae"),
                     "c_gui": _median(runs.get("gui", []), "test_mae"),
                     "resume": _median(runs.get("resume", []), "test_mae")},
        "runs": runs,
    }
    if args.before:
        before = ms.get("engine_before")
        report["before"] = {
            "engine_root": args.before,
            "ms_per_epoch": {"b_engine": before, "resume": ms.get("resume_before")},
            "ratios": {"b/a": _ratio(before, a), "after/before": _ratio(b, before)},
            "test_mae": {"b_engine": _median(runs.get("engine_before", []), "test_mae")},
        }
    if runs.get("engine-kept"):
        kept = ms.get("engine-kept")
        report["runs_kept"] = {
            "engine_ms_per_epoch": {"kept": kept, "not_kept": b},
            "bookkeeping_share": None if b is None else round(kept / b - 1, 4),
            "target_share": 0.05,
            "folder_bytes_1000_epochs": _median(runs["engine-kept"], "folder_bytes"),
            "target_folder_bytes": 2_000_000,
        }
    if runs.get("engine-inspect"):
        inspected = ms.get("engine-inspect")
        report["inspection"] = {
            "engine_ms_per_epoch": {"inspected": inspected, "not_inspected": b},
            "share": None if b is None else round(inspected / b - 1, 4),
            "target_share": 0.10,
        }
    if runs.get("gui-inside") and runs.get("gui-inside-off"):
        on, off = ms["gui-inside"], ms["gui-inside-off"]
        report["inside"] = {
            "window_ms_per_epoch": {"dock_shown": on, "dock_hidden": off},
            "share": round(on / off - 1, 4), "target_share": 0.10,
            "epochs_inspected": [r["inspected_epochs"] for r in runs["gui-inside"]],
        }
    if runs.get("gui-map") and runs.get("gui-map-off"):
        on, off = ms["gui-map"], ms["gui-map-off"]
        report["decision_map"] = {
            "window_ms_per_epoch": {"maps_on": on, "maps_off": off},
            "share": round(on / off - 1, 4), "target_share": 0.10,
            "maps_drawn": [r["maps"] for r in runs["gui-map"]],
        }
    if runs.get("inside-redraw"):
        r = runs["inside-redraw"][-1]
        report["inside_redraw"] = {k: r[k]["median_ms"] for k in ("diagram", "inspector", "gradient_plot")}
        report["inside_redraw"]["target_ms"] = 16
    if runs.get("load-formats"):
        report["load_formats"] = {f: _median([{"ms": r["load_ms"][f]} for r in runs["load-formats"]], "ms")
                                  for f in ("h5", "keras")}
    if "resume" in runs:
        report["resume"] = {
            "ms_per_epoch": ms.get("resume"),
            "resumed_call_ms_per_epoch": statistics.median(
                r["resumed_call"]["ms_per_epoch"] for r in runs["resume"]),
            "retraced": any(r["retraced"] for r in runs["resume"]),
        }
    if "gui" in runs and runs["gui"]:
        report["gui"] = gui_bench.summarise(runs["gui"])
    report.update(_each_run(runs, args.repeat))
    print(json.dumps(report, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
