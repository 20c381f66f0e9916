"""The drafts the page was given, kept by the SHA-256 of their bytes so that a link can name one.

A link to a review carries the digest of the draft (and of the version it is compared with),
never a path or the draft's text. The files sit beside the reviewer decisions
(`lawcheck.ui.decisions.decisions_dir`): in the workspace's folder when a workspace is named,
so that a draft uploaded in one workspace is found only from that workspace, else in a folder
shared by the sessions without one. A digest is 64 hex digits: it names nothing a visitor can
guess, and it is checked before it touches a path.

The store is bounded like the uploads: one file at most `MAX_BYTES`, at most `MAX_DRAFTS`
drafts per folder (the least recently opened go first). A stored draft is read back with
the same checks as an upload (`lawcheck.draft.load_upload`, by the caller), and its bytes
must still hash to its name.
"""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path

from lawcheck.errors import InputError
from lawcheck.ingest import DRAFT_SUFFIXES
from lawcheck.safe_text import control_characters
from lawcheck.ui.decisions import decisions_dir, workspace_dir

MAX_BYTES = 50 * 1024 * 1024  # as the upload limit of .streamlit/config.toml and the XML reader
MAX_DRAFTS = 200
MAX_NAME_CHARS = 200
SUFFIXES = (".xml", *sorted(DRAFT_SUFFIXES))
_DIGEST = re.compile(r"[0-9a-f]{64}")


@dataclass(frozen=True)
class StoredDraft:
    """A draft as the store returns it: the name it was uploaded under, its bytes and digest."""

    name: str
    data: bytes
    digest: str


def is_digest(text: str) -> bool:
    """Whether `text` is a SHA-256 digest as the store names drafts (lower-case hex)."""
    return bool(_DIGEST.fullmatch(text))


def digest_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def drafts_dir(workspace: str) -> Path:
    """The folder of the drafts of one workspace, or of the sessions without one."""
    return (workspace_dir(workspace) if workspace else decisions_dir()) / "drafts"


def _suffix(name: str) -> str:
    suffix = Path(name).suffix.lower()
    if suffix not in SUFFIXES:
        raise InputError(f"{name}: a stored draft must be one of {', '.join(SUFFIXES)}")
    return suffix


def _clean_name(name: str) -> str:
    """The upload's file name as the page shows it: no folders, no control characters, bounded."""
    base = Path(name.replace("\\", "/")).name
    base = "".join(ch for ch in base if not control_characters(ch)).strip()
    return base[:MAX_NAME_CHARS] or "draft.xml"


def store_draft(name: str, data: bytes, workspace: str) -> str:
    """Keep a draft under its digest and return the digest. Writing the same bytes again only
    marks the draft as recently used."""
    name = _clean_name(name)
    suffix = _suffix(name)
    if len(data) > MAX_BYTES:
        raise InputError(f"{name}: larger than {MAX_BYTES // (1024 * 1024)} MB")
    digest = digest_of(data)
    folder = drafts_dir(workspace)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{digest}{suffix}"
    label = folder / f"{digest}.name"
    if path.is_file():
        path.touch()
    else:
        _write(path, data)
    _write(label, name.encode("utf-8"))
    _evict(folder)
    return digest


def _write(path: Path, data: bytes) -> None:
    """Write through a temporary file in the same folder, so a reader never sees half a draft."""
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _drafts(folder: Path) -> list[Path]:
    return [path for path in folder.iterdir()
            if path.suffix in SUFFIXES and is_digest(path.stem) and path.is_file()]


def _evict(folder: Path) -> None:
    """Keep the `MAX_DRAFTS` most recently used drafts of a folder."""
    found = sorted(_drafts(folder), key=lambda path: path.stat().st_mtime_ns, reverse=True)
    for path in found[MAX_DRAFTS:]:
        path.unlink(missing_ok=True)
        path.with_suffix(".name").unlink(missing_ok=True)


def load_stored(digest: str, workspace: str) -> StoredDraft | None:
    """The draft stored under `digest` for this workspace; None when there is none (or the
    digest is malformed, or the file no longer matches its digest, or is too large)."""
    if not is_digest(digest):
        return None
    folder = drafts_dir(workspace)
    for suffix in SUFFIXES:
        path = folder / f"{digest}{suffix}"
        if not path.is_file():
            continue
        if path.stat().st_size > MAX_BYTES:
            return None
        data = path.read_bytes()
        if digest_of(data) != digest:
            return None
        try:
            name = _clean_name(path.with_suffix(".name").read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError):
            name = f"draft{suffix}"
        if Path(name).suffix.lower() != suffix:
            name = f"draft{suffix}"
        path.touch()
        return StoredDraft(name, data, digest)
    return None
