"""Pausing Python's cyclic garbage collector while a bulk operation allocates.

Reading a dataset allocates millions of small objects (dicts, strings, decimals, entities)
and scoring it hundreds of thousands more; they form no reference cycles and almost all of
them outlive the call. With the collector on, CPython collects the youngest generation every
700 allocations and, every so often, all generations — walking every object alive, again
and again while the heap grows: at a province's 60,000 observations that is about a third of
``loads``' time, at the country's million most of it.

So the bulk operations run with the collector paused, and on a normal exit the objects they
made are handed to the oldest generation without being walked (``gc.freeze()`` then
``gc.unfreeze()``: two list splices), where the next full collection walks them once, as it
walks every long-lived object. Nothing is freed later than it would be: reference counting
frees these objects as usual, and a cycle made meanwhile (by any thread) is found by the next
full collection. If the program froze objects itself (``gc.get_freeze_count() > 0``, as pre-fork
servers do), that step is skipped so that its frozen objects stay frozen, and the objects of
the bulk operation are walked by the next young collection instead. When the operation
fails (a dataset with problems), its objects are left young too: they are mostly garbage,
some of it in reference cycles (exceptions and their tracebacks), and the next young
collection frees it — handed to the oldest generation, it would wait for a full collection,
which a program that only reads documents may never make (issue 9: a fuzzer's memory grew
without bound).

The pause nests and is safe across threads: the collector is disabled by the first entry
and re-enabled by the last exit, and only if it was enabled before.

>>> import gc
>>> gc.enable()  # the default
>>> with collection_paused():
...     gc.isenabled()
False
>>> gc.isenabled()
True
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["collection_paused"]

_lock = threading.Lock()
_depth = 0
_was_enabled = False


@contextmanager
def collection_paused() -> Iterator[None]:
    """Disable the cyclic garbage collector inside the ``with`` block."""
    global _depth, _was_enabled  # noqa: PLW0603 - one process-wide switch, guarded by a lock
    with _lock:
        if _depth == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _depth += 1
    failed = True
    try:
        yield
        failed = False
    finally:
        with _lock:
            _depth -= 1
            if _depth == 0 and _was_enabled:
                # on failure the objects made are garbage, some of it in cycles (exceptions
                # and their tracebacks): leave them young, for the next young collection
                if not failed and gc.get_freeze_count() == 0:  # see the module doc
                    gc.freeze()
                    gc.unfreeze()
                gc.enable()
