"""The reports a person reads: the HTML report's contents, width and print layout; a warning
when the input does not look like a law, in every format and both languages; counts that
agree and requirement ids in natural order (BC-2 before BC-10)."""

from __future__ import annotations

import io
import json
import os
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from lxml import html as lxml_html

from lawcheck.akn import read_document
from lawcheck.cli import main
from lawcheck.draft import load_upload
from lawcheck.pipeline import Check, check_document
from lawcheck.report.render import render_html, render_markdown, render_text

NATIONAL = Path(__file__).resolve().parents[1] / "corpora" / "national"
GAPS = NATIONAL / "en_gaps_draft.xml"
AMENDMENT = NATIONAL / "ru_cpc_amendment.xml"
NOTE_EN = "Note to self\nCall the ministry on Tuesday about the meeting on the budget.\n"
NOTE_RU = "Записка\nПозвонить в министерство во вторник по поводу совещания о бюджете.\n"
REQUIRED = os.environ.get("LAWCHECK_REQUIRE_BROWSER") == "1"
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="module")
def gaps() -> Check:
    return check_document(read_document(GAPS), source=GAPS.name)


@pytest.fixture(scope="module")
def amendment() -> Check:
    return check_document(read_document(AMENDMENT), source=AMENDMENT.name)


def note(text: str, name: str = "note.txt") -> Check:
    return check_document(load_upload(name, text.encode()).document, source=name)


# -- the HTML report ---------------------------------------------------------------------------

def test_html_has_contents_linking_every_section_and_requirement(gaps: Check) -> None:
    page = lxml_html.fromstring(render_html(gaps.report, gaps.analysis))
    ids = {element.get("id") for element in page.iter() if element.get("id")}
    toc = page.xpath("//nav[@class='toc']")[0]
    targets = [link.get("href")[1:] for link in toc.iter("a")]
    assert targets[0] == "by-article" and "provisions" in targets
    assert [t for t in targets if t.startswith("req-")] == [f"req-{r['id']}" for r in gaps.report["requirements"]]
    for heading in page.iter("h2"):
        assert heading.get("id") in targets, heading.text_content()
    every = [link.get("href")[1:] for link in page.iter("a") if (link.get("href") or "").startswith("#")]
    assert set(every) <= ids, sorted(set(every) - ids)[:5]


def test_html_escapes_what_the_draft_says(gaps: Check) -> None:
    report = json.loads(json.dumps(gaps.report))
    report["document"]["title"] = "<script>alert(1)</script>"
    report["requirements"][0]["title"] = "<img src=x onerror=alert(1)>"
    text = render_html(report, gaps.analysis)
    assert "<script>alert" not in text and "<img src=x" not in text and "&lt;script&gt;" in text


def chromium() -> str:
    found = shutil.which("chromium") or ("/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None)
    if not found:
        if REQUIRED:
            pytest.fail("LAWCHECK_REQUIRE_BROWSER=1 but no chromium found")
        pytest.skip("no chromium found (Debian/Ubuntu: apt-get install -y chromium)")
    return found


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    executable = chromium()
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        if REQUIRED:
            pytest.fail("LAWCHECK_REQUIRE_BROWSER=1 but the playwright package is not installed")
        pytest.skip("the playwright package is not installed")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=executable, headless=True, args=CHROMIUM_FLAGS)
        try:
            yield launched
        finally:
            launched.close()


WIDEST = """() => {
  const inner = document.documentElement.clientWidth;
  const rights = [...document.querySelectorAll('table, .prov, nav, p, li')].map(e => e.getBoundingClientRect().right);
  return {inner, scroll: document.documentElement.scrollWidth, right: Math.max(...rights)};
}"""


@pytest.mark.parametrize("name", ["gaps", "amendment"])
@pytest.mark.parametrize("width", [1280, 480])
def test_html_fits_the_window_and_prints_without_the_contents(browser: Any, request: pytest.FixtureRequest,
                                                              name: str, width: int, tmp_path: Path) -> None:
    check: Check = request.getfixturevalue(name)
    path = tmp_path / "report.html"
    path.write_text(render_html(check.report, check.analysis), encoding="utf-8")
    page = browser.new_page(viewport={"width": width, "height": 720})
    try:
        page.goto(path.as_uri())
        sizes = page.evaluate(WIDEST)
        assert sizes["scroll"] <= sizes["inner"] and sizes["right"] <= sizes["inner"] + 0.5, sizes
        assert page.locator("nav.toc").is_visible()
        page.locator("nav.toc a[href='#req-BC-16']").click()
        assert page.evaluate("location.hash") == "#req-BC-16"
        page.emulate_media(media="print")
        assert not page.locator("nav.toc").is_visible()
        assert page.evaluate(WIDEST)["scroll"] <= page.evaluate(WIDEST)["inner"]
        pdf = page.pdf(format="A4")
        assert pdf.startswith(b"%PDF") and len(pdf) > 10_000
    finally:
        page.close()


# -- a text that does not look like a law ----------------------------------------------------------

