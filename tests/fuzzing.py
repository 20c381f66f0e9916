"""Well-formed hostile text for drafts, and one in-process CLI run measured.

Shared by tests/test_fuzz.py (Hypothesis, a few examples in the suite) and
benchmarks/fuzz.py (thousands of cases over the corpus). The inserts are what a real user
or a hostile one can type into a draft that still parses: digits of other scripts, numbers
too long for int(), deep nesting, thousands of references, odd Unicode and markup.
"""

from __future__ import annotations

import contextlib
import io
import time
import tracemalloc
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from lawcheck.cli import main

REPO = Path(__file__).resolve().parents[1]
AKN_DRAFTS = (
    *sorted((REPO / "corpora" / "national").glob("*.xml")),
    *sorted((REPO / "tests" / "data" / "diff").glob("*.xml")),
)
SMALL_AKN_DRAFTS = tuple(sorted((REPO / "tests" / "data" / "diff").glob("*.xml")))
TEXT_DRAFTS = tuple(sorted((REPO / "tests" / "data" / "ingest").glob("*.txt")))

UNICODE_DIGITS = ("²", "①", "٣٠", "९०", "𝟗𝟎", "໙", "߃", "፲", "Ⅻ", "〇", "৩", "٫", "¹⁰", "₉₀")
SNIPPETS = (
    *(f" for {digits} days " for digits in UNICODE_DIGITS),
    *(f" Article {digits} " for digits in UNICODE_DIGITS),
    *(f" section {digits}(2) " for digits in UNICODE_DIGITS),
    *(f" статья {digits} часть {digits} " for digits in UNICODE_DIGITS),
    " for " + "9" * 5000 + " days ", " Article " + "1" * 4400 + " ", " section 10-" + "7" * 5000 + " ",
    " статьи 7-" + "9" * 4500 + " ", " not exceeding 99999999999999999999999 hours ",
    " ninety (" + "9" * 5000 + ") days ", " within ⁹⁰ days ", " 90²  days",
    " " + "section 5, " * 2000, " " + "статьи 3, " * 1500, " see sections 1 to 3 and 2 to 4 " * 300,
    " \u202e\u200f\u200b\u2066 reversed ", " e\u0301\u0301\u0301\u0301 ", " \ufeff\ufffd ",
    " \U0001f600\U0001f4a9 ", " <script>alert(1)</script> ", " [x](javascript:alert(1)) ",
    " *bold* _em_ `code` # heading | a | b | ", "\r\nCarriage\r\n", " \t\t ",
    " «" * 300, " (" * 500 + ")" * 500, " 1) 2) 3) a) b) " * 200, " Part MMMMMMMMMMMMCM ",
    " Article 5A-1.2.3.4.5.6.7.8.9.10 ", " Статья 94-3-4-5-6-7 ",
)
MAX_SECONDS = 10.0
MAX_PEAK_BYTES = 1 << 30


def insert_text(xml: bytes, target: int, offset: int, snippet: str) -> bytes:
    """Insert `snippet` into the text of the `target`-th element with text (wrapped around)."""
    root = etree.fromstring(xml)
    holders = [element for element in root.iter() if isinstance(element.tag, str) and element.text]
    if not holders:
        return xml
    element = holders[target % len(holders)]
    text = element.text or ""
    cut = offset % (len(text) + 1)
    element.text = text[:cut] + snippet + text[cut:]
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


def nest_deeply(xml: bytes, target: int, depth: int) -> bytes:
    """Wrap the children of the `target`-th provision-like element in `depth` nested blocks."""
    root = etree.fromstring(xml)
    namespace = etree.QName(root).namespace
    tag = f"{{{namespace}}}hcontainer" if namespace else "hcontainer"
    parents = [element for element in root.iter() if isinstance(element.tag, str)
               and etree.QName(element).localname in {"section", "article", "paragraph", "subsection"}]
    if not parents:
        return xml
    parent = parents[target % len(parents)]
    children = list(parent)
    outer = inner = etree.Element(tag, name="x")
    for _ in range(depth - 1):
        inner = etree.SubElement(inner, tag, name="x")
    for child in children:
        inner.append(child)
    parent.append(outer)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


def word_file(text: str) -> bytes:
    """A Word file with one paragraph per line of `text`."""
    import docx  # python-docx loads only when a Word case is built

    document = docx.Document()
    for line in text.splitlines():
        document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def insert_line(text: str, line: int, snippet: str) -> str:
    """Insert `snippet` as its own line of a plain-text draft."""
    lines = text.splitlines()
    cut = line % (len(lines) + 1)
    return "\n".join([*lines[:cut], snippet.strip() or snippet, *lines[cut:]]) + "\n"


@dataclass(frozen=True)
class Run:
    """One CLI run: its exit code, what it printed on stderr, how long and how much it took.
    The time budget is checked on CPU time: a shared machine stretches the wall time."""

    argv: tuple[str, ...]
    code: int
    stderr: str
    seconds: float
    cpu_seconds: float
    peak_bytes: int

    @property
    def stderr_lines(self) -> list[str]:
        return [line for line in self.stderr.splitlines() if line.strip()]

    @property
    def problem(self) -> str | None:
        """Why this run breaks the contract, or None when it keeps it."""
        if self.code not in (0, 2, 3):
            return f"exit {self.code}: {self.stderr.strip()[:300]}"
        if self.code == 2 and len(self.stderr_lines) != 1:
            return f"exit 2 with {len(self.stderr_lines)} stderr lines: {self.stderr.strip()[:300]}"
        if self.cpu_seconds > MAX_SECONDS:
            return f"took {self.cpu_seconds:.1f} s of CPU"
        if self.peak_bytes > MAX_PEAK_BYTES:
            return f"peak {self.peak_bytes >> 20} MB"
        return None


def run_cli(argv: Sequence[str], *, trace_memory: bool = False) -> Run:
    """Run `lawcheck argv` in this process, as the console script would."""
    out, err = io.StringIO(), io.StringIO()
    if trace_memory:
        tracemalloc.start()
    start, start_cpu = time.perf_counter(), time.process_time()
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main(list(argv))
    except SystemExit as exit_:
        code = exit_.code if isinstance(exit_.code, int) else 1
    seconds, cpu_seconds = time.perf_counter() - start, time.process_time() - start_cpu
    peak = 0
    if trace_memory:
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    return Run(tuple(argv), code, err.getvalue(), seconds, cpu_seconds, peak)


def commands_for(original: Path, mutated: Path, output: Path) -> list[list[str]]:
    """The commands run on one mutated draft: check in two formats, validate and diff for Akoma
    Ntoso; import and check for a text or Word draft."""
    if mutated.suffix in (".txt", ".docx"):
        return [["import", str(mutated), "-o", str(output)], ["check", str(mutated), "--format", "md"]]
    return [["check", str(mutated), "--format", "json"], ["check", str(mutated), "--format", "md"],
            ["validate", str(mutated)], ["diff", str(original), str(mutated), "--format", "json"]]
