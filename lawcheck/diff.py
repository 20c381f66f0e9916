"""Comparing two versions of a draft: what changed in the text, and what that does to conformance.

Parliamentary staff ask of each amendment: did it remove a safeguard, break a cross-reference,
close a gap? So the diff is of conformance first (requirement statuses, Article 15 safeguards,
findings added and resolved), then of text. Both versions are checked with the ordinary
pipeline (`lawcheck.report.check_document`); nothing here evaluates rules.

- Provisions are matched by eId. eIds shift when a draft is renumbered (a new section 5 turns
  the old 5 into 6, and all its subsections with it), so a same-eId pair is trusted at once
  only when its own wording is unchanged and its parents are paired; the rest are paired by
  text, heading and number similarity, level by level (rapidfuzz `cdist`, not a Python loop
  over all pairs), where the same eId is only a tie-breaker. A same-eId pair left over at the
  end is kept: the same unit, rewritten («изложить в следующей редакции»).
- Findings are matched by code + requirement + safeguard, not by the provisions they cite,
  which shift with renumbering; among findings with the same key the message decides.
- Word-level changes are computed for each changed provision with difflib on words, and a
  single unchanged word between two changes is folded into them so that the result reads as
  a drafter's "for X substitute Y".

`compare` is `lawcheck diff OLD NEW` as the command means it: when NEW is an amending act it is
applied to OLD first (`lawcheck.amend`) and the diff is between OLD and the consolidated text.
"""

from __future__ import annotations

import argparse
import copy
import difflib
import html
import json
import re
import sys
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
from lxml import etree
from rapidfuzz import fuzz, process

from lawcheck import __version__
from lawcheck.akn import Document, Provision, build_document, parse_document, parse_xml, read_xml
from lawcheck.amend import Consolidation, consolidate, is_amending_act
from lawcheck.findings import fails_on
from lawcheck.ingest import DRAFT_SUFFIXES, import_draft
from lawcheck.settings import Settings

__all__ = [
    "EXIT_FINDINGS",
    "SCHEMA",
    "Matching",
    "compare",
    "diff_documents",
    "match_provisions",
    "render_diff",
    "render_diff_html",
    "render_diff_markdown",
    "render_diff_text",
    "run_diff",
    "word_diff",
]

SCHEMA = "lawcheck.diff/1"
INSTRUMENTS = ("BC", "SP")
EXIT_FINDINGS = 3

BONUS_HEADING_WEIGHT = 0.3
"""Share of the heading in the similarity of two units that both have one."""
BONUS_PARENT, BONUS_NUMBER, BONUS_EID = 5.0, 3.0, 3.0
"""Small tie-breakers: a clearly better text match elsewhere must win over the same number."""
MATCH_MIN = 60.0
"""A pair found by similarity needs at least this score (bonuses included)."""
SIGNATURE_CHARS = 400
"""Only the start of each text is compared: enough to recognise a unit, cheap on long ones."""

Diff = list[list[str]]


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


def _text_of(unit: Provision) -> str:
    """What a drafter sees of a unit's own wording: heading, then own text."""
    return "\n".join(part for part in (unit.heading, unit.own_text) if part)


# -- the conformance delta ---------------------------------------------------------------------


def _requirement_changes(old: Mapping[str, Any], new: Mapping[str, Any]) -> list[dict[str, Any]]:
    before = {item["id"]: item for item in old["requirements"]}
    changes = []
    for item in new["requirements"]:
        previous = before.get(item["id"])
        if previous is not None and previous["status"] != item["status"]:
            changes.append({"id": item["id"], "title": item.get("title", ""),
                            "old_status": previous["status"], "new_status": item["status"]})
    return changes


