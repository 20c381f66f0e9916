"""Concept tagging: which concepts a text mentions, where, and whether negated.

The unit of evidence is a `ConceptMatch` with character offsets, so every verdict can show
the words that made it. Negation matters legally: "without a court order" and «без решения
суда» mention a court only to exclude it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import cache

from lawcheck.concepts.language import Token, russian_modifier, tokenize
from lawcheck.concepts.lexicon import GAP, MAX_GAP, Lexicon, Pattern, load_lexicon
from lawcheck.concepts.numbers import Duration, find_durations

MODIFIERS = 2  # Russian adjectives or participles allowed between two words of a pattern
CLAUSE = 12  # words of a clause set off by commas that a gap may pass over as one
NEGATION_REACH = 2  # words allowed between a negation cue and the match it negates
NEGATION_AFTER_REACH = 2  # words allowed between a match and a negation that follows it
_BOUNDARY = {",", ";", ":", ".", "!", "?", "(", ")", "—", "–"}


@dataclass(frozen=True, slots=True)
class ConceptMatch:
    concept: str
    text: str
    start: int  # character offsets in the tagged text
    end: int
    first_token: int
    negated: bool


@dataclass(frozen=True)
class Tagged:
    """A text with its tokens, concept matches and stated durations."""

    text: str
    lang: str
    tokens: list[Token]
    matches: list[ConceptMatch]
    durations: list[Duration]
    _by_concept: dict[str, list[ConceptMatch]] = field(default_factory=dict, repr=False)

    present: frozenset[str] = frozenset()  # concepts with at least one match not negated
    # concepts with at least one negated match (derived, so left out of comparisons)
    denied: frozenset[str] = field(default=frozenset(), compare=False, repr=False)

    def __post_init__(self) -> None:
        for match in self.matches:
            self._by_concept.setdefault(match.concept, []).append(match)
        object.__setattr__(self, "present",
                           frozenset(m.concept for m in self.matches if not m.negated))
        object.__setattr__(self, "denied", frozenset(m.concept for m in self.matches if m.negated))

    def has(self, group: tuple[str, ...]) -> bool:
        """Whether any concept of the group is mentioned, not negated (fast)."""
        return not self.present.isdisjoint(group)

    def mentions(self, concept: str) -> list[ConceptMatch]:
        """All matches of one concept, negated ones included."""
        return self._by_concept.get(concept, [])

    def positive(self, group: tuple[str, ...]) -> list[ConceptMatch]:
        """Matches of any concept of the group that are not negated."""
        if self.present.isdisjoint(group):
            return []
        return [m for c in group for m in self.mentions(c) if not m.negated]

    def negated(self, group: tuple[str, ...]) -> list[ConceptMatch]:
        if self.denied.isdisjoint(group):
            return []
        return [m for c in group for m in self.mentions(c) if m.negated]


_SENTENCE_ENDS = frozenset({".", ";", "!", "?"})


def _match_end(lemmas: list[str], i: int, pattern: Pattern) -> int | None:
    """End index (exclusive) of `pattern` matched at token i, or None."""
    if GAP not in pattern:
        end = i + len(pattern)
        return end if tuple(lemmas[i:end]) == pattern else None
    if not pattern:
        return i
    head, rest = pattern[0], pattern[1:]
    if head == GAP:
        for skip in range(MAX_GAP + 1):
            if skip and i + skip - 1 < len(lemmas) and lemmas[i + skip - 1] in _SENTENCE_ENDS:
                return None  # a gap stays within one sentence
            matched = _match_end(lemmas, i + skip, rest)
            if matched is not None:
                return matched
        for position in _beyond_clauses(lemmas, i) if "," in lemmas[i:i + MAX_GAP] else ():
            matched = _match_end(lemmas, position, rest)
            if matched is not None:
                return matched
        return None
    if i < len(lemmas) and lemmas[i] == head:
        return _match_end(lemmas, i + 1, rest)
    return None


def _beyond_clauses(lemmas: list[str], i: int) -> list[int]:
    """Where a gap from token i may end besides its first MAX_GAP words: a clause set off by
    commas counts as one word («по запросу органа, в производстве которого находится уголовное
    дело, предоставляет»). Only the positions after such a clause are new."""
    positions: list[int] = []
    words, j = 0, i
    while j < len(lemmas) and words <= MAX_GAP and lemmas[j] not in _SENTENCE_ENDS:
        if lemmas[j] == ",":
            close = next((k for k in range(j + 1, min(j + 1 + CLAUSE, len(lemmas)))
                          if lemmas[k] == "," or lemmas[k] in _SENTENCE_ENDS), None)
            if close is None or lemmas[close] != ",":
                return positions
            j, words = close + 1, words + 1
            positions.append(j)
            continue
        j, words = j + 1, words + 1
        if positions:
            positions.append(j)
    return positions


def _modified_end(lemmas: list[str], tokens: list[Token], i: int, pattern: Pattern) -> int | None:
    """End index of a contiguous pattern matched at token i with Russian modifiers between
    its words («решение районного суда» for «решение суда»), or None. A modifier is skipped
    only where the pattern's next word does not follow at once; after a gap the rest of the
    pattern is matched as usual («по мотивированному запросу ... предоставляет»)."""
    j = i + 1
    for k, word in enumerate(pattern[1:], start=1):
        if word == GAP:
            return _match_end(lemmas, j, pattern[k:])
        skipped = 0
        while j < len(lemmas) and lemmas[j] != word:
            if skipped == MODIFIERS or not russian_modifier(tokens[j].text):
                return None
            j, skipped = j + 1, skipped + 1
        if j == len(lemmas):
            return None
        j += 1
    return j


Candidate = tuple[str, Pattern, bool, int]  # concept, pattern, exclusion, span (0: no gap)


def _span(pattern: Pattern) -> int:
    """How many tokens a gapped pattern can span at most; 0 for a contiguous one."""
    gaps = pattern.count(GAP)
    return (len(pattern) - gaps) + MAX_GAP * gaps if gaps else 0


@dataclass(frozen=True)
class _PatternIndex:
    """Patterns keyed by their first lemma (one-word and gapped patterns) or by their first
    two lemmas (contiguous multi-word patterns), so each token tries only a few; `starts`
    holds every lemma that can begin a pattern, so most tokens are passed over at once."""

    lexicon: Lexicon
    by_one: dict[str, list[Candidate]]
    by_two: dict[tuple[str, str], list[Candidate]]
    starts: frozenset[str]
    composed: tuple[tuple[str, frozenset[str], int], ...]  # concept, its parts, how many are enough
    pair_starts: frozenset[str] = frozenset()  # lemmas that begin a contiguous multi-word pattern


@cache
def _index(lang: str) -> _PatternIndex:
    lexicon = load_lexicon(lang)
    by_one: dict[str, list[Candidate]] = {}
    by_two: dict[tuple[str, str], list[Candidate]] = {}
    for first, entries in lexicon.first_lemma_index().items():
        for concept, pattern, is_exclusion in entries:
            span = _span(pattern)
            if len(pattern) >= 2 and not span:
                by_two.setdefault((pattern[0], pattern[1]), []).append((concept, pattern, is_exclusion, 0))
            else:
                by_one.setdefault(first, []).append((concept, pattern, is_exclusion, span))
    starts = frozenset(by_one) | frozenset(first for first, _ in by_two)
    composed = tuple((c.id, frozenset(c.composed_of), c.at_least) for c in lexicon.concepts.values() if c.composed_of)
    return _PatternIndex(lexicon, by_one, by_two, starts, composed, frozenset(first for first, _ in by_two))


def _ends_with(lemmas: list[str], end: int, phrases: tuple[Pattern, ...]) -> bool:
    return any(end >= len(p) and tuple(lemmas[end - len(p):end]) == p for p in phrases)


def _prohibits_conduct(lemmas: list[str], cue_end: int, lexicon: Lexicon) -> bool:
    """"A person shall not intentionally access ..." prohibits the conduct it describes (the
    offence is stated, not denied); "a request shall not be refused ..." excludes the refusal."""
    passive = cue_end < len(lemmas) and lemmas[cue_end] in {"be", "быть"}
    return not passive and _ends_with(lemmas, cue_end, lexicon.prohibition)


DOUBLE_NEGATION_REACH = 8  # words searched before "without" / «без» for a "no" / «не»


def _double_negation(lemmas: list[str], tokens: list[Token], cue_begin: int, lexicon: Lexicon) -> bool:
    """"No measure shall be taken without a judge's order", «не допускается без решения суда»:
    the requirement is stated, not excluded. A second negation earlier in the same clause
    turns "without" back into "only with"."""
    for i in range(cue_begin - 1, max(-1, cue_begin - 1 - DOUBLE_NEGATION_REACH), -1):
        if tokens[i].text in _BOUNDARY:
            return False
        if any(len(cue) == 1 and lemmas[i] == cue[0] for cue in lexicon.negation) \
                and lemmas[cue_begin] != lemmas[i]:
            return True
    return False


NEGATION_FOLLOWS_REACH = 3  # words searched after the negated match for a "not" / «не»


def _negation_follows(lemmas: list[str], tokens: list[Token], end: int, cue: str, lexicon: Lexicon) -> bool:
    """«без решения суда не допускается», "without a judge's order is not permitted": the
    second negation follows what "without" negates, with the same effect as one before it."""
    for i in range(end, min(len(lemmas), end + NEGATION_FOLLOWS_REACH)):
        if tokens[i].text in _BOUNDARY:
            return False
        if lemmas[i] != cue and any(len(c) == 1 and lemmas[i] == c[0] for c in lexicon.negation):
            return True
    return False


@cache
def _cue_words(lang: str) -> tuple[frozenset[str], frozenset[str]]:
    """Last words of negation cues and first words of trailing ones: a cheap pre-check."""
    lexicon = load_lexicon(lang)
    return (frozenset(c[-1] for c in lexicon.negation),
            frozenset(c[0] for c in lexicon.negation_after))


def _is_negated(lemmas: list[str], tokens: list[Token], start: int, end: int,
                lexicon: Lexicon, terms: Sequence[tuple[str, int, int]] = ()) -> bool:
    """A cue just before the match ("without", «без») or just after it ("... shall not be
    required", «... не требуется») negates it; punctuation stops the search. A cue that
    begins a term of its own (`terms`: "without right", "without delay", «без согласия»)
    belongs to that term: "without right accesses" states access, done without right."""
    before, after = _cue_words(lexicon.lang)
    if before.isdisjoint(lemmas[max(0, start - NEGATION_REACH - 1):start]) \
            and after.isdisjoint(lemmas[end:end + NEGATION_AFTER_REACH + 1]):
        return False
    for gap in range(NEGATION_REACH + 1):
        cue_end = start - gap
        if any(t.text in _BOUNDARY for t in tokens[cue_end:start]):
            break
        for cue in lexicon.negation:
            begin = cue_end - len(cue)
            if begin >= 0 and tuple(lemmas[begin:cue_end]) == cue:
                if any(s <= begin and cue_end < e <= start for _, s, e in terms):
                    return False
                # The nearest cue decides: a prohibition or a double negation is no negation.
                return not (_prohibits_conduct(lemmas, cue_end, lexicon)
                            or _double_negation(lemmas, tokens, begin, lexicon)
                            or _negation_follows(lemmas, tokens, end, lemmas[begin], lexicon))
    for gap in range(NEGATION_AFTER_REACH + 1):
        cue_start = end + gap
        if any(t.text in _BOUNDARY for t in tokens[end:cue_start]):
            break
        for cue in lexicon.negation_after:
            if tuple(lemmas[cue_start:cue_start + len(cue)]) == cue:
                return True
    return False


def find_cues(lemmas: Sequence[str], cues: tuple[Pattern, ...], start: int = 0) -> list[tuple[int, int]]:
    """Token spans (start, end) where one of the cues of a language (`_language.yaml`) stands."""
    firsts = {cue[0] for cue in cues}
    return [(i, i + len(cue)) for i in range(start, len(lemmas)) if lemmas[i] in firsts
            for cue in cues if tuple(lemmas[i:i + len(cue)]) == cue]


def _denied(lemmas: list[str], denial: tuple[Pattern, ...]) -> list[tuple[int, int]]:
    """Token spans a denial governs: from the end of its cue ("Nothing in this Act authorises")
    to the end of the sentence; what it names is not granted."""
    return [(end, next((j for j in range(end, len(lemmas)) if lemmas[j] in _SENTENCE_ENDS), len(lemmas)))
            for _, end in find_cues(lemmas, denial)]


def tag_tokens(text: str, tokens: list[Token], lang: str) -> Tagged:
    """Tag already tokenized text (lets callers tokenize once and reuse)."""
    index = _index(lang)
    lexicon, by_one, by_two = index.lexicon, index.by_one, index.by_two
    lemmas = [t.lemma for t in tokens]
    found: list[tuple[str, int, int]] = []
    excluded: list[tuple[str, int, int]] = []
    last = len(lemmas) - 1
    modified = lang == "ru"
    for i in [i for i, lemma in enumerate(lemmas) if lemma in index.starts]:
        lemma = lemmas[i]
        candidates = by_one.get(lemma, ())
        if i < last and (pairs := by_two.get((lemma, lemmas[i + 1]))):
            candidates = [*candidates, *pairs]
        for concept, pattern, is_exclusion, span in candidates:
            if span:
                # A gapped match needs its last word within its span (most tries end here), which
                # a clause set off by commas in a gap and Russian modifiers inside a term extend.
                within = span + (CLAUSE if "," in lemmas[i:i + span] else 0) + (MODIFIERS if modified else 0)
                reachable = pattern[-1] in lemmas[i:i + within]
                end = _match_end(lemmas, i, pattern) if reachable else None
                if end is None and reachable and modified and pattern[1] != GAP and i < last \
                        and russian_modifier(tokens[i + 1].text):
                    end = _modified_end(lemmas, tokens, i, pattern)
            else:
                end = i + len(pattern)
                if end > len(lemmas) or (len(pattern) > 2 and tuple(lemmas[i:end]) != pattern):
                    end = _modified_end(lemmas, tokens, i, pattern) if modified and len(pattern) > 2 else None
            if end is not None:
                (excluded if is_exclusion else found).append((concept, i, end))
        if modified and lemma in index.pair_starts:  # «отсутствие надлежащего надзора»
            for after in range(i + 2, min(i + 2 + MODIFIERS, last + 1)):
                # the pair is looked up first: most are no pattern's beginning
                pairs = by_two.get((lemma, lemmas[after]))
                if pairs and all(lemmas[j] not in _SENTENCE_ENDS and russian_modifier(tokens[j].text)
                                 for j in range(i + 1, after)):
                    for concept, pattern, is_exclusion, _ in pairs:
                        end = _modified_end(lemmas, tokens, i, pattern)
                        if end is not None:
                            (excluded if is_exclusion else found).append((concept, i, end))
    denied = _denied(lemmas, lexicon.denial) if lexicon.denial else ()
    matches = []
    spans: list[tuple[int, int]] = []  # the tokens of each kept match
    reach: dict[str, int] = {}  # per concept, the end of its last kept match
    for concept, i, end in sorted(found, key=lambda f: (f[1], -f[2])):
        if i < reach.get(concept, 0) or any(c == concept and s < end and i < e
                                             for c, s, e in excluded):
            continue  # inside a longer match of the same concept, or excluded
        reach[concept] = end
        start_char, end_char = tokens[i].start, tokens[end - 1].end
        matches.append(ConceptMatch(concept, text[start_char:end_char], start_char, end_char, i,
                                    any(s <= i < e for s, e in denied)
                                    or _is_negated(lemmas, tokens, i, end, lexicon, found)))
        spans.append((i, end))
    matches = _negated_within(matches, spans)
    return Tagged(text, lang, tokens, matches + _composed(text, matches, index.composed),
                  find_durations(tokens, lexicon.durations))


def _negated_within(matches: list[ConceptMatch], spans: list[tuple[int, int]]) -> list[ConceptMatch]:
    """A match inside a negated one is negated with it: in "without a request for mutual
    assistance", the assistance is denied as the request is."""
    negated = [span for match, span in zip(matches, spans, strict=True) if match.negated]
    if not negated:
        return matches
    return [replace(match, negated=True) if not match.negated and any(
        outer <= start and end <= outer_end and (outer, outer_end) != (start, end) for outer, outer_end in negated)
        else match for match, (start, end) in zip(matches, spans, strict=True)]


def _composed(text: str, matches: list[ConceptMatch],
              composed: tuple[tuple[str, frozenset[str], int], ...]) -> list[ConceptMatch]:
    """Concepts a text states through enough of their parts, spanning those parts."""
    found = []
    for concept, parts, at_least in composed:
        named = [m for m in matches if m.concept in parts and not m.negated]
        if len({m.concept for m in named}) >= at_least and not any(m.concept == concept for m in matches):
            start, end = min(m.start for m in named), max(m.end for m in named)
            found.append(ConceptMatch(concept, text[start:end], start, end, named[0].first_token, False))
    return found


def tag(text: str, lang: str) -> Tagged:
    """Tokenize and tag a text in `lang`."""
    return tag_tokens(text, tokenize(text, lang), lang)
