"""Evaluation: each requirement's elements and safeguards on the provisions in its scope,
and from them the requirement's status."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace

from lawcheck.akn import Provision
from lawcheck.engine import checks, supervision
from lawcheck.engine.align import (
    CUT,
    Alignment,
    Analysis,
    Cut,
    align_requirement,
    may_align,
    same_units,
    strongest,
    with_evidence,
)
from lawcheck.engine.checks import Evidence, Result
from lawcheck.engine.roles import AUTHORISATIONS, accepts
from lawcheck.engine.units import Block, Definition, Unit, UnitList
from lawcheck.rulebook.loader import Rulebook
from lawcheck.rulebook.model import Element, Requirement
from lawcheck.settings import Settings

POWER_KINDS = {"procedural_power", "cooperation_power"}
_WEIGHT = {"high": 3, "medium": 2, "low": 1}
_LEVELS = {"judicial": "a court or judge", "prosecutor": "a prosecutor",
           "investigator": "an investigator or police officer", "executive": "the executive"}
"""Who authorises a power, by the level its reading finds (`supervision.Grant.level`)."""
_AUTHORITIES = (("court_authorisation", _LEVELS["judicial"]), ("prosecutor_authorisation", _LEVELS["prosecutor"]),
                ("investigator", _LEVELS["investigator"]))
"""The same, where no reading is made: the authorities the aligned articles name."""


@dataclass(frozen=True)
class Evaluation:
    requirement: str
    pairs: tuple[tuple[Element, Result], ...]  # relaxed elements are left out
    safeguards: dict[str, Result | None]  # None: the power was not found, so unknown

    @property
    def elements(self) -> tuple[Result, ...]:
        return tuple(result for _, result in self.pairs)

    @property
    def fires(self) -> bool:
        """True when some element is unmet or in conflict: a reviewer has something to act on."""
        return any(r.status in {"unmet", "conflict"} for r in self.elements)

    def status_of(self, element_id: str) -> str | None:
        return next((r.status for r in self.elements if r.element == element_id), None)


def evaluate_requirement(requirement: Requirement, blocks: Sequence[Block],
                         definitions: Sequence[Definition], safeguard_units: Sequence[Unit],
                         rulebook: Rulebook, relaxed: Iterable[str] = (),
                         support: Sequence[Block] = (),
                         safeguards_found: Mapping[str, Result | None] | None = None,
                         anywhere: Callable[[], Sequence[Unit]] = tuple) -> Evaluation:
    """Run every element's check; look for each safeguard of a power in its wider scope.
    `support` blocks (articles that refer to the aligned ones) may satisfy a presence
    element, never raise a conflict. `safeguards_found`: the safeguards as already read in
    the same units. `anywhere`: the draft's units that may meet an element with `anywhere`
    (`anywhere_units`), found only if such an element is unmet where the requirement is carried."""
    skip = set(relaxed)
    scope = checks.Scope(blocks, support, definitions, safeguard_units)
    pairs = [(element, _met_anywhere(element, checks.CHECKS[element.check](element, scope), anywhere))
             for element in requirement.elements if element.id not in skip]
    pairs = _qualifiers_of_absent(pairs, [*blocks, *support])
    found = any(blocks)
    safeguards = dict(safeguards_found) if safeguards_found is not None else {
        safeguard_id: checks.safeguard(_as_needed(requirement, rulebook.safeguard(safeguard_id)[1]), safeguard_units)
        if found else None
        for safeguard_id in requirement.safeguards
    }
    return Evaluation(requirement.id, tuple(pairs), safeguards)


def _met_anywhere(element: Element, result: Result, units: Callable[[], Sequence[Unit]]) -> Result:
    """An element unmet where the requirement is carried, met by a general rule elsewhere in
    the draft (the secrecy of every criminal investigation binds each measure taken in one)."""
    if result.status != "unmet" or not element.anywhere:
        return result
    for unit in units():
        evidence = checks.stated_in(unit, element.concepts + element.anywhere)
        if evidence:
            return Result(element.id, "met", checks.eids_of(evidence),
                          f"found in a general rule of {unit.eid}", tuple(evidence))
    return result


def anywhere_units(analysis: Analysis, requirement: Requirement) -> list[Unit]:
    """The units of the draft, whatever their article's role, that state an element with
    `anywhere` together with its context in their own words (a Part headed "Investigation"
    does not make a rule for one measure general): found through the article index, so that
    a code's thousands of articles are not read for it."""
    found: dict[str, Unit] = {}
    for element in requirement.elements:
        if not element.anywhere:
            continue
        groups = element.concepts + element.anywhere
        eids = set.intersection(*(analysis.articles_with(group) for group in groups)) - analysis.definition_articles
        for article in analysis.in_order(eids):
            for unit in analysis.block(article):
                if unit.eid not in found and checks.stated_in(unit, groups):
                    found[unit.eid] = unit
    return list(found.values())


def _as_needed(requirement: Requirement, safeguard: Element) -> Element:
    """The safeguard as this power needs it (its rule's `needs`), else as Art. 15 states it."""
    weight = requirement.supervision.safeguards.get(safeguard.id) if requirement.supervision else None
    return replace(safeguard, concepts=weight.needs) if weight is not None and weight.needs else safeguard


# --- a whole draft -----------------------------------------------------------------------


@dataclass(frozen=True)
class Assessed:
    """One requirement as the draft meets it."""

    requirement: Requirement
    status: str  # implemented | partial | missing | not_applicable
    score: float
    alignments: tuple[Alignment, ...]
    evaluation: Evaluation | None
    authorities: tuple[str, ...] = ()  # who authorises a power
    considered: frozenset[str] = frozenset()  # articles read for it (candidates and referrers)
    reading: supervision.Reading | None = None  # who authorises the power, and its exceptions
    supporting: tuple[str, ...] = ()  # provisions that complete it (referrers, definitions)
    # aligned articles reported as supporting: offences or powers a general rule governs, or an
    # article that carries another co-operation requirement better
    secondary: frozenset[str] = frozenset()


