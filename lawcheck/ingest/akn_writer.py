"""Writing the recognised tree as Akoma Ntoso 3.0 (`<akomaNtoso><act name="act">`).

The AKN `hierarchy` content model is either `content`, or `intro`, child units, `wrapUp`,
never both; so text before the first child unit becomes the `intro`, text after the last one
the `wrapUp`, and text between two child units joins the earlier one (the devset's known
limit for run-together sources). `content`, `intro` and `wrapUp` hold only `<p>`.

eIds are minted by lawcheck.akn's own generator, so an imported draft gets exactly the ids
the reader would give it (`sec_31__subsec_1__para_b`, `art_41-1__para_1`). Units quoted by an
amending instruction sit in `<p><mod><quotedStructure>` and are named after the instruction,
as amending acts written in Akoma Ntoso name them: `art_1__point_2__mod_1__qstr_1__art_94-1`.
A schedule is `<hcontainer name="schedule">` (the reader reads its units; `attachments` it
skips), with the eId `sched_1`, `sched_2`... so that findings name it as a lawyer would. Each of
several instruments printed in one draft (two Bills in a gazette supplement) is an
`<hcontainer name="instrument">` with its number and name, its long title and enacting words
as its intro and its own units (valid AKN: a body holds hcontainers, an hcontainer units).
A quoted unit that cites an article or section inserted by another quotation of the same
amending unit (the same amended act: «статьей 94-3 настоящего Кодекса») gets a `<ref>` to it,
since the reader resolves worded references among the act's own units only.
"""

from __future__ import annotations

import datetime as dt

from lxml import etree

from lawcheck.akn import generate_eids
from lawcheck.akn.numbering import clean_num
from lawcheck.akn.references import find_citations
from lawcheck.akn.vocab import AKN30
from lawcheck.ingest.definitions import split_definitions
from lawcheck.ingest.metadata import Metadata
from lawcheck.ingest.structure import INSTRUMENT, SCHEDULE, Node, Outline, Quoted

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


_QUOTED_TARGETS = frozenset({"article", "section"})


def write_akn(outline: Outline, metadata: Metadata, *, source_name: str) -> bytes:
    """The AKN 3.0 document for a recognised outline, as UTF-8 bytes with an XML declaration."""
    root = _element("akomaNtoso")
    act = _element("act", root, name="act")
    act.append(_meta(metadata, source_name))
    if outline.front:
        act.append(_preface(outline))
    body = _element("body", act)
    for child in _layout_body(outline.body):
        body.append(_unit(child))
    _name_schedules(body)
    generate_eids(root)
    _name_quotations(root)
    _link_quotations(body, "ru" if metadata.language == "rus" else "en")
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


def _preface(outline: Outline) -> etree._Element:
    preface = _element("preface")
    for text in outline.front:
        paragraph = _element("p", preface)
        if text and text == outline.doc_type:
            _element("docType", paragraph, text)
        elif text and text == outline.doc_title:
            _element("docTitle", paragraph, text)
        else:
            paragraph.text = text
    return preface


# -- body ----------------------------------------------------------------------------------------

def _layout(node: Node) -> tuple[list[str | Quoted], list[Node], list[str | Quoted]]:
    """Split a unit's parts into intro text, child units and closing text; text between two
    children joins the earlier child (AKN has no place for it)."""
    lead: list[str | Quoted] = []
    children: list[Node] = []
    pending: list[str | Quoted] = []
    for part in node.parts:
        if not isinstance(part, Node):
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
    if node.subheading:
        _element("subheading", element, node.subheading)
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


def _blocks(parent: etree._Element, texts: list[str | Quoted], definitions: bool) -> None:
    """One `<p>` per text (per definition in a definitions unit); an empty unit gets one empty `<p>`."""
    blocks = [piece for text in texts
              for piece in (split_definitions(text) if definitions and isinstance(text, str) else [text])]
    for text in blocks or [""]:
        if isinstance(text, Quoted):
            _quoted(_element("p", parent), text)
        else:
            _element("p", parent, text)


