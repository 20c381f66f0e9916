"""Provision roles, read as a lawyer reads an article: its heading first, then its Part and
the Act's title, then what most of its units do. Measured against hand labels by
`python benchmarks/roles.py`."""

from __future__ import annotations

from conftest import akn_xml

from lawcheck.akn import parse_document
from lawcheck.engine.align import analyse


def _section(number: str, heading: str, *texts: str) -> str:
    parts = "".join(f'<subsection eId="sec_{number}__subsec_{i}"><num>({i})</num><content><p>{t}</p></content>'
                    f"</subsection>" for i, t in enumerate(texts, start=1))
    return f'<section eId="sec_{number}"><num>{number}.</num><heading>{heading}</heading>{parts}</section>'


def _roles(*sections: str, title: str = "Cybercrime Act", part: str | None = None,
           lang: str = "en") -> dict[str, str]:
    body = "".join(sections)
    if part is not None:
        body = f'<part eId="part_1"><num>PART I</num><heading>{part}</heading>{body}</part>'
    document = parse_document(akn_xml(body, title=title, language="eng" if lang == "en" else "rus"), "draft.xml")
    analysis = analyse(document, lang)
    return {a.eid: analysis.role(a) for a in analysis.articles}


def test_a_penalty_for_disobeying_an_order_does_not_make_a_power_an_offence() -> None:
    roles = _roles(_section(
        "9", "Assistance by service providers",
        "A judge may order a service provider to preserve specified computer data.",
        "The order shall specify the data to be preserved and the period of preservation.",
        "A police officer may serve the order on the service provider.",
        "A service provider who fails to comply with the order commits an offence and is liable on conviction "
        "to a fine."))
    assert roles["sec_9"] == "power"


def test_a_foreign_request_for_search_is_cooperation_not_a_domestic_search() -> None:
    roles = _roles(_section(
        "13", "Requests by foreign States for search and seizure",
        "Where a foreign State requests that a search be made, the Attorney General may authorise a police "
        "officer to apply to a magistrate for a search warrant.",
        "The magistrate may issue a warrant authorising the police officer to search the premises and seize "
        "any thing relevant to the request."))
    assert roles["sec_13"] == "cooperation"


def test_refusal_grounds_that_mention_an_offence_are_cooperation() -> None:
    roles = _roles(_section(
        "6", "Refusal of assistance",
        "A request by a foreign State for assistance shall be refused where it relates to a political offence.",
        "A request may be refused where the person has already been tried for the offence.",
        "A request may be refused where granting it would prejudice the sovereignty of the Republic."),
        title="Criminal Matters (Mutual Assistance) Act")
    assert roles["sec_6"] == "cooperation"


def test_a_rule_of_liability_is_an_offence_rule_even_without_a_penalty() -> None:
    roles = _roles(_section("22", "Attempt and aiding or abetting",
                            "Any person who attempts to commit an offence under this Act, or aids or abets its "
                            "commission, is a party to that offence."))
    assert roles["sec_22"] == "offence"


def test_a_liability_exemption_that_mentions_a_court_order_is_not_a_power() -> None:
    roles = _roles(_section(
        "41", "Hosting provider",
        "A hosting provider is not liable for information stored at the request of a user.",
        "The exemption applies only where the provider has no actual knowledge of unlawful activity.",
        "The provider shall remove the information expeditiously on obtaining such knowledge.",
        "Nothing in this section affects the power of a court to order the removal of information.",
        "The provider shall keep a record of removals."))
    assert roles["sec_41"] == "other"


def test_a_power_to_make_regulations_grants_no_measure() -> None:
    roles = _roles(_section("51", "Regulations", "The Minister may make regulations for the better carrying "
                                                 "out of the provisions of this Act."))
    assert roles["sec_51"] == "other"


