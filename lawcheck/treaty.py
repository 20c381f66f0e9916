"""The treaty vocabulary every layer shares: instruments, how an article is cited, and the
orders in which statuses and finding categories are listed.

Kept here once so that the report, the commentary and the page cannot drift apart; the rule
files name instruments by these ids (`BC`, `SP`).
"""

from __future__ import annotations

from lawcheck.errors import InputError

INSTRUMENT_IDS = ("BC", "SP")
INSTRUMENTS = {"BC": "Convention on Cybercrime (ETS No. 185)",
               "SP": "Second Additional Protocol (CETS No. 224)"}
TREATY_NUMBERS = {"BC": "ETS 185", "SP": "CETS 224"}
"""The short form used in citations: "Art. 16(2) ETS 185"."""

STATUSES = ("implemented", "partial", "missing", "not_applicable", "not_assessed")
"""Requirement statuses in the order of the report summary."""

CATEGORIES = ("conflict", "missing_safeguard", "missing_power", "missing_offence",
              "missing_cooperation", "missing_definition", "partial", "consistency")
"""Finding categories in the order a reviewer reads them: conflicts and missing safeguards first."""

SEVERITIES = ("high", "medium", "low")


def cite(instrument: str, article: str) -> str:
    """"Art. 16(2) ETS 185": an article (or paragraph) as the treaty literature cites it."""
    return f"Art. {article} {TREATY_NUMBERS.get(instrument, '')}".strip()


def parse_instruments(value: str) -> tuple[str, ...]:
    """`--instruments BC,SP` as a tuple of known ids, in the order given, without repeats."""
    chosen = tuple(dict.fromkeys(part.strip().upper() for part in value.split(",") if part.strip()))
    unknown = [c for c in chosen if c not in INSTRUMENT_IDS]
    if not chosen or unknown:
        raise InputError(f"--instruments: expected BC, SP or BC,SP, got {value!r}")
    return chosen
