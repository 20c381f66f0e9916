"""The rule graph's structure, and every treaty number the rules carry, pinned against the
treaty text (Convention) or the requirements reference (Second Protocol, unverified)."""

from __future__ import annotations

import re
from pathlib import Path

import networkx as nx
import pytest

from lawcheck.concepts.language import tokenize
from lawcheck.concepts.lexicon import load_lexicon
from lawcheck.concepts.numbers import find_durations, iso_days
from lawcheck.rulebook.graph import build_graph, dependency_cycles, edges_of_type
from lawcheck.rulebook.loader import load_rulebook
from lawcheck.rulebook.model import Requirement

RULEBOOK = load_rulebook()
GRAPH = build_graph(RULEBOOK)
ART15 = ("judicial_or_independent_supervision", "grounds_justifying_application",
         "limitation_of_scope_and_duration", "proportionality")
TREATIES = Path(__file__).resolve().parents[2] / "shared" / "reference" / "treaties"


def test_every_article_with_a_domestic_obligation_has_a_rule() -> None:
    ids = {r.id for r in RULEBOOK.requirements}
    expected = {f"BC-{n}" for n in range(1, 36)} | {f"SP-{n}" for n in range(2, 15)}
    assert expected <= ids, f"missing rule files: {sorted(expected - ids)}"


@pytest.mark.parametrize("power", [f"BC-{n}" for n in range(16, 22)])
def test_every_convention_power_needs_the_four_article_15_safeguards(power: str) -> None:
    needed = {v.removeprefix("safeguard:") for u, v in edges_of_type(GRAPH, "needs_safeguard")
              if u == power}
    assert set(ART15) <= needed
    assert ("BC-15" in RULEBOOK.get(power).subject_to) and ("BC-14" in RULEBOOK.get(power).subject_to)


def test_article_15_safeguards_are_defined_by_bc15() -> None:
    for safeguard in ART15:
        framework, element = RULEBOOK.safeguard(safeguard)
        assert framework.id == "BC-15" and element.check == "safeguard"


@pytest.mark.parametrize("measure", [f"SP-{n}" for n in range(6, 13)])
def test_protocol_measures_are_subject_to_sp13_and_sp14(measure: str) -> None:
    assert {"SP-13", "SP-14"} <= set(RULEBOOK.get(measure).subject_to)


def test_no_cycle_in_depends_on() -> None:
    assert dependency_cycles(GRAPH) == []


def test_no_dangling_edge() -> None:
    for u, v in GRAPH.edges():
        assert "type" in GRAPH.nodes[u] and "type" in GRAPH.nodes[v], (u, v)


def test_mirrors_are_mutual_and_pair_domestic_with_international() -> None:
    pairs = set(edges_of_type(GRAPH, "mirrors"))
    assert {("BC-16", "BC-29"), ("BC-17", "BC-30"), ("BC-20", "BC-33"), ("BC-21", "BC-34")} <= pairs
    assert all((v, u) in pairs for u, v in pairs)


def test_graph_exports_to_graphml() -> None:
    assert nx.number_of_nodes(GRAPH) > 100


def test_reservations_only_where_the_convention_permits_them() -> None:
    # Art. 42 is exhaustive; Art. 40 lists the declarations.
    art42 = {"4(2)", "6(3)", "9(4)", "10(3)", "11(3)", "14(3)", "14(3)(a)", "14(3)(b)", "22(2)", "29(4)", "41(1)"}
    art40 = {"2", "3", "6(1)(b)", "7", "9(3)", "27(9)(e)"}
    for r in RULEBOOK.requirements:
        if r.instrument != "BC":
            continue
        for option in r.reservations:
            assert option.basis == "42" and option.cites in art42, (r.id, option)
        for option in r.declarations:
            assert option.basis == "40" and option.cites in art40, (r.id, option)


# --- numbers ---------------------------------------------------------------------------

def _limits(requirement: Requirement, bound: str) -> set[str]:
    return {getattr(e.limit, bound) for e in requirement.elements if e.limit and getattr(e.limit, bound)}


