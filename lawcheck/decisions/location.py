"""Where the decisions on a draft are kept: one rule for the page and the command line.

Every decision database sits in a workspace folder under `$LAWCHECK_DECISIONS_DIR` (default
`~/.lawcheck/decisions/`), one SQLite file per draft named after what stays the same from one
version to the next: the FRBR work URI a drafting system wrote, else the title (a Word or text
draft's URI is made up by the importer). So the page, `lawcheck review` and `lawcheck check`
open the same file for the same draft in the same workspace, and the next version of the draft
opens it too.

The workspace is the page's signed-in user or the name typed in its sidebar; on the command
line `--workspace`, else `$LAWCHECK_WORKSPACE` (which also pre-fills the page's), else the
account the command runs under.
"""

from __future__ import annotations

import getpass
import hashlib
import os
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from lawcheck.errors import InputError
from lawcheck.safe_text import control_characters

DB_SUFFIX = ".lawcheck.sqlite"
ENV_DIR = "LAWCHECK_DECISIONS_DIR"
WORKSPACE_ENV = "LAWCHECK_WORKSPACE"
"""The workspace the page starts with and the command line's default."""
DEFAULT_DIR = Path("~/.lawcheck/decisions")
MAX_WORKSPACE_CHARS = 80
NAME_CHARS = 80
_UNSAFE = re.compile(r"[^\w-]+")


def decisions_dir() -> Path:
    """The folder of every workspace's databases, read on every use so a test or a server can
    point it elsewhere with the environment variable."""
    configured = os.environ.get(ENV_DIR, "").strip()
    folder = Path(configured) if configured else DEFAULT_DIR
    try:
        return folder.expanduser()
    except RuntimeError:  # "~nosuchuser/x", or no home folder at all
        raise InputError(f"{ENV_DIR}: cannot find the home folder in {str(folder)!r}") from None


def draft_identity(document: Mapping[str, Any], *, imported: bool) -> str:
    """What stays the same from one version of a draft to the next: the FRBR work URI a
    drafting system wrote, else the title. `document` is a report's `document` object."""
    uri = str(document.get("frbr_uri") or "")
    if uri and not imported:
        return uri
    return str(document.get("title") or document.get("source") or "draft")


def database_name(identity: str) -> str:
    """A safe file name: the identity's letters and digits (any script), shortened, plus a
    digest of the whole, so two long titles that begin alike never share decisions."""
    readable = _UNSAFE.sub("_", identity).strip("_")[:NAME_CHARS] or "draft"
    digest = hashlib.sha256(identity.encode("utf-8")).hexdigest()[:8]
    return f"{readable}-{digest}{DB_SUFFIX}"


def workspace_name(text: str) -> str:
    """The workspace as typed, trimmed; InputError when it is too long or holds control
    characters. An empty name is allowed: it means no workspace yet."""
    name = " ".join(text.split())
    if len(name) > MAX_WORKSPACE_CHARS:
        raise InputError(f"a workspace name has at most {MAX_WORKSPACE_CHARS} characters")
    if control_characters(text.replace("\t", " ")):
        raise InputError("a workspace name cannot hold control characters")
    return name


def default_workspace() -> str:
    """The workspace named by `$LAWCHECK_WORKSPACE`, trimmed; empty when unset."""
    return os.environ.get(WORKSPACE_ENV, "").strip()


def command_line_workspace(given: str | None) -> str:
    """The command line's workspace: `--workspace`, else `$LAWCHECK_WORKSPACE`, else the
    account the command runs under."""
    for candidate in (given, default_workspace()):
        if candidate and candidate.strip():
            name = workspace_name(candidate)
            if name:
                return name
    try:
        account = getpass.getuser()
    except (KeyError, OSError):  # no user name in the environment nor in the password file
        account = ""
    name = workspace_name(account)
    if not name:
        raise InputError(f"name a workspace with --workspace or ${WORKSPACE_ENV}")
    return name


def workspace_dir(workspace: str) -> Path:
    """The folder of one workspace's databases: its readable name plus a digest of the whole,
    so that "Team A" and "team-a" never share a folder."""
    readable = _UNSAFE.sub("_", workspace).strip("_")[:NAME_CHARS] or "workspace"
    digest = hashlib.sha256(workspace.encode("utf-8")).hexdigest()[:12]
    return decisions_dir() / "workspaces" / f"{readable}-{digest}"


def database_path(document: Mapping[str, Any], *, imported: bool, workspace: str) -> Path:
    """The database of this draft in this workspace."""
    return workspace_dir(workspace) / database_name(draft_identity(document, imported=imported))

