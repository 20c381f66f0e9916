"""The words, symbols and colours the page uses for the report's values.

Kept in one place so the coverage matrix, the badges, the graph and the legend agree, and so
that a status is never shown by colour alone (a symbol goes with every colour, for readers
who do not tell red from green).
"""

from __future__ import annotations

import threading
from collections.abc import Iterator, Mapping
from typing import Any

from lawcheck.i18n import tr
from lawcheck.i18n import treaty_cite as cite_in
from lawcheck.treaty import CATEGORIES

_CURRENT = threading.local()


def set_language(lang: str) -> None:
    """The language of the page for this session's run: Streamlit runs each session's script
    in its own thread, so two reviewers can read the page in two languages at once."""
    _CURRENT.lang = lang


def language() -> str:
    return getattr(_CURRENT, "lang", "en")


class Localised(Mapping[str, str]):
    """A table of words in both languages that answers in the page's current language."""

    def __init__(self, tables: Mapping[str, Mapping[str, str]]) -> None:
        self._tables = tables

    def _table(self) -> Mapping[str, str]:
        return self._tables.get(language()) or self._tables["en"]

    def __getitem__(self, key: str) -> str:
        return self._table()[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._table())

    def __len__(self) -> int:
        return len(self._table())


PAGE_RU = {
    "Definitions": "Определения", "Offences": "Преступления", "Procedural powers": "Процессуальные полномочия",
    "Jurisdiction": "Юрисдикция", "Co-operation": "Международное сотрудничество",
    "Second Protocol": "Второй протокол", "{done} of {total} implemented": "реализовано {done} из {total}",
    "Click an article to open it.": "Нажмите на статью, чтобы открыть ее.",
    " and ": " и ",
    "#### What the treaty asks": "#### Что требует договор",
    "Aligned through its article {article}.": "Сопоставлено через статью: {article}.",
    "All articles": "Все статьи",
    "All kinds": "Все виды",
    "All severities": "Любая важность",
    "Articles changed status": "Изменилась оценка статей",
    "Check against": "Проверять на соответствие",
    "Checks a draft law on electronic evidence against the Budapest Convention (ETS 185) and its Second "
    "Protocol (CETS 224).": "Проверка законопроекта об электронных доказательствах на соответствие "
                           "Будапештской конвенции (ETS 185) и Второму дополнительному протоколу (CETS 224).",
    "Click a kind to list those findings.": "Выберите вид, чтобы увидеть соответствующие замечания.",
    "Colours": "Цвета",
    "Coverage, article by article": "Реализация по статьям",
    "Download the report": "Скачать отчет",
    "No safeguard is missing from the text; {count} notes ask to check conditions that may stand elsewhere "
    "(see Findings).": "В тексте проекта нет пробелов в гарантиях; замечаний-напоминаний: {count} — проверьте "
                       "условия, которые могут содержаться в других нормах (см. «Замечания»).",
    "Every power the draft grants comes with the safeguards the treaties require.":
        "Каждое полномочие, предусмотренное проектом, сопровождается гарантиями, которых требуют договоры.",
    "Findings by kind": "Замечания по видам",
    "Findings on this clause ({count})": "Замечания к этому положению ({count})",
    "Findings": "Замечания",
    "Hide dismissed findings ({count})": "Скрыть отклоненные замечания ({count})",
    "Kind": "Вид",
    "New findings": "Новые замечания",
    "No provision of the draft implements this article.": "Ни одно положение проекта не реализует эту статью.",
    "No treaty article is aligned to this provision.": "Это положение не сопоставлено ни с одной статьей договора.",
    "None yet: accept or dismiss a finding on its card.":
        "Пока нет: примите или отклоните замечание на его карточке.",
    "None: the engine found nothing to change for this article.":
        "Нет: по этой статье изменений не требуется.",
    "Provision": "Положение",
    "Provisions changed": "Изменено положений",
    "Resolved findings": "Снятые замечания",
    "Reviewer decisions": "Решения рецензентов",
    "Safeguards of each power": "Гарантии по каждому полномочию",
    "Safeguards the draft lacks ({count})": "Гарантии, которых нет в проекте ({count})",
    "Severity": "Важность",
    "The draft has no provisions to show.": "В проекте нет положений для отображения.",
    "The wording is the same in both versions.": "Текст обеих редакций совпадает.",
    "Things to change in the draft": "Что следует изменить в проекте",
    "Treaty article": "Статья договора",
    "Treaty articles with this status": "Статьи договора с такой оценкой",
    "What changed in the text": "Что изменилось в тексте",
    "What the change does to conformance": "Как изменение влияет на соответствие",
    "Whole article": "Статья в целом",
    "a draft bundled with lawcheck": "пример из комплекта lawcheck",
    "in {where}  \nlacks {lacks}": "в {where}  \nнет гарантии: {lacks}",
    "no clause of the draft": "положение в проекте отсутствует",
    "the whole article: no provision implements it": "статья в целом: ни одно положение ее не реализует",
    "uploaded draft": "загруженный проект",
    "… and {count} more units: open one of them to read it.":
        "… и еще {count}: откройте нужное положение, чтобы прочитать его.",
    "not in the draft": "в проекте нет",
    "Power (clauses)": "Полномочие (положения)",
    "Element": "Требование",
    "No element checks for this article.": "По этой статье отдельные требования не проверяются.",
    "Safeguards": "Гарантии",
    "Draft law": "Законопроект",
    "Or a draft bundled with lawcheck": "Или пример из комплекта lawcheck",
    "Language of the draft": "Язык проекта",
    "Compare with another version": "Сравнить с другой редакцией",
    "Every verdict on this page comes from the lawcheck engine's report; the page only arranges it.":
        "Все оценки на этой странице взяты из отчета lawcheck; страница лишь упорядочивает их.",
    "Each treaty power must come with the conditions and safeguards of Art. 15 ETS 185 (Arts 13-14 CETS 224 "
    "for the Protocol's). ✗ absent, ✓ present, ? not assessed (the draft does not grant the power).":
        "Каждое полномочие по договору должно сопровождаться условиями и гарантиями ст. 15 ETS 185 (для мер "
        "Протокола — ст. 13–14 CETS 224). ✗ отсутствует, ✓ имеется, ? не оценивается (проект не предусматривает "
        "полномочия).",
    "Powers the draft grants without a safeguard the treaty requires. Open a clause to read it with the "
    "evidence, or the article to see what the treaty asks.":
        "Полномочия, предусмотренные проектом без гарантии, которой требует договор. Откройте положение, чтобы "
        "прочитать его с выделенным текстом, или статью договора, чтобы увидеть ее требования.",
    "Word by word: struck-out words were removed, highlighted words inserted; long unchanged passages are "
    "shortened (…).":
        "Пословно: зачеркнутые слова исключены, выделенные — добавлены; длинные неизмененные фрагменты "
        "сокращены (…).",
    "⚠ contradicts · ✗ safeguard missing · ◐ partial · ✓ implements · · no article":
        "⚠ противоречит · ✗ нет гарантии · ◐ частично · ✓ реализует · · не сопоставлено",
    "Changed provisions ({count})": "Измененные положения ({count})",
    "Resolved findings ({count})": "Снятые замечания ({count})",
    "New findings ({count})": "Новые замечания ({count})",
    "Workspace: {workspace} (your sign-in). Only you see these decisions.":
        "Рабочее пространство: {workspace} (ваша учетная запись). Эти решения видите только вы.",
    "Workspace": "Рабочее пространство",
    "your name or your team's": "ваше имя или название группы",
    "Name a workspace to record decisions and see them.":
        "Укажите рабочее пространство, чтобы записывать и видеть решения.",
    "{count} high severity": "высокой важности: {count}",
    "{shown} of {total} findings": "Замечаний: {shown} из {total}",
    "{source} ({origin}) · language {language} · {provisions} provisions · checked against the {instruments}":
        "{source} ({origin}) · язык: {language} · положений: {provisions} · проверено на соответствие: "
        "{instruments}",
}
"""The page's own words in Russian, keyed by their English (the source text of the page)."""


