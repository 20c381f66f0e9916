"""From lines to the tree of the law: parts, chapters, articles or sections, and their lists.

One pass over the lines, linear in their number. Two stacks say where the pass is:
- `groups`: the open headings (body, part, chapter, article or section), by rank;
- `levels`: the open list levels inside the current article or section, each with its
  numbering style ("(a)" and "a)" are different levels) and its last number.

A list label continues the deepest open level it follows (5 after 4, 4-1 after 4, (b) after
(a)), or starts a level below the current item (1, a, i), so subsection (1) -> paragraph (a)
-> subparagraph (i) nest as drafted; "(i)" after "(h)" is the letter unless "(ii)" comes next.
Labels inside a line (run-together text) are kept only when they continue or start a list
where they stand; otherwise they are references and stay text (see inline.py). They are read
at all only in run-together text: a draft whose lines hold more list labels inside them than
at their start, or a line that goes on with a list open where it starts ("(1) ... (2) ...").
In a draft written a unit per line, an enumeration inside a sentence ("showing: (1) that ...;
(2) that ...") stays in its sentence.

Unnumbered text goes to the current item, except text that closes a list: after an item that
ends with a dash or comma ("..., –" / "наказывается ...") or, below an item, after an item
that ends a sentence, it belongs to the parent (the AKN wrapUp).

An amending act quotes the units it inserts: an instruction that ends with a colon (or a
dash: "... the following new section—"), then lines from an opening quote («, “, ") to the line
that ends with its closing quote (inner pairs counted; a straight " opens before a word and
closes after one). When those lines hold units (numbered items, articles), they are read as a tree of
their own and kept with the instruction (the AKN mod and quotedStructure), so their numbering
never continues the amending act's own list. The quote may also open on the instruction's line
("... следующего содержания: «Статья 94-1. ..."). Quoted text without units stays text.

Layouts of whole drafts, each decided once from all the lines:
- sections numbered "12. Heading" (a heading may end with a full stop when a body follows);
- marginal notes: a heading line above "4. (1) A person ...", whose number opens its text;
- Articles grouped in Sections: then "Section 2 – ..." is a grouping, not a unit;
- several instruments printed one after the other (two Bills in a gazette supplement, each
  with its own title block, long title or enacting words, and numbering): each is a unit of
  its own (`hcontainer name="instrument"`), and the text before the first is front matter.
A schedule ("FIRST SCHEDULE") ends the sections and holds its own units; a line opening with a
dash after a colon is an indent (one paragraph, often one definition).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import pairwise

from lawcheck.akn.definitions import is_definitions_heading
from lawcheck.akn.numbering import NumKey
from lawcheck.akn.references import russian_ordinal
from lawcheck.ingest.definitions import opens_definition, several_definitions, starts_definitions
from lawcheck.ingest.inline import Candidate, find_candidates, opens_item, split_trailing_headings
from lawcheck.ingest.labels import (
    ARTICLE_KINDS,
    GROUP_RANKS,
    Label,
    Reading,
    Style,
    UnitHeading,
    is_arrangement,
    is_enabling_reference,
    is_note,
    looks_like_dotted_heading,
    looks_like_heading,
    parse_bare_label,
    parse_heading,
    parse_label,
    parse_schedule,
    step,
    style_of,
)
from lawcheck.ingest.lines import TITLE_LEVEL, Line

SECTION_LEVELS = ("subsection", "paragraph", "subparagraph", "clause", "subclause")
"""Units below a section, in drafting order: (1) -> (a) -> (i) -> (A) -> (I)."""

CROSS_HEADING_RANK = 4.5
"""An unlabelled heading between articles groups the articles after it."""

SCHEDULE_RANK = -0.5
"""A schedule closes every unit of the Act (its Parts included) and holds its own."""

INSTRUMENT_RANK = -0.75
"""An instrument printed with others (two Bills in one gazette) holds its Parts and its schedules."""

INSTRUMENT = "instrument"
"""`<hcontainer name="instrument">`: one of several instruments a draft prints one after the other."""

SCHEDULE = "schedule"
"""The AKN name of a schedule: `<hcontainer name="schedule">`, which the reader reads as a unit."""

DEFINITION = "definition"
"""`<hcontainer name="definition">`: one definition of a list whose definitions have items of their own."""
_DEFINITION_STYLE = Style("definition", "definition", False, 1)
_DEFINITION_KEY = NumKey("definition", 0, "")
"""The list level a definition unit stands for: no label continues it, "(a)" opens items below it."""

LOOKAHEAD = 200
"""How many labels further on a line the second item of a new list is looked for."""

DEFINITION_WINDOW = 3000
"""How far ahead a run of definitions is looked for (bounded: long lines stay linear)."""

_TITLE_OPENERS = re.compile(r"(?i)^(?:закон|кодекс|проект|указ|постановление|law|act|bill|code|draft)\b")
_BARE_KEY = re.compile(r"^([0-9]{1,12})(?![0-9])(?:\.([0-9]+))?-?([A-Z]?)$")


QUOTES = {"«": "»", "“": "”", '"': '"'}
"""Opening and closing quotation marks around quoted units. « » and “ ” are paired, so inner
pairs can be counted; a straight " opens or closes by where it stands (see `_quote_step`)."""

MAX_QUOTED_LINES = 5000
"""How many lines a quotation may span; an opening quote not closed within them is text."""

MAX_LIST_DEPTH = 12
"""Deepest list nesting kept; a deeper label becomes a sibling at the deepest level."""

QUOTE_SCAN_FACTOR = 4
QUOTE_SCAN_FLOOR = 1_000_000
"""Looking for the end of quotations reads at most this many times the draft's text (plus the
floor): a file of unclosed quotes after colons stays linear."""

