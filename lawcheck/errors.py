"""Errors that end a command with exit code 2 and one line on stderr."""

from __future__ import annotations


class InputError(Exception):
    """Bad input or usage: the message is one line that says what is wrong and where."""

    def __init__(self, message: str, *, source: str | None = None, line: int | None = None,
                 eid: str | None = None) -> None:
        self.source = source
        self.line = line
        self.eid = eid
        super().__init__(message)

    def __str__(self) -> str:
        where = ":".join(str(part) for part in (self.source, self.line) if part)
        if self.eid:
            where = f"{where} ({self.eid})" if where else self.eid
        text = " ".join(super().__str__().split())
        return f"{where}: {text}" if where else text
