"""Tokens and lemmas per language, on blank spaCy pipelines.

Trained pipelines are not available, so lemmas come from lookup data: spaCy's English lookup
table (case-sensitive, hence looked up lower-cased) and pymorphy3's best parse for Russian,
ties going to nouns, cached because law text repeats its vocabulary endlessly.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:
    from spacy.tokenizer import Tokenizer

LANGUAGES = ("en", "ru")

# One token for legal numbering: 16(2), s.33(2), 94-1, 342.1, 24/7.
_LEGAL_NUMBER = re.compile(
    r"^(?:\w+\.)?\d+(?:[-.]\d+)*(?:\(\w{1,5}\))+$|^\d+(?:[-.]\d+)+$|^\d+/\d+$"
)


class Token(NamedTuple):
    """A word or sign of the text. A named tuple: a code has hundreds of thousands, made
    quickly, and once collected they hold nothing for the cycle collector to rescan."""

    text: str
    lemma: str
    start: int  # character offsets in the analysed text
    end: int


@cache
def _tokenizer(lang: str) -> Tokenizer:
    """spaCy loads only when text is first tokenized: commands that read no text start fast."""
    from spacy.tokenizer import Tokenizer
    from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex, get_lang_class
    from spacy.vocab import create_vocab

    # The tokenizer of `spacy.blank(lang)`, built directly with the two changes below, so that
    # its thousands of exceptions are loaded once (setting a rule on a built tokenizer reloads
    # them) and no pipeline is configured around it.
    defaults = get_lang_class(lang).Defaults
    # Keep hyphenated words and numbers whole: "non-public", "информационно-коммуникационной".
    infixes = [pattern for pattern in defaults.infixes or () if isinstance(pattern, str) and "-" not in pattern]
    return Tokenizer(
        create_vocab(lang, defaults),
        rules=defaults.tokenizer_exceptions,
        prefix_search=compile_prefix_regex(defaults.prefixes).search if defaults.prefixes else None,
        suffix_search=compile_suffix_regex(defaults.suffixes).search if defaults.suffixes else None,
        infix_finditer=compile_infix_regex(infixes).finditer,
        token_match=_LEGAL_NUMBER.match,
        url_match=defaults.url_match,
    )


@cache
def _english_table() -> dict[int, str]:
    """spaCy's English lemma table (keyed, as spaCy keys it, by the hash of the word), from the
    compiled cache: its key holds the version of spacy-lookups-data."""
    from lawcheck.cache import compiled

    return compiled("lemma-lookup-en", _load_english_table)


def _load_english_table() -> dict[int, str]:
    from spacy.lookups import load_lookups

    return dict(load_lookups("en", ["lemma_lookup"]).get_table("lemma_lookup"))


@cache
def _morph() -> Any:
    import pymorphy3

    return pymorphy3.MorphAnalyzer()


@lru_cache(maxsize=200_000)
def _russian_analysis(word: str) -> tuple[str, bool]:
    """The word's lemma and whether it is a modifier, from one parse.

    The lemma is the best parse's normal form, ties going to nouns, then to short adjectives. A
    participle that the dictionary also knows as an adjective reads as the adjective in every case:
    «предусмотренных» as «предусмотренный», like «предусмотренные», not as the verb
    «предусмотреть». A modifier is an adjective or participle by the best parse: it may stand
    inside a noun phrase a pattern names («отсутствие надлежащего надзора», «решение районного
    суда»)."""
    parses = _morph().parse(word)
    if not parses:
        return word, False
    modifier = parses[0].tag.POS in ("ADJF", "PRTF")
    best = parses[0].score
    tied = [p for p in parses if p.score >= best - 1e-9]
    # a noun first; then a short adjective over the adverb or predicative it ties with:
    # «вмешательство должно быть соразмерно» says what «мера должна быть соразмерна» says
    chosen = next((p for p in tied if p.tag.POS == "NOUN"), None) \
        or next((p for p in tied if p.tag.POS == "ADJS"), tied[0])
    if chosen.tag.POS == "PRTF":
        adjective = next((p for p in parses if p.tag.POS == "ADJF"), None)
        if adjective is not None:
            return adjective.normal_form, modifier
    return chosen.normal_form, modifier


def _russian_lemma(word: str) -> str:
    return _russian_analysis(word)[0]


@lru_cache(maxsize=200_000)
def russian_modifier(word: str) -> bool:
    """Whether a Russian word form is an adjective or a participle (see `_russian_analysis`)."""
    low = word.lower().replace("ё", "е")
    return (low.isalpha() or "-" in low) and _russian_analysis(low)[1]


@lru_cache(maxsize=50_000)
def russian_case(word: str) -> str | None:
    """The grammatical case of a Russian noun form by its best parse (pymorphy3 tag, e.g.
    "datv"): a dative authority is the recipient of an order, not its author."""
    parses = _morph().parse(word)
    return parses[0].tag.case if parses else None


@lru_cache(maxsize=200_000)
def _english_lemma(word: str) -> str:
    from spacy.strings import get_string_id

    return _english_table().get(get_string_id(word), word)


@lru_cache(maxsize=400_000)
def lemma(word: str, lang: str) -> str:
    """The lemma of one word, lower-cased (ё folded to е for Russian)."""
    low = word.lower()
    if lang == "ru":
        low = low.replace("ё", "е")
        return _russian_lemma(low) if low.isalpha() or "-" in low else low
    return _english_lemma(low)


def tokenize(text: str, lang: str) -> list[Token]:
    """Split `text` into tokens with lemmas and character offsets."""
    if lang not in LANGUAGES:
        raise ValueError(f"unsupported language {lang!r}")
    from spacy.attrs import IDX, IS_SPACE, ORTH

    doc = _tokenizer(lang)(text)
    known = _known_words(lang)
    if len(known) > MAX_KNOWN_WORDS:
        known.clear()
    strings = doc.vocab.strings
    tokens = []
    for start, orth, space in doc.to_array([IDX, ORTH, IS_SPACE]).tolist():
        if space:
            continue
        entry = known.get(orth)
        if entry is None:
            word = strings[orth]
            entry = known[orth] = (word, lemma(word, lang))
        tokens.append(_new_token(Token, (entry[0], entry[1], start, start + len(entry[0]))))
    return tokens


MAX_KNOWN_WORDS = 400_000
_new_token = tuple.__new__  # Token(...) without the call through its generated __new__


@cache
def _known_words(lang: str) -> dict[int, tuple[str, str]]:
    """Each word form met in `lang` (by spaCy's id of its text) with its lemma: law text
    repeats its vocabulary, so most tokens are looked up here."""
    return {}


_CYRILLIC = re.compile(r"[а-яё]", re.IGNORECASE)
_LATIN = re.compile(r"[a-z]", re.IGNORECASE)


def detect_language(text: str) -> str:
    """Russian when Cyrillic letters outnumber Latin ones, English otherwise."""
    sample = text[:20_000]
    return "ru" if len(_CYRILLIC.findall(sample)) > len(_LATIN.findall(sample)) else "en"
