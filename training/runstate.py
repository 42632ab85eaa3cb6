"""One run's channel between a task and whoever started it (Orange's TaskState).

A task is a plain function of one RunState. What the run reports goes out
through plain callables; the Qt worker passes its signals' emitters, the
command line prints. Stop and save requests come in, from any thread.
"""
from __future__ import annotations

import threading
import time
from typing import Callable


def _ignore(*_args) -> None:
    pass


class RunState:
    def __init__(self, run_id: int = 0, *,
                 on_started: Callable | None = None,
                 on_epoch: Callable | None = None,
                 on_batch: Callable | None = None,
                 on_inspect: Callable | None = None,
                 on_map: Callable | None = None,
                 on_trained: Callable | None = None,
                 on_saved: Callable | None = None,
                 on_save_failed: Callable | None = None,
                 stop: threading.Event | None = None):
        self.run_id = run_id
        # (payload): the run's model exists, e.g. (session, snapshot) before training
        self.started = on_started or _ignore
        # (epoch counted from 1, logs, predictions on the data set's eval rows)
        self.epoch = on_epoch or _ignore
        # (payload) after every optimizer step, when the experiment records batches
        self.batch = on_batch or _ignore
        # (path written, kind) / (path asked for, reason) for each save request
        self.saved = on_saved or _ignore
        self.save_failed = on_save_failed or _ignore
        self.wants_batches = on_batch is not None
        # (epoch, statistics) after every epoch, when asked for: the per-layer
        # gradients and weights of training.inspection (costs one graph call).
        self.inspect = on_inspect or _ignore
        self.wants_inspection = on_inspect is not None
        # At most one inspection per this many seconds (0: every epoch, as the
        # headless report needs); a window cannot show more than a few a second.
        self.inspect_interval = 0.0
        # (epoch, decision map) for a 2-D classification, paced the same way.
        self.map = on_map or _ignore
        self.wants_map = on_map is not None
        self.map_interval = 0.0
        self._last = {"inspect": -float("inf"), "map": -float("inf")}
        # (result, snapshot) as soon as training ends, before the run's folder
        # is brought up to date: a stop answers at once.
        self.trained = on_trained or _ignore
        self._stop = stop if stop is not None else threading.Event()
        self._lock = threading.Lock()
        self._saves: list[tuple[str, str]] = []

    def inspection_due(self) -> bool:
        """Whether this epoch is inspected: asked for, and not too soon."""
        return self.wants_inspection and self._due("inspect", self.inspect_interval)

    def map_due(self) -> bool:
        """Whether this epoch's decision map is drawn: asked for, not too soon."""
        return self.wants_map and self._due("map", self.map_interval)

    def _due(self, kind: str, interval: float) -> bool:
        now = time.perf_counter()
        if now - self._last[kind] < interval:
            return False
        self._last[kind] = now
        return True

    # ------------------------------------------------------------ requests in
    def request_stop(self) -> None:
        self._stop.set()

    @property
    def stop_requested(self) -> bool:
        return self._stop.is_set()

    @property
    def stop_event(self) -> threading.Event:
        return self._stop

    def request_save(self, path: str, kind: str = "model") -> None:
        with self._lock:
            self._saves.append((path, kind))

    def take_save_requests(self) -> list[tuple[str, str]]:
        with self._lock:
            saves, self._saves = self._saves, []
        return saves
