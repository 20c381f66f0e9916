"""The report reshaped for the page: indexes built once per check, so that switching views
only reads dictionaries (a 300-provision draft re-renders in well under a second).

Every value comes from the report (the contract's JSON) or from the draft's own structure;
nothing here re-assesses anything.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from lawcheck.decisions.attach import is_dismissed
from lawcheck.engine.align import Analysis
from lawcheck.treaty import CATEGORIES, SEVERITIES, STATUSES
from lawcheck.ui.labels import CHAPTERS, chapter_of, safeguard_label

Json = Mapping[str, Any]

# How a provision is marked in the tree, worst first: what the reviewer should open first.
MARKS = ("conflict", "missing_safeguard", "gap", "aligned", "none")
MARK_SYMBOL = {"conflict": "⚠", "missing_safeguard": "✗", "gap": "◐", "aligned": "✓", "none": "·"}
MARK_LABEL = {"conflict": "contradicts the treaty", "missing_safeguard": "a power here lacks a safeguard",
              "gap": "partly implements an article", "aligned": "implements an article",
              "none": "no treaty article"}


@dataclass(frozen=True)
class ProvisionRow:
    """One unit of the draft as the clause tree shows it."""

    eid: str
    depth: int
    num: str
    heading: str
    snippet: str
    parent: str | None
    article: str | None  # the article-level unit it belongs to (itself for an article)
    mark: str  # its own worst mark (MARKS)
    subtree_mark: str  # the worst mark in it and its descendants

    @property
    def title(self) -> str:
        """"16 Expedited preservation" or "(2) The order shall ..." for buttons and lists."""
        head = " ".join(part for part in (self.num, self.heading) if part)
        return head if self.heading else " ".join(part for part in (self.num, self.snippet) if part)


@dataclass(frozen=True)
class SafeguardGap:
    """The safeguards one power lacks, and the clauses that grant the power."""

    requirement: str
    title: str
    safeguards: tuple[str, ...]
    provisions: tuple[str, ...]
    cites: str
    whole_article: bool = False  # a safeguards article (Art. 13, 14 CETS 224) not implemented at all


@dataclass
class ReportView:
    """A report with the indexes the views need."""

    report: Json
    requirements: dict[str, Json]
    findings: list[Json]
    rows: dict[str, ProvisionRow]
    articles: list[str]
    served: dict[str, list[tuple[str, float]]] = field(default_factory=dict)
    by_provision: dict[str, list[int]] = field(default_factory=dict)
    by_requirement: dict[str, list[int]] = field(default_factory=dict)
    labels: dict[str, str] = field(default_factory=dict)

    @property
    def document(self) -> Json:
        return self.report["document"]

    def cite(self, eid: str) -> str:
        """A provision as a lawyer cites it; its eId only when the report has no label."""
        return self.labels.get(eid, eid)

    def findings_at(self, eid: str) -> list[Json]:
        """Findings that name this provision."""
        return [self.findings[i] for i in self.by_provision.get(eid, [])]

    def findings_for(self, requirement_id: str) -> list[Json]:
        return [self.findings[i] for i in self.by_requirement.get(requirement_id, [])]

    def subtree(self, eid: str) -> list[ProvisionRow]:
        """The provision and its descendants in document order."""
        rows = list(self.rows.values())
        start = next((i for i, row in enumerate(rows) if row.eid == eid), None)
        if start is None:
            return []
        depth = rows[start].depth
        out = [rows[start]]
        for row in rows[start + 1:]:
            if row.depth <= depth:
                break
            out.append(row)
        return out

    def children(self, eid: str) -> list[ProvisionRow]:
        return [row for row in self.rows.values() if row.parent == eid]

    def ancestors(self, eid: str) -> list[ProvisionRow]:
        """Enclosing provisions, outermost first (the breadcrumb)."""
        chain = []
        row = self.rows.get(eid)
        while row is not None and row.parent is not None:
            row = self.rows.get(row.parent)
            if row is not None:
                chain.append(row)
        return chain[::-1]


def status_counts(report: Json) -> dict[str, int]:
    """Requirements per status, in the report's summary order."""
    summary = report["summary"]
    return {status: int(summary.get(status, 0)) for status in STATUSES}


