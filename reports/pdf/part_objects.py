"""A part's PDF objects, numbered in the sequence of the file it is joined into.

WeasyPrint's writer (``generate_pdf``) numbers a PDF's objects from 1; inside
``numbered`` it numbers them in the joined file's sequence instead, from a
counter that moves on with each object. ``write_part`` turns a laid-out part
into those objects, as bytes, and what the joiner (``join.PdfJoiner``) keeps of
it: in the process that laid the part out, which may be another
(``workers``), from where the joined file stood (``PartStart``).
"""

import contextlib
import contextvars
import types
from dataclasses import dataclass

import pydyf

from .writing import _patched

#: The numbering of the document being joined in this context, if any.
_NUMBERING: contextvars.ContextVar = contextvars.ContextVar("pdf_numbering", default=None)


class _Objects(list):
    """A PDF's objects, found by their number in the whole file."""

    def __init__(self, first: int):
        super().__init__()
        self.first = first

    def __getitem__(self, index):
        if isinstance(index, int) and index >= 0:
            index -= self.first
        return super().__getitem__(index)


#: pydyf's own numbering, as imported (the joined file's is put in its place only while parts are generated).
_ORIGINAL_ADD_OBJECT = pydyf.PDF.add_object


def _add_object(self, object_):
    """``pydyf.PDF.add_object`` numbering in the sequence of the file being joined
    in this context, if any (pydyf's own numbering otherwise)."""
    numbering = _NUMBERING.get()
    if numbering is None:
        return _ORIGINAL_ADD_OBJECT(self, object_)
    if not isinstance(self.objects, _Objects):
        # A PDF's first object is its free object 0: it takes no number in the joined file.
        self.objects = _Objects(numbering[0] - 1)
        object_.number = numbering[0] - 1
        self.objects.append(object_)
        return None
    object_.number = numbering[0]
    numbering[0] += 1
    self.objects.append(object_)
    return None


def _number(reference: bytes) -> int:
    return int(reference.split()[0])


@contextlib.contextmanager
def numbered(counter: list[int]):
    """pydyf's PDFs made inside the block number their objects from ``counter[0]`` on (and move it on)."""
    token = _NUMBERING.set(counter)
    try:
        with _patched(pydyf.PDF, "add_object", _add_object):
            yield
    finally:
        _NUMBERING.reset(token)


def generate(document, counter: list[int], **options) -> pydyf.PDF:
    """The PDF objects of a laid-out WeasyPrint ``document``, numbered from ``counter[0]`` on."""
    from weasyprint.pdf import generate_pdf

    with numbered(counter):
        return generate_pdf(document, None, 1, **weasyprint_options(**options))


@dataclass(frozen=True)
class PartStart:
    """Where the joined file stands when a part is written: the part's first
    object number, its first parent tree key, and the joined /Document
    element's reference (its top structure elements' parent)."""

    number: int
    parent_keys: int
    document: bytes


@dataclass
class WrittenPart:
    """A part turned into the joined file's PDF objects (``write_part``), in the
    process that laid it out: the objects written at once, as their number,
    bytes and whether they go in an object stream, in order; what the joiner
    keeps of it until the end; and where the file stands after it."""

    objects: list[tuple[int, bytes, bool]]
    kept: types.SimpleNamespace
    found: dict[str, int]
    destinations: dict[str, bytes]
    parent_tree_entries: list[tuple[int, bytes]]
    parent_keys: int
    number: int


def write_part(index: int, document, anchors: set[str], placeholders: int, start: PartStart,
               **options) -> WrittenPart:
    """The part at ``index`` (the parts' order in the document), laid out as
    ``document``, as the joined file's objects from ``start`` on; ``anchors``
    are the ids it holds. The last ``placeholders`` elements of its body only
    hold another part's ids, for its links to them: they are left out.
    ``found`` is the page, counted from 0 in the part, of each of its anchors."""
    counter = [start.number]
    pdf = generate(document, counter, **options)
    if index == 0 and "AF" in pdf.catalog:
        # WeasyPrint 70 lists every PDF/A-3 attachment there twice (its issue 2917).
        pdf.catalog["AF"][:] = dict.fromkeys(pdf.catalog["AF"])
    objects = pdf.objects
    pages = [objects[number] for number in pdf.pages["Kids"][::3]]
    page_index = {page.number: number for number, page in enumerate(pages)}
    kept = {pdf.pages.number, pdf.catalog.number}
    kept.update(page.number for page in pages)
    kept.update(_number(page["Resources"]) for page in pages)
    if index != 0 and "Metadata" in pdf.catalog:
        kept.add(_number(pdf.catalog["Metadata"]))
    kept.update(_outline_numbers(objects, pdf.catalog.get("Outlines")))
    top, entries, parent_keys = _structure(objects, pdf.catalog.get("StructTreeRoot"), pages, kept, placeholders,
                                           start)

    found, destinations = {}, {}
    for name, destination in _pairs(pdf.catalog.get("Names", {}).get("Dests", {}).get("Names", ())):
        name = name.string
        if name in anchors:
            destinations[name] = pydyf._to_bytes(destination)
            found[name] = page_index[_number(destination[0])]
    part = types.SimpleNamespace(
        pages=pages,
        # In PDF points (0.75 a CSS pixel, as WeasyPrint writes at zoom 1).
        heights=[page.height * 0.75 for page in document.pages],
        bookmarks=[page.bookmarks for page in document.pages],
        top=top,
        resources={number: objects[number] for number in {_number(page["Resources"]) for page in pages}},
        catalog=pdf.catalog if index == 0 else None,
        info=pdf.info if index == 0 else None,
    )
    return WrittenPart(_written(objects, kept), part, found, destinations, entries, parent_keys, counter[0])


