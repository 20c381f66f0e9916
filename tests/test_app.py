"""The Streamlit page (app.py) driven by Streamlit's AppTest, and its view helpers.

Expected values are taken from the engine's own report for the same file, never copied from
a run: the page must show what `check_document` says, whatever the rules say today.
"""

from __future__ import annotations

import html
import re
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from lawcheck.akn import parse_document
from lawcheck.data import demo_draft
from lawcheck.report import Check, check_document
from lawcheck.rulebook.graph import build_graph
from lawcheck.rulebook.loader import load_rulebook
from lawcheck.ui import labels
from lawcheck.ui import source as source_module
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
from lawcheck.ui.source import Request, Source, ingest_module, run

pytest.importorskip("streamlit", reason="the app needs streamlit: pip install -e '.[app]'")
from streamlit.testing.v1 import AppTest

REPO = Path(__file__).resolve().parents[1]
APP = REPO / "app.py"
GAPS = REPO / "corpora" / "national" / "en_gaps_draft.xml"
TIMEOUT = 120  # the first check of a process loads the rules and the lexicons


# --- helpers ------------------------------------------------------------------------------

def engine_check(path: Path) -> Check:
    """What the engine reports for a file: the page must show the same."""
    return check_document(parse_document(path.read_bytes(), path.name), source=path.name)


def start() -> AppTest:
    app = AppTest.from_file(str(APP), default_timeout=TIMEOUT).run()
    assert not app.exception, app.exception
    return app


def upload(app: AppTest, name: str, data: bytes) -> AppTest:
    app.file_uploader(key="upload").set_value((name, data, "text/xml"))
    app.run()
    assert not app.exception, app.exception
    return app


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
    for status in labels.STATUSES:
        label = f"{labels.STATUS_SYMBOL[status]} {labels.STATUS_LABEL[status]}"
        assert metrics[label] == str(report["summary"][status]), label
    assert metrics["Findings"] == str(report["summary"]["findings"])
    cells = [b for b in app.button if b.key and b.key.startswith("cell-")]
    assert [c.key.split("-", 2)[2] for c in cells] == [
        r["id"] for group in chapters(report).values() for r in group]
    assert all(c.key.split("-")[1] == view_status(report, c.key.split("-", 2)[2]) for c in cells)
    for category, count in category_counts(report["findings"]).items():
        assert app.button(key=f"cat-{category}").label == f"{labels.CATEGORY_LABEL[category]} · {count}"
    assert len(app.download_button) == 3


def view_status(report: dict[str, Any], requirement_id: str) -> str:
    return next(r["status"] for r in report["requirements"] if r["id"] == requirement_id)


def test_query_parameter_opens_a_view() -> None:
    app = AppTest.from_file(str(APP), default_timeout=TIMEOUT)
    app.query_params["view"] = "Findings"
    app.run()
    assert not app.exception
    assert shown_count(app)[0] == shown_count(app)[1]


# --- the newcomer's path: which safeguards are missing, and where --------------------------

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
            assert gaps_app.button(key=f"gap-open-{index}-{eid}").label == f"Open {eid}"


def test_missing_safeguard_button_opens_the_clause(gaps_app: AppTest, gaps_check: Check) -> None:
    gap = next(g for g in safeguard_gaps(gaps_check.report) if g.provisions)
    eid = gap.provisions[0]
    index = safeguard_gaps(gaps_check.report).index(gap)
    gaps_app.button(key=f"gap-open-{index}-{eid}").click().run()
    assert gaps_app.session_state["view"] == "Clauses"
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
    show(app, "Clauses")


# --- findings -----------------------------------------------------------------------------

def test_filters_change_the_findings_shown(gaps_app: AppTest, gaps_check: Check) -> None:
    findings = gaps_check.report["findings"]
    show(gaps_app, "Findings")
    assert shown_count(gaps_app) == (len(findings), len(findings))
    gaps_app.multiselect(key="f_cat").set_value(["missing_safeguard"]).run()
    expected = [f for f in findings if f["category"] == "missing_safeguard"]
    assert shown_count(gaps_app)[0] == len(expected) < len(findings)
    cards = [b for b in gaps_app.button if b.key and b.key.startswith("list-open-")]
    assert {b.label.removeprefix("Open ") for b in cards} <= {p for f in expected for p in f.get("provisions", [])}
    gaps_app.multiselect(key="f_sev").set_value(["low"]).run()
    assert shown_count(gaps_app)[0] == sum(f["severity"] == "low" for f in expected)
    gaps_app.multiselect(key="f_cat").set_value([]).run()
    gaps_app.multiselect(key="f_sev").set_value([]).run()
    requirement = expected[0]["requirement"]
    gaps_app.multiselect(key="f_req").set_value([requirement]).run()
    assert shown_count(gaps_app)[0] == sum(f.get("requirement") == requirement for f in findings)


