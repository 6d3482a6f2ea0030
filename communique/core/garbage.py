"""Pause Python's cyclic garbage collector for a bulk operation.

A bulk import holds tens of thousands of live objects (the parsed export, prepared posts,
pages); each collection of the oldest generation walks all of them, which cost about a
tenth of a 10,000-post import. Such runs make next to no cyclic garbage (measured: peak
memory 441 MB with the collector, 453 MB without), so the collector rests until the end.
Reference counting frees everything else as usual.
"""

import gc
from contextlib import contextmanager


@contextmanager
def paused_collection():
    """Disable the cyclic collector inside the block (nested blocks are fine)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
