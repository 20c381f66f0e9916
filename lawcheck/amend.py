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
"""

from __future__ import annotations

import copy
import os
import re
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lxml import etree
from rapidfuzz import fuzz

from lawcheck.akn import build_document, clean_num, read_xml
from lawcheck.akn.eids import existing_id, generate_eids, is_provision, local_name
from lawcheck.akn.model import Document
from lawcheck.akn.numbering import key_in_family, num_keys, sequence_family
from lawcheck.akn.reader import root_info
from lawcheck.akn.references import PREFERRED_ELEMENTS, TOP_KINDS, Citation, find_citations
from lawcheck.akn.vocab import ABBREVIATIONS, ABOVE_ARTICLE, ARTICLE_LEVEL, QUOTED, SKIPPED
from lawcheck.digits import ascii_int
from lawcheck.errors import InputError

__all__ = [
    "AmendmentProblem",
    "AppliedAmendment",
    "Consolidation",
    "apply_amendments",
    "consolidate",
    "is_amending_act",
]

Chain = tuple[tuple[str, str], ...]
"""A unit named by number, outermost first: (("article", "231"), ("ru_part", "1"))."""

PROBLEM_KINDS = ("target_not_found", "words_not_found", "other_act", "not_understood",
                 "no_new_text", "already_exists", "not_supported")

_TEXT_BLOCKS = frozenset({"p", "block", "li", "td", "th", "listIntroduction", "listWrapUp",
                          "tblock", "heading", "subheading"})
_UNIT_PARTS = frozenset({"num", "heading", "subheading"})

_Q = "\ue000{}\ue001"
_S = "\ue002{}\ue003"
_C = "\ue004{}\ue005"
_QR = r"\ue000(\d+)\ue001"
_CR = r"\ue004(\d+)\ue005"
_SR = r"\ue002(\d+)\ue003"
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


def apply_amendments(base: Document, amending: Document, *,
                     base_root: etree._Element | None = None,
                     amending_root: etree._Element | None = None
                     ) -> tuple[Document, list[AmendmentProblem]]:
    """The base act with the amending act's instructions applied, and those not applied.

    The XML is re-read from `base.source` / `amending.source` unless given (pass the parsed
    trees when the documents came from bytes, e.g. an upload); the trees are not changed.
    """
    result = consolidate(base, amending, base_root=base_root, amending_root=amending_root)
    return result.document, list(result.problems)


def consolidate(base: Document, amending: Document, *,
                base_root: etree._Element | None = None,
                amending_root: etree._Element | None = None) -> Consolidation:
    """apply_amendments with the applied instructions too (for reports and the app)."""
    base_tree = copy.deepcopy(base_root if base_root is not None else _read(base.source))
    amend_tree = amending_root if amending_root is not None else _read(amending.source)
    language = _language(amending)
    instructions = _Reader(amend_tree, language).read()
    problems = _select_act(instructions, base.title, amending.source)
    tree = _Tree(base_tree)
    applied: list[tuple[_Instruction, list[etree._Element], str]] = []
    for instruction in instructions:
        if instruction.skip:
            continue
        outcome = _Applier(tree, instruction, language).apply()
        for kind, message in outcome.problems:
            problems.append(_problem(instruction, kind, message, amending.source))
        if outcome.changed:
            applied.append((instruction, outcome.changed, outcome.action))
    tree.finish()
    source = f"{Path(base.source).name} + {Path(amending.source).name}"
    document = build_document(base_tree, source)
    problems.sort(key=lambda problem: (problem.line or 0, problem.eid))
    return Consolidation(document, tuple(_applied(item) for item in applied), tuple(problems),
                         amending.source, base_tree)


_AMENDING_TITLE = re.compile(r"\bamend|внесени\w*\s+изменени|внесени\w*\s+дополнени|изменени\w*\s+и\s+дополнени",
                             re.IGNORECASE)


def amends_another_act(document: Document) -> bool:
    """From the document alone (no file to re-read): amendment markup, or an amendment title.
    Such an act is checked for what it touches; the rest depends on the act it amends."""
    return bool(document.quoted) or document.doc_type in ("amendment", "amendmentList") \
        or bool(_AMENDING_TITLE.search(document.title or ""))


def is_amending_act(document: Document, root: etree._Element | None = None) -> bool:
    """Does this document amend another act? Yes for AKN amendment markup (mod,
    quotedStructure, activeModifications), an amendment title ("(Amendment) Bill", «О внесении
    изменений ...») with worded instructions, or worded instructions in a good share of its
    articles/sections. A stand-alone law with a few consequential amendments of other laws at
    the end is not an amending act."""
    if document.quoted or document.doc_type in ("amendment", "amendmentList"):
        return True
    tree = root if root is not None else _read(document.source)
    prefix = _ns_prefix(tree)
    if tree.find(f".//{prefix}activeModifications") is not None or tree.find(f".//{prefix}mod") is not None:
        return True
    instructions = [item for item in _Reader(tree, _language(document)).read() if item.action != "unknown"]
    if not instructions:
        return False
    if _AMENDING_TITLE.search(document.title):
        return True
    tops = [unit.eid for unit in document.walk() if unit.element in ARTICLE_LEVEL]
    amending = {top for top in tops for item in instructions if item.eid == top or item.eid.startswith(top + "__")}
    return len(amending) >= max(1, len(tops) * 0.3)


def _read(source: str | os.PathLike[str]) -> etree._Element:
    return read_xml(source)


def _language(document: Document) -> str:
    return document.language if document.language in ("en", "ru") else ""


def _ns_prefix(root: etree._Element) -> str:
    tag = root.tag if isinstance(root.tag, str) else ""
    return tag[:tag.index("}") + 1] if tag.startswith("{") else ""


def _problem(instruction: _Instruction, kind: str, message: str, source: str) -> AmendmentProblem:
    return AmendmentProblem(instruction.eid, instruction.line, kind, message,
                            _shorten(instruction.text), Path(source).name if source else "")


def _applied(item: tuple[_Instruction, list[etree._Element], str]) -> AppliedAmendment:
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
class _Edit:
    """A change of words inside a unit."""

    kind: str
    """substitute | delete | insert_after | insert_before | append"""
    old: str
    new: str


@dataclass
class _Instruction:
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
    edits: list[_Edit] = field(default_factory=list)
    destination: str = ""
    position: str = ""
    repeal_form: str = ""
    act: str | None = None
    skip: bool = False


@dataclass
class _Segment:
    """One block of an amending provision's own text, quotations replaced by tokens."""

    text: str
    raw: str
    quotes: list[str]
    structures: list[etree._Element]
    line: int | None
    mod: etree._Element | None


@dataclass(frozen=True)
class _Context:
    """What enclosing instructions established: the act amended and the unit ("в статье 231:")."""

    act: str | None = None
    chains: tuple[Chain, ...] = ()


@dataclass(frozen=True)
class _TextualMod:
    """A `textualMod` of activeModifications: type, where (destination href, pos) and the
    old/new quotations it points at."""

    eid: str
    line: int | None
    type: str
    destination: str
    position: str
    old: tuple[etree._Element, ...]
    new: tuple[etree._Element, ...]


