"""Where reviewer decisions are kept: an append-only SQLite file, and the match of a stored
decision to a finding of a later version.

Storage: WAL mode so readers never block the writer, ``busy_timeout`` so two writers queue
instead of failing with "database is locked", every write in ``BEGIN IMMEDIATE`` ... ``COMMIT``
(taking the write lock up front avoids the deadlock of two deferred transactions upgrading at
once), and rows are only ever appended: the latest decision for a key and fingerprint wins and
the history stays for audit.

A database that is not lawcheck's (another application's SQLite file, or a corrupt one) is
refused with one line before anything is written to it. `lawcheck check` opens the store
read-only (immutable unless a writer's log is live), so it never changes the file and
works on a draft in a read-only folder. Reviewer names and reasons are refused when they hold
control characters: they are printed on terminals and written into Word files.
"""

from __future__ import annotations

import json
import os
import sqlite3
import time
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal

from rapidfuzz import fuzz

from lawcheck.decisions.identity import finding_key, fingerprint, normalise
from lawcheck.errors import InputError
from lawcheck.safe_text import control_characters

DECISIONS = ("accepted", "dismissed")
SIMILAR_RATIO = 90.0
SCHEMA_VERSION = 1
BUSY_TIMEOUT_MS = 30_000
MAX_REASON_CHARS = 4000
MAX_REVIEWER_CHARS = 200

Match = Literal["exact", "similar", "changed"]

_SCHEMA = """
CREATE TABLE IF NOT EXISTS decisions (
    id          INTEGER PRIMARY KEY,
    code        TEXT NOT NULL,
    requirement TEXT NOT NULL DEFAULT '',
    safeguard   TEXT NOT NULL DEFAULT '',
    fingerprint TEXT NOT NULL,
    text        TEXT NOT NULL,
    provisions  TEXT NOT NULL DEFAULT '[]',
    status      TEXT NOT NULL CHECK (status IN ('accepted', 'dismissed')),
    reason      TEXT NOT NULL,
    reviewer    TEXT NOT NULL,
    at          TEXT NOT NULL,
    source      TEXT NOT NULL DEFAULT ''
);
CREATE INDEX IF NOT EXISTS decisions_key ON decisions (code, requirement, safeguard);
"""
_COLUMNS = ("id", "code", "requirement", "safeguard", "fingerprint", "text", "provisions", "status",
            "reason", "reviewer", "at", "source")


# --- decisions -------------------------------------------------------------------------------

@dataclass(frozen=True)
class Decision:
    """One recorded decision, and (after a lookup) how it matches the finding at hand."""

    id: int
    code: str
    requirement: str
    safeguard: str
    fingerprint: str
    text: str
    provisions: tuple[str, ...]
    status: str
    reason: str
    reviewer: str
    at: str
    source: str = ""
    match: Match = "exact"
    similarity: float = 100.0

    @property
    def applies(self) -> bool:
        """Whether the decision is in effect for the finding it was looked up for."""
        return self.match != "changed"

    @property
    def needs_rereview(self) -> bool:
        """Any change to the provisions' text since the decision asks the reviewer to look again."""
        return self.match != "exact"

    @property
    def effective_status(self) -> str:
        """accepted or dismissed when in effect; needs_rereview when the text moved too far."""
        return self.status if self.applies else "needs_rereview"

    def to_json(self) -> dict[str, Any]:
        """The `decision` object added to a report finding (a compatible extension of the
        contract). `status` is what is in effect; `recorded` what the reviewer decided;
        `provisions` the eIds the finding pointed at when it was decided."""
        return {"status": self.effective_status, "recorded": self.status, "reason": self.reason,
                "reviewer": self.reviewer, "at": self.at, "needs_rereview": self.needs_rereview,
                "match": self.match, "similarity": round(self.similarity, 1),
                "provisions": list(self.provisions)}

    @classmethod
    def from_row(cls, row: Sequence[Any]) -> Decision:
        data = dict(zip(_COLUMNS, row, strict=True))
        data["provisions"] = tuple(json.loads(data["provisions"] or "[]"))
        return cls(**data)


def latest_per_fingerprint(rows: Iterable[Decision]) -> list[Decision]:
    """Rows come in id order; a later decision on the same text replaces an earlier one."""
    latest: dict[str, Decision] = {}
    for row in rows:
        latest.pop(row.fingerprint, None)
        latest[row.fingerprint] = row
    return list(latest.values())


