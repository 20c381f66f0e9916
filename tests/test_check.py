"""`lawcheck check` end to end: the report's contract, the verdicts a reviewer relies on
(conflicts, missing safeguards, who authorises), reservations, formats and exit codes."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from conftest import REPO, SHARED, akn_xml

from lawcheck.akn import parse_document, read_document
from lawcheck.cli import main
from lawcheck.pipeline import check_document

NATIONAL = REPO / "corpora" / "national"


def _section(number: str, heading: str, *paragraphs: str, element: str = "section",
             sub: str = "subsection", prefix: str = "sec") -> str:
    eid = f"{prefix}_{number}"
    parts = "".join(
        f'<{sub} eId="{eid}__{sub[:6] if sub == "subsection" else "para"}_{i}"><num>({i})</num>'
        f"<content><p>{text}</p></content></{sub}>"
        for i, text in enumerate(paragraphs, start=1))
    return f'<{element} eId="{eid}"><num>{number}.</num><heading>{heading}</heading>{parts}</{element}>'


def _check(*sections: str, language: str = "eng", **options):  # type: ignore[no-untyped-def]
    document = parse_document(akn_xml("".join(sections), language=language), "draft.xml")
    return check_document(document, **options)


def _codes(check) -> set[str]:  # type: ignore[no-untyped-def]
    return {f["code"] for f in check.report["findings"]}


def _requirement(check, rid: str) -> dict:  # type: ignore[no-untyped-def]
    return next(r for r in check.report["requirements"] if r["id"] == rid)


# --- the contract ------------------------------------------------------------------------

def test_json_report_of_the_demo_is_valid_against_the_contract_schema(national_check: Callable[[str], Any]) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    schema_path = SHARED / "schemas" / "report.schema.json"
    if not schema_path.is_file():
        pytest.skip(f"report schema not found at {schema_path}")
    report = national_check("en_model_law.xml").report
    jsonschema.validate(report, json.loads(schema_path.read_text(encoding="utf-8")))
    ids = [r["id"] for r in report["requirements"]]
    assert ids[0] == "BC-1" and ids[34] == "BC-35" and ids[-1] == "SP-14"
    assert len(report["alignment"]) == report["document"]["provisions"]


def test_demo_model_law_is_nearly_all_implemented(national_check: Callable[[str], Any]) -> None:
    summary = national_check("en_model_law.xml").report["summary"]
    assert summary["implemented"] >= 42 and summary["missing"] <= 3


def test_instruments_select_the_requirements() -> None:
    check = check_document(read_document(NATIONAL / "en_model_law.xml"), instruments=("BC",))
    assert {r["instrument"] for r in check.report["requirements"]} == {"BC"}
    assert len(check.report["requirements"]) == 35


# --- conflicts with the treaty -----------------------------------------------------------

def test_preservation_beyond_ninety_days_is_a_conflict() -> None:
    check = _check(_section("12", "Preservation order",
                            "Where computer data is vulnerable to loss, a judge may order a person in control of "
                            "specified computer data to preserve it and maintain its integrity.",
                            "The order shall remain in force for a period not exceeding one hundred and eighty "
                            "days."))
    finding = next(f for f in check.report["findings"] if f["code"] == "BC-16/max_duration")
    assert finding["category"] == "conflict" and finding["provisions"] == ["sec_12__subsec_2"]
    assert "one hundred and eighty days" in finding["message"] and finding["cites"] == "Art. 16(2) ETS 185"


def test_ninety_days_is_within_the_ceiling() -> None:
    check = _check(_section("12", "Preservation order",
                            "A judge may order a person in control of specified computer data to preserve it.",
                            "The order shall remain in force for a period not exceeding ninety days and may be "
                            "renewed."))
    assert "BC-16/max_duration" not in _codes(check)


def test_foreign_preservation_shorter_than_sixty_days_and_dual_criminality_are_conflicts() -> None:
    check = _check(_section("30", "Preservation at the request of a foreign State",
                            "At the request of a foreign State the competent authority shall order the expeditious "
                            "preservation of stored computer data.",
                            "Dual criminality is a condition for executing such a request.",
                            "Data preserved under this section shall be kept for thirty days."))
    assert {"BC-29/no_dual_criminality", "BC-29/minimum_period"} <= _codes(check)


def test_wider_refusal_grounds_for_foreign_preservation_are_a_conflict() -> None:
    check = _check(_section("30", "Preservation at the request of a foreign State",
                            "At the request of a foreign State the competent authority shall order the expeditious "
                            "preservation of stored computer data for not less than sixty days.",
                            "A request may be refused on any other ground that the Minister considers appropriate."))
    assert any(c.startswith("BC-29/") and "refusal" in c for c in _codes(check)), _codes(check)


def test_blanket_retention_presented_as_preservation_is_a_conflict() -> None:
    check = _check(_section("8", "Preservation of data",
                            "Every operator shall retain the traffic data of all subscribers for two years."))
    bc16 = _requirement(check, "BC-16")
    assert "BC-16/not_blanket_retention" in _codes(check) or bc16["status"] == "missing"


def test_emergency_wider_than_a_risk_to_life_or_safety_is_a_conflict() -> None:
    check = _check(_section("40", "Emergency disclosure",
                            "In an emergency, including a threat to property or to public order, the point of "
                            "contact may request a service provider in another Party to disclose stored computer "
                            "data without a request for mutual assistance."))
    assert any(c.startswith(("SP-9/", "SP-3/")) and "emergency" in c for c in _codes(check)), _codes(check)


# --- safeguards and authorities ----------------------------------------------------------

def test_interception_on_police_authority_lacks_judicial_supervision() -> None:
    check = _check(_section("23", "Interception of content data",
                            "A police officer may direct a service provider to intercept and record the content of "
                            "specified communications transmitted by means of a computer system."))
    bc21 = _requirement(check, "BC-21")
    assert bc21["safeguards"]["judicial_or_independent_supervision"] == "absent"
    assert "BC-21/safeguard/judicial_or_independent_supervision" in _codes(check)


def test_prosecutors_sanction_is_not_judicial_supervision_and_the_report_says_who_authorises() -> None:
    check = _check(_section("232", "Негласный съем информации",
                            "Следователь с санкции прокурора вправе осуществлять перехват и запись содержания "
                            "сообщений, передаваемых по сетям связи."),
                   language="rus")
    finding = next(f for f in check.report["findings"]
                   if f["code"] == "BC-21/safeguard/judicial_or_independent_supervision")
    assert "прокурор" in finding["message"]
    assert check.report["document"]["language"] == "ru"


def test_without_a_court_decision_excludes_judicial_supervision() -> None:
    check = _check(_section("94", "Сохранение компьютерных данных",
                            "Следователь без решения суда выносит постановление о сохранении определенных "
                            "компьютерных данных, включая данные о соединениях."),
                   language="rus")
    assert _requirement(check, "BC-16")["safeguards"]["judicial_or_independent_supervision"] == "absent"


def test_a_general_safeguard_clause_covers_the_powers_of_the_act() -> None:
    general = _section("5", "Conditions and safeguards",
                       "Every power under this Act shall be exercised only on the order of a judge, who shall be "
                       "satisfied that there are reasonable grounds and that the measure is necessary and "
                       "proportionate, and the order shall state its scope and duration.")
    power = _section("12", "Production order",
                     "A person in the Republic may be ordered to produce specified computer data in that person's "
                     "possession or control.")
    bc18 = _requirement(_check(general, power), "BC-18")
    assert bc18["safeguards"]["judicial_or_independent_supervision"] == "present"
    assert bc18["safeguards"]["proportionality"] == "present"


# --- consistency, settings, formats ------------------------------------------------------

def test_dangling_reference_is_reported() -> None:
    check = _check(_section("3", "Illegal access",
                            'A person who intentionally accesses a computer system without right commits an offence '
                            'and is liable to the penalty in <ref href="#sec_99">section 99</ref>.'))
    finding = next(f for f in check.report["findings"] if f["code"] == "draft/dangling_reference")
    assert finding["category"] == "consistency" and finding["provisions"] == ["sec_3__subsec_1"]


def test_a_permitted_reservation_in_lawcheck_toml_relaxes_its_element(tmp_path: Path) -> None:
    draft = tmp_path / "draft.xml"
    draft.write_bytes(akn_xml(_section("5", "Data interference",
                                       "A person who intentionally and without right damages, deletes, alters or "
                                       "suppresses computer data commits an offence where this causes serious "
                                       "harm.")))
    assert main(["check", str(draft), "--format", "json", "-o", str(tmp_path / "a.json")]) == 0
    before = json.loads((tmp_path / "a.json").read_text())
    (tmp_path / "lawcheck.toml").write_text('not_applicable = ["BC-28"]\n[reservations]\nBC-4 = ["serious_harm"]\n')
    assert main(["check", str(draft), "--format", "json", "-o", str(tmp_path / "b.json")]) == 0
    after = json.loads((tmp_path / "b.json").read_text())
    assert "BC-4/no_harm_threshold" in {f["code"] for f in before["findings"]}
    assert "BC-4/no_harm_threshold" not in {f["code"] for f in after["findings"]}
    assert next(r for r in after["requirements"] if r["id"] == "BC-28")["status"] == "not_applicable"


def test_a_reservation_the_treaty_does_not_permit_is_refused(tmp_path: Path,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    draft = tmp_path / "draft.xml"
    draft.write_bytes(akn_xml(_section("5", "Offence", "Text.")))
    (tmp_path / "lawcheck.toml").write_text('[reservations]\nBC-5 = ["serious_harm"]\n')
    assert main(["check", str(draft)]) == 2
    err = capsys.readouterr().err.strip()
    assert "\n" not in err and "lawcheck.toml" in err and "BC-5" in err


def test_json_goes_alone_to_stdout(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(NATIONAL / "en_gaps_draft.xml"), "--format", "json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["schema"] == "lawcheck.report/1"


def test_fail_on_conflict_exits_3() -> None:
    assert main(["check", str(NATIONAL / "en_gaps_draft.xml"), "--fail-on", "conflict", "-o", "/dev/null"]) == 3
    assert main(["check", str(NATIONAL / "en_model_law.xml"), "--fail-on", "conflict", "-o", "/dev/null"]) == 0


def test_text_summary_is_short_and_leads_with_conflicts(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(NATIONAL / "en_gaps_draft.xml")]) == 0
    out = capsys.readouterr().out
    assert len(out.splitlines()) < 80
    assert out.splitlines()[3].startswith("Conflicts with the treaty")
    assert "BC-16/max_duration" in out


def test_html_is_self_contained_with_evidence_highlighted(tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    assert main(["check", str(NATIONAL / "en_gaps_draft.xml"), "--format", "html", "-o", str(out)]) == 0
    html = out.read_text(encoding="utf-8")
    assert "<mark" in html and "<script" not in html and "http" not in html.split("<body>")[0]
    assert 'id="sec_16__subsec_2"' in html or "id='sec_16__subsec_2'" in html


def test_markdown_has_the_article_by_article_table(tmp_path: Path) -> None:
    out = tmp_path / "report.md"
    assert main(["check", str(NATIONAL / "ru_complete_draft.xml"), "--format", "md", "-o", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    assert "| Статья | Название | Оценка |" in text and "| BC-16 |" in text
    assert main(["check", str(NATIONAL / "ru_complete_draft.xml"), "--format", "md", "--ui-lang", "en",
                 "-o", str(out)]) == 0
    assert "| Article | Title | Status |" in out.read_text(encoding="utf-8")


def test_russian_and_english_drafts_are_checked_against_the_same_rules(national_check: Callable[[str], Any]) -> None:
    en = national_check("en_model_law.xml").report
    ru = national_check("ru_complete_draft.xml").report
    assert [r["id"] for r in en["requirements"]] == [r["id"] for r in ru["requirements"]]
    assert ru["document"]["language"] == "ru" and ru["summary"]["implemented"] >= 40


@pytest.mark.parametrize("name", ["tz_cca_2015.xml", "kz_uk_2014_excerpt.xml"])
def test_real_laws_are_checked(name: str) -> None:
    path = SHARED / "devset" / "akn" / name
    if not path.is_file():
        pytest.skip(f"devset law not found at {path}")
    report = check_document(read_document(path)).report
    assert report["summary"]["implemented"] + report["summary"]["partial"] >= 10


def test_rechecking_one_edited_provision_gives_what_a_full_check_gives() -> None:
    from lawcheck.engine.evaluate import assess, reassess
    from lawcheck.rulebook.loader import load_rulebook
    from lawcheck.settings import Settings

    check = check_document(read_document(NATIONAL / "en_model_law.xml"))
    analysis, rulebook = check.analysis, load_rulebook()
    eid = "sec_23__subsec_1"
    text = analysis.units[eid].tagged.text.replace("a judge", "the Commissioner of Police")
    analysis.edit(eid, text)
    quick = reassess(analysis, rulebook, Settings(), check.assessed, eid)
    full = assess(analysis, rulebook, ("BC", "SP"), Settings())

    def verdicts(items):  # type: ignore[no-untyped-def]
        return [(a.requirement.id, a.status, {k: v.status if v else None
                                               for k, v in (a.evaluation.safeguards if a.evaluation else {}).items()})
                for a in items]

    assert verdicts(quick) == verdicts(full)
    bc21 = next(a for a in quick if a.requirement.id == "BC-21")
    assert bc21.evaluation.safeguards["judicial_or_independent_supervision"].status != "met"
    untouched = next(a for a in quick if a.requirement.id == "BC-2")
    assert untouched is next(a for a in check.assessed if a.requirement.id == "BC-2")


def test_the_article_29_4_reservation_keeps_dual_criminality_away_from_convention_offences(tmp_path: Path) -> None:
    draft = tmp_path / "draft.xml"
    draft.write_bytes(akn_xml(_section(
        "30", "Preservation for a foreign State",
        "On receipt of a request from a foreign State for the expedited preservation of stored computer data, "
        "the Prosecutor General shall without delay order the person in control of the data to preserve it.",
        "A request for preservation may be refused unless the conduct would constitute an offence under the law "
        "of the Republic.")))
    codes = {}
    reservation = '[reservations]\nBC-29 = ["dual_criminality_for_other_offences"]\n'
    for name, settings in (("plain", ""), ("reserved", reservation)):
        (tmp_path / "lawcheck.toml").write_text(settings)
        assert main(["check", str(draft), "--format", "json", "-o", str(tmp_path / f"{name}.json")]) == 0
        codes[name] = {f["code"] for f in json.loads((tmp_path / f"{name}.json").read_text())["findings"]}
    assert "BC-29/no_dual_criminality" in codes["plain"]
    assert "BC-29/dual_criminality_spares_convention_offences" not in codes["plain"]
    assert "BC-29/no_dual_criminality" not in codes["reserved"]
    assert "BC-29/dual_criminality_spares_convention_offences" in codes["reserved"]


@pytest.mark.parametrize(("lang", "traffic", "interception", "narrower"), [
    ("en", "Real-time collection of traffic data associated with specified communications may be ordered by a "
           "judge only for offences punishable by imprisonment of five years or more.",
     "Interception of the content of specified communications may be authorised by a judge only for offences "
     "punishable by imprisonment of three years or more.", True),
    ("en", "Real-time collection of traffic data associated with specified communications may be ordered by a "
           "judge only for offences punishable by imprisonment of three years or more.",
     "Interception of the content of specified communications may be authorised by a judge only for offences "
     "punishable by imprisonment of three years or more.", False),
    ("ru", "Сбор данных о соединениях в режиме реального времени производится по постановлению следственного "
           "судьи по делам о преступлениях, за которые предусмотрено наказание в виде лишения свободы на срок "
           "свыше пяти лет.",
     "Контроль и запись переговоров, перехват содержания сообщений производятся по постановлению следственного "
     "судьи по делам о преступлениях, за которые предусмотрено наказание в виде лишения свободы на срок свыше "
     "трех лет.", True),
])
def test_the_article_14_3_a_reservation_keeps_traffic_collection_no_narrower_than_interception(
        tmp_path: Path, lang: str, traffic: str, interception: str, narrower: bool) -> None:
    """With the reservation, real-time collection may be confined to listed offences, but never
    to fewer than those for which content may be intercepted."""
    if lang == "en":
        body = _section("20", "Real-time collection of traffic data", traffic) \
            + _section("21", "Interception of content data", interception)
    else:
        body = _section("231", "Сбор данных о соединениях в режиме реального времени", traffic,
                        element="article", sub="paragraph", prefix="art") \
            + _section("232", "Контроль и запись переговоров", interception,
                       element="article", sub="paragraph", prefix="art")
    draft = tmp_path / "draft.xml"
    draft.write_bytes(akn_xml(body, language="eng" if lang == "en" else "rus"))
    (tmp_path / "lawcheck.toml").write_text('[reservations]\nBC-20 = ["traffic_collection_offence_list"]\n')
    assert main(["check", str(draft), "--format", "json", "-o", str(tmp_path / "r.json")]) == 0
    codes = {f["code"] for f in json.loads((tmp_path / "r.json").read_text())["findings"]}
    assert ("BC-20/offence_range_not_narrower" in codes) is narrower
    assert "BC-20/no_offence_threshold" not in codes


def test_a_secrecy_period_beside_a_preservation_order_is_not_its_duration() -> None:
    """The order lasts no more than ninety days (ч. 2); the person ordered keeps it secret for a
    year (ч. 3). The year is the secrecy's, not the order's: no conflict with Art. 16(2)."""
    check = _check(_section(
        "232-3", "Срочное сохранение компьютерных данных",
        "Следователь с санкции прокурора выносит постановление о срочном сохранении конкретных компьютерных данных.",
        "Лицо, которому направлено постановление, обязано обеспечить сохранность и целостность данных в течение срока, "
        "указанного в постановлении, но не более девяноста суток.",
        "Лицо, получившее постановление, обязано не разглашать сведения о его вынесении в течение одного года.",
        element="article", sub="paragraph", prefix="art"), language="rus")
    assert "BC-16/max_duration" not in _codes(check)


def test_a_fiscal_ground_in_a_list_of_refusal_grounds_conflicts_with_art_25() -> None:
    """"A request may be refused if— ... (b) the request relates to an offence of a fiscal
    nature": the ground stands in an item, the refusal in the words that open the list."""
    body = ('<section eId="sec_5"><num>5.</num><heading>Refusal of assistance</heading>'
            '<subsection eId="sec_5__subsec_1"><num>(1)</num><intro><p>A request for mutual legal assistance '
            "from a foreign State may be refused if—</p></intro>"
            '<paragraph eId="sec_5__subsec_1__para_a"><num>(a)</num><content><p>it relates to a political offence; '
            "or</p></content></paragraph>"
            '<paragraph eId="sec_5__subsec_1__para_b"><num>(b)</num><content><p>it relates to an offence of a '
            "fiscal nature, including an offence concerning taxes or currency control.</p></content></paragraph>"
            "</subsection></section>")
    assert "BC-25/no_fiscal_refusal" in _codes(_check(body))