@dataclass
class WrittenFurniture:
    """A run of pages' running header and footer as the joined file's objects
    (``write_furniture``): the objects written at once, as in ``WrittenPart``,
    each page's drawing (a form's reference), and where the file stands after."""

    objects: list[tuple[int, bytes, bool]]
    forms: list[bytes]
    number: int


def write_furniture(document, start: PartStart, skip: int = 0, **options) -> WrittenFurniture:
    """The pages of a laid-out furniture ``document`` (``parts._furniture``) as
    forms, each to be drawn over its page, numbered from ``start`` on; written
    with the parts' ``options``, untagged (they are drawn as an artifact). The
    first ``skip`` pages are left out: a run that begins past the first page
    opens with the page before it, laid out only to count from there."""
    counter = [start.number]
    pdf = generate(document, counter, **{**options, "pdf_tags": False, "attachments": None})
    objects = pdf.objects
    pages = [objects[number] for number in pdf.pages["Kids"][::3]]
    kept = {pdf.pages.number, pdf.catalog.number, *(page.number for page in pages)}
    kept.update(_number(page["Contents"]) for page in pages[:skip])
    if "Metadata" in pdf.catalog:
        kept.add(_number(pdf.catalog["Metadata"]))
    forms = []
    for page in pages[skip:]:
        form = objects[_number(page["Contents"])]
        form.extra.update({
            "Type": "/XObject", "Subtype": "/Form", "BBox": page["MediaBox"], "Resources": page["Resources"],
        })
        forms.append(form.reference)
    return WrittenFurniture(_written(objects, kept), forms, counter[0])


def _written(objects, kept: set[int]) -> list[tuple[int, bytes, bool]]:
    """The objects written at once, in order: all but the ``kept`` ones and the free object."""
    return [(obj.number, obj.data, obj.compressible) for obj in objects if obj.number not in kept and obj.free != "f"]


def _structure(objects, root_reference, pages, kept, placeholders: int, start: PartStart):
    """The part's top structure elements, under the joined /Document, without
    its last ``placeholders`` (empty); its parent tree's entries and keys
    (pages' and annotations') moved on past the last part's, and the next key."""
    if root_reference is None:
        return [], [], start.parent_keys
    root = objects[_number(root_reference)]
    parent_tree = objects[_number(root["ParentTree"])]
    document = objects[_number(root["K"][0])]
    kept.update((root.number, parent_tree.number, document.number))
    top = list(document["K"])
    for reference in top[len(top) - placeholders:] if placeholders else ():
        if objects[_number(reference)]["K"]:
            raise ValueError("Un marcador de destino de otra parte tiene contenido.")
        kept.add(_number(reference))
    top = top[:len(top) - placeholders]
    for reference in top:
        objects[_number(reference)]["P"] = start.document
    offset, nums = start.parent_keys, parent_tree["Nums"]
    entries = [(key + offset, pydyf._to_bytes(value)) for key, value in zip(nums[::2], nums[1::2], strict=True)]
    for page in pages:
        page["StructParents"] += offset
        for annotation in page.get("Annots", ()):
            annotation = objects[_number(annotation)]
            if "StructParent" in annotation:
                annotation["StructParent"] += offset
    return top, entries, offset + (max(nums[::2]) + 1 if nums else 0)


def _outline_numbers(objects, reference) -> list[int]:
    """The numbers of a part's outline objects: the joined file has one outline of its own."""
    numbers, pending = [], [reference] if reference else []
    while pending:
        item = objects[_number(pending.pop())]
        numbers.append(item.number)
        pending.extend(item[key] for key in ("First", "Next") if key in item)
    return numbers


def weasyprint_options(**options) -> dict:
    """WeasyPrint's PDF options with its defaults and its variant's, as ``write_pdf`` sets them."""
    from weasyprint import DEFAULT_OPTIONS
    from weasyprint.pdf import VARIANTS

    options = {**DEFAULT_OPTIONS, **options}
    if variant := options["pdf_variant"]:
        for key, value in VARIANTS[variant][1].items():
            if options.get(key) is None:
                options[key] = value
    return options


def _pairs(items):
    """A flat PDF array's (key, value) pairs."""
    return zip(items[::2], items[1::2], strict=True)
