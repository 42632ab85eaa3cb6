"""The window's part of the benchmark: run (c), Stop latency, event-loop stalls,
launch time and the redraw of a long loss history.

Every measurement runs in a subprocess with QT_QPA_PLATFORM=offscreen; bench.py
calls `run_all`, which starts them and gathers their JSON.
"""
from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = 1               # the same data split, weights and shuffling in every run
VALIDATION = 0.2       # the lecture's 20 % validation share
PROBE_MS = int(os.environ.get("BENCH_PROBE_MS", "0")) or 5           # the stall probe's timer interval
LAUNCH_TIMEOUT = 120


# ------------------------------------------------------------- in the child

def _app():
    if os.environ.get("BENCH_SWITCH_INTERVAL"):  # an experiment: the GIL's hand-over time
        sys.setswitchinterval(float(os.environ["BENCH_SWITCH_INTERVAL"]))
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
    os.environ.setdefault("KERAS_BACKEND", "tensorflow")
    sys.path.insert(0, str(ROOT))
    import tempfile
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication
    # Settings of the bench's own: the user's open docks must not change a
    # figure, and the bench must not change the user's window.
    from app import i18n
    i18n.FORMAT = QSettings.IniFormat
    QSettings.setPath(QSettings.IniFormat, QSettings.UserScope, tempfile.mkdtemp(prefix="bench-settings-"))
    return QApplication.instance() or QApplication([sys.argv[0]])


class StallProbe:
    """A 5 ms precise timer; the longest gap between its ticks is the longest
    time the GUI event loop could not run anything."""

    def __init__(self):
        from PySide6.QtCore import QTimer, Qt
        self.timer = QTimer(interval=PROBE_MS)
        self.timer.setTimerType(Qt.PreciseTimer)
        self.timer.timeout.connect(self._tick)
        self.reset()

    def reset(self):
        self.last = time.perf_counter()
        self.gaps = []

    def _tick(self):
        now = time.perf_counter()
        self.gaps.append(now - self.last)
        self.last = now

    def start(self):
        self.reset()
        self.timer.start()

    def stop(self) -> dict:
        self.timer.stop()
        self._tick()  # a stall right before stop() counts too
        g = sorted(self.gaps)
        if not g:
            return {"longest_ms": None}
        return {"longest_ms": 1000 * g[-1],
                "p99_ms": 1000 * g[min(len(g) - 1, int(0.99 * len(g)))],
                "median_ms": 1000 * statistics.median(g), "ticks": len(g),
                "gaps_over_50ms": sum(1 for x in g if x > 0.05)}


def _wait(signal, timeout_s: float, condition=None):
    """Spin a QEventLoop until `signal` fires (and `condition()` holds)."""
    from PySide6.QtCore import QEventLoop, QTimer
    loop = QEventLoop()
    got = []

    def fired(*args):
        got.append(args)
        if condition is None or condition():
            loop.quit()
    signal.connect(fired)
    QTimer.singleShot(int(timeout_s * 1000), loop.quit)
    if condition is None or not condition():
        loop.exec()
    signal.disconnect(fired)
    if condition is not None and not condition():
        raise TimeoutError(f"waited {timeout_s} s")
    if condition is None and not got:
        raise TimeoutError(f"waited {timeout_s} s")
    return got[-1] if got else None


def _idle(document, timeout_s: float = 60) -> None:
    """Until nothing runs: one task's end may start the next one waiting."""
    deadline = time.perf_counter() + timeout_s
    while document.busy:
        _wait(document.busyChanged, max(0.1, deadline - time.perf_counter()))