def status_and_score(evaluation: Evaluation) -> tuple[str, float]:
    """Implemented unless a high-severity element fails (docs/statuses.md): a missing ancillary
    duty or an option the Party did not take is a finding, not a downgrade. The score weighs
    every element by severity."""
    total = sum(_WEIGHT[e.severity] for e, _ in evaluation.pairs) or 1
    score = sum(_WEIGHT[e.severity] for e, r in evaluation.pairs if r.status == "met") / total
    failed_high = any(r.status in {"unmet", "conflict"} and e.severity_for_force == "high"
                      for e, r in evaluation.pairs)
    return ("partial" if failed_high else "implemented"), round(score, 3)


def _qualifiers_of_absent(pairs: list[tuple[Element, Result]], blocks: Sequence[Block]
                          ) -> list[tuple[Element, Result]]:
    """An element that qualifies a thing ("the disclosure ... without delay") is not reported as
    unmet when the thing itself is stated nowhere and another unmet element already reports
    its absence: it is unknown, not a second defect of a measure the draft does not have."""
    unmet = [(e, r) for e, r in pairs if e.check == "presence" and r.status == "unmet"]
    undefined = [set(e.concepts[0]) for e, r in pairs if e.check == "defined" and r.status == "unmet"
                 and len(e.concepts) == 1]
    result = []
    stated: frozenset[str] | None = None  # concepts stated anywhere, read only when needed
    for index, (element, outcome) in enumerate(pairs):
        if element.check == "defined" and outcome.status == "unmet" and len(element.concepts) > 1 \
                and any(thing & set(element.concepts[0]) for thing in undefined):
            # what the definition of a term must say, where the term is defined nowhere
            outcome = Result(element.id, "unknown", detail=f"no definition of {'/'.join(element.concepts[0])}; "
                                                           "reported by another element")
        elif (element, outcome) in unmet and len(element.concepts) > 1:
            if stated is None:
                stated = frozenset().union(*(u.tagged.present for b in blocks for u in b))
            thing = set(element.concepts[0])
            # an earlier element that requires the same thing, itself stated nowhere
            reported = any(set(other.concepts[0]) & thing and stated.isdisjoint(other.concepts[0])
                           for other, result_ in pairs[:index] if (other, result_) in unmet)
            if reported and stated.isdisjoint(thing):
                outcome = Result(element.id, "unknown",
                                 detail=f"no {'/'.join(sorted(thing))} to qualify; reported by another element")
        result.append((element, outcome))
    return result


def safeguard_scope(analysis: Analysis, alignments: Sequence[Alignment],
                    general: Sequence[Unit]) -> list[Unit]:
    """Where a power's safeguards may stand: its own article, the provisions that article
    refers to, and the draft's general safeguard clauses. (Articles that merely refer to the
    power, such as a court's role when force is needed, do not authorise it.)"""
    units: dict[str, Unit] = {}
    for alignment in alignments:
        article = analysis.provision(alignment.eid)
        if article is None:
            continue
        for unit in analysis.block(article):
            units[unit.eid] = unit
            provision = analysis.provision(unit.eid)
            for reference in provision.references if provision else ():
                target = analysis.provision(reference.target_eid) if reference.target_eid else None
                if target is not None:
                    units.update((u.eid, u) for u in analysis.block(target))
    units.update((u.eid, u) for u in general)
    return list(units.values())


def general_clauses(analysis: Analysis) -> list[Unit]:
    """Articles that state safeguards for a whole Part, Chapter or Act ("every power under
    this Act", «меры, предусмотренные настоящей главой»), with all their paragraphs."""
    framing = analysis.articles_with(("general_scope",))
    return [unit for article in analysis.articles if article.eid in framing
            for unit in analysis.block(article)]


def _container(analysis: Analysis, provision: Provision) -> str | None:
    return analysis.container(provision)


def governing_articles(analysis: Analysis, requirement: Requirement) -> list[Provision]:
    """Art. 15's conditions bind every power, wherever a draft states them: an article that
    governs the powers (the providers' duties under the orders, with their costs reimbursed
    and good-faith immunity, in the second act an amendment changes) states them too. Read:
    every article that names a power of the requirement's last align group, in order."""
    found = analysis.articles_with(tuple(requirement.align[-1])) if requirement.align else set()
    return [article for article in analysis.in_order(found) if accepts(requirement, analysis.role(article))]


def conditions_articles(analysis: Analysis, requirement: Requirement) -> list[Provision]:
    """The articles that govern the powers (`governing_articles`), with the articles they refer
    to and those that refer to several of them: a warrant section the powers are issued under
    ("under a warrant issued under section 12"), a conditions article for "the measures in
    Articles 17 to 19"."""
    governing = governing_articles(analysis, requirement)
    key = ("conditions articles", requirement.id)
    kept = analysis.memo.get(key)  # references do not change with an edit: kept while the powers are the same
    eids = tuple(article.eid for article in governing)
    if kept is not None and kept[0] == eids:
        return list(kept[1])
    found = set(eids)
    referring: Counter[str] = Counter()
    for article in governing:
        found.update(a.eid for eid in analysis.references_of(article.eid)
                     if (a := analysis.article_of(eid)) is not None)
        referring.update(r.eid for r in analysis.referrers(article.eid))
    found.update(eid for eid, powers in referring.items() if powers > 1)  # a rule for several powers
    found -= analysis.definition_articles
    linked = analysis.in_order(found)
    analysis.memo[key] = (eids, tuple(linked))
    return linked


def regime_units(analysis: Analysis, candidates: Sequence[Alignment],
                 alignments: Sequence[Alignment]) -> list[Unit]:
    """A regime set out across one Part or Chapter (the data-protection rules of SP Art. 14:
    security in one section, oversight in another) is read as a whole: the other candidate
    articles of the strongest alignment's Part may state its safeguards, though fewer of them
    are reported."""
    top = analysis.provision(alignments[0].eid) if alignments else None
    home = _container(analysis, top) if top is not None else None
    if home is None:
        return []
    shown = {a.eid for a in alignments}
    units: list[Unit] = []
    for candidate in candidates:
        article = analysis.provision(candidate.eid)
        if article is not None and candidate.eid not in shown and _container(analysis, article) == home:
            units += analysis.block(article)
    return units


