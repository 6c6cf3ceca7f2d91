"""Bulk changes: a load or an import that writes many records at once.

Inside ``bulk_change()``, what usually follows each write record by record
(the search index) waits: its receivers see ``in_bulk_change()`` and mark
the change instead. When the block ends without an error,
``bulk_change_ended`` lets them catch up once (the search queues a rebuild
of its whole index for a worker). Blocks nest: only the outermost one ends
the change.
"""

import contextlib
import contextvars
from dataclasses import dataclass

from django.dispatch import Signal

#: Sent with ``change`` when the outermost ``bulk_change()`` block ends without an error.
bulk_change_ended = Signal()


@dataclass
class BulkChange:
    #: Whether a receiver put off work for the end of the change (or the caller asks for it).
    changed: bool = False


_current: contextvars.ContextVar[BulkChange | None] = contextvars.ContextVar("bulk_change", default=None)


def in_bulk_change() -> BulkChange | None:
    return _current.get()


@contextlib.contextmanager
def bulk_change():
    outer = _current.get()
    if outer is not None:
        yield outer
        return
    change = BulkChange()
    token = _current.set(change)
    try:
        yield change
    finally:
        _current.reset(token)
    bulk_change_ended.send(sender=BulkChange, change=change)
