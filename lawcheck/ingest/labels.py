"""Recognising the numbers of ordinary drafting: unit headings and list labels, EN and RU.

Two kinds of number open a unit:
- a heading: "PART II – Offences", "PART VA", "TITLE I", "Chapter 3", "Section 12", "Article 5 – Scope",
  "Art. 13. – Retention" (and "Art. 1er", the French first), «Раздел 2», «Глава 59.»,
  «Статья 94-1. Заголовок», and, in section-numbered acts, "12. Heading", "487.012 Preservation
  demand" or "1. SHORT TITLE AND COMMENCEMENT." (a bare number before a short heading);
- a list label: "1.", "1)", "(1)", "(4.1)", "1.1.", "4-1.", "a)", "(a)", "(c.1)", "а)", "(i)", "(A)",
  and the dash of an indent ("- абонент - ...", "– competent authority is ...").

A schedule at the end of an Act ("FIRST SCHEDULE", "SCHEDULE (section 8(2))", "Schedule 2 –
Forms") is neither: `parse_schedule` reads it.

A label is read as every numbering it could belong to ("(i)" is roman one or the letter i;
the tree builder decides from the neighbours). Values come from lawcheck.akn.numbering, so the
importer and the validator agree on what follows what (94, 94-1, 95 is a sequence).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lawcheck.akn.numbering import NumKey, num_keys, roman_value
from lawcheck.digits import ascii_int

GROUP_RANKS = {"book": 0, "part": 1, "subpart": 2, "division": 2, "title": 2, "chapter": 3, "subchapter": 4,
               "article": 5, "section": 5}
"""Nesting order of headings: a heading closes every open unit of the same or a lower rank
(a Title of a civil-law act holds Chapters, as in Titre > Chapitre > Section > Article)."""

ARTICLE_KINDS = frozenset({"article", "section"})
_NUMBER_WORDS = ("one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
                 "sixteen|seventeen|eighteen|nineteen|twenty")
_NUMBER = (r"(?P<n>\d+(?:[.\-]\d+)*(?:-[A-Z](?![A-Za-z])|[A-Za-z](?![A-Za-z]))?(?:[⁰¹²³⁴⁵⁶⁷⁸⁹]+)?"
           r"|[IVXLCDM]+[A-Z]?(?![A-Za-z])|[A-Z](?![A-Za-z])"
           r"|(?<=[A-Za-z] )(?i:" + _NUMBER_WORDS + r")(?:-[A-Z])?(?![A-Za-z]))")
"""A unit number: 12, 94-1, 45A, 370-A (Article 370-A, inserted after 370), 487.012, II, VA (Part 5A,
inserted after Part V), C, and a number in words after an English unit word: "CHAPTER SIX-A",
"Part Two" (Commonwealth and Philippine drafting)."""
_WORDS = (
    ("book", r"(?i:book|книга)"),
    ("subpart", r"(?i:sub-?part|подраздел)"),
    ("part", r"(?i:part|раздел)"),
    ("division", r"(?i:division)"),
    ("title", r"(?i:title)"),
    ("chapter", r"(?i:chapter|глава)"),
    ("subchapter", r"(?i:параграф)"),
    ("article", r"(?i:article|art\.|статья)"),
    ("section", r"(?i:section|sec\.)"),  # "SECTION 1." then "SEC. 2." (Philippine and US bills)
)
_LABELLED = re.compile(
    r"^(?P<word>" + "|".join(f"(?P<{kind}>{pattern})" for kind, pattern in _WORDS) + r"|§)\s*"
    + _NUMBER + r"(?:er(?![A-Za-z]))?(?P<dot>\.(?!\d))?(?P<sep>\s*[-–—:]\s*|\s+|$)(?P<rest>.*)$")
"""A labelled heading. "Art. 1er" is the French "first": the written number drops the ending
("Art. 1."), so the unit is article 1 for every reference to it."""
_RUN_IN_HEADING = re.compile(r"^(?P<heading>[A-ZА-ЯЁ][^.]{0,100}\.)\s+[-–—]\s+(?P<text>\S.*)$")
""""Short Title. - This Act shall be known as ...": a heading closed by a full stop, a dash, then
the unit's text on the same line (Philippine and Latin American drafting)."""
_BARE = re.compile(r"^(?P<n>\d+(?:\.\d+)*(?:-?[A-Z](?![A-Za-z]))?)(?P<dot>\.)?\s+"
                   r"(?P<rest>(?:[A-ZА-ЯЁ«\"“(]|\d+[/\-–]\d+\s).*)$")
