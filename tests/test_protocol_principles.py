"""The Protocol's general principles (SP-5) govern its measures: a draft whose only
co-operation clause is a Convention one (preservation for a foreign State, with dual
criminality) has no Protocol measure, so SP-5 is missing, not 'implemented' with defects."""

from __future__ import annotations

from lawcheck.akn import parse_document
from lawcheck.pipeline import check_document
from tests.conftest import akn_xml

PRESERVATION = ("The Attorney-General may, on the request of a foreign State, direct a service provider to "
                "preserve computer data for thirty days; the request may be refused unless the conduct is an "
                "offence under the law of both States.")


def _status(text: str, requirement: str) -> str:
    body = (f'<section eId="sec_1"><num>1.</num><heading>Preservation for a foreign State</heading>'
            f"<content><p>{text}</p></content></section>")
    check = check_document(parse_document(akn_xml(body), "test.xml"), lang="en")
    return next(a.status for a in check.assessed if a.requirement.id == requirement)


def test_protocol_principles_without_any_protocol_measure_are_missing() -> None:
    assert _status(PRESERVATION, "SP-5") == "missing"


def test_protocol_safeguards_and_data_protection_need_a_protocol_measure() -> None:
    """A general data protection law and the conditions of domestic powers are not the
    Protocol's Arts 13 and 14, which govern the data and measures of the Protocol; with a
    Protocol measure in the text they are read."""
    safeguards = ("A judge may order the production of computer data where it is necessary and proportionate "
                  "for a criminal investigation. Personal data shall be processed lawfully and fairly, kept "
                  "accurate and no longer than necessary, and the data subject may seek redress before a "
                  "court; an independent supervisory authority oversees its processing.")
    assert _status(safeguards, "SP-13") == "missing"
    assert _status(safeguards, "SP-14") == "missing"
    giving_effect = ("A judge may order a service provider to produce subscriber information in its "
                     "possession on the order of another Party transmitted by the central authority. ")
    assert _status(giving_effect + safeguards, "SP-14") != "missing"


def test_a_qualifier_of_a_missing_measure_is_not_a_second_defect() -> None:
    """BC-17: with no disclosure of traffic data at all, 'the disclosure is not quick' is not
    reported; the missing partial disclosure is (once)."""
    text = ("A police officer may by notice require the person in control of traffic data to preserve it. "
            "The person to whom the notice is given shall not disclose its existence to any other person.")
    body = (f'<section eId="sec_1"><num>1.</num><heading>Preservation notice</heading>'
            f"<content><p>{text}</p></content></section>")
    check = check_document(parse_document(akn_xml(body), "test.xml"), lang="en")
    codes = {f.code for f in check.findings}
    assert "BC-17/partial_disclosure_to_trace" in codes
    assert "BC-17/expeditious_disclosure" not in codes
