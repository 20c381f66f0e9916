"""Amending acts applied to the act they amend (lawcheck.amend).

Pairs in tests/data/diff/: a Russian Criminal Procedure Code excerpt with the corpus amending law
(AKN mod/quotedStructure/quotedText) and with a plain-text amending law (as imported from Word);
an English principal Act with a plain-text Bill and with an AKN Bill whose activeModifications
state most of its instructions. Every instruction that cannot be applied must come back as a
problem with its eId and line.
"""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
from lxml import etree

from lawcheck.akn import Document, parse_document, read_document, read_xml
from lawcheck.amend import apply_amendments, consolidate, is_amending_act, number_key
from lawcheck.validate import validate_file
from tests.conftest import akn_xml

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "tests" / "data" / "diff"
CORPUS = REPO / "corpora" / "national"


def _doc(name: str) -> Document:
    path = DATA / name if (DATA / name).exists() else CORPUS / name
    return read_document(path)


def _children(document: Document, eid: str) -> list[str]:
    unit = document.by_eid(eid)
    assert unit is not None, eid
    return [child.num for child in unit.children]


def _problems(result) -> list[tuple[str, int | None, str]]:
    return [(problem.eid, problem.line, problem.kind) for problem in result.problems]


# -- the corpus amending law (AKN markup) -----------------------------------------------------


@pytest.fixture(scope="module")
def ru_corpus():
    return consolidate(_doc("ru_cpc_base.xml"), _doc("ru_cpc_amendment.xml"))


def test_ru_corpus_inserts_articles_in_number_order(ru_corpus) -> None:
    articles = [unit.num for unit in ru_corpus.document.walk() if unit.element == "article"]
    assert articles == ["Статья 5.", "Статья 94.", "Статья 94-1.", "Статья 94-2.", "Статья 94-3.",
                        "Статья 95.", "Статья 231.", "Статья 238.", "Статья 238-1.", "Статья 510.",
                        "Статья 510-4.", "Статья 510-5.", "Статья 510-6.", "Статья 511."]
    assert ru_corpus.document.by_eid("art_94-2__para_5").text.startswith("5. В случаях, не терпящих")


def test_ru_corpus_inserts_points_into_article_and_part(ru_corpus) -> None:
    """«статью 5 дополнить пунктами 52-1)–52-7)» and «часть первую статьи 231 дополнить
    пунктом 4-1)»: the new points sit between their neighbours, with eIds of their new place."""
    assert _children(ru_corpus.document, "art_5") == [
        "1)", "51)", "52)", "52-1)", "52-2)", "52-3)", "52-4)", "52-5)", "52-6)", "52-7)", "53)"]
    assert _children(ru_corpus.document, "art_231__para_1") == ["1)", "2)", "3)", "4)", "4-1)", "5)"]
    assert ru_corpus.document.by_eid("art_5__point_52-3").own_text.startswith("поставщик услуг –")


def test_ru_corpus_reports_what_it_cannot_apply(ru_corpus) -> None:
    """Article 252 is not in the excerpt; Article 2 amends the Law on Communications."""
    assert _problems(ru_corpus) == [("art_1__point_5", 247, "target_not_found"),
                                    ("art_2__point_1", 491, "other_act"),
                                    ("art_2__point_2", 497, "other_act")]
    first = ru_corpus.problems[0]
    assert "article 252" in first.message and first.source == "ru_cpc_amendment.xml"
    assert "252" in str(first) and ":247" in str(first)
    assert "Об электрической и почтовой связи" in ru_corpus.problems[1].message
    applied = [(item.eid, item.action) for item in ru_corpus.applied]
    assert len(applied) == 9 and {action for _eid, action in applied} == {"insert"}


def test_ru_corpus_refs_follow_the_new_eids(ru_corpus) -> None:
    """`<ref href="#art_1__point_4__mod_1__qstr_1__art_94-3">` inside the quoted text points at
    the quotation in the amending act; in the consolidated text it must point at art_94-3."""
    refs = {ref.text: ref.target_eid for ref in ru_corpus.document.references if ref.kind == "ref"}
    assert refs["статьей 94-3"] == "art_94-3"
    assert refs["статье 510-6"] == "art_510-6"
    assert not [ref for ref in ru_corpus.document.references if ref.dangling]


