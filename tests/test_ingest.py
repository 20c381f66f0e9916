"""Import of .docx and .txt drafts (lawcheck.ingest): structure, Word numbering, metadata,
hostile input, speed, and the four real laws of the devset imported as text and as Word.

The .docx files are built here with python-docx from text (and, for automatic numbering, with
its low-level oxml), so no binary fixture has to be trusted or kept in sync.
"""

from __future__ import annotations

import argparse
import io
import re
import time
import zipfile
from collections import Counter
from pathlib import Path

import docx
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from lxml import etree

from lawcheck.akn import parse_document
from lawcheck.errors import InputError
from lawcheck.ingest import DRAFT_SUFFIXES, convert, import_bytes, import_draft, import_file
from lawcheck.validate import validate_file

DATA = Path(__file__).parent / "data" / "ingest"
NS = "{http://docs.oasis-open.org/legaldocml/ns/akn/3.0}"
LAWS = {  # slug -> (articles or sections in the README table, problems a genuine excerpt has)
    "tz_cca_2015": (59, set()),
    "ca_cc_excerpt": (45, {"numbering-gap", "dangling-reference"}),
    "kz_uk_2014_excerpt": (27, {"numbering-gap", "dangling-reference"}),
    "kz_svyaz_2004_excerpt": (8, {"numbering-gap", "dangling-reference"}),
}
VARIANTS = ("txt", "docx-headings", "docx-plain")
_MARKDOWN = re.compile(r"^(#+)\s+(.*)$")


# -- helpers -------------------------------------------------------------------------------------

def tree(xml: bytes) -> etree._Element:
    return etree.fromstring(xml)


def eids(xml: bytes) -> list[str]:
    return [element.get("eId") for element in tree(xml).iter() if element.get("eId")]


def unit(xml: bytes, eid: str) -> etree._Element:
    found = tree(xml).xpath(f"//*[@eId='{eid}']")
    assert found, f"no unit {eid}"
    return found[0]


def text_of(element: etree._Element) -> str:
    return " ".join(" ".join(element.itertext()).split())


def article_units(root: etree._Element) -> dict[str, etree._Element]:
    return {element.get("eId"): element for element in root.iter(f"{NS}article", f"{NS}section")}


def loose(element: etree._Element) -> str:
    """A unit's text without its num, ignoring whitespace and `.`, `—`, `–` (the devset's own check)."""
    text = "".join(piece for child in element if child.tag != f"{NS}num" for piece in child.itertext())
    return re.sub(r"[\s.—–]", "", text)


def docx_bytes(paragraphs: list[tuple[str, int | None]]) -> bytes:
    """A Word file of (text, heading level or None) paragraphs."""
    document = docx.Document()
    for text, level in paragraphs:
        if level is None:
            document.add_paragraph(text)
        else:
            document.add_heading(text, level=level)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def raw_body(folder: Path, slug: str) -> str:
    """The law text of a devset raw file: what follows the header and its first blank line."""
    return (folder / f"{slug}.txt").read_text(encoding="utf-8").split("\n\n", 1)[1]


def raw_paragraphs(body: str, styled: bool) -> list[tuple[str, int | None]]:
    """The raw text as Word paragraphs: Markdown `#` lines (the Kazakh texts) or the first line
    of each block (the section number and heading of TZ and CA) get a Heading style."""
    markdown = any(_MARKDOWN.match(line) for line in body.splitlines())
    paragraphs: list[tuple[str, int | None]] = []
    for block in body.split("\n\n"):
        lines = [line for line in block.splitlines() if line.strip()]
        for index, line in enumerate(lines):
            heading = _MARKDOWN.match(line)
            if heading:
                paragraphs.append((heading.group(2), min(len(heading.group(1)), 9) if styled else None))
            elif not markdown and index == 0 and len(lines) > 1:
                paragraphs.append((line, 2 if styled else None))
            else:
                paragraphs.append((line, None))
    return paragraphs


def import_variant(folder: Path, slug: str, variant: str) -> bytes:
    body = raw_body(folder, slug)
    if variant == "txt":
        return import_bytes(body.encode("utf-8"), f"{slug}.txt")
    return import_bytes(docx_bytes(raw_paragraphs(body, styled=variant == "docx-headings")), f"{slug}.docx")


@pytest.fixture(scope="module")
def raw_dir(devset: Path) -> Path:
    folder = devset.parent / "raw"
    if not folder.is_dir():
        pytest.skip(f"devset raw texts not found at {folder}")
    return folder


# -- the four real laws ----------------------------------------------------------------------------

@pytest.mark.parametrize("variant", VARIANTS)
@pytest.mark.parametrize("slug", sorted(LAWS))
def test_devset_law_imports_with_every_article(slug: str, variant: str, devset: Path, raw_dir: Path,
                                               tmp_path: Path) -> None:
    xml = import_variant(raw_dir, slug, variant)
    expected_count, allowed = LAWS[slug]
    gold = etree.parse(str(devset / f"{slug}.xml")).getroot()
    gold_units, ours = article_units(gold), article_units(tree(xml))
    assert len(ours) == expected_count == len(gold_units)
    assert list(ours) == list(gold_units), "articles/sections found, in order, with the devset's eIds"
    assert [ours[eid].findtext(f"{NS}heading") for eid in ours] == \
        [gold_units[eid].findtext(f"{NS}heading") for eid in gold_units]
    differing = [eid for eid in gold_units if loose(gold_units[eid]) != loose(ours[eid])]
    assert not differing, f"texts differ from the devset in {differing}"
    gold_eids = {eid for eid in eids(etree.tostring(gold)) if "__" in eid or eid in gold_units}
    found = gold_eids & set(eids(xml))
    assert len(found) >= 0.98 * len(gold_eids), f"sub-units: {len(found)} of {len(gold_eids)} devset eIds"
    path = tmp_path / f"{slug}.xml"
    path.write_bytes(xml)
    problems = validate_file(path)
    assert {problem.code for problem in problems} <= allowed, [str(p) for p in problems if p.code not in allowed]


@pytest.mark.parametrize("variant", VARIANTS)
@pytest.mark.parametrize("slug", sorted(LAWS))
def test_devset_import_passes_the_oasis_schema(slug: str, variant: str, raw_dir: Path, akn_schema: Path,
                                               tmp_path: Path) -> None:
    path = tmp_path / f"{slug}.xml"
    path.write_bytes(import_variant(raw_dir, slug, variant))
    assert [str(p) for p in validate_file(path, schema=akn_schema) if p.code == "schema"] == []


def test_devset_gaps_are_the_sources_own(raw_dir: Path, devset: Path, tmp_path: Path) -> None:
    """The numbering gaps reported for an imported excerpt are exactly those of the devset file."""
    for slug in ("kz_uk_2014_excerpt", "kz_svyaz_2004_excerpt", "ca_cc_excerpt"):
        path = tmp_path / f"{slug}.xml"
        path.write_bytes(import_variant(raw_dir, slug, "txt"))
        ours = Counter(p.message for p in validate_file(path) if p.code == "numbering-gap")
        gold = Counter(p.message for p in validate_file(devset / f"{slug}.xml") if p.code == "numbering-gap")
        assert ours == gold