class _Reader:
    """Walks the amending act's own provisions and reads their instructions in order."""

    def __init__(self, root: etree._Element, language: str) -> None:
        self.root = root
        self.prefix = _ns_prefix(root)
        self.language = language
        self.ids = {existing_id(element): element for element in root.iter()
                    if isinstance(element.tag, str) and existing_id(element)}
        self.textual = self._textual_mods()
        self.used_textual: set[str] = set()
        self.out: list[_Instruction] = []

    def name(self, element: etree._Element) -> str | None:
        return local_name(element, self.prefix)

    def read(self) -> list[_Instruction]:
        try:
            doc = root_info(self.root, "").doc_element
        except InputError:  # not AKN at all: nothing to read
            return []
        for unit in self._top_units(doc):
            self._unit(unit, _Context())
        self._unused_textual()
        return self.out

    def _top_units(self, element: etree._Element) -> Iterator[etree._Element]:
        for child in element:
            name = self.name(child)
            if name is None or name in SKIPPED or name in ("preface", "preamble"):
                continue
            if is_provision(child, name):
                yield child
            elif name not in QUOTED:
                yield from self._top_units(child)

    def _unit(self, unit: etree._Element, context: _Context) -> None:
        """Read one provision's own blocks, then its sub-units under the context it set."""
        eid = existing_id(unit) or ""
        segments, children = self.own(unit)
        for index, segment in enumerate(segments):
            context, consumed = self._segment(segment, context, eid, segments[index + 1:], children)
            if consumed:
                return
        for child in children:
            self._unit(child, context)

    def own(self, unit: etree._Element) -> tuple[list[_Segment], list[etree._Element]]:
        """A provision's own blocks (not its num/heading, not its sub-units') and sub-units."""
        segments: list[_Segment] = []
        children: list[etree._Element] = []
        self._collect(unit, segments, children, top=True)
        return segments, children

    def _collect(self, element: etree._Element, segments: list[_Segment],
                 children: list[etree._Element], top: bool = False) -> None:
        for child in element:
            name = self.name(child)
            if name is None or name in SKIPPED or (top and name in _UNIT_PARTS):
                continue
            if is_provision(child, name):
                children.append(child)
            elif name in _TEXT_BLOCKS and not any(self.name(c) in _TEXT_BLOCKS for c in child):
                segment = self._segment_of(child)
                if segment.raw.strip():
                    segments.append(segment)
            elif name not in QUOTED:
                self._collect(child, segments, children)

    # -- one block ----------------------------------------------------------------------------

    def _segment_of(self, block: etree._Element) -> _Segment:
        """The block's text with quotedText/quotedStructure (then plain quotes) as tokens."""
        pieces: list[str] = []
        raw: list[str] = []
        segment = _Segment("", "", [], [], block.sourceline, None)
        self._inline(block, pieces, raw, segment)
        text = " ".join("".join(pieces).split())
        segment.text = _mask_quotes(text, segment.quotes)
        segment.raw = " ".join("".join(raw).split())
        return segment

    def _inline(self, element: etree._Element, pieces: list[str], raw: list[str],
                segment: _Segment) -> None:
        if element.text:
            pieces.append(element.text)
            raw.append(element.text)
        for child in element:
            name = self.name(child)
            if name == "quotedText":
                words = " ".join("".join(child.itertext()).split())
                pieces.append(" " + _Q.format(len(segment.quotes)) + " ")
                segment.quotes.append(words)
                raw.append(f"{child.get('startQuote', '“')}{words}{child.get('endQuote', '”')}")
            elif name in QUOTED:
                pieces.append(" " + _S.format(len(segment.structures)) + " ")
                segment.structures.append(child)
                raw.append(" … ")
            elif name is not None and name not in SKIPPED:
                if name == "mod" and segment.mod is None:
                    segment.mod = child
                self._inline(child, pieces, raw, segment)
            if child.tail:
                pieces.append(child.tail)
                raw.append(child.tail)

    def _segment(self, segment: _Segment, context: _Context, eid: str,
                 following: Sequence[_Segment],
                 children: Sequence[etree._Element]) -> tuple[_Context, bool]:
        """Read one block; returns the context for what follows and whether the rest of the
        provision was taken as the new text of an instruction."""
        act = _act_header(segment.raw)
        if act is not None:
            context = _Context(act, ())
        mod_eid = segment.mod.get("eId") if segment.mod is not None else None
        if mod_eid and mod_eid in self.textual:
            self.used_textual.add(mod_eid)
            for textual in self.textual[mod_eid]:
                self.out.append(self._from_textual(textual, eid, segment, context))
            return context, False
        if not _INSTRUCTION_WORDS.search(segment.text) and not segment.text.rstrip().endswith((":", "—", "–")):
            return context, False  # ordinary text (most of a code): no instruction, no context
        parsed = _Wording(segment, self.language).parse(context)
        context = parsed.context
        consumed = False
        for instruction in parsed.instructions:
            instruction.eid, instruction.line, instruction.act = eid, segment.line, context.act
            if instruction.action in ("insert", "replace") and not instruction.structures \
                    and not instruction.new_text:
                instruction.new_text = _following_text(segment, following, children, self)
                consumed = bool(instruction.new_text)
            self.out.append(instruction)
        if not parsed.instructions and not parsed.understood and _looks_like_instruction(segment.text):
            self.out.append(_Instruction("unknown", eid, segment.line, segment.raw, act=context.act))
        return context, consumed

    # -- activeModifications -------------------------------------------------------------------

    def _textual_mods(self) -> dict[str, list[_TextualMod]]:
        found: dict[str, list[_TextualMod]] = {}
        for element in self.root.iter(f"{self.prefix}textualMod"):
            source = _first_href(element, f"{self.prefix}source")
            textual = _TextualMod(
                element.get("eId") or "", element.sourceline, element.get("type") or "",
                _first_href(element, f"{self.prefix}destination"),
                _first_attr(element, f"{self.prefix}destination", "pos"),
                self._hrefs(element, "old"), self._hrefs(element, "new"))
            found.setdefault(source.lstrip("#"), []).append(textual)
        return found

    def _hrefs(self, element: etree._Element, name: str) -> tuple[etree._Element, ...]:
        targets = []
        for child in element.iter(f"{self.prefix}{name}"):
            target = self.ids.get((child.get("href") or "").rpartition("#")[2])
            if target is not None:
                targets.append(target)
        return tuple(targets)

    def _from_textual(self, textual: _TextualMod, eid: str, segment: _Segment | None,
                      context: _Context) -> _Instruction:
        """An instruction from a textualMod: its type, destination and old/new quotations."""
        text = segment.raw if segment is not None else f"textualMod {textual.type} → {textual.destination}"
        instruction = _Instruction("other", eid, segment.line if segment else textual.line, text,
                                   destination=textual.destination, position=textual.position,
                                   act=context.act)
        old = [_quote_text(item) for item in textual.old if self.name(item) == "quotedText"]
        new_words = [_quote_text(item) for item in textual.new if self.name(item) == "quotedText"]
        structures = [item for item in textual.new if self.name(item) in QUOTED
                      and self.name(item) != "quotedText"]
        kind = textual.type
        if kind == "insertion":
            if structures:
                instruction.action, instruction.structures = "insert", structures
            elif new_words:
                edit = _Edit("insert_after", old[0], new_words[0]) if old else _Edit("append", "", new_words[0])
                instruction.action, instruction.edits = "words", [edit]
        elif kind in ("substitution", "replacement"):
            if structures:
                instruction.action, instruction.structures = "replace", structures
            elif old and new_words:
                instruction.action = "words"
                instruction.edits = [_Edit("substitute", o, n) for o, n in zip(old, new_words, strict=False)]
            elif new_words:
                instruction.action, instruction.new_text = "replace", new_words[0]
        elif kind == "repeal":
            if old:
                instruction.action, instruction.edits = "words", [_Edit("delete", o, "") for o in old]
            else:
                instruction.action = "repeal"
        return instruction

    def _unused_textual(self) -> None:
        """textualMods whose source is not a mod of the body are applied on their own."""
        for source, textuals in self.textual.items():
            if source in self.used_textual:
                continue
            for textual in textuals:
                self.out.append(self._from_textual(textual, textual.eid, None, _Context()))


def _first_href(element: etree._Element, tag: str) -> str:
    child = element.find(tag)
    return (child.get("href") or "") if child is not None else ""


def _first_attr(element: etree._Element, tag: str, attribute: str) -> str:
    child = element.find(tag)
    return (child.get(attribute) or "") if child is not None else ""


def _quote_text(element: etree._Element) -> str:
    return " ".join("".join(element.itertext()).split())


_OPENING = {"«": "»", "“": "”", "„": "“", "‘": "’", '"': '"', "'": "'"}


def _mask_quotes(text: str, quotes: list[str]) -> str:
    """Replace each balanced plain quotation («…», “…”, „…“, ‘…’, "…", '…') by a token, its
    content appended to `quotes`. Nested guillemets stay inside the outer quotation; an
    apostrophe ("person's") is not a quotation mark."""
    out: list[str] = []
    position = 0
    while position < len(text):
        char = text[position]
        closing = _OPENING.get(char)
        apostrophe = char in "'‘" and position > 0 and text[position - 1].isalnum()
        end = _closing_quote(text, position, char, closing) if closing and not apostrophe else -1
        if end < 0:
            out.append(char)
            position += 1
            continue
        content = _unwrap(text[position + 1:end])
        if re.fullmatch(_QR, content):  # "<quotedText>": the markup's quotation, already a token
            out.append(" " + content + " ")
        else:
            out.append(" " + _Q.format(len(quotes)) + " ")
            quotes.append(content)
        position = end + 1
    return " ".join("".join(out).split())


def _unwrap(quoted: str) -> str:
    """ "“two”" -> two: a quotation wrapped twice (common in converted Kenyan acts)."""
    quoted = quoted.strip()
    while len(quoted) > 1 and _OPENING.get(quoted[0]) == quoted[-1] and \
            _closing_quote(quoted, 0, quoted[0], quoted[-1]) == len(quoted) - 1:
        quoted = quoted[1:-1].strip()
    return quoted


def _closing_quote(text: str, start: int, opening: str, closing: str) -> int:
    """Where the quotation opened at `start` closes (-1: nowhere). Same-character quotes
    ("…", '…') close at the next one not inside a word; others count nesting."""
    depth = 0
    for index in range(start + 1, len(text)):
        char = text[index]
        if opening == closing:
            if char == closing and not (index + 1 < len(text) and text[index + 1].isalnum()):
                return index
            continue
        if char == closing:
            if depth == 0:
                return index
            depth -= 1
        elif char == opening:
            depth += 1
    return -1


_RU_ACT = re.compile(r"\b[Вв]нести\s+в\s+(?P<act>.+?)\s+(?:следующ\w+\s+|ниже\w*\s+)?(?:изменени|дополнени)")
_EN_ACT = re.compile(
    r"^(?:\(?\w{1,4}\)\s*)?(?:the\s+)?(?P<act>[^;:—]*?\b(?:Act|Code|Law|Ordinance|Decree)\b[^;:—]*?)\s+"
    r"(?:\((?:[^()]|\([^()]*\))*\)\s+)?(?:is|are)\s+(?:hereby\s+|further\s+)?amended\b", re.IGNORECASE)
