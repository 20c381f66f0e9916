"""Article 15 the way a reviewer reads it (docs/article15.md): who authorises each power, the
exceptions that relax it, how far a rule stated once reaches, and the weight of each gap."""

from __future__ import annotations

import pytest
from test_check import _check, _codes, _requirement, _section

JUDICIAL = "judicial_or_independent_supervision"


def _finding(check, code: str) -> dict:  # type: ignore[no-untyped-def]
    return next(f for f in check.report["findings"] if f["code"] == code)


def test_an_urgent_order_without_a_court_decision_is_an_exception_not_judicial_supervision() -> None:
    check = _check(_section(
        "238", "Негласный сбор данных о соединениях в режиме реального времени",
        "Негласный сбор данных о соединениях в режиме реального времени производится по постановлению "
        "следователя, санкционированному следственным судьей, на срок до тридцати суток.",
        "В случаях, не терпящих отлагательства, сбор данных о соединениях в режиме реального времени "
        "может быть начат по постановлению следователя без решения суда с последующим уведомлением "
        "прокурора в течение суток."), language="rus")
    bc20 = _requirement(check, "BC-20")
    assert bc20["safeguards"][JUDICIAL] == "present"  # the ordinary route is the judge's
    [exception] = bc20["exceptions"]
    assert exception["eId"] == "sec_238__subsec_2" and exception["validation"] is None
    assert "следовател" in exception["authority"]
    finding = _finding(check, f"BC-20/safeguard/{JUDICIAL}/urgency")
    assert finding["severity"] == "high" and finding["force"] == "obligation"
    assert "sec_238__subsec_2" in finding["provisions"]


def test_an_urgent_order_validated_by_the_judge_within_48_hours_is_no_finding() -> None:
    check = _check(_section(
        "94", "Сохранение компьютерных данных",
        "Следователь с согласия прокурора возбуждает перед следственным судьей ходатайство о сохранении "
        "компьютерных данных; следственный судья выносит постановление о санкционировании сохранения.",
        "В случаях, не терпящих отлагательства, следователь вправе вынести постановление о сохранении "
        "компьютерных данных без решения суда. В течение двадцати четырех часов он направляет материалы "
        "следственному судье, который в течение сорока восьми часов проверяет законность постановления. "
        "При признании постановления незаконным оно утрачивает силу, а данные не могут быть использованы "
        "в качестве доказательств."), language="rus")
    bc16 = _requirement(check, "BC-16")
    assert bc16["safeguards"][JUDICIAL] == "present"
    [exception] = bc16["exceptions"]
    assert exception["validation"]["within"] == "PT48H"
    assert set(exception["validation"]["on_refusal"].split(", ")) == {"stop", "exclude"}
    assert not any(code.startswith(f"BC-16/safeguard/{JUDICIAL}") for code in _codes(check))


def test_preservation_ordered_by_an_investigator_is_the_lighter_regime_of_article_16() -> None:
    check = _check(_section(
        "16", "Expedited preservation",
        "Where there are grounds to believe that specified computer data is vulnerable to loss, an "
        "investigator may by order require any person in control of the data to preserve it without delay."))
    assert _requirement(check, "BC-16")["safeguards"][JUDICIAL] == "absent"  # a fact: no judge
    assert not any(code.startswith(f"BC-16/safeguard/{JUDICIAL}") for code in _codes(check))


def test_subscriber_information_on_an_investigators_order_needs_no_judge_but_content_does() -> None:
    subscriber = _check(_section(
        "18", "Production order",
        "An investigator may order a service provider to submit subscriber information relating to its "
        "services that is in its possession or control."))
    assert not any(code.startswith(f"BC-18/safeguard/{JUDICIAL}") for code in _codes(subscriber))
    content = _check(_section(
        "18", "Production order",
        "An investigator may order a service provider to submit the stored content of communications of a "
        "user that is in its possession or control."))
    finding = _finding(content, f"BC-18/safeguard/{JUDICIAL}")
    assert finding["severity"] == "high"


def test_a_prosecutor_suffices_for_subscriber_data_but_not_for_interception() -> None:
    check = _check(_section(
        "21", "Interception of content data",
        "On the authorisation of the prosecutor, a police officer may intercept the content of specified "
        "communications transmitted by means of a computer system."))
    finding = _finding(check, f"BC-21/safeguard/{JUDICIAL}")
    assert finding["severity"] == "high"
    assert "not regarded as independent" in finding["message"]
    assert "ECtHR Roman Zakharov v. Russia [GC], no. 47143/06 (2015), paras 231-234, 258, 266" in finding["basis"]


def test_a_minister_issuing_interception_warrants_is_executive_authorisation() -> None:
    check = _check(_section(
        "6", "Issue of warrant",
        "The Minister may issue a warrant authorising an authorised person to intercept the content of "
        "communications transmitted by means of a computer system."))
    assert _requirement(check, "BC-21")["safeguards"][JUDICIAL] == "absent"
    assert _finding(check, f"BC-21/safeguard/{JUDICIAL}")["severity"] == "high"