# -- structure ----------------------------------------------------------------------------------

def test_russian_draft_structure() -> None:
    xml = import_file(DATA / "ru_draft.txt", country="kg", date="2024-05-01")
    ids = eids(xml)
    for eid in ("part_I", "chp_1", "art_1", "art_1__point_2__point_а", "art_2__para_2", "art_2__hcontainer_1",
                "chp_2", "art_94__para_1__point_2", "art_94-1", "art_94-1__para_1", "art_94-2"):
        assert eid in ids
    assert unit(xml, "art_94-1").findtext(f"{NS}num") == "Статья 94-1."  # written 94¹ in the source
    assert unit(xml, "art_2").findtext(f"{NS}heading") == "Сфера действия"  # on the line after "Статья 2."
    assert unit(xml, "art_2__hcontainer_1").get("name") == "note"
    wrap_up = unit(xml, "art_94__para_1").find(f"{NS}wrapUp")
    assert wrap_up is not None and text_of(wrap_up).startswith("если имеются основания")
    intro = unit(xml, "art_1").find(f"{NS}intro")
    assert intro is not None and "основные понятия" in text_of(intro)


def test_english_draft_structure() -> None:
    xml = import_file(DATA / "en_draft.txt")
    ids = eids(xml)
    for eid in ("part_I", "part_II", "sec_1", "sec_2", "sec_3__subsec_1__para_c", "sec_3__subsec_3__para_b__subpara_ii",
                "sec_4__subsec_2__para_c", "sec_4__subsec_3", "sec_5__para_i", "sec_5__para_j"):
        assert eid in ids
    assert unit(xml, "part_II").findtext(f"{NS}heading") == "POWERS"
    assert "sec_5__para_h__subpara_i" not in ids, "(i) after (h) is the letter"
    definitions = unit(xml, "sec_2").find(f"{NS}content").findall(f"{NS}p")
    assert [text_of(p)[:17] for p in definitions] == ["In this Act, unle", '"computer data" m', '"service provider',
                                                      '"traffic data" me']
    assert "sec_2__para_a" not in ids, "a list inside one definition stays in that definition"
    reference = unit(xml, "sec_4__subsec_2__para_c")
    assert text_of(reference).endswith("referred to in paragraphs (a) and (b).")


def test_run_together_text_splits_lists_but_not_references() -> None:
    text = ("7. Search\n(1) An officer may— (a) enter premises; (b) seize data, where— (i) the data is evidence; "
            "or (ii) the data is proceeds; and (c) copy data. (2) Subsection (1) does not apply to data held under "
            "section 5(2) or paragraph (1)(a). Definition of data (3) For the purposes of this section, data has "
            "the meaning in section 2.\n\n8. Other\nText of section 8 referring to subsections (1), (2) and (3).\n")
    xml = import_bytes(text.encode(), "search.txt")
    ids = eids(xml)
    assert {"sec_7__subsec_1__para_a", "sec_7__subsec_1__para_b__subpara_ii", "sec_7__subsec_1__para_c",
            "sec_7__subsec_2", "sec_7__subsec_3", "sec_8"} <= set(ids)
    assert text_of(unit(xml, "sec_7__subsec_2")).endswith("section 5(2) or paragraph (1)(a). Definition of data")
    assert not any(eid.startswith("sec_8__") for eid in ids)


def test_a_heading_that_ends_in_etc_opens_its_section_in_an_excerpt() -> None:
    """An excerpt jumps from section 3 to 43 and 66A; a heading ending "..., etc." is no
    sentence, so each opens its own section instead of joining the one before."""
    text = ("1. Short title\n(1) This Act may be cited as the Electronic Offences Act.\n\n"
            "3. Authentication\n(1) A subscriber may authenticate a record.\n\n"
            "43. Penalty for damage to computer, computer system, etc.\n(1) A person who damages a computer shall "
            "pay compensation.\n\n"
            "66A. Punishment for sending offensive messages, etc.\n(1) A person who sends an offensive message "
            "commits an offence.\n")
    ids = eids(import_bytes(text.encode(), "excerpt.txt"))
    assert {"sec_43", "sec_43__subsec_1", "sec_66A"} <= set(ids)
    assert not any(eid.startswith("sec_3__subsec_1__") for eid in ids)


def test_unquoted_definitions_run_together_are_one_paragraph_each() -> None:
    """"Meaning of expressions" is a definitions heading, and its one run of unquoted terms
    ("...: computer system refers to ...; computer data is ...") gives one definition each."""
    text = ("2. Meaning of expressions\nFor the purposes of this Act the following expressions have the meanings "
            "assigned: computer system refers to any device that processes data automatically; computer data is any "
            "representation of facts suitable for processing; service provider refers to any entity that provides "
            "the ability to communicate.\n\n3. Illegal access\n(1) A person who accesses a computer system without "
            "right commits an offence.\n")
    document = parse_document(import_bytes(text.encode(), "act.txt"), "act.xml")
    assert [d.term for d in document.definitions] == ["computer system", "computer data", "service provider"]


def test_article_style_english_draft() -> None:
    text = ("Article 16 – Expedited preservation\n1 Each Party shall adopt measures.\n2 Each Party shall also "
            "act.\n\nArticle 17. Partial disclosure\n1. A Party shall ensure:\n(a) one thing; and\n(b) another.\n"
            "Article 5 shall apply.\n")
    xml = import_bytes(text.encode(), "convention.txt")
    ids = eids(xml)
    assert {"art_16__para_1", "art_16__para_2", "art_17__para_1__point_a", "art_17__para_1__point_b"} <= set(ids)
    assert "art_5" not in ids, "'Article 5 shall apply' is a sentence, not a heading"


def test_title_and_frbr_metadata() -> None:
    xml = import_file(DATA / "en_draft.txt", country="TZ", date="2024-03-01")
    document = parse_document(xml, "en_draft.xml")
    assert document.frbr.title == "Electronic Evidence Bill, 2024 (Bill No. 7 of 2024)"
    assert document.frbr.work_uri == "/akn/tz/act/2024/7"
    assert document.frbr.expression_uri == "/akn/tz/act/2024/7/eng@2024-03-01"
    assert document.frbr.language == "en" and document.frbr.country == "tz"
    russian = parse_document(import_file(DATA / "ru_draft.txt", title="Проект"), "ru.xml")
    assert russian.frbr.language == "ru" and russian.frbr.title == "Проект"
    assert re.fullmatch(r"/akn/xx/act/\d{4}/ru-draft", russian.frbr.work_uri)