def _window(epochs: int, keep_runs: bool = True, preset_name: str = "boston"):
    """The window on the bench's experiment; runs kept (as by default) in a
    folder of the bench's own."""
    import tempfile
    app = _app()
    from training.experiment import preset
    from app.main_window import MainWindow
    experiment = preset(preset_name).replace(validation_split=VALIDATION, seed=SEED, epochs=epochs)
    try:
        window = MainWindow(experiment, runs_dir=tempfile.mkdtemp(prefix="bench-runs-"),
                            keep_runs=keep_runs)
    except TypeError:  # a checkout from before runs were kept (--before)
        window = MainWindow(experiment)
    window.show()
    # Only clicks are used below: no message box may block the run.
    window.dialogs.error = lambda message: print("window error:", message, file=sys.stderr)
    window.warm_up()
    c = window.document
    if not c.engine_ready:
        _wait(c.engineReady, 300, condition=lambda: c.engine_ready)
    _idle(c)
    assert window.training.panel.experiment().validation_split == VALIDATION, window.training.panel.experiment()
    assert window.training.panel.experiment().name == preset_name
    return app, window


def run_gui(epochs: int, keep_runs: bool = True, inside: bool | None = None,
            preset_name: str = "boston", maps: bool = True) -> dict:
    """(c): click Start, wait for the end, all plots live. `inside`: with the
    Inside the net dock shown (True) or hidden (False) on purpose. `maps`:
    decision maps drawn (a 2-D classification preset) or not."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    app, window = _window(epochs, keep_runs, preset_name)
    c = window.document
    c.runner.mapping = maps
    mapped = []
    c.mapped.connect(lambda e, m: mapped.append(e))
    inspected = []
    if inside is not None:
        window.actions.show_inside.setChecked(inside)
        if inside:  # the idle model's look first, as a user opening the dock sees it
            _wait(c.inspected, 120)  # queued from the worker: not missed
            _idle(c)
        c.inspected.connect(lambda e, stats: inspected.append(e))
        if os.environ.get("BENCH_INSIDE_NOVIEW"):  # the engine's and the signal's share only
            c.inspected.disconnect(window.inside_view.set_stats)
    # The GUI thread's time in each live view's work, for its share of the run.
    from widgets import frame_clock
    clock = frame_clock.shared()
    if os.environ.get("BENCH_FRAME_MS"):  # an experiment: a fixed interval, not paced
        clock._shortest = clock._slowest = int(os.environ["BENCH_FRAME_MS"])
    ticks = []
    clock._timer.timeout.connect(lambda: ticks.append(clock.interval()))
    spent = _time_views(window)
    probe = StallProbe()
    epochs_seen = []
    c.epochEnded.connect(lambda run, e, logs, p: epochs_seen.append((e, time.perf_counter())))
    probe.start()
    threads_before, cpu_before = _thread_times(), _cpu_times()
    clicked = time.perf_counter()
    QTest.mouseClick(window.training.start_button, Qt.LeftButton)
    (_run, payload) = _wait(c.runFinished, 3600)
    wall = time.perf_counter() - clicked
    ticked = list(ticks)
    threads = _thread_use(threads_before, _thread_times())
    cpu_use = _cpu_use(cpu_before, _cpu_times())
    stalls = probe.stop()
    result, snap = payload
    # The last queued epoch signals have been delivered by now; let the plot
    # timers draw once more before the window goes.
    QTest.qWait(50)
    out = {"seconds": result.seconds, "epochs": result.epochs_run,
           "ms_per_epoch": 1000 * result.seconds / result.epochs_run,
           "click_to_end_seconds": wall,
           "epoch_signals_received": len(epochs_seen),
           # From the click: the first and the last epoch's signal, and the end.
           "first_epoch_s": epochs_seen[0][1] - clicked if epochs_seen else None,
           "last_epoch_s": epochs_seen[-1][1] - clicked if epochs_seen else None,
           "test_mae": (snap.test_errors or {}).get("mean_abs"),
           "final_loss": snap.history["loss"][-1],
           "final_val_loss": snap.history["val_loss"][-1],
           "stall_while_training": stalls, "threads": threads,
           "machine_cpu_s": cpu_use,
           # The frame clock's ticks in the run and the interval it paced them at.
           "frame_ticks": len(ticked),
           "frame_ms": {"median": statistics.median(ticked) if ticked else None,
                        "longest": max(ticked, default=None)}}
    if inside is not None:
        out["inspected_epochs"] = len(inspected)
    if spent:
        out["view_ms"] = {k: round(v * 1000, 1) for k, v in spent.items()}
        out["view_share"] = {k: round(v / result.seconds, 4) for k, v in spent.items()}
        out["view_longest_ms"] = {k: round(v * 1000, 1) for k, v in spent_longest[0].items()}
    out["maps"] = len(mapped)
    _close(window)
    return out


def _clock_tick() -> int:
    """/proc's time unit, per second."""
    return os.sysconf("SC_CLK_TCK")