_TERM_QUOTES = frozenset("\"“‘«'")
"""Marks that may open a quoted term inside a quotation."""
_INSTRUCTION_QUOTE = re.compile(r":\s*(?=[«“\"])")
_INSTRUCTION_END = re.compile(r"(?::|:?\s*[—–]|\s-|:-)$")
"""An amending instruction ends with a colon, or, in Commonwealth drafting, a dash ("... the
following new section—", "... the following:—")."""
_OPENS_QUOTE_AFTER = frozenset(" ([—–-/")
_NUMBERED_TEXT = re.compile(r"^(?P<n>\d{1,6}(?:\.\d{1,6})?[A-Z]?)\.(?:\s*[—–]\s*|\s*-(?=\()|\s+)(?P<rest>\S.*)$")
"""A section number that runs into the section's own text: "4. (1) A person who ...", "5. A person ...",
and in older Commonwealth drafting with a dash before the subsection: "48.—(1) A person ..."."""
_SPACED_TEXT = re.compile(r"^(?P<n>\d{1,6}(?:\.\d{1,6})?[A-Z]?)\s+(?P<rest>(?:\(\d{1,3}[A-Z]?\)\s|[A-Z\"“]).*)$")
"""The same without the full stop, as Canadian statutes print it: "18 (1) A justice ...", "9 A person ..."."""


@dataclass(eq=False, slots=True)
class Quoted:
    """Units quoted by an amending instruction: the instruction's words, the quoted tree and
    its quotation marks (the AKN mod around a quotedStructure)."""

    instruction: str
    body: Node
    start: str
    end: str

    def last_text(self) -> str:
        return self.body.last_text()


@dataclass(eq=False, slots=True)
class Node:
    """A unit of the law being built; `parts` holds its text lines (an instruction with its
    quoted units is one of them) and child units in order."""

    element: str
    num: str = ""
    heading: str = ""
    name: str = ""
    subheading: str = ""
    parts: list[str | Quoted | Node] = field(default_factory=list)
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
    """What the recogniser found: the body tree, the lines before it, the title as the act is
    cited, and the lines of the title block that name its type and its title."""

    body: Node
    front: list[str]
    title: str
    doc_type: str = ""
    doc_title: str = ""