def reaching(analysis: Analysis, general: Sequence[Unit], article: Provision) -> list[Unit]:
    """The general rules whose words reach `article`: those that list it, those of its own
    chapter or Part, and Act-wide ones; a rule "under this section" binds its own section, and
    so do the other paragraphs of that section."""
    reach = _reach_index(analysis, general)
    found = [*reach.everywhere, *reach.in_container.get(_container(analysis, article), ()),
             *reach.in_article.get(article.eid, ()), *reach.listing.get(article.eid, ())]
    return [general[i] for i in sorted(found)]


@dataclass(frozen=True)
class _Reach:
    """Where each general rule reaches, by its index in the list of general rules: the whole
    Act, a chapter or Part (by its eId), its own section, or the articles it lists."""

    everywhere: list[int]
    in_container: dict[str | None, list[int]]
    in_article: dict[str, list[int]]
    listing: dict[str, list[int]]


def _reach_index(analysis: Analysis, general: Sequence[Unit]) -> _Reach:
    """The reach of every general rule, read once while the rules are the very same units (a
    re-check of a code asks it for every power it reassesses)."""
    key = ("reach index",)
    kept = analysis.memo.get(key)
    if kept is not None and same_units(kept[0], general):
        index: _Reach = kept[1]
        return index
    index = _Reach([], {}, {}, {})
    # a paragraph without words of scope takes those of its article's scope clause
    scope_clauses: dict[str, tuple[Unit, frozenset[str]]] = {}
    for unit in general:
        place = _rule_place(analysis, unit.eid)
        if place is not None and unit.tagged.has(("general_scope",)):
            scope_clauses.setdefault(place[0], (unit, place[2]))
    for i, unit in enumerate(general):
        place = _rule_place(analysis, unit.eid)
        if place is None:
            continue
        rule_article, container, referenced = place
        words = unit
        if not unit.tagged.has(("general_scope",)) and rule_article in scope_clauses:
            words, scope_referenced = scope_clauses[rule_article]
            referenced = referenced or scope_referenced
        if referenced:
            for target in referenced:
                index.listing.setdefault(target, []).append(i)
            continue
        reach = supervision.reach(words.tagged.text)
        if reach == "local":
            index.in_article.setdefault(rule_article, []).append(i)
        elif reach == "container":
            index.in_container.setdefault(container, []).append(i)
        else:
            index.everywhere.append(i)
    analysis.memo[key] = (tuple(general), index)
    return index


def _reaching_all(analysis: Analysis, general: Sequence[Unit], article: Provision) -> list[Unit]:
    """`reaching(analysis, general, article)`, kept for the article while the general rules
    are the very same units."""
    key = ("reaching", article.eid)
    kept = analysis.memo.get(key)
    if kept is not None and same_units(kept[0], general):
        return kept[1]
    found = reaching(analysis, general, article)
    analysis.memo[key] = (tuple(general), found)
    return found


def _rule_place(analysis: Analysis, eid: str) -> tuple[str, str | None, frozenset[str]] | None:
    """Where a general rule stands: its article, that article's container and the articles
    it refers to (the draft's structure, which an edit does not change)."""
    key = ("place", eid)
    if key not in analysis.memo:
        rule_article = analysis.article_of(eid)
        provision = analysis.provision(eid)
        analysis.memo[key] = (None,) if rule_article is None or provision is None else \
            (rule_article.eid, _container(analysis, rule_article), _governed(analysis, provision))
    place = analysis.memo[key]
    return None if place[0] is None else place


_SUBJECT_TO = re.compile(r"\bsubject to (?:the provisions of )?(?:section|article|part)\b"
                         r"|с соблюдением (?:требований|правил) стать", re.I)


REFERRED_ARTICLES = 6  # an article names its warrant's section; a range of a whole Part names no rule


def _referred(analysis: Analysis, article: Provision) -> list[Unit]:
    """The articles a power's article refers to one by one ("with the authorisation provided for
    in section 12", «в порядке, предусмотренном статьей 7»): where the article does not say who
    authorises, the article it refers to may. A range ("sections 18 to 40") is no such rule."""
    targets = {found.eid for unit in analysis.block(article) if (p := analysis.provision(unit.eid)) is not None
               for reference in p.references if reference.target_eid
               and (found := analysis.article_of(reference.target_eid)) is not None and found.eid != article.eid}
    # an article that lists measures by item is itself no rule: the articles that authorise the
    # items it lists («пункты 8–12 статьи 4 ... с разрешения суда») speak of the same measures
    targets |= {r.eid for eid in list(targets) for r in analysis.referrers(eid) if r.eid != article.eid
                and analysis.concepts(r) & set(AUTHORISATIONS)}
    if len(targets) > REFERRED_ARTICLES:
        return []
    return [unit for eid in sorted(targets) if (target := analysis.provision(eid)) is not None
            for unit in analysis.block(target)]


def _governed(analysis: Analysis, provision: Provision) -> frozenset[str]:
    """The articles a rule refers to as those it governs: not those its exception names
    ("save that a notice under section 21 may be given by ...", «за исключением сохранения,
    предусмотренного статьей 11»), which it leaves to their own words."""
    targets = analysis.targets_of(provision)
    unit = analysis.units.get(provision.eid)
    at = supervision.exception_at(unit.tagged) if unit is not None and targets else None
    if at is None or unit is None:
        return targets
    excepted = {reference.target_eid for reference in provision.references
                if reference.target_eid and unit.tagged.text.find(reference.text, at) >= 0}
    return frozenset(eid for eid in targets
                     if eid not in {a.eid for e in excepted if (a := analysis.article_of(e)) is not None})


