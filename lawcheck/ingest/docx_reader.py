"""Reading a Word (.docx) draft as lines, safely.

A .docx is a zip of XML parts, and drafts arrive from outside, so before python-docx sees it:
- the zip's directory is checked, not its data: at most 5,000 entries, 256 MB uncompressed in
  all, and no entry over 10 MB that expands more than 100 times (a zip bomb). Python's zip
  reader stops at the declared size, so the declared sizes bound the real ones;
- every part that holds XML, whatever its name, is parsed on its own, decoded by the
  encoding it declares (UTF-16 included), by a parser that loads no DTD and resolves no
  entity, and refused if it has a DOCTYPE (Word never writes one; with it come entity
  expansion and external entities) or is not well-formed. python-docx's own parser also
  runs with resolve_entities=False and without network access;
- anything python-docx trips over after that (a part without a content type, an external
  relationship where a part is expected, a document without a body) is bad input too.

Then each paragraph of the body (tables included, text boxes left out) becomes a Line:
- its text, runs in order (tracked insertions kept, deletions dropped); a superscript number
  after a digit is written as an inserted-unit suffix ("94" + superscript "1" -> "94-1");
- its automatic number, computed from numbering.xml (word_numbering.py) and put before the
  text, since python-docx's `.text` does not have it;
- its heading level: Title -> 0, Heading 1-9 -> 1-9, else the style's outline level.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from dataclasses import dataclass

import docx
from docx.document import Document as WordDocument
from docx.enum.style import WD_STYLE_TYPE
from lxml import etree

from lawcheck.errors import InputError
from lawcheck.ingest.lines import Line, clean_text
from lawcheck.ingest.word_numbering import WordNumbering, w

MAX_ENTRIES = 5_000
MAX_UNCOMPRESSED = 256 * 1024 * 1024
BOMB_ENTRY_BYTES = 10 * 1024 * 1024
BOMB_RATIO = 100
MAX_PART_TAGS = 4_000_000
"""Tags in one part (a 300,000-word code has under a million): more would take gigabytes to parse."""

_XML_START = re.compile(rb"^(?:\xef\xbb\xbf|\xff\xfe|\xfe\xff|\x00\x00\xfe\xff|\xff\xfe\x00\x00)?[\s\x00]*<")
_PART_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False,
                               huge_tree=False, remove_comments=True)
_HEADING_STYLE = re.compile(r"^(?:heading|заголовок)\s*([1-9])$", re.IGNORECASE)
_TITLE_STYLES = frozenset({"title", "название", "заголовок"})
_SKIPPED_ANCESTORS = frozenset({w("txbxContent"), w("del"), w("moveFrom")})
_SUPERSCRIPT_DIGITS = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


@dataclass(frozen=True, slots=True)
class StyleInfo:
    """What a paragraph style says about its paragraphs (its base styles resolved)."""

    level: int | None
    num_id: str | None
    ilvl: int | None


def docx_lines(data: bytes, source: str, *, max_paragraphs: int) -> list[Line]:
    """The paragraphs of a Word draft as Lines (see the module docstring)."""
    check_archive(data, source)
    document = _open(data, source)
    try:
        return _lines(document, max_paragraphs, source)
    except InputError:
        raise
    except Exception as error:  # python-docx raises many types on packages it half understands
        raise InputError(f"not a readable Word .docx file: {_one_line(error)}", source=source) from None


def _lines(document: WordDocument, max_paragraphs: int, source: str) -> list[Line]:
    numbering = WordNumbering(_numbering_element(document))
    styles = _style_infos(document)
    default = _default_style_id(document)
    lines: list[Line] = []
    for number, paragraph in enumerate(_body_paragraphs(document), start=1):
        if number > max_paragraphs:
            raise InputError(f"more than {max_paragraphs:,} paragraphs: not a draft this tool can check",
                             source=source)
        style = styles.get(_style_id(paragraph) or default, StyleInfo(None, None, None))
        label = _auto_label(paragraph, style, numbering)
        text = clean_text(f"{label} {_paragraph_text(paragraph)}" if label else _paragraph_text(paragraph))
        if text:
            lines.append(Line(text, number, style.level))
    return lines


# -- the package --------------------------------------------------------------------------------

def check_archive(data: bytes, source: str) -> None:
    """Refuse what is not a sane .docx before any XML is parsed (see the module docstring)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
            _check_sizes(infos, source)
            names = {info.filename for info in infos}
            if "[Content_Types].xml" not in names:
                raise InputError("not a Word .docx file (a zip without [Content_Types].xml)", source=source)
            for info in infos:
                _check_part(info.filename, archive.read(info), source)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, EOFError, NotImplementedError, ValueError) \
            as error:
        raise InputError(f"not a readable Word .docx file (corrupt zip: {_one_line(error)})", source=source) \
            from None
    except (RuntimeError, OSError) as error:  # encrypted entries, odd compression
        raise InputError(f"cannot read the Word file: {_one_line(error)}", source=source) from None


