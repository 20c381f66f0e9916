"""Who authorises a power, read the way a reviewer reads Article 15 (docs/article15.md).

A judge named somewhere in an article is not enough. Each sentence that mentions an
authority plays a role: it grants the power (and then its authority is the authoriser),
relaxes the ordinary route in urgency («без решения суда», "without a warrant"), validates
such an exception afterwards, extends a measure, is a fallback when the order fails, offers
a remedy, or merely notifies. Only granting sentences decide who authorises; exceptions are
recorded with their authority, period and validation. Rules for a whole chapter or Act count
for a power only when their words reach its article ("under this section" stays local).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, replace
from functools import lru_cache

from lawcheck.concepts.language import russian_case
from lawcheck.concepts.lexicon import load_lexicon
from lawcheck.concepts.numbers import iso_days
from lawcheck.concepts.tagger import ConceptMatch, Tagged, find_cues
from lawcheck.engine.roles import MEASURES
from lawcheck.engine.units import Unit
from lawcheck.rulebook.model import Expectation, Supervision, UrgencyValidation, Weight
from lawcheck.rulebook.schema import AUTHORITY_LEVELS

JUDICIAL = ("court_authorisation", "judicial_order", "independent_oversight")
ACTORS = (("prosecutor_authorisation", "prosecutor"), ("prosecutor", "prosecutor"),
          ("investigator", "investigator"), ("executive_authority", "executive"))
EXECUTES_REACH = 6  # "a warrant authorizing a peace officer": the officer acts under another's order
OF_REACH = 4  # words from an order to the authority named after it ("order of a police officer")
APPLICANT_REACH = 6  # words from "application" to the applicant ("on an application made by the police")
_SEVERITY_RANK = {"low": 1, "medium": 2, "high": 3}
_SENTENCE_END = re.compile(r"(?<=[.;])\s+")
_LOCAL = re.compile(r"\b(this|the present) (section|article|subsection)\b|настоящ\w* стать", re.I)
_CONTAINER = re.compile(r"\b(this|the present) (part|chapter|division|title|subpart)\b"
                        r"|настоящ\w* (глав|част\w* (?:особенной|общей)|раздел)", re.I)
# "the requirements of section 5", «требований части третьей статьи 94-1»: rules, not an order
_RULE_REFERENCE = re.compile(r"\s+(?:of\s+(?:the\s+)?)?(?:section|subsection|article|part|chapter|"
                             r"стать|част|пункт|глав)", re.I)
# "with the authorisation provided for in section 12", "a warrant issued under section 12",
# «в порядке, предусмотренном статьей 7»: an order made where another article says
_MADE_ELSEWHERE = re.compile(r"\s+(?:(?:provided for|referred to|issued|granted|given|made)\s+(?:in|under|by)|"
                             r"under|in accordance with|pursuant to|предусмотренн\w*|указанн\w*)\s+"
                             r"(?:the\s+)?(?:section|article|part|chapter|стать|част|глав)", re.I)
_INTRO_MARKS = ("—", "–", ":", "-")
ANCILLARY = ("compel_assistance",)
"""An order to those who know the system to help the search (Art. 19(4)) is not the grant of the
search: the officer who may demand that help does not thereby decide on the search."""


@dataclass(frozen=True)
class Validation:
    """Who confirms an urgent measure afterwards, how soon, and what follows a refusal."""

    by: str | None
    within: str | None  # ISO 8601
    on_refusal: tuple[str, ...]  # stop | destroy | exclude


@dataclass(frozen=True)
class PowerException:
    """A clause that lets the power be used without the ordinary authoriser."""

    eid: str
    marker: str  # the words that make it an exception
    authority: str | None  # who may act instead
    level: str | None
    period: str | None  # how long the urgent measure may last, ISO 8601
    validation: Validation | None
    data: str


@dataclass(frozen=True)
class Grant:
    """A sentence that grants the power, with the authority that authorises it."""

    eid: str
    level: str | None  # judicial | prosecutor | investigator | executive; None: not said
    words: str
    data: str
    exclusive: bool = False  # the sentence makes this the only route ("only on a judge's warrant")


@dataclass(frozen=True)
class Reading:
    status: str  # present | absent | unknown
    grants: tuple[Grant, ...]
    exceptions: tuple[PowerException, ...]

    @property
    def authorisers(self) -> tuple[Grant, ...]:
        return tuple(g for g in self.grants if g.level is not None)


@dataclass(frozen=True)
class Gap:
    """What the graduated model makes of a reading: a finding to report."""

    kind: str  # authority | unstated | urgency | validation_late | no_refusal_effect
    weight: Weight
    eids: tuple[str, ...]
    authority: str | None = None
    level: str | None = None
    period: str | None = None
    within: str | None = None


def _sentences(text: str) -> Iterator[tuple[int, int]]:
    start = 0
    for match in _SENTENCE_END.finditer(text):
        yield start, match.start()
        start = match.end()
    yield start, len(text)


def _data_of(concepts: set[str], default: str) -> str:
    """The strictest data category the words reach (Art. 18(3), 1(d); ER 2.3 of the model)."""
    if {"content_data", "interception"} & concepts:
        return "content"
    if {"traffic_data", "real_time_collection"} & concepts:
        return "traffic"
    if "subscriber_information" in concepts:
        return "subscriber"
    return default


def _rank(level: str | None) -> int:
    return AUTHORITY_LEVELS.index(level) if level in AUTHORITY_LEVELS else -1


@dataclass(frozen=True)
class _Sentence:
    eid: str
    text: str
    matches: tuple[ConceptMatch, ...]
    durations: tuple[tuple[str, str | None, int], ...]  # (iso, bound, start)
    recipients: frozenset[int] = frozenset()  # tokens of authorities an order is sent *to*
    full_text: str = ""  # the unit's text, which the matches' offsets index
    excepted_at: int | None = None  # where a clause excepting some measures begins
    elsewhere: frozenset[int] = frozenset()  # tokens of orders another article provides for
    applicants: frozenset[int] = frozenset()  # tokens of authorities that only ask for the order

    def has(self, *concepts: str) -> bool:
        return any(m.concept in concepts and not m.negated for m in self.matches)

    def judicial(self) -> list[ConceptMatch]:
        # "по постановлению следователя без решения суда" spans a judge it dispenses with
        dispensed = [m for m in self.matches if m.concept in (*JUDICIAL, "court") and m.negated]
        direct = [m for m in self.matches if m.concept in JUDICIAL and not m.negated
                  and not any(m.start <= d.start < m.end for d in dispensed) and m.first_token not in self.applicants]
        # "no such order shall be made except by a judge": the order is denied all but the judge
        excepting = any(m.concept == "order" and m.negated for m in self.matches) and self.exclusive()
        if direct or not (excepting or self.has("order", "request_role", "validation_role", "subsequent_review")):
            return direct
        return [m for m in self.matches if m.concept == "court" and not m.negated
                and m.first_token not in self.applicants]

    def exclusive(self) -> bool:
        """The sentence makes the authorisation the only or the prior route ("only where a judge
        has authorised it", "otherwise than by a judge", "before giving the notice", «только»,
        «с предварительного разрешения суда»)."""
        return self.has("sole_route", "effect_on_approval")

    def dispensed(self) -> list[ConceptMatch]:
        """Negated mentions of a judge or warrant: «без решения суда», "without a warrant"."""
        judicial = [m for m in self.matches if m.concept in (*JUDICIAL, "court") and m.negated]
        if judicial:
            return judicial
        return [m for m in self.matches if m.concept == "order" and m.negated and self.has("urgency")]

    def actors(self) -> list[tuple[str, ConceptMatch]]:
        return [(level, m) for concept, level in ACTORS for m in self.matches
                if m.concept == concept and not m.negated and m.first_token not in self.recipients]

    def within(self, match: ConceptMatch, concept: str) -> bool:
        """Whether the match overlaps a mention of the concept ("notify the judge" of "notify")."""
        return any(m.concept == concept and m.start < match.end and match.start < m.end for m in self.matches)


def _split(unit: Unit) -> list[_Sentence]:
    tagged = unit.tagged
    result = []
    for start, end in _sentences(tagged.text):
        matches = tuple(m for m in tagged.matches if start <= m.start < end
                        and not (m.concept == "order" and _RULE_REFERENCE.match(tagged.text, m.end)))
        durations = tuple((d.iso, d.bound, d.start) for d in tagged.durations if start <= d.start < end)
        requests = [m.end for m in matches if m.concept == "request_role"]
        applicants = frozenset(m.first_token for m in matches if _applicant(tagged, m.first_token, requests))
        recipients = applicants | {m.first_token for m in matches if _recipient(tagged, m.first_token)}
        elsewhere = frozenset(m.first_token for m in matches
                              if m.concept == "order" and _MADE_ELSEWHERE.match(tagged.text, m.end))
        at = exception_at(tagged, start, end)
        clause = _urgent_clause(at, matches)
        if clause is not None:  # "..., except in urgent cases, when the officer may begin ...": two rules
            result += [_Sentence(unit.eid, tagged.text[a:b], tuple(m for m in matches if a <= m.start < b),
                                 tuple(d for d in durations if a <= d[2] < b), recipients, tagged.text,
                                 elsewhere=elsewhere, applicants=applicants)
                       for a, b in ((start, clause), (clause, end))]
            continue
        result.append(_Sentence(unit.eid, tagged.text[start:end], matches, durations,
                                recipients, tagged.text, _excepting(at, matches), elsewhere,
                                applicants))
    return result


def exception_at(tagged: Tagged, start: int = 0, end: int | None = None) -> int | None:
    """Where, between `start` and `end`, a clause begins that takes something out of the rule
    before it: the language's exception cues ("except", "save", «за исключением»), or None."""
    tokens = tagged.tokens
    first = next((i for i, token in enumerate(tokens) if token.start >= start), len(tokens))
    stop = len(tagged.text) if end is None else end
    return next((tokens[i].start for i, _ in find_cues([t.lemma for t in tokens], load_lexicon(tagged.lang).exception,
                                                        first) if tokens[i].start < stop), None)


