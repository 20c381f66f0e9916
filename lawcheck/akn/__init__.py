"""Akoma Ntoso: secure reading, the document model, eIds, references and definitions.

    from lawcheck.akn import read_document
    document = read_document("draft.xml")
    for provision in document.walk():
        print(provision.eid, provision.heading)

Decisions (details in each module):
- reader: any DOCTYPE is refused; 50 MB and 256 levels by default; AKN 3.0 native, AKN 1.0 /
  2.0 and the 3.0 CSD drafts read with a warning, no namespace read as 3.0 with a warning; a
  bare unit as root (a `section` excerpt) is read as a fragment (doc_type "portion");
- model: provisions are the body's hierarchical units (AKN ANhier + hcontainer; `item` when
  numbered); schedules (`attachments`) are not read, with a warning; units inside
  mod/quotedStructure/embeddedStructure are the amended act's: in `Document.quoted`, not in
  `walk()`, but found by `by_eid`;
- eids: missing eIds are generated in the devset's document-unique style (`sec_3`,
  `art_5__para_2`), `para_nn_1` for unnumbered units, `_2` for collisions;
- references: `<ref href="#x">` (kind "ref"), worded references in English and Russian
  (kind "numeric"), references to other laws and in amending provisions (kind "external",
  never dangling); resolution walks the tree by number, so both eId styles work;
- definitions: `<def>` markup and plain definition clauses ("X" means / «X» – / под X
  понимается / numbered items of an «Основные понятия» article), each with its scope.
"""

from __future__ import annotations

import os

from lawcheck.akn.builder import build_document
from lawcheck.akn.eids import generate_eids
from lawcheck.akn.model import Definition, Document, Frbr, Provision, Reference
from lawcheck.akn.numbering import clean_num
from lawcheck.akn.reader import (
    DEFAULT_MAX_BYTES,
    LIBXML_MAX_DEPTH,
    parse_xml,
    read_bytes,
    read_xml,
)

__all__ = [
    "DEFAULT_MAX_BYTES",
    "LIBXML_MAX_DEPTH",
    "Definition",
    "Document",
    "Frbr",
    "Provision",
    "Reference",
    "build_document",
    "clean_num",
    "generate_eids",
    "parse_document",
    "parse_xml",
    "read_bytes",
    "read_document",
    "read_xml",
]


def read_document(path: str | os.PathLike[str], *, max_bytes: int | None = None,
                  max_depth: int = LIBXML_MAX_DEPTH) -> Document:
    """Read an AKN file securely into a Document; InputError (one line) for bad input.

    max_bytes defaults to 50 MB; max_depth counts the root as level 1 and cannot exceed
    libxml2's own limit of 256.
    """
    root = read_xml(path, max_bytes=max_bytes, max_depth=max_depth)
    return build_document(root, str(path))


def parse_document(data: bytes, source: str, *, max_bytes: int | None = None,
                   max_depth: int = LIBXML_MAX_DEPTH) -> Document:
    """Like read_document, for bytes already in memory (e.g. a Streamlit upload).

    `source` names the input in messages (the upload's file name).
    """
    root = parse_xml(data, source, max_bytes=max_bytes, max_depth=max_depth)
    return build_document(root, source)