def _check_part(name: str, data: bytes, source: str) -> None:
    """Refuse an XML part with a DOCTYPE or that is not well-formed, in whatever encoding it declares."""
    if not _XML_START.match(data[:64]):
        return  # images, fonts and other binary parts
    if data.count(b"<") > MAX_PART_TAGS:
        raise InputError(f"{name} has more than {MAX_PART_TAGS:,} XML tags: not a draft this tool can read",
                         source=source)
    try:
        tree = etree.ElementTree(etree.fromstring(data, _PART_PARSER))
    except (etree.LxmlError, ValueError, LookupError) as error:
        if "DOCTYPE" in str(error) or "ENTITY" in str(error).upper():
            raise InputError(f"DOCTYPE or ENTITY declarations are refused (in {name})", source=source) from None
        raise InputError(f"not a readable Word .docx file: {name} is not well-formed XML "
                         f"({_one_line(error)})", source=source) from None
    if tree.docinfo.doctype or tree.docinfo.internalDTD is not None:
        raise InputError(f"DOCTYPE or ENTITY declarations are refused (in {name})", source=source)


def _check_sizes(infos: list[zipfile.ZipInfo], source: str) -> None:
    if len(infos) > MAX_ENTRIES:
        raise InputError(f"not a plausible Word file: {len(infos):,} zip entries", source=source)
    total = 0
    for info in infos:
        total += info.file_size
        if info.file_size > BOMB_ENTRY_BYTES and info.file_size > BOMB_RATIO * max(info.compress_size, 1):
            raise InputError(f"zip bomb refused: {info.filename} expands {info.compress_size:,} bytes to "
                             f"{info.file_size:,}", source=source)
    if total > MAX_UNCOMPRESSED:
        raise InputError(f"Word file too large: {total:,} bytes uncompressed (limit {MAX_UNCOMPRESSED:,})",
                         source=source)


def _open(data: bytes, source: str) -> WordDocument:
    try:
        return docx.Document(io.BytesIO(data))
    except Exception as error:  # python-docx raises many types on malformed packages: all are bad input
        raise InputError(f"not a readable Word .docx file: {_one_line(error)}", source=source) from None


def _one_line(error: BaseException) -> str:
    text = " ".join(str(error).split()) or type(error).__name__
    return text[:200]


def _numbering_element(document: WordDocument) -> etree._Element | None:
    try:
        part = document.part.part_related_by(
            "http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering")
    except KeyError:
        return None
    return getattr(part, "element", None)


# -- styles -------------------------------------------------------------------------------------

def _style_infos(document: WordDocument) -> dict[str, StyleInfo]:
    """Heading level and numbering of every paragraph style, through its base styles."""
    raw: dict[str, tuple[str, str | None, etree._Element]] = {}
    for style in document.styles.element.iterchildren(w("style")):
        if style.get(w("type")) != "paragraph":
            continue
        name = style.find(w("name"))
        based = style.find(w("basedOn"))
        raw[style.get(w("styleId"), "")] = (name.get(w("val"), "") if name is not None else "",
                                           based.get(w("val")) if based is not None else None, style)
    return {style_id: _resolve_style(style_id, raw) for style_id in raw}