def _urgent_clause(at: int | None, matches: Sequence[ConceptMatch]) -> int | None:
    """Where a rule's exception for urgent cases begins («..., за исключением случаев, не
    терпящих отлагательства, когда следователь вправе начать их ...»): the rule and its
    exception are read as two sentences, a grant and an exception. `at`: where the sentence's
    exception clause begins."""
    if at is None or not any(m.concept == "urgency" and m.start >= at for m in matches):
        return None
    return at


def _excepting(at: int | None, matches: Sequence[ConceptMatch]) -> int | None:
    """Where a clause begins that takes some measures out of the sentence's rule ("..., except
    the inspection and seizure of documents", «за исключением осмотра и выемки»); None when
    there is none, or when "except" states a condition ("except on a judge's warrant")."""
    if at is None or not any(m.concept in MEASURES and m.start >= at for m in matches):
        return None
    return at


def _part_for(sentence: _Sentence, power_concepts: AbstractSet[str]) -> _Sentence:
    """The part of a rule with excepted measures that speaks of this power: the exception where
    it names the power (and says who orders those measures instead), else the rule before it."""
    at = sentence.excepted_at
    if at is None:
        return sentence
    excepted = any(m.concept in power_concepts and m.start >= at for m in sentence.matches)
    return replace(sentence, matches=tuple(m for m in sentence.matches if (m.start >= at) == excepted))


