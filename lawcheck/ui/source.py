"""What the page checks: the bundled demo or an upload, with the chosen options.

A request that fails (a hostile or broken file, no instrument chosen) yields the engine's one
line instead of a result, so the page can show it and keep the previous result. Word and
text drafts are imported by `lawcheck.draft`, as the commands do.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from lawcheck.data import demo_draft
from lawcheck.draft import Draft, is_draft_file, load_upload
from lawcheck.engine.align import Analysis
from lawcheck.errors import InputError
from lawcheck.ingest import DRAFT_SUFFIXES
from lawcheck.pipeline import Check, check_document
from lawcheck.rulebook.loader import load_rulebook
from lawcheck.settings import SCOPES, Settings, settings_from
from lawcheck.treaty import INSTRUMENT_IDS, parse_instruments
from lawcheck.ui.model import ReportView, build_view

LANGUAGES = ("auto", "en", "ru")


@dataclass(frozen=True)
class Source:
    """A draft's bytes, its name and their digest (the cache key: never the bytes)."""

    name: str
    data: bytes
    digest: str
    demo: bool = False

    @classmethod
    def of(cls, name: str, data: bytes, *, demo: bool = False) -> Source:
        return cls(name, data, hashlib.sha256(data).hexdigest(), demo)


@dataclass(frozen=True)
class Scoping:
    """What the reviewer chose to assess, as `lawcheck.toml` would say it: requirements that do
    not apply, reservations and declarations made (requirement id, option id), the groups of
    requirements assessed, and whether the draft is read as partial text (an amending act or
    an excerpt). Hashable, so that it is part of the cache key of a check."""

    not_applicable: tuple[str, ...] = ()
    reservations: tuple[tuple[str, str], ...] = ()
    declarations: tuple[tuple[str, str], ...] = ()
    scope: tuple[str, ...] = tuple(SCOPES)
    partial_text: bool = False

    def settings(self) -> Settings:
        """The engine's Settings, checked as the command line checks `lawcheck.toml`: only
        requirements that exist, and only the options the treaty permits for each article."""
        data: dict[str, Any] = {"not_applicable": list(self.not_applicable), "scope": list(self.scope)}
        for kind, chosen in (("reservations", self.reservations), ("declarations", self.declarations)):
            grouped: dict[str, list[str]] = {}
            for requirement_id, option_id in chosen:
                grouped.setdefault(requirement_id, []).append(option_id)
            data[kind] = grouped
        settings = settings_from(data, load_rulebook(), "the scope of the check")
        return replace(settings, partial_text=self.partial_text)


@dataclass(frozen=True)
class Request:
    """A source with the options it is checked with."""

    source: Source
    lang: str = "auto"
    instruments: tuple[str, ...] = INSTRUMENT_IDS
    ui_lang: str = "auto"
    scoping: Scoping = Scoping()

    @property
    def key(self) -> tuple[Any, ...]:
        return (self.source.digest, self.source.name, self.lang, self.instruments, self.ui_lang, self.scoping)


@dataclass(frozen=True)
class Outcome:
    """A check, the draft it was made of and its view, or the one-line reason it could not be made."""

    check: Check | None = None
    draft: Draft | None = None
    view: ReportView | None = None
    error: str | None = None

    @property
    def analysis(self) -> Analysis:
        """The checked draft's analysis: only for an outcome that has a check."""
        assert self.check is not None, self.error
        return self.check.analysis


def demo_source() -> Source:
    path = demo_draft()
    return Source.of(path.name, path.read_bytes(), demo=True)


def sample_drafts() -> dict[str, Path]:
    """The drafts bundled with lawcheck (corpora/national), the demo first: a newcomer can
    see a draft with gaps, or a Russian one, without having a file at hand."""
    demo = demo_draft()
    found = sorted(demo.parent.glob("*.xml"))
    return {path.name: path for path in [demo, *(p for p in found if p != demo)]}


def sample_source(name: str) -> Source:
    """A bundled draft by file name; the demo for an unknown name."""
    path = sample_drafts().get(name, demo_draft())
    return Source.of(path.name, path.read_bytes(), demo=True)


def accepted_types() -> list[str]:
    """File types the uploader offers: AKN XML, Word and text."""
    return ["xml", *sorted(suffix.lstrip(".") for suffix in DRAFT_SUFFIXES)]


def is_imported(source: Source) -> bool:
    """Whether the draft was a Word or text file turned into AKN here: its FRBR metadata and
    line numbers were made up by the importer, not written by the drafter."""
    return is_draft_file(source.name)


def read_version(source: Source, lang: str = "auto") -> Draft:
    """A version for a comparison, read exactly as the draft itself is in `run`."""
    return load_upload(source.name, source.data, lang=lang)


def run(request: Request) -> Outcome:
    """Parse and check one request; the engine's one-line error for bad input.

    Any other exception is an internal error: shown as one line too, because a page that
    crashes on an uploaded file loses the reviewer's place."""
    if not request.instruments:
        return Outcome(error="Choose at least one instrument: the Convention, the Second Protocol or both.")
    try:
        instruments = parse_instruments(",".join(request.instruments))
        draft = load_upload(request.source.name, request.source.data, lang=request.lang)
        check = check_document(draft.document, lang=request.lang, instruments=instruments,
                               settings=request.scoping.settings(), source=request.source.name,
                               ui_lang=request.ui_lang)
    except InputError as error:
        return Outcome(error=str(error))
    except Exception as error:
        return Outcome(error=f"{request.source.name}: internal error: {type(error).__name__}: {error}")
    return Outcome(check=check, draft=draft, view=build_view(check.report, check.analysis))
