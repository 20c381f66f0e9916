"""Which provisions carry an obligation: requirements a law spreads over many provisions."""

from __future__ import annotations

from conftest import akn_xml

from lawcheck.akn import parse_document
from lawcheck.pipeline import check_document

OFFENCES = [
    ("Illegal access", "intentionally accesses the whole or any part of a computer system without right"),
    ("Illegal interception", "intentionally intercepts without right, by technical means, non-public "
                             "transmissions of computer data"),
    ("Data interference", "intentionally damages, deletes, deteriorates, alters or suppresses computer data "
                          "without right"),
    ("System interference", "intentionally and without right seriously hinders the functioning of a computer "
                            "system by inputting or deleting computer data"),
    ("Computer-related forgery", "intentionally and without right inputs, alters or deletes computer data, "
                                 "resulting in inauthentic data with the intent that it be acted upon as if "
                                 "it were authentic"),
    ("Computer-related fraud", "intentionally and without right causes a loss of property to another person "
                               "by any input, alteration or deletion of computer data with fraudulent intent "
                               "of procuring an economic benefit"),
]


def _units(rows: list[tuple[str, str, str]], *, russian: bool = False) -> str:
    """Sections (or Russian articles) of one paragraph each, from (number, heading, text)."""
    element, prefix, word = ("article", "art", "Статья ") if russian else ("section", "sec", "")
    return "".join(f'<{element} eId="{prefix}_{n}"><num>{word}{n}.</num><heading>{h}</heading><content><p>{t}</p>'
                   f"</content></{element}>" for n, h, t in rows)


def _offence(number: int, heading: str, conduct: str, years: int) -> str:
    return (f'<section eId="sec_{number}"><num>{number}.</num><heading>{heading}</heading>'
            f'<content><p>A person who {conduct} commits an offence and is liable on conviction to imprisonment '
            f"for a term not exceeding {years} years or to a fine.</p></content></section>")


def test_sanctions_are_reported_in_every_offence_that_carries_them() -> None:
    """Art. 13 is implemented in the penalty of each offence: every offence article found for
    Arts 2-11 is reported for it, however many, not a few of them cut in document order."""
    body = "".join(_offence(n, f"{heading} ({variant})", conduct, 3 + variant)
                   for variant in (1, 2, 3) for n, (heading, conduct) in
                   [(10 * variant + i, o) for i, o in enumerate(OFFENCES, start=1)])
    report = check_document(parse_document(akn_xml(body), "draft.xml"), lang="en").report
    requirements = {r["id"]: r for r in report["requirements"]}
    offence_articles = {p["eId"] for rid in ("BC-2", "BC-3", "BC-4", "BC-5", "BC-7", "BC-8")
                        for p in requirements[rid]["provisions"]}
    sanctioned = {p["eId"] for p in requirements["BC-13"]["provisions"]}
    assert len(offence_articles) > 12
    assert offence_articles <= sanctioned


def _power(number: int, heading: str, text: str) -> str:
    return (f'<section eId="sec_{number}"><num>{number}.</num><heading>{heading}</heading>'
            f"<content><p>{text}</p></content></section>")


def _requirement(report: dict, rid: str) -> dict:
    return next(r for r in report["requirements"] if r["id"] == rid)


def _cited(report: dict, rid: str) -> list[str]:
    """The provisions reported for a requirement, in the report's order."""
    return [p["eId"] for p in _requirement(report, rid)["provisions"]]


def _definitions_article(open_tag: str, close_tag: str, entries: list[str]) -> str:
    """An interpretation article whose content holds one paragraph per entry."""
    return open_tag + "<content>" + "".join(f"<p>{e}</p>" for e in entries) + "</content>" + close_tag


def test_the_conditions_of_article_15_are_read_in_the_article_granting_each_power() -> None:
    """Art. 15 binds each power: the article granting each power is a principal provision for
    it, whatever the report cut keeps of the other candidates (here, one)."""
    from lawcheck.engine.align import Cut

    body = "".join([
        _power(22, "Search and seizure", "A judge may issue a warrant to search a computer system and seize "
                                         "specified computer data, valid for not more than thirty days."),
        _power(23, "Interception", "A judge may authorise a police officer to intercept the content of specified "
                                   "communications for not more than thirty days."),
    ])
    report = check_document(parse_document(akn_xml(body), "draft.xml"), lang="en", cut=Cut(0.0, 1)).report
    requirements = {r["id"]: r for r in report["requirements"]}
    granting = {requirements[rid]["provisions"][0]["eId"] for rid in ("BC-19", "BC-21")}
    assert granting == {"sec_22", "sec_23"}
    assert granting <= {p["eId"] for p in requirements["BC-15"]["provisions"] if p["role"] == "principal"}


def _definitions(*entries: str) -> str:
    return ('<section eId="sec_2"><num>2.</num><heading>Interpretation</heading><content>'
            '<p>In this Act, unless the context otherwise requires—</p>'
            + "".join(f"<p>{entry}</p>" for entry in entries) + "</content></section>")