def _regime_reading(analysis: Analysis, requirement: Requirement, alignments: Sequence[Alignment],
                    general: Sequence[Unit]) -> supervision.Reading:
    """Who authorises the power, read where it is granted: its strongest article, or, where
    that article names no authority (an urgent interception "where an authorization could
    not be obtained"), the next reported article of the same power that does (the judge's
    grant). Exceptions are kept from every reported article of the power: a section on
    searches without a warrant in urgent cases relaxes the warrant section beside it."""
    articles = [article for a in alignments if (article := analysis.provision(a.eid)) is not None]
    first = read_supervision(analysis, requirement, articles[0], general)
    # the other articles are read where they may grant (the first names no one) or relax it
    readings = [first] + [read_supervision(analysis, requirement, article, general) for article in articles[1:]
                          if not first.authorisers or _may_relax(analysis, article)]
    # a judge whose approval the order needs before it has effect (a "double lock") decides it
    # wherever the article stands: the Minister issues, the judge approves ("a warrant issued
    # under section 12 does not take effect until ...": the power's articles and those referring to them)
    around = dict.fromkeys([*articles, *(r for article in articles for r in analysis.referrers(article.eid))])
    locks = [read_supervision(analysis, requirement, article, general) for article in around
             if _may_lock(analysis, requirement, article)]
    granting = next((r for r in locks if any(g.level == "judicial" and g.exclusive for g in r.authorisers)),
                    None) or next((r for r in readings if r.authorisers), first)
    exceptions = tuple(e for r in readings for e in r.exceptions)
    return supervision.Reading(granting.status, granting.grants, exceptions) \
        if exceptions != granting.exceptions else granting


_DISPENSED = frozenset({"order", *supervision.JUDICIAL})


def _may_relax(analysis: Analysis, article: Provision) -> bool:
    """Whether an article may state an exception: it speaks of urgency, or does without an
    order or a judge ("without a warrant", «без решения суда»)."""
    return "urgency" in analysis.concepts(article) \
        or any(not unit.tagged.denied.isdisjoint(_DISPENSED) for unit in analysis.block(article))


def _may_lock(analysis: Analysis, requirement: Requirement, article: Provision) -> bool:
    """Whether an article may make a judge's approval the condition of this power's order ("an
    interception warrant does not take effect unless approved by a designated Judge", «постановление
    о перехвате не вступает в силу до его утверждения судьей»)."""
    concepts = analysis.concepts(article)
    return "effect_on_approval" in concepts and not concepts.isdisjoint(_JUDGES) \
        and bool(requirement.align) and not concepts.isdisjoint(requirement.align[0])


_JUDGES = frozenset({*supervision.JUDICIAL, "court"})


def read_supervision(analysis: Analysis, requirement: Requirement, article: Provision,
                     general: Sequence[Unit]) -> supervision.Reading:
    """Who authorises the power granted in `article`, read with the general rules reaching it
    and the articles it refers to."""
    assert requirement.supervision is not None
    block = analysis.block(article)
    key = ("supervision", requirement.id, article.eid)
    kept = analysis.memo.get(key)
    if kept is not None and kept[0] is requirement and same_units(kept[1], block) \
            and same_units(kept[2], general) and same_units(kept[3], _referred(analysis, article) if kept[3] else ()):
        return kept[4]
    rules = [u for u in _reaching_all(analysis, general, article) if analysis.article_of(u.eid) != article]
    power, data = set(requirement.align[0]), requirement.supervision.data
    referred: list[Unit] = []
    if any(_SUBJECT_TO.search(unit.tagged.text) for unit in block):
        # "Subject to section 4, a police officer may intercept ...": section 4 conditions the
        # grant, so the two are read together, not section 4 only where the article is silent
        referred = _referred(analysis, article)
        reading = supervision.read([*referred, *block], power, data, rules)
    else:
        reading = supervision.read(block, power, data, rules)
        if not reading.authorisers:  # the article does not say who authorises: the articles it refers to may
            referred = _referred(analysis, article)
            reading = supervision.read(block, power, data, rules + referred) if referred else reading
    articles = frozenset(a.eid for u in referred if (a := analysis.article_of(u.eid)) is not None)
    analysis.memo[key] = (requirement, tuple(block), tuple(general), tuple(referred), reading, articles)
    return reading


def referred_articles(analysis: Analysis, requirement: Requirement, alignments: Sequence[Alignment]) -> set[str]:
    """The articles whose words the last reading of who authorises took from a reference."""
    found: set[str] = set()
    for alignment in alignments:
        kept = analysis.memo.get(("supervision", requirement.id, alignment.eid))
        if kept is not None:
            found |= kept[5]
    return found


def supervision_result(reading: supervision.Reading) -> Result:
    element = "judicial_or_independent_supervision"
    grants = reading.authorisers
    evidence = tuple(Evidence(g.eid, "authority", g.words, 0, 0) for g in grants)
    eids = tuple(dict.fromkeys(g.eid for g in grants))
    if reading.status == "present":
        return Result(element, "met", eids, "authorised by " + ", ".join(dict.fromkeys(g.words for g in grants)),
                      evidence)
    if not grants:
        return Result(element, "unmet", detail="the text does not say who authorises the measure")
    lower = [g for g in grants if g.level != "judicial"]
    return Result(element, "unmet", tuple(dict.fromkeys(g.eid for g in lower)),
                  "authorised by " + ", ".join(dict.fromkeys(g.words for g in lower)), evidence)


def _referenced(analysis: Analysis, alignments: Sequence[Alignment], aligned: set[str]) -> list[Block]:
    """The provisions the aligned articles refer to ("only on the grounds of section 31(4)",
    «в порядке, предусмотренном частью восьмой статьи 94-2»): they complete what is stated. An
    item referred to is read with the words that open its list ("may be refused only on a ground
    in section 9(1)(a)": "shall refuse a request where— (a) it concerns a political offence")."""
    found: dict[str, Block] = {}
    for alignment in alignments:
        for eid in analysis.references_of(alignment.eid):
            target = analysis.provision(eid)
            if target is not None and eid not in aligned and eid not in found:
                unit = analysis.units.get(eid)
                opening = [u for u in unit.context if analysis.article_of(u.eid) is analysis.article_of(eid)] \
                    if unit is not None else []
                found[eid] = [*opening, *analysis.block(target)]
    return list(found.values())


def _supporting(analysis: Analysis, evaluation: Evaluation, aligned: set[str]) -> tuple[str, ...]:
    """Articles outside the aligned ones that complete the requirement: where an element is met
    (a confidentiality duty, a penalty, a general rule of the Part). An interpretation section
    that merely uses a word of an element is not one (`_defining` says when it supports)."""
    found: dict[str, None] = {}  # in the order found
    for result in evaluation.elements:
        if result.status != "met":
            continue
        for eid in result.provisions:
            article = analysis.article_of(eid)
            if article is not None and article.eid not in aligned and article.eid not in analysis.definition_articles:
                found.setdefault(article.eid)
    return tuple(found)