def best_match(candidates: Iterable[Decision], finding: Mapping[str, Any], text: str) -> Decision | None:
    """The decision that fits a finding whose provisions now read `text`, or None."""
    current = latest_per_fingerprint(candidates)
    if not current:
        return None
    wanted = fingerprint(text)
    exact = next((d for d in current if d.fingerprint == wanted), None)
    if exact is not None:
        return replace(exact, match="exact", similarity=100.0)
    norm = normalise(text)
    scored = [(fuzz.ratio(norm, d.text), i, d) for i, d in enumerate(current)]
    score, _, decision = max(scored, key=lambda item: (item[0], item[1]))
    if score >= SIMILAR_RATIO:
        return replace(decision, match="similar", similarity=score)
    same_place = bool(set(finding.get("provisions") or ()) & set(decision.provisions))
    if finding.get("requirement") or same_place:
        return replace(decision, match="changed", similarity=score)
    return None


# --- the store -------------------------------------------------------------------------------

def check_decision_text(reason: str, reviewer: str) -> None:
    """InputError unless the reason and reviewer name are present, of sane length and free of
    control characters (they end up on terminals and in Word files)."""
    for label, value, limit in (("reason", reason, MAX_REASON_CHARS), ("reviewer", reviewer, MAX_REVIEWER_CHARS)):
        if not value.strip():
            raise InputError(f"a decision needs a {label}")
        if len(value) > limit:
            raise InputError(f"the {label} is {len(value):,} characters long (at most {limit:,})")
        found = control_characters(value)
        if found:
            raise InputError(f"the {label} holds control characters ({', '.join(found[:3])}): remove them")