def _thread_times() -> dict:
    """Linux only: each thread's name, CPU seconds and context switches, from /proc."""
    out = {}
    for task in Path("/proc/self/task").glob("*"):  # none where there is no /proc
        try:
            stat = (task / "stat").read_text()
            status = (task / "status").read_text()
        except OSError:
            continue  # ended meanwhile
        name = stat[stat.index("(") + 1:stat.rindex(")")]
        fields = stat[stat.rindex(")") + 2:].split()
        cpu = (int(fields[11]) + int(fields[12])) / _clock_tick()
        sw = dict(line.split(":\t") for line in status.splitlines() if "ctxt_switches" in line)
        out[task.name] = (name, cpu, int(sw.get("voluntary_ctxt_switches", 0)),
                          int(sw.get("nonvoluntary_ctxt_switches", 0)))
    return out


def _cpu_times() -> list:
    """Linux only: the machine's CPU seconds by kind, from /proc/stat."""
    try:
        first = Path("/proc/stat").read_text().splitlines()[0].split()[1:]
    except OSError:
        return []
    return [int(x) / _clock_tick() for x in first]


def _cpu_use(before: list, after: list) -> dict:
    names = ("user", "nice", "system", "idle", "iowait", "irq", "softirq", "steal")
    return {n: round(a - b, 2) for n, a, b in zip(names, after, before)}


def _thread_use(before: dict, after: dict) -> list:
    """The threads that used CPU during the run: name, CPU seconds, voluntary and
    forced context switches, busiest first."""
    rows = []
    for tid, (name, cpu, vol, forced) in after.items():
        b = before.get(tid, (name, 0.0, 0, 0))
        if cpu - b[1] > 0.05:
            rows.append([("main " if tid == str(os.getpid()) else "") + name,
                         round(cpu - b[1], 2), vol - b[2], forced - b[3]])
    return sorted(rows, key=lambda r: -r[1])


spent_longest = [{}]  # the longest single call of each view, of the last _time_views


def _time_views(window) -> dict:
    """Wrap the live views' per-epoch and per-frame methods (instance
    attributes, so the connections made later call the wrappers): seconds
    spent in each view, by the GUI thread."""
    import types
    import weakref

    from widgets import frame_clock
    spent, longest, nested = {}, {}, []
    spent_longest[0] = longest

    def wrap(name, obj, method):
        original = getattr(obj, method)

        def timed(_self, *args):
            t = time.perf_counter()
            nested.append(0.0)
            try:
                return original(*args)
            finally:
                dt = time.perf_counter() - t
                own = dt - nested.pop()  # a slot's signal may call another timed slot
                if nested:
                    nested[-1] += dt
                spent[name] = spent.get(name, 0.0) + own
                longest[name] = max(longest.get(name, 0.0), own)
        bound = types.MethodType(timed, obj)  # the frame clock keeps weak methods
        setattr(obj, method, bound)
        return bound
    doc, tab, inside = window.document, window.training, window.inside_view
    # Slots connected already: reconnected to their wrappers.
    for name, signal, obj, method in (
            ("inside: new statistics", doc.inspected, inside, "set_stats"),
            ("replay store and run record", doc.runner.epochEnded, doc, "_on_epoch"),
            ("epoch buffers (loss, classes)", doc.epochEnded, tab, "_on_epoch"),
            ("run list (refresh)", doc.runsChanged, tab, "refresh_runs")):
        signal.disconnect(getattr(obj, method))
        signal.connect(wrap(name, obj, method))
    # Every view drawn on the frame clock, under its own name.
    names = {id(tab.loss_plot): "loss plot", id(tab): "predictions, figures, progress",
             id(tab.run_list): "run list (frames)", id(inside.diagram): "inside: diagram",
             id(inside.inspector): "inside: inspector",
             id(inside.layer_stats): "inside: gradient plot",
             id(tab.class_view): "decision map and classes"}
    clock = frame_clock.shared()
    clients = []
    for widget_ref, redraw_ref in clock._clients:
        redraw = redraw_ref()
        owner = getattr(redraw, "__self__", None)
        name = names.get(id(owner))
        if name is None or widget_ref() is None:
            clients.append((widget_ref, redraw_ref))
            continue
        timed = wrap(name, owner, redraw.__func__.__name__)
        clients.append((widget_ref, weakref.WeakMethod(timed)))
    clock._clients = clients
    return spent