def test_an_acts_number_line_is_not_its_title() -> None:
    """"ACT 1042" above "MUTUAL ASSISTANCE IN CRIMINAL MATTERS ACT, 2025" is the act's number:
    the title is the line that names the Act (and frames its articles as co-operation)."""
    text = ("REPUBLIC OF ASHANORA\nACT 1042\nMUTUAL ASSISTANCE IN CRIMINAL MATTERS ACT, 2025\n\n"
            "1. Short title\nThis Act may be cited as the Mutual Assistance in Criminal Matters Act, 2025.\n"
            "2. Interpretation\nIn this Act, \"foreign State\" means any State other than the Republic.\n")
    document = parse_document(import_bytes(text.encode(), "ma.txt", lang="en"), "ma.xml")
    assert document.frbr.title.startswith("Mutual Assistance in Criminal Matters Act, 2025")


def test_title_defaults_to_the_file_name() -> None:
    document = parse_document(import_bytes(b"1. Text of the first paragraph.\n2. Second.\n", "my draft.txt"), "x")
    assert document.frbr.title == "my draft"
    assert document.frbr.work_uri.endswith("/my-draft")


@pytest.mark.parametrize("options, message", [
    ({"date": "2024"}, "YYYY-MM-DD"),
    ({"date": "2024-02-30"}, "YYYY-MM-DD"),
    ({"country": "Kazakhstan"}, "two-letter"),
    ({"lang": "fr"}, "--lang"),
])
def test_bad_options_are_input_errors(options: dict[str, str], message: str) -> None:
    with pytest.raises(InputError, match=message):
        import_bytes(b"Article 1. Scope\nText.\n", "draft.txt", **options)


def test_unstructured_text_becomes_unnumbered_paragraphs() -> None:
    result = convert(b"Some opening words.\nA second paragraph of the draft.\n", "draft.txt")
    assert result.articles == 0 and result.warnings
    assert eids(result.xml).count("para_nn_1") == 1


def test_hard_wrapped_text_is_rejoined() -> None:
    """Text pasted from a PDF: every line stops near 80 characters, sentences run on."""
    sentence = "The provider shall preserve the specified data for the period stated in the order"
    lines = ["Article 1. Preservation"]
    for number in range(1, 12):
        lines += [f"{number}. {sentence}", "and shall not disclose it."]
    xml = import_bytes("\n".join(lines).encode(), "wrapped.txt")
    assert text_of(unit(xml, "art_1__para_11")).endswith("stated in the order and shall not disclose it.")
    one_per_line = import_bytes(b"Article 1. Scope\n1. First part\nthen a second paragraph.\n", "a.txt")
    assert len(unit(one_per_line, "art_1__para_1").find(f"{NS}content")) == 2


def test_a_schedule_that_lists_penalties_by_article_keeps_an_act_of_numbered_sections() -> None:
    """"Article 2: imprisonment for a term not exceeding two years, or a fine ..." in a schedule is
    an entry, not a heading: the Act's sections "1. Short title", "2. Illegal access" stay sections."""
    text = ("1. Short title\n(1) This Law may be cited as the Penal Code (Amendment) Law.\n"
            "2. Illegal access\n(1) Whoever intentionally enters an information system without right shall be "
            "punished as provided in the Schedule.\nSCHEDULE\nArticle 2: imprisonment for a term not exceeding two "
            "years, or a fine not exceeding twenty thousand, or both, and on a second conviction five years.\n")
    xml = import_bytes(text.encode(), "amendment.txt")
    assert unit(xml, "sec_2").findtext(f"{NS}heading") == "Illegal access"


def test_a_part_an_amending_law_inserts_in_plain_words_is_the_part_it_names() -> None:
    """«статью 168 дополнить частью четвертой следующего содержания: «...»»: the quoted words carry
    no number of their own; they are part 4 of article 168, cited «ст. 168 ч. 4 УК»."""
    from lawcheck.citations import Citations

    text = ("Статья 1. Внести в Уголовный кодекс Республики следующие изменения:\n"
            "1) статью 168 дополнить частью четвертой следующего содержания:\n"
            "«Завладение чужим имуществом путем ввода или изменения компьютерных данных —\n"
            "наказывается лишением свободы на срок от трех до семи лет.»;\n"
            "2) статью 170 дополнить частью второй следующего содержания:\n"
            "«То же деяние, совершенное группой лиц, — наказывается лишением свободы на срок до пяти лет.».\n"
            "Статья 2. Настоящий Закон вступает в силу со дня его опубликования.\n")
    document = parse_document(import_bytes(text.encode(), "amendment.txt"), "amendment.xml")
    [first, _] = document.quoted
    assert Citations(document, "ru").label(first.eid) == "ст. 168 ч. 4 УК (п. 1 ст. 1 проекта)"


def headings(xml: bytes, *elements: str) -> dict[str, str]:
    """eId -> heading of the units of the given kinds, in the order of the draft."""
    wanted = {f"{NS}{element}" for element in elements}
    return {element.get("eId"): element.findtext(f"{NS}heading") or ""
            for element in tree(xml).iter() if element.tag in wanted}


def test_a_section_heading_closed_by_a_full_stop_still_opens_its_section() -> None:
    """"1. SHORT TITLE AND COMMENCEMENT." over "(1) This Act may be cited ...": some drafters end
    a heading with a full stop. It is a heading when its body follows it; a numbered sentence
    followed by the next numbered sentence stays a paragraph."""
    text = ("MAROVA EVIDENCE ACT 2025\n\n1. SHORT TITLE AND COMMENCEMENT.\n(1) This Act may be cited as the "
            "Evidence Act 2025.\n(2) It comes into operation on a date fixed by notice.\n\n2. Interpretation.\n"
            "In this Act, \"data\" means computer data.\n\n3. Repeal.\nThe Evidence Act 1975 is repealed.\n")
    result = convert(text.encode(), "act.txt")
    assert not result.warnings
    assert headings(result.xml, "section") == {"sec_1": "SHORT TITLE AND COMMENCEMENT.", "sec_2": "Interpretation.",
                                               "sec_3": "Repeal."}
    assert {"sec_1__subsec_1", "sec_1__subsec_2"} <= set(eids(result.xml))
    sentences = convert(b"1. The Parties agree.\n2. The Parties meet.\n3. They report.\n", "memo.txt")
    assert sentences.articles == 0, "one-line numbered sentences are paragraphs, not headed sections"


