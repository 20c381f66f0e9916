"""The Akoma Ntoso vocabulary lawcheck relies on: namespaces, element roles, eId abbreviations.

One table per concern, so that the reader, the eId generator and the validator agree on what a
"provision" is without each keeping its own list.
"""

from __future__ import annotations

import re

AKN30 = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
"""The OASIS Akoma Ntoso 3.0 namespace: the one lawcheck writes and reads natively."""

OLD_NAMESPACES = {
    "http://www.akomantoso.org/1.0": "1.0",
    "http://www.akomantoso.org/2.0": "2.0",
}
"""Pre-OASIS namespaces: read with a warning (their `id` attribute stands in for `eId`)."""

AKN30_DRAFT = re.compile(r"^http://docs\.oasis-open\.org/legaldocml/ns/akn/3\.0/(?:CSD|WD|CSPRD)\d+$")
"""The 3.0 committee drafts (e.g. .../3.0/CSD13): close enough to read, with a warning."""

ROOT_NAMES = frozenset({"akomaNtoso", "akomantoso"})
"""`akomantoso` (lower-case n) is the root name of AKN 1.0."""

PROVISIONS = frozenset({
    "alinea", "article", "book", "chapter", "clause", "division", "hcontainer", "indent", "item",
    "level", "list", "paragraph", "part", "point", "proviso", "rule", "section", "subchapter",
    "subclause", "subdivision", "sublist", "subparagraph", "subpart", "subrule", "subsection",
    "subtitle", "title", "tome", "transitional",
})
"""Hierarchical units (AKN `ANhier` plus `hcontainer`); `item` counts only when it has a num."""

ARTICLE_LEVEL = frozenset({"article", "section", "rule"})
"""Units numbered document-wide: their eIds are not prefixed by Part or Chapter."""

ABOVE_ARTICLE = frozenset({"book", "chapter", "division", "part", "subchapter", "subdivision",
                           "subpart", "subtitle", "title", "tome"})
"""Groupings of articles/sections: unprefixed eIds too (`part_II`, `chp_7`, `subpart_a`)."""

QUOTED = frozenset({"quotedStructure", "quotedText", "embeddedStructure"})
"""Text of another act (the amended one) quoted inside this draft."""

HEADINGS = frozenset({"heading", "subheading"})
SKIPPED = frozenset({"meta", "attachments", "components", "authorialNote", "remark"})
"""Subtrees that are not law text: metadata, schedules read separately, editorial notes."""

DOCUMENT_TYPES = frozenset({
    "act", "amendment", "amendmentList", "bill", "debate", "debateReport", "doc",
    "documentCollection", "judgment", "officialGazette", "portion", "statement",
})

ABBREVIATIONS = {
    "alinea": "al", "article": "art", "attachment": "att", "blockList": "list", "book": "book",
    "chapter": "chp", "clause": "cl", "division": "dvs", "hcontainer": "hcontainer",
    "indent": "indent", "item": "item", "level": "level", "list": "list", "paragraph": "para",
    "part": "part", "point": "point", "proviso": "proviso", "quotedStructure": "qstr",
    "quotedText": "qtext", "rule": "rule", "section": "sec", "subchapter": "subchp",
    "subclause": "subcl", "subdivision": "subdvs", "sublist": "sublist",
    "subparagraph": "subpara", "subpart": "subpart", "subrule": "subrule",
    "subsection": "subsec", "subtitle": "subtitle", "title": "title", "tome": "tome",
    "transitional": "transitional", "embeddedStructure": "embedded",
}
"""Element name -> eId abbreviation, from the OASIS AKN naming convention (section 5.x)."""

UNNUMBERED_BY_COUNTER = frozenset({"hcontainer", "list", "sublist", "indent", "alinea"})
"""Units that are normally unnumbered: `hcontainer_1`, `list_2`. Others get `para_nn_1`."""
