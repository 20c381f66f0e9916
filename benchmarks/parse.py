"""How fast and how lean is reading a whole code? A ~300,000-word act, in English and Russian.

Builds a synthetic code by repeating and renumbering real articles (the devset laws in
../shared/devset/akn; lawcheck's own corpora/national drafts when ../shared is absent), with
unique eIds, writes it to a temporary file and prints for each language:

  raw parse    lxml parsing the bytes with the secure options (the floor); CPU time
  read         lawcheck.akn.read_document: size check, DOCTYPE scan, parse, Document build
               (provisions, text, references resolved, definitions)
  ratio        read / raw parse (target <= 5x)
  peak memory  peak RSS of a fresh process that reads the file (target <= 500 MB), and the
               peak of Python allocations (tracemalloc; lxml's C memory is not in it)

Usage: python benchmarks/parse.py [--words 300000] [--runs 3]
"""

from __future__ import annotations

import argparse
import copy
import gc
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

from lxml import etree

from lawcheck.akn import generate_eids, read_document
from lawcheck.akn.reader import secure_parser

ROOT = Path(__file__).resolve().parents[1]
DEVSET = ROOT.parent / "shared" / "devset" / "akn"
NATIONAL = ROOT / "corpora" / "national"
AKN = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
NS = f"{{{AKN}}}"
SOURCES = {
    "en": (["tz_cca_2015.xml", "ca_cc_excerpt.xml"], ["en_model_law.xml", "en_gaps_draft.xml"]),
    "ru": (["kz_uk_2014_excerpt.xml", "kz_svyaz_2004_excerpt.xml"],
           ["ru_complete_draft.xml", "ru_cpc_amendment.xml"]),
}
UNIT = {"en": ("section", "{n}.", "Part {n}"), "ru": ("article", "Статья {n}.", "Глава {n}.")}


def source_files(language: str) -> list[Path]:
    """The real laws when ../shared is there, else the project's own drafts."""
    devset, national = SOURCES[language]
    files = [DEVSET / name for name in devset if (DEVSET / name).is_file()]
    return files or [NATIONAL / name for name in national if (NATIONAL / name).is_file()]


def template_units(files: list[Path], element: str) -> list[etree._Element]:
    """Every article/section of the source laws, without eIds (regenerated later)."""
    units = []
    for path in files:
        root = etree.parse(str(path), secure_parser()).getroot()
        for unit in root.iter(f"{NS}{element}"):
            clone = copy.deepcopy(unit)
            for node in clone.iter():
                if isinstance(node.tag, str):
                    node.attrib.pop("eId", None)
            units.append(clone)
    if not units:
        raise SystemExit(f"no <{element}> found in {', '.join(map(str, files))}")
    return units


def words(element: etree._Element) -> int:
    return len(" ".join(element.itertext()).split())


