"""Provision roles: what an article does, decided before it is aligned to any requirement.

Shared words are not enough to align an article: an offence named after a measure ("illegal
interception") is not the power to intercept, and a foreign-request section is not a domestic
power. Each article gets one role:

| role        | drafted as                                                              |
| definition  | an interpretation section (most units define a term)                    |
| offence     | penal wording ("commits an offence", «наказывается») or a rule of       |
|             | liability (attempt, complicity) carries the article                     |
| administrative | an offence with an administrative penalty, or in a code of           |
|             | administrative offences, and no imprisonment                            |
| cooperation | it speaks of a foreign State, a request or assistance                   |
| power       | an authority makes an order, or the article grants a measure            |
| other       | none of these carries it (general rules, scope, duties, liability of    |
|             | intermediaries, regulations)                                            |

The cues are weighed where a lawyer looks for them: the article's heading first, then the
headings of its Part or Chapter and the Act's title, then the share of its units that carry
each cue. A Part titled after crimes makes offences only of the articles with a penal cue of
their own: its jurisdiction or forfeiture sections are not offences. A single mention does not
decide: a penalty for disobeying an order does not make a power an offence, and a court order
mentioned in a liability exemption does not make it a power. A heading that names a foreign
State or a request decides for co-operation: a foreign request for search is co-operation, not
a domestic search.

Each requirement kind accepts some roles (`ACCEPTS`): offences align to offences and general
rules, domestic powers to powers and general rules, co-operation to co-operation and to powers
that also serve foreign requests.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from lawcheck.concepts.tagger import Tagged
from lawcheck.engine.units import Unit
from lawcheck.rulebook.model import Requirement

ROLES = ("definition", "preliminary", "offence", "administrative", "cooperation", "power", "other")
ADMINISTRATIVE = ("administrative_offence",)
CUSTODIAL = ("custodial_sanction",)
PENAL = ("offence_clause", "custodial_sanction", "monetary_sanction")
SANCTIONS = ("custodial_sanction", "monetary_sanction")  # a penalty, not a mere mention of an offence
PUNISHES = (*SANCTIONS, "offence_clause")  # a penalty, or "commits an offence", "shall be punished"
LIABILITY = ("attempt", "aiding_abetting", "criminal_offence")  # in a heading: a rule of liability
PROHIBITION = ("prohibition_clause",)  # "No person shall ...": a rule for everyone, not a power
UNLAWFUL = ("without_right",)  # "Unauthorised access", «Неправомерный доступ»: a heading naming an offence
AUTHORITIES = ("investigator", "court", "prosecutor", "court_authorisation", "judicial_order",
               "prosecutor_authorisation", "competent_authority", "executive_authority")
ORDERS = ("order", "production_order", "search", "seizure", "preservation", "interception",
          "real_time_collection")
MEASURES = tuple(c for c in ORDERS if c != "order")  # the measures themselves, without the word "order"
FOREIGN = ("foreign_party", "mla_request", "mutual_legal_assistance", "central_authority",
           "extradition", "international_cooperation")
REQUESTS = ("request",)  # in a heading under a Part on co-operation: a foreign request
AUTHORISATIONS = ("court_authorisation", "judicial_order", "prosecutor_authorisation")
PRELIMINARY = ("preliminary_heading",)  # "Short title", "Objectives", «Задачи настоящего Кодекса»
POWERS = ("powers_heading",)  # "Powers and functions of a cyber inspector", «Полномочия следователя»
NOT_ORDERS = ("subordinate_legislation", "ancillary_sanction")  # regulations, forfeiture on conviction: no measure
ACCEPTS: dict[str, frozenset[str]] = {
    "offence": frozenset({"offence", "other"}),
    "liability": frozenset({"offence", "other"}),
    "sanction": frozenset({"offence", "other"}),
    "procedural_power": frozenset({"power", "other"}),
    "scope": frozenset({"power", "other", "preliminary"}),
    "safeguards": frozenset({"power", "other"}),
    "cooperation": frozenset({"cooperation", "power", "other"}),
    "cooperation_power": frozenset({"cooperation", "power", "other"}),
    "general": frozenset({"cooperation", "power", "other", "preliminary"}),
    "data_protection": frozenset({"cooperation", "power", "other"}),
    "jurisdiction": frozenset({"offence", "other", "power", "preliminary"}),
    "definition": frozenset(ROLES),
}
"""The roles each kind of requirement accepts. An Act's preliminary articles (its title,
objectives, commencement) state its scope and reach and name the concepts it deals with: they
implement no offence, power or co-operation duty. The fine an article granting a power sets for
disobeying its order punishes disobedience, not a Convention offence: no sanction of Art. 13."""
# Weights of where a cue is found: the article's heading, its Part or Chapter, the Act's title,
# and the share of its units (0 to 1); an Act's title speaks only for co-operation, and as
# strongly as a foreign heading: in a mutual assistance Act each measure serves a request, even
# where its own heading names only the measure. So does the heading of a Part or Chapter on
# international co-operation: «Исполнение запросов об обыске» there executes foreign requests.
# A role needs DECISIVE in all to be chosen.
HEADING, CONTAINER, TITLE, SHARE = 3.0, 1.5, 5.0, 4.0
FOREIGN_HEADING = 5.0
MAIN_RULE = 2.0  # the article's opening rule makes conduct an offence
DECISIVE = 1.5


@dataclass(frozen=True)
class Framing:
    """The headings that frame an article: its own, those of its Part or Chapter, the Act's title."""

    heading: Tagged | None = None
    containers: tuple[Tagged, ...] = ()
    title: Tagged | None = None

    def weight(self, concepts: tuple[str, ...], heading: float = HEADING, title: float = 0.0,
               container: float = CONTAINER) -> float:
        """How strongly the framing headings name one of the concepts."""
        return heading * (self.heading is not None and self.heading.has(concepts)) \
            + container * any(c.has(concepts) for c in self.containers) \
            + title * (self.title is not None and self.title.has(concepts))

    def heads_a_foreign_request(self) -> bool:
        """Whether the heading names a request and a Part or Chapter above, or the Act, speaks
        of co-operation: «Запросы о сборе данных о трафике» in a Chapter on legal assistance
        are requests from abroad, though the article names no foreign State."""
        around = [*self.containers, *([self.title] if self.title is not None else [])]
        return self.heading is not None and self.heading.has(REQUESTS) and any(h.has(FOREIGN) for h in around)