def _safeguard_changes(old: Mapping[str, Any], new: Mapping[str, Any]) -> list[dict[str, Any]]:
    """Article 15 safeguards of each power that changed between present and absent (a power
    can stay "implemented" while losing its judge: the finding says so, and this says it
    plainly). "unknown" (no such power in one version) is the status change's business."""
    before = {item["id"]: item.get("safeguards", {}) for item in old["requirements"]}
    changes = []
    for item in new["requirements"]:
        previous = before.get(item["id"], {})
        for safeguard, status in item.get("safeguards", {}).items():
            before_status = previous.get(safeguard, "unknown")
            if before_status != status and "unknown" not in (before_status, status):
                changes.append({"requirement": item["id"], "safeguard": safeguard,
                                "old": before_status, "new": status})
    return changes


def _finding_key(finding: Mapping[str, Any]) -> tuple[str, str, str]:
    return finding["code"], finding.get("requirement") or "", finding.get("safeguard") or ""


def _finding_changes(old: Sequence[Mapping[str, Any]],
                     new: Sequence[Mapping[str, Any]]) -> dict[str, list[Mapping[str, Any]]]:
    """Findings added and resolved: paired by key and message first, then by key alone (the
    message names provisions, which a renumbering changes)."""
    left = list(old)
    right = list(new)
    for exact in (True, False):
        waiting: dict[tuple, list[int]] = defaultdict(list)
        for index, finding in enumerate(left):
            waiting[_finding_key(finding) + ((finding["message"],) if exact else ())].append(index)
        gone_left: set[int] = set()
        keep_right = []
        for finding in right:
            key = _finding_key(finding) + ((finding["message"],) if exact else ())
            if waiting.get(key):
                gone_left.add(waiting[key].pop(0))
            else:
                keep_right.append(finding)
        left = [finding for index, finding in enumerate(left) if index not in gone_left]
        right = keep_right
    return {"added": list(right), "resolved": list(left)}


# -- the diff -----------------------------------------------------------------------------------


def diff_documents(old: Document, new: Document, *, lang: str = "auto",
                   instruments: Sequence[str] = INSTRUMENTS, settings: Settings | None = None,
                   checks: tuple[Any, Any] | None = None,
                   amendment: Consolidation | None = None, ui_lang: str = "auto") -> dict[str, Any]:
    """The diff of two versions as the contract's `lawcheck.diff/1` JSON (plus `changes`,
    `texts`, `safeguards`, `summary` and, for an amending act, `amendment`).

    `checks` reuses two Check results already computed (the app has them); otherwise both
    versions are checked here.
    """
    if checks is None:
        from lawcheck.report import check_document  # the check pipeline is heavy: import late

        checks = (check_document(old, lang=lang, instruments=tuple(instruments), settings=settings,
                                 ui_lang=ui_lang),
                  check_document(new, lang=lang, instruments=tuple(instruments), settings=settings,
                                 ui_lang=ui_lang))
    old_report, new_report = checks[0].report, checks[1].report
    matching = match_provisions(old, new)
    text = _text_delta(matching)
    result: dict[str, Any] = {
        "schema": SCHEMA,
        "tool": {"name": "lawcheck", "version": __version__},
        "old": _side(old, old_report),
        "new": _side(new, new_report),
        "instruments": list(new_report.get("instruments", instruments)),
        "provisions": text["provisions"],
        "requirements": _requirement_changes(old_report, new_report),
        "safeguards": _safeguard_changes(old_report, new_report),
        "findings": _finding_changes(old_report["findings"], new_report["findings"]),
        "changes": text["changes"],
        "texts": text["texts"],
    }
    if amendment is not None:
        result["amendment"] = amendment.as_dict()
    result["summary"] = _summary(result, old_report, new_report)
    return result


def compare(old: Document, new: Document, *, lang: str = "auto",
            instruments: Sequence[str] = INSTRUMENTS, settings: Settings | None = None,
            old_root: etree._Element | None = None, new_root: etree._Element | None = None,
            as_amendment: bool | None = None, ui_lang: str = "auto") -> dict[str, Any]:
    """`lawcheck diff OLD NEW`: when NEW amends OLD (mods, activeModifications or worded
    instructions, and not simply another version of the same act) it is applied to OLD
    first, and the diff is between OLD and the consolidated text. `as_amendment` forces
    the choice. Pass the parsed trees when the documents came from bytes (an upload)."""
    amending = as_amendment if as_amendment is not None else _amends(old, new, new_root)
    if not amending:
        return diff_documents(old, new, lang=lang, instruments=instruments, settings=settings,
                              ui_lang=ui_lang)
    consolidation = consolidate(old, new, base_root=old_root, amending_root=new_root)
    return diff_documents(old, consolidation.document, lang=lang, instruments=instruments,
                          settings=settings, amendment=consolidation, ui_lang=ui_lang)


