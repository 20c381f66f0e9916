"""Which provision of one version is which in the other, and how its words changed.

- Provisions are matched by eId. eIds shift when a draft is renumbered (a new section 5 turns
  the old 5 into 6, and all its subsections with it), so a same-eId pair is trusted at once
  only when its own wording is unchanged and its parents are paired; the rest are paired by
  text, heading and number similarity, level by level (rapidfuzz `cdist`, not a Python loop
  over all pairs), where the same eId is only a tie-breaker. A same-eId pair left over at the
  end is kept: the same unit, rewritten («изложить в следующей редакции»).
- Word-level changes are computed for each changed provision with difflib on words, and a
  single unchanged word between two changes is folded into them so that the result reads as
  a drafter's "for X substitute Y".
"""

from __future__ import annotations

import difflib
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from rapidfuzz import fuzz, process

from lawcheck.akn import Document, Provision

BONUS_HEADING_WEIGHT = 0.3
"""Share of the heading in the similarity of two units that both have one."""
BONUS_PARENT, BONUS_NUMBER, BONUS_EID = 5.0, 3.0, 3.0
"""Small tie-breakers: a clearly better text match elsewhere must win over the same number."""
MATCH_MIN = 60.0
"""A pair found by similarity needs at least this score (bonuses included)."""
SIGNATURE_CHARS = 400
"""Only the start of each text is compared: enough to recognise a unit, cheap on long ones."""


Diff = list[list[str]]
"""Word pieces of a change: [op, words] with op "=", "-" or "+"."""


# -- matching provisions --------------------------------------------------------------------


@dataclass
class Matching:
    """Which provision of the new version is which of the old one."""

    pairs: list[tuple[Provision, Provision]] = field(default_factory=list)
    added: list[Provision] = field(default_factory=list)
    removed: list[Provision] = field(default_factory=list)
    how: dict[str, str] = field(default_factory=dict)
    """new eId -> "eid" | "similarity" | "eid_rewritten"."""


def match_provisions(old: Document, new: Document) -> Matching:
    """Pair the provisions of two versions: eId first, then similarity for what is left."""
    return _Matcher(old, new).run()


