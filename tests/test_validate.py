"""`lawcheck validate`: what a drafter sees for a valid file, a flawed one and a broken one."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from lawcheck.cli import main
from lawcheck.validate import Problem, validate_file


def codes(problems: list[Problem]) -> list[str]:
    return [problem.code for problem in problems]


def sections(*numbers: str, element: str = "section", abbr: str = "sec") -> str:
    return "\n".join(f'<{element} eId="{abbr}_{n.replace(".", "-")}"><num>{n}</num>'
                     f"<content><p>Text {n}.</p></content></{element}>" for n in numbers)


def test_the_tanzanian_act_is_valid(shared_dir: Path, capsys) -> None:
    path = shared_dir / "devset" / "akn" / "tz_cca_2015.xml"
    assert validate_file(path) == []
    assert main(["validate", str(path)]) == 0
    assert capsys.readouterr().out.strip() == f"{path}: valid"


def test_excerpts_show_their_gaps(shared_dir: Path) -> None:
    problems = validate_file(shared_dir / "devset" / "akn" / "kz_svyaz_2004_excerpt.xml")
    assert [str(p).split(": ", 1)[1] for p in problems] == [
        "art_15: article 15 follows article 3: 4-14 missing [numbering-gap]",
        "chp_9: chapter 9 follows chapter 2: 3-8 missing [numbering-gap]",
        "art_39: article 39 follows article 15: 16-38 missing [numbering-gap]",
    ]


def test_problem_renders_as_one_line() -> None:
    problem = Problem("draft.xml", 12, "sec_3", "numbering-gap", "section 4 follows\nsection 2")
    assert str(problem) == "draft.xml:12: sec_3: section 4 follows section 2 [numbering-gap]"
    assert str(Problem("draft.xml", None, None, "schema", "bad")) == "draft.xml: bad [schema]"


@pytest.mark.parametrize(("numbers", "expected"), [
    (("1", "2", "4"), ["section 4 follows section 2: 3 missing"]),
    (("1", "2", "6"), ["section 6 follows section 2: 3-5 missing"]),
    (("94", "94-1", "94-2", "95"), []),
    (("342", "342.1", "342.2", "343"), []),
    (("1", "3", "2"), ["section 3 follows section 1: 2 missing",
                       "section 2 comes after section 3: numbering out of order"]),
])
def test_section_numbering(write_akn, numbers: tuple[str, ...], expected: list[str]) -> None:
    problems = validate_file(write_akn(sections(*numbers)))
    assert [problem.message for problem in problems] == expected


def test_duplicate_numbers_and_eids(write_akn) -> None:
    body = ('<section eId="sec_3"><num>3</num><content><p>a</p></content></section>\n'
            '<section eId="sec_3"><num>3</num><content><p>b</p></content></section>')
    problems = validate_file(write_akn(body))
    assert codes(problems) == ["duplicate-eid", "numbering-duplicate"]
    duplicate = problems[0]
    assert duplicate.eid == "sec_3" and "first at line" in duplicate.message


@pytest.mark.parametrize(("nums", "message"), [
    (("(a)", "(b)", "(d)"), "paragraph (d) follows paragraph (b): c missing"),
    (("(i)", "(ii)", "(iv)"), "paragraph (iv) follows paragraph (ii): iii missing"),
    (("(a)", "(b)", "(c)", "(c.1)", "(d)"), None),
    (("(h)", "(i)", "(j)"), None),  # letters, not roman numerals
    (("1)", "2)", "4)"), "paragraph 4) follows paragraph 2): 3 missing"),
])
def test_subunit_numbering(write_akn, nums: tuple[str, ...], message: str | None) -> None:
    paragraphs = "".join(f'<paragraph eId="sec_1__para_{i}"><num>{n}</num><content><p>x</p>'
                         f"</content></paragraph>" for i, n in enumerate(nums))
    body = f'<section eId="sec_1"><num>1</num>{paragraphs}</section>'
    problems = validate_file(write_akn(body))
    assert [p.message for p in problems] == ([message] if message else [])


def test_sections_are_numbered_across_parts(write_akn) -> None:
    body = (f'<part eId="part_I"><num>Part I</num>{sections("1", "2")}</part>'
            f'<part eId="part_II"><num>Part II</num>{sections("4")}</part>')
    problems = validate_file(write_akn(body))
    assert [(p.eid, p.message) for p in problems] == [
        ("sec_4", "section 4 follows section 2: 3 missing")]


def test_dangling_href_and_worded_reference(write_akn) -> None:
    body = ('<section eId="sec_1"><num>1</num><content><p>See <ref href="#sec_2">section 2</ref>'
            ', <ref href="#sec_9">section 9</ref> and section 99.</p></content></section>\n'
            '<section eId="sec_2"><num>2</num><content><p>Under section 2 of the Evidence Act.'
            '</p></content></section>')
    problems = validate_file(write_akn(body))
    assert [(p.code, p.eid, p.message) for p in problems] == [
        ("dangling-href", "sec_1", 'href="#sec_9" points to no element of this document'),
        ("dangling-reference", "sec_1", '"section 99" names no unit of this document'),
    ]


def test_a_term_defined_twice(write_akn) -> None:
    body = """<section eId="sec_1"><num>1</num><heading>Interpretation</heading><content>
        <p>In this Act, unless the context otherwise requires—</p>
        <p>“computer data” means any representation of facts;</p>
        <p>“service provider” means a person;</p></content></section>
      <section eId="sec_2"><num>2</num><content>
        <p>In this Act, “computer data” includes a program.</p></content></section>
      <section eId="sec_3"><num>3</num><content>
        <p>In this section, “service provider” includes a host.</p></content></section>"""
    problems = validate_file(write_akn(body))
    assert [(p.code, p.eid) for p in problems] == [("duplicate-definition", "sec_2")]
    assert "in sec_1" in problems[0].message and "sec_2" in problems[0].message
    # "In this section" limits the second "service provider": not a duplicate


def test_an_empty_act_is_a_problem(write_akn) -> None:
    assert codes(validate_file(write_akn(""))) == ["no-provisions"]


def test_missing_eids_are_reported_once(write_akn) -> None:
    body = ('<section><num>1</num><content><p>a</p></content></section>'
            '<section><num>2</num><content><p>b</p></content></section>')
    problems = validate_file(write_akn(body))
    assert codes(problems) == ["missing-eid"]
    assert problems[0].message.startswith("2 unit(s) have no eId")


def test_old_namespace_and_fragment_are_problems(samples: Path) -> None:
    assert codes(validate_file(samples / "ke-retirement-benefits-amendment-act-2003.akn10.xml")) \
        == ["namespace"]
    fragment = validate_file(samples / "uk-ipa2024-sec2-qstr-sec226B.excerpt.xml")
    assert codes(fragment)[0] == "root"
    assert codes(fragment).count("dangling-href") == 3


def test_exit_codes(write_akn, tmp_path: Path, capsys) -> None:
    good = write_akn(sections("1", "2"), name="good.xml")
    assert main(["validate", str(good)]) == 0
    bad = write_akn(sections("1", "3"), name="bad.xml")
    assert main(["validate", str(bad)]) == 3
    captured = capsys.readouterr()
    assert f"{bad}:" in captured.out and "[numbering-gap]" in captured.out
    assert "1 problem(s)" in captured.err
    broken = tmp_path / "broken.xml"
    broken.write_text("<akomaNtoso")
    assert main(["validate", str(broken)]) == 2


def test_schema_validation_of_a_devset_file(shared_dir: Path, akn_schema: Path) -> None:
    path = shared_dir / "devset" / "akn" / "tz_cca_2015.xml"
    assert validate_file(path, schema=akn_schema) == []


def test_schema_errors_come_with_their_line(write_akn, akn_schema: Path, capsys) -> None:
    body = ('<section eId="sec_1"><num>1</num><content><p>a</p></content></section>\n'
            '<section eId="sec_2"><num>2</num><bogus>not AKN</bogus></section>')
    path = write_akn(body)
    problems = [p for p in validate_file(path, schema=akn_schema) if p.code == "schema"]
    assert problems and problems[0].line == path.read_text().splitlines().index(
        '<section eId="sec_2"><num>2</num><bogus>not AKN</bogus></section>') + 1
    assert "bogus" in problems[0].message
    assert main(["validate", str(path), "--schema", str(akn_schema)]) == 3
    assert "[schema]" in capsys.readouterr().out


def test_schema_catches_duplicate_eids_too(write_akn, akn_schema: Path) -> None:
    body = ('<section eId="sec_1"><num>1</num><content><p>a</p></content></section>'
            '<section eId="sec_1"><num>2</num><content><p>b</p></content></section>')
    assert "schema" in codes(validate_file(write_akn(body), schema=akn_schema))


def test_schema_problems_are_reported_before_eids_are_generated(write_akn, akn_schema) -> None:
    """eId generation changes the tree; schema validation must see the file as it is."""
    body = '<section><num>1</num><content><p>a</p></content></section>'
    problems = validate_file(write_akn(body), schema=akn_schema)
    assert codes(problems) == ["missing-eid"]


def test_a_missing_or_broken_schema_is_bad_input(write_akn, tmp_path: Path, akn_schema: Path,
                                                 capsys) -> None:
    path = write_akn(sections("1"))
    assert main(["validate", str(path), "--schema", str(tmp_path / "none.xsd")]) == 2
    assert "schema" in capsys.readouterr().err
    broken = tmp_path / "broken.xsd"
    broken.write_text("<xs:schema xmlns:xs='http://www.w3.org/2001/XMLSchema'><xs:bogus/>"
                      "</xs:schema>")
    assert main(["validate", str(path), "--schema", str(broken)]) == 2
    err = capsys.readouterr().err
    assert len(err.splitlines()) == 1 and "cannot compile the schema" in err


def test_schema_compiles_offline_from_a_copy(tmp_path: Path, akn_schema: Path, write_akn) -> None:
    """The XSD needs only xml.xsd beside it (no network): a copied pair works anywhere."""
    for name in ("akomantoso30.xsd", "xml.xsd"):
        shutil.copy(akn_schema.parent / name, tmp_path / name)
    path = write_akn(sections("1", "2"))
    assert validate_file(path, schema=tmp_path / "akomantoso30.xsd") == []