def test_a_court_that_only_extends_or_helps_enforce_does_not_authorise() -> None:
    check = _check(_section(
        "31", "Search and seizure",
        "A police officer in charge of a police station may issue an order authorising an officer to search "
        "a computer system and seize computer data.",
        "Where the person fails to comply with the order, the officer may apply to the court for assistance.",
        "The court may extend the order for a further period."))
    assert _requirement(check, "BC-19")["safeguards"][JUDICIAL] == "absent"


def test_an_officer_granted_a_warrant_executes_it_and_the_court_that_orders_authorises() -> None:
    """The officer "granted a warrant" acts under it; the authorisation is the magistrate's."""
    section = (
        '<section eId="sec_40"><num>40.</num><heading>Production of computer data</heading>'
        '<subsection eId="sec_40__subsec_1"><num>(1)</num><content><p>A magistrate may, on an application by a '
        "police officer, order any person to produce specified computer data.</p></content></subsection>"
        '<subsection eId="sec_40__subsec_2"><num>(2)</num><intro><p>A police officer granted a warrant in '
        "terms of this section may—</p></intro>"
        '<paragraph eId="sec_40__subsec_2__para_a"><num>(a)</num><content><p>by written notice, require the '
        "person in control of the data to disclose specified traffic data; or</p></content></paragraph>"
        '<paragraph eId="sec_40__subsec_2__para_b"><num>(b)</num><content><p>by written notice, require a '
        "service provider to produce subscriber information.</p></content></paragraph></subsection></section>")
    assert _requirement(_check(section), "BC-18")["safeguards"][JUDICIAL] == "present"


def test_a_rule_under_this_section_does_not_reach_another_section() -> None:
    check = _check(
        _section("20", "Warrants", "The powers under this section may be exercised only on a warrant issued by "
                                   "a judge who is satisfied that there are reasonable grounds."),
        _section("21", "Interception of content data",
                 "An investigator may by order require a service provider to intercept the content of "
                 "specified communications transmitted by means of a computer system."))
    assert _requirement(check, "BC-21")["safeguards"][JUDICIAL] == "absent"


def test_a_chapter_rule_listing_articles_reaches_them_and_an_articles_own_rule_prevails() -> None:
    general = _section("230", "Порядок проведения негласных следственных действий",
                       "Негласные следственные действия, предусмотренные статьями 231-233 настоящего Кодекса, "
                       "проводятся по постановлению следователя, санкционированному следственным судьей.",
                       element="article", sub="paragraph", prefix="art")
    interception = _section("232", "Перехват сообщений",
                            "Перехват и запись содержания сообщений, передаваемых по сетям связи, производятся "
                            "в порядке, предусмотренном настоящей главой.",
                            element="article", sub="paragraph", prefix="art")
    check = _check(general, interception, language="rus")
    assert _requirement(check, "BC-21")["safeguards"][JUDICIAL] == "present"
    special = _section("232", "Перехват сообщений",
                       "Перехват и запись содержания сообщений, передаваемых по сетям связи, производятся по "
                       "постановлению следователя с согласия прокурора.",
                       element="article", sub="paragraph", prefix="art")
    check = _check(general, special, language="rus")
    assert _requirement(check, "BC-21")["safeguards"][JUDICIAL] == "absent"


def test_every_finding_states_its_force_and_basis() -> None:
    check = _check(_section("21", "Interception of content data",
                            "A police officer may direct a service provider to intercept the content of "
                            "specified communications transmitted by means of a computer system."))
    for finding in check.report["findings"]:
        assert finding["force"] in {"obligation", "option", "good_practice"}
        assert finding["basis"], finding["code"]


def test_an_amending_act_is_assessed_for_what_it_touches() -> None:
    from conftest import REPO

    from lawcheck.akn import read_document
    from lawcheck.pipeline import check_document

    report = check_document(read_document(REPO / "corpora" / "national" / "ru_cpc_amendment.xml")).report
    statuses = {r["id"]: r["status"] for r in report["requirements"]}
    assert statuses["BC-2"] == "not_assessed" and statuses["BC-21"] == "not_assessed"
    assert statuses["BC-16"] == "implemented"
    assert report["summary"]["not_assessed"] >= 20
    assert not any(f["code"].endswith("/missing") for f in report["findings"])


def test_a_rule_for_measures_that_restrict_the_secrecy_of_communications_governs_the_listed_ones() -> None:
    """An operational-search law lists its measures in one article and says in another that those
    restricting the secrecy of communications need a court decision, save in urgency on the order
    of the head of the body, the decision then obtained within 48 hours or the measure stopped."""
    check = _check(
        _section("6", "Оперативно-розыскные мероприятия",
                 "При осуществлении оперативно-розыскной деятельности проводятся следующие мероприятия: "
                 "опрос; прослушивание телефонных переговоров; получение компьютерной информации.",
                 element="article", sub="paragraph", prefix="art"),
        _section("8", "Условия проведения оперативно-розыскных мероприятий",
                 "Проведение оперативно-розыскных мероприятий, которые ограничивают конституционные права граждан "
                 "на тайну телефонных переговоров и иных сообщений, допускается на основании судебного решения.",
                 "В случаях, которые не терпят отлагательства, допускается проведение оперативно-розыскного "
                 "мероприятия на основании мотивированного постановления одного из руководителей органа с "
                 "обязательным уведомлением суда в течение 24 часов. В течение 48 часов орган обязан получить "
                 "судебное решение либо прекратить его проведение.",
                 element="article", sub="paragraph", prefix="art"),
        language="rus")
    bc21 = _requirement(check, "BC-21")
    assert bc21["safeguards"][JUDICIAL] == "present"
    [exception] = bc21["exceptions"]
    assert "руководител" in exception["authority"] and exception["validation"]["on_refusal"] == "stop"
    assert _requirement(check, "BC-15")["status"] != "missing"


