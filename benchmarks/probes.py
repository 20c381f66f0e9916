"""Probe drafts: short drafts in English and in CIS-style Russian that second readers wrote in
their own words (no real law), each with the verdicts expected of it written before lawcheck
was run on it. They test forms of drafting the twelve development laws lack (saving clauses,
"double lock" warrants, schedules of penalties, parts inserted by amending laws...), with
distractors: provisions that share words with an obligation but do not carry it.

For each set (`benchmarks/data/probes/<set>/expected.json`) it prints:

- FN: expected principal provisions lawcheck does not cite as principal;
- FP: principal citations neither expected nor acceptable (Convention, then Protocol);
- status agreement over the requirements lawcheck assessed;
- distractors cited, and judicial supervision of BC-16..BC-21 where the draft says who decides.

The sets were used to find general causes of errors, so after the first run they are
development data too: `docs/candidates.md` gives the figures of each set's first run.

Usage: python benchmarks/probes.py [SET ...]
"""

from __future__ import annotations

import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

from lawcheck.draft import load_draft
from lawcheck.pipeline import check_document

ROOT = Path(__file__).resolve().parents[1]
SETS = ROOT / "benchmarks" / "data" / "probes"
POWERS = {f"BC-{n}" for n in range(16, 22)}
_RU_ARTICLE = re.compile(r"(?:^|[\s(])(?:ст\.|стать[яиеюй]\w*)\s*(\d+(?:-\d+)*)", re.IGNORECASE)
_EN_NUMBER = re.compile(r"^(?:s\.|art\.|article|section|§)?\s*([0-9]+[A-Za-z]*(?:[-.][0-9]+)*)", re.IGNORECASE)


def section_of(label: str) -> str:
    """The article or section number a citation names: "s. 12(2)" -> 12, «ст. 168 ч. 4 УК» -> 168."""
    russian = _RU_ARTICLE.search(label)
    if russian:
        return russian.group(1)
    english = _EN_NUMBER.match(label.strip())
    return english.group(1) if english else label.strip()


@dataclass
class Tally:
    found: int = 0
    expected: int = 0
    fp: int = 0
    fp_protocol: int = 0
    status: list[bool] = field(default_factory=list)
    distractors: int = 0
    judicial: list[bool] = field(default_factory=list)

    def add(self, other: Tally) -> None:
        for name in ("found", "expected", "fp", "fp_protocol", "distractors"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.status += other.status
        self.judicial += other.judicial

    def row(self) -> str:
        judicial = f"{sum(self.judicial)}/{len(self.judicial)}" if self.judicial else "-"
        return (f"{self.expected - self.found:>3} of {self.expected:<3} {self.fp:>4} {self.fp_protocol:>4} "
                f"{sum(self.status):>4}/{len(self.status):<4} {self.distractors:>5}  {judicial:>6}")


def score_draft(folder: Path, expected: dict) -> Tally:
    lang = folder.name[:2]  # the set's language: en3, ru4, ...
    draft = load_draft(folder / expected["file"], lang=lang)
    report = check_document(draft.document, lang=lang).report
    tally = Tally()
    wanted = expected["requirements"]
    # an amending act's inserted section may be cited by its own number or by the act's
    alias = {variant: name for name, variants in expected.get("aliases", {}).items() for variant in variants}

    for requirement in report["requirements"]:
        rid, status = requirement["id"], requirement["status"]
        entry = wanted.get(rid)
        numbers = [(p["role"], alias.get(number, number)) for p in requirement["provisions"]
                   for number in [section_of(p["label"])]]
        cited = [number for role, number in numbers if role == "principal"]
        mentioned = [number for _, number in numbers]
        if status != "not_assessed":
            tally.status.append(status == (entry["status"] if entry else "missing"))
        principal = set(entry["sections"]) if entry else set()
        allowed = principal | set(entry.get("acceptable", ())) if entry else set()
        tally.expected += len(principal)
        tally.found += len(principal & set(cited))
        wrong = len([s for s in cited if s not in allowed])
        if rid.startswith("SP"):
            tally.fp_protocol += wrong
        else:
            tally.fp += wrong
        tally.distractors += sum(rid in d["not_for"] and d["section"] in mentioned for d in expected["distractors"])
        if entry and rid in POWERS and entry.get("judicial") is not None:
            present = (requirement.get("safeguards") or {}).get("judicial_or_independent_supervision") == "present"
            tally.judicial.append(present == entry["judicial"])
    return tally


def main(argv: list[str]) -> int:
    sets = argv or sorted(p.name for p in SETS.iterdir() if (p / "expected.json").exists())
    print(f"{'set':<6} {'FN':>10} {'FP':>4} {'FP SP':>4} {'statuses':>9} {'distr':>5}  {'judicial':>6}")
    total = Tally()
    for name in sets:
        folder = SETS / name
        tally = Tally()
        for expected in json.loads((folder / "expected.json").read_text(encoding="utf-8")).values():
            tally.add(score_draft(folder, expected))
        total.add(tally)
        print(f"{name:<6} {tally.row()}")
    print(f"{'all':<6} {total.row()}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
