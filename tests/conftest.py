"""Shared fixtures: where the shared reference material (../shared) lives, and small helpers.

The devset, the AKN samples and the OASIS schema are not copied into the project; tests that
need them skip with a visible reason when ../shared is absent.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
_CACHE_KEY = pytest.StashKey[tuple[str, str | None]]()


@pytest.fixture(scope="session")
def national_check() -> Callable[[str], Any]:
    """The default check of a bundled draft (corpora/national/NAME), made once per session and
    shared between tests: read it, never edit its analysis."""
    from lawcheck.akn import read_document
    from lawcheck.pipeline import check_document

    @cache
    def check(name: str) -> Any:
        return check_document(read_document(REPO / "corpora" / "national" / name))

    return check


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """The shared folder beside the repository (../shared), or skip."""
    if not (SHARED / "devset" / "akn").is_dir():
        pytest.skip(f"shared reference folder not found at {SHARED} (devset and samples needed)")
    return SHARED


@pytest.fixture(scope="session")
def devset(shared_dir: Path) -> Path:
    """Folder of the four real laws in AKN 3.0 (devset/akn)."""
    return shared_dir / "devset" / "akn"


@pytest.fixture(scope="session")
def samples(shared_dir: Path) -> Path:
    """Folder of the reference AKN samples (AKN 1.0, UK Lawmaker, Laws.Africa)."""
    folder = shared_dir / "reference" / "akn" / "samples"
    if not folder.is_dir():
        pytest.skip(f"AKN samples not found at {folder}")
    return folder


@pytest.fixture(scope="session")
def akn_schema(shared_dir: Path) -> Path:
    """The OASIS AKN 3.0 schema (with xml.xsd beside it, so it compiles offline)."""
    schema = shared_dir / "reference" / "akn" / "akomantoso30.xsd"
    if not schema.is_file() or not (schema.parent / "xml.xsd").is_file():
        pytest.skip(f"OASIS schema (and xml.xsd) not found beside {schema}")
    return schema


AKN_NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"


def akn_xml(body: str, *, language: str = "eng", title: str = "Test Act", country: str = "xx",
            preface: str = "", doc_type: str = "act") -> bytes:
    """A small but complete AKN 3.0 document around `body` (the content of <body>)."""
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<akomaNtoso xmlns="{AKN_NS}">
  <{doc_type} name="{doc_type}">
    <meta>
      <identification source="#test">
        <FRBRWork>
          <FRBRthis value="/akn/{country}/act/2024/1/!main"/>
          <FRBRuri value="/akn/{country}/act/2024/1"/>
          <FRBRdate date="2024-01-01" name="adoption"/>
          <FRBRauthor href="#test"/>
          <FRBRcountry value="{country}"/>
          <FRBRname value="{title}"/>
        </FRBRWork>
        <FRBRExpression>
          <FRBRthis value="/akn/{country}/act/2024/1/{language}@2024-01-01/!main"/>
          <FRBRuri value="/akn/{country}/act/2024/1/{language}@2024-01-01"/>
          <FRBRdate date="2024-01-01" name="expression"/>
          <FRBRauthor href="#test"/>
          <FRBRlanguage language="{language}"/>
        </FRBRExpression>
        <FRBRManifestation>
          <FRBRthis value="/akn/{country}/act/2024/1/{language}@2024-01-01/!main.xml"/>
          <FRBRuri value="/akn/{country}/act/2024/1/{language}@2024-01-01.akn"/>
          <FRBRdate date="2024-01-01" name="transform"/>
          <FRBRauthor href="#test"/>
        </FRBRManifestation>
      </identification>
      <references source="#test">
        <TLCOrganization eId="test" href="/ontology/organization/test" showAs="Test"/>
      </references>
    </meta>
    {preface}
    <body>
{body}
    </body>
  </{doc_type}>
</akomaNtoso>
""".encode()


@pytest.fixture(autouse=True)
def own_decisions(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test keeps reviewer decisions in a folder of its own (the page's and the command
    line's default store), never in the home folder, and names no workspace unless it says so."""
    folder = tmp_path_factory.mktemp("decisions")
    monkeypatch.setenv("LAWCHECK_DECISIONS_DIR", str(folder))
    monkeypatch.delenv("LAWCHECK_WORKSPACE", raising=False)
    return folder


@pytest.fixture
def write_akn(tmp_path: Path):
    """Write an AKN document built by `akn_xml` to a file; returns its path."""

    def write(body: str, name: str = "draft.xml", **options: str) -> Path:
        path = tmp_path / name
        path.write_bytes(akn_xml(body, **options))
        return path

    return write


@pytest.fixture
def akn():
    """The `akn_xml` builder, for tests that parse bytes (parse_document)."""
    return akn_xml


def pytest_configure(config: pytest.Config) -> None:
    """Compiled rules go to a cache folder of this session (shared with the CLI subprocesses the
    tests start), never to the user's own cache."""
    folder = tempfile.mkdtemp(prefix="lawcheck-test-cache-")
    config.stash[_CACHE_KEY] = (folder, os.environ.get("XDG_CACHE_HOME"))
    os.environ["XDG_CACHE_HOME"] = folder


def pytest_unconfigure(config: pytest.Config) -> None:
    folder, previous = config.stash[_CACHE_KEY]
    shutil.rmtree(folder, ignore_errors=True)
    if previous is None:
        os.environ.pop("XDG_CACHE_HOME", None)
    else:
        os.environ["XDG_CACHE_HOME"] = previous