def _amends(old: Document, new: Document, new_root: etree._Element | None) -> bool:
    """A new version of the same act (same FRBR work, or a near-identical title) is compared
    as it is, even if it contains consequential amendments of other laws."""
    if old.frbr.work_uri and old.frbr.work_uri == new.frbr.work_uri:
        return False
    if old.title and new.title and fuzz.ratio(old.title.lower(), new.title.lower()) >= 90:
        return False
    return is_amending_act(new, new_root)


def _side(document: Document, report: Mapping[str, Any]) -> dict[str, Any]:
    return {"title": document.title, "source": Path(document.source).name,
            "provisions": report["document"].get("provisions", 0)}


def _text_delta(matching: Matching) -> dict[str, Any]:
    changed, changes, renumbered = [], [], []
    for old_unit, new_unit in matching.pairs:
        if old_unit.eid != new_unit.eid or old_unit.num != new_unit.num:
            renumbered.append({"old_eId": old_unit.eid, "eId": new_unit.eid,
                               "old_num": old_unit.num, "num": new_unit.num})
        before, after = _text_of(old_unit), _text_of(new_unit)
        if " ".join(before.split()) == " ".join(after.split()):
            continue
        changed.append(new_unit.eid)
        entry: dict[str, Any] = {"eId": new_unit.eid}
        if old_unit.eid != new_unit.eid:
            entry["old_eId"] = old_unit.eid
        entry["num"] = new_unit.num
        entry["diff"] = word_diff(before, after)
        changes.append(entry)
    added = _outermost(matching.added)
    removed = _outermost(matching.removed)
    return {
        "provisions": {"added": [unit.eid for unit in added], "removed": [unit.eid for unit in removed],
                       "changed": changed, "renumbered": renumbered},
        "changes": changes,
        "texts": {"added": [{"eId": unit.eid, "text": unit.text} for unit in added],
                  "removed": [{"eId": unit.eid, "text": unit.text} for unit in removed]},
    }


def _outermost(units: Iterable[Provision]) -> list[Provision]:
    """Added (or removed) units without those inside another added one: a new article lists
    as one entry, not as the article and each of its parts."""
    chosen = list(units)
    ids = {id(unit) for unit in chosen}
    return [unit for unit in chosen if not any(id(a) in ids for a in unit.ancestors())]


def _summary(result: Mapping[str, Any], old: Mapping[str, Any], new: Mapping[str, Any]) -> dict[str, Any]:
    findings = result["findings"]
    return {
        "provisions_added": len(result["provisions"]["added"]),
        "provisions_removed": len(result["provisions"]["removed"]),
        "provisions_changed": len(result["provisions"]["changed"]),
        "requirements_changed": len(result["requirements"]),
        "safeguards_changed": len(result["safeguards"]),
        "findings_added": len(findings["added"]),
        "findings_resolved": len(findings["resolved"]),
        "high_findings_added": sum(f.get("severity") == "high" for f in findings["added"]),
        "old": dict(old.get("summary", {})),
        "new": dict(new.get("summary", {})),
    }


# -- renderers ----------------------------------------------------------------------------------


def render_diff(diff: Mapping[str, Any], output_format: str) -> str:
    """The diff in the asked format: text, md, html or json."""
    if output_format == "json":
        return json.dumps(diff, ensure_ascii=False, indent=2) + "\n"
    renderers = {"md": render_diff_markdown, "html": render_diff_html}
    return renderers.get(output_format, render_diff_text)(diff)