def test_a_heading_line_above_a_numbered_section_is_that_sections_heading() -> None:
    """Commonwealth revised statutes print a section's heading (its marginal note) on its own
    line above "4. (1) A person who ...". The Part heading on the line after "PART II" stays the
    Part's, and a section whose text starts on its number line keeps that text."""
    text = ("PART I\nPRELIMINARY\n\nShort title\n1. This Act may be cited as the Computer Misuse Act, 2025.\n\n"
            "Interpretation\n2. In this Act, unless the context otherwise requires—\n\"computer\" means any device.\n\n"
            "PART II\nOFFENCES\n\nUnauthorised access\n3. (1) A person who accesses a computer without authorisation "
            "commits an offence.\n(2) It is immaterial whether the access is directed at any particular data.\n\n"
            "Access with intent\n4. A person who commits an offence under section 3 with intent commits an offence.\n")
    xml = import_bytes(text.encode(), "act.txt")
    assert headings(xml, "part") == {"part_I": "PRELIMINARY", "part_II": "OFFENCES"}
    assert headings(xml, "section") == {"sec_1": "Short title", "sec_2": "Interpretation",
                                        "sec_3": "Unauthorised access", "sec_4": "Access with intent"}
    assert {"sec_3__subsec_1", "sec_3__subsec_2"} <= set(eids(xml))
    assert text_of(unit(xml, "sec_1")).endswith("cited as the Computer Misuse Act, 2025.")
    assert "Access with intent" not in text_of(unit(xml, "sec_3")), "a heading is not the text of the section before"


def test_canadian_sections_numbered_without_a_full_stop_under_marginal_notes() -> None:
    """Canadian statutes print the marginal note above "18 (1) A justice who ..." or "9 A person
    ...": the number, a space, then the text. Each such line opens its section, headed by the
    note, with (1), (2) as subsections, whether or not a list follows its text."""
    text = ("PART 1\nPRELIMINARY\n\nShort title\n1 This Act may be cited as the Investigations Act 2025.\n\n"
            "Commencement\n2 (1) This Act comes into force on a day fixed by order.\n(2) Different days may be "
            "fixed.\n\nPART 2\nSEARCH\n\nSearch warrant\n3 (1) A justice who is satisfied by information on "
            "oath may issue a warrant.\n(2) The warrant may authorise entry at night.\n\nUse of force\n"
            "4 A person executing a warrant may use such force as is necessary.\n")
    xml = import_bytes(text.encode(), "act.txt")
    assert headings(xml, "part") == {"part_1": "PRELIMINARY", "part_2": "SEARCH"}
    assert headings(xml, "section") == {"sec_1": "Short title", "sec_2": "Commencement", "sec_3": "Search warrant",
                                        "sec_4": "Use of force"}
    assert {"sec_2__subsec_1", "sec_2__subsec_2", "sec_3__subsec_1", "sec_3__subsec_2"} <= set(eids(xml))
    assert unit(xml, "sec_4").findtext(f"{NS}num") == "4"


def test_headings_closed_by_a_full_stop_above_numbered_sections_and_an_arrangement_of_sections() -> None:
    """Older Commonwealth drafting: "Preservation of data." above "33. A person ..." or
    "48.—(1) A person ..." (number, full stop, dash, subsection). The "ARRANGEMENT OF SECTIONS"
    before the long title lists the Parts again: it is front matter, not a second set of Parts,
    and the long title and enacting words after it stay in the preface."""
    text = ("THE DATA ACT, 2025\n\nARRANGEMENT OF SECTIONS\n\nPART I — PRELIMINARY\nPART II — POWERS\n\n"
            "An Act to provide for the preservation of data; and for connected matters.\n\n"
            "ENACTED by the Parliament.\n\nPART I — PRELIMINARY\n\nShort title.\n"
            "1. This Act may be cited as the Data Act, 2025.\n\nPART II — POWERS\n\nPreservation of data.\n"
            "2.—(1) A magistrate may order the preservation of data.\n(2) The order lasts ninety days.\n\n"
            "Disclosure of data.\n3. A magistrate may order the disclosure of traffic data.\n")
    xml = import_bytes(text.encode(), "act.txt")
    assert headings(xml, "part") == {"part_I": "PRELIMINARY", "part_II": "POWERS"}
    assert headings(xml, "section") == {"sec_1": "Short title.", "sec_2": "Preservation of data.",
                                        "sec_3": "Disclosure of data."}
    assert {"sec_2__subsec_1", "sec_2__subsec_2"} <= set(eids(xml))
    preface = text_of(tree(xml).find(f".//{NS}preface"))
    assert "ARRANGEMENT OF SECTIONS PART I — PRELIMINARY PART II — POWERS An Act to provide" in preface
    assert "ENACTED by the Parliament." in preface


def test_unquoted_definitions_after_a_definition_with_items_are_definitions_of_their_own() -> None:
    """"authorising officer means: (a) ...; (b) ..." then "communication includes ...": a line
    that opens a definition ends the items of the one before instead of running on in its last
    item. From there each definition is an unnumbered unit (`hcontainer name="definition"`)
    holding its own items, since AKN has no place for text between two units."""
    text = ("1  Short title\nThis Act may be cited as the Interception Act 2025.\n\n2  Definitions\nIn this Act:\n"
            "agency means the Police Force.\nauthorising officer means:\n(a) for the Police Force—a Superintendent; "
            "and\n(b) for any other agency—an officer designated by its head.\ncommunication includes anything "
            "transmitted by any means.\nservice provider means:\n(a) any entity that provides the ability to "
            "communicate; and\n(b) any other entity that stores data for it.\ntraffic data means data relating to "
            "a communication.\n\n3  Offence\nA person who intercepts a communication commits an offence.\n")
    xml = import_bytes(text.encode(), "act.txt")
    document = parse_document(xml, "act.xml")
    assert [d.term for d in document.definitions] == ["agency", "authorising officer", "communication",
                                                      "service provider", "traffic data"]
    assert {"sec_2__hcontainer_1__para_b", "sec_2__hcontainer_3__para_b"} <= set(eids(xml))
    assert "communication" not in text_of(unit(xml, "sec_2__hcontainer_1__para_b"))


@pytest.mark.parametrize("opening", ['""', "“\"", "“‘"])
def test_a_quoted_insertion_of_definitions_keeps_its_first_definition(opening: str) -> None:
    """An amending Act inserts definitions in quotation marks: '""competent authority" means ...'
    opens with the insertion's quote, then the first term's. The insertion's opening mark goes
    with the instruction, so the first line reads as the definition of "competent authority"."""
    close = {'""': '"', "“\"": "”", "“‘": "”"}[opening]
    term_close = {'""': '"', "“\"": '"', "“‘": "’"}[opening]
    text = ("1. Short title\nThis Act may be cited as the Assistance (Amendment) Act, 2025.\n\n"
            "2. Amendment of section 2 of the principal Act\nSection 2 of the principal Act is amended by inserting "
            f"the following definitions—\n{opening}competent authority{term_close} means an authority empowered to "
            f"order the production of evidence;\n{opening[1]}computer data{term_close} means any representation of "
            f"facts in a form suitable for processing.{close}\n")
    document = parse_document(import_bytes(text.encode(), "act.txt"), "act.xml")
    assert [d.term for d in document.definitions] == ["competent authority", "computer data"]


