"""What an amending act asks, once read: instructions, their targets and edits, and the
problems and applied changes reported back."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lxml import etree

from lawcheck.akn.eids import existing_id
from lawcheck.akn.model import Document

Chain = tuple[tuple[str, str], ...]
"""A unit named by number, outermost first: (("article", "231"), ("ru_part", "1"))."""

PROBLEM_KINDS = ("target_not_found", "words_not_found", "other_act", "not_understood",
                 "no_new_text", "already_exists", "not_supported")

TEXT_BLOCKS = frozenset({"p", "block", "li", "td", "th", "listIntroduction", "listWrapUp",
                          "tblock", "heading", "subheading"})
UNIT_PARTS = frozenset({"num", "heading", "subheading"})

# Placeholders for what a clause quotes, the structures it inserts and the citations in it, so
# that the wording can be matched with the quotations and citations blanked out.
QUOTE = "\ue000{}\ue001"
STRUCTURE = "\ue002{}\ue003"
CITATION = "\ue004{}\ue005"
QUOTE_RE = r"\ue000(\d+)\ue001"
CITATION_RE = r"\ue004(\d+)\ue005"
STRUCTURE_RE = r"\ue002(\d+)\ue003"
_TOKEN = re.compile(r"[\ue000\ue002\ue004](\d+)[\ue001\ue003\ue005]")


# -- results --------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class AmendmentProblem:
    """An instruction of the amending act that was not applied, and why.

    eid/line locate the instruction in the amending act (its provision, or the textualMod);
    kind is one of PROBLEM_KINDS; message says what was not found, in a sentence.
    """

    eid: str
    line: int | None
    kind: str
    message: str
    instruction: str
    source: str = ""

    def __str__(self) -> str:
        where = ":".join(str(part) for part in (self.source, self.line) if part)
        where = f"{where} ({self.eid})" if where else self.eid
        return f"{where}: {self.message}: “{self.instruction}”"

    def as_dict(self) -> dict[str, Any]:
        return {"eId": self.eid, "line": self.line, "kind": self.kind, "message": self.message,
                "instruction": self.instruction}


@dataclass(frozen=True, slots=True)
class AppliedAmendment:
    """An instruction that was applied: what it did and to which units of the result."""

    eid: str
    line: int | None
    action: str
    """insert | replace | repeal | words"""
    targets: tuple[str, ...]
    instruction: str

    def as_dict(self) -> dict[str, Any]:
        return {"eId": self.eid, "line": self.line, "action": self.action,
                "targets": list(self.targets), "instruction": self.instruction}


@dataclass(frozen=True)
class Consolidation:
    """The base act as amended, with what was applied and what was not."""

    document: Document
    applied: tuple[AppliedAmendment, ...]
    problems: tuple[AmendmentProblem, ...]
    amending_source: str = ""
    root: etree._Element | None = field(default=None, repr=False)
    """The consolidated AKN tree (for writing it out: `to_xml`)."""

    def to_xml(self) -> bytes:
        """The consolidated act as AKN 3.0 XML."""
        if self.root is None:
            return b""
        return etree.tostring(self.root, xml_declaration=True, encoding="UTF-8")

    def as_dict(self) -> dict[str, Any]:
        """The `amendment` block of a diff report."""
        return {"source": Path(self.amending_source).name if self.amending_source else "",
                "applied": [item.as_dict() for item in self.applied],
                "problems": [item.as_dict() for item in self.problems]}


def to_problem(instruction: Instruction, kind: str, message: str, source: str) -> AmendmentProblem:
    return AmendmentProblem(instruction.eid, instruction.line, kind, message,
                            _shorten(instruction.text), Path(source).name if source else "")


def to_applied(item: tuple[Instruction, list[etree._Element], str]) -> AppliedAmendment:
    instruction, elements, action = item
    targets = tuple(dict.fromkeys(existing_id(element) or "" for element in elements))
    return AppliedAmendment(instruction.eid, instruction.line, action,
                            tuple(target for target in targets if target),
                            _shorten(instruction.text))


def _shorten(text: str, limit: int = 200) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1] + "…"


# -- reading the amending act ----------------------------------------------------------------


@dataclass
class Edit:
    """A change of words inside a unit."""

    kind: str
    """substitute | delete | insert_after | insert_before | append"""
    old: str
    new: str


@dataclass
class Instruction:
    """One thing the amending act asks for, read from markup or wording."""

    action: str
    """insert | replace | repeal | words | unknown | other (other types of textualMod)"""
    eid: str
    line: int | None
    text: str
    context: tuple[Chain, ...] = ()
    targets: list[Chain] = field(default_factory=list)
    anchor: tuple[str, Chain] | None = None
    unit_kind: str = ""
    structures: list[etree._Element] = field(default_factory=list)
    new_text: str = ""
    edits: list[Edit] = field(default_factory=list)
    destination: str = ""
    position: str = ""
    repeal_form: str = ""
    act: str | None = None
    skip: bool = False


@dataclass
class Segment:
    """One block of an amending provision's own text, quotations replaced by tokens."""

    text: str
    raw: str
    quotes: list[str]
    structures: list[etree._Element]
    line: int | None
    mod: etree._Element | None


@dataclass(frozen=True)
class Context:
    """What enclosing instructions established: the act amended and the unit ("в статье 231:")."""

    act: str | None = None
    chains: tuple[Chain, ...] = ()


@dataclass(frozen=True)
class TextualMod:
    """A `textualMod` of activeModifications: type, where (destination href, pos) and the
    old/new quotations it points at."""

    eid: str
    line: int | None
    type: str
    destination: str
    position: str
    old: tuple[etree._Element, ...]
    new: tuple[etree._Element, ...]
