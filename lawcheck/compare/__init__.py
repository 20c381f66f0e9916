"""Comparing two versions of a draft: `match` pairs provisions and diffs their words, `delta`
turns two Checks into the diff, `versions` applies an amending act first when NEW is one."""
