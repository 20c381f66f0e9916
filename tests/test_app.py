"""The Streamlit page (app.py) driven by Streamlit's AppTest, and its view helpers.

Expected values are taken from the engine's own report for the same file, never copied from
a run: the page must show what `check_document` says, whatever the rules say today.
"""

from __future__ import annotations

import html
import io
import json
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from lawcheck.akn import parse_document
from lawcheck.compare.versions import compare
from lawcheck.data import demo_draft
from lawcheck.decisions.attach import decision_note
from lawcheck.decisions.store import DecisionStore
from lawcheck.errors import InputError
from lawcheck.pipeline import Check, check_document
from lawcheck.rulebook.graph import build_graph
from lawcheck.rulebook.loader import load_rulebook
from lawcheck.treaty import STATUSES
from lawcheck.ui import decisions as decisions_module
from lawcheck.ui import labels
from lawcheck.ui.fragments import safeguard_table, units_html
from lawcheck.ui.graph import rule_graph_dot
from lawcheck.ui.highlight import highlight
from lawcheck.ui.model import (
    build_view,
    category_counts,
    chapters,
    filter_findings,
    first_clause,
    safeguard_gaps,
    tree_groups,
)
from lawcheck.ui.pages.overview import SHORT_STATUS
from lawcheck.ui.source import Request, Source, read_version, run
from lawcheck.ui.versions import changes_html, word_diff_html

pytest.importorskip("streamlit", reason="the app needs streamlit: pip install -e '.[app]'")
from streamlit.testing.v1 import AppTest

REPO = Path(__file__).resolve().parents[1]
APP = REPO / "app.py"
GAPS = REPO / "corpora" / "national" / "en_gaps_draft.xml"
DIFF = REPO / "tests" / "data" / "diff"
MODEL_AMENDMENT = DIFF / "en_model_law_amendment.xml"  # takes the judge out of s. 23 (interception)
TIMEOUT = 120  # the first check of a process loads the rules and the lexicons


# --- helpers ------------------------------------------------------------------------------

def engine_check(path: Path) -> Check:
    """What the engine reports for a file: the page must show the same."""
    return check_document(parse_document(path.read_bytes(), path.name), source=path.name)


def start() -> AppTest:
    app = AppTest.from_file(str(APP), default_timeout=TIMEOUT).run()
    assert not app.exception, app.exception
    return app


def upload(app: AppTest, name: str, data: bytes, *, key: str = "upload") -> AppTest:
    app.file_uploader(key=key).set_value((name, data, "text/xml"))
    app.run()
    assert not app.exception, app.exception
    return app


def upload_second(app: AppTest, path: Path) -> AppTest:
    """A second version (or an amending act) under "Compare with another version"."""
    return upload(app, path.name, path.read_bytes(), key="compare_upload")


def show(app: AppTest, view: str) -> AppTest:
    app.session_state["view"] = view
    app.run()
    assert not app.exception, app.exception
    return app


def page_title(app: AppTest) -> str:
    return next(m.value for m in app.markdown if m.value.startswith("# "))[2:].replace("\\", "")


def html_text(app: AppTest) -> str:
    """All st.html bodies with the tags removed: the words a reader sees."""
    bodies = " ".join(h.value for h in app.get("html"))
    return html.unescape(re.sub(r"<[^>]+>", "", bodies))


def markdown_text(app: AppTest) -> str:
    return "\n".join(m.value for m in app.markdown).replace("\\", "")


def shown_count(app: AppTest) -> tuple[int, int]:
    """The "N of M findings" line of the findings view."""
    line = next(m.value for m in app.markdown if m.value.endswith(" findings**"))
    shown, total = re.match(r"\*\*(\d+) of (\d+) findings\*\*", line).groups()
    return int(shown), int(total)


