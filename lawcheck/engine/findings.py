"""Findings: what a reviewer acts on, each with a stable code, the provision, the treaty
article and paragraph, the evidence and what to change."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from lawcheck.citations import Citations
from lawcheck.engine import supervision
from lawcheck.engine.checks import Result
from lawcheck.engine.evaluate import POWER_KINDS, Assessed
from lawcheck.i18n import CATALOG, period_words, tr, treaty_cite
from lawcheck.rulebook.loader import Rulebook
from lawcheck.rulebook.model import Element, Requirement, UrgencyValidation, Weight
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
_AUTHORITY_KEYS = {key for key in CATALOG if key.startswith("authority.")}
_SAFEGUARD_KEYS = {key for key in CATALOG if key.startswith("sg.")}
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
        data["force"] = self.force
        data["basis"] = list(self.basis or ((self.cites,) if self.cites else ()))
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


def safeguard_name(safeguard_id: str, lang: str) -> str:
    """A safeguard in words: "judicial or other independent supervision"."""
    key = f"sg.{safeguard_id}"
    return tr(key, lang) if key in _SAFEGUARD_KEYS else safeguard_id.replace("_", " ")


def _quoted_evidence(result: Result, lang: str) -> str:
    """What the draft says that contradicts the treaty, in the draft's own words."""
    quoted = "; ".join(dict.fromkeys(f"«{e.text}»" if lang == "ru" else f"“{e.text}”"
                                     for e in result.evidence))
    return tr("finding.conflict_quote", lang, quoted=quoted) if quoted else ""


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


def _bound_words(element: Element, lang: str) -> str:
    """The treaty's bound in words: "at most 90 days", «не более 90 суток»."""
    assert element.limit is not None
    return tr("bound.join", lang).join(
        tr(f"bound.{side}", lang, period=period_words(value, lang, genitive=True))
        for side, value in (("max", element.limit.max), ("min", element.limit.min)) if value)


def _fill(template: str, result: Result, where: str) -> str:
    return template.replace("{provision}", where).replace("{found}", result.found or "?")


def _element_finding(assessed: Assessed, element: Element, result: Result, voice: Voice) -> Finding:
    r = assessed.requirement
    category = "conflict" if result.status == "conflict" else "partial"
    where = result.provisions or tuple(a.eid for a in assessed.alignments[:3])
    if element.limit is not None and result.status == "unmet":  # no period: the rule's message is for a wrong one
        message = tr("finding.no_period", voice.lang, where=voice.where(where),
                     cite=cite(r, element.cites, voice.lang), bound=_bound_words(element, voice.lang))
    else:
        message = _fill(element.message_in(voice.lang), result, voice.where(where))
    detail = _quoted_evidence(result, voice.lang) if category == "conflict" else ""
    if detail and element.check != "limit":
        message += f" ({detail})"
    basis = _basis(r, element.cites, element.basis)
    return Finding(
        code=f"{r.id}/{element.id}", category=category,
        severity=_capped(r, element.severity_for_force, basis),
        message=message, requirement=r.id, provisions=where, cites=cite(r, element.cites, voice.lang),
        help=element.help_in(voice.lang), evidence=tuple(dict.fromkeys(e.text for e in result.evidence))[:8],
        force=element.force, basis=basis, labels=voice.labels(where))


def _missing_finding(r: Requirement, voice: Voice) -> Finding:
    lang = voice.lang
    first = next((e for e in r.elements if e.check in {"presence", "defined"}), None)
    lead = tr("finding.missing", lang, cite=cite(r, lang=lang), title=r.title_in(lang))
    force = first.force if first else "obligation"
    severity = "high" if r.kind in POWER_KINDS | {"offence", "safeguards"} else "medium"
    if force == "option":
        lead += tr("finding.option", lang)
        severity = "low"
    basis = _basis(r, None)
    return Finding(code=f"{r.id}/missing", category=CATEGORY_OF_KIND[r.kind],
                   severity=_capped(r, severity, basis),
                   message=lead, requirement=r.id, cites=cite(r, lang=lang),
                   help=first.help_in(lang) if first else r.summary_in(lang), force=force, basis=basis)


def _authorities_note(assessed: Assessed, lang: str) -> str:
    """Who the draft lets authorise the power."""
    if not assessed.authorities:
        return ""
    named = tr("and", lang).join(tr(f"authority.{a}", lang) if f"authority.{a}" in _AUTHORITY_KEYS
                                  else a for a in assessed.authorities)
    return tr("finding.authorities", lang, authorities=named)


def _safeguard_finding(assessed: Assessed, safeguard_id: str, result: Result,
                       rulebook: Rulebook, voice: Voice) -> Finding | None:
    r = assessed.requirement
    framework, element = rulebook.safeguard(safeguard_id)
    weight = Weight("high" if element.severity == "high" else "medium", element.force)
    basis = _basis(framework, element.cites, (cite(r),))
    if r.supervision is not None:
        if safeguard_id not in r.supervision.safeguards:
            return None
        weight = r.supervision.safeguards[safeguard_id]
        basis = _basis(framework, element.cites, (cite(r), *r.supervision.basis))
    lang = voice.lang
    where = tuple(a.eid for a in assessed.alignments[:3])
    partly = result.status == "unmet" and bool(result.evidence)  # a duration cap, no limit of scope
    message = tr("finding.safeguard_partly" if partly else "finding.safeguard", lang, where=voice.where(where),
                 title=r.title_in(lang), safeguard=safeguard_name(safeguard_id, lang),
                 quoted=_quoted_evidence(result, lang) if partly else "")
    if result.status == "conflict":
        message += tr("finding.safeguard_excluded", lang, quoted=_quoted_evidence(result, lang))
    if safeguard_id == "judicial_or_independent_supervision":
        message += _authorities_note(assessed, lang)
    return Finding(code=f"{r.id}/safeguard/{safeguard_id}", category="missing_safeguard",
                   severity=_capped(r, weight.severity, basis),
                   message=message + ".", requirement=r.id, safeguard=safeguard_id,
                   provisions=where,
                   cites=tr("finding.safeguard_cites", lang, framework=cite(framework, element.cites, lang),
                            power=cite(r, lang=lang)),
                   help=element.help_in(lang),
                   evidence=tuple(dict.fromkeys(e.text for e in result.evidence))[:8],
                   force=weight.force, basis=basis, labels=voice.labels(where))