class _Matcher:
    """One matching: who is paired with whom so far, and each unit's signature and depth."""

    def __init__(self, old: Document, new: Document) -> None:
        self.new = new
        self.old_units, self.new_units = list(old.walk()), list(new.walk())
        self.partner: dict[int, Provision] = {}
        self.taken: set[int] = set()
        self.how: dict[str, str] = {}
        self.signature = {id(unit): _signature(unit) for unit in (*self.old_units, *self.new_units)}
        self.depth = {id(unit): len(unit.ancestors()) for unit in (*self.old_units, *self.new_units)}

    def run(self) -> Matching:
        doubtful = self._trusted_eid_pairs()
        self._similarity_pairs()
        for old_unit, new_unit in doubtful:  # same eId, text rewritten, nothing better found
            if id(old_unit) not in self.partner and id(new_unit) not in self.taken:
                self._pair(old_unit, new_unit, "eid_rewritten")
        pairs = [(unit, self.partner[id(unit)]) for unit in self.old_units if id(unit) in self.partner]
        return Matching(pairs=pairs,
                        added=[unit for unit in self.new_units if id(unit) not in self.taken],
                        removed=[unit for unit in self.old_units if id(unit) not in self.partner],
                        how=self.how)

    def _pair(self, old_unit: Provision, new_unit: Provision, kind: str) -> None:
        self.partner[id(old_unit)] = new_unit
        self.taken.add(id(new_unit))
        self.how[new_unit.eid] = kind

    def _trusted_eid_pairs(self) -> list[tuple[Provision, Provision]]:
        """Pair same-eId units whose own wording (heading and own text) is unchanged and whose
        parents are paired with each other (document order puts parents first). A renumbered
        draft reuses every eId for other text, so a same-eId pair whose wording changed is
        only a candidate: returned, to be settled by similarity."""
        doubtful = []
        for unit in self.old_units:
            other = self.new.by_eid(unit.eid)
            if other is None or other.quoted_in is not None or id(other) in self.taken:
                continue
            parents_agree = (unit.parent is None and other.parent is None) or (
                unit.parent is not None and other.parent is not None
                and self.partner.get(id(unit.parent)) is other.parent)
            if parents_agree and _family(unit) == _family(other) and _own_words(unit) == _own_words(other):
                self._pair(unit, other, "eid")
            else:
                doubtful.append((unit, other))
        return doubtful

    def _similarity_pairs(self) -> None:
        """Pair what is left by text, heading and number, shallow levels first. At each level
        the children of already paired parents are compared among themselves (small blocks),
        then identical texts are paired through a dict (a renumbered section is its old self
        under another number), and what is left is compared with all that is left (one
        `cdist`)."""
        for level in sorted({self.depth[id(unit)] for unit in self.old_units}):
            olds = [u for u in self.old_units if id(u) not in self.partner and self.depth[id(u)] == level]
            news = [u for u in self.new_units if id(u) not in self.taken and self.depth[id(u)] == level]
            for block_old, block_new in self._sibling_blocks(olds, news):
                self._assign(block_old, block_new)
            self._exact(olds, news)
            self._assign(olds, news)
        olds = [u for u in self.old_units if id(u) not in self.partner]  # moved up or down a level
        news = [u for u in self.new_units if id(u) not in self.taken]
        if olds and news and len(olds) * len(news) <= 250_000:
            self._assign(olds, news)

    def _sibling_blocks(self, olds: list[Provision],
                        news: list[Provision]) -> list[tuple[list[Provision], list[Provision]]]:
        """(old children, new children) of each paired parent pair."""
        by_parent: dict[int, list[Provision]] = defaultdict(list)
        for unit in news:
            if unit.parent is not None:
                by_parent[id(unit.parent)].append(unit)
        blocks: dict[int, tuple[list[Provision], list[Provision]]] = {}
        for unit in olds:
            parent = self.partner.get(id(unit.parent)) if unit.parent is not None else None
            if parent is not None and by_parent.get(id(parent)):
                blocks.setdefault(id(parent), ([], by_parent[id(parent)]))[0].append(unit)
        return list(blocks.values())

    def _exact(self, olds: list[Provision], news: list[Provision]) -> None:
        waiting: dict[tuple[str, str], list[Provision]] = defaultdict(list)
        for unit in news:
            if id(unit) not in self.taken:
                waiting[(_family(unit), self.signature[id(unit)])].append(unit)
        for unit in olds:
            candidates = waiting.get((_family(unit), self.signature[id(unit)]))
            if candidates and id(unit) not in self.partner:
                self._pair(unit, candidates.pop(0), "similarity")

    def _assign(self, olds: list[Provision], news: list[Provision]) -> None:
        olds = [u for u in olds if id(u) not in self.partner]
        news = [u for u in news if id(u) not in self.taken]
        if olds and news:
            for i, j in _best_pairs(self._scores(olds, news)):
                self._pair(olds[i], news[j], "similarity")

    def _scores(self, olds: list[Provision], news: list[Provision]) -> np.ndarray:
        """Similarity of every unmatched old unit with every unmatched new one (0-100, plus
        small tie-breakers): `cdist` in C for the texts, numpy for the rest."""
        workers = -1 if len(olds) * len(news) > 10_000 else 1
        scores = process.cdist([self.signature[id(u)] for u in olds], [self.signature[id(u)] for u in news],
                               scorer=fuzz.ratio, processor=None, workers=workers, dtype=np.float32)
        old_headed = np.array([bool(u.heading) for u in olds])
        new_headed = np.array([bool(u.heading) for u in news])
        if old_headed.any() and new_headed.any():
            headings = process.cdist([u.heading.lower() for u in olds], [u.heading.lower() for u in news],
                                     scorer=fuzz.ratio, processor=None, workers=workers, dtype=np.float32)
            both = old_headed[:, None] & new_headed[None, :]
            scores = np.where(both, (1 - BONUS_HEADING_WEIGHT) * scores + BONUS_HEADING_WEIGHT * headings, scores)
        scores += BONUS_NUMBER * _equal_matrix([u.num for u in olds], [u.num for u in news])
        parents = [id(self.partner[id(u.parent)]) if u.parent is not None and id(u.parent) in self.partner else -1
                   for u in olds]
        scores += BONUS_PARENT * _equal_matrix(parents, [id(u.parent) if u.parent is not None else -2 for u in news])
        scores += BONUS_EID * _equal_matrix([u.eid for u in olds], [u.eid for u in news])
        scores -= 40.0 * ~_equal_matrix([_family(u) for u in olds], [_family(u) for u in news])
        return scores


def _own_words(unit: Provision) -> tuple[str, str]:
    return " ".join(unit.heading.split()), " ".join(unit.own_text.split())