@pytest.fixture(autouse=True)
def decisions_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test keeps its decisions in its own folder: never in the home folder."""
    folder = tmp_path / "decisions"
    monkeypatch.setenv(decisions_module.ENV_DIR, str(folder))
    return folder


@pytest.fixture
def deferred(monkeypatch: pytest.MonkeyPatch) -> Iterator[dict[str, Callable[[], Any]]]:
    """The callables behind the download buttons (data generated on click), by file id:
    AppTest does not click through to the download, so the test calls what the click would."""
    from streamlit.runtime.media_file_manager import MediaFileManager

    registered: dict[str, Callable[[], Any]] = {}
    original = MediaFileManager.add_deferred

    def spy(self: MediaFileManager, data_callable: Callable[[], Any], *args: Any, **kwargs: Any) -> str:
        file_id = original(self, data_callable, *args, **kwargs)
        registered[file_id] = data_callable
        return file_id

    monkeypatch.setattr(MediaFileManager, "add_deferred", spy)
    yield registered


def downloaded(app: AppTest, key: str, deferred: dict[str, Callable[[], Any]]) -> bytes:
    """What the download button `key` gives when clicked."""
    data = deferred[app.download_button(key=key).proto.deferred_file_id]()
    return data.encode("utf-8") if isinstance(data, str) else bytes(data)


def engine_diff(old: Path, new: Path) -> dict[str, Any]:
    """What `lawcheck diff OLD NEW` reports: the Versions view must show the same."""
    old_draft, new_draft = (read_version(Source.of(path.name, path.read_bytes())) for path in (old, new))
    return compare(old_draft, check_document(old_draft.document), new_draft, check_document)


@pytest.fixture(scope="module")
def demo_check() -> Check:
    return engine_check(demo_draft())


@pytest.fixture(scope="module")
def gaps_check() -> Check:
    return engine_check(GAPS)


@pytest.fixture
def gaps_app() -> AppTest:
    """The page with the draft that lacks safeguards uploaded."""
    return upload(start(), GAPS.name, GAPS.read_bytes())


# --- first render -------------------------------------------------------------------------

def test_opens_with_the_demo_checked(demo_check: Check) -> None:
    app = start()
    report = demo_check.report
    assert page_title(app) == report["document"]["title"]
    metrics = {m.label: m.value for m in app.metric}
    for status in STATUSES:
        label = f"{labels.STATUS_SYMBOL[status]} {labels.say(SHORT_STATUS[status])}"
        assert metrics[label] == str(report["summary"][status]), label
    assert metrics["Findings"] == str(report["summary"]["findings"])
    cells = [b for b in app.button if b.key and b.key.startswith("cell-")]
    assert [c.key.split("-", 2)[2] for c in cells] == [
        r["id"] for group in chapters(report).values() for r in group]
    assert all(c.key.split("-")[1] == view_status(report, c.key.split("-", 2)[2]) for c in cells)
    for category, count in category_counts(report["findings"]).items():
        assert app.button(key=f"cat-{category}").label == f"{labels.CATEGORY_LABEL[category]} · {count}"
    assert {b.key for b in app.download_button} == {"dl_json", "dl_html", "dl_md", "dl_docx", "dl_pdf"}


def view_status(report: dict[str, Any], requirement_id: str) -> str:
    return next(r["status"] for r in report["requirements"] if r["id"] == requirement_id)


def test_query_parameter_opens_a_view() -> None:
    app = AppTest.from_file(str(APP), default_timeout=TIMEOUT)
    app.query_params["view"] = "Findings"
    app.run()
    assert not app.exception
    assert shown_count(app)[0] == shown_count(app)[1]


# --- the newcomer's path: which safeguards are missing, and where --------------------------

def cite(report: dict[str, Any], eid: str) -> str:
    """The citation the page shows for a provision (its eId stays in the tooltip)."""
    return next(a["label"] for a in report["alignment"] if a["eId"] == eid)


def test_upload_shows_the_missing_safeguards(gaps_app: AppTest, gaps_check: Check) -> None:
    report = gaps_check.report
    gaps = safeguard_gaps(report)
    assert gaps, "the gaps draft must lack a safeguard (corpora/national/en_gaps_draft.xml)"
    assert page_title(gaps_app) == report["document"]["title"]
    missing = sum(len(g.safeguards) + g.whole_article for g in gaps)
    assert any(s.value == f"Safeguards the draft lacks ({missing})" for s in gaps_app.subheader)
    text = markdown_text(gaps_app)
    for gap in gaps:
        assert f"{gap.requirement} · {gap.title}" in text
        for safeguard in gap.safeguards:
            assert labels.safeguard_label(safeguard) in text
    for index, gap in enumerate(gaps):
        for eid in gap.provisions[:4]:
            button = gaps_app.button(key=f"gap-open-{index}-{eid}")
            assert button.label == f"Open {cite(gaps_check.report, eid)}" and eid in button.help


def test_missing_safeguard_button_opens_the_clause(gaps_app: AppTest, gaps_check: Check) -> None:
    gap = next(g for g in safeguard_gaps(gaps_check.report) if g.provisions)
    eid = gap.provisions[0]
    index = safeguard_gaps(gaps_check.report).index(gap)
    gaps_app.button(key=f"gap-open-{index}-{eid}").click().run()
    assert gaps_app.session_state["view"] == "clauses"
    assert gaps_app.selectbox(key="clause").value == eid
    words = " ".join(gaps_check.analysis.units[eid].tagged.text.split())
    assert words[:60] in " ".join(html_text(gaps_app).split())
    # beside the text, the obligation in the project's words, and the findings on the clause
    requirement = next(r for r in gaps_check.report["requirements"] if r["id"] == gap.requirement)
    assert any(requirement["id"] in e.label for e in gaps_app.expander)
    assert "Findings on this clause" in markdown_text(gaps_app)


def test_highlighted_text_marks_the_evidence(gaps_app: AppTest, gaps_check: Check) -> None:
    eid = first_clause(build_view(gaps_check.report, gaps_check.analysis))
    open_clause(gaps_app, eid)
    bodies = " ".join(h.value for h in gaps_app.get("html"))
    marked = set(re.findall(r'<mark class="lc-\w+" title="[^"]*">([^<]*)</mark>', bodies))
    unit = gaps_check.analysis.units[eid].tagged
    assert unit.matches, f"{eid} has no evidence to mark"
    assert any(html.escape(unit.text[m.start:m.end]) in marked for m in unit.matches)
    if any(m.negated for m in unit.matches):
        assert 'class="lc-neg"' in bodies


def open_clause(app: AppTest, eid: str) -> None:
    app.session_state["clause"] = eid
    show(app, "clauses")


# --- findings -----------------------------------------------------------------------------

def test_filters_change_the_findings_shown(gaps_app: AppTest, gaps_check: Check) -> None:
    findings = gaps_check.report["findings"]
    show(gaps_app, "findings")
    assert shown_count(gaps_app) == (len(findings), len(findings))
    gaps_app.multiselect(key="f_cat@en").set_value(["missing_safeguard"]).run()
    expected = [f for f in findings if f["category"] == "missing_safeguard"]
    assert shown_count(gaps_app)[0] == len(expected) < len(findings)
    cards = [b for b in gaps_app.button if b.key and b.key.startswith("list-open-")]
    assert {b.label.removeprefix("Open ") for b in cards} <= {p for f in expected for p in f.get("labels", [])}
    gaps_app.multiselect(key="f_sev@en").set_value(["low"]).run()
    assert shown_count(gaps_app)[0] == sum(f["severity"] == "low" for f in expected)
    gaps_app.multiselect(key="f_cat@en").set_value([]).run()
    gaps_app.multiselect(key="f_sev@en").set_value([]).run()
    requirement = expected[0]["requirement"]
    gaps_app.multiselect(key="f_req@en").set_value([requirement]).run()
    assert shown_count(gaps_app)[0] == sum(f.get("requirement") == requirement for f in findings)


def test_each_finding_says_what_to_change_and_where(gaps_app: AppTest, gaps_check: Check) -> None:
    show(gaps_app, "findings")
    gaps_app.multiselect(key="f_cat@en").set_value(["conflict"]).run()
    text = markdown_text(gaps_app) + "\n".join(c.value for c in gaps_app.caption).replace("\\", "")
    for finding in (f for f in gaps_check.report["findings"] if f["category"] == "conflict"):
        assert finding["message"] in text
        assert finding.get("help", "") in text
        assert finding.get("cites", "") in text
        for eid in finding.get("provisions", [])[:6]:
            assert any(b.label == f"Open {cite(gaps_check.report, eid)}" for b in gaps_app.button)


def test_category_button_opens_filtered_findings(gaps_app: AppTest, gaps_check: Check) -> None:
    gaps_app.button(key="cat-missing_safeguard").click().run()
    assert gaps_app.session_state["view"] == "findings"
    assert shown_count(gaps_app)[0] == category_counts(gaps_check.report["findings"])["missing_safeguard"]


# --- article and graph views --------------------------------------------------------------

def test_matrix_cell_opens_the_article(gaps_app: AppTest, gaps_check: Check) -> None:
    requirement = next(r for r in gaps_check.report["requirements"] if r.get("safeguards") and r["provisions"])
    gaps_app.button(key=f"cell-{requirement['status']}-{requirement['id']}").click().run()
    assert gaps_app.session_state["view"] == "articles"
    assert gaps_app.selectbox(key="article@en").value == requirement["id"]
    shown = html_text(gaps_app)
    for element in requirement["elements"]:
        assert labels.humanise(element["id"]) in shown
    for safeguard in requirement["safeguards"]:
        assert labels.safeguard_label(safeguard) in shown
    for provision in requirement["provisions"]:
        assert any(e.label.startswith(provision["label"] + " · ") for e in gaps_app.expander)


def test_rule_graph_is_coloured_by_status(gaps_app: AppTest, gaps_check: Check) -> None:
    show(gaps_app, "graph")
    dot = gaps_app.get("graphviz_chart")[0].proto.spec
    for requirement in gaps_check.report["requirements"]:
        if requirement.get("safeguards"):
            assert f'"{requirement["id"]}" [label=' in dot
            assert labels.STATUS_COLOUR[requirement["status"]] in dot
    gaps_app.radio(key="graph_mode").set_value("dependencies").run()
    dot = gaps_app.get("graphviz_chart")[0].proto.spec
    for requirement in gaps_check.report["requirements"]:
        assert f'BGCOLOR="{labels.STATUS_COLOUR[requirement["status"]]}"' in dot
        assert f">{requirement['id']}</TD>" in dot
    gaps_app.selectbox(key="graph_focus@en").set_value("BC-16").run()
    dot = gaps_app.get("graphviz_chart")[0].proto.spec
    rule = load_rulebook().get("BC-16")
    for linked in (*rule.subject_to, *rule.depends_on, *rule.mirrors):
        assert f'"BC-16" -> "{linked}"' in dot or f'"{linked}" -> "BC-16"' in dot


# --- input --------------------------------------------------------------------------------

@pytest.mark.parametrize("bad", [
    b"<!DOCTYPE x [<!ENTITY a 'b'>]><x>&a;</x>",
    b"\x00\x01 not xml at all",
    b"<akomaNtoso><act>",
])
def test_bad_upload_shows_the_error_and_keeps_the_result(gaps_app: AppTest, gaps_check: Check, bad: bytes) -> None:
    upload(gaps_app, "broken.xml", bad)
    assert len(gaps_app.error) == 1
    message = gaps_app.error[0].value
    assert message.startswith("broken.xml") and "Traceback" not in message
    assert "previous result" in message
    assert page_title(gaps_app) == gaps_check.report["document"]["title"]
    assert gaps_app.button(key=f"cell-{gaps_check.report['requirements'][0]['status']}-"
                                f"{gaps_check.report['requirements'][0]['id']}")


def test_no_instrument_is_an_error_that_keeps_the_result(gaps_app: AppTest) -> None:
    gaps_app.checkbox(key="inst_bc").uncheck()
    gaps_app.checkbox(key="inst_sp").uncheck().run()
    assert "at least one instrument" in gaps_app.error[0].value
    assert any(b.key and b.key.startswith("cell-") for b in gaps_app.button)


def test_instruments_and_language_are_passed_to_the_engine(gaps_app: AppTest) -> None:
    gaps_app.checkbox(key="inst_sp").uncheck().run()
    cells = [b.key for b in gaps_app.button if b.key and b.key.startswith("cell-")]
    assert cells and all("-BC-" in key for key in cells)
    gaps_app.selectbox(key="lang@en").set_value("ru").run()
    assert not gaps_app.exception and not gaps_app.error


def test_removing_the_upload_returns_to_the_demo(gaps_app: AppTest, demo_check: Check) -> None:
    gaps_app.file_uploader(key="upload").clear()
    gaps_app.run()
    assert page_title(gaps_app) == demo_check.report["document"]["title"]


def test_bundled_draft_can_be_chosen_without_a_file(gaps_check: Check) -> None:
    app = start()
    assert app.selectbox(key="sample").value == demo_draft().name
    app.selectbox(key="sample").set_value(GAPS.name).run()
    assert page_title(app) == gaps_check.report["document"]["title"]
    upload(app, GAPS.name, GAPS.read_bytes())
    assert app.selectbox(key="sample").disabled


def test_upload_of_a_real_law(shared_dir: Path) -> None:
    devset = shared_dir / "devset" / "akn"
    app = start()
    for path in sorted(devset.glob("*.xml"))[:2]:
        expected = engine_check(path).report
        upload(app, path.name, path.read_bytes())
        assert not app.error, app.error[0].value
        assert page_title(app) == expected["document"]["title"]
        findings = labels.PAGE_RU["Findings"] if expected["document"]["ui_language"] == "ru" else "Findings"
        assert {m.label: m.value for m in app.metric}[findings] == str(expected["summary"]["findings"])
        for view in ("findings", "clauses", "articles", "graph", "overview"):
            show(app, view)


@pytest.mark.parametrize("path", sorted((REPO / "corpora" / "national").glob("*.xml")), ids=lambda p: p.name)
def test_every_bundled_draft_renders_every_view(path: Path) -> None:
    """English and Russian drafts, and an amending act (its inserted units are provisions)."""
    app = upload(start(), path.name, path.read_bytes())
    assert not app.error, app.error[0].value
    for view in ("findings", "clauses", "articles", "graph"):
        show(app, view)
    for button in [b for b in app.button if b.key and b.key.startswith("tree-")][:3]:
        button.click().run()
        assert not app.exception, app.exception


def test_text_draft_is_imported() -> None:
    text = (b"Preservation Act\n\nArticle 1. Expedited preservation\n"
            b"1. A judge may order a service provider to preserve specified computer data for up to "
            b"ninety days.\n")
    app = upload(start(), "draft.txt", text)
    assert not app.error, app.error[0].value
    assert "draft.txt" in " ".join(c.value for c in app.caption)


# --- versions: a second version or an amending act ---------------------------------------

@pytest.fixture(scope="module")
def model_amendment_diff() -> dict[str, Any]:
    return engine_diff(demo_draft(), MODEL_AMENDMENT)


@pytest.fixture
def versions_app(deferred: dict[str, Callable[[], Any]]) -> AppTest:
    """The demo (the model law) compared with the act that amends its s. 23 (after `deferred`,
    so that its download buttons can be clicked)."""
    return upload_second(start(), MODEL_AMENDMENT)


def lost_judge(diff: dict[str, Any]) -> dict[str, Any]:
    return next(f for f in diff["findings"]["added"]
                if f["requirement"] == "BC-21" and f.get("safeguard") == "judicial_or_independent_supervision")


def test_amendment_that_removes_the_judge_shows_a_new_missing_safeguard(
        versions_app: AppTest, model_amendment_diff: dict[str, Any],
        deferred: dict[str, Callable[[], Any]]) -> None:
    app, diff = versions_app, model_amendment_diff
    assert app.session_state["view"] == "versions"
    finding = lost_judge(diff)
    assert finding["category"] == "missing_safeguard"
    text = markdown_text(app)
    assert f"#### New findings ({len(diff['findings']['added'])})" in text
    assert finding["message"] in text and "BC-21 Interception of content data" in text
    where = ", ".join(finding["labels"])  # cited as a lawyer does; the eIds stay out of the text
    assert any(f"In {where}" in c.value.replace("\\", "") for c in app.caption)
    shown = html_text(app)
    assert "BC-21 Interception of content data lost judicial or other independent supervision" in shown
    assert "present → absent" in shown
    bodies = " ".join(h.value for h in app.get("html"))
    assert "<del>a judge</del> <ins>the Commissioner of Police</ins>" in bodies
    for change in diff["changes"]:
        assert change["eId"] in shown
    assert {m.label: m.value for m in app.metric}["New findings"] == str(diff["summary"]["findings_added"])
    exported = json.loads(downloaded(app, "dl_diff_json", deferred))
    assert exported["schema"] == "lawcheck.diff/1" and exported["summary"] == diff["summary"]
    assert "<del>a judge</del>" in downloaded(app, "dl_diff_html", deferred).decode("utf-8")
    assert "~~a judge~~" in downloaded(app, "dl_diff_md", deferred).decode("utf-8")


def test_bad_second_upload_is_one_line_and_keeps_the_diff_and_the_report(
        versions_app: AppTest, model_amendment_diff: dict[str, Any], demo_check: Check) -> None:
    upload(versions_app, "broken.xml", b"<akomaNtoso><act>", key="compare_upload")
    assert len(versions_app.error) == 1
    message = versions_app.error[0].value
    assert message.startswith("broken.xml") and "\n" not in message and "Traceback" not in message
    assert MODEL_AMENDMENT.name in message  # says which comparison is still shown
    assert lost_judge(model_amendment_diff)["message"] in markdown_text(versions_app)
    assert page_title(versions_app) == demo_check.report["document"]["title"]
    assert versions_app.download_button(key="dl_json") and versions_app.download_button(key="dl_diff_json")


def test_amending_instructions_that_cannot_be_applied_are_listed() -> None:
    base, amendment = DIFF / "en_base.xml", DIFF / "en_amendment_plain.xml"
    diff = engine_diff(base, amendment)
    problems = diff["amendment"]["problems"]
    assert problems, "en_amendment_plain.xml has instructions that cannot be applied"
    app = upload_second(upload(start(), base.name, base.read_bytes()), amendment)
    assert not app.error
    assert any(s.value == f"Amending instructions not applied ({len(problems)})" for s in app.subheader)
    assert any(f"Amending instructions that could not be applied: {len(problems)}." in w.value for w in app.warning)
    shown = html_text(app)
    for problem in problems:
        assert problem["eId"] in shown and problem["message"] in shown and f"{problem['line']}" in shown
    for added in diff["texts"]["added"]:
        assert added["eId"] in shown


def test_russian_amending_act_is_applied_and_compared() -> None:
    base, amendment = DIFF / "ru_cpc_base.xml", REPO / "corpora" / "national" / "ru_cpc_amendment.xml"
    diff = engine_diff(base, amendment)
    app = upload_second(upload(start(), base.name, base.read_bytes()), amendment)
    assert not app.error
    text = markdown_text(app)  # a Russian draft: the page speaks Russian
    assert f"#### Новые замечания ({len(diff['findings']['added'])})" in text
    assert any(e.label == f"Снятые замечания ({len(diff['findings']['resolved'])})" for e in app.expander)
    assert all(f["message"] in text for f in diff["findings"]["added"])


def test_versions_view_explains_itself_without_a_second_version() -> None:
    app = show(start(), "versions")
    assert "Compare with another version" in app.info[0].value


def test_word_diff_html_marks_and_escapes() -> None:
    marked = word_diff_html([["=", "A"], ["-", " <judge>"], ["+", " officer"], ["=", " may order."]])
    assert marked == "A <del>&lt;judge&gt;</del> <ins>officer</ins> may order."
    long = " ".join(f"w{i}" for i in range(200))
    block = changes_html([{"eId": "sec_1", "old_eId": "sec_2", "diff": [["=", long], ["+", " new"]]}])
    assert "sec_1 (was sec_2)" in block and "… w175" in block and "w10 " not in block


# --- reviewer decisions -------------------------------------------------------------------

REASON = "Interception is authorised by the Police Regulations, reviewed by a judge within 24 hours"
WORKSPACE = "Ministry review team"


def in_workspace(app: AppTest, workspace: str) -> AppTest:
    """Name the session's workspace in the sidebar, as a user does before deciding."""
    app.text_input(key="workspace").set_value(workspace).run()
    assert not app.exception, app.exception
    return app