def test_consolidated_text_is_valid_akn(ru_corpus, tmp_path: Path, akn_schema: Path) -> None:
    path = tmp_path / "consolidated.xml"
    path.write_bytes(ru_corpus.to_xml())
    problems = [p for p in validate_file(path, schema=akn_schema) if p.code != "numbering-gap"]
    assert problems == []


def test_inputs_are_left_untouched() -> None:
    base, amending = _doc("ru_cpc_base.xml"), _doc("ru_cpc_amendment.xml")
    base_root = read_xml(DATA / "ru_cpc_base.xml")
    before = etree.tostring(base_root)
    first, _ = apply_amendments(base, amending, base_root=base_root)
    second, _ = apply_amendments(base, amending, base_root=base_root)
    assert etree.tostring(base_root) == before
    assert len(list(base.walk())) < len(list(first.walk())) == len(list(second.walk()))
    assert base.by_eid("art_94-1") is None


# -- plain-text amending laws ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def ru_plain():
    return consolidate(_doc("ru_cpc_base.xml"), _doc("ru_cpc_amendment_plain.xml"))


def test_ru_plain_words_repeal_restatement_insertion(ru_plain) -> None:
    document = ru_plain.document
    point = document.by_eid("art_231__para_1__point_2").own_text
    assert point.endswith("по сетям электрической связи, а также содержания сообщений, передаваемых "
                          "посредством компьютерной системы;")
    assert document.by_eid("art_231__para_3").own_text == "Утратила силу."
    assert document.by_eid("art_94__para_2").own_text.endswith("в том числе в форме компьютерных данных.")
    restated = document.by_eid("art_510")
    assert restated.heading == "Исполнение запроса о правовой помощи"
    assert [child.eid for child in restated.children] == ["art_510__para_1", "art_510__para_2", "art_510__para_3"]
    assert "не более двух месяцев" in restated.text and "трех месяцев" not in restated.text
    inserted = document.by_eid("art_94-1")
    assert inserted.heading == "Электронные доказательства" and _children(document, "art_94-1") == ["1.", "2."]
    assert inserted.children[1].own_text.endswith("целостность скопированных данных.")


def test_ru_plain_reports_words_and_targets_not_found(ru_plain) -> None:
    assert _problems(ru_plain) == [("art_1__point_5", 92, "words_not_found"),
                                   ("art_1__point_6", 98, "target_not_found")]
    assert "«в камере хранения вещественных доказательств»" not in ru_plain.problems[0].message
    assert "в камере хранения вещественных доказательств" in ru_plain.problems[0].message
    assert "art_95__para_1" in ru_plain.problems[0].message
    assert "article 999" in ru_plain.problems[1].message


@pytest.fixture(scope="module")
def en_plain():
    return consolidate(_doc("en_base.xml"), _doc("en_amendment_plain.xml"))


def test_en_plain_instructions(en_plain) -> None:
    document = en_plain.document
    assert document.by_eid("sec_5__subsec_1").own_text.startswith("A judge may issue a warrant")
    assert _children(document, "sec_5") == ["(1)", "(2)", "(3)"]
    assert document.by_eid("sec_5__subsec_3").own_text.startswith("The judge may order any person")
    assert [unit.num for unit in document.provisions] == ["1.", "2.", "3.", "4.", "5.", "5A.", "6.", "7.", "8."]
    new = document.by_eid("sec_5A")
    assert new.heading == "Partial disclosure of traffic data" and _children(document, "sec_5A") == ["(1)", "(2)"]
    assert document.by_eid("sec_6__subsec_3").own_text == "[Repealed]"
    assert "the Commissioner of Police may order" in document.by_eid("sec_7__subsec_1").own_text


def test_en_plain_problems(en_plain) -> None:
    assert _problems(en_plain) == [("sec_6", 99, "target_not_found"), ("sec_7", 106, "words_not_found")]
    assert "section 12" in en_plain.problems[0].message
    assert "“within ten days”" in en_plain.problems[1].message and "sec_4__subsec_1" in en_plain.problems[1].message