class OutlineBuilder:
    """Builds the Outline of one draft; use `build_outline(lines, language)`."""

    def __init__(self, language: str, bare_sections: bool, run_together: bool = True, *,
                 marginal_notes: re.Pattern[str] | None = None, sections_group: bool = False,
                 quoted: bool = False) -> None:
        self.language = language
        self.quoted = quoted
        """The lines are units an amending instruction quotes (see `_element_for`)."""
        self.bare_sections = bare_sections
        self.run_together = run_together
        self.marginal_notes = marginal_notes
        """Headings stand on their own line above "4. (1) A person ..." (see `_takes_marginal_note`):
        the pattern of the numbered line ("4. ..." or, Canadian, "4 ...")."""
        self.sections_group = sections_group
        """"Section 2 – ..." groups Articles (see `_sections_group_articles`)."""
        self.pending_note: Line | None = None
        self.body = Node("body", rank=-1.0)
        self.groups: list[Node] = [self.body]
        self.levels: list[Level] = []
        self.front: list[Line] = []
        self.awaiting_heading: Node | None = None
        self.started = False
        self.last_bare: str | None = None
        self.last_texted: Node | None = None
        self.definitions_holder: Node | None = None
        """The unit whose text lists the current run of definitions (see `_opens_later_definition`)."""
        self.quote_budget = QUOTE_SCAN_FLOOR
        """Characters left to scan for closing quotes: unclosed quotations cannot make the pass quadratic."""

    # -- lines ------------------------------------------------------------------------------

    def add_line(self, line: Line, following: Line | None) -> None:
        text = line.text
        styled = line.level is not None and line.level > TITLE_LEVEL
        if line.level == TITLE_LEVEL and not self.started:
            self.front.append(line)
            return
        if self._takes_heading(line):
            return
        if self._opens_noted_section(line, following):
            return
        if self._opens_schedule(line):
            return
        heading = parse_heading(text, styled=styled, language=self.language, bare_sections=self.bare_sections)
        if heading is not None and heading.bare and not styled and not self._bare_heading_fits(heading, following):
            heading = None
        if heading is not None and self._is_schedule_entry(heading):
            heading = None
        if heading is not None:
            if self.sections_group and _is_labelled_section(heading):
                self.open_section_group(heading, line.number)
            else:
                self.open_group(heading, line.number)
            if heading.text:
                self.awaiting_heading = None
                self._add_text_line(Line(heading.text, line.number, line.level), following)
            return
        if self._takes_marginal_note(line, following):
            return
        if is_note(text):
            self.add_note(line)
            return
        text, trailing = (text, []) if is_arrangement(text) else split_trailing_headings(text)
        if text:
            self._add_text_line(Line(text, line.number, line.level), following)
        for unit in trailing:
            self.open_group(unit, line.number)

    def _add_text_line(self, line: Line, following: Line | None) -> None:
        """A line that is not a heading: a list item, body text, or (before the body) front matter."""
        found = parse_label(line.text)
        if found is not None and found[0].dash and not self._indent_fits():
            found = None
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

    def _indent_fits(self) -> bool:
        """A line opening with a dash is an indent (AKN `indent`) after words that announce a
        list ("... следующие основные понятия:", "Оператор обязан:") or in a list of dashes
        already open; elsewhere the dash is the text's own («– наказывается ...»)."""
        if any(level.style.family == "dash" for level in self.levels):
            return True
        node = self.last_texted
        last = node.parts[-1] if node is not None and node.parts else ""
        return isinstance(last, str) and last.rstrip().endswith(":")

    def _takes_heading(self, line: Line) -> bool:
        """The short line after "PART II" or "Статья 5." is that unit's heading."""
        node, self.awaiting_heading = self.awaiting_heading, None
        if node is not None and node.name == SCHEDULE:
            return self._takes_schedule_line(node, line)
        if node is None or not looks_like_heading(line.text) or parse_label(line.text) is not None:
            return False
        if parse_heading(line.text, styled=False, language=self.language, bare_sections=False):
            return False
        node.heading = line.text
        node.definitions = node.definitions or (node.element in ARTICLE_KINDS and is_definitions_heading(line.text))
        return True

    def _bare_heading_fits(self, heading: UnitHeading, following: Line | None) -> bool:
        """"12. Heading" opens a section only when numbers go up and a body follows it; a
        heading closed by a full stop ("12. Interpretation.") only when its body follows it
        unnumbered or as a list ("(1) ..."), since "12. Text." is also a one-line paragraph."""
        return self._bare_number_fits(heading.token) and _body_follows(heading, following, self.language)

    def _bare_number_fits(self, token: str) -> bool:
        """Does a bare section number come after the last one (487 < 487.011 < 492)?"""
        key = _bare_key(token)
        if key is None:
            return False
        return self.last_bare is None or key > (_bare_key(self.last_bare) or key)

    # -- marginal notes -----------------------------------------------------------------------

    def _takes_marginal_note(self, line: Line, following: Line | None) -> bool:
        """"Unauthorised access" over "4. (1) A person who ...": Commonwealth revised statutes
        print a section's heading (its marginal note) on a line of its own, above the number
        that opens the section's text. Such a line is kept for the section it heads. Only in a
        draft set out so throughout (`_uses_marginal_notes`), and never a title block in
        capitals before the body (the short title may stand right above section 1)."""
        if not self.marginal_notes or following is None or line.level is not None:
            return False
        if not _reads_as_marginal_note(line.text) or (not self.started and line.text.isupper()):
            return False
        if self._noted_section(following) is None:
            return False
        self.pending_note = line
        return True

    def _noted_section(self, line: Line) -> tuple[UnitHeading, str] | None:
        """The section a line "4. (1) A person who ..." opens in a draft of marginal notes,
        and its text: the number must come after the last section's."""
        match = self.marginal_notes.match(line.text) if self.marginal_notes is not None else None
        if match is None or not _reads_as_text(match.group("rest")) or not self._bare_number_fits(match.group("n")):
            return None
        kind = "article" if self.language == "ru" else "section"
        token = match.group("n")
        num = token + "." if self.marginal_notes is _NUMBERED_TEXT else token
        return UnitHeading(kind, num, token, "", bare=True), match.group("rest")

    def _opens_noted_section(self, line: Line, following: Line | None) -> bool:
        """The numbered line under a marginal note: the section opens with the note as its
        heading, and the rest of the line is its text."""
        note, self.pending_note = self.pending_note, None
        if note is None:
            return False
        opened = self._noted_section(line)
        if opened is None:  # cannot happen after `_takes_marginal_note`; keep the note as text
            self._add_text_line(note, line)
            return False
        heading, rest = opened
        self.open_group(UnitHeading(heading.kind, heading.num, heading.token, note.text, bare=True), note.number)
        self._add_text_line(Line(rest, line.number, line.level), following)
        return True

    # -- schedules --------------------------------------------------------------------------------

    def _opens_schedule(self, line: Line) -> bool:
        """"FIRST SCHEDULE" after the sections opens a schedule: a unit of its own, not the
        last section's text (before the body, the line is an arrangement of sections)."""
        if not self.started:
            return False
        found = parse_schedule(line.text)
        if found is None:
            return False
        node = Node("hcontainer", name=SCHEDULE, heading=found.heading, rank=SCHEDULE_RANK, line=line.number)
        self._attach_group(node)
        if found.reference:
            self._append_text(node, found.reference)
        self.awaiting_heading = node
        return True

    def _takes_schedule_line(self, node: Node, line: Line) -> bool:
        """Under "FIRST SCHEDULE": "(Section 19)", the provision it is made under, is its first
        text; a short line after it ("PENALTIES") is its subheading."""
        text = line.text
        if is_enabling_reference(text) and not node.parts:
            self._append_text(node, text)
            self.awaiting_heading = node
            return True
        if (node.subheading or not looks_like_heading(text) or parse_label(text) is not None
                or parse_schedule(text) is not None
                or parse_heading(text, styled=False, language=self.language, bare_sections=False)):
            return False
        node.subheading = text
        return True

    def _is_schedule_entry(self, heading: UnitHeading) -> bool:
        """"Article 402B: imprisonment for a term not exceeding two years ..." in a schedule is
        an entry of a table of penalties, not an article: its words are a sentence."""
        words = heading.heading or heading.text
        return (heading.kind in ARTICLE_KINDS and not heading.bare and bool(words) and not looks_like_heading(words)
                and any(group.name == SCHEDULE for group in self.groups))

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
        self._attach_group(Node(self._grouping_element(), heading=text, rank=CROSS_HEADING_RANK, line=line))

    def open_section_group(self, heading: UnitHeading, line: int) -> None:
        """"Section 2 – Subscriber information" in a draft of Articles grouped in Chapters (as
        civil-law acts are: Chapitre > Section > Article) is a grouping of the Articles after
        it, below the Chapter: not an article-level unit, nor an AKN `section`."""
        node = Node(self._grouping_element(), num=heading.num, heading=heading.heading,
                    rank=GROUP_RANKS["subchapter"], line=line)
        self._attach_group(node)
        self.awaiting_heading = node if not heading.heading else None

    def open_instrument(self, block: list[Line], openers: int) -> None:
        """The heading block of one of several instruments printed together (see `_instruments`):
        its number ("(II)") and name ("CRIMINAL PROCEDURE (AMENDMENT) BILL 2025") head a unit
        that holds the instrument's own units, and its long title and enacting words are that
        unit's first text. Its sections are numbered afresh."""
        title, body = block[:len(block) - openers], block[len(block) - openers:]
        node = Node("hcontainer", name=INSTRUMENT, rank=INSTRUMENT_RANK, line=block[0].number)
        names = []
        for line in title:
            found = parse_label(line.text)
            if _SEPARATOR.match(line.text):
                continue
            if found is not None and not found[1] and not node.num:
                node.num = found[0].text
            else:
                names.append(line.text)
        node.heading = " ".join(names)
        self._attach_group(node)
        for line in body:
            self._append_text(node, line.text)
        self.last_bare = None
        self.awaiting_heading = None

    def _grouping_element(self) -> str:
        """A grouping below a Chapter is a subchapter, below a Part a subpart, else a division."""
        enclosing = next((group.element for group in reversed(self.groups) if group.element in ("part", "chapter")),
                         "")
        return {"chapter": "subchapter", "part": "subpart"}.get(enclosing, "division")

    def _attach_group(self, node: Node) -> None:
        while self.groups[-1].rank >= node.rank:
            self.groups.pop()
        self.groups[-1].parts.append(node)
        self.groups.append(node)
        self.levels = []
        self.started = True
        self.definitions_holder = None

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
        if not self.run_together and not self._continues_inside(candidates):
            candidates = []
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

    def _continues_inside(self, candidates: list[Candidate]) -> bool:
        """Does a label inside the line continue a list open where the line starts, before any
        list of its own style starts inside the line ("(1) ... (2) ...", not "(1) ...: (1) ...; (2)")?"""
        seen: set[Style] = set()
        for candidate in candidates:
            placement = self.place(candidate.label, False)
            style = style_of(candidate.label, placement.reading)
            if placement.quality == "exact" and style not in seen:
                return True
            seen.add(style)
        return False

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
        # Lists nest a few levels deep in any law; a file of "1)" lines must not nest 20,000 deep.
        del self.levels[min(placement.index, MAX_LIST_DEPTH - 1):]
        container = self.groups[-1]
        parent = self.levels[-1].node if self.levels else container
        element = self._element_for(container, parent, label, placement.reading)
        node = Node(element, num=label.text, line=line, definitions=parent.definitions)
        parent.parts.append(node)
        self.levels.append(Level(style_of(label, placement.reading), placement.reading.key, node))
        self.started = True
        return node

    def _element_for(self, container: Node, parent: Node, label: Label, reading: Reading) -> str:
        if label.dash:
            return "indent"
        parent_element = parent.element if parent is not container else None
        if container.element == "section" or self._quoted_subsections(container, label):
            preferred = _section_level(reading)
            if parent_element in SECTION_LEVELS:
                preferred = max(preferred, SECTION_LEVELS.index(parent_element) + 1)
            return SECTION_LEVELS[preferred] if preferred < len(SECTION_LEVELS) else "point"
        if parent_element is None and reading.family in ("arabic", "outline") and label.form != "close":
            return "paragraph"
        return "point"

    def _quoted_subsections(self, container: Node, label: Label) -> bool:
        """"(1A) A warrant may ..." quoted on its own by an English amending instruction is a
        subsection of the amended section, as "(1)" is in any section ("(a)" a paragraph)."""
        return self.quoted and self.language != "ru" and container is self.body and label.form == "paren"

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
        if self._opens_later_definition(text):
            return
        last = self.levels[-1].node
        closes_indents = last.element == "indent" and text[:1].isupper()  # an indent is one paragraph
        if closes_indents or _closes_list(last.last_text(), text, below_item=len(self.levels) > 1):
            self.levels.pop()
            parent = self.levels[-1].node if self.levels else self.groups[-1]
            self._append_text(parent, text)
        else:
            self._append_text(last, text)

    def _append_text(self, node: Node, text: str) -> None:
        if not node.parts and starts_definitions(text):
            node.definitions = True
        node.parts.append(text)
        self.last_texted = node
        if node.definitions and node.name != DEFINITION and (starts_definitions(text) or opens_definition(text)):
            holder = self.definitions_holder
            if holder is None or holder not in self._open_chain():
                self.definitions_holder = node

    def _open_chain(self) -> list[Node]:
        """The open units, outermost first: the current group, then each open list item."""
        return [self.groups[-1], *(level.node for level in self.levels)]

    def _opens_later_definition(self, text: str) -> bool:
        """"communication includes ..." after "authorising officer means: (a) ...; (b) ...":
        in a run of definitions, an unnumbered line that opens a definition of its own ends
        the items of the definition before it, instead of running on in its last item. AKN
        has no place for text between two units, so from there on each definition is an
        unnumbered unit of the list (`<hcontainer name="definition">`), with its own items
        if it has some ("service provider means: (a) ..."); a reader finds one definition
        in each, with the items it opens."""
        holder = self.definitions_holder
        chain = self._open_chain()
        if holder is None or holder not in chain or holder is chain[-1] or not opens_definition(text):
            return False
        del self.levels[chain.index(holder):]
        _wrap_last_definition(holder)
        entry = Node("hcontainer", name=DEFINITION, definitions=True)
        holder.parts.append(entry)
        self._append_text(entry, text)
        self.levels.append(Level(_DEFINITION_STYLE, _DEFINITION_KEY, entry))
        return True

    # -- quoted units ---------------------------------------------------------------------------

    def add_quoted(self, lines: list[Line], index: int) -> int | None:
        """Read the quotation that opens at `lines[index]` after an instruction ending with a
        colon, when it holds units: the index of the first line after it, else None."""
        line = lines[index]
        head: str | None = None
        opening = line.text
        if opening[:1] not in QUOTES or self._instruction() is None:
            found = _INSTRUCTION_QUOTE.search(line.text)
            if found is None or not found.start():
                return None
            head, opening = line.text[:found.end()].strip(), line.text[found.end():]
        if self.quote_budget <= 0:
            return None
        texts = [opening]
        for later in lines[index + 1:index + MAX_QUOTED_LINES]:
            texts.append(later.text)
        end = _quotation_end(texts)
        scanned = sum(len(text) for text in texts[:end[0] + 1]) if end else sum(len(text) for text in texts)
        self.quote_budget -= scanned
        if end is None:
            return None
        last, cut = end
        start, close = opening[0], QUOTES[opening[0]]
        texts = [opening, *(later.text for later in lines[index + 1:index + last + 1])]
        texts[last] = texts[last][:cut - 1]
        texts[0] = texts[0][1:]
        inner = [Line(text.strip(), source.number, source.level)
                 for text, source in zip(texts, lines[index:index + last + 1], strict=True) if text.strip()]
        quoted = _quoted_outline(inner, self.language)
        if quoted is None and inner:  # «статью 168 дополнить частью четвертой следующего содержания: «...»»
            number = _inserted_part(head if head is not None else self._instruction_text())
            if number is not None:
                inner[0] = Line(f"{number}. {inner[0].text}", inner[0].number, inner[0].level)
                quoted = _quoted_outline(inner, self.language)
        if quoted is None:
            return self._add_quoted_words(lines, index, head, opening)
        if head is not None:
            self.add_line(Line(head, line.number, line.level), None)
        node = self._instruction()
        if node is None:  # the words before the quotation were not an instruction after all
            self.add_line(Line(line.text[len(head or ""):].strip(), line.number, line.level), None)
            return index + 1
        instruction = node.parts.pop()
        assert isinstance(instruction, str)
        node.parts.append(Quoted(instruction, quoted, start, close))
        return index + last + 1

    def _add_quoted_words(self, lines: list[Line], index: int, head: str | None, opening: str) -> int | None:
        """A quotation of words, not units, that opens with two quotation marks: the one that
        opens the inserted text, then the one of its first quoted term ('""competent authority"
        means ...' after "... the following definitions—"). The inserted text stays text, each
        line a paragraph, and its opening mark goes with the instruction (where it stands in
        the draft, between the instruction and the text), so that the first line reads as the
        definition it is. Other quotations of words are left to the ordinary reading (None)."""
        if opening[1:2] not in _TERM_QUOTES:
            return None
        line = lines[index]
        following = lines[index + 1] if index + 1 < len(lines) else None
        if head is not None:
            self.add_line(Line(f"{head} {opening[0]}", line.number, line.level), None)
        else:
            node = self._instruction()
            if node is None:
                return None
            instruction = node.parts[-1]
            assert isinstance(instruction, str)
            node.parts[-1] = f"{instruction} {opening[0]}"
        self.add_line(Line(opening[1:], line.number, line.level), following)
        return index + 1

    def _instruction_text(self) -> str:
        node = self._instruction()
        last = node.parts[-1] if node is not None and node.parts else ""
        return last if isinstance(last, str) else ""

    def _instruction(self) -> Node | None:
        """The unit whose last words are an instruction ending with a colon or a dash, if any."""
        node = self.last_texted
        if node is None or not node.parts or not isinstance(node.parts[-1], str):
            return None
        return node if _INSTRUCTION_END.search(node.parts[-1].rstrip()) else None

    # -- the end ------------------------------------------------------------------------------

    def finish(self) -> Outline:
        block = _title(self.front, self.language)
        front = [line.text for line in self.front]
        if not self.body.parts:  # no structure at all: each paragraph is an unnumbered paragraph
            rest = [text for text in front if text not in block.lines]
            self.body.parts = [Node("paragraph", parts=[text]) for text in rest or front]
            front = [text for text in front if text in block.lines] if rest else []
        return Outline(self.body, front, block.title, block.doc_type,
                       block.doc_title)


