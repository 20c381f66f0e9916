"""The sidebar and the header: the draft, its language and instruments, the second version,
downloads, reviewer decisions; and which result is shown when a request fails."""

from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path

import streamlit as st

from lawcheck.engine.align import Analysis
from lawcheck.errors import InputError
from lawcheck.i18n import tr
from lawcheck.report.render import render_html, render_markdown
from lawcheck.safe_text import markdown_text
from lawcheck.ui import labels as L
from lawcheck.ui import session as S
from lawcheck.ui.decisions import (
    WORKSPACE_ENV,
    database_path,
    decision_counts,
    stamp,
    with_decisions,
    workspace_name,
)
from lawcheck.ui.exports import DOCX_MIME, commentary_docx
from lawcheck.ui.fragments import status_legend
from lawcheck.ui.model import ReportView
from lawcheck.ui.pages.common import LANGUAGE_LABEL, ReviewTarget, checked, compared, comparison_changed, sample
from lawcheck.ui.source import LANGUAGES, Outcome, Request, Source, accepted_types, is_imported, sample_drafts
from lawcheck.ui.versions import Comparison

# --- input ---------------------------------------------------------------------------------

def uploaded_source(key: str = S.UPLOAD) -> Source | None:
    """The file uploaded with the widget `key` as a Source; its digest is computed once per upload."""
    upload = st.session_state.get(key)
    if upload is None:
        return None
    digests = st.session_state.setdefault(S.DIGESTS, {})
    cached = digests.get(upload.file_id)
    if cached is None:
        cached = digests[upload.file_id] = Source.of(upload.name, upload.getvalue())
    return cached


def sidebar_inputs() -> tuple[Source, str, tuple[str, ...], str]:
    """The draft (the upload, else the chosen bundled draft), language and instruments."""
    with st.sidebar:
        st.markdown("## ⚖️ lawcheck")
        st.caption(L.say("Checks a draft law on electronic evidence against the Budapest Convention "
                         "(ETS 185) and its Second Protocol (CETS 224)."))
        types = accepted_types()
        st.file_uploader(L.say("Draft law"), type=types, key=S.UPLOAD,
                         help=f"Akoma Ntoso 3.0 XML{', Word or text' if len(types) > 1 else ''}. "
                              "Without an upload the page shows the demo draft.")
        uploaded = uploaded_source()
        samples = list(sample_drafts())
        name = st.selectbox(L.say("Or a draft bundled with lawcheck"), samples, key=S.SAMPLE,
                            disabled=uploaded is not None,
                            help="Drafts written by the project: a complete model law, a draft with gaps, "
                                 "Russian drafts. Remove the upload to choose one.")
        lang = st.selectbox(L.say("Language of the draft"), LANGUAGES, key=S.LANG,
                            format_func=lambda code: LANGUAGE_LABEL[code])
        words = {"auto": tr("ui.interface_auto", L.language()), "en": "English", "ru": "Русский"}
        ui_lang = st.selectbox(tr("ui.interface_language", L.language()), LANGUAGES, key=S.UI_LANG,
                               format_func=lambda code: words[code])
        st.markdown("**" + L.say("Check against") + "**")
        chosen = [instrument for instrument, key in (("BC", "inst_bc"), ("SP", "inst_sp"))
                  if st.checkbox(L.INSTRUMENT_LABEL[instrument], value=True, key=key)]
        st.divider()
        st.file_uploader(L.say("Compare with another version"), type=types, key=S.COMPARE_UPLOAD,
                         on_change=comparison_changed,
                         help="A later (or earlier) version of this draft, or an amending act: the Versions view "
                              "shows what it changes in conformance, then in the text, word by word. An amending "
                              "act is applied to the draft first.")
    assert lang is not None and ui_lang is not None  # selectboxes with options and a default
    return uploaded or sample(name), lang, tuple(chosen), ui_lang