DEFINED_IN_USE = {"offence", "procedural_power"}
"""Kinds of requirement whose core term a law may define once for the whole Act ("intercept",
"child pornography"): the offence or power takes its reach from that definition."""


def _defining(analysis: Analysis, requirement: Requirement, aligned: set[str]) -> tuple[str, ...]:
    """Interpretation sections that define the requirement's core term, as supporting
    provisions of an offence or power that was found: the definition sets what it covers."""
    if requirement.kind not in DEFINED_IN_USE or not requirement.align or not aligned:
        return ()
    found: dict[str, None] = {}
    for definition in analysis.definitions:
        article = analysis.article_of(definition.eid)
        if article is not None and article.eid in analysis.definition_articles and article.eid not in aligned \
                and definition.tagged.has(requirement.align[0]):
            found.setdefault(article.eid)
    return tuple(found)


def assess(analysis: Analysis, rulebook: Rulebook, instruments: Sequence[str],
           settings: Settings, cut: Cut = CUT) -> list[Assessed]:
    """Every requirement of the selected instruments, in treaty order."""
    general = general_clauses(analysis)
    selected = rulebook.selected(tuple(instruments))
    first = {r.id: _assess_one(analysis, r, rulebook, settings, general, cut)
             for r in selected if r.kind not in SPREAD}
    for r in selected:
        if r.kind in SPREAD:
            first[r.id] = _assess_one(analysis, r, rulebook, settings, general, cut, _carrying_articles(r, first))
    _ranges_compared(analysis, first)
    return _principal_where_best(_bound_to_measures(_bound_to_powers(
        _bound_to_offences([first[r.id] for r in selected], settings), settings), settings), rulebook, settings)


def _ranges_compared(analysis: Analysis, assessed: dict[str, Assessed]) -> None:
    """Art. 14(3)(a): with the reservation, the offences real-time collection is reserved to
    are compared with those interception is available for, once both powers are found."""
    for rid, item in assessed.items():
        if item.evaluation is None or item.status not in {"implemented", "partial"}:
            continue
        pairs = list(item.evaluation.pairs)
        for i, (element, _) in enumerate(pairs):
            if element.check != "offence_range" or element.compare_with is None:
                continue
            other = assessed.get(element.compare_with)
            pairs[i] = (element, checks.compared_range(element, _top_block(analysis, item),
                                                       _top_block(analysis, other) if other else []))
        if pairs != list(item.evaluation.pairs):
            evaluation = replace(item.evaluation, pairs=tuple(pairs))
            status, score = status_and_score(evaluation)
            assessed[rid] = replace(item, status=status, score=score, evaluation=evaluation)


def _top_block(analysis: Analysis, item: Assessed) -> list[Block]:
    """The block of the article that grants the power (none where it was not found)."""
    return [analysis.block(analysis.provision(a.eid)) for a in item.alignments[:1]]  # type: ignore[arg-type]


SPREAD = {"sanction", "scope", "safeguards"}
"""Kinds of requirement a law carries in each provision of another kind: every offence of
Arts 2-11 carries its penalty (Art. 13), every power its scope and conditions (Arts 14, 15).
They are reported in every such article the draft has, not cut to a few in document order."""
GENERAL_ROLES = ("other", "preliminary", "definition")  # roles of a rule that may open a Part's offences or powers
COOPERATION_KINDS = ("cooperation", "cooperation_power")
GOVERNED = {"sanction", "scope"}
"""Kinds of requirement a general rule may carry for all the offences or powers it governs (one
penalty section, one scope clause). Art. 15's conditions are carried where each power states
its own as much as in a general article, so the powers stay principal there."""


def _carrying_articles(requirement: Requirement, assessed: Mapping[str, Assessed]) -> frozenset[str]:
    """The articles that carry the requirement: those of the offences it governs, or the
    article granting each power subject to it."""
    if requirement.kind in ("scope", "safeguards"):
        return frozenset(a.eid for item in assessed.values() if requirement.id in item.requirement.subject_to
                         for a in item.alignments[:1])
    return frozenset(a.eid for d in requirement.depends_on if d in assessed
                     for a in assessed[d].alignments)


GOVERNS_OFFENCES = {"liability", "sanction"}
"""Kinds of requirement that apply to the Convention's offences (attempt, corporate liability,
sanctions): with none of those offences in the text they have nothing to apply to."""


PRINCIPLES = {"scope", "cooperation", "general", "safeguards", "data_protection"}
"""The Protocol's general rules (SP-2 scope, SP-4 language, SP-5 principles of Chapter II, SP-13
conditions and safeguards, SP-14 protection of the personal data transferred) govern its
measures (SP-6..SP-12): with none of those measures in the text they have nothing to apply to.
A general data protection law or the Convention's own safeguards are not the Protocol's."""


ABSENT = {"missing", "not_assessed", "not_applicable"}


def _absent_without(item: Assessed, governed: Sequence[str] | None, settings: Settings) -> Assessed:
    """The item, absent where everything it applies to (the statuses `governed`) is absent: a
    general rule with nothing to govern implements nothing."""
    if item.status in ABSENT or not governed or any(status not in ABSENT for status in governed):
        return item
    return Assessed(item.requirement, "not_assessed" if settings.partial_text else "missing",
                    0.0, (), None, considered=item.considered)