def test_a_warrant_issued_on_a_complaint_on_oath_is_the_magistrates_authorisation() -> None:
    """"On complaint on oath" is how the police apply, not a remedy against the measure: the
    magistrate who issues the search warrant authorises the search."""
    check = _check(_section(
        "50", "Search warrants",
        "If it appears to a magistrate on complaint on oath that there are reasonable grounds for believing that "
        "any article connected with an offence is in any premises, the magistrate may issue a warrant authorising "
        "a police officer to enter and search the premises and seize any such article."))
    assert _requirement(check, "BC-19")["safeguards"][JUDICIAL] == "present"


def test_an_officers_application_on_which_the_court_issues_the_warrant_is_prior_judicial_authorisation() -> None:
    """"Where a police officer applies to the court, the court may issue a warrant": the
    application comes before the measure, and the court authorises it. Applying to the court
    later, within a deadline, to have an urgent measure confirmed is a validation instead."""
    check = _check(_section(
        "13", "Search and seizure of stored computer data",
        "Where a police officer applies to the court and the court is satisfied that there are reasonable grounds "
        "to believe that a specified computer system holds data required as evidence in a specific criminal "
        "investigation, the court may issue a warrant authorising the officer to search that computer system."))
    assert _requirement(check, "BC-19")["safeguards"][JUDICIAL] == "present"


@pytest.mark.parametrize(("language", "rid", "text", "expected"), [
    # applying to a judge for the warrant is the ordinary, prior route
    ("eng", "BC-21", "A police officer may apply to a judge for a warrant authorising the interception of the content "
                     "of specified communications for the investigation of a serious offence.", "present"),
    ("eng", "BC-16", "A police officer may apply to the High Court for an order requiring a person in control of "
                     "specified computer data to preserve it for ninety days.", "present"),
    # the applicant is not the authority that issues
    ("eng", "BC-21", "On the application of a police officer, the Attorney-General may issue a warrant authorising "
                     "the interception of communications.", "absent"),
    # «без решения суда не допускается» makes the court's decision mandatory
    ("rus", "BC-19", "Обыск и выемка электронных носителей информации без решения суда не допускаются.", "present"),
    # a court told afterwards, or named beside a prosecutor, does not authorise
    ("rus", "BC-21", "Негласный перехват сообщений проводится по постановлению следователя, о чем в течение 24 часов "
                     "уведомляется суд.", "absent"),
    ("rus", "BC-21", "Негласный перехват сообщений проводится с санкции прокурора с уведомлением следственного судьи.",
     "absent"),
    ("rus", "BC-21", "Негласный перехват сообщений проводится с санкции прокурора или следственного судьи.", "absent"),
    # a judge offered beside another authority as an alternative is not certain
    ("eng", "BC-21", "A judge or the prosecutor may order the interception of the content of specified "
                     "communications.", "absent"),
    ("rus", "BC-21", "Перехват сообщений производится по решению суда либо по постановлению прокурора.", "absent"),
    # a gap in a term stays within one sentence
    ("rus", "BC-21", "Негласный перехват сообщений проводится по постановлению прокурора. Суд проверяет законность "
                     "постановления по жалобе.", "absent"),
    # a court the person aggrieved may ask to set the measure aside is a remedy, not the authoriser
    ("eng", "BC-19", "A police officer may search a computer system and seize computer data stored in it. A person "
                     "aggrieved by the search may apply to the High Court to set it aside.", "absent"),
    # the judge's sanction stated in a sentence of its own, of the measures named before it
    ("rus", "BC-21", "Органы расследования вправе осуществлять перехват сообщений, передаваемых посредством "
                     "компьютерных систем. Санкцию на их проведение дает судья.", "present"),
    # a judge or court that only asks is not the authority that decides
    ("eng", "BC-21", "At the request of an investigating judge, the Minister of Justice may issue a warrant for the "
                     "interception of the content of specified communications.", "absent"),
    ("rus", "BC-20", "По ходатайству суда прокурор дает санкцию на сбор в реальном времени данных о трафике, "
                     "связанных с конкретными сообщениями.", "absent"),
    # the judge's route declared the only one: the officer who acts does so under it
    ("eng", "BC-18", "An order requiring a service provider to produce stored traffic data may be made on the "
                     "application of a police officer. No such order shall be made except by a magistrate.", "present"),
    ("eng", "BC-21", "An authorised officer may intercept the content of specified communications or require a "
                     "service provider to do so. The interception may be carried out only where a judge has first "
                     "authorised it by warrant.", "present"),
    # the judge's route said to come first or alone, in other words
    ("eng", "BC-19", "No warrant to search a computer system and seize computer data found there shall be issued "
                     "otherwise than by a Judge in Chambers.", "present"),
    ("eng", "BC-19", "An authorised officer may search a computer system and seize computer data found there. The "
                     "powers conferred by this section shall be exercisable only on the authority of a justice of the "
                     "peace.", "present"),
    ("eng", "BC-16", "A police officer may, by notice, require a person in control of specified computer data to "
                     "preserve it for up to 90 days. Before giving the notice, the officer shall obtain the "
                     "approval of a District Judge.", "present"),
    ("rus", "BC-20", "Сбор данных о трафике в реальном времени проводится органом расследования. Разрешение на "
                     "проведение указанного мероприятия выдается председателем областного суда.", "present"),
    ("eng", "BC-21", "The interception of the content of specified communications may be carried out only under an "
                     "authorisation granted in advance by the Tribunal on the application of the police.", "present"),
    # a measure available only in urgency, each use confirmed by a judge within a set time
    ("eng", "BC-20", "A senior police officer may, where the matter is urgent, authorise the real-time collection of "
                     "traffic data, provided that a judge confirms the authorisation within 48 hours, failing which "
                     "the collection shall stop.", "present"),
])
def test_who_authorises_is_read_from_what_the_sentence_does(language: str, rid: str, text: str,
                                                            expected: str) -> None:
    section = _section("9", "Interception", text) if language == "eng" \
        else _section("9", "Негласные действия", text, element="article", sub="paragraph", prefix="art")
    check = _check(section, language=language)
    assert _requirement(check, rid)["safeguards"][JUDICIAL] == expected


