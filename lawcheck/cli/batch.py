"""`lawcheck check` on several drafts or a folder: a process pool, one report per draft in
-o DIR, progress on stderr and a summary table on stdout.

A draft that cannot be read gets its one-line error and the others go on; the exit code is
the worst of the drafts' (internal error, then input error, then findings, then clean).
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from lawcheck.cli import check
from lawcheck.cli.exits import EXIT_FINDINGS, EXIT_INPUT, EXIT_INTERNAL, EXIT_OK
from lawcheck.cli.stderr import drop_warnings, flush_warnings
from lawcheck.errors import InputError
from lawcheck.ingest import DRAFT_SUFFIXES

if TYPE_CHECKING:
    from multiprocessing.context import BaseContext

READABLE_SUFFIXES = (".xml", *DRAFT_SUFFIXES)

_SEVERITY = {EXIT_OK: 0, EXIT_FINDINGS: 1, EXIT_INPUT: 2, EXIT_INTERNAL: 3}
REPORT_SUFFIXES = {"text": ".txt", "json": ".json", "md": ".md", "html": ".html", "docx": ".docx"}


@dataclass(frozen=True)
class Outcome:
    """What one draft of a batch came to."""

    path: Path
    code: int
    seconds: float
    summary: dict[str, int] | None = None
    error: str | None = None


def worst(codes: list[int]) -> int:
    return max(codes, key=lambda code: _SEVERITY.get(code, 3), default=EXIT_OK)


def expand(paths: list[Path]) -> list[Path]:
    """The drafts named, folders replaced by the drafts they hold (not recursively, sorted)."""
    drafts: list[Path] = []
    for path in paths:
        if path.is_dir():
            drafts += sorted(p for p in path.iterdir() if p.is_file() and p.suffix.lower() in READABLE_SUFFIXES)
        else:
            drafts.append(path)
    return drafts


def report_paths(drafts: list[Path], folder: Path, report_format: str) -> list[Path]:
    """One report per draft, named after it; drafts of the same name get their folder's name too."""
    suffix = REPORT_SUFFIXES[report_format]
    stems = [draft.stem for draft in drafts]
    return [folder / (f"{draft.parent.name}_{draft.stem}{suffix}" if stems.count(draft.stem) > 1
                      else f"{draft.stem}{suffix}") for draft in drafts]


def run(args: argparse.Namespace) -> int:
    """`lawcheck check`: one draft is checked on its own, several drafts or a folder as a batch."""
    paths = [Path(name) for name in args.file]
    if len(paths) > 1 or paths[0].is_dir():
        return run_batch(args, paths)
    return check.run(args)


def check_one(args: argparse.Namespace, draft: Path, output: Path | None) -> Outcome:
    """One draft of the batch, with every failure turned into its one-line error; its warnings
    are printed when it succeeds and dropped when it fails, as for a single draft."""
    started = time.perf_counter()
    try:
        code, result = check.check_file(args, draft, in_batch=True)
        if output is not None:
            check.write_report(result, args.format, str(output), inputs=[draft])
    except InputError as error:
        drop_warnings()
        return Outcome(draft, EXIT_INPUT, time.perf_counter() - started, error=str(error))
    except Exception as error:
        drop_warnings()
        return Outcome(draft, EXIT_INTERNAL, time.perf_counter() - started,
                       error=f"internal error: {type(error).__name__}: {error}")
    flush_warnings()
    return Outcome(draft, code, time.perf_counter() - started, summary=result.report["summary"])


def _progress(done: int, total: int, outcome: Outcome) -> None:
    if outcome.error:
        state = f"error: {outcome.error}"
    else:
        state = f"{outcome.summary['findings']} finding(s)" if outcome.summary else "done"
    print(f"lawcheck: [{done}/{total}] {outcome.path}: {state} ({outcome.seconds:.1f} s)", file=sys.stderr)


def summary_table(outcomes: list[Outcome]) -> str:
    """One line per draft: its statuses, findings and exit code."""
    width = max([len(str(o.path)) for o in outcomes] + [5])
    header = (f"{'draft':<{width}}  {'implemented':>11}  {'partial':>7}  {'missing':>7}  "
              f"{'findings':>8}  {'exit':>4}  {'seconds':>7}")
    lines = [header, "-" * len(header)]
    for o in outcomes:
        if o.summary is None:
            cells = f"{'-':>11}  {'-':>7}  {'-':>7}  {'-':>8}"
        else:
            s = o.summary
            cells = (f"{s.get('implemented', 0):>11}  {s.get('partial', 0):>7}  {s.get('missing', 0):>7}  "
                     f"{s.get('findings', 0):>8}")
        lines.append(f"{o.path!s:<{width}}  {cells}  {o.code:>4}  {o.seconds:>7.1f}")
    return "\n".join(lines) + "\n"


