"""The command line: `python main.py [--headless ...]`.

The headless path imports no Qt, so scripts and benchmarks start quickly.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import time

from training.errors import DataError, ExperimentError, LoadError, SaveError
from training.experiment import ACTIVATIONS, DEFAULT_PRESET, LOSSES, PRESETS, LayerSpec, preset
from training.texts import QT_TRANSLATE_NOOP


class _Parser(argparse.ArgumentParser):
    def error(self, message):  # one clear line, no usage dump
        self.exit(2, f"error: {message} (see --help)\n")


def parser() -> argparse.ArgumentParser:
    presets = "\n".join(f"  {name:24s} {e.title}" for name, e in PRESETS.items())
    p = _Parser(
        prog="python main.py",
        description="Watch and steer the training of dense Keras networks, as in the lecture.",
        epilog="presets:\n" + presets,
        formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--headless", action="store_true", help="train without a window and print progress")
    p.add_argument("--preset", default=DEFAULT_PRESET, metavar="NAME",
                   help=f"the experiment to open or run (default: {DEFAULT_PRESET})")
    p.add_argument("--epochs", type=_whole_number(1), metavar="N",
                   help="epochs to train in this run (headless, or with --screenshot)")
    p.add_argument("--seed", type=_whole_number(0), metavar="S", help="seed for weights, split and shuffling")
    p.add_argument("--load", metavar="FILE", help="headless: start from this saved model "
                   "(.h5 or .keras, told apart by content)")
    p.add_argument("--save", metavar="FILE", help="headless: save the model here at the end; "
                   "FILE.keras in Keras 3's format, any other name as .h5")
    p.add_argument("--report", metavar="FILE.json", help="headless: write a JSON report here")
    p.add_argument("--export-csv", metavar="FILE.csv",
                   help="headless: write the history (epoch, loss, val_loss, run) here at the end")
    p.add_argument("--export-script", metavar="FILE.py",
                   help="headless: write the experiment as a Keras script (and the data it "
                        "reads beside it) instead of training")
    p.add_argument("--data", metavar="FILE.csv",
                   help="headless: train on this CSV file (comma or semicolon, decimal point "
                        "or comma, optional header) instead of the preset's data")
    p.add_argument("--target", metavar="COLUMN", help="with --data: the column to predict")
    p.add_argument("--task", choices=("regression", "classification"),
                   help="with --data: numbers or classes (default regression)")
    p.add_argument("--features", metavar="A,B,C",
                   help="with --data: the input columns (default: every other numeric one)")
    p.add_argument("--layers", type=_layers, metavar="UNITS:ACT,...",
                   help="the net instead of the preset's, e.g. 10:relu,3:softmax")
    p.add_argument("--loss", choices=LOSSES, help="the loss instead of the preset's")
    p.add_argument("--learning-rate", type=float, metavar="LR",
                   help="the learning rate instead of the preset's")
    p.add_argument("--runs-dir", metavar="DIR",
                   help="keep runs in this folder (default: the user's data folder)")
    p.add_argument("--no-runs", action="store_true", help="keep no run folder")
    p.add_argument("--verbose", action="store_true",
                   help="show TensorFlow's start-up messages in the terminal")
    p.add_argument("--lang", choices=("de", "en"),
                   help="the window's language (default: the last one chosen, else the system's)")
    p.add_argument("--screenshot", metavar="FILE.png",
                   help="open the window, train --epochs of the preset if given, save a PNG "
                        "of the window and exit")
    p.add_argument("--size", type=_size, metavar="WxH",
                   help="the window's size (default 1280x800, or the whole screen if smaller)")
    p.add_argument("--tab", choices=TABS, default="training",
                   help="the tab to show (default training)")
    return p


TABS = ("training", "and", "paths", "activations")


def _size(text: str) -> tuple[int, int]:
    try:
        w, h = (int(v) for v in text.lower().split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not WIDTHxHEIGHT, e.g. 1024x768") from None
    if not (320 <= w <= 8000 and 240 <= h <= 8000):
        raise argparse.ArgumentTypeError(f"{text!r} is not a window size")
    return w, h


def _whole_number(minimum: int):
    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
        if value < minimum:
            raise argparse.ArgumentTypeError(f"{text!r} must be {minimum} or more")
        return value
    return parse


def _layers(text: str) -> tuple:
    layers = []
    for part in text.split(","):
        units, _, act = part.strip().partition(":")
        if not units.isdigit() or act not in ACTIVATIONS:
            raise argparse.ArgumentTypeError(
                f"{part!r} is not UNITS:ACTIVATION, e.g. 10:relu (activations: linear, "
                "sigmoid, tanh, relu, softmax, ...)")
        layers.append(LayerSpec(int(units), act))
    return tuple(layers)


def experiment_from_args(args):
    experiment = preset(args.preset)
    if args.seed is not None:
        experiment = experiment.replace(seed=args.seed)
    if getattr(args, "layers", None):
        experiment = experiment.replace(layers=args.layers, initial_weights=None)
    if getattr(args, "loss", None):
        experiment = experiment.replace(loss=args.loss)
    if getattr(args, "learning_rate", None) is not None:
        experiment = experiment.replace(learning_rate=args.learning_rate)
    if getattr(args, "data", None):
        if not args.target:
            raise ExperimentError(QT_TRANSLATE_NOOP("Messages", "--data needs --target COLUMN."))
        features = tuple(f.strip() for f in args.features.split(",") if f.strip()) if args.features else ()
        experiment = experiment.replace(
            dataset="csv", data_path=os.path.abspath(args.data), target=args.target,
            features=features, task=args.task or "regression", initial_weights=None,
            record_batches=False, name=os.path.splitext(os.path.basename(args.data))[0],
            title=os.path.basename(args.data), description="")
    elif any(getattr(args, k, None) for k in ("target", "task", "features")):
        raise ExperimentError(QT_TRANSLATE_NOOP(
            "Messages", "--target, --task and --features go with --data FILE.csv."))
    return experiment


def run_headless(args) -> int:
    """Train one experiment without a window; 0 on success, 1 on a clear failure."""
    try:
        experiment = experiment_from_args(args)
        if args.export_script:
            return _export_script(args, experiment)
        for path in (args.report, args.save, args.export_csv):
            if path and not os.path.isdir(os.path.dirname(os.path.abspath(path))):
                raise ExperimentError(QT_TRANSLATE_NOOP(
                    "Messages", "The folder for {path} does not exist."), path=path)
        from training import runtime
        runtime.start()
        if experiment.dataset == "paths":
            return _headless_paths(args, experiment)
        from training.engine import Session
        from training.persistence import load_session, save
        from training.runstate import RunState
        if args.load:
            session, notes = load_session(args.load, experiment)
            for note in notes:
                print(str(note))  # English, as every message here
            experiment = session.experiment
        else:
            session = Session(experiment).build()
        epochs = args.epochs or experiment.epochs
        target = session.epochs_done + epochs
        report = Report(session)
        state = RunState(on_epoch=report.on_epoch,
                         on_batch=report.on_batch if report.path is not None else None,
                         on_inspect=report.on_inspect if args.report else None)
        recorder = _recorder(args, session)
        print(f"{experiment.title or experiment.name}: training epochs "
              f"{session.epochs_done + 1}-{target}")
        from training import tasks
        result, _ = tasks.train(session, state, target, recorder)
        if recorder is not None:
            print(f"run {recorder.record.folder}"
                  + (f" (not kept: {recorder.failed})" if recorder.failed else ""))
            report.run_folder = recorder.record.folder
        print(f"done: {result.epochs_run} epochs in {result.seconds:.2f} s"
              + (" (stopped early)" if result.stopped_early else "")
              + (" (stopped: loss not finite)" if result.not_finite else ""))
        errors = session.test_errors()
        if errors:
            print("test error: mean {mean_abs:.3f}, max {max_abs:.3f}, min {min_abs:.3f}".format(**errors))
        metrics = session.test_metrics()
        if metrics and "accuracy" in metrics:
            print(f"test accuracy: {metrics['accuracy']:.3f}")
        elif metrics:
            print("test R² {r2}, RMSE {rmse:.4g}, MAE {mae:.4g}".format(
                **{**metrics, "r2": "–" if metrics["r2"] is None else f"{metrics['r2']:.4f}"}))
        if args.save:
            print(f"saved {save(session, args.save)}")
        if args.report:
            with open(args.report, "w", encoding="utf-8") as f:
                json.dump(report.as_dict(args.preset, result, errors, metrics), f, indent=1)
            print(f"report {args.report}")
        if args.export_csv:
            name = recorder.record.name if recorder is not None else experiment.name
            _write_csv(args.export_csv, [(name, session.history)])
    except (ExperimentError, DataError, LoadError, SaveError, OSError) as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    return 0


def _export_script(args, experiment) -> int:
    """--export-script: the code of the experiment (with --epochs), not trained."""
    from training import keras_code
    if args.epochs:
        experiment = experiment.replace(epochs=args.epochs)
    for path in keras_code.export(experiment.validate(), args.export_script):
        print(f"wrote {path}")
    return 0


def _write_csv(path: str, histories) -> None:
    from training import exports
    from training.atomic import write_atomic
    print(f"history {write_atomic(path, exports.history_csv(histories))}")


def _recorder(args, session):
    """The run's folder and its recorder, unless --no-runs."""
    if args.no_runs:
        return None
    from app import runs
    from training.run_recorder import RunRecorder
    from training.run_store import Replay, RunStore
    store = RunStore(args.runs_dir or runs.default_root())
    record = store.create(session.experiment)
    replay = Replay()
    if session.last_predictions is not None:
        replay.add(session.epochs_done, session.last_predictions, None)
    return RunRecorder(store, record, replay)


