"""File-name rules, Keras-free so the window can apply them before TensorFlow loads.

Suffixes are matched without regard to case: a name typed as netz.H5 (as
Windows and macOS users may) is an .h5 name, not one to append .h5 to."""

MODEL_SUFFIX = ".h5"
WEIGHTS_SUFFIX = ".weights.h5"
MODEL_SUFFIXES = (".h5", ".keras")  # HDF5 (the lecture's) and Keras 3's own zip


def model_path(path: str, suffix: str = MODEL_SUFFIX) -> str:
    """A model's file name: one ending in .h5 or .keras (in any case) is kept,
    any other gets `suffix`."""
    return path if path.lower().endswith(MODEL_SUFFIXES) else path + suffix


def model_format(path: str) -> str:
    """"keras" or "h5": the name chooses the format."""
    return "keras" if path.lower().endswith(".keras") else "h5"


def weights_path(path: str) -> str:
    """Keras 3 saves weights only under names ending in .weights.h5, in lower case."""
    if path.endswith(WEIGHTS_SUFFIX):
        return path
    lower = path.lower()
    if lower.endswith(WEIGHTS_SUFFIX):
        return path[:-len(WEIGHTS_SUFFIX)] + WEIGHTS_SUFFIX
    return (path[:-len(MODEL_SUFFIX)] if lower.endswith(MODEL_SUFFIX) else path) + WEIGHTS_SUFFIX
