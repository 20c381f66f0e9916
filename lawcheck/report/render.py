"""The report as a person reads it: a terminal summary, Markdown, or one self-contained
HTML file. All three render the JSON report; none re-evaluates anything."""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence
from typing import Any

from lawcheck.decisions.attach import decision_note
from lawcheck.engine.align import Analysis
from lawcheck.engine.findings import CATEGORY_TITLES
from lawcheck.i18n import tr
from lawcheck.safe_text import markdown_text, terminal_text

Report = Mapping[str, Any]
_MARK = {"implemented": "+", "partial": "~", "missing": "-", "not_applicable": " ", "not_assessed": "?"}


def _grouped(report: Report) -> dict[str, list[Mapping[str, Any]]]:
    groups: dict[str, list[Mapping[str, Any]]] = {}
    for finding in report["findings"]:
        groups.setdefault(finding["category"], []).append(finding)
    return {c: groups[c] for c in CATEGORY_TITLES if c in groups}


def report_language(report: Report) -> str:
    """The language the report's words are written in (the draft's, unless asked otherwise)."""
    document = report["document"]
    return str(document.get("ui_language") or "en")


def cited(finding: Mapping[str, Any]) -> list[str]:
    """The provisions of a finding as a lawyer cites them (eIds for reports without labels)."""
    return list(finding.get("labels") or finding.get("provisions") or [])


def _headline(report: Report) -> list[str]:
    doc, s = report["document"], report["summary"]
    lang = report_language(report)
    high = sum(f["severity"] == "high" for f in report["findings"])
    language = tr(f"lang.{doc['language']}", lang) if doc["language"] in {"en", "ru"} else doc["language"]
    lines = [tr("report.headline", lang, title=doc["title"], language=language,
                provisions=doc["provisions"], instruments=" + ".join(
                    tr(f"treaty.{i}", lang) for i in report["instruments"])),
             tr("report.counts", lang, implemented=s["implemented"], partial=s["partial"],
                missing=s["missing"], not_applicable=s.get("not_applicable", 0),
                not_assessed=s.get("not_assessed", 0), findings=s["findings"], high=high)]
    review = report.get("review")
    if review:
        lines.append(tr("report.review", lang, database=review["database"], accepted=review["accepted"],
                        dismissed=review["dismissed"], rereview=review["needs_rereview"]))
    return lines


def render_text(report: Report, *, limit: int = 8) -> str:
    """A terminal summary a person reads in twenty seconds."""
    lang = report_language(report)
    lines = [*_headline(report), ""]
    for category, findings in _grouped(report).items():
        lines.append(f"{tr(f'category.{category}', lang)} ({len(findings)})")
        for f in findings[:limit]:
            severity = tr("severity_short." + f["severity"], lang)
            lines.append(f"  [{severity}] {f['code']}: {f['message']}")
            if f.get("decision"):
                lines.append(f"      {tr('report.reviewer', lang)}: {decision_note(f, lang)}")
        if len(findings) > limit:
            lines.append("  " + tr("report.more", lang, count=len(findings) - limit))
        lines.append("")
    lines.append(tr("report.matrix", lang))
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


def _status(value: str, lang: str) -> str:
    key = f"status.{value}"
    return tr(key, lang) if value else value


def _safeguard_line(requirement: Mapping[str, Any], lang: str) -> str:
    from lawcheck.engine.findings import safeguard_name

    return "; ".join(f"{safeguard_name(k, lang)}: {tr(f'safeguard.{v}', lang)}"
                     for k, v in requirement.get("safeguards", {}).items())


def _quoted(texts: Sequence[str], lang: str) -> str:
    return ", ".join(f"«{t}»" if lang == "ru" else f"“{t}”" for t in texts)


