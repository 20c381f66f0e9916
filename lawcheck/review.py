"""Reviewer decisions: accept or dismiss a finding, with a reason and a name, kept in SQLite.

An expert's decision is worth more than the run that prompted it, so it must survive the next
version of the draft. A decision is therefore keyed on what the finding *is*, not on where it
sits: the finding's code, requirement and safeguard, plus a fingerprint of the normalised text
of the provisions it points at. eIds are kept for display only, so a renumbered but unchanged
section still matches exactly.

Looking a decision up for a finding gives one of three matches:

- ``exact``: same key, same fingerprint. The decision applies.
- ``similar``: same key, text changed a little (rapidfuzz ``ratio`` >= 90 over the normalised
  text). The decision still applies, flagged ``needs_rereview`` so the reviewer confirms it.
- ``changed``: same key, text changed materially. The decision is *not* applied: the finding
  shows status ``needs_rereview`` with the earlier decision beside it. For findings without a
  requirement (draft consistency codes that can occur many times), this needs the same eId too,
  otherwise an unrelated provision with the same code would inherit someone else's decision.

Storage: WAL mode so readers never block the writer, ``busy_timeout`` so two writers queue
instead of failing with "database is locked", every write in ``BEGIN IMMEDIATE`` ... ``COMMIT``
(taking the write lock up front avoids the deadlock of two deferred transactions upgrading at
once), and rows are only ever appended: the latest decision for a key and fingerprint wins and
the history stays for audit.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import sqlite3
import sys
import time
import unicodedata
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from rapidfuzz import fuzz

from lawcheck.errors import InputError

if TYPE_CHECKING:
    from lawcheck.align import Analysis

DECISIONS = ("accepted", "dismissed")
SIMILAR_RATIO = 90.0
SCHEMA_VERSION = 1
BUSY_TIMEOUT_MS = 30_000
DB_SUFFIX = ".lawcheck.sqlite"

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


# --- text identity ---------------------------------------------------------------------------

def normalise(text: str) -> str:
    """Lower-case, whitespace collapsed, digits kept: layout and capitals are not material,
    a period of 90 days against 180 days is."""
    return " ".join(unicodedata.normalize("NFKC", text).lower().split())


def fingerprint(text: str) -> str:
    """A stable digest of the normalised text, so equal wording matches in any later draft."""
    return hashlib.sha256(normalise(text).encode("utf-8")).hexdigest()


def provision_text(analysis: Analysis, eid: str) -> str:
    """What a reader sees in the provision, children included, without its own number: a
    section renumbered from 16 to 17 has not changed in substance."""
    provision = analysis.provision(eid)
    if provision is None:
        unit = analysis.units.get(eid)
        return unit.tagged.text if unit is not None else ""
    text = provision.text
    if provision.num and text.startswith(provision.num):
        text = text[len(provision.num):]
    return text


def provisions_text(analysis: Analysis, eids: Iterable[str]) -> str:
    """The normalised texts of a finding's provisions, sorted so that the order in which the
    engine lists them (by alignment score, which may move) does not change the fingerprint."""
    return "\n".join(sorted(normalise(provision_text(analysis, eid)) for eid in dict.fromkeys(eids)))


def finding_key(finding: Mapping[str, Any]) -> tuple[str, str, str]:
    """What a finding is: its code, requirement and safeguard ('' when absent)."""
    return (str(finding["code"]), finding.get("requirement") or "", finding.get("safeguard") or "")


def default_db_path(draft: Path) -> Path:
    """`bill.xml` -> `bill.lawcheck.sqlite` beside it: a Word draft and the XML imported from it
    share their decisions."""
    return draft.with_name(draft.stem + DB_SUFFIX)


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


def _latest_per_fingerprint(rows: Iterable[Decision]) -> list[Decision]:
    """Rows come in id order; a later decision on the same text replaces an earlier one."""
    latest: dict[str, Decision] = {}
    for row in rows:
        latest.pop(row.fingerprint, None)
        latest[row.fingerprint] = row
    return list(latest.values())


def best_match(candidates: Iterable[Decision], finding: Mapping[str, Any], text: str) -> Decision | None:
    """The decision that fits a finding whose provisions now read `text`, or None."""
    current = _latest_per_fingerprint(candidates)
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

class DecisionStore:
    """Decisions in one SQLite file; safe to share between processes."""

    def __init__(self, path: Path | str, *, timeout_ms: int = BUSY_TIMEOUT_MS) -> None:
        self.path = Path(path)
        try:
            self._conn = sqlite3.connect(str(self.path), timeout=timeout_ms / 1000,
                                         isolation_level=None)
            self._configure(timeout_ms)
            self._create_schema()
        except sqlite3.DatabaseError as error:
            raise InputError(f"cannot open the decisions database: {error}", source=str(self.path)) from error

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
        if not reason.strip() or not reviewer.strip():
            raise ValueError("a decision needs a reason and a reviewer")
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
        rows = self._conn.execute(f"SELECT {', '.join(_COLUMNS)} FROM decisions ORDER BY id").fetchall()
        return [Decision.from_row(row) for row in rows]

    def current(self) -> list[Decision]:
        """The decision in force for each finding key and text: later ones replace earlier."""
        by_key: dict[tuple[str, str, str], list[Decision]] = {}
        for decision in self.all():
            by_key.setdefault((decision.code, decision.requirement, decision.safeguard), []).append(decision)
        return [d for rows in by_key.values() for d in _latest_per_fingerprint(rows)]

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


# --- decisions in reports --------------------------------------------------------------------

@dataclass(frozen=True)
class Matched:
    """Which stored decision went to which finding of a report, and which found no finding."""

    pairs: list[tuple[dict[str, Any], Decision]]
    unmatched: list[Decision]


def match_decisions(findings: Sequence[dict[str, Any]], analysis: Analysis,
                    decisions: Iterable[Decision]) -> Matched:
    """Give each finding its decision; one database read for the whole report."""
    by_key: dict[tuple[str, str, str], list[Decision]] = {}
    for decision in decisions:
        by_key.setdefault((decision.code, decision.requirement, decision.safeguard), []).append(decision)
    pairs, used = [], set()
    for finding in findings:
        candidates = by_key.get(finding_key(finding))
        if not candidates:
            continue
        text = provisions_text(analysis, finding.get("provisions") or ())
        decision = best_match(candidates, finding, text)
        if decision is not None:
            pairs.append((finding, decision))
            used.add(decision.id)
    unmatched = [d for rows in by_key.values() for d in _latest_per_fingerprint(rows) if d.id not in used]
    return Matched(pairs, unmatched)


def attach_decisions(report: dict[str, Any], analysis: Analysis, store: DecisionStore | None) -> dict[str, Any]:
    """Add a `decision` object to each finding of `report` that has one (in place), and a
    `review` summary at the top level. Returns that summary. A None store does nothing, so a
    caller can pass `open_store(...)` straight through."""
    if store is None:
        return {}
    matched = match_decisions(report["findings"], analysis, store.all())
    for finding, decision in matched.pairs:
        finding["decision"] = decision.to_json()
    statuses = [decision.effective_status for _, decision in matched.pairs]
    summary = {"database": store.path.name, "accepted": statuses.count("accepted"),
               "dismissed": statuses.count("dismissed"),
               "needs_rereview": sum(d.needs_rereview for _, d in matched.pairs),
               "not_raised": len(matched.unmatched)}
    report["review"] = summary
    return summary


def open_store(draft: Path, db: str | Path | None = None, *, create: bool = False) -> DecisionStore | None:
    """The store for a draft: `db` if given, else the file beside the draft. With create=False
    (a check) a missing file gives None: checking a draft must not leave files behind it."""
    path = Path(db) if db else default_db_path(draft)
    if not create and not path.is_file():
        if db:
            raise InputError("decisions database not found", source=str(path))
        return None
    return DecisionStore(path)


def decision_note(finding: Mapping[str, Any], lang: str = "en") -> str:
    """One line for text, Markdown and HTML reports and the Word commentary ('' if none)."""
    from lawcheck.i18n import tr

    decision = finding.get("decision")
    if not decision:
        return ""
    recorded = decision["recorded"]
    status = tr(f"decision.{recorded}", lang) if recorded in {"accepted", "dismissed"} else recorded
    who = tr("decision.who", lang, status=status, reviewer=decision["reviewer"], date=decision["at"][:10],
             reason=decision["reason"])
    if decision["status"] == "needs_rereview":
        return tr("decision.rereview", lang, who=who)
    if decision["needs_rereview"]:
        return tr("decision.confirm", lang, who=who)
    return who


# --- `lawcheck review` -----------------------------------------------------------------------

def add_review_parser(sub: Any) -> argparse.ArgumentParser:
    """`lawcheck review FILE --finding CODE --accept|--dismiss --reason TEXT --reviewer NAME`
    and `lawcheck review FILE --list`; `sub` is the subparsers object of the main parser."""
    review = sub.add_parser("review", help="accept or dismiss a finding, or list the decisions on a draft")
    review.add_argument("file", help="the draft (Akoma Ntoso XML, .docx or .txt)")
    action = review.add_mutually_exclusive_group(required=True)
    action.add_argument("--accept", dest="decision", action="store_const", const="accepted",
                        help="the finding is right: the draft must change")
    action.add_argument("--dismiss", dest="decision", action="store_const", const="dismissed",
                        help="the finding is wrong or does not apply")
    action.add_argument("--list", action="store_true", help="list the decisions and how they apply to FILE")
    review.add_argument("--finding", metavar="CODE", help="the finding's code, e.g. BC-16/max_duration")
    review.add_argument("--provision", metavar="EID", help="which one, when the code occurs more than once")
    review.add_argument("--reason", help="why (required with --accept and --dismiss)")
    review.add_argument("--reviewer", default=os.environ.get("LAWCHECK_REVIEWER"),
                        help="who decides (default: $LAWCHECK_REVIEWER)")
    review.add_argument("--db", metavar="PATH", help=f"decisions database (default: FILE's stem + {DB_SUFFIX})")
    review.add_argument("--format", choices=["text", "json"], default="text", help="output of --list")
    review.add_argument("--lang", choices=["auto", "en", "ru"], default="auto")
    review.add_argument("--instruments", default="BC,SP", help="BC, SP or BC,SP (default)")
    review.set_defaults(handler=run_review)
    return review


def _check_draft(path: Path, lang: str, instruments: str) -> Any:
    """The same check `lawcheck check` runs, so codes and provisions match what the user saw."""
    from lawcheck.report import check_document, parse_instruments, read_draft
    from lawcheck.rulebook.loader import load_rulebook
    from lawcheck.settings import load_settings

    chosen = parse_instruments(instruments)
    if not path.is_file():
        raise InputError("no such file", source=str(path))
    return check_document(read_draft(path, lang=lang), lang=lang, instruments=chosen,
                          settings=load_settings(path, load_rulebook()), source=path.name)


def select_finding(findings: Sequence[dict[str, Any]], code: str, provision: str | None,
                   source: str) -> dict[str, Any]:
    """The one finding the user means, or an InputError (exit 2) that says how to name it."""
    import difflib

    matches = [f for f in findings if f["code"].lower() == code.lower()]
    if provision:
        matches = [f for f in matches if provision in (f.get("provisions") or ())]
    if not matches:
        where = f" at {provision}" if provision else ""
        close = difflib.get_close_matches(code, [f["code"] for f in findings], n=1)
        hint = f" (did you mean {close[0]}?)" if close else " (`lawcheck review FILE --list` lists them)"
        raise InputError(f"no finding {code}{where} in this draft{hint}", source=source)
    if len(matches) > 1:
        places = "; ".join(", ".join(f.get("provisions") or ["-"]) for f in matches)
        raise InputError(f"finding {code} occurs {len(matches)} times ({places}): add --provision EID",
                         source=source)
    return matches[0]


def _record(args: argparse.Namespace, path: Path) -> int:
    missing = [flag for flag, value in (("--finding", args.finding), ("--reason", args.reason),
                                        ("--reviewer", args.reviewer)) if not (value or "").strip()]
    if missing:
        flag = {"accepted": "--accept", "dismissed": "--dismiss"}[args.decision]
        raise InputError(f"lawcheck review: {flag} needs {', '.join(missing)}")
    check = _check_draft(path, args.lang, args.instruments)
    finding = select_finding(check.report["findings"], args.finding, args.provision, str(path))
    store = open_store(path, args.db, create=True)
    assert store is not None
    with store:
        store.record(finding, provisions_text(check.analysis, finding.get("provisions") or ()),
                     args.decision, args.reason, args.reviewer, source=path.name)
    where = f" @ {', '.join(finding['provisions'])}" if finding.get("provisions") else ""
    print(f"{args.decision} {finding['code']}{where} by {args.reviewer.strip()}: saved in {store.path}")
    return 0


def _list(args: argparse.Namespace, path: Path) -> int:
    store = open_store(path, args.db, create=False)
    if store is None:
        raise InputError(f"no decisions yet: {default_db_path(path)} does not exist (use --db PATH)",
                         source=str(path))
    check = _check_draft(path, args.lang, args.instruments)
    with store:
        matched = match_decisions(check.report["findings"], check.analysis, store.all())
    entries = [{"code": f["code"], "provisions": f.get("provisions", []), "raised": True,
                "decision": d.to_json()} for f, d in matched.pairs]
    entries += [{"code": d.code, "provisions": list(d.provisions), "raised": False,
                 "decision": {**d.to_json(), "status": d.status, "match": None}} for d in matched.unmatched]
    if args.format == "json":
        sys.stdout.write(json.dumps({"database": str(store.path), "decisions": entries},
                                    ensure_ascii=False, indent=2) + "\n")
        return 0
    print(f"{store.path}: {len(entries)} decision(s) on {path.name}")
    for entry in entries:
        decision = entry["decision"]
        state = ("not raised by this version" if not entry["raised"] else
                 "re-review: provision changed materially" if decision["status"] == "needs_rereview" else
                 f"applies, re-review: provision changed slightly ({decision['similarity']:.0f})"
                 if decision["needs_rereview"] else "applies")
        where = f" @ {', '.join(entry['provisions'])}" if entry["provisions"] else ""
        print(f"  {decision['recorded']:<9} {entry['code']}{where}  [{state}]")
        print(f"            {decision['reviewer']}, {decision['at'][:10]}: {decision['reason']}")
    return 0


def run_review(args: argparse.Namespace) -> int:
    """Handler of `lawcheck review`: record a decision, or list them."""
    path = Path(args.file)
    return _list(args, path) if args.list else _record(args, path)
