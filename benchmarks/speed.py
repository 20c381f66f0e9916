"""Is lawcheck fast where users feel it? Prints, from one run, the numbers issue 13 sets goals for.

  full check   a real-style ~300,000-word code (realcode.py) checked end to end, against the
               floor of lxml parsing plus spacy.blank tokenization of the same text, timed in
               the same process; and that process's peak RSS             (goal <= 3x, <= 1 GB)
  recheck      one edited paragraph re-tagged and the draft re-assessed, p95 of 40 edits
               spread over the code                                      (goal <= 100 ms)
  startup      `lawcheck check` of the demo draft, wall clock, against
               `python -c 'import spacy, lxml, pymorphy3'`, medians      (goal <= 1.5x)
  hostile      `lawcheck check` refusing a DOCTYPE bomb, wall clock      (goal < 0.5 s)
  batch        20 drafts with --jobs 2 against --jobs 1                   (goal <= 0.6x)

Wall-clock numbers swing with the machine's load; the ratios are measured side by side, so
they are what to compare between runs.

Usage: python benchmarks/speed.py [--words 300000] [--only check|startup|batch]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
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
    started = time.perf_counter()
    text = " ".join(etree.fromstring(data, secure_parser()).itertext())
    parsed = time.perf_counter()
    tokenizer(text)
    floor_end = time.perf_counter()
    check = check_document(read_document(path), lang=lang)
    checked = time.perf_counter()
    analysis, assessed, rulebook = check.analysis, check.assessed, load_rulebook()
    paragraphs = [eid for eid in analysis.units
                  if (article := analysis.article_of(eid)) is not None and article.eid != eid]
    step = max(1, len(paragraphs) // (EDITS + 1))
    times = []
    for eid in paragraphs[step::step][:EDITS]:
        edited = analysis.units[eid].tagged.text + " The order shall not exceed ninety days."
        begin = time.perf_counter()
        analysis.edit(eid, edited)
        assessed = reassess(analysis, rulebook, Settings(), assessed, eid)
        times.append(time.perf_counter() - begin)
    return {"words": len(text.split()), "provisions": len(analysis.units), "mb": len(data) / 1e6,
            "parse": parsed - started, "tokenize": floor_end - parsed, "check": checked - floor_end,
            "recheck_p95": percentile(times, 0.95), "peak_mb": peak_rss_mb()}


# --- the parent -----------------------------------------------------------------------------


def run(args: list[str], *, check: bool = False) -> float:
    """Wall clock of one command, output discarded."""
    started = time.perf_counter()
    subprocess.run(args, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=check)
    return time.perf_counter() - started


def lawcheck(*args: str) -> list[str]:
    return [sys.executable, "-m", "lawcheck.cli", *args]


def full_check(lang: str, words: int, folder: Path) -> dict[str, float]:
    path = folder / f"code_{lang}.xml"
    path.write_bytes(real_style_code(lang, words))
    result = subprocess.run([sys.executable, __file__, "--child", str(path), "--lang", lang],
                            env=ENV, capture_output=True, text=True, check=True)
    return json.loads(result.stdout)


def startup(folder: Path, rounds: int = 5) -> dict[str, float]:
    hostile = folder / "hostile.xml"
    hostile.write_bytes(HOSTILE)
    run(lawcheck("check", str(DEMO)))  # the compiled rules are built once, as on first use
    baseline, demo, refused = [], [], []
    for _ in range(rounds):  # interleaved, so that load changes hit all three alike
        baseline.append(run([sys.executable, "-c", "import spacy, lxml, pymorphy3"], check=True))
        demo.append(run(lawcheck("check", str(DEMO))))
        refused.append(run(lawcheck("check", str(hostile))))
    return {"import": statistics.median(baseline), "demo": statistics.median(demo),
            "hostile": statistics.median(refused)}


def batch(folder: Path, drafts: int = 20, words: int = 4000) -> dict[str, float]:
    source = folder / "drafts"
    source.mkdir()
    for seed in range(drafts):
        lang = ("en", "ru")[seed % 2]
        (source / f"draft_{seed:02}_{lang}.xml").write_bytes(real_style_code(lang, words, seed=seed))
    times = {}
    for jobs in (1, 2):
        times[jobs] = run(lawcheck("check", str(source), "--jobs", str(jobs), "--format", "json",
                                   "-o", str(folder / f"reports_{jobs}")))
    return {"drafts": drafts, "words": words, "jobs1": times[1], "jobs2": times[2]}


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
            print(f"startup      lawcheck check demo {s['demo']:.2f} s vs import spacy, lxml, pymorphy3 "
                  f"{s['import']:.2f} s -> {s['demo'] / s['import']:.2f}x (goal <= 1.5x)")
            print(f"hostile      refused in {s['hostile']:.2f} s (goal < 0.5 s)")
        if args.only in (None, "batch"):
            b = batch(folder)
            print(f"batch        {b['drafts']} drafts of ~{b['words']:,} words: --jobs 2 {b['jobs2']:.1f} s vs "
                  f"--jobs 1 {b['jobs1']:.1f} s -> {b['jobs2'] / b['jobs1']:.2f}x (goal <= 0.6x)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
