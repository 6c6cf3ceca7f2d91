"""The report as a document: a standalone HTML page and the PDF of record.

Both render the same templates from the report data; the PDF is that HTML
laid out for print by WeasyPrint (cover, table of contents, page numbers,
embedded fonts, charts and a map), with nothing fetched from the network.
"""

from django.template.loader import render_to_string
from django.utils import translation

from .data import REPORT_LANGUAGE
from .exporters import Exporter
from .models import FileFormat


def render_document(data: dict, *, for_print: bool) -> str:
    with translation.override(REPORT_LANGUAGE):
        return render_to_string("reports/document/report.html", {"report": data, "for_print": for_print})


class HtmlExporter(Exporter):
    format = FileFormat.HTML
    extension = "html"
    content_type = "text/html; charset=utf-8"

    def render(self, data: dict) -> bytes:
        return render_document(data, for_print=False).encode("utf-8")


class PdfExporter(Exporter):
    format = FileFormat.PDF
    extension = "pdf"
    content_type = "application/pdf"

    def render(self, data: dict) -> bytes:
        from weasyprint import HTML

        return HTML(string=render_document(data, for_print=True)).write_pdf()
