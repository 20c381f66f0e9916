"""The rule graph as Graphviz DOT text, coloured by the draft's statuses.

The graph itself comes from `lawcheck.rulebook.graph.build_graph` (built from the rule files);
this module only picks the part worth drawing and styles it. DOT text needs no system
Graphviz: `st.graphviz_chart` lays it out in the browser.

Two pictures: "safeguards" (each power and the safeguards it needs, an edge red where the draft
lacks the safeguard) and "dependencies" (chapter by chapter, each article a cell coloured by
status, arrows counting the links between chapters; with a focus, one requirement and the
requirements it is subject to, depends on or mirrors, and those that depend on it).
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import networkx as nx

from lawcheck.ui.labels import (
    CHAPTERS,
    SAFEGUARD_COLOUR,
    STATUS_BORDER,
    STATUS_COLOUR,
    STATUS_LABEL,
    chapter_of,
    humanise,
)

Json = Mapping[str, Any]
MODES = ("safeguards", "dependencies")
FONT_SIZE = 14  # points of the layout; the page draws the graph at its own size, so about 14 px on screen


@dataclass(frozen=True)
class Drawing:
    """How the graph speaks: `say` puts the graph's own words in the page's language,
    `safeguard` names a safeguard, `href` gives the address that opens a requirement (None:
    the nodes are not links)."""

    say: Callable[[str], str] = str
    safeguard: Callable[[str], str] = humanise
    href: Callable[[str], str] | None = None


PLAIN = Drawing()
_DEPENDENCY_EDGES = {"subject_to": 'style=dashed color="#6b7380"',
                     "depends_on": 'style=dotted color="#6b7380"',
                     "mirrors": 'color="#1f5fa8" dir=both arrowsize=0.6'}
_SAFEGUARD_EDGE = {"present": 'color="{c}" penwidth=1.2',
                   "absent": 'color="{c}" penwidth=2.4',
                   "unknown": 'color="{c}" style=dashed'}


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _link(requirement_id: str, drawing: Drawing) -> str:
    """The node's address: a click opens the requirement's article view."""
    if drawing.href is None:
        return ""
    return f' URL={_quote(drawing.href(requirement_id))} target="_top"'


def _requirement_node(requirement: Json, drawing: Drawing = PLAIN) -> str:
    """A box with the id and a wrapped title, filled with the status colour."""
    status = requirement["status"]
    title = "\\n".join(textwrap.wrap(requirement["title"], 24)[:3])
    label = f"{requirement['id']}\\n{title}".replace('"', "'")
    tooltip = f"{requirement['id']} {requirement['title']}: {STATUS_LABEL.get(status, status)}"
    return (f'{_quote(requirement["id"])} [label="{label}" fillcolor="{STATUS_COLOUR.get(status, "#fff")}" '
            f'color="{STATUS_BORDER.get(status, "#888")}" tooltip={_quote(tooltip)}'
            f'{_link(requirement["id"], drawing)}];')


def _safeguard_node(safeguard_id: str, drawing: Drawing = PLAIN) -> str:
    instrument = drawing.say(" (Protocol)") if safeguard_id.startswith("sp_") else ""
    label = "\\n".join(textwrap.wrap(drawing.safeguard(safeguard_id.removeprefix("sp_")) + instrument, 22))
    return (f'{_quote("safeguard:" + safeguard_id)} [label="{label}" shape=ellipse style=filled '
            f'fillcolor="#ffffff" color="#4a5260"];')


def _header(title: str) -> list[str]:
    return ["digraph rules {", "  graph [rankdir=LR nodesep=0.18 ranksep=0.7 fontname=Helvetica "
            f'fontsize={FONT_SIZE} label={_quote(title)} labelloc=t];',
            f'  node [shape=box style="rounded,filled" fontname=Helvetica fontsize={FONT_SIZE} margin="0.12,0.05"];',
            "  edge [arrowsize=0.7];"]


def _neighbours(graph: nx.MultiDiGraph, focus: str, types: set[str]) -> set[str]:
    """The focus and every node one typed edge away, in either direction."""
    found = {focus}
    for u, v, kind in graph.edges(data="type"):
        if kind in types and focus in (u, v):
            found |= {u, v}
    return found


def _safeguard_group(safeguard_id: str, powers: Iterable[Json]) -> str:
    """"SP" for the Protocol's safeguards (`sp_` ids, and ids only Protocol powers need, such
    as purpose_and_use_limitation), else "BC"."""
    if safeguard_id.startswith("sp_"):
        return "SP"
    users = [r["instrument"] for r in powers if safeguard_id in r["safeguards"]]
    return "SP" if users and all(u == "SP" for u in users) else "BC"


def _focused_powers(powers: list[Json], graph: nx.MultiDiGraph, focus: str | None) -> list[Json]:
    """One power, or the powers subject to a framework article (BC-15, SP-13), or all."""
    if not focus:
        return powers
    if any(r["id"] == focus for r in powers):
        return [r for r in powers if r["id"] == focus]
    subject = {u for u, v, kind in graph.edges(data="type") if kind == "subject_to" and v == focus}
    return [r for r in powers if r["id"] in subject] or powers


def safeguards_dot(report: Json, graph: nx.MultiDiGraph, focus: str | None = None,
                   drawing: Drawing = PLAIN) -> str:
    """Powers on the left, the safeguards they need on the right; an edge's colour is the
    draft's state for that safeguard on that power (red: absent)."""
    powers = _focused_powers([r for r in report["requirements"] if r.get("safeguards")], graph, focus)
    say = drawing.say
    lines = _header(say("Powers and the safeguards they need: red = absent in the draft, green = present, "
                        "dashed = not assessed"))
    lines.append(f'  subgraph cluster_powers {{ label={_quote(say("Powers"))} color="#d5d9e0";')
    lines += [f"    {_requirement_node(r, drawing)}" for r in powers]
    lines.append("  }")
    safeguards = list(dict.fromkeys(s for r in powers for s in r["safeguards"]))
    for instrument, title in (("BC", say("Art. 15 ETS 185")), ("SP", say("Arts 13-14 CETS 224"))):
        members = [s for s in safeguards if _safeguard_group(s, powers) == instrument]
        if members:
            lines.append(f"  subgraph cluster_{instrument} {{ label={_quote(say('Safeguards, ') + title)} "
                         'color="#d5d9e0";')
            lines += [f"    {_safeguard_node(s, drawing)}" for s in members]
            lines.append("  }")
    for requirement in powers:
        for safeguard_id, state in requirement["safeguards"].items():
            style = _SAFEGUARD_EDGE.get(state, "").format(c=SAFEGUARD_COLOUR.get(state, "#888"))
            tooltip = _quote(f"{requirement['id']}: {drawing.safeguard(safeguard_id)}: {say(state)}")
            lines.append(f"  {_quote(requirement['id'])} -> {_quote('safeguard:' + safeguard_id)} "
                         f"[{style} tooltip={tooltip}];")
    lines.append("}")
    return "\n".join(lines)


