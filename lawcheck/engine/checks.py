"""The closed set of check types. Each is implemented once; rules only set parameters.

A check sees its requirement's scope as *blocks*: each block is one provision aligned to the
requirement together with its descendants (a section with its subsections), as tagged
*units*. Concept groups of an element must co-occur within one block, the way a reviewer
reads an article as a whole. Safeguards get a wider scope (see `lawcheck.engine.evaluate`).

| check     | met                                   | unmet              | conflict                   |
| presence  | a block matches every group           | no block does      | -                          |
| absence   | no block matches the groups           | -                  | a block does               |
| limit     | a stated duration respects the bound  | none stated        | a stated duration breaks it|
| defined   | a definition's term matches           | none does          | -                          |
| safeguard | a unit in scope matches, not negated  | nothing found      | only negated mentions      |
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from lawcheck.concepts.numbers import Duration, iso_days
from lawcheck.concepts.tagger import ConceptMatch
from lawcheck.engine.units import Block, Definition, Unit, UnitList
from lawcheck.rulebook.model import Element, Group


@dataclass(frozen=True)
class Evidence:
    eid: str
    concept: str
    text: str
    start: int
    end: int
    negated: bool = False


@dataclass(frozen=True)
class Result:
    element: str
    status: str  # met | unmet | conflict | unknown
    provisions: tuple[str, ...] = ()
    detail: str = ""
    evidence: tuple[Evidence, ...] = field(default_factory=tuple)
    found: str | None = None  # the duration that broke or met a limit


def _evidence(unit: Unit, matches: Sequence[ConceptMatch]) -> list[Evidence]:
    return [Evidence(unit.eid, m.concept, m.text, m.start, m.end, m.negated) for m in matches]


EVIDENCE_UNITS = 24
"""In a wide scope (a whole code's general clauses), the first units that state a group are its
evidence: a reviewer reads a few, and listing thousands costs every re-check."""


def _block_match(block: Block, groups: tuple[Group, ...]) -> list[Evidence] | None:
    """Evidence when every group matches (not negated) somewhere in the block, else None."""
    if isinstance(block, UnitList):
        if not all(block.states(group) for group in groups):
            return None
        stating = [block.stating(group)[:EVIDENCE_UNITS] for group in groups]
        return [e for group, units in zip(groups, stating, strict=True)
                for unit in units for e in _evidence(unit, unit.tagged.positive(group))]
    if not all(any(not unit.tagged.present.isdisjoint(group) for unit in block) for group in groups):
        return None
    evidence: list[Evidence] = []
    for group in groups:
        hits = [e for unit in block if not unit.tagged.present.isdisjoint(group)
                for e in _evidence(unit, unit.tagged.positive(group))]
        if not hits:
            return None
        evidence.extend(hits)
    return evidence


def eids_of(evidence: Sequence[Evidence]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(e.eid for e in evidence))


def _labels(groups: tuple[Group, ...]) -> str:
    return " + ".join("/".join(group) for group in groups)


def presence(element: Element, blocks: Sequence[Block]) -> Result:
    for block in blocks:
        evidence = _block_match(block, element.concepts)
        if evidence:
            return Result(element.id, "met", eids_of(evidence),
                          f"found {_labels(element.concepts)}", tuple(evidence))
    return Result(element.id, "unmet", detail=f"no provision states {_labels(element.concepts)}")


def unit_match(unit: Unit, groups: tuple[Group, ...]) -> list[Evidence] | None:
    """Evidence when every group matches in the unit read with its ancestors, else None."""
    return _block_match((unit, *unit.context), groups)


def stated_in(unit: Unit, groups: tuple[Group, ...]) -> list[Evidence] | None:
    """Evidence when every group matches in the unit's own words, else None."""
    return _block_match((unit,), groups)


AGGRAVATED = ("aggravated_form",)


def absence(element: Element, blocks: Sequence[Block]) -> Result:
    """A forbidden condition must be stated in one provision (read with its headings), so
    that two unrelated clauses of a long article do not combine into a conflict. A provision
    that also states the element's `unless` (the exception the treaty allows) is no conflict,
    nor is an aggravated form of the offence that refers back to the basic one."""
    for unit in (u for block in blocks for u in block):
        if unit.tagged.has(AGGRAVATED) or any(c.tagged.has(AGGRAVATED) for c in unit.context):
            continue  # "the same acts, causing substantial damage": a heavier penalty, not a condition of the offence
        evidence = unit_match(unit, element.concepts)
        if evidence and not (element.unless and unit_match(unit, element.unless)):
            quoted = "; ".join(dict.fromkeys(f"“{e.text}”" for e in evidence))
            return Result(element.id, "conflict", eids_of(evidence), f"the draft says {quoted}",
                          tuple(evidence))
    return Result(element.id, "met", detail=f"no {_labels(element.concepts)}")


def _nearest(durations: Sequence[Duration], matches: Sequence[ConceptMatch]) -> Duration:
    def distance(duration: Duration) -> int:
        return min(abs(duration.start - m.start) for m in matches)

    return min(durations, key=distance)


def _breaks(duration: Duration, element: Element) -> bool:
    assert element.limit is not None
    if element.limit.max and duration.days > iso_days(element.limit.max) + 1e-9:
        return True
    return bool(element.limit.min and duration.days < iso_days(element.limit.min) - 1e-9)


PENALTY_REACH = 8  # words from "imprisonment" / «лишение свободы» to the term it sets
PENALTY_CONCEPTS = frozenset({"custodial_penalty", "custodial_sanction"})


def _measure_periods(unit: Unit, element: Element) -> list[Duration]:
    """The unit's periods, less the terms of imprisonment it sets ("liable to imprisonment for
    a term not exceeding two years" for failing to comply is no period of the measure), unless
    the limit is itself about a penalty (the one-year threshold of extradition, Art. 24(1))."""
    if element.concept_ids & PENALTY_CONCEPTS:
        return list(unit.tagged.durations)
    penalties = [m.first_token for m in unit.tagged.positive(("custodial_sanction",))]
    return [d for d in unit.tagged.durations
            if not any(0 < d.first_token - start <= PENALTY_REACH for start in penalties)]


def limit(element: Element, blocks: Sequence[Block]) -> Result:
    stated: list[tuple[Unit, Duration, list[ConceptMatch]]] = []
    concepts_seen = False
    for block in blocks:
        if _block_match(block, element.concepts) is None:
            continue
        concepts_seen = True
        for unit in block:
            # A minimum is about how long a measure lasts: prefer such periods to deadlines
            # for acting ("within 48 hours"); a maximum may be either, so take the nearest.
            periods = _measure_periods(unit, element)
            if element.limit.deadline:  # type: ignore[union-attr]
                # a time to act is read where the act is stated: a preservation "for ninety
                # days" of the same subscriber information is no time to produce it
                if not unit_match(unit, element.concepts):
                    continue
                periods = [d for d in periods if d.bound == "deadline"] or periods
            elif element.limit.min:  # type: ignore[union-attr]
                periods = [d for d in periods if d.bound != "deadline"] or periods
            if not periods:
                continue
            own = [m for group in element.concepts for m in unit.tagged.positive(group)]
            if own:
                stated.append((unit, _nearest(periods, own), own))
            elif unit_match(unit, element.concepts[:1]):  # framed by a heading or intro
                stated.append((unit, ([d for d in periods if d.bound] or periods)[0], []))
    if not concepts_seen:
        return Result(element.id, "unknown", detail=f"no provision states {_labels(element.concepts)}")
    if not stated:
        return Result(element.id, "unmet", detail="no period is stated")
    # A period worded as the bound itself ("not more than ninety days") says more about the
    # measure than one that merely sits nearby (a confidentiality period, a deadline).
    wanted = {"max" if element.limit.max else "min"}  # type: ignore[union-attr]
    stated = [s for s in stated if s[1].bound in wanted] or stated
    # So does a period in a provision that names the measure itself, against one in a sibling
    # provision framed only by the heading (the secrecy the person ordered must keep for a year).
    stated = [s for s in stated if s[2]] or stated
    bound = ", ".join(f"{k} {v}" for k, v in (("max", element.limit.max),  # type: ignore[union-attr]
                                                ("min", element.limit.min)) if v)  # type: ignore[union-attr]
    for unit, duration, matches in stated:
        if _breaks(duration, element):
            found = unit.tagged.text[duration.start:duration.end]
            return Result(element.id, "conflict", (unit.eid,),
                          f"states {found} ({duration.iso}); the treaty sets {bound}",
                          tuple(_evidence(unit, matches)), found=found)
    unit, duration, matches = stated[0]
    found = unit.tagged.text[duration.start:duration.end]
    return Result(element.id, "met", tuple(dict.fromkeys(u.eid for u, _, _ in stated)),
                  f"states {found} ({duration.iso}); the treaty sets {bound}",
                  tuple(_evidence(unit, matches)), found=found)


def defined(element: Element, definitions: Sequence[Definition]) -> Result:
    """The draft defines a term of the first group; the other groups are stated in that
    term's own definition (not elsewhere in a section that defines many terms)."""
    first, rest = element.concepts[0], element.concepts[1:]
    for definition in definitions:
        entry = definition.entry or definition.tagged
        if definition.tagged.positive(first) and all(entry.positive(group) for group in rest):
            return Result(element.id, "met", (definition.eid,),
                          f"defines “{definition.term}”",
                          (Evidence(definition.eid, element.concepts[0][0], definition.term, 0,
                                    len(definition.term)),))
    return Result(element.id, "unmet",
                  detail=f"no definition of {_labels(element.concepts)}")


def _negated(units: Sequence[Unit], groups: tuple[Group, ...]) -> list[Evidence]:
    """Negated mentions of the groups, unit by unit (a scope may hold thousands of units)."""
    concepts = frozenset(c for group in groups for c in group)
    if isinstance(units, UnitList):
        return [e for unit in units.denying(concepts) for group in groups
                for e in _evidence(unit, unit.tagged.negated(group))]
    return [e for unit in units if not unit.tagged.denied.isdisjoint(concepts)
            for group in groups for e in _evidence(unit, unit.tagged.negated(group))]


def safeguard(element: Element, units: Sequence[Unit]) -> Result:
    evidence = _block_match(units, element.concepts)
    if evidence:
        negated = _negated(units, element.concepts)
        detail = f"found {_labels(element.concepts)}"
        if negated:
            detail += "; an exception dispenses with it: " + "; ".join(
                dict.fromkeys(f"“{e.text}” in {e.eid}" for e in negated))
        return Result(element.id, "met", eids_of(evidence), detail, tuple(evidence + negated))
    negated = _negated(units, element.concepts)
    if negated:
        quoted = "; ".join(dict.fromkeys(f"“{e.text}”" for e in negated))
        return Result(element.id, "conflict", eids_of(negated), f"expressly excluded: {quoted}",
                      tuple(negated))
    partly = [e for group in element.concepts if len(element.concepts) > 1
              for e in (_block_match(units, (group,)) or [])]
    if partly:  # "for not more than 180 days", and nothing on what the order may reach
        return Result(element.id, "unmet", eids_of(partly), f"only part of {_labels(element.concepts)}",
                      tuple(partly))
    return Result(element.id, "unmet", detail=f"no provision states {_labels(element.concepts)}")


@dataclass(frozen=True)
class Scope:
    """What the checks of one requirement may read: the aligned blocks, the blocks of articles
    that refer to them (`support`: they may satisfy a presence element, never raise a
    conflict), the draft's definitions, and the units in a safeguard's wider scope."""

    blocks: Sequence[Block]
    support: Sequence[Block] = ()
    definitions: Sequence[Definition] = ()
    safeguard_units: Sequence[Unit] = ()


def offence_range(element: Element, blocks: Sequence[Block]) -> float | None:
    """The least penalty, in years, of the offences a measure is confined to ("offences
    punishable by imprisonment of five years or more"): 0 where the measure is not confined
    to serious or listed offences, None where it is confined without a figure to compare."""
    confined = [u for block in blocks for u in block if unit_match(u, element.concepts)]
    if not confined:
        return 0.0
    years = [d.days / 365 for u in confined for d in u.tagged.durations if d.days >= 365]
    return max(years) if years else None


def compared_range(element: Element, own: Sequence[Block], other: Sequence[Block]) -> Result:
    """Art. 14(3)(a): the offences a measure is reserved to may not be fewer than those for
    which the compared measure is available (a higher least penalty is a narrower range)."""
    mine, theirs = offence_range(element, own), offence_range(element, other)
    if not own or not other or mine is None or theirs is None:
        return Result(element.id, "unknown", detail="the two ranges cannot be compared")
    eids = eids_of([e for block in own for u in block for e in unit_match(u, element.concepts) or []])
    if mine > theirs:
        return Result(element.id, "conflict", eids, f"offences of at least {mine:g} years against {theirs:g}",
                      found=f"{mine:g}")
    return Result(element.id, "met", eids, f"offences of at least {mine:g} years against {theirs:g}")


CHECKS: dict[str, Callable[[Element, Scope], Result]] = {
    "presence": lambda element, scope: presence(element, [*scope.blocks, *scope.support]),
    "absence": lambda element, scope: absence(element, scope.blocks),
    "limit": lambda element, scope: limit(element, scope.blocks),
    "defined": lambda element, scope: defined(element, scope.definitions),
    "safeguard": lambda element, scope: safeguard(element, scope.safeguard_units),
    # read once every requirement is aligned (engine.evaluate compares the two ranges)
    "offence_range": lambda element, scope: Result(element.id, "unknown", detail="compared after alignment"),
}
"""Every check type a rule may name, and the part of the scope it reads."""


def safeguard_status(result: Result | None) -> str:
    """The contract's present / absent / unknown for a safeguard result."""
    if result is None:
        return "unknown"
    return "present" if result.status == "met" else "absent"
