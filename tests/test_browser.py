"""The page in a real browser: Debian's chromium driven by Playwright's Python package.

The newcomer's path, end to end: the app starts on 127.0.0.1, the coverage matrix appears,
a draft that lacks safeguards is uploaded, "Missing safeguard" lists those findings, a click
opens the clause, and its text appears with the evidence marked. Screenshots go to
tests/artifacts/ (gitignored).

Never `playwright install`: the browser is the system's chromium (`apt-get install chromium`).
Without chromium or playwright the test skips with the reason, unless
LAWCHECK_REQUIRE_BROWSER=1 (as in CI), which turns the skip into a failure.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from test_import_roundtrip import as_docx, visible_paragraphs

from lawcheck.akn import parse_document
from lawcheck.draft import load_upload
from lawcheck.pipeline import Check, check_document
from lawcheck.ui.model import safeguard_gaps

REPO = Path(__file__).resolve().parents[1]
APP = REPO / "app.py"
GAPS = REPO / "corpora" / "national" / "en_gaps_draft.xml"
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
REQUIRED = os.environ.get("LAWCHECK_REQUIRE_BROWSER") == "1"
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"]
WAIT_MS = 45_000  # the first check of a fresh server loads rules and lexicons


def unavailable(reason: str) -> None:
    """Skip, or fail when the browser test is required (CI)."""
    if REQUIRED:
        pytest.fail(f"LAWCHECK_REQUIRE_BROWSER=1 but {reason}")
    pytest.skip(reason)


def chromium_path() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if not found and Path("/usr/bin/chromium").exists():
        found = "/usr/bin/chromium"
    if not found:
        unavailable("no chromium found (Debian/Ubuntu: apt-get install -y chromium)")
    return found


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_healthy(url: str, process: subprocess.Popen[bytes], seconds: float = 40) -> None:
    """Poll Streamlit's health endpoint until the server answers."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"streamlit exited with {process.returncode}; see {ARTIFACTS / 'streamlit.log'}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as answer:
                if answer.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    pytest.fail(f"streamlit did not answer within {seconds} s")


@pytest.fixture(scope="module")
def app_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """`streamlit run app.py` on a free port of 127.0.0.1, stopped after the tests."""
    try:
        import streamlit  # noqa: F401
    except ImportError:
        unavailable("streamlit is not installed (pip install -e '.[app]')")
    ARTIFACTS.mkdir(exist_ok=True)
    port = free_port()
    command = [sys.executable, "-m", "streamlit", "run", str(APP), "--server.port", str(port),
               "--server.headless", "true", "--server.address", "127.0.0.1",
               "--browser.gatherUsageStats", "false"]
    with (ARTIFACTS / "streamlit.log").open("wb") as log:
        decisions = tmp_path_factory.mktemp("decisions")  # never the reviewer's own folder
        env = {**os.environ, "LAWCHECK_DECISIONS_DIR": str(decisions)}
        process = subprocess.Popen(command, cwd=REPO, stdout=log, stderr=subprocess.STDOUT, env=env)
        url = f"http://127.0.0.1:{port}"
        try:
            wait_healthy(url, process)
            yield url
        finally:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()


@pytest.fixture(scope="module")
def driver() -> Iterator[Any]:
    """Playwright, started once for the module: its sync API runs one event loop per thread."""
    chromium_path()
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        unavailable("the playwright package is not installed (pip install playwright; never `playwright install`)")
    with sync_playwright() as playwright:
        yield playwright


