"""`lawcheck check FILE...`: check drafts and write the reports in the asked format."""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from lawcheck.cli.output import exit_code, write_result
from lawcheck.cli.stderr import warn
from lawcheck.cli.store import decisions_path
from lawcheck.decisions.attach import is_dismissed
from lawcheck.draft import load_draft
from lawcheck.errors import InputError
from lawcheck.output import check_output_path
from lawcheck.treaty import parse_instruments

if TYPE_CHECKING:
    from lawcheck.pipeline import Check


def run(args: argparse.Namespace) -> int:
    """One draft: its report on stdout or in -o FILE (several drafts: `lawcheck.cli.batch`)."""
    paths = [Path(name) for name in args.file]
    if args.format == "docx" and not args.output:
        raise InputError("--format docx writes a Word file: add -o FILE.docx")
    path = paths[0]
    if args.output:
        check_output_path(args.output, inputs=[path, *([args.db] if args.db else [])])
    code, check = check_file(args, path)
    write_report(check, args.format, args.output, inputs=[path])
    return code


def check_file(args: argparse.Namespace, path: Path, *, in_batch: bool = False) -> tuple[int, Check]:
    """Check one draft as the options say: the exit code it earns and the check. In a batch
    the progress line is the batch's, not this draft's."""
    instruments = parse_instruments(args.instruments)
    draft = load_draft(path, lang=args.lang, max_bytes=args.max_bytes)
    warn(path, draft.warnings)
    quiet = in_batch or (args.format == "json" and not args.output)
    if not quiet and sys.stderr.isatty():
        print(f"lawcheck: checking {path.name} ...", file=sys.stderr)
    # The engine loads once the draft has been read: a refused file never waits for it.
    from lawcheck.pipeline import check_document
    from lawcheck.rulebook.loader import load_rulebook
    from lawcheck.settings import load_settings, parse_scope

    settings = load_settings(path, load_rulebook())
    if args.scope:
        settings = replace(settings, scope=parse_scope(args.scope))
    db, named = decisions_path(args, path, draft.document)
    store = None  # when no decisions were recorded yet: nothing is created, and SQLite is not loaded
    if named or db.is_file():
        from lawcheck.decisions.store import open_store

        store = open_store(db, named=named)
    try:
        check = check_document(draft.document, lang=args.lang, instruments=instruments, settings=settings,
                               source=path.name, decisions=store, ui_lang=getattr(args, "ui_lang", "auto"))
    finally:
        if store is not None:
            store.close()
    warn(path, [str(w["message"]) for w in check.report.get("warnings") or ()])
    return exit_code(_standing_categories(check), args.fail_on), check


def write_report(check: Check, output_format: str, output: str | None, inputs: list[Path] | None = None) -> None:
    """The report in `output`, or on stdout; a Word commentary always goes to `output`."""
    if output_format == "docx":
        from lawcheck.report.docx import write_commentary  # python-docx loads only for this format

        write_commentary(check.report, check.analysis, Path(output), inputs=inputs or [])  # type: ignore[arg-type]
    else:
        write_result(_render(check, output_format), output, inputs=inputs or [])


def _render(check: Check, output_format: str) -> str:
    from lawcheck.report.render import render_html, render_markdown, render_text

    if output_format == "json":
        return json.dumps(check.report, ensure_ascii=False, indent=2) + "\n"
    if output_format == "md":
        return render_markdown(check.report)
    if output_format == "html":
        return render_html(check.report, check.analysis)
    return render_text(check.report)


def _standing_categories(check: Check) -> list[str]:
    """Categories of the findings --fail-on looks at: a finding a reviewer dismissed (and whose
    provision has not changed since) does not fail."""
    return [f["category"] for f in check.report["findings"] if not is_dismissed(f)]