def _recipient(tagged: Tagged, index: int) -> bool:
    """"provide the data to the investigator", «предоставить следователю»: the authority
    receives, it does not decide."""
    tokens = tagged.tokens
    if tagged.lang == "ru":
        return russian_case(tokens[index].text.lower()) == "datv"
    return index > 0 and tokens[index - 1].lemma == "to"


def _applicant(tagged: Tagged, index: int, requests: Sequence[int]) -> bool:
    """"on an application made by the Commissioner of Police", «по ходатайству следователя»:
    the authority asks; the one that issues decides. (Applying *to* a judge names the one who
    decides.) `requests`: where the words of a request end."""
    start = tagged.tokens[index].start
    for end in requests:
        between = [t.lemma for t in tagged.tokens if end <= t.start < start]
        if end <= start and len(between) <= APPLICANT_REACH and not {"to", ",", ";"} & set(between) \
                and (tagged.lang == "ru" or "by" in between or "of" in between):
            return True
    return False


_LATER = ("validation_role", "subsequent_review", "notification_role")  # the judge comes in afterwards


def _validates(sentence: _Sentence) -> bool:
    """A judge reviews the measure afterwards ("the judge shall decide within 48 hours",
    «с последующим получением санкции следственного судьи»). An officer's application on
    which the judge issues the warrant ("where an officer applies to the court, the court may
    issue a warrant") comes before the measure: with no urgency, nothing said to come later
    and no deadline, it is the ordinary route, not a validation."""
    ordinary = not sentence.has("urgency", "subsequent_review") and not sentence.dispensed() \
        and not any(bound == "deadline" for _, bound, _ in sentence.durations)
    later = [m for m in sentence.matches if m.concept in ("validation_role", "subsequent_review") and not m.negated]
    applies = all(sentence.within(m, "request_role") for m in later if m.concept == "validation_role")
    if ordinary and (sentence.has("judicial_order") or applies):
        return False  # "may apply to a judge for a warrant": the judge's prior authorisation
    if later and all(sentence.within(m, "notification_role") for m in later):
        return False  # "shall notify the judge within 24 hours": told, not asked to confirm
    return sentence.has("validation_role", "subsequent_review") and bool(_reviewer(sentence))


