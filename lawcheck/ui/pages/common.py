"""What every view of the page shares: its constants, the cached engine (one check per file
and options, one comparison per second file), navigation between views, and the page chrome."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import networkx as nx
import streamlit as st

import lawcheck.ui
from lawcheck.engine.align import Analysis
from lawcheck.i18n import tr
from lawcheck.rulebook.graph import build_graph
from lawcheck.rulebook.loader import Rulebook, load_rulebook
from lawcheck.ui import labels as L
from lawcheck.ui import session as S
from lawcheck.ui.links import VIEW_LABEL_KEYS
from lawcheck.ui.source import Outcome, Request, Source, run, sample_source
from lawcheck.ui.versions import Comparison, compare_sources

FINDINGS_PER_PAGE = 25
LANGUAGE_LABEL = {"auto": "Detect automatically", "en": "English", "ru": "Russian"}
LANGUAGE_NAME = {"en": "English", "ru": "Russian"}  # in the header's "language ..."
STYLE = Path(lawcheck.ui.__file__).with_name("style.css")
DECISION_VERB = {"accepted": "Accept", "dismissed": "Dismiss"}
DECISION_FORM = {"accepted": "Accept this finding", "dismissed": "Dismiss this finding"}
DECISION_SUBMIT = {"accepted": "Accept the finding", "dismissed": "Dismiss the finding"}
DECISION_DONE = {"accepted": "accepted", "dismissed": "dismissed"}
DECISION_MEANS = {"accepted": "the finding is right: the draft must change",
                  "dismissed": "the finding is wrong or does not apply to this draft"}


@dataclass(frozen=True)
class ReviewTarget:
    """Where the decisions on the draft shown go, and the analysis their provisions' text
    comes from: kept in session state for the decision buttons' callbacks."""

    path: Path
    analysis: Analysis
    source: str


# --- cached engine ------------------------------------------------------------------------

@st.cache_resource(show_spinner=False)
def rulebook() -> Rulebook:
    """The rule files, loaded and compiled once per server process."""
    return load_rulebook()


@st.cache_resource(show_spinner=False)
def rule_graph() -> nx.MultiDiGraph:
    return build_graph(rulebook())


@st.cache_resource(show_spinner=False)
def sample(name: str) -> Source:
    """A bundled draft, read once."""
    return sample_source(name)


@st.cache_resource(show_spinner="Checking the draft…", max_entries=8)
def checked(key: tuple[Any, ...], _request: Request) -> Outcome:
    """One check per key (digest of the file, its name, language, instruments): a view
    switch never re-runs it. Failures are cached too, so a bad file is read only once."""
    rulebook()
    return run(_request)


@st.cache_resource(show_spinner="Comparing the versions…", max_entries=4)
def compared(key: tuple[Any, ...], _old: Request, _outcome: Outcome, _new: Source) -> Comparison:
    """One comparison per (draft request, second file): the second version is checked inside,
    so a view switch must not repeat it. Failures are cached too."""
    rulebook()
    return compare_sources(_old, _outcome, _new)


# --- navigation ---------------------------------------------------------------------------

def navigate(view: str) -> None:
    """Switch to a view (its key in `lawcheck.ui.links.VIEWS`) and ask for the page to scroll
    to its top: a button far down the findings list must not open the clause view half-way down."""
    st.session_state[S.VIEW] = view
    st.session_state.pop(S.FINDING, None)
    st.session_state[S.SCROLL] = st.session_state.get(S.SCROLL, 0) + 1


def open_clause(eid: str) -> None:
    """Button callback: show one provision in the clause view."""
    st.session_state[S.CLAUSE] = eid
    navigate("clauses")


def open_article(requirement_id: str) -> None:
    """Button callback: show one treaty article in the article view."""
    st.session_state[S.ARTICLE] = requirement_id
    navigate("articles")


def open_findings(category: str) -> None:
    """Button callback: the findings view filtered to one category."""
    st.session_state[S.FILTER_CATEGORIES] = [category]
    st.session_state[S.FILTER_SEVERITIES] = []
    st.session_state[S.FILTER_REQUIREMENTS] = []
    navigate("findings")


def comparison_changed() -> None:
    """A second version was uploaded: show what it changes. Removed: compare with nothing,
    also not with the version a link named."""
    st.session_state.pop(S.COMPARE_DRAFT, None)
    if st.session_state.get(S.COMPARE_UPLOAD) is not None:
        navigate("versions")


