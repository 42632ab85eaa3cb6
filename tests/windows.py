"""What the window tests share: the quick experiment and how long a worker may take."""
from training.experiment import preset

QUICK = preset("boston").replace(epochs=2000)
# A run's first epoch (building and tracing the model) takes ~2 s. In the full
# suite a single full garbage collection in the GUI thread has taken 16-39 s
# on the CI machine (the heap by then holds what every earlier test's Keras
# models left inside TensorFlow), and the worker waits for the GIL meanwhile;
# a first epoch then took over a minute. The waits for a worker allow for it,
# and make_window collects in its teardown, where no wait runs.
SLOW_WORKER_MS = 240_000