def test_a_chapter_rule_does_not_bind_the_measures_it_excepts() -> None:
    """«Следственные действия ... производятся на основании постановления следственного
    судьи, за исключением осмотра и выемки, которые производятся по постановлению
    следователя»: the judge authorises the chapter's interception, the investigator the
    seizure the rule excepts."""
    rule = _section("3", "Общие условия", "Следственные действия, предусмотренные настоящей главой, производятся на "
                    "основании постановления следственного судьи, за исключением осмотра и выемки, которые "
                    "производятся по постановлению следователя.", element="article", sub="paragraph", prefix="art")
    seizure = _section("4", "Выемка компьютерных данных", "Следователь вправе произвести выемку компьютерных данных и "
                       "носителей компьютерных данных, имеющих значение для уголовного дела.",
                       element="article", sub="paragraph", prefix="art")
    interception = _section("5", "Перехват сообщений", "Перехват сообщений, передаваемых по компьютерным системам, "
                            "производится по уголовным делам о тяжких преступлениях.",
                            element="article", sub="paragraph", prefix="art")
    body = f'<chapter eId="chp_2"><num>Глава 2.</num><heading>Следственные действия</heading>' \
           f"{rule}{seizure}{interception}</chapter>"
    check = _check(body, language="rus")
    assert _requirement(check, "BC-21")["safeguards"][JUDICIAL] == "present"
    assert _requirement(check, "BC-19")["safeguards"][JUDICIAL] == "absent"


@pytest.mark.parametrize(("language", "rule", "power", "rid"), [
    ("eng", "A judge may, on an application supported by evidence on oath, issue a warrant for the purposes of "
            "section 13.",
     "A police officer may, with the authorisation provided for in section 12, search a computer system and seize "
     "computer data stored in it.", "BC-19"),
    ("rus", "Негласные следственные действия проводятся с санкции следственного судьи.",
     "Сбор и запись данных о трафике в реальном времени осуществляются в порядке, предусмотренном статьей 12 "
     "настоящего Закона.", "BC-20"),
])
def test_a_power_that_refers_to_another_article_for_its_authorisation_is_read_with_it(
        language: str, rule: str, power: str, rid: str) -> None:
    english = language == "eng"
    layout = {} if english else {"element": "article", "sub": "paragraph", "prefix": "art"}
    check = _check(_section("12", "Warrants" if english else "Санкционирование", rule, **layout),
                   _section("13", "Search" if english else "Сбор данных о трафике", power, **layout),
                   language=language)
    assert _requirement(check, rid)["safeguards"][JUDICIAL] == "present"


def test_a_rule_leaves_the_article_its_exception_names_to_that_articles_own_words() -> None:
    """«..., за исключением сохранения, предусмотренного статьей 11»: the chapter's rule still
    governs the search of ст. 12, and not the preservation of ст. 11."""
    layout = {"element": "article", "sub": "paragraph", "prefix": "art"}
    rule = _section("10", "Судебный контроль", "Следственные действия, предусмотренные настоящей главой, производятся "
                    "с санкции суда, за исключением сохранения компьютерных данных, предусмотренного статьей 11 "
                    "настоящего Закона.", **layout)
    preservation = _section("11", "Сохранение компьютерных данных", "Следователь вправе вынести постановление об "
                            "обеспечении сохранности конкретных компьютерных данных на срок до девяноста суток.",
                            **layout)
    search = _section("12", "Обыск в компьютерной системе", "Обыск в компьютерной системе производится при наличии "
                      "достаточных оснований полагать, что в ней хранятся данные, имеющие значение для дела.", **layout)
    body = f'<chapter eId="chp_3"><num>Глава 3.</num><heading>Следственные действия</heading>' \
           f"{rule}{preservation}{search}</chapter>"
    check = _check(body, language="rus")
    assert _requirement(check, "BC-19")["safeguards"][JUDICIAL] == "present"
    assert _requirement(check, "BC-16")["safeguards"][JUDICIAL] == "absent"


