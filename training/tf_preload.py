"""Load TensorFlow's largest shared libraries without holding the GIL.

CPython holds the GIL while it loads an extension module, and `import
tensorflow` spends ~0.45 s in dlopen of libtensorflow_cc (1 GB) and its static
initialisers. Imported in the worker thread, that froze the window for as
long, just after it had shown. A foreign call through ctypes releases the
GIL, so the same dlopen, done first through libc, runs beside the GUI thread;
the import then finds the libraries loaded. The longest GUI stall from the
window's first paint to a built model: 397-541 ms without, 153-163 ms with
(alternating launches, 3 each).
"""
from __future__ import annotations

import ctypes
import importlib.util
import os
import sys
from pathlib import Path

# The largest libraries `import tensorflow` loads, dependencies first.
LIBRARIES = ("libtensorflow_framework.so.2", "libtensorflow_cc.so.2",
             "python/lib_pywrap_tensorflow_common.so",
             "python/profiler/internal/_pywrap_profiler_plugin.so")


def preload() -> list[str]:
    """dlopen what exists of LIBRARIES with the flags Python's import uses;
    the names loaded. Anything missing or failing is left to the import."""
    if not sys.platform.startswith("linux") or "tensorflow" in sys.modules:
        return []
    spec = importlib.util.find_spec("tensorflow")
    if spec is None or not spec.submodule_search_locations:
        return []
    root = Path(next(iter(spec.submodule_search_locations)))
    try:
        dlopen = ctypes.CDLL(None).dlopen
    except (OSError, AttributeError):
        return []
    dlopen.restype = ctypes.c_void_p
    dlopen.argtypes = [ctypes.c_char_p, ctypes.c_int]
    loaded = []
    for name in LIBRARIES:
        path = root / name
        # The handles stay open: the libraries stay loaded, as the import keeps them.
        if path.exists() and dlopen(os.fsencode(path), sys.getdlopenflags()):
            loaded.append(name)
    return loaded
