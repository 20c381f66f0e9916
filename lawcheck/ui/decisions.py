"""Reviewer decisions in the app: where they are kept, and the report with them attached.

An upload has no folder to keep a database beside, so the app keeps one SQLite file per draft
in `$LAWCHECK_DECISIONS_DIR` (default `~/.lawcheck/decisions/`), named after the draft's FRBR
work URI (its title for a Word or text draft, whose URI the importer made up): the next
version of the same draft opens the same file, and `lawcheck.decisions` carries each decision
over, or flags it for re-review, by the text of the provisions. Storing and matching are
`lawcheck.decisions`'; this module only chooses the file and never changes the cached report.

On a shared server the page is used by people who must not see each other's decisions, so
every database sits in a workspace folder: the signed-in user where the server provides one,
else a workspace named in the page. Without a workspace no decision is shown or recorded.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path
from typing import Any

from lawcheck.decisions.attach import attach_decisions
from lawcheck.decisions.identity import provisions_text
from lawcheck.decisions.store import DB_SUFFIX, Decision, DecisionStore
from lawcheck.engine.align import Analysis
from lawcheck.errors import InputError
from lawcheck.safe_text import control_characters
from lawcheck.ui.model import ReportView

ENV_DIR = "LAWCHECK_DECISIONS_DIR"
WORKSPACE_ENV = "LAWCHECK_WORKSPACE"
"""The workspace the page starts with, for a one-person server; a shared one leaves it unset."""
MAX_WORKSPACE_CHARS = 80
DEFAULT_DIR = Path("~/.lawcheck/decisions")
NAME_CHARS = 80
_UNSAFE = re.compile(r"[^\w-]+")


def decisions_dir() -> Path:
    """The folder of the app's decision databases, read on every use so a test or a server
    can point it elsewhere with the environment variable."""
    configured = os.environ.get(ENV_DIR, "").strip()
    folder = Path(configured) if configured else DEFAULT_DIR
    try:
        return folder.expanduser()
    except RuntimeError:  # "~nosuchuser/x", or no home folder at all
        raise InputError(f"{ENV_DIR}: cannot find the home folder in {str(folder)!r}") from None


def draft_identity(document: Mapping[str, Any], *, imported: bool) -> str:
    """What stays the same from one version of a draft to the next: the FRBR work URI a
    drafting system wrote, else the title."""
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


def workspace_dir(workspace: str) -> Path:
    """The folder of one workspace's databases: its readable name plus a digest of the whole,
    so that "Team A" and "team-a" never share a folder."""
    readable = _UNSAFE.sub("_", workspace).strip("_")[:NAME_CHARS] or "workspace"
    digest = hashlib.sha256(workspace.encode("utf-8")).hexdigest()[:12]
    return decisions_dir() / "workspaces" / f"{readable}-{digest}"


def database_path(document: Mapping[str, Any], *, imported: bool, workspace: str) -> Path:
    """The database of this draft in this workspace."""
    return workspace_dir(workspace) / database_name(draft_identity(document, imported=imported))


def stamp(path: Path) -> tuple[tuple[int, int], ...]:
    """Changes whenever a decision is written, by this session or another one: the sizes and
    times of the database and its write-ahead log. Cheaper than opening SQLite on every rerun."""
    stamps = []
    for candidate in (path, path.with_name(path.name + "-wal")):
        try:
            info = candidate.stat()
        except OSError:
            continue
        stamps.append((info.st_mtime_ns, info.st_size))
    return tuple(stamps)


def with_decisions(view: ReportView, analysis: Analysis, path: Path) -> ReportView:
    """The view over a copy of the report whose findings carry their decisions.

    The indexes of the findings stay valid (same findings, same order). No database yet
    means no decisions: nothing is created by looking."""
    if not path.is_file():
        return view
    with DecisionStore(path, read_only=True) as store:
        report = attach_decisions(view.report, analysis, store)
    return replace(view, report=report, findings=report["findings"])


def record_decision(path: Path, finding: Mapping[str, Any], analysis: Analysis, decision: str, reason: str,
                    reviewer: str, *, source: str = "") -> Decision:
    """Store one decision, keyed on the text of the finding's provisions as they read now.

    One connection per action: SQLite connections belong to the thread that opened them, and
    Streamlit runs each rerun on its own."""
    path.parent.mkdir(parents=True, exist_ok=True)
    text = provisions_text(analysis, finding.get("provisions") or ())
    with DecisionStore(path) as store:
        return store.record(finding, text, decision, reason, reviewer, source=source)


def decision_counts(report: Mapping[str, Any]) -> dict[str, int]:
    """accepted, dismissed, needs_rereview and not_raised from the report's review summary."""
    review = report.get("review") or {}
    return {key: int(review.get(key, 0)) for key in ("accepted", "dismissed", "needs_rereview", "not_raised")}


def shown_path(path: Path) -> str:
    """The path as the sidebar shows it: `~/...` under the home folder, which is shorter and
    does not print the account name on a shared screen."""
    try:
        return "~/" + path.relative_to(Path.home()).as_posix()
    except (ValueError, RuntimeError):
        return str(path)
