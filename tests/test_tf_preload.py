"""TensorFlow's libraries loaded ahead through libc (without the GIL); the import still works."""
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

CHILD = textwrap.dedent("""
    import sys
    from training import tf_preload
    loaded = tf_preload.preload()
    assert "tensorflow" not in sys.modules
    maps = open("/proc/self/maps").read()
    assert all(name.rsplit("/", 1)[-1] in maps for name in loaded), loaded
    import tensorflow as tf
    assert float(tf.reduce_sum(tf.constant([1.0, 2.0]))) == 3.0
    assert tf_preload.preload() == []  # once TensorFlow is imported there is nothing to do
    print(",".join(loaded))
""")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the preload is Linux-only")
def test_preload_then_import(tmp_path):
    out = subprocess.run([sys.executable, "-c", CHILD], capture_output=True, text=True, timeout=300,
                         env={"TF_CPP_MIN_LOG_LEVEL": "3", "PATH": "/usr/bin:/bin"},
                         cwd=str(Path(__file__).resolve().parent.parent))
    assert out.returncode == 0, out.stderr[-2000:]
    loaded = out.stdout.strip().splitlines()[-1].split(",")
    assert {"libtensorflow_framework.so.2", "libtensorflow_cc.so.2"} <= set(loaded)
