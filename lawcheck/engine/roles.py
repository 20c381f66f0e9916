"""Provision roles: what an article does, decided before it is aligned to any requirement.

Shared words are not enough to align an article: an offence named after a measure ("illegal
interception") is not the power to intercept, and a foreign-request section is not a domestic
power. Each article gets one role from the way it is drafted:

| role        | drafted as                                                             |
| definition  | an interpretation section (most units define a term)                   |
| offence     | more of its units carry penal wording ("commits an offence",          |
|             | «наказывается») than name an authority making an order                |
| cooperation | most of its units speak of a foreign State, a request or assistance    |
| power       | an authority (judge, prosecutor, investigator) makes an order          |
| other       | none of these (general rules, scope, duties)                           |

Each requirement kind accepts some roles (`ACCEPTS`): offences align to offences and general
rules, domestic powers to powers and general rules, co-operation to co-operation and to powers
that also serve foreign requests.
"""

from __future__ import annotations

from collections.abc import Sequence

from lawcheck.engine.units import Unit
from lawcheck.rulebook.model import Requirement

ROLES = ("definition", "offence", "cooperation", "power", "other")
PENAL = ("offence_clause", "custodial_sanction", "monetary_sanction")
AUTHORITIES = ("investigator", "court", "prosecutor", "court_authorisation", "judicial_order",
               "prosecutor_authorisation", "competent_authority", "executive_authority")
ORDERS = ("order", "production_order", "search", "seizure", "preservation", "interception",
          "real_time_collection")
FOREIGN = ("foreign_party", "mla_request", "mutual_legal_assistance", "central_authority",
           "extradition", "international_cooperation")
ACCEPTS: dict[str, frozenset[str]] = {
    "offence": frozenset({"offence", "other"}),
    "liability": frozenset({"offence", "other"}),
    "sanction": frozenset({"offence", "other", "power"}),
    "procedural_power": frozenset({"power", "other"}),
    "scope": frozenset({"power", "other", "offence"}),
    "safeguards": frozenset({"power", "other"}),
    "cooperation": frozenset({"cooperation", "power", "other"}),
    "cooperation_power": frozenset({"cooperation", "power", "other"}),
    "general": frozenset({"cooperation", "power", "other"}),
    "data_protection": frozenset({"cooperation", "power", "other"}),
    "jurisdiction": frozenset({"offence", "other", "power"}),
    "definition": frozenset(ROLES),
}


def role_of(units: Sequence[Unit], defines: bool) -> str:
    """The role of an article from its units (its own text first, then its parts)."""
    if defines:
        return "definition"
    spoken = [u for u in units if u.tagged.matches]
    if not spoken:
        return "other"
    penal = sum(u.tagged.has(PENAL) for u in spoken)
    ordering = sum(u.tagged.has(AUTHORITIES) and u.tagged.has(ORDERS) for u in spoken)
    foreign = sum(u.tagged.has(FOREIGN) for u in spoken)
    if foreign * 2 >= len(spoken):
        return "cooperation"
    if penal > ordering:  # a penalty for disobeying an order does not make a power an offence
        return "offence"
    if ordering:
        return "power"
    return "other"


def accepts(requirement: Requirement, role: str) -> bool:
    """Whether an article of this role may implement the requirement. The Second Protocol's
    powers (Arts 6-7) are themselves cross-border, so they also take co-operation articles."""
    if requirement.instrument == "SP" and role == "cooperation":
        return True
    return role in ACCEPTS.get(requirement.kind, frozenset(ROLES))
