"""The report's print HTML cut into parts, each laid out as a PDF of its own.

WeasyPrint keeps every page's boxes until it has written the whole PDF (about
2.3 MB a page), so a long report's peak memory grows with its pages. Cut into
parts that each begin on a page of their own, and laid out one at a time, the
peak is the largest part's instead (``join`` joins them into one document).

Where a part begins:

- at the first chapter (``<section class="chapter">``, a child of the report's
  ``<article>``): the cover and contents are a part, laid out last, once the
  pages of the chapters are known;
- at a later chapter, when the part before holds half of ``PART_BYTES`` of
  HTML or more: the print CSS begins every chapter on a new page, so cutting
  there changes no page;
- in a long table laid out with fixed column widths (class ``fixed``), after
  the row at which the part has grown past ``PART_BYTES``: the next part opens
  the same elements again (without their ids) and repeats the table's column
  widths and header row, as a table going on over a page does; only the caption
  is not repeated. A table with automatic widths is never cut: the rows in a
  part would change its columns.

Each part is a whole HTML document: the report's ``<head>``, the elements open
where it begins, its own markup, and those open where it ends, closed.
"""

import gc
import re
from dataclasses import dataclass, field

from .join import PdfJoiner

#: How much of the report's HTML a part holds before a long table is cut after
#: its next row. A laid-out part is held whole until it is written, and two
#: processes hold one each beside the report's own (``workers``). At 100× the
#: book, with two processes (bench/report_build.py, docs/rendimiento.md): parts
#: of 250 kB peaked at 1.00 GB for all three, of 200 kB at 0.90 GB, of 150 kB at
#: 0.81 GB and of 100 kB at 0.72 GB; 150 kB was also the fastest (smaller parts
#: share the work between the two more evenly, up to a fixed cost per part).
PART_BYTES = 150_000

#: At most how many pages' running header and footer are laid out as one
#: document (``_furniture``). The pages are shared evenly between the processes,
#: one run each up to this many pages (at 100× the book, 1 108 pages: two runs of
#: 554, about 90 MB and 3.2 s each; runs of 200 took a third round).
FURNITURE_PAGES = 600

#: A start or end tag (its name, attributes and whether it closes itself), or a comment.
TAG = re.compile(r"<!--.*?-->|<(/?)([a-zA-Z][a-zA-Z0-9-]*)((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>", re.S)
#: HTML's elements without an end tag.
VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"})
ID_ATTRIBUTE = re.compile(r"""\sid=(?:"[^"]*"|'[^']*'|[^\s>]+)""")
CHAPTER = re.compile(r"""\sclass="(?:[^"]*\s)?chapter[\s"]""")
#: A table the print CSS lays out with fixed column widths: its rows can be cut,
#: since the rows in a part don't change its columns.
FIXED_TABLE = re.compile(r"""\sclass="(?:[^"]*\s)?fixed[\s"]""")
#: What a table repeats when it goes on in the next part.
REPEATED_IN_TABLE = frozenset({"colgroup", "thead"})

IDS = re.compile(r"""\sid="([^"]+)\"""")
INTERNAL_LINKS = re.compile(r"""\shref="#([^"]+)\"""")


@dataclass
class Open:
    """An element open at some point of the document: its name, its start tag and
    (a table) the parts of it that a continuation repeats."""

    name: str
    start_tag: str
    repeated: list[str] = field(default_factory=list)

    def reopened(self) -> str:
        """The element opened again in the next part: without its id, which is the first part's."""
        return ID_ATTRIBUTE.sub("", self.start_tag) + "".join(self.repeated)


@dataclass
class Part:
    """One part: a whole HTML document, the ids it defines, and those it links to
    that another part defines."""

    html: str
    anchors: set[str]
    links: set[str]
    elsewhere: set[str] = field(default_factory=set)


