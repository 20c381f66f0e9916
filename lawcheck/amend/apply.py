"""Applying one instruction to the base act's tree: inserting, replacing and repealing
units, editing words, and building new units from quoted plain text."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from lxml import etree

from lawcheck.akn.eids import is_provision, local_name
from lawcheck.akn.references import PREFERRED_ELEMENTS, TOP_KINDS
from lawcheck.akn.vocab import ABBREVIATIONS, ABOVE_ARTICLE, ARTICLE_LEVEL
from lawcheck.amend.instructions import Chain, Edit, Instruction
from lawcheck.amend.markup import ns_prefix, quote_text
from lawcheck.amend.tree import Tree, add_after, add_before, chain_label

# -- applying one instruction ------------------------------------------------------------------


@dataclass
class _Outcome:
    action: str
    changed: list[etree._Element] = field(default_factory=list)
    problems: list[tuple[str, str]] = field(default_factory=list)


_REPEAL_NOTES = {"утратившей": "Утратила силу.", "утратившим": "Утратил силу.",
                 "утратившими": "Утратили силу."}


class Applier:
    """Applies one instruction to the tree; what it changed, or why it could not."""

    def __init__(self, tree: Tree, instruction: Instruction, language: str) -> None:
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
            prefix = ns_prefix(structure)
            inner = [child for child in structure
                     if is_provision(child, local_name(child, prefix))]
            units.extend(self.tree.adopt(child, prefix) for child in inner)
            if not inner:
                text = "\n".join(line for line in (quote_text(p) for p in structure.iter() if
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
                (add_after if anchor[0] == "after" else add_before)(anchor[1], unit)
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
        names = {local_name(child, ns_prefix(s)) for s in self.instruction.structures for child in s}
        return bool(names & (ARTICLE_LEVEL | ABOVE_ARTICLE))

    def _textual_place(self, destination: etree._Element
                       ) -> tuple[tuple[str, etree._Element] | None, etree._Element | None]:
        position = self.instruction.position
        if position in ("after", "before"):
            return (position, destination), None
        names = {local_name(child, ns_prefix(s)) for s in self.instruction.structures for child in s}
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
            add_after(last, unit)
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


def _edit_words(tree: Tree, target: etree._Element, edit: Edit) -> int:
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


def _replacement(edit: Edit) -> Any:
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

    def __init__(self, tree: Tree) -> None:
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