def test_an_offence_cites_the_interpretation_section_that_defines_its_core_term() -> None:
    """What an offence covers may be set by the Act's definition of its term ("intercept"):
    the interpretation section is a supporting provision of the offence, and only of the
    requirements whose term it defines."""
    body = _definitions('"intercept" means to acquire, view or capture computer data in transmission by '
                        "technical means;", '"minister" means the minister responsible for justice;') \
        + _offence(5, "Illegal interception", OFFENCES[1][1], 5) + _offence(6, "Illegal access", OFFENCES[0][1], 3)
    report = check_document(parse_document(akn_xml(body), "draft.xml"), lang="en").report
    requirements = {r["id"]: r for r in report["requirements"]}
    supporting = {rid: {p["eId"] for p in requirements[rid]["provisions"] if p["role"] == "supporting"}
                  for rid in ("BC-2", "BC-3")}
    assert "sec_2" in supporting["BC-3"]
    assert "sec_2" not in supporting["BC-2"]


def test_a_general_channel_for_foreign_requests_is_a_partial_article_31() -> None:
    """A Code that executes foreign requests for any procedural action can serve a request for
    stored data (Art. 31(2)) but names no search, seizure or production of data: the article is
    cited and Art. 31 is partial, not missing; without such a channel it is missing."""
    general = _power(595, "Исполнение запроса", "Запрос компетентного органа иностранного государства о "
                     "производстве процессуальных действий исполняется по правилам настоящего Кодекса.")
    other = _power(596, "Вызов свидетеля", "Свидетель вызывается повесткой.")
    for body, status, cited in ((general + other, "partial", ["sec_595"]), (other, "missing", [])):
        report = check_document(parse_document(akn_xml(body, language="rus"), "draft.xml")).report
        bc31 = _requirement(report, "BC-31")
        assert (bc31["status"], [p["eId"] for p in bc31["provisions"]]) == (status, cited)


def test_a_general_clause_on_illegal_use_of_the_internet_is_a_partial_article_10() -> None:
    """With no copyright offence, an offence of using the internet for any illegal activity
    reaches infringements only in general terms: Art. 10 is partial and cites it."""
    clause = _offence(92, "Illegal use of the internet", "uses the internet for any illegal activity", 5)
    report = check_document(parse_document(akn_xml(clause), "draft.xml"), lang="en").report
    bc10 = _requirement(report, "BC-10")
    assert (bc10["status"], [p["eId"] for p in bc10["provisions"]]) == ("partial", ["sec_92"])


def test_a_general_fraud_offence_is_a_partial_article_8_in_both_languages() -> None:
    """Fraud by deceiving a person reaches computer-related fraud only in general terms: Art. 8
    is partial and cites it, in English and in Russian."""
    english = _offence(380, "Fraud", "by deceit, falsehood or other fraudulent means defrauds any person of any "
                       "property", 14)
    russian = _power(159, "Мошенничество", "Мошенничество, то есть хищение чужого имущества путем обмана или "
                     "злоупотребления доверием, наказывается лишением свободы на срок до двух лет.")
    for body, language, cited in ((english, "eng", "sec_380"), (russian, "rus", "sec_159")):
        report = check_document(parse_document(akn_xml(body, language=language), "draft.xml")).report
        bc8 = _requirement(report, "BC-8")
        assert (bc8["status"], [p["eId"] for p in bc8["provisions"]]) == ("partial", [cited])


def test_a_technology_neutral_search_is_a_partial_article_19_and_a_search_abroad_is_not() -> None:
    """A code's search for things and documents can be used on computers but says nothing of
    Art. 19's specifics: Art. 19 is partial and cites it. A request to search abroad is
    co-operation, not the domestic power."""
    search = _power(234, "Обыск", "Следователь на основании постановления, санкционированного судом, производит "
                    "обыск в целях отыскания и изъятия предметов и документов, имеющих значение для дела.")
    abroad = _power(12, "Requests for search and seizure", "The Attorney-General may request a foreign State to "
                    "search premises and seize any thing relevant to proceedings in the Republic.")
    report = check_document(parse_document(akn_xml(search, language="rus"), "draft.xml")).report
    bc19 = _requirement(report, "BC-19")
    assert (bc19["status"], [p["eId"] for p in bc19["provisions"]]) == ("partial", ["sec_234"])
    report = check_document(parse_document(akn_xml(abroad), "draft.xml"), lang="en").report
    assert _requirement(report, "BC-19")["status"] == "missing"


def test_a_general_channel_states_no_measure_and_so_no_conditions_but_a_general_search_does() -> None:
    """Who authorises a measure cannot be read from a channel for any procedural action (a court
    named there as a central authority authorises nothing), but a search of things and documents
    on a judge's sanction is judicially supervised like any search."""
    channel = _power(592, "Порядок обращения", "Запрос о производстве процессуальных действий направляется "
                     "компетентному органу иностранного государства через Верховный суд.")
    search = _power(234, "Обыск", "Следователь на основании постановления, санкционированного судом, производит "
                    "обыск в целях отыскания и изъятия предметов и документов, имеющих значение для дела.")
    report = check_document(parse_document(akn_xml(channel + search, language="rus"), "draft.xml")).report
    requirements = {r["id"]: r for r in report["requirements"]}
    assert requirements["BC-31"]["status"] == "partial"
    assert requirements["BC-31"]["safeguards"]["judicial_or_independent_supervision"] == "unknown"
    assert requirements["BC-19"]["safeguards"]["judicial_or_independent_supervision"] == "present"