def test_an_order_of_forfeiture_on_conviction_is_a_sanction_not_a_power() -> None:
    """A court that orders forfeiture of what served an offence sentences; it takes no
    investigative measure (Art. 13, not Arts 16-21), in either language."""
    roles = _roles(_section("48", "Forfeiture of property", "Where a person is convicted of an offence under this "
                            "Act, the court may, in addition to any other penalty, order the forfeiture of any "
                            "apparatus, device or thing used in the commission of the offence."))
    assert roles["sec_48"] == "other"
    roles = _roles(_section("48", "Конфискация", "При осуждении лица за преступление, предусмотренное настоящим "
                            "Законом, суд вправе вынести решение о конфискации устройств, использованных при его "
                            "совершении."), lang="ru")
    assert roles["sec_48"] == "other"


def test_a_russian_power_of_the_investigator_and_a_russian_offence() -> None:
    roles = _roles(
        '<article eId="art_94-2"><num>Статья 94-2.</num><heading>Сохранение компьютерных данных</heading>'
        '<paragraph eId="art_94-2__para_1"><num>1.</num><content><p>Следователь с санкции следственного судьи '
        "выносит постановление о сохранении компьютерных данных.</p></content></paragraph></article>"
        '<article eId="art_207"><num>Статья 207.</num><heading>Неправомерный доступ к информации</heading>'
        '<paragraph eId="art_207__para_1"><num>1.</num><content><p>Неправомерный доступ к охраняемой законом '
        "компьютерной информации наказывается штрафом.</p></content></paragraph></article>",
        title="Уголовно-процессуальный кодекс", lang="ru")
    assert roles == {"art_94-2": "power", "art_207": "offence"}


def test_a_part_heading_states_what_its_articles_leave_implicit() -> None:
    """In a Part headed "Electronic records", "stored records" are computer data; without that
    heading the same article names no data a treaty power is about."""
    from lawcheck.engine.align import align_requirement
    from lawcheck.rulebook.loader import load_rulebook

    bc16 = load_rulebook().get("BC-16")
    article = _section("20", "Preservation orders", "A judge may order any person to preserve stored records "
                                                    "for a period of ninety days.")
    for part, aligned in (("Electronic records", True), ("Miscellaneous", False)):
        body = f'<part eId="part_1"><num>PART I</num><heading>{part}</heading>{article}</part>'
        analysis = analyse(parse_document(akn_xml(body), "draft.xml"), "en")
        assert bool(align_requirement(analysis, bc16)) is aligned, part


def test_an_article_that_opens_with_an_offence_is_an_offence_whatever_its_heading_says() -> None:
    """"Interception" heads both the offence and the power; the offence is stated first, its
    exceptions for authorised interception after."""
    roles = _roles(
        '<section eId="sec_184"><num>184.</num><heading>Interception</heading>'
        '<subsection eId="sec_184__subsec_1"><num>(1)</num><intro><p>Every person who knowingly intercepts a '
        "private communication is guilty of</p></intro>"
        '<paragraph eId="sec_184__subsec_1__para_a"><num>(a)</num><content><p>an indictable offence and liable '
        "to imprisonment for a term of not more than five years; or</p></content></paragraph></subsection>"
        '<subsection eId="sec_184__subsec_2"><num>(2)</num><content><p>Subsection (1) does not apply to a '
        "person who intercepts a communication in accordance with an authorization issued by a judge or a "
        "warrant.</p></content></subsection></section>")
    assert roles["sec_184"] == "offence"


def test_an_article_that_forbids_conduct_to_everyone_and_punishes_it_is_an_offence() -> None:
    """"No person shall intercept ... unless authorised by warrant", the penalty two subsections
    down: the exceptions name a warrant, but nobody is given a power."""
    roles = _roles(
        '<section eId="sec_3"><num>3.</num><heading>Control of interception</heading>'
        '<subsection eId="sec_3__subsec_1"><num>(1)</num><intro><p>No person shall—</p></intro>'
        '<paragraph eId="sec_3__subsec_1__para_a"><num>(a)</num><content><p>intercept any communication in the '
        "course of its transmission unless he or she is authorised by warrant; or</p></content></paragraph>"
        '<paragraph eId="sec_3__subsec_1__para_b"><num>(b)</num><content><p>intercept any communication in the '
        "course of its transmission through the post unless authorised by warrant.</p></content></paragraph>"
        "</subsection>"
        '<subsection eId="sec_3__subsec_2"><num>(2)</num><content><p>Any person who intentionally intercepts a '
        "communication in the course of its transmission shall be guilty of an offence and liable to "
        "imprisonment for a period not exceeding five years.</p></content></subsection></section>")
    assert roles["sec_3"] == "offence"