def resolve(source: Source, lang: str, instruments: tuple[str, ...],
            ui_lang: str = "auto") -> tuple[Request, Outcome, str | None]:
    """The result to show, and the error of the request that failed, if any.

    Tries the request as asked; when it fails, the last good file with the asked options;
    then the last good request as it was. So a bad upload never blanks the page."""
    last: Request = st.session_state.get(S.LAST_GOOD) or Request(sample(""))
    candidates = (Request(source, lang, instruments, ui_lang), Request(last.source, lang, instruments, ui_lang),
                  last)
    error = None
    for request in candidates:
        outcome = checked(request.key, request)
        if outcome.error is None:
            st.session_state[S.LAST_GOOD] = request
            return request, outcome, error
        error = error or outcome.error
    return last, outcome, error


def resolve_comparison(request: Request, outcome: Outcome) -> tuple[Comparison | None, str | None]:
    """The comparison to show, and the error of a second upload that failed, if any.

    Like `resolve`: a bad second file leaves the last good comparison on the page."""
    new = uploaded_source(S.COMPARE_UPLOAD)
    if new is None:
        st.session_state.pop(S.LAST_COMPARE, None)
        return None, None
    comparison = compared((request.key, new.digest, new.name), request, outcome, new)
    if comparison.error is None:
        st.session_state[S.LAST_COMPARE] = new
        return comparison, None
    last: Source | None = st.session_state.get(S.LAST_COMPARE)
    if last is not None and last.digest != new.digest:
        previous = compared((request.key, last.digest, last.name), request, outcome, last)
        if previous.error is None:
            return previous, f"{comparison.error} (the comparison still shows {last.name})"
    return None, comparison.error


def signed_in_user() -> str | None:
    """The account the server signed this user in with (Streamlit authentication), if any."""
    user = getattr(st, "user", None)
    if user is None or not user.get("is_logged_in"):
        return None
    return str(user.get("email") or user.get("name") or "") or None


def current_workspace() -> tuple[str, bool]:
    """Whose decisions this session sees: the signed-in user, else the workspace named in the
    sidebar (empty until one is named). True when it comes from the sign-in."""
    user = signed_in_user()
    if user:
        return user, True
    st.session_state.setdefault(S.WORKSPACE, os.environ.get(WORKSPACE_ENV, "").strip())
    return str(st.session_state[S.WORKSPACE]), False


def reviewed(request: Request, outcome: Outcome) -> tuple[ReportView, Path | None, str | None]:
    """The view with the reviewer decisions attached, the database they come from, and the
    error if it cannot be read. Rebuilt only when a decision was written (the database's
    stamp moves), so a view switch stays cheap."""
    base = outcome.view
    assert base is not None, outcome.error
    st.session_state[S.REVIEW] = None
    try:
        workspace = workspace_name(current_workspace()[0])
        if not workspace:
            return base, None, None
        path = database_path(base.document, imported=is_imported(request.source), workspace=workspace)
    except InputError as error:
        return base, None, str(error)
    st.session_state[S.REVIEW] = ReviewTarget(path, outcome.analysis, request.source.name)
    key = (request.key, str(path), stamp(path), st.session_state.get(S.DECISIONS_SAVED, 0))
    cached = st.session_state.get(S.REVIEWED)
    if cached is not None and cached[0] == key:
        return cached[1], path, None
    try:
        view = with_decisions(base, outcome.analysis, path)
    except InputError as error:  # its message without the file it names: the page shows no server paths
        return base, path, " ".join(str(error.args[0] if error.args else error).split())
    except sqlite3.Error as error:
        return base, path, type(error).__name__
    st.session_state[S.REVIEWED] = (key, view)
    return view, path, None


