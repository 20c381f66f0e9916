"""A whole code built like a real one, from the development laws, for the speed benchmark.

Repeating template articles flatters every cache. Here each article takes its heading from
one law and about four numbered parts from different laws, renumbered; articles come in
chapters of 25 with real chapter headings, and some parts refer to other articles in the
drafting style of the language ("section 12(2)", «частью 2 статьи 12»), so the reader has
references to resolve. The sources are every development law of the language
(benchmarks/data/devset, ../shared/devset and corpora/national). The result is reproducible
for a given seed.
"""

from __future__ import annotations

import copy
import random
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from lawcheck.akn import generate_eids
from lawcheck.akn.reader import secure_parser

ROOT = Path(__file__).resolve().parents[1]
SOURCE_FOLDERS = (ROOT / "benchmarks" / "data" / "devset" / "akn", ROOT.parent / "shared" / "devset" / "akn",
                  ROOT / "corpora" / "national")
PART_NAMES = ("subsection", "paragraph", "point")
AKN = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
NS = f"{{{AKN}}}"
ARTICLES = (f"{NS}section", f"{NS}article")
CHAPTER_SIZE = 25


@dataclass(frozen=True)
class Style:
    """How one language numbers and refers to its units."""

    article: str  # element name of an article
    chapter: str
    article_num: str
    part_num: str
    chapter_num: str
    reference: str  # a sentence citing part {part} of article {article}
    language: str  # FRBR code


STYLES = {
    "en": Style("section", "part", "{n}.", "({n})", "PART {n}",
                "This subsection applies subject to section {article}({part}).", "eng"),
    "ru": Style("article", "chapter", "Статья {n}.", "{n}.", "Глава {n}.",
                "Действие настоящей части применяется с учетом части {part} статьи {article} "
                "настоящего Кодекса.", "rus"),
}


@dataclass
class Pools:
    """What the code is assembled from: per source law, its numbered parts; and headings."""

    parts: list[list[etree._Element]]
    headings: list[str]
    chapter_headings: list[str]


def source_files(lang: str) -> list[Path]:
    """Every development law in the language, the first copy of each name."""
    found: dict[str, Path] = {}
    for folder in SOURCE_FOLDERS:
        for path in sorted(folder.glob("*.xml")) if folder.is_dir() else ():
            if path.name not in found and _language(path) == STYLES[lang].language:
                found[path.name] = path
    return list(found.values())


def _language(path: Path) -> str | None:
    root = etree.parse(str(path), secure_parser()).getroot()
    element = next(root.iter(f"{NS}FRBRlanguage"), None)
    return element.get("language") if element is not None else None


def _clean(element: etree._Element) -> etree._Element:
    """A copy without eIds (regenerated for the code) and with links unwrapped to their words
    (their targets belong to the source law)."""
    clone = copy.deepcopy(element)
    for node in clone.iter():
        if isinstance(node.tag, str):
            node.attrib.pop("eId", None)
            node.attrib.pop("wId", None)
    for ref in list(clone.iter(f"{NS}ref")):
        parent, text = ref.getparent(), (ref.text or "") + (ref.tail or "")
        previous = ref.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + text
        else:
            parent.text = (parent.text or "") + text
        parent.remove(ref)
    return clone


def _heading_text(element: etree._Element) -> str | None:
    heading = element.find(f"{NS}heading")
    text = " ".join("".join(heading.itertext()).split()) if heading is not None else ""
    return text or None


