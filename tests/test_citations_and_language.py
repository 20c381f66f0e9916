"""Citations as lawyers write them and reports in the draft's language: a Russian draft gets
a Russian report with «ст. 94-3 ч. 1» where the engine has an eId, an English one `s. 14(2)(a)`."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest
from conftest import REPO, akn_xml

from lawcheck.akn import parse_document, read_document
from lawcheck.citations import Citations, amended_act, num_token
from lawcheck.cli import main
from lawcheck.engine.findings import natural_code
from lawcheck.i18n import CATALOG, period_words, tr, treaty_cite, ui_language
from lawcheck.pipeline import check_document

NATIONAL = REPO / "corpora" / "national"
DIFF = REPO / "tests" / "data" / "diff"
AMENDMENT = NATIONAL / "ru_cpc_amendment.xml"


@pytest.fixture(scope="module")
def amendment_citations() -> Citations:
    return Citations(read_document(AMENDMENT), "ru")


@pytest.mark.parametrize(("eid", "label"), [
    ("art_1__point_4__mod_1__qstr_1__art_94-3__para_1", "ст. 94-3 ч. 1 УПК (п. 4 ст. 1 проекта)"),
    ("art_1__point_4__mod_1__qstr_1__art_94-3", "ст. 94-3 УПК (п. 4 ст. 1 проекта)"),
    ("art_1__point_6__mod_1__qstr_1__point_4-1", "п. 4-1 ч. 1 ст. 231 УПК (п. 6 ст. 1 проекта)"),
    ("art_1__point_5__mod_1__qstr_1__para_11-1", "ст. 252 ч. 11-1 УПК (п. 5 ст. 1 проекта)"),
    ("art_1__point_8__mod_1__qstr_1__art_510-4__para_2__point_4",
     "п. 4 ч. 2 ст. 510-4 УПК (п. 8 ст. 1 проекта)"),
    ("art_2__point_2__mod_1__qstr_1__art_40-2__para_1",
     "ст. 40-2 ч. 1 Закона «Об электрической и почтовой связи» (п. 2 ст. 2 проекта)"),
    ("art_1__point_4", "п. 4 ст. 1"),
    ("art_1", "ст. 1"),
])
def test_russian_citations_of_an_amending_act(amendment_citations: Citations, eid: str, label: str) -> None:
    assert amendment_citations.label(eid) == label


def test_english_citations_by_sections_and_articles() -> None:
    model = Citations(read_document(NATIONAL / "en_model_law.xml"), "en")
    assert model.label("sec_13__subsec_1__para_b") == "s. 13(1)(b)"
    articles = parse_document(akn_xml(
        '<article eId="art_5"><num>Article 5</num><heading>Scope</heading>'
        '<paragraph eId="art_5__para_1"><num>1.</num><intro><p>This Act applies to:</p></intro>'
        '<point eId="art_5__para_1__point_b"><num>(b)</num><content><p>data.</p></content></point>'
        "</paragraph></article>"), "draft.xml")
    assert Citations(articles, "en").label("art_5__para_1__point_b") == "Art. 5(1)(b)"
    amending = Citations(read_document(DIFF / "en_amendment_akn.xml"), "en")
    assert amending.label("sec_2__mod_1__qstr_1__sec_3A__subsec_1") == \
        "s. 3A(1) of the principal Act (s. 2 of the draft)"


def test_an_unknown_eid_is_cited_as_it_is(amendment_citations: Citations) -> None:
    assert amendment_citations.label("no_such_unit") == "no_such_unit"


def test_numbers_and_amended_acts_are_read_from_the_words() -> None:
    assert num_token("Статья 94-1.") == "94-1" and num_token("(a)") == "a" and num_token("52-1)") == "52-1"
    assert amended_act(["Внести в Уголовный кодекс Республики от 1 января 2000 года"], "ru") == "УК"
    assert amended_act(["Внести в Кодекс Республики об административных правонарушениях"], "ru") == "КоАП"
    assert amended_act(["статью 5 дополнить пунктом 3"], "ru") == ""
    assert amended_act(["Section 4 of the Evidence Act, 2010 is amended"], "en") == "the Evidence Act, 2010"
    assert amended_act(["The Procedure Act is amended by inserting"], "en") == "the Procedure Act"


def test_treaty_citations_and_periods_in_words() -> None:
    assert treaty_cite("BC", "16(2)", "en") == "Art. 16(2) ETS 185"
    assert treaty_cite("BC", "16(2)", "ru") == "п. 2 ст. 16 ETS 185"
    assert treaty_cite("SP", "7(5)(c)", "ru") == "подп. «c» п. 5 ст. 7 CETS 224"
    assert period_words("P90D", "en") == "90 days" and period_words("P90D", "ru") == "90 суток"
    assert period_words("P1D", "ru") == "1 сутки" and period_words("P1Y", "ru", genitive=True) == "1 года"
    assert period_words("PT48H", "ru") == "48 часов" and period_words("PT72H", "ru") == "72 часа"
    assert period_words("P6M", "ru", genitive=True) == "6 месяцев"


def test_requirements_and_findings_follow_natural_order() -> None:
    codes = ["BC-10/missing", "SP-2/missing", "BC-2/missing", "BC-2/intent"]
    assert sorted(codes, key=natural_code) == ["BC-2/intent", "BC-2/missing", "BC-10/missing", "SP-2/missing"]


def test_the_catalog_has_both_languages() -> None:
    for key, (english, russian) in CATALOG.items():
        assert english.strip() and russian.strip(), key
        words = re.sub(r"{\w+}|lawcheck", "", english)
        if not key.startswith("treaty.") and re.search(r"[A-Za-z]{4}", words):
            assert re.search(r"[А-Яа-яЁё]", russian), key
        assert set(re.findall(r"{(\w+)}", english)) == set(re.findall(r"{(\w+)}", russian)), key


def test_ui_language_follows_the_draft_unless_asked() -> None:
    assert ui_language("auto", "ru") == "ru" and ui_language("auto", "en") == "en"
    assert ui_language("auto", "kk") == "en" and ui_language("en", "ru") == "en"
    assert tr("status.missing", "ru") == "Не реализовано"


# --- reports -----------------------------------------------------------------------------------

_ALLOWED = re.compile(r"(?:\b(?:ETS|CETS|lawcheck|Markdown|HTML|Word)\b|\b(?:BC|SP)-\d+(?:/[\w/\\]+)?"
                      r"|\bdraft/[\w\\]+|--[\w-]+(?: \w+)?|\b[IVXLC]+\b)")


def english_words(text: str) -> list[str]:
    """Latin words of three letters or more, after citations, codes and names are set aside."""
    return re.findall(r"[A-Za-z][A-Za-z_-]{2,}", _ALLOWED.sub(" ", text))


@pytest.fixture(scope="module")
def russian_reports(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    out = tmp_path_factory.mktemp("ru")
    texts = {}
    for fmt in ("text", "md", "html", "json"):
        target = out / f"report.{fmt}"
        assert main(["check", str(AMENDMENT), "--format", fmt, "-o", str(target)]) == 0
        texts[fmt] = target.read_text(encoding="utf-8")
    return texts


def test_a_russian_report_has_no_english_prose(russian_reports: dict[str, str]) -> None:
    assert english_words(russian_reports["text"]) == []
    assert english_words(russian_reports["md"]) == []
    page = re.sub(r"<style>.*?</style>", " ", russian_reports["html"], flags=re.S)
    page = html.unescape(re.sub(r"<[^>]+>", " ", page))
    assert english_words(page) == []
    report = json.loads(russian_reports["json"])
    prose = [f[key] for f in report["findings"] for key in ("message", "help") if f.get(key)]
    prose += [r[key] for r in report["requirements"] for key in ("title", "summary")]
    prose += [e["detail"] for r in report["requirements"] for e in r.get("elements", [])]
    assert [text for text in prose if english_words(text)] == []


def test_a_russian_report_cites_provisions_not_eids(russian_reports: dict[str, str]) -> None:
    report = json.loads(russian_reports["json"])
    assert report["document"]["ui_language"] == "ru"
    for finding in report["findings"]:
        assert len(finding.get("labels", [])) == len(finding.get("provisions", []))
        assert "art_1__" not in finding["message"]
    labels = [p["label"] for r in report["requirements"] for p in r["provisions"]]
    assert "ст. 94-3 УПК (п. 4 ст. 1 проекта)" in labels
    assert "art_1__point" not in russian_reports["text"] + russian_reports["md"]
    assert "ст. 94-2 УПК (п. 3 ст. 1 проекта)" in russian_reports["text"]


def test_the_report_language_can_be_chosen(tmp_path: Path) -> None:
    target = tmp_path / "report.json"
    assert main(["check", str(AMENDMENT), "--format", "json", "--ui-lang", "en", "-o", str(target)]) == 0
    report = json.loads(target.read_text(encoding="utf-8"))
    assert report["document"]["language"] == "ru" and report["document"]["ui_language"] == "en"
    safeguard = next(f for f in report["findings"] if f["code"] == "BC-20/safeguard/proportionality")
    assert safeguard["message"].startswith("The power in ст. 238-1 УПК (п. 7 ст. 1 проекта)")
    assert "has no proportionality." in safeguard["message"] and "Check it there" in safeguard["message"]
    english = check_document(read_document(NATIONAL / "en_gaps_draft.xml")).report
    assert english["document"]["ui_language"] == "en"
    assert all(re.fullmatch(r"(?:s\.|Part) [\w()]+", label) for f in english["findings"]
               for label in f.get("labels", [])), [f.get("labels") for f in english["findings"]]


# --- suggested wording -------------------------------------------------------------------------

def _suggestions(path: Path) -> dict[str, dict[str, str]]:
    report = check_document(read_document(path)).report
    return {f["code"]: f["suggestion"] for f in report["findings"] if f.get("suggestion")}


def test_a_missing_safeguard_gets_wording_in_the_drafts_language_and_numbering() -> None:
    russian = _suggestions(AMENDMENT)
    proportionality = russian["BC-20/safeguard/proportionality"]
    assert proportionality["eId"] == "art_1__point_7__mod_1__qstr_1__art_238-1"
    assert proportionality["action"] == "insert"
    assert proportionality["text"].startswith("4. Мера применяется, если она необходима и соразмерна")


def test_wording_is_filled_from_the_draft() -> None:
    english = _suggestions(NATIONAL / "en_gaps_draft.xml")
    ceiling = english["BC-16/max_duration"]
    assert ceiling["action"] == "replace" and ceiling["eId"] == "sec_16__subsec_2"
    assert ceiling["text"].startswith("(2) ") and "not exceeding 90 days" in ceiling["text"]
    supervision = english["BC-21/safeguard/judicial_or_independent_supervision"]
    assert "an order of a magistrate" in supervision["text"]  # the court the draft names
    for power in ("BC-16", "BC-17"):
        code = f"{power}/safeguard/limitation_of_scope_and_duration"
        assert "not exceed 90 days" in english[code]["text"]  # never the draft's 180 days


def test_numbering_continues_the_drafts() -> None:
    from lawcheck.engine.suggestions import next_number

    assert next_number("52-7)") == "52-8)" and next_number("(3)") == "(4)" and next_number("3.") == "4."
    assert next_number("(g)") == "(h)" and next_number("в)") == "г)"


def test_a_russian_comparison_is_written_in_russian(tmp_path: Path) -> None:
    target = tmp_path / "diff.md"
    assert main(["diff", str(DIFF / "ru_cpc_base.xml"), str(AMENDMENT), "--format", "md", "-o", str(target)]) == 0
    text = target.read_text(encoding="utf-8")
    assert "Соответствие: новых замечаний" in text and "New findings" not in text


def test_every_sentence_of_the_page_has_its_russian() -> None:
    from lawcheck.ui.labels import PAGE_RU

    page = [REPO / "app.py", *sorted((REPO / "lawcheck" / "ui" / "pages").glob("*.py"))]
    source = "\n".join(path.read_text(encoding="utf-8") for path in page)
    said = re.findall(r'L\.say\(((?:"[^"]*"\s*)+)\)', source)
    english = ["".join(re.findall(r'"([^"]*)"', literal)).replace("\\n", "\n") for literal in said]
    assert english and [text for text in english if text not in PAGE_RU] == []


def test_an_inserted_subsection_is_cited_in_the_section_its_amending_section_names() -> None:
    """"6. Amendment of section 8 (search warrants) ... (2) After subsection (1) insert— "(1A)
    ..."": the inserted subsection is s. 8(1A), followed by where the draft inserts it."""
    from lawcheck.ingest import import_file

    draft = REPO / "benchmarks" / "data" / "probes" / "en3" / "drafts" / "D_uk_amending.txt"
    document = parse_document(import_file(draft, lang="en"), "draft.xml")
    inserted = "sec_6__subsec_2__mod_1__qstr_1__subsec_1A"
    assert document.by_eid(inserted) is not None
    assert Citations(document, "en").label(inserted) == "s. 8(1A) (s. 6(2) of the draft)"


def test_the_article_a_point_opens_with_carries_to_the_parts_its_sub_points_insert() -> None:
    """«5) в статье 165: а) ...; б) дополнить частью шестой следующего содержания: «6. ...»»: the
    sub-point names no article; the part it inserts is part 6 of article 165, which the point's
    lead-in names. So in English: "in section 12— ... (b) by inserting after subsection (2) the
    following subsection: "(3) ..."" inserts s. 12(3)."""
    from lawcheck.ingest import import_bytes

    def quoted_labels(text: str, lang: str) -> list[str]:
        document = parse_document(import_bytes(text.encode(), "draft.txt"), "draft.xml")
        return [Citations(document, lang).label(p.eid) for p in document.quoted]

    russian = ("Статья 1. Внести в Уголовно-процессуальный кодекс Республики следующие изменения:\n"
               "1) в статье 165 «Судебный порядок»:\n"
               "а) в части первой слова «статьи 29» заменить словами «статьи 29 и 30»;\n"
               "б) дополнить частью шестой следующего содержания:\n"
               "«6. Ходатайство рассматривается судьей единолично.»;\n"
               "2) статью 170 дополнить частью второй следующего содержания:\n"
               "«2. Копия постановления вручается лицу.».\n"
               "Статья 2. Настоящий Закон вступает в силу со дня его опубликования.\n")
    assert quoted_labels(russian, "ru") == \
        ["ст. 165 ч. 6 УПК (подп. б п. 1 ст. 1 проекта)", "ст. 170 ч. 2 УПК (п. 2 ст. 1 проекта)"]
    english = ("1. Short title\nThis Act may be cited as the Evidence (Amendment) Act, 2025.\n\n"
               "2. Amendment of the principal Act\nThe principal Act is amended in section 12—\n"
               "(a) in subsection (1), by deleting the word \"document\";\n"
               "(b) by inserting after subsection (2) the following subsection:\n"
               "\"(3) A court may admit a printout of computer data.\"\n")
    assert quoted_labels(english, "en") == ["s. 12(3) of the principal Act (s. 2(b) of the draft)"]
