"""`lawcheck diff OLD NEW` as the command means it: when NEW is an amending act it is applied
to OLD first (`lawcheck.amend`) and the diff is between OLD and the consolidated text."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from lxml import etree
from rapidfuzz import fuzz

from lawcheck.akn import Document
from lawcheck.amend import consolidate, is_amending_act
from lawcheck.compare.delta import diff_checks
from lawcheck.draft import Draft
from lawcheck.pipeline import Check

Checker = Callable[[Document], Check]
"""Checks a document with the options the old version was checked with."""


def compare(old: Draft, old_check: Check, new: Draft, check: Checker, *,
            as_amendment: bool | None = None) -> dict[str, Any]:
    """The diff of the checked draft `old` with `new`, a later version or an amending act
    (mods, activeModifications or worded instructions, and not simply another version of the
    same act); `as_amendment` forces the choice. `check` checks the new version, or the
    consolidated text."""
    new_root = new.tree()
    amending = as_amendment if as_amendment is not None else _amends(old.document, new.document, new_root)
    if not amending:
        return diff_checks(old_check, check(new.document))
    consolidation = consolidate(old.document, new.document, base_root=old.tree(), amending_root=new_root)
    diff = diff_checks(old_check, check(consolidation.document), amendment=consolidation)
    if new.imported:
        for item in (*diff["amendment"]["applied"], *diff["amendment"]["problems"]):
            item["line"] = None  # a line of the XML made from a Word or text file would mislead: the eId locates it
    return diff


def _amends(old: Document, new: Document, new_root: etree._Element | None) -> bool:
    """A new version of the same act (same FRBR work, or a near-identical title) is compared
    as it is, even if it contains consequential amendments of other laws."""
    if old.frbr.work_uri and old.frbr.work_uri == new.frbr.work_uri:
        return False
    if old.title and new.title and fuzz.ratio(old.title.lower(), new.title.lower()) >= 90:
        return False
    return is_amending_act(new, new_root)