def _reviewer(sentence: _Sentence) -> list[ConceptMatch]:
    """The judge who reviews: named, or the one whose prior sanction the exception dispenses
    with («без санкции следственного судьи с последующим получением такой санкции»)."""
    return sentence.judicial() or (sentence.dispensed() if sentence.has("validation_role") else [])


def _role(sentence: _Sentence) -> str:
    # An urgent measure names no judge ("in urgent cases the interception may begin before
    # the warrant is issued"), or is taken by an officer while the judge the same sentence
    # names is only told of it or validates it later: either way no judge authorises it.
    judicial = sentence.judicial()
    if sentence.dispensed() and not sentence.has("urgency") and sentence.actors():
        # «проводится по постановлению следователя, согласованному с прокурором, без санкции
        # следственного судьи»: with no urgency, the route that dispenses with the judge is the
        # ordinary one, and the article's own rule over a chapter's
        return "grant"
    if sentence.dispensed() or (sentence.has("urgency")
                                and (not judicial or (sentence.actors() and sentence.has(*_LATER)))):
        return "exception"
    if _validates(sentence):
        return "validation"
    for concept, role in (("renewal", "extension"), ("extend_search", "extension"),
                          ("fallback_role", "fallback"), ("remedy", "remedy"),
                          ("confidentiality", "other"), ("executes_order", "execution")):
        if sentence.has(concept) and not (role == "execution" and sentence.judicial()) \
                and not (role == "extension" and _authorised_before(sentence, concept)):
            return role  # "carried out only on a warrant issued by a judge" grants, it does not execute
    if sentence.has("notification_role") and not any(m.concept in JUDICIAL for m in sentence.judicial()):
        return "notified"
    return "grant"


def _authorised_before(sentence: _Sentence, concept: str) -> bool:
    """Whether the sentence authorises the measure before it speaks of extending it («производятся
    по постановлению, санкционированному следственным судьей, на срок до трех месяцев с
    возможностью продления»): it grants the measure, and its extension is an added clause."""
    extended = min(m.start for m in sentence.matches if m.concept == concept and not m.negated)
    return any(m.concept in (*JUDICIAL, "prosecutor_authorisation") and not m.negated and m.end <= extended
               for m in sentence.matches)


_OR = re.compile(r"(?:^|\W)(?:or|либо|или)(?:\W|$)", re.I)
ALTERNATIVE_REACH = 60  # characters between a judge and another authority joined by "or"


