"""Lexicons: the surface forms of each concept in one language, compiled to lemma patterns.

A language is a folder `rules/lexicons/<lang>/`; adding Kazakh or Kyrgyz means adding a
folder (and a lemmatizer in `language.py`). Terms are written as ordinary words and
compiled with the same lemmatizer that reads drafts, so any inflected form matches.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from lawcheck.cache import compiled
from lawcheck.concepts.language import lemma, tokenize
from lawcheck.concepts.numbers import DurationWords
from lawcheck.data import data_dir
from lawcheck.errors import InputError
from lawcheck.yamlio import line_of, load_yaml

GAP = "..."  # in a term: up to MAX_GAP words may stand here
MAX_GAP = 6
_CONCEPT_ID = re.compile(r"^[a-z][a-z0-9_]*$")
_CONCEPT_KEYS = {"label": True, "terms": True, "exclude": False, "examples": False,
                 "counter_examples": False, "composed_of": False}
_LANGUAGE_KEYS = {"negation", "negation_after", "prohibition", "exception", "denial", "condition"}
_DURATION_KEYS = {"numbers", "connectors", "units", "unit_qualifiers", "age_adjectives", "deadline", "min", "max"}
_UNIT_CODES = {"H", "D", "W", "M", "Y"}

Pattern = tuple[str, ...]  # lemmas, with GAP where words may intervene


@dataclass(frozen=True)
class Concept:
    id: str
    label: str
    patterns: tuple[Pattern, ...]
    excludes: tuple[Pattern, ...]
    examples: tuple[str, ...]
    counter_examples: tuple[str, ...]
    source: str  # file:line, for messages
    # A text that names at least `at_least` of these concepts states this one too (traffic data
    # described by its parts: origin, destination, route, time, date, size, duration, service).
    composed_of: tuple[str, ...] = ()
    at_least: int = 0


@dataclass(frozen=True)
class Lexicon:
    lang: str
    concepts: dict[str, Concept]
    negation: tuple[Pattern, ...]
    negation_after: tuple[Pattern, ...]
    prohibition: tuple[Pattern, ...]
    exception: tuple[Pattern, ...]
    durations: DurationWords
    denial: tuple[Pattern, ...] = ()  # grants nothing the rest of its sentence names ("Nothing in this Act authorises")
    condition: tuple[Pattern, ...] = ()  # ends the words that open a list of conditions ("may issue a warrant if—")

    def first_lemma_index(self) -> dict[str, list[tuple[str, Pattern, bool]]]:
        """Patterns (concept id, pattern, is_exclusion) keyed by their first lemma."""
        index: dict[str, list[tuple[str, Pattern, bool]]] = {}
        for concept in self.concepts.values():
            for pattern in concept.patterns:
                index.setdefault(pattern[0], []).append((concept.id, pattern, False))
            for pattern in concept.excludes:
                index.setdefault(pattern[0], []).append((concept.id, pattern, True))
        return index


def compile_term(term: str, lang: str) -> Pattern:
    """Lemmatize a written term into a pattern; "..." marks a gap."""
    parts: list[str] = []
    for chunk in term.split(GAP):
        if parts:
            parts.append(GAP)
        parts.extend(token.lemma for token in tokenize(chunk.strip(), lang))
    while parts and parts[-1] == GAP:
        parts.pop()
    return tuple(parts)


def languages() -> list[str]:
    """Languages that have a lexicon folder."""
    root = data_dir("rules") / "lexicons"
    return sorted(p.name for p in root.iterdir() if p.is_dir())


def _strings(value: object, where: str, key: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise InputError(f"{key}: expected a list of non-empty strings", source=where)
    return tuple(str(v) for v in value)


def _load_concepts(path: Path, lang: str, into: dict[str, Concept]) -> None:
    data = load_yaml(path) or {}
    if not isinstance(data, dict):
        raise InputError("expected a mapping of concept ids", source=str(path))
    for concept_id, body in data.items():
        where = f"{path}:{line_of(data, (concept_id,))}"
        if not _CONCEPT_ID.match(str(concept_id)):
            raise InputError(f"{concept_id}: concept ids are snake_case", source=where)
        if concept_id in into:
            raise InputError(f"{concept_id}: already defined at {into[concept_id].source}",
                             source=where)
        if not isinstance(body, dict):
            raise InputError(f"{concept_id}: expected a mapping", source=where)
        for key in body:
            if key not in _CONCEPT_KEYS:
                raise InputError(f"{concept_id}.{key}: unknown key", source=where)
        for key, required in _CONCEPT_KEYS.items():
            if required and key not in body:
                raise InputError(f"{concept_id}.{key}: missing key", source=where)
        terms = _strings(body["terms"], where, f"{concept_id}.terms")
        into[concept_id] = Concept(
            id=concept_id,
            label=str(body["label"]),
            patterns=tuple(p for p in (compile_term(t, lang) for t in terms) if p),
            excludes=tuple(compile_term(t, lang)
                           for t in _strings(body.get("exclude", []), where, "exclude")),
            examples=_strings(body.get("examples", []), where, "examples"),
            counter_examples=_strings(body.get("counter_examples", []), where,
                                      "counter_examples"),
            source=where,
            **_composition(body.get("composed_of"), where, concept_id),
        )


def _composition(value: object, where: str, concept_id: str) -> dict[str, Any]:
    """`composed_of: {concepts: [...], at_least: N}`, checked."""
    if value is None:
        return {}
    if not isinstance(value, dict) or set(value) != {"concepts", "at_least"} \
            or not isinstance(value["at_least"], int) or value["at_least"] < 2:
        raise InputError(f"{concept_id}.composed_of: expected concepts and at_least (2 or more)", source=where)
    parts = _strings(value["concepts"], where, f"{concept_id}.composed_of.concepts")
    if value["at_least"] > len(parts):
        raise InputError(f"{concept_id}.composed_of: at_least exceeds the concepts listed", source=where)
    return {"composed_of": parts, "at_least": value["at_least"]}


@cache
def load_lexicon(lang: str) -> Lexicon:
    """All concepts of one language; loaded once per process from the compiled cache when it is current."""
    return compiled(f"lexicon-{lang}", lambda: load_lexicon_from(data_dir("rules") / "lexicons" / lang, lang))


def load_lexicon_from(folder: Path, lang: str) -> Lexicon:
    """Read and compile every lexicon file of one language folder."""
    if not folder.is_dir():
        raise InputError(f"no lexicon for language {lang!r}", source=str(folder))
    concepts: dict[str, Concept] = {}
    cues: dict[str, tuple[Pattern, ...]] = {key: () for key in _LANGUAGE_KEYS}
    durations: DurationWords | None = None
    for path in sorted(folder.glob("*.yaml")):
        if path.name == "_language.yaml":
            data = load_yaml(path) or {}
            for key in data:
                if key == "durations":
                    durations = _duration_words(data[key], lang, str(path))
                elif key not in _LANGUAGE_KEYS:
                    raise InputError(f"{key}: unknown key", source=str(path))
                else:
                    cues[key] = tuple(compile_term(t, lang) for t in _strings(data[key], str(path), key))
        else:
            _load_concepts(path, lang, concepts)
    if durations is None:
        raise InputError("durations: missing key", source=str(folder / "_language.yaml"))
    for concept in concepts.values():
        unknown = [c for c in concept.composed_of if c not in concepts]
        if unknown:
            raise InputError(f"{concept.id}.composed_of: unknown concepts {', '.join(unknown)}", source=concept.source)
    return Lexicon(lang, concepts, cues["negation"], cues["negation_after"], cues["prohibition"],
                   cues["exception"], durations, cues.get("denial", ()), cues.get("condition", ()))


def _duration_words(data: object, lang: str, where: str) -> DurationWords:
    """The `durations` section of _language.yaml, every word reduced to its lemma."""
    if not isinstance(data, dict) or set(data) != _DURATION_KEYS:
        raise InputError(f"durations: expected exactly the keys {', '.join(sorted(_DURATION_KEYS))}",
                         source=where)
    units = {lemma(str(word), lang): str(code) for word, code in data["units"].items()}
    if not set(units.values()) <= _UNIT_CODES:
        raise InputError(f"durations.units: codes must be among {', '.join(sorted(_UNIT_CODES))}", source=where)
    cues = tuple((compile_term(term, lang), bound) for bound in ("deadline", "min", "max")
                 for term in _strings(data[bound], where, f"durations.{bound}"))
    return DurationWords(
        numbers={lemma(str(word), lang): int(value) for word, value in data["numbers"].items()},
        connectors=frozenset(lemma(str(w), lang) for w in data["connectors"]),
        units=units,
        qualifiers=frozenset(lemma(str(w), lang) for w in data["unit_qualifiers"]),
        ages={lemma(str(word), lang): int(value) for word, value in (data["age_adjectives"] or {}).items()},
        cues=cues,
    )
