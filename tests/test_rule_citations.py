"""Every paragraph a rule cites exists in the treaty corpus (corpora/budapest_convention)."""

from __future__ import annotations

import re

import pytest
from lxml import etree

from lawcheck.data import data_dir
from lawcheck.rulebook.loader import load_rulebook

_FILES = {"BC": "ets185.xml", "SP": "cets224.xml"}
_PARTS = re.compile(r"\(([0-9a-z]+)\)")


def _eids(instrument: str) -> set[str]:
    path = data_dir("corpora") / "budapest_convention" / _FILES[instrument]
    tree = etree.parse(str(path), etree.XMLParser(resolve_entities=False, no_network=True))
    return {e.get("eId") for e in tree.iter() if e.get("eId")}


EIDS = {instrument: _eids(instrument) for instrument in _FILES}


def resolve(instrument: str, cite: str) -> str | None:
    """The eId of a citation such as 16(2), 9(1)(a) or 1(c)(ii), or None."""
    article, rest = re.match(r"^(\d+)(.*)$", cite).groups()  # type: ignore[union-attr]
    candidates = [f"art_{article}"]
    for part in _PARTS.findall(rest):
        candidates = [f"{c}__{kind}_{part}" for c in candidates
                      for kind in ("para", "subpara", "point", "list", "item")]
        candidates = [c for c in candidates if c in EIDS[instrument]]
    return next((c for c in candidates if c in EIDS[instrument]), None)


def _citations() -> list[object]:
    params = []
    for r in load_rulebook().requirements:
        cites = set(r.cites) | {e.cites for e in r.elements} | \
            {o.cites for o in r.reservations + r.declarations}
        params += [pytest.param(r.instrument, c, id=f"{r.id}:{c}") for c in sorted(cites)]
    return params


@pytest.mark.parametrize(("instrument", "cite"), _citations())
def test_citation_points_at_an_existing_paragraph(instrument: str, cite: str) -> None:
    assert resolve(instrument, cite), f"{instrument} {cite} is not a paragraph of the treaty corpus"


def test_resolver_understands_nested_citations() -> None:
    assert resolve("BC", "16(2)") == "art_16__para_2"
    assert resolve("BC", "16(9)") is None
