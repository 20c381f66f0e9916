"""Lexicons: every concept a rule uses exists in every language, and each concept's examples
match (in inflected forms) while its counter-examples do not."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from lawcheck.concepts import tag
from lawcheck.concepts.lexicon import load_lexicon
from lawcheck.data import data_dir
from lawcheck.rulebook.loader import load_rulebook

LANGS = ("en", "ru")


def _used_concepts() -> dict[str, set[str]]:
    used: dict[str, set[str]] = {}
    for requirement in load_rulebook().requirements:
        for concept in requirement.concept_ids:
            used.setdefault(concept, set()).add(requirement.id)
    return used


@pytest.mark.parametrize("lang", LANGS)
def test_every_concept_used_by_a_rule_exists(lang: str) -> None:
    known = load_lexicon(lang).concepts
    missing = {c: sorted(ids) for c, ids in _used_concepts().items() if c not in known}
    assert not missing, f"{lang} lexicon lacks concepts used by rules: {missing}"


def test_languages_define_the_same_concepts() -> None:
    en, ru = (set(load_lexicon(lang).concepts) for lang in LANGS)
    assert en - ru == set(), f"only in en: {sorted(en - ru)}"
    assert ru - en == set(), f"only in ru: {sorted(ru - en)}"


def _examples(kind: str) -> list[object]:
    params = []
    for lang in LANGS:
        for concept in load_lexicon(lang).concepts.values():
            for text in getattr(concept, kind):
                params.append(pytest.param(lang, concept.id, text, id=f"{lang}-{concept.id}"))
    return params


@pytest.mark.parametrize(("lang", "concept", "text"), _examples("examples"))
def test_example_matches(lang: str, concept: str, text: str) -> None:
    assert tag(text, lang).positive((concept,)), f"{concept} does not match {text!r}"


@pytest.mark.parametrize(("lang", "concept", "text"), _examples("counter_examples"))
def test_counter_example_does_not_match(lang: str, concept: str, text: str) -> None:
    assert not tag(text, lang).positive((concept,)), f"{concept} matches {text!r}"


@pytest.mark.parametrize(("lang", "text", "concept", "negated"), [
    ("en", "without a court order the officer may act", "court_authorisation", True),
    ("en", "on the basis of a court order", "court_authorisation", False),
    ("ru", "без решения суда в случаях, не терпящих отлагательства", "court_authorisation", True),
    ("ru", "по решению суда", "court_authorisation", False),
    ("ru", "с санкции прокурора", "court_authorisation", None),
])
def test_negation_turns_a_safeguard_into_its_opposite(lang: str, text: str, concept: str,
                                                      negated: bool | None) -> None:
    matches = tag(text, lang).mentions(concept)
    if negated is None:
        assert not matches
    else:
        assert matches and all(m.negated is negated for m in matches)


@pytest.mark.parametrize(("lang", "text", "concept"), [
    ("en", "a person who intentionally and without right accesses a computer system", "access"),
    ("en", "a person who without lawful excuse damages computer data", "data_damage"),
    ("en", "a person who without authority interferes with data", "data_alteration"),
    ("en", "the provider shall without delay disclose the traffic data", "disclosure"),
    ("ru", "без согласия владельца уничтожил компьютерную информацию", "data_deletion"),
])
def test_a_negation_cue_that_begins_a_term_of_its_own_negates_nothing_after_it(lang: str, text: str,
                                                                              concept: str) -> None:
    """"Without right", "without delay", «без согласия» are terms of their own: the conduct
    that follows them is stated, not negated, unlike "without a court order"."""
    assert tag(text, lang).positive((concept,))


@pytest.mark.parametrize(("lang", "text", "concept"), [
    ("en", "the officer may require a service provider to furnish the names of its subscribers", "production_order"),
    ("en", "the court may order a service provider offering its services in the Republic to submit subscriber "
           "information", "production_order"),
    ("en", "the Minister may direct any service provider to produce computer data", "production_order"),
    ("en", "the Attorney-General is responsible for receiving and transmitting requests for assistance",
     "central_authority"),
    ("en", "This Act shall have effect in relation to any person outside as well as within the Republic", "territory"),
    ("en", "A service provider shall not, without lawful excuse, disclose the existence of the order",
     "confidentiality"),
    ("en", "returnable offences under the Fugitive Offenders Act", "extradition"),
    ("en", "where the offence is committed wholly or in part— (a) within the United Republic;", "territory"),
    ("en", "offences under this Act or under any other written law, where the evidence of the offence is in "
           "electronic form", "electronic_evidence_any_offence"),
    ("en", "a person who dishonestly causes a loss to another by altering computer data", "economic_loss"),
    ("en", "a person who without authority manipulates any data", "data_alteration"),
    ("en", "shall not be used for any purpose other than the criminal matter specified in the request",
     "limitation_of_use"),
    ("en", "The warrant shall extend to any other computer system from which the data is lawfully accessible",
     "extend_search"),
    ("ru", "Негласное снятие информации с компьютеров, серверов и других устройств", "access_system"),
    ("ru", "наложение ареста на электронные сообщения, их осмотр и выемка", "computer_data"),
    ("ru", "лицом, осуществляющим управленческие функции в юридическом лице", "leading_position"),
    ("ru", "обязать оператора связи не удалять и не изменять определенную компьютерную информацию", "preservation"),
    ("ru", "постановление, обязывающее лицо представить компьютерные данные", "production_order"),
    ("ru", "Операторы связи обязаны обеспечивать технические возможности проведения негласных следственных "
           "действий", "provider_assistance"),
    ("ru", "дает санкцию на проведение обыска следственный судья", "court_authorisation"),
    ("ru", "изготовление материалов с порнографическим изображением лица, не достигшего восемнадцатилетнего "
           "возраста", "child_sexual_abuse_material"),
    ("en", "material which depicts children engaged in sexually explicit conduct", "child_sexual_abuse_material"),
    ("ru", "круглосуточная дежурная служба", "point_of_contact"),
    ("ru", "Подделка электронного документа в целях использования в качестве подлинного", "forgery"),
    ("en", "the officer may search without a warrant where the data would be destroyed before a warrant can be "
           "obtained", "urgency"),
    ("en", "a police officer may, under the authority of a warrant, search a computer system", "executes_order"),
])
def test_common_commonwealth_wordings_state_the_concept(lang: str, text: str, concept: str) -> None:
    """Wordings of Commonwealth statutes and CIS codes the Convention does not use, for what
    it asks."""
    assert tag(text, lang).positive((concept,))


@pytest.mark.parametrize(("lang", "text", "concept"), [
    ("ru", "Юридическое лицо уголовной ответственности не несет", "legal_person"),
    ("ru", "Покушение на преступление небольшой тяжести не влечет уголовной ответственности", "attempt"),
])
def test_a_negation_after_the_words_negates_them(lang: str, text: str, concept: str) -> None:
    """«... не несет», «... не влечет»: the statement is denied, not made."""
    assert not tag(text, lang).positive((concept,)) and tag(text, lang).negated((concept,))


@pytest.mark.parametrize(("lang", "text", "concept"), [
    ("ru", "сведения о соединениях между абонентами", "traffic_data"),
    ("ru", "сведений о соединениях", "traffic_data"),
    ("ru", "компьютерных данных", "computer_data"),
    ("ru", "сведениями об абонентах", "subscriber_information"),
    ("ru", "электронных носителей информации", "storage_medium"),
    ("en", "Subscriber Information", "subscriber_information"),
])
def test_inflected_and_capitalised_forms_match(lang: str, text: str, concept: str) -> None:
    assert tag(text, lang).positive((concept,))


LEXICONS = data_dir("rules") / "lexicons"

# Names of States a development law or draft speaks of: a lexicon entry naming one serves
# that law only; the drafting it stands for is matched by "the Republic", «Республики».
STATE_NAMES = re.compile(r"tanzania|united republic|kenya|rwanda|malawi|zimbabwe|canada|казахстан|кыргыз"
                         r"|киргиз|узбекистан|российской федерации|примери|sampleland", re.IGNORECASE)


def test_no_lexicon_entry_names_a_state() -> None:
    named = [f"{path.relative_to(LEXICONS)}:{number}: {line.strip()}"
             for path in sorted(LEXICONS.rglob("*.yaml"))
             for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
             if STATE_NAMES.search(line)]
    assert not named, named


def test_no_rule_case_names_a_state() -> None:
    """Cases stand for drafting, not for one country's law: a State's name in them would let a
    rule pass for that law's words only."""
    named = [f"{path.relative_to(LEXICONS.parent)}:{number}: {line.strip()[:80]}"
             for path in sorted(LEXICONS.parent.glob("[bs][cp]/*.yaml"))
             for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
             if STATE_NAMES.search(line)]
    assert not named, named


