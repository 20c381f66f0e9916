"""Screenshots of the review page for the README: the Russian amending act bundled with
lawcheck, at a laptop's 1280x720 and a desktop's 1920x1080.

Starts `streamlit run app.py` on a free port of 127.0.0.1 (decisions in a temporary folder),
opens each view by its address and saves docs/screenshots/ru_<view>_<width>.png. Needs the
system's chromium and Playwright's Python package (never `playwright install`).

Usage: python benchmarks/screenshots.py
"""

from __future__ import annotations

import hashlib
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DRAFT = REPO / "corpora" / "national" / "ru_cpc_amendment.xml"
OUT = REPO / "docs" / "screenshots"
SIZES = ((1280, 720), (1920, 1080))
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]
# view name -> (address parameters, element to wait for)
VIEWS = {
    "overview": ("view=overview", ".st-key-coverage-matrix button"),
    "findings": ("view=findings", '[class*="st-key-finding-list-"]'),
    "clause": ("view=clauses&clause=art_1__point_4__mod_1__qstr_1__art_94-3", ".lc-provision"),
    "print": ("view=print", ".lc-print"),
}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_healthy(url: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as answer:
                if answer.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise SystemExit(f"streamlit did not answer within {seconds} s")


def settle(page: object) -> None:
    """The script has run and nothing of an earlier run is left."""
    page.wait_for_function("() => document.querySelector('[data-testid=\"stApp\"]')"  # type: ignore[attr-defined]
                           "?.dataset.testScriptState === 'notRunning' && "
                           "!document.querySelector('[data-stale=\"true\"]')")
    page.locator('.st-key-upload [data-testid="stFileUploaderDropzone"]').wait_for(state="attached")  # type: ignore[attr-defined]
    page.wait_for_timeout(2500)  # type: ignore[attr-defined]  # widgets' scripts, fonts, the graph's layout


def main() -> int:
    from playwright.sync_api import sync_playwright

    digest = hashlib.sha256(DRAFT.read_bytes()).hexdigest()
    OUT.mkdir(parents=True, exist_ok=True)
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    with tempfile.TemporaryDirectory(prefix="lawcheck-shots-") as decisions:
        env = {**os.environ, "LAWCHECK_DECISIONS_DIR": decisions, "LAWCHECK_WORKSPACE": ""}
        server = subprocess.Popen([sys.executable, "-m", "streamlit", "run", str(REPO / "app.py"),
                                   "--server.port", str(port), "--server.headless", "true",
                                   "--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false"],
                                  cwd=REPO, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            wait_healthy(url)
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=FLAGS)
                for width, height in SIZES:
                    page = browser.new_page(viewport={"width": width, "height": height})
                    page.set_default_timeout(60_000)
                    for name, (query, ready) in VIEWS.items():
                        page.goto(f"{url}/?draft={digest}&{query}")
                        page.locator(ready).first.wait_for()
                        settle(page)
                        path = OUT / f"ru_{name}_{width}.png"
                        page.screenshot(path=str(path))
                        print(path.relative_to(REPO))
                    page.close()
                browser.close()
        finally:
            server.terminate()
            server.wait(timeout=20)
    return 0


if __name__ == "__main__":
    sys.exit(main())
