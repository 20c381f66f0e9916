"""Import of Word (.docx) and text (.txt) drafts into Akoma Ntoso 3.0.

    from lawcheck.ingest import import_file
    xml = import_file(Path("draft.docx"), lang="ru", country="kg", date="2024-05-01")

Pipeline: bytes -> lines (lines.py for text, docx_reader.py for Word, with automatic
numbering from word_numbering.py) -> outline (structure.py, using labels.py and inline.py)
-> AKN XML (akn_writer.py, FRBR from metadata.py, eIds from lawcheck.akn).

Decisions:
- every bad input (not a .docx, a corrupt or oversized zip, a zip bomb, a DOCTYPE in a Word
  part, binary junk or undecodable bytes in a .txt, an empty draft, a file over 50 MB) raises
  InputError with one line;
- the file type comes from the content (a zip is Word, .doc/RTF/PDF are refused by their
  magic bytes), the extension only names it in messages;
- the text is kept as written (whitespace collapsed), so texts compare with their source.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from lawcheck.akn.reader import DEFAULT_MAX_BYTES, read_bytes, size_limit
from lawcheck.errors import InputError

if TYPE_CHECKING:  # the recogniser loads when a draft is imported, not when an XML file is read
    from lawcheck.ingest.lines import Line
    from lawcheck.ingest.structure import Outline

__all__ = ["DRAFT_SUFFIXES", "MAX_BYTES", "ImportResult", "convert", "import_bytes", "import_draft", "import_file",
           "read_lines"]

DRAFT_SUFFIXES = frozenset({".docx", ".txt"})
"""Files that `lawcheck check` and the app import first instead of reading them as Akoma Ntoso
(any text file, Markdown included, can still be imported with `lawcheck import`)."""

MAX_BYTES = DEFAULT_MAX_BYTES
"""Largest draft accepted (the same limit as the AKN reader's), and largest XML written."""
MAX_PARAGRAPHS = 50_000
"""Non-blank lines of a text draft or paragraphs of a Word draft; a 300,000-word code has about 20,000."""

_NON_BLANK_LINE = re.compile(r"^[^\S\n]*\S", re.MULTILINE)
_REFUSED_MAGIC = (
    (b"\xd0\xcf\x11\xe0", "an old binary Word .doc or a password-protected Word file: save it as an unprotected .docx"),
    (b"{\\rtf", "an RTF file: save it as .docx or .txt"),
    (b"%PDF", "a PDF file: export the text as .docx or .txt"),
)


@dataclass(frozen=True, slots=True)
class ImportResult:
    """An imported draft: the AKN bytes and what the recogniser found, for a summary line."""

    xml: bytes
    language: str  # "en" | "ru"
    articles: int  # articles and sections found
    units: int  # all units of the body
    title: str
    warnings: tuple[str, ...]


def import_file(path: Path | str, *, lang: str = "auto", title: str | None = None, country: str | None = None,
                date: str | None = None, max_bytes: int | None = None) -> bytes:
    """AKN 3.0 XML for a .docx or .txt draft on disk; InputError (one line) for bad input."""
    return import_draft(path, lang=lang, title=title, country=country, date=date, max_bytes=max_bytes).xml


def import_bytes(data: bytes, filename: str, *, lang: str = "auto", title: str | None = None,
                 country: str | None = None, date: str | None = None, max_bytes: int | None = None) -> bytes:
    """Like import_file, for bytes already in memory (a Streamlit upload); `filename` names
    the draft in messages and gives the default title."""
    return convert(data, filename, lang=lang, title=title, country=country, date=date, max_bytes=max_bytes).xml


def import_draft(path: Path | str, *, lang: str = "auto", title: str | None = None, country: str | None = None,
                 date: str | None = None, max_bytes: int | None = None) -> ImportResult:
    """import_file, with what was found (for the CLI's summary and warnings)."""
    data = read_bytes(path, max_bytes, expected="a draft")
    return convert(data, Path(path).name, lang=lang, title=title, country=country, date=date,
                   max_bytes=max_bytes, source=str(path))


def convert(data: bytes, filename: str, *, lang: str = "auto", title: str | None = None,
            country: str | None = None, date: str | None = None, max_bytes: int | None = None,
            source: str | None = None) -> ImportResult:
    """Bytes of a draft -> ImportResult; the one path every entry point takes."""
    from lawcheck.ingest.akn_writer import write_akn
    from lawcheck.ingest.metadata import build_metadata, resolve_language
    from lawcheck.ingest.structure import build_outline

    where = source or filename
    limit = size_limit(max_bytes)
    if len(data) > limit:
        raise InputError(f"file is {len(data):,} bytes, over the limit of {limit:,} bytes", source=where)
    lines = read_lines(bytes(data), where)
    if not lines:
        raise InputError("no text found in the draft", source=where)
    language = resolve_language(lang, [line.text for line in lines])
    outline = build_outline(lines, language)
    metadata = build_metadata(language=language, title=title, country=country, date=date,
                              found_title=outline.title, front=outline.front, filename=filename)
    xml = write_akn(outline, metadata, source_name=filename)
    if len(xml) > MAX_BYTES:
        raise InputError(f"the imported XML would be {len(xml):,} bytes, over the limit of {MAX_BYTES:,}",
                         source=where)
    articles, units = _counts(outline)
    warnings = () if articles else ("no articles or sections recognised: each numbered paragraph became a "
                                    "unit of the body; check the numbering of the draft",)
    return ImportResult(xml, language, articles, units, metadata.title, warnings)


def _counts(outline: Outline) -> tuple[int, int]:
    articles = units = 0
    stack = list(outline.body.children)
    while stack:
        node = stack.pop()
        units += 1
        articles += node.element in ("article", "section")
        stack.extend(node.children)
    return articles, units


def read_lines(data: bytes, source: str) -> list[Line]:
    """The paragraphs of a draft, from Word or text bytes (chosen by content, not by name)."""
    from lawcheck.ingest.lines import decode_text, text_lines

    for magic, what in _REFUSED_MAGIC:
        if data.startswith(magic):
            raise InputError(f"{what}", source=source)
    if data.startswith(b"PK"):
        from lawcheck.ingest.docx_reader import docx_lines  # python-docx loads only for Word files

        return docx_lines(data, source, max_paragraphs=MAX_PARAGRAPHS)
    if source.lower().endswith((".docx", ".docm", ".dotx")):
        raise InputError("not a Word .docx file (no zip signature)", source=source)
    text = decode_text(data, source)
    if sum(1 for _ in _NON_BLANK_LINE.finditer(text)) > MAX_PARAGRAPHS:
        raise too_many_paragraphs(source)
    return text_lines(text)


def too_many_paragraphs(source: str) -> InputError:
    return InputError(f"more than {MAX_PARAGRAPHS:,} lines or paragraphs: not a draft this tool can check",
                      source=source)


