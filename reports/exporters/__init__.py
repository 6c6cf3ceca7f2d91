"""The report's formats: small exporter classes over one report-data dict.

Each has ``format``, ``extension``, ``content_type`` and ``render(data) -> bytes``:
the PDF and HTML documents (``document``) and the annexes (``annexes``).
"""

from .annexes import ANNEX_TABLES, CsvExporter, JsonExporter, XlsxExporter
from .base import Exporter
from .document import HtmlExporter, PdfExporter

__all__ = [
    "ANNEX_TABLES", "CsvExporter", "Exporter", "HtmlExporter", "JsonExporter", "PdfExporter", "XlsxExporter",
    "exporters",
]


def exporters() -> list[Exporter]:
    """Every format, in the order a report lists its files."""
    return [PdfExporter(), HtmlExporter(), CsvExporter(), XlsxExporter(), JsonExporter()]
