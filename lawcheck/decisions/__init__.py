"""Reviewer decisions: accept or dismiss a finding, with a reason and a name, kept in SQLite.

An expert's decision is worth more than the run that prompted it, so it must survive the next
version of the draft. A decision is therefore keyed on what the finding *is*, not on where it
sits: the finding's code, requirement and safeguard, plus a fingerprint of the normalised text
of the provisions it points at. eIds are kept for display only, so a renumbered but unchanged
section still matches exactly.

Looking a decision up for a finding gives one of three matches:

- ``exact``: same key, same fingerprint. The decision applies.
- ``similar``: same key, text changed a little (rapidfuzz ``ratio`` >= 90 over the normalised
  text). The decision still applies, flagged ``needs_rereview`` so the reviewer confirms it.
- ``changed``: same key, text changed materially. The decision is *not* applied: the finding
  shows status ``needs_rereview`` with the earlier decision beside it. For findings without a
  requirement (draft consistency codes that can occur many times), this needs the same eId too,
  otherwise an unrelated provision with the same code would inherit someone else's decision.

Modules: `location` (which file holds a draft's decisions in a workspace), `identity` (what a
finding is, and the fingerprint of its text), `store` (the SQLite file and the match of a
decision to a finding), `attach` (decisions on a report).
"""
