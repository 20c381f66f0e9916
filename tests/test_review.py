"""Reviewer decisions: they persist, show in reports, carry over to the next version of a draft
when the provision has not materially changed, are flagged for re-review when it has, and the
SQLite store survives two writers at once and a writer killed mid-transaction."""

from __future__ import annotations

import json
import multiprocessing
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from functools import cache
from itertools import pairwise
from pathlib import Path
from typing import Any

import pytest

from lawcheck.cli import main
from lawcheck.decisions.attach import attach_decisions, decision_note
from lawcheck.decisions.identity import normalise, provisions_text
from lawcheck.decisions.location import database_path, draft_identity
from lawcheck.decisions.store import DecisionStore, best_match, open_store
from lawcheck.errors import InputError

ROOT = Path(__file__).resolve().parents[1]
GAPS = ROOT / "corpora" / "national" / "en_gaps_draft.xml"
SCHEMA = ROOT.parent / "shared" / "schemas" / "report.schema.json"
CODE = "BC-16/max_duration"  # sec_16__subsec_2: a preservation notice of 180 days
OLD_2 = ("The person to whom the notice is given shall preserve the data for the period stated in the "
         "notice, which shall not exceed one hundred and eighty days.")
SLIGHT_2 = OLD_2.replace("preserve the data", "preserve such data")
MATERIAL_2 = ("The person to whom the notice is given shall preserve the data until the Commissioner releases "
              "it; a notice lapses after one hundred and eighty days unless the Commissioner renews it in writing.")
ELSEWHERE = ("Where a senior police officer has reasonable grounds", "Where a police officer of senior rank has "
             "reasonable grounds")


@cache
def checked(text: str | None = None) -> Any:
    """The check of the gaps draft, or of a variant of its text (cached: a check takes seconds)."""
    from lawcheck.akn import parse_document
    from lawcheck.pipeline import check_document

    data = (text if text is not None else GAPS.read_text(encoding="utf-8")).encode("utf-8")
    return check_document(parse_document(data, source="draft.xml"), lang="en")


def variant(old: str, new: str) -> Any:
    source = GAPS.read_text(encoding="utf-8")
    assert old in source
    return checked(source.replace(old, new))


def finding(check: Any, code: str = CODE) -> dict[str, Any]:
    return next(f for f in check.report["findings"] if f["code"] == code)


def record(store: DecisionStore, check: Any, code: str = CODE, decision: str = "dismissed",
           reason: str = "The Commissioner caps renewals in the regulations.") -> None:
    f = finding(check, code)
    store.record(f, provisions_text(check.analysis, f.get("provisions", [])), decision, reason, "A. Expert")


def attached(check: Any, store: DecisionStore) -> dict[str, Any]:
    return attach_decisions(check.report, check.analysis, store)


def test_decisions_persist_and_show_in_the_report(tmp_path: Path) -> None:
    db = tmp_path / "draft.lawcheck.sqlite"
    with DecisionStore(db) as store:
        record(store, checked())
        record(store, checked(), "BC-20/missing", "accepted", "Real-time collection is needed.")
    with DecisionStore(db) as store:  # a new connection: what was written is on disk
        report = attached(checked(), store)
        assert len(store.all()) == 2
    decision = finding_in(report, CODE)["decision"]
    assert decision["status"] == "dismissed" and decision["reviewer"] == "A. Expert"
    assert decision["reason"].startswith("The Commissioner caps") and decision["at"]
    assert decision["needs_rereview"] is False and decision["match"] == "exact"
    assert finding_in(report, "BC-20/missing")["decision"]["status"] == "accepted"
    assert report["review"] == {"database": db.name, "accepted": 1, "dismissed": 1, "needs_rereview": 0,
                                "not_raised": 0}
    assert sum("decision" in f for f in report["findings"]) == 2
    assert decision_note(finding_in(report, CODE)).startswith("Dismissed by A. Expert on ")
    if SCHEMA.is_file():  # the decision object is a compatible extension of the contract
        import jsonschema

        jsonschema.validate(report, json.loads(SCHEMA.read_text(encoding="utf-8")))


