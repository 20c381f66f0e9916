"""lawcheck review page: `streamlit run app.py`.

Opens with the bundled demo draft already checked, so a newcomer sees a real result before
uploading anything. This file only wires the page: the sidebar and header
(`lawcheck.ui.pages.sidebar`), one module per view in `lawcheck.ui.pages`, and what they share
(`lawcheck.ui.pages.common`: the cached check and comparison, navigation, page chrome). The
page renders the engine's report and nothing else: statuses, findings and evidence all come
from `lawcheck.pipeline.check_document`; comparisons from `lawcheck.compare`; reviewer
decisions from `lawcheck.decisions`.
"""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from lawcheck.ui import labels as L
from lawcheck.ui import session as S
from lawcheck.ui.model import ReportView
from lawcheck.ui.pages.articles import article_view
from lawcheck.ui.pages.clauses import clause_view
from lawcheck.ui.pages.common import VIEWS, inject_style, saved_toast, scroll_to_top
from lawcheck.ui.pages.findings import findings_view
from lawcheck.ui.pages.graph import graph_view
from lawcheck.ui.pages.overview import overview
from lawcheck.ui.pages.sidebar import (
    header,
    resolve,
    resolve_comparison,
    reviewed,
    sidebar_decisions,
    sidebar_export,
    sidebar_inputs,
    sidebar_legend,
)
from lawcheck.ui.pages.versions import versions_view
from lawcheck.ui.source import Outcome
from lawcheck.ui.versions import Comparison


def render_views(view: ReportView, outcome: Outcome, comparison: Comparison | None) -> None:
    """Lazy tabs: only the open view runs."""
    renderers: dict[str, Callable[[], None]] = {
        "Overview": lambda: overview(view),
        "Findings": lambda: findings_view(view),
        "Clauses": lambda: clause_view(view, outcome),
        "Articles": lambda: article_view(view, outcome),
        "Versions": lambda: versions_view(view, comparison),
        "Rule graph": lambda: graph_view(view),
    }
    tabs = st.tabs(list(VIEWS), key=S.VIEW, bind="query-params")
    for tab, name in zip(tabs, VIEWS, strict=True):
        if tab.open:
            with tab:
                renderers[name]()


def main() -> None:
    st.set_page_config(page_title="lawcheck", page_icon="⚖️", layout="wide")
    inject_style()
    L.set_language(st.session_state.get(S.PAGE_LANG, "en"))
    source, lang, instruments, ui_lang = sidebar_inputs()
    request, outcome, error = resolve(source, lang, instruments, ui_lang)
    if outcome.view is None:
        st.error(error or "lawcheck could not check the draft.")
        return
    page_lang = outcome.view.document.get("ui_language", "en")
    if page_lang != st.session_state.get(S.PAGE_LANG, "en"):
        st.session_state[S.PAGE_LANG] = page_lang  # the sidebar above was drawn in the old language
        st.rerun()
    view, database, review_error = reviewed(request, outcome)
    comparison, compare_error = resolve_comparison(request, outcome)
    sidebar_export(request, view, outcome.analysis)
    sidebar_decisions(view, database, review_error)
    sidebar_legend()
    scroll_to_top()
    saved_toast()
    header(request, view, error, compare_error)
    render_views(view, outcome, comparison)


main()
