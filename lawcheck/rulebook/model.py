"""Requirements, elements and cases as loaded from `rules/`."""

from __future__ import annotations

from dataclasses import dataclass, field

Group = tuple[str, ...]  # alternatives: any concept of the group will do


@dataclass(frozen=True)
class Limit:
    max: str | None = None  # ISO 8601 durations
    min: str | None = None
    deadline: bool = False  # a time to act ("within twenty days"), not how long a measure lasts


@dataclass(frozen=True)
class Suggestion:
    """Wording a finding proposes, per language: `{authority}`, `{period}` and `{power}` are
    filled from the draft."""

    action: str  # insert | replace
    en: str
    ru: str

    def text_in(self, lang: str) -> str:
        return self.ru if lang == "ru" else self.en


@dataclass(frozen=True)
class Element:
    id: str
    check: str
    cites: str
    concepts: tuple[Group, ...]
    severity: str
    message: str
    help: str
    limit: Limit | None = None
    force: str = "obligation"  # obligation | option | good_practice
    basis: tuple[str, ...] = ()  # sources beyond the treaty paragraph it cites
    message_ru: str = ""
    help_ru: str = ""
    suggestion: Suggestion | None = None
    unless: tuple[Group, ...] = ()  # absence: a clause that also states these is not a conflict
    only_with: str | None = None  # the reservation or declaration under which alone it applies
    compare_with: str | None = None  # offence_range: the requirement whose offence range it may not narrow
    anywhere: tuple[Group, ...] = ()  # presence: also met by a provision anywhere that states these with it

    @property
    def severity_for_force(self) -> str:
        """An option of the treaty is never a high finding."""
        return "low" if self.force == "option" and self.severity == "high" else self.severity

    def message_in(self, lang: str) -> str:
        return self.message_ru if lang == "ru" and self.message_ru else self.message

    def help_in(self, lang: str) -> str:
        return self.help_ru if lang == "ru" and self.help_ru else self.help

    @property
    def concept_ids(self) -> set[str]:
        return {c for group in self.concepts + self.unless + self.anywhere for c in group}


@dataclass(frozen=True)
class Weight:
    """How much a gap weighs: its severity and the force of the rule behind it, and, for a
    safeguard of one power, what of it that power needs (`needs`: a production order is a
    one-off act, so its limits are of scope; no duration is asked of it)."""

    severity: str
    force: str
    needs: tuple[Group, ...] = ()


@dataclass(frozen=True)
class Expectation:
    """Who should authorise a measure on this kind of data, and what a lower authority or an
    unvalidated urgency exception weighs (absent: no finding)."""

    expects: str  # the lowest authority level that suffices
    below: dict[str, Weight]  # by the level that actually authorises
    urgency: Weight | None = None


@dataclass(frozen=True)
class UrgencyValidation:
    """How soon a judge must review a measure an officer took in urgency, and what falls short
    (Art. 15 read with Zakharov § 266): stated once, in the Article 15 rule file."""

    prompt: str  # ISO 8601: a validation within it is prompt
    late: str  # severity of a later validation
    very_late_after: str  # ISO 8601: beyond it the validation is very late
    very_late: str  # severity of a very late validation
    refusal_effect: Weight  # for the most intrusive powers: a validation that changes nothing on refusal
    basis: tuple[str, ...]


@dataclass(frozen=True)
class Supervision:
    """The graduated reading of Article 15 for one power (see docs/article15.md)."""

    data: str  # the data the power reaches by default
    default: Expectation
    by_data: dict[str, Expectation]
    safeguards: dict[str, Weight]  # the other Art. 15 safeguards, weighed for this power
    basis: tuple[str, ...]
    note: str
    unstated: Weight | None = None  # the text does not say who authorises the power

    def expectation(self, data: str) -> Expectation:
        return self.by_data.get(data, self.default)


@dataclass(frozen=True)
class Option:
    """A reservation or declaration the treaty permits for this article."""

    id: str
    cites: str
    basis: str
    summary: str
    relaxes: tuple[str, ...] = ()
    summary_ru: str = ""

    def summary_in(self, lang: str) -> str:
        return self.summary_ru if lang == "ru" and self.summary_ru else self.summary


@dataclass(frozen=True)
class Case:
    lang: str
    expect: str  # "pass" or "fire"
    text: str
    elements: dict[str, str] = field(default_factory=dict)
    safeguards: dict[str, str] = field(default_factory=dict)
    xfail: str | None = None
    line: int | None = None
    supervision_gaps: tuple[str, ...] | None = None  # Art. 15 gaps expected (lawcheck.engine.supervision)
    options: tuple[str, ...] = ()  # reservations and declarations the Party makes in this case


@dataclass(frozen=True)
class Requirement:
    id: str
    instrument: str
    article: str
    title: str
    kind: str
    summary: str
    cites: tuple[str, ...]
    align: tuple[Group, ...]
    elements: tuple[Element, ...]
    safeguards: tuple[str, ...]
    subject_to: tuple[str, ...]
    depends_on: tuple[str, ...]
    mirrors: tuple[str, ...]
    reservations: tuple[Option, ...]
    declarations: tuple[Option, ...]
    source_note: str | None
    cases: tuple[Case, ...]
    path: str
    supervision: Supervision | None = None
    urgency_validation: UrgencyValidation | None = None  # BC-15 only
    # Groups an article states when it carries the requirement only in general terms (a request
    # for any procedural action): used where no article states `align`, the elements then fail.
    general_align: tuple[Group, ...] = ()
    # Concepts that, named by an article's heading (and the article's own `align[0]` not), make
    # it another offence: computer-related fraud is committed by data interference, yet an
    # article headed "fraud" is no interference offence.
    titled_otherwise: tuple[str, ...] = ()
    # A measure taken without a request for mutual assistance (a direct request to a provider or
    # registrar, a foreign order given effect, an emergency disclosure): the article that carries
    # it is not the Convention's regime of assistance, though it names that request as a fallback.
    outside_assistance: bool = False
    title_ru: str = ""
    summary_ru: str = ""

    def title_in(self, lang: str) -> str:
        return self.title_ru if lang == "ru" and self.title_ru else self.title

    def summary_in(self, lang: str) -> str:
        return self.summary_ru if lang == "ru" and self.summary_ru else self.summary

    @property
    def number(self) -> int:
        return int(self.article)

    def element(self, element_id: str) -> Element:
        return next(e for e in self.elements if e.id == element_id)

    def switched_off(self, chosen: frozenset[str] | set[str] | tuple[str, ...]) -> set[str]:
        """Elements left out for a Party that made the `chosen` reservations and declarations:
        those an option relaxes, and those that apply only under an option it did not make."""
        relaxed = {element for option in self.reservations + self.declarations
                   if option.id in chosen for element in option.relaxes}
        return relaxed | {e.id for e in self.elements if e.only_with and e.only_with not in chosen}

    @property
    def concept_ids(self) -> set[str]:
        ids = {c for group in self.align + self.general_align for c in group} | set(self.titled_otherwise)
        for element in self.elements:
            ids |= element.concept_ids
        return ids
