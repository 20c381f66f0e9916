"""Small readers of Akoma Ntoso markup shared by the amendment reader and applier."""

from __future__ import annotations

from lxml import etree


def first_href(element: etree._Element, tag: str) -> str:
    child = element.find(tag)
    return (child.get("href") or "") if child is not None else ""


def first_attr(element: etree._Element, tag: str, attribute: str) -> str:
    child = element.find(tag)
    return (child.get(attribute) or "") if child is not None else ""


def quote_text(element: etree._Element) -> str:
    return " ".join("".join(element.itertext()).split())


def ns_prefix(root: etree._Element) -> str:
    tag = root.tag if isinstance(root.tag, str) else ""
    return tag[:tag.index("}") + 1] if tag.startswith("{") else ""
