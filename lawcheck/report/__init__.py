"""`lawcheck check`: read a draft, assess it, and write the report in the asked format."""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lawcheck.akn import Document, parse_document, read_document
from lawcheck.align import Analysis, analyse
from lawcheck.citations import Citations
from lawcheck.concepts import detect_language
from lawcheck.errors import InputError
from lawcheck.evaluate import Assessed, assess
from lawcheck.findings import Finding, Voice, fails_on, requirement_findings, sort_findings
from lawcheck.i18n import tr, ui_language
from lawcheck.ingest import DRAFT_SUFFIXES, import_file
from lawcheck.report.build import build_report
from lawcheck.report.render import render_html, render_markdown, render_text
from lawcheck.review import DecisionStore, attach_decisions, open_store
from lawcheck.rulebook.loader import load_rulebook
from lawcheck.settings import Settings, load_settings
from lawcheck.suggestions import with_suggestions

INSTRUMENT_IDS = ("BC", "SP")
EXIT_FINDINGS = 3


@dataclass(frozen=True)
class Check:
    """Everything one check produced: the report dict and what rendering needs."""

    report: dict[str, Any]
    analysis: Analysis
    assessed: list[Assessed]
    findings: list[Finding]


def parse_instruments(value: str) -> tuple[str, ...]:
    chosen = tuple(dict.fromkeys(part.strip().upper() for part in value.split(",") if part.strip()))
    unknown = [c for c in chosen if c not in INSTRUMENT_IDS]
    if not chosen or unknown:
        raise InputError(f"--instruments: expected BC, SP or BC,SP, got {value!r}")
    return chosen


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
                   decisions: DecisionStore | None = None, ui_lang: str = "auto") -> Check:
    """The whole pipeline on a parsed draft: the entry point for the CLI and the app.
    With `decisions`, each finding a reviewer decided on carries a `decision` object.
    `ui_lang` is the language of the report's words (auto: the draft's)."""
    rulebook = load_rulebook()
    analysis = analyse(document, choose_language(document, lang))
    voice = Voice(ui_language(ui_lang, analysis.lang), Citations(document, analysis.lang))
    assessed = assess(analysis, rulebook, instruments, settings or Settings())
    findings = sort_findings(requirement_findings(assessed, rulebook, voice)
                             + consistency_findings(document, voice))
    findings = with_suggestions(findings, assessed, analysis, rulebook, voice.lang)
    report = build_report(analysis, assessed, findings, instruments,
                          source or Path(document.source).name, voice)
    attach_decisions(report, analysis, decisions)
    return Check(report, analysis, assessed, findings)


def _fails(report: dict[str, Any], fail_on: str | None) -> bool:
    """A finding a reviewer dismissed (and whose provision has not changed since) does not fail."""
    return fails_on({f["category"] for f in report["findings"]
                     if f.get("decision", {}).get("status") != "dismissed"}, fail_on)


def read_draft(path: Path, *, lang: str = "auto", max_bytes: int | None = None) -> Document:
    """A draft as every command reads it: Akoma Ntoso as is, .docx and .txt imported first."""
    if path.suffix.lower() not in DRAFT_SUFFIXES:
        return read_document(path, max_bytes=max_bytes)
    return parse_document(import_file(path, lang=lang, max_bytes=max_bytes), source=path.name,
                          max_bytes=max_bytes)


def run_check(args: argparse.Namespace) -> int:
    path = Path(args.file)
    instruments = parse_instruments(args.instruments)
    if args.format == "docx" and not args.output:
        raise InputError("--format docx writes a Word file: add -o FILE.docx")
    document = read_draft(path, lang=args.lang, max_bytes=args.max_bytes)
    for warning in document.warnings:
        print(f"lawcheck: warning: {path}: {warning}", file=sys.stderr)
    quiet = args.format == "json" and not args.output
    if not quiet and sys.stderr.isatty():
        print(f"lawcheck: checking {path.name} ...", file=sys.stderr)
    settings = load_settings(path, load_rulebook())
    store = open_store(path, args.db)  # None when no decisions were recorded yet: nothing is created
    try:
        check = check_document(document, lang=args.lang, instruments=instruments, settings=settings,
                               source=path.name, decisions=store,
                               ui_lang=getattr(args, "ui_lang", "auto"))
    finally:
        if store is not None:
            store.close()
    if args.format == "docx":
        from lawcheck.commentary import write_commentary

        write_commentary(check.report, check.analysis, Path(args.output))
        return EXIT_FINDINGS if _fails(check.report, args.fail_on) else 0
    if args.format == "json":
        text = json.dumps(check.report, ensure_ascii=False, indent=2) + "\n"
    elif args.format == "md":
        text = render_markdown(check.report)
    elif args.format == "html":
        text = render_html(check.report, check.analysis)
    else:
        text = render_text(check.report)
    if args.output:
        Path(args.output).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return EXIT_FINDINGS if _fails(check.report, args.fail_on) else 0