def _paragraph(article: int, paragraph: int) -> str:
    text = (TREATIES / "ETS185_Convention_on_Cybercrime_EN.txt").read_text(encoding="utf-8")
    body = re.split(r"^### Article\s+(\d+)\s*$", text, flags=re.MULTILINE)
    articles = {int(body[i]): body[i + 1] for i in range(1, len(body) - 1, 2)}
    match = re.search(rf"^{paragraph}\.\s+(.*)$", articles[article], flags=re.MULTILINE)
    assert match, f"Art. {article}({paragraph}) not found in the treaty text"
    return match.group(1)


def _treaty_days(article: int, paragraph: int) -> list[float]:
    words = load_lexicon("en").durations
    return [d.days for d in find_durations(tokenize(_paragraph(article, paragraph), "en"), words)]


@pytest.mark.parametrize(("rid", "bound", "iso", "article", "paragraph"), [
    ("BC-16", "max", "P90D", 16, 2),   # preservation order: at most ninety days, renewable
    ("BC-29", "min", "P60D", 29, 7),   # foreign preservation: not less than sixty days
    ("BC-9", "min", "P16Y", 9, 3),     # a lower age-limit may not go below 16
    ("BC-24", "max", "P1Y", 24, 1),    # extraditable: deprivation of liberty of at least one year
])
def test_convention_numbers_match_the_treaty_text(rid: str, bound: str, iso: str, article: int,
                                                  paragraph: int) -> None:
    if not TREATIES.is_dir():
        pytest.skip("../shared/reference/treaties is not available")
    assert iso in _limits(RULEBOOK.get(rid), bound), f"{rid} lacks a {bound} limit of {iso}"
    assert iso_days(iso) in _treaty_days(article, paragraph), \
        f"Art. {article}({paragraph}) does not state {iso}"


def test_minor_is_under_18_by_default() -> None:
    limits = {e.limit.min for e in RULEBOOK.get("BC-9").elements if e.limit}
    assert "P18Y" in limits
    if TREATIES.is_dir():
        assert 18 * 365 in _treaty_days(9, 3)


def test_point_of_contact_is_24_7() -> None:
    concepts = set().union(*(e.concept_ids for e in RULEBOOK.get("BC-35").elements if e.check == "presence"))
    assert "round_the_clock" in concepts
    if TREATIES.is_dir():
        assert "twenty-four hour, seven-day-a-week" in _paragraph(35, 1)


@pytest.mark.parametrize(("rid", "bound", "isos"), [
    ("SP-7", "max", {"P30D"}),                 # Art. 7(7): thirty days (text unverified)
    ("SP-8", "max", {"P45D", "P20D"}),         # Art. 8(6): 45 to serve, 20 subscriber, 45 traffic
])
def test_protocol_numbers_match_the_requirements_reference(rid: str, bound: str, isos: set[str]) -> None:
    assert isos <= _limits(RULEBOOK.get(rid), bound) | _limits(RULEBOOK.get(rid), "min")
    assert RULEBOOK.get(rid).source_note, "unverified Protocol text must say so"


def test_sp8_has_both_45_day_limits_and_the_20_day_one() -> None:
    maxima = [e.limit.max for e in RULEBOOK.get("SP-8").elements if e.limit and e.limit.max]
    assert sorted(maxima).count("P45D") >= 2 and "P20D" in maxima


def test_emergency_disclosure_has_no_fixed_number_of_days() -> None:
    assert not any(e.limit for e in RULEBOOK.get("SP-9").elements)


def test_every_protocol_rule_says_its_text_was_not_checked() -> None:
    for r in RULEBOOK.requirements:
        if r.instrument == "SP":
            assert r.source_note and len(r.source_note) > 20, r.id


def test_the_urgency_validation_periods_are_rule_data_with_their_source() -> None:
    """48 hours for a judge to review an urgent measure, 72 beyond which it is very late: the
    figures of the urgency procedure examined in Zakharov § 266, kept in the Article 15 file."""
    rule = load_rulebook().urgency_validation()
    assert rule is not None
    assert (rule.prompt, rule.late, rule.very_late_after, rule.very_late) == ("PT48H", "low", "PT72H", "medium")
    assert any("Zakharov" in source and "266" in source for source in rule.basis)
