"""The report as a person reads it: a terminal summary, Markdown, or one self-contained
HTML file. All three render the JSON report; none re-evaluates anything."""

from __future__ import annotations

import html
from collections.abc import Mapping
from typing import Any

from lawcheck.decisions.attach import decision_note
from lawcheck.engine.align import Analysis
from lawcheck.engine.findings import CATEGORY_TITLES
from lawcheck.safe_text import markdown_code, markdown_text, terminal_text

Report = Mapping[str, Any]
_MARK = {"implemented": "+", "partial": "~", "missing": "-", "not_applicable": " ", "not_assessed": "?"}


def _grouped(report: Report) -> dict[str, list[Mapping[str, Any]]]:
    groups: dict[str, list[Mapping[str, Any]]] = {}
    for finding in report["findings"]:
        groups.setdefault(finding["category"], []).append(finding)
    return {c: groups[c] for c in CATEGORY_TITLES if c in groups}


def _headline(report: Report) -> list[str]:
    doc, s = report["document"], report["summary"]
    high = sum(f["severity"] == "high" for f in report["findings"])
    lines = [f"{doc['title']}  ({doc['language']}, {doc['provisions']} provisions, "
             f"checked against {' + '.join(report['instruments'])})",
             f"implemented {s['implemented']}   partial {s['partial']}   missing {s['missing']}"
             f"   not applicable {s.get('not_applicable', 0)}"
             f"   not assessed {s.get('not_assessed', 0)}   findings {s['findings']} ({high} high)"]
    review = report.get("review")
    if review:
        lines.append(f"reviewer decisions ({review['database']}): {review['accepted']} accepted, "
                     f"{review['dismissed']} dismissed, {review['needs_rereview']} to re-review")
    return lines


def render_text(report: Report, *, limit: int = 8) -> str:
    """A terminal summary a person reads in twenty seconds."""
    lines = [*_headline(report), ""]
    for category, findings in _grouped(report).items():
        lines.append(f"{CATEGORY_TITLES[category]} ({len(findings)})")
        for f in findings[:limit]:
            where = ", ".join(f.get("provisions", [])[:3])
            lines.append(f"  [{f['severity'][0].upper()}] {f['code']}"
                         + (f" @ {where}" if where else "") + f": {f['message']}")
            if f.get("decision"):
                lines.append(f"      reviewer: {decision_note(f)}")
        if len(findings) > limit:
            lines.append(f"  ... and {len(findings) - limit} more (--format md or html for all)")
        lines.append("")
    lines.append("Article by article (+ implemented, ~ partial, - missing)")
    row: list[str] = []
    for r in report["requirements"]:
        row.append(f"{_MARK[r['status']]}{r['id']}")
        if len(row) == 10:
            lines.append("  " + " ".join(f"{cell:<7}" for cell in row).rstrip())
            row = []
    if row:
        lines.append("  " + " ".join(f"{cell:<7}" for cell in row).rstrip())
    return terminal_text("\n".join(lines) + "\n")


def _md_cell(text: str) -> str:
    return markdown_text(text)


def render_markdown(report: Report) -> str:
    head = _headline(report)
    lines = [f"# lawcheck report: {_md_cell(head[0])}", "", _md_cell(head[1]), "", "## Article by article", "",
             "| Article | Title | Status | Score | Provisions | Safeguards |",
             "| --- | --- | --- | --- | --- | --- |"]
    for r in report["requirements"]:
        provisions = ", ".join(markdown_code(p["eId"]) for p in r["provisions"][:4])
        safeguards = ", ".join(f"{k.split('_')[0]}: {v}" for k, v in r.get("safeguards", {}).items())
        lines.append(f"| {r['id']} | {_md_cell(r['title'])} | {r['status']} | {r.get('score', 0):.2f} "
                     f"| {provisions} | {_md_cell(safeguards)} |")
    lines.append("")
    for category, findings in _grouped(report).items():
        lines += [f"## {CATEGORY_TITLES[category]}", ""]
        for f in findings:
            where = ", ".join(markdown_code(p) for p in f.get("provisions", []))
            cites = f", {_md_cell(f['cites'])}" if f.get("cites") else ""
            lines.append(f"- **{_md_cell(f['code'])}** ({f['severity']}{cites})"
                         f"{' in ' + where if where else ''}: {_md_cell(f['message'])}")
            if f.get("help"):
                lines.append(f"  - *What to change:* {_md_cell(f['help'])}")
            if f.get("evidence"):
                lines.append(f"  - *Evidence:* {', '.join('“' + _md_cell(e) + '”' for e in f['evidence'])}")
            if f.get("decision"):
                lines.append(f"  - *Reviewer:* {_md_cell(decision_note(f))}")
        lines.append("")
    return "\n".join(lines)


