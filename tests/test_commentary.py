"""The Word commentary: read back with python-docx (one table row per treaty article, key
recommendations that name a known gap of the gaps draft, a reviewer's reason in the comment
column, landscape table with a repeating header, no macros) and converted by LibreOffice
headless when `soffice` is installed: to PDF, and the Russian commentary to ODT, where its
anchored comments, tracked changes and ru-RU language must survive. LAWCHECK_REQUIRE_SOFFICE=1
(as in CI) turns the skip into a failure."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import zipfile
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from docx import Document
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn

from lawcheck.decisions.identity import provisions_text
from lawcheck.decisions.store import DecisionStore
from lawcheck.i18n import tr
from lawcheck.report.docx import COLUMNS, write_commentary

ROOT = Path(__file__).resolve().parents[1]
GAPS = ROOT / "corpora" / "national" / "en_gaps_draft.xml"
HEADER = [tr(f"doc.col.{key}", "en") for key, _ in COLUMNS]
DISMISSED = "BC-16/max_duration"
DISMISS_REASON = "Renewals are capped at ninety days by the Commissioner's regulations."
ACCEPTED = "BC-21/safeguard/judicial_or_independent_supervision"


@cache
def gaps_check() -> Any:
    from lawcheck.akn import read_document
    from lawcheck.pipeline import check_document

    return check_document(read_document(GAPS), lang="en")


@pytest.fixture(scope="module")
def commentary(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The commentary of the gaps draft, with one dismissed and one accepted finding."""
    folder = tmp_path_factory.mktemp("commentary")
    check = gaps_check()
    with DecisionStore(folder / "decisions.sqlite") as store:
        for code, status, reason in ((DISMISSED, "dismissed", DISMISS_REASON),
                                     (ACCEPTED, "accepted", "A prosecutor's sanction is not enough.")):
            finding = next(f for f in check.report["findings"] if f["code"] == code)
            store.record(finding, provisions_text(check.analysis, finding["provisions"]), status, reason, "A. Expert")
        path = folder / "commentary.docx"
        write_commentary(check.report, check.analysis, path, decisions=store, today=date(2025, 6, 1))
    return path


def article_table(doc: Any) -> Any:
    return next(t for t in doc.tables if [c.text for c in t.rows[0].cells] == HEADER)


def key_recommendations(doc: Any) -> list[str]:
    """The paragraphs between the 'Key recommendations' heading and the article table's heading."""
    texts = [p.text for p in doc.paragraphs]
    return texts[texts.index("Key recommendations"):texts.index("Article-by-article assessment")]


def test_one_row_per_requirement_in_treaty_order(commentary: Path) -> None:
    report = gaps_check().report
    table = article_table(Document(str(commentary)))
    assert len(table.rows) == len(report["requirements"]) + 1
    ids = [row.cells[0].paragraphs[0].text.split(" · ")[0] for row in table.rows[1:]]
    assert ids == [r["id"] for r in report["requirements"]]
    bc16 = table.rows[1 + ids.index("BC-16")].cells
    assert "Expedited preservation of stored computer data" in bc16[0].text
    assert "ninety days" in bc16[0].text  # the project's summary of the obligation
    assert "s. 16" in bc16[1].text and "Preservation notice" in bc16[1].text
    assert "sec_16" not in bc16[1].text  # eIds stay in the JSON
    assert "Partly implemented" in bc16[2].text and "Contradicts the treaty: Art. 16(2)" in bc16[2].text
    assert "BC-16/max_duration" in bc16[3].text and "Art. 16(2) ETS 185" in bc16[3].text
    assert "ninety days" in bc16[4].text  # the finding's help line: what to change
    bc20 = table.rows[1 + ids.index("BC-20")].cells
    assert "Missing" in bc20[2].text and "No provision of the draft found." in bc20[1].text


def test_key_recommendations_name_clause_citation_and_change(commentary: Path) -> None:
    paragraphs = key_recommendations(Document(str(commentary)))
    text = "\n".join(paragraphs)
    groups = [p.rsplit(" (", 1)[0] for p in paragraphs if p.endswith(")") and len(p) < 60]
    assert groups[:3] == ["Conflicts with the treaty", "Missing safeguards", "Missing powers"]
    # a known conflict of the gaps draft: data preserved for a foreign State for 30 days, not 60
    item = next(p for p in paragraphs if "[BC-29/minimum_period]" in p)
    assert "s. 23(3)" in item and "Art. 29(7) ETS 185" in item and "What to change:" in item
    assert "BC-20/missing" in text
    assert DISMISSED not in text and "dismissed by reviewers are not listed" in text
    assert "Accepted by A. Expert" in text  # the accepted one stays, with the reviewer's note


def test_reviewer_comment_column(commentary: Path) -> None:
    table = article_table(Document(str(commentary)))
    comments = {row.cells[0].paragraphs[0].text.split(" · ")[0]: row.cells[5].text for row in table.rows[1:]}
    assert DISMISS_REASON in comments["BC-16"] and "Dismissed by A. Expert on " in comments["BC-16"]
    assert "A prosecutor's sanction is not enough." in comments["BC-21"]
    assert comments["BC-20"] == ""  # left empty for the expert