_EN_OF_ACT = re.compile(
    r"\b(?:section|article|regulation|rule|part|chapter)s?\s+[\w().\-]+(?:\s*(?:,|and|to)\s*[\w().\-]+)*\s+"
    r"of\s+(?:the\s+)?(?P<act>[^;:—()]*?\b(?:Act|Code|Law|Ordinance|Decree)\b[^;:—()]*?)\s*(?:\([^)]*\)\s*)?"
    r"(?:,\s*)?(?:is|are|for|by|insert|after|—|:|,)", re.IGNORECASE)
_GAZETTE = re.compile(r"\([^()]*(?:\([^()]*\)[^()]*)*\)|\s+от\s+\d{1,2}\s+\w+\s+\d{4}\s+года(?:\s+№\s*[\w-]+)?")


def _act_header(raw: str) -> str | None:
    """The act an amending clause names («Внести в Уголовно-процессуальный кодекс ...», "The
    Electronic Evidence Act is amended", "Section 5 of the X Act is amended"), if any."""
    match = _RU_ACT.search(raw)
    if match:
        return " ".join(_GAZETTE.sub(" ", match.group("act")).split())
    match = _EN_OF_ACT.search(raw) or _EN_ACT.search(raw)
    if match:
        return " ".join(match.group("act").split())
    return None


_INSTRUCTION_WORDS = re.compile(
    r"дополнить|изложить|заменить|исключить|утративш|"
    r"\b(?:insert|substitut|repeal|omitt?|delet|amend|replac|add)(?:e|ed|ing)?\b", re.IGNORECASE)
_CITED_OR_QUOTED = re.compile(r"[\ue000\ue002]|\b(?:section|article|regulation|subsection|paragraph|"
                              r"стать|част|пункт|подпункт)\w*\s+\(?\d", re.IGNORECASE)


def _looks_like_instruction(text: str) -> bool:
    """An amending verb («дополнить», "substitute", "is repealed") next to a unit or a
    quotation: worth a "not understood" problem if nothing could be read from it ("a person
    who deletes computer data" is not an instruction)."""
    return bool(_INSTRUCTION_WORDS.search(text)) and bool(_CITED_OR_QUOTED.search(text))


def _following_text(segment: _Segment, following: Sequence[_Segment],
                    children: Sequence[etree._Element], reader: _Reader) -> str:
    """The new text of a worded insertion/restatement: what follows the instruction in its
    own block, then the provision's next blocks and sub-units (an imported Word draft puts
    «Статья 94-1. ...» on the lines below the instruction)."""
    lines = []
    rest = _after_lead_in(segment.raw)
    if rest:
        lines.append(rest)
    lines.extend(item.raw for item in following)
    for child in children:
        lines.extend(_unit_lines(child, reader))
    return "\n".join(line for line in lines if line.strip())


_LEAD_IN = re.compile(r"(?:следующего\s+содержания|в\s+следующей\s+редакции|as\s+follows|"
                      r"the\s+following(?:\s+new)?\s+\w+|substitute|insert)\s*[:—–-]?\s*", re.IGNORECASE)


def _after_lead_in(raw: str) -> str:
    matches = list(_LEAD_IN.finditer(raw))
    if not matches:
        return ""
    rest = raw[matches[-1].end():].strip()
    return rest if rest and rest[0] in "«“„\"'‘" else ""


def _unit_lines(unit: etree._Element, reader: _Reader) -> list[str]:
    """A sub-unit of the amending act as plain lines, its number first (the new text)."""
    lines: list[str] = []
    head = [_quote_text(child) for child in unit if reader.name(child) in ("num", "heading")]
    segments, children = reader.own(unit)
    texts = [segment.raw for segment in segments]
    if texts:
        texts[0] = " ".join([*head, texts[0]])
    elif head:
        texts = [" ".join(head)]
    lines.extend(texts)
    for child in children:
        lines.extend(_unit_lines(child, reader))
    return lines


# -- reading the wording of one block -------------------------------------------------------


@dataclass
class _Parsed:
    """What one block said: its instructions, the context it leaves for what follows, and
    whether anything in it was understood (a context or an act named counts)."""

    context: _Context
    instructions: list[_Instruction]
    understood: bool


_RU_WORD_OPS = [
    ("substitute", re.compile(
        rf"(?:слов[оа]|цифр[аыу]?|знак[иа]?|букв[аыу]|предложение|абзац)\s*{_QR}\s*,?\s*заменить\s+"
        rf"(?:слов(?:ом|ами)|цифр(?:ой|ами)|знак(?:ом|ами)|букв(?:ой|ами)|предложением|абзацем)\s*{_QR}")),
    ("insert_after", re.compile(
        rf"после\s+(?:слов[аом]?|цифр[ыы]?|знака)\s*{_QR}\s*,?\s*дополнить\s+"
        rf"(?:слов(?:ом|ами)|цифр(?:ой|ами)|предложени(?:ем|ями))\s*{_QR}")),
    ("insert_before", re.compile(
        rf"перед\s+(?:слов(?:ом|ами)|цифр(?:ой|ами))\s*{_QR}\s*,?\s*дополнить\s+"
        rf"(?:слов(?:ом|ами)|цифр(?:ой|ами))\s*{_QR}")),
    ("delete", re.compile(rf"(?:слов[оа]|цифр[аыу]?|предложение|знак[иа]?)\s*{_QR}\s*,?\s*исключить")),
    ("append", re.compile(rf"дополнить\s+(?:слов(?:ом|ами)|предложени(?:ем|ями))\s*{_QR}")),
]
_WORDS = r"(?:the\s+words?\s+|the\s+figures?\s+)?"
_EN_WORD_OPS = [
    ("substitute", re.compile(
        rf"\b(?:delet|omitt?|remov)(?:e|ing)\s+{_WORDS}{_QR}\s*,?\s*and\s+substitut(?:e|ing)\s+"
        rf"(?:there(?:for|fore)\s+)?{_WORDS}{_QR}")),
    ("substitute", re.compile(
        rf"\bfor\s+{_WORDS}{_QR}\s*,?\s*(?:there\s+(?:shall\s+be|is|are)\s+)?substitut(?:e|ed|ing)\s+{_WORDS}{_QR}")),
    ("substitute", re.compile(
        rf"\b(?:replace|replacing|substitute|substituting)\s+{_WORDS}{_QR}\s+(?:with|by)\s+{_WORDS}{_QR}")),
    ("substitute", re.compile(
        rf"{_WORDS}{_QR}\s+(?:is|are|shall\s+be)\s+(?:replaced|substituted)\s+(?:with|by)\s+{_WORDS}{_QR}")),
    ("insert_after", re.compile(
        rf"\bafter\s+{_WORDS}{_QR}\s*,?\s*(?:there\s+(?:shall\s+be|is|are)\s+)?insert(?:ed|ing)?\s+{_WORDS}{_QR}")),
    ("insert_after_new_first", re.compile(
        rf"\binsert(?:ing)?\s+{_WORDS}{_QR}\s+(?:immediately\s+)?after\s+{_WORDS}{_QR}")),
    ("insert_before_new_first", re.compile(
        rf"\binsert(?:ing)?\s+{_WORDS}{_QR}\s+(?:immediately\s+)?before\s+{_WORDS}{_QR}")),
    ("insert_before", re.compile(rf"\bbefore\s+{_WORDS}{_QR}\s*,?\s*insert(?:ing)?\s+{_WORDS}{_QR}")),
    ("delete", re.compile(
        rf"\b(?:omit|omitting|delete|deleting|strike\s+out|striking\s+out|remove|removing)\s+{_WORDS}{_QR}")),
    ("delete", re.compile(rf"{_WORDS}{_QR}\s+(?:is|are|shall\s+be)\s+(?:omitted|deleted|struck\s+out|removed)")),
    ("append", re.compile(rf"\bat\s+the\s+end(?:\s+of\s+{_CR})?\s*,?\s*(?:add|insert)(?:ing)?\s+{_WORDS}{_QR}")),
]

_RU_INSERT = re.compile(rf"дополнить\s+(?:(?:нов\w+)\s+)?{_CR}")
_RU_REPLACE = re.compile(r"изложить\s+в\s+(?:следующей|новой)\s+редакции")
_RU_REPEAL = re.compile(r"признать\s+(утративш\w*)\s+силу|\b(исключить)\b")
_RU_CONTEXT = re.compile(rf"^\s*(?:во?\s+)?{_CR}\s*$")

