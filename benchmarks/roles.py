"""Agreement of lawcheck's provision-role classifier with hand-made labels.

Loads benchmarks/data/roles/*.json (one file per law of benchmarks/data/devset/akn/), runs
`analyse` on each law and prints, per language and overall, the accuracy, a confusion matrix
(rows gold, columns predicted) and the disagreements (eId, heading, gold, predicted), which
the overall block does not repeat.

Usage: python benchmarks/roles.py
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import NamedTuple

from lawcheck.akn import read_document
from lawcheck.engine.align import analyse

ROOT = Path(__file__).resolve().parents[1]
LABELS = ROOT / "benchmarks" / "data" / "roles"
LAWS = ROOT / "benchmarks" / "data" / "devset" / "akn"
ROLES = ("definition", "offence", "power", "cooperation", "other")
LABELLED_AS = {"preliminary": "other"}  # the labels count an Act's title and objectives as other


class Row(NamedTuple):
    law: str
    lang: str
    eid: str
    heading: str
    gold: str
    predicted: str


def rows() -> list[Row]:
    found: list[Row] = []
    for path in sorted(LABELS.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        lang = data["language"]
        analysis = analyse(read_document(LAWS / f"{data['law']}.xml"), lang)
        for eid, label in data["labels"].items():
            provision = analysis.provision(eid)
            if provision is None:
                raise SystemExit(f"{data['law']}: no provision {eid}")
            found.append(Row(data["law"], lang, eid, provision.heading, label["role"],
                             LABELLED_AS.get(analysis.role(provision), analysis.role(provision))))
    return found


def report(title: str, selected: list[Row], disagreements: bool = True) -> None:
    right = sum(row.gold == row.predicted for row in selected)
    print(f"\n== {title}: accuracy {right}/{len(selected)} = {right / len(selected):.3f}")
    pairs = Counter((row.gold, row.predicted) for row in selected)
    width = max(map(len, ROLES)) + 1
    print("gold \\ pred".ljust(width) + "".join(role[:5].rjust(7) for role in ROLES))
    for gold in ROLES:
        print(gold.ljust(width) + "".join(str(pairs[gold, pred]).rjust(7) for pred in ROLES))
    for row in selected:
        if disagreements and row.gold != row.predicted:
            print(f"  {row.law} {row.eid} {row.heading[:60]!r}: gold {row.gold}, predicted {row.predicted}")


def main() -> None:
    found = rows()
    for lang in sorted({row.lang for row in found}):
        report(lang, [row for row in found if row.lang == lang])
    report("overall", found, disagreements=False)


if __name__ == "__main__":
    main()
