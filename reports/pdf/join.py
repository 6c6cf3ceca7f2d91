"""The parts of a document joined into one PDF while they are written.

Each part is laid out by WeasyPrint alone and turned into PDF objects by
WeasyPrint's own writer (``generate_pdf``), numbered in one sequence for the
whole file (``part_objects``): so each part's objects are written out at once,
and the part freed, before the next is laid out. What belongs to the whole
document is kept aside, small, and written last:

- the pages, which get their running header and footer then: documents of as
  many empty pages, laid out in runs once the page count is known
  (``parts._furniture``, ``absorb_furniture``), each page drawn over its page
  as an artifact;
- the structure tree: each part's top elements go under one /Document
  element, and the parent tree's keys follow on from part to part;
- the outline, built with WeasyPrint's own rule over every part's headings;
- the named destinations, each from the part that holds its element;
- from the first part, the catalog's metadata, output intent and attachments,
  and the document information.
"""

import hashlib
import io
import types
import zlib
from math import ceil, log

import pydyf

from .part_objects import PartStart, WrittenFurniture, WrittenPart, _number, numbered, write_part

#: How many objects an object stream holds.
OBJECTS_PER_STREAM = 4000
#: The compression of object streams, as WeasyPrint's (pydyf's) streams.
COMPRESSION_LEVEL = 9
#: The name, in each page's resources, of its running header and footer.
FURNITURE = "CdmxFurniture"


