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

from lawcheck.akn import parse_document
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
def page(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """A page of a fresh chromium profile (Playwright's persistent context = our user-data-dir)."""
    executable = chromium_path()
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        unavailable("the playwright package is not installed (pip install playwright; never `playwright install`)")
    profile = tmp_path_factory.mktemp("chromium-profile")
    with sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            str(profile), executable_path=executable, headless=True, args=CHROMIUM_FLAGS,
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
