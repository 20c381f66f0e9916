"""`lawcheck diff OLD NEW`: compare two versions of a draft, or apply an amending act and compare."""

from __future__ import annotations

import argparse
from functools import partial
from pathlib import Path

from lawcheck.cli.output import exit_code, write_result
from lawcheck.cli.stderr import warn
from lawcheck.compare.versions import compare
from lawcheck.draft import Draft, load_draft
from lawcheck.output import check_output_path
from lawcheck.pipeline import check_document
from lawcheck.report.diff import render_diff
from lawcheck.rulebook.loader import load_rulebook
from lawcheck.settings import load_settings
from lawcheck.treaty import parse_instruments


def run(args: argparse.Namespace) -> int:
    """Read both files, compare (applying NEW to OLD when it is an amending act), write the
    diff. --fail-on looks at the findings the new version adds."""
    old_path, new_path = Path(args.old), Path(args.new)
    instruments = parse_instruments(args.instruments)
    if args.output:
        check_output_path(args.output, inputs=[old_path, new_path])
    old, new = (_load(path, args.max_bytes, args.lang) for path in (old_path, new_path))
    check = partial(check_document, lang=args.lang, instruments=instruments,
                    settings=load_settings(old_path, load_rulebook()), ui_lang=getattr(args, "ui_lang", "auto"))
    diff = compare(old, check(old.document), new, check,
                   as_amendment=None if args.mode == "auto" else args.mode == "amendment")
    problems = diff.get("amendment", {}).get("problems", [])
    if problems:
        warn(new_path, [f"{len(problems)} amending instruction(s) not applied (listed in the diff)"])
    write_result(render_diff(diff, args.format), args.output, inputs=[old_path, new_path])
    return exit_code((finding["category"] for finding in diff["findings"]["added"]), args.fail_on)


def _load(path: Path, max_bytes: int | None, lang: str) -> Draft:
    draft = load_draft(path, lang=lang, max_bytes=max_bytes)
    warn(path, draft.warnings)
    return draft
