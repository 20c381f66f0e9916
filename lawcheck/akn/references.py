"""Cross-references written as words ("section 33(2)", "пункт 3 статьи 15") and their targets.

Drafts rarely mark references up, so a broken cross-reference ("section 35" where section 33
was meant, a renumbered article) is only visible if the wording is read. Recognition is
per language; resolution walks the provision tree by number, never guesses an eId string,
so it works for both eId styles (`sec_33__subsec_2` and `chp_2__sec_3`).

A reference followed by the name of another law ("of the Evidence Act", «Закона Республики
Казахстан ...») is external: kept, never dangling.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from lawcheck.akn.model import Provision
from lawcheck.akn.numbering import clean_num
from lawcheck.akn.vocab import ARTICLE_LEVEL
from lawcheck.digits import is_ascii_number

TOP_KINDS = frozenset({"section", "article", "regulation", "rule", "part", "chapter"})
"""Units numbered across the whole document: resolved through a document-wide index."""

PRIMARY_KINDS = ("section", "article", "regulation", "rule")
"""The unit a law is made of."""

INTERCHANGEABLE = frozenset({"section", "article"})
"""Kenyan acts mark sections up as `article`: "section 5" there means article 5."""

PREFERRED_ELEMENTS = {
    "subsection": ("subsection", "paragraph"),
    "paragraph": ("paragraph", "level", "point", "item"),
    "subparagraph": ("subparagraph", "point", "item", "level"),
    "clause": ("clause", "subclause", "paragraph"),
    "item": ("item", "point"),
    "point": ("point", "item", "paragraph"),
    "ru_part": ("paragraph",),
    "ru_point": ("paragraph", "point"),
    "ru_subpoint": ("point", "subparagraph", "item"),
}
"""Which elements a sub-unit word usually names; others still match when these do not."""

_EN_UNIT_WORDS = {
    "section": "section", "sections": "section", "s.": "section", "ss.": "section",
    "sec.": "section", "secs.": "section", "sect.": "section",
    "article": "article", "articles": "article", "art.": "article", "arts.": "article",
    "regulation": "regulation", "regulations": "regulation", "reg.": "regulation",
    "regs.": "regulation", "rule": "rule", "rules": "rule",
    "subsection": "subsection", "subsections": "subsection", "subs.": "subsection",
    "subsec.": "subsection", "paragraph": "paragraph", "paragraphs": "paragraph",
    "para.": "paragraph", "paras.": "paragraph", "subparagraph": "subparagraph",
    "subparagraphs": "subparagraph", "subpara.": "subparagraph", "clause": "clause",
    "clauses": "clause", "item": "item", "items": "item", "point": "point", "points": "point",
}
_EN_UNIT = (r"(?:sub-?sections?|subs\.|subsec\.|sub-?paragraphs?|subpara\.|sections?|ss?\.|"
            r"secs?\.|sect\.|articles?|arts?\.|regulations?|regs?\.|rules?|paragraphs?|paras?\.|"
            r"clauses?|items?|points?)")
_EN_SUB = r"\((?:[0-9]+(?:\.[0-9]+)?[a-z]{0,2}|[a-z]{1,4}(?:\.[0-9]+)?)\)"
# "370-a" (Article 370-A, inserted after 370): a letter after a hyphen, alone
_EN_NUM = (rf"(?:[0-9]+[a-z]{{0,3}}(?:[.\-](?:[0-9]+[a-z]{{0,2}}|[a-z](?![a-z])))*(?:\s?{_EN_SUB})*"
           rf"|{_EN_SUB}(?:\s?{_EN_SUB})*)")
# Patterns run on lower-cased text: case-insensitive matching is several times slower in `re`.
_EN_REF = re.compile(
    rf"(?<![\w.])(?P<unit>{_EN_UNIT})\s*(?P<num>{_EN_NUM})"
    rf"(?P<more>(?:\s*(?:,|and|or|to|-|–|through)\s*{_EN_NUM}(?![\w.]))*)")
_EN_BIG = re.compile(
    r"(?<![\w.])(?P<bigunit>Part|Chapter|PART|CHAPTER)(?:s|S)?\s+(?P<bignum>[IVXLC]+|[0-9]+[A-Z]?)\b")
_EN_OF = re.compile(rf"\s*,?\s+of\s+(?:this\s+)?(?P<unit>{_EN_UNIT})\s*(?P<num>{_EN_NUM})")
_EN_LIST_NUM = re.compile(_EN_NUM)
_EN_EXTERNAL = re.compile(
    r"\s*,?\s*(?:of|in|under|to|made under)\s+(?!this\b|these\b)"
    r"(?:(?!this\b|these\b)[\w'’().,&-]+\s+){0,12}?"
    r"(?:Act|Acts|Code|Law|Ordinance|Regulations|Rules|Constitution|Convention|Protocol|"
    r"Treaty|Decree|Statute|Directive|Cap\.?\s*\d|No\.\s*\d)\b")
_EN_EXTERNAL_BEFORE = re.compile(
    r"(?:\bc\.\s*[\w-]+|\b(?:Act|Code|Cap\.?\s*\d+)|S\.C\.\s*\d{4}),?\s*$")
"""Cited through another instrument: "[Repealed, 2014, c. 31, s. 16]", "the Bank Act, s. 5"."""
_EN_TITLE_YEAR = re.compile(r"^(?:Regulations|Rules|Sections|Articles)$")
"""A capitalised plural before a year is a title: "... (Revised Guidance) Regulations 2023"."""
_EN_AMENDING = re.compile(
    r"\b(?:Act|Code|Law|Ordinance|Regulations|Schedule)\b[^.;:]{0,80}?\bis\s+(?:hereby\s+|"
    r"further\s+)?amended\b")
_RU_AMENDING = re.compile(r"\b[Вв]нести\b.{0,300}?(?:изменени|дополнени)|^О\s+внесении\s+изменени",
                          re.DOTALL)
"""An amending instruction: the units it names belong to the amended law, not this one."""
_EN_SUBPARTS = re.compile(r"\(([^)]*)\)")
_EN_LEADING = re.compile(r"^\s*([0-9][0-9A-Za-z.\-]*)")

_RU_UNITS = (
    ("article", r"стать(?:я|и|е|ю|ей|ёй|ям|ями|ях)|статей|ст\."),
    ("ru_part", r"част(?:ь|и|ью|ей|ям|ями|ях)|ч\."),
    ("ru_subpoint", r"подпункт(?:а|у|ом|е|ы|ов|ам|ами|ах)?|подп\.|пп\."),
    ("ru_point", r"пункт(?:а|у|ом|е|ы|ов|ам|ами|ах)?|п\."),
    ("chapter", r"глав(?:а|ы|е|у|ой|ою|ам|ами|ах)|гл\."),
    ("part", r"раздел(?:а|у|ом|е|ы|ов|ам|ами|ах)?|разд\."),
    ("ru_paragraph_text", r"абзац(?:а|у|ем|е|ы|ев|ам|ами|ах)?|абз\."),
)
_RU_ORDINALS = {
    "перв": "1", "втор": "2", "трет": "3", "четверт": "4", "четвёрт": "4", "пят": "5",
    "шест": "6", "седьм": "7", "восьм": "8", "девят": "9", "десят": "10",
    "одиннадцат": "11", "двенадцат": "12",
}
_RU_ORDINAL = r"(?:перв|втор|трет|четв[её]рт|пят|шест|седьм|восьм|девят|десят|одиннадцат|двенадцат)[а-яё]{0,4}"

_RU_NUM = rf"(?:[0-9]+(?:[.\-][0-9]+)*\)?|{_RU_ORDINAL}(?![а-яё]))"
_RU_UNIT = "|".join(f"(?P<{kind}>{pattern})" for kind, pattern in _RU_UNITS)
_RU_ITEM = rf"(?<![\w.])(?:{_RU_UNIT})\s*(?P<num>{_RU_NUM})(?P<more>(?:\s*(?:,|и|или|[-–—])\s*{_RU_NUM})*)"
_RU_REF = re.compile(_RU_ITEM)
_RU_NEXT = re.compile(r"\s+" + _RU_ITEM)
_RU_LIST_NUM = re.compile(_RU_NUM)
_RU_EXTERNAL_BEFORE = re.compile(r"(?:№\s*[\w-]+|\d{4}\s*г(?:ода|\.)?),?\s*$")
"""A gazette citation: «(Ведомости Парламента ..., 2017 г., № 2, ст. 14)»."""
_RU_CURRENT = re.compile(r"\s+настоящ(?:ей|ую|ая|ем)\s+стать", re.IGNORECASE)
_RU_EXTERNAL = re.compile(
    r"\s+(?:(?!настоящ)[А-ЯЁа-яё\-]+\s+){0,3}?(?:кодекс|закон|конституци|указ|"
    r"постановлени|конвенци|договор|соглашени|протокол|правил|положени)[а-яё]*",
    re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Citation:
    """A reference as worded, before resolution.

    chain: (unit kind, cleaned number) pairs, outermost first: "paragraph (a) of subsection
    (2) of section 5" -> (("section", "5"), ("subsection", "2"), ("paragraph", "a")).
    """

    text: str
    chain: tuple[tuple[str, str], ...]
    external: bool
    start: int
    end: int


def is_amending(text: str) -> bool:
    """Does this text instruct an amendment of another law ("The principal Act is amended in
    section 124", «Внести в Уголовный кодекс ... изменения»)? Substring checks first: this
    runs on every block."""
    if "amended" in text:
        return bool(_EN_AMENDING.search(text))
    if "изменени" in text or "дополнени" in text:
        return bool(_RU_AMENDING.search(text))
    return text.startswith("Amendment of")


def find_citations(text: str, language: str) -> Iterator[Citation]:
    """Every worded reference in `text` ("en", "ru"; any other language: both)."""
    low = text.lower()
    if len(low) != len(text):  # a rare letter whose lower case is longer (İ): keep positions
        low = "".join(char.lower() if len(char.lower()) == 1 else char for char in text)
    if language != "ru":
        yield from _english(text, low)
    if language != "en":
        yield from _russian(text, low)


def find_citations_in_blocks(texts: Sequence[str],
                             language: str) -> Iterator[tuple[int, Citation]]:
    """find_citations over many blocks at once: (block index, citation with positions in
    that block). One scan of the joined text costs far less than a scan per block; NUL (never
    in XML text, never matched by the patterns) keeps references from running across blocks."""
    starts = [0]
    for text in texts:
        starts.append(starts[-1] + len(text) + 1)
    for citation in find_citations(BLOCK_SEPARATOR.join(texts), language):
        block = bisect_right(starts, citation.start) - 1
        base = starts[block]
        yield block, Citation(citation.text, citation.chain, citation.external,
                              citation.start - base, citation.end - base)


BLOCK_SEPARATOR = "\x00"

_EN_STEMS = ("sec", "s.", "art", "reg", "rule", "para", "claus", "item", "point")
_RU_STEMS = ("стат", "ст.", "част", "ч.", "пункт", "п.", "глав", "гл.", "раздел", "разд.", "абз")
_SUB_PREFIXES = (0, 3, 4)
"""A stem found at k may start a unit word at k ("section"), k-3 ("subsection", "subs.",
"подпункт") or k-4 ("sub-section"); "ss." and "пп." are found as "s."/"п." at k-1."""


_BIG_STEMS = ("Part", "Chapter", "PART", "CHAPTER")


def _candidates(low: str, stems: tuple[str, ...],
                prefixes: tuple[int, ...] = _SUB_PREFIXES) -> list[int]:
    """Where a unit word may start: `str.find` per stem (memchr-fast), instead of letting
    `re` try a long alternation at every character (ten times slower on long texts)."""
    starts: set[int] = set()
    for stem in stems:
        index = low.find(stem)
        while index >= 0:
            for back in prefixes:
                if index >= back:
                    starts.add(index - back)
            if stem in ("s.", "п.") and index:
                starts.add(index - 1)
            index = low.find(stem, index + 1)
    return sorted(starts)


def _matches(low: str, stems: tuple[str, ...], pattern: re.Pattern[str],
             prefixes: tuple[int, ...] = _SUB_PREFIXES) -> Iterator[re.Match[str]]:
    """Non-overlapping matches of `pattern`, tried only where a unit word may start."""
    position = 0
    for start in _candidates(low, stems, prefixes):
        if start < position:
            continue
        match = pattern.match(low, start)
        if match is not None:
            yield match
            position = match.end()


def _english(text: str, low: str) -> Iterator[Citation]:
    matches = list(_matches(low, _EN_STEMS, _EN_REF))
    big = list(_matches(text, _BIG_STEMS, _EN_BIG, (0,)))  # "Part VII": capitalised, roman
    if big:
        matches = sorted([*matches, *big], key=lambda match: match.start())
    position = 0
    for match in matches:
        if match.start() < position:
            continue
        position = match.end()
        if "bigunit" in match.re.groupindex:
            chains = [((match.group("bigunit").lower(), clean_num(match.group("bignum")).lower()),)]
        else:
            unit = text[match.start("unit"):match.end("unit")]
            if _EN_TITLE_YEAR.match(unit) and re.fullmatch(r"(?:19|20)\d\d", match.group("num")):
                continue
            chains, position = _english_chains(low, match)
        external = bool(_EN_EXTERNAL.match(text, position)
                        or _EN_EXTERNAL_BEFORE.search(text, max(0, match.start() - 40),
                                                      match.start()))
        phrase = " ".join(text[match.start():position].split())
        for chain in chains:
            yield Citation(phrase, chain, external, match.start(), position)


def _english_chains(text: str, match: re.Match[str]) -> tuple[list[tuple], int]:
    """All chains a match stands for (lists give several), and where the phrase ends."""
    kind = _EN_UNIT_WORDS.get(match.group("unit").lower().replace("-", ""), "section")
    numbers = _list_numbers(match.group("num"), match.group("more"), _EN_LIST_NUM)
    outer: list[tuple[str, str]] = []
    end = match.end()
    while True:  # "paragraph (a) of subsection (2) of section 5"
        of = _EN_OF.match(text, end)
        if of is None:
            break
        of_kind = _EN_UNIT_WORDS.get(of.group("unit").lower().replace("-", ""), "section")
        outer = _english_parts(of_kind, of.group("num")) + outer
        end = of.end()
    chains: list[tuple] = []
    previous: list[tuple[str, str]] = []
    for index, number in enumerate(numbers):
        parts = _english_parts(kind, number)
        if index and previous and not _EN_LEADING.match(number) and len(previous) > len(parts):
            # "section 10(1)(a) or (c)": (c) continues 10(1), as (7) continues 29(5) and (7)
            parts = previous[:len(previous) - len(parts)] + [("sub", part) for _k, part in parts]
        previous = parts
        chains.append(tuple(outer + parts))
    return chains, end


def _english_parts(kind: str, written: str) -> list[tuple[str, str]]:
    """ "33(2)(a)" under "section" -> section 33, sub 2, sub a; "342.1(2)" under
    "subsection" -> section 342.1, subsection 2 (the Canadian way of citing)."""
    leading = _EN_LEADING.match(written)
    subparts = [clean_num(part) for part in _EN_SUBPARTS.findall(written)]
    if leading is None:
        return [(kind, subparts[0].lower())] + [("sub", part.lower()) for part in subparts[1:]]
    head = clean_num(leading.group(1)).lower()
    if kind in TOP_KINDS:
        return [(kind, head)] + [("sub", part.lower()) for part in subparts]
    if not subparts:  # "paragraph 5": a paragraph, found relative to the citing unit
        return [(kind, head)]
    return [("section", head)] + [(kind if index == 0 else "sub", part.lower())
                                  for index, part in enumerate(subparts)]


def _list_numbers(first: str, more: str, pattern: re.Pattern[str]) -> list[str]:
    """ "4", ", 5 and 6" -> [4, 5, 6]; "58", "-59" -> [58, 59] (a range: both ends)."""
    numbers = [first]
    if more:
        numbers.extend(number.strip() for number in pattern.findall(more))
    return numbers


def _russian(text: str, low: str) -> Iterator[Citation]:
    position = 0
    for match in _matches(low, _RU_STEMS, _RU_REF):
        if match.start() < position:
            continue
        items = [match]
        end = match.end()
        while True:  # "подпункта 2) пункта 1 статьи 15": smallest unit first
            following = _RU_NEXT.match(low, end)
            if following is None:
                break
            items.append(following)
            end = following.end()
        current = _RU_CURRENT.match(low, end)
        external = current is None and bool(
            _RU_EXTERNAL.match(low, end)
            or _RU_EXTERNAL_BEFORE.search(low, max(0, match.start() - 30), match.start()))
        position = end
        phrase = " ".join(text[match.start():end].split())
        if phrase.endswith(")") and "(" not in phrase and not items[-1].group("ru_subpoint"):
            phrase = phrase[:-1]  # "(статья 99)": the bracket closes the sentence's aside
        for chain in _russian_chains(items):
            if chain:
                yield Citation(phrase, chain, external, match.start(), end)


def _russian_chains(items: list[re.Match[str]]) -> list[tuple[tuple[str, str], ...]]:
    outer: list[tuple[str, str]] = []
    for item in reversed(items[1:]):
        kind = _ru_kind(item)
        if kind != "ru_paragraph_text":
            outer.append((kind, _ru_number(item.group("num"))))
    first = items[0]
    kind = _ru_kind(first)
    if kind == "ru_paragraph_text":  # "абзац второй пункта 2": the paragraph of text itself
        return [tuple(outer)]
    numbers = _list_numbers(first.group("num"), first.group("more"), _RU_LIST_NUM)
    return [(*outer, (kind, _ru_number(number))) for number in numbers]


def _ru_kind(match: re.Match[str]) -> str:
    for kind, _pattern in _RU_UNITS:
        if match.group(kind):
            return kind
    return "article"


def _ru_number(written: str) -> str:
    written = written.strip().lower()
    for stem, value in _RU_ORDINALS.items():
        if written.startswith(stem):
            return value
    return clean_num(written)


def provision_kind(provision: Provision) -> str:
    """ "regulation" for UK Lawmaker's hcontainer name="regulation", else the element."""
    if provision.element == "hcontainer" and provision.name:
        return provision.name
    return provision.element


class Resolver:
    """Finds the provision a citation names, by walking the tree by number.

    Built once per document: a document-wide index of numbered top units (sections,
    articles, parts, chapters) and, lazily, each unit's children by number.
    """

    def __init__(self, provisions: Iterable[Provision]) -> None:
        self.top: dict[str, dict[str, Provision]] = {}
        counts: Counter[str] = Counter()
        for provision in provisions:
            kind = provision_kind(provision)
            if kind in TOP_KINDS and provision.num:
                self.top.setdefault(kind, {}).setdefault(clean_num(provision.num).lower(),
                                                         provision)
                counts[kind] += 1
        primary = [kind for kind in PRIMARY_KINDS if counts[kind]]
        self.primary = max(primary, key=counts.__getitem__) if primary else None
        self._children: dict[int, dict[str, list[Provision]]] = {}

    def is_internal(self, citation: Citation) -> bool:
        """Can this citation be about this document at all? ("Article 5" in a law without
        articles is about another instrument, so it is external, not dangling.)"""
        if citation.external or not citation.chain:
            return False
        kind = citation.chain[0][0]
        if kind in TOP_KINDS:
            return kind in self.top or (kind in INTERCHANGEABLE and self.primary in INTERCHANGEABLE)
        return True

    def resolve(self, citation: Citation, source: Provision | None) -> Provision | None:
        """The provision named, or None (dangling)."""
        kind, number = citation.chain[0]
        rest = citation.chain[1:]
        if kind in TOP_KINDS:
            for start in self._top_candidates(kind, number):
                found = self._descend(start, rest)
                if found is not None:
                    return found
            return None
        for strict in (True, False):  # «частями первой»: the article's parts, not points
            for scope in _scopes(source):
                top = self._find(scope, kind, number, strict)
                if top is not None:
                    found = self._descend(top, rest)
                    if found is not None:
                        return found
        return None

    def _top_candidates(self, kind: str, number: str) -> Iterator[Provision]:
        index = self.top.get(kind)
        if index is None and kind in INTERCHANGEABLE and self.primary in INTERCHANGEABLE:
            index = self.top[self.primary]
        if not index:
            return
        if number in index:
            yield index[number]
            return
        low, _, high = number.partition("-")  # "статьи 7-11": a range unless 7-11 exists
        if high and is_ascii_number(low) and is_ascii_number(high) and int(high) > int(low) and low in index:
            yield index[low]

    def _descend(self, start: Provision, chain: tuple[tuple[str, str], ...]) -> Provision | None:
        node: Provision | None = start
        for kind, number in chain:
            if node is None:
                return None
            node = self._find(node, kind, number)
        return node

    def _find(self, scope: Provision, kind: str, number: str, strict: bool = False,
              depth: int = 3) -> Provision | None:
        """Shallowest descendant of `scope` numbered `number`, preferring the elements the
        unit word usually names (a "paragraph" may be a `point` in some files); `strict`
        accepts only those."""
        level = [scope]
        preferred = PREFERRED_ELEMENTS.get(kind, (kind,))
        for _ in range(depth):
            matches = [child for node in level for child in self._by_num(node).get(number, ())]
            for match in matches:
                if match.element in preferred:
                    return match
            if matches and not strict:
                return matches[0]
            level = [child for node in level for child in node.children]
            if not level:
                return None
        return None

    def _by_num(self, node: Provision) -> dict[str, list[Provision]]:
        table = self._children.get(id(node))
        if table is None:
            table = {}
            for child in node.children:
                if child.num:
                    table.setdefault(clean_num(child.num).lower(), []).append(child)
            self._children[id(node)] = table
        return table


def _scopes(source: Provision | None) -> Iterator[Provision]:
    """Where a relative reference ("subsection (1)") is looked for: the citing unit, then
    each enclosing unit up to its article or section, nearest first."""
    node = source
    while node is not None:
        yield node
        if node.element in ARTICLE_LEVEL:
            return
        node = node.parent


def russian_ordinal(word: str) -> str | None:
    """The number a Russian ordinal names («четвертой» -> "4"), or None."""
    lowered = word.lower()
    return next((digit for stem, digit in _RU_ORDINALS.items() if lowered.startswith(stem)), None)