def test_conditions_in_the_warrant_section_the_powers_are_issued_under_are_read() -> None:
    """Art. 15: the powers say "under a warrant issued by a judge under section 12" and section 12 sets
    the test of necessity and proportionality; that condition is found, not reported absent."""
    search = _section("7", "Search and seizure of stored computer data",
                      "Under a warrant issued by a judge under section 12, an authorised officer may search a computer "
                      "system and seize computer data stored in it.")
    warrants = _section("12", "Warrants",
                        "An application for a warrant shall be made to a judge on oath and state the grounds.",
                        "The judge shall not issue a warrant unless satisfied that the measure is necessary and "
                        "proportionate to the investigation.")
    check = _check(search, warrants, lang="en")
    assert "BC-15/proportionality" not in _codes(check)
    bc15 = _requirement(check, "BC-15")
    assert "sec_12" in [p["eId"] for p in bc15["provisions"]]
    without = _check(search, _section("12", "Warrants", "An application for a warrant shall be made to a judge "
                                                        "on oath and state the grounds."), lang="en")
    assert "BC-15/proportionality" in _codes(without)


def test_a_refusal_the_law_forbids_under_a_grounds_for_refusal_heading_is_no_fiscal_refusal_ground() -> None:
    """Art. 25(4): "Grounds for refusal ... (2) a request shall not be refused on the sole ground
    that the offence is fiscal" complies, in either language; allowing the refusal does not."""
    for language, heading, allowed, forbidden in (
            ("eng", "Grounds for refusal of mutual legal assistance",
             "A request for mutual legal assistance may be refused where it concerns a fiscal offence.",
             "A request for mutual legal assistance shall not be refused on the sole ground that it "
             "concerns a fiscal offence."),
            ("rus", "Основания для отказа в правовой помощи",
             "В правовой помощи может быть отказано, если деяние относится к налоговым правонарушениям.",
             "Отказ в правовой помощи не допускается по тому единственному основанию, что деяние относится "
             "к налоговым правонарушениям.")):
        lang = language[:2]
        complies = _check(_section("9", heading, forbidden), language=language, lang=lang)
        assert "BC-25/no_fiscal_refusal" not in _codes(complies), language
        assert "BC-27/no_fiscal_refusal" not in _codes(complies), language
        breaches = _check(_section("9", heading, allowed), language=language, lang=lang)
        assert "BC-25/no_fiscal_refusal" in _codes(breaches), language
        assert "BC-27/no_fiscal_refusal" in _codes(breaches), language


