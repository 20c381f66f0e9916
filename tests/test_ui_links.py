"""The page's address, the drafts store behind it, the print view, the scope of a check and
decisions on a group of findings: the modules on their own, then the page through AppTest.

Expected values come from the engine's own report for the same file, never from a run."""

from __future__ import annotations

import ast
import hashlib
import re
from pathlib import Path

import pytest

from lawcheck.akn import parse_document
from lawcheck.decisions.store import DecisionStore
from lawcheck.errors import InputError
from lawcheck.pipeline import Check, check_document
from lawcheck.ui import decisions as decisions_module
from lawcheck.ui import drafts
from lawcheck.ui.labels import PAGE_RU
from lawcheck.ui.links import Link, find_finding, finding_ref, link_params, link_query, parse_link
from lawcheck.ui.printview import chromium, grouped_findings, print_document, print_html, print_pdf
from lawcheck.ui.source import Request, Scoping, Source, run

pytest.importorskip("streamlit", reason="the app needs streamlit: pip install -e '.[app]'")
from streamlit.testing.v1 import AppTest

REPO = Path(__file__).resolve().parents[1]
APP = REPO / "app.py"
NATIONAL = REPO / "corpora" / "national"
GAPS = NATIONAL / "en_gaps_draft.xml"
RU_AMENDMENT = NATIONAL / "ru_cpc_amendment.xml"
TIMEOUT = 120


@pytest.fixture(autouse=True)
def decisions_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Decisions and stored drafts in the test's own folder, never in the home folder."""
    folder = tmp_path / "decisions"
    monkeypatch.setenv(decisions_module.ENV_DIR, str(folder))
    monkeypatch.delenv(decisions_module.WORKSPACE_ENV, raising=False)
    return folder


def engine_check(path: Path) -> Check:
    return check_document(parse_document(path.read_bytes(), path.name), source=path.name)


def opened(params: dict[str, str] | None = None) -> AppTest:
    """A new session of the page (a new tab), at the address with `params`."""
    app = AppTest.from_file(str(APP), default_timeout=TIMEOUT)
    for key, value in (params or {}).items():
        app.query_params[key] = value
    app.run()
    assert not app.exception, app.exception
    return app


def title(app: AppTest) -> str:
    return next(m.value for m in app.markdown if m.value.startswith("# "))[2:].replace("\\", "")


# --- the address ----------------------------------------------------------------------------

def test_a_link_keeps_only_values_of_their_kind() -> None:
    digest = "a" * 64
    link = parse_link({"draft": digest, "compare": "../../etc/passwd", "view": "Rule graph",
                       "clause": "art_1__point_4", "article": "BC-16; drop", "finding": "0123456789ab",
                       "lang": "fr", "ws": "Team A"})
    assert link == Link(draft=digest, view="graph", clause="art_1__point_4", finding="0123456789ab", ws="Team A")
    assert parse_link({"clause": "<script>", "ws": "x\ny", "view": "nowhere"}) == Link()
    assert parse_link({"view": "Findings"}).view == "findings"  # addresses written before the keys
    assert link_params(link) == {"draft": digest, "view": "graph", "clause": "art_1__point_4",
                                 "finding": "0123456789ab", "ws": "Team A"}
    assert link_query(Link(view="print", ws="Team A")) == "?view=print&ws=Team+A"


def test_a_finding_is_named_by_what_it_is_not_by_its_words_or_place() -> None:
    check = engine_check(GAPS)
    findings = check.report["findings"]
    refs = [finding_ref(f) for f in findings]
    assert len(set(refs)) == len(refs)
    russian = check_document(parse_document(GAPS.read_bytes(), GAPS.name), source=GAPS.name, ui_lang="ru")
    assert [finding_ref(f) for f in russian.report["findings"]] == refs  # same finding in either language
    assert find_finding(list(reversed(findings)), refs[0]) == len(findings) - 1
    assert find_finding(findings, "f" * 12) is None


# --- the drafts store -----------------------------------------------------------------------

