"""Issue 14: well-formed but hostile drafts end in exit 0 or 2 with one line, never 1."""

from __future__ import annotations

import pytest

from lawcheck.akn.numbering import num_keys
from lawcheck.cli import main
from lawcheck.digits import ascii_int, is_ascii_number

SECTION = """<section eId="sec_{n}"><num>{n}.</num><heading>Preservation</heading>
<subsection eId="sec_{n}__subsec_1"><num>(1)</num><content><p>{text}</p></content></subsection></section>"""


def one_section(text: str, n: int = 1) -> str:
    return SECTION.format(n=n, text=text)


@pytest.mark.parametrize("text", ["²", "①", "٣٠", "𝟗𝟎", "9" * 5000, ""])
def test_only_short_ascii_digits_are_numbers(text: str) -> None:
    assert ascii_int(text) is None
    assert not is_ascii_number(text)


def test_ascii_numbers_are_read() -> None:
    assert ascii_int("90") == 90
    assert num_keys("٣٠") == []
    assert num_keys("1" * 4400) == []


@pytest.mark.parametrize("text", [
    "A judge may order the preservation of data for ² days.",
    "Data is kept for ① days under section ٣٠(2) and section 𝟗𝟎.",
    "An order lasts " + "9" * 5000 + " days under section 1-" + "7" * 4400 + ".",
    "Preservation for ninety (" + "9" * 5000 + ") days; статьи 7-" + "9" * 4500 + ".",
])
@pytest.mark.parametrize("command", [["check", "--format", "json"], ["validate"]])
def test_odd_digits_in_a_draft_are_text(write_akn, capsys, text: str, command: list[str]) -> None:
    path = write_akn(one_section(text))
    code = main([command[0], str(path), *command[1:]])
    assert code in (0, 3), capsys.readouterr().err
