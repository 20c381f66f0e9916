"""From a parsed (trusted by now) AKN tree to the Document model, in one pass.

The pass builds provisions bottom-up (a provision is created once its children exist, so it
can be frozen), collects references and definitions in document order on the way, and
resolves references at the end, when every provision and number is known.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import defaultdict
from dataclasses import dataclass, field
from itertools import accumulate

from lxml import etree

from lawcheck.akn import definitions as defs
from lawcheck.akn.eids import existing_id, generate_eids, is_provision, local_name
from lawcheck.akn.frbr import read_frbr
from lawcheck.akn.model import Definition, Document, Frbr, Provision, Reference, new_provision
from lawcheck.akn.reader import RootInfo, root_info
from lawcheck.akn.references import Citation, Resolver, find_citations_in_blocks, is_amending
from lawcheck.akn.vocab import (
    ABOVE_ARTICLE,
    ARTICLE_LEVEL,
    HEADINGS,
    PROVISIONS,
    QUOTED,
    SKIPPED,
)
from lawcheck.errors import InputError

TEXT_BLOCKS = frozenset({"p", "block", "li", "td", "th", "listIntroduction", "listWrapUp",
                         "crossHeading", "longTitle", "caption", "tblock"})
"""Elements whose text is one line of a provision's text."""

NESTABLE_BLOCKS = frozenset({"li", "td", "th", "tblock"})
"""Blocks that may hold other blocks (then the inner ones are the lines)."""

INLINE_SPANS = frozenset({"ref", "mod", "def", "quotedText"})
"""Inline elements whose position in the text matters (refs, amendments, definitions)."""

NOTE_NAMES = frozenset({"note", "editorialNote", "footnote"})
"""hcontainer names of editorial notes («Сноска»): not law text for references/definitions."""

FRONT = frozenset({"preface", "preamble"})
DOCUMENT_PARTS_SKIPPED = frozenset({"attachments", "components", "conclusions"})


MAX_REFERENCES = 100_000
"""References resolved per document; a 300,000-word code has a few thousand."""
MAX_PROVISIONS = 20_000
"""Provisions of one document: twice a 300,000-word code, and about ten seconds of checking."""
MAX_TEXT_CHARS = 3_000_000
"""Characters of provision text (about 450,000 words): the check's time grows with the words."""

_DEF_CANDIDATE = re.compile(r"^(?:\d+(?:-\d+)*\)\s*)?[«\"“”'‘„]|^(?:In|For|The following|В|Для)\s")
_CYRILLIC = re.compile(r"[А-Яа-яЁё]")
_ID_VALUES = etree.XPath("//@eId | //@id | //@wId", smart_strings=False)


@dataclass(slots=True)
class _Frame:
    """Where the walk is: the enclosing provision and what its context implies."""

    element: str
    eid: str
    parent: _Frame | None
    def_scope: str | None = None  # set while inside a run of definitions
    def_scope_eid: str = "act"
    def_owner: bool = False  # this unit opened the run (all its blocks may define)
    children_define: bool = True  # False once a block "X means—" continues in sub-units
    blocks: int = 0
    lines_before_last_child: int = 0  # own lines after it are the closing text (wrapUp)
    note: bool = False  # inside an editorial note: no numeric references, no definitions
    amending: bool = False  # an amending provision: worded references cite the amended law
    quoting: str | None = None  # inside a quotation: the eId of the own provision quoting it
    pending: list[_Pending] = field(default_factory=list)
    provision: Provision | None = None  # set once built

    @property
    def quoted(self) -> bool:
        return self.quoting is not None

    def enclosing(self, kinds: frozenset[str]) -> str | None:
        frame: _Frame | None = self
        while frame is not None:
            if frame.element in kinds:
                return frame.eid
            frame = frame.parent
        return None


