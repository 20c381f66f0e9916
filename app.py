"""lawcheck review page: `streamlit run app.py`.

Opens with the bundled demo draft already checked, so a newcomer sees a real result before
uploading anything; the first thing on the page is the list of safeguards the draft lacks
and the clauses that grant those powers. The page renders the engine's report and nothing
else: statuses, findings and evidence all come from `lawcheck.pipeline.check_document`.

The check runs once per (file, language, instruments) and is cached; switching views only
reads the indexes of `lawcheck.ui.model.ReportView`. Views are lazy tabs bound to the URL
(`?view=Findings`); buttons anywhere move to a clause or an article by setting session state.

A second upload ("Compare with another version") is compared with the draft by
`lawcheck.compare` (cached like the check) and shown in the Versions view. Reviewer
decisions are kept by `lawcheck.decisions` in one SQLite file per draft (`lawcheck.ui.decisions`)
and attached to a copy of the cached report on every change, so a decision shows at once
without a new check, and in every download, the Word commentary included.
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import networkx as nx
import streamlit as st

import lawcheck.ui
from lawcheck.decisions.attach import decision_note, is_dismissed
from lawcheck.engine.align import Analysis
from lawcheck.errors import InputError
from lawcheck.i18n import tr
from lawcheck.report.diff import render_diff
from lawcheck.report.render import render_html, render_markdown
from lawcheck.rulebook.graph import build_graph
from lawcheck.rulebook.loader import Rulebook, load_rulebook
from lawcheck.safe_text import markdown_text
from lawcheck.treaty import SEVERITIES, STATUSES
from lawcheck.ui import labels as L
from lawcheck.ui.decisions import (
    WORKSPACE_ENV,
    database_path,
    decision_counts,
    record_decision,
    shown_path,
    stamp,
    with_decisions,
    workspace_name,
)
from lawcheck.ui.exports import DOCX_MIME, commentary_docx
from lawcheck.ui.fragments import (
    elements_html,
    esc,
    safeguard_table,
    safeguards_html,
    status_chip,
    status_legend,
    units_html,
)
from lawcheck.ui.graph import rule_graph_dot
from lawcheck.ui.highlight import legend_html
from lawcheck.ui.model import (
    MARK_LABEL,
    MARK_SYMBOL,
    ProvisionRow,
    ReportView,
    SafeguardGap,
    category_counts,
    chapters,
    filter_findings,
    first_article,
    first_clause,
    safeguard_gaps,
    severity_counts,
    status_counts,
    tree_groups,
)
from lawcheck.ui.source import (
    LANGUAGES,
    Outcome,
    Request,
    Source,
    accepted_types,
    is_imported,
    run,
    sample_drafts,
    sample_source,
)
from lawcheck.ui.versions import (
    Comparison,
    changes_html,
    compare_sources,
    file_stem,
    problems_html,
    provisions_html,
    renumbered_html,
    safeguard_changes_html,
    status_changes_html,
)

VIEWS = ("Overview", "Findings", "Clauses", "Articles", "Versions", "Rule graph")
FINDINGS_PER_PAGE = 25
LANGUAGE_LABEL = {"auto": "Detect automatically", "en": "English", "ru": "Russian"}
STYLE = Path(lawcheck.ui.__file__).with_name("style.css")
DECISION_VERB = {"accepted": "Accept", "dismissed": "Dismiss"}
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
def checked(key: tuple[str, str, str, tuple[str, ...]], _request: Request) -> Outcome:
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
    """Switch to a view and ask for the page to scroll to its top: a button far down the
    findings list must not open the clause view half-way down."""
    st.session_state["view"] = view
    st.session_state["_scroll"] = st.session_state.get("_scroll", 0) + 1


def open_clause(eid: str) -> None:
    """Button callback: show one provision in the clause view."""
    st.session_state["clause"] = eid
    navigate("Clauses")


def open_article(requirement_id: str) -> None:
    """Button callback: show one treaty article in the article view."""
    st.session_state["article"] = requirement_id
    navigate("Articles")


def open_findings(category: str) -> None:
    """Button callback: the findings view filtered to one category."""
    st.session_state["f_cat"] = [category]
    st.session_state["f_sev"] = []
    st.session_state["f_req"] = []
    navigate("Findings")


def comparison_changed() -> None:
    """A second version was uploaded: show what it changes."""
    if st.session_state.get("compare_upload") is not None:
        navigate("Versions")


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


# --- input ---------------------------------------------------------------------------------

def uploaded_source(key: str = "upload") -> Source | None:
    """The file uploaded with the widget `key` as a Source; its digest is computed once per upload."""
    upload = st.session_state.get(key)
    if upload is None:
        return None
    digests = st.session_state.setdefault("_digests", {})
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
        st.file_uploader(L.say("Draft law"), type=types, key="upload",
                         help=f"Akoma Ntoso 3.0 XML{', Word or text' if len(types) > 1 else ''}. "
                              "Without an upload the page shows the demo draft.")
        uploaded = uploaded_source()
        samples = list(sample_drafts())
        name = st.selectbox(L.say("Or a draft bundled with lawcheck"), samples, key="sample",
                            disabled=uploaded is not None,
                            help="Drafts written by the project: a complete model law, a draft with gaps, "
                                 "Russian drafts. Remove the upload to choose one.")
        lang = st.selectbox(L.say("Language of the draft"), LANGUAGES, key="lang",
                            format_func=LANGUAGE_LABEL.get)
        words = {"auto": tr("ui.interface_auto", L.language()), "en": "English", "ru": "Русский"}
        ui_lang = st.selectbox(tr("ui.interface_language", L.language()), LANGUAGES, key="ui_lang",
                               format_func=words.get)
        st.markdown("**" + L.say("Check against") + "**")
        chosen = [instrument for instrument, key in (("BC", "inst_bc"), ("SP", "inst_sp"))
                  if st.checkbox(L.INSTRUMENT_LABEL[instrument], value=True, key=key)]
        st.divider()
        st.file_uploader(L.say("Compare with another version"), type=types, key="compare_upload",
                         on_change=comparison_changed,
                         help="A later (or earlier) version of this draft, or an amending act: the Versions view "
                              "shows what it changes in conformance, then in the text, word by word. An amending "
                              "act is applied to the draft first.")
    return uploaded or sample(name), lang, tuple(chosen), ui_lang


def resolve(source: Source, lang: str, instruments: tuple[str, ...],
            ui_lang: str = "auto") -> tuple[Request, Outcome, str | None]:
    """The result to show, and the error of the request that failed, if any.

    Tries the request as asked; when it fails, the last good file with the asked options;
    then the last good request as it was. So a bad upload never blanks the page."""
    last: Request = st.session_state.get("_last_good") or Request(sample(""))
    candidates = (Request(source, lang, instruments, ui_lang), Request(last.source, lang, instruments, ui_lang),
                  last)
    error = None
    for request in candidates:
        outcome = checked(request.key, request)
        if outcome.error is None:
            st.session_state["_last_good"] = request
            return request, outcome, error
        error = error or outcome.error
    return last, outcome, error


def resolve_comparison(request: Request, outcome: Outcome) -> tuple[Comparison | None, str | None]:
    """The comparison to show, and the error of a second upload that failed, if any.

    Like `resolve`: a bad second file leaves the last good comparison on the page."""
    new = uploaded_source("compare_upload")
    if new is None:
        st.session_state.pop("_last_compare", None)
        return None, None
    comparison = compared((request.key, new.digest, new.name), request, outcome, new)
    if comparison.error is None:
        st.session_state["_last_compare"] = new
        return comparison, None
    last: Source | None = st.session_state.get("_last_compare")
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
    st.session_state.setdefault("workspace", os.environ.get(WORKSPACE_ENV, "").strip())
    return str(st.session_state["workspace"]), False


def reviewed(request: Request, outcome: Outcome) -> tuple[ReportView, Path | None, str | None]:
    """The view with the reviewer decisions attached, the database they come from, and the
    error if it cannot be read. Rebuilt only when a decision was written (the database's
    stamp moves), so a view switch stays cheap."""
    base = outcome.view
    st.session_state["_review"] = None
    try:
        workspace = workspace_name(current_workspace()[0])
        if not workspace:
            return base, None, None
        path = database_path(base.document, imported=is_imported(request.source), workspace=workspace)
    except InputError as error:
        return base, None, str(error)
    st.session_state["_review"] = ReviewTarget(path, outcome.check.analysis, request.source.name)
    key = (request.key, str(path), stamp(path), st.session_state.get("_decisions_saved", 0))
    cached = st.session_state.get("_reviewed")
    if cached is not None and cached[0] == key:
        return cached[1], path, None
    try:
        view = with_decisions(base, outcome.check.analysis, path)
    except (InputError, sqlite3.Error) as error:
        return base, path, str(error)
    st.session_state["_reviewed"] = (key, view)
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
            st.text_input(L.say("Workspace"), key="workspace", placeholder=L.say("your name or your team's"),
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
            st.caption(f"Kept in `{shown_path(path)}` for workspace {markdown_text(workspace)}, "
                       "shared by every version of this draft.")


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
    instruments = L.say(" and ").join(L.INSTRUMENT_LABEL[i] for i in view.report["instruments"])
    st.caption(L.say("{source} ({origin}) · language {language} · {provisions} provisions · checked against "
                     "the {instruments}").format(source=L.md(document["source"]), origin=origin,
                                                 language=document["language"], provisions=document["provisions"],
                                                 instruments=instruments))


# --- overview -----------------------------------------------------------------------------

def overview(view: ReportView) -> None:
    """Counts, the missing safeguards, the coverage matrix and the findings by category."""
    counts = status_counts(view.report)
    severities = severity_counts(view.findings)
    columns = st.columns(5)
    for column, status in zip(columns, STATUSES, strict=False):
        column.metric(f"{L.STATUS_SYMBOL[status]} {L.STATUS_LABEL[status]}", counts[status],
                      help=L.say("Treaty articles with this status"))
    columns[4].metric(L.say("Findings"), len(view.findings), help=L.say("Things to change in the draft"),
                      delta=L.say("{count} high severity").format(count=severities["high"]), delta_color="off",
                      delta_arrow="off")
    decision_summary(view)
    safeguard_gap_list(view)
    left, right = st.columns([2.6, 1], gap="large")
    with left:
        coverage_matrix(view)
    with right:
        findings_by_category(view)
    st.subheader(L.say("Safeguards of each power"))
    st.caption(L.say("Each treaty power must come with the conditions and safeguards of Art. 15 ETS 185 "
               "(Arts 13-14 CETS 224 for the Protocol's). ✗ absent, ✓ present, ? not assessed "
               "(the draft does not grant the power)."))
    st.html(safeguard_table(view.report))


def decision_summary(view: ReportView) -> None:
    """The reviewer decisions on this draft, in one line under the counts."""
    counts = decision_counts(view.report)
    if not any(counts.values()):
        return
    gone = (f" · {counts['not_raised']} on findings this version no longer raises"
            if counts["not_raised"] else "")
    st.markdown(f"**Reviewer decisions:** :green-badge[{counts['accepted']} accepted] "
                f":gray-badge[{counts['dismissed']} dismissed] "
                f":orange-badge[{counts['needs_rereview']} to re-review]{gone}")


def safeguard_gap_list(view: ReportView) -> None:
    """One card per power that lacks safeguards: what is missing and where, with buttons."""
    gaps = safeguard_gaps(view.report)
    missing = sum(len(g.safeguards) + g.whole_article for g in gaps)
    st.subheader(L.say("Safeguards the draft lacks ({count})").format(count=missing))
    if not gaps:
        st.success(L.say("Every power the draft grants comes with the safeguards the treaties require."))
        return
    st.caption(L.say("Powers the draft grants without a safeguard the treaty requires. Open a clause to read it "
               "with the evidence, or the article to see what the treaty asks."))
    with st.container(key="safeguard-gaps"):
        grid = st.columns(3, gap="small")
        for index, gap in enumerate(gaps):
            with grid[index % 3], st.container(border=True, key=f"gap-{index}"):
                safeguard_gap_card(view, gap, index)


def safeguard_gap_card(view: ReportView, gap: SafeguardGap, index: int) -> None:
    lacks = [f":red[**{L.md(L.safeguard_label(s))}**]" for s in gap.safeguards]
    if gap.whole_article:
        lacks.append(":red[**" + L.say("the whole article: no provision implements it") + "**]")
    where = ", ".join(L.md(view.cite(eid)) for eid in gap.provisions) or L.say("no clause of the draft")
    st.markdown(f"**{gap.requirement} · {L.md(gap.title)}**  \n"
                + L.say("in {where}  \nlacks {lacks}").format(where=where, lacks=", ".join(lacks)))
    for finding in gap_findings(view, gap):
        if finding.get("decision"):
            label = L.safeguard_label(finding["safeguard"]) if finding.get("safeguard") else L.say("Whole article")
            note = decision_note(finding, L.language())
            st.caption(f"{L.decision_badge(finding['decision'])} {L.md(label)}: {L.md(note)}")
    with st.container(horizontal=True, gap="small"):
        for eid in gap.provisions[:4]:
            clause_button(eid, key=f"gap-open-{index}-{eid}", cite=view.cite(eid))
        article_button(gap.requirement, key=f"gap-article-{index}")


def gap_findings(view: ReportView, gap: SafeguardGap) -> list[Mapping[str, Any]]:
    """The missing-safeguard findings one gap card stands for."""
    return [finding for finding in view.findings_for(gap.requirement)
            if finding["category"] == "missing_safeguard" and tuple(finding.get("provisions", ())) == gap.provisions]


def findings_by_category(view: ReportView) -> None:
    st.subheader(L.say("Findings by kind"))
    st.caption(L.say("Click a kind to list those findings."))
    with st.container(horizontal=True, gap="small", key="categories"):
        for category, count in category_counts(view.findings).items():
            st.button(f"{L.CATEGORY_LABEL[category]} · {count}", key=f"cat-{category}",
                      on_click=open_findings, args=(category,))


def coverage_matrix(view: ReportView) -> None:
    """Treaty articles by chapter, each a button coloured by status that opens the article."""
    st.subheader(L.say("Coverage, article by article"))
    st.html(f'<div class="lc-legend">{status_legend()} &nbsp;Click an article to open it.</div>')
    with st.container(key="coverage-matrix"):
        for chapter, requirements in chapters(view.report).items():
            name, cells = st.columns([1.5, 5.5], vertical_alignment="center")
            done = sum(r["status"] == "implemented" for r in requirements)
            name.markdown(f"**{chapter}**  \n:gray[{done} of {len(requirements)} implemented]")
            with cells.container(horizontal=True, gap="small"):
                for requirement in requirements:
                    coverage_cell(view, requirement)


def coverage_cell(view: ReportView, requirement: dict[str, Any]) -> None:
    status = requirement["status"]
    found = len(view.findings_for(requirement["id"]))
    tip = (f"{requirement['id']} {requirement['title']}: {L.STATUS_LABEL.get(status, status)}"
           + (f", {found} finding{'s' if found != 1 else ''}" if found else ""))
    st.button(f"{L.STATUS_SYMBOL.get(status, '')} {requirement['id']}", key=f"cell-{status}-{requirement['id']}",
              help=tip, on_click=open_article, args=(requirement["id"],))


# --- findings -----------------------------------------------------------------------------

def findings_view(view: ReportView) -> None:
    """Findings with filters; each says what is wrong, what to change, where, and why."""
    present = category_counts(view.findings)
    articles = [rid for rid in view.requirements if rid in view.by_requirement]
    keep_valid("f_cat", present)
    keep_valid("f_req", articles)
    a, b, c = st.columns([1.4, 1, 1.6])
    categories = a.multiselect(L.say("Kind"), list(present), key="f_cat", placeholder=L.say("All kinds"),
                               format_func=lambda c: f"{L.CATEGORY_LABEL[c]} ({present[c]})", persist_state="session")
    severities = b.multiselect(L.say("Severity"), SEVERITIES, key="f_sev", placeholder=L.say("All severities"),
                               format_func=lambda s: tr(f"severity.{s}", L.language()), persist_state="session")
    chosen = c.multiselect(L.say("Treaty article"), articles, key="f_req", placeholder=L.say("All articles"),
                           format_func=lambda rid: f"{rid} · {view.requirements[rid]['title']}",
                           persist_state="session")
    dismissed = sum(is_dismissed(finding) for finding in view.findings)
    hide = st.toggle(L.say("Hide dismissed findings ({count})").format(count=dismissed), key="f_hide_dismissed",
                     persist_state="session",
                     disabled=not dismissed, help="Findings a reviewer dismissed (and whose provision has not "
                                                  "changed since) are left out of the list")
    shown = filter_findings(view.findings, categories=categories, severities=severities, requirements=chosen,
                            hide_dismissed=hide and bool(dismissed))
    st.markdown("**" + L.say("{shown} of {total} findings").format(shown=len(shown), total=len(view.findings)) + "**")
    pages = max(1, -(-len(shown) // FINDINGS_PER_PAGE))
    page = 1
    if pages > 1:  # keyed by the filters: new filters start again at page 1
        page = st.pagination(pages, key=f"f_page-{hash((*categories, *severities, *chosen, hide))}")
    for index in shown[(page - 1) * FINDINGS_PER_PAGE:page * FINDINGS_PER_PAGE]:
        finding_card(view, index, "list")


def keep_valid(key: str, options: Any) -> None:
    """Drop remembered filter values that the current report does not offer (a new file)."""
    if key in st.session_state:
        st.session_state[key] = [value for value in st.session_state[key] if value in options]


def finding_card(view: ReportView, index: int, place: str) -> None:
    """One finding: what is wrong, what to change, the treaty paragraph, the evidence, and
    buttons to the provisions and the article. `place` ("list", "clause", "article") names
    the view it is shown in: the button back to that same place is left out."""
    finding = view.findings[index]
    requirement = view.requirements.get(finding.get("requirement", ""))
    with st.container(border=True, key=f"finding-{place}-{finding['category']}-{index}"):
        title = ""
        if requirement and place != "article":
            title = f" · {finding['requirement']} {L.md(requirement['title'])}"
        st.markdown(f"{L.SEVERITY_BADGE[finding['severity']]} **{L.CATEGORY_LABEL[finding['category']]}**{title}")
        lang = L.language()
        st.markdown(L.md(finding["message"]))
        if finding.get("help"):
            st.markdown(f"**{tr('report.what_to_change', lang)}:** {L.md(finding['help'])}")
        if finding.get("suggestion"):
            suggestion = finding["suggestion"]
            st.markdown(f"**{tr('report.suggested', lang)}** ({tr('action.' + suggestion['action'], lang)}: "
                        f"{L.md(view.cite(suggestion['eId']))})")
            st.code(suggestion["text"], language=None, wrap_lines=True)
        details = []
        if finding.get("cites"):
            details.append(f"{tr('ui.treaty', lang)}: {L.md(finding['cites'])}")
        if finding.get("evidence"):
            details.append(f"{tr('report.evidence', lang)}: " + ", ".join(f"“{L.md(e)}”" for e in finding["evidence"]))
        details.append(f"{tr('ui.code', lang)}: `{finding['code']}`")
        st.caption(" · ".join(details))
        decision_line(finding)
        provisions = finding.get("provisions", [])[:6] if place != "clause" else []
        with st.container(horizontal=True, gap="small"):
            for eid in provisions:
                clause_button(eid, key=f"{place}-open-{index}-{eid}", cite=view.cite(eid))
            if requirement and place != "article":
                article_button(finding["requirement"], key=f"{place}-article-{index}")
            decision_buttons(finding, index, place)
        pending = st.session_state.get("_deciding")
        if pending and pending[:2] == (place, index) and pending[3] == finding["code"]:
            decision_form(finding, index, place, pending[2])


# --- decisions ----------------------------------------------------------------------------

def decision_line(finding: dict[str, Any]) -> None:
    """The decision in force on a finding: who, when, why, and whether to look again."""
    if finding.get("decision"):
        st.markdown(f"{L.decision_badge(finding['decision'])} {L.md(decision_note(finding, L.language()))}")


def decision_buttons(finding: dict[str, Any], index: int, place: str) -> None:
    for decision, icon in (("accepted", ":material/check:"), ("dismissed", ":material/block:")):
        st.button(DECISION_VERB[decision], key=f"{place}-{DECISION_VERB[decision].lower()}-{index}",
                  on_click=start_decision, args=(place, index, decision, finding["code"]), icon=icon,
                  type="tertiary", help=f"{DECISION_VERB[decision]}: {DECISION_MEANS[decision]} (with a reason)")


def start_decision(place: str, index: int, decision: str, code: str) -> None:
    """Button callback: open the reason form under this card (one form at a time)."""
    st.session_state["_deciding"] = (place, index, decision, code)
    st.session_state.pop("_decide_error", None)


def cancel_decision() -> None:
    st.session_state.pop("_deciding", None)
    st.session_state.pop("_decide_error", None)


def decision_form(finding: dict[str, Any], index: int, place: str, decision: str) -> None:
    """Reason and reviewer for a decision; the name is remembered for the next one."""
    verb = DECISION_VERB[decision]
    with st.form(key=f"{place}-decide-{index}"):
        st.markdown(f"**{verb} this finding:** {DECISION_MEANS[decision]}.")
        st.text_area("Reason", key=f"{place}-reason-{index}", height=80,
                     placeholder="Why, in a sentence the next reviewer and the drafter will read")
        st.text_input("Reviewer", value=st.session_state.get("reviewer_name", ""), key=f"{place}-reviewer-{index}",
                      placeholder="Your name")
        if st.session_state.get("_decide_error"):
            st.warning(st.session_state["_decide_error"], icon=":material/warning:")
        with st.container(horizontal=True, gap="small"):
            st.form_submit_button(f"{verb} the finding", type="primary", key=f"{place}-save-{index}",
                                  on_click=save_decision, args=(finding, index, place, decision))
            st.form_submit_button("Cancel", key=f"{place}-cancel-{index}", on_click=cancel_decision)


def save_decision(finding: dict[str, Any], index: int, place: str, decision: str) -> None:
    """Form callback: record the decision in the draft's database. The view is rebuilt on the
    rerun that follows (the database changed), so the card shows it without a new check."""
    reason = str(st.session_state.get(f"{place}-reason-{index}") or "").strip()
    reviewer = str(st.session_state.get(f"{place}-reviewer-{index}") or "").strip()
    if not reason or not reviewer:
        st.session_state["_decide_error"] = "A decision needs a reason and the reviewer's name."
        return
    target: ReviewTarget | None = st.session_state.get("_review")
    if target is None:
        st.session_state["_decide_error"] = ("Name a workspace in the sidebar first: decisions are kept "
                                             "per workspace, and only that workspace sees them.")
        return
    try:
        record_decision(target.path, finding, target.analysis, decision, reason, reviewer, source=target.source)
    except (InputError, OSError, sqlite3.Error, ValueError) as error:
        st.session_state["_decide_error"] = f"The decision was not saved: {error}"
        return
    st.session_state["reviewer_name"] = reviewer
    st.session_state["_decisions_saved"] = st.session_state.get("_decisions_saved", 0) + 1
    st.session_state["_saved"] = f"{finding['code']}: {decision} by {reviewer}"
    cancel_decision()


# --- clauses ------------------------------------------------------------------------------

def clause_view(view: ReportView, outcome: Outcome) -> None:
    """The draft's tree, one provision's text with the evidence, and the treaty beside it."""
    if not view.rows:
        st.info(L.say("The draft has no provisions to show."))
        return
    if st.session_state.get("clause") not in view.rows:
        st.session_state["clause"] = first_clause(view)
    tree, text, treaty = st.columns([1.05, 1.7, 1.45], gap="medium")
    with tree:
        st.selectbox(L.say("Provision"), list(view.rows), key="clause", persist_state="session",
                     format_func=lambda eid: provision_option(view, eid))
        provision_tree(view, st.session_state["clause"])
    eid = st.session_state["clause"]
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
            title = f"{MARK_SYMBOL[container.subtree_mark]} {L.md(container.title)}" if container else "Provisions"
            with st.expander(title, expanded=opened) if container else st.container():
                for row in articles:
                    tree_button(view, row, current, 0)
                    if row.eid == article:
                        for unit in view.subtree(row.eid)[1:]:
                            tree_button(view, unit, current, unit.depth - row.depth)


def tree_button(view: ReportView, row: ProvisionRow, current: str, indent: int) -> None:
    st.button(f"{chr(0x2003) * indent}{MARK_SYMBOL[row.subtree_mark]} {L.md(row.title)}", key=f"tree-{row.eid}",
              type="primary" if row.eid == current else "tertiary", on_click=open_clause, args=(row.eid,),
              help=f"{row.eid}: {MARK_LABEL[row.subtree_mark]}")


def provision_text(view: ReportView, outcome: Outcome, eid: str) -> None:
    row = view.rows[eid]
    trail = " › ".join(a.title for a in view.ancestors(eid))
    if trail:
        st.caption(L.md(trail))
    st.markdown(f"### {L.md(row.title)}")
    st.caption(f"{L.md(view.cite(eid))} · {MARK_SYMBOL[row.subtree_mark]} {MARK_LABEL[row.subtree_mark]}",
               help=eid)
    st.html(units_html(view, outcome.check.analysis, eid))
    st.html(f'<div class="lc-legend">{legend_html()}</div>')
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
    if not view.served.get(eid):
        st.caption(L.say("Aligned through its article {article}.").format(article=L.md(view.cite(row.article))))
    here = {r.eid for r in view.subtree(eid)}
    ranked = sorted(served, key=lambda item: -item[1])
    for number, (requirement_id, score) in enumerate(ranked):
        requirement = view.requirements.get(requirement_id)
        if requirement:
            obligation_card(requirement, score, here, key=f"ob-{number}", expanded=number < 2)


def obligation_card(requirement: dict[str, Any], score: float, here: set[str], key: str, expanded: bool) -> None:
    label = (f"{L.STATUS_SYMBOL.get(requirement['status'], '')} {requirement['id']} · {L.md(requirement['title'])}"
             f" ({L.STATUS_LABEL.get(requirement['status'], '')})")
    with st.expander(label, expanded=expanded, key=key):
        st.markdown(f":gray[{L.md(requirement['summary'])}]")
        st.html(elements_html(requirement, here))
        if requirement.get("safeguards"):
            st.html(safeguards_html(requirement))
        article_button(requirement["id"], key=f"{key}-article")


# --- articles -----------------------------------------------------------------------------

def article_view(view: ReportView, outcome: Outcome) -> None:
    """One treaty article: its obligation, elements, safeguards, findings and the provisions
    aligned to it with their scores and evidence."""
    if st.session_state.get("article") not in view.requirements:
        st.session_state["article"] = first_article(view)
    requirement_id = st.selectbox(L.say("Treaty article"), list(view.requirements), key="article",
                                  persist_state="session",
                                  format_func=lambda rid: article_option(view, rid))
    requirement = view.requirements[requirement_id]
    st.html(f'<h2 class="lc-h2">{esc(requirement["id"])} · {esc(requirement["title"])} '
            f'{status_chip(requirement["status"])}</h2>')
    cites = ", ".join(L.treaty_cite(requirement, c) for c in requirement.get("cites", [])) or L.treaty_cite(requirement)
    kind = requirement["kind"].replace("_", " ")
    st.caption(f"{L.md(cites)} · {kind} · score {requirement.get('score', 0):.2f}")
    st.markdown(L.md(requirement["summary"]))
    left, right = st.columns([1, 1], gap="large")
    with left:
        st.markdown("#### Elements")
        st.html(elements_html(requirement))
        if requirement.get("safeguards"):
            st.html(safeguards_html(requirement))
        related_articles(view, requirement_id)
    with right:
        article_findings(view, requirement_id)
    aligned_provisions(view, outcome, requirement)


def article_option(view: ReportView, requirement_id: str) -> str:
    requirement = view.requirements[requirement_id]
    return f"{L.STATUS_SYMBOL.get(requirement['status'], '')} {requirement_id} · {requirement['title']}"


def related_articles(view: ReportView, requirement_id: str) -> None:
    """Links from the rule book (subject to, depends on, mirrors) to articles in the report."""
    rule = rulebook().get(requirement_id) if requirement_id in rulebook() else None
    if rule is None:
        return
    links = [(kind, target) for kind, targets in (("subject to", rule.subject_to), ("depends on", rule.depends_on),
                                                  ("mirrors", rule.mirrors))
             for target in targets if target in view.requirements]
    if links:
        st.markdown("#### Related articles")
        with st.container(horizontal=True, gap="small"):
            for kind, target in links:
                st.button(f"{kind} {target}", key=f"rel-{kind}-{target}", on_click=open_article, args=(target,))


def article_findings(view: ReportView, requirement_id: str) -> None:
    found = view.by_requirement.get(requirement_id, [])
    st.markdown(f"#### Findings ({len(found)})")
    if not found:
        st.caption(L.say("None: the engine found nothing to change for this article."))
    for index in found:
        finding_card(view, index, "article")


def aligned_provisions(view: ReportView, outcome: Outcome, requirement: dict[str, Any]) -> None:
    provisions = requirement.get("provisions", [])
    st.markdown(f"#### Provisions of the draft aligned to {requirement['id']} ({len(provisions)})")
    if not provisions:
        st.info(L.say("No provision of the draft implements this article."))
    for number, provision in enumerate(provisions):
        eid = provision["eId"]
        evidence = ", ".join(f"“{e}”" for e in provision.get("evidence", []))
        cite = provision.get("label") or view.cite(eid)
        with st.expander(f"{cite} · {evidence}", expanded=number == 0):
            if eid in view.rows:
                st.html(units_html(view, outcome.check.analysis, eid, limit=30))
                clause_button(eid, key=f"al-open-{number}-{eid}", cite=cite)


# --- versions -----------------------------------------------------------------------------

def versions_view(view: ReportView, comparison: Comparison | None) -> None:
    """What a second version or an amending act does: conformance first, then the text,
    then the amending instructions that could not be applied."""
    if comparison is None or comparison.diff is None:
        st.info("Upload a later version of this draft, or an amending act, under **Compare with another version** "
                "in the sidebar. This view then shows what it changes in conformance (findings added and "
                "resolved, safeguards lost or gained), then in the text, word by word.", icon=":material/difference:")
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
        st.markdown(f"### {L.md(old['source'])} as amended by {L.md(amendment['source'])}")
    else:
        st.markdown(f"### {L.md(old['source'])} → {L.md(new['source'])}")
    if amendment is not None:
        st.caption(f"{L.md(amendment['source'])} is an amending act: {len(amendment['applied'])} instruction(s) "
                   f"applied to {L.md(old['source'])}, and the consolidated text compared with it.")
    else:
        st.caption(f"{L.md(old['title'])} ({old['provisions']} provisions) → {L.md(new['title'])} "
                   f"({new['provisions']} provisions)")
    if amendment and amendment["problems"]:
        st.warning(f"{len(amendment['problems'])} amending instruction(s) could not be applied: they are listed at "
                   "the end of this view, and the consolidated text lacks them.", icon=":material/warning:")
    stem = file_stem(diff)
    with st.container(horizontal=True, gap="small"):
        st.download_button("Diff as HTML", data=lambda: render_diff(diff, "html"), file_name=f"{stem}.diff.html",
                           mime="text/html", on_click="ignore", key="dl_diff_html", icon=":material/html:")
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
                      delta=f"{summary['high_findings_added']} high severity")
    columns[1].metric(L.say("Resolved findings"), summary["findings_resolved"])
    columns[2].metric("Safeguards lost", lost, delta=f"{len(diff['safeguards']) - lost} gained",
                      delta_color="off", delta_arrow="off")
    columns[3].metric(L.say("Articles changed status"), summary["requirements_changed"])
    columns[4].metric(L.say("Provisions changed"), summary["provisions_changed"],
                      delta=f"{summary['provisions_added']} added, {summary['provisions_removed']} removed",
                      delta_color="off", delta_arrow="off")


def diff_conformance(view: ReportView, diff: dict[str, Any]) -> None:
    st.subheader(L.say("What the change does to conformance"))
    findings = diff["findings"]
    if not (findings["added"] or findings["resolved"] or diff["requirements"] or diff["safeguards"]):
        st.success("No change in conformance: no finding added or resolved, no status or safeguard changed.")
        return
    if diff["safeguards"]:
        st.markdown(f"#### Safeguards that changed ({len(diff['safeguards'])})")
        titles = {rid: requirement["title"] for rid, requirement in view.requirements.items()}
        st.html(safeguard_changes_html(diff["safeguards"], titles))
    if findings["added"]:
        st.markdown("#### " + L.say("New findings ({count})").format(count=len(findings["added"])))
        for number, finding in enumerate(findings["added"]):
            diff_finding_card(view, finding, f"finding-new-{finding['category']}-{number}")
    if diff["requirements"]:
        st.markdown(f"#### Treaty articles whose status changed ({len(diff['requirements'])})")
        st.html(status_changes_html(diff["requirements"]))
    if findings["resolved"]:
        with st.expander(L.say("Resolved findings ({count})").format(count=len(findings["resolved"])),
                         expanded=len(findings["resolved"]) <= 3):
            for number, finding in enumerate(findings["resolved"]):
                diff_finding_card(view, finding, f"resolved-{number}")


def diff_finding_card(view: ReportView, finding: dict[str, Any], key: str) -> None:
    """A finding of one version: what, where (eIds of that version), what to change."""
    requirement = view.requirements.get(finding.get("requirement", ""))
    with st.container(border=True, key=key):
        title = f" · {finding['requirement']} {L.md(requirement['title'])}" if requirement else ""
        st.markdown(f"{L.SEVERITY_BADGE[finding['severity']]} **{L.CATEGORY_LABEL[finding['category']]}**{title}")
        st.markdown(L.md(finding["message"]))
        if finding.get("help"):
            st.markdown(f"**What to change:** {L.md(finding['help'])}")
        details = [f"Treaty: {L.md(finding['cites'])}"] if finding.get("cites") else []
        if finding.get("provisions"):
            details.append("In " + ", ".join(f"`{eid}`" for eid in finding["provisions"]))
        details.append(f"Code: `{finding['code']}`")
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
    for kind, title in (("added", "Added provisions"), ("removed", "Removed provisions")):
        if texts[kind]:
            st.markdown(f"#### {title} ({len(texts[kind])})")
            st.html(provisions_html(texts[kind], kind))
    renumbered = diff["provisions"]["renumbered"]
    if renumbered:
        with st.expander(f"Renumbered provisions ({len(renumbered)})"):
            st.html(renumbered_html(renumbered))


def diff_problems(diff: dict[str, Any]) -> None:
    amendment = diff.get("amendment")
    if not amendment or not amendment["problems"]:
        return
    st.subheader(f"Amending instructions not applied ({len(amendment['problems'])})")
    st.caption("lawcheck applies every instruction it can and skips none silently: these it could not apply, "
               "so the comparison above does not include them. Check each against the base act.")
    st.html(problems_html(amendment["problems"]))


# --- rule graph ---------------------------------------------------------------------------

def graph_view(view: ReportView) -> None:
    """The requirement graph, coloured by the draft's statuses."""
    modes = {"safeguards": "Powers and their safeguards", "dependencies": "All articles and their dependencies"}
    a, b = st.columns([1.4, 1])
    mode = a.radio("Picture", list(modes), format_func=modes.get, horizontal=True, key="graph_mode",
                   persist_state="session")
    options = ["", *view.requirements]
    focus = b.selectbox("Focus on", options, key="graph_focus", persist_state="session",
                        format_func=lambda rid: f"{rid} · {view.requirements[rid]['title']}" if rid else "Everything")
    st.graphviz_chart(rule_graph_dot(view.report, rule_graph(), mode, focus or None), width="stretch")
    st.html(f'<div class="lc-legend">{status_legend()}</div>')


