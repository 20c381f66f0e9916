"""Issue 14: well-formed but hostile drafts end in exit 0 or 2 with one line, never 1."""

from __future__ import annotations

import io
import re
import sqlite3
import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from fuzzing import REPO, nest_deeply

from lawcheck.akn.builder import Intervals
from lawcheck.akn.numbering import num_keys
from lawcheck.cli import main
from lawcheck.decisions.attach import decision_note
from lawcheck.decisions.store import DecisionStore, check_decision_text
from lawcheck.digits import ascii_int, is_ascii_number
from lawcheck.engine.suggestions import next_number
from lawcheck.errors import InputError
from lawcheck.ingest import import_bytes
from lawcheck.ingest.word_numbering import format_number
from lawcheck.output import save_atomically
from lawcheck.safe_text import markdown_code, markdown_text, terminal_text
from lawcheck.ui.decisions import ENV_DIR, decisions_dir

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


# -- Word files: numbering budgets and every part checked ------------------------------------------

def _docx(paragraphs: int = 3, numbering: str | None = None) -> dict[str, bytes]:
    """The parts of a small Word file; `numbering` is a `w:abstractNum`+`w:num` pair to add."""
    document = docx.Document()
    for index in range(paragraphs):
        paragraph = document.add_paragraph(f"The provider shall preserve the data, item {index}.")
        if numbering:
            paragraph._p.get_or_add_pPr().append(parse_xml(
                f'<w:numPr {nsdecls("w")}><w:ilvl w:val="0"/><w:numId w:val="77"/></w:numPr>'))
    if numbering:
        element = document.part.numbering_part.element
        for child in parse_xml(f'<w:numbering {nsdecls("w")}>{numbering}</w:numbering>'):
            element.append(child)
    buffer = io.BytesIO()
    document.save(buffer)
    with zipfile.ZipFile(buffer) as archive:
        return {info.filename: archive.read(info) for info in archive.infolist()}