def _headline(diff: Mapping[str, Any]) -> list[str]:
    old, new, summary = diff["old"], diff["new"], diff["summary"]
    lines = [f"lawcheck diff: {old['source']} -> {new['source']}", new["title"] or old["title"]]
    amendment = diff.get("amendment")
    if amendment is not None:
        lines.append(f"Amending act {amendment['source']}: {len(amendment['applied'])} instruction(s) "
                     f"applied, {len(amendment['problems'])} not applied")
    lines.append(f"Conformance: {summary['findings_added']} new finding(s) ({summary['high_findings_added']} high), "
                 f"{summary['findings_resolved']} resolved; {summary['requirements_changed']} requirement "
                 f"status(es) and {summary['safeguards_changed']} safeguard(s) changed")
    lines.append(f"Text: {summary['provisions_added']} added, {summary['provisions_removed']} removed, "
                 f"{summary['provisions_changed']} changed")
    return lines


def _finding_line(finding: Mapping[str, Any]) -> str:
    where = ", ".join(finding.get("provisions", [])[:3])
    return (f"[{finding['severity'][0].upper()}] {finding['code']}" + (f" @ {where}" if where else "")
            + f": {finding['message']}")


def _elide(words: str, keep: int, where: str) -> str:
    """Long unchanged runs shortened around the change: "… last words" / "first words …"."""
    parts = words.split()
    if len(parts) <= 2 * keep + 2:
        return words
    if where == "start":
        return "… " + " ".join(parts[-keep:])
    if where == "end":
        return " ".join(parts[:keep]) + " …"
    return " ".join(parts[:keep]) + " … " + " ".join(parts[-keep:])


def _inline_diff(diff: Diff, mark: Mapping[str, tuple[str, str]], escape: Any = str, keep: int = 6) -> str:
    """A diff as one line: unchanged runs shortened, changes marked ([-old-] {+new+}, <del>,
    ~~...~~); the space before a piece stays outside its mark."""
    pieces = []
    for index, (op, words) in enumerate(diff):
        space = " " if words[:1].isspace() else ""
        words = words.strip()
        if op == "=":
            where = "start" if index == 0 else "end" if index == len(diff) - 1 else "middle"
            pieces.append(space + escape(_elide(words, keep, where)))
        else:
            opening, closing = mark[op]
            pieces.append(f"{space}{opening}{escape(words)}{closing}")
    return "".join(pieces)


_TEXT_MARKS = {"-": ("[-", "-]"), "+": ("{+", "+}")}


def render_diff_text(diff: Mapping[str, Any], *, limit: int = 10) -> str:
    """A terminal summary a person reads in twenty seconds: conformance first, then text."""
    lines = [*_headline(diff), ""]
    findings = diff["findings"]
    sections = [
        ("New findings", [_finding_line(f) for f in findings["added"]]),
        ("Safeguards changed", [f"{s['requirement']} {s['safeguard']}: {s['old']} -> {s['new']}"
                                for s in diff["safeguards"]]),
        ("Requirement statuses changed", [f"{r['id']} {r.get('title', '')}: {r['old_status']} -> {r['new_status']}"
                                          for r in diff["requirements"]]),
        ("Resolved findings", [_finding_line(f) for f in findings["resolved"]]),
        ("Changed provisions", [f"~ {c['eId']}" + (f" (was {c['old_eId']})" if c.get("old_eId") else "")
                                + f": {_inline_diff(c['diff'], _TEXT_MARKS)}" for c in diff["changes"]]),
        ("Added provisions", [f"+ {t['eId']}: {_first_line(t['text'])}" for t in diff["texts"]["added"]]),
        ("Removed provisions", [f"- {t['eId']}: {_first_line(t['text'])}" for t in diff["texts"]["removed"]]),
    ]
    amendment = diff.get("amendment")
    if amendment is not None:
        sections.append(("Amending instructions not applied",
                         [f"{p['eId']}" + (f" (line {p['line']})" if p.get("line") else "") + f": {p['message']}"
                          for p in amendment["problems"]]))
    for title, items in sections:
        if not items:
            continue
        lines.append(f"{title} ({len(items)})")
        lines.extend(f"  {item}" for item in items[:limit])
        if len(items) > limit:
            lines.append(f"  ... and {len(items) - limit} more (--format md or html for all)")
        lines.append("")
    if len(lines) == len(_headline(diff)) + 1:
        lines.append("No difference in text or conformance.")
    return "\n".join(lines).rstrip("\n") + "\n"


