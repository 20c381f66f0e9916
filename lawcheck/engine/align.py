"""Alignment: which provisions of a draft implement which treaty requirement, and why.

Every provision is tagged once (heading and own text). A requirement's `align` groups are
tested on each article-level unit (article, section, rule) with its descendants; a unit
aligns when every group matches, not negated. The score adds how much of the requirement's
element vocabulary the unit also carries, so the unit that does the work ranks first.
"""

from __future__ import annotations

import operator
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from lawcheck.akn import Document, Provision
from lawcheck.akn.definitions import find_clauses, is_definitions_heading, names_an_enactment
from lawcheck.akn.vocab import ARTICLE_LEVEL
from lawcheck.concepts.aliases import Aliases, aliases_in_force, with_aliases
from lawcheck.concepts.language import tokenize
from lawcheck.concepts.tagger import Tagged, tag
from lawcheck.engine.roles import FOREIGN, MEASURES, PENAL, PROHIBITION, Framing, accepts, role_of
from lawcheck.engine.units import Block, Definition, Unit, UnitList
from lawcheck.rulebook.model import Requirement

CONTAINERS = {"part", "chapter", "title", "book", "subpart", "subchapter", "division",
              "subdivision", "subtitle", "hcontainer", "body", "preface"}
# Score of an aligned article: the align groups matched (ALIGN_WEIGHT), the share of the
# requirement's element vocabulary it carries, and a heading that names the core concept
# (drafters title articles after what they do).
ALIGN_WEIGHT = 0.5
HEADING_WEIGHT = 0.2


@dataclass(frozen=True)
class Cut:
    """Which candidates are reported as implementing a requirement: those within `margin` of
    the best, at most `limit`. These are the engine's only tuned numbers; the accuracy
    benchmark fits them on the development laws and scores each law left out."""

    margin: float = 0.2
    limit: int = 12


CUT = Cut()


@dataclass(frozen=True)
class Alignment:
    eid: str
    score: float
    evidence: tuple[str, ...]  # matched words and periods, for the reviewer