def _chapter_node(index: int, chapter: str, requirements: list[Json], per_row: int = 6,
                  drawing: Drawing = PLAIN) -> str:
    """A chapter as an HTML-like table: its name, then one cell per article coloured by status."""
    def href(r: Json) -> str:
        return f' HREF="{_html(drawing.href(r["id"]))}" TARGET="_top"' if drawing.href else ""

    cells = [f'<TD BGCOLOR="{STATUS_COLOUR.get(r["status"], "#ffffff")}" TOOLTIP="{_html(r["title"])}"{href(r)}>'
             f'{_html(r["id"])}</TD>' for r in requirements]
    rows = ["<TR>" + "".join(cells[i:i + per_row]) + "</TR>" for i in range(0, len(cells), per_row)]
    width = min(per_row, len(cells))
    head = f'<TR><TD COLSPAN="{width}" BGCOLOR="#f4f6f8"><B>{_html(drawing.say(chapter))}</B></TD></TR>'
    table = ('<TABLE BORDER="1" CELLBORDER="1" CELLSPACING="0" CELLPADDING="4" COLOR="#8a8f98" BGCOLOR="#ffffff">'
             f'{head}{"".join(rows)}</TABLE>')
    return f'  "chapter{index}" [shape=plain style="" label=<{table}>];'


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def chapters_dot(report: Json, graph: nx.MultiDiGraph, drawing: Drawing = PLAIN) -> str:
    """Chapter by chapter: each chapter a table of its articles coloured by status; an edge
    from one chapter to another counts the dependencies between their articles."""
    chapter_of_id = {r["id"]: chapter_of(r) for r in report["requirements"]}
    index = {chapter: i for i, chapter in enumerate(CHAPTERS)}
    say = drawing.say
    lines = _header(say("Chapters of the treaties, each article coloured by its status in the draft; an arrow "
                        "counts the articles of one chapter that depend on, or are subject to, another's. Click an "
                        "article to open it."))
    for chapter in CHAPTERS:
        members = [r for r in report["requirements"] if chapter_of_id[r["id"]] == chapter]
        if members:
            lines.append(_chapter_node(index[chapter], chapter, members, drawing=drawing))
    counts: dict[tuple[str, str], dict[str, int]] = {}
    for u, v, kind in graph.edges(data="type"):
        if kind in ("subject_to", "depends_on") and u in chapter_of_id and v in chapter_of_id:
            pair = (chapter_of_id[u], chapter_of_id[v])
            if pair[0] != pair[1]:
                counts.setdefault(pair, {}).setdefault(kind, 0)
                counts[pair][kind] += 1
    for (source, target), kinds in counts.items():
        label = ", ".join(f"{say(kind.replace('_', ' '))} {n}" for kind, n in sorted(kinds.items()))
        lines.append(f'  "chapter{index[source]}" -> "chapter{index[target]}" [label={_quote(label)} '
                     f'fontsize={FONT_SIZE - 2} color="#6b7380" fontcolor="#4a5260"];')
    lines.append("}")
    return "\n".join(lines)