def test_en_akn_active_modifications() -> None:
    """textualMods say where (destination href into the principal Act) and what (old/new); the
    mod of section 5 has none and is read from its wording."""
    result = consolidate(_doc("en_base.xml"), _doc("en_amendment_akn.xml"))
    document = result.document
    assert [unit.eid for unit in document.provisions] == [
        "sec_1", "sec_2", "sec_3", "sec_3A", "sec_4", "sec_5", "sec_6", "sec_7", "sec_8"]
    assert document.by_eid("sec_3A__subsec_2").references[0].target_eid == "sec_3A__subsec_1"
    assert "which shall not exceed ten days" in document.by_eid("sec_4__subsec_1").own_text
    assert document.by_eid("sec_8__subsec_2").own_text == "[Repealed]"
    assert document.by_eid("sec_6__subsec_1").own_text.startswith("On the application of a police officer")
    assert "thirty days" in document.by_eid("sec_6__subsec_2").own_text
    assert _problems(result) == [("sec_6", 144, "target_not_found")]
    assert "sec_40__subsec_2" in result.problems[0].message
    assert [(item.eid, item.action) for item in result.applied] == [
        ("sec_2", "insert"), ("sec_3", "words"), ("sec_4", "repeal"), ("sec_5", "replace")]


# -- single instructions, both languages ---------------------------------------------------------


def _unit(tag: str, eid: str, num: str, text: str, heading: str = "") -> str:
    head = f"<heading>{heading}</heading>" if heading else ""
    return f'<{tag} eId="{eid}"><num>{num}</num>{head}<content><p>{text}</p></content></{tag}>'


RU_BASE = (
    '<article eId="art_7"><num>Статья 7.</num><heading>Порядок</heading>'
    + _unit("paragraph", "art_7__para_1", "1.", "Следователь с согласия прокурора вправе произвести выемку.")
    + _unit("paragraph", "art_7__para_2", "2.", "Выемка производится на основании постановления.")
    + '</article><article eId="art_8"><num>Статья 8.</num><heading>Сроки</heading>'
    + _unit("paragraph", "art_8__para_1", "1.", "Срок не может превышать одного месяца.")
    + "</article>")

EN_BASE = (
    '<section eId="sec_5"><num>5.</num><heading>Search</heading>'
    + _unit("subsection", "sec_5__subsec_1", "(1)", "A magistrate may issue a warrant.")
    + _unit("subsection", "sec_5__subsec_2", "(2)", "The warrant is valid for thirty days.")
    + "</section>"
    + _unit("section", "sec_7", "7.", "A judge may order interception.", "Interception")
    + _unit("section", "sec_8", "8.", "Records are kept for two years.", "Records"))


def _amend(base_body: str, amending_body: str, language: str) -> tuple[Document, list]:
    lang = "rus" if language == "ru" else "eng"
    base = parse_document(akn_xml(base_body, language=lang, title="Base Act"), "base.xml")
    amending_xml = akn_xml(amending_body, language=lang, title="Amending Act")
    amending = parse_document(amending_xml, "amending.xml")
    base_root = etree.fromstring(akn_xml(base_body, language=lang, title="Base Act"))
    amending_root = etree.fromstring(amending_xml)
    return apply_amendments(base, amending, base_root=base_root, amending_root=amending_root)


def _article(text: str, *more: str, tag: str = "article", num: str = "Статья 1.") -> str:
    lines = "".join(f"<p>{line}</p>" for line in (text, *more))
    return f'<{tag} eId="x_1"><num>{num}</num><content>{lines}</content></{tag}>'


@pytest.mark.parametrize(("instruction", "eid", "expected"), [
    ("в части первой статьи 7 слова «с согласия прокурора» заменить словами «с санкции следственного судьи»;",
     "art_7__para_1", "Следователь с санкции следственного судьи вправе произвести выемку."),
    ("в части 1 статьи 7 слова «с согласия прокурора» исключить;", "art_7__para_1",
     "Следователь вправе произвести выемку."),
    ("в части второй статьи 7 после слов «на основании» дополнить словами «мотивированного»;", "art_7__para_2",
     "Выемка производится на основании мотивированного постановления."),
    ("часть 2 статьи 7 дополнить словами «, утвержденного судом»;", "art_7__para_2",
     "Выемка производится на основании постановления, утвержденного судом."),
    ("часть вторую статьи 7 признать утратившей силу;", "art_7__para_2", "Утратила силу."),
    ("статью 8 признать утратившей силу.", "art_8", "Утратила силу."),
])
def test_russian_instructions(instruction: str, eid: str, expected: str) -> None:
    document, problems = _amend(RU_BASE, _article(instruction), "ru")
    assert problems == []
    assert document.by_eid(eid).own_text == expected


