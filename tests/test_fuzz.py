"""Property: no well-formed draft, however odd its text, ends in an internal error.

Hypothesis inserts hostile but well-formed text (tests/fuzzing.py: digits of other scripts,
numbers too long for int(), deep nesting, thousands of references, odd Unicode, markup) into
real drafts and runs the commands in-process through the CLI entry point. Each run must end
in exit 0, 2 (with one stderr line) or 3, within 10 s of CPU time (the deadline on the wall
clock is looser: the machine may be shared). A few examples keep the
suite quick; benchmarks/fuzz.py runs thousands.
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from fuzzing import SMALL_AKN_DRAFTS, SNIPPETS, TEXT_DRAFTS, insert_line, insert_text, nest_deeply, run_cli, word_file
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

FUZZ_SETTINGS = settings(max_examples=6, deadline=timedelta(seconds=60), derandomize=True, database=None,
                         suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])

snippets = st.one_of(
    st.sampled_from(SNIPPETS),
    st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=40),
    st.builds(lambda digits, unit: f" for {digits} {unit} ",
              st.text(alphabet=st.characters(whitelist_categories=("Nd", "No", "Nl")), min_size=1, max_size=6),
              st.sampled_from(["days", "hours", "months", "суток"])),
)


@pytest.fixture(scope="module", autouse=True)
def warm_pipeline() -> None:
    """Load the rulebook and the language models once, so the deadline measures the run."""
    run_cli(["check", str(SMALL_AKN_DRAFTS[0]), "--format", "json"])


def assert_contract(argv: list[str]) -> None:
    run = run_cli(argv)
    assert run.problem is None, f"{' '.join(argv)}: {run.problem}"


@FUZZ_SETTINGS
@given(draft=st.sampled_from(SMALL_AKN_DRAFTS), target=st.integers(0, 1 << 16), offset=st.integers(0, 1 << 16),
       snippet=snippets, depth=st.sampled_from([0, 0, 60, 240]))
def test_akn_drafts_with_hostile_text(tmp_path: Path, draft: Path, target: int, offset: int, snippet: str,
                                      depth: int) -> None:
    xml = insert_text(draft.read_bytes(), target, offset, snippet)
    if depth:
        xml = nest_deeply(xml, target, depth)
    mutated = tmp_path / "mutated.xml"
    mutated.write_bytes(xml)
    assert_contract(["check", str(mutated), "--format", "md"])
    assert_contract(["validate", str(mutated)])
    assert_contract(["diff", str(draft), str(mutated), "--format", "json"])


@FUZZ_SETTINGS
@given(draft=st.sampled_from(TEXT_DRAFTS), line=st.integers(0, 1 << 16), snippet=snippets, as_word=st.booleans())
def test_text_and_word_drafts_with_hostile_text(tmp_path: Path, draft: Path, line: int, snippet: str,
                                                as_word: bool) -> None:
    text = insert_line(draft.read_text(encoding="utf-8"), line, snippet)
    mutated = tmp_path / ("mutated.docx" if as_word else "mutated.txt")
    if as_word:
        mutated.write_bytes(word_file(text))
    else:
        mutated.write_text(text, encoding="utf-8")
    assert_contract(["import", str(mutated), "-o", str(tmp_path / "out.xml")])
    assert_contract(["check", str(mutated), "--format", "json"])
