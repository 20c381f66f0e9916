"""Every finding of a report on paper: the print view of the page and its PDF.

Grouped by treaty article in treaty order (findings on the draft's own consistency last),
each finding with its severity, the provisions as a lawyer cites them, the treaty paragraph,
its force, the evidence in the draft's words, what to change, the suggested wording and the
reviewer's decision. The same HTML is shown in the page (`?view=print`) and, as a complete
document, turned into a PDF by the system's chromium when there is one.
"""

from __future__ import annotations

import html
import shutil
import subprocess
import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from lawcheck.decisions.attach import decision_note
from lawcheck.i18n import tr
from lawcheck.ui.links import finding_ref

Report = Mapping[str, Any]
PDF_SECONDS = 90
CHROMIUM_FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync",
                  "--no-pdf-header-footer")

PRINT_CSS = """
.lc-print { font: 11pt/1.45 Georgia, "Times New Roman", serif; color: #1d2733; max-width: 60rem; }
.lc-print h1 { font-size: 1.5rem; margin: 0 0 .3rem; }
.lc-print h2 { font-size: 1.15rem; margin: 1.3rem 0 .4rem; border-bottom: 1px solid #d5d9e0;
  padding-bottom: .15rem; break-after: avoid; }
.lc-print .lc-print-meta { color: #4a5260; font-size: .95rem; margin: 0 0 .8rem; }
.lc-print ol.lc-print-toc { columns: 2; font-size: .92rem; margin: .2rem 0 1rem; }
.lc-print ol.lc-print-toc a { color: inherit; text-decoration: none; }
.lc-print article.lc-print-finding { border-left: 4px solid #8a8f98; padding: .35rem .8rem; margin: .6rem 0;
  break-inside: avoid; }
.lc-print article.lc-sev-high { border-left-color: #b3261e; }
.lc-print article.lc-sev-medium { border-left-color: #d9822b; }
.lc-print .lc-print-head { font-weight: 700; }
.lc-print .lc-print-where { font-size: .95rem; color: #333b46; }
.lc-print dl { display: grid; grid-template-columns: max-content 1fr; gap: .15rem .8rem; margin: .35rem 0 0; }
.lc-print dt { font-weight: 600; color: #4a5260; }
.lc-print dd { margin: 0; }
.lc-print blockquote { margin: .2rem 0; padding: .3rem .6rem; background: #f4f6f8; border-left: 3px solid #1f5fa8;
  white-space: pre-wrap; }
@media print { .lc-print { max-width: none; } .lc-print a { color: inherit; text-decoration: none; } }
"""


def _e(text: Any) -> str:
    return html.escape(str(text), quote=True)


def _labels(report: Report) -> dict[str, str]:
    """eId -> the provision as a lawyer cites it, from the report's alignment."""
    return {a["eId"]: a.get("label") or a["eId"] for a in report.get("alignment", [])}


def grouped_findings(report: Report) -> list[tuple[Mapping[str, Any] | None, list[Mapping[str, Any]]]]:
    """(requirement, its findings) in treaty order, then (None, the findings of no article)."""
    by_requirement: dict[str, list[Mapping[str, Any]]] = {}
    loose: list[Mapping[str, Any]] = []
    for finding in report["findings"]:
        requirement = finding.get("requirement")
        (by_requirement.setdefault(requirement, []) if requirement else loose).append(finding)
    groups: list[tuple[Mapping[str, Any] | None, list[Mapping[str, Any]]]] = [
        (r, by_requirement.pop(r["id"])) for r in report["requirements"] if r["id"] in by_requirement]
    leftover = [f for findings in by_requirement.values() for f in findings] + loose
    if leftover:
        groups.append((None, leftover))
    return groups


