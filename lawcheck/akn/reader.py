"""Secure reading of Akoma Ntoso files: every bad input ends in one InputError line.

Drafts come from outside (uploads, e-mail), so the reader assumes hostile input:

- the size is checked from the file's metadata before a byte is read (and `len` for bytes);
- any DOCTYPE is refused before parsing: with entities unexpanded an entity would survive
  as literal text, and with them expanded a billion-laughs file or an external entity
  (`SYSTEM "file:///etc/passwd"`) is an attack. AKN needs no DTD;
- lxml runs with resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False:
  libxml2 then also caps nesting at 256 levels and text nodes at 10 MB, so a 10,000-deep
  file fails in microseconds. A smaller `max_depth` is checked with one XPath pass in C;
- work is bounded by counts as well as bytes: at most MAX_ELEMENTS elements (a 300,000-word
  code has about 45,000), checked on the bytes before parsing and on the tree after, since
  40 MB of `<p/>` would take gigabytes of memory;
- lxml and OS errors become InputError with file and line; messages never quote a local
  file (the only text quoted is libxml2's description of the input itself).

Namespaces: AKN 3.0 is native; the 1.0 and 2.0 namespaces of akomantoso.org and the 3.0
committee drafts (.../akn/3.0/CSD13) are read with a warning; a file without a namespace is
read as AKN 3.0 with a warning (hand-written drafts often omit it); anything else is refused.
Root: `akomaNtoso` (`akomantoso` in 1.0). A bare AKN unit as root (a `section` excerpt) is
read as a fragment ("portion") with a warning.
"""

from __future__ import annotations

import os
import re
import stat
from dataclasses import dataclass
from functools import lru_cache

from lxml import etree

from lawcheck.akn.vocab import (
    AKN30,
    AKN30_DRAFT,
    DOCUMENT_TYPES,
    OLD_NAMESPACES,
    PROVISIONS,
    ROOT_NAMES,
)
from lawcheck.errors import InputError

DEFAULT_MAX_BYTES = 50 * 1024 * 1024
HARD_MAX_BYTES = 1024 * 1024 * 1024
"""The largest `--max-bytes` accepted: above it no draft could be checked in memory."""
MAX_ELEMENTS = 250_000
_COUNT_ELEMENTS = etree.XPath("count(//*)")
LIBXML_MAX_DEPTH = 256
"""libxml2's own nesting limit without XML_PARSE_HUGE; `max_depth` cannot go above it."""

_LIBXML_POSITION = re.compile(r",\s*line \d+, column \d+\s*$")
_BOMS = ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe\x00\x00", "utf-32-le"),
         (b"\x00\x00\xfe\xff", "utf-32-be"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"))
_PROLOG_SCAN = 1024 * 1024
"""How much of the start is scanned for a DOCTYPE (comments may come first)."""


@dataclass(frozen=True, slots=True)
class RootInfo:
    """What the root element says about the document."""

    namespace: str
    version: str
    doc_element: etree._Element
    doc_type: str
    warnings: tuple[str, ...]


def secure_parser() -> etree.XMLParser:
    """A fresh parser per call: lxml parsers are not thread-safe (Streamlit runs threads)."""
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                           dtd_validation=False, huge_tree=False, collect_ids=False,
                           remove_pis=True, recover=False)




def read_bytes(path: str | os.PathLike[str], max_bytes: int | None = None, *,
               expected: str = "an Akoma Ntoso file") -> bytes:
    """The file's bytes, refusing missing paths, non-files and files over the size limit.
    `expected` names what a directory is not, for the message (the importer reads drafts).

    The size comes from stat() before anything is read, so a 200 MB (or sparse, or endless)
    file costs nothing; the read itself is also capped in case the file grows meanwhile.
    """
    limit = size_limit(max_bytes)
    source = str(path)
    try:
        info = os.stat(path)
    except FileNotFoundError:
        raise InputError("no such file", source=source) from None
    except OSError as error:
        raise InputError(f"cannot read: {error.strerror or type(error).__name__}",
                         source=source) from None
    if stat.S_ISDIR(info.st_mode):
        raise InputError(f"is a directory, not {expected}", source=source)
    if not stat.S_ISREG(info.st_mode):
        raise InputError("not a regular file", source=source)
    _check_size(info.st_size, limit, source)
    try:
        with open(path, "rb") as handle:
            data = handle.read(limit + 1)
    except OSError as error:
        raise InputError(f"cannot read: {error.strerror or type(error).__name__}",
                         source=source) from None
    _check_size(len(data), limit, source)
    return data


