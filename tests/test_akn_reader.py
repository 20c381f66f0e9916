"""Reading real Akoma Ntoso files into the document model: what a user of lawcheck sees.

The devset (four real laws) and the reference samples (AKN 1.0, UK Lawmaker, Laws.Africa) must
all be read, with the right provisions, titles, references and definitions.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from lxml import etree

from lawcheck.akn import (
    Document,
    Provision,
    clean_num,
    generate_eids,
    parse_document,
    read_document,
    read_xml,
)
from lawcheck.akn.references import find_citations

DEVSET = ("tz_cca_2015", "ca_cc_excerpt", "kz_uk_2014_excerpt", "kz_svyaz_2004_excerpt")


def count(document: Document, element: str) -> int:
    return sum(1 for provision in document.walk() if provision.element == element)


def refs_from(document: Document, eid: str) -> list[tuple[str, str | None]]:
    return [(ref.text, ref.target_eid) for ref in document.by_eid(eid).references]


@pytest.fixture(scope="module")
def tz(shared_dir: Path) -> Document:
    return read_document(shared_dir / "devset" / "akn" / "tz_cca_2015.xml")


@pytest.fixture(scope="module")
def ca(shared_dir: Path) -> Document:
    return read_document(shared_dir / "devset" / "akn" / "ca_cc_excerpt.xml")


@pytest.fixture(scope="module")
def kz_uk(shared_dir: Path) -> Document:
    return read_document(shared_dir / "devset" / "akn" / "kz_uk_2014_excerpt.xml")


@pytest.fixture(scope="module")
def kz_svyaz(shared_dir: Path) -> Document:
    return read_document(shared_dir / "devset" / "akn" / "kz_svyaz_2004_excerpt.xml")


# -- every real file is read ----------------------------------------------------------------

def test_every_devset_and_sample_file_is_read(shared_dir: Path) -> None:
    files = sorted((shared_dir / "devset" / "akn").glob("*.xml"))
    files += sorted((shared_dir / "reference" / "akn" / "samples").glob("*.xml"))
    assert len(files) >= 8
    for path in files:
        document = read_document(path)
        provisions = list(document.walk())
        assert provisions, path.name
        assert all(provision.eid for provision in provisions), path.name
        eids = [provision.eid for provision in provisions]
        assert len(eids) == len(set(eids)), path.name


@pytest.mark.parametrize(("slug", "unit", "units", "title", "language"), [
    ("tz_cca_2015", "section", 59, "Cybercrimes Act, 2015 (Act No. 14 of 2015)", "en"),
    ("ca_cc_excerpt", "section", 45, "Criminal Code, R.S.C. 1985, c. C-46 (excerpt)", "en"),
    ("kz_uk_2014_excerpt", "article", 27, "Уголовный кодекс Республики Казахстан (выдержка)", "ru"),
    ("kz_svyaz_2004_excerpt", "article", 8, "Закон Республики Казахстан «О связи» (выдержка)", "ru"),
])
def test_devset_counts_titles_languages(shared_dir: Path, slug: str, unit: str, units: int,
                                        title: str, language: str) -> None:
    document = read_document(shared_dir / "devset" / "akn" / f"{slug}.xml")
    assert count(document, unit) == units  # the devset README table
    assert document.title == title
    assert document.language == language
    assert document.akn_version == "3.0" and document.doc_type == "act"
    assert document.warnings == ()


def test_tz_structure_and_helpers(tz: Document) -> None:
    assert [p.eid for p in tz.provisions] == [f"part_{n}" for n in
                                              ("I", "II", "III", "IV", "V", "VI", "VII")]
    assert count(tz, "subpart") == 4
    assert tz.frbr.work_uri == "/akn/tz/act/2015/14" and tz.frbr.country == "tz"
    assert tz.frbr.date == "2015-04-25"
    sec_33 = tz.by_eid("sec_33")
    assert sec_33.num == "33." and sec_33.heading == "Expedited preservation"
    assert sec_33.line == 1050
    assert [child.eid for child in sec_33.children][:2] == ["sec_33__subsec_1", "sec_33__subsec_2"]
    subsection = tz.by_eid("sec_33__subsec_2")
    assert subsection.parent is sec_33
    assert [a.eid for a in subsection.ancestors()] == ["sec_33", "part_IV"]
    assert subsection.own_text.startswith("The court may, on application, extend the order")
    assert sec_33.own_text == ""  # all of its text is in its subsections
    assert sec_33.text.startswith("33. Expedited preservation\n(1) Where there is a reasonable ground")
    assert "fourteen days" in sec_33.text and "fourteen days" in tz.text
    assert tz.by_eid("no_such_eid") is None
    walked = [p.eid for p in tz.walk()]
    assert walked.index("part_IV") < walked.index("sec_33") < walked.index("sec_33__subsec_1")


# -- references ---------------------------------------------------------------------------

def test_text_follows_reading_order(kz_uk: Document) -> None:
    """intro, the numbered points, then the wrapUp: «Кража, совершенная: 1) ... – наказывается»."""
    part = kz_uk.by_eid("art_188__para_2")
    lines = part.text.splitlines()
    assert lines[0] == "2. Кража, совершенная:"
    assert lines[1].startswith("1) группой лиц")
    assert lines[-1].startswith("наказывается") and part.closing_text == lines[-1]
    assert part.own_text.startswith("Кража, совершенная:")  # own text: intro and wrapUp
    assert part.own_text.endswith(part.closing_text)


def test_tz_section_33_2_cites_section_35(tz: Document) -> None:
    """The devset README: s.33(2) cites "section 35" by mistake; it still resolves."""
    assert refs_from(tz, "sec_33__subsec_2") == [("section 35", "sec_35")]
    reference = tz.by_eid("sec_33__subsec_2").references[0]
    assert reference.kind == "numeric" and reference.line == 1062 and not reference.dangling
    assert reference.source_eid == "sec_33__subsec_2"


def test_tz_lists_and_relative_references(tz: Document) -> None:
    targets = [target for _text, target in refs_from(tz, "sec_36")]
    assert targets == ["sec_31", "sec_32", "sec_33", "sec_34", "sec_35"]
    assert refs_from(tz, "sec_4__subsec_2") == [("subsection (1)", "sec_4__subsec_1")]
    assert refs_from(tz, "sec_50__subsec_2__para_a") == [("sub-section (1)", "sec_50__subsec_1")]


def test_tz_amending_sections_cite_the_amended_act(tz: Document) -> None:
    """ss.53-57 amend other Acts ("The principal Act is amended in section 124"): their
    references are external, not dangling references to this Act."""
    for eid in ("sec_53", "sec_55", "sec_57", "sec_57__para_a"):
        assert tz.by_eid(eid).references
        assert all(ref.kind == "external" for ref in tz.by_eid(eid).references)
    assert not [ref for ref in tz.references if ref.dangling]


def test_canadian_decimal_numbers_and_citations(ca: Document) -> None:
    assert ca.by_eid("sec_342-1").num == "342.1"
    assert ca.by_eid("sec_430__subsec_4-101").num == "(4.101)"
    # "has the same meaning as in subsection 342.1(2)"
    assert ("subsection 342.1(2)", "sec_342-1__subsec_2") in refs_from(ca, "sec_430__subsec_8")
    financial = ca.by_eid("sec_487-018__subsec_1").references
    assert {(ref.text, ref.kind) for ref in financial} == {("section 2", "external"),
                                                           ("section 5", "external")}


def test_russian_references_resolve_by_number(kz_uk: Document, kz_svyaz: Document) -> None:
    assert refs_from(kz_svyaz, "art_40__para_2") == [("пунктом 3 статьи 15", "art_15__para_3")]
    assert ("пунктом 1-2", "art_41-1__para_1-2") in refs_from(kz_svyaz, "art_41-1__para_1")
    assert refs_from(kz_uk, "art_29__para_2") == [("статью 28", "art_28")]
    # «частями первой или второй» are the parts of the same article, not points of the part
    assert [t for _x, t in refs_from(kz_uk, "art_205__para_3")] == ["art_205__para_1",
                                                                    "art_205__para_2"]
    assert [t for _x, t in refs_from(kz_uk, "art_190__para_4")] == [
        "art_190__para_1", "art_190__para_2", "art_190__para_3"]
    # the excerpt's art. 15 lists articles outside the excerpt: dangling, as they should be
    dangling = [ref.text for ref in kz_uk.references if ref.dangling]
    assert "статья 99" in dangling and "часть вторая статьи 107" in dangling


def test_ref_elements_resolve_in_a_sample(samples: Path) -> None:
    document = read_document(samples / "uk-ipa2024-sec2-qstr-sec226B.excerpt.xml")
    refs = document.by_eid("sec_2__qstr__sec_226B__subsec_3").references
    assert [(ref.kind, ref.href, ref.target_eid) for ref in refs] == [
        ("ref", "#sec_2__qstr__sec_226B__subsec_4", "sec_2__qstr__sec_226B__subsec_4"),
        ("ref", "#sec_2__qstr__sec_226B__subsec_5", "sec_2__qstr__sec_226B__subsec_5"),
        ("ref", "#sec_2__qstr__sec_226B__subsec_6", "sec_2__qstr__sec_226B__subsec_6"),
    ]
    missing = [ref.href for ref in document.references if ref.kind == "ref" and ref.dangling]
    assert missing == ["#sec_2__qstr__sec_226A", "#sec_2__qstr__sec_226A",
                       "#sec_2__qstr__sec_226BA"]


@pytest.mark.parametrize(("text", "language", "chains"), [
    ("section 12", "en", [(("section", "12"),)]),
    ("under s. 33(2) and", "en", [(("section", "33"), ("sub", "2"))]),
    ("Article 94-1", "en", [(("article", "94-1"),)]),
    ("paragraph (a) of subsection (2) of section 5", "en",
     [(("section", "5"), ("subsection", "2"), ("paragraph", "a"))]),
    ("sections 4, 5 and 6", "en", [(("section", "4"),), (("section", "5"),), (("section", "6"),)]),
    ("статьи 94-1", "ru", [(("article", "94-1"),)]),
    ("ст. 232", "ru", [(("article", "232"),)]),
    ("части второй статьи 10", "ru", [(("article", "10"), ("ru_part", "2"))]),
    ("пункт 3 статьи 15", "ru", [(("article", "15"), ("ru_point", "3"))]),
    ("подпунктом 2) пункта 1 статьи 15", "ru",
     [(("article", "15"), ("ru_point", "1"), ("ru_subpoint", "2"))]),
])
def test_worded_reference_forms(text: str, language: str, chains: list) -> None:
    assert [citation.chain for citation in find_citations(text, language)] == chains


@pytest.mark.parametrize(("text", "language"), [
    ("section 2 of the Evidence Act", "en"),
    ("section 29(5) and (7) of the Counter-Terrorism and Security Act 2015", "en"),
    ("[Repealed, 2014, c. 31, s. 16]", "en"),
    ("статьи 10 Закона Республики Казахстан «О связи»", "ru"),
    ("статьей 188 Уголовно-процессуального кодекса", "ru"),
])
def test_references_to_other_laws_are_external(text: str, language: str) -> None:
    assert all(citation.external for citation in find_citations(text, language))
    assert list(find_citations(text, language))


def test_titles_with_years_are_not_references() -> None:
    text = "the Counter-Terrorism (Revised Guidance) Regulations 2023 may be cited"
    assert list(find_citations(text, "en")) == []
    assert [c.external for c in find_citations("статьи 10 настоящего Закона", "ru")] == [False]


# -- definitions --------------------------------------------------------------------------

def test_tz_interpretation_section(tz: Document) -> None:
    terms = {d.term: d for d in tz.definitions}
    computer_data = terms["computer data"]
    assert computer_data.eid == "sec_3" and computer_data.source == "clause"
    assert computer_data.scope == "act"
    assert computer_data.text.startswith("“computer data” means any representation of facts")
    assert sum(1 for d in tz.definitions if d.eid == "sec_3") == 22
    # "“traffic data” means— (a) information relating to communication by means of ...":
    # the paragraphs continue the definition, they define nothing
    assert terms["traffic data"].eid == "sec_34__subsec_2"
    assert not [d for d in tz.definitions if d.eid.startswith("sec_34__subsec_2__")]
    assert terms["premise"].scope == "sec_31"  # "In this section “premise” includes"


def test_kz_svyaz_article_2_defines_terms_in_russian(kz_svyaz: Document) -> None:
    terms = {d.term: d for d in kz_svyaz.definitions}
    assert terms["абонент"].eid == "art_2__point_1"
    assert terms["абонент"].text.startswith("абонент – физическое или юридическое лицо")
    assert terms["служебная информация об абонентах"].eid == "art_2__point_2"
    assert terms["стандартная точка присоединения (подключения)"].eid == "art_2__point_23"
    # deleted points («исключен Законом РК ...») and the «Сноска» note define nothing
    assert "art_2__point_5" not in {d.eid for d in kz_svyaz.definitions}
    assert not [d for d in kz_svyaz.definitions if not d.eid.startswith("art_2__point_")]
    assert len(terms) > 80


def test_no_definitions_from_ordinary_sentences(kz_uk: Document, akn) -> None:
    # the code defines only crime and criminal misdemeanour («Преступлением признается ...»)
    assert [(d.term, d.eid) for d in kz_uk.definitions] == [("Преступлением", "art_10__para_2"),
                                                            ("Уголовным проступком", "art_10__para_3")]
    body = """<section eId="sec_1"><num>1.</num><heading>Powers</heading><content>
      <p>The Minister means to act quickly; this includes any order.</p>
      <p>A court includes a judge in chambers.</p></content></section>"""
    assert parse_document(akn(body), "draft.xml").definitions == ()


def test_canadian_definitions_and_scopes(ca: Document) -> None:
    computer = [d for d in ca.definitions if d.term == "computer data"]
    assert [(d.eid, d.scope) for d in computer] == [("sec_342-1__subsec_2", "sec_342-1"),
                                                    ("sec_430__subsec_8", "sec_430")]
    # "computer password computer password means": the consolidation repeats the term
    assert "computer password" in {d.term for d in ca.definitions}


def test_markup_definitions(samples: Path) -> None:
    document = read_document(samples / "za-cpt-liquor-trading-bylaw-2010.indigo-fixture.xml")
    assert [(d.term, d.eid, d.source) for d in document.definitions] == [
        ("agricultural area", "sec_1__subsec_1", "markup")]
    assert "<attachments> (schedules) not read as provisions" in document.warnings


def test_a_russian_term_in_the_instrumental_before_priznaetsya_is_defined(akn) -> None:
    body = """<article eId="art_4"><num>Статья 4.</num><heading>Обязанности поставщиков</heading>
      <paragraph eId="art_4__para_1"><num>1.</num><content><p>Для целей настоящей статьи поставщиком услуг
      признается любое лицо, предоставляющее пользователям возможность обмениваться информацией.</p></content>
      </paragraph><paragraph eId="art_4__para_2"><num>2.</num><content><p>Лицо признается виновным только по
      приговору суда. Деяние, совершенное в состоянии крайней необходимости, не признается преступлением.</p>
      </content></paragraph></article>"""
    document = parse_document(akn(body, language="rus"), "draft.xml")
    assert [(d.term, d.eid) for d in document.definitions] == [("поставщиком услуг", "art_4__para_1")]


def test_russian_pod_ponimaetsya(akn) -> None:
    body = """<article eId="art_1"><num>Статья 1.</num><heading>Сфера действия</heading>
      <content><p>Для целей настоящей статьи под компьютерной информацией понимается информация
      в электронной форме.</p></content></article>"""
    document = parse_document(akn(body, language="rus"), "draft.xml")
    assert [(d.term, d.scope) for d in document.definitions] == [
        ("компьютерной информацией", "art_1")]


# -- samples in other dialects ------------------------------------------------------------

def test_akn_1_0_amending_act(samples: Path) -> None:
    document = read_document(samples / "ke-retirement-benefits-amendment-act-2003.akn10.xml")
    assert document.akn_version == "1.0"
    assert any("1.0" in warning for warning in document.warnings)
    assert document.title == "THE RETIREMENT BENEFITS (AMENDMENT)"
    assert document.language == "en" and document.frbr.country == "ke"
    assert count(document, "article") == 7
    assert document.by_eid("art2").heading.startswith("Amendment of section 2")
    # quoted provisions belong to the amended acts: kept apart, found by eId
    quoted_eids = {p.eid for top in document.quoted for p in top.walk()}
    assert "mod3-qtd1-art54.a" in quoted_eids
    assert not quoted_eids & {p.eid for p in document.walk()}
    assert document.by_eid("mod3-qtd1-art54.a").quoted_in == "art6-cla1"
    assert not [ref for ref in document.references if ref.dangling]
    assert all(ref.kind == "external" for ref in document.references)


def test_uk_lawmaker_bill(samples: Path) -> None:
    document = read_document(samples / "uk-ctsa2015-prevent-guidance-regs-2023.lawmaker-akn3.xml")
    assert document.doc_type == "bill"
    assert document.title.startswith("The Counter-Terrorism and Security Act 2015")
    regulations = [p for p in document.provisions if p.name == "regulation"]
    assert [(p.eid, p.num, p.heading) for p in regulations] == [
        ("reg_1", "1.", "Citation, commencement and extent"),
        ("reg_2", "2.", "Revised guidance under section 29")]
    assert "The Secretary of State makes these" in document.front_text
    assert not [ref for ref in document.references if ref.dangling]


def test_fragment_root_is_read_with_a_warning(samples: Path) -> None:
    document = read_document(samples / "uk-ipa2024-sec2-qstr-sec226B.excerpt.xml")
    assert document.doc_type == "portion"
    assert [p.eid for p in document.provisions] == ["sec_2__qstr__sec_226B"]
    assert any("fragment" in warning for warning in document.warnings)
    assert [d.term for d in document.definitions] == ["individual authorisation"]


# -- eIds -----------------------------------------------------------------------------------

DRAFT_WITHOUT_EIDS = """
<chapter><num>Глава 1.</num><heading>Общие положения</heading>
  <article><num>Статья 1.</num><heading>Понятия</heading>
    <paragraph><num>1.</num><content><p>Первое.</p></content></paragraph>
    <paragraph><num>1-1.</num><content><p>Вставка.</p></content></paragraph>
    <paragraph><content><p>Без номера.</p></content></paragraph>
    <paragraph><content><p>Тоже без номера.</p></content></paragraph>
    <hcontainer name="note"><content><p>Сноска.</p></content></hcontainer>
  </article>
  <article><num>Статья 41-1.</num>
    <paragraph><num>2.</num><intro><p>Вводные слова:</p></intro>
      <point><num>1)</num><content><p>один;</p></content></point>
      <point><num>1)</num><content><p>повтор номера;</p></content></point>
    </paragraph>
  </article>
