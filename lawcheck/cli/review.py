"""`lawcheck review FILE`: accept or dismiss a finding with a reason and a name, or list the
decisions recorded on a draft and how they apply to this version. The decisions are those of
the draft in the workspace, the same database the review page reads and writes."""

from __future__ import annotations

import argparse
import difflib
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from lawcheck.cli.store import decisions_path
from lawcheck.decisions.attach import match_decisions
from lawcheck.decisions.identity import provisions_text
from lawcheck.decisions.store import Decision, check_decision_text, open_store
from lawcheck.draft import load_draft
from lawcheck.errors import InputError
from lawcheck.pipeline import Check, check_document
from lawcheck.rulebook.loader import load_rulebook
from lawcheck.safe_text import terminal_text
from lawcheck.settings import load_settings
from lawcheck.treaty import parse_instruments


def _check_draft(args: argparse.Namespace, path: Path) -> tuple[Check, Path, bool]:
    """The same check `lawcheck check` runs, so codes and provisions match what the user saw;
    with the draft's decisions database and whether --db named it."""
    chosen = parse_instruments(args.instruments)
    if not path.is_file():
        raise InputError("no such file", source=str(path))
    document = load_draft(path, lang=args.lang).document
    db, named = decisions_path(args, path, document)
    check = check_document(document, lang=args.lang, instruments=chosen,
                           settings=load_settings(path, load_rulebook()), source=path.name)
    return check, db, named


def select_finding(findings: Sequence[dict[str, Any]], code: str, provision: str | None,
                   source: str) -> dict[str, Any]:
    """The one finding the user means, or an InputError (exit 2) that says how to name it."""
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
    check_decision_text(args.reason, args.reviewer)
    check, db, _named = _check_draft(args, path)
    finding = select_finding(check.report["findings"], args.finding, args.provision, str(path))
    store = open_store(db, create=True)
    assert store is not None
    with store:
        store.record(finding, provisions_text(check.analysis, finding.get("provisions") or ()),
                     args.decision, args.reason, args.reviewer, source=path.name)
    where = f" @ {', '.join(finding['provisions'])}" if finding.get("provisions") else ""
    print(f"{args.decision} {finding['code']}{where} by {args.reviewer.strip()}: saved in {store.path}")
    return 0


def _list(args: argparse.Namespace, path: Path) -> int:
    check, db, named = _check_draft(args, path)
    store = open_store(db, named=named)
    decisions: list[Decision] = []
    if store is not None:
        with store:
            decisions = store.all()
    matched = match_decisions(check.report["findings"], check.analysis, decisions)
    entries = [{"code": f["code"], "provisions": f.get("provisions", []), "raised": True,
                "decision": d.to_json()} for f, d in matched.pairs]
    entries += [{"code": d.code, "provisions": list(d.provisions), "raised": False,
                 "decision": {**d.to_json(), "status": d.status, "match": None}} for d in matched.unmatched]
    if args.format == "json":
        sys.stdout.write(json.dumps({"database": str(db), "decisions": entries},
                                    ensure_ascii=False, indent=2) + "\n")
        return 0
    print(f"{db}: {len(entries)} decision(s) on {path.name}")
    for entry in entries:
        decision = entry["decision"]
        state = ("not raised by this version" if not entry["raised"] else
                 "re-review: provision changed materially" if decision["status"] == "needs_rereview" else
                 f"applies, re-review: provision changed slightly ({decision['similarity']:.0f})"
                 if decision["needs_rereview"] else "applies")
        where = f" @ {', '.join(entry['provisions'])}" if entry["provisions"] else ""
        print(f"  {decision['recorded']:<9} {entry['code']}{where}  [{state}]")
        print(terminal_text(f"            {decision['reviewer']}, {decision['at'][:10]}: {decision['reason']}"))
    return 0


def run(args: argparse.Namespace) -> int:
    """Record a decision, or list them."""
    path = Path(args.file)
    return _list(args, path) if args.list else _record(args, path)
