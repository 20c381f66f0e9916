"""Findings: what a reviewer acts on, each with a stable code, the provision, the treaty
article and paragraph, the evidence and what to change."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from lawcheck.checks import Result
from lawcheck.citations import Citations
from lawcheck.evaluate import POWER_KINDS, Assessed
from lawcheck.i18n import CATALOG, tr, treaty_cite
from lawcheck.rulebook.loader import Rulebook
from lawcheck.rulebook.model import Element, Requirement

CATEGORY_OF_KIND = {
    "definition": "missing_definition", "offence": "missing_offence",
    "liability": "missing_offence", "sanction": "missing_offence", "scope": "missing_power",
    "procedural_power": "missing_power", "jurisdiction": "missing_power",
    "safeguards": "missing_safeguard", "data_protection": "missing_safeguard",
    "cooperation": "missing_cooperation", "cooperation_power": "missing_cooperation",
    "general": "missing_cooperation",
}
# Finding categories in the order a reviewer reads them, with their titles.
CATEGORY_TITLES = {
    "conflict": "Conflicts with the treaty", "missing_safeguard": "Missing safeguards",
    "missing_power": "Missing powers", "missing_offence": "Missing offences",
    "missing_cooperation": "Missing co-operation", "missing_definition": "Missing definitions",
    "partial": "Partly implemented", "consistency": "Consistency of the draft",
}
_AUTHORITY_KEYS = {key for key in CATALOG if key.startswith("authority.")}
_SAFEGUARD_KEYS = {key for key in CATALOG if key.startswith("sg.")}
_SEVERITY_ORDER = {"high": 0, "medium": 1, "low": 2}
_CATEGORY_ORDER = {c: i for i, c in enumerate(CATEGORY_TITLES)}


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
    labels: tuple[str, ...] = ()
    suggestion: dict[str, str] | None = None

    def to_json(self) -> dict[str, object]:
        data: dict[str, object] = {"code": self.code, "category": self.category,
                                   "severity": self.severity}
        for key in ("requirement", "safeguard"):
            if getattr(self, key):
                data[key] = getattr(self, key)
        if self.provisions:
            data["provisions"] = list(self.provisions)
            data["labels"] = list(self.labels or self.provisions)
        data["message"] = self.message
        for key in ("help", "cites"):
            if getattr(self, key):
                data[key] = getattr(self, key)
        if self.evidence:
            data["evidence"] = list(self.evidence)
        if self.suggestion:
            data["suggestion"] = dict(self.suggestion)
        return data


def cite(requirement: Requirement, paragraph: str | None = None, lang: str = "en") -> str:
    """`Art. 16(2) ETS 185`, «п. 2 ст. 16 ETS 185»."""
    return treaty_cite(requirement.instrument, paragraph or requirement.article, lang)


@dataclass(frozen=True)
class Voice:
    """How findings name things: in which language, and how provisions are cited."""

    lang: str = "en"
    citations: Citations | None = None

    def labels(self, eids: Sequence[str]) -> tuple[str, ...]:
        return tuple(self.citations.labels(eids)) if self.citations else tuple(eids)

    def where(self, eids: Sequence[str]) -> str:
        return ", ".join(self.labels(eids)) or tr("finding.the_draft", self.lang)


def _fill(template: str, result: Result, where: str) -> str:
    return template.replace("{provision}", where).replace("{found}", result.found or "?")


def _quoted_evidence(result: Result, lang: str) -> str:
    """What the draft says that contradicts the treaty, in the draft's own words."""
    quoted = "; ".join(dict.fromkeys(f"«{e.text}»" if lang == "ru" else f"“{e.text}”"
                                     for e in result.evidence))
    return tr("finding.conflict_quote", lang, quoted=quoted) if quoted else ""


def _element_finding(assessed: Assessed, element: Element, result: Result, voice: Voice) -> Finding:
    r = assessed.requirement
    category = "conflict" if result.status == "conflict" else "partial"
    where = result.provisions or tuple(a.eid for a in assessed.alignments[:3])
    message = _fill(element.message_in(voice.lang), result, voice.where(where))
    detail = _quoted_evidence(result, voice.lang) if result.status == "conflict" else ""
    if detail and element.check != "limit":
        message += f" ({detail})"
    return Finding(
        code=f"{r.id}/{element.id}", category=category,
        severity=element.severity,
        message=message, requirement=r.id, provisions=where,
        cites=cite(r, element.cites, voice.lang), help=element.help_in(voice.lang),
        evidence=tuple(dict.fromkeys(e.text for e in result.evidence))[:8],
        labels=voice.labels(where))