def test_russian_context_carries_to_sub_points() -> None:
    """«в статье 7:» then «а) часть 2 признать утратившей силу»: the part is article 7's."""
    amending = ('<article eId="art_1"><num>Статья 1.</num><intro><p>Внести в Base Act следующие изменения:</p></intro>'
                '<point eId="art_1__point_1"><num>1)</num><intro><p>в статье 7:</p></intro>'
                '<point eId="art_1__point_1__point_1"><num>а)</num><content><p>часть 2 признать утратившей силу;</p>'
                '</content></point><point eId="art_1__point_1__point_2"><num>б)</num><content>'
                '<p>дополнить частью 3 следующего содержания:</p><p>«3. Копия постановления вручается лицу.»;</p>'
                '</content></point></point></article>')
    document, problems = _amend(RU_BASE, amending, "ru")
    assert problems == []
    assert document.by_eid("art_7__para_2").own_text == "Утратила силу."
    assert document.by_eid("art_7__para_3").own_text == "Копия постановления вручается лицу."
    assert _children(document, "art_7") == ["1.", "2.", "3."]


def test_russian_restatement_and_insertion_of_an_article() -> None:
    amending = _article("статью 8 изложить в следующей редакции:", "«Статья 8. Сроки выемки",
                        "1. Срок не может превышать десяти суток.", "2. Срок продлевается судом.»;")
    document, problems = _amend(RU_BASE, amending, "ru")
    assert problems == []
    assert document.by_eid("art_8").heading == "Сроки выемки"
    assert _children(document, "art_8") == ["1.", "2."]
    document, problems = _amend(RU_BASE, _article("дополнить статьей 7-1 следующего содержания:",
                                                  "«Статья 7-1. Копирование данных", "Копирование производится "
                                                  "с участием специалиста.»."), "ru")
    assert problems == []
    assert [unit.eid for unit in document.provisions] == ["art_7", "art_7-1", "art_8"]
    assert document.by_eid("art_7-1").own_text == "Копирование производится с участием специалиста."


@pytest.mark.parametrize(("instruction", "eid", "expected"), [
    ("In section 5(1), for “A magistrate” substitute “A judge”.", "sec_5__subsec_1", "A judge may issue a warrant."),
    ("In section 5(2), for 'thirty days' substitute 'fourteen days'.", "sec_5__subsec_2",
     "The warrant is valid for fourteen days."),
    ("In section 5(2) omit the words “for thirty days”.", "sec_5__subsec_2", "The warrant is valid."),
    ("In section 7, after “judge” insert “of the High Court”.", "sec_7",
     "A judge of the High Court may order interception."),
    ("Section 7 is repealed.", "sec_7", "[Repealed]"),
    ("Section 5(2) of the principal Act is deleted.", "sec_5__subsec_2", "[Repealed]"),
])
def test_english_instructions(instruction: str, eid: str, expected: str) -> None:
    document, problems = _amend(EN_BASE, _article(instruction, tag="section", num="1."), "en")
    assert problems == []
    assert document.by_eid(eid).own_text == expected


def test_english_list_of_units_repealed() -> None:
    document, problems = _amend(EN_BASE, _article("Sections 7 and 8 are repealed.", tag="section", num="1."), "en")
    assert problems == []
    assert document.by_eid("sec_7").own_text == document.by_eid("sec_8").own_text == "[Repealed]"


def test_english_insertion_and_substitution_of_sections() -> None:
    amending = _article("Insert after section 5 the following section—", "“5A. Production order",
                        "(1) A judge may order a person to produce specified computer data.",
                        "(2) The order states the data to be produced.”.", tag="section", num="1.")
    document, problems = _amend(EN_BASE, amending, "en")
    assert problems == []
    assert [unit.eid for unit in document.provisions] == ["sec_5", "sec_5A", "sec_7", "sec_8"]
    assert _children(document, "sec_5A") == ["(1)", "(2)"]
    amending = _article("For section 8 substitute—", "“8. Records",
                        "Records of every order are kept for five years.”.", tag="section", num="1.")
    document, problems = _amend(EN_BASE, amending, "en")
    assert problems == []
    assert document.by_eid("sec_8").own_text == "Records of every order are kept for five years."


