"""The document model: what the rest of lawcheck reads instead of XML.

Frozen dataclasses, so a stage cannot change what another stage sees. Provisions link to
their parent and children: the links are set once, while the reader builds the tree, and the
classes compare by identity (eq=False) so that the cycle parent <-> child costs nothing.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from functools import cached_property

REFERENCE_KINDS = ("ref", "numeric", "external")


@dataclass(frozen=True, slots=True)
class Frbr:
    """FRBR identification: which law, which version, which language.

    `language` is ISO 639-1 ("en", "ru") when the file gives a code we know (eng, rus...),
    otherwise what the file gives.
    """

    work_uri: str = ""
    expression_uri: str = ""
    title: str = ""
    date: str = ""
    country: str = ""
    language: str = ""


@dataclass(frozen=True, slots=True)
class Reference:
    """A cross-reference found in a provision.

    kind: "ref" for `<ref href="#...">`, "numeric" for wording such as "section 12",
    "s. 33(2)", "пункт 3 статьи 15", "external" for other laws (`/akn/...` hrefs, "section 2 of
    the Evidence Act", "статьи 10 Закона ..."). `target_eid` is the provision it resolves to
    (None when it does not resolve: a dangling reference, unless external).
    """

    source_eid: str | None
    href: str | None
    text: str
    target_eid: str | None
    kind: str
    line: int | None

    @property
    def dangling(self) -> bool:
        """An internal reference that points nowhere in this document."""
        return self.kind != "external" and self.target_eid is None


@dataclass(frozen=True, slots=True)
class Definition:
    """A defined term and where it is defined.

    source: "markup" (`<def>`) or "clause" (wording such as `"X" means`, `X – ...` in an
    «Основные понятия» article). scope: "act" for "In this Act"/«В настоящем Законе», else
    the eId of the unit the definition is limited to ("In this section" -> the section).
    """

    term: str
    eid: str
    text: str
    line: int | None
    source: str
    scope: str = "act"


@dataclass(frozen=True, eq=False)
class Provision:
    """A unit of the law (section, article, paragraph, point...), with its place in the tree.

    own_text is the text of this unit's own blocks (intro, content, wrapUp) without its num,
    heading and child provisions; `text` is everything a reader sees in the unit, children
    included, one block per line. References inside the unit's own text are in
    `references`; those of the children are on the children.
    """

    element: str
    eid: str
    num: str
    heading: str
    own_text: str
    line: int | None
    name: str = ""
    """AKN `@name`, e.g. hcontainer name="regulation" or "note"."""
    children: tuple[Provision, ...] = field(default=(), repr=False)
    parent: Provision | None = field(default=None, repr=False)
    references: tuple[Reference, ...] = field(default=(), repr=False)
    quoted_in: str | None = None
    """For a provision quoted from another act: the eId of the own provision quoting it."""
    closing_text: str = field(default="", repr=False)
    """The end of own_text that comes after the children (a wrapUp), for `text`'s order."""

    @cached_property
    def text(self) -> str:
        """Full text in reading order, one block per line: "33. Expedited preservation", then
        "(1) Where ...": a heading gets its own line, a bare number opens the first line.

        Descendants are read first, deepest first, so that a unit nested 250 levels deep does
        not recurse 250 times through this property."""
        for node in reversed(list(self.walk())):
            if node is not self and "text" not in node.__dict__:
                node.__dict__["text"] = node._reading()
        return self._reading()

    def _reading(self) -> str:
        """`text` of this provision, its children's texts being known."""
        opening = self.own_text
        if self.closing_text:
            opening = opening[:len(opening) - len(self.closing_text)].rstrip("\n")
        lines = []
        if self.heading:
            lines.append(f"{self.num} {self.heading}".strip())
            if opening:
                lines.append(opening)
        elif opening or self.num:
            lines.append(f"{self.num} {opening}".strip())
        lines.extend(child.text for child in self.children if child.text)
        if self.closing_text:
            lines.append(self.closing_text)
        return "\n".join(lines)

    def ancestors(self) -> tuple[Provision, ...]:
        """Enclosing provisions, nearest first."""
        found = []
        node = self.parent
        while node is not None:
            found.append(node)
            node = node.parent
        return tuple(found)

    def walk(self) -> Iterator[Provision]:
        """This provision and all its descendants, depth-first in document order."""
        stack = [self]
        while stack:
            node = stack.pop()
            yield node
            stack.extend(reversed(node.children))

    @property
    def label(self) -> str:
        """How a message names the unit: "section 33(2)"-like, from element and num."""
        return f"{self.element} {self.num}".strip()


def new_provision(element: str, eid: str, num: str, heading: str, own_text: str,
                  line: int | None, name: str, children: tuple[Provision, ...],
                  quoted_in: str | None, closing_text: str = "") -> Provision:
    """Provision(...) without the frozen-dataclass __init__ (one object.__setattr__ per
    field: a third of the cost of building a 10,000-unit code). Same fields, same object."""
    provision = object.__new__(Provision)
    provision.__dict__.update(element=element, eid=eid, num=num, heading=heading,
                              own_text=own_text, line=line, name=name, children=children,
                              parent=None, references=(), quoted_in=quoted_in,
                              closing_text=closing_text)
    return provision


@dataclass(frozen=True, eq=False)
class Document:
    """An Akoma Ntoso document as lawcheck reads it.

    provisions are the draft's own top-level units in document order; `quoted` holds the
    units quoted from an amended act (inside mod/quotedStructure/embeddedStructure): they are
    not the draft's provisions, so `walk()` skips them, but `by_eid` finds them. references
    and definitions are those of the draft's own text.
    """

    source: str
    doc_type: str
    namespace: str
    akn_version: str
    frbr: Frbr
    provisions: tuple[Provision, ...]
    warnings: tuple[str, ...] = ()
    references: tuple[Reference, ...] = ()
    definitions: tuple[Definition, ...] = ()
    quoted: tuple[Provision, ...] = ()
    front_text: str = ""
    """Text of the preface and preamble (title block, enacting words)."""
    _index: Mapping[str, Provision] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        if not self._index:  # a plain dict, so that a Document pickles (Streamlit caches)
            object.__setattr__(self, "_index", build_index(self))

    def walk(self) -> Iterator[Provision]:
        """All own provisions depth-first in document order (quoted ones excluded)."""
        for provision in self.provisions:
            yield from provision.walk()

    def by_eid(self, eid: str) -> Provision | None:
        """The provision with this eId (own or quoted), in O(1)."""
        return self._index.get(eid)

    @property
    def title(self) -> str:
        return self.frbr.title

    @property
    def language(self) -> str:
        return self.frbr.language

    @cached_property
    def text(self) -> str:
        """The full text of the draft: front matter, then every own provision."""
        parts = [self.front_text] if self.front_text else []
        parts.extend(provision.text for provision in self.provisions)
        return "\n".join(parts)


def build_index(document: Document) -> dict[str, Provision]:
    """eId -> provision; the first unit wins when a (broken) file repeats an eId."""
    index: dict[str, Provision] = {}
    for top in (*document.provisions, *document.quoted):
        for provision in top.walk():
            index.setdefault(provision.eid, provision)
    return index
