"""`lawcheck check`: read a draft, assess it, and write the report in the asked format."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from lawcheck.akn import Document
from lawcheck.amend.marks import amends_another_act
from lawcheck.citations import Citations
from lawcheck.concepts import detect_language
from lawcheck.decisions.attach import attach_decisions
from lawcheck.engine.align import CUT, Analysis, Cut, analyse
from lawcheck.engine.evaluate import Assessed, assess
from lawcheck.engine.findings import Finding, Voice, requirement_findings, sort_findings
from lawcheck.engine.suggestions import with_suggestions
from lawcheck.gcpause import cycle_collection_paused
from lawcheck.i18n import tr, ui_language
from lawcheck.report.build import build_report
from lawcheck.rulebook.loader import load_rulebook
from lawcheck.settings import Settings
from lawcheck.treaty import INSTRUMENT_IDS

if TYPE_CHECKING:
    from lawcheck.decisions.store import DecisionStore


@dataclass(frozen=True)
class Check:
    """Everything one check produced: the report dict and what rendering needs."""

    report: dict[str, Any]
    analysis: Analysis
    assessed: list[Assessed]
    findings: list[Finding]


def choose_language(document: Document, requested: str) -> str:
    if requested != "auto":
        return requested
    if document.frbr.language in {"en", "ru"}:
        return document.frbr.language
    return detect_language(" ".join(p.own_text for p in list(document.walk())[:400]))


def consistency_findings(document: Document, voice: Voice | None = None) -> list[Finding]:
    """Dangling references and terms defined twice."""
    voice = voice or Voice()
    lang = voice.lang
    findings = []
    for ref in document.references:
        if ref.target_eid is None and ref.kind in {"ref", "numeric"}:
            where = (ref.source_eid,) if ref.source_eid else ()
            findings.append(Finding(
                code="draft/dangling_reference", category="consistency", severity="medium",
                message=tr("finding.dangling", lang, text=ref.text), provisions=where,
                help=tr("finding.dangling_help", lang), labels=voice.labels(where)))
    # A term may be defined again for one section ("In this section, ..."): key on the scope.
    terms = Counter((d.scope, d.term.lower()) for d in document.definitions)
    for (scope, term), count in sorted(terms.items()):
        if count > 1:
            eids = tuple(d.eid for d in document.definitions
                         if d.term.lower() == term and d.scope == scope)
            findings.append(Finding(
                code="draft/duplicate_definition", category="consistency", severity="low",
                message=tr("finding.duplicate", lang, term=term, count=count), provisions=eids,
                help=tr("finding.duplicate_help", lang), labels=voice.labels(eids)))
    return findings


def check_document(document: Document, *, lang: str = "auto",
                   instruments: tuple[str, ...] = INSTRUMENT_IDS,
                   settings: Settings | None = None, source: str | None = None,
                   decisions: DecisionStore | None = None, cut: Cut = CUT,
                   ui_lang: str = "auto") -> Check:
    """The whole pipeline on a parsed draft: the entry point for the CLI and the app.
    With `decisions`, each finding a reviewer decided on carries a `decision` object.
    `ui_lang` is the language of the report's words (auto: the draft's)."""
    rulebook = load_rulebook()
    with cycle_collection_paused():
        analysis = analyse(document, choose_language(document, lang))
        voice = Voice(ui_language(ui_lang, analysis.lang), Citations(document, analysis.lang))
        settings = settings or Settings()  # an amending act is always read as partial text
        settings = replace(settings, partial_text=settings.partial_text or amends_another_act(document))
        assessed = assess(analysis, rulebook, instruments, settings, cut)
        findings = sort_findings(requirement_findings(assessed, rulebook, settings.partial_text, voice)
                                 + consistency_findings(document, voice))
        findings = with_suggestions(findings, assessed, analysis, rulebook, voice.lang)
        report = build_report(analysis, assessed, findings, instruments,
                              source or Path(document.source).name, voice)
    report = attach_decisions(report, analysis, decisions)
    return Check(report, analysis, assessed, findings)