def _principal_where_best(assessed: list[Assessed], rulebook: Rulebook, settings: Settings) -> list[Assessed]:
    """An article that carries another co-operation requirement more strongly (a point of
    contact, a search for a foreign State) is no principal provision of one it only touches (the
    general regime of Art. 27): it is reported there as supporting. A requirement shares the articles of
    those it builds on (Art. 25 those of Art. 23) and of those aligned by the same words (Arts 25
    and 27, both the regime of mutual assistance); each keeps its best article."""
    align = {item.requirement.id: item.requirement.align for item in assessed}
    scores: dict[str, list[tuple[str, float]]] = {}  # per article, each requirement's score for it
    for item in assessed:
        if item.requirement.kind in COOPERATION_KINDS:
            for alignment in item.alignments:
                scores.setdefault(alignment.eid, []).append((item.requirement.id, alignment.score))

    kinds = {item.requirement.id: item.requirement.kind for item in assessed}

    def stronger(rid: str, alignment: Alignment, reads: Callable[[str], bool]) -> bool:
        """Whether a requirement `reads` accepts, other than those `rid` builds on, reads the article more strongly."""
        return any(other != rid and other not in rulebook.builds_on(rid) and reads(other)
                   and score > alignment.score for other, score in scores.get(alignment.eid, ()))

    def elsewhere(rid: str, alignment: Alignment) -> bool:  # not aligned by the same words
        return stronger(rid, alignment, lambda other: align[other] != align[rid])

    def a_measure(rid: str, alignment: Alignment) -> bool:  # a measure taken for a foreign State
        return stronger(rid, alignment, lambda other: kinds.get(other) == "cooperation_power")

    result = []
    for item in assessed:
        if item.requirement.kind == "cooperation" and item.alignments and item.status not in ABSENT \
                and all(a_measure(item.requirement.id, a) for a in item.alignments):
            result.append(_absent_without(item, ["missing"], settings))
            continue
        secondary = frozenset(a.eid for a in item.alignments[1:] if elsewhere(item.requirement.id, a)) \
            if item.requirement.kind in COOPERATION_KINDS else frozenset()
        result.append(replace(item, secondary=secondary) if secondary else item)
    return result


def _bound_to_measures(assessed: list[Assessed], settings: Settings) -> list[Assessed]:
    """A Convention co-operation clause (refusal grounds, dual criminality) is not the Protocol's
    Art. 5, nor a general data protection law its Art. 14: where the draft has none of the
    Protocol's measures, its general rules are absent too."""
    measures: dict[str, list[str]] = {}
    for item in assessed:
        if item.requirement.kind in POWER_KINDS:
            measures.setdefault(item.requirement.instrument, []).append(item.status)
    return [_absent_without(item, measures.get("SP"), settings)
            if item.requirement.kind in PRINCIPLES and item.requirement.instrument == "SP" else item
            for item in assessed]


def _bound_to_powers(assessed: list[Assessed], settings: Settings) -> list[Assessed]:
    """The scope and the conditions of the procedural powers (Arts 14, 15) apply to those
    powers: where none of the powers subject to them is in the text (a regulator's inspection,
    an operator's duty to report), they are absent too."""
    governed: dict[str, list[str]] = {}
    for item in assessed:
        for rid in item.requirement.subject_to:
            governed.setdefault(rid, []).append(item.status)
    return [_absent_without(item, governed.get(item.requirement.id), settings)
            if item.requirement.kind in SPREAD - {"sanction"} else item for item in assessed]


def _bound_to_offences(assessed: list[Assessed], settings: Settings) -> list[Assessed]:
    """A penalty clause for disobeying an order is not the sanction Art. 13 asks for: where
    every offence a liability or sanction rule depends on is absent, so is the rule."""
    status = {item.requirement.id: item.status for item in assessed}
    return [_absent_without(item, [status.get(d, "missing") for d in item.requirement.depends_on], settings)
            if item.requirement.kind in GOVERNS_OFFENCES else item for item in assessed]


def reassess(analysis: Analysis, rulebook: Rulebook, settings: Settings,
             previous: Sequence[Assessed], edited: str) -> list[Assessed]:
    """After `analysis.edit(edited, ...)`: re-evaluate only the requirements the edit can
    change (those that read its article before or may read it now), reuse the others."""
    article = analysis.article_of(edited)
    general = general_clauses(analysis)
    framing = article is not None and any(u.eid == article.eid for u in general)
    present = analysis.concepts(article) if article is not None else frozenset()
    touched: dict[str, bool] = {}
    for item in previous:
        requirement = item.requirement
        touched[requirement.id] = article is None or article.eid in item.considered \
            or (_states_all(present, requirement.align) and may_align(analysis, requirement, article)) \
            or (bool(requirement.general_align) and _states_all(present, requirement.general_align)) \
            or (framing and requirement.kind in POWER_KINDS) \
            or (requirement.kind == "safeguards" and _names_a_power(requirement, present)) \
            or any(_states_all(present, e.concepts + e.anywhere) for e in requirement.elements if e.anywhere)
    before = {item.requirement.id: item for item in previous}
    done = {rid: _assess_one(analysis, item.requirement, rulebook, settings, general)
            if touched[rid] and item.requirement.kind not in SPREAD else item for rid, item in before.items()}
    for rid, item in before.items():  # carried by offences or powers: again where those moved
        if item.requirement.kind in SPREAD:
            carrying = _carrying_articles(item.requirement, done)
            if touched[rid] or carrying != _carrying_articles(item.requirement, before):
                done[rid] = _assess_one(analysis, item.requirement, rulebook, settings, general, CUT, carrying)
    _ranges_compared(analysis, done)
    result = [done[item.requirement.id] for item in previous]
    return _principal_where_best(_bound_to_measures(_bound_to_powers(_bound_to_offences(result, settings),
                                                                     settings), settings), rulebook, settings)


def _states_all(concepts: frozenset[str], groups: Sequence[Sequence[str]]) -> bool:
    """Whether the concepts meet every group (some concept of each)."""
    return all(not concepts.isdisjoint(group) for group in groups)


def _names_a_power(requirement: Requirement, concepts: frozenset[str]) -> bool:
    """Whether an article naming these concepts is read for Art. 15's conditions (`governing_articles`)."""
    return bool(requirement.align) and not concepts.isdisjoint(requirement.align[-1])


