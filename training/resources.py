"""The files the app ships (the repo's resources/ folder), found wherever it is installed.

pyproject.toml installs resources/ as the package keras_lecture_lab_resources,
so `pip install .` and `pip install -e .` both find the files through
importlib.resources, whatever the working folder.
"""
from __future__ import annotations

import atexit
import contextlib
from importlib import resources
from pathlib import Path

PACKAGE = "keras_lecture_lab_resources"

_extracted = contextlib.ExitStack()  # files copied out of a zipped install, kept until exit
atexit.register(_extracted.close)


def resource_path(name: str) -> Path:
    """A file system path to the shipped file `name`, e.g. "boston_housing.csv"."""
    item = resources.files(PACKAGE).joinpath(name)
    if isinstance(item, Path):  # installed as files (pip, editable or not): the file itself
        return item
    return _extracted.enter_context(resources.as_file(item))
