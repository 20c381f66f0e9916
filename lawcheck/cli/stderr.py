"""Warnings on stderr, held until the command ends: the contract allows one line on an error."""

from __future__ import annotations

import sys
from collections.abc import Iterable
from pathlib import Path

_pending_warnings: list[str] = []


def warn(source: str | Path, warnings: Iterable[str]) -> None:
    """Hold warnings until the command has finished: printed if it succeeds, dropped if it ends
    in an error, whose one line is then all that stderr carries (the contract)."""
    _pending_warnings.extend(f"lawcheck: warning: {source}: {warning}" for warning in warnings)


def flush_warnings() -> None:
    """Print the warnings held so far."""
    for line in _pending_warnings:
        print(line, file=sys.stderr)
    _pending_warnings.clear()


def drop_warnings() -> None:
    """Forget the warnings held so far (the command failed, or a new one starts)."""
    _pending_warnings.clear()