@dataclass
class Analysis:
    """A draft read for checking: every provision tagged once, article-level units found."""

    document: Document
    lang: str
    units: dict[str, Unit]  # eId -> tagged own text
    articles: list[Provision]
    definition_articles: set[str]  # articles that mostly define terms
    headings: dict[str, Tagged]  # article eId -> its heading, tagged
    definitions: list[Definition]  # terms the draft defines, tagged
    _blocks: dict[str, UnitList] = field(default_factory=dict)
    _roles: dict[str, str] = field(default_factory=dict)
    _concepts: dict[str, frozenset[str]] = field(default_factory=dict)
    _articles_by_concept: dict[str, set[str]] | None = None
    _container_headings: dict[str, Tagged] = field(default_factory=dict)
    _title: Tagged | None = None
    _referring: set[str] | None = None  # articles that refer to another (`referring`)
    edits: int = 0  # how many edits the draft has had: what depends on all its units is kept per edit
    edited: list[str] = field(default_factory=list)  # the eId of each edit, in order
    aliases: dict[str, Aliases] = field(default_factory=dict)  # eId -> the short names in force there

    def block(self, provision: Provision) -> list[Unit]:
        """The provision's own unit followed by those of all its descendants."""
        if provision.eid not in self._blocks:
            self._blocks[provision.eid] = UnitList(self.units[p.eid] for p in _subtree(provision)
                                                   if p.eid in self.units)
        return self._blocks[provision.eid]

    def concepts(self, provision: Provision) -> frozenset[str]:
        """Concepts stated (not negated) anywhere in the provision's block."""
        if provision.eid not in self._concepts:
            self._concepts[provision.eid] = frozenset().union(
                *(unit.tagged.present for unit in self.block(provision)))
        return self._concepts[provision.eid]

    def role(self, article: Provision) -> str:
        """What the article does (lawcheck.engine.roles): definition, offence, cooperation, power, other."""
        if article.eid not in self._roles:
            self._roles[article.eid] = role_of(self.block(article), article.eid in self.definition_articles,
                                               self.framing(article))
        return self._roles[article.eid]

    def framing(self, article: Provision) -> Framing:
        """The headings that frame the article: its own, its Parts' and Chapters', the Act's title."""
        containers = tuple(self._container_heading(c) for c in _ancestors(article)
                           if c.element in CONTAINERS and c.heading)
        if self._title is None:
            self._title = tag(self.document.frbr.title or "", self.lang)
        return Framing(self.headings.get(article.eid), containers, self._title)

    def framed(self, article: Provision, groups: tuple[tuple[str, ...], ...]) -> bool:
        """Whether every group is stated by the article or by the headings of its Part or
        Chapter or the Act's title ("PART IV. COMPUTER DATA" frames "Preservation orders")."""
        around = self._framing_concepts.get(article.eid)
        if around is None:  # what the headings state: the draft's structure, which an edit does not change
            framing = self.framing(article)
            headings = [*framing.containers, *([framing.title] if framing.title else [])]
            around = self._framing_concepts[article.eid] = frozenset().union(*(h.present for h in headings))
        present = self.concepts(article)
        return all(not present.isdisjoint(group) or not around.isdisjoint(group) for group in groups)

    def _container_heading(self, container: Provision) -> Tagged:
        if container.eid not in self._container_headings:
            self._container_headings[container.eid] = tag(container.heading, self.lang)
        return self._container_headings[container.eid]

    def edit(self, eid: str, text: str) -> None:
        """Replace one provision's text (the interface's edit loop): re-tag that unit only
        and forget the cached blocks that contain it. (Units framed by it keep their context:
        an edit of a heading or intro is seen fully after a new check.)"""
        unit = self.units[eid]
        self.edits += 1
        self.edited.append(eid)
        self.units[eid] = Unit(eid, with_aliases(tag(text, self.lang), self.aliases.get(eid, {})), unit.context)
        provision = self._by_eid[eid]
        article = self.article_of(eid)
        if article is not None and self._articles_by_concept is not None:
            for concept in self.concepts(article):
                self._articles_by_concept[concept].discard(article.eid)
        for stale in (provision, *_ancestors(provision)):
            self._blocks.pop(stale.eid, None)
            self._concepts.pop(stale.eid, None)
            self._roles.pop(stale.eid, None)
        if article is not None and self._articles_by_concept is not None:
            for concept in self.concepts(article):
                self._articles_by_concept.setdefault(concept, set()).add(article.eid)

    def articles_with(self, group: tuple[str, ...]) -> set[str]:
        """eIds of the articles that state (not negated) some concept of the group: alignment
        then reads only those, which matters in a code of thousands of articles."""
        if self._articles_by_concept is None:
            index: dict[str, set[str]] = {}
            for article in self.articles:
                for concept in self.concepts(article):
                    index.setdefault(concept, set()).add(article.eid)
            self._articles_by_concept = index
        return set().union(*(self._articles_by_concept.get(concept, ()) for concept in group))

    def provision(self, eid: str) -> Provision | None:
        return self._by_eid.get(eid)

    def article_of(self, eid: str) -> Provision | None:
        """The article-level unit that contains the provision (or is it)."""
        if eid in self._article_cache:
            return self._article_cache[eid]
        provision = self._by_eid.get(eid)
        articles = self._article_ids
        while provision is not None and provision.eid not in articles:
            provision = provision.parent
        self._article_cache[eid] = provision
        return provision

    def container(self, provision: Provision) -> str | None:
        """eId of the Part, Chapter or other container the provision stands in (the draft's
        structure, which an edit does not change)."""
        if provision.eid not in self._containers:
            node = provision.parent
            while node is not None and node.element not in CONTAINERS:
                node = node.parent
            self._containers[provision.eid] = node.eid if node is not None else None
        return self._containers[provision.eid]

    def in_order(self, eids: set[str]) -> list[Provision]:
        """The articles among `eids`, in the draft's order."""
        return [self.articles[i] for i in sorted(i for eid in eids for i in self._positions.get(eid, ()))]

    def referrers(self, article_eid: str) -> list[Provision]:
        """Other articles that refer to this one ("an order under any of sections 18 to 23
        shall be kept confidential"): they complete its regime."""
        return [self._by_eid[eid] for eid in self._referrers.get(article_eid, ())]

    def targets_of(self, provision: Provision) -> frozenset[str]:
        """Articles a provision refers to, singly (other than its own article) or by a range;
        kept, since references belong to the document and an edit does not change them."""
        if provision.eid not in self._targets:
            self._targets[provision.eid] = frozenset(self.articles[i].eid for i in self._links.targets(provision))
        return self._targets[provision.eid]

    def references_of(self, article_eid: str) -> tuple[str, ...]:
        """The provisions an article's parts refer to, in order; kept, since references belong
        to the document and an edit of the text does not change them."""
        if article_eid not in self._references:
            article = self._by_eid.get(article_eid)
            self._references[article_eid] = tuple(dict.fromkeys(
                r.target_eid for unit in (_subtree(article) if article is not None else ())
                if unit.eid in self.units for r in unit.references if r.target_eid))
        return self._references[article_eid]

    def referenced_articles(self, article: Provision) -> list[Provision]:
        """Other articles that the article's parts refer to, in order."""
        found = dict.fromkeys(target for eid in self.references_of(article.eid)
                              if (target := self.article_of(eid)) is not None)
        found.pop(article, None)
        return list(found)

    def referring(self) -> set[str]:
        """The articles that refer to another article: the document's structure, read once."""
        if self._referring is None:
            self._referring = {a.eid for a in self.articles if self.referenced_articles(a)}
        return self._referring

    def ranges_of(self, provision: Provision) -> set[str]:
        """Articles a provision refers to by a range ("sections 18 to 23", «статьями 231-233»)."""
        return {self.articles[i].eid for i in self._links.ranges(provision)}

    def __post_init__(self) -> None:
        self._by_eid = {p.eid: p for p in checked_provisions(self.document)}
        self._links = _Links(self.articles)
        self._referrers = self._links.referrers()
        self._article_ids = {a.eid for a in self.articles}
        self._targets: dict[str, frozenset[str]] = {}
        self._references: dict[str, tuple[str, ...]] = {}
        self._article_cache: dict[str, Provision | None] = {}
        self._containers: dict[str, str | None] = {}
        self._framing_concepts: dict[str, frozenset[str]] = {}
        # results of the assessment kept with the units they were read from (`same_units`):
        # a re-check reuses those whose units an edit left alone
        self.memo: dict[tuple[str, ...], tuple[Any, ...]] = {}
        self._positions: dict[str, list[int]] = {}
        for i, article in enumerate(self.articles):
            self._positions.setdefault(article.eid, []).append(i)