_LEVELS = ("judicial", "prosecutor", "investigator", "executive")


def _period(iso: str | None, lang: str) -> str:
    if iso is None:
        return tr("gap.no_period", lang)
    hours = supervision.hours(iso)
    if hours is None:
        return iso
    if hours % 24 == 0 and hours > 24:
        return period_words(f"P{hours // 24}D", lang)
    return period_words(f"PT{hours}H", lang)


def _gap_message(assessed: Assessed, gap: supervision.Gap, voice: Voice) -> tuple[str, str]:
    """Message and code suffix of a gap in supervision."""
    r = assessed.requirement
    lang = voice.lang
    where = voice.where(gap.eids or tuple(a.eid for a in assessed.alignments[:1]))
    level = gap.level if gap.level in _LEVELS else "other"
    who = tr("gap.who", lang, authority=gap.authority, level=tr(f"level.{level}", lang)) if gap.authority \
        else tr("gap.unnamed", lang)
    if gap.kind == "authority":
        expects = r.supervision.expectation(assessed.reading.grants[0].data).expects \
            if r.supervision and assessed.reading and assessed.reading.grants else "judicial"
        text = tr("gap.authority", lang, where=where, title=r.title_in(lang), who=who,
                  expects=tr(f"level_of.{expects}", lang), cite=treaty_cite("BC", "15(2)", lang))
        if gap.level == "prosecutor":
            text += tr("gap.prosecutor", lang)
        return text + ".", "authority"
    if gap.kind == "unstated":
        return tr("gap.unstated", lang, where=where, title=r.title_in(lang), expects=tr("level_of.judicial", lang),
                  cite=treaty_cite("BC", "15(2)", lang)), "authority"
    if gap.kind == "urgency":
        return tr("gap.urgency", lang, where=where, who=who, period=_period(gap.period, lang)), "urgency"
    if gap.kind == "validation_late":
        return (tr("gap.validation_late", lang, where=where, who=who, within=_period(gap.within, lang)),
                "urgency_validation")
    return tr("gap.refusal", lang, where=where, who=who), "urgency_refusal"


def _supervision_findings(assessed: Assessed, voice: Voice, urgency: UrgencyValidation) -> list[Finding]:
    r = assessed.requirement
    if r.supervision is None or assessed.reading is None:
        return []
    lang = voice.lang
    findings = []
    for gap in supervision.gaps(assessed.reading, r.supervision, urgency):
        message, suffix = _gap_message(assessed, gap, voice)
        basis = _basis(r, None, ("Art. 15(2) ETS 185", *r.supervision.basis))
        where = tuple(dict.fromkeys((assessed.alignments[0].eid, *gap.eids)))
        findings.append(Finding(
            code=f"{r.id}/safeguard/judicial_or_independent_supervision"
                 + ("" if suffix == "authority" else f"/{suffix}"),
            category="missing_safeguard", severity=_capped(r, gap.weight.severity, basis),
            message=message, requirement=r.id, safeguard="judicial_or_independent_supervision",
            provisions=where,
            cites=tr("finding.safeguard_cites", lang, framework=treaty_cite("BC", "15(2)", lang),
                     power=cite(r, lang=lang)),
            help=tr(f"gap_help.{suffix}", lang), evidence=tuple(x for x in (gap.authority,) if x),
            force=gap.weight.force, basis=basis, labels=voice.labels(where)))
    return findings


def requirement_findings(assessed: Sequence[Assessed], rulebook: Rulebook,
                         partial_text: bool = False, voice: Voice | None = None) -> list[Finding]:
    """What a reviewer acts on. In an amending act or an excerpt (`partial_text`), a general
    condition it does not state (grounds, proportionality, limits, remedies) may stand in the
    base text: such findings are advisory notes that say so."""
    voice = voice or Voice()
    urgency = rulebook.urgency_validation()
    findings = []
    for item in assessed:
        if item.status in {"not_applicable", "not_assessed"}:
            continue
        if item.status == "missing":
            findings.append(_missing_finding(item.requirement, voice))
            continue
        assert item.evaluation is not None
        for element, result in item.evaluation.pairs:
            if result.status in {"unmet", "conflict"}:
                finding = _element_finding(item, element, result, voice)
                general = element.check == "safeguard" and result.status == "unmet"
                findings.append(_depends_on_base(finding, voice.lang) if partial_text and general else finding)
        for safeguard_id, safeguard_result in item.evaluation.safeguards.items():
            if safeguard_id == "judicial_or_independent_supervision" and item.reading is not None:
                continue  # weighed by the graduated model below
            if safeguard_result is not None and safeguard_result.status != "met":
                gap = _safeguard_finding(item, safeguard_id, safeguard_result, rulebook, voice)
                if gap is not None:
                    findings.append(_depends_on_base(gap, voice.lang) if partial_text else gap)
        if urgency is not None:
            findings += _supervision_findings(item, voice, urgency)
    return findings


def _depends_on_base(finding: Finding, lang: str = "en") -> Finding:
    return replace(finding, severity="low", force="good_practice",
                   message=f"{finding.message} {tr('finding.base_text', lang)}")


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