def _alternative(sentence: _Sentence, judicial: Sequence[ConceptMatch]) -> tuple[str, ConceptMatch] | None:
    """A non-judicial authority offered as an alternative to the judge ("a judge or the
    prosecutor", «по решению суда либо по постановлению прокурора»): the lowest such."""
    found = []
    for level, actor in sentence.actors():
        for judge in judicial:
            first, second = (judge, actor) if judge.start < actor.start else (actor, judge)
            between = sentence.full_text[first.end:second.start]
            if len(between) <= ALTERNATIVE_REACH and _OR.search(between):
                found.append((level, actor))
    return min(found, key=lambda a: _rank(a[0])) if found else None


def _makes(actor: int, order: int) -> bool:
    """The authority makes the order: named just after it ("order of the police officer",
    «постановление следователя») or before it in the sentence ("the officer may, by notice,
    require", «следователь вправе вынести постановление»)."""
    return 0 < actor - order <= OF_REACH or order - actor > 0


def _grant(sentence: _Sentence, power_concepts: set[str], default_data: str) -> Grant | None:
    concepts = {m.concept for m in sentence.matches if not m.negated}
    judicial = sentence.judicial()
    data = _data_of(concepts, default_data)
    if judicial:
        alternative = _alternative(sentence, judicial)
        if alternative is not None:  # "a judge or the prosecutor may order": a judge is not certain
            level, match = alternative
            return Grant(sentence.eid, level, match.text, data)
        return Grant(sentence.eid, "judicial", judicial[0].text, data, sentence.exclusive())
    empowered = [m.first_token for m in sentence.matches if m.concept == "authorises_person"]
    # "the senior officer may authorise the interception": authorising a measure is ordering it
    orders = [m.first_token for m in sentence.matches if m.concept == "order" and not m.negated
              and m.first_token not in sentence.elsewhere] + empowered
    if not concepts & power_concepts and not sentence.text.rstrip().endswith(_INTRO_MARKS) \
            and not sentence.dispensed():
        # an order about something else (assistance, a report), unless it opens a list or
        # dispenses with the judge: what it orders without one is the article's measure
        return None
    actors = [(level, m) for level, m in sentence.actors()
              if (m.concept == "prosecutor_authorisation" or any(_makes(m.first_token, o) for o in orders))
              and not any(0 < m.first_token - e <= EXECUTES_REACH for e in empowered)]
    if not actors:
        return None
    level, match = max(actors, key=lambda a: _rank(a[0]))
    return Grant(sentence.eid, level, match.text, data)


def _validation(following: Sequence[_Sentence]) -> Validation | None:
    effects = tuple(effect for concept, effect in (("refusal_stop", "stop"), ("data_destruction", "destroy"),
                                                    ("refusal_exclude", "exclude"))
                    if any(s.has(concept) for s in following))
    for sentence in following:  # the exception's own sentence first: "..., and within 24 hours the judge"
        if _validates(sentence):
            nearest = _validation_period(sentence)
            return Validation(_reviewer(sentence)[0].text, nearest[0] if nearest else None, effects)
    return None


def _validation_period(sentence: _Sentence) -> tuple[str, str | None, int] | None:
    """The period nearest the words that bring the judge in (within which the judge validates)."""
    cue = next((m.start for m in sentence.matches if m.concept in ("validation_role", "subsequent_review")), 0)
    return min(sentence.durations, key=lambda d: abs(d[2] - cue), default=None)


def _exception(sentence: _Sentence, following: Sequence[_Sentence], default_data: str) -> PowerException:
    marker = (sentence.dispensed() or [m for m in sentence.matches if m.concept == "urgency"])[0].text
    # a heading "Urgent interception" names no one: the officer is in the words that follow it
    actors = sentence.actors() or next((s.actors() for s in following if s.actors()), [])
    level, authority = (min(actors, key=lambda a: _rank(a[0])) if actors else (None, None))
    validation = _validation_period(sentence) if _validates(sentence) else None
    period = next((iso for iso, bound, start in sentence.durations
                   if bound != "deadline" and (validation is None or start != validation[2])), None)
    concepts = {m.concept for m in sentence.matches if not m.negated}
    return PowerException(sentence.eid, marker, authority.text if authority else None, level, period,
                          _validation([sentence, *(s for s in following if s is not sentence)]),
                          _data_of(concepts, default_data))