def _zip(parts: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def _list(fmt: str, start: str, override: str | None = None) -> str:
    restart = (f'<w:lvlOverride w:ilvl="0"><w:startOverride w:val="{override}"/></w:lvlOverride>'
               if override else "")
    return (f'<w:abstractNum w:abstractNumId="77"><w:lvl w:ilvl="0"><w:start w:val="{start}"/>'
            f'<w:numFmt w:val="{fmt}"/><w:lvlText w:val="%1)"/></w:lvl></w:abstractNum>'
            f'<w:num w:numId="77"><w:abstractNumId w:val="77"/>{restart}</w:num>')


@pytest.mark.parametrize("fmt, start, override", [
    ("lowerLetter", "2000000000", None), ("lowerLetter", "1", "10000000000"), ("upperRoman", "1", "1000000000000"),
    ("russianLower", "999999", None), ("lowerLetter", "-5", None), ("decimal", "٣", None),
])
def test_word_numbering_values_are_bounded(fmt: str, start: str, override: str | None) -> None:
    result = import_draft_bytes(_zip(_docx(200, _list(fmt, start, override))))
    assert len(result) < 200_000  # bounded output; the time is measured in benchmarks/fuzz.py


def test_word_number_formats_fall_back_to_digits() -> None:
    assert format_number(3, "lowerLetter") == "c"
    assert format_number(27, "lowerLetter") == "aa"
    assert format_number(2_000_000_000, "lowerLetter") == "2000000000"
    assert format_number(5000, "upperRoman") == "5000"


def import_draft_bytes(data: bytes, name: str = "draft.docx") -> bytes:
    return import_bytes(data, name)


def _utf16(xml: bytes) -> bytes:
    text = xml.decode("utf-8").replace('encoding="UTF-8"', 'encoding="UTF-16"', 1)
    return text.encode("utf-16")


_XXE = b'<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'


def _with_doctype(xml: bytes) -> bytes:
    return xml.replace(b"?>", b"?>" + _XXE, 1)


def _hostile_parts() -> dict[str, dict[str, bytes]]:
    parts = _docx()
    document = parts["word/document.xml"]
    types = parts["[Content_Types].xml"]
    renamed = dict(parts)
    renamed["word/extra.bin"] = _with_doctype(b'<?xml version="1.0" encoding="UTF-8"?><w:x/>')
    rels = parts["word/_rels/document.xml.rels"]
    return {
        "utf16_doctype": {**parts, "word/document.xml": _utf16(_with_doctype(document))},
        "odd_name_doctype": renamed,
        "styles_without_content_type": {**parts, "[Content_Types].xml": re.sub(
            rb'<Override PartName="/word/styles.xml"[^>]*/>', b"", types)},
        "external_relationship": {**parts, "word/_rels/document.xml.rels": re.sub(
            rb'(Target="styles.xml")', rb'\1 TargetMode="External"', rels)},
        "no_body": {**parts, "word/document.xml": re.sub(rb"<w:body>.*</w:body>", b"", document, flags=re.S)},
        "not_well_formed": {**parts, "word/settings.xml": b'<?xml version="1.0"?><w:settings><oops>'},
    }


@pytest.mark.parametrize("case", sorted(_hostile_parts()))
def test_hostile_word_parts_are_one_line_input_errors(case: str) -> None:
    with pytest.raises(InputError) as caught:
        import_bytes(_zip(_hostile_parts()[case]), f"{case}.docx")
    assert str(caught.value).startswith(f"{case}.docx") and "\n" not in str(caught.value)


def test_hostile_word_file_through_the_cli(tmp_path: Path, capsys) -> None:
    path = tmp_path / "utf16.docx"
    path.write_bytes(_zip(_hostile_parts()["utf16_doctype"]))
    assert main(["check", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "utf16.docx" in err and "DOCTYPE" in err


# -- budgets on work ------------------------------------------------------------------------------

def test_twenty_thousand_references_in_one_paragraph_are_read(write_akn, capsys) -> None:
    refs = '<ref href="#sec_1">section 1</ref>, ' * 20_000 + "section 1, " * 20_000
    path = write_akn(f'<section eId="sec_1"><num>1.</num><content><p>See {refs}.</p></content></section>')
    assert main(["validate", str(path)]) in (0, 3)  # its time is measured in benchmarks/fuzz.py


def test_intervals_answer_overlap_and_containment() -> None:
    spans = Intervals([(0, 10), (5, 8), (20, 30)])
    assert spans.overlaps(9, 12) and not spans.overlaps(10, 20) and spans.overlaps(25, 26)
    assert spans.strictly_contains(5, 8) and spans.strictly_contains(21, 29)
    assert not spans.strictly_contains(20, 30) and not spans.strictly_contains(9, 12)
    assert not Intervals([]).overlaps(0, 1)


def test_too_many_elements_are_refused_before_parsing(write_akn, capsys) -> None:
    path = write_akn('<section eId="sec_1"><num>1.</num><content>' + "<p/>" * 600_000 + "</content></section>")
    assert main(["check", str(path)]) == 2
    assert "elements" in capsys.readouterr().err


def test_too_many_provisions_are_refused(write_akn, capsys) -> None:
    body = "".join(f'<section eId="sec_{n}"><num>{n}.</num><content><p>x</p></content></section>'
                   for n in range(1, 20_100))
    assert main(["validate", str(write_akn(body))]) == 2
    assert "provisions" in capsys.readouterr().err


def test_too_many_lines_are_refused_before_import(tmp_path: Path, capsys) -> None:
    path = tmp_path / "lines.txt"
    path.write_text("a\n" * 200_000)
    assert main(["import", str(path), "-o", str(tmp_path / "out.xml")]) == 2
    assert "lines" in capsys.readouterr().err


@pytest.mark.parametrize("value", ["0", "-5", "9" * 40, str(2**63)])
def test_max_bytes_out_of_range_is_one_line(write_akn, capsys, value: str) -> None:
    path = write_akn(one_section("text"))
    assert main(["check", str(path), "--max-bytes", value]) == 2
    assert capsys.readouterr().err.count("\n") == 1


# -- outputs carry draft and reviewer text safely ---------------------------------------------------

HOSTILE_TITLE = "Act <script>alert(1)</script> [x](javascript:alert(1)) *bold* a|b"


def test_markdown_escapes_markup_and_html() -> None:
    escaped = markdown_text(HOSTILE_TITLE + "\r\nnext\x1b[31m")
    assert "<script>" not in escaped and "&lt;script&gt;" in escaped
    assert "\\[x\\]" in escaped and "\\*bold\\*" in escaped and "a\\|b" in escaped
    assert "\r" not in escaped and "\n" not in escaped and "\x1b" not in escaped
    assert markdown_code("a`b\nc") == "`a'b c`"


def test_terminal_text_strips_escape_sequences() -> None:
    assert terminal_text("a\x1b[31mred\x1b[0m\x1b]0;title\x07 b\x07\r\nc\td") == "ared b\nc\td"


def test_markdown_report_shows_a_hostile_draft_as_text(write_akn, tmp_path: Path) -> None:
    text = "A judge may order <b onmouseover=x>preservation</b> [link](javascript:alert(1)) for 90 days."
    path = write_akn(one_section(text.replace("<", "&lt;").replace(">", "&gt;")), title=HOSTILE_TITLE.replace(
        "<", "&lt;").replace(">", "&gt;"))
    out = tmp_path / "report.md"
    assert main(["check", str(path), "--format", "md", "-o", str(out)]) == 0
    markdown = out.read_text(encoding="utf-8")
    assert "<script>" not in markdown and "<b " not in markdown and "\r" not in markdown
    assert not re.search(r"(?<!\\)\]\(javascript:", markdown)


@pytest.mark.parametrize("reason, reviewer", [
    ("fine\x1b[31m", "Ann"), ("ok", "Ann\x07"), ("line\x00", "Ann"), ("right-to-left \u202e", "Ann"),
    ("x" * 5000, "Ann"), ("ok", " "),
])
def test_reviewer_text_with_controls_is_refused(reason: str, reviewer: str) -> None:
    with pytest.raises(InputError):
        check_decision_text(reason, reviewer)


def test_stored_control_characters_never_reach_a_report() -> None:
    finding = {"decision": {"recorded": "dismissed", "reviewer": "Ann\x1b[2J", "at": "2026-01-01",
                            "reason": "no\x07 need\x00", "status": "dismissed", "needs_rereview": False}}
    assert decision_note(finding) == "Dismissed by Ann on 2026-01-01: no need"


# -- the decision store ---------------------------------------------------------------------------------

def _foreign_database(path: Path) -> bytes:
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE contacts (name TEXT)")
        conn.execute("INSERT INTO contacts VALUES ('Ann')")
    conn.close()
    return path.read_bytes()


def test_check_refuses_a_foreign_database_and_leaves_it_alone(write_akn, tmp_path: Path, capsys) -> None:
    draft = write_akn(one_section("A judge may order preservation for 90 days."))
    database = tmp_path / "other.sqlite"
    before = _foreign_database(database)
    assert main(["check", str(draft), "--db", str(database)]) == 2
    assert capsys.readouterr().err.count("\n") == 1
    assert database.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("other")) == ["other.sqlite"]


@pytest.mark.parametrize("content", [b"this is not a database " * 100, b"SQLite format 3\x00" + b"\xff" * 4000])
def test_corrupt_database_is_one_line(write_akn, tmp_path: Path, capsys, content: bytes) -> None:
    draft = write_akn(one_section("A judge may order preservation for 90 days."))
    database = tmp_path / "draft.lawcheck.sqlite"
    database.write_bytes(content)
    assert main(["check", str(draft), "--db", str(database)]) == 2
    assert capsys.readouterr().err.count("\n") == 1
    assert database.read_bytes() == content


def test_review_refuses_to_write_into_a_foreign_database(write_akn, tmp_path: Path) -> None:
    database = tmp_path / "other.sqlite"
    before = _foreign_database(database)
    with pytest.raises(InputError, match="not a lawcheck decisions database"):
        DecisionStore(database)
    assert database.read_bytes() == before


@pytest.mark.parametrize("folder_writable", [True, False])
def test_check_reads_decisions_without_writing(write_akn, tmp_path: Path, capsys, monkeypatch,
                                               folder_writable: bool) -> None:
    draft = write_akn(one_section("A judge may order preservation for 90 days."))
    database = draft.with_name("draft.lawcheck.sqlite")
    with DecisionStore(database) as store:
        store.record({"code": "draft/x"}, "text", "dismissed", "not relevant", "Ann")
    before = {path.name: path.read_bytes() for path in tmp_path.iterdir()}
    tmp_path.chmod(0o555)
    monkeypatch.setattr("lawcheck.decisions.store.os.access", lambda *_args: folder_writable)
    try:
        assert main(["check", str(draft), "--format", "json", "--db", str(database)]) == 0
        assert '"review"' in capsys.readouterr().out
    finally:
        tmp_path.chmod(0o755)
    assert {path.name: path.read_bytes() for path in tmp_path.iterdir()} == before


def test_decisions_dir_with_an_unknown_user_is_an_input_error(monkeypatch) -> None:
    monkeypatch.setenv(ENV_DIR, "~nosuchuser-lawcheck/x")
    with pytest.raises(InputError, match=ENV_DIR):
        decisions_dir()


# -- path errors ------------------------------------------------------------------------------------

@pytest.fixture
def draft(write_akn) -> Path:
    return write_akn(one_section("A judge may order preservation for 90 days."))


@pytest.mark.parametrize("command", [["check"], ["check", "--format", "md"], ["check", "--format", "docx"], ["diff"]])
@pytest.mark.parametrize("target", ["missing/out.txt", ".", "/dev/full", "draft.xml"])
def test_bad_output_paths_are_one_line_input_errors(draft: Path, capsys, command: list[str], target: str) -> None:
    output = target if target.startswith("/") else str(draft.parent / target)
    before = draft.read_bytes()
    files = [str(draft), str(draft)] if command[0] == "diff" else [str(draft)]
    assert main([command[0], *files, *command[1:], "-o", output]) == 2
    assert capsys.readouterr().err.count("\n") == 1
    assert draft.read_bytes() == before


def test_import_never_overwrites_its_input(tmp_path: Path, capsys) -> None:
    source = tmp_path / "draft.txt"
    source.write_text("Article 1. Scope\nThis Act applies to computer data.\n")
    assert main(["import", str(source), "-o", str(source)]) == 2
    assert source.read_text().startswith("Article 1")


def test_output_replaces_a_symlink_instead_of_following_it(draft: Path, tmp_path: Path) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me")
    link = tmp_path / "report.txt"
    link.symlink_to(victim)
    assert main(["check", str(draft), "-o", str(link)]) == 0
    assert victim.read_text() == "keep me"
    assert not link.is_symlink() and "implemented" in link.read_text()


def test_output_is_written_atomically(tmp_path: Path) -> None:
    target = tmp_path / "report.txt"
    target.write_text("previous")

    def failing_save(temp: Path) -> None:
        temp.write_text("half")
        raise OSError(28, "No space left on device")

    with pytest.raises(InputError, match="No space left"):
        save_atomically(target, failing_save)
    assert target.read_text() == "previous"
    assert [path.name for path in tmp_path.iterdir()] == ["report.txt"]


# -- one line on stderr, whatever came before -------------------------------------------------------

def test_a_warning_followed_by_an_error_prints_one_line(tmp_path: Path, capsys) -> None:
    draft = tmp_path / "plain.xml"  # no namespace: read with a warning
    draft.write_text('<akomaNtoso><act name="act"><body><section eId="sec_1"><num>1.</num><content>'
                     "<p>A judge may order preservation for 90 days.</p></content></section></body></act>"
                     "</akomaNtoso>")
    assert main(["check", str(draft)]) == 0
    assert "warning" in capsys.readouterr().err
    assert main(["check", str(draft), "-o", "/dev/full"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "warning" not in err


def test_errors_on_an_imported_draft_name_the_draft(tmp_path: Path, capsys, monkeypatch) -> None:
    monkeypatch.setattr("lawcheck.akn.builder.MAX_PROVISIONS", 3)
    draft = tmp_path / "draft.txt"
    draft.write_text("".join(f"Article {n}. Scope\nThis Act applies to computer data {n}.\n" for n in range(1, 8)))
    assert main(["check", str(draft)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"lawcheck: error: {draft}: ") and err.count("\n") == 1


def test_deep_nesting_inside_the_parser_limit_is_diffed(tmp_path: Path, capsys) -> None:
    original = REPO / "tests" / "data" / "diff" / "en_base.xml"
    deep = tmp_path / "deep.xml"
    deep.write_bytes(nest_deeply(original.read_bytes(), 3, 248))
    assert main(["diff", str(original), str(deep), "--format", "json"]) == 0, capsys.readouterr().err


def test_too_much_text_is_refused(write_akn, capsys, monkeypatch) -> None:
    monkeypatch.setattr("lawcheck.akn.builder.MAX_TEXT_CHARS", 1_000)
    assert main(["validate", str(write_akn(one_section("data " * 300)))]) == 2
    assert "characters of provision text" in capsys.readouterr().err


@pytest.mark.parametrize("num, following", [("52-7)", "52-8)"), ("(3)", "(4)"), ("(g)", "(h)"),
                                            ("9" * 5000, "9" * 5000), ("²)", "²)")])
def test_suggested_numbers_read_ascii_digits_only(num: str, following: str) -> None:
    assert next_number(num) == following
