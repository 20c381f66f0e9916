"""The Versions view: the draft compared with a second version or an amending act,
conformance first, then the text."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import streamlit as st

from lawcheck.i18n import tr
from lawcheck.report.diff import render_diff
from lawcheck.ui import labels as L
from lawcheck.ui.model import ReportView
from lawcheck.ui.versions import (
    Comparison,
    changes_html,
    file_stem,
    problems_html,
    provisions_html,
    renumbered_html,
    safeguard_changes_html,
    status_changes_html,
)

# --- versions -----------------------------------------------------------------------------

def versions_view(view: ReportView, comparison: Comparison | None) -> None:
    """What a second version or an amending act does: conformance first, then the text,
    then the amending instructions that could not be applied."""
    if comparison is None or comparison.diff is None:
        st.info(L.say("Upload a later version of this draft, or an amending act, under **Compare with another "
                      "version** in the sidebar. This view then shows what it changes in conformance (findings added "
                      "and resolved, safeguards lost or gained), then in the text, word by word."),
                icon=":material/difference:")
        return
    diff = comparison.diff
    diff_heading(diff)
    diff_metrics(diff)
    diff_conformance(view, diff)
    diff_text(diff)
    diff_problems(diff)


def diff_heading(diff: dict[str, Any]) -> None:
    old, new, amendment = diff["old"], diff["new"], diff.get("amendment")
    if amendment is not None:
        st.markdown("### " + L.say("{old} as amended by {new}").format(old=L.md(old["source"]),
                                                                          new=L.md(amendment["source"])))
    else:
        st.markdown(f"### {L.md(old['source'])} → {L.md(new['source'])}")
    if amendment is not None:
        st.caption(L.say("{new} is an amending act: instructions applied to {old}: {count}; the consolidated "
                         "text is compared with it.").format(new=L.md(amendment["source"]), old=L.md(old["source"]),
                                                             count=len(amendment["applied"])))
    else:
        st.caption(L.say("{old} ({before} provisions) → {new} ({after} provisions)").format(
            old=L.md(old["title"]), before=old["provisions"], new=L.md(new["title"]), after=new["provisions"]))
    if amendment and amendment["problems"]:
        st.warning(L.say("Amending instructions that could not be applied: {count}. They are listed at the end of "
                         "this view, and the consolidated text lacks them.").format(count=len(amendment["problems"])),
                   icon=":material/warning:")
    stem = file_stem(diff)
    with st.container(horizontal=True, gap="small"):
        st.download_button(L.say("Comparison (HTML)"), data=lambda: render_diff(diff, "html"),
                           file_name=f"{stem}.diff.html", mime="text/html", on_click="ignore", key="dl_diff_html",
                           icon=":material/html:")
        st.download_button("Markdown", data=lambda: render_diff(diff, "md"), file_name=f"{stem}.diff.md",
                           mime="text/markdown", on_click="ignore", key="dl_diff_md", icon=":material/description:")
        st.download_button("JSON", data=lambda: render_diff(diff, "json"), file_name=f"{stem}.diff.json",
                           mime="application/json", on_click="ignore", key="dl_diff_json",
                           icon=":material/data_object:")


def diff_metrics(diff: dict[str, Any]) -> None:
    summary = diff["summary"]
    lost = sum(change["new"] == "absent" for change in diff["safeguards"])
    columns = st.columns(5)
    columns[0].metric(L.say("New findings"), summary["findings_added"], delta_color="off", delta_arrow="off",
                      delta=L.say("{count} high severity").format(count=summary["high_findings_added"]))
    columns[1].metric(L.say("Resolved findings"), summary["findings_resolved"])
    columns[2].metric(L.say("Safeguards lost"), lost,
                      delta=L.say("{count} gained").format(count=len(diff["safeguards"]) - lost),
                      delta_color="off", delta_arrow="off")
    columns[3].metric(L.say("Articles changed status"), summary["requirements_changed"])
    columns[4].metric(L.say("Provisions changed"), summary["provisions_changed"],
                      delta=f"{summary['provisions_added']} added, {summary['provisions_removed']} removed",
                      delta_color="off", delta_arrow="off")


def diff_conformance(view: ReportView, diff: dict[str, Any]) -> None:
    st.subheader(L.say("What the change does to conformance"))
    findings = diff["findings"]
    if not (findings["added"] or findings["resolved"] or diff["requirements"] or diff["safeguards"]):
        st.success(L.say("No change in conformance: no finding added or resolved, no status or safeguard "
                         "changed."))
        return
    if diff["safeguards"]:
        st.markdown("#### " + L.say("Safeguards that changed ({count})").format(count=len(diff["safeguards"])))
        titles = {rid: requirement["title"] for rid, requirement in view.requirements.items()}
        st.html(safeguard_changes_html(diff["safeguards"], titles))
    if findings["added"]:
        st.markdown("#### " + L.say("New findings ({count})").format(count=len(findings["added"])))
        for number, finding in enumerate(findings["added"]):
            diff_finding_card(view, finding, f"finding-new-{finding['category']}-{number}")
    if diff["requirements"]:
        st.markdown("#### " + L.say("Treaty articles whose status changed ({count})").format(
            count=len(diff["requirements"])))
        st.html(status_changes_html(diff["requirements"]))
    if findings["resolved"]:
        with st.expander(L.say("Resolved findings ({count})").format(count=len(findings["resolved"])),
                         expanded=len(findings["resolved"]) <= 3):
            for number, finding in enumerate(findings["resolved"]):
                diff_finding_card(view, finding, f"resolved-{number}")


def diff_finding_card(view: ReportView, finding: Mapping[str, Any], key: str) -> None:
    """A finding of one version: what, where (eIds of that version), what to change."""
    requirement = view.requirements.get(finding.get("requirement", ""))
    with st.container(border=True, key=key):
        title = f" · {finding['requirement']} {L.md(requirement['title'])}" if requirement else ""
        st.markdown(f"{L.SEVERITY_BADGE[finding['severity']]} **{L.CATEGORY_LABEL[finding['category']]}**{title}")
        st.markdown(L.md(finding["message"]))
        if finding.get("help"):
            st.markdown(f"**{tr('report.what_to_change', L.language())}:** {L.md(finding['help'])}")
        details = [f"{tr('ui.treaty', L.language())}: {L.md(finding['cites'])}"] if finding.get("cites") else []
        cited = finding.get("labels") or finding.get("provisions") or []
        if cited:
            details.append(L.say("In {where}").format(where=", ".join(L.md(c) for c in cited)))
        st.caption(" · ".join(details))


def diff_text(diff: dict[str, Any]) -> None:
    st.subheader(L.say("What changed in the text"))
    texts = diff["texts"]
    if not (diff["changes"] or texts["added"] or texts["removed"]):
        st.info(L.say("The wording is the same in both versions."))
        return
    st.caption(L.say("Word by word: struck-out words were removed, highlighted words inserted; long unchanged "
               "passages are shortened (…)."))
    if diff["changes"]:
        st.markdown("#### " + L.say("Changed provisions ({count})").format(count=len(diff["changes"])))
        st.html(changes_html(diff["changes"]))
    for kind, title in (("added", "Added provisions ({count})"), ("removed", "Removed provisions ({count})")):
        if texts[kind]:
            st.markdown("#### " + L.say(title).format(count=len(texts[kind])))
            st.html(provisions_html(texts[kind], kind))
    renumbered = diff["provisions"]["renumbered"]
    if renumbered:
        with st.expander(L.say("Renumbered provisions ({count})").format(count=len(renumbered))):
            st.html(renumbered_html(renumbered))


def diff_problems(diff: dict[str, Any]) -> None:
    amendment = diff.get("amendment")
    if not amendment or not amendment["problems"]:
        return
    st.subheader(L.say("Amending instructions not applied ({count})").format(count=len(amendment["problems"])))
    st.caption(L.say("lawcheck applies every instruction it can and skips none silently: these it could not apply, "
                     "so the comparison above does not include them. Check each against the base act."))
    st.html(problems_html(amendment["problems"]))
