"""From lines to the tree of the law: parts, chapters, articles or sections, and their lists.

One pass over the lines, linear in their number. Two stacks say where the pass is:
- `groups`: the open headings (body, part, chapter, article or section), by rank;
- `levels`: the open list levels inside the current article or section, each with its
  numbering style ("(a)" and "a)" are different levels) and its last number.

A list label continues the deepest open level it follows (5 after 4, 4-1 after 4, (b) after
(a)), or starts a level below the current item (1, a, i), so subsection (1) -> paragraph (a)
-> subparagraph (i) nest as drafted; "(i)" after "(h)" is the letter unless "(ii)" comes next.
Labels inside a line (run-together text) are kept only when they continue or start a list
where they stand; otherwise they are references and stay text (see inline.py).

Unnumbered text goes to the current item, except text that closes a list: after an item that
ends with a dash or comma ("..., –" / "наказывается ...") or, below an item, after an item
that ends a sentence, it belongs to the parent (the AKN wrapUp).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from lawcheck.akn.numbering import NumKey
from lawcheck.ingest.definitions import several_definitions, starts_definitions
from lawcheck.ingest.inline import Candidate, find_candidates, opens_item, split_trailing_headings
from lawcheck.ingest.labels import (
    ARTICLE_KINDS,
    Label,
    Reading,
    Style,
    UnitHeading,
    is_definitions_heading,
    is_note,
    looks_like_heading,
    parse_bare_label,
    parse_heading,
    parse_label,
    step,
    style_of,
)
from lawcheck.ingest.lines import TITLE_LEVEL, Line

SECTION_LEVELS = ("subsection", "paragraph", "subparagraph", "clause", "subclause")
"""Units below a section, in drafting order: (1) -> (a) -> (i) -> (A) -> (I)."""

CROSS_HEADING_RANK = 4.5
"""An unlabelled heading between articles groups the articles after it."""

LOOKAHEAD = 200
"""How many labels further on a line the second item of a new list is looked for."""

DEFINITION_WINDOW = 3000
"""How far ahead a run of definitions is looked for (bounded: long lines stay linear)."""

_TITLE_OPENERS = re.compile(r"(?i)^(?:закон|кодекс|проект|указ|постановление|law|act|bill|code|draft)\b")
_BARE_KEY = re.compile(r"^([0-9]{1,12})(?![0-9])(?:\.([0-9]+))?([A-Z]?)$")


@dataclass(eq=False, slots=True)
class Node:
    """A unit of the law being built; `parts` holds its text lines and child units in order."""

    element: str
    num: str = ""
    heading: str = ""
    name: str = ""
    parts: list[str | Node] = field(default_factory=list)
    definitions: bool = False
    rank: float = 10.0
    line: int = 0

    @property
    def children(self) -> list[Node]:
        return [part for part in self.parts if isinstance(part, Node)]

    def last_text(self) -> str:
        """The last text a reader sees in this unit (its own or its last child's)."""
        for part in reversed(self.parts):
            if isinstance(part, str):
                return part
            text = part.last_text()
            if text:
                return text
        return ""


@dataclass(slots=True)
class Level:
    """An open list level: its style, the last number seen and the unit that number opened."""

    style: Style
    key: NumKey
    node: Node


@dataclass(frozen=True, slots=True)
class Placement:
    """Where a label goes: the level index it replaces (or len(levels) for a new level)."""

    index: int
    reading: Reading
    quality: str  # "exact" | "first" | "gap" | "same" | "odd"


@dataclass(slots=True)
class Outline:
    """What the recogniser found: the body tree, the lines before it, the title line."""

    body: Node
    front: list[str]
    title: str


class OutlineBuilder:
    """Builds the Outline of one draft; use `build_outline(lines, language)`."""

    def __init__(self, language: str, bare_sections: bool) -> None:
        self.language = language
        self.bare_sections = bare_sections
        self.body = Node("body", rank=-1.0)
        self.groups: list[Node] = [self.body]
        self.levels: list[Level] = []
        self.front: list[Line] = []
        self.awaiting_heading: Node | None = None
        self.started = False
        self.last_bare: str | None = None

    # -- lines ------------------------------------------------------------------------------

    def add_line(self, line: Line, following: Line | None) -> None:
        text = line.text
        styled = line.level is not None and line.level > TITLE_LEVEL
        if line.level == TITLE_LEVEL and not self.started:
            self.front.append(line)
            return
        if self._takes_heading(line):
            return
        heading = parse_heading(text, styled=styled, language=self.language, bare_sections=self.bare_sections)
        if heading is not None and heading.bare and not styled and not self._bare_heading_fits(heading, following):
            heading = None
        if heading is not None:
            self.open_group(heading, line.number)
            return
        if is_note(text):
            self.add_note(line)
            return
        text, trailing = split_trailing_headings(text)
        if text:
            self._add_text_line(Line(text, line.number, line.level), following)
        for unit in trailing:
            self.open_group(unit, line.number)

    def _add_text_line(self, line: Line, following: Line | None) -> None:
        """A line that is not a heading: a list item, body text, or (before the body) front matter."""
        found = parse_label(line.text)
        if found is None and self.groups[-1].element == "article" and not self._other_list_open():
            found = parse_bare_label(line.text)
        if not self.started and found is None:
            self.front.append(line)
        elif line.level is not None and found is None and looks_like_heading(line.text):
            self.open_cross_heading(line.text, line.number)
        else:
            self.add_run(line.text, line.number, found, following)

    def _other_list_open(self) -> bool:
        """Is a list of another form open ("1." paragraphs)? Then a bare number is text."""
        return any(level.style.form != "bare" for level in self.levels)

    def _takes_heading(self, line: Line) -> bool:
        """The short line after "PART II" or "Статья 5." is that unit's heading."""
        node, self.awaiting_heading = self.awaiting_heading, None
        if node is None or not looks_like_heading(line.text) or parse_label(line.text) is not None:
            return False
        if parse_heading(line.text, styled=False, language=self.language, bare_sections=False):
            return False
        node.heading = line.text
        node.definitions = node.definitions or (node.element in ARTICLE_KINDS and is_definitions_heading(line.text))
        return True

    def _bare_heading_fits(self, heading: UnitHeading, following: Line | None) -> bool:
        """"12. Heading" opens a section only when numbers go up and a body follows it."""
        key = _bare_key(heading.token)
        if key is None:
            return False
        if self.last_bare is not None and key <= (_bare_key(self.last_bare) or key):
            return False
        if following is None:
            return True
        return parse_heading(following.text, styled=False, language=self.language, bare_sections=True) is None

    # -- units ------------------------------------------------------------------------------

    def open_group(self, heading: UnitHeading, line: int) -> Node:
        """A part, chapter, article or section: it closes open units of the same or lower rank."""
        node = Node(heading.kind, num=heading.num, heading=heading.heading, rank=heading.rank, line=line)
        if heading.kind in ARTICLE_KINDS:
            node.definitions = is_definitions_heading(heading.heading)
        if heading.bare:
            self.last_bare = heading.token
        self._attach_group(node)
        self.awaiting_heading = node if not heading.heading else None
        return node

    def open_cross_heading(self, text: str, line: int) -> None:
        """An unnumbered heading between articles (Word Heading style): a grouping of its own."""
        enclosing = next((group.element for group in reversed(self.groups) if group.element in ("part", "chapter")),
                         "")
        element = {"chapter": "subchapter", "part": "subpart"}.get(enclosing, "division")
        self._attach_group(Node(element, heading=text, rank=CROSS_HEADING_RANK, line=line))

    def _attach_group(self, node: Node) -> None:
        while self.groups[-1].rank >= node.rank:
            self.groups.pop()
        self.groups[-1].parts.append(node)
        self.groups.append(node)
        self.levels = []
        self.started = True

    def add_note(self, line: Line) -> None:
        """«Сноска. ...»: an editorial note of the enclosing article (before any unit: preface)."""
        if not self.started:
            self.front.append(line)
            return
        self.levels = []
        self.groups[-1].parts.append(Node("hcontainer", name="note", parts=[line.text], line=line.number))

    # -- lists and text ---------------------------------------------------------------------

    def add_run(self, text: str, line: int, found: tuple[Label, str] | None, following: Line | None) -> None:
        """A line of text, perhaps opening with a label and holding more labels inside."""
        target: Node | None = None
        if found is not None:
            label, rest = found
            target = self.open_item(label, self.place(label, self._prefers_roman(label, rest, following)), line)
            text = rest
        candidates = find_candidates(text)
        start = 0
        for index, candidate in enumerate(candidates):
            later = candidates[index + 1:index + 1 + LOOKAHEAD]
            placement = self._inline_placement(text, start, candidate, later)
            if placement is None:
                continue
            self._put_text(text[start:candidate.start].strip(), target)
            target = self.open_item(candidate.label, placement, line)
            start = candidate.end
        self._put_text(text[start:].strip(), target)

    def _inline_placement(self, text: str, start: int, candidate: Candidate,
                          later: list[Candidate]) -> Placement | None:
        """A label inside a line counts when it continues a list, or starts one that goes on
        later in the line, except inside a run of several definitions: there, each
        definition keeps its own list (one `<p>` per definition)."""
        label = candidate.label
        second = _second_roman(label)
        prefer_roman = label.maybe_roman_one and any(other.label.token == second for other in later)
        placement = self.place(label, prefer_roman)
        if placement.quality == "exact":
            return placement if opens_item(text, candidate) else None
        if placement.quality == "first" and not self._in_definitions(text[start:].lstrip()):
            style = style_of(label, placement.reading)
            for other in later:
                for reading in other.label.readings:
                    if style_of(other.label, reading) == style and step(placement.reading.key, reading.key) == 2:
                        return placement
        return None

    def _prefers_roman(self, label: Label, rest: str, following: Line | None) -> bool:
        if not label.maybe_roman_one:
            return False
        second = _second_roman(label)
        if f"({second})" in rest:
            return True
        if following is not None:
            found = parse_label(following.text)
            return found is not None and found[0].token == second
        return False

    def place(self, label: Label, prefer_roman: bool) -> Placement:
        """Which level a label continues, or whether it opens a new one (see module docstring)."""
        readings = label.readings
        if prefer_roman:
            roman = next((reading for reading in readings if reading.family == "roman"), None)
            if roman is not None:
                return Placement(len(self.levels), roman, "first")
        for quality, wanted in (("exact", 2), ("first", None), ("gap", 1), ("same", 0)):
            if wanted is None:
                first = next((reading for reading in readings if reading.first), None)
                if first is not None:
                    return Placement(len(self.levels), first, quality)
                continue
            for index in range(len(self.levels) - 1, -1, -1):
                level = self.levels[index]
                for reading in readings:
                    if style_of(label, reading) == level.style and step(level.key, reading.key) >= wanted:
                        return Placement(index, reading, quality)
        return Placement(len(self.levels), readings[0], "odd")

    def open_item(self, label: Label, placement: Placement, line: int) -> Node:
        del self.levels[placement.index:]
        container = self.groups[-1]
        parent = self.levels[-1].node if self.levels else container
        element = self._element_for(container, parent, label, placement.reading)
        node = Node(element, num=label.text, line=line, definitions=parent.definitions)
        parent.parts.append(node)
        self.levels.append(Level(style_of(label, placement.reading), placement.reading.key, node))
        self.started = True
        return node

    def _element_for(self, container: Node, parent: Node, label: Label, reading: Reading) -> str:
        parent_element = parent.element if parent is not container else None
        if container.element == "section":
            preferred = _section_level(reading)
            if parent_element in SECTION_LEVELS:
                preferred = max(preferred, SECTION_LEVELS.index(parent_element) + 1)
            return SECTION_LEVELS[preferred] if preferred < len(SECTION_LEVELS) else "point"
        if parent_element is None and reading.family in ("arabic", "outline") and label.form != "close":
            return "paragraph"
        return "point"

    def _in_definitions(self, pending: str) -> bool:
        """Is the current unit a run of several definitions (its text so far, plus `pending`,
        the rest of the line)?"""
        node = self.levels[-1].node if self.levels else self.groups[-1]
        if not (node.definitions or starts_definitions(pending)):
            return False
        return several_definitions(pending[:DEFINITION_WINDOW])

    def _put_text(self, text: str, target: Node | None) -> None:
        if not text:
            return
        if target is not None:
            self._append_text(target, text)
        else:
            self.add_text(text)

    def add_text(self, text: str) -> None:
        """Unnumbered text: to the current item, or to its parent when it closes the list."""
        if not self.started:
            self.front.append(Line(text, 0))
            return
        if not self.levels:
            self._append_text(self.groups[-1], text)
            return
        last = self.levels[-1].node
        if _closes_list(last.last_text(), text, below_item=len(self.levels) > 1):
            self.levels.pop()
            parent = self.levels[-1].node if self.levels else self.groups[-1]
            self._append_text(parent, text)
        else:
            self._append_text(last, text)

    @staticmethod
    def _append_text(node: Node, text: str) -> None:
        if not node.parts and starts_definitions(text):
            node.definitions = True
        node.parts.append(text)

    # -- the end ------------------------------------------------------------------------------

    def finish(self) -> Outline:
        title_line = _title(self.front)
        front = [line.text for line in self.front]
        if not self.body.parts:  # no structure at all: each paragraph is an unnumbered paragraph
            rest = [text for text in front if text != title_line]
            self.body.parts = [Node("paragraph", parts=[text]) for text in rest or front]
            front = [title_line] if title_line and rest else []
        return Outline(self.body, front, title_line)


def build_outline(lines: list[Line], language: str) -> Outline:
    """The tree of a draft from its lines; `language` is "en" or "ru"."""
    builder = OutlineBuilder(language, bare_sections=_uses_bare_sections(lines, language))
    for index, line in enumerate(lines):
        builder.add_line(line, lines[index + 1] if index + 1 < len(lines) else None)
    return builder.finish()


def _uses_bare_sections(lines: Iterable[Line], language: str) -> bool:
    """Are sections numbered "12. Heading" (no "Section"/"Article" word anywhere)? Needs two."""
    bare = 0
    for line in lines:
        heading = parse_heading(line.text, styled=False, language=language, bare_sections=True)
        if heading is None:
            continue
        if not heading.bare and heading.kind in ARTICLE_KINDS:
            return False
        bare += heading.bare
    return bare >= 2


def _bare_key(token: str) -> tuple[int, str, str] | None:
    """Order of section numbers: 487 < 487.011 < 487.0131 < 487.014 < 487.02 < 492 (decimal)."""
    match = _BARE_KEY.match(token)
    if not match:
        return None
    return int(match.group(1)), match.group(2) or "", match.group(3)


def _section_level(reading: Reading) -> int:
    if reading.family in ("arabic", "outline"):
        return 0
    if reading.family == "roman":
        return 4 if reading.upper else 2
    return 3 if reading.upper else 1


def _second_roman(label: Label) -> str:
    return "II" if label.token.isupper() else "ii"


def _closes_list(ending: str, text: str, *, below_item: bool) -> bool:
    """Does `text` close the list whose last item ends with `ending` (a wrapUp)?"""
    ending = ending.rstrip()
    if not ending or ending.endswith(":"):
        return False
    if text[:1].islower() and ending[-1] in "–—-,":
        return True
    return below_item and ending.endswith(".") and text[:1].isupper()


def _title(front: list[Line]) -> str:
    """The draft's title: a Title-styled line, else the first heading, else the first short
    line before the body ("ЗАКОН ..." and the line after it are joined)."""
    for line in front:
        if line.level == TITLE_LEVEL:
            return line.text
    for line in front:
        if line.level is not None:
            return line.text
    candidates = [line.text for line in front[:3] if looks_like_heading(line.text) and not is_note(line.text)]
    if not candidates:
        return ""
    if len(candidates) > 1 and _TITLE_OPENERS.match(candidates[0]) and candidates[0].upper() == candidates[0]:
        return f"{candidates[0]} {candidates[1]}"
    return candidates[0]
