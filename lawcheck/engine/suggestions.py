"""Suggested wording for a finding: a clause to insert or a replacement, in the draft's language,
filled from the draft (who authorises, the periods it states, the numbering of its units).

The wording itself is data: the `suggestion` template of a rule element. Here we only choose
where it goes and fill `{court}`, `{applicant}`, `{period}` and `{unit}`.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence

from lawcheck.akn.model import Provision
from lawcheck.engine.align import Analysis
from lawcheck.engine.evaluate import Assessed
from lawcheck.engine.findings import Finding
from lawcheck.i18n import period_words
from lawcheck.rulebook.loader import Rulebook
from lawcheck.rulebook.model import Element

_RU_LETTERS = "абвгдежзиклмнопрстуфхцчшщэюя"
_EN_COURT = re.compile(r"\b(?:a|the)\s+(judge of the (?:[A-Z]\w+ )+Court|(?:[A-Z]\w+ )?Court judge|"
                       r"magistrate|judge)\b")


def next_number(num: str) -> str:
    """The number of the unit that follows: «52-7)» -> «52-8)», "(3)" -> "(4)", "(g)" -> "(h)"."""
    digits = list(re.finditer(r"(?<![0-9])[0-9]{1,12}(?![0-9])", num))  # ASCII digits: "²" or 5,000 digits are text
    if digits:
        last = digits[-1]
        return num[:last.start()] + str(int(last.group()) + 1) + num[last.end():]
    letter = re.search(r"[a-zа-я](?=\W*$)", num)
    if letter is None:
        return num
    alphabet = _RU_LETTERS if letter.group() in _RU_LETTERS else "abcdefghijklmnopqrstuvwxyz"
    following = alphabet[min(alphabet.index(letter.group()) + 1, len(alphabet) - 1)]
    return num[:letter.start()] + following + num[letter.end():]


def _court(text: str, lang: str) -> str:
    """The judicial authority the draft already names, in the form the template needs."""
    if lang == "ru":
        if re.search(r"(?i)следственн\w*\s+судь", text):
            return "следственного судьи"
        return "судьи" if re.search(r"(?i)\bсудь", text) else "суда"
    match = _EN_COURT.search(text)
    return f"a {match.group(1)}" if match else "a judge"


def _applicant(assessed: Assessed, text: str, lang: str) -> str:
    """Who asks for the order: the prosecutor where the draft has one, else the investigator."""
    prosecutor = "a prosecutor" in assessed.authorities or re.search(r"(?i)прокурор|prosecutor", text)
    if lang == "ru":
        return "прокурора" if prosecutor else "следователя"
    return "the prosecutor" if prosecutor else "the investigator"


def _draft_period(analysis: Analysis, article: Provision | None, lang: str) -> str:
    """The first period the power's own article states, else a blank for the drafter."""
    for unit in analysis.block(article) if article is not None else ():
        for duration in unit.tagged.durations:
            return period_words(duration.iso, lang)
    return "[срок]" if lang == "ru" else "[period]"


def _ceiling(requirement_assessed: Assessed) -> str | None:
    return next((e.limit.max for e in requirement_assessed.requirement.elements if e.limit and e.limit.max), None)


def _period(element: Element, assessed: Assessed, analysis: Analysis, article: Provision,
            lang: str, ceilings: dict[str, str]) -> str:
    """The ceiling the treaty sets for this measure, or for another measure the same article
    grants (never a period of the draft that breaks it), else the period the draft states."""
    if element.limit is not None and element.limit.max:
        return period_words(element.limit.max, lang, genitive=True)
    ceiling = _ceiling(assessed) or ceilings.get(article.eid)
    if ceiling:
        return period_words(ceiling, lang)
    return _draft_period(analysis, article, lang)


def _article_of(provision: Provision) -> Provision:
    node = provision
    while node.element not in {"article", "section", "rule", "regulation"} and node.parent is not None:
        node = node.parent
    return node


def _target(analysis: Analysis, finding: Finding, element: Element, assessed: Assessed) -> Provision | None:
    """Where the wording goes: the clause that breaks the rule (replace), the list of
    definitions (a missing definition), or the article that grants the power (insert)."""
    if element.suggestion is None:
        return None
    if element.suggestion.action == "replace":
        return analysis.provision(finding.provisions[0]) if finding.provisions else None
    if element.check == "defined" and analysis.document.definitions:
        defined = analysis.provision(analysis.document.definitions[-1].eid)
        return defined.parent if defined is not None and defined.parent is not None else defined
    eid = finding.provisions[0] if finding.provisions else (
        assessed.alignments[0].eid if assessed.alignments else None)
    provision = analysis.provision(eid) if eid else None
    return _article_of(provision) if provision is not None else None


def _numbered(target: Provision, action: str, text: str) -> str:
    """The wording with the number it takes in the draft: the next part of the article, or the
    number of the clause it replaces."""
    if action == "replace":
        return f"{target.num} {text}".strip()
    numbered = [child for child in target.children if child.num]
    return f"{next_number(numbered[-1].num)} {text}" if numbered else text


def _fill(template: str, values: dict[str, str]) -> str:
    for key, value in values.items():
        template = template.replace("{" + key + "}", value)
    return template


def suggest(finding: Finding, element: Element, assessed: Assessed, analysis: Analysis,
            lang: str, ceilings: dict[str, str] | None = None) -> dict[str, str] | None:
    """The `suggestion` object of one finding, or None when its rule has no template."""
    target = _target(analysis, finding, element, assessed)
    if target is None or element.suggestion is None:
        return None
    article = _article_of(target)
    text = analysis.document.text
    values = {"court": _court(text, lang), "applicant": _applicant(assessed, text, lang),
              "period": _period(element, assessed, analysis, article, lang, ceilings or {}),
              "unit": "section" if article.element == "section" else "article"}
    wording = _fill(element.suggestion.text_in(lang), values)
    return {"eId": target.eid, "text": _numbered(target, element.suggestion.action, wording),
            "action": element.suggestion.action}


def _element_of(finding: Finding, item: Assessed, rulebook: Rulebook) -> Element | None:
    parts = finding.code.split("/")
    if len(parts) == 3 and parts[1] == "safeguard":
        return rulebook.safeguard(parts[2])[1]
    if len(parts) == 2 and parts[1] != "missing":
        return next((e for e in item.requirement.elements if e.id == parts[1]), None)
    return None


def _ceilings_by_article(assessed: Sequence[Assessed], analysis: Analysis) -> dict[str, str]:
    """Article eId -> the period ceiling of a measure the treaty bounds that it grants."""
    ceilings: dict[str, str] = {}
    for item in assessed:
        ceiling = _ceiling(item)
        for alignment in item.alignments if ceiling else ():
            provision = analysis.provision(alignment.eid)
            if provision is not None:
                ceilings.setdefault(_article_of(provision).eid, ceiling)  # type: ignore[arg-type]
    return ceilings


def with_suggestions(findings: Sequence[Finding], assessed: Sequence[Assessed], analysis: Analysis,
                     rulebook: Rulebook, lang: str) -> list[Finding]:
    """The findings, each with its suggested wording where its rule gives a template."""
    by_requirement = {item.requirement.id: item for item in assessed}
    ceilings = _ceilings_by_article(assessed, analysis)
    result = []
    for finding in findings:
        item = by_requirement.get(finding.requirement or "")
        element = _element_of(finding, item, rulebook) if item is not None else None
        suggestion = suggest(finding, element, item, analysis, lang, ceilings) if element and item else None
        result.append(dataclasses.replace(finding, suggestion=suggestion) if suggestion else finding)
    return result