def _headless_paths(args, experiment) -> int:
    """The gradient-path preset: three fresh models from one start, batch sizes 9, 3, 1.

    Its report keys history, predictions and paths by batch size.
    """
    if args.load or args.save:
        raise ExperimentError(QT_TRANSLATE_NOOP(
            "Messages", "The paths preset trains three fresh models; "
                        "--load and --save do not apply to it."))
    from training.gradient_paths import run_paths
    epochs = args.epochs or experiment.epochs
    print(f"{experiment.title}: {epochs} epochs at each batch size")
    runs = run_paths(experiment, epochs=epochs)
    for bs, run in runs.items():
        w1, w2 = run.points[-1]
        print(f"batch size {bs}: {len(run.points) - 1} updates in {run.seconds:.2f} s, "
              f"loss {run.history['loss'][-1]:.4g}, w = ({w1:.3f}, {w2:.3f})")
    if args.export_csv:
        _write_csv(args.export_csv, [(f"batch size {bs}", run.history) for bs, run in runs.items()])
    if args.report:
        report = {
            "preset": args.preset,
            "epochs_run": min(run.epochs_run for run in runs.values()),
            "stopped_early": False,
            "train_seconds": sum(run.seconds for run in runs.values()),
            "history": {str(bs): run.history for bs, run in runs.items()},
            "predictions": {str(bs): run.predictions.tolist() for bs, run in runs.items()},
            "paths": {str(bs): run.points.tolist() for bs, run in runs.items()},
        }
        with open(args.report, "w", encoding="utf-8") as f:
            json.dump(report, f, indent=1)
        print(f"report {args.report}")
    return 0