def test_a_chapter_rules_urgent_exception_is_an_exception_of_its_measures() -> None:
    layout = {"element": "article", "sub": "paragraph", "prefix": "art"}
    rule = _section("30", "Санкционирование", "Следственные действия, предусмотренные настоящей главой, проводятся "
                    "только с санкции следственного судьи, за исключением случаев, не терпящих отлагательства, когда "
                    "следователь вправе начать их с последующим получением санкции следственного судьи в течение "
                    "24 часов.", **layout)
    search = _section("31", "Обыск в компьютерной системе", "Обыск в компьютерной системе проводится для обнаружения "
                      "и изъятия компьютерных данных, имеющих значение для дела.", **layout)
    body = f'<chapter eId="chp_5"><num>Глава 5.</num><heading>Следственные действия</heading>{rule}{search}</chapter>'
    bc19 = _requirement(_check(body, language="rus"), "BC-19")
    assert bc19["safeguards"][JUDICIAL] == "present"
    [exception] = bc19["exceptions"]
    assert exception["validation"]["within"] == "PT24H"


def test_except_on_a_judges_warrant_is_a_condition_not_an_excepted_measure() -> None:
    check = _check(_section("9", "Search", "No police officer shall search a computer system or seize computer data "
                            "except on a warrant issued by a judge."))
    assert _requirement(check, "BC-19")["safeguards"][JUDICIAL] == "present"


def test_a_chapters_rule_binds_its_measures_whatever_the_case_of_its_participle() -> None:
    """«негласных следственных действий, предусмотренных настоящей главой» (genitive) names
    the chapter's measures as «предусмотренные настоящей главой» does: the judge's sanction
    it requires reaches the interception article of that chapter."""
    rule = _section("231", "Общие условия", "Постановление о проведении негласных следственных действий, "
                    "предусмотренных настоящей главой, санкционируется следственным судьей.",
                    element="article", sub="paragraph", prefix="art")
    power = _section("232", "Негласный перехват", "Негласный перехват сообщений подозреваемого проводится на срок "
                     "до тридцати суток.", element="article", sub="paragraph", prefix="art")
    body = f'<chapter eId="chp_30"><num>Глава 30.</num><heading>Негласные следственные действия</heading>' \
           f"{rule}{power}</chapter>"
    bc21 = _requirement(_check(body, language="rus"), "BC-21")
    assert bc21["safeguards"][JUDICIAL] == "present"


def test_a_section_on_urgent_searches_without_a_warrant_is_an_exception_to_the_warrant_section() -> None:
    """The warrant section sets the ordinary route (a magistrate); a separate section lets an
    officer search without a warrant where delay would defeat the purpose, and only report to
    a magistrate afterwards: an exception of the same power, with no validation, a finding."""
    warrant = _section("50", "Search warrant", "Where a magistrate is satisfied by information on oath that a "
                       "computer system may hold data material as evidence of an offence, the magistrate may issue a "
                       "warrant authorising a police officer to search the computer system and seize the data.")
    urgent = _section("53", "Search without warrant in urgent cases", "Where a police officer has reasonable grounds "
                      "to believe that the delay in obtaining a warrant would defeat the purpose of the search, the "
                      "officer may, without a warrant, search a computer system and seize the data.",
                      "The officer shall, as soon as practicable after the seizure, make a report of it to a "
                      "magistrate.")
    check = _check(warrant, urgent)
    bc19 = _requirement(check, "BC-19")
    assert bc19["safeguards"][JUDICIAL] == "present"
    assert [e["eId"] for e in bc19["exceptions"]] == ["sec_53__subsec_1"]
    assert f"BC-19/safeguard/{JUDICIAL}/urgency" in _codes(check)


def test_the_applicant_is_not_the_authority_that_decides() -> None:
    """"The Minister may, on an application made by the Commissioner of Police, issue a
    warrant": the police ask, the Minister decides, and the finding names the Minister."""
    check = _check(_section("9", "Interception warrants", "The Minister may, on an application made by the "
                            "Commissioner of Police, issue a warrant authorising the interception of the content of "
                            "specified communications."))
    [finding] = [f for f in check.report["findings"] if f["code"].startswith(f"BC-21/safeguard/{JUDICIAL}")]
    assert "Minister" in finding["message"] and "Police" not in finding["message"]


def test_the_report_names_who_authorises_as_the_reading_finds_it() -> None:
    """`authorised_by` lists the authorities that grant the power, not every authority the
    article names: here the Minister, not the police who apply."""
    check = _check(_section("9", "Interception warrants", "The Minister may, on an application made by the "
                            "Commissioner of Police, issue a warrant authorising the interception of the content of "
                            "specified communications."))
    assert _requirement(check, "BC-21")["authorised_by"] == ["the executive"]