def _ordering(unit: Unit) -> float:
    """An authority makes an order or authorises a measure (1), or a measure is granted
    without naming who (0.5)."""
    if unit.tagged.has(NOT_ORDERS):
        return 0.0
    if unit.tagged.has(AUTHORISATIONS) or (unit.tagged.has(ORDERS) and unit.tagged.has(AUTHORITIES)):
        return 1.0
    return 0.5 if unit.tagged.has(ORDERS) else 0.0


def _opens_with_offence(units: Sequence[Unit]) -> bool:
    """Whether the rule an article opens with (its own words, else its first part, with the
    items that finish its sentence) makes conduct an offence: drafting states the offence
    first and its exceptions after ("Every person who intercepts ... is guilty of (a) an
    indictable offence ...; (2) Subsection (1) does not apply to a person who holds an
    authorization")."""
    main = units[1] if len(units) > 1 and not units[0].tagged.has(SANCTIONS) else units[0]
    if _ordering(main) == 1.0:  # "a judge may issue a warrant ... for an offence punishable by five years"
        return False
    if main.tagged.has(PROHIBITION):  # "No person shall intercept ...", its penalty further down
        return any(u.tagged.has(SANCTIONS) for u in units)
    # "Whoever ... intercepts ... shall be punished as provided in the Schedule": the penalty
    # may stand elsewhere, the rule still punishes
    return any(u.tagged.has(PUNISHES) for u in units if u is main or (u.context and u.context[0] is main))


def _offence_weight(framing: Framing, own: float) -> float:
    """How strongly the article reads as an offence. A Part or an Act titled after crimes frames
    only the articles that carry a penal cue themselves, in their heading or their text: its
    jurisdiction, forfeiture or evidence sections are not offences."""
    cues = PENAL + LIABILITY + UNLAWFUL
    if not own and not (framing.heading is not None and framing.heading.has(cues)):
        return 0.0
    return framing.weight(cues) + own


def role_of(units: Sequence[Unit], defines: bool, framing: Framing = Framing()) -> str:
    """The role of an article from its units (its own text first, then its parts) and the
    headings that frame it."""
    if defines:
        return "definition"
    if framing.heading is not None and framing.heading.has(PRELIMINARY):
        return "preliminary"
    spoken = [u for u in units if u.tagged.matches]
    share = SHARE / len(spoken) if spoken else 0.0
    offence_first = _opens_with_offence(units)
    scores = {
        "cooperation": framing.weight(FOREIGN, FOREIGN_HEADING, TITLE, TITLE)
        + FOREIGN_HEADING * framing.heads_a_foreign_request()
        + share * sum(u.tagged.has(FOREIGN) for u in spoken),
        "offence": _offence_weight(framing, share * sum(u.tagged.has(PENAL) for u in spoken))
        + MAIN_RULE * offence_first,
        # an article that opens with an offence names the conduct in its heading ("Interception")
        # and in its items, where a measure's name without an authority is conduct, not an order
        "power": framing.weight(ORDERS + POWERS, 0.0 if offence_first else HEADING)
        + share * sum(o for o in map(_ordering, spoken) if not offence_first or o == 1.0),
    }
    role, score = max(scores.items(), key=lambda item: item[1])
    if role == "offence" and _administrative(units, framing):
        return "administrative"
    return role if score >= DECISIVE else "other"


def _administrative(units: Sequence[Unit], framing: Framing) -> bool:
    """An offence with an administrative penalty («влечет наложение административного штрафа», a
    civil penalty), or in a code of administrative offences, and no imprisonment: not the
    criminal offence Arts 2 to 11 require (Art. 12(3) lets a legal person's liability be
    administrative)."""
    stated = any(u.tagged.has(ADMINISTRATIVE) for u in units) or framing.weight(ADMINISTRATIVE, title=1.0) > 0
    return stated and not any(u.tagged.has(CUSTODIAL) for u in units)


LEGAL_PERSONS = ("legal_person",)
"""Art. 12(3): a legal person's liability may be administrative."""


def accepts(requirement: Requirement, role: str, concepts: frozenset[str] = frozenset()) -> bool:
    """Whether an article of this role (stating these concepts) may implement the requirement.
    The Second Protocol's powers (Arts 6-7) are themselves cross-border, so they also take
    co-operation articles; the liability of legal persons takes administrative ones."""
    if requirement.instrument == "SP" and role == "cooperation":
        return True
    if role == "administrative" and requirement.kind == "liability":
        return not concepts.isdisjoint(LEGAL_PERSONS)
    return role in ACCEPTS.get(requirement.kind, frozenset(ROLES))
