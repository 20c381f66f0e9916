"""A compiled cache of the rulebook and lexicons, so that a command does not parse YAML.

Parsing `rules/` with the strict, marked loader costs seconds; its result is plain frozen
data. It is pickled once into the user's cache folder under a key made of the content of
every file under `rules/`, the source of the code that loads and models it, the versions of
the lemmatizers that compile the terms, and a format version. Any change to one of them is a
new key, so a cache is never stale; an unreadable or unwritable cache only means no cache.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import sys
import tempfile
from collections.abc import Callable
from functools import cache
from importlib import metadata
from pathlib import Path
from typing import TypeVar

from lawcheck.data import data_dir

FORMAT_VERSION = 1
DISABLE_VARIABLE = "LAWCHECK_NO_CACHE"
_PACKAGE = Path(__file__).resolve().parent
_LOADER_CODE = ("cache.py", "rulebook", "concepts", "yamlio.py", "treaty.py")  # reads, compiles, models rules/
_LEMMATIZERS = ("spacy", "spacy-lookups-data", "pymorphy3", "pymorphy3-dicts-ru")

T = TypeVar("T")


def cache_dir() -> Path:
    """$XDG_CACHE_HOME/lawcheck, else ~/.cache/lawcheck."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "lawcheck"


def _add_tree(digest: hashlib._Hash, root: Path, pattern: str) -> None:
    for path in sorted(p for p in root.rglob(pattern) if p.is_file() and "__pycache__" not in p.parts):
        digest.update(path.relative_to(root).as_posix().encode() + b"\0")
        digest.update(path.read_bytes() + b"\0")


def _version(distribution: str) -> str:
    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return "-"


@cache
def cache_key() -> str:
    """The content hash every compiled file is stored under."""
    digest = hashlib.sha256(f"{FORMAT_VERSION} {sys.version_info[:2]}".encode())
    _add_tree(digest, data_dir("rules"), "*")
    for name in _LOADER_CODE:
        path = _PACKAGE / name
        if path.is_dir():
            _add_tree(digest, path, "*.py")
        elif path.is_file():
            digest.update(name.encode() + b"\0" + path.read_bytes() + b"\0")
    digest.update(" ".join(_version(name) for name in _LEMMATIZERS).encode())
    return digest.hexdigest()[:32]


def _read(path: Path) -> object | None:
    try:
        with path.open("rb") as handle:
            return pickle.load(handle)
    except Exception:  # a truncated or foreign file is rebuilt, never trusted
        return None


def _write(path: Path, value: object) -> None:
    """Atomically, and silently give up when the folder is not writable."""
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
        with os.fdopen(handle, "wb") as out:
            pickle.dump(value, out, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, path)
    except OSError:
        return
    _remove_stale(path)


def _remove_stale(current: Path) -> None:
    """Older compilations of the same thing are of no further use."""
    prefix = current.name.rsplit("-", 1)[0] + "-"
    for other in current.parent.glob(f"{prefix}*.pickle"):
        if other != current and other.name.rsplit("-", 1)[0] + "-" == prefix:
            with contextlib.suppress(OSError):
                other.unlink()


def compiled(name: str, build: Callable[[], T]) -> T:
    """`build()`'s result, from the cache when rules/ and the loader are unchanged."""
    if os.environ.get(DISABLE_VARIABLE):
        return build()
    path = cache_dir() / f"{name}-{cache_key()}.pickle"
    value = _read(path)
    if value is None:
        value = build()
        _write(path, value)
    return value  # type: ignore[return-value]
