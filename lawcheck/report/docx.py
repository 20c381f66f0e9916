"""The Word commentary: a draft's conformity review laid out the way Council of Europe
legislative reviews are written, for an expert to edit.

Portrait opening (title block, summary, key recommendations), then a landscape section with
the article-by-article table: treaty article and the obligation in the project's words, the
draft's provisions with short excerpts, the assessment, the findings, the recommendation and
a reviewer comment column (the recorded decision, or an empty cell the expert fills in).
Everything is rendered from the JSON report plus the analysis (for provision texts); nothing
is re-evaluated here, so the Word file always agrees with `--format json`.

Plain python-docx, built-in styles and two small custom ones: no macros, no fields beyond a
page number, so Word and LibreOffice open it cleanly.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from docx import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from lawcheck.akn.vocab import ARTICLE_LEVEL
from lawcheck.decisions.attach import attach_decisions, decision_note, is_dismissed
from lawcheck.engine.findings import CATEGORY_TITLES, safeguard_name
from lawcheck.i18n import tr, treaty_cite
from lawcheck.output import save_atomically
from lawcheck.report.render import cited, force_name, report_language

if TYPE_CHECKING:
    from docx.document import Document as DocxDocument
    from docx.parts.document import DocumentPart
    from docx.table import Table, _Cell
    from docx.text.paragraph import Paragraph

    from lawcheck.akn.model import Provision
    from lawcheck.decisions.store import DecisionStore
    from lawcheck.engine.align import Analysis

Report = Mapping[str, Any]

STATUS_KEYS = ("implemented", "partial", "missing", "not_applicable", "not_assessed")
STATUS_FILL = {"implemented": "E3F4E6", "partial": "FFF4D6", "missing": "FDE4E1", "not_applicable": "EEEEEE",
               "not_assessed": "F2F2F2"}
HEADER_FILL = "1F3864"
A4_SHORT, A4_LONG, MARGIN = Cm(21.0), Cm(29.7), Cm(1.8)
# Article-by-article columns (landscape A4, 26.1 cm between margins).
COLUMNS = (("article", 5.0), ("provisions", 5.4), ("assessment", 3.6),
           ("findings", 4.6), ("recommendation", 4.0), ("comment", 3.5))
OTHER_COLUMNS = (("provisions_short", 4.0), ("finding", 9.0), ("recommendation", 8.1), ("comment", 5.0))
PROOFING = {"ru": "ru-RU", "en": "en-GB"}
EXCERPT_CHARS = 240
TEXT_STYLE_ID, SMALL_STYLE_ID = "TableText", "TableSmall"  # ids python-docx gives "Table Text", "Table Small"
MAX_PROVISIONS = 4
_CHANGE_IDS = itertools.count(1)


# --- entry point -----------------------------------------------------------------------------

def write_commentary(report: Report, analysis: Analysis | None, path: Path,
                     decisions: DecisionStore | None = None, *, today: date | None = None,
                     inputs: Sequence[Path] = ()) -> None:
    """Write the commentary to `path` (.docx), never over one of `inputs`. With `decisions`, the
    recorded decisions are attached to a copy of the report first; a report that already
    carries them is used as is."""
    if decisions is not None and analysis is not None:
        report = attach_decisions(report, analysis, decisions)
    lang = report_language(report)
    doc = Document()
    _set_up_styles(doc, lang)
    _set_properties(doc, report)
    _page_setup(doc.sections[0], landscape=False)
    _page_number_footer(doc, lang)
    _title_block(doc, report, analysis, today or date.today())
    _key_recommendations(doc, report, analysis)
    table_section = doc.add_section(WD_SECTION.NEW_PAGE)
    _page_setup(table_section, landscape=True)
    _article_table(doc, report, analysis)
    _other_findings(doc, report, analysis)
    _save_atomically(doc, Path(path), inputs)


def _save_atomically(doc: DocxDocument, path: Path, inputs: Sequence[Path]) -> None:
    """Write beside the target and rename, so a failed export never leaves half a file where
    the expert's previous commentary was."""
    save_atomically(path, lambda temp: doc.save(str(temp)), inputs)


# --- styles and page setup -------------------------------------------------------------------

