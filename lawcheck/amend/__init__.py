"""Applying an amending act to the act it amends: the consolidated text, as a Document.

Reform arrives as amending acts («О внесении изменений ...», "... (Amendment) Bill"), and a
working group needs to see the law as it would read once the amendment is made, then check it.
An amending act says what to change in one of two ways, and both are read:

- Akoma Ntoso markup: `mod` elements holding `quotedStructure` (new units) and `quotedText`
  (words), and, in `meta/analysis/activeModifications`, `textualMod`s (type insertion,
  substitution, repeal; `destination href` into the amended act). A textualMod is the
  machine-readable statement of its mod, so when one exists it wins over the mod's wording;
- plain wording, as a Word draft imported to AKN has it: «дополнить статьей 94-1 следующего
  содержания», «статью 510 изложить в следующей редакции», «часть 2 признать утратившей силу»,
  «в части первой статьи 231 слова «…» заменить словами «…»», "insert after section 5 the
  following section", "in section 5(2), for 'X' substitute 'Y'", "section 7 is repealed".
  Context carries down the tree: «в статье 231:» or "Section 5 is amended—" applies to the
  sub-points below it.

Targets are found by number, the way cross-references are (`lawcheck.akn.references`): the
wording is read with the same citation patterns, then the base act's tree is walked by
number, as it stands after the instructions before (so «дополнить статьей 94-2» lands after
the 94-1 inserted a line earlier). The base act's XML is copied and changed with lxml, then
read again with the ordinary builder, so the consolidated text is a Document like any other
and nothing frozen is mutated.

An instruction that cannot be applied (target not found, words not in the target, another act
amended, wording not understood) is returned as an AmendmentProblem with the amending
provision's eId and line: never silently skipped.

Modules: `instructions` (what is asked, what is reported), `reader` and `wording` (reading the
amending act), `tree` and `apply` (changing a copy of the base act), `consolidation` (the
entry points re-exported here), `marks` (whether a document amends another act, which every
check asks: the other modules load only when an amendment is applied).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from lawcheck.amend.consolidation import apply_amendments, consolidate, is_amending_act
    from lawcheck.amend.instructions import AmendmentProblem, AppliedAmendment, Consolidation
    from lawcheck.amend.marks import amends_another_act
    from lawcheck.amend.tree import number_key

# The entry points load their modules when first used: a check asks only `amends_another_act`.
_HOME = {"apply_amendments": "consolidation", "consolidate": "consolidation", "is_amending_act": "consolidation",
         "AmendmentProblem": "instructions", "AppliedAmendment": "instructions", "Consolidation": "instructions",
         "amends_another_act": "marks", "number_key": "tree"}


def __getattr__(name: str) -> Any:
    if name not in _HOME:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{_HOME[name]}"), name)

__all__ = [
    "AmendmentProblem",
    "AppliedAmendment",
    "Consolidation",
    "amends_another_act",
    "apply_amendments",
    "consolidate",
    "is_amending_act",
    "number_key",
]
