"""How fast is a full check of a whole code? A ~300,000-word act in English and Russian,
built from real law text (see parse.py), checked end to end.

Prints for each language:
  floor        lxml parsing plus spacy.blank tokenization of the same text
  check        read_document + check_document (alignment, evaluation, findings, report)
  ratio        check / floor (target <= 3x, and <= 5 s)
  recheck      re-tagging one edited provision and re-assessing the draft (target <= 100 ms)
  peak memory  peak RSS of the process (target <= 1 GB)

Usage: python benchmarks/speed.py [--words 300000]
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from pathlib import Path

import spacy
from lxml import etree
from parse import synthetic_code  # benchmarks/parse.py

from lawcheck.akn import read_document
from lawcheck.akn.reader import secure_parser
from lawcheck.concepts import tag
from lawcheck.engine.evaluate import reassess
from lawcheck.pipeline import check_document
from lawcheck.rulebook.loader import load_rulebook
from lawcheck.settings import Settings


def seconds(action) -> tuple[float, object]:  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    result = action()
    return time.perf_counter() - start, result


def measure(lang: str, words: int) -> None:
    data = synthetic_code(lang, words)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"code_{lang}.xml"
        path.write_bytes(data)
        text = " ".join(etree.fromstring(data, secure_parser()).itertext())
        tokenizer = spacy.blank(lang).tokenizer
        parse_s, _ = seconds(lambda: etree.fromstring(data, secure_parser()))
        tokenize_s, _ = seconds(lambda: len(tokenizer(text)))
        floor = parse_s + tokenize_s
        load_rulebook()
        tag("warm up", lang)
        check_s, check = seconds(lambda: check_document(read_document(path), lang=lang))
        analysis = check.analysis  # type: ignore[attr-defined]
        # A paragraph in the middle of the code, as a drafter would edit it.
        paragraphs = [e for e in analysis.units if (a := analysis.article_of(e)) is not None and a.eid != e]
        eid = paragraphs[len(paragraphs) // 2]
        edited = analysis.units[eid].tagged.text + " The order shall not exceed ninety days."

        def recheck() -> object:
            analysis.edit(eid, edited)
            return reassess(analysis, load_rulebook(), Settings(), check.assessed, eid)  # type: ignore[attr-defined]

        recheck_s, _ = seconds(recheck)
    provisions = len(analysis.units)
    print(f"{lang}: {len(text.split()):,} words, {provisions:,} provisions | floor {floor:.2f} s "
          f"(parse {parse_s:.2f} + tokenize {tokenize_s:.2f}) | check {check_s:.2f} s | "
          f"ratio {check_s / floor:.1f}x | recheck one provision {recheck_s * 1000:.0f} ms | "
          f"peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=300_000)
    args = parser.parse_args(argv)
    for lang in ("en", "ru"):
        measure(lang, args.words)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