@dataclass(slots=True)
class _Pending:
    """A reference seen in the text, resolved once the whole tree exists."""

    line: int | None
    text: str
    href: str | None = None
    citation: Citation | None = None
    external: bool = False
    quoted: bool = False
    source: Provision | None = None
    order: tuple[int, int] = (0, 0)  # (block number, offset): document order


class Intervals:
    """Character spans of one block, asked about in O(log n): a paragraph may hold thousands
    of references, and comparing each with every other span made it quadratic."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self._lows = [low for low, _ in ordered]
        self._max_high = list(accumulate((high for _, high in ordered), max))
        self._widest_at: dict[int, int] = {}
        for low, high in ordered:
            self._widest_at[low] = max(high, self._widest_at.get(low, high))

    def __bool__(self) -> bool:
        return bool(self._lows)

    def overlaps(self, start: int, end: int) -> bool:
        """Whether some span shares a character with [start, end)."""
        before_end = bisect_left(self._lows, end)
        return before_end > 0 and self._max_high[before_end - 1] > start

    def strictly_contains(self, start: int, end: int) -> bool:
        """Whether some span other than [start, end) itself contains it."""
        earlier = bisect_left(self._lows, start)
        if earlier and self._max_high[earlier - 1] >= end:
            return True
        return self._widest_at.get(start, end) > end


@dataclass(slots=True)
class _Scanned:
    """A block of the draft's own text, kept for the one scan for worded references."""

    raw: str
    frame: _Frame
    line: int | None
    masked: Intervals
    amending: bool
    number: int


@dataclass(slots=True)
class _Inline:
    """The text of one block, with the positions of its inline refs, mods and defs."""

    raw: str
    spans: list[tuple[str, int, int, etree._Element]]
    quotations: list[etree._Element]


class _InlineReader:
    """Concatenates a block's text, noting where refs/mods/defs/quotations sit."""

    def __init__(self, ns_prefix: str) -> None:
        self.ns_prefix = ns_prefix

    def read(self, block: etree._Element) -> _Inline:
        if len(block) == 0:
            return _Inline(block.text or "", [], [])
        pieces: list[str] = []
        inline = _Inline("", [], [])
        self._visit(block, pieces, inline, [0])
        inline.raw = "".join(pieces)
        return inline

    def _visit(self, element: etree._Element, pieces: list[str], inline: _Inline,
               length: list[int]) -> None:
        self._add(element.text, pieces, length)
        for child in element:
            name = local_name(child, self.ns_prefix)
            if not isinstance(child.tag, str) or name in SKIPPED:
                pass
            elif name in QUOTED and name != "quotedText":
                # A quoted structure is the amended act's text (read into Document.quoted),
                # not words of this provision; only its place is kept.
                start = length[0]
                self._add(" ", pieces, length)
                inline.spans.append(("quoted", start, length[0], child))
                inline.quotations.append(child)
            elif name in ("eol", "br"):
                self._add(" ", pieces, length)
            else:
                start = length[0]
                self._visit(child, pieces, inline, length)
                if name in INLINE_SPANS:
                    kind = "quoted" if name == "quotedText" else name
                    inline.spans.append((kind, start, length[0], child))
            self._add(child.tail, pieces, length)

    @staticmethod
    def _add(text: str | None, pieces: list[str], length: list[int]) -> None:
        if text:
            pieces.append(text)
            length[0] += len(text)