def category_counts(findings: Iterable[Json]) -> dict[str, int]:
    """Findings per category, in the engine's order, only categories that occur."""
    counts = dict.fromkeys(CATEGORIES, 0)
    for finding in findings:
        counts[finding["category"]] = counts.get(finding["category"], 0) + 1
    return {category: n for category, n in counts.items() if n}


def severity_counts(findings: Iterable[Json]) -> dict[str, int]:
    counts = dict.fromkeys(SEVERITIES, 0)
    for finding in findings:
        counts[finding["severity"]] = counts.get(finding["severity"], 0) + 1
    return counts


def chapters(report: Json) -> dict[str, list[Json]]:
    """Requirements grouped by chapter, chapters in treaty order, empty ones left out."""
    grouped: dict[str, list[Json]] = {chapter: [] for chapter in CHAPTERS}
    for requirement in report["requirements"]:
        grouped.setdefault(chapter_of(requirement), []).append(requirement)
    return {chapter: items for chapter, items in grouped.items() if items}


def filter_findings(findings: Sequence[Json], *, categories: Iterable[str] = (),
                    severities: Iterable[str] = (), requirements: Iterable[str] = (),
                    hide_dismissed: bool = False) -> list[int]:
    """Indexes of the findings that pass every filter; an empty filter lets everything pass."""
    wanted = [set(categories), set(severities), set(requirements)]
    keys = ("category", "severity", "requirement")
    return [i for i, finding in enumerate(findings)
            if all(not chosen or finding.get(key) in chosen for key, chosen in zip(keys, wanted, strict=True))
            and not (hide_dismissed and is_dismissed(finding))]


def safeguard_gaps(report: Json) -> list[SafeguardGap]:
    """Missing-safeguard findings grouped by power and clauses: one line per power reads
    faster than one line per safeguard."""
    groups: dict[tuple[str, tuple[str, ...]], list[Json]] = {}
    for finding in report["findings"]:
        if finding["category"] == "missing_safeguard" and finding.get("requirement") \
                and finding.get("severity") != "low":  # advisory notes are listed with the findings
            key = (finding["requirement"], tuple(finding.get("provisions", ())))
            groups.setdefault(key, []).append(finding)
    titles = {r["id"]: r["title"] for r in report["requirements"]}
    order = {r["id"]: i for i, r in enumerate(report["requirements"])}
    gaps = [SafeguardGap(requirement=rid, title=titles.get(rid, rid),
                         safeguards=tuple(dict.fromkeys(f["safeguard"] for f in items if f.get("safeguard"))),
                         provisions=provisions,
                         cites="; ".join(dict.fromkeys(f["cites"] for f in items if f.get("cites"))),
                         whole_article=any(not f.get("safeguard") for f in items))
            for (rid, provisions), items in groups.items()]
    return sorted(gaps, key=lambda gap: order.get(gap.requirement, len(order)))


def safeguard_matrix(report: Json) -> tuple[list[str], list[tuple[Json, dict[str, tuple[str, str]]]]]:
    """Powers (rows) x safeguards (columns): each cell the report's state and the safeguard id.

    Columns merge a Convention safeguard with its Protocol twin (`sp_` prefix), by label."""
    columns: dict[str, None] = {}
    rows = []
    for requirement in report["requirements"]:
        states = requirement.get("safeguards")
        if not states:
            continue
        cells = {}
        for safeguard_id, state in states.items():
            label = safeguard_label(safeguard_id)
            columns.setdefault(label, None)
            cells[label] = (state, safeguard_id)
        rows.append((requirement, cells))
    return list(columns), rows


def _worst(marks: Iterable[str]) -> str:
    return min(marks, key=MARKS.index, default="none")