def run_inside_redraw(epochs: int, repeat: int = 25) -> dict:
    """The lecture net's diagram and gradient plot (80/50/1, the dock's size
    at 1280x800): ms to take one epoch's statistics, draw them and repaint,
    after `epochs` epochs of history."""
    app = _app()
    from PySide6.QtTest import QTest
    from training.engine import Session
    from training.experiment import preset
    from training.runstate import RunState
    from widgets import style
    from widgets.inside_view import InsideView
    style.apply()  # the plots' colours and no antialiasing, as the window has them
    session = Session(preset("boston").replace(seed=SEED, epochs=epochs + repeat)).build()
    seen = []
    session.train(state=RunState(on_inspect=lambda e, stats: seen.append((e, stats))))
    view = InsideView()
    view.resize(510, 760)
    view.show()
    QTest.qWait(50)
    for epoch, stats in seen[:epochs]:
        view.layer_stats.add(epoch, stats)
    # Each view on its page, as it is drawn during a run: switching pages per
    # frame timed the new page's layout and first paint with it (up to 1d14444).
    later = seen[epochs:]
    view.pages.setCurrentIndex(0)
    app.processEvents()
    diagram, layers, grad_page = [], [], []
    for epoch, stats in later:
        t = time.perf_counter()
        view.diagram.set_stats(stats)
        view.diagram.redraw()
        view.diagram.view.grab()
        diagram.append(1000 * (time.perf_counter() - t))
    for epoch, stats in later:
        t = time.perf_counter()
        view.inspector.set_stats(stats)
        view.inspector.redraw()
        view.inspector.grab()
        layers.append(1000 * (time.perf_counter() - t))
    view.pages.setCurrentIndex(1)
    app.processEvents()
    for epoch, stats in later:
        t = time.perf_counter()
        view.layer_stats.add(epoch, stats)
        view.layer_stats.redraw()
        view.layer_stats.grad_view.grab()
        grad_page.append(1000 * (time.perf_counter() - t))

    def stats_of(v):
        return {"median_ms": round(statistics.median(v), 2), "max_ms": round(max(v), 2),
                "runs": len(v)}
    return {"epochs_of_history": epochs, "builds": view.diagram.builds,
            "diagram": stats_of(diagram), "inspector": stats_of(layers),
            "gradient_plot": stats_of(grad_page)}


