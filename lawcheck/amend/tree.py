"""The base act's tree while instructions are applied: finding units by number, as they
stand after the instructions before, and numbering new ones."""

from __future__ import annotations

import copy
import re
from collections import defaultdict
from collections.abc import Iterator, Sequence

from lxml import etree

from lawcheck.akn import clean_num
from lawcheck.akn.eids import generate_eids, is_provision, local_name
from lawcheck.akn.numbering import key_in_family, num_keys, sequence_family
from lawcheck.akn.reader import root_info
from lawcheck.akn.references import PREFERRED_ELEMENTS, TOP_KINDS
from lawcheck.akn.vocab import QUOTED, SKIPPED
from lawcheck.amend.instructions import TEXT_BLOCKS, Chain
from lawcheck.amend.markup import quote_text
from lawcheck.digits import ascii_int

# -- the base act's tree ---------------------------------------------------------------------


class Tree:
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
        return clean_num(quote_text(found)).lower() if found is not None else ""

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
            add_after(max(lower, key=lambda item: item[0])[1], unit)
        else:
            add_before(min(keyed, key=lambda item: item[0])[1], unit)
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
            add_after(siblings[-1], unit)
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
            if name in TEXT_BLOCKS and not any(self.name(c) in TEXT_BLOCKS for c in node) \
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


def add_after(anchor: etree._Element, unit: etree._Element) -> None:
    unit.tail = anchor.tail
    anchor.addnext(unit)


def add_before(anchor: etree._Element, unit: etree._Element) -> None:
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