class DecisionStore:
    """Decisions in one SQLite file; safe to share between processes. With read_only=True the
    file is never written, and must already be a lawcheck decisions database."""

    def __init__(self, path: Path | str, *, timeout_ms: int = BUSY_TIMEOUT_MS, read_only: bool = False) -> None:
        self.path = Path(path)
        self.read_only = read_only
        try:
            self._conn = self._connect(timeout_ms)
            self._refuse_foreign()
            if not read_only:
                self._configure(timeout_ms)
                self._create_schema()
        except sqlite3.DatabaseError as error:
            raise InputError(f"cannot open the decisions database: {_one_line(error)}",
                             source=str(self.path)) from None

    def _connect(self, timeout_ms: int) -> sqlite3.Connection:
        if not self.read_only:
            return sqlite3.connect(str(self.path), timeout=timeout_ms / 1000, isolation_level=None)
        # Without a write-ahead log the file holds every decision: read it as immutable, which
        # creates no -shm/-wal files and needs no write access to the folder.
        live_log = self.path.with_name(self.path.name + "-wal").exists() and os.access(self.path.parent, os.W_OK)
        mode = "mode=ro" if live_log else "mode=ro&immutable=1"
        conn = sqlite3.connect(f"{self.path.resolve().as_uri()}?{mode}", uri=True,
                               timeout=timeout_ms / 1000, isolation_level=None)
        conn.execute(f"PRAGMA busy_timeout = {int(timeout_ms)}")
        return conn

    def _refuse_foreign(self) -> None:
        """Refuse, before any write, a file that is not empty and not a lawcheck database."""
        tables = {row[0] for row in self._conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if not tables and not self.read_only:
            return
        columns = {row[1] for row in self._conn.execute("PRAGMA table_info(decisions)")}
        if not set(_COLUMNS) <= columns:
            raise InputError("not a lawcheck decisions database (it has no decisions table of lawcheck's)",
                             source=str(self.path))

    def _configure(self, timeout_ms: int) -> None:
        """busy_timeout first, so that switching to WAL also waits for a concurrent opener."""
        self._conn.execute(f"PRAGMA busy_timeout = {int(timeout_ms)}")
        deadline = time.monotonic() + timeout_ms / 1000
        while True:
            try:
                self._conn.execute("PRAGMA journal_mode = WAL").fetchone()
                break
            except sqlite3.OperationalError as error:
                if "locked" not in str(error) or time.monotonic() > deadline:
                    raise
                time.sleep(0.05)
        # FULL: decisions are typed by people, a few a minute; each one is worth an fsync.
        self._conn.execute("PRAGMA synchronous = FULL")

    def _create_schema(self) -> None:
        with self.transaction() as conn:
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            if version > SCHEMA_VERSION:
                raise InputError(f"decisions database version {version} is newer than this lawcheck "
                                 f"understands ({SCHEMA_VERSION})", source=str(self.path))
            # Not executescript: it would COMMIT first and leave the schema outside the lock.
            for statement in filter(str.strip, _SCHEMA.split(";")):
                conn.execute(statement)
            if version < SCHEMA_VERSION:
                conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """BEGIN IMMEDIATE ... COMMIT, rolled back on any error. Re-entrant: `record` calls made
        inside an outer transaction join it (and commit with it)."""
        if self._conn.in_transaction:
            yield self._conn
            return
        self._conn.execute("BEGIN IMMEDIATE")
        try:
            yield self._conn
        except BaseException:
            self._conn.execute("ROLLBACK")
            raise
        self._conn.execute("COMMIT")

    def record(self, finding: Mapping[str, Any], provisions_text: str, decision: str, reason: str,
               reviewer: str, *, source: str = "") -> Decision:
        """Store a decision on a finding whose provisions read `provisions_text` now."""
        if decision not in DECISIONS:
            raise ValueError(f"decision must be one of {', '.join(DECISIONS)}, not {decision!r}")
        check_decision_text(reason, reviewer)
        code, requirement, safeguard = finding_key(finding)
        row: dict[str, Any] = {
            "code": code, "requirement": requirement, "safeguard": safeguard,
            "fingerprint": fingerprint(provisions_text), "text": normalise(provisions_text),
            "provisions": json.dumps(list(finding.get("provisions") or ())), "status": decision,
            "reason": reason.strip(), "reviewer": reviewer.strip(),
            "at": datetime.now(UTC).isoformat(timespec="seconds"), "source": source}
        with self.transaction() as conn:
            cursor = conn.execute(f"INSERT INTO decisions ({', '.join(row)}) "
                                  f"VALUES ({', '.join('?' * len(row))})", tuple(row.values()))
            row["id"] = cursor.lastrowid
        return Decision.from_row([row[column] for column in _COLUMNS])

    def all(self) -> list[Decision]:
        """Every decision ever recorded, oldest first (the audit trail)."""
        try:
            rows = self._conn.execute(f"SELECT {', '.join(_COLUMNS)} FROM decisions ORDER BY id").fetchall()
            return [Decision.from_row(row) for row in rows]
        except (sqlite3.DatabaseError, ValueError, TypeError) as error:
            raise InputError(f"cannot read the decisions database: {_one_line(error)}",
                             source=str(self.path)) from None

    def current(self) -> list[Decision]:
        """The decision in force for each finding key and text: later ones replace earlier."""
        by_key: dict[tuple[str, str, str], list[Decision]] = {}
        for decision in self.all():
            by_key.setdefault((decision.code, decision.requirement, decision.safeguard), []).append(decision)
        return [d for rows in by_key.values() for d in latest_per_fingerprint(rows)]

    def lookup(self, finding: Mapping[str, Any], provisions_text: str) -> Decision | None:
        """The decision for this finding, with how well its text still matches; None if none."""
        rows = self._conn.execute(
            f"SELECT {', '.join(_COLUMNS)} FROM decisions WHERE code = ? AND requirement = ? "
            "AND safeguard = ? ORDER BY id", finding_key(finding)).fetchall()
        return best_match((Decision.from_row(row) for row in rows), finding, provisions_text)

    def integrity(self) -> str:
        """SQLite's own check: 'ok' for a sound file."""
        return str(self._conn.execute("PRAGMA integrity_check").fetchone()[0])

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> DecisionStore:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


def open_store(path: Path, *, create: bool = False, named: bool = False) -> DecisionStore | None:
    """The store at `path`. With create=False (a check, a listing) a missing file gives None,
    or an InputError when the user named it (`named`), and an existing one is opened read-only:
    looking at decisions must not leave files behind nor change them. With create=True the
    folder and the file are made as needed."""
    if not create and not path.is_file():
        if named:
            raise InputError("decisions database not found", source=str(path))
        return None
    if path.exists() and not path.is_file():
        raise InputError("the decisions database is not a file", source=str(path))
    if create:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise InputError(f"cannot make the decisions folder: {_one_line(error)}",
                             source=str(path.parent)) from None
    return DecisionStore(path, read_only=not create)


def _one_line(error: BaseException) -> str:
    return " ".join(str(error).split())[:200] or type(error).__name__
