"""What the checks read: provisions as tagged units, grouped into blocks, and defined terms.

Produced by `lawcheck.engine.align`, consumed by `lawcheck.engine.checks`; kept apart so that
neither depends on the other for its vocabulary."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from lawcheck.concepts.tagger import ConceptMatch, Tagged
from lawcheck.rulebook.model import Group


@dataclass(frozen=True)
class Unit:
    """A provision as the checks see it: its eId and its own text, tagged, with the units of
    its ancestors (heading, intro) that frame what it says."""

    eid: str
    tagged: Tagged
    context: tuple[Unit, ...] = ()

    def positive(self, group: Group) -> list[ConceptMatch]:
        """Matches in the unit or its framing ancestors."""
        return [m for u in (self, *self.context) for m in u.tagged.positive(group)]


Block = Sequence[Unit]


@dataclass(frozen=True)
class Definition:
    """A term the draft defines, tagged so that concepts can be matched on it."""

    term: str
    eid: str
    tagged: Tagged
