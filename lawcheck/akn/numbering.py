"""Numbers of legal units: cleaning them for eIds, and reading them as sequences.

Drafters number units as "Article 5", "Статья 41-1.", "(4.101)", "(c.1)", "Part VII", "ii".
eIds need one canonical token per number (the AKN naming convention: `art_41-1`,
`subsec_4-101`), and the validator needs to know whether 94, 94-1, 95 is a sequence (it is:
94-1 is an inserted unit) while 1, 2, 4 is not.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

_LABEL = re.compile(r"^(?:[^\W\d_]+\.?\s+)+(?=[\w(\[])")
_SECTION_SIGN = re.compile(r"^[§¶]+\s*")
_BRACKETS = re.compile(r"[()\[\]{}]")
_PUNCT = re.compile(r"[\W_]+")

_ROMAN = re.compile(r"^M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$", re.IGNORECASE)
_ROMAN_VALUES = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100, "d": 500, "m": 1000}
_ARABIC = re.compile(r"^([0-9]{1,12})(?![0-9])(?:-?(.+))?$")
_LETTERS = re.compile(r"^([^\W\d_])\1*(?:-(.+))?$")
_LATIN = "abcdefghijklmnopqrstuvwxyz"
_CYRILLIC = "абвгдежзиклмнопрстуфхцчшщэюя"
"""Russian list lettering skips ё, й, ъ, ы, ь, so а) б) в) ... is read in this order."""


@lru_cache(maxsize=65536)
def clean_num(num: str) -> str:
    """Turn a written number into its eId token: "Статья 41-1." -> "41-1", "(4.101)" -> "4-101".

    A leading label word ("Article", "Статья", "Part", "Глава") is dropped, brackets go, and any
    punctuation inside becomes a hyphen, as in the devset and the AKN naming convention.
    Cached: the same few thousand numbers recur across a code.
    """
    text = _SECTION_SIGN.sub("", num.strip())
    text = _LABEL.sub("", text)
    text = _BRACKETS.sub("", text)
    return _PUNCT.sub("-", text).strip("-")


def display_num(num: str) -> str:
    """A number as a message shows it: as written, without its label or closing dot
    ("Статья 41-1." -> "41-1", "342.1" stays "342.1", "(a)" stays "(a)")."""
    text = _LABEL.sub("", _SECTION_SIGN.sub("", num.strip()))
    return text.rstrip(".") or text


@dataclass(frozen=True, slots=True)
class NumKey:
    """A unit number read as a sequence position: family, base value and insert suffix."""

    family: str  # "arabic" | "roman" | "latin" | "cyrillic"
    base: int
    suffix: str  # "" for an ordinary unit, "1" for 94-1, "A" for 226A


def roman_value(text: str) -> int | None:
    """Value of a roman numeral, or None when `text` is not one."""
    if not text or not _ROMAN.match(text):
        return None
    total, previous = 0, 0
    for char in reversed(text.lower()):
        value = _ROMAN_VALUES[char]
        total += -value if value < previous else value
        previous = max(previous, value)
    return total


def _letter_key(token: str) -> tuple[str, int, str] | None:
    match = _LETTERS.match(token)
    if not match:
        return None
    letter = match.group(1).lower()
    repeat = len(token.split("-", 1)[0])
    for family, alphabet in (("latin", _LATIN), ("cyrillic", _CYRILLIC)):
        position = alphabet.find(letter)
        if position >= 0:
            return family, (repeat - 1) * len(alphabet) + position + 1, match.group(2) or ""
    return None


def num_keys(token: str) -> list[NumKey]:
    """Every way a cleaned number can be read: "i" is both roman one and the letter i."""
    keys: list[NumKey] = []
    arabic = _ARABIC.match(token)
    if arabic:
        keys.append(NumKey("arabic", int(arabic.group(1)), arabic.group(2) or ""))
        return keys
    head, _, tail = token.partition("-")
    value = roman_value(head)
    if value is not None:
        keys.append(NumKey("roman", value, tail))
    letter = _letter_key(token)
    if letter is not None:
        keys.append(NumKey(*letter))
    return keys


def sequence_family(tokens: list[str]) -> str | None:
    """The numbering family shared by sibling numbers, or None when they are mixed.

    Roman wins over letters only when the run looks roman: it starts at i/I or uses a
    multi-letter numeral (ii, iv), since a, b, c, d are letters even though c and d are roman.
    """
    readings = [{key.family for key in num_keys(token)} for token in tokens]
    if not readings or not all(readings):
        return None
    common = set.intersection(*readings)
    if "arabic" in common:
        return "arabic"
    if "roman" in common and _looks_roman(tokens):
        return "roman"
    for family in ("latin", "cyrillic"):
        if family in common:
            return family
    return "roman" if "roman" in common else None


def _looks_roman(tokens: list[str]) -> bool:
    first = tokens[0].partition("-")[0].lower()
    multi = any(len(token.partition("-")[0]) > 1 and len(set(token.partition("-")[0])) > 1
                for token in tokens)
    return first == "i" or multi


def key_in_family(token: str, family: str) -> NumKey | None:
    """The reading of `token` in `family`, if it has one."""
    for key in num_keys(token):
        if key.family == family:
            return key
    return None


def format_base(base: int, family: str) -> str:
    """Write a sequence position back as a number a drafter recognises (for messages)."""
    if family == "arabic":
        return str(base)
    if family == "roman":
        return _to_roman(base)
    alphabet = _LATIN if family == "latin" else _CYRILLIC
    repeat, position = divmod(base - 1, len(alphabet))
    return alphabet[position] * (repeat + 1)


def _to_roman(value: int) -> str:
    parts = []
    for number, numeral in ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"),
                            (90, "xc"), (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"),
                            (4, "iv"), (1, "i")):
        count, value = divmod(value, number)
        parts.append(numeral * count)
    return "".join(parts)