def say(english: str) -> str:
    """A sentence of the page in its current language."""
    return say_in(english, language())


def say_in(english: str, lang: str) -> str:
    """A sentence of the page in `lang`: for a widget's format_func, which Streamlit may call
    outside the run that drew it (the language is bound when the widget is made)."""
    return PAGE_RU.get(english, english) if lang == "ru" else english


def _both(prefix: str, keys: tuple[str, ...]) -> Localised:
    return Localised({lang: {key: tr(f"{prefix}.{key}", lang) for key in keys} for lang in ("en", "ru")})


STATUS_LABEL = _both("status", ("implemented", "partial", "missing", "not_applicable", "not_assessed"))
STATUS_SYMBOL = {"implemented": "✓", "partial": "◐", "missing": "✗", "not_applicable": "–", "not_assessed": "?"}
STATUS_COLOUR = {"implemented": "#cdebd3", "partial": "#ffe7a8", "missing": "#f6c4bf",
                 "not_applicable": "#e6e8eb", "not_assessed": "#f1f1f4"}
STATUS_BORDER = {"implemented": "#3f8f50", "partial": "#b8860b", "missing": "#b3261e",
                 "not_applicable": "#8a8f98", "not_assessed": "#a0a4ab"}

SAFEGUARD_STATES = ("present", "absent", "unknown")
SAFEGUARD_SYMBOL = {"present": "✓", "absent": "✗", "unknown": "?"}
SAFEGUARD_LABEL = _both("ui.safeguard", ("present", "absent", "unknown"))
SAFEGUARD_COLOUR = {"present": "#3f8f50", "absent": "#b3261e", "unknown": "#8a8f98"}

