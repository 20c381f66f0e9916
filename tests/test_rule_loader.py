"""The strict loader: every mistake in a rule file is one line with file, line and key path."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from lawcheck.data import data_dir
from lawcheck.errors import InputError
from lawcheck.rulebook.loader import load_rulebook_from


@pytest.fixture
def rules(tmp_path: Path) -> Path:
    target = tmp_path / "rules"
    shutil.copytree(data_dir("rules"), target)
    return target


def _edit(rules: Path, old: str, new: str, file: str = "bc/bc-16.yaml") -> Path:
    path = rules / file
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def _error(rules: Path) -> str:
    with pytest.raises(InputError) as raised:
        load_rulebook_from(rules)
    message = str(raised.value)
    assert "\n" not in message
    return message


def _line_of(path: Path, needle: str) -> int:
    return next(i for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if needle in line)


def test_the_bundled_rules_load(rules: Path) -> None:
    assert len(load_rulebook_from(rules).requirements) == 48


def test_unknown_key(rules: Path) -> None:
    path = _edit(rules, "    concepts: [integrity]", "    colour: red\n    concepts: [integrity]")
    assert _error(rules) == f"{path}:{_line_of(path, 'colour: red')}: elements[1].colour: unknown key"


def test_missing_key(rules: Path) -> None:
    path = _edit(rules, "title: Expedited preservation of stored computer data\n", "")
    message = _error(rules)
    assert message.startswith(f"{path}:") and "missing key 'title'" in message


def test_bad_enum(rules: Path) -> None:
    path = _edit(rules, "check: limit", "check: maximum")
    message = _error(rules)
    assert message.startswith(f"{path}:{_line_of(path, 'check: maximum')}: elements[2].check:")
    assert "'maximum' is not one of presence, absence, limit, defined, safeguard" in message


def test_bad_duration(rules: Path) -> None:
    path = _edit(rules, "limit: {max: P90D}", "limit: {max: 90 days}")
    message = _error(rules)
    where = f"{path}:{_line_of(path, '90 days')}"
    assert message == f"{where}: elements[2].limit.max: '90 days' is not an ISO 8601 duration"


def test_duplicate_key(rules: Path) -> None:
    path = _edit(rules, "kind: procedural_power\n", "kind: procedural_power\nkind: offence\n")
    message = _error(rules)
    assert message.startswith(f"{path}:{_line_of(path, 'kind: offence')}:") and "duplicate key" in message


def test_dependency_on_an_unknown_requirement(rules: Path) -> None:
    path = _edit(rules, "depends_on: [BC-1]", "depends_on: [BC-1, BC-99]")
    message = _error(rules)
    assert message.startswith(f"{path}:") and "depends_on[1]: unknown requirement 'BC-99'" in message


def test_unknown_safeguard(rules: Path) -> None:
    _edit(rules, "  - proportionality\nsubject_to", "  - proportionality\n  - fairness\nsubject_to")
    assert "unknown safeguard 'fairness'" in _error(rules)


def test_mirror_must_be_mutual(rules: Path) -> None:
    _edit(rules, "mirrors: [BC-29]", "mirrors: [BC-29, BC-31]")
    assert "BC-31 does not list BC-16 in its mirrors" in _error(rules)


def test_id_must_match_file_name(rules: Path) -> None:
    _edit(rules, "id: BC-16", "id: BC-17")
    assert "does not match the file name" in _error(rules)


def test_cli_prints_the_json_schema(capsys: pytest.CaptureFixture[str]) -> None:
    from lawcheck.cli import main

    assert main(["rules", "--format", "schema"]) == 0
    assert '"lawcheck.rule/1"' in capsys.readouterr().out


def test_an_element_without_its_russian_message_is_refused(rules: Path) -> None:
    path = rules / "bc/bc-16.yaml"
    text = path.read_text(encoding="utf-8")
    line = next(line for line in text.splitlines() if line.startswith("    help_ru:"))
    path.write_text(text.replace(line + "\n", "", 1), encoding="utf-8")
    assert "missing key 'help_ru'" in _error(rules)


def test_a_russian_text_must_be_written_in_russian(rules: Path) -> None:
    path = rules / "bc/bc-16.yaml"
    text = path.read_text(encoding="utf-8")
    line = next(line for line in text.splitlines() if line.startswith("title_ru:"))
    path.write_text(text.replace(line, 'title_ru: "Expedited preservation"', 1), encoding="utf-8")
    assert "title_ru" in _error(rules)


def test_every_rule_text_is_read_in_both_languages(rules: Path) -> None:
    for requirement in load_rulebook_from(rules).requirements:
        assert requirement.title_in("ru") != requirement.title_in("en")
        for element in requirement.elements:
            assert element.message_in("ru") and element.message_in("ru") != element.message
            assert element.help_in("ru") and element.help_in("ru") != element.help
            if "{provision}" in element.message:
                assert "{provision}" in element.message_in("ru"), (requirement.id, element.id)
            if "{found}" in element.message:
                assert "{found}" in element.message_in("ru"), (requirement.id, element.id)


def test_an_element_applies_only_under_an_option_of_its_own_article(rules: Path) -> None:
    path = _edit(rules, "    only_with: dual_criminality_for_other_offences",
                 "    only_with: dual_criminality_everywhere", file="bc/bc-29.yaml")
    message = _error(rules)
    assert message.startswith(f"{path}:")
    assert "unknown reservation or declaration 'dual_criminality_everywhere'" in message


def test_a_case_names_only_options_of_its_own_article(rules: Path) -> None:
    path = _edit(rules, "    options: [dual_criminality_for_other_offences]",
                 "    options: [territorial_reservation]", file="bc/bc-29.yaml")
    message = _error(rules)
    assert message.startswith(f"{path}:") and "'territorial_reservation'" in message


def test_the_article_29_4_reservation_narrows_dual_criminality_instead_of_lifting_it() -> None:
    """With the reservation, dual criminality may be kept, but never for the Convention's own
    offences: the element that says so applies only to a Party that made it."""
    from lawcheck.rulebook.loader import load_rulebook

    bc29 = load_rulebook().get("BC-29")
    assert bc29.switched_off(()) == {"dual_criminality_spares_convention_offences"}
    assert bc29.switched_off(("dual_criminality_for_other_offences",)) == {"no_dual_criminality"}


def test_only_a_presence_element_may_be_met_anywhere_in_the_draft(rules: Path) -> None:
    """`anywhere` lets a general rule elsewhere meet an element: a conflict or a limit is read
    only where the requirement is carried."""
    path = _edit(rules, "    check: presence\n    cites: \"20(3)\"", "    check: absence\n    cites: \"20(3)\"",
                 file="bc/bc-20.yaml")
    message = _error(rules)
    assert message.startswith(f"{path}:") and "anywhere applies to presence elements only" in message
