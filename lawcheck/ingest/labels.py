"""Recognising the numbers of ordinary drafting: unit headings and list labels, EN and RU.

Two kinds of number open a unit:
- a heading: "PART II – Offences", "Chapter 3", "Section 12", "Article 5 – Scope",
  «Раздел 2», «Глава 59.», «Статья 94-1. Заголовок», and, in section-numbered acts,
  "12. Heading" or "487.012 Preservation demand" (a bare number before a short heading);
- a list label: "1.", "1)", "(1)", "(4.1)", "1.1.", "4-1.", "a)", "(a)", "(c.1)", "а)", "(i)", "(A)".

A label is read as every numbering it could belong to ("(i)" is roman one or the letter i;
the tree builder decides from the neighbours). Values come from lawcheck.akn.numbering, so the
importer and the validator agree on what follows what (94, 94-1, 95 is a sequence).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lawcheck.akn.numbering import NumKey, num_keys, roman_value
from lawcheck.digits import ascii_int

GROUP_RANKS = {"book": 0, "part": 1, "subpart": 2, "division": 2, "chapter": 3, "subchapter": 4,
               "article": 5, "section": 5}
"""Nesting order of headings: a heading closes every open unit of the same or a lower rank."""

ARTICLE_KINDS = frozenset({"article", "section"})
_NUMBER = (r"(?P<n>\d+(?:[.\-]\d+)*(?:[A-Za-z](?![A-Za-z]))?(?:[⁰¹²³⁴⁵⁶⁷⁸⁹]+)?"
           r"|[IVXLCDM]+(?![A-Za-z])|[A-Z](?![A-Za-z]))")
_WORDS = (
    ("book", r"(?i:book|книга)"),
    ("subpart", r"(?i:sub-?part|подраздел)"),
    ("part", r"(?i:part|раздел)"),
    ("division", r"(?i:division)"),
    ("chapter", r"(?i:chapter|глава)"),
    ("subchapter", r"(?i:параграф)"),
    ("article", r"(?i:article|статья)"),
    ("section", r"(?i:section)"),
)
_LABELLED = re.compile(
    r"^(?P<word>" + "|".join(f"(?P<{kind}>{pattern})" for kind, pattern in _WORDS) + r"|§)\s*"
    + _NUMBER + r"(?P<dot>\.(?!\d))?(?P<sep>\s*[-–—:]\s*|\s+|$)(?P<rest>.*)$")
_BARE = re.compile(r"^(?P<n>\d+(?:\.\d+)*[A-Z]?)(?P<dot>\.)?\s+(?P<rest>(?:[A-ZА-ЯЁ«\"“(]|\d+[/\-–]\d+\s).*)$")
"""A bare section number and its heading, which may open with a figure joined by a slash or
a dash ("36. 24/7 point of contact"), not with a plain number ("12. 5 days" is text)."""
_BOOK_WORDS = re.compile(r"(?i)^(?:(?:общая|особенная)\s+часть|часть\s+(?:первая|вторая|третья|четвертая|"
                         r"четвёртая|пятая|шестая)|general\s+part|special\s+part)\.?$")
_NOTE = re.compile(r"^(?:Сноска|Сноски)\s*[.:]", re.IGNORECASE)

_ITEM = re.compile(
    r"^(?:"
    r"\((?P<paren>\d+(?:[.\-]\d+)*[A-Za-z]?|[a-zа-яё]{1,4}(?:[.\-]\d+)?|[A-ZА-ЯЁ]{1,4}(?:[.\-]\d+)?)\)"
    r"|(?P<close>\d+(?:-\d+)*|[a-zа-яё]{1,2}|[ivxlc]{1,6}|[A-ZА-ЯЁ])\)"
    r"|(?P<outline>\d+(?:\.\d+)+)\.?"
    r"|(?P<dot>\d+(?:-\d+)*|[a-zа-я]|[ivx]{2,5})\."
    r")(?:\s+|$)(?P<rest>.*)$")

_BARE_ITEM = re.compile(r"^(?P<n>\d{1,3})\s+(?P<rest>[A-ZА-ЯЁ«\"“].*)$")
_HEADING_MAX_WORDS = 25
# A sentence ends in punctuation; a heading may end in an abbreviation ("... computer system,
# etc.", «и т.д.», "No.")
_SENTENCE_END = re.compile(r"(?<!\betc)(?<!\bт\.д)(?<!\bт\.п)[.;:,]$")


@dataclass(frozen=True, slots=True)
class UnitHeading:
    """A line that opens a part, chapter, article or section.

    num is written as the output shows it ("Статья 94-1.", "PART II", "12."); token is its
    value ("94-1", "II", "12"); heading is the rest of the line ("" when on the next line).
    """

    kind: str
    num: str
    token: str
    heading: str
    bare: bool = False

    @property
    def rank(self) -> float:
        return GROUP_RANKS[self.kind]


@dataclass(frozen=True, slots=True)
class Reading:
    """One way to read a list label: its numbering family, case and position."""

    family: str  # "arabic" | "outline" | "latin" | "cyrillic" | "roman"
    upper: bool
    key: NumKey
    depth: int = 1  # components of an outline number (1.2.3 -> 3)

    @property
    def first(self) -> bool:
        """Does this label start a list (1, a, а, i, 1.1)?"""
        return self.key.base == 1 and not self.key.suffix


@dataclass(frozen=True, slots=True)
class Label:
    """A list label at the start of a text: "(a)", "1)", "1.", "4-1.", "1.1."."""

    text: str
    token: str
    form: str  # "paren" | "close" | "dot"
    readings: tuple[Reading, ...]

    @property
    def maybe_roman_one(self) -> bool:
        return self.token in ("i", "I") and len(self.readings) > 1


@dataclass(frozen=True, slots=True)
class Style:
    """The numbering style of a list level: "(a)" and "a)" are different levels."""

    form: str
    family: str
    upper: bool
    depth: int


def style_of(label: Label, reading: Reading) -> Style:
    return Style(label.form, reading.family, reading.upper, reading.depth)


def is_note(text: str) -> bool:
    """«Сноска. ...»: an editorial footnote of the Kazakh consolidated texts, not law text."""
    return bool(_NOTE.match(text))


def looks_like_heading(text: str) -> bool:
    """A short line with no sentence punctuation at its end: a heading, not a provision."""
    return (bool(text) and len(text) <= 250 and len(text.split()) <= _HEADING_MAX_WORDS
            and not _SENTENCE_END.search(text))


def parse_heading(text: str, *, styled: bool, language: str, bare_sections: bool) -> UnitHeading | None:
    """The unit a line opens, if it is a heading (see the module docstring).

    `styled`: the source marks the line as a heading (Word style, Markdown `#`), so looser
    forms count ("Статья 5 Title"); `bare_sections`: the act numbers sections "12. Heading".
    """
    if _BOOK_WORDS.match(text):
        return UnitHeading("book", "", "", text)
    match = _LABELLED.match(text)
    if match:
        return _labelled(match, styled=styled, language=language)
    if bare_sections or styled:
        match = _BARE.match(text)
        if match and (styled or looks_like_heading(match.group("rest"))):
            kind = "article" if language == "ru" else "section"
            num = match.group("n") + (match.group("dot") or "")
            return UnitHeading(kind, num, match.group("n"), match.group("rest"), bare=True)
    return None


def _labelled(match: re.Match[str], *, styled: bool, language: str) -> UnitHeading | None:
    kind = next((name for name, _pattern in _WORDS if match.group(name)), None)
    if kind is None:  # §
        kind = "subchapter" if language == "ru" else "section"
    rest = match.group("rest").strip()
    separated = bool(match.group("dot")) or bool(match.group("sep").strip()) or not rest
    if not (styled or separated or (rest[:1].isupper() and looks_like_heading(rest))):
        return None  # "Article 5 shall not apply...", "Статья 5 настоящего Закона..."
    token = match.group("n")
    written = match.string[:match.end("n")] + (match.group("dot") or "")
    return UnitHeading(kind, " ".join(written.split()), token, rest)


def parse_label(text: str) -> tuple[Label, str] | None:
    """The list label at the start of `text` and the text after it, if there is one."""
    match = _ITEM.match(text)
    if not match:
        return None
    for form in ("paren", "close", "outline", "dot"):
        token = match.group(form)
        if token is not None:
            break
    else:  # pragma: no cover - the pattern always sets one group
        return None
    label_text = text[:match.start("rest")].rstrip()
    readings = _readings(token, form)
    if not readings:
        return None
    return Label(label_text, token, "dot" if form == "outline" else form, readings), match.group("rest")


def parse_bare_label(text: str) -> tuple[Label, str] | None:
    """"1 Each Party shall ..." (the Council of Europe's paragraph numbers: no dot, no bracket).
    Only meaningful inside an article, where a line cannot start with a bare number otherwise."""
    match = _BARE_ITEM.match(text)
    if not match:
        return None
    token = match.group("n")
    return Label(token, token, "bare", _readings(token, "bare")), match.group("rest")


def label_from_token(text: str) -> Label | None:
    """A label found inside a text ("(b)" in "...; or (b) ..."): same reading as at a line start."""
    found = parse_label(text + " ")
    return found[0] if found else None


def _readings(token: str, form: str) -> tuple[Reading, ...]:
    if form == "outline":
        parts = token.split(".")
        value = ascii_int(parts[-1])
        return () if value is None else (Reading("outline", False, NumKey("arabic", value, ""), len(parts)),)
    upper = token[:1].isupper()
    cleaned = re.sub(r"[.\-]+", "-", token.lower())
    readings = []
    for key in num_keys(cleaned):
        if key.family == "roman" and not _plausible_roman(token):
            continue
        readings.append(Reading(key.family, upper and key.family != "arabic", key))
    return tuple(readings)


def _plausible_roman(token: str) -> bool:
    """"ii", "iv", "x" are roman; "cd" or "dc" are letters in practice (no list reaches 400)."""
    head = token.split(".")[0].split("-")[0]
    value = roman_value(head)
    return value is not None and value <= 50


def step(previous: NumKey, new: NumKey) -> int:
    """2 when `new` directly follows `previous` (5 after 4, 4-1 after 4, 5 after 4-2),
    1 when it follows with a gap (7 after 4), 0 when it does not follow at all."""
    if new.family != previous.family:
        return 0
    if new.base == previous.base + 1 and not new.suffix:
        return 2
    if new.base == previous.base and new.suffix and new.suffix != previous.suffix:
        return 2
    return 1 if new.base > previous.base else 0