# --- page ---------------------------------------------------------------------------------

def inject_style() -> None:
    st.html(f"<style>{STYLE.read_text(encoding='utf-8')}</style>")


def scroll_to_top() -> None:
    """After a navigation button, scroll Streamlit's main pane to the top (once: the script
    carries the navigation count, so each navigation is a new element that runs again)."""
    count = st.session_state.get("_scroll", 0)
    if count and st.session_state.get("_scrolled") != count:
        st.session_state["_scrolled"] = count
        with st.sidebar:
            st.html(f'<script data-n="{count}">document.querySelector(\'[data-testid="stMain"]\')'
                    "?.scrollTo({top: 0});</script>", unsafe_allow_javascript=True)


def saved_toast() -> None:
    """Confirm a decision once, on the rerun after it was saved."""
    message = st.session_state.pop("_saved", None)
    if message:
        st.toast(f"Decision saved: {message}", icon=":material/check_circle:")


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
    tabs = st.tabs(list(VIEWS), key="view", bind="query-params")
    for tab, name in zip(tabs, VIEWS, strict=True):
        if tab.open:
            with tab:
                renderers[name]()


def main() -> None:
    st.set_page_config(page_title="lawcheck", page_icon="⚖️", layout="wide")
    inject_style()
    L.set_language(st.session_state.get("_page_lang", "en"))
    source, lang, instruments, ui_lang = sidebar_inputs()
    request, outcome, error = resolve(source, lang, instruments, ui_lang)
    if outcome.view is None:
        st.error(error or "lawcheck could not check the draft.")
        return
    page_lang = outcome.view.document.get("ui_language", "en")
    if page_lang != st.session_state.get("_page_lang", "en"):
        st.session_state["_page_lang"] = page_lang  # the sidebar above was drawn in the old language
        st.rerun()
    view, database, review_error = reviewed(request, outcome)
    comparison, compare_error = resolve_comparison(request, outcome)
    sidebar_export(request, view, outcome.check.analysis)
    sidebar_decisions(view, database, review_error)
    sidebar_legend()
    scroll_to_top()
    saved_toast()
    header(request, view, error, compare_error)
    render_views(view, outcome, comparison)


main()