def test_notifying_a_judge_of_an_urgent_measure_is_no_validation_but_obtaining_the_decision_is() -> None:
    """An officer's urgent search reported to a judge within 24 hours is not confirmed by
    anyone; «с последующим получением судебного решения в течение 48 часов» is a validation."""
    check = _check(_section("9", "Search", "A magistrate may issue a warrant authorising a police officer to search a "
                            "computer system and seize computer data.",
                            "Where the delay would defeat the purpose, a police officer may, without a warrant, search "
                            "a computer system and seize computer data, and shall notify the judge within 24 hours."))
    [exception] = _requirement(check, "BC-19")["exceptions"]
    assert exception["validation"] is None
    check = _check(_section("9", "Перехват", "Перехват сообщений производится по решению суда.",
                            "В случаях, не терпящих отлагательства, перехват сообщений может быть начат по "
                            "постановлению следователя без решения суда с последующим получением судебного решения в "
                            "течение 48 часов.", element="article", sub="paragraph", prefix="art"), language="rus")
    [exception] = _requirement(check, "BC-21")["exceptions"]
    assert exception["validation"]["within"] == "PT48H"


def test_an_urgent_start_that_names_no_one_is_an_exception() -> None:
    """"In urgent cases, the interception may begin before the warrant is issued": the measure
    runs without the judge who grants it, with no one named and nothing to confirm it."""
    check = _check(_section("9", "Interception", "A judge may issue a warrant authorising the interception of the "
                            "content of specified communications.",
                            "In urgent cases, the interception may begin before the warrant is issued."))
    bc21 = _requirement(check, "BC-21")
    assert bc21["safeguards"][JUDICIAL] == "present"
    assert [e["eId"] for e in bc21["exceptions"]] == ["sec_9__subsec_2"]
    assert f"BC-21/safeguard/{JUDICIAL}/urgency" in _codes(check)


def test_a_section_on_urgent_interception_records_the_officer_who_acts_before_the_warrant() -> None:
    """A section headed "Urgent interception" that lets an officer begin where an authorisation
    could not be obtained in time, and apply to a judge within 24 hours: one exception, with
    the officer as the one who acts and the judge's validation."""
    urgent = _section("8", "Urgent interception", "Where an authorisation could not be obtained in time, a police "
                      "officer may begin the interception of the content of specified communications, and shall within "
                      "24 hours apply to a judge for an authorisation under section 9; if the authorisation is "
                      "refused, the interception shall cease.")
    warrant = _section("9", "Authorisation of interception", "A judge may, on application by a police officer, "
                       "authorise the interception of the content of specified communications.")
    bc21 = _requirement(_check(urgent, warrant), "BC-21")
    assert bc21["safeguards"][JUDICIAL] == "present"
    [exception] = bc21["exceptions"]
    assert "police officer" in exception["authority"] and exception["validation"]["within"] == "PT24H"


def test_a_rule_for_the_listed_measures_it_cites_by_item_governs_them() -> None:
    """An operational-search law lists its measures in ст. 6; ст. 8 says that those of
    «подпунктами 3) и 4) пункта 1 статьи 6» need a court's sanction: the interception of item 4
    is judicially authorised."""
    layout = {"element": "article", "sub": "paragraph", "prefix": "art"}
    listing = ('<article eId="art_6"><num>Статья 6.</num><heading>Оперативно-розыскные мероприятия</heading>'
               '<paragraph eId="art_6__para_1"><num>1.</num><intro><p>Проводятся следующие мероприятия:</p></intro>'
               '<point eId="art_6__para_1__point_1"><num>1)</num><content><p>опрос;</p></content></point>'
               '<point eId="art_6__para_1__point_2"><num>2)</num><content><p>наведение справок;</p></content></point>'
               '<point eId="art_6__para_1__point_3"><num>3)</num><content><p>контроль почтовых отправлений;</p>'
               '</content></point><point eId="art_6__para_1__point_4"><num>4)</num><content><p>перехват сообщений, '
               "передаваемых посредством компьютерных систем.</p></content></point></paragraph></article>")
    rule = _section("8", "Условия проведения", "Мероприятия, предусмотренные подпунктами 3) и 4) пункта 1 статьи 6 "
                    "настоящего Закона, проводятся только с санкции суда.", **layout)
    bc21 = _requirement(_check(listing + rule, language="rus"), "BC-21")
    assert bc21["safeguards"][JUDICIAL] == "present"


def test_a_power_granted_subject_to_the_section_on_warrants_is_read_with_it() -> None:
    """"Subject to section 4, a police officer may intercept ...", and section 4 lets a judge
    issue the warrant and forbids the power before it: the officer acts under the judge's
    warrant."""
    power = _section("3", "Interception of content data", "Subject to section 4, a police officer may intercept, or "
                     "require a service provider to intercept, the content of specified communications.")
    warrant = _section("4", "Judicial warrant", "A judge may, on application by a police officer, issue a warrant "
                       "authorising the exercise of a power under section 3.", "No power under section 3 shall be "
                       "exercised before such a warrant has been issued.")
    assert _requirement(_check(power, warrant), "BC-21")["safeguards"][JUDICIAL] == "present"


def test_a_threat_to_life_is_an_urgency_that_relaxes_the_courts_decision() -> None:
    check = _check(_section(
        "14", "Сбор данных о трафике", "Сбор данных о трафике в реальном времени производится по решению суда.",
        "При угрозе жизни человека сбор данных может быть начат по постановлению следователя; суд в течение 24 часов "
        "проверяет законность постановления и при признании его незаконным сбор прекращается.",
        element="article", sub="paragraph", prefix="art"), language="rus")
    bc20 = _requirement(check, "BC-20")
    assert bc20["safeguards"][JUDICIAL] == "present"
    [exception] = bc20["exceptions"]
    assert exception["validation"]["within"] == "PT24H"


