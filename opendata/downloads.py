"""The bulk downloads: a table's rows as CSV, XLSX or JSON.

One small exporter per format (``extension``, ``content_type``,
``response(...)``). Rows are read as values, a chunk at a time, with one values
query per link the table shows and chunk (``opendata.rows``; a table registered
without its links reads model instances, its selector's prefetches once per
chunk), so memory stays flat however many records a table holds: CSV and JSON are streamed as they are written; XLSX is
written row by row (``opendata.xlsx``, the sheet's XML straight into the zip)
into a temporary file, in memory while it is small, which is then sent.

CSV and XLSX are read by spreadsheets, so their text cells go through
``escape_formula``; JSON is not a spreadsheet and keeps every value as it is.
"""

import csv
import datetime
import gc
import tempfile
from collections.abc import Callable, Iterable, Iterator
from decimal import Decimal

from django.db.models import QuerySet
from django.http import FileResponse, StreamingHttpResponse
from django.utils import timezone, translation
import orjson
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from cdmx_global.spreadsheets import escape_formula

from .addresses import Addresses
from .rows import values_records
from .tables import Table
from .xlsx import write_workbook

#: Records read from the database at a time (and their links read per chunk).
CHUNK_SIZE = 500
#: CSV rows sent to the client at a time.
ROWS_PER_WRITE = 100
#: Like the admin's export: the byte-order mark lets a spreadsheet read the accents.
CSV_ENCODING = "utf-8-sig"
#: An XLSX file up to this size is built in memory, a larger one in a temporary file.
XLSX_IN_MEMORY = 64 * 1024


def filename(table: Table, extension: str) -> str:
    return f"cdmx-global-{table.name}.{extension}"


def rows(table: Table, records: QuerySet, absolute_url: Callable[[str], str]) -> Iterator[list]:
    addresses = Addresses(absolute_url)
    if table.links is not None:
        # Read as values, each link once per chunk (``opendata.rows``): no model instances.
        for record in values_records(records, table.links, CHUNK_SIZE):
            yield table.row(record, addresses)
        return
    for number, record in enumerate(records.iterator(chunk_size=CHUNK_SIZE), start=1):
        yield table.row(record, addresses)
        # A record and what was prefetched for it point at each other (an
        # action back at its agreement): dropped here, most of a finished
        # chunk is freed at once; what still forms cycles goes with a
        # collection per chunk, not at the collector's next full pass, many
        # chunks later. That keeps the memory flat.
        record.__dict__.pop("_prefetched_objects_cache", None)
        record._state.fields_cache.clear()
        if number % CHUNK_SIZE == 0:
            gc.collect()


def _local(value: datetime.datetime, zone=None) -> datetime.datetime:
    """In the current time zone (``zone``, looked up once per download, or looked up now)."""
    return timezone.localtime(value, zone).replace(microsecond=0)


def _in_language(language: str, chunks: Iterable) -> Iterator:
    """A streamed body is written after the view returns: keep the request's language."""
    with translation.override(language):
        yield from chunks


def _attachment(response, table: Table, extension: str):
    response["Content-Disposition"] = f'attachment; filename="{filename(table, extension)}"'
    return response


class StreamedDownload:
    """A format written as it is sent: subclasses give ``chunks()``."""

    extension: str
    content_type: str

    def chunks(self, table: Table, values: Iterable[list]) -> Iterator[bytes]:
        raise NotImplementedError

    def response(self, table: Table, values: Iterable[list]) -> StreamingHttpResponse:
        language = translation.get_language()
        body = _in_language(language, self.chunks(table, values))
        return _attachment(StreamingHttpResponse(body, content_type=self.content_type), table, self.extension)


class CsvDownload(StreamedDownload):
    extension = "csv"
    content_type = "text/csv; charset=utf-8"
    encoding = CSV_ENCODING

    @staticmethod
    def cell(value, zone=None) -> str:
        if type(value) is str:  # most cells, first
            return escape_formula(value)
        if value is None:
            return ""
        if isinstance(value, bool):
            return "true" if value else "false"
        if isinstance(value, datetime.datetime):
            return _local(value, zone).isoformat()
        if isinstance(value, datetime.date):
            return value.isoformat()
        if isinstance(value, str):
            return escape_formula(value)
        return str(value)

    def chunks(self, table: Table, values: Iterable[list]) -> Iterator[bytes]:
        lines = _Lines()
        writer = csv.writer(lines)
        writer.writerow(table.headers)
        yield "\ufeff".encode() + lines.take()
        cell, zone = self.cell, timezone.get_current_timezone()
        for number, row in enumerate(values, start=1):
            writer.writerow([cell(value, zone) for value in row])
            if number % ROWS_PER_WRITE == 0:
                yield lines.take()
        yield lines.take()



class _Lines:
    """What ``csv.writer`` writes, gathered until taken as UTF-8 bytes."""

    def __init__(self):
        self.parts: list[str] = []

    def write(self, text: str) -> None:
        self.parts.append(text)

    def take(self) -> bytes:
        text, self.parts = "".join(self.parts), []
        return text.encode()


class XlsxDownload:
    extension = "xlsx"
    content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

    @staticmethod
    def cell(value, zone=None):
        """Numbers, dates and booleans as real cells; text escaped (and rid of
        the control characters an XLSX file cannot hold)."""
        if isinstance(value, str):
            # A printable text holds none of those characters: no search for them.
            return escape_formula(value if value.isprintable() else ILLEGAL_CHARACTERS_RE.sub("", value))
        if isinstance(value, datetime.datetime):
            # A spreadsheet has no time zones: the portal's local time.
            return _local(value, zone).replace(tzinfo=None)
        return value

    def response(self, table: Table, values: Iterable[list]) -> FileResponse:
        # Kept in memory while small (the small tables' whole file), on disk
        # past that; deleted when the response closes it.
        file = tempfile.SpooledTemporaryFile(max_size=XLSX_IN_MEMORY, suffix=".xlsx")
        cell, zone = self.cell, timezone.get_current_timezone()
        write_workbook(
            file, title=table.name[:31], headers=table.headers, rows=([cell(value, zone) for value in row] for row in values)
        )
        file.seek(0)
        return FileResponse(
            file, as_attachment=True, filename=filename(table, self.extension), content_type=self.content_type
        )


class JsonDownload(StreamedDownload):
    """An array of objects keyed by the columns' stable keys, typed values,
    ``null`` for an empty one."""

    extension = "json"
    content_type = "application/json"

    @staticmethod
    def value(value, zone=None) -> str:
        if isinstance(value, Decimal):
            # Written as the exact decimal number, not through a float.
            return str(value)
        if isinstance(value, datetime.datetime):
            value = _local(value, zone).isoformat()
        elif isinstance(value, datetime.date):
            value = value.isoformat()
        # orjson writes what ``json.dumps(value, ensure_ascii=False)`` does, faster.
        return orjson.dumps(value).decode()

    def chunks(self, table: Table, values: Iterable[list]) -> Iterator[bytes]:
        keys = [orjson.dumps(key).decode() for key in table.keys]
        yield b"["
        separator = "\n"
        encode, zone = self.value, timezone.get_current_timezone()
        for row in values:
            members = ", ".join(f"{key}: {encode(value, zone)}" for key, value in zip(keys, row, strict=True))
            yield f"{separator}{{{members}}}".encode()
            separator = ",\n"
        yield b"\n]\n"



EXPORTERS = {exporter.extension: exporter for exporter in (CsvDownload(), XlsxDownload(), JsonDownload())}
