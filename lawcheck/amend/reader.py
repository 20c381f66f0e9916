"""Reading an amending act: its AKN amendment markup (mod, textualMod) and its plain
wording, block by block, with the context that carries down the tree; and which act it amends."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from lxml import etree
from rapidfuzz import fuzz

from lawcheck.akn.eids import existing_id, is_provision, local_name
from lawcheck.akn.reader import root_info
from lawcheck.akn.vocab import QUOTED, SKIPPED
from lawcheck.amend.instructions import (
    QUOTE,
    QUOTE_RE,
    STRUCTURE,
    TEXT_BLOCKS,
    UNIT_PARTS,
    AmendmentProblem,
    Context,
    Edit,
    Instruction,
    Segment,
    TextualMod,
    to_problem,
)
from lawcheck.amend.markup import first_attr, first_href, ns_prefix, quote_text
from lawcheck.amend.wording import Wording, act_header
from lawcheck.errors import InputError


class Reader:
    """Walks the amending act's own provisions and reads their instructions in order."""

    def __init__(self, root: etree._Element, language: str) -> None:
        self.root = root
        self.prefix = ns_prefix(root)
        self.language = language
        self.ids = {existing_id(element): element for element in root.iter()
                    if isinstance(element.tag, str) and existing_id(element)}
        self.textual = self._textual_mods()
        self.used_textual: set[str] = set()
        self.out: list[Instruction] = []

    def name(self, element: etree._Element) -> str | None:
        return local_name(element, self.prefix)

    def read(self) -> list[Instruction]:
        try:
            doc = root_info(self.root, "").doc_element
        except InputError:  # not AKN at all: nothing to read
            return []
        for unit in self._top_units(doc):
            self._unit(unit, Context())
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

    def _unit(self, unit: etree._Element, context: Context) -> None:
        """Read one provision's own blocks, then its sub-units under the context it set."""
        eid = existing_id(unit) or ""
        segments, children = self.own(unit)
        for index, segment in enumerate(segments):
            context, consumed = self._segment(segment, context, eid, segments[index + 1:], children)
            if consumed:
                return
        for child in children:
            self._unit(child, context)

    def own(self, unit: etree._Element) -> tuple[list[Segment], list[etree._Element]]:
        """A provision's own blocks (not its num/heading, not its sub-units') and sub-units."""
        segments: list[Segment] = []
        children: list[etree._Element] = []
        self._collect(unit, segments, children, top=True)
        return segments, children

    def _collect(self, element: etree._Element, segments: list[Segment],
                 children: list[etree._Element], top: bool = False) -> None:
        for child in element:
            name = self.name(child)
            if name is None or name in SKIPPED or (top and name in UNIT_PARTS):
                continue
            if is_provision(child, name):
                children.append(child)
            elif name in TEXT_BLOCKS and not any(self.name(c) in TEXT_BLOCKS for c in child):
                segment = self._segment_of(child)
                if segment.raw.strip():
                    segments.append(segment)
            elif name not in QUOTED:
                self._collect(child, segments, children)

    # -- one block ----------------------------------------------------------------------------

    def _segment_of(self, block: etree._Element) -> Segment:
        """The block's text with quotedText/quotedStructure (then plain quotes) as tokens."""
        pieces: list[str] = []
        raw: list[str] = []
        segment = Segment("", "", [], [], block.sourceline, None)
        self._inline(block, pieces, raw, segment)
        text = " ".join("".join(pieces).split())
        segment.text = _mask_quotes(text, segment.quotes)
        segment.raw = " ".join("".join(raw).split())
        return segment

    def _inline(self, element: etree._Element, pieces: list[str], raw: list[str],
                segment: Segment) -> None:
        if element.text:
            pieces.append(element.text)
            raw.append(element.text)
        for child in element:
            name = self.name(child)
            if name == "quotedText":
                words = " ".join("".join(child.itertext()).split())
                pieces.append(" " + QUOTE.format(len(segment.quotes)) + " ")
                segment.quotes.append(words)
                raw.append(f"{child.get('startQuote', '“')}{words}{child.get('endQuote', '”')}")
            elif name in QUOTED:
                pieces.append(" " + STRUCTURE.format(len(segment.structures)) + " ")
                segment.structures.append(child)
                raw.append(" … ")
            elif name is not None and name not in SKIPPED:
                if name == "mod" and segment.mod is None:
                    segment.mod = child
                self._inline(child, pieces, raw, segment)
            if child.tail:
                pieces.append(child.tail)
                raw.append(child.tail)

    def _segment(self, segment: Segment, context: Context, eid: str,
                 following: Sequence[Segment],
                 children: Sequence[etree._Element]) -> tuple[Context, bool]:
        """Read one block; returns the context for what follows and whether the rest of the
        provision was taken as the new text of an instruction."""
        act = act_header(segment.raw)
        if act is not None:
            context = Context(act, ())
        mod_eid = segment.mod.get("eId") if segment.mod is not None else None
        if mod_eid and mod_eid in self.textual:
            self.used_textual.add(mod_eid)
            for textual in self.textual[mod_eid]:
                self.out.append(self._from_textual(textual, eid, segment, context))
            return context, False
        if not _INSTRUCTION_WORDS.search(segment.text) and not segment.text.rstrip().endswith((":", "—", "–")):
            return context, False  # ordinary text (most of a code): no instruction, no context
        parsed = Wording(segment, self.language).parse(context)
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
            self.out.append(Instruction("unknown", eid, segment.line, segment.raw, act=context.act))
        return context, consumed

    # -- activeModifications -------------------------------------------------------------------

    def _textual_mods(self) -> dict[str, list[TextualMod]]:
        found: dict[str, list[TextualMod]] = {}
        for element in self.root.iter(f"{self.prefix}textualMod"):
            source = first_href(element, f"{self.prefix}source")
            textual = TextualMod(
                element.get("eId") or "", element.sourceline, element.get("type") or "",
                first_href(element, f"{self.prefix}destination"),
                first_attr(element, f"{self.prefix}destination", "pos"),
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

    def _from_textual(self, textual: TextualMod, eid: str, segment: Segment | None,
                      context: Context) -> Instruction:
        """An instruction from a textualMod: its type, destination and old/new quotations."""
        text = segment.raw if segment is not None else f"textualMod {textual.type} → {textual.destination}"
        instruction = Instruction("other", eid, segment.line if segment else textual.line, text,
                                   destination=textual.destination, position=textual.position,
                                   act=context.act)
        old = [quote_text(item) for item in textual.old if self.name(item) == "quotedText"]
        new_words = [quote_text(item) for item in textual.new if self.name(item) == "quotedText"]
        structures = [item for item in textual.new if self.name(item) in QUOTED
                      and self.name(item) != "quotedText"]
        kind = textual.type
        if kind == "insertion":
            if structures:
                instruction.action, instruction.structures = "insert", structures
            elif new_words:
                edit = Edit("insert_after", old[0], new_words[0]) if old else Edit("append", "", new_words[0])
                instruction.action, instruction.edits = "words", [edit]
        elif kind in ("substitution", "replacement"):
            if structures:
                instruction.action, instruction.structures = "replace", structures
            elif old and new_words:
                instruction.action = "words"
                instruction.edits = [Edit("substitute", o, n) for o, n in zip(old, new_words, strict=False)]
            elif new_words:
                instruction.action, instruction.new_text = "replace", new_words[0]
        elif kind == "repeal":
            if old:
                instruction.action, instruction.edits = "words", [Edit("delete", o, "") for o in old]
            else:
                instruction.action = "repeal"
        return instruction

    def _unused_textual(self) -> None:
        """textualMods whose source is not a mod of the body are applied on their own."""
        for source, textuals in self.textual.items():
            if source in self.used_textual:
                continue
            for textual in textuals:
                self.out.append(self._from_textual(textual, textual.eid, None, Context()))


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
        if re.fullmatch(QUOTE_RE, content):  # "<quotedText>": the markup's quotation, already a token
            out.append(" " + content + " ")
        else:
            out.append(" " + QUOTE.format(len(quotes)) + " ")
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


def _following_text(segment: Segment, following: Sequence[Segment],
                    children: Sequence[etree._Element], reader: Reader) -> str:
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


def _unit_lines(unit: etree._Element, reader: Reader) -> list[str]:
    """A sub-unit of the amending act as plain lines, its number first (the new text)."""
    lines: list[str] = []
    head = [quote_text(child) for child in unit if reader.name(child) in ("num", "heading")]
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


# -- choosing the act ------------------------------------------------------------------------

_GENERIC_ACT = re.compile(r"^(?:the\s+)?(?:principal|said|parent)\s+(?:act|law|code|ordinance)$|"
                          r"^(?:настоящ|указанн|основн)\w*\s+(?:закон|кодекс)\w*$", re.IGNORECASE)


def select_act(instructions: list[Instruction], title: str, source: str) -> list[AmendmentProblem]:
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
            problems.append(to_problem(instruction, "other_act",
                                     f"amends «{name}», not the base act «{title}»: not applied", source))
    return problems + _unknown_problems(instructions, source)


def _unknown_problems(instructions: list[Instruction], source: str) -> list[AmendmentProblem]:
    problems = []
    for instruction in instructions:
        if instruction.action == "unknown" and not instruction.skip:
            instruction.skip = True
            problems.append(to_problem(instruction, "not_understood",
                                     "reads like an amending instruction but its wording is not understood",
                                     source))
        elif instruction.action == "other" and not instruction.skip:
            instruction.skip = True
            problems.append(to_problem(instruction, "not_supported",
                                     "this kind of modification is not supported", source))
    return problems


def _act_score(name: str, title: str) -> float:
    return fuzz.token_set_ratio(_stems(name), _stems(title))


def _stems(text: str) -> str:
    """Crude stems (first five letters) so that «Уголовно-процессуального кодекса» meets
    «Уголовно-процессуальный кодекс»."""
    words = re.findall(r"[^\W\d_]+", text.lower().replace("ё", "е"))
    return " ".join(word[:5] for word in words if len(word) > 2)