_OF = r"(?:,?\s+of\s+(?:the\s+)?[^;:—\ue000-\ue005]*?)?"
_EN_AMENDED = re.compile(rf"{_CR}{_OF}\s*(?:\([^)]*\)\s*)?(?:is|are)\s+(?:hereby\s+|further\s+)?amended\b")
_EN_REPLACE = [
    re.compile(rf"\bfor\s+{_CR}{_OF}\s*,?\s*(?:there\s+(?:shall\s+be|is)\s+)?substitut"),
    re.compile(rf"{_CR}{_OF}\s+(?:is|are|shall\s+be)\s+(?:(?:repealed|deleted|omitted)\s+and\s+)?"
               r"(?:replaced|substituted)\b"),
    re.compile(rf"\b(?:repeal|repealing|omit|omitting|delete|deleting)\s+{_CR}{_OF}\s+and\s+(?:substitut|replac)"),
    re.compile(rf"\b(?:replace|replacing|substitute|substituting)\s+{_CR}{_OF}\s+(?:with|by)\b"),
    re.compile(rf"{_CR}{_OF}\s+(?:shall|is\s+amended\s+to)\s+read\s+as\s+follows"),
]
_EN_REPEAL = [
    re.compile(rf"{_CR}{_OF}\s+(?:is|are)\s+(?:hereby\s+)?(?:repealed|deleted|omitted|revoked)\b"),
    re.compile(rf"\b(?:repeal|repealing|omit|omitting|delete|deleting|revoke|revoking)\s+{_CR}"),
]
_EN_INSERT = re.compile(r"\b(?:insert|inserting|inserted|add|adding|added|supplemented)\b")
_EN_SUPPLEMENTED = re.compile(rf"{_CR}{_OF}\s+(?:is|are)\s+supplemented\s+(?:by|with)\s+(?:new\s+)?{_CR}")
_EN_ANCHOR = re.compile(rf"\b(after|before)\s+{_CR}")
_EN_POSITION = re.compile(rf"\b(at\s+the\s+end\s+of|at\s+the\s+beginning\s+of|in|into)\s+{_CR}")
_EN_KIND = re.compile(r"following\s+(?:new\s+)?(sections?|subsections?|paragraphs?|subparagraphs?|articles?|parts?|"
                      r"chapters?|clauses?|subclauses?|items?|points?|regulations?|rules?)\b")
_EN_CONTEXT = re.compile(rf"^\s*(?:in\s+)?{_CR}{_OF}\s*[,—–-]?\s*$")


class _Wording:
    """Reads the instructions of one block of wording, in English or Russian."""

    def __init__(self, segment: _Segment, language: str) -> None:
        self.segment = segment
        self.language = language

    def parse(self, context: _Context) -> _Parsed:
        """Clause by clause («в статье 231: часть третью ...» is a context, then an
        instruction); a clause that holds only the new text (after «следующего содержания:»)
        gives it to the instruction before."""
        instructions: list[_Instruction] = []
        understood = False
        for clause in re.split(r"[;:—]", self.segment.text):
            if not clause.strip():
                continue
            if _only_quotations(clause):
                _give_new_text(instructions, clause, self.segment)
                continue
            masked, chains = _mask_citations(clause, self.language)
            found, context, known = self._clause(masked, chains, context)
            instructions.extend(found)
            understood = understood or known
        return _Parsed(context, instructions, understood or bool(instructions))

    def _clause(self, masked: str, chains: list[list[Chain]],
                context: _Context) -> tuple[list[_Instruction], _Context, bool]:
        low = masked.lower()
        ops, spans = self._word_ops(low, chains, context)
        ops += self._structural(_blank(low, spans), chains, context)
        if ops:
            ops.sort(key=lambda item: item[0])
            return [instruction for _position, instruction in ops], context, True
        match = _EN_AMENDED.search(low) or _RU_CONTEXT.match(low) or _EN_CONTEXT.match(low)
        if match:
            return [], _with_chain(context, chains[int(match.group(1))][0]), True
        return [], context, _act_header(self.segment.raw) is not None

    # -- word edits ---------------------------------------------------------------------------

    def _word_ops(self, low: str, chains: list[list[Chain]],
                  context: _Context) -> tuple[list[tuple[int, _Instruction]], list[tuple[int, int]]]:
        """«слова «X» заменить словами «Y»», "for 'X' substitute 'Y'"...: each edit's target is
        the unit named just before it, else the one of the edit before, else the context."""
        spans: list[tuple[int, int, _Edit, int | None]] = []
        for kind, pattern in self._word_table():
            for match in pattern.finditer(low):
                if any(start < match.end() and match.start() < end for start, end, _e, _c in spans):
                    continue
                spans.append((match.start(), match.end(), *self._edit(kind, match)))
        spans.sort(key=lambda item: item[0])
        found: list[tuple[int, _Instruction]] = []
        previous_end = 0
        previous_targets: list[Chain] = []
        for start, end, edit, own_chain in spans:
            tokens = _tokens_between(low, previous_end, start)
            targets = [chains[own_chain][0]] if own_chain is not None else \
                [chain for token in tokens for chain in chains[token]] or previous_targets
            found.append((start, _Instruction("words", "", None, self.segment.raw, context=context.chains,
                                              targets=list(targets), edits=[edit])))
            previous_end, previous_targets = end, targets
        return found, [(start, end) for start, end, _e, _c in spans]

    def _word_table(self) -> list[tuple[str, re.Pattern[str]]]:
        if self.language == "ru":
            return _RU_WORD_OPS
        if self.language == "en":
            return _EN_WORD_OPS
        return _RU_WORD_OPS + _EN_WORD_OPS

    def _edit(self, kind: str, match: re.Match[str]) -> tuple[_Edit, int | None]:
        quotes = self.segment.quotes
        groups = match.groups()
        if kind == "append":
            chain = int(groups[0]) if len(groups) > 1 and groups[0] is not None else None
            return _Edit("append", "", quotes[int(groups[-1])]), chain
        if kind == "delete":
            return _Edit("delete", quotes[int(groups[0])], ""), None
        if kind.endswith("_new_first"):
            return _Edit(kind.removesuffix("_new_first"), quotes[int(groups[1])], quotes[int(groups[0])]), None
        return _Edit(kind, quotes[int(groups[0])], quotes[int(groups[1])]), None

    # -- units ----------------------------------------------------------------------------------

    def _structural(self, low: str, chains: list[list[Chain]],
                    context: _Context) -> list[tuple[int, _Instruction]]:
        found: list[tuple[int, _Instruction]] = []
        if self.language != "en":
            found = self._russian(low, chains, context)
        if not found and self.language != "ru":
            found = self._english(low, chains, context)
        return found

    def _new(self, action: str, context: _Context, low: str, start: int, **values: Any) -> _Instruction:
        """An instruction; its quoted structures and plain-quoted new text are those of the
        clause after `start`."""
        rest = low[start:]
        structures = [self.segment.structures[int(token)] for token in re.findall(_SR, rest)]
        quoted = re.search(_QR, rest) if action in ("insert", "replace") else None
        return _Instruction(action, "", None, self.segment.raw, context=context.chains, structures=structures,
                            new_text=self.segment.quotes[int(quoted.group(1))] if quoted else "", **values)

    def _russian(self, low: str, chains: list[list[Chain]],
                 context: _Context) -> list[tuple[int, _Instruction]]:
        insert = _RU_INSERT.search(low)
        if insert:
            before = _chains_between(low, chains, 0, insert.start())
            unit_kind = chains[int(insert.group(1))][0][-1][0]
            return [(insert.start(), self._new("insert", context, low, insert.end(), targets=before[:1],
                                               unit_kind=unit_kind))]
        replace = _RU_REPLACE.search(low)
        if replace:
            targets = _chains_between(low, chains, 0, replace.start())
            return [(replace.start(), self._new("replace", context, low, replace.end(), targets=targets))]
        repeal = _RU_REPEAL.search(low)
        if repeal:
            targets = _chains_between(low, chains, 0, repeal.start())
            return [(repeal.start(), self._new("repeal", context, low, repeal.end(), targets=targets,
                                               repeal_form=repeal.group(1) or repeal.group(2)))]
        return []

    def _english(self, low: str, chains: list[list[Chain]],
                 context: _Context) -> list[tuple[int, _Instruction]]:
        amended = _EN_AMENDED.search(low)
        if amended:  # "Section 5 is amended by inserting ...": the rest happens inside section 5
            context = _with_chain(context, chains[int(amended.group(1))][0])
            low = _blank(low, [(amended.start(), amended.end())])
        for pattern in _EN_REPLACE:
            match = pattern.search(low)
            if match:
                targets = list(chains[int(match.group(1))])
                return [(match.start(), self._new("replace", context, low, match.end(), targets=targets))]
        for pattern in _EN_REPEAL:
            match = pattern.search(low)
            if match:
                targets = list(chains[int(match.group(1))])
                return [(match.start(), self._new("repeal", context, low, match.end(), targets=targets,
                                                  repeal_form="repealed"))]
        insert = _EN_INSERT.search(low)
        if insert and (_EN_KIND.search(low) or _EN_ANCHOR.search(low) or _EN_POSITION.search(low)
                       or _EN_SUPPLEMENTED.search(low) or re.search(_SR, low) or "as follows" in low):
            return [(insert.start(), self._english_insert(low, chains, context))]
        return []

    def _english_insert(self, low: str, chains: list[list[Chain]], context: _Context) -> _Instruction:
        """ "insert after section 5 the following section", "Article 94 is supplemented by
        Article 94-1", "by inserting after subsection (2) the following subsection"."""
        kind = _EN_KIND.search(low)
        unit_kind = _unit_word(kind.group(1)) if kind else ""
        supplemented = _EN_SUPPLEMENTED.search(low)
        if supplemented:
            anchor = chains[int(supplemented.group(1))][0]
            new = chains[int(supplemented.group(2))][0]
            same = anchor[-1][0] == new[-1][0] or len(anchor) == len(new)
            return self._new("insert", context, low, supplemented.end(), unit_kind=new[-1][0],
                             anchor=("after", anchor) if same else None, targets=[] if same else [anchor])
        anchored = _EN_ANCHOR.search(low)
        if anchored:
            chain = chains[int(anchored.group(2))][0]
            return self._new("insert", context, low, anchored.end(), anchor=(anchored.group(1), chain),
                             unit_kind=unit_kind)
        position = _EN_POSITION.search(low)
        if position:
            chain = chains[int(position.group(2))][0]
            return self._new("insert", context, low, position.end(), targets=[chain], unit_kind=unit_kind,
                             position="start" if "beginning" in position.group(1) else "end")
        return self._new("insert", context, low, 0, unit_kind=unit_kind)