def dismiss(app: AppTest, index: int, reason: str = REASON, reviewer: str = "A. Expert",
            workspace: str | None = WORKSPACE) -> AppTest:
    """Dismiss the finding listed at `index` with a reason, as a reviewer does on its card."""
    if workspace is not None and not app.text_input(key="workspace").value:
        in_workspace(app, workspace)
    app.button(key=f"list-dismiss-{index}").click().run()
    app.text_area(key=f"list-reason-{index}").set_value(reason)
    app.text_input(key=f"list-reviewer-{index}").set_value(reviewer)
    app.button(key=f"list-save-{index}").click().run()
    assert not app.exception, app.exception
    return app


def test_dismissing_a_finding_shows_on_its_card_and_in_the_json(
        demo_check: Check, decisions_dir: Path, deferred: dict[str, Callable[[], Any]]) -> None:
    app = show(start(), "findings")
    finding = demo_check.report["findings"][0]
    dismiss(app, 0)
    card, badge = markdown_text(app), labels.decision_badge({"status": "dismissed"})
    assert f"{badge} Dismissed by A. Expert on " in card and REASON in card
    assert list(decisions_dir.rglob("*.sqlite")) == [
        decisions_module.database_path(demo_check.report["document"], imported=False, workspace=WORKSPACE)]
    report = json.loads(downloaded(app, "dl_json", deferred))
    decided = report["findings"][0]
    assert decided["code"] == finding["code"]
    assert decided["decision"]["status"] == "dismissed" and decided["decision"]["reason"] == REASON
    assert decided["decision"]["reviewer"] == "A. Expert" and report["review"]["dismissed"] == 1
    assert "decision" not in demo_check.report["findings"][0]  # the engine's report is not touched
    # the name is remembered, dismissed findings can be hidden, the overview counts decisions
    app.button(key="list-accept-1").click().run()
    assert app.text_input(key="list-reviewer-1").value == "A. Expert"
    app.button(key="list-cancel-1").click().run()
    total = len(demo_check.report["findings"])
    app.toggle(key="f_hide_dismissed").set_value(True).run()
    assert shown_count(app) == (total - 1, total)
    show(app, "overview")
    assert "1 dismissed" in markdown_text(app)


