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
    "A decision needs a reason and the reviewer's name.":
        'Для решения нужны обоснование и имя рецензента.',
    'A later (or earlier) version of this draft, or an amending act: the Versions view shows what it '
    'changes in conformance, then in the text, word by word. An amending act is applied to the draft '
    'first.':
        'Более поздняя (или ранняя) редакция проекта либо закон о внесении изменений: на вкладке '
        '«Редакции» видно, что изменилось в соответствии договору, а затем в тексте, пословно. '
        'Изменения сначала вносятся в проект.',
    'Accept':
        'Принять',
    'Accept the finding':
        'Принять замечание',
    'Accept this finding':
        'Принять замечание',
    'Akoma Ntoso 3.0 XML, Word or text. Without an upload the page shows a draft bundled with '
    'lawcheck.':
        'Akoma Ntoso 3.0 (XML), документ Word или текст. Без загрузки показан проект из комплекта '
        'lawcheck.',
    "Articles that do not bind this State (for example the Protocol's, before it is ratified).":
        'Статьи, не обязательные для государства (например, статьи Протокола до его ратификации).',
    'Back to the review':
        'Вернуться к проверке',
    'Cancel':
        'Отмена',
    'Check only what the draft touches':
        'Проверять только затронутое проектом',
    'Close it':
        'Закрыть',
    'Decide on a group of findings':
        'Решение сразу по группе замечаний',
    'Decision':
        'Решение',
    'Decision saved: {message}':
        'Решение сохранено: {message}',
    'Decisions are kept per workspace: only sessions that use the same workspace name see them and '
    'can add to them.':
        'Решения хранятся отдельно для каждого рабочего пространства: видеть и дополнять их могут '
        'только те, кто указал то же название.',
    'Detect automatically':
        'Определить автоматически',
    'Dismiss':
        'Отклонить',
    'Dismiss the finding':
        'Отклонить замечание',
    'Dismiss this finding':
        'Отклонить замечание',
    'Drafts written for lawcheck: a complete model law, a draft with gaps, Russian drafts. Remove '
    'the upload to choose one.':
        'Проекты, подготовленные для lawcheck: полный модельный закон, проект с пробелами, проекты '
        'на русском языке. Чтобы выбрать один из них, удалите загруженный файл.',
    'English':
        'английский',
    'Every article applies':
        'Применяются все статьи',
    'Every finding on one page, grouped by treaty article, without the sidebar and buttons':
        'Все замечания на одной странице, по статьям договора, без боковой панели и кнопок',
    'Every finding, grouped by treaty article, as a PDF':
        'Все замечания по статьям договора в формате PDF',
    'Findings a reviewer dismissed (and whose provision has not changed since) are left out of the '
    'list':
        'Замечания, отклоненные рецензентом (если положение с тех пор не менялось), не показываются '
        'в списке',
    'For an amending act or an excerpt: an article it does not touch is not assessed, and a '
    'safeguard that may stand in the base text is a note, not a gap. An amending act is always read '
    'so.':
        'Для закона о внесении изменений или выдержки: не затронутые им статьи не оцениваются, а '
        'гарантия, которая может содержаться в изменяемом акте, указывается как напоминание, а не '
        'как пробел. Закон о внесении изменений всегда проверяется так.',
    'International co-operation':
        'Международное сотрудничество',
    'Leave out what this draft does not set out to do: a code of criminal procedure need not define '
    'offences.':
        'Исключите то, что проект не регулирует: например, уголовно-процессуальный кодекс не '
        'устанавливает составы преступлений.',
    'Name a workspace in the sidebar first: decisions are kept per workspace, and only that '
    'workspace sees them.':
        'Сначала укажите рабочее пространство на боковой панели: решения хранятся отдельно для '
        'каждого пространства и видны только в нем.',
    'None':
        'Нет',
    'Not applicable to this State':
        'Не применяются к государству',
    'Offences and jurisdiction':
        'Составы преступлений и юрисдикция',
    'Only those the treaty permits for each article; the elements they relax are not required of the '
    'draft.':
        'Только те, которые договор допускает по каждой статье; смягчаемые ими требования к проекту '
        'не предъявляются.',
    'Opened from a link: {name}':
        'Открыт по ссылке: {name}',
    'Parts of the treaties assessed':
        'Проверяемые разделы договоров',
    'Print from the browser (Ctrl+P) or download the PDF; this bar is not printed.':
        'Распечатайте из браузера (Ctrl+P) или скачайте PDF; эта панель не печатается.',
    'Print view (HTML)':
        'Версия для печати (HTML)',
    'Procedural powers and safeguards':
        'Процессуальные полномочия и гарантии',
    'Reason':
        'Обоснование',
    'Record the decision for all {count}':
        'Записать решение по всем ({count})',
    'Reservations and declarations made':
        'Сделанные оговорки и заявления',
    'Reviewer':
        'Рецензент',
    'Russian':
        'русский',
    'Scope of the check':
        'Объем проверки',
    'The commentary an expert edits: key recommendations, then article by article, with the reviewer '
    'decisions':
        'Комментарий для доработки экспертом: основные рекомендации, затем постатейный анализ с '
        'решениями рецензентов',
    'The decision was not saved: {error}':
        'Решение не сохранено: {error}',
    'The decisions cannot be read: {error}':
        'Не удается прочитать решения: {error}',
    'The page still shows the previous result ({name}).':
        'На странице по-прежнему показан предыдущий результат ({name}).',
    'Why, in a sentence the next reviewer and the drafter will read':
        'Почему — одним предложением для следующего рецензента и разработчика проекта',
    'Word commentary':
        'Комментарий (DOCX)',
    'Your name':
        'Ваше имя',
    'accepted':
        'принято',
    'dismissed':
        'отклонено',
    'the finding is right: the draft must change':
        'замечание обоснованно: проект нужно изменить',
    'the finding is wrong or does not apply to this draft':
        'замечание ошибочно или не относится к этому проекту',
    '{accepted} accepted · {dismissed} dismissed · {rereview} to re-review':
        'принято: {accepted} · отклонено: {dismissed} · пересмотреть: {rereview}',
    '{count} findings of this kind not yet dismissed.':
        'Неотклоненных замечаний этого вида: {count}.',
    '{count} findings: {decision} by {reviewer}':
        'Замечаний: {count} — {decision} ({reviewer})',
    '{what}: {decision} by {reviewer}':
        '{what}: {decision} ({reviewer})',
    'reservation':
        'оговорка',
    'declaration':
        'заявление',
    ' (Protocol)':
        ' (Протокол)',
    'Amending instructions not applied ({count})':
        'Не внесенные изменения ({count})',
    'Amending instructions that could not be applied: {count}. They are listed at the end of this '
    'view, and the consolidated text lacks them.':
        'Изменения, которые не удалось внести: {count}. Они перечислены в конце вкладки; в сводном '
        'тексте их нет.',
    'Art. 15 ETS 185':
        'ст. 15 ETS 185',
    'Arts 13-14 CETS 224':
        'ст. 13–14 CETS 224',
    'Chapters of the treaties, each article coloured by its status in the draft; an arrow counts the '
    "articles of one chapter that depend on, or are subject to, another's. Click an article to open "
    'it.':
        'Главы договоров; цвет статьи — ее оценка в проекте; стрелка показывает, сколько статей '
        'одной главы зависят от статей другой или подчинены им. Нажмите на статью, чтобы открыть ее.',
    'Comparison (HTML)':
        'Сравнение (HTML)',
    'Everything':
        'Все',
    'Findings ({count})':
        'Замечания ({count})',
    'Focus on':
        'Показать',
    'In {where}':
        'В: {where}',
    'No change in conformance: no finding added or resolved, no status or safeguard changed.':
        'Соответствие не изменилось: замечания не добавлены и не сняты, оценки и гарантии прежние.',
    'Picture':
        'Схема',
    'Powers':
        'Полномочия',
    'Powers and the safeguards they need: red = absent in the draft, green = present, dashed = not '
    'assessed':
        'Полномочия и необходимые гарантии: красный — нет в проекте, зеленый — есть, пунктир — не '
        'оценивалось',
    'Provisions':
        'Положения',
    'Provisions of the draft aligned to {id} ({count})':
        'Положения проекта, сопоставленные с {id} ({count})',
    'Related articles':
        'Связанные статьи',
    'Renumbered provisions ({count})':
        'Перенумерованные положения ({count})',
    'Safeguards lost':
        'Утрачено гарантий',
    'Safeguards that changed ({count})':
        'Изменившиеся гарантии ({count})',
    'Safeguards, ':
        'Гарантии, ',
    'Treaty articles whose status changed ({count})':
        'Статьи договора с изменившейся оценкой ({count})',
    'Upload a later version of this draft, or an amending act, under **Compare with another '
    'version** in the sidebar. This view then shows what it changes in conformance (findings added '
    'and resolved, safeguards lost or gained), then in the text, word by word.':
        'Загрузите более позднюю редакцию проекта или закон о внесении изменений в поле **Сравнить с '
        'другой редакцией** на боковой панели. Здесь появится, что меняется в соответствии договору '
        '(новые и снятые замечания, утраченные и добавленные гарантии), а затем в тексте, пословно.',
    'What the article requires, element by element':
        'Требования статьи по элементам',
    'lawcheck applies every instruction it can and skips none silently: these it could not apply, so '
    'the comparison above does not include them. Check each against the base act.':
        'lawcheck вносит все изменения, какие может, и ни одно не пропускает молча: эти внести не '
        'удалось, поэтому сравнение выше их не учитывает. Проверьте каждое по изменяемому акту.',
    '{count} gained':
        'добавлено: {count}',
    '{focus} and the articles it is linked to: dashed = subject to, dotted = depends on, blue = '
    'mirrors; fill = status in the draft':
        '{focus} и связанные статьи: пунктир — подчинена, точки — зависит, синий — соответствует; '
        'заливка — оценка в проекте',
    '{new} is an amending act: instructions applied to {old}: {count}; the consolidated text is '
    'compared with it.':
        '{new} — закон о внесении изменений; в {old} внесено изменений: {count}; сравнивается '
        'сводный текст.',
    '{old} ({before} provisions) → {new} ({after} provisions)':
        '{old} (положений: {before}) → {new} (положений: {after})',
    '{old} as amended by {new}':
        '{old} с изменениями, внесенными {new}',
    'Structure of the draft': 'Структура проекта',
    "Implemented": "Реализовано",
    "Partly": "Частично",
    "Missing": "Не реализовано",
    "Not applicable": "Не применимо",
    "Not assessed": "Не оценивалось",
    'Added provisions ({count})':
        'Добавленные положения ({count})',
    'Removed provisions ({count})':
        'Исключенные положения ({count})',
    'Obligation':
        'обязательство',
    'a power here lacks a safeguard':
        'у полномочия здесь нет гарантии',
    'absent':
        'отсутствует',
    'present':
        'имеется',
    'unknown':
        'не оценивалось',
    'conditions and safeguards':
        'условия и гарантии',
    'contradicts the treaty':
        'противоречит договору',
    'corporate liability':
        'ответственность юридических лиц',
    'cross-reference':
        'отсылка',
    'definition':
        'определение',
    'depends on':
        'зависит от',
    'depends on {id}':
        'зависит от {id}',
    'general principles':
        'общие принципы',
    'implements an article':
        'реализует статью',
    'international co-operation':
        'международное сотрудничество',
    'jurisdiction':
        'юрисдикция',
    'matched concept':
        'найденное понятие',
    'mirrors {id}':
        'соответствует {id}',
    'negated (counts against)':
        'с отрицанием (говорит против)',
    'no treaty article':
        'не сопоставлено со статьей договора',
    'offence':
        'состав преступления',
    'partly implements an article':
        'частично реализует статью',
    'period or number':
        'срок или число',
    'procedural power':
        'процессуальное полномочие',
    'protection of personal data':
        'защита персональных данных',
    'sanctions':
        'санкции',
    'scope of procedural provisions':
        'сфера применения процессуальных норм',
    'subject to':
        'подчинена',
    'subject to {id}':
        'подчинена {id}',
    'co-operation measure':
        'мера сотрудничества',
    'actor or authority':
        'субъект или орган',
    'Powers and their safeguards':
        'Полномочия и их гарантии',
    'All articles and their dependencies':
        'Все статьи и связи между ними',
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
