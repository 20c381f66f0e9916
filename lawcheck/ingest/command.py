"""`lawcheck import FILE -o OUT.xml [--lang] [--title] [--country] [--date]`: what it does.

cli.py declares the arguments and calls run_import lazily (importing python-docx costs a
quarter of a second, which other commands should not pay); the messages live here.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from lawcheck.ingest import import_draft
from lawcheck.output import check_output_path, write_output


def run_import(args: argparse.Namespace) -> int:
    """Import one draft; a one-line summary (and any warning) goes to stderr, so that
    `-o -` leaves only the XML on stdout. args: file, output, lang, title, country, date,
    max_bytes."""
    if args.output != "-":
        check_output_path(args.output, inputs=[args.file])
    result = import_draft(Path(args.file), lang=args.lang, title=args.title, country=args.country,
                          date=args.date, max_bytes=getattr(args, "max_bytes", None))
    if args.output == "-":
        sys.stdout.buffer.write(result.xml)
        sys.stdout.flush()
    else:
        write_output(args.output, result.xml, inputs=[args.file])
    for warning in result.warnings:
        print(f"lawcheck: warning: {args.file}: {warning}", file=sys.stderr)
    print(f"lawcheck: {args.file}: {result.articles} articles/sections, {result.units} units "
          f"({result.language}) -> {args.output}", file=sys.stderr)
    return 0
