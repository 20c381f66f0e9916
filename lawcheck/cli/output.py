"""What every command writes besides its warnings: results to a file or stdout, and the exit code."""

from __future__ import annotations

import sys
from collections.abc import Iterable
from pathlib import Path

from lawcheck.cli.exits import EXIT_FINDINGS, EXIT_OK
from lawcheck.output import write_output


def write_result(text: str, output: str | None, inputs: Iterable[str | Path] = ()) -> None:
    """The result to `-o FILE` (never over one of `inputs`, atomically), else to stdout (alone
    there, so that JSON can be piped)."""
    if output:
        write_output(output, text, inputs)
    else:
        sys.stdout.write(text)


def exit_code(categories: Iterable[str], fail_on: str | None) -> int:
    """EXIT_FINDINGS when --fail-on matches one of the finding categories, else EXIT_OK."""
    from lawcheck.engine.findings import fails_on  # the engine, once a check has run

    return EXIT_FINDINGS if fails_on(set(categories), fail_on) else EXIT_OK