</chapter>
<chapter><num>Глава 2.</num>
  <section><num>342.1</num>
    <subsection><num>(4.101)</num><content><p>Canadian style.</p></content></subsection>
    <subsection><num>(2)</num><content><p>See subsection (4.101).</p></content></subsection>
  </section>
</chapter>
"""


def test_eids_generated_by_the_naming_convention(akn) -> None:
    document = parse_document(akn(DRAFT_WITHOUT_EIDS), "draft.xml")
    eids = [p.eid for p in document.walk()]
    assert eids == [
        "chp_1", "art_1", "art_1__para_1", "art_1__para_1-1", "art_1__para_nn_1",
        "art_1__para_nn_2", "art_1__hcontainer_1", "art_41-1", "art_41-1__para_2",
        "art_41-1__para_2__point_1", "art_41-1__para_2__point_1_2",
        "chp_2", "sec_342-1", "sec_342-1__subsec_4-101", "sec_342-1__subsec_2"]
    assert any("generated" in warning for warning in document.warnings)
    # the generated eIds are usable at once: references resolve to them
    assert refs_from(document, "sec_342-1__subsec_2") == [("subsection (4.101)",
                                                            "sec_342-1__subsec_4-101")]


def test_generate_eids_keeps_existing_ones_and_avoids_collisions(tmp_path: Path, akn) -> None:
    body = """<section eId="sec_1"><num>1.</num><content><p>Kept.</p></content></section>
      <section><num>1.</num><content><p>Same number.</p></content></section>
      <section><num>2.</num><subsection><num>(1)</num><content><p>x</p></content></subsection>
        <subsection><content><p><mod>insert <quotedStructure><section><num>7A</num>
        <content><p>Quoted.</p></content></section></quotedStructure></mod></p></content>
        </subsection></section>"""
    path = tmp_path / "draft.xml"
    path.write_bytes(akn(body))
    root = read_xml(path)
    assert generate_eids(root) == 5
    assert generate_eids(root) == 0  # idempotent
    document = read_document(path)
    assert [p.eid for p in document.walk()] == ["sec_1", "sec_1_2", "sec_2", "sec_2__subsec_1",
                                                "sec_2__subsec_nn_1"]
    assert [p.eid for p in document.quoted] == ["sec_2__subsec_nn_1__qstr__sec_7A"]


def test_repeated_numbers_get_the_next_free_suffix_around_existing_ones(tmp_path: Path, akn) -> None:
    """Items that all read "1)" get sec_1__para_1, _2, _3 ..., skipping an eId already taken."""
    items = "".join(f"<paragraph><num>1)</num><content><p>item {i}</p></content></paragraph>" for i in range(4))
    body = (f'<section eId="sec_1"><num>1.</num><paragraph eId="sec_1__para_1_3"><num>9)</num>'
            f"<content><p>kept</p></content></paragraph>{items}</section>")
    path = tmp_path / "draft.xml"
    path.write_bytes(akn(body))
    root = read_xml(path)
    assert generate_eids(root) == 4
    path.write_bytes(etree.tostring(root))
    assert [p.eid for p in read_document(path).walk()][2:] == ["sec_1__para_1", "sec_1__para_1_2",
                                                                "sec_1__para_1_4", "sec_1__para_1_5"]


def test_both_eid_styles_resolve_by_number(akn) -> None:
    """Full-path eIds (chp_2__sec_3) work like document-unique ones (sec_3)."""
    body = """<chapter eId="chp_1"><num>1</num>
        <section eId="chp_1__sec_1"><num>1</num><content><p>See section 3(2).</p></content></section>
      </chapter>
      <chapter eId="chp_2"><num>2</num>
        <section eId="chp_2__sec_2"><num>2</num><content><p>Text.</p></content></section>
        <section eId="chp_2__sec_3"><num>3</num>
          <subsection eId="chp_2__sec_3__subsec_1"><num>(1)</num><content><p>x</p></content></subsection>
          <subsection eId="chp_2__sec_3__subsec_2"><num>(2)</num><content><p>See subsection (1)
          and section 2.</p></content></subsection>
        </section>
      </chapter>"""
    document = parse_document(akn(body), "draft.xml")
    assert refs_from(document, "chp_1__sec_1") == [("section 3(2)", "chp_2__sec_3__subsec_2")]
    assert refs_from(document, "chp_2__sec_3__subsec_2") == [
        ("subsection (1)", "chp_2__sec_3__subsec_1"), ("section 2", "chp_2__sec_2")]


@pytest.mark.parametrize(("written", "token"), [
    ("Article 5", "5"), ("Статья 41-1.", "41-1"), ("Section 5A", "5A"), ("342.1", "342-1"),
    ("(4.101)", "4-101"), ("(c.1)", "c-1"), ("Part VII", "VII"), ("1)", "1"), ("§ 12", "12"),
    ("РАЗДЕЛ 1.", "1"),
])
def test_clean_num(written: str, token: str) -> None:
    assert clean_num(written) == token


def test_parse_document_from_bytes_and_language_codes(akn) -> None:
    body = '<section eId="sec_1"><num>1.</num><content><p>Text.</p></content></section>'
    document = parse_document(akn(body, language="kaz"), "upload.xml")
    assert document.source == "upload.xml" and document.language == "kk"
    assert isinstance(document.provisions[0], Provision)
    assert Counter(p.element for p in document.walk()) == {"section": 1}


def test_a_russian_quoted_term_defined_with_a_plural_verb(akn) -> None:
    body = """<article eId="art_2"><num>Статья 2.</num><heading>Значение терминов</heading>
      <paragraph eId="art_2__para_1"><num>1.</num><content><p>«Данные о трафике» означают компьютерные данные,
      указывающие на источник, назначение, маршрут и время передачи сообщения.</p></content></paragraph>
      </article>"""
    document = parse_document(akn(body, language="rus"), "draft.xml")
    assert [d.term for d in document.definitions] == ["Данные о трафике"]


def test_unquoted_english_terms_defined_with_is_in_an_interpretation_section(akn) -> None:
    body = """<section eId="sec_2"><num>2.</num><heading>Interpretation</heading><content>
      <p>In this Act—</p>
      <p>computer data is any representation of facts, information or concepts suitable for processing;</p>
      <p>traffic data is data relating to a communication by means of a computer system;</p>
      <p>This section is to be read with section 5.</p></content></section>"""
    document = parse_document(akn(body), "draft.xml")
    assert [d.term for d in document.definitions] == ["computer data", "traffic data"]


def test_a_codes_rule_of_liability_worded_with_priznaetsya_is_no_definition(akn) -> None:
    """«Покушением на преступление признаются умышленные действия ...» is the code's rule on
    attempt (Art. 11), not a definition; «Провайдером в настоящем Законе признается ...» says
    for what it defines, and is one."""
    body = """<article eId="art_30"><num>Статья 30.</num><heading>Покушение на преступление</heading>
      <paragraph eId="art_30__para_1"><num>1.</num><content><p>Покушением на преступление признаются умышленные
      действия лица, непосредственно направленные на совершение преступления.</p></content></paragraph></article>
      <article eId="art_31"><num>Статья 31.</num><heading>Обязанности провайдеров</heading>
      <paragraph eId="art_31__para_1"><num>1.</num><content><p>Провайдером в настоящем Законе признается любое
      лицо, предоставляющее услуги связи.</p></content></paragraph></article>"""
    document = parse_document(akn(body, language="rus"), "draft.xml")
    assert [(d.term, d.eid) for d in document.definitions] == [("Провайдером", "art_31__para_1")]
