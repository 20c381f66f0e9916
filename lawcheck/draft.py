"""A draft as every entry point reads it: Akoma Ntoso as is, .docx and .txt imported first.

The CLI commands, the review command and the page all load through here, so a draft reads
the same way everywhere, with the same warnings (the importer's and the reader's).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from lawcheck.akn import Document, parse_document, parse_xml, read_bytes
from lawcheck.errors import InputError
from lawcheck.ingest import DRAFT_SUFFIXES, ImportResult, convert, import_draft


@dataclass(frozen=True)
class Draft:
    """A parsed draft, the AKN bytes it came from, and what loading it noticed.

    `xml` is kept rather than a tree because building the document adds eIds to the tree it
    is given; `tree()` parses a fresh one for those (amend) that need the markup as written."""

    document: Document
    xml: bytes
    imported: bool  # made from a Word or text file here: its FRBR data and line numbers are the importer's
    warnings: tuple[str, ...] = ()

    @property
    def name(self) -> str:
        return Path(self.document.source).name

    def tree(self) -> etree._Element:
        return parse_xml(self.xml, self.document.source)


def is_draft_file(name: str) -> bool:
    """Whether a file is imported first (.docx, .txt) rather than read as Akoma Ntoso."""
    return Path(name).suffix.lower() in DRAFT_SUFFIXES


def load_draft(path: Path, *, lang: str = "auto", max_bytes: int | None = None) -> Draft:
    """A draft file on disk; InputError (one line) for bad input."""
    if is_draft_file(path.name):
        return _from_import(import_draft(path, lang=lang, max_bytes=max_bytes), path.name, max_bytes, str(path))
    return _from_akn(read_bytes(path, max_bytes), str(path), max_bytes)


def load_upload(name: str, data: bytes, *, lang: str = "auto", max_bytes: int | None = None) -> Draft:
    """A draft held in memory (an upload), named `name` in messages."""
    if is_draft_file(name):
        return _from_import(convert(data, name, lang=lang, max_bytes=max_bytes), name, max_bytes, name)
    return _from_akn(data, name, max_bytes)


def _from_import(result: ImportResult, source: str, max_bytes: int | None, where: str) -> Draft:
    """The imported XML read as a document. An error there names the draft file the user gave
    (`where`), not the generated XML, whose line numbers would point nowhere in the draft."""
    try:
        document = parse_document(result.xml, source, max_bytes=max_bytes)
    except InputError as error:
        raise InputError(error.args[0], source=where, eid=error.eid) from None
    return Draft(document, result.xml, True, (*result.warnings, *document.warnings))


def _from_akn(data: bytes, source: str, max_bytes: int | None) -> Draft:
    document = parse_document(data, source, max_bytes=max_bytes)
    return Draft(document, data, False, tuple(document.warnings))