def split(html: str, part_bytes: int | None = None) -> list[Part]:
    """``html`` (the report's print document) cut into parts of about ``part_bytes`` (``PART_BYTES``)."""
    part_bytes = part_bytes or PART_BYTES
    body = html.find("<body")
    head = html[:body]
    parts = []
    stack: list[Open] = []
    # The current part: where its own markup begins, and the elements open there.
    begins, opened = body, ""
    # A table's repeated child being read: (the table, where the child begins).
    reading: tuple[Open, int] | None = None

    def cut(at: int) -> None:
        nonlocal begins, opened
        own = html[begins:at]
        end_tags = "".join(f"</{element.name}>" for element in reversed(stack)) + "</html>"
        parts.append(Part(head + opened + own + end_tags, set(IDS.findall(own)), set(INTERNAL_LINKS.findall(own))))
        begins, opened = at, "".join(element.reopened() for element in stack)

    for match in TAG.finditer(html, body):
        closing, name, attributes = match.group(1), match.group(2), match.group(3)
        if name is None:
            continue  # a comment
        name = name.lower()
        if closing:
            if not any(element.name == name for element in stack):
                continue  # an end tag with no element open
            while stack.pop().name != name:
                pass  # an element whose end tag HTML lets go unwritten (a <p>, an <li>)
            if reading and stack and reading[0] is stack[-1] and name in REPEATED_IN_TABLE:
                reading[0].repeated.append(html[reading[1]:match.end()])
                reading = None
            if (
                name == "tr" and len(stack) > 1 and stack[-1].name == "tbody" and stack[-2].name == "table"
                and FIXED_TABLE.search(stack[-2].start_tag) and match.end() - begins > part_bytes
            ):
                cut(match.end())
            continue
        if name in VOID or attributes.endswith("/"):
            continue
        if name == "section" and stack and stack[-1].name == "article" and CHAPTER.search(attributes):
            after_contents = not parts and html[begins:match.start()].strip()
            if after_contents or match.start() - begins >= part_bytes // 2:
                cut(match.start())
        if name in REPEATED_IN_TABLE and stack and stack[-1].name == "table":
            reading = (stack[-1], match.start())
        stack.append(Open(name, match.group(0)))
    parts.append(Part(
        head + opened + html[begins:], set(IDS.findall(html, begins)), set(INTERNAL_LINKS.findall(html, begins)),
    ))
    everywhere = set().union(*(part.anchors for part in parts))
    for part in parts:
        part.elsewhere = (part.links - part.anchors) & everywhere
    return parts


#: Every page margin box (CSS Paged Media): the parts draw none, the furniture draws them.
MARGIN_BOXES = (
    "top-left-corner", "top-left", "top-center", "top-right", "top-right-corner", "right-top", "right-middle",
    "right-bottom", "bottom-right-corner", "bottom-right", "bottom-center", "bottom-left", "bottom-left-corner",
    "left-bottom", "left-middle", "left-top",
)
#: The parts' pages without their running header and footer.
NO_FURNITURE = "@page { " + " ".join(f"@{box} {{ content: none; }}" for box in MARGIN_BOXES) + " }"
#: A contents entry's page number where the chapter is another part's (``report-print.css``: the
#: contents' rule with ``target-counter``, which can only count the pages of the part it is in).
CONTENTS_ENTRY = '.report-document .toc a[href="#{anchor}"]::after {{ content: leader(".") "{page}"; }}'
#: An address the print CSS fetches (``url(…)``: the fonts).
CSS_URL = re.compile(r"""url\(\s*["']?([^"')\s]+)""")
#: The element whose text the running header repeats (``string-set`` in report-print.css).
RUNNING_STRING = re.compile(r'<span class="running-period">.*?</span>', re.S)


