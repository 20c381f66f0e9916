"""Does any well-formed draft crash lawcheck or run away? A long corpus run of the fuzz inserts.

Takes every draft of corpora/national and tests/data, inserts hostile but well-formed text
(tests/fuzzing.py: digits of other scripts, huge numbers, deep nesting, thousands of
references, odd Unicode, markup; text drafts also as Word files) and runs check, validate,
diff and import in-process through the CLI entry point. Every run must end in exit 0, 2 (one
stderr line) or 3, within 10 s and 1 GB. Prints the cases and runs tried, internal errors,
contract breaks, the slowest run and the peak traced memory of a sample of runs.

With --large it also checks big drafts (a 300,000-word code, a 440,000-word text draft) in fresh
processes and prints their peak RSS as a multiple of the input size, above the RSS of
checking a one-section draft (the models and the rulebook).

Usage: python benchmarks/fuzz.py [--cases 500] [--seed 14] [--memory-every 10] [--large]
"""

from __future__ import annotations

import argparse
import random
import resource
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from fuzzing import (  # tests/fuzzing.py
    AKN_DRAFTS,
    REPO,
    SNIPPETS,
    TEXT_DRAFTS,
    Run,
    commands_for,
    insert_line,
    insert_text,
    nest_deeply,
    run_cli,
    word_file,
)


def mutate(rng: random.Random, folder: Path, case: int) -> tuple[Path, Path]:
    """One mutated draft written to `folder`: (original, mutated)."""
    original = rng.choice((*AKN_DRAFTS, *TEXT_DRAFTS))
    if original.suffix == ".txt":
        text = original.read_text(encoding="utf-8")
        for _ in range(rng.randint(1, 3)):
            text = insert_line(text, rng.randrange(1 << 16), rng.choice(SNIPPETS))
        if rng.random() < 0.5:
            mutated = folder / f"case{case}.docx"
            mutated.write_bytes(word_file(text))
        else:
            mutated = folder / f"case{case}.txt"
            mutated.write_text(text, encoding="utf-8")
        return original, mutated
    xml = original.read_bytes()
    if rng.random() < 0.15:
        xml = nest_deeply(xml, rng.randrange(1 << 16), rng.choice((20, 120, 240)))
    for _ in range(rng.randint(1, 3)):
        xml = insert_text(xml, rng.randrange(1 << 16), rng.randrange(1 << 16), rng.choice(SNIPPETS))
    mutated = folder / f"case{case}.xml"
    mutated.write_bytes(xml)
    return original, mutated


def fuzz(cases: int, seed: int, memory_every: int) -> bool:
    """The corpus run; True when every run kept the contract."""
    rng = random.Random(seed)
    runs: list[Run] = []
    traced: list[tuple[Run, int]] = []
    problems: Counter[str] = Counter()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        run_cli(["check", str(AKN_DRAFTS[0]), "--format", "json"])  # load models and rulebook once
        for case in range(cases):
            original, mutated = mutate(rng, folder, case)
            for argv in commands_for(original, mutated, folder / "out.xml"):
                run = run_cli(argv)
                runs.append(run)
                if run.problem:
                    problems[run.problem.split(":")[0]] += 1
                    print(f"case {case} {argv[0]} {mutated.name}: {run.problem}", file=sys.stderr)
            if memory_every and case % memory_every == 0:
                traced.append((run_cli(["check", str(mutated), "--format", "json"], trace_memory=True),
                               mutated.stat().st_size))
            mutated.unlink()
    slowest = max(runs, key=lambda run: run.seconds)
    internal = sum(run.code not in (0, 2, 3) for run in runs)
    print(f"cases {cases} (seed {seed}), runs {len(runs)} {dict(Counter(run.argv[0] for run in runs))}")
    print(f"exit codes {dict(sorted(Counter(run.code for run in runs).items()))}")
    print(f"internal errors {internal}, contract breaks {sum(problems.values())} {dict(problems)}")
    print(f"slowest run {slowest.seconds:.2f} s, {slowest.cpu_seconds:.2f} s of CPU ({slowest.argv[0]} "
          f"{Path(slowest.argv[1]).name}); runs over 10 s: {sum(run.seconds > 10 for run in runs)} "
          f"of wall time, {sum(run.cpu_seconds > 10 for run in runs)} of CPU time")
    if traced:
        peak = max(run.peak_bytes for run, _ in traced)
        print(f"peak traced memory of a check {peak / 2**20:.0f} MB over {len(traced)} sampled checks "
              f"(runs over 1 GB: {sum(run.peak_bytes > 2**30 for run, _ in traced)})")
    print(f"peak RSS of the fuzzing process {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")
    return not internal and not problems


