"""Word's automatic numbering: the "1)", "а)" or "Статья 5." Word draws but does not store.

A numbered paragraph holds only `w:numPr` (numId, ilvl), directly or through its style; the
label comes from numbering.xml: numId -> abstractNum -> level (start, numFmt, lvlText such as
"%1)" or "%1.%2."), and from a counter. As in Word, the counters belong to the abstract list,
so two numIds of one abstractNum continue each other, and a num with a `startOverride`
restarts its level the first time it is used. A level restarts whenever a level above it
advances. Bullets and "none" formats give no label.

The file is the drafter's, so the work is bounded by constants, not by what it says: a start
value past MAX_LIST_VALUE is ignored, letters and roman numerals past their usual range are
written in digits (a list starting at "lowerLetter" 2,000,000,000 would otherwise be a label
of 77 million letters), and a label is at most MAX_LABEL_CHARS long.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import etree

from lawcheck.akn.numbering import format_base
from lawcheck.digits import ascii_int

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
LEVELS = 9
MAX_LIST_VALUE = 999_999
MAX_LABEL_CHARS = 80
_MAX_LETTER_REPEAT = 4
_MAX_ROMAN = 3999
_PLACEHOLDER = re.compile(r"%([1-9])")


def w(tag: str) -> str:
    """Clark name of a WordprocessingML element or attribute."""
    return f"{{{W}}}{tag}"


@dataclass(frozen=True, slots=True)
class LevelFormat:
    """One level of a list definition."""

    start: int
    fmt: str
    text: str


@dataclass(slots=True)
class _Num:
    """A list instance (w:num): its abstract list, and level restarts of its own."""

    abstract: str
    overrides: dict[int, int] = field(default_factory=dict)
    used: set[int] = field(default_factory=set)


def format_number(value: int, fmt: str) -> str:
    """A counter in a Word number format (decimal, lowerLetter, upperRoman, russianLower...)."""
    if value < 1 and fmt not in ("decimal", "decimalZero"):
        return str(value)
    if not _has_short_form(value, fmt):
        return str(value)
    if fmt == "decimalZero":
        return f"{value:02d}"
    if fmt in ("lowerLetter", "upperLetter"):
        letters = chr(ord("a") + (value - 1) % 26) * ((value - 1) // 26 + 1)
        return letters.upper() if fmt == "upperLetter" else letters
    if fmt in ("lowerRoman", "upperRoman"):
        roman = format_base(value, "roman")
        return roman.upper() if fmt == "upperRoman" else roman
    if fmt in ("russianLower", "russianUpper"):
        letter = format_base(value, "cyrillic")
        return letter.upper() if fmt == "russianUpper" else letter
    return str(value)


def _has_short_form(value: int, fmt: str) -> bool:
    """Whether `value` fits `fmt` in a few characters (letters repeat, roman stops at 3999)."""
    if fmt in ("lowerLetter", "upperLetter"):
        return value <= 26 * _MAX_LETTER_REPEAT
    if fmt in ("russianLower", "russianUpper"):
        return value <= 28 * _MAX_LETTER_REPEAT
    if fmt in ("lowerRoman", "upperRoman"):
        return value <= _MAX_ROMAN
    return True


class WordNumbering:
    """Computes the label of each numbered paragraph, in document order (it keeps counters)."""

    def __init__(self, numbering: etree._Element | None) -> None:
        self.abstracts: dict[str, dict[int, LevelFormat]] = {}
        self.nums: dict[str, _Num] = {}
        self.counters: dict[str, list[int | None]] = {}
        if numbering is not None:
            self._read(numbering)

    def _read(self, numbering: etree._Element) -> None:
        for abstract in numbering.iterchildren(w("abstractNum")):
            self.abstracts[abstract.get(w("abstractNumId"), "")] = _levels(abstract)
        for num in numbering.iterchildren(w("num")):
            abstract_id = num.find(w("abstractNumId"))
            if abstract_id is None:
                continue
            entry = _Num(abstract_id.get(w("val"), ""))
            for override in num.iterchildren(w("lvlOverride")):
                level = _int(override.get(w("ilvl")), 0)
                start = override.find(w("startOverride"))
                if start is not None:
                    entry.overrides[level] = _int(start.get(w("val")), 1)
                replacement = override.find(w("lvl"))
                if replacement is not None:  # a whole level redefined for this list only
                    self.abstracts.setdefault(f"{entry.abstract}#{num.get(w('numId'))}",
                                              dict(self.abstracts.get(entry.abstract, {})))
                    entry.abstract = f"{entry.abstract}#{num.get(w('numId'))}"
                    self.abstracts[entry.abstract][level] = _level(replacement)
            self.nums[num.get(w("numId"), "")] = entry

    def label(self, num_id: str | None, level: int) -> str:
        """The label Word shows for the next paragraph of list `num_id` at `level` ("" if none)."""
        if not num_id or num_id == "0" or num_id not in self.nums or not 0 <= level < LEVELS:
            return ""
        num = self.nums[num_id]
        formats = self.abstracts.get(num.abstract, {})
        if level not in formats:
            return ""
        counters = self.counters.setdefault(num.abstract, [None] * LEVELS)
        current = counters[level]
        if level in num.overrides and level not in num.used:
            counters[level] = num.overrides[level]
        elif current is None:
            counters[level] = formats[level].start
        else:
            counters[level] = current + 1
        num.used.add(level)
        for deeper in range(level + 1, LEVELS):
            counters[deeper] = None
        if formats[level].fmt in ("bullet", "none"):
            return ""
        label = _PLACEHOLDER.sub(lambda match: self._value(match, counters, formats), formats[level].text)
        return label.strip()[:MAX_LABEL_CHARS]

    @staticmethod
    def _value(match: re.Match[str], counters: list[int | None], formats: dict[int, LevelFormat]) -> str:
        level = int(match.group(1)) - 1
        fmt = formats.get(level, LevelFormat(1, "decimal", ""))
        value = counters[level]
        return format_number(fmt.start if value is None else value, fmt.fmt)


def _levels(abstract: etree._Element) -> dict[int, LevelFormat]:
    return {_int(level.get(w("ilvl")), 0): _level(level) for level in abstract.iterchildren(w("lvl"))}


def _level(level: etree._Element) -> LevelFormat:
    start = level.find(w("start"))
    fmt = level.find(w("numFmt"))
    text = level.find(w("lvlText"))
    return LevelFormat(start=_int(start.get(w("val")) if start is not None else None, 0),
                       fmt=fmt.get(w("val"), "decimal") if fmt is not None else "decimal",
                       text=text.get(w("val"), "")[:MAX_LABEL_CHARS] if text is not None else "")


def _int(value: str | None, default: int) -> int:
    """An attribute's integer, or `default` when it is missing, not a number or out of range."""
    number = ascii_int(value.strip().lstrip("-"), max_digits=7) if value is not None else None
    if number is None or number > MAX_LIST_VALUE:
        return default
    return -number if value.strip().startswith("-") else number  # type: ignore[union-attr]
