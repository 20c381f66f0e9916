"""What marks a document as an amending act from the document alone: light enough for every
check to ask (the rest of `lawcheck.amend` loads when an amendment is applied)."""

from __future__ import annotations

import re

from lawcheck.akn.model import Document

AMENDING_TITLE = re.compile(r"\bamend|внесени\w*\s+изменени|внесени\w*\s+дополнени|изменени\w*\s+и\s+дополнени",
                             re.IGNORECASE)


def amends_another_act(document: Document) -> bool:
    """From the document alone (no file to re-read): amendment markup, or an amendment title.
    Such an act is checked for what it touches; the rest depends on the act it amends."""
    return marked_as_amendment(document) or bool(AMENDING_TITLE.search(document.title or ""))


def marked_as_amendment(document: Document) -> bool:
    return bool(document.quoted) or document.doc_type in ("amendment", "amendmentList")