def _set_up_styles(doc: DocxDocument, lang: str = "en") -> None:
    """Calibri 10 pt body, compact table styles: a long table stays readable when printed.
    The proofing language is the report's, so Word checks the spelling in Russian or English."""
    normal = doc.styles["Normal"]
    normal.font.name = "Calibri"
    language = OxmlElement("w:lang")
    for attribute in ("w:val", "w:eastAsia", "w:bidi"):
        language.set(qn(attribute), PROOFING.get(lang, "en-GB"))
    normal.element.get_or_add_rPr().append(language)
    normal.font.size = Pt(10)
    normal.paragraph_format.space_after = Pt(4)
    table_text = doc.styles.add_style("Table Text", WD_STYLE_TYPE.PARAGRAPH)
    assert table_text.style_id == TEXT_STYLE_ID
    table_text.base_style = normal
    table_text.font.size = Pt(8.5)
    table_text.paragraph_format.space_after = Pt(2)
    small = doc.styles.add_style("Table Small", WD_STYLE_TYPE.PARAGRAPH)
    assert small.style_id == SMALL_STYLE_ID
    small.base_style = table_text
    small.font.size = Pt(7.5)
    small.font.color.rgb = RGBColor(0x44, 0x4C, 0x56)


def _set_properties(doc: DocxDocument, report: Report) -> None:
    lang = report_language(report)
    props = doc.core_properties
    props.title = tr("doc.props_title", lang, title=report["document"]["title"])
    props.subject = tr("doc.conformity", lang, instruments=tr("and", lang).join(
        tr(f"treaty.{i}", lang) for i in report["instruments"]))
    props.author = f"lawcheck {report['tool']['version']}"
    props.keywords = tr("doc.keywords", lang)
    props.language = PROOFING.get(lang, "en-GB")


def _page_setup(section: Any, *, landscape: bool) -> None:
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = (A4_LONG, A4_SHORT) if landscape else (A4_SHORT, A4_LONG)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, MARGIN)


def _page_number_footer(doc: DocxDocument, lang: str = "en") -> None:
    """'Page N' in the footer (later sections inherit it): a simple PAGE field, no macro."""
    paragraph = doc.sections[0].footer.paragraphs[0]
    paragraph.style = doc.styles["Table Small"]
    paragraph.add_run(tr("doc.footer", lang))
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), "PAGE")
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    field.append(run)
    paragraph._p.append(field)


# --- title block and key recommendations -----------------------------------------------------

def _title_block(doc: DocxDocument, report: Report, analysis: Analysis | None, today: date) -> None:
    document = report["document"]
    lang = report_language(report)
    doc.add_paragraph(tr("doc.title", lang, title=document["title"]), style="Title")
    doc.add_paragraph(tr("doc.conformity", lang, instruments=tr("and", lang).join(
        tr(f"instrument.{i}", lang) for i in report["instruments"])), style="Subtitle")
    draft_date = analysis.document.frbr.date if analysis is not None else None
    language = document["language"]
    facts = [(tr("doc.draft", lang), document.get("source") or document["title"]),
             (tr("doc.dated", lang), draft_date or tr("doc.not_stated", lang)),
             (tr("doc.language", lang), tr(f"lang.{language}", lang) if language in {"en", "ru"} else language),
             (tr("doc.provisions", lang), str(document["provisions"])),
             (tr("doc.prepared", lang), today.isoformat())]
    for label, value in facts:
        paragraph = doc.add_paragraph()
        paragraph.paragraph_format.space_after = Pt(0)
        paragraph.add_run(f"{label}: ").bold = True
        paragraph.add_run(str(value))
    for warning in report.get("warnings") or ():
        paragraph = doc.add_paragraph()
        paragraph.add_run(f"{tr('report.warning', lang)}: ").bold = True
        paragraph.add_run(str(warning["message"]))
    _summary_table(doc, report)
    doc.add_paragraph(tr("doc.method", lang, version=report["tool"]["version"]))


