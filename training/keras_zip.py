"""The checks a .keras file (Keras 3's zip format) passes before Keras sees any of it.

The zip's directory is read first, by the zipfile module: a file that is no
zip, a cut-short one, member names that leave the archive (../, absolute
paths) and archives that would unpack past MAX_UNPACKED (zip bombs) are
refused there, before a byte is unpacked. Then config.json must be JSON and,
as for .h5, a plain stack of Dense layers from Keras's own modules; the
weights (an HDF5 file inside the zip) are read by the same time-limited child
process as an .h5 file. Nothing here extracts anything to disk. Keras-free.
"""
from __future__ import annotations

import contextlib
import io
import json
import zipfile
from pathlib import Path, PurePosixPath

import h5py

from .atomic import first_line
from .errors import LoadError, Message
from .sandbox import PROBE, damaged, inspect, label, probe
from .texts import QT_TRANSLATE_NOOP

CONFIG = "config.json"
WEIGHTS = "model.weights.h5"
# Our own record in a saved .keras model, as HISTORY_ATTR is in an .h5 one.
HISTORY = "lecture_app_history.json"
MAX_UNPACKED = 1 << 30  # 1 GiB: far above any network the panel builds (~0.4 GB at most)
MAX_JSON = 16 << 20     # config.json and our record: a 50-layer description is ~60 kB
ZIP_MAGIC = b"PK\x03\x04"
HDF5_MAGIC = b"\x89HDF\r\n\x1a\n"

# The child reads the weights member out of the zip into memory and hands
# it to PROBE, which then reads it as it reads an .h5 file.
_MEMBER_PROBE = """
import io, signal, sys, zipfile
if hasattr(signal, "alarm"):
    signal.alarm(int(sys.argv[3]))
with zipfile.ZipFile(sys.argv[1]) as z:
    data = z.read(sys.argv[4])
sys.argv[1:3] = [io.BytesIO(data), str(len(data))]
""" + PROBE


def is_keras_zip(path: str) -> bool:
    """By content: a zip is read as .keras, an HDF5 file as .h5, whatever the
    name; anything else by its name's ending (for the clearer message)."""
    try:
        if zipfile.is_zipfile(path):
            return True
        with open(path, "rb") as f:
            if f.read(8) == HDF5_MAGIC:
                return False
    except OSError:
        pass
    return str(path).lower().endswith(".keras")


def _bad_member(member: str) -> bool:
    parts = PurePosixPath(member.replace("\\", "/")).parts
    return (member.startswith(("/", "\\")) or ".." in parts
            or (len(member) > 1 and member[1] == ":"))  # C:\...


def check_archive(path: str) -> tuple[dict, str | None]:
    """The parsed config.json and our history record (its text, or None),
    after checking the zip's directory. Anything wrong is one LoadError."""
    p = Path(path)
    name = p.name
    if not p.is_file():
        raise LoadError(QT_TRANSLATE_NOOP("Messages", "{name}: no such file."), name=name)
    if p.stat().st_size == 0:
        raise LoadError(QT_TRANSLATE_NOOP("Messages", "{name} is empty."), name=name)
    try:
        with open(path, "rb") as f:
            head = f.read(4)
        archive = zipfile.ZipFile(path)
    except zipfile.BadZipFile:
        if head == ZIP_MAGIC:
            raise damaged(name, Message(QT_TRANSLATE_NOOP(
                "Messages", "the zip archive is cut short: its directory is missing"))) from None
        raise LoadError(QT_TRANSLATE_NOOP(
            "Messages", "{name} is not a Keras zip (.keras) file."), name=name) from None
    except Exception as err:
        raise damaged(name, first_line(err)) from None
    with archive:
        infos = archive.infolist()
        for info in infos:
            if _bad_member(info.filename):
                raise LoadError(QT_TRANSLATE_NOOP(
                    "Messages", "{name} holds a file named {member}, which points outside the "
                                "archive; it is refused."),
                    name=name, member=repr(label(info.filename)))
        unpacked = sum(info.file_size for info in infos)
        if unpacked > MAX_UNPACKED:
            raise LoadError(QT_TRANSLATE_NOOP(
                "Messages", "{name} would unpack to {size} MB, more than the {limit} MB a "
                            "network of this app can take (a zip bomb?)."),
                name=name, size=unpacked >> 20, limit=MAX_UNPACKED >> 20)
        members = {info.filename: info for info in infos}
        if CONFIG not in members:
            raise LoadError(QT_TRANSLATE_NOOP(
                "Messages", "{name} has no config.json: it is no Keras model file."), name=name)
        config_text = _read_text(archive, members[CONFIG], name)
        history = _read_text(archive, members[HISTORY], name) if HISTORY in members else None
    try:
        config = json.loads(config_text)
    except (ValueError, RecursionError) as err:
        raise LoadError(QT_TRANSLATE_NOOP(
            "Messages", "{name}: its config.json is not readable JSON ({reason})."),
            name=name, reason=label(first_line(err))) from None
    if not isinstance(config, dict):
        raise LoadError(QT_TRANSLATE_NOOP("Messages", "{name} holds no readable model description."),
                        name=name)
    return config, history