def test_article_15_is_read_in_domestic_powers_not_in_the_execution_of_foreign_requests() -> None:
    """Art. 15 binds the powers of Section 2: the proportionality an article on foreign
    requests states for its own warrants is not a condition of the domestic powers."""
    domestic = _power(22, "Search and seizure", "A judge may issue a warrant to search a computer system and seize "
                      "specified computer data, valid for not more than thirty days.")
    foreign = _power(40, "Requests by foreign States for search and seizure", "Where a foreign State requests "
                     "mutual legal assistance, the Attorney-General may apply to a judge for a warrant to search a "
                     "computer system, which shall be issued only where it is necessary and proportionate.")
    report = check_document(parse_document(akn_xml(domestic + foreign), "draft.xml"), lang="en").report
    bc15 = _requirement(report, "BC-15")
    assert "sec_40" not in {p["eId"] for p in bc15["provisions"]}


def test_data_located_abroad_in_a_request_is_not_trans_border_access() -> None:
    """Art. 32 is the authorities' own access to data stored abroad (open sources, or with
    consent): a request that lists data located in a foreign State asks that State instead."""
    request = _power(593, "Содержание запроса", "В запросе указываются компьютерные данные, находящиеся на "
                     "территории иностранного государства, которые необходимо получить.")
    access = _power(60, "Доступ к данным за рубежом", "Следователь вправе получить доступ к общедоступным "
                    "компьютерным данным независимо от места их нахождения.")
    for body, status in ((request, "missing"), (request + access, "implemented")):
        report = check_document(parse_document(akn_xml(body, language="rus"), "draft.xml")).report
        assert _requirement(report, "BC-32")["status"] == status


def test_a_recheck_sees_an_edit_that_states_an_article_in_general_terms() -> None:
    """An edit that turns a clause into a channel for any procedural action makes Art. 31
    partial on re-check, as a full check of the edited draft does."""
    from lawcheck.engine.evaluate import assess, reassess
    from lawcheck.rulebook.loader import load_rulebook
    from lawcheck.settings import Settings

    body = _power(595, "Исполнение запроса", "Запрос компетентного органа иностранного государства "
                  "рассматривается в порядке, установленном настоящим Кодексом.")
    check = check_document(parse_document(akn_xml(body, language="rus"), "draft.xml"))
    analysis, rulebook = check.analysis, load_rulebook()
    eid = "sec_595"
    analysis.edit(eid, "595. Исполнение запроса. Запрос компетентного органа иностранного государства о производстве "
                  "процессуальных действий исполняется по правилам настоящего Кодекса.")
    quick = {a.requirement.id: a.status for a in reassess(analysis, rulebook, Settings(), check.assessed, eid)}
    full = {a.requirement.id: a.status for a in assess(analysis, rulebook, ("BC", "SP"), Settings())}
    assert quick["BC-31"] == full["BC-31"] == "partial"


def test_article_15_cites_the_protections_that_follow_a_measure() -> None:
    """The conditions of Art. 15 include what follows a measure: the destruction of the data it
    obtained and the remedy of the person concerned are cited beside the power."""
    body = (_power(6, "Issue of warrant", "A judge may issue a warrant authorising the interception of the content "
                   "of specified communications for not more than thirty days.")
            + _power(17, "Disposal of intercept product", "Material obtained by interception under a warrant shall "
                     "be destroyed as soon as it is no longer needed for the investigation.")
            + _power(18, "Appeals", "A person aggrieved by an interception under a warrant may appeal to the "
                     "High Court."))
    report = check_document(parse_document(akn_xml(body), "draft.xml"), lang="en").report
    bc15 = set(_cited(report, "BC-15"))
    assert {"sec_6", "sec_17", "sec_18"} <= bc15


def test_the_control_and_recording_of_telephone_conversations_is_article_21() -> None:
    """A code of criminal procedure names interception by what it records: telephone and other
    conversations. It is Art. 21, on a court decision."""
    body = _power(186, "Контроль и запись переговоров", "Контроль и запись телефонных и иных переговоров "
                  "подозреваемого допускаются по уголовным делам о тяжких преступлениях на основании судебного "
                  "решения на срок до шести месяцев.")
    report = check_document(parse_document(akn_xml(body, language="rus"), "draft.xml")).report
    bc21 = _requirement(report, "BC-21")
    assert [p["eId"] for p in bc21["provisions"]] == ["sec_186"]
    assert bc21["safeguards"]["judicial_or_independent_supervision"] == "present"


def test_spreading_false_information_is_not_forgery() -> None:
    """An offence of spreading knowingly false information through networks makes nothing
    inauthentic in the sense of Art. 7: it is no general forgery offence."""
    body = _power(5, "Распространение ложной информации", "Распространение заведомо ложной информации с "
                  "использованием сетей телекоммуникаций наказывается лишением свободы на срок до двух лет.")
    report = check_document(parse_document(akn_xml(body, language="rus"), "draft.xml")).report
    assert _requirement(report, "BC-7")["status"] == "missing"


def test_forfeiture_on_conviction_is_one_of_the_sanctions_of_article_13() -> None:
    """Art. 13 asks for sanctions and measures: forfeiture of what served the offence, ordered
    on conviction, is cited beside the offences' penalties."""
    body = _offence(4, *OFFENCES[0], 3) + _power(48, "Forfeiture of property", "In addition to a penalty imposed "
                                                 "under this Act, the court may order forfeiture of any device used "
                                                 "to commit the offence.")
    report = check_document(parse_document(akn_xml(body), "draft.xml"), lang="en").report
    bc13 = set(_cited(report, "BC-13"))
    assert {"sec_4", "sec_48"} <= bc13