def test_a_decision_needs_a_reason_and_a_name(decisions_dir: Path) -> None:
    app = show(start(), "findings")
    dismiss(app, 0, reason="  ")
    assert "needs a reason" in app.warning[0].value
    assert not decisions_dir.exists() or not any(decisions_dir.iterdir())


def test_word_export_carries_the_decision(demo_check: Check, deferred: dict[str, Callable[[], Any]]) -> None:
    from docx import Document

    app = dismiss(show(start(), "findings"), 0)
    document = Document(io.BytesIO(downloaded(app, "dl_docx", deferred)))
    words = [p.text for p in document.paragraphs]
    words += [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    assert any(REASON in text for text in words)
    assert any(demo_check.report["document"]["title"] in text for text in words)


def test_decisions_carry_over_to_the_next_version() -> None:
    """Same FRBR work, same database: a decision recorded on v1 is on v2's card, applied or
    flagged for re-review as `lawcheck.decisions` decides from the provision's text."""
    first, second = DIFF / "en_base.xml", DIFF / "en_base_v2.xml"
    app = dismiss(show(upload(start(), first.name, first.read_bytes()), "findings"), 0)
    upload(app, second.name, second.read_bytes())
    document = parse_document(second.read_bytes(), second.name)
    path = decisions_module.database_path({"frbr_uri": document.frbr.work_uri}, imported=False, workspace=WORKSPACE)
    with DecisionStore(path) as store:
        expected = check_document(document, source=second.name, decisions=store).report
    carried = [f for f in expected["findings"] if f.get("decision")]
    assert carried, "the dismissed finding of en_base.xml is raised again by en_base_v2.xml"
    show(app, "findings")
    text = markdown_text(app)
    for finding in carried:
        assert f"{labels.decision_badge(finding['decision'])} {decision_note(finding)}" in text


def test_two_workspaces_never_see_each_others_decisions(decisions_dir: Path) -> None:
    first = dismiss(show(start(), "findings"), 0, reason="Team A: not relevant", workspace="Team A")
    assert "Team A: not relevant" in markdown_text(first)
    second = show(in_workspace(start(), "team-a"), "findings")
    assert "Dismissed by" not in markdown_text(second)
    dismiss(second, 0, reason="Team B: covered elsewhere", workspace=None)
    third = show(in_workspace(start(), "Team A"), "findings")
    text = markdown_text(third)
    assert "Team A: not relevant" in text and "Team B: covered elsewhere" not in text
    assert len({path.parent for path in decisions_dir.rglob("*.sqlite")}) == 2


def test_without_a_workspace_nothing_is_shown_or_recorded(decisions_dir: Path) -> None:
    app = dismiss(show(start(), "findings"), 0, workspace=None)
    assert "Name a workspace" in app.warning[0].value
    assert not list(decisions_dir.rglob("*.sqlite"))


def test_a_workspace_name_with_control_characters_is_refused(decisions_dir: Path) -> None:
    app = in_workspace(start(), "team\x1b[31m")
    assert any("control characters" in warning.value for warning in app.warning)
    with pytest.raises(InputError):
        decisions_module.workspace_name("x" * 200)


def test_database_names_are_safe_and_distinct(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    stem = "Закон Республики Примерия «О внесении изменений и дополнений в некоторые законодательные акты»"
    one, two = (decisions_module.database_name(f"{stem} {n}") for n in ("2024", "2025"))
    assert one != two and "/" not in one and one.endswith(".lawcheck.sqlite") and "Закон" in one
    assert "/" not in decisions_module.database_name("/akn/xx/act/2025/7")
    document = {"frbr_uri": "/akn/xx/act/2026/draft", "title": "Preservation Act"}
    assert decisions_module.draft_identity(document, imported=True) == "Preservation Act"
    assert decisions_module.draft_identity(document, imported=False) == "/akn/xx/act/2026/draft"
    monkeypatch.delenv(decisions_module.ENV_DIR)
    monkeypatch.setenv("HOME", str(tmp_path))
    assert decisions_module.decisions_dir() == tmp_path / ".lawcheck" / "decisions"


# --- speed --------------------------------------------------------------------------------

def big_draft(akn: Callable[..., bytes], sections: int = 75) -> bytes:
    """A 300-provision draft: sections of three subsections on preservation orders."""
    body = "\n".join(
        f'<section eId="sec_{n}"><num>{n}.</num><heading>Preservation order {n}</heading>'
        + "".join(f'<subsection eId="sec_{n}__subsec_{k}"><num>({k})</num><content><p>A prosecutor may order '
                  f"a service provider to preserve specified computer data for up to {30 * k} days where there "
                  "are grounds to believe it may be lost.</p></content></subsection>" for k in (1, 2, 3))
        + "</section>" for n in range(1, sections + 1))
    return akn(body, title="Big Draft Act")


def test_every_view_of_a_big_draft_renders(akn: Callable[..., bytes]) -> None:
    """How fast views switch is measured in benchmarks/, not asserted here."""
    app = upload(start(), "big.xml", big_draft(akn))
    assert "300 provisions" in " ".join(c.value for c in app.caption)
    for view in ("findings", "clauses", "articles", "graph", "overview", "clauses"):
        show(app, view)
        assert not app.exception


# --- view helpers without Streamlit -------------------------------------------------------

def test_every_requirement_has_a_chapter(gaps_check: Check) -> None:
    grouped = chapters(gaps_check.report)
    assert list(grouped) == [c for c in labels.CHAPTERS if c in grouped]
    assert sum(len(v) for v in grouped.values()) == len(gaps_check.report["requirements"])
    by_id = {r["id"]: chapter for chapter, items in grouped.items() for r in items}
    assert by_id["BC-1"] == by_id["SP-3"] == "Definitions"
    assert by_id["BC-16"] == "Procedural powers" and by_id["BC-2"] == "Offences"
    assert by_id["BC-15"] == by_id["SP-13"] == "Safeguards"
    assert by_id["BC-22"] == "Jurisdiction" and by_id["BC-27"] == "Co-operation"
    assert by_id["SP-7"] == "Second Protocol"


def test_filter_findings_with_empty_filters_keeps_all(gaps_check: Check) -> None:
    findings = gaps_check.report["findings"]
    assert filter_findings(findings) == list(range(len(findings)))
    high = filter_findings(findings, severities=["high"])
    assert high and all(findings[i]["severity"] == "high" for i in high)


def test_highlight_escapes_and_marks() -> None:
    from lawcheck.concepts.tagger import tag

    tagged = tag("Without a court order, a <b>prosecutor</b> may preserve data for 90 days.", "en")
    marked = highlight(tagged)
    assert "<b>" not in marked and "&lt;b&gt;" in marked
    assert 'class="lc-num"' in marked
    assert re.sub(r"<[^>]+>", "", marked) == html.escape(tagged.text)


def test_a_period_inside_a_concept_stays_marked() -> None:
    """"no more than ninety days" is a duration-limit concept; the period in it is what a
    reviewer compares with the treaty, so it is marked inside the concept's mark."""
    from lawcheck.concepts.tagger import tag

    tagged = tag("The order shall not exceed ninety days.", "en")
    assert tagged.durations
    marked = highlight(tagged)
    assert '<mark class="lc-num" title="period: 90 days">ninety days</mark>' in marked
    assert re.sub(r"<[^>]+>", "", marked) == html.escape(tagged.text)


def test_fragments_and_graph_render_every_requirement(gaps_check: Check) -> None:
    view = build_view(gaps_check.report, gaps_check.analysis)
    table = safeguard_table(gaps_check.report)
    assert all(r["id"] in table for r in gaps_check.report["requirements"] if r.get("safeguards"))
    first = view.articles[0]
    assert first in units_html(view, gaps_check.analysis, first)
    assert sum(len(rows) for _, rows in tree_groups(view)) == len(view.articles)
    graph = build_graph(load_rulebook())
    assert rule_graph_dot(gaps_check.report, graph, "safeguards", "BC-16").count("[label=") >= 2


def test_source_reports_the_engine_error_in_one_line() -> None:
    outcome = run(Request(Source.of("bad.xml", b"<!DOCTYPE x><x/>")))
    assert outcome.check is None and outcome.error.startswith("bad.xml") and "\n" not in outcome.error


def test_a_russian_draft_is_reviewed_in_russian_with_citations() -> None:
    app = start()
    app.selectbox(key="sample").set_value("ru_cpc_amendment.xml").run()
    show(app, "findings")
    text = markdown_text(app)
    assert "Что изменить:" in text and "Предлагаемая редакция" in text
    assert "What to change" not in text
    opened = [b for b in app.button if b.key and b.key.startswith("list-open-")]
    assert opened and all("__" not in b.label for b in opened)  # citations, not eIds
    assert any("ст. 94-2 УПК (п. 3 ст. 1 проекта)" in b.label for b in opened)
    show(app, "overview")
    assert any(s.value.startswith("Гарантии, которых нет в проекте") for s in app.subheader)
    app.selectbox(key="ui_lang@ru").set_value("en").run()
    show(app, "findings")
    assert "What to change:" in markdown_text(app)
