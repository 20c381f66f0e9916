"""What the check covers, chosen in the sidebar as `lawcheck.toml` says it for the command line:
the groups of requirements assessed, requirements that do not apply to the State, the
reservations and declarations it makes (only those the treaty permits for each article), and
whether the draft is read as partial text (an amending act or an excerpt: what it does not
touch is not assessed). The choices are checked by `lawcheck.settings` as the file is."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import streamlit as st

from lawcheck.i18n import treaty_cite
from lawcheck.rulebook.model import Option, Requirement
from lawcheck.settings import SCOPES
from lawcheck.ui import labels as L
from lawcheck.ui import session as S
from lawcheck.ui.pages.common import localised, rulebook
from lawcheck.ui.source import Scoping

GROUP_LABEL = {"definitions": "Definitions", "offences": "Offences and jurisdiction",
               "procedural": "Procedural powers and safeguards", "cooperation": "International co-operation"}


def option_choices() -> dict[str, tuple[str, str, str]]:
    """"BC-6:reservation:partial_non_application" -> (kind, requirement id, option id), for
    every reservation and declaration the treaties permit, in treaty order."""
    choices = {}
    for requirement in rulebook().requirements:
        for kind, options in (("reservation", requirement.reservations), ("declaration", requirement.declarations)):
            for option in options:
                choices[f"{requirement.id}:{kind}:{option.id}"] = (kind, requirement.id, option.id)
    return choices


def _option(key: str) -> tuple[str, Requirement, Option]:
    kind, requirement_id, option_id = option_choices()[key]
    requirement = rulebook().get(requirement_id)
    return kind, requirement, next(o for o in (*requirement.reservations, *requirement.declarations)
                                   if o.id == option_id)


def option_label(key: str, lang: str) -> str:
    """«BC-6 · оговорка, п. 3 ст. 6 ETS 185»: the article and the treaty paragraph that permits it."""
    kind, requirement, option = _option(key)
    word = L.say_in("reservation" if kind == "reservation" else "declaration", lang)
    return f"{requirement.id} · {word}, {treaty_cite(requirement.instrument, option.cites, lang)}"


def option_summary(key: str, lang: str) -> str:
    """What the reservation or declaration does, in the page's language."""
    return _option(key)[2].summary_in(lang)


def choice(label: str, options: list[str], key: str, format_func: Callable[[str], str], **kwargs: Any) -> list[str]:
    """A multiselect in the page's language whose choice survives a change of language."""
    return list(localised(st.multiselect, label, options, key, format_func, default=[], **kwargs) or [])


def sidebar_scoping() -> Scoping:
    """The scope controls, in an expander of the sidebar; the Scoping the check is made with."""
    lang = L.language()
    requirements = {r.id: r for r in rulebook().requirements}
    choices = option_choices()
    for key, valid in ((S.SCOPE_NA, requirements), (S.SCOPE_OPTIONS, choices), (S.SCOPE_GROUPS, SCOPES)):
        if key in st.session_state:  # never offer a value the rule files no longer have
            st.session_state[key] = [value for value in st.session_state[key] if value in valid]
    st.session_state.setdefault(S.SCOPE_GROUPS, list(SCOPES))
    changed = any(st.session_state.get(key) for key in (S.SCOPE_NA, S.SCOPE_OPTIONS, S.SCOPE_PARTIAL)) or \
        len(st.session_state[S.SCOPE_GROUPS]) != len(SCOPES)
    with st.sidebar, st.expander(L.say("Scope of the check"), icon=":material/tune:", expanded=changed,
                                 key="scope"):
        groups = choice(L.say("Parts of the treaties assessed"), list(SCOPES), key=S.SCOPE_GROUPS,
                                format_func=lambda group: L.say_in(GROUP_LABEL[group], lang),
                                help=L.say("Leave out what this draft does not set out to do: a code of "
                                           "criminal procedure need not define offences."))
        not_applicable = choice(
            L.say("Not applicable to this State"), list(requirements), key=S.SCOPE_NA,
            format_func=lambda rid: f"{rid} · {requirements[rid].title_in(lang)}",
            placeholder=L.say("Every article applies"),
            help=L.say("Articles that do not bind this State (for example the Protocol's, before it is ratified)."))
        options = choice(
            L.say("Reservations and declarations made"), list(choices), key=S.SCOPE_OPTIONS,
            format_func=lambda key: option_label(key, lang), placeholder=L.say("None"),
            help=L.say("Only those the treaty permits for each article; the elements they relax are not "
                       "required of the draft."))
        for key in options:
            st.caption(f"**{option_label(key, lang)}**: {option_summary(key, lang)}")
        partial = st.toggle(L.say("Check only what the draft touches"), key=S.SCOPE_PARTIAL,
                            help=L.say("For an amending act or an excerpt: an article it does not touch is not "
                                       "assessed, and a safeguard that may stand in the base text is a note, "
                                       "not a gap. An amending act is always read so."))
    chosen = [choices[key] for key in options]
    return Scoping(
        not_applicable=tuple(not_applicable),
        reservations=tuple((rid, oid) for kind, rid, oid in chosen if kind == "reservation"),
        declarations=tuple((rid, oid) for kind, rid, oid in chosen if kind == "declaration"),
        scope=tuple(group for group in SCOPES if group in groups) or tuple(SCOPES),
        partial_text=bool(partial))