def run_stop(epochs: int, stops: int = 5) -> dict:
    """Click Stop mid-run, several times: ms from the click to runFinished."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    app, window = _window(epochs)
    c, tab = window.document, window.training
    latencies, stopped_after = [], []
    for i in range(stops):
        QTest.mouseClick(tab.start_button if i == 0 else tab.resume_button, Qt.LeftButton)
        seen = []
        c.epochEnded.connect(lambda run, e, *_: seen.append(e))
        wait_for = 20 + 7 * i  # epochs into the run, varied
        _wait(c.epochEnded, 300, condition=lambda: len(seen) >= wait_for)
        t = time.perf_counter()
        QTest.mouseClick(tab.stop_button, Qt.LeftButton)
        (_run, payload) = _wait(c.runFinished, 60)
        latencies.append(1000 * (time.perf_counter() - t))
        result, snap = payload
        assert result.stopped_by_user, result
        stopped_after.append(snap.epochs_done)
        if c.busy:
            _wait(c.busyChanged, 60, condition=lambda: not c.busy)
    _close(window)
    return {"stop_latency_ms": latencies, "max_ms": max(latencies),
            "median_ms": statistics.median(latencies), "epochs_done_at_stops": stopped_after}


def run_redraw(epochs: int = 100_000, repeat: int = 25) -> dict:
    """setData + a full repaint (grab) of the loss plot with `epochs` points per curve."""
    import numpy as np
    app = _app()
    from PySide6.QtTest import QTest
    from widgets.plots import LossPlot
    plot = LossPlot()
    plot.resize(760, 560)  # about its size in the 1280x800 window
    plot.show()
    QTest.qWait(50)
    rng = np.random.default_rng(0)
    e = np.arange(1, epochs + 1)
    times, appends, logs = [], [], []
    for i in range(repeat):
        loss = 600 / (1 + e / 30) + rng.random(epochs)  # a fresh array each time: no caches
        # Arrays, as the window gets them: the worker thread converts the history.
        hist = {"loss": loss, "val_loss": loss * 1.1}
        t = time.perf_counter()
        plot.set_history(hist, mark_best=True)
        plot.view.grab()
        times.append(1000 * (time.perf_counter() - t))
    # The live case: training such a model further (Resume fixes the run's
    # axes, as the window does), one more epoch, then the frame's redraw.
    plot.set_run_span(epochs + 1000)

    def append_and_repaint(first_epoch: int, into: list) -> None:
        for i in range(repeat):
            t = time.perf_counter()
            plot.add_epoch(first_epoch + i, {"loss": 1.0, "val_loss": 1.1})
            plot.redraw()
            plot.view.grab()
            into.append(1000 * (time.perf_counter() - t))
    append_and_repaint(epochs + 1, appends)
    plot.log_scale.setChecked(True)
    append_and_repaint(epochs + 100, logs)

    def stats(v):
        return {"median_ms": statistics.median(v), "max_ms": max(v), "runs": len(v)}
    return {"epochs": epochs, "set_history_and_repaint": stats(times),
            "append_one_and_repaint": stats(appends),
            "append_one_and_repaint_log_scale": stats(logs)}


def _close(window):
    from PySide6.QtTest import QTest
    window.document.unsaved = False  # no "save before quitting?" question
    window.close()
    QTest.qWait(10)


def run_runs_ui(runs: int = 200, epochs: int = 1000, overlay: int = 10,
                overlay_epochs: int = 10_000, repeat: int = 15) -> dict:
    """The run list: opening a folder of `runs` runs of `epochs` epochs (read
    anew, no cache), and overlaying `overlay` runs of `overlay_epochs`."""
    import tempfile
    import numpy as np
    app = _app()
    from PySide6.QtTest import QTest
    from app import runs as app_runs
    from training.experiment import preset
    from training.run_store import RunStore
    from widgets.run_list import RunList
    rng = np.random.default_rng(0)
    root = tempfile.mkdtemp(prefix="bench-runlist-")
    store = RunStore(root)
    for i in range(runs):
        record = store.create(preset("boston").replace(learning_rate=0.001 * (1 + i % 7)))
        loss = list(600 / (1 + np.arange(epochs) / 30) + rng.random(epochs))
        record.history = {"loss": loss, "val_loss": [v * 1.1 for v in loss]}
        record.status, record.model = "finished", None
        record.test_errors = [{"after_epoch": epochs, "mean_abs": 3.0, "max_abs": 20.0,
                               "min_abs": 0.1}]
        store.write(record)
    view = RunList()
    view.resize(900, 600)
    view.show()
    QTest.qWait(50)
    opens = []
    for _ in range(5):
        t = time.perf_counter()
        rows = app_runs.rows(RunStore(root).list())  # a fresh store: every run.json read
        view.set_rows(rows)
        view.table.viewport().repaint()
        opens.append(time.perf_counter() - t)
    big = []
    for i, row in enumerate(rows[:overlay]):
        loss = 600 / (1 + np.arange(overlay_epochs) / 30) + rng.random(overlay_epochs)
        row.history = {"loss": loss, "val_loss": loss * 1.1}
        big.append(row.id)
    view.set_rows(rows)
    for run_id in big:
        view.model.tick(run_id)
    redraws = []
    for i in range(repeat):
        view._dirty = True
        t = time.perf_counter()
        view.redraw()
        view.plot_widget.grab()
        redraws.append(1000 * (time.perf_counter() - t))
    return {"runs": runs, "epochs_each": epochs, "open_list_s": statistics.median(opens),
            "open_list_max_s": max(opens), "overlay_runs": overlay,
            "overlay_epochs_each": overlay_epochs,
            "overlay_redraw_median_ms": statistics.median(redraws),
            "overlay_redraw_max_ms": max(redraws)}


# The window runs of run_gui, by kind: its arguments.
WINDOW_RUNS = {
    "gui": {}, "gui-live": {},  # (c); gui-live on its own, without run_all's extras
    "gui-norun": {"keep_runs": False},
    "gui-inside-off": {"inside": False},
    # Inside the net shown; with runs kept that is every live view on (gui-all).
    "gui-inside": {"inside": True}, "gui-all": {"inside": True},
    # The 2-D problem "circles", its decision map live; with every view on.
    "gui-map": {"preset_name": "circles"},
    "gui-map-off": {"preset_name": "circles", "maps": False},
    "gui-all-circles": {"preset_name": "circles", "inside": True},
}


def run_child(kind: str, epochs: int) -> dict:
    if kind in WINDOW_RUNS:
        return run_gui(epochs, **WINDOW_RUNS[kind])
    if kind == "gui-runs":
        return run_runs_ui()
    if kind == "gui-stop":
        return run_stop(max(epochs, 1000))
    if kind == "gui-redraw":
        return run_redraw()
    if kind == "inside-redraw":
        return run_inside_redraw(epochs)
    raise SystemExit(f"unknown run {kind!r}")


# ------------------------------------------------------------- launch time

LAUNCH_PROBE = r"""
import os, sys, time
sys.argv = ["main.py"]
sys.path.insert(0, os.environ["BENCH_ROOT"])
os.chdir(os.environ["BENCH_ROOT"])
from PySide6 import QtWidgets
from PySide6.QtCore import QEvent, QObject, QTimer

