"""A tagged PDF read back through its structure tree: each element with the
text of its marked content (pypdf). What a screen reader follows, and what
the content of a PDF is whatever its layout: a cell's text stays the cell's
however its lines break."""

import re
from collections import defaultdict
from dataclasses import dataclass, field

import pypdf

#: A word WeasyPrint hyphenated at a line's end (``hyphens: auto`` draws U+2010).
LINE_HYPHEN = re.compile(r"\u2010\s+")
#: A table of contents' leader and page number: where a chapter begins is the layout's.
CONTENTS_LEADER = re.compile(r"\s*\.{3,}\s*\d*$")


@dataclass
class Element:
    """One element of the PDF's structure tree, with the text of its marked content."""

    kind: str
    text: str
    item: pypdf.generic.DictionaryObject
    children: list["Element"] = field(default_factory=list)

    def walk(self):
        yield self
        for child in self.children:
            yield from child.walk()

    def find(self, kind: str) -> list["Element"]:
        return [element for element in self.walk() if element.kind == kind]


def marked_texts(reader: pypdf.PdfReader) -> dict[tuple[int, int], str]:
    """The text of each marked-content sequence, by (page, MCID)."""
    texts = defaultdict(str)
    for number, page in enumerate(reader.pages):
        open_ids = []

        def before(operator, operands, _cm, _tm):
            if operator == b"BDC":
                properties = operands[1] if len(operands) > 1 and hasattr(operands[1], "get") else {}
                open_ids.append(properties.get("/MCID"))
            elif operator == b"BMC":
                open_ids.append(None)
            elif operator == b"EMC":
                open_ids.pop()

        def text(content, _cm, _tm, _font, _size, number=number, open_ids=open_ids):
            ids = [mcid for mcid in open_ids if mcid is not None]
            if ids:
                texts[number, ids[-1]] += content

        page.extract_text(visitor_operand_before=before, visitor_text=text)
    return texts


def structure(reader: pypdf.PdfReader) -> Element:
    """The structure tree from its /Document element, each element with its text."""
    pages = {page.indirect_reference.idnum: number for number, page in enumerate(reader.pages)}
    texts = marked_texts(reader)

    def element(item, page) -> tuple[Element, str]:
        item = item.get_object()
        if "/Pg" in item:
            page = pages[item.raw_get("/Pg").idnum]
        kids = item.get("/K", [])
        node, text = Element(str(item["/S"])[1:], "", item), ""
        for kid in kids if isinstance(kids, list) else [kids]:
            if isinstance(kid, int):
                text += texts[page, kid]
            elif kid.get_object().get("/Type") != "/OBJR":  # a link's annotation
                child, child_text = element(kid, page)
                node.children.append(child)
                text += child_text
        # Lines end in a line break, not a space: whitespace is normalised only here.
        node.text = " ".join(text.split())
        return node, text

    return element(reader.trailer["/Root"]["/StructTreeRoot"]["/K"][0], None)[0]


#: The elements whose text is read as one: a block of text, a cell, a caption.
TEXT_BLOCKS = {"P", "H1", "H2", "H3", "H4", "H5", "H6", "TD", "TH", "Caption", "Lbl", "LBody", "BlockQuote"}


def content_text(reader: pypdf.PdfReader) -> list[str]:
    """The PDF's content as a reader meets it: the text of each block (a
    paragraph, a heading, a cell, a caption, a list item's body) in the
    structure tree's order, one per line, with the words a line end
    hyphenated joined again, and each table's header once. Running headers,
    footers and page numbers are artifacts, outside the tree; where a line or
    a page breaks, and so where a table's header is repeated, is the layout's."""
    lines = []
    last_header = [None]

    def visit(node: Element) -> None:
        if node.kind == "THead":
            # A table going on over a page is a new table with the same header.
            if node.text == last_header[0]:
                return
            last_header[0] = node.text
        if node.kind in TEXT_BLOCKS and node.text:
            lines.append(CONTENTS_LEADER.sub(" …", LINE_HYPHEN.sub("", node.text)))
            return
        for child in node.children:
            visit(child)

    visit(structure(reader))
    return lines
