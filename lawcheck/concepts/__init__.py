"""Language processing: tokens, lemmas, concepts, durations, per language."""

from lawcheck.concepts.language import detect_language, tokenize
from lawcheck.concepts.tagger import ConceptMatch, Tagged, tag

__all__ = ["ConceptMatch", "Tagged", "detect_language", "tag", "tokenize"]
