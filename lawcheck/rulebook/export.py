"""`lawcheck rules`: the rule graph as text, JSON (the contract), GraphML, Markdown pages
or the JSON Schema of rule files."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import networkx as nx

from lawcheck.data import data_dir
from lawcheck.rulebook.graph import build_graph
from lawcheck.rulebook.loader import Rulebook, load_rulebook
from lawcheck.rulebook.model import Case, Element, Option, Requirement, Supervision
from lawcheck.rulebook.schema import RULE_SCHEMA
from lawcheck.treaty import INSTRUMENTS

RULES_SCHEMA_ID = "lawcheck.rules/1"


def _limit(element: Element) -> dict[str, str] | None:
    if element.limit is None:
        return None
    return {k: v for k, v in (("max", element.limit.max), ("min", element.limit.min)) if v}


def _option(option: Option) -> dict[str, Any]:
    return {"id": option.id, "cites": option.cites, "basis": option.basis,
            "summary": option.summary, "relaxes": list(option.relaxes)}


def requirement_json(r: Requirement) -> dict[str, Any]:
    elements = []
    for e in r.elements:
        item: dict[str, Any] = {"id": e.id, "check": e.check, "cites": e.cites,
                                "concepts": [list(g) for g in e.concepts],
                                "severity": e.severity, "message": e.message, "help": e.help}
        if e.limit:
            item["limit"] = _limit(e)
        if e.unless:
            item["unless"] = [list(g) for g in e.unless]
        if e.only_with:
            item["only_with"] = e.only_with
        if e.anywhere:
            item["anywhere"] = [list(g) for g in e.anywhere]
        elements.append(item)
    return {
        "id": r.id, "instrument": r.instrument, "article": r.article, "title": r.title,
        "kind": r.kind, "summary": r.summary, "cites": list(r.cites), "elements": elements,
        "safeguards": list(r.safeguards), "subject_to": list(r.subject_to),
        "depends_on": list(r.depends_on), "mirrors": list(r.mirrors),
        "reservations": [_option(o) for o in r.reservations],
        "declarations": [_option(o) for o in r.declarations],
        "source_note": r.source_note,
    }


def rules_json(rulebook: Rulebook) -> dict[str, Any]:
    edges = []
    for r in rulebook.requirements:
        for key in ("subject_to", "depends_on", "mirrors"):
            edges += [{"source": r.id, "target": t, "type": key} for t in getattr(r, key)]
        edges += [{"source": r.id, "target": s, "type": "needs_safeguard"} for s in r.safeguards]
    return {"schema": RULES_SCHEMA_ID,
            "requirements": [requirement_json(r) for r in rulebook.requirements],
            "edges": edges}


def rules_text(rulebook: Rulebook) -> str:
    lines = []
    for r in rulebook.requirements:
        limits = [f"{e.id} {' '.join(f'{k} {v}' for k, v in _limit(e).items())}"  # type: ignore[union-attr]
                  for e in r.elements if e.limit]
        extra = f"  [{'; '.join(limits)}]" if limits else ""
        lines.append(f"{r.id:<6} {r.kind:<17} {r.title}  ({len(r.elements)} elements, "
                     f"{len(r.safeguards)} safeguards){extra}")
    count = len(rulebook.requirements)
    lines.append(f"{count} requirements: "
                 f"{sum(r.instrument == 'BC' for r in rulebook.requirements)} BC, "
                 f"{sum(r.instrument == 'SP' for r in rulebook.requirements)} SP")
    return "\n".join(lines) + "\n"


def rules_graphml(rulebook: Rulebook) -> str:
    graph = build_graph(rulebook)
    buffer = io.BytesIO()
    nx.write_graphml(graph, buffer)
    return buffer.getvalue().decode("utf-8")


def _case_block(case: Case) -> str:
    statuses = ", ".join(f"`{k}`: {v}" for k, v in case.elements.items())
    text = "\n".join(f"> {line.strip()}" for line in case.text.strip().splitlines())
    return f"{text}\n\nExpected: **{case.expect}**" + (f" ({statuses})" if statuses else "")


def _supervision_section(model: Supervision) -> list[str]:
    """The graduated Article 15 reading of this power (docs/article15.md)."""
    lines = ["## Article 15: who should authorise", "", model.note, "",
             "| data | expected authority | a lower authority authorises | urgency without judicial validation |",
             "| --- | --- | --- | --- |"]
    for data in (model.data, *(d for d in model.by_data if d != model.data)):
        expectation = model.expectation(data)
        below = "; ".join(f"{level}: {w.severity} ({w.force})"
                          for level, w in expectation.below.items()) or "no finding"
        urgency = f"{expectation.urgency.severity} ({expectation.urgency.force})" \
            if expectation.urgency else "no finding"
        lines.append(f"| {data} | {expectation.expects} | {below} | {urgency} |")
    if model.unstated is not None:
        lines += ["", f"A text that does not say who authorises the power: {model.unstated.severity} "
                      f"({model.unstated.force})."]
    weights = "; ".join(f"{s.replace('_', ' ')}: {w.severity} ({w.force})"
                        + (f", read as {' and '.join('/'.join(g) for g in w.needs)}" if w.needs else "")
                        for s, w in model.safeguards.items())
    if weights:
        lines += ["", f"Other safeguards of Art. 15(2) for this power: {weights}."]
    lines += ["", "Basis: " + "; ".join(model.basis) + ".", ""]
    return lines


def requirement_page(r: Requirement) -> str:
    """One Markdown page per requirement: what it asks, why, citations, examples."""
    lines = [f"# {r.id}: {r.title}", "",
             f"*{INSTRUMENTS[r.instrument]}, Article {r.article}; kind: {r.kind}; "
             f"cites {', '.join(r.cites)}*", "",
             r.summary, ""]
    if r.source_note:
        lines += [f"**Source note.** {r.source_note}", ""]
    lines += ["## What a reviewer checks", "",
              "| element | check | cites | force | severity | what to change |",
              "| --- | --- | --- | --- | --- | --- |"]
    for e in r.elements:
        limit = f" ({', '.join(f'{k} {v}' for k, v in _limit(e).items())})" if e.limit else ""  # type: ignore[union-attr]
        help_text = e.help + (f" Applies only with `{e.only_with}`." if e.only_with else "") \
            + (" Also met by a provision anywhere in the draft that states it with "
               + " and ".join("/".join(f"`{c}`" for c in g) for g in e.anywhere) + "." if e.anywhere else "")
        lines.append(f"| `{e.id}` | {e.check}{limit} | {e.cites} | {e.force} | {e.severity_for_force} | {help_text} |")
    lines.append("")
    if r.general_align:
        lines += ["## Provisions in general terms", "",
                  "Where no provision states this article's own concepts, one that states "
                  + " and ".join("/".join(f"`{c}`" for c in g) for g in r.general_align)
                  + " carries it in general terms: it is cited, and the article is partial.", ""]
    if r.titled_otherwise:
        lines += ["## Articles headed as another offence", "",
                  "An article whose heading names " + "/".join(f"`{c}`" for c in r.titled_otherwise)
                  + ", and not this article's own conduct, carries another offence and is not aligned here.", ""]
    if r.outside_assistance:
        lines += ["## Outside mutual assistance", "",
                  "This measure is taken without a request for mutual assistance: the article that carries it "
                  "is not aligned to the Convention's general regime of assistance (Arts 23, 25, 27, 28).", ""]
    if r.safeguards:
        lines += ["## Safeguards", "", ", ".join(f"`{s}`" for s in r.safeguards), ""]
    if r.supervision is not None:
        lines += _supervision_section(r.supervision)
    if r.urgency_validation is not None:
        u = r.urgency_validation
        lines += ["## Review of a measure taken in urgency", "",
                  f"A judge reviews it within {u.prompt} (later: {u.late}; after {u.very_late_after}: "
                  f"{u.very_late}); where nothing follows a refusal, for the most intrusive powers: "
                  f"{u.refusal_effect.severity} ({u.refusal_effect.force}). Basis: {'; '.join(u.basis)}.", ""]
    links = [(k.replace("_", " "), getattr(r, k)) for k in ("subject_to", "depends_on", "mirrors")]
    if any(v for _, v in links):
        lines += ["## Links", ""] + [f"- {k}: {', '.join(f'[{t}]({t}.md)' for t in v)}"
                                     for k, v in links if v] + [""]
    options = [("Reservation", o) for o in r.reservations] + \
              [("Declaration", o) for o in r.declarations]
    if options:
        lines += ["## Reservations and declarations", ""]
        lines += [f"- {kind} `{o.id}` (Art. {o.cites}, listed in Art. {o.basis}): {o.summary}"
                  for kind, o in options] + [""]
    for expect, title in (("fire", "An example that fires"), ("pass", "An example that passes")):
        case = next((c for c in r.cases if c.expect == expect and not c.xfail), None)
        if case:
            lines += [f"## {title} ({case.lang})", "", _case_block(case), ""]
    return "\n".join(lines)


def rules_pages(rulebook: Rulebook) -> dict[str, str]:
    pages = {f"{r.id}.md": requirement_page(r) for r in rulebook.requirements}
    index = ["# Rules", "", "One page per treaty article; generated by `lawcheck rules --format md`.",
             "", "| id | title | kind |", "| --- | --- | --- |"]
    index += [f"| [{r.id}]({r.id}.md) | {r.title} | {r.kind} |" for r in rulebook.requirements]
    pages["README.md"] = "\n".join(index) + "\n"
    return pages


def default_pages_dir() -> Path:
    return data_dir("rules").parent / "docs" / "rules"


def render(fmt: str, out_dir: Path | None = None) -> str:
    if fmt == "schema":
        return json.dumps(RULE_SCHEMA, indent=2, ensure_ascii=False) + "\n"
    rulebook = load_rulebook()
    if fmt == "json":
        return json.dumps(rules_json(rulebook), indent=2, ensure_ascii=False) + "\n"
    if fmt == "graphml":
        return rules_graphml(rulebook)
    if fmt == "md":
        folder = out_dir or default_pages_dir()
        folder.mkdir(parents=True, exist_ok=True)
        for name, text in rules_pages(rulebook).items():
            (folder / name).write_text(text, encoding="utf-8")
        return f"wrote {len(rulebook.requirements) + 1} pages to {folder}\n"
    return rules_text(rulebook)