def test_a_power_to_cut_off_networks_used_for_criminal_purposes_is_no_general_fraud_offence() -> None:
    """Art. 8 may be met "in general terms" by an offence of using a computer for any crime; a
    power to suspend networks used «в преступных целях» describes no culpable conduct, and the
    Convention offence is then missing, not partial."""
    shutdown = _section("27", "Приостановление работы сетей связи",
                        "В случаях использования сетей связи в преступных целях, наносящих ущерб интересам "
                        "личности, общества или государства, оператор связи вправе приостановить работу "
                        "сетей и средств связи.", element="article", sub="paragraph",
                        prefix="art")
    check = _check(shutdown, language="rus", lang="ru")
    assert _requirement(check, "BC-8")["status"] == "missing"
    offence = _section("27", "Использование компьютерной системы в преступных целях",
                       "Умышленное использование компьютерной системы в преступных целях наказывается "
                       "лишением свободы на срок до трех лет.", element="article", sub="paragraph", prefix="art")
    assert _requirement(_check(offence, language="rus", lang="ru"), "BC-8")["status"] == "partial"


def test_a_duty_to_report_unauthorised_access_is_no_offence_of_illegal_access() -> None:
    """An operator's duty to report «несанкционированный доступ» names the conduct but punishes
    nothing: Art. 2 stays missing. The same words with a penalty are the offence."""
    duty = _section("4", "Обязанности операторов информационных систем",
                    "Оператор информационной системы обязан в течение одного года хранить данные о пользователях.",
                    "Оператор обязан незамедлительно уведомлять уполномоченный орган о случаях "
                    "несанкционированного доступа к информационной системе, повлекших утечку персональных данных.",
                    element="article", sub="paragraph", prefix="art")
    assert _requirement(_check(duty, language="rus", lang="ru"), "BC-2")["status"] == "missing"
    offence = _section("4", "Неправомерный доступ к компьютерной информации",
                       "Несанкционированный доступ к информационной системе наказывается лишением свободы на срок "
                       "до двух лет.", element="article", sub="paragraph", prefix="art")
    assert _requirement(_check(offence, language="rus", lang="ru"), "BC-2")["status"] != "missing"