def test_francophone_article_headings_and_titles() -> None:
    """"Art. 13. – Retention of traffic data", "Art. 1er. –" (the French "first") and "Article 5. –"
    open articles, grouped under "TITLE I – ..."; "Art. 1er" is article 1 for references to it."""
    text = ("LAW No. 2026-17 ON ELECTRONIC COMMUNICATIONS\n\nTITLE I – GENERAL PROVISIONS\n\n"
            "Art. 1er. – Object\nThe present law lays down the framework of electronic communications.\n\n"
            "Art. 2. – Definitions\nIn the present law, is understood as:\n1. Operator: any person holding a licence;\n"
            "2. Subscriber: any person party to a contract with an operator.\n\nTITLE II – PUBLIC SECURITY\n\n"
            "Article 3. – Retention of traffic data\nOperators retain traffic data for one year, as Article 1 "
            "provides.\n")
    result = convert(text.encode(), "law.txt")
    assert result.articles == 3
    assert headings(result.xml, "title") == {"title_I": "GENERAL PROVISIONS", "title_II": "PUBLIC SECURITY"}
    assert headings(result.xml, "article") == {"art_1": "Object", "art_2": "Definitions",
                                               "art_3": "Retention of traffic data"}
    assert unit(result.xml, "art_1").findtext(f"{NS}num") == "Art. 1."
    assert "art_2__para_2" in eids(result.xml)


def test_sections_between_chapters_and_articles_group_the_articles() -> None:
    """In a draft of Articles grouped in Chapters, "Section 1 – ..." groups the Articles after it
    (Chapitre > Section > Article): it is no article-level unit of its own."""
    text = ("DECREE No. 311\n\nCHAPTER I – GENERAL PROVISIONS\n\nArticle 1\nObject\nThe decree lays down rules.\n\n"
            "CHAPTER II – DIRECT COOPERATION\n\nSection 1 – Domain name registration information\n\n"
            "Article 2\nRequests addressed abroad\nThe authority may address a request.\n\n"
            "Article 3\nRequests received\nEntities may disclose information.\n\n"
            "Section 2 – Subscriber information\n\nArticle 4\nOrders\nThe prosecutor may issue an order.\n")
    result = convert(text.encode(), "decree.txt")
    assert result.articles == 4
    groups = headings(result.xml, "subchapter")
    assert groups == {"subchp_1": "Domain name registration information", "subchp_2": "Subscriber information"}
    assert [child.get("eId") for child in unit(result.xml, "subchp_1") if child.get("eId")] == ["art_2", "art_3"]
    assert not any(eid.startswith("sec_") for eid in eids(result.xml))


def test_a_section_inserted_in_straight_quotes_is_quoted_by_its_instruction() -> None:
    """'... the following new section—' then '"4A. Offences ...' up to '... offence."' is the
    section the instruction inserts (a quoted structure, as «Статья 236-1. ...» is in a Russian
    amending act), not text of the amending section; an inserted subsection "(1A)" is a subsection."""
    text = ("1. Short title and commencement\nThis Act may be cited as the Extradition (Amendment) Act, 2025.\n\n"
            "2. Insertion of section 4A in the principal Act\nThe principal Act is amended by inserting the "
            "following new section immediately after section 4—\n\"4A. Offences relating to computer systems\n"
            "(1) An offence under the Cybercrimes Act is an extradition offence.\n(2) No such offence is a political "
            "offence within the meaning of the words \"political offence\" in section 2.\"\n\n"
            "3. Amendment of section 25 of the principal Act\n"
            "Section 25 is amended by inserting after subsection (1)—\n"
            "\"(1A) The magistrate may order that seized computer data be handed over.\"\n")
    xml = import_bytes(text.encode(), "amendment.txt")
    inserted = "sec_2__mod_1__qstr_1__sec_4A"
    assert unit(xml, inserted).findtext(f"{NS}heading") == "Offences relating to computer systems"
    assert {f"{inserted}__subsec_1", f"{inserted}__subsec_2", "sec_3__mod_1__qstr_1__subsec_1A"} <= set(eids(xml))
    assert list(headings(xml, "section")) == ["sec_1", "sec_2", inserted, "sec_3"]
    assert unit(xml, "sec_2__mod_1__qstr_1").get("startQuote") == '"'


def test_a_schedule_is_a_unit_of_its_own_after_the_sections() -> None:
    """"FIRST SCHEDULE" / "(Section 19)" / "PENALTIES" and "SCHEDULE (section 8(2))" open schedules
    (`<hcontainer name="schedule">`, eIds sched_1, sched_2) instead of running on in the last
    section; the reference is the schedule's first text and its Parts are its own."""
    text = ("1. Short title\n(1) This Act may be cited as the Computer Misuse Act.\n\n"
            "2. Penalties\n(1) The penalties are those specified in the First Schedule.\n\n"
            "3. Repeal\n(1) The Computer Misuse Act 1990 is repealed.\n\n"
            "FIRST SCHEDULE\n(Section 2)\nPENALTIES\n"
            "Section 1 (unauthorised access) — a fine of twenty thousand dollars\n\n"
            "SECOND SCHEDULE (section 2(1))\nPart A — Particulars of an order\n1. The issuing authority.\n"
            "2. The date of issue.\n")
    result = convert(text.encode(), "act.txt")
    assert result.articles == 3
    assert text_of(unit(result.xml, "sec_3")).endswith("is repealed."), "the schedule is not text of section 3"
    first, second = unit(result.xml, "sched_1"), unit(result.xml, "sched_2")
    assert (first.get("name"), first.findtext(f"{NS}heading"), first.findtext(f"{NS}subheading")) == \
        ("schedule", "FIRST SCHEDULE", "PENALTIES")
    assert text_of(first.find(f"{NS}content")).startswith("(Section 2) Section 1 (unauthorised access)")
    assert second.findtext(f"{NS}heading") == "SECOND SCHEDULE"
    assert {"sched_2__part_A", "sched_2__part_A__para_2"} <= set(eids(result.xml))
    document = parse_document(result.xml, "act.xml")
    schedule = document.by_eid("sched_1")
    assert schedule is not None and schedule.heading == "FIRST SCHEDULE PENALTIES"


def test_an_article_number_with_a_letter_after_a_hyphen_keeps_its_letter() -> None:
    """"Article 370-A.", "ARTICLE 370-B" and "Article 12-C – ..." are articles inserted after 370 and
    12: each keeps its whole number (eId art_370-A, cited "Art. 370-A"), so that fifteen articles
    inserted after one number are fifteen articles, not fifteen "Art. 370"."""
    from lawcheck.citations import Citations

    text = ("Article 370-A. Illegal access\nAny person who accesses a computer system without right commits an "
            "offence.\n\nARTICLE 370-B\nData interference\nAny person who damages computer data without right commits "
            "an offence.\n\nArticle 12-C – Attempt\n1. An attempt is punishable.\n2. Aiding is punishable.\n")
    xml = import_bytes(text.encode(), "code.txt")
    assert list(headings(xml, "article")) == ["art_370-A", "art_370-B", "art_12-C"]
    assert unit(xml, "art_370-B").findtext(f"{NS}num") == "ARTICLE 370-B"
    document = parse_document(xml, "code.xml")
    assert Citations(document, "en").labels(["art_370-A", "art_12-C__para_2"]) == ["Art. 370-A", "Art. 12-C(2)"]


