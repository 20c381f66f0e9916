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

from lawcheck.i18n import tr
from lawcheck.ui import labels as L
from lawcheck.ui import session as S
from lawcheck.ui.links import PAGE_LANGUAGES, PRINT, VIEW_LABEL_KEYS, VIEWS
from lawcheck.ui.model import ReportView
from lawcheck.ui.pages.address import current_link, read_address, write_address
from lawcheck.ui.pages.articles import article_view
from lawcheck.ui.pages.clauses import clause_view
from lawcheck.ui.pages.common import inject_language_style, inject_style, saved_toast, scroll_to_top, view_label
from lawcheck.ui.pages.findings import findings_view
from lawcheck.ui.pages.graph import graph_view
from lawcheck.ui.pages.overview import overview
from lawcheck.ui.pages.printing import print_view
from lawcheck.ui.pages.scoping import sidebar_scoping
from lawcheck.ui.pages.sidebar import (
    current_workspace,
    expected_language,
    header,
    resolve,
    resolve_comparison,
    reviewed,
    sidebar_decisions,
    sidebar_export,
    sidebar_inputs,
    sidebar_legend,
    signed_in_user,
)
from lawcheck.ui.pages.versions import versions_view
from lawcheck.ui.source import Outcome
from lawcheck.ui.versions import Comparison


def tab_changed() -> None:
    """Tabs callback: the label of the tab clicked (in either language) names the view."""
    label = st.session_state.get(S.TABS)
    for view in VIEWS:
        if label in {tr(VIEW_LABEL_KEYS[view], lang) for lang in PAGE_LANGUAGES}:
            st.session_state[S.VIEW] = view
    st.session_state.pop(S.FINDING, None)


def render_views(view: ReportView, outcome: Outcome, comparison: Comparison | None) -> None:
    """Lazy tabs: only the open view runs. The tabs show their names in the page's language;
    the session and the address keep the view's stable key (lawcheck.ui.links.VIEWS)."""
    renderers: dict[str, Callable[[], None]] = {
        "overview": lambda: overview(view),
        "findings": lambda: findings_view(view),
        "clauses": lambda: clause_view(view, outcome),
        "articles": lambda: article_view(view, outcome),
        "versions": lambda: versions_view(view, comparison),
        "graph": lambda: graph_view(view),
    }
    current = st.session_state.get(S.VIEW)
    if current not in VIEWS:
        current = st.session_state[S.VIEW] = VIEWS[0]
    st.session_state[S.TABS] = view_label(current)
    tabs = st.tabs([view_label(name) for name in VIEWS], key=S.TABS, on_change=tab_changed)
    for tab, name in zip(tabs, VIEWS, strict=True):
        if tab.open:
            with tab:
                renderers[name]()


def main() -> None:
    st.set_page_config(page_title="lawcheck", page_icon="⚖️", layout="wide")
    inject_style()
    read_address(signed_in_user() is not None)
    st.session_state[S.PAGE_LANG] = expected_language()
    L.set_language(st.session_state[S.PAGE_LANG])
    inject_language_style()
    source, lang, instruments, ui_lang = sidebar_inputs()
    scoping = sidebar_scoping()
    request, outcome, error = resolve(source, lang, instruments, ui_lang, scoping)
    if outcome.view is None:
        st.error(error or "lawcheck could not check the draft.")
        return
    page_lang = outcome.view.document.get("ui_language", "en")
    if page_lang != st.session_state[S.PAGE_LANG]:  # the draft shown is not the one asked for (it failed)
        st.session_state[S.PAGE_LANG] = page_lang
        L.set_language(page_lang)
    view, database, review_error = reviewed(request, outcome)
    comparison, compare_error = resolve_comparison(request, outcome)
    workspace, signed_in = current_workspace()
    compare_digest = comparison.new.digest if comparison is not None else None
    link = current_link(request.source.digest, compare_digest, workspace, signed_in)
    write_address(link)
    st.session_state[S.LINK_BASE] = link
    sidebar_export(request, view, outcome.analysis)
    sidebar_decisions(view, database, review_error)
    sidebar_legend()
    scroll_to_top()
    saved_toast()
    if st.session_state.get(S.VIEW) == PRINT:
        print_view(request, view)
        return
    header(request, view, error, compare_error)
    render_views(view, outcome, comparison)


main()
