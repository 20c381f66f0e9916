"""Structure hidden inside a line: list labels run together, and headings run into the text.

Scraped statutes (and many .txt drafts) put a whole section on one line: "(1) A person shall
not ... — (a) intercept ... — (i) a non-public ...; (ii) ...; or (b) circumvent ... (2) A person
who contravenes subsection (1) commits an offence". This module finds the candidate labels;
the tree builder keeps only those that continue or start a list where they stand, because the
same "(1)" is also a reference ("subsection (1)", "paragraph (2)(e)", "paragraphs (a) and (b)")
and those must stay text. Candidates ruled out here, by their context alone:
- glued to what precedes or follows: "342.1(2)", "(2)(e)", "(a),";
- after a unit word: "subsection (1)", "s. (4)", «пункт (2)»;
- after a reference list: "paragraph (a) or (b)", "subsections (1), (2) and (3)".

Some scraped sources also run a Part heading into the end of the last section of the previous
Part ("... by the Minister. Part II – Offences"); `split_trailing_headings` takes it out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lawcheck.ingest.labels import Label, UnitHeading, label_from_token

_CANDIDATE = re.compile(
    r"(?<![\w)(\[/.-])\((\d{1,4}(?:\.\d{1,5})?[A-Za-z]?|[a-z]{1,4}(?:\.\d{1,3})?|[A-Z]{1,3})\)"
    r"(?=\s+[^\s(),.;:])")
_UNIT_WORD = (r"(?:sub-?sections?|sections?|paragraphs?|sub-?paragraphs?|clauses?|sub-?clauses?|articles?|"
              r"items?|parts?|schedules?|rules?|regulations?|s\.|ss\.|art\.|arts\.|para\.|paras\.|"
              r"пункт\w*|подпункт\w*|част\w*|стать\w*)")
_AFTER_UNIT_WORD = re.compile(r"(?i)\b" + _UNIT_WORD + r"\s*(?:\d+(?:\.\d+)*)?\s*$")
_AFTER_REFERENCE_LIST = re.compile(r"(?i)\)\s*(?:,|and|or|to|and/or|и|или)\s*$")
_LAST_LABEL = re.compile(r"\(([^()\s]{1,12})\)[^()]*$")
_UNIT_WORD_NEARBY = re.compile(r"(?i)\b" + _UNIT_WORD + r"\s*[\d.]*\s*\(")
_MENTION_BEFORE = re.compile(r"(?i)\b(?:in|under|of|by|from|with|see|than|per|within|on|at|в|по|из|от|согласно)$")

_TRAILING_PART = re.compile(
    r"(?<=[.;:\]”\"])\s+(?P<word>PART|Part|CHAPTER|Chapter)\s+(?P<n>[IVXLC]+|\d+)\s*[–—-]\s+(?P<rest>[^;:]+?)\s*$")
_TRAILING_SUBPART = re.compile(r"(?:^|(?<=[.;:\]”\"])\s+)\((?P<n>[a-z])\)\s*[–—]\s+(?P<rest>[A-Z][^;:]*?)\s*$")
_SUBPART_IN_HEADING = re.compile(r"\s\((?P<n>[a-z])\)\s*[–—]\s+(?P<rest>[A-Z][^;:]*?)\s*$")
_HEADING_MAX = 160
_WINDOW = 120


@dataclass(frozen=True, slots=True)
class Candidate:
    """A list label found inside a line: where it stands and how it reads."""

    start: int
    end: int
    label: Label


def find_candidates(text: str) -> list[Candidate]:
    """Labels in `text` (after its first character) that could open a list item."""
    found = []
    for match in _CANDIDATE.finditer(text, 1):
        before = _before(text, match.start())
        if _AFTER_UNIT_WORD.search(before[-40:]):
            continue
        if _continues_reference(before, match.group(1)):
            continue
        label = label_from_token(match.group(0))
        if label is not None:
            found.append(Candidate(match.start(), match.end(), label))
    return found


def _continues_reference(before: str, token: str) -> bool:
    """"paragraph (a) or (b)": a label of the same kind right after a cited one is cited too
    ("subsection (3), (a) is guilty" starts a list: (3) and (a) are not of one kind)."""
    if not _AFTER_REFERENCE_LIST.search(before[-12:]) or not _UNIT_WORD_NEARBY.search(before[-90:]):
        return False
    previous = _LAST_LABEL.search(before)
    return previous is not None and previous.group(1)[:1].isdigit() == token[:1].isdigit()


def opens_item(text: str, candidate: Candidate) -> bool:
    """Does the text before a label that continues a list read as a new item, not a mention?

    Only a preposition before it says "mention" ("as set out in (c)", «указанные в (б)»): the
    label may follow a clause end ("...;", "— ", "; or"), a marginal note run into the text
    ("Definition of counsel (3) For...") or a plain word ("named in the warrant (d) to search").
    """
    return not _MENTION_BEFORE.search(_before(text, candidate.start))


def _before(text: str, position: int) -> str:
    """The words just before a position: a bounded window, so a long line stays linear."""
    return text[max(0, position - _WINDOW):position].rstrip()


def split_trailing_headings(text: str) -> tuple[str, list[UnitHeading]]:
    """Cut a Part heading (and a lettered cross-heading after it) off the end of a text.

    "... appoint. Part II – Offences" -> ("... appoint.", [Part II: Offences]);
    "... Act. Part VII – Amendments (a) – Amendment of the X Act" -> part and subpart (a);
    "... sub-section 3. (b) – Amendment of the Penal Code" -> subpart (b). The heading must
    follow a sentence end and have no sentence punctuation of its own.
    """
    part = _TRAILING_PART.search(text)
    if part and _heading_like(part.group("rest")):
        rest, headings = part.group("rest"), []
        subpart = _SUBPART_IN_HEADING.search(rest)
        if subpart and _heading_like(subpart.group("rest")):
            headings.append(_subpart(subpart))
            rest = rest[:subpart.start()].rstrip()
        kind = "part" if part.group("word").lower() == "part" else "chapter"
        num = f"{part.group('word')} {part.group('n')}"
        headings.insert(0, UnitHeading(kind, num, part.group("n"), rest))
        return text[:part.start()].rstrip(), headings
    subpart = _TRAILING_SUBPART.search(text)
    if subpart and _heading_like(subpart.group("rest")):
        return text[:subpart.start()].rstrip(), [_subpart(subpart)]
    return text, []


def _heading_like(text: str) -> bool:
    return 0 < len(text) <= _HEADING_MAX and not text.endswith(".")


def _subpart(match: re.Match[str]) -> UnitHeading:
    return UnitHeading("subpart", f"({match.group('n')})", match.group("n"), match.group("rest"))