def finding_in(report: dict[str, Any], code: str) -> dict[str, Any]:
    return next(f for f in report["findings"] if f["code"] == code)


def test_decision_carries_over_when_the_provision_is_unchanged(tmp_path: Path) -> None:
    with DecisionStore(tmp_path / "d.sqlite") as store:
        record(store, checked())
        report = attached(variant(*ELSEWHERE), store)  # v2 changes sec_16(1), not sec_16(2)
    decision = finding_in(report, CODE)["decision"]
    assert (decision["status"], decision["match"], decision["needs_rereview"]) == ("dismissed", "exact", False)


def test_slight_change_still_applies_but_asks_for_rereview(tmp_path: Path) -> None:
    with DecisionStore(tmp_path / "d.sqlite") as store:
        record(store, checked())
        report = attached(variant(OLD_2, SLIGHT_2), store)
    decision = finding_in(report, CODE)["decision"]
    assert decision["status"] == "dismissed" and decision["match"] == "similar"
    assert decision["needs_rereview"] is True and decision["similarity"] >= 90
    assert report["review"]["needs_rereview"] == 1


def test_material_change_is_flagged_not_applied(tmp_path: Path) -> None:
    with DecisionStore(tmp_path / "d.sqlite") as store:
        record(store, checked())
        report = attached(variant(OLD_2, MATERIAL_2), store)
    decision = finding_in(report, CODE)["decision"]
    assert decision["status"] == "needs_rereview" and decision["recorded"] == "dismissed"
    assert decision["needs_rereview"] is True and decision["similarity"] < 90
    assert report["review"]["dismissed"] == 0
    assert decision_note(finding_in(report, CODE)).startswith("Re-review: the provision changed materially")


def test_identity_ignores_layout_case_order_and_numbering() -> None:
    """Renumbering or re-ordering is not a material change; a different number of days is."""
    assert normalise("  Shall NOT\n exceed  90 days ") == "shall not exceed 90 days"
    row = _row(text=normalise("(2) The data shall be kept for 90 days."), provisions=("sec_16__subsec_2",))
    renumbered = {"code": CODE, "requirement": "BC-16", "provisions": ["sec_17__subsec_2"]}
    assert best_match([row], renumbered, "(2) The data shall be kept for 90 days.").match == "exact"
    days = best_match([row], renumbered, "(2) The data shall be kept for 190 days.")
    assert days is not None and days.match == "similar"  # applies, but the reviewer must look again
    other = {"code": "draft/dangling_reference", "provisions": ["sec_40"]}
    dangling = _row(code="draft/dangling_reference", requirement="", text="see section 99", provisions=("sec_3",))
    assert best_match([dangling], other, "an unrelated clause about evidence in court") is None


def _row(**fields: Any) -> Any:
    from lawcheck.decisions.identity import fingerprint
    from lawcheck.decisions.store import Decision

    base = {"id": 1, "code": CODE, "requirement": "BC-16", "safeguard": "", "text": "", "provisions": (),
            "status": "dismissed", "reason": "r", "reviewer": "A", "at": "2025-01-01T00:00:00+00:00"}
    base.update(fields)
    return Decision(fingerprint=fingerprint(base["text"]), **base)


def test_latest_decision_wins_and_history_is_kept(tmp_path: Path) -> None:
    f = {"code": "BC-20/missing", "requirement": "BC-20"}
    with DecisionStore(tmp_path / "d.sqlite") as store:
        store.record(f, "", "dismissed", "not needed", "A")
        store.record(f, "", "accepted", "needed after all", "B")
        assert [d.status for d in store.all()] == ["dismissed", "accepted"]
        assert [d.status for d in store.current()] == ["accepted"]
        found = store.lookup(f, "")
    assert found is not None and (found.status, found.reviewer) == ("accepted", "B")