def _css_string(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\a ")


def _prepared(part: Part, css: str = "") -> str:
    """A part's document as WeasyPrint lays it out: no running header and footer,
    and an empty element for each id it links to in another part (so the link is
    kept, and ``join`` points it at that part's element)."""
    head, _, rest = part.html.partition("</head>")
    body, _, end = rest.rpartition("</body>")
    placeholders = "".join(f'<div id="{anchor}"></div>' for anchor in sorted(part.elsewhere))
    return f"{head}<style>{NO_FURNITURE}{css}</style></head>{body}{placeholders}</body>{end}"


def _furniture(first: Part, sizes: list[tuple[float, float]], start: int = 0, count: int | None = None) -> str:
    """The running header and footer of the pages from ``start`` on (``count``
    of them, else all), each of its size in ``sizes`` (every page's): a
    document of as many empty pages with the report's page rules. The page
    count is known, and written in where the rules count the pages. Past the
    first page, the document opens with the page before ``start``, which
    counts from there and sets the header's running text; it is left out."""
    total, end = len(sizes), len(sizes) if count is None else min(start + count, len(sizes))
    head = first.html.partition("</head>")[0].replace("counter(pages)", f'"{total}"')
    run = sizes[start - 1:end] if start else sizes[:end]
    named = {size: f"cdmx-pagina-{number}" for number, size in enumerate(dict.fromkeys(run))}
    rules = "".join(f"@page {name} {{ size: {width}pt {height}pt; }}" for (width, height), name in named.items())
    # Drawn over its page: nothing but the margin boxes, no canvas (the report's body is white).
    rules += (
        "html, body { background: none !important; } .cdmx-pie + .cdmx-pie { break-before: page; }"
        " .cdmx-pie .running-period { visibility: hidden; }"
    )
    pages = [f'<div class="cdmx-pie" style="page: {named[size]}"></div>' for size in run]
    if start and pages:
        # The page before: numbered as it is in the document (counter-reset stops the automatic increment).
        width, height = run[0]
        rules += (
            f"@page cdmx-desde {{ size: {width}pt {height}pt; counter-reset: page {start - 1};"
            " counter-increment: page 1; }"
        )
        pages[0] = '<div class="cdmx-pie" style="page: cdmx-desde"></div>'
    running = RUNNING_STRING.search(first.html)
    if running and pages:
        pages[0] = pages[0].replace("></div>", f">{running.group(0)}</div>")
    return f'{head}<style>{rules}</style></head><body><div class="report-document">{"".join(pages)}</div></body></html>'


def _fetched(head: str, url_fetcher) -> dict[str, tuple[bytes, dict[str, str]]]:
    """What the CSS of ``head`` fetches (the fonts), fetched here with ``url_fetcher``:
    ``{url: (body, headers)}``; an address it refuses is left out, as refused."""
    resources = {}
    for url in dict.fromkeys(CSS_URL.findall(head)):
        try:
            response = url_fetcher.fetch(url)
        except Exception:  # noqa: BLE001 - the processes refuse it too, and WeasyPrint says so there
            continue
        resources[url] = (response.read(), dict(response.headers.items()))
    return resources


def render(parts: list[Part], *, url_fetcher, processes: int = 1, **options) -> bytes:
    """The PDF of ``parts`` (``split``) laid out and joined; the ``options`` of
    WeasyPrint's ``write_pdf`` (the attachments go with the first part, and
    may be given as a function that makes them). With ``processes`` over 1 and
    more than one chapter part, the chapters and the pages' running header and
    footer (in a run per process, of ``FURNITURE_PAGES`` at most) are laid out in that many other
    processes at once (the same PDF, byte for byte), and the attachments are
    made meanwhile; else one at a time, here, after the attachments."""
    from weasyprint import HTML

    from .workers import Job, LaidOutHere, PartWorkers

    joiner = PdfJoiner()
    attachments = options.pop("attachments", None)
    make_attachments = attachments if callable(attachments) else lambda: attachments

    def meanwhile() -> None:
        nonlocal attachments
        attachments = make_attachments()

    processes = min(processes, len(parts) - 1)
    if processes > 1:
        layout = PartWorkers(processes, _fetched(parts[0].html.partition("</head>")[0], url_fetcher), **options)
    else:
        layout = LaidOutHere(url_fetcher, **options)
    chapters = [
        Job(index, _prepared(part), frozenset(part.anchors), len(part.elsewhere))
        for index, part in enumerate(parts[1:], start=1)
    ]
    with layout:
        # The chapters first: the contents, in the first part, gives their pages.
        later_pages, pages_of = 0, {}
        for written in layout.written(chapters, joiner, meanwhile):
            pages_of.update((anchor, later_pages + page) for anchor, page in written.found.items())
            later_pages += len(written.kept.pages)
        first, first_pages = parts[0], 2
        for _attempt in range(3):
            css = "".join(
                CONTENTS_ENTRY.format(anchor=_css_string(anchor), page=first_pages + pages_of[anchor] + 1)
                for anchor in sorted(first.elsewhere) if anchor in pages_of
            )
            document = HTML(string=_prepared(first, css), url_fetcher=url_fetcher).render()
            if not css or len(document.pages) == first_pages:
                break
            first_pages = len(document.pages)
        joiner.add(0, document, first.anchors, len(first.elsewhere), attachments=attachments, **options)
        del document
        gc.collect()
        sizes = joiner.page_sizes()
        run = min(FURNITURE_PAGES, -(-len(sizes) // max(processes, 1)))
        furniture = [
            Job(start, _furniture(first, sizes, start, run), furniture=True, skip=1 if start else 0)
            for start in range(0, len(sizes), run)
        ]
        for _written in layout.written(furniture, joiner):
            pass
    return joiner.finish()
