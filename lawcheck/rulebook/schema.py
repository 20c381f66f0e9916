"""The JSON Schema of a rule file: the single statement of the rule format.

The loader validates every file against it (reporting file, line and key path), and
`lawcheck rules --format schema` prints it so that editors can complete and check files.
"""

from __future__ import annotations

from typing import Any

from lawcheck.treaty import INSTRUMENT_IDS

CHECKS = ("presence", "absence", "limit", "defined", "safeguard", "offence_range")
KINDS = ("definition", "offence", "liability", "sanction", "scope", "safeguards",
         "procedural_power", "jurisdiction", "cooperation", "cooperation_power",
         "data_protection", "general")
SEVERITIES = ("high", "medium", "low")
FORCES = ("obligation", "option", "good_practice")
# Who authorises a measure, from the least to the most independent (Art. 15(2) ETS 185).
AUTHORITY_LEVELS = ("executive", "investigator", "prosecutor", "judicial")
DATA_CATEGORIES = ("subscriber", "traffic", "content", "data")
ELEMENT_STATUSES = ("met", "unmet", "conflict", "unknown")
SAFEGUARD_STATUSES = ("present", "absent", "unknown")
LANGS = ("en", "ru")

_ID = r"^(BC|SP)-[1-9][0-9]?$"
_SNAKE = r"^[a-z][a-z0-9_]*$"
_CITE = r"^[0-9]+(\([0-9a-z]+\))*$"
_DURATION = r"^P(?!$)([0-9]+Y)?([0-9]+M)?([0-9]+W)?([0-9]+D)?(T[0-9]+H)?$"

_group = {"oneOf": [
    {"type": "string", "pattern": _SNAKE},
    {"type": "array", "items": {"type": "string", "pattern": _SNAKE}, "minItems": 1},
]}
_groups = {"type": "array", "items": _group, "minItems": 1}
_text = {"type": "string", "minLength": 1}
# Russian texts must be written in Russian: at least one Cyrillic letter.
_russian = {"type": "string", "minLength": 1, "pattern": "[А-Яа-яЁё]"}
_suggestion = {
    "type": "object", "additionalProperties": False, "required": ["action", "en", "ru"],
    "properties": {"action": {"enum": ["insert", "replace"]}, "en": _text, "ru": _russian},
}
_ids = {"type": "array", "items": {"type": "string", "pattern": _ID}, "uniqueItems": True}
_option = {
    "type": "object", "additionalProperties": False,
    "required": ["id", "cites", "basis", "summary"],
    "properties": {
        "id": {"type": "string", "pattern": _SNAKE},
        "cites": {"type": "string", "pattern": _CITE},
        "basis": {"type": "string", "pattern": r"^[0-9]+$"},
        "summary": _text,
        "summary_ru": _russian,
        "relaxes": {"type": "array", "items": {"type": "string", "pattern": _SNAKE}},
    },
}

_weight: dict[str, Any] = {"type": "object", "additionalProperties": False, "required": ["severity", "force"],
           "properties": {"severity": {"enum": list(SEVERITIES)}, "force": {"enum": list(FORCES)}}}
_expectation: dict[str, Any] = {
    "type": "object", "additionalProperties": False,
    "properties": {
        "expects": {"enum": list(AUTHORITY_LEVELS)},
        "below": {"type": "object", "additionalProperties": False,
                  "properties": {level: _weight for level in AUTHORITY_LEVELS[:-1]}},
        "urgency": {"oneOf": [_weight, {"type": "null"}]},
    },
}
_supervision = {
    "type": "object", "additionalProperties": False,
    "required": ["data", "expects", "below", "safeguards", "basis", "note"],
    "properties": {
        "data": {"enum": list(DATA_CATEGORIES)},
        **_expectation["properties"],
        "by_data": {"type": "object", "additionalProperties": False,
                    "properties": {c: _expectation for c in DATA_CATEGORIES}},
        "safeguards": {"type": "object", "additionalProperties": {
            **_weight, "properties": {**_weight["properties"], "needs": _groups}}},
        "unstated": _weight,
        "basis": {"type": "array", "items": _text, "minItems": 1},
        "note": _text,
    },
}

