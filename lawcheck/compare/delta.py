"""What changed between two checked versions: conformance first (requirement statuses,
Article 15 safeguards, findings added and resolved), then text.

Parliamentary staff ask of each amendment: did it remove a safeguard, break a cross-reference,
close a gap? Both versions come checked by the ordinary pipeline; nothing here evaluates rules.
Findings are matched by code + requirement + safeguard, not by the provisions they cite,
which shift with renumbering; among findings with the same key the message decides.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from lawcheck import __version__
from lawcheck.akn import Document, Provision
from lawcheck.amend import Consolidation
from lawcheck.compare.match import Matching, match_provisions, text_of, word_diff
from lawcheck.decisions.identity import finding_key
from lawcheck.pipeline import Check

SCHEMA = "lawcheck.diff/1"


def _requirement_changes(old: Mapping[str, Any], new: Mapping[str, Any]) -> list[dict[str, Any]]:
    before = {item["id"]: item for item in old["requirements"]}
    changes = []
    for item in new["requirements"]:
        previous = before.get(item["id"])
        if previous is not None and previous["status"] != item["status"]:
            changes.append({"id": item["id"], "title": item.get("title", ""),
                            "old_status": previous["status"], "new_status": item["status"]})
    return changes


def _safeguard_changes(old: Mapping[str, Any], new: Mapping[str, Any]) -> list[dict[str, Any]]:
    """Article 15 safeguards of each power that changed between present and absent (a power
    can stay "implemented" while losing its judge: the finding says so, and this says it
    plainly). "unknown" (no such power in one version) is the status change's business."""
    before = {item["id"]: item.get("safeguards", {}) for item in old["requirements"]}
    changes = []
    for item in new["requirements"]:
        previous = before.get(item["id"], {})
        for safeguard, status in item.get("safeguards", {}).items():
            before_status = previous.get(safeguard, "unknown")
            if before_status != status and "unknown" not in (before_status, status):
                changes.append({"requirement": item["id"], "safeguard": safeguard,
                                "old": before_status, "new": status})
    return changes


def _finding_changes(old: Sequence[Mapping[str, Any]],
                     new: Sequence[Mapping[str, Any]]) -> dict[str, list[Mapping[str, Any]]]:
    """Findings added and resolved: paired by key and message first, then by key alone (the
    message names provisions, which a renumbering changes)."""
    left = list(old)
    right = list(new)
    for exact in (True, False):
        waiting: dict[tuple, list[int]] = defaultdict(list)
        for index, finding in enumerate(left):
            waiting[finding_key(finding) + ((finding["message"],) if exact else ())].append(index)
        gone_left: set[int] = set()
        keep_right = []
        for finding in right:
            key = finding_key(finding) + ((finding["message"],) if exact else ())
            if waiting.get(key):
                gone_left.add(waiting[key].pop(0))
            else:
                keep_right.append(finding)
        left = [finding for index, finding in enumerate(left) if index not in gone_left]
        right = keep_right
    return {"added": list(right), "resolved": list(left)}


def diff_checks(old: Check, new: Check, amendment: Consolidation | None = None) -> dict[str, Any]:
    """The diff of two checked versions as the contract's `lawcheck.diff/1` JSON (plus
    `changes`, `texts`, `safeguards`, `summary` and, for an amending act, `amendment`)."""
    old_document, new_document = old.analysis.document, new.analysis.document
    old_report, new_report = old.report, new.report
    text = _text_delta(match_provisions(old_document, new_document))
    result: dict[str, Any] = {
        "schema": SCHEMA,
        "tool": {"name": "lawcheck", "version": __version__},
        "ui_language": new_report["document"].get("ui_language", "en"),
        "old": _side(old_document, old_report),
        "new": _side(new_document, new_report),
        "instruments": list(new_report["instruments"]),
        "provisions": text["provisions"],
        "requirements": _requirement_changes(old_report, new_report),
        "safeguards": _safeguard_changes(old_report, new_report),
        "findings": _finding_changes(old_report["findings"], new_report["findings"]),
        "changes": text["changes"],
        "texts": text["texts"],
    }
    if amendment is not None:
        result["amendment"] = amendment.as_dict()
    result["summary"] = _summary(result, old_report, new_report)
    return result


def _side(document: Document, report: Mapping[str, Any]) -> dict[str, Any]:
    return {"title": document.title, "source": Path(document.source).name,
            "provisions": report["document"].get("provisions", 0)}


def _text_delta(matching: Matching) -> dict[str, Any]:
    changed, changes, renumbered = [], [], []
    for old_unit, new_unit in matching.pairs:
        if old_unit.eid != new_unit.eid or old_unit.num != new_unit.num:
            renumbered.append({"old_eId": old_unit.eid, "eId": new_unit.eid,
                               "old_num": old_unit.num, "num": new_unit.num})
        before, after = text_of(old_unit), text_of(new_unit)
        if " ".join(before.split()) == " ".join(after.split()):
            continue
        changed.append(new_unit.eid)
        entry: dict[str, Any] = {"eId": new_unit.eid}
        if old_unit.eid != new_unit.eid:
            entry["old_eId"] = old_unit.eid
        entry["num"] = new_unit.num
        entry["diff"] = word_diff(before, after)
        changes.append(entry)
    added = _outermost(matching.added)
    removed = _outermost(matching.removed)
    return {
        "provisions": {"added": [unit.eid for unit in added], "removed": [unit.eid for unit in removed],
                       "changed": changed, "renumbered": renumbered},
        "changes": changes,
        "texts": {"added": [{"eId": unit.eid, "text": unit.text} for unit in added],
                  "removed": [{"eId": unit.eid, "text": unit.text} for unit in removed]},
    }


def _outermost(units: Iterable[Provision]) -> list[Provision]:
    """Added (or removed) units without those inside another added one: a new article lists
    as one entry, not as the article and each of its parts."""
    chosen = list(units)
    ids = {id(unit) for unit in chosen}
    return [unit for unit in chosen if not any(id(a) in ids for a in unit.ancestors())]


def _summary(result: Mapping[str, Any], old: Mapping[str, Any], new: Mapping[str, Any]) -> dict[str, Any]:
    findings = result["findings"]
    return {
        "provisions_added": len(result["provisions"]["added"]),
        "provisions_removed": len(result["provisions"]["removed"]),
        "provisions_changed": len(result["provisions"]["changed"]),
        "requirements_changed": len(result["requirements"]),
        "safeguards_changed": len(result["safeguards"]),
        "findings_added": len(findings["added"]),
        "findings_resolved": len(findings["resolved"]),
        "high_findings_added": sum(f.get("severity") == "high" for f in findings["added"]),
        "old": dict(old.get("summary", {})),
        "new": dict(new.get("summary", {})),
    }