# what stands between the two references of a range: "sections 18</ref> to <ref>23", "17–22"
_BETWEEN = re.compile(r"\s*(?:to|through|–|—|-|по)\s*(?:(?:sections?|articles?|ss?\.|arts?\.|стать\w*|ст\.)\s*)?",
                      re.IGNORECASE)
_REF_RANGE = re.compile(r"(?<![\d\-.])(\d+(?:-[A-Z](?![A-Za-z]))?)\s*(?:to|through|–|—|-|по)\s*"
                        r"(\d+(?:-[A-Z](?![A-Za-z]))?)(?![\d\-.])", re.IGNORECASE)
_NUMBER = re.compile(r"(\d+(?:[.\-]\d+)*(?:-[A-Z](?![A-Za-z]))?)")  # 12, 94-1, 370-A


class _Links:
    """Which articles each provision refers to, read once per draft: single references, and
    ranges, whether worded between two references ("sections 18 to 23") or marked up on the
    first article only (`<ref href="#art_17">статьями 17–22</ref>`, which binds all six)."""

    def __init__(self, articles: list[Provision]) -> None:
        self.articles = articles
        self.position = {a.eid: i for i, a in enumerate(articles)}
        self.article_of = {p.eid: a.eid for a in articles for p in _subtree(a)}
        self.numbered = {m.group(1): i for i, a in enumerate(articles) for m in [_NUMBER.search(a.num or "")] if m}

    def ranges(self, provision: Provision) -> set[int]:
        resolved = {self.position[self.article_of[r.target_eid]]: r for r in provision.references
                    if r.target_eid in self.article_of}
        ends = sorted(resolved)
        found = set(range(ends[0], ends[1] + 1)) if len(ends) == 2 and _worded_between(
            provision.own_text, resolved[ends[0]].text, resolved[ends[1]].text) else set()
        for reference in provision.references:
            match = _REF_RANGE.search(reference.text)
            start = self.article_of.get(reference.target_eid or "")
            if match is None or start is None:
                continue
            first, last = self.numbered.get(match.group(1)), self.numbered.get(match.group(2))
            if first == self.position[start] and last is not None and last > first:
                found.update(range(first, last + 1))
        return found

    def targets(self, provision: Provision) -> set[int]:
        """Positions of the other articles the provision refers to."""
        own = self.position.get(self.article_of.get(provision.eid, ""), -1)
        single = {self.position[self.article_of[r.target_eid]] for r in provision.references
                  if r.target_eid in self.article_of}
        return (single | self.ranges(provision)) - {own}

    def referrers(self) -> dict[str, list[str]]:
        """article eId -> eIds of the other articles that refer to it (ranges included)."""
        found: dict[str, list[str]] = {}
        for article in self.articles:
            for p in _subtree(article):
                for index in sorted(self.targets(p)):
                    target = self.articles[index].eid
                    if article.eid not in found.setdefault(target, []):
                        found[target].append(article.eid)
        return found


