"""`lawcheck validate FILE`: structural validation; each problem on a line of stdout."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from lawcheck.cli.exits import EXIT_FINDINGS, EXIT_OK
from lawcheck.validate import validate_file


def run(args: argparse.Namespace) -> int:
    problems = validate_file(Path(args.file), schema=Path(args.schema) if args.schema else None,
                             max_bytes=args.max_bytes)
    for problem in problems:
        print(problem)
    if problems:
        print(f"{args.file}: {len(problems)} problem(s)", file=sys.stderr)
        return EXIT_FINDINGS
    print(f"{args.file}: valid")
    return EXIT_OK
