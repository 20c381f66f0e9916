"""How quickly lawcheck answers where a person waits: the page switching views on a large
draft, matching renumbered provisions, importing a long text, refusing hostile XML.

The tests check that these work; the times, which depend on the machine and its load, are
measured here against their targets.

Usage: python benchmarks/responsiveness.py
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))  # the tests' draft builders

from lawcheck.akn import parse_document  # noqa: E402
from lawcheck.compare.match import match_provisions  # noqa: E402
from lawcheck.errors import InputError  # noqa: E402
from lawcheck.ingest import import_bytes  # noqa: E402
from tests.conftest import akn_xml  # noqa: E402
from tests.test_akn_hostile import BILLION_LAUGHS  # noqa: E402
from tests.test_diff import _synthetic  # noqa: E402
from tests.test_ingest import long_code  # noqa: E402


def seconds(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def view_switches() -> float:
    """The slowest switch between views of the page on a 300-provision draft (target < 1 s)."""
    from tests.test_app import big_draft, show, start, upload

    app = upload(start(), "big.xml", big_draft(akn_xml))
    return max(seconds(lambda view=view: show(app, view))
               for view in ("Findings", "Clauses", "Articles", "Rule graph", "Overview", "Clauses"))


def renumbered_matching() -> float:
    """300 provisions whose eIds all shifted, matched (target < 1 s)."""
    old = parse_document(_synthetic(100, 0), "old.xml")
    new = parse_document(_synthetic(100, 1), "new.xml")
    return seconds(lambda: match_provisions(old, new))


def long_import() -> float:
    """A 300,000-word Russian code imported from text (target < 20 s)."""
    data = long_code(300_000).encode("utf-8")
    return seconds(lambda: import_bytes(data, "code.txt"))


def billion_laughs() -> float:
    """Entity expansion refused before any work (target < 1 s)."""
    def refuse() -> None:
        try:
            parse_document(BILLION_LAUGHS.encode(), "upload.xml")
        except InputError:
            return
        raise AssertionError("billion laughs was not refused")
    return seconds(refuse)


TARGETS = {"view switch": (view_switches, 1.0), "renumbered matching": (renumbered_matching, 1.0),
           "300k-word import": (long_import, 20.0), "billion laughs refused": (billion_laughs, 1.0)}


def main() -> int:
    failed = 0
    for name, (measure, target) in TARGETS.items():
        elapsed = measure()
        ok = elapsed < target
        failed += not ok
        print(f"{name:<24} {elapsed:7.3f} s   target < {target:g} s   {'ok' if ok else 'SLOW'}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
