"""What the PDF's writing needs beyond WeasyPrint's defaults, kept apart from
the document itself: the cyclic collector paused during the layout, the list
of page references built once per page count rather than once per tag, and
one style per kind of pseudo-element rather than one per element.

pydyf (WeasyPrint's PDF writer, 0.13) builds ``PDF.page_references``, a tuple
of every page's reference, each time it is read, and WeasyPrint's tagging
reads it once per structure element (every cell of every table). That is
pages × elements: at 10× the book, 40 668 reads of a 148-page tuple, 30 s of
a 60 s render; at 100× it grows with the square of the data. Pages are only
ever appended to the PDF, so the tuple is kept until the page count changes.
"""

import contextlib
import gc
import threading

import pydyf

#: Held while a patch of a third-party class is put in place or taken away.
_PATCHING = threading.Lock()


@contextlib.contextmanager
def _patched(owner, name: str, value):
    """``owner.name`` set to ``value`` inside the block, the original after.
    Nested or concurrent blocks (two reports in two threads) patch once and
    restore when the last one ends."""
    with _PATCHING:
        users = owner.__dict__.get(f"_cdmx_users_{name}", 0)
        if not users:
            setattr(owner, f"_cdmx_original_{name}", owner.__dict__[name])
            setattr(owner, name, value)
        setattr(owner, f"_cdmx_users_{name}", users + 1)
    try:
        yield
    finally:
        with _PATCHING:
            users = owner.__dict__[f"_cdmx_users_{name}"] - 1
            setattr(owner, f"_cdmx_users_{name}", users)
            if not users:
                setattr(owner, name, owner.__dict__[f"_cdmx_original_{name}"])
                delattr(owner, f"_cdmx_original_{name}")
                delattr(owner, f"_cdmx_users_{name}")


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
    with _patched(pydyf.PDF, "page_references", _PageReferences()):
        yield


def _set_computed_styles_shared(self, element, parent, root=None, pseudo_type=None, base_url=None,
                                target_collector=None):
    """WeasyPrint's ``StyleFor.set_computed_styles``, sharing a pseudo-element's
    style between the elements where it would be computed the same: the same
    parent style (WeasyPrint already shares elements' styles), the same kind of
    pseudo-element and the same cascaded declarations, by identity, with their
    weights. Computed values never depend on the element itself (``attr()``
    and the counters are kept as they are and resolved on the boxes)."""
    original = type(self)._cdmx_original_set_computed_styles
    if pseudo_type is None or parent is None:
        return original(self, element, parent, root, pseudo_type, base_url, target_collector)
    cascaded = self.get_cascaded_styles().get((element, pseudo_type), {})
    key = (
        id(self.get_computed_styles()[parent, None]), pseudo_type, base_url,
        tuple(sorted((name, id(values), repr(weight)) for name, (values, weight) in cascaded.items())),
    )
    # The shared style keeps its cascaded declarations alive, so the
    # identities in the keys stay unique while the cache lives.
    shared = self.__dict__.setdefault("_cdmx_pseudo_styles", {})
    if key not in shared:
        original(self, element, parent, root, pseudo_type, base_url, target_collector)
        shared[key] = self.get_computed_styles()[element, pseudo_type]
        return None
    style = self.get_computed_styles()[element, pseudo_type] = shared[key]
    if target_collector and style["anchor"]:
        target_collector.collect_anchor(style["anchor"])
    return None


@contextlib.contextmanager
def pseudo_element_styles_shared():
    """One computed style per kind of pseudo-element and parent style while
    WeasyPrint applies the CSS.

    WeasyPrint 70 computes a style for every pseudo-element with a cascaded
    declaration, and its own stylesheet gives one to every element
    (``::marker``, ``::footnote-call``, ``::footnote-marker``…): at 10× the
    book 90 982 styles for 15 162 elements, each with its dictionaries, kept
    until the PDF is written. Shared, they are a few hundred; the PDF is the
    same, byte for byte, and the render's peak memory 12 % smaller at 10×
    (556 → 491 MB) and 15 % at 100× (3 984 → 3 377 MB).
    """
    from weasyprint.css import StyleFor

    with _patched(StyleFor, "set_computed_styles", _set_computed_styles_shared):
        yield


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