def _worded_between(text: str, first: str, last: str) -> bool:
    """Whether the text words a range from one reference to the other ("sections 18 to 23",
    «статьями 17–22»), not two references that merely share a sentence with a "to" ("a person
    mentioned in subsection (1) ... subject to section 1(2)")."""
    start = text.find(first)
    end = text.find(last, start + len(first)) if start >= 0 else -1
    return end >= 0 and _BETWEEN.fullmatch(text[start + len(first):end]) is not None


def same_units(kept: Sequence[object], units: Sequence[object]) -> bool:
    """Whether two lists hold the very same objects in the same order: an edited unit is a
    new object, so a result read from `kept` still holds for `units`."""
    return len(kept) == len(units) and all(map(operator.is_, kept, units))


def _subtree(provision: Provision) -> Iterator[Provision]:
    yield provision
    for child in provision.children:
        yield from _subtree(child)


def _editorial(provision: Provision) -> bool:
    """Editorial notes (e.g. Kazakh «Сноска» on amendment history) are not law."""
    return provision.element == "hcontainer" and provision.name == "note"


def checked_provisions(document: Document) -> list[Provision]:
    """The draft's own provisions, and what an amending act inserts (its quoted structures),
    without editorial notes."""
    provisions = list(document.walk()) + [p for top in document.quoted for p in _subtree(top)]
    return [p for p in provisions if not any(_editorial(a) for a in (p, *_ancestors(p)))]


def _article_level(provisions: list[Provision]) -> list[Provision]:
    """Articles or sections (where a draft has none, its top units below the containers),
    and each unit an amending act inserts on its own (a new part or point of an article)."""
    def outermost(p: Provision) -> bool:
        return not any(a.element in ARTICLE_LEVEL for a in _ancestors(p))

    def inserted(p: Provision) -> bool:
        return p.quoted_in is not None and p.parent is None and p.element not in CONTAINERS

    articles = [p for p in provisions if outermost(p) and (p.element in ARTICLE_LEVEL or inserted(p))]
    if any(p.element in ARTICLE_LEVEL for p in articles):
        return articles
    return [p for p in provisions if p.element not in CONTAINERS
            and all(a.element in CONTAINERS for a in _ancestors(p))]


def _ancestors(provision: Provision) -> Iterator[Provision]:
    node = provision.parent
    while node is not None:
        yield node
        node = node.parent


