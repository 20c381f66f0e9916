"""HTML fragments of the page: status chips, the safeguards table, an article's elements,
a provision's units with the evidence highlighted.

Each is one `st.html` element however many rows it has, which keeps a view switch cheap, and a
plain function of the report, so it is tested without Streamlit.
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from typing import Any

from lawcheck.engine.align import Analysis
from lawcheck.treaty import STATUSES
from lawcheck.ui import labels as L
from lawcheck.ui.highlight import highlight
from lawcheck.ui.model import ReportView, safeguard_matrix

Json = Mapping[str, Any]
MAX_UNITS_SHOWN = 80


def status_chip(status: str) -> str:
    """An HTML chip: colour and symbol, so the status reads without colour too."""
    return (f'<span class="lc-chip lc-{status}">{L.STATUS_SYMBOL.get(status, "")} '
            f"{html.escape(L.STATUS_LABEL.get(status, status))}</span>")


def status_legend() -> str:
    return " ".join(status_chip(status) for status in STATUSES)


def esc(text: Any) -> str:
    return html.escape(str(text))


def units_html(view: ReportView, analysis: Analysis, eid: str, *, limit: int = MAX_UNITS_SHOWN) -> str:
    """A provision and its sub-units, each with its citation (the eId in the tooltip) and the
    evidence highlighted."""
    rows = view.subtree(eid)
    if not rows:
        return ""
    base = rows[0].depth
    parts = []
    for row in rows[:limit]:
        unit = analysis.units.get(row.eid)
        if unit is None:
            continue
        provision = analysis.provision(row.eid)
        references = [r.text for r in provision.references] if provision else []
        parts.append(f'<div class="lc-unit lc-mark-{row.mark}" style="margin-left:{(row.depth - base) * 1.1}rem">'
                     f'<span class="lc-eid" title="{esc(row.eid)}">{esc(view.cite(row.eid))}</span>'
                     f'{highlight(unit.tagged, references)}</div>')
    if len(rows) > limit:
        more = L.say("… and {count} more units: open one of them to read it.").format(count=len(rows) - limit)
        parts.append(f'<div class="lc-more">{esc(more)}</div>')
    return f'<div class="lc-provision">{"".join(parts)}</div>'


def _safeguard_cell(cell: tuple[str, str] | None) -> str:
    if cell is None:
        return '<td class="lc-sg"></td>'
    state, safeguard_id = cell
    return (f'<td class="lc-sg lc-sg-{state}" title="{esc(safeguard_id)}: {esc(L.SAFEGUARD_LABEL.get(state, state))}">'
            f"{L.SAFEGUARD_SYMBOL.get(state, '?')}</td>")


def safeguard_table(report: Json) -> str:
    """Powers x safeguards as an HTML table; under each power, the clauses that grant it."""
    columns, rows = safeguard_matrix(report)
    head = "".join(f"<th>{esc(c)}</th>" for c in columns)
    body = []
    for requirement, cells in rows:
        where = ", ".join(p.get("label") or p["eId"] for p in requirement["provisions"][:3]) or \
            L.say("not in the draft")
        power = (f'<th class="lc-row"><span class="lc-chip lc-{requirement["status"]}">{esc(requirement["id"])}</span> '
                 f'{esc(requirement["title"])}<div class="lc-where">{esc(where)}</div></th>')
        body.append(f"<tr>{power}{''.join(_safeguard_cell(cells.get(c)) for c in columns)}</tr>")
    return (f'<table class="lc-matrix"><tr><th>{esc(L.say("Power (clauses)"))}</th>{head}</tr>'
            f'{"".join(body)}</table>')


def _element_item(requirement: Json, element: Json, here: set[str]) -> str:
    status = element["status"]
    provisions = element.get("provisions", [])
    local = " lc-here" if here & set(provisions) else ""
    cited = element.get("labels") or provisions
    where = " · " + esc(", ".join(cited[:4])) if provisions else ""
    name = L.humanise(element["id"]) if L.language() != "ru" else L.say("Element")
    return (f'<li class="lc-el lc-el-{status}{local}"><b>{L.ELEMENT_SYMBOL.get(status, "?")} '
            f'{esc(name)}</b> <span class="lc-cite">{esc(L.treaty_cite(requirement, element.get("cites")))}</span>'
            f" — {esc(L.ELEMENT_LABEL.get(status, status))}"
            f'<div class="lc-detail">{esc(element.get("detail", ""))}{where}</div></li>')


def elements_html(requirement: Json, here: set[str] | frozenset[str] = frozenset()) -> str:
    """Each element of the article: met or not, the paragraph, and where the draft meets it;
    elements met in the provision being read (`here`) are outlined."""
    items = [_element_item(requirement, element, set(here)) for element in requirement.get("elements", [])]
    if not items:
        return f'<p class="lc-detail">{esc(L.say("No element checks for this article."))}</p>'
    return f'<ul class="lc-elements">{"".join(items)}</ul>'


def safeguards_html(requirement: Json) -> str:
    """The safeguards a power needs, each present, absent or not assessed."""
    items = "".join(f'<li class="lc-el lc-sg-{state}"><b>{L.SAFEGUARD_SYMBOL.get(state, "?")} '
                    f"{esc(L.safeguard_label(sid))}</b> — {esc(L.SAFEGUARD_LABEL.get(state, state))}</li>"
                    for sid, state in requirement["safeguards"].items())
    return f'<div class="lc-subhead">{esc(L.say("Safeguards"))}</div><ul class="lc-elements">{items}</ul>'