@pytest.mark.parametrize("text, lang, words", [(NOTE_EN, "en", "does not look like a law"),
                                               (NOTE_RU, "ru", "не похож на закон")])
def test_a_note_is_flagged_in_every_format(text: str, lang: str, words: str, tmp_path: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    from docx import Document

    check = note(text)
    assert check.report["document"]["ui_language"] == lang
    assert [w["code"] for w in check.report["warnings"]] == ["not_a_law"]
    message = check.report["warnings"][0]["message"]
    assert words in message and "\n" not in message
    assert words in render_text(check.report).splitlines()[0]
    assert words in render_markdown(check.report)
    page = lxml_html.fromstring(render_html(check.report, check.analysis))
    assert words in page.xpath("//p[@class='warning']")[0].text_content()
    draft = tmp_path / "note.txt"
    draft.write_text(text, encoding="utf-8")
    assert main(["check", str(draft), "--format", "json"]) == 0
    out, err = capsys.readouterr()
    assert json.loads(out)["warnings"][0]["code"] == "not_a_law"
    assert sum(words in line for line in err.splitlines()) == 1
    assert main(["check", str(draft), "--format", "docx", "-o", str(tmp_path / "note.docx")]) == 0
    document = Document(io.BytesIO((tmp_path / "note.docx").read_bytes()))
    assert any(words in paragraph.text for paragraph in document.paragraphs)


def test_laws_are_not_flagged(gaps: Check, amendment: Check) -> None:
    assert gaps.report["warnings"] == [] and amendment.report["warnings"] == []
    unnumbered = ("Electronic evidence\n" + "The court may order a service provider to preserve stored computer "
                  "data for up to ninety days, and the provider shall keep the order confidential. " * 6)
    assert note(unnumbered).report["warnings"] == []


# -- counts and order ---------------------------------------------------------------------------------

def test_unmet_elements_are_counted_with_the_articles_they_are_in(gaps: Check) -> None:
    partial = [f for f in gaps.report["findings"] if f["category"] == "partial"]
    articles = len({f["requirement"] for f in partial})
    assert gaps.report["summary"]["partial"] != len(partial)  # the two counts mean different things...
    heading = f"({len(partial)}, in {articles} article(s))"  # ...so the heading says which is which
    for rendered in (render_text(gaps.report), render_markdown(gaps.report),
                     render_html(gaps.report, gaps.analysis)):
        assert heading in rendered
    page = lxml_html.fromstring(render_html(gaps.report, gaps.analysis))
    for section in page.xpath("//h2[starts-with(@id, 'cat-')]"):
        shown = int(re.search(r"\((\d+)", section.text_content()).group(1))
        assert shown == len(section.getnext().findall("li")), section.text_content()


def natural(ids: list[str]) -> list[str]:
    return sorted(ids, key=lambda rid: (rid.split("-")[0] != "BC", int(rid.split("-")[1])))


def test_requirements_are_in_natural_order_in_every_format(gaps: Check) -> None:
    ids = [r["id"] for r in gaps.report["requirements"]]
    assert ids == natural(ids) and ids.index("BC-2") < ids.index("BC-10")
    text = render_text(gaps.report)
    matrix = re.findall(r"[+~\-? ](BC-\d+|SP-\d+)", text.split("\n\n")[-1])
    assert matrix == ids
    markdown = re.findall(r"^\| ((?:BC|SP)-\d+) \|", render_markdown(gaps.report), re.MULTILINE)
    assert markdown == ids
    rows = re.findall(r"<tr class='\w+' id='req-((?:BC|SP)-\d+)'", render_html(gaps.report, gaps.analysis))
    assert rows == ids
    groups: dict[tuple[str, str], list[str]] = {}
    for finding in gaps.report["findings"]:
        if re.fullmatch(r"(BC|SP)-\d+", finding.get("requirement", "")):
            groups.setdefault((finding["category"], finding["severity"]), []).append(finding["requirement"])
    assert groups and all(found == natural(found) for found in groups.values())


def test_every_format_says_when_a_finding_is_good_practice_or_an_option(gaps: Check, tmp_path: Path) -> None:
    """Force is shown wherever a finding is: a recommendation is not read as a breach."""
    from docx import Document as WordDocument

    from lawcheck.report.docx import write_commentary

    advisory = [f for f in gaps.report["findings"] if f.get("force") == "good_practice"]
    assert advisory, "the gaps draft has good-practice findings"
    code = advisory[0]["code"]
    text = render_text(gaps.report, limit=1000)
    assert any(code in line and "(good practice)" in line for line in text.splitlines())
    markdown = render_markdown(gaps.report)
    assert any(code.replace("_", "\\_") in line and "good practice" in line for line in markdown.splitlines())
    assert "good practice ·" in render_html(gaps.report, gaps.analysis)
    write_commentary(gaps.report, gaps.analysis, tmp_path / "commentary.docx")
    word = WordDocument(str(tmp_path / "commentary.docx"))
    cells = [cell.text for table in word.tables for row in table.rows for cell in row.cells]
    assert any(code in cell and "good practice" in cell for cell in cells)
