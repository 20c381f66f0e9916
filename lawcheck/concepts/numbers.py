"""Durations and ages written in digits or words, as ISO 8601.

Drafts write "ninety (90) days", "72 hours", "six months", «девяноста суток», «до шести
месяцев», «72 часа»; every treaty number the rules pin is compared through this module.
The words of each language (number words, units, "not exceeding", «не менее») are data, in
the `durations` section of `rules/lexicons/<lang>/_language.yaml`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lawcheck.concepts.language import Token
from lawcheck.digits import ascii_int, is_ascii_number

_DAYS_PER_UNIT = {"H": 1 / 24, "D": 1.0, "W": 7.0, "M": 30.0, "Y": 365.0}
_ISO = re.compile(r"^P(?:([0-9]{1,9})Y)?(?:([0-9]{1,9})M)?(?:([0-9]{1,9})W)?(?:([0-9]{1,9})D)?(?:T([0-9]{1,9})H)?$")


@dataclass(frozen=True)
class DurationWords:
    """One language's words for periods, all keyed by lemma."""

    numbers: dict[str, int]
    connectors: frozenset[str]
    units: dict[str, str]  # lemma -> H, D, W, M or Y
    qualifiers: frozenset[str]  # "calendar", «рабочий»
    ages: dict[str, int]  # compound adjectives of age: «восемнадцатилетний»
    cues: tuple[tuple[tuple[str, ...], str], ...]  # (lemmas, "deadline" | "min" | "max"), in that order


@dataclass(frozen=True, slots=True)
class Duration:
    """A stated period: `value` `unit` (H, D, W, M, Y), with the bound its wording implies."""

    value: int
    unit: str
    start: int  # character offsets
    end: int
    first_token: int
    bound: str | None  # "max", "min", "deadline" or None

    @property
    def iso(self) -> str:
        return f"PT{self.value}H" if self.unit == "H" else f"P{self.value}{self.unit}"

    @property
    def days(self) -> float:
        return self.value * _DAYS_PER_UNIT[self.unit]


def iso_days(iso: str) -> float:
    """Length of an ISO 8601 duration such as P90D, P6M, P1Y or PT72H, in days."""
    match = _ISO.match(iso)
    if not match or not any(match.groups()):
        raise ValueError(f"not an ISO 8601 duration: {iso!r}")
    years, months, weeks, days, hours = (int(g) if g else 0 for g in match.groups())
    return years * 365 + months * 30 + weeks * 7 + days + hours / 24


def is_iso_duration(text: str) -> bool:
    try:
        iso_days(text)
    except ValueError:
        return False
    return True


def _word_value(token: Token, words: DurationWords) -> int | None:
    if token.text.isdigit():
        return ascii_int(token.text)
    if "-" in token.lemma:  # "twenty-four"
        parts = [words.numbers.get(part) for part in token.lemma.split("-")]
        return sum(parts) if all(parts) else None  # type: ignore[arg-type]
    return words.numbers.get(token.lemma)


def _read_number(tokens: list[Token], i: int, words: DurationWords) -> tuple[int, int] | None:
    """Read a number starting at token i: digits or number words, "ninety (90)" included.

    Returns (value, index after the number) or None.
    """
    total, current, j = 0, 0, i
    seen = False
    while j < len(tokens):
        value = _word_value(tokens[j], words)
        if value is None:
            if seen and tokens[j].lemma in words.connectors:
                j += 1
                continue
            break
        if value == 100 and seen:
            current = max(current, 1) * 100
        elif value == 1000:
            total += max(current, 1) * 1000
            current = 0
        else:
            current += value
        seen = True
        j += 1
        if is_ascii_number(tokens[j - 1].text):
            break
    if not seen:
        return None
    # "ninety (90)": the digits in brackets repeat the words.
    if j + 2 < len(tokens) and tokens[j].text == "(" and is_ascii_number(tokens[j + 1].text) \
            and tokens[j + 2].text == ")":
        j += 3
    return total + current, j


def _bound(tokens: list[Token], i: int, words: DurationWords) -> str | None:
    """"not exceeding", «не более» before a number make it a maximum; "at least" a minimum;
    "within" a deadline for acting, which is not the length of a measure."""
    window = tuple(t.lemma for t in tokens[max(0, i - 4):i])
    for cue, bound in words.cues:
        if window[-len(cue):] == cue:
            return bound
    return None


def find_durations(tokens: list[Token], words: DurationWords) -> list[Duration]:
    """Every period stated in the tokens, in text order."""
    lemmas = {t.lemma for t in tokens}
    if lemmas.isdisjoint(words.units) and lemmas.isdisjoint(words.ages):
        return []  # a period needs a unit ("days", «суток») or an age ("eighteen-year-old")
    found: list[Duration] = []
    # Only an age or a number can begin a period: the positions in between are passed over.
    begins = [k for k, t in enumerate(tokens) if t.lemma in words.ages or _word_value(t, words) is not None]
    next_begin = 0
    i = 0
    while i < len(tokens):
        while next_begin < len(begins) and begins[next_begin] < i:
            next_begin += 1
        if next_begin == len(begins):
            break
        i = begins[next_begin]
        age = words.ages.get(tokens[i].lemma)
        if age:
            found.append(Duration(age, "Y", tokens[i].start, tokens[i].end, i, _bound(tokens, i, words)))
            i += 1
            continue
        number = _read_number(tokens, i, words)
        if number is None:
            i += 1
            continue
        value, j = number
        while j < len(tokens) and tokens[j].lemma in words.qualifiers:
            j += 1
        unit = words.units.get(tokens[j].lemma) if j < len(tokens) else None
        if unit and value > 0:
            found.append(Duration(value, unit, tokens[i].start, tokens[j].end, i, _bound(tokens, i, words)))
            i = j + 1
        else:
            i = max(j, i + 1)
    return found
