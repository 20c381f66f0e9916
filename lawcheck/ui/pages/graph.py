"""The Rule graph view: a click on an article opens it in the Articles view."""

from __future__ import annotations

from dataclasses import replace

import streamlit as st

from lawcheck.ui import labels as L
from lawcheck.ui import session as S
from lawcheck.ui.fragments import status_legend
from lawcheck.ui.graph import Drawing, rule_graph_dot
from lawcheck.ui.links import link_query
from lawcheck.ui.model import ReportView
from lawcheck.ui.pages.common import localised, rule_graph

# --- rule graph ---------------------------------------------------------------------------

MODES = {"safeguards": "Powers and their safeguards", "dependencies": "All articles and their dependencies"}


def graph_view(view: ReportView) -> None:
    """The requirement graph, coloured by the draft's statuses; each article a link."""
    lang = L.language()

    def mode_label(mode: str) -> str:  # the language is bound here: Streamlit may call it later
        return L.say_in(MODES[mode], lang)

    def focus_label(rid: str) -> str:
        return f"{rid} · {view.requirements[rid]['title']}" if rid else L.say_in("Everything", lang)

    a, b = st.columns([1.4, 1])
    mode = a.radio(L.say("Picture"), list(MODES), format_func=mode_label, horizontal=True, key=S.GRAPH_MODE,
                   persist_state="session")
    with b:
        focus = localised(st.selectbox, L.say("Focus on"), ["", *view.requirements], S.GRAPH_FOCUS, focus_label)
    base = st.session_state.get(S.LINK_BASE)
    href = None
    if base is not None:
        def href(requirement_id: str) -> str:
            return link_query(replace(base, view="articles", article=requirement_id, clause=None, finding=None))
    drawing = Drawing(say=L.say, safeguard=L.safeguard_label, href=href)
    with st.container(key="rule-graph"):
        st.graphviz_chart(rule_graph_dot(view.report, rule_graph(), mode or "safeguards", focus or None, drawing),
                          width="content")
    st.caption(L.say("Click an article to open it."))
    st.html(f'<div class="lc-legend">{status_legend()}</div>')
