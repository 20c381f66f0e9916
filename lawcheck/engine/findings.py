"""Findings: what a reviewer acts on, each with a stable code, the provision, the treaty
article and paragraph, the evidence and what to change."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from lawcheck import treaty
from lawcheck.engine import supervision
from lawcheck.engine.checks import Result
from lawcheck.engine.evaluate import POWER_KINDS, Assessed
from lawcheck.rulebook.loader import Rulebook
from lawcheck.rulebook.model import Element, Requirement, Weight
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
    force: str = "obligation"  # obligation | option | good_practice
    basis: tuple[str, ...] = ()  # the sources behind the finding

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
        data["force"] = self.force
        data["basis"] = list(self.basis or ((self.cites,) if self.cites else ()))
        return data


def cite(requirement: Requirement, paragraph: str | None = None) -> str:
    return treaty.cite(requirement.instrument, paragraph or requirement.article)


UNVERIFIED = "(unverified)"


def _capped(requirement: Requirement, severity: str, basis: tuple[str, ...]) -> str:
    """A finding that rests only on text we could not check is advisory (docs/article15.md):
    the Second Protocol's operative text, or sources marked unverified."""
    unchecked = requirement.instrument == "SP" or (basis and all(UNVERIFIED in b for b in basis))
    return "low" if unchecked else severity


def _basis(requirement: Requirement, paragraph: str | None, extra: tuple[str, ...] = ()) -> tuple[str, ...]:
    first = cite(requirement, paragraph)
    if requirement.instrument == "SP":
        first += f" {UNVERIFIED}"
    return tuple(dict.fromkeys((first, *extra)))


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
    basis = _basis(r, element.cites, element.basis)
    return Finding(
        code=f"{r.id}/{element.id}", category=category,
        severity=_capped(r, element.severity_for_force, basis),
        message=message, requirement=r.id, provisions=where, cites=cite(r, element.cites),
        help=element.help, evidence=tuple(dict.fromkeys(e.text for e in result.evidence))[:8],
        force=element.force, basis=basis)


def _missing_finding(r: Requirement) -> Finding:
    first = next((e for e in r.elements if e.check in {"presence", "defined"}), None)
    lead = f"No provision of the draft implements {cite(r)} ({r.title})."
    force = first.force if first else "obligation"
    severity = "high" if r.kind in POWER_KINDS | {"offence", "safeguards"} else "medium"
    if force == "option":
        lead += " The treaty permits this; it does not require it."
        severity = "low"
    basis = _basis(r, None)
    return Finding(code=f"{r.id}/missing", category=CATEGORY_OF_KIND[r.kind],
                   severity=_capped(r, severity, basis),
                   message=lead, requirement=r.id, cites=cite(r),
                   help=first.help if first else r.summary, force=force, basis=basis)


def _safeguard_finding(assessed: Assessed, safeguard_id: str, result: Result,
                       rulebook: Rulebook) -> Finding | None:
    r = assessed.requirement
    framework, element = rulebook.safeguard(safeguard_id)
    weight = Weight("high" if element.severity == "high" else "medium", element.force)
    basis = _basis(framework, element.cites, (cite(r),))
    if r.supervision is not None:
        if safeguard_id not in r.supervision.safeguards:
            return None
        weight = r.supervision.safeguards[safeguard_id]
        basis = _basis(framework, element.cites, (cite(r), *r.supervision.basis))
    label = safeguard_id.replace("_", " ")
    where = tuple(a.eid for a in assessed.alignments[:3])
    message = f"The power in {', '.join(where)} ({r.title}) has no {label}"
    if result.status == "conflict":
        message += f"; the draft dispenses with it ({result.detail})"
    if safeguard_id == "judicial_or_independent_supervision" and assessed.authorities:
        message += f"; the text names {' and '.join(assessed.authorities)}"
    return Finding(code=f"{r.id}/safeguard/{safeguard_id}", category="missing_safeguard",
                   severity=_capped(r, weight.severity, basis),
                   message=message + ".", requirement=r.id, safeguard=safeguard_id,
                   provisions=where, cites=f"{cite(framework, element.cites)}, applied by {cite(r)}",
                   help=element.help,
                   evidence=tuple(dict.fromkeys(e.text for e in result.evidence))[:8],
                   force=weight.force, basis=basis)


_LEVEL_WORDS = {"judicial": "a judge", "prosecutor": "a prosecutor",
                "investigator": "the investigating authority", "executive": "the executive"}


def _period(iso: str | None) -> str:
    if iso is None:
        return "no stated period"
    hours = supervision.hours(iso)
    if hours is not None and hours % 24 == 0 and hours >= 24:
        return f"{hours // 24} days" if hours != 24 else "24 hours"
    return f"{hours} hours" if hours is not None else iso


