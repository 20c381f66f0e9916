"""Defined terms: `<def>` markup and plain definition clauses, in English and Russian.

The Convention's Art. 1 asks for definitions ("computer data", "service provider"), and a
term defined twice in the same scope is a drafting error, so lawcheck needs the list. Plain
wording is read only where drafters put definitions: a clause that opens with a quoted term
and "means"/"includes", a clause after a lead-in such as "In this Act," / «В настоящем Законе
используются следующие основные понятия», or any paragraph of a unit headed "Definitions",
"Interpretation", «Основные понятия», «Термины». Ordinary sentences never define.

Markup: `<def>` is a definition; `<term refersTo>` marks a *use* of a defined term (AKN
vocabulary), so it is not read as one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_QUOTE_OPEN = "\"“”'‘’«„"
_QUOTE_CLOSE = "\"“”'‘’»"
_QUOTED_TERM = rf"[{_QUOTE_OPEN}](?P<term>[^{_QUOTE_OPEN}{_QUOTE_CLOSE}\n]{{1,80}})[{_QUOTE_CLOSE}]"

_HEADING_WORDS = ("definition", "interpretation", "meaning of", "terms used", "glossary",
                  "понятия", "понятий", "термин", "определени")
"""Headings of definitions units: "Definitions", "Interpretation", «Основные понятия»."""

_EN_LEADIN = re.compile(
    r"^\s*(?:(?:In|As used in|For the purposes? of)\s+(?:this|these)\s+(?P<unit>[A-Za-z-]+)"
    r"|The following definitions apply (?:in|to|for the purposes of) (?:this|these)\s+"
    r"(?P<unit2>[A-Za-z-]+)[^.]{0,160}\."
    r"|For the purposes? of\s+(?P<unit3>sub-?sections?|sections?|paragraphs?|articles?)"
    r"\s*[\w().]{1,20})"
    r"(?:[^.:;—–\"“]{0,80}?(?:,|:|—|–|-(?=\s)))?\s*")
_RU_LEADIN = re.compile(
    r"^\s*(?:В|Для целей)\s+настоящ\w+\s+(?P<unit>[А-ЯЁа-яё]+)(?P<rest>[^:.]{0,160})(?::|\.|$)\s*")
_RU_LEADIN_WORDS = re.compile(r"(?:понят|термин|определени|понима|означа)", re.IGNORECASE)

_EN_QUOTED = re.compile(
    rf"^{_QUOTED_TERM}\s*(?:\([^)]{{0,80}}\)\s*)?,?\s*"
    r"(?:(?:in relation to|in respect of|with respect to|as regards|when used in|used in)\b"
    r"[^;:\"“”]{0,150}?,?\s*)?"
    r"(?P<verb>means|includes|shall mean|shall include|has the (?:same )?meaning|refers to|is)\b")
_EN_PLAIN = re.compile(
    r"^(?P<term>[A-Za-z][\w'’-]*(?:\s+[\w'’-]+){0,9}?)\s+(?<!\bby\s)"
    r"(?P<verb>means|includes|has the (?:same )?meaning|refers to|is defined as|shall mean|is)\b")
# In a definitions list: "1° computer data: any representation ...", "(a) hacking – ..."
_EN_ITEM_NUMBER = re.compile(r"^(?:\d+\s*[°º.)]|\(\d+\)|\(?[a-z]{1,4}\))\s*")
_EN_LISTED = re.compile(r"^(?P<term>[A-Za-z][\w'’-]*(?:\s+[\w'’()/-]+){0,7}?)\s*(?::|\s[–—-])\s")
_EN_NOT_TERMS = frozenset({"a", "an", "the", "this", "that", "these", "such", "any", "every",
                           "each", "no", "where", "if", "subject", "for", "nothing", "it", "he",
                           "she", "they"})

_RU_NUMBER = r"(?:\d+(?:-\d+)*\)\s*)?"
_RU_ALIAS = r"(?:\((?:далее|в дальнейшем)[^)]*\)\s*)?"
_RU_QUOTED = re.compile(
    rf"^{_RU_NUMBER}{_QUOTED_TERM}\s*{_RU_ALIAS}(?:[–—-]\s|означа(?:ет|ют)\b|являю?тся\b)")
_RU_POD = re.compile(
    r"(?:^|[.;:]\s+)(?:[^.;:]{0,80}?\s)?[Пп]од\s+(?:«(?P<qterm>[^»]{1,80})»|"
    r"(?P<term>[^,.;:()«»\n]{2,80}?))\s+понима(?:ется|ются|ют)\b")

# «Поставщиком услуг признается любое лицо ...», «Провайдером в настоящем Законе признается ...»:
# the term, in the instrumental, just before «признается» (after any words of scope)
_RU_PRIZN = re.compile(r"([^.;:]{1,120}?)\s+призна(?:е|ю)тся\b")
_RU_SCOPE_PHRASE = re.compile(r"(?:для целей|в)\s+настоящ\w+\s+\w+,?", re.IGNORECASE)
_RU_INSTRUMENTAL = re.compile(r"[А-ЯЁа-яё-]+(?:ом|ем|ём|ым|им|ой|ей|ою|ею|ами|ями|ыми|ими|ью)")

_SCOPE_WORDS = {
    "act": "act", "acts": "act", "code": "act", "law": "act", "ordinance": "act",
    "by-law": "act", "bylaw": "act", "regulations": "act", "rules": "act", "decree": "act",
    "part": "part", "chapter": "part", "division": "part", "title": "part",
    "schedule": "part", "section": "section", "sections": "section", "article": "section",
    "regulation": "section", "rule": "section", "subsection": "self", "subsections": "self",
    "paragraph": "self", "paragraphs": "self",
}
_RU_ENACTMENTS = ("закон", "кодекс", "указ", "постановлени")  # a law's own name ends in one of these
_RU_SCOPE_STEMS = (*((stem, "act") for stem in _RU_ENACTMENTS),
                   ("положени", "act"), ("правил", "act"), ("глав", "part"), ("раздел", "part"),
                   ("стать", "section"), ("пункт", "self"), ("част", "self"))


def names_an_enactment(term: str) -> bool:
    """A defined term that names a law ("“Computer Crimes Act” means the Computer Crimes Act,
    2019", «Уголовный кодекс»): it says what a citation refers to and defines no concept."""
    words = term.strip(" \"'“”«»").split()
    if len(words) < 2:
        return False
    last = words[-1].lower().rstrip(".,")
    return _SCOPE_WORDS.get(last) == "act" or last.startswith(_RU_ENACTMENTS)


@dataclass(frozen=True, slots=True)
class Clause:
    """A definition found in one block of text, before it is tied to a provision."""

    term: str
    scope: str  # "act" | "part" | "section" | "self"


def is_definitions_heading(heading: str) -> bool:
    """Is a unit headed "Definitions" / "Interpretation" / «Основные понятия»?"""
    lowered = heading.lower()
    return any(word in lowered for word in _HEADING_WORDS)


def lead_in(text: str) -> tuple[str, int] | None:
    """ "In this Act, unless the context otherwise requires—" -> ("act", length of "In this
    Act, "). Russian lead-ins count only when they speak of понятия/термины/понимается."""
    match = _EN_LEADIN.match(text)
    if match:
        unit = (match.group("unit") or match.group("unit2") or match.group("unit3") or "")
        scope = _SCOPE_WORDS.get(unit.lower())
        return (scope, match.end()) if scope else None
    match = _RU_LEADIN.match(text)
    if match and _RU_LEADIN_WORDS.search(match.group(0)):
        unit = match.group("unit").lower()
        for stem, scope in _RU_SCOPE_STEMS:
            if unit.startswith(stem):
                return scope, match.end()
        return "act", match.end()
    return None


@dataclass(frozen=True, slots=True)
class BlockReading:
    """What one block of text says about definitions."""

    clauses: list[Clause]
    opens: str | None  # the scope of a run of definitions this block opens, if it does


_LEAD_STARTS = ("In ", "For ", "The following", "В ", "Для ")


def read_block(text: str, language: str, listed: bool) -> BlockReading:
    """Definitions in one block, and whether it opens a run of them.

    `listed`: the block sits where definitions are listed (a definitions unit, or the first
    block of a numbered item in one), so an unquoted "X means ..." or «X – ...» counts.
    A block opens a run when it is a lead-in ("In this Act, unless the context otherwise
    requires—", «В настоящем Законе используются следующие основные понятия:») or a lead-in
    with a first definition ("In this section, computer data means ...", after which the
    Canadian Code lists the other terms one per paragraph).
    """
    found = lead_in(text) if text.startswith(_LEAD_STARTS) else None
    scope, body = ("act", text) if found is None else (found[0], text[found[1]:])
    lead = found is not None
    clauses: list[Clause] = []
    if language != "ru":
        term = _english(body, lead, listed or lead)
        if term:
            clauses.append(Clause(term, scope))
    if language != "en" and not clauses:
        term = _russian(body, listed or lead)
        if term:
            clauses.append(Clause(term, scope))
        clauses.extend(Clause(term, scope) for term in _russian_pod(text, listed or lead))
    opens = None
    if lead:
        rest = body.rstrip()
        if (not rest or rest.endswith((":", "—", "–", "-")) or clauses
                or "definitions apply" in text.lower()):
            opens = scope
    return BlockReading(clauses, opens)


def find_clauses(text: str, language: str, listed: bool = False) -> list[Clause]:
    """Definitions worded in one block of text (see read_block)."""
    return read_block(text, language, listed).clauses


_QUOTES = tuple(_QUOTE_OPEN)


def _english(body: str, lead: bool, plain_allowed: bool) -> str | None:
    if plain_allowed:
        body = _EN_ITEM_NUMBER.sub("", body, count=1)
    if body.startswith(_QUOTES):
        match = _EN_QUOTED.match(body)
        if match and (match.group("verb") != "is" or lead):
            return _english_term(match.group("term"))
    if not plain_allowed:
        return None
    match = _EN_PLAIN.match(body) or _EN_LISTED.match(body)
    if match is None:
        return None
    words = match.group("term").split()
    if words[0].lower() in _EN_NOT_TERMS:
        return None
    if match.groupdict().get("verb") == "is" and len(words) > 4:  # "computer data is any ...": a short term
        return None
    half = len(words) // 2
    if len(words) % 2 == 0 and words[:half] == words[half:]:
        words = words[:half]  # Canadian consolidations repeat the term: "data data means"
    return _tidy(" ".join(words)) if len(words) <= 6 else None


def _english_term(term: str) -> str:
    """ "an individual authorisation" -> "individual authorisation": the article is not
    part of the term."""
    term = _tidy(term)
    first, _, rest = term.partition(" ")
    return rest if rest and first.lower() in ("a", "an", "the") else term


_DASHES = (" – ", " — ", " - ")
_RU_ALIAS_TEXT = re.compile(r"\s*\((?:далее|в дальнейшем)[^)]*\)")
_RU_TERM = re.compile(r"[^\W\d_][^;:.«»\"\n]*")
_RU_ITEM_NUMBER = re.compile(r"\d+(?:-\d+)*\)\s*")


def _russian(body: str, plain_allowed: bool) -> str | None:
    """«X» – ..., X — это ..., and in a definitions list «X – ...» (the first dash outside
    brackets ends the term: «служебная информация (далее – служебная информация) – ...»)."""
    if body.startswith(_QUOTES) or body[:1].isdigit():
        match = _RU_QUOTED.match(body)
        if match:
            return _tidy(match.group("term"))
    number = _RU_ITEM_NUMBER.match(body)  # «1) абонент – ...»: its bracket is no bracket of the term
    if number:
        body = body[number.end():]
    dash = _first_dash(body)
    if dash < 0:
        return None
    if not plain_allowed and not body.startswith("это", dash + 3):
        return None
    head = _RU_ALIAS_TEXT.sub("", body[:dash]).rstrip(" ,")
    if not _RU_TERM.fullmatch(head) or len(head.split()) > 10:
        return None
    return _tidy(head) or None


def _first_dash(body: str, limit: int = 200) -> int:
    """Position of the first spaced dash outside brackets, within `limit` characters."""
    best = -1
    for dash in _DASHES:
        start = 0
        while True:
            index = body.find(dash, start, limit)
            if index < 0:
                break
            if body.count("(", 0, index) == body.count(")", 0, index):
                if best < 0 or index < best:
                    best = index
                break
            start = index + 1
    return best


def _russian_pod(text: str, listed: bool) -> list[str]:
    """«Под X понимается ...», and «Xом признается ...» where definitions are listed or the
    sentence says for what it defines («Для целей настоящей статьи поставщиком услуг
    признается ...»): a code's «Покушением на преступление признаются ...» is its rule of
    liability for attempt, not a definition."""
    terms = []
    for match in (_RU_POD.finditer(text) if "понима" in text else ()):
        term = _tidy(match.group("qterm") or match.group("term") or "")
        if term and len(term.split()) <= 8:
            terms.append(term)
    if "призна" in text:
        terms += [found for match in _RU_PRIZN.finditer(text)
                  if (listed or _RU_SCOPE_PHRASE.search(match.group(1)))
                  and (found := _instrumental_term(match.group(1)))]
    return terms


def _instrumental_term(before: str) -> str | None:
    """The term before «признается»: the last words before it, once words of scope («для целей
    настоящей статьи», «в настоящем Законе») are set aside, opening with a noun phrase in the
    instrumental («поставщиком услуг»); «лицо признается виновным» defines nothing."""
    words = _RU_SCOPE_PHRASE.sub(" ", before).split(",")[-1].split()[-4:]
    if not words or words[-1].lower() == "не":  # «не признается преступлением»: an exception
        return None
    for i, word in enumerate(words):
        if _RU_INSTRUMENTAL.fullmatch(word.strip("«»\"")):
            return _tidy(" ".join(words[i:]))
    return None


def _tidy(term: str) -> str:
    return " ".join(term.split()).strip(" ,;:-–—")


def term_key(term: str) -> str:
    """How two spellings of a term are compared: case, ё/е and spacing do not matter."""
    return " ".join(term.casefold().replace("ё", "е").split())
