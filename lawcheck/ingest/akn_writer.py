"""Writing the recognised tree as Akoma Ntoso 3.0 (`<akomaNtoso><act name="act">`).

The AKN `hierarchy` content model is either `content`, or `intro`, child units, `wrapUp`,
never both; so text before the first child unit becomes the `intro`, text after the last one
the `wrapUp`, and text between two child units joins the earlier one (the devset's known
limit for run-together sources). `content`, `intro` and `wrapUp` hold only `<p>`.

eIds are minted by lawcheck.akn's own generator, so an imported draft gets exactly the ids
the reader would give it (`sec_31__subsec_1__para_b`, `art_41-1__para_1`).
"""

from __future__ import annotations

import datetime as dt

from lxml import etree

from lawcheck.akn import generate_eids
from lawcheck.akn.vocab import AKN30
from lawcheck.ingest.definitions import split_definitions
from lawcheck.ingest.metadata import Metadata
from lawcheck.ingest.structure import Node, Outline

_NS = f"{{{AKN30}}}"
_SOURCE = "lawcheck"


def _element(tag: str, parent: etree._Element | None = None, text: str | None = None,
             **attributes: str) -> etree._Element:
    if parent is None:
        element = etree.Element(_NS + tag, attributes, nsmap={None: AKN30})
    else:
        element = etree.SubElement(parent, _NS + tag, attributes)
    if text is not None:
        element.text = text
    return element


def write_akn(outline: Outline, metadata: Metadata, *, source_name: str) -> bytes:
    """The AKN 3.0 document for a recognised outline, as UTF-8 bytes with an XML declaration."""
    root = _element("akomaNtoso")
    act = _element("act", root, name="act")
    act.append(_meta(metadata, source_name))
    if outline.front:
        act.append(_preface(outline.front, outline.title))
    body = _element("body", act)
    for child in _layout_body(outline.body):
        body.append(_unit(child))
    generate_eids(root)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


# -- meta ----------------------------------------------------------------------------------------

def _meta(metadata: Metadata, source_name: str) -> etree._Element:
    meta = _element("meta")
    identification = _element("identification", meta, source=f"#{_SOURCE}")
    work, expression = metadata.work_uri, metadata.expression_uri
    frbr_work = _element("FRBRWork", identification)
    _element("FRBRthis", frbr_work, value=f"{work}/!main")
    _element("FRBRuri", frbr_work, value=work)
    _element("FRBRdate", frbr_work, date=metadata.date, name="draft")
    _element("FRBRauthor", frbr_work, href="#author")
    _element("FRBRcountry", frbr_work, value=metadata.country)
    _element("FRBRnumber", frbr_work, value=metadata.number)
    _element("FRBRname", frbr_work, value=metadata.title)
    frbr_expression = _element("FRBRExpression", identification)
    _element("FRBRthis", frbr_expression, value=f"{expression}/!main")
    _element("FRBRuri", frbr_expression, value=expression)
    _element("FRBRdate", frbr_expression, date=metadata.date, name="expression")
    _element("FRBRauthor", frbr_expression, href="#author")
    _element("FRBRlanguage", frbr_expression, language=metadata.language)
    manifestation = _element("FRBRManifestation", identification)
    _element("FRBRthis", manifestation, value=f"{expression}/!main.xml")
    _element("FRBRuri", manifestation, value=f"{expression}.akn")
    _element("FRBRdate", manifestation, date=dt.date.today().isoformat(), name="transform")
    _element("FRBRauthor", manifestation, href=f"#{_SOURCE}")
    references = _element("references", meta, source=f"#{_SOURCE}")
    _element("TLCOrganization", references, eId=_SOURCE, href="/ontology/organization/lawcheck",
             showAs="lawcheck import")
    _element("TLCOrganization", references, eId="author",
             href=f"/ontology/organization/{metadata.country}.legislature", showAs="Legislature (not stated)")
    notes = _element("notes", meta, source=f"#{_SOURCE}")
    note = _element("note", notes, eId="note_import")
    _element("p", note, f"Imported by lawcheck from {source_name}; the structure was recognised automatically "
                        "from the numbering and headings of the draft.")
    return meta


def _preface(front: list[str], title: str) -> etree._Element:
    preface = _element("preface")
    joined = len(front) > 1 and title == f"{front[0]} {front[1]}"
    for index, text in enumerate(front):
        paragraph = _element("p", preface)
        if joined and index == 0:
            _element("docType", paragraph, text)
        elif (joined and index == 1) or (not joined and text == title):
            _element("docTitle", paragraph, text)
        else:
            paragraph.text = text
    return preface


# -- body ----------------------------------------------------------------------------------------

def _layout(node: Node) -> tuple[list[str], list[Node], list[str]]:
    """Split a unit's parts into intro text, child units and closing text; text between two
    children joins the earlier child (AKN has no place for it)."""
    lead: list[str] = []
    children: list[Node] = []
    pending: list[str] = []
    for part in node.parts:
        if isinstance(part, str):
            (pending if children else lead).append(part)
            continue
        if pending:
            children[-1].parts.extend(pending)
            pending = []
        children.append(part)
    return lead, children, pending


def _layout_body(body: Node) -> list[Node]:
    """The body holds only units: stray text joins the unit before it."""
    lead, children, trailing = _layout(body)
    if lead:  # only possible for a body that starts with text: keep it as an unnumbered paragraph
        children.insert(0, Node("paragraph", parts=list(lead)))
    if trailing and children:
        children[-1].parts.extend(trailing)
    return children


def _unit(node: Node) -> etree._Element:
    element = _element(node.element, **({"name": node.name} if node.name else {}))
    if node.num:
        _element("num", element, node.num)
    if node.heading:
        _element("heading", element, node.heading)
    lead, children, trailing = _layout(node)
    if not children:
        _blocks(_element("content", element), lead, node.definitions)
        return element
    if lead:
        _blocks(_element("intro", element), lead, node.definitions)
    for child in children:
        element.append(_unit(child))
    if trailing:
        _blocks(_element("wrapUp", element), trailing, definitions=False)
    return element


def _blocks(parent: etree._Element, texts: list[str], definitions: bool) -> None:
    """One `<p>` per text (per definition in a definitions unit); an empty unit gets one empty `<p>`."""
    blocks = [piece for text in texts for piece in split_definitions(text)] if definitions else texts
    for text in blocks or [""]:
        _element("p", parent, text)
