"""Whether the input looks like a law at all, read from its structure.

A two-line note checked as a law comes back with every treaty article missing; the report
then says, in one line, that the text does not look like a law. The signs are structural:
no article or section and at most one numbered unit, and either very few words or no
wording of an obligation, a power or a prohibition (shall, may, must; обязан, вправе,
запрещается...). A law written as unnumbered paragraphs that does impose duties is not
flagged.
"""

from __future__ import annotations

import re
from typing import Any

from lawcheck.akn.model import Document
from lawcheck.akn.vocab import ARTICLE_LEVEL
from lawcheck.i18n import tr

FEW_WORDS = 80
"""Below this many words a text without articles or numbered units is not read as a law."""

_DEONTIC = re.compile(
    r"(?i)\b(?:shall|must|may|is\s+(?:required|prohibited|entitled|liable)|commits\s+an\s+offence|"
    r"обязан\w*|вправе|должн\w*|запрещ\w*|не\s+допуска\w*|подлеж\w*|може\w*|наказыва\w*|"
    r"осуществля\w*|производ\w*|признаетс\w*|устанавлива\w*)\b")
_WORD = re.compile(r"\w+")


def shape_warnings(document: Document, lang: str) -> list[dict[str, Any]]:
    """The report's `warnings`: [{"code": "not_a_law", "message": ...}] or []."""
    provisions = list(document.walk())
    articles = sum(p.element in ARTICLE_LEVEL for p in provisions)
    numbered = sum(bool(p.num) for p in provisions)
    if articles or numbered > 1:
        return []
    text = " ".join(p.own_text for p in provisions)
    words = len(_WORD.findall(text))
    if words >= FEW_WORDS and _DEONTIC.search(text):
        return []
    return [{"code": "not_a_law", "message": tr("report.not_a_law", lang, words=words)}]