def test_a_penalty_for_disobeying_an_order_is_not_a_sanction_of_article_13() -> None:
    """Art. 13 asks for sanctions of the Convention offences: the fine an article granting a
    power sets for failing to comply with its order punishes disobedience, not those offences,
    and that article is not cited for Art. 13 beside the offences that are."""
    body = _offence(4, *OFFENCES[0], 3) + _power(
        30, "Search warrant", "A magistrate may issue a warrant authorising a police officer to search a computer "
                              "system and seize computer data. A person who obstructs the officer in the execution "
                              "of the warrant commits an offence and is liable to a fine or to imprisonment for a "
                              "term not exceeding one year.")
    report = check_document(parse_document(akn_xml(body), "draft.xml"), lang="en").report
    requirements = {r["id"]: r for r in report["requirements"]}
    assert "sec_30" in {p["eId"] for p in requirements["BC-19"]["provisions"]}
    assert {p["eId"] for p in requirements["BC-13"]["provisions"]} == {"sec_4"}


def _confidentiality(report: dict, rid: str) -> tuple[str, set[str]]:
    requirement = _requirement(report, rid)
    element = next(e for e in requirement["elements"] if e["id"].endswith("confidentiality"))
    return element["status"], {p["eId"] for p in requirement["provisions"] if p.get("role") == "supporting"}


def test_a_general_secrecy_of_criminal_investigations_binds_each_measure() -> None:
    """Arts 16(3), 20(3) and 21(3) ask that a measure be kept confidential. A code that makes
    the details of any criminal investigation secret, once for all of them (here as an
    offence of disclosing them), meets that duty for each measure, and is cited beside it;
    a provider's duty to keep its subscribers' data confidential is not about the measure."""
    power = _power(6, "Issue of warrant", "A judge may issue a warrant authorising the interception of the content "
                   "of specified communications for not more than thirty days.")
    secrecy = _power(21, "Disclosure of details of investigation", "A person who knowingly discloses details of a "
                     "criminal investigation which requires confidentiality commits an offence and is liable to "
                     "imprisonment for a term not exceeding three years.")
    privacy = _power(40, "Subscriber data", "A service provider shall keep the personal data of its subscribers "
                     "confidential.")
    report = check_document(parse_document(akn_xml(power + secrecy), "draft.xml"), lang="en").report
    assert _confidentiality(report, "BC-21") == ("met", {"sec_21"})
    preservation = _power(15, "Expedited preservation", "A judge may order a person in control of specified "
                          "computer data to preserve it for not more than ninety days.")
    report = check_document(parse_document(akn_xml(preservation + secrecy), "draft.xml"), lang="en").report
    assert _confidentiality(report, "BC-16") == ("met", {"sec_21"})
    report = check_document(parse_document(akn_xml(power + privacy), "draft.xml"), lang="en").report
    assert _confidentiality(report, "BC-21") == ("unmet", set())


def test_a_code_s_rule_on_the_secrecy_of_the_investigation_binds_each_measure_in_russian() -> None:
    """The same in a Russian code: «данные досудебного расследования не подлежат разглашению»."""
    power = _power(236, "Негласный сбор данных о соединениях", "Сбор информации о соединениях между абонентами в "
                   "режиме реального времени проводится по постановлению следователя, санкционированному "
                   "следственным судьей, на срок до тридцати суток.")
    secrecy = _power(201, "Недопустимость разглашения данных досудебного расследования", "Данные досудебного "
                     "расследования не подлежат разглашению. Лица, которым они стали известны, предупреждаются "
                     "об ответственности за их разглашение.")
    report = check_document(parse_document(akn_xml(power + secrecy, language="rus"), "draft.xml")).report
    assert _confidentiality(report, "BC-20") == ("met", {"sec_201"})


def test_a_general_forfeiture_rule_is_cited_for_article_13_before_offences_the_convention_does_not_name() -> None:
    """Art. 13 is carried by the Convention offences' penalties; among the Act's other
    candidates, which tie, its general rule of forfeiture comes before the penalties of
    offences outside the Convention (harassment, spam), however many precede it."""
    others = "".join(_offence(20 + n, f"Harassment by electronic means ({n})", "intentionally sends messages that "
                              "harass another person", 1) for n in range(14))
    forfeiture = _power(48, "Forfeiture of property", "Where a person is convicted of an offence under this Act, "
                        "the court may, in addition to any other penalty, order the forfeiture of any device used "
                        "in the commission of the offence.")
    report = check_document(parse_document(akn_xml(_offence(4, *OFFENCES[0], 3) + others + forfeiture),
                                           "draft.xml"), lang="en").report
    bc13 = _cited(report, "BC-13")
    assert bc13[0] == "sec_4" and "sec_48" in bc13


