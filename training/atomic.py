"""Writing a file so that it is either complete or not there: never half-written.

The bytes go to a temporary file in the target's folder, which replaces the
target only once it is complete and on disk. Keras-free: saves, run records
and exports all write through it.
"""
from __future__ import annotations

import errno
import os
import tempfile
import time

import psutil

from .errors import ExperimentError, LoadError, Message, SaveError
from .texts import QT_TRANSLATE_NOOP

# mkstemp makes files only their owner may read (0600); a saved model or an
# exported script gets the mode any new file would. Read once, at import,
# before the app starts its threads (os.umask can only be read by setting it).
_UMASK = os.umask(0o022)
os.umask(_UMASK)

# Temporary files older than this are stale whoever wrote them.
STALE_SECONDS = 24 * 3600
CHUNK = 1 << 20  # bytes per write


def write_atomic(path: str, data: bytes) -> str:
    """Write `data` to `path` through a temporary file renamed over it when
    complete; the absolute path written. Any failure is a SaveError whose
    message says why, and leaves the old file (if any) as it was."""
    path = os.path.abspath(path)
    folder, base = os.path.split(path)
    # The leading dot hides the temporary file; the pid lets a later save tell a
    # crashed writer's leftovers.
    prefix, suffix = f".{base}.{os.getpid()}.", ".tmp"
    _remove_stale_temps(folder, base, suffix)
    try:
        fd, tmp = tempfile.mkstemp(prefix=prefix, suffix=suffix, dir=folder)
    except OSError as err:
        raise SaveError(why(err, path)) from None
    try:
        try:
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view[:CHUNK]):]
            os.fsync(fd)
        finally:
            os.close(fd)
        try:  # an existing file keeps its mode
            mode = os.stat(path).st_mode & 0o777
        except OSError:
            mode = 0o666 & ~_UMASK
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except Exception as err:  # anything at all: the old file must survive
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise SaveError(why(err, path)) from None
    _fsync_folder(folder)
    return path


def _remove_stale_temps(folder: str, base: str, suffix: str) -> None:
    """Delete temporary files left for this target by a save that crashed."""
    head = f".{base}."
    try:
        names = os.listdir(folder)
    except OSError:
        return  # mkstemp will say why
    for entry in names:
        if not (entry.startswith(head) and entry.endswith(suffix)):
            continue
        full = os.path.join(folder, entry)
        pid = entry[len(head):].split(".", 1)[0]
        try:
            # psutil, not os.kill(pid, 0): on Windows that terminates the process.
            stale = ((pid.isdigit() and int(pid) != os.getpid() and not psutil.pid_exists(int(pid)))
                     or time.time() - os.path.getmtime(full) > STALE_SECONDS)
            if stale:
                os.unlink(full)
        except OSError:
            pass


def _fsync_folder(folder: str) -> None:
    # The rename itself reaches the disk only with its folder. Windows cannot
    # open a folder as a file (and NTFS journals the rename itself): skipped.
    if os.name == "nt":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def why(err: BaseException, path: str) -> Message:
    """One line for the user: why `path` was not written."""
    name, folder = os.path.basename(path), os.path.dirname(path)
    code = getattr(err, "errno", None)
    if code in (errno.EACCES, errno.EPERM, errno.EROFS):
        return Message(QT_TRANSLATE_NOOP(
            "Messages", "No permission to write in {folder}; {name} was not changed."),
            folder=folder, name=name)
    if code in (errno.ENOSPC, errno.EDQUOT):
        return Message(QT_TRANSLATE_NOOP("Messages", "The disk is full; {name} was not changed."),
                       name=name)
    if code == errno.ENOENT:
        return Message(QT_TRANSLATE_NOOP("Messages", "The folder {folder} does not exist."),
                       folder=folder)
    return could_not_save(name, err)


def could_not_save(name: str, err: BaseException) -> Message:
    return Message(QT_TRANSLATE_NOOP("Messages", "Could not save {name}: {reason}"),
                   name=name, reason=first_line(err))


def first_line(err: BaseException) -> str | Message:
    """What to say about `err` inside another message: its Message when it is
    one of ours (translated with it), else the first line of its text."""
    if isinstance(err, (ExperimentError, LoadError, SaveError)):
        return err.message
    text = str(err).strip().splitlines()
    return text[0] if text else type(err).__name__