"""A bare section number and its heading, which may open with a figure joined by a slash or
a dash ("36. 24/7 point of contact"), not with a plain number ("12. 5 days" is text)."""
_BOOK_WORDS = re.compile(r"(?i)^(?:(?:общая|особенная)\s+часть|часть\s+(?:первая|вторая|третья|четвертая|"
                         r"четвёртая|пятая|шестая)|general\s+part|special\s+part)\.?$")
_NOTE = re.compile(r"^(?:Сноска|Сноски)\s*[.:]", re.IGNORECASE)
_SCHEDULE = re.compile(
    r"^(?:(?:THE|The)\s+)?(?:(?i:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth)\s+)?"
    r"(?:SCHEDULE|Schedule|ANNEX|Annex|APPENDIX|Appendix)(?:\s+(?:\d{1,3}[A-Z]?|[IVXLC]{1,6}|[A-Z]))?"
    r"(?:\s+(?i:to)\s+(?:(?i:the|this)\s+)?(?i:chapter|part|act|code|law|ordinance|regulations|bill|decree)"
    r"(?:\s+[A-Z0-9][\w-]*){0,4})?"
    r"(?P<title>\s*[–—:-]\s+[^()]{1,160}?)?"
    r"\s*(?P<reference>\((?:[^()]{1,80}|[^()]{1,60}\([^()]{1,10}\)[^()]{0,20})\))?\s*$")
_ENABLING_REFERENCE = re.compile(
    r"(?i)^\(\s*(?:sections?|ss?\.|articles?|arts?\.|regulations?|rules?|paragraphs?)\s*\d")

_ITEM = re.compile(
    r"^(?:"
    r"\((?P<paren>\d+(?:[.\-]\d+)*[A-Za-z]?|[a-zа-яё]{1,4}(?:[.\-]\d+)?|[A-ZА-ЯЁ]{1,4}(?:[.\-]\d+)?)\)"
    r"|(?P<close>\d+(?:-\d+)*|[a-zа-яё]{1,2}|[ivxlc]{1,6}|[A-ZА-ЯЁ])\)"
    r"|(?P<outline>\d+(?:\.\d+)+)\.?"
    r"|(?P<dot>\d+(?:-\d+)*|[a-zа-я]|[ivx]{2,5})\."
    r"|(?P<dash>[-–—•])(?=\s+\S)"
    r")(?:\s+|$)(?P<rest>.*)$")

_BARE_ITEM = re.compile(r"^(?P<n>\d{1,3})\s+(?P<rest>[A-ZА-ЯЁ«\"“].*)$")
_HEADING_MAX_WORDS = 25
_HEADING_MAX_CHARS = 250
_DOTTED_HEADING_MAX_WORDS = 12
_SENTENCE_VERB = re.compile(r"(?i)\b(?:shall|may|must|will|is|are|was|were|has|have)\b")
# A sentence ends in punctuation; a heading may end in an abbreviation ("... computer system,
# etc.", «и т.д.», "No.")
_SENTENCE_END = re.compile(r"(?<!\betc)(?<!\bт\.д)(?<!\bт\.п)[.;:,]$")


@dataclass(frozen=True, slots=True)
class UnitHeading:
    """A line that opens a part, chapter, article or section.

    num is written as the output shows it ("Статья 94-1.", "PART II", "12."); token is its
    value ("94-1", "II", "12"); heading is the rest of the line ("" when on the next line),
    unless the rest is sentences too long for a heading: then it is `text`, the unit's first
    words ("Article 697 – Letters rogatory ... are transmitted through the Ministry of Justice.").
    """

    kind: str
    num: str
    token: str
    heading: str
    bare: bool = False
    dotted: bool = False  # a bare heading closed by a full stop: a section only if a body follows
    text: str = ""

    @property
    def rank(self) -> float:
        return GROUP_RANKS[self.kind]


@dataclass(frozen=True, slots=True)
class Reading:
    """One way to read a list label: its numbering family, case and position."""

    family: str  # "arabic" | "outline" | "latin" | "cyrillic" | "roman" | "dash"
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
    form: str  # "paren" | "close" | "dot" | "bare" | "dash"
    readings: tuple[Reading, ...]

    @property
    def dash(self) -> bool:
        """An indent's dash or bullet ("- ", "– ", "• "): every item of its list bears the same one."""
        return self.form == "dash"

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


@dataclass(frozen=True, slots=True)
class ScheduleHeading:
    """A line that opens a schedule: its heading ("FIRST SCHEDULE", "Schedule 2 – Forms") and
    the provision it is made under, when the line names one ("(section 8(2))")."""

    heading: str
    reference: str = ""