def _summary_table(doc: DocxDocument, report: Report) -> None:
    summary = report["summary"]
    lang = report_language(report)
    high = sum(f["severity"] == "high" for f in report["findings"])
    cells = [(tr(f"status.{s}", lang), str(summary.get(s, 0))) for s in STATUS_KEYS]
    cells.append((tr("doc.findings", lang), tr("doc.findings_count", lang, count=summary["findings"], high=high)))
    review = report.get("review")
    if review:
        cells.append((tr("doc.decisions", lang), tr("doc.decisions_count", lang, accepted=review["accepted"],
                                                   dismissed=review["dismissed"],
                                                   rereview=review["needs_rereview"])))
    table = doc.add_table(rows=2, cols=len(cells))
    table.style = doc.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for column, (label, value) in enumerate(cells):
        _write(table.cell(0, column), [label], bold=True)
        _write(table.cell(1, column), [value])
    doc.add_paragraph()


def _key_recommendations(doc: DocxDocument, report: Report, analysis: Analysis | None) -> None:
    """The high-severity findings, grouped as a reviewer reads them (conflicts first), each
    with the clause, the treaty citation and what to change. Dismissed ones are left out."""
    lang = report_language(report)
    doc.add_heading(tr("doc.key", lang), level=1)
    high = [f for f in report["findings"] if f["severity"] == "high"]
    shown = [f for f in high if not is_dismissed(f)]
    if len(shown) < len(high):
        doc.add_paragraph(tr("doc.dismissed_note", lang, count=len(high) - len(shown)))
    if not shown:
        doc.add_paragraph(tr("doc.no_high", lang))
        return
    titles = {r["id"]: r["title"] for r in report["requirements"]}
    for category, findings in _grouped(shown).items():
        doc.add_heading(f"{tr(f'category.{category}', lang)} ({len(findings)})", level=2)
        for finding in findings:
            _recommendation_item(doc, finding, titles, lang)


def _grouped(findings: Iterable[Mapping[str, Any]]) -> dict[str, list[Mapping[str, Any]]]:
    groups: dict[str, list[Mapping[str, Any]]] = {}
    for finding in findings:
        groups.setdefault(finding["category"], []).append(finding)
    order = list(CATEGORY_TITLES)
    return dict(sorted(groups.items(), key=lambda item: order.index(item[0]) if item[0] in order else len(order)))


def _recommendation_item(doc: DocxDocument, finding: Mapping[str, Any], titles: Mapping[str, str],
                         lang: str) -> None:
    paragraph = doc.add_paragraph(style="List Number")
    requirement = finding.get("requirement")
    subject = f"{titles.get(requirement, requirement)} ({requirement})" if requirement else finding["code"]
    clause = "; ".join(cited(finding)) or tr("doc.no_provision", lang)
    paragraph.add_run(f"{subject}: {clause}. ").bold = True
    paragraph.add_run(finding["message"] + " ")
    if finding.get("cites"):
        paragraph.add_run(f"({finding['cites']})").italic = True
    if finding.get("help"):
        paragraph.add_run().add_break()
        paragraph.add_run(tr("report.what_to_change", lang) + ": ").bold = True
        paragraph.add_run(finding["help"])
    if finding.get("suggestion"):
        paragraph.add_run().add_break()
        paragraph.add_run(tr("report.suggested", lang) + ": ").bold = True
        _tracked_change(paragraph, "ins", finding["suggestion"]["text"])
    note = decision_note(finding, lang)
    if note:
        paragraph.add_run().add_break()
        paragraph.add_run(tr("report.reviewer_label", lang) + ": ").bold = True
        paragraph.add_run(note).italic = True
    code = paragraph.add_run(f"  [{finding['code']}]")
    code.font.size = Pt(8)


# --- provisions --------------------------------------------------------------------------------

def _article_of(provision: Provision) -> list[Provision]:
    """The chain from the article-level ancestor down to the provision (itself if none)."""
    chain = [provision]
    while chain[0].element not in ARTICLE_LEVEL and chain[0].parent is not None \
            and chain[0].parent.element not in {"body", "part", "chapter", "title", "hcontainer"}:
        chain.insert(0, chain[0].parent)
    return chain


def _num_label(provision: Provision, first: bool) -> str:
    num = provision.num.strip().rstrip(".")
    if not num:
        return "" if not first else provision.element.capitalize()
    if num.startswith("("):
        return num
    if first and num[:1].isalpha():
        return num  # "Статья 94-1", "Part I": the number already says what it is
    return f"{provision.element.capitalize()} {num}" if first else f", {provision.element} {num}"