def _gap_message(assessed: Assessed, gap: supervision.Gap) -> tuple[str, str]:
    """Message and code suffix of a gap in supervision."""
    r = assessed.requirement
    where = ", ".join(gap.eids)
    who = f"{gap.authority} ({_LEVEL_WORDS.get(gap.level or '', 'an authority')})" if gap.authority \
        else "an authority the clause does not name"
    if gap.kind == "authority":
        expects = r.supervision.expectation(assessed.reading.grants[0].data).expects \
            if r.supervision and assessed.reading and assessed.reading.grants else "judicial"
        text = (f"{where}: {r.title.lower()} is authorised by {who}; for this measure Art. 15(2) "
                f"calls for {_LEVEL_WORDS[expects]}")
        if gap.level == "prosecutor":
            text += " (a prosecutor who directs or supervises the investigation is not regarded as independent)"
        return text + ".", "authority"
    if gap.kind == "urgency":
        return (f"{where}: in urgency {who} may use the power without a judge "
                f"({_period(gap.period)}), and no judge validates the measure afterwards within a "
                "fixed short time.", "urgency")
    if gap.kind == "validation_late":
        return (f"{where}: the urgent measure by {who} is validated by a judge only within "
                f"{_period(gap.within)}; 48 hours is the usual benchmark.", "urgency_validation")
    return (f"{where}: the urgent measure by {who} is validated by a judge, but the text does not say "
            "that on refusal the measure stops, the data is destroyed and it cannot be used as evidence.",
            "urgency_refusal")


_GAP_HELP = {
    "authority": "Require prior authorisation by a judge (for example the investigating judge) for this "
                 "measure, or by a body independent of the executive and of the investigation.",
    "urgency": "Confine the urgent procedure to a narrow trigger and a short period, require the "
               "investigating judge to be seized within 24 hours and to decide within 48 hours, and "
               "provide that on refusal the measure stops and the data is destroyed and cannot be used.",
    "urgency_validation": "Shorten the time within which the judge must confirm the urgent measure "
                          "to 48 hours at most.",
    "urgency_refusal": "State that if the judge does not confirm the urgent measure it stops at once, "
                       "the data obtained is destroyed and it cannot be used as evidence.",
}


def _supervision_findings(assessed: Assessed) -> list[Finding]:
    r = assessed.requirement
    if r.supervision is None or assessed.reading is None:
        return []
    findings = []
    for gap in supervision.gaps(assessed.reading, r.supervision):
        message, suffix = _gap_message(assessed, gap)
        basis = _basis(r, None, ("Art. 15(2) ETS 185", *r.supervision.basis))
        findings.append(Finding(
            code=f"{r.id}/safeguard/judicial_or_independent_supervision"
                 + ("" if suffix == "authority" else f"/{suffix}"),
            category="missing_safeguard", severity=_capped(r, gap.weight.severity, basis),
            message=message, requirement=r.id, safeguard="judicial_or_independent_supervision",
            provisions=tuple(dict.fromkeys((assessed.alignments[0].eid, *gap.eids))),
            cites=f"Art. 15(2) ETS 185, applied by {cite(r)}",
            help=_GAP_HELP[suffix], evidence=tuple(x for x in (gap.authority,) if x),
            force=gap.weight.force, basis=basis))
    return findings


def requirement_findings(assessed: Sequence[Assessed], rulebook: Rulebook,
                         partial_text: bool = False) -> list[Finding]:
    """What a reviewer acts on. In an amending act or an excerpt (`partial_text`), a general
    condition it does not state (grounds, proportionality, limits, remedies) may stand in the
    base text: such findings are advisory notes that say so."""
    findings = []
    for item in assessed:
        if item.status in {"not_applicable", "not_assessed"}:
            continue
        if item.status == "missing":
            findings.append(_missing_finding(item.requirement))
            continue
        assert item.evaluation is not None
        for element, result in item.evaluation.pairs:
            if result.status in {"unmet", "conflict"}:
                finding = _element_finding(item, element, result)
                general = element.check == "safeguard" and result.status == "unmet"
                findings.append(_depends_on_base(finding) if partial_text and general else finding)
        for safeguard_id, safeguard_result in item.evaluation.safeguards.items():
            if safeguard_id == "judicial_or_independent_supervision" and item.reading is not None:
                continue  # weighed by the graduated model below
            if safeguard_result is not None and safeguard_result.status != "met":
                gap = _safeguard_finding(item, safeguard_id, safeguard_result, rulebook)
                if gap is not None:
                    findings.append(_depends_on_base(gap) if partial_text else gap)
        findings += _supervision_findings(item)
    return findings


BASE_TEXT_NOTE = ("Not assessed: the draft amends another act (or is an excerpt), and this condition "
                  "may stand in the base text's general rules. Check it there; if it is absent, add it.")


def _depends_on_base(finding: Finding) -> Finding:
    return replace(finding, severity="low", force="good_practice",
                   message=f"{finding.message} {BASE_TEXT_NOTE}")


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