def test_a_measures_own_confidentiality_duty_is_no_general_rule_for_the_others() -> None:
    """A duty to keep one measure confidential ("an order under this section"), in a Part
    headed "Investigation", does not bind another measure of that Part: a general rule names
    the investigations it keeps secret in its own words."""
    preservation = _power(15, "Expedited preservation", "A police officer may, by written notice, require a person "
                          "in control of specified computer data to preserve it for not more than thirty days.")
    interception = ('<section eId="sec_17"><num>17.</num><heading>Interception of content data</heading>'
                    '<subsection eId="sec_17__subsec_1"><num>(1)</num><content><p>A judge may order a service '
                    "provider to intercept the content of specified communications required for a criminal "
                    "investigation.</p></content></subsection>"
                    '<subsection eId="sec_17__subsec_2"><num>(2)</num><content><p>A service provider shall keep '
                    "confidential the execution of an order under this section.</p></content></subsection></section>")
    body = f'<part eId="part_III"><num>PART III</num><heading>INVESTIGATION PROCEDURES</heading>' \
           f"{preservation}{interception}</part>"
    report = check_document(parse_document(akn_xml(body), "draft.xml"), lang="en").report
    assert _confidentiality(report, "BC-16") == ("unmet", set())


def test_a_warrant_for_the_interception_of_communications_is_article_21_in_both_languages() -> None:
    """Interception acquires the content of what it intercepts: a warrant for "the
    interception of communications" («перехват сообщений») is Art. 21 though it does not
    say "content"; issued by a Minister it is not judicially supervised."""
    body = _power(5, "Interception warrants", "The Minister may, on the application of the Commissioner of Police, "
                  "issue a warrant authorising the interception of communications for the investigation of a "
                  "serious offence.")
    report = check_document(parse_document(akn_xml(body), "draft.xml"), lang="en").report
    bc21 = _requirement(report, "BC-21")
    assert [p["eId"] for p in bc21["provisions"]] == ["sec_5"]
    assert bc21["safeguards"]["judicial_or_independent_supervision"] == "absent"
    body = _power(7, "Перехват сообщений", "Перехват сообщений подозреваемого производится по постановлению "
                  "следователя, санкционированному следственным судьей, на срок до тридцати суток.")
    report = check_document(parse_document(akn_xml(body, language="rus"), "draft.xml")).report
    bc21 = _requirement(report, "BC-21")
    assert [p["eId"] for p in bc21["provisions"]] == ["sec_7"]
    assert bc21["safeguards"]["judicial_or_independent_supervision"] == "present"


def _bc1(body: str, language: str = "eng") -> dict[str, str]:
    report = check_document(parse_document(akn_xml(body, language=language), "draft.xml")).report
    return {e["id"]: e["status"] for e in _requirement(report, "BC-1")["elements"]}


def test_what_a_definition_must_say_is_read_in_that_definition_not_in_its_neighbours() -> None:
    """Art. 1(c)(ii): the definition of service provider must reach those who process or
    store data for a communication service. A section that defines "computer system" as
    processing data, and "service provider" as a communication service only, does not say it."""
    entries = ["In this Act—",
               "“computer system” means any device or group of interconnected devices which performs automatic "
               "processing of data;",
               "“service provider” means any public or private entity that provides to users of its service the "
               "ability to communicate by means of a computer system."]
    body = _definitions_article('<section eId="sec_2"><num>2.</num><heading>Interpretation</heading>', "</section>",
                                entries)
    elements = _bc1(body)
    assert elements["service_provider_communication"] == "met"
    assert elements["service_provider_processing"] == "unmet"
    assert elements["computer_system_scope"] == "met"


def test_numbered_russian_definitions_in_one_article_are_read_as_definitions() -> None:
    """«1) компьютерная система – ...» as paragraphs of one article: the item's bracket is no
    bracket of the term."""
    entries = ["В настоящем Законе используются следующие основные понятия:",
               "1) компьютерная система – любое устройство или группа взаимосвязанных устройств, осуществляющих "
               "автоматизированную обработку данных;",
               "2) компьютерные данные – любое представление фактов, информации или понятий в форме, пригодной "
               "для обработки в компьютерной системе, включая программу."]
    body = _definitions_article('<article eId="art_1"><num>Статья 1.</num><heading>Основные понятия</heading>',
                                "</article>", entries)
    elements = _bc1(body, language="rus")
    assert elements["computer_system_defined"] == elements["computer_data_defined"] == "met"
    assert elements["computer_data_programs"] == "met"


def test_an_offence_that_defines_its_own_term_in_a_subsection_is_still_an_offence() -> None:
    """"(2) In this section, 'child' means a person under eighteen": one definition in a
    section of two subsections does not make it an interpretation section."""
    body = ('<section eId="sec_14"><num>14.</num><heading>Child pornography</heading>'
            '<subsection eId="sec_14__subsec_1"><num>(1)</num><content><p>A person who intentionally produces, '
            "offers, distributes, procures or possesses child pornography through a computer system commits an "
            "offence and is liable on conviction to imprisonment for ten years.</p></content></subsection>"
            '<subsection eId="sec_14__subsec_2"><num>(2)</num><content><p>In this section, “child” means a person '
            "under the age of eighteen years.</p></content></subsection></section>")
    report = check_document(parse_document(akn_xml(body), "draft.xml"), lang="en").report
    assert _cited(report, "BC-9") == ["sec_14"]