_CSS = """
body{font:15px/1.45 system-ui,sans-serif;margin:2rem auto;max-width:70rem;color:#1d2733}
h1{font-size:1.5rem}h2{margin-top:2rem;border-bottom:1px solid #ccd}
table{border-collapse:collapse;width:100%}td,th{border:1px solid #d5d9e0;padding:.3rem .5rem;
vertical-align:top;text-align:left}th{background:#f1f3f6}
.implemented{background:#e3f4e6}.partial{background:#fff4d6}.missing{background:#fde4e1}
.not_applicable{background:#eee}.sev-high{color:#a4161a;font-weight:600}.sev-medium{color:#9a6700}
mark{background:#ffe58a;padding:0 .1rem}mark.neg{background:#f7b7b2}mark.num{background:#b9e2ff}
.prov{border-left:3px solid #99a;padding:.2rem .8rem;margin:.6rem 0}.eid{font:12px monospace;color:#556}
.help{color:#345}.small{font-size:.85rem;color:#555}
"""


def _highlight(analysis: Analysis, eid: str) -> str:
    unit = analysis.units[eid]
    text = unit.tagged.text
    spans = [(m.start, m.end, "neg" if m.negated else "") for m in unit.tagged.matches]
    spans += [(d.start, d.end, "num") for d in unit.tagged.durations]
    out, cursor = [], 0
    for start, end, cls in sorted(spans):
        if start < cursor:
            continue
        out.append(html.escape(text[cursor:start]))
        out.append(f'<mark class="{cls}">{html.escape(text[start:end])}</mark>')
        cursor = end
    out.append(html.escape(text[cursor:]))
    return "".join(out)


def render_html(report: Report, analysis: Analysis) -> str:
    """One self-contained file: table, findings, provisions with the evidence highlighted."""
    esc = html.escape
    head = _headline(report)
    parts = [f"<!doctype html><html lang='{esc(report['document']['language'])}'><head>"
             f"<meta charset='utf-8'><title>lawcheck: {esc(head[0])}</title><style>{_CSS}</style>"
             f"</head><body><h1>{esc(head[0])}</h1><p>{esc(head[1])}</p>",
             "<h2>Article by article</h2><table><tr><th>Article</th><th>Obligation</th>"
             "<th>Status</th><th>Provisions</th><th>Elements</th><th>Safeguards</th></tr>"]
    for r in report["requirements"]:
        provisions = " ".join(f"<a href='#{esc(p['eId'])}'>{esc(p['eId'])}</a>" for p in r["provisions"][:5])
        elements = "<br>".join(f"{esc(e['id'])}: {esc(e['status'])}" for e in r.get("elements", []))
        safeguards = "<br>".join(f"{esc(k)}: {esc(v)}" for k, v in r.get("safeguards", {}).items())
        parts.append(f"<tr class='{r['status']}'><td>{r['id']}</td><td><b>{esc(r['title'])}</b>"
                     f"<div class='small'>{esc(r['summary'])}</div></td><td>{r['status']}</td>"
                     f"<td>{provisions}</td><td class='small'>{elements}</td>"
                     f"<td class='small'>{safeguards}</td></tr>")
    parts.append("</table>")
    for category, findings in _grouped(report).items():
        parts.append(f"<h2>{esc(CATEGORY_TITLES[category])} ({len(findings)})</h2><ul>")
        for f in findings:
            links = " ".join(f"<a href='#{esc(p)}'>{esc(p)}</a>" for p in f.get("provisions", []))
            parts.append(f"<li><span class='sev-{f['severity']}'>{esc(f['code'])}</span> {links}"
                         f" <span class='small'>{esc(f.get('cites', ''))}</span><br>{esc(f['message'])}"
                         + (f"<div class='help'>What to change: {esc(f['help'])}</div>" if f.get("help") else "")
                         + (f"<div class='small'>Reviewer: {esc(decision_note(f))}</div>"
                            if f.get("decision") else "")
                         + "</li>")
        parts.append("</ul>")
    aligned = [a for a in report["alignment"] if a["requirements"]]
    parts.append(f"<h2>Provisions with evidence ({len(aligned)})</h2>")
    for a in aligned:
        ids = ", ".join(r["id"] for r in a["requirements"])
        parts.append(f"<div class='prov' id='{esc(a['eId'])}'><div class='eid'>{esc(a['eId'])}"
                     f" → {esc(ids)}</div>{_highlight(analysis, a['eId'])}</div>")
    parts.append("</body></html>\n")
    return "".join(parts)
