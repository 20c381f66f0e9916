"""A regime set out across one Part (the data-protection rules of SP Art. 14) is read as a
whole: a safeguard stated in a section that alignment did not report still counts, but a
section of another Part does not."""

from __future__ import annotations

from lawcheck.akn import parse_document
from lawcheck.engine.align import Alignment, analyse
from lawcheck.engine.evaluate import regime_units
from tests.conftest import akn_xml


def _section(n: int, text: str) -> str:
    return (f'<section eId="sec_{n}"><num>{n}.</num><heading>Section {n}</heading>'
            f"<content><p>{text}</p></content></section>")


SECURITY = "Receiving authorities shall apply appropriate technical and organisational security measures."


def test_other_sections_of_the_strongest_part_state_the_regime() -> None:
    body = (f'<part eId="part_1"><num>I</num><heading>Data protection</heading>'
            f'{_section(1, "Personal data received from a foreign Party is used only for the purpose stated.")}'
            f'{_section(2, SECURITY)}'
            f"</part>"
            f'<part eId="part_2"><num>II</num><heading>Other matters</heading>'
            f'{_section(3, "The Commissioner shall independently oversee processing under this Act.")}'
            f"</part>")
    analysis = analyse(parse_document(akn_xml(body), "test.xml"), "en")
    reported = [Alignment("sec_1", 1.0, ())]
    candidates = [Alignment(eid, 0.5, ()) for eid in ("sec_1", "sec_2", "sec_3")]
    read = {unit.eid for unit in regime_units(analysis, candidates, reported)}
    assert "sec_2" in read  # same Part, not reported: its security measures count
    assert "sec_3" not in read  # another Part
    assert "sec_1" not in read  # already read as reported


def test_article_15_reads_every_article_that_governs_a_power() -> None:
    """Costs reimbursed to providers in the article on their duties under preservation orders
    are an Art. 15(3) consideration of third parties, though that article grants no power."""
    from lawcheck.engine.evaluate import governing_articles
    from lawcheck.rulebook.loader import load_rulebook

    body = (_section(1, "A judge may order a service provider to preserve specified computer data.")
            + _section(2, "The reasonable costs of a service provider complying with a preservation order "
                          "are reimbursed by the State.")
            + _section(3, "This Act comes into force on publication."))
    analysis = analyse(parse_document(akn_xml(body), "test.xml"), "en")
    bc15 = next(r for r in load_rulebook().requirements if r.id == "BC-15")
    read = {article.eid for article in governing_articles(analysis, bc15)}
    assert {"sec_1", "sec_2"} <= read
    assert "sec_3" not in read