def test_the_scope_and_conditions_of_the_powers_need_a_power() -> None:
    """Arts 14 and 15 govern the powers of Arts 16 to 21: a law with none of them has neither,
    whatever it says about courts, proportionality or investigations."""
    text = _section("5", "Protection of personal data",
                    "Any interference with personal data shall be necessary and proportionate, subject to review "
                    "by a court, and limited in time, for the purposes of a criminal investigation.")
    check = _check(text, lang="en")
    assert _requirement(check, "BC-14")["status"] == "missing"
    assert _requirement(check, "BC-15")["status"] == "missing"


def test_a_regulators_notice_to_check_compliance_is_no_production_order() -> None:
    """Art. 14(1): the powers serve criminal investigations. A data protection regulator's notice
    requiring information to see whether a controller has complied with the Act is not Art. 18;
    the same notice for a criminal investigation is."""
    for purpose, found in (("to determine whether the controller has complied with this Act", False),
                           ("for the purpose of a specific criminal investigation", True)):
        notice = _section("9", "Information notices",
                          f"The Commission may by notice require a person to produce specified computer data in "
                          f"the person's possession or control {purpose}.")
        status = _requirement(_check(notice, lang="en"), "BC-18")["status"]
        assert (status != "missing") is found, purpose


def test_an_interception_offence_that_mentions_access_is_no_illegal_access_offence() -> None:
    """Art. 2: a section headed "Illegal interception" that speaks of access to the system as
    the way the data is intercepted is the Art. 3 offence; the access offence is the section
    headed so."""
    access = _section("4", "Illegal access", "A person who intentionally and without right accesses the whole or "
                      "any part of a computer system commits an offence and is liable to imprisonment for two years.")
    interception = _section("5", "Illegal interception", "A person who intentionally and without right, by "
                            "accessing a computer system, intercepts by technical means a non-public transmission "
                            "of computer data commits an offence and is liable to imprisonment for three years.")
    bc2 = _requirement(_check(access, interception, lang="en"), "BC-2")
    assert [p["eId"] for p in bc2["provisions"] if p["role"] == "principal"] == ["sec_4"]