def _blank(text: str, spans: Sequence[tuple[int, int]]) -> str:
    """The text with the spans already read replaced by spaces (positions kept)."""
    for start, end in spans:
        text = text[:start] + " " * (end - start) + text[end:]
    return text


def _only_quotations(clause: str) -> bool:
    return bool(clause.strip()) and not re.sub(rf"{_SR}|{_QR}|[\s.,]", "", clause)


def _give_new_text(instructions: list[_Instruction], clause: str, segment: _Segment) -> None:
    """«… следующего содержания: S» — the quotation after the colon is the new text of the
    insertion or restatement just read."""
    for instruction in reversed(instructions):
        if instruction.action in ("insert", "replace") and not instruction.structures \
                and not instruction.new_text:
            instruction.structures = [segment.structures[int(t)] for t in re.findall(_SR, clause)]
            quoted = re.search(_QR, clause)
            if quoted and not instruction.structures:
                instruction.new_text = segment.quotes[int(quoted.group(1))]
            return


def _chains_between(text: str, chains: list[list[Chain]], start: int, end: int) -> list[Chain]:
    return [chain for token in _tokens_between(text, start, end) for chain in chains[token]]


def _unit_word(word: str) -> str:
    """ "subsections" -> "subsection"; a definition goes where paragraphs go."""
    singular = word[:-1] if word.endswith("s") else word
    return "paragraph" if singular == "definition" else singular


def _with_chain(context: _Context, chain: Chain) -> _Context:
    """A context one unit deeper («в статье 231:» then «в части первой»); a chain that starts
    at an article or section replaces the context instead."""
    if chain and chain[0][0] in TOP_KINDS:
        return _Context(context.act, (chain,))
    return _Context(context.act, (*context.chains, chain))


def _mask_citations(clause: str, language: str) -> tuple[str, list[list[Chain]]]:
    """The clause with each worded reference replaced by a token; the chains each token
    stands for ("sections 7 and 8" is one token for two units)."""
    groups: dict[tuple[int, int], list[Citation]] = {}
    for citation in find_citations(clause, language):
        groups.setdefault((citation.start, citation.end), []).append(citation)
    chains: list[list[Chain]] = []
    out: list[str] = []
    position = 0
    for (start, end), citations in sorted(groups.items()):
        if start < position:
            continue
        out.append(clause[position:start])
        out.append(_C.format(len(chains)))
        chains.append([citation.chain for citation in citations])
        position = end
    out.append(clause[position:])
    return "".join(out), chains


def _tokens_between(text: str, start: int, end: int) -> list[int]:
    return [int(match.group(1)) for match in re.finditer(_CR, text[start:end])]


# -- choosing the act ------------------------------------------------------------------------

_GENERIC_ACT = re.compile(r"^(?:the\s+)?(?:principal|said|parent)\s+(?:act|law|code|ordinance)$|"
                          r"^(?:настоящ|указанн|основн)\w*\s+(?:закон|кодекс)\w*$", re.IGNORECASE)


def _select_act(instructions: list[_Instruction], title: str, source: str) -> list[AmendmentProblem]:
    """Keep the instructions that amend the base act. An act amending several laws («Статья 1.
    Внести в Уголовно-процессуальный кодекс ...», «Статья 2. Внести в Закон «О связи» ...»)
    is applied only in the part whose named act best matches the base act's title; the other
    parts are reported, one problem per instruction."""
    names = {instruction.act for instruction in instructions if instruction.act}
    specific = {name for name in names if not _GENERIC_ACT.match(name.strip())}
    if len(specific) <= 1:
        return _unknown_problems(instructions, source)
    scores = {name: _act_score(name, title) for name in specific}
    best = max(scores.values())
    problems = []
    for instruction in instructions:
        name = instruction.act
        if name in scores and scores[name] < best - 5:
            instruction.skip = True
            problems.append(_problem(instruction, "other_act",
                                     f"amends «{name}», not the base act «{title}»: not applied", source))
    return problems + _unknown_problems(instructions, source)


def _unknown_problems(instructions: list[_Instruction], source: str) -> list[AmendmentProblem]:
    problems = []
    for instruction in instructions:
        if instruction.action == "unknown" and not instruction.skip:
            instruction.skip = True
            problems.append(_problem(instruction, "not_understood",
                                     "reads like an amending instruction but its wording is not understood",
                                     source))
        elif instruction.action == "other" and not instruction.skip:
            instruction.skip = True
            problems.append(_problem(instruction, "not_supported",
                                     "this kind of modification is not supported", source))
    return problems


def _act_score(name: str, title: str) -> float:
    return fuzz.token_set_ratio(_stems(name), _stems(title))


def _stems(text: str) -> str:
    """Crude stems (first five letters) so that «Уголовно-процессуального кодекса» meets
    «Уголовно-процессуальный кодекс»."""
    words = re.findall(r"[^\W\d_]+", text.lower().replace("ё", "е"))
    return " ".join(word[:5] for word in words if len(word) > 2)


# -- the base act's tree ---------------------------------------------------------------------


