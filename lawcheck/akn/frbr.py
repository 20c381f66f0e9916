"""FRBR identification: which law, which version, which language, and its title.

AKN 3.0 (`FRBRWork/FRBRuri@value`...) and the AKN 1.0 form (`Work/uri@href`...) are both
read. The title comes from FRBRalias name="title", else FRBRname, else the preface
(shortTitle, docTitle, ActTitle); UK Lawmaker's placeholders ("#varSITitle") are resolved to
the TLC they name.
"""

from __future__ import annotations

import re

from lxml import etree

from lawcheck.akn.eids import local_name
from lawcheck.akn.model import Frbr

LANGUAGES = {"eng": "en", "rus": "ru", "kaz": "kk", "kir": "ky", "uzb": "uz", "tgk": "tg",
             "tuk": "tk", "ukr": "uk", "bel": "be", "aze": "az", "hye": "hy", "arm": "hy",
             "kat": "ka", "geo": "ka", "ron": "ro", "rum": "ro", "fra": "fr", "fre": "fr",
             "deu": "de", "ger": "de", "spa": "es", "por": "pt", "ara": "ar", "zho": "zh",
             "chi": "zh", "swa": "sw"}
"""ISO 639-2 (FRBR) -> ISO 639-1, for the languages lawcheck is likely to meet."""

_URI_COUNTRY = re.compile(r"^/(?:akn/)?([a-z]{2}(?:-[a-z0-9]+)?)/")
_URI_LANGUAGE = re.compile(r"/([a-z]{3})@")


def read_frbr(doc_element: etree._Element, ns_prefix: str) -> Frbr:
    """FRBR identification from `meta/identification` (AKN 3.0 or the 1.0 Work/Expression
    form), with the title taken from FRBRalias/FRBRname or, failing that, the preface."""
    values: dict[str, str] = {}
    tlc: dict[str, str] = {}
    meta = _child(doc_element, "meta", ns_prefix)
    if meta is not None:
        for element in meta.iter():
            name = local_name(element, ns_prefix)
            if name is None:
                continue
            _collect_frbr(element, name, values)
            if name.startswith("TLC") or name in ("Organization", "Person", "Role"):
                key = element.get("eId") or element.get("id")
                if key and element.get("showAs"):
                    tlc[key] = element.get("showAs") or ""
    title = _resolve_placeholder(values.get("alias") or values.get("name") or "", tlc)
    if not title:
        title = _preface_title(doc_element, ns_prefix, tlc)
    work_uri = values.get("work_uri", "")
    expression_uri = values.get("expression_uri", "")
    country = values.get("country") or _match(_URI_COUNTRY, work_uri)
    language = values.get("language") or _match(_URI_LANGUAGE, expression_uri)
    return Frbr(work_uri=work_uri, expression_uri=expression_uri, title=title,
                date=values.get("date", ""), country=country,
                language=LANGUAGES.get(language.lower(), language))


def _collect_frbr(element: etree._Element, name: str, values: dict[str, str]) -> None:
    parent = element.getparent()
    level = parent.tag.rpartition("}")[2] if parent is not None else ""
    if level in ("FRBRWork", "Work"):
        if name in ("FRBRuri", "uri"):
            values.setdefault("work_uri", element.get("value") or element.get("href") or "")
        elif name in ("FRBRdate", "date"):
            values.setdefault("date", element.get("date") or "")
        elif name == "FRBRcountry":
            values.setdefault("country", element.get("value") or "")
        elif name == "FRBRname":
            values.setdefault("name", element.get("value") or "")
        elif name == "FRBRalias" and (element.get("name") or "").replace(" ", "").lower() in (
                "title", "shorttitle"):
            values.setdefault("alias", element.get("value") or "")
    elif level in ("FRBRExpression", "Expression"):
        if name in ("FRBRuri", "uri"):
            values.setdefault("expression_uri", element.get("value") or element.get("href") or "")
        elif name == "FRBRlanguage":
            values.setdefault("language", element.get("language") or "")


def _resolve_placeholder(value: str, tlc: dict[str, str]) -> str:
    """UK Lawmaker writes FRBRname value="#varSITitle": the title is that TLC's showAs."""
    if value.startswith("#"):
        return tlc.get(value[1:], "")
    return value


def _preface_title(doc_element: etree._Element, ns_prefix: str, tlc: dict[str, str]) -> str:
    preface = _child(doc_element, "preface", ns_prefix)
    if preface is None:
        return ""
    for wanted in ("shortTitle", "docTitle", "ActTitle", "longTitle"):
        for element in preface.iter(f"{ns_prefix}{wanted}"):
            text = _normalise("".join(element.itertext()))
            if text:
                return text
            for ref in element.iter(f"{ns_prefix}ref"):
                resolved = _resolve_placeholder(ref.get("href") or "", tlc)
                if resolved:
                    return resolved
    return ""


def _child(element: etree._Element, name: str, ns_prefix: str) -> etree._Element | None:
    for child in element:
        if local_name(child, ns_prefix) == name:
            return child
    return None


def _match(pattern: re.Pattern[str], text: str) -> str:
    match = pattern.search(text)
    return match.group(1) if match else ""


def _normalise(text: str) -> str:
    return " ".join(text.split())
