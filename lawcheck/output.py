"""Writing what a command produced to `-o PATH`: every failure is an input error, never a traceback.

The draft is the user's work, so `-o` never overwrites an input. A regular file is written
beside the target and renamed over it, so a failed write never leaves half a report where the
previous one was, and a symlink at the target is replaced, not followed. Devices and pipes
(`/dev/stdout`, a FIFO) are written in place, since they cannot be renamed over.
"""

from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path

from lawcheck.errors import InputError


def check_output_path(output: str | os.PathLike[str], inputs: Iterable[str | os.PathLike[str]] = ()) -> Path:
    """The output path, or InputError when it cannot be written: a folder, a missing folder,
    or one of the inputs. Called before the work, so a typo costs no time."""
    path = Path(output)
    where = str(path)
    if not str(output).strip():
        raise InputError("-o: empty output path")
    if path.is_dir():
        raise InputError("-o names a folder, not a file", source=where)
    parent = path.parent
    if not parent.is_dir():
        raise InputError(f"-o: the folder {parent} does not exist", source=where)
    for source in inputs:
        if _same_file(path, Path(source)):
            raise InputError(f"-o is the input {source}: it would be overwritten (choose another file)",
                             source=where)
    return path


def write_output(output: str | os.PathLike[str], data: bytes | str,
                 inputs: Iterable[str | os.PathLike[str]] = ()) -> None:
    """Write `data` (str as UTF-8) to `output`, atomically for a regular file."""
    payload = data.encode("utf-8") if isinstance(data, str) else data

    def save(temp: Path) -> None:
        temp.write_bytes(payload)

    save_atomically(output, save, inputs)


def save_atomically(output: str | os.PathLike[str], save: Callable[[Path], object],
                    inputs: Iterable[str | os.PathLike[str]] = ()) -> None:
    """Let `save` write a file, then put it at `output` (see the module docstring)."""
    path = check_output_path(output, inputs)
    try:
        if _is_special(path):
            _save_in_place(path, save)
        else:
            _save_and_rename(path, save)
    except OSError as error:
        raise InputError(f"cannot write: {error.strerror or type(error).__name__}", source=str(path)) from None


def _same_file(path: Path, source: Path) -> bool:
    try:
        if path.exists() and source.exists():
            return os.path.samefile(path, source)
        return path.resolve() == source.resolve()
    except (OSError, RuntimeError):
        return False


def _is_special(path: Path) -> bool:
    """A device or pipe (not a regular file, not a symlink): written in place."""
    try:
        mode = path.lstat().st_mode
    except OSError:
        return False
    return not stat.S_ISREG(mode) and not stat.S_ISLNK(mode)


def _save_in_place(path: Path, save: Callable[[Path], object]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        temp = Path(folder) / path.name
        save(temp)
        data = temp.read_bytes()
    with open(path, "wb") as handle:
        handle.write(data)


def _save_and_rename(path: Path, save: Callable[[Path], object]) -> None:
    descriptor, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(descriptor)
    temp = Path(name)
    try:
        save(temp)
        os.chmod(temp, _mode_for(path))
        os.replace(temp, path)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise


def _mode_for(path: Path) -> int:
    """Keep the permissions of the file being replaced; a new file gets the usual ones."""
    try:
        info = path.lstat()
        if stat.S_ISREG(info.st_mode):
            return stat.S_IMODE(info.st_mode)
    except OSError:
        pass
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask
