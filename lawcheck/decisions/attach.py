"""Decisions on a report: each finding gets the decision that fits it, in a new report."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from lawcheck.decisions.identity import finding_key, provisions_text
from lawcheck.safe_text import terminal_text

if TYPE_CHECKING:
    from lawcheck.decisions.store import Decision, DecisionStore
    from lawcheck.engine.align import Analysis


@dataclass(frozen=True)
class Matched:
    """Which stored decision went to which finding of a report, and which found no finding."""

    pairs: list[tuple[dict[str, Any], Decision]]
    unmatched: list[Decision]


def match_decisions(findings: Sequence[dict[str, Any]], analysis: Analysis,
                    decisions: Iterable[Decision]) -> Matched:
    """Give each finding its decision; one database read for the whole report."""
    from lawcheck.decisions.store import best_match, latest_per_fingerprint  # loaded when a draft has decisions

    by_key: dict[tuple[str, str, str], list[Decision]] = {}
    for stored in decisions:
        by_key.setdefault((stored.code, stored.requirement, stored.safeguard), []).append(stored)
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
    unmatched = [d for rows in by_key.values() for d in latest_per_fingerprint(rows) if d.id not in used]
    return Matched(pairs, unmatched)


def attach_decisions(report: Mapping[str, Any], analysis: Analysis, store: DecisionStore | None) -> dict[str, Any]:
    """A copy of `report` whose findings carry their `decision` object, with a `review`
    summary at the top level; the report given is left as it is (a cached check is shared).
    A None store returns the report unchanged, so a caller can pass `open_store(...)` through."""
    if store is None:
        return dict(report)
    matched = match_decisions(report["findings"], analysis, store.all())
    decided = {id(finding): decision for finding, decision in matched.pairs}
    findings = [{**finding, "decision": decided[id(finding)].to_json()} if id(finding) in decided else finding
                for finding in report["findings"]]
    statuses = [decision.effective_status for _, decision in matched.pairs]
    review = {"database": store.path.name, "accepted": statuses.count("accepted"),
              "dismissed": statuses.count("dismissed"),
              "needs_rereview": sum(d.needs_rereview for _, d in matched.pairs),
              "not_raised": len(matched.unmatched)}
    return {**report, "findings": findings, "review": review}


def is_dismissed(finding: Mapping[str, Any]) -> bool:
    """A reviewer's dismissal in effect. One whose provision changed materially since is not
    (its decision reads needs_rereview): the finding comes back for review."""
    return (finding.get("decision") or {}).get("status") == "dismissed"


def decision_note(finding: Mapping[str, Any], lang: str = "en") -> str:
    """One line for text, Markdown and HTML reports and the Word commentary ('' if none)."""
    from lawcheck.i18n import tr

    decision = finding.get("decision")
    if not decision:
        return ""
    reviewer, reason = (" ".join(terminal_text(str(decision[key])).split()) for key in ("reviewer", "reason"))
    recorded = decision["recorded"]
    status = tr(f"decision.{recorded}", lang) if recorded in {"accepted", "dismissed"} else recorded
    who = tr("decision.who", lang, status=status, reviewer=reviewer, date=str(decision["at"])[:10], reason=reason)
    if decision["status"] == "needs_rereview":
        return tr("decision.rereview", lang, who=who)
    if decision["needs_rereview"]:
        return tr("decision.confirm", lang, who=who)
    return who