def _conditions_scope(analysis: Analysis, requirement: Requirement, own: list[Unit], general: Sequence[Unit],
                      governing: Sequence[Provision]) -> tuple[list[Unit], dict[str, list[Unit]]]:
    """Where Art. 15's conditions may stand: the aligned articles, the general clauses and every
    article that names a power, with its eId index. Kept from the last assessment while it is
    made of the same provisions: an edit replaces one unit by one of the same eId, which is put
    in its place (in a code these are thousands of units, and rebuilding them would cost every
    re-check)."""
    key = ("conditions scope", requirement.id)
    shape = (tuple(u.eid for u in own), tuple(u.eid for u in general), tuple(a.eid for a in governing))
    memo = analysis.memo.get(key)
    kept: _Scope | None = memo[0] if memo is not None else None
    if kept is not None and kept.shape == shape:
        for eid in analysis.edited[kept.edits:]:
            unit = analysis.units[eid]
            for position in kept.positions.get(eid, ()):
                kept.scope[position] = unit
            if eid in kept.index:
                kept.index[eid] = [unit] * len(kept.index[eid])
        kept.edits = len(analysis.edited)
        return list(kept.scope), kept.index
    scope, index = list(own), dict[str, list[Unit]]()
    for unit in scope:
        index.setdefault(unit.eid, []).append(unit)
    _extend(scope, index, general)
    _extend(scope, index, [u for article in governing for u in analysis.block(article)])
    positions: dict[str, list[int]] = {}
    for position, unit in enumerate(scope):
        positions.setdefault(unit.eid, []).append(position)
    analysis.memo[key] = (_Scope(shape, list(scope), index, positions, len(analysis.edited)),)
    return scope, index


@dataclass
class _Scope:
    """`_conditions_scope` as last built: what it was made of (the eIds of the aligned units, the
    general clauses and the governing articles), the scope, its eId index, where each eId stands
    in it, and how many edits it has seen."""

    shape: tuple[tuple[str, ...], ...]
    scope: list[Unit]
    index: dict[str, list[Unit]]
    positions: dict[str, list[int]]
    edits: int


def _extend(scope: list[Unit], index: dict[str, list[Unit]], extra: Iterable[Unit], *, last: bool = False) -> None:
    """`scope += [u for u in extra if u not in scope]`, with `index` (eId -> units of the
    scope) kept beside it: equal units share their eId, so only those are compared (a code's
    scope holds thousands of units)."""
    added = [u for u in extra if u.eid not in index or not any(s is u or s == u for s in index[u.eid])]
    if last:  # no extension follows: the index is not read again
        scope += added
        return
    fresh = {unit.eid: [unit] for unit in added}
    if len(fresh) == len(added) and index.keys().isdisjoint(fresh):
        index.update(fresh)  # each added unit has an eId of its own, none yet in the scope
    else:
        for unit in added:
            bucket = index.get(unit.eid)
            if bucket is None:
                index[unit.eid] = [unit]
            else:
                bucket.append(unit)
    scope += added


def _direct_cooperation(analysis: Analysis, rulebook: Rulebook) -> dict[str, float]:
    """The article that carries each measure taken without a request for mutual assistance
    (`outside_assistance`: an order sent to a provider abroad, a foreign order given effect),
    with the best score such a measure gives it: it names that request only as the fallback,
    and is not the Convention's regime of assistance."""
    key = ("direct co-operation",)
    kept = analysis.memo.get(key)
    if kept is None or kept[0] != analysis.edits or kept[1] is not rulebook:  # once per assessment, not per requirement
        scores: dict[str, float] = {}
        for requirement in rulebook.requirements:
            found = align_requirement(analysis, requirement, evidence=False) if requirement.outside_assistance else []
            if found:
                scores[found[0].eid] = max(scores.get(found[0].eid, 0.0), found[0].score)
        kept = analysis.memo[key] = (analysis.edits, rulebook, scores)
    best: dict[str, float] = kept[2]
    return best


def _measure_articles(analysis: Analysis, rulebook: Rulebook) -> frozenset[str]:
    """Articles whose heading names a measure taken for a foreign Party (an urgent request for
    preservation, a video conference): they set out that measure, not the general regime of
    mutual assistance, even where they speak of requests and of confidentiality."""
    key = ("measure articles",)
    if key not in analysis.memo:
        # the words of the general regime (mutual assistance, requests) name no measure
        general = {c for r in rulebook.requirements if r.kind == "cooperation" and r.align for c in r.align[0]}
        cores = [r.align[0] for r in rulebook.requirements
                 if r.kind == "cooperation_power" and r.align and general.isdisjoint(r.align[0])]
        analysis.memo[key] = (frozenset(eid for eid, heading in analysis.headings.items()
                                        if any(heading.has(core) for core in cores)),)
    found: frozenset[str] = analysis.memo[key][0]
    return found


def _general_rules_first(analysis: Analysis, candidates: list[Alignment],
                         carried: list[Alignment]) -> list[Alignment]:
    """Candidates of equal score with the Act's general rules (a forfeiture section, a scope
    clause) before more articles of the kind that carries the requirement (offences the
    Convention does not name, other powers): ties are not left to document order."""
    def role(alignment: Alignment) -> str:
        article = analysis.provision(alignment.eid)
        return analysis.role(article) if article is not None else "other"

    carrying = {role(c) for c in carried}
    return sorted(candidates, key=lambda c: (-c.score, role(c) in carrying))


def _governed_by_general_rule(analysis: Analysis, alignments: Sequence[Alignment],
                              carrying: frozenset[str]) -> frozenset[str]:
    """The aligned offences or powers, where another aligned article states the requirement for
    all of them: a clause on every power of the Part or Act ("the powers conferred by this Act
    may be exercised in ..."), or a general rule that opens them (an application or scope
    section before the first of them). That rule carries the obligation; the articles it
    governs complete it. A rule after them (a secrecy duty, another offence) governs nothing."""
    carried = {a.eid for a in alignments if a.eid in carrying}
    if not carried:
        return frozenset()
    first = analysis.in_order(carried)[0]

    def general(eid: str) -> bool:
        article = analysis.provision(eid)
        if article is None or eid in carried:
            return False
        if "general_scope" in analysis.concepts(article):
            return True
        return analysis.role(article) in GENERAL_ROLES and analysis.in_order({eid, first.eid})[0] is article

    return frozenset(carried) if any(general(a.eid) for a in alignments) else frozenset()