def render_markdown(report: Report) -> str:
    lang = report_language(report)
    head = _headline(report)
    lines = [f"# {tr('report.title', lang)}: {_md_cell(head[0])}", "", _md_cell(head[1]), "",
             f"## {tr('report.by_article', lang)}", "",
             "| " + " | ".join(tr(f"report.col.{c}", lang) for c in
                               ("article", "title", "status", "provisions", "safeguards")) + " |",
             "| --- | --- | --- | --- | --- |"]
    for r in report["requirements"]:
        provisions = ", ".join(p.get("label") or p["eId"] for p in r["provisions"][:4])
        lines.append(f"| {r['id']} | {_md_cell(r['title'])} | {_status(r['status'], lang)} "
                     f"| {_md_cell(provisions)} | {_md_cell(_safeguard_line(r, lang))} |")
    lines.append("")
    for category, findings in _grouped(report).items():
        lines += [f"## {tr(f'category.{category}', lang)}", ""]
        for f in findings:
            where = ", ".join(cited(f))
            cites = f", {_md_cell(f['cites'])}" if f.get("cites") else ""
            severity = tr("severity." + f["severity"], lang)
            lines.append(f"- **{_md_cell(f['code'])}** ({severity}{cites})"
                         f"{tr('report.in', lang) + _md_cell(where) if where else ''}: {_md_cell(f['message'])}")
            if f.get("help"):
                lines.append(f"  - *{tr('report.what_to_change', lang)}:* {_md_cell(f['help'])}")
            if f.get("suggestion"):
                lines.append(f"  - *{tr('report.suggested', lang)}:* {_md_cell(f['suggestion']['text'])}")
            if f.get("evidence"):
                lines.append(f"  - *{tr('report.evidence', lang)}:* {_md_cell(_quoted(f['evidence'], lang))}")
            if f.get("decision"):
                lines.append(f"  - *{tr('report.reviewer_label', lang)}:* {_md_cell(decision_note(f, lang))}")
        lines.append("")
    return "\n".join(lines)


_CSS = """
body{font:15px/1.45 system-ui,sans-serif;margin:2rem auto;max-width:70rem;color:#1d2733}
h1{font-size:1.5rem}h2{margin-top:2rem;border-bottom:1px solid #ccd}
table{border-collapse:collapse;width:100%}td,th{border:1px solid #d5d9e0;padding:.3rem .5rem;
vertical-align:top;text-align:left}th{background:#f1f3f6}
.implemented{background:#e3f4e6}.partial{background:#fff4d6}.missing{background:#fde4e1}
.not_applicable{background:#eee}.sev-high{color:#a4161a;font-weight:600}.sev-medium{color:#9a6700}
mark{background:#ffe58a;padding:0 .1rem}
mark.neg{background:none;border-bottom:2px dashed #a4161a;padding-left:.9em;position:relative}
mark.neg::before{content:'≠';position:absolute;left:0;color:#a4161a;font-size:.8em}mark.num{background:#b9e2ff}
.prov{border-left:3px solid #99a;padding:.2rem .8rem;margin:.6rem 0}.eid{font:12px monospace;color:#556}
.help{color:#345}.suggestion{color:#1f5130}.small{font-size:.85rem;color:#555}
"""


def _highlight(analysis: Analysis, eid: str, lang: str = "en") -> str:
    unit = analysis.units[eid]
    text = unit.tagged.text
    spans = [(m.start, m.end, "neg" if m.negated else "") for m in unit.tagged.matches]
    spans += [(d.start, d.end, "num") for d in unit.tagged.durations]
    out, cursor = [], 0
    for start, end, cls in sorted(spans):
        if start < cursor:
            continue
        out.append(html.escape(text[cursor:start]))
        note = f' title="{html.escape(tr("report.negated", lang))}"' if cls == "neg" else ""
        out.append(f'<mark class="{cls}"{note}>{html.escape(text[start:end])}</mark>')
        cursor = end
    out.append(html.escape(text[cursor:]))
    return "".join(out)


def _link(eid: str, label: str) -> str:
    """A citation that links to the provision; the eId stays in the tooltip only."""
    esc = html.escape
    return f"<a href='#{esc(eid)}' title='{esc(eid)}'>{esc(label)}</a>"