class Report:
    """Collects what the JSON report holds while the run goes on, and prints progress."""

    SMALL = 16  # data sets up to this size get their per-epoch prediction tables

    def __init__(self, session):
        self.session = session
        self.small = len(session.data.x_eval) <= self.SMALL
        self.predictions = [session.last_predictions.tolist()] if self.small else None
        self.path = [session.flat_weights().tolist()] if session.experiment.record_batches else None
        self._printed = time.monotonic()
        self.run_folder = None
        # One list per epoch, one value per Dense layer, input side first.
        self.gradient_norms: list[list[float]] = []

    def on_epoch(self, epoch, logs, predictions):
        if self.small:
            self.predictions.append(predictions.tolist())
        now = time.monotonic()
        if now - self._printed >= 1.0:
            self._printed = now
            print(f"epoch {epoch}: " + ", ".join(f"{k} {v:.4g}" for k, v in logs.items()),
                  flush=True)

    def on_inspect(self, epoch, stats):
        self.gradient_norms.append(stats["grad_norms"])

    def on_batch(self, weights):
        self.path.append(weights.tolist())

    def as_dict(self, preset_name, result, errors, metrics=None) -> dict:
        from training.run_store import experiment_to_dict
        report = {
            "preset": preset_name,
            "experiment": experiment_to_dict(self.session.experiment),
            "epochs_run": result.epochs_run,
            "stopped_early": result.stopped_early,
            "train_seconds": result.seconds,
            "history": self.session.history,
        }
        if self.gradient_norms:
            report["gradient_norms"] = self.gradient_norms
        if errors:
            report["test_errors"] = errors
        if metrics:
            report["metrics"] = metrics
        if self.small:
            report["predictions"] = self.predictions
        if self.path is not None:
            report["paths"] = {str(self.session.experiment.batch_size): self.path}
        if self.run_folder:
            report["run"] = self.run_folder
        return report


def main(argv=None) -> int:
    args = parser().parse_args(argv)
    if args.verbose:
        from training import runtime
        runtime.set_verbose(True)
    if args.headless:
        return run_headless(args)
    for flag in ("load", "save", "report", "export_script", "export_csv"):
        if getattr(args, flag):
            print(f"error: --{flag.replace('_', '-')} goes with --headless", file=sys.stderr)
            return 2
    if args.epochs and not args.screenshot:
        print("error: --epochs goes with --headless or --screenshot", file=sys.stderr)
        return 2
    if args.screenshot and not os.path.isdir(os.path.dirname(os.path.abspath(args.screenshot))):
        print(f"error: the folder for {args.screenshot} does not exist", file=sys.stderr)
        return 2
    try:
        experiment = experiment_from_args(args)
    except ExperimentError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    from app.gui import DEFAULT_SIZE, run_gui
    # A screenshot has a size of its own, whatever the screen.
    size = args.size or (DEFAULT_SIZE if args.screenshot else None)
    return run_gui(experiment, language=args.lang, size=size,
                   setup=_screenshot(args) if args.screenshot else None, tab=args.tab,
                   runs_dir=args.runs_dir, keep_runs=not args.no_runs)


def _screenshot(args):
    def setup(window):
        from app.screenshot import Screenshot
        window._screenshot = Screenshot(window, args.screenshot, args.tab, args.epochs)
    return setup