class _Builder:
    """One document's build: the walk, then resolution."""

    def __init__(self, info: RootInfo, source: str, frbr: Frbr) -> None:
        self.info = info
        self.source = source
        self.frbr = frbr
        self.ns_prefix = f"{{{info.namespace}}}" if info.namespace else ""
        self.language = frbr.language
        self.inline = _InlineReader(self.ns_prefix)
        self.pending: list[_Pending] = []
        self.definitions: list[Definition] = []
        self.quotations: list[tuple[etree._Element, str]] = []
        self.front: list[str] = []
        self.warnings: list[str] = []
        self.names: dict[object, str | None] = {}
        self.missing_eids = 0
        self.scanned: list[_Scanned] = []
        self.block_count = 0

    # -- walk -------------------------------------------------------------------------------

    def top_level(self, element: etree._Element) -> list[Provision]:
        """Own provisions under the document element, in document order."""
        name = local_name(element, self.ns_prefix)
        if is_provision(element, name):
            return [self.provision(element, name or "", None)]
        found: list[Provision] = []
        for child in element:
            child_name = local_name(child, self.ns_prefix)
            if child_name is None or child_name in SKIPPED:
                if child_name in ("attachments", "components"):
                    self.warnings.append(f"<{child_name}> (schedules) not read as provisions")
                continue
            if child_name in FRONT:
                self.front.extend(self.plain_lines(child))
            elif child_name in DOCUMENT_PARTS_SKIPPED:
                continue
            elif is_provision(child, child_name):
                found.append(self.provision(child, child_name, None))
            else:
                found.extend(self.top_level(child))
        return found

    def name(self, element: etree._Element) -> str | None:
        """Local AKN name of an element, cached by tag (tags repeat thousands of times)."""
        tag = element.tag
        try:
            return self.names[tag]
        except KeyError:
            name = local_name(element, self.ns_prefix)
            self.names[tag] = name
            return name

    def provision(self, element: etree._Element, name: str, parent: _Frame | None) -> Provision:
        """Build one provision and, first, its children (one pass over its child elements)."""
        eid = existing_id(element)
        if eid is None:
            self.missing_eids += 1
            eid = ""
        unit_name = element.get("name") or ""
        frame = _Frame(name, eid, parent, quoting=parent.quoting if parent else None)
        if parent is not None:
            frame.note = parent.note
            frame.amending = parent.amending
            if parent.children_define and not parent.note:
                frame.def_scope, frame.def_scope_eid = parent.def_scope, parent.def_scope_eid
        if name == "hcontainer" and unit_name in NOTE_NAMES:
            frame.note, frame.def_scope = True, None
        num, headings = "", []
        children: list[Provision] = []
        lines: list[str] = []
        names = self.names
        for child in element:
            tag = child.tag
            child_name = names[tag] if tag in names else self.name(child)
            if child_name == "num":
                num = _normalise("".join(child.itertext()))
            elif child_name in HEADINGS or (child_name == "title"
                                            and not is_provision(child, child_name)):
                heading = _normalise(self.inline.read(child).raw)
                if heading:
                    headings.append(heading)
                    self._heading_context(heading, frame)
            else:
                self.content(child, child_name, frame, lines, children)
        closing = "\n".join(lines[frame.lines_before_last_child:]) if children else ""
        provision = new_provision(name, eid, num, " ".join(headings), "\n".join(lines),
                                  element.sourceline, unit_name, tuple(children), frame.quoting,
                                  closing)
        for child_provision in children:
            child_provision.__dict__["parent"] = provision  # frozen: set once, while building
        frame.provision = provision
        for pending in frame.pending:
            pending.source = provision
        return provision

    @staticmethod
    def _heading_context(heading: str, frame: _Frame) -> None:
        """A heading may open definitions ("Interpretation") or mark an amendment."""
        if not frame.note and defs.is_definitions_heading(heading):
            frame.def_scope, frame.def_owner = frame.def_scope or "act", True
        if not frame.amending and is_amending(heading):
            frame.amending = True

    def content(self, element: etree._Element, name: str | None, frame: _Frame,
                lines: list[str], children: list[Provision]) -> None:
        """Non-heading content of a provision: blocks become lines, units become children."""
        if name is None or name in SKIPPED:
            if name is None and isinstance(element.tag, str):  # foreign namespace: look inside
                for child in element:
                    self.content(child, self.name(child), frame, lines, children)
            return
        if name in TEXT_BLOCKS:
            if name not in NESTABLE_BLOCKS or not self._has_blocks(element):
                self.block(element, frame, lines)
                return
        elif name in PROVISIONS and is_provision(element, name):
            children.append(self.provision(element, name, frame))
            frame.lines_before_last_child = len(lines)
            return
        elif name in QUOTED:  # the amended act's text: read into Document.quoted
            self.quotations.append((element, frame.eid))
            return
        names = self.names
        for child in element:
            tag = child.tag
            self.content(child, names[tag] if tag in names else self.name(child), frame, lines,
                         children)

    def _has_blocks(self, element: etree._Element) -> bool:
        return any(self.name(child) in TEXT_BLOCKS for child in element)

    def block(self, element: etree._Element, frame: _Frame, lines: list[str]) -> None:
        """One line of text: keep it, and read its references and definitions."""
        inline = self.inline.read(element)
        text = _normalise(inline.raw)
        if not text:
            return
        lines.append(text)
        line = element.sourceline
        number = self.block_count
        self.block_count += 1
        for quotation in inline.quotations:
            self.quotations.append((quotation, frame.eid))
        masked = self._ref_elements(inline, frame, line, number)
        if frame.quoted:
            return
        if not frame.note:
            # worded references are found later, for all blocks at once (see resolve)
            frame.amending = frame.amending or is_amending(inline.raw)
            self.scanned.append(_Scanned(inline.raw, frame, line, masked, frame.amending, number))
            self._definitions(inline, text, frame, line)
        frame.blocks += 1

    def _ref_elements(self, inline: _Inline, frame: _Frame, line: int | None,
                      number: int) -> Intervals:
        """`<ref>`s of a block (a `<mod>` makes the provision an amending one: its worded
        references cite the amended law); returns the spans where no worded reference is
        looked for (refs and quotations). In quoted text only `<ref>`s count."""
        quoted = Intervals([(start, end) for kind, start, end, _ in inline.spans if kind == "quoted"])
        for kind, start, end, element in inline.spans:
            if kind == "mod":
                frame.amending = True
            if kind == "ref" and (frame.quoted or not quoted.strictly_contains(start, end)):
                pending = _Pending(element.sourceline or line,
                                   _normalise("".join(element.itertext())),
                                   href=element.get("href") or "", quoted=frame.quoted,
                                   order=(number, start))
                frame.pending.append(pending)
                self.pending.append(pending)
        return Intervals([(start, end) for kind, start, end, _ in inline.spans if kind in ("ref", "quoted")])

    def worded_references(self) -> None:
        """Find worded references in every scanned block at once, then put all pending
        references in document order."""
        found = find_citations_in_blocks([block.raw for block in self.scanned], self.language)
        for index, citation in found:
            block = self.scanned[index]
            if block.masked.overlaps(citation.start, citation.end):
                continue
            line = None if block.line is None else \
                block.line + block.raw.count("\n", 0, citation.start)
            pending = _Pending(line, citation.text, citation=citation,
                               external=citation.external or block.amending,
                               source=block.frame.provision, order=(block.number, citation.start))
            self.pending.append(pending)
        self.pending.sort(key=lambda pending: pending.order)

    def _definitions(self, inline: _Inline, text: str, frame: _Frame, line: int | None) -> None:
        marked = [element for kind, _s, _e, element in inline.spans if kind == "def"]
        if marked:
            scope = self._scope_eid(frame, frame.def_scope or "act") if frame.def_scope \
                else "act"
            for element in marked:
                term = _normalise("".join(element.itertext()))
                if term:
                    self.definitions.append(Definition(term, frame.eid, text, line, "markup",
                                                       scope))
            return
        if not (frame.def_scope or _DEF_CANDIDATE.match(text) or "понима" in text or "призна" in text):
            return
        # in a definitions unit every block may define; in a numbered definition item
        # («1) абонент – ...») only its first block, the rest continues that definition
        listed = frame.def_scope is not None and (frame.def_owner or frame.blocks == 0)
        reading = defs.read_block(text, self.language, listed)
        if reading.opens:
            frame.def_scope, frame.def_owner = reading.opens, True
            frame.def_scope_eid = self._scope_eid(frame, reading.opens)
        for clause in reading.clauses:
            scope = frame.def_scope_eid if not reading.opens and frame.def_scope \
                else self._scope_eid(frame, clause.scope)
            self.definitions.append(Definition(clause.term, frame.eid, text, line, "clause",
                                               scope))
        if reading.clauses and text.endswith(("—", "–", "-", ":")):
            frame.children_define = False  # "“traffic data” means— (a) ... (b) ..."

    @staticmethod
    def _scope_eid(frame: _Frame, scope: str) -> str:
        if scope == "section":
            return frame.enclosing(ARTICLE_LEVEL) or "act"
        if scope == "part":
            return frame.enclosing(ABOVE_ARTICLE) or "act"
        if scope == "self":
            return frame.eid or "act"
        return "act"

    def plain_lines(self, element: etree._Element) -> list[str]:
        """Text lines of the preface/preamble (no references or definitions read there)."""
        lines: list[str] = []
        for child in element.iter():
            name = local_name(child, self.ns_prefix)
            if name in TEXT_BLOCKS and not (name in NESTABLE_BLOCKS and self._has_blocks(child)):
                text = _normalise(self.inline.read(child).raw)
                if text:
                    lines.append(text)
        return lines

    # -- quotations and resolution ----------------------------------------------------------

    def quoted(self) -> list[Provision]:
        """Provisions quoted from the amended act, each tied to the provision quoting it."""
        found: list[Provision] = []
        position = 0
        while position < len(self.quotations):  # building may find nested quotations
            wrapper, quoting_eid = self.quotations[position]
            position += 1
            frame = _Frame("quotation", quoting_eid, None, quoting=quoting_eid)
            for child in wrapper.iter():
                if child is wrapper or not isinstance(child.tag, str):
                    continue
                name = local_name(child, self.ns_prefix)
                if is_provision(child, name) and not self._inside_provision(child, wrapper):
                    found.append(self.provision(child, name or "", frame))
        return found

    def _inside_provision(self, element: etree._Element, wrapper: etree._Element) -> bool:
        for ancestor in element.iterancestors():
            if ancestor is wrapper:
                return False
            if is_provision(ancestor, local_name(ancestor, self.ns_prefix)):
                return True
        return False

    def resolve(self, root: etree._Element, own: list[Provision]) -> list[Reference]:
        """Resolve every pending reference (same order as `self.pending`)."""
        resolver = Resolver(provision for top in own for provision in top.walk())
        ids: set[str] | None = None
        resolved = []
        for pending in self.pending:
            if pending.citation is None and ids is None:
                ids = set(_ID_VALUES(root))
            resolved.append(self._reference(pending, resolver, ids or set()))
        return resolved

    def _reference(self, pending: _Pending, resolver: Resolver, ids: set[str]) -> Reference:
        source = pending.source
        source_eid = source.eid if source is not None else None
        if pending.citation is None:
            href = pending.href or ""
            target, kind = self._href_target(href, ids)
            return Reference(source_eid, href, pending.text, target, kind, pending.line)
        citation = pending.citation
        if pending.external or not resolver.is_internal(citation):
            return Reference(source_eid, None, pending.text, None, "external", pending.line)
        resolved = resolver.resolve(citation, source)
        return Reference(source_eid, None, pending.text, resolved.eid if resolved else None,
                         "numeric", pending.line)

    def _href_target(self, href: str, ids: set[str]) -> tuple[str | None, str]:
        if href.startswith("#"):
            return (href[1:] if href[1:] in ids else None), "ref"
        work = self.frbr.work_uri
        if work and href.startswith(work) and ("~" in href or "#" in href):
            local = re.split(r"[~#]", href, maxsplit=1)[1]
            return (local if local in ids else None), "ref"
        if not href:
            return None, "ref"
        return None, "external"


