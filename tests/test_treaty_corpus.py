"""The treaty corpus: ETS No. 185 and CETS No. 224 as Akoma Ntoso 3.0 with the project's own
summaries. Structure, eIds, headings, the numbers every summary must keep exact, and (when the
shared reference folder is present) OASIS schema validity and no copied treaty sentences."""

from __future__ import annotations

import re
from collections import Counter
from functools import cache
from pathlib import Path

import pytest
from lxml import etree

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpora" / "budapest_convention"
SHARED = ROOT.parent / "shared"
XSD = SHARED / "reference" / "akn" / "akomantoso30.xsd"
TREATY_TEXTS = SHARED / "reference" / "treaties"

NS = {"akn": "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"}
FILES = {"BC": "ets185.xml", "SP": "cets224.xml"}
ARTICLES = {"BC": 48, "SP": 25}
WORKS = {
    "BC": ("/akn/int/act/2001-11-23/ets185", "2001-11-23"),
    "SP": ("/akn/int/act/2022-05-12/cets224", "2022-05-12"),
}

_SMALL = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}
_NUMBER_WORD = (
    rf"(?:(?:{'|'.join(_TENS)})(?:[- ](?:{'|'.join(_SMALL)}))?|{'|'.join(_SMALL)})"
)


def _to_int(token: str) -> int:
    if token.isdigit():
        return int(token)
    parts = re.split(r"[- ]", token.lower())
    if parts[0] in _TENS:
        return _TENS[parts[0]] + (_SMALL[parts[1]] if len(parts) > 1 else 0)
    return _SMALL[parts[0]]


def quantities(text: str, unit: str) -> list[int]:
    """Every count of `unit` in a summary, in order: '90 days', 'ninety days', 'one year'."""
    pattern = rf"\b(\d+|{_NUMBER_WORD})[- ](?:calendar |working )?{unit}s?\b"
    return [_to_int(m.group(1)) for m in re.finditer(pattern, text, flags=re.IGNORECASE)]


@cache
def doc(instrument: str) -> etree._ElementTree:
    parser = etree.XMLParser(resolve_entities=False, no_network=True, remove_blank_text=True)
    return etree.parse(str(CORPUS / FILES[instrument]), parser)


def element(instrument: str, eid: str) -> etree._Element:
    found = doc(instrument).xpath("//*[@eId=$eid]", eid=eid)
    assert len(found) == 1, f"{FILES[instrument]}: eId {eid} found {len(found)} times"
    return found[0]


def summary(instrument: str, eid: str) -> str:
    """All summary text under a provision (content, intro and wrapUp paragraphs)."""
    paragraphs = element(instrument, eid).xpath(".//akn:p", namespaces=NS)
    return " ".join(" ".join(p.itertext()) for p in paragraphs)


@pytest.mark.parametrize("instrument", FILES)
def test_parses_as_akn_treaty(instrument: str) -> None:
    root = doc(instrument).getroot()
    assert root.tag == f"{{{NS['akn']}}}akomaNtoso"
    act = root.find("akn:act", NS)
    assert act is not None and act.get("name") == "treaty"
    work_uri, date = WORKS[instrument]
    ident = act.find("akn:meta/akn:identification", NS)
    assert ident.find("akn:FRBRWork/akn:FRBRuri", NS).get("value") == work_uri
    assert ident.find("akn:FRBRWork/akn:FRBRdate", NS).get("date") == date
    assert ident.find("akn:FRBRWork/akn:FRBRname", NS).get("value")
    assert ident.find("akn:FRBRExpression/akn:FRBRlanguage", NS).get("language") == "eng"


@pytest.mark.parametrize("instrument", FILES)
def test_article_count_and_order(instrument: str) -> None:
    articles = doc(instrument).xpath("//akn:body//akn:article", namespaces=NS)
    expected = ARTICLES[instrument]
    assert len(articles) == expected
    assert [a.get("eId") for a in articles] == [f"art_{n}" for n in range(1, expected + 1)]


@pytest.mark.parametrize("instrument", FILES)
def test_eids_are_unique(instrument: str) -> None:
    counts = Counter(doc(instrument).xpath("//@eId"))
    duplicates = sorted(eid for eid, n in counts.items() if n > 1)
    assert not duplicates, f"{FILES[instrument]}: duplicate eIds {duplicates}"