class _Tree:
    """The base act's XML being amended: finding units by number and changing them."""

    def __init__(self, root: etree._Element) -> None:
        self.root = root
        info = root_info(root, "")
        self.doc = info.doc_element
        self.prefix = f"{{{info.namespace}}}" if info.namespace else ""
        self.copies: list[tuple[etree._Element, str]] = []
        self._index: dict[tuple[str, str], etree._Element] | None = None
        self._eids: dict[str, etree._Element] | None = None
        self._kinds: dict[str, list[etree._Element]] | None = None
        generate_eids(root)

    def changed(self) -> None:
        """Units were replaced or emptied: the number and eId indexes are rebuilt on next use."""
        self._index = self._eids = self._kinds = None

    def register(self, unit: etree._Element) -> None:
        """A new unit was inserted: add it and its sub-units to the indexes (rebuilding them
        after each of a code's hundred insertions would walk the code a hundred times)."""
        if self._index is None or self._kinds is None:
            return
        for node in (unit, *self.units(unit)):
            element = self.name(node) or ""
            name = node.get("name") or element if element == "hcontainer" else element
            self._index.setdefault((name, self.num(node)), node)
            self._kinds[element].append(node)

    def name(self, element: etree._Element) -> str | None:
        return local_name(element, self.prefix)

    def make(self, name: str, text: str | None = None) -> etree._Element:
        element = etree.Element(f"{self.prefix}{name}")
        if text is not None:
            element.text = text
        return element

    # -- walking --------------------------------------------------------------------------------

    def units(self, element: etree._Element | None = None) -> Iterator[etree._Element]:
        """Every provision under `element` (the whole act by default), document order."""
        stack = [element if element is not None else self.doc]
        while stack:
            node = stack.pop()
            children = []
            for child in node:
                name = self.name(child)
                if name is None or name in SKIPPED or name in QUOTED or name in ("preface", "preamble"):
                    continue
                if is_provision(child, name):
                    yield child
                children.append(child)
            stack.extend(reversed(children))

    def child_units(self, element: etree._Element) -> list[etree._Element]:
        """The units directly below `element` (looking through intro/content wrappers)."""
        found = []
        for child in element:
            name = self.name(child)
            if name is None or name in SKIPPED or name in QUOTED:
                continue
            if is_provision(child, name):
                found.append(child)
            else:
                found.extend(self.child_units(child))
        return found

    def body(self) -> etree._Element:
        for name in ("body", "mainBody", "portionBody"):
            found = self.doc.find(f"{self.prefix}{name}")
            if found is not None:
                return found
        return self.doc

    def num(self, element: etree._Element) -> str:
        found = element.find(f"{self.prefix}num")
        return clean_num(_quote_text(found)).lower() if found is not None else ""

    def by_eid(self, eid: str) -> etree._Element | None:
        if self._eids is None:
            self._eids = {}
            for element in self.units():
                self._eids.setdefault(element.get("eId") or "", element)
        return self._eids.get(eid)

    # -- finding by number ----------------------------------------------------------------------

    def resolve(self, chain: Chain, scope: etree._Element | None) -> etree._Element | None:
        """The unit a chain names: absolute from an article/section, else inside `scope`."""
        if not chain:
            return scope
        kind, number = chain[0]
        if kind in TOP_KINDS:
            node = self._top(kind, number)
        elif scope is None:
            return None
        else:
            node = self._find_either(scope, kind, number)
        for kind, number in chain[1:]:
            if node is None:
                return None
            node = self._find_either(node, kind, number)
        return node

    def _find_either(self, scope: etree._Element, kind: str, number: str) -> etree._Element | None:
        """The unit the word names («часть» is a paragraph), else any unit with that number."""
        found = self._find(scope, kind, number, strict=True)
        return found if found is not None else self._find(scope, kind, number)

    def resolve_context(self, chains: Sequence[Chain]) -> tuple[etree._Element | None, str]:
        """The unit an instruction's context names, or None and the label of what failed."""
        scope = None
        for chain in chains:
            scope = self.resolve(chain, scope)
            if scope is None:
                return None, chain_label(chain)
        return scope, ""

    def _top(self, kind: str, number: str) -> etree._Element | None:
        """An article, section, part or chapter by number, through an index of the whole act
        (a code has thousands of units; the index is rebuilt only after a structural change)."""
        if self._index is None or self._kinds is None:
            self._index, self._kinds = {}, defaultdict(list)
            for unit in self.units():
                element = self.name(unit) or ""
                name = unit.get("name") or element if element == "hcontainer" else element
                self._index.setdefault((name, self.num(unit)), unit)
                self._kinds[element].append(unit)
        names = {"section": ("section", "article"), "article": ("article", "section")}.get(kind, (kind,))
        for name in names:
            found = self._index.get((name, number))
            if found is not None:
                return found
        return None

    def _find(self, scope: etree._Element, kind: str, number: str, strict: bool = False,
              depth: int = 3) -> etree._Element | None:
        preferred = PREFERRED_ELEMENTS.get(kind, (kind,))
        level = [scope]
        for _ in range(depth):
            level = [child for node in level for child in self.child_units(node)]
            matches = [unit for unit in level if self.num(unit) == number]
            for match in matches:
                if self.name(match) in preferred:
                    return match
            if matches and not strict:
                return matches[0]
            if not level:
                return None
        return None

    # -- changing ---------------------------------------------------------------------------------

    def adopt(self, element: etree._Element, from_prefix: str) -> etree._Element:
        """A copy of a unit of the amending act, in this act's namespace, without eIds (they
        are minted for their new place at the end, by the AKN naming convention)."""
        unit = copy.deepcopy(element)
        for node in unit.iter():
            if not isinstance(node.tag, str):
                continue
            name = local_name(node, from_prefix)
            if name is not None:
                node.tag = self.prefix + name
            old = node.get("eId")
            if old:
                self.copies.append((node, old))
            for attribute in ("eId", "wId", "GUID", "id"):
                node.attrib.pop(attribute, None)
        unit.tail = None
        return unit

    def insert_by_number(self, unit: etree._Element, container: etree._Element | None) -> str | None:
        """Put a new unit among its siblings by number (94-1 after 94, 4-1) after 4)); a
        problem message when a unit with that number already exists."""
        name = self.name(unit) or ""
        token = self.num(unit)
        if container is None:
            siblings = self.of_kind(name)
        else:
            children = self.child_units(container)
            siblings = [u for u in children if self.name(u) == name] or children
        numbered = [(sibling, self.num(sibling)) for sibling in siblings]
        if token and any(number == token for _sibling, number in numbered):
            return f"{name} {token} already exists"
        keyed_numbers = [(sibling, number) for sibling, number in numbered if number]
        self.register(unit)
        if not keyed_numbers or not token:
            self.append(unit, container if container is not None else self.body(), siblings)
            return None
        family = sequence_family([number for _sibling, number in keyed_numbers] + [token]) or "arabic"
        key = number_key(token, family)
        keyed = [(number_key(number, family), sibling) for sibling, number in keyed_numbers]
        lower = [item for item in keyed if item[0] < key]
        if lower:
            _add_after(max(lower, key=lambda item: item[0])[1], unit)
        else:
            _add_before(min(keyed, key=lambda item: item[0])[1], unit)
        return None

    def of_kind(self, name: str) -> list[etree._Element]:
        """All units of one element name in the act (articles, sections), document order."""
        self._top("", "")  # builds the indexes
        return (self._kinds or {}).get(name, [])

    def append(self, unit: etree._Element, container: etree._Element,
               siblings: Sequence[etree._Element] = ()) -> None:
        """Add a unit at the end of a container (before its wrapUp; its content becomes the
        intro, since AKN does not mix content and sub-units)."""
        if siblings:
            _add_after(siblings[-1], unit)
            return
        wrap = container.find(f"{self.prefix}wrapUp")
        if wrap is not None:
            wrap.addprevious(unit)
            return
        content = container.find(f"{self.prefix}content")
        if content is not None:
            content.tag = f"{self.prefix}intro"
        container.append(unit)

    def replace(self, target: etree._Element, unit: etree._Element) -> None:
        """Restatement: the new unit takes the old one's place, eId and (if it has none) num."""
        self.changed()
        if target.get("eId"):
            unit.set("eId", target.get("eId") or "")
        old_num = target.find(f"{self.prefix}num")
        if unit.find(f"{self.prefix}num") is None and old_num is not None:
            unit.insert(0, copy.deepcopy(old_num))
        unit.tail = target.tail
        parent = target.getparent()
        if parent is not None:
            parent.replace(target, unit)

    def repeal(self, target: etree._Element, note: str) -> None:
        """A repealed unit keeps its number and eId, its text becomes the repeal note
        («Утратила силу.», "[Repealed]"), as consolidated texts show it."""
        self.changed()
        for child in list(target):
            if self.name(child) != "num":
                target.remove(child)
        content = self.make("content")
        content.append(self.make("p", note))
        target.append(content)

    def text_blocks(self, target: etree._Element) -> list[etree._Element]:
        """Blocks of text inside a unit (its heading too), not those of quotations."""
        blocks = []
        for node in target.iter():
            if not isinstance(node.tag, str):
                continue
            name = self.name(node)
            if name in _TEXT_BLOCKS and not any(self.name(c) in _TEXT_BLOCKS for c in node) \
                    and not self._quoted(node, target):
                blocks.append(node)
        return blocks

    def _quoted(self, node: etree._Element, stop: etree._Element) -> bool:
        for ancestor in node.iterancestors():
            if ancestor is stop:
                return False
            if self.name(ancestor) in QUOTED:
                return True
        return False

    def finish(self) -> None:
        """Mint eIds for the new units, then point refs inside them at their new eIds."""
        generate_eids(self.root)
        renamed = {old: node.get("eId") for node, old in self.copies if node.get("eId")}
        if not renamed:
            return
        for ref in self.root.iter(f"{self.prefix}ref"):
            href = ref.get("href") or ""
            if href.startswith("#") and href[1:] in renamed:
                ref.set("href", f"#{renamed[href[1:]]}")


def _add_after(anchor: etree._Element, unit: etree._Element) -> None:
    unit.tail = anchor.tail
    anchor.addnext(unit)


def _add_before(anchor: etree._Element, unit: etree._Element) -> None:
    unit.tail = anchor.tail
    anchor.addprevious(unit)


def number_key(token: str, family: str = "arabic") -> tuple[tuple[int, int | str], ...]:
    """Sort key of a unit number: 94 < 94-1 < 94-2 < 95, 5 < 5A < 5B < 6, 4) < 4-1)."""
    key: list[tuple[int, int | str]] = []
    for part in re.findall(r"\d+|[^\W\d_]+", token.lower()):
        value_of_digits = ascii_int(part)
        if value_of_digits is not None:
            key.append((0, value_of_digits))
            continue
        reading = key_in_family(part, family) if family not in ("arabic", "") else None
        readings = num_keys(part)
        value = reading or (readings[0] if readings else None)
        key.append((0, value.base) if value is not None else (1, part))
    return tuple(key)


def chain_label(chain: Chain) -> str:
    """How a message names a unit: "part 1 of article 231", "section 5(2)"."""
    words = {"ru_part": "part", "ru_point": "point", "ru_subpoint": "subpoint", "sub": ""}
    parts = []
    for kind, number in chain:
        word = words.get(kind, kind)
        parts.append(f"({number})" if not word else f"{word} {number}")
    if len(parts) > 1 and all(kind in ("section", "sub", "subsection") for kind, _n in chain):
        return parts[0] + "".join(f"({number})" for _kind, number in chain[1:])
    return " of ".join(reversed(parts))


# -- applying one instruction ------------------------------------------------------------------


@dataclass
class _Outcome:
    action: str
    changed: list[etree._Element] = field(default_factory=list)
    problems: list[tuple[str, str]] = field(default_factory=list)


_REPEAL_NOTES = {"утратившей": "Утратила силу.", "утратившим": "Утратил силу.",
                 "утратившими": "Утратили силу."}