def test_layout_opens_cleanly_and_has_no_macros(commentary: Path) -> None:
    doc = Document(str(commentary))
    first, table_section = doc.sections[0], doc.sections[-1]
    assert first.orientation == WD_ORIENT.PORTRAIT and first.page_width < first.page_height
    assert table_section.orientation == WD_ORIENT.LANDSCAPE and table_section.page_width > table_section.page_height
    header = article_table(doc).rows[0]._tr
    assert header.trPr.find(qn("w:tblHeader")) is not None  # repeated on each page
    assert doc.core_properties.title.startswith("Commentary: Computer Misuse")
    with zipfile.ZipFile(commentary) as archive:
        names = archive.namelist()
        assert archive.testzip() is None
        content_types = archive.read("[Content_Types].xml").decode()
    assert not any("vba" in name.lower() for name in names)
    assert "macroEnabled" not in content_types
    assert not list(commentary.parent.glob(".*.tmp"))  # the atomic write left nothing behind


def test_without_decisions_the_comment_column_is_empty(tmp_path: Path) -> None:
    check = gaps_check()
    path = tmp_path / "plain.docx"
    write_commentary(check.report, check.analysis, path)
    table = article_table(Document(str(path)))
    assert all(row.cells[5].text == "" for row in table.rows[1:])
    assert "decision" not in check.report["findings"][0]  # the caller's report is not modified


def converted(document: Path, tmp_path: Path, target: str) -> Path:
    """`document` converted by LibreOffice headless to `target` (pdf, odt), in its own profile."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        if os.environ.get("LAWCHECK_REQUIRE_SOFFICE") == "1":
            pytest.fail("LAWCHECK_REQUIRE_SOFFICE=1 but soffice is not on PATH")
        pytest.skip("LibreOffice (soffice) is not installed: the headless conversion check is skipped")
    profile = (tmp_path / "lo-profile").as_uri()  # its own profile: no clash with another soffice
    outdir = tmp_path / f"converted-{target}"
    result = subprocess.run(
        [soffice, f"-env:UserInstallation={profile}", "--headless", "--norestore", "--convert-to", target,
         "--outdir", str(outdir), str(document)],
        capture_output=True, text=True, timeout=240, check=False)
    output = outdir / f"{document.stem}.{target}"
    assert result.returncode == 0 and output.is_file(), result.stderr or result.stdout
    return output


def test_libreoffice_converts_it(commentary: Path, tmp_path: Path) -> None:
    data = converted(commentary, tmp_path, "pdf").read_bytes()
    assert data.startswith(b"%PDF") and len(data) > 50_000
    pages = len(re.findall(rb"/Type\s*/Page(?!s)", data))
    assert pages >= 10  # title and key recommendations, then the landscape table


def test_libreoffice_opens_the_russian_commentary_with_comments_changes_and_language(tmp_path: Path) -> None:
    """What LibreOffice makes of the Word file: comments anchored to a range of the quoted
    clause, the suggestions as tracked changes, the Russian text, and Russian (ru-RU) as the
    language of the document's default style."""
    from lawcheck.akn import read_document
    from lawcheck.pipeline import check_document

    check = check_document(read_document(ROOT / "corpora" / "national" / "ru_cpc_amendment.xml"))
    path = tmp_path / "commentary_ru.docx"
    write_commentary(check.report, check.analysis, path, today=date(2025, 6, 1))
    with zipfile.ZipFile(path) as archive:
        word = archive.read("word/document.xml").decode()
    odt = converted(path, tmp_path, "odt")
    with zipfile.ZipFile(odt) as archive:
        content = archive.read("content.xml").decode()
        styles = archive.read("styles.xml").decode()
    annotations = re.findall(r'<office:annotation office:name="([^"]+)"', content)
    ends = set(re.findall(r'<office:annotation-end office:name="([^"]+)"', content))
    assert annotations and set(annotations) <= ends  # every comment spans the text it is about
    assert "Для полномочия" in content and "Основные рекомендации" in content
    assert "<text:tracked-changes" in content and "<text:insertion>" in content
    if "<w:del " in word:
        assert "<text:deletion>" in content
    assert content.count("<text:changed-region") >= word.count("<w:ins ")
    default = re.search(r"<style:default-style style:family=\"paragraph\">.*?</style:default-style>", styles, re.S)
    standard = re.search(r'<style:style style:name="Standard".*?</style:style>', styles, re.S)
    declared = " ".join(match.group(0) for match in (default, standard) if match)
    assert 'fo:language="ru"' in declared and 'fo:country="RU"' in declared, declared[:400]


def test_a_russian_draft_gets_a_russian_commentary(tmp_path: Path) -> None:
    from lawcheck.akn import read_document
    from lawcheck.pipeline import check_document

    check = check_document(read_document(ROOT / "corpora" / "national" / "ru_cpc_amendment.xml"))
    path = tmp_path / "ru.docx"
    write_commentary(check.report, check.analysis, path, today=date(2025, 6, 1))
    doc = Document(str(path))
    texts = [p.text for p in doc.paragraphs]
    assert "Основные рекомендации" in texts and "Постатейная оценка" in texts
    header = [tr(f"doc.col.{key}", "ru") for key, _ in COLUMNS]
    table = next(t for t in doc.tables if [c.text for c in t.rows[0].cells] == header)
    assert any("ст. 94-2 УПК (п. 3 ст. 1 проекта)" in row.cells[1].text for row in table.rows[1:])
    language = doc.styles["Normal"].element.rPr.find(qn("w:lang"))
    assert language is not None and language.get(qn("w:val")) == "ru-RU"
    with zipfile.ZipFile(path) as archive:
        body = archive.read("word/document.xml").decode()
    assert "<w:ins " in body and "Мера применяется, если она необходима" in body  # a tracked suggestion
    comments = [c.text for c in doc.comments]
    assert any(c.startswith("[BC-20/safeguard/proportionality] Для полномочия") for c in comments)
    assert "<w:commentRangeStart" in body  # anchored to the quoted clause