def test_an_order_to_preserve_a_computer_system_is_a_preservation_power() -> None:
    """Art. 16: an order that the person in control of a computer system preserve it, for thirty
    days, preserves the data the system holds: the power is present."""
    section = _section("12", "Preservation of a computer system",
                       "Where there are reasonable grounds to believe that a computer system required for an "
                       "investigation is likely to be lost or modified, the prosecution authority may order the "
                       "person in control of it to preserve it for a period not exceeding thirty days.")
    assert _requirement(_check(section, lang="en"), "BC-16")["status"] != "missing"


def test_a_saving_clause_that_denies_a_power_grants_none() -> None:
    """"Nothing in this Act authorises the interception of a communication ... or the collection
    of traffic data as it is generated": neither Art. 20 nor Art. 21 is granted by it."""
    section = _section("13", "Interception excluded", "Nothing in this Act authorises the interception of a "
                       "communication in the course of its transmission or the collection of traffic data in "
                       "real time; those matters are governed by another Act.")
    check = _check(section, lang="en")
    assert _requirement(check, "BC-20")["status"] == "missing"
    assert _requirement(check, "BC-21")["status"] == "missing"


def test_a_child_abuse_material_offence_is_no_misuse_of_devices_offence() -> None:
    """Art. 6: a section headed "Child pornography" that punishes producing, distributing or
    possessing material by means of a computer program is the Art. 9 offence, not the misuse of
    devices, whose verbs it shares."""
    section = _section("85", "Child pornography", "A person who intentionally produces, distributes or possesses "
                       "child pornography by means of a computer program or a computer system commits an offence "
                       "and is liable to imprisonment for ten years.")
    bc6 = _requirement(_check(section, lang="en"), "BC-6")
    assert "sec_85" not in [p["eId"] for p in bc6["provisions"]]


