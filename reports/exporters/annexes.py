"""The report's annexes (CSV, XLSX, JSON): exactly the report's tables (``data["tables"]``)."""

import csv
import io
import json
import zipfile

from openpyxl import Workbook

from cdmx_global.spreadsheets import escape_formula
from opendata.downloads import XlsxDownload

from ..models import FileFormat
from .base import Exporter

#: The tables of the annexes, in the report's order, with the name of their file or sheet.
ANNEX_TABLES = [
    ("summary", "cifras"),
    ("agreements", "acuerdos"),
    ("evaluations", "evaluaciones"),
    ("commitments", "compromisos"),
    ("recommendations", "recomendaciones"),
    ("actions", "acciones"),
    ("visits", "visitas"),
    ("events", "eventos"),
    ("positions", "cargos"),
    ("awards", "premios"),
    ("indicators", "indicadores"),
    ("year_only", "solo-por-anio"),
]

# A fixed timestamp for the entries of the ZIP, so its bytes depend only on the data.
ZIP_DATE = (1980, 1, 1, 0, 0, 0)


def table_rows(table: dict) -> tuple[list[str], list[list]]:
    """The headings and the rows of a table, cell by cell in column order."""
    keys = [key for key, _heading in table["columns"]]
    headings = [heading for _key, heading in table["columns"]]
    return headings, [[row.get(key) for key in keys] for row in table["rows"]]


class CsvExporter(Exporter):
    """One CSV per table (UTF-8 with BOM, for spreadsheets), together in a ZIP."""

    format = FileFormat.CSV
    extension = "csv.zip"
    content_type = "application/zip"

    def render(self, data: dict) -> bytes:
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            for key, name in ANNEX_TABLES:
                headings, rows = table_rows(data["tables"][key])
                text = io.StringIO()
                writer = csv.writer(text)
                writer.writerow(headings)
                writer.writerows([["" if cell is None else escape_formula(cell) for cell in row] for row in rows])
                entry = zipfile.ZipInfo(f"{name}.csv", date_time=ZIP_DATE)
                entry.compress_type = zipfile.ZIP_DEFLATED
                archive.writestr(entry, "\ufeff" + text.getvalue())
        return buffer.getvalue()


class XlsxExporter(Exporter):
    """One sheet per table."""

    format = FileFormat.XLSX
    extension = "xlsx"
    content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

    def render(self, data: dict) -> bytes:
        workbook = Workbook(write_only=True)
        for key, name in ANNEX_TABLES:
            sheet = workbook.create_sheet(title=name[:31])
            headings, rows = table_rows(data["tables"][key])
            sheet.append(headings)
            for row in rows:
                sheet.append([XlsxDownload.cell(cell) for cell in row])
        buffer = io.BytesIO()
        workbook.save(buffer)
        return buffer.getvalue()


class JsonExporter(Exporter):
    """The whole report data: metadata, tables, breakdowns, map and method."""

    format = FileFormat.JSON
    extension = "json"
    content_type = "application/json"

    def render(self, data: dict) -> bytes:
        return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=False).encode("utf-8")