def synthetic_code(language: str, target_words: int) -> bytes:
    """A ~target_words act: real units repeated and renumbered, in chapters of 20."""
    element, num_format, chapter_format = UNIT[language]
    templates = template_units(source_files(language), element)
    root = etree.Element(f"{NS}akomaNtoso", nsmap={None: AKN})
    act = etree.SubElement(root, f"{NS}act", name="act")
    _meta(act, language)
    body = etree.SubElement(act, f"{NS}body")
    total, number, chapter = 0, 0, None
    while total < target_words:
        template = templates[number % len(templates)]
        if number % 20 == 0:
            chapter = etree.SubElement(body, f"{NS}chapter")
            etree.SubElement(chapter, f"{NS}num").text = chapter_format.format(n=number // 20 + 1)
        number += 1
        unit = copy.deepcopy(template)
        unit.find(f"{NS}num").text = num_format.format(n=number)
        chapter.append(unit)
        total += words(unit)
    generate_eids(root)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


def _meta(act: etree._Element, language: str) -> None:
    code = {"en": "eng", "ru": "rus"}[language]
    meta = etree.SubElement(act, f"{NS}meta")
    identification = etree.SubElement(meta, f"{NS}identification", source="#bench")
    work = etree.SubElement(identification, f"{NS}FRBRWork")
    etree.SubElement(work, f"{NS}FRBRuri", value="/akn/xx/act/2025/bench")
    etree.SubElement(work, f"{NS}FRBRname", value=f"Synthetic code ({language})")
    expression = etree.SubElement(identification, f"{NS}FRBRExpression")
    etree.SubElement(expression, f"{NS}FRBRuri", value=f"/akn/xx/act/2025/bench/{code}@")
    etree.SubElement(expression, f"{NS}FRBRlanguage", language=code)


def best_of(runs: int, action) -> tuple[float, object]:
    """Best CPU time of `runs` runs: CPU time, not wall time, because the machines this runs
    on are shared and wall time swings with the neighbours' load."""
    best, result = float("inf"), None
    for _ in range(runs):
        result = None
        gc.collect()
        started = time.process_time()
        result = action()
        best = min(best, time.process_time() - started)
    return best, result


def peak_rss_mb() -> float:
    """Peak resident set size of this process so far, in MB.

    Linux's VmHWM, which exec resets; ru_maxrss is inherited from the parent across
    fork+exec, so a child would report the parent's peak (used only where /proc is absent).
    """
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def read_in_fresh_process(path: Path, runs: int) -> dict[str, float]:
    """Time and memory of read_document in a new interpreter: the peak RSS is then the
    reader's own, not that of building the synthetic code."""
    result = subprocess.run([sys.executable, __file__, "--read", str(path), "--runs", str(runs)],
                            capture_output=True, text=True, check=True,
                            env={**os.environ, "PYTHONPATH": str(ROOT)})
    return json.loads(result.stdout)


def read_only(path: Path, runs: int) -> dict[str, float]:
    """The child's side: read the file `runs` times (best CPU time), then once traced."""
    baseline = peak_rss_mb()
    read_time, document = best_of(runs, lambda: read_document(path))
    peak = peak_rss_mb()
    stats = {"read": read_time, "rss_baseline": baseline, "rss_peak": peak,
             "provisions": sum(1 for _ in document.walk()),
             "references": len(document.references), "definitions": len(document.definitions),
             "words": len(document.text.split())}
    del document
    gc.collect()
    tracemalloc.start()  # one more run, traced: tracemalloc slows Python code down
    read_document(path)
    stats["python_peak"] = tracemalloc.get_traced_memory()[1] / 1e6
    tracemalloc.stop()
    return stats


def measure(language: str, target_words: int, runs: int) -> dict[str, float]:
    data = synthetic_code(language, target_words)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"code_{language}.xml"
        path.write_bytes(data)
        parse_time, _ = best_of(runs, lambda: etree.fromstring(data, secure_parser()))
        stats = read_in_fresh_process(path, runs)
    return {**stats, "parse": parse_time, "mb": len(data) / 1e6}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=300_000)
    parser.add_argument("--runs", type=int, default=3, help="timings are the best of N runs")
    parser.add_argument("--read", type=Path, help=argparse.SUPPRESS)  # child process
    args = parser.parse_args(argv)
    if args.read:
        print(json.dumps(read_only(args.read, args.runs)))
        return 0
    origin = "devset" if DEVSET.is_dir() else "corpora/national (../shared absent)"
    print(f"synthetic codes of ~{args.words:,} words from {origin}; best CPU time of "
          f"{args.runs} runs")
    for language in ("en", "ru"):
        r = measure(language, args.words, args.runs)
        ratio = r["read"] / r["parse"]
        print(f"\n[{language}] {r['words']:,} words, {r['mb']:.1f} MB, {r['provisions']:,} "
              f"provisions, {r['references']:,} references, {r['definitions']:,} definitions")
        print(f"  raw lxml parse     {r['parse'] * 1000:8.1f} ms")
        print(f"  read_document      {r['read'] * 1000:8.1f} ms   "
              f"(build {1000 * (r['read'] - r['parse']):.1f} ms)")
        print(f"  ratio              {ratio:8.1f} x    (target <= 5x)")
        print(f"  peak memory        {r['rss_peak']:8.1f} MB RSS of a process that read it "
              f"({r['rss_peak'] - r['rss_baseline']:.0f} MB above the interpreter with lawcheck "
              f"loaded); Python allocations peak {r['python_peak']:.0f} MB (target <= 500 MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
