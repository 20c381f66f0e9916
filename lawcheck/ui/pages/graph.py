"""The Rule graph view."""

from __future__ import annotations

import streamlit as st

from lawcheck.ui import session as S
from lawcheck.ui.fragments import status_legend
from lawcheck.ui.graph import rule_graph_dot
from lawcheck.ui.model import ReportView
from lawcheck.ui.pages.common import rule_graph

# --- rule graph ---------------------------------------------------------------------------

def graph_view(view: ReportView) -> None:
    """The requirement graph, coloured by the draft's statuses."""
    modes = {"safeguards": "Powers and their safeguards", "dependencies": "All articles and their dependencies"}
    a, b = st.columns([1.4, 1])
    mode = a.radio("Picture", list(modes), format_func=modes.get, horizontal=True, key=S.GRAPH_MODE,
                   persist_state="session")
    options = ["", *view.requirements]
    focus = b.selectbox("Focus on", options, key=S.GRAPH_FOCUS, persist_state="session",
                        format_func=lambda rid: f"{rid} · {view.requirements[rid]['title']}" if rid else "Everything")
    st.graphviz_chart(rule_graph_dot(view.report, rule_graph(), mode, focus or None), width="stretch")
    st.html(f'<div class="lc-legend">{status_legend()}</div>')