def test_an_acts_objectives_name_offences_and_powers_but_implement_none() -> None:
    """"Objectives": to combat computer fraud and to provide for search and seizure. The
    article is preliminary; the fraud offence is the one that implements Art. 8."""
    from lawcheck.pipeline import check_document

    body = (_section("3", "Objectives", "The objectives of this Act are to combat computer fraud causing a loss "
                     "of property by the input of computer data, and to provide for the search and seizure of "
                     "computer data.")
            + _section("9", "Computer fraud", "A person who intentionally and without right causes a loss of "
                       "property to another by any input or alteration of computer data with intent to procure an "
                       "economic benefit commits an offence and is liable to imprisonment for five years."))
    assert _roles(body)["sec_3"] == "preliminary"
    report = check_document(parse_document(akn_xml(body), "draft.xml"), lang="en").report
    bc8 = next(r for r in report["requirements"] if r["id"] == "BC-8")
    assert [p["eId"] for p in bc8["provisions"]] == ["sec_9"]


def test_an_article_headed_with_an_authoritys_powers_is_a_power() -> None:
    """"Powers and functions of an inspector": to search premises, to report any unlawful
    activity, with a penalty for obstructing the inspector. It grants powers; it is no general
    clause making illegal activity an offence."""
    roles = _roles(_section("70", "Powers and functions of an inspector",
                            "An inspector may monitor any information system and report any unlawful activity.",
                            "An inspector may, under a warrant issued by a court, search the premises.",
                            "A person who obstructs an inspector commits an offence and is liable to a fine."))
    assert roles["sec_70"] == "power"


def test_a_power_for_offences_punishable_by_five_years_is_still_a_power() -> None:
    roles = _roles(_section("13", "Interception of content data",
                            "A judge may issue a warrant for the interception of the content of specified "
                            "communications for the investigation of an offence punishable by imprisonment of "
                            "five years or more."))
    assert roles["sec_13"] == "power"


def test_an_article_on_preservation_for_a_foreign_state_is_not_the_general_assistance_regime() -> None:
    """Art. 29(6) speaks of the confidentiality of the foreign investigation; that does not make
    the preservation article the confidentiality rule of Art. 28 or the procedure of Art. 27."""
    from lawcheck.pipeline import check_document

    body = _section("45", "Urgent request for the preservation of computer data",
                    "On receipt of a request from a foreign State for the expedited preservation of stored "
                    "computer data, the Prosecutor General shall without delay order its preservation.",
                    "Where preservation would threaten the confidentiality of the foreign investigation, the "
                    "Prosecutor General shall promptly inform the requesting State.")
    report = check_document(parse_document(akn_xml(body), "draft.xml"), lang="en").report
    status = {r["id"]: r["status"] for r in report["requirements"]}
    assert status["BC-29"] != "missing"
    assert status["BC-27"] == "missing" and status["BC-28"] == "missing"


def test_in_a_mutual_assistance_act_a_measure_headed_by_its_name_serves_the_request() -> None:
    """The Act's title says every measure in it is taken for a foreign request: a section
    headed only "Expedited disclosure of preserved traffic data", in which the prosecutor hands
    the data to the requesting Party, is co-operation, not the domestic Art. 17 power."""
    roles = _roles(_section(
        "9", "Expedited disclosure of preserved traffic data",
        "Where, in executing a request for preservation, the prosecutor finds that a service provider in another "
        "State took part in the transmission, the prosecutor shall disclose to the requesting Party enough traffic "
        "data to identify that service provider and the path of the communication."),
        title="Mutual Assistance in Criminal Matters Act")
    assert roles["sec_9"] == "cooperation"