def dependencies_dot(report: Json, graph: nx.MultiDiGraph, focus: str | None = None,
                     drawing: Drawing = PLAIN) -> str:
    """One requirement and its neighbours, grouped by chapter, with subject_to (dashed),
    depends_on (dotted) and mirrors (blue, both ways) edges; without a focus, the chapters."""
    if not focus:
        return chapters_dot(report, graph, drawing)
    keep = _neighbours(graph, focus, set(_DEPENDENCY_EDGES))
    shown = {r["id"]: r for r in report["requirements"] if r["id"] in keep}
    say = drawing.say
    lines = _header(say("{focus} and the articles it is linked to: dashed = subject to, dotted = depends on, "
                        "blue = mirrors; fill = status in the draft").format(focus=focus))
    for index, chapter in enumerate(CHAPTERS):
        members = [r for r in shown.values() if chapter_of(r) == chapter]
        if members:
            lines.append(f"  subgraph cluster_{index} {{ label={_quote(say(chapter))} color=\"#d5d9e0\";")
            lines += [f"    {_requirement_node(r, drawing)}" for r in members]
            lines.append("  }")
    seen: set[tuple[str, str, str]] = set()
    for u, v, kind in graph.edges(data="type"):
        if kind in _DEPENDENCY_EDGES and u in shown and v in shown and focus in (u, v):
            pair = (min(u, v), max(u, v), kind) if kind == "mirrors" else (u, v, kind)
            if pair not in seen:
                seen.add(pair)
                lines.append(f"  {_quote(u)} -> {_quote(v)} [{_DEPENDENCY_EDGES[kind]}];")
    lines.append("}")
    return "\n".join(lines)


def rule_graph_dot(report: Json, graph: nx.MultiDiGraph, mode: str = "safeguards",
                   focus: str | None = None, drawing: Drawing = PLAIN) -> str:
    """The DOT text for one of MODES."""
    if mode == "dependencies":
        return dependencies_dot(report, graph, focus, drawing)
    return safeguards_dot(report, graph, focus, drawing)