def build_outline(lines: list[Line], language: str) -> Outline:
    """The tree of a draft from its lines; `language` is "en" or "ru"."""
    return _builder(lines, language).finish()


def _builder(lines: list[Line], language: str, *, quoted: bool = False) -> OutlineBuilder:
    """The builder after its pass over `lines`; `quoted`: the lines are units an amending
    instruction quotes, so one "4A. Heading" (a bare number and a heading) is a section."""
    arrangement = range(0) if quoted else _arrangement(lines, language)
    laid_out = [line for index, line in enumerate(lines) if index not in arrangement]
    bare_sections = _uses_bare_sections(laid_out, language) or (quoted and _opens_with_bare_section(lines, language))
    builder = OutlineBuilder(language, bare_sections=bare_sections, run_together=_runs_together(laid_out),
                             marginal_notes=_uses_marginal_notes(laid_out),
                             sections_group=_sections_group_articles(laid_out), quoted=quoted)
    builder.quote_budget = QUOTE_SCAN_FLOOR + QUOTE_SCAN_FACTOR * sum(len(line.text) for line in lines)
    instruments = {} if quoted else {block.start: block for block in _instruments(lines, language, arrangement.stop)}
    start = min(instruments, default=arrangement.stop)
    builder.front.extend(lines[:start])
    index = start
    while index < len(lines):
        block = instruments.get(index)
        if block is not None:
            builder.open_instrument(lines[block.start:block.stop], block.openers)
            index = block.stop
            continue
        after = builder.add_quoted(lines, index) if builder.started else None
        if after is not None:
            index = after
            continue
        builder.add_line(lines[index], lines[index + 1] if index + 1 < len(lines) else None)
        index += 1
    return builder