def test_a_part_titled_after_crimes_frames_only_articles_with_a_penal_cue_of_their_own() -> None:
    """In a Part on computer crimes, the offences are offences; its jurisdiction, evidence and
    forfeiture sections, with no penalty or offence in their own words, are not."""
    roles = _roles(
        _section("3", "Illegal access", "A person who intentionally accesses a computer system without right "
                                        "commits an offence and is liable to imprisonment for three years."),
        _section("8", "Admissibility of electronic evidence",
                 "Computer data shall not be denied admissibility in evidence solely because it is "
                 "in electronic form."),
        _section("9", "Forfeiture", "A court may order that any computer used to commit a crime be forfeited "
                                    "to the State."),
        part="Crimes against computer systems")
    assert roles == {"sec_3": "offence", "sec_8": "other", "sec_9": "other"}


def test_an_offence_is_not_the_scope_of_the_procedural_powers() -> None:
    """Art. 14 is about the powers: a trial rule in a Chapter on crimes ("a criminal case shall
    be heard by ..." for an offence under the Chapter) is not where their scope is set."""
    from lawcheck.engine.align import align_requirement
    from lawcheck.rulebook.loader import load_rulebook

    bc14 = load_rulebook().get("BC-14")
    body = _section("12", "Illegal access", "A person who intentionally accesses a computer system without right "
                                            "commits an offence and is liable to imprisonment for three years.",
                    "A criminal case for an offence under this section shall be heard by the court of the district "
                    "in which the computer system is located.")
    analysis = analyse(parse_document(akn_xml(body), "draft.xml"), "en")
    assert analysis.role(analysis.articles[0]) == "offence"
    assert align_requirement(analysis, bc14) == []


def test_in_a_part_on_international_cooperation_a_measure_serves_the_foreign_request() -> None:
    """A code's Part on international co-operation frames its articles as a mutual assistance
    Act's title does: «Исполнение запросов об обыске» there is co-operation, not the domestic
    search; the same article in a Part on investigative actions is the power."""
    article = ('<article eId="art_562"><num>Статья 562.</num><heading>Исполнение запросов об обыске и '
               'выемке компьютерных данных</heading><paragraph eId="art_562__para_1"><num>1.</num><content><p>'
               "Запросы об обыске и выемке компьютерных данных исполняются в ускоренном порядке.</p></content>"
               "</paragraph></article>")
    for part, role in (("Международное сотрудничество в сфере уголовного судопроизводства", "cooperation"),
                       ("Следственные действия", "power")):
        body = f'<part eId="part_1"><num>РАЗДЕЛ 14.</num><heading>{part}</heading>{article}</part>'
        analysis = analyse(parse_document(akn_xml(body, title="Уголовно-процессуальный кодекс", language="rus"),
                                          "draft.xml"), "ru")
        assert analysis.role(analysis.articles[0]) == role, part


def test_in_a_part_on_mutual_assistance_a_request_is_a_request_for_assistance() -> None:
    """Under "PART II. MUTUAL LEGAL ASSISTANCE", "a request may be transmitted by fax" speaks of
    requests for assistance (Art. 25(3)) and "a request for the search of stored data" of a
    foreign request (Art. 31), though neither names assistance or a foreign State itself; under
    "Investigations" the same words are a domestic application."""
    from lawcheck.engine.align import align_requirement
    from lawcheck.rulebook.loader import load_rulebook

    rulebook = load_rulebook()
    articles = _section("5", "Urgent communications", "In urgent circumstances a request may be transmitted by "
                        "facsimile or electronic mail, and the central authority shall respond by the same means.") \
        + _section("11", "Search and seizure of stored data", "On a request for the search or seizure of computer "
                   "data stored in the Kingdom, the central authority may apply for a search warrant.")
    for part, aligned in (("Mutual legal assistance", True), ("Investigations", False)):
        body = f'<part eId="part_2"><num>PART II</num><heading>{part}</heading>{articles}</part>'
        analysis = analyse(parse_document(akn_xml(body, title="Criminal Matters Act"), "draft.xml"), "en")
        assert ("sec_5" in [a.eid for a in align_requirement(analysis, rulebook.get("BC-25"))]) is aligned, part
        assert ("sec_11" in [a.eid for a in align_requirement(analysis, rulebook.get("BC-31"))]) is aligned, part


