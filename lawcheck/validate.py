"""`lawcheck validate`: structural validation of an Akoma Ntoso file.

A file that cannot be read (not XML, not AKN, hostile) raises InputError: exit code 2. A file
that can be read but is wrong comes back as a list of Problems, one line each:

    FILE:LINE: eId: message [code]

Codes: namespace, root, missing-eid, duplicate-eid, dangling-href, no-provisions,
dangling-reference, numbering-gap, numbering-duplicate, numbering-order,
duplicate-definition, schema.

The OASIS schema enforces unique eIds but not that `href="#x"` resolves, nor numbering, nor
worded references ("section 99" in an act of 59 sections): those are checked here. With
`schema`, the file is also validated against that XSD (compiled offline; the schema's own
imports must be local files, as the OASIS one's `xml.xsd` is).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from lxml import etree

from lawcheck.akn import build_document, read_xml
from lawcheck.akn.definitions import term_key
from lawcheck.akn.eids import existing_id, is_provision, local_name, namespace_of
from lawcheck.akn.model import Document, Provision
from lawcheck.akn.numbering import (
    clean_num,
    display_num,
    format_base,
    key_in_family,
    sequence_family,
)
from lawcheck.akn.reader import secure_parser
from lawcheck.akn.vocab import AKN30, DOCUMENT_TYPES, ROOT_NAMES
from lawcheck.errors import InputError

MAX_SCHEMA_PROBLEMS = 100
"""An AKN 1.0 file checked against the 3.0 schema fails on every element; 100 lines say it."""

DOCUMENT_WIDE = frozenset({"article", "section", "rule", "part", "chapter", "book", "tome",
                           "title"})
"""Units numbered through the whole document (sections run on across Parts)."""

_HREFS = etree.XPath("//*[starts-with(@href, '#')]")
_IDS = etree.XPath("//@eId | //@id | //@wId | //@GUID", smart_strings=False)


@dataclass(frozen=True, slots=True)
class Problem:
    """One finding of `lawcheck validate`, printed as one line."""

    source: str
    line: int | None
    eid: str | None
    code: str
    message: str

    def __str__(self) -> str:
        head = ":".join(part for part in (self.source, str(self.line) if self.line else "")
                        if part)
        parts = [head] if head else []
        if self.eid:
            parts.append(self.eid)
        parts.append(f"{' '.join(self.message.split())} [{self.code}]")
        return ": ".join(parts)


def validate_file(path: Path, schema: Path | None = None,
                  max_bytes: int | None = None) -> list[Problem]:
    """Validate one AKN file; InputError if it cannot be read at all."""
    source = str(path)
    compiled = compile_schema(schema) if schema is not None else None
    root = read_xml(path, max_bytes=max_bytes)
    problems: list[Problem] = []
    if compiled is not None:  # before anything touches the tree (eId generation does)
        problems.extend(schema_problems(root, compiled, source))
    problems.extend(tree_problems(root, source))
    document = build_document(root, source)
    if not document.provisions:
        problems.append(Problem(source, None, None, "no-provisions",
                                "no provisions found (an empty body?)"))
    problems.extend(reference_problems(document))
    problems.extend(numbering_problems(document))
    problems.extend(definition_problems(document))
    return sorted(problems, key=lambda problem: (problem.line or 0, problem.code))


# -- the XML tree --------------------------------------------------------------------------

def tree_problems(root: etree._Element, source: str) -> list[Problem]:
    """Namespace and root, eIds (missing, duplicate) and `#` hrefs that do not resolve."""
    problems = list(_namespace_problems(root, source))
    problems.extend(_eid_problems(root, source))
    problems.extend(_href_problems(root, source))
    return problems


def _namespace_problems(root: etree._Element, source: str) -> Iterator[Problem]:
    namespace = namespace_of(root)
    if namespace != AKN30:
        shown = namespace or "no namespace"
        yield Problem(source, root.sourceline, None, "namespace",
                      f"namespace is {shown}, not Akoma Ntoso 3.0 ({AKN30})")
    name = local_name(root, f"{{{namespace}}}" if namespace else "")
    if name not in ROOT_NAMES:
        yield Problem(source, root.sourceline, None, "root",
                      f"root element is <{name}>, not <akomaNtoso>")


def _eid_problems(root: etree._Element, source: str) -> Iterator[Problem]:
    """eIds must be unique within each document (an attachment's `doc` is its own scope)."""
    namespace = namespace_of(root)
    prefix = f"{{{namespace}}}" if namespace else ""
    seen: dict[tuple[int, str], int | None] = {}
    missing: list[etree._Element] = []
    for element, scope in _elements_with_scope(root, prefix):
        eid = existing_id(element)
        name = local_name(element, prefix)
        if eid is None:
            if is_provision(element, name):
                missing.append(element)
            continue
        key = (scope, eid)
        if key in seen:
            first = seen[key]
            where = f" (first at line {first})" if first else ""
            yield Problem(source, element.sourceline, eid, "duplicate-eid",
                          f"eId {eid!r} is used twice in the document{where}")
        else:
            seen[key] = element.sourceline
    if missing:
        first = missing[0]
        yield Problem(source, first.sourceline, None, "missing-eid",
                      f"{len(missing)} unit(s) have no eId (first: <{local_name(first, prefix)}>);"
                      " lawcheck generates them, but citable eIds belong in the file")


def _elements_with_scope(root: etree._Element,
                         prefix: str) -> Iterator[tuple[etree._Element, int]]:
    """Every element with the id of its document scope (the nearest document element)."""
    yield root, 0
    stack: list[tuple[etree._Element, int]] = [(root, 0)]
    while stack:
        element, scope = stack.pop()
        for child in reversed(element):
            if not isinstance(child.tag, str):
                continue
            name = local_name(child, prefix)
            child_scope = id(child) if name in DOCUMENT_TYPES and element is not root else scope
            yield child, child_scope
            stack.append((child, child_scope))


def _href_problems(root: etree._Element, source: str) -> Iterator[Problem]:
    ids = set(_IDS(root))
    for element in _HREFS(root):
        target = (element.get("href") or "")[1:]
        if target and target in ids:
            continue
        holder = element.xpath("ancestor-or-self::*[@eId or @id][1]")
        eid = existing_id(holder[0]) if holder else None
        yield Problem(source, element.sourceline, eid, "dangling-href",
                      f"href=\"#{target}\" points to no element of this document")


# -- the document model --------------------------------------------------------------------

def reference_problems(document: Document) -> Iterator[Problem]:
    """Worded references to units the document does not have ("section 99")."""
    for reference in document.references:
        if reference.kind == "numeric" and reference.target_eid is None:
            yield Problem(document.source, reference.line, reference.source_eid,
                          "dangling-reference",
                          f"\"{reference.text}\" names no unit of this document")


def numbering_problems(document: Document) -> list[Problem]:
    """Gaps, repeats and disorder in numbering, per unit type.

    Articles, sections, parts and chapters run through the whole document; other units
    are numbered within their parent. 94, 94-1, 95 and 342, 342.1 are sequences (inserted
    units), 1, 2, 4 is not, nor a, b, d, nor i, ii, iv.
    """
    problems: list[Problem] = []
    for group in _numbering_groups(document):
        problems.extend(_check_sequence(group, document.source))
    return problems


def _numbering_groups(document: Document) -> Iterable[list[Provision]]:
    wide: dict[tuple[str, str], list[Provision]] = defaultdict(list)
    groups: list[list[Provision]] = []
    for provision in document.walk():
        if provision.element in DOCUMENT_WIDE:
            wide[(provision.element, provision.name)].append(provision)
        siblings: dict[tuple[str, str], list[Provision]] = defaultdict(list)
        for child in provision.children:
            if child.element not in DOCUMENT_WIDE:
                siblings[(child.element, child.name)].append(child)
        groups.extend(siblings.values())
    top: dict[tuple[str, str], list[Provision]] = defaultdict(list)
    for provision in document.provisions:
        if provision.element not in DOCUMENT_WIDE:
            top[(provision.element, provision.name)].append(provision)
    return [*wide.values(), *top.values(), *groups]


def _check_sequence(units: list[Provision], source: str) -> Iterator[Problem]:
    numbered = [(unit, clean_num(unit.num)) for unit in units if unit.num]
    numbered = [(unit, token) for unit, token in numbered if token]
    if len(numbered) < 2:
        return
    seen: dict[str, Provision] = {}
    for unit, token in numbered:
        first = seen.get(token.lower())
        if first is not None:
            yield Problem(source, unit.line, unit.eid, "numbering-duplicate",
                          f"two units numbered {unit.element} {display_num(unit.num)} "
                          f"({first.eid} at line {first.line} and {unit.eid})")
        else:
            seen[token.lower()] = unit
    family = sequence_family([token for _unit, token in numbered])
    if family is None:
        return
    previous = None
    for unit, token in numbered:
        key = key_in_family(token, family)
        if key is None:
            continue
        if previous is not None:
            problem = _step_problem(previous, (unit, key), family, source)
            if problem is not None:
                yield problem
        previous = (unit, key)


def _step_problem(previous: tuple, current: tuple, family: str, source: str) -> Problem | None:
    (before, before_key), (unit, key) = previous, current
    if key.base in (before_key.base, before_key.base + 1):
        return None
    label = unit.element
    if key.base < before_key.base:
        return Problem(source, unit.line, unit.eid, "numbering-order",
                       f"{label} {display_num(unit.num)} comes after {label} "
                       f"{display_num(before.num)}: numbering out of order")
    low, high = before_key.base + 1, key.base - 1
    missing = format_base(low, family) if low == high else \
        f"{format_base(low, family)}-{format_base(high, family)}"
    return Problem(source, unit.line, unit.eid, "numbering-gap",
                   f"{label} {display_num(unit.num)} follows {label} "
                   f"{display_num(before.num)}: {missing} missing")


def definition_problems(document: Document) -> Iterator[Problem]:
    """A term defined twice for the same scope (e.g. twice "In this Act")."""
    first: dict[tuple[str, str], tuple[str, int | None]] = {}
    for definition in document.definitions:
        key = (definition.scope, term_key(definition.term))
        if key not in first:
            first[key] = (definition.eid, definition.line)
            continue
        eid, line = first[key]
        yield Problem(document.source, definition.line, definition.eid, "duplicate-definition",
                      f"\"{definition.term}\" is defined twice: in {eid} (line {line}) and in "
                      f"{definition.eid}")


# -- XSD -----------------------------------------------------------------------------------

def compile_schema(schema: Path) -> etree.XMLSchema:
    """Compile an XSD (cached per file and modification time)."""
    try:
        stamp = schema.stat().st_mtime_ns
    except OSError as error:
        raise InputError(f"schema: {error.strerror or 'cannot read'}", source=str(schema)) \
            from None
    return _compile(str(schema), stamp)


@lru_cache(maxsize=4)
def _compile(path: str, _stamp: int) -> etree.XMLSchema:
    try:  # the XSD is parsed as carefully as a draft; its local imports (xml.xsd) still load
        return etree.XMLSchema(etree.parse(path, secure_parser()))
    except (etree.XMLSchemaParseError, etree.XMLSyntaxError) as error:
        message = " ".join(str(error).split())[:200]
        raise InputError(f"cannot compile the schema: {message}", source=path) from None
    except OSError as error:
        raise InputError(f"schema: {error.strerror or 'cannot read'}", source=path) from None


def schema_problems(root: etree._Element, schema: etree.XMLSchema, source: str) -> list[Problem]:
    """Each schema error with its line (at most MAX_SCHEMA_PROBLEMS, then a count)."""
    if schema.validate(root.getroottree()):
        return []
    errors = list(schema.error_log)
    problems = [Problem(source, error.line or None, None, "schema",
                        error.message.replace(f"{{{AKN30}}}", ""))
                for error in errors[:MAX_SCHEMA_PROBLEMS]]
    if len(errors) > MAX_SCHEMA_PROBLEMS:
        problems.append(Problem(source, None, None, "schema",
                                f"{len(errors) - MAX_SCHEMA_PROBLEMS} more schema errors"))
    return problems