def test_bad_input_is_refused(tmp_path: Path) -> None:
    with DecisionStore(tmp_path / "d.sqlite") as store:
        with pytest.raises(ValueError, match="decision must be"):
            store.record({"code": "X"}, "", "maybe", "why", "who")
        with pytest.raises(InputError, match="needs a reason"):
            store.record({"code": "X"}, "", "accepted", "  ", "who")
        assert store.all() == []
    junk = tmp_path / "junk.sqlite"
    junk.write_text("this is not a database " * 100)
    with pytest.raises(InputError, match="cannot open the decisions database"):
        DecisionStore(junk)


def test_a_check_never_creates_the_database(tmp_path: Path) -> None:
    db = tmp_path / "workspace" / "bill.lawcheck.sqlite"
    assert open_store(db) is None and not db.exists() and not db.parent.exists()
    with pytest.raises(InputError, match="not found"):
        open_store(tmp_path / "elsewhere.sqlite", named=True)
    store = open_store(db, create=True)
    assert store is not None and db.is_file()
    assert store._conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert store._conn.execute("PRAGMA busy_timeout").fetchone()[0] >= 5000
    store.close()


# --- concurrency and crashes -----------------------------------------------------------------

def _writer(db: str, name: str, count: int, barrier: Any, errors: Any) -> None:
    """One of two processes: open the (maybe not yet created) database at the same moment as
    the other, then write `count` decisions, each in its own transaction."""
    try:
        barrier.wait(timeout=60)
        with DecisionStore(db) as store:
            for i in range(count):
                store.record({"code": f"{name}/{i}", "requirement": "BC-16", "provisions": [f"sec_{i}"]},
                             f"text {name} {i}", "dismissed" if i % 2 else "accepted", f"reason {i}", name)
                time.sleep(0.001)  # a breath between writes, so the two really interleave
    except BaseException as error:  # report it to the parent, whatever it is
        errors.put(f"{name}: {type(error).__name__}: {error}")
        raise


def test_two_writers_at_once(tmp_path: Path) -> None:
    db = str(tmp_path / "shared.sqlite")
    context = multiprocessing.get_context("spawn")
    barrier, errors = context.Barrier(2), context.Queue()
    writers = [context.Process(target=_writer, args=(db, name, 200, barrier, errors)) for name in ("w1", "w2")]
    for process in writers:
        process.start()
    for process in writers:
        process.join(timeout=180)
    messages = [errors.get(timeout=1) for _ in range(errors.qsize())] if not errors.empty() else []
    assert messages == [] and [p.exitcode for p in writers] == [0, 0]
    with DecisionStore(db) as store:
        decisions = store.all()
        assert store.integrity() == "ok"
    assert len(decisions) == 400
    writers_in_order = [d.reviewer for d in decisions]
    switches = sum(a != b for a, b in pairwise(writers_in_order))
    assert switches >= 10, "the two writers did not overlap"
    assert {d.code for d in decisions} == {f"{w}/{i}" for w in ("w1", "w2") for i in range(200)}


KILLED_WRITER = textwrap.dedent("""
    import sys, time
    from lawcheck.decisions.store import DecisionStore
    store = DecisionStore(sys.argv[1])
    with store.transaction():
        for i in range(3000):  # a few MB: SQLite spills uncommitted pages into the WAL file
            store.record({"code": f"UNCOMMITTED/{i}"}, "x" * 1000 + str(i), "dismissed", "half", "killed")
        print("written, not committed", flush=True)
        time.sleep(120)
""")