def test_a_stored_draft_comes_back_by_its_digest_in_its_workspace_only() -> None:
    data = GAPS.read_bytes()
    digest = drafts.store_draft("C:\\drafts\\gaps\x07.xml", data, "Team A")
    assert digest == hashlib.sha256(data).hexdigest()
    found = drafts.load_stored(digest, "Team A")
    assert found is not None and found.data == data and found.name == "gaps.xml"
    assert drafts.load_stored(digest, "Team B") is None
    assert drafts.load_stored(digest, "") is None
    assert drafts.load_stored("../" + digest[3:], "Team A") is None
    assert drafts.load_stored("0" * 64, "Team A") is None


def test_a_stored_draft_that_no_longer_matches_its_digest_is_not_served() -> None:
    digest = drafts.store_draft("gaps.xml", GAPS.read_bytes(), "")
    path = drafts.drafts_dir("") / f"{digest}.xml"
    path.write_bytes(path.read_bytes() + b"<!-- changed -->")
    assert drafts.load_stored(digest, "") is None


def test_the_store_is_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(drafts, "MAX_DRAFTS", 3)
    digests = [drafts.store_draft(f"d{n}.txt", f"Article {n}. Text.\n".encode(), "") for n in range(5)]
    kept = sorted(p.stem for p in drafts.drafts_dir("").glob("*.txt"))
    assert len(kept) == 3 and digests[-1] in kept
    monkeypatch.setattr(drafts, "MAX_BYTES", 10)
    with pytest.raises(InputError, match="larger than"):
        drafts.store_draft("big.xml", b"<x>" + b"a" * 20 + b"</x>", "")
    with pytest.raises(InputError, match="must be one of"):
        drafts.store_draft("draft.exe", b"MZ", "")


# --- the print view -------------------------------------------------------------------------

def test_the_print_view_lists_every_finding_grouped_by_article() -> None:
    report = engine_check(GAPS).report
    body = print_html(report, "en")
    assert body.count('class="lc-print-finding') == len(report["findings"])
    order = [r["id"] for r in report["requirements"]]
    grouped = [g[0]["id"] for g in grouped_findings(report) if g[0] is not None]
    assert grouped == sorted(grouped, key=order.index)
    suggested = next(f for f in report["findings"] if f.get("suggestion"))
    assert suggested["suggestion"]["text"].split("\n")[0][:40].replace("'", "&#x27;") in body
    for finding in report["findings"]:
        for label in finding.get("labels", []):
            assert label.replace("'", "&#x27;") in body


def test_the_print_view_of_a_russian_draft_is_russian() -> None:
    report = engine_check(RU_AMENDMENT).report
    body = re.sub(r"<[^>]+>", " ", print_html(report, "ru"))
    words = set(re.findall(r"[A-Za-z]{2,}", re.sub(r"\b(?:BC|SP)-\d+|ETS|CETS|[\w.-]+\.xml", " ", body)))
    assert words == set()
    assert "ст. 94-3" in body and "Предлагаемая редакция" in body


@pytest.mark.skipif(chromium() is None, reason="no chromium: the page offers the HTML instead")
def test_the_print_view_becomes_a_pdf() -> None:
    pdf = print_pdf(print_document(engine_check(GAPS).report, "en"))
    assert pdf is not None and pdf.startswith(b"%PDF") and len(pdf) > 5_000


# --- the scope of a check -------------------------------------------------------------------

def test_scope_chosen_in_the_page_is_checked_like_lawcheck_toml() -> None:
    with pytest.raises(InputError, match="is not a reservation the treaty permits"):
        Scoping(reservations=(("BC-16", "anything"),)).settings()
    with pytest.raises(InputError, match="unknown requirement"):
        Scoping(not_applicable=("BC-99",)).settings()
    source = Source.of(GAPS.name, GAPS.read_bytes())
    plain = run(Request(source)).check
    scoped = run(Request(source, scoping=Scoping(not_applicable=("BC-9",), scope=("procedural", "offences"),
                                                 reservations=(("BC-6", "partial_non_application"),)))).check
    assert plain is not None and scoped is not None
    status = {r["id"]: r["status"] for r in scoped.report["requirements"]}
    assert status["BC-9"] == "not_applicable"
    assert not any(f.get("requirement") == "BC-9" for f in scoped.report["findings"])
    assert {r["id"]: r["status"] for r in plain.report["requirements"]}["BC-1"] != "not_assessed"
    assert status["BC-1"] == "not_assessed"  # a definition: its group is not in the scope
    assert status["BC-6"] not in {"not_applicable", "not_assessed"}