def test_a_russian_saving_clause_that_denies_a_power_grants_none() -> None:
    """«Настоящий Закон не дает права перехватывать сообщения ...»: the law grants no
    interception; the same words without the denial do."""
    for text, status in (("Настоящий Закон не дает права органам уголовного преследования осуществлять перехват "
                          "содержания сообщений, передаваемых посредством компьютерных систем, в режиме реального "
                          "времени.", "missing"),
                         ("Следователь с санкции следственного судьи вправе перехватывать содержание сообщений, "
                          "передаваемых посредством компьютерных систем, в режиме реального времени.", "present")):
        article = _section("13", "Пределы действия Закона", text, element="article", sub="paragraph", prefix="art")
        bc21 = _requirement(_check(article, language="rus", lang="ru"), "BC-21")
        assert (bc21["status"] == "missing") is (status == "missing"), text


@pytest.mark.parametrize(("language", "text", "words"), [
    ("eng", "A police officer may by notice require a person to preserve specified computer data.",
     "states no period for the measure"),
    ("rus", "Следователь вправе обязать лицо обеспечить сохранность определенных компьютерных данных.",
     "не указан срок применения меры"),
])
def test_a_measure_with_no_period_is_told_so_not_that_its_period_is_too_long(language: str, text: str,
                                                                           words: str) -> None:
    """Art. 16(2) sets at most 90 days. A preservation power that states no period gets a finding
    saying so, not the message for a period too long with nothing to quote."""
    section = _section("5", "Preservation" if language == "eng" else "Сохранение данных", text)
    findings = _check(section, language=language).report["findings"]
    finding = next(f for f in findings if f["code"] == "BC-16/max_duration")
    assert words in finding["message"] and "?" not in finding["message"]