def _clause(analysis: Analysis | None, eid: str) -> str:
    """'Section 16(2)' for sec_16__subsec_2, as a drafter cites it; the eId when unknown."""
    provision = analysis.provision(eid) if analysis is not None else None
    if provision is None:
        return eid
    chain = _article_of(provision)
    label = "".join(_num_label(p, i == 0) for i, p in enumerate(chain)).strip(", ")
    return label or eid


def _heading_of(analysis: Analysis | None, eid: str) -> str:
    provision = analysis.provision(eid) if analysis is not None else None
    return _article_of(provision)[0].heading if provision is not None else ""


def _excerpt(analysis: Analysis | None, eid: str, limit: int = EXCERPT_CHARS) -> str:
    """The first words of the provision's own text (its children if it has none)."""
    provision = analysis.provision(eid) if analysis is not None else None
    if provision is None:
        return ""
    text = provision.own_text.strip() or provision.text.partition("\n")[2] or provision.text
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0] + " …"


# --- the article-by-article table ------------------------------------------------------------

def _article_table(doc: DocxDocument, report: Report, analysis: Analysis | None) -> None:
    lang = report_language(report)
    doc.add_heading(tr("doc.table", lang), level=1)
    by_requirement: dict[str, list[Mapping[str, Any]]] = {}
    for finding in report["findings"]:
        if finding.get("requirement"):
            by_requirement.setdefault(finding["requirement"], []).append(finding)
    table = _new_table(doc, COLUMNS, lang)
    labels = {a["eId"]: a.get("label") or a["eId"] for a in report.get("alignment", [])}
    for requirement in report["requirements"]:
        findings = by_requirement.get(requirement["id"], [])
        cells = table.add_row().cells
        _fit(cells, COLUMNS)
        _write_article(cells[0], requirement, lang)
        _write_provisions(cells[1], requirement, analysis, lang, findings)
        _write_assessment(cells[2], requirement, lang)
        _write_findings(cells[3], findings, lang)
        _write(cells[4], _recommendations(requirement, findings, lang)
               + _suggested_wording(findings, labels, analysis, lang))
        _write(cells[5], [note for note in (_comment(f, lang) for f in findings) if note])


def _other_findings(doc: DocxDocument, report: Report, analysis: Analysis | None) -> None:
    """Findings on the draft itself (cross-references, definitions): no treaty article, so
    they get their own table after the main one."""
    others = [f for f in report["findings"] if not f.get("requirement")]
    if not others:
        return
    lang = report_language(report)
    doc.add_heading(tr("doc.other", lang), level=1)
    table = _new_table(doc, OTHER_COLUMNS, lang)
    for finding in others:
        cells = table.add_row().cells
        _fit(cells, OTHER_COLUMNS)
        _write(cells[0], cited(finding))
        _write_findings(cells[1], [finding], lang)
        _write(cells[2], [finding["help"]] if finding.get("help") else [])
        _write(cells[3], [decision_note(finding, lang)] if finding.get("decision") else [])


def _new_table(doc: DocxDocument, columns: Sequence[tuple[str, float]], lang: str = "en") -> Table:
    """A fixed-layout grid whose header row repeats on every page."""
    table = doc.add_table(rows=1, cols=len(columns))
    table.style = doc.styles["Table Grid"]
    table.autofit = False
    for column, (_, width) in zip(table.columns, columns, strict=True):
        column.width = Cm(width)
    header = table.rows[0]
    _fit(header.cells, columns)
    for cell, (title, _) in zip(header.cells, columns, strict=True):
        _write(cell, [tr(f"doc.col.{title}", lang)], bold=True, color=RGBColor(0xFF, 0xFF, 0xFF))
        _shade(cell, HEADER_FILL)
    tr_pr = header._tr.get_or_add_trPr()
    for tag in ("w:cantSplit", "w:tblHeader"):
        element = OxmlElement(tag)
        element.set(qn("w:val"), "true")
        tr_pr.append(element)
    return table


def _fit(cells: Sequence[_Cell], columns: Sequence[tuple[str, float]]) -> None:
    for cell, (_, width) in zip(cells, columns, strict=True):
        cell.width = Cm(width)


def _shade(cell: _Cell, fill: str) -> None:
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill)
    cell._tc.get_or_add_tcPr().append(shading)