def test_a_reservation_chosen_in_the_page_is_explained_in_the_pages_language() -> None:
    """The sidebar says what each reservation made does, in Russian on a Russian page."""
    from lawcheck.rulebook.loader import load_rulebook

    option = next(o for o in load_rulebook().get("BC-6").reservations if o.id == "partial_non_application")
    app = opened()
    app.session_state["ui_lang"] = "ru"
    app.run()
    app.multiselect(key="scope_options@ru").set_value(["BC-6:reservation:partial_non_application"]).run()
    assert not app.exception, app.exception
    captions = " ".join(c.value for c in app.caption)
    assert option.summary_ru and " ".join(option.summary_ru.split()[:6]) in captions


def test_the_page_passes_its_scope_to_the_engine() -> None:
    app = opened()
    app.file_uploader(key="upload").set_value((GAPS.name, GAPS.read_bytes(), "text/xml")).run()
    app.multiselect(key="scope_na@en").set_value(["BC-16"]).run()
    assert not app.exception, app.exception
    assert app.session_state["_last_good"].scoping.not_applicable == ("BC-16",)
    app.session_state["view"] = "articles"
    app.session_state["article"] = "BC-16"
    app.run()
    heading = next(h.value for h in app.get("html") if 'class="lc-h2"' in h.value)
    assert "BC-16" in heading and "lc-not_applicable" in heading


def test_a_group_of_findings_is_dismissed_with_one_reason(decisions_dir: Path) -> None:
    report = engine_check(GAPS).report
    app = opened({"view": "findings"})
    app.file_uploader(key="upload").set_value((GAPS.name, GAPS.read_bytes(), "text/xml")).run()
    app.text_input(key="workspace").set_value("Team A").run()
    app.session_state["view"] = "findings"
    app.run()
    category = next(c for c in ("missing_offence", "missing_power", "partial")
                    if sum(f["category"] == c for f in report["findings"]) > 1)
    expected = sum(f["category"] == category for f in report["findings"])
    app.selectbox(key="group-category@en").set_value(category).run()  # one widget per language
    app.radio(key="group-decision@en").set_value("dismissed")
    app.text_area(key="group-reason").set_value("The code of criminal procedure does not define offences.")
    app.text_input(key="group-reviewer").set_value("A. Expert")
    app.button(key="group-save").click().run()
    assert not app.exception, app.exception
    databases = list(decisions_dir.rglob("*.sqlite"))
    assert len(databases) == 1
    with DecisionStore(databases[0], read_only=True) as store:
        rows = store.all()
    assert len(rows) == expected and {row.status for row in rows} == {"dismissed"}
    dismissed = [f for f in app.session_state["_reviewed"][1].findings if (f.get("decision") or {}).get("status")
                 == "dismissed"]
    assert len(dismissed) == expected and {f["category"] for f in dismissed} == {category}


def test_the_group_decision_speaks_the_language_it_is_switched_to() -> None:
    """After a switch to Russian, the kinds and decisions of the group form are Russian."""
    app = opened({"view": "findings"})
    app.file_uploader(key="upload").set_value((GAPS.name, GAPS.read_bytes(), "text/xml")).run()
    app.session_state["view"] = "findings"
    app.run()
    assert not any(re.search("[а-яА-Я]", label) for label in app.selectbox(key="group-category@en").options)
    app.session_state["ui_lang"] = "ru"
    app.run()
    assert not app.exception, app.exception
    assert all(re.search("[а-яА-Я]", label) for label in app.selectbox(key="group-category@ru").options)
    assert all(re.search("[а-яА-Я]", label) for label in app.radio(key="group-decision@ru").options)


# --- links in the page ----------------------------------------------------------------------

