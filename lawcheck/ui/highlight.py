"""A provision's text as HTML with the evidence the engine found marked up.

Reviewers must see WHY a clause was aligned to an article: the matched concepts, the periods
and numbers, the actors (court, prosecutor, provider) and the cross-references. Negated
matches ("without a court order") are marked apart, since they count against the draft.
Offsets come from the engine's tagging; this module only turns them into spans.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from lawcheck.concepts.tagger import Tagged
from lawcheck.i18n import period_words

# Concepts that name who acts or who decides: shown in their own colour because the
# safeguards turn on them (a judge authorises, a provider complies). Display only.
ACTOR_CONCEPTS = frozenset({"court", "prosecutor", "investigator", "service_provider",
                            "foreign_party", "court_authorisation", "prosecutor_authorisation",
                            "judicial_order", "independent_oversight"})

LEGEND = (("concept", "matched concept"), ("actor", "actor or authority"),
          ("num", "period or number"), ("ref", "cross-reference"),
          ("neg", "negated (counts against)"))


@dataclass(frozen=True, order=True)
class Span:
    """A marked stretch of text: [start, end) with a CSS class and a tooltip."""

    start: int
    end: int
    kind: str
    title: str


def evidence_spans(tagged: Tagged, references: Iterable[str] = ()) -> list[Span]:
    """Every span worth marking, from the tagging's offsets; references by their words."""
    spans = []
    for match in tagged.matches:
        kind = "neg" if match.negated else "actor" if match.concept in ACTOR_CONCEPTS else "concept"
        title = f"{'negated: ' if match.negated else ''}{match.concept.replace('_', ' ')}"
        spans.append(Span(match.start, match.end, kind, title))
    for duration in tagged.durations:
        spans.append(Span(duration.start, duration.end, "num", f"period: {period_words(duration.iso, 'en')}"))
    for words in references:
        start = tagged.text.find(words) if words else -1
        if start >= 0:
            spans.append(Span(start, start + len(words), "ref", "cross-reference"))
    return spans


def _non_overlapping(spans: Iterable[Span]) -> list[Span]:
    """Keep, left to right, the longest span at each place; drop those it overlaps."""
    kept: list[Span] = []
    for span in sorted(spans, key=lambda s: (s.start, -(s.end - s.start))):
        if not kept or span.start >= kept[-1].end:
            kept.append(span)
    return kept


def _inside(inner: Span, outer: Span) -> bool:
    return outer.start <= inner.start and inner.end <= outer.end


def _layout(spans: Iterable[Span]) -> list[tuple[Span, list[Span]]]:
    """Top-level spans with the periods nested inside them.

    Periods matter most (every number must match the treaty), so a period is never hidden:
    one inside a concept ("no more than ninety days") is marked within it, and a concept
    that cuts across a period gives way."""
    spans = list(spans)
    periods = _non_overlapping(s for s in spans if s.kind == "num")
    others = [s for s in _non_overlapping(s for s in spans if s.kind != "num")
              if not any(p.start < s.end and s.start < p.end and not _inside(p, s) for p in periods)]
    nested = {id(s): [p for p in periods if _inside(p, s)] for s in others}
    loose = [p for p in periods if not any(_inside(p, s) for s in others)]
    return sorted([(s, nested[id(s)]) for s in others] + [(p, []) for p in loose], key=lambda item: item[0].start)


def _mark(text: str, span: Span, inner: str | None = None) -> str:
    body = inner if inner is not None else html.escape(text[span.start:span.end])
    return f'<mark class="lc-{span.kind}" title="{html.escape(span.title)}">{body}</mark>'


def _marked(text: str, start: int, end: int, spans: list[Span]) -> str:
    """text[start:end] with the given (non-overlapping, sorted) spans marked."""
    out, cursor = [], start
    for span in spans:
        out.append(html.escape(text[cursor:span.start]))
        out.append(_mark(text, span))
        cursor = span.end
    out.append(html.escape(text[cursor:end]))
    return "".join(out)


def highlight(tagged: Tagged, references: Iterable[str] = ()) -> str:
    """The tagged text as escaped HTML with `<mark class="lc-KIND">` around the evidence."""
    text = tagged.text
    out, cursor = [], 0
    for span, periods in _layout(evidence_spans(tagged, references)):
        out.append(html.escape(text[cursor:span.start]))
        out.append(_mark(text, span, _marked(text, span.start, span.end, periods) if periods else None))
        cursor = span.end
    out.append(html.escape(text[cursor:]))
    return "".join(out)


def legend_html(say: Callable[[str], str] = str) -> str:
    """The key to the colours, shown under every highlighted text (`say` puts a label in the
    page's language)."""
    return " ".join(f'<mark class="lc-{kind}">{html.escape(say(label))}</mark>' for kind, label in LEGEND)
