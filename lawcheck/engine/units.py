"""What the checks read: provisions as tagged units, grouped into blocks, and defined terms.

Produced by `lawcheck.engine.align`, consumed by `lawcheck.engine.checks`; kept apart so that
neither depends on the other for its vocabulary."""

from __future__ import annotations

from bisect import insort
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from lawcheck.concepts.tagger import ConceptMatch, Tagged
from lawcheck.rulebook.model import Group


@dataclass(frozen=True)
class Unit:
    """A provision as the checks see it: its eId and its own text, tagged, with the units of
    its ancestors (heading, intro) that frame what it says."""

    eid: str
    tagged: Tagged
    context: tuple[Unit, ...] = ()
    # what the checks derive from this unit alone (its sentences and their roles), kept with it
    derived: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)

    def positive(self, group: Group) -> list[ConceptMatch]:
        """Matches in the unit or its framing ancestors."""
        return [m for u in (self, *self.context) for m in u.tagged.positive(group)]


Block = Sequence[Unit]


class UnitList(list[Unit]):
    """A finished list of units (a provision's block, a safeguard's scope over a whole code)
    that finds the units stating or negating some concepts without reading every unit: the
    positions of each concept's units are indexed on first use. Not to be changed once read."""

    _stated: dict[str, list[int]] | None = None
    _denied: dict[str, list[int]] | None = None
    _present: frozenset[str] | None = None

    def _index(self, negated: bool) -> dict[str, list[int]]:
        index = self._denied if negated else self._stated
        if index is None:
            index = {}
            for position, unit in enumerate(self):
                for concept in (unit.tagged.denied if negated else unit.tagged.present):
                    index.setdefault(concept, []).append(position)
            if negated:
                self._denied = index
            else:
                self._stated = index
        return index

    def states(self, concepts: Iterable[str]) -> bool:
        """Whether some unit states (not negated) some of the concepts."""
        if self._stated is not None:
            return not self._stated.keys().isdisjoint(concepts)
        if self._present is None:
            self._present = frozenset().union(*(unit.tagged.present for unit in self))
        return not self._present.isdisjoint(concepts)

    def stating(self, concepts: Iterable[str]) -> list[Unit]:
        """The units that state (not negated) some of the concepts, in order."""
        return self._select(self._index(False), concepts)

    def denying(self, concepts: Iterable[str]) -> list[Unit]:
        """The units that negate some of the concepts, in order."""
        return self._select(self._index(True), concepts)

    def updated(self, units: Sequence[Unit]) -> UnitList | None:
        """`UnitList(units)` with this list's indexes carried over, when `units` is this list
        with a few units replaced by others of the same eId (an edit); None otherwise."""
        if len(units) != len(self):
            return None
        changed = [i for i, old, new in zip(range(len(self)), self, units, strict=True) if old is not new]
        if any(self[i].eid != units[i].eid for i in changed):
            return None
        result = UnitList(units)
        if self._stated is not None:
            result._stated = _moved(self._stated, changed, [self[i].tagged.present for i in changed],
                                    [units[i].tagged.present for i in changed])
        if self._denied is not None:
            result._denied = _moved(self._denied, changed, [self[i].tagged.denied for i in changed],
                                    [units[i].tagged.denied for i in changed])
        return result

    def _select(self, index: dict[str, list[int]], concepts: Iterable[str]) -> list[Unit]:
        positions: set[int] = set()
        for concept in concepts:
            positions.update(index.get(concept, ()))
        return [self[i] for i in sorted(positions)]


@dataclass(frozen=True)
class Definition:
    """A term the draft defines, tagged so that concepts can be matched on it, with the entry
    that defines it (what the definition covers)."""

    term: str
    eid: str
    tagged: Tagged
    entry: Tagged | None = None


def _moved(index: dict[str, list[int]], positions: list[int], before: list[frozenset[str]],
           after: list[frozenset[str]]) -> dict[str, list[int]]:
    """A concept index with the units at `positions` now stating `after` instead of `before`;
    the lists that change are copied, the others shared (neither is changed once built)."""
    result = dict(index)
    for position, old, new in zip(positions, before, after, strict=True):
        for concept in old - new:
            remaining = [p for p in result[concept] if p != position]
            if remaining:
                result[concept] = remaining
            else:
                del result[concept]
        for concept in new - old:
            grown = list(result.get(concept, ()))
            insort(grown, position)
            result[concept] = grown
    return result
