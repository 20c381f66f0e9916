"""`lawcheck check FILE...`: check drafts and write the reports in the asked format."""

from __future__ import annotations

import argparse
from pathlib import Path

from lawcheck.cli.one_draft import check_file, write_report
from lawcheck.errors import InputError
from lawcheck.output import check_output_path


def run(args: argparse.Namespace) -> int:
    """One draft: its report on stdout or in -o FILE. Several drafts or a folder: a batch."""
    paths = [Path(name) for name in args.file]
    if len(paths) > 1 or paths[0].is_dir():
        from lawcheck.cli.batch import run_batch

        return run_batch(args, paths)
    path = paths[0]
    if args.format == "docx" and not args.output:
        raise InputError("--format docx writes a Word file: add -o FILE.docx")
    if args.output:
        check_output_path(args.output, inputs=[path, *([args.db] if args.db else [])])
    code, check = check_file(args, path)
    write_report(check, args.format, args.output, path)
    return code