def default_jobs() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def run_batch(args: argparse.Namespace, paths: list[Path]) -> int:
    """Check every draft; a bad one is reported and skipped."""
    if args.db:
        raise InputError("--db names one draft's decisions: leave it out when checking several")
    drafts = expand(paths)
    if not drafts:
        raise InputError(f"no drafts ({', '.join(READABLE_SUFFIXES)}) in {', '.join(map(str, paths))}")
    folder = Path(args.output) if args.output else None
    if folder is None and args.format == "docx":
        raise InputError("--format docx writes Word files: add -o DIR")
    if folder is not None:
        if folder.exists() and not folder.is_dir():
            raise InputError(f"-o {folder}: with several drafts, -o names a folder")
        folder.mkdir(parents=True, exist_ok=True)
    outputs: list[Path | None] = list(report_paths(drafts, folder, args.format)) if folder \
        else [None] * len(drafts)
    jobs = max(1, args.jobs or default_jobs())
    outcomes = _run_sequentially(args, drafts, outputs) if jobs == 1 or len(drafts) == 1 \
        else _run_in_pool(args, drafts, outputs, jobs)
    sys.stdout.write(summary_table(outcomes))
    return worst([o.code for o in outcomes])


def _run_sequentially(args: argparse.Namespace, drafts: list[Path], outputs: list[Path | None]) -> list[Outcome]:
    outcomes = []
    for index, (draft, output) in enumerate(zip(drafts, outputs, strict=True), start=1):
        outcomes.append(check_one(args, draft, output))
        _progress(index, len(drafts), outcomes[-1])
    return outcomes


def largest_first(drafts: list[Path]) -> list[int]:
    """The drafts' indexes, largest file first: a long code started last would keep one worker
    busy while the others wait."""
    def size(index: int) -> int:
        try:
            return drafts[index].stat().st_size
        except OSError:  # reported by its check, in its turn
            return 0
    return sorted(range(len(drafts)), key=size, reverse=True)


def _warm_up() -> None:
    """Load the engine, the rules and both languages' tokenizers once, before the workers
    fork: they then start with all of it in memory instead of loading it each."""
    import lawcheck.pipeline  # noqa: F401
    from lawcheck.concepts import tag
    from lawcheck.rulebook.loader import load_rulebook

    load_rulebook()
    for lang in ("en", "ru"):
        tag("warm up", lang)
    # What was loaded is kept for the whole run: moved out of the collector's reach, so that
    # no collection in a worker touches (and so copies) the pages the workers share.
    gc.freeze()


def _pool_context() -> BaseContext | None:
    """fork where the platform has it (workers inherit the warmed-up engine), else the default."""
    import multiprocessing  # a single draft is checked without the pool's machinery

    return multiprocessing.get_context("fork") if "fork" in multiprocessing.get_all_start_methods() else None


def _run_in_pool(args: argparse.Namespace, drafts: list[Path], outputs: list[Path | None],
                 jobs: int) -> list[Outcome]:
    """Drafts spread over `jobs` processes; results in the order the drafts were given."""
    from concurrent.futures import ProcessPoolExecutor, as_completed

    outcomes: dict[int, Outcome] = {}
    context = _pool_context()
    if context is not None:
        _warm_up()  # the pipeline and its data, loaded before the fork
    with ProcessPoolExecutor(max_workers=min(jobs, len(drafts)), mp_context=context) as pool:
        futures = {pool.submit(check_one, args, drafts[index], outputs[index]): index
                   for index in largest_first(drafts)}
        for done, future in enumerate(as_completed(futures), start=1):
            index = futures[future]
            try:
                outcomes[index] = future.result()
            except Exception as error:  # the worker process itself died
                outcomes[index] = Outcome(drafts[index], EXIT_INTERNAL, 0.0,
                                          error=f"internal error: {type(error).__name__}: {error}")
            _progress(done, len(drafts), outcomes[index])
    return [outcomes[index] for index in range(len(drafts))]