def _quoted(paragraph: etree._Element, quoted: Quoted) -> None:
    """An instruction and the units it quotes: `<mod>words <quotedStructure>units</quotedStructure></mod>`."""
    mod = _element("mod", paragraph, quoted.instruction + " ")
    structure = _element("quotedStructure", mod, startQuote=quoted.start, endQuote=quoted.end)
    for child in _layout_body(quoted.body):
        structure.append(_unit(child))


def _name_schedules(body: etree._Element) -> None:
    """`sched_1`, `sched_2`...: the generator would call a schedule `hcontainer_1`. Several
    instruments printed together are `instrument_I`, `instrument_II` (by their number, else
    their place), and each one's schedules `instrument_II__sched_1`..."""
    instruments = [child for child in body if _is_container(child, INSTRUMENT)]
    for number, instrument in enumerate(instruments, start=1):
        instrument.set("eId", f"{INSTRUMENT}_{clean_num(instrument.findtext(_NS + 'num') or '') or number}")
    for parent, prefix in ((body, ""), *((instrument, instrument.get("eId", "") + "__") for instrument in instruments)):
        schedules = (child for child in parent if _is_container(child, SCHEDULE))
        for number, schedule in enumerate(schedules, start=1):
            schedule.set("eId", f"{prefix}sched_{number}")


def _is_container(element: etree._Element, name: str) -> bool:
    return element.tag == _NS + "hcontainer" and element.get("name") == name


def _name_quotations(root: etree._Element) -> None:
    """`<unit>__mod_N` for each instruction of a unit and `__qstr_N` for its quotations, and the
    quoted units' eIds under it (the generator put them under `<unit>__qstr`, `<unit>__qstr_2`...)."""
    mods: dict[str, int] = {}
    quotations: dict[str, int] = {}
    for mod in root.iter(_NS + "mod"):
        unit = next((a for a in mod.iterancestors() if a.get("eId")), None)
        if unit is None:
            continue
        prefix = unit.get("eId", "")
        mods[prefix] = mods.get(prefix, 0) + 1
        mod_eid = f"{prefix}__mod_{mods[prefix]}"
        mod.set("eId", mod_eid)
        for number, structure in enumerate(mod.iter(_NS + "quotedStructure"), start=1):
            quotations[prefix] = quotations.get(prefix, 0) + 1
            count = quotations[prefix]
            old = f"{prefix}__qstr" if count == 1 else f"{prefix}__qstr_{count}"
            new = f"{mod_eid}__qstr_{number}"
            structure.set("eId", new)
            for element in structure.iterdescendants():
                eid = element.get("eId")
                if eid and eid.startswith(old + "__"):
                    element.set("eId", new + eid[len(old):])


def _link_quotations(body: etree._Element, language: str) -> None:
    """`<ref>`s from quoted units to the articles or sections quoted by the same amending unit."""
    units = [unit for child in body for unit in (child if _is_container(child, INSTRUMENT) else [child])]
    for unit in units:
        structures = list(unit.iter(_NS + "quotedStructure"))
        targets: dict[tuple[str, str], str] = {}
        for structure in structures:
            for inserted in structure:
                kind = etree.QName(inserted).localname
                num = inserted.findtext(_NS + "num") or ""
                if kind in _QUOTED_TARGETS and num and inserted.get("eId"):
                    targets.setdefault((kind, clean_num(num).lower()), inserted.get("eId", ""))
        if not targets:
            continue
        for structure in structures:
            for paragraph in structure.iter(_NS + "p"):
                if paragraph.text and not len(paragraph):
                    _link_paragraph(paragraph, targets, language)


def _link_paragraph(paragraph: etree._Element, targets: dict[tuple[str, str], str], language: str) -> None:
    text = paragraph.text or ""
    links = []
    for citation in find_citations(text, language):
        if citation.external or not citation.chain:
            continue
        kind, number = citation.chain[0]
        kinds = (kind, *({"article", "section"} - {kind})) if kind in _QUOTED_TARGETS else ()
        target = next((targets[(k, number.lower())] for k in kinds if (k, number.lower()) in targets), None)
        if target is not None:
            links.append((citation.start, citation.end, target))
    if not links:
        return
    paragraph.text = text[:links[0][0]]
    for index, (start, end, target) in enumerate(links):
        ref = _element("ref", paragraph, text[start:end], href=f"#{target}")
        ref.tail = text[end:links[index + 1][0] if index + 1 < len(links) else len(text)]