def _own_marks(report: Json) -> dict[str, str]:
    """Each provision's worst mark from the findings that name it and the alignment."""
    marks: dict[str, set[str]] = {}
    for finding in report["findings"]:
        category = finding["category"]
        mark = category if category in {"conflict", "missing_safeguard"} else "gap"
        for eid in finding.get("provisions", ()):
            marks.setdefault(eid, set()).add(mark)
    for entry in report["alignment"]:
        if entry["requirements"]:
            marks.setdefault(entry["eId"], set()).add("aligned")
    return {eid: _worst(found) for eid, found in marks.items()}


def _snippet(text: str, limit: int = 64) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "…"


def provision_rows(analysis: Analysis, report: Json) -> dict[str, ProvisionRow]:
    """Every checked provision in document order, with its place in the tree and marks."""
    own = _own_marks(report)
    articles = {p.eid for p in analysis.articles}
    order = list(analysis.units)
    known = set(order)
    info: dict[str, tuple[int, str | None, str | None]] = {}
    for eid in order:
        provision = analysis.provision(eid)
        parent = provision.parent.eid if provision and provision.parent and provision.parent.eid in known else None
        depth = info[parent][0] + 1 if parent in info else 0
        article = eid if eid in articles else (info[parent][2] if parent in info else None)
        info[eid] = (depth, parent, article)
    subtree = dict(own)
    for eid in reversed(order):  # children come after their parents: fold marks upwards
        parent = info[eid][1]
        if parent is not None and eid in subtree:
            subtree[parent] = _worst((subtree.get(parent, "none"), subtree[eid]))
    rows = {}
    for eid in order:
        provision = analysis.provision(eid)
        depth, parent, article = info[eid]
        rows[eid] = ProvisionRow(
            eid=eid, depth=depth, num=provision.num if provision else "",
            heading=provision.heading if provision else "",
            snippet=_snippet(provision.own_text if provision else ""), parent=parent, article=article,
            mark=own.get(eid, "none"), subtree_mark=subtree.get(eid, "none"))
    return rows


def build_view(report: Json, analysis: Analysis) -> ReportView:
    """Index a report once, right after the check, for every view to read."""
    findings = list(report["findings"])
    view = ReportView(report=report, requirements={r["id"]: r for r in report["requirements"]},
                      findings=findings, rows=provision_rows(analysis, report),
                      articles=[p.eid for p in analysis.articles if p.eid in analysis.units])
    for entry in report["alignment"]:
        view.served[entry["eId"]] = [(r["id"], r["score"]) for r in entry["requirements"]]
        view.labels[entry["eId"]] = entry.get("label") or entry["eId"]
    for finding in findings:
        view.labels.update(zip(finding.get("provisions", ()), finding.get("labels", ()), strict=False))
    for i, finding in enumerate(findings):
        for eid in dict.fromkeys(finding.get("provisions", ())):
            view.by_provision.setdefault(eid, []).append(i)
        if finding.get("requirement"):
            view.by_requirement.setdefault(finding["requirement"], []).append(i)
    return view


def tree_groups(view: ReportView) -> list[tuple[ProvisionRow | None, list[ProvisionRow]]]:
    """Article-level units grouped under the container (part, chapter) that holds them, in
    document order; articles outside any container form a group of their own (None)."""
    groups: dict[str | None, list[ProvisionRow]] = {}
    for eid in view.articles:
        row = view.rows[eid]
        groups.setdefault(row.parent, []).append(row)
    return [(view.rows.get(parent) if parent else None, rows) for parent, rows in groups.items()]


def first_clause(view: ReportView) -> str | None:
    """The provision a newcomer should read first: where a safeguard is missing, else where the
    draft contradicts the treaty, else the first finding's, else the first article."""
    for category in ("missing_safeguard", "conflict", None):
        for finding in view.findings:
            if (category is None or finding["category"] == category) and finding.get("provisions"):
                eid = finding["provisions"][0]
                if eid in view.rows:
                    return eid
    return view.articles[0] if view.articles else next(iter(view.rows), None)


def first_article(view: ReportView) -> str | None:
    """The article to open first: the first one with a missing safeguard or conflict."""
    for category in ("missing_safeguard", "conflict"):
        for finding in view.findings:
            if finding["category"] == category and finding.get("requirement") in view.requirements:
                return finding["requirement"]
    return next(iter(view.requirements), None)
