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
from lawcheck.concepts import detect_language
from lawcheck.errors import InputError
from lawcheck.evaluate import Assessed, assess
from lawcheck.findings import Finding, fails_on, requirement_findings, sort_findings
from lawcheck.gcpause import cycle_collection_paused
from lawcheck.ingest import DRAFT_SUFFIXES, import_file
from lawcheck.report.build import build_report
from lawcheck.report.render import render_html, render_markdown, render_text
from lawcheck.review import DecisionStore, attach_decisions, open_store
from lawcheck.rulebook.loader import load_rulebook
from lawcheck.settings import Settings, load_settings

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


def consistency_findings(document: Document) -> list[Finding]:
    """Dangling references and terms defined twice."""
    findings = []
    for ref in document.references:
        if ref.target_eid is None and ref.kind in {"ref", "numeric"}:
            findings.append(Finding(
                code="draft/dangling_reference", category="consistency", severity="medium",
                message=f"“{ref.text}” refers to a provision the draft does not have.",
                provisions=(ref.source_eid,) if ref.source_eid else (),
                help="Correct the cross-reference or add the provision it points to."))
    # A term may be defined again for one section ("In this section, ..."): key on the scope.
    terms = Counter((d.scope, d.term.lower()) for d in document.definitions)
    for (scope, term), count in sorted(terms.items()):
        if count > 1:
            eids = tuple(d.eid for d in document.definitions
                         if d.term.lower() == term and d.scope == scope)
            findings.append(Finding(
                code="draft/duplicate_definition", category="consistency", severity="low",
                message=f"“{term}” is defined {count} times.", provisions=eids,
                help="Keep one definition, or make sure the wordings agree."))
    return findings


def check_document(document: Document, *, lang: str = "auto",
                   instruments: tuple[str, ...] = INSTRUMENT_IDS,
                   settings: Settings | None = None, source: str | None = None,
                   decisions: DecisionStore | None = None) -> Check:
    """The whole pipeline on a parsed draft: the entry point for the CLI and the app.
    With `decisions`, each finding a reviewer decided on carries a `decision` object."""
    rulebook = load_rulebook()
    with cycle_collection_paused():
        analysis = analyse(document, choose_language(document, lang))
        assessed = assess(analysis, rulebook, instruments, settings or Settings())
        findings = sort_findings(requirement_findings(assessed, rulebook)
                                 + consistency_findings(document))
        report = build_report(analysis, assessed, findings, instruments,
                              source or Path(document.source).name)
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
    """One draft: its report on stdout or in -o FILE. Several drafts or a folder: a batch."""
    paths = [Path(name) for name in args.file]
    if len(paths) > 1 or paths[0].is_dir():
        from lawcheck.report.batch import run_batch

        return run_batch(args, paths)
    if args.format == "docx" and not args.output:
        raise InputError("--format docx writes a Word file: add -o FILE.docx")
    code, check = check_file(args, paths[0])
    write_report(check, args.format, args.output)
    return code


def check_file(args: argparse.Namespace, path: Path) -> tuple[int, Check]:
    """Check one draft as the options say: the exit code it earns and the check."""
    instruments = parse_instruments(args.instruments)
    document = read_draft(path, lang=args.lang, max_bytes=args.max_bytes)
    for warning in document.warnings:
        print(f"lawcheck: warning: {path}: {warning}", file=sys.stderr)
    quiet = getattr(args, "batch", False) or (args.format == "json" and not args.output)
    if not quiet and sys.stderr.isatty():
        print(f"lawcheck: checking {path.name} ...", file=sys.stderr)
    settings = load_settings(path, load_rulebook())
    store = open_store(path, args.db)  # None when no decisions were recorded yet: nothing is created
    try:
        check = check_document(document, lang=args.lang, instruments=instruments, settings=settings,
                               source=path.name, decisions=store)
    finally:
        if store is not None:
            store.close()
    return (EXIT_FINDINGS if _fails(check.report, args.fail_on) else 0), check


def write_report(check: Check, report_format: str, output: str | None) -> None:
    """The report in `output`, or on stdout; a Word commentary always goes to `output`."""
    if report_format == "docx":
        from lawcheck.commentary import write_commentary

        write_commentary(check.report, check.analysis, Path(output))  # type: ignore[arg-type]
        return
    text = render(check, report_format)
    if output:
        Path(output).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)


def render(check: Check, report_format: str) -> str:
    """The report as text in one of the text formats."""
    if report_format == "json":
        return json.dumps(check.report, ensure_ascii=False, indent=2) + "\n"
    if report_format == "md":
        return render_markdown(check.report)
    if report_format == "html":
        return render_html(check.report, check.analysis)
    return render_text(check.report)
