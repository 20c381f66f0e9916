"""The compiled cache of rules/: reused while nothing changed, rebuilt when anything did."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from lawcheck import cache as compiled_module
from lawcheck.cache import cache_key, compiled
from lawcheck.data import data_dir
from lawcheck.rulebook.loader import load_rulebook, load_rulebook_from


@pytest.fixture
def rules_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A private copy of rules/ and an empty cache folder; the key is recomputed for them."""
    root = tmp_path / "rules"
    shutil.copytree(data_dir("rules"), root)
    monkeypatch.setattr(compiled_module, "data_dir", lambda name: root)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.delenv(compiled_module.DISABLE_VARIABLE, raising=False)
    cache_key.cache_clear()
    yield root
    cache_key.cache_clear()


def _counting_build(calls: list[int], value: object):  # type: ignore[no-untyped-def]
    def build() -> object:
        calls.append(1)
        return value
    return build


def test_second_load_comes_from_the_cache(rules_copy: Path) -> None:
    calls: list[int] = []
    assert compiled("thing", _counting_build(calls, {"a": 1})) == {"a": 1}
    assert compiled("thing", _counting_build(calls, {"a": 2})) == {"a": 1}
    assert len(calls) == 1


def test_editing_any_rule_file_rebuilds_and_drops_the_old_one(rules_copy: Path) -> None:
    calls: list[int] = []
    compiled("thing", _counting_build(calls, 1))
    path = rules_copy / "bc" / "bc-16.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    cache_key.cache_clear()
    assert compiled("thing", _counting_build(calls, 2)) == 2
    assert len(calls) == 2
    assert len(list((rules_copy.parent / "cache" / "lawcheck").glob("thing-*.pickle"))) == 1


def test_key_covers_the_loader_code(rules_copy: Path, monkeypatch: pytest.MonkeyPatch,
                                    tmp_path: Path) -> None:
    before = cache_key()
    package = tmp_path / "package"
    shutil.copytree(compiled_module._PACKAGE, package, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(compiled_module, "_PACKAGE", package)
    cache_key.cache_clear()
    assert cache_key() == before  # the same code elsewhere is the same key
    for module in ("rulebook/model.py", "yamlio.py", "treaty.py"):
        path = package / module
        path.write_text(path.read_text(encoding="utf-8") + "# a new field\n", encoding="utf-8")
        cache_key.cache_clear()
        assert cache_key() != before, module
        before = cache_key()


def test_unwritable_or_corrupt_cache_only_means_no_cache(rules_copy: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = rules_copy.parent / "not-a-folder"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    assert compiled("thing", lambda: 3) == 3
    monkeypatch.setenv("XDG_CACHE_HOME", str(rules_copy.parent / "cache"))
    compiled("thing", lambda: 4)
    for path in (rules_copy.parent / "cache" / "lawcheck").glob("thing-*.pickle"):
        path.write_bytes(b"not a pickle")
    assert compiled("thing", lambda: 5) == 5


def test_cached_rulebook_equals_a_fresh_parse() -> None:
    assert load_rulebook() == load_rulebook_from(data_dir("rules"))
