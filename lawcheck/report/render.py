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


def warnings_of(report: Report) -> list[str]:
    """The report's warnings about its input (e.g. a text that does not look like a law)."""
    return [str(w["message"]) for w in report.get("warnings") or ()]


def category_heading(category: str, findings: Sequence[Mapping[str, Any]], lang: str) -> str:
    """"Missing safeguards (12)"; for unmet elements also how many articles they are in, so
    the count is not read as a number of partly implemented articles."""
    count: str = str(len(findings))
    if category == "partial":
        articles = len({f.get("requirement") for f in findings if f.get("requirement")})
        count = tr("report.in_articles", lang, count=len(findings), articles=articles)
    return f"{tr(f'category.{category}', lang)} ({count})"


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


def force_name(finding: Mapping[str, Any], lang: str) -> str:
    """What the rule behind a finding is: an obligation, an option the treaty leaves, good practice."""
    return tr(f"ui.force.{finding.get('force', 'obligation')}", lang)


def _force_note(finding: Mapping[str, Any], lang: str) -> str:
    """In the terminal only what is not an obligation is marked, to keep lines short."""
    return "" if finding.get("force", "obligation") == "obligation" else f" ({force_name(finding, lang)})"


def render_text(report: Report, *, limit: int = 8) -> str:
    """A terminal summary a person reads in twenty seconds."""
    lang = report_language(report)
    lines = [*(f"{tr('report.warning', lang)}: {w}" for w in warnings_of(report)), *_headline(report), ""]
    for category, findings in _grouped(report).items():
        lines.append(category_heading(category, findings, lang))
        for f in findings[:limit]:
            severity = tr("severity_short." + f["severity"], lang)
            lines.append(f"  [{severity}] {f['code']}: {f['message']}{_force_note(f, lang)}")
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
    lines = [f"# {tr('report.title', lang)}: {_md_cell(head[0])}", "",
             *(f"> **{tr('report.warning', lang)}:** {_md_cell(w)}\n" for w in warnings_of(report)),
             _md_cell(head[1]), "",
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
        lines += [f"## {_md_cell(category_heading(category, findings, lang))}", ""]
        for f in findings:
            where = ", ".join(cited(f))
            cites = f", {_md_cell(f['cites'])}" if f.get("cites") else ""
            severity = tr("severity." + f["severity"], lang) + ", " + force_name(f, lang)
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
*{box-sizing:border-box}
body{font:15px/1.45 system-ui,sans-serif;margin:2rem auto;max-width:72rem;padding:0 1rem;color:#1d2733;
overflow-wrap:anywhere}
h1{font-size:1.5rem}h2{margin-top:2rem;border-bottom:1px solid #ccd}
nav.toc{border:1px solid #d5d9e0;background:#f8f9fb;padding:.6rem 1rem;margin:1rem 0}
nav.toc ol{margin:.2rem 0;padding-left:1.2rem}nav.toc .reqs{display:flex;flex-wrap:wrap;gap:.2rem .5rem;
list-style:none;padding:0;font-size:.85rem}nav.toc .reqs a{padding:0 .2rem;border-radius:3px}
.warning{border:1px solid #d4a72c;background:#fff8c5;padding:.5rem .8rem;margin:1rem 0}
table{border-collapse:collapse;width:100%;table-layout:fixed}
td,th{border:1px solid #d5d9e0;padding:.3rem .5rem;vertical-align:top;text-align:left;overflow-wrap:anywhere}
th{background:#f1f3f6}col.c-id{width:6%}col.c-ob{width:26%}col.c-st{width:11%}col.c-pr{width:15%}
col.c-el{width:24%}col.c-sg{width:18%}
.implemented{background:#e3f4e6}.partial{background:#fff4d6}.missing{background:#fde4e1}
.not_applicable{background:#eee}.sev-high{color:#a4161a;font-weight:600}.sev-medium{color:#9a6700}
mark{background:#ffe58a;padding:0 .1rem}
mark.neg{background:none;border-bottom:2px dashed #a4161a;padding-left:.9em;position:relative}
mark.neg::before{content:'≠';position:absolute;left:0;color:#a4161a;font-size:.8em}mark.num{background:#b9e2ff}
.prov{border-left:3px solid #99a;padding:.2rem .8rem;margin:.6rem 0}.eid{font:12px monospace;color:#556}
.help{color:#345}.suggestion{color:#1f5130}.small{font-size:.85rem;color:#555}
:target{outline:2px solid #2f6fde;outline-offset:2px}
@media (max-width:60rem){table,thead,tbody,tr,td,th,colgroup{display:block;width:auto}tr.head{display:none}
tr{border:1px solid #d5d9e0;margin:.5rem 0}td{border:none;border-top:1px solid #eceef2}
td[data-col]::before{content:attr(data-col) ": ";font-weight:600}}
@media print{@page{margin:1.5cm}body{font-size:10.5pt;max-width:none;margin:0;padding:0;color:#000}
nav.toc{display:none}a{color:inherit;text-decoration:none}h1,h2{break-after:avoid}
tr,li,.prov{break-inside:avoid}thead{display:table-header-group}.warning{border-color:#000}
td,th{border-color:#888}}
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


def _link(eid: str, label: str, targets: set[str]) -> str:
    """A citation that links to the provision shown further down; the eId stays in the tooltip."""
    esc = html.escape
    if eid not in targets:
        return f"<span title='{esc(eid)}'>{esc(label)}</span>"
    return f"<a href='#{esc(eid)}' title='{esc(eid)}'>{esc(label)}</a>"


def _html_requirement(r: Mapping[str, Any], lang: str, targets: set[str]) -> str:
    from lawcheck.i18n import treaty_cite

    esc = html.escape
    provisions = " ".join(_link(p["eId"], p.get("label") or p["eId"], targets) for p in r["provisions"][:5])
    elements = "<br>".join(
        f"{esc(treaty_cite(r['instrument'], e.get('cites') or r['article'], lang))}: "
        f"{esc(tr('element.' + e['status'], lang))}" + (f" — {esc(e['detail'])}" if e.get("detail")
                                                        and e["status"] != "met" else "")
        for e in r.get("elements", []))
    safeguards = esc(_safeguard_line(r, lang)).replace("; ", "<br>")
    col = {c: esc(tr(f"report.col.{c}", lang)) for c in ("obligation", "status", "provisions", "elements",
                                                            "safeguards")}
    return (f"<tr class='{esc(r['status'])}' id='{_anchor(r['id'])}'><td>{esc(r['id'])}</td>"
            f"<td data-col='{col['obligation']}'><b>{esc(r['title'])}</b>"
            f"<div class='small'>{esc(r['summary'])}</div></td>"
            f"<td data-col='{col['status']}'>{esc(_status(r['status'], lang))}</td>"
            f"<td data-col='{col['provisions']}'>{provisions}</td>"
            f"<td class='small' data-col='{col['elements']}'>{elements}</td>"
            f"<td class='small' data-col='{col['safeguards']}'>{safeguards}</td></tr>")


def _anchor(name: str) -> str:
    """The id of a requirement's row or a section of the report: `req-BC-16`, `cat-conflict`."""
    return html.escape(f"req-{name}", quote=True)


def _toc(report: Report, sections: Sequence[tuple[str, str]], lang: str) -> str:
    """Links to each section and to each requirement's row."""
    esc = html.escape
    items = "".join(f"<li><a href='#{esc(anchor)}'>{esc(title)}</a></li>" for anchor, title in sections)
    requirements = "".join(f"<li><a class='{esc(r['status'])}' href='#{_anchor(r['id'])}' "
                           f"title='{esc(r['title'])}'>{esc(r['id'])}</a></li>" for r in report["requirements"])
    contents = esc(tr("report.contents", lang))
    return (f"<nav class='toc' aria-label='{contents}'><b>{contents}</b><ol>{items}</ol>"
            f"<ul class='reqs'>{requirements}</ul></nav>")


def _html_finding(f: Mapping[str, Any], lang: str, targets: set[str]) -> str:
    esc = html.escape
    eids = f.get("provisions", [])
    links = " ".join(_link(eid, label, targets) for eid, label in zip(eids, cited(f), strict=False))
    parts = [f"<li><span class='sev-{f['severity']}'>{esc(f['code'])}</span> {links}"
             f" <span class='small'>{esc(force_name(f, lang))} · {esc(f.get('cites', ''))}</span>"
             f"<br>{esc(f['message'])}"]
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
    """One self-contained file: contents, table, findings, provisions with the evidence
    highlighted; it fits the width of the window and prints without the contents."""
    esc = html.escape
    lang = report_language(report)
    head = _headline(report)
    columns = "".join(f"<th>{esc(tr(f'report.col.{c}', lang))}</th>" for c in
                      ("article", "obligation", "status", "provisions", "elements", "safeguards"))
    widths = "".join(f"<col class='c-{c}'>" for c in ("id", "ob", "st", "pr", "el", "sg"))
    grouped = _grouped(report)
    cited_eids = {eid for f in report["findings"] for eid in f.get("provisions") or ()}
    cited_eids |= {p["eId"] for r in report["requirements"] for p in r["provisions"][:5]}
    aligned = [a for a in report["alignment"] if a["requirements"] or a["eId"] in cited_eids]
    targets = {a["eId"] for a in aligned}
    sections = [("by-article", tr("report.by_article", lang)),
                *((f"cat-{category}", category_heading(category, findings, lang))
                  for category, findings in grouped.items()),
                ("provisions", f"{tr('report.with_evidence', lang)} ({len(aligned)})")]
    parts = [f"<!doctype html><html lang='{esc(lang)}'><head><meta charset='utf-8'>"
             "<meta name='viewport' content='width=device-width, initial-scale=1'>"
             f"<title>lawcheck: {esc(head[0])}</title><style>{_CSS}</style>"
             f"</head><body><h1>{esc(head[0])}</h1>",
             *(f"<p class='warning' role='alert'><b>{esc(tr('report.warning', lang))}:</b> {esc(w)}</p>"
               for w in warnings_of(report)),
             f"<p>{esc(head[1])}</p>", _toc(report, sections, lang),
             f"<h2 id='by-article'>{esc(sections[0][1])}</h2><table><colgroup>{widths}</colgroup>"
             f"<thead><tr class='head'>{columns}</tr></thead><tbody>"]
    parts.extend(_html_requirement(r, lang, targets) for r in report["requirements"])
    parts.append("</tbody></table>")
    for (anchor, title), (_category, findings) in zip(sections[1:], grouped.items(), strict=False):
        parts.append(f"<h2 id='{esc(anchor)}'>{esc(title)}</h2><ul>")
        parts.extend(_html_finding(f, lang, targets) for f in findings)
        parts.append("</ul>")
    parts.append(f"<h2 id='provisions'>{esc(sections[-1][1])}</h2>")
    for a in aligned:
        ids = ", ".join(r["id"] for r in a["requirements"])
        served = f" → {esc(ids)}" if ids else ""
        parts.append(f"<div class='prov' id='{esc(a['eId'])}'><div class='eid' title='{esc(a['eId'])}'>"
                     f"{esc(a.get('label') or a['eId'])}{served}</div>{_highlight(analysis, a['eId'], lang)}</div>")
    parts.append("</body></html>\n")
    return "".join(parts)