def size_limit(max_bytes: int | None) -> int:
    """The byte limit for a file: the default, or a positive --max-bytes."""
    if max_bytes is None:
        return DEFAULT_MAX_BYTES
    if not 0 < max_bytes <= HARD_MAX_BYTES:
        raise InputError(f"--max-bytes must be between 1 and {HARD_MAX_BYTES:,}, not {_one_line(str(max_bytes), 40)}")
    return max_bytes


def _check_size(size: int, limit: int, source: str) -> None:
    if size > limit:
        raise InputError(f"file is {size:,} bytes, over the limit of {limit:,} bytes "
                         "(raise it with --max-bytes)", source=source)


def parse_xml(data: bytes, source: str, *, max_bytes: int | None = None,
              max_depth: int = LIBXML_MAX_DEPTH) -> etree._Element:
    """Parse untrusted bytes into an element tree, or raise InputError (one line)."""
    if not isinstance(data, bytes | bytearray | memoryview):
        raise TypeError(f"parse_xml needs bytes (the file as uploaded), not {type(data).__name__}")
    data = bytes(data)
    _check_size(len(data), size_limit(max_bytes), source)
    if not data.strip():
        raise InputError("empty file: not Akoma Ntoso XML", source=source)
    text, encoding = _prolog(data)
    _refuse_binary(data, encoding, source)
    _refuse_doctype(text, source)
    if data.count(b"<") > 2 * MAX_ELEMENTS:
        raise _too_many_elements(source)
    try:
        root = etree.fromstring(data, secure_parser())
    except etree.XMLSyntaxError as error:
        raise _syntax_error(error, source) from None
    except (etree.LxmlError, ValueError) as error:
        raise InputError(f"not readable as XML: {_one_line(str(error))}", source=source) from None
    tree = root.getroottree()
    if tree.docinfo.doctype or tree.docinfo.internalDTD is not None:  # defence in depth
        raise InputError("DOCTYPE declarations are refused (remove the DOCTYPE)", source=source)
    if max_depth < LIBXML_MAX_DEPTH:
        _check_depth(root, max_depth, source)
    if _COUNT_ELEMENTS(root) > MAX_ELEMENTS:
        raise _too_many_elements(source)
    return root


def _too_many_elements(source: str) -> InputError:
    return InputError(f"more than {MAX_ELEMENTS:,} XML elements: not a draft this tool can check", source=source)