def _finding_html(finding: Mapping[str, Any], labels: Mapping[str, str], lang: str) -> str:
    severity = finding["severity"]
    cited = finding.get("labels") or [labels.get(eid, eid) for eid in finding.get("provisions", [])]
    rows = []
    if cited:
        rows.append((tr("report.col.provisions", lang), ", ".join(_e(c) for c in cited)))
    if finding.get("cites"):
        rows.append((tr("ui.treaty", lang), _e(finding["cites"])))
    if finding.get("force"):
        rows.append((tr("ui.print.force", lang), _e(tr(f"ui.force.{finding['force']}", lang))))
    if finding.get("evidence"):
        rows.append((tr("report.evidence", lang), ", ".join(f"«{_e(e)}»" if lang == "ru" else f"“{_e(e)}”"
                                                           for e in finding["evidence"])))
    if finding.get("help"):
        rows.append((tr("report.what_to_change", lang), _e(finding["help"])))
    suggestion = finding.get("suggestion")
    if suggestion:
        where = labels.get(suggestion["eId"], suggestion["eId"])
        action = tr(f"action.{suggestion['action']}", lang)
        rows.append((tr("report.suggested", lang),
                     f"{_e(action)}: {_e(where)}<blockquote>{_e(suggestion['text'])}</blockquote>"))
    note = decision_note(finding, lang)
    if note:
        rows.append((tr("report.reviewer_label", lang), _e(note)))
    details = "".join(f"<dt>{_e(term)}</dt><dd>{value}</dd>" for term, value in rows)
    category = tr(f"ui.category.{finding['category']}", lang)
    head = f"{_e(tr(f'severity.{severity}', lang).capitalize())} · {_e(category)}"
    return (f'<article class="lc-print-finding lc-sev-{_e(severity)}" data-finding="{finding_ref(finding)}">'
            f'<div class="lc-print-head">{head}</div><p>{_e(finding["message"])}</p><dl>{details}</dl></article>')


def print_html(report: Report, lang: str) -> str:
    """The print view's body: a heading, the contents, every finding grouped by article."""
    labels = _labels(report)
    document = report["document"]
    groups = grouped_findings(report)
    total = len(report["findings"])
    meta = tr("ui.print.meta", lang, source=document.get("source", ""), count=total,
              instruments=", ".join(tr(f"ui.instrument.{i}", lang) for i in report["instruments"]))
    parts = [f'<div class="lc-print" lang="{_e(lang)}"><h1>{_e(document["title"])}</h1>',
             f'<p class="lc-print-meta">{_e(meta)}</p>']
    if not groups:
        parts.append(f"<p>{_e(tr('ui.print.none', lang))}</p>")
    titles = []
    for number, (requirement, findings) in enumerate(groups):
        title = f"{requirement['id']} · {requirement['title']}" if requirement else tr("ui.print.other", lang)
        titles.append((f"lc-req-{number}", f"{title} ({len(findings)})"))
    if len(groups) > 1:
        parts.append('<ol class="lc-print-toc">' + "".join(
            f'<li><a href="#{anchor}">{_e(title)}</a></li>' for anchor, title in titles) + "</ol>")
    for (anchor, title), (requirement, findings) in zip(titles, groups, strict=True):
        parts.append(f'<section><h2 id="{anchor}">{_e(title)}</h2>')
        if requirement is not None and requirement.get("summary"):
            parts.append(f'<p class="lc-print-where">{_e(requirement["summary"])}</p>')
        parts.extend(_finding_html(finding, labels, lang) for finding in findings)
        parts.append("</section>")
    parts.append("</div>")
    return "".join(parts)


def print_document(report: Report, lang: str) -> str:
    """The print view as a complete HTML file (for the PDF, or to save when there is no chromium)."""
    title = f"{tr('ui.view.print', lang)}: {report['document']['title']}"
    return (f'<!doctype html><html lang="{_e(lang)}"><head><meta charset="utf-8"><title>{_e(title)}</title>'
            f"<style>@page {{ size: A4; margin: 18mm 16mm; }} body {{ margin: 0; }}{PRINT_CSS}</style></head>"
            f"<body>{print_html(report, lang)}</body></html>\n")


def chromium() -> str | None:
    """The system's chromium, if there is one."""
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if not found and Path("/usr/bin/chromium").exists():
        found = "/usr/bin/chromium"
    return found


def print_pdf(document: str) -> bytes | None:
    """The HTML document printed to PDF by headless chromium; None without chromium or when it
    fails (the page then offers the HTML instead)."""
    executable = chromium()
    if executable is None:
        return None
    with tempfile.TemporaryDirectory(prefix="lawcheck-print-") as folder:
        source = Path(folder) / "findings.html"
        target = Path(folder) / "findings.pdf"
        source.write_text(document, encoding="utf-8")
        command = [executable, *CHROMIUM_FLAGS, f"--user-data-dir={Path(folder) / 'profile'}",
                   f"--print-to-pdf={target}", source.as_uri()]
        try:
            subprocess.run(command, capture_output=True, timeout=PDF_SECONDS, check=False)
        except (OSError, subprocess.TimeoutExpired):
            return None
        if not target.is_file():
            return None
        data = target.read_bytes()
        return data if data.startswith(b"%PDF") else None
