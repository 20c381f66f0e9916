"""The words, symbols and colours the page uses for the report's values.

Kept in one place so the coverage matrix, the badges, the graph and the legend agree, and so
that a status is never shown by colour alone (a symbol goes with every colour, for readers
who do not tell red from green).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from lawcheck.treaty import cite

STATUS_LABEL = {"implemented": "Implemented", "partial": "Partly implemented", "missing": "Missing",
                "not_applicable": "Not applicable", "not_assessed": "Not assessed (depends on the base text)"}
STATUS_SYMBOL = {"implemented": "✓", "partial": "◐", "missing": "✗", "not_applicable": "–", "not_assessed": "?"}
STATUS_COLOUR = {"implemented": "#cdebd3", "partial": "#ffe7a8", "missing": "#f6c4bf",
                 "not_applicable": "#e6e8eb", "not_assessed": "#f1f1f4"}
STATUS_BORDER = {"implemented": "#3f8f50", "partial": "#b8860b", "missing": "#b3261e",
                 "not_applicable": "#8a8f98", "not_assessed": "#a0a4ab"}

SAFEGUARD_STATES = ("present", "absent", "unknown")
SAFEGUARD_SYMBOL = {"present": "✓", "absent": "✗", "unknown": "?"}
SAFEGUARD_LABEL = {"present": "present in the draft", "absent": "absent from the draft",
                   "unknown": "not assessed (the draft does not grant the power)"}
SAFEGUARD_COLOUR = {"present": "#3f8f50", "absent": "#b3261e", "unknown": "#8a8f98"}

ELEMENT_SYMBOL = {"met": "✓", "unmet": "✗", "conflict": "⚠", "unknown": "?"}
ELEMENT_LABEL = {"met": "met", "unmet": "not met", "conflict": "contradicts the treaty",
                 "unknown": "not assessed"}

CATEGORY_LABEL = {
    "conflict": "Contradicts the treaty", "missing_safeguard": "Missing safeguard",
    "missing_power": "Missing power", "missing_offence": "Missing offence",
    "missing_cooperation": "Missing co-operation", "missing_definition": "Missing definition",
    "partial": "Partly implemented", "consistency": "Draft consistency",
}
# Streamlit Markdown badges: coloured and worded, and no emoji font needed.
SEVERITY_BADGE = {"high": ":red-badge[High]", "medium": ":orange-badge[Medium]", "low": ":gray-badge[Low]"}

CHAPTERS = ("Definitions", "Offences", "Procedural powers", "Safeguards", "Jurisdiction",
            "Co-operation", "Second Protocol")
_CHAPTER_OF_KIND = {
    "definition": "Definitions", "offence": "Offences", "liability": "Offences",
    "sanction": "Offences", "scope": "Procedural powers", "procedural_power": "Procedural powers",
    "safeguards": "Safeguards", "data_protection": "Safeguards", "jurisdiction": "Jurisdiction",
    "cooperation": "Co-operation", "cooperation_power": "Co-operation",
}
# Kinds that stay in their thematic chapter even for the Protocol: a reader looks for all the
# definitions, and all the conditions and safeguards, in one place.
_THEMATIC_KINDS = {"definition", "safeguards", "data_protection"}

INSTRUMENT_LABEL = {"BC": "Convention (ETS 185)", "SP": "Second Protocol (CETS 224)"}


def chapter_of(requirement: Mapping[str, Any]) -> str:
    """The chapter a report requirement is shown under in the coverage matrix."""
    kind = requirement["kind"]
    if requirement["instrument"] == "SP" and kind not in _THEMATIC_KINDS:
        return "Second Protocol"
    return _CHAPTER_OF_KIND.get(kind, "Co-operation")


def humanise(identifier: str) -> str:
    """`judicial_or_independent_supervision` -> "Judicial or independent supervision"."""
    words = identifier.replace("_", " ").strip()
    return words[:1].upper() + words[1:]


def safeguard_label(safeguard_id: str) -> str:
    """A safeguard's name without the Protocol's `sp_` prefix: the Protocol's safeguards
    mirror the Convention's, and the matrix shows them in one column; the instrument is in
    the row (the power) and in the tooltip."""
    return humanise(safeguard_id.removeprefix("sp_"))


def treaty_cite(requirement: Mapping[str, Any], paragraph: str | None = None) -> str:
    """"Art. 16(2) ETS 185": how the page names a treaty article or paragraph."""
    return cite(requirement["instrument"], paragraph or requirement["article"])


_MARKDOWN_SPECIALS = str.maketrans({c: "\\" + c for c in "\\`*_[]<>#$~|"})


def md(text: str) -> str:
    """Text for st.markdown with Markdown's specials escaped: eIds such as
    `sec_16__subsec_2` must not turn bold, nor "$" into mathematics."""
    return str(text).translate(_MARKDOWN_SPECIALS)


def decision_badge(decision: Mapping[str, Any]) -> str:
    """A Markdown badge before a reviewer decision's note (`lawcheck.decisions.attach.decision_note`,
    which says in words what was decided): green accepted, grey dismissed, orange whenever
    the provision changed since and the reviewer should look again."""
    if decision.get("needs_rereview"):
        return ":orange-badge[:material/history: Reviewer]"
    if decision.get("status") == "accepted":
        return ":green-badge[:material/check: Reviewer]"
    return ":gray-badge[:material/block: Reviewer]"