def _html_requirement(r: Mapping[str, Any], lang: str) -> str:
    from lawcheck.i18n import treaty_cite

    esc = html.escape
    provisions = " ".join(_link(p["eId"], p.get("label") or p["eId"]) for p in r["provisions"][:5])
    elements = "<br>".join(
        f"{esc(treaty_cite(r['instrument'], e.get('cites') or r['article'], lang))}: "
        f"{esc(tr('element.' + e['status'], lang))}" + (f" — {esc(e['detail'])}" if e.get("detail")
                                                        and e["status"] != "met" else "")
        for e in r.get("elements", []))
    safeguards = esc(_safeguard_line(r, lang)).replace("; ", "<br>")
    return (f"<tr class='{r['status']}'><td>{r['id']}</td><td><b>{esc(r['title'])}</b>"
            f"<div class='small'>{esc(r['summary'])}</div></td><td>{esc(_status(r['status'], lang))}</td>"
            f"<td>{provisions}</td><td class='small'>{elements}</td>"
            f"<td class='small'>{safeguards}</td></tr>")


def _html_finding(f: Mapping[str, Any], lang: str) -> str:
    esc = html.escape
    eids = f.get("provisions", [])
    links = " ".join(_link(eid, label) for eid, label in zip(eids, cited(f), strict=False))
    parts = [f"<li><span class='sev-{f['severity']}'>{esc(f['code'])}</span> {links}"
             f" <span class='small'>{esc(f.get('cites', ''))}</span><br>{esc(f['message'])}"]
    if f.get("help"):
        parts.append(f"<div class='help'>{esc(tr('report.what_to_change', lang))}: {esc(f['help'])}</div>")
    if f.get("suggestion"):
        parts.append(f"<div class='suggestion'>{esc(tr('report.suggested', lang))}: "
                     f"<q>{esc(f['suggestion']['text'])}</q></div>")
    if f.get("decision"):
        parts.append(f"<div class='small'>{esc(tr('report.reviewer_label', lang))}: "
                     f"{esc(decision_note(f, lang))}</div>")
    return "".join(parts) + "</li>"


def render_html(report: Report, analysis: Analysis) -> str:
    """One self-contained file: table, findings, provisions with the evidence highlighted."""
    esc = html.escape
    lang = report_language(report)
    head = _headline(report)
    columns = "".join(f"<th>{esc(tr(f'report.col.{c}', lang))}</th>" for c in
                      ("article", "obligation", "status", "provisions", "elements", "safeguards"))
    parts = [f"<!doctype html><html lang='{esc(lang)}'><head>"
             f"<meta charset='utf-8'><title>lawcheck: {esc(head[0])}</title><style>{_CSS}</style>"
             f"</head><body><h1>{esc(head[0])}</h1><p>{esc(head[1])}</p>",
             f"<h2>{esc(tr('report.by_article', lang))}</h2><table><tr>{columns}</tr>"]
    parts.extend(_html_requirement(r, lang) for r in report["requirements"])
    parts.append("</table>")
    for category, findings in _grouped(report).items():
        parts.append(f"<h2>{esc(tr(f'category.{category}', lang))} ({len(findings)})</h2><ul>")
        parts.extend(_html_finding(f, lang) for f in findings)
        parts.append("</ul>")
    aligned = [a for a in report["alignment"] if a["requirements"]]
    parts.append(f"<h2>{esc(tr('report.with_evidence', lang))} ({len(aligned)})</h2>")
    for a in aligned:
        ids = ", ".join(r["id"] for r in a["requirements"])
        parts.append(f"<div class='prov' id='{esc(a['eId'])}'><div class='eid' title='{esc(a['eId'])}'>"
                     f"{esc(a.get('label') or a['eId'])}"
                     f" → {esc(ids)}</div>{_highlight(analysis, a['eId'], lang)}</div>")
    parts.append("</body></html>\n")
    return "".join(parts)