def analyse(document: Document, lang: str) -> Analysis:
    """Tag every provision of the draft once."""
    provisions = checked_provisions(document)
    texts = [" ".join(part for part in (p.num, p.heading, p.own_text) if part) for p in provisions]
    aliases = {p.eid: found for p, found in zip(provisions, aliases_in_force(texts, lang), strict=True) if found}
    definitions = _document_definitions(document, lang)
    meanings = _defined_meanings(definitions, lang)
    if meanings:  # each use of the term outside its definition carries the meaning
        defining = {d.eid for d in document.definitions}
        aliases = {p.eid: aliases.get(p.eid, {}) if p.eid in defining else
                   {**meanings, **aliases[p.eid]} if p.eid in aliases else meanings for p in provisions}
    units: dict[str, Unit] = {}
    for p, text in zip(provisions, texts, strict=True):  # parents come before their children
        parent = units.get(p.parent.eid) if p.parent is not None else None
        context = (parent, *parent.context) if parent else ()
        units[p.eid] = Unit(p.eid, with_aliases(tag(text, lang), aliases.get(p.eid, {})), context)
    articles = _article_level(provisions)
    headings = {a.eid: tag(a.heading, lang) for a in articles if a.heading}
    return Analysis(document, lang, units, articles, _definition_articles(document, provisions),
                    headings, definitions, aliases=aliases)


MEANING_CHARS = 70  # where a definition says what its term is: the words just after the term
DATA_KINDS = ("traffic_data", "content_data", "subscriber_information", "computer_data")


def _defined_meanings(definitions: Sequence[Definition], lang: str) -> Aliases:
    """Terms the law defines as a foreign request, a foreign State or a channel of co-operation
    (""request" means a request for mutual legal assistance from a foreign State", «запрос –
    запрос иностранного государства о правовой помощи»), with that meaning: a section that then
    says only "on a request, a judge may authorise ..." serves a foreign request. A term of art
    of several words for a measure («контроль соединений абонентских устройств – получение в
    режиме реального времени сведений о ... соединениях») carries the data it reaches as well.
    Nothing else is carried: the other words of a definition would make every use of a common
    term ("data", "computer") state what its definition mentions in passing."""
    meanings: dict[tuple[str, ...], frozenset[str]] = {}
    for definition in definitions:
        if definition.entry is None or len(definition.term.split()) > 4:
            continue
        text = definition.entry.text
        at = text.lower().find(definition.term.lower())
        start = at + len(definition.term) if at >= 0 else 0
        head = {m.concept for m in definition.entry.matches
                if start <= m.start < start + MEANING_CHARS and not m.negated}
        carried = (head & set(FOREIGN)) - definition.tagged.present
        if len(definition.term.split()) > 1 and head & set(MEASURES):
            # a measure named by a term of art («контроль соединений абонентских устройств –
            # получение в режиме реального времени сведений о дате, времени ... соединений»):
            # the data it reaches is part of what the term means
            carried |= (definition.entry.present & set(DATA_KINDS)) - definition.tagged.present
        term = tuple(t.lemma for t in tokenize(definition.term.lower(), lang))
        if carried and term:
            meanings[term] = frozenset(carried) | meanings.get(term, frozenset())
    return meanings


def _document_definitions(document: Document, lang: str) -> list[Definition]:
    """The draft's definitions, and those an amending act inserts in plain wording."""
    found = [(d.term, d.eid, _entry(document, d.eid, d.text)) for d in document.definitions]
    known = {eid for _, eid, _ in found}
    for top in document.quoted:
        for provision in _subtree(top):
            if provision.eid not in known:
                found += [(c.term, provision.eid, provision.own_text)
                          for c in find_clauses(provision.own_text, lang, listed=True)]
    entries: dict[str, Tagged] = {}  # an entry that defines several terms is tagged once
    return [Definition(term, eid, tag(term, lang), entries.get(text) or entries.setdefault(text, tag(text, lang)))
            for term, eid, text in found if not names_an_enactment(term)]


def _entry(document: Document, eid: str, text: str) -> str:
    """What a definition says: its words, and where they open a list ("“traffic data” means—"),
    the items of that list."""
    provision = document.by_eid(eid)
    if provision is None or not text.rstrip().endswith(("—", "–", ":", "-")):
        return text
    return " ".join([text, *(child.text for child in provision.children)])


def _evidence(block: Block, concepts: set[str]) -> tuple[str, ...]:
    words = [m.text for unit in block for m in unit.tagged.matches
             if m.concept in concepts and not m.negated]
    periods = [unit.tagged.text[d.start:d.end] for unit in block for d in unit.tagged.durations]
    return tuple(dict.fromkeys(words + periods))[:12]


def _coverage(present: frozenset[str], requirement: Requirement) -> float:
    return _share(present, _coverage_groups(requirement))


