"""The Clauses view: the draft's provisions as a tree, one clause's text with its highlights,
findings and the obligations it serves."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import streamlit as st

from lawcheck.ui import labels as L
from lawcheck.ui import session as S
from lawcheck.ui.fragments import elements_html, safeguards_html, units_html
from lawcheck.ui.highlight import legend_html
from lawcheck.ui.model import MARK_LABEL, MARK_SYMBOL, ProvisionRow, ReportView, first_clause, tree_groups
from lawcheck.ui.pages.common import article_button, open_clause
from lawcheck.ui.pages.findings import finding_card
from lawcheck.ui.source import Outcome

# --- clauses ------------------------------------------------------------------------------

def clause_view(view: ReportView, outcome: Outcome) -> None:
    """The draft's tree, one provision's text with the evidence, and the treaty beside it."""
    if not view.rows:
        st.info(L.say("The draft has no provisions to show."))
        return
    if st.session_state.get(S.CLAUSE) not in view.rows:
        st.session_state[S.CLAUSE] = first_clause(view)
    # The draft's text gets the widest column: on a laptop (1280 px) three columns left it 300 px.
    # The tree of the draft sits in an expander above, beside the list of every provision.
    pick, tree = st.columns([1.6, 1], gap="medium", vertical_alignment="bottom")
    with pick:
        st.selectbox(L.say("Provision"), list(view.rows), key=S.CLAUSE, persist_state="session",
                     format_func=lambda eid: provision_option(view, eid))
    with tree, st.expander(L.say("Structure of the draft"), icon=":material/account_tree:"):
        provision_tree(view, st.session_state[S.CLAUSE])
    eid = st.session_state[S.CLAUSE]
    text, treaty = st.columns([1.55, 1], gap="large")
    with text:
        provision_text(view, outcome, eid)
    with treaty:
        obligations(view, eid)


def provision_option(view: ReportView, eid: str) -> str:
    row = view.rows[eid]
    return f"{MARK_SYMBOL[row.subtree_mark]} {row.title[:60]} ({view.cite(eid)})"


def provision_tree(view: ReportView, current: str) -> None:
    """Parts as expanders (the open one holds the current provision), their articles as
    buttons, and the units of the current article beneath it."""
    article = view.rows[current].article
    st.caption(L.say("⚠ contradicts · ✗ safeguard missing · ◐ partial · ✓ implements · · no article"))
    groups = tree_groups(view)
    with st.container(key="clause-tree"):
        for container, articles in groups:
            opened = len(groups) == 1 or any(row.eid == article for row in articles)
            title = (f"{MARK_SYMBOL[container.subtree_mark]} {L.md(container.title)}" if container
                     else L.say("Provisions"))
            with st.expander(title, expanded=opened) if container else st.container():
                for row in articles:
                    tree_button(view, row, current, 0)
                    if row.eid == article:
                        for unit in view.subtree(row.eid)[1:]:
                            tree_button(view, unit, current, unit.depth - row.depth)


def tree_button(view: ReportView, row: ProvisionRow, current: str, indent: int) -> None:
    st.button(f"{chr(0x2003) * indent}{MARK_SYMBOL[row.subtree_mark]} {L.md(row.title)}", key=f"tree-{row.eid}",
              type="primary" if row.eid == current else "tertiary", on_click=open_clause, args=(row.eid,),
              help=f"{row.eid}: {L.say(MARK_LABEL[row.subtree_mark])}")


def provision_text(view: ReportView, outcome: Outcome, eid: str) -> None:
    row = view.rows[eid]
    trail = " › ".join(a.title for a in view.ancestors(eid))
    if trail:
        st.caption(L.md(trail))
    st.markdown(f"### {L.md(row.title)}")
    st.caption(f"{L.md(view.cite(eid))} · {MARK_SYMBOL[row.subtree_mark]} {L.say(MARK_LABEL[row.subtree_mark])}",
               help=eid)
    st.html(units_html(view, outcome.analysis, eid))
    st.html(f'<div class="lc-legend">{legend_html(L.say)}</div>')
    clause_findings(view, eid)


def clause_findings(view: ReportView, eid: str) -> None:
    """Findings that name this provision or one of its units."""
    indexes = list(dict.fromkeys(i for row in view.subtree(eid) for i in view.by_provision.get(row.eid, [])))
    if indexes:
        st.markdown("#### " + L.say("Findings on this clause ({count})").format(count=len(indexes)))
    for index in indexes:
        finding_card(view, index, "clause")


def obligations(view: ReportView, eid: str) -> None:
    """The treaty obligations this provision (or its article) serves, best aligned first,
    element by element."""
    row = view.rows[eid]
    served = view.served.get(eid) or (view.served.get(row.article, []) if row.article else [])
    st.markdown(L.say("#### What the treaty asks"))
    if not served:
        st.info(L.say("No treaty article is aligned to this provision."))
        return
    if not view.served.get(eid) and row.article:
        st.caption(L.say("Aligned through its article {article}.").format(article=L.md(view.cite(row.article))))
    here = {r.eid for r in view.subtree(eid)}
    ranked = sorted(served, key=lambda item: -item[1])
    for number, (requirement_id, score) in enumerate(ranked):
        requirement = view.requirements.get(requirement_id)
        if requirement:
            obligation_card(requirement, score, here, key=f"ob-{number}", expanded=number < 2)


def obligation_card(requirement: Mapping[str, Any], score: float, here: set[str], key: str, expanded: bool) -> None:
    label = (f"{L.STATUS_SYMBOL.get(requirement['status'], '')} {requirement['id']} · {L.md(requirement['title'])}"
             f" ({L.STATUS_LABEL.get(requirement['status'], '')})")
    with st.expander(label, expanded=expanded, key=key):
        st.markdown(f":gray[{L.md(requirement['summary'])}]")
        st.html(elements_html(requirement, here))
        if requirement.get("safeguards"):
            st.html(safeguards_html(requirement))
        article_button(requirement["id"], key=f"{key}-article")
