"""Alignment on its own: how an article's score is made, which candidates are shown, and how
references (with ranges such as "sections 2 to 4") make an article a referrer of another."""

from __future__ import annotations

import pytest

from lawcheck.akn import parse_document
from lawcheck.engine.align import (
    ALIGN_WEIGHT,
    HEADING_WEIGHT,
    Alignment,
    Analysis,
    Cut,
    _coverage,
    align_requirement,
    analyse,
    strongest,
)
from lawcheck.rulebook.loader import load_rulebook
from lawcheck.rulebook.model import Requirement
from tests.conftest import akn_xml

PRESERVE = ("A judge may order a service provider to preserve specified computer data for up to ninety days "
            "where there are grounds to believe that the data may be lost.")


def draft(*sections: tuple[str, str]) -> Analysis:
    """An English draft of numbered sections, each (heading, text)."""
    body = "\n".join(f'<section eId="sec_{n}"><num>{n}.</num><heading>{heading}</heading>'
                     f"<content><p>{text}</p></content></section>"
                     for n, (heading, text) in enumerate(sections, start=1))
    return analyse(parse_document(akn_xml(body, title="Test Act"), "test.xml"), "en")


@pytest.fixture(scope="module")
def bc16() -> Requirement:
    return next(r for r in load_rulebook().requirements if r.id == "BC-16")


def test_an_article_scores_its_align_groups_heading_and_coverage(bc16: Requirement) -> None:
    analysis = draft(("Expedited preservation of computer data", PRESERVE), ("Miscellaneous", PRESERVE),
                     ("Fees", "The Minister may prescribe fees."))
    titled, untitled = align_requirement(analysis, bc16)
    assert (titled.eid, untitled.eid) == ("sec_1", "sec_2")  # sec_3 matches no align group
    assert titled.score - untitled.score == pytest.approx(HEADING_WEIGHT)
    coverage = _coverage(analysis.concepts(analysis.articles[1]), bc16)
    assert untitled.score == pytest.approx(ALIGN_WEIGHT + (1 - ALIGN_WEIGHT - HEADING_WEIGHT) * coverage, abs=1e-3)
    assert "ninety days" in titled.evidence


def test_coverage_is_the_share_of_element_groups_present(bc16: Requirement) -> None:
    every_concept = frozenset(c for e in bc16.elements for group in e.concepts for c in group)
    assert _coverage(frozenset(), bc16) == 0.0
    assert _coverage(every_concept, bc16) == 1.0


def test_strongest_keeps_those_near_the_best_up_to_the_limit() -> None:
    found = [Alignment(f"sec_{i}", score, ()) for i, score in enumerate((0.9, 0.8, 0.75, 0.69, 0.5), start=1)]
    assert [a.eid for a in strongest(found, Cut(margin=0.2, limit=12))] == ["sec_1", "sec_2", "sec_3"]
    assert [a.eid for a in strongest(found, Cut(margin=0.2, limit=2))] == ["sec_1", "sec_2"]
    assert strongest([]) == []


def test_a_range_refers_to_every_article_between_its_ends() -> None:
    analysis = draft(("Application", "Sections 2 to 4 apply to every order."), ("Orders", "A judge may order."),
                     ("Duration", "An order lasts 90 days."), ("Records", "A record is kept."),
                     ("Review", "Sections 2 and 4 are reviewed yearly."))

    def referrers(eid: str) -> list[str]:
        return [p.eid for p in analysis.referrers(eid)]

    assert referrers("sec_3") == ["sec_1"]  # inside "2 to 4", not named by "2 and 4"
    assert referrers("sec_2") == referrers("sec_4") == ["sec_1", "sec_5"]
    assert referrers("sec_1") == []


def test_two_references_and_a_to_between_them_are_no_range() -> None:
    """"Subject to section 1" beside another reference is a condition, not "sections 1 to 4":
    read as a range it made the article refer to every section in between."""
    analysis = draft(("Application", "This Act applies to computer data."), ("Orders", "A judge may order."),
                     ("Duration", "An order lasts 90 days."),
                     ("Secrecy", "An order under section 3 is kept secret, subject to section 1."),
                     ("Marked up", 'Orders under <ref href="#sec_2">sections 2</ref> to <ref href="#sec_3">3</ref> '
                                   "are reviewed yearly."))
    assert "sec_5" in [p.eid for p in analysis.referrers("sec_2")]  # worded between two marked-up refs
    assert "sec_4" in [p.eid for p in analysis.referrers("sec_3")]
    assert "sec_4" not in [p.eid for p in analysis.referrers("sec_2")]


def test_a_marked_up_range_refers_to_every_article_it_names() -> None:
    """`<ref href="#sec_2">sections 2 to 4</ref>` points at its first article only, but its words
    bind every article from 2 to 4: an order under section 3 is bound by the secrecy duty too."""
    analysis = draft(("Orders", "A judge may order."), ("Preservation", "A judge may order preservation."),
                     ("Interception", "A judge may order interception."),
                     ("Collection", "A judge may order collection."),
                     ("Secrecy", 'A person served with an order under <ref href="#sec_2">sections 2 to 4</ref> '
                                 "shall keep it secret."),
                     ("Review", 'An order under <ref href="#sec_2">section 2</ref> is reviewed yearly.'))
    for eid in ("sec_2", "sec_3", "sec_4"):
        assert "sec_5" in [p.eid for p in analysis.referrers(eid)]
    assert "sec_6" not in [p.eid for p in analysis.referrers("sec_3")]  # a single ref is no range
    assert analysis.ranges_of(analysis.provision("sec_5")) == {"sec_2", "sec_3", "sec_4"}  # type: ignore[arg-type]


def test_articles_numbered_with_a_letter_are_referred_to_and_ranged_by_their_full_number() -> None:
    """"Articles 370-A to 370-C" (articles inserted after 370) names 370-A, 370-B and 370-C, not
    Article 370."""
    def article(number: str, text: str) -> str:
        return (f'<article eId="art_{number}"><num>Article {number}.</num><heading>Heading</heading>'
                f"<content><p>{text}</p></content></article>")

    document = parse_document(akn_xml(
        article("370", "A penalty.") + article("370-A", "Illegal access.") + article("370-B", "Interception.")
        + article("370-C", "Data interference.")
        + article("370-D", "Attempt to commit an offence under Articles 370-A to 370-C is punishable.")), "draft.xml")
    analysis = analyse(document, "en")
    assert {a.eid for a in analysis.articles if "art_370-D" in [r.eid for r in analysis.referrers(a.eid)]} \
        == {"art_370-A", "art_370-B", "art_370-C"}