def _read_text(archive: zipfile.ZipFile, info: zipfile.ZipInfo, name: str) -> str:
    if info.file_size > MAX_JSON:
        raise LoadError(QT_TRANSLATE_NOOP(
            "Messages", "{name} is larger than any network this app trains."), name=name)
    try:
        return archive.read(info).decode("utf-8")
    except Exception as err:  # bad CRC, unknown compression, encryption, not UTF-8
        raise damaged(name, first_line(err)) from None


def model_config(config: dict) -> str:
    """config.json's model description as check_config reads it: a layer's
    class named as registered ("package>Class"), the way an .h5 file names it."""
    shown = dict(config)
    layers = config.get("config", {}).get("layers") if isinstance(config.get("config"), dict) else None
    if isinstance(layers, list):
        shown["config"] = dict(config["config"], layers=[
            dict(layer, class_name=layer["registered_name"])
            if isinstance(layer, dict) and isinstance(layer.get("registered_name"), str) else layer
            for layer in layers])
    return json.dumps(shown)


def check_origins(name: str, value, depth: int = 0) -> None:
    """Refuse a description naming any class (an initializer, a regularizer,
    ...) that is not Keras's own: Keras would look it up among registered
    custom objects or import its module."""
    if depth > 50:
        raise LoadError(QT_TRANSLATE_NOOP("Messages", "{name} holds no readable model description."),
                        name=name)
    if isinstance(value, dict):
        module, registered = value.get("module"), value.get("registered_name")
        if "class_name" in value and (
                (module is not None and not (isinstance(module, str) and (
                    module == "keras" or module.startswith("keras."))))
                or (registered is not None and registered != value.get("class_name"))):
            raise LoadError(QT_TRANSLATE_NOOP(
                "Messages", "{name}: the class {kind} is not one of Keras's own; this app "
                            "loads Keras's own classes only."),
                name=name, kind=repr(label(registered if isinstance(registered, str)
                                           else value.get("class_name"))))
        for item in value.values():
            check_origins(name, item, depth + 1)
    elif isinstance(value, list):
        for item in value:
            check_origins(name, item, depth + 1)


@contextlib.contextmanager
def open_weights(path: str, name: str):
    """The weights member of a checked archive, open as an h5py.File in
    memory, after the child process read it within its time limit."""
    check_archive(path)
    try:
        with zipfile.ZipFile(path) as archive:
            if WEIGHTS not in archive.namelist():
                raise LoadError(QT_TRANSLATE_NOOP(
                    "Messages", "{name} holds no weights of a Keras network."), name=name)
            data = archive.read(WEIGHTS)
    except LoadError:
        raise
    except Exception as err:
        raise damaged(name, first_line(err)) from None
    if not any(data[i:i + 8] == HDF5_MAGIC for i in (0, 512, 1024, 2048, 4096)):
        raise damaged(name, Message(QT_TRANSLATE_NOOP(
            "Messages", "its model.weights.h5 is not an HDF5 file")))
    probe(path, _MEMBER_PROBE, WEIGHTS)
    inspect(io.BytesIO(data), name)
    try:
        f = h5py.File(io.BytesIO(data), "r")
    except Exception as err:
        raise damaged(name, first_line(err)) from None
    try:
        yield f
    finally:
        f.close()