_LONG_TITLE = re.compile(r"^(?:AN?|An?)\s+(?i:act|bill)\s+(?i:to|for|amending|relating|concerning|providing|"
                         r"respecting|further|making|establishing)\b")
_ENACTING = re.compile(r"^(?i:(?:now,?\s+therefore,?\s+)?be\s+it\s+(?:therefore\s+|hereby\s+)?enacted"
                       r"|enacted\s+by|it\s+is\s+(?:hereby\s+)?enacted)\b|^The\s+[A-Z][^.]{2,80}\s+enacts\b")
"""A long title ("An Act to amend ...", "A BILL for an Act to ...") and enacting words ("ENACTED by
the Parliament of ...", "Be it enacted by ...", "The Parliament of X enacts ...")."""
_SEPARATOR = re.compile(r"^(?:[=*_~#-]\s?){3,}$")
"""A rule across the page ("=====", "* * *") between two instruments."""
_TITLE_BLOCK_LINES = 4


@dataclass(frozen=True, slots=True)
class InstrumentBlock:
    """The lines that open an instrument: its title block and `openers` lines of long title and
    enacting words, from `start` up to `stop` (excluded)."""

    start: int
    stop: int
    openers: int


def _instruments(lines: list[Line], language: str, first: int) -> list[InstrumentBlock]:
    """The instruments of a draft that prints several one after the other, each with its own
    long title or enacting words and its own numbering (a gazette supplement with two Bills):
    an empty list unless at least two such openings each stand before units of their own.

    An instrument opens with its title block: at most a few lines above its long title, of a
    rule across the page, a number on its own ("(II)") and the instrument's name in a short
    line ("CRIMINAL PROCEDURE (AMENDMENT) BILL 2025"). Long title and enacting words that
    follow each other with no unit between them open one instrument."""
    if language == "ru":
        return []
    groups: list[list[int]] = []
    units_after = False
    for index in range(first, len(lines)):
        text = lines[index].text
        if _LONG_TITLE.match(text) or _ENACTING.match(text):
            if groups and not units_after:
                groups[-1].append(index)
            else:
                groups.append([index])
            units_after = False
        elif _opens_unit(text, language):
            if not groups:
                return []  # units before the first long title: one instrument that mentions others
            units_after = True
    if len(groups) < 2 or not units_after:
        return []
    blocks = []
    floor = first
    for openers in groups:
        start = openers[0]
        while start > floor and openers[0] - start < _TITLE_BLOCK_LINES and _title_block_line(lines[start - 1].text):
            start -= 1
            if _SEPARATOR.match(lines[start].text):
                break
        blocks.append(InstrumentBlock(start, openers[-1] + 1, openers[-1] + 1 - openers[0]))
        floor = openers[-1] + 1
    return blocks