def _assess_one(analysis: Analysis, requirement: Requirement, rulebook: Rulebook, settings: Settings,
                general: Sequence[Unit], cut: Cut = CUT, carrying: frozenset[str] = frozenset()) -> Assessed:
    if requirement.id in settings.not_applicable:
        return Assessed(requirement, "not_applicable", 0.0, (), None)
    if not settings.assesses(requirement):
        return Assessed(requirement, "not_assessed", 0.0, (), None)
    candidates = align_requirement(analysis, requirement, evidence=False)
    in_general_terms = not candidates and bool(requirement.general_align)
    if in_general_terms:  # stated only in general terms: its elements fail
        candidates = align_requirement(analysis, requirement, evidence=False, general=True)
    if requirement.kind == "cooperation":
        measures = _measure_articles(analysis, rulebook)
        if requirement.instrument == "BC":
            measures |= _direct_cooperation(analysis, rulebook).keys()
        candidates = [c for c in candidates if c.eid not in measures]
    elif requirement.kind == "cooperation_power" and requirement.instrument == "BC":
        # read more strongly as a measure taken without a request for assistance: not this one
        direct = _direct_cooperation(analysis, rulebook)
        candidates = [c for c in candidates if direct.get(c.eid, 0.0) <= c.score]
    carried = [c for c in candidates if c.eid in carrying]
    if carried:
        candidates = _general_rules_first(analysis, candidates, carried)
    shown = carried + [c for c in strongest(candidates, cut) if c.eid not in carrying]
    alignments = tuple(with_evidence(analysis, requirement, shown))
    if not alignments:
        # An amending act or excerpt that does not touch the requirement says nothing about it:
        # its conformance depends on the base text.
        return Assessed(requirement, "not_assessed" if settings.partial_text else "missing", 0.0, (), None)
    blocks = [analysis.block(analysis.provision(a.eid)) for a in alignments]  # type: ignore[arg-type]
    # Safeguards are read where the power itself is granted: its strongest article (a
    # court that only extends a measure, or authorises a different one, does not count).
    scope = safeguard_scope(analysis, alignments[:1], general) \
        if requirement.kind in POWER_KINDS else [u for b in blocks for u in b]
    index: dict[str, list[Unit]] = {}
    governing = conditions_articles(analysis, requirement) if requirement.kind == "safeguards" else []
    if requirement.kind == "safeguards":  # Art. 15 itself: the general conditions of the powers
        scope, index = _conditions_scope(analysis, requirement, scope, general, governing)
    elif requirement.kind not in POWER_KINDS:  # the scope is extended below
        for unit in scope:
            index.setdefault(unit.eid, []).append(unit)
    if requirement.kind not in POWER_KINDS:
        _extend(scope, index, regime_units(analysis, candidates, alignments), last=True)
    # Weaker alignments and the articles that refer to the aligned ones may show that an
    # element is there; conflicts and limits are read only in the reported articles.
    aligned = {a.eid for a in alignments}
    referrers = [r for a in alignments for r in analysis.referrers(a.eid) if r.eid not in aligned]
    support: list[Block] = [analysis.block(analysis.provision(c.eid)) for c in candidates  # type: ignore[arg-type]
                            if c.eid not in aligned]
    support += [analysis.block(r) for r in referrers]
    support += _referenced(analysis, alignments, aligned)
    top = analysis.provision(alignments[0].eid)
    assert top is not None
    if requirement.kind in POWER_KINDS:  # a duty stated once for every order of the Part
        support += [[unit] for unit in _reaching_all(analysis, general, top) if unit.eid not in aligned]
    # The safeguards read only the scope: an edit elsewhere (another candidate) leaves them,
    # and the scope's units, indexed, are kept while they are the same.
    key = ("safeguards", requirement.id)
    kept = analysis.memo.get(key)
    found = any(blocks)
    units: UnitList = kept[4] if kept is not None and same_units(kept[4], scope) else \
        (kept[4].updated(scope) if kept is not None else None) or UnitList(scope)
    known = kept[3] if kept is not None and units is kept[4] and kept[0] is requirement \
        and kept[1] is rulebook and kept[2] == found else None
    read: dict[str, list[Unit]] = {}

    def general_rules() -> list[Unit]:  # found only where an element needs them
        if "anywhere" not in read:
            read["anywhere"] = anywhere_units(analysis, requirement)
        return read["anywhere"]

    evaluation = evaluate_requirement(requirement, blocks, analysis.definitions, units, rulebook,
                                      settings.relaxed(requirement), support, known, general_rules)
    if known is None:
        analysis.memo[key] = (requirement, rulebook, found, dict(evaluation.safeguards), units)
    reading = None
    if in_general_terms and requirement.kind == "cooperation_power":
        # a channel for any procedural action states no measure, so neither its conditions
        # (a search of things and documents does state its own: it is read as any power)
        evaluation.safeguards.update(dict.fromkeys(evaluation.safeguards))
    elif requirement.supervision is not None and "judicial_or_independent_supervision" in evaluation.safeguards:
        reading = _regime_reading(analysis, requirement, alignments, general)
        evaluation.safeguards["judicial_or_independent_supervision"] = supervision_result(reading)
    status, score = status_and_score(evaluation)
    if reading is not None and reading.authorisers:  # who grants it, as the reading found
        authorities = tuple(dict.fromkeys(_LEVELS[g.level] for g in reading.authorisers if g.level in _LEVELS))
    else:
        stated = [analysis.concepts(analysis.provision(a.eid)) for a in alignments]  # type: ignore[arg-type]
        authorities = tuple(label for concept, label in _AUTHORITIES if any(concept in c for c in stated))
    considered = frozenset({c.eid for c in candidates} | {r.eid for r in referrers} | {a.eid for a in governing}
                           | {a.eid for u in read.get("anywhere", ()) if (a := analysis.article_of(u.eid)) is not None}
                           | referred_articles(analysis, requirement, alignments)
                           | {a.eid for alignment in alignments for eid in analysis.references_of(alignment.eid)
                              if (a := analysis.article_of(eid)) is not None})
    supporting = tuple(dict.fromkeys(_supporting(analysis, evaluation, aligned)
                                      + _defining(analysis, requirement, aligned)))
    return Assessed(requirement, status, score, alignments, evaluation, authorities, considered,
                    reading, supporting, _governed_by_general_rule(analysis, alignments, carrying)
                    if requirement.kind in GOVERNED else frozenset())
