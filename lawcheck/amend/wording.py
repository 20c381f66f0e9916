"""Reading the wording of one block of an amending act: the verbs, quotations and
citations of English and Russian amending clauses, turned into instructions."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from lawcheck.akn.references import TOP_KINDS, Citation, find_citations
from lawcheck.amend.instructions import (
    CITATION,
    CITATION_RE,
    QUOTE_RE,
    STRUCTURE_RE,
    Chain,
    Context,
    Edit,
    Instruction,
    Segment,
)

# -- reading the wording of one block -------------------------------------------------------


@dataclass
class _Parsed:
    """What one block said: its instructions, the context it leaves for what follows, and
    whether anything in it was understood (a context or an act named counts)."""

    context: Context
    instructions: list[Instruction]
    understood: bool


_RU_WORD_OPS = [
    ("substitute", re.compile(
        rf"(?:слов[оа]|цифр[аыу]?|знак[иа]?|букв[аыу]|предложение|абзац)\s*{QUOTE_RE}\s*,?\s*заменить\s+"
        rf"(?:слов(?:ом|ами)|цифр(?:ой|ами)|знак(?:ом|ами)|букв(?:ой|ами)|предложением|абзацем)\s*{QUOTE_RE}")),
    ("insert_after", re.compile(
        rf"после\s+(?:слов[аом]?|цифр[ыы]?|знака)\s*{QUOTE_RE}\s*,?\s*дополнить\s+"
        rf"(?:слов(?:ом|ами)|цифр(?:ой|ами)|предложени(?:ем|ями))\s*{QUOTE_RE}")),
    ("insert_before", re.compile(
        rf"перед\s+(?:слов(?:ом|ами)|цифр(?:ой|ами))\s*{QUOTE_RE}\s*,?\s*дополнить\s+"
        rf"(?:слов(?:ом|ами)|цифр(?:ой|ами))\s*{QUOTE_RE}")),
    ("delete", re.compile(rf"(?:слов[оа]|цифр[аыу]?|предложение|знак[иа]?)\s*{QUOTE_RE}\s*,?\s*исключить")),
    ("append", re.compile(rf"дополнить\s+(?:слов(?:ом|ами)|предложени(?:ем|ями))\s*{QUOTE_RE}")),
]
_WORDS = r"(?:the\s+words?\s+|the\s+figures?\s+)?"
_EN_WORD_OPS = [
    ("substitute", re.compile(
        rf"\b(?:delet|omitt?|remov)(?:e|ing)\s+{_WORDS}{QUOTE_RE}\s*,?\s*and\s+substitut(?:e|ing)\s+"
        rf"(?:there(?:for|fore)\s+)?{_WORDS}{QUOTE_RE}")),
    ("substitute", re.compile(
        rf"\bfor\s+{_WORDS}{QUOTE_RE}\s*,?\s*(?:there\s+(?:shall\s+be|is|are)\s+)?substitut(?:e|ed|ing)\s+{_WORDS}{QUOTE_RE}")),
    ("substitute", re.compile(
        rf"\b(?:replace|replacing|substitute|substituting)\s+{_WORDS}{QUOTE_RE}\s+(?:with|by)\s+{_WORDS}{QUOTE_RE}")),
    ("substitute", re.compile(
        rf"{_WORDS}{QUOTE_RE}\s+(?:is|are|shall\s+be)\s+(?:replaced|substituted)\s+(?:with|by)\s+{_WORDS}{QUOTE_RE}")),
    ("insert_after", re.compile(
        rf"\bafter\s+{_WORDS}{QUOTE_RE}\s*,?\s*(?:there\s+(?:shall\s+be|is|are)\s+)?insert(?:ed|ing)?\s+{_WORDS}{QUOTE_RE}")),
    ("insert_after_new_first", re.compile(
        rf"\binsert(?:ing)?\s+{_WORDS}{QUOTE_RE}\s+(?:immediately\s+)?after\s+{_WORDS}{QUOTE_RE}")),
    ("insert_before_new_first", re.compile(
        rf"\binsert(?:ing)?\s+{_WORDS}{QUOTE_RE}\s+(?:immediately\s+)?before\s+{_WORDS}{QUOTE_RE}")),
    ("insert_before", re.compile(rf"\bbefore\s+{_WORDS}{QUOTE_RE}\s*,?\s*insert(?:ing)?\s+{_WORDS}{QUOTE_RE}")),
    ("delete", re.compile(
        rf"\b(?:omit|omitting|delete|deleting|strike\s+out|striking\s+out|remove|removing)\s+{_WORDS}{QUOTE_RE}")),
    ("delete", re.compile(rf"{_WORDS}{QUOTE_RE}\s+(?:is|are|shall\s+be)\s+(?:omitted|deleted|struck\s+out|removed)")),
    ("append", re.compile(rf"\bat\s+the\s+end(?:\s+of\s+{CITATION_RE})?\s*,?\s*(?:add|insert)(?:ing)?\s+"
                          rf"{_WORDS}{QUOTE_RE}")),
]

_RU_INSERT = re.compile(rf"дополнить\s+(?:(?:нов\w+)\s+)?{CITATION_RE}")
_RU_REPLACE = re.compile(r"изложить\s+в\s+(?:следующей|новой)\s+редакции")
_RU_REPEAL = re.compile(r"признать\s+(утративш\w*)\s+силу|\b(исключить)\b")
_RU_CONTEXT = re.compile(rf"^\s*(?:во?\s+)?{CITATION_RE}\s*$")

_OF = r"(?:,?\s+of\s+(?:the\s+)?[^;:—\ue000-\ue005]*?)?"
_EN_AMENDED = re.compile(rf"{CITATION_RE}{_OF}\s*(?:\([^)]*\)\s*)?(?:is|are)\s+(?:hereby\s+|further\s+)?amended\b")
_EN_REPLACE = [
    re.compile(rf"\bfor\s+{CITATION_RE}{_OF}\s*,?\s*(?:there\s+(?:shall\s+be|is)\s+)?substitut"),
    re.compile(rf"{CITATION_RE}{_OF}\s+(?:is|are|shall\s+be)\s+(?:(?:repealed|deleted|omitted)\s+and\s+)?"
               r"(?:replaced|substituted)\b"),
    re.compile(rf"\b(?:repeal|repealing|omit|omitting|delete|deleting)\s+{CITATION_RE}{_OF}\s+and\s+(?:substitut|replac)"),
    re.compile(rf"\b(?:replace|replacing|substitute|substituting)\s+{CITATION_RE}{_OF}\s+(?:with|by)\b"),
    re.compile(rf"{CITATION_RE}{_OF}\s+(?:shall|is\s+amended\s+to)\s+read\s+as\s+follows"),
]
_EN_REPEAL = [
    re.compile(rf"{CITATION_RE}{_OF}\s+(?:is|are)\s+(?:hereby\s+)?(?:repealed|deleted|omitted|revoked)\b"),
    re.compile(rf"\b(?:repeal|repealing|omit|omitting|delete|deleting|revoke|revoking)\s+{CITATION_RE}"),
]
_EN_INSERT = re.compile(r"\b(?:insert|inserting|inserted|add|adding|added|supplemented)\b")
_EN_SUPPLEMENTED = re.compile(rf"{CITATION_RE}{_OF}\s+(?:is|are)\s+supplemented\s+(?:by|with)\s+"
                              rf"(?:new\s+)?{CITATION_RE}")
_EN_ANCHOR = re.compile(rf"\b(after|before)\s+{CITATION_RE}")
_EN_POSITION = re.compile(rf"\b(at\s+the\s+end\s+of|at\s+the\s+beginning\s+of|in|into)\s+{CITATION_RE}")
_EN_KIND = re.compile(r"following\s+(?:new\s+)?(sections?|subsections?|paragraphs?|subparagraphs?|articles?|parts?|"
                      r"chapters?|clauses?|subclauses?|items?|points?|regulations?|rules?)\b")
_EN_CONTEXT = re.compile(rf"^\s*(?:in\s+)?{CITATION_RE}{_OF}\s*[,—–-]?\s*$")


class Wording:
    """Reads the instructions of one block of wording, in English or Russian."""

    def __init__(self, segment: Segment, language: str) -> None:
        self.segment = segment
        self.language = language

    def parse(self, context: Context) -> _Parsed:
        """Clause by clause («в статье 231: часть третью ...» is a context, then an
        instruction); a clause that holds only the new text (after «следующего содержания:»)
        gives it to the instruction before."""
        instructions: list[Instruction] = []
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
                context: Context) -> tuple[list[Instruction], Context, bool]:
        low = masked.lower()
        ops, spans = self._word_ops(low, chains, context)
        ops += self._structural(_blank(low, spans), chains, context)
        if ops:
            ops.sort(key=lambda item: item[0])
            return [instruction for _position, instruction in ops], context, True
        match = _EN_AMENDED.search(low) or _RU_CONTEXT.match(low) or _EN_CONTEXT.match(low)
        if match:
            return [], _with_chain(context, chains[int(match.group(1))][0]), True
        return [], context, act_header(self.segment.raw) is not None

    # -- word edits ---------------------------------------------------------------------------

    def _word_ops(self, low: str, chains: list[list[Chain]],
                  context: Context) -> tuple[list[tuple[int, Instruction]], list[tuple[int, int]]]:
        """«слова «X» заменить словами «Y»», "for 'X' substitute 'Y'"...: each edit's target is
        the unit named just before it, else the one of the edit before, else the context."""
        spans: list[tuple[int, int, Edit, int | None]] = []
        for kind, pattern in self._word_table():
            for match in pattern.finditer(low):
                if any(start < match.end() and match.start() < end for start, end, _e, _c in spans):
                    continue
                spans.append((match.start(), match.end(), *self._edit(kind, match)))
        spans.sort(key=lambda item: item[0])
        found: list[tuple[int, Instruction]] = []
        previous_end = 0
        previous_targets: list[Chain] = []
        for start, end, edit, own_chain in spans:
            tokens = _tokens_between(low, previous_end, start)
            targets = [chains[own_chain][0]] if own_chain is not None else \
                [chain for token in tokens for chain in chains[token]] or previous_targets
            found.append((start, Instruction("words", "", None, self.segment.raw, context=context.chains,
                                              targets=list(targets), edits=[edit])))
            previous_end, previous_targets = end, targets
        return found, [(start, end) for start, end, _e, _c in spans]

    def _word_table(self) -> list[tuple[str, re.Pattern[str]]]:
        if self.language == "ru":
            return _RU_WORD_OPS
        if self.language == "en":
            return _EN_WORD_OPS
        return _RU_WORD_OPS + _EN_WORD_OPS

    def _edit(self, kind: str, match: re.Match[str]) -> tuple[Edit, int | None]:
        quotes = self.segment.quotes
        groups = match.groups()
        if kind == "append":
            chain = int(groups[0]) if len(groups) > 1 and groups[0] is not None else None
            return Edit("append", "", quotes[int(groups[-1])]), chain
        if kind == "delete":
            return Edit("delete", quotes[int(groups[0])], ""), None
        if kind.endswith("_new_first"):
            return Edit(kind.removesuffix("_new_first"), quotes[int(groups[1])], quotes[int(groups[0])]), None
        return Edit(kind, quotes[int(groups[0])], quotes[int(groups[1])]), None

    # -- units ----------------------------------------------------------------------------------

    def _structural(self, low: str, chains: list[list[Chain]],
                    context: Context) -> list[tuple[int, Instruction]]:
        found: list[tuple[int, Instruction]] = []
        if self.language != "en":
            found = self._russian(low, chains, context)
        if not found and self.language != "ru":
            found = self._english(low, chains, context)
        return found

    def _new(self, action: str, context: Context, low: str, start: int, **values: Any) -> Instruction:
        """An instruction; its quoted structures and plain-quoted new text are those of the
        clause after `start`."""
        rest = low[start:]
        structures = [self.segment.structures[int(token)] for token in re.findall(STRUCTURE_RE, rest)]
        quoted = re.search(QUOTE_RE, rest) if action in ("insert", "replace") else None
        return Instruction(action, "", None, self.segment.raw, context=context.chains, structures=structures,
                            new_text=self.segment.quotes[int(quoted.group(1))] if quoted else "", **values)

    def _russian(self, low: str, chains: list[list[Chain]],
                 context: Context) -> list[tuple[int, Instruction]]:
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
                 context: Context) -> list[tuple[int, Instruction]]:
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
                       or _EN_SUPPLEMENTED.search(low) or re.search(STRUCTURE_RE, low) or "as follows" in low):
            return [(insert.start(), self._english_insert(low, chains, context))]
        return []

    def _english_insert(self, low: str, chains: list[list[Chain]], context: Context) -> Instruction:
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
    return bool(clause.strip()) and not re.sub(rf"{STRUCTURE_RE}|{QUOTE_RE}|[\s.,]", "", clause)


def _give_new_text(instructions: list[Instruction], clause: str, segment: Segment) -> None:
    """«… следующего содержания: S» — the quotation after the colon is the new text of the
    insertion or restatement just read."""
    for instruction in reversed(instructions):
        if instruction.action in ("insert", "replace") and not instruction.structures \
                and not instruction.new_text:
            instruction.structures = [segment.structures[int(t)] for t in re.findall(STRUCTURE_RE, clause)]
            quoted = re.search(QUOTE_RE, clause)
            if quoted and not instruction.structures:
                instruction.new_text = segment.quotes[int(quoted.group(1))]
            return


def _chains_between(text: str, chains: list[list[Chain]], start: int, end: int) -> list[Chain]:
    return [chain for token in _tokens_between(text, start, end) for chain in chains[token]]


def _unit_word(word: str) -> str:
    """ "subsections" -> "subsection"; a definition goes where paragraphs go."""
    singular = word[:-1] if word.endswith("s") else word
    return "paragraph" if singular == "definition" else singular


def _with_chain(context: Context, chain: Chain) -> Context:
    """A context one unit deeper («в статье 231:» then «в части первой»); a chain that starts
    at an article or section replaces the context instead."""
    if chain and chain[0][0] in TOP_KINDS:
        return Context(context.act, (chain,))
    return Context(context.act, (*context.chains, chain))


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
        out.append(CITATION.format(len(chains)))
        chains.append([citation.chain for citation in citations])
        position = end
    out.append(clause[position:])
    return "".join(out), chains


def _tokens_between(text: str, start: int, end: int) -> list[int]:
    return [int(match.group(1)) for match in re.finditer(CITATION_RE, text[start:end])]


_RU_ACT = re.compile(r"\b[Вв]нести\s+в\s+(?P<act>.+?)\s+(?:следующ\w+\s+|ниже\w*\s+)?(?:изменени|дополнени)")


_EN_ACT = re.compile(
    r"^(?:\(?\w{1,4}\)\s*)?(?:the\s+)?(?P<act>[^;:—]*?\b(?:Act|Code|Law|Ordinance|Decree)\b[^;:—]*?)\s+"
    r"(?:\((?:[^()]|\([^()]*\))*\)\s+)?(?:is|are)\s+(?:hereby\s+|further\s+)?amended\b", re.IGNORECASE)


_EN_OF_ACT = re.compile(
    r"\b(?:section|article|regulation|rule|part|chapter)s?\s+[\w().\-]+(?:\s*(?:,|and|to)\s*[\w().\-]+)*\s+"
    r"of\s+(?:the\s+)?(?P<act>[^;:—()]*?\b(?:Act|Code|Law|Ordinance|Decree)\b[^;:—()]*?)\s*(?:\([^)]*\)\s*)?"
    r"(?:,\s*)?(?:is|are|for|by|insert|after|—|:|,)", re.IGNORECASE)


_GAZETTE = re.compile(r"\([^()]*(?:\([^()]*\)[^()]*)*\)|\s+от\s+\d{1,2}\s+\w+\s+\d{4}\s+года(?:\s+№\s*[\w-]+)?")


def act_header(raw: str) -> str | None:
    """The act an amending clause names («Внести в Уголовно-процессуальный кодекс ...», "The
    Electronic Evidence Act is amended", "Section 5 of the X Act is amended"), if any."""
    match = _RU_ACT.search(raw)
    if match:
        return " ".join(_GAZETTE.sub(" ", match.group("act")).split())
    match = _EN_OF_ACT.search(raw) or _EN_ACT.search(raw)
    if match:
        return " ".join(match.group("act").split())
    return None
