"""Definitions sections: one `<p>` per definition, as the devset and the reader expect.

An interpretation section is often one run of text: 'In this Act— “access” means ...;
“child” means ...'. The reader finds defined terms per block, so each definition gets its own
`<p>`, without sub-eIds (the AKN convention for definitions). Two layouts are split:
- quoted terms: before each “term” / "term" / «термин» that follows a clause end (; : — –)
  and is itself followed by "means", "includes", "in relation to" or a dash;
- the Canadian bilingual layout: "document document means ...; ( document ) judge judge
  means ...", split after the parenthesised French equivalent that closes a definition.
"""

from __future__ import annotations

import re

_INTRO = re.compile(
    r"(?i)^(?:in this (?:act|part|section|subsection|division|law|code|schedule|regulation|chapter)\b|"
    r"the following definitions apply|for the purposes of this (?:act|part|section|law)\b.*\b(?:means|includes)\b|"
    r"в настоящем (?:законе|кодексе)\s+(?:используются|применяются)|"
    r"для целей настоящего (?:закона|кодекса)\s+используются)")
_QUOTED_TERM = re.compile(
    r"(?<=[;:—–])\s*(?=[“\"«]\s*[^“”\"«»]{1,100}?\s*[”\"»]\s*,?\s*"
    r"(?:means|includes|in relation|has the|shall mean|refers|–|—|-\s|означает|понимается))")
# "...: computer system refers to ...; service provider refers to ...": unquoted terms of a
# definitions section run together, each after a clause end
_PLAIN_TERM = re.compile(
    r"(?<=[;:—–])\s*(?=[a-z][\w-]*(?:\s+[a-z][\w-]*){0,3}\s+(?:means|refers to|includes|is)\s)")
_FRENCH_EQUIVALENT = re.compile(r"(?<=[;.,])\s*\(\s*([^()\d]{2,80}?)\s*\)\s+(?=\S)")
_LABEL_LIKE = re.compile(r"[a-z]|([a-z])\1{1,3}|[ivxlc]{1,6}|[A-Z]{1,2}")
_DEFINING_WORD = re.compile(r"\b(?:means|includes|has the same meaning)\b")


# One definition opening a line: "“traffic data” means ...", "traffic data means ...",
# "intercept, in relation to a communication, means ...", "Agency (the Agency) means ..."
_DEFINITION_OPENS = re.compile(
    r"^(?:[“\"‘«]\s*[^“”\"«»]{1,100}?\s*[”\"’»]|(?P<plain>[A-Za-z][\w'’-]*(?:\s+[\w'’-]+){0,5}?))"
    r"\s*(?:\([^()]{1,80}\)\s*)?,?\s*"
    r"(?:(?:in relation to|in respect of|with respect to|as regards)\b[^;:\"“”]{0,150}?,\s*)?"
    r"(?:means|includes|has the (?:same )?meaning|refers to|shall mean|shall include)\b")
_NOT_TERMS = frozenset({"a", "an", "the", "this", "that", "these", "those", "such", "any", "every", "each", "no",
                        "where", "if", "subject", "for", "nothing", "it", "he", "she", "they", "in", "expressions"})


def opens_definition(text: str) -> bool:
    """Does this line open a definition of its own, with its term first ("computer data means
    ...", "“service provider” means—")? (A sentence such as "This Act includes ..." does not.)"""
    match = _DEFINITION_OPENS.match(text)
    if match is None:
        return False
    plain = match.group("plain")
    return plain is None or plain.split()[0].lower() not in _NOT_TERMS


def starts_definitions(text: str) -> bool:
    """Does this text open a list of definitions ("In this Act, ... means", «В настоящем Законе
    используются следующие понятия»)?"""
    return bool(_INTRO.match(text))


def several_definitions(text: str) -> bool:
    """Does this text hold more than one definition (so its lists belong to each definition)?"""
    return len(split_definitions(text)) > 1


def split_definitions(text: str) -> list[str]:
    """The definitions in one run of text, each as its own block (the intro stays first)."""
    pieces = _split_quoted(text)
    if len(pieces) == 1:
        pieces = _cut(text, [match.end() for match in _PLAIN_TERM.finditer(text)])
    if len(pieces) == 1:
        pieces = _split_french(text)
    return [piece for piece in (part.strip() for part in pieces) if piece]


def _split_quoted(text: str) -> list[str]:
    cuts = [match.end() for match in _QUOTED_TERM.finditer(text)]
    return _cut(text, cuts)


def _split_french(text: str) -> list[str]:
    cuts = []
    for match in _FRENCH_EQUIVALENT.finditer(text):
        if _is_roman_or_label(match.group(1)):
            continue
        if _DEFINING_WORD.search(text, match.end(), match.end() + 200):
            cuts.append(match.end())
    return _cut(text, cuts)


def _is_roman_or_label(inner: str) -> bool:
    """"(b)", "(aa)", "(iii)", "(A)" are list labels, not French equivalents."""
    return bool(_LABEL_LIKE.fullmatch(inner.strip()))


def _cut(text: str, cuts: list[int]) -> list[str]:
    pieces, start = [], 0
    for cut in cuts:
        if cut > start:
            pieces.append(text[start:cut])
            start = cut
    pieces.append(text[start:])
    return pieces