def _coverage_groups(requirement: Requirement) -> list[tuple[str, ...]]:
    return [g for e in requirement.elements if e.check in {"presence", "limit", "defined"}
            for g in e.concepts]


def _share(present: frozenset[str], groups: list[tuple[str, ...]]) -> float:
    if not groups:
        return 1.0
    hit = sum(not present.isdisjoint(g) for g in groups)
    return hit / len(groups)


def _definition_articles(document: Document, provisions: list[Provision]) -> set[str]:
    """Interpretation sections: they name every concept without implementing any. Half of
    the units defining is enough under a heading that says so; otherwise most must define
    (an offence followed by "In this section, 'child' means ..." is an offence)."""
    defining = {d.eid for d in document.definitions}
    articles = set()
    for article in _article_level(provisions):
        units = list(_subtree(article))
        share = sum(p.eid in defining for p in units) * 2
        needed = max(len(units) - 1, 1)
        if share > needed or (share == needed and is_definitions_heading(article.heading or "")):
            articles.add(article.eid)
    return articles


ASSISTANCE = ("mla_request", "mutual_legal_assistance")
REQUEST = (*ASSISTANCE, "foreign_party")  # a foreign request for assistance
INQUIRY = ("criminal_investigation", "investigator", "prosecutor")  # a criminal inquiry and who conducts it
CULPABLE = ("intent", "offence_clause")  # "with intent", "commits an offence": conduct the law punishes


def align_requirement(analysis: Analysis, requirement: Requirement, *,
                      evidence: bool = True, general: bool = False) -> list[Alignment]:
    """Article-level units that implement the requirement, best first. Interpretation
    sections align only to definition requirements. Without `evidence`, the words are left
    out (`with_evidence` adds them to the few alignments that are reported). With `general`,
    the articles that state the requirement's `general_align` groups instead."""
    if requirement.kind == "definition":
        return _defining_articles(analysis, requirement)
    found = []
    concepts = requirement.concept_ids
    align = requirement.general_align if general else requirement.align
    aligned_ids = set.intersection(*(analysis.articles_with(group) for group in align)) \
        if align else {a.eid for a in analysis.articles}
    if len(align) > 1:  # the Part or the Act may state what the article leaves implicit
        aligned_ids |= {eid for eid in analysis.articles_with(align[0]) - aligned_ids
                        if analysis.framed(analysis.provision(eid), align[1:])}  # type: ignore[arg-type]
    if any(set(group) <= set(REQUEST) for group in align):  # in a Part on mutual assistance, "a request" is one
        aligned_ids |= _framed_as_cooperation(analysis, requirement, align, aligned_ids)
    if requirement.kind in BY_REFERENCE and len(align) > 1 and not general:
        aligned_ids |= _measures_by_reference(analysis, align, aligned_ids, BY_REFERENCE[requirement.kind])
    if general and requirement.kind == "procedural_power":  # a search abroad is a request, not the power
        aligned_ids -= analysis.articles_with(FOREIGN)
    groups = _coverage_groups(requirement)
    # An article's alignment depends on its block alone (its role, its concepts) besides the
    # draft's structure: kept per article while the block is the same (an edit makes a new one).
    key = ("align", requirement.id, "general" if general else "own")
    kept = analysis.memo.get(key)
    before: dict[str, tuple[Block, Alignment | None]] = kept[1] if kept is not None and kept[0] is requirement else {}
    now: dict[str, tuple[Block, Alignment | None]] = {}
    for article in analysis.in_order(aligned_ids):
        block = analysis.block(article)
        known = before.get(article.eid)
        if known is not None and known[0] is block:
            alignment = known[1]
        else:
            alignment = _alignment(analysis, requirement, article, groups, align)
        now[article.eid] = (block, alignment)
        if alignment is not None:
            found.append(replace(alignment, evidence=_evidence(block, concepts)) if evidence else alignment)
    analysis.memo[key] = (requirement, now)
    return sorted(found, key=lambda a: -a.score)