RULE_SCHEMA: dict[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "lawcheck.rule/1",
    "title": "lawcheck rule file: one treaty article",
    "type": "object",
    "additionalProperties": False,
    "required": ["id", "instrument", "article", "title", "kind", "summary", "title_ru", "summary_ru",
                 "cites", "align",
                 "elements", "safeguards", "subject_to", "depends_on", "mirrors",
                 "reservations", "declarations", "source_note", "cases"],
    "properties": {
        "id": {"type": "string", "pattern": _ID},
        "instrument": {"enum": list(INSTRUMENT_IDS)},
        "article": {"type": "string", "pattern": r"^[1-9][0-9]?$"},
        "title": _text,
        "kind": {"enum": list(KINDS)},
        "summary": _text,
        "title_ru": _russian,
        "summary_ru": _russian,
        "cites": {"type": "array", "items": {"type": "string", "pattern": _CITE},
                  "minItems": 1},
        "align": _groups,
        "general_align": _groups,
        "titled_otherwise": {"type": "array", "items": {"type": "string", "pattern": _SNAKE}, "minItems": 1},
        "outside_assistance": {"type": "boolean"},
        "elements": {"type": "array", "items": {
            "type": "object", "additionalProperties": False,
            "required": ["id", "check", "cites", "concepts", "severity", "message", "help",
                         "message_ru", "help_ru"],
            "properties": {
                "id": {"type": "string", "pattern": _SNAKE},
                "check": {"enum": list(CHECKS)},
                "cites": {"type": "string", "pattern": _CITE},
                "concepts": _groups,
                "limit": {"type": "object", "additionalProperties": False, "minProperties": 1,
                          "properties": {"max": {"type": "string", "pattern": _DURATION},
                                         "min": {"type": "string", "pattern": _DURATION},
                                         "deadline": {"type": "boolean"}}},
                "severity": {"enum": list(SEVERITIES)},
                "force": {"enum": list(FORCES)},
                "basis": {"type": "array", "items": _text},
                "message": _text,
                "help": _text,
                "message_ru": _russian,
                "help_ru": _russian,
                "suggestion": _suggestion,
                "unless": _groups,
                "anywhere": _groups,
                "only_with": {"type": "string", "pattern": _SNAKE},
                "compare_with": {"type": "string", "pattern": _ID},
            },
            "if": {"properties": {"check": {"const": "limit"}}},
            "then": {"required": ["limit"]},
            "else": {"not": {"required": ["limit"]}},
        }},
        "safeguards": {"type": "array", "items": {"type": "string", "pattern": _SNAKE},
                       "uniqueItems": True},
        "supervision": _supervision,
        "urgency_validation": {
            "type": "object", "additionalProperties": False,
            "required": ["prompt", "late", "very_late", "refusal_effect", "basis"],
            "properties": {
                "prompt": {"type": "string", "pattern": _DURATION},
                "late": {"enum": list(SEVERITIES)},
                "very_late": {"type": "object", "additionalProperties": False, "required": ["after", "severity"],
                              "properties": {"after": {"type": "string", "pattern": _DURATION},
                                             "severity": {"enum": list(SEVERITIES)}}},
                "refusal_effect": _weight,
                "basis": {"type": "array", "items": _text, "minItems": 1},
            }},
        "subject_to": _ids,
        "depends_on": _ids,
        "mirrors": _ids,
        "reservations": {"type": "array", "items": _option},
        "declarations": {"type": "array", "items": _option},
        "source_note": {"type": ["string", "null"]},
        "cases": {"type": "array", "minItems": 1, "items": {
            "type": "object", "additionalProperties": False,
            "required": ["lang", "expect", "text"],
            "properties": {
                "lang": {"enum": list(LANGS)},
                "expect": {"enum": ["pass", "fire"]},
                "text": _text,
                "elements": {"type": "object",
                             "additionalProperties": {"enum": list(ELEMENT_STATUSES)}},
                "safeguards": {"type": "object",
                               "additionalProperties": {"enum": list(SAFEGUARD_STATUSES)}},
                "xfail": _text,
                "supervision_gaps": {"type": "array", "uniqueItems": True, "items": {
                    "enum": ["authority", "unstated", "urgency", "validation_late", "no_refusal_effect"]}},
                "options": {"type": "array", "uniqueItems": True, "items": {"type": "string", "pattern": _SNAKE}},
            },
        }},
    },
}