def test_a_chapter_quoted_by_a_bill_ends_at_its_closing_quote() -> None:
    """A Philippine-style bill: "SECTION 1." then "SEC. 2." sections whose heading runs into the text
    ("Short Title. - This Act ..."), a quoted Chapter numbered in words ("CHAPTER SIX-A") with
    Articles 370-A, 370-B, then the bill's own "SEC. 4." and "SCHEDULE TO CHAPTER SIX-A". The
    closing quote ends the Chapter: the bill's sections and schedule are not text of its last
    article. A quoted Chapter whose heading is not read as a unit ends there all the same."""
    chapter = ("Article 370-A. Illegal access. - Any person who accesses a computer system without right shall "
               "suffer the penalty in the Schedule.\n\nArticle 370-B. Data interference. - Any person who damages "
               "computer data shall suffer the penalty in the Schedule.\"\n\n")
    text = ("SECTION 1. Short Title. - This Act shall be known as the Penal Code Amendment Act.\n\n"
            "SEC. 2. New Chapter. - Title Ten of the Revised Penal Code is hereby amended by inserting the "
            "following new Chapter:\n\n\"{heading}\nCRIMES AGAINST COMPUTER SYSTEMS\n\n" + chapter +
            "SEC. 3. Effectivity. - This Act shall take effect fifteen days after its publication.\n\n"
            "SCHEDULE TO CHAPTER SIX-A\n(Article 370-A)\n\n| Article | Penalty |\n| 370-A | prision mayor |\n")
    for heading, chapter_eid in (("CHAPTER SIX-A", "sec_2__mod_1__qstr_1__chp_SIX-A__"), ("DIVISION ON CYBERCRIME",
                                                                                         "sec_2__mod_1__qstr_1__")):
        xml = import_bytes(text.replace("{heading}", heading).encode(), "bill.txt")
        assert list(headings(xml, "section")) == ["sec_1", "sec_2", "sec_3"]
        assert list(headings(xml, "article")) == [f"{chapter_eid}art_370-A", f"{chapter_eid}art_370-B"]
        assert headings(xml, "section")["sec_1"] == "Short Title."
        assert text_of(unit(xml, "sec_1")).endswith("known as the Penal Code Amendment Act.")
        assert text_of(unit(xml, f"{chapter_eid}art_370-B")).endswith("penalty in the Schedule.")
        assert unit(xml, "sched_1").findtext(f"{NS}heading") == "SCHEDULE TO CHAPTER SIX-A"


GAZETTE = ("REPUBLIC OF TAMARIS\n\nLEGISLATIVE SUPPLEMENT No. 3\n\nThis Supplement contains two Bills:\n"
           "(I) the Evidence Bill 2025; and\n(II) the Criminal Procedure (Amendment) Bill 2025.\n\n"
           "==========\n(I)\nEVIDENCE BILL 2025\n\nAn Act to make provision for electronic records.\n\n"
           "ENACTED by the Parliament of Tamaris.\n\nPART I - PRELIMINARY\n\n1. Short title\nThis Act may be cited "
           "as the Evidence Act 2025.\n\n2. Interpretation\nIn this Act computer means any device.\n\n"
           "==========\n(II)\nCRIMINAL PROCEDURE (AMENDMENT) BILL 2025\n\nAn Act to amend the Criminal Procedure "
           "Code.\n\nENACTED by the Parliament of Tamaris.\n\n1. Short title\nThis Act may be cited as the Criminal "
           "Procedure (Amendment) Act 2025.\n\n2. Insertion of section 118A in the Code\nThe Code is amended by "
           "inserting after section 117 the following section -\n\"118A. Preservation notice\n(1) A police officer "
           "may require the preservation of computer data.\n(2) The notice lasts 30 days.\"\n\n3. Transitional\n"
           "A notice given before the commencement of this Act continues to have effect.\n\nSCHEDULE\n(section 2)\n"
           "FORM 1 - PRESERVATION NOTICE\n")


def test_two_bills_printed_one_after_the_other_are_two_instruments(tmp_path: Path, akn_schema: Path) -> None:
    """A gazette supplement prints two Bills, each numbered from section 1, each with its number
    ("(II)"), name, long title and enacting words. Each Bill is an `<hcontainer name="instrument">`
    holding its own sections (and schedule), so the second Bill's sections are sections, and its
    amendments amendments, not text of the first Bill's last section; the supplement's own words,
    list included, are the preface. Its sections are cited with their Bill: "s. 2 of Bill (II)"."""
    from lawcheck.citations import Citations

    xml = import_bytes(GAZETTE.encode(), "gazette.txt")
    first, second = unit(xml, "instrument_I"), unit(xml, "instrument_II")
    assert (second.get("name"), second.findtext(f"{NS}num"), second.findtext(f"{NS}heading")) == \
        ("instrument", "(II)", "CRIMINAL PROCEDURE (AMENDMENT) BILL 2025")
    assert text_of(second.find(f"{NS}intro")) == ("An Act to amend the Criminal Procedure Code. "
                                                  "ENACTED by the Parliament of Tamaris.")
    assert [e.get("eId") for e in first.iter(f"{NS}section")] == ["instrument_I__part_I__sec_1",
                                                                   "instrument_I__part_I__sec_2"]
    assert [e.get("eId") for e in second if e.tag in (f"{NS}section", f"{NS}hcontainer")] == \
        ["instrument_II__sec_1", "instrument_II__sec_2", "instrument_II__sec_3", "instrument_II__sched_1"]
    assert text_of(unit(xml, "instrument_I__part_I__sec_2")).endswith("computer means any device.")
    assert "(II) the Criminal Procedure" in text_of(tree(xml).find(f".//{NS}preface"))
    path = tmp_path / "gazette.xml"
    path.write_bytes(xml)
    assert [str(p) for p in validate_file(path, schema=akn_schema) if p.code == "schema"] == []
    document = parse_document(xml, "gazette.xml")
    cite = Citations(document, "en")
    inserted = "instrument_II__sec_2__mod_1__qstr_1__sec_118A__subsec_1"
    assert cite.labels(["instrument_I__part_I__sec_2", "instrument_II__sec_2", inserted, "instrument_II"]) == \
        ["s. 2 of Bill (I)", "s. 2 of Bill (II)", "s. 118A(1) of the Code (s. 2 of Bill (II))", "Bill (II)"]
    single = import_bytes(GAZETTE.split("==========\n(II)")[0].encode(), "one.txt")
    assert "instrument" not in single.decode(), "one Bill is no collection of instruments"