def _missing_finding(r: Requirement, voice: Voice) -> Finding:
    first = next((e for e in r.elements if e.check in {"presence", "defined"}), None)
    lead = tr("finding.missing", voice.lang, cite=cite(r, lang=voice.lang), title=r.title_in(voice.lang))
    return Finding(code=f"{r.id}/missing", category=CATEGORY_OF_KIND[r.kind],
                   severity="high" if r.kind in POWER_KINDS | {"offence", "safeguards"} else "medium",
                   message=lead, requirement=r.id, cites=cite(r, lang=voice.lang),
                   help=first.help_in(voice.lang) if first else r.summary_in(voice.lang))


def _authorities_note(assessed: Assessed, lang: str) -> str:
    """Who the draft lets authorise the power, when that is not a court."""
    if not assessed.authorities:
        return ""
    named = tr("and", lang).join(tr(f"authority.{a}", lang) if f"authority.{a}" in _AUTHORITY_KEYS
                                  else a for a in assessed.authorities)
    note = tr("finding.authorities", lang, authorities=named)
    if "a court or judge" not in assessed.authorities:
        note += tr("finding.not_independent", lang)
    return note


def _safeguard_finding(assessed: Assessed, safeguard_id: str, result: Result,
                       rulebook: Rulebook, voice: Voice) -> Finding:
    r = assessed.requirement
    lang = voice.lang
    framework, element = rulebook.safeguard(safeguard_id)
    where = tuple(a.eid for a in assessed.alignments[:3])
    message = tr("finding.safeguard", lang, where=voice.where(where), title=r.title_in(lang),
                 safeguard=safeguard_name(safeguard_id, lang))
    if result.status == "conflict":
        message += tr("finding.safeguard_excluded", lang, quoted=_quoted_evidence(result, lang))
    if safeguard_id == "judicial_or_independent_supervision":
        message += _authorities_note(assessed, lang)
    return Finding(code=f"{r.id}/safeguard/{safeguard_id}", category="missing_safeguard",
                   severity="high" if element.severity == "high" else "medium",
                   message=message + ".", requirement=r.id, safeguard=safeguard_id,
                   provisions=where,
                   cites=tr("finding.safeguard_cites", lang,
                            framework=cite(framework, element.cites, lang), power=cite(r, lang=lang)),
                   help=element.help_in(lang),
                   evidence=tuple(dict.fromkeys(e.text for e in result.evidence))[:8],
                   labels=voice.labels(where))


def safeguard_name(safeguard_id: str, lang: str) -> str:
    """A safeguard in words: "judicial or other independent supervision"."""
    key = f"sg.{safeguard_id}"
    return tr(key, lang) if key in _SAFEGUARD_KEYS else safeguard_id.replace("_", " ")


def requirement_findings(assessed: Sequence[Assessed], rulebook: Rulebook,
                         voice: Voice | None = None) -> list[Finding]:
    voice = voice or Voice()
    findings = []
    for item in assessed:
        if item.status == "not_applicable":
            continue
        if item.status == "missing":
            findings.append(_missing_finding(item.requirement, voice))
            continue
        assert item.evaluation is not None
        for element, result in item.evaluation.pairs:
            if result.status in {"unmet", "conflict"}:
                findings.append(_element_finding(item, element, result, voice))
        for safeguard_id, result in item.evaluation.safeguards.items():
            if result is not None and result.status != "met":
                findings.append(_safeguard_finding(item, safeguard_id, result, rulebook, voice))
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


def natural_code(code: str) -> tuple[object, ...]:
    """BC-2 before BC-10, BC before SP: numbers in a code compare as numbers."""
    instrument = 0 if code.startswith("BC") else 1 if code.startswith("SP") else 2
    return (instrument, *((0, int(part), "") if part.isdigit() else (1, 0, part)
                          for part in re.split(r"(\d+)", code) if part))


def sort_findings(findings: list[Finding]) -> list[Finding]:
    return sorted(findings, key=lambda f: (_CATEGORY_ORDER[f.category],
                                           _SEVERITY_ORDER[f.severity], natural_code(f.code)))