def test_article_supplemented_by_article() -> None:
    """"Article 94 is supplemented by Article 94-1 as follows" (article-based English drafts)."""
    base = ('<article eId="art_94"><num>Article 94.</num><heading>Documents</heading><content><p>Documents are '
            'evidence.</p></content></article><article eId="art_95"><num>Article 95.</num><heading>Storage'
            '</heading><content><p>Evidence is stored safely.</p></content></article>')
    amending = _article("Article 94 is supplemented by Article 94-1 as follows:",
                        "“Article 94-1. Electronic evidence", "Computer data may be evidence.”.",
                        tag="article", num="Article 1.")
    document, problems = _amend(base, amending, "en")
    assert problems == []
    assert [unit.eid for unit in document.provisions] == ["art_94", "art_94-1", "art_95"]
    assert document.by_eid("art_94-1").heading == "Electronic evidence"


@pytest.mark.parametrize(("instruction", "kind", "language"), [
    ("статью 9 признать утратившей силу;", "target_not_found", "ru"),
    ("в части 1 статьи 7 слова «с санкции суда» заменить словами «с согласия суда»;", "words_not_found", "ru"),
    ("дополнить статьей 8 следующего содержания: «Статья 8. Другое»;", "already_exists", "ru"),
    ("статью 7 дополнить примечанием;", "not_understood", "ru"),
    ("In section 9, for “judge” substitute “court”.", "target_not_found", "en"),
    ("In section 5(3), omit “valid”.", "target_not_found", "en"),
])
def test_problems_are_reported_with_location(instruction: str, kind: str, language: str) -> None:
    base = RU_BASE if language == "ru" else EN_BASE
    tag, num = ("article", "Статья 1.") if language == "ru" else ("section", "1.")
    document, problems = _amend(base, _article(instruction, tag=tag, num=num), language)
    assert [(problem.eid, problem.kind) for problem in problems] == [("x_1", kind)]
    assert problems[0].line is not None and problems[0].instruction
    assert document.provisions  # the rest is still consolidated


def test_active_modifications_without_mod_in_the_body() -> None:
    """A textualMod whose source is not a mod of the body is applied on its own."""
    amending = akn_xml('<section eId="sec_1"><num>1.</num><content><p>Section 7 is amended.</p></content></section>',
                       title="Amending Act")
    analysis = ('<analysis source="#test"><activeModifications><textualMod type="repeal" eId="tm_1">'
                '<source href="#sec_1"/><destination href="#sec_8"/></textualMod></activeModifications></analysis>')
    amending = amending.replace(b"<references", analysis.encode() + b"<references", 1)
    base_xml = akn_xml(EN_BASE, title="Base Act")
    document, problems = apply_amendments(
        parse_document(base_xml, "base.xml"), parse_document(amending, "amending.xml"),
        base_root=etree.fromstring(base_xml), amending_root=etree.fromstring(amending))
    assert problems == []
    assert document.by_eid("sec_8").own_text == "[Repealed]"


# -- detection and helpers ---------------------------------------------------------------------------


@pytest.mark.parametrize(("path", "expected"), [
    (CORPUS / "ru_cpc_amendment.xml", True),
    (DATA / "ru_cpc_amendment_plain.xml", True),
    (DATA / "en_amendment_plain.xml", True),
    (DATA / "en_amendment_akn.xml", True),
    (DATA / "en_base.xml", False),
    (CORPUS / "en_model_law.xml", False),
    (CORPUS / "ru_complete_draft.xml", False),
    (CORPUS / "en_gaps_draft.xml", False),
])
def test_is_amending_act(path: Path, expected: bool) -> None:
    assert is_amending_act(read_document(path)) is expected


def test_number_order() -> None:
    tokens = ["95", "94-2", "94", "94-1", "5a", "5", "6", "5b"]
    assert sorted(tokens, key=number_key) == ["5", "5a", "5b", "6", "94", "94-1", "94-2", "95"]
    assert sorted(["c", "a", "aa", "b"], key=lambda t: number_key(t, "latin")) == ["a", "b", "c", "aa"]


def test_a_copy_of_the_tree_is_amended() -> None:
    """apply_amendments deep-copies the base tree, also when the caller passes one."""
    root = read_xml(DATA / "en_base.xml")
    snapshot = copy.deepcopy(root)
    apply_amendments(_doc("en_base.xml"), _doc("en_amendment_plain.xml"), base_root=root)
    assert etree.tostring(root) == etree.tostring(snapshot)
