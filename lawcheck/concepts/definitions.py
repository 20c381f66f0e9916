"""Plain-wording definition clauses in English and Russian.

`"computer data" means ...`, `“X” includes ...`, `«X» – ...`, `X — это ...`,
`под X понимается ...`, `1) компьютерная информация – ...`. Only the opening of a clause is
read, so ordinary sentences that merely contain a quoted word are not definitions.
"""

from __future__ import annotations

import re

_QUOTED = r"[\"“”«»„']\s*(?P<q>[^\"“”«»„']{1,80}?)\s*[\"“”«»„']"
_ENUM = r"^\s*(?:\(?[0-9a-zа-я]{1,4}[.)]\s*)?"
_EN = re.compile(
    _ENUM + rf"(?:{_QUOTED}|(?P<bare>[A-Za-z][\w \-]{{1,60}}?))\s*(?:,[^,]{{1,60}},\s*)?"
    r"(?:means|includes|shall mean|refers to|is defined as|has the meaning)\b",
    re.IGNORECASE,
)
_RU = re.compile(
    _ENUM + rf"(?:{_QUOTED}\s*|(?P<bare>[А-Яа-яЁё][\w \-]{{1,80}}?)\s+)(?:[-–—]\s*(?:это\s+)?|"
    r"означает\b|понимается\b)",
)
_RU_UNDER = re.compile(r"^\s*(?:\(?[0-9а-я]{1,4}[.)]\s*)?под\s+(?P<bare>[^,]{1,80}?)\s+"
                       r"(?:в настоящ\w+ \w+\s+)?понима\w+", re.IGNORECASE)


def definition_term(text: str) -> str | None:
    """The term a clause defines, or None when the clause is not a definition."""
    for pattern in (_RU_UNDER, _EN, _RU):
        match = pattern.match(text)
        if match:
            quoted = match.groupdict().get("q")
            term = " ".join((quoted or match.group("bare")).split()).strip(" -–—,")
            if term and (quoted or _plausible_bare(term)):
                return term
    return None


_NOT_A_TERM = re.compile(r"^(?:a|an|the|any|every|no|article|section|part|chapter|статья|глава|раздел)\b"
                         r"|\b(?:who|which|that|shall|may|must)\b", re.IGNORECASE)


def _plausible_bare(term: str) -> bool:
    """An unquoted term is a short noun phrase, not the subject of an ordinary sentence."""
    return len(term.split()) <= 5 and not _NOT_A_TERM.search(term)