def _states_in_operative_part(analysis: Analysis, article: Provision, align: Sequence[tuple[str, ...]]) -> bool:
    """Whether the parts of an interpretation article that define nothing state every group: a
    definitions article may end with a rule («2. Полномочия, предусмотренные настоящей главой,
    применяются по уголовным делам о любых уголовных правонарушениях»)."""
    defined = [d.eid for d in analysis.definitions if d.eid == article.eid or d.eid.startswith(article.eid + "__")]
    operative = [u for u in analysis.block(article) if u.eid != article.eid
                 and not any(d == u.eid or d.startswith(u.eid + "__") for d in defined)]
    stated = frozenset().union(*(u.tagged.present for u in operative))
    return bool(align) and all(not stated.isdisjoint(group) for group in align)


def _framed_as_cooperation(analysis: Analysis, requirement: Requirement, align: Sequence[tuple[str, ...]],
                           aligned: set[str]) -> set[str]:
    """Co-operation articles whose Part or Act names the foreign request the requirement is
    about ("PART II. MUTUAL LEGAL ASSISTANCE"), and which state its other groups, or at least
    some concept of it, themselves: there, "a request may be sent by fax" and "the request may
    be refused" speak of assistance."""
    context = tuple(group for group in align if set(group) <= set(REQUEST))
    own = [group for group in align if group not in context]
    stated = set.intersection(*(analysis.articles_with(g) for g in own)) if own \
        else analysis.articles_with(tuple(requirement.concept_ids))
    return {eid for eid in stated - aligned
            if analysis.role(article := analysis.provision(eid)) == "cooperation"  # type: ignore[arg-type]
            and analysis.framed(article, context)}  # type: ignore[arg-type]


BY_REFERENCE: dict[str, frozenset[str] | None] = {"cooperation_power": frozenset({"cooperation"}), "safeguards": None}
"""Kinds of requirement whose articles may name the powers they concern by their articles alone,
and the roles such an article has (None: any role the requirement accepts)."""


def _measures_by_reference(analysis: Analysis, align: Sequence[tuple[str, ...]], aligned: set[str],
                           roles: frozenset[str] | None) -> set[str]:
    """Articles that name the powers they concern by their articles: a foreign request executed
    through a domestic power («обращается к следственному судье за постановлением, предусмотренным
    статьей 19»; "a warrant under section 12 may be issued"), or the conditions of the powers
    («Действия, предусмотренные статьями 236-2, 236-3 и 254-1, производятся только ...»): the
    powers they refer to state the measure."""
    found = set()
    for eid in (analysis.articles_with(align[0]) & analysis.referring()) - aligned:
        article = analysis.provision(eid)
        if article is None or (roles is not None and analysis.role(article) not in roles):
            continue
        powers = [t for t in analysis.referenced_articles(article) if analysis.role(t) == "power"]
        stated = analysis.concepts(article).union(*(analysis.concepts(t) for t in powers))
        if powers and all(not stated.isdisjoint(group) for group in align[1:]):
            found.add(eid)
    return found


def may_align(analysis: Analysis, requirement: Requirement, article: Provision) -> bool:
    """Whether the article, as it reads now, passes the tests that make it a candidate of the
    requirement (its role, what it punishes, its context): a re-check reads only the requirements
    an edited article may now align with."""
    return requirement.kind == "definition" or _alignment(analysis, requirement, article, [],
                                                           requirement.align) is not None


def _alignment(analysis: Analysis, requirement: Requirement, article: Provision,
               groups: list[tuple[str, ...]], align: Sequence[tuple[str, ...]]) -> Alignment | None:
    """The article as a candidate for the requirement (without evidence), or None."""
    role = analysis.role(article)
    if article.eid in analysis.definition_articles and requirement.kind != "definition":
        if not _states_in_operative_part(analysis, article, align):
            return None
        role = "other"  # the general rule that ends an interpretation article
    if not accepts(requirement, role, analysis.concepts(article)):
        return None
    present = analysis.concepts(article)
    if requirement.kind == "offence" and _punishes_nothing(analysis, article, role, present):
        return None
    if _extradition_only(analysis, article, present, align):
        return None
    if requirement.kind == "procedural_power" and "compliance_purpose" in present and present.isdisjoint(INQUIRY):
        return None  # a regulator's notice to check compliance is no power of criminal procedure (Art. 14(1))
    heading = analysis.headings.get(article.eid)
    if requirement.titled_otherwise and heading is not None and heading.has(requirement.titled_otherwise) \
            and not heading.has(align[0]):
        return None  # "Computer-related fraud": an offence the interference offences are a means of
    titled = heading is not None and heading.has(align[0])
    score = ALIGN_WEIGHT + HEADING_WEIGHT * titled \
        + (1 - ALIGN_WEIGHT - HEADING_WEIGHT) * _share(present, groups)
    return Alignment(article.eid, round(score, 3), ())


