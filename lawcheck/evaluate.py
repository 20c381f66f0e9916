"""Evaluation of a requirement's elements and safeguards on the provisions in its scope."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from lawcheck import checks
from lawcheck.checks import Block, Definition, Result, Unit
from lawcheck.rulebook.loader import Rulebook
from lawcheck.rulebook.model import Requirement


@dataclass(frozen=True)
class Evaluation:
    requirement: str
    elements: tuple[Result, ...]  # relaxed elements are left out
    safeguards: dict[str, Result | None]  # None: the power was not found, so unknown

    @property
    def fires(self) -> bool:
        """True when some element is unmet or in conflict: a reviewer has something to act on."""
        return any(r.status in {"unmet", "conflict"} for r in self.elements)

    def status_of(self, element_id: str) -> str | None:
        return next((r.status for r in self.elements if r.element == element_id), None)


def evaluate_requirement(requirement: Requirement, blocks: Sequence[Block],
                         definitions: Sequence[Definition], safeguard_units: Sequence[Unit],
                         rulebook: Rulebook, relaxed: Iterable[str] = ()) -> Evaluation:
    """Run every element's check; look for each safeguard of a power in its wider scope."""
    skip = set(relaxed)
    results = []
    for element in requirement.elements:
        if element.id in skip:
            continue
        if element.check == "defined":
            results.append(checks.defined(element, definitions))
        elif element.check == "safeguard":
            results.append(checks.safeguard(element, safeguard_units))
        else:
            results.append(checks.BLOCK_CHECKS[element.check](element, blocks))
    found = any(blocks)
    safeguards = {
        safeguard_id: checks.safeguard(rulebook.safeguard(safeguard_id)[1], safeguard_units)
        if found else None
        for safeguard_id in requirement.safeguards
    }
    return Evaluation(requirement.id, tuple(results), safeguards)