def _equal_matrix(left: Sequence[Any], right: Sequence[Any]) -> np.ndarray:
    """left[i] == right[j] for every i, j, as a boolean matrix."""
    codes: dict[Any, int] = {}
    a = np.array([codes.setdefault(value, len(codes)) for value in left])
    b = np.array([codes.setdefault(value, len(codes)) for value in right])
    return a[:, None] == b[None, :]


def _best_pairs(scores: np.ndarray, keep: int = 3) -> list[tuple[int, int]]:
    """Greedy one-to-one assignment, best score first, from each row's few best candidates
    (enough in practice, and linear in the number of units)."""
    if scores.size == 0:
        return []
    k = min(keep, scores.shape[1])
    columns = np.argpartition(-scores, k - 1, axis=1)[:, :k]
    rows = np.repeat(np.arange(scores.shape[0]), k)
    columns = columns.ravel()
    values = scores[rows, columns]
    order = np.argsort(-values, kind="stable")
    used_rows: set[int] = set()
    used_columns: set[int] = set()
    chosen = []
    for index in order:
        if values[index] < MATCH_MIN:
            break
        row, column = int(rows[index]), int(columns[index])
        if row in used_rows or column in used_columns:
            continue
        used_rows.add(row)
        used_columns.add(column)
        chosen.append((row, column))
    return chosen


def _family(unit: Provision) -> str:
    """Units that may be the same across versions: a section may become an article."""
    return "top" if unit.element in ("section", "article", "rule") else unit.element


def _signature(unit: Provision) -> str:
    """What identifies a unit's content whatever its number: its heading, own text and its
    sub-units' text (their numbers included: they do not move when the unit is renumbered)."""
    parts = [unit.heading, unit.own_text, *(child.text for child in unit.children)]
    return " ".join(" ".join(part for part in parts if part).lower().split())[:SIGNATURE_CHARS]


# -- word-level changes -----------------------------------------------------------------------


def word_diff(old: str, new: str) -> Diff:
    """[["=", "same words"], ["-", " removed"], ["+", " added"], ...] between two texts.

    Punctuation is a token of its own ("связи;" -> "связи" ";"), so that adding words before a
    semicolon is not the change of a whole word. Each piece keeps the space that preceded it,
    so the "=" and "-" pieces put together give the old text, "=" and "+" the new one.
    """
    a, b = _tokens(old), _tokens(new)
    keys_a, keys_b = [token.strip() for token in a], [token.strip() for token in b]
    ops: list[tuple[str, list[str]]] = []
    matcher = difflib.SequenceMatcher(None, keys_a, keys_b, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            ops.append(("=", a[i1:i2]))
            continue
        if i2 > i1:
            ops.append(("-", a[i1:i2]))
        if j2 > j1:
            ops.append(("+", b[j1:j2]))
    return [[op, "".join(tokens)] for op, tokens in _fold_small_equals(ops) if tokens]


_TOKEN = re.compile(r"\s*(?:[()\[\]«»“”„,.;:!?…]|[^\s()\[\]«»“”„,.;:!?…]+)")


def _tokens(text: str) -> list[str]:
    """Words and punctuation marks, each with the whitespace before it (one space at most)."""
    tokens = []
    for match in _TOKEN.finditer(" ".join(text.split())):
        token = match.group(0)
        tokens.append(" " + token.lstrip() if token[:1].isspace() else token)
    return tokens


def _fold_small_equals(ops: list[tuple[str, list[str]]]) -> list[tuple[str, list[str]]]:
    """ "[-a judge-] may [-order-]" reads better as one change: a single unchanged word (not
    a punctuation mark) between two changes joins them."""
    folded: list[tuple[str, list[str]]] = []
    for index, (op, tokens) in enumerate(ops):
        inside = 0 < index < len(ops) - 1 and ops[index - 1][0] != "=" and ops[index + 1][0] != "="
        if op == "=" and len(tokens) == 1 and tokens[0].strip()[:1].isalnum() and inside:
            folded += [("-", tokens), ("+", tokens)]
        else:
            folded.append((op, tokens))
    merged: list[tuple[str, list[str]]] = []
    removed: list[str] = []
    added: list[str] = []
    for op, tokens in folded:
        if op == "=":
            merged += [item for item in (("-", removed), ("+", added)) if item[1]]
            merged.append((op, tokens))
            removed, added = [], []
        else:
            (removed if op == "-" else added).extend(tokens)
    merged += [item for item in (("-", removed), ("+", added)) if item[1]]
    return merged


def text_of(unit: Provision) -> str:
    """What a drafter sees of a unit's own wording: heading, then own text."""
    return "\n".join(part for part in (unit.heading, unit.own_text) if part)
