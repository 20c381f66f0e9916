"""The sidebar and the header: the draft, its language and instruments, the second version,
downloads, reviewer decisions; and which result is shown when a request fails."""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Mapping
from pathlib import Path
from typing import Any

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
from lawcheck.ui.links import PRINT
from lawcheck.ui.model import ReportView
from lawcheck.ui.pages.address import keep, link_error, stored_source
from lawcheck.ui.pages.common import (
    LANGUAGE_LABEL,
    LANGUAGE_NAME,
    ReviewTarget,
    checked,
    compared,
    comparison_changed,
    draft_changed,
    localised,
    navigate,
    sample,
)
from lawcheck.ui.printview import chromium, print_document, print_pdf
from lawcheck.ui.source import (
    LANGUAGES,
    Outcome,
    Request,
    Scoping,
    Source,
    accepted_types,
    is_imported,
    sample_drafts,
)
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
    """The draft (the upload, else the draft a link named, else the chosen bundled draft),
    its language and the instruments."""
    workspace = current_workspace()[0]
    with st.sidebar:
        st.markdown("## ⚖️ lawcheck")
        st.caption(L.say("Checks a draft law on electronic evidence against the Budapest Convention "
                         "(ETS 185) and its Second Protocol (CETS 224)."))
        types = accepted_types()
        st.file_uploader(L.say("Draft law"), type=types, key=S.UPLOAD, on_change=draft_changed,
                         help=L.say("Akoma Ntoso 3.0 XML, Word or text. Without an upload the page shows a "
                                    "draft bundled with lawcheck."))
        uploaded = uploaded_source()
        keep(uploaded, workspace)
        linked = None if uploaded else stored_source(S.DRAFT, workspace)
        if linked is not None:
            st.caption(L.say("Opened from a link: {name}").format(name=L.md(linked.name)))
            st.button(L.say("Close it"), key="close-linked", on_click=draft_changed, type="tertiary",
                      icon=":material/close:")
        samples = list(sample_drafts())
        name = st.selectbox(L.say("Or a draft bundled with lawcheck"), samples, key=S.SAMPLE,
                            disabled=uploaded is not None, on_change=draft_changed,
                            help=L.say("Drafts written for lawcheck: a complete model law, a draft with gaps, "
                                       "Russian drafts. Remove the upload to choose one."))
        page_lang = L.language()

        def language_label(code: str) -> str:  # the language is bound here: Streamlit may call it later
            return L.say_in(LANGUAGE_LABEL[code], page_lang)

        lang = localised(st.selectbox, L.say("Language of the draft"), LANGUAGES, S.LANG, language_label)
        words = {"auto": tr("ui.interface_auto", L.language()), "en": "English", "ru": "Русский"}
        ui_lang = localised(st.selectbox, tr("ui.interface_language", L.language()), LANGUAGES, S.UI_LANG,
                            words.__getitem__)
        st.markdown("**" + L.say("Check against") + "**")
        chosen = [instrument for instrument, key in (("BC", "inst_bc"), ("SP", "inst_sp"))
                  if st.checkbox(L.INSTRUMENT_LABEL[instrument], value=True, key=key)]
        st.divider()
        compare = st.file_uploader(L.say("Compare with another version"), type=types, key=S.COMPARE_UPLOAD,
                                   on_change=comparison_changed,
                                   help=L.say("A later (or earlier) version of this draft, or an amending act: "
                                              "the Versions view shows what it changes in conformance, then in "
                                              "the text, word by word. An amending act is applied to the draft "
                                              "first."))
        if compare is not None:
            keep(uploaded_source(S.COMPARE_UPLOAD), workspace)
    assert lang is not None and ui_lang is not None  # selectboxes with options and a default
    return uploaded or linked or sample(name), lang, tuple(chosen), ui_lang


def expected_language() -> str:
    """The language the page will speak, known before anything is drawn: chosen in the sidebar,
    else the language of the draft the sidebar's state names (its check is cached, so the run
    that follows reads it again for free). Streamlit keeps a widget's shown label from the run
    that made it, so a page drawn first in one language and then in another would keep words
    of the first."""
    chosen = st.session_state.get(S.UI_LANG, "auto")
    if chosen in ("en", "ru"):
        return str(chosen)
    workspace = current_workspace()[0]
    source = uploaded_source() or stored_source(S.DRAFT, workspace)
    if source is None:
        samples = list(sample_drafts())
        name = st.session_state.get(S.SAMPLE)
        source = sample(name if name in samples else samples[0])
    instruments = tuple(i for i, key in (("BC", "inst_bc"), ("SP", "inst_sp")) if st.session_state.get(key, True))
    request = Request(source, str(st.session_state.get(S.LANG, "auto")), instruments, "auto")
    outcome = checked(request.key, request)
    if outcome.view is None:
        return str(st.session_state.get(S.PAGE_LANG, "en"))
    return str(outcome.view.document.get("ui_language", "en"))