def test_an_offence_that_leaves_intent_to_the_general_part_is_found_with_intent_unmet() -> None:
    """A code's special part often states the conduct and its penalty only («Уничтожение,
    блокирование или модификация компьютерной информации наказываются ...»), leaving intent
    and unlawfulness to the general part: the offence is there (Art. 4), its elements say what
    the article itself does not state."""
    body = ('<article eId="art_206"><num>Статья 206.</num><heading>Уничтожение или модификация информации'
            '</heading><content><p>Уничтожение, блокирование или модификация компьютерной информации наказываются '
            "лишением свободы на срок до трех лет.</p></content></article>")
    report = check_document(parse_document(akn_xml(body, language="rus"), "draft.xml")).report
    bc4 = _requirement(report, "BC-4")
    assert [p["eId"] for p in bc4["provisions"]] == ["art_206"]
    assert {e["id"]: e["status"] for e in bc4["elements"]}["intent"] == "unmet"


def test_a_term_of_imprisonment_for_disobeying_an_order_is_not_the_orders_duration() -> None:
    """Art. 16(2) caps preservation at ninety days: "imprisonment for a term not exceeding two
    years" for failing to comply with the notice is the penalty, not a two-year preservation."""
    body = ('<section eId="sec_41"><num>41.</num><heading>Preservation notice</heading>'
            '<subsection eId="sec_41__subsec_1"><num>(1)</num><content><p>A police officer may, by written '
            "notice, require a person in control of specified computer data to preserve the data for a period not "
            "exceeding ninety days.</p></content></subsection>"
            '<subsection eId="sec_41__subsec_2"><num>(2)</num><content><p>A person who fails to comply with a '
            "preservation notice commits an offence and is liable on conviction to imprisonment for a term not "
            "exceeding two years.</p></content></subsection></section>")
    report = check_document(parse_document(akn_xml(body), "draft.xml"), lang="en").report
    bc16 = _requirement(report, "BC-16")
    assert {e["id"]: e["status"] for e in bc16["elements"]}["max_duration"] == "met"


def test_refusing_preservation_where_the_conduct_is_no_offence_here_is_dual_criminality() -> None:
    """Art. 29(3): preservation may not be refused for want of dual criminality. A refusal
    ground worded negatively («если деяние не является преступлением по законодательству
    Республики») is that condition, not its absence."""
    body = ('<article eId="art_30"><num>Статья 30.</num><heading>Сохранение компьютерных данных по запросу '
            'иностранного государства</heading><paragraph eId="art_30__para_1"><num>1.</num><content><p>По запросу '
            "иностранного государства Генеральная прокуратура обеспечивает незамедлительное сохранение компьютерных "
            'данных, хранящихся на территории Республики.</p></content></paragraph><paragraph eId="art_30__para_2">'
            "<num>2.</num><content><p>В исполнении запроса может быть отказано, если деяние не является преступлением "
            "по законодательству Республики.</p></content></paragraph></article>")
    report = check_document(parse_document(akn_xml(body, language="rus"), "draft.xml")).report
    bc29 = _requirement(report, "BC-29")
    assert {e["id"]: e["status"] for e in bc29["elements"]}["no_dual_criminality"] == "conflict"


def test_a_definition_that_names_an_act_defines_no_treaty_term() -> None:
    """"“Computer Crimes Act” means the Computer Crimes Act, 2019" says what a citation refers
    to: it is no definition of a computer system, and Art. 1 stays missing."""
    entries = ["In this Act, unless the context otherwise requires—",
               "“Computer Crimes Act” means the Computer Crimes Act, 2019;",
               "“Minister” means the Minister responsible for justice."]
    body = _definitions_article('<section eId="sec_2"><num>2.</num><heading>Interpretation</heading>', "</section>",
                                entries)
    report = check_document(parse_document(akn_xml(body), "draft.xml")).report
    assert _requirement(report, "BC-1")["status"] == "missing"


def test_a_duty_to_protect_against_unauthorised_access_is_no_offence() -> None:
    """«Операторы связи обязаны принимать меры по защите ... от несанкционированного доступа,
    повреждения и блокирования» names the conduct it guards against; with no penalty of its own
    it implements neither illegal access nor data interference. The offence beside it does."""
    duty = ('<article eId="art_20"><num>Статья 20.</num><heading>Защита сетей связи от несанкционированного '
            'доступа</heading><content><p>Операторы связи обязаны принимать меры по защите сетей связи и хранимых '
            "данных от несанкционированного доступа, повреждения и блокирования.</p></content></article>")
    report = check_document(parse_document(akn_xml(duty, language="rus"), "draft.xml")).report
    assert _requirement(report, "BC-2")["status"] == "missing"
    assert _requirement(report, "BC-4")["status"] == "missing"
    english = _power(7, "Security of networks", "A service provider shall take appropriate measures to protect its "
                     "network and the data it stores against unauthorised access, alteration or deletion.")
    offence = _offence(8, "Illegal access", OFFENCES[0][1], 3)
    report = check_document(parse_document(akn_xml(english + offence), "draft.xml")).report
    assert _cited(report, "BC-2") == ["sec_8"]


def test_an_extradition_acts_rule_of_speciality_is_not_mutual_assistance() -> None:
    """In an Extradition Act, "a person surrendered shall not be proceeded against for any other
    offence unless the Minister consents" and "at the request of the requesting State, submit the
    case for prosecution" are about surrender: they carry neither Art. 27 nor Art. 28."""
    body = (_power(8, "Prosecution instead of extradition", "Where extradition is refused because the person "
                   "sought is a citizen, the Minister shall, at the request of the requesting State, submit the case "
                   "to the Director of Public Prosecutions and report the outcome.")
            + _power(9, "Rule of speciality", "A person surrendered under this Act shall not be proceeded against for "
                     "any offence other than that for which the person was extradited, unless the Minister consents, "
                     "and any information received shall be used only for that purpose."))
    report = check_document(parse_document(akn_xml(body, title="Extradition Act"), "draft.xml")).report
    for rid in ("BC-25", "BC-27", "BC-28"):
        assert _requirement(report, rid)["status"] == "missing", rid