def test_the_rule_that_ends_an_interpretation_article_is_read() -> None:
    """«Статья 230. Понятия»: its first part defines terms, its second says to which cases the
    chapter's powers apply (Art. 14). The rule is aligned; the definitions are not operative
    text (they name traffic data, but grant no power to collect it)."""
    from lawcheck.engine.align import align_requirement
    from lawcheck.rulebook.loader import load_rulebook

    rulebook = load_rulebook()
    points = ("компьютерные данные – любые сведения, представленные в форме, пригодной для обработки "
              "электронным устройством", "данные о трафике – компьютерные данные, касающиеся сообщения, "
              "которые указывают его источник, адресата, маршрут, время и продолжительность")
    defined = "".join(f'<point eId="art_230__para_1__point_{i}"><num>{i})</num><content><p>{text};</p></content>'
                      f"</point>" for i, text in enumerate(points, start=1))
    rule = ('<paragraph eId="art_230__para_2"><num>2.</num><content><p>Полномочия, предусмотренные настоящей '
            "главой, применяются по находящимся в производстве уголовным делам о любых уголовных "
            "правонарушениях, в том числе для собирания доказательств в электронной форме.</p></content>"
            "</paragraph>")
    for ending, aligned in ((rule, True), ("", False)):
        body = (f'<article eId="art_230"><num>Статья 230.</num><heading>Понятия, используемые в настоящей '
                f'главе</heading><paragraph eId="art_230__para_1"><num>1.</num><intro><p>В настоящей главе '
                f"используются следующие понятия:</p></intro>{defined}</paragraph>{ending}</article>")
        analysis = analyse(parse_document(akn_xml(body, language="rus"), "draft.xml"), "ru")
        assert "art_230" in analysis.definition_articles
        assert bool(align_requirement(analysis, rulebook.get("BC-14"))) is aligned
        assert not align_requirement(analysis, rulebook.get("BC-20"))


def test_an_offence_punished_as_a_schedule_provides_is_an_offence_whatever_measure_its_heading_names() -> None:
    """"Interception of transmissions: Whoever ... intercepts ... shall be punished as provided
    in the Schedule" makes interception an offence (Art. 3); its heading names the conduct, not a
    power of interception, and the penalty standing in a schedule does not change that."""
    roles = _roles(_section("12", "Interception of transmissions",
                            "Whoever intentionally and by technical means intercepts a non-public transmission of "
                            "computer data shall be punished as provided in the Schedule."))
    assert roles["sec_12"] == "offence"


def test_a_foreign_request_executed_through_a_power_named_by_its_article_states_that_power() -> None:
    """A co-operation article may name the domestic power it uses by its number alone ("apply
    for the warrant provided for in section 12"; «за постановлением, предусмотренным статьей
    19»): the power it refers to states the measure, and the article carries Art. 31. Without
    the reference it says nothing of searching stored data."""
    from lawcheck.engine.align import align_requirement
    from lawcheck.rulebook.loader import load_rulebook

    rulebook = load_rulebook()
    power = _section("12", "Search warrant", "A judge may issue a warrant authorising a police officer to search "
                     "a computer system and seize computer data stored in it.")
    for words, aligned in (("apply for the warrant provided for in section 12", True),
                           ("take such measures as may be appropriate", False)):
        request = _section("31", "Execution of foreign requests", "On a request of a foreign State, the central "
                           f"authority may {words} in respect of data stored in the Republic.")
        body = (f'<part eId="part_2"><num>PART II</num><heading>Investigations</heading>{power}</part>'
                f'<part eId="part_3"><num>PART III</num><heading>International co-operation</heading>{request}</part>')
        analysis = analyse(parse_document(akn_xml(body, title="Cybercrime Act"), "draft.xml"), "en")
        assert ("sec_31" in [a.eid for a in align_requirement(analysis, rulebook.get("BC-31"))]) is aligned, words