def _extradition_only(analysis: Analysis, article: Provision, present: frozenset[str],
                      align: Sequence[tuple[str, ...]]) -> bool:
    """An article of an extradition Act or Part ("at the request of the requesting State, submit
    the case for prosecution", the rule of speciality, things handed over with the person) is
    about surrender, not mutual assistance: it does not carry the assistance articles unless it
    speaks of assistance. The nearest heading that names either decides: a Part on extradition
    in an Act on both is about surrender."""
    if not set(align[0]) & set(ASSISTANCE) or "extradition" in align[0] or "mutual_legal_assistance" in present:
        return False
    framing = analysis.framing(article)
    for heading in (h for h in (framing.heading, *framing.containers, framing.title) if h is not None):
        if heading.has(ASSISTANCE):
            return False
        if heading.has(("extradition",)):
            return True
    return False


def _punishes_nothing(analysis: Analysis, article: Provision, role: str, present: frozenset[str]) -> bool:
    """Whether an article that names an offence's conduct makes no offence of it: a duty to
    protect networks against unauthorised access («обязаны принимать меры по защите ... от
    несанкционированного доступа») with no penalty or prohibition of its own; or an article that
    is no offence, states no culpable conduct ("with intent", "commits an offence") and is
    punished by no offence that refers to it (a duty to report unauthorised access; a power to
    cut off networks used «в преступных целях»)."""
    if "protective_duty" in present and present.isdisjoint(PENAL + PROHIBITION):
        return True
    return role != "offence" and present.isdisjoint(CULPABLE + PENAL + PROHIBITION) \
        and not any(analysis.role(r) == "offence" for r in analysis.referrers(article.eid))


def with_evidence(analysis: Analysis, requirement: Requirement,
                  alignments: list[Alignment]) -> list[Alignment]:
    """The alignments with the words and periods that show them."""
    if requirement.kind == "definition":
        return alignments  # the terms defined are their evidence already
    concepts = requirement.concept_ids
    key = ("evidence", requirement.id)  # per article, kept while its block is the same
    if key not in analysis.memo or analysis.memo[key][0] is not requirement:
        analysis.memo[key] = (requirement, {})
    kept: dict[str, tuple[Block, tuple[str, ...]]] = analysis.memo[key][1]
    found = []
    for alignment in alignments:
        block = analysis.block(analysis.provision(alignment.eid))  # type: ignore[arg-type]
        known = kept.get(alignment.eid)
        if known is None or known[0] is not block:
            known = kept[alignment.eid] = (block, _evidence(block, concepts))
        found.append(replace(alignment, evidence=known[1]))
    return found


def _defining_articles(analysis: Analysis, requirement: Requirement) -> list[Alignment]:
    """Where the draft defines the treaty's terms: the articles (or inserted points) that hold
    a definition of one of them, ranked by how many they define. A word used in an operative
    article is not a definition of it."""
    terms: dict[str, list[str]] = {}
    for definition in analysis.definitions:
        article = analysis.article_of(definition.eid)
        if article is not None and definition.tagged.has(requirement.align[0]):
            terms.setdefault(article.eid, []).append(definition.term)
    total = max((len(t) for t in terms.values()), default=1)
    found = [Alignment(eid, round(ALIGN_WEIGHT + (1 - ALIGN_WEIGHT) * len(named) / total, 3),
                       tuple(dict.fromkeys(named))[:12])
             for eid, named in terms.items()]
    return sorted(found, key=lambda a: -a.score)


def strongest(alignments: list[Alignment], cut: Cut | None = None) -> list[Alignment]:
    """The alignments a reviewer is shown: those close to the best one."""
    if not alignments:
        return []
    best = alignments[0].score
    cut = cut or CUT
    return [a for a in alignments if a.score >= best - cut.margin][:cut.limit]