def sidebar_export(request: Request, view: ReportView, analysis: Analysis) -> None:
    """Download buttons; the files are rendered only when clicked, from the report with the
    reviewer decisions, so every file says what the page says."""
    report = view.report
    stem = Path(request.source.name).stem
    with st.sidebar:
        st.divider()
        st.markdown("**" + L.say("Download the report") + "**")
        with st.container(horizontal=True, gap="small"):
            st.download_button("JSON", data=lambda: json.dumps(report, ensure_ascii=False, indent=2),
                               file_name=f"{stem}.lawcheck.json", mime="application/json",
                               on_click="ignore", key="dl_json", icon=":material/data_object:")
            st.download_button("HTML", data=lambda: render_html(report, analysis),
                               file_name=f"{stem}.lawcheck.html", mime="text/html",
                               on_click="ignore", key="dl_html", icon=":material/html:")
            st.download_button("Markdown", data=lambda: render_markdown(report),
                               file_name=f"{stem}.lawcheck.md", mime="text/markdown",
                               on_click="ignore", key="dl_md", icon=":material/description:")
            st.download_button("Word", data=lambda: commentary_docx(report, analysis),
                               file_name=f"{stem}.commentary.docx", mime=DOCX_MIME, on_click="ignore",
                               key="dl_docx", icon=":material/article:",
                               help="The commentary an expert edits: key recommendations, then article by "
                                    "article, with the reviewer decisions")


def sidebar_legend() -> None:
    with st.sidebar:
        st.divider()
        st.markdown("**" + L.say("Colours") + "**")
        st.html(status_legend())
        st.caption(L.say("Every verdict on this page comes from the lawcheck engine's report; "
                   "the page only arranges it."))


def sidebar_decisions(view: ReportView, path: Path | None, error: str | None) -> None:
    """Where the decisions on this draft are kept, and how many apply."""
    counts = decision_counts(view.report)
    with st.sidebar:
        st.divider()
        st.markdown("**" + L.say("Reviewer decisions") + "**")
        workspace, signed_in = current_workspace()
        if signed_in:
            st.caption(L.say("Workspace: {workspace} (your sign-in). Only you see these decisions.")
                       .format(workspace=markdown_text(workspace)))
        else:
            st.text_input(L.say("Workspace"), key=S.WORKSPACE, placeholder=L.say("your name or your team's"),
                          help="Decisions are kept per workspace: only sessions that use the same "
                               "workspace name see them and can add to them.")
        if path is None and not error:
            st.caption(L.say("Name a workspace to record decisions and see them."))
            return
        if error:
            st.warning(f"The decisions cannot be read: {error}", icon=":material/warning:")
        elif any(counts.values()):
            st.caption(f"{counts['accepted']} accepted · {counts['dismissed']} dismissed · "
                       f"{counts['needs_rereview']} to re-review")
        else:
            st.caption(L.say("None yet: accept or dismiss a finding on its card."))
        if path is not None:
            st.caption(tr("decision.kept", L.language(), workspace=markdown_text(workspace)))


# --- header ---------------------------------------------------------------------------------

def header(request: Request, view: ReportView, error: str | None, compare_error: str | None) -> None:
    """What is being shown, and the errors of failed uploads above it."""
    document = view.document
    if error:
        st.error(f"{error}\n\nThe page still shows the previous result ({request.source.name}).",
                 icon=":material/error:")
    if compare_error:
        st.error(compare_error, icon=":material/error:")
    origin = L.say("a draft bundled with lawcheck") if request.source.demo else L.say("uploaded draft")
    st.markdown(f"# {L.md(document['title'])}")
    for warning in view.report.get("warnings") or ():  # e.g. a text that does not look like a law
        st.warning(str(warning["message"]), icon=":material/warning:")
    instruments = L.say(" and ").join(L.INSTRUMENT_LABEL[i] for i in view.report["instruments"])
    st.caption(L.say("{source} ({origin}) · language {language} · {provisions} provisions · checked against "
                     "the {instruments}").format(source=L.md(document["source"]), origin=origin,
                                                 language=document["language"], provisions=document["provisions"],
                                                 instruments=instruments))