def _normalise(text: str) -> str:
    return " ".join(text.split())


def _guess_language(provisions: list[Provision]) -> str:
    """No FRBRlanguage: Cyrillic in the first provisions means Russian, else unknown."""
    sample = " ".join(provision.own_text or provision.heading
                      for top in provisions[:5] for provision in top.walk())[:5000]
    return "ru" if _CYRILLIC.search(sample) else ""


def build_document(root: etree._Element, source: str) -> Document:
    """The Document of a parsed AKN tree (generates missing eIds in the tree, in place)."""
    try:
        return _build(root, source)
    except InputError:
        raise
    except (etree.LxmlError, RecursionError) as error:
        raise InputError(f"cannot read the document structure: {type(error).__name__}",
                         source=source) from None


def _check_budget(own: list[Provision], quoted: list[Provision], source: str) -> None:
    """Refuse a document whose check would run for minutes: too many provisions or words."""
    provisions = [provision for top in (*own, *quoted) for provision in top.walk()]
    if len(provisions) > MAX_PROVISIONS:
        raise InputError(f"{len(provisions):,} provisions, over the limit of {MAX_PROVISIONS:,}: not a draft "
                         "this tool can check in one piece", source=source)
    chars = sum(len(provision.own_text) for provision in provisions)
    if chars > MAX_TEXT_CHARS:
        raise InputError(f"{chars:,} characters of provision text, over the limit of {MAX_TEXT_CHARS:,} "
                         "(about 450,000 words): not a draft this tool can check in one piece", source=source)


