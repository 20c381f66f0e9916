"""Comparing versions (lawcheck.compare): provision matching, word-level changes, the conformance
delta of the contract's `lawcheck.diff/1` JSON, and the text/md/html renderers (lawcheck.report.diff).

The key case: an amendment that takes the judge out of interception (section 23 of the model
law) must show as a NEW missing_safeguard finding on BC-21 and as a safeguard change, whether it
arrives as an amending Bill or as an edited copy of the law.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import pytest

from lawcheck.akn import parse_document, read_document
from lawcheck.cli.diff import run as run_diff
from lawcheck.cli.stderr import flush_warnings
from lawcheck.compare.delta import SCHEMA, _finding_changes, diff_checks
from lawcheck.compare.match import match_provisions, word_diff
from lawcheck.compare.versions import compare
from lawcheck.draft import Draft, load_draft
from lawcheck.pipeline import Check, check_document
from lawcheck.report.diff import render_diff, render_diff_html, render_diff_markdown, render_diff_text
from tests.conftest import SHARED, akn_xml

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "tests" / "data" / "diff"
MODEL = REPO / "corpora" / "national" / "en_model_law.xml"
JUDICIAL = "judicial_or_independent_supervision"


# -- the key case: a court's authorisation deleted ------------------------------------------------


def _judge_removed(source: str) -> str:
    """The model law with the judge in section 23 (interception) replaced by a police officer."""
    start = source.index('<section eId="sec_23">')
    end = source.index("</section>", start)
    section = (source[start:end]
               .replace("a judge may order", "a police officer of or above the rank of superintendent may order")
               .replace("renewed by a judge", "renewed by that officer")
               .replace("unless the judge expressly allows it", "unless that officer expressly allows it"))
    return source[:start] + section + source[end:]


def compare_files(old: Path, new: Path) -> dict:
    """What `lawcheck diff OLD NEW` compares, with the default options."""
    old_draft = load_draft(old)
    return compare(old_draft, check_document(old_draft.document), load_draft(new), check_document)


@pytest.fixture(scope="module")
def model() -> tuple[Draft, Check]:
    draft = load_draft(MODEL)
    return draft, check_document(draft.document)


@pytest.fixture(scope="module")
def edited_copy(model) -> dict:
    """OLD: the model law; NEW: the same law (same FRBR work) with the judge taken out."""
    _draft, check = model
    new = parse_document(_judge_removed(MODEL.read_text(encoding="utf-8")).encode(), "en_model_law_v2.xml")
    return diff_checks(check, check_document(new))


@pytest.fixture(scope="module")
def amended(model) -> dict:
    """OLD: the model law; NEW: an amending Bill that takes the judge out of section 23."""
    draft, check = model
    return compare(draft, check, load_draft(DATA / "en_model_law_amendment.xml"), check_document)


def _has_new_judicial_finding(diff: dict) -> bool:
    return any(f["category"] == "missing_safeguard" and f.get("requirement") == "BC-21"
               and f.get("safeguard") == JUDICIAL and "sec_23" in f.get("provisions", [])
               for f in diff["findings"]["added"])


@pytest.mark.parametrize("case", ["edited_copy", "amended"])
def test_deleting_the_judge_is_a_new_missing_safeguard(case: str, request: pytest.FixtureRequest) -> None:
    diff = request.getfixturevalue(case)
    assert _has_new_judicial_finding(diff)
    assert {"requirement": "BC-21", "safeguard": JUDICIAL, "old": "present", "new": "absent"} in diff["safeguards"]
    assert diff["findings"]["resolved"] == []
    assert diff["summary"]["high_findings_added"] >= 1
    assert diff["provisions"]["added"] == [] and diff["provisions"]["removed"] == []
    assert "sec_23__subsec_1" in diff["provisions"]["changed"]
    change = next(c for c in diff["changes"] if c["eId"] == "sec_23__subsec_1")
    removed = " ".join(words for op, words in change["diff"] if op == "-")
    assert "judge" in removed


def test_the_amending_bill_is_applied_first(amended: dict) -> None:
    assert amended["new"]["source"] == "en_model_law.xml + en_model_law_amendment.xml"
    assert len(amended["amendment"]["applied"]) == 3 and amended["amendment"]["problems"] == []
    change = next(c for c in amended["changes"] if c["eId"] == "sec_23__subsec_1")
    assert ["+", " the Commissioner of Police"] in change["diff"]


def test_contract_shape(edited_copy: dict) -> None:
    """The contract's fields, and findings that are the report's finding objects."""
    diff = edited_copy
    assert diff["schema"] == SCHEMA == "lawcheck.diff/1"
    assert diff["old"] == {"title": "Cybercrime and Electronic Evidence Act, 2025 (Act No. 7 of 2025)",
                           "source": "en_model_law.xml", "provisions": diff["old"]["provisions"]}
    assert diff["new"]["source"] == "en_model_law_v2.xml"
    assert set(diff["provisions"]) >= {"added", "removed", "changed"}
    assert diff["requirements"] == []  # taking the judge away changes a safeguard, not BC-21's status
    assert set(diff["findings"]) == {"added", "resolved"}
    json.dumps(diff)  # JSON-serialisable as it is


def test_findings_follow_the_report_schema(edited_copy: dict) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    schema_path = SHARED / "schemas" / "report.schema.json"
    if not schema_path.is_file():
        pytest.skip(f"report schema not found at {schema_path}")
    item_schema = json.loads(schema_path.read_text(encoding="utf-8"))["properties"]["findings"]["items"]
    findings = edited_copy["findings"]["added"] + edited_copy["findings"]["resolved"]
    assert findings
    for finding in findings:
        jsonschema.validate(finding, item_schema)


def test_nothing_changed(model) -> None:
    _draft, check = model
    diff = diff_checks(check, check)
    assert diff["provisions"] == {"added": [], "removed": [], "changed": [], "renumbered": []}
    assert diff["requirements"] == diff["safeguards"] == [] == diff["changes"]
    assert diff["findings"] == {"added": [], "resolved": []}
    assert "No difference" in render_diff_text(diff)


# -- matching provisions when eIds shift ----------------------------------------------------------


def test_renumbered_sections_are_matched_by_heading_and_text() -> None:
    """v2 inserts a new section 3: old sections 3-8 are now 4-9, every eId below them shifted."""
    old, new = read_document(DATA / "en_base.xml"), read_document(DATA / "en_base_v2.xml")
    matching = match_provisions(old, new)
    pairs = {a.eid: b.eid for a, b in matching.pairs}
    assert pairs["sec_3"] == "sec_4" and pairs["sec_3__subsec_2"] == "sec_4__subsec_2"
    assert pairs["sec_6__subsec_3"] == "sec_7__subsec_3" and pairs["sec_8"] == "sec_9"
    assert pairs["sec_1"] == "sec_1" and pairs["sec_2"] == "sec_2"
    assert [unit.eid for unit in matching.added] == ["sec_3", "sec_3__subsec_1", "sec_3__subsec_2"]
    assert matching.removed == []


def test_renumbered_diff_reports_only_real_changes() -> None:
    old, new = read_document(DATA / "en_base.xml"), read_document(DATA / "en_base_v2.xml")
    diff = diff_checks(check_document(old), check_document(new))
    assert diff["requirements"], "v2 adds a section: some requirement status changes"
    for item in diff["requirements"]:
        assert {"id", "title", "old_status", "new_status"} <= set(item) and item["old_status"] != item["new_status"]
    assert diff["provisions"]["added"] == ["sec_3"]
    assert diff["provisions"]["changed"] == ["sec_8__subsec_1", "sec_8__subsec_2"]
    assert [c.get("old_eId") for c in diff["changes"]] == ["sec_7__subsec_1", "sec_7__subsec_2"]
    assert {"old_eId": "sec_7", "eId": "sec_8", "old_num": "7.", "num": "8."} in diff["provisions"]["renumbered"]
    assert {"requirement": "BC-21", "safeguard": JUDICIAL, "old": "present", "new": "absent"} in diff["safeguards"]
    assert any(f.get("requirement") == "BC-21" and f.get("safeguard") == JUDICIAL for f in diff["findings"]["added"])


def test_restated_unit_keeps_its_eid() -> None:
    """«статью 510 изложить в следующей редакции»: same eId, new text: changed, not removed+added."""
    diff = compare_files(DATA / "ru_cpc_base.xml", DATA / "ru_cpc_amendment_plain.xml")
    assert "art_510__para_2" in diff["provisions"]["changed"]
    assert diff["provisions"]["added"] == ["art_94-1", "art_510__para_3"]
    assert diff["provisions"]["removed"] == []
    assert [p["kind"] for p in diff["amendment"]["problems"]] == ["words_not_found", "target_not_found"]


def test_findings_are_matched_by_code_not_by_provisions() -> None:
    """A renumbering changes the provisions (and messages) a finding cites: same finding."""
    old = [{"code": "BC-16/safeguard/proportionality", "category": "missing_safeguard", "severity": "high",
            "requirement": "BC-16", "safeguard": "proportionality", "provisions": ["sec_18"],
            "message": "The power in sec_18 has no proportionality."},
           {"code": "draft/dangling_reference", "category": "consistency", "severity": "medium",
            "message": "“section 35” refers to a provision the draft does not have."}]
    new = [{**old[0], "provisions": ["sec_19"], "message": "The power in sec_19 has no proportionality."},
           {**old[1], "message": "“section 40” refers to a provision the draft does not have."},
           {**old[1]}]
    changes = _finding_changes(old, new)
    assert changes["resolved"] == []
    assert [f["message"] for f in changes["added"]] == ["“section 40” refers to a provision the draft does not have."]
    changes = _finding_changes(new, old)
    assert [f["message"] for f in changes["resolved"]] == [new[1]["message"]]


# -- word-level changes ----------------------------------------------------------------------------


@pytest.mark.parametrize(("old", "new"), [
    ("A judge may order the data.", "A police officer may order the data."),
    ("по сетям электрической связи;", "по сетям электрической связи, а также в компьютерных системах;"),
    ("(1) see section 5(2) now.", "(1) see section 5(3) now."),
    ("", "all new"),
    ("all gone", ""),
])
def test_word_diff_rebuilds_both_texts(old: str, new: str) -> None:
    diff = word_diff(old, new)
    assert "".join(words for op, words in diff if op != "+") == old
    assert "".join(words for op, words in diff if op != "-") == new


def test_word_diff_reads_like_an_amendment() -> None:
    assert word_diff("A judge may order it.", "A police officer may order it.") == [
        ["=", "A"], ["-", " judge"], ["+", " police officer"], ["=", " may order it."]]
    assert word_diff("связи;", "связи, а также данных;") == [["=", "связи"], ["+", ", а также данных"], ["=", ";"]]
    # one unchanged word between two changes joins them
    assert word_diff("a judge of the court", "an officer of police") == [
        ["-", "a judge of the court"], ["+", "an officer of police"]]


# -- renderers ---------------------------------------------------------------------------------------


def test_text_report_leads_with_conformance(edited_copy: dict) -> None:
    text = render_diff_text(edited_copy)
    lines = text.splitlines()
    assert lines[0] == "lawcheck diff: en_model_law.xml -> en_model_law_v2.xml"
    assert text.index("New findings") < text.index("Changed provisions")
    assert "BC-21/safeguard/judicial_or_independent_supervision: s. 23" in text  # cited, not an eId
    assert "BC-21 judicial or other independent supervision: present -> absent" in text
    assert "a [-judge-] {+police officer of or above the rank of superintendent+} may order" in text
    assert len(lines) < 40


def test_markdown_and_html(amended: dict) -> None:
    markdown = render_diff_markdown(amended)
    assert markdown.startswith("# lawcheck diff:")
    assert "~~a judge~~ **the Commissioner of Police**" in markdown
    assert "| BC-21 | judicial or other independent supervision | present | absent |" in markdown
    page = render_diff_html(amended)
    assert page.startswith("<!doctype html>") and page.rstrip().endswith("</html>")
    assert "<del>a judge</del> <ins>the Commissioner of Police</ins>" in page
    assert "<script" not in page and "http" not in page.split("<body>")[0]
    assert render_diff(amended, "json") == json.dumps(amended, ensure_ascii=False, indent=2) + "\n"


def test_amendment_problems_are_rendered() -> None:
    diff = compare_files(DATA / "en_base.xml", DATA / "en_amendment_plain.xml")
    for rendered in (render_diff_text(diff), render_diff_markdown(diff), render_diff_html(diff)):
        assert "section 12 not found" in rendered
        assert "within ten days" in rendered


# -- speed -------------------------------------------------------------------------------------------


def _synthetic(sections: int, shift: int) -> bytes:
    """A draft of `sections` sections with two subsections each (3 provisions per section),
    numbered from 1 + shift: shifting renumbers every unit, so every eId differs."""
    topics = ["preservation", "production", "search", "seizure", "interception", "traffic data",
              "subscriber information", "confidentiality", "disclosure", "assistance"]
    body = []
    for index in range(sections):
        number = index + 1 + shift
        topic = topics[index % len(topics)]
        body.append(
            f'<section eId="sec_{number}"><num>{number}.</num><heading>{topic.capitalize()} order no. {index}</heading>'
            f'<subsection eId="sec_{number}__subsec_1"><num>(1)</num><content><p>A judge may make an order of '
            f'{topic} number {index} for the investigation of offence class {index * 7 % 13}.</p></content>'
            '</subsection>'
            f'<subsection eId="sec_{number}__subsec_2"><num>(2)</num><content><p>An order under this section '
            f'({index}) has effect for up to {30 + index % 60} days.</p></content></subsection></section>')
    return akn_xml("\n".join(body), title="Synthetic Act")


def test_matching_300_renumbered_provisions() -> None:
    """Fallback matching (cdist, not a Python double loop) pairs 300 provisions whose eIds all
    shifted."""
    old = parse_document(_synthetic(100, 0), "old.xml")
    new = parse_document(_synthetic(100, 1), "new.xml")
    matching = match_provisions(old, new)
    assert len(list(old.walk())) == 300
    assert len(matching.pairs) == 300 and not matching.added and not matching.removed
    assert all(b.eid.startswith(f"sec_{int(a.eid.split('__')[0][4:]) + 1}") for a, b in matching.pairs)


# -- the command (`lawcheck diff`, lawcheck/cli/diff.py) ------------------------------------------


def _args(old: Path, new: Path, **options: object) -> argparse.Namespace:
    values = {"format": "text", "output": None, "lang": "auto", "instruments": "BC,SP", "mode": "auto",
              "fail_on": None, "max_bytes": None}
    values.update(options)
    return argparse.Namespace(old=str(old), new=str(new), **values)


def test_command_json_goes_to_stdout_alone(capsys: pytest.CaptureFixture[str]) -> None:
    code = run_diff(_args(DATA / "en_base.xml", DATA / "en_amendment_plain.xml", format="json"))
    flush_warnings()  # main() prints the warnings held once the command has succeeded
    captured = capsys.readouterr()
    assert code == 0
    diff = json.loads(captured.out)
    assert diff["schema"] == "lawcheck.diff/1" and len(diff["amendment"]["problems"]) == 2
    assert "2 amending instruction(s) not applied" in captured.err


def test_command_output_file_and_fail_on(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "diff.html"
    code = run_diff(_args(DATA / "en_base.xml", DATA / "en_amendment_plain.xml", format="html", output=str(out),
                          fail_on="missing"))
    assert code == 3  # the Bill takes the judge out of interception: a new missing safeguard
    assert out.read_text(encoding="utf-8").startswith("<!doctype html>")
    assert capsys.readouterr().out == ""


def test_command_can_force_a_version_diff(capsys: pytest.CaptureFixture[str]) -> None:
    """--as version: the amending Bill compared as a text, not applied."""
    run_diff(_args(DATA / "en_base.xml", DATA / "en_amendment_plain.xml", format="json", mode="version"))
    diff = json.loads(capsys.readouterr().out)
    assert "amendment" not in diff and diff["new"]["source"] == "en_amendment_plain.xml"


def test_command_imports_a_plain_text_amending_act(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The amending draft as a Word/text file: imported, then applied."""
    pytest.importorskip("lawcheck.ingest")
    draft = tmp_path / "amendment.txt"
    draft.write_text("ELECTRONIC EVIDENCE (AMENDMENT) BILL, 2025\n\n1. Amendment of section 7\n"
                     "In section 7(1) of the Electronic Evidence Act, 2020, for \"a judge may order\" substitute "
                     "\"the Commissioner of Police may order\".\n\n2. Repeal of section 12\n"
                     "Section 12 of the Electronic Evidence Act, 2020 is repealed.\n", encoding="utf-8")
    run_diff(_args(DATA / "en_base.xml", draft, format="json"))
    diff = json.loads(capsys.readouterr().out)
    assert [item["action"] for item in diff["amendment"]["applied"]] == ["words"]
    assert [(p["kind"], p["line"]) for p in diff["amendment"]["problems"]] == [("target_not_found", None)]
    assert any(f.get("requirement") == "BC-21" and f.get("safeguard") == JUDICIAL for f in diff["findings"]["added"])


def test_cli_diff_prints_only_json(capsys: pytest.CaptureFixture[str]) -> None:
    from lawcheck.cli import main

    assert main(["diff", str(DATA / "en_base.xml"), str(DATA / "en_amendment_plain.xml"), "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["schema"] == "lawcheck.diff/1"
