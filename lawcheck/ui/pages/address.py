"""The page's address: read once when a session opens, written after every run.

Opening an address puts the session where the address says (draft, second version, view,
clause, article, finding, language, workspace); each run then writes the address of what
is shown, so the address bar can be copied at any moment and opened in a new tab or by a
colleague on the same server. Uploads are kept in the drafts store (`lawcheck.ui.drafts`)
so that their digest can stand for them.
"""

from __future__ import annotations

from typing import Any

import streamlit as st

from lawcheck.errors import InputError
from lawcheck.i18n import tr
from lawcheck.ui import labels as L
from lawcheck.ui import session as S
from lawcheck.ui.drafts import load_stored, store_draft
from lawcheck.ui.links import VIEWS, Link, link_params, link_query, parse_link
from lawcheck.ui.pages.common import sample
from lawcheck.ui.source import Source, sample_drafts


def sample_digests() -> dict[str, str]:
    """digest -> file name of the drafts bundled with lawcheck (a link to one needs no store)."""
    return {sample(name).digest: name for name in sample_drafts()}


def read_address(signed_in: bool) -> None:
    """On a session's first run, put it where its address says; later runs leave it alone."""
    if st.session_state.get(S.LINK_READ):
        return
    st.session_state[S.LINK_READ] = True
    params = st.query_params.to_dict()
    link = parse_link(params)
    if params.get("draft") and link.draft is None:
        st.session_state[S.LINK_ERROR] = "ui.link.bad"
    if link.ws and not signed_in:
        st.session_state[S.WORKSPACE] = link.ws
    if link.lang:
        st.session_state[S.UI_LANG] = link.lang
    for key, value in ((S.VIEW, link.view), (S.CLAUSE, link.clause), (S.ARTICLE, link.article),
                       (S.FINDING, link.finding)):
        if value:
            st.session_state[key] = value
    if link.draft:
        samples = sample_digests()
        if link.draft in samples:
            st.session_state[S.SAMPLE] = samples[link.draft]
        else:
            st.session_state[S.DRAFT] = link.draft
    if link.compare:
        st.session_state[S.COMPARE_DRAFT] = link.compare


def stored_source(key: str, workspace: str) -> Source | None:
    """The draft (or second version) a link named, from the store of this workspace. A digest
    the store does not hold is forgotten, with a message that says so."""
    digest = st.session_state.get(key)
    if not digest:
        return None
    cache: dict[Any, Source] = st.session_state.setdefault(S.DIGESTS, {})
    found = cache.get(("stored", workspace, digest))
    if found is None:
        if digest in sample_digests():
            found = sample(sample_digests()[digest])
        else:
            try:
                stored = load_stored(digest, workspace)
            except OSError:
                stored = None
            if stored is None:
                st.session_state.pop(key, None)
                st.session_state[S.LINK_ERROR] = "ui.link.unknown"
                return None
            found = Source(stored.name, stored.data, stored.digest)
        cache[("stored", workspace, digest)] = found
    return found


def keep(source: Source | None, workspace: str) -> None:
    """Keep an uploaded draft in the store (once per workspace and session), so that the
    address can name it. A draft that cannot be kept is still checked; only its link fails."""
    if source is None or source.demo:
        return
    done: set[tuple[str, str]] = st.session_state.setdefault(S.STORED, set())
    if (workspace, source.digest) in done:
        return
    try:
        store_draft(source.name, source.data, workspace)
    except (InputError, OSError):
        st.session_state[S.LINK_ERROR] = "ui.link.not_kept"
        return
    done.add((workspace, source.digest))


def current_link(draft: str, compare: str | None, workspace: str, signed_in: bool,
                 *, finding: str | None = None, view: str | None = None) -> Link:
    """The Link of what the page shows now (or of one finding, or another view, of it)."""
    view = view or st.session_state.get(S.VIEW) or VIEWS[0]
    return Link(
        draft=draft, compare=compare, view=view,
        clause=st.session_state.get(S.CLAUSE) if view == "clauses" else None,
        article=st.session_state.get(S.ARTICLE) if view == "articles" else None,
        finding=finding or (st.session_state.get(S.FINDING) if view == "findings" else None),
        lang=L.language(), ws=workspace if workspace and not signed_in else None)


def write_address(link: Link) -> None:
    """Put the Link in the address bar (without a rerun), when it differs from what is there."""
    params = link_params(link)
    if st.query_params.to_dict() != params:
        st.query_params.from_dict(params)


def link_error() -> None:
    """The one message about an address that could not be followed (shown once)."""
    key = st.session_state.pop(S.LINK_ERROR, None)
    if key:
        st.warning(tr(key, L.language()), icon=":material/link_off:")


def link_markdown(link: Link, text: str) -> str:
    """A Markdown link to a Link, opened in a new tab by the browser (Streamlit's links do)."""
    return f"[{text}]({link_query(link)})"