def _build(root: etree._Element, source: str) -> Document:
    info = root_info(root, source)
    frbr = read_frbr(info.doc_element, _prefix(info))
    warnings = list(info.warnings)
    builder, own, quoted = _walk(info, source, frbr)
    if builder.missing_eids:  # rare: generate them by the naming convention, walk again
        generated = generate_eids(info.doc_element)
        warnings.append(f"{generated} provision(s) had no eId: generated by the AKN naming "
                        "convention")
        builder, own, quoted = _walk(info, source, frbr)
    warnings.extend(builder.warnings)
    _check_budget(own, quoted, source)
    builder.worded_references()
    if len(builder.pending) > MAX_REFERENCES:
        raise InputError(f"{len(builder.pending):,} cross-references, over the limit of {MAX_REFERENCES:,}",
                         source=source)
    references = builder.resolve(root, own)
    _attach(builder.pending, references, (*own, *quoted))
    own_references = tuple(reference for pending, reference
                           in zip(builder.pending, references, strict=True) if not pending.quoted)
    return Document(source=source, doc_type=info.doc_type, namespace=info.namespace,
                    akn_version=info.version, frbr=frbr, provisions=tuple(own),
                    warnings=tuple(dict.fromkeys(warnings)), references=own_references,
                    definitions=tuple(builder.definitions), quoted=tuple(quoted),
                    front_text="\n".join(builder.front))


def _walk(info: RootInfo, source: str,
          frbr: Frbr) -> tuple[_Builder, list[Provision], list[Provision]]:
    """The one pass over the tree: own provisions, then the quoted ones."""
    builder = _Builder(info, source, frbr)
    own = builder.top_level(info.doc_element)
    if not frbr.language:
        builder.language = _guess_language(own)
    return builder, own, builder.quoted()


def _attach(pending: list[_Pending], references: list[Reference],
            tops: tuple[Provision, ...]) -> None:
    """Give each provision the references found in its own text (set once: frozen)."""
    by_provision: dict[int, list[Reference]] = defaultdict(list)
    for item, reference in zip(pending, references, strict=True):
        by_provision[id(item.source)].append(reference)
    for top in tops:
        for provision in top.walk():
            found = by_provision.get(id(provision))
            if found:
                provision.__dict__["references"] = tuple(found)


def _prefix(info: RootInfo) -> str:
    return f"{{{info.namespace}}}" if info.namespace else ""