def load_pools(lang: str) -> Pools:
    parts, headings, chapter_headings = [], [], []
    for path in source_files(lang):
        root = etree.parse(str(path), secure_parser()).getroot()
        law_parts = []
        for article in root.iter(*ARTICLES):
            if next(article.iter(f"{NS}mod"), None) is not None:
                continue  # an amending article quotes another act
            if (heading := _heading_text(article)) is not None:
                headings.append(heading)
            law_parts += [_clean(part) for part in article
                          if isinstance(part.tag, str) and etree.QName(part).localname in PART_NAMES
                          and part.find(f"{NS}num") is not None]
        for container in root.iter(f"{NS}chapter", f"{NS}part"):
            if (heading := _heading_text(container)) is not None:
                chapter_headings.append(heading)
        if law_parts:
            parts.append(law_parts)
    if len(parts) < 2 or not headings or not chapter_headings:
        raise SystemExit(f"too little source law for {lang}: {', '.join(map(str, source_files(lang)))}")
    return Pools(parts, headings, chapter_headings)


def _words(element: etree._Element) -> int:
    return len(" ".join(element.itertext()).split())


def _add_reference(part: etree._Element, sentence: str) -> None:
    """The sentence at the end of the part's last paragraph."""
    paragraphs = list(part.iter(f"{NS}p"))
    if not paragraphs:
        return
    last = paragraphs[-1]
    if len(last):
        last[-1].tail = f"{last[-1].tail or ''} {sentence}"
    else:
        last.text = f"{last.text or ''} {sentence}".strip()


def _article(number: int, pools: Pools, style: Style, rng: random.Random) -> etree._Element:
    article = etree.Element(f"{NS}{style.article}")
    etree.SubElement(article, f"{NS}num").text = style.article_num.format(n=number)
    etree.SubElement(article, f"{NS}heading").text = rng.choice(pools.headings)
    laws = rng.sample(range(len(pools.parts)), k=len(pools.parts))
    for index in range(rng.choice((3, 4, 4, 4, 5))):
        part = copy.deepcopy(rng.choice(pools.parts[laws[index % len(laws)]]))
        number_element = part.find(f"{NS}num")
        if number_element is None:
            number_element = etree.Element(f"{NS}num")
            part.insert(0, number_element)
        number_element.text = style.part_num.format(n=index + 1)
        if number > 1 and rng.random() < 0.3:
            _add_reference(part, style.reference.format(article=rng.randrange(1, number), part=rng.randint(1, 3)))
        article.append(part)
    return article


def real_style_code(lang: str, target_words: int, seed: int = 13) -> bytes:
    """An act of about `target_words` words, in chapters of 25 articles."""
    style, pools, rng = STYLES[lang], load_pools(lang), random.Random(seed)
    root = etree.Element(f"{NS}akomaNtoso", nsmap={None: AKN})
    act = etree.SubElement(root, f"{NS}act", name="act")
    _meta(act, style.language, f"Real-style code ({lang}, seed {seed})")
    body = etree.SubElement(act, f"{NS}body")
    total, number, chapter = 0, 0, body
    while total < target_words:
        if number % CHAPTER_SIZE == 0:
            chapter = etree.SubElement(body, f"{NS}{style.chapter}")
            etree.SubElement(chapter, f"{NS}num").text = style.chapter_num.format(n=number // CHAPTER_SIZE + 1)
            etree.SubElement(chapter, f"{NS}heading").text = rng.choice(pools.chapter_headings)
        number += 1
        article = _article(number, pools, style, rng)
        chapter.append(article)
        total += _words(article)
    generate_eids(root)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


def _meta(act: etree._Element, language: str, name: str) -> None:
    meta = etree.SubElement(act, f"{NS}meta")
    identification = etree.SubElement(meta, f"{NS}identification", source="#bench")
    work = etree.SubElement(identification, f"{NS}FRBRWork")
    etree.SubElement(work, f"{NS}FRBRuri", value="/akn/xx/act/2025/bench")
    etree.SubElement(work, f"{NS}FRBRname", value=name)
    expression = etree.SubElement(identification, f"{NS}FRBRExpression")
    etree.SubElement(expression, f"{NS}FRBRuri", value=f"/akn/xx/act/2025/bench/{language}@")
    etree.SubElement(expression, f"{NS}FRBRlanguage", language=language)