@dataclass(frozen=True)
class Line:
    """One paragraph of a cell: text, an optional bold lead-in, small print or bold."""

    text: str
    lead: str = ""
    small: bool = False
    bold: bool = False
    deleted: str = ""  # shown as tracked changes: the words to strike, then those to add
    inserted: str = ""
    comments: tuple[str, ...] = ()  # Word comments anchored to this line's text


def _write(cell: _Cell, lines: Sequence[str | Line], *, bold: bool = False,
           color: RGBColor | None = None) -> None:
    """Fill a cell with one paragraph per line; the cell's first (empty) paragraph is reused."""
    paragraph: Paragraph | None = cell.paragraphs[0]
    for item in lines:
        line = item if isinstance(item, Line) else Line(item)
        if paragraph is None:
            paragraph = cell.add_paragraph()
        _set_style(paragraph, SMALL_STYLE_ID if line.small else TEXT_STYLE_ID)
        if line.lead:
            paragraph.add_run(line.lead).bold = True
        run = paragraph.add_run(line.text)
        run.bold = bold or line.bold or None
        if color is not None:
            run.font.color.rgb = color
        for comment in line.comments:
            _document_of(paragraph).add_comment(run, text=comment, author="lawcheck", initials="LC")
        if line.deleted:
            _tracked_change(paragraph, "del", line.deleted)
        if line.inserted:
            _tracked_change(paragraph, "ins", line.inserted)
        paragraph = None
    if paragraph is not None:
        _set_style(paragraph, TEXT_STYLE_ID)


def _document_of(paragraph: Paragraph) -> DocxDocument:
    """The Word document a table cell's paragraph belongs to (its part is the main document)."""
    return cast("DocumentPart", paragraph.part).document


def _set_style(paragraph: Paragraph, style_id: str) -> None:
    """Set the paragraph style by id. python-docx's `paragraph.style = ...` scans every style
    of the document on each call (two thirds of the export time for a 48-row table)."""
    paragraph._p.get_or_add_pPr().style = style_id


def _write_article(cell: _Cell, requirement: Mapping[str, Any], lang: str) -> None:
    cite = treaty_cite(requirement["instrument"], requirement["article"], lang)
    _write(cell, [Line(f"{requirement['id']} · {cite}", small=True),
                  Line(requirement["title"], bold=True),
                  Line(requirement.get("summary", ""), small=True)])


def _clause_comments(eid: str, findings: Sequence[Mapping[str, Any]], lang: str) -> tuple[str, ...]:
    """The findings on a clause, and the reviewer's decision on each, as Word comments."""
    comments = []
    for finding in findings:
        if eid in (finding.get("provisions") or []):
            note = decision_note(finding, lang)
            comments.append(f"[{finding['code']}] {finding['message']}" + (f"\n{note}" if note else ""))
    return tuple(comments)


def _write_provisions(cell: _Cell, requirement: Mapping[str, Any], analysis: Analysis | None,
                      lang: str, findings: Sequence[Mapping[str, Any]] = ()) -> None:
    provisions = requirement.get("provisions") or []
    if not provisions:
        _write(cell, [Line(tr("doc.none_found", lang), small=True)])
        return
    lines: list[str | Line] = []
    for item in provisions[:MAX_PROVISIONS]:
        eid = item["eId"]
        heading = _heading_of(analysis, eid)
        label = item.get("label") or _clause(analysis, eid)
        lines.append(Line(f" ({heading})" if heading else "", lead=label))
        excerpt = _excerpt(analysis, eid)
        if excerpt:
            quoted = f"«{excerpt}»" if lang == "ru" else f"“{excerpt}”"
            lines.append(Line(quoted, small=True, comments=_clause_comments(eid, findings, lang)))
        if item.get("evidence"):
            lines.append(Line(", ".join(item["evidence"][:8]), lead=tr("doc.matched", lang), small=True))
    if len(provisions) > MAX_PROVISIONS:
        rest = ", ".join(p.get("label") or p["eId"] for p in provisions[MAX_PROVISIONS:])
        lines.append(Line(rest, lead=tr("doc.more", lang, count=len(provisions) - MAX_PROVISIONS), small=True))
    _write(cell, lines)