def test_killed_mid_write_leaves_no_partial_row(tmp_path: Path) -> None:
    db = tmp_path / "crash.sqlite"
    with DecisionStore(db) as store:
        for i in range(5):
            store.record({"code": f"KEPT/{i}"}, f"clause {i}", "accepted", "committed", "A")
    writer = subprocess.Popen([sys.executable, "-c", KILLED_WRITER, str(db)], stdout=subprocess.PIPE,
                              text=True, cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)})
    try:
        assert writer.stdout is not None
        assert writer.stdout.readline().strip() == "written, not committed"
        assert Path(f"{db}-wal").stat().st_size > 1_000_000  # the half-written transaction is on disk
        os.kill(writer.pid, signal.SIGKILL)
    finally:
        writer.kill()
        writer.wait(timeout=30)
        if writer.stdout is not None:
            writer.stdout.close()
    assert writer.returncode == -signal.SIGKILL
    with DecisionStore(db) as store:
        assert store.integrity() == "ok"
        assert [d.code for d in store.all()] == [f"KEPT/{i}" for i in range(5)]
        store.record({"code": "AFTER"}, "clause", "accepted", "still writable", "A")
        assert len(store.all()) == 6
    with sqlite3.connect(db) as plain:  # and any SQLite client agrees
        assert plain.execute("SELECT count(*) FROM decisions WHERE code LIKE 'UNCOMMITTED/%'").fetchone() == (0,)


# --- the `lawcheck review` command -----------------------------------------------------------