def test_in_an_act_on_extradition_and_assistance_its_extradition_part_is_about_surrender() -> None:
    """In an "Extradition and Mutual Assistance Act", the Part headed "Extradition" speaks of
    surrender: "requests for extradition" there are no requests for assistance (Art. 27). The
    Part on mutual assistance is."""
    from lawcheck.engine.align import align_requirement
    from lawcheck.rulebook.loader import load_rulebook

    extradition = _section("4", "Basis for extradition", "The Attorney General is the authority responsible for "
                           "making and receiving requests for extradition and for provisional arrest.")
    assistance = _section("9", "Central Authority", "The Attorney General is the central authority for making "
                          "and receiving requests for mutual assistance in criminal matters.")
    body = (f'<part eId="part_2"><num>PART II</num><heading>Extradition</heading>{extradition}</part>'
            f'<part eId="part_3"><num>PART III</num><heading>Mutual assistance</heading>{assistance}</part>')
    analysis = analyse(parse_document(akn_xml(body, title="Extradition and Mutual Assistance in Criminal Matters "
                                              "Act"), "draft.xml"), "en")
    aligned = [a.eid for a in align_requirement(analysis, load_rulebook().get("BC-27"))]
    assert "sec_9" in aligned and "sec_4" not in aligned


def test_an_article_headed_as_requests_in_a_chapter_on_assistance_is_cooperation() -> None:
    """«Запросы о сборе данных о трафике ... исполняются ... с санкции суда» in a Chapter on legal
    assistance executes requests from abroad, though the article names no foreign State and a
    court authorises the measure; the same heading under investigative actions stays a power."""
    article = ('<article eId="art_532"><num>Статья 532.</num><heading>Запросы о сборе данных о трафике в '
               'режиме реального времени</heading><paragraph eId="art_532__para_1"><num>1.</num><content><p>'
               "Запросы о сборе или записи в режиме реального времени данных о трафике, относящихся к "
               "определенным сообщениям, исполняются с санкции суда в порядке, установленном настоящим "
               "Кодексом.</p></content></paragraph></article>")
    for chapter, role in (("Правовая помощь по уголовным делам", "cooperation"), ("Следственные действия", "power")):
        body = f'<chapter eId="chp_63"><num>Глава 63.</num><heading>{chapter}</heading>{article}</chapter>'
        analysis = analyse(parse_document(akn_xml(body, title="Уголовно-процессуальный кодекс", language="rus"),
                                          "draft.xml"), "ru")
        assert analysis.role(analysis.articles[0]) == role, chapter


def test_an_offence_with_an_administrative_penalty_is_no_criminal_offence() -> None:
    """Arts 2 to 11 ask for criminal offences. An article of a code of administrative offences
    («влечет наложение административного штрафа») is administrative; a criminal article beside it
    that refers to an earlier administrative penalty but punishes with imprisonment stays an offence."""
    roles = _roles(
        _section("408", "Незаконное использование объектов авторского права",
                 "Незаконное использование объектов авторского права в сети Интернет – влечет наложение "
                 "административного штрафа на физических лиц в размере двадцати месячных расчетных показателей."),
        _section("271", "Неправомерный доступ к компьютерной информации",
                 "Неправомерный доступ к компьютерной информации, совершенный лицом, подвергнутым "
                 "административному взысканию за такое же правонарушение, – наказывается лишением свободы на "
                 "срок до двух лет."),
        title="Кодекс об административных правонарушениях", lang="ru")
    assert roles == {"sec_408": "administrative", "sec_271": "offence"}


def test_a_civil_penalty_for_breaching_a_retention_duty_is_no_criminal_offence() -> None:
    roles = _roles(_section(
        "26", "Retention of communications data",
        "A service provider that fails to retain communications data for two years commits an offence and is "
        "liable to an administrative fine of level five."))
    assert roles == {"sec_26": "administrative"}


def test_a_legal_persons_administrative_liability_is_read_for_article_12() -> None:
    """Art. 12(3): a legal person's liability may be criminal, civil or administrative."""
    from test_check import _check, _requirement
    from test_check import _section as _check_section

    check = _check(
        _check_section("5", "Illegal access",
                       "A person who intentionally and without right accesses a computer system commits an "
                       "offence and is liable on conviction to imprisonment for three years."),
        _check_section("12", "Liability of legal persons",
                       "A legal person is liable to an administrative fine where an offence under section 5 is "
                       "committed for its benefit by a natural person who has a leading position within it."))
    assert [p["label"] for p in _requirement(check, "BC-12")["provisions"] if p["role"] == "principal"] == ["s. 12"]
    assert "s. 12" not in [p["label"] for p in _requirement(check, "BC-2")["provisions"]]
