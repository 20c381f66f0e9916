"""Durations and ages written in digits or words, in English and Russian, as ISO 8601.

Drafts write "ninety (90) days", "72 hours", "six months", «девяноста суток», «до шести
месяцев», «72 часа»; every treaty number the rules pin is compared through this module.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lawcheck.concepts.language import Token

_EN_NUMBERS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "thousand": 1000,
}
_RU_NUMBERS = {
    "один": 1, "два": 2, "три": 3, "четыре": 4, "пять": 5, "шесть": 6, "семь": 7,
    "восемь": 8, "девять": 9, "десять": 10, "одиннадцать": 11, "двенадцать": 12,
    "тринадцать": 13, "четырнадцать": 14, "пятнадцать": 15, "шестнадцать": 16,
    "семнадцать": 17, "восемнадцать": 18, "девятнадцать": 19, "двадцать": 20,
    "тридцать": 30, "сорок": 40, "пятьдесят": 50, "шестьдесят": 60, "семьдесят": 70,
    "восемьдесят": 80, "девяносто": 90, "сто": 100, "двести": 200, "триста": 300,
    "четыреста": 400, "пятьсот": 500, "шестьсот": 600, "тысяча": 1000,
}
# Compound adjectives of age: «восемнадцатилетнего возраста».
_RU_AGE_ADJECTIVES = {
    "четырнадцатилетний": 14, "шестнадцатилетний": 16, "восемнадцатилетний": 18,
}
_UNITS = {
    "hour": "H", "day": "D", "week": "W", "month": "M", "year": "Y",
    "час": "H", "сутки": "D", "день": "D", "неделя": "W", "месяц": "M", "год": "Y",
    "лет": "Y", "лето": "Y",
}
_QUALIFIERS = {"calendar", "working", "business", "clear", "календарный", "рабочий", "полный"}
_DAYS_PER_UNIT = {"H": 1 / 24, "D": 1.0, "W": 7.0, "M": 30.0, "Y": 365.0}
_MAX_CUES = (
    ("not", "exceed"), ("up", "to"), ("not", "more", "than"), ("no", "more", "than"),
    ("maximum", "of"), ("no", "longer", "than"), ("not", "long", "than"),
    ("at", "most"), ("exceed",), ("under",), ("below",), ("не", "более"), ("не", "свыше"), ("до",),
    ("в", "течение"), ("не", "превышать"),
)
# A deadline for acting ("within 48 hours", «не позднее 24 часов») is not the length of a measure.
_DEADLINE_CUES = (("within",), ("no", "later", "than"), ("not", "later", "than"),
                  ("не", "позднее"), ("в", "срок", "не", "позднее"))
_MIN_CUES = (
    ("not", "less", "than"), ("no", "less", "than"), ("at", "least"), ("minimum", "of"),
    ("не", "менее"), ("не", "ранее"), ("не", "меньше"), ("по", "крайний", "мера"),
)
_ISO = re.compile(r"^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(\d+)H)?$")


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


def _word_value(token: Token) -> int | None:
    if token.text.isdigit():
        return int(token.text)
    if "-" in token.lemma:  # "twenty-four"
        parts = [_EN_NUMBERS.get(part) for part in token.lemma.split("-")]
        return sum(parts) if all(parts) else None  # type: ignore[arg-type]
    return _EN_NUMBERS.get(token.lemma) or _RU_NUMBERS.get(token.lemma)


def _read_number(tokens: list[Token], i: int) -> tuple[int, int] | None:
    """Read a number starting at token i: digits or number words, "ninety (90)" included.

    Returns (value, index after the number) or None.
    """
    total, current, j = 0, 0, i
    seen = False
    while j < len(tokens):
        value = _word_value(tokens[j])
        if value is None:
            if seen and tokens[j].lemma in {"and", "-"}:
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
        if tokens[j - 1].text.isdigit():
            break
    if not seen:
        return None
    # "ninety (90)": the digits in brackets repeat the words.
    if j + 2 < len(tokens) and tokens[j].text == "(" and tokens[j + 1].text.isdigit() \
            and tokens[j + 2].text == ")":
        j += 3
    return total + current, j


def _bound(tokens: list[Token], i: int) -> str | None:
    """"not exceeding", «не более» before a number make it a maximum; "at least" a minimum."""
    window = tokens[max(0, i - 4):i]
    forms = (tuple(t.lemma for t in window), tuple(t.text.lower() for t in window))
    for cues, bound in ((_DEADLINE_CUES, "deadline"), (_MIN_CUES, "min"), (_MAX_CUES, "max")):
        for cue in cues:
            if any(words[-len(cue):] == cue for words in forms):
                return bound
    return None


def find_durations(tokens: list[Token]) -> list[Duration]:
    """Every period stated in the tokens, in text order."""
    found: list[Duration] = []
    i = 0
    while i < len(tokens):
        age = _RU_AGE_ADJECTIVES.get(tokens[i].lemma)
        if age:
            found.append(Duration(age, "Y", tokens[i].start, tokens[i].end, i, _bound(tokens, i)))
            i += 1
            continue
        number = _read_number(tokens, i)
        if number is None:
            i += 1
            continue
        value, j = number
        while j < len(tokens) and tokens[j].lemma in _QUALIFIERS:
            j += 1
        unit = _UNITS.get(tokens[j].lemma) if j < len(tokens) else None
        if unit and value > 0:
            found.append(Duration(value, unit, tokens[i].start, tokens[j].end, i,
                                  _bound(tokens, i)))
            i = j + 1
        else:
            i = max(j, i + 1)
    return found
