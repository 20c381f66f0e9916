"""Which decisions database a command uses for a draft: `--db PATH` when given, else the
draft's database in the workspace (`lawcheck.decisions.location`), the one the page uses."""

from __future__ import annotations

import argparse
from pathlib import Path

from lawcheck.akn import Document
from lawcheck.cli.stderr import warn
from lawcheck.decisions.location import DB_SUFFIX, command_line_workspace, database_path
from lawcheck.draft import is_draft_file


def decisions_path(args: argparse.Namespace, path: Path, document: Document) -> tuple[Path, bool]:
    """The database for the draft at `path` and whether the user named it with --db."""
    if getattr(args, "db", None):
        return Path(args.db), True
    beside = path.with_name(path.stem + DB_SUFFIX)
    if beside.is_file():
        warn(path, [f"{beside.name} beside the draft is read only with --db {beside.name}; decisions are kept "
                    "per workspace (--workspace, $LAWCHECK_WORKSPACE)"])
    workspace = command_line_workspace(getattr(args, "workspace", None))
    return draft_database(document, path.name, workspace=workspace), False


def draft_database(document: Document, source: str, *, workspace: str) -> Path:
    """The database of a draft read from `source` (a file name: a .docx or .txt was imported),
    by the same identity the page takes from the report's `document` object."""
    described = {"title": document.frbr.title or source, "frbr_uri": document.frbr.work_uri, "source": source}
    return database_path(described, imported=is_draft_file(source), workspace=workspace)