def keras_importing():
    return "keras" in sys.modules or "tensorflow" in sys.modules

class _FirstPaint(QObject):
    # The first Paint event of any widget in the main window: it is on screen.
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Paint and not hasattr(self, "t"):
            w = obj.window() if isinstance(obj, QtWidgets.QWidget) else None
            if w is not None and isinstance(w, QtWidgets.QMainWindow):
                self.t = time.time()
                print("FIRST_PAINT %.6f %d" % (self.t, keras_importing()), flush=True)
                # Then wait for the warm-up thread to begin importing Keras/TensorFlow.
                self.poll = QTimer(interval=5)
                self.poll.timeout.connect(self._tf_started)
                self.poll.start()
        return False

    def _tf_started(self):
        started = keras_importing()
        if started or time.time() - self.t > 10:
            self.poll.stop()
            print("TF_IMPORT %.6f %d" % (time.time(), started), flush=True)
            QtWidgets.QApplication.instance().quit()

_Base = QtWidgets.QApplication
class _ProbeApp(_Base):
    def __init__(self, *a):
        super().__init__(*a)
        self._probe = _FirstPaint()
        self.installEventFilter(self._probe)
QtWidgets.QApplication = _ProbeApp
import runpy
runpy.run_path("main.py", run_name="__main__")
"""


def run_launch(repeat: int = 3) -> dict:
    """Seconds from process start to the main window's first paint, via main.py.

    The probe wraps QApplication from outside (no hook in app/): its event
    filter sees the window's first Paint event, prints the time and quits."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", BENCH_ROOT=str(ROOT),
               TF_CPP_MIN_LOG_LEVEL="3")
    times, tf_before, tf_after = [], [], []
    for _ in range(repeat):
        t0 = time.time()
        proc = subprocess.run([sys.executable, "-c", LAUNCH_PROBE], env=env, capture_output=True,
                              text=True, timeout=LAUNCH_TIMEOUT, cwd=str(ROOT))
        lines = {l.split()[0]: l.split()[1:] for l in proc.stdout.splitlines()
                 if l.startswith(("FIRST_PAINT", "TF_IMPORT"))}
        if "FIRST_PAINT" not in lines:
            raise RuntimeError("no first paint:\n" + proc.stderr[-2000:])
        painted, tf = lines["FIRST_PAINT"]
        times.append(float(painted) - t0)
        tf_before.append(tf == "1")
        t_tf, started = lines.get("TF_IMPORT", ["nan", "0"])
        tf_after.append(1000 * (float(t_tf) - float(painted)) if started == "1" else None)
    return {"seconds": times, "median_s": statistics.median(times), "max_s": max(times),
            "keras_imported_before_first_paint": any(tf_before),
            "keras_import_ms_after_first_paint": tf_after}


