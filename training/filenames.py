"""File-name rules, Keras-free so the window can apply them before TensorFlow loads.

Suffixes are matched without regard to case: a name typed as netz.H5 (as
Windows and macOS users may) is an .h5 name, not one to append .h5 to."""

MODEL_SUFFIX = ".h5"
WEIGHTS_SUFFIX = ".weights.h5"


def model_path(path: str) -> str:
    """A model's file name: with .h5 appended unless it ends in .h5 in any case."""
    return path if path.lower().endswith(MODEL_SUFFIX) else path + MODEL_SUFFIX


def weights_path(path: str) -> str:
    """Keras 3 saves weights only under names ending in .weights.h5, in lower case."""
    if path.endswith(WEIGHTS_SUFFIX):
        return path
    lower = path.lower()
    if lower.endswith(WEIGHTS_SUFFIX):
        return path[:-len(WEIGHTS_SUFFIX)] + WEIGHTS_SUFFIX
    return (path[:-len(MODEL_SUFFIX)] if lower.endswith(MODEL_SUFFIX) else path) + WEIGHTS_SUFFIX