def draft_changed() -> None:
    """The upload or the bundled draft changed: the draft a link named is no longer shown."""
    st.session_state.pop(S.DRAFT, None)
    st.session_state.pop(S.FINDING, None)


def view_label(view: str) -> str:
    """The tab's name in the page's language."""
    return tr(VIEW_LABEL_KEYS[view], L.language())


def clause_button(eid: str, key: str, *, label: str | None = None, cite: str | None = None) -> None:
    """A button named by the provision's citation; the eId is in the tooltip only."""
    lang = L.language()
    cite = cite or eid
    st.button(label or tr("ui.open", lang, label=cite), key=key, on_click=open_clause, args=(eid,),
              icon=":material/article:", help=tr("ui.open_help", lang, label=cite, eid=eid))


def article_button(requirement_id: str, key: str) -> None:
    lang = L.language()
    st.button(tr("ui.article", lang, id=requirement_id), key=key, on_click=open_article, args=(requirement_id,),
              icon=":material/gavel:", help=tr("ui.article_help", lang, id=requirement_id))




# --- widgets in the page's language -------------------------------------------------------

def _copy_choice(widget_key: str, key: str) -> None:
    st.session_state[key] = st.session_state.get(widget_key)


def localised(widget: Callable[..., Any], label: str, options: Sequence[Any], key: str,
              format_func: Callable[[Any], str], **kwargs: Any) -> Any:
    """A selectbox or multiselect whose shown labels are in the page's language.

    Streamlit keeps the label a widget showed when it was made, also after its options are
    renamed, so a widget drawn in English would keep its English words on a Russian page. The
    widget is therefore made per language (`key@ru`), and the choice itself is kept under `key`,
    where links and buttons set it. `format_func` gets the language bound by the caller."""
    widget_key = f"{key}@{L.language()}"
    value = st.session_state.get(key, kwargs.pop("default", None))
    if isinstance(value, list):
        value = [item for item in value if item in options]
    elif value not in options:
        value = options[0] if options else None
    st.session_state[widget_key] = value
    chosen = widget(label, options, key=widget_key, format_func=format_func, on_change=_copy_choice,
                    args=(widget_key, key), **kwargs)
    st.session_state[key] = chosen
    return chosen


# --- page chrome ---------------------------------------------------------------------------

def inject_style() -> None:
    st.html(f"<style>{STYLE.read_text(encoding='utf-8')}</style>")


# Streamlit's file uploader writes its button and its limits in English whatever the page's
# language; in Russian the page hides those words and shows its own in their place.
UPLOADER_RU = """
[data-testid="stFileUploaderDropzone"] button [data-testid="stMarkdownContainer"] p,
[data-testid="stFileUploaderDropzoneInstructions"] span { visibility: hidden; font-size: 0 !important; }
[data-testid="stFileUploaderDropzone"] button [data-testid="stMarkdownContainer"] p::after {
  content: "Загрузить"; visibility: visible; font-size: .875rem; }
[data-testid="stFileUploaderDropzoneInstructions"] span::after {
  content: "до 50 МБ · XML, DOCX, TXT"; visibility: visible; font-size: .75rem; }
"""


def inject_language_style() -> None:
    """What the page's language changes in Streamlit's own widgets."""
    if L.language() == "ru":
        st.html(f"<style>{UPLOADER_RU}</style>")


def scroll_to_top() -> None:
    """After a navigation button, scroll Streamlit's main pane to the top (once: the script
    carries the navigation count, so each navigation is a new element that runs again)."""
    count = st.session_state.get(S.SCROLL, 0)
    if count and st.session_state.get(S.SCROLLED) != count:
        st.session_state[S.SCROLLED] = count
        with st.sidebar:
            st.html(f'<script data-n="{count}">document.querySelector(\'[data-testid="stMain"]\')'
                    "?.scrollTo({top: 0});</script>", unsafe_allow_javascript=True)


def saved_toast() -> None:
    """Confirm a decision once, on the rerun after it was saved."""
    message = st.session_state.pop(S.SAVED, None)
    if message:
        st.toast(L.say("Decision saved: {message}").format(message=message), icon=":material/check_circle:")
