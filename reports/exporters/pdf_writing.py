"""What the PDF's writing needs beyond WeasyPrint's defaults, kept apart from
the document itself: the cyclic collector paused during the layout, and the
list of page references built once per page count rather than once per tag.

pydyf (WeasyPrint's PDF writer, 0.13) builds ``PDF.page_references``, a tuple
of every page's reference, each time it is read, and WeasyPrint's tagging
reads it once per structure element (every cell of every table). That is
pages × elements: at 10× the book, 40 668 reads of a 148-page tuple, 30 s of
a 60 s render; at 100× it grows with the square of the data. Pages are only
ever appended to the PDF, so the tuple is kept until the page count changes.
"""

import contextlib
import gc

import pydyf


class _PageReferences:
    """``pydyf.PDF.page_references``, rebuilt only when a page was added."""

    def __get__(self, pdf, owner=None):
        if pdf is None:
            return self
        kids = pdf.pages["Kids"]
        kept = pdf.__dict__.get("_kept_page_references")
        if kept is None or kept[0] != len(kids):
            kept = (len(kids), tuple(f"{number} 0 R".encode("ascii") for number in kids[::3]))
            pdf.__dict__["_kept_page_references"] = kept
        return kept[1]


@contextlib.contextmanager
def page_references_kept():
    """pydyf's page references built once per page count while the PDF is written."""
    original = pydyf.PDF.__dict__["page_references"]
    pydyf.PDF.page_references = _PageReferences()
    try:
        yield
    finally:
        pydyf.PDF.page_references = original


@contextlib.contextmanager
def cyclic_collector_paused():
    """Python's cyclic collector off for the layout, one collection after.

    A long report's layout holds millions of live boxes, and every collector
    pass scans them again: at 100× the book it was 29 s of a 179 s render, the
    part that grew faster than the data. Paused, the render took 152 s and its
    peak memory rose 2 % (2.86 to 2.92 GB); reference counting still frees
    everything that isn't a cycle.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
        gc.collect()
