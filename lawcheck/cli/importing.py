"""`lawcheck import FILE -o OUT.xml [--lang] [--title] [--country] [--date]`: turn a Word or
text draft into Akoma Ntoso, with a one-line summary of what was recognised."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from lawcheck.cli.exits import EXIT_OK
from lawcheck.cli.output import warn
from lawcheck.errors import InputError
from lawcheck.ingest import import_draft


def run(args: argparse.Namespace) -> int:
    """Import one draft; a one-line summary (and any warning) goes to stderr, so that
    `-o -` leaves only the XML on stdout. args: file, output, lang, title, country, date,
    max_bytes."""
    result = import_draft(Path(args.file), lang=args.lang, title=args.title, country=args.country,
                          date=args.date, max_bytes=args.max_bytes)
    if args.output == "-":
        sys.stdout.buffer.write(result.xml)
        sys.stdout.flush()
    else:
        _write(Path(args.output), result.xml)
    warn(args.file, result.warnings)
    print(f"lawcheck: {args.file}: {result.articles} articles/sections, {result.units} units "
          f"({result.language}) -> {args.output}", file=sys.stderr)
    return EXIT_OK


def _write(path: Path, data: bytes) -> None:
    try:
        path.write_bytes(data)
    except OSError as error:
        raise InputError(f"cannot write: {error.strerror or type(error).__name__}", source=str(path)) from None
