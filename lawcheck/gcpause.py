"""Pausing Python's cyclic garbage collector while a draft is analysed.

Checking a whole code allocates millions of small, long-lived objects (tokens, matches,
results) and almost no reference cycles; the collector would still rescan the growing heap
many times over, which costs a third or more of a full check. Reference counting frees
everything as usual; only cycle detection waits until the block ends.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def cycle_collection_paused() -> Iterator[None]:
    """Run the block without cyclic collection; restore the collector's previous state."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if gc.get_freeze_count() == 0:
            # What the block allocated is long-lived (the analysis of a draft): it goes
            # straight to the oldest generation instead of being scanned, object by object,
            # by the young generations' next collections.
            gc.freeze()
            gc.unfreeze()
        if was_enabled:
            gc.enable()
