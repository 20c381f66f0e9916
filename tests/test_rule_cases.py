"""Every case written in a rule file: the rule must fire where it says fire, and pass where
it says pass, with the element and safeguard statuses it states."""

from __future__ import annotations

import re

import pytest

from lawcheck.akn.definitions import find_clauses
from lawcheck.concepts import tag
from lawcheck.engine import supervision
from lawcheck.engine.checks import safeguard_status
from lawcheck.engine.evaluate import evaluate_requirement, supervision_result
from lawcheck.engine.units import Definition, Unit
from lawcheck.rulebook.loader import load_rulebook
from lawcheck.rulebook.model import Case, Requirement

RULEBOOK = load_rulebook()
_LABEL = re.compile(r"^\s*\(?[0-9a-zа-я]{1,4}[.)]\s*")  # a line's own number: "1)", "(a)"


def _params() -> list[object]:
    params = []
    for requirement in RULEBOOK.requirements:
        for number, case in enumerate(requirement.cases, start=1):
            marks = [pytest.mark.xfail(reason=case.xfail, strict=True)] if case.xfail else []
            params.append(pytest.param(requirement, case, marks=marks,
                                       id=f"{requirement.id}-{case.lang}-{case.expect}-{number}"))
    return params


def evaluate_case(requirement: Requirement, case: Case):  # type: ignore[no-untyped-def]
    """A case is one article: each line a provision, the whole text the scope."""
    lines = [line.strip() for line in case.text.splitlines() if line.strip()]
    units = [Unit(f"line_{n}", tag(line, case.lang)) for n, line in enumerate(lines, start=1)]
    definitions = [Definition(clause.term, unit.eid, tag(clause.term, case.lang), unit.tagged)
                   for unit in units
                   for clause in find_clauses(_LABEL.sub("", unit.tagged.text), case.lang, listed=True)]
    evaluation = evaluate_requirement(requirement, [units], definitions, units, RULEBOOK,
                                      requirement.switched_off(case.options))
    gaps: list[str] = []
    if requirement.supervision is not None and "judicial_or_independent_supervision" in evaluation.safeguards:
        reading = supervision.read(units, set(requirement.align[0]), requirement.supervision.data)
        evaluation.safeguards["judicial_or_independent_supervision"] = supervision_result(reading)
        gaps = [gap.kind for gap in supervision.gaps(reading, requirement.supervision, RULEBOOK.urgency_validation())]
    return evaluation, gaps


@pytest.mark.parametrize(("requirement", "case"), _params())
def test_case(requirement: Requirement, case: Case) -> None:
    evaluation, gaps = evaluate_case(requirement, case)
    where = f"{requirement.path}:{case.line}"
    statuses = {r.element: f"{r.status} ({r.detail})" for r in evaluation.elements}
    for element_id, expected in case.elements.items():
        actual = evaluation.status_of(element_id)
        assert actual == expected, f"{where}: {element_id} is {statuses.get(element_id)}, " \
                                   f"expected {expected}"
    for safeguard_id, expected in case.safeguards.items():
        actual = safeguard_status(evaluation.safeguards[safeguard_id])
        assert actual == expected, f"{where}: safeguard {safeguard_id} is {actual}"
    if case.supervision_gaps is not None:
        assert sorted(gaps) == sorted(case.supervision_gaps), f"{where}: Art. 15 gaps {gaps}"
    assert (evaluation.fires or bool(gaps)) == (case.expect == "fire"), \
        f"{where}: expected the rule to {case.expect}; elements: {statuses}; Art. 15 gaps: {gaps}"


def test_every_rule_has_cases_in_both_languages_both_ways() -> None:
    for requirement in RULEBOOK.requirements:
        kinds = {(c.lang, c.expect) for c in requirement.cases}
        missing = {(lang, expect) for lang in ("en", "ru") for expect in ("pass", "fire")} - kinds
        assert not missing, f"{requirement.id} lacks cases {sorted(missing)}"


def test_every_check_type_a_rule_may_name_is_implemented() -> None:
    from lawcheck.engine.checks import CHECKS
    from lawcheck.rulebook.schema import CHECKS as NAMED

    assert set(CHECKS) == set(NAMED)