def test_each_finding_says_what_to_change_and_where(gaps_app: AppTest, gaps_check: Check) -> None:
    show(gaps_app, "Findings")
    gaps_app.multiselect(key="f_cat").set_value(["conflict"]).run()
    text = markdown_text(gaps_app) + "\n".join(c.value for c in gaps_app.caption).replace("\\", "")
    for finding in (f for f in gaps_check.report["findings"] if f["category"] == "conflict"):
        assert finding["message"] in text
        assert finding.get("help", "") in text
        assert finding.get("cites", "") in text
        for eid in finding.get("provisions", [])[:6]:
            assert any(b.label == f"Open {eid}" for b in gaps_app.button)


def test_category_button_opens_filtered_findings(gaps_app: AppTest, gaps_check: Check) -> None:
    gaps_app.button(key="cat-missing_safeguard").click().run()
    assert gaps_app.session_state["view"] == "Findings"
    assert shown_count(gaps_app)[0] == category_counts(gaps_check.report["findings"])["missing_safeguard"]


# --- article and graph views --------------------------------------------------------------

def test_matrix_cell_opens_the_article(gaps_app: AppTest, gaps_check: Check) -> None:
    requirement = next(r for r in gaps_check.report["requirements"] if r.get("safeguards") and r["provisions"])
    gaps_app.button(key=f"cell-{requirement['status']}-{requirement['id']}").click().run()
    assert gaps_app.session_state["view"] == "Articles"
    assert gaps_app.selectbox(key="article").value == requirement["id"]
    shown = html_text(gaps_app)
    for element in requirement["elements"]:
        assert labels.humanise(element["id"]) in shown
    for safeguard in requirement["safeguards"]:
        assert labels.safeguard_label(safeguard) in shown
    for provision in requirement["provisions"]:
        assert any(provision["eId"] in e.label and f"{provision['score']:.2f}" in e.label for e in gaps_app.expander)


def test_rule_graph_is_coloured_by_status(gaps_app: AppTest, gaps_check: Check) -> None:
    show(gaps_app, "Rule graph")
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
    gaps_app.selectbox(key="graph_focus").set_value("BC-16").run()
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
    gaps_app.selectbox(key="lang").set_value("ru").run()
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
        assert {m.label: m.value for m in app.metric}["Findings"] == str(expected["summary"]["findings"])
        for view in ("Findings", "Clauses", "Articles", "Rule graph", "Overview"):
            show(app, view)


@pytest.mark.parametrize("path", sorted((REPO / "corpora" / "national").glob("*.xml")), ids=lambda p: p.name)
def test_every_bundled_draft_renders_every_view(path: Path) -> None:
    """English and Russian drafts, and an amending act (its inserted units are provisions)."""
    app = upload(start(), path.name, path.read_bytes())
    assert not app.error, app.error[0].value
    for view in ("Findings", "Clauses", "Articles", "Rule graph"):
        show(app, view)
    for button in [b for b in app.button if b.key and b.key.startswith("tree-")][:3]:
        button.click().run()
        assert not app.exception, app.exception


def test_text_draft_is_imported_when_import_exists() -> None:
    if ingest_module() is None:
        pytest.skip("lawcheck.ingest (import of .docx/.txt drafts) is not in this version")
    text = (b"Preservation Act\n\nArticle 1. Expedited preservation\n"
            b"1. A judge may order a service provider to preserve specified computer data for up to "
            b"ninety days.\n")
    app = upload(start(), "draft.txt", text)
    assert not app.error, app.error[0].value
    assert "draft.txt" in " ".join(c.value for c in app.caption)


def test_text_draft_without_import_is_a_one_line_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(source_module, "ingest_module", lambda: None)
    outcome = run(Request(Source.of("draft.txt", b"Article 1. Preservation")))
    assert outcome.error == "draft.txt: importing .docx and .txt drafts is not available in this version yet; " \
                            "give an Akoma Ntoso XML file"
    assert source_module.accepted_types() == ["xml"]


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


def test_switching_views_takes_under_a_second(akn: Callable[..., bytes]) -> None:
    app = upload(start(), "big.xml", big_draft(akn))
    assert "300 provisions" in " ".join(c.value for c in app.caption)
    timings = {}
    for view in ("Findings", "Clauses", "Articles", "Rule graph", "Overview", "Clauses"):
        began = time.perf_counter()
        show(app, view)
        timings[view] = time.perf_counter() - began
    assert max(timings.values()) < 1.0, timings


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
    assert '<mark class="lc-num" title="period P90D">ninety days</mark>' in marked
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
