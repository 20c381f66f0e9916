"""Strict loading of `rules/`: every problem is one line with file, line and key path."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from lawcheck.cache import compiled
from lawcheck.concepts.numbers import iso_days
from lawcheck.data import data_dir
from lawcheck.errors import InputError
from lawcheck.rulebook.model import (
    Case,
    Element,
    Expectation,
    Group,
    Limit,
    Option,
    Requirement,
    Suggestion,
    Supervision,
    UrgencyValidation,
    Weight,
)
from lawcheck.rulebook.schema import AUTHORITY_LEVELS, RULE_SCHEMA
from lawcheck.treaty import INSTRUMENT_IDS
from lawcheck.yamlio import key_path, line_of, load_yaml

if TYPE_CHECKING:
    from jsonschema import Draft202012Validator

SAFEGUARD_FRAMEWORKS = ("BC-15", "SP-13", "SP-14")
_FILE = re.compile(r"^(bc|sp)-(\d{2})\.yaml$")


@cache
def _validator() -> Draft202012Validator:
    """jsonschema loads only when rule files are parsed, not when the compiled cache serves."""
    from jsonschema import Draft202012Validator

    return Draft202012Validator(RULE_SCHEMA)


@dataclass(frozen=True)
class Rulebook:
    requirements: tuple[Requirement, ...]  # treaty order: BC by article, then SP

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_id", {r.id: r for r in self.requirements})
        object.__setattr__(self, "_below", _builds_on(self.requirements))

    def builds_on(self, requirement_id: str) -> frozenset[str]:
        """Every requirement this one builds on (`depends_on`), however far down."""
        return self._below.get(requirement_id, frozenset())  # type: ignore[attr-defined]

    def get(self, requirement_id: str) -> Requirement:
        return self._by_id[requirement_id]  # type: ignore[attr-defined]

    def __contains__(self, requirement_id: object) -> bool:
        return requirement_id in self._by_id  # type: ignore[attr-defined]

    def safeguard(self, safeguard_id: str) -> tuple[Requirement, Element]:
        """The framework article and element that define a safeguard id."""
        for framework_id in SAFEGUARD_FRAMEWORKS:
            if framework_id in self:
                framework = self.get(framework_id)
                for element in framework.elements:
                    if element.id == safeguard_id and element.check == "safeguard":
                        return framework, element
        raise KeyError(safeguard_id)

    def urgency_validation(self) -> UrgencyValidation | None:
        """How soon a judge must review an urgent measure (the Article 15 rule file says)."""
        return next((r.urgency_validation for r in self.requirements if r.urgency_validation), None)

    def selected(self, instruments: tuple[str, ...]) -> tuple[Requirement, ...]:
        return tuple(r for r in self.requirements if r.instrument in instruments)


def _builds_on(requirements: tuple[Requirement, ...]) -> dict[str, frozenset[str]]:
    direct = {r.id: set(r.depends_on) for r in requirements}
    below: dict[str, frozenset[str]] = {}
    for rid, seen in direct.items():
        stack = list(seen)
        while stack:
            for deeper in direct.get(stack.pop(), ()):
                if deeper not in seen:
                    seen.add(deeper)
                    stack.append(deeper)
        below[rid] = frozenset(seen)
    return below


def _fail(path: Path, data: Any, where: tuple[str | int, ...], message: str) -> InputError:
    return InputError(f"{key_path(where)}: {message}", source=str(path),
                      line=line_of(data, where))


def _schema_error(path: Path, data: Any) -> InputError | None:
    # The deepest error is the most specific one (a bad enum rather than its element).
    errors = sorted(_validator().iter_errors(data), key=lambda e: (-len(e.path), [str(p) for p in e.path]))
    if not errors:
        return None
    error = errors[0]
    where = tuple(error.absolute_path)
    if error.validator == "additionalProperties":
        extra = sorted(set(error.instance) - set(error.schema.get("properties", {})))
        return _fail(path, data, (*where, extra[0]), "unknown key")
    if error.validator == "required":
        return _fail(path, data, where, f"missing key {error.message.split()[0]}")
    if error.validator == "enum":
        return _fail(path, data, where,
                     f"{error.instance!r} is not one of {', '.join(map(str, error.validator_value))}")
    if error.validator == "pattern" and "P(?!$)" in str(error.validator_value):
        return _fail(path, data, where, f"{error.instance!r} is not an ISO 8601 duration")
    return _fail(path, data, where, error.message)


def _words(value: Any) -> str:
    """A text from YAML on one line: folded blocks keep no line breaks."""
    return " ".join(str(value).split())


def _suggestion(value: dict[str, Any] | None) -> Suggestion | None:
    if not value:
        return None
    return Suggestion(str(value["action"]), _words(value["en"]), _words(value["ru"]))


def _groups(value: list[Any]) -> tuple[Group, ...]:
    return tuple((str(g),) if isinstance(g, str) else tuple(map(str, g)) for g in value)


def _options(values: list[dict[str, Any]]) -> tuple[Option, ...]:
    return tuple(Option(str(o["id"]), str(o["cites"]), str(o["basis"]), " ".join(str(o["summary"]).split()),
                        tuple(map(str, o.get("relaxes", []))), _words(o.get("summary_ru", ""))) for o in values)


def _requirement(path: Path, data: dict[str, Any]) -> Requirement:
    elements = tuple(
        Element(id=str(e["id"]), check=str(e["check"]), cites=str(e["cites"]),
                concepts=_groups(e["concepts"]), severity=str(e["severity"]),
                message=" ".join(str(e["message"]).split()),
                help=" ".join(str(e["help"]).split()),
                limit=Limit(e["limit"].get("max"), e["limit"].get("min"), bool(e["limit"].get("deadline", False)))
                if "limit" in e else None,
                force=str(e.get("force", "obligation")), basis=tuple(map(str, e.get("basis", []))),
                message_ru=_words(e["message_ru"]), help_ru=_words(e["help_ru"]),
                suggestion=_suggestion(e.get("suggestion")), unless=_groups(e.get("unless", [])),
                only_with=e.get("only_with"), compare_with=e.get("compare_with"),
                anywhere=_groups(e.get("anywhere", [])))
        for e in data["elements"])
    cases = tuple(
        Case(lang=str(c["lang"]), expect=str(c["expect"]), text=str(c["text"]),
             elements={str(k): str(v) for k, v in (c.get("elements") or {}).items()},
             safeguards={str(k): str(v) for k, v in (c.get("safeguards") or {}).items()},
             xfail=c.get("xfail"), line=line_of(data, ("cases", i)),
             supervision_gaps=tuple(map(str, c["supervision_gaps"])) if "supervision_gaps" in c else None,
             options=tuple(map(str, c.get("options", []))))
        for i, c in enumerate(data["cases"]))
    return Requirement(
        id=str(data["id"]), instrument=str(data["instrument"]), article=str(data["article"]),
        title=str(data["title"]), kind=str(data["kind"]),
        summary=" ".join(str(data["summary"]).split()), cites=tuple(map(str, data["cites"])),
        align=_groups(data["align"]), general_align=_groups(data.get("general_align", [])),
        titled_otherwise=tuple(map(str, data.get("titled_otherwise", []))), elements=elements,
        outside_assistance=bool(data.get("outside_assistance", False)),
        safeguards=tuple(map(str, data["safeguards"])),
        subject_to=tuple(map(str, data["subject_to"])),
        depends_on=tuple(map(str, data["depends_on"])), mirrors=tuple(map(str, data["mirrors"])),
        reservations=_options(data["reservations"]), declarations=_options(data["declarations"]),
        source_note=None if data["source_note"] is None else str(data["source_note"]),
        cases=cases, path=str(path),
        supervision=_supervision(data["supervision"]) if "supervision" in data else None,
        urgency_validation=_urgency_validation(data["urgency_validation"]) if "urgency_validation" in data else None,
        title_ru=_words(data["title_ru"]), summary_ru=_words(data["summary_ru"]))


def _weight(value: dict[str, Any]) -> Weight:
    return Weight(str(value["severity"]), str(value["force"]))


def _expectation(value: dict[str, Any], default: Expectation | None = None) -> Expectation:
    below = {str(k): _weight(v) for k, v in value.get("below", {}).items()}
    urgency = _weight(value["urgency"]) if value.get("urgency") is not None else None
    if default is None:
        return Expectation(str(value["expects"]), below, urgency)
    expects = str(value.get("expects", default.expects))
    inherited = {level: weight for level, weight in {**default.below, **below}.items()
                 if AUTHORITY_LEVELS.index(level) < AUTHORITY_LEVELS.index(expects)}
    return Expectation(expects, inherited, urgency if "urgency" in value else default.urgency)


def _urgency_validation(value: dict[str, Any]) -> UrgencyValidation:
    return UrgencyValidation(str(value["prompt"]), str(value["late"]), str(value["very_late"]["after"]),
                             str(value["very_late"]["severity"]), _weight(value["refusal_effect"]),
                             tuple(map(str, value["basis"])))


def _supervision(value: dict[str, Any]) -> Supervision:
    default = _expectation(value)
    return Supervision(
        data=str(value["data"]), default=default,
        by_data={str(k): _expectation(v, default) for k, v in value.get("by_data", {}).items()},
        safeguards={str(k): Weight(str(v["severity"]), str(v["force"]), _groups(v.get("needs", [])))
                    for k, v in value["safeguards"].items()},
        basis=tuple(map(str, value["basis"])), note=" ".join(str(value["note"]).split()),
        unstated=_weight(value["unstated"]) if "unstated" in value else None)


def _check_file(path: Path, data: dict[str, Any]) -> None:
    """What the schema cannot say about one file."""
    prefix, number = _FILE.match(path.name).groups()  # type: ignore[union-attr]
    expected = f"{prefix.upper()}-{int(number)}"
    if data["id"] != expected:
        raise _fail(path, data, ("id",), f"{data['id']!r} does not match the file name "
                    f"(expected {expected!r})")
    if data["instrument"] != prefix.upper() or data["article"] != str(int(number)):
        raise _fail(path, data, ("article",), "instrument and article must match the id")
    element_ids = [e["id"] for e in data["elements"]]
    for i, element in enumerate(data["elements"]):
        if element_ids.count(element["id"]) > 1:
            raise _fail(path, data, ("elements", i, "id"), f"duplicate element {element['id']!r}")
        for bound in ("max", "min"):
            value = element.get("limit", {}).get(bound)
            if value is not None:
                try:
                    iso_days(value)
                except ValueError:
                    raise _fail(path, data, ("elements", i, "limit", bound),
                                f"{value!r} is not an ISO 8601 duration") from None
    option_ids = {o["id"] for kind in ("reservations", "declarations") for o in data[kind]}
    for i, element in enumerate(data["elements"]):
        if "only_with" in element and element["only_with"] not in option_ids:
            raise _fail(path, data, ("elements", i, "only_with"),
                        f"unknown reservation or declaration {element['only_with']!r}")
        if "anywhere" in element and element["check"] != "presence":
            raise _fail(path, data, ("elements", i, "anywhere"), "anywhere applies to presence elements only")
    for kind in ("reservations", "declarations"):
        for i, option in enumerate(data[kind]):
            for relaxed in option.get("relaxes", []):
                if relaxed not in element_ids:
                    raise _fail(path, data, (kind, i, "relaxes"),
                                f"unknown element {relaxed!r}")
    for i, case in enumerate(data["cases"]):
        for option_id in case.get("options", []):
            if option_id not in option_ids:
                raise _fail(path, data, ("cases", i, "options"),
                            f"unknown reservation or declaration {option_id!r}")
        for element_id in case.get("elements") or {}:
            if element_id not in element_ids:
                raise _fail(path, data, ("cases", i, "elements", element_id),
                            "unknown element")


def _check_links(requirements: dict[str, Requirement], loaded: dict[str, Any]) -> None:
    """Cross-file consistency: ids referenced exist, mirrors are mutual, safeguards defined."""
    book = Rulebook(tuple(requirements.values()))
    for requirement in requirements.values():
        path, data = Path(requirement.path), loaded[requirement.id]
        for key in ("subject_to", "depends_on", "mirrors"):
            for i, target in enumerate(getattr(requirement, key)):
                if target not in requirements:
                    raise _fail(path, data, (key, i), f"unknown requirement {target!r}")
                if target == requirement.id:
                    raise _fail(path, data, (key, i), "a requirement cannot refer to itself")
                if key == "mirrors" and requirement.id not in requirements[target].mirrors:
                    raise _fail(path, data, (key, i),
                                f"{target} does not list {requirement.id} in its mirrors")
        for i, element in enumerate(requirement.elements):
            if (element.check == "offence_range") != (element.compare_with is not None):
                raise _fail(path, data, ("elements", i), "an offence_range check names the requirement "
                            "it compares with (compare_with), and only that check does")
            if element.compare_with is not None and element.compare_with not in requirements:
                raise _fail(path, data, ("elements", i, "compare_with"),
                            f"unknown requirement {element.compare_with!r}")
        for i, safeguard_id in enumerate(requirement.safeguards):
            try:
                book.safeguard(safeguard_id)
            except KeyError:
                raise _fail(path, data, ("safeguards", i),
                            f"unknown safeguard {safeguard_id!r} (define it as a safeguard "
                            "element of BC-15, SP-13 or SP-14)") from None
        for i, case in enumerate(requirement.cases):
            for safeguard_id in case.safeguards:
                if safeguard_id not in requirement.safeguards:
                    raise _fail(path, data, ("cases", i, "safeguards", safeguard_id),
                                "not a safeguard of this requirement")


def rule_files(root: Path) -> list[Path]:
    files = [p for folder in ("bc", "sp") for p in sorted((root / folder).glob("*.yaml"))]
    for path in files:
        if not _FILE.match(path.name):
            raise InputError("rule files are named bc-NN.yaml or sp-NN.yaml", source=str(path))
    return files


def load_rulebook_from(root: Path) -> Rulebook:
    """Load and check every rule file under `root`."""
    requirements: dict[str, Requirement] = {}
    loaded: dict[str, Any] = {}
    for path in rule_files(root):
        data = load_yaml(path)
        if not isinstance(data, dict):
            raise InputError("expected a mapping at the top level", source=str(path), line=1)
        error = _schema_error(path, data)
        if error:
            raise error
        _check_file(path, data)
        requirement = _requirement(path, data)
        requirements[requirement.id] = requirement
        loaded[requirement.id] = data
    _check_links(requirements, loaded)
    ordered = sorted(requirements.values(), key=lambda r: (INSTRUMENT_IDS.index(r.instrument), r.number))
    return Rulebook(tuple(ordered))


@cache
def load_rulebook() -> Rulebook:
    """The bundled rule book, loaded once per process from the compiled cache when it is current."""
    return compiled("rulebook", lambda: load_rulebook_from(data_dir("rules")))
