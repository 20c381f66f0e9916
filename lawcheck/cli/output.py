"""What every command writes besides its result: warnings on stderr, results to a file or stdout."""

from __future__ import annotations

import sys
from collections.abc import Iterable
from pathlib import Path

from lawcheck.cli.exits import EXIT_FINDINGS, EXIT_OK
from lawcheck.engine.findings import fails_on


def warn(source: str | Path, warnings: Iterable[str]) -> None:
    for warning in warnings:
        print(f"lawcheck: warning: {source}: {warning}", file=sys.stderr)


def write_result(text: str, output: str | None) -> None:
    """The result to `-o FILE`, else to stdout (alone there, so that JSON can be piped)."""
    if output:
        Path(output).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)


def exit_code(categories: Iterable[str], fail_on: str | None) -> int:
    """EXIT_FINDINGS when --fail-on matches one of the finding categories, else EXIT_OK."""
    return EXIT_FINDINGS if fails_on(set(categories), fail_on) else EXIT_OK
