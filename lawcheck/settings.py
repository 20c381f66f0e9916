"""Per-draft settings from `lawcheck.toml` beside the draft: the reservations and
declarations the Party makes, and requirements that do not apply to it."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from lawcheck.errors import InputError
from lawcheck.rulebook.loader import Rulebook
from lawcheck.rulebook.model import Requirement

FILE_NAME = "lawcheck.toml"
_KEYS = {"not_applicable", "reservations", "declarations", "scope"}
# What a reviewer may choose to assess: the treaty's requirement kinds in four groups.
SCOPES: dict[str, frozenset[str]] = {
    "definitions": frozenset({"definition"}),
    "offences": frozenset({"offence", "liability", "sanction", "jurisdiction"}),
    "procedural": frozenset({"procedural_power", "scope", "safeguards"}),
    "cooperation": frozenset({"cooperation", "cooperation_power", "general", "data_protection"}),
}


@dataclass(frozen=True)
class Settings:
    not_applicable: frozenset[str] = frozenset()
    options: dict[str, frozenset[str]] = field(default_factory=dict)  # requirement -> option ids
    source: str | None = None
    scope: frozenset[str] = frozenset(SCOPES)  # groups of SCOPES to assess
    partial_text: bool = False  # an amending act or an excerpt: what it does not touch is not assessed

    def assesses(self, requirement: Requirement) -> bool:
        return any(requirement.kind in SCOPES[group] for group in self.scope)

    def relaxed(self, requirement: Requirement) -> set[str]:
        """Elements that the Party's reservations and declarations switch off or on."""
        return requirement.switched_off(self.options.get(requirement.id, frozenset()))


def load_settings(draft: Path, rulebook: Rulebook) -> Settings:
    """Read `lawcheck.toml` beside `draft`, if there is one; every id is checked."""
    path = draft.parent / FILE_NAME
    if not path.is_file():
        return Settings()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise InputError(f"invalid TOML: {error}", source=str(path)) from None
    for key in data:
        if key not in _KEYS:
            raise InputError(f"{key}: unknown key (expected one of {', '.join(sorted(_KEYS))})",
                             source=str(path))
    not_applicable = frozenset(map(str, data.get("not_applicable", [])))
    for requirement_id in not_applicable:
        if requirement_id not in rulebook:
            raise InputError(f"not_applicable: unknown requirement {requirement_id!r}",
                             source=str(path))
    options: dict[str, set[str]] = {}
    for kind in ("reservations", "declarations"):
        for requirement_id, ids in data.get(kind, {}).items():
            if requirement_id not in rulebook:
                raise InputError(f"{kind}.{requirement_id}: unknown requirement", source=str(path))
            allowed = {o.id for o in getattr(rulebook.get(requirement_id), kind)}
            for option_id in ids:
                if option_id not in allowed:
                    raise InputError(
                        f"{kind}.{requirement_id}: {option_id!r} is not a {kind[:-1]} the treaty "
                        f"permits for this article (permitted: {', '.join(sorted(allowed)) or 'none'})",
                        source=str(path))
            options.setdefault(requirement_id, set()).update(ids)
    return Settings(not_applicable, {k: frozenset(v) for k, v in options.items()}, str(path),
                    parse_scope(data.get("scope", list(SCOPES)), str(path)))


def parse_scope(value: object, source: str = "--scope") -> frozenset[str]:
    """`scope = ["procedural", "cooperation"]` in lawcheck.toml or `--scope procedural,cooperation`."""
    items = [part.strip() for part in value.split(",")] if isinstance(value, str) else value
    if not isinstance(items, list) or not items or any(item not in SCOPES for item in items):
        raise InputError(f"scope: expected some of {', '.join(SCOPES)}, got {value!r}", source=source)
    return frozenset(items)
