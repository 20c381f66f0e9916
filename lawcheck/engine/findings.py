"""Findings: what a reviewer acts on, each with a stable code, the provision, the treaty
article and paragraph, the evidence and what to change."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from lawcheck import treaty
from lawcheck.engine.checks import Result
from lawcheck.engine.evaluate import POWER_KINDS, Assessed
from lawcheck.rulebook.loader import Rulebook
from lawcheck.rulebook.model import Element, Requirement
from lawcheck.treaty import CATEGORIES, SEVERITIES

CATEGORY_OF_KIND = {
    "definition": "missing_definition", "offence": "missing_offence",
    "liability": "missing_offence", "sanction": "missing_offence", "scope": "missing_power",
    "procedural_power": "missing_power", "jurisdiction": "missing_power",
    "safeguards": "missing_safeguard", "data_protection": "missing_safeguard",
    "cooperation": "missing_cooperation", "cooperation_power": "missing_cooperation",
    "general": "missing_cooperation",
}
# Titles of the finding categories (their order is `lawcheck.treaty.CATEGORIES`).
CATEGORY_TITLES = {
    "conflict": "Conflicts with the treaty", "missing_safeguard": "Missing safeguards",
    "missing_power": "Missing powers", "missing_offence": "Missing offences",
    "missing_cooperation": "Missing co-operation", "missing_definition": "Missing definitions",
    "partial": "Partly implemented", "consistency": "Consistency of the draft",
}
_SEVERITY_ORDER = {s: i for i, s in enumerate(SEVERITIES)}
_CATEGORY_ORDER = {c: i for i, c in enumerate(CATEGORIES)}


@dataclass(frozen=True)
class Finding:
    code: str
    category: str
    severity: str
    message: str
    requirement: str | None = None
    safeguard: str | None = None
    provisions: tuple[str, ...] = ()
    cites: str | None = None  # "Art. 16(2) ETS 185"
    help: str | None = None
    evidence: tuple[str, ...] = field(default_factory=tuple)

    def to_json(self) -> dict[str, object]:
        data: dict[str, object] = {"code": self.code, "category": self.category,
                                   "severity": self.severity}
        for key in ("requirement", "safeguard"):
            if getattr(self, key):
                data[key] = getattr(self, key)
        if self.provisions:
            data["provisions"] = list(self.provisions)
        data["message"] = self.message
        for key in ("help", "cites"):
            if getattr(self, key):
                data[key] = getattr(self, key)
        if self.evidence:
            data["evidence"] = list(self.evidence)
        return data


def cite(requirement: Requirement, paragraph: str | None = None) -> str:
    return treaty.cite(requirement.instrument, paragraph or requirement.article)


def _fill(template: str, result: Result, where: tuple[str, ...]) -> str:
    provisions = ", ".join(where) or "the draft"
    return template.replace("{provision}", provisions).replace("{found}", result.found or "?")


def _element_finding(assessed: Assessed, element: Element, result: Result) -> Finding:
    r = assessed.requirement
    category = "conflict" if result.status == "conflict" else "partial"
    where = result.provisions or tuple(a.eid for a in assessed.alignments[:3])
    message = _fill(element.message, result, where)
    if result.detail and category == "conflict":
        message += f" ({result.detail})"
    return Finding(
        code=f"{r.id}/{element.id}", category=category,
        severity=element.severity,
        message=message, requirement=r.id, provisions=where, cites=cite(r, element.cites),
        help=element.help, evidence=tuple(dict.fromkeys(e.text for e in result.evidence))[:8])


def _missing_finding(r: Requirement) -> Finding:
    first = next((e for e in r.elements if e.check in {"presence", "defined"}), None)
    lead = f"No provision of the draft implements {cite(r)} ({r.title})."
    return Finding(code=f"{r.id}/missing", category=CATEGORY_OF_KIND[r.kind],
                   severity="high" if r.kind in POWER_KINDS | {"offence", "safeguards"} else "medium",
                   message=lead, requirement=r.id, cites=cite(r),
                   help=first.help if first else r.summary)


def _safeguard_finding(assessed: Assessed, safeguard_id: str, result: Result,
                       rulebook: Rulebook) -> Finding:
    r = assessed.requirement
    framework, element = rulebook.safeguard(safeguard_id)
    label = safeguard_id.replace("_", " ")
    where = tuple(a.eid for a in assessed.alignments[:3])
    message = f"The power in {', '.join(where)} ({r.title}) has no {label}"
    if result.status == "conflict":
        message += f"; the draft dispenses with it ({result.detail})"
    if safeguard_id == "judicial_or_independent_supervision" and assessed.authorities:
        message += f"; the text names {' and '.join(assessed.authorities)}"
        if "a court or judge" not in assessed.authorities:
            message += " (an authority of the prosecution or investigation is not independent supervision)"
    return Finding(code=f"{r.id}/safeguard/{safeguard_id}", category="missing_safeguard",
                   severity="high" if element.severity == "high" else "medium",
                   message=message + ".", requirement=r.id, safeguard=safeguard_id,
                   provisions=where, cites=f"{cite(framework, element.cites)}, applied by {cite(r)}",
                   help=element.help,
                   evidence=tuple(dict.fromkeys(e.text for e in result.evidence))[:8])


def requirement_findings(assessed: Sequence[Assessed], rulebook: Rulebook) -> list[Finding]:
    findings = []
    for item in assessed:
        if item.status == "not_applicable":
            continue
        if item.status == "missing":
            findings.append(_missing_finding(item.requirement))
            continue
        assert item.evaluation is not None
        for element, result in item.evaluation.pairs:
            if result.status in {"unmet", "conflict"}:
                findings.append(_element_finding(item, element, result))
        for safeguard_id, result in item.evaluation.safeguards.items():
            if result is not None and result.status != "met":
                findings.append(_safeguard_finding(item, safeguard_id, result, rulebook))
    return findings


def fails_on(categories: set[str], fail_on: str | None) -> bool:
    """`--fail-on missing|conflict|any`: whether findings of these categories mean exit 3."""
    if fail_on == "any":
        return bool(categories)
    if fail_on == "conflict":
        return "conflict" in categories
    if fail_on == "missing":
        return any(c.startswith("missing_") for c in categories)
    return False


def sort_findings(findings: list[Finding]) -> list[Finding]:
    return sorted(findings, key=lambda f: (_CATEGORY_ORDER[f.category],
                                           _SEVERITY_ORDER[f.severity], f.code))
