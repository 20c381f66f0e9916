"""eId generation by the Akoma Ntoso naming convention, for drafts that come without eIds.

Findings and reports cite provisions by eId, so a draft imported from Word or typed by hand
needs them. The style follows the devset (document-unique, see devset/README.md):

- articles, sections and rules, and the groupings above them (part, chapter, title...), are
  not prefixed: `art_5`, `sec_12`, `part_II`, `chp_7`;
- everything below an article or section is prefixed by its parent: `art_5__para_2__point_a`;
- the number is the cleaned `num` (`Статья 41-1.` -> `41-1`, `(4.101)` -> `4-101`);
- a unit that should be numbered but is not gets `nn` and a counter, always:
  `para_nn_1`, `para_nn_2` (Laws.Africa's reading of the convention);
- a unit that is normally unnumbered gets a counter: `hcontainer_1`, `list_2`;
- provisions quoted from another act sit under `<parent>__qstr` (`sec_2__qstr__sec_226B`);
- a collision gets `_2`, `_3`... so that eIds stay unique in the document.

Existing eIds (or `id`s, in AKN 1.0/2.0) are kept as they are.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from lxml import etree

from lawcheck.akn.numbering import clean_num
from lawcheck.akn.vocab import (
    ABBREVIATIONS,
    ABOVE_ARTICLE,
    AKN30,
    ARTICLE_LEVEL,
    PROVISIONS,
    QUOTED,
    SKIPPED,
    UNNUMBERED_BY_COUNTER,
)

ID_ATTRIBUTES = ("eId", "id")


def existing_id(element: etree._Element) -> str | None:
    """The element's identifier: `eId` in AKN 3.0, `id` in the older namespaces."""
    return element.get("eId") or element.get("id") or None


def namespace_of(root: etree._Element) -> str:
    """Namespace URI of the root element ("" when it has none)."""
    tag = root.tag
    return tag[1:tag.index("}")] if isinstance(tag, str) and tag.startswith("{") else ""


def local_name(element: etree._Element, ns_prefix: str) -> str | None:
    """Local name of an element in the document's namespace; None for others and comments.

    `ns_prefix` is "{uri}" (or "" for documents without a namespace). Elements of a foreign
    namespace (e.g. UK Lawmaker's `ukl:`) are not AKN structure and are looked through.
    """
    tag = element.tag
    if not isinstance(tag, str):
        return None
    if ns_prefix:
        return tag[len(ns_prefix):] if tag.startswith(ns_prefix) else None
    return None if tag.startswith("{") else tag


def is_provision(element: etree._Element, name: str | None) -> bool:
    """Is this element a unit of the law (a provision)? `item` only when numbered."""
    if name not in PROVISIONS:
        return False
    if name == "item":
        return _has_num(element)
    if name == "title":
        return not _is_old_heading_title(element)
    return True


def _child_names(element: etree._Element) -> Iterator[str]:
    for child in element:
        if isinstance(child.tag, str):
            yield child.tag.rpartition("}")[2]


def _has_num(element: etree._Element) -> bool:
    return "num" in _child_names(element)


def _is_old_heading_title(element: etree._Element) -> bool:
    """AKN 1.0/2.0 put a unit's heading in `<title>`; in 3.0 `title` is a unit (a Title)."""
    if namespace_of(element) in ("", AKN30):
        return False
    parent = element.getparent()
    if parent is None or not isinstance(parent.tag, str):
        return False
    if parent.tag.rpartition("}")[2] not in PROVISIONS:
        return False
    return not any(name in PROVISIONS or name in ("num", "p") for name in _child_names(element))


class EidGenerator:
    """Mints unique eIds; one instance per document so that collisions are seen."""

    def __init__(self, used: set[str]) -> None:
        self.used = used
        self.counters: dict[tuple[str, str], int] = defaultdict(int)
        self.suffixes: dict[str, int] = {}  # per candidate, the last suffix given: 20,000 "1)" stay linear

    def make(self, name: str, num: str, prefix: str) -> str:
        """eId for a unit called `name` numbered `num` (may be "") under `prefix` (may be "")."""
        abbr = ABBREVIATIONS.get(name, name)
        stem = f"{prefix}__{abbr}" if prefix else abbr
        token = clean_num(num) if num else ""
        if token:
            return self._unique(f"{stem}_{token}")
        self.counters[(prefix, abbr)] += 1
        count = self.counters[(prefix, abbr)]
        if name in UNNUMBERED_BY_COUNTER:
            return self._unique(f"{stem}_{count}")
        return self._unique(f"{stem}_nn_{count}")

    def _unique(self, candidate: str) -> str:
        eid, suffix = candidate, self.suffixes.get(candidate, 1)
        if suffix > 1:
            eid = f"{candidate}_{suffix}"
        while eid in self.used:
            suffix += 1
            eid = f"{candidate}_{suffix}"
        self.used.add(eid)
        self.suffixes[candidate] = suffix
        return eid


def _num_text(element: etree._Element, ns_prefix: str) -> str:
    for child in element:
        if local_name(child, ns_prefix) == "num":
            return " ".join("".join(child.itertext()).split())
    return ""


def all_ids(root: etree._Element) -> Iterator[str]:
    """Every eId/id value in the tree (TLCs in `meta` included)."""
    for element in root.iter():
        if isinstance(element.tag, str):
            for attribute in ID_ATTRIBUTES:
                value = element.get(attribute)
                if value:
                    yield value


def generate_eids(root: etree._Element) -> int:
    """Give every provision without an eId one, in place; return how many were generated.

    `root` is the `akomaNtoso` element (or any AKN element). Existing eIds are kept and
    reserved, so generated ones never collide with them. Walks iteratively: depth is bounded
    by the reader, but recursion is not needed.
    """
    ns = namespace_of(root)
    ns_prefix = f"{{{ns}}}" if ns else ""
    generator = EidGenerator(set(all_ids(root)))
    quotations: dict[str, int] = defaultdict(int)
    generated = 0
    top_prefix = ""
    root_name = local_name(root, ns_prefix)
    if is_provision(root, root_name):  # a fragment whose root is a unit
        top_prefix = existing_id(root) or ""
        if not top_prefix:
            top_prefix = generator.make(root_name or "", _num_text(root, ns_prefix), "")
            root.set("eId", top_prefix)
            generated += 1
    # (element, eId prefix for its children, inside an article-level unit or a quotation)
    stack: list[tuple[etree._Element, str, bool]] = [(root, top_prefix, bool(top_prefix))]
    while stack:
        element, prefix, nested = stack.pop()
        pending = []
        for child in element:
            name = local_name(child, ns_prefix)
            if name is None or name in SKIPPED:
                continue
            child_prefix, child_nested = prefix, nested
            if is_provision(child, name):
                eid = existing_id(child)
                if eid is None:
                    flat = not nested and name in ARTICLE_LEVEL | ABOVE_ARTICLE
                    eid = generator.make(name, _num_text(child, ns_prefix), "" if flat else prefix)
                    child.set("eId", eid)
                    generated += 1
                child_prefix, child_nested = eid, nested or name not in ABOVE_ARTICLE
            elif name in QUOTED and name != "quotedText":
                quotations[prefix] += 1
                count = quotations[prefix]
                stem = f"{prefix}__qstr" if prefix else "qstr"
                child_prefix = existing_id(child) or (stem if count == 1 else f"{stem}_{count}")
                child_nested = True
            pending.append((child, child_prefix, child_nested))
        stack.extend(reversed(pending))
    return generated