def test_an_article_on_a_listed_measure_is_governed_by_the_courts_rule_for_the_listed_items() -> None:
    """ст. 4 lists the measures, ст. 5 puts items 3)-4) under a court's permission, and ст. 7,
    which describes how the obtaining of computer information (item 4) is done and refers to
    those items, is read with ст. 5: the measure is judicially authorised."""
    layout = {"element": "article", "sub": "paragraph", "prefix": "art"}
    points = ("опрос", "наведение справок", "контроль почтовых отправлений", "получение компьютерной информации")
    listing = ('<article eId="art_4"><num>Статья 4.</num><heading>Оперативно-розыскные мероприятия</heading>'
               '<paragraph eId="art_4__para_1"><num>1.</num><intro><p>Проводятся следующие мероприятия:</p></intro>'
               + "".join(f'<point eId="art_4__para_1__point_{i}"><num>{i})</num><content><p>{text};</p></content>'
                         f"</point>" for i, text in enumerate(points, start=1)) + "</paragraph></article>")
    rule = _section("5", "Условия проведения мероприятий", "Мероприятия, перечисленные в пунктах 3–4 статьи 4 "
                    "настоящего Закона, допускаются исключительно с разрешения суда.", **layout)
    measure = _section("7", "Получение компьютерной информации",
                       "Получение компьютерной информации включает негласный доступ к компьютерной системе и "
                       "копирование хранящейся в ней информации.",
                       "Поставщики услуг обязаны содействовать проведению мероприятий, предусмотренных пунктами 3–4 "
                       "статьи 4 настоящего Закона.", **layout)
    bc19 = _requirement(_check(listing + rule + measure, language="rus"), "BC-19")
    assert [p["eId"] for p in bc19["provisions"]][:1] == ["art_7"]
    assert bc19["safeguards"][JUDICIAL] == "present"


def test_a_grant_sanctioned_by_the_judge_that_also_allows_an_extension_is_a_grant() -> None:
    """«производятся по постановлению следователя, санкционированному следственным судьей, на срок
    до трех месяцев с возможностью продления» grants the measure under the judge's sanction; the
    extension it allows is an added clause, not the sentence's role."""
    check = _check(_section(
        "232", "Сбор сведений о соединениях в режиме реального времени",
        "Сбор и запись сведений о соединениях определенных сообщений в режиме реального времени производятся "
        "по постановлению следователя, санкционированному следственным судьей, на срок до трех месяцев с "
        "возможностью продления следственным судьей до шести месяцев."), language="rus")
    assert _requirement(check, "BC-20")["safeguards"][JUDICIAL] == "present"


def test_a_warrant_issued_on_condition_of_a_judicial_commissioners_approval_is_independently_supervised() -> None:
    """The "double lock": a minister issues the interception warrant only if (c) a Judicial
    Commissioner has approved the decision. Without that condition the minister alone decides."""
    conditions = ["the Secretary of State considers the warrant necessary for the purpose of detecting serious "
                  "crime;", "the conduct authorised is proportionate to what is sought to be achieved; and"]
    for approval, supervised in ((["the decision to issue the warrant has been approved by a Judicial "
                                   "Commissioner."], "present"), ([], "absent")):
        items = "".join(f'<paragraph eId="sec_5__subsec_1__para_{i}"><num>({chr(96 + i)})</num><content><p>{text}'
                        f"</p></content></paragraph>" for i, text in enumerate(conditions + approval, start=1))
        section = ('<section eId="sec_5"><num>5.</num><heading>Targeted interception warrants</heading>'
                   '<subsection eId="sec_5__subsec_1"><num>(1)</num><intro><p>The Secretary of State may, on an '
                   "application by the chief officer of a law enforcement agency, issue a warrant authorising the "
                   f"interception of the content of specified communications if—</p></intro>{items}</subsection>"
                   "</section>")
        assert _requirement(_check(section), "BC-21")["safeguards"][JUDICIAL] == supervised


def test_a_russian_grant_on_condition_of_a_judges_approval_is_judicially_supervised() -> None:
    """«Руководитель органа выдает разрешение ..., если: ... 3) решение согласовано со следственным
    судьей»: the grant is used only with the judge's approval. Without that condition the head of
    the body alone decides."""
    conditions = ["имеются достаточные основания полагать, что сообщения содержат сведения о тяжком "
                  "преступлении;", "иными мерами получить сведения невозможно;"]
    for approval, supervised in ((["решение о выдаче разрешения согласовано со следственным судьей."], "present"),
                                 ([], "absent")):
        items = "".join(f'<point eId="art_5__para_1__point_{i}"><num>{i})</num><content><p>{text}</p></content>'
                        f"</point>" for i, text in enumerate(conditions + approval, start=1))
        article = ('<article eId="art_5"><num>Статья 5.</num><heading>Перехват сообщений</heading>'
                   '<paragraph eId="art_5__para_1"><num>1.</num><intro><p>Руководитель органа уголовного '
                   "преследования выдает разрешение на перехват содержания определенных сообщений, передаваемых "
                   f"по сетям электросвязи, если:</p></intro>{items}</paragraph></article>")
        check = _check(article, language="rus")
        assert _requirement(check, "BC-21")["safeguards"][JUDICIAL] == supervised, supervised