class _Applier:
    """Applies one instruction to the tree; what it changed, or why it could not."""

    def __init__(self, tree: _Tree, instruction: _Instruction, language: str) -> None:
        self.tree = tree
        self.instruction = instruction
        self.language = language
        self.outcome = _Outcome(instruction.action)

    def apply(self) -> _Outcome:
        action = self.instruction.action
        {"insert": self._insert, "replace": self._replace, "repeal": self._repeal,
         "words": self._words}.get(action, self._unsupported)()
        return self.outcome

    def fail(self, kind: str, message: str) -> None:
        self.outcome.problems.append((kind, message))

    def _unsupported(self) -> None:
        self.fail("not_supported", "this kind of modification is not supported")

    # -- targets ----------------------------------------------------------------------------------

    def _targets(self) -> list[etree._Element]:
        """The units the instruction names; a problem for each one not found."""
        instruction = self.instruction
        if instruction.destination:
            found = self._destination(instruction.destination)
            return [found] if found is not None else []
        scope, failed = self.tree.resolve_context(instruction.context)
        if failed:
            self.fail("target_not_found", f"{failed} not found in the base act")
            return []
        if not instruction.targets:
            if scope is None:
                self.fail("target_not_found", "the instruction names no unit of the base act")
                return []
            return [scope]
        found = []
        for chain in instruction.targets:
            element = self.tree.resolve(chain, scope)
            if element is None:
                where = f" of {self._label(scope)}" if scope is not None and chain[0][0] not in TOP_KINDS else ""
                self.fail("target_not_found", f"{chain_label(chain)}{where} not found in the base act")
            else:
                found.append(element)
        return found

    def _destination(self, href: str) -> etree._Element | None:
        """A textualMod destination: the eId after `~` or `#`, else read as numbers."""
        eid = re.split(r"[~#]", href)[-1] if re.search(r"[~#]", href) else href.rsplit("/", 1)[-1]
        found = self.tree.by_eid(eid)
        if found is None:
            found = self.tree.resolve(_chain_from_eid(eid), None)
        if found is None:
            chain = _chain_from_eid(eid)
            label = f"{chain_label(chain)} ({eid})" if chain else eid
            self.fail("target_not_found", f"destination {label} not found in the base act")
        return found

    def _label(self, element: etree._Element) -> str:
        return element.get("eId") or self.tree.name(element) or "unit"

    # -- insert / replace / repeal ------------------------------------------------------------------

    def _new_units(self, element_name: str) -> list[etree._Element]:
        units: list[etree._Element] = []
        for structure in self.instruction.structures:
            prefix = _ns_prefix(structure)
            inner = [child for child in structure
                     if is_provision(child, local_name(child, prefix))]
            units.extend(self.tree.adopt(child, prefix) for child in inner)
            if not inner:
                text = "\n".join(line for line in (_quote_text(p) for p in structure.iter() if
                                                   local_name(p, prefix) == "p") if line)
                units.extend(_TextUnits(self.tree).parse(text, element_name))
        if not units and self.instruction.new_text:
            units = _TextUnits(self.tree).parse(self.instruction.new_text, element_name)
        return units

    def _insert(self) -> None:
        place = self._place()
        if place is None:
            return
        anchor, container = place
        units = self._new_units(self._element_for(anchor, container))
        if not units:
            self.fail("no_new_text", "the new text of the insertion was not found")
            return
        for unit in units:
            if anchor is not None:
                (_add_after if anchor[0] == "after" else _add_before)(anchor[1], unit)
                self.tree.register(unit)
                anchor = ("after", unit) if anchor[0] == "after" else anchor
            else:
                problem = self.tree.insert_by_number(unit, container)
                if problem:
                    self.fail("already_exists", f"{problem} in the base act: not inserted again")
                    continue
            self.outcome.changed.append(unit)

    def _place(self) -> tuple[tuple[str, etree._Element] | None, etree._Element | None] | None:
        """Where new units go: next to an anchor ("after section 5"), or by number inside a
        container («статью 5 дополнить пунктами ...»; None: the act, for new articles)."""
        instruction = self.instruction
        if instruction.destination:
            destination = self._targets()
            return self._textual_place(destination[0]) if destination else None
        if instruction.anchor is not None:
            scope, failed = self.tree.resolve_context(instruction.context)
            element = None if failed else self.tree.resolve(instruction.anchor[1], scope)
            if element is None:
                self.fail("target_not_found", f"{failed or chain_label(instruction.anchor[1])} not found "
                          "in the base act")
                return None
            return (instruction.anchor[0], element), None
        if instruction.targets or (instruction.context and not self._new_top_units()):
            targets = self._targets()
            return (None, targets[0]) if targets else None
        if self._new_top_units():
            return None, None
        self.fail("target_not_found", "the instruction does not say which unit to insert into")
        return None

    def _new_top_units(self) -> bool:
        """Are the new units articles/sections (or above), placed by number in the whole act?"""
        if self.instruction.unit_kind:
            return _is_top_kind(self.instruction.unit_kind)
        names = {local_name(child, _ns_prefix(s)) for s in self.instruction.structures for child in s}
        return bool(names & (ARTICLE_LEVEL | ABOVE_ARTICLE))

    def _textual_place(self, destination: etree._Element
                       ) -> tuple[tuple[str, etree._Element] | None, etree._Element | None]:
        position = self.instruction.position
        if position in ("after", "before"):
            return (position, destination), None
        names = {local_name(child, _ns_prefix(s)) for s in self.instruction.structures for child in s}
        if self.tree.name(destination) in names and position in ("", "unspecified"):
            return ("after", destination), None
        return None, destination

    def _element_for(self, anchor: tuple[str, etree._Element] | None,
                     container: etree._Element | None) -> str:
        """The AKN element new worded units become: what their siblings are, else what the
        unit word names («пунктом» -> point, "section" -> section)."""
        if anchor is not None:
            return self.tree.name(anchor[1]) or "paragraph"
        kind = self.instruction.unit_kind
        if container is not None:
            children = self.tree.child_units(container)
            preferred = PREFERRED_ELEMENTS.get(kind, (kind,)) if kind else ()
            for child in children:
                if not preferred or self.tree.name(child) in preferred:
                    return self.tree.name(child) or "paragraph"
        if kind in ("article", "section"):
            names = (self.tree.name(unit) for unit in self.tree.units())
            return next((name for name in names if name in ("article", "section")), kind)
        return PREFERRED_ELEMENTS.get(kind, (kind or "paragraph",))[0]

    def _replace(self) -> None:
        targets = self._targets()
        if not targets:
            return
        units = self._new_units(self.tree.name(targets[0]) or "paragraph")
        if not units:
            self.fail("no_new_text", "the new text of the restatement was not found")
            return
        same = len(units) == len(targets)
        pairs = list(zip(targets, units, strict=True)) if same else [(targets[0], units[0])]
        for target, unit in pairs:
            self.tree.replace(target, unit)
            self.outcome.changed.append(unit)
        last = pairs[-1][1]
        for unit in units[len(pairs):]:
            _add_after(last, unit)
            self.tree.register(unit)
            self.outcome.changed.append(unit)
            last = unit

    def _repeal(self) -> None:
        for target in self._targets():
            self.tree.repeal(target, self._repeal_note(target))
            self.outcome.changed.append(target)

    def _repeal_note(self, target: etree._Element) -> str:
        form = self.instruction.repeal_form
        if form in _REPEAL_NOTES:
            return _REPEAL_NOTES[form]
        feminine = self.tree.name(target) in ("article", "paragraph", "chapter")
        if form == "исключить":
            return "Исключена." if feminine else "Исключен."
        if form.startswith("утративш"):
            return "Утратила силу." if feminine else "Утратил силу."
        if self.language == "ru":
            return "Утратила силу." if feminine else "Утратил силу."
        return "[Repealed]"

    # -- words ------------------------------------------------------------------------------------

    def _words(self) -> None:
        instruction = self.instruction
        if not instruction.targets and not instruction.context and not instruction.destination:
            targets = [self.tree.body()]
        else:
            targets = self._targets()
        for target in targets:
            for edit in instruction.edits:
                if _edit_words(self.tree, target, edit):
                    self.outcome.changed.append(target)
                else:
                    where = target.get("eId") or "the base act"
                    self.fail("words_not_found", f"the words “{edit.old}” are not in {where}")


def _is_top_kind(kind: str) -> bool:
    return kind in ARTICLE_LEVEL or kind in ABOVE_ARTICLE or kind in TOP_KINDS


_ABBREVIATION_KINDS = {abbreviation: name for name, abbreviation in ABBREVIATIONS.items()}


def _chain_from_eid(eid: str) -> Chain:
    """ "sec_5__subsec_2" -> (("section", "5"), ("subsection", "2")): a destination eId that
    the base act does not have is looked for by its numbers."""
    chain = []
    for part in eid.split("__"):
        abbreviation, _, number = part.partition("_")
        kind = _ABBREVIATION_KINDS.get(abbreviation)
        if kind is None or not number:
            return ()
        chain.append((kind, number.lower()))
    return tuple(chain)