def _write_assessment(cell: _Cell, requirement: Mapping[str, Any], lang: str) -> None:
    status = requirement["status"]
    key = f"status.{status}"
    lines: list[str | Line] = [Line(tr(key, lang) if status in STATUS_KEYS else status, bold=True)]
    by_status: dict[str, list[str]] = {}
    for element in requirement.get("elements") or []:
        paragraph = element.get("cites") or requirement["article"]
        by_status.setdefault(element["status"], []).append(
            treaty_cite(requirement["instrument"], paragraph, lang).rsplit(" ", 2)[0])
    for element_status in ("conflict", "unmet", "met", "unknown"):
        if by_status.get(element_status):
            cites = ", ".join(dict.fromkeys(by_status[element_status]))
            lines.append(Line(cites, lead=f"{tr('element.' + element_status, lang).capitalize()}: ", small=True))
    safeguards = requirement.get("safeguards") or {}
    for value in ("absent", "present", "unknown"):
        names = [safeguard_name(name, lang) for name, v in safeguards.items() if v == value]
        if names:
            lines.append(Line(", ".join(names), lead=tr(f"doc.sg_state.{value}", lang), small=True))
    _write(cell, lines)
    _shade(cell, STATUS_FILL.get(status, "FFFFFF"))


def _write_findings(cell: _Cell, findings: Sequence[Mapping[str, Any]], lang: str) -> None:
    lines: list[str | Line] = []
    for finding in findings:
        cites = f" ({finding['cites']})" if finding.get("cites") else ""
        severity = tr("severity." + finding["severity"], lang)
        lines.append(Line(f"{finding['message']}{cites}",
                          lead=f"[{severity}; {force_name(finding, lang)}] {finding['code']}: "))
    _write(cell, lines)


def _recommendations(requirement: Mapping[str, Any], findings: Sequence[Mapping[str, Any]],
                     lang: str = "en") -> list[str | Line]:
    """The findings' help lines, each once; a requirement with no finding needs no change."""
    helps = list(dict.fromkeys(f["help"] for f in findings if f.get("help")))
    if helps:
        return [f"• {text}" for text in helps]
    if requirement["status"] == "implemented":
        return [Line(tr("doc.no_change", lang), small=True)]
    return []


def _suggested_wording(findings: Sequence[Mapping[str, Any]], labels: Mapping[str, str],
                       analysis: Analysis | None, lang: str) -> list[str | Line]:
    """Each suggestion once, as a tracked change on the clause it concerns: an insertion, or
    the clause struck out and the new wording inserted."""
    lines: list[str | Line] = []
    seen: set[tuple[str, str]] = set()
    for finding in findings:
        suggestion = finding.get("suggestion")
        if not suggestion or (suggestion["eId"], suggestion["text"]) in seen:
            continue
        seen.add((suggestion["eId"], suggestion["text"]))
        provision = analysis.provision(suggestion["eId"]) if analysis is not None else None
        old = " ".join(f"{provision.num} {provision.own_text}".split()) \
            if provision is not None and suggestion["action"] == "replace" else ""
        label = labels.get(suggestion["eId"]) or _clause(analysis, suggestion["eId"])
        lines.append(Line("", lead=f"{tr('report.suggested', lang)} ({label}): ", deleted=old,
                          inserted=suggestion["text"]))
    return lines


def _comment(finding: Mapping[str, Any], lang: str = "en") -> Line | None:
    note = decision_note(finding, lang)
    return Line(note, lead=f"{finding['code']}: ") if note else None


def _tracked_change(paragraph: Paragraph, kind: str, text: str) -> None:
    """Words as a tracked change (w:ins or w:del), so that Word and LibreOffice show the
    suggested wording as a proposal the expert accepts or rejects."""
    change = OxmlElement(f"w:{kind}")
    change.set(qn("w:id"), str(next(_CHANGE_IDS)))
    change.set(qn("w:author"), "lawcheck")
    change.set(qn("w:date"), f"{date.today().isoformat()}T00:00:00Z")
    run = OxmlElement("w:r")
    content = OxmlElement("w:delText" if kind == "del" else "w:t")
    content.set(qn("xml:space"), "preserve")
    content.text = text
    run.append(content)
    change.append(run)
    paragraph._p.append(change)
