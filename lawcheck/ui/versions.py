"""The current draft compared with a second version of it, or with an amending act.

Parliamentary staff ask of every amendment first what it does to conformance (did it take a
judge's authorisation away from a power? close a gap?), and only then how the words changed.
The comparison itself is `lawcheck.compare.versions.compare`, which applies an amending act to
the draft before comparing; the draft's own check is reused and the second version is checked
with the same options. This module reads the second upload and turns the diff's JSON into
HTML fragments. Nothing here assesses anything.
"""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import partial
from typing import Any

from lawcheck.compare.versions import compare
from lawcheck.errors import InputError
from lawcheck.pipeline import check_document
from lawcheck.report.diff import HTML_MARKS, inline_diff
from lawcheck.ui import labels as L
from lawcheck.ui.fragments import status_chip
from lawcheck.ui.source import Outcome, Request, Source, read_version

Json = Mapping[str, Any]
KEEP_WORDS = 25
"""Unchanged words kept on each side of a change: enough to see where it is, short enough
that a long provision with one substituted word still reads as one change."""
TEXT_LIMIT = 1500
"""Characters of an added or removed provision shown; the downloads have the full text."""
_RANK = {"implemented": 3, "partial": 2, "missing": 1, "not_applicable": 0, "not_assessed": 0}


@dataclass(frozen=True)
class Comparison:
    """The diff of the current draft with `new`, or the one line why it could not be made."""

    new: Source
    diff: dict[str, Any] | None = None
    error: str | None = None


def compare_sources(old: Request, outcome: Outcome, new: Source) -> Comparison:
    """Compare the checked draft with a second upload, checked with the same options.

    Bad input gives the engine's one line, and anything else one line too: a failed second
    upload must leave the draft's report on the page."""
    assert outcome.check is not None and outcome.draft is not None, "compare a draft that was checked"
    check = partial(check_document, lang=old.lang, instruments=old.instruments, ui_lang=old.ui_lang,
                    settings=old.scoping.settings())
    try:
        diff = compare(outcome.draft, outcome.check, read_version(new, old.lang), check)
    except InputError as error:
        return Comparison(new, error=str(error))
    except Exception as error:
        return Comparison(new, error=f"{new.name}: internal error: {type(error).__name__}: {error}")
    return Comparison(new, diff=diff)


# --- HTML fragments ---------------------------------------------------------------------------

def _esc(text: Any) -> str:
    return html.escape(str(text))


def word_diff_html(pieces: Sequence[Sequence[str]], *, keep: int = KEEP_WORDS) -> str:
    """The diff's word pieces as HTML: removed words in <del>, inserted ones in <ins>, long
    unchanged runs shortened."""
    return inline_diff(pieces, HTML_MARKS, html.escape, keep)


def changes_html(changes: Sequence[Json]) -> str:
    """Each changed provision: its eId (and the old one when it was renumbered), then the
    words struck out and inserted."""
    blocks = []
    for change in changes:
        was = f" (was {_esc(change['old_eId'])})" if change.get("old_eId") else ""
        blocks.append(f'<div class="lc-change"><span class="lc-eid">{_esc(change["eId"])}{was}</span>'
                      f'<div class="lc-diff">{word_diff_html(change["diff"])}</div></div>')
    return f'<div class="lc-changes">{"".join(blocks)}</div>'


def provisions_html(items: Sequence[Json], kind: str) -> str:
    """Provisions added ("added", shown inserted) or removed ("removed", shown struck out)."""
    tag = "ins" if kind == "added" else "del"
    blocks = []
    for item in items:
        text = item["text"]
        if len(text) > TEXT_LIMIT:
            text = text[:TEXT_LIMIT].rstrip() + " …"
        blocks.append(f'<div class="lc-change lc-{kind}"><span class="lc-eid">{_esc(item["eId"])}</span>'
                      f'<div class="lc-diff lc-whole"><{tag}>{_esc(text)}</{tag}></div></div>')
    return f'<div class="lc-changes">{"".join(blocks)}</div>'


def safeguard_changes_html(safeguards: Sequence[Json], titles: Mapping[str, str]) -> str:
    """Safeguards a power lost (first: the question every amendment is read for) or gained."""
    ordered = sorted(safeguards, key=lambda s: s["new"] != "absent")
    items = []
    for change in ordered:
        lost = change["new"] == "absent"
        symbol = L.SAFEGUARD_SYMBOL["absent" if lost else "present"]
        verdict = "lost" if lost else "gained"
        power = f"{change['requirement']} {titles.get(change['requirement'], '')}".strip()
        items.append(f'<li class="lc-el lc-sg-{"absent" if lost else "present"}"><b>{symbol} {_esc(power)}</b> '
                     f"{verdict} <b>{_esc(L.safeguard_label(change['safeguard']).lower())}</b>"
                     f'<div class="lc-detail">{_esc(change["old"])} → {_esc(change["new"])}</div></li>')
    return f'<ul class="lc-elements">{"".join(items)}</ul>'


def status_changes_html(requirements: Sequence[Json]) -> str:
    """Requirement statuses before and after, the worse ones first."""
    ordered = sorted(requirements, key=lambda r: _RANK.get(r["new_status"], 0) - _RANK.get(r["old_status"], 0))
    rows = []
    for change in ordered:
        trend = "worse" if _RANK.get(change["new_status"], 0) < _RANK.get(change["old_status"], 0) else "better"
        rows.append(f'<tr class="lc-{trend}"><th class="lc-row">{_esc(change["id"])} {_esc(change.get("title", ""))}'
                    f"</th><td>{status_chip(change['old_status'])}</td><td>→</td>"
                    f"<td>{status_chip(change['new_status'])}</td></tr>")
    return (f'<table class="lc-matrix lc-statuses"><tr><th>Treaty article</th><th>Before</th><th></th>'
            f'<th>After</th></tr>{"".join(rows)}</table>')


def problems_html(problems: Sequence[Json]) -> str:
    """Amending instructions that could not be applied: where, why, and the instruction."""
    rows = "".join(f"<tr><td><code>{_esc(p['eId'])}</code></td><td>{_esc(p.get('line') or '')}</td>"
                   f"<td>{_esc(p['message'])}</td><td class=\"lc-detail\">{_esc(p.get('instruction', ''))}</td></tr>"
                   for p in problems)
    return (f'<table class="lc-matrix lc-problems"><tr><th>Instruction at</th><th>Line</th><th>Why not applied</th>'
            f"<th>Instruction</th></tr>{rows}</table>")


def renumbered_html(renumbered: Sequence[Json]) -> str:
    rows = "".join(f"<tr><td><code>{_esc(r['old_eId'])}</code> {_esc(r.get('old_num', ''))}</td><td>→</td>"
                   f"<td><code>{_esc(r['eId'])}</code> {_esc(r.get('num', ''))}</td></tr>" for r in renumbered)
    return f'<table class="lc-matrix lc-renumbered"><tr><th>Before</th><th></th><th>After</th></tr>{rows}</table>'


def file_stem(diff: Json) -> str:
    """"en_base-vs-en_amendment_plain": names the downloads after both versions."""
    old = str(diff["old"]["source"]).rsplit(".", 1)[0]
    new = str(diff["new"]["source"]).split(" + ")[-1].rsplit(".", 1)[0]
    return f"{old}-vs-{new}"
