"""Starting TensorFlow: one explicit call, made by the first task and by the
command line. Importing this module (or any other) changes nothing."""
from __future__ import annotations

import contextlib
import gc
import logging
import os
import sys
import threading

_lock = threading.Lock()
_started = False
_verbose = False


def set_verbose(verbose: bool) -> None:
    """Let TensorFlow's C++ start-up lines through to the terminal (--verbose)."""
    global _verbose
    _verbose = verbose


def start() -> None:
    """Set TensorFlow's environment, load its libraries and import it with
    Keras; once per process, from any thread (the others wait)."""
    global _started
    with _lock:
        if _started:
            return
        os.environ.setdefault("KERAS_BACKEND", "tensorflow")
        os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
        with _quiet(not _verbose):
            from . import tf_preload
            tf_preload.preload()
            import keras  # noqa: F401
            import tensorflow as tf
            tf.constant(0.0).numpy()  # the device set-up logs too (cuInit, ...)
        # .h5 is the lecture's format; Keras's advice to use .keras on every
        # save is noise here. Every new model gets its own compiled evaluation
        # function; TensorFlow's "retracing" warning is meant for functions
        # called in a loop.
        logging.getLogger("absl").setLevel(logging.ERROR)
        logging.getLogger("tensorflow").setLevel(logging.ERROR)
        # TensorFlow's and Keras's import leaves ~270k objects that live as
        # long as the process. Frozen, no full garbage collection walks them
        # again: with five models trained, one took 0.15 s before and
        # 0.01-0.04 s after, holding the GIL (the window waits) in whichever
        # thread it ran.
        gc.freeze()
        _started = True


def started() -> bool:
    return _started


@contextlib.contextmanager
def _quiet(on: bool):
    """TensorFlow's C++ side writes a few lines to the process's stderr while
    it starts (oneDNN, cudart, cuInit), whatever TF_CPP_MIN_LOG_LEVEL says:
    they go to the null device instead. Python's own stderr is flushed first;
    what others write there meanwhile (a second or two) is lost too."""
    if not on:
        yield
        return
    sys.stderr.flush()
    try:
        saved = os.dup(2)
    except OSError:  # no stderr at all (pythonw on Windows): nothing to hide
        yield
        return
    try:
        with open(os.devnull, "w") as null:
            os.dup2(null.fileno(), 2)
            yield
    finally:
        os.dup2(saved, 2)
        os.close(saved)