def test_a_concept_composed_of_unknown_concepts_is_refused_with_its_file(tmp_path: Path) -> None:
    import shutil

    from lawcheck.concepts.lexicon import load_lexicon_from
    from lawcheck.errors import InputError

    shutil.copy(data_dir("rules") / "lexicons" / "en" / "_language.yaml", tmp_path)
    (tmp_path / "x.yaml").write_text("traffic_data:\n  label: traffic data\n  terms: [traffic data]\n"
                                     "  composed_of: {concepts: [origin, route], at_least: 2}\n", encoding="utf-8")
    with pytest.raises(InputError, match="unknown concepts origin, route") as raised:
        load_lexicon_from(tmp_path, "en")
    assert "x.yaml" in str(raised.value)


def test_traffic_data_is_stated_by_enough_of_its_parts() -> None:
    """Art. 1(d) defines traffic data by what it shows: four of its parts state it, two do not."""
    assert tag("preserve information showing the origin, destination, route and time of the "
               "communication", "en").positive(("traffic_data",))
    assert not tag("the time and date of the hearing", "en").positive(("traffic_data",))


@pytest.mark.parametrize(("text", "concept"), [
    ("вследствие отсутствия надлежащего надзора или контроля", "lack_of_supervision"),
    ("по решению районного суда", "court_authorisation"),
    ("с санкции надзирающего прокурора", "prosecutor_authorisation"),
])
def test_a_russian_modifier_may_stand_inside_a_pattern(text: str, concept: str) -> None:
    """An adjective or participle between the words of a term («отсутствие надлежащего
    надзора» for «отсутствие надзора») keeps the term; a noun between them does not."""
    assert tag(text, "ru").positive((concept,))


