"""The report as a document: a standalone HTML page and the PDF of record.

Both render the same templates from the report data; the PDF is that HTML
laid out for print by WeasyPrint (cover, table of contents, page numbers,
embedded fonts, charts and a map), with nothing fetched from the network.

The PDF is archival and tagged: PDF/A-3b, carrying the report's data files
(JSON, CSV, XLSX) embedded as associated files, with a structure tree for
screen readers (headings, tables with their header cells, figures with their
alternative text, the language and the title). WeasyPrint writes one variant
per PDF, so it is not also declared PDF/UA-1 (docs/informe.md).
"""

import datetime
from collections.abc import Callable, Sequence
from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from ..data import REPORT_LANGUAGE
from ..models import FileFormat, Report
from .base import Exporter
from ..pdf import parts as pdf_parts
from ..pdf.workers import started_early
from ..pdf.writing import cyclic_collector_paused, page_references_kept, pseudo_element_styles_shared

#: The data files a PDF embeds, ``(exporter, content)``, or a function that renders them.
DataFiles = Sequence[tuple[Exporter, bytes]] | Callable[[], Sequence[tuple[Exporter, bytes]]]

#: The scheme of the addresses the print CSS uses for the project's static files.
STATIC_SCHEME = "static:"

CONTENT_TYPES = {".ttf": "font/ttf", ".css": "text/css", ".svg": "image/svg+xml", ".png": "image/png"}

#: The scheme of the addresses of the data files the PDF embeds (``data_file_fetcher``).
DATA_FILE_SCHEME = "informe:"

#: The PDF variant: archival, part 3 (files of any type embedded), level B.
PDF_VARIANT = "pdf/a-3b"

#: The data files the PDF embeds, in the order of their names (a PDF's name
#: tree is sorted): what each is to the document (PDF/A-3's /AFRelationship:
#: the CSV and the XLSX are its tables as data, the JSON is the data it was
#: composed from) and its description.
EMBEDDED_FILES = {
    FileFormat.CSV: (
        "Data",
        _("Tablas del informe en CSV, una por archivo, en un ZIP: las mismas filas que las tablas de este documento."),
    ),
    FileFormat.JSON: (
        "Source",
        _(
            "Datos del informe en JSON (metadatos, tablas, desgloses, mapa y método), de los que se compuso este "
            "documento."
        ),
    ),
    FileFormat.XLSX: (
        "Data",
        _("Tablas del informe en XLSX, una hoja por tabla: las mismas filas que las tablas de este documento."),
    ),
}


def render_document(data: dict, *, for_print: bool) -> str:
    with translation.override(REPORT_LANGUAGE):
        return render_to_string("reports/document/report.html", {"report": data, "for_print": for_print})


def static_file_fetcher():
    """A WeasyPrint URL fetcher that serves only the project's own static
    files (``static:reports/fonts/…``) and refuses every other address, so
    the PDF never depends on the network nor on files outside the project."""
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class StaticFilesFetcher(URLFetcher):
        def fetch(self, url, headers=None):
            if not url.startswith(STATIC_SCHEME):
                raise ValueError(f"El informe no obtiene recursos externos: {url}")
            path = url.removeprefix(STATIC_SCHEME).lstrip("/")
            found = finders.find(path) if ".." not in Path(path).parts else None
            if not found:
                raise FileNotFoundError(f"No es un archivo estático del portal: {path}")
            body = Path(found).read_bytes()
            content_type = CONTENT_TYPES.get(Path(found).suffix, "application/octet-stream")
            return URLFetcherResponse(url, body, {"Content-Type": content_type})

    return StaticFilesFetcher()


def data_file_fetcher(files: dict[str, tuple[bytes, str]]):
    """A WeasyPrint URL fetcher that serves only the given data files
    (``informe:<name>`` → ``(content, content_type)``), so each embedded file
    has its own MIME type. A file it can't serve stops the render: a PDF of
    record without its data is not written."""
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class DataFilesFetcher(URLFetcher):
        def fetch(self, url, headers=None):
            content, content_type = files[url.removeprefix(DATA_FILE_SCHEME)]
            return URLFetcherResponse(url, content, {"Content-Type": content_type})

    return DataFilesFetcher(fail_on_errors=True)


def embedded_files(data: dict, data_files: Sequence[tuple[Exporter, bytes]]) -> list:
    """The WeasyPrint attachments of ``data_files`` (``(exporter, content)``
    pairs), named as the report saves them and dated when it was generated."""
    from weasyprint import Attachment

    meta = data["meta"]
    # The report's own file stem (an unsaved instance: only its name is needed).
    stem = Report(year=meta["year"], half=meta["half"], version=meta["version"]).file_stem
    names = {exporter.format: f"{stem}.{exporter.extension}" for exporter, _content in data_files}
    fetcher = data_file_fetcher({
        names[exporter.format]: (content, exporter.content_type) for exporter, content in data_files
    })
    # WeasyPrint writes an attachment's dates as UTC without converting them.
    generated_at = datetime.datetime.fromisoformat(meta["generated_at"]).astimezone(datetime.UTC).replace(tzinfo=None)
    attachments = []
    with translation.override(REPORT_LANGUAGE):
        for file_format, (relationship, description) in EMBEDDED_FILES.items():
            if file_format in names:
                attachments.append(Attachment(
                    url=DATA_FILE_SCHEME + names[file_format], url_fetcher=fetcher, name=names[file_format],
                    description=str(description), relationship=relationship, created=generated_at,
                    modified=generated_at,
                ))
    return attachments


def pdf_processes_started():
    """The PDF's processes (``REPORT_PDF_PROCESSES``) started on entering the
    block, for the PDF rendered in it to take: around a report's data and files,
    they load WeasyPrint while the data is read (``reports.pdf.workers.started_early``)."""
    return started_early(settings.REPORT_PDF_PROCESSES)


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

    def render(self, data: dict, *, data_files: DataFiles = ()) -> bytes:
        """The PDF of record, embedding ``data_files``: the ``(exporter,
        content)`` pairs of the data files rendered for the same report, so
        that the embedded bytes are the saved ones (``render_files``); or a
        function that renders and returns them, called while the chapters are
        laid out in other processes (or before them, when they are not)."""
        # Laid out in parts and joined (reports.pdf: parts, workers, join):
        # WeasyPrint keeps every page's boxes until it has written them.
        parts = pdf_parts.split(render_document(data, for_print=True))
        # The PDF's metadata (title, author, language, creation date) comes
        # from the document's <title>, <meta> and lang attribute; with tags,
        # WeasyPrint also asks viewers to show that title, not the file name.
        with cyclic_collector_paused(), page_references_kept(), pseudo_element_styles_shared():
            return pdf_parts.render(
                parts, url_fetcher=static_file_fetcher(), processes=settings.REPORT_PDF_PROCESSES,
                pdf_variant=PDF_VARIANT, pdf_tags=True,
                attachments=lambda: embedded_files(data, data_files() if callable(data_files) else data_files),
            )
