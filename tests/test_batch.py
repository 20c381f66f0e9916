"""`lawcheck check` on several drafts or a folder: one report each, bad drafts reported, the worst exit."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import AKN_NS, akn_xml

from lawcheck.cli import main
from lawcheck.cli.batch import largest_first, report_paths, worst

SECTION = (f'<section xmlns="{AKN_NS}" eId="sec_1"><num>1.</num><heading>Illegal access</heading>'
           "<content><p>A person who intentionally accesses a computer system without right "
           "commits an offence.</p></content></section>")


@pytest.fixture
def drafts(tmp_path: Path) -> Path:
    folder = tmp_path / "drafts"
    folder.mkdir()
    (folder / "a.xml").write_bytes(akn_xml(SECTION))
    (folder / "b.xml").write_bytes(akn_xml(SECTION, title="Second Act"))
    (folder / "broken.xml").write_text("not xml at all", encoding="utf-8")
    (folder / "notes.md").write_text("not a draft", encoding="utf-8")
    return folder


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_folder_gives_one_report_per_draft_and_the_worst_exit(drafts: Path, tmp_path: Path, jobs: str,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "reports"
    code = main(["check", str(drafts), "--jobs", jobs, "--format", "json", "-o", str(out)])
    captured = capsys.readouterr()
    assert code == 2  # the broken draft's input error outranks the others' success
    assert sorted(p.name for p in out.iterdir()) == ["a.json", "b.json"]
    assert json.loads((out / "b.json").read_text(encoding="utf-8"))["document"]["title"] == "Second Act"
    assert "broken.xml" in captured.out and "a.xml" in captured.out and "notes.md" not in captured.out
    errors = [line for line in captured.err.splitlines() if "broken.xml" in line]
    assert len(errors) == 1 and "error:" in errors[0]
    assert "[3/3]" in captured.err


def test_several_files_with_fail_on(drafts: Path, tmp_path: Path) -> None:
    code = main(["check", str(drafts / "a.xml"), str(drafts / "b.xml"), "--jobs", "1", "--fail-on", "missing"])
    assert code == 3


def test_docx_batch_needs_a_folder(drafts: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(drafts), "--format", "docx"]) == 2
    assert "-o DIR" in capsys.readouterr().err


def test_worst_exit_code_order() -> None:
    assert worst([0, 3, 0]) == 3
    assert worst([3, 2]) == 2
    assert worst([2, 1, 3]) == 1
    assert worst([]) == 0


def test_reports_of_drafts_with_the_same_name_do_not_overwrite(tmp_path: Path) -> None:
    paths = report_paths([Path("x/draft.xml"), Path("y/draft.xml"), Path("y/other.txt")], tmp_path, "md")
    assert [p.name for p in paths] == ["x_draft.md", "y_draft.md", "other.md"]


def test_the_largest_drafts_are_started_first_and_a_missing_one_last(tmp_path: Path) -> None:
    for name, words in (("small", 10), ("large", 1000), ("medium", 100)):
        (tmp_path / f"{name}.txt").write_text("word " * words, encoding="utf-8")
    drafts = [tmp_path / "small.txt", tmp_path / "gone.txt", tmp_path / "large.txt", tmp_path / "medium.txt"]
    assert largest_first(drafts) == [2, 3, 0, 1]