def test_an_article_headed_as_fraud_is_no_interference_offence() -> None:
    """Computer-related fraud is committed by altering data or interfering with a system, and
    needs a loss of property: the fraud article does not carry Arts 4 and 5; the interference
    offence beside it does."""
    fraud = _offence(7, "Computer-related fraud", "causes a loss of property to another person by any input, "
                     "alteration, deletion or suppression of computer data or any interference with the functioning "
                     "of a computer system, with intent to procure an economic benefit", 5)
    interference = _offence(5, "System interference", OFFENCES[3][1], 3)
    report = check_document(parse_document(akn_xml(interference + fraud), "draft.xml")).report
    assert _cited(report, "BC-5") == ["sec_5"]
    assert "sec_7" in _cited(report, "BC-8")
    alone = check_document(parse_document(akn_xml(fraud), "draft.xml")).report
    assert _requirement(alone, "BC-4")["status"] == _requirement(alone, "BC-5")["status"] == "missing"


def test_a_scope_clause_before_the_powers_carries_art_14_and_the_powers_complete_it() -> None:
    """"The powers conferred by this Act may be exercised in the investigation of ..." opens
    the powers: it is the principal provision for Art. 14, and each power, which states its own
    purpose ("for the purposes of an investigation"), supports it. Without such a clause, the
    powers carry Art. 14 themselves."""
    scope = ('<section eId="sec_3"><num>3.</num><heading>Application</heading><content><p>The powers conferred '
             "by this Act may be exercised in the investigation of any criminal offence, including an offence "
             "committed by means of a computer system, and for the collection of evidence in electronic form of "
             "any offence.</p></content></section>")
    powers = ('<section eId="sec_4"><num>4.</num><heading>Preservation of data</heading><content><p>A police '
              "officer may, for the purposes of a specific criminal investigation, by notice require a person to "
              "preserve specified computer data for ninety days.</p></content></section>"
              '<section eId="sec_5"><num>5.</num><heading>Production order</heading><content><p>A judge may, for '
              "the purposes of a specific criminal investigation, order a person to produce specified computer "
              "data in that person's possession or control.</p></content></section>")
    for body, principal in ((scope + powers, {"sec_3"}), (powers, {"sec_4", "sec_5"})):
        report = check_document(parse_document(akn_xml(body), "draft.xml")).report
        bc14 = next(r for r in report["requirements"] if r["id"] == "BC-14")
        assert {p["eId"] for p in bc14["provisions"] if p["role"] == "principal"} == principal
        assert {"sec_4", "sec_5"} <= {p["eId"] for p in bc14["provisions"]}


def test_an_article_that_carries_one_cooperation_obligation_best_supports_the_general_regime() -> None:
    """In a Part on mutual assistance, the point of contact (Art. 35) and the search for a
    foreign State (Art. 31) also speak of requests: for the general regime of Art. 27 they are
    supporting provisions, while the central authority and the refusal grounds carry it."""
    sections = [
        ("9", "Central authority", "The Attorney General is the central authority for sending and answering "
         "requests for mutual assistance in criminal matters and shall execute them in accordance with the law "
         "of the Republic."),
        ("10", "Refusal of assistance", "A request for mutual assistance may be refused if it concerns a political "
         "offence or if its execution would prejudice the sovereignty, security or public order of the Republic."),
        ("16", "Search and seizure for a foreign State", "On a request for mutual assistance, a judge may issue a "
         "warrant to search a computer system and seize computer data stored in the Republic."),
        ("19", "Point of contact", "The Cybercrime Unit is the point of contact available twenty-four hours a day, "
         "seven days a week, to receive requests for mutual assistance and to give immediate assistance."),
    ]
    body = _units(sections)
    body = f'<part eId="part_3"><num>PART III</num><heading>Mutual assistance</heading>{body}</part>'
    report = check_document(parse_document(akn_xml(body, title="Mutual Assistance Act"), "draft.xml")).report
    roles = {r["id"]: {p["eId"]: p["role"] for p in r["provisions"]} for r in report["requirements"]}
    assert roles["BC-31"]["sec_16"] == roles["BC-35"]["sec_19"] == "principal"
    assert roles["BC-27"].get("sec_9") == "principal"
    assert roles["BC-27"].get("sec_16", "supporting") == roles["BC-27"].get("sec_19", "supporting") == "supporting"