class PdfJoiner:
    """One PDF written from parts added in any order (``add``), then ``finish``-ed."""

    def __init__(self):
        self._numbering = [1]  # the first PDF's free object is the file's object 0
        self._output = io.BytesIO()
        self._hash = hashlib.md5()
        self._xref: dict[int, tuple[int, int, int]] = {}
        self._batch: list[tuple[int, bytes]] = []
        self._parts: dict[int, types.SimpleNamespace] = {}
        self._parent_keys = 0
        self._parent_tree_entries: list[tuple[int, bytes]] = []
        self._destinations: dict[str, bytes] = {}
        self._forms: list[bytes] = []
        with self.numbered():
            self._final = pydyf.PDF()
            self._document = pydyf.Dictionary({"Type": "/StructElem", "S": "/Document"})
            self._final.add_object(self._document)
        self._output.write(b"%PDF-1.7\n%\xf0\x9f\x96\xa4\n")

    def numbered(self):
        """pydyf's PDFs made inside the block number their objects in this file."""
        return numbered(self._numbering)

    def start(self) -> PartStart:
        """Where the next part's objects and parent tree keys begin (``write_part``)."""
        return PartStart(self._numbering[0], self._parent_keys, self._document.reference)

    def add(self, index: int, document, anchors: set[str], placeholders: int = 0, **options) -> dict[str, int]:
        """Write the part at ``index`` laid out as ``document`` (``write_part``),
        here; returns the page, counted from 0 in the part, of each of its anchors."""
        return self.absorb(index, write_part(index, document, anchors, placeholders, self.start(), **options))

    def absorb(self, index: int, part: WrittenPart) -> dict[str, int]:
        """Write the part at ``index``, written by ``write_part`` from this file's
        ``start()`` (here or in another process), and keep what the end needs;
        returns the page, counted from 0 in the part, of each of its anchors."""
        self._numbering[0] = part.number
        self._parent_tree_entries.extend(part.parent_tree_entries)
        self._parent_keys = part.parent_keys
        self._destinations.update(part.destinations)
        self._parts[index] = part.kept
        for number, data, compressible in part.objects:
            self._write_data(number, data, compressible)
        return part.found

    def absorb_furniture(self, furniture: WrittenFurniture) -> None:
        """Write a run of pages' running header and footer (``write_furniture``),
        from this file's ``start()``; they go to the pages in the order absorbed."""
        self._numbering[0] = furniture.number
        self._forms.extend(furniture.forms)
        for number, data, compressible in furniture.objects:
            self._write_data(number, data, compressible)

    def page_sizes(self) -> list[tuple[float, float]]:
        """Each page's width and height in points, in the document's order."""
        sizes = []
        for index in sorted(self._parts):
            for page in self._parts[index].pages:
                left, top, right, bottom = page["MediaBox"]
                sizes.append((right - left, bottom - top))
        return sizes

    def _write(self, obj) -> None:
        self._write_data(obj.number, obj.data, obj.compressible)

    def _write_data(self, number: int, data: bytes, compressible: bool) -> None:
        self._hash.update(data)
        if compressible:
            self._batch.append((number, data))
            if len(self._batch) >= OBJECTS_PER_STREAM:
                self._flush()
            return
        self._xref[number] = (1, self._output.tell(), 0)
        self._output.write(b"%d 0 obj\n%s\nendobj\n" % (number, data))

    def _flush(self) -> None:
        """The objects waiting for an object stream, written in one."""
        if not self._batch:
            return
        number = self._numbering[0]
        self._numbering[0] += 1
        offsets, position = [], 0
        for index, (member, data) in enumerate(self._batch):
            self._xref[member] = (2, number, index)
            offsets.append(b"%d %d" % (member, position))
            position += len(data) + 1
        header = b" ".join(offsets)
        content = zlib.compress(header + b"\n" + b"\n".join(data for _member, data in self._batch),
                                COMPRESSION_LEVEL)
        self._xref[number] = (1, self._output.tell(), 0)
        self._output.write(
            b"%d 0 obj\n<</Type /ObjStm /N %d /First %d /Filter /FlateDecode /Length %d>>\n"
            b"stream\n%s\nendstream\nendobj\n" % (number, len(self._batch), len(header) + 1, len(content), content)
        )
        self._batch = []

    def finish(self) -> bytes:
        """The joined PDF, each page with its running header and footer, as
        absorbed (``absorb_furniture``): one for every page, in their order."""
        parts = [self._parts[index] for index in sorted(self._parts)]
        pages = [page for part in parts for page in part.pages]
        forms = self._forms
        if len(forms) != len(pages):
            raise ValueError(f"El pie de página tiene {len(forms)} páginas; el documento, {len(pages)}.")
        final = self._final
        with self.numbered():
            opening = pydyf.Stream([b"q"])
            closing = pydyf.Stream([b"Q", b"/Artifact BMC", b"q", b"/%s Do" % FURNITURE.encode(), b"Q", b"EMC"])
            for stream in (opening, closing):
                final.add_object(stream)
        for page, form in zip(pages, forms, strict=True):
            final.pages["Kids"].extend([page.number, 0, "R"])
            final.pages["Count"] += 1
            page["Parent"] = final.pages.reference
            page["Contents"] = pydyf.Array([opening.reference, page["Contents"], closing.reference])
        self._write_pages(parts, forms)
        self._write_catalog(parts)
        for obj in final.objects:
            if obj.free != "f":
                self._write(obj)
        self._flush()
        return self._trailer()

    def _write_pages(self, parts, forms) -> None:
        """The pages, each drawing its furniture form by one name in resources of its own."""
        forms = iter(forms)
        for part in parts:
            for page in part.pages:
                shared = part.resources[_number(page["Resources"])]
                own = pydyf.Dictionary(shared)
                own["XObject"] = pydyf.Dictionary({**shared.get("XObject", {}), FURNITURE: next(forms)})
                page["Resources"] = own
                self._write(page)

    def _write_catalog(self, parts) -> None:
        """The structure tree, the outline, the destinations and the catalog, from
        every part; the catalog's other entries and the information from the first."""
        from weasyprint.anchors import make_page_bookmark_tree
        from weasyprint.matrix import Matrix
        from weasyprint.pdf.anchors import add_outlines

        final, first = self._final, parts[0]
        with self.numbered():
            parent_tree = pydyf.Dictionary({"Nums": pydyf.Array(
                item for key, value in sorted(self._parent_tree_entries) for item in (key, value)
            )})
            final.add_object(parent_tree)
            root = pydyf.Dictionary({
                "Type": "/StructTreeRoot", "K": pydyf.Array([self._document.reference]),
                "ParentTree": parent_tree.reference, "ParentTreeNextKey": self._parent_keys,
            })
            final.add_object(root)
            self._document["P"] = root.reference
            self._document["K"] = pydyf.Array(reference for part in parts for reference in part.top)

            # WeasyPrint's own rule, over the pages of every part in their order.
            tree, skipped, level = [], [], 0
            last_by_depth = [tree]
            pages = (page for part in parts for page in zip(part.bookmarks, part.heights, strict=True))
            for page_number, (bookmarks, height) in enumerate(pages):
                level = make_page_bookmark_tree(
                    types.SimpleNamespace(bookmarks=bookmarks), skipped, last_by_depth, level, page_number,
                    Matrix(a=0.75, d=-0.75, f=height),
                )
            add_outlines(final, tree)

            for key, value in first.catalog.items():
                if key not in final.catalog and key not in ("StructTreeRoot", "Outlines", "Names"):
                    final.catalog[key] = value
            final.catalog["StructTreeRoot"] = root.reference
            names = pydyf.Dictionary(first.catalog.get("Names", {}))
            names["Dests"] = pydyf.Dictionary({"Names": pydyf.Array(
                item for name in sorted(self._destinations) for item in (pydyf.String(name), self._destinations[name])
            )})
            final.catalog["Names"] = names
            if first.info:
                final.info = first.info
                final.add_object(final.info)

    def _trailer(self) -> bytes:
        """The cross-reference stream, with the trailer's entries, and the end of the file."""
        number = self._numbering[0]
        self._numbering[0] += 1
        position = self._output.tell()
        self._xref[number] = (1, position, 0)
        size = number + 1
        entries = [self._xref.get(n, (0, 0, 0)) for n in range(size)]
        entries[0] = (0, 0, 65535)
        widths = (1, ceil(log(position + 1, 256)), max(2, ceil(log(max(e[2] for e in entries) + 1, 256))))
        table = b"".join(value.to_bytes(width, "big") for entry in entries for width, value in zip(widths, entry))
        identifier = pydyf.String(self._hash.hexdigest().encode()).data
        final = self._final
        xref = pydyf.Stream([table], {
            "Type": "/XRef", "Index": pydyf.Array((0, size)), "W": pydyf.Array(widths), "Size": size,
            "Root": final.catalog.reference, "ID": pydyf.Array((identifier, identifier)),
            **({"Info": final.info.reference} if final.info else {}),
        }, compress=True)
        self._output.write(b"%d 0 obj\n%s\nendobj\nstartxref\n%d\n%%%%EOF\n" % (number, xref.data, position))
        return self._output.getvalue()
