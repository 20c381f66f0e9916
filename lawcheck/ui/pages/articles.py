"""The Articles view: one treaty article, its elements and safeguards, findings and the
provisions aligned to it."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import streamlit as st

from lawcheck.ui import labels as L
from lawcheck.ui import session as S
from lawcheck.ui.fragments import elements_html, esc, safeguards_html, status_chip, units_html
from lawcheck.ui.model import ReportView, first_article
from lawcheck.ui.pages.common import clause_button, localised, open_article, rulebook
from lawcheck.ui.pages.findings import finding_card
from lawcheck.ui.source import Outcome

KIND_LABEL = {"definition": "definition", "offence": "offence", "liability": "corporate liability",
              "sanction": "sanctions", "jurisdiction": "jurisdiction", "scope": "scope of procedural provisions",
              "procedural_power": "procedural power", "safeguards": "conditions and safeguards",
              "data_protection": "protection of personal data", "cooperation": "international co-operation",
              "cooperation_power": "co-operation measure", "general": "general principles"}

# --- articles -----------------------------------------------------------------------------

def article_view(view: ReportView, outcome: Outcome) -> None:
    """One treaty article: its obligation, elements, safeguards, findings and the provisions
    aligned to it with their scores and evidence."""
    if st.session_state.get(S.ARTICLE) not in view.requirements:
        st.session_state[S.ARTICLE] = first_article(view)
    requirement_id = localised(st.selectbox, L.say("Treaty article"), list(view.requirements), S.ARTICLE,
                               lambda rid: article_option(view, rid))
    requirement = view.requirements[requirement_id]
    st.html(f'<h2 class="lc-h2">{esc(requirement["id"])} · {esc(requirement["title"])} '
            f'{status_chip(requirement["status"])}</h2>')
    cites = ", ".join(L.treaty_cite(requirement, c) for c in requirement.get("cites", [])) or L.treaty_cite(requirement)
    kind = L.say(KIND_LABEL.get(requirement["kind"], "Obligation"))
    st.caption(f"{L.md(cites)} · {kind}")
    st.markdown(L.md(requirement["summary"]))
    left, right = st.columns([1, 1], gap="large")
    with left:
        st.markdown("#### " + L.say("What the article requires, element by element"))
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
        st.markdown("#### " + L.say("Related articles"))
        with st.container(horizontal=True, gap="small"):
            for kind, target in links:
                st.button(L.say(f"{kind} {{id}}").format(id=target), key=f"rel-{kind}-{target}", on_click=open_article,
                          args=(target,), help=view.requirements[target]["title"])


def article_findings(view: ReportView, requirement_id: str) -> None:
    found = view.by_requirement.get(requirement_id, [])
    st.markdown("#### " + L.say("Findings ({count})").format(count=len(found)))
    if not found:
        st.caption(L.say("None: the engine found nothing to change for this article."))
    for index in found:
        finding_card(view, index, "article")


def aligned_provisions(view: ReportView, outcome: Outcome, requirement: Mapping[str, Any]) -> None:
    provisions = requirement.get("provisions", [])
    st.markdown("#### " + L.say("Provisions of the draft aligned to {id} ({count})").format(
        id=requirement["id"], count=len(provisions)))
    if not provisions:
        st.info(L.say("No provision of the draft implements this article."))
    for number, provision in enumerate(provisions):
        eid = provision["eId"]
        quote = ("«", "»") if L.language() == "ru" else ("“", "”")
        evidence = ", ".join(f"{quote[0]}{e}{quote[1]}" for e in provision.get("evidence", []))
        cite = provision.get("label") or view.cite(eid)
        with st.expander(f"{cite} · {evidence}", expanded=number == 0):
            if eid in view.rows:
                st.html(units_html(view, outcome.analysis, eid, limit=30))
                clause_button(eid, key=f"al-open-{number}-{eid}", cite=cite)