def test_securing_property_for_a_foreign_state_is_no_preservation_of_its_data() -> None:
    """Art. 29 is about stored computer data: an assistance law's article on securing property
    and exhibits for a foreign State («Обеспечение сохранности имущества и вещественных
    доказательств») does not carry it; the article on preserving data does."""
    from lawcheck.engine.align import align_requirement, analyse
    from lawcheck.rulebook.loader import load_rulebook

    articles = [
        ("16", "Обеспечение сохранности имущества и вещественных доказательств", "По запросу иностранного "
         "государства на имущество, которое может быть конфисковано, а также на вещественные доказательства "
         "может быть наложен арест в целях обеспечения их сохранности."),
        ("17", "Сохранение компьютерных данных по запросу иностранного государства", "По запросу иностранного "
         "государства прокурор незамедлительно обязывает владельца данных обеспечить сохранность определенных "
         "компьютерных данных."),
    ]
    body = _units(articles, russian=True)
    analysis = analyse(parse_document(akn_xml(body, title="Закон о взаимной правовой помощи", language="rus"),
                                      "draft.xml"), "ru")
    aligned = [a.eid for a in align_requirement(analysis, load_rulebook().get("BC-29"))]
    assert "art_17" in aligned and "art_16" not in aligned


def test_a_measure_named_by_a_defined_term_of_art_reaches_the_data_its_definition_names() -> None:
    """An operational-search law lists «контроль соединений абонентских устройств» and defines it
    as obtaining in real time the date, time, duration and direction of connections: the listed
    measure is real-time collection of traffic data (Art. 20), which the bare name does not say."""
    from lawcheck.engine.align import align_requirement, analyse
    from lawcheck.rulebook.loader import load_rulebook

    definition = ("под контролем соединений абонентских устройств понимается негласное получение в режиме "
                  "реального времени сведений о дате, времени, продолжительности и направлении соединений;")
    for defined, aligned in ((True, True), (False, False)):
        terms = (f'<article eId="art_1"><num>Статья 1.</num><heading>Основные понятия</heading><intro><p>Для '
                 f"целей настоящего Закона:</p></intro><point eId=\"art_1__point_1\"><num>1)</num><content><p>"
                 f"{definition}</p></content></point></article>") if defined else ""
        measures = ('<article eId="art_7"><num>Статья 7.</num><heading>Оперативно-розыскные мероприятия</heading>'
                    '<content><p>При осуществлении оперативно-розыскной деятельности проводится контроль соединений '
                    "абонентских устройств.</p></content></article>")
        analysis = analyse(parse_document(akn_xml(terms + measures, title="Закон об оперативно-розыскной "
                                                  "деятельности", language="rus"), "draft.xml"), "ru")
        found = [a.eid for a in align_requirement(analysis, load_rulebook().get("BC-20"))]
        assert ("art_7" in found) is aligned, defined


def test_a_protocol_order_sent_directly_to_a_provider_is_not_the_regime_of_mutual_assistance() -> None:
    """A section on orders sent directly to a provider abroad (Protocol Art. 7) names a request
    for mutual assistance only as the fallback: it does not carry the Convention's general
    regime of assistance (Arts 25, 27); the section on requests for assistance does."""
    sections = [
        ("6", "Orders for subscriber information to service providers abroad", "A public prosecutor may issue an "
         "order to be submitted directly to a service provider in the territory of another Party for the "
         "disclosure of specified, stored subscriber information. Where the provider does not disclose within "
         "thirty days, the information may be sought only by a request for mutual assistance."),
        ("12", "Requests for mutual assistance", "The Attorney General is the central authority for sending and "
         "answering requests for mutual assistance in criminal matters and shall execute them in accordance with "
         "the law of the Republic."),
    ]
    body = _units(sections)
    report = check_document(parse_document(akn_xml(body, title="Electronic Evidence (Co-operation) Act"),
                                           "draft.xml")).report
    cited = {r["id"]: {p["eId"] for p in r["provisions"]} for r in report["requirements"]}
    assert "sec_6" in cited["SP-7"]
    assert "sec_12" in cited["BC-27"] and "sec_6" not in cited["BC-25"] | cited["BC-27"]


def test_the_conditions_of_powers_named_by_their_articles_carry_art_15() -> None:
    """«Действия, предусмотренные статьями 236-2 и 236-3, производятся только ... по мотивированному
    постановлению; вмешательство должно быть соразмерно» states the conditions of the powers it
    names by their articles alone: it carries Art. 15. Without the reference it names no power."""
    from lawcheck.engine.align import align_requirement, analyse
    from lawcheck.rulebook.loader import load_rulebook

    powers = ('<article eId="art_236-2"><num>Статья 236-2.</num><heading>Обеспечение сохранности компьютерных '
              'данных</heading><content><p>Следователь вправе обязать лицо обеспечить сохранность определенных '
              'компьютерных данных.</p></content></article><article eId="art_236-3"><num>Статья 236-3.</num>'
              '<heading>Истребование компьютерных данных</heading><content><p>Следователь вправе истребовать у '
              "лица определенные компьютерные данные.</p></content></article>")
    for subject, aligned in (("Действия, предусмотренные статьями 236-2 и 236-3 настоящего Кодекса,", True),
                             ("Указанные действия", False)):
        rule = (f'<article eId="art_236-1"><num>Статья 236-1.</num><heading>Общие условия</heading><content><p>'
                f"{subject} производятся по мотивированному постановлению; вмешательство в частную жизнь должно "
                f"быть соразмерно тяжести преступления.</p></content></article>")
        analysis = analyse(parse_document(akn_xml(rule + powers, title="Уголовно-процессуальный кодекс",
                                                  language="rus"), "draft.xml"), "ru")
        found = [a.eid for a in align_requirement(analysis, load_rulebook().get("BC-15"))]
        assert ("art_236-1" in found) is aligned, subject
