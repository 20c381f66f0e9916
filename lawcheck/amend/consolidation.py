"""The entry points: whether a document is an amending act, and the consolidated text of a
base act with an amending act applied."""

from __future__ import annotations

import copy
import os
from pathlib import Path

from lxml import etree

from lawcheck.akn import build_document, read_xml
from lawcheck.akn.model import Document
from lawcheck.akn.vocab import ARTICLE_LEVEL
from lawcheck.amend.apply import Applier
from lawcheck.amend.instructions import AmendmentProblem, Consolidation, Instruction, to_applied, to_problem
from lawcheck.amend.marks import AMENDING_TITLE, marked_as_amendment
from lawcheck.amend.markup import ns_prefix
from lawcheck.amend.reader import Reader, select_act
from lawcheck.amend.tree import Tree


def apply_amendments(base: Document, amending: Document, *,
                     base_root: etree._Element | None = None,
                     amending_root: etree._Element | None = None
                     ) -> tuple[Document, list[AmendmentProblem]]:
    """The base act with the amending act's instructions applied, and those not applied.

    The XML is re-read from `base.source` / `amending.source` unless given (pass the parsed
    trees when the documents came from bytes, e.g. an upload); the trees are not changed.
    """
    result = consolidate(base, amending, base_root=base_root, amending_root=amending_root)
    return result.document, list(result.problems)


def consolidate(base: Document, amending: Document, *,
                base_root: etree._Element | None = None,
                amending_root: etree._Element | None = None) -> Consolidation:
    """apply_amendments with the applied instructions too (for reports and the app)."""
    base_tree = copy.deepcopy(base_root if base_root is not None else _read(base.source))
    amend_tree = amending_root if amending_root is not None else _read(amending.source)
    language = _language(amending)
    instructions = Reader(amend_tree, language).read()
    problems = select_act(instructions, base.title, amending.source)
    tree = Tree(base_tree)
    applied: list[tuple[Instruction, list[etree._Element], str]] = []
    for instruction in instructions:
        if instruction.skip:
            continue
        outcome = Applier(tree, instruction, language).apply()
        for kind, message in outcome.problems:
            problems.append(to_problem(instruction, kind, message, amending.source))
        if outcome.changed:
            applied.append((instruction, outcome.changed, outcome.action))
    tree.finish()
    source = f"{Path(base.source).name} + {Path(amending.source).name}"
    document = build_document(base_tree, source)
    problems.sort(key=lambda problem: (problem.line or 0, problem.eid))
    return Consolidation(document, tuple(to_applied(item) for item in applied), tuple(problems),
                         amending.source, base_tree)


def is_amending_act(document: Document, root: etree._Element | None = None) -> bool:
    """Does this document amend another act? Yes for AKN amendment markup (mod,
    quotedStructure, activeModifications), an amendment title ("(Amendment) Bill", «О внесении
    изменений ...») with worded instructions, or worded instructions in a good share of its
    articles/sections. A stand-alone law with a few consequential amendments of other laws at
    the end is not an amending act."""
    if marked_as_amendment(document):
        return True
    tree = root if root is not None else _read(document.source)
    prefix = ns_prefix(tree)
    if tree.find(f".//{prefix}activeModifications") is not None or tree.find(f".//{prefix}mod") is not None:
        return True
    instructions = [item for item in Reader(tree, _language(document)).read() if item.action != "unknown"]
    if not instructions:
        return False
    if AMENDING_TITLE.search(document.title):
        return True
    tops = [unit.eid for unit in document.walk() if unit.element in ARTICLE_LEVEL]
    amending = {top for top in tops for item in instructions if item.eid == top or item.eid.startswith(top + "__")}
    return len(amending) >= max(1, len(tops) * 0.3)


def _read(source: str | os.PathLike[str]) -> etree._Element:
    return read_xml(source)


def _language(document: Document) -> str:
    return document.language if document.language in ("en", "ru") else ""