def test_an_item_referred_to_is_read_with_the_words_that_open_its_list() -> None:
    """"may be refused only on a ground in section 9(1)(a) or (d)": the items say what the ground
    is (a political offence), the words above them that it is a refusal ("shall refuse a request
    where—"). Read together, the refusal grounds of Art. 29(5) are stated."""
    refusal = ('<section eId="sec_9"><num>9.</num><heading>Refusal of assistance</heading>'
               '<subsection eId="sec_9__subsec_1"><num>(1)</num><intro><p>The Central Authority shall refuse a '
               "request where—</p></intro>"
               '<paragraph eId="sec_9__subsec_1__para_a"><num>(a)</num><content><p>the request relates to a '
               "political offence; or</p></content></paragraph>"
               '<paragraph eId="sec_9__subsec_1__para_d"><num>(d)</num><content><p>granting the request would '
               "prejudice the sovereignty or security of the Republic.</p></content></paragraph>"
               "</subsection></section>")
    preservation = _section("19", "Expedited preservation of stored computer data",
                            "A foreign State may request the expeditious preservation of computer data stored in "
                            "the Republic, and the Central Authority shall cause the data to be preserved.",
                            'A request under this section may be refused only on a ground in <ref href="#sec_9__subsec_'
                            '1__para_a">section 9(1)(a)</ref> or (d).')
    bc29 = _requirement(_check(refusal, preservation), "BC-29")
    assert next(e for e in bc29["elements"] if e["id"] == "permitted_refusal_grounds_only")["status"] == "met"


def test_a_measure_taken_for_a_foreign_state_does_not_lay_down_the_regime_of_assistance() -> None:
    """An interception Act whose one co-operation section executes foreign requests for
    interception gives Art. 34 its provision; the general principles of assistance (Art. 25)
    and its confidentiality (Art. 28) stand in the assistance law it names, not here."""
    check = _check(
        _section("11", "Interception warrant",
                 "A Judge of the High Court may issue a warrant authorising the interception of the content of "
                 "specified communications transmitted by means of a computer system, for a serious offence."),
        _section("35", "Requests from foreign States",
                 "Where the Attorney-General receives a request from a foreign State under the Mutual Assistance "
                 "in Criminal Matters Act for the interception of the content of communications, the Attorney-"
                 "General may authorise an agency head to apply for a warrant under section 11.",
                 "Material obtained under this section may be transmitted to the foreign State subject to such "
                 "conditions as to its use and confidentiality as the Attorney-General may impose."))
    assert [(p["label"], p["role"]) for p in _requirement(check, "BC-34")["provisions"]] == [("s. 35", "principal")]
    for rid in ("BC-23", "BC-25", "BC-28"):
        assert _requirement(check, rid)["status"] == "missing", rid


@pytest.mark.parametrize(("language", "domestic", "foreign"), [
    ("eng", "The investigator may question a witness or an expert by video conference where the person cannot "
            "attend in person.",
     "At the request of a foreign State, a witness or expert present in the Republic may be heard by video "
     "conference for the purposes of criminal proceedings in that State."),
    ("rus", "Следователь вправе провести допрос свидетеля или эксперта с использованием систем "
            "видеоконференцсвязи, если лицо не может явиться.",
     "По запросу иностранного государства свидетель или эксперт, находящийся в Республике, может быть "
     "допрошен с использованием систем видеоконференцсвязи для целей уголовного судопроизводства в этом "
     "государстве."),
])
def test_a_domestic_hearing_by_video_conference_is_no_hearing_for_another_party(
        language: str, domestic: str, foreign: str) -> None:
    """Protocol Art. 11 is co-operation: a witness heard by video link in the State's own case
    implements nothing of it; heard at another Party's request, the witness does."""
    def sp11(text: str) -> str:
        return _requirement(_check(_section("224", "Hearing", text), language=language), "SP-11")["status"]
    assert sp11(domestic) == "missing"
    assert sp11(foreign) != "missing"