def _prolog(data: bytes) -> tuple[str, str]:
    """The start of the file as text (for the DOCTYPE scan) and its encoding family."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data[len(bom):_PROLOG_SCAN].decode(encoding, "replace"), encoding
    if data[:2] in (b"<\x00", b"\x00<"):
        encoding = "utf-16-le" if data[:1] == b"<" else "utf-16-be"
        return data[:_PROLOG_SCAN].decode(encoding, "replace"), encoding
    return data[:_PROLOG_SCAN].decode("latin-1"), "8bit"


def _refuse_binary(data: bytes, encoding: str, source: str) -> None:
    """NUL bytes in an 8-bit file, or no '<' at the start: not XML at all (a PDF, a .docx)."""
    head = data[:1024]
    if data.startswith(b"PK\x03\x04"):
        raise InputError("a zip archive (.docx?), not XML: import it first", source=source)
    if encoding == "8bit" and b"\x00" in head:
        raise InputError("binary data, not XML (is it a .docx or PDF? import it first)",
                         source=source, line=head.count(b"\n", 0, head.index(b"\x00")) + 1)
    if encoding == "8bit" and not head.lstrip().startswith(b"<"):
        raise InputError("not XML: the file does not start with '<'", source=source, line=1)


def _refuse_doctype(text: str, source: str) -> None:
    """Scan the prolog (XML declaration, comments, PIs) for `<!DOCTYPE`, before parsing."""
    position = 0
    length = len(text)
    while position < length:
        while position < length and text[position] in " \t\r\n\ufeff":
            position += 1
        if text.startswith("<?", position):
            terminator = "?>"
        elif text.startswith("<!--", position):
            terminator = "-->"
        elif text[position:position + 9].upper() == "<!DOCTYPE":
            raise InputError("DOCTYPE declarations are refused: DTDs and entities are not "
                             "needed in Akoma Ntoso and can be used for attacks (remove it)",
                             source=source, line=text.count("\n", 0, position) + 1)
        else:
            return
        end = text.find(terminator, position)
        if end < 0:
            return
        position = end + len(terminator)


def _syntax_error(error: etree.XMLSyntaxError, source: str) -> InputError:
    message = _LIBXML_POSITION.sub("", error.msg or str(error))
    line = error.lineno or None
    if "Excessive depth" in message:
        return InputError(f"elements nested deeper than {LIBXML_MAX_DEPTH} levels",
                          source=source, line=line)
    if "Invalid bytes in character encoding" in message or "not proper UTF-8" in message:
        return InputError("invalid bytes for the file's encoding (is it UTF-8?)",
                          source=source, line=line)
    if "Document is empty" in message:
        return InputError("no XML element found", source=source, line=line)
    return InputError(f"not well-formed XML: {_one_line(message)}", source=source, line=line)


def _one_line(message: str, limit: int = 200) -> str:
    text = " ".join(message.split())
    return text if len(text) <= limit else text[:limit - 1] + "…"


@lru_cache(maxsize=32)
def _depth_probe(depth: int) -> etree.XPath:
    """An XPath that finds an element `depth` levels below the root (evaluated in C)."""
    return etree.XPath("/*" + "/*" * depth)


def _check_depth(root: etree._Element, max_depth: int, source: str) -> None:
    too_deep = _depth_probe(max_depth)(root)
    if too_deep:
        raise InputError(f"elements nested deeper than {max_depth} levels", source=source,
                         line=too_deep[0].sourceline)


def read_xml(path: str | os.PathLike[str], *, max_bytes: int | None = None,
             max_depth: int = LIBXML_MAX_DEPTH) -> etree._Element:
    """Read and parse a file securely; the root element of the tree."""
    data = read_bytes(path, max_bytes)
    return parse_xml(data, str(path), max_bytes=max_bytes, max_depth=max_depth)


def root_info(root: etree._Element, source: str) -> RootInfo:
    """Check root and namespace; find the document element (act, bill, ...).

    Raises InputError for a root that is not Akoma Ntoso or an unknown namespace.
    """
    tag = root.tag
    namespace, _, name = tag[1:].partition("}") if tag.startswith("{") else ("", "", tag)
    version, warnings = _version(namespace, name, source, root.sourceline)
    if name in ROOT_NAMES:
        doc_element = _document_element(root, namespace)
        if doc_element is None:
            raise InputError(f"<{name}> holds no document (act, bill, doc, ...)",
                             source=source, line=root.sourceline)
        doc_type = doc_element.tag.rpartition("}")[2]
        return RootInfo(namespace, version, doc_element, doc_type, tuple(warnings))
    if name in PROVISIONS or name in DOCUMENT_TYPES:
        warnings.append(f"root element is <{name}>, not <akomaNtoso>: read as a fragment")
        doc_type = name if name in DOCUMENT_TYPES else "portion"
        return RootInfo(namespace, version, root, doc_type, tuple(warnings))
    raise InputError(f"root element is <{name}>, not <akomaNtoso>: not an Akoma Ntoso file",
                     source=source, line=root.sourceline)


def _version(namespace: str, name: str, source: str, line: int | None) -> tuple[str, list[str]]:
    if namespace == AKN30:
        return "3.0", []
    if namespace in OLD_NAMESPACES:
        version = OLD_NAMESPACES[namespace]
        return version, [f"Akoma Ntoso {version} namespace {namespace}: read as best as "
                         "possible; convert to AKN 3.0"]
    if AKN30_DRAFT.match(namespace):
        return "3.0", [f"pre-release AKN 3.0 namespace {namespace}: use {AKN30}"]
    if not namespace and (name in ROOT_NAMES or name in PROVISIONS or name in DOCUMENT_TYPES):
        return "3.0", [f"no namespace: read as Akoma Ntoso 3.0 (add xmlns=\"{AKN30}\")"]
    if name not in ROOT_NAMES and name not in PROVISIONS and name not in DOCUMENT_TYPES:
        raise InputError(f"root element is <{name}>, not <akomaNtoso>: not an Akoma Ntoso "
                         "file", source=source, line=line)
    raise InputError(f"unknown namespace {_one_line(namespace, 120)!r}: expected Akoma Ntoso "
                     f"3.0 ({AKN30})", source=source, line=line)


def _document_element(root: etree._Element, namespace: str) -> etree._Element | None:
    prefix = f"{{{namespace}}}" if namespace else ""
    for child in root:
        if isinstance(child.tag, str) and child.tag.startswith(prefix) and \
                child.tag[len(prefix):] in DOCUMENT_TYPES:
            return child
    for child in root:  # an unknown document type: take the first element
        if isinstance(child.tag, str):
            return child
    return None
