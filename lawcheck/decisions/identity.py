"""What a finding is, for a reviewer's decision: its key (code, requirement, safeguard) and the
fingerprint of the normalised text of its provisions, which survives renumbering."""

from __future__ import annotations

import hashlib
import unicodedata
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from lawcheck.engine.align import Analysis


def normalise(text: str) -> str:
    """Lower-case, whitespace collapsed, digits kept: layout and capitals are not material,
    a period of 90 days against 180 days is."""
    return " ".join(unicodedata.normalize("NFKC", text).lower().split())


def fingerprint(text: str) -> str:
    """A stable digest of the normalised text, so equal wording matches in any later draft."""
    return hashlib.sha256(normalise(text).encode("utf-8")).hexdigest()


def provision_text(analysis: Analysis, eid: str) -> str:
    """What a reader sees in the provision, children included, without its own number: a
    section renumbered from 16 to 17 has not changed in substance."""
    provision = analysis.provision(eid)
    if provision is None:
        unit = analysis.units.get(eid)
        return unit.tagged.text if unit is not None else ""
    text = provision.text
    if provision.num and text.startswith(provision.num):
        text = text[len(provision.num):]
    return text


def provisions_text(analysis: Analysis, eids: Iterable[str]) -> str:
    """The normalised texts of a finding's provisions, sorted so that the order in which the
    engine lists them (by alignment score, which may move) does not change the fingerprint."""
    return "\n".join(sorted(normalise(provision_text(analysis, eid)) for eid in dict.fromkeys(eids)))


def finding_key(finding: Mapping[str, Any]) -> tuple[str, str, str]:
    """What a finding is: its code, requirement and safeguard ('' when absent)."""
    return (str(finding["code"]), finding.get("requirement") or "", finding.get("safeguard") or "")