def test_russian_definitions_written_as_dash_bullets_are_one_definition_each() -> None:
    """«- абонент - пользователь ...;» after «... следующие основные понятия:»: each dash opens an
    indent (AKN `indent`), one definition each, as the reader finds them. A dash at the start of
    a line that announces no list («— наказывается ...») stays the text's own."""
    text = ("Статья 1. Основные понятия\nВ настоящем Законе используются следующие основные понятия:\n"
            "- абонент - пользователь услуг электрической связи, с которым заключен договор;\n"
            "- оператор связи (далее - оператор) - юридическое лицо, оказывающее услуги связи;\n"
            "- трафик - объем информации, передаваемой по сети.\n"
            "Иные понятия используются в значениях, определенных законодательством.\n\n"
            "Статья 2. Ответственность\nНарушение тайны связи —\n— наказывается штрафом.\n")
    xml = import_bytes(text.encode(), "zakon.txt")
    assert {"art_1__indent_1", "art_1__indent_2", "art_1__indent_3"} <= set(eids(xml))
    assert "art_1__indent_4" not in eids(xml) and "Иные понятия" in text_of(unit(xml, "art_1").find(f"{NS}wrapUp"))
    document = parse_document(xml, "zakon.xml")
    assert [d.term for d in document.definitions] == ["абонент", "оператор связи", "трафик"]
    assert not any(eid.startswith("art_2__") for eid in eids(xml))


def test_windows_1251_russian_text() -> None:
    xml = import_bytes("Статья 1. Предмет\n1. Настоящий Закон регулирует сбор данных.\n".encode("cp1251"),
                       "cp1251.txt")
    assert unit(xml, "art_1").findtext(f"{NS}heading") == "Предмет"


# -- Word ---------------------------------------------------------------------------------------

