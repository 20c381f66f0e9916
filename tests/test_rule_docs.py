"""The committed rule pages in docs/rules/ are what `lawcheck rules --format md` renders now."""

from __future__ import annotations

from lawcheck.rulebook.export import default_pages_dir, rules_pages
from lawcheck.rulebook.loader import load_rulebook


def test_committed_rule_pages_are_current() -> None:
    folder = default_pages_dir()
    pages = rules_pages(load_rulebook())
    stale = [name for name, text in pages.items()
             if not (folder / name).is_file() or (folder / name).read_text(encoding="utf-8") != text]
    assert not stale, f"run `lawcheck rules --format md` to refresh: {stale[:5]}"
    extra = {p.name for p in folder.glob("*.md")} - set(pages)
    assert not extra, f"pages for requirements that no longer exist: {sorted(extra)}"


def test_a_page_says_what_is_required_and_shows_examples() -> None:
    page = rules_pages(load_rulebook())["BC-16.md"]
    assert "90" in page or "ninety" in page
    assert "An example that fires" in page and "An example that passes" in page
    assert "judicial_or_independent_supervision" in page