# -- word edits in the tree ---------------------------------------------------------------------


def _edit_words(tree: _Tree, target: etree._Element, edit: _Edit) -> int:
    """Apply one word edit to every block of the target; how many places changed."""
    blocks = tree.text_blocks(target)
    if edit.kind == "append":
        body = [block for block in blocks if tree.name(block) not in ("heading", "subheading")]
        return _append_words(body[-1], edit.new) if body else 0
    pattern = re.compile(r"\s+".join(re.escape(word) for word in edit.old.split()))
    replacement = _replacement(edit)
    count = 0
    for block in blocks:
        count += _replace_in_block(block, pattern, replacement)
    return count


def _replacement(edit: _Edit) -> Any:
    if edit.kind == "substitute":
        return lambda match: edit.new
    if edit.kind == "delete":
        return lambda match: ""
    if edit.kind == "insert_after":
        return lambda match: match.group(0) + _joiner(edit.new) + edit.new
    return lambda match: edit.new + " " + match.group(0)


def _joiner(new: str) -> str:
    return "" if new[:1] in ",;:.)" else " "


def _replace_in_block(block: etree._Element, pattern: re.Pattern[str], replacement: Any) -> int:
    """Replace in each text node of the block; when the words run across inline markup, the
    block is flattened to plain text (the words matter more than a ref's markup)."""
    count = 0
    for node, attribute in _text_nodes(block):
        value = getattr(node, attribute)
        if value:
            new, found = pattern.subn(replacement, value)
            if found:
                setattr(node, attribute, _tidy(new))
                count += found
    if count:
        return count
    flat = "".join(block.itertext())
    new, found = pattern.subn(replacement, " ".join(flat.split()))
    if found:
        for child in list(block):
            block.remove(child)
        block.text = _tidy(new)
    return found


def _tidy(text: str) -> str:
    """No double spaces and no space before punctuation after a deletion."""
    return re.sub(r"\s+([,.;:)])", r"\1", re.sub(r"[ \t]{2,}", " ", text))


def _text_nodes(block: etree._Element) -> Iterator[tuple[etree._Element, str]]:
    yield block, "text"
    for node in block.iterdescendants():
        if isinstance(node.tag, str):
            yield node, "text"
        yield node, "tail"


def _append_words(block: etree._Element, new: str) -> int:
    """«дополнить словами «…»»: the words go at the end, before the closing punctuation."""
    nodes = [(node, attribute) for node, attribute in _text_nodes(block) if (getattr(node, attribute) or "").strip()]
    if not nodes:
        block.text = new
        return 1
    node, attribute = nodes[-1]
    value = (getattr(node, attribute) or "").rstrip()
    match = re.search(r"[.;:,]$", value)
    end = match.group(0) if match else ""
    stem = value[:len(value) - len(end)]
    setattr(node, attribute, stem + _joiner(new) + new.rstrip(".;") + end)
    return 1


# -- new units from plain text -------------------------------------------------------------------


_HEADER = re.compile(r"^(?P<word>Статья|Article|Section|Глава|Chapter|Part|Раздел)\s+"
                     r"(?P<num>[\dIVXLC]+(?:[-.]\d+)*[A-Za-z]?)\.?\s*(?P<rest>.*)$", re.IGNORECASE)
_SECTION_HEAD = re.compile(r"^(?P<num>\d+[A-Z]{0,3})\.\s+(?P<rest>[^.;:,]{1,120}[^\s.;:,])$")
"""The first line of a new section: "5A. Partial disclosure of traffic data" (short, no final stop)."""
_STYLES = (
    ("dot", re.compile(r"^(?P<num>\d+(?:-\d+)*)\.\s+(?P<rest>.+)$")),
    ("bracket", re.compile(r"^(?P<num>\d+(?:-\d+)*)\)\s*(?P<rest>.+)$")),
    ("paren", re.compile(r"^\((?P<num>\d+[A-Za-z]{0,2})\)\s*(?P<rest>.+)$")),
    ("roman", re.compile(r"^\((?P<num>[ivx]{1,5})\)\s*(?P<rest>.+)$")),
    ("alpha", re.compile(r"^\((?P<num>[a-z]{1,2})\)\s*(?P<rest>.+)$")),
    ("alpha_bracket", re.compile(r"^(?P<num>[а-яa-z])\)\s*(?P<rest>.+)$")),
)
_STYLE_ELEMENTS = {"dot": "paragraph", "bracket": "point", "paren": "subsection", "alpha": "paragraph",
                   "roman": "subparagraph", "alpha_bracket": "subparagraph"}
_HEADER_ELEMENTS = {"статья": "article", "article": "article", "section": "section", "глава": "chapter",
                    "chapter": "chapter", "part": "part", "раздел": "part"}


@dataclass
class _Draft:
    """A unit being built from lines: number, heading, text before and after its sub-units."""

    name: str
    num: str
    heading: str = ""
    style: str = ""
    before: list[str] = field(default_factory=list)
    children: list[_Draft] = field(default_factory=list)
    after: list[str] = field(default_factory=list)


class _TextUnits:
    """Turns the plain new text of an instruction («Статья 94-1. Заголовок / 1. … / 2. …»,
    "5A. Heading / (1) … / (2) …") into AKN units, by the numbering of each line."""

    def __init__(self, tree: _Tree) -> None:
        self.tree = tree

    def parse(self, text: str, element: str) -> list[etree._Element]:
        lines = _strip_outer_quotes([line.strip() for line in text.split("\n") if line.strip()])
        drafts = self._drafts(lines, element)
        return [self._element(draft) for draft in drafts]

    def _drafts(self, lines: list[str], element: str) -> list[_Draft]:
        """Lines into a tree: a numbering style seen for the first time opens a level below the
        current unit; one already open closes the levels below it."""
        tops: list[_Draft] = []
        stack: list[_Draft] = []
        for index, line in enumerate(lines):
            draft = self._line_unit(line, element, index, stack)
            if draft is None:
                if stack:
                    target = stack[-1]
                    (target.after if target.children else target.before).append(line)
                elif tops:
                    tops[-1].after.append(line)
                else:
                    tops.append(_Draft(element, "", before=[line]))
                    stack = [tops[-1]]
                continue
            while stack and not self._nests(draft, stack):
                stack.pop()
            if stack:
                stack[-1].children.append(draft)
            else:
                tops.append(draft)
            stack.append(draft)
        return tops

    def _line_unit(self, line: str, element: str, index: int, stack: list[_Draft]) -> _Draft | None:
        """The unit a line opens («Статья 94-1. …», "5A. Heading", "1. …", "(2) …"), or None
        for a line of text."""
        header = _HEADER.match(line)
        if header and header.group("word").lower() in _HEADER_ELEMENTS:
            name = _HEADER_ELEMENTS[header.group("word").lower()]
            if element in ("article", "section") and name in ("article", "section"):
                name = element
            num = f"{header.group('word')} {header.group('num')}."
            return _Draft(name, num, heading=header.group("rest").strip(), style="header")
        if index == 0 and element in ("section", "article"):
            head = _SECTION_HEAD.match(line)
            if head:
                return _Draft(element, f"{head.group('num')}.", heading=head.group("rest").strip(), style="header")
        for style, pattern in _STYLES:
            match = pattern.match(line)
            if match:
                name = element if not stack or stack[0].style == style else _STYLE_ELEMENTS[style]
                if stack and stack[0].style == "header":
                    name = _STYLE_ELEMENTS[style]
                written = line[:match.start("rest")].strip()
                return _Draft(name, written, style=style, before=[match.group("rest").strip()])
        return None

    @staticmethod
    def _nests(draft: _Draft, stack: list[_Draft]) -> bool:
        """Does `draft` go inside the top of the stack? Not when a unit of the same style (a
        sibling) or of a style already open above (an uncle) is on the way."""
        styles = [item.style for item in stack]
        if draft.style == "header":
            return False
        return draft.style not in styles

    def _element(self, draft: _Draft) -> etree._Element:
        tree = self.tree
        unit = tree.make(draft.name)
        if draft.num:
            unit.append(tree.make("num", draft.num))
        if draft.heading:
            unit.append(tree.make("heading", draft.heading))
        if draft.children:
            if draft.before:
                unit.append(self._blocks("intro", draft.before))
            for child in draft.children:
                unit.append(self._element(child))
            if draft.after:
                unit.append(self._blocks("wrapUp", draft.after))
        else:
            unit.append(self._blocks("content", draft.before + draft.after or [""]))
        return unit

    def _blocks(self, name: str, lines: list[str]) -> etree._Element:
        block = self.tree.make(name)
        for line in lines:
            block.append(self.tree.make("p", line))
        return block


def _strip_outer_quotes(lines: list[str]) -> list[str]:
    """«Статья 94-1. …» … »; -> the lines without the quotation marks and the closing ";"."""
    if not lines:
        return lines
    lines = list(lines)
    if lines[0][:1] in "«“„\"'‘":
        lines[0] = lines[0][1:].lstrip()
        lines[-1] = re.sub(r"[»”“\"'’]\s*[.;,]*\s*$", "", lines[-1]).rstrip()
    return [line for line in lines if line]
