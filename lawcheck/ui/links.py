"""What the page's address says: which draft, which view, which clause, article or finding.

A review is shared by sending its address. The query string names the draft by the digest of
its bytes (`lawcheck.ui.drafts`), the version it is compared with, the open view by a stable
key (never its label, which is in the page's language), the clause by its eId, the treaty
article by its id, a finding by a short reference to what it is (`finding_ref`), the
language of the page and the workspace whose decisions are shown.

Everything read from an address is checked here: a value that is not of its kind is dropped,
so a mistyped or tampered link opens the page as far as it can and never reaches a path or
a widget unchecked.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, fields
from typing import Any
from urllib.parse import urlencode

from lawcheck.ui.drafts import is_digest

VIEWS = ("overview", "findings", "clauses", "articles", "versions", "graph")
"""The tabs of the page, in order, by the key the address and the session use."""
PRINT = "print"
"""The printable list of every finding: a view of its own, without tabs or sidebar."""
VIEW_LABEL_KEYS = {view: f"ui.view.{view}" for view in (*VIEWS, PRINT)}
PAGE_LANGUAGES = ("en", "ru")
MAX_WORKSPACE_CHARS = 80

_EID = re.compile(r"[A-Za-z][\w.\-]{0,199}")
_REQUIREMENT = re.compile(r"(BC|SP)-\d{1,3}")
_FINDING = re.compile(r"[0-9a-f]{12}")


@dataclass(frozen=True)
class Link:
    """The state of the page an address names; None for what it leaves open."""

    draft: str | None = None  # digest of the draft
    compare: str | None = None  # digest of the second version
    view: str | None = None
    clause: str | None = None  # eId
    article: str | None = None  # requirement id
    finding: str | None = None  # finding_ref
    lang: str | None = None  # language of the page
    ws: str | None = None  # workspace


def _first(value: Any) -> str | None:
    """One text value of a query parameter (Streamlit gives str; a list takes its first)."""
    if isinstance(value, list | tuple):
        value = value[0] if value else None
    return value if isinstance(value, str) and value else None


def parse_link(params: Mapping[str, Any]) -> Link:
    """The address's query parameters as a Link; values that are not of their kind are left out.

    The view also accepts the tab names of earlier addresses (`?view=Findings`)."""
    values = {field.name: _first(params.get(field.name)) for field in fields(Link)}
    view = (values["view"] or "").strip().lower().replace(" ", "_")
    view = {"rule_graph": "graph"}.get(view, view)
    raw = values["ws"] or ""
    ws = " ".join(raw.split()) if raw.isprintable() else ""
    return Link(
        draft=values["draft"] if values["draft"] and is_digest(values["draft"]) else None,
        compare=values["compare"] if values["compare"] and is_digest(values["compare"]) else None,
        view=view if view in (*VIEWS, PRINT) else None,
        clause=values["clause"] if values["clause"] and _EID.fullmatch(values["clause"]) else None,
        article=values["article"] if values["article"] and _REQUIREMENT.fullmatch(values["article"]) else None,
        finding=values["finding"] if values["finding"] and _FINDING.fullmatch(values["finding"]) else None,
        lang=values["lang"] if values["lang"] in PAGE_LANGUAGES else None,
        ws=ws if ws and len(ws) <= MAX_WORKSPACE_CHARS else None,
    )


def link_params(link: Link) -> dict[str, str]:
    """The query parameters of a Link, in a fixed order, without the empty ones."""
    return {field.name: value for field in fields(Link) if (value := getattr(link, field.name))}


def link_query(link: Link) -> str:
    """`?draft=...&view=...`: a relative address that opens the same review on this server."""
    return "?" + urlencode(link_params(link))


def finding_ref(finding: Mapping[str, Any]) -> str:
    """A short, stable name for a finding in an address: its code, requirement, safeguard and
    provisions (not its position in the list nor its words, which follow the page's language)."""
    parts = (str(finding.get("code", "")), str(finding.get("requirement") or ""),
             str(finding.get("safeguard") or ""), *sorted(map(str, finding.get("provisions") or ())))
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:12]


def find_finding(findings: Sequence[Mapping[str, Any]], ref: str | None) -> int | None:
    """The index of the finding an address names, or None."""
    if not ref:
        return None
    return next((index for index, finding in enumerate(findings) if finding_ref(finding) == ref), None)
