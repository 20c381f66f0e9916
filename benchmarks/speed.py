"""Is lawcheck fast where users feel it? Prints, from one run, the numbers its speed goals are set in.

  full check   a real-style ~300,000-word code (realcode.py) checked end to end, against the
               floor of lxml parsing plus spacy.blank tokenization of the same text, timed in
               the same process; and that process's peak RSS             (goal <= 3x, <= 1 GB)
  recheck      one edited paragraph re-tagged and the draft re-assessed, p95 of 40 edits
               spread over the code                                      (goal <= 100 ms)
  startup      `lawcheck check` of the demo draft against
               `python -c 'import spacy, lxml, pymorphy3'`, medians of 5 (goal <= 1.5x)
  hostile      `lawcheck check` refusing a DOCTYPE bomb                  (goal < 0.5 s)
  batch        20 drafts with --jobs 2 against --jobs 1, of ~4,000 and of ~20,000 words
               (goal <= 0.6x); both runs pay one start-up, so small drafts are bound by it

The machines this runs on are shared, and wall-clock time swings with the neighbours' load:
in-process timings are CPU time, and the commands are reported in CPU time (user + sys of
the process and its children) beside wall time. Ratios are measured side by side, in one run.

Usage: python benchmarks/speed.py [--words 300000] [--only check|startup|batch]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from realcode import real_style_code  # benchmarks/realcode.py

ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "corpora" / "national" / "en_model_law.xml"
ENV = {**os.environ, "PYTHONPATH": str(ROOT)}
HOSTILE = (b'<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol">'
           b'<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>\n<akomaNtoso>&lol2;</akomaNtoso>\n')
EDITS = 40


def peak_rss_mb() -> float:
    """Peak resident set size of this process (Linux VmHWM, which exec resets)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def percentile(values: list[float], fraction: float) -> float:
    """Nearest-rank percentile."""
    ordered = sorted(values)
    return ordered[max(0, round(fraction * len(ordered)) - 1)]


# --- the child: one language, one fresh process ------------------------------------------


