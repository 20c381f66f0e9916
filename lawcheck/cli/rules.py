"""`lawcheck rules`: list or export the rule graph."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from lawcheck.cli.exits import EXIT_OK
from lawcheck.rulebook import export


def run(args: argparse.Namespace) -> int:
    text = export.render(args.format, out_dir=Path(args.output) if args.output else None)
    if text:
        sys.stdout.write(text)
    return EXIT_OK