def read(units: Sequence[Unit], power_concepts: set[str], default_data: str,
         general: Sequence[Unit] = ()) -> Reading:
    """Grants and exceptions in the units of a power's article. The general rules that reach
    it (a chapter's sanction rule) decide only where the article does not say who authorises:
    an article's own rule is the special one and prevails."""
    own = _read(units, power_concepts, default_data)
    if own.authorisers or not general:
        return own
    wider = _read([*general, *units], power_concepts, default_data)
    return wider if wider.authorisers else own


def _sentences_of(unit: Unit) -> list[tuple[_Sentence, str]]:
    """The unit's sentences with their roles, read once per unit (a chapter's general rules
    are read for every power they reach)."""
    found = unit.derived.get("sentences")
    if found is None:
        found = unit.derived["sentences"] = [(s, _role(s)) for s in _split(unit)]
    return found


def _unit_grants(unit: Unit, key: str, power_concepts: set[str], default_data: str) -> tuple[Grant, ...]:
    """The grants of one unit's sentences for a power (`key` names the power), read once per unit
    and power: a code's general rules are read again for every power and every re-check."""
    found: tuple[Grant, ...] | None = unit.derived.get(key)
    if found is None:
        found = unit.derived[key] = tuple(
            grant for sentence, role in _sentences_of(unit) if role == "grant" and not sentence.has(*ANCILLARY)
            and (grant := _grant(_part_for(sentence, power_concepts), power_concepts, default_data)) is not None) \
            + _approval_condition(unit, power_concepts, default_data)
    return found


def _opens_conditions(tagged: Tagged) -> bool:
    """Whether the words end with the language's cue that opens a list of conditions ("... may
    issue a warrant if—", «... выдает разрешение, если:»)."""
    lemmas = [t.lemma for t in tagged.tokens]
    while lemmas and lemmas[-1] in _INTRO_MARKS:
        lemmas.pop()
    return any(tuple(lemmas[-len(cue):]) == cue for cue in load_lexicon(tagged.lang).condition)


def _approval_condition(unit: Unit, power_concepts: set[str], default_data: str) -> tuple[Grant, ...]:
    """A condition of the grant that a judge or an independent body has approved it ("the
    Secretary of State may issue a warrant if— ... (c) the decision has been approved by a
    Judicial Commissioner"): the power is then used only with that approval."""
    parent = unit.context[0] if unit.context else None
    if parent is None or not _opens_conditions(parent.tagged) \
            or not any(m.concept in power_concepts and not m.negated for m in parent.tagged.matches):
        return ()
    approvals = [m for m in unit.tagged.matches if m.concept in JUDICIAL and not m.negated]
    return (Grant(unit.eid, "judicial", approvals[0].text, default_data, True),) if approvals else ()


def _warrant_first(unit: Unit) -> bool:
    """Whether a sentence of the unit forbids the power before an order, naming no one ("no power
    shall be exercised before such a warrant has been issued")."""
    found: bool | None = unit.derived.get("warrant first")
    if found is None:
        found = unit.derived["warrant first"] = any(
            s.exclusive() and s.has("order") and not s.judicial() and not s.actors() for s, _ in _sentences_of(unit))
    return found


