"""The report's formats: small exporter classes over one report-data dict.

Each has ``format``, ``extension``, ``content_type`` and ``render(data) -> bytes``:
the PDF and HTML documents (``document``) and the annexes (``annexes``).
"""

from ..models import FileFormat
from .annexes import ANNEX_TABLES, CsvExporter, JsonExporter, XlsxExporter
from .base import Exporter
from .document import EMBEDDED_FILES, HtmlExporter, PdfExporter, pdf_processes_started

__all__ = [
    "ANNEX_TABLES", "CsvExporter", "Exporter", "HtmlExporter", "JsonExporter", "PdfExporter", "XlsxExporter",
    "exporters", "pdf_processes_started", "render_files",
]


def exporters() -> list[Exporter]:
    """Every format, in the order a report lists its files."""
    return [PdfExporter(), HtmlExporter(), CsvExporter(), XlsxExporter(), JsonExporter()]


def render_files(data: dict) -> list[tuple[Exporter, bytes]]:
    """Every format's ``(exporter, content)``, rendered once each, in the order
    of ``exporters()``. The PDF embeds the data files, the very bytes that are
    saved beside it: they are rendered once its chapters are under way, while
    other processes lay them out (``PdfExporter.render``)."""
    everything = exporters()
    rendered = {}

    def data_files() -> list[tuple[Exporter, bytes]]:
        rendered.update((e.format, e.render(data)) for e in everything if e.format != FileFormat.PDF)
        return [(other, rendered[other.format]) for other in everything if other.format in EMBEDDED_FILES]

    for exporter in everything:
        if exporter.format == FileFormat.PDF:
            rendered[exporter.format] = exporter.render(data, data_files=data_files)
    return [(exporter, rendered[exporter.format]) for exporter in everything]