def test_review_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    draft = tmp_path / "bill.xml"
    draft.write_bytes(GAPS.read_bytes())
    assert main(["review", str(draft), "--finding", CODE, "--dismiss", "--reason", "Capped by regulation",
                 "--reviewer", "A. Expert"]) == 0
    assert "dismissed BC-16/max_duration @ sec_16__subsec_2 by A. Expert" in capsys.readouterr().out
    assert not (tmp_path / "bill.lawcheck.sqlite").exists()  # kept in the workspace, not beside the draft

    assert main(["review", str(draft), "--finding", "BC-16/no_such_element", "--accept", "--reason", "x",
                 "--reviewer", "B"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "no finding BC-16/no_such_element" in err and "Traceback" not in err

    assert main(["review", str(draft), "--finding", CODE, "--accept", "--reviewer", "B"]) == 2
    assert "--accept needs --reason" in capsys.readouterr().err

    assert main(["review", str(draft), "--list", "--format", "json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [(e["code"], e["decision"]["status"], e["raised"]) for e in listed["decisions"]] == [
        (CODE, "dismissed", True)]
    assert main(["review", str(draft), "--list"]) == 0
    assert "[applies]" in capsys.readouterr().out


# --- one store for the page and the command line ---------------------------------------------

def page_outcome(draft: Path) -> Any:
    """The draft checked the way the page checks an upload."""
    from lawcheck.ui.source import Request, Source, run

    outcome = run(Request(Source.of(draft.name, draft.read_bytes())))
    assert outcome.error is None, outcome.error
    return outcome


def listed(capsys: pytest.CaptureFixture[str], draft: Path, *options: str) -> dict[str, Any]:
    assert main(["review", str(draft), "--list", "--format", "json", *options]) == 0
    return json.loads(capsys.readouterr().out)


@pytest.mark.parametrize("suffix", [".xml", ".txt"])
def test_a_decision_made_in_the_page_is_listed_by_the_command_line(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], suffix: str) -> None:
    from lawcheck.ui import decisions as page

    draft = tmp_path / f"bill{suffix}"
    if suffix == ".xml":
        draft.write_bytes(GAPS.read_bytes())
    else:
        draft.write_text("Draft Law on Electronic Evidence\n\nSection 1\nA police officer may order a person "
                         "to preserve stored computer data for up to 180 days.\n", encoding="utf-8")
    outcome = page_outcome(draft)
    target = outcome.check.report["findings"][0]
    path = page.database_path(outcome.view.document, imported=suffix != ".xml", workspace="Team A")
    page.record_decision(path, target, outcome.analysis, "dismissed", "Covered by the regulations", "A. Expert",
                         source=draft.name)

    entries = listed(capsys, draft, "--workspace", "Team A")["decisions"]
    assert [(e["code"], e["raised"], e["decision"]["recorded"], e["decision"]["reason"]) for e in entries] == [
        (target["code"], True, "dismissed", "Covered by the regulations")]
    # $LAWCHECK_WORKSPACE is the command line's default (and the page's starting workspace)
    os.environ["LAWCHECK_WORKSPACE"] = "Team A"
    assert len(listed(capsys, draft)["decisions"]) == 1
    assert listed(capsys, draft, "--workspace", "Team B")["decisions"] == []
    # and `lawcheck check` shows it in the report
    assert main(["check", str(draft), "--format", "json", "--workspace", "Team A"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["review"]["dismissed"] == 1 and report["review"]["database"] == path.name


def test_a_decision_made_on_the_command_line_shows_in_the_page(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from lawcheck.ui import decisions as page

    draft = tmp_path / "bill.xml"
    draft.write_bytes(GAPS.read_bytes())
    assert main(["review", str(draft), "--finding", CODE, "--accept", "--reason", "Must be capped at 90 days",
                 "--reviewer", "B. Drafter", "--workspace", "Team A"]) == 0
    capsys.readouterr()
    outcome = page_outcome(draft)
    path = page.database_path(outcome.view.document, imported=False, workspace="Team A")
    view = page.with_decisions(outcome.view, outcome.analysis, path)
    decided = next(f for f in view.findings if f["code"] == CODE)
    assert decided["decision"]["status"] == "accepted" and decided["decision"]["reviewer"] == "B. Drafter"
    assert page.decision_counts(view.report)["accepted"] == 1
    other = page.database_path(outcome.view.document, imported=False, workspace="Team B")
    assert "decision" not in next(f for f in page.with_decisions(outcome.view, outcome.analysis, other).findings
                                  if f["code"] == CODE)
    # the next version of the draft (same FRBR work) opens the same database
    v2 = tmp_path / "bill_v2.xml"
    v2.write_text(GAPS.read_text(encoding="utf-8").replace(OLD_2, SLIGHT_2), encoding="utf-8")
    entries = listed(capsys, v2, "--workspace", "Team A")["decisions"]
    assert [(e["code"], e["decision"]["match"]) for e in entries] == [(CODE, "similar")]


def test_the_workspace_rule(monkeypatch: pytest.MonkeyPatch) -> None:
    from lawcheck.decisions.location import command_line_workspace, decisions_dir

    document = {"title": "Draft Law", "frbr_uri": "/akn/xx/act/2025/1", "source": "bill.docx"}
    assert draft_identity(document, imported=False) == "/akn/xx/act/2025/1"
    assert draft_identity(document, imported=True) == "Draft Law"  # the importer made the URI up
    one = database_path(document, imported=False, workspace="Team A")
    assert one.parent.parent == decisions_dir() / "workspaces" and one.name.endswith(".lawcheck.sqlite")
    assert database_path(document, imported=False, workspace="team-a").parent != one.parent
    monkeypatch.setenv("LAWCHECK_WORKSPACE", " Team A ")
    assert command_line_workspace(None) == "Team A" and command_line_workspace("Other") == "Other"
    monkeypatch.delenv("LAWCHECK_WORKSPACE")
    monkeypatch.setenv("USER", "expert")
    monkeypatch.setenv("LOGNAME", "expert")
    assert command_line_workspace(None) == "expert"
    with pytest.raises(InputError, match="control characters"):
        command_line_workspace("team\x1b[31m")


def test_the_old_database_beside_the_draft_is_named_not_read(tmp_path: Path,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    draft = tmp_path / "bill.xml"
    draft.write_bytes(GAPS.read_bytes())
    beside = tmp_path / "bill.lawcheck.sqlite"
    with DecisionStore(beside) as store:
        record(store, checked())
    assert main(["review", str(draft), "--list", "--format", "json", "--workspace", "Team A"]) == 0
    out, err = capsys.readouterr()
    assert json.loads(out)["decisions"] == []
    assert "bill.lawcheck.sqlite beside the draft is read only with --db" in err
    assert len(listed(capsys, draft, "--db", str(beside))["decisions"]) == 1
