"""Short names a law gives to what it names at length carry the long name's meaning."""

from __future__ import annotations

from conftest import akn_xml
from test_alignment import _cited
from test_alignment import _power as _section

from lawcheck.akn import parse_document
from lawcheck.concepts.aliases import aliases_in_force, with_aliases
from lawcheck.concepts.tagger import tag
from lawcheck.pipeline import check_document


def test_an_amendment_of_the_principal_act_speaks_of_what_the_principal_act_is() -> None:
    """Art. 24: a Part that makes the offences extraditable by adding them to "the principal
    Act" (the Extradition Act, so named in the Part's first section) is cited for extradition.
    The Part before it calls another Act "the principal Act": its amendment is not."""
    body = (_section(1, "Illegal access", "A person who intentionally and without right accesses a computer system "
                     "commits an offence and is liable on conviction to imprisonment for three years.")
            + _section(52, "Construction", "This Part shall be read as one with the Evidence Act, hereinafter "
                       "referred to as the principal Act.")
            + _section(53, "Amendment of section 3", "The principal Act is amended in section 3 by adding a "
                       "definition of electronic record.")
            + _section(58, "Construction", "This Part shall be read as one with the Extradition Act, hereinafter "
                       "referred to as the principal Act.")
            + _section(59, "Amendment of the Schedule", "The principal Act is amended in the Schedule by adding "
                       "the offences under this Act."))
    report = check_document(parse_document(akn_xml(body), "draft.xml"), lang="en").report
    cited = _cited(report, "BC-24")
    assert "sec_59" in cited and "sec_53" not in cited


def test_a_russian_alias_is_recognised_in_any_case() -> None:
    """«(далее – Закон об ОРД)»: its later uses, inflected («Закона об ОРД»), carry what the
    full name says."""
    texts = ["Закон Республики «Об оперативно-розыскной деятельности» (далее – Закон об ОРД) применяется.",
             "Мероприятия, предусмотренные статьей 11 Закона об ОРД, проводятся по решению суда."]
    in_force = aliases_in_force(texts, "ru")
    assert not in_force[0]
    assert "intelligence_purpose" in with_aliases(tag(texts[1], "ru"), in_force[1]).present
    assert "intelligence_purpose" not in tag(texts[1], "ru").present


def test_a_term_defined_as_a_foreign_request_carries_that_meaning_to_each_use() -> None:
    """“request” means a request for mutual legal assistance from a foreign State: a section
    that then says only "on a request, a judge may authorise the interception" serves foreign
    requests (Art. 34)."""
    interpretation = ('<section eId="sec_2"><num>2.</num><heading>Interpretation</heading><content>'
                      "<p>In this Act, “request” means a request for mutual legal assistance made by a foreign "
                      "State.</p></content></section>")
    power = _section(11, "Interception on request", "On a request, a judge may authorise the interception of the "
                     "content of specified communications transmitted by means of a computer system in the Republic.")
    report = check_document(parse_document(akn_xml(interpretation + power), "draft.xml"), lang="en").report
    assert _cited(report, "BC-34") == ["sec_11"]