@pytest.fixture(scope="module")
def page(driver: Any, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """A page of a fresh chromium profile (Playwright's persistent context = our user-data-dir)."""
    profile = tmp_path_factory.mktemp("chromium-profile")
    context = driver.chromium.launch_persistent_context(
        str(profile), executable_path=chromium_path(), headless=True, args=CHROMIUM_FLAGS,
        viewport={"width": 1440, "height": 1000})
    context.set_default_timeout(WAIT_MS)
    try:
        yield context.pages[0] if context.pages else context.new_page()
    finally:
        context.close()


@pytest.fixture(scope="module")
def gaps_check() -> Check:
    return check_document(parse_document(GAPS.read_bytes(), GAPS.name), source=GAPS.name)


def screenshot(page: Any, name: str, height: int) -> Path:
    """A screenshot of the whole app: Streamlit scrolls inside the page, so the viewport is
    made tall enough for the content instead of using full_page."""
    page.set_viewport_size({"width": 1440, "height": height})
    page.wait_for_timeout(1500)
    path = ARTIFACTS / name
    page.screenshot(path=str(path))
    page.set_viewport_size({"width": 1440, "height": 1000})
    return path


def test_newcomer_finds_a_missing_safeguard_and_its_clause(page: Any, app_url: str, gaps_check: Check) -> None:
    from playwright.sync_api import expect

    expect.set_options(timeout=WAIT_MS)  # a shared CI machine may take seconds to rerun the page

    began = time.monotonic()
    page.goto(app_url)
    # Streamlit renders in the browser: wait for the matrix, not for the load event.
    page.locator(".st-key-coverage-matrix button").first.wait_for()
    assert page.locator('[data-testid="stException"]').count() == 0

    page.locator('.st-key-upload input[type="file"]').set_input_files(str(GAPS))
    title = gaps_check.report["document"]["title"]
    expect(page.get_by_role("heading", name=title, exact=True)).to_be_visible()
    page.locator(".st-key-safeguard-gaps").wait_for()
    screenshot(page, "overview.png", 2000)

    page.locator(".st-key-cat-missing_safeguard button").click()
    finding = page.locator('[class*="st-key-finding-list-missing_safeguard-"]').first
    finding.wait_for()
    expect(page.get_by_role("tab", name="Findings")).to_have_attribute("aria-selected", "true")
    assert safeguard_gaps(gaps_check.report), "the gaps draft must lack a safeguard"
    first = next(f for f in gaps_check.report["findings"] if f["category"] == "missing_safeguard")
    eid, cited = first["provisions"][0], first["labels"][0]
    finding.get_by_role("button", name=f"Open {cited}", exact=True).click()  # a citation, not the eId

    expect(page.get_by_role("tab", name="Clauses")).to_have_attribute("aria-selected", "true")
    page.wait_for_function("document.querySelector('[data-testid=\"stMain\"]').scrollTop === 0")
    text = page.locator(".lc-provision").first
    words = " ".join(gaps_check.analysis.units[eid].tagged.text.split())
    expect(text).to_contain_text(words[:40])
    expect(text.locator("mark").first).to_be_visible()
    expect(page.get_by_text("What the treaty asks")).to_be_visible()
    assert page.locator('[data-testid="stException"]').count() == 0
    screenshot(page, "clause.png", 1300)

    with page.expect_download() as download:
        page.locator(".st-key-dl_json button").click()
    report = json.loads(Path(download.value.path()).read_text(encoding="utf-8"))
    assert report["schema"] == "lawcheck.report/1"
    assert report["summary"] == gaps_check.report["summary"]
    assert time.monotonic() - began < 60


def _open_findings(page: Any, app_url: str, workspace: str) -> None:
    """A reviewer's session: the demo draft, a workspace named in the sidebar, the findings view."""
    page.goto(app_url)
    page.locator(".st-key-coverage-matrix button").first.wait_for()
    field = page.locator(".st-key-workspace input")
    field.fill(workspace)
    field.press("Enter")
    page.get_by_role("tab", name="Findings").click()
    page.locator(".st-key-list-dismiss-0 button").first.wait_for()


def test_two_browser_sessions_in_different_workspaces_never_see_each_others_decisions(
        page: Any, app_url: str) -> None:
    """Two people on one server (two browser tabs, two Streamlit sessions): one dismisses a
    finding in workspace "Team A"; the session in workspace "Team B" does not see it, and a
    third session back in "Team A" does."""
    from playwright.sync_api import expect

    expect.set_options(timeout=WAIT_MS)
    reason = "Team A reviewed this clause"
    first = page.context.new_page()
    _open_findings(first, app_url, "Team A")
    first.locator(".st-key-list-dismiss-0 button").first.click()
    first.locator(".st-key-list-reason-0 textarea").first.fill(reason)
    first.locator(".st-key-list-reviewer-0 input").first.fill("A. Expert")
    first.locator(".st-key-list-save-0 button").first.click()
    expect(first.get_by_text(reason).first).to_be_visible()

    second = page.context.new_page()
    _open_findings(second, app_url, "Team B")
    second.wait_for_timeout(1500)
    assert second.get_by_text(reason).count() == 0

    third = page.context.new_page()
    _open_findings(third, app_url, "Team A")
    expect(third.get_by_text(reason).first).to_be_visible()
    for tab in (first, second, third):
        tab.close()


# --- a Russian amending act from Word, its links and its print view --------------------------

AMENDMENT = REPO / "corpora" / "national" / "ru_cpc_amendment.xml"
VISIBLE_TEXT = """() => {
  const root = document.querySelector('[data-testid="stApp"]') || document.body;
  const hidden = '[data-testid="stIconMaterial"], [data-testid="stToolbar"], [data-testid="stStatusWidget"], ' +
                 '[aria-hidden="true"], script, style';
  const shown = el => el && !el.closest(hidden) && el.checkVisibility({checkOpacity: true, checkVisibilityCSS: true})
                      && el.getBoundingClientRect().width > 1 && el.getBoundingClientRect().height > 1;
  const out = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.textContent.trim() && shown(node.parentElement)) out.push(node.textContent.trim());
  }
  for (const input of root.querySelectorAll('input, textarea')) {
    if (['file', 'hidden', 'checkbox', 'radio'].includes(input.type) || !shown(input)) continue;
    out.push(input.value || input.placeholder || '');
  }
  return out.filter(Boolean);
}"""
# What may stay in Latin letters on a Russian page: treaty and requirement ids, the tool's
# name, file names and formats, and units of file size.
ALLOWED_LATIN = re.compile(r"\b(?:BC|SP)-\d+\b|\b[\w.-]+\.(?:xml|docx|txt|pdf|html)\b|"
                           r"\b(?:ETS|CETS|lawcheck|PDF|JSON|HTML|DOCX|XML|TXT|Markdown|Akoma|Ntoso|Ctrl|"
                           r"English)\b|\d+(?:\.\d+)?\s?[KM]B\b")
LATIN_WORD = re.compile(r"[A-Za-z]{2,}")


def amendment_docx() -> bytes:
    """The Russian amending act as a drafter has it in Word: one paragraph per line of its text."""
    return as_docx(visible_paragraphs(AMENDMENT.read_bytes()))


def settled(page: Any) -> None:
    """Wait until the script has run and no element of an earlier run is left on the page."""
    page.wait_for_function("() => document.querySelector('[data-testid=\"stApp\"]')"
                           "?.dataset.testScriptState === 'notRunning' && "
                           "!document.querySelector('[data-stale=\"true\"]')")
    page.wait_for_timeout(300)  # a rerun the last one asked for may start just after it


def latin_words(page: Any, looks: int = 4) -> dict[str, str]:
    """Words in Latin letters shown on the page (beyond the allowed tokens), with where. The
    page is looked at again after a pause when it shows some: English that stays is reported,
    a widget's own words seen for an instant while a rerun redraws the page are not."""
    found: dict[str, str] = {}
    for _ in range(looks):
        settled(page)
        found = {}
        for text in page.evaluate(VISIBLE_TEXT):
            for word in LATIN_WORD.findall(ALLOWED_LATIN.sub(" ", text)):
                found.setdefault(word, text[:80])
        if not found:
            return found
        page.wait_for_timeout(700)
    return found


@pytest.fixture(scope="module")
def browser(driver: Any) -> Iterator[Any]:
    """A chromium whose every context is a fresh profile: a colleague opening a link."""
    launched = driver.chromium.launch(executable_path=chromium_path(), headless=True, args=CHROMIUM_FLAGS)
    try:
        yield launched
    finally:
        launched.close()


def test_russian_amending_act_from_word_reads_in_russian_links_and_prints(
        browser: Any, app_url: str, tmp_path: Path) -> None:
    from playwright.sync_api import expect

    expect.set_options(timeout=WAIT_MS)
    began = time.monotonic()
    upload = tmp_path / "ru_cpc_amendment.docx"
    upload.write_bytes(amendment_docx())
    draft = load_upload(upload.name, upload.read_bytes())
    report = check_document(draft.document, source=upload.name).report
    findings = report["findings"]
    assert report["document"]["ui_language"] == "ru" and findings
    eids = {a["eId"] for a in report["alignment"]}

    context = browser.new_context(viewport={"width": 1280, "height": 720})
    context.set_default_timeout(WAIT_MS)
    page = context.new_page()
    page.goto(app_url)
    page.locator(".st-key-coverage-matrix button").first.wait_for()
    page.locator('.st-key-upload input[type="file"]').set_input_files(str(upload))
    expect(page.get_by_role("heading", name=report["document"]["title"], exact=True)).to_be_visible()
    page.locator(".st-key-coverage-matrix button").first.wait_for()
    assert latin_words(page) == {}, "English on the Russian overview"

    page.get_by_role("tab", name="Замечания", exact=True).click()
    safeguard = next(i for i, f in enumerate(findings) if f["category"] == "missing_safeguard" and f.get("suggestion"))
    card = page.locator(f".st-key-finding-list-missing_safeguard-{safeguard}")
    suggestion = findings[safeguard]["suggestion"]["text"]
    expect(card).to_contain_text("Предлагаемая редакция")
    expect(card).to_contain_text(suggestion[:60])
    settled(page)
    shown = page.evaluate(VISIBLE_TEXT)
    assert any("ст. 94-3" in text for text in shown), "the findings cite the article the act inserts"
    assert not [text for text in shown if any(eid in text for eid in eids if "__" in eid)], "an eId is shown"
    assert latin_words(page) == {}, "English on the Russian findings"

    # The finding's link, opened by a colleague: a fresh browser context on the same server.
    href = card.locator('a[href*="finding="]').get_attribute("href")
    assert href and "draft=" in href and "__" not in href
    colleague = browser.new_context(viewport={"width": 1280, "height": 720})
    colleague.set_default_timeout(WAIT_MS)
    other = colleague.new_page()
    other.goto(app_url + "/" + href.lstrip("/"))
    linked = other.locator(f".st-key-finding-linked-missing_safeguard-{safeguard}")
    expect(linked).to_contain_text(findings[safeguard]["message"][:60])
    expect(other.get_by_role("tab", name="Замечания", exact=True)).to_have_attribute("aria-selected", "true")
    assert latin_words(other) == {}, "English on the page a link opens"
    colleague.close()

    # Every finding on paper, and its PDF.
    settled(page)
    page.locator(".st-key-open-print button").first.click()
    page.locator(".lc-print").wait_for()
    assert page.locator("article.lc-print-finding").count() == len(findings) == report["summary"]["findings"]
    assert page.locator('[data-testid="stSidebar"]').is_hidden()
    assert latin_words(page) == {}, "English in the print view"
    with page.expect_download() as download:
        page.locator(".st-key-print-pdf button").first.click()
    assert Path(download.value.path()).read_bytes().startswith(b"%PDF")
    page.emulate_media(media="print")  # the browser's own printing: no buttons, every page, not the first screen
    assert page.locator(".st-key-print-tools").first.is_hidden()
    printed = page.pdf(format="A4")
    assert len(re.findall(rb"/Type\s*/Page[^s]", printed)) > 2
    page.emulate_media(media="screen")

    # The rule graph: readable labels, and a node opens its article.
    page.locator(".st-key-print-back button").first.click()
    page.get_by_role("tab", name="Граф требований", exact=True).click()
    node = page.locator(".st-key-rule-graph svg a").first
    node.wait_for()
    sizes = page.evaluate("() => [...document.querySelectorAll('.st-key-rule-graph svg text')]"
                          ".map(t => parseFloat(t.getAttribute('font-size')) * t.getScreenCTM().a)")
    assert sizes and min(sizes) >= 12, f"graph labels of {min(sizes):.1f} px"
    target = node.get_attribute("xlink:href") or node.get_attribute("href")
    requirement_id = re.search(r"article=((?:BC|SP)-\d+)", target).group(1)
    node.click()
    expect(page.get_by_role("tab", name="Статьи договора", exact=True)).to_have_attribute("aria-selected", "true")
    expect(page.locator(".lc-h2").first).to_contain_text(requirement_id)
    context.close()
    assert time.monotonic() - began < 90