def check_in_this_process(path: Path, lang: str) -> dict[str, float]:
    import spacy
    from lxml import etree

    from lawcheck.akn import read_document
    from lawcheck.akn.reader import secure_parser
    from lawcheck.concepts import tag
    from lawcheck.engine.evaluate import reassess
    from lawcheck.pipeline import check_document
    from lawcheck.rulebook.loader import load_rulebook
    from lawcheck.settings import Settings

    data = path.read_bytes()
    tokenizer = spacy.blank(lang).tokenizer
    tag("warm up", lang)  # both sides start with their pipeline built and their rules loaded
    load_rulebook()
    started = time.process_time()
    text = " ".join(etree.fromstring(data, secure_parser()).itertext())
    parsed = time.process_time()
    tokenizer(text)
    floor_end = time.process_time()
    check = check_document(read_document(path), lang=lang)
    checked = time.process_time()
    analysis, assessed, rulebook = check.analysis, check.assessed, load_rulebook()
    paragraphs = [eid for eid in analysis.units
                  if (article := analysis.article_of(eid)) is not None and article.eid != eid]
    step = max(1, len(paragraphs) // (EDITS + 1))
    times = []
    for eid in paragraphs[step::step][:EDITS]:
        edited = analysis.units[eid].tagged.text + " The order shall not exceed ninety days."
        begin = time.process_time()
        analysis.edit(eid, edited)
        assessed = reassess(analysis, rulebook, Settings(), assessed, eid)
        times.append(time.process_time() - begin)
    return {"words": len(text.split()), "provisions": len(analysis.units), "mb": len(data) / 1e6,
            "parse": parsed - started, "tokenize": floor_end - parsed, "check": checked - floor_end,
            "recheck_p95": percentile(times, 0.95), "peak_mb": peak_rss_mb()}


# --- the parent -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Timing:
    wall: float
    cpu: float  # user + sys of the command and its children


def run(args: list[str], *, check: bool = False) -> Timing:
    """Wall clock and CPU time of one command, output discarded."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run(args, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=check)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return Timing(wall, after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)


def median(timings: list[Timing]) -> Timing:
    return Timing(statistics.median(t.wall for t in timings), statistics.median(t.cpu for t in timings))


def lawcheck(*args: str) -> list[str]:
    return [sys.executable, "-m", "lawcheck.cli", *args]


def full_check(lang: str, words: int, folder: Path) -> dict[str, float]:
    path = folder / f"code_{lang}.xml"
    path.write_bytes(real_style_code(lang, words))
    result = subprocess.run([sys.executable, __file__, "--child", str(path), "--lang", lang],
                            env=ENV, capture_output=True, text=True, check=True)
    return json.loads(result.stdout)


def startup(folder: Path, rounds: int = 5) -> dict[str, Timing]:
    hostile = folder / "hostile.xml"
    hostile.write_bytes(HOSTILE)
    # Python compiles the package to bytecode on its first run, and the compiled rules are
    # built on the first check; both are done before timing, as an installed lawcheck has
    # them. (compileall writes the bytecode even where PYTHONDONTWRITEBYTECODE is set.)
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "lawcheck")], check=True)
    run(lawcheck("check", str(DEMO)))
    baseline, demo, refused = [], [], []
    for _ in range(rounds):  # interleaved, so that load changes hit all three alike
        baseline.append(run([sys.executable, "-c", "import spacy, lxml, pymorphy3"], check=True))
        demo.append(run(lawcheck("check", str(DEMO))))
        refused.append(run(lawcheck("check", str(hostile))))
    return {"import": median(baseline), "demo": median(demo), "hostile": median(refused)}


def batch(folder: Path, drafts: int = 20, words: int = 4000) -> dict[str, Timing]:
    source = folder / f"drafts_{words}"
    source.mkdir()
    for seed in range(drafts):
        lang = ("en", "ru")[seed % 2]
        (source / f"draft_{seed:02}_{lang}.xml").write_bytes(real_style_code(lang, words, seed=seed))
    return {f"jobs{jobs}": run(lawcheck("check", str(source), "--jobs", str(jobs), "--format", "json",
                                        "-o", str(folder / f"reports_{words}_{jobs}")))
            for jobs in (1, 2)}


def machine() -> str:
    model = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                  if line.startswith("model name")), "unknown CPU")
    load = os.getloadavg()[0]
    return f"{os.cpu_count()} cores, {model}, Python {sys.version.split()[0]}, load average {load:.1f}"


def report_check(lang: str, r: dict[str, float]) -> None:
    floor = r["parse"] + r["tokenize"]
    print(f"full check {lang}  {r['words']:,} words, {r['provisions']:,} provisions, {r['mb']:.1f} MB: "
          f"check {r['check']:.2f} s, floor {floor:.2f} s (parse {r['parse']:.2f} + tokenize "
          f"{r['tokenize']:.2f}) -> {r['check'] / floor:.1f}x (goal <= 3x); peak RSS {r['peak_mb']:.0f} MB "
          f"(goal <= 1024)")
    print(f"recheck {lang}     one edited paragraph, p95 of {EDITS}: {r['recheck_p95'] * 1000:.0f} ms "
          f"(goal <= 100 ms)")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=300_000)
    parser.add_argument("--only", choices=["check", "startup", "batch"])
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--lang", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(check_in_this_process(args.child, args.lang)))
        return 0
    print(machine())
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        if args.only in (None, "check"):
            for lang in ("en", "ru"):
                report_check(lang, full_check(lang, args.words, folder))
        if args.only in (None, "startup"):
            s = startup(folder)
            print(f"startup      lawcheck check demo {s['demo'].wall:.2f} s wall / {s['demo'].cpu:.2f} s CPU vs "
                  f"import spacy, lxml, pymorphy3 {s['import'].wall:.2f} / {s['import'].cpu:.2f} s -> "
                  f"{s['demo'].wall / s['import'].wall:.2f}x wall, {s['demo'].cpu / s['import'].cpu:.2f}x CPU "
                  "(goal <= 1.5x)")
            print(f"hostile      refused in {s['hostile'].wall:.2f} s wall / {s['hostile'].cpu:.2f} s CPU "
                  "(goal < 0.5 s)")
        if args.only in (None, "batch"):
            for words in (4000, 20000):  # the development laws' size, and a longer Act or a code's Part
                b = batch(folder, words=words)
                print(f"batch        20 drafts of ~{words:,} words: --jobs 2 {b['jobs2'].wall:.1f} s vs --jobs 1 "
                      f"{b['jobs1'].wall:.1f} s wall -> {b['jobs2'].wall / b['jobs1'].wall:.2f}x (goal <= 0.6x); "
                      f"CPU {b['jobs2'].cpu:.1f} vs {b['jobs1'].cpu:.1f} s")
        print(f"load average at the end {os.getloadavg()[0]:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
