"""The Overview view: statuses, the safeguards the draft lacks, findings by category and the
coverage matrix."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import streamlit as st

from lawcheck.decisions.attach import decision_note
from lawcheck.treaty import STATUSES
from lawcheck.ui import labels as L
from lawcheck.ui.decisions import decision_counts
from lawcheck.ui.fragments import safeguard_table, status_legend
from lawcheck.ui.model import (
    ReportView,
    SafeguardGap,
    category_counts,
    chapters,
    safeguard_gaps,
    severity_counts,
    status_counts,
)
from lawcheck.ui.pages.common import article_button, clause_button, open_article, open_findings

SHORT_STATUS = {"implemented": "Implemented", "partial": "Partly", "missing": "Missing",
                "not_applicable": "Not applicable", "not_assessed": "Not assessed"}

# --- overview -----------------------------------------------------------------------------

def overview(view: ReportView) -> None:
    """Counts, the missing safeguards, the coverage matrix and the findings by category."""
    counts = status_counts(view.report)
    severities = severity_counts(view.findings)
    columns = st.columns(6)
    for column, status in zip(columns, STATUSES, strict=False):  # short names: six counts fit a laptop
        column.metric(f"{L.STATUS_SYMBOL[status]} {L.say(SHORT_STATUS[status])}", counts[status],
                      help=f"{L.STATUS_LABEL[status]}: " + L.say("Treaty articles with this status").lower())
    columns[5].metric(L.say("Findings"), len(view.findings), help=L.say("Things to change in the draft"),
                      delta=L.say("{count} high severity").format(count=severities["high"]), delta_color="off",
                      delta_arrow="off")
    decision_summary(view)
    safeguard_gap_list(view)
    left, right = st.columns([2.6, 1], gap="large")
    with left:
        coverage_matrix(view)
    with right:
        findings_by_category(view)
    st.subheader(L.say("Safeguards of each power"))
    st.caption(L.say("Each treaty power must come with the conditions and safeguards of Art. 15 ETS 185 "
               "(Arts 13-14 CETS 224 for the Protocol's). ✗ absent, ✓ present, ? not assessed "
               "(the draft does not grant the power)."))
    st.html(safeguard_table(view.report))


def decision_summary(view: ReportView) -> None:
    """The reviewer decisions on this draft, in one line under the counts."""
    counts = decision_counts(view.report)
    if not any(counts.values()):
        return
    gone = (f" · {counts['not_raised']} on findings this version no longer raises"
            if counts["not_raised"] else "")
    st.markdown(f"**Reviewer decisions:** :green-badge[{counts['accepted']} accepted] "
                f":gray-badge[{counts['dismissed']} dismissed] "
                f":orange-badge[{counts['needs_rereview']} to re-review]{gone}")


def safeguard_gap_list(view: ReportView) -> None:
    """One card per power that lacks safeguards: what is missing and where, with buttons."""
    gaps = safeguard_gaps(view.report)
    missing = sum(len(g.safeguards) + g.whole_article for g in gaps)
    st.subheader(L.say("Safeguards the draft lacks ({count})").format(count=missing))
    if not gaps:
        notes = sum(f["category"] == "missing_safeguard" for f in view.report["findings"])
        if notes:  # advisory only: conditions that may stand in the base text, or notes of good practice
            st.info(L.say("No safeguard is missing from the text; {count} notes ask to check conditions that may "
                          "stand elsewhere (see Findings).").format(count=notes))
        else:
            st.success(L.say("Every power the draft grants comes with the safeguards the treaties require."))
        return
    st.caption(L.say("Powers the draft grants without a safeguard the treaty requires. Open a clause to read it "
               "with the evidence, or the article to see what the treaty asks."))
    with st.container(key="safeguard-gaps"):
        grid = st.columns(3, gap="small")
        for index, gap in enumerate(gaps):
            with grid[index % 3], st.container(border=True, key=f"gap-{index}"):
                safeguard_gap_card(view, gap, index)


def safeguard_gap_card(view: ReportView, gap: SafeguardGap, index: int) -> None:
    lacks = [f":red[**{L.md(L.safeguard_label(s))}**]" for s in gap.safeguards]
    if gap.whole_article:
        lacks.append(":red[**" + L.say("the whole article: no provision implements it") + "**]")
    where = ", ".join(L.md(view.cite(eid)) for eid in gap.provisions) or L.say("no clause of the draft")
    st.markdown(f"**{gap.requirement} · {L.md(gap.title)}**  \n"
                + L.say("in {where}  \nlacks {lacks}").format(where=where, lacks=", ".join(lacks)))
    for finding in gap_findings(view, gap):
        if finding.get("decision"):
            label = L.safeguard_label(finding["safeguard"]) if finding.get("safeguard") else L.say("Whole article")
            note = decision_note(finding, L.language())
            st.caption(f"{L.decision_badge(finding['decision'])} {L.md(label)}: {L.md(note)}")
    with st.container(horizontal=True, gap="small"):
        for eid in gap.provisions[:4]:
            clause_button(eid, key=f"gap-open-{index}-{eid}", cite=view.cite(eid))
        article_button(gap.requirement, key=f"gap-article-{index}")


def gap_findings(view: ReportView, gap: SafeguardGap) -> list[Mapping[str, Any]]:
    """The missing-safeguard findings one gap card stands for."""
    return [finding for finding in view.findings_for(gap.requirement)
            if finding["category"] == "missing_safeguard" and tuple(finding.get("provisions", ())) == gap.provisions]


def findings_by_category(view: ReportView) -> None:
    st.subheader(L.say("Findings by kind"))
    st.caption(L.say("Click a kind to list those findings."))
    with st.container(horizontal=True, gap="small", key="categories"):
        for category, count in category_counts(view.findings).items():
            st.button(f"{L.CATEGORY_LABEL[category]} · {count}", key=f"cat-{category}",
                      on_click=open_findings, args=(category,))


def coverage_matrix(view: ReportView) -> None:
    """Treaty articles by chapter, each a button coloured by status that opens the article."""
    st.subheader(L.say("Coverage, article by article"))
    st.html(f'<div class="lc-legend">{status_legend()} &nbsp;{L.say("Click an article to open it.")}</div>')
    with st.container(key="coverage-matrix"):
        for chapter, requirements in chapters(view.report).items():
            name, cells = st.columns([1.5, 5.5], vertical_alignment="center")
            done = sum(r["status"] == "implemented" for r in requirements)
            count = L.say("{done} of {total} implemented").format(done=done, total=len(requirements))
            name.markdown(f"**{L.say(chapter)}**  \n:gray[{count}]")
            with cells.container(horizontal=True, gap="small"):
                for requirement in requirements:
                    coverage_cell(view, requirement)


def coverage_cell(view: ReportView, requirement: Mapping[str, Any]) -> None:
    status = requirement["status"]
    found = len(view.findings_for(requirement["id"]))
    tip = (f"{requirement['id']} {requirement['title']}: {L.STATUS_LABEL.get(status, status)}"
           + (f", {found} finding{'s' if found != 1 else ''}" if found else ""))
    st.button(f"{L.STATUS_SYMBOL.get(status, '')} {requirement['id']}", key=f"cell-{status}-{requirement['id']}",
              help=tip, on_click=open_article, args=(requirement["id"],))
