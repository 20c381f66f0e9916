"""The Findings view: filters, finding cards, and recording a reviewer's decision."""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import Any

import streamlit as st

from lawcheck.decisions.attach import decision_note, is_dismissed
from lawcheck.errors import InputError
from lawcheck.i18n import tr
from lawcheck.treaty import SEVERITIES
from lawcheck.ui import labels as L
from lawcheck.ui import session as S
from lawcheck.ui.decisions import record_decision
from lawcheck.ui.links import find_finding, finding_ref, link_query
from lawcheck.ui.model import ReportView, category_counts, filter_findings
from lawcheck.ui.pages.common import (
    DECISION_DONE,
    DECISION_FORM,
    DECISION_MEANS,
    DECISION_SUBMIT,
    DECISION_VERB,
    FINDINGS_PER_PAGE,
    ReviewTarget,
    article_button,
    clause_button,
    localised,
)

# --- findings -----------------------------------------------------------------------------

def findings_view(view: ReportView) -> None:
    """Findings with filters; each says what is wrong, what to change, where, and why."""
    present = category_counts(view.findings)
    articles = [rid for rid in view.requirements if rid in view.by_requirement]
    keep_valid("f_cat", present)
    keep_valid("f_req", articles)
    a, b, c = st.columns([1.4, 1, 1.6])
    lang = L.language()

    def kind(category: str) -> str:  # the language is bound here: Streamlit may call these later
        return f"{tr(f'ui.category.{category}', lang)} ({present[category]})"

    def severity(level: str) -> str:
        return tr(f"severity.{level}", lang)

    with a:
        categories = localised(st.multiselect, L.say("Kind"), list(present), S.FILTER_CATEGORIES, kind,
                               default=[], placeholder=L.say("All kinds"))
    with b:
        severities = localised(st.multiselect, L.say("Severity"), list(SEVERITIES), S.FILTER_SEVERITIES, severity,
                               default=[], placeholder=L.say("All severities"))
    with c:
        chosen = localised(st.multiselect, L.say("Treaty article"), articles, S.FILTER_REQUIREMENTS,
                           lambda rid: f"{rid} · {view.requirements[rid]['title']}", default=[],
                           placeholder=L.say("All articles"))
    dismissed = sum(is_dismissed(finding) for finding in view.findings)
    hide = st.toggle(L.say("Hide dismissed findings ({count})").format(count=dismissed), key=S.HIDE_DISMISSED,
                     persist_state="session", disabled=not dismissed,
                     help=L.say("Findings a reviewer dismissed (and whose provision has not changed since) are "
                                "left out of the list"))
    linked_finding(view)
    group_decision(view, present)
    shown = filter_findings(view.findings, categories=categories, severities=severities, requirements=chosen,
                            hide_dismissed=hide and bool(dismissed))
    st.markdown("**" + L.say("{shown} of {total} findings").format(shown=len(shown), total=len(view.findings)) + "**")
    pages = max(1, -(-len(shown) // FINDINGS_PER_PAGE))
    page = 1
    if pages > 1:  # keyed by the filters: new filters start again at page 1
        page = st.pagination(pages, key=f"f_page-{hash((*categories, *severities, *chosen, hide))}")
    for index in shown[(page - 1) * FINDINGS_PER_PAGE:page * FINDINGS_PER_PAGE]:
        finding_card(view, index, "list")


def linked_finding(view: ReportView) -> None:
    """The finding a link points at, first and framed, above the list."""
    ref = st.session_state.get(S.FINDING)
    if not ref:
        return
    index = find_finding(view.findings, ref)
    lang = L.language()
    if index is None:
        st.info(tr("ui.link.gone", lang), icon=":material/link_off:")
        return
    st.markdown("#### " + tr("ui.link.linked", lang))
    finding_card(view, index, "linked")
    st.divider()


def group_decision(view: ReportView, present: Mapping[str, int]) -> None:
    """Dismiss (or accept) every finding of one kind with one reason: eleven missing offences in
    a code of criminal procedure are one decision, not eleven."""
    open_ = [c for c in present if any(f["category"] == c and not is_dismissed(f) for f in view.findings)]
    if not open_:
        return
    with st.expander(L.say("Decide on a group of findings"), icon=":material/select_all:", key="group"):
        lang = L.language()

        def kind(category: str) -> str:  # the language is bound here: Streamlit may call it later
            return tr(f"ui.category.{category}", lang)

        def verb(decision: str) -> str:
            return L.say_in(DECISION_VERB[decision], lang)

        # made per language, so that a switch of language does not leave the old labels
        category = localised(st.selectbox, L.say("Kind"), open_, "group-category", kind)
        localised(st.radio, L.say("Decision"), list(DECISION_VERB), "group-decision", verb, horizontal=True,
                  default="dismissed")
        chosen = [i for i, f in enumerate(view.findings) if f["category"] == category and not is_dismissed(f)]
        st.caption(L.say("{count} findings of this kind not yet dismissed.").format(count=len(chosen)))
        st.text_area(L.say("Reason"), key="group-reason", height=68,
                     placeholder=L.say("Why, in a sentence the next reviewer and the drafter will read"))
        st.text_input(L.say("Reviewer"), value=st.session_state.get(S.REVIEWER_NAME, ""), key="group-reviewer",
                      placeholder=L.say("Your name"))
        if st.session_state.get(S.DECIDE_ERROR) and st.session_state.get(S.DECIDING) == "group":
            st.warning(st.session_state[S.DECIDE_ERROR], icon=":material/warning:")
        st.button(L.say("Record the decision for all {count}").format(count=len(chosen)), key="group-save",
                  type="primary", on_click=save_group, args=(view.findings,))


def _recorded(findings: Sequence[Mapping[str, Any]], decision: str, reason: str, reviewer: str) -> bool:
    """Record one decision on each finding in the workspace's store; on a missing reason, name
    or workspace, or a store that refuses it, say why in the form and record nothing more."""
    if not reason or not reviewer:
        st.session_state[S.DECIDE_ERROR] = L.say("A decision needs a reason and the reviewer's name.")
        return False
    target: ReviewTarget | None = st.session_state.get(S.REVIEW)
    if target is None:
        st.session_state[S.DECIDE_ERROR] = L.say("Name a workspace in the sidebar first: decisions are kept "
                                                 "per workspace, and only that workspace sees them.")
        return False
    try:
        for finding in findings:
            record_decision(target.path, finding, target.analysis, decision, reason, reviewer, source=target.source)
    except (InputError, OSError, sqlite3.Error, ValueError) as error:
        st.session_state[S.DECIDE_ERROR] = L.say("The decision was not saved: {error}").format(error=error)
        return False
    st.session_state[S.REVIEWER_NAME] = reviewer
    st.session_state[S.DECISIONS_SAVED] = st.session_state.get(S.DECISIONS_SAVED, 0) + len(findings)
    return True


def save_group(all_findings: Sequence[Mapping[str, Any]]) -> None:
    """Button callback: one decision, with one reason, on each finding of the kind chosen that
    is not dismissed yet (the kind and the decision as the form holds them when clicked)."""
    st.session_state[S.DECIDING] = "group"
    category = st.session_state.get("group-category")
    decision = str(st.session_state.get("group-decision") or "dismissed")
    findings = [f for f in all_findings if f["category"] == category and not is_dismissed(f)]
    reason = str(st.session_state.get("group-reason") or "").strip()
    reviewer = str(st.session_state.get("group-reviewer") or "").strip()
    if not _recorded(findings, decision, reason, reviewer):
        return
    st.session_state[S.SAVED] = L.say("{count} findings: {decision} by {reviewer}").format(
        count=len(findings), decision=L.say(DECISION_DONE[decision]), reviewer=reviewer)
    st.session_state.pop("group-reason", None)
    cancel_decision()


def keep_valid(key: str, options: Any) -> None:
    """Drop remembered filter values that the current report does not offer (a new file)."""
    if key in st.session_state:
        st.session_state[key] = [value for value in st.session_state[key] if value in options]


def finding_card(view: ReportView, index: int, place: str) -> None:
    """One finding: what is wrong, what to change, the treaty paragraph, the evidence, and
    buttons to the provisions and the article. `place` ("list", "clause", "article") names
    the view it is shown in: the button back to that same place is left out."""
    finding = view.findings[index]
    requirement = view.requirements.get(finding.get("requirement", ""))
    with st.container(border=True, key=f"finding-{place}-{finding['category']}-{index}"):
        title = ""
        if requirement and place != "article":
            title = f" · {finding['requirement']} {L.md(requirement['title'])}"
        st.markdown(f"{L.SEVERITY_BADGE[finding['severity']]} **{L.CATEGORY_LABEL[finding['category']]}**{title}")
        lang = L.language()
        st.markdown(L.md(finding["message"]))
        if finding.get("help"):
            st.markdown(f"**{tr('report.what_to_change', lang)}:** {L.md(finding['help'])}")
        if finding.get("suggestion"):
            suggestion = finding["suggestion"]
            st.markdown(f"**{tr('report.suggested', lang)}** ({tr('action.' + suggestion['action'], lang)}: "
                        f"{L.md(view.cite(suggestion['eId']))})")
            st.code(suggestion["text"], language=None, wrap_lines=True)
        details = []
        if finding.get("cites"):
            details.append(f"{tr('ui.treaty', lang)}: {L.md(finding['cites'])}")
        if finding.get("evidence"):
            details.append(f"{tr('report.evidence', lang)}: " + ", ".join(f"“{L.md(e)}”" for e in finding["evidence"]))
        if finding.get("force"):
            details.append(f"{tr('ui.print.force', lang)}: {tr('ui.force.' + finding['force'], lang)}")
        st.caption(" · ".join(details))
        decision_line(finding)
        base = st.session_state.get(S.LINK_BASE)
        if base is not None:
            target = replace(base, view="findings", finding=finding_ref(finding), clause=None, article=None)
            st.markdown(f"[↗ {tr('ui.link.finding', lang)}]({link_query(target)})",
                        help=tr("ui.link.help", lang))
        provisions = finding.get("provisions", [])[:6] if place != "clause" else []
        with st.container(horizontal=True, gap="small"):
            for eid in provisions:
                clause_button(eid, key=f"{place}-open-{index}-{eid}", cite=view.cite(eid))
            if requirement and place != "article":
                article_button(finding["requirement"], key=f"{place}-article-{index}")
            decision_buttons(finding, index, place)
        pending = st.session_state.get(S.DECIDING)
        if pending and pending[:2] == (place, index) and pending[3] == finding["code"]:
            decision_form(finding, index, place, pending[2])


# --- decisions ----------------------------------------------------------------------------

def decision_line(finding: Mapping[str, Any]) -> None:
    """The decision in force on a finding: who, when, why, and whether to look again."""
    if finding.get("decision"):
        st.markdown(f"{L.decision_badge(finding['decision'])} {L.md(decision_note(finding, L.language()))}")


def decision_buttons(finding: Mapping[str, Any], index: int, place: str) -> None:
    for decision, icon in (("accepted", ":material/check:"), ("dismissed", ":material/block:")):
        verb = L.say(DECISION_VERB[decision])
        st.button(verb, key=f"{place}-{DECISION_VERB[decision].lower()}-{index}",
                  on_click=start_decision, args=(place, index, decision, finding["code"]), icon=icon,
                  type="tertiary", help=f"{verb}: {L.say(DECISION_MEANS[decision])}")


def start_decision(place: str, index: int, decision: str, code: str) -> None:
    """Button callback: open the reason form under this card (one form at a time)."""
    st.session_state[S.DECIDING] = (place, index, decision, code)
    st.session_state.pop(S.DECIDE_ERROR, None)


def cancel_decision() -> None:
    st.session_state.pop(S.DECIDING, None)
    st.session_state.pop(S.DECIDE_ERROR, None)


def decision_form(finding: Mapping[str, Any], index: int, place: str, decision: str) -> None:
    """Reason and reviewer for a decision; the name is remembered for the next one."""
    with st.form(key=f"{place}-decide-{index}"):
        st.markdown(f"**{L.say(DECISION_FORM[decision])}:** {L.say(DECISION_MEANS[decision])}.")
        st.text_area(L.say("Reason"), key=f"{place}-reason-{index}", height=80,
                     placeholder=L.say("Why, in a sentence the next reviewer and the drafter will read"))
        st.text_input(L.say("Reviewer"), value=st.session_state.get(S.REVIEWER_NAME, ""),
                      key=f"{place}-reviewer-{index}", placeholder=L.say("Your name"))
        if st.session_state.get(S.DECIDE_ERROR):
            st.warning(st.session_state[S.DECIDE_ERROR], icon=":material/warning:")
        with st.container(horizontal=True, gap="small"):
            st.form_submit_button(L.say(DECISION_SUBMIT[decision]), type="primary", key=f"{place}-save-{index}",
                                  on_click=save_decision, args=(finding, index, place, decision))
            st.form_submit_button(L.say("Cancel"), key=f"{place}-cancel-{index}", on_click=cancel_decision)


def save_decision(finding: Mapping[str, Any], index: int, place: str, decision: str) -> None:
    """Form callback: record the decision in the draft's database. The view is rebuilt on the
    rerun that follows (the database changed), so the card shows it without a new check."""
    reason = str(st.session_state.get(f"{place}-reason-{index}") or "").strip()
    reviewer = str(st.session_state.get(f"{place}-reviewer-{index}") or "").strip()
    if not _recorded([finding], decision, reason, reviewer):
        return
    st.session_state[S.SAVED] = L.say("{what}: {decision} by {reviewer}").format(
        what=finding.get("requirement") or L.CATEGORY_LABEL[finding["category"]],
        decision=L.say(DECISION_DONE[decision]), reviewer=reviewer)
    cancel_decision()
