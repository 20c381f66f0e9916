"""`lawcheck import FILE -o OUT.xml [--lang] [--title] [--country] [--date]`: turn a Word or
text draft into Akoma Ntoso, with a one-line summary of what was recognised."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from lawcheck.cli.exits import EXIT_OK
from lawcheck.cli.stderr import warn
from lawcheck.ingest import import_draft
from lawcheck.output import check_output_path, write_output


def run(args: argparse.Namespace) -> int:
    """Import one draft; a one-line summary (and any warning) goes to stderr, so that
    `-o -` leaves only the XML on stdout. args: file, output, lang, title, country, date,
    max_bytes."""
    if args.output != "-":
        check_output_path(args.output, inputs=[args.file])
    result = import_draft(Path(args.file), lang=args.lang, title=args.title, country=args.country,
                          date=args.date, max_bytes=args.max_bytes)
    if args.output == "-":
        sys.stdout.buffer.write(result.xml)
        sys.stdout.flush()
    else:
        write_output(args.output, result.xml, inputs=[args.file])
    warn(args.file, result.warnings)
    print(f"lawcheck: {args.file}: {result.articles} articles/sections, {result.units} units "
          f"({result.language}) -> {args.output}", file=sys.stderr)
    return EXIT_OK