def test_a_noun_between_the_words_of_a_russian_term_breaks_it() -> None:
    assert not tag("решение вопроса суда", "ru").positive(("court_authorisation",))


@pytest.mark.parametrize("text", ["вмешательство должно быть соразмерно характеру и тяжести преступления",
                                  "если это необходимо и соразмерно тяжести преступления",
                                  "мера должна быть соразмерна тяжести преступления"])
def test_a_russian_short_adjective_reads_as_the_adjective_not_the_adverb_it_spells(text: str) -> None:
    """«соразмерно» is both an adverb and the neuter short adjective: where pymorphy3 ties them,
    it is read as «соразмерный», so that «должно быть соразмерно» states proportionality as
    «должна быть соразмерна» does."""
    assert tag(text, "ru").positive(("proportionality",))


def test_a_concept_inside_a_negated_phrase_is_negated_with_it() -> None:
    """"without a request for mutual assistance": the request is negated, and so is the
    assistance named inside it; a mention of assistance elsewhere in the sentence is not."""
    tagged = tag("The provider may disclose the data without a request for mutual assistance.", "en")
    assert not tagged.positive(("mla_request",)) and not tagged.positive(("mutual_legal_assistance",))
    assert tag("The request for mutual assistance is executed without delay.", "en").positive(
        ("mutual_legal_assistance",))