def resolve(source: Source, lang: str, instruments: tuple[str, ...],
            ui_lang: str = "auto", scoping: Scoping | None = None) -> tuple[Request, Outcome, str | None]:
    """The result to show, and the error of the request that failed, if any.

    Tries the request as asked; when it fails, the last good file with the asked options;
    then the last good request as it was. So a bad upload never blanks the page."""
    last: Request = st.session_state.get(S.LAST_GOOD) or Request(sample(""))
    scoping = scoping or Scoping()
    candidates = (Request(source, lang, instruments, ui_lang, scoping),
                  Request(last.source, lang, instruments, ui_lang, scoping), last)
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
    new = uploaded_source(S.COMPARE_UPLOAD) or stored_source(S.COMPARE_DRAFT, current_workspace()[0])
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
            st.download_button(L.say("Word commentary"), data=lambda: commentary_docx(report, analysis),
                               file_name=f"{stem}.commentary.docx", mime=DOCX_MIME, on_click="ignore",
                               key="dl_docx", icon=":material/article:",
                               help=L.say("The commentary an expert edits: key recommendations, then article by "
                                          "article, with the reviewer decisions"))
        lang = L.language()
        with st.container(horizontal=True, gap="small"):
            st.button(tr("ui.view.print", lang), key="open-print", on_click=navigate, args=(PRINT,),
                      icon=":material/print:", help=L.say("Every finding on one page, grouped by treaty article, "
                                                          "without the sidebar and buttons"))
            print_download(report, stem, lang, key="dl_pdf")


def print_download(report: Mapping[str, Any], stem: str, lang: str, *, key: str) -> None:
    """The print view as a PDF (made by the system's chromium when the button is clicked), or
    as an HTML file to print from the browser when the server has no chromium."""
    if chromium() is None:
        st.download_button(L.say("Print view (HTML)"), data=lambda: print_document(report, lang),
                           file_name=f"{stem}.findings.html", mime="text/html", on_click="ignore", key=key,
                           icon=":material/html:")
        return
    st.download_button("PDF", data=lambda: print_pdf(print_document(report, lang)) or b"",
                       file_name=f"{stem}.findings.pdf", mime="application/pdf", on_click="ignore", key=key,
                       icon=":material/picture_as_pdf:",
                       help=L.say("Every finding, grouped by treaty article, as a PDF"))


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
                          help=L.say("Decisions are kept per workspace: only sessions that use the same "
                                     "workspace name see them and can add to them."))
        if path is None and not error:
            st.caption(L.say("Name a workspace to record decisions and see them."))
            return
        if error:
            st.warning(L.say("The decisions cannot be read: {error}").format(error=error), icon=":material/warning:")
        elif any(counts.values()):
            st.caption(L.say("{accepted} accepted · {dismissed} dismissed · {rereview} to re-review").format(
                accepted=counts["accepted"], dismissed=counts["dismissed"], rereview=counts["needs_rereview"]))
        else:
            st.caption(L.say("None yet: accept or dismiss a finding on its card."))
        if path is not None:
            st.caption(tr("decision.kept", L.language(), workspace=markdown_text(workspace)))


# --- header ---------------------------------------------------------------------------------

def header(request: Request, view: ReportView, error: str | None, compare_error: str | None) -> None:
    """What is being shown, and the errors of failed uploads above it."""
    document = view.document
    if error:
        st.error(error + "\n\n" + L.say("The page still shows the previous result ({name}).")
                 .format(name=request.source.name), icon=":material/error:")
    if compare_error:
        st.error(compare_error, icon=":material/error:")
    origin = L.say("a draft bundled with lawcheck") if request.source.demo else L.say("uploaded draft")
    link_error()
    st.markdown(f"# {L.md(document['title'])}")
    for warning in view.report.get("warnings") or ():  # e.g. a text that does not look like a law
        st.warning(str(warning["message"]), icon=":material/warning:")
    instruments = L.say(" and ").join(L.INSTRUMENT_LABEL[i] for i in view.report["instruments"])
    language = str(document["language"])
    st.caption(L.say("{source} ({origin}) · language {language} · {provisions} provisions · checked against "
                     "the {instruments}").format(source=L.md(document["source"]), origin=origin,
                                                 language=L.say(LANGUAGE_NAME.get(language, language)),
                                                 provisions=document["provisions"], instruments=instruments))