def check_in_fresh_process(path: Path) -> tuple[float, float, float, int]:
    """Wall seconds, CPU seconds, peak RSS in MB and exit code of `lawcheck check path` in its
    own process (CPU time as well, since a shared machine stretches the wall time)."""
    code = ("import resource, sys\nfrom lawcheck.cli import main\n"
            "status = main(['check', sys.argv[1], '--format', 'json', '-o', sys.argv[2]])\n"
            "usage = resource.getrusage(resource.RUSAGE_SELF)\n"
            "print(usage.ru_maxrss, usage.ru_utime + usage.ru_stime, status)")
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", code, str(path), str(path.with_suffix(".json"))],
                          capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - started
    rss_kb, cpu, status = done.stdout.split()[-3:] if done.stdout.strip() else ("0", "0", "1")
    return seconds, float(cpu), int(rss_kb) / 1024, int(status)


def large_drafts(folder: Path) -> list[Path]:
    """A small draft (the baseline), a 300,000-word code and a 2.8 MB (440,000-word) text draft."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from parse import synthetic_code  # benchmarks/parse.py

    small = folder / "small.xml"
    small.write_bytes((REPO / "tests" / "data" / "diff" / "en_base.xml").read_bytes())
    code = folder / "code_300k_words.xml"
    code.write_bytes(synthetic_code("en", 300_000))
    sentence = ("A judge may order a service provider to preserve specified computer data for a period "
                "not exceeding ninety (90) days, renewable once, where there are grounds to believe that "
                "the data is vulnerable to loss or modification under section {n}. ")
    article = ("Article {n}. Preservation of data\n(1) " + sentence * 4 + "\n(2) The order shall state the "
               "grounds, the data and the period; " + sentence * 3 + "\n\n")
    text = folder / "text_2_8mb.txt"
    size, parts, n = 0, [], 1
    while size < 2_900_000:
        part = article.format(n=n)
        parts.append(part)
        size += len(part.encode("utf-8"))
        n += 1
    text.write_text("".join(parts), encoding="utf-8")
    return [small, code, text]


def large(folder: Path) -> None:
    """Peak memory of big drafts as a multiple of their size, above the baseline."""
    drafts = large_drafts(folder)
    _, _, baseline, _ = check_in_fresh_process(drafts[0])
    print(f"baseline: checking a small draft peaks at {baseline:.0f} MB RSS")
    for path in drafts[1:]:
        size = path.stat().st_size
        seconds, cpu, rss, status = check_in_fresh_process(path)
        print(f"{path.name}: {size / 2**20:.1f} MB, exit {status}, {seconds:.1f} s ({cpu:.1f} s CPU), "
              f"peak {rss:.0f} MB RSS = {rss * 2**20 / size:.0f}x the input, "
              f"{(rss - baseline) * 2**20 / size:.0f}x above the baseline")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=500, help="mutated drafts to try (0: only --large)")
    parser.add_argument("--seed", type=int, default=14)
    parser.add_argument("--memory-every", type=int, default=10, help="trace the memory of every Nth case (0: none)")
    parser.add_argument("--large", action="store_true", help="also measure big drafts in fresh processes")
    args = parser.parse_args()
    kept = fuzz(args.cases, args.seed, args.memory_every) if args.cases else True
    if args.large:
        with tempfile.TemporaryDirectory() as tmp:
            large(Path(tmp))
    return 0 if kept else 1


if __name__ == "__main__":
    sys.exit(main())