def _resolve_style(style_id: str, raw: dict[str, tuple[str, str | None, etree._Element]]) -> StyleInfo:
    level: int | None = None
    num_id: str | None = None
    ilvl: int | None = None
    seen: set[str] = set()
    current: str | None = style_id
    first = True
    while current is not None and current in raw and current not in seen:
        seen.add(current)
        name, based, element = raw[current]
        if first:
            level = _name_level(name)
            first = False
        if level is None:
            level = _outline_level(element.find(w("pPr")))
        style_num, style_ilvl = _num_pr(element.find(w("pPr")))
        num_id = num_id if num_id is not None else style_num
        ilvl = ilvl if ilvl is not None else style_ilvl
        current = based
    return StyleInfo(level, num_id, ilvl)


def _name_level(name: str) -> int | None:
    lowered = name.strip().lower()
    if lowered in _TITLE_STYLES:
        return 0
    match = _HEADING_STYLE.match(lowered)
    return int(match.group(1)) if match else None


def _outline_level(ppr: etree._Element | None) -> int | None:
    if ppr is None:
        return None
    outline = ppr.find(w("outlineLvl"))
    if outline is None:
        return None
    try:
        value = int(outline.get(w("val"), "9"))
    except ValueError:
        return None
    return value + 1 if 0 <= value < 9 else None


def _num_pr(ppr: etree._Element | None) -> tuple[str | None, int | None]:
    if ppr is None:
        return None, None
    num_pr = ppr.find(w("numPr"))
    if num_pr is None:
        return None, None
    num_id = num_pr.find(w("numId"))
    ilvl = num_pr.find(w("ilvl"))
    level = None
    if ilvl is not None:
        try:
            level = int(ilvl.get(w("val"), "0"))
        except ValueError:
            level = 0
    return (num_id.get(w("val")) if num_id is not None else None), level


def _default_style_id(document: WordDocument) -> str:
    style = document.styles.default(WD_STYLE_TYPE.PARAGRAPH)
    return style.style_id if style is not None else ""


def _style_id(paragraph: etree._Element) -> str | None:
    ppr = paragraph.find(w("pPr"))
    style = ppr.find(w("pStyle")) if ppr is not None else None
    return style.get(w("val")) if style is not None else None


# -- paragraphs ---------------------------------------------------------------------------------

def _body_paragraphs(document: WordDocument):
    """Paragraphs of the body in order, table cells included, text boxes and deletions not."""
    body = document.element.body
    for paragraph in body.iter(w("p")):
        if not _inside(paragraph, body, _SKIPPED_ANCESTORS):
            yield paragraph


def _inside(element: etree._Element, stop: etree._Element, tags: frozenset[str]) -> bool:
    parent = element.getparent()
    while parent is not None and parent is not stop:
        if parent.tag in tags:
            return True
        parent = parent.getparent()
    return False


def _auto_label(paragraph: etree._Element, style: StyleInfo, numbering: WordNumbering) -> str:
    num_id, ilvl = _num_pr(paragraph.find(w("pPr")))
    if num_id is None:
        num_id = style.num_id
    if ilvl is None:
        ilvl = style.ilvl if style.ilvl is not None else 0
    return numbering.label(num_id, ilvl)


def _paragraph_text(paragraph: etree._Element) -> str:
    """The paragraph's runs in order; superscript digits after a digit stay marked as such
    (clean_text turns "94¹" into "94-1")."""
    pieces: list[str] = []
    for run in paragraph.iter(w("r")):
        if _inside(run, paragraph, _SKIPPED_ANCESTORS | {w("p")}):
            continue
        text = run.text if hasattr(run, "text") else "".join(run.itertext())
        if not text:
            continue
        if _is_superscript(run) and text.isdigit() and pieces and pieces[-1][-1:].isdigit():
            text = text.translate(_SUPERSCRIPT_DIGITS)
        pieces.append(text)
    return "".join(pieces)


def _is_superscript(run: etree._Element) -> bool:
    rpr = run.find(w("rPr"))
    if rpr is None:
        return False
    align = rpr.find(w("vertAlign"))
    return align is not None and align.get(w("val")) == "superscript"
