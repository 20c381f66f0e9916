"""Short names a law gives to what it names at length: "the Extradition Act, hereinafter
referred to as the principal Act", «Уголовно-процессуальный кодекс (далее – Кодекс)».

A section that later says only "the principal Act is amended in the Schedule" speaks of
extradition; read alone, its words do not say so. The concepts of the long name are carried
to each later use of the short one, as the reader of the law carries them: from where the
alias is given until it is given again (an Act whose Parts each amend another Act calls each
of them "the principal Act" in turn).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from lawcheck.concepts.language import tokenize
from lawcheck.concepts.tagger import ConceptMatch, Tagged, tag

NAME_WORDS = 8  # words before the alias clause read as the long name
_ALIAS = {
    "en": re.compile(r"[,(]?\s*\b(?:hereinafter|hereafter)\s+(?:referred\s+to\s+as|called|cited\s+as)\s+"
                     r"(?P<alias>(?:the\s+)?[\"“']?[A-Za-z][\w -]{1,40}?[\"”']?)\s*[),.;:]", re.I),
    "ru": re.compile(r"\(\s*далее\s*(?:[–—-]|по\s+тексту\s*[–—-]?)\s*(?P<alias>[^()\n]{1,40}?)\s*\)", re.I),
}
_QUOTES = "\"“”'«»"


Aliases = dict[tuple[str, ...], frozenset[str]]
"""An alias's lemmas -> the concepts of the long name it stands for."""


def aliases_in_force(texts: Iterable[str], lang: str) -> list[Aliases]:
    """For each text in the law's order, the aliases in force where it stands (those given
    before it); each alias with the concepts of its long name. Texts with the same aliases
    share one mapping."""
    pattern = _ALIAS.get(lang)
    current: Aliases = {}
    result = []
    for text in texts:
        result.append(current)
        lowered = text.lower()
        if pattern is None or not any(cue in lowered for cue in ("hereinafter", "hereafter", "далее")):
            continue
        for match in pattern.finditer(text):
            alias = tuple(t.lemma for t in tokenize(_normal(match.group("alias")), lang))
            name = " ".join(text[:match.start()].split()[-NAME_WORDS:])
            if alias:
                current = {**current, alias: tag(name, lang).present if name else frozenset()}
    return result


def with_aliases(tagged: Tagged, aliases: Mapping[tuple[str, ...], frozenset[str]]) -> Tagged:
    """The text's matches, with the concepts of each alias it uses (in any inflection; where
    it does not state them already) at the alias's place."""
    if not aliases:
        return tagged
    lemmas = [t.lemma for t in tagged.tokens]
    added: list[ConceptMatch] = []
    for alias, concepts in aliases.items():
        missing = concepts - tagged.present
        if not missing or alias[0] not in lemmas:
            continue
        for i in range(len(lemmas) - len(alias) + 1):
            if tuple(lemmas[i:i + len(alias)]) == alias:
                start, end = tagged.tokens[i].start, tagged.tokens[i + len(alias) - 1].end
                added += [ConceptMatch(concept, tagged.text[start:end], start, end, i, False)
                          for concept in sorted(missing)]
    if not added:
        return tagged
    return Tagged(tagged.text, tagged.lang, tagged.tokens, tagged.matches + added, tagged.durations)


def _normal(alias: str) -> str:
    words = alias.strip().strip(_QUOTES).strip().lower().split()
    if words and words[0] in ("the", "this"):
        words = words[1:]
    return " ".join(words).strip(_QUOTES)
