"""Numbers read from draft text: ASCII digits only, and never longer than a law can mean.

`str.isdigit()` and the regex `\\d` accept "²", "①" and "٣٠", which `int()` refuses or reads
differently, and `int()` refuses strings over 4,300 digits. A draft that says "for ² days" is
a typo, not an internal error: such numbers are read as text.
"""

from __future__ import annotations

MAX_DIGITS = 12
"""No article, paragraph or period in a law needs more digits; longer runs are read as text."""


def is_ascii_number(text: str, max_digits: int = MAX_DIGITS) -> bool:
    """True when `text` is 1 to `max_digits` ASCII digits."""
    return 0 < len(text) <= max_digits and text.isascii() and text.isdigit()


def ascii_int(text: str, max_digits: int = MAX_DIGITS) -> int | None:
    """The value of `text` when it is a plain ASCII number of bounded length, else None."""
    return int(text) if is_ascii_number(text, max_digits) else None
