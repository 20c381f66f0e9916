"""Text from a draft or a reviewer, made safe for the output it lands in.

A draft's words and a reviewer's reasons are written into Markdown files that other tools
render, and onto terminals that obey escape sequences. Markdown output must show them as
written, never as markup or HTML; terminal output must never carry control sequences; and a
reviewer's name or reason with a control character would break every later Word export, so it
is refused when recorded.
"""

from __future__ import annotations

import re
import unicodedata

_ANSI = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)?|[@-Z\\-_])")
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]|~])")
_LINE_BREAKS = re.compile(r"\r\n?|\n|\u2028|\u2029")
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def terminal_text(text: str) -> str:
    """`text` without escape sequences or control characters (newlines and tabs kept)."""
    return _CONTROLS.sub("", _ANSI.sub("", text.replace("\r\n", "\n"))).replace("\r", "")


def markdown_text(text: str) -> str:
    """`text` as literal Markdown on one line: markup characters escaped, HTML as entities."""
    one_line = _LINE_BREAKS.sub(" ", terminal_text(text))
    escaped = one_line.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _MARKDOWN_SPECIAL.sub(r"\\\1", escaped)


def markdown_code(text: str) -> str:
    """`text` as an inline code span (an eId), whatever backticks it holds."""
    cleaned = _LINE_BREAKS.sub(" ", terminal_text(text)).replace("`", "'")
    return f"`{cleaned}`"


def control_characters(text: str) -> list[str]:
    """The control and bidirectional-override characters in `text`, as U+XXXX (none is fine)."""
    found = [char for char in text
             if unicodedata.category(char) == "Cc" or char in BIDI_CONTROLS or char in "\u2028\u2029"]
    return [f"U+{ord(char):04X}" for char in dict.fromkeys(found)]