@pytest.mark.parametrize("instrument", FILES)
def test_every_article_has_num_and_heading(instrument: str) -> None:
    for article in doc(instrument).xpath("//akn:article", namespaces=NS):
        n = article.get("eId").removeprefix("art_")
        assert article.findtext("akn:num", namespaces=NS) == f"Article {n}"
        heading = article.findtext("akn:heading", namespaces=NS)
        assert heading and heading.strip(), f"{FILES[instrument]}: art_{n} has no heading"


@pytest.mark.parametrize("instrument", FILES)
def test_every_provision_carries_a_summary(instrument: str) -> None:
    provisions = ("article", "paragraph", "subparagraph", "point")
    for kind in provisions:
        for el in doc(instrument).xpath(f"//akn:body//akn:{kind}", namespaces=NS):
            has_children = any(el.findall(f"akn:{k}", NS) for k in provisions)
            text = " ".join(el.xpath("akn:content//text()", namespaces=NS)).strip()
            assert has_children or text, f"{FILES[instrument]}: {el.get('eId')} has no summary"


@pytest.mark.parametrize(
    ("instrument", "eid", "unit", "expected"),
    [
        ("BC", "art_16__para_2", "day", [90]),
        ("BC", "art_29__para_7", "day", [60]),
        ("BC", "art_9__para_3", "year", [18, 16]),
        ("BC", "art_24__para_1", "year", [1]),
        ("BC", "art_35__para_1", "hour", [24]),
        ("BC", "art_35__para_1", "day", [7]),
        ("SP", "art_7__para_7", "day", [30]),
        ("SP", "art_8__para_6", "day", [45, 20, 45]),
        ("SP", "art_10__para_5", "hour", [24]),
    ],
)
def test_numbers_match_the_treaty(instrument: str, eid: str, unit: str, expected: list[int]) -> None:
    assert quantities(summary(instrument, eid), unit) == expected


def test_quantity_parser_reads_digits_and_words() -> None:
    assert quantities("kept for ninety days, renewable", "day") == [90]
    assert quantities("within forty-five days and 20 days", "day") == [45, 20]
    assert quantities("at least one year", "year") == [1]


def test_emergency_disclosure_has_no_day_count() -> None:
    text = summary("SP", "art_9")
    assert quantities(text, "day") == []
    assert quantities(text, "hour") == []
    assert not re.search(r"\bdays?\b", text, flags=re.IGNORECASE)


def test_protocol_states_that_its_text_is_unverified() -> None:
    notes = " ".join(doc("SP").xpath("//akn:meta/akn:notes//text()", namespaces=NS))
    assert "NOT CHECKED AGAINST AN OFFICIAL TEXT" in notes


@pytest.mark.skipif(not XSD.is_file(), reason=f"OASIS Akoma Ntoso schema not found at {XSD}")
@pytest.mark.parametrize("instrument", FILES)
def test_validates_against_oasis_schema(instrument: str) -> None:
    schema = _schema()
    valid = schema.validate(doc(instrument))
    assert valid, f"{FILES[instrument]}: {schema.error_log}"


@cache
def _schema() -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(XSD)))


_WORD = re.compile(r"\w+")
_RUN = 12


def _shingles(text: str) -> set[str]:
    words = [w.lower() for w in _WORD.findall(text)]
    return {" ".join(words[i : i + _RUN]) for i in range(len(words) - _RUN + 1)}


@pytest.mark.skipif(
    not TREATY_TEXTS.is_dir(), reason=f"treaty reference texts not found at {TREATY_TEXTS}"
)
@pytest.mark.parametrize("instrument", FILES)
def test_no_treaty_sentence_is_copied(instrument: str) -> None:
    reference: set[str] = set()
    for path in sorted(TREATY_TEXTS.glob("*.txt")):
        reference |= _shingles(path.read_text(encoding="utf-8", errors="ignore"))
    ours = _shingles((CORPUS / FILES[instrument]).read_text(encoding="utf-8"))
    copied = sorted(ours & reference)
    assert not copied, f"{FILES[instrument]} repeats treaty wording: {copied[:3]}"
