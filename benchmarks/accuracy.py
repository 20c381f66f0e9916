"""Accuracy of `lawcheck check` against hand-made gold annotations.

Runs the check on every law of ../shared/devset/ (real laws) and corpora/national/ (drafts
written by the project) and prints, per law and per language:
  status     accuracy of implemented / partial / missing (not_applicable counts as missing)
  presence   accuracy of present (implemented or partial) vs missing
  P R F1 F2  alignment over (article, provision) pairs; a predicted provision counts when it
             is the gold one, its ancestor or its descendant
  judicial   accuracy of judicial_or_independent_supervision for BC-16..BC-21

In-sample rows use the engine's shipped cut (lawcheck.engine.align.CUT). Leave-one-law-out
rows refit the only tuned numbers, the report cut (margin and limit), on the other laws and
score the law left out with it; rules and lexicons are the same for both.

Usage: python benchmarks/accuracy.py [--details] [--no-lolo]
"""

from __future__ import annotations

import json
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from lawcheck.akn import Document, read_document
from lawcheck.engine.align import CUT, Cut
from lawcheck.pipeline import check_document

ROOT = Path(__file__).resolve().parents[1]
SETS = [ROOT / "benchmarks" / "data" / "devset" / "gold", ROOT / "corpora" / "national" / "gold"]
POWERS = [f"BC-{n}" for n in range(16, 22)]
REAL_LAWS = {path.stem for path in SETS[0].glob("*.json")}  # the twelve development laws, not the drafts
GRID = [Cut(margin, limit) for margin in (0.1, 0.2, 0.3) for limit in (3, 6, 12)]


@dataclass
class Score:
    status: list[bool] = field(default_factory=list)
    presence: list[bool] = field(default_factory=list)
    judicial: list[bool] = field(default_factory=list)
    tp_pred: int = 0
    n_pred: int = 0
    tp_gold: int = 0
    n_gold: int = 0

    def add(self, other: Score) -> None:
        self.status += other.status
        self.presence += other.presence
        self.judicial += other.judicial
        for key in ("tp_pred", "n_pred", "tp_gold", "n_gold"):
            setattr(self, key, getattr(self, key) + getattr(other, key))

    def objective(self) -> float:
        """What the cut is fitted to: the mean of status, presence, F2 and judicial."""
        return sum(float(x) for i, x in enumerate(self.row()) if i in (0, 1, 5, 6)) / 4

    def row(self) -> list[str]:
        p = self.tp_pred / self.n_pred if self.n_pred else 0.0
        r = self.tp_gold / self.n_gold if self.n_gold else 0.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        f2 = 5 * p * r / (4 * p + r) if p + r else 0.0
        mean = [sum(v) / len(v) if v else 0.0 for v in (self.status, self.presence, self.judicial)]
        return [f"{x:.3f}" for x in (mean[0], mean[1], p, r, f1, f2, mean[2])]


def _related(document: Document, a: str, b: str) -> bool:
    """a is b, or an ancestor or descendant of it."""
    if a == b:
        return True
    pa, pb = document.by_eid(a), document.by_eid(b)
    if pa is None or pb is None:
        return a.startswith(b + "__") or b.startswith(a + "__")
    return pa in pb.ancestors() or pb in pa.ancestors()


def score_law(gold: dict, details: bool, cut: Cut = CUT) -> Score:
    akn = next(p for p in (ROOT / gold["akn"], ROOT / "benchmarks" / "data" / "devset" / gold["akn"],
                           ROOT / "corpora" / "national" / Path(gold["akn"]).name) if p.exists())
    document = read_document(akn)
    report = check_document(document, lang=gold["language"], cut=cut).report
    predicted = {r["id"]: r for r in report["requirements"]}
    score = Score()
    for rid, entry in gold["articles"].items():
        if rid not in predicted:
            continue
        pred = predicted[rid]
        status = "missing" if pred["status"] in {"not_applicable", "not_assessed"} else pred["status"]
        score.status.append(status == entry["status"])
        score.presence.append((status != "missing") == (entry["status"] != "missing"))
        pred_eids = [p["eId"] for p in pred["provisions"]]
        score.n_pred += len(pred_eids)
        score.tp_pred += sum(any(_related(document, e, g) for g in entry["provisions"]) for e in pred_eids)
        score.n_gold += len(entry["provisions"])
        score.tp_gold += sum(any(_related(document, e, g) for e in pred_eids) for g in entry["provisions"])
        if details and (status != entry["status"]):
            print(f"    {rid}: predicted {status} {pred_eids[:3]}, gold {entry['status']} "
                  f"{entry['provisions'][:3]}", file=sys.stderr)
    for rid in POWERS:
        gold_value = bool(gold["safeguards"][rid]["judicial_or_independent_supervision"])
        pred_value = predicted[rid].get("safeguards", {}).get("judicial_or_independent_supervision") == "present"
        score.judicial.append(gold_value == pred_value)
        if details and gold_value != pred_value:
            print(f"    {rid} judicial: predicted {pred_value}, gold {gold_value}", file=sys.stderr)
    return score


def _laws() -> list[tuple[str, dict]]:
    return [(path.stem, json.loads(path.read_text(encoding="utf-8")))
            for folder in SETS if folder.is_dir() for path in sorted(folder.glob("*.json"))]


def _table(title: str, scores: dict[str, tuple[str, Score]]) -> None:
    header = ["law", "lang", "status", "presence", "P", "R", "F1", "F2", "judicial"]
    rows, by_lang, total = [], defaultdict(Score), Score()
    for name, (lang, score) in scores.items():
        rows.append([name, lang, *score.row()])
        by_lang[lang].add(score)
        total.add(score)
    real, real_by_lang = Score(), defaultdict(Score)
    for name, (lang, score) in scores.items():
        if name in REAL_LAWS:
            real.add(score)
            real_by_lang[lang].add(score)
    for lang, score in sorted(real_by_lang.items()):
        rows.append([f"real laws {lang}", lang, *score.row()])
    rows.append(["real laws", "*", *real.row()])
    for lang, score in sorted(by_lang.items()):
        rows.append([f"all {lang}", lang, *score.row()])
    rows.append(["all", "*", *total.row()])
    widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(len(header))]
    print(f"\n{title}")
    for row in [header, *rows]:
        print("  ".join(str(cell).ljust(w) for cell, w in zip(row, widths, strict=True)))


def main(argv: list[str]) -> int:
    details = "--details" in argv
    laws = _laws()
    in_sample = {}
    for name, gold in laws:
        if details:
            print(f"  {name}", file=sys.stderr)
        in_sample[name] = (gold["language"], score_law(gold, details))
    _table(f"in-sample (shipped cut: margin {CUT.margin}, limit {CUT.limit})", in_sample)
    if "--no-lolo" in argv:
        return 0
    by_cut = {cut: {name: score_law(gold, False, cut) for name, gold in laws} for cut in GRID}
    left_out = {}
    for name, gold in laws:
        def fitted(cut: Cut, held: str = name) -> float:
            total = Score()
            for other, score in by_cut[cut].items():
                if other != held:
                    total.add(score)
            return total.objective()
        best = max(GRID, key=fitted)
        left_out[name] = (gold["language"], by_cut[best][name])
    _table("leave-one-law-out (cut refitted on the other laws)", left_out)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
