"""What the page checks: the bundled demo or an upload, with the chosen options.

A request that fails (a hostile or broken file, no instrument chosen) yields the engine's one
line instead of a result, so the page can show it and keep the previous result. Imports of
Word and text drafts go through `lawcheck.ingest` when that module exists.
"""

from __future__ import annotations

import copy
import hashlib
import importlib
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from types import ModuleType

from lxml import etree

from lawcheck.akn import Document, build_document, parse_document, parse_xml
from lawcheck.data import demo_draft
from lawcheck.errors import InputError
from lawcheck.report import Check, check_document, parse_instruments
from lawcheck.ui.model import ReportView, build_view

LANGUAGES = ("auto", "en", "ru")
IMPORTED_SUFFIXES = ("docx", "txt")  # when lawcheck.ingest does not say which it takes


@dataclass(frozen=True)
class Source:
    """A draft's bytes, its name and their digest (the cache key: never the bytes)."""

    name: str
    data: bytes
    digest: str
    demo: bool = False

    @classmethod
    def of(cls, name: str, data: bytes, *, demo: bool = False) -> Source:
        return cls(name, data, hashlib.sha256(data).hexdigest(), demo)


@dataclass(frozen=True)
class Request:
    """A source with the options it is checked with."""

    source: Source
    lang: str = "auto"
    instruments: tuple[str, ...] = ("BC", "SP")
    ui_lang: str = "auto"

    @property
    def key(self) -> tuple[str, str, str, tuple[str, ...], str]:
        return (self.source.digest, self.source.name, self.lang, self.instruments, self.ui_lang)


@dataclass(frozen=True)
class Outcome:
    """A check and its view, or the one-line reason it could not be made."""

    check: Check | None = None
    view: ReportView | None = None
    error: str | None = None


def demo_source() -> Source:
    path = demo_draft()
    return Source.of(path.name, path.read_bytes(), demo=True)


def sample_drafts() -> dict[str, Path]:
    """The drafts bundled with lawcheck (corpora/national), the demo first: a newcomer can
    see a draft with gaps, or a Russian one, without having a file at hand."""
    demo = demo_draft()
    found = sorted(demo.parent.glob("*.xml"))
    return {path.name: path for path in [demo, *(p for p in found if p != demo)]}


def sample_source(name: str) -> Source:
    """A bundled draft by file name; the demo for an unknown name."""
    path = sample_drafts().get(name, demo_draft())
    return Source.of(path.name, path.read_bytes(), demo=True)


@cache
def ingest_module() -> ModuleType | None:
    """`lawcheck.ingest`, when this version has the .docx/.txt import, else None."""
    try:
        module = importlib.import_module("lawcheck.ingest")
    except ImportError:
        return None
    return module if hasattr(module, "import_bytes") else None


def imported_suffixes() -> tuple[str, ...]:
    """Suffixes (without the dot) of drafts that are imported rather than read as AKN."""
    module = ingest_module()
    suffixes = getattr(module, "DRAFT_SUFFIXES", None) if module else None
    return tuple(sorted(s.lstrip(".") for s in suffixes)) if suffixes else IMPORTED_SUFFIXES


def accepted_types() -> list[str]:
    """File types the uploader offers: AKN XML always, Word and text once import exists."""
    return ["xml", *imported_suffixes()] if ingest_module() else ["xml"]


def to_akn(source: Source, lang: str = "auto") -> bytes:
    """The source as AKN XML bytes, importing Word and text drafts first."""
    suffix = Path(source.name).suffix.lower().lstrip(".")
    if suffix in imported_suffixes():
        module = ingest_module()
        if module is None:
            raise InputError("importing .docx and .txt drafts is not available in this version yet; "
                             "give an Akoma Ntoso XML file", source=source.name)
        return module.import_bytes(source.data, source.name, lang=lang)
    return source.data


def is_imported(source: Source) -> bool:
    """Whether the draft was a Word or text file turned into AKN here: its FRBR metadata and
    line numbers were made up by the importer, not written by the drafter."""
    return Path(source.name).suffix.lower().lstrip(".") in imported_suffixes()


def read_version(source: Source, lang: str = "auto") -> tuple[Document, etree._Element]:
    """A draft and its AKN tree, for a comparison: `lawcheck.diff.compare` needs the tree to
    apply an amending act, and an upload has no file to re-read. The same loader as `run`
    (`to_akn`), so a version is read exactly as the draft itself; the document is built from a
    copy because building may add eIds to the tree it is given."""
    root = parse_xml(to_akn(source, lang), source.name)
    return build_document(copy.deepcopy(root), source.name), root


def run(request: Request) -> Outcome:
    """Parse and check one request; the engine's one-line error for bad input.

    Any other exception is an internal error: shown as one line too, because a page that
    crashes on an uploaded file loses the reviewer's place."""
    if not request.instruments:
        return Outcome(error="Choose at least one instrument: the Convention, the Second Protocol or both.")
    try:
        instruments = parse_instruments(",".join(request.instruments))
        document = parse_document(to_akn(request.source, request.lang), request.source.name)
        check = check_document(document, lang=request.lang, instruments=instruments,
                               source=request.source.name, ui_lang=request.ui_lang)
    except InputError as error:
        return Outcome(error=str(error))
    except Exception as error:
        return Outcome(error=f"{request.source.name}: internal error: {type(error).__name__}: {error}")
    return Outcome(check=check, view=build_view(check.report, check.analysis))
