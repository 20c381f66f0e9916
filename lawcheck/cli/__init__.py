"""The `lawcheck` command: one parser for every subcommand, and the exit codes of the contract.

Each subcommand runs in its own module of this package (`COMMANDS`)."""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence

from lawcheck import __version__
from lawcheck.cli.exits import EXIT_INPUT, EXIT_INTERNAL, EXIT_INTERRUPTED, EXIT_OK
from lawcheck.cli.stderr import drop_warnings, flush_warnings
from lawcheck.decisions.location import WORKSPACE_ENV
from lawcheck.errors import InputError

WORKSPACE_HELP = (f"whose decisions: the workspace named in the review page (default: ${WORKSPACE_ENV}, "
                  "else your account name)")
COMMANDS = {"check": "lawcheck.cli.batch", "rules": "lawcheck.cli.rules", "import": "lawcheck.cli.importing",
            "diff": "lawcheck.cli.diff", "review": "lawcheck.cli.review", "validate": "lawcheck.cli.validate"}
"""The module that runs each command, imported only when the command is chosen: the check
pipeline (spaCy) and python-docx are slow to load, and `lawcheck rules` should not pay for them."""


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage error is one line on stderr and exit code 2."""

    def error(self, message: str) -> None:  # type: ignore[override]
        raise InputError(f"{self.prog}: {message}")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="lawcheck", description="Check draft e-evidence laws against the "
                     "Budapest Convention (BC) and its Second Additional Protocol (SP).")
    parser.add_argument("--version", action="version", version=f"lawcheck {__version__}")
    parser.add_argument("--debug", action="store_true", help="show tracebacks of internal errors")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    check = sub.add_parser("check", help="check drafts against the treaties")
    check.add_argument("file", nargs="+", help="Akoma Ntoso 3.0 XML, .docx or .txt drafts, or folders of them; "
                       "with several, -o names a folder for one report each and a summary table is printed")
    check.add_argument("--format", choices=["text", "json", "md", "html", "docx"], default="text",
                       help="docx: the Word commentary (needs -o FILE.docx)")
    check.add_argument("-o", "--output", help="write the report here instead of stdout (several drafts: a folder)")
    check.add_argument("--jobs", type=int, default=None, metavar="N",
                       help="drafts checked in parallel (default: the number of cores)")
    check.add_argument("--db", metavar="PATH", help="reviewer decisions to show (default: the draft's "
                       "database in the workspace, the one the page uses, when it exists)")
    check.add_argument("--workspace", metavar="NAME", help=WORKSPACE_HELP)
    check.add_argument("--lang", choices=["auto", "en", "ru"], default="auto")
    check.add_argument("--ui-lang", choices=["auto", "en", "ru"], default="auto",
                       help="language of the report's words (default: the draft's)")
    check.add_argument("--instruments", default="BC,SP", help="BC, SP or BC,SP (default)")
    check.add_argument("--scope", help="assess only some groups of requirements: definitions, offences, "
                                       "procedural, cooperation (comma-separated; default all, or lawcheck.toml)")
    check.add_argument("--fail-on", choices=["missing", "conflict", "any"],
                       help="exit 3 when findings of this kind exist")
    check.add_argument("--max-bytes", type=int, default=None, help="refuse larger files")

    rules = sub.add_parser("rules", help="list or export the rule graph")
    rules.add_argument("--format", choices=["text", "json", "graphml", "md", "schema"],
                       default="text", help="schema prints the JSON Schema of rule files")
    rules.add_argument("-o", "--output", help="folder for --format md (default docs/rules)")

    imp = sub.add_parser("import", help="turn a .docx or .txt draft into Akoma Ntoso 3.0")
    imp.add_argument("file", help=".docx or .txt draft")
    imp.add_argument("-o", "--output", required=True, help="where to write the AKN XML ('-' for stdout)")
    imp.add_argument("--lang", choices=["auto", "en", "ru"], default="auto",
                     help="language of the draft (default: detected)")
    imp.add_argument("--title", help="title of the act (default: the draft's first title line, else the file name)")
    imp.add_argument("--country", help="ISO 3166 two-letter code for the FRBR URIs (default: xx)")
    imp.add_argument("--date", help="YYYY-MM-DD for the FRBR URIs (default: today)")
    imp.add_argument("--max-bytes", type=int, default=None, help="refuse larger files (default 50 MB)")

    diff = sub.add_parser("diff", help="compare two versions of a draft, or apply an amending act and compare")
    diff.add_argument("old", help="the earlier version, or the act being amended (AKN XML, .docx or .txt)")
    diff.add_argument("new", help="the later version, or an amending act (AKN XML, .docx or .txt)")
    diff.add_argument("--format", choices=["text", "json", "md", "html"], default="text")
    diff.add_argument("-o", "--output", help="write the diff here instead of stdout")
    diff.add_argument("--lang", choices=["auto", "en", "ru"], default="auto")
    diff.add_argument("--ui-lang", choices=["auto", "en", "ru"], default="auto",
                      help="language of the report's words (default: the draft's)")
    diff.add_argument("--instruments", default="BC,SP", help="BC, SP or BC,SP (default)")
    diff.add_argument("--as", dest="mode", choices=["auto", "version", "amendment"], default="auto",
                      help="treat NEW as a new version or as an amending act (default: detect)")
    diff.add_argument("--fail-on", choices=["missing", "conflict", "any"],
                      help="exit 3 when NEW adds findings of this kind")
    diff.add_argument("--max-bytes", type=int, default=None, help="refuse larger files")


    review = sub.add_parser("review", help="accept or dismiss a finding, or list the decisions on a draft")
    review.add_argument("file", help="the draft (Akoma Ntoso XML, .docx or .txt)")
    action = review.add_mutually_exclusive_group(required=True)
    action.add_argument("--accept", dest="decision", action="store_const", const="accepted",
                        help="the finding is right: the draft must change")
    action.add_argument("--dismiss", dest="decision", action="store_const", const="dismissed",
                        help="the finding is wrong or does not apply")
    action.add_argument("--list", action="store_true", help="list the decisions and how they apply to FILE")
    review.add_argument("--finding", metavar="CODE", help="the finding's code, e.g. BC-16/max_duration")
    review.add_argument("--provision", metavar="EID", help="which one, when the code occurs more than once")
    review.add_argument("--reason", help="why (required with --accept and --dismiss)")
    review.add_argument("--reviewer", default=os.environ.get("LAWCHECK_REVIEWER"),
                        help="who decides (default: $LAWCHECK_REVIEWER)")
    review.add_argument("--db", metavar="PATH", help="decisions database (default: the draft's database in the "
                        "workspace, the one the page uses)")
    review.add_argument("--workspace", metavar="NAME", help=WORKSPACE_HELP)
    review.add_argument("--format", choices=["text", "json"], default="text", help="output of --list")
    review.add_argument("--lang", choices=["auto", "en", "ru"], default="auto")
    review.add_argument("--instruments", default="BC,SP", help="BC, SP or BC,SP (default)")

    validate = sub.add_parser("validate", help="structural validation of an AKN file")
    validate.add_argument("file")
    validate.add_argument("--schema", help="also validate against this XSD")
    validate.add_argument("--max-bytes", type=int, default=None, help="refuse larger files")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    drop_warnings()
    try:
        args = build_parser().parse_args(argv)
        command = importlib.import_module(COMMANDS[args.command])
        code = command.run(args)
        flush_warnings()
        return code
    except InputError as error:
        drop_warnings()
        print(f"lawcheck: error: {error}", file=sys.stderr)
        return EXIT_INPUT
    except BrokenPipeError:  # the reader went away (`lawcheck rules | head`): not an error
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except KeyboardInterrupt:
        print("lawcheck: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except Exception as error:
        drop_warnings()
        if "--debug" in argv:
            raise
        print(f"lawcheck: internal error: {type(error).__name__}: {error} "
              "(run with --debug for details)", file=sys.stderr)
        return EXIT_INTERNAL