def test_an_uploaded_draft_reopens_from_its_address_in_a_new_session() -> None:
    first = opened()
    first.file_uploader(key="upload").set_value((GAPS.name, GAPS.read_bytes(), "text/xml")).run()
    first.session_state["view"] = "clauses"
    first.session_state["clause"] = "sec_16"
    first.run()
    params = dict(first.query_params)
    assert params["draft"] == hashlib.sha256(GAPS.read_bytes()).hexdigest()
    assert params["view"] == "clauses" and params["clause"] == "sec_16" and params["lang"] == "en"
    second = opened({key: value[0] if isinstance(value, list) else value for key, value in params.items()})
    assert title(second) == title(first)
    assert second.session_state["view"] == "clauses" and second.session_state["clause"] == "sec_16"


def test_a_finding_link_shows_that_finding_first() -> None:
    check = engine_check(GAPS)
    index = len(check.report["findings"]) - 1
    finding = check.report["findings"][index]
    digest = hashlib.sha256(GAPS.read_bytes()).hexdigest()
    first = opened()
    first.file_uploader(key="upload").set_value((GAPS.name, GAPS.read_bytes(), "text/xml")).run()
    app = opened({"draft": digest, "view": "findings", "finding": finding_ref(finding)})
    text = "\n".join(m.value for m in app.markdown).replace("\\", "")
    assert "The finding this link points at" in text
    assert text.index(finding["message"][:50]) < text.index("findings**")


def test_an_unknown_draft_in_the_address_is_a_message_not_a_crash() -> None:
    app = opened({"draft": "0" * 64, "view": "findings"})
    assert any("not kept on this server" in w.value for w in app.warning)
    assert title(app)  # the bundled draft instead
    app = opened({"draft": "not-a-digest"})
    assert any("does not name a draft" in w.value for w in app.warning)


def test_the_print_view_of_the_page_has_every_finding_and_no_tabs() -> None:
    report = engine_check(RU_AMENDMENT).report
    digest = hashlib.sha256(RU_AMENDMENT.read_bytes()).hexdigest()
    app = opened({"draft": digest, "view": "print"})
    bodies = " ".join(h.value for h in app.get("html"))
    assert bodies.count('class="lc-print-finding') == len(report["findings"])
    assert not app.tabs
    assert {b.key for b in app.download_button} >= {"print-pdf"}


def test_the_tabs_are_named_in_the_pages_language() -> None:
    digest = hashlib.sha256(RU_AMENDMENT.read_bytes()).hexdigest()
    app = opened({"draft": digest})
    assert [t.label for t in app.tabs] == ["Обзор", "Замечания", "Положения проекта", "Статьи договора",
                                          "Редакции", "Граф требований"]
    assert app.session_state["view"] == "overview"


def test_every_sentence_of_the_page_has_its_russian() -> None:
    """Every literal the page passes to `say` / `say_in` has an entry in PAGE_RU."""
    missing = set()
    for path in [APP, *(REPO / "lawcheck" / "ui").rglob("*.py")]:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and getattr(node.func, "attr", getattr(node.func, "id", None))
                    in ("say", "say_in") and node.args and isinstance(node.args[0], ast.Constant)
                    and isinstance(node.args[0].value, str) and node.args[0].value not in PAGE_RU):
                missing.add(node.args[0].value)
    assert not missing, sorted(missing)


def test_a_comparison_and_the_language_reopen_from_the_address() -> None:
    base = REPO / "tests" / "data" / "diff" / "en_base.xml"
    later = REPO / "tests" / "data" / "diff" / "en_base_v2.xml"
    first = opened()
    first.file_uploader(key="upload").set_value((base.name, base.read_bytes(), "text/xml")).run()
    first.file_uploader(key="compare_upload").set_value((later.name, later.read_bytes(), "text/xml")).run()
    assert not first.exception, first.exception
    params = {key: value[0] if isinstance(value, list) else value for key, value in first.query_params.items()}
    assert params["compare"] == hashlib.sha256(later.read_bytes()).hexdigest() and params["view"] == "versions"
    second = opened({**params, "lang": "ru"})
    assert second.session_state["view"] == "versions"
    assert any(f"### {base.name} → {later.name}" == m.value.replace("\\", "") for m in second.markdown)
    assert next(t.label for t in second.tabs) == "Обзор"  # the language the address asks for