def _opens_unit(text: str, language: str) -> bool:
    heading = parse_heading(text, styled=False, language=language, bare_sections=True)
    return (heading is not None and heading.kind in ARTICLE_KINDS) or _NUMBERED_TEXT.match(text) is not None


def _title_block_line(text: str) -> bool:
    """A rule, a number on its own or a short heading: a line of an instrument's title block."""
    if _SEPARATOR.match(text):
        return True
    found = parse_label(text)
    if found is not None:
        return not found[1]
    return (looks_like_heading(text) and parse_heading(text, styled=False, language="en", bare_sections=True) is None
            and parse_schedule(text) is None)


_ARRANGEMENT = re.compile(r"(?i)^(?:arrangement|table) of (?:sections|clauses|articles|parts|provisions|contents)\.?$"
                          r"|^(?i:contents)$")
_ENTRY_KEY = re.compile(r"[\W_]+")


def _arrangement(lines: list[Line], language: str) -> range:
    """The lines of an "ARRANGEMENT OF SECTIONS" (a table of contents) before the body: its
    title line and the entries under it (Part headings, section numbers and headings), up to
    the first line that is no entry (the long title "An Act to ...") or that repeats an entry
    (the body's first heading). They are front matter, read as no unit. An empty range when
    the draft has none, or when a unit opens before it."""
    start = next((index for index, line in enumerate(lines) if _ARRANGEMENT.match(line.text)), None)
    if start is None or any(parse_label(line.text) is not None
                            or parse_heading(line.text, styled=False, language=language, bare_sections=False)
                            for line in lines[:start]):
        return range(0)
    seen: set[str] = set()
    end = start + 1
    for line in lines[start + 1:]:
        keys = _entry_keys(line.text, language)
        if keys is None or not seen.isdisjoint(keys):
            break
        seen.update(keys)
        end += 1
    return range(start, end) if end > start + 1 else range(0)


def _entry_keys(text: str, language: str) -> set[str] | None:
    """What an entry of an arrangement names: its unit ("part I", "section 12") and its heading
    words, so the body's own heading is known as a repeat; None for a line that is no entry."""
    heading = parse_heading(text, styled=False, language=language, bare_sections=True)
    if heading is not None:
        words = heading.heading or heading.text
        keys = {f"{heading.kind} {heading.token}".casefold()} if heading.token else set()
        if words and (looks_like_heading(words) or looks_like_dotted_heading(words)):
            keys.add(_ENTRY_KEY.sub(" ", words).strip().casefold())
        return keys or None
    if looks_like_heading(text) or looks_like_dotted_heading(text) or parse_schedule(text) is not None:
        return {_ENTRY_KEY.sub(" ", text).strip().casefold()}
    return None


def _is_item(part: str | Quoted | Node) -> bool:
    return isinstance(part, Node) and part.name != DEFINITION


def _wrap_last_definition(holder: Node) -> None:
    """The definition that ends `holder`'s text and the items after it ("authorising officer
    means:", (a), (b)) become one definition unit."""
    index = len(holder.parts)
    while index and _is_item(holder.parts[index - 1]):
        index -= 1
    if index == len(holder.parts) or not index or not isinstance(holder.parts[index - 1], str):
        return
    entry = Node("hcontainer", name=DEFINITION, definitions=True, parts=holder.parts[index - 1:])
    del holder.parts[index - 1:]
    holder.parts.append(entry)


def _runs_together(lines: list[Line]) -> bool:
    """Do the lines hold more list labels inside them than at their start (a whole section on
    one line, as scraped statutes are)?"""
    starts = inside = 0
    for line in lines:
        found = parse_label(line.text)
        starts += found is not None
        inside += len(find_candidates(found[1] if found is not None else line.text))
    return inside > starts


_INSERTED_PART = re.compile(r"(?i)\b(?:дополнить|дополнена|дополнен)\s+частью\s+([а-яё]+)\s"
                            r"|\bчасть\s+([а-яё]+)\s+(?:\S+\s+){0,3}?изложить")