def _first_line(text: str, limit: int = 100) -> str:
    line = text.split("\n", 1)[0]
    return line if len(line) <= limit else line[:limit - 1] + "…"


def _md(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


_MD_MARKS = {"-": ("~~", "~~"), "+": ("**", "**")}


def render_diff_markdown(diff: Mapping[str, Any]) -> str:
    """Markdown for a review file or an issue: tables for conformance, ~~old~~ **new** text."""
    head = _headline(diff)
    lines = [f"# {head[0]}", "", *[f"{line}  " for line in head[1:]], ""]
    findings = diff["findings"]
    if diff["requirements"] or diff["safeguards"]:
        lines += ["## Conformance changes", "", "| Requirement | What | Before | After |", "| --- | --- | --- | --- |"]
        lines += [f"| {r['id']} | status: {_md(r.get('title', ''))} | {r['old_status']} | {r['new_status']} |"
                  for r in diff["requirements"]]
        lines += [f"| {s['requirement']} | safeguard `{s['safeguard']}` | {s['old']} | {s['new']} |"
                  for s in diff["safeguards"]]
        lines.append("")
    for title, items in (("New findings", findings["added"]), ("Resolved findings", findings["resolved"])):
        if items:
            lines += [f"## {title} ({len(items)})", ""]
            lines += [_md_finding(finding) for finding in items]
            lines.append("")
    if diff["changes"]:
        lines += [f"## Changed provisions ({len(diff['changes'])})", ""]
        for change in diff["changes"]:
            was = f" (was `{change['old_eId']}`)" if change.get("old_eId") else ""
            lines.append(f"- `{change['eId']}`{was}: {_md(_inline_diff(change['diff'], _MD_MARKS, keep=10))}")
        lines.append("")
    for title, key in (("Added provisions", "added"), ("Removed provisions", "removed")):
        items = diff["texts"][key]
        if items:
            lines += [f"## {title} ({len(items)})", ""]
            for item in items:
                lines += [f"### `{item['eId']}`", "", *[f"> {line}  " for line in item["text"].split("\n")], ""]
    amendment = diff.get("amendment")
    if amendment and amendment["problems"]:
        lines += [f"## Amending instructions not applied ({len(amendment['problems'])})", "",
                  "| Provision | Line | Problem | Instruction |", "| --- | --- | --- | --- |"]
        lines += [f"| `{p['eId']}` | {p['line']} | {_md(p['message'])} | {_md(p['instruction'])} |"
                  for p in amendment["problems"]]
        lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"


def _md_finding(finding: Mapping[str, Any]) -> str:
    where = ", ".join(f"`{eid}`" for eid in finding.get("provisions", []))
    return f"- **{finding['code']}** ({finding['severity']})" + (f" in {where}" if where else "") + \
        f": {_md(finding['message'])}"


_CSS = """
body{font:15px/1.5 system-ui,sans-serif;margin:2rem auto;max-width:70rem;color:#1d2733;padding:0 1rem}
h1{font-size:1.45rem}h2{margin-top:2rem;border-bottom:1px solid #ccd;font-size:1.15rem}
table{border-collapse:collapse;width:100%}td,th{border:1px solid #d5d9e0;padding:.3rem .5rem;vertical-align:top;
text-align:left}th{background:#f1f3f6}.lead{font-size:1.05rem}.small{font-size:.85rem;color:#555}
ins{background:#d8f5dc;text-decoration:none;padding:0 .1rem}del{background:#fbd9d6;color:#7a1c17;padding:0 .1rem}
.sev-high{color:#a4161a;font-weight:600}.sev-medium{color:#9a6700}.worse{background:#fde4e1}.better{background:#e3f4e6}
.prov{border-left:3px solid #99a;padding:.2rem .8rem;margin:.6rem 0}.eid{font:12px monospace;color:#556}
.added{border-left-color:#3a9d4a}.removed{border-left-color:#c0392b}.text{white-space:pre-wrap}
"""
_RANK = {"implemented": 3, "partial": 2, "missing": 1, "not_applicable": 0, "present": 2, "unknown": 1, "absent": 0}
_HTML_MARKS = {"-": ("<del>", "</del>"), "+": ("<ins>", "</ins>")}


def _trend(before: str, after: str) -> str:
    return "worse" if _RANK.get(after, 0) < _RANK.get(before, 0) else "better"


def render_diff_html(diff: Mapping[str, Any]) -> str:
    """One self-contained page: conformance tables, then every changed provision with its
    words struck out (<del>) and inserted (<ins>)."""
    esc = html.escape
    head = _headline(diff)
    parts = [f"<!doctype html><html><head><meta charset='utf-8'><title>{esc(head[0])}</title>"
             f"<style>{_CSS}</style></head><body><h1>{esc(head[0])}</h1>"
             f"<p class='lead'><b>{esc(head[1])}</b></p>",
             *[f"<p>{esc(line)}</p>" for line in head[2:]]]
    parts.append(_html_conformance(diff))
    parts.append(_html_findings("New findings", diff["findings"]["added"]))
    parts.append(_html_findings("Resolved findings", diff["findings"]["resolved"]))
    if diff["changes"]:
        parts.append(f"<h2>Changed provisions ({len(diff['changes'])})</h2>")
        for change in diff["changes"]:
            was = f" (was {esc(change['old_eId'])})" if change.get("old_eId") else ""
            parts.append(f"<div class='prov' id='{esc(change['eId'])}'><div class='eid'>{esc(change['eId'])}{was}"
                         f"</div>{_inline_diff(change['diff'], _HTML_MARKS, esc, keep=40)}</div>")
    for title, key in (("Added provisions", "added"), ("Removed provisions", "removed")):
        items = diff["texts"][key]
        if items:
            tag = "ins" if key == "added" else "del"
            parts.append(f"<h2>{title} ({len(items)})</h2>")
            parts += [f"<div class='prov {key}' id='{esc(item['eId'])}'><div class='eid'>{esc(item['eId'])}</div>"
                      f"<{tag} class='text'>{esc(item['text'])}</{tag}></div>" for item in items]
    parts.append(_html_amendment(diff.get("amendment")))
    parts.append("</body></html>\n")
    return "".join(parts)


def _html_conformance(diff: Mapping[str, Any]) -> str:
    rows = [_html_row(r["id"], f"status: {r.get('title', '')}", r["old_status"], r["new_status"])
            for r in diff["requirements"]]
    rows += [_html_row(s["requirement"], f"safeguard {s['safeguard']}", s["old"], s["new"]) for s in diff["safeguards"]]
    if not rows:
        return "<h2>Conformance changes</h2><p>No requirement status or safeguard changed.</p>"
    return ("<h2>Conformance changes</h2><table><tr><th>Requirement</th><th>What</th><th>Before</th>"
            f"<th>After</th></tr>{''.join(rows)}</table>")


def _html_row(requirement: str, what: str, before: str, after: str) -> str:
    esc = html.escape
    return (f"<tr class='{_trend(before, after)}'><td>{esc(requirement)}</td><td>{esc(what)}</td>"
            f"<td>{esc(before)}</td><td>{esc(after)}</td></tr>")


def _html_findings(title: str, findings: Sequence[Mapping[str, Any]]) -> str:
    if not findings:
        return ""
    items = "".join(_html_finding(finding) for finding in findings)
    return f"<h2>{html.escape(title)} ({len(findings)})</h2><ul>{items}</ul>"


def _html_finding(finding: Mapping[str, Any]) -> str:
    esc = html.escape
    where = " ".join(esc(eid) for eid in finding.get("provisions", []))
    advice = f"<div class='small'>What to change: {esc(finding['help'])}</div>" if finding.get("help") else ""
    return (f"<li><span class='sev-{esc(finding['severity'])}'>{esc(finding['code'])}</span> {where} "
            f"<span class='small'>{esc(finding.get('cites', ''))}</span><br>{esc(finding['message'])}{advice}</li>")


def _html_amendment(amendment: Mapping[str, Any] | None) -> str:
    if not amendment:
        return ""
    esc = html.escape
    parts = [f"<h2>Amending act {esc(amendment['source'])}</h2><p>{len(amendment['applied'])} instruction(s) "
             f"applied, {len(amendment['problems'])} not applied.</p>"]
    if amendment["problems"]:
        parts.append("<table><tr><th>Provision</th><th>Line</th><th>Problem</th><th>Instruction</th></tr>")
        parts += [f"<tr><td>{esc(p['eId'])}</td><td>{p['line'] or ''}</td><td>{esc(p['message'])}</td>"
                  f"<td class='small'>{esc(p['instruction'])}</td></tr>" for p in amendment["problems"]]
        parts.append("</table>")
    return "".join(parts)


# -- the command ------------------------------------------------------------------------------------


def run_diff(args: argparse.Namespace) -> int:
    """`lawcheck diff OLD NEW`: read both files (AKN XML; a .docx or .txt draft is imported
    first), compare (applying NEW to OLD when it is an amending act), write the diff in the
    asked format. Exit 3 with --fail-on when the new version adds findings of that kind."""
    from lawcheck.report import parse_instruments
    from lawcheck.rulebook.loader import load_rulebook
    from lawcheck.settings import load_settings

    old_path, new_path = Path(args.old), Path(args.new)
    instruments = parse_instruments(getattr(args, "instruments", "BC,SP"))
    max_bytes = getattr(args, "max_bytes", None)
    lang = getattr(args, "lang", "auto")
    (old, old_root), (new, new_root) = (_load(path, max_bytes, lang) for path in (old_path, new_path))
    settings = load_settings(old_path, load_rulebook())
    mode = getattr(args, "mode", "auto")
    diff = compare(old, new, lang=lang, instruments=instruments, settings=settings, old_root=old_root,
                   new_root=new_root, as_amendment=None if mode == "auto" else mode == "amendment",
                   ui_lang=getattr(args, "ui_lang", "auto"))
    amendment = diff.get("amendment")
    if amendment is not None and new_path.suffix.lower() in DRAFT_SUFFIXES:
        for item in (*amendment["applied"], *amendment["problems"]):
            item["line"] = None  # a line of the imported XML would mislead: the eId locates it
    if amendment and amendment["problems"]:
        print(f"lawcheck: warning: {new_path}: {len(amendment['problems'])} amending instruction(s) not applied "
              "(listed in the diff)", file=sys.stderr)
    text = render_diff(diff, args.format)
    if getattr(args, "output", None):
        Path(args.output).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return EXIT_FINDINGS if _fails(diff, getattr(args, "fail_on", None)) else 0


def _load(path: Path, max_bytes: int | None, lang: str) -> tuple[Document, etree._Element]:
    """A draft and its AKN tree: read, or imported first from .docx/.txt (the tree is what
    `lawcheck.amend` applies or amends; an imported draft has no AKN file to re-read)."""
    if path.suffix.lower() in DRAFT_SUFFIXES:
        imported = import_draft(path, lang=lang, max_bytes=max_bytes)
        for warning in imported.warnings:
            print(f"lawcheck: warning: {path}: {warning}", file=sys.stderr)
        return parse_document(imported.xml, path.name), parse_xml(imported.xml, path.name)
    root = read_xml(path, max_bytes=max_bytes)
    document = build_document(copy.deepcopy(root), str(path))
    for warning in document.warnings:
        print(f"lawcheck: warning: {path}: {warning}", file=sys.stderr)
    return document, root


def _fails(diff: Mapping[str, Any], fail_on: str | None) -> bool:
    """--fail-on for a diff looks at the findings the new version adds."""
    return fails_on({finding["category"] for finding in diff["findings"]["added"]}, fail_on)
