"""The report of one check, as the JSON structure of the contract (`lawcheck.report/1`)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any

from lawcheck import __version__
from lawcheck.engine.align import Analysis
from lawcheck.engine.checks import Result, safeguard_status
from lawcheck.engine.evaluate import POWER_KINDS, Assessed
from lawcheck.engine.findings import Finding, Voice
from lawcheck.engine.supervision import PowerException
from lawcheck.i18n import period_words, tr
from lawcheck.report.shape import shape_warnings
from lawcheck.rulebook.model import Element, Requirement
from lawcheck.treaty import STATUSES


def _exception(exception: PowerException, voice: Voice) -> dict[str, Any]:
    validation = exception.validation
    return {"eId": exception.eid, "label": voice.labels([exception.eid])[0],
            "safeguard": "judicial_or_independent_supervision",
            "marker": exception.marker, "authority": exception.authority, "period": exception.period,
            "validation": None if validation is None else
            {"by": validation.by, "within": validation.within, "on_refusal": ", ".join(validation.on_refusal) or None}}


def _quote(text: str, lang: str) -> str:
    return f"«{text}»" if lang == "ru" else f"“{text}”"


def element_detail(element: Element, result: Result, lang: str) -> str:
    """What the check saw, in the draft's words and the reader's language: the quoted
    wording, the period stated against the treaty's bound, or that nothing was found."""
    if result.status == "unknown":
        return tr("detail.unknown", lang)
    if element.limit is not None and result.found:
        bounds = tr("bound.join", lang).join(
            tr(f"bound.{side}", lang, period=period_words(value, lang, genitive=True))
            for side, value in (("max", element.limit.max), ("min", element.limit.min)) if value)
        return tr("detail.period", lang, found=_quote(result.found, lang), bound=bounds)
    if element.limit is not None and result.status == "unmet":
        return tr("detail.no_period", lang)
    quoted = ", ".join(dict.fromkeys(_quote(e.text, lang) for e in result.evidence))
    if quoted:
        return tr("detail.found", lang, quoted=quoted)
    return tr("detail.not_found", lang) if result.status != "met" else ""


def _requirement(item: Assessed, voice: Voice) -> dict[str, Any]:
    r: Requirement = item.requirement
    lang = voice.lang
    # a general rule first; the offences or powers it governs (`secondary`) complete it
    ordered = [a for a in item.alignments if a.eid not in item.secondary] \
        + [a for a in item.alignments if a.eid in item.secondary]
    labels = voice.labels([a.eid for a in ordered])
    data: dict[str, Any] = {
        "id": r.id, "instrument": r.instrument, "article": r.article, "title": r.title_in(lang),
        "kind": r.kind, "status": item.status, "score": item.score,
        "summary": r.summary_in(lang), "cites": list(r.cites),
        "provisions": [{"eId": a.eid, "label": label, "score": a.score, "evidence": list(a.evidence),
                        "role": "supporting" if a.eid in item.secondary else "principal"}
                       for a, label in zip(ordered, labels, strict=True)]
        + [{"eId": eid, "label": label, "score": 0.0, "evidence": [], "role": "supporting"}
           for eid, label in zip(item.supporting, voice.labels(item.supporting), strict=True)],
    }
    if item.reading is not None:
        data["exceptions"] = [_exception(e, voice) for e in item.reading.exceptions]
    if item.evaluation is not None:
        data["elements"] = [
            {"id": result.element, "status": result.status, "provisions": list(result.provisions),
             "labels": list(voice.labels(result.provisions)),
             "detail": element_detail(element, result, lang), "cites": element.cites}
            for element, result in item.evaluation.pairs]
        if r.kind in POWER_KINDS and r.safeguards:
            data["safeguards"] = {sid: safeguard_status(res)
                                  for sid, res in item.evaluation.safeguards.items()}
    elif r.safeguards and r.kind in POWER_KINDS:
        data["safeguards"] = dict.fromkeys(r.safeguards, "unknown")
    if item.authorities:
        data["authorised_by"] = list(item.authorities)
    if r.source_note:
        data["source_note"] = r.source_note
    return data


def _alignment(analysis: Analysis, assessed: Sequence[Assessed], voice: Voice) -> list[dict[str, Any]]:
    """Each provision with the requirements it serves: the aligned article, and those of its
    descendants whose own words carry the requirement's align concepts."""
    served: dict[str, dict[str, float]] = {}
    for item in assessed:
        concepts = {c for group in item.requirement.align for c in group}
        for alignment in item.alignments:
            served.setdefault(alignment.eid, {})[item.requirement.id] = alignment.score
            article = analysis.provision(alignment.eid)
            for unit in analysis.block(article) if article else ():
                if unit.tagged.has(tuple(concepts)):
                    served.setdefault(unit.eid, {}).setdefault(item.requirement.id, alignment.score)
    return [{"eId": eid, "label": voice.labels([eid])[0],
             "requirements": [{"id": rid, "score": score}
                                          for rid, score in served.get(eid, {}).items()]}
            for eid in analysis.units]


def build_report(analysis: Analysis, assessed: Sequence[Assessed], findings: Sequence[Finding],
                 instruments: Sequence[str], source: str, voice: Voice | None = None) -> dict[str, Any]:
    voice = voice or Voice()
    document = analysis.document
    counts = Counter(item.status for item in assessed)
    return {
        "schema": "lawcheck.report/1",
        "tool": {"name": "lawcheck", "version": __version__},
        "document": {"title": document.frbr.title or source, "frbr_uri": document.frbr.work_uri,
                     "language": analysis.lang, "ui_language": voice.lang,
                     "provisions": len(analysis.units), "source": source},
        "instruments": list(instruments),
        "requirements": [_requirement(item, voice) for item in assessed],
        "findings": [f.to_json() for f in findings],
        "alignment": _alignment(analysis, assessed, voice),
        "summary": {**{status: counts.get(status, 0) for status in STATUSES},
                    "findings": len(findings)},
        "warnings": shape_warnings(document, voice.lang),
    }