def _inserted_part(instruction: str) -> str | None:
    """The number of the part an instruction inserts or restates in unnumbered words («дополнить
    частью четвертой следующего содержания», «часть вторую статьи 190 изложить в следующей
    редакции»): the quoted text is that part."""
    found = _INSERTED_PART.search(instruction or "")
    return russian_ordinal(found.group(1) or found.group(2)) if found else None


def _quoted_outline(lines: list[Line], language: str) -> Node | None:
    """The units of a quotation, or None when it holds none (or text before its first unit).

    Headings the recogniser does not read as units ("DIVISION ON COMPUTER CRIMES", a Chapter
    numbered in some other way) may stand above inserted articles or sections: they stay the
    quotation's first text, so that the quotation still ends at its closing mark and what
    follows is the amending act's own text again, not more of the last inserted unit."""
    if not lines:
        return None
    builder = _builder(lines, language, quoted=True)
    if not builder.started or not builder.body.parts:
        return None
    if builder.front:
        if not (all(looks_like_heading(line.text) for line in builder.front) and _holds_articles(builder.body)):
            return None
        builder.body.parts[:0] = [line.text for line in builder.front]
    return builder.body


def _holds_articles(node: Node) -> bool:
    """Does the tree hold an article or a section?"""
    stack = [node]
    while stack:
        current = stack.pop()
        if current.element in ARTICLE_KINDS:
            return True
        stack.extend(current.children)
    return False


def _opens_with_bare_section(lines: list[Line], language: str) -> bool:
    """Does a quotation open with "4A. Offences relating to computer systems" above its body?
    (A Russian «4. ...» quoted alone is a part of an article, whose articles are labelled.)"""
    if language == "ru" or len(lines) < 2:
        return False
    heading = parse_heading(lines[0].text, styled=False, language=language, bare_sections=True)
    if heading is None or not heading.bare or heading.heading.endswith(_DASHES):
        return False
    return _bare_key(heading.token) is not None and _body_follows(heading, lines[1], language)


def _body_follows(heading: UnitHeading, following: Line | None, language: str) -> bool:
    """Is the line after a bare heading its body (not another heading)? A heading closed by a
    full stop also needs a body that is no numbered line ("12. Text." is also a paragraph)."""
    if following is None:
        return not heading.dotted
    if heading.dotted and _NUMBERED_TEXT.match(following.text):
        return False
    return parse_heading(following.text, styled=False, language=language, bare_sections=True) is None


def _quotation_end(texts: list[str]) -> tuple[int, int] | None:
    """Where the quotation that opens `texts[0]` closes: (line index, offset just after the
    closing mark), when nothing but punctuation follows it on that line; else None."""
    opener = texts[0][0]
    closer = QUOTES[opener]
    depth = 0
    for number, text in enumerate(texts):
        for offset, char in enumerate(text):
            if char != opener and char != closer:
                continue
            depth += _quote_step(text, offset, opener, closer)
            if depth == 0:
                rest = text[offset + 1:]
                return (number, offset + 1) if not rest.strip(" .;,") else None
    return None


def _quote_step(text: str, offset: int, opener: str, closer: str) -> int:
    """+1 for a quotation mark that opens, -1 for one that closes. A straight " opens at the
    start of a line or after a space, a bracket, a dash or another opening mark, before a
    word (""extradition offence" means ..."); elsewhere it closes (... offence.")."""
    if opener != closer:
        return 1 if text[offset] == opener else -1
    before = text[offset - 1] if offset else " "
    after = text[offset + 1] if offset + 1 < len(text) else " "
    opens = (before in _OPENS_QUOTE_AFTER or before == opener) and not after.isspace()
    return 1 if opens else -1


_ENTRY_WORDS = 14  # a line "Article 402B: imprisonment for a term not exceeding ..." is an entry, not a heading


def _uses_bare_sections(lines: list[Line], language: str) -> bool:
    """Are sections numbered "12. Heading" (no "Section"/"Article" heading anywhere)? Needs two.
    A schedule that lists penalties by article ("Article 402B: imprisonment for ...") has no
    such heading: its lines run on as sentences. A heading closed by a full stop
    ("12. Interpretation.") counts only above an unnumbered body."""
    bare = 0
    for index, line in enumerate(lines):
        heading = parse_heading(line.text, styled=False, language=language, bare_sections=True)
        if heading is None:
            continue
        words = heading.heading or heading.text
        if not heading.bare and heading.kind in ARTICLE_KINDS and len(words.split()) <= _ENTRY_WORDS:
            return False
        following = lines[index + 1] if index + 1 < len(lines) else None
        if heading.dotted and (following is None or _NUMBERED_TEXT.match(following.text)):
            continue
        bare += heading.bare
    return bare >= 2


def _uses_marginal_notes(lines: list[Line]) -> re.Pattern[str] | None:
    """Is the draft set out with marginal notes: a heading line (perhaps closed by a full stop:
    "Preservation of data.") above "4. (1) A person ..." or "48.—(1) ...", the section's number
    opening its text? Needs two. Canadian statutes drop the full stop ("18 (1) A justice ...",
    "9 A person ..."): that form counts only in a draft with no "Article"/"Section" heading,
    where "1 Each Party shall ..." would be a paragraph of an article. The pattern of the
    numbered line, or None."""
    counts = {_NUMBERED_TEXT: 0, _SPACED_TEXT: 0}
    for line, following in pairwise(lines):
        if not _reads_as_marginal_note(line.text):
            continue
        for pattern in counts:
            match = pattern.match(following.text)
            if match and _reads_as_text(match.group("rest")):
                counts[pattern] += 1
    if counts[_NUMBERED_TEXT] >= 2:
        return _NUMBERED_TEXT
    if counts[_SPACED_TEXT] >= 2 and not _has_labelled_articles(lines):
        return _SPACED_TEXT
    return None


def _has_labelled_articles(lines: list[Line]) -> bool:
    for line in lines:
        heading = parse_heading(line.text, styled=False, language="en", bare_sections=False)
        if heading is not None and heading.kind in ARTICLE_KINDS and not heading.bare:
            return True
    return False