ELEMENT_SYMBOL = {"met": "✓", "unmet": "✗", "conflict": "⚠", "unknown": "?"}
ELEMENT_LABEL = _both("element", ("met", "unmet", "conflict", "unknown"))

CATEGORY_LABEL = _both("ui.category", CATEGORIES)
# Streamlit Markdown badges: coloured and worded, and no emoji font needed.
SEVERITY_BADGE = Localised({lang: {
    severity: f":{colour}-badge[{tr(f'severity.{severity}', lang).capitalize()}]"
    for severity, colour in (("high", "red"), ("medium", "orange"), ("low", "gray"))} for lang in ("en", "ru")})

CHAPTERS = ("Definitions", "Offences", "Procedural powers", "Safeguards", "Jurisdiction",
            "Co-operation", "Second Protocol")
_CHAPTER_OF_KIND = {
    "definition": "Definitions", "offence": "Offences", "liability": "Offences",
    "sanction": "Offences", "scope": "Procedural powers", "procedural_power": "Procedural powers",
    "safeguards": "Safeguards", "data_protection": "Safeguards", "jurisdiction": "Jurisdiction",
    "cooperation": "Co-operation", "cooperation_power": "Co-operation",
}
# Kinds that stay in their thematic chapter even for the Protocol: a reader looks for all the
# definitions, and all the conditions and safeguards, in one place.
_THEMATIC_KINDS = {"definition", "safeguards", "data_protection"}

INSTRUMENT_LABEL = _both("ui.instrument", ("BC", "SP"))


def chapter_of(requirement: Mapping[str, Any]) -> str:
    """The chapter a report requirement is shown under in the coverage matrix."""
    kind = requirement["kind"]
    if requirement["instrument"] == "SP" and kind not in _THEMATIC_KINDS:
        return "Second Protocol"
    return _CHAPTER_OF_KIND.get(kind, "Co-operation")


def humanise(identifier: str) -> str:
    """`judicial_or_independent_supervision` -> "Judicial or independent supervision"."""
    words = identifier.replace("_", " ").strip()
    return words[:1].upper() + words[1:]


def safeguard_label(safeguard_id: str) -> str:
    """A safeguard's name without the Protocol's `sp_` prefix: the Protocol's safeguards
    mirror the Convention's, and the matrix shows them in one column; the instrument is in
    the row (the power) and in the tooltip."""
    from lawcheck.engine.findings import safeguard_name

    return humanise(safeguard_name(safeguard_id.removeprefix("sp_"), language()))


def treaty_cite(requirement: Mapping[str, Any], paragraph: str | None = None) -> str:
    """"Art. 16(2) ETS 185", «п. 2 ст. 16 ETS 185»: how the page names a treaty article or paragraph."""
    return cite_in(requirement["instrument"], paragraph or requirement["article"], language())


_MARKDOWN_SPECIALS = str.maketrans({c: "\\" + c for c in "\\`*_[]<>#$~|"})


def md(text: str) -> str:
    """Text for st.markdown with Markdown's specials escaped: eIds such as
    `sec_16__subsec_2` must not turn bold, nor "$" into mathematics."""
    return str(text).translate(_MARKDOWN_SPECIALS)


def decision_badge(decision: Mapping[str, Any]) -> str:
    """A Markdown badge before a reviewer decision's note (`lawcheck.decisions.attach.decision_note`,
    which says in words what was decided): green accepted, grey dismissed, orange whenever
    the provision changed since and the reviewer should look again."""
    reviewer = tr("report.reviewer_label", language())
    if decision.get("needs_rereview"):
        return f":orange-badge[:material/history: {reviewer}]"
    if decision.get("status") == "accepted":
        return f":green-badge[:material/check: {reviewer}]"
    return f":gray-badge[:material/block: {reviewer}]"