def _numbering_docx(build) -> bytes:
    document = docx.Document()
    numbering = document.part.numbering_part.element
    build(document, numbering)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _abstract(abstract_id: int, levels: list[tuple[str, str, int]]) -> etree._Element:
    xml = "".join(f'<w:lvl w:ilvl="{index}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
                  f'<w:lvlText w:val="{text}"/></w:lvl>' for index, (fmt, text, start) in enumerate(levels))
    return parse_xml(f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{abstract_id}">{xml}</w:abstractNum>')


def _num(num_id: int, abstract_id: int, restart: int | None = None) -> etree._Element:
    override = (f'<w:lvlOverride w:ilvl="0"><w:startOverride w:val="{restart}"/></w:lvlOverride>'
                if restart is not None else "")
    return parse_xml(f'<w:num {nsdecls("w")} w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/>'
                     f'{override}</w:num>')


def _add_numbering(numbering: etree._Element, abstract: etree._Element, *nums: etree._Element) -> None:
    first_num = numbering.find(qn("w:num"))
    if first_num is not None:
        first_num.addprevious(abstract)  # abstractNums come before nums in the schema
    else:
        numbering.append(abstract)
    for num in nums:
        numbering.append(num)


def _numbered(document, text: str, num_id: int, level: int) -> None:
    paragraph = document.add_paragraph(text)
    paragraph._p.get_or_add_pPr().append(parse_xml(
        f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr>'))


def test_word_automatic_numbering_gives_the_numbers() -> None:
    def build(document, numbering) -> None:
        _add_numbering(numbering, _abstract(90, [("decimal", "%1.", 1), ("russianLower", "%2)", 1),
                                                  ("lowerRoman", "(%3)", 1)]),
                       _num(901, 90), _num(902, 90, restart=1))
        _add_numbering(numbering, _abstract(91, [("decimal", "Статья %1.", 1)]), _num(911, 91))
        heading = document.styles["Heading 2"].element.get_or_add_pPr()
        heading.append(parse_xml(f'<w:numPr {nsdecls("w")}><w:numId w:val="911"/></w:numPr>'))
        document.add_heading("Предмет", level=2)  # numbered by its style: "Статья 1."
        _numbered(document, "Следователь вправе:", 901, 0)
        _numbered(document, "потребовать сохранения данных;", 901, 1)
        _numbered(document, "потребовать раскрытия:", 901, 1)
        _numbered(document, "данных о трафике;", 901, 2)
        _numbered(document, "данных о содержании.", 901, 2)
        _numbered(document, "Срок не превышает девяноста дней.", 901, 0)
        document.add_heading("Полномочия суда", level=2)  # "Статья 2."
        _numbered(document, "Суд рассматривает ходатайство.", 902, 0)  # restarts at 1
        _numbered(document, "Решение суда обжалуется.", 901, 0)  # same abstract list: continues

    xml = import_bytes(_numbering_docx(build), "numbered.docx")
    ids = eids(xml)
    for eid in ("art_1", "art_1__para_1", "art_1__para_1__point_а", "art_1__para_1__point_б__point_ii",
                "art_1__para_2", "art_2", "art_2__para_1", "art_2__para_2"):
        assert eid in ids, eid
    assert unit(xml, "art_1").findtext(f"{NS}heading") == "Предмет"
    assert unit(xml, "art_1__para_1__point_б__point_ii").findtext(f"{NS}num") == "(ii)"
    assert unit(xml, "art_2__para_2").findtext(f"{NS}num") == "2."


def test_word_bullets_are_text_not_numbers() -> None:
    def build(document, numbering) -> None:
        _add_numbering(numbering, _abstract(92, [("bullet", "•", 1)]), _num(921, 92))
        document.add_paragraph("Article 1. Scope")
        document.add_paragraph("1. The following are covered:")
        _numbered(document, "traffic data;", 921, 0)
        _numbered(document, "subscriber information.", 921, 0)

    xml = import_bytes(_numbering_docx(build), "bullets.docx")
    content = unit(xml, "art_1__para_1").find(f"{NS}content")
    assert [text_of(p) for p in content] == ["The following are covered:", "traffic data;",
                                              "subscriber information."]


def test_word_superscript_article_number() -> None:
    document = docx.Document()
    heading = document.add_paragraph()
    heading.add_run("Статья 94")
    heading.add_run("1").font.superscript = True
    heading.add_run(". Срочное сохранение данных")
    document.add_paragraph("1. Текст статьи.")
    buffer = io.BytesIO()
    document.save(buffer)
    xml = import_bytes(buffer.getvalue(), "sup.docx")
    assert unit(xml, "art_94-1").findtext(f"{NS}num") == "Статья 94-1."
    assert "art_94-1__para_1" in eids(xml)


def test_word_tables_and_tracked_changes() -> None:
    document = docx.Document()
    document.add_paragraph("Section 1 – Scope")
    paragraph = document.add_paragraph("This Act applies ")
    paragraph._p.append(parse_xml(f'<w:del {nsdecls("w")} w:id="1" w:author="a"><w:r><w:delText>never'
                                  f'</w:delText></w:r></w:del>'))
    paragraph._p.append(parse_xml(f'<w:ins {nsdecls("w")} w:id="2" w:author="a"><w:r><w:t>always</w:t>'
                                  f'</w:r></w:ins>'))
    table = document.add_table(rows=1, cols=1)
    table.cell(0, 0).text = "(1) A table cell of the draft."
    buffer = io.BytesIO()
    document.save(buffer)
    xml = import_bytes(buffer.getvalue(), "tracked.docx")
    assert text_of(unit(xml, "sec_1")).endswith("This Act applies always (1) A table cell of the draft.")


# -- hostile and broken input -------------------------------------------------------------------

def _zip(entries: dict[str, bytes], compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def _one_line_error(data: bytes, name: str, match: str) -> None:
    with pytest.raises(InputError, match=match) as caught:
        import_bytes(data, name)
    message = str(caught.value)
    assert "\n" not in message and message.startswith(name)


@pytest.mark.parametrize("data, name, match", [
    (b"", "empty.txt", "empty"),
    (b"  \n\t\n", "blank.txt", "empty"),
    (bytes(range(256)) * 40, "junk.txt", "binary"),
    (b"Article 1\x00\x01\x02\x03 text" * 50, "nul.txt", "binary"),
    ("Caf\u00e9 r\u00e9sum\u00e9 na\u00efve".encode("latin-1") * 20, "latin1.txt", "cannot decode"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(512), "old.doc", r"\.doc"),
    (b"%PDF-1.7\n...", "draft.pdf", "PDF"),
    (b"PK\x03\x04" + b"\x00" * 60, "corrupt.docx", "corrupt zip"),
    (bytes(range(256)) * 12, "random.docx", "no zip signature"),
    (_zip({"readme.txt": b"hello"}), "plain.docx", "Content_Types"),
])
def test_bad_input_is_one_line(data: bytes, name: str, match: str) -> None:
    _one_line_error(data, name, match)


def test_not_a_word_document_is_refused() -> None:
    spreadsheet = _zip({"[Content_Types].xml": b'<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats'
                        b'.org/package/2006/content-types"/>', "_rels/.rels": b'<?xml version="1.0"?><Relationships '
                        b'xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>'})
    _one_line_error(spreadsheet, "sheet.docx", "not a readable Word")


def test_zip_bomb_is_refused_before_decompression() -> None:
    started = time.perf_counter()
    bomb = _zip({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"\x00" * (20 * 1024 * 1024)})
    assert len(bomb) < 100_000
    _one_line_error(bomb, "bomb.docx", "zip bomb")
    assert time.perf_counter() - started < 5


def test_doctype_in_a_word_part_is_refused() -> None:
    document = io.BytesIO(docx_bytes([("Article 1. Scope", None)]))
    with zipfile.ZipFile(document) as source:
        entries = {info.filename: source.read(info) for info in source.infolist()}
    entries["word/document.xml"] = entries["word/document.xml"].replace(
        b"?>", b'?><!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>', 1)
    _one_line_error(_zip(entries), "xxe.docx", "DOCTYPE")


def test_oversized_files_are_refused_unread(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    with open(big, "wb") as handle:  # sparse: costs no disk, and must not be read
        handle.truncate(51 * 1024 * 1024)
    with pytest.raises(InputError, match="over the limit"):
        import_file(big)
    with pytest.raises(InputError, match="over the limit"):
        import_bytes(b"Article 1. Text\n" * 100, "small.txt", max_bytes=100)
    with pytest.raises(InputError, match="no such file"):
        import_file(tmp_path / "missing.docx")
    with pytest.raises(InputError, match="directory"):
        import_file(tmp_path)


# -- the API around it --------------------------------------------------------------------------

def test_imported_draft_reads_as_a_document() -> None:
    document = parse_document(import_bytes("Статья 1. Предмет\n1. Текст.\n2. Ещё текст.\n".encode(), "d.txt"), "d")
    assert [provision.eid for provision in document.walk()][:3] == ["art_1", "art_1__para_1", "art_1__para_2"]
    assert document.frbr.language == "ru"
    assert set(DRAFT_SUFFIXES) == {".docx", ".txt"}


def test_import_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from lawcheck.cli.importing import run as run_import

    output = tmp_path / "out.xml"
    args = argparse.Namespace(file=str(DATA / "ru_draft.txt"), output=str(output), lang="auto", title=None,
                              country="kg", date="2024-05-01", max_bytes=None)
    assert run_import(args) == 0
    assert b"/akn/kg/act/2024/" in output.read_bytes()
    assert "5 articles/sections" in capsys.readouterr().err
    assert [problem.code for problem in validate_file(output)] == ["numbering-gap"]  # 94 follows 2
    result = import_draft(DATA / "ru_draft.txt")
    assert result.language == "ru" and result.articles == 5


# -- speed --------------------------------------------------------------------------------------

def long_code(words: int) -> str:
    """A code of at least `words` words: articles of numbered parts with points and notes."""
    article = ("Статья {n}. Заголовок статьи номер {n}\n\n"
               "1. Лицо, совершившее деяние, предусмотренное статьей {n} настоящего Кодекса, подлежит "
               "ответственности в порядке, установленном законом, если иное не предусмотрено международным "
               "договором Республики, ратифицированным в установленном порядке.\n\n"
               "2. Деяние, совершенное:\n\n1) группой лиц по предварительному сговору;\n\n"
               "2) с использованием служебного положения, –\n\n"
               "наказывается штрафом в размере до пяти тысяч месячных расчетных показателей либо лишением "
               "свободы на срок до пяти лет.\n\n"
               "3. См. (1) указанное выше; (2) иное (a) и (b) (c) (i) (ii) (iii) положение.\n\n"
               "Сноска. Статья {n} с изменениями, внесенными Законом от 01.01.2020 № {n}-VI.\n\n")
    per_article = len(article.split())
    return "".join(article.format(n=n) for n in range(1, words // per_article + 2))


def test_a_long_code_imports_every_article() -> None:
    """Every article of a long code is found (the time a 300,000-word code takes is measured
    by benchmarks/responsiveness.py)."""
    text = long_code(30_000)
    articles = text.count("Статья ") - text.count("Сноска. Статья ")
    assert import_bytes(text.encode("utf-8"), "code.txt").count(b"<article ") == articles


@pytest.mark.parametrize("slug", ["tz_cca_2015", "kz_svyaz_2004_excerpt"])
def test_checking_an_imported_law_gives_the_devset_results(slug: str, devset: Path, raw_dir: Path) -> None:
    """End to end: the imported Word file and the hand-made AKN get the same requirement statuses."""
    from lawcheck.akn import read_document
    from lawcheck.pipeline import check_document

    imported = parse_document(import_variant(raw_dir, slug, "docx-plain"), f"{slug}.docx")
    ours = check_document(imported).report
    gold = check_document(read_document(devset / f"{slug}.xml")).report
    statuses = {requirement["id"]: requirement["status"] for requirement in gold["requirements"]}
    assert {requirement["id"]: requirement["status"] for requirement in ours["requirements"]} == statuses
    assert len(ours["findings"]) == len(gold["findings"])