# ------------------------------------------------------------- the driver side

def run_all(epochs: int, quick: bool, runner) -> dict:
    out = runner("gui", epochs)
    if not quick:
        out["norun"] = runner("gui-norun", epochs)
        out["runs_ui"] = runner("gui-runs", epochs)
        out["stop"] = runner("gui-stop", epochs)
        out["redraw"] = runner("gui-redraw", epochs)
        out["launch"] = run_launch()
    return out


def summarise(runs: list[dict]) -> dict:
    """The targets the issue sets, from the median (or worst) of the runs."""
    def med(f):
        vals = [f(r) for r in runs]
        vals = [v for v in vals if v is not None]
        return statistics.median(vals) if vals else None
    s = {"longest_stall_ms": med(lambda r: r["stall_while_training"]["longest_ms"]),
         "target_longest_stall_ms": 50}
    if all("stop" in r for r in runs):
        s["stop_latency_max_ms"] = med(lambda r: r["stop"]["max_ms"])
        s["stop_latency_median_ms"] = med(lambda r: r["stop"]["median_ms"])
        s["target_stop_ms"] = 100
    if all("launch" in r for r in runs):
        s["launch_s"] = med(lambda r: r["launch"]["median_s"])
        s["keras_imported_before_first_paint"] = any(
            r["launch"]["keras_imported_before_first_paint"] for r in runs)
        s["target_launch_s"] = 1.5
    if all("norun" in r for r in runs):
        on, off = med(lambda r: r["ms_per_epoch"]), med(lambda r: r["norun"]["ms_per_epoch"])
        s["runs_kept_ms_per_epoch"], s["runs_not_kept_ms_per_epoch"] = on, off
        s["runs_bookkeeping_share"] = round(on / off - 1, 4)
        s["target_runs_bookkeeping_share"] = 0.05
    if all("runs_ui" in r for r in runs):
        s["open_200_runs_s"] = med(lambda r: r["runs_ui"]["open_list_s"])
        s["target_open_200_runs_s"] = 0.5
        s["overlay_10x10k_redraw_ms"] = med(lambda r: r["runs_ui"]["overlay_redraw_median_ms"])
        s["target_overlay_redraw_ms"] = 30
    if all("redraw" in r for r in runs):
        s["redraw_100k_ms"] = med(lambda r: r["redraw"]["set_history_and_repaint"]["median_ms"])
        s["redraw_100k_append_ms"] = med(
            lambda r: r["redraw"]["append_one_and_repaint"]["median_ms"])
        s["target_redraw_ms"] = 16
    return s