def parse_schedule(text: str) -> ScheduleHeading | None:
    """"FIRST SCHEDULE", "SCHEDULE (section 8(2))", "Schedule 2 – Forms", "ANNEX", "SCHEDULE TO
    CHAPTER SIX-A" (the unit it belongs to, in capitalised words): the heading of
    a schedule, which ends the Act's sections. Only a line of its own that is nothing else: the
    word capitalised ("the schedule" is a mention), an ordinal or number, a title after a dash
    and a bracket. A bracket that names a provision is the schedule's enabling reference, kept
    as its text (a reader resolves it); any other bracket is part of the heading."""
    match = _SCHEDULE.match(text) if text[:1].isupper() else None
    if match is None:
        return None
    reference = match.group("reference") or ""
    if not is_enabling_reference(reference):
        return ScheduleHeading(text)
    return ScheduleHeading(text[:match.start("reference")].rstrip(), reference)


def is_enabling_reference(text: str) -> bool:
    """"(Section 19)", "(section 8(2))", "(Article 5)": the provision a schedule is made under."""
    return text.endswith(")") and bool(_ENABLING_REFERENCE.match(text))


def is_note(text: str) -> bool:
    """«Сноска. ...»: an editorial footnote of the Kazakh consolidated texts, not law text."""
    return bool(_NOTE.match(text))


def looks_like_heading(text: str) -> bool:
    """A short line with no sentence punctuation at its end: a heading, not a provision."""
    return (bool(text) and len(text) <= _HEADING_MAX_CHARS and len(text.split()) <= _HEADING_MAX_WORDS
            and not _SENTENCE_END.search(text))


def looks_like_dotted_heading(text: str) -> bool:
    """"SHORT TITLE AND COMMENCEMENT.", "Short title and commencement.": some drafters close
    a section heading with a full stop. Only a short capitalised phrase with one stop, at its
    end, and no verb of a sentence ("This Act binds the Crown." is a provision) counts."""
    phrase = text[:-1]
    return (text.endswith(".") and text[:1].isupper() and len(text.split()) <= _DOTTED_HEADING_MAX_WORDS
            and looks_like_heading(phrase) and ". " not in phrase and not _SENTENCE_VERB.search(phrase))


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
        if match is None:
            return None
        rest = match.group("rest")
        dotted = not styled and not looks_like_heading(rest) and looks_like_dotted_heading(rest)
        if styled or dotted or looks_like_heading(rest):
            kind = "article" if language == "ru" else "section"
            num = match.group("n") + (match.group("dot") or "")
            return UnitHeading(kind, num, match.group("n"), rest, bare=True, dotted=dotted)
    return None


def _labelled(match: re.Match[str], *, styled: bool, language: str) -> UnitHeading | None:
    kind = next((name for name, _pattern in _WORDS if match.group(name)), None)
    if kind is None:  # §
        kind = "subchapter" if language == "ru" else "section"
    rest = match.group("rest").strip()
    separated = bool(match.group("dot")) or bool(match.group("sep").strip()) or not rest
    if not (styled or separated or (rest[:1].isupper() and looks_like_heading(rest))):
        return None  # "Article 5 shall not apply...", "Статья 5 настоящего Закона..."
    if _lists_units(match.group("word"), rest):
        return None
    token = match.group("n")
    written = " ".join((match.string[:match.end("n")] + (match.group("dot") or "")).split())
    run_in = _RUN_IN_HEADING.match(rest)
    if run_in and looks_like_heading(run_in.group("heading")[:-1]):
        return UnitHeading(kind, written, token, run_in.group("heading"), text=run_in.group("text"))
    if not styled and _SENTENCE_END.search(rest) and not looks_like_heading(rest[:-1]):
        return UnitHeading(kind, written, token, "", text=rest)
    return UnitHeading(kind, written, token, rest)


def is_arrangement(text: str) -> bool:
    """Does the line list several Parts or Chapters ("Part I – Preliminary; Part II – ...")?"""
    match = _LABELLED.match(text)
    return match is not None and _lists_units(match.group("word"), match.group("rest"))


def _lists_units(word: str, rest: str) -> bool:
    """"Part I – Preliminary; Part II – Requests; ...": an arrangement of sections lists the
    Parts on one line; it heads none of them."""
    opener = word.lower() + " "
    return any(piece.lstrip().lower().startswith(opener) for piece in rest.split(";")[1:])


def parse_label(text: str) -> tuple[Label, str] | None:
    """The list label at the start of `text` and the text after it, if there is one."""
    match = _ITEM.match(text)
    if not match:
        return None
    for form in ("paren", "close", "outline", "dot", "dash"):
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


DASH_KEY = NumKey("dash", 0, "")
"""The one number of every indent: it neither starts a list (base 1) nor follows another (so
a dash continues an open list of dashes and otherwise opens one)."""


def _readings(token: str, form: str) -> tuple[Reading, ...]:
    if form == "dash":
        return (Reading("dash", False, DASH_KEY),)
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
