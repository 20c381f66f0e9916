"""The words of the interface in English and Russian, chosen by the draft's language.

A typed catalog in Python rather than gettext files: two languages, no build step, and a test
can check that every entry has both. Rule texts (messages, help, titles) are not here: they
live with their rules in `rules/*.yaml`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

LANGUAGES = ("en", "ru")

CATALOG: dict[str, tuple[str, str]] = {
    # findings
    "finding.missing": ("No provision of the draft implements {cite} ({title}).",
                        "Ни одно положение проекта не реализует {cite} ({title})."),
    "finding.safeguard": ("The power in {where} ({title}) has no {safeguard}",
                          "Для полномочия «{title}» ({where}) не предусмотрена гарантия: {safeguard}"),
    "finding.safeguard_excluded": ("; the draft dispenses with it ({quoted})",
                                   "; проект прямо исключает ее ({quoted})"),
    "finding.safeguard_partly": ("The power in {where} ({title}) has only part of the {safeguard} ({quoted})",
                                 "Для полномочия «{title}» ({where}) гарантия «{safeguard}» предусмотрена "
                                 "лишь отчасти ({quoted})"),
    "finding.authorities": ("; the text names {authorities}", "; текст называет: {authorities}"),
    "finding.not_independent": (
        " (an authority of the prosecution or investigation is not independent supervision)",
        " (орган уголовного преследования или расследования не является независимым органом контроля)"),
    "finding.the_draft": ("the draft", "тексте проекта"),
    "finding.base_text": (
        "Not assessed: the draft amends another act (or is an excerpt), and this condition may stand in the "
        "base text's general rules. Check it there; if it is absent, add it.",
        "Не оценивалось: проект вносит изменения в другой акт (или представляет собой выдержку), и это условие "
        "может содержаться в общих нормах изменяемого акта. Проверьте его там; если его нет, дополните."),
    "finding.option": (" The treaty permits this; it does not require it.",
                       " Договор допускает это, но не требует."),
    # graduated supervision (who authorises, urgency)
    "level.judicial": ("a judge", "судья"),
    "level.prosecutor": ("a prosecutor", "прокурор"),
    "level.investigator": ("the investigating authority", "орган расследования"),
    "level.executive": ("the executive", "орган исполнительной власти"),
    "level.other": ("an authority", "иной орган"),
    "level_of.judicial": ("a judge", "судьи"),
    "level_of.prosecutor": ("a prosecutor", "прокурора"),
    "level_of.investigator": ("the investigating authority", "органа расследования"),
    "level_of.executive": ("the executive", "органа исполнительной власти"),
    "gap.who": ("“{authority}” ({level})", "«{authority}» ({level})"),
    "gap.unnamed": ("an authority the clause does not name", "орган, не названный в норме"),
    "gap.no_period": ("no stated period", "срок не указан"),
    "gap.authority": ("{where}: the power ({title}) is used on the decision of {who}; for this measure {cite} "
                      "calls for {expects}",
                      "{where}: решение о применении меры «{title}» принимает {who}; для такой меры {cite} "
                      "предполагает санкцию {expects}"),
    "gap.unstated": ("{where}: the text does not say who decides to use the power ({title}); for this measure "
                     "{cite} calls for {expects}.",
                     "{where}: норма не определяет, кто принимает решение о применении меры «{title}»; для такой "
                     "меры {cite} предполагает санкцию {expects}."),
    "gap.prosecutor": (" (a prosecutor who directs or supervises the investigation is not regarded as independent)",
                       " (прокурор, руководящий расследованием или надзирающий за ним, не считается "
                       "независимым органом)"),
    "gap.urgency": ("{where}: in urgency {who} may use the power without a judge ({period}), and no judge "
                    "validates the measure afterwards within a fixed short time.",
                    "{where}: в случаях, не терпящих отлагательства, {who} вправе применить меру без санкции "
                    "судьи ({period}), а последующая проверка ее законности судом в короткий установленный "
                    "срок не предусмотрена."),
    "gap.validation_late": ("{where}: the urgent measure by {who} is validated by a judge only within {within}; "
                            "48 hours is the usual benchmark.",
                            "{where}: законность неотложной меры, примененной без санкции ({who}), проверяется "
                            "судьей лишь в течение {within}; общепринятый ориентир — 48 часов."),
    "gap.refusal": ("{where}: the urgent measure by {who} is validated by a judge, but the text does not say "
                    "that on refusal the measure stops, the data is destroyed and it cannot be used as evidence.",
                    "{where}: законность неотложной меры ({who}) проверяется судьей, однако текст не "
                    "устанавливает, что при отказе мера прекращается, а полученные данные уничтожаются и не "
                    "могут использоваться в качестве доказательств."),
    "gap_help.authority": (
        "Require prior authorisation by a judge (for example the investigating judge) for this measure, or by "
        "a body independent of the executive and of the investigation.",
        "Предусмотреть для данной меры предварительную санкцию судьи (например, следственного судьи) либо "
        "органа, независимого от исполнительной власти и от органов расследования."),
    "gap_help.urgency": (
        "Confine the urgent procedure to a narrow trigger and a short period, require the investigating judge "
        "to be seized within 24 hours and to decide within 48 hours, and provide that on refusal the measure "
        "stops and the data is destroyed and cannot be used.",
        "Ограничить неотложный порядок узко определенными основаниями и коротким сроком, обязать уведомлять "
        "следственного судью в течение 24 часов, а его — принимать решение в течение 48 часов, и "
        "предусмотреть, что при отказе мера прекращается, а полученные данные уничтожаются и не могут "
        "использоваться."),
    "gap_help.urgency_validation": (
        "Shorten the time within which the judge must confirm the urgent measure to 48 hours at most.",
        "Сократить срок, в течение которого судья проверяет законность неотложной меры, до 48 часов."),
    "gap_help.urgency_refusal": (
        "State that if the judge does not confirm the urgent measure it stops at once, the data obtained is "
        "destroyed and it cannot be used as evidence.",
        "Указать, что при отказе судьи признать неотложную меру законной она немедленно прекращается, "
        "полученные данные уничтожаются и не могут использоваться в качестве доказательств."),
    "finding.conflict_quote": ("the draft says {quoted}", "в проекте: {quoted}"),
    "finding.safeguard_cites": ("{framework}, applied by {power}", "{framework} применительно к {power}"),
    "finding.dangling": ("“{text}” refers to a provision the draft does not have.",
                         "«{text}» отсылает к положению, которого в проекте нет."),
    "finding.dangling_help": ("Correct the cross-reference or add the provision it points to.",
                              "Исправьте отсылку или дополните проект положением, к которому она отсылает."),
    "finding.duplicate": ("“{term}” is defined {count} times.",
                          "Термин «{term}» определен в проекте неоднократно ({count})."),
    "finding.duplicate_help": ("Keep one definition, or make sure the wordings agree.",
                               "Оставьте одно определение или согласуйте их формулировки."),
    "and": (" and ", " и "),
    # authorities named by the draft
    "authority.a court or judge": ("a court or judge", "суд или судья"),
    "authority.a prosecutor": ("a prosecutor", "прокурор"),
    "authority.an investigator or police officer": ("an investigator or police officer",
                                                    "следователь или сотрудник органа внутренних дел"),
    # treaty citations
    "treaty.BC": ("ETS 185", "ETS 185"),
    "treaty.SP": ("CETS 224", "CETS 224"),
    "instrument.BC": ("Convention on Cybercrime (ETS No. 185)",
                      "Конвенция о киберпреступности (ETS № 185)"),
    "instrument.SP": ("Second Additional Protocol (CETS No. 224)",
                      "Второй дополнительный протокол (CETS № 224)"),
    # categories, statuses, severities
    "category.conflict": ("Conflicts with the treaty", "Противоречия договору"),
    "category.missing_safeguard": ("Missing safeguards", "Отсутствующие гарантии"),
    "category.missing_power": ("Missing powers", "Отсутствующие полномочия"),
    "category.missing_offence": ("Missing offences", "Отсутствующие составы преступлений"),
    "category.missing_cooperation": ("Missing co-operation", "Отсутствующие нормы о сотрудничестве"),
    "category.missing_definition": ("Missing definitions", "Отсутствующие определения"),
    "category.partial": ("Unmet elements of articles", "Невыполненные элементы статей"),
    "category.consistency": ("Consistency of the draft", "Внутренняя согласованность проекта"),
    "status.implemented": ("Implemented", "Реализовано"),
    "status.partial": ("Partly implemented", "Реализовано частично"),
    "status.missing": ("Missing", "Не реализовано"),
    "status.not_applicable": ("Not applicable", "Не применимо"),
    "status.not_assessed": ("Not assessed (depends on the base text)",
                            "Не оценивалось (зависит от текста изменяемого акта)"),
    "element.met": ("met", "выполнено"),
    "element.unmet": ("not met", "не выполнено"),
    "element.conflict": ("contradicts the treaty", "противоречит договору"),
    "element.unknown": ("not assessed", "не оценивалось"),
    "safeguard.present": ("present", "имеется"),
    "safeguard.absent": ("absent", "отсутствует"),
    "safeguard.unknown": ("not assessed", "не оценивается"),
    "severity.high": ("high", "высокая"),
    "severity.medium": ("medium", "средняя"),
    "severity.low": ("low", "низкая"),
    "severity_short.high": ("H", "В"),
    "severity_short.medium": ("M", "С"),
    "severity_short.low": ("L", "Н"),
    # safeguard names
    "sg.judicial_or_independent_supervision": ("judicial or other independent supervision",
                                               "судебный или иной независимый контроль"),
    "sg.grounds_justifying_application": ("grounds justifying application",
                                          "основания применения"),
    "sg.limitation_of_scope_and_duration": ("limitation of scope and duration",
                                            "ограничение пределов и срока применения"),
    "sg.proportionality": ("proportionality", "соразмерность"),
    "sg.human_rights_protection": ("protection of human rights", "защита прав человека"),
    "sg.third_party_interests": ("interests of third parties", "интересы третьих лиц"),
    "sg.remedy": ("a remedy", "право на обжалование"),
    "sg.sp_judicial_or_independent_supervision": ("judicial or other independent supervision",
                                                  "судебный или иной независимый контроль"),
    "sg.sp_grounds_justifying_application": ("grounds justifying application", "основания применения"),
    "sg.sp_limitation_of_scope_and_duration": ("limitation of scope and duration",
                                               "ограничение пределов и срока применения"),
    "sg.sp_proportionality": ("proportionality", "соразмерность"),
    "sg.sp_human_rights_protection": ("protection of human rights", "защита прав человека"),
    "sg.purpose_and_use_limitation": ("limits on purpose and use", "ограничение целей и использования"),
    "sg.data_quality_and_integrity": ("quality and integrity of data", "качество и целостность данных"),
    "sg.sensitive_data_safeguards": ("safeguards for sensitive data",
                                     "гарантии для специальных категорий данных"),
    "sg.retention_periods": ("retention periods", "сроки хранения"),
    "sg.automated_decision_safeguards": ("safeguards against automated decisions",
                                         "гарантии при автоматизированных решениях"),
    "sg.data_security": ("data security", "безопасность данных"),
    "sg.breach_notification": ("notice of security incidents", "уведомление об инцидентах безопасности"),
    "sg.records_of_processing": ("records of processing", "учет обработки"),
    "sg.onward_sharing_within_party": ("limits on onward sharing at home",
                                       "ограничение последующей передачи внутри государства"),
    "sg.onward_transfer_authorisation": ("authorisation of onward transfers abroad",
                                         "согласие на последующую передачу за рубеж"),
    "sg.transparency_and_notice": ("transparency and notice", "прозрачность и уведомление"),
    "sg.access_and_rectification": ("access and rectification", "доступ и исправление"),
    "sg.judicial_and_non_judicial_remedies": ("judicial and non-judicial remedies",
                                              "судебные и внесудебные средства правовой защиты"),
    "sg.independent_data_protection_oversight": ("independent oversight of data protection",
                                                 "независимый надзор за защитой данных"),
    # report
    "report.headline": ("{title}  ({language}, {provisions} provisions, checked against {instruments})",
                        "{title}  ({language}, положений: {provisions}, проверено на соответствие {instruments})"),
    "report.counts": ("implemented {implemented}   partial {partial}   missing {missing}   "
                      "not applicable {not_applicable}   not assessed {not_assessed}   "
                      "findings {findings} ({high} high)",
                      "реализовано {implemented}   частично {partial}   не реализовано {missing}   "
                      "не применимо {not_applicable}   не оценивалось {not_assessed}   "
                      "замечаний {findings} (высокой важности: {high})"),
    "report.review": ("reviewer decisions ({database}): {accepted} accepted, {dismissed} dismissed, "
                      "{rereview} to re-review",
                      "решения рецензентов ({database}): принято {accepted}, отклонено {dismissed}, "
                      "к повторному рассмотрению {rereview}"),
    "report.more": ("... and {count} more (--format md or html for all)",
                    "... и еще {count} (полный перечень — в отчете Markdown или HTML: --format md, --format html)"),
    "report.matrix": ("Article by article (+ implemented, ~ partial, - missing, ? not assessed)",
                      "По статьям (+ реализовано, ~ частично, - не реализовано, ? не оценивалось)"),
    "report.reviewer": ("reviewer", "рецензент"),
    "report.title": ("lawcheck report", "Отчет lawcheck"),
    "report.by_article": ("Article by article", "Постатейный анализ"),
    "report.col.article": ("Article", "Статья"),
    "report.col.title": ("Title", "Название"),
    "report.col.obligation": ("Obligation", "Обязательство"),
    "report.col.status": ("Status", "Оценка"),
    "report.col.provisions": ("Provisions", "Положения проекта"),
    "report.col.elements": ("Elements", "Элементы"),
    "report.col.safeguards": ("Safeguards", "Гарантии"),
    "report.in": (" in ", ", "),
    "report.what_to_change": ("What to change", "Что изменить"),
    "report.suggested": ("Suggested wording", "Предлагаемая редакция"),
    "report.evidence": ("Evidence", "Основание в тексте"),
    "report.reviewer_label": ("Reviewer", "Рецензент"),
    "report.with_evidence": ("Provisions cited, with the evidence",
                             "Положения проекта, на которые есть ссылки, с выделенным текстом"),
    "report.negated": ("negated", "с отрицанием"),
    "lang.en": ("English", "английский"),
    "lang.ru": ("Russian", "русский"),
    "action.insert": ("insert", "дополнить"),
    "action.replace": ("replace", "изложить в редакции"),
    "report.not_a_law": (
        "This text does not look like a law: no articles, sections or numbered provisions, {words} words and "
        "little or no wording of duties or powers; the findings assume it is one.",
        "Текст не похож на закон: в нем нет статей, разделов или пронумерованных положений, слов — {words}, "
        "почти нет формулировок обязанностей или полномочий; замечания исходят из того, что это закон."),
    "report.warning": ("Warning", "Внимание"),
    "report.contents": ("Contents", "Содержание"),
    "report.in_articles": ("{count}, in {articles} article(s)", "{count}, статей: {articles}"),
    # reviewer decisions
    "decision.accepted": ("Accepted", "Принято"),
    "decision.dismissed": ("Dismissed", "Отклонено"),
    "decision.who": ("{status} by {reviewer} on {date}: {reason}", "{status} ({reviewer}, {date}): {reason}"),
    "decision.rereview": ("Re-review: the provision changed materially since this decision. {who}",
                          "Требуется повторное рассмотрение: положение существенно изменилось после решения. {who}"),
    "decision.confirm": ("{who} (the provision has changed slightly since: please confirm)",
                         "{who} (положение с тех пор незначительно изменилось: подтвердите решение)"),
    "decision.kept": ("Kept for workspace {workspace}, shared by every version of this draft and by "
                      "`lawcheck review FILE --workspace \"{workspace}\"`.",
                      "Хранятся в рабочем пространстве {workspace}, общие для всех редакций проекта и для "
                      "`lawcheck review ФАЙЛ --workspace \"{workspace}\"`."),
    # Word commentary
    "doc.title": ("Commentary on the {title}", "Заключение по проекту: {title}"),
    "doc.props_title": ("Commentary: {title}", "Заключение: {title}"),
    "doc.conformity": ("Conformity with {instruments}", "Соответствие: {instruments}"),
    "doc.keywords": ("Budapest Convention; Second Additional Protocol; electronic evidence",
                     "Будапештская конвенция; Второй дополнительный протокол; электронные доказательства"),
    "doc.footer": ("lawcheck commentary · page ", "Заключение lawcheck · стр. "),
    "doc.draft": ("Draft", "Проект"),
    "doc.dated": ("Draft dated", "Дата проекта"),
    "doc.not_stated": ("not stated", "не указана"),
    "doc.language": ("Language of the draft", "Язык проекта"),
    "doc.provisions": ("Provisions", "Число структурных единиц"),
    "doc.prepared": ("Commentary prepared", "Дата заключения"),
    "doc.method": (
        "This commentary was prepared with lawcheck {version}, which matches the provisions of the draft "
        "to the obligations of the treaties by their legal concepts, terms, periods and references. Each "
        "assessment is a starting point for the expert: the last column of the article-by-article table "
        "holds the reviewer's decision on each finding, or is left empty for the expert's comment.",
        "Заключение подготовлено с помощью lawcheck {version}: положения проекта сопоставлены с "
        "обязательствами по договорам по правовым понятиям, терминам, срокам и отсылкам. Каждая оценка "
        "служит отправной точкой для эксперта: в последней графе постатейной таблицы приводится решение "
        "рецензента по каждому замечанию либо оставляется место для комментария эксперта."),
    "doc.findings": ("Findings", "Замечания"),
    "doc.findings_count": ("{count} ({high} high)", "{count} (высокой важности: {high})"),
    "doc.decisions": ("Reviewer decisions", "Решения рецензентов"),
    "doc.decisions_count": ("{accepted} accepted, {dismissed} dismissed, {rereview} to re-review",
                            "принято {accepted}, отклонено {dismissed}, к повторному рассмотрению {rereview}"),
    "doc.key": ("Key recommendations", "Основные рекомендации"),
    "doc.dismissed_note": ("{count} high-severity finding(s) dismissed by reviewers are not listed here; "
                           "they remain in the table with the reviewer's reason.",
                           "Замечания высокой важности, отклоненные рецензентами ({count}), здесь не приводятся; "
                           "они сохраняются в таблице с указанием мотивов рецензента."),
    "doc.no_high": ("The check raised no high-severity finding.",
                    "Замечаний высокой важности проверка не выявила."),
    "doc.no_provision": ("no provision of the draft", "положение в проекте отсутствует"),
    "doc.table": ("Article-by-article assessment", "Постатейная оценка"),
    "doc.other": ("Other findings on the draft", "Иные замечания по проекту"),
    "doc.col.article": ("Treaty article", "Статья договора"),
    "doc.col.provisions": ("Provisions of the draft", "Положения проекта"),
    "doc.col.assessment": ("Assessment", "Оценка"),
    "doc.col.findings": ("Findings", "Замечания"),
    "doc.col.recommendation": ("Recommendation", "Рекомендация"),
    "doc.col.comment": ("Reviewer comment", "Комментарий рецензента"),
    "doc.col.provisions_short": ("Provisions", "Положения"),
    "doc.col.finding": ("Finding", "Замечание"),
    "doc.none_found": ("No provision of the draft found.", "Соответствующих положений в проекте не найдено."),
    "doc.matched": ("Matched: ", "Совпадения: "),
    "doc.more": ("{count} more: ", "Еще {count}: "),
    "doc.no_change": ("No change recommended.", "Изменений не требуется."),
    "doc.sg_state.present": ("Safeguards present: ", "Имеющиеся гарантии: "),
    "doc.sg_state.absent": ("Safeguards absent: ", "Отсутствующие гарантии: "),
    "doc.sg_state.unknown": ("Safeguards not assessed: ", "Гарантии, которые не оценивались: "),
    # the review page
    "ui.safeguard.present": ("present in the draft", "предусмотрена в проекте"),
    "ui.safeguard.absent": ("absent from the draft", "в проекте отсутствует"),
    "ui.safeguard.unknown": ("not assessed (the draft does not grant the power)",
                             "не оценивалась (проект не предусматривает полномочия)"),
    "ui.category.conflict": ("Contradicts the treaty", "Противоречит договору"),
    "ui.category.missing_safeguard": ("Missing safeguard", "Отсутствует гарантия"),
    "ui.category.missing_power": ("Missing power", "Отсутствует полномочие"),
    "ui.category.missing_offence": ("Missing offence", "Отсутствует состав преступления"),
    "ui.category.missing_cooperation": ("Missing co-operation", "Отсутствует норма о сотрудничестве"),
    "ui.category.missing_definition": ("Missing definition", "Отсутствует определение"),
    "ui.category.partial": ("Unmet element", "Невыполненный элемент"),
    "ui.category.consistency": ("Draft consistency", "Согласованность проекта"),
    "ui.instrument.BC": ("Convention (ETS 185)", "Конвенция (ETS 185)"),
    "ui.instrument.SP": ("Second Protocol (CETS 224)", "Второй протокол (CETS 224)"),
    "ui.open": ("Open {label}", "Открыть: {label}"),
    "ui.open_help": ("Show the text of {label} ({eid}) with the evidence highlighted",
                     "Показать текст: {label} ({eid}), с выделением найденных слов"),
    "ui.article": ("Article {id}", "Статья {id}"),
    "ui.article_help": ("Show treaty article {id} and how the draft meets it",
                        "Показать статью договора {id} и ее реализацию в проекте"),
    "ui.treaty": ("Treaty", "Договор"),
    "ui.code": ("Code", "Код"),
    "ui.interface_language": ("Language of the review", "Язык интерфейса"),
    "ui.interface_auto": ("The draft's", "Как у проекта"),
    "ui.view.overview": ("Overview", "Обзор"),
    "ui.view.findings": ("Findings", "Замечания"),
    "ui.view.clauses": ("Clauses", "Положения проекта"),
    "ui.view.articles": ("Articles", "Статьи договора"),
    "ui.view.versions": ("Versions", "Редакции"),
    "ui.view.graph": ("Rule graph", "Граф требований"),
    "ui.view.print": ("Print view", "Версия для печати"),
    "ui.force.obligation": ("obligation of the treaty", "обязательство по договору"),
    "ui.force.option": ("option the treaty leaves to the Party", "право выбора, предоставленное договором"),
    "ui.force.good_practice": ("good practice", "рекомендуемая практика"),
    "ui.print.force": ("Force", "Характер требования"),
    "ui.link.bad": ("The link does not name a draft in a form lawcheck reads; the page shows a bundled draft.",
                    "Ссылка не указывает на проект в понятном lawcheck виде; показан проект из комплекта."),
    "ui.link.unknown": ("The draft this link names is not kept on this server for this workspace (it may have "
                        "been uploaded in another workspace, or removed). Upload it again to review it.",
                        "Проект, на который указывает ссылка, не хранится на этом сервере для этого рабочего "
                        "пространства (возможно, он загружен в другом пространстве или удален). Загрузите его "
                        "снова, чтобы продолжить проверку."),
    "ui.link.not_kept": ("This draft could not be kept on the server, so a link to it will not open it elsewhere.",
                         "Этот проект не удалось сохранить на сервере: ссылка на него не откроет его в другом окне."),
    "ui.link.finding": ("Link to this finding", "Ссылка на это замечание"),
    "ui.link.help": ("Opens this finding in a new tab; copy the address to share it with a colleague on this "
                     "server", "Открывает замечание в новой вкладке; скопируйте адрес, чтобы передать его коллеге, "
                     "работающему на этом сервере"),
    "ui.link.linked": ("The finding this link points at", "Замечание, на которое указывает ссылка"),
    "ui.link.gone": ("The finding this link points at is not raised for this draft with these options.",
                     "Замечание, на которое указывает ссылка, для этого проекта с выбранными параметрами не "
                     "выявлено."),
    "ui.print.meta": ("{source} · {count} findings · checked against the {instruments}",
                      "{source} · замечаний: {count} · проверено на соответствие: {instruments}"),
    "ui.print.none": ("No findings: the engine found nothing to change.",
                      "Замечаний нет: изменений в проекте не требуется."),
    "ui.print.other": ("The draft's own consistency", "Внутренняя согласованность проекта"),
    # lawcheck diff
    "diff.amendment": ("Amending act {source}: {applied} instruction(s) applied, {problems} not applied",
                       "Изменяющий акт {source}: применено изменений — {applied}, не применено — {problems}"),
    "diff.conformance": ("Conformance: {added} new finding(s) ({high} high), {resolved} resolved; {requirements} "
                         "requirement status(es) and {safeguards} safeguard(s) changed",
                         "Соответствие: новых замечаний {added} (высокой важности: {high}), снято {resolved}; "
                         "изменилась оценка статей: {requirements}, гарантий: {safeguards}"),
    "diff.text": ("Text: {added} added, {removed} removed, {changed} changed",
                  "Текст: добавлено {added}, исключено {removed}, изменено {changed}"),
    "diff.new": ("New findings", "Новые замечания"),
    "diff.resolved": ("Resolved findings", "Снятые замечания"),
    "diff.safeguards": ("Safeguards changed", "Изменения гарантий"),
    "diff.statuses": ("Requirement statuses changed", "Изменения оценки статей"),
    "diff.changed": ("Changed provisions", "Измененные положения"),
    "diff.added": ("Added provisions", "Добавленные положения"),
    "diff.removed": ("Removed provisions", "Исключенные положения"),
    "diff.not_applied": ("Amending instructions not applied", "Неприменённые изменения"),
    "diff.none": ("No difference in text or conformance.", "Различий в тексте и в оценке соответствия нет."),
    "diff.conformance_changes": ("Conformance changes", "Изменения в оценке соответствия"),
    "diff.no_conformance_change": ("No requirement status or safeguard changed.",
                                   "Оценка статей и гарантий не изменилась."),
    "diff.col.requirement": ("Requirement", "Статья договора"),
    "diff.col.what": ("What", "Что"),
    "diff.col.before": ("Before", "Было"),
    "diff.col.after": ("After", "Стало"),
    "diff.amending_act": ("Amending act {source}", "Изменяющий акт {source}"),
    "diff.applied": ("{applied} instruction(s) applied, {problems} not applied.",
                     "Применено изменений: {applied}, не применено: {problems}."),
    # element details in words
    "detail.found": ("found in the draft: {quoted}", "в тексте проекта: {quoted}"),
    "detail.not_found": ("not found in the draft", "в проекте не найдено"),
    "detail.unknown": ("not assessed: the draft does not contain the measure",
                       "не оценивалось: проект не содержит соответствующей меры"),
    "detail.period": ("the draft states {found}; the treaty sets {bound}",
                      "в проекте указан срок {found}; договор устанавливает {bound}"),
    "detail.no_period": ("the draft states no period", "в проекте срок не указан"),
    "finding.no_period": ("{where} states no period for the measure, while {cite} sets {bound}.",
                          "В {where} не указан срок применения меры, тогда как {cite} устанавливает срок {bound}."),
    "bound.max": ("at most {period}", "не более {period}"),
    "bound.min": ("at least {period}", "не менее {period}"),
    "bound.join": (" and ", " и "),
}


def tr(key: str, lang: str, **values: Any) -> str:
    """The catalog entry in `lang` (English when the language is not one we write), filled."""
    english, russian = CATALOG[key]
    text = russian if lang == "ru" else english
    return text.format(**values) if values else text


def tr_map(prefix: str, lang: str) -> Mapping[str, str]:
    """Every entry under `prefix.` as {suffix: text}: statuses, categories, severities."""
    return {key[len(prefix) + 1:]: tr(key, lang) for key in CATALOG if key.startswith(prefix + ".")}


def ui_language(requested: str | None, draft_language: str) -> str:
    """`--ui-lang auto` follows the draft: Russian for a Russian draft, English otherwise."""
    if requested in LANGUAGES:
        return str(requested)
    return "ru" if draft_language == "ru" else "en"


def treaty_cite(instrument: str, paragraph: str, lang: str) -> str:
    """`Art. 16(2) ETS 185`, «п. 2 ст. 16 ETS 185»: treaty articles divide into paragraphs
    (пункты) and sub-paragraphs (подпункты)."""
    treaty = tr(f"treaty.{instrument}", lang)
    if lang != "ru":
        return f"Art. {paragraph} {treaty}"
    article, *rest = paragraph.replace(")", "").split("(")
    words = [f"ст. {article}"]
    if rest:
        words.insert(0, f"п. {rest[0]}")
    if len(rest) > 1:
        words.insert(0, f"подп. «{rest[1]}»")
    return " ".join(words) + f" {treaty}"


_ISO_PART = re.compile(r"(\d+)([YMWDH])")
_UNITS_EN = {"Y": ("year", "years"), "M": ("month", "months"), "W": ("week", "weeks"),
             "D": ("day", "days"), "H": ("hour", "hours")}
_UNITS_RU = {"Y": ("год", "года", "лет"), "M": ("месяц", "месяца", "месяцев"),
             "W": ("неделя", "недели", "недель"), "D": ("сутки", "суток", "суток"),
             "H": ("час", "часа", "часов")}


def russian_plural(number: int, forms: tuple[str, str, str]) -> str:
    """The form of a Russian noun after a number: 1 год, 2 года, 5 лет, 21 год, 11 лет."""
    if number % 10 == 1 and number % 100 != 11:
        return forms[0]
    if 2 <= number % 10 <= 4 and not 12 <= number % 100 <= 14:
        return forms[1]
    return forms[2]


def period_words(iso: str, lang: str, *, genitive: bool = False) -> str:
    """An ISO 8601 duration as a drafter writes it: P90D -> "90 days", «90 суток»; after
    «не более» the genitive: «не более 1 года», «не более 48 часов»."""
    parts = []
    for value, unit in _ISO_PART.findall(iso.replace("T", "")):
        number = int(value)
        if lang == "ru":
            forms = _UNITS_RU[unit]
            if genitive:
                word = forms[1] if number % 10 == 1 and number % 100 != 11 else forms[2]
            else:
                word = russian_plural(number, forms)
            parts.append(f"{number} {word}")
        else:
            parts.append(f"{number} {_UNITS_EN[unit][number != 1]}")
    return " ".join(parts) or iso
