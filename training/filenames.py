"""File-name rules, Keras-free so the window can apply them before TensorFlow loads."""

WEIGHTS_SUFFIX = ".weights.h5"


def weights_path(path: str) -> str:
    """Keras 3 saves weights only under names ending in .weights.h5."""
    if path.endswith(WEIGHTS_SUFFIX):
        return path
    return (path[:-3] if path.endswith(".h5") else path) + WEIGHTS_SUFFIX
