"""The same act from Akoma Ntoso, Word and text gives the same result.

Each bundled act is written out as a drafter has it: one paragraph per line of visible text
(the number and heading of an article on one line, a point's number before its words, the
units an amending instruction inserts in « » after the instruction), as a Word file made with
python-docx and as plain text. Importing those must give the XML's title, units, eIds and
numbering, and checking them the XML's statuses and findings.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from functools import cache
from itertools import takewhile
from pathlib import Path
from typing import Any

import docx
import pytest
from lxml import etree

from lawcheck.akn import read_document
from lawcheck.cli import main
from lawcheck.draft import load_upload
from lawcheck.ingest import import_bytes
from lawcheck.pipeline import check_document

NATIONAL = Path(__file__).resolve().parents[1] / "corpora" / "national"
NS = "{http://docs.oasis-open.org/legaldocml/ns/akn/3.0}"
UNITS = {"article", "section", "part", "chapter", "title", "book", "division", "paragraph", "subsection", "point",
         "item", "subparagraph", "clause", "subclause", "indent", "rule"}
HEADED = {"article", "section", "part", "chapter", "title", "book", "division"}
BLOCKS = {"intro", "content", "wrapUp"}


# -- the act as a drafter writes it ------------------------------------------------------------

def _local(element: etree._Element) -> str:
    return etree.QName(element).localname if isinstance(element.tag, str) else ""


def _words(element: etree._Element) -> str:
    """Inline text as shown: quoted words keep their quotation marks; a quoted structure is
    written after its instruction, not inside it."""
    parts = [element.text or ""]
    for child in element:
        if _local(child) == "quotedText":
            parts.append((child.get("startQuote") or "") + _words(child) + (child.get("endQuote") or ""))
        elif _local(child) != "quotedStructure":
            parts.append(_words(child))
        parts.append(child.tail or "")
    return " ".join("".join(parts).split())


def visible_paragraphs(xml: bytes) -> list[str]:
    root = etree.fromstring(xml)
    out = [_words(p) for front in root.iter(NS + "preface") for p in front.iter(NS + "p") if _words(p)]
    for unit in next(root.iter(NS + "body")):
        _unit(unit, out)
    return out


def _unit(element: etree._Element, out: list[str]) -> None:
    num = _words(element.find(NS + "num")) if element.find(NS + "num") is not None else ""
    heading = _words(element.find(NS + "heading")) if element.find(NS + "heading") is not None else ""
    pending = " ".join(part for part in (num, heading) if part)
    if heading or _local(element) in HEADED:  # "Статья 94-1. Заголовок" / "Статья 1." on a line of its own
        out.append(pending)
        pending = ""
    for child in element:
        if _local(child) in BLOCKS:
            for p in child.iter(NS + "p"):
                if not _quoted_inside(p, child):
                    pending = _paragraph(p, out, pending)
        elif _local(child) in UNITS:
            if pending:
                out.append(pending)
                pending = ""
            _unit(child, out)
    if pending:
        out.append(pending)


def _quoted_inside(p: etree._Element, block: etree._Element) -> bool:
    """Is this paragraph part of a quotation inside the block (written out after its instruction)?"""
    between = takewhile(lambda ancestor: ancestor is not block, p.iterancestors())
    return any(_local(ancestor) == "quotedStructure" for ancestor in between)


def _paragraph(p: etree._Element, out: list[str], pending: str) -> str:
    """A block's words after the unit's number; quoted units follow the instruction, the
    first opening with « and the last closing with »; as drafted."""
    out.append(" ".join(part for part in (pending, _words(p)) if part))
    for structure in p.iter(NS + "quotedStructure"):
        quoted: list[str] = []
        for child in structure:
            if _local(child) in UNITS:
                _unit(child, quoted)
        quoted[0] = (structure.get("startQuote") or "«") + quoted[0]
        quoted[-1] += (structure.get("endQuote") or "»") + ";"
        out.extend(quoted)
    return ""


def as_docx(paragraphs: list[str]) -> bytes:
    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def as_text(paragraphs: list[str]) -> bytes:
    return ("\n".join(paragraphs) + "\n").encode("utf-8")


MAKERS: dict[str, Callable[[list[str]], bytes]] = {"docx": as_docx, "txt": as_text}


# -- what is compared --------------------------------------------------------------------------

def units(xml: bytes) -> list[tuple[str, str, str, str]]:
    """Every unit of the body, quoted ones included: eId, element, number and heading."""
    body = next(etree.fromstring(xml).iter(NS + "body"))
    return [(element.get("eId", ""), _local(element), " ".join((element.findtext(NS + "num") or "").split()),
             " ".join((element.findtext(NS + "heading") or "").split()))
            for element in body.iter() if _local(element) in UNITS]


@cache
def original(name: str) -> dict[str, Any]:
    path = NATIONAL / name
    return check_document(read_document(path), source=path.name).report


@cache
def imported(name: str, kind: str) -> tuple[bytes, dict[str, Any]]:
    paragraphs = visible_paragraphs((NATIONAL / name).read_bytes())
    data = MAKERS[kind](paragraphs)
    filename = f"{Path(name).stem}.{kind}"
    draft = load_upload(filename, data)
    return import_bytes(data, filename), check_document(draft.document, source=filename).report


def findings(report: dict[str, Any]) -> list[tuple[Any, ...]]:
    return sorted((f["code"], f.get("requirement", ""), f.get("safeguard", ""), f["category"], f["severity"],
                   tuple(f.get("provisions") or ())) for f in report["findings"])


def elements(report: dict[str, Any], *, with_provisions: bool) -> dict[str, list[tuple[Any, ...]]]:
    return {r["id"]: [(e["id"], e["status"], *((tuple(e.get("provisions") or ()),) if with_provisions else ()))
                      for e in r.get("elements", [])] for r in report["requirements"]}


# -- the Russian amending act ---------------------------------------------------------------------

AMENDMENT = "ru_cpc_amendment.xml"


@pytest.mark.parametrize("kind", ["docx", "txt"])
def test_the_russian_amending_act_imports_as_in_xml(kind: str, tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    xml, report = imported(AMENDMENT, kind)
    expected = original(AMENDMENT)
    assert report["document"]["title"] == expected["document"]["title"]
    assert report["document"]["title"].startswith("Закон Республики Примерия «О внесении")
    assert units(xml) == units((NATIONAL / AMENDMENT).read_bytes())
    # the units an instruction quotes are not merged into it
    document = load_upload(f"act.{kind}", MAKERS[kind](visible_paragraphs((NATIONAL / AMENDMENT).read_bytes())))
    instruction = document.document.by_eid("art_1__point_2")
    assert instruction is not None and instruction.own_text.endswith("следующего содержания:")
    inserted = document.document.by_eid("art_1__point_2__mod_1__qstr_1__art_94-1")
    assert inserted is not None and inserted.heading == "Электронные доказательства"
    first = document.document.by_eid("art_1__point_1__mod_1__qstr_1__point_52-1")
    assert first is not None and first.own_text.startswith("компьютерные данные –")
    # the same check
    assert report["summary"] == expected["summary"]
    assert [(r["id"], r["status"]) for r in report["requirements"]] == [
        (r["id"], r["status"]) for r in expected["requirements"]]
    assert findings(report) == findings(expected)
    assert elements(report, with_provisions=True) == elements(expected, with_provisions=True)
    assert [a["eId"] for a in report["alignment"]] == [a["eId"] for a in expected["alignment"]]
    # and `lawcheck validate` finds nothing wrong with the numbering
    path = tmp_path / "act.xml"
    path.write_bytes(xml)
    assert main(["validate", str(path)]) == 0
    out = capsys.readouterr().out
    assert out.strip().endswith("valid") and "follows" not in out


# -- English acts --------------------------------------------------------------------------------

@pytest.mark.parametrize("name, kind", [("en_gaps_draft.xml", "docx"), ("en_gaps_draft.xml", "txt"),
                                        ("en_model_law.xml", "docx")])
def test_english_acts_import_as_in_xml(name: str, kind: str) -> None:
    """Element provisions are not compared: where the XML puts the words that close a list
    ("..., commits an offence") in its last item, the import puts them after the list, as the
    drafter set them out."""
    xml, report = imported(name, kind)
    expected = original(name)
    assert report["document"]["title"] == expected["document"]["title"]
    assert units(xml) == units((NATIONAL / name).read_bytes())
    assert [(r["id"], r["status"]) for r in report["requirements"]] == [
        (r["id"], r["status"]) for r in expected["requirements"]]
    assert findings(report) == findings(expected)
    assert elements(report, with_provisions=False) == elements(expected, with_provisions=False)


# -- the recogniser's rules, on small drafts -----------------------------------------------------------

def eids(xml: bytes) -> dict[str, str]:
    return {eid: " ".join(num.split()) for eid, _element, num, _heading in units(xml)}


def test_an_enumeration_inside_a_sentence_stays_in_it() -> None:
    text = ("DRAFT LAW ON ORDERS\n\nSection 1. Orders\n(1) A judge may make an order on an application showing: "
            "(1) that the data is needed; (2) that it is stored.\n(2) The order shall state-\n(a) the data; and\n"
            "(i) its kind;\n(ii) its place;\n(b) the period.\n(3) Next.\n")
    found = eids(import_bytes(text.encode(), "orders.txt"))
    assert list(found) == ["sec_1", "sec_1__subsec_1", "sec_1__subsec_2", "sec_1__subsec_2__para_a",
                           "sec_1__subsec_2__para_a__subpara_i", "sec_1__subsec_2__para_a__subpara_ii",
                           "sec_1__subsec_2__para_b", "sec_1__subsec_3"]


def test_a_quotation_that_opens_on_the_instruction_line() -> None:
    text = ("ЗАКОН КЫРГЫЗСКОЙ РЕСПУБЛИКИ\nО внесении изменения в Уголовно-процессуальный кодекс\nПРОЕКТ\n"
            "Статья 1.\nВнести в Уголовно-процессуальный кодекс следующие изменения:\n"
            "1) дополнить статьей 5-1 следующего содержания: «Статья 5-1. Сохранение данных\n"
            "1. Следователь с согласия судьи вправе обязать лицо сохранить данные «как они есть».\n"
            "2. Срок сохранения не превышает девяноста суток.»;\n"
            "2) в статье 7 слова «десять суток» заменить словами «девяносто суток».\n"
            "Статья 2.\nНастоящий Закон вводится в действие со дня опубликования.\n")
    xml = import_bytes(text.encode(), "act.txt")
    found = eids(xml)
    assert list(found) == ["art_1", "art_1__point_1", "art_1__point_1__mod_1__qstr_1__art_5-1",
                           "art_1__point_1__mod_1__qstr_1__art_5-1__para_1",
                           "art_1__point_1__mod_1__qstr_1__art_5-1__para_2", "art_1__point_2", "art_2"]
    document = load_upload("act.txt", text.encode()).document
    assert document.title == "Закон Кыргызской Республики «О внесении изменения в Уголовно-процессуальный кодекс» " \
                             "(проект)"
    assert document.by_eid("art_1__point_2").own_text.startswith("в статье 7 слова «десять суток»")


def test_a_quotation_without_units_stays_text() -> None:
    text = ("Article 1. Amendments\n1. The Code is amended as follows:\n“Any person may apply to the court.”\n"
            "2. Next point.\n")
    found = eids(import_bytes(text.encode(), "act.txt"))
    assert "art_1__para_1__mod_1" not in "".join(found) and list(found) == ["art_1", "art_1__para_1",
                                                                            "art_1__para_2"]


def test_unclosed_quotations_and_repeated_labels_stay_cheap_and_shallow() -> None:
    import time

    unclosed = "Статья 1.\n" + "".join(f"{n}) дополнить статьей следующего содержания: «Статья {n}. текст\n"
                                       for n in range(1, 3001))
    started = time.monotonic()
    found = eids(import_bytes(unclosed.encode(), "act.txt"))
    assert time.monotonic() - started < 20 and "art_1__point_3000" in found
    repeated = "Статья 1.\n" + "1) текст;\n" * 300
    deepest = max(eid.count("__") for eid in eids(import_bytes(repeated.encode(), "act.txt")))
    assert deepest <= 12
