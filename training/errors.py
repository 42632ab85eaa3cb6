"""Errors the user is shown as one clear message. Keras-free, so the window and
the command line can catch them before TensorFlow has loaded."""


class ExperimentError(ValueError):
    """An experiment whose settings cannot be trained; the message says why."""


class LoadError(ValueError):
    """A file that was not loaded; the session is as it was."""


class SaveError(OSError):
    """A save that did not happen; the target file is as it was."""