def _read(units: Sequence[Unit], power_concepts: set[str], default_data: str) -> Reading:
    key = f"grants {' '.join(sorted(power_concepts))} {default_data}"
    grants = [grant for unit in units for grant in _unit_grants(unit, key, power_concepts, default_data)]
    exceptions: list[PowerException] = []
    if any(role == "exception" for unit in units for _, role in _sentences_of(unit)):
        read = [pair for unit in units for pair in _sentences_of(unit)]
        sentences = [sentence for sentence, _ in read]
        for i, (sentence, role) in enumerate(read):
            if role == "exception":
                following = [s for s in sentences[i:i + 4] if s.eid == sentence.eid or s is not sentence]
                exceptions.append(_exception(sentence, following, default_data))
    authorisers = [g for g in grants if g.level is not None]
    # an officer who "may intercept" acts under the judge where the judge's route is the only one:
    # said with the judge ("only on a judge's warrant"), or of the warrant the judge issues ("no
    # power shall be exercised before such a warrant has been issued")
    warrant_first = any(_warrant_first(unit) for unit in units)
    judicial = bool(authorisers) and (
        all(g.level == "judicial" for g in authorisers)
        or any(g.level == "judicial" and g.exclusive for g in authorisers)
        or (warrant_first and any(g.level == "judicial" for g in authorisers)
            and all(g.level in ("judicial", "investigator") for g in authorisers)))
    # a heading "Urgent collection of traffic data" and the subsection that states the exception
    # are one exception: the subsection's, which says who acts
    exceptions = [e for e in exceptions if not any(o.eid.startswith(e.eid + "__") for o in exceptions)]
    # a measure available only in urgency, each use confirmed by a judge within a set time
    validated = not authorisers and bool(exceptions) and all(e.validation and e.validation.within
                                                                 for e in exceptions)
    return Reading("present" if judicial or validated else "absent", tuple(grants), tuple(exceptions))


def _heavier(a: Weight | None, b: Weight | None) -> Weight | None:
    if a is None:
        return b
    if b is None:
        return a
    return a if _SEVERITY_RANK[a.severity] >= _SEVERITY_RANK[b.severity] else b


def hours(iso: str | None) -> int | None:
    """A stated period in hours ("PT48H", "P5D"), or None when none is stated."""
    return None if iso is None else round(iso_days(iso) * 24)


def gaps(reading: Reading, model: Supervision, validation: UrgencyValidation) -> list[Gap]:
    """What the graduated model expects of this power and what falls short of it, silence on
    who authorises included where the rule gives it a weight."""
    found: list[Gap] = []
    below: list[Grant] = []
    weight: Weight | None = None
    for grant in reading.authorisers:
        expectation = model.expectation(grant.data)
        if _rank(grant.level) < _rank(expectation.expects):
            grant_weight = expectation.below.get(grant.level or "")
            if grant_weight is not None:
                below.append(grant)
                weight = _heavier(weight, grant_weight)
    if weight is not None:
        lowest = min(below, key=lambda g: _rank(g.level))
        found.append(Gap("authority", weight, tuple(dict.fromkeys(g.eid for g in below)),
                         lowest.words, lowest.level))
    elif model.unstated is not None and not reading.authorisers and not reading.exceptions:
        found.append(Gap("unstated", model.unstated, ()))
    for exception in reading.exceptions:
        found += _exception_gaps(exception, model.expectation(exception.data), validation)
    return found


def _exception_gaps(exception: PowerException, expectation: Expectation, rule: UrgencyValidation) -> list[Gap]:
    urgency = expectation.urgency
    if urgency is None or exception.level == "judicial":
        return []
    def gap(kind: str, weight: Weight, within: str | None = None) -> Gap:
        return Gap(kind, weight, (exception.eid,), exception.authority, exception.level, exception.period, within)

    validation = exception.validation
    if validation is None:
        return [gap("urgency", urgency)]
    result = []
    delay = iso_days(validation.within) if validation.within else None
    if delay is not None and delay > iso_days(rule.prompt):
        severity = rule.very_late if delay > iso_days(rule.very_late_after) else rule.late
        result.append(gap("validation_late", Weight(severity, urgency.force), validation.within))
    if urgency.severity == "high" and not validation.on_refusal:
        result.append(gap("no_refusal_effect", rule.refusal_effect, validation.within))
    return result


@lru_cache(maxsize=65_536)
def reach(text: str) -> str:
    """How far a general rule's words reach: its own section ("local"), its Part or Chapter
    ("container") or the whole Act ("act"); a rule that lists its articles reaches those alone."""
    if _LOCAL.search(text):
        return "local"
    if _CONTAINER.search(text):
        return "container"
    return "act"