def _reads_as_marginal_note(text: str) -> bool:
    """"Unauthorised access", "Liability of bodies corporate", "Preservation of data.": a
    capitalised heading of its own that is no other heading nor the words that open a list
    ("..., unless the context otherwise requires—")."""
    dotted = not looks_like_heading(text) and looks_like_dotted_heading(text) and not _QUOTE_MARK.search(text)
    return (text[:1].isupper() and (looks_like_heading(text) or (dotted and not starts_definitions(text)))
            and not text.endswith(_DASHES) and parse_label(text) is None and parse_schedule(text) is None
            and parse_heading(text, styled=False, language="en", bare_sections=True) is None)


def _reads_as_text(text: str) -> bool:
    """Is what follows a section number its text ("(1) A person ...", "A person who ...—"), not its
    heading ("Short title", "SHORT TITLE.")?"""
    return (parse_label(text) is not None or (not looks_like_heading(text) and not text.isupper())
            or text.endswith(_DASHES))


_DASHES = ("—", "–", "-")
_QUOTE_MARK = re.compile("[\"“”«»]")


def _sections_group_articles(lines: list[Line]) -> bool:
    """Does a "Section" heading stand right above an "Article" heading (perhaps with its own
    heading line between)? Then the draft's units are Articles, and its Sections group them."""
    for index, line in enumerate(lines):
        heading = parse_heading(line.text, styled=False, language="en", bare_sections=False)
        if heading is None or not _is_labelled_section(heading) or heading.text:
            continue  # "SEC. 2. Title. - The Code is amended ...:" is a section with a body of its own
        for later in lines[index + 1:index + 3]:
            if later.text[:1] in QUOTES:
                break  # an Article quoted by an amending instruction is the amended act's
            found = parse_heading(later.text, styled=False, language="en", bare_sections=False)
            if found is not None:
                if found.kind == "article":
                    return True
                break
    return False


def _is_labelled_section(heading: UnitHeading) -> bool:
    """"Section 4 – ...", not a bare "4." nor "§ 4"."""
    return heading.kind == "section" and not heading.bare and heading.num[:1] in "Ss"


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


@dataclass(frozen=True, slots=True)
class TitleBlock:
    """The title as the act is cited, and the lines it was made of."""

    title: str = ""
    doc_type: str = ""
    doc_title: str = ""
    lines: tuple[str, ...] = ()


_DRAFT_MARK = re.compile(r"(?i)^(?:проект|draft)(?:\s+for\s+consultation)?[.:]?$")
_NUMBER_LINE = re.compile(r"(?i)^(?:act|bill|law|ordinance|decree)\s+(?:no\.?\s*\S+|\d[\w/-]{0,12})(?:\s+of\s+\d{4})?$")
"""The act's number ("Act No. 9 of 2025", "ACT 1042"), which is not its title."""
_ACT_WORD = re.compile(r"(?i)\b(?:act|bill|law|code|ordinance|decree|regulations)\b")
_SMALL_WORDS = frozenset({"a", "an", "and", "as", "at", "by", "for", "in", "of", "on", "or", "the", "to", "with",
                          "в", "для", "и", "на", "о", "об", "от", "по", "с"})
_QUOTE_MARKS = "«»\"“”„"


def _title(front: list[Line], language: str) -> TitleBlock:
    """The draft's title: a Title-styled line, else the first heading, else the title block
    before the body, read as the act is cited: «ЗАКОН КЫРГЫЗСКОЙ РЕСПУБЛИКИ» over «О ...» is
    «Закон Кыргызской Республики «О ...»», a capitalised English short title is written in
    title case, a line "Bill No. 7 of 2024" follows in brackets, and a line "Проект"/"Draft"
    adds «(проект)»/"(draft)" instead of opening the title."""
    for line in front:
        if line.level == TITLE_LEVEL:
            return TitleBlock(line.text, lines=(line.text,))
    for line in front:
        if line.level is not None:
            return TitleBlock(line.text, lines=(line.text,))
    shown = [line.text for line in front[:5] if looks_like_heading(line.text) and not is_note(line.text)]
    marks = [text for text in shown if _DRAFT_MARK.match(text)]
    candidates = [text for text in shown if text not in marks]
    if not candidates:
        return TitleBlock()
    draft = (" (проект)" if language == "ru" else " (draft)") if marks else ""
    first = candidates[0]
    if len(candidates) > 1 and _TITLE_OPENERS.match(first) and first.upper() == first:
        name = candidates[1].strip(_QUOTE_MARKS + " ")
        if language == "ru":
            title = f"{_cited_case(first)} «{name}»"
        else:
            title = f"{_cited_case(first)} {_cited_case(name) if name.upper() == name else name}"
        return TitleBlock(title + draft, first, candidates[1], (first, candidates[1], *marks))
    if language != "ru":
        named = next((text for text in candidates if _ACT_WORD.search(text) and not _NUMBER_LINE.match(text)), first)
        number = next((text for text in candidates if _NUMBER_LINE.match(text)), "")
        title = _cited_case(named) if named.upper() == named else named
        title += f" ({number})" if number else ""
        return TitleBlock(title + draft, doc_title=named, lines=tuple(t for t in (named, number, *marks) if t))
    return TitleBlock(first + draft, doc_title=first, lines=(first, *marks))


def _cited_case(text: str) -> str:
    """ "ЗАКОН КЫРГЫЗСКОЙ РЕСПУБЛИКИ" -> "Закон Кыргызской Республики", "ELECTRONIC EVIDENCE BILL,
    2024" -> "Electronic Evidence Bill, 2024": each word capitalised, short function words not."""
    words = text.split()
    cased = []
    for index, word in enumerate(words):
        lower = word.lower()
        if index and lower in _SMALL_WORDS:
            cased.append(lower)
        elif any(char.isdigit() for char in word):
            cased.append(word)
        else:
            cased.append(lower[:1].upper() + lower[1:])
    return " ".join(cased)
