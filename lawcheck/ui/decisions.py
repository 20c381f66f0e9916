"""Reviewer decisions in the app: the database of the draft shown, and the report with them
attached.

Where the database is (per workspace, per draft, carried across versions) is
`lawcheck.decisions.location`'s rule, the same one `lawcheck review` and `lawcheck check`
follow, so a decision made in the page is listed by the command line and the other way round.
Storing and matching are `lawcheck.decisions`'; this module only opens the file and never
changes the cached report.

On a shared server the page is used by people who must not see each other's decisions, so
every database sits in a workspace folder: the signed-in user where the server provides one,
else a workspace named in the page. Without a workspace no decision is shown or recorded.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path
from typing import Any

from lawcheck.decisions.attach import attach_decisions
from lawcheck.decisions.identity import provisions_text
from lawcheck.decisions.location import (
    ENV_DIR,
    WORKSPACE_ENV,
    database_name,
    database_path,
    decisions_dir,
    default_workspace,
    draft_identity,
    workspace_dir,
    workspace_name,
)
from lawcheck.decisions.store import Decision, DecisionStore
from lawcheck.engine.align import Analysis
from lawcheck.ui.model import ReportView

__all__ = ["ENV_DIR", "WORKSPACE_ENV", "database_name", "database_path", "decision_counts", "decisions_dir",
           "default_workspace", "draft_identity", "record_decision", "stamp", "with_decisions", "workspace_dir",
           "workspace_name"]


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
