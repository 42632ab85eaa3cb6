"""Files written by Keras 2 (the tf-keras package), built at test time.

tf-keras and Keras 3 do not share a process well, so a subprocess writes the
files; session fixtures in several test modules share one build through the
`folder` they pass.
"""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# Each optimizer the app trains with, in both of Keras 2's implementations:
# tf.keras's ("Adam/m/dense/kernel:0", slots interleaved per variable) and the
# legacy one ("Adam/dense/kernel/m:0", stored [iter, m..., v...]).
OPTIMIZERS = {
    "adam": "k.optimizers.Adam(0.01)",
    "legacy_adam": "k.optimizers.legacy.Adam(0.01, amsgrad=True)",
    "sgd": "k.optimizers.SGD(0.01, momentum=0.9)",
    "legacy_rmsprop": "k.optimizers.legacy.RMSprop(0.002, momentum=0.5, centered=True)",
    "nadam": "k.optimizers.Nadam(0.01)",
}

_BUILD = r'''
import os, sys
sys.path.insert(0, {root!r})
import numpy as np
import tf_keras as k
from training.data import boston
from training.experiment import preset
out = {out!r}
d = boston(standardize=preset("boston").standardize)  # the features the app's Boston net sees
x, y = d.x_train, d.y_train.reshape(-1, 1)
batch = x[:32], y[:32]
for name, make in {optimizers}.items():
    k.utils.set_random_seed(1)
    m = k.Sequential([k.Input((13,)), k.layers.Dense(80, activation="tanh"),
                      k.layers.Dense(50, activation="tanh"), k.layers.Dense(1)])
    m.compile(optimizer=eval(make), loss="mse")
    m.fit(x, y, epochs=3, batch_size=32, shuffle=False, verbose=0)
    m.save(os.path.join(out, name + ".h5"))
    np.save(os.path.join(out, name + ".predictions.npy"), m(d.x_test).numpy()[:, 0])
    if name == "adam":
        m.save_weights(os.path.join(out, "weights.h5"))
    # One more step on a fixed batch: what a correctly restored optimizer does next.
    m.train_on_batch(*batch)
    np.savez(os.path.join(out, name + ".step.npz"), *m.get_weights())
small = k.Sequential([k.Input((13,)), k.layers.Dense(10, activation="relu"),
                      k.layers.Dense(10, activation="relu"), k.layers.Dense(1)])
small.save_weights(os.path.join(out, "small_weights.h5"))
'''


def build(folder: Path) -> Path:
    """Write the Keras 2 files into `folder` once; later calls reuse them."""
    done = folder / "done"
    if not done.exists():
        folder.mkdir(parents=True, exist_ok=True)
        code = _BUILD.format(root=str(ROOT), out=str(folder), optimizers=repr(OPTIMIZERS))
        env = {**os.environ, "TF_USE_LEGACY_KERAS": "1", "TF_CPP_MIN_LOG_LEVEL": "3"}
        result = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True,
                                text=True, timeout=300)
        assert result.returncode == 0, result.stderr[-3000:]
        done.touch()
    return folder