@pytest.mark.parametrize(("language", "grant", "assistance"), [
    ("eng", "A judge may issue a warrant authorising a police officer to search a computer system and seize "
            "computer data stored in it.",
     "A police officer may order any person who has knowledge about the functioning of the computer system to "
     "provide the information necessary to enable the search."),
    ("rus", "Обыск в компьютерной системе производится следователем по постановлению, санкционированному "
            "следственным судьей.",
     "Лица, обладающие сведениями о функционировании компьютерной системы, за исключением подозреваемого и "
     "обвиняемого, обязаны по требованию следователя сообщить сведения, необходимые для производства обыска."),
])
def test_an_officers_demand_for_help_from_those_who_know_the_system_does_not_decide_the_search(
        language: str, grant: str, assistance: str) -> None:
    """Art. 19(4): the officer may demand that those who know the system help the search. That
    demand is not the grant of the search, which the judge authorises."""
    check = _check(_section("12", "Search" if language == "eng" else "Обыск", grant, assistance), language=language)
    assert _requirement(check, "BC-19")["safeguards"][JUDICIAL] == "present"


def test_an_articles_own_route_without_the_judge_prevails_over_the_chapters_sanction_rule() -> None:
    """A chapter's rule puts its measures under the judge's sanction «если иное не установлено
    настоящей главой»; an article of it says its measure goes «по постановлению следователя,
    согласованному с прокурором, без санкции следственного судьи», with no urgency. That is the
    measure's ordinary route, and the article's own rule prevails: no judge authorises it."""
    rule = _section("231", "Общие условия проведения негласных следственных действий",
                    "Негласные следственные действия, предусмотренные настоящей главой, проводятся по "
                    "мотивированному постановлению следователя с санкции следственного судьи, если иное не "
                    "установлено настоящей главой.", prefix="art",
                    element="article", sub="paragraph")
    measure = _section("235", "Сбор сведений о соединениях в режиме реального времени",
                       "Сбор сведений о соединениях определенных абонентов в режиме реального времени заключается "
                       "в получении от операторов связи данных о трафике, относящихся к определенным сообщениям.",
                       "Сбор сведений о соединениях проводится по постановлению следователя, согласованному с "
                       "прокурором, без санкции следственного судьи.", prefix="art", element="article",
                       sub="paragraph")
    chapter = f'<chapter eId="chp_30"><num>Глава 30.</num><heading>Негласные следственные действия</heading>' \
              f"{rule}{measure}</chapter>"
    check = _check(chapter, language="rus")
    assert _requirement(check, "BC-20")["safeguards"][JUDICIAL] == "absent"


def test_a_warrant_executed_with_such_assistance_as_is_necessary_is_still_the_magistrates() -> None:
    """"With such assistance as is necessary" names the helpers the officer brings to a search,
    not the duty of those who know the system (Art. 19(4)): the magistrate who issues the
    warrant decides the search, and an urgent search without it is the exception."""
    check = _check(
        _section("18", "Search warrant",
                 "A magistrate who is satisfied by information on oath that there is in any computer system any "
                 "thing that will afford evidence of an offence may issue a warrant authorising a police officer "
                 "named in it, with such assistance as is necessary, to search the computer system and seize "
                 "the computer data."),
        _section("22", "Urgent search without warrant",
                 "A senior police officer who believes that the delay in obtaining a warrant would result in the "
                 "data being lost may search the computer system and seize computer data without a warrant."))
    bc19 = _requirement(check, "BC-19")
    assert bc19["safeguards"][JUDICIAL] == "present"
    assert [e["eId"] for e in bc19["exceptions"]] == ["sec_22__subsec_1"]


@pytest.mark.parametrize(("language", "issue", "approval"), [
    ("eng",
     "The Minister may issue a warrant authorising the interception of the content of specified communications "
     "transmitted by means of a computer system, if satisfied that it is necessary for a serious offence.",
     "An interception warrant issued under section 12 does not take effect unless, and until, it has been "
     "approved by a designated Judge."),
    ("rus",
     "Министр вправе вынести постановление о перехвате содержания сообщений, передаваемых посредством "
     "компьютерной системы, по делам о тяжких преступлениях.",
     "Постановление министра о перехвате сообщений, предусмотренное статьей 12, не вступает в силу до его "
     "утверждения судьей."),
])
def test_an_order_without_effect_until_a_judge_approves_it_is_judicially_supervised(
        language: str, issue: str, approval: str) -> None:
    """A "double lock": the Minister issues the warrant, but it has no effect until a judge
    approves it. The judge's approval is the condition of the measure, wherever the article
    that requires it stands, where it names the measure (an interception warrant)."""
    check = _check(_section("12", "Issue of warrant", issue), _section("13", "Approval by a judge", approval),
                   language=language)
    assert _requirement(check, "BC-21")["safeguards"][JUDICIAL] == "present"
