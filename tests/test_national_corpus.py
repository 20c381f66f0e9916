"""The national corpus: four drafts written by the project in Akoma Ntoso 3.0 with gold
annotations (corpora/national/). Schema validity (when the shared reference folder is present),
complete gold files whose eIds exist, and the deliberate conflicts of the gaps draft."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import pytest
from lxml import etree

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpora" / "national"
GOLD = CORPUS / "gold"
XSD = ROOT.parent / "shared" / "reference" / "akn" / "akomantoso30.xsd"

NS = {"akn": "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"}
DRAFTS = {
    "en_model_law": "en",
    "en_gaps_draft": "en",
    "ru_cpc_amendment": "ru",
    "ru_complete_draft": "ru",
}
FRBR_LANGUAGE = {"en": "eng", "ru": "rus"}
ARTICLE_KEYS = [f"BC-{n}" for n in range(1, 36)] + [f"SP-{n}" for n in range(6, 15)]
SAFEGUARD_KEYS = [f"BC-{n}" for n in range(16, 22)]
STATUSES = {"implemented", "partial", "missing"}


@cache
def doc(slug: str) -> etree._ElementTree:
    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    return etree.parse(str(CORPUS / f"{slug}.xml"), parser)


@cache
def gold(slug: str) -> dict:
    return json.loads((GOLD / f"{slug}.json").read_text(encoding="utf-8"))


@cache
def eids(slug: str) -> frozenset[str]:
    return frozenset(e.get("eId") for e in doc(slug).iter() if e.get("eId"))


@cache
def schema() -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(XSD)))


def cited(slug: str) -> list[tuple[str, str]]:
    g = gold(slug)
    pairs = [(key, p) for key, entry in g["articles"].items() for p in entry["provisions"]]
    pairs += [(f"safeguards {key}", p) for key, entry in g["safeguards"].items() for p in entry["provisions"]]
    return pairs


@pytest.mark.parametrize("slug", DRAFTS)
def test_validates_against_oasis_schema(slug):
    if not XSD.is_file():
        pytest.skip(f"OASIS schema not found at {XSD} (the shared reference folder is absent)")
    s = schema()
    assert s.validate(doc(slug)), f"{slug}.xml: {s.error_log.last_error}"


@pytest.mark.parametrize("slug", DRAFTS)
def test_identification_and_language(slug):
    root = doc(slug).getroot()
    assert root.tag == f"{{{NS['akn']}}}akomaNtoso"
    act = root.find("akn:act", NS)
    assert act is not None, "the document type must be <act>"
    ident = act.find("akn:meta/akn:identification", NS)
    for level in ("FRBRWork", "FRBRExpression", "FRBRManifestation"):
        for child in ("FRBRthis", "FRBRuri", "FRBRdate", "FRBRauthor"):
            assert ident.find(f"akn:{level}/akn:{child}", NS) is not None, f"{level}/{child} missing"
    assert ident.find("akn:FRBRWork/akn:FRBRcountry", NS).get("value") == "xx"
    lang = ident.find("akn:FRBRExpression/akn:FRBRlanguage", NS).get("language")
    assert lang == FRBR_LANGUAGE[DRAFTS[slug]]
    assert gold(slug)["language"] == DRAFTS[slug]


@pytest.mark.parametrize("slug", DRAFTS)
def test_internal_references_resolve(slug):
    hrefs = [e.get("href") for e in doc(slug).iter() if (e.get("href") or "").startswith("#")]
    dangling = sorted({h for h in hrefs if h[1:] not in eids(slug)})
    assert not dangling, f"{slug}.xml: references to no eId: {dangling}"
    refs = doc(slug).findall(".//akn:body//akn:ref", NS)
    assert len(refs) >= 3, "each draft should carry a few cross-references"


@pytest.mark.parametrize("slug", DRAFTS)
def test_gold_is_complete(slug):
    g = gold(slug)
    assert set(g) == {"law", "source", "language", "akn", "confidence", "general_note", "articles", "safeguards"}
    assert g["source"] == "lawcheck corpus, written by the project"
    assert (CORPUS / g["akn"]).resolve() == (CORPUS / f"{slug}.xml").resolve()
    assert list(g["articles"]) == ARTICLE_KEYS
    assert list(g["safeguards"]) == SAFEGUARD_KEYS
    for key, entry in g["articles"].items():
        assert set(entry) == {"status", "provisions", "note"}, key
        assert entry["status"] in STATUSES, key
        assert entry["note"].strip(), key
    for key, entry in g["safeguards"].items():
        assert set(entry) == {"judicial_or_independent_supervision", "provisions", "note"}, key
        assert isinstance(entry["judicial_or_independent_supervision"], bool), key


@pytest.mark.parametrize("slug", DRAFTS)
def test_missing_cites_nothing_and_others_cite_something(slug):
    for key, entry in gold(slug)["articles"].items():
        if entry["status"] == "missing":
            assert entry["provisions"] == [], f"{key} is missing but cites {entry['provisions']}"
        else:
            assert entry["provisions"], f"{key} is {entry['status']} but cites nothing"


@pytest.mark.parametrize("slug", DRAFTS)
def test_gold_eids_exist(slug):
    absent = [(key, p) for key, p in cited(slug) if p not in eids(slug)]
    assert not absent, f"{slug}: gold cites eIds that are not in the AKN file: {absent}"


@pytest.mark.parametrize("slug", ["en_model_law", "ru_complete_draft"])
def test_complete_drafts_implement_everything(slug):
    g = gold(slug)
    assert {e["status"] for e in g["articles"].values()} == {"implemented"}
    assert all(e["judicial_or_independent_supervision"] for e in g["safeguards"].values())


def test_gaps_draft_marks_the_deliberate_conflicts():
    g = gold("en_gaps_draft")
    general = g["general_note"]
    assert "DELIBERATE CONFLICTS" in general
    bc16, bc29 = g["articles"]["BC-16"], g["articles"]["BC-29"]
    assert bc16["status"] == "partial" and "CONFLICT (Art. 16(2)" in bc16["note"] and "180 days" in bc16["note"]
    assert bc29["status"] == "partial"
    assert "CONFLICT (Art. 29(3)" in bc29["note"] and "dual criminality" in bc29["note"]
    assert "CONFLICT (Art. 29(7)" in bc29["note"] and "30 days" in bc29["note"]
    assert "180 days" in general and "dual criminality" in general
    # the conflicting provisions are the ones the gold cites
    assert "sec_16" in bc16["provisions"] and "sec_23" in bc29["provisions"]
    text16 = " ".join(doc("en_gaps_draft").xpath("//akn:section[@eId='sec_16']//text()", namespaces=NS))
    text23 = " ".join(doc("en_gaps_draft").xpath("//akn:section[@eId='sec_23']//text()", namespaces=NS))
    assert "one hundred and eighty days" in text16 and "renew" not in text16
    assert "would constitute an offence under the law of Sampleland" in text23
    assert "thirty days" in text23


def test_gaps_draft_deliberate_gaps():
    g = gold("en_gaps_draft")
    for key in ("BC-17", "BC-20"):
        assert g["articles"][key]["status"] == "missing", key
    assert g["safeguards"]["BC-21"]["judicial_or_independent_supervision"] is False
    assert g["articles"]["BC-21"]["status"] == "partial"


def test_amendment_quotes_the_new_code_articles():
    tree = doc("ru_cpc_amendment")
    assert tree.getroot().find("akn:act", NS).get("name") == "amendmentAct"
    quoted = tree.xpath("//akn:mod/akn:quotedStructure/akn:article/@eId", namespaces=NS)
    for number in ("94-1", "94-2", "94-3", "238-1", "510-4", "510-5", "510-6"):
        assert any(e.endswith(f"__qstr_1__art_{number}") for e in quoted), number
    for eid in tree.xpath("//akn:quotedStructure//@eId", namespaces=NS):
        assert "__qstr_1" in eid, f"quoted eId without its quoted-structure prefix: {eid}"
    provisions = [p for _, p in cited("ru_cpc_amendment")]
    assert any("__qstr_1__art_94-2" in p for p in provisions)