def test_an_emergency_disclosure_without_a_request_for_assistance_is_no_mutual_assistance() -> None:
    """Protocol Art. 9 obtains data from a provider through the 24/7 network without a request
    for mutual assistance; read more strongly as that measure, the section is not the
    Convention's assistance in accessing stored data (Art. 31)."""
    check = _check(_section(
        "10", "Expedited disclosure of stored computer data in an emergency",
        "In an emergency, the 24/7 point of contact may transmit to the point of contact of another Party, and "
        "receive from it, a request for immediate assistance in obtaining from a service provider in the "
        "territory of the requested Party the expedited disclosure of specified, stored computer data in that "
        "provider's possession or control, without a request for mutual assistance.",
        "On receipt of such a request, a senior police officer may by written notice require a service provider "
        "in the Republic to disclose the specified data, which may then be provided to the requesting Party."))
    assert [p["label"] for p in _requirement(check, "SP-9")["provisions"] if p["role"] == "principal"] == ["s. 10"]
    assert _requirement(check, "BC-31")["status"] == "missing"


def test_assistance_without_urgent_requests_by_expedited_means_is_partial() -> None:
    """Art. 25(3) is a paragraph of its own: a requested Party must accept and answer urgent
    requests sent by fax or e-mail. Assistance available only through written requests sent
    through diplomatic channels implements Art. 25 in part."""
    check = _check(_section(
        "19", "Mutual assistance",
        "The Attorney-General may afford to a foreign State the widest measure of mutual assistance in "
        "investigations and proceedings concerning criminal offences related to computer systems and data.",
        "A request for assistance shall be made in writing and transmitted through diplomatic channels."))
    assert _requirement(check, "BC-25")["status"] == "partial"


def test_an_assistance_regime_without_reasons_for_refusal_or_confidentiality_is_partial() -> None:
    """Absent a treaty, Art. 27(7) and 27(8) are duties of the requested Party: to give the
    reasons for a refusal or postponement, and to keep a request confidential when asked. A
    central authority and refusal grounds alone implement Art. 27 in part."""
    check = _check(_section(
        "20", "Requests in the absence of a treaty",
        "The Attorney-General is the central authority responsible for sending and answering requests for "
        "mutual assistance in the absence of a mutual assistance treaty with the requesting State.",
        "A request may be refused where it concerns a political offence or where its execution is likely to "
        "prejudice sovereignty, security or public order."))
    bc27 = _requirement(check, "BC-27")
    assert bc27["status"] == "partial"
    unmet = {e["id"] for e in bc27["elements"] if e["status"] == "unmet"}
    assert {"reasons_for_refusal", "confidentiality_of_request"} <= unmet


def test_a_harm_named_in_an_item_of_an_aggravated_form_is_no_threshold_of_the_offence() -> None:
    """«Те же деяния, совершенные: ... 2) повлекшие крупный ущерб» makes the harm a ground for a
    heavier penalty: the basic offence in part 1 has no threshold, whatever the item says."""
    article = (
        '<article eId="art_319"><num>Статья 319.</num><heading>Воздействие на компьютерную информацию</heading>'
        '<paragraph eId="art_319__para_1"><num>1.</num><content><p>Умышленные неправомерные уничтожение, '
        "блокирование или модификация компьютерной информации – наказываются лишением свободы на срок до двух "
        "лет.</p></content></paragraph>"
        '<paragraph eId="art_319__para_2"><num>2.</num><intro><p>Те же деяния, совершенные:</p></intro>'
        '<point eId="art_319__para_2__point_1"><num>1)</num><content><p>группой лиц;</p></content></point>'
        '<point eId="art_319__para_2__point_2"><num>2)</num><content><p>повлекшие крупный ущерб, – '
        "наказываются лишением свободы на срок до пяти лет.</p></content></point></paragraph></article>")
    check = _check(article, language="rus")
    assert "BC-4/no_harm_threshold" not in _codes(check)


def test_a_production_order_to_service_providers_alone_is_partial() -> None:
    """Art. 18(1)(a) asks for an order to any person in the territory who has the data; a
    notice that only service providers must answer implements it in part."""
    check = _check(_section(
        "20", "Disclosure of communications data",
        "A senior police officer may, by written notice, require a service provider to disclose specified stored "
        "computer data and subscriber information in its possession or control, where it is needed for a specific "
        "criminal investigation."))
    bc18 = _requirement(check, "BC-18")
    assert bc18["status"] == "partial"
    assert "order_to_any_person" in {e["id"] for e in bc18["elements"] if e["status"] == "unmet"}
